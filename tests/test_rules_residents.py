"""Residents' rules (cmty/rules/residents.py): 居住登记 and the 居住证 (DOMAIN §8, 居住证暂行条例
arts. 9–10) and the foreigners' registration, visa and permit deadlines (DOMAIN §7, X2, X3, X5,
X7, X8). Validation runs on 2026-11-29: a deadline due that day is not yet a finding (it shows
in `cmty remind` with days 0), one due the day before is."""

from __future__ import annotations

from datetime import date

import pytest

from cmty.remind import reminders
from cmty.validate import validate_repo
from tests.conftest import CONFIG, TODAY, WriteRepo, findings, found

RES = "residents/R00001.yaml"


def resident(extra: str = "", category: str = "流动") -> str:
    """The smallest resident; `extra` lines start at line 4."""
    return f"id: R00001\nname: 王建军\ncategory: {category}\n{extra}"


def permit(*fields: str) -> str:
    """A residence_permit block (line 4); its fields from line 5, values at column 16."""
    return resident("residence_permit:\n" + "".join(f"  {f}\n" for f in fields))


def foreigner(*fields: str, category: str = "境外") -> str:
    """A foreigner; the `foreign` fields given start at line 7, indented two spaces."""
    block = "foreign:\n  nationality: 波兰\n  document_type: 护照\n" + "".join(f"  {f}\n" for f in fields)
    return f"id: R00001\nname: Anna Kowalska\ncategory: {category}\n{block}"


def with_params(text: str) -> str:
    return CONFIG + "parameters:\n" + text


def due(repo_files: dict[str, str], write_repo: WriteRepo, config: str = CONFIG, days: int = 400
        ) -> list[tuple[str, date, int, int | None, int | None]]:
    """(code, due, days, line, column) of every reminder on TODAY within `days`."""
    repo = write_repo(repo_files, config=config)
    return [(r.code, r.due, r.days, r.line, r.column) for r in reminders(repo, TODAY, days)]


# --- RESIDENT-REGISTRATION (§8 居住登记, local rule: residents.registration_days, default 3) ---

def test_s8_registration_due_today_is_not_yet_a_finding(write_repo: WriteRepo) -> None:
    files = {RES: resident("arrived_on: 2026-11-26\n")}
    assert found(write_repo(files)) == []
    assert due(files, write_repo, days=0) == [("RESIDENT-REGISTRATION", date(2026, 11, 29), 0, 4, 13)]


def test_s8_registration_a_day_late_is_a_finding_at_arrived_on(write_repo: WriteRepo) -> None:
    repo = write_repo({RES: resident("arrived_on: 2026-11-25\n")})
    assert found(repo) == [("RESIDENT-REGISTRATION", RES, 4, 13)]
    [finding] = findings(repo)
    assert finding.message.zh == "R00001 来本地后应办理居住登记（期限 2026-11-28，已逾期）"


@pytest.mark.parametrize("extra", [
    "arrived_on: 2026-11-01\nregistered_on: 2026-11-02\n",  # registered
    "arrived_on: 2026-11-01\nleft_on: 2026-11-28\n",  # gone before today
    "arrived_on: 2026-11-01\nleft_on: 2026-11-29\n",  # gone today: no longer here
])
def test_s8_registration_registered_or_gone_is_clean(write_repo: WriteRepo, extra: str) -> None:
    assert found(write_repo({RES: resident(extra)})) == []


def test_s8_registration_still_here_until_left_on(write_repo: WriteRepo) -> None:
    repo = write_repo({RES: resident("arrived_on: 2026-11-01\nleft_on: 2026-11-30\n")})
    assert found(repo) == [("RESIDENT-REGISTRATION", RES, 4, 13)]


@pytest.mark.parametrize("category", ["户籍", "境外"])
def test_s8_registration_only_for_floating_residents(write_repo: WriteRepo, category: str) -> None:
    extra = "arrived_on: 2026-01-01\n"
    if category == "境外":
        extra += "foreign: {nationality: 波兰, document_type: 护照}\n"
    assert found(write_repo({RES: resident(extra, category)})) == []


def test_s8_registration_days_parameter_moves_the_due_date(write_repo: WriteRepo) -> None:
    files = {RES: resident("arrived_on: 2026-11-22\n")}
    week = with_params("  residents:\n    registration_days: 7\n")
    assert found(write_repo(files)) == [("RESIDENT-REGISTRATION", RES, 4, 13)]
    assert found(write_repo(files, config=week)) == []
    assert due(files, write_repo, config=week, days=0) == [
        ("RESIDENT-REGISTRATION", date(2026, 11, 29), 0, 4, 13)]
    files = {RES: resident("arrived_on: 2026-11-21\n")}
    assert found(write_repo(files, config=week)) == [("RESIDENT-REGISTRATION", RES, 4, 13)]


