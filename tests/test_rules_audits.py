"""Audits (C11, cmty/rules/audits.py): each year's accounts audited within
audit.yearly_within_months (6) of the year's end (AUDIT-YEARLY), an audit's result published within
audit.publish_within_days (30) of its report (AUDIT-PUBLISHED), its findings put right by their
date (AUDIT-RECTIFY), and the outgoing committee's departure (or term) audit reported and published
before each election of the residents' committee (AUDIT-DEPARTURE).

The smallest YAML that triggers each code and the smallest that does not, with (code, file, line,
column). Validation runs on TODAY (2026-11-29) unless a case names another day (`found_on`, the
`cmty validate --as-of` of these tests): a deadline due that day is not yet a finding, one due the
day before is.

AUDIT-YEARLY counts years from records.since, so those cases also owe the disclosure boards, 三会一课
and training hours of the same years; `check` leaves out the codes of the other collection rules (as
tests/test_rules_meetings.py does) and keeps schema, reference and record-rule findings. The
AUDIT-DEPARTURE cases set records.since to 2026-11-01, so an election in 2021 or 2026 starts no
period count and the complete finding list is compared.
"""

from __future__ import annotations

from datetime import date

import pytest

from cmty.catalogue import severity_of
from cmty.findings import Severity
from cmty.remind import reminders
from cmty.repo import Repo
from cmty.rules import COLLECTION_RULES
from cmty.rules import audits as audit_rules
from cmty.validate import validate_repo
from tests.conftest import CONFIG, TODAY, WriteRepo, findings, found

Found = list[tuple[str, str, int | None, int | None]]

AUDIT = "audits/A2026-001.yaml"
REPORTED = (3, 7)        # the audit's `date`
PUBLISHED = (6, 15)      # `published_on` when it is the first extra line
RECTIFY = (8, 37)        # the first finding's rectify_by (published_on on line 6, findings on 7)

UNDER_TEST = (audit_rules.yearly_audit, audit_rules.audit_followed_up,
              audit_rules.departure_audit_before_election)
CODES = frozenset(code for rule in UNDER_TEST for code in rule.codes)
OTHER_RULES = frozenset(code for rule in COLLECTION_RULES for code in rule.codes) - CODES


def test_the_rules_under_test_report_these_codes_and_none_is_filtered_out() -> None:
    assert {"AUDIT-YEARLY", "AUDIT-PUBLISHED", "AUDIT-RECTIFY", "AUDIT-DEPARTURE"} == CODES
    assert not CODES & OTHER_RULES


# --- helpers -------------------------------------------------------------------------------------

def audit(reported: str, extra: str = "", kind: str = "专项审计", number: int = 1) -> dict[str, str]:
    """One audit numbered in the year of its report: date on line 3 (column 7), `extra` from line 6."""
    ident = f"A{reported[:4]}-{number:03d}"
    return {f"audits/{ident}.yaml": (f"id: {ident}\ntype: {kind}\ndate: {reported}\nauditor: 历下区财政局\n"
                                     f"subject: 服务群众经费使用情况\n{extra}")}


def audit_file(reported: str, number: int = 1) -> str:
    return f"audits/A{reported[:4]}-{number:03d}.yaml"


def rectify(*items: str, published: str = "2026-11-01") -> str:
    """`extra` for an audit published on `published` (line 6) with findings from line 8."""
    return f"published_on: {published}\nfindings:\n" + "".join(f"  - {{item: {i}}}\n" for i in items)


def election(held: str, number: int = 1) -> dict[str, str]:
    """A 居委会选举 meeting: date on line 3 (column 7)."""
    ident = f"MT{held[:4]}-{number:03d}"
    return {f"meetings/{ident}.yaml": f"id: {ident}\ntype: 居委会选举\ndate: {held}\ntopic: 选举居民委员会\n"}


def meeting_file(held: str, number: int = 1) -> str:
    return f"meetings/MT{held[:4]}-{number:03d}.yaml"


