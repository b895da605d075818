"""Grammar slips newsrooms make and editors must not miss, found without LanguageTool.

Each rule is a narrow pattern held to high precision on real news copy: a finding must be
worth an editor's attention every time. They work on a block's prose (markup removed, line
breaks turned into spaces), so a slip split by a line break or wrapped in emphasis or a link
("the\\n*the*") is still found, and report exact positions in the source.
"""

from __future__ import annotations

import itertools
import operator

import regex

from newslint import hookimpl
from newslint.finding import Match
from newslint.rule import DocumentRule
from newslint.text.patterns import compile as compile_pattern

# Where a clause can begin: the start of the prose, after clause punctuation, or after a word
# that introduces a clause. "there" after anything else is the adverb ("over there", "get
# there", "is there"), which takes no verb of its own.
_CLAUSE_OPENER = (r"(?:^|(?<=[,;:—–(\"“‘]\s*)|(?<=\b(?:that|because|if|when|while|since|"
                  r"although|though|but|and|so|where|whether|as|unless|until|once|said|says|"
                  r"say|added|adding|noted|explained|argued|claimed|meaning|yet|now|today|"
                  r"here|perhaps|maybe|still|also|then|admitted|admits|acknowledged|"
                  r"acknowledges|conceded|concedes|warned|warns|insisted|insists|believes|"
                  r"believed|thinks|thought|feared|fears|knew|agreed|stressed|suggested|"
                  r"predicted|complained|recalled|realised|realized|hoped|worried)\s+))")
# Quantifiers that start the subject of an existential clause ("there [are] few options").
_QUANTIFIER = (r"few|many|several|numerous|countless|no|plenty|dozens|hundreds|thousands|"
               r"millions|lots|fewer|more\s+than|at\s+least|"
               r"a\s+(?:lot|number|couple|handful|host|series|range|variety)\s+of|"
               r"an?\s+(?:way|chance|risk|need|shortage|lack|sense|urgent|real|growing)\b|"
               r"little|nothing")
#: Quantifiers that take "is": "there is a way", "there is little".
_SINGULAR = regex.compile(r"an?\s+(?:way|chance|risk|need|shortage|lack|sense|urgent|real|"
                          r"growing)\b|little|nothing", regex.VERSION1)

_MISSING_VERB = regex.compile(
    rf"{_CLAUSE_OPENER}(?P<there>[Tt]here)\s+(?P<quant>{_QUANTIFIER})\b(?!\s+(?:longer|more\b))",
    regex.VERSION1)


def missing_verb_after_there(prose: str):
    """(start, end) of each "there" + quantifier with no verb between in ``prose``."""
    return [(m.start("there"), m.end("quant")) for m in _MISSING_VERB.finditer(prose)]


class MissingVerbAfterThere(DocumentRule):
    """A clause starting with existential "there" has no verb ("there few alternatives").

    ## What it flags
    "there" at the start of a clause, or after a verb of saying or thinking ("officials
    admitted there few options"), followed straight by a quantifier (few, many, several, no,
    dozens of, a lot of, a way, little…) with no "is/are/were" between them. This rule needs no
    LanguageTool; with LanguageTool on, newslint's LanguageTool rules also find the other
    clauses missing a verb or a function word ("it clear that", "the plan expected to pass",
    "he said would", "decided resign"): `newslint explain languagetool`.

    ## Why it matters
    The dropped verb is a classic editing slip: the writer's eye supplies it, so it survives
    several reads and reaches print.

    ## Example
    ```markdown
    However, Weaver said, there few alternatives if you want to reach people in China.
    ```

    ## Instead
    ```markdown
    However, Weaver said, there are few alternatives if you want to reach people in China.
    ```
    """

    id = "missing-verb-after-there"
    category = "grammar"
    severity = "warning"
    fix_safety = "safe"

    def check(self, doc, options):
        for block in doc.prose_blocks + doc.blocks_of("caption"):
            if "here" not in block.prose:
                continue  # every match holds "there" or "There" (five blocks in six have neither)
            for m in _MISSING_VERB.finditer(block.prose):
                there, quant = m.group("there"), m.group("quant")
                start, end = m.start("there"), m.end("quant")
                offset, length = block.source_span(start, end)
                gap = block.prose[m.end("there"):m.start("quant")]
                if quant == "no":
                    verbs = ("is", "was", "are", "were")
                elif _SINGULAR.fullmatch(quant):
                    verbs = ("is", "was")
                else:
                    verbs = ("are", "were")
                yield Match(offset, length,
                            f"A verb is missing after “{there}”: “{there} {verbs[0]} {quant}”.",
                            suggestions=tuple(f"{there} {v}{gap}{quant}" for v in verbs))


# "neither A or B": A is one to four words with no verb between, so "Neither man could walk
# or talk" (neither qualifying "man", "or" joining verbs) is not taken for the pair.
_NOT_IN_PAIR = (r"nor|or|either|whether|could|would|should|will|can|may|might|must|is|was|are|"
                r"were|has|have|had|did|does|do|said|says|not|of|to|than|and|but")
