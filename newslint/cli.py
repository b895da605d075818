"""The ``newslint`` command line. Exit codes: see :class:`newslint.exitcodes.ExitCode`."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from newslint import __version__
from newslint.errors import NewslintError, UsageError
from newslint.exitcodes import ExitCode

from newslint.launcher import COMMANDS

#: Set inside the warm server: ``(args, start) -> Checker`` hands out a loaded, running checker
#: for the run's configuration instead of loading one per run. None: load one per run.
CHECKER_SOURCE = None


def _terminal_columns() -> int:
    """``shutil.get_terminal_size().columns``, the width argparse lays help out to."""
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns
        except (AttributeError, ValueError, OSError):  # no terminal: shutil's fallback
            columns = 0
    return columns or 80


class _HelpFormatter(argparse.HelpFormatter):
    """argparse's own layout. argparse builds a formatter for every argument it adds and each
    one imported shutil (and its compression modules) to ask the terminal's width."""

    def __init__(self, prog, indent_increment=2, max_help_position=24, width=None):
        if width is None:
            width = _terminal_columns() - 2  # as argparse does
        super().__init__(prog, indent_increment, max_help_position, width)


class _Parser(argparse.ArgumentParser):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("formatter_class", _HelpFormatter)
        super().__init__(*args, **kwargs)

    def error(self, message):  # usage errors exit 2 with one line, like the rest
        self.print_usage(sys.stderr)
        sys.stderr.write(f"newslint: error: {message}\n")
        raise SystemExit(ExitCode.USAGE)


def _add_selection_args(p) -> None:
    p.add_argument("--config", metavar="FILE", help="configuration file (default: the nearest "
                   ".newslint.yaml or pyproject.toml with [tool.newslint])")
    p.add_argument("--select", metavar="RULES", help="comma-separated rule ids, prefixes or "
                   "categories to run instead of the default set")
    p.add_argument("--extend-select", metavar="RULES", help="rules to run in addition to the "
                   "default set (e.g. an opt-in pack: ap)")
    p.add_argument("--ignore", metavar="RULES", help="rules or categories not to run")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="newslint", description="Editorial QA linter for news articles.")
    parser.add_argument("--version", action="version", version=f"newslint {__version__}")
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)

    check = sub.add_parser("check", help="check files or directories",
                           description="Check articles (.md, .markdown, .html, .htm, .txt; "
                                       "'-' reads standard input).")
    check.add_argument("paths", nargs="*", metavar="PATH", help="files or directories")
    _add_selection_args(check)
    check.add_argument("--format", default="text", help="output format: text (default), json, "
                       "jsonl (one finding a line), sarif, github, gitlab, html (a report for "
                       "editors; use with --output), or one a plugin adds")
    check.add_argument("--output", "-o", metavar="FILE", help="write the report to FILE")
    check.add_argument("--fail-on", choices=("error", "warning", "info"),
                       help="lowest severity that makes the exit code 1 (default: warning)")
    check.add_argument("--date", metavar="YYYY-MM-DD", help="publication date; overrides front "
                       "matter, meta tags and datelines")
    check.add_argument("--stdin-filename", metavar="NAME", help="name (and so format) of the "
                       "text read from '-'")
    check.add_argument("--jobs", "-j", type=int, metavar="N", help="parallel processes "
                       "(default: the number of cores)")
    check.add_argument("--quiet", "-q", action="store_true", help="only findings at warning "
                       "or above; no summary or progress")
    check.add_argument("--no-cache", action="store_true", help="do not read or write the "
                       "result and LanguageTool caches: check every article afresh")
    check.add_argument("--color", choices=("auto", "always", "never"), default="auto")
    check.add_argument("--no-server", action="store_true", help="check in this process, not "
                       "through the warm server (see `newslint server`)")
    fixes = check.add_argument_group("fixes")
    fixes.add_argument("--fix", action="store_true", help="apply the fixes rules mark safe, "
                       "then report what remains")
    fixes.add_argument("--unsafe-fixes", action="store_true", help="with --fix, apply the "
                       "fixes marked unsafe too")
    fixes.add_argument("--fix-diff", action="store_true", help="print the fixes as a unified "
                       "diff and write nothing")
    from newslint.archive.options import add_arguments as add_archive_arguments
    add_archive_arguments(check)
    ci = check.add_argument_group("baseline and changed lines")
    ci.add_argument("--baseline", metavar="FILE", help="report only findings not recorded in "
                    "FILE (default: the `baseline` setting)")
    ci.add_argument("--write-baseline", metavar="FILE", help="record every current finding in "
                    "FILE (sorted JSON for version control) and report none of them")
    ci.add_argument("--list-stale", action="store_true", help="list baseline entries that no "
                    "longer match a finding, on standard error")
    ci.add_argument("--prune-baseline", action="store_true", help="remove baseline entries "
                    "that no longer match a finding from the baseline file")
    ci.add_argument("--diff", metavar="REF", help="report only findings on lines changed since "
                    "the git REF (and repeats from other files in changed files)")

    rules = sub.add_parser("rules", help="list rules")
    _add_selection_args(rules)
    rules.add_argument("--format", choices=("text", "json"), default="text")

    explain = sub.add_parser("explain", help="show a rule's documentation")
    explain.add_argument("rule", metavar="RULE")
    explain.add_argument("--config", metavar="FILE")

    config = sub.add_parser("config", help="print the effective configuration")
    config.add_argument("path", nargs="?", default=".", metavar="PATH",
                        help="where to look for configuration (default: here)")
    config.add_argument("--config", metavar="FILE")

    server = sub.add_parser("server", help="the warm background server that answers "
                            "`newslint check` (start, stop, status)")
    server.add_argument("action", choices=("start", "stop", "status"))
    server.add_argument("--idle-timeout", type=float, metavar="SECONDS", help="exit after "
                        "this long without a request (default: server.idle_timeout, 900)")
    server.add_argument("--config", metavar="FILE", help="configuration to load at start "
                        "(default: the nearest one from here)")

    sub.add_parser("lsp", help="the language server for editors (Language Server Protocol over "
                   "standard input and output)")

    sub.add_parser("languagetool", help="install or inspect the LanguageTool server "
                   "(run `newslint languagetool --help`)", add_help=False)
    return parser


