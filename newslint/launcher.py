"""The ``newslint`` command's entry point.

A ``newslint check`` is first offered to the warm server (:mod:`newslint.server.client`): when
it answers, this process imports nothing but the few standard-library modules the client needs
— not argparse, not the engine — which is what makes a check of one file take milliseconds.
Everything else, and every check the server does not take, runs :func:`newslint.cli.main`.
"""

import sys

COMMANDS = ("check", "rules", "explain", "config", "languagetool", "server")


def _looks_like_command_typo(word: str) -> bool:
    """Only a word that is no path on disk is compared with the commands (in process)."""
    from newslint.suggest import command_typo
    return bool(command_typo(word, COMMANDS))


def main(argv=None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] not in COMMANDS and not argv[0].startswith("-") \
            and not _looks_like_command_typo(argv[0]):
        argv.insert(0, "check")  # `newslint article.md` means `newslint check article.md`
    if argv and argv[0] == "check":
        from newslint.server.client import check_through_server

        code = check_through_server(argv[1:])
        if code is not None:
            return code
    from newslint.cli import main as in_process

    return in_process(argv)
