"""`cmty assess`: a party organisation's score for a year under the assessment scheme, with the
working of every line."""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import Annotated

import typer

from cmty.cli._common import Lang, LangOption, out, parse_day, repo_from


class Format(StrEnum):
    text = "text"
    md = "md"
    json = "json"


def assess(
    ctx: typer.Context,
    unit: Annotated[str, typer.Argument(metavar="UNIT", help="被考核的党组织编号 / organisation id")],
    year: Annotated[int, typer.Option("--year", min=2000, max=2100, help="考核年度 / year")],
    scheme: Annotated[str | None, typer.Option(
        "--scheme", help="考核方案编号（一年有多个时） / scheme id, when a year has several")] = None,
    as_of: Annotated[str | None, typer.Option(
        "--as-of", help="计算截止日期，默认今天 / reckon as of this day")] = None,
    fmt: Annotated[Format, typer.Option("--format", help="输出格式 / format")] = Format.text,
    lang: LangOption = Lang.zh,
) -> None:
    """按考核方案计算得分，逐项列出计算过程 / Score an organisation under the year's scheme."""
    from cmty.assess import KINDS_READ, AssessError
    from cmty.assess import assess as run
    from cmty.collect import load_records
    from cmty.errors import UsageError
    from cmty.render import assessment as render

    day = parse_day(as_of) or date.today()
    records = load_records(repo_from(ctx), KINDS_READ, day)
    try:
        result = run(records, unit, year, day, scheme)
    except AssessError as exc:
        raise UsageError(exc.message, exc.hint) from None
    if fmt is Format.json:
        out(render.as_json(result))
    elif fmt is Format.md:
        out(render.as_md(result, lang.value))
    else:
        out(render.as_text(result, lang.value))


def register(app: typer.Typer) -> None:
    app.command("assess")(assess)
