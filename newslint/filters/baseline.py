"""Baselines: adopt newslint on an archive without fixing it first.

``--write-baseline FILE`` records every current finding; ``--baseline FILE`` (or the
``baseline`` setting) then reports only findings that are not in it. An entry is keyed on the
file's path (relative to the baseline file, so the check can run from anywhere), the rule, the
finding's line-independent fingerprint (see :mod:`newslint.fingerprint`) and a count: a file
with the same slip twice has one entry with ``count: 2``, and a third copy is new. Line numbers
are never part of the key, so edits elsewhere in an article resurrect nothing.

Entries that no longer match anything (the finding was fixed, the file deleted) are *stale*:
they are counted after every run, listed with ``--list-stale`` and removed with
``--prune-baseline``. The file is sorted and written the same way every time, so it diffs
cleanly in version control.
"""

from __future__ import annotations

import os
from collections import Counter
from pathlib import Path
from typing import Callable, Iterable, NamedTuple, Optional

from newslint.errors import ConfigError, UsageError
from newslint.fingerprint import fingerprint_file, normalise, read_source

BASELINE_VERSION = 1

#: Findings that report a failure of newslint itself are never hidden by a baseline.
NEVER_BASELINED = frozenset({"internal-error"})

#: How much of the flagged text an entry keeps, for people reading the file.
EXCERPT_CHARS = 80


class Entry(NamedTuple):  # immutable like a frozen dataclass, and far cheaper to define
    path: str
    rule: str
    fingerprint: str
    count: int
    excerpt: str

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.path, self.rule, self.fingerprint)


def _short(excerpt: str) -> str:
    text = normalise(excerpt)
    return text if len(text) <= EXCERPT_CHARS else text[:EXCERPT_CHARS - 1] + "\u2026"


