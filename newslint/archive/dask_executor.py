"""Per-document work on a Dask distributed cluster; the corpus rules finish on the client.

Each worker builds one :class:`~newslint.checker.Checker` when it joins (a worker plugin, so a
worker that replaces a lost one builds its own too) and checks whole partitions with it: a list
of file paths, or a :class:`~newslint.archive.inputs.Partition` of an archive that the worker
reads itself. A task returns the partition's outcomes, corpus rules' summaries included
(``collect`` runs next to the document); the client gathers them as they complete and the
engine runs each corpus rule's ``finish`` once, exactly as after a ``--jobs`` run, so the two
give the same findings.

Dask retries the tasks of a worker that dies (its nanny starts a new one), so a lost worker
costs time, not output.
"""

from __future__ import annotations

from typing import Optional

from newslint.errors import UsageError

#: Name under which each worker keeps its checker.
PLUGIN_NAME = "newslint-checker"


def _distributed():
    try:
        import distributed
    except ImportError:
        raise UsageError("--dask needs Dask: pip install 'newslint[dask]'") from None
    return distributed


class CheckerPlugin:
    """Builds the worker's checker once, from the same settings as the client's.

    Made a real ``distributed.WorkerPlugin`` by :func:`_plugin_class` (so that importing this
    module does not import Dask).
    """

    def __init__(self, load: dict, date_override, use_cache: bool):
        self.load = load
        self.date_override = date_override
        self.use_cache = use_cache

    def setup(self, worker):
        from newslint.checker import Checker

        import logging

        log = logging.getLogger("newslint")
        checker = Checker.load(warn=log.warning, **self.load)
        checker.engine.date_override = self.date_override
        checker.config.use_cache = self.use_cache
        if self.use_cache and checker.config.cache_dir_or_none is not None:
            from newslint.resultcache import CACHE_FILE
            checker.engine.use_result_cache(checker.config.cache_dir / CACHE_FILE)
        checker.start(1)
        worker._newslint_checker = checker

    def teardown(self, worker):
        checker = getattr(worker, "_newslint_checker", None)
        if checker is not None:
            checker.stop()


def _plugin_class():
    distributed = _distributed()
    return type("NewslintCheckerPlugin", (CheckerPlugin, distributed.WorkerPlugin),
                {"name": PLUGIN_NAME})


def check_partition(part) -> tuple[list, list, object]:
    """Runs on a worker: ``(outcomes, errors, piece)`` of one partition, where ``piece`` is its
    part of the cross-file duplicate index (:mod:`newslint.archive.dupindex`), kept on the
    cluster rather than sent to the client."""
    from distributed import get_worker

    from newslint.archive.dupindex import take_piece
    from newslint.engine import check_item

    engine = get_worker()._newslint_checker.engine
    if isinstance(part, list):
        outcomes, errors = [check_item(engine, path) for path in part], []
    else:
        articles, errors = part.read()
        outcomes = [check_item(engine, a) for a in articles]
    return outcomes, errors, take_piece(outcomes)


def _outcomes(result) -> tuple:
    return result[0], result[1]


def _piece(result):
    return result[2]


def buckets_for(partitions: int, workers: int) -> int:
    """Hash buckets of the merged duplicate index: two per worker at least, so that every
    worker shares the merge, and more as the archive grows (the square root of the partitions:
    a million articles give 45 buckets of some 3 million sampled hashes each, and 90,000 small
    tasks to route the pieces into them)."""
    import math

    return max(2, min(256, max(2 * workers, math.isqrt(partitions))))