_PARSER = None


def _server_parser():
    """One parser for every run of a long-lived process: building it costs more than the
    warm server's whole check of one file."""
    global _PARSER
    if _PARSER is None:
        _PARSER = build_parser()
    return _PARSER


def main(argv=None) -> int:
    """The command line, in this process (:func:`newslint.launcher.main` asks the server
    first)."""
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] == "languagetool":
        return _languagetool(argv[1:])
    if argv and argv[0] not in COMMANDS and not argv[0].startswith("-"):
        from newslint.suggest import command_typo
        typo = command_typo(argv[0], COMMANDS)
        if typo:
            _say(f"unknown command {argv[0]!r} (did you mean {' or '.join(typo)}?); "
                 f"to check a file of that name, write `newslint check {argv[0]}`")
            return ExitCode.USAGE
        argv.insert(0, "check")  # `newslint article.md` means `newslint check article.md`
    parser = _server_parser() if CHECKER_SOURCE is not None else build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return ExitCode.USAGE
    from newslint.signals import EXIT_SIGINT, EXIT_SIGTERM, Terminated, sigterm_stops_run
    try:
        if args.command == "check":
            with sigterm_stops_run():
                return _check(args)
        if args.command == "rules":
            return _rules(args)
        if args.command == "explain":
            return _explain(args)
        if args.command == "config":
            return _config(args)
        if args.command == "lsp":
            from newslint.lsp import main as lsp_main
            return lsp_main()
        if args.command == "server":
            from newslint.server.client import server_command
            return server_command(args)
    except NewslintError as exc:
        _say(str(exc))
        return ExitCode.USAGE
    except Terminated:
        _say("terminated")
        return EXIT_SIGTERM
    except KeyboardInterrupt:
        _say("interrupted")
        return EXIT_SIGINT
    except BrokenPipeError:
        # `newslint … | head`: the reader went away; say nothing more.
        try:
            sys.stdout = open(os.devnull, "w")
        except OSError:
            pass
        return ExitCode.OK
    return ExitCode.USAGE


def _say(message: str) -> None:
    sys.stderr.write(f"newslint: {message}\n")


def _warn_once():
    seen = set()

    def warn(message: str) -> None:
        if message not in seen:
            seen.add(message)
            sys.stderr.write(f"newslint: warning: {message}\n")
    return warn


def _notice(message: str) -> None:
    """A note for a person at a terminal (what a long wait is for); nothing otherwise."""
    if sys.stderr.isatty():
        sys.stderr.write(f"newslint: {message}\n")
        sys.stderr.flush()


def _split(value):
    return [v.strip() for v in value.split(",") if v.strip()] if value else None


