"""Options and helpers shared by the commands."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from cmty.repo import Repo



@dataclass
class State:
    repo: Path | None
    traceback: bool


class Lang(StrEnum):
    zh = "zh"
    en = "en"


LangOption = Annotated[Lang, typer.Option("--lang", help="输出语言 / output language")]
RevealOption = Annotated[bool, typer.Option(
    "--reveal", help="显示未脱敏的个人信息 / show personal data unmasked")]


def repo_from(ctx: typer.Context) -> Repo:
    from cmty.repo import find_repo  # imported per command: `cmty --help` stays fast

    state: State = ctx.obj
    return find_repo(explicit=state.repo)


def out(text: str) -> None:
    typer.echo(text, nl=False)


def parse_day(text: str | None) -> date | None:
    """A YYYY-MM-DD option, or None when not given."""
    from cmty.errors import UsageError
    from cmty.findings import Text

    if text is None:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise UsageError(Text(f"日期 {text!r} 应为 YYYY-MM-DD",
                              f"date {text!r} must be YYYY-MM-DD")) from None


def parse_month(text: str | None) -> str:
    """A YYYY-MM option (a date is cut to its month), this month when not given."""
    from cmty.errors import UsageError
    from cmty.findings import Text

    if text is None:
        return date.today().strftime("%Y-%m")
    parts = text[:7].split("-")
    if len(parts) != 2 or not all(p.isdigit() for p in parts) or not 1 <= int(parts[1]) <= 12:
        raise UsageError(Text(f"月份 {text!r} 应为 YYYY-MM", f"month {text!r} must be YYYY-MM"))
    return f"{int(parts[0]):04d}-{int(parts[1]):02d}"
