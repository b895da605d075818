"""Every hook a newslint plugin can implement.

A plugin is a module or object with functions decorated by ``newslint.hookimpl`` and named after
the hooks below. Built-in rules, formatters and parsers are registered through these same hooks;
third-party plugins are found through the ``newslint`` entry-point group::

    [project.entry-points.newslint]
    myrules = "my_package.newslint_plugin"

All hooks are called on every registered plugin and their results collected into a list (none
is ``firstresult``), so plugins add to what is there rather than replace it. A plugin that
registers something under a name another plugin already used is an error, reported at start-up.
"""

import pluggy

hookspec = pluggy.HookspecMarker("newslint")


@hookspec
def newslint_register_rules(config):
    """Return the rules this plugin provides.

    :param config: the effective :class:`newslint.config.Config` (read only). Use it to decide
        which rules exist (for example, rules generated from YAML packs the config names); do not
        use it to switch rules on or off, which selection does for every rule alike.
    :returns: an iterable of rule instances, each a subclass of
        :class:`newslint.rule.DocumentRule` or :class:`newslint.rule.CorpusRule` with a unique
        ``id``, a ``category`` from :data:`newslint.finding.CATEGORIES` and a docstring in the
        *What it flags / Why it matters / Example / Instead* shape.
    """


@hookspec
def newslint_register_formatters():
    """Return output formatters by name.

    :returns: a mapping ``{name: formatter_class}``; the name is what ``--format`` takes. A
        formatter class subclasses :class:`newslint.formatters.base.Formatter` (lifecycle:
        ``start``, ``file`` once per checked file, ``finish``). Formatters only write output;
        they never change findings or exit codes. A formatter that renders the articles sets
        ``needs_source = True`` and its ``file`` also receives ``source=``, the file's
        :class:`newslint.source.ArticleSource` (as the HTML report does).
    """


@hookspec
def newslint_register_parsers():
    """Return document parsers by file suffix.

    :returns: a mapping ``{".suffix": parse_function}``. ``parse_function(path, text)`` takes
        the display path and the decoded text and returns a :class:`newslint.document.Document`
        whose offsets all point into ``text``. Suffixes are matched case-insensitively and
        include the dot.
    """


@hookspec
def newslint_config_sections():
    """Declare top-level configuration sections this plugin reads.

    :returns: a mapping ``{section_name: {key: default}}``. The configuration loader validates
        the section strictly against the defaults (unknown keys and wrong types are errors) and
        fills in defaults, so ``config.section(name)`` always has every key. A section may be
        given as a bare string in config; it then sets the section's ``mode`` key
        (``languagetool: off``).
    """
