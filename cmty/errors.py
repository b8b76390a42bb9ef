"""Errors that stop a command (as opposed to findings, which are reported and counted)."""

from __future__ import annotations

from enum import IntEnum

from cmty.findings import Text


class ExitCode(IntEnum):
    OK = 0
    FINDINGS = 1
    USAGE = 2
    INTERNAL = 3


class CmtyError(Exception):
    """A condition that stops the command; carries a bilingual message and hint."""

    exit_code = ExitCode.USAGE

    def __init__(self, message: Text, hint: Text | None = None,
                 details: tuple[Text, ...] = ()) -> None:
        super().__init__(message.en)
        self.message = message
        self.hint = hint
        self.details = details  # further lines, e.g. the findings that made an edit refuse


class NotARepoError(CmtyError):
    """No data repository (a folder with cmty.yaml) at or above the starting folder."""


class ConfigError(CmtyError):
    """cmty.yaml is missing a value, or a value is of the wrong kind."""


class UsageError(CmtyError):
    """The command was given something it cannot use."""


class RecordNotFoundError(CmtyError):
    """No record has the id the user asked for."""
