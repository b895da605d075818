"""The text ``newslint explain RULE`` prints, for every front door that shows a rule's
documentation (the command line, the language server's hover)."""

from __future__ import annotations

from typing import Optional


def find_rule(rules: dict, rule_id: str):
    """The rule reporting under ``rule_id`` and a note when it is a sub-id of a rule with
    dynamic ids (``languagetool/EN_A_VS_AN``); ``(None, "")`` when there is none."""
    rule = rules.get(rule_id)
    if rule is None and "/" in rule_id:
        parent = rules.get(rule_id.split("/", 1)[0])
        if parent is not None and parent.dynamic_ids:
            return parent, f"{rule_id} is reported by {parent.id}.\n\n"
    return rule, ""


def explain_text(checker, rule_id: str) -> Optional[str]:
    """What ``newslint explain`` prints for ``rule_id``, or None when no rule has that id."""
    rule, note = find_rule(checker.rules, rule_id)
    if rule is None:
        return None
    state = "on" if rule in checker.active else "off"
    return (f"{rule.id} — category {rule.category}, default severity {rule.severity}, "
            f"{'enabled' if rule.default_enabled else 'opt-in'} by default "
            f"(currently {state}), from {rule.origin}\n\n{note}{rule.help_text()}\n")
