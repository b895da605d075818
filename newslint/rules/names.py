"""Built-in rules: the consistency checks a copy desk makes on names and quotations.

A spell checker sees one word at a time; these rules read the whole article: one person spelled
two ways (`name-variant`), a surname used before the person is introduced (`first-reference`),
and a quotation opened and never closed (`unclosed-quote`). Name mentions come from
:mod:`newslint.text.names` (found once per document), quotations from
:mod:`newslint.text.quotes`.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
import unicodedata
from collections import defaultdict

from newslint import hookimpl
from newslint.finding import Match
from newslint.rule import DocumentRule
from newslint.rules.dates import transcript_blocks
from newslint.text import name_vocabulary
from newslint.text.names import (FUNCTION_WORDS, NOT_NAME_WORDS, PARTICLES, TITLE_WORDS,
                                  mentions, preload, previous_word)
from newslint.text.people import PERSON_TITLES, described_after, described_before, is_role
from newslint.text.quotes import double_role
from newslint.text.slips import MIN_LENGTH, one_slip


def _match(block, start: int, end: int, message: str, suggestions=(), related=()) -> Match:
    offset, length = block.source_span(start, end)
    return Match(offset, length, message, tuple(suggestions), tuple(related))


def _lower_words(doc) -> "_LowerWords":
    """The article's lower-case words, asked word by word: a capitalised word also written in
    lower case ("Rescuers"/"rescuers") is an ordinary word at a sentence start, not a name.
    One per document, for every rule that asks."""
    words = doc.cache.get(_LOWER_KEY)
    if words is None:
        words = doc.cache[_LOWER_KEY] = _LowerWords(doc)
    return words


class _LowerWords:
    """``word in`` this: some white-space separated piece of the article starts with a
    lower-case letter and is ``word`` once the punctuation on its right is stripped.

    Each word asked is looked for in the article's text, and the answer kept: the rules ask
    about a few words an article, and the set of all of them took longer to build than the
    rules took to ask."""

    __slots__ = ("_text", "_known")

    def __init__(self, doc):
        self._text = "\n".join(b.prose for b in doc.blocks)
        self._known: dict = {}

    def __contains__(self, word: str) -> bool:
        known = self._known.get(word)
        if known is None:
            known = self._known[word] = bool(
                word and unicodedata.category(word[0]) == "Ll"
                and word[-1] not in _PUNCTUATION and word in self._text
                and re.search(rf"(?<!\S){re.escape(word)}[{_PUNCTUATION_CLASS}]*(?!\S)",
                              self._text))
        return known


_LOWER_KEY = __name__ + ".lower_words"
_PUNCTUATION = ".,;:!?\"“”‘’'()[]"
_PUNCTUATION_CLASS = re.escape(_PUNCTUATION)


class _ReadsNames(DocumentRule):
    """A rule that reads the article's name mentions (``newslint.text.names``)."""

    def start(self, context) -> None:
        name_vocabulary.use_cache(context.config.cache_dir_or_none, context.warn)
        if context.jobs > 1:  # the worker processes inherit the vocabulary, read once here
            preload()


#: Words never compared as names: calendar, function and organisation words, and titles.
_NOT_COMPARED = NOT_NAME_WORDS | TITLE_WORDS


def _slip_pairs(surnames: set, given: set, spellings=None) -> list:
    """Pairs of ``spellings`` (default: all of them) one slip apart, both surnames or both
    given names (a surname is only compared with surnames), in the order of ``spellings``.
    Spellings are grouped by first letter and length: a slip keeps the first letter and
    changes the length by one letter at most, so only those groups are compared."""
    groups: dict = {}
    for s in (surnames | given) if spellings is None else spellings:
        if len(s) >= MIN_LENGTH and s.isalpha() and not s.isupper():
            groups.setdefault((s[0], len(s)), []).append(s)
    pairs = []
    for (initial, n), group in groups.items():
        longer = groups.get((initial, n + 1), ())
        if not longer and len(group) == 1:
            continue  # most spellings: nothing to compare with
        for i, a in enumerate(group):
            for b in (*group[i + 1:], *longer):
                if ((a in surnames and b in surnames) or (a in given and b in given)) \
                        and one_slip(a, b):
                    pairs.append((a, b))
    return pairs


def _ordinary(a: str, b: str, lower) -> bool:
    """Either spelling is also written in lower case in the article: an ordinary word."""
    return a in lower or b in lower or a.lower() in lower or b.lower() in lower


