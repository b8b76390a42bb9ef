"""Resident units (驻区单位) and the joint meetings of community party building (§11 联席会议):
the meeting every few months, every unit's attendance, one liaison each, and the annual rating
reported to each unit's superior. All local practice, so the numbers are parameters."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from cmty.dates import add_months, day
from cmty.findings import Finding, Text
from cmty.rules.base import Deadline, Rec, RecordContext, Records, collection_rule, deadline_rule, record_rule
from cmty.rules.meetings import records_start

JOINT = "联席会议"


def _member_on(unit: Rec, when: date) -> bool:
    joined, left = day(unit.data.get("joined_on")), day(unit.data.get("left_on"))
    return (joined is None or joined <= when) and (left is None or when < left)


@deadline_rule("JOINT-MEETING-DUE", kinds=("unit", "meeting"))
def joint_meeting_due(records: Records) -> Iterator[Deadline]:
    """The joint meeting of resident units meets every `joint_meeting.interval_months` months
    (default 6); the next is due that long after the last.

    Bad:  units on file and the last 联席会议 on 2026-03-18, today 2026-11-29
    Good: another 联席会议 on 2026-09-16
    """
    units = [u for u in records.of("unit") if _member_on(u, records.today)]
    if not units:
        return
    joint = sorted(((when, m) for m in records.of("meeting")
                    if m.data.get("type") == JOINT and (when := day(m.data.get("date")))),
                   key=lambda pair: (pair[0], pair[1].id))
    months = int(records.config.param("joint_meeting.interval_months"))
    if joint:
        last, meeting = joint[-1]
        where: tuple[str, tuple[str, ...]] = (meeting.file, ("date",))
        record = meeting.id
    else:
        start = records_start(records)
        if start is None:
            return
        last, where, record = start, (units[0].file, ("id",)), units[0].id
    yield Deadline("JOINT-MEETING-DUE", add_months(last, months), where[0], record, where[1],
                   Text(f"应召开驻区单位联席会议（每 {months} 个月一次，上次 {last}）",
                        f"the joint meeting of resident units is due (every {months} months; "
                        f"last {last})"),
                   Text("召开后在 meetings/ 中记录 type: 联席会议 和各单位出席情况",
                        "record it under meetings/ with type: 联席会议 and each unit's attendance"))


@collection_rule("JOINT-ATTENDANCE", kinds=("unit", "meeting"))
def every_unit_accounted_for(records: Records) -> Iterator[Finding]:
    """A joint meeting's record lists every resident unit, and an absent unit's reason (§11).

    Bad:  units: [{unit: U001, attended: true}] when U002 is also a member
    Good: units: [{unit: U001, attended: true}, {unit: U002, attended: false, reason: 外出检查}]
    """
    for meeting in records.of("meeting"):
        when = day(meeting.data.get("date"))
        if meeting.data.get("type") != JOINT or when is None:
            continue
        listed = [u for u in meeting.data.get("units") or [] if isinstance(u, dict)]
        named = {str(u.get("unit")) for u in listed}
        missing = [u.id for u in records.of("unit") if _member_on(u, when) and u.id not in named]
        if missing:
            yield meeting.finding("JOINT-ATTENDANCE", ("units",),
                                  Text(f"出席情况中没有 {', '.join(missing)}",
                                       f"the attendance does not list {', '.join(missing)}"),
                                  Text("每个驻区单位都记一行：出席的写 attended: true，缺席的写明 reason",
                                       "give every resident unit a line: attended: true, or false "
                                       "with a reason"))
        for i, entry in enumerate(listed):
            if entry.get("attended") is False and not entry.get("reason"):
                yield meeting.finding("JOINT-ATTENDANCE", ("units", i, "attended"),
                                      Text(f"{entry.get('unit')} 缺席，未写原因",
                                           f"{entry.get('unit')} was absent; no reason given"),
                                      Text("写明缺席原因（reason）", "give the reason (reason)"))


@deadline_rule("UNIT-RATING-DUE", kinds=("unit",))
def annual_rating(records: Records) -> Iterator[Deadline]:
    """Each resident unit is rated every year and the rating reported to its superior (§11).

    Bad:  a unit with no ratings entry for 2025, today 2026-11-29
    Good: ratings: [{year: 2025, grade: 优秀, reported_on: 2026-01-12}]
    """
    start = records_start(records)
    # Without a start, only this year's rating is tracked (it falls due at the year's end).
    begin = start.year if start is not None and start.month == 1 and start.day == 1 else (
        start.year + 1 if start is not None else records.today.year)
    for unit in records.of("unit"):
        rated = {r.get("year") for r in unit.data.get("ratings") or []
                 if isinstance(r, dict) and r.get("reported_on")}
        joined = day(unit.data.get("joined_on"))
        first = max(begin, joined.year if joined else begin)
        left = day(unit.data.get("left_on"))
        for year in range(first, records.today.year + 1):
            if year in rated or (left is not None and left.year <= year):
                continue
            yield Deadline("UNIT-RATING-DUE", date(year, 12, 31), unit.file, unit.id, ("id",),
                           Text(f"{unit.id} {year} 年度评价应完成并报送其上级单位",
                                f"{unit.id}: the {year} rating is due and is reported to its "
                                "superior"),
                           Text(f"在 ratings 中记录 {{year: {year}, grade: …, reported_on: …}}",
                                f"record {{year: {year}, grade: …, reported_on: …}} under ratings"))


@record_rule("UNIT-LIAISONS", kinds=("unit",))
def liaisons_per_unit(ctx: RecordContext) -> Iterator[Finding]:
    """Each resident unit names `joint_meeting.liaisons_per_unit` liaisons (default one).

    Bad:  liaisons: [{name: 王强}, {name: 李娜}]
    Good: liaisons: [{name: 王强, post: 党委办公室主任}]
    """
    wanted = int(ctx.config.param("joint_meeting.liaisons_per_unit"))
    liaisons = ctx.data.get("liaisons")
    if isinstance(liaisons, list) and liaisons and len(liaisons) != wanted:
        yield ctx.finding("UNIT-LIAISONS", ("liaisons",),
                          Text(f"有 {len(liaisons)} 名联络员，规定每个单位 {wanted} 名",
                               f"{len(liaisons)} liaisons; each unit names {wanted}"),
                          Text("保留一名固定联络员，或修改参数 joint_meeting.liaisons_per_unit",
                               "keep one standing liaison, or change parameter "
                               "joint_meeting.liaisons_per_unit"))
