"""YAML packs: the three rule types, strict validation, and a time limit on user patterns."""

import textwrap

import pytest

from newslint.errors import PackError
from newslint.packs import load_pack, shipped_pack_files
from newslint.testing import check_text


def write(tmp_path, text):
    path = tmp_path / "pack.yaml"
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def test_substitution_keeps_case_and_skips_quotes(tmp_path):
    path = write(tmp_path, """
        pack: t
        rules:
          email:
            type: substitution
            message: "Use '{suggestion}', not '{match}'."
            swap: {e-mail: email}
    """)
    [rule] = load_pack(path)
    assert rule.id == "t.email"
    found = check_text('E-mail him. “Send an e-mail,” she said. An e-mail.', rule)
    assert [(f.excerpt, f.suggestions, f.message) for f in found] == [
        ("E-mail", ("Email",), "Use 'Email', not 'E-mail'."),
        ("e-mail", ("email",), "Use 'email', not 'e-mail'.")]
    assert found[1].column == 44


def test_existence_with_word_boundaries(tmp_path):
    path = write(tmp_path, """
        pack: t
        rules:
          hedges:
            type: existence
            message: "Avoid '{match}'."
            tokens: [very, "%"]
    """)
    [rule] = load_pack(path)
    found = check_text("Every 95% of the very good everyday things.", rule)
    assert [f.excerpt for f in found] == ["%", "very"]


def test_consistency_reports_the_minority(tmp_path):
    path = write(tmp_path, """
        pack: t
        rules:
          cyber:
            type: consistency
            message: "'{match}' and '{suggestion}' both appear; pick one."
            groups: [[cybersecurity, cyber security]]
    """)
    [rule] = load_pack(path)
    text = "Cyber security matters.\n\nCybersecurity firms and cybersecurity staff agree.\n"
    found = check_text(text, rule)
    assert [(f.excerpt, f.suggestions) for f in found] == [("Cyber security", ("cybersecurity",))]


def test_regex_swap_with_groups(tmp_path):
    path = write(tmp_path, r"""
        pack: t
        rules:
          months:
            type: substitution
            regex: true
            ignore_case: false
            message: "Abbreviate: '{suggestion}'."
            swap: {'August (\d{1,2})': 'Aug. \1'}
    """)
    [rule] = load_pack(path)
    found = check_text("It happened on August 7 in August.", rule)
    assert [(f.excerpt, f.suggestions) for f in found] == [("August 7", ("Aug. 7",))]


@pytest.mark.parametrize("body, needle", [
    ("pack: t\nrules:\n  a:\n    type: existence\n    message: m\n    tokns: [x]\n",
     ":6: rules.a.tokns: unknown key"),
    ("pack: t\nrules:\n  a:\n    type: exist\n    message: m\n", ":4: rules.a.type: must be one of"),
    ("pack: t\nrules:\n  a:\n    type: existence\n    message: m\n    severity: fatal\n",
     ":6: rules.a.severity"),
    ("pack: t\nrules:\n  a:\n    type: existence\n    message: m\n    regex: true\n"
     "    tokens: ['(unclosed']\n", "rules.a.tokens: invalid pattern"),
    ("pack: t\nrulez: {}\n", ":2: rulez: unknown key"),
    ("pack: t\nrules: [a\n", "invalid YAML"),
])
def test_load_errors_name_file_line_and_key(tmp_path, body, needle):
    path = tmp_path / "bad.yaml"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(PackError) as exc:
        load_pack(path)
    assert str(path) in str(exc.value)
    assert needle in str(exc.value)


def test_catastrophic_pattern_is_stopped(tmp_path, monkeypatch):
    import newslint.packs.types as types

    monkeypatch.setattr(types, "PATTERN_TIMEOUT", 0.05)
    path = write(tmp_path, r"""
        pack: t
        rules:
          slow:
            type: existence
            regex: true
            word_boundary: false
            message: m
            tokens: ['(a|aa)+$']
    """)
    [rule] = load_pack(path)
    with pytest.raises(RuntimeError, match="took more than"):
        check_text("a" * 40 + "!", rule)


def test_shipped_house_pack():
    files = {p.stem: p for p in shipped_pack_files()}
    assert "house" in files
    rules = {r.id: r for r in load_pack(files["house"])}
    found = check_text("The web site sent an e-mail.", rules["house.website"])
    assert [(f.excerpt, f.suggestions) for f in found] == [("web site", ("website",))]
    assert check_text("The website sent an email.", rules["house.website"]) == []
    assert check_text("The website sent an email.", rules["house.email"]) == []
    for rule in rules.values():
        assert "## What it flags" in rule.doc and "## Instead" in rule.doc
