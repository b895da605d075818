"""Regenerate docs/html-report.png: the seed article's HTML report in headless Chromium.

The report is written for a copy of the article in a temporary folder (so the page shows its
file name, not a path on this machine), opened in Chromium with the network off, and one
highlighted attribution finding is clicked so the details panel shows, with the rule's
explanation opened.

    .venv/bin/python docs/screenshot_report.py --languagetool-url http://127.0.0.1:8081/
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests"))

from chromium import start_driver, wait_ready  # noqa: E402
from shared_paths import SEED  # noqa: E402

OUT = REPO / "docs" / "html-report.png"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--languagetool-url", metavar="URL",
                        help="a running LanguageTool server (default: LanguageTool off)")
    parser.add_argument("--click", default="vague-attribution",
                        help="the rule of the finding to click (default: vague-attribution)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="newslint-shot-") as tmp:
        folder = Path(tmp)
        shutil.copy(SEED, folder / SEED.name)
        (folder / ".newslint.yaml").write_text(
            f"languagetool:\n  url: {args.languagetool_url}\n" if args.languagetool_url
            else "languagetool: off\n", encoding="utf-8")
        subprocess.run([str(REPO / ".venv" / "bin" / "newslint"), "check", SEED.name,
                        "--format", "html", "--output", "report.html"], cwd=folder)
        driver = start_driver(1400, 900)
        try:
            driver.get((folder / "report.html").as_uri())
            wait_ready(driver)
            mark = driver.find_element("css selector", f"mark[data-rule='{args.click}']")
            mark.click()
            driver.execute_script("document.getElementById('d-explain-box').open = true")
            driver.execute_script("window.scrollTo(0, 0)")
            driver.save_screenshot(str(OUT))
        finally:
            driver.quit()
    print(f"wrote {OUT.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
