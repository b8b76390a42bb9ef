"""Integrity across records: unique ids, and references that lead somewhere (DESIGN §1)."""

from __future__ import annotations

from collections.abc import Iterator

from cmty.config import Config
from cmty.findings import Finding, Text
from cmty.kinds import BY_NAME
from cmty.rules.base import Index, dataset_rule, finding


@dataset_rule("RECORD-DUPLICATE-ID")
def duplicate_ids(index: Index, config: Config) -> Iterator[Finding]:
    """Every record id is used once in the whole repository.

    Bad:  party/members/M0012.yaml and party/members/old/M0012.yaml both say id: M0012
    """
    for record, places in index.ids.items():
        if len(places) < 2:
            continue
        first = places[0]
        for other in places[1:]:
            yield finding(
                "RECORD-DUPLICATE-ID", other.file, record, other.path,
                Text(f"编号 {record} 已在 {first.file} 使用", f"id {record} is already used by "
                     f"{first.file}"),
                Text("给其中一条记录换一个未用过的编号", "give one of the records an unused id"),
            )


@dataset_rule("REF-MISSING", "REF-WRONG-KIND")
def references_exist(index: Index, config: Config) -> Iterator[Finding]:
    """A field that names another record (x-ref in the schema) names one that exists.

    Bad:  entries: [{member: M9999, ...}]    # no party/members/M9999.yaml
    Good: entries: [{member: M0012, ...}]
    """
    for ref in index.refs:
        places = index.ids.get(ref.target)
        field = ".".join(str(p) for p in ref.path)
        if not places:
            where = BY_NAME[ref.target_kind].folder if ref.target_kind in BY_NAME else "…"
            yield finding(
                "REF-MISSING", ref.file, ref.record, ref.path,
                Text(f"{field} 引用的 {ref.target} 不存在", f"{field} refers to {ref.target}, "
                     "which does not exist"),
                Text(f"检查编号，或先在 {where}/ 中建立 {ref.target}",
                     f"check the id, or create {ref.target} in {where}/ first"),
            )
        elif ref.target_kind != "any" and all(p.kind != ref.target_kind for p in places):
            yield finding(
                "REF-WRONG-KIND", ref.file, ref.record, ref.path,
                Text(f"{field} 应引用{BY_NAME[ref.target_kind].title.zh}，但 {ref.target} 是"
                     f"{BY_NAME[places[0].kind].title.zh}",
                     f"{field} must name a {BY_NAME[ref.target_kind].title.en}, but {ref.target} "
                     f"is a {BY_NAME[places[0].kind].title.en}"),
                Text("改为正确类型的记录编号", "use the id of a record of the right kind"),
            )
