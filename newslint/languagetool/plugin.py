"""The ``languagetool`` rule and the ``languagetool:`` configuration section."""

from __future__ import annotations

import dataclasses
import re
from typing import TYPE_CHECKING, Optional

from newslint import hookimpl
from newslint.errors import ConfigError, NewslintError
from newslint.finding import Match
from newslint.languagetool.curation import news_rules
from newslint.languagetool.dictionary import ProjectDictionary
from newslint.languagetool.mapping import (
    SEVERITY, category_of, is_multitoken_speller, is_other_variant_spelling, is_speller)
from newslint.languagetool.settings import (
    INSTALL_HINT, MODES, NEWS_DISABLED_RULES, SECTION_DEFAULTS)
from newslint.rule import DocumentRule
from newslint.rules.grammar import (
    MissingVerbAfterThere, NeitherOr, RepeatedWord, missing_verb_after_there)

# Talking to LanguageTool needs requests, language-tool-python, sqlite3 and subprocess
# machinery: those modules are imported when a run actually uses LanguageTool, never when it
# is off or the rule is only registered.
if TYPE_CHECKING:
    from newslint.languagetool.cache import ParagraphCache
    from newslint.languagetool.client import LanguageToolClient, LTMatch
    from newslint.languagetool.spelling import DocumentSpelling
    from newslint.languagetool.service import Connection