class NameVariant(_ReadsNames):
    """A person, organisation or place named two ways in one article.

    ## What it flags
    A name the article spells two ways, one slip of the keyboard apart: a doubled letter
    written once or a letter doubled ("Segal" and "Segall"), a letter dropped inside the name,
    two neighbouring letters swapped, or one vowel changed ("Weaver" and "Weever",
    "Zuckerberg" and "Zuckerburg"). The rarer spelling is reported, with the other one shown
    beside it; on a tie, the spelling that appears later is reported, since the first one is
    usually the introduction.

    Two different people are not reported: when both spellings are introduced in full with
    different given names ("Ann Johnson" and "Mark Johnston"), they are taken as two people.
    A given name is only compared with given names and a surname with surnames, names shorter
    than five letters are left alone, and so are endings that make another word
    ("Korea"/"Korean", "Maria"/"Mario").

    ## Why it matters
    A misspelled name is among the most common corrections newspapers print, and the one
    readers and the people named notice first. A spell checker accepts both spellings, because
    it knows neither; only the article itself shows that they disagree.

    ## Example
    ```
    "It's minimal," said Adam Segal, director of the program. ... Segall said the ban would
    not change much.
    ```

    ## Instead
    ```
    "It's minimal," said Adam Segal, director of the program. ... Segal said the ban would
    not change much.
    ```
    Check the spelling against the source (a staff page, the person's own publications) and
    use it throughout.
    """

    id = "name-variant"
    category = "spelling"
    severity = "warning"
    #: A suggestion reads right in most copy but not all: an editor confirms it.
    fix_safety = "unsafe"
    default_options = {}

    def check(self, doc, options):
        found = mentions(doc)
        if len(found) < 2:
            return
        not_names = _NOT_COMPARED
        # Pairs one slip apart first, among every spelling that could be compared: the
        # surnames, and every word before the surname in a longer run (the given names are
        # among them). Most articles have none, and then no run need be read with nameparser
        # and the article's words need not be read at all.
        candidates = _slip_pairs({m.last for m in found} - not_names,
                                 {w for m in found if m.may_be_full for w in m.words[:-1]}
                                 - not_names)
        # A pair of ordinary words at a sentence start ("Woman"/"Women") is no pair of names,
        # whoever's given name either is: left out before any run is read.
        lower = _lower_words(doc)
        candidates = [(a, b) for a, b in candidates if not _ordinary(a, b, lower)]
        if not candidates:
            return
        # Only the mentions with one of those spellings are read further.
        spelled = {s for pair in candidates for s in pair}
        found = [m for m in found if m.last in spelled
                 or (m.may_be_full and not spelled.isdisjoint(m.words[:-1]))]
        # spelling -> occurrences (mention, start, end), and the spellings used as surnames
        # and as given names: a surname is only compared with surnames, a given name with
        # given names.
        occurrences = defaultdict(list)
        given_of = defaultdict(set)   # surname spelling -> given names introduced with it
        as_surname, as_given = set(), set()
        for m in found:
            last = m.last
            if last not in not_names:
                occurrences[last].append((m, m.last_start, m.last_end))
                as_surname.add(last)
            if not m.full:
                continue
            first = m.first
            if last not in not_names:
                given_of[last].add(first)
            if " " not in first and "." not in first:
                start = m.block.prose.find(first, m.start, m.last_start)
                if start >= 0:
                    occurrences[first].append((m, start, start + len(first)))
                    as_given.add(first)
        pairs = _slip_pairs(as_surname, as_given, occurrences)
        if not pairs:
            return
        capitals = None
        for a, b in pairs:
            if _ordinary(a, b, lower):
                continue  # ordinary words at a sentence start: "Woman"/"Women"
            if capitals is None:
                capitals = _capitalised_words(doc)
            if _people_of(a, capitals) or _people_of(b, capitals):
                continue  # a place and its people: "India"/"Indian" beside "Indira"
            if given_of[a] and given_of[b] and not given_of[a] & given_of[b]:
                continue  # both introduced in full, with different given names
            yield from self._report(doc, occurrences[a], occurrences[b])

    @staticmethod
    def _report(doc, occ_a, occ_b):
        def first_pos(occ):
            m, start, _ = occ[0]
            return (m.block.index, start)

        # The rarer spelling is reported; on a tie the one that appears later.
        if (len(occ_a), -first_pos(occ_a)[0], -first_pos(occ_a)[1]) > (
                len(occ_b), -first_pos(occ_b)[0], -first_pos(occ_b)[1]):
            kept, rare = occ_a, occ_b
        else:
            kept, rare = occ_b, occ_a
        if all(m.in_quote for m, _, _ in rare):
            return  # a quoted statement keeps its own spelling ("bin Ladin" in a US statement)
        km, ks, ke = kept[0]
        kept_text = km.block.prose[ks:ke]
        times = "once" if len(kept) == 1 else f"{len(kept)} times"
        tie = len(kept) == len(rare)
        related = (doc.block_span(km.block, ks, ke),)
        # One finding per pair, at the first use of the rarer spelling outside quotations.
        m, start, end = next(o for o in rare if not o[0].in_quote)
        if _foreign_sentence(m.block, start):
            return  # "Parisiens" in a tweet quoted in French: that language's own spelling
        written = m.block.prose[start:end]
        also = "" if len(rare) == 1 else f" (written so {len(rare)} times)"
        if tie:
            # Nothing says which of two equally used spellings is right: ask, suggest nothing.
            yield _match(m.block, start, end,
                         f"'{written}' is spelled '{kept_text}' elsewhere in this article "
                         f"(each {times}); check which spelling of the name is right.",
                         related=related)
            return
        yield _match(m.block, start, end,
                     f"'{written}'{also} is spelled '{kept_text}' elsewhere in this article "
                     f"({times}); check the name and use one spelling.",
                     suggestions=(kept_text,), related=related)


