"""Built-in rules: attribution — who says so.

Three rules share the vocabulary in ``newslint/data/attribution.yaml``:

* ``unattributed-quote``: quoted speech with no speaker;
* ``vague-attribution``: claims pinned on unnamed groups ("experts say");
* ``unsourced-claim``: figures asserted with no source in sight.

All three are tuned for precision: when the text leaves room for doubt they stay quiet.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import Optional

from newslint import hookimpl
from newslint.errors import ConfigError
from newslint.finding import Match
from newslint.rule import DocumentRule
from newslint.text.attribution import (
    CAPTION, attribution_cues, find_figures, has_attribution, has_source, mask_quotes,
    may_have_figures, public_record, transcript_blocks, vague_sources, vocabulary)
from newslint.text.patterns import LazyPattern
from newslint.text.quotes import Quote, find_quotations, is_fragment, is_speech

_QUOTE_BLOCKS = ("paragraph", "blockquote", "list_item")
_OPENS_WITH_SOURCE = LazyPattern(r"\s*(?:According\s+to|Figures\s+from|Data\s+from)\b")
_CLAIM_BLOCKS = ("paragraph", "list_item")


def _vocab(options, **lists):
    """The vocabulary with the lists the rule's ``extra_*`` options add (by list name)."""
    extra = {}
    for name, opt in lists.items():
        values = list(options.get(opt) or ())
        if not all(isinstance(v, str) and v.strip() for v in values):
            raise ConfigError(f"option {opt!r} must be a list of non-empty strings")
        extra[name] = values
    return vocabulary(extra, options.get("vocabulary_file") or "")


# --- work shared by the three rules ---------------------------------------------------------------

def _shared(doc) -> dict:
    """This module's entry in ``doc.cache`` (a fresh dict for a document without one)."""
    cache = getattr(doc, "cache", None)
    if not isinstance(cache, dict):
        return {}
    return cache.setdefault(__name__, {})


def _quotations(doc, index: int, block) -> tuple[list, str]:
    """The block's quotations and its prose with them masked, worked out once per document."""
    blocks = _shared(doc).setdefault("masked", {})
    entry = blocks.get(index)
    if entry is None or entry[0] is not block:
        quotes = find_quotations(block.prose)
        entry = blocks[index] = (block, quotes, mask_quotes(block.prose, quotes))
    return entry[1], entry[2]


def _transcript(doc) -> set:
    """Indices of the document's transcript blocks (see ``transcript_blocks``)."""
    shared = _shared(doc)
    entry = shared.get("transcript")
    if entry is None or entry[0] is not doc.blocks:
        entry = shared["transcript"] = (doc.blocks, frozenset(transcript_blocks(doc.blocks)))
    return entry[1]


# --- reading a paragraph -------------------------------------------------------------------------

@dataclass
class _Paragraph:
    """What the attribution rules need to know about one block."""

    block: object
    quotes: list
    masked: str
    speech: list = field(default_factory=list)
    attributed: dict = field(default_factory=dict)  # quote start -> has a speaker
    window_attributed: dict = field(default_factory=dict)  # (start, end) -> has a cue
    sentence_bounds: Optional[tuple] = None  # (starts, ends) of the block's sentences

    @property
    def prose(self) -> str:
        return self.block.prose

    @property
    def wholly_quoted(self) -> bool:
        """Nothing but quotations (and punctuation) in the paragraph."""
        return bool(self.quotes) and not re.search(r"[^\W_]", self.masked)


def _read(block, vocab, min_words: int, doc=None, index: int = -1) -> _Paragraph:
    """The block read for the quote rules; with its ``doc`` and ``index`` the quotations come
    from the document's cache."""
    if doc is None:
        quotes = find_quotations(block.prose)
        masked = mask_quotes(block.prose, quotes)
    else:
        quotes, masked = _quotations(doc, index, block)
    para = _Paragraph(block, quotes, masked)
    # Quoted sentences, not phrases worked into the writer's own sentence ("called it “a
    # disgrace”"), whose speaker is the sentence's subject. A quotation running across
    # paragraphs is always a candidate.
    para.speech = [q for q in quotes if is_speech(block.prose, q, min_words)
                   and (not q.opened or not q.closed or not is_fragment(block.prose, q))]
    for q in para.speech:
        para.attributed[q.start] = _quote_attributed(para, q, vocab)
    return para


