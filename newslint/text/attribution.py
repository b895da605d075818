"""Who says so: attribution cues, vague sources and figures in news prose.

The vocabulary lives in ``newslint/data/attribution.yaml`` and is read once, on first use. The
functions here work on a *masked* copy of a block's prose in which every quotation is replaced
by underscores of the same length: words inside quote marks are the speaker's, not the
writer's, so a "said" inside a quotation never attributes anything and a figure inside one is
the speaker's claim, not the paper's. Offsets in the masked text are prose offsets.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Optional

from newslint.errors import ConfigError
from newslint.text import transcripts
from newslint.text.patterns import compile as compile_pattern
from newslint.text.patterns import BoundaryLedPattern, LazyPattern, has_digit

_DATA = Path(__file__).resolve().parent.parent / "data" / "attribution.yaml"

#: The lists a vocabulary has; a user's ``vocabulary_file`` may add to any of them.
LIST_KEYS = ("attribution_verbs", "attribution_phrases", "attribution_nouns", "vague_sources",
             "vague_quantifiers", "vague_verbs", "vague_passives", "anonymity_reasons",
             "source_nouns")

MASK = "_"


def mask_quotes(prose: str, spans: Iterable) -> str:
    """``prose`` with every span (``.start``/``.end``) replaced by underscores."""
    chars = None
    n = len(prose)
    for s in spans:
        if chars is None:
            chars = list(prose)
        lo, hi = s.start, min(s.end, n)
        if lo >= 0:
            if hi > lo:
                chars[lo:hi] = MASK * (hi - lo)
        else:
            for i in range(lo, hi):
                chars[i] = MASK
    return prose if chars is None else "".join(chars)


def _safe_load(stream):
    """``yaml.safe_load``, with libyaml's safe loader when PyYAML was built with it (faster)."""
    import yaml

    return yaml.load(stream, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


@functools.lru_cache(maxsize=1)
def _builtin_lists() -> dict:
    with open(_DATA, encoding="utf-8") as fh:
        return _validate(_safe_load(fh), str(_DATA))


@functools.lru_cache(maxsize=16)
def _file_lists(path: str) -> dict:
    import yaml

    try:
        with open(path, encoding="utf-8") as fh:
            data = _safe_load(fh)
    except OSError as exc:
        raise ConfigError(f"attribution vocabulary_file {path!r}: {exc.strerror}") from None
    except yaml.YAMLError as exc:
        raise ConfigError(f"attribution vocabulary_file {path!r} is not valid YAML: {exc}") from None
    return _validate(data, path)


def _validate(data, where: str) -> dict:
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ConfigError(f"{where}: expected a mapping of lists ({', '.join(LIST_KEYS)})")
    out = {}
    for key, value in data.items():
        if key not in LIST_KEYS:
            raise ConfigError(f"{where}: unknown list {key!r}; expected one of {', '.join(LIST_KEYS)}")
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise ConfigError(f"{where}: {key!r} must be a list of strings")
        out[key] = tuple(v.strip() for v in value if v.strip())
    return out


def _alternation(words: Iterable[str], regex: bool = False, ignore_case: bool = False) -> str:
    """A regex alternation, longest first so that "pointed out" wins over "pointed".

    Plain words (``regex`` false; a space matches any run of white space) are merged into a
    trie of shared prefixes ("sa(?:y(?:ing|s)?|id)"), which matches exactly what the flat
    alternation "saying|says|said|say" matches but tries far fewer branches at each position.
    Pass ``ignore_case`` when the pattern is matched case-insensitively, so that "Say" and
    "say" share a branch.
    """
    # Alphabetical among equal lengths: a set's order changes from run to run, and the same
    # words must give the same pattern (compiled patterns are cached by their text).
    items = sorted(set(words), key=lambda w: (-len(w), w))
    if regex:
        return "|".join(f"(?:{w})" for w in items)
    trie = _trie(items, ignore_case)
    if trie is None:
        return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in items)
    return trie


_SPACE = " "  # the trie's token for a space, which the pattern reads as \s+
_END = ""     # the trie's key marking the end of a word


def _trie(words: list[str], ignore_case: bool) -> Optional[str]:
    """``words`` as one regex trie, or None when a word's spelling could let two branches
    match the same text (other white space than single spaces, or a non-ASCII letter with
    case when matching ignores case): the flat alternation is used for those."""
    root: dict = {}
    for word in words:
        node = root
        prev = ""
        for ch in word:
            if ch.isspace() and (ch != " " or prev == " "):
                return None
            if ignore_case and not ch.isascii() and ch.lower() != ch.upper():
                return None
            key = ch.lower() if ignore_case else ch
            node = node.setdefault(key, {})
            prev = ch
        node[_END] = True
    return _trie_pattern(root)


def _trie_pattern(node: dict) -> str:
    # Every branch of a node starts with a different character (or a space), so at most one
    # branch can match; longer words are tried first because a word's end is optional ("?",
    # greedy) after its continuations.
    alts = [(r"\s+" if key == _SPACE else re.escape(key)) + _trie_pattern(child)
            for key, child in node.items() if key != _END]
    if not alts:
        return ""
    if _END in node:
        return "(?:" + "|".join(alts) + ")?"
    if len(alts) == 1:
        return alts[0]
    return "(?:" + "|".join(alts) + ")"