# --- RESIDENT-PERMIT-ISSUE (居住证暂行条例 art. 9: issued within 15 days, up to 30) ---

def test_art9_permit_issue_due_today_is_not_yet_a_finding(write_repo: WriteRepo) -> None:
    files = {RES: permit("accepted_on: 2026-11-14")}
    assert found(write_repo(files)) == []
    assert due(files, write_repo, days=0) == [("RESIDENT-PERMIT-ISSUE", date(2026, 11, 29), 0, 5, 16)]


def test_art9_permit_issue_a_day_late_is_a_finding_at_accepted_on(write_repo: WriteRepo) -> None:
    repo = write_repo({RES: permit("accepted_on: 2026-11-13")})
    assert found(repo) == [("RESIDENT-PERMIT-ISSUE", RES, 5, 16)]
    [finding] = findings(repo)
    assert finding.message.zh == "R00001 的居住证应在受理后 15 日内发放（期限 2026-11-28，已逾期）"


def test_art9_permit_issued_is_clean(write_repo: WriteRepo) -> None:
    # issued within the fortnight; its first anniversary (2027-11-01) is a year away
    files = {RES: permit("accepted_on: 2026-10-20", "issued_on: 2026-11-01")}
    assert found(write_repo(files)) == []


def test_art9_remote_areas_may_take_30_days(write_repo: WriteRepo) -> None:
    files = {RES: permit("accepted_on: 2026-10-30")}
    remote = with_params("  residents:\n    permit_issue_days: 30\n")
    assert found(write_repo(files)) == [("RESIDENT-PERMIT-ISSUE", RES, 5, 16)]
    assert found(write_repo(files, config=remote)) == []
    assert due(files, write_repo, config=remote, days=0) == [
        ("RESIDENT-PERMIT-ISSUE", date(2026, 11, 29), 0, 5, 16)]
    late = write_repo({RES: permit("accepted_on: 2026-10-29")}, config=remote)
    assert found(late) == [("RESIDENT-PERMIT-ISSUE", RES, 5, 16)]
    assert findings(late)[0].message.zh.startswith("R00001 的居住证应在受理后 30 日内发放")


def test_s8_permit_rules_skip_registered_residents(write_repo: WriteRepo) -> None:
    extra = "residence_permit:\n  accepted_on: 2026-01-01\n"
    assert found(write_repo({RES: resident(extra, "户籍")})) == []


# --- RESIDENT-PERMIT-ENDORSE (art. 10: endorse in [anniversary − 1 month, anniversary)) ---

def test_art10_no_endorsement_is_late_after_the_anniversary(write_repo: WriteRepo) -> None:
    repo = write_repo({RES: permit("issued_on: 2025-11-28")})
    assert found(repo) == [("RESIDENT-PERMIT-ENDORSE", RES, 5, 14)]
    [finding] = findings(repo)
    assert finding.message.zh == ("R00001 的居住证应在 2026-10-28 至 2026-11-28 前签注，逾期暂停使用"
                                  "（期限 2026-11-28，已逾期）")


@pytest.mark.parametrize(("endorsed", "codes"), [
    ("2026-10-28", []),  # the first day of the window
    ("2026-11-27", []),  # the last day of the window
    ("2026-10-27", [("RESIDENT-PERMIT-ENDORSE", RES, 5, 14)]),  # a day before the window
    ("2026-11-28", []),  # late (the window ended), but a late endorsement restarts the count (art. 10)
])
def test_art10_endorsement_window(write_repo: WriteRepo, endorsed: str,
                                  codes: list[tuple[str, str, int, int]]) -> None:
    repo = write_repo({RES: permit("issued_on: 2025-11-28", f"endorsed_on: [{endorsed}]")})
    assert found(repo) == codes


def test_art10_endorsement_due_today_is_not_yet_a_finding(write_repo: WriteRepo) -> None:
    files = {RES: permit("issued_on: 2025-11-29")}
    assert found(write_repo(files)) == []
    assert due(files, write_repo, days=0) == [("RESIDENT-PERMIT-ENDORSE", date(2026, 11, 29), 0, 5, 14)]


