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
from dataclasses import dataclass
from typing import Optional


# A capitalised word ("O'Brien", "al-Assad" after a particle, "McArthur"), or an initial ("J.").
_WORD = r"(?:\p{Lu}[\p{Ll}\p{M}]+(?:['’-]\p{Lu}?[\p{Ll}\p{M}]+)*|\p{Lu}\.)"
# Particles that sit inside a name: "Ursula von der Leyen", "Luiz Inácio Lula da Silva".
_PARTICLE = r"(?:von|van|der|den|de|da|do|dos|das|du|di|del|della|la|le|bin|ibn|al|el)"
_RUN = (rf"(?<![\p{{L}}\p{{M}}'’.-]){_WORD}(?:[ ](?:{_PARTICLE}[ ])*{_WORD})*"
        r"(?!['’]?[\p{L}\p{M}-])")


@functools.lru_cache(maxsize=None)
def _run_pattern():
    """The run pattern, compiled on first use (it needs the regex module's letter classes)."""
    import regex

    return regex.compile(_RUN)

#: Block kinds read for names.
NAME_BLOCKS = ("paragraph", "list_item", "blockquote", "caption")

#: Capitalised words that are never part of a person's name in news copy: calendar words,
#: and the words that make a run of capitals an organisation, place or event.
NOT_NAME_WORDS = frozenset("""
Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June
July August September October November December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec
The A An In On At Of For And But Or If As By To From With This That These Those It Its He She
They We You I His Her Their Our My Your There Here When Where While After Before Since During
According However Although Because Meanwhile Also Yet So Then Now Some Many Most All Both Each
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
""".split())


@dataclass(frozen=True)
class Mention:
    """A run of capitalised words naming someone or something, in one block's prose.

    ``words`` are the run's words; ``title``, ``first`` and ``last`` come from nameparser for
    a run of two or more words (``last`` is the surname, or the single word of a one-word
    run). ``last_start``/``last_end`` locate the surname in the prose.
    """

    block: object
    start: int
    end: int
    words: tuple
    title: str
    first: str
    last: str
    last_start: int
    last_end: int
    in_quote: bool
    sentence_start: bool

    @property
    def full(self) -> bool:
        """A given name and a surname ("Adam Segal", "Dr. Adam Segal")."""
        return bool(self.first) and bool(self.last) and self.first != self.last


@functools.lru_cache(maxsize=4096)
def _parse(run: str) -> tuple[str, str, str]:
    """(title, first, last) of a run of two or more capitalised words, by nameparser.

    nameparser takes about 3 ms a name. A run of plain capitalised words none of which it
    knows as a title, suffix, particle or conjunction ("Adam Segal", "Mary Ann Smith") is
    read directly: first word, last word. On the 295 Wikinews articles that is 1,565 of 1,905
    distinct runs, each read exactly as nameparser reads it.
    """
    words = run.split(" ")
    if all(_PLAIN_WORD.match(w) for w in words) and not _name_parts() & {w.lower() for w in words}:
        return "", words[0], words[-1]
    from nameparser import HumanName  # imported on first use: about 70 ms

    name = HumanName(run)
    return str(name.title), str(name.first), str(name.last)


_PLAIN_WORD = re.compile(r"^[A-Z][a-z]+$")


@functools.lru_cache(maxsize=1)
def _name_parts() -> frozenset:
    """Every word nameparser gives a role other than given name or surname (lower case)."""
    from nameparser.config import CONSTANTS

    parts = set()
    for words in (CONSTANTS.titles, CONSTANTS.suffix_acronyms, CONSTANTS.suffix_not_acronyms,
                  CONSTANTS.prefixes, CONSTANTS.conjunctions):
        parts |= {w.lower() for w in words}
    return frozenset(parts)


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
    starts = {s.start for s in block.sentences}
    out = []
    for m in _run_pattern().finditer(prose):
        words = m.group().split(" ")
        start = m.start()
        # Leading calendar and function words ("On Monday", "The") are not part of a name.
        while words and words[0].rstrip(".") in NOT_NAME_WORDS and words[0].rstrip(".") not in TITLE_WORDS:
            start += len(words[0]) + 1
            words = words[1:]
        if not words:
            continue
        if any(w in NOT_NAME_WORDS and w not in TITLE_WORDS for w in words):
            continue  # an organisation, a place, an event: not a person
        last_word = words[-1]
        if len(last_word) < 2 or last_word.endswith("."):
            continue
        surname = _strip_possessive(last_word)
        last_start = start + sum(len(w) + 1 for w in words[:-1])
        # Titles and ranks before the name ("Emergencies Minister Yevgeny Zinichev"): the
        # name is what follows the last of them; nameparser reads the rest.
        cut = max((k + 1 for k, w in enumerate(words[:-1]) if w.rstrip(".") in TITLE_WORDS),
                  default=0)
        title, first = " ".join(words[:cut]), ""
        name_words = words[cut:-1] + [surname]
        if len(name_words) >= 2:
            more_title, first, _ = _parse(" ".join(name_words))
            title = " ".join(filter(None, (title, more_title)))
            if first.rstrip(".") in TITLE_WORDS or first == surname:
                first = ""
        out.append(Mention(block, start, m.end(), tuple(words), title, first, surname,
                           last_start, last_start + len(surname),
                           block.kind == "blockquote" or block.in_quote(start, m.end()),
                           _starts_sentence(prose, m.start(), starts)))
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
