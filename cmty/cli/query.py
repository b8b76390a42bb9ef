"""`cmty list` and `cmty show`: read records, personal data masked unless --reveal."""

from __future__ import annotations

import json
from enum import StrEnum
from typing import Annotated

import typer

from cmty.cli._common import Lang, LangOption, RevealOption, out, repo_from


class ListFormat(StrEnum):
    table = "table"
    csv = "csv"
    json = "json"
    md = "md"


class ShowFormat(StrEnum):
    yaml = "yaml"
    json = "json"


def list_records(
    ctx: typer.Context,
    kind: Annotated[str, typer.Argument(help="记录类型：org member fee fund voucher disclosure")],
    where: Annotated[list[str] | None, typer.Option(
        "--where", help="筛选 字段=值，可重复 / filter FIELD=VALUE, repeatable")] = None,
    sort: Annotated[str | None, typer.Option("--sort", help="排序字段 / sort by")] = None,
    columns: Annotated[str | None, typer.Option(
        "--columns", help="列，逗号分隔，如 id,name,standing（党龄） / columns, comma-separated")] = None,
    fmt: Annotated[ListFormat, typer.Option("--format", help="输出格式 / format")] = (
        ListFormat.table),
    reveal: RevealOption = False,
    lang: LangOption = Lang.zh,
) -> None:
    """列出记录 / List the records of a kind."""
    from cmty.query import select
    from cmty.render import tables

    chosen = [c.strip() for c in columns.split(",") if c.strip()] if columns else None
    header, rows = select(repo_from(ctx), kind, where or [], sort, chosen, reveal=reveal)
    render = {ListFormat.table: tables.as_table, ListFormat.csv: tables.as_csv,
              ListFormat.json: tables.as_json, ListFormat.md: tables.as_markdown}[fmt]
    out(render(header, rows))


def show(
    ctx: typer.Context,
    record_id: Annotated[str, typer.Argument(metavar="ID", help="记录编号 / record id")],
    fmt: Annotated[ShowFormat, typer.Option("--format", help="输出格式 / format")] = (
        ShowFormat.yaml),
    reveal: RevealOption = False,
    at: Annotated[str | None, typer.Option(
        "--at", help="某个版本或日期时的样子 / as it was at a revision or date (YYYY-MM-DD)")] = None,
    lang: LangOption = Lang.zh,
) -> None:
    """显示一条记录 / Show one record."""
    from cmty.history import version_at
    from cmty.query import find_record, shown
    from cmty.render.records import as_yaml

    repo = repo_from(ctx)
    record, raw = version_at(repo, record_id, at) if at else (find_record(repo, record_id), None)
    if fmt is ShowFormat.json:
        out(json.dumps(shown(record, reveal), ensure_ascii=False, indent=2) + "\n")
    else:
        out(as_yaml(repo, record, reveal, raw))


def register(app: typer.Typer) -> None:
    app.command("list")(list_records)
    app.command("show")(show)
