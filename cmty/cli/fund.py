"""`cmty fund statement`: each fund's yearly statement, worked out from its vouchers."""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import Annotated

import typer

from cmty.cli._common import Lang, LangOption, out, repo_from

fund_app = typer.Typer(help="资金 / Funds.", no_args_is_help=True)


class Format(StrEnum):
    text = "text"
    md = "md"
    json = "json"


@fund_app.command("statement")
def statement(
    ctx: typer.Context,
    funds: Annotated[list[str] | None, typer.Argument(
        metavar="[FUND]...", help="资金编号，默认全部 / fund ids; default all")] = None,
    year: Annotated[int | None, typer.Option(
        "--year", min=2000, max=2100, help="年度，默认今年 / year; default this year")] = None,
    fmt: Annotated[Format, typer.Option("--format", help="输出格式 / format")] = Format.text,
    lang: LangOption = Lang.zh,
) -> None:
    """资金年度收支情况：期初、各来源到账、按科目支出、期末 / A fund's statement for a year."""
    from cmty.collect import load_records
    from cmty.errors import UsageError
    from cmty.findings import Text
    from cmty.render import statement as render
    from cmty.statement import statements

    repo = repo_from(ctx)
    records = load_records(repo, ("fund", "voucher"), date.today())
    known = {f.id for f in records.of("fund")}
    unknown = [f for f in funds or [] if f not in known]
    if unknown:
        raise UsageError(Text(f"没有资金 {', '.join(unknown)}；现有：{', '.join(sorted(known))}",
                              f"no fund {', '.join(unknown)}; there are: {', '.join(sorted(known))}"),
                         Text("用 cmty list fund 查看资金编号", "see the fund ids with cmty list fund"))
    found = statements(records, year or date.today().year, funds or None)
    if fmt is Format.json:
        out(render.as_json(found))
    elif fmt is Format.md:
        out(render.as_md(found, lang.value))
    else:
        out(render.as_text(found, lang.value))


def register(app: typer.Typer) -> None:
    app.add_typer(fund_app, name="fund")
