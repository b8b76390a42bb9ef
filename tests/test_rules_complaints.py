"""Complaints and requests (§11 诉求): acknowledged within complaints.acknowledge_days (15) and
answered within complaints.answer_days (60) of acknowledgement; the day before, of and after."""

from __future__ import annotations

from datetime import date

import pytest

from cmty.remind import reminders
from tests.conftest import CONFIG, WriteRepo, findings, found

FILE = "complaints/C2026-001.yaml"


def complaint(received: str, extra: str = "") -> dict[str, str]:
    return {FILE: f"id: C2026-001\ndate: {received}\nchannel: 来电\nmatter: 楼道灯损坏\n{extra}"}


@pytest.mark.parametrize(("received", "codes"), [
    ("2026-11-14", []),  # due 2026-11-29: today, not yet late
    ("2026-11-13", [("COMPLAINT-ACK", FILE, 2, 7)]),
])
def test_acknowledged_within_15_days(write_repo: WriteRepo, received: str,
                                     codes: list[tuple[str, str, int, int]]) -> None:
    assert found(write_repo(complaint(received))) == codes


def test_acknowledge_days_is_a_parameter(write_repo: WriteRepo) -> None:
    week = CONFIG + "parameters:\n  complaints:\n    acknowledge_days: 7\n"
    assert found(write_repo(complaint("2026-11-21"), config=week)) == [("COMPLAINT-ACK", FILE, 2, 7)]
    assert found(write_repo(complaint("2026-11-22"), config=week)) == []


@pytest.mark.parametrize(("acknowledged", "codes"), [
    ("2026-09-30", []),  # answer due 2026-11-29
    ("2026-09-29", [("COMPLAINT-ANSWER", FILE, 5, 18)]),
])
def test_answered_within_60_days_of_acknowledgement(write_repo: WriteRepo, acknowledged: str,
                                                    codes: list[tuple[str, str, int, int]]) -> None:
    files = complaint("2026-09-20", f"acknowledged_on: {acknowledged}\n")
    assert found(write_repo(files)) == codes


def test_an_answered_complaint_has_nothing_pending(write_repo: WriteRepo) -> None:
    files = complaint("2026-01-05", "answered_on: 2026-01-20\noutcome: 已解决\n")
    assert found(write_repo(files)) == []
    assert reminders(write_repo(files), date(2026, 11, 29), 365) == []


def test_the_message_and_the_reminder(write_repo: WriteRepo) -> None:
    repo = write_repo(complaint("2026-11-13"))
    [late] = findings(repo)
    assert late.message.zh == "C2026-001 应告知提出人是否受理（期限 2026-11-28，已逾期）"
    assert late.message.en == "C2026-001: tell the person whether it is taken up (due 2026-11-28, overdue)"
    [due] = reminders(write_repo(complaint("2026-11-20")), date(2026, 11, 29), 30)
    assert (due.code, due.due, due.days, due.overdue) == ("COMPLAINT-ACK", date(2026, 12, 5), 6, False)
