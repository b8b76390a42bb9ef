"""Funds checked against their vouchers (C4, C8, C9): earmarked money spent only on its purposes,
never moved to another earmarked fund, no fund drawn below nothing, large items decided by a
residents' (representatives') meeting, and cash takings held within the cash-on-hand limit."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import Any

from cmty.dates import day
from cmty.fees import money_or_none
from cmty.findings import Finding, Text
from cmty.rules.base import Rec, Records, collection_rule

RESIDENTS_MEETINGS = ("居民会议", "居民代表会议")


def voucher_total(voucher: dict[str, Any]) -> Decimal:
    return sum((a for line in voucher.get("lines") or [] if isinstance(line, dict)
                and (a := money_or_none(line.get("amount"))) is not None), Decimal("0"))


def _in_order(records: Records) -> list[Rec]:
    """Vouchers by date, then number: the order the books are kept in."""
    dated = [v for v in records.of("voucher") if day(v.data.get("date")) is not None]
    return sorted(dated, key=lambda v: (str(v.data.get("date")), v.id))


@collection_rule("FIN-EARMARK-PURPOSE", "FIN-EARMARK-TRANSFER", kinds=("fund", "voucher"))
def earmarked_use(records: Records) -> Iterator[Finding]:
    """Money of an earmarked fund (专款专用) pays only for the fund's `purposes`, and is never
    moved into another earmarked fund (C9).

    Bad:  fund F01 {earmarked: true, purposes: [办公费]}; an expense line {category: 接待费}
    Good: the line {category: 办公费}
    """
    for voucher in records.of("voucher"):
        fund = records.get("fund", voucher.data.get("fund"))
        if fund is None or fund.data.get("earmarked") is not True:
            continue
        purposes = [str(p) for p in fund.data.get("purposes") or []]
        kind = voucher.data.get("type")
        if kind == "expense":
            for i, line in enumerate(voucher.data.get("lines") or []):
                category = line.get("category") if isinstance(line, dict) else None
                if isinstance(category, str) and category not in purposes:
                    yield voucher.finding(
                        "FIN-EARMARK-PURPOSE", ("lines", i, "category"),
                        Text(f"专项资金 {fund.id} 不能用于“{category}”", f"earmarked fund {fund.id} "
                             f"may not pay for {category}"),
                        Text(f"{fund.id} 只能用于：{'、'.join(purposes)}；改由其他资金列支",
                             f"{fund.id} pays only for: {', '.join(purposes)}; charge another fund"))
        target = records.get("fund", voucher.data.get("to_fund"))
        if kind == "transfer" and target is not None and target.data.get("earmarked") is True:
            yield voucher.finding("FIN-EARMARK-TRANSFER", ("to_fund",),
                                  Text(f"专项资金 {fund.id} 转入另一专项资金 {target.id}",
                                       f"earmarked fund {fund.id} moved into earmarked fund "
                                       f"{target.id}"),
                                  Text("专项资金之间不得相互调剂（C9）；确需调整的，报原拨款单位批准并按其批复记账",
                                       "earmarked funds are not moved between each other (C9); "
                                       "a change needs the grantor's approval"))


@collection_rule("FIN-NEGATIVE-BALANCE", kinds=("fund", "voucher"))
def balance_never_negative(records: Records) -> Iterator[Finding]:
    """No fund pays out more than it holds: the balance, from the opening balance through the
    vouchers in date order, never falls below zero (C9).

    Bad:  opening_balance: "100.00" and an expense of "150.00"
    Good: an income of "50.00" booked first
    """
    balances: dict[str, Decimal] = {}
    reported: set[str] = set()
    for fund in records.of("fund"):
        opening = money_or_none(fund.data.get("opening_balance"))
        if opening is not None:
            balances[fund.id] = opening
    for voucher in _in_order(records):
        source, kind = str(voucher.data.get("fund")), voucher.data.get("type")
        if source not in balances:
            continue
        total = voucher_total(voucher.data)
        if kind == "income":
            balances[source] += total
            continue
        balances[source] -= total
        target = str(voucher.data.get("to_fund"))
        if kind == "transfer" and target in balances:
            balances[target] += total
        if balances[source] < 0 and source not in reported:
            reported.add(source)  # the first voucher that overdraws is the one to look at
            yield voucher.finding("FIN-NEGATIVE-BALANCE", ("fund",),
                                  Text(f"{source} 余额在此凭证后为 {balances[source]:.2f} 元",
                                       f"{source}'s balance is {balances[source]:.2f} after this "
                                       "voucher"),
                                  Text("核对金额、日期和所用资金；资金不足不得支出",
                                       "check the amount, date and fund; a fund cannot pay out "
                                       "more than it holds"))


@collection_rule("FIN-LARGE-DECISION", kinds=("voucher", "meeting"))
def large_items_decided(records: Records) -> Iterator[Finding]:
    """An expense above parameter finance.large_item_threshold is decided beforehand by a
    residents' (representatives') meeting, named in `decision` (C8; 村委会组织法 art. 24).

    Bad:  an expense of "68000.00" with no decision
    Good: decision: MT2026-012, a 居民代表会议 held before the voucher's date
    """
    threshold = money_or_none(records.config.param("finance.large_item_threshold")) or Decimal("0")
    for voucher in records.of("voucher"):
        if voucher.data.get("type") != "expense" or voucher_total(voucher.data) <= threshold:
            continue
        meeting = records.get("meeting", voucher.data.get("decision"))
        held, paid = (day(meeting.data.get("date")) if meeting else None,
                      day(voucher.data.get("date")))
        if meeting is not None and meeting.data.get("type") in RESIDENTS_MEETINGS and held \
                and paid and held <= paid:
            continue
        where = ("decision",) if "decision" in voucher.data else ("lines",)
        yield voucher.finding("FIN-LARGE-DECISION", where,
                              Text(f"支出 {voucher_total(voucher.data):.2f} 元超过 {threshold:.2f} 元，"
                                   "没有事前的居民（代表）会议决定",
                                   f"an expense of {voucher_total(voucher.data):.2f} above "
                                   f"{threshold:.2f} without a prior residents' meeting decision"),
                              Text("在 decision 中写明作出决定的居民会议或居民代表会议编号（须早于支出日期）",
                                   "give the id of the residents' (representatives') meeting that "
                                   "decided it, held before the voucher, in decision"))


@collection_rule("FIN-CASH-ON-HAND", kinds=("voucher",))
def cash_within_limit(records: Records) -> Iterator[Finding]:
    """Cash takings held before they are banked never exceed the cash-on-hand limit the bank set
    (finance.cash_limit, C4): what is above it is banked the same day.

    Bad:  cash income of 3000.00 on 2026-05-06 and 2500.00 on 2026-05-07, banked on 2026-05-08,
          with a limit of 5000.00
    Good: the first banked on 2026-05-06
    """
    limit = money_or_none(records.config.param("finance.cash_limit")) or Decimal("0")
    # Each day: that day's takings come in, what is banked that day goes out, and what is left
    # overnight is what the limit is about (a taking banked the same day holds nothing over).
    days: dict[str, list[tuple[Decimal, Rec | None]]] = {}
    for voucher in records.of("voucher"):
        data = voucher.data
        received = data.get("date")
        if data.get("type") != "income" or data.get("payment") != "cash" or not isinstance(received, str):
            continue
        amount = voucher_total(data)
        days.setdefault(received, []).append((amount, voucher))
        banked = data.get("banked_on")
        if isinstance(banked, str) and banked >= received:
            days.setdefault(banked, []).append((-amount, None))
    held = Decimal("0")
    for on in sorted(days):
        held += sum((amount for amount, _ in days[on]), Decimal("0"))
        taken = sorted((v for _, v in days[on] if v is not None), key=lambda v: v.id)
        if held > limit and taken:
            yield taken[-1].finding(
                "FIN-CASH-ON-HAND", ("payment",),
                Text(f"{on} 日终库存现金（未送存的现金收入）{held:.2f} 元，超过限额 {limit:.2f} 元",
                     f"cash on hand (takings not yet banked) was {held:.2f} at the end of {on}, "
                     f"above the {limit:.2f} limit"),
                Text("超过限额的现金当日送存银行（C4）；限额见参数 finance.cash_limit",
                     "bank the cash above the limit the same day (C4); the limit is parameter "
                     "finance.cash_limit"))