#: Function words of the languages news copy quotes most; two of them in a sentence mark a
#: passage in that language, where names take that language's spelling.
_FOREIGN_WORDS = frozenset("""le les des du et est une aux pour dans avec celui mon nom sont
leurs der die das und ist nicht mit ein eine los las el una por con que del y di il della
che sono""".split())


def _foreign_sentence(block, i: int) -> bool:
    for s in block.sentences:
        if s.start <= i < s.end:
            words = block.prose[s.start:s.end].lower().split()
            return sum(w.strip(".,;:!?") in _FOREIGN_WORDS for w in words) >= 3
    return False


_DEMONYM_ENDINGS = ("n", "an", "ian", "ns", "ans", "ese", "i", "is")


def _people_of(spelling: str, words: set) -> bool:
    """True when the article also has ``spelling`` with a demonym ending ("India", "Indian"):
    then it is a place, compared with a person's name only by accident."""
    return any(spelling + end in words for end in _DEMONYM_ENDINGS)


def _capitalised_words(doc) -> set:
    return {w.strip(".,;:!?\"“”‘’'()[]") for b in doc.blocks for w in b.tokens
            if w[:1].isupper()}


#: Words before a lone surname that make it something other than a reference to the person:
#: "the Trump administration", "a Kennedy cousin".
_MODIFIER_BEFORE = frozenset("the a an The A An".split())


#: Words before a lone capitalised word that make it a place: "in Washington", "to Poland".
_PLACE_BEFORE = frozenset("""in at from to of near across into outside inside around
throughout via across toward towards across UC""".split())


#: Place words that stand before people as often as before places.
_PERSON_OR_PLACE = frozenset(("of", "from", "to"))


def _person_name(m, lower) -> bool:
    """A full mention that reads as a person's name: a given name and surname of letters,
    none of its words written in lower case elsewhere ("Across India", "Fellow Americans",
    "Top Two" are a sentence start and a name, or a phrase)."""
    # Titles and particles ("Leon van Biljon") are not the words that make it a name.
    name = [w for w in m.words if w.rstrip(".") not in TITLE_WORDS and w not in PARTICLES]
    if not 2 <= len(name) <= 4:
        return False
    if any(w.endswith(("'s", "’s")) for w in name[:-1]):
        return False  # "Atlanta's Democratic": a possessive inside is not a name
    return all(w.lower() not in lower and w.rstrip("'’s") not in NOT_NAME_WORDS for w in name)


_PERSON_AFTER = ("said", "says", "told", "added", "explained", "wrote", "stated", "argued",
                 "noted", "claimed", "asked", "replied", "announced", "tweeted", "who", "whose",
                 "remarked", "recalled", "observed", "commented",
                 # What only people do: a country can be "elected" to a council or "found",
                 # but not sentenced, arrested or born.
                 "died", "pleaded", "resigned", "testified", "was born", "was sentenced",
                 "was arrested", "was convicted", "was charged", "was jailed", "was indicted")


def _person_after_of(m, described: bool) -> bool:
    """A lone surname after "of" that is the person's, not a place's: a role follows ("at the
    request of Trudeau, then the Prime Minister"), or the article describes the person and no
    place name follows ("the universe of Heidecker and ..." after "comedian Tim Heidecker";
    "of Allen, Texas" is a town)."""
    prose = m.block.prose
    if described_after(prose, m.end):
        return True
    place_follows = prose.startswith(", ", m.end) and prose[m.end + 2:m.end + 3].isupper()
    return described and not place_follows


def _titled(m) -> bool:
    """The mention carries a title given only to people ("Vice President Joe Biden")."""
    return any(w.rstrip(".") in PERSON_TITLES for w in m.title.split())