# -- shared set-up ------------------------------------------------------------------------
def _setup(args, start: Path):
    """The :class:`~newslint.checker.Checker` for a command: configuration, plugins, rules."""
    from newslint.checker import Checker

    if CHECKER_SOURCE is not None and args.command == "check":
        return CHECKER_SOURCE(args, start)
    return Checker.load(
        config_file=Path(args.config) if getattr(args, "config", None) else None, start=start,
        select=_split(getattr(args, "select", None)),
        extend_select=_split(getattr(args, "extend_select", None)),
        ignore=_split(getattr(args, "ignore", None)), warn=_warn_once(), notice=_notice)


# -- check --------------------------------------------------------------------------------
#: What '-' is called, and so parsed as, without --stdin-filename: plain text.
STDIN_DEFAULT_NAME = "stdin.txt"


def _check(args) -> int:
    from newslint.config import parse_date_option
    from newslint.discovery import discover
    from newslint.checker import summarize
    from newslint.finding import FileError

    from newslint.archive.options import extend_paths, leave_out_languagetool
    paths = extend_paths(args)
    leave_out_languagetool(args)
    if not paths:
        raise UsageError("nothing to check: give files or directories (or '-' for stdin)")
    if "-" in paths and not args.stdin_filename:
        args.stdin_filename = STDIN_DEFAULT_NAME  # plain text unless said otherwise
    date = parse_date_option(args.date, "--date") if args.date else None
    first = Path(paths[0]) if paths[0] != "-" else Path(args.stdin_filename or ".")
    checker = _setup(args, first if first.exists() else Path.cwd())
    if CHECKER_SOURCE is None:
        # A run of its own: what is loaded now (modules, rules, packs, word lists) lives as
        # long as the process, set apart from the garbage collector, which would otherwise
        # walk all of it again and again while the articles' objects come and go. (Not in
        # the warm server, which runs this for every request: each freeze would keep
        # whatever cyclic garbage was left from the request before.)
        import gc
        gc.freeze()
    config = checker.config
    _server_section(config)
    # Always set: a warm checker keeps the engine from one run to the next.
    checker.engine.date_override = date if date is not None else config.date
    if args.no_cache:
        config.use_cache = False
    if config.use_cache and config.cache_dir_or_none is not None:
        from newslint.resultcache import CACHE_FILE
        checker.engine.use_result_cache(config.cache_dir / CACHE_FILE)
    fail_on = args.fail_on or config.fail_on

    formatters = checker.formatters
    if args.format not in formatters:
        raise UsageError(f"--format: unknown format {args.format!r} "
                         f"(available: {', '.join(sorted(formatters))})")

    # Checked before the run so that a bad baseline or git ref fails at once.
    from newslint.filters.baseline import BaselinePlan
    baseline_plan = BaselinePlan.from_options(args, config)
    changes = None
    if args.diff:  # git and subprocess are imported only when asked for
        from newslint.filters.gitdiff import ChangedLines
        changes = ChangedLines.since(args.diff, first if first.exists() else Path.cwd())

    missing = []
    present = []
    for p in paths:
        if p == "-" or os.path.exists(p):
            present.append(p)
        else:
            missing.append(p)
    files = (discover(present, checker.parsers, config.exclude, notice=checker.engine.warn)
             if present else [])
    if args.output:  # also an article found in a folder being checked
        from newslint.output_file import refuse_inputs
        refuse_inputs(args.output, list(paths) + list(files))
    stdin_text = None
    stdin_name = None
    if "-" in files:
        from newslint.engine import decode
        data = sys.stdin.buffer.read()
        name = args.stdin_filename
        try:
            stdin_text = decode(name, data)
        except NewslintError as exc:
            files.remove("-")
            missing.append(FileError(name, str(exc)))
        else:
            stdin_name = name

    if not files and not missing:
        checker.engine.warn(f"no articles found in {', '.join(paths)} (newslint reads "
                            f"{', '.join(sorted(checker.parsers))} files)")
    jobs = args.jobs if args.jobs is not None else (config.jobs or os.cpu_count() or 1)
    jobs = max(1, jobs)
    progress = None
    if (args.progress or sys.stderr.isatty()) and not args.quiet and len(files) > 1:
        from newslint.archive.progress import progress_line
        progress = progress_line(sys.stderr)

    from contextlib import nullcontext
    from newslint.archive.options import prepare, wants_archive_run
    executor = None
    if wants_archive_run(args, files):
        files, executor, archive_errors = prepare(args, checker, files, jobs)
        missing.extend(archive_errors)
    needs_source = getattr(formatters[args.format], "needs_source", False)
    with checker.start(jobs), (executor or nullcontext()):
        if args.fix or args.unsafe_fixes or args.fix_diff:
            from newslint.fixes import fix_files
            fix_files(checker, files, unsafe=args.unsafe_fixes, diff=args.fix_diff,
                      write=sys.stdout.write, say=_say)
        result = checker.run(files, progress=progress, stdin_text=stdin_text,
                             stdin_name=stdin_name, keep_source=needs_source,
                             executor=executor)
    if executor is not None:
        missing.extend(executor.errors)

    outcomes = result.files
    baseline_plan.apply(outcomes, result.rules, _say, quiet=args.quiet)
    if changes is not None:
        changes.restrict(outcomes)
    extra_errors = []
    for m in missing:
        if isinstance(m, FileError):
            extra_errors.append(m)
        else:
            extra_errors.append(FileError(m, f"{m}: no such file or directory"))

    summary = summarize(outcomes, extra_errors, fail_on)
    code = ExitCode(summary.exit_code)

    if args.output:
        from newslint.output_file import atomic_output
        with atomic_output(args.output) as stream:
            _report(args, stream, formatters, result, outcomes, extra_errors, summary,
                    needs_source)
    else:
        _report(args, sys.stdout, formatters, result, outcomes, extra_errors, summary,
                needs_source)
        sys.stdout.flush()
    return int(code)