class Baseline:
    """The entries of one baseline file."""

    def __init__(self, file: Path, entries: Iterable[Entry] = ()):
        self.file = Path(file)
        self.entries = {e.key: e for e in entries}

    # -- paths ----------------------------------------------------------------------------
    @property
    def directory(self) -> str:
        return os.path.dirname(os.path.abspath(self.file))

    def key_path(self, path: str) -> str:
        """``path`` as the baseline stores it: relative to the file's folder, with ``/``."""
        return Path(os.path.relpath(os.path.abspath(path), self.directory)).as_posix()

    def _on_disk(self, key_path: str) -> bool:
        return os.path.exists(os.path.join(self.directory, key_path))

    # -- reading and writing --------------------------------------------------------------
    @classmethod
    def load(cls, file: Path) -> "Baseline":
        import json  # here, not at the top: most runs have no baseline

        where = f"baseline {file}"
        try:
            data = json.loads(Path(file).read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise ConfigError(f"{where}: file not found (create it with "
                              f"`newslint check PATHS --write-baseline {file}`)") from None
        except (OSError, UnicodeDecodeError) as exc:
            raise ConfigError(f"{where}: cannot read: {exc}") from None
        except json.JSONDecodeError as exc:
            raise ConfigError(f"{where}:{exc.lineno}: invalid JSON: {exc.msg}") from None
        if not isinstance(data, dict) or data.get("version") != BASELINE_VERSION:
            raise ConfigError(f"{where}: not a newslint baseline of version {BASELINE_VERSION}")
        entries = []
        for i, item in enumerate(data.get("findings", [])):
            try:
                entry = Entry(path=str(item["path"]), rule=str(item["rule"]),
                              fingerprint=str(item["fingerprint"]), count=int(item["count"]),
                              excerpt=str(item.get("excerpt", "")))
            except (KeyError, TypeError, ValueError):
                raise ConfigError(f"{where}: findings[{i}]: needs path, rule, fingerprint "
                                  f"and count") from None
            if entry.count < 1:
                raise ConfigError(f"{where}: findings[{i}]: count must be at least 1")
            entries.append(entry)
        return cls(file, entries)

    @classmethod
    def record(cls, file: Path, outcomes: list) -> "Baseline":
        """A baseline holding every finding of ``outcomes``."""
        baseline = cls(file)
        for path, finding, fp, _ in baseline._fingerprinted(outcomes):
            key = (baseline.key_path(path), finding.rule, fp)
            old = baseline.entries.get(key)
            count = old.count + 1 if old else 1
            baseline.entries[key] = Entry(*key, count=count, excerpt=_short(finding.excerpt))
        return baseline

    def save(self) -> None:
        import json

        rows = [self.entries[key]._asdict() for key in sorted(self.entries)]
        text = json.dumps({"version": BASELINE_VERSION, "findings": rows},
                          ensure_ascii=False, indent=2) + "\n"
        temporary = self.file.with_name(self.file.name + ".tmp")
        try:
            temporary.write_text(text, encoding="utf-8")
            os.replace(temporary, self.file)
        except OSError as exc:
            raise UsageError(f"cannot write baseline {self.file}: {exc}") from None

    # -- filtering ------------------------------------------------------------------------
    def _fingerprinted(self, outcomes: list):
        """``(path, finding, fingerprint, occurrence)`` for every finding a baseline may hold."""
        for fo in outcomes:
            findings = [f for f in fo.findings if f.rule not in NEVER_BASELINED]
            if not findings:
                continue
            for finding, fp, occurrence in fingerprint_file(read_source(fo.path), findings):
                yield fo.path, finding, fp, occurrence

    def apply(self, outcomes: list, rules_ran: Iterable) -> list[Entry]:
        """Drop known findings from ``outcomes`` (in place); return the stale entries.

        An entry is judged stale only when this run could have produced it: its file was
        checked without error (or no longer exists) and its rule ran.
        """
        known: set = set()
        used: Counter = Counter()
        for path, finding, fp, occurrence in self._fingerprinted(outcomes):
            key = (self.key_path(path), finding.rule, fp)
            entry = self.entries.get(key)
            if entry is not None and occurrence < entry.count:
                known.add(id(finding))
                used[key] += 1
        for fo in outcomes:
            fo.findings = [f for f in fo.findings if id(f) not in known]

        checked = {self.key_path(fo.path) for fo in outcomes if not fo.errors}
        ran = {r.id for r in rules_ran}
        dynamic = {r.id for r in rules_ran if getattr(r, "dynamic_ids", False)}
        stale = []
        for key in sorted(self.entries):
            entry = self.entries[key]
            rule_ran = entry.rule in ran or entry.rule.split("/", 1)[0] in dynamic
            judged = entry.path in checked or not self._on_disk(entry.path)
            missing = entry.count - used[key]
            if rule_ran and judged and missing > 0:
                stale.append(Entry(entry.path, entry.rule, entry.fingerprint, missing,
                                   entry.excerpt))
        return stale

    def without(self, stale: Iterable[Entry]) -> "Baseline":
        """This baseline less the ``stale`` entries (counts reduced, empty entries gone)."""
        entries = dict(self.entries)
        for s in stale:
            entry = entries.pop(s.key)
            if entry.count > s.count:
                entries[s.key] = Entry(entry.path, entry.rule, entry.fingerprint,
                                       entry.count - s.count, entry.excerpt)
        return Baseline(self.file, entries.values())


# -- the check command's options ----------------------------------------------------------
class BaselinePlan:
    """What ``--baseline``, ``--write-baseline``, ``--prune-baseline`` and ``--list-stale``
    (and the ``baseline`` setting) ask for, validated before any file is checked."""

    # A plain class: every check builds one, and a dataclass costs start-up time to generate.
    def __init__(self, baseline: Optional[Baseline] = None, write: Optional[Path] = None,
                 prune: bool = False, list_stale: bool = False):
        self.baseline = baseline
        self.write = write
        self.prune = prune
        self.list_stale = list_stale

    @classmethod
    def from_options(cls, args, config) -> "BaselinePlan":
        write = getattr(args, "write_baseline", None)
        prune = bool(getattr(args, "prune_baseline", False))
        list_stale = bool(getattr(args, "list_stale", False))
        file = getattr(args, "baseline", None)
        if file is None and config.values.get("baseline"):
            file = config.root / config.values["baseline"]
        if (prune or list_stale) and file is None:
            flag = "--prune-baseline" if prune else "--list-stale"
            raise UsageError(f"{flag} needs a baseline: give --baseline FILE or set `baseline` "
                             f"in the configuration")
        if write and (prune or list_stale):
            raise UsageError("--write-baseline records the findings afresh; it cannot be "
                             "combined with --prune-baseline or --list-stale")
        baseline = Baseline.load(Path(file)) if file is not None and not write else None
        return cls(baseline, Path(write) if write else None, prune, list_stale)

    def apply(self, outcomes: list, rules_ran: list, say: Callable[[str], None],
              quiet: bool = False) -> None:
        """Write or apply the baseline to ``outcomes`` in place; report on ``say``."""
        baseline = self.baseline
        if self.write is not None:
            baseline = Baseline.record(self.write, outcomes)
            baseline.save()
            total = sum(e.count for e in baseline.entries.values())
            files = len({e.path for e in baseline.entries.values()})
            say(f"wrote {total} finding{'s' if total != 1 else ''} in {files} "
                f"file{'s' if files != 1 else ''} to baseline {self.write}")
        if baseline is None:
            return
        stale = baseline.apply(outcomes, rules_ran)
        if not stale:
            if self.list_stale or self.prune:
                say(f"baseline {baseline.file} has no stale entries")
            return
        count = sum(e.count for e in stale)
        if self.list_stale:
            for e in stale:
                times = f" (\u00d7{e.count})" if e.count > 1 else ""
                say(f"stale baseline entry: {e.path}: {e.rule}: {e.excerpt}{times}")
        if self.prune:
            baseline.without(stale).save()
            say(f"removed {count} stale entr{'ies' if count != 1 else 'y'} from baseline "
                f"{baseline.file}")
        elif not quiet:
            say(f"{count} baseline entr{'ies' if count != 1 else 'y'} in {baseline.file} "
                f"no longer match a finding; --list-stale lists them, --prune-baseline "
                f"removes them")
