"""People and organisations an article names: where each name stands and how it is spelled.

A *mention* is a run of capitalised words in a block's prose ("Nicholas Weaver", "Dr. Adam
Segal", "the Federal Security Service"), found once per document. Runs of two or more words
are read as full names by nameparser (titles such as "Dr." or "President", initials and
suffixes such as "Jr." are set apart); a run of one word is a surname or a single name used
alone ("Segal said"). Headlines, headings and datelines are left out: they are set in title
case, so a capital there says nothing, and they are not where a story introduces anyone.

Offsets are prose offsets of the block.
"""

from __future__ import annotations

import functools
import re
from typing import Optional

from newslint.text.name_vocabulary import vocabulary as _vocabulary
from newslint.text.patterns import AsciiPattern, LazyRegexPattern


# A capitalised word ("O'Brien", "al-Assad" after a particle, "McArthur"), or an initial ("J.").
_WORD = r"(?:\p{Lu}[\p{Ll}\p{M}]+(?:['’-]\p{Lu}?[\p{Ll}\p{M}]+)*|\p{Lu}\.)"
# Particles that sit inside a name: "Ursula von der Leyen", "Luiz Inácio Lula da Silva".
PARTICLES = ("von", "van", "der", "den", "de", "da", "do", "dos", "das", "du", "di", "del",
             "della", "la", "le", "bin", "ibn", "al", "el")
_PARTICLE = "(?:" + "|".join(PARTICLES) + ")"
_RUN = (rf"(?<![\p{{L}}\p{{M}}'’.-]){_WORD}(?:[ ](?:{_PARTICLE}[ ])*{_WORD})*"
        r"(?!['’]?[\p{L}\p{M}-])")


# The run pattern for ASCII prose (most paragraphs of English copy), where a capital is A-Z
# and a small letter a-z and there are no marks, for the standard engine: it opens with the
# capital, and the test of the character before it follows, so that the engine scans for
# capitals rather than trying every position (tests compare the two patterns on the corpus
# and on ASCII text of every character).
_ASCII_WORD = r"(?:[A-Z][a-z]+(?:['-][A-Z]?[a-z]+)*|[A-Z]\.)"
_ASCII_RUN = (r"[A-Z](?<![A-Za-z'.-][A-Z])(?:[a-z]+(?:['-][A-Z]?[a-z]+)*|\.)"
              rf"(?:[ ](?:{_PARTICLE}[ ])*{_ASCII_WORD})*(?!'?[A-Za-z-])")
RUNS = AsciiPattern(LazyRegexPattern(_RUN), _ASCII_RUN)

#: Block kinds read for names.
NAME_BLOCKS = ("paragraph", "list_item", "blockquote", "caption")

#: Calendar and function words, capitalised at a sentence start ("On Monday", "Both").
FUNCTION_WORDS = frozenset("""
Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June
July August September October November December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec
The A An In On At Of For And But Or If As By To From With This That These Those It Its He She
They We You I His Her Their Our My Your There Here When Where While After Before Since During
According However Although Because Meanwhile Also Yet So Then Now Some Many Most All Both Each
""".split())

#: Capitalised words that are never part of a person's name in news copy: calendar and
#: function words, and the words that make a run of capitals an organisation, place or event.
NOT_NAME_WORDS = FUNCTION_WORDS | frozenset("""
University College School Institute Academy Party Council Committee Commission Ministry
Department Agency Service Services Office Bureau Court Parliament Assembly Congress Senate House
Government Police Army Navy Force Forces Guard Bank Fund Company Corporation Group Association
Union League Federation Foundation Society Club Team Street Road Avenue Square Park Bridge
Station Airport Hospital Centre Center Church Cathedral Mosque Temple Museum Library Stadium
Hall Tower Building Island Islands River Lake Mountain Mount Sea Ocean Bay Valley City County
State States Province Region District Republic Kingdom Empire North South East West Northern
Southern Eastern Western Central New Old Great United National International Federal Royal
General Supreme High Cup Championship Championships Olympics Games Award Awards Prize Festival
Day Week Year Act Bill Law Treaty Agreement Convention Declaration Project Programme Program
Operation Mission Network News Times Post Journal Daily Radio Television TV Airlines Air
Wikinews Wikipedia Twitter Facebook Google Internet Web Online Inc Ltd Co Corp LLC Plc
""".split())

