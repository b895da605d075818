"""Configuration is validated strictly; errors name the file and the key."""

import pytest

from newslint.config import find_config, load_config
from newslint.errors import ConfigError


def _load(tmp_path, text, name=".newslint.yaml"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return load_config(path)


def test_defaults_without_a_file():
    config = load_config(None)
    assert config.fail_on == "warning"
    assert config.select == [] and config.exclude == []


@pytest.mark.parametrize("text, key", [
    ("selct: [x]\n", "selct"),
    ("fail_on: sometimes\n", "fail_on"),
    ("exclude: drafts\n", "exclude"),
    ("date: next tuesday\n", "date"),
    ("jobs: many\n", "jobs"),
])
def test_bad_top_level_keys_name_file_and_key(tmp_path, text, key):
    with pytest.raises(ConfigError) as exc:
        config = _load(tmp_path, text)
        config.apply_sections({})
    message = str(exc.value)
    assert ".newslint.yaml" in message and key in message


def test_invalid_yaml_names_the_line(tmp_path):
    with pytest.raises(ConfigError) as exc:
        _load(tmp_path, "select: [a\nignore: b\n")
    assert ".newslint.yaml:" in str(exc.value)


def test_sections_are_validated_against_declared_defaults(tmp_path):
    declared = {"languagetool": {"mode": "auto", "heap": "512m"}}
    config = _load(tmp_path, "languagetool: off\n")
    config.apply_sections(declared)
    assert config.section("languagetool") == {"mode": "off", "heap": "512m"}
    config = _load(tmp_path, "languagetool:\n  hep: 1g\n")
    with pytest.raises(ConfigError, match=r"languagetool\.hep: unknown key"):
        config.apply_sections(declared)


def test_pyproject_table_is_found_and_read(tmp_path):
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[tool.newslint]\nfail-on = "error"\nignore = ["house"]\n',
        encoding="utf-8")
    sub = tmp_path / "articles"
    sub.mkdir()
    found = find_config(sub)
    assert found == tmp_path / "pyproject.toml"
    config = load_config(found)
    assert config.fail_on == "error" and config.ignore == ["house"]


def test_nearest_yaml_wins_over_parent_pyproject(tmp_path):
    (tmp_path / "pyproject.toml").write_text("[tool.newslint]\n", encoding="utf-8")
    sub = tmp_path / "a"
    sub.mkdir()
    (sub / ".newslint.yaml").write_text("{}\n", encoding="utf-8")
    assert find_config(sub / "story.md") == sub / ".newslint.yaml"
