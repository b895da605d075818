"""The HTML report with LanguageTool's findings, from a real server, opened in Chromium."""

from __future__ import annotations

from collections import Counter

from chromium import wait_ready
from html_reports import reports
from shared_paths import SEED


def test_seed_report_with_languagetool(lt_server, browser, run_cli, tmp_path):
    config = tmp_path / ".newslint.yaml"
    config.write_text(f"languagetool:\n  url: {lt_server.url}\n", encoding="utf-8")
    out = tmp_path / "seed.html"
    # The seed has nothing LanguageTool's news defaults report; a typo of the writer's does.
    text = SEED.read_text(encoding="utf-8")
    story = text.index("Nicholas Weaver")
    article = tmp_path / SEED.name
    article.write_text(text[:story] + "The goverment did not comment. " + text[story:],
                       encoding="utf-8")
    doc, _ = reports(run_cli, [article], out, "--config", config, "--no-cache")
    rules = Counter(f["rule"] for f in doc["findings"])
    assert any(r.startswith("languagetool/") for r in rules), rules
    browser.get(out.resolve().as_uri())
    wait_ready(browser)
    assert Counter(browser.execute_script(
        "return Array.from(document.querySelectorAll('[data-rule]'))"
        ".map(e => e.getAttribute('data-rule'))")) == rules
    grammar = next(f for f in sorted(doc["findings"], key=lambda f: f["offset"])
                   if f["rule"].startswith("languagetool/"))
    marks = [m for m in browser.find_elements("css selector", "mark[data-rule]")
             if m.get_attribute("data-rule") == grammar["rule"]]
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", marks[0])
    marks[0].click()
    assert browser.find_element("id", "d-message").text == grammar["message"]
    # The explanation of a LanguageTool finding is the `languagetool` rule's documentation.
    explain = browser.execute_script("return document.getElementById('d-explain').textContent")
    assert "LanguageTool" in explain
