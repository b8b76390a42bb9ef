"""Hearings, reception days, cash takings and the residents' committee's size: HEARING-NOTICE and
HEARING-OUTCOME (§11 听证, hearing.notice_days), RECEPTION-DUE (§11 接待日, reception.every, off
by default), FIN-CASH-BANKED (C6, 现金管理暂行条例 arts. 11–12), FIN-CASH-ON-HAND (C4,
finance.cash_limit) and COMMITTEE-SIZE (居委会组织法
art. 7), validated on TODAY (2026-11-29)."""

from __future__ import annotations

from datetime import date

import pytest

from cmty.catalogue import severity_of
from cmty.findings import Severity
from cmty.repo import Repo
from cmty.validate import validate_repo
from tests.conftest import CONFIG, WriteRepo
from tests.conftest import found as found_all

OURS = ("HEARING-", "RECEPTION-", "FIN-CASH-BANKED", "FIN-CASH-ON-HAND", "COMMITTEE-SIZE")


def found(repo: Repo) -> list[tuple[str, str, int | None, int | None]]:
    """The codes under test only: a meeting on file also starts the period-by-period checks
    (DISC-DUE, MEET-CADENCE …), which have tests of their own."""
    return [f for f in found_all(repo) if f[0].startswith(OURS)]

HEARING = "meetings/MT2026-001.yaml"


def hearing(held: str = "2026-09-10", notice: str | None = "2026-09-03", outcome: bool = True) -> dict[str, str]:
    """Line 3: date (column 7); line 5: notice_on (column 12) when given."""
    text = f"id: MT2026-001\ntype: 听证会\ndate: {held}\ntopic: 加装电梯听证\n"
    if notice:
        text += f"notice_on: {notice}\n"
    if outcome:
        text += "outcome: 同意加装方案\n"
    return {HEARING: text}


@pytest.mark.parametrize(("notice", "codes"), [
    ("2026-09-03", []),                                   # exactly seven days ahead
    ("2026-09-04", [("HEARING-NOTICE", HEARING, 5, 12)]),  # six days
    (None, [("HEARING-NOTICE", HEARING, 3, 7)]),           # none: at the hearing's date
])
def test_a_hearing_is_announced_seven_days_ahead(write_repo: WriteRepo, notice: str | None,
                                                 codes: list[tuple[str, str, int, int]]) -> None:
    assert found(write_repo(hearing(notice=notice))) == codes


def test_the_notice_days_are_a_parameter(write_repo: WriteRepo) -> None:
    config = CONFIG + "parameters:\n  hearing: {notice_days: 10}\n"
    assert found(write_repo(hearing(notice="2026-09-01"), config=config)) == [
        ("HEARING-NOTICE", HEARING, 5, 12)]
    assert found(write_repo(hearing(notice="2026-08-31"), config=config)) == []


def test_a_held_hearing_records_its_outcome_but_a_coming_one_need_not(write_repo: WriteRepo) -> None:
    assert found(write_repo(hearing(outcome=False))) == [("HEARING-OUTCOME", HEARING, 3, 7)]
    assert found(write_repo(hearing("2026-12-10", "2026-12-01", outcome=False))) == []


def reception(number: int, held: str, kind: str = "接待日") -> dict[str, str]:
    return {f"meetings/MT2026-{number:03d}.yaml":
            f"id: MT2026-{number:03d}\ntype: {kind}\ndate: {held}\ntopic: 书记接待日\n"}


MONTHLY = CONFIG + "parameters:\n  records: {since: 2026-09-01}\n  reception: {every: month}\n"


def test_reception_days_are_not_checked_unless_asked_for(write_repo: WriteRepo) -> None:
    assert found(write_repo(reception(1, "2026-09-15"))) == []


def test_a_month_without_a_reception_day_is_reported_after_it_ends(write_repo: WriteRepo) -> None:
    """September held, October missed (due 2026-10-31, reported), November still running; a 质询日
    counts as one. Located at parameters.reception.every in cmty.yaml (line 11, column 22)."""
    files = {**reception(1, "2026-09-15"), **reception(2, "2026-11-11", "质询日")}
    repo = write_repo(files, config=MONTHLY)
    assert found(repo) == [("RECEPTION-DUE", "cmty.yaml", 11, 22)]
    (late,) = [f for f in validate_repo(repo).findings if f.code == "RECEPTION-DUE"]
    assert (late.record, late.message.zh) == ("2026-10-reception", "2026-10 应举行接待日（期限 2026-10-31，已逾期）")


def test_the_month_of_today_is_not_yet_due(write_repo: WriteRepo) -> None:
    files = {**reception(1, "2026-09-15"), **reception(2, "2026-10-15")}
    assert found(write_repo(files, config=MONTHLY)) == []
    repo = write_repo(files, config=MONTHLY)
    assert [f.code for f in validate_repo(repo, today=date(2026, 12, 1)).findings
            if f.code.startswith(OURS)] == ["RECEPTION-DUE"]


VOUCHER = "finance/vouchers/V2026-0001.yaml"


def cash_income(banked: str | None) -> dict[str, str]:
    """Line 7: payment (column 10); line 9: banked_on (column 12) when given."""
    text = ("id: V2026-0001\ndate: 2026-05-06\nfund: F01\ntype: income\n"
            'lines: [{category: 活动经费, amount: "300.00"}]\ndocument: {type: 收据}\npayment: cash\n'
            "handler: 王敏\n")
    return {VOUCHER: text + (f"banked_on: {banked}\n" if banked else "")}