def _after_title_of(m) -> bool:
    """The mention ends a title of the form "President of the United States", "Secretary of
    State": its run began with words set apart as not a name, after a title and "of"."""
    if m.run_start == m.start:
        return False
    head = m.block.prose[max(0, m.run_start - 40):m.run_start].split()
    if head[-1:] == ["the"]:
        head = head[:-1]
    return len(head) >= 2 and head[-1] == "of" and head[-2].rstrip(".") in TITLE_WORDS


def _next_capitalised(prose: str, end: int) -> bool:
    return prose[end:end + 1] == " " and prose[end + 1:end + 2].isupper()


def _described(found, surname: str) -> bool:
    """The article introduces ``surname`` with a role, a title or an age ("political scholar
    Kelly Dittmar", "Vice President Joe Biden", "Evers, the governor of Wisconsin", "Fields,
    now 22,")."""
    return any(_titled(m) or described_before(m.block.prose, m.start)
               or described_after(m.block.prose, m.end) for m in found if m.last == surname)


def _acts_as_person(doc, surname: str, found=()) -> bool:
    if any(_speaks(b.prose, surname) for b in doc.blocks if surname in b.prose):
        return True
    # Described as a person: one even where the article writes "of Evers" ("at the request of
    # Trudeau"), though never where it writes "in Evers".
    described = _described(found, surname)
    # A surname in one sentence with "he", "she", "his", "her": someone the story talks about
    # ("Mendez died Saturday ... his family said"). Unless the article also uses the word as a
    # place ("in Zimbabwe", "of Iowa"): a place shares sentences with people's pronouns too.
    blocks = [b for b in doc.blocks if surname in b.prose]
    # Of the place words, "of", "from" and "to" stand before people too ("of Trudeau",
    # "lawyers from Fields", "according to Ahola"): a person the article describes is only
    # taken for a place where the article writes "in", "at", "near", ... before the word.
    place_words = _PLACE_BEFORE - _PERSON_OR_PLACE if described else _PLACE_BEFORE
    for b in blocks:
        words = b.tokens
        if any(w in place_words and _bare(nxt) == surname for w, nxt in zip(words, words[1:])):
            return False
    if described:
        return True
    for b in blocks:
        for sentence in b.sentences:
            text = b.prose[sentence.start:sentence.end]
            at = text.find(surname)
            # The pronoun after the surname ("Mendez died ... his family"), as it refers back.
            if at >= 0 and not _PRONOUNS.isdisjoint(map(_bare, text[at:].split())):
                return True
    return False


def _speaks(prose: str, surname: str) -> bool:
    """``surname`` says or does something in ``prose``: "Segal said", "Segal's, who", "said
    Segal", "according to Dr. Adam Segal". Read with string methods: a pattern compiled for
    each surname took most of the rule's time."""
    n = len(surname)
    i = prose.find(surname)
    while i >= 0:
        end = i + n
        # "Segal said", "Segal's, who": a whole word, then a verb of speech or "who".
        if not (i and _is_word_char(prose[i - 1])):
            for k in (end + 2 if prose.startswith(("'s", "’s"), end) else -1, end):
                if k < 0:
                    continue
                if prose.startswith(",", k):
                    k += 1
                if prose.startswith(" ", k) and any(
                        prose.startswith(w, k + 1) and not _word_char_at(prose, k + 1 + len(w))
                        for w in _PERSON_AFTER):
                    return True
        # "said Segal", "according to Dr. Adam Segal": capitalised words between.
        if not _word_char_at(prose, end) and _after_speech_verb(prose, i):
            return True
        i = prose.find(surname, i + 1)
    return False


def _after_speech_verb(prose: str, i: int) -> bool:
    """Position ``i`` follows "said ", "says ", "wrote " or "according to ", with nothing but
    capitalised words, each followed by one space, between."""
    pos = i
    while pos > 0 and prose[pos - 1] == " ":
        before = pos - 1
        for verb in ("said", "says", "wrote", "according to"):
            if prose.endswith(verb, 0, before) and not (
                    before > len(verb) and _is_word_char(prose[before - len(verb) - 1])):
                return True
        start = before
        while start > 0 and not prose[start - 1].isspace():
            start -= 1
        if start == before or unicodedata.category(prose[start]) != "Lu":
            return False
        pos = start
    return False


def _is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_" or unicodedata.category(ch)[0] == "M"


def _word_char_at(text: str, i: int) -> bool:
    return i < len(text) and _is_word_char(text[i])


_PRONOUNS = frozenset(("he", "she", "his", "her", "him"))


def _bare(word: str) -> str:
    return word.strip(".,;:!?\"“”‘’'()[]")


