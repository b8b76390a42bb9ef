"""Edits change only what they change: one field, one line; everything else byte for byte."""

from __future__ import annotations

import difflib
from pathlib import Path
from typing import Any

import pytest

from cmty import yamlio
from cmty.textedit import EditError, delete, set_value

SAMPLE = Path(__file__).resolve().parent.parent / "sample_data"

MEMBER = """\
# 党员档案：李秀英（第一党支部）
id: M0012
name: 李秀英   # 户口本上的姓名
sex: 女
mobile: "13905361234"
org: O02

# 发展阶段
stages: {applied: 2004-03-01, activist: 2004-09-10,
         probationary: 2006-07-01, full: 2007-07-01}
fee_basis:                        # 按月生效
  - {from: 2024-01, kind: in-service, base: "6200.00"}
  - {from: 2026-03, kind: in-service, base: "6800.00"}  # 调资
note: |
  多行备注第一行
  第二行
tags: [老党员, 退休]
"""


def changed_lines(before: str, after: str) -> list[str]:
    return [line for line in difflib.unified_diff(before.splitlines(), after.splitlines(),
                                                 lineterm="", n=0)
            if line[:1] in "+-" and not line.startswith(("+++", "---"))]


@pytest.mark.parametrize(("path", "value", "line"), [
    (("name",), "李秀兰", "+name: 李秀兰   # 户口本上的姓名"),
    (("mobile",), "15000000081", '+mobile: "15000000081"'),
    (("sex",), "男", "+sex: 男"),
    (("stages", "full"), "2007-08-01",
     "+         probationary: 2006-07-01, full: 2007-08-01}"),
    (("fee_basis", 1, "base"), "7000.00",
     '+  - {from: 2026-03, kind: in-service, base: "7000.00"}  # 调资'),
    (("tags", 1), "在职", "+tags: [老党员, 在职]"),
])
def test_one_field_changes_one_line(path: tuple[Any, ...], value: Any, line: str) -> None:
    after = set_value(MEMBER, path, value)
    diff = changed_lines(MEMBER, after)
    assert len(diff) == 2 and diff[1] == line, diff


def test_a_new_field_is_one_new_line_at_the_end_of_its_mapping() -> None:
    after = set_value(MEMBER, ("status",), "正式党员")
    assert changed_lines(MEMBER, after) == ["+status: 正式党员"]
    assert after.endswith("tags: [老党员, 退休]\nstatus: 正式党员\n")


def test_a_new_field_in_a_flow_mapping() -> None:
    after = set_value(MEMBER, ("stages", "target"), "2005-10-08")
    assert changed_lines(MEMBER, after) == [
        "-         probationary: 2006-07-01, full: 2007-07-01}",
        "+         probationary: 2006-07-01, full: 2007-07-01, target: 2005-10-08}"]


def test_append_to_a_block_list_keeps_its_style() -> None:
    entry = {"from": "2026-11", "kind": "retired", "base": "5200.00"}
    after = set_value(MEMBER, ("fee_basis", 2), entry)
    assert changed_lines(MEMBER, after) == [
        '+  - {from: 2026-11, kind: retired, base: "5200.00"}']


def test_a_nested_field_whose_parent_is_missing() -> None:
    after = set_value(MEMBER, ("exemption", "approval"), "历山街道党工委〔2026〕12号")
    assert changed_lines(MEMBER, after) == ["+exemption: {approval: 历山街道党工委〔2026〕12号}"]


def test_multi_line_string_replaced() -> None:
    after = set_value(MEMBER, ("note",), "一行")
    assert yamlio.load_text(after)["note"] == "一行"
    assert changed_lines(MEMBER, after) == ["-note: |", "-  多行备注第一行", "-  第二行", "+note: 一行"]


def test_delete_a_field_removes_its_lines_only() -> None:
    assert changed_lines(MEMBER, delete(MEMBER, ("mobile",))) == ['-mobile: "13905361234"']
    assert changed_lines(MEMBER, delete(MEMBER, ("fee_basis", 0))) == [
        '-  - {from: 2024-01, kind: in-service, base: "6200.00"}']
    assert changed_lines(MEMBER, delete(MEMBER, ("tags", 0))) == [
        "-tags: [老党员, 退休]", "+tags: [退休]"]


def test_values_that_yaml_would_misread_are_quoted() -> None:
    for value in ("0123", "no", "true", "1.50", "- x", "a: b", "#1", "", " pad"):
        after = set_value(MEMBER, ("sex",), value)
        assert yamlio.load_text(after)["sex"] == value


def test_crlf_files_stay_crlf() -> None:
    crlf = MEMBER.replace("\n", "\r\n")
    after = set_value(crlf, ("status",), "正式党员")
    assert after.endswith("status: 正式党员\r\n") and "\n" not in after.replace("\r\n", "")


def test_a_missing_field_cannot_be_deleted() -> None:
    with pytest.raises(EditError) as info:
        delete(MEMBER, ("nope",))
    assert info.value.message.en == "the record has no nope"


def _leaves(data: Any, path: tuple[Any, ...] = ()) -> list[tuple[tuple[Any, ...], Any]]:
    if isinstance(data, dict):
        return [leaf for k, v in data.items() for leaf in _leaves(v, (*path, k))]
    if isinstance(data, list):
        return [leaf for i, v in enumerate(data) for leaf in _leaves(v, (*path, i))]
    return [(path, data)]


SAMPLES = sorted(p for p in SAMPLE.rglob("*.yaml") if "fees" not in p.parts)[::7]


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: str(p.relative_to(SAMPLE)))
def test_every_leaf_of_sample_files_round_trips_and_changes_one_line(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    for where, value in _leaves(yamlio.load_text(text)):
        assert set_value(text, where, value) == text  # the same value: the same bytes
        other: Any = f"{value}改" if isinstance(value, str) else "改"
        diff = changed_lines(text, set_value(text, where, other))
        assert len([d for d in diff if d.startswith("+")]) == 1, (where, diff)


@pytest.mark.parametrize("path", sorted(SAMPLE.rglob("*.yaml")),
                         ids=lambda p: str(p.relative_to(SAMPLE)))
def test_every_sample_file_round_trips_byte_for_byte(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    leaves = _leaves(yamlio.load_text(text))
    for where, value in (leaves[0], leaves[len(leaves) // 2], leaves[-1]):
        assert set_value(text, where, value) == text
