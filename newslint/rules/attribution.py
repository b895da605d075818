"""Built-in rules: attribution — who says so.

Three rules share the vocabulary in ``newslint/data/attribution.yaml``:

* ``unattributed-quote``: quoted speech with no speaker;
* ``vague-attribution``: claims pinned on unnamed groups ("experts say");
* ``unsourced-claim``: figures asserted with no source in sight.

All three are tuned for precision: when the text leaves room for doubt they stay quiet. Their
vocabulary is English, so a story in another language is not checked.
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
import re
from dataclasses import dataclass, field
from typing import Optional

from newslint import hookimpl
from newslint.errors import ConfigError
from newslint.finding import Match
from newslint.rule import DocumentRule
from newslint.text.attribution import (
    CAPTION, arithmetic, attribution_cues, cites, find_figures, has_attribution, is_large, has_source,
    is_price, is_table_row, market_report, mask_quotes, restates, may_have_figures, public_record, transcript_blocks,
    vague_sources, vocabulary)
from newslint.text.english import SAMPLE_CHARS, looks_english
from newslint.text.patterns import LazyPattern
from newslint.text.quotes import Quote, is_fragment, is_speech

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
        quotes = block.quotations
        entry = blocks[index] = (block, quotes, mask_quotes(block.prose, quotes))
    return entry[1], entry[2]


def _english(doc) -> bool:
    """Whether the document is English: the rules' vocabulary is (see ``looks_english``)."""
    shared = _shared(doc)
    entry = shared.get("english")
    if entry is None or entry[0] is not doc.blocks:
        text, size = [], 0
        for b in doc.blocks:  # the opening paragraphs are enough (see ``looks_english``)
            text.append(b.prose)
            size += len(b.prose)
            if size >= SAMPLE_CHARS:
                break
        entry = shared["english"] = (doc.blocks, looks_english(" ".join(text)))
    return entry[1]


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
        quotes = block.quotations
        masked = mask_quotes(block.prose, quotes)
    else:
        quotes, masked = _quotations(doc, index, block)
    para = _Paragraph(block, quotes, masked)
    # Quoted sentences, not phrases worked into the writer's own sentence ("called it “a
    # disgrace”"), whose speaker is the sentence's subject. A quotation running across
    # paragraphs is always a candidate.
    para.speech = [q for q in quotes if is_speech(block.prose, q, min_words)
                   and (not q.opened or not q.closed or not is_fragment(block.prose, q))]
    # The story's speakers are worked out only when a quotation lacks its own attribution.
    speakers = (lambda: _speakers(doc, vocab)) if doc is not None else None
    for q in para.speech:
        para.attributed[q.start] = _quote_attributed(para, q, vocab, speakers)
    if any(para.attributed.values()):
        # News style gives a paragraph one speaker: once one of its quotations says who is
        # talking (“…,” Steenburgen said. “So I called her up …”), the others are theirs too.
        for q in para.speech:
            if q.opened:
                para.attributed[q.start] = True
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


_SIGNATURE = LazyPattern(r"^\s*[—–-]+\s*[^\W\d_][^\n]{0,60}$")


_NAME = LazyPattern(r"\b[A-Z][a-z]+(?:[’'-][A-Z]?[a-z]+)?\b")
_SLOT_BEFORE = LazyPattern(r"(?:\b[A-Z][\w’'-]+\s+){1,3}$")
_SLOT_AFTER = LazyPattern(r"\s+(?:[A-Z][\w’'-]+\b\s*){1,3}")
#: Capitalised words that name no speaker.
_NOT_NAMES = frozenset("""I The A An He She They We It This That These Those His Her Their Its
But And Or So If When While After Before In On At Of For To From By With As Mr Mrs Ms Dr
January February March April May June July August September October November December Monday
Tuesday Wednesday Thursday Friday Saturday Sunday""".split())


