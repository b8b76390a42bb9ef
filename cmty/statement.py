"""A fund's yearly statement (经费年度收支情况): the balance brought forward, what each source
pledged and paid in, what was spent by category, money moved between funds, and the balance
carried forward. Worked out from the fund record and its vouchers alone, so anyone holding the
repository gets the same figures."""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from itertools import accumulate

from cmty.dates import day
from cmty.fees import money_or_none
from cmty.rules.base import Rec, Records
from cmty.rules.funds import voucher_total

ZERO = Decimal("0.00")
UNNAMED = "其他"


@dataclass(frozen=True, slots=True)
class Pledge:
    """One source's contribution for the year: promised (in the fund record) and received."""

    source: str
    unit: str
    pledged: Decimal
    received: Decimal

    @property
    def outstanding(self) -> Decimal:
        return max(self.pledged - self.received, ZERO)


@dataclass(slots=True)
class FundYear:
    fund: str
    name: str
    year: int
    earmarked: bool
    opening: Decimal = ZERO
    income: dict[str, Decimal] = field(default_factory=dict)  # by source
    pledges: list[Pledge] = field(default_factory=list)
    expenses: dict[str, Decimal] = field(default_factory=dict)  # by category
    transfers_in: Decimal = ZERO
    transfers_out: Decimal = ZERO
    vouchers: list[str] = field(default_factory=list)

    @property
    def total_income(self) -> Decimal:
        return sum(self.income.values(), ZERO)

    @property
    def total_expense(self) -> Decimal:
        return sum(self.expenses.values(), ZERO)

    @property
    def closing(self) -> Decimal:
        return (self.opening + self.total_income + self.transfers_in - self.total_expense
                - self.transfers_out)


def income_source(voucher: dict[str, object], sources: list[str]) -> str:
    """The source an income voucher came from: its `source`, else the source its first line's
    category begins with (区财政拨款 → 区财政), else 其他."""
    named = voucher.get("source")
    if isinstance(named, str) and named:
        return named
    lines = voucher.get("lines")
    category = lines[0].get("category") if isinstance(lines, list) and lines and \
        isinstance(lines[0], dict) else None
    if isinstance(category, str):
        for source in sorted(sources, key=len, reverse=True):
            if category.startswith(source):
                return source
    return UNNAMED


def fund_year(fund: Rec, vouchers: list[Rec], year: int, sources: list[str]) -> FundYear:
    """The statement of `fund` for `year`, from every voucher of the repository (a transfer
    from another fund counts as money in)."""
    statement = FundYear(fund.id, str(fund.data.get("name", "")), year,
                         fund.data.get("earmarked") is True)
    opened = day(fund.data.get("opened_on"))
    statement.opening = money_or_none(fund.data.get("opening_balance")) or ZERO
    first = date(year, 1, 1)
    # By (source, "") for everything from a source, and by (source, counterparty) as well.
    received: dict[tuple[str, str], Decimal] = defaultdict(lambda: ZERO)
    for voucher in sorted(vouchers, key=lambda v: (str(v.data.get("date")), v.id)):
        when = day(voucher.data.get("date"))
        if when is None or when.year > year or (opened is not None and when < opened):
            continue
        flow = _flow(voucher, fund.id)
        if flow == ZERO and voucher.data.get("fund") != fund.id:
            continue
        if when < first:
            statement.opening += flow
            continue
        statement.vouchers.append(voucher.id)
        _book(statement, voucher, fund.id, sources, received)
    entries = [e for e in fund.data.get("sources") or [] if isinstance(e, dict) and e.get("year") == year]
    # Money from a source pays its pledges in order, each once: a pledge naming a unit takes
    # that unit's money, one naming none the source's money from anyone else.
    named = {(str(e.get("source")), str(e["unit"])) for e in entries if e.get("unit")}
    left = dict(received)
    for source, unit in named:
        left[(source, "")] = left.get((source, ""), ZERO) - received[(source, unit)]
    for entry in entries:
        source, unit = str(entry.get("source")), str(entry.get("unit") or "")
        pledged = money_or_none(entry.get("amount")) or ZERO
        paid = min(pledged, max(left.get((source, unit), ZERO), ZERO))
        left[(source, unit)] = left.get((source, unit), ZERO) - paid
        statement.pledges.append(Pledge(source, unit, pledged, paid))
    return statement


def _flow(voucher: Rec, fund: str) -> Decimal:
    """What the voucher adds to (or takes from) `fund`."""
    total = voucher_total(voucher.data)
    kind = voucher.data.get("type")
    if voucher.data.get("fund") == fund:
        return total if kind == "income" else -total
    if kind == "transfer" and voucher.data.get("to_fund") == fund:
        return total
    return ZERO


def _book(statement: FundYear, voucher: Rec, fund: str, sources: list[str],
          received: dict[tuple[str, str], Decimal]) -> None:
    data, total = voucher.data, voucher_total(voucher.data)
    kind = data.get("type")
    if data.get("fund") != fund:
        statement.transfers_in += total
    elif kind == "income":
        source = income_source(data, sources)
        statement.income[source] = statement.income.get(source, ZERO) + total
        received[(source, "")] += total
        if data.get("counterparty"):
            received[(source, str(data["counterparty"]))] += total
    elif kind == "transfer":
        statement.transfers_out += total
    else:
        for line in data.get("lines") or []:
            amount = money_or_none(line.get("amount")) if isinstance(line, dict) else None
            if amount is not None:
                category = str(line.get("category") or UNNAMED)
                statement.expenses[category] = statement.expenses.get(category, ZERO) + amount


class Ledger:
    """A fund's balance at the start of any day: the opening balance and every voucher dated
    from the day the fund was opened until the day before. Built once, asked many times."""

    def __init__(self, fund: Rec, vouchers: list[Rec]) -> None:
        opened = day(fund.data.get("opened_on"))
        self.opening = money_or_none(fund.data.get("opening_balance")) or ZERO
        flows = sorted((when, flow) for v in vouchers
                       if (when := day(v.data.get("date"))) is not None
                       and (opened is None or when >= opened) and (flow := _flow(v, fund.id)))
        self._days = [when for when, _ in flows]
        self._totals = list(accumulate(flow for _, flow in flows))

    def before(self, when: date) -> Decimal:
        count = bisect_left(self._days, when)
        return self.opening + (self._totals[count - 1] if count else ZERO)


def statements(records: Records, year: int, funds: list[str] | None = None) -> list[FundYear]:
    """The statement of each fund (or of those named), in id order."""
    sources = known_sources()
    chosen = [f for f in sorted(records.of("fund"), key=lambda f: f.id)
              if funds is None or f.id in funds]
    return [fund_year(f, records.of("voucher"), year, sources) for f in chosen]


def known_sources() -> list[str]:
    """The sources the fund schema names (县财政, 街道财政, 驻区单位 …)."""
    from cmty.schemas import kind_schema

    return [str(s) for s in kind_schema("fund").subschema(("sources", "*", "source"))["enum"]]