def _quote_window(para: _Paragraph, quote: Quote) -> tuple[int, int]:
    """The sentences a quotation touches, plus one sentence either side."""
    block = para.block
    sentences = block.sentences
    # Sentences are in order and do not overlap: bisect rather than test every sentence, which
    # made a paragraph of thousands of quotation marks take quadratic time.
    if para.sentence_bounds is None:
        para.sentence_bounds = ([s.start for s in sentences], [s.end for s in sentences])
    starts, ends = para.sentence_bounds
    first = bisect.bisect_right(ends, quote.start)
    last = bisect.bisect_left(starts, quote.end) - 1
    if first > last:
        return 0, len(block.prose)
    first, last = max(0, first - 1), min(len(sentences) - 1, last + 1)
    return sentences[first].start, sentences[last].end


# No "^": matched at the position just after the quotation, not on a copy of the rest.
_DASH_SPEAKER = LazyPattern(r"\s*[—–-]+\s*[A-Z]")
#: How far before a quotation an introduction ending in a colon is looked for.
_COLON_WINDOW = 200


def _colon_intro(masked: str, start: int) -> bool:
    """A quotation introduced by a clause and a colon: "The judge wrote:", "Jane Doe: “…”" —
    a word, optionally a closing bracket, then a colon just before the quotation, and another
    word before that word in the same sentence. Read backwards from the quotation in Python:
    the regular expression this replaces retried every start position in the window."""
    text = masked[max(0, start - _COLON_WINDOW):start].rstrip()
    if not text.endswith(":"):
        return False
    text = text[:-1].rstrip()
    if text.endswith((")", "]")):
        text = text[:-1]
    if not text or not _word_char(text[-1]):
        return False
    for ch in reversed(text[:-1]):
        if ch in ".!?_":
            return False
        if _word_char(ch):
            return True
    return False


def _word_char(ch: str) -> bool:
    return ch.isalnum() and ch != "_"


def _quote_attributed(para: _Paragraph, quote: Quote, vocab) -> bool:
    start, end = _quote_window(para, quote)
    # Quotations sharing a window (many in one sentence) share the answer.
    known = para.window_attributed.get((start, end))
    if known is None:
        known = para.window_attributed[(start, end)] = has_attribution(
            para.masked, start, end, vocab)
    if known:
        return True
    # “…” — Jane Doe   /   Jane Doe: “…”
    if _DASH_SPEAKER.match(para.prose, quote.end):
        return True
    return _colon_intro(para.masked, quote.start)


_SAYING = LazyPattern(r"said|says|told|tells|added|adds|explained|explains|argued|argues|insisted|"
                     r"noted|stressed|warned|continued|wrote|writes", re.I)


def _last_clause(text: str) -> str:
    """The last clause of a paragraph: after the last dash, semicolon or ", but"."""
    parts = re.split(r"\s[—–]\s|\s-\s|;\s|,?\s+but\s+", text)
    return parts[-1] if parts else text


@dataclass
class _Chain:
    """One quotation, possibly running over several paragraphs."""

    match: Match
    ok: bool

    def finish(self):
        if not self.ok:
            yield self.match


# --- unattributed-quote -----------------------------------------------------------------------------