_AUX = (r"(?:(?:have|has|had|also|long|privately|publicly|widely|generally|would|will|may|"
        r"might|could|now|already|often|all|both|repeatedly|increasingly|largely|"
        r"reportedly|do|did|does|continue\s+to|seem\s+to|appear\s+to)\s+){0,3}")


class Vocabulary:
    """The word lists and the patterns built from them.

    Each pattern is compiled on first use: a run that never meets a vague source never pays
    for the anonymity patterns.
    """

    def __init__(self, lists: dict):
        self.lists = lists

    def _alt(self, key: str, regex: bool = False, ignore_case: bool = True) -> str:
        return _alternation(self.lists.get(key, []), regex=regex, ignore_case=ignore_case)

    @functools.cached_property
    def attribution_cue(self) -> re.Pattern:
        # "in a statement", "in an interview with", "during a news conference", "on Twitter".
        noun_cue = (r"\b(?:in|during|at|through|via)\s+(?:a|an|the|his|her|their|its|our|my|one)"
                    rf"\s+(?:[\w-]+\s+){{0,3}}?(?:{self._alt('attribution_nouns')})\b")
        return compile_pattern(
            rf"(?P<verb>\b(?:{self._alt('attribution_verbs')})\b)"
            rf"|(?P<phrase>\b(?:{self._alt('attribution_phrases')})\b)|(?P<noun>{noun_cue})"
            r"|(?P<social>\b(?:on|via)\s+(?:Twitter|Facebook|Instagram|Weibo|LinkedIn|YouTube|X)\b)",
            re.I)

    @functools.cached_property
    def source_cue(self) -> re.Pattern:
        # A source noun counts when it names a particular source ("the 2019 census",
        # "government figures", "data from the ministry", "a survey found"), not in "huge
        # amounts of data".
        nouns = self._alt("source_nouns", ignore_case=False)  # matched as spelled
        return compile_pattern(
            rf"(?i:\b(?:{self._alt('attribution_phrases')})\b)"
            r"|(?:(?i:\b(?:official|government|latest|new|recent|published|released|preliminary|"
            r"provisional|final|annual|quarterly|the|a|an|its|their|his|her|this|these))\s+"
            rf"|\b\d{{4}}\s+|\b[A-Z][\w&.-]*\s+)(?:[\w-]+\s+){{0,4}}?(?:{nouns})\b"
            rf"|\b(?:{nouns})\s+(?:from|by|released|published|compiled|show|shows|showed|"
            r"suggest|suggests|suggested|indicate|indicates|indicated|found|finds|put|puts|cited)\b")

    @functools.cached_property
    def vague_source(self) -> re.Pattern:
        # A head, then optionally an appositive or a prepositional phrase (checked later for
        # names), then the verb; or "according to" and a head.
        heads = self._alt("vague_sources")
        return compile_pattern(
            rf"(?P<head>\b(?:{heads})\b)"
            r"(?P<mid>\s*,[^,.;:!?\"“”]{1,80},|\s+(?:at|from|with|of|in|on|for|close\s+to|"
            r"within|inside|across|around|who\s+spoke|who\s+asked)\s+[^,.;:!?\"“”_]{1,60}?)?"
            rf"\s+{_AUX}(?P<verb>\b(?:{self._alt('vague_verbs')})\b)"
            rf"|\baccording\s+to\s+(?P<according>(?:[a-z-]+\s+){{0,3}}?\b(?:{heads})\b)",
            re.I)

    @functools.cached_property
    def vague_quantifier(self) -> re.Pattern:
        return compile_pattern(
            r"(?:^|(?<=[,;:—–(])\s*|\b(?:but|and|while|though|although|whereas|as|because|yet|so)\s+)"
            rf"(?P<head>(?:{self._alt('vague_quantifiers')}))\s+{_AUX}"
            rf"(?P<verb>(?:{self._alt('vague_verbs')}))\b",
            re.I)

    @functools.cached_property
    def vague_passive(self) -> re.Pattern:
        return compile_pattern(
            r"\bit\s+(?:is|was|has\s+been|had\s+been|'s|’s|is\s+being|was\s+being)\s+"
            r"(?:(?:widely|generally|commonly|now|also|often|increasingly|long|still)\s+)?"
            rf"(?:{self._alt('vague_passives')})\b",
            re.I)

    @functools.cached_property
    def vague_keys(self) -> tuple:
        """For the vague sources, vague verbs and vague quantifiers: the longest run of letters
        of each entry ("familiar" for "people familiar with"). A match of an entry holds its run
        as a whole word, so a sentence without any of them cannot match the list. None for a
        list where that test does not hold (an entry that is not ASCII or has no letters, or
        an empty list)."""
        def keys(name):
            out = set()
            for word in self.lists.get(name, []):
                runs = re.findall(r"[a-z]+", word.lower()) if word.isascii() else []
                if not runs:
                    return None
                out.add(max(runs, key=len))
            return frozenset(out) or None
        return keys("vague_sources"), keys("vague_verbs"), keys("vague_quantifiers")

    @functools.cached_property
    def anonymity(self) -> re.Pattern:
        return compile_pattern(self._alt("anonymity_reasons", regex=True) or r"(?!x)x", re.I)


