"""`cmty fund statement`: a fund's year from its record and vouchers (§6 经费, C9), pinned on the
sample data and worked through by hand on small repositories."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from cmty.cli import _boundary, app
from cmty.collect import load_records
from cmty.statement import income_source, known_sources, statements
from tests.conftest import WriteRepo, assert_golden, found

SAMPLE = Path(__file__).resolve().parent.parent / "sample_data"


def run(capsys: pytest.CaptureFixture[str], root: Path, *args: str) -> tuple[int, str, str]:
    code = _boundary.run(app, ["--repo", str(root), "fund", "statement", *args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize(("fmt", "lang", "golden"), [
    ("text", "zh", "fund-statement-2026.zh.txt"),
    ("md", "en", "fund-statement-2026.en.md"),
    ("json", "zh", "fund-statement-2026.json"),
])
def test_sample_statements_are_pinned(capsys: pytest.CaptureFixture[str], sample: Path, fmt: str,
                                      lang: str, golden: str) -> None:
    code, out, err = run(capsys, sample, "--year", "2026", "--format", fmt, "--lang", lang)
    assert (code, err) == (0, "")
    assert_golden(golden, out)


def test_sample_figures_reconcile(capsys: pytest.CaptureFixture[str], sample: Path) -> None:
    code, out, _ = run(capsys, sample, "F01", "--year", "2026", "--format", "json")
    (f01,) = json.loads(out)
    assert (code, f01["opening"], f01["income_total"], f01["expense_total"], f01["closing"]) == (
        0, "18642.35", "80000.00", "62541.50", "36100.85")
    assert Decimal(f01["opening"]) + Decimal(f01["income_total"]) - Decimal(f01["expense_total"]) \
        == Decimal(f01["closing"])
    assert [p["outstanding"] for p in f01["pledges"]] == ["0.00", "0.00", "0.00"]


def test_an_unknown_fund_is_refused_with_the_known_ones(capsys: pytest.CaptureFixture[str],
                                                        sample: Path) -> None:
    code, out, err = run(capsys, sample, "F09", "--year", "2026")
    assert (code, out) == (2, "")
    assert err == "错误: 没有资金 F09；现有：F01, F02\n提示: 用 cmty list fund 查看资金编号\n"


FUND = """\
id: F05
name: 共建资金
earmarked: false
sources:
  - {source: 区财政, year: 2026, amount: "1000.00"}
  - {source: 驻区单位, unit: 甲公司, year: 2026, amount: "500.00"}
opening_balance: "100.00"
opened_on: 2025-01-01
"""


def voucher(number: str, when: str, kind: str, amount: str, category: str, extra: str = "") -> str:
    return (f"id: V{when[:4]}-{number}\ndate: {when}\nfund: F05\ntype: {kind}\n"
            f"lines:\n  - {{category: {category}, amount: \"{amount}\"}}\n"
            "document: {type: 发票}\npayment: bank\nhandler: 王敏\n" + extra)


def test_earlier_years_roll_into_the_opening_balance(write_repo: WriteRepo) -> None:
    repo = write_repo({
        "finance/funds/F05.yaml": FUND,
        "finance/vouchers/V2025-0001.yaml": voucher("0001", "2025-06-01", "income", "50.00", "其他收入"),
        "finance/vouchers/V2025-0002.yaml": voucher("0002", "2025-07-01", "expense", "30.00", "办公费"),
        "finance/vouchers/V2026-0001.yaml": voucher("0001", "2026-03-01", "income", "1000.00", "区财政拨款"),
        "finance/vouchers/V2026-0002.yaml": voucher("0002", "2026-04-01", "income", "200.00", "共建资金",
                                                    "source: 驻区单位\ncounterparty: 甲公司\n"),
        "finance/vouchers/V2026-0003.yaml": voucher("0003", "2026-05-01", "expense", "80.00", "办公费"),
    })
    (f05,) = statements(load_records(repo, ("fund", "voucher"), date(2026, 11, 29)), 2026, ["F05"])
    assert (f05.opening, f05.income, f05.expenses, f05.closing) == (
        Decimal("120.00"), {"区财政": Decimal("1000.00"), "驻区单位": Decimal("200.00")},
        {"办公费": Decimal("80.00")}, Decimal("1240.00"))
    assert f05.vouchers == ["V2026-0001", "V2026-0002", "V2026-0003"]
    assert [(p.source, p.unit, p.received, p.outstanding) for p in f05.pledges] == [
        ("区财政", "", Decimal("1000.00"), Decimal("0.00")),
        ("驻区单位", "甲公司", Decimal("200.00"), Decimal("300.00"))]


def test_a_pledge_not_received_by_the_year_end_is_a_warning_after_it(write_repo: WriteRepo) -> None:
    """FIN-PLEDGE-OUTSTANDING: due 31 December of the pledge's year, at sources[i].amount."""
    files = {"finance/funds/F05.yaml": FUND.replace("year: 2026", "year: 2025"),
             "finance/vouchers/V2025-0001.yaml": voucher("0001", "2025-03-01", "income", "1000.00",
                                                         "区财政拨款")}
    assert found(write_repo(files)) == [
        ("FIN-PLEDGE-OUTSTANDING", "finance/funds/F05.yaml", 6, 51)]


