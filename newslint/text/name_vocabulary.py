"""nameparser's vocabulary (titles, particles, suffixes…), remembered in the cache directory.

Most name runs of news copy are read without nameparser (``newslint.text.names._parse``), but
telling which ones needs nameparser's word lists, and importing nameparser to get them costs
about 25 ms: as much as checking five articles. So the lists are kept in a cache file
(``nameparser-vocabulary-<crc>.txt``, one per installation of nameparser, so that two
environments sharing a cache folder do not take turns rewriting one file) with what decides
them: where nameparser is installed and the size and modification time of each of its files.
Upgrading or reinstalling nameparser changes that key, and the next run reads the lists from
nameparser again; so does any problem with the file (``newslint.cachefile``). The lists are
the same either way: the file saves time only.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import NamedTuple, Optional

KIND, VERSION = "nameparser-vocabulary", 1
#: The cache files' names: ``nameparser-vocabulary-<CRC-32 of nameparser's folder>.txt``.
FILE_GLOB = "nameparser-vocabulary-*.txt"
#: The sections of the file's body after the key, in order (the fields of :class:`Vocabulary`).
_FIELDS = ("parts", "leading_titles", "name_like", "prefixes", "not_given")


class Vocabulary(NamedTuple):
    #: Every word nameparser gives a role other than given name or surname (lower case).
    parts: frozenset
    #: Titles read as nothing else when they lead a run ("mme", "dr", "honorable"); after a
    #: given name some of them are a middle name ("Jean Mme Spanton").
    leading_titles: frozenset
    #: Suffixes read as name words unless written in capitals ("Capp" of "Sally Capp",
    #: "CAPP" is a suffix).
    name_like: frozenset
    #: Particles that join the surname after them ("van", "bin", "de").
    prefixes: frozenset
    #: Particles never read as a given name, even first in a run ("de", "ibn"; not "al",
    #: for "Al Gore").
    not_given: frozenset


#: nameparser's compiled lists that are its configuration lists under another name.
_SAME_ROLE = {"TITLES": "titles", "SUFFIX_ACRONYMS_AMBIGUOUS": "suffix_acronyms_ambiguous",
              "SUFFIX_ACRONYMS": "suffix_acronyms", "PARTICLES": "prefixes",
              "NON_GIVEN_NAME_PARTICLES": "non_first_name_prefixes",
              "CONJUNCTIONS": "conjunctions", "BOUND_GIVEN_NAMES": "bound_first_names",
              "GIVEN_NAME_TITLES": "first_name_titles"}

_loaded: Optional[Vocabulary] = None
_cache_dir: Optional[Path] = None
_warn = None


def use_cache(cache_dir: Optional[Path], warn=None) -> None:
    """Remember the vocabulary in ``cache_dir`` (None: read it from nameparser every run)."""
    global _cache_dir, _warn, _loaded
    if cache_dir != _cache_dir:
        _loaded = None  # read from the new folder (a run of its own reads it once)
    _cache_dir, _warn = cache_dir, warn


def vocabulary() -> Vocabulary:
    """nameparser's vocabulary, read once per process."""
    global _loaded
    if _loaded is None:
        _loaded = _load(_cache_dir, _warn)
    return _loaded


def _load(cache_dir: Optional[Path], warn) -> Vocabulary:
    key = installation_key() if cache_dir is not None else None
    path = cache_file(cache_dir, key) if key is not None else None
    if path is not None:
        found = _read(path, key, warn)
        if found is not None:
            return found
    found = from_nameparser()
    if path is not None and _write(path, key, found):
        _remove_abandoned(path)
    return found


def cache_file(cache_dir: Path, key: str) -> Path:
    """The cache file of the nameparser installation ``key`` describes (its first line is the
    installation's folder)."""
    from binascii import crc32

    folder = key.split("\n", 1)[0]
    return Path(cache_dir) / f"nameparser-vocabulary-{crc32(os.fsencode(folder)):08x}.txt"


