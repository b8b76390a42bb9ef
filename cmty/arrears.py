"""What each member owes and has paid: `cmty fee arrears` and the F14 findings (F3–F9, F14).

A month counts as paid when any fee entry of the member lists it. A member owes dues for every
month from the later of their first fee basis and their admission (F9) up to the month asked
about, while their status is 预备党员 or 正式党员. The functions below work on plain record data
so that the CLI and the validator's collection rules give the same answer.
"""

from __future__ import annotations

from collections.abc import Container, Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from cmty import fees
from cmty.dates import month_span
from cmty.errors import UsageError
from cmty.findings import Text
from cmty.kinds import BY_NAME
from cmty.query import records
from cmty.repo import Repo

ACTIVE = ("预备党员", "正式党员")
LAPSE_MONTHS = 6  # 党章 art. 9: six months in a row


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
    justified: str | None = None  # the recorded good reason covering the run, if any


def paid_by_member(fee_records: Iterable[dict[str, Any]],
                   only: set[str] | None = None) -> dict[str, set[str]]:
    """Member id → months any fee entry lists for them (for the members in `only`, if given).

    This runs over every fee entry of a street (a million of them), so it stays a plain loop.
    """
    paid: dict[str, set[str]] = {}
    for data in fee_records:
        for entry in data.get("entries") or ():
            if type(entry) is not dict:
                continue
            member, months = entry.get("member"), entry.get("months")
            if type(member) is not str or not months or (only is not None and member not in only):
                continue
            found = paid.get(member)
            if found is None:
                found = paid[member] = set()
            found.update(months)
    for found in paid.values():
        found.discard(None)  # a month the schema rejected is None
    return paid


def paid_months(repo: Repo) -> dict[str, set[str]]:
    return paid_by_member(record.data for record in records(repo, BY_NAME["fee"]))


def first_month_due(member: dict[str, Any]) -> str | None:
    """The first month (YYYY-MM) a member owes dues for, None when they owe none."""
    if member.get("status") not in ACTIVE:
        return None
    starts = [str(b["from"]) for b in member.get("fee_basis") or []
              if isinstance(b, dict) and isinstance(b.get("from"), str)]
    if not starts:
        return None
    first = min(starts)
    stages = member.get("stages")
    admitted = str(stages.get("probationary") or "")[:7] if isinstance(stages, dict) else ""
    return max(first, admitted) if admitted else first


def months_due(member: dict[str, Any], until: str) -> list[str]:
    """The months a member owes dues for, up to and including `until` (YYYY-MM)."""
    first = first_month_due(member)
    return month_span(first, until) if first is not None else []


def good_reason(member: dict[str, Any], month: str) -> str | None:
    """The recorded good reason (`absences`) covering `month`, if any (F14)."""
    for absence in member.get("absences") or []:
        if isinstance(absence, dict) and isinstance(absence.get("from"), str) and \
                absence["from"] <= month <= str(absence.get("to") or "9999-12"):
            return str(absence.get("reason", ""))
    return None


class PaidMonths:
    """The months a member paid for, kept as runs of month indices (year × 12 + month − 1):
    a paid history is one run or a few, so a street's table is small to store and quick to load,
    and `month in paid` is as quick as with a set."""

    __slots__ = ("runs",)

    def __init__(self, runs: Sequence[int] = ()) -> None:
        self.runs = tuple(runs)  # first, last, first, last, …

    @classmethod
    def of(cls, months: Iterable[str]) -> PaidMonths:
        runs: list[int] = []
        for index in sorted({i for month in months if (i := _month_number(month)) is not None}):
            if runs and runs[-1] == index - 1:
                runs[-1] = index
            else:
                runs += (index, index)
        return cls(runs)

    def __contains__(self, month: object) -> bool:
        if not isinstance(month, str) or len(month) != 7 or not (month[:4] + month[5:]).isdigit():
            return False
        return self.has_index(int(month[:4]) * 12 + int(month[5:]) - 1)

    def has_index(self, index: int) -> bool:
        runs = self.runs
        return any(runs[i] <= index <= runs[i + 1] for i in range(0, len(runs), 2))

    def unpaid_before(self, last: int, first: int, enough: int) -> int:
        """How many months in a row, counting back from index `last` to `first`, are unpaid;
        counting stops at `enough`."""
        count = 0
        for index in range(last, max(first, last - enough + 1) - 1, -1):
            if self.has_index(index):
                break
            count += 1
        return count


def _index(month: str) -> int:
    return int(month[:4]) * 12 + int(month[5:7]) - 1


# A street's million member-months name a hundred or so months: each is parsed once.
_MONTH_NUMBERS: dict[str, int | None] = {}


