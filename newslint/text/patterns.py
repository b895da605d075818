"""Regular expressions compiled when first used, not when their module is imported.

Compiling newslint's long word-list alternations costs real start-up time, and a command that
never reaches a rule (``newslint rules``, a bad flag) should not pay it. Patterns are compiled
by the standard engine's own compiler in every run (:func:`compile`, which also tells the
engine where a match can start): compiled programs are never read back from a file, because
a cache file is data that another process or user may have written, and a regular-expression
program handed to the engine unchecked could crash the interpreter or silently stop a rule
from matching.
"""

from __future__ import annotations

import functools
import re
from typing import Optional


def compile(pattern: str, flags: int = 0) -> re.Pattern:  # noqa: A001 - mirrors re.compile
    """``re.compile(pattern, flags)``, told where a match can start when the engine would
    not work that out itself (see :func:`lead_class`).

    The engine scans ahead for a pattern's first characters only when it opens with them; a
    pattern led by ``\b``, a look-behind or a case-insensitive alternation of words is tried
    in full at every position of the text. Here the program's first block (the engine's own
    "info" block, which names the characters a match starts with) lists the characters
    :func:`lead_class` finds, so the engine scans for them as for any pattern that opens with
    a class. Where a character is matched ignoring case and its other cases are not all
    known here (outside ASCII), the pattern is led by a look-ahead of the class instead,
    which rules out a position at one test. Either way only positions where no match can
    begin are passed over: the same matches (``tests/unit/test_patterns.py`` compares every
    pattern of newslint with what ``re.compile`` makes of it, over the corpus). The pattern
    is parsed once, for the analysis and the program both: parsing is a third of compiling.
    Like ``re.compile``, it keeps what it compiled: the same text is compiled once.
    """
    return _compile(pattern, int(flags))  # an int, as re.compile: RegexFlag's operators are slow


@functools.lru_cache(maxsize=512)
def _compile(pattern: str, flags: int) -> re.Pattern:
    try:
        tree = _sre_parser.parse(pattern, flags)
        first = _first_characters(tree, pattern, flags)
        if first is not None:
            scan = _scan_set(first)
            if scan is not None:
                return _program(pattern, tree, flags, _code_scanning_for(tree, flags, scan))
            cls = _class_text(first, flags)
            lead = _sre_parser.parse(f"(?={cls})", flags)
            tree.data[:0] = lead.data  # the look-ahead, then the pattern's own sequence
            pattern = f"(?={cls})(?:{pattern}{_close(flags)}"
        return _program(pattern, tree, flags, _sre_compiler._code(tree, flags))
    except re.error:
        raise
    except Exception:  # the engine's internals of another Python version: as written
        FALLBACKS.append(pattern)
        return re.compile(pattern, flags)


#: Patterns :func:`compile` compiled as written because building their program failed (a
#: test asserts there are none for this Python).
FALLBACKS: list = []


def _close(flags: int) -> str:
    # A verbose pattern may end in a comment, which would swallow the closing bracket.
    return "\n)" if flags & re.VERBOSE else ")"


def _program(pattern: str, tree, flags: int, code: list) -> re.Pattern:
    """What ``re.compile`` makes of a parsed pattern and its code (``re._compiler.compile``
    without parsing again), with ``pattern`` as its text."""
    groupindex = tree.state.groupdict
    indexgroup = [None] * tree.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    return _sre_engine.compile(pattern, flags | tree.state.flags, code, tree.state.groups - 1,
                               groupindex, tuple(indexgroup))


def _code_scanning_for(tree, flags: int, scan: list) -> list:
    """``re._compiler._code`` of the pattern with an info block naming ``scan`` as the
    characters a match starts with (``_compile_info`` writes one only for a pattern that
    opens with a class)."""
    flags = tree.state.flags | flags
    least, most = tree.getwidth()
    if least == 0:  # not expected of a pattern that cannot match the empty string
        raise _NoLead
    code = [_sre.INFO, 0, _sre.SRE_INFO_CHARSET, min(least, _sre_compiler.MAXCODE),
            min(most, _sre_compiler.MAXCODE)]
    charset, _ = _sre_compiler._optimize_charset(scan)
    _sre_compiler._compile_charset(charset, flags, code)
    code[1] = len(code) - 1  # the info block's length, from its length word on
    _sre_compiler._compile(code, tree.data, flags)
    code.append(_sre.SUCCESS)
    return code


#: Characters outside ASCII that the engine matches as an ASCII letter ignoring case: their
#: lower case is that letter (KELVIN SIGN, the dotted capital I), or the engine counts them as
#: one (dotless i, long s). A test derives the table again from the engine's case tables.
_OTHER_CASES = {"i": "\u0130\u0131", "k": "\u212a", "s": "\u017f"}


