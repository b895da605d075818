"""``--format html`` from the command line: the file it writes, without a browser (the
browser tests are in tests/browser/)."""

from __future__ import annotations

import re
from collections import Counter

from html_reports import INJECTION, INJECTION_MARKDOWN, reports, wikinews_sample
from shared_paths import SEED


def _rules_in(page: str) -> Counter:
    return Counter(re.findall(r'data-rule="([^"]*)"', page))


def test_seed_report_has_one_element_per_finding(run_cli, tmp_path, no_languagetool):
    doc, page = reports(run_cli, [SEED], tmp_path / "seed.html", "--config", no_languagetool)
    assert doc["findings"], "the seed article has findings"
    assert _rules_in(page) == Counter(f["rule"] for f in doc["findings"])
    assert "Found " in page and f"{len(doc['findings'])} problems" in page


def test_the_report_loads_nothing_from_elsewhere(run_cli, tmp_path, no_languagetool):
    _, page = reports(run_cli, wikinews_sample(3), tmp_path / "r.html",
                      "--config", no_languagetool)
    # No stylesheet, script, image or frame from a URL: everything is inline.
    assert not re.search(r"<(?:link|img|iframe|audio|video|source)\b", page)
    assert not re.search(r"<script[^>]*\bsrc=", page)
    assert not re.search(r"url\(", page)
    assert "default-src 'none'" in page
    # The only links are anchors inside the page.
    assert set(re.findall(r'href="(.)', page)) == {"#"}


def test_article_markup_is_escaped(run_cli, tmp_path, no_languagetool):
    pages = {}
    for name, text in (("copy.txt", INJECTION), ("copy.md", INJECTION_MARKDOWN)):
        article = tmp_path / name
        article.write_text(text, encoding="utf-8")
        doc, page = reports(run_cli, [article], tmp_path / f"{name}.html",
                            "--config", no_languagetool)
        assert doc["findings"], name
        # The report's own three script elements (two data blocks, one script) and no other.
        assert len(re.findall(r"<script\b", page)) == 3, name
        assert not re.search(r"<img\b", page), name
        pages[name] = page
    # Plain text shows the markup as the text it is; findings covering it escape it too.
    assert pages["copy.txt"].count("&lt;script&gt;window.pwned = 1&lt;/script&gt;") >= 2
    assert "&lt;img src=x onerror=&#34;window.pwned = 2&#34;&gt;" in pages["copy.txt"]
    # The data blocks for the script never hold a raw "<" (JSON writes it as \u003c), so
    # nothing in them can end the block early.
    for page in pages.values():
        for block in re.findall(r'<script type="application/json"[^>]*>(.*?)</script>', page,
                                re.S):
            assert "<" not in block
    # Markdown: the title from front matter is escaped wherever it appears.
    assert pages["copy.md"].count("&lt;script&gt;window.pwned = 3&lt;/script&gt; Council") >= 3
    assert "Officials wrote &lt;script&gt;alert(1)&lt;/script&gt; in the minutes." in \
        pages["copy.md"]


def test_the_report_names_files_that_could_not_be_checked(run_cli, tmp_path, no_languagetool):
    article = tmp_path / "ok.md"
    article.write_text("Experts say the council met.\n", encoding="utf-8")
    out = tmp_path / "r.html"
    result = run_cli("check", article, tmp_path / "missing.md", "--format", "html",
                     "--output", out, "--config", no_languagetool)
    assert result.code == 2
    page = out.read_text(encoding="utf-8")
    assert "missing.md: no such file or directory" in page
    assert 'data-rule="vague-attribution"' in page


def test_standard_input_is_rendered_too(run_cli, tmp_path, no_languagetool):
    out = tmp_path / "r.html"
    result = run_cli("check", "-", "--stdin-filename", "draft.md", "--format", "html",
                     "--output", out, "--config", no_languagetool,
                     stdin=b"Analysts say the the plan failed.\n")
    assert result.code == 1, result.err
    page = out.read_text(encoding="utf-8")
    assert set(_rules_in(page)) == {"vague-attribution", "repeated-word"}
    assert "Analysts say" in page


def test_several_articles_get_an_index_and_a_chart(run_cli, tmp_path, no_languagetool):
    paths = wikinews_sample(5)
    doc, page = reports(run_cli, paths, tmp_path / "r.html", "--config", no_languagetool)
    assert page.count('<tr><td><a href="#a') == 5
    assert "<svg" in page and "Findings by category" in page
    by_category = Counter(f["category"] for f in doc["findings"])
    for category, n in by_category.items():
        assert f"{category}: {n}" in page