def _remove_abandoned(current: Path) -> None:
    """Delete the files of nameparser installations that no longer exist (throw-away virtual
    environments would otherwise leave one file each)."""
    for other in current.parent.glob(FILE_GLOB):
        if other == current:
            continue
        try:
            with open(other, encoding="utf-8") as fh:
                fh.readline()  # the cache header
                folder = fh.readline().rstrip("\n")
            if folder and os.path.isdir(folder):
                continue
            other.unlink()
        except (OSError, UnicodeDecodeError):
            continue


def from_nameparser() -> Vocabulary:
    """The vocabulary as the installed nameparser has it (imports nameparser)."""
    from nameparser.config import CONSTANTS

    def lower(words) -> set:
        return {w.lower() for w in words if isinstance(w, str)}

    roles = {"titles": lower(CONSTANTS.titles),
             "suffix_acronyms_ambiguous": lower(CONSTANTS.suffix_acronyms_ambiguous)}
    for name in ("first_name_titles", "suffix_acronyms", "suffix_not_acronyms", "prefixes",
                 "non_first_name_prefixes", "conjunctions", "bound_first_names"):
        roles[name] = lower(getattr(CONSTANTS, name))
    try:  # the whole vocabulary as nameparser compiles it, where this version has one
        from nameparser.config import _compiled
    except ImportError:
        _compiled = None
    for name, value in vars(_compiled).items() if _compiled else ():
        if isinstance(value, frozenset):
            key = _SAME_ROLE.get(name, name)
            roles[key] = roles.get(key, set()) | lower(value)

    def only(role: str, also=()) -> frozenset:
        """The words of ``role`` with no other role (but those in ``also``)."""
        others = set().union(*(w for k, w in roles.items() if k != role and k not in also))
        return frozenset(roles[role] - others)

    return Vocabulary(parts=frozenset(set().union(*roles.values())),
                      leading_titles=only("titles", also=("AFTER_GIVEN_TITLES",)),
                      name_like=only("suffix_acronyms_ambiguous", also=("suffix_acronyms",)),
                      prefixes=frozenset(roles["prefixes"]),
                      not_given=frozenset(roles["non_first_name_prefixes"]))


def installation_key() -> Optional[str]:
    """Where nameparser is installed and the size and modification time of each of its files,
    as text; None when that cannot be told (not installed, not a folder of files)."""
    from importlib.util import find_spec

    try:
        spec = find_spec("nameparser")
    except (ImportError, ValueError):
        return None
    folders = list(spec.submodule_search_locations or ()) if spec else []
    if len(folders) != 1:
        return None
    lines = [folders[0]]
    try:
        for root, dirs, files in os.walk(folders[0]):
            dirs[:] = sorted(d for d in dirs if d != "__pycache__")
            for name in sorted(files):
                info = os.stat(os.path.join(root, name))
                lines.append(f"{os.path.relpath(os.path.join(root, name), folders[0])}\t"
                             f"{info.st_size}\t{info.st_mtime_ns}")
    except OSError:
        return None
    key = "\n".join(lines)
    return None if "\n\n" in key else key


def _read(path: Path, key: str, warn) -> Optional[Vocabulary]:
    from newslint import cachefile

    text = cachefile.read(path, KIND, VERSION, warn)
    if text is None:
        return None
    stored_key, blank, body = text.partition("\n\n")
    if stored_key != key:
        return None  # nameparser was upgraded or reinstalled since: read it again
    fields, _, body = body.partition("\n")
    if fields != "\t".join(_FIELDS):
        return None  # written with other sections: read it again
    sections = body.split("\n")
    if not blank or len(sections) != len(_FIELDS):
        cachefile.ignored(warn, path, "damaged: not the vocabulary's sections")
        return None
    found = Vocabulary(*(frozenset(filter(None, s.split("\t"))) for s in sections))
    if not frozenset().union(*found[1:]) <= found.parts:
        cachefile.ignored(warn, path, "damaged: the sections do not agree")
        return None
    return found


def _write(path: Path, key: str, found: Vocabulary) -> bool:
    from newslint import cachefile

    if any("\t" in w or "\n" in w for w in found.parts):
        return False  # a word the file cannot hold: read from nameparser every run
    body = "\n".join(["\t".join(_FIELDS)]
                     + ["\t".join(sorted(getattr(found, f))) for f in _FIELDS])
    return cachefile.write(path, KIND, VERSION, f"{key}\n\n{body}")