def with_params(text: str) -> str:
    return CONFIG + "parameters:\n" + text


SINCE_2025 = with_params("  records:\n    since: 2025-01-01\n")    # since: line 11, column 12
YEARLY_AT = ("cmty.yaml", 11, 12)
QUIET = with_params("  records:\n    since: 2026-11-01\n")         # no period owed before today


def found_on(repo: Repo, when: date) -> Found:
    """(code, file, line, column) of every finding, validated as of `when`."""
    report = validate_repo(repo, use_cache=False, today=when)
    return [(f.code, f.file, f.line, f.column) for f in report.findings]


def check(repo: Repo, when: date = TODAY) -> Found:
    """Every finding as of `when` but those of the other collection rules (see the module doc)."""
    return [f for f in found_on(repo, when) if f[0] not in OTHER_RULES]


def due(repo: Repo, within: int = 60) -> list[tuple[str, date, int, bool, int | None, int | None]]:
    """(code, due, days, overdue, line, column) of the audit reminders on TODAY within `within` days."""
    return [(r.code, r.due, r.days, r.overdue, r.line, r.column) for r in reminders(repo, TODAY, within)
            if r.code.startswith("AUDIT-")]


# --- severities ----------------------------------------------------------------------------------

@pytest.mark.parametrize(("code", "severity"), [
    ("AUDIT-YEARLY", Severity.WARNING),
    ("AUDIT-PUBLISHED", Severity.WARNING),
    ("AUDIT-RECTIFY", Severity.WARNING),
    ("AUDIT-DEPARTURE", Severity.ERROR),
])
def test_c11_severities(code: str, severity: Severity) -> None:
    """C11: a missing departure audit before an election is an error; the deadlines are warnings."""
    assert severity_of(code) == severity


# --- the record itself ---------------------------------------------------------------------------

def test_c11_a_yearly_audit_without_its_year_is_a_schema_error(write_repo: WriteRepo) -> None:
    repo = write_repo(audit("2026-03-20", "published_on: 2026-03-25\n", kind="年度审计"))
    assert found(repo) == [("SCHEMA-REQUIRED", AUDIT, 1, 1)]
    [missing] = findings(repo)
    assert missing.severity == Severity.ERROR
    assert missing.message.en == "required field year (所审年度 / Year audited) is missing"


def test_c11_a_published_special_audit_is_clean(write_repo: WriteRepo) -> None:
    assert found(write_repo(audit("2026-09-24", "fund: F01\npublished_on: 2026-10-08\n"))) == []


# --- AUDIT-PUBLISHED: the result published within audit.publish_within_days (30) ----------------

@pytest.mark.parametrize(("reported", "codes"), [
    ("2026-10-31", []),                                       # due 2026-11-30
    ("2026-10-30", []),                                       # due today
    ("2026-10-29", [("AUDIT-PUBLISHED", AUDIT, *REPORTED)]),  # due yesterday
])
def test_c11_published_within_30_days(write_repo: WriteRepo, reported: str, codes: Found) -> None:
    assert found(write_repo(audit(reported))) == codes


@pytest.mark.parametrize("published", ["2026-10-30", "2026-11-28", "2026-01-01"])
def test_c11_any_published_on_ends_the_deadline(write_repo: WriteRepo, published: str) -> None:
    """Once published_on is filled in nothing is pending, however late (there is no -LATE code)."""
    assert found(write_repo(audit("2026-09-20", f"published_on: {published}\n"))) == []


@pytest.mark.parametrize(("today", "codes"), [
    (date(2026, 3, 1), []),
    (date(2026, 3, 2), []),                                       # 2026-01-31 + 30 days, over February
    (date(2026, 3, 3), [("AUDIT-PUBLISHED", AUDIT, *REPORTED)]),
])
def test_c11_published_deadline_across_a_month_end(write_repo: WriteRepo, today: date, codes: Found) -> None:
    assert found_on(write_repo(audit("2026-01-31")), today) == codes