def test_art10_every_year_needs_its_own_endorsement(write_repo: WriteRepo) -> None:
    # endorsed for the first year only: the second anniversary (2025-11-28) is missed
    repo = write_repo({RES: permit("issued_on: 2023-11-28", "endorsed_on: [2024-11-01]")})
    assert found(repo) == [("RESIDENT-PERMIT-ENDORSE", RES, 5, 14)]
    assert "（期限 2025-11-28，已逾期）" in findings(repo)[0].message.zh
    clean = permit("issued_on: 2023-11-28", "endorsed_on: [2024-11-01, 2025-11-01, 2026-11-01]")
    assert found(write_repo({RES: clean})) == []


def test_art10_a_late_endorsement_restarts_the_count(write_repo: WriteRepo) -> None:
    # first anniversary 2024-11-28 missed; endorsed late on 2024-12-15, so the card is in use again
    # and the next full year ends 2025-12-15 (window from 2025-11-15), endorsed 2025-11-20; the
    # next after that ends 2026-12-15, not yet due
    text = permit("issued_on: 2023-11-28", "endorsed_on: [2024-12-15, 2025-11-20]")
    assert found(write_repo({RES: text})) == []


def test_art10_leap_day_anniversary_is_28_february(write_repo: WriteRepo) -> None:
    repo = write_repo({RES: permit("issued_on: 2024-02-29")})
    [finding] = findings(repo)
    assert (finding.code, finding.line, finding.column) == ("RESIDENT-PERMIT-ENDORSE", 5, 14)
    assert finding.message.zh == ("R00001 的居住证应在 2025-01-28 至 2025-02-28 前签注，逾期暂停使用"
                                  "（期限 2025-02-28，已逾期）")
    # endorsed each year within the window, 2025-01-28 and 2026-01-28 being the first days
    clean = permit("issued_on: 2024-02-29", "endorsed_on: [2025-01-28, 2026-01-28]")
    assert found(write_repo({RES: clean})) == []
    assert due({RES: clean}, write_repo, days=100) == [
        ("RESIDENT-PERMIT-ENDORSE", date(2027, 2, 28), 91, 5, 14)]


# --- FOREIGN-REGISTRATION (X2: within 24 hours of moving in; X3: no 72 hours) ---

def test_x2_registration_due_today_is_not_yet_a_finding(write_repo: WriteRepo) -> None:
    files = {RES: foreigner('moved_in_at: "2026-11-28 10:00"')}
    assert found(write_repo(files)) == []
    assert due(files, write_repo, days=0) == [("FOREIGN-REGISTRATION", date(2026, 11, 29), 0, 7, 16)]


def test_x2_unregistered_after_a_day_is_a_finding_at_moved_in_at(write_repo: WriteRepo) -> None:
    repo = write_repo({RES: foreigner('moved_in_at: "2026-11-27 10:00"')})
    assert found(repo) == [("FOREIGN-REGISTRATION", RES, 7, 16)]
    [finding] = findings(repo)
    assert finding.message.zh == "R00001 入住后 24 小时内应办理住宿登记（期限 2026-11-28，已逾期）"


@pytest.mark.parametrize("extra", [
    'registered_at: "2026-11-27 18:00"',
    "left_on: 2026-11-28",
])
def test_x2_registered_or_gone_is_clean(write_repo: WriteRepo, extra: str) -> None:
    moved = 'moved_in_at: "2026-11-27 10:00"'
    text = foreigner(moved) + extra + "\n" if extra.startswith("left_on") else foreigner(moved, extra)
    assert found(write_repo({RES: text})) == []


def test_x3_24_hours_in_the_countryside_too(write_repo: WriteRepo) -> None:
    """X3: the 72-hour countryside rule was repealed in 2013. Nothing in the rules reads the
    community's level: a 涉农社区 gets the same 24 hours as a 城市社区."""
    village = CONFIG.replace("level: 城市社区", "level: 涉农社区")
    assert village != CONFIG
    # two days (well under the old 72 hours) without registering
    unregistered = {RES: foreigner('moved_in_at: "2026-11-27 10:00"')}
    assert found(write_repo(unregistered, config=village)) == [("FOREIGN-REGISTRATION", RES, 7, 16)]
    # registered after 48 hours: late though within the old 72
    late = {RES: foreigner('moved_in_at: "2026-05-03 14:00"', 'registered_at: "2026-05-05 14:00"')}
    assert found(write_repo(late, config=village)) == [("FOREIGN-REGISTERED-LATE", RES, 8, 18)]


