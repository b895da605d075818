"""LanguageTool alone: language-tool-python's ``check()`` once per file.

    python benchmarks/tools/lt_check.py --server http://127.0.0.1:8081 FILE_OR_DIR...

Talks to an already running LanguageTool HTTP server (the benchmark runner starts one on
loopback), so the figure is LanguageTool's checking time plus the client, not JVM start-up.
Front matter is dropped so that LanguageTool sees the same prose the other tools check.
Prints one line per file (path and number of matches) and a total.
"""

from __future__ import annotations

import argparse
import os
import sys


def iter_files(paths):
    for p in paths:
        if os.path.isdir(p):
            for root, _dirs, files in os.walk(p):
                for name in sorted(files):
                    if name.endswith((".md", ".markdown", ".txt")):
                        yield os.path.join(root, name)
        else:
            yield p


def strip_front_matter(text: str) -> str:
    if text.startswith("---\n"):
        end = text.find("\n---\n", 4)
        if end != -1:
            return text[end + 5:]
    return text


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--server", required=True, help="LanguageTool server URL")
    ap.add_argument("--language", default="en-US")
    ap.add_argument("paths", nargs="+")
    args = ap.parse_args(argv)

    import language_tool_python

    tool = language_tool_python.LanguageTool(args.language, remote_server=args.server)
    total = 0
    try:
        for path in iter_files(args.paths):
            with open(path, encoding="utf-8") as fh:
                text = strip_front_matter(fh.read())
            matches = tool.check(text)
            total += len(matches)
            print(f"{path}\t{len(matches)}")
    finally:
        tool.close()
    print(f"total\t{total}")
    return 1 if total else 0


if __name__ == "__main__":
    sys.exit(main())
