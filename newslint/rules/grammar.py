"""Grammar slips newsrooms make and editors must not miss, found without LanguageTool.

Each rule is a narrow pattern held to high precision on real news copy: a finding must be
worth an editor's attention every time. They work on a block's prose (markup removed, line
breaks turned into spaces), so a slip split by a line break or wrapped in emphasis or a link
("the\\n*the*") is still found, and report exact positions in the source.
"""

from __future__ import annotations

import re

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
                  r"here|perhaps|maybe|still|also|then)\s+))")
# Quantifiers that start the subject of an existential clause ("there [are] few options").
_QUANTIFIER = (r"few|many|several|numerous|countless|no|plenty|dozens|hundreds|thousands|"
               r"millions|lots|fewer|more\s+than|at\s+least")

_MISSING_VERB = regex.compile(
    rf"{_CLAUSE_OPENER}(?P<there>[Tt]here)\s+(?P<quant>{_QUANTIFIER})\b(?!\s+(?:longer|more\b))",
    regex.VERSION1)


class MissingVerbAfterThere(DocumentRule):
    """A clause starting with existential "there" has no verb ("there few alternatives").

    ## What it flags
    "there" at the start of a clause followed straight by a quantifier (few, many, several,
    no, dozens of…) with no "is/are/were" between them.

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
            for m in _MISSING_VERB.finditer(block.prose):
                there, quant = m.group("there"), m.group("quant")
                start, end = m.start("there"), m.end("quant")
                offset, length = block.source_span(start, end)
                gap = block.prose[m.end("there"):m.start("quant")]
                verbs = ("is", "was", "are", "were") if quant == "no" else ("are", "were")
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


# Two identical words separated only by white space (line breaks included). Words that are
# correctly doubled ("had had", "that that", "what it is is"), and reduplicated words said for
# emphasis, are left out.
# The back-reference (case-insensitive) makes the engine reject unequal pairs itself: matching
# every pair of neighbouring words and comparing them in Python cost more than the other rules.
_REPEATED = regex.compile(
    r"(?<![\p{L}\p{M}])(?P<first>\p{Latin}+)(?P<gap>\s+)(?P<second>(?P=first))(?![\p{L}\p{M}])",
    regex.IGNORECASE)
# The same test with the standard engine, which is several times faster at rejecting the
# common block that repeats no word: only blocks it accepts are searched with the pattern above.
_MAY_REPEAT = compile_pattern(r"(?<![^\W\d_])([^\W\d_]+)\s+\1(?![^\W\d_])", re.IGNORECASE)
_CORRECTLY_DOUBLED = frozenset({
    "had", "that", "is", "do", "bye", "no", "very", "so", "yes", "ha", "go", "knock", "well",
    "now", "there", "tut", "boo", "cha", "hip", "aye", "chop", "pooh", "tsk", "dum", "la", "na",
    "bora", "walla", "baden", "sirhan", "mahi", "pago", "sing", "bang", "tom", "duran",
    "really", "blah", "many", "yeah", "ya", "bla", "oh", "la",
})


_NEXT_WORD = regex.compile(r"\s+(\p{L}+)")


def _tripled(prose: str, m, word: str) -> bool:
    """The pair is part of a run of three ("many many many"). Only the word just before the
    match and the one just after it are looked at: searching the whole text before each match
    made a text of one word repeated take time growing with the square of its length."""
    word = word.lower()
    end = m.start()
    start = end
    while start > 0 and prose[start - 1].isspace():
        start -= 1
    if start < end:  # white space, then the word before it (str.isalpha is \p{L})
        first = start
        while first > 0 and prose[first - 1].isalpha():
            first -= 1
        if first < start and prose[first:start].lower() == word:
            return True
    after = _NEXT_WORD.match(prose, m.end())
    return after is not None and after.group(1).lower() == word


class RepeatedWord(DocumentRule):
    """The same word twice in a row ("the the"), also across line breaks and markup.

    ## What it flags
    Two identical words separated only by white space, such as "the the" or "to to", also when
    a line break or emphasis falls between them ("the\\n*the*"). Words correctly doubled ("had
    had", "that that") and names ("Walla Walla") are not flagged, nor are a speaker's own
    words inside a quotation or an interview answer ("good good"), nor reduplication in a
    passage of another language ("biasa biasa").

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
            if not _MAY_REPEAT.search(prose):
                continue
            for m in _REPEATED.finditer(prose, overlapped=True):
                first, second = m.group("first"), m.group("second")
                if first.lower() != second.lower() or first.lower() in _CORRECTLY_DOUBLED:
                    continue
                if second[:1].isupper():
                    continue  # "Baden Baden", "Sirhan Sirhan": names are doubled on purpose
                if len(first) == 1 and first.lower() not in ("a", "i"):
                    continue  # initials and list letters: "A. B", "x x"
                if _tripled(prose, m, first):
                    continue  # "many many many": said that way on purpose
                offset, length = block.source_span(m.start("first"), m.end("second"))
                yield Match(offset, length, f"“{second}” is repeated.", suggestions=(first,))


@hookimpl
def newslint_register_rules(config):
    return [MissingVerbAfterThere(), NeitherOr(), RepeatedWord()]
