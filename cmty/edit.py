"""Record edits as library calls: set, unset, add and remove, each one committed change.

Values typed on the command line are read by what the schema wants at that field: text stays
text (`mobile=13905361234` is stored as "13905361234"), numbers and booleans are read as such,
and lists or mappings are read as YAML flow text (`months=[2026-10, 2026-11]`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from cmty import textedit, yamlio, yamltext
from cmty.errors import UsageError
from cmty.findings import JsonPath, Text
from cmty.kinds import BY_NAME, Kind
from cmty.query import find_record, kind_named, records
from cmty.repo import Repo
from cmty.schemas import kind_schema
from cmty.transaction import Changes, EditRefused, Message, Outcome, apply


@dataclass(frozen=True)
class Options:
    force: bool = False
    no_commit: bool = False
    author: str | None = None


def parse_path(dotted: str) -> JsonPath:
    """`fee_basis.1.base` → ("fee_basis", 1, "base")."""
    if not dotted or any(not part for part in dotted.split(".")):
        raise UsageError(Text(f"字段路径 {dotted!r} 不对", f"bad field path {dotted!r}"),
                         Text("例如 mobile、stages.full、fee_basis.0.base",
                              "e.g. mobile, stages.full, fee_basis.0.base"))
    return tuple(int(p) if p.isdigit() else p for p in dotted.split("."))


def resolve_keys(data: Any, path: JsonPath) -> JsonPath:
    """A path whose list steps may name an item by its first field's value, as indexes.

    `entries.M0012.amount` is the amount of the entry whose first field (member) is M0012;
    `fee_basis.2026-03.base`, `approvals.书记.on` work the same way.
    """
    resolved: list[str | int] = []
    node = data
    for step in path:
        if isinstance(node, list) and isinstance(step, str):
            matches = [i for i, item in enumerate(node) if isinstance(item, dict) and item
                       and str(next(iter(item.values()))) == step]
            if len(matches) != 1:
                where = ".".join(map(str, (*resolved, step)))
                found = "没有" if not matches else f"有 {len(matches)} 个"
                raise UsageError(Text(f"{where}：列表中{found}以 {step} 开头的项",
                                      f"{where}: {len(matches)} list items start with {step}"),
                                 Text("用序号指定，例如 entries.3.amount",
                                      "give the index instead, e.g. entries.3.amount"))
            step = matches[0]
        resolved.append(step)
        node = _child(node, step)
    return tuple(resolved)


def _child(node: Any, step: str | int) -> Any:
    if isinstance(node, dict):
        return node.get(step) if isinstance(step, str) else None
    if isinstance(node, list) and isinstance(step, int) and 0 <= step < len(node):
        return node[step]
    return None


def parse_assignment(text: str) -> tuple[JsonPath, str]:
    field, sep, value = text.partition("=")
    if not sep:
        raise UsageError(Text(f"应写成 字段=值，而不是 {text!r}", f"use FIELD=VALUE, not {text!r}"),
                         Text("例如 mobile=13905361234", "e.g. mobile=13905361234"))
    return parse_path(field.strip()), value


def typed(kind: str, path: JsonPath, raw: str) -> Any:
    """A command-line value as the type the schema wants at `path`."""
    wanted = kind_schema(kind).subschema(path)
    types = wanted.get("type")
    types = [types] if isinstance(types, str) else list(types or [])
    if "enum" in wanted or types == ["string"] or wanted.get("format"):
        return raw
    try:
        value = yamlio.load_text(f"v: {raw}")["v"] if raw.strip() else ""
    except (yamlio.YamlLoadError, TypeError):
        raise UsageError(Text(f"值 {raw!r} 不是合法的 YAML", f"value {raw!r} is not valid YAML"),
                         Text("列表写成 [a, b]，映射写成 {k: v}",
                              "write lists as [a, b] and mappings as {k: v}")) from None
    return value


def set_fields(repo: Repo, record_id: str, assignments: list[str], options: Options) -> Outcome:
    parsed = [parse_assignment(a) for a in assignments]

    def make() -> tuple[Changes, Message]:
        record = find_record(repo, record_id)
        text = _text(repo, record.file)
        for path, raw in parsed:
            where = resolve_keys(yamlio.load_text(text), path)
            text = textedit.set_value(text, where, typed(record.kind, where, raw))
        fields = [".".join(map(str, path)) for path, _ in parsed]
        message = Message(f"修改 {record.id}：{'、'.join(fields)}",
                          f"set {record.id}: {', '.join(fields)}", "record.set", (record.id,))
        return {record.file: text.encode("utf-8")}, message

    return _apply(repo, make, options)


def unset_field(repo: Repo, record_id: str, dotted: str, options: Options) -> Outcome:
    path = parse_path(dotted)

    def make() -> tuple[Changes, Message]:
        record = find_record(repo, record_id)
        text = _text(repo, record.file)
        text = textedit.delete(text, resolve_keys(yamlio.load_text(text), path))
        message = Message(f"删除 {record.id} 的 {dotted}", f"unset {record.id}: {dotted}",
                          "record.unset", (record.id,))
        return {record.file: text.encode("utf-8")}, message

    return _apply(repo, make, options)


def add_record(repo: Repo, kind_name: str, fields: dict[str, Any], options: Options) -> Outcome:
    kind = kind_named(kind_name)
    data = dict(fields)
    if kind.per_period:
        record_id = str(data.get(kind.stem_field) or "")
        if not record_id:
            raise UsageError(Text(f"{kind.title.zh}需要 {kind.stem_field}",
                                  f"a {kind.title.en} needs {kind.stem_field}"))
    else:
        record_id = str(data.get("id") or next_id(repo, kind, data))
        data = {"id": record_id, **{k: v for k, v in data.items() if k != "id"}}
    rel = f"{kind.folder}/{record_id}.yaml"

    def make() -> tuple[Changes, Message]:
        if (repo.root / rel).exists():
            raise UsageError(Text(f"{rel} 已存在", f"{rel} already exists"),
                             Text("换一个编号，或用 cmty set 修改它", "use another id, or cmty set"))
        text = yamltext.block(_schema_order(kind, data), 0)
        message = Message(f"新增{kind.title.zh} {record_id}", f"add {kind.title.en} {record_id}",
                          f"{kind.name}.add", (record_id,))
        return {rel: text.encode("utf-8")}, message

    return _apply(repo, make, options)


def remove_record(repo: Repo, record_id: str, options: Options) -> Outcome:
    """Remove a record no other record refers to (otherwise say which do)."""
    def make() -> tuple[Changes, Message]:
        record = find_record(repo, record_id)
        title = BY_NAME[record.kind].title
        message = Message(f"删除{title.zh} {record.id}", f"remove {title.en} {record.id}",
                          f"{record.kind}.remove", (record.id,))
        return {record.file: None}, message

    try:
        return _apply(repo, make, options)
    except EditRefused as refused:
        users = [f for f in refused.findings if f.code == "REF-MISSING"]
        if not users:
            raise
        where = "、".join(sorted({f.record or f.file for f in users}))
        raise EditRefused(Text(f"{record_id} 仍被 {where} 引用，未删除",
                               f"{record_id} is still referred to by {where}; not removed"),
                          Text("先修改这些记录，让它们不再引用它",
                               "first change those records so they no longer refer to it"),
                          users) from None


def next_id(repo: Repo, kind: Kind, data: dict[str, Any] | None = None) -> str:
    """The next id after the highest of the kind's numbered ids (M0060 → M0061).

    Vouchers and meetings are numbered per year, from the record's date (V2026-0041 →
    V2027-0001).
    """
    if kind.yearly_prefix:
        year = str((data or {}).get("date") or date.today().isoformat())[:4]
        prefix = f"{kind.yearly_prefix}{year}-"
        taken = [int(r.id[len(prefix):]) for r in records(repo, kind)
                 if r.id.startswith(prefix) and r.id[len(prefix):].isdigit()]
        return f"{prefix}{max(taken, default=0) + 1:0{kind.yearly_width}d}"
    best: tuple[str, int, int] | None = None
    for record in records(repo, kind):
        m = re.fullmatch(r"(.*?)(\d+)", record.id)
        if m and (best is None or int(m.group(2)) > best[1]):
            best = (m.group(1), int(m.group(2)), len(m.group(2)))
    if best is None:
        prefix, width = {"member": ("M", 4), "org": ("O", 2), "fund": ("F", 2),
                         "unit": ("U", 3), "resident": ("R", 5), "grid": ("G", 2)}.get(kind.name,
                                                                    (kind.name[0].upper(), 2))
        return f"{prefix}{1:0{width}d}"
    prefix, number, width = best
    return f"{prefix}{number + 1:0{width}d}"


def _schema_order(kind: Kind, data: dict[str, Any]) -> dict[str, Any]:
    order = list(kind_schema(kind.name).fields)
    return dict(sorted(data.items(), key=lambda kv: order.index(kv[0]) if kv[0] in order
                       else len(order)))


def _text(repo: Repo, rel: str) -> str:
    return (repo.root / rel).read_bytes().decode("utf-8")


def _apply(repo: Repo, make: Callable[[], tuple[Changes, Message]], options: Options) -> Outcome:
    return apply(repo, make, force=options.force, no_commit=options.no_commit,
                 author=options.author)


def fields_from(pairs: list[str], from_file: Path | None, kind: str) -> dict[str, Any]:
    """Fields for a new record: from a YAML file, then FIELD=VALUE pairs on top."""
    data: dict[str, Any] = {}
    if from_file is not None:
        loaded = yamlio.load_text(from_file.read_text(encoding="utf-8"))
        if not isinstance(loaded, dict):
            raise UsageError(Text(f"{from_file} 应是一条记录（键: 值）",
                                  f"{from_file} must hold one record (key: value)"))
        data.update(loaded)
    for pair in pairs:
        path, raw = parse_assignment(pair)
        textedit.assign(data, path, typed(kind, path, raw))
    return data