def vocabulary(extra: Optional[dict] = None, vocabulary_file: str = "") -> Vocabulary:
    """The built-in vocabulary plus ``vocabulary_file`` and ``extra`` lists (by list name)."""
    key = tuple(sorted((k, tuple(v)) for k, v in (extra or {}).items() if v))
    return _compiled(key, vocabulary_file)


@functools.lru_cache(maxsize=16)
def _compiled(extra: tuple, vocabulary_file: str) -> Vocabulary:
    lists = {k: list(v) for k, v in _builtin_lists().items()}
    if vocabulary_file:
        for k, v in _file_lists(str(Path(vocabulary_file).expanduser())).items():
            lists.setdefault(k, []).extend(v)
    for k, v in extra:
        lists.setdefault(k, []).extend(v)
    return Vocabulary(lists)


# --- attribution cues -------------------------------------------------------------------------

_PRONOUN = r"(?:he|she|they|it|I|we|you|who|which|one)"
# Who can come before a speech verb: a pronoun, a name, a noun phrase ("the ministry",
# "police", "officials"), possibly followed by an appositive and an adverb or auxiliary.
_SPEAKER_BEFORE = LazyPattern(
    rf"(?:\b{_PRONOUN}\b|\b[A-Z][\w.'’&-]*|\b[a-z][\w-]*)"
    r"(?:\s*\([^()]{0,60}\))?"
    r"(?:\s*,[^,_]{1,120},)?"
    r",?\s+(?:(?:has|have|had|also|later|then|previously|once|again|reportedly|publicly|recently|"
    r"further|would|will|was|were|is|are|did|does|do|not|never|repeatedly|separately|earlier|"
    r"first|last|simply|only|just|quickly|angrily|bluntly|flatly|tearfully|told|"
    r"being|been|has\s+since|had\s+been|to\s+have|reportedly)\s+){0,3}$")
# After the verb: anyone ("said Weaver", "said study co-author Martin How", "said he"), but not
# a preposition or conjunction ("said that", "told to").
_SPEAKER_AFTER = LazyPattern(
    r"^\s*,?\s*(?!(?:that|to|in|on|at|by|for|with|from|and|or|but|if|as)\b)[^\W_]")
_WORD_BEFORE_WINDOW = 160
# "agreed to add", "said to be": an infinitive after the verb (but "spoke to reporters" and
# "wrote to the council" report words).
_INFINITIVE_AFTER = LazyPattern(
    r"\s+to\s+(?!(?:the|a|an|his|her|their|its|our|my|your|this|that|these|those|reporters|"
    r"journalists|media|press|supporters|members|students|crowds?|voters|me|him|them|us|you|"
    r"cheers|applause|laughter|jeers|boos|"
    r"it|one|all|each|both|local|state|national|foreign|senior|fellow|[A-Z0-9])\b)[a-z]")
_NOT_A_SPEAKER = LazyPattern(
    r"\b(?:if|when|unless|whether|once|until|(?:agreed|promised|pledged|vowed|expected|going|"
    r"plans?|planned|wants?|wanted|decided|refused|declined|able|need|needs|have|has|had|used|"
    r"tried|trying|sought|seeks?|likely|unlikely|due)\s+to)\s+$", re.I)


def attribution_cues(masked: str, start: int = 0, end: Optional[int] = None,
                     vocab: Optional[Vocabulary] = None) -> list[tuple[int, int]]:
    """Spans of attribution cues with a speaker in ``masked[start:end]``.

    A speech verb counts when someone is there to speak it: a pronoun, a name or a noun phrase
    just before it ("Weaver said", "the ministry said in a statement") or just after it ("said
    Weaver", "said the minister"). Phrases ("according to") and attribution nouns ("in a
    statement") count by themselves.
    """
    return list(_cues(masked, start, end, vocab))


def _cues(masked: str, start: int, end: Optional[int], vocab: Optional[Vocabulary]):
    vocab = vocab or vocabulary()
    end = len(masked) if end is None else end
    for m in vocab.attribution_cue.finditer(masked, start, end):
        if m.group("verb"):
            before = masked[max(start, m.start() - _WORD_BEFORE_WINDOW):m.start()]
            if _NOT_A_SPEAKER.search(before):
                continue  # "if asked", "when asked": nobody is speaking
            if _INFINITIVE_AFTER.match(masked, m.end()):
                continue  # "agreed to add", "was said to have been": no words reported
            after = masked[m.end():min(end, m.end() + 60)]
            if not (_SPEAKER_BEFORE.search(before) or _SPEAKER_AFTER.match(after)):
                continue
        yield m.start(), m.end()


def has_attribution(masked: str, start: int = 0, end: Optional[int] = None,
                    vocab: Optional[Vocabulary] = None) -> bool:
    for _ in _cues(masked, start, end, vocab):
        return True  # the first cue settles it
    return False


