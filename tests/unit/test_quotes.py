"""Quote detection: marks, apostrophes, nesting, paragraphs that run on, speech and terms."""

from __future__ import annotations

from hypothesis import given, strategies as st

from newslint.document import TextSpan
from newslint.testing import parse_text
from newslint.text.quotes import find_quotations, find_quotes, is_fragment, is_speech


def _quoted(text: str) -> list[str]:
    return [text[q.start:q.end] for q in find_quotations(text)]


def test_curly_and_straight_double_quotes():
    assert _quoted("“WeChat is bad,” said Nicholas Weaver.") == ["“WeChat is bad,”"]
    assert _quoted('He said "we will win" and left.') == ['"we will win"']


def test_find_quotes_returns_text_spans_with_marks_included():
    text = 'A "b c" d “e”.'
    assert find_quotes(text) == [TextSpan(2, 7), TextSpan(10, 13)]


def test_apostrophes_never_open_a_quotation():
    text = "Trump’s allies recalled the ’90s and said they don't rock'n'roll."
    assert find_quotations(text) == []
    assert find_quotations("The players’ union met the owners' lawyers.") == []


def test_nested_single_quotes_stay_inside_the_double_quotation():
    text = "“He told me, ‘Don’t sign anything,’ and I didn’t,” she said."
    assert _quoted(text) == ["“He told me, ‘Don’t sign anything,’ and I didn’t,”"]
    straight = '"He told me \'no deal\' twice," she said.'
    assert _quoted(straight) == ['"He told me \'no deal\' twice,"']


def test_top_level_single_quotes_are_quotations():
    text = "The banner read ‘Data-sucking operation’ in red letters."
    assert _quoted(text) == ["‘Data-sucking operation’"]
    assert find_quotations(text)[0].double is False


def test_unclosed_quotation_runs_to_the_end_of_the_paragraph():
    text = "“We cut everything we could. The van is gone."
    (q,) = find_quotations(text)
    assert (q.start, q.end, q.opened, q.closed) == (0, len(text), True, False)


def test_stray_closing_mark_means_the_quotation_began_earlier():
    text = "and that is the end of it,” she said."
    (q,) = find_quotations(text)
    assert (q.start, q.opened, q.closed) == (0, False, True)
    assert text[q.start:q.end] == "and that is the end of it,”"


def test_second_curly_opening_closes_the_first_as_unfinished():
    text = "“One thing. “Another thing.”"
    quotes = find_quotations(text)
    assert [(text[q.start:q.end], q.closed) for q in quotes] == [
        ("“One thing. ", False), ("“Another thing.”", True)]


def test_speech_and_terms():
    def speech(text):
        return [is_speech(text, q) for q in find_quotations(text)]

    assert speech("“We will appeal,” he said.") == [True]  # short, but a full sentence
    assert speech("They call him “Spike” at work.") == [False]  # nickname
    assert speech("She starred in “Band on the Run” last year.") == [False]  # title case
    assert speech("It was a so-called “temporary measure” again.") == [False]  # scare quote
    assert speech("A film called “the last good day of the year” opened.") == [False]
    assert speech("Fans still sing “Hawks Forever.”") == [False]  # a short title
    assert speech("The page shows “Repository unavailable due to DMCA takedown” now.") == [False]
    assert speech("“It was incredible”. Then he left.") == [True]  # punctuation outside
    assert speech("He said it was “a long way from being a done deal at this point”.") == [True]


def test_fragments_are_told_from_quoted_sentences():
    text = "She called it “a disgrace to the city” and said “We will fight it.”"
    first, second = find_quotations(text)
    assert is_fragment(text, first) is True
    assert is_fragment(text, second) is False
    assert is_fragment("“[T]he court erred,” it said.", find_quotations("“[T]he court erred,” it said.")[0]) is False


def test_block_quotes_use_the_detector():
    doc = parse_text("It's the ’90s again, said “nobody at all, ever, in this town”.\n", suffix=".txt")
    (block,) = doc.prose_blocks
    assert [block.prose[s.start:s.end] for s in block.quotes] == ["“nobody at all, ever, in this town”"]
    start = block.prose.index("nobody")
    assert block.in_quote(start, start + 6)
    assert not block.in_quote(0, 4)


@given(st.text(alphabet=st.sampled_from(list("ab .,'\"“”‘’\n")), max_size=60))
def test_quotations_are_ordered_disjoint_and_inside_the_text(text):
    quotes = find_quotations(text)
    last_end = 0
    for q in quotes:
        assert 0 <= q.start < q.end <= len(text)
        assert q.start <= q.inner_start <= q.inner_end <= q.end
        assert q.start >= last_end
        last_end = q.end
