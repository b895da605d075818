"""Getting a LanguageTool to talk to for one run: a configured URL or a server of our own."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from newslint.languagetool.provision import Installation, custom_rules_tag, find_installation
from newslint.languagetool.server import LanguageToolServer, ServerError
from newslint.languagetool.settings import (  # noqa: F401  (re-exported)
    INSTALL_HINT, MODES, NEWS_DISABLED_RULES, SECTION_DEFAULTS)


#: Set by a long-lived process (newslint's warm server) with :func:`keep_servers`: one JVM per
#: installation and JVM settings serves every configuration, instead of one per configuration.
_SHARED: Optional[dict] = None


def keep_servers() -> dict:
    """From now on, servers this process starts are kept and shared; returns them by key."""
    global _SHARED
    if _SHARED is None:
        _SHARED = {}
    return _SHARED


class Unavailable(Exception):
    """No LanguageTool could be found or started; the message says why."""


@dataclass
class Connection:
    url: str
    version: str
    language: str
    server: Optional[LanguageToolServer] = None
    validated: bool = False
    #: A server kept by this process beyond the run (see :func:`keep_servers`).
    shared: bool = False

    def ready(self, notice=None) -> None:
        """Wait for our own server and check the configured language against it;
        ``notice(message)`` says so first when the server is still starting."""
        if self.server is not None:
            if notice is not None and not self.server.answers():
                notice(STARTING)
            try:
                self.server.wait_ready()
            except ServerError as exc:
                raise Unavailable(str(exc)) from None
        if not self.validated:
            validated_language(self.url, self.language)
            self.validated = True


#: The JVM's start-up is the one long silence of a run: a terminal is told what it waits for.
STARTING = "starting LanguageTool (about 10 s the first time)…"


def installation_for(section: dict, cache_dir: Path) -> Optional[Installation]:
    if section["home"]:
        home = Path(section["home"]).expanduser()
        lib = home / "lib" if (home / "lib").is_dir() else home
        if not any(lib.glob("languagetool-server-*.jar")):
            return None
        return Installation(section["version"], lib.parent if lib.name == "lib" else home)
    return find_installation(cache_dir, section["version"])


def own_version(installation: Installation) -> str:
    """The version of a server newslint starts: LanguageTool's, with newslint's rules."""
    return f"{installation.version}+{custom_rules_tag()}"


#: A sentence one of newslint's LanguageTool rules flags: a server that reports it has them.
_RULES_PROBE = "Version probe: there few options."


def server_version(url: str, timeout: float) -> str:
    """The LanguageTool version a server reports (part of the cache key), with newslint's
    rules' tag when the server has them on its classpath.

    This is also the first real check a fresh server does, which loads the English models:
    it may take as long as the start-up itself on a small machine.
    """
    import requests  # slow to import: only when LanguageTool runs
    resp = requests.post(url.rstrip("/") + "/v2/check",
                         data={"language": "en-US", "text": _RULES_PROBE}, timeout=timeout)
    resp.raise_for_status()
    answer = resp.json()
    version = str(answer.get("software", {}).get("version", "unknown"))
    if any(str(m.get("rule", {}).get("id", "")).startswith("NEWSLINT_")
           for m in answer.get("matches", ())):
        version += f"+{custom_rules_tag()}"
    return version


def validated_language(url: str, language: str) -> str:
    """Check the language against the server's list through language-tool-python (with
    remote_server set it never downloads or starts anything); returns its normalised tag."""
    import language_tool_python  # slow to import: only when LanguageTool runs
    try:
        tool = language_tool_python.LanguageTool(language, remote_server=url)
    except ValueError as exc:
        raise Unavailable(f"languagetool.language: {exc}") from None
    except Exception as exc:  # the library wraps network errors in its own types
        raise Unavailable(f"LanguageTool at {url} did not answer: {exc}") from None
    try:
        return str(tool.language)
    finally:
        tool.close()


def connect(section: dict, cache_dir: Path) -> Connection:
    """Reach the configured server, or start one of our own; raises :class:`Unavailable`.

    A server of our own is only spawned here: the first paragraph missing from the cache waits
    for it (:meth:`Connection.ready`), so a fully cached run never waits for a JVM.
    """
    import requests  # slow to import: only when LanguageTool runs
    if not section["url"]:
        installation = installation_for(section, cache_dir)
        if installation is None:
            where = section["home"] or str(cache_dir / "languagetool")
            raise Unavailable(f"LanguageTool {section['version']} is not installed in {where}; "
                              + INSTALL_HINT)
        key = (str(installation.directory), section["java"], section["heap"],
               section["startup_timeout"], tuple(section["jvm_options"]))
        if _SHARED is not None and key in _SHARED and _SHARED[key].alive():
            server = _SHARED[key]
            return Connection(server.url, own_version(installation), section["language"],
                              server, shared=True)
        server = LanguageToolServer(installation, java=section["java"], heap=section["heap"],
                                    startup_timeout=section["startup_timeout"],
                                    jvm_options=tuple(section["jvm_options"]))
        try:
            url = server.spawn()
        except (ServerError, OSError) as exc:
            server.stop()
            raise Unavailable(str(exc)) from None
        if _SHARED is not None:
            stale = _SHARED.pop(key, None)
            if stale is not None:
                stale.stop()
            _SHARED[key] = server
        return Connection(url, own_version(installation), section["language"], server,
                          shared=_SHARED is not None)
    url = section["url"]
    try:
        version = server_version(url, section["startup_timeout"])
        validated_language(url, section["language"])
    except (requests.RequestException, ValueError) as exc:
        raise Unavailable(f"LanguageTool at {url} did not answer: {exc}") from None
    return Connection(url, version, section["language"], None, validated=True)