# First-hand reporting: a named person or the paper was there ("Wikinews' Nicholas Moreau
# attended the event", "our correspondent witnessed"). A lower-case subject ("1,000 people
# attended") is a claim, not a source.
_FIRST_HAND = LazyPattern(
    r"(?:\b[A-Z][\w’'-]+|\b(?:reporter|correspondent|journalist|photographer)s?)\s+"
    r"(?:attended|visited|witnessed|toured|was\s+(?:there|present|on\s+hand))\b")


def has_source(masked: str, start: int = 0, end: Optional[int] = None,
               vocab: Optional[Vocabulary] = None) -> bool:
    """An attribution cue, a named kind of source ("figures from", "a 2019 census") or
    first-hand reporting ("Wikinews attended")."""
    vocab = vocab or vocabulary()
    end = len(masked) if end is None else end
    return (has_attribution(masked, start, end, vocab)
            or bool(vocab.source_cue.search(masked, start, end))
            or bool(_FIRST_HAND.search(masked, start, end)))


# --- vague sources ----------------------------------------------------------------------------

_DEFINITE = frozenset("the these those both its their his her our my your such this that".split())
_CLAUSE_WORDS = frozenset("""but and or while though although whereas as because yet so if when
that which who where than of to for by with from on in at about among after before since""".split())
_IDENTIFIES = LazyPattern(r"(?:\b[A-Z][a-z]*[A-Z]?\w*|\b(?:the|its|their|his|her)\s+\w+)")
_NAMED_AFTER = LazyPattern(
    r"^\s*(?:,\s*)?(?:(?:at|from|with|of|in|by|including|such\s+as|like|led\s+by)\s+)"
    r"(?:the\s+[a-z]|(?:the\s+)?[A-Z])")
# Modifiers that say whose reports or experts these are: "police reports", "government experts".
_IDENTIFYING_MODIFIERS = frozenset("""government official police military court ministry company
hospital state federal army navy""".split())
# A sentence that names where its claim comes from: "published in the journal PLOS ONE",
# "a study released by the Florida Museum", "according to CNN".
_NAMED_SOURCE = LazyPattern(
    r"\b(?:published|released|reported|conducted|led)\s+(?:\w+\s+){0,3}?(?:in|by)\s+(?:the\s+)?"
    r"(?:[a-z]+\s+){0,2}[A-Z]|\bin\s+the\s+journal\b|\b(?:study|report|survey|paper)\s+by\s+"
    r"(?:the\s+)?[A-Z]|\b(?i:according\s+to)\s+(?:the\s+)?[A-Z]")


# Letters that case-insensitive matching takes for ASCII ones (İ, ı and ſ for i and s, the
# Kelvin sign for k): a sentence with one is searched without the word test.
_ODD_CASE = frozenset("\u0130\u0131\u017f\u212a")
_LETTER_RUN = LazyPattern(r"[a-z]+")


@dataclass(frozen=True)
class VagueSource:
    start: int
    end: int
    text: str


def vague_sources(masked: str, start: int = 0, end: Optional[int] = None,
                  vocab: Optional[Vocabulary] = None) -> list[VagueSource]:
    """Claims pinned on unnamed groups in ``masked[start:end]`` (one sentence).

    Nothing is reported when the sentence gives the reason a source is anonymous, or when the
    group is identified: by a capitalised modifier ("Goldman Sachs analysts"), a definite
    determiner pointing back ("the experts", "these analysts") or a name or organisation after
    the head ("experts at MIT", "analysts, including Jane Doe,").
    """
    vocab = vocab or vocabulary()
    end = len(masked) if end is None else end
    sentence = masked[start:end]
    # The candidates first: most sentences have none, and then the sentence-wide checks
    # below need not run. A sentence without the words a pattern needs is not searched.
    look_heads = look_quantifiers = look_passives = True
    if not _has_odd_case(sentence):
        words = set(_LETTER_RUN.findall(sentence.lower()))
        has_head, has_verb, has_quantifier = (
            keys is None or not keys.isdisjoint(words) for keys in vocab.vague_keys)
        look_heads = has_head and (has_verb or "according" in words)
        look_quantifiers = has_quantifier and has_verb
        look_passives = "it" in words  # every passive opens with the word "it"
    heads = list(vocab.vague_source.finditer(masked, start, end)) if look_heads else []
    quantifiers = (list(vocab.vague_quantifier.finditer(masked, start, end))
                   if look_quantifiers else [])
    passives = (list(vocab.vague_passive.finditer(masked, start, end))
                if look_passives else [])
    if not (heads or quantifiers or passives):
        return []
    if vocab.anonymity.search(sentence) or _NAMED_SOURCE.search(sentence):
        return []
    found: list[VagueSource] = []
    for m in heads:
        if m.group("according") is not None:
            head_start = m.start("according")
            head_end = m.end("according")
            words = m.group("according").lower().split()
            if (_NAMED_AFTER.match(masked[head_end:end]) or words[0] in _DEFINITE
                    or _IDENTIFYING_MODIFIERS.intersection(words)):
                continue  # "according to the researchers", "according to police reports"
            first = head_start
        else:
            head_start, head_end = m.start("head"), m.end("head")
            mid = m.group("mid") or ""
            if _IDENTIFIES.search(mid):
                continue
            first = head_start
            # "Some analysts…, with analyst Kevin Bonham…": one of them is named.
            singular = m.group("head").lower().rstrip("s")
            if re.search(rf"\b(?i:{re.escape(singular)})s?\s+[A-Z]", sentence):
                continue
        # Walk back over lower-case modifiers ("cyber security specialists").
        first, identified = _modifiers_start(masked, start, first)
        if identified:
            continue
        if m.group("according") is not None:
            found.append(VagueSource(m.start(), head_end, masked[m.start():head_end]))
        else:
            found.append(VagueSource(first, m.end(), masked[first:m.end()]))
    for m in quantifiers:
        s = m.start("head")
        if any(v.start <= s < v.end for v in found):
            continue
        found.append(VagueSource(s, m.end(), masked[s:m.end()]))
    for m in passives:
        tail = masked[m.end():end]
        if re.match(r"^\s+by\s+(?:the\s+)?[A-Z]", tail):
            continue
        found.append(VagueSource(m.start(), m.end(), masked[m.start():m.end()]))
    return sorted(found, key=lambda v: v.start)


