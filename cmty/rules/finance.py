"""Finance rules on one voucher (C3, C5, C7, C8, C10): lawful documents, bank above the cash
threshold, separated duties, the approval chain, and the hospitality cap."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal, InvalidOperation
from typing import Any

from cmty.findings import Finding, Text
from cmty.rules.base import RecordContext, record_rule


def _total(lines: Any) -> Decimal | None:
    if not isinstance(lines, list):
        return None
    try:
        return sum((Decimal(str(line.get("amount"))) for line in lines if isinstance(line, dict)),
                   Decimal("0"))
    except (InvalidOperation, TypeError):
        return None


@record_rule("FIN-DOCUMENT", kinds=("voucher",))
def lawful_document(ctx: RecordContext) -> Iterator[Finding]:
    """An expense is booked on a lawful original document, never a 白条 (C1–C3).

    Bad:  type: expense, document: {type: 白条}
    Good: type: expense, document: {type: 发票, number: "24372000000012345678"}
    """
    document = ctx.data.get("document")
    kind = document.get("type") if isinstance(document, dict) else None
    allowed = [str(t) for t in ctx.config.param("finance.allowed_documents")]
    if ctx.data.get("type") == "expense" and isinstance(kind, str) and kind not in allowed:
        yield ctx.finding("FIN-DOCUMENT", ("document", "type"),
                          Text(f"支出以“{kind}”入账，不是合法原始凭证",
                               f"the expense is booked on a {kind}, not a lawful original document"),
                          Text(f"取得{'、'.join(allowed)}之一后入账（白条不得入账）",
                               f"book it on one of: {', '.join(allowed)} (an IOU may not be booked)"))


@record_rule("FIN-CASH-LIMIT", kinds=("voucher",))
def bank_above_threshold(ctx: RecordContext) -> Iterator[Finding]:
    """Above the cash settlement threshold (1000 元) payment goes through the bank (C5).

    Bad:  payment: cash, lines: [{amount: "1200.00", ...}]
    Good: payment: bank, lines: [{amount: "1200.00", ...}]
    """
    total = _total(ctx.data.get("lines"))
    threshold = Decimal(str(ctx.config.param("finance.bank_threshold")))
    if ctx.data.get("payment") == "cash" and total is not None and total > threshold:
        yield ctx.finding("FIN-CASH-LIMIT", ("payment",),
                          Text(f"合计 {total:.2f} 元超过 {threshold:.2f} 元，却以现金结算",
                               f"{total:.2f} is over {threshold:.2f} but paid in cash"),
                          Text("改为银行转账（payment: bank）", "pay through the bank (payment: bank)"))


@record_rule("FIN-DUTIES", kinds=("voucher",))
def cashier_is_not_bookkeeper(ctx: RecordContext) -> Iterator[Finding]:
    """The cashier (出纳) does not also keep the books (C7, 会计法 art. 35).

    Bad:  cashier: 孙丽, bookkeeper: 孙丽
    Good: cashier: 孙丽, bookkeeper: 周晓
    """
    cashier, bookkeeper = ctx.data.get("cashier"), ctx.data.get("bookkeeper")
    if isinstance(cashier, str) and cashier and cashier == bookkeeper:
        yield ctx.finding("FIN-DUTIES", ("bookkeeper",),
                          Text(f"{cashier} 既是出纳又是记账人", f"{cashier} is both cashier and "
                               "bookkeeper"),
                          Text("记账由会计担任，出纳不得兼任", "the accountant keeps the books; the "
                               "cashier may not"))


@record_rule("FIN-APPROVAL-CHAIN", kinds=("voucher",))
def approval_chain(ctx: RecordContext) -> Iterator[Finding]:
    """An expense carries every approval of the chain (联签, C8), in order.

    Bad:  approvals: [{role: 书记, …}]                        # 民主理财小组 missing
    Good: approvals: [{role: 民主理财小组, …}, {role: 书记, …}]
    """
    if ctx.data.get("type") != "expense":
        return
    chain = [str(role) for role in ctx.config.param("finance.approval_chain")]
    approvals = ctx.data.get("approvals")
    roles = [a.get("role") for a in approvals if isinstance(a, dict)] \
        if isinstance(approvals, list) else []
    missing = [role for role in chain if role not in roles]
    where: tuple[str | int, ...] = ("approvals",) if "approvals" in ctx.data else ()
    if missing:
        yield ctx.finding("FIN-APPROVAL-CHAIN", where,
                          Text(f"支出缺少审批：{'、'.join(missing)}",
                               f"the expense lacks the approval of {', '.join(missing)}"),
                          Text(f"按 {' → '.join(chain)} 的顺序联签后入账",
                               f"have {' then '.join(chain)} approve it before it is booked"))
    elif [r for r in roles if r in chain] != chain:
        yield ctx.finding("FIN-APPROVAL-CHAIN", where,
                          Text(f"审批顺序应为 {' → '.join(chain)}",
                               f"approvals must come in the order {', '.join(chain)}"),
                          Text("按参数 finance.approval_chain 的顺序审批",
                               "approve in the order of parameter finance.approval_chain"))


@record_rule("FIN-HOSPITALITY", kinds=("voucher",))
def hospitality_cap(ctx: RecordContext) -> Iterator[Finding]:
    """Hospitality (接待费) stays within the cap, zero by default (C10).

    Bad:  lines: [{category: 接待费, amount: "300.00"}]   # cap 0.00
    Good: lines: [{category: 办公费, amount: "300.00"}]
    """
    cap = Decimal(str(ctx.config.param("finance.hospitality_cap")))
    lines = ctx.data.get("lines")
    for i, line in enumerate(lines if isinstance(lines, list) else []):
        if not isinstance(line, dict) or line.get("category") != "接待费":
            continue
        try:
            amount = Decimal(str(line.get("amount")))
        except InvalidOperation:
            continue
        if amount > cap:
            yield ctx.finding("FIN-HOSPITALITY", ("lines", i, "amount"),
                              Text(f"接待费 {amount:.2f} 元超过上限 {cap:.2f} 元",
                                   f"hospitality {amount:.2f} is over the cap of {cap:.2f}"),
                              Text("接待费零控制：改由其他合规科目列支，或调整参数 finance.hospitality_cap",
                                   "hospitality is capped: book it elsewhere if lawful, or change "
                                   "parameter finance.hospitality_cap"))


@record_rule("FIN-CASH-BANKED", kinds=("voucher",))
def cash_banked_same_day(ctx: RecordContext) -> Iterator[Finding]:
    """Cash takings are banked the same day, never paid out from (坐支, C6).

    Bad:  type: income, payment: cash, date: 2026-05-06 and no banked_on
    Good: banked_on: 2026-05-06
    """
    if ctx.data.get("type") != "income" or ctx.data.get("payment") != "cash":
        return
    received, banked = ctx.data.get("date"), ctx.data.get("banked_on")
    if not isinstance(received, str) or (isinstance(banked, str) and banked <= received):
        return
    yield ctx.finding("FIN-CASH-BANKED", ("banked_on",) if banked else ("payment",),
                      Text(f"现金收入未在当日（{received}）送存银行", f"cash taken on {received} was "
                           "not banked the same day"),
                      Text("现金收入当日送存开户银行，不得坐支（C6）；记录 banked_on",
                           "bank cash takings the same day and never pay out of them (C6); record "
                           "banked_on"))
