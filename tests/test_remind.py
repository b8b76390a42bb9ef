"""`cmty remind`: one deadline engine, four outputs, deterministic for a repository and a date."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from icalendar import Calendar

from cmty.cli import _boundary, app
from cmty.cli.remind import parse_within
from cmty.errors import UsageError
from cmty.remind import reminders
from tests.conftest import CONFIG, WriteRepo, assert_golden

SAMPLE = Path(__file__).resolve().parent.parent / "sample_data"


def run(capsys: pytest.CaptureFixture[str], root: Path, *args: str) -> tuple[int, str, str]:
    code = _boundary.run(app, ["--repo", str(root), "remind", "--as-of", "2026-11-29", *args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize(("fmt", "lang", "golden"), [
    ("text", "zh", "remind-sample.zh.txt"),
    ("md", "en", "remind-sample.en.md"),
    ("json", "zh", "remind-sample.json"),
    ("ics", "zh", "remind-sample.zh.ics"),
])
def test_sample_reminders_are_pinned(capsys: pytest.CaptureFixture[str], sample: Path, fmt: str,
                                     lang: str, golden: str) -> None:
    code, out, err = run(capsys, sample, "--format", fmt, "--lang", lang)
    assert (code, err) == (0, "")
    if fmt == "ics":  # lines end in CRLF (RFC 5545); the golden file keeps plain newlines
        assert out.count("\r\n") == out.count("\n")
        out = out.replace("\r\n", "\n")
    assert_golden(golden, out)


def test_the_window_decides_what_is_listed(sample: Path) -> None:
    from cmty.repo import Repo

    repo = Repo(sample)
    month = reminders(repo, date(2026, 11, 29), 30)
    assert [(r.code, r.record, r.due.isoformat(), r.days) for r in month] == [
        ("MEET-CADENCE", "O03", "2026-08-31", -90),
        ("AUDIT-PUBLISHED", "A2026-002", "2026-10-24", -36),
        ("COMPLAINT-ACK", "C2026-003", "2026-11-21", -8),
        ("RESIDENT-REGISTRATION", "R00005", "2026-11-23", -6),
        ("RESIDENT-PERMIT-ISSUE", "R00004", "2026-12-05", 6),
        ("PARTY-PROBATION-DUE", "M0031", "2026-12-18", 19),
        ("COMPLAINT-ANSWER", "C2026-002", "2026-12-20", 21),
    ]
    assert [r.overdue for r in month] == [True, True, True, True, False, False, False]
    assert (month[5].file, month[5].line, month[5].column) == ("party/members/M0031.yaml", 15, 24)
    longer = reminders(repo, date(2026, 11, 29), 32)
    # the year-end items (training hours, annual meetings and ratings) fall due on 2026-12-31
    assert {r.code for r in longer} == {"MEET-CADENCE", "PARTY-PROBATION-DUE", "TRAINING-HOURS",
                                        "UNIT-RATING-DUE", "RESIDENT-REGISTRATION", "RESIDENT-PERMIT-ISSUE",
                                        "COMPLAINT-ACK", "COMPLAINT-ANSWER", "AUDIT-PUBLISHED",
                                        "AUDIT-RECTIFY"}
    assert sum(1 for r in longer if r.code == "TRAINING-HOURS") == 58


def test_the_calendar_is_valid_and_the_same_every_time(capsys: pytest.CaptureFixture[str],
                                                       sample: Path) -> None:
    first = run(capsys, sample, "--format", "ics", "--within", "40d")[1]
    assert first == run(capsys, sample, "--format", "ics", "--within", "40d")[1]
    raw = first.encode("utf-8")
    lines = raw.split(b"\r\n")
    assert max(len(line) for line in lines) <= 75  # RFC 5545 §3.1: folded at 75 octets
    calendar = Calendar.from_ical(raw)
    events = calendar.walk("VEVENT")
    assert len(events) == 74
    assert len({str(e["UID"]) for e in events}) == 74
    first_event = events[0]
    assert str(first_event["SUMMARY"]) == "[MEET-CADENCE] O03 2026-08 应召开支委会（每月至少一次）"
    assert first_event.decoded("DTSTART") == date(2026, 8, 31)


def test_a_deadline_due_today_is_due_not_overdue(write_repo: WriteRepo) -> None:
    org = ("id: O03\nname: 第三党支部\ntype: 党支部\nparent: O01\n"
           "term: {start: 2021-11-29, end: 2026-11-29}\n")
    repo = write_repo({"party/orgs/O03.yaml": org})
    [due] = reminders(repo, date(2026, 11, 29), 0)
    assert (due.code, due.days, due.overdue, due.line, due.column) == ("ORG-ELECTION-DUE", 0, False, 5, 32)
    [late] = reminders(repo, date(2026, 11, 30), 0)
    assert (late.days, late.overdue) == (-1, True)
    assert reminders(repo, date(2026, 10, 29), 30) == []
    assert len(reminders(repo, date(2026, 10, 30), 30)) == 1


def test_codes_switched_off_are_not_reminded(write_repo: WriteRepo) -> None:
    org = ("id: O03\nname: 第三党支部\ntype: 党支部\nparent: O01\n"
           "term: {start: 2021-11-28, end: 2026-11-28}\n")
    config = CONFIG + "checks:\n  ORG-ELECTION-DUE: 'off'\n"
    assert reminders(write_repo({"party/orgs/O03.yaml": org}, config=config), date(2026, 11, 29), 30) == []
    info = CONFIG + "checks: {ORG-ELECTION-DUE: info}\n"
    [item] = reminders(write_repo({"party/orgs/O03.yaml": org}, config=info), date(2026, 11, 29), 30)
    assert item.severity.label == "info"


def test_nothing_due(capsys: pytest.CaptureFixture[str], write_repo: WriteRepo) -> None:
    root = write_repo({}).root
    assert run(capsys, root) == (0, "截至 2026-11-29，30 天内没有到期事项\n", "")
    assert run(capsys, root, "--lang", "en", "--within", "2w") == (
        0, "nothing overdue or due within 14 days of 2026-11-29\n", "")


@pytest.mark.parametrize(("text", "days"), [("30d", 30), ("30", 30), ("2w", 14), ("3m", 90), (" 7D ", 7)])
def test_window_forms(text: str, days: int) -> None:
    assert parse_within(text) == days


def test_a_bad_window_or_date_is_a_usage_error(capsys: pytest.CaptureFixture[str], write_repo: WriteRepo) -> None:
    with pytest.raises(UsageError):
        parse_within("a month")
    root = write_repo({}).root
    code, out, err = run(capsys, root, "--within", "soon")
    assert (code, out) == (2, "")
    assert err.startswith("错误: 时间范围 'soon' 应写成 30d、2w 或 3m")
    code = _boundary.run(app, ["--repo", str(root), "remind", "--as-of", "2026-13-01"])
    assert code == 2
    assert "日期 '2026-13-01' 应为 YYYY-MM-DD" in capsys.readouterr().err
