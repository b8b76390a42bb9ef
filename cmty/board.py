"""The finance board (财务公开) of a period, worked out from the books: for each fund the balance
brought forward, every income and expense line of the period, the totals and the balance carried
forward. A board that does not reconcile with the books, or with the balances its disclosure
record states, is refused rather than posted (§5). Personal values are masked here (counterparty
and approvers by their x-pii class); `cmty.leaks` checks the rendered text afterwards.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from cmty.boardpolicy import BoardError as BoardError  # raised by every board module
from cmty.boardpolicy import BoardPolicy
from cmty.dates import bounds_of, day
from cmty.fees import money_or_none
from cmty.findings import Text
from cmty.rules.base import Rec, Records
from cmty.schemas import kind_schema, values_at
from cmty.statement import Ledger

ZERO = Decimal("0.00")
KINDS_READ = ("fund", "voucher", "disclosure", "member", "resident", "complaint", "unit")


@dataclass(frozen=True, slots=True)
class Line:
    on: date
    voucher: str
    item: str
    counterparty: str
    income: Decimal | None
    expense: Decimal | None
    approvals: str


@dataclass(slots=True)
class FundBoard:
    fund: str
    name: str
    earmarked: bool
    opening: Decimal
    lines: list[Line] = field(default_factory=list)
    spending: dict[str, Decimal] = field(default_factory=dict)  # by category

    @property
    def income(self) -> Decimal:
        return sum((line.income or ZERO for line in self.lines), ZERO)

    @property
    def expense(self) -> Decimal:
        return sum((line.expense or ZERO for line in self.lines), ZERO)

    @property
    def closing(self) -> Decimal:
        return self.opening + self.income - self.expense


@dataclass(frozen=True, slots=True)
class FinanceBoard:
    community: str
    period: str
    first: date
    last: date
    funds: tuple[FundBoard, ...]


def period_bounds(period: str) -> tuple[date, date]:
    """First and last day of a board's period, or a BoardError that says how to write one."""
    bounds = bounds_of(period)
    if bounds is None:
        raise BoardError(Text(f"期间 {period!r} 无法识别", f"period {period!r} is not one cmty knows"),
                         Text("写成 2026Q3、2026-09、2026H2 或 2026", "write it like 2026Q3, 2026-09, "
                              "2026H2 or 2026"))
    return bounds


def _item(data: dict[str, object]) -> str:
    lines = data.get("lines")
    parts = []
    for line in lines if isinstance(lines, list) else []:
        if isinstance(line, dict):
            text = str(line.get("category") or "")
            if line.get("description"):
                text += f"（{line['description']}）"
            parts.append(text)
    return "；".join(parts)


def _approvals(data: dict[str, object], policy: BoardPolicy) -> str:
    approvals = data.get("approvals")
    shown = [(str(a.get("role") or ""), policy.person(str(a["person"])) if a.get("person") else None)
             for a in approvals if isinstance(a, dict)] if isinstance(approvals, list) else []
    return "、".join(role if person is None else f"{role} {person}" for role, person in shown)


def _line(voucher: Rec, fund: str, on: date, policy: BoardPolicy) -> tuple[Line, dict[str, Decimal]]:
    data = voucher.data
    total = sum((a for line in data.get("lines") or [] if isinstance(line, dict)
                 and (a := money_or_none(line.get("amount"))) is not None), ZERO)
    inflow = data.get("type") == "income" or (data.get("type") == "transfer" and data.get("fund") != fund)
    spent: dict[str, Decimal] = {}
    if data.get("type") == "expense":
        for line in data.get("lines") or []:
            amount = money_or_none(line.get("amount")) if isinstance(line, dict) else None
            if amount is not None:
                category = str(line.get("category") or "其他")
                spent[category] = spent.get(category, ZERO) + amount
    item = _item(data) if data.get("type") != "transfer" else (
        f"转入自 {data.get('fund')}" if inflow else f"转出至 {data.get('to_fund')}")
    return Line(on, voucher.id, item, policy.party(str(data.get("counterparty") or "")),
                total if inflow else None, None if inflow else total, _approvals(data, policy)), spent