@pytest.mark.parametrize(("today", "codes"), [
    (date(2028, 2, 29), []),
    (date(2028, 3, 1), []),                                       # 2028-01-31 + 30 days in a leap year
    (date(2028, 3, 2), [("AUDIT-PUBLISHED", "audits/A2028-001.yaml", *REPORTED)]),
])
def test_c11_published_deadline_in_a_leap_year(write_repo: WriteRepo, today: date, codes: Found) -> None:
    assert found_on(write_repo(audit("2028-01-31")), today) == codes


@pytest.mark.parametrize(("reported", "codes"), [
    ("2026-11-19", []),                                       # 10 days: due today
    ("2026-11-18", [("AUDIT-PUBLISHED", AUDIT, *REPORTED)]),
    ("2026-10-30", [("AUDIT-PUBLISHED", AUDIT, *REPORTED)]),  # on time with the default 30
])
def test_c11_publish_within_days_is_a_parameter(write_repo: WriteRepo, reported: str, codes: Found) -> None:
    ten = with_params("  audit:\n    publish_within_days: 10\n")
    assert found(write_repo(audit(reported), config=ten)) == codes


def test_c11_published_message(write_repo: WriteRepo) -> None:
    [late] = findings(write_repo(audit("2026-10-29")))
    assert late.severity == Severity.WARNING
    assert late.message.zh == "A2026-001 的审计结果应向居民公布（期限 2026-11-28，已逾期）"
    assert late.message.en == "A2026-001: publish the audit's result to residents (due 2026-11-28, overdue)"
    assert late.hint.zh == "公布后填写 published_on；期限见参数 audit.publish_within_days"


def test_c11_published_in_the_reminders(write_repo: WriteRepo) -> None:
    assert due(write_repo(audit("2026-11-10"))) == [("AUDIT-PUBLISHED", date(2026, 12, 10), 11, False, *REPORTED)]
    assert due(write_repo(audit("2026-10-30")), 0) == [("AUDIT-PUBLISHED", TODAY, 0, False, *REPORTED)]
    assert due(write_repo(audit("2026-10-20"))) == [("AUDIT-PUBLISHED", date(2026, 11, 19), -10, True, *REPORTED)]
    ten = with_params("  audit:\n    publish_within_days: 10\n")
    assert due(write_repo(audit("2026-11-10"), config=ten)) == [
        ("AUDIT-PUBLISHED", date(2026, 11, 20), -9, True, *REPORTED)]
    assert due(write_repo(audit("2026-11-10", "published_on: 2026-11-20\n"))) == []


# --- AUDIT-RECTIFY: each finding put right by its rectify_by -----------------------------------

@pytest.mark.parametrize(("rectify_by", "codes"), [
    ("2026-11-30", []),
    ("2026-11-29", []),                                       # due today
    ("2026-11-28", [("AUDIT-RECTIFY", AUDIT, *RECTIFY)]),
])
def test_c11_findings_put_right_by_their_date(write_repo: WriteRepo, rectify_by: str, codes: Found) -> None:
    extra = rectify(f"设备未登记固定资产卡片, rectify_by: {rectify_by}")
    assert found(write_repo(audit("2026-10-20", extra))) == codes


@pytest.mark.parametrize("item", [
    "设备未登记固定资产卡片, rectify_by: 2026-10-31, rectified_on: 2026-10-20",   # on time
    "设备未登记固定资产卡片, rectify_by: 2026-10-31, rectified_on: 2026-11-20",   # late, but done
    "设备未登记固定资产卡片",                                                        # no deadline set
])
def test_c11_a_finding_put_right_or_without_a_deadline_is_clean(write_repo: WriteRepo, item: str) -> None:
    assert found(write_repo(audit("2026-10-20", rectify(item)))) == []


