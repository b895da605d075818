"""Interview transcripts and Q&A: which blocks are someone's spoken turns or the questions put.

Rules ask this for different reasons: in a transcript the words are the labelled speaker's own
(attribution and date rules treat them as quoted speech), and an interviewer's questions repeat
by design — the same question to every guest of a series, or to each of several interviewees in
one article — so the duplicate rules leave them alone.
"""

from __future__ import annotations

import re

from newslint.text.memo import remember_last
from newslint.text.patterns import LazyPattern

#: A speaker label opening a transcript turn: "((Aparna Garg)) …" (Wikinews), "Q: …",
#: "NG: …", "Jane Doe: …". The label is at most four capitalised words.
SPEAKER_LABEL = LazyPattern(
    r"^\s*(?:\(\([^()]{1,60}\)\)\s*:?|[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}\s?:)\s")

#: Labels that introduce page furniture or notes, not a speaker.
_NOT_SPEAKERS = frozenset("""related update updated correction clarification note photo photos
image images source sources credit caption video watch listen advertisement see also read more
editor's editor’s warning disclaimer""".split())

#: A caption whose credit label is glued to it ("Jo JorgensenImage:"), as captions come out of
#: some page exports.
_GLUED_CREDIT = LazyPattern(r"[a-z](?:Image|Images|Photo|Picture|Credit|Source|Video)$")

_TURN_KINDS = ("paragraph", "blockquote", "list_item")
_BREAKS = ("headline", "heading", "dateline")

#: A question: the text (quote marks and brackets aside) ends with a question mark.
_ENDS_WITH_QUESTION = LazyPattern(r"\?[\"'”’»)\]\s]*$")

#: Pairs of a question and its answer a document needs to read as an interview.
MIN_QUESTION_ANSWERS = 2
#: Longer than this, a paragraph ending in a question is prose, not a question put.
MAX_QUESTION_WORDS = 80


def speaker_label(block):
    """The speaker label opening ``block`` (the match), or None."""
    if block.kind not in _TURN_KINDS:
        return None
    m = SPEAKER_LABEL.match(block.prose)
    if m is None:
        return None
    words = m.group().strip("():\t ").split()
    # Any word, not only the first: "Trafalgar Square. Image: Mirrys." is a caption's credit.
    if not words or any(w.strip(".,").lower() in _NOT_SPEAKERS for w in words):
        return None
    if _GLUED_CREDIT.search(words[-1].strip(".,;")):
        return None  # "Jo JorgensenImage: …": a caption run into its credit
    return m


@remember_last
def transcript_blocks(blocks) -> frozenset:
    """Indices (positions in ``blocks``) of the blocks that are interview turns.

    A turn starts at a paragraph opening with a speaker label and runs on through unlabelled
    paragraphs until the next heading. Only documents with at least two labelled paragraphs
    are read as transcripts, so a lone "Update: …" paragraph stays ordinary prose.
    """
    labelled = [i for i, b in enumerate(blocks) if speaker_label(b) is not None]
    if len(labelled) < 2:
        return frozenset()
    found, inside = set(), False
    for i, block in enumerate(blocks):
        if block.kind in _BREAKS:
            inside = False
        elif speaker_label(block) is not None:
            inside = True
        if inside:
            found.add(i)
    return frozenset(found)


def is_question(block) -> bool:
    """The block (speaker label aside) is a question: it ends with a question mark and is no
    longer than a question put in an interview."""
    if block.kind not in _TURN_KINDS:
        return False
    prose = block.prose
    if not _ENDS_WITH_QUESTION.search(prose):
        # The text after a label ends where the block does: without a question mark at the
        # end of the block there is none at the end of the text, and the label need not be read.
        return False
    m = speaker_label(block)
    if m is not None:
        prose = prose[m.end():]
    if not _ENDS_WITH_QUESTION.search(prose):
        return False
    return len(re.findall(r"[^\W_]+", prose)) <= MAX_QUESTION_WORDS


@remember_last
def question_blocks(blocks) -> frozenset:
    """Indices of the questions of a Q&A: question paragraphs answered by the paragraph after
    them, in a document with at least ``MIN_QUESTION_ANSWERS`` such pairs (a transcript's
    labelled questions count too). In other documents, an empty set: a question the writer
    asks in running prose is part of the story."""
    answered = [i for i in range(len(blocks) - 1)
                if is_question(blocks[i]) and blocks[i + 1].kind in _TURN_KINDS
                and not is_question(blocks[i + 1])]
    if len(answered) < MIN_QUESTION_ANSWERS:
        return frozenset()
    return frozenset(i for i, b in enumerate(blocks) if is_question(b))


def spoken_blocks(blocks) -> frozenset:
    """Transcript turns and Q&A questions: the blocks whose repeats are by design."""
    return transcript_blocks(blocks) | question_blocks(blocks)


def labelled_or_questions(blocks) -> frozenset:
    """The labelled turns of a transcript and the questions of a Q&A: what an interview
    series repeats from one article to the next. Unlabelled paragraphs after the last turn
    may be the page's own text again (a newsletter box, a sign-off)."""
    turns = transcript_blocks(blocks)
    labelled = frozenset(i for i in turns if speaker_label(blocks[i]) is not None)
    return labelled | question_blocks(blocks)