def _speakers(doc, vocab) -> frozenset:
    """Names the document gives its speakers: the capitalised words next to a speech verb
    ("…,” Caloundra coach Geoff Ingram said"), worked out once per document."""
    shared = _shared(doc)
    entry = shared.get("speakers")
    if entry is None or entry[0] is not doc.blocks:
        names = set()
        for index, block in enumerate(doc.blocks):
            if block.kind not in _QUOTE_BLOCKS:
                continue
            masked = _quotations(doc, index, block)[1]
            for a, b in attribution_cues(masked, 0, len(masked), vocab):
                # The speaker's slot: the capitalised words just before or after the verb
                # ("coach Geoff Ingram said", "said Geoff Ingram"), not every name around it.
                before = _SLOT_BEFORE.search(masked, max(0, a - 60), a)
                after = _SLOT_AFTER.match(masked, b, min(len(masked), b + 60))
                for m in (before, after):
                    # A person's name given in full ("Geoff Ingram"), not "told Parliament".
                    if m is not None and len(found := _NAME.findall(m.group())) >= 2:
                        names.update(found)
        entry = shared["speakers"] = (doc.blocks, frozenset(names - _NOT_NAMES))
    return entry[1]


def _names_speaker(para: _Paragraph, start: int, end: int, speakers) -> bool:
    """The sentences around a quotation name one of the document's speakers, which tells the
    reader who is talking: "The home side … leaving Ingram unimpressed. “One of them was
    questionable.”" after "… coach Geoff Ingram said" earlier in the story."""
    return any(m.group() in speakers for m in _NAME.finditer(para.masked, start, end))