def test_c11_each_finding_is_reported_at_its_own_rectify_by(write_repo: WriteRepo) -> None:
    extra = rectify("两笔支出缺少签到表, rectify_by: 2026-10-31, rectified_on: 2026-10-20",
                    "设备未登记固定资产卡片, rectify_by: 2026-11-28",
                    "慰问品未附验收单, rectify_by: 2026-11-20")
    repo = write_repo(audit("2026-10-20", extra))
    assert found(repo) == [("AUDIT-RECTIFY", AUDIT, 9, 37), ("AUDIT-RECTIFY", AUDIT, 10, 34)]
    assert [f.message.zh for f in findings(repo)] == [
        "A2026-001 第 2 项问题应整改：设备未登记固定资产卡片（期限 2026-11-28，已逾期）",
        "A2026-001 第 3 项问题应整改：慰问品未附验收单（期限 2026-11-20，已逾期）"]
    assert findings(repo)[0].message.en == ("A2026-001, finding 2 is to be put right: 设备未登记固定资产卡片 "
                                            "(due 2026-11-28, overdue)")


def test_c11_an_unpublished_audit_with_an_open_finding_has_both(write_repo: WriteRepo) -> None:
    extra = "findings:\n  - {item: 设备未登记固定资产卡片, rectify_by: 2026-11-28}\n"
    assert found(write_repo(audit("2026-10-20", extra))) == [
        ("AUDIT-PUBLISHED", AUDIT, *REPORTED), ("AUDIT-RECTIFY", AUDIT, 7, 37)]


def test_c11_rectify_in_the_reminders(write_repo: WriteRepo) -> None:
    extra = rectify("设备未登记固定资产卡片, rectify_by: 2026-12-31",
                    "两笔支出缺少签到表, rectify_by: 2026-11-20, rectified_on: 2026-11-18",
                    "慰问品未附验收单, rectify_by: 2026-11-25")
    repo = write_repo(audit("2026-10-20", extra))
    assert due(repo) == [("AUDIT-RECTIFY", date(2026, 11, 25), -4, True, 10, 34),
                         ("AUDIT-RECTIFY", date(2026, 12, 31), 32, False, *RECTIFY)]
    assert due(repo, 31) == [("AUDIT-RECTIFY", date(2026, 11, 25), -4, True, 10, 34)]


# --- AUDIT-YEARLY: each year's accounts audited within audit.yearly_within_months (6) -----------

def yearly(year: int, reported: str, number: int = 1) -> dict[str, str]:
    return audit(reported, f"year: {year}\npublished_on: {reported}\n", kind="年度审计", number=number)


def test_c11_an_unaudited_year_is_reported_at_records_since(write_repo: WriteRepo) -> None:
    repo = write_repo({}, config=SINCE_2025)
    assert check(repo) == [("AUDIT-YEARLY", *YEARLY_AT)]
    [late] = [f for f in findings(repo) if f.code == "AUDIT-YEARLY"]
    assert late.severity == Severity.WARNING
    assert late.message.zh == "2025 年度财务应经审计（期限 2026-06-30，已逾期）"
    assert late.message.en == "the accounts of 2025 are due to be audited (due 2026-06-30, overdue)"


def test_c11_the_yearly_audit_of_that_year_is_clean(write_repo: WriteRepo) -> None:
    assert check(write_repo(yearly(2025, "2026-03-20"), config=SINCE_2025)) == []


@pytest.mark.parametrize("files", [
    yearly(2024, "2025-03-20"),                                  # another year
    audit("2026-03-20", "published_on: 2026-03-25\n"),           # a special audit
    audit("2026-03-20", "published_on: 2026-03-25\n", kind="离任经济责任审计"),
])
def test_c11_only_a_yearly_audit_of_that_year_counts(write_repo: WriteRepo, files: dict[str, str]) -> None:
    assert check(write_repo(files, config=SINCE_2025)) == [("AUDIT-YEARLY", *YEARLY_AT)]


