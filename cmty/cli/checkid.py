"""`cmty check-id`: check ID numbers, credit codes and mobiles before typing them in."""

from __future__ import annotations

import json
from enum import StrEnum
from typing import Annotated

import typer

from cmty.cli._common import Lang, LangOption, out
from cmty.errors import ExitCode


class Format(StrEnum):
    text = "text"
    json = "json"


def check_id(
    values: Annotated[list[str], typer.Argument(help="要检查的号码 / numbers to check")],
    fmt: Annotated[Format, typer.Option("--format", help="输出格式 / output format")] = Format.text,
    lang: LangOption = Lang.zh,
) -> None:
    """检查身份证号、统一社会信用代码、手机号 / Check ID numbers, credit codes and mobiles."""
    from cmty.identifiers import guess_and_check
    from cmty.render.identifiers import as_text, to_json

    verdicts = [guess_and_check(v) for v in values]
    if fmt is Format.json:
        rows = [to_json(value, v) for value, v in zip(values, verdicts, strict=True)]
        out(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
    else:
        out(as_text(values, verdicts, lang.value))
    if not all(v.valid for v in verdicts):
        raise typer.Exit(int(ExitCode.FINDINGS))


def register(app: typer.Typer) -> None:
    app.command("check-id")(check_id)
