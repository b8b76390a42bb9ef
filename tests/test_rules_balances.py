"""DISC-BALANCE (§5 财务公开): a finance board's opening and closing balance of each fund are the
books' balance at the start and the end of its period, worked out from the fund's opening balance
and every voucher (F01 of conftest.BASE_FILES opens with 10000.00)."""

from __future__ import annotations

from datetime import date

import pytest

from cmty.catalogue import severity_of
from cmty.findings import Severity
from cmty.repo import Repo
from cmty.validate import validate_repo
from tests.conftest import WriteRepo
from tests.conftest import found as found_all

BOARD = "disclosures/2026Q3-finance.yaml"


def found(repo: Repo) -> list[tuple[str, str, int | None, int | None]]:
    return [f for f in found_all(repo) if f[0] == "DISC-BALANCE"]


def voucher(number: int, on: str, kind: str, amount: str) -> dict[str, str]:
    vid = f"V2026-{number:04d}"
    return {f"finance/vouchers/{vid}.yaml": (
        f"id: {vid}\ndate: {on}\nfund: F01\ntype: {kind}\n"
        f'lines: [{{category: 活动经费, amount: "{amount}"}}]\ndocument: {{type: 发票}}\npayment: bank\n'
        "handler: 王敏\napprovals: [{role: 民主理财小组, person: 赵国强, on: 2026-01-02}, "
        "{role: 书记, person: 刘建华, on: 2026-01-02}]\ncashier: 孙丽\nbookkeeper: 周晓\n")}


# Before the quarter: +500.00 (06-30); in it: −300.00 (07-01) and −200.00 (09-30); after: −100.00 (10-01).
VOUCHERS = {**voucher(1, "2026-06-30", "income", "500.00"), **voucher(2, "2026-07-01", "expense", "300.00"),
            **voucher(3, "2026-09-30", "expense", "200.00"), **voucher(4, "2026-10-01", "expense", "100.00")}


def board(opening: str, closing: str) -> dict[str, str]:
    """Line 7: the F01 balances, opening at column 26, closing at column 47 after an 8-character opening."""
    return {BOARD: (
        "id: 2026Q3-finance\nkind: 财务\nperiod: 2026Q3\nposted_on: 2026-10-08\n"
        "reviewed_by: [赵国强]\nbalances:\n"
        f'  - {{fund: F01, opening: "{opening}", closing: "{closing}"}}\n'
        "covers: [V2026-0002, V2026-0003]\n")}


def test_balances_that_agree_with_the_books_are_clean(write_repo: WriteRepo) -> None:
    """Opening: 10000.00 + 500.00; closing: that − 300.00 − 200.00 (10-01 is after the quarter)."""
    assert found(write_repo({**VOUCHERS, **board("10500.00", "10000.00")})) == []


@pytest.mark.parametrize(("opening", "closing", "codes"), [
    ("10000.00", "10000.00", [("DISC-BALANCE", BOARD, 7, 26)]),   # left out the 06-30 income
    ("10500.00", "9900.00", [("DISC-BALANCE", BOARD, 7, 47)]),   # took in the 10-01 expense
    ("10400.00", "10100.00", [("DISC-BALANCE", BOARD, 7, 26), ("DISC-BALANCE", BOARD, 7, 47)]),
])
def test_each_balance_that_disagrees_is_reported_at_its_value(
        write_repo: WriteRepo, opening: str, closing: str, codes: list[tuple[str, str, int, int]]) -> None:
    assert found(write_repo({**VOUCHERS, **board(opening, closing)})) == codes


def test_the_message_gives_both_figures(write_repo: WriteRepo) -> None:
    repo = write_repo({**VOUCHERS, **board("10500.00", "10100.00")})
    (wrong,) = [f for f in validate_repo(repo, today=date(2026, 11, 29)).findings if f.code == "DISC-BALANCE"]
    assert (wrong.message.zh, wrong.message.en) == (
        "F01 期末余额写 10100.00 元，账面为 10000.00 元", "F01's closing balance says 10100.00; the books say 10000.00")
    assert severity_of("DISC-BALANCE") == Severity.ERROR


def test_a_fund_opened_later_counts_only_its_own_vouchers(write_repo: WriteRepo) -> None:
    """F01 opened on 2026-07-01 with 10000.00: the 06-30 voucher is before its books."""
    fund = {"finance/funds/F01.yaml": ('id: F01\nname: 服务群众经费\nearmarked: true\npurposes: [办公费, 活动经费]\n'
                                       'opening_balance: "10000.00"\nopened_on: 2026-07-01\n')}
    assert found(write_repo({**VOUCHERS, **fund, **board("10000.00", "9500.00")})) == []
