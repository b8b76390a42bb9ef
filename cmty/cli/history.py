"""`cmty history`, `cmty blame` and `cmty log`: what changed in a record, who set each of its
fields, and what changed in the repository. Text is one aligned line per change; JSON is the
library's result as `dataclasses.asdict` gives it."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import asdict
from enum import StrEnum
from functools import cache
from typing import TYPE_CHECKING, Annotated, Any
from unicodedata import combining, east_asian_width

import typer

from cmty.cli._common import Lang, LangOption, RevealOption, out, repo_from
from cmty.findings import Text

if TYPE_CHECKING:
    from cmty.history import Activity, BlameLine, Change


class Format(StrEnum):
    text = "text"
    json = "json"


FormatOption = Annotated[Format, typer.Option("--format", help="输出格式 / format")]
SinceOption = Annotated[str | None, typer.Option(
    "--since", metavar="DATE", help="只看这一天（含）以后的提交，YYYY-MM-DD / commits on or after DATE")]
RecordId = Annotated[str, typer.Argument(metavar="ID", help="记录编号 / record id")]

_LABELS = {
    "created": Text("新建", "created"), "deleted": Text("删除", "deleted"),
    "moved": Text("移动", "moved"), "unreadable": Text("无法读取", "unreadable"),
    "format": Text("仅格式或注释", "formatting or comments only"),
    "uncommitted": Text("未提交", "uncommitted"),
    "added": Text("新增", "added"), "modified": Text("修改", "modified"), "renamed": Text("移动", "renamed"),
}
_NONE = Text("（无）", "(none)")
_NOTHING = Text("（没有符合条件的修改）", "(no matching changes)")


def history(
    ctx: typer.Context,
    record_id: RecordId,
    field: Annotated[str | None, typer.Option(
        "--field", metavar="PATH", help="只看这个字段及其下级，如 mobile、fee_basis.0.base / "
        "only this field and its children")] = None,
    since: SinceOption = None,
    fmt: FormatOption = Format.text,
    reveal: RevealOption = False,
    lang: LangOption = Lang.zh,
) -> None:
    """一条记录的修改历史（逐字段） / A record's history, field by field."""
    from cmty.history import record_history

    changes = record_history(repo_from(ctx), record_id, field=field, since=since, reveal=reveal)
    out(_json(changes) if fmt is Format.json else changes_text(changes, lang))


def blame(
    ctx: typer.Context,
    record_id: RecordId,
    fmt: FormatOption = Format.text,
    reveal: RevealOption = False,
    lang: LangOption = Lang.zh,
) -> None:
    """每个字段的当前值由哪次提交写入 / Which commit set each field's current value."""
    from cmty.history import field_blame

    lines = field_blame(repo_from(ctx), record_id, reveal=reveal)
    out(_json(lines) if fmt is Format.json else blame_text(lines, lang))


def log(
    ctx: typer.Context,
    kind: Annotated[str | None, typer.Option(
        "--kind", help="只看这种记录：org member fee fund voucher disclosure / only this kind")] = None,
    since: SinceOption = None,
    author: Annotated[str | None, typer.Option(
        "--author", metavar="NAME", help="作者姓名或邮箱的一部分 / part of the author's name or email")] = None,
    action: Annotated[str | None, typer.Option(
        "--action", help="如 record.set、hand-edit、merge / for example record.set, hand-edit, merge")] = None,
    fmt: FormatOption = Format.text,
    lang: LangOption = Lang.zh,
) -> None:
    """数据仓库的修改记录，最新的在前 / What changed in the repository, newest first."""
    from cmty.activity import activity

    items = activity(repo_from(ctx), kind=kind, since=since, author=author, action=action)
    out(_json(items) if fmt is Format.json else log_text(items, lang))


def register(app: typer.Typer) -> None:
    app.command("history")(history)
    app.command("blame")(blame)
    app.command("log")(log)


# --- text ----------------------------------------------------------------------------------------


def changes_text(changes: Sequence[Change], lang: str) -> str:
    rows = [[c.date[:10], c.commit[:7], c.author, c.action, _what(c, lang)] for c in changes]
    return aligned(rows) if rows else _NOTHING.get(lang) + "\n"


def blame_text(lines: Sequence[BlameLine], lang: str) -> str:
    rows = [[b.field, value_text(b.value), b.date[:10], b.commit[:7], b.author,
             _LABELS[b.action].get(lang) if b.action == "uncommitted" else b.action] for b in lines]
    return aligned(rows) if rows else _NOTHING.get(lang) + "\n"


def log_text(items: Sequence[Activity], lang: str) -> str:
    rows = [[a.date[:10], a.commit[:7], a.author, a.action, a.kind, a.record,
             _LABELS[a.change].get(lang), a.subject] for a in items]
    return aligned(rows) if rows else _NOTHING.get(lang) + "\n"


def value_text(value: Any) -> str:
    """Text as written; everything else as JSON (null, true, 3, [], {}); "" for the empty text."""
    if isinstance(value, str):
        return value if value else '""'
    return json.dumps(value, ensure_ascii=False)


def _what(change: Change, lang: str) -> str:
    old, new, none = value_text(change.old), value_text(change.new), _NONE.get(lang)
    label = _LABELS[change.op].get(lang) if change.op in _LABELS else change.op
    return {
        "changed": f"{change.field}: {old} → {new}",
        "added": f"{change.field}: {none} → {new}",
        "removed": f"{change.field}: {old} → {none}",
        "created": f"[{label}] {change.field}: {new}",
        "deleted": f"[{label}] {change.field}: {old}",
        "moved": f"[{label}] {change.old} → {change.new}",
    }.get(change.op, f"[{label}]")


@cache
def _width(text: str) -> int:
    """Display width: 2 for wide and full-width characters (CJK), 0 for combining marks."""
    if text.isascii():
        return len(text)
    return sum(0 if combining(ch) else 2 if east_asian_width(ch) in "WF" else 1 for ch in text)


def aligned(rows: Sequence[Sequence[str]]) -> str:
    """Columns two spaces apart, padded to their display width (a Chinese character is 2); the
    last column is not padded."""
    widths = [max(_width(row[i]) for row in rows) for i in range(len(rows[0]) - 1)]
    lines = []
    for row in rows:
        cells = [cell + " " * (width - _width(cell)) for cell, width in zip(row, widths, strict=False)]
        lines.append("  ".join([*cells, row[-1]]).rstrip())
    return "\n".join(lines) + "\n"


def _json(items: Sequence[Any]) -> str:
    return json.dumps([asdict(item) for item in items], ensure_ascii=False, indent=2) + "\n"
