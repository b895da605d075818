"""The process exit codes newslint promises to scripts and CI."""

from enum import IntEnum


class ExitCode(IntEnum):
    #: Nothing at or above ``--fail-on`` was found.
    OK = 0
    #: At least one finding at or above ``--fail-on``.
    FINDINGS = 1
    #: Usage, configuration or input error (bad flag, bad config, unreadable file).
    USAGE = 2
    #: Internal error: a bug in newslint or a plugin rule that raised.
    INTERNAL = 3