_NEITHER_OR = regex.compile(
    rf"\b(?P<neither>[Nn]either)\s+(?:(?!(?:{_NOT_IN_PAIR})\b)[\p{{L}}\p{{N}}'’.\-]+\s+){{1,4}}"
    r"(?P<or>or)\b", regex.VERSION1)


class NeitherOr(DocumentRule):
    """"neither … or" where the pair needs "nor".

    ## What it flags
    "neither" followed within a few words, with no verb in between, by "or": "neither WeChat
    or TikTok".

    ## Why it matters
    "neither" pairs with "nor". "neither … or" reads as a slip in edited copy.

    ## Example
    ```markdown
    The ban protects neither WeChat or TikTok users.
    ```

    ## Instead
    ```markdown
    The ban protects neither WeChat nor TikTok users.
    ```
    """

    id = "neither-or"
    category = "grammar"
    severity = "warning"
    fix_safety = "safe"

    def check(self, doc, options):
        for block in doc.prose_blocks + doc.blocks_of("caption"):
            for m in _NEITHER_OR.finditer(block.prose):
                offset, length = block.source_span(m.start("or"), m.end("or"))
                yield Match(offset, length, "Use “nor” with “neither”: “neither … nor”.",
                            suggestions=("nor",))


# A word or phrase of up to four words said twice (or more) in a row, separated only by white
# space (line breaks included): "the the", "is an echo is an echo", "that that that".
_LONGEST_PHRASE = 4
# A word, with the hyphens and apostrophes inside it: "Foo-bar" is one word, so "Foo-bar bar"
# repeats nothing, and "practitioner's" is not "practitioner" followed by "s".
_WORD = regex.compile(r"[\p{L}\p{M}\p{N}]+(?:['’\-][\p{L}\p{M}\p{N}]+)*")
_LATIN_WORD = regex.compile(r"[\p{Latin}\p{M}]+(?:['’\-][\p{Latin}\p{M}]+)*")
# Where a repeat can start, found without reading positions: the block is split once into
# its words and the gaps between them (the same words as _WORD finds, the gaps as the rule
# reads them), and a repeat is a phrase of up to four words said twice with nothing but white
# space in every gap, as _repeats asks. Only those words are then read as the rule reads
# them; most blocks have none. A plain-ASCII block is split by the standard engine, which is
# quicker and gives the same words there, after lower-casing it whole, which is the same as
# word by word in ASCII (an ASCII letter or digit is all that can be in an ASCII word).
# (Possessive, as the words are the same: the engine keeps no backtracking point at each.)
_ASCII_WORD_SPLIT = compile_pattern(r"([A-Za-z0-9]++(?:['\-][A-Za-z0-9]++)*+)")
_WORD_SPLIT = regex.compile(f"({_WORD.pattern})")


def _repeat_starts(prose: str) -> list:
    """The word indices (in :func:`_words` order) where the rule's scan can find a repeat."""
    if prose.isascii():
        parts = _ASCII_WORD_SPLIT.split(prose.lower())
        words = parts[1::2]
    else:
        parts = _WORD_SPLIT.split(prose)
        words = list(map(str.lower, parts[1::2]))
    said_twice = []  # (word, phrase length): the words alone, gaps aside
    for n in range(1, _LONGEST_PHRASE + 1):
        # Only where the first words of two copies agree is the rest compared.
        for i in itertools.compress(range(len(words) - 2 * n + 1),
                                    map(operator.eq, words, words[n:])):
            if n == 1 or words[i:i + n] == words[i + n:i + 2 * n]:
                said_twice.append((i, n))
    if not said_twice:
        return []  # most blocks: their gaps need not be read
    gaps = parts[2:-1:2]  # gaps[i]: between words i and i + 1
    return sorted({i for i, n in said_twice if all(map(str.isspace, gaps[i:i + 2 * n - 1]))})


# Words that English doubles correctly ("had had", "that that", "what it is is", "what he did
# did matter"):
# twice is fine, three times is a slip ("that that that").
_GRAMMATICAL_DOUBLES = frozenset({"had", "that", "is", "do", "did", "does"})
# Words doubled or tripled on purpose: for emphasis ("very very", "no no no"), sounds and
# chants ("ha ha", "tut tut"), and names ("Walla Walla", "Bora Bora").
_SAID_ON_PURPOSE = frozenset({
    "bye", "no", "very", "so", "yes", "ha", "go", "knock", "well",
    "now", "there", "tut", "boo", "cha", "hip", "aye", "chop", "pooh", "tsk", "dum", "la", "na",
    "bora", "walla", "baden", "sirhan", "mahi", "pago", "sing", "bang", "tom", "duran",
    "really", "blah", "many", "yeah", "ya", "bla", "oh", "hey", "ho", "bla", "hush",
})


