"""Built-in rules: repeated paragraphs and sentences, in one article and across files."""

from __future__ import annotations

from newslint import hookimpl
from newslint.finding import Match
from newslint.rule import CorpusRule, DocumentRule
from newslint.text.dupcorpus import cross_file_repeats, fingerprint
from newslint.text.duprepeats import paragraph_repeats, sentence_repeats
from newslint.text.dupvariants import is_series_template, is_shared_quotation

_KIND_NAMES = {"paragraph": "Paragraph", "blockquote": "Block quote", "list_item": "List item"}


def _percent(similarity) -> str:
    """A similarity as a whole percentage; never "100%" for a copy that is not exact."""
    if similarity is None:
        return "100%"
    return f"{min(int(similarity.ratio * 100), 99)}%"


def _how(similarity, threshold: float) -> str:
    if similarity is None:
        return "exactly (100% similar)"
    text = f"nearly ({_percent(similarity)} similar"
    if similarity.ratio < threshold:
        # Found through containment: say why a low ratio still counts as a repeat.
        text += f"; {int(similarity.containment * 100)}% of the shorter copy is in the other"
    return text + ")"


class DuplicateParagraph(DocumentRule):
    """A paragraph repeats an earlier paragraph of the same article.

    ## What it flags
    A paragraph (or block quote, or list item) whose text repeats an earlier one in the same
    document, either exactly (ignoring white space, quote and dash styles and case) or nearly:
    a few words changed, a sentence added or dropped. Near repeats are measured as the share of
    words the two copies have in common, in order; `similarity` (default 0.85) sets how close
    counts as a repeat, and a copy that holds at least 90% of the other's words, in order, also
    counts when it is at least half as long. The later copy is reported, with the earlier one as
    a related location and the similarity in the message.

    Blocks shorter than `min_words` (default 8) are left to other rules. Near repeats need
    `near_min_words` (default 20) in both copies: in a short block a changed word changes what
    it says ("What was the timeline of this study?" against "What was the purpose of this
    study?"), so short blocks are only reported when they repeat exactly.

    ## Why it matters
    Updated wire copy pasted over an old version, a section pasted twice or a merge in the
    content system leave the same paragraph in the story twice. Readers notice at once, and a
    near repeat often means one of the two versions is out of date.

    ## Example
    ```text
    The US bans on Chinese apps TikTok and WeChat are not particularly valuable for US
    security, experts told AFP Friday.

    The US bans on Chinese apps TikTok and WeChat are not particularly valuable for US
    security, experts told AFP on Friday.
    ```

    ## Instead
    Keep one copy: the newer wording if the repeat came from an update.
    ```text
    The US bans on Chinese apps TikTok and WeChat are not particularly valuable for US
    security, experts told AFP on Friday.
    ```
    """

    id = "duplicate-paragraph"
    category = "duplication"
    severity = "warning"
    default_options = {"similarity": 0.85, "min_words": 8, "near_min_words": 20}

    def check(self, doc, options):
        threshold = float(options["similarity"])
        for repeat in paragraph_repeats(doc, threshold, int(options["min_words"]),
                                        int(options["near_min_words"])):
            block, earlier = repeat.later.block, repeat.earlier.block
            line = doc.line_col(earlier.start)[0]
            offset, length = block.source_span(0, len(block.prose))
            kind = _KIND_NAMES.get(block.kind, "Paragraph")
            yield Match(
                offset, length,
                f"{kind} repeats the one at line {line} {_how(repeat.similarity, threshold)}",
                related=(doc.block_span(earlier, 0, len(earlier.prose)),))


