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


REGEX_PACK = r"""
    pack: t
    rules:
      percent:
        type: substitution
        regex: true
        message: "Write '{suggestion}'."
        swap:
          "(\\d+) per(?:\n| )cent": '\1%'
          '(?<!\bthe\s+)stated': 'said'
"""


def _count_compiles(monkeypatch):
    import newslint.packs.known as known

    calls = []
    real = known.regex.compile

    def counting(pattern, *args, **kw):
        calls.append(pattern)
        return real(pattern, *args, **kw)
    monkeypatch.setattr(known.regex, "compile", counting)
    return calls


def test_patterns_that_compiled_are_not_compiled_again(tmp_path, monkeypatch):
    from newslint.packs.known import KnownPatterns

    path = write(tmp_path, REGEX_PACK)
    calls = _count_compiles(monkeypatch)
    first = KnownPatterns(tmp_path / "cache")
    load_pack(path, known_patterns=first)
    first.save()
    assert sorted(calls) == sorted(["(\\d+) per(?:\n| )cent", "(?<!\\bthe\\s+)stated"])
    calls.clear()
    [rule] = load_pack(path, known_patterns=KnownPatterns(tmp_path / "cache"))
    assert calls == []
    assert [f.suggestions for f in check_text("It rose 5 per cent, he stated.", rule)] == [
        ("5%",), ("said",)]


def test_a_bad_pattern_is_reported_on_every_load(tmp_path):
    from newslint.packs.known import KnownPatterns

    path = write(tmp_path, REGEX_PACK.replace("stated':", "(stated':"))
    for _ in range(2):
        known = KnownPatterns(tmp_path / "cache")
        with pytest.raises(PackError, match=r"pack.yaml:\d+: rules.percent.swap: invalid pattern"):
            load_pack(path, known_patterns=known)
        known.save()
    assert "(stated" not in (tmp_path / "cache" / "pack-patterns.txt").read_text()


@pytest.mark.parametrize("damage", [
    lambda text: text.replace("newslint", "newslintX", 1),   # another version wrote it
    lambda text: text.rstrip("\n"),                          # cut short
    lambda text: text + "\\x\n",                             # an escape that does not decode
    lambda text: "",
])
def test_a_damaged_or_foreign_pattern_list_is_ignored(tmp_path, monkeypatch, damage):
    from newslint.packs.known import KnownPatterns

    path = write(tmp_path, REGEX_PACK)
    known = KnownPatterns(tmp_path / "cache")
    load_pack(path, known_patterns=known)
    known.save()
    listing = tmp_path / "cache" / "pack-patterns.txt"
    listing.write_text(damage(listing.read_text(encoding="ascii")), encoding="ascii")
    calls = _count_compiles(monkeypatch)
    load_pack(path, known_patterns=KnownPatterns(tmp_path / "cache"))
    assert len(calls) == 2


def test_the_packs_plugin_remembers_patterns_in_the_cache_dir(tmp_path, monkeypatch):
    from newslint.config import Config
    from newslint.packs import plugin

    path = write(tmp_path, REGEX_PACK)
    config = Config()
    config.values["cache_dir"] = str(tmp_path / "cache")
    config.values["packs"] = [str(path)]
    plugin.newslint_register_rules(config)
    calls = _count_compiles(monkeypatch)
    ids = [r.id for r in plugin.newslint_register_rules(config)]
    assert "t.percent" in ids and "house.email" in ids
    assert calls == []


