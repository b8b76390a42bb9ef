"""Rules about where a record lives: its file name is its id (DESIGN §1)."""

from __future__ import annotations

from collections.abc import Iterator

from cmty.findings import Finding, Text
from cmty.kinds import BY_NAME
from cmty.rules.base import RecordContext, record_rule


@record_rule("RECORD-FILENAME")
def file_name_matches_id(ctx: RecordContext) -> Iterator[Finding]:
    """The file stem names the record, so `git log -- FILE` is the record's history.

    Bad (party/members/M0012.yaml):  id: M0013
    Good (party/members/M0012.yaml): id: M0012
    """
    field = BY_NAME[ctx.kind].stem_field
    value = ctx.data.get(field)
    stem = ctx.record.rsplit("/", 1)[-1]
    if isinstance(value, str) and value != stem:
        yield ctx.finding(
            "RECORD-FILENAME", (field,),
            Text(f"文件名 {stem} 与 {field}: {value} 不一致",
                 f"file name {stem} differs from {field}: {value}"),
            Text(f"把文件改名为 {value}.yaml，或把 {field} 改为 {stem}",
                 f"rename the file to {value}.yaml or set {field} to {stem}"),
        )