class FirstReference(_ReadsNames):
    """A surname used alone before the article gives the person's full name.

    ## What it flags
    A surname standing alone ("Segal said") earlier in the article than the first mention of
    the person's full name ("Adam Segal"). Only surnames the article later gives in full are
    checked, so single names and people the story never introduces are left alone. A surname
    after a title ("President Trump", "Dr. Segal"), after "the" ("the Trump administration"),
    inside a quotation or in a caption, list item, headline, byline or dateline is not a first
    reference: those are set apart from the story, and written with surnames.

    Only a surname the article shows to be a person's is checked: one that says or does what
    people do ("Segal said", "said Segal", "Segal, who", "Segal was arrested"), that shares a
    sentence with "he", "she", "his" or "her", or that the article introduces with a role, a
    title or an age ("political scholar Kelly Dittmar", "Vice President Joe Biden", "Evers,
    the governor of Wisconsin", "Fields, now 22"). A word the article also uses as a place
    ("in Zimbabwe", "of Allen, Texas") is not.

    ## Why it matters
    News style (AP, and most house styles) names a person in full on first reference and by
    surname after that. A surname that comes first leaves readers asking who this is; it is
    also the usual trace of a paragraph moved up during editing, leaving the introduction
    behind it.

    ## Example
    ```
    Yesterday, Evers, the governor of Wisconsin, signed an executive order. ...
    The Wisconsin Supreme Court ruled Tony Evers lacked authority.
    ```

    ## Instead
    ```
    Yesterday, Tony Evers, the governor of Wisconsin, signed an executive order. ...
    The Wisconsin Supreme Court ruled Evers lacked authority.
    ```
    """

    id = "first-reference"
    category = "style"
    severity = "warning"
    # On since the person test reads introductions (a role, a title or an age beside the
    # name): no false finding on the 295 Wikinews articles and the 88 saved news pages, and
    # 0.91 of the misplaced introductions of people planted by benchmarks/bench_names.py
    # found (0.86 on the saved pages, which the work was not tuned on).
    default_enabled = True
    default_options = {}

    def check(self, doc, options):
        everything = mentions(doc)
        # A surname alone, by the words around it, before the last mention of it that may be
        # full, first: most articles (215 of the 295 Wikinews articles) have none, and then
        # nothing else need be read.
        # (Every mention that may be full stands for a full mention here: the test needs no
        # run read by nameparser.)
        last_full = {m.last: (m.block.index, m.start) for m in everything if m.may_be_full}
        alone = set()
        for m in everything:
            if len(m.words) == 1 and m.last not in alone:
                limit = last_full.get(m.last)
                if limit is not None and (m.block.index, m.start) < limit and _standing_alone(m):
                    alone.add(m.last)
        if not alone:
            return
        speech = transcript_blocks(doc)

        def counted(m) -> bool:
            return (m.block.kind != "caption" and m.block.index not in speech
                    and not m.in_quote)

        # Only the mentions of those surnames are read further.
        found = [m for m in everything if m.last in alone and counted(m)]
        lower = _lower_words(doc)
        full_at = {}
        for m in found:
            # (_person_name reads only the run's words: asked first, it leaves runs such as
            # "Woman Grand Master" unread by nameparser.)
            if m.last not in full_at and m.may_be_full and _person_name(m, lower) and m.full:
                full_at[m.last] = m
        if not full_at:
            return

        def given_name(s: str) -> bool:
            """Someone's given name in the article ("Kelly" of "Kelly Dittmar")."""
            return any(s in m.words[:-1] and counted(m) and m.full and m.first == s
                       for m in everything)
        # Only people: a surname the article uses as someone who speaks, acts or is "he"/"she"
        # ("Segal said", "said Segal", "Segal, who"), or introduces as a person. Places and
        # parties never are. Asked only of a surname that stands alone before its full name:
        # most articles have none, and the test reads every paragraph with the surname.
        person: dict[str, bool] = {}
        reported = set()
        for m in found:
            s = m.last
            intro = full_at.get(s)
            if intro is None or len(m.words) != 1 or s in reported:
                continue
            if (m.block.index, m.start) >= (intro.block.index, intro.start):
                continue
            standing = _standing_alone(m)
            if not standing or given_name(s):
                continue
            if standing == "after of" and not _person_after_of(m, _described(found, s)):
                continue
            if s not in person:
                person[s] = _acts_as_person(doc, s, found)
            if not person[s]:
                continue
            reported.add(s)
            full_name = intro.block.prose[intro.start:intro.last_end]
            yield _match(m.block, m.last_start, m.last_end,
                         f"'{s}' is used alone before the full name ('{full_name}') appears; "
                         f"name the person in full on first reference.",
                         related=(doc.block_span(intro.block, intro.start, intro.last_end),))


