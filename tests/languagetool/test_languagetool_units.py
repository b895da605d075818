"""The pieces around the server: offsets, manifest, names, categories, dictionary, command."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from newslint.errors import ConfigError
from newslint.languagetool import cli
from newslint.languagetool.cache import ParagraphCache
from newslint.languagetool.client import LTMatch, parse_matches, utf16_to_codepoints
from newslint.languagetool.dictionary import ProjectDictionary
from newslint.languagetool.mapping import category_of, is_other_variant_spelling
from newslint.languagetool.names import ArticleNames
from newslint.languagetool.provision import (
    COMPLETE_MARKER, find_installation, install, manifest_text, write_manifest_jar)
from newslint.testing import parse_text

SEED = Path(__file__).resolve().parents[3] / "shared" / "seed" / "securityweek-tiktok-wechat-bans.txt"


def utf16_offset(text: str, index: int) -> int:
    return len(text[:index].encode("utf-16-le")) // 2


def test_utf16_offsets_become_code_points():
    text = "a😀b 🎉 accomodate 中文 x"
    to_cp = utf16_to_codepoints(text)
    for index in range(len(text) + 1):
        assert to_cp(utf16_offset(text, index)) == index
    assert utf16_to_codepoints("plain")(3) == 3


def test_parse_matches_maps_offsets_and_replacements():
    text = "😀 Teh cat"
    payload = {"matches": [{
        "offset": utf16_offset(text, 2), "length": 3, "message": "Possible spelling mistake.",
        "replacements": [{"value": "The"}, {"value": "Ten"}],
        "rule": {"id": "MORFOLOGIK_RULE_EN_US", "issueType": "misspelling",
                 "category": {"id": "TYPOS"}}}]}
    [m] = parse_matches(text, payload, max_suggestions=1)
    assert text[m.start:m.end] == "Teh" and m.replacements == ("The",)


def lt(rule="X", category="GRAMMAR", issue="grammar", notes=()):
    return LTMatch(0, 1, rule, category, issue, "", (), notes)


@pytest.mark.parametrize("match, expected", [
    (lt("MORFOLOGIK_RULE_EN_US", "TYPOS", "misspelling"), "spelling"),
    (lt("IT_IS_2", "TYPOS", "misspelling"), "spelling"),
    (lt("THERE_MISSING_VERB", "GRAMMAR", "grammar"), "grammar"),
    (lt("ENGLISH_WORD_REPEAT_RULE", "MISC", "duplication"), "grammar"),
    (lt("COMMA_COMPOUND_SENTENCE", "PUNCTUATION", "uncategorized"), "grammar"),
    (lt("LARGE_NUMBER_OF", "STYLE", "style"), "style"),
    (lt("EN_QUOTES", "TYPOGRAPHY", "typographical"), "style"),
])
def test_categories(match, expected):
    assert category_of(match) == expected


def test_other_variant_spelling_is_recognised():
    assert is_other_variant_spelling(lt("MORFOLOGIK_RULE_EN_US", "TYPOS", "misspelling",
                                        ("English (US)",)))
    assert not is_other_variant_spelling(lt("MORFOLOGIK_RULE_EN_US", "TYPOS", "misspelling",
                                            ("",)))


def test_manifest_lines_are_wrapped_at_72_bytes(tmp_path):
    jars = [tmp_path / "lib" / f"library-with-a-long-name-{i}-1.2.3.jar" for i in range(40)]
    raw = manifest_text([j.relative_to(tmp_path).as_posix() for j in jars])
    lines = raw.split(b"\r\n")
    assert all(len(line) <= 72 for line in lines)
    write_manifest_jar(tmp_path / "server.jar", jars, tmp_path)
    with zipfile.ZipFile(tmp_path / "server.jar") as zf:
        text = zf.read("META-INF/MANIFEST.MF").decode()
    # Unwrapping (a continuation line starts with one space) gives back every jar.
    unwrapped = text.replace("\r\n ", "")
    class_path = next(l for l in unwrapped.split("\r\n") if l.startswith("Class-Path: "))
    assert class_path.split(": ", 1)[1].split() == sorted(f"lib/{j.name}" for j in jars)
    assert "Main-Class: org.languagetool.server.HTTPServer" in unwrapped


def test_install_without_maven_says_what_to_do(tmp_path):
    from newslint.languagetool.provision import ProvisionError
    with pytest.raises(ProvisionError, match="Maven"):
        install(tmp_path, mvn="no-such-mvn-here")
    assert find_installation(tmp_path) is None


def test_half_finished_install_is_not_used(tmp_path):
    directory = tmp_path / "languagetool" / "LanguageTool-6.8" / "lib"
    directory.mkdir(parents=True)
    (directory / "languagetool-server-6.8.jar").write_bytes(b"")
    assert find_installation(tmp_path) is None
    (directory.parent / COMPLETE_MARKER).write_text("6.8\n")
    assert find_installation(tmp_path).lib == directory


def test_cli_status_and_path(tmp_path, capsys):
    assert cli.main(["status", "--cache-dir", str(tmp_path)]) == 1
    assert "newslint languagetool install" in capsys.readouterr().out
    assert cli.main(["path", "--cache-dir", str(tmp_path)]) == 1
    lib = tmp_path / "languagetool" / "LanguageTool-6.8" / "lib"
    lib.mkdir(parents=True)
    (lib / "languagetool-server-6.8.jar").write_bytes(b"")
    (lib.parent / COMPLETE_MARKER).write_text("6.8\n")
    assert cli.main(["path", "--cache-dir", str(tmp_path)]) == 0
    assert capsys.readouterr().out.strip() == str(lib.parent)
    assert cli.main(["install", "--cache-dir", str(tmp_path / "other"),
                     "--mvn", "no-such-mvn-here"]) == 2


def test_names_the_seed_article_introduces():
    if not SEED.exists():
        pytest.skip("seed article not available")
    names = ArticleNames.from_document(parse_text(SEED.read_text(encoding="utf-8"), ".txt"))
    for name in ("Weaver", "Segal", "WeChat", "TikTok", "Weaver's"):
        assert names.is_name(name), name
    for word in ("alternatives", "Recieved", "the"):
        assert not names.is_name(word), word


def test_names_need_evidence_beyond_a_sentence_start():
    doc = parse_text("Recieved wisdom is wrong. Officials met Segal and al-Eryani. "
                     "Segal spoke.\n", ".txt")
    names = ArticleNames.from_document(doc)
    assert names.is_name("Segal") and names.is_name("al-Eryani") and names.is_name("LRIT")
    assert not names.is_name("Recieved")


def test_rarer_spelling_of_a_name_is_a_likely_variant():
    doc = parse_text("Rescuers reached Magnitogorsk and Magnitogorsk again, then "
                     "Magnitigorsk.\n", ".txt")
    names = ArticleNames.from_document(doc)
    assert names.likely_variant_of("Magnitigorsk") == "Magnitogorsk"
    assert names.likely_variant_of("Magnitogorsk") is None


def test_dictionary(tmp_path):
    words = tmp_path / "words.txt"
    words.write_text("newslint  # our name\nMcClatchy\n", encoding="utf-8")
    d = ProjectDictionary.load(["covid"], str(words), tmp_path)
    assert "Newslint" in d and "newslint" in d and "COVID" in d
    assert "McClatchy" in d and "mcclatchy" not in d
    with pytest.raises(ConfigError, match="dictionary_file"):
        ProjectDictionary.load([], "missing.txt", tmp_path)


def test_paragraph_cache_round_trip(tmp_path):
    cache = ParagraphCache(tmp_path / "c.sqlite")
    assert cache.get_many(["a", "b"]) == [None, None]
    cache.put_many({"a": [[0, 3, "R", "C", "grammar", "msg", ["x"], [""]]]})
    assert cache.get_many(["b", "a"]) == [None, [[0, 3, "R", "C", "grammar", "msg", ["x"], [""]]]]


def test_first_name_before_a_name_is_a_name():
    doc = parse_text("Satyendra Jain, the minister, spoke. Image: Remi Mathis. The Jain family "
                     "and Mathis agreed. Recieved wisdom was the title.\n", ".txt")
    names = ArticleNames.from_document(doc)
    assert names.is_name("Satyendra") and names.is_name("Remi")
    assert not names.is_name("Recieved")


def test_registering_the_rule_imports_nothing_heavy():
    # A fresh interpreter: this test session has long imported the client and requests.
    script = (
        "import sys\n"
        "from newslint.languagetool import plugin\n"
        "plugin.newslint_register_rules(config=None)\n"
        "plugin.newslint_config_sections()\n"
        "heavy = ('requests', 'email', 'language_tool_python', 'newslint.languagetool.client',\n"
        "         'newslint.languagetool.server', 'newslint.languagetool.service')\n"
        "print(' '.join(m for m in heavy if m in sys.modules))\n")
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                         check=True).stdout
    assert out.strip() == ""
