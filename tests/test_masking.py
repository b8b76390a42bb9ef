"""Masking personal data by its x-pii class: each mask's exact output, and `masked()` on records."""

from __future__ import annotations

import copy
import random
from datetime import date, timedelta

import pytest

from cmty.identifiers import check_id_number, id_check_char
from cmty.masking import (
    mask_account,
    mask_address,
    mask_date,
    mask_id_number,
    mask_mobile,
    mask_name,
    mask_value,
    masked,
)
from cmty.schemas import kind_schema, values_at

# --- names ------------------------------------------------------------------------------------


@pytest.mark.parametrize(("name", "expected"), [
    ("张三", "张*"),
    ("李秀英", "李*英"),
    ("欧阳修文", "欧阳**"),
    ("司马光", "司马*"),
    ("诸葛亮", "诸葛*"),
    ("王小明明", "王***"),
    ("欧阳", "欧*"),  # a two-character name is never all surname
    ("张", "*"),
    ("", "*"),
])
def test_mask_name(name: str, expected: str) -> None:
    assert mask_name(name) == expected


def test_mask_name_keeps_length_in_characters() -> None:
    for name in ["张三", "李秀英", "欧阳修文", "司马光", "买买提·艾力"]:
        assert len(mask_name(name)) == len(name)


# --- mobiles ----------------------------------------------------------------------------------


@pytest.mark.parametrize(("value", "expected"), [
    ("13905361234", "139****1234"),
    ("+86 139-0536-1234", "139****1234"),
    ("0086 13905361234", "139****1234"),
    ("139 0536 1234", "139****1234"),
    ("12345", "*****"),  # not 11 digits: hide everything
    ("", ""),
])
def test_mask_mobile(value: str, expected: str) -> None:
    assert mask_mobile(value) == expected


# --- ID numbers -------------------------------------------------------------------------------


def test_mask_id_number_examples() -> None:
    assert mask_id_number("11010519491231002X") == "11*************02X"
    assert mask_id_number("370102197205180230") == "37*************230"
    # legacy 15-digit number: the birth date is characters 7-12
    assert mask_id_number("110105491231002") == "11**********002"
    assert mask_id_number("12345") == "*****"


_PROVINCES = ["11", "13", "21", "31", "32", "37", "41", "44", "50", "53", "61", "65", "71", "81", "82"]


def _valid_id_numbers() -> list[tuple[str, str]]:
    """One valid ID number for every third day from 1900 to 2023 (seeded, so reproducible)."""
    rng = random.Random(11643)
    cases = []
    day, last = date(1900, 1, 1), date(2023, 12, 31)
    while day <= last:
        ymd = day.strftime("%Y%m%d")
        body = rng.choice(_PROVINCES) + f"{rng.randrange(10000):04d}" + ymd + f"{rng.randrange(1000):03d}"
        cases.append((body + id_check_char(body), ymd))
        day += timedelta(days=3)
    return cases


def test_mask_id_number_never_shows_the_birth_date() -> None:
    cases = _valid_id_numbers()
    assert len(cases) == 15097  # 45,290 days in 124 years, every third one
    assert {v[-1] for v, _ in cases} == set("0123456789X")  # every check character occurs
    for value, _ in cases[::31]:
        assert check_id_number(value, today=date(2024, 6, 1)).valid, value
    for value, ymd in cases:
        shown = mask_id_number(value)
        assert len(shown) == 18
        assert shown[6:14] == "********", value  # characters 7-14: the date of birth
        assert ymd not in shown
        # Only the province and the last three characters survive.
        assert shown[:2] == value[:2] and shown[-3:] == value[-3:]
        assert set(shown[2:15]) == {"*"}


# --- addresses, accounts, dates ---------------------------------------------------------------


@pytest.mark.parametrize(("value", "expected"), [
    ("和园小区3号楼2单元301", "和园小区***"),
    ("和园小区3栋502室", "和园小区***"),
    ("和园小区三号楼", "和园小区***"),
    ("大王庄村5组", "大王庄村***"),
    ("历山路12号和园小区", "历山路***"),
    ("和园村", "和园村"),  # nothing below the 村 level to hide
])
def test_mask_address(value: str, expected: str) -> None:
    assert mask_address(value) == expected


@pytest.mark.parametrize("value", ["和园小区3-2-301", "和园小区A座301"])
def test_mask_address_hides_dash_and_block_forms(value: str) -> None:
    shown = mask_address(value)
    assert shown.startswith("和园小区")
    assert "301" not in shown