def _standing_alone(m):
    """What the words around a one-word mention say: False where it is not a surname used
    alone (in a list item; part of a longer name; after a title, "the" or a place word),
    "after of" where that depends on whether the article describes the person ("the request
    of Trudeau"), else True."""
    s = m.last
    if m.block.kind == "list_item":
        return False  # a list's items are summaries and notes, set like headlines
    if s in NOT_NAME_WORDS or s.isupper():
        return False
    prose = m.block.prose
    before = previous_word(prose, m.start)
    # Part of a longer name ("CAOS Linux", "Kamloops RCMP"), unless the capitalised word
    # before is a function word ("Both Buttigieg and ..."), a role ("ABS-CBN CEO Katigbak")
    # or ends a title the mention set apart ("Vice President of the United States Biden",
    # "Secretary of State Pompeo").
    joined = (before is not None and before[:1].isupper()
              and prose[m.start - 2:m.start - 1].isalnum()
              and before not in FUNCTION_WORDS and not is_role(before)
              and not _after_title_of(m))
    if _next_capitalised(prose, m.end) or joined:
        return False
    if before is not None and (before in TITLE_WORDS or before in _MODIFIER_BEFORE
                               or before in _PLACE_BEFORE):
        return "after of" if before == "of" else False
    return True


#: Block kinds whose quotations are checked.
_QUOTE_BLOCKS = ("paragraph", "list_item", "blockquote", "caption")
_OPENING_MARKS = "“\"‘'«"


class UnclosedQuote(DocumentRule):
    """A quotation opened and never closed, or closed without being opened.

    ## What it flags
    - an opening quotation mark with no closing mark in its paragraph, when the next
      paragraph does not open with a quotation mark to continue it;
    - an opening mark followed by another opening mark before any closing one (“He said “no”);
    - a paragraph that closes a quotation it never opened, after a paragraph that did not
      leave one open.

    Curly and straight double marks are read; a straight mark opens after a space and closes
    before one. Single quotation marks nested inside double ones are part of the outer
    quotation. German low-high marks („Vivy“) are a pair, and a straight mark right after a
    figure outside any quotation is an inch mark (a 34" screen), not a quotation mark.

    ## Why it matters
    A missing mark changes who is speaking: the reader cannot tell where the source's words
    end and the reporter's begin, which is exactly what a quotation mark is for. In print it
    is a correction; online it also breaks quotation search and pull quotes.

    ## Example
    ```
    “The search and rescue operation is complete, Deputy Minister Alexander Chupriyan told
    TASS on Wednesday.

    Chelyabinsk's governor has promised each victim a payout.
    ```

    ## Instead
    ```
    “The search and rescue operation is complete,” Deputy Minister Alexander Chupriyan told
    TASS on Wednesday.
    ```
    A quotation that runs on over several paragraphs is right as it is when each paragraph
    opens with a quotation mark and only the last one closes (AP style).
    """

    id = "unclosed-quote"
    category = "style"
    severity = "warning"
    default_options = {}

    def check(self, doc, options):
        blocks = doc.blocks
        left_open = False
        for k, block in enumerate(blocks):
            if block.kind not in _QUOTE_BLOCKS:
                left_open = False
                continue
            prose = block.prose
            if not _HAS_DOUBLE_MARK(prose):
                left_open = False  # no mark: nothing opens, closes or continues here
                continue
            open_at, first, skip = -1, True, -1
            marks = list(_double_marks(prose))
            for n, (i, role) in enumerate(marks):
                if n == skip:
                    continue
                if open_at >= 0 and prose[open_at] == "„" and prose[i] in "“”":
                    role = "close"  # German „…“ closes with the high mark that opens in English
                elif open_at < 0 and prose[i] == '"' and i and prose[i - 1].isdigit():
                    continue  # an inch mark: a 34" screen, 22" long
                if role == "toggle":
                    role = "close" if open_at >= 0 else "open"
                if role == "open" and open_at >= 0 and _nested(marks, n):
                    # Double marks inside a double quotation ("The "United States" is …"):
                    # a nested quotation in the wrong marks, not one left open.
                    skip = n + 1
                    continue
                if role == "open":
                    if open_at >= 0:
                        yield _match(block, open_at, open_at + 1,
                                     "This quotation is not closed before the next one opens: "
                                     "add the closing mark.")
                    open_at = i
                elif open_at >= 0:
                    open_at = -1
                elif not (first and left_open):
                    yield _match(block, i, i + 1,
                                 "This closing quotation mark has no opening mark: add the "
                                 "opening mark where the quotation begins.")
                first = False
            left_open = False
            if open_at >= 0:
                if _continues(blocks, k):
                    left_open = True
                else:
                    yield _match(block, open_at, open_at + 1,
                                 "This quotation is not closed in its paragraph, and the next "
                                 "paragraph does not continue it: add the closing mark.")