def _modifiers_start(masked: str, floor: int, head_start: int) -> tuple[int, bool]:
    """Start of the noun phrase ending at ``head_start``, and whether a modifier identifies it.

    Lower-case modifiers are part of the vague group ("cyber security specialists"); a
    capitalised word that is not the first of the sentence names it ("Pentagon officials");
    a definite determiner refers back to a group already named ("the analysts").
    """
    words = list(re.finditer(r"[\w’'-]+|[^\w\s]", masked[floor:head_start]))
    first = head_start
    taken = 0
    for w in reversed(words):
        token = w.group()
        pos = floor + w.start()
        low = token.lower()
        if low in _DEFINITE:
            return first, True
        if not re.match(r"[\w’'-]+$", token) or low in _CLAUSE_WORDS:
            break
        if token[:1].isupper():
            sentence_initial = not masked[floor:pos].strip()
            if sentence_initial and taken == 0:
                # "Experts say": the head itself opens the sentence — or a capitalised word
                # opens it ("Some analysts"): keep it only if it is a quantifier.
                break
            if sentence_initial and low in {"some", "many", "most", "several", "other", "few"}:
                first = pos
                break
            return first, True
        if taken == 3:
            break
        first = pos
        taken += 1
    return first, False


# --- figures ----------------------------------------------------------------------------------

#: Number words and currency words of figures, as plain words (a space matches any white space).
_NUMBER_WORD_LIST = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                     "eleven", "twelve", "fifteen", "twenty", "thirty", "forty", "fifty", "sixty",
                     "seventy", "eighty", "ninety", "hundred", "a hundred", "a few", "several",
                     "a dozen")
_CURRENCY_WORD_LIST = tuple(f"{w}{s}" for w in (
    "dollar", "euro", "pound", "rupee", "ruble", "rouble", "franc", "peso", "lira", "shilling",
    "dinar", "dirham", "riyal") for s in ("", "s")) + (
    "sterling", "yen", "yuan", "renminbi", "reais", "rand", "kronor", "krone", "kroner", "won",
    "naira", "ringgit", "baht", "rupiah", "zloty")
_NUM = r"\d+(?:[.,]\d+)*"
_SCALE = r"(?:million|billion|trillion|mn|bn|m|b|k)\b"


def _figure_source(number_words: str, currency_words: str, word_led: bool = True) -> str:
    """The figure pattern; without its ``word_led`` branches, only those that start with a
    digit or a currency sign (see :func:`_figure_pattern`)."""
    return (
        # Percentages: "42 percent", "42%", "forty per cent", "3 percentage points".
        rf"(?P<percent>\b(?:{_NUM}" + (f"|{number_words}" if word_led else "") + r")\s*"
        r"(?:%|per\s*cent\b|percent\b|percentage\s+points?\b))"
        # Money: "$3 billion", "US$5m", "£200,000", "3 billion euros".
        r"|(?P<money>(?:" + (r"\b(?:US|A|C|NZ|HK|S|R)\$|" if word_led else "")
        + rf"[$£€¥₹])\s?{_NUM}(?:\s*{_SCALE})?"
        rf"|\b{_NUM}\s*(?:{_SCALE}\s*)?{currency_words}\b)"
        # Magnitudes: "hundreds of millions of users", "3.5 million people", "12,000 troops".
        r"|(?P<magnitude>" + (
            r"\b(?:tens\s+of\s+|hundreds\s+of\s+)?(?:hundreds|thousands|millions|"
            r"billions)(?:\s+of\s+(?:thousands|millions|billions))?\s+of\s+(?:[a-z][\w-]*)|"
            if word_led else "")
        + rf"\b{_NUM}\s+(?:million|billion|trillion)\b"
        rf"|\b\d{{1,3}}(?:,\d{{3}})+\b)")


def _flat(words) -> str:
    return "(?:" + "|".join(w.replace(" ", r"\s+") for w in words) + ")"


