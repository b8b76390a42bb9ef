"""Errors that stop a command (as opposed to findings, which are reported and counted)."""

from __future__ import annotations

from collections.abc import Sequence
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


class NotAGitRepoError(CmtyError):
    """The data repository is not inside a git work tree, or git is not installed."""


class BadRevisionError(CmtyError):
    """A revision (commit, branch, tag, date) that names no commit."""


def git_failed(args: Sequence[str], stderr: bytes) -> CmtyError:
    detail = stderr.decode("utf-8", "replace").strip().splitlines()
    last = detail[-1] if detail else ""
    return CmtyError(Text(f"git {args[0]} 失败：{last}", f"git {args[0]} failed: {last}"),
                     Text("检查数据仓库的 git 状态（git status）", "check the repository with git status"))
