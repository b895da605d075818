"""Whether an article describes a capitalised word as a person: the introductions news copy
writes around a name.

A story introduces a person with a role, a title or an age beside the name: "political
scholar Kelly Dittmar", "Ohio man Fields", "Hatice Cengiz, fiancée of journalist Jamal
Khashoggi", "Evers, the governor of Wisconsin", "Vice President Joe Biden", "Fields, now 22,",
"the 40-year-old Navaratnam". Places, parties and storms are introduced with other words
("Kabul, the capital", "Dorian, a Category 5 hurricane"), so a role word from
:data:`ROLE_WORDS`, a title from :data:`PERSON_TITLES` or an age beside a word is evidence
that the word names someone. The list holds nouns for people only: nouns that also describe a
company or a country ("maker", "owner", "host", "member", "winner") are left out, since the
rules that ask would then take a firm or a state for a person.

Offsets are prose offsets of a block.
"""

from __future__ import annotations

import re

#: Nouns that describe a person, in lower case (a plural adds "s": "astronauts Behnken and ...").
ROLE_WORDS = frozenset("""
politician lawyer attorney barrister solicitor scholar professor researcher scientist author
co-author writer journalist reporter correspondent editor columnist artist actor actress singer
musician drummer guitarist bassist rapper composer lyricist songwriter filmmaker comedian dancer
athlete player footballer cricketer runner sprinter swimmer cyclist boxer wrestler coach
goalkeeper striker mathematician physicist chemist biologist economist historian astronomer
oceanographer geologist archaeologist archeologist anthropologist engineer physician surgeon
nurse psychologist psychiatrist epidemiologist virologist teacher student lecturer priest
bishop cleric imam rabbi pastor monk nun activist campaigner protester candidate nominee
governor senator congressman congresswoman lawmaker legislator mayor minister premier president
vice-president chancellor ambassador diplomat envoy spokesman spokeswoman spokesperson official
officer detective investigator prosecutor judge magistrate commissioner chairman chairwoman ceo
founder co-founder executive administrator analyst advisor adviser consultant specialist
inventor entrepreneur businessman businesswoman billionaire tycoon heiress heir king queen
prince princess emperor monarch dictator soldier colonel sergeant lieutenant pilot astronaut
cosmonaut firefighter paramedic victim survivor suspect defendant plaintiff witness prisoner
inmate killer murderer gunman man woman boy girl teenager mother father son daughter brother
sister husband wife widow widower fiancée fiancé fiancee grandson granddaughter grandmother
grandfather uncle aunt nephew niece cousin girlfriend boyfriend designer architect photographer
blogger youtuber programmer developer chef farmer aide staffer lobbyist banker investor
philanthropist incumbent challenger novelist poet playwright screenwriter cartoonist
illustrator sculptor painter costumer presenter commentator leader dean speaker secretary
national resident
""".split())

#: Two-word roles whose head word alone would describe a country or a firm too ("Poland, a
#: member of NATO"; "Mir-Mohammadi, a council member of ...").
ROLE_PHRASES = frozenset(("council member", "board member", "staff member", "crew member",
                          "family member", "committee member", "cabinet member",
                          "party member", "team member"))

#: Titles that stand before people only: a run after "President", "Senator" or "Dr." names
#: someone. ("General", "Prince", "Chief", "Saint" are left out: "General Motors", "Prince
#: Edward Island", "Chief Minister", "Saint Lucia".)
PERSON_TITLES = frozenset("""
Mr Mrs Ms Miss Mx Dr Prof Professor Sir Dame Lord Lady Rev Reverend President Chancellor
Premier Governor Gov Mayor Senator Sen Representative Rep Congressman Congresswoman Judge
Justice Secretary Ambassador King Queen Pope Cardinal Bishop Archbishop Rabbi Imam Sheikh
Colonel Col Captain Capt Lieutenant Lt Sergeant Sgt Detective Inspector Commissioner Chairman
Chairwoman Coach Speaker Attorney Admiral Commander Ayatollah Emir Sultan Minister
""".split())

#: Words that may stand between the comma of an appositive and its role word ("Mubarak, the
#: former President of Egypt"; "Basilashvili, a Georgian tennis player").
_APPOSITIVE_WORDS = 4

#: An age beside a name: "Fields, 22,", "Fields, now 22,", "Gupta, 33-year-old of",
#: "Mubarak, aged 91".
_AGE_AFTER = re.compile(r", (?:now |aged |then )?\d{1,3}(?:-year-old)?\b")
_AGE_BEFORE = re.compile(r"\b\d{1,3}-year-old (?:[a-z]+ )?$")


def is_role(word: str) -> bool:
    """``word`` (any case, with its punctuation) is a noun from :data:`ROLE_WORDS`."""
    word = word.strip(".,;:!?\"“”‘’'()[]").lower()
    if word.endswith(("'s", "’s")):
        word = word[:-2]
    return word in ROLE_WORDS or (word.endswith("s") and word[:-1] in ROLE_WORDS)


def described_before(prose: str, start: int) -> bool:
    """A role word, a title or an age right before the name at ``start``: "political scholar
    Kelly Dittmar", "Ohio man Fields", "former Vice President Joe Biden", "the 40-year-old
    Navaratnam"."""
    head = prose[max(0, start - 40):start]
    if _AGE_BEFORE.search(head):
        return True
    if not head.endswith(" "):
        return False
    words = head.split()
    if not words:
        return False
    last = words[-1]
    return (is_role(last) and last[-1:].isalpha()) or last.rstrip(".") in PERSON_TITLES


def described_after(prose: str, end: int) -> bool:
    """An appositive of a role or an age right after the name ending at ``end``: "Evers, the
    governor of Wisconsin", "Lam, the chief executive", "Hotak, of the provincial council",
    "Fields, now 22,"."""
    tail = prose[end:end + 80]
    if not tail.startswith(", "):
        return False
    if _AGE_AFTER.match(tail) or tail.startswith(", of the "):
        return True
    words = tail[2:].split()[:_APPOSITIVE_WORDS + 1]
    for k, word in enumerate(words):
        if is_role(word) or (k and f"{words[k - 1]} {word.rstrip(',.;:')}" in ROLE_PHRASES):
            return True
        if word[-1:] in ",.;:!?)":
            return False  # the appositive ended before a role word
    return False
