"""What the HTML report tests share: articles to report on and a way to run both formats."""

from __future__ import annotations

from pathlib import Path

from shared_paths import WIKINEWS

#: Markup in an article's text must show as text, never run: a paragraph printed twice (so
#: findings cover it and their excerpts and messages carry it too), a script and an image
#: with an error handler.
INJECTION = (
    "Markup in the copy\n\n"
    "The council said <script>window.pwned = 1</script> it would vote on Tuesday, "
    "experts say.\n\n"
    "The council said <script>window.pwned = 1</script> it would vote on Tuesday, "
    "experts say.\n\n"
    "A photo <img src=x onerror=\"window.pwned = 2\"> was attached by the the editor.\n"
)

INJECTION_MARKDOWN = (
    "---\ntitle: \"<script>window.pwned = 3</script> Council votes\"\ndate: 2020-08-07\n---\n\n"
    "The council <img src=x onerror=\"window.pwned = 4\"> met, experts say.\n\n"
    "Officials wrote `<script>alert(1)</script>` in the minutes.\n"
)


def wikinews_sample(n: int = 30) -> list[Path]:
    paths = sorted(WIKINEWS.glob("*.md"))[:n]
    assert len(paths) == n, f"expected {n} Wikinews articles in {WIKINEWS}"
    return paths


def reports(run_cli, paths, out: Path, *options):
    """Check ``paths`` twice, as JSON and as an HTML report written to ``out``; returns the
    JSON document and the page's text."""
    as_json = run_cli("check", *paths, "--format", "json", "--jobs", "1", *options)
    assert as_json.code in (0, 1), as_json.err
    as_html = run_cli("check", *paths, "--format", "html", "--output", out, "--jobs", "1",
                      *options)
    assert as_html.code == as_json.code, as_html.err
    assert as_html.out == ""
    return as_json.json, out.read_text(encoding="utf-8")
