"""The ``server:`` setting as the client needs it, read with the standard library only.

The client has to decide whether to ask the server before it may load YAML (loading it is most
of what the server saves). It reads just the ``server`` and ``languagetool`` modes from the
configuration file with a line scan; the server then loads and validates the configuration
properly, and answers "bypass" when the effective setting turns out to be ``off``.
"""


import os

#: The ``server:`` configuration section and its defaults.
SECTION_DEFAULTS = {
    # auto: use a running server, start one when a run needs LanguageTool (never in CI);
    # off: always check in-process; required: fail (exit 2) when no server can be used.
    "mode": "auto",
    # Seconds without a request after which the server exits.
    "idle_timeout": 900.0,
}

MODES = ("auto", "off", "required")

_FALSY = {"off", "false", "no", "n"}
_KEYS = ("server", "languagetool")


def _scalar(value: str) -> str:
    value = value.split(" #", 1)[0].strip().strip("\"'").strip().lower()
    return "off" if value in _FALSY else value


def _yaml_modes(text: str) -> dict:
    """``{"server": mode, "languagetool": mode}`` from top-level keys of a YAML file, either
    ``key: value``, ``key: {mode: value}`` or a block with ``mode: value`` under it. (String
    methods only: ``re`` alone costs a check through the server a tenth of its time.)"""
    found: dict = {}
    current = None
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        if not line[0].isspace():
            current = None
            key, colon, value = line.partition(":")
            key = key.strip()
            if not colon or key not in _KEYS:
                continue
            value = _scalar(value)
            if value.startswith("{"):
                inner = value.strip("{}").replace(",", "\n")
                found[key] = _yaml_modes_block(inner.splitlines())
            elif value:
                found[key] = value
            else:
                current = key
                found[current] = "auto"
        elif current:
            key, colon, value = stripped.partition(":")
            if colon and key.strip() == "mode":
                found[current] = _scalar(value)
    return found


def _yaml_modes_block(lines) -> str:
    for line in lines:
        key, colon, value = line.strip().partition(":")
        if colon and key.strip() == "mode":
            return _scalar(value)
    return "auto"


def _toml_modes(text: str) -> dict:
    from newslint.configpaths import toml_loads

    table = toml_loads(text).get("tool", {}).get("newslint", {})
    found = {}
    for key in _KEYS:
        value = table.get(key)
        if isinstance(value, dict):
            value = value.get("mode", "auto")
        if value is False:
            value = "off"
        if isinstance(value, str):
            found[key] = value.lower()
    return found


def configured_modes(config_file) -> dict:
    """The ``server`` and ``languagetool`` modes a configuration file (a path string or None)
    sets; missing: auto. A file that cannot be read gives the defaults: the server reports
    the problem exactly as an in-process run would."""
    modes = {"server": "auto", "languagetool": "auto"}
    if config_file is None:
        return modes
    try:
        with open(config_file, encoding="utf-8") as fh:
            text = fh.read()
        modes.update(_toml_modes(text) if config_file.endswith("pyproject.toml")
                     else _yaml_modes(text))
    except Exception:
        pass
    return modes


def server_mode(config_mode: str) -> str:
    """``NEWSLINT_SERVER`` (for one shell or an editor) wins over the configuration."""
    mode = os.environ.get("NEWSLINT_SERVER", "").strip().lower() or config_mode
    mode = "off" if mode in _FALSY else mode
    return mode if mode in MODES else "auto"


def in_ci() -> bool:
    """CI services set ``CI``; a server started there would outlive the job."""
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")
