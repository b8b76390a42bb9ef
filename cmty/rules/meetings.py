"""三会一课 and organisational life (支部工作条例 2018, §4): the cadence of each kind of meeting
for each organisation, quorums (O14), admission votes (D13), member reviews, and training hours.

Cadence is checked period by period from where the records begin (`records_start`); the period
in progress is a deadline at its last day, not yet a finding.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

from cmty.dates import day, periods
from cmty.findings import Finding, Text
from cmty.rules.base import Deadline, Rec, RecordContext, Records, collection_rule, deadline_rule, record_rule
from cmty.rules.orgs import current_committee

BRANCHES = ("党支部", "联合党支部")
_CADENCE_ZH = {"month": "每月", "quarter": "每季度", "half": "每半年", "year": "每年"}
_PERIOD_EN = {"month": "a month", "quarter": "a quarter", "half": "half a year", "year": "a year"}


def records_start(records: Records) -> date | None:
    """Where period-by-period checks begin: parameter `records.since`, else the first meeting
    on record. A repository that keeps no meetings yet has no periods to check: a community
    starting with cmty is not told it missed the meetings of years it kept on paper."""
    since = day(records.config.parameters.get("records.since"))
    if since is not None:
        return since
    # The committee's election comes once in five years: it does not say the records begin.
    held_on = [d for m in records.of("meeting") if m.data.get("type") != "居委会选举"
               and (d := day(m.data.get("date"))) is not None]
    return min(held_on, default=None)


def required_meetings(org: Rec, records: Records) -> list[tuple[str, str]]:
    """(meeting type, cadence) an organisation must hold (§4); a 支委会 only in periods when
    the branch has a committee (see `committee_then`)."""
    kind = org.data.get("type")
    if kind == "党小组":
        return [("党小组会", "month")]
    if kind not in BRANCHES:
        return []
    lecture = str(records.config.param("meetings.party_lecture_every"))
    return [("支部党员大会", "quarter"), ("支委会", "month"), ("主题党日", "month"),
            ("党课", lecture), ("组织生活会", "year"), ("民主评议", "year")]


def committee_then(org: Rec, when: date) -> bool:
    """Whether the branch had a committee (three seats or more) on `when`."""
    return len(current_committee(org.data, when)) >= 3


def held(meeting: dict[str, Any]) -> set[str]:
    """The kinds a meeting counts as: its type and any held together with it."""
    kinds = {str(meeting.get("type"))}
    kinds.update(str(k) for k in meeting.get("also") or [])
    return kinds


@deadline_rule("MEET-CADENCE", kinds=("org", "meeting"))
def cadence(records: Records) -> Iterator[Deadline]:
    """Each organisation holds each kind of meeting at its cadence (§4): 支部党员大会 quarterly,
    支委会, 党小组会 and 主题党日 monthly, 党课 per parameter, 组织生活会 and 民主评议 yearly.

    Bad:  a branch with a committee and no 支委会 in 2026-10
    Good: meetings/MT2026-050.yaml {type: 支委会, date: 2026-10-09, org: O02, …}
    """
    dates: dict[tuple[str, str], list[date]] = {}
    for meeting in records.of("meeting"):
        when = day(meeting.data.get("date"))
        if when is None:
            continue
        for kind in held(meeting.data):
            dates.setdefault((str(meeting.data.get("org")), kind), []).append(when)
    start = records_start(records)
    if start is None:
        return
    for org in records.of("org"):
        for kind, every in required_meetings(org, records):
            met = dates.get((org.id, kind), [])
            for name, first, last in periods(start, records.today, every):
                if first < start or any(first <= d <= last for d in met):
                    continue
                if kind == "支委会" and not committee_then(org, min(last, records.today)):
                    continue
                yield Deadline("MEET-CADENCE", last, org.file, org.id, ("type",),
                               Text(f"{org.id} {name} 应召开{kind}（{_CADENCE_ZH[every]}至少一次）",
                                    f"{org.id} must hold a {kind} in {name} (at least once "
                                    f"{_PERIOD_EN[every]})"),
                               Text(f"召开后在 meetings/ 中记录（cmty add meeting type={kind} "
                                    f"org={org.id} …）", f"record it under meetings/ (cmty add "
                                    f"meeting type={kind} org={org.id} …)"))


def _present(meeting: dict[str, Any]) -> tuple[list[str] | None, int | None]:
    listed = meeting.get("attended")
    if isinstance(listed, list):
        names = [m for m in listed if isinstance(m, str)]
        return names, len(names)
    present = meeting.get("present")
    return None, present if isinstance(present, int) else None


@collection_rule("MEET-QUORUM", kinds=("meeting", "org", "member"))
def quorum(records: Records) -> Iterator[Finding]:
    """A 支部党员大会 needs more than half of the members with a vote who should attend; a 支委会
    more than half of the committee (O14).

    Bad:  {type: 支部党员大会, should_attend: 22, voters: 20, present: 10}
    Good: {type: 支部党员大会, should_attend: 22, voters: 20, present: 11}
    """
    for meeting in records.of("meeting"):
        kind, data = meeting.data.get("type"), meeting.data
        listed, count = _present(data)
        where = ("attended",) if listed is not None else ("present",)
        if kind == "支部党员大会":
            should = _voters(data)
            if listed is not None:  # only members with a vote count (O10)
                count = sum(1 for m in listed if _status(records, m) in (None, "正式党员"))
            if isinstance(should, int) and count is not None and count * 2 <= should:
                yield meeting.finding("MEET-QUORUM", where,
                                      Text(f"有表决权的到会党员 {count} 人，未超过应到 {should} 人的半数",
                                           f"{count} voting members present, not more than half "
                                           f"of the {should} who should attend"),
                                      Text("会议不能作出决定：改期召开，或核对应到、实到人数（O14）",
                                           "the meeting cannot decide: hold it again, or check "
                                           "the counts (O14)"))
        elif kind == "支委会":
            org = records.get("org", data.get("org"))
            when = day(data.get("date"))
            if org is None or when is None:
                continue
            seats = {str(s.get("member")) for _, s in current_committee(org.data, when)}
            if listed is not None:
                count = len(seats & set(listed))
            if seats and count is not None and count * 2 <= len(seats):
                yield meeting.finding("MEET-QUORUM", where,
                                      Text(f"到会委员 {count} 人，未超过 {len(seats)} 名委员的半数",
                                           f"{count} committee members present, not more than "
                                           f"half of {len(seats)}"),
                                      Text("支委会须半数以上委员到会（O14）",
                                           "more than half of the committee must attend (O14)"))


def _voters(meeting: dict[str, Any]) -> int | None:
    """Members with a vote who should attend: `voters`, else everyone who should attend."""
    for field in ("voters", "should_attend"):
        value = meeting.get(field)
        if isinstance(value, int) and not isinstance(value, bool):
            return value
    return None


def _status(records: Records, member_id: str) -> Any:
    rec = records.get("member", member_id)
    return rec.data.get("status") if rec is not None else None


@collection_rule("PARTY-VOTE", kinds=("meeting", "member"))
def admission_vote(records: Records) -> Iterator[Finding]:
    """Admitting a member (or making one full) needs yes votes, written ones included, from
    more than half of the full members who should attend, not of those present (D13, D16).

    Bad:  voters: 21, decisions: [{item: 接收预备党员, subject: M0058, yes: 10, written: 0}]
    Good: yes: 10, written: 1
    """
    for meeting in records.of("meeting"):
        data = meeting.data
        should = _voters(data)
        if data.get("type") != "支部党员大会" or should is None:
            continue
        for i, decision in enumerate(data.get("decisions") or []):
            if not isinstance(decision, dict):
                continue
            member = records.get("member", decision.get("subject"))
            stages = member.data.get("stages") if member is not None else None
            if member is None or not isinstance(stages, dict) or \
                    data.get("date") not in (stages.get("probationary"), stages.get("full")):
                continue
            yes = decision.get("yes")
            written_value = decision.get("written")
            written = written_value if isinstance(written_value, int) else 0
            if isinstance(yes, int) and (yes + written) * 2 <= should:
                yield meeting.finding("PARTY-VOTE", ("decisions", i, "yes"),
                                      Text(f"{member.id} 赞成票 {yes + written}，未超过应到会有表决权党员 "
                                           f"{should} 人的半数", f"{member.id}: {yes + written} in "
                                           f"favour, not more than half of the {should} voting "
                                           "members who should attend"),
                                      Text("决议未通过：不能据此接收或转正（D13）；核对票数",
                                           "the motion failed: no admission on it (D13); check the "
                                           "count"))


@record_rule("MEET-REVIEW-ACTION", "MEET-COUNT", kinds=("meeting",))
def review_and_counts(ctx: RecordContext) -> Iterator[Finding]:
    """A member graded 不合格 in the review gets an action: 限期改正, 劝退 or 除名 (党章 art. 9);
    no more members are present than should attend.

    Bad:  grades: [{member: M0031, grade: 不合格}]
    Good: grades: [{member: M0031, grade: 不合格, action: 限期改正}]
    """
    for i, grade in enumerate(ctx.data.get("grades") or []):
        if isinstance(grade, dict) and grade.get("grade") == "不合格" and not grade.get("action"):
            yield ctx.finding("MEET-REVIEW-ACTION", ("grades", i, "grade"),
                              Text(f"{grade.get('member')} 评为不合格，但没有记录处置",
                                   f"{grade.get('member')} is graded 不合格 with no action recorded"),
                              Text("写明 action：限期改正、劝退或除名（党章第九条）",
                                   "give the action: 限期改正, 劝退 or 除名 (党章 art. 9)"))
    should = ctx.data.get("should_attend")
    _, count = _present(ctx.data)
    if isinstance(should, int) and count is not None and count > should:
        where = ("attended",) if isinstance(ctx.data.get("attended"), list) else ("present",)
        yield ctx.finding("MEET-COUNT", where,
                          Text(f"实到 {count} 人多于应到 {should} 人", f"{count} present, more than "
                               f"the {should} who should attend"),
                          Text("核对应到人数和签到名单", "check who should attend and the sign-in list"))


@deadline_rule("TRAINING-HOURS", kinds=("member", "org", "meeting"))
def training_hours(records: Records) -> Iterator[Deadline]:
    """Each member has 32 学时 of training a year, a 书记 or committee member 56 (党员教育管理
    工作条例 2019, §4; parameters training.member_hours and training.cadre_hours).

    Bad:  a member present at 党课 of 2 学时 eight times in a year (16 学时)
    Good: sixteen times (32 学时)
    """
    hours = training_hours_by_member(records)
    start = records_start(records)
    if start is None:
        return
    years = [y for y in range(start.year, records.today.year + 1) if date(y, 1, 1) >= start]
    cadres = {year: cadres_in(records, year) for year in years}
    for member in records.of("member"):
        if member.data.get("status") not in ("预备党员", "正式党员"):
            continue
        for year in years:
            cadre = member.id in cadres[year]
            need = hours_needed(records, cadre)
            have = hours.get((member.id, year), 0.0)
            if have >= need:
                continue
            who = ("委员", "committee member") if cadre else ("党员", "member")
            yield Deadline("TRAINING-HOURS", date(year, 12, 31), member.file, member.id, ("id",),
                           Text(f"{member.id} {year} 年学时 {have:g}，{who[0]}每年应不少于 {need:g} 学时",
                                f"{member.id} has {have:g} training hours in {year}; a {who[1]} "
                                f"needs {need:g}"),
                           Text("参加党课或培训，并在会议记录的 attended 和 hours 中登记",
                                "attend lectures or training and record them in the meeting's "
                                "attended and hours"))


def training_hours_by_member(records: Records) -> dict[tuple[str, int], float]:
    """(member, year) → 学时 from the meetings they attended that carry `hours`."""
    hours: dict[tuple[str, int], float] = {}
    for meeting in records.of("meeting"):
        when, value = day(meeting.data.get("date")), meeting.data.get("hours")
        if when is None or not isinstance(value, (int, float)) or isinstance(value, bool):
            continue
        for member in meeting.data.get("attended") or []:
            key = (str(member), when.year)
            hours[key] = hours.get(key, 0.0) + float(value)
    return hours


def cadres_in(records: Records, year: int) -> set[str]:
    """Who sat on a committee at the end of `year` (or today, for this year): they need more."""
    when = min(date(year, 12, 31), records.today)
    return {str(seat.get("member")) for org in records.of("org")
            for _, seat in current_committee(org.data, when)}


def hours_needed(records: Records, cadre: bool) -> float:
    return float(records.config.param("training.cadre_hours" if cadre else "training.member_hours"))
