"""Which passages of a document are not English, by language identification (py3langid).

A story may quote a Spanish sentence, or be a German text altogether; checked as English,
every word of it is a "misspelling". py3langid (a maintained fork of langid.py, a naive Bayes
model over byte n-grams) names the language of a block, and of each sentence of a block that
is English as a whole, and of each clause a sentence does not cover (a translation run into the
sentence before it). Short sentences are left alone: below ``MIN_WORDS`` words a few names
("Rappler CEO Maria Ressa") can look like anything, and a false "not English" would hide real
slips. A passage counts as foreign only when the model is confident it is not English: the
probability it gives English is at most ``1 - MIN_PROBABILITY`` (asking for confidence in one
other language would keep a Spanish quotation the model hesitates to tell from Portuguese).
The numbers were measured on the judged corpus (``benchmarks/language_id.py``).

The model loads on first use (~0.8 s, once per process); classifying is ~0.1 ms a sentence.
"""

from __future__ import annotations

from functools import lru_cache

from newslint.document import TextSpan
from newslint.text.patterns import LazyPattern

#: Sentences shorter than this are not judged: too little text to tell.
MIN_WORDS = 6
#: The model's normalised probability a passage must reach to be called not English.
MIN_PROBABILITY = 0.99

_WORDS = LazyPattern(r"[^\W\d_]{2,}")
_CAPITALISED = LazyPattern(r"\b[^\W\d_a-zß-ÿ][\w’'-]*")
#: What ends a clause: a sentence mark, a colon or semicolon, brackets, dashes, quote marks.
_BREAKS = r".!?;:()\[\]{}—–\"“”«»।"
_CLAUSE_BREAK = LazyPattern(rf"[{_BREAKS}]")
#: A clause's text between two breaks, without the white space at its ends.
_CLAUSE_TEXT = LazyPattern(rf"[^{_BREAKS}\s](?:[^{_BREAKS}]*[^{_BREAKS}\s])?")


@lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def evidence(text: str) -> str:
    """``text`` without its capitalised words: names ("Stamenković", "Punta Tombo") say
    nothing about the language around them and pull short sentences towards their own."""
    return _CAPITALISED.sub("", text)


def probability_of(text: str, language: str = "en") -> float | None:
    """The model's probability that ``text`` is in ``language``; None when it is too short."""
    text = evidence(text)
    if len(_WORDS.findall(text)) < MIN_WORDS:
        return None
    return dict(_identifier().rank(text)).get(language, 0.0)


def is_foreign(text: str, language: str = "en") -> bool:
    """Whether ``text`` is confidently not in ``language`` (an ISO 639-1 code)."""
    p = probability_of(text, language)
    return p is not None and p <= 1 - MIN_PROBABILITY


def foreign_spans(block, language: str = "en") -> list[TextSpan]:
    """Prose spans of ``block`` written in another language than ``language``.

    The whole block when the block as a whole is foreign; otherwise its foreign sentences and
    quotations ("She said in Spanish: “No vamos a permitir…”"). Cached on the prose, so every
    rule that asks pays once.
    """
    parts = tuple((s.start, s.end) for s in block.sentences) + tuple(
        (q.start, q.end) for q in block.quotes)
    return list(_foreign_spans(block.prose, parts, language))


def _clauses(prose: str) -> tuple:
    """Spans between clause breaks, white space trimmed: a translation run into the sentence
    before it ("…until next Wednesday." ((es))Spanish language: Si el Senado me ratifica, …")
    is a clause of its own when the sentence splitter saw none."""
    return tuple(m.span() for m in _CLAUSE_TEXT.finditer(prose)
                 if len(_WORDS.findall(prose, *m.span())) >= MIN_WORDS)


@lru_cache(maxsize=4096)
def _foreign_spans(prose: str, parts: tuple, language: str) -> tuple[TextSpan, ...]:
    if is_foreign(prose, language):
        return (TextSpan(0, len(prose)),)
    found = [(s, e) for s, e in parts
             if (s, e) != (0, len(prose)) and is_foreign(prose[s:e], language)]
    # Clauses the sentences do not already cover.
    found += [(s, e) for s, e in _clauses(prose)
              if not any(a <= s and e <= b for a, b in found) and is_foreign(prose[s:e], language)]
    return tuple(TextSpan(s, e) for s, e in found)


def clause_around(prose: str, start: int, end: int) -> str:
    """The clause holding prose ``[start, end)``: up to the nearest clause breaks."""
    left = max((m.end() for m in _CLAUSE_BREAK.finditer(prose, 0, start)), default=0)
    after = _CLAUSE_BREAK.search(prose, end)
    return prose[left:after.start() if after else len(prose)]


def in_foreign_passage(prose: str, start: int, end: int, spans, language: str = "en") -> bool:
    """Whether prose ``[start, end)`` lies in one of the foreign ``spans`` and its own clause
    is not plainly in ``language``: an English clause before a translation ("…since day-one.
    ((hi))Hindi language: …") in a sentence the model calls foreign is still English."""
    if not any(s.start <= start and end <= s.end for s in spans):
        return False
    p = probability_of(clause_around(prose, start, end), language)
    return p is None or p < MIN_PROBABILITY