class DuplicateSentence(DocumentRule):
    """A sentence repeats an earlier sentence of the same article.

    ## What it flags
    A sentence of at least `min_words` words (default 6) that appears earlier in the same
    document, the same after ignoring white space, quote and dash styles and case. The later
    copy is reported with the earlier one as a related location. A sentence whose whole
    paragraph repeats an earlier one (as `duplicate-paragraph` defines it, with its options) is
    not reported again.

    ## Why it matters
    Rewriting a paragraph often leaves the old sentence behind in the next one, or a sentence
    moved up in an edit stays where it was too. A repeated sentence reads as an editing slip.

    ## Example
    ```text
    The fire started shortly after midnight. Crews arrived within minutes.

    Residents were evacuated to a school. The fire started shortly after midnight.
    ```

    ## Instead
    ```text
    The fire started shortly after midnight. Crews arrived within minutes.

    Residents were evacuated to a school.
    ```
    """

    id = "duplicate-sentence"
    category = "duplication"
    severity = "warning"
    default_options = {"min_words": 6}

    def __init__(self, config=None):
        # The configuration tells which paragraphs duplicate-paragraph reports, with what
        # options; it is read at check time, once it has been validated.
        self._config = config

    def _paragraph_options(self):
        """Options of duplicate-paragraph as configured."""
        rule = DuplicateParagraph()
        if self._config is None:
            return dict(rule.default_options)
        return self._config.rule_options(rule)

    def check(self, doc, options):
        # Later copies of repeated paragraphs are reported as a whole by duplicate-paragraph.
        # They are left out whether or not that rule runs in this invocation: which rules run
        # is decided by selection, and a sentence rule that changed with it would surprise.
        para = self._paragraph_options()
        reported = [r.later.block for r in paragraph_repeats(
            doc, float(para["similarity"]), int(para["min_words"]), int(para["near_min_words"]))]
        for r in sentence_repeats(doc, int(options["min_words"]), skip_blocks=reported):
            if r.earlier_block is r.block:
                where = "earlier in the same paragraph"
            else:
                start = r.earlier_block.source_offset(r.earlier_sentence.start)
                where = f"at line {doc.line_col(start)[0]}"
            offset, length = r.block.source_span(r.sentence.start, r.sentence.end)
            yield Match(
                offset, length, f"Sentence repeats the one {where}",
                related=(doc.block_span(r.earlier_block, r.earlier_sentence.start,
                                        r.earlier_sentence.end),))


class DuplicateAcrossFiles(CorpusRule):
    """A paragraph also appears in another file of the run.

    ## What it flags
    A paragraph (or block quote, or list item) of at least `min_words` words (default 8) that
    appears, exactly or nearly, in another file checked in the same run. Near repeats are
    measured as in `duplicate-paragraph` (`similarity`, default 0.85; `near_min_words`,
    default 20). Every copy but the first is reported, with the
    other copies as related locations; the first is the one in the earliest file by publication
    date when both files have one, by path otherwise. Text found in more than
    `max_document_frequency` files (default 5), such as a standard tagline or a legal footer, is
    not reported here: that is boilerplate, for the boilerplate rules. Nor are a series'
    template — the same paragraph with only its figures, ordinals and dates changed ("The
    following is the third edition of a monthly series …") — and a near copy that is mostly a
    quotation two stories both report (the same line of a press release, attributed by
    each). Exact copies are always reported.

    ## Why it matters
    The same paragraph in two different stories is a copy error (a paragraph pasted into the
    wrong story) or syndicated copy that is not labelled as such.

    ## Example
    ```text
    stories/flood-update.md, paragraph 3, and stories/school-closures.md, paragraph 5:
    The river peaked at 9.2 metres on Tuesday night, the highest level since 1974.
    ```

    ## Instead
    Rewrite the paragraph for the second story, or credit the story it came from.
    """

    id = "duplicate-across-files"
    category = "duplication"
    severity = "warning"
    default_options = {"similarity": 0.85, "min_words": 8, "near_min_words": 20,
                       "max_document_frequency": 5}

    def collect(self, doc, options):
        return fingerprint(doc, int(options["min_words"]), int(options["near_min_words"]))

    def finish(self, items, options):
        threshold = float(options["similarity"])
        return self.report(cross_file_repeats(items, threshold, int(options["near_min_words"]),
                                              int(options["max_document_frequency"])),
                           options)

    def report(self, repeats, options):
        """The matches of :class:`~newslint.text.dupcorpus.CrossRepeat` items, however the
        index that found them was built (here, or merged on a cluster)."""
        threshold = float(options["similarity"])
        for r in repeats:
            span, similarity = r.first
            # An exact copy is a copy; a near one may be a series' template, or a quotation
            # that two stories both report, each with its own attribution.
            if all(sim is not None and (is_shared_quotation(s.excerpt, r.span.excerpt)
                                        or is_series_template(s.excerpt, r.span.excerpt))
                   for s, sim in r.copies):
                continue
            where = f"{span.path}:{span.line}"
            message = f"Paragraph repeats one in {where} {_how(similarity, threshold)}"
            others = len({s.path for s, _ in r.copies}) - 1
            if others:
                message += f"; also in {others} other file{'s' if others > 1 else ''}"
            yield Match(r.span.offset, r.span.length, message, span=r.span,
                        related=tuple(s for s, _ in r.copies))


@hookimpl
def newslint_register_rules(config):
    return [DuplicateParagraph(), DuplicateSentence(config), DuplicateAcrossFiles()]
