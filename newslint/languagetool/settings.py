"""The `languagetool:` configuration section: its defaults and the rules news copy turns off.

Kept apart from the code that talks to LanguageTool, so registering the rule and reading the
configuration import nothing heavy when LanguageTool is off.
"""

from __future__ import annotations

#: The LanguageTool release language-tool-python 3.4 expects: the one installed and started
#: unless `languagetool.version` says otherwise.
DEFAULT_VERSION = "6.8"

#: The `languagetool:` configuration section and its defaults.
SECTION_DEFAULTS = {
    # auto: use LanguageTool when it is available; required: fail (exit 2) when it is not;
    # off: never start it.
    "mode": "auto",
    # An already-running LanguageTool server to use instead of starting one.
    "url": "",
    # The installed version to start (see `newslint languagetool install --version`).
    "version": DEFAULT_VERSION,
    # A LanguageTool directory of one's own (holding lib/*.jar); empty: the cache directory.
    "home": "",
    "java": "java",
    "heap": "1g",
    # Extra JVM options. The client compiler alone (C1) halves start-up and the first
    # minute of checking on small machines, at no measurable cost over a whole corpus.
    "jvm_options": ["-XX:TieredStopAtLevel=1"],
    # Seconds to wait for the server to answer after start-up; a cold JVM on 2 cores needs ~5-10.
    "startup_timeout": 90.0,
    "language": "en-US",
    "mother_tongue": "",
    "disabled_rules": [],
    # Also turn off NEWS_DISABLED_RULES, LanguageTool rules that measured as noise on news copy.
    "news_defaults": True,
    "enabled_rules": [],
    "disabled_categories": [],
    "picky": False,
    # Words the spell checker must accept, and a file of more (one a line).
    "dictionary": [],
    "dictionary_file": "",
    # Treat words the article introduces as names (see newslint.languagetool.names).
    "article_names": True,
    # Accept words the world writes (newslint.languagetool.vocabulary) and words the article
    # uses twice or more, unless they are near misses of a far more common word.
    "news_vocabulary": True,
    # Report LanguageTool's grammar and style findings inside quoted speech and interview
    # transcripts too (newslint.languagetool.speech); spelling there is always checked.
    "grammar_in_quotes": False,
    # Leave passages in another language (newslint.text.language) unchecked: a Spanish
    # quotation, a whole German text.
    "skip_other_languages": True,
    # Report words spelled in another English variant ("colour" under en-US) as misspellings.
    "other_variant_spellings": False,
    # Leave doubled words, a missing verb after "there" and "neither…or" to newslint's own
    # rules (repeated-word, missing-verb-after-there, neither-or), so one slip gives one
    # finding, and names such as "Sirhan Sirhan" are not flagged.
    "defer_to_native_rules": True,
    # Requests in flight per process (each worker process has its own); the server checks
    # them on its own thread pool.
    "concurrency": 2,
    # Paragraphs of one document sent together, up to this many characters per request.
    "batch_chars": 20000,
    "max_suggestions": 5,
}

MODES = ("auto", "required", "off")

#: LanguageTool rules off by default for news copy (benchmarks/judgements/grammar.md): style
#: preferences that house style decides otherwise, and rules that misread news conventions.
NEWS_DISABLED_RULES = (
    # A comma before "and"/"but" joining clauses: AP and most house styles leave it out.
    "COMMA_COMPOUND_SENTENCE", "COMMA_COMPOUND_SENTENCE_2",
    # Three sentences opening with the same word: fires on names ("Day", "Trump") in news.
    "ENGLISH_WORD_REPEAT_BEGINNING_RULE",
    # A quotation running over several paragraphs leaves each but the last open, by design.
    "EN_UNPAIRED_QUOTES",
    # English-language news writes "Erdogan" without the breve.
    "ERDOGAN",
    # Weekdays and dates read against today's date ("Saturday, April 27" in a 2019 story is
    # called wrong because April 27 of this year is a Monday; "January 2019" called a
    # forgotten new year): newslint's own date rules check dates against the publication
    # date (weekday-date-mismatch, date-after-publication), so these would only misfire or
    # report the same fault twice.
    "EN_DATE_WEEKDAY", "EN_DATE_WEEKDAY_CURRENTYEAR", "DATE_NEW_YEAR", "DATE_FUTURE_VERB_PAST",
)

INSTALL_HINT = ("install it with `newslint languagetool install` (needs Java 17+ and Maven), "
                "or set languagetool.url to a running server")