#: Words that stand before a surname as a title or rank ("Mr. Weaver", "President Trump").
TITLE_WORDS = frozenset("""
Mr Mrs Ms Miss Mx Dr Prof Professor Sir Dame Lord Lady Rev Reverend Father Sister Brother
Saint St President Vice Prime Minister Chancellor Premier Governor Gov Mayor Senator Sen
Representative Rep Congressman Congresswoman Judge Justice Chief Secretary Ambassador King
Queen Prince Princess Duke Duchess Pope Cardinal Bishop Archbishop Rabbi Imam Sheikh General Gen
Colonel Col Major Maj Captain Capt Lieutenant Lt Sergeant Sgt Officer Detective Inspector
Commissioner Chairman Chairwoman Chair Director Coach Leader Speaker Deputy Foreign Health
Defence Defense Finance Interior Justice Education Emergencies Emergency Economy Trade
Attorney Solicitor Auditor Admiral Marshal Commander Private Corporal Agent Chef Doctor Nurse
Pastor Elder Ayatollah Emir Sultan Tsar Czar Empress Emperor Crown Regional Minister
Grand Grandmaster
""".split())


def _title_word(word: str) -> bool:
    """A title or rank, also hyphenated ("Vice-President", "Secretary-General",
    "President-elect")."""
    word = word.rstrip(".")
    if word in TITLE_WORDS:
        return True
    return "-" in word and all(p in TITLE_WORDS or p == "elect" for p in word.split("-"))


#: Words that make a run something other than a person's name (a title is part of one).
_NOT_PERSON_WORDS = NOT_NAME_WORDS - TITLE_WORDS


class Mention:
    """A run of capitalised words naming someone or something, in one block's prose.

    ``words`` are the run's words; ``title``, ``first`` and ``last`` come from nameparser for
    a run of two or more words (``last`` is the surname, or the single word of a one-word
    run). ``last_start``/``last_end`` locate the surname in the prose. ``in_quote`` and
    ``sentence_start`` are worked out when first asked for: most mentions are never asked;
    ``run_start`` is where the run began, before any leading calendar or function word.
    ``title``, ``first`` and ``full`` too are worked out when first asked for: reading a run
    with nameparser took most of the time of finding an article's mentions, and the rules
    ask only where a cheaper test leaves them a question.
    """

    # A plain class with slots rather than a frozen dataclass: an article has about fifty
    # mentions and a frozen dataclass takes several times as long to build each one.
    __slots__ = ("block", "start", "end", "words", "last", "last_start", "last_end",
                 "run_start", "may_be_full", "_title", "_first", "_full", "_pending",
                 "_in_quote", "_sentence_start")

    def __init__(self, block, start, end, words, title, first, last, last_start, last_end,
                 run_start, pending=None):
        self.block, self.start, self.end, self.words = block, start, end, words
        self.last, self.last_start, self.last_end = last, last_start, last_end
        self.run_start = run_start
        # ``pending``: (the titles set apart, the rest of the run for nameparser), read on
        # first use; without it ``title`` and ``first`` are as given.
        self._pending = pending
        self._title, self._first = title, first
        self._full = bool(first) and bool(last) and first != last
        #: False when the mention is known not to be ``full`` without nameparser: a single
        #: word, or titles and a surname ("President Trump"). An attribute: asked of every
        #: mention.
        self.may_be_full = pending is not None or self._full
        self._in_quote = self._sentence_start = None

    def _read(self) -> None:
        titles, rest = self._pending
        more_title, first, _ = _parse(rest)
        self._title = " ".join(filter(None, (titles, more_title)))
        if _title_word(first) or first == self.last:
            first = ""
        self._first = first
        self._full = bool(first) and first != self.last
        self._pending = None

    @property
    def title(self) -> str:
        if self._pending is not None:
            self._read()
        return self._title

    @property
    def first(self) -> str:
        if self._pending is not None:
            self._read()
        return self._first

    @property
    def full(self) -> bool:
        """A given name and a surname ("Adam Segal", "Dr. Adam Segal")."""
        if self._pending is not None:
            self._read()
        return self._full

    def __repr__(self) -> str:
        return (f"Mention({' '.join(self.words)!r}, block={self.block.index}, "
                f"start={self.start}, first={self.first!r}, last={self.last!r})")

    @property
    def in_quote(self) -> bool:
        """Inside quoted speech: a block quotation or a quotation in the block."""
        if self._in_quote is None:
            self._in_quote = (self.block.kind == "blockquote"
                              or self.block.in_quote(self.start, self.end))
        return self._in_quote

    @property
    def sentence_start(self) -> bool:
        """The run opens a sentence (after any opening quotation mark or bracket)."""
        if self._sentence_start is None:
            self._sentence_start = _starts_sentence(
                self.block.prose, self.run_start, {s.start for s in self.block.sentences})
        return self._sentence_start


