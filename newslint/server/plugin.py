"""Declares the ``server:`` configuration section (``server: off`` or a mapping)."""

from __future__ import annotations

from newslint import hookimpl
from newslint.server.settings import SECTION_DEFAULTS


@hookimpl
def newslint_config_sections():
    return {"server": dict(SECTION_DEFAULTS)}
