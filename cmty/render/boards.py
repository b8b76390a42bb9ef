"""Boards as GitHub/GitLab/Gitea-flavoured markdown: tables whose cells may hold Chinese text and
`|`, and a mermaid chart of spending. The same board always gives the same bytes."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from cmty.affairsboard import AffairsBoard
from cmty.board import FinanceBoard, FundBoard
from cmty.duesboard import DuesBoard
from cmty.partyboard import PartyBoard
from cmty.render.tables import as_markdown

_W: dict[str, dict[str, Any]] = {
    "zh": {"title": "{community} {period} 财务公开", "span": "公开期间：{first} 至 {last}",
           "earmarked": "（专项资金）", "head": ("日期", "凭证号", "摘要", "对方", "收入（元）", "支出（元）", "审批"),
           "total": "合计", "opening": "期初余额", "income": "本期收入", "expense": "本期支出",
           "closing": "期末余额", "check": "核对：期初 {o} + 收入 {i} − 支出 {e} = 期末 {c}",
           "none": "本期无收支", "spending": "支出构成", "chart": "支出构成（元）"},
    "en": {"title": "{community} finance board, {period}", "span": "Period: {first} to {last}",
           "earmarked": " (earmarked)", "head": ("date", "voucher", "item", "counterparty", "income",
                                                "expense", "approved by"),
           "total": "total", "opening": "opening balance", "income": "income", "expense": "expenses",
           "closing": "closing balance", "check": "Check: opening {o} + income {i} − expenses {e} = closing {c}",
           "none": "no income or expenses this period", "spending": "Spending by category",
           "chart": "Spending by category (yuan)"},
}
_ALIGN = ("left", "left", "left", "left", "right", "right", "left")


def _label(text: str) -> str:
    """A chart label as mermaid reads it: a quote or a line break would end the label early and
    let record text draw a slice of its own."""
    return text.replace('"', "＂").replace("\n", " ").replace("\r", " ")


def _money(value: Decimal | None) -> str:
    return "" if value is None else f"{value:.2f}"


def _fund(board: FundBoard, w: dict[str, Any]) -> str:
    title = f"## {board.fund} {board.name}{w['earmarked'] if board.earmarked else ''}\n\n"
    summary = (f"{w['opening']} {_money(board.opening)} · {w['income']} {_money(board.income)} · "
               f"{w['expense']} {_money(board.expense)} · {w['closing']} {_money(board.closing)}\n\n")
    if not board.lines:
        return title + summary + f"{w['none']}\n"
    rows = [[str(line.on), line.voucher, line.item, line.counterparty, _money(line.income),
             _money(line.expense), line.approvals] for line in board.lines]
    rows.append([str(w["total"]), "", "", "", _money(board.income), _money(board.expense), ""])
    table = as_markdown(tuple(w["head"]), rows, _ALIGN)
    check = str(w["check"]).format(o=_money(board.opening), i=_money(board.income),
                                   e=_money(board.expense), c=_money(board.closing))
    text = title + summary + table + f"\n{check}\n"
    if board.spending:
        slices = "".join(f'    "{_label(name)}" : {amount:.2f}\n' for name, amount in sorted(board.spending.items()))
        text += f"\n### {w['spending']}\n\n```mermaid\npie showData\n    title {w['chart']}\n{slices}```\n"
    return text


def finance_md(board: FinanceBoard, lang: str) -> str:
    w = _W[lang]
    head = (f"# {str(w['title']).format(community=board.community, period=board.period)}\n\n"
            f"{str(w['span']).format(first=board.first, last=board.last)}\n\n")
    return head + "\n".join(_fund(f, w) for f in board.funds)


_D: dict[str, dict[str, Any]] = {
    "zh": {"title": "{community} {period} 党费收缴公示", "head": ("月份", "应交人数", "已交人数", "收缴率",
                                                                "应交金额（元）", "实交金额（元）", "未交党员"),
           "chart": "收缴率（%）", "none": "本期没有已结束的月份", "remit": "党费上缴",
           "remit_head": ("收缴月份", "收缴党组织", "收缴金额（元）", "上缴金额（元）", "上缴日期", "上缴至"),
           "not_yet": "未上缴"},
    "en": {"title": "{community} party dues, {period}", "head": ("month", "owing", "paid", "rate",
                                                                "due (yuan)", "received (yuan)", "not paid"),
           "chart": "Collection rate (%)", "none": "no month of the period has ended yet",
           "remit": "Dues remitted to the higher organisation",
           "remit_head": ("collected in", "collected by", "collected (yuan)", "remitted (yuan)", "on", "to"),
           "not_yet": "not yet"},
}


def dues_md(board: DuesBoard, lang: str) -> str:
    w = _D[lang]
    text = f"# {str(w['title']).format(community=board.community, period=board.period)}\n\n"
    if not board.months:
        return text + f"{w['none']}\n"
    for org, name in board.orgs:
        rows = [r for r in board.rows if r.org == org]
        table = [[r.month, r.owing, r.paid, "" if r.rate is None else f"{r.rate}%", f"{r.due:.2f}",
                  f"{r.received:.2f}", "、".join(r.unpaid)] for r in rows]
        text += f"## {org} {name}\n\n" + as_markdown(tuple(w["head"]), table,
                                                       ("left", "right", "right", "right", "right", "right", "left"))
        rates = ", ".join(f"{r.rate if r.rate is not None else 100}" for r in rows)
        months = ", ".join(f'"{r.month}"' for r in rows)
        text += (f"\n```mermaid\nxychart-beta\n    title \"{w['chart']}\"\n    x-axis [{months}]\n"
                 f"    y-axis 0 --> 100\n    bar [{rates}]\n```\n\n")
    if board.remittances:
        sent = [[r.month, r.org, f"{r.collected:.2f}", w["not_yet"] if r.remitted is None else f"{r.remitted:.2f}",
                 r.on, r.to] for r in board.remittances]
        text += f"## {w['remit']}\n\n" + as_markdown(tuple(w["remit_head"]), sent,
                                                          ("left", "left", "right", "right", "left", "left"))
    return text.rstrip("\n") + "\n"


_A: dict[str, dict[str, Any]] = {
    "zh": {"title": "{community} {period} 居务公开", "span": "公开期间：{first} 至 {last}",
           "decisions": "居民（代表）会议决定事项", "decisions_head": ("日期", "会议", "事项", "赞成 / 反对 / 弃权",
                                                                      "执行情况"),
           "raised": "募集资金及使用", "raised_head": ("资金", "本期募集（元）", "本期使用（元）", "期末余额（元）"),
           "relief": "救助与慰问发放", "relief_head": ("日期", "凭证号", "事项", "对象", "金额（元）"),
           "hearings": "听证会", "hearings_head": ("日期", "事项", "到会 / 应到", "听证意见"),
           "joint": "驻区单位联席会议", "joint_head": ("日期", "议题", "到会单位 / 应到单位"),
           "complaints": "群众诉求办理情况", "complaints_head": ("渠道", "办理结果", "件数"),
           "none": "本期无"},
    "en": {"title": "{community} residents' affairs, {period}", "span": "Period: {first} to {last}",
           "decisions": "Decisions of residents' (representatives') meetings",
           "decisions_head": ("date", "meeting", "matter", "yes / no / abstained", "carried out"),
           "raised": "Money raised and its use", "raised_head": ("fund", "raised (yuan)", "spent (yuan)",
                                                                 "closing balance (yuan)"),
           "relief": "Relief and subsidies given", "relief_head": ("date", "voucher", "item", "to",
                                                                   "amount (yuan)"),
           "hearings": "Hearings", "hearings_head": ("date", "matter", "present / expected", "conclusion"),
           "joint": "Joint meetings of resident units", "joint_head": ("date", "topic", "units present / expected"),
           "complaints": "Complaints and requests handled", "complaints_head": ("channel", "outcome", "count"),
           "none": "none this period"},
}


def _breakdown(parts: tuple[tuple[str, Decimal], ...]) -> str:
    """"12000.00（社会捐赠 7000.00、驻区单位 5000.00）": the total, then its parts."""
    if not parts:
        return "0.00"
    total = sum((amount for _, amount in parts), Decimal("0.00"))
    return f"{total:.2f}（" + "、".join(f"{name} {amount:.2f}" for name, amount in parts) + "）"


def affairs_md(board: AffairsBoard, lang: str) -> str:
    w = _A[lang]
    sections: list[tuple[str, list[list[Any]], tuple[str, ...]]] = [
        ("decisions", [[str(d.on), d.kind, d.item, d.votes, d.execution] for d in board.decisions],
         ("left", "left", "left", "right", "left")),
        ("raised", [[f"{r.fund} {r.name}", _breakdown(r.raised), _breakdown(r.spent), f"{r.closing:.2f}"]
                    for r in board.raised], ("left", "left", "left", "right")),
        ("relief", [[str(r.on), r.voucher, r.item, r.recipients, f"{r.amount:.2f}"] for r in board.relief],
         ("left", "left", "left", "left", "right")),
        ("hearings", [[str(h.on), h.topic, h.present, h.outcome] for h in board.hearings],
         ("left", "left", "right", "left")),
        ("joint", [[str(j.on), j.topic, f"{j.attended} / {j.units}"] for j in board.joint],
         ("left", "left", "right")),
        ("complaints", [[c, o, n] for c, o, n in board.complaints], ("left", "left", "right")),
    ]
    return _sectioned(board, w, sections)


_P: dict[str, dict[str, Any]] = {
    "zh": {"title": "{community} {period} 党务公开", "span": "公开期间：{first} 至 {last}",
           "appointments": "组织委员会人员变动", "appointments_head": ("日期", "党组织", "职务", "姓名", "变动"),
           "took_up": "任职", "left": "离任",
           "elections": "换届选举", "elections_head": ("日期", "党组织", "应选名额", "实到 / 应到", "当选"),
           "notices": "发展党员公示", "notices_head": ("姓名", "党组织", "公示起", "公示止"),
           "grades": "民主评议结果（人数）", "grades_head": ("党组织", "优秀", "合格", "基本合格", "不合格"),
           "meetings": "三会一课召开情况", "meetings_head": ("党组织", "已按期召开", "应召开"),
           "none": "本期无"},
    "en": {"title": "{community} party affairs, {period}", "span": "Period: {first} to {last}",
           "appointments": "Committee changes", "appointments_head": ("date", "organisation", "post", "name",
                                                                      "change"),
           "took_up": "took up", "left": "left",
           "elections": "Elections", "elections_head": ("date", "organisation", "seats", "present / voters",
                                                        "elected"),
           "notices": "Public notices of candidates", "notices_head": ("name", "organisation", "from", "to"),
           "grades": "Review grades (members)", "grades_head": ("organisation", "excellent", "qualified",
                                                               "basically qualified", "unqualified"),
           "meetings": "Meetings held against their cadence", "meetings_head": ("organisation", "held", "due"),
           "none": "none this period"},
}


def party_md(board: PartyBoard, lang: str) -> str:
    w = _P[lang]
    sections: list[tuple[str, list[list[Any]], tuple[str, ...]]] = [
        ("appointments", [[str(a.on), a.org, a.post, a.name, w["took_up" if a.took_up else "left"]]
                          for a in board.appointments], ("left", "left", "left", "left", "left")),
        ("elections", [[str(e.on), e.org, e.seats, e.present, e.elected] for e in board.elections],
         ("left", "left", "right", "right", "left")),
        ("notices", [[n.name, n.org, str(n.first), str(n.last)] for n in board.notices],
         ("left", "left", "left", "left")),
        ("grades", [[org, *counts] for org, counts in board.grades],
         ("left", "right", "right", "right", "right")),
        ("meetings", [[org, held, due] for org, held, due in board.meetings], ("left", "right", "right")),
    ]
    return _sectioned(board, w, sections)


def _sectioned(board: AffairsBoard | PartyBoard, w: dict[str, Any],
               sections: list[tuple[str, list[list[Any]], tuple[str, ...]]]) -> str:
    """Title, period, then one table (or "none") a section."""
    text = (f"# {str(w['title']).format(community=board.community, period=board.period)}\n\n"
            f"{str(w['span']).format(first=board.first, last=board.last)}\n")
    for key, rows, align in sections:
        body = as_markdown(tuple(w[f"{key}_head"]), rows, align) if rows else f"{w['none']}\n"
        text += f"\n## {w[key]}\n\n{body}"
    return text