def _words(prose: str) -> list[tuple[int, int, str]]:
    """(start, end, lower-cased word) of each word of ``prose``."""
    return [(m.start(), m.end(), m.group().lower()) for m in _WORD.finditer(prose)]


def _repeats(prose: str, words, i: int, n: int) -> int:
    """How many times the ``n`` words from ``words[i]`` occur in a row, joined only by white
    space: 1 when the phrase is not repeated."""
    copies = 1
    while True:
        j = i + copies * n
        if j + n > len(words) or words[j][2] != words[i][2]:
            return copies  # the first words differ: the common case, settled without a loop
        if any(words[j + k][2] != words[i + k][2] for k in range(n)):
            return copies
        # every gap from the previous copy's last word to this copy's last must be white space
        if any(not prose[words[j + k - 1][1]:words[j + k][0]].isspace() for k in range(n)):
            return copies
        copies += 1


def _said_on_purpose(prose: str, words, i: int, n: int, copies: int) -> bool:
    """A repeat that is English, emphasis or a name rather than a slip."""
    phrase = [w for _, _, w in words[i:i + n]]
    if any(not _LATIN_WORD.fullmatch(w) for w in phrase):
        return True  # numbers ("10 10"), other scripts: not judged
    second = prose[words[i + n][0]]
    if second.isupper() and phrase[0] != "i":
        return True  # "Baden Baden", "Sirhan Sirhan": names are doubled on purpose
    if all(w in _SAID_ON_PURPOSE for w in phrase):
        return True  # "many many many", "bye bye"
    if n == 1:
        if phrase[0] in _GRAMMATICAL_DOUBLES:
            return copies == 2  # "had had" is English, "that that that" is not
        if len(phrase[0]) == 1 and phrase[0] not in ("a", "i"):
            return True  # initials and list letters: "A. B", "x x"
    elif all(len(w) == 1 for w in phrase):
        return True  # "a b a b": letters, not words
    return False


def repeated_phrases(prose: str, starts=None):
    """(start, first copy's end, last copy's start, end, copies) of every word or phrase of up
    to four words repeated in a row in ``prose`` that is not English, emphasis or a name. Each
    word is compared at most ``4 × 4`` times before the scan moves past it or past the whole
    repeat, so the time grows linearly with the text. ``starts`` (from
    :func:`_repeat_starts`) are the only words the scan can find a repeat at: the others are
    passed over, to the same result."""
    words = _words(prose)
    after = 0  # the scan's next word: past the last repeat found
    for i in range(len(words)) if starts is None else starts:
        if i < after:
            continue
        for n in range(1, _LONGEST_PHRASE + 1):
            copies = _repeats(prose, words, i, n)
            if copies > 1:
                last = i + n * copies - 1
                if not _said_on_purpose(prose, words, i, n, copies):
                    yield (words[i][0], words[i + n - 1][1], words[last - n + 1][0],
                           words[last][1], copies)
                after = last + 1
                break


class RepeatedWord(DocumentRule):
    """The same word or phrase twice in a row ("the the"), also across line breaks and markup.

    ## What it flags
    A word, or a phrase of up to four words, repeated with only white space between, such as
    "the the", "to to" or "is an echo is an echo", also when a line break or emphasis falls
    between them ("the\\n*the*"), and a word said three times where English allows two ("that
    that that"). Words correctly doubled ("had had", "that that"), emphasis ("very very"),
    names ("Walla Walla") and a word after a hyphenated compound ("the Foo-bar bar") are not
    flagged, nor are a speaker's own words inside a quotation or an interview answer ("good
    good"), nor reduplication in a passage of another language ("biasa biasa").

    ## Why it matters
    A doubled word is the commonest slip left by rewriting a sentence, and line breaks in the
    source hide it from the writer.

    ## Example
    ```markdown
    The ban takes effect in the
    the coming weeks.
    ```

    ## Instead
    ```markdown
    The ban takes effect in the coming weeks.
    ```
    """

    id = "repeated-word"
    category = "grammar"
    severity = "warning"
    fix_safety = "safe"
    checks_speech = False  # "good good" in a quotation is how it was said
    english_only = True  # reduplication is grammar in many languages ("biasa biasa")

    def check(self, doc, options):
        for block in doc.prose_blocks + doc.blocks_of("caption", "headline", "heading"):
            prose = block.prose
            starts = _repeat_starts(prose)
            if not starts:
                continue
            for start, first_end, last_start, end, copies in repeated_phrases(prose, starts):
                first = prose[start:first_end]
                last = " ".join(prose[last_start:end].split())
                said = "is repeated" if copies == 2 else f"appears {copies} times in a row"
                offset, length = block.source_span(start, end)
                yield Match(offset, length, f"“{last}” {said}.", suggestions=(first,))


@hookimpl
def newslint_register_rules(config):
    return [MissingVerbAfterThere(), NeitherOr(), RepeatedWord()]
