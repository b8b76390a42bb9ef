"""Every board kind behind one call: render a kind for a period, in a language, and refuse it
when the leak guard finds personal data in the text (whatever template produced it)."""

from __future__ import annotations

from datetime import date

from cmty import affairsboard, duesboard, leaks, partyboard
from cmty import board as finance
from cmty.board import BoardError, sensitive_values
from cmty.findings import Text
from cmty.render.boards import affairs_md, dues_md, finance_md, party_md
from cmty.rules.base import Records

KINDS = ("finance", "dues", "residents", "party")
KINDS_READ = tuple(sorted({*finance.KINDS_READ, *duesboard.KINDS_READ, *affairsboard.KINDS_READ,
                           *partyboard.KINDS_READ}))


def render(records: Records, kind: str, period: str, today: date, lang: str) -> str:
    if kind == "finance":
        text = finance_md(finance.finance_board(records, period), lang)
    elif kind == "dues":
        text = dues_md(duesboard.dues_board(records, period, today), lang)
    elif kind == "residents":
        text = affairs_md(affairsboard.affairs_board(records, period), lang)
    else:
        text = party_md(partyboard.party_board(records, period, today), lang)
    found = leaks.scan(text, sensitive_values(records))
    if found:
        where = "; ".join(f"{leak.line}:{leak.column} {leak.title.zh} {leak.shown}" for leak in found[:5])
        where_en = "; ".join(f"{leak.line}:{leak.column} {leak.title.en} {leak.shown}" for leak in found[:5])
        raise BoardError(Text(f"{kind} 公开内容含未脱敏的个人信息，未生成：{where}",
                              f"the {kind} board would show personal data unmasked, so it was not made: "
                              f"{where_en}"),
                         Text("从记录的摘要、备注等文字中删去这些号码后重试", "remove these numbers from the "
                              "records' descriptions and notes, then try again"))
    return text
