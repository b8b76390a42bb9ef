"""网格化管理 (§11 网格): cells at the levels of parameter grid.levels, each under a cell of the
level above, every building in exactly one cell, and every resident in a cell."""

from __future__ import annotations

from collections.abc import Iterator

from cmty.findings import Finding, Text
from cmty.rules.base import RecordContext, Records, collection_rule, record_rule


@record_rule("GRID-LEVEL", kinds=("grid",))
def level_known(ctx: RecordContext) -> Iterator[Finding]:
    """A cell's level is one of parameter grid.levels.

    Bad:  level: 片区 with grid.levels [街道, 社区, 网格, 楼栋]
    Good: level: 网格
    """
    levels = [str(v) for v in ctx.config.param("grid.levels")]
    level = ctx.data.get("level")
    if isinstance(level, str) and level not in levels:
        yield ctx.finding("GRID-LEVEL", ("level",),
                          Text(f"层级“{level}”不在参数 grid.levels 中", f"level {level} is not one of "
                               "parameter grid.levels"),
                          Text(f"可选：{'、'.join(levels)}；或在 cmty.yaml 中调整 grid.levels",
                               f"use one of: {', '.join(levels)}; or change grid.levels in cmty.yaml"))


@collection_rule("GRID-PARENT", "GRID-BUILDING-TWICE", kinds=("grid",))
def hierarchy(records: Records) -> Iterator[Finding]:
    """Each cell sits under a cell of the level just above it, and each building is in exactly
    one cell (§11 网格).

    Bad:  G03 {level: 楼栋, parent: G00} where G00 is a 社区
    Good: G03 {level: 楼栋, parent: G01} where G01 is a 网格
    """
    levels = [str(v) for v in records.config.param("grid.levels")]
    owner: dict[str, str] = {}
    for cell in records.of("grid"):
        level, parent = cell.data.get("level"), records.get("grid", cell.data.get("parent"))
        if parent is not None and level in levels and parent.data.get("level") in levels:
            above = levels.index(str(level)) - 1
            if levels.index(str(parent.data.get("level"))) != above:
                want = levels[above] if above >= 0 else "（无）"
                yield cell.finding("GRID-PARENT", ("parent",),
                                   Text(f"{cell.id}（{level}）的上级 {parent.id} 是{parent.data.get('level')}，"
                                        f"应为{want}", f"{cell.id} ({level}) sits under {parent.id}, a "
                                        f"{parent.data.get('level')}; it belongs under a {want}"),
                                   Text("按 grid.levels 的层级逐级设置上级网格", "give each cell a parent "
                                        "of the level above, as grid.levels orders them"))
        for i, building in enumerate(cell.data.get("buildings") or []):
            if not isinstance(building, str):
                continue
            first = owner.setdefault(building, cell.id)
            if first != cell.id:
                yield cell.finding("GRID-BUILDING-TWICE", ("buildings", i),
                                   Text(f"{building} 已划入 {first}", f"{building} is already in {first}"),
                                   Text("每栋楼只属于一个网格；从其中一个网格中删除",
                                        "each building belongs to one cell: remove it from one of them"))


@collection_rule("GRID-RESIDENT", kinds=("resident", "grid"))
def resident_in_a_cell(records: Records) -> Iterator[Finding]:
    """Every resident still living here is in a grid cell (§11 网格), once the repository keeps
    its grid (a community that has not entered its grid yet is not told so for each resident).

    Bad:  grids/G01.yaml exists and a resident has no grid
    Good: grid: G01
    """
    if not records.of("grid"):
        return
    for rec in records.of("resident"):
        if not rec.data.get("grid") and not rec.data.get("left_on"):
            yield rec.finding("GRID-RESIDENT", ("id",),
                              Text(f"{rec.id} 没有划入网格", f"{rec.id} is in no grid cell"),
                              Text("按住址填写 grid（网格编号）", "fill in grid (the cell's id) from "
                                   "the address"))
