"""Findings about the run itself: a rule that crashed, a suppression that did nothing."""

from newslint import hookimpl
from newslint.rule import DocumentRule


class InternalError(DocumentRule):
    """A rule raised an exception on this file.

    ## What it flags
    A rule (built-in or from a plugin) that crashed while checking this file. The finding names
    the rule and the exception; the other rules and files were still checked, and the run exits
    with code 3.

    ## Why it matters
    A crash means the file was not fully checked: a clean result would be a false promise.

    ## Example
    `rule house.brand raised TimeoutError: ...`

    ## Instead
    Report the message to the rule's author. Meanwhile switch the rule off for the file with
    `<!-- newslint-disable RULE -->` or in config with `ignore`.
    """

    id = "internal-error"
    category = "style"
    severity = "error"

    def check(self, doc, options):  # reported by the engine, never by checking text
        return ()


class UnusedSuppression(DocumentRule):
    """An inline `newslint-disable` comment that suppressed nothing.

    ## What it flags
    `<!-- newslint-disable RULE -->`, `<!-- newslint-disable-next-line RULE -->` comments that
    no finding of the rules they name fell under (only when those rules ran).

    ## Why it matters
    Stale suppressions hide future problems in the lines they cover and confuse the next
    editor, who cannot tell what was being silenced.

    ## Example
    `<!-- newslint-disable-next-line duplicate-paragraph -->` above a paragraph that is no
    longer a duplicate.

    ## Instead
    Delete the comment.
    """

    id = "unused-suppression"
    category = "style"
    severity = "warning"

    def check(self, doc, options):  # reported by the engine after filtering
        return ()


@hookimpl
def newslint_register_rules(config):
    return [InternalError(), UnusedSuppression()]