# --- FOREIGN-REGISTERED-LATE (X2: registration at most 24 hours after moving in) ---

@pytest.mark.parametrize(("registered", "codes"), [
    ("2026-05-03 14:00", []),  # at once
    ("2026-05-04 14:00", []),  # exactly 24 hours
    ("2026-05-04 14:01", [("FOREIGN-REGISTERED-LATE", RES, 8, 18)]),  # 24 h 1 min
    ("2026-05-06 10:00", [("FOREIGN-REGISTERED-LATE", RES, 8, 18)]),
])
def test_x2_registered_within_24_hours(write_repo: WriteRepo, registered: str,
                                       codes: list[tuple[str, str, int, int]]) -> None:
    text = foreigner('moved_in_at: "2026-05-03 14:00"', f'registered_at: "{registered}"')
    assert found(write_repo({RES: text})) == codes


def test_x2_registered_late_across_midnight(write_repo: WriteRepo) -> None:
    # 23:30 to 23:31 the next day: a minute over, though only one calendar day later
    text = foreigner('moved_in_at: "2026-12-31 23:30"', 'registered_at: "2027-01-01 23:31"')
    repo = write_repo({RES: text})
    assert found(repo) == [("FOREIGN-REGISTERED-LATE", RES, 8, 18)]
    assert findings(repo)[0].message.zh == "住宿登记晚于入住后 24 小时"


# --- FOREIGN-VISA (X5: apply ≥ 7 days before; reminded foreigners.visa_reminder_days ahead) ---

def test_x5_visa_due_today_is_not_yet_a_finding(write_repo: WriteRepo) -> None:
    files = {RES: foreigner("stay_until: 2026-12-13")}
    assert found(write_repo(files)) == []
    assert due(files, write_repo, days=0) == [("FOREIGN-VISA", date(2026, 11, 29), 0, 7, 15)]


def test_x5_visa_a_day_past_the_reminder_is_a_finding_at_stay_until(write_repo: WriteRepo) -> None:
    repo = write_repo({RES: foreigner("stay_until: 2026-12-12")})
    assert found(repo) == [("FOREIGN-VISA", RES, 7, 15)]
    [finding] = findings(repo)
    assert finding.message.zh == ("R00001 的签证停留期于 2026-12-12 届满，应至迟提前 7 日申请延期"
                                  "（期限 2026-11-28，已逾期）")
    assert "at least 7 days before" in finding.message.en


def test_x5_visa_reminder_days_parameter(write_repo: WriteRepo) -> None:
    files = {RES: foreigner("stay_until: 2026-12-06")}
    legal = with_params("  foreigners:\n    visa_reminder_days: 7\n")
    assert found(write_repo(files)) == [("FOREIGN-VISA", RES, 7, 15)]
    assert found(write_repo(files, config=legal)) == []
    assert due(files, write_repo, config=legal, days=0) == [("FOREIGN-VISA", date(2026, 11, 29), 0, 7, 15)]


@pytest.mark.parametrize("applied", ["2026-11-20", "2026-12-12"])
def test_x5_extension_applied_is_clean(write_repo: WriteRepo, applied: str) -> None:
    text = foreigner("stay_until: 2026-12-12", f"extension_applied_on: {applied}")
    assert found(write_repo({RES: text})) == []


def test_x5_an_extension_applied_after_an_earlier_stay_ended_does_not_count(write_repo: WriteRepo) -> None:
    # the application is dated after this stay ended, so it is not this stay's extension
    text = foreigner("stay_until: 2026-11-10", "extension_applied_on: 2026-11-11")
    assert found(write_repo({RES: text})) == [("FOREIGN-VISA", RES, 7, 15)]


# --- FOREIGN-PERMIT (X7: apply ≥ 30 days before; reminded foreigners.permit_reminder_days ahead) ---

def test_x7_permit_due_today_is_not_yet_a_finding(write_repo: WriteRepo) -> None:
    files = {RES: foreigner("permit_until: 2027-01-13")}
    assert found(write_repo(files)) == []
    assert due(files, write_repo, days=0) == [("FOREIGN-PERMIT", date(2026, 11, 29), 0, 7, 17)]


def test_x7_permit_a_day_past_the_reminder_is_a_finding_at_permit_until(write_repo: WriteRepo) -> None:
    repo = write_repo({RES: foreigner("permit_until: 2027-01-12")})
    assert found(repo) == [("FOREIGN-PERMIT", RES, 7, 17)]
    [finding] = findings(repo)
    assert finding.message.zh == ("R00001 的居留许可于 2027-01-12 届满，应至迟提前 30 日申请延期"
                                  "（期限 2026-11-28，已逾期）")
    assert "at least 30 days before" in finding.message.en