def finance_board(records: Records, period: str, policy: BoardPolicy) -> FinanceBoard:
    first, last = period_bounds(period)
    vouchers = records.of("voucher")
    boards = []
    for fund in sorted(records.of("fund"), key=lambda f: f.id):
        ledger = Ledger(fund, vouchers)
        board = FundBoard(fund.id, str(fund.data.get("name", "")), fund.data.get("earmarked") is True,
                          ledger.before(first))
        dated = sorted(((when, v) for v in vouchers if (when := day(v.data.get("date"))) is not None
                        and first <= when <= last and (v.data.get("fund") == fund.id
                                                       or v.data.get("to_fund") == fund.id)),
                       key=lambda pair: (pair[0], pair[1].id))
        for when, voucher in dated:
            line, spent = _line(voucher, fund.id, when, policy)
            board.lines.append(line)
            for category, amount in spent.items():
                board.spending[category] = board.spending.get(category, ZERO) + amount
        books = ledger.before(last + timedelta(days=1))
        if board.closing != books:
            raise BoardError(Text(f"{fund.id} 期末余额 {board.closing:.2f} 元与账面 {books:.2f} 元不符",
                                  f"{fund.id}'s closing balance {board.closing:.2f} does not match "
                                  f"the books' {books:.2f}"),
                             Text("核对该资金的凭证（cmty fund statement）", "check the fund's vouchers "
                                  "(cmty fund statement)"))
        boards.append(board)
    _check_stated(records, period, boards)
    return FinanceBoard(records.config.name, period, first, last, tuple(boards))


def _check_stated(records: Records, period: str, boards: list[FundBoard]) -> None:
    """The balances the period's disclosure record states must be the board's (DISC-BALANCE)."""
    by_fund = {b.fund: b for b in boards}
    for record in records.of("disclosure"):
        if record.data.get("kind") != "财务" or str(record.data.get("period")) != period:
            continue
        for line in record.data.get("balances") or []:
            board = by_fund.get(str(line.get("fund"))) if isinstance(line, dict) else None
            if board is None:
                continue
            for name, figure in (("opening", board.opening), ("closing", board.closing)):
                stated = money_or_none(line.get(name))
                if stated is not None and stated != figure:
                    raise BoardError(Text(f"{record.id} 写 {board.fund} {name} 为 {stated:.2f} 元，账面为 "
                                          f"{figure:.2f} 元", f"{record.id} states {board.fund}'s {name} "
                                          f"balance as {stated:.2f}; the books say {figure:.2f}"),
                                     Text("先修正公开记录中的 balances（cmty validate 报 DISC-BALANCE）",
                                          "first correct the balances of the disclosure record "
                                          "(cmty validate reports DISC-BALANCE)"))


def sensitive_values(records: Records, today: date) -> dict[str, str]:
    """Value → class of every value of the records that a board must not show as it is: the
    numbers of the never-shown x-pii classes, people's names (office holders' too), and the
    names of residents under 14 (个人信息保护法 art. 28), which no policy lets through."""
    from cmty.boardpolicy import person_name
    from cmty.identifiers.id_number import birth_date_of_id
    from cmty.leaks import KINDS, known_values

    pairs: list[tuple[str, str]] = [("name", n) for names in records.config.roles.values() for n in names]
    for kind, recs in records.by_kind.items():
        patterns = [(p, c) for p, c in kind_schema(kind).pii if c in KINDS]
        for rec in recs:
            for pattern, pii in patterns:
                pairs.extend((pii, str(v)) for _, v in values_at(rec.data, pattern)
                             if isinstance(v, (str, int)) and not isinstance(v, bool))
    pairs = [(pii, person_name(v) if pii == "name" else v) for pii, v in pairs]
    for resident in records.of("resident"):
        born = birth_date_of_id(str(resident.data.get("id_number") or ""))
        if born is not None and _years_between(born, today) < 14 and resident.data.get("name"):
            pairs.append(("child", str(resident.data["name"])))
    return known_values(pairs)


def _years_between(born: date, today: date) -> int:
    return today.year - born.year - ((today.month, today.day) < (born.month, born.day))
