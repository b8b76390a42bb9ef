"""`cmty remind`: what is overdue and what falls due soon, with the rule and record of each."""

from __future__ import annotations

import re
import sys
from datetime import date
from enum import StrEnum
from typing import Annotated

import typer

from cmty.cli._common import Lang, LangOption, out, parse_day, repo_from


class Format(StrEnum):
    text = "text"
    json = "json"
    ics = "ics"
    md = "md"


_UNITS = {"d": 1, "w": 7, "m": 30}


def parse_within(text: str) -> int:
    """30d, 2w, 3m (30-day months) or a plain number of days."""
    from cmty.errors import UsageError
    from cmty.findings import Text

    match = re.fullmatch(r"(\d{1,4})([dwm]?)", text.strip().lower())
    if match is None:
        raise UsageError(Text(f"时间范围 {text!r} 应写成 30d、2w 或 3m", f"window {text!r} must be like "
                              "30d, 2w or 3m"))
    return int(match.group(1)) * _UNITS[match.group(2) or "d"]


def remind(
    ctx: typer.Context,
    as_of: Annotated[str | None, typer.Option(
        "--as-of", help="以此日期计算 YYYY-MM-DD，默认今天 / the date to reckon from")] = None,
    within: Annotated[str, typer.Option(
        "--within", help="列出此期间内到期的事项，如 30d、2w、3m / window ahead")] = "30d",
    fmt: Annotated[Format, typer.Option("--format", help="输出格式 / output format")] = Format.text,
    lang: LangOption = Lang.zh,
) -> None:
    """已逾期和即将到期的事项（换届、转正、会议、学时、评价等） / What is overdue and due soon."""
    from cmty.remind import reminders
    from cmty.render import reminders as render

    day = parse_day(as_of) or date.today()
    days = parse_within(within)
    repo = repo_from(ctx)
    found = reminders(repo, day, days)
    when = day.isoformat()
    if fmt is Format.ics:
        sys.stdout.flush()
        sys.stdout.buffer.write(render.as_ics(found, lang.value, when, repo.config.name))
        sys.stdout.buffer.flush()
    elif fmt is Format.json:
        out(render.as_json(found, when, days))
    elif fmt is Format.md:
        out(render.as_md(found, lang.value, when, days))
    else:
        out(render.as_text(found, lang.value, when, days))


def register(app: typer.Typer) -> None:
    app.command("remind")(remind)