@functools.lru_cache(maxsize=4096)
def _parse(run: str) -> tuple[str, str, str]:
    """(title, first, last) of a run of two or more capitalised words, as nameparser reads it.

    nameparser takes about 0.1 ms a name, and 25 ms to import into newslint. Most runs are read
    directly, to the same result (``tests/unit/test_name_mentions.py`` compares the two on
    every run of the Wikinews corpus and on thousands of runs made of its words):

    * plain words only ("Adam Segal", "Łukasz Szumowski", "Jean-Luc Picard": capitalised
      Latin-script words none of which, nor any hyphenated part of which, nameparser gives a
      role): first word, last word;
    * titles nameparser knows before them ("Mme Spanton", "Honorable Pedro Pierluisi"): the
      titles, then as above (a single word left is the surname);
    * initials between them ("John R. Bolton") and particles before the surname ("Leon van
      Biljon", "Osama bin Laden"): the surname runs from the first particle to the end;
    * particles and one plain word ("de Blasio"): a surname alone.

    Anything else is read by nameparser itself.
    """
    words = run.split(" ")
    if all(_plain_word(w) for w in words):
        return "", words[0], words[-1]
    direct = _read_directly(words)
    if direct is not None:
        return direct
    from nameparser import HumanName  # imported on first use: about 25 ms

    name = HumanName(run)
    return str(name.title), str(name.first), str(name.last)


#: An initial as nameparser reads one between a given name and a surname ("R.").
_INITIAL = re.compile(r"^[A-Z]\.$")


def _read_directly(words: list) -> Optional[tuple[str, str, str]]:
    """(title, first, last) for the shapes :func:`_parse` names, or None for nameparser."""
    vocabulary = _vocabulary()
    cut = 0
    while cut < len(words) and _leading_title(words[cut], vocabulary):
        cut += 1
    title, rest = " ".join(words[:cut]), words[cut:]
    if not rest or not _name_word(rest[-1], vocabulary):
        return None
    if len(rest) == 1:
        return (title, "", rest[0]) if cut else None
    if not _name_word(rest[0], vocabulary):
        # Particles and a surname ("de Blasio", "De Blasio"), with no title before them.
        if cut == 0 and all(w.lower() in vocabulary.not_given for w in rest[:-1]):
            return "", "", " ".join(rest)
        return None
    particle_at = None
    for k in range(1, len(rest) - 1):
        word = rest[k]
        if word in PARTICLES and word in vocabulary.prefixes:
            if particle_at is None:
                particle_at = k
        elif particle_at is not None or not (_INITIAL.match(word)
                                             or _name_word(word, vocabulary)):
            return None  # an initial or another word after a particle, or an unknown word
    last = " ".join(rest[particle_at:]) if particle_at is not None else rest[-1]
    return title, rest[0], last


def _leading_title(word: str, vocabulary) -> bool:
    """A word nameparser reads as a title when it leads a run ("Mme", "Dr.")."""
    key = word[:-1] if word.endswith(".") else word
    return key.isalpha() and key[0].isupper() and key.lower() in vocabulary.leading_titles


def _name_word(word: str, vocabulary) -> bool:
    """A word nameparser reads as a name word: plain, or a suffix it reads as a name unless
    written in capitals ("Capp")."""
    return _plain_word(word) or (word.isalpha() and word[0].isupper() and word[1:].islower()
                                 and word.lower() in vocabulary.name_like)


@functools.lru_cache(maxsize=None)
def _plain_pattern():
    import regex

    latin_upper, latin_lower = r"[\p{Lu}&&\p{Latin}]", r"[\p{Ll}\p{M}&&[\p{Latin}\p{M}]]"
    return regex.compile(rf"{latin_upper}{latin_lower}+(?:['’-]{latin_upper}?{latin_lower}+)*",
                         regex.V1)


#: Words nameparser reads as roman numerals, a suffix ("Jack Smith III").
_ROMAN = re.compile(r"^(?:X|IX|IV|V?I{0,3})$", re.I)