#: LanguageTool rules that newslint's native grammar rules duplicate.
NATIVE_EQUIVALENTS = {
    "ENGLISH_WORD_REPEAT_RULE": RepeatedWord.id,
    "THERE_MISSING_VERB": MissingVerbAfterThere.id,
    "NEITHER_NOR": NeitherOr.id,
}
#: newslint's own LanguageTool rule (grammar_custom.xml) for what missing-verb-after-there
#: finds without a tagger, and more: its matches where the native rule fires are left to it.
NATIVE_OVERLAPS = {"NEWSLINT_THERE_MISSING_VERB": missing_verb_after_there}


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
    paragraph is sent; positions point into the original file.

    With a server newslint starts, newslint's own LanguageTool rules run too
    (`languagetool/NEWSLINT_…`, in `grammar_custom.xml` on the server's classpath): clauses
    missing a verb or a function word — "there a way to", "it clear that", "The plan expected
    to pass the Senate.", "He said would resign", "This will the first", "decided resign".

    Spelling is read as news copy: names the article introduces ("said Nicholas Weaver",
    later "Weaver"), words it uses twice, handles, credit lines and words in the project
    dictionary are accepted, and a word is reported only when it is a near miss of a far more
    common word (`languagetool.news_vocabulary`), once per document with its other places as
    related locations. Grammar and style inside quoted speech and an interviewee's answers are
    the speaker's words and are left alone (`languagetool.grammar_in_quotes: true` reports
    them); passages in another language are not checked as English
    (`languagetool.skip_other_languages`).

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
    #: A suggestion reads right in most copy but not all: an editor confirms it.
    fix_safety = "unsafe"

    def __init__(self):
        self.connection: Optional[Connection] = None
        self.client: Optional[LanguageToolClient] = None
        self.section: dict = dict(SECTION_DEFAULTS)
        self.dictionary = ProjectDictionary()
        self.failure: Optional[str] = None
        self.notice = None

    @property
    def language_code(self) -> str:
        """The configured variant's language ("en" for en-GB)."""
        return str(self.section.get("language") or "en").split("-")[0].lower()

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
        if str(section["language"]).lower().startswith("auto"):
            # A server asked to detect the language guesses per text, and guesses wrong on odd
            # text (Catalan for a list of names): newslint always names the variant.
            raise ConfigError(f"{config.where}: languagetool.language: name the variant to "
                              f"check (such as en-US or en-GB), not {section['language']!r}")
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
        from newslint.languagetool.cache import CACHE_FILE, ParagraphCache
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
        cache = (ParagraphCache(config.cache_dir / "languagetool" / CACHE_FILE, context.warn)
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
        from newslint.languagetool.speech import inside, speech_spans
        from newslint.languagetool.spelling import (DocumentSpelling, in_foreign_phrase,
                                                    multitoken_message)
        from newslint.languagetool.spelling import verdict as spelling_verdict
        from newslint.languagetool.service import Unavailable
        blocks = [b for b in doc.prose_blocks if b.prose.strip()]
        foreign: dict[int, list] = {}
        if self.section["skip_other_languages"]:
            from newslint.text.language import foreign_spans, in_foreign_passage, is_foreign
            # A text in another language is not checked as English at all; in an English
            # text, a foreign block is not sent and a foreign sentence's matches are dropped.
            if is_foreign(" ".join(b.prose for b in blocks), self.language_code):
                return []
            foreign = {b.index: foreign_spans(b, self.language_code) for b in blocks}
            blocks = [b for b in blocks
                      if not any(s.start == 0 and s.end == len(b.prose)
                                 for s in foreign[b.index])]
        try:
            answers = self.client.check_texts([b.prose for b in blocks])
        except (CheckError, Unavailable) as exc:
            self.failure = f"LanguageTool failed, this file was not checked for grammar: {exc}"
            raise LanguageToolFailed(self.failure) from None
        knowledge: Optional[DocumentSpelling] = None
        speech: Optional[dict] = None
        curated = self.section["news_defaults"] and not self.section["picky"]
        enabled = frozenset(self.section["enabled_rules"])
        found = []
        # One finding per misspelled word: its first place, the later ones as related.
        first_place: dict[str, int] = {}  # word -> index in found
        other_places: dict[int, list] = {}
        # One finding per mistyped pair: (rule, block, sentence) -> index in found, and the
        # other ends reported by the same rule there.
        paired: dict[tuple, int] = {}
        pair_ends: dict[int, list] = {}
        foreign_words: Optional[frozenset] = None
        for block, matches in zip(blocks, answers):
            speller_spans = [(m.start, m.end) for m in matches if is_speller(m)]
            for m in matches:
                if m.end <= m.start:
                    continue
                if foreign.get(block.index) and in_foreign_passage(
                        block.prose, m.start, m.end, foreign[block.index], self.language_code):
                    continue  # a sentence or quotation in another language
                if foreign and is_speller(m):
                    if foreign_words is None:
                        foreign_words = _words_of_passages(blocks, foreign)
                    if block.prose[m.start:m.end] in foreign_words:
                        continue  # a word of a passage in another language, used again
                if curated and not is_speller(m) and \
                        not news_rules().allows(m.rule_id, m.category_id, enabled):
                    continue  # a rule of a category measured imprecise on news copy
                if m.rule_id in NATIVE_EQUIVALENTS and self.section["defer_to_native_rules"]:
                    continue
                if m.rule_id in NATIVE_OVERLAPS and self.section["defer_to_native_rules"] and \
                        any(s < m.end and m.start < e
                            for s, e in NATIVE_OVERLAPS[m.rule_id](block.prose)):
                    continue  # the native rule reports this one
                category = category_of(m)
                # Only the speller's matches are the writer's inside a quotation: LanguageTool
                # files "in regards to" and "a" before a vowel under its spelling categories too.
                speller = is_speller(m) or is_multitoken_speller(m)
                if not speller and not self.section["grammar_in_quotes"]:
                    if speech is None:
                        speech = speech_spans(doc)
                    if inside(speech.get(block.index, ()), m.start, m.end, block.prose):
                        continue  # the speaker's own words, reported verbatim
                rule = f"languagetool/{m.rule_id}"
                if is_speller(m):
                    variant = is_other_variant_spelling(m)
                    if variant and not self.section["other_variant_spellings"]:
                        continue
                    if knowledge is None:
                        knowledge = DocumentSpelling.from_document(doc)
                    if self.section["news_vocabulary"] and not variant and \
                            in_foreign_phrase(block.prose, m.start, m.end, speller_spans):
                        continue
                    verdict = spelling_verdict(
                        block, m.start, m.end, m.replacements, knowledge,
                        dictionary=self.dictionary,
                        # "colour" under en-US, asked for: the world writing it proves nothing.
                        vocabulary_on=self.section["news_vocabulary"] and not variant,
                        names_on=self.section["article_names"])
                    if verdict is None:
                        continue
                    offset, length = block.source_span(verdict.start, verdict.end)
                    key = verdict.word.lower()
                    if key in first_place:
                        other_places.setdefault(first_place[key], []).append(
                            doc.span(offset, length))
                        continue
                    first_place[key] = len(found)
                    found.append(Match(offset, length, verdict.message,
                                       suggestions=verdict.suggestions, rule=rule,
                                       category=category, severity=SEVERITY[category],
                                       source="languagetool"))
                    continue
                message = m.message
                if is_multitoken_speller(m):
                    message = multitoken_message(block.prose[m.start:m.end], m.replacements)
                    if message is None:
                        continue
                offset, length = block.source_span(m.start, m.end)
                if m.rule_id in PAIRED_FAULT_RULES:
                    sentence = _sentence_at(block, m.start)
                    earlier = paired.get((m.rule_id, block.index, sentence))
                    if earlier is not None:
                        # "{1000 UTC)": one mistyped bracket, reported at both its ends.
                        pair_ends.setdefault(earlier, []).append(dataclasses.replace(
                            doc.span(offset, length), message="the other end of the same pair"))
                        continue
                    paired[(m.rule_id, block.index, sentence)] = len(found)
                found.append(Match(offset, length, message, suggestions=tuple(m.replacements),
                                   rule=rule, category=category,
                                   severity=SEVERITY[category], source="languagetool"))
        for index, places in other_places.items():
            found[index] = with_other_places(found[index], places)
        for index, ends in pair_ends.items():
            found[index] = dataclasses.replace(found[index], related=tuple(ends))
        return found


#: Rules that report one fault at two places of a sentence: an opening bracket or quote
#: mark closed by the wrong kind is "unpaired" at both ends.
PAIRED_FAULT_RULES = frozenset({"EN_UNPAIRED_BRACKETS", "EN_UNPAIRED_QUOTES"})


def _words_of_passages(blocks, foreign: dict) -> frozenset:
    """The words of the document's passages in another language ("ratifica" in "Si el Senado
    me ratifica, …"): the same word elsewhere in the text is that language's word too."""
    words = set()
    for block in blocks:
        for span in foreign.get(block.index, ()):
            words.update(re.findall(r"[^\W\d_]{3,}", block.prose[span.start:span.end]))
    return frozenset(words)


def _sentence_at(block, start: int) -> int:
    for i, s in enumerate(block.sentences):
        if s.start <= start < s.end:
            return i
    return -1


def with_other_places(match: Match, places: list) -> Match:
    """The first finding of a misspelled word, naming its other places in the document."""
    n = len(places)
    return dataclasses.replace(
        match, message=f"{match.message} ({n} more time{'s' if n > 1 else ''} in the document)",
        related=tuple(dataclasses.replace(p, message="the same spelling again") for p in places))


@hookimpl
def newslint_register_rules(config):
    return [LanguageToolRule()]


@hookimpl
def newslint_config_sections():
    return {"languagetool": dict(SECTION_DEFAULTS)}
