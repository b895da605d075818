"""Exceptions that end in one clear message instead of a traceback."""


class NewslintError(Exception):
    """Base class: the message is meant for the user as it stands."""


class ConfigError(NewslintError):
    """A configuration file or option is invalid; the message names the file and key."""


class UsageError(NewslintError):
    """The command line itself is wrong."""


class InputError(NewslintError):
    """One input file cannot be read or parsed; other files still run."""


class PackError(NewslintError):
    """A YAML rule pack is invalid; the message names file, line and key."""

