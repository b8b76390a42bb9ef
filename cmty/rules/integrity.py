"""Integrity across records: unique ids, and references that lead somewhere (DESIGN §1)."""

from __future__ import annotations

from collections.abc import Iterator

from cmty.config import Config
from cmty.findings import Finding, JsonPath, Text
from cmty.kinds import BY_NAME
from cmty.rules.base import Index, Targets, dataset_rule, finding, reference_rule


@dataset_rule("RECORD-DUPLICATE-ID")
def duplicate_ids(index: Index, config: Config) -> Iterator[Finding]:
    """Every record id is used once in the whole repository.

    Bad:  party/members/M0012.yaml and party/members/old/M0012.yaml both say id: M0012
    Good: the second is renamed party/members/M0013.yaml and says id: M0013
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


@reference_rule("REF-MISSING", "REF-WRONG-KIND")
def references_exist(targets: Targets, index: Index) -> Iterator[Finding]:
    """A field that names another record (x-ref in the schema) names one that exists.

    Bad:  entries: [{member: M9999, ...}]    # no party/members/M9999.yaml
    Good: entries: [{member: M0012, ...}]
    """
    for target_kind, wanted in targets.by_kind.items():
        missing = {target for target in wanted if target not in index.kind_of}
        for target in sorted(missing):
            for path in index.paths_of(targets.file, target_kind, target):
                yield _missing(targets.file, targets.record, path, target_kind, target)
        if target_kind == "any":
            continue
        for target in sorted(wanted - missing - index.ids_of_kind(target_kind)):
            actual = index.kind_of[target]
            for path in index.paths_of(targets.file, target_kind, target):
                yield _wrong_kind(targets.file, targets.record, path, target_kind, actual, target)


def _missing(file: str, record: str, path: JsonPath, target_kind: str, target: str) -> Finding:
    field = ".".join(str(p) for p in path)
    where = BY_NAME[target_kind].folder if target_kind in BY_NAME else "…"
    return finding(
        "REF-MISSING", file, record, path,
        Text(f"{field} 引用的 {target} 不存在", f"{field} refers to {target}, which does not exist"),
        Text(f"检查编号，或先在 {where}/ 中建立 {target}",
             f"check the id, or create {target} in {where}/ first"),
    )


def _wrong_kind(file: str, record: str, path: JsonPath, want: str, actual: str, target: str
                ) -> Finding:
    field = ".".join(str(p) for p in path)
    return finding(
        "REF-WRONG-KIND", file, record, path,
        Text(f"{field} 应引用{BY_NAME[want].title.zh}，但 {target} 是{BY_NAME[actual].title.zh}",
             f"{field} must name a {BY_NAME[want].title.en}, but {target} is a "
             f"{BY_NAME[actual].title.en}"),
        Text("改为正确类型的记录编号", "use the id of a record of the right kind"),
    )
