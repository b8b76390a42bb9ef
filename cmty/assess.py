"""考核: a year's assessment of a party organisation against the scheme in assessments/, each
automatic indicator worked out from the records with the counts behind it, so that anyone with
the repository can redo the arithmetic line by line.

Points for a rate r are points × (r − zero_at) / (full_at − zero_at), held between 0 and the
points, rounded half-up to 0.01. Only periods that have ended by the day asked about count, from
where the records begin (`records.since`): a month still running is not yet a miss.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from cmty import arrears
from cmty.dates import day, month_of, periods
from cmty.fees import MonthlyDues
from cmty.findings import Text
from cmty.rules.base import Rec, Records
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

CENT = Decimal("0.01")
KINDS_READ = ("assessment", "org", "member", "meeting", "fee", "disclosure", "complaint")


@dataclass(frozen=True, slots=True)
class Count:
    """What a rate is made of: `done` of `due`, and in words what was counted."""

    done: int
    due: int
    what: Text


@dataclass(frozen=True, slots=True)
class Line:
    indicator: str
    name: str
    points: Decimal
    measure: str
    count: Count | None  # None for a manual score
    rate: Decimal | None
    score: Decimal
    working: Text  # the arithmetic, in words


@dataclass(frozen=True, slots=True)
class Assessment:
    scheme: str
    title: str
    unit: str
    unit_name: str
    year: int
    as_of: date
    lines: tuple[Line, ...]
    pass_mark: Decimal | None

    @property
    def total(self) -> Decimal:
        return sum((line.score for line in self.lines), Decimal("0"))

    @property
    def out_of(self) -> Decimal:
        return sum((line.points for line in self.lines), Decimal("0"))


class AssessError(Exception):
    def __init__(self, message: Text) -> None:
        super().__init__(message.en)
        self.message = message


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


def meeting_cadence(records: Records, orgs: set[str], year: int, as_of: date) -> Count:
    what = Text("应召开的三会一课（按期）", "meetings due by cadence")
    window = _window(records, year, as_of)
    if window is None:
        return Count(0, 0, what)
    start, end = window
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
    posted = {(str(b.data.get("kind")), str(b.data.get("period"))): day(b.data.get("posted_on"))
              for b in records.of("disclosure")}
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
        if received is None or received.year != year:
            continue
        acked, answered = day(complaint.data.get("acknowledged_on")), day(complaint.data.get("answered_on"))
        if answered is None and received + timedelta(days=ack_days + answer_days) > as_of:
            continue  # still within its time
        due += 1
        done += (acked is not None and answered is not None
                 and acked <= received + timedelta(days=ack_days)
                 and answered <= acked + timedelta(days=answer_days))
    return Count(done, due, what)


def training_hours(records: Records, orgs: set[str], year: int, as_of: date) -> Count:
    """Members with the year's hours; before the year is over, with the share of the hours
    for the whole months gone (32 学时 by the end of October: 26.67)."""
    months = 12 if as_of >= date(year, 12, 31) else max(0, min(12, (as_of.year - year) * 12
                                                                + as_of.month - 1))
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


def _decimal(value: Any, default: str) -> Decimal:
    return Decimal(str(value)) if isinstance(value, (int, float)) and not isinstance(value, bool) \
        else Decimal(default)


def _scored(indicator: dict[str, Any], count: Count) -> tuple[Decimal | None, Decimal, Text]:
    points = _decimal(indicator.get("points"), "0")
    full, zero = _decimal(indicator.get("full_at"), "1"), _decimal(indicator.get("zero_at"), "0")
    if count.due == 0:
        return None, points, Text(f"{count.what.zh}为 0，得满分 {points}",
                                  f"no {count.what.en}: full {points} points")
    rate = Decimal(count.done) / Decimal(count.due)
    raw = (rate - zero) / (full - zero) if full > zero else Decimal(rate >= full)
    share = min(Decimal(1), max(Decimal(0), raw))
    score = (points * share).quantize(CENT, ROUND_HALF_UP)
    shown = (rate * 100).quantize(Decimal("0.1"), ROUND_HALF_UP)
    ratio = f"{count.done}/{count.due}"
    formula = (f"{points} × {ratio}" if zero == 0 and full == 1 else
               f"{points} × ({ratio} − {zero}) ÷ ({full} − {zero})")
    held_in = "" if raw == share else " ↦ [0, 1]"  # the share was held between 0 and 1
    return rate, score, Text(
        f"{count.what.zh} {count.due}，完成 {count.done}（{shown}%）；{formula}{held_in} = {score}",
        f"{count.done} of {count.due} {count.what.en} ({shown}%); {formula}{held_in} = {score}")


def _manual(indicator: dict[str, Any], unit: str) -> tuple[Decimal, Text]:
    points = _decimal(indicator.get("points"), "0")
    scores = indicator.get("scores") or {}
    basis = str(indicator.get("basis") or "")
    if unit not in scores:
        return Decimal("0.00"), Text("未评分，记 0 分", "not scored: 0 points")
    given = _decimal(scores[unit], "0").quantize(CENT, ROUND_HALF_UP)
    capped = min(given, points)
    note = Text(f"人工评分 {given}" + (f"（超过分值，按 {points} 计）" if given > points else "")
                + (f"；依据：{basis}" if basis else ""),
                f"scored {given} by hand" + (f" (above the points: {points} counted)"
                                             if given > points else "") + (f"; basis: {basis}" if basis else ""))
    return capped, note


def scheme_for(records: Records, year: int, scheme: str | None) -> Rec:
    schemes = [s for s in records.of("assessment") if s.data.get("year") == year
               and (scheme is None or s.id == scheme)]
    if len(schemes) != 1:
        known = ", ".join(sorted(s.id for s in records.of("assessment"))) or "—"
        problem = (Text(f"{year} 年有多个考核方案，用 --scheme 指定其一（{known}）", f"several schemes "
                        f"for {year}: choose one with --scheme ({known})") if schemes else
                   Text(f"没有 {year} 年的考核方案{f' {scheme}' if scheme else ''}；现有：{known}",
                        f"no assessment scheme{f' {scheme}' if scheme else ''} for {year}; there "
                        f"are: {known}"))
        raise AssessError(problem)
    return schemes[0]


def assess(records: Records, unit: str, year: int, as_of: date, scheme: str | None = None
           ) -> Assessment:
    chosen = scheme_for(records, year, scheme)
    units = [str(u) for u in chosen.data.get("units") or []]
    if unit not in units:
        raise AssessError(Text(f"{chosen.id} 不考核 {unit}；被考核的是：{', '.join(units)}",
                               f"{chosen.id} does not assess {unit}; it assesses: {', '.join(units)}"))
    org = records.get("org", unit)
    orgs = subtree(records, unit)
    lines = []
    for indicator in chosen.data.get("indicators") or []:
        if not isinstance(indicator, dict):
            continue
        measure = str(indicator.get("measure"))
        points = _decimal(indicator.get("points"), "0")
        if measure == "manual":
            score, working = _manual(indicator, unit)
            lines.append(Line(str(indicator.get("id")), str(indicator.get("name")), points, measure,
                              None, None, score, working))
            continue
        count = MEASURES[measure](records, orgs, year, as_of)
        rate, score, working = _scored(indicator, count)
        lines.append(Line(str(indicator.get("id")), str(indicator.get("name")), points, measure,
                          count, rate, score, working))
    mark = chosen.data.get("pass_mark")
    return Assessment(chosen.id, str(chosen.data.get("title", "")), unit,
                      str(org.data.get("name", "")) if org else "", year, as_of, tuple(lines),
                      _decimal(mark, "0") if mark is not None else None)