def test_packs_load_when_no_cache_directory_can_be_told(monkeypatch):
    from newslint.config import Config
    from newslint.packs import plugin

    for name in ("HOME", "NEWSLINT_CACHE_DIR", "XDG_CACHE_HOME"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr("pathlib.Path.home", lambda: (_ for _ in ()).throw(
        RuntimeError("Could not determine home directory.")))
    assert Config().cache_dir_or_none is None
    assert "house.email" in [r.id for r in plugin.newslint_register_rules(Config())]


@pytest.mark.parametrize("ignore_case", [True, False])
def test_documents_without_an_entry_are_skipped_with_the_same_findings(tmp_path, ignore_case):
    # Literal entries are looked for as text in the whole prose before any block is scanned;
    # what is found must be what the pattern alone finds, whatever the case or spelling.
    path = write(tmp_path, f"""
        pack: t
        rules:
          web:
            type: substitution
            ignore_case: {str(ignore_case).lower()}
            message: "Use '{{suggestion}}'."
            swap: {{web site: website, E-Mail: email}}
          kit:
            type: existence
            ignore_case: {str(ignore_case).lower()}
            message: "Avoid '{{match}}'."
            tokens: [kit]
    """)
    web, kit = load_pack(path)
    text = ("A WEB SITE, a web ſite, an E-Mail and an e-mail.\n\n"
            "The \u212aIT and the kit, in a web\nsite.")
    # A line break inside a paragraph is a space in its prose.
    expected_web = {True: ["WEB SITE", "web ſite", "E-Mail", "e-mail", "web\nsite"],
                    False: ["E-Mail", "web\nsite"]}
    expected_kit = {True: ["\u212aIT", "kit"], False: ["kit"]}
    assert [f.excerpt for f in check_text(text, web)] == expected_web[ignore_case]
    assert [f.excerpt for f in check_text(text, kit)] == expected_kit[ignore_case]
    assert check_text("A website and an email kitten.", web) == []
    # Alone in a document: the long s and the Kelvin sign match "s" and "k" when case is
    # ignored, so the text test must not skip these documents.
    assert [f.excerpt for f in check_text("Only a web ſite.", web)] == (
        ["web ſite"] if ignore_case else [])
    assert [f.excerpt for f in check_text("Only a \u212aIT.", kit)] == (
        ["\u212aIT"] if ignore_case else [])
    assert web._needles(web.wrong) == (("web site", "e-mail") if ignore_case
                                       else ("web site", "E-Mail"))


def test_entries_outside_ascii_are_always_scanned(tmp_path):
    path = write(tmp_path, """
        pack: t
        rules:
          cafe:
            type: existence
            message: "Avoid '{match}'."
            tokens: [café, "[Cc]af\\\\w+"]
          regexes:
            type: existence
            regex: true
            message: "Avoid '{match}'."
            tokens: ["ca+fe"]
    """)
    cafe, regexes = load_pack(path)
    assert cafe._needles(cafe.tokens) is None and regexes._needles(regexes.tokens) is None
    assert [f.excerpt for f in check_text("The CAFÉ and the caaafe.", cafe)] == ["CAFÉ"]
    assert [f.excerpt for f in check_text("The CAFÉ and the caaafe.", regexes)] == ["caaafe"]


def test_house_internet_leaves_proper_names_alone():
    # Sentences from Wikinews (2020-10-26, 2020-08-31, 2019-10-06).
    files = {p.stem: p for p in shipped_pack_files()}
    rules = {r.id: r for r in load_pack(files["house"])}
    rule = rules["house.internet"]
    names = ("Developers expressed their disappointment on Twitter and Internet Relay Chat. "
             "Copies were saved by the Internet Archive.")
    assert check_text(names, rule) == []
    words = ("The Unity Party of America ticket of Internet entrepreneur Bill Hammons. "
             "It has implications for content on the Internet beyond the borders of the EU. "
             "Internet access was cut.")
    assert [f.excerpt for f in check_text(words, rule)] == ["Internet"] * 3


def test_skip_names_must_be_true_or_false(tmp_path):
    path = write(tmp_path, """
        pack: t
        rules:
          net:
            type: substitution
            skip_names: sometimes
            message: "Use '{suggestion}'."
            swap: {Internet: internet}
    """)
    with pytest.raises(PackError, match="skip_names"):
        load_pack(path)
