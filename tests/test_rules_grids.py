"""网格化 (§11 网格): levels from parameter grid.levels, each cell under the level above, every
building in one cell, every resident in a cell once the grid is kept."""

from __future__ import annotations

from tests.conftest import CONFIG, WriteRepo, findings, found

COMMUNITY = "grids/G00.yaml"
CELL = "grids/G01.yaml"
OTHER = "grids/G02.yaml"
RES = "residents/R00001.yaml"


def cell(gid: str, level: str, parent: str = "", buildings: str = "") -> str:
    text = f"id: {gid}\nname: 第{gid}网格\nlevel: {level}\n"
    if parent:
        text += f"parent: {parent}\n"
    if buildings:
        text += f"buildings: [{buildings}]\n"
    return text


def grid(**more: str) -> dict[str, str]:
    return {COMMUNITY: cell("G00", "社区"), CELL: cell("G01", "网格", "G00", "1号楼, 2号楼"), **more}


def test_a_grid_of_levels_in_order_is_clean(write_repo: WriteRepo) -> None:
    assert found(write_repo(grid())) == []


def test_a_level_outside_the_parameter(write_repo: WriteRepo) -> None:
    assert found(write_repo(grid(**{OTHER: cell("G02", "片区", "G00")}))) == [("GRID-LEVEL", OTHER, 3, 8)]
    custom = CONFIG + "parameters:\n  grid:\n    levels: [街道, 社区, 片区, 网格]\n"
    files = {COMMUNITY: cell("G00", "社区"), OTHER: cell("G02", "片区", "G00"),
             CELL: cell("G01", "网格", "G02")}
    assert found(write_repo(files, config=custom)) == []


def test_a_cell_under_the_wrong_level(write_repo: WriteRepo) -> None:
    files = grid(**{OTHER: cell("G02", "楼栋", "G00")})  # a building directly under the community
    assert found(write_repo(files)) == [("GRID-PARENT", OTHER, 4, 9)]
    [wrong] = findings(write_repo(files))
    assert wrong.message.zh == "G02（楼栋）的上级 G00 是社区，应为网格"
    assert found(write_repo(grid(**{OTHER: cell("G02", "楼栋", "G01")}))) == []


def test_every_building_in_exactly_one_cell(write_repo: WriteRepo) -> None:
    files = grid(**{OTHER: cell("G02", "网格", "G00", "3号楼, 2号楼")})
    assert found(write_repo(files)) == [("GRID-BUILDING-TWICE", OTHER, 5, 18)]
    assert findings(write_repo(files))[0].message.en == "2号楼 is already in G01"


def test_every_resident_in_a_cell_once_the_grid_is_kept(write_repo: WriteRepo) -> None:
    resident = "id: R00001\nname: 王建军\ncategory: 户籍\n"
    assert found(write_repo({RES: resident})) == []  # no grid kept yet: nothing to say
    assert found(write_repo(grid(**{RES: resident}))) == [("GRID-RESIDENT", RES, 1, 5)]
    assert found(write_repo(grid(**{RES: resident + "grid: G01\n"}))) == []
    assert found(write_repo(grid(**{RES: resident + "left_on: 2026-10-01\n"}))) == []
    assert found(write_repo(grid(**{RES: resident + "grid: G09\n"}))) == [("REF-MISSING", RES, 4, 7)]
