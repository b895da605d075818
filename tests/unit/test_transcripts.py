"""Interview transcripts and Q&A questions, on Wikinews interview text."""

from __future__ import annotations

from newslint.testing import parse_text
from newslint.text.transcripts import question_blocks, spoken_blocks, transcript_blocks

INTERVIEW = """Gregory Kurtzer, founder of CentOS, spoke to Wikinews about Rocky Linux.

((WN)) How has CentOS evolved since it became a part of Red Hat?

((Gregory Kurtzer)) Red Hat has invested a good deal of resources into the CentOS project itself.

Red Hat has always been a tremendous supporter of Linux and open source.

((WN)) Tell us about Rocky Linux.

((Gregory Kurtzer)) Rocky Linux is a Community Enterprise Linux distribution.

## Related news

Red Hat announced plans to shift its focus away from CentOS on December 8.
"""


def _blocks(text):
    return parse_text(text).blocks


def _texts(blocks, indices):
    return [blocks[i].prose[:30] for i in sorted(indices)]


def test_a_transcript_runs_from_the_first_label_to_the_next_heading():
    blocks = _blocks(INTERVIEW)
    found = transcript_blocks(blocks)
    assert _texts(blocks, found) == [
        "((WN)) How has CentOS evolved ", "((Gregory Kurtzer)) Red Hat ha",
        "Red Hat has always been a trem", "((WN)) Tell us about Rocky Lin",
        "((Gregory Kurtzer)) Rocky Linu"]


def test_one_labelled_paragraph_or_a_note_label_is_not_a_transcript():
    text = ("Update: the council met again on Tuesday.\n\n"
            "Related: the council's earlier vote.\n\n"
            "NG: this is the only labelled paragraph.\n")
    assert transcript_blocks(_blocks(text)) == frozenset()


def test_questions_answered_by_the_next_paragraph_make_a_qa():
    # One question and its answer are not yet a Q&A ("Tell us about Rocky Linux." asks
    # nothing); the transcript covers them anyway.
    assert question_blocks(_blocks(INTERVIEW)) == frozenset()
    text = ("How did you get involved in this study?\n\nI was working in the lab.\n\n"
            "What was the timeline of this study?\n\nTwo years.\n")
    blocks = _blocks(text)
    assert len(question_blocks(blocks)) == 2
    assert spoken_blocks(blocks) == question_blocks(blocks)


def test_a_question_in_running_prose_is_not_an_interview_question():
    text = ("What did the council know, and when did it know it?\n\n"
            "The minutes of the meeting answer part of it.\n")
    assert question_blocks(_blocks(text)) == frozenset()
