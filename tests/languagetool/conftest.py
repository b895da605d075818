"""A real LanguageTool server for the whole test session, started from the provisioned jars.

Provision it with ``newslint languagetool install`` (``NEWSLINT_CACHE_DIR`` chooses the cache
directory). Outside CI the tests that need it are skipped when it is missing; in CI
(``CI=true``) they fail, so a provisioning problem can never pass as a green build.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from newslint.config import Config
from newslint.languagetool.plugin import LanguageToolRule, newslint_config_sections
from newslint.languagetool.provision import DEFAULT_VERSION, find_installation
from newslint.languagetool.server import LanguageToolServer
from newslint.languagetool.service import SECTION_DEFAULTS
from newslint.rule import RunContext


def _installation():
    return find_installation(Config().cache_dir, DEFAULT_VERSION)


@pytest.fixture(scope="session")
def lt_installation():
    inst = _installation()
    if inst is None:
        message = (f"LanguageTool {DEFAULT_VERSION} is not provisioned in {Config().cache_dir}; "
                   "run `newslint languagetool install` first")
        if os.environ.get("CI") == "true":
            pytest.fail(message, pytrace=False)
        pytest.skip(message)
    return inst


@pytest.fixture(scope="session")
def lt_server(lt_installation):
    server = LanguageToolServer(lt_installation, startup_timeout=180,
                                jvm_options=SECTION_DEFAULTS["jvm_options"])
    server.start()
    yield server
    server.stop()


def _make_config(cache_dir: Path, use_cache: bool = False, **section) -> Config:
    config = Config()
    config.values["cache_dir"] = str(cache_dir)
    config.raw_sections = {"languagetool": section}
    config.apply_sections(newslint_config_sections())
    config.use_cache = use_cache
    return config


class Warnings(list):
    def __call__(self, message: str) -> None:
        self.append(message)


def _started_rule(config: Config, warnings: Warnings | None = None) -> LanguageToolRule:
    rule = LanguageToolRule()
    rule.start(RunContext(config, {}, warnings if warnings is not None else Warnings()))
    return rule


@pytest.fixture
def lt_rule(lt_server, tmp_path):
    """The `languagetool` rule talking to the session's server, without a cache."""
    rule = _started_rule(_make_config(tmp_path, url=lt_server.url))
    yield rule
    rule.stop()


@pytest.fixture
def make_config():
    """``make_config(cache_dir, use_cache=False, **languagetool_section) -> Config``."""
    return _make_config


@pytest.fixture
def start_rule():
    """``start_rule(config, warnings=None) -> LanguageToolRule``; stopped after the test."""
    rules = []

    def start(config, warnings=None):
        rule = _started_rule(config, warnings)
        rules.append(rule)
        return rule
    yield start
    for rule in rules:
        rule.stop()


@pytest.fixture
def warnings():
    return Warnings()
