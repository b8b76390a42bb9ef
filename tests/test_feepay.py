"""`cmty fee pay`: one entry appended to the month's collection, one commit."""

from __future__ import annotations

from datetime import date

import pytest

from cmty.edit import Options
from cmty.errors import UsageError
from cmty.feepay import Payment, pay
from cmty.repo import Repo
from cmty.transaction import EditRefused
from tests.conftest import CommittedRepo, git

MEMBER2 = """\
id: M0002
name: 李秀英
sex: 女
org: O02
status: 正式党员
category: 直接管理
fee_basis:
  - {from: 2024-01, kind: in-service, base: "6200.00"}
"""
NOVEMBER = """\
period: 2026-11
collector: M0001
entries:
  # 月初集中收缴
  - {member: M0001, months: [2026-11], amount: "0.20", paid_on: 2026-11-05, method: 微信}
"""



@pytest.fixture
def repo(committed_repo: CommittedRepo) -> Repo:
    return committed_repo({"party/members/M0002.yaml": MEMBER2, "party/fees/2026-11.yaml": NOVEMBER})


def test_pay_appends_one_entry_with_the_computed_due(repo: Repo) -> None:
    outcome = pay(repo, Payment("M0002", "2026-11", paid_on=date(2026, 11, 8), method="微信"),
                  Options())
    assert outcome.files == ["party/fees/2026-11.yaml"]
    assert (repo.root / "party/fees/2026-11.yaml").read_text(encoding="utf-8") == NOVEMBER + (
        '  - {member: M0002, months: [2026-11], amount: "93.00", paid_on: 2026-11-08, '
        "method: 微信}\n")
    assert git(repo.root, "log", "-1", "--format=%B") == (
        "收缴党费 M0002 2026-11 93.00 元 / fee paid M0002 2026-11 93.00\n\n"
        "Cmty-Action: fee.pay\nCmty-Record: M0002\nCmty-Record: 2026-11\nCmty-Version: 0.1.0\n\n")


def test_several_months_at_once_open_the_next_months_file(repo: Repo) -> None:
    pay(repo, Payment("M0002", "2026-12", months=3, paid_on=date(2026, 12, 2)), Options())
    assert (repo.root / "party/fees/2026-12.yaml").read_text(encoding="utf-8") == (
        "period: 2026-12\ncollector: M0001\nentries:\n"
        '  - {member: M0002, months: [2026-12, 2027-01, 2027-02], amount: "279.00", '
        "paid_on: 2026-12-02, method: 现金}\n")


def test_a_month_already_paid_is_refused_unless_forced(repo: Repo) -> None:
    with pytest.raises(EditRefused) as info:
        pay(repo, Payment("M0001", "2026-10", months=2), Options())
    assert info.value.message.en == ("M0001 has already paid for 2026-11 "
                                     "(party/fees/2026-11.yaml, entry 1)")
    pay(repo, Payment("M0001", "2026-11", amount="0.20", paid_on=date(2026, 11, 9)),
        Options(force=True))
    assert git(repo.root, "rev-list", "--count", "HEAD") == "2\n"


def test_an_amount_given_is_used_as_given(repo: Repo) -> None:
    pay(repo, Payment("M0002", "2026-11", amount="1000", paid_on=date(2026, 11, 9)), Options())
    assert 'amount: "1000.00"' in (repo.root / "party/fees/2026-11.yaml").read_text("utf-8")


def test_a_member_without_a_basis_needs_an_amount(repo: Repo) -> None:
    with pytest.raises(UsageError) as info:
        pay(repo, Payment("M0001", "2026-12"), Options())
    assert info.value.message.en == "M0001 has no fee basis for 2026-12"
