"""Declarative YAML rule packs (Vale's model): a small fixed set of rule types.

A pack is a YAML file; its rules get ids ``<pack>.<name>``. Packs shipped with newslint live in
the repository's top-level ``rules/`` folder and are installed inside the package as
``newslint/_packs``; users add their own with the ``packs`` config key.
"""

from __future__ import annotations

from pathlib import Path

from newslint.packs.loader import load_pack  # noqa: F401  (public API)


def shipped_packs_dir() -> Path:
    """The folder holding the packs shipped with newslint (installed or source tree)."""
    installed = Path(__file__).resolve().parent.parent / "_packs"
    if installed.is_dir():
        return installed
    return Path(__file__).resolve().parent.parent.parent / "rules"


def shipped_pack_files() -> list[Path]:
    folder = shipped_packs_dir()
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.glob("*.y*ml") if p.suffix in (".yaml", ".yml"))