def test_a_pledge_of_this_year_is_not_yet_late(write_repo: WriteRepo) -> None:
    assert found(write_repo({"finance/funds/F05.yaml": FUND})) == []


def test_income_source_comes_from_the_field_then_the_category() -> None:
    sources = known_sources()
    assert income_source({"source": "镇财政", "lines": [{"category": "区财政拨款"}]}, sources) == "镇财政"
    assert income_source({"lines": [{"category": "街道财政拨款"}]}, sources) == "街道财政"
    assert income_source({"lines": [{"category": "利息收入"}]}, sources) == "其他"


def test_transfers_between_funds_move_money_both_ways(write_repo: WriteRepo) -> None:
    other = "id: F06\nname: 公益金\nearmarked: false\nopening_balance: \"0.00\"\nopened_on: 2026-01-01\n"
    repo = write_repo({
        "finance/funds/F05.yaml": FUND, "finance/funds/F06.yaml": other,
        "finance/vouchers/V2026-0001.yaml": voucher("0001", "2026-02-01", "transfer", "60.00", "调拨",
                                                    "to_fund: F06\n"),
    })
    f05, f06 = statements(load_records(repo, ("fund", "voucher"), date(2026, 11, 29)), 2026, ["F05", "F06"])
    assert (f05.transfers_out, f05.closing, f06.transfers_in, f06.closing) == (
        Decimal("60.00"), Decimal("40.00"), Decimal("60.00"), Decimal("60.00"))


def test_two_pledges_from_one_source_are_each_paid_once(write_repo: WriteRepo) -> None:
    """Two 区财政 pledges of 2025 (20000 and 30000) and 30000.00 received: 20000 still owed."""
    old = ('  - {source: 区财政, year: 2026, amount: "1000.00"}\n'
           '  - {source: 驻区单位, unit: 甲公司, year: 2026, amount: "500.00"}')
    new = '  - {source: 区财政, year: 2025, amount: "20000.00"}\n  - {source: 区财政, year: 2025, amount: "30000.00"}'
    fund = FUND.replace(old, new)
    files = {"finance/funds/F05.yaml": fund,
             "finance/vouchers/V2025-0001.yaml": voucher("0001", "2025-03-01", "income", "30000.00", "区财政拨款")}
    assert [code for code, *_ in found(write_repo(files))] == ["FIN-PLEDGE-OUTSTANDING"]


def test_money_arriving_after_the_year_clears_that_year(write_repo: WriteRepo) -> None:
    """The 2025 pledge of 1000.00 from 区财政, paid on 2026-01-15: nothing is outstanding."""
    fund = FUND.replace('year: 2026, amount: "1000.00"', 'year: 2025, amount: "1000.00"').replace(
        '  - {source: 驻区单位, unit: 甲公司, year: 2026, amount: "500.00"}\n', "")
    files = {"finance/funds/F05.yaml": fund,
             "finance/vouchers/V2026-0001.yaml": voucher("0001", "2026-01-15", "income", "1000.00", "区财政拨款")}
    assert found(write_repo(files)) == []