#: The figure pattern as written: word lists as flat alternations (tests compare the two).
_FIGURE_FLAT = _figure_source(_flat(_NUMBER_WORD_LIST), _flat(_CURRENCY_WORD_LIST))
#: The same pattern, quicker: the word lists as tries, so that a word start tries one branch
#: of each rather than every word (compiled with a look-ahead of the characters a figure can
#: start with, see ``patterns.lead_class``: the corpus's blocks take 155 ms against 430).
_FIGURE = LazyPattern(
    _figure_source(f"(?:{_alternation(_NUMBER_WORD_LIST, ignore_case=True)})",
                   f"(?:{_alternation(_CURRENCY_WORD_LIST, ignore_case=True)})"),
    re.I)
#: The branches of _FIGURE that start with a digit or a currency sign. Number words make the
#: engine stop at most letters of a sentence (their first letters are common ones); this
#: pattern is scanned for digits and signs only.
_FIGURE_DIGIT_LED = LazyPattern(
    _figure_source("", f"(?:{_alternation(_CURRENCY_WORD_LIST, ignore_case=True)})",
                   word_led=False),
    re.I)
# What every match of _FIGURE holds, for a cheap test that rules out most sentences, including
# those whose only number is a year or a day: a currency or percent sign; or one of
# _FIGURE_WORDS in any case; or "per cent", "percent" or "percentage" (_PER_CENT: "recent",
# "century" and "center" hold "cent" too); or a digit with "million", "billion" or
# "trillion", a thousands group ("12,000") or a currency word.
_FIGURE_SIGNS = "£€¥₹"  # besides "$" and "%", which are tested first
_FIGURE_WORDS = ("hundreds", "thousands", "millions", "billions")
_PER_CENT = LazyPattern(r"per\s*cent")
_THOUSANDS_GROUP = LazyPattern(r"\d,\d{3}")
#: A part of each of _CURRENCY_WORDS' words, lower-case (tests check they stay in step).
_CURRENCY_STEMS = ("dollar", "euro", "pound", "sterling", "yen", "yuan", "renminbi", "rupee",
                   "ruble", "rouble", "franc", "peso", "reais", "rand", "lira", "kronor", "krone",
                   "won", "shilling", "naira", "dinar", "dirham", "riyal", "ringgit", "baht",
                   "rupiah", "zloty")
# Units that make a number a measurement rather than a claim that needs a source.
_MEASURE_AFTER = LazyPattern(
    r"^\s*(?:-|\s)?(?:or\s+(?:more|so)\s+|plus\s+)?(?:square\s+|cubic\s+)?(?:km|kilomet(?:er|re)s?|mi(?:les?)?|met(?:er|re)s?|m|"
    r"ft|feet|foot|inch(?:es)?|yards?|kg|kilo(?:gram)?s?|lbs?|pounds\s+\(|acres?|hectares?|"
    r"light[- ]years?|years?|BC|BCE|AD|CE|°|degrees?|km/h|mph|knots?|hours?|minutes?|seconds?|"
    r"days?|votes?|ballots?|signatures?|spectators|fans)\b|^\s*°",
    re.I)


_MEASURE_WORD = LazyPattern(
    r"\bof\s+(?:miles|kilomet(?:er|re)s|met(?:er|re)s|feet|years|light-years|hours|days|"
    r"degrees|kilograms|tonnes|tons|astronomical)\b", re.I)
# Results from the public record: election results (they come from the count) and amounts a
# court or a law sets (they come from the ruling).
_PUBLIC_RECORD = LazyPattern(
    r"\b(?:of\s+the\s+(?:popular\s+|total\s+)?votes?|of\s+votes|votes?|voted|voting|turnout|"
    r"turned\s+out|referendum|delegates|ballots?|two-party|fined?|fines|bail|restitution|sentenced|"
    r"ordered\s+to\s+pay|in\s+(?:compensation|damages)|seats\s+(?:went|were\s+won)|"
    r"won\s+(?:\S+\s+){0,3}seats|"
    # Tariffs a government imposed are set by a published order: "the 15% tariffs on about
    # $125 billion worth of Chinese goods imposed on Sept. 1".
    r"tariffs?\s+(?:\S+\s+){0,6}?worth\s+of\s+(?:\S+\s+){0,4}?goods\s+(?:imposed|levied))\b",
    re.I)


def public_record(sentence: str) -> bool:
    """True for a sentence reporting a vote count or an amount a court, law or tariff order
    set."""
    return bool(_PUBLIC_RECORD.search(sentence))


# A price: the seller states it, and the copy can be checked against the shop ("at just $139
# on Amazon", "priced at $399", "for $199.96", "$6.99 per month", "Save $5", "RRP: 49.95").
_PRICE_BEFORE = LazyPattern(
    r"(?:\b(?:for|(?:on\s+sale\s+)?at\s+(?:just|only)|priced\s+(?:at|from)|prices?(?:\s+(?:of|at|is|"
    r"are|starts?\s+at))?|retail\s+price\s+(?:\w+\s+){0,4}?(?:is|of)|now|"
    r"(?:pay|paying|paid)(?:\s+an?)?|(?:save|saves|saving)(?:\s+(?:you|shoppers|buyers|users|"
    r"customers))?|retails?\s+(?:for|at)|sells?\s+for|selling\s+for|starts?\s+at|"
    r"starting\s+(?:at|from|price\s+of)|RRP|MSRP)\b[:\s]*(?:(?:just|only|around|about|"
    r"roughly|under|as\s+low\s+as|up\s+to|an?\s+(?:extra|additional))\s+)*)$", re.I)