def test_c11_every_year_since_the_records_start(write_repo: WriteRepo) -> None:
    config = with_params("  records:\n    since: 2023-06-01\n")
    repo = write_repo(yearly(2024, "2025-04-01"), config=config)
    assert check(repo) == [("AUDIT-YEARLY", *YEARLY_AT), ("AUDIT-YEARLY", *YEARLY_AT)]
    assert [f.message.en for f in findings(repo) if f.code == "AUDIT-YEARLY"] == [
        "the accounts of 2023 are due to be audited (due 2024-06-30, overdue)",
        "the accounts of 2025 are due to be audited (due 2026-06-30, overdue)"]


def test_c11_the_current_year_is_not_yet_due(write_repo: WriteRepo) -> None:
    config = with_params("  records:\n    since: 2026-01-01\n")
    assert check(write_repo({}, config=config)) == []


def test_c11_without_records_since_the_first_meeting_starts_the_count(write_repo: WriteRepo) -> None:
    """The finding then points at `community` (line 1, its value at column 12)."""
    meeting = {"meetings/MT2025-001.yaml": "id: MT2025-001\ntype: 居民会议\ndate: 2025-05-10\ntopic: 年度工作报告\n"}
    assert check(write_repo(meeting)) == [("AUDIT-YEARLY", "cmty.yaml", 1, 12)]
    assert check(write_repo({**meeting, **yearly(2025, "2026-04-01")})) == []


def test_c11_nothing_is_owed_without_records(write_repo: WriteRepo) -> None:
    assert found(write_repo({})) == []


@pytest.mark.parametrize(("today", "codes"), [
    (date(2026, 6, 29), []),
    (date(2026, 6, 30), []),                                # 2025-12-31 + 6 months
    (date(2026, 7, 1), [("AUDIT-YEARLY", *YEARLY_AT)]),
])
def test_c11_yearly_within_six_months(write_repo: WriteRepo, today: date, codes: Found) -> None:
    assert check(write_repo({}, config=SINCE_2025), today) == codes


@pytest.mark.parametrize(("since", "today", "codes"), [
    ("2025-01-01", date(2026, 2, 27), []),
    ("2025-01-01", date(2026, 2, 28), []),                                 # 2025-12-31 + 2: clamped to 28 Feb
    ("2025-01-01", date(2026, 3, 1), [("AUDIT-YEARLY", *YEARLY_AT)]),
    ("2027-01-01", date(2028, 2, 28), []),
    ("2027-01-01", date(2028, 2, 29), []),                                 # 2027-12-31 + 2: the leap day
    ("2027-01-01", date(2028, 3, 1), [("AUDIT-YEARLY", *YEARLY_AT)]),
])
def test_c11_yearly_within_months_is_a_parameter_clamped_to_the_month_end(
        write_repo: WriteRepo, since: str, today: date, codes: Found) -> None:
    config = with_params(f"  records:\n    since: {since}\n  audit:\n    yearly_within_months: 2\n")
    assert check(write_repo({}, config=config), today) == codes


def test_c11_yearly_in_the_reminders(write_repo: WriteRepo) -> None:
    repo = write_repo({}, config=with_params("  records:\n    since: 2026-01-01\n"))
    items = [(r.code, r.due, r.days, r.line, r.column) for r in reminders(repo, date(2027, 1, 1), 365)
             if r.code == "AUDIT-YEARLY"]
    assert items == [("AUDIT-YEARLY", date(2027, 6, 30), 180, 11, 12)]


# --- AUDIT-DEPARTURE: a departure audit reported and published before each election -------------

ELECTION = meeting_file("2026-03-16")


def departure(reported: str, published: str | None, kind: str = "离任经济责任审计", number: int = 1
              ) -> dict[str, str]:
    extra = f"published_on: {published}\n" if published else ""
    return audit(reported, extra, kind=kind, number=number)


