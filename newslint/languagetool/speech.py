"""Where a document quotes someone: quoted speech, block quotations and interview transcripts.

A quotation is the speaker's own words, reported verbatim: "there's three days", "gonna",
"try find" are what was said, and an editor does not correct them. So LanguageTool's grammar
and style findings inside quoted speech are dropped by default (``languagetool.
grammar_in_quotes: true`` keeps them). Spelling is still checked there: a misspelled word in a
quotation is the writer's slip, not the speaker's.

Speech is a quotation that reads as speech (:func:`newslint.text.quotes.is_speech`: quoted
terms and titles are not), a block quotation, or a turn of an interview transcript (the
paragraphs after a speaker label such as "((Jane Doe))", "Q:", "NG:") other than a labelled
question, which is the interviewer's — the writer's — own copy.
"""

from __future__ import annotations

from newslint.document import TextSpan


def speech_spans(doc) -> dict[int, list[TextSpan]]:
    """Block index -> prose spans of quoted speech in that block."""
    from newslint.text.attribution import transcript_blocks
    from newslint.text.quotes import find_quotations, is_speech
    from newslint.text.transcripts import is_question, speaker_label

    # A labelled question is the interviewer's — the writer's own copy, corrected like any
    # other; the answers are the interviewee's words.
    transcript = {doc.blocks[i].index for i in transcript_blocks(doc.blocks)
                  if not (speaker_label(doc.blocks[i]) is not None
                          and is_question(doc.blocks[i]))}
    spans: dict[int, list[TextSpan]] = {}
    for block in doc.prose_blocks:
        if block.kind == "blockquote" or block.index in transcript:
            spans[block.index] = [TextSpan(0, len(block.prose))]
            continue
        quoted = [q.span for q in find_quotations(block.prose) if is_speech(block.prose, q)]
        if quoted:
            spans[block.index] = quoted
    return spans


def inside(spans: list[TextSpan], start: int, end: int) -> bool:
    return any(s.start <= start and end <= s.end for s in spans)
