"""The engine: parse files, run rules, collect findings. It never prints."""

from __future__ import annotations

import datetime as _dt
import os
from typing import Optional

from newslint.document import Document
from newslint.errors import ConfigError, InputError, NewslintError
from newslint.filters.verbatim import VerbatimSpans
from newslint.filters.overlaps import resolve as one_finding_per_fault
from newslint.filters.selection import Selection
from newslint.filters.suppressions import is_suppressed
from newslint.finding import CATEGORIES, SEVERITIES, FileError, Finding, Match
from newslint.rule import CorpusRule, DocInfo, DocumentRule, RunContext


def parse_document(path: str, text: str, suffix: str, pub_date: Optional[_dt.date] = None,
                   parsers: Optional[dict] = None) -> Document:
    """Parse decoded ``text``; ``pub_date`` (from ``--date``) overrides what the text says."""
    if parsers is None:
        from newslint.parsers.builtin import newslint_register_parsers
        parsers = newslint_register_parsers()
    parse = parsers.get(suffix.lower())
    if parse is None:
        raise InputError(f"{path}: no parser for files ending in {suffix!r}")
    doc = parse(path, text)
    if pub_date is not None:
        doc.pub_date, doc.pub_date_source = pub_date, "option"
    return doc


def finding_from_match(doc: Optional[Document], rule, match: Match,
                       severity_override: Optional[str]) -> Finding:
    """Turn a rule's :class:`Match` into a :class:`Finding` with resolved positions."""
    span = match.span if match.span is not None else doc.span(match.offset, match.length)
    severity = severity_override or match.severity or rule.severity
    return Finding.from_span(
        span, rule=match.rule or rule.id, category=match.category or rule.category,
        severity=severity, message=match.message, suggestions=match.suggestions,
        related=match.related, source=match.source or rule.source)


# ---------------------------------------------------------------------------------------------
# Running rules over files
# ---------------------------------------------------------------------------------------------


# Plain classes rather than dataclasses: generating a dataclass's methods costs about a
# millisecond of start-up each, and these two are only filled in and read.
class FileOutcome:
    """What checking one file produced (picklable: it crosses process boundaries)."""

    def __init__(self, path: str):
        self.path = path
        self.findings: list = []
        self.errors: list = []
        self.suppressions: list = []
        self.corpus: dict = {}
        self.pub_date: Optional[_dt.date] = None
        self.words = 0
        #: The :class:`~newslint.source.ArticleSource`, kept only for formatters that render
        #: the article (``Engine.keep_source``).
        self.source = None

    def copy(self) -> "FileOutcome":
        """A copy a run may change: later stages replace the finding list and mark
        suppressions used (findings themselves are frozen)."""
        import copy

        twin = FileOutcome(self.path)
        twin.findings = list(self.findings)
        twin.errors = list(self.errors)
        twin.suppressions = [copy.copy(s) for s in self.suppressions]
        twin.corpus = dict(self.corpus)
        twin.pub_date = self.pub_date
        twin.words = self.words
        twin.source = self.source
        return twin


class RunResult:
    def __init__(self, files: list, rules: list):
        self.files = files  # FileOutcome, in path order
        self.rules = rules  # the rules that ran

    @property
    def findings(self) -> list:
        return [f for fo in self.files for f in fo.findings]

    @property
    def errors(self) -> list:
        return [e for fo in self.files for e in fo.errors]


#: Files whose outcomes :attr:`Engine.memo` keeps before it starts afresh.
MEMO_FILES = 5000


#: Byte-order marks of the encodings a BOM identifies, longest first (UTF-32-LE's begins
#: with UTF-16-LE's).
_BOMS = ((b"\xff\xfe\x00\x00", "utf-32-le"), (b"\x00\x00\xfe\xff", "utf-32-be"),
         (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))


