"""The residents' affairs board (居务公开) of a period (村委会组织法 art. 30 by analogy, §5): what
the residents' (representatives') meetings decided and how they voted; money raised (donations,
resident units' contributions) and what each fund that received it spent; relief and subsidies
handed out, with recipients as the board's policy shows them and nothing about them beyond the
item and the amount; the hearings held and what they concluded; the joint meetings of resident
units; and the complaints handled, as counts by channel and outcome only, never who raised them.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from cmty.board import period_bounds
from cmty.boardpolicy import BoardPolicy
from cmty.dates import day
from cmty.fees import money_or_none
from cmty.rules.base import Rec, Records
from cmty.statement import Ledger, income_source, known_sources

KINDS_READ = ("meeting", "complaint", "unit", "fund", "voucher")
RESIDENTS_MEETINGS = ("居民会议", "居民代表会议")
# Money the community raised, rather than was granted (the 财政 sources) or earned.
RAISED_SOURCES = ("社会捐赠", "驻区单位")
# Spending that reaches residents as relief or a subsidy; staff allowances (误工补贴, 误工补助)
# are not relief.
RELIEF_WORDS = ("慰问", "救助", "救济", "补助", "补贴", "困难", "低保", "特困", "高龄", "残疾人")
NOT_RELIEF_WORDS = ("误工",)
ZERO = Decimal("0.00")


@dataclass(frozen=True, slots=True)
class Decision:
    on: date
    meeting: str
    kind: str
    item: str
    votes: str  # "36 / 0 / 2" (yes / no / abstained), or "" when not counted
    execution: str  # the latest step on or before the board's day: "已完成（2026-05-10）…"


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
class Raised:
    fund: str
    name: str
    raised: tuple[tuple[str, Decimal], ...]  # (source, amount) this period
    spent: tuple[tuple[str, Decimal], ...]   # (category, amount) this period
    closing: Decimal


@dataclass(frozen=True, slots=True)
class Relief:
    on: date
    voucher: str
    item: str
    recipients: str
    amount: Decimal


@dataclass(frozen=True, slots=True)
class AffairsBoard:
    community: str
    period: str
    first: date
    last: date
    decisions: tuple[Decision, ...]
    raised: tuple[Raised, ...]
    relief: tuple[Relief, ...]
    hearings: tuple[Hearing, ...]
    joint: tuple[JointMeeting, ...]
    complaints: tuple[tuple[str, str, int], ...]  # (channel, outcome or 办理中, count)


def execution(decision: dict[str, Any], today: date) -> str:
    """How a decision stood on `today`: its latest execution entry up to that day."""
    steps = [s for s in decision.get("execution") or [] if isinstance(s, dict)
             and (when := day(s.get("on"))) is not None and when <= today]
    if not steps:
        return ""
    last = max(steps, key=lambda s: str(s.get("on")))
    note = f"：{last['note']}" if last.get("note") else ""
    return f"{last.get('status')}（{last.get('on')}）{note}"


def _votes(decision: dict[str, object]) -> str:
    counts = [decision.get(k) for k in ("yes", "no", "abstain")]
    return " / ".join(str(c) for c in counts) if all(isinstance(c, int) for c in counts) else ""


def _lines(voucher: Rec) -> list[tuple[str, str, Decimal]]:
    """(category, description, amount) of each line of a voucher."""
    return [(str(line.get("category") or "其他"), str(line.get("description") or ""), amount)
            for line in voucher.data.get("lines") or []
            if isinstance(line, dict) and (amount := money_or_none(line.get("amount"))) is not None]


def _add(totals: dict[str, Decimal], key: str, amount: Decimal) -> None:
    totals[key] = totals.get(key, ZERO) + amount


def raised_money(records: Records, first: date, last: date) -> tuple[Raised, ...]:
    """Each fund that received raised money in the period: from where, and what it spent."""
    sources, vouchers = known_sources(), records.of("voucher")
    found = []
    for fund in sorted(records.of("fund"), key=lambda f: f.id):
        mine = [v for v in vouchers if v.data.get("fund") == fund.id
                and (when := day(v.data.get("date"))) is not None and first <= when <= last]
        raised: dict[str, Decimal] = {}
        spent: dict[str, Decimal] = {}
        for voucher in mine:
            if voucher.data.get("type") == "income":
                source = income_source(voucher.data, sources)
                if source in RAISED_SOURCES:
                    for _, _, amount in _lines(voucher):
                        _add(raised, source, amount)
            elif voucher.data.get("type") == "expense":
                for category, _, amount in _lines(voucher):
                    _add(spent, category, amount)
        if raised:
            found.append(Raised(fund.id, str(fund.data.get("name", "")), tuple(sorted(raised.items())),
                                tuple(sorted(spent.items())),
                                Ledger(fund, vouchers).before(last + timedelta(days=1))))
    return tuple(found)


def relief_given(records: Records, first: date, last: date, policy: BoardPolicy) -> tuple[Relief, ...]:
    found = []
    for voucher in records.of("voucher"):
        when = day(voucher.data.get("date"))
        if voucher.data.get("type") != "expense" or when is None or not first <= when <= last:
            continue
        lines = [line for line in _lines(voucher) if any(w in line[0] for w in RELIEF_WORDS)
                 and not any(w in line[0] for w in NOT_RELIEF_WORDS)]
        if lines:
            item = "；".join(f"{c}（{d}）" if d else c for c, d, _ in lines)
            found.append(Relief(when, voucher.id, item, policy.party(str(voucher.data.get("counterparty") or "")),
                                sum((a for _, _, a in lines), ZERO)))
    return tuple(sorted(found, key=lambda r: (r.on, r.voucher)))


def affairs_board(records: Records, period: str, policy: BoardPolicy, today: date) -> AffairsBoard:
    first, last = period_bounds(period)
    meetings = sorted(((when, m) for m in records.of("meeting")
                       if (when := day(m.data.get("date"))) is not None and first <= when <= last),
                      key=lambda pair: (pair[0], pair[1].id))
    decisions, hearings, joint = [], [], []
    for when, meeting in meetings:
        data, kind = meeting.data, str(meeting.data.get("type"))
        if kind in RESIDENTS_MEETINGS:
            decisions += [Decision(when, meeting.id, kind, str(d.get("item", "")), _votes(d), execution(d, today))
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
            answered = day(complaint.data.get("answered_on"))
            outcome = complaint.data.get("outcome") if answered is not None and answered <= today else None
            handled[(str(complaint.data.get("channel")), str(outcome or "办理中"))] += 1
    return AffairsBoard(records.config.name, period, first, last, tuple(decisions),
                        raised_money(records, first, last), relief_given(records, first, last, policy),
                        tuple(hearings), tuple(joint), tuple((c, o, n) for (c, o), n in sorted(handled.items())))