def _scan_set(first) -> Optional[list]:
    """The characters a match can start with, as a class tested on the text as it is (the
    info block does not fold case): each character matched ignoring case with all its
    cases. None when a letter with case is outside ASCII (its other cases are not listed)."""
    out = []
    for op, av, folds in first:
        if op is _sre.CATEGORY or not folds:
            out.append((op, av))
            continue
        codes = [av] if op is _sre.LITERAL else range(av[0], av[1] + 1)
        for code in codes:
            if code > 127:
                if _sre_engine.unicode_iscased(code):
                    return None
                out.append((_sre.LITERAL, code))  # no other case: "£", "’"
                continue
            ch = chr(code)
            for variant in {ch, ch.lower(), ch.upper(), *_OTHER_CASES.get(ch.lower(), "")}:
                out.append((_sre.LITERAL, ord(variant)))
    return out


import _sre as _sre_engine  # noqa: E402

try:  # the standard engine's parser (Python 3.11 names, then 3.10's)
    from re import _compiler as _sre_compiler, _constants as _sre, _parser as _sre_parser
except ImportError:  # pragma: no cover - Python 3.10
    import sre_compile as _sre_compiler  # noqa: N813
    import sre_constants as _sre
    import sre_parse as _sre_parser


class _NoLead(Exception):
    """The pattern has a construct the first-character analysis does not follow."""


#: Zero-width items a match may start with: what follows them gives the first character.
_ZERO_WIDTH = (_sre.AT, _sre.ASSERT, _sre.ASSERT_NOT)
_REPEATS = tuple(getattr(_sre, name) for name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT")
                 if hasattr(_sre, name))
_ATOMIC = getattr(_sre, "ATOMIC_GROUP", object())  # Python 3.11 on
#: Classes a first character may be in; \w is left out: it admits nearly every position.
_CLASSES = {_sre.CATEGORY_DIGIT: r"\d", _sre.CATEGORY_SPACE: r"\s"}
_ANCHORS = (_sre.AT_BEGINNING, _sre.AT_BEGINNING_STRING)
_GLOBAL_FLAGS = re.compile(r"\(\?[aiLmsux]+\)")


def lead_class(pattern: str, flags: int = 0):
    """A character class holding every character a match of ``pattern`` can start with;
    None where knowing it would not help or it is not known.

    With it the engine passes over most positions of the text at one test (the attribution
    verbs over the corpus: 240 ms against 165 ms with a look-ahead, less as the info block
    of :func:`compile`; the weekday dates: 100 against 25). None for: a pattern the engine
    already scans for, one anchored at the start, one that opens with a class or a character
    (the engine's first test), one that can match the empty string, one whose first
    character may be any word character, and any construct the analysis does not follow (a
    back-reference, a negated class, a group that changes the locale or ASCII flags)."""
    try:
        first = _first_characters(_sre_parser.parse(pattern, flags), pattern, flags)
    except Exception:  # a bad pattern: re.compile says what is wrong with it
        return None
    return None if first is None else _class_text(first, flags)


def _first_characters(parsed, pattern: str, flags: int):
    """The first characters (``(op, value, folds)``) of a pattern already parsed, as
    :func:`lead_class` decides; None where it gives none."""
    if _GLOBAL_FLAGS.match(pattern):
        return None  # inline global flags ("(?i)" at the start) must stay first
    try:
        if not parsed.data or parsed.data[0][0] is _sre.AT and parsed.data[0][1] in _ANCHORS:
            return None
        if not _opens_with_test(parsed.data):
            return None  # a class or a letter first: the engine tests it as fast itself
        if (_sre_compiler._get_literal_prefix(parsed, parsed.state.flags)[0]
                or _sre_compiler._get_charset_prefix(parsed, parsed.state.flags)):
            return None
        first, nullable = _first(parsed.data, bool(parsed.state.flags & _sre.SRE_FLAG_IGNORECASE))
    except _NoLead:
        return None
    except Exception:  # an internal of another Python version: compile as written
        return None
    if nullable or not first:
        return None
    return first


def _class_text(first, flags: int) -> str:
    """A class of the first characters, to be compiled with the pattern's own flags:
    characters matched ignoring case where those flags match with case go in a class of
    their own, "(?i:[…])"."""
    outer_folds = bool(flags & re.IGNORECASE)
    same = sorted((op, av) for op, av, folds in first if folds == outer_folds)
    other = sorted((op, av) for op, av, folds in first if folds != outer_folds)
    classes = [_class(same)] if same else []
    if other:
        classes.append(f"(?{'-' if outer_folds else ''}i:{_class(other)})")
    return "|".join(classes)