def _report(args, stream, formatters, result, outcomes, extra_errors, summary, needs_source):
    """Write the report of a finished run to ``stream``."""
    color = _use_color(args.color, stream)
    formatter = formatters[args.format](
        stream, color=color, quiet=args.quiet,
        rules={r.id: r for r in result.rules}, root=os.getcwd())
    formatter.start()
    for err in extra_errors:
        if needs_source:
            formatter.file(err.path, [], [err], source=None)
        else:
            formatter.file(err.path, [], [err])
    for fo in outcomes:
        if needs_source:
            formatter.file(fo.path, fo.findings, fo.errors, source=fo.source)
        else:
            formatter.file(fo.path, fo.findings, fo.errors)
    formatter.finish(summary)


def _server_section(config) -> dict:
    """The validated ``server:`` section."""
    from newslint.errors import ConfigError
    from newslint.server.settings import MODES

    section = config.section("server")
    if section["mode"] not in MODES:
        raise ConfigError(f"{config.where}: server.mode: expected one of {', '.join(MODES)}, "
                          f"got {section['mode']!r}")
    if section["idle_timeout"] <= 0:
        raise ConfigError(f"{config.where}: server.idle_timeout: expected a number of seconds "
                          f"above 0, got {section['idle_timeout']!r}")
    return section


def _use_color(choice: str, stream) -> bool:
    if choice == "always":
        return True
    if choice == "never" or os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return hasattr(stream, "isatty") and stream.isatty()


# -- rules, explain, config ---------------------------------------------------------------
def _rules(args) -> int:
    import json

    checker = _setup(args, Path.cwd())
    active = {r.id for r in checker.active}
    rows = sorted(checker.rules.values(), key=lambda r: (r.origin != "newslint", r.id))
    if args.format == "json":
        json.dump([{"id": r.id, "category": r.category, "severity": r.severity,
                    "enabled": r.id in active, "origin": r.origin, "summary": r.summary}
                   for r in rows], sys.stdout, indent=2)
        sys.stdout.write("\n")
        return ExitCode.OK
    width = max(len(r.id) for r in rows)
    for r in rows:
        flag = "on " if r.id in active else "off"
        sys.stdout.write(f"{r.id:<{width}}  {flag}  {r.category:<12} {r.severity:<8} "
                         f"{r.origin:<10} {r.summary}\n")
    return ExitCode.OK


def _explain(args) -> int:
    from newslint.explain import explain_text

    checker = _setup(args, Path.cwd())
    text = explain_text(checker, args.rule)
    if text is None:
        from newslint.suggest import did_you_mean
        hint = did_you_mean(args.rule, checker.rules)
        raise UsageError(f"no rule named {args.rule!r}{hint}; `newslint rules` lists them")
    sys.stdout.write(text)
    return ExitCode.OK


def _config(args) -> int:
    import yaml

    config = _setup(args, Path(args.path)).config
    data = config.to_dict()
    sys.stdout.write(f"# from {config.path or 'defaults (no configuration file found)'}\n")
    sys.stdout.write(yaml.safe_dump(data, sort_keys=False, allow_unicode=True))
    return ExitCode.OK


def _languagetool(argv) -> int:
    try:
        from newslint.languagetool.cli import main as lt_main
    except ImportError:
        _say("the languagetool command is not available in this installation")
        return ExitCode.USAGE
    try:
        return lt_main(argv)
    except NewslintError as exc:
        _say(str(exc))
        return ExitCode.USAGE
