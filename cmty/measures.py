"""The automatic indicators of an assessment (考核, §11): for an organisation (and those under
it) and a year, how many of what was due was done — meetings held at their cadence, dues paid,
boards posted and complaints answered in time, members with their training hours. Only periods
that have ended by the day asked about count, from where the records begin (`records.since`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from cmty import arrears
from cmty.dates import day, month_of, periods
from cmty.fees import MonthlyDues
from cmty.findings import Text
from cmty.rules.base import Records
from cmty.rules.disclosures import KINDS as BOARD_KINDS
from cmty.rules.disclosures import cadence_of
from cmty.rules.meetings import (
    cadres_in,
    committee_then,
    held,
    hours_needed,
    records_start,
    required_meetings,
    training_hours_by_member,
)


@dataclass(frozen=True, slots=True)
class Count:
    """What a rate is made of: `done` of `due`, and in words what was counted."""

    done: int
    due: int
    what: Text


def subtree(records: Records, unit: str) -> set[str]:
    """The organisation and every organisation under it."""
    children: dict[str, list[str]] = {}
    for org in records.of("org"):
        children.setdefault(str(org.data.get("parent")), []).append(org.id)
    found, todo = set(), [unit]
    while todo:
        current = todo.pop()
        if current not in found:
            found.add(current)
            todo.extend(children.get(current, []))
    return found


def _window(records: Records, year: int, as_of: date) -> tuple[date, date] | None:
    start = max(date(year, 1, 1), records_start(records) or date(year, 1, 1))
    end = min(date(year, 12, 31), as_of)
    return (start, end) if start <= end else None


def meeting_cadence(records: Records, orgs: set[str], year: int, as_of: date,
                    since: date | None = None) -> Count:
    """Required meeting periods held; `since` narrows the year to a board's period."""
    what = Text("应召开的三会一课（按期）", "meetings due by cadence")
    window = _window(records, year, as_of)
    if window is None or (since is not None and since > window[1]):
        return Count(0, 0, what)
    start, end = max(window[0], since or window[0]), window[1]
    dates: dict[tuple[str, str], list[date]] = {}
    for meeting in records.of("meeting"):
        when = day(meeting.data.get("date"))
        if when is not None:
            for kind in held(meeting.data):
                dates.setdefault((str(meeting.data.get("org")), kind), []).append(when)
    done = due = 0
    for org in records.of("org"):
        if org.id not in orgs:
            continue
        for kind, every in required_meetings(org, records):
            for _, first, last in periods(start, end, every):
                if first < start or last > end:
                    continue  # a period not wholly inside the year so far is not judged
                if kind == "支委会" and not committee_then(org, last):
                    continue
                due += 1
                done += any(first <= d <= last for d in dates.get((org.id, kind), []))
    return Count(done, due, what)


def fee_collection(records: Records, orgs: set[str], year: int, as_of: date) -> Count:
    what = Text("应交党费的人月", "member-months of dues")
    window = _window(records, year, as_of)
    if window is None:
        return Count(0, 0, what)
    start, end = window
    # A month still running is not judged: count up to the last whole month.
    still_running = (end + timedelta(days=1)).month == end.month
    last_month = month_of(end.replace(day=1) - timedelta(days=1) if still_running else end)
    first_month = month_of(start)
    paid = arrears.paid_by_member(f.data for f in records.of("fee"))
    done = due = 0
    params = records.config.parameters
    for member in records.of("member"):
        if member.data.get("org") not in orgs or last_month < first_month:
            continue
        dues = MonthlyDues(member.data, params)
        for month in arrears.months_due(member.data, last_month):
            if month >= first_month and dues.amount(month):
                due += 1
                done += month in paid.get(member.id, set())
    return Count(done, due, what)