def _class(items) -> str:
    parts = []
    for op, av in items:  # sorted: the same pattern text in every run
        if op is _sre.LITERAL:
            parts.append(re.escape(chr(av)))
        elif op is _sre.RANGE:
            parts.append(f"{re.escape(chr(av[0]))}-{re.escape(chr(av[1]))}")
        else:
            parts.append(_CLASSES[av])
    return "[" + "".join(parts) + "]"


def _opens_with_test(items) -> bool:
    """The pattern opens with a zero-width test or an alternation, which the engine tries in
    full at each position, rather than with a class or a character ("[a-z]+": a look-ahead
    of its first characters only repeats the engine's own first test)."""
    while items:
        op, av = items[0]
        if op in _ZERO_WIDTH or op is _sre.BRANCH:
            return True
        if op is _sre.SUBPATTERN:
            items = av[3].data
        elif op is _ATOMIC:
            items = av.data
        elif op in _REPEATS:
            items = av[2].data
        else:
            return False
    return False


def _first(items, folds: bool) -> tuple:
    """(first characters, whether the sequence can match the empty string). Each character
    is ``(op, value, folds)``: ``folds`` when it is matched ignoring case."""
    out: set = set()
    for op, av in items:
        if op in _ZERO_WIDTH:
            continue
        first, nullable = _first_of(op, av, folds)
        out |= first
        if not nullable:
            return out, False
    return out, True


def _first_of(op, av, folds: bool) -> tuple:
    if op is _sre.LITERAL:
        return {(op, av, folds)}, False
    if op is _sre.IN:
        items = set()
        for kind, value in av:
            if kind is _sre.LITERAL or kind is _sre.RANGE or (kind is _sre.CATEGORY
                                                              and value in _CLASSES):
                items.add((kind, value, folds))
            else:
                raise _NoLead  # a negated class, \w, \W…
        return items, False
    if op is _sre.SUBPATTERN:
        _, add_flags, del_flags, sub = av
        if (add_flags | del_flags) & (_sre.SRE_FLAG_LOCALE | _sre.SRE_FLAG_ASCII):
            raise _NoLead
        if add_flags & _sre.SRE_FLAG_IGNORECASE:
            folds = True  # "(?i:…)"
        elif del_flags & _sre.SRE_FLAG_IGNORECASE:
            folds = False  # "(?-i:…)"
        return _first(sub.data, folds)
    if op is _ATOMIC:
        return _first(av.data, folds)
    if op is _sre.BRANCH:
        out, nullable = set(), False
        for alternative in av[1]:
            first, empty = _first(alternative.data, folds)
            out |= first
            nullable = nullable or empty
        return out, nullable
    if op in _REPEATS:
        least, _, sub = av
        first, nullable = _first(sub.data, folds)
        return first, nullable or least == 0
    raise _NoLead


class LazyPattern:
    """A regular expression compiled the first time it is used, not when its module is
    imported. It has the methods of :class:`re.Pattern`; after the first use each one is the
    compiled pattern's own bound method, so later calls cost what they cost on the pattern."""

    _METHODS = ("finditer", "search", "match", "fullmatch", "sub", "subn", "findall", "split")

    def __init__(self, pattern: str, flags: int = 0):
        self.pattern = pattern
        self.flags = flags

    def _build(self):
        return compile(self.pattern, self.flags)

    def compiled(self) -> re.Pattern:
        compiled = self._build()
        for method in self._METHODS:
            setattr(self, method, getattr(compiled, method))
        self.compiled = lambda: compiled
        return compiled

    def __getattr__(self, name: str):
        if name.startswith("__"):
            raise AttributeError(name)
        return getattr(self.compiled(), name)


class LazyRegexPattern(LazyPattern):
    """A :class:`LazyPattern` of the regex module, for its Unicode classes (``\\p{Lu}``); the
    module is imported on first use too."""

    def _build(self):
        import regex

        return regex.compile(self.pattern, self.flags)


def _is_word(ch: str) -> bool:
    """What ``\\w`` matches in a str pattern without re.ASCII."""
    return ch.isalnum() or ch == "_"


