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
    kind: Annotated[BoardKind | None, typer.Argument(
        help="公开类别：finance（财务）、dues（党费收缴）、residents（居务）、party（党务） / board kind")] = None,
    period: Annotated[str, typer.Option("--period", help="期间，如 2026Q3、2026-09 / period")] = "",
    every: Annotated[bool, typer.Option(
        "--all", help="本期全部公开（写入 --out，默认 boards/期间） / every board")] = False,
    out_dir: Annotated[Path | None, typer.Option(
        "--out", help="写入此目录（文件名 期间-类别.md），默认输出到屏幕 / write into this folder")] = None,
    as_of: Annotated[str | None, typer.Option(
        "--as-of", help="以此日期计算（未结束的月份不计） YYYY-MM-DD / reckon as of this day")] = None,
    lang: LangOption = Lang.zh,
) -> None:
    """按记录生成公开栏内容（个人信息已脱敏） / A public board from the records, masked."""
    from cmty import boards
    from cmty.board import BoardError
    from cmty.collect import load_records
    from cmty.errors import UsageError
    from cmty.findings import Text
    from cmty.transaction import write_atomic

    if not period or (kind is None) == (not every):
        raise UsageError(Text("给出一种公开类别和 --period，或用 --all --period",
                              "give a board kind and --period, or --all --period"),
                         Text("例如 cmty board finance --period 2026Q3", "e.g. cmty board finance --period 2026Q3"))
    repo = repo_from(ctx)
    today = parse_day(as_of) or date.today()
    records = load_records(repo, boards.KINDS_READ, today)
    chosen = list(boards.KINDS) if every else [str(kind.value if kind else "")]
    try:  # every board is made before any is written: a refusal leaves nothing behind
        made = {name: boards.render(records, name, period, today, lang.value) for name in chosen}
    except BoardError as exc:
        raise UsageError(exc.message, exc.hint) from None
    folder = out_dir or (repo.root / "boards" / period if every else None)
    if folder is None:
        out(made[chosen[0]])
        return
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in made.items():
        target = folder / f"{period}-{name}.md"
        write_atomic(target, text.encode("utf-8"))
        out(f"{target}\n")


def register(app: typer.Typer) -> None:
    app.command("board")(board)