_PRICE_AFTER = LazyPattern(
    r"\s*(?:(?:/|per|a|an)\s*(?:month|year|week|day|hour|night|person|ticket)\b|off\b|"
    r"(?:annual|monthly)\s+(?:subscription|fee)|(?:\([^()]{1,20}\)\s*)?(?:with|on|at)\s+"
    # A value "at list prices" is the maker's price list times the order.
    r"(?-i:[A-Z])|at\s+list\s+prices?\b)", re.I)
# A market report: prices, indices and yields move in public, second by second ("U.S. crude
# fell 3.38% to $55.12 per barrel", "shares closed at $185.25", "to yield 1.786%").
_MARKET = LazyPattern(
    r"\b(?:shares?|stocks?|index|indices|futures|crude|brent|bonds?|notes|yields?|yen|dollar|"
    r"euro|sterling|pound|currency|copper|aluminum|aluminium|gold|oil|nasdaq|dow|s&p|nikkei|"
    r"sensex|nifty|ftse|dax|trading|traded|ticker)\b[^.;]{0,80}?\b(?:rose|fell|gained|lost|"
    r"climbed|dropped|slipped|jumped|edged|closed|opened|traded|trading|yield(?:ed|ing)?|"
    r"up|down|higher|lower|strengthened|weakened|scaled|hit)\b"
    r"|\b(?:rose|fell|gained|lost|climbed|dropped|slipped|jumped|edged)\b[^.;]{0,40}?\bto\s+yield\b",
    re.I)
# The writer measured it or speaks of their own experience: "In our testing, …", "we
# measured", "As one of the many thousands of people with broken keyboards, I welcome …".
_OWN_TESTING = LazyPattern(
    r"\b(?i:in\s+our\s+(?:testing|tests|review|benchmarks?)|we\s+(?:measured|tested|clocked|"
    r"timed|recorded))\b"
    r"|(?:^|[,;:]\s*|[.!?]\s+|\b(?:and|but|so|as|because|when|if|that)\s+)I\s+[a-z]")


def is_price(masked: str, start: int, end: int) -> bool:
    """The money figure at ``[start, end)`` is a price someone charges, not a claim."""
    return bool(_PRICE_BEFORE.search(masked[max(0, start - 40):start])
                or _PRICE_AFTER.match(masked, end))


_DISCOUNT = LazyPattern(r"\s*off\b", re.I)
# A figure in brackets right after another one converts it: "49.95 euro (£40)".
_CONVERSION = LazyPattern(r"[\d.,]\s*(?:[^\W\d_]{1,12}\s*)?\(\s*(?:about\s+|approx\.?\s+)?$", re.I)
# A footnote or a reference number: "up to 1,000 alarms per shift [1]".
_CITATION = LazyPattern(r"\[\d{1,3}\]|\b(?:surveyed|polled)\s+by\b", re.I)


def restates(masked: str, start: int, end: int) -> bool:
    """The figure at ``[start, end)`` restates another rather than claiming something new: a
    discount ("30% off"), a currency conversion in brackets."""
    return bool(_DISCOUNT.match(masked, end)
                or _CONVERSION.search(masked[max(0, start - 30):start]))


_NUMBER_TOKEN = LazyPattern(r"(?<![\w.])[-+]?[\d][\d.,:/%]*(?![\w])")
_ANY_TOKEN = LazyPattern(r"\S+")


def is_table_row(text: str) -> bool:
    """A row of figures (a ticker, a box score) rather than a sentence: a third or more of
    its tokens are numbers ("HD THE HOME DEPOT INC. 225.86 -12.99 -5.44%")."""
    tokens = len(_ANY_TOKEN.findall(text))
    numbers = len(_NUMBER_TOKEN.findall(text))
    return numbers >= 3 and 3 * numbers >= tokens


def cites(sentence: str) -> bool:
    """The sentence carries its own reference: a footnote number, "surveyed by Refinitiv"."""
    return bool(_CITATION.search(sentence))


# Arithmetic on figures given just before: "That is $14 less than twelve months", "which
# saves you $14", "a total of", "up from", "the difference".
_ARITHMETIC = LazyPattern(
    r"\b(?:saves?|saving|difference|total(?:s|ling|ing)?|combined|altogether|in\s+all|"
    r"works?\s+out|adds?\s+up|(?:more|less|fewer|higher|lower)\s+than|times|twice|double|"
    r"half|up\s+from|down\s+from|(?:an?\s+)?(?:increase|decrease|rise|drop|fall|jump)\s+of|"
    r"(?:that|this|which)\s+(?:is|was|means|meant|makes|made))\b", re.I)


def arithmetic(sentence: str) -> bool:
    """The sentence works with figures (compares, adds, takes a share of them)."""
    return bool(_ARITHMETIC.search(sentence))


