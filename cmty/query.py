"""Reading records for `cmty list` and `cmty show`: select, sort, mask. Pure library code."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from cmty import yamlio
from cmty.dates import day
from cmty.errors import RecordNotFoundError, UsageError
from cmty.findings import Text
from cmty.kinds import BY_NAME, KINDS, Kind, record_id_for
from cmty.masking import mask_value, masked
from cmty.repo import Repo
from cmty.schemas import kind_schema


@dataclass(frozen=True)
class Record:
    kind: str
    id: str
    file: str
    data: dict[str, Any]


def kind_named(name: str) -> Kind:
    if name not in BY_NAME:
        names = ", ".join(BY_NAME)
        raise UsageError(Text(f"没有 {name} 这种记录；可选：{names}",
                              f"no record kind {name}; use one of: {names}"))
    return BY_NAME[name]


def _load(repo: Repo, rel: str) -> dict[str, Any] | None:
    try:
        decoded = yamlio.decode((repo.root / rel).read_bytes(), 64 * 1024 * 1024)
        data = yamlio.load_text(decoded.text) if decoded.text is not None else None
    except (OSError, yamlio.YamlLoadError):
        return None
    return data if isinstance(data, dict) else None


def records(repo: Repo, kind: Kind) -> Iterator[Record]:
    """Every readable record of a kind; unreadable files are skipped (validate reports them)."""
    for rel, file_kind in repo.record_files():
        if file_kind is not kind:
            continue
        data = _load(repo, rel)
        if data is not None:
            yield Record(kind.name, record_id_for(kind, rel), rel, data)


def get(data: Any, dotted: str) -> Any:
    node = data
    for step in dotted.split("."):
        if isinstance(node, dict):
            node = node.get(step)
        elif isinstance(node, list) and step.isdigit() and int(step) < len(node):
            node = node[int(step)]
        else:
            return None
    return node


def _computed(record: Record, column: str) -> Any:
    if column == "id":
        return record.id
    if column == "total" and record.kind == "voucher":
        lines = record.data.get("lines")
        if not isinstance(lines, list):
            return None
        try:
            return str(sum((Decimal(str(line.get("amount", "0"))) for line in lines), Decimal("0")))
        except (InvalidOperation, AttributeError):
            return None
    if column == "entries" and isinstance(record.data.get("entries"), list):
        return len(record.data["entries"])
    if column == "standing" and record.kind == "member":
        return party_standing(record.data, date.today())
    return get(record.data, column)


def party_standing(member: dict[str, Any], on: date) -> int | None:
    """党龄 in whole years on `on`, from the day the member became full (D18: computed from
    stages.full, never entered by hand); None before that."""
    stages = member.get("stages")
    full = day(stages.get("full")) if isinstance(stages, dict) else None
    if full is None or full > on:
        return None
    return on.year - full.year - ((on.month, on.day) < (full.month, full.day))


def parse_where(clauses: Sequence[str]) -> list[tuple[str, str]]:
    parsed = []
    for clause in clauses:
        field, sep, value = clause.partition("=")
        if not sep or not field:
            raise UsageError(Text(f"--where 应写成 字段=值，而不是 {clause!r}",
                                  f"--where takes FIELD=VALUE, not {clause!r}"),
                             Text("例如 --where org=O02", "for example --where org=O02"))
        parsed.append((field.strip(), value.strip()))
    return parsed


def _sort_key(value: Any) -> tuple[int, Any]:
    if value is None:
        return (2, "")
    try:
        number = Decimal(str(value))
    except InvalidOperation:
        return (1, str(value))
    return (0, number) if number.is_finite() else (1, str(value))


def select(repo: Repo, kind_name: str, where: Sequence[str] = (), sort: str | None = None,
           columns: Sequence[str] | None = None, reveal: bool = False
           ) -> tuple[list[str], list[list[Any]]]:
    """Header and rows for `cmty list`; personal fields masked unless `reveal`."""
    kind = kind_named(kind_name)
    conditions = parse_where(where)
    cols = list(columns or kind.columns)
    pii = {".".join(p): c for p, c in kind_schema(kind.name).pii if "*" not in p}
    chosen = [r for r in records(repo, kind)
              if all(_matches(_computed(r, f), v) for f, v in conditions)]
    if sort:
        chosen.sort(key=lambda r: _sort_key(_computed(r, sort)))
    rows = []
    for record in chosen:
        row = []
        for col in cols:
            value = _computed(record, col)
            if not reveal and col in pii:
                value = mask_value(pii[col], value)
            row.append(value)
        rows.append(row)
    return cols, rows


def _matches(value: Any, wanted: str) -> bool:
    if isinstance(value, bool):
        return str(value).lower() == wanted.lower()
    return value is not None and str(value) == wanted


_RECORD_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]*(/[A-Za-z0-9][A-Za-z0-9_-]*)?$")


def find_record(repo: Repo, record_id: str) -> Record:
    if not _RECORD_ID.match(record_id):
        # An id is never a path: "../members/M0001" must not reach a file through another
        # kind's folder (it would be masked by the wrong schema).
        raise UsageError(Text(f"{record_id!r} 不是记录编号", f"{record_id!r} is not a record id"),
                         Text("编号形如 M0012、V2026-0031 或 2026-11",
                              "ids look like M0012, V2026-0031 or 2026-11"))
    for kind in KINDS:
        candidate = repo.root / kind.folder / f"{record_id}.yaml"
        if candidate.is_file():
            rel = candidate.relative_to(repo.root).as_posix()
            data = _load(repo, rel)
            if data is not None:
                return Record(kind.name, record_id, rel, data)
    for rel, kind in repo.record_files():  # ids in sub-folders, or files named differently
        if record_id_for(kind, rel) == record_id or Path(rel).stem == record_id:
            data = _load(repo, rel)
            if data is not None:
                return Record(kind.name, record_id, rel, data)
    raise RecordNotFoundError(Text(f"没有编号为 {record_id} 的记录", f"no record has id {record_id}"),
                              Text("用 cmty list KIND 查看已有编号",
                                   "cmty list KIND shows the ids there are"))


def shown(record: Record, reveal: bool) -> dict[str, Any]:
    return record.data if reveal else masked(record.data, kind_schema(record.kind))