def _month_number(month: str) -> int | None:
    """The month index of YYYY-MM, None for anything else."""
    found = _MONTH_NUMBERS.get(month, -1)
    if found == -1:
        valid = isinstance(month, str) and len(month) == 7 and month[4] == "-" \
            and (month[:4] + month[5:]).isdigit()
        found = _MONTH_NUMBERS[month] = _index(month) if valid else None
    return found


def paid_months_table(summaries: list[tuple[str, str, Any]]) -> dict[str, tuple[int, ...]]:
    """Member id → the runs of months paid (see PaidMonths), from the fee files' summaries of
    (entry index, member, months)."""
    months: dict[str, set[str]] = {}
    for _, _, entries in summaries:
        for _, member, paid in entries:
            found = months.get(member)
            if found is None:
                found = months[member] = set()
            found.update(paid)
    return {member: PaidMonths.of(found).runs for member, found in months.items()}


def _always_owed(member: dict[str, Any]) -> bool:
    """No month of the member's bases is owed nothing: no exemption, and a base wherever the
    kind needs one (a month owed nothing is skipped by the run, not ended by it)."""
    for basis in member.get("fee_basis") or ():
        if not isinstance(basis, dict) or basis.get("exemption") is not None:
            return False
        kind = fees.KIND_NAMES.get(str(basis.get("kind")))
        if kind is None or (kind in ("in-service", "retired") and basis.get("base") is None):
            return False
    return True


def member_arrear(member_id: str, member: dict[str, Any], paid: Container[str], until: str,
                  parameters: dict[str, Any], warn: int) -> Arrear | None:
    """The member's arrears up to `until` when `warn` or more months in a row are unpaid.

    The lapse of 党章 art. 9 needs six months in a row unpaid *without* a good reason, so a
    month covered by a recorded absence breaks that run while still counting as unpaid.
    """
    first = first_month_due(member)
    if first is None:
        return None
    # Nearly every member paid lately: when every month is owed something, the months since the
    # last one paid bound the run from above, so most members need no dues computed, nor even
    # their months named (month indices against the runs paid).
    if _always_owed(member) and isinstance(paid, PaidMonths) and first[4:5] == until[4:5] == "-" \
            and paid.unpaid_before(_index(until), _index(first), warn) < warn:
        return None
    months = month_span(first, until)
    # A month exempted to nothing (F8) is owed nothing: it is neither paid nor unpaid.
    dues = fees.MonthlyDues(member, parameters)
    due = [m for m in months if dues.amount(m)]
    run: list[str] = []
    for month in reversed(due):
        if month in paid:
            break
        run.append(month)
    if len(run) < warn:
        return None
    unexcused = 0
    for month in run:
        if good_reason(member, month) is not None:
            break
        unexcused += 1
    reasons = [r for m in run if (r := good_reason(member, m)) is not None]
    unpaid = [m for m in due if m not in paid]
    owed = sum((dues.amount(m) for m in unpaid), Decimal("0"))
    count = len(run)
    lapse = unexcused >= LAPSE_MONTHS
    justified = reasons[0] if count >= LAPSE_MONTHS and not lapse and reasons else None
    why = Text(f"连续 {count} 个月未交党费（至 {until}）" + ("，有自行脱党风险" if lapse else "")
               + (f"；已记录正当理由：{justified}" if justified else ""),
               f"{count} months in a row unpaid (to {until})"
               + ("; at risk of lapsing (F14)" if lapse else "")
               + (f"; good reason recorded: {justified}" if justified else ""))
    return Arrear(member_id, str(member.get("name", "")), str(member.get("org", "")),
                  tuple(unpaid), count, owed, "error" if lapse else "warning", why, justified)


def arrears(repo: Repo, until: str, warn_after: int | None = None) -> list[Arrear]:
    """Members with `warn_after` (default: parameter fees.arrears_warning_months) or more unpaid
    months in a row up to `until`, most months first."""
    parameters = repo.config.parameters
    warn = warn_after or int(parameters["fees.arrears_warning_months"])
    paid = paid_months(repo)
    found = (member_arrear(r.id, r.data, paid.get(r.id, set()), until, parameters, warn)
             for r in records(repo, BY_NAME["member"]))
    return sorted((a for a in found if a is not None), key=lambda a: (-a.consecutive, a.member))


def due_amount(member: dict[str, Any], month: str, parameters: dict[str, Any]) -> Decimal:
    try:
        return fees.member_due(member, month, parameters).amount
    except UsageError:  # a month without a basis owes nothing that can be computed
        return Decimal("0")
