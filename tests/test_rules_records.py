"""Record rules of the regulations: the smallest YAML that triggers each, and the smallest that
does not; codes and locations, with the dates and amounts at their edges."""

from __future__ import annotations

import pytest

from tests.conftest import CONFIG, WriteRepo, found

VOUCHER = "finance/vouchers/V2026-0001.yaml"
MEMBER = "party/members/M0002.yaml"


def voucher(lines: str = '[{category: 办公费, amount: "356.00"}]', payment: str = "cash",
            document: str = "发票", approvals: str = "[{role: 民主理财小组, person: 赵国强, on: "
            "2026-10-13}, {role: 书记, person: 刘建华, on: 2026-10-13}]",
            cashier: str = "孙丽", bookkeeper: str = "周晓") -> str:
    return (f"id: V2026-0001\ndate: 2026-10-12\nfund: F01\ntype: expense\nlines: {lines}\n"
            f"document: {{type: {document}, number: \"1\"}}\npayment: {payment}\nhandler: 王敏\n"
            f"approvals: {approvals}\ncashier: {cashier}\nbookkeeper: {bookkeeper}\n")


def member(stages: str, birth: str = "1980-01-01") -> str:
    return (f"id: M0002\nname: 李秀英\nsex: 女\nbirth_date: {birth}\norg: O02\nstatus: 正式党员\n"
            f"category: 直接管理\nstages: {stages}\n")


def test_a_good_voucher_is_clean(write_repo: WriteRepo) -> None:
    assert found(write_repo({VOUCHER: voucher()})) == []


@pytest.mark.parametrize(("amount", "payment", "codes"), [
    ("1000.00", "cash", []),  # at the threshold: cash is allowed (C5: above 1000)
    ("1000.01", "cash", [("FIN-CASH-LIMIT", VOUCHER, 7, 10)]),
    ("1000.01", "bank", []),
])
def test_c5_bank_above_the_threshold(write_repo: WriteRepo, amount: str, payment: str,
                                     codes: list[tuple[str, str, int, int]]) -> None:
    lines = f'[{{category: 办公费, amount: "{amount}"}}]'
    assert found(write_repo({VOUCHER: voucher(lines, payment)})) == codes


def test_c3_an_iou_is_not_a_document(write_repo: WriteRepo) -> None:
    assert found(write_repo({VOUCHER: voucher(document="白条")})) == [
        ("FIN-DOCUMENT", VOUCHER, 6, 18)]


def test_c7_cashier_is_not_bookkeeper(write_repo: WriteRepo) -> None:
    assert found(write_repo({VOUCHER: voucher(bookkeeper="孙丽")})) == [
        ("FIN-DUTIES", VOUCHER, 11, 13)]


@pytest.mark.parametrize(("approvals", "column"), [
    ("[{role: 书记, person: 刘建华, on: 2026-10-13}]", 12),
    ("[{role: 书记, person: 刘建华, on: 2026-10-13}, {role: 民主理财小组, person: 赵国强, "
     "on: 2026-10-13}]", 12),
    ("[]", 12),
])
def test_c8_the_whole_chain_in_order(write_repo: WriteRepo, approvals: str, column: int) -> None:
    assert found(write_repo({VOUCHER: voucher(approvals=approvals)})) == [
        ("FIN-APPROVAL-CHAIN", VOUCHER, 9, column)]


def test_c10_hospitality_is_capped_by_the_parameter(write_repo: WriteRepo) -> None:
    lines = '[{category: 接待费, amount: "0.01"}]'
    # F01 is earmarked for 办公费 and 活动经费, so the line is also off its purposes (C9).
    off_purpose = ("FIN-EARMARK-PURPOSE", VOUCHER, 5, 20)
    assert found(write_repo({VOUCHER: voucher(lines)})) == [off_purpose, ("FIN-HOSPITALITY", VOUCHER, 5, 33)]
    allowed = CONFIG + 'parameters:\n  finance:\n    hospitality_cap: "100.00"\n'
    assert found(write_repo({VOUCHER: voucher(lines)}, config=allowed)) == [off_purpose]


def test_d20_stages_in_order(write_repo: WriteRepo) -> None:
    bad = member("{applied: 2004-03-01, activist: 2003-09-10}")
    assert found(write_repo({MEMBER: bad})) == [("PARTY-STAGE-ORDER", MEMBER, 8, 41)]
    assert found(write_repo({MEMBER: member("{applied: 2003-03-01, activist: 2003-09-10}")})) == []


@pytest.mark.parametrize(("target", "codes"), [
    ("2004-09-09", [("PARTY-ACTIVIST-YEAR", MEMBER, 8, 40)]),  # a day short of a year
    ("2004-09-10", []),
])
def test_d6_a_year_as_activist(write_repo: WriteRepo, target: str,
                               codes: list[tuple[str, str, int, int]]) -> None:
    assert found(write_repo({MEMBER: member(f"{{activist: 2003-09-10, target: {target}}}")})) == codes


@pytest.mark.parametrize(("birth", "codes"), [
    ("2008-05-21", [("PARTY-AGE", MEMBER, 8, 67)]),  # 18 the day after admission
    ("2008-05-20", []),                              # 18 on the day
])
def test_d1_adult_when_admitted(write_repo: WriteRepo, birth: str,
                                codes: list[tuple[str, str, int, int]]) -> None:
    stages = "{applied: 2026-05-20, activist: 2026-05-20, probationary: 2026-05-20}"
    assert found(write_repo({MEMBER: member(stages, birth)})) == codes


def test_d1_under_18_at_application_is_a_warning(write_repo: WriteRepo) -> None:
    assert found(write_repo({MEMBER: member("{applied: 2025-06-01}", "2008-01-01")})) == [
        ("PARTY-AGE-APPLICATION", MEMBER, 8, 19)]


@pytest.mark.parametrize(("full", "codes"), [
    ("2025-06-30", [("PARTY-PROBATION", MEMBER, 8, 42)]),
    ("2025-07-01", []),
    ("2026-07-01", []),  # extended by a year (D17)
    ("2026-07-02", [("PARTY-PROBATION-EXTENDED", MEMBER, 8, 42)]),
])
def test_d15_d17_probation(write_repo: WriteRepo, full: str,
                           codes: list[tuple[str, str, int, int]]) -> None:
    assert found(write_repo({MEMBER: member(f"{{probationary: 2024-07-01, full: {full}}}")})) == codes


def test_probation_from_29_february(write_repo: WriteRepo) -> None:
    stages = "{probationary: 2024-02-29, full: 2025-02-28}"
    assert found(write_repo({MEMBER: member(stages)})) == []


@pytest.mark.parametrize(("end", "codes"), [
    ("2029-03-20", [("ORG-TERM", "party/orgs/O03.yaml", 5, 32)]),
    ("2031-03-20", []),
])
def test_o8_five_year_terms(write_repo: WriteRepo, end: str,
                            codes: list[tuple[str, str, int, int]]) -> None:
    org = f"id: O03\nname: 第二党支部\ntype: 党支部\nparent: O01\nterm: {{start: 2026-03-20, end: {end}}}\n"
    assert found(write_repo({"party/orgs/O03.yaml": org})) == codes