@functools.lru_cache(maxsize=8192)
def _plain_word(word: str) -> bool:
    """A capitalised Latin-script word that nameparser reads as nothing but a name word."""
    if not _plain_pattern().fullmatch(word) or _ROMAN.match(word):
        return False
    parts = _vocabulary().parts
    lower = word.lower()
    if lower in parts:
        return False
    # A hyphenated or elided word: none of its pieces is a particle ("al-", "el") either.
    pieces = re.split(r"(?<=['’-])", lower)
    return len(pieces) == 1 or not any(p in parts or p.rstrip("'’-") in parts for p in pieces)


def preload() -> None:
    """Read nameparser's vocabulary now rather than on the first name met.

    For runs with worker processes (see ``Rule.start``): the workers inherit it, where each
    would otherwise read it again on its first article with a name. nameparser itself is
    left to the few runs read by it (:func:`_parse`): most runs of news copy are not.
    """
    _vocabulary()


#: Generational suffixes written after a surname (the run stops before their full stop).
_SUFFIXES = frozenset(("Jr", "Sr"))


def _strip_possessive(word: str) -> str:
    return word[:-2] if word[-2:] in ("'s", "’s") else word


def mentions(doc) -> list:
    """Every name mention of ``doc`` in document order (computed once per document)."""
    found = doc.cache.get(__name__)
    if found is not None:
        return found
    found = []
    for block in doc.blocks:
        if block.kind not in NAME_BLOCKS:
            continue
        found.extend(_block_mentions(block))
    doc.cache[__name__] = found
    return found


def _block_mentions(block) -> list:
    prose = block.prose
    out = []
    not_person = _NOT_PERSON_WORDS
    for m in RUNS.finditer(prose):
        text = m.group()
        if " " not in text:
            # One word, as most runs are ("The", "Segal's"): read without the steps below,
            # to the same result (a word ending in a full stop is an initial, "J.").
            if text[-1] == "." or text in not_person or len(text) < 2:
                continue
            start = m.start()
            surname = _strip_possessive(text)
            out.append(Mention(block, start, start + len(text), (text,), "", "", surname,
                               start, start + len(surname), start))
            continue
        words = text.split(" ")
        start = run_start = m.start()
        # Leading calendar and function words ("On Monday", "The") are not part of a name.
        while words and words[0].rstrip(".") in not_person:
            start += len(words[0]) + 1
            words = words[1:]
        if not words or not not_person.isdisjoint(words):
            continue  # nothing left, or an organisation, a place, an event: not a person
        end = m.end()
        # A generational suffix after the surname ("Patrick Carlineo Jr.", "James Kennedy
        # Jr."): the surname is the word before it.
        suffix_at = end
        if len(words) > 2 and words[-1] in _SUFFIXES:
            suffix_at = end - len(words[-1]) - 1
            words = words[:-1]
        last_word = words[-1]
        if len(last_word) < 2 or last_word.endswith("."):
            continue
        surname = _strip_possessive(last_word)
        last_start = suffix_at - len(last_word)
        title, pending = "", None
        if len(words) > 1:
            # Titles and ranks before the name ("Emergencies Minister Yevgeny Zinichev"): the
            # name is what follows the last of them; nameparser reads the rest, when asked.
            cut = 0
            for k in range(len(words) - 2, -1, -1):
                if _title_word(words[k]):
                    cut = k + 1
                    break
            title = " ".join(words[:cut])
            if cut < len(words) - 1:
                pending = (title, " ".join(words[cut:-1] + [surname]))
        out.append(Mention(block, start, end, tuple(words), title, "", surname,
                           last_start, last_start + len(surname), run_start, pending))
    return out


def _starts_sentence(prose: str, i: int, starts: set) -> bool:
    if i in starts:
        return True
    j = i - 1
    while j >= 0 and (prose[j].isspace() or prose[j] in "\"“‘'([—–-"):
        j -= 1
    return j < 0 or prose[j] in ".!?:;"


def previous_word(prose: str, i: int) -> Optional[str]:
    """The word right before prose position ``i`` (after one space), without a full stop."""
    j = i - 1
    if j < 0 or prose[j] != " ":
        return None
    k = j
    while k > 0 and not prose[k - 1].isspace():
        k -= 1
    return prose[k:j].rstrip(".,") or None
