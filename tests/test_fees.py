"""Party dues (F3, F5–F8): exact amounts at every band edge, kinds, exemptions, the CLI."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from cmty import config, fees
from cmty.cli import _boundary, app
from cmty.errors import UsageError

PARAMS = config.defaults()


@pytest.mark.parametrize(("kind", "base", "fee"), [
    # DOMAIN.md §1 examples (F3 in-service, F5 retired): whole-band, not progressive
    ("in-service", "2000.00", "10.00"), ("in-service", "3000.00", "15.00"),
    ("in-service", "3000.01", "30.00"), ("in-service", "4500.00", "45.00"),
    ("in-service", "5000.00", "50.00"), ("in-service", "5001.00", "75.02"),
    ("in-service", "8000.00", "120.00"), ("in-service", "10000.00", "150.00"),
    ("in-service", "10001.00", "200.02"), ("in-service", "12345.67", "246.91"),
    ("retired", "3000.00", "15.00"), ("retired", "5000.00", "25.00"),
    ("retired", "5000.01", "50.00"), ("retired", "6000.00", "60.00"),
    # more edges, and rounding half-up to the fen
    ("in-service", "0.00", "0.00"), ("in-service", "4999.99", "50.00"),
    ("in-service", "9999.99", "150.00"), ("in-service", "3333.33", "33.33"),
    ("in-service", "1001.00", "5.01"), ("in-service", "1000.99", "5.00"),
    ("retired", "4999.99", "25.00"), ("retired", "1234.50", "6.17"),
    ("在职", "6200.00", "93.00"), ("离退休", "5200.00", "52.00"),
])
def test_rates(kind: str, base: str, fee: str) -> None:
    assert fees.monthly_due(kind, Decimal(base), PARAMS).amount == Decimal(fee)


@pytest.mark.parametrize("kind", ["student", "unemployed", "low-income", "学生", "失业", "低保"])
def test_flat_kinds_pay_twenty_fen(kind: str) -> None:
    due = fees.monthly_due(kind, None, PARAMS)
    assert (due.amount, due.rule) == (Decimal("0.20"), "F7")


def test_farmer_due_is_the_community_parameter() -> None:
    assert fees.monthly_due("农民", None, PARAMS).amount == Decimal("0.20")
    assert fees.monthly_due("farmer", None, {**PARAMS, "fees.farmer_monthly": "1.00"}
                            ).amount == Decimal("1.00")


def test_in_service_needs_a_base_and_unknown_kinds_are_named() -> None:
    with pytest.raises(UsageError) as info:
        fees.monthly_due("in-service", None, PARAMS)
    assert info.value.message.en == "in-service needs a monthly base"
    with pytest.raises(UsageError) as info:
        fees.monthly_due("retiree", Decimal("1"), PARAMS)
    assert info.value.message.en == "no fee kind retiree"


def test_the_basis_in_force_that_month_and_exemptions() -> None:
    member = {"id": "M0012", "fee_basis": [
        {"from": "2024-01", "kind": "in-service", "base": "6200.00"},
        {"from": "2026-03", "kind": "in-service", "base": "10001.00"},
        {"from": "2026-09", "kind": "in-service", "base": "2000.00",
         "exemption": {"amount": "0.00", "approval": "历山街道党工委〔2026〕12号"}}]}
    assert fees.member_due(member, "2026-02", PARAMS).amount == Decimal("93.00")
    assert fees.member_due(member, "2026-03", PARAMS).amount == Decimal("200.02")
    exempt = fees.member_due(member, "2026-11", PARAMS)
    assert (exempt.amount, exempt.rule) == (Decimal("0.00"), "F8")
    with pytest.raises(UsageError):
        fees.member_due(member, "2023-12", PARAMS)


def test_months_run_across_the_year_end() -> None:
    assert fees.months_from("2026-11", 3) == ["2026-11", "2026-12", "2027-01"]


def test_fee_calc_json(capsys: pytest.CaptureFixture[str]) -> None:
    code = _boundary.run(app, ["fee", "calc", "--kind", "在职", "--base", "3000.01",
                               "--format", "json"])
    out = json.loads(capsys.readouterr().out)
    assert code == 0
    assert {k: out[k] for k in ("kind", "base", "fee", "rule")} == {
        "kind": "in-service", "base": "3000.01", "fee": "30.00", "rule": "F3"}


def test_fee_calc_text(capsys: pytest.CaptureFixture[str]) -> None:
    assert _boundary.run(app, ["fee", "calc", "--kind", "retired", "--base", "5000.01",
                               "--lang", "en"]) == 0
    assert capsys.readouterr().out == (
        "50.00\tF5\tretired, base 5000.01: 1% of the whole base (not progressive) = 50.00\n")


def test_fee_calc_without_a_base_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert _boundary.run(app, ["fee", "calc", "--kind", "在职"]) == 2
    assert capsys.readouterr().err.startswith("错误: 在职党员需要月计算基数")
