"""select / extend_select / ignore by id, prefix and category."""

from types import SimpleNamespace

from newslint.filters.selection import Selection


def rule(id, category="style", default=True, dynamic=False):
    return SimpleNamespace(id=id, category=category, default_enabled=default, dynamic_ids=dynamic)


def test_default_set_and_opt_in():
    sel = Selection()
    assert sel.rule_runs(rule("house.email"))
    assert not sel.rule_runs(rule("ap.percent", default=False))
    assert Selection(extend_select=["ap"]).rule_runs(rule("ap.percent", default=False))


def test_prefix_needs_a_separator():
    sel = Selection(select=["ap"])
    assert sel.rule_runs(rule("ap.percent"))
    assert not sel.rule_runs(rule("apostrophe-style"))
    assert Selection(select=["duplicate"]).rule_runs(rule("duplicate-paragraph", "duplication"))


def test_category_and_more_specific_entry_wins():
    sel = Selection(ignore=["dates"], extend_select=["relative-day-word"])
    assert not sel.rule_runs(rule("weekday-date-mismatch", "dates"))
    assert sel.rule_runs(rule("relative-day-word", "dates"))
    sel = Selection(select=["dates"], ignore=["relative-day-word"])
    assert not sel.rule_runs(rule("relative-day-word", "dates"))
    assert sel.rule_runs(rule("weekday-date-mismatch", "dates"))


def test_config_enabled_override_is_final():
    sel = Selection(ignore=["house"], enabled_overrides={"house.email": True})
    assert sel.rule_runs(rule("house.email"))
    assert not Selection(enabled_overrides={"house.email": False}).rule_runs(rule("house.email"))


def test_dynamic_children():
    lt = rule("languagetool", "grammar", dynamic=True)
    child = SimpleNamespace(rule="languagetool/EN_A_VS_AN", category="grammar")
    spelling = SimpleNamespace(rule="languagetool/MORFOLOGIK_RULE_EN_US", category="spelling")
    sel = Selection(ignore=["languagetool/EN_A_VS_AN", "spelling"])
    assert sel.rule_runs(lt)
    assert not sel.keeps(child, lt)
    assert not sel.keeps(spelling, lt)
    only = Selection(select=["languagetool/EN_A_VS_AN"])
    assert only.rule_runs(lt)
    assert only.keeps(child, lt)
    assert not only.keeps(spelling, lt)