def market_report(sentence: str) -> bool:
    """A sentence reporting market moves, or the writer's own measurement."""
    return bool(_MARKET.search(sentence) or _OWN_TESTING.search(sentence))


@dataclass(frozen=True)
class Figure:
    start: int
    end: int
    kind: str  # "percent", "money" or "magnitude"
    text: str


#: A figure at the scale a copy desk sources: "$3 billion", "£71.6million", "$2.6bn", "5 million
#: people", "hundreds of millions of users".
_LARGE = re.compile(r"\d\s*(?:million|billion|trillion|mn|bn|m)\b|"
                    r"\b(?:tens|hundreds)\s+of\s+(?:millions|billions)\b", re.I)


def is_large(figure: "Figure") -> bool:
    """Whether a sum or a count is in the millions or more (percentages always are claims).

    Measured on the judged corpus: prices, product specifications, attendance and sample
    sizes ("$129", "2,812-piece", "12,000 fans", "505,796 adults") are almost never what the
    desk asks a source for; sums and counts in the millions in the writer's voice are.
    """
    return figure.kind == "percent" or bool(_LARGE.search(figure.text))


def may_have_figures(masked: str, start: int = 0, end: Optional[int] = None) -> bool:
    """False when ``masked[start:end]`` certainly holds no figure (no currency or percent
    sign, no "hundreds", "millions", "percent"…, no digit with a currency word, "million" or a
    thousands group): a quick test before :func:`find_figures`."""
    return _figure_pattern(masked, start, end) is not None


def _figure_pattern(masked: str, start: int = 0, end: Optional[int] = None):
    """The pattern to search ``masked[start:end]`` for figures with: None where it certainly
    holds none (see :func:`may_have_figures`); _FIGURE_DIGIT_LED where the branches that one
    leaves out cannot match, for every match of those holds "$" ("US$5m"), "per cent" in
    some spelling (a number word's percentage) or one of _FIGURE_WORDS ("hundreds of");
    else _FIGURE."""
    end = len(masked) if end is None else end
    window = masked[start:end]
    if "$" in window or "%" in window or _has_odd_case(window):
        return _FIGURE
    # Substring tests of the lower-cased text: much faster than a case-insensitive pattern.
    # (A letter the pattern matches as another ignoring case, "ſ" for "s" or "ı" for "i",
    # would hide a word from them: a window with one is searched, above.)
    low = window.lower()
    # (``map`` of the bound test rather than a generator: the loop runs in C)
    if any(map(low.__contains__, _FIGURE_WORDS)) or ("cent" in low and _PER_CENT.search(low)):
        return _FIGURE
    if any(map(window.__contains__, _FIGURE_SIGNS)):
        return _FIGURE_DIGIT_LED  # "£200,000", "€4"
    if not has_digit(window):
        return None
    if ("illion" in low or _THOUSANDS_GROUP.search(masked, start, end) is not None
            or any(map(low.__contains__, _CURRENCY_STEMS))):
        return _FIGURE_DIGIT_LED
    return None


def _has_odd_case(text: str) -> bool:
    """Whether ``text`` holds a letter that case-insensitive patterns match as an ASCII one
    ("ſ", "ı", "İ", the Kelvin sign): substring tests of its lower case would miss words."""
    return not text.isascii() and not _ODD_CASE.isdisjoint(text)


def find_figures(masked: str, start: int = 0, end: Optional[int] = None) -> list[Figure]:
    """Figures that assert a quantity in ``masked[start:end]``: percentages, sums of money and
    large counts. Dates, ages, times, measurements, small counts and anything inside a
    quotation (masked) are left out."""
    end = len(masked) if end is None else end
    pattern = _figure_pattern(masked, start, end)
    if pattern is None:
        return []
    found = []
    for m in pattern.finditer(masked, start, end):
        kind = m.lastgroup
        if kind == "percent" and re.match(r"(?:100|one\s+hundred|a\s+hundred)\b", m.group(), re.I) \
                and not re.match(r"\s+of\b", masked[m.end():end]):
            continue  # "100% air", "100 percent sure": a composition or a manner, not a share
        if kind == "percent" and (re.match(r"\s*[-–/:]\s*\d", masked[m.end():end])
                                  or re.search(r"%\s*[-–/:]\s*$", masked[max(start, m.start() - 3):m.start()])):
            continue  # "80%-20% N2-CO2": a mixture
        if kind == "magnitude":
            tail = masked[m.end():end]
            if _MEASURE_WORD.search(m.group()):
                continue  # "thousands of miles", "millions of years"
            if _MEASURE_AFTER.match(tail):
                continue
            if re.match(r"^(?:st|nd|rd|th)\b", tail):
                continue
        found.append(Figure(m.start(), m.end(), kind, masked[m.start():m.end()]))
    return found


# --- transcripts --------------------------------------------------------------------------------

# Interview turns are the labelled speaker's own words, quotations and figures included.
transcript_blocks = transcripts.transcript_blocks


#: A picture caption with its credit: "… Image: Jane Doe (flickr)."
CAPTION = BoundaryLedPattern(r"(?:Image|Photo|Picture|Credit|Photograph)\s*:\s*\S")
