"""Which rules run and which findings are kept: ``select``, ``extend_select``, ``ignore``.

An entry matches a rule id exactly, as a prefix ending at a separator (``house`` matches
``house.email``, ``languagetool`` matches ``languagetool/EN_A_VS_AN``, ``duplicate`` matches
``duplicate-paragraph``), or names a category (``dates``). When a rule is both selected and
ignored, the more specific entry wins (a longer id beats a shorter one, any id beats a category);
on a tie ``ignore`` wins.
"""

from __future__ import annotations

from typing import Optional

from newslint.finding import CATEGORIES

_SEPARATORS = "./-"


def _score(entry: str, rule_id: str, category: str) -> int:
    """How specifically ``entry`` matches: 0 no match, 1 category, 2+ id prefix length."""
    if entry == rule_id:
        return 10_000
    if entry in CATEGORIES and entry == category:
        return 1
    if rule_id.startswith(entry) and (entry[-1] in _SEPARATORS or
                                      rule_id[len(entry)] in _SEPARATORS):
        return 2 + len(entry)
    return 0


def _best(entries, rule_id: str, category: str) -> int:
    return max((_score(e, rule_id, category) for e in entries), default=0)


class Selection:
    def __init__(self, select=(), extend_select=(), ignore=(), enabled_overrides=None):
        self.select = list(select)
        self.extend_select = list(extend_select)
        self.ignore = list(ignore)
        #: ``rules: {id: {enabled: bool}}`` from config: the last word.
        self.enabled_overrides = dict(enabled_overrides or {})

    def is_selected(self, rule_id: str, category: str, default_enabled: bool = True) -> bool:
        override = self._override(rule_id)
        if override is not None:
            return override
        sel = max(_best(self.select, rule_id, category),
                  _best(self.extend_select, rule_id, category))
        if self.select:
            selected = sel > 0
        else:
            selected = default_enabled or sel > 0
            if default_enabled and sel == 0:
                sel = 1  # the default set counts as the weakest selection
        if not selected:
            return False
        return _best(self.ignore, rule_id, category) < sel or \
            _best(self.ignore, rule_id, category) == 0

    def _override(self, rule_id: str) -> Optional[bool]:
        if rule_id in self.enabled_overrides:
            return self.enabled_overrides[rule_id]
        return None

    def rule_runs(self, rule) -> bool:
        """Whether a rule runs at all (rules with dynamic ids run if any child may be kept)."""
        if self.is_selected(rule.id, rule.category, rule.default_enabled):
            return True
        if rule.dynamic_ids and self._override(rule.id) is not False:
            prefix = rule.id + "/"
            return any(e.startswith(prefix) for e in self.select + self.extend_select)
        return False

    def keeps(self, finding, rule) -> bool:
        """Whether a finding survives selection.

        Findings under the rule's own id were decided when the rule was chosen to run; a
        finding under a child id (``languagetool/EN_A_VS_AN``) or another category is judged
        on its own, with the parent rule's selection as its default.
        """
        if finding.rule == rule.id and finding.category == rule.category:
            return True
        parent = self.is_selected(rule.id, rule.category, rule.default_enabled)
        return self.is_selected(finding.rule, finding.category, parent)


def matches_something(entry: str, rules) -> bool:
    """Whether a ``select``/``ignore`` entry names a rule, a category or an id prefix of one
    of ``rules`` (or a sub-rule of a rule that reports its own ids, ``languagetool/ID``)."""
    if entry in CATEGORIES:
        return True
    for rule in rules:
        if _score(entry, rule.id, rule.category) > 0:
            return True
        if rule.dynamic_ids and entry.startswith(rule.id + "/") and len(entry) > len(rule.id) + 1:
            return True
    return False


def check_entries(entries, rules, where: str) -> None:
    """Raise :class:`~newslint.errors.ConfigError` for the first entry that matches nothing:
    a typo there would silently switch rules off (or leave them on) in CI."""
    from newslint.errors import ConfigError
    from newslint.suggest import did_you_mean

    rules = list(rules)
    for entry in entries:
        if not matches_something(entry, rules):
            names = [r.id for r in rules] + list(CATEGORIES)
            raise ConfigError(f"{where}: no rule, prefix or category named {entry!r}"
                              f"{did_you_mean(entry, names)}; `newslint rules` lists them")
