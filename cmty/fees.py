"""Party dues (党费): the monthly due from a fee basis, per 中组发〔2008〕3号 (F1–F8).

Money is Decimal throughout. The rate applies to the whole base, not progressively (F3): a base
of 3000.00 pays 15.00 and 3000.01 pays 30.00. Rounding is half-up to the fen unless cmty.yaml
says otherwise (`fees.rounding`).
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from decimal import ROUND_DOWN, ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

from cmty.errors import UsageError
from cmty.findings import Text

FEN = Decimal("0.01")
FLAT_FEE = Decimal("0.20")  # F7: students, unemployed, 低保, 抚恤/救济

KIND_NAMES: dict[str, str] = {
    "in-service": "in-service", "在职": "in-service",
    "retired": "retired", "离退休": "retired", "退休": "retired",
    "farmer": "farmer", "农民": "farmer",
    "student": "student", "学生": "student",
    "unemployed": "unemployed", "失业": "unemployed",
    "low-income": "low-income", "低保": "low-income",
}
KIND_ZH = {"in-service": "在职", "retired": "离退休", "farmer": "农民", "student": "学生",
           "unemployed": "失业", "low-income": "低保"}

# (upper bound of the band, inclusive; rate) — F3 and F5
IN_SERVICE_BANDS = ((Decimal("3000"), Decimal("0.005")), (Decimal("5000"), Decimal("0.01")),
                    (Decimal("10000"), Decimal("0.015")), (None, Decimal("0.02")))
RETIRED_BANDS = ((Decimal("5000"), Decimal("0.005")), (None, Decimal("0.01")))
_ROUNDING = {"half-up": ROUND_HALF_UP, "half-even": ROUND_HALF_EVEN, "down": ROUND_DOWN}


@dataclass(frozen=True)
class Due:
    """A monthly due and how it was reached, for a person to check by hand."""

    kind: str
    base: Decimal | None
    rate: Decimal | None
    amount: Decimal
    rule: str
    why: Text


def kind_of(name: str) -> str:
    try:
        return KIND_NAMES[name]
    except KeyError:
        kinds = ", ".join(sorted(set(KIND_NAMES)))
        raise UsageError(Text(f"没有 {name} 这种党费类别", f"no fee kind {name}"),
                         Text(f"可选：{kinds}", f"use one of: {kinds}")) from None


def money(text: Any) -> Decimal:
    try:
        value = Decimal(str(text))
    except InvalidOperation:
        raise UsageError(Text(f"{text!r} 不是金额", f"{text!r} is not an amount"),
                         Text("例如 6200.00", "e.g. 6200.00")) from None
    if not value.is_finite() or value < 0:
        raise UsageError(Text(f"{text!r} 不是金额", f"{text!r} is not an amount"))
    return value


def money_or_none(value: Any) -> Decimal | None:
    """A money text as a Decimal, or None for anything else (the schema reports it)."""
    try:
        return Decimal(value) if isinstance(value, str) else None
    except InvalidOperation:
        return None


def _band_rate(base: Decimal, bands: tuple[tuple[Decimal | None, Decimal], ...]) -> Decimal:
    for upper, rate in bands:
        if upper is None or base <= upper:
            return rate
    raise AssertionError("the last band has no upper bound")


def monthly_due(kind: str, base: Decimal | None, parameters: dict[str, Any]) -> Due:
    """The due for one month of a fee kind and (for in-service and retired) a monthly base."""
    kind = kind_of(kind)
    rounding = _ROUNDING.get(str(parameters.get("fees.rounding", "half-up")), ROUND_HALF_UP)
    if kind in ("in-service", "retired"):
        if base is None:
            raise UsageError(Text(f"{KIND_ZH[kind]}党员需要月计算基数", f"{kind} needs a monthly base"),
                             Text("加上 --base，例如 --base 6200.00", "add --base, e.g. --base 6200.00"))
        bands = IN_SERVICE_BANDS if kind == "in-service" else RETIRED_BANDS
        rate = _band_rate(base, bands)
        amount = (base * rate).quantize(FEN, rounding)
        rule = "F3" if kind == "in-service" else "F5"
        pct = f"{(rate * 100).normalize():f}%"
        why = Text(f"{KIND_ZH[kind]}，基数 {base:.2f} 元，整额适用 {pct}（不累进）：{amount} 元",
                   f"{kind}, base {base:.2f}: {pct} of the whole base (not progressive) = {amount}")
        return Due(kind, base, rate, amount, rule, why)
    if kind == "farmer":
        amount = money(parameters.get("fees.farmer_monthly", "0.20")).quantize(FEN)
        return Due(kind, None, None, amount, "F6",
                   Text(f"农民党员每月 {amount} 元（参数 fees.farmer_monthly）",
                        f"farmer: {amount} a month (parameter fees.farmer_monthly)"))
    return Due(kind, None, None, FLAT_FEE, "F7",
               Text(f"{KIND_ZH[kind]}党员每月 {FLAT_FEE} 元", f"{kind}: {FLAT_FEE} a month"))


def basis_for(member: dict[str, Any], month: str) -> dict[str, Any] | None:
    """The fee basis in force in `month` (YYYY-MM): the latest entry starting on or before it."""
    entries = [e for e in member.get("fee_basis") or [] if isinstance(e, dict)
               and isinstance(e.get("from"), str) and e["from"] <= month]
    return max(entries, key=lambda e: str(e["from"])) if entries else None


def member_due(member: dict[str, Any], month: str, parameters: dict[str, Any]) -> Due:
    """What a member owes for one month, from the basis in force then (F8 exemptions applied)."""
    basis = basis_for(member, month)
    if basis is None:
        raise UsageError(Text(f"{member.get('id')} 在 {month} 没有党费计算基数",
                              f"{member.get('id')} has no fee basis for {month}"),
                         Text("在 fee_basis 中加一条 from 不晚于该月的记录，或用 --amount 指定金额",
                              "add a fee_basis entry from that month or earlier, or give --amount"))
    return basis_due(basis, parameters)


def basis_due(basis: dict[str, Any], parameters: dict[str, Any]) -> Due:
    """The monthly due under one fee-basis entry."""
    base = money(basis["base"]) if basis.get("base") is not None else None
    due = monthly_due(str(basis.get("kind")), base, parameters)
    exemption = basis.get("exemption")
    if isinstance(exemption, dict) and exemption.get("amount") is not None:
        amount = money(exemption["amount"]).quantize(FEN)
        approval = exemption.get("approval", "")
        return Due(due.kind, due.base, due.rate, amount, "F8",
                   Text(f"经批准减免（{approval}）：每月 {amount} 元",
                        f"exempted by approval ({approval}): {amount} a month"))
    return due


class MonthlyDues:
    """A member's due for any month, each fee-basis entry computed once.

    The rules across records ask for a street's million member-months; computing each from
    scratch (with its explanation) took most of a validation run.
    """

    def __init__(self, member: dict[str, Any], parameters: dict[str, Any]) -> None:
        entries = sorted((e for e in member.get("fee_basis") or [] if isinstance(e, dict)
                          and isinstance(e.get("from"), str)), key=lambda e: str(e["from"]))
        self._starts: list[str] = []
        self._amounts: list[Decimal | None] = []
        for entry in entries:
            try:
                amount: Decimal | None = basis_due(entry, parameters).amount
            except UsageError:
                amount = None  # an incomplete basis: nothing can be computed for its months
            if self._starts and self._starts[-1] == entry["from"]:
                continue  # two entries from one month: the first holds, as in basis_for
            self._starts.append(str(entry["from"]))
            self._amounts.append(amount)

    def has_basis(self, month: str) -> bool:
        return bisect_right(self._starts, month) > 0

    def amount(self, month: str) -> Decimal:
        """The due for `month`; zero where no basis is in force or it cannot be computed."""
        position = bisect_right(self._starts, month)
        if position == 0:
            return Decimal("0")
        return self._amounts[position - 1] or Decimal("0")


def months_from(first: str, count: int) -> list[str]:
    """`count` consecutive months starting at `first` (YYYY-MM)."""
    year, month = (int(part) for part in first.split("-"))
    out = []
    for _ in range(count):
        out.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out
