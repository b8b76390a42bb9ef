"""A fund's yearly statement as a terminal table, markdown or JSON. Amounts are printed with two
decimals and the rows come in a fixed order, so the same records always give the same text."""

from __future__ import annotations

import json
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from cmty.render.tables import as_markdown, as_table
from cmty.statement import FundYear

_WORDS = {
    "zh": {"title": "{fund} {name} {year} 年度收支情况", "earmarked": "专项资金",
           "item": "项目", "amount": "金额（元）", "opening": "期初余额", "income": "收入合计",
           "transfers_in": "从其他资金转入", "expense": "支出合计", "transfers_out": "转出到其他资金",
           "closing": "期末余额", "source": "资金来源", "unit": "出资单位", "pledged": "应拨",
           "received": "已到账", "outstanding": "未到账", "vouchers": "凭证 {n} 张",
           "check": "期初 + 收入 + 转入 − 支出 − 转出 = 期末", "none": "没有资金记录"},
    "en": {"title": "{fund} {name}: statement for {year}", "earmarked": "earmarked",
           "item": "item", "amount": "amount (yuan)", "opening": "opening balance",
           "income": "income", "transfers_in": "moved in from other funds", "expense": "expenses",
           "transfers_out": "moved out to other funds", "closing": "closing balance",
           "source": "source", "unit": "contributor", "pledged": "pledged", "received": "received",
           "outstanding": "outstanding", "vouchers": "{n} vouchers",
           "check": "opening + income + moved in − expenses − moved out = closing",
           "none": "no funds on record"},
}

_TWO = ("left", "right")
_FIVE = ("left", "left", "right", "right", "right")


def _money(value: Decimal) -> str:
    return f"{value:.2f}"


def _lines(s: FundYear, w: dict[str, str]) -> list[list[str]]:
    rows = [[w["opening"], _money(s.opening)], [w["income"], _money(s.total_income)]]
    rows += [[f"· {source}", _money(amount)] for source, amount in sorted(s.income.items())]
    rows += [[w["transfers_in"], _money(s.transfers_in)], [w["expense"], _money(s.total_expense)]]
    rows += [[f"· {category}", _money(amount)] for category, amount in sorted(s.expenses.items())]
    rows += [[w["transfers_out"], _money(s.transfers_out)], [w["closing"], _money(s.closing)]]
    return rows


def _pledges(s: FundYear) -> list[list[str]]:
    return [[p.source, p.unit, _money(p.pledged), _money(p.received), _money(p.outstanding)]
            for p in s.pledges]


def _title(s: FundYear, w: dict[str, str]) -> str:
    title = w["title"].format(fund=s.fund, name=s.name, year=s.year)
    return f"{title}（{w['earmarked']}）" if s.earmarked and w is _WORDS["zh"] else \
        f"{title} ({w['earmarked']})" if s.earmarked else title


def as_text(found: Sequence[FundYear], lang: str) -> str:
    w = _WORDS[lang]
    if not found:
        return w["none"] + "\n"
    parts = []
    for s in found:
        text = _title(s, w) + "\n\n" + as_table((w["item"], w["amount"]), _lines(s, w), _TWO)
        if s.pledges:
            text += "\n" + as_table((w["source"], w["unit"], w["pledged"], w["received"],
                                     w["outstanding"]), _pledges(s), _FIVE)
        text += f"\n{w['check']}\n{w['vouchers'].format(n=len(s.vouchers))}\n"
        parts.append(text)
    return "\n".join(parts)


def as_md(found: Sequence[FundYear], lang: str) -> str:
    w = _WORDS[lang]
    if not found:
        return w["none"] + "\n"
    parts = []
    for s in found:
        text = f"## {_title(s, w)}\n\n" + as_markdown((w["item"], w["amount"]), _lines(s, w), _TWO)
        if s.pledges:
            text += "\n" + as_markdown((w["source"], w["unit"], w["pledged"], w["received"],
                                        w["outstanding"]), _pledges(s), _FIVE)
        text += f"\n{w['check']}。{w['vouchers'].format(n=len(s.vouchers))}\n" if lang == "zh" else \
            f"\n{w['check']}. {w['vouchers'].format(n=len(s.vouchers))}.\n"
        parts.append(text)
    return "\n".join(parts)


def as_json(found: Sequence[FundYear]) -> str:
    def one(s: FundYear) -> dict[str, Any]:
        return {
            "fund": s.fund, "name": s.name, "year": s.year, "earmarked": s.earmarked,
            "opening": _money(s.opening),
            "income": {k: _money(v) for k, v in sorted(s.income.items())},
            "income_total": _money(s.total_income),
            "transfers_in": _money(s.transfers_in),
            "expenses": {k: _money(v) for k, v in sorted(s.expenses.items())},
            "expense_total": _money(s.total_expense),
            "transfers_out": _money(s.transfers_out),
            "closing": _money(s.closing),
            "pledges": [{"source": p.source, "unit": p.unit, "pledged": _money(p.pledged),
                         "received": _money(p.received), "outstanding": _money(p.outstanding)}
                        for p in s.pledges],
            "vouchers": s.vouchers,
        }

    return json.dumps([one(s) for s in found], ensure_ascii=False, indent=2) + "\n"
