"""The dues board (党费收缴公示) of a period: per branch and month, how many members owed dues,
how many paid, what was owed and what was paid for that month, the collection rate, and who has
not paid (names as the board's policy shows them); then, per month of collection, what was
collected and what was remitted to the higher organisation (党费收缴、使用和管理规定). Worked out
with the same dues and payments the arrears rules use (F3–F14), so the board can never disagree
with `cmty fee arrears`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal
from typing import Any

from cmty import arrears
from cmty.board import period_bounds
from cmty.boardpolicy import BoardPolicy
from cmty.dates import day, month_of, month_span
from cmty.fees import MonthlyDues, money_or_none
from cmty.rules.base import Rec, Records

ZERO = Decimal("0.00")
CENT = Decimal("0.01")
KINDS_READ = ("org", "member", "fee", "resident", "complaint", "unit", "fund")


@dataclass(frozen=True, slots=True)
class MonthRow:
    org: str
    month: str
    owing: int
    paid: int
    due: Decimal
    received: Decimal  # paid for this month (a payment for several months is spread over them)
    unpaid: tuple[str, ...]  # names as the board's policy shows them (none when it omits them)

    @property
    def rate(self) -> Decimal | None:
        if not self.owing:
            return None
        return (Decimal(self.paid * 100) / Decimal(self.owing)).quantize(Decimal("0.1"), ROUND_HALF_UP)


@dataclass(frozen=True, slots=True)
class Remittance:
    month: str          # the month the dues were collected in (the fee file's period)
    org: str            # the collecting organisation
    collected: Decimal
    remitted: Decimal | None  # None: not yet remitted
    on: str
    to: str


@dataclass(frozen=True, slots=True)
class DuesBoard:
    community: str
    period: str
    months: tuple[str, ...]
    orgs: tuple[tuple[str, str], ...]  # (id, name), in id order
    rows: tuple[MonthRow, ...]
    remittances: tuple[Remittance, ...] = ()


def paid_by(fees: list[Rec], today: date) -> list[dict[str, Any]]:
    """The fee files' data as known on `today`: entries paid after it are not yet paid."""
    known = []
    for fee in fees:
        entries = [e for e in fee.data.get("entries") or [] if isinstance(e, dict)
                   and (day(e.get("paid_on")) or date.min) <= today]
        known.append({**fee.data, "entries": entries})
    return known


def received_by_month(fees: list[dict[str, Any]], due: Callable[[str, str], Decimal] | None = None
                      ) -> dict[tuple[str, str], Decimal]:
    """(member, month) → what the member paid for that month. A payment covering several months
    is shared in proportion to each month's dues (`due(member, month)`; evenly without them), the
    last month taking the odd cents, so the months add up to the payment."""
    received: dict[tuple[str, str], Decimal] = {}
    for data in fees:
        for entry in data.get("entries") or []:
            amount = money_or_none(entry.get("amount")) if isinstance(entry, dict) else None
            months = [str(m) for m in entry.get("months") or []] if amount is not None else []
            if amount is None or not months:
                continue
            member = str(entry.get("member"))
            weights = [due(member, m) if due else Decimal(1) for m in months]
            if not sum(weights):
                weights = [Decimal(1)] * len(months)
            shares = [(amount * w / sum(weights)).quantize(CENT, ROUND_DOWN) for w in weights[:-1]]
            for month, part in zip(months, [*shares, amount - sum(shares, ZERO)], strict=True):
                received[(member, month)] = received.get((member, month), ZERO) + part
    return received


def remittances(fees: list[dict[str, Any]], months: set[str], today: date) -> tuple[Remittance, ...]:
    """What each month's collection was and what of it went up, as known on `today` (`fees` as
    `paid_by` gives them)."""
    found = []
    for data in sorted(fees, key=lambda d: (str(d.get("period")), str(d.get("org") or ""))):
        if str(data.get("period")) not in months:
            continue
        collected = sum((a for e in data.get("entries") or [] if isinstance(e, dict)
                         and (a := money_or_none(e.get("amount"))) is not None), ZERO)
        given = data.get("remitted")
        sent: dict[str, object] = given if isinstance(given, dict) else {}
        if (day(sent.get("on")) or date.max) > today:
            sent = {}
        found.append(Remittance(str(data.get("period")), str(data.get("org") or ""), collected,
                                money_or_none(sent.get("amount")), str(sent.get("on") or ""),
                                str(sent.get("to") or "")))
    return tuple(found)


def dues_board(records: Records, period: str, today: date, policy: BoardPolicy) -> DuesBoard:
    bounds = period_bounds(period)
    # The month in progress is not yet unpaid, as in the arrears rules.
    months = [m for m in month_span(month_of(bounds[0]), month_of(bounds[1])) if m < month_of(today)]
    fees = records.of("fee")
    known = paid_by(fees, today)
    paid = arrears.paid_by_member(known)
    params = records.config.parameters
    members = sorted(records.of("member"), key=lambda m: m.id)
    every_dues = {m.id: MonthlyDues(m.data, params) for m in members}
    received = received_by_month(known, lambda member, month: every_dues[member].amount(month)
                                 if member in every_dues else ZERO)
    names = {o.id: str(o.data.get("name", "")) for o in records.of("org")}
    orgs = sorted({str(m.data.get("org")) for m in members if m.data.get("org") in names})
    rows = []
    for org in orgs:
        mine = [m for m in members if m.data.get("org") == org]
        owed = {m.id: set(arrears.months_due(m.data, months[-1])) if months else set() for m in mine}
        dues = {m.id: every_dues[m.id] for m in mine}
        for month in months:
            owing = [m for m in mine if month in owed[m.id] and dues[m.id].amount(month)]
            unpaid = [m for m in owing if month not in paid.get(m.id, set())]
            rows.append(MonthRow(org, month, len(owing), len(owing) - len(unpaid),
                                 sum((dues[m.id].amount(month) for m in owing), ZERO),
                                 sum((received.get((m.id, month), ZERO) for m in mine), ZERO),
                                 tuple(shown for m in unpaid
                                       if (shown := policy.person(str(m.data.get("name", "")))))))
    return DuesBoard(records.config.name, period, tuple(months), tuple((o, names[o]) for o in orgs),
                     tuple(rows), remittances(known, set(months), today))