class DaskExecutor:
    """Runs a checker's per-document work on a cluster: ``address`` of a scheduler
    (``tcp://host:8786``) or ``local`` for a LocalCluster of ``workers`` processes."""

    def __init__(self, address: str, workers: int, load: dict, date_override=None,
                 use_cache: bool = True, archives: Optional[list] = None,
                 per_partition: Optional[int] = None):
        from newslint.archive.inputs import PARTITION_ARTICLES

        self.address = address
        self.workers = max(1, workers)
        self.load = load
        self.date_override = date_override
        self.use_cache = use_cache
        self.archives = list(archives or ())
        self.per_partition = per_partition or PARTITION_ARTICLES
        #: Bad articles met in archives (:class:`~newslint.finding.FileError`).
        self.errors: list = []
        self._cluster = None
        self._client = None

    def __enter__(self) -> "DaskExecutor":
        distributed = _distributed()
        import dask

        # A run's own output is the findings: the cluster's log lines stay out of it.
        dask.config.set({"distributed.worker.daemon": False,
                         "distributed.admin.system-monitor.gil.enabled": False})
        if self.address == "local":
            self._cluster = distributed.LocalCluster(
                n_workers=self.workers, threads_per_worker=1, processes=True,
                dashboard_address=None, silence_logs=50)
            self._client = distributed.Client(self._cluster)
        else:
            try:
                self._client = distributed.Client(self.address, timeout=30)
            except OSError as exc:
                raise UsageError(f"--dask: cannot reach the scheduler at {self.address}: "
                                 f"{exc}") from None
        plugin = _plugin_class()(self.load, self.date_override, self.use_cache)
        self._client.register_plugin(plugin, name=PLUGIN_NAME)
        return self

    def __exit__(self, *exc) -> None:
        if self._client is not None:
            self._client.close()
        if self._cluster is not None:
            self._cluster.close()

    def check_all(self, engine, paths: list, progress=None) -> list:
        """Outcomes of ``paths`` and of the archives given at construction, in any order."""
        from distributed import as_completed

        from newslint.archive.inputs import iter_partitions

        parts = list(iter_partitions(list(paths), self.archives, self.per_partition))
        if not parts:
            return []
        # Paths are checked in partitions of consecutive files; archives are split by
        # the reader. Either way one task is a few hundred articles.
        checked = self._client.map(check_partition, parts, pure=False, retries=2)
        futures = self._client.map(_outcomes, checked, retries=2)
        pieces = self._client.map(_piece, checked, retries=2)
        del checked  # the pieces stay on the workers until the corpus rules finish
        self._pieces = {}
        self._part_outcomes = {}
        number = {f.key: n for n, f in enumerate(futures)}
        outcomes: list = []
        # An archive's partitions are counted as full ones until they arrive.
        total = sum(len(p) if isinstance(p, list) else self.per_partition for p in parts)
        for future in as_completed(futures):
            got, errors = future.result()
            n = number[future.key]
            self._part_outcomes[n] = got
            self._pieces[n] = pieces[n]
            outcomes.extend(got)
            self.errors.extend(errors)
            future.release()
            if progress:
                done = len(outcomes)
                progress(done, max(total, done))
        return outcomes

    def corpus_matches(self, rule, options, outcomes: list):
        """The matches of a corpus rule whose index is merged on the cluster (a list), or None
        for a rule that finishes on the client as usual."""
        from newslint.archive.dupindex import RULE, merged_repeats, take_piece

        if rule.id != RULE or self._client is None:
            return None
        pieces = dict(getattr(self, "_pieces", {}))
        part_outcomes = dict(getattr(self, "_part_outcomes", {}))
        here = [fo for fo in outcomes if RULE in fo.corpus]  # standard input, checked here
        if here:
            n = max(pieces, default=-1) + 1
            pieces[n] = self._client.scatter(take_piece(here))
            part_outcomes[n] = here
        workers = len(self._client.scheduler_info().get("workers", {})) or self.workers
        try:
            return list(rule.report(merged_repeats(
                self._client, pieces, part_outcomes, outcomes, options,
                buckets=buckets_for(len(pieces), workers)), options))
        finally:
            for future in pieces.values():
                future.release()
            self._pieces = {}
