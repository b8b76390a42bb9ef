"""What each member owes and has paid: `cmty fee due` and `cmty fee arrears` (F3–F8, F12, F14).

A month counts as paid when any fee entry of the member lists it. A member owes dues for every
month from the later of their first fee basis and their admission (F9) up to the month asked
about, while their status is 预备党员 or 正式党员.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from cmty import fees
from cmty.errors import UsageError
from cmty.findings import Text
from cmty.kinds import BY_NAME
from cmty.query import records
from cmty.repo import Repo

ACTIVE = ("预备党员", "正式党员")


@dataclass(frozen=True)
class Arrear:
    member: str
    name: str
    org: str
    unpaid: tuple[str, ...]  # months, oldest first
    consecutive: int  # unpaid months in a row up to the month asked about
    owed: Decimal
    level: str  # "warning" (F14: 3 in a row) or "error" (6 in a row: 自行脱党风险)
    why: Text


def paid_months(repo: Repo) -> dict[str, set[str]]:
    paid: dict[str, set[str]] = {}
    for record in records(repo, BY_NAME["fee"]):
        for entry in record.data.get("entries") or []:
            if isinstance(entry, dict) and isinstance(entry.get("member"), str):
                months = {m for m in entry.get("months") or [] if isinstance(m, str)}
                paid.setdefault(entry["member"], set()).update(months)
    return paid


def months_due(member: dict[str, Any], until: str) -> list[str]:
    """The months a member owes dues for, up to and including `until` (YYYY-MM)."""
    if member.get("status") not in ACTIVE:
        return []
    starts = [str(b["from"]) for b in member.get("fee_basis") or []
              if isinstance(b, dict) and isinstance(b.get("from"), str)]
    if not starts:
        return []
    first = min(starts)
    stages = member.get("stages")
    admitted = str(stages.get("probationary") or "")[:7] if isinstance(stages, dict) else ""
    first = max(first, admitted) if admitted else first
    months: list[str] = []
    while first <= until:
        months.append(first)
        first = fees.months_from(first, 2)[1]
    return months


def arrears(repo: Repo, until: str, warn_after: int | None = None) -> list[Arrear]:
    """Members with `warn_after` (default: parameter fees.arrears_warning_months) or more unpaid
    months in a row up to `until`, most months first."""
    parameters = repo.config.parameters
    warn = warn_after or int(parameters["fees.arrears_warning_months"])
    paid = paid_months(repo)
    out = []
    for record in records(repo, BY_NAME["member"]):
        # A month exempted to nothing (F8) is owed nothing: it is neither paid nor unpaid.
        due = [m for m in months_due(record.data, until) if _due(record.data, m, parameters)]
        unpaid = [m for m in due if m not in paid.get(record.id, set())]
        run = 0
        for month in reversed(due):
            if month in paid.get(record.id, set()):
                break
            run += 1
        if run < warn:
            continue
        owed = sum((_due(record.data, m, parameters) for m in unpaid), Decimal("0"))
        level = "error" if run >= 6 else "warning"
        why = Text(f"连续 {run} 个月未交党费（至 {until}）" + ("，有自行脱党风险" if run >= 6 else ""),
                   f"{run} months in a row unpaid (to {until})" +
                   ("; at risk of lapsing (F14)" if run >= 6 else ""))
        out.append(Arrear(record.id, str(record.data.get("name", "")),
                          str(record.data.get("org", "")), tuple(unpaid), run, owed, level, why))
    return sorted(out, key=lambda a: (-a.consecutive, a.member))


def _due(member: dict[str, Any], month: str, parameters: dict[str, Any]) -> Decimal:
    try:
        return fees.member_due(member, month, parameters).amount
    except UsageError:  # a month without a basis owes nothing that can be computed
        return Decimal("0")