def test_x7_permit_reminder_days_parameter(write_repo: WriteRepo) -> None:
    files = {RES: foreigner("permit_until: 2027-01-27")}  # due 2026-12-13 / 2026-11-28
    sixty = with_params("  foreigners:\n    permit_reminder_days: 60\n")
    assert found(write_repo(files)) == []
    assert found(write_repo(files, config=sixty)) == [("FOREIGN-PERMIT", RES, 7, 17)]


def test_x7_extension_applied_is_clean(write_repo: WriteRepo) -> None:
    text = foreigner("permit_until: 2027-01-12", "extension_applied_on: 2026-11-20")
    assert found(write_repo({RES: text})) == []


def test_x5_x7_visa_and_permit_together(write_repo: WriteRepo) -> None:
    text = foreigner("stay_until: 2026-12-12", "permit_until: 2027-01-12")
    assert found(write_repo({RES: text})) == [("FOREIGN-VISA", RES, 7, 15), ("FOREIGN-PERMIT", RES, 8, 17)]


def test_x_foreign_deadlines_only_while_here(write_repo: WriteRepo) -> None:
    text = foreigner('moved_in_at: "2026-01-01 10:00"', "stay_until: 2026-02-01",
                     "permit_until: 2026-03-01") + "left_on: 2026-11-01\n"
    assert found(write_repo({RES: text})) == []


# --- FOREIGN-PERMIT-VALIDITY (X8: work 90 days to 5 years, other kinds 180 days to 5 years) ---

@pytest.mark.parametrize(("kind", "start", "end", "codes"), [
    ("工作", "2026-01-01", "2026-04-01", []),  # 90 days
    ("工作", "2026-01-01", "2026-03-31", [("FOREIGN-PERMIT-VALIDITY", RES, 9, 17)]),  # 89 days
    ("学习", "2026-01-01", "2026-06-30", []),  # 180 days
    ("学习", "2026-01-01", "2026-06-29", [("FOREIGN-PERMIT-VALIDITY", RES, 9, 17)]),  # 179 days
    ("团聚", "2026-01-01", "2026-06-29", [("FOREIGN-PERMIT-VALIDITY", RES, 9, 17)]),  # non-work: 180
    ("工作", "2026-01-01", "2031-01-01", []),  # 5 years
    ("工作", "2026-01-01", "2031-01-02", [("FOREIGN-PERMIT-VALIDITY", RES, 9, 17)]),  # a day more
    ("学习", "2026-01-01", "2031-01-01", []),
    ("学习", "2026-01-01", "2031-01-02", [("FOREIGN-PERMIT-VALIDITY", RES, 9, 17)]),
    ("工作", "2026-01-01", "2025-12-31", [("FOREIGN-PERMIT-VALIDITY", RES, 9, 17)]),  # ends before it starts
])
def test_x8_permit_validity(write_repo: WriteRepo, kind: str, start: str, end: str,
                            codes: list[tuple[str, str, int, int]]) -> None:
    # extension_applied_on keeps the X7 reminder of a permit that has already ended out of the list
    text = foreigner(f"permit_type: {kind}", f"permit_from: {start}", f"permit_until: {end}",
                     "extension_applied_on: 2025-12-01")
    assert found(write_repo({RES: text})) == codes


def test_x8_validity_message(write_repo: WriteRepo) -> None:
    text = foreigner("permit_type: 工作", "permit_from: 2026-01-01", "permit_until: 2026-03-31",
                     "extension_applied_on: 2025-12-01")
    [finding] = findings(write_repo({RES: text}))
    assert finding.message.zh == "居留许可 2026-01-01 至 2026-03-31 不在 90 日至 5 年之间"


def test_x8_leap_day_start_five_years_is_28_february(write_repo: WriteRepo) -> None:
    def text(end: str) -> str:
        return foreigner("permit_type: 工作", "permit_from: 2028-02-29", f"permit_until: {end}")
    assert found(write_repo({RES: text("2033-02-28")})) == []
    assert found(write_repo({RES: text("2033-03-01")})) == [("FOREIGN-PERMIT-VALIDITY", RES, 9, 17)]


# --- RESIDENT-PERMIT-ELIGIBLE (居住证暂行条例 art. 2: six months' residence before applying) ---