def _nested(marks, n: int) -> bool:
    """True when the opening mark ``n`` is followed by two marks that can both close: the
    first closes a quotation nested inside the open one, the second closes the open one."""
    after = [role for _, role in marks[n + 1:n + 3]]
    return len(after) == 2 and all(r in ("close", "toggle") for r in after)


_DOUBLE_MARK = re.compile("[“”\"„]")
#: Whether a text has a double mark at all (one C search; most paragraphs have none).
_HAS_DOUBLE_MARK = _DOUBLE_MARK.search


def _double_marks(prose: str):
    """(position, "open" | "close" | "toggle") for each double quotation mark of ``prose``.

    The low opening mark of German and Hungarian („vas”) opens like “.
    """
    n = len(prose)
    for m in _DOUBLE_MARK.finditer(prose):  # the marks only, not every character
        i, ch = m.start(), m.group()
        if ch == "„":
            yield i, "open"
            continue
        prev = prose[i - 1] if i else " "
        yield i, double_role(ch, prev, prose[i + 1] if i + 1 < n else " ")


def _continues(blocks, k: int) -> bool:
    """True when the block after ``k`` opens with a quotation mark (AP's running quote)."""
    if k + 1 >= len(blocks):
        return False
    nxt = blocks[k + 1]
    return nxt.kind in _QUOTE_BLOCKS and nxt.prose.lstrip()[:1] in _OPENING_MARKS


#: An age given beside a name: "Weaver, 45," / "Weaver (45)" / "Weaver, aged 45" after the
#: surname, or "the 46-year-old Weaver" / "46-year-old Nicholas Weaver" before it.
_AGE_AFTER = r"(?P<name>\p{Lu}[\p{Ll}'’-]+),? (?:\(|aged )?(?P<age>\d{1,3})(?:\)|,)"
_AGE_BEFORE = (r"\b(?P<age>\d{1,3})-year-old (?:\p{Lu}[\p{Ll}.'’-]* ){0,3}"
               r"(?P<name>\p{Lu}[\p{Ll}'’-]+)\b")

#: Words near an age that mean it is meant to change: a birthday, an age at another time.
_AGE_CHANGES = (r"\b(?:turn(?:s|ed|ing)?|birthday|would have been|at the time|years ago|born"
                r"|when (?:he|she|they|I|we) (?:was|were)|then[ -]\d|in (?:19|20)\d\d)\b")


@functools.lru_cache(maxsize=None)
def _age_patterns():
    """The age patterns, compiled once (the regex module's own cache lookup costs more than
    a search of a short sentence)."""
    import regex

    return (regex.compile(_AGE_AFTER), regex.compile(_AGE_BEFORE),
            regex.compile(_AGE_CHANGES, regex.IGNORECASE))


#: The part of ``_AGE_AFTER`` after the name: a block without it holds no match.
_AGE_AFTER_NUMBER = re.compile(r" (?:\(|aged )?\d{1,3}[),]")

_AGE_BLOCKS = ("paragraph", "list_item", "caption", "headline", "standfirst")


def _ages(doc, surnames: set):
    """(surname, age, block, start, end) of each age stated beside one of ``surnames``."""
    # The patterns try every capitalised word, so they are tried only in blocks where what
    # they need besides the name stands beside a surname: a number after it ("Weaver, 45,"),
    # or a "-year-old" before it. Both are looked for in the whole article at once.
    blocks = [b for b in doc.blocks if b.kind in _AGE_BLOCKS]
    text = "\n".join(b.prose for b in blocks)
    starts = list(itertools.accumulate((len(b.prose) + 1 for b in blocks[:-1]), initial=0))
    after, before, changes = _age_patterns()
    wanted = {after: set(), before: set()}
    for hit in _AGE_AFTER_NUMBER.finditer(text):
        k = bisect.bisect_right(starts, hit.start()) - 1
        if k not in wanted[after] and _named_before(text, starts[k], hit.start(), surnames):
            wanted[after].add(k)
    i = text.find("-year-old")
    while i >= 0:
        k = bisect.bisect_right(starts, i) - 1
        if k not in wanted[before] and _named_after(text, i, surnames):
            wanted[before].add(k)
        i = text.find("-year-old", i + 1)
    for compiled in (after, before):
        for block in (blocks[k] for k in sorted(wanted[compiled])):
            for m in compiled.finditer(block.prose):
                name = _age_name(m.group("name"))
                if name not in surnames or block.in_quote(m.start(), m.end()):
                    continue
                age = int(m.group("age"))
                if not 1 <= age <= 120:
                    continue
                sentence = next((block.prose[s.start:s.end] for s in block.sentences
                                 if s.start <= m.start() < s.end), "")
                if changes.search(sentence):
                    continue
                yield name, age, block, m.start("age"), m.end("age")