@pytest.mark.parametrize("kind", ["离任经济责任审计", "任期经济责任审计"])
def test_c11_departure_audit_published_before_the_election_is_clean(write_repo: WriteRepo, kind: str) -> None:
    files = {**election("2026-03-16"), **departure("2026-02-27", "2026-03-03", kind)}
    assert found(write_repo(files, config=QUIET)) == []


def test_c11_an_election_without_a_departure_audit(write_repo: WriteRepo) -> None:
    repo = write_repo(election("2026-03-16"), config=QUIET)
    assert found(repo) == [("AUDIT-DEPARTURE", ELECTION, 3, 7)]
    [missing] = findings(repo)
    assert missing.severity == Severity.ERROR
    assert missing.message.zh == "2026-03-16 换届选举前没有离任经济责任审计"
    assert missing.message.en == "no departure audit before the election on 2026-03-16"
    assert missing.hint.en == ("the outgoing committee is audited and the result published before the "
                               "election (C11); record it under audits/")


@pytest.mark.parametrize(("reported", "codes"), [
    ("2026-03-15", []),
    ("2026-03-16", []),                                        # on the day of the election
    ("2026-03-17", [("AUDIT-DEPARTURE", ELECTION, 3, 7)]),     # after it: not this election's
])
def test_c11_the_departure_audit_is_dated_on_or_before_the_election(write_repo: WriteRepo, reported: str,
                                                                     codes: Found) -> None:
    files = {**election("2026-03-16"), **departure(reported, "2026-03-16")}
    assert found(write_repo(files, config=QUIET)) == codes


@pytest.mark.parametrize("kind", ["年度审计", "专项审计", "居民提议审计"])
def test_c11_other_audits_are_no_departure_audit(write_repo: WriteRepo, kind: str) -> None:
    extra = "year: 2025\npublished_on: 2026-03-03\n" if kind == "年度审计" else "published_on: 2026-03-03\n"
    files = {**election("2026-03-16"), **audit("2026-02-27", extra, kind=kind)}
    assert found(write_repo(files, config=QUIET)) == [("AUDIT-DEPARTURE", ELECTION, 3, 7)]


@pytest.mark.parametrize(("published", "codes"), [
    ("2026-03-16", []),                                             # on the day of the election
    ("2026-03-17", [("AUDIT-DEPARTURE", AUDIT, *PUBLISHED)]),       # at the audit's published_on
])
def test_c11_published_on_or_before_the_election(write_repo: WriteRepo, published: str, codes: Found) -> None:
    files = {**election("2026-03-16"), **departure("2026-02-27", published)}
    assert found(write_repo(files, config=QUIET)) == codes


def test_c11_published_after_the_election_message(write_repo: WriteRepo) -> None:
    files = {**election("2026-03-16"), **departure("2026-02-27", "2026-03-20")}
    [late] = findings(write_repo(files, config=QUIET))
    assert (late.code, late.file, late.line, late.column) == ("AUDIT-DEPARTURE", AUDIT, *PUBLISHED)
    assert late.severity == Severity.ERROR
    assert late.message.zh == "离任审计结果未在 2026-03-16 换届选举前公布"
    assert late.message.en == "the departure audit's result was not published before the election on 2026-03-16"


def test_c11_an_unpublished_departure_audit_is_reported_at_its_date(write_repo: WriteRepo) -> None:
    """Not published at all: AUDIT-DEPARTURE at the audit's date, and its 30 days are long over."""
    files = {**election("2026-03-16"), **departure("2026-02-27", None)}
    assert found(write_repo(files, config=QUIET)) == [
        ("AUDIT-DEPARTURE", AUDIT, *REPORTED), ("AUDIT-PUBLISHED", AUDIT, *REPORTED)]


