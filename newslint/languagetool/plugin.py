"""The ``languagetool`` rule and the ``languagetool:`` configuration section."""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional

from newslint import hookimpl
from newslint.errors import ConfigError, NewslintError
from newslint.finding import Match
from newslint.languagetool.curation import news_rules
from newslint.languagetool.dictionary import ProjectDictionary
from newslint.languagetool.mapping import (
    SEVERITY, category_of, is_other_variant_spelling, is_speller)
from newslint.languagetool.settings import (
    INSTALL_HINT, MODES, NEWS_DISABLED_RULES, SECTION_DEFAULTS)
from newslint.rule import DocumentRule
from newslint.rules.grammar import MissingVerbAfterThere, NeitherOr, RepeatedWord

# Talking to LanguageTool needs requests, language-tool-python, sqlite3 and subprocess
# machinery: those modules are imported when a run actually uses LanguageTool, never when it
# is off or the rule is only registered.
if TYPE_CHECKING:
    from newslint.languagetool.cache import ParagraphCache
    from newslint.languagetool.client import LanguageToolClient, LTMatch
    from newslint.languagetool.names import ArticleNames
    from newslint.languagetool.service import Connection

#: LanguageTool rules that newslint's native grammar rules duplicate.
NATIVE_EQUIVALENTS = {
    "ENGLISH_WORD_REPEAT_RULE": RepeatedWord.id,
    "THERE_MISSING_VERB": MissingVerbAfterThere.id,
    "NEITHER_NOR": NeitherOr.id,
}


class LanguageToolRequired(ConfigError):
    """``languagetool: required`` and no LanguageTool could be used (exit 2)."""


class LanguageToolFailed(NewslintError):
    """The server stopped answering mid-run, also after one restart."""