def _age_name(name: str) -> str:
    """The surname of an age pattern's name ("Weaver's" is Weaver), as ``_ages`` reads it."""
    return name.rstrip("'’s") if name.endswith(("'s", "’s")) else name


def _named_before(text: str, block_start: int, at: int, surnames: set) -> bool:
    """The word before ``at`` (in the block starting at ``block_start``) ends in one of
    ``surnames``, as ``_AGE_AFTER`` would read it ("Weaver,", "McArthur" read as Arthur)."""
    words = text[max(block_start, at - 60):at].split()
    if not words:
        return False
    word = words[-1].rstrip(",")
    return any(word[i].isupper() and _age_name(word[i:]) in surnames for i in range(len(word)))


def _named_after(text: str, at: int, surnames: set) -> bool:
    """One of ``surnames`` is in the four words after the "-year-old" at ``at``."""
    window = text[at:at + 120].split()[1:5]
    return any(s in w for w in window for s in surnames)


class FigureConflict(_ReadsNames):
    """One person's age given as two different numbers in one article.

    ## What it flags
    A person named in the article whose age is stated twice with two different numbers:
    "Weaver, 45," in one paragraph and "the 46-year-old Weaver" in another. The second age
    is reported, with the first one shown beside it. Only ages tied to a surname the article
    introduces with one given name are compared, so two people of one family ("Jane and Tom
    Weaver") are left alone, and an age in a sentence about a birthday or another time ("he
    turned 46", "when he was 19") is not compared.

    Death tolls and sums are not checked: a toll rises while a story is written ("killed at
    least 20", then "the toll rose to 27"), and news copy states part of a sum as often as the
    whole, so on real articles two different numbers there are usually both right. Read on 383
    real stories (`benchmarks/scan_tolls.py`): 36 times one kind of toll is given as two or
    more numbers, and not one of them is an error. Each is a revision ("revised downwards an
    earlier toll of 27"), a part ("six deaths were of children"), another event, place or
    year, a lower bound ("at least a dozen" beside "18 people died"), or two sources' claims.

    ## Why it matters
    An age that disagrees with itself is a correction waiting to be printed: readers notice
    it, and the person named notices it first. It usually comes from two sources, or from a
    story updated after a birthday; only one of the numbers can be right on the day the story
    runs.

    ## Example
    ```
    U.S. officials identified the suspect as 21-year-old Patrick Crusius of Allen, Texas. ...
    The police were attributing authorship of the document to the 23-year-old Crusius.
    ```

    ## Instead
    ```
    U.S. officials identified the suspect as 21-year-old Patrick Crusius of Allen, Texas. ...
    The police were attributing authorship of the document to Crusius.
    ```
    Check the age against the source and use one number throughout.
    """

    id = "figure-conflict"
    category = "dates"
    severity = "warning"
    default_options = {}

    def check(self, doc, options):
        longer = [m for m in mentions(doc) if m.may_be_full]
        # Ages are rare: they are looked for beside the surname of every longer run first (the
        # full mentions are among them), and only the few articles that state one pay for
        # reading the runs and telling quoted mentions apart.
        ages = list(_ages(doc, {m.last for m in longer})) if longer else []
        if not ages:
            return
        named = {a[0] for a in ages}
        full = [m for m in longer if m.last in named and m.full]
        surnames = {m.last for m in full}
        ages = [a for a in ages if a[0] in surnames]
        if not ages:
            return
        stated = {a[0] for a in ages}
        given = defaultdict(set)
        for m in full:
            if m.last in stated and not m.in_quote:
                given[m.last].add(m.first)
        people = {s for s, firsts in given.items() if len(firsts) == 1}
        first_age = {}
        reported = set()
        for name, age, block, start, end in sorted(
                (a for a in ages if a[0] in people), key=lambda a: (a[2].index, a[3])):
            seen = first_age.setdefault(name, (age, block, start, end))
            if seen[0] == age or name in reported:
                continue
            reported.add(name)
            yield _match(block, start, end,
                         f"{name}'s age is given as {age} here and as {seen[0]} earlier in "
                         f"this article; check the age and use one number.",
                         related=(doc.block_span(seen[1], seen[2], seen[3]),))


RULES = (NameVariant, FirstReference, UnclosedQuote, FigureConflict)


@hookimpl
def newslint_register_rules(config):
    return [cls() for cls in RULES]
