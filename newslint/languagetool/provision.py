"""Installing LanguageTool from Maven Central and finding an installation.

``newslint languagetool install`` resolves ``languagetool-server`` and ``language-en`` with
Maven (the ``pom.xml`` next to this module) into::

    <cache_dir>/languagetool/LanguageTool-<version>/
        lib/*.jar                  every runtime jar
        languagetool-server.jar    a manifest-only jar whose Class-Path lists lib/*.jar

That is the layout language-tool-python looks for under ``$LTP_PATH``, so the same directory
also serves users who point language-tool-python at it. newslint itself starts the server with
``java -cp 'lib/*' org.languagetool.server.HTTPServer``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from newslint.languagetool.settings import DEFAULT_VERSION

SERVER_MAIN_CLASS = "org.languagetool.server.HTTPServer"
POM = Path(__file__).with_name("pom.xml")
#: newslint's own LanguageTool rules, as a classpath folder: LanguageTool loads
#: ``org/languagetool/rules/en/grammar_custom.xml`` beside its own English rules when the file
#: is on its classpath.
RULES_CLASSPATH = Path(__file__).with_name("rules")
CUSTOM_RULES = RULES_CLASSPATH / "org" / "languagetool" / "rules" / "en" / "grammar_custom.xml"
#: Written last by ``install``: a directory without it is a half-finished install.
COMPLETE_MARKER = ".complete"


def custom_rules_tag() -> str:
    """Names the version of newslint's LanguageTool rules (a digest of the rule file): part of
    the version a server with them on its classpath reports, so cached answers of a server
    without them, or with an older file, are never reused."""
    import hashlib
    return "newslint-rules-" + hashlib.sha256(CUSTOM_RULES.read_bytes()).hexdigest()[:12]


class ProvisionError(Exception):
    """Installing LanguageTool failed; the message says why and what to do."""


@dataclass(frozen=True)
class Installation:
    """A LanguageTool installed under the cache directory."""

    version: str
    directory: Path

    @property
    def lib(self) -> Path:
        return self.directory / "lib"

    @property
    def server_jar(self) -> Path:
        return self.directory / "languagetool-server.jar"

    @property
    def classpath(self) -> str:
        # newslint's own rules first, then a wildcard entry: java expands it to every jar in
        # the directory.
        return os.pathsep.join((str(RULES_CLASSPATH), str(self.lib / "*")))


def languagetool_root(cache_dir: Path) -> Path:
    """The directory that holds ``LanguageTool-<version>`` folders (usable as ``$LTP_PATH``)."""
    return Path(cache_dir) / "languagetool"


def find_installation(cache_dir: Path, version: str = DEFAULT_VERSION) -> Optional[Installation]:
    """The complete installation of ``version`` under ``cache_dir``, or None."""
    directory = languagetool_root(cache_dir) / f"LanguageTool-{version}"
    if not (directory / COMPLETE_MARKER).is_file():
        return None
    inst = Installation(version, directory)
    if not any(inst.lib.glob("languagetool-server-*.jar")):
        return None
    return inst


def manifest_text(class_path: list[str], main_class: str = SERVER_MAIN_CLASS) -> bytes:
    """A jar manifest; lines are wrapped at 72 bytes with a leading space on continuations,
    as the JAR specification requires (java silently ignores longer lines' tails otherwise)."""
    attributes = [
        ("Manifest-Version", "1.0"),
        ("Main-Class", main_class),
        ("Class-Path", " ".join(class_path)),
    ]
    out = bytearray()
    for name, value in attributes:
        out += _wrap_manifest_line(f"{name}: {value}".encode("utf-8"))
    out += b"\r\n"
    return bytes(out)


def _wrap_manifest_line(line: bytes) -> bytes:
    chunks = [line[:72]]
    rest = line[72:]
    while rest:
        chunks.append(b" " + rest[:71])
        rest = rest[71:]
    return b"".join(chunk + b"\r\n" for chunk in chunks)


def write_manifest_jar(path: Path, jars: list[Path], relative_to: Path) -> None:
    class_path = sorted(j.relative_to(relative_to).as_posix() for j in jars)
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("META-INF/MANIFEST.MF", manifest_text(class_path))


def install(cache_dir: Path, version: str = DEFAULT_VERSION, mvn: str = "mvn",
            quiet: bool = True) -> Installation:
    """Resolve LanguageTool ``version`` from Maven Central into the cache directory.

    The jars are downloaded into a temporary sibling directory and moved into place at the end,
    so an interrupted install never leaves a directory that looks usable.
    """
    existing = find_installation(cache_dir, version)
    if existing:
        return existing
    if shutil.which(mvn) is None:
        raise ProvisionError(
            f"Maven ({mvn!r}) was not found on PATH; install Maven (and Java 17 or newer) and "
            "run `newslint languagetool install` again")
    root = languagetool_root(cache_dir)
    root.mkdir(parents=True, exist_ok=True)
    target = root / f"LanguageTool-{version}"
    staging = Path(tempfile.mkdtemp(prefix=f".LanguageTool-{version}-", dir=root))
    try:
        lib = staging / "lib"
        cmd = [mvn, "-B", "-f", str(POM), f"-Dlt.version={version}",
               "dependency:copy-dependencies", f"-DoutputDirectory={lib}",
               "-DincludeScope=runtime"]
        if quiet:
            cmd.insert(1, "-q")
        proc = subprocess.run(cmd, capture_output=quiet, text=True)
        if proc.returncode != 0:
            tail = "\n".join(((proc.stdout or "") + (proc.stderr or "")).splitlines()[-15:])
            raise ProvisionError(
                f"Maven could not resolve LanguageTool {version} (exit {proc.returncode})"
                + (f":\n{tail}" if tail else ""))
        jars = sorted(lib.glob("*.jar"))
        if not any(j.name.startswith("languagetool-server-") for j in jars):
            raise ProvisionError(f"Maven finished but no languagetool-server jar is in {lib}")
        write_manifest_jar(staging / "languagetool-server.jar", jars, staging)
        (staging / COMPLETE_MARKER).write_text(version + "\n")
        if target.exists():
            shutil.rmtree(target)
        os.replace(staging, target)
    finally:
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)
    return Installation(version, target)