@pytest.mark.parametrize(("value", "expected"), [
    ("6222021234567890123", "****0123"),
    ("12345", "****2345"),
    ("1234", "****"),
    ("", "****"),
])
def test_mask_account(value: str, expected: str) -> None:
    assert mask_account(value) == expected


def test_mask_date() -> None:
    assert mask_date("1972-05-18") == "1972-**-**"
    assert mask_date("197") == "*"


def test_mask_value_by_class() -> None:
    assert mask_value("name", "刘建华") == "刘*华"
    assert mask_value("mobile", 13905361234) == "139****1234"  # an unquoted mobile read as int
    assert mask_value("income", "5000.00") == "***"
    assert mask_value("no-such-class", "x") == "***"
    assert mask_value("name", None) is None


# --- masked() on a whole record ---------------------------------------------------------------


MEMBER = {
    "id": "M0001",
    "name": "刘建华",
    "sex": "男",
    "id_number": "11010519491231002X",
    "mobile": "13905361234",
    "birth_date": "1949-12-31",
    "address": "和园小区3号楼2单元301",
    "org": "O02",
    "status": "正式党员",
    "category": "协助管理",
    "home_org": "某县某镇党委",
    "contact": "+86 138-0000-1111",
    "stages": {"applied": "1970-03-01", "full": "1972-07-01"},
    "fee_basis": [
        {"from": "2025-12", "kind": "in-service", "base": "5000.00"},
        {"from": "2026-06", "kind": "retired", "base": "3100.50", "quarterly_consent": True},
        {"from": "2026-09", "kind": "farmer"},
    ],
    "note": "户籍在外地",
}

MASKED_MEMBER = {
    "id": "M0001",
    "name": "刘*华",
    "sex": "男",
    "id_number": "11*************02X",
    "mobile": "139****1234",
    "birth_date": "1949-**-**",
    "address": "和园小区***",
    "org": "O02",
    "status": "正式党员",
    "category": "协助管理",
    "home_org": "某县某镇党委",
    "contact": "138****1111",
    "stages": {"applied": "1970-03-01", "full": "1972-07-01"},
    "fee_basis": [
        {"from": "2025-12", "kind": "in-service", "base": "***"},
        {"from": "2026-06", "kind": "retired", "base": "***", "quarterly_consent": True},
        {"from": "2026-09", "kind": "farmer"},
    ],
    "note": "户籍在外地",
}


def test_masked_member_exact() -> None:
    assert masked(MEMBER, kind_schema("member")) == MASKED_MEMBER


def test_masked_changes_every_pii_field_and_nothing_else() -> None:
    schema = kind_schema("member")
    out = masked(MEMBER, schema)
    pii_paths = {path for pattern, _ in schema.pii for path, _ in values_at(MEMBER, pattern)}
    assert len(pii_paths) == 8  # six top-level fields and two fee bases
    for path in pii_paths:
        assert _at(out, path) != _at(MEMBER, path), path
    for key in MEMBER.keys() - {p[0] for p in pii_paths}:
        assert out[key] == MEMBER[key], key
    for before, after in zip(MEMBER["fee_basis"], out["fee_basis"], strict=True):
        assert {k: v for k, v in before.items() if k != "base"} == \
            {k: v for k, v in after.items() if k != "base"}


def test_masked_does_not_mutate_its_input() -> None:
    original = copy.deepcopy(MEMBER)
    out = masked(MEMBER, kind_schema("member"))
    assert original == MEMBER
    assert out["fee_basis"] is not MEMBER["fee_basis"]
    assert out["fee_basis"][0] is not MEMBER["fee_basis"][0]


def test_masked_leaves_non_text_values_alone() -> None:
    data = {"id": "M0002", "name": ["刘建华"], "mobile": None, "contact": True,
            "fee_basis": "not a list"}
    assert masked(data, kind_schema("member")) == data


def test_masked_fee_paid_by_and_fund_account() -> None:
    fee = {"period": "2026-11", "entries": [
        {"member": "M0001", "amount": "10.00", "paid_by": "欧阳修文"},
        {"member": "M0002", "amount": "20.00"},
    ]}
    assert masked(fee, kind_schema("fee"))["entries"] == [
        {"member": "M0001", "amount": "10.00", "paid_by": "欧阳**"},
        {"member": "M0002", "amount": "20.00"},
    ]
    fund = {"id": "F01", "bank_account": "6222021234567890123", "opening_balance": "1.00"}
    assert masked(fund, kind_schema("fund")) == {
        "id": "F01", "bank_account": "****0123", "opening_balance": "1.00"}


def _at(data: object, path: tuple[str | int, ...]) -> object:
    node = data
    for step in path:
        node = node[step]  # type: ignore[index]
    return node
