"""HTML: blocks, entities, publication date from meta tags and JSON-LD."""

import datetime as dt

from newslint.testing import parse_text

PAGE = """<!doctype html>
<html><head><title>Story &amp; more</title>
<meta property="article:published_time" content="2020-08-07T10:00:00Z">
<script>var x = "<p>not prose</p>";</script>
</head><body>
<nav>Connect with us</nav>
<h1>TikTok bans &ldquo;not crucial&rdquo;</h1>
<p>The US bans on   Chinese apps
are <em>not</em> valuable, experts told AFP&nbsp;Friday.</p>
<blockquote><p>It is bad, he said.</p></blockquote>
<ul><li>First item</li></ul>
</body></html>
"""


def test_html_blocks_and_prose_map():
    doc = parse_text(PAGE, suffix=".html")
    kinds = [(b.kind, b.prose) for b in doc.blocks]
    assert ("headline", "TikTok bans “not crucial”") in kinds
    assert ("paragraph", "The US bans on Chinese apps are not valuable, experts told AFP\xa0Friday.") in kinds
    assert ("blockquote", "It is bad, he said.") in kinds
    assert ("list_item", "First item") in kinds
    assert not any("not prose" in b.prose for b in doc.blocks)
    para = next(b for b in doc.blocks if b.prose.startswith("The US"))
    i = para.prose.index("Friday")
    off, length = para.source_span(i, i + 6)
    assert doc.text[off:off + length] == "Friday"
    j = para.prose.index("\xa0")
    off, length = para.source_span(j, j + 1)
    assert doc.text[off:off + length] == "&nbsp;"
    head = next(b for b in doc.blocks if b.kind == "headline")
    k = head.prose.index("“")
    off, length = head.source_span(k, k + 1)
    assert doc.text[off:off + length] == "&ldquo;"


def test_html_meta_publication_date_and_title():
    doc = parse_text(PAGE, suffix=".html")
    assert doc.pub_date == dt.date(2020, 8, 7)
    assert doc.pub_date_source == "html-meta"
    assert doc.meta["title"] == "Story & more"


def test_json_ld_date_published():
    page = ('<html><head><script type="application/ld+json">{"@type": "NewsArticle", '
            '"datePublished": "2019-01-04"}</script></head><body><p>Text.</p></body></html>')
    assert parse_text(page, suffix=".html").pub_date == dt.date(2019, 1, 4)
