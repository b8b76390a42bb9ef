"""Residents' deadlines: residence registration and the 居住证 (居住证暂行条例, §8), and the
registration, visa and residence permits of foreigners (出境入境管理法, X2–X8)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from typing import Any

from cmty.dates import add_months, add_years, day
from cmty.findings import Finding, Text
from cmty.rules.base import Deadline, RecordContext, Records, deadline_rule, record_rule

ELIGIBLE_MONTHS = 6  # art. 2: six months' residence before applying
REGISTER_HOURS = 24  # X2: within 24 hours of moving in, in town and countryside alike
# X8: (shortest, longest) validity of a residence permit, in days and years
PERMIT_VALIDITY = {"工作": (90, 5)}
NON_WORK_VALIDITY = (180, 5)
# X6: visas whose holder applies for a residence permit within 30 days of entry (long-stay
# visas: permanent residence, work, long-term study, journalism, family reunion and visits).
RESIDENCE_VISAS = ("D", "Z", "X1", "J1", "Q1", "S1")
PERMIT_APPLY_DAYS = 30


def _here(data: dict[str, Any], today: date) -> bool:
    left = day(data.get("left_on"))
    return left is None or left > today


@deadline_rule("RESIDENT-REGISTRATION", "RESIDENT-PERMIT-ISSUE", "RESIDENT-PERMIT-ENDORSE",
               kinds=("resident",))
def residence_permit(records: Records) -> Iterator[Deadline]:
    """A newcomer is registered within residents.registration_days days (local rule); a
    residence permit is issued within residents.permit_issue_days of acceptance (art. 9) and
    endorsed every year in the month before its anniversary, or it is suspended (art. 10).

    Bad:  residence_permit: {accepted_on: 2026-10-01} and no issued_on on 2026-11-29
    Good: residence_permit: {accepted_on: 2026-10-01, issued_on: 2026-10-14}
    """
    register_days = int(records.config.param("residents.registration_days"))
    issue_days = int(records.config.param("residents.permit_issue_days"))
    for rec in records.of("resident"):
        data = rec.data
        if data.get("category") != "流动" or not _here(data, records.today):
            continue
        arrived = day(data.get("arrived_on"))
        if arrived is not None and day(data.get("registered_on")) is None:
            yield Deadline("RESIDENT-REGISTRATION", arrived + timedelta(days=register_days), rec.file,
                           rec.id, ("arrived_on",),
                           Text(f"{rec.id} 来本地后应办理居住登记", f"{rec.id} is registered as a "
                                "resident after arriving"),
                           Text("登记后填写 registered_on；期限见参数 residents.registration_days",
                                "fill in registered_on; the time allowed is parameter "
                                "residents.registration_days"))
        permit = data.get("residence_permit")
        if not isinstance(permit, dict):
            continue
        accepted, issued = day(permit.get("accepted_on")), day(permit.get("issued_on"))
        if accepted is not None and issued is None:
            yield Deadline("RESIDENT-PERMIT-ISSUE", accepted + timedelta(days=issue_days), rec.file,
                           rec.id, ("residence_permit", "accepted_on"),
                           Text(f"{rec.id} 的居住证应在受理后 {issue_days} 日内发放",
                                f"{rec.id}'s residence permit is issued within {issue_days} days of "
                                "acceptance"),
                           Text("发证后填写 issued_on（居住证暂行条例第九条）", "fill in issued_on "
                                "once issued (art. 9)"))
        if issued is not None:
            yield from _endorsement(rec.file, rec.id, issued, permit, records.today)


def _endorsement(file: str, record: str, issued: date, permit: dict[str, Any], today: date
                 ) -> Iterator[Deadline]:
    """The next anniversary whose endorsement window has no endorsement in it. A late
    endorsement restarts the count of years from its own date (art. 10)."""
    endorsed = sorted(d for e in permit.get("endorsed_on") or [] if (d := day(e)) is not None)
    base, years = issued, 1
    while add_years(base, years) <= add_years(today, 1):
        anniversary = add_years(base, years)
        window = add_months(anniversary, -1)
        if any(window <= d < anniversary for d in endorsed):
            years += 1
            continue
        late = [d for d in endorsed if d >= anniversary]
        if late:
            base, years = late[0], 1
            continue
        yield Deadline("RESIDENT-PERMIT-ENDORSE", anniversary, file, record,
                       ("residence_permit", "issued_on"),
                       Text(f"{record} 的居住证应在 {window} 至 {anniversary} 前签注，逾期暂停使用",
                            f"{record}'s residence permit is endorsed from {window} until "
                            f"{anniversary}, or it is suspended"),
                       Text("签注后在 endorsed_on 中记录日期（居住证暂行条例第十条）",
                            "record the date under endorsed_on (art. 10)"))
        return


@deadline_rule("FOREIGN-PERMIT-APPLY", kinds=("resident",))
def permit_after_entry(records: Records) -> Iterator[Deadline]:
    """A holder of a long-stay visa (D, Z, X1, J1, Q1, S1) applies for a residence permit within
    30 days of entering China (出境入境管理法 art. 30, X6).

    Bad:  visa_type: X1, entry_on: 2026-10-20, no permit_applied_on or permit_from on 2026-11-29
    Good: permit_applied_on: 2026-11-05
    """
    for rec in records.of("resident"):
        foreign = rec.data.get("foreign")
        if rec.data.get("category") != "境外" or not isinstance(foreign, dict) or \
                not _here(rec.data, records.today):
            continue
        visa = str(foreign.get("visa_type") or "").strip().upper()
        entered = day(foreign.get("entry_on"))
        if visa not in RESIDENCE_VISAS or entered is None or foreign.get("permit_applied_on") \
                or foreign.get("permit_from"):
            continue
        yield Deadline("FOREIGN-PERMIT-APPLY", entered + timedelta(days=PERMIT_APPLY_DAYS), rec.file,
                       rec.id, ("foreign", "entry_on"),
                       Text(f"{rec.id} 持 {visa} 签证入境，应在入境后 30 日内申请居留许可",
                            f"{rec.id} entered on a {visa} visa: apply for a residence permit within "
                            "30 days of entry"),
                       Text("申请后填写 permit_applied_on（出境入境管理法第三十条）",
                            "fill in permit_applied_on once applied (X6)"))


@deadline_rule("FOREIGN-REGISTRATION", "FOREIGN-VISA", "FOREIGN-PERMIT", kinds=("resident",))
def foreigner_deadlines(records: Records) -> Iterator[Deadline]:
    """A foreigner staying outside a hotel is registered with the police within 24 hours of
    moving in (X2; the old 72-hour rule for the countryside is repealed, X3); a visa stay is
    extended at least 7 days before it ends (X5) and a residence permit at least 30 days
    before (X7); cmty reminds foreigners.visa_reminder_days / permit_reminder_days ahead.

    Bad:  moved_in_at: "2026-11-20 18:00" and no registered_at
    Good: registered_at: "2026-11-21 09:30"
    """
    visa_days = int(records.config.param("foreigners.visa_reminder_days"))
    permit_days = int(records.config.param("foreigners.permit_reminder_days"))
    for rec in records.of("resident"):
        foreign = rec.data.get("foreign")
        if rec.data.get("category") != "境外" or not isinstance(foreign, dict) or \
                not _here(rec.data, records.today):
            continue
        moved = day(str(foreign.get("moved_in_at") or "")[:10])
        if moved is not None and not foreign.get("registered_at"):
            yield Deadline("FOREIGN-REGISTRATION", moved + timedelta(days=1), rec.file, rec.id,
                           ("foreign", "moved_in_at"),
                           Text(f"{rec.id} 入住后 24 小时内应办理住宿登记", f"{rec.id} is registered "
                                "with the police within 24 hours of moving in"),
                           Text("到派出所或网上办理后填写 registered_at（出境入境管理法第三十九条）",
                                "register at the police station or online, then fill in "
                                "registered_at (X2)"))
        applied = day(foreign.get("extension_applied_on"))
        for field, lead, code, legal in (("stay_until", visa_days, "FOREIGN-VISA", 7),
                                         ("permit_until", permit_days, "FOREIGN-PERMIT", 30)):
            ends = day(foreign.get(field))
            if ends is None or (applied is not None and applied <= ends):
                continue
            yield Deadline(code, ends - timedelta(days=lead), rec.file, rec.id, ("foreign", field),
                           Text(f"{rec.id} 的{'签证停留期' if code == 'FOREIGN-VISA' else '居留许可'}"
                                f"于 {ends} 届满，应至迟提前 {legal} 日申请延期",
                                f"{rec.id}'s {'visa stay' if code == 'FOREIGN-VISA' else 'residence permit'}"
                                f" ends {ends}: apply to extend at least {legal} days before"),
                           Text("申请后填写 extension_applied_on；提醒提前天数见参数 foreigners.*_reminder_days",
                                "fill in extension_applied_on once applied; the lead time is "
                                "parameter foreigners.*_reminder_days"))


@record_rule("RESIDENT-PERMIT-ELIGIBLE", kinds=("resident",))
def permit_after_six_months(ctx: RecordContext) -> Iterator[Finding]:
    """A residence permit is applied for after six months' residence (居住证暂行条例 art. 2).

    Bad:  arrived_on: 2026-05-10, residence_permit: {accepted_on: 2026-09-01}
    Good: accepted_on: 2026-11-12
    """
    permit = ctx.data.get("residence_permit")
    arrived = day(ctx.data.get("arrived_on"))
    accepted = day(permit.get("accepted_on")) if isinstance(permit, dict) else None
    if arrived is None or accepted is None:
        return
    eligible = add_months(arrived, ELIGIBLE_MONTHS)
    if accepted < eligible:
        yield ctx.finding("RESIDENT-PERMIT-ELIGIBLE", ("residence_permit", "accepted_on"),
                          Text(f"来本地（{arrived}）不满半年即受理居住证申请",
                               f"the application was accepted less than six months after arriving "
                               f"({arrived})"),
                          Text(f"居住满半年（{eligible} 起）方可申领（居住证暂行条例第二条）；核对来本地日期",
                               f"a permit may be applied for after six months ({eligible} on, art. 2); "
                               "check arrived_on"))


@record_rule("FOREIGN-REGISTERED-LATE", "FOREIGN-PERMIT-VALIDITY", kinds=("resident",))
def foreigner_record(ctx: RecordContext) -> Iterator[Finding]:
    """Registration came within 24 hours of moving in (X2), and a residence permit's validity
    lies in the legal range: work 90 days to 5 years, other kinds 180 days to 5 years (X8).

    Bad:  moved_in_at: "2026-05-03 14:00", registered_at: "2026-05-06 10:00"
    Good: registered_at: "2026-05-04 10:00"
    """
    foreign = ctx.data.get("foreign")
    if not isinstance(foreign, dict):
        return
    moved, registered = _moment(foreign.get("moved_in_at")), _moment(foreign.get("registered_at"))
    if moved is not None and registered is not None and registered > moved + REGISTER_HOURS * 60:
        yield ctx.finding("FOREIGN-REGISTERED-LATE", ("foreign", "registered_at"),
                          Text("住宿登记晚于入住后 24 小时", "registered more than 24 hours after "
                               "moving in"),
                          Text("城镇和农村一律 24 小时内登记（X2；72 小时的旧规定已废止）",
                               "24 hours in town and countryside alike (X2; the 72-hour rule is "
                               "repealed)"))
    start, end = day(foreign.get("permit_from")), day(foreign.get("permit_until"))
    if start is None or end is None:
        return
    shortest, years = PERMIT_VALIDITY.get(str(foreign.get("permit_type")), NON_WORK_VALIDITY)
    if not start + timedelta(days=shortest) <= end <= add_years(start, years):
        yield ctx.finding("FOREIGN-PERMIT-VALIDITY", ("foreign", "permit_until"),
                          Text(f"居留许可 {start} 至 {end} 不在 {shortest} 日至 {years} 年之间",
                               f"the residence permit {start} to {end} is not {shortest} days to "
                               f"{years} years"),
                          Text("核对居留许可的起止日期（出境入境管理法第三十条）",
                               "check the permit's dates (X8)"))


def _moment(value: Any) -> int | None:
    """Minutes since 2000-01-01 of a "YYYY-MM-DD HH:MM" text."""
    when = day(str(value or "")[:10])
    if when is None or not isinstance(value, str) or len(value) != 16:
        return None
    hours, minutes = int(value[11:13]), int(value[14:16])
    return (when - date(2000, 1, 1)).days * 1440 + hours * 60 + minutes