class UnattributedQuote(DocumentRule):
    """Quoted speech with no speaker.

    ## What it flags
    A direct quotation (a sentence or more of someone's words in quote marks) with no
    attribution — a speech verb with a speaker ("she said", "told reporters"), "according to"
    or a source noun ("in a statement") — in the quotation's sentence or the sentence before or
    after it in the same paragraph. A paragraph that is nothing but a quotation is accepted
    when it continues the speaker of the paragraph just before: that paragraph ends with an
    attributed quotation, introduces the quote with a colon, or leaves its quotation open (AP
    style). A new quotation paragraph after a paraphrase ("However, Weaver said, there are few
    alternatives.") is flagged, as AP asks for attribution on each new quotation; set
    ``accept_after_paraphrase: true`` to let a paragraph whose last clause reports a speaker's
    words hand the floor to the quotation that follows. Quoted titles, nicknames, scare quotes,
    a quoted word or two, phrases worked into the writer's own sentence ("called it “a vanity
    project”"), interview transcripts and picture captions are not checked.

    ## Why it matters
    Readers must know who is talking. A quotation without a speaker reads as the paper's own
    voice, or leaves the reader to guess which of several people said it.

    ## Example
    ```
    TikTok denies sharing data, but Weaver is doubtful of that claim.

    "Of course the Chinese government can access that information."
    ```

    ## Instead
    ```
    TikTok denies sharing data, but Weaver is doubtful of that claim.

    "Of course the Chinese government can access that information," he said.
    ```
    """

    id = "unattributed-quote"
    category = "attribution"
    severity = "warning"
    default_options = {
        "min_words": 5,
        "accept_after_paraphrase": False,
        "extra_attribution_verbs": [],
        "extra_attribution_nouns": [],
        "vocabulary_file": "",
    }

    def check(self, doc, options):
        vocab = _vocab(options, attribution_verbs="extra_attribution_verbs",
                       attribution_nouns="extra_attribution_nouns")
        min_words = int(options.get("min_words", 5))
        prev: Optional[_Paragraph] = None
        # A quotation left open at the end of the previous paragraph (AP style): its first
        # paragraph's match, reported only if no paragraph of the quotation is attributed.
        chain: Optional[_Chain] = None
        transcript = _transcript(doc)
        for index, block in enumerate(doc.blocks):
            if (block.kind not in _QUOTE_BLOCKS or index in transcript
                    or CAPTION.search(block.prose)):
                # Headings break a quotation; in a transcript or a caption the words belong to
                # the labelled speaker or the picture.
                if chain is not None:
                    yield from chain.finish()
                prev, chain = None, None
                continue
            para = _read(block, vocab, min_words, doc, index)
            handed_over = (prev is not None and para.wholly_quoted
                           and self._hands_over(prev, vocab, options))
            for i, q in enumerate(para.speech):
                ok = para.attributed[q.start]
                continues = (i == 0 and chain is not None
                             and (not q.opened or not para.prose[:q.start].strip()))
                if continues:
                    chain.ok = chain.ok or ok
                elif not q.opened:
                    continue  # a closing mark with no quotation open: unbalanced marks
                else:
                    if chain is not None:
                        yield from chain.finish()
                    ok = ok or handed_over
                    chain = _Chain(self._match(block, q), ok)
                para.attributed[q.start] = chain.ok
                if q.closed:
                    yield from chain.finish()
                    chain = None
            if chain is not None and not (para.speech and not para.speech[-1].closed):
                yield from chain.finish()
                chain = None
            prev = para
        if chain is not None:
            yield from chain.finish()

    @staticmethod
    def _match(block, q: Quote) -> Match:
        off, length = block.source_span(q.start, q.end)
        return Match(off, length, "Quotation with no speaker: say who said it in this sentence "
                                  "or the next (“…,” she said).")

    @staticmethod
    def _hands_over(prev: _Paragraph, vocab, options) -> bool:
        """Whether the paragraph before a wholly quoted one tells the reader who is speaking."""
        prose = prev.prose.rstrip()
        if prose.endswith(":"):
            return True
        sentences = prev.block.sentences
        if not sentences:
            return False
        last = sentences[-1]
        for q in prev.speech:
            if q.start < last.end and last.start < q.end and q.closed:
                if prev.attributed.get(q.start):
                    return True
        if not options.get("accept_after_paraphrase", False):
            return False
        # "However, Weaver said, there are few alternatives." — the last clause reports a
        # person's words with a verb of saying.
        tail = _last_clause(prev.masked[last.start:last.end])
        offset = last.end - len(tail)
        return any(_SAYING.fullmatch(prev.masked[a:b])
                   for a, b in attribution_cues(prev.masked, offset, last.end, vocab))


# --- vague-attribution ------------------------------------------------------------------------------

class VagueAttribution(DocumentRule):
    """Claims pinned on unnamed groups ("experts say", "sources said").

    ## What it flags
    A claim attributed to a group the sentence does not identify: "experts told AFP",
    "cyber security specialists say", "analysts saw", "critics argue", "some say",
    "it is believed", "sources said". Nothing is flagged when the sentence names the group
    ("analysts at Goldman Sachs", "Pentagon officials"), points back to people already named
    ("the experts"), or gives the reason a source is anonymous ("…who spoke on condition of
    anonymity because they were not authorized to discuss the talks"), which is the form
    standards desks accept. The vocabulary is in ``newslint/data/attribution.yaml``; add to it
    with ``extra_vague_sources``, ``extra_vague_verbs``, ``extra_anonymity_reasons`` or a
    ``vocabulary_file``.

    ## Why it matters
    "Experts say" lets the writer's opinion pass as authority. Readers cannot weigh a claim
    whose source they cannot see, and a vague group can hide a single source or none.

    ## Example
    ```
    The bans are not particularly valuable for US security, experts told AFP Friday.
    ```

    ## Instead
    ```
    The bans are not particularly valuable for US security, Nicholas Weaver, a computer
    security lecturer at the University of California, Berkeley, told AFP Friday.
    ```
    """

    id = "vague-attribution"
    category = "attribution"
    severity = "warning"
    default_options = {
        "extra_vague_sources": [],
        "extra_vague_verbs": [],
        "extra_anonymity_reasons": [],
        "vocabulary_file": "",
    }

    def check(self, doc, options):
        vocab = _vocab(options, vague_sources="extra_vague_sources",
                       vague_verbs="extra_vague_verbs",
                       anonymity_reasons="extra_anonymity_reasons")
        transcript = _transcript(doc)
        for index, block in enumerate(doc.blocks):
            if block.kind not in _QUOTE_BLOCKS or index in transcript:
                continue  # an interviewee's "experts say" is the interviewee's claim
            masked = _quotations(doc, index, block)[1]
            for s in block.sentences:
                for v in vague_sources(masked, s.start, s.end, vocab):
                    off, length = block.source_span(v.start, v.end)
                    yield Match(off, length,
                                f"Vague attribution “{' '.join(v.text.split())}”: name the "
                                "source, or say why it cannot be named.")