def test_c11_each_election_needs_its_own_departure_audit(write_repo: WriteRepo) -> None:
    """An audit before the 2021 election does not cover the 2026 one."""
    first, second = election("2021-03-16"), election("2026-03-16")
    audit_2021 = departure("2021-02-26", "2021-03-02")
    repo = write_repo({**first, **second, **audit_2021}, config=QUIET)
    assert found(repo) == [("AUDIT-DEPARTURE", ELECTION, 3, 7)]
    files = {**first, **second, **audit_2021, **departure("2026-02-27", "2026-03-03")}
    assert found(write_repo(files, config=QUIET)) == []


def test_c11_an_audit_on_the_day_of_one_election_is_not_the_next_ones(write_repo: WriteRepo) -> None:
    files = {**election("2021-03-16"), **election("2026-03-16"), **departure("2021-03-16", "2021-03-16")}
    assert found(write_repo(files, config=QUIET)) == [("AUDIT-DEPARTURE", ELECTION, 3, 7)]


def test_c11_one_audit_between_two_elections_covers_only_the_second(write_repo: WriteRepo) -> None:
    files = {**election("2021-03-16"), **election("2026-03-16"), **departure("2024-06-30", "2024-07-05")}
    assert found(write_repo(files, config=QUIET)) == [("AUDIT-DEPARTURE", meeting_file("2021-03-16"), 3, 7)]


def test_c11_two_elections_both_without_audits(write_repo: WriteRepo) -> None:
    files = {**election("2021-03-16"), **election("2026-03-16")}
    repo = write_repo(files, config=QUIET)
    assert found(repo) == [("AUDIT-DEPARTURE", meeting_file("2021-03-16"), 3, 7),
                           ("AUDIT-DEPARTURE", ELECTION, 3, 7)]


def test_c11_the_latest_audit_of_the_term_must_be_published(write_repo: WriteRepo) -> None:
    """A term audit published in 2024 and a departure audit published after the election: the
    departure audit, the last before the election, is the one judged."""
    files = {**election("2026-03-16"), **departure("2024-05-10", "2024-05-20", "任期经济责任审计", 1),
             **departure("2026-02-27", "2026-03-20", number=1)}
    assert found(write_repo(files, config=QUIET)) == [("AUDIT-DEPARTURE", AUDIT, *PUBLISHED)]


def test_c11_two_departure_audits_on_one_date(write_repo: WriteRepo) -> None:
    """The chair's and the bookkeeper's departure audits are often reported on the same day."""
    files = {**election("2026-03-16"), **departure("2026-02-27", "2026-03-03", number=1),
             **departure("2026-02-27", "2026-03-03", number=2)}
    assert found(write_repo(files, config=QUIET)) == []


def test_c11_two_election_records_on_one_date(write_repo: WriteRepo) -> None:
    """E.g. the chair and the members elected in two sittings recorded as two meetings of one day."""
    files = {**election("2026-03-16", 1), **election("2026-03-16", 2),
             **departure("2026-02-27", "2026-03-03")}
    assert found(write_repo(files, config=QUIET)) == []


def test_c11_an_election_recorded_ahead_is_not_judged_before_it_is_held(write_repo: WriteRepo) -> None:
    """A 居委会选举 planned for 2026-12-20 and recorded now: the audit may still come."""
    files = {**election("2026-12-20")}
    assert [f for f in found_on(write_repo(files, config=QUIET), TODAY) if f[0] == "AUDIT-DEPARTURE"] == []
    assert [f[0] for f in found_on(write_repo(files, config=QUIET), date(2026, 12, 21))
            if f[0] == "AUDIT-DEPARTURE"] == ["AUDIT-DEPARTURE"]


def test_c11_sittings_days_apart_are_one_election(write_repo: WriteRepo) -> None:
    """Chair on 2026-03-16, members on 2026-03-18: one departure audit covers both."""
    files = {**election("2026-03-16", 1), **election("2026-03-18", 2), **departure("2026-02-27", "2026-03-03")}
    assert [f for f in found(write_repo(files, config=QUIET)) if f[0] == "AUDIT-DEPARTURE"] == []
