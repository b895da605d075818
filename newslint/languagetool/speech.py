"""Where a document quotes someone: quoted speech, block quotations and interview transcripts.

A quotation is the speaker's own words, reported verbatim: "there's three days", "gonna",
"try find" are what was said, and an editor does not correct them. So LanguageTool's grammar
and style findings inside quoted speech are dropped by default (``languagetool.
grammar_in_quotes: true`` keeps them). Spelling is still checked there: a misspelled word in a
quotation is the writer's slip, not the speaker's.

Speech is the inside of a quotation that reads as speech (:func:`newslint.text.quotes.is_speech`:
quoted terms and titles are not), a block quotation, or an interviewee's turn of a transcript
(the paragraphs after a speaker label such as "((Jane Doe))" or "NG:"), or an embedded post
(:mod:`newslint.text.embeds`). The interviewer's
questions ("((WN))", "Q:", a labelled turn that asks) are the writer's own copy and are checked;
so is the punctuation at a quotation's marks (a comma outside the closing mark is the
writer's), and an editor's [bracketed insertion] inside a quotation.
"""

from __future__ import annotations

import re

from newslint.document import TextSpan

#: Speaker labels of the interviewer: "((WN))", "((Wikinews))", "Q:", "Question:".
_INTERVIEWER = re.compile(r"^\s*(?:\(\((?:WN|Wikinews|Q|Interviewer)\)\)|(?:Q|Question|"
                          r"Interviewer|WN)\s*[:.])", re.I)
_BRACKETED = re.compile(r"\[[^\[\]]*\]")


def interviewee_turns(doc) -> set[int]:
    """Block indices of what interviewees said: the turns of a labelled transcript that the
    interviewer did not speak, and the answers of a Q&A (the paragraphs after each question
    put). Transcript and Q&A detection are :mod:`newslint.text.transcripts`'."""
    from newslint.text import transcripts

    blocks = doc.blocks
    labelled = transcripts.transcript_blocks(blocks)
    questions = transcripts.question_blocks(blocks)
    turns: set[int] = set()
    # When the interviewer has a label of their own ("((WN))", "Q:"), the other labelled
    # speakers are interviewees, also when they ask back ("So do you specifically mean these
    # ones?"); without one, a labelled turn that asks is taken for the interviewer's.
    interviewer_labelled = any(
        i in labelled and _INTERVIEWER.match(block.prose) for i, block in enumerate(blocks))
    state = "prose"  # "prose", "interviewer" (a labelled question turn), "asked", "answer"
    for i, block in enumerate(blocks):
        if block.kind in ("headline", "heading", "dateline"):
            state = "prose"
            continue
        if i in labelled and transcripts.speaker_label(block) is not None:
            asks = bool(_INTERVIEWER.match(block.prose)) or (
                not interviewer_labelled and transcripts.is_question(block))
            state = "interviewer" if asks else "answer"
        elif i in questions:
            state = "asked"
        elif state == "asked":
            state = "answer"  # the paragraph after an unlabelled question answers it
        if state == "answer":
            turns.add(block.index)
    return turns


def speech_spans(doc) -> dict[int, list[TextSpan]]:
    """Block index -> prose spans of quoted speech in that block."""
    from newslint.text.quotes import is_speech

    from newslint.text.embeds import embed_blocks

    # An embedded post is its poster's words, as a block quotation is.
    turns = interviewee_turns(doc) | embed_blocks(doc.blocks)
    spans: dict[int, list[TextSpan]] = {}
    for block in doc.prose_blocks:
        if block.kind == "blockquote" or block.index in turns:
            spans[block.index] = [TextSpan(0, len(block.prose))]
            continue
        quoted = [TextSpan(q.inner_start, q.inner_end) for q in block.quotations
                  if is_speech(block.prose, q)]
        if quoted:
            spans[block.index] = quoted
    return spans


def inside(spans: list[TextSpan], start: int, end: int, prose: str = "") -> bool:
    """Whether prose ``[start, end)`` is someone's quoted words (not an editor's insertion)."""
    if not any(s.start <= start and end <= s.end for s in spans):
        return False
    return not any(m.start() <= start and end <= m.end()
                   for m in _BRACKETED.finditer(prose, max(0, start - 80), end + 80))