class LanguageToolRule(DocumentRule):
    """Grammar, spelling and style findings from LanguageTool.

    ## What it flags
    Whatever LanguageTool's English rules find in the article's prose: agreement errors,
    missing verbs, confused words (its/it's), doubled words, misspellings. Each finding carries
    LanguageTool's own rule id (`languagetool/THERE_MISSING_VERB`), so `select`, `ignore` and
    `languagetool.disabled_rules` work on single LanguageTool rules. Markup is removed before a
    paragraph is sent; positions point into the original file. Names the article itself
    introduces ("said Nicholas Weaver", later "Weaver") and words in the project dictionary are
    not reported as misspellings.

    ## Why it matters
    A slip such as "there few alternatives" undermines a story's credibility and is easy to miss
    when reading for sense. LanguageTool knows thousands of such patterns.

    ## Example
    ```markdown
    However, Weaver said, there few alternatives if you want to talk to people in China.
    ```

    ## Instead
    ```markdown
    However, Weaver said, there are few alternatives if you want to talk to people in China.
    ```
    LanguageTool runs locally (`newslint languagetool install`), or set `languagetool.url`.
    `languagetool: off` turns it off; `languagetool: required` makes a missing server an error.
    """

    id = "languagetool"
    category = "grammar"
    severity = "warning"
    source = "languagetool"
    origin = "languagetool"
    dynamic_ids = True
    default_options: dict = {}

    def __init__(self):
        self.connection: Optional[Connection] = None
        self.client: Optional[LanguageToolClient] = None
        self.section: dict = dict(SECTION_DEFAULTS)
        self.dictionary = ProjectDictionary()
        self.failure: Optional[str] = None
        self.notice = None

    @property
    def available(self) -> bool:
        """Whether a LanguageTool server is in use this run."""
        return self.client is not None

    # -- lifecycle -------------------------------------------------------------------------
    def start(self, context) -> None:
        config = context.config
        self.notice = getattr(context, "notice", None)
        section = dict(config.section("languagetool"))
        mode = section["mode"]
        if mode not in MODES:
            raise ConfigError(f"{config.where}: languagetool.mode: expected one of "
                              f"{', '.join(MODES)}, got {mode!r}")
        # `rules: {languagetool/ID: {enabled: true}}` turns on a rule of the picky set too.
        named = [rid.split("/", 1)[1] for rid, entry in config.values["rules"].items()
                 if rid.startswith("languagetool/") and isinstance(entry, dict)
                 and entry.get("enabled") is True]
        section["enabled_rules"] = sorted(set(section["enabled_rules"]) | set(named))
        self.section = section
        if mode == "off":
            return
        self.dictionary = ProjectDictionary.load(section["dictionary"],
                                                 section["dictionary_file"], config.root)
        from newslint.languagetool.cache import ParagraphCache
        from newslint.languagetool.service import Unavailable, connect
        try:
            self.connection = connect(section, config.cache_dir)
        except Unavailable as exc:
            if mode == "required":
                raise LanguageToolRequired(f"LanguageTool is required but unavailable: {exc}")
            context.warn(f"LanguageTool is not available, grammar and spelling checks by "
                         f"LanguageTool are skipped: {exc}"
                         + ("" if INSTALL_HINT in str(exc) else f"; {INSTALL_HINT}"))
            return
        cache = (ParagraphCache(config.cache_dir / "languagetool" / "paragraphs.sqlite")
                 if config.use_cache else None)
        self.client = self.make_client(self.connection, section, cache)

    def make_client(self, connection: Connection, section: dict,
                    cache: Optional[ParagraphCache]) -> LanguageToolClient:
        from newslint.languagetool.client import CheckSettings, LanguageToolClient
        off = set(section["disabled_rules"])
        if section["news_defaults"]:
            off |= set(NEWS_DISABLED_RULES)
        if section["news_defaults"] and not section["picky"]:
            off |= set(news_rules().picky_rule_ids()) - set(section["enabled_rules"])
        settings = CheckSettings(
            language=connection.language, mother_tongue=section["mother_tongue"],
            disabled_rules=tuple(sorted(off)),
            enabled_rules=tuple(sorted(section["enabled_rules"])),
            disabled_categories=tuple(sorted(section["disabled_categories"])),
            picky=section["picky"])
        return LanguageToolClient(connection.url, settings, connection.version, cache=cache,
                                  concurrency=section["concurrency"],
                                  max_suggestions=section["max_suggestions"],
                                  batch_chars=section["batch_chars"],
                                  on_connection_error=self._restart,
                                  prepare=lambda: connection.ready(self.notice))

    def _restart(self) -> str:
        from newslint.languagetool.client import CheckError
        from newslint.languagetool.server import ServerError
        server = self.connection.server if self.connection else None
        if server is None:
            raise CheckError(f"LanguageTool at {self.connection.url} stopped answering")
        try:
            return server.restart()
        except ServerError as exc:
            raise CheckError(str(exc)) from None

    def stop(self) -> None:
        if self.client is not None:
            self.client.close()
        if self.connection is not None and self.connection.server is not None \
                and not self.connection.shared:
            self.connection.server.stop()

    # -- checking --------------------------------------------------------------------------
    def check(self, doc, options):
        if self.client is None:
            return []
        if self.failure:
            raise LanguageToolFailed(self.failure)
        from newslint.languagetool.client import CheckError
        from newslint.languagetool.names import ArticleNames
        from newslint.languagetool.service import Unavailable
        blocks = [b for b in doc.prose_blocks if b.prose.strip()]
        try:
            answers = self.client.check_texts([b.prose for b in blocks])
        except (CheckError, Unavailable) as exc:
            self.failure = f"LanguageTool failed, this file was not checked for grammar: {exc}"
            raise LanguageToolFailed(self.failure) from None
        names: Optional[ArticleNames] = None
        curated = self.section["news_defaults"] and not self.section["picky"]
        enabled = frozenset(self.section["enabled_rules"])
        found = []
        for block, matches in zip(blocks, answers):
            for m in matches:
                if m.end <= m.start:
                    continue
                if curated and not is_speller(m) and \
                        not news_rules().allows(m.rule_id, m.category_id, enabled):
                    continue  # a rule of a category measured imprecise on news copy
                message, suggestions = m.message, m.replacements
                if is_speller(m):
                    if names is None:
                        names = ArticleNames.from_document(doc)
                    verdict = self.spelling_verdict(m, block.prose[m.start:m.end], names)
                    if verdict is None:
                        continue
                    message, suggestions = verdict
                category = category_of(m)
                offset, length = block.source_span(m.start, m.end)
                if m.rule_id in NATIVE_EQUIVALENTS and self.section["defer_to_native_rules"]:
                    continue
                found.append(Match(offset, length, message, suggestions=tuple(suggestions),
                                   rule=f"languagetool/{m.rule_id}", category=category,
                                   severity=SEVERITY[category], source="languagetool"))
        return found

    def spelling_verdict(self, m: LTMatch, word: str, names: ArticleNames):
        """None to drop a spell-checker match, else its (message, suggestions)."""
        if word in self.dictionary:
            return None
        if is_other_variant_spelling(m) and not self.section["other_variant_spellings"]:
            return None
        if self.section["article_names"] and names.is_name(word):
            variant_of = names.likely_variant_of(word)
            if variant_of is None:
                return None
            # A name spelled two ways: report the rarer spelling, pointing at the other.
            return (f"“{word}” may be a misspelling of “{variant_of}”, as the name is spelled "
                    f"elsewhere in the article",
                    (variant_of,) + tuple(s for s in m.replacements if s != variant_of))
        return m.message, m.replacements


@hookimpl
def newslint_register_rules(config):
    return [LanguageToolRule()]


@hookimpl
def newslint_config_sections():
    return {"languagetool": dict(SECTION_DEFAULTS)}
