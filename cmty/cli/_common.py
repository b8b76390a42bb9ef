"""Options and helpers shared by the commands."""

from __future__ import annotations

from dataclasses import dataclass
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
