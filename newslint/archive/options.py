"""The command line's archive options, kept here so that the CLI only calls in."""

from __future__ import annotations

from newslint.archive import is_archive


def add_arguments(check) -> None:
    """``--dask`` and ``--files-from`` on ``newslint check``."""
    group = check.add_argument_group("archives and clusters")
    group.add_argument("--files-from", metavar="FILE", help="check the paths listed in FILE, "
                       "one a line ('-' reads them from standard input)")
    group.add_argument("--progress", action="store_true", help="show files done, rate and "
                       "time left on standard error even when it is not a terminal")
    group.add_argument("--dask", metavar="ADDRESS", help="check on a Dask cluster: a "
                       "scheduler address (tcp://host:8786) or 'local' for a cluster of "
                       "--jobs worker processes here (needs newslint[dask]); LanguageTool "
                       "is off unless selected by name (--extend-select languagetool)")


def extend_paths(args) -> list:
    """The command line's paths plus those of ``--files-from``."""
    paths = list(args.paths)
    if getattr(args, "files_from", None):
        from newslint.archive.inputs import paths_from

        paths.extend(paths_from(args.files_from))
    return paths


def wants_archive_run(args, files: list) -> bool:
    return bool(getattr(args, "dask", None)) or any(
        isinstance(f, str) and is_archive(f) for f in files)


def leave_out_languagetool(args) -> None:
    """A cluster run leaves LanguageTool out unless it is selected by name: a server per
    worker costs more than all the other rules together."""
    if not getattr(args, "dask", None):
        return
    named = ",".join(filter(None, (args.select, args.extend_select)))
    if "languagetool" not in named.split(","):
        args.ignore = ",".join(filter(None, (args.ignore, "languagetool")))


def prepare(args, checker, files: list, jobs: int):
    """``(items, executor, errors)``: archives opened for this machine (their articles join
    the items) or handed to a cluster executor (which reads them on its workers)."""
    from newslint.finding import FileError

    archives = [f for f in files if isinstance(f, str) and is_archive(f)]
    items = [f for f in files if not (isinstance(f, str) and is_archive(f))]
    errors: list = []
    if not args.dask:
        from newslint.archive.inputs import read_all

        for path in archives:
            articles, bad = read_all(path)
            items.extend(articles)
            errors.extend(bad)
        return items, None, errors
    from newslint.archive.dask_executor import DaskExecutor
    from newslint.archive.inputs import partitions
    from newslint.errors import InputError

    readable = []
    for path in archives:
        try:
            partitions(path, 1 << 30)  # can the client open it? a cheap check
        except InputError as exc:
            errors.append(FileError(path, str(exc), "input"))
        else:
            readable.append(path)
    config = checker.config
    load = {"config_file": config.path,
            "select": _split(args.select), "extend_select": _split(args.extend_select),
            "ignore": _split(args.ignore)}
    executor = DaskExecutor(args.dask, jobs, load, checker.engine.date_override,
                            config.use_cache, readable)
    return items, executor, errors


def _split(value):
    return [v.strip() for v in value.split(",") if v.strip()] if value else None
