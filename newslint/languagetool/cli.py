"""``newslint languagetool install | status | path``: provisioning LanguageTool."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Optional

from newslint.languagetool.provision import (
    DEFAULT_VERSION, ProvisionError, find_installation, install, languagetool_root)


def default_cache_dir() -> Path:
    """The cache directory ``newslint check`` would use here: the nearest configuration's
    ``cache_dir``, else ``$NEWSLINT_CACHE_DIR``, else ~/.cache/newslint."""
    from newslint.config import find_config, load_config

    return load_config(find_config(Path.cwd())).cache_dir


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newslint languagetool",
        description="Install and inspect the local LanguageTool that newslint starts for "
                    "grammar and spelling checks.")
    sub = parser.add_subparsers(dest="command", required=True)

    def common(p: argparse.ArgumentParser) -> None:
        p.add_argument("--cache-dir", type=Path, default=None,
                       help="cache directory (default: newslint's, ~/.cache/newslint)")
        p.add_argument("--version", default=DEFAULT_VERSION,
                       help=f"LanguageTool version (default: {DEFAULT_VERSION})")

    p_install = sub.add_parser(
        "install", help="resolve LanguageTool from Maven Central with mvn (needs Java 17+)")
    common(p_install)
    p_install.add_argument("--mvn", default=os.environ.get("MVN", "mvn"),
                           help="the Maven executable (default: mvn, or $MVN)")
    p_install.add_argument("--verbose", action="store_true", help="show Maven's output")
    common(sub.add_parser("status", help="say whether LanguageTool is installed, and where"))
    common(sub.add_parser(
        "path", help="print the installation directory (exit 1 when not installed); its "
                     "parent is usable as $LTP_PATH for language-tool-python"))
    return parser


def main(argv: Optional[list[str]] = None) -> int:
    args = build_parser().parse_args(argv)
    cache_dir = args.cache_dir or default_cache_dir()
    if args.command == "install":
        print(f"Resolving LanguageTool {args.version} with Maven into "
              f"{languagetool_root(cache_dir)} ...", file=sys.stderr)
        try:
            inst = install(cache_dir, args.version, mvn=args.mvn, quiet=not args.verbose)
        except ProvisionError as exc:
            print(f"newslint languagetool install: {exc}", file=sys.stderr)
            return 2
        jars = len(list(inst.lib.glob("*.jar")))
        print(f"LanguageTool {inst.version} installed in {inst.directory} ({jars} jars)")
        return 0
    inst = find_installation(cache_dir, args.version)
    if args.command == "path":
        if inst is None:
            return 1
        print(inst.directory)
        return 0
    if inst is None:
        print(f"LanguageTool {args.version} is not installed in {languagetool_root(cache_dir)}; "
              "run `newslint languagetool install`")
        return 1
    jars = len(list(inst.lib.glob("*.jar")))
    print(f"LanguageTool {inst.version}: {inst.directory} ({jars} jars)\n"
          f"  server jar for language-tool-python: {inst.server_jar} "
          f"(LTP_PATH={inst.directory.parent})")
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