class _LeadTestedPattern(LazyPattern):
    """A :class:`LazyPattern` led by a zero-width test of the characters before the match,
    with quicker ``finditer`` and ``search``.

    The engine scans ahead for the characters a pattern can begin with only when the pattern
    starts with them; a leading ``\\b`` or look-behind hides them, and every position of the
    text is tried. These methods search for the rest of the pattern and make the leading test
    themselves, which finds the same matches: the leftmost position where the rest matches is
    tried first, and where the test fails there the search goes on one character later, as
    the engine's own scan would ("\\b(?:January|…) 2020" over the Wikinews corpus: 25 ms
    against 6 ms). For patterns that never match the empty string; the other methods use the
    whole pattern.
    """

    _METHODS = tuple(m for m in LazyPattern._METHODS if m not in ("finditer", "search"))

    def __init__(self, pattern: str, rest: str, flags: int = 0):
        if flags & re.ASCII:
            raise ValueError("a lead-tested pattern reads \\w as Unicode: not re.ASCII")
        super().__init__(pattern, flags)
        self._rest_source = rest
        self._rest = None

    def _lead_holds(self, text: str, at: int) -> bool:
        raise NotImplementedError

    def search(self, text: str, pos: int = 0):
        """The first match at or after ``pos``, as ``re.Pattern.search``."""
        if self._rest is None:
            self._rest = compile(self._rest_source, self.flags)
        search = self._rest.search
        m = search(text, pos)
        while m is not None:
            s = m.start()
            if self._lead_holds(text, s):
                return m
            m = search(text, s + 1)  # the leading test fails here: on, as the engine would
        return None

    def finditer(self, text: str):
        m = self.search(text)
        while m is not None:
            yield m
            m = self.search(text, m.end())


class BoundaryLedPattern(_LeadTestedPattern):
    """``rest`` at a word boundary: the pattern ``\\b(?:<rest>)`` (see
    :class:`_LeadTestedPattern`). The group makes the boundary lead every alternative of
    ``rest``, in the whole pattern as in the quicker methods."""

    def __init__(self, rest: str, flags: int = 0):
        super().__init__(rf"\b(?:{rest})", rest, flags)

    def _lead_holds(self, text: str, at: int) -> bool:
        return (at > 0 and _is_word(text[at - 1])) != (at < len(text) and _is_word(text[at]))


class NotAfterPattern(_LeadTestedPattern):
    """``rest`` where it does not follow a word character or one of ``after``: the pattern
    ``(?<![\\w<after>])(?:<rest>)`` (see :class:`_LeadTestedPattern`)."""

    def __init__(self, rest: str, after: str, flags: int = 0):
        super().__init__(f"(?<![\\w{re.escape(after)}])(?:{rest})", rest, flags)
        self._after = after

    def _lead_holds(self, text: str, at: int) -> bool:
        return at == 0 or not (_is_word(text[at - 1]) or text[at - 1] in self._after)


class AsciiPattern:
    """A pattern spelled twice: as written, and with ASCII classes for text that is all ASCII
    (``str.isascii``, a constant-time test), where the two find the same matches.

    ``\\w`` and its kin test every character's Unicode category; an ASCII class is one table
    lookup, and a word pattern over a paragraph of English takes half the time with one
    (``[a-z]+`` against ``[^\\W\\d_]+`` on lower-cased text). ``tests/unit/test_patterns.py``
    checks each pair on ASCII text of every character.
    """

    def __init__(self, pattern, ascii_pattern: str, flags: int = 0):
        # ``pattern``: its text, or a lazy pattern of its own (a LazyRegexPattern).
        self.general = LazyPattern(pattern, flags) if isinstance(pattern, str) else pattern
        self.ascii = LazyPattern(ascii_pattern, flags)

    def findall(self, text: str) -> list:
        return (self.ascii if text.isascii() else self.general).findall(text)

    def finditer(self, text: str):
        return (self.ascii if text.isascii() else self.general).finditer(text)

    def split(self, text: str) -> list:
        return (self.ascii if text.isascii() else self.general).split(text)


# --- tests that need no pattern ---------------------------------------------------------------
# Each is what the pattern in its docstring finds, written with string methods that run in C
# (``str.rstrip``, substring tests): a pattern searched for at the end of a text is tried at
# every candidate character before it, and one-character classes test each character's
# category. ``tests/unit/test_patterns.py`` compares each with its pattern.

def ends_with_mark(text: str, marks: str, closers: str, space: bool = True) -> bool:
    """Whether ``re.search(f"[{marks}][{closers}]*\\s*$", text)`` finds a match: one of
    ``marks``, any of ``closers``, then white space to the end. With ``space=False``, the
    pattern without ``\\s*`` (whose ``$`` also matches before a final newline)."""
    if space:
        text = text.rstrip()
    elif text.endswith("\n"):
        text = text[:-1]
    tail = text.rstrip(closers)
    return bool(tail) and tail[-1] in marks


_DIGIT = LazyPattern(r"\d")
_ASCII_DIGITS = "0123456789"


def has_digit(text: str) -> bool:
    """Whether ``re.search(r"\\d", text)`` finds a digit. An ASCII text is asked for each
    of its ten digits, about twice as fast over news copy as the class's test of every
    character's category."""
    if text.isascii():
        return any(map(text.__contains__, _ASCII_DIGITS))
    return _DIGIT.search(text) is not None