def applied(arrived: str, accepted: str, issued: str, more: str = "") -> str:
    """Arrived and registered at once; accepted_on on line 7 (column 16), issued_on on line 8."""
    return resident(f"arrived_on: {arrived}\nregistered_on: {arrived}\nresidence_permit:\n"
                    f"  accepted_on: {accepted}\n  issued_on: {issued}\n{more}")


ELIGIBLE = [("RESIDENT-PERMIT-ELIGIBLE", RES, 7, 16)]


@pytest.mark.parametrize(("arrived", "accepted", "codes"), [
    ("2026-03-10", "2026-09-09", ELIGIBLE),   # a day short of six months
    ("2026-03-10", "2026-09-10", []),         # six months to the day
    ("2026-03-10", "2026-10-20", []),
    ("2025-08-31", "2026-02-27", ELIGIBLE),
    ("2025-08-31", "2026-02-28", []),         # six months after 31 August: 28 February
])
def test_art2_permit_after_six_months(write_repo: WriteRepo, arrived: str, accepted: str,
                                      codes: list[tuple[str, str, int, int]]) -> None:
    assert found(write_repo({RES: applied(arrived, accepted, "2026-11-01")})) == codes


@pytest.mark.parametrize(("accepted", "codes"), [
    ("2024-02-28", ELIGIBLE),
    ("2024-02-29", []),                       # 2023-08-31 + six months: the leap day
])
def test_art2_permit_after_six_months_leap_day(write_repo: WriteRepo, accepted: str,
                                               codes: list[tuple[str, str, int, int]]) -> None:
    # issued 2024-03-10 and endorsed in each year's window, so no art. 10 reminder is due
    text = applied("2023-08-31", accepted, "2024-03-10", "  endorsed_on: [2025-02-15, 2026-02-15]\n")
    assert found(write_repo({RES: text})) == codes


def test_art2_eligibility_message(write_repo: WriteRepo) -> None:
    [finding] = findings(write_repo({RES: applied("2026-03-10", "2026-09-09", "2026-09-20")}))
    assert finding.message.zh == "来本地（2026-03-10）不满半年即受理居住证申请"
    assert finding.message.en == "the application was accepted less than six months after arriving (2026-03-10)"
    assert finding.hint.zh == "居住满半年（2026-09-10 起）方可申领（居住证暂行条例第二条）；核对来本地日期"


def test_art2_not_judged_without_both_dates(write_repo: WriteRepo) -> None:
    no_arrival = permit("accepted_on: 2026-11-01", "issued_on: 2026-11-10")
    assert found(write_repo({RES: no_arrival})) == []


# --- X6: FOREIGN-PERMIT-APPLY --------------------------------------------------------------------

@pytest.mark.parametrize(("visa", "codes"), [
    ("X1", [("FOREIGN-PERMIT-APPLY", date(2026, 11, 19), -10, 7, 13)]),  # entered 10-20: + 30 days
    ("z", [("FOREIGN-PERMIT-APPLY", date(2026, 11, 19), -10, 7, 13)]),   # the visa's letter in any case
    ("L", []),                                                           # a tourist visa: no permit
])
def test_x6_a_long_stay_visa_needs_a_permit_within_30_days(write_repo: WriteRepo, visa: str,
                                                           codes: list[object]) -> None:
    files = {RES: foreigner("entry_on: 2026-10-20", f"visa_type: {visa}")}
    assert due(files, write_repo) == codes


@pytest.mark.parametrize("done", ["permit_applied_on: 2026-11-05", "permit_from: 2026-11-10"])
def test_x6_applied_or_issued_is_no_longer_due(write_repo: WriteRepo, done: str) -> None:
    files = {RES: foreigner("entry_on: 2026-10-20", "visa_type: X1", done)}
    assert due(files, write_repo) == []


def test_x6_the_day_before_and_after(write_repo: WriteRepo) -> None:
    """Entered 2026-10-30: due 11-29, today; not yet a finding, a finding the day after."""
    repo = write_repo({RES: foreigner("entry_on: 2026-10-30", "visa_type: Z")})
    codes = [f.code for f in validate_repo(repo, today=date(2026, 11, 29)).findings]
    assert "FOREIGN-PERMIT-APPLY" not in codes
    assert [f.code for f in validate_repo(repo, today=date(2026, 11, 30)).findings
            if f.code == "FOREIGN-PERMIT-APPLY"] == ["FOREIGN-PERMIT-APPLY"]
