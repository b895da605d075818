"""HTML, parsed with the standard library's tolerant ``html.parser`` (which reports the source
position of every token, so prose maps back to exact offsets)."""

from __future__ import annotations

import html
import json
import re
from html.parser import HTMLParser

from newslint.document import Block, Document, ProseBuilder
from newslint.errors import InputError
from newslint.parsers.common import finish_document, parse_date_value

_BLOCK_KIND = {"p": "paragraph", "h1": "headline", "h2": "heading", "h3": "heading",
               "h4": "heading", "h5": "heading", "h6": "heading", "li": "list_item",
               "figcaption": "caption", "caption": "caption", "dd": "paragraph",
               "dt": "paragraph", "td": "paragraph", "th": "paragraph", "pre": "paragraph"}
# Elements that end an implicit paragraph of loose text.
_BREAKERS = set(_BLOCK_KIND) | {"div", "section", "article", "main", "header", "footer", "nav",
                                "aside", "blockquote", "ul", "ol", "table", "tr", "form", "br",
                                "hr", "body", "figure", "dl", "address"}
_SKIP = {"script", "style", "noscript", "template", "svg", "iframe", "object", "select"}
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
         "source", "track", "wbr"}
_DATE_META = ("article:published_time", "datepublished", "date", "dc.date", "pubdate",
              "og:published_time", "publish-date")


class _Parser(HTMLParser):
    def __init__(self, doc: Document):
        super().__init__(convert_charrefs=False)
        self.doc = doc
        # html.parser counts lines at LF only (a CR is text to it), unlike the document.
        self.starts = [0] + [m.end() for m in re.finditer("\n", doc.text)]
        self.blocks: list[Block] = []
        self.builder = None
        self.kind = None
        self.block_start = 0
        self.skip_depth = 0
        self.skip_tag = None
        self.quote_depth = 0
        self.title = None
        self.in_title = False
        self.ld_json = False
        self.dates: list[tuple[str, str]] = []

    def _source_offset(self) -> int:
        line, col = self.getpos()
        return self.starts[line - 1] + col

    # -- blocks ---------------------------------------------------------------------------
    def _open(self, kind: str):
        self._close()
        self.builder = ProseBuilder()
        self.kind = kind
        self.block_start = self._source_offset()

    def _close(self):
        b = self.builder
        if b is not None and b.text().strip():
            kind = self.kind
            if kind == "paragraph" and self.quote_depth:
                kind = "blockquote"
            if kind == "headline" and any(x.kind == "headline" for x in self.blocks):
                kind = "heading"
            # The block's span is its text, not the surrounding tags.
            first, last = b.runs[0], b.runs[-1]
            self.blocks.append(Block(kind, first[1], last[1] + last[3], b.text(), b.runs))
        self.builder = None
        self.kind = None

    def _add(self, text: str, source_start: int, source_len=None):
        if self.builder is None:
            if not text.strip():
                return
            self.builder = ProseBuilder()
            self.kind = "paragraph"
            self.block_start = source_start
        self.builder.add(text, source_start, source_len)

    # -- parser callbacks -----------------------------------------------------------------
    def handle_starttag(self, tag, attrs):
        if self.skip_depth:
            if tag == self.skip_tag and tag not in _VOID:
                self.skip_depth += 1
            return
        a = {k.lower(): (v or "") for k, v in attrs}
        if tag == "meta":
            key = (a.get("property") or a.get("name") or a.get("itemprop") or "").lower()
            if key in _DATE_META and a.get("content"):
                self.dates.append((key, a["content"]))
            return
        if tag == "time" and a.get("itemprop", "").lower() == "datepublished":
            if a.get("datetime"):
                self.dates.append(("datepublished", a["datetime"]))
        if tag == "title":
            self.in_title = True
            self.title = ""
            return
        if tag == "script" and a.get("type", "").lower() == "application/ld+json":
            self.ld_json = True
            self.ld_text = ""
            return
        if tag in _SKIP:
            self._close()
            self.skip_depth, self.skip_tag = 1, tag
            return
        if tag == "blockquote":
            self._close()
            self.quote_depth += 1
        elif tag in _BLOCK_KIND:
            self._open(_BLOCK_KIND[tag])
        elif tag in _BREAKERS:
            self._close()

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in _VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag):
        if self.skip_depth:
            if tag == self.skip_tag:
                self.skip_depth -= 1
            return
        if tag == "title":
            self.in_title = False
        elif tag == "script" and self.ld_json:
            self.ld_json = False
            self._read_ld_json(self.ld_text)
        elif tag == "blockquote":
            self._close()
            self.quote_depth = max(0, self.quote_depth - 1)
        elif tag in _BLOCK_KIND or tag in _BREAKERS:
            self._close()

    def handle_data(self, data):
        if self.in_title:
            self.title += data
            return
        if self.ld_json:
            self.ld_text += data
            return
        if self.skip_depth:
            return
        base = self._source_offset()
        i, n = 0, len(data)
        while i < n:
            j = i
            if data[i].isspace():
                while j < n and data[j].isspace():
                    j += 1
                # HTML folds white space: one space in prose for the whole run.
                if self.builder is not None and self.builder.length and \
                        not self.builder.ends_with_space():
                    self._add(" ", base + i, j - i)
            else:
                while j < n and not data[j].isspace():
                    j += 1
                self._add(data[i:j], base + i)
            i = j

    def _ref(self, raw: str):
        if self.in_title:
            self.title += html.unescape(raw)
            return
        if self.skip_depth or self.ld_json:
            return
        start = self._source_offset()
        text = self.doc.text
        length = len(raw) - 1 if not text.startswith(raw, start) else len(raw)
        self._add(html.unescape(raw), start, length)

    def handle_entityref(self, name):
        self._ref(f"&{name};")

    def handle_charref(self, name):
        self._ref(f"&#{name};")

    def _read_ld_json(self, raw: str):
        try:
            data = json.loads(raw)
        except ValueError:
            return
        items = data if isinstance(data, list) else [data]
        for item in items:
            if isinstance(item, dict):
                graph = item.get("@graph")
                for sub in ([item] + (graph if isinstance(graph, list) else [])):
                    if isinstance(sub, dict) and sub.get("datePublished"):
                        self.dates.append(("datepublished", str(sub["datePublished"])))


def parse(path: str, text: str, **_) -> Document:
    doc = Document(path=path, text=text, format="html")
    p = _Parser(doc)
    try:
        p.feed(text)
        p.close()
    except AssertionError as exc:
        # html.parser reports some malformed markup (``<![CDATd x]]>``, a marked section it
        # does not know) by failing an assertion: that is the file's problem, not newslint's.
        line = p.getpos()[0]
        raise InputError(f"{path}: malformed HTML (line {line}): {exc}") from None
    p._close()
    doc.blocks = p.blocks
    if p.title and p.title.strip():
        doc.meta["title"] = " ".join(p.title.split())
    for key, value in p.dates:
        try:
            doc.pub_date = parse_date_value(value, f"meta {key!r}", path)
        except Exception:
            continue
        doc.pub_date_source = "html-meta"
        break
    return finish_document(doc)