def decode(path: str, data: bytes) -> str:
    """Decode UTF-8 (a BOM is dropped), or UTF-16/32 that starts with its BOM (some editors
    on Windows save so); a clear error for binary or other input."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(encoding)
            except UnicodeDecodeError:
                raise InputError(f"{path}: starts with a {encoding.upper()} byte-order mark "
                                 f"but is not valid {encoding.upper()}; save the file as "
                                 f"UTF-8") from None
    if b"\x00" in data[:8192]:
        raise InputError(f"{path}: binary file (contains NUL bytes); not checked")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise InputError(
            f"{path}: not valid UTF-8 (byte 0x{data[exc.start]:02x} on line {line}); "
            f"save the file as UTF-8") from None
    return text[1:] if text.startswith("\ufeff") else text


class Engine:
    """Holds the rules and settings of one run. Build with :func:`build_engine`."""

    def __init__(self, config, pm, selection: Selection, date_override=None, warn=None,
                 notice=None):
        self.config = config
        self.pm = pm
        self.selection = selection
        self.date_override = date_override
        #: Publication dates by path, for articles whose date travels beside the text (an
        #: archive export, a CMS field); ``date_override`` (``--date``) still wins.
        self.dates: dict = {}
        self.warn = warn or (lambda message: None)
        self.notice = notice
        self.parsers: dict = {}
        for mapping in pm.hook.newslint_register_parsers():
            for suffix, fn in (mapping or {}).items():
                self.parsers[suffix.lower()] = fn
        self.rules: dict = {}
        for plugin_rules in pm.hook.newslint_register_rules(config=config):
            for rule in plugin_rules or ():
                self._add_rule(rule)
        config.validate_rules(self.rules)
        self.active = [r for r in self.rules.values() if selection.rule_runs(r)]
        self.options = {r.id: config.rule_options(r) for r in self.active}
        self._started: list = []
        #: Keep each file's text and blocks on its outcome (for formatters that render them).
        self.keep_source = False
        #: Outcomes of files already checked, by path, suffix, date and text; set by a
        #: long-lived process (the server), which checks the same unchanged files again and
        #: again. None: no memory between runs.
        self.memo: Optional[dict] = None
        #: The result cache (:class:`~newslint.resultcache.ResultCache`) a run reads and
        #: writes, set by :meth:`use_result_cache`; None: every file is checked.
        self.results = None
        self._results_settings: Optional[str] = None

    def _add_rule(self, rule) -> None:
        if not rule.id:
            raise ConfigError(f"a rule of type {type(rule).__name__} has no id")
        if rule.id in self.rules:
            raise ConfigError(f"two rules are registered as {rule.id!r} "
                              f"({type(self.rules[rule.id]).__name__} and {type(rule).__name__})")
        if rule.category not in CATEGORIES or rule.severity not in SEVERITIES:
            raise ConfigError(f"rule {rule.id!r}: category must be one of {CATEGORIES} and "
                              f"severity one of {SEVERITIES}")
        if not isinstance(rule, (DocumentRule, CorpusRule)):
            raise ConfigError(f"rule {rule.id!r} is neither a DocumentRule nor a CorpusRule")
        self.rules[rule.id] = rule

    def use_result_cache(self, path) -> None:
        """Read unchanged articles' outcomes from the result cache at ``path`` and keep new
        ones there (see :mod:`newslint.resultcache`); from :meth:`start` on."""
        from newslint.resultcache import ResultCache

        self.results = ResultCache(path, self.warn)

    # -- lifecycle ------------------------------------------------------------------------
    def start(self, jobs: int = 1) -> None:
        for rule in self.active:
            context = RunContext(self.config, self.options[rule.id], self.warn, jobs,
                                 self.notice)
            rule.start(context)
            self._started.append(rule)
        if self.results is not None:
            from newslint.resultcache import settings_key

            self._results_settings = settings_key(self)

    def stop(self) -> None:
        while self._started:
            rule = self._started.pop()
            try:
                rule.stop()
            except Exception as exc:  # stopping must never hide the run's result
                self.warn(f"rule {rule.id} failed to stop cleanly: {exc}")

    # -- one file -------------------------------------------------------------------------
    def check_file(self, path: str, text: Optional[str] = None, suffix: Optional[str] = None,
                   pub_date: Optional[_dt.date] = None) -> FileOutcome:
        """One file (or one article of an archive, given as ``text`` with its own
        ``pub_date``; ``--date`` still wins)."""
        if self.memo is None:
            if self.results is not None and self._results_settings is not None:
                return self._cached(path, text, suffix, pub_date)
            return self._limited(path, text, suffix, pub_date)
        text = self._text(path, text)
        if isinstance(text, FileOutcome):
            return text
        key = (path, suffix, self._date_for(path, pub_date), text)
        known = self.memo.get(key)
        if known is None:
            known = self._limited(path, text, suffix, pub_date)
            if known.errors:  # e.g. LanguageTool failed: try again next time
                return known
            if len(self.memo) >= MEMO_FILES:
                self.memo.clear()
            self.memo[key] = known
        return known.copy()

    def _text(self, path: str, text: Optional[str]):
        """The article's text (read from ``path`` when not given), or the outcome of a file
        that cannot be read."""
        if text is not None:
            return text
        try:
            return self._read(path)
        except InputError as exc:
            out = FileOutcome(path)
            out.errors.append(FileError(path, str(exc), "input"))
            return out

    def _cached(self, path: str, text: Optional[str], suffix: Optional[str],
                pub_date: Optional[_dt.date]) -> FileOutcome:
        """One file through the result cache: read back when its content and the settings
        are those of an earlier run, else checked and kept."""
        from newslint.resultcache import article_key

        text = self._text(path, text)
        if isinstance(text, FileOutcome):
            return text
        key = article_key(self._results_settings, path, suffix, self._date_for(path, pub_date),
                          self.keep_source, text)
        known = self.results.get(key)
        if known is not None and known.path == path:
            return known
        out = self._limited(path, text, suffix, pub_date)
        if not out.errors:  # e.g. a time limit: try again next time
            self.results.put(key, out)
        return out

    def _limited(self, path: str, text: Optional[str], suffix: Optional[str],
                 pub_date: Optional[_dt.date] = None) -> FileOutcome:
        """One file checked under ``file_time_limit``."""
        from newslint.timelimit import FileTimeLimit, time_limit

        limit = self.config.values.get("file_time_limit", 0)
        try:
            with time_limit(limit):
                return self._check_file(path, text, suffix, pub_date)
        except FileTimeLimit:
            out = FileOutcome(path)
            out.errors.append(FileError(
                path, f"{path}: not checked: it took more than {limit:g} s of processor time "
                      f"(file_time_limit)", "input"))
            return out

    def _check_file(self, path: str, text: Optional[str], suffix: Optional[str],
                    pub_date: Optional[_dt.date] = None) -> FileOutcome:
        out = FileOutcome(path)
        try:
            if text is None:
                text = self._read(path)
            doc = parse_document(path, text, suffix or os.path.splitext(path)[1],
                                 self._date_for(path, pub_date), self.parsers)
        except InputError as exc:
            out.errors.append(FileError(path, str(exc), "input"))
            return out
        except RecursionError:
            out.errors.append(FileError(path, f"{path}: nesting too deep to parse", "input"))
            return out
        except Exception as exc:
            out.errors.append(FileError(
                path, f"{path}: the parser failed: {type(exc).__name__}: {exc}", "internal"))
            return out
        out.pub_date = doc.pub_date
        if self.keep_source:
            from newslint.source import ArticleSource
            out.source = ArticleSource.from_document(doc)
        out.suppressions = doc.suppressions
        out.words = sum(len(b.tokens) for b in doc.blocks)
        raw: list[Finding] = []
        verbatim = VerbatimSpans(doc)
        for rule in self.active:
            opts = self.options[rule.id]
            try:
                if isinstance(rule, CorpusRule):
                    out.corpus[rule.id] = rule.collect(doc, opts)
                    continue
                for match in rule.check(doc, opts):
                    if not verbatim.keeps(rule, match):
                        continue
                    raw.append(self._finding(doc, rule, match))
            except NewslintError as exc:
                # A rule that cannot work on this file for a reason it can state (LanguageTool
                # stopped answering): one clear error for the file, not a crash report.
                out.errors.append(FileError(path, f"{path}: {exc}", "input"))
            except Exception as exc:
                raw.append(self._internal_error(doc, rule, exc))
        out.findings = one_finding_per_fault(self._filter(raw, out.suppressions))
        return out

    def _date_for(self, path: str, pub_date=None):
        """``--date``, else the date given with the article, else the run's ``dates``."""
        if self.date_override is not None:
            return self.date_override
        return pub_date if pub_date is not None else self.dates.get(path)

    def _read(self, path: str) -> str:
        from newslint.reading import read_article

        return decode(path, read_article(path, self.config.max_file_size))

    def _finding(self, doc, rule, match) -> Finding:
        rid = match.rule or rule.id
        severity = self.config.rule_setting(rid, "severity") or \
            self.config.rule_setting(rule.id, "severity")
        return finding_from_match(doc, rule, match, severity)

    def _internal_error(self, doc, rule, exc) -> Finding:
        import traceback  # only when a rule has failed

        frame = traceback.extract_tb(exc.__traceback__)[-1] if exc.__traceback__ else None
        where = f" at {os.path.basename(frame.filename)}:{frame.lineno}" if frame else ""
        message = (f"rule {rule.id} raised {type(exc).__name__}: {exc}{where}; the rest of the "
                   f"file was checked by the other rules")
        return Finding.from_span(doc.span(0, 0), rule="internal-error", category=rule.category,
                                 severity="error", message=message)

    def _filter(self, raw, suppressions) -> list:
        kept = []
        for f in raw:
            if f.rule != "internal-error":
                rule = self.rules.get(f.rule) or self.rules.get(f.rule.split("/", 1)[0])
                if rule is not None and not self.selection.keeps(f, rule):
                    continue
                if is_suppressed(f, suppressions):
                    continue
            kept.append(f)
        return kept

    # -- the whole run --------------------------------------------------------------------
    def run(self, paths: list, jobs: int = 1, progress=None, stdin_text=None,
            stdin_suffix=None, executor=None) -> RunResult:
        """Check ``paths`` (file paths, or :class:`~newslint.archive.inputs.Article` items
        read from an archive), then run the corpus rules once over all of them.

        ``executor`` decides where the per-document work runs (see
        :mod:`newslint.archive.dask_executor`): ``executor.check_all(engine, items, progress)``
        returns one :class:`FileOutcome` per item; None runs it here or in a ``jobs`` pool.
        """
        if executor is not None:
            outcomes = []
            if "-" in paths:  # standard input is read here, so it is checked here
                outcomes.append(self.check_file(stdin_suffix[0], stdin_text, stdin_suffix[1]))
            outcomes += executor.check_all(self, [p for p in paths if p != "-"], progress)
            outcomes.sort(key=lambda fo: fo.path)
        else:
            outcomes = self._check_all(paths, jobs, progress, stdin_text, stdin_suffix)
        return self.finish_run(outcomes, executor)

    def finish_run(self, outcomes: list, executor=None) -> RunResult:
        """Corpus rules' ``finish``, unused suppressions and the final order, over outcomes
        sorted by path wherever they were checked. An ``executor`` with ``corpus_matches``
        may finish a corpus rule itself (the cluster merges the duplicate index)."""
        self._run_corpus_rules(outcomes, executor)
        self._report_unused_suppressions(outcomes)
        for fo in outcomes:
            # Again, now that corpus rules have added theirs (a copy from another file).
            fo.findings = one_finding_per_fault(fo.findings)
            fo.findings.sort(key=lambda f: f.sort_key)
        return RunResult(outcomes, [r for r in self.active if r.available])

    def _check_all(self, paths, jobs, progress, stdin_text, stdin_suffix) -> list:
        total = len(paths)
        outcomes: list = []
        disk = [p for p in paths if p != "-"]
        if "-" in paths:
            outcomes.append(self.check_file(stdin_suffix[0], stdin_text, stdin_suffix[1]))
        if jobs > 1 and len(disk) > 1:
            import multiprocessing
            from concurrent.futures import ProcessPoolExecutor

            global _WORKER_ENGINE
            _WORKER_ENGINE = self
            ctx = multiprocessing.get_context("fork")
            ordered = _largest_first(disk)
            # The smallest file is checked here first: that imports the parsers, loads the
            # rules' data and compiles their patterns once, and the workers inherit all of it
            # instead of each doing it again while sharing the cores.
            outcomes.append(check_item(self, ordered.pop()))
            if progress:
                progress(len(outcomes), total)
            # Small chunks, largest files first: the last chunks are then short, so no worker
            # sits idle while another finishes a long tail (outcomes are sorted by path below).
            chunk = max(1, min(4, len(ordered) // (jobs * 4) or 1))
            from newslint.signals import end_workers, worker_setup

            pool = ProcessPoolExecutor(max_workers=jobs, mp_context=ctx,
                                       initializer=worker_setup)
            try:
                for fo in _forked_map(pool, ordered, chunk):
                    outcomes.append(fo)
                    if progress:
                        progress(len(outcomes), total)
            except BaseException:  # Ctrl-C, SIGTERM: the workers stop now, not after the queue
                end_workers(pool)
                raise
            pool.shutdown(wait=True)
        else:
            for p in disk:
                outcomes.append(check_item(self, p))
                if progress:
                    progress(len(outcomes), total)
        outcomes.sort(key=lambda fo: fo.path)
        return outcomes

    def _run_corpus_rules(self, outcomes, executor=None) -> None:
        by_path = {fo.path: fo for fo in outcomes}
        elsewhere = getattr(executor, "corpus_matches", None)
        for rule in self.active:
            if not isinstance(rule, CorpusRule):
                continue
            try:
                matches = elsewhere and elsewhere(rule, self.options[rule.id], outcomes)
                if matches is None:
                    items = [(DocInfo(fo.path, fo.pub_date, i), fo.corpus[rule.id])
                             for i, fo in enumerate(outcomes) if rule.id in fo.corpus]
                    matches = list(rule.finish(items, self.options[rule.id]))
            except Exception as exc:
                for fo in outcomes:
                    if rule.id in fo.corpus:
                        fo.findings.append(Finding(
                            rule="internal-error", category=rule.category, severity="error",
                            message=f"corpus rule {rule.id} raised {type(exc).__name__}: {exc}",
                            path=fo.path, line=1, column=1, end_line=1, end_column=1,
                            offset=0, length=0, excerpt=""))
                        break
                continue
            for match in matches:
                finding = self._finding(None, rule, match)
                fo = by_path.get(finding.path)
                if fo is None:
                    continue
                fo.findings.extend(self._filter([finding], fo.suppressions))

    def _report_unused_suppressions(self, outcomes) -> None:
        meta = self.rules.get("unused-suppression")
        if meta is None or meta not in self.active:
            return
        active_ids = [r.id for r in self.active if r.available]
        for fo in outcomes:
            for sup in fo.suppressions:
                if sup.used:
                    continue
                named = sup.rules or ("",)
                if sup.rules and not all(any(a == r or a.startswith(r) or r.startswith(a + "/")
                                             for a in active_ids) for r in named):
                    continue  # it names a rule that did not run: nothing to judge
                fo.findings.append(Finding.from_span(
                    sup.span, rule=meta.id, category=meta.category,
                    severity=self.config.rule_setting(meta.id, "severity") or meta.severity,
                    message="this newslint-disable comment suppressed nothing; remove it"))


_WORKER_ENGINE: Optional[Engine] = None


def _largest_first(paths: list) -> list:
    def size(path) -> int:
        if not isinstance(path, str):  # an article read from an archive
            return len(path.text)
        try:
            return os.stat(path).st_size
        except OSError:  # reported when the file is read
            return 0

    return sorted(paths, key=size, reverse=True)


def check_item(engine: Engine, item) -> FileOutcome:
    """Check a file path or an archive's article (anything with ``path``, ``text``,
    ``suffix`` and ``pub_date``)."""
    if isinstance(item, str):
        return engine.check_file(item)
    return engine.check_file(item.path, item.text, item.suffix, item.pub_date)


def _forked_map(pool, items: list, chunk: int):
    """``pool.map`` of :func:`_worker_check` over ``items``; the workers are forked as it
    submits the first chunk. What they inherit (rules, their data and patterns) lives as long
    as they do: frozen, the garbage collector stops walking it in every collection (about 4%
    of a worker's time) and leaves the pages shared with this process uncopied."""
    import gc

    gc.freeze()
    try:
        return pool.map(_worker_check, items, chunksize=chunk)
    finally:
        gc.unfreeze()  # this process may go on (a server): its objects are collected as before


def _worker_check(item) -> FileOutcome:
    return check_item(_WORKER_ENGINE, item)
