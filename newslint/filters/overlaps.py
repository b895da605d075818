"""One finding per fault.

Two rules can see the same fault: LanguageTool's compound rule and ``spelling-variant`` both
flag "cyber security" in an article that also writes "cybersecurity"; a misspelling sits inside
a teaser block that ``boilerplate`` already reports as scraped furniture; a vague attribution
repeats inside the paragraph ``duplicate-paragraph`` reports as a copy. An editor fixes each of
these once, so newslint reports each once:

- **Inside a reported block.** A block reported whole — a duplicate copy, or page furniture
  long enough to hold prose of its own (a teaser, a newsletter pitch, a run of several blocks) —
  swallows the other findings inside it: deleting the block fixes them all. Short furniture
  lines ("AFP 2023", "Click to comment") do not: a finding there is about the line itself (a
  credit year later than the story), a fault of its own.
- **The same words, the same concern.** Two findings whose spans overlap by at least half of the
  shorter one, in the same category or offering the same fix, are one fault. The more specific
  one stays: newslint's own rules, which read the whole article, before LanguageTool's, which
  reads one sentence; then the more severe; then the first reported.

- **One word, two spellings.** LanguageTool's word-consistency rule and ``spelling-variant``
  both ask for one spelling of "judgment"; they may point at different places, one each. The
  newslint finding, which has the article's counts and a suggestion, stays.

The finding that stays names the other in ``related`` ("also reported by …"), so nothing is lost
from the record. This runs after selection and inline suppressions: a rule switched off or
suppressed hides nothing.
"""

from __future__ import annotations

import dataclasses

from newslint.finding import SEVERITY_RANK, Finding

#: Rules whose finding stands for a whole block (or run of blocks) to delete or rewrite.
BLOCK_RULES = frozenset({"boilerplate", "duplicate-paragraph", "duplicate-across-files"})
#: Furniture shorter than this many words is a line, not a block with prose of its own.
MIN_CONTAINER_WORDS = 6


def _end(f: Finding) -> int:
    return f.offset + f.length


def _is_container(f: Finding) -> bool:
    if f.rule not in BLOCK_RULES or f.length == 0:
        return False
    if f.rule != "boilerplate":
        return True
    return len(f.excerpt.split()) >= MIN_CONTAINER_WORDS


def _inside(f: Finding, c: Finding) -> bool:
    return c.offset <= f.offset and _end(f) <= _end(c) and f is not c


def _same_concern(a: Finding, b: Finding) -> bool:
    overlap = min(_end(a), _end(b)) - max(a.offset, b.offset)
    if overlap <= 0 or overlap * 2 < min(a.length, b.length):
        return False
    if a.category == b.category:
        return True
    fixes_a = {s.casefold() for s in a.suggestions}
    return any(s.casefold() in fixes_a for s in b.suggestions)


def _rank(f: Finding) -> tuple:
    return (f.source != "languagetool", SEVERITY_RANK.get(f.severity, 0))


def _note(keeper: Finding, other: Finding) -> Finding:
    note = dataclasses.replace(other.span, message=f"also reported by {other.rule}: "
                                                       f"{other.message}")
    return dataclasses.replace(keeper, related=keeper.related + (note,))


def resolve(findings: list) -> list:
    """``findings`` of one file with each fault reported once (order kept)."""
    if len(findings) < 2:
        return findings
    containers = [f for f in findings if _is_container(f)]
    kept: list = []
    for f in findings:
        if f.rule != "internal-error" and f not in containers and \
                any(_inside(f, c) for c in containers):
            continue
        kept.append(f)
    # Same words, same concern: compare each finding with the ones still kept before it.
    ordered = sorted(range(len(kept)), key=lambda i: (kept[i].offset, i))
    alive = [True] * len(kept)
    for pos, i in enumerate(ordered):
        if not alive[i] or kept[i].rule in BLOCK_RULES or kept[i].rule == "internal-error":
            continue
        for j in ordered[pos + 1:]:
            if kept[j].offset >= _end(kept[i]):
                break
            if not alive[j] or kept[j].rule in BLOCK_RULES or kept[j].rule == kept[i].rule:
                continue
            if not _same_concern(kept[i], kept[j]):
                continue
            win, lose = (i, j) if _rank(kept[i]) >= _rank(kept[j]) else (j, i)
            kept[win] = _note(kept[win], kept[lose])
            alive[lose] = False
            if lose == i:
                break
    kept = [f for f, a in zip(kept, alive) if a]
    return _one_report_per_pair(kept)


#: Rules that ask for one spelling of a word across the article, by the rule that asks it
#: better (with the article's counts and a suggestion): they report one fault at two places.
CONSISTENCY_RULES = {"languagetool/EN_WORD_COHERENCY": "spelling-variant"}


def _one_report_per_pair(findings: list) -> list:
    """Drop a consistency finding whose word a preferred rule's finding already names."""
    if not any(f.rule in CONSISTENCY_RULES for f in findings):
        return findings
    out, drop = list(findings), set()
    for i, f in enumerate(findings):
        preferred = CONSISTENCY_RULES.get(f.rule)
        if preferred is None:
            continue
        words = {f.excerpt.casefold(), *(s.casefold() for s in f.suggestions)}
        for k, g in enumerate(findings):
            if g.rule == preferred and words & {g.excerpt.casefold(),
                                                *(s.casefold() for s in g.suggestions)}:
                out[k] = _note(out[k], f)
                drop.add(i)
                break
    return [f for i, f in enumerate(out) if i not in drop]
