"""newslint's own LanguageTool rules (grammar_custom.xml): every example, on a real server.

The server the session's fixture starts has the rule file on its classpath, as every server
newslint starts does. Each ``<example>`` with a ``<marker>`` must be flagged by its own rule at
exactly the marked words, with each ``correction`` among the suggestions; each example without
one must not be flagged by that rule.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
import requests

from newslint.languagetool.provision import CUSTOM_RULES, custom_rules_tag
from newslint.languagetool.service import server_version
from newslint.testing import check_text

pytestmark = pytest.mark.languagetool


def _examples():
    """(rule id, text, marker start or None, marker text, corrections) of every example."""
    root = ET.parse(CUSTOM_RULES).getroot()
    cases = []
    for element in root.iter():
        if element.tag not in ("rule", "rulegroup") or not element.get("id"):
            continue
        for example in element.iter("example"):
            marker = example.find("marker")
            text = "".join(example.itertext())
            if marker is None:
                cases.append((element.get("id"), text, None, "", ()))
            else:
                corrections = tuple(c for c in (example.get("correction") or "").split("|") if c)
                cases.append((element.get("id"), text, len(example.text or ""),
                              "".join(marker.itertext()), corrections))
    return cases


EXAMPLES = _examples()


def test_the_file_has_rules_with_both_kinds_of_example():
    ids = {rule for rule, *_ in EXAMPLES}
    assert len(ids) >= 7 and all(r.startswith("NEWSLINT_") for r in ids)
    for rule in ids:
        kinds = {start is None for r, _t, start, *_ in EXAMPLES if r == rule}
        assert kinds == {True, False}, f"{rule} needs incorrect and correct examples"


@pytest.fixture(scope="module")
def check(lt_server):
    session = requests.Session()

    def run(text):
        resp = session.post(lt_server.url.rstrip("/") + "/v2/check",
                            data={"language": "en-US", "text": text}, timeout=60)
        resp.raise_for_status()
        return resp.json()["matches"]
    yield run
    session.close()


@pytest.mark.parametrize("rule,text,start,marked,corrections", EXAMPLES,
                         ids=[f"{r}:{t[:40]}" for r, t, *_ in EXAMPLES])
def test_example(check, rule, text, start, marked, corrections):
    mine = [m for m in check(text) if m["rule"]["id"] == rule]
    if start is None:
        assert mine == [], f"{rule} flags a correct example: {text!r}"
        return
    at = [m for m in mine if m["offset"] == start and m["length"] == len(marked)]
    assert at, f"{rule} misses {marked!r} in {text!r}: {[(m['offset'], m['length']) for m in mine]}"
    suggested = {r["value"] for m in at for r in m["replacements"]}
    assert set(corrections) <= suggested, (corrections, suggested)


def test_server_reports_the_rules_in_its_version(lt_server):
    # the tag is part of the paragraph cache's key: answers of another rule file are not reused
    assert server_version(lt_server.url, 60).endswith("+" + custom_rules_tag())


def test_findings_come_through_newslint_once_per_fault(lt_rule):
    from newslint.rules.grammar import MissingVerbAfterThere
    text = ("Officials admitted there few options were left. The plan expected to pass "
            "the Senate on Tuesday. The minister decided resign after the vote.\n")
    found = check_text(text, lt_rule, suffix=".txt") + \
        check_text(text, MissingVerbAfterThere(), suffix=".txt")
    rules = sorted((f.rule, f.excerpt) for f in found)
    assert rules == [
        ("languagetool/NEWSLINT_MISSING_TO", "decided resign"),
        ("languagetool/NEWSLINT_SUBJECT_MISSING_BE", "plan expected"),
        ("missing-verb-after-there", "there few"),
    ]
    plan = next(f for f in found if f.rule.endswith("SUBJECT_MISSING_BE"))
    assert plan.category == "grammar" and plan.source == "languagetool"
    assert plan.suggestions[0] == "plan is expected"