# --- unsourced-claim --------------------------------------------------------------------------------

class UnsourcedClaim(DocumentRule):
    """A figure asserted with no source.

    ## What it flags
    A sentence that asserts a percentage, a sum of money or a large count ("42 percent",
    "$3 billion", "hundreds of millions of users", "12,000 troops") in a paragraph with no
    attribution or named source at all — no "said", no "according to", no "figures from the
    ministry", no "a 2019 census". A list item counts as sourced when the paragraph that
    introduces the list is. Dates, ages, times, measurements, small counts and figures inside
    quotations are never flagged. The rule is deliberately conservative and reports at
    ``info`` severity: it asks a question, it does not assert an error.

    ## Why it matters
    Numbers carry authority. A figure with no source cannot be checked by the reader or by the
    desk, and a wrong one is the correction the paper prints next week.

    ## Example
    ```
    Both apps collect huge amounts of data on hundreds of millions of users.
    ```

    ## Instead
    ```
    Both apps collect data on hundreds of millions of users, according to their own filings.
    ```
    """

    id = "unsourced-claim"
    category = "attribution"
    severity = "info"
    default_options = {
        "figures": ["percent", "money", "magnitude"],
        "extra_source_nouns": [],
        "vocabulary_file": "",
    }

    def check(self, doc, options):
        vocab = _vocab(options, source_nouns="extra_source_nouns")
        kinds = set(options.get("figures") or ())
        transcript = _transcript(doc)
        intro_sourced = False  # the paragraph introducing a list names a source
        for index, block in enumerate(doc.blocks):
            if block.kind not in _CLAIM_BLOCKS or index in transcript:
                # In a transcript every figure is the labelled speaker's.
                intro_sourced = False
                continue
            masked = _quotations(doc, index, block)[1]
            if block.kind == "list_item":
                if intro_sourced:
                    continue
            elif block.prose.rstrip().endswith(":"):
                intro_sourced = has_source(masked, vocab=vocab)
            else:
                intro_sourced = False
            # Figures first: most paragraphs have none, and looking for a source costs more.
            figure = self._first_claim(block, masked, kinds)
            if (figure is not None and not has_source(masked, vocab=vocab)
                    and not self._next_opens_with_source(doc.blocks, index)):
                # One finding per paragraph: the question is "where do these numbers come
                # from?", asked once.
                off, length = block.source_span(figure.start, figure.end)
                yield Match(off, length,
                            f"Figure with no source: who says “{' '.join(figure.text.split())}”? "
                            "Name the source in the sentence or its paragraph.")

    @staticmethod
    def _next_opens_with_source(blocks, index: int) -> bool:
        """The next paragraph opens by naming a source ("According to the ministry, …"), which
        a reader takes as sourcing the figures just before it."""
        if index + 1 >= len(blocks) or blocks[index + 1].kind not in _CLAIM_BLOCKS:
            return False
        return bool(_OPENS_WITH_SOURCE.match(blocks[index + 1].prose))

    @staticmethod
    def _first_claim(block, masked: str, kinds):
        if not may_have_figures(masked):
            return None
        for s in block.sentences:
            figures = [f for f in find_figures(masked, s.start, s.end) if f.kind in kinds]
            if not figures:
                continue
            sentence = masked[s.start:s.end].rstrip()
            if sentence.endswith("?") or public_record(sentence):
                continue  # a question asserts nothing; vote counts and court orders are record
            return figures[0]
        return None


RULES = (UnattributedQuote, VagueAttribution, UnsourcedClaim)


@hookimpl
def newslint_register_rules(config):
    return [rule() for rule in RULES]
