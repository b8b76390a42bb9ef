"""The dues board (党费收缴公示) of a period: per branch and month, how many members owed dues,
how many paid, what was owed, the collection rate, and who has not paid (names masked). Worked
out with the same dues and payments the arrears rules use (F3–F14), so the board can never
disagree with `cmty fee arrears`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from cmty import arrears
from cmty.board import period_bounds
from cmty.boardpolicy import BoardPolicy
from cmty.dates import month_of, month_span
from cmty.fees import MonthlyDues
from cmty.rules.base import Records

KINDS_READ = ("org", "member", "fee", "resident", "complaint", "unit", "fund")


@dataclass(frozen=True, slots=True)
class MonthRow:
    org: str
    month: str
    owing: int
    paid: int
    due: Decimal
    unpaid: tuple[str, ...]  # names as the board's policy shows them (none when it omits them)

    @property
    def rate(self) -> Decimal | None:
        if not self.owing:
            return None
        return (Decimal(self.paid * 100) / Decimal(self.owing)).quantize(Decimal("0.1"), ROUND_HALF_UP)


@dataclass(frozen=True, slots=True)
class DuesBoard:
    community: str
    period: str
    months: tuple[str, ...]
    orgs: tuple[tuple[str, str], ...]  # (id, name), in id order
    rows: tuple[MonthRow, ...]


def dues_board(records: Records, period: str, today: date, policy: BoardPolicy) -> DuesBoard:
    bounds = period_bounds(period)
    # The month in progress is not yet unpaid, as in the arrears rules.
    months = [m for m in month_span(month_of(bounds[0]), month_of(bounds[1])) if m < month_of(today)]
    paid = arrears.paid_by_member(f.data for f in records.of("fee"))
    params = records.config.parameters
    members = sorted(records.of("member"), key=lambda m: m.id)
    names = {o.id: str(o.data.get("name", "")) for o in records.of("org")}
    orgs = sorted({str(m.data.get("org")) for m in members if m.data.get("org") in names})
    rows = []
    for org in orgs:
        mine = [m for m in members if m.data.get("org") == org]
        owed = {m.id: set(arrears.months_due(m.data, months[-1])) if months else set() for m in mine}
        dues = {m.id: MonthlyDues(m.data, params) for m in mine}
        for month in months:
            owing = [m for m in mine if month in owed[m.id] and dues[m.id].amount(month)]
            unpaid = [m for m in owing if month not in paid.get(m.id, set())]
            rows.append(MonthRow(org, month, len(owing), len(owing) - len(unpaid),
                                 sum((dues[m.id].amount(month) for m in owing), Decimal("0.00")),
                                 tuple(shown for m in unpaid
                                       if (shown := policy.person(str(m.data.get("name", "")))))))
    return DuesBoard(records.config.name, period, tuple(months), tuple((o, names[o]) for o in orgs),
                     tuple(rows))
