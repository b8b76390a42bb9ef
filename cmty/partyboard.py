"""The party-affairs board (党务公开) of a period (党务公开条例 2017, §5): elections held, the
public notices of candidates for admission (发展党员公示) with their posting window, the review
grades (民主评议) as counts only, and each organisation's meetings held against its cadence.
Names are masked by default, as on every board.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date

from cmty.board import period_bounds
from cmty.boardpolicy import BoardPolicy
from cmty.dates import day
from cmty.measures import meeting_cadence
from cmty.rules.base import Records

KINDS_READ = ("org", "member", "meeting")
GRADES = ("优秀", "合格", "基本合格", "不合格")


@dataclass(frozen=True, slots=True)
class Election:
    on: date
    org: str
    seats: int
    present: str
    elected: str


@dataclass(frozen=True, slots=True)
class Notice:
    name: str
    org: str
    first: date
    last: date


@dataclass(frozen=True, slots=True)
class Appointment:
    on: date
    org: str
    post: str
    name: str
    took_up: bool  # False: left the post


@dataclass(frozen=True, slots=True)
class PartyBoard:
    community: str
    period: str
    first: date
    last: date
    appointments: tuple[Appointment, ...]
    elections: tuple[Election, ...]
    notices: tuple[Notice, ...]
    grades: tuple[tuple[str, tuple[int, ...]], ...]  # org → count per GRADES
    meetings: tuple[tuple[str, int, int], ...]  # org, held, due


def appointments(records: Records, first: date, last: date, names: dict[str, str],
                 policy: BoardPolicy) -> tuple[Appointment, ...]:
    """Committee posts taken up or left within the period, from each organisation's committee."""
    found = []
    for org in records.of("org"):
        for seat in org.data.get("committee") or []:
            if not isinstance(seat, dict):
                continue
            for key, took_up in (("from", True), ("to", False)):
                when = day(seat.get(key))
                if when is not None and first <= when <= last:
                    name = policy.person(names.get(str(seat.get("member")), "")) or "*"
                    found.append(Appointment(when, org.id, str(seat.get("post", "")), name, took_up))
    return tuple(sorted(found, key=lambda a: (a.on, a.org, not a.took_up, a.post)))


def party_board(records: Records, period: str, today: date, policy: BoardPolicy) -> PartyBoard:
    first, last = period_bounds(period)
    names = {m.id: str(m.data.get("name", "")) for m in records.of("member")}
    elections: list[Election] = []
    grades: dict[str, tuple[int, ...]] = {}
    for meeting in sorted(records.of("meeting"), key=lambda m: (str(m.data.get("date")), m.id)):
        when = day(meeting.data.get("date"))
        if when is None or not first <= when <= last:
            continue
        org = str(meeting.data.get("org", ""))
        election = meeting.data.get("election")
        if isinstance(election, dict):
            chosen = [policy.person(names.get(str(c.get("member")), "")) or "*"
                      for c in election.get("candidates") or []
                      if isinstance(c, dict) and c.get("elected") is True]
            turnout = (election.get("present"), election.get("voters"))
            elections.append(Election(when, org, int(election.get("seats") or 0),
                                      "/".join(map(str, turnout)) if all(isinstance(c, int) for c in turnout)
                                      else "", "、".join(chosen)))
        listed = [g.get("grade") for g in meeting.data.get("grades") or [] if isinstance(g, dict)]
        if listed:
            counts = Counter(listed)
            before = grades.get(org, (0,) * len(GRADES))
            grades[org] = tuple(b + counts.get(g, 0) for b, g in zip(before, GRADES, strict=True))
    notices = []
    for member in sorted(records.of("member"), key=lambda m: m.id):
        development = member.data.get("development")
        notice = development.get("publicity") if isinstance(development, dict) else None
        start = day(notice.get("from")) if isinstance(notice, dict) else None
        end = day(notice.get("to")) if isinstance(notice, dict) else None
        if start is not None and end is not None and start <= last and end >= first:
            notices.append(Notice(policy.person(names[member.id]) or "*", str(member.data.get("org", "")), start, end))
    orgs = sorted(records.of("org"), key=lambda o: o.id)
    held = [(o.id, meeting_cadence(records, {o.id}, y, min(last, today), first))
            for o in orgs for y in range(first.year, last.year + 1)]
    totals: dict[str, tuple[int, int]] = {}
    for org, count in held:
        done, due = totals.get(org, (0, 0))
        totals[org] = (done + count.done, due + count.due)
    return PartyBoard(records.config.name, period, first, last,
                      appointments(records, first, min(last, today), names, policy), tuple(elections), tuple(notices),
                      tuple(sorted(grades.items())),
                      tuple((org, done, due) for org, (done, due) in totals.items() if due))
