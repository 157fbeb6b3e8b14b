"""Errors that carry their exit code: the CLI catches the base class and prints one line."""

from __future__ import annotations


class ClaimcheckError(Exception):
    """Base class: a message for the user and the exit code it ends with."""

    exit_code = 2

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class UsageError(ClaimcheckError):
    """Bad options or arguments."""


class InputError(ClaimcheckError):
    """An input file that is missing, unreadable, binary or otherwise not text."""


class ConfigError(ClaimcheckError):
    """A configuration file with an unknown key or a bad value."""


class OutputError(ClaimcheckError):
    """A report that cannot be written where it was asked to go."""


class OutputClosed(ClaimcheckError):
    """The reader of standard output (or of a FIFO) went away: 141, as a shell reports SIGPIPE."""

    exit_code = 141

    def __init__(self, message: str = "output closed") -> None:
        super().__init__(message)
