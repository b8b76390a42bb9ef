"""The residents' affairs board (居务公开) of a period (村委会组织法 art. 30 by analogy, §5): what
the residents' (representatives') meetings decided and how they voted, the hearings held and what
they concluded, the joint meetings of resident units, and the complaints handled, as counts by
channel and outcome only, never who raised them.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date

from cmty.board import period_bounds
from cmty.dates import day
from cmty.rules.base import Records

KINDS_READ = ("meeting", "complaint", "unit")
RESIDENTS_MEETINGS = ("居民会议", "居民代表会议")


@dataclass(frozen=True, slots=True)
class Decision:
    on: date
    meeting: str
    kind: str
    item: str
    votes: str  # "36 / 0 / 2" (yes / no / abstained), or "" when not counted


@dataclass(frozen=True, slots=True)
class Hearing:
    on: date
    topic: str
    present: str
    outcome: str


@dataclass(frozen=True, slots=True)
class JointMeeting:
    on: date
    topic: str
    attended: int
    units: int


@dataclass(frozen=True, slots=True)
class AffairsBoard:
    community: str
    period: str
    first: date
    last: date
    decisions: tuple[Decision, ...]
    hearings: tuple[Hearing, ...]
    joint: tuple[JointMeeting, ...]
    complaints: tuple[tuple[str, str, int], ...]  # (channel, outcome or 办理中, count)


def _votes(decision: dict[str, object]) -> str:
    counts = [decision.get(k) for k in ("yes", "no", "abstain")]
    return " / ".join(str(c) for c in counts) if all(isinstance(c, int) for c in counts) else ""


def affairs_board(records: Records, period: str) -> AffairsBoard:
    first, last = period_bounds(period)
    meetings = sorted(((when, m) for m in records.of("meeting")
                       if (when := day(m.data.get("date"))) is not None and first <= when <= last),
                      key=lambda pair: (pair[0], pair[1].id))
    decisions, hearings, joint = [], [], []
    for when, meeting in meetings:
        data, kind = meeting.data, str(meeting.data.get("type"))
        if kind in RESIDENTS_MEETINGS:
            decisions += [Decision(when, meeting.id, kind, str(d.get("item", "")), _votes(d))
                          for d in data.get("decisions") or [] if isinstance(d, dict)]
        elif kind == "听证会":
            present = data.get("present")
            should = data.get("should_attend")
            hearings.append(Hearing(when, str(data.get("topic", "")),
                                    f"{present}/{should}" if isinstance(present, int) and isinstance(should, int)
                                    else "", str(data.get("outcome") or "")))
        elif kind == "联席会议":
            units = [u for u in data.get("units") or [] if isinstance(u, dict)]
            joint.append(JointMeeting(when, str(data.get("topic", "")),
                                      sum(1 for u in units if u.get("attended") is True), len(units)))
    handled: Counter[tuple[str, str]] = Counter()
    for complaint in records.of("complaint"):
        received = day(complaint.data.get("date"))
        if received is not None and first <= received <= last:
            outcome = complaint.data.get("outcome") if day(complaint.data.get("answered_on")) else None
            handled[(str(complaint.data.get("channel")), str(outcome or "办理中"))] += 1
    return AffairsBoard(records.config.name, period, first, last, tuple(decisions), tuple(hearings),
                        tuple(joint), tuple((c, o, n) for (c, o), n in sorted(handled.items())))
