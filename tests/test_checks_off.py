"""A collection rule whose codes are all turned off in cmty.yaml (`checks: {CODE: 'off'}`) is not
run at all: a community that keeps no fee records in cmty does not pay for the dues rules."""

from __future__ import annotations

import dataclasses

import pytest

from cmty import rules
from cmty.rules import dues
from tests.conftest import CONFIG, WriteRepo, found

MEMBER = "party/members/M0002.yaml"
OWING = ("id: M0002\nname: 李秀英\nsex: 女\norg: O02\nstatus: 正式党员\ncategory: 直接管理\n"
         'fee_basis:\n  - {from: 2026-01, kind: in-service, base: "3000.00"}\n')


def test_the_dues_rules_find_ten_unpaid_months(write_repo: WriteRepo) -> None:
    assert [code for code, *_ in found(write_repo({MEMBER: OWING}))] == ["FEE-LAPSE"]


def test_a_rule_turned_off_is_not_run(write_repo: WriteRepo, monkeypatch: pytest.MonkeyPatch) -> None:
    def explode(_: object) -> None:
        raise AssertionError("a rule turned off was run")

    broken = dataclasses.replace(dues.consecutive_unpaid, check=explode)
    monkeypatch.setattr(rules, "COLLECTION_RULES", tuple(
        broken if r is dues.consecutive_unpaid else r for r in rules.COLLECTION_RULES))
    off = CONFIG + "checks: {FEE-ARREARS: 'off', FEE-LAPSE: 'off'}\n"
    assert found(write_repo({MEMBER: OWING}, config=off)) == []
    # one of its codes still on: it runs (and here crashes, which is reported, not raised)
    half = CONFIG + "checks: {FEE-ARREARS: 'off'}\n"
    assert [code for code, *_ in found(write_repo({MEMBER: OWING}, config=half))] == ["RULE-CRASHED"]
