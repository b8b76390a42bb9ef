"""`cmty board`: a public board rendered from the records, masked, checked for leaks."""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from cmty.cli._common import Lang, LangOption, out, parse_day, repo_from


class BoardKind(StrEnum):
    finance = "finance"
    dues = "dues"
    residents = "residents"
    party = "party"


def board(
    ctx: typer.Context,
    kind: Annotated[BoardKind, typer.Argument(
        help="公开类别：finance（财务）、dues（党费收缴）、residents（居务）、party（党务） / board kind")],
    period: Annotated[str, typer.Option("--period", help="期间，如 2026Q3、2026-09 / period")],
    out_dir: Annotated[Path | None, typer.Option(
        "--out", help="写入此目录（文件名 期间-类别.md），默认输出到屏幕 / write into this folder")] = None,
    as_of: Annotated[str | None, typer.Option(
        "--as-of", help="以此日期计算（未结束的月份不计） YYYY-MM-DD / reckon as of this day")] = None,
    lang: LangOption = Lang.zh,
) -> None:
    """按记录生成公开栏内容（个人信息已脱敏） / A public board from the records, masked."""
    from cmty import affairsboard, duesboard, leaks, partyboard
    from cmty import board as finance
    from cmty.board import BoardError, sensitive_values
    from cmty.collect import load_records
    from cmty.errors import UsageError
    from cmty.findings import Text
    from cmty.render.boards import affairs_md, dues_md, finance_md, party_md
    from cmty.transaction import write_atomic

    today = parse_day(as_of) or date.today()
    kinds = {*finance.KINDS_READ, *duesboard.KINDS_READ, *affairsboard.KINDS_READ, *partyboard.KINDS_READ}
    records = load_records(repo_from(ctx), kinds, today)
    try:
        if kind is BoardKind.finance:
            text = finance_md(finance.finance_board(records, period), lang.value)
        elif kind is BoardKind.dues:
            text = dues_md(duesboard.dues_board(records, period, today), lang.value)
        elif kind is BoardKind.residents:
            text = affairs_md(affairsboard.affairs_board(records, period), lang.value)
        else:
            text = party_md(partyboard.party_board(records, period, today), lang.value)
    except BoardError as exc:
        raise UsageError(exc.message, exc.hint) from None
    found = leaks.scan(text, sensitive_values(records))
    if found:
        where = "; ".join(f"{leak.line}:{leak.column} {leak.title.zh} {leak.shown}" for leak in found[:5])
        where_en = "; ".join(f"{leak.line}:{leak.column} {leak.title.en} {leak.shown}" for leak in found[:5])
        raise UsageError(Text(f"公开内容含未脱敏的个人信息，未生成：{where}",
                              f"the board would show personal data unmasked, so it was not made: {where_en}"),
                         Text("从记录的摘要、备注等文字中删去这些号码后重试", "remove these numbers from the "
                              "records' descriptions and notes, then try again"))
    if out_dir is None:
        out(text)
        return
    target = out_dir / f"{period}-{kind.value}.md"
    out_dir.mkdir(parents=True, exist_ok=True)
    write_atomic(target, text.encode("utf-8"))
    out(f"{target}\n")


def register(app: typer.Typer) -> None:
    app.command("board")(board)