@pytest.mark.parametrize(("banked", "codes"), [
    ("2026-05-06", []),
    ("2026-05-07", [("FIN-CASH-BANKED", VOUCHER, 9, 12)]),
    (None, [("FIN-CASH-BANKED", VOUCHER, 7, 10)]),
])
def test_cash_takings_are_banked_the_same_day(write_repo: WriteRepo, banked: str | None,
                                              codes: list[tuple[str, str, int, int]]) -> None:
    assert found(write_repo(cash_income(banked))) == codes


def test_bank_income_and_cash_expenses_are_not_judged(write_repo: WriteRepo) -> None:
    by_bank = cash_income(None)[VOUCHER].replace("payment: cash", "payment: bank")
    assert found(write_repo({VOUCHER: by_bank})) == []


@pytest.mark.parametrize(("names", "codes"), [
    ("[刘建华, 陈玉梅, 王敏, 李秀英]", [("COMMITTEE-SIZE", "cmty.yaml", 9, 8)]),
    ("[刘建华, 陈玉梅, 王敏, 李秀英, 张伟]", []),
    ("[刘建华, 陈玉梅, 王敏, 李秀英, 张伟, 孙强, 周杰, 吴迪, 郑爽]", []),
    ("[刘建华, 陈玉梅, 王敏, 李秀英, 张伟, 孙强, 周杰, 吴迪, 郑爽, 钱程]", [("COMMITTEE-SIZE", "cmty.yaml", 9, 8)]),
])
def test_the_residents_committee_has_five_to_nine_members(write_repo: WriteRepo, names: str,
                                                         codes: list[tuple[str, str, int, int]]) -> None:
    assert found(write_repo({}, config=CONFIG + f"  居委会: {names}\n")) == codes


def test_severities() -> None:
    assert [severity_of(c) for c in ("HEARING-NOTICE", "HEARING-OUTCOME", "RECEPTION-DUE",
                                     "FIN-CASH-BANKED", "COMMITTEE-SIZE")] == [Severity.WARNING] * 5


def takings(number: int, on: str, amount: str, banked: str | None) -> dict[str, str]:
    """A cash income voucher; its payment is on line 7, column 10."""
    text = (f"id: V2026-{number:04d}\ndate: {on}\nfund: F01\ntype: income\n"
            f'lines: [{{category: 活动经费, amount: "{amount}"}}]\ndocument: {{type: 收据}}\npayment: cash\n'
            "handler: 王敏\n")
    return {f"finance/vouchers/V2026-{number:04d}.yaml": text + (f"banked_on: {banked}\n" if banked else "")}


def test_cash_held_overnight_above_the_limit_is_reported_at_the_voucher_that_passed_it(
        write_repo: WriteRepo) -> None:
    """C4: 3000 held from 05-06 and 2500 more on 05-07, both banked 05-08: 5500 > 5000 on 05-07."""
    files = {**takings(1, "2026-05-06", "3000.00", "2026-05-08"), **takings(2, "2026-05-07", "2500.00", "2026-05-08")}
    repo = write_repo(files)
    assert [f for f in found(repo) if f[0] == "FIN-CASH-ON-HAND"] == [
        ("FIN-CASH-ON-HAND", "finance/vouchers/V2026-0002.yaml", 7, 10)]
    (held,) = [f for f in validate_repo(repo).findings if f.code == "FIN-CASH-ON-HAND"]
    assert held.message.en == ("cash on hand (takings not yet banked) was 5500.00 at the end of 2026-05-07, "
                               "above the 5000.00 limit")


def test_cash_banked_the_same_day_or_within_the_limit_is_not_reported(write_repo: WriteRepo) -> None:
    banked_first = {**takings(1, "2026-05-06", "3000.00", "2026-05-06"),
                    **takings(2, "2026-05-07", "2500.00", "2026-05-08")}
    at_the_limit = {**takings(1, "2026-05-06", "3000.00", "2026-05-08"),
                    **takings(2, "2026-05-07", "2000.00", "2026-05-08")}
    for files in (banked_first, at_the_limit):
        assert [f for f in found(write_repo(files)) if f[0] == "FIN-CASH-ON-HAND"] == []


def test_the_cash_limit_is_a_parameter(write_repo: WriteRepo) -> None:
    config = CONFIG + 'parameters:\n  finance: {cash_limit: "2000.00"}\n'
    files = takings(1, "2026-05-06", "2500.00", "2026-05-07")
    assert sorted(f[0] for f in found(write_repo(files, config=config))) == ["FIN-CASH-BANKED", "FIN-CASH-ON-HAND"]


def test_a_large_taking_banked_the_same_day_holds_nothing_overnight(write_repo: WriteRepo) -> None:
    """C4 is about what is left at the end of the day: 6000.00 taken and banked on 05-06."""
    assert [f for f in found(write_repo(takings(1, "2026-05-06", "6000.00", "2026-05-06")))
            if f[0] == "FIN-CASH-ON-HAND"] == []


def test_a_coming_hearing_without_a_notice_is_not_late_until_its_notice_day(write_repo: WriteRepo) -> None:
    """Held 2026-12-10 with 7 days' notice: the notice is due by 12-03, so not yet on 11-29."""
    repo = write_repo(hearing("2026-12-10", None, outcome=False))
    assert found(repo) == []
    assert [f.code for f in validate_repo(repo, today=date(2026, 12, 4)).findings
            if f.code.startswith(OURS)] == ["HEARING-NOTICE"]