def boards_on_time(records: Records, orgs: set[str], year: int, as_of: date) -> Count:
    del orgs  # the community posts the boards, for every organisation at once
    what = Text("应按期张贴的公开", "boards due on time")
    window = _window(records, year, as_of)
    if window is None:
        return Count(0, 0, what)
    start, _ = window
    grace = int(records.config.param("disclosure.post_within_days"))
    posted: dict[tuple[str, str], date] = {}
    for board in records.of("disclosure"):  # a period may have several boards: the first counts
        key, on = (str(board.data.get("kind")), str(board.data.get("period"))), day(board.data.get("posted_on"))
        if on is not None and (key not in posted or on < posted[key]):
            posted[key] = on
    done = due = 0
    for kind in BOARD_KINDS:
        for name, first, last in periods(start, date(year, 12, 31), cadence_of(kind, records)):
            deadline = last + timedelta(days=grace)
            if first < start or deadline > as_of:
                continue
            due += 1
            on = posted.get((kind, name))
            done += on is not None and on <= deadline
    return Count(done, due, what)


def complaints_in_time(records: Records, orgs: set[str], year: int, as_of: date) -> Count:
    del orgs  # complaints come to the community, not to a branch
    what = Text("应办结的诉求", "complaints due to be answered")
    ack_days = int(records.config.param("complaints.acknowledge_days"))
    answer_days = int(records.config.param("complaints.answer_days"))
    done = due = 0
    for complaint in records.of("complaint"):
        received = day(complaint.data.get("date"))
        if received is None or received.year != year or received > as_of:
            continue
        # Reckoned as of `as_of`: what was done later had not been done yet.
        answered = _by(day(complaint.data.get("answered_on")), as_of)
        # An answer with no separate acknowledgement acknowledges it on the same day.
        acked = _by(day(complaint.data.get("acknowledged_on")), as_of) or answered
        ack_by = received + timedelta(days=ack_days)
        answer_by = acked + timedelta(days=answer_days) if acked else None
        acked_in_time = acked is not None and acked <= ack_by
        # Judged from its deadline day on, as a board or a month is.
        waiting = as_of < ack_by if acked is None else acked_in_time and answer_by is not None and as_of < answer_by
        if answered is None and waiting:
            continue  # still within its time
        in_time = acked_in_time and answered is not None and answer_by is not None and answered <= answer_by
        due += 1
        done += answered is not None and in_time
    return Count(done, due, what)


def _by(when: date | None, as_of: date) -> date | None:
    return when if when is not None and when <= as_of else None


def training_hours(records: Records, orgs: set[str], year: int, as_of: date) -> Count:
    """Members with the year's hours; before the year is over, or when the records begin in
    it, with the share of the hours for the whole months covered (32 学时 by the end of
    October: 26.67)."""
    # Whole months gone: a month counts on its last day, as for the other measures; the months
    # before the records begin are not asked for.
    still_running = (as_of + timedelta(days=1)).month == as_of.month
    gone = max(0, min(12, (as_of.year - year) * 12 + as_of.month - still_running))
    start = records_start(records)
    before = 0 if start is None or start.year < year else 12 if start.year > year else \
        start.month - (start.day == 1)
    months = max(0, gone - before)
    what = (Text("学时达标的党员", "members with their training hours") if months == 12 else
            Text(f"学时达标的党员（按 {months} 个月折算）", f"members on track with their training "
                 f"hours ({months} months' share)"))
    if months == 0:
        return Count(0, 0, what)
    hours = training_hours_by_member(records)
    cadres = cadres_in(records, year)
    done = due = 0
    for member in records.of("member"):
        if member.data.get("org") not in orgs or member.data.get("status") not in arrears.ACTIVE:
            continue
        due += 1
        need = hours_needed(records, member.id in cadres) * months / 12
        done += hours.get((member.id, year), 0.0) >= need
    return Count(done, due, what)


MEASURES: dict[str, Callable[[Records, set[str], int, date], Count]] = {
    "meeting_cadence": meeting_cadence,
    "fee_collection": fee_collection,
    "boards_on_time": boards_on_time,
    "complaints_in_time": complaints_in_time,
    "training_hours": training_hours,
}
