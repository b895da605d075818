"""A third-party plugin: one rule that works, one that crashes on a trigger word."""

import re

from newslint import hookimpl
from newslint.finding import Match
from newslint.rule import DocumentRule


class BrandName(DocumentRule):
    """Write the brand as "ExampleCorp".

    ## What it flags
    "Example Corp" written as two words.

    ## Why it matters
    House style.

    ## Example
    Example Corp said.

    ## Instead
    ExampleCorp said.
    """

    id = "example.brand"
    category = "style"
    origin = "example"

    def check(self, doc, options):
        for block in doc.blocks:
            for m in re.finditer(r"Example Corp", block.prose):
                off, length = block.source_span(m.start(), m.end())
                yield Match(off, length, "Write 'ExampleCorp'.", ("ExampleCorp",))


class Fragile(DocumentRule):
    """Crashes when it sees the word KABOOM (to test error handling).

    ## What it flags
    Nothing.

    ## Why it matters
    It tests newslint.

    ## Example
    KABOOM

    ## Instead
    Nothing.
    """

    id = "example.fragile"
    category = "style"
    origin = "example"

    def check(self, doc, options):
        if any("KABOOM" in b.prose for b in doc.blocks):
            raise ValueError("cannot handle KABOOM")
        return ()


@hookimpl
def newslint_register_rules(config):
    return [BrandName(), Fragile()]