def _quote_attributed(para: _Paragraph, quote: Quote, vocab, speakers=None) -> bool:
    """Whether the quotation says who is speaking; ``speakers`` gives the story's speakers
    (a function, called only when the quotation's own sentences do not tell)."""
    start, end = _quote_window(para, quote)
    # Quotations sharing a window (many in one sentence) share the answer.
    known = para.window_attributed.get((start, end))
    if known is None:
        known = para.window_attributed[(start, end)] = (
            has_attribution(para.masked, start, end, vocab)
            or (speakers is not None and _names_speaker(para, start, end, speakers())))
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

    match: tuple  # (block index, Match) of the quotation's first paragraph
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
    after it in the same paragraph. A speaker the story names elsewhere with a speech verb
    ("…,” coach Geoff Ingram said) also counts when the sentence before or after the quotation
    names them ("…, leaving Ingram unimpressed. “One of them was questionable.”"), and once one
    quotation of a paragraph is attributed the paragraph's other quotations are the same
    speaker's. A paragraph that is nothing but a quotation is accepted when it continues the
    speaker of the paragraph just before: that paragraph ends with an attributed quotation,
    introduces the quote with a colon, or leaves its quotation open (AP style); or when the
    next line signs it ("— Jane Doe"), or when its last clause reports a named speaker's words
    with a verb of saying ("However, Weaver said, there are few alternatives.", "… and noted
    there should be “zero shame”"): the reader knows who has the floor. A paragraph that only
    describes the speaker ("but Weaver is doubtful of that claim") does not hand it over. Set
    ``accept_after_paraphrase: false`` for the strict reading of AP, attribution on every new
    quotation paragraph.
    Quoted titles, nicknames, slogans, scare quotes, phrases worked into the writer's own
    sentence ("called it “a vanity project”"), quotations of fewer than `min_words` words
    (default 5) unless they are one full sentence of three words or more, interview
    transcripts, picture captions and stories not in English are not checked. Each paragraph gets one finding; its
    other unattributed quotations are listed as related locations.

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
        "accept_after_paraphrase": True,
        "extra_attribution_verbs": [],
        "extra_attribution_nouns": [],
        "vocabulary_file": "",
    }

    def check(self, doc, options):
        # One finding per paragraph: the question is who is speaking there, asked once; the
        # paragraph's other unattributed quotations are related locations.
        by_paragraph: dict = {}
        for index, match in self._unattributed(doc, options):
            by_paragraph.setdefault(index, []).append(match)
        for index in sorted(by_paragraph):
            first, *others = by_paragraph[index]
            if others:
                first = dataclasses.replace(first, related=tuple(
                    doc.span(m.offset, m.length) for m in others))
            yield first

    def _unattributed(self, doc, options):
        """(block index, match) of every unattributed quotation, in document order."""
        vocab = _vocab(options, attribution_verbs="extra_attribution_verbs",
                       attribution_nouns="extra_attribution_nouns")
        if not _english(doc):
            return
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
            handed_over = (para.wholly_quoted
                           and ((prev is not None and self._hands_over(prev, vocab, options))
                                or self._signed(doc.blocks, index)))
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
                    chain = _Chain((index, self._match(block, q)), ok)
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
    def _signed(blocks, index: int) -> bool:
        """The next block is a dash line naming the speaker ("– Man**", "— Jane Doe"), as
        under a quoted review or letter."""
        if index + 1 >= len(blocks):
            return False
        return bool(_SIGNATURE.match(blocks[index + 1].prose))

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
        if not options.get("accept_after_paraphrase", True):
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
    standards desks accept. A group the rest of the paragraph or the next three paragraphs
    name in the same role ("Scientists cautioned …", then "Center for Biological Diversity
    scientist Tierra Curry") is attributed: the lede summarises, the story names. The vocabulary is in ``newslint/data/attribution.yaml``; add to it
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
        if not _english(doc):
            return
        transcript = _transcript(doc)
        for index, block in enumerate(doc.blocks):
            if block.kind not in _QUOTE_BLOCKS or index in transcript:
                continue  # an interviewee's "experts say" is the interviewee's claim
            masked = _quotations(doc, index, block)[1]
            for s in block.sentences:
                for v in vague_sources(masked, s.start, s.end, vocab):
                    if self._named_later(doc.blocks, index, masked, s.end, v.text):
                        continue
                    off, length = block.source_span(v.start, v.end)
                    yield Match(off, length,
                                f"Vague attribution “{' '.join(v.text.split())}”: name the "
                                "source, or say why it cannot be named.")


    #: Paragraphs after the vague group's that may name its members.
    NAMED_WITHIN = 3

    @classmethod
    def _named_later(cls, blocks, index: int, masked: str, after: int, group: str) -> bool:
        """The rest of the paragraph or the next ``NAMED_WITHIN`` paragraphs name someone in
        the group's role: "Scientists cautioned …" and then "Center for Biological Diversity
        scientist Tierra Curry", "researchers at the University of Sydney", "Jane Doe, an
        economist at …". The lede summarises; the story names its sources below it."""
        role = _role_of(group)
        if role is None:
            return False
        named = _role_named(role)
        if named.search(masked, after):
            return True
        for block in blocks[index + 1:index + 1 + cls.NAMED_WITHIN]:
            if block.kind in ("heading", "headline"):
                break
            if named.search(block.prose):
                return True
        return False


#: Vague groups that are people with a role a later sentence can name ("scientists" →
#: "scientist Tierra Curry"); "sources", "reports" and "some" have none.
_ROLES = frozenset("""expert analyst specialist observer critic commentator pundit insider
economist scientist researcher scholar academic diplomat official""".split())


def _role_of(group: str) -> Optional[str]:
    words = re.findall(r"[a-z]+", group.lower())
    for word in words:
        singular = word[:-1] if word.endswith("s") else word
        if singular in _ROLES:
            return singular
    return None


@functools.lru_cache(maxsize=None)
def _role_named(role: str) -> re.Pattern:
    """A person or an organisation named with the role: "scientist Tierra Curry",
    "researchers at the Florida Museum", "Kevin Bonham, an analyst", "analyst Kevin Bonham"."""
    name = r"[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+)+"
    noun = rf"(?i:{role}s?)"
    return re.compile(
        rf"\b{noun}\s+{name}"
        rf"|\b{noun}\s+(?:at|from|with|of|for)\s+(?:the\s+)?[A-Z]"
        rf"|{name},\s+(?:an?|the|one|another)\s+(?:[\w-]+\s+){{0,5}}?{noun}\b")


# --- unsourced-claim --------------------------------------------------------------------------------

class UnsourcedClaim(DocumentRule):
    """A figure asserted with no source.

    ## What it flags
    A sentence that asserts a sum of money or a count in the millions ("$3 billion", "£71.6m",
    "hundreds of millions of users", "5 million people") in a paragraph with no
    attribution or named source at all — no "said", no "according to", no "figures from the
    ministry", no "a 2019 census". A list item counts as sourced when the paragraph that
    introduces the list is, and a paragraph that works with figures the paragraph before
    sourced ("That is US$1.6 billion less …", "a total of", "up from") is sourced by it.
    Dates, ages, times, measurements, small counts and figures inside quotations are never
    flagged, nor are prices ("at just $139 on Amazon", "priced at $399", "$6.99 per month",
    an order "valued at $8.8 billion at list prices"), amounts a court, a vote or a tariff
    order set ("tariffs on about $125 billion worth of Chinese goods imposed on Sept. 1"),
    market moves ("crude fell 3.38% to $55.12"), the writer's own tests and experience ("In
    our testing", "…, I welcome"), figures with a footnote ("[1]"), a conversion in brackets
    ("€20,000 (£17,500)") and rows of a table. The rule is deliberately conservative and
    reports at ``info`` severity: it asks a question, it does not assert an error.

    Options: `figures` — the kinds looked at, of `money`, `magnitude` and `percent`
    (percentages are off by default: on real articles they were mostly rates, market data and
    study results the paragraph already placed); `large_only` (default true) — only sums and
    counts in the millions, since prices, specifications and attendance figures ("$129",
    "12,000 fans") are seldom what a desk asks a source for. Set it to false, and add
    `percent`, for the stricter reading.

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
        "figures": ["money", "magnitude"],
        "large_only": True,
        "extra_source_nouns": [],
        "vocabulary_file": "",
    }

    def check(self, doc, options):
        vocab = _vocab(options, source_nouns="extra_source_nouns")
        if not _english(doc):
            return
        kinds = set(options.get("figures") or ())
        transcript = _transcript(doc)
        intro_sourced = False  # the paragraph introducing a list names a source
        prev_masked = None  # the paragraph before, masked, when it is a claim block
        for index, block in enumerate(doc.blocks):
            if block.kind not in _CLAIM_BLOCKS or index in transcript:
                # In a transcript every figure is the labelled speaker's.
                intro_sourced = False
                prev_masked = None
                continue
            masked = _quotations(doc, index, block)[1]
            # Figures the paragraph before gave with their source, which this one may work with.
            sourced_figures = (prev_masked is not None and may_have_figures(prev_masked)
                               and bool(find_figures(prev_masked, 0, len(prev_masked)))
                               and has_source(prev_masked, vocab=vocab))
            prev_masked = masked
            if block.kind == "list_item":
                if intro_sourced:
                    continue
            elif block.prose.rstrip().endswith(":"):
                intro_sourced = has_source(masked, vocab=vocab)
            else:
                intro_sourced = False
            # Figures first: most paragraphs have none, and looking for a source costs more.
            figure = self._first_claim(block, masked, kinds, sourced_figures,
                                       options["large_only"])
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
    def _first_claim(block, masked: str, kinds, sourced_before: bool = False,
                     large_only: bool = True):
        if not may_have_figures(masked):
            return None
        for s in block.sentences:
            figures = [f for f in find_figures(masked, s.start, s.end) if f.kind in kinds
                       and (not large_only or is_large(f))
                       and not (f.kind == "money" and is_price(masked, f.start, f.end))
                       and not restates(masked, f.start, f.end)]
            if not figures:
                continue
            sentence = masked[s.start:s.end].rstrip()
            if (sentence.endswith("?") or public_record(sentence) or market_report(sentence)
                    or cites(sentence) or is_table_row(sentence)):
                continue  # a question asserts nothing; vote counts, court orders and market
                # moves are record; the writer's own tests are first-hand
            if sourced_before and arithmetic(sentence):
                continue  # sums on the figures the paragraph before sourced
            return figures[0]
        return None


RULES = (UnattributedQuote, VagueAttribution, UnsourcedClaim)


@hookimpl
def newslint_register_rules(config):
    return [rule() for rule in RULES]
