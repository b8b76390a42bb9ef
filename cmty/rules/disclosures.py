"""Public disclosure (§5): each kind of board posted every period and on time, finance boards
showing every voucher of their period, and the supervision committee's review.

The cadence is statutory for villages (村委会组织法 art. 30: general matters quarterly, finance
monthly where busy) and applied to 居务 by analogy, so both are parameters
(disclosure.general_every, disclosure.finance_every), as is the time allowed after a period ends
(disclosure.post_within_days).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

from cmty.config import CONFIG_NAME
from cmty.dates import bounds_of, day, periods
from cmty.fees import money_or_none
from cmty.findings import Finding, Text
from cmty.rules.base import Deadline, RecordContext, Records, collection_rule, deadline_rule, record_rule
from cmty.rules.meetings import records_start
from cmty.statement import Ledger

KINDS = ("居务", "党务", "财务")
SLUGS = {"居务": "residents", "党务": "party", "财务": "finance"}  # the id a board is filed under


def cadence_of(kind: str, records: Records) -> str:
    key = "disclosure.finance_every" if kind == "财务" else "disclosure.general_every"
    return str(records.config.param(key))


@deadline_rule("DISC-DUE", kinds=("disclosure", "meeting"))
def board_posted(records: Records) -> Iterator[Deadline]:
    """Every period has its 居务, 党务 and 财务 board, posted within
    disclosure.post_within_days days after the period ends (村委会组织法 art. 30).

    Bad:  no disclosure with kind 财务 and period 2026Q3
    Good: disclosures/2026Q3-finance.yaml {kind: 财务, period: 2026Q3, posted_on: 2026-10-12}
    """
    start = records_start(records)
    if start is None:
        return
    grace = int(records.config.param("disclosure.post_within_days"))
    posted = {(str(d.data.get("kind")), str(d.data.get("period"))) for d in records.of("disclosure")}
    for kind in KINDS:
        every = cadence_of(kind, records)
        for name, first, last in periods(start, records.today, every):
            if first < start or (kind, name) in posted:
                continue
            key = "finance_every" if kind == "财务" else "general_every"
            yield Deadline("DISC-DUE", last + timedelta(days=grace), CONFIG_NAME,
                           f"{name}-{SLUGS[kind]}", ("parameters", "disclosure", key),
                           Text(f"{name} {kind}公开应张贴", f"the {kind} board for {name} is due"),
                           Text(f"张贴后在 disclosures/ 中记录 {{kind: {kind}, period: {name}, posted_on: …}}",
                                f"once posted, record {{kind: {kind}, period: {name}, posted_on: …}} "
                                "under disclosures/"))


@collection_rule("DISC-LATE", "DISC-INCOMPLETE", kinds=("disclosure", "voucher"))
def board_on_time_and_whole(records: Records) -> Iterator[Finding]:
    """A board goes up within disclosure.post_within_days days of its period's end, and a
    finance board lists every voucher dated in its period, not only totals (§5).

    Bad:  {kind: 财务, period: 2026Q3, covers: [V2026-0022]} when V2026-0023 is dated 2026-08-06
    Good: covers lists every voucher dated 2026-07-01 … 2026-09-30
    """
    grace = int(records.config.param("disclosure.post_within_days"))
    vouchers = [(d, v.id) for v in records.of("voucher") if (d := day(v.data.get("date")))]
    for board in records.of("disclosure"):
        kind, period = str(board.data.get("kind")), str(board.data.get("period"))
        bounds = bounds_of(period)
        if bounds is None:
            continue
        first, last = bounds
        posted = day(board.data.get("posted_on"))
        if posted is not None and posted > last + timedelta(days=grace):
            yield board.finding("DISC-LATE", ("posted_on",),
                                Text(f"{period} 的公开于 {posted} 张贴，晚于期末后 {grace} 天",
                                     f"the {period} board went up on {posted}, more than {grace} "
                                     "days after the period"),
                                Text("按期公开（村委会组织法第三十条）；期限见参数 disclosure.post_within_days",
                                     "post each period on time (村委会组织法 art. 30); see parameter "
                                     "disclosure.post_within_days"))
        if kind != "财务":
            continue
        covered = {str(c) for c in board.data.get("covers") or []}
        missing = [vid for d, vid in sorted(vouchers) if first <= d <= last and vid not in covered]
        if missing:
            shown = "、".join(missing[:5]) + ("…" if len(missing) > 5 else "")
            yield board.finding("DISC-INCOMPLETE", ("covers",),
                                Text(f"财务公开漏了本期凭证 {shown}（共 {len(missing)} 张）",
                                     f"the finance board leaves out {len(missing)} voucher(s) of "
                                     f"its period: {shown.replace('、', ', ')}"),
                                Text("财务公开须逐笔列明本期全部收支；把这些凭证加入 covers",
                                     "a finance board shows every line of the period: add them "
                                     "to covers"))


@collection_rule("DISC-BALANCE", kinds=("disclosure", "fund", "voucher"))
def balances_reconcile(records: Records) -> Iterator[Finding]:
    """A finance board's opening and closing balance of each fund are what the books say at the
    start and the end of its period, so that opening + income − expenses = closing (§5).

    Bad:  balances: [{fund: F01, opening: "18642.35", closing: "40000.00"}] when the vouchers
          of the period leave 36100.85
    Good: closing: "36100.85"
    """
    ledgers: dict[str, Ledger] = {}
    for board in records.of("disclosure"):
        bounds = bounds_of(str(board.data.get("period")))
        if board.data.get("kind") != "财务" or bounds is None:
            continue
        first, last = bounds
        for i, line in enumerate(board.data.get("balances") or []):
            fund = records.get("fund", line.get("fund")) if isinstance(line, dict) else None
            if fund is None:
                continue  # a missing fund is REF-MISSING's
            for field, when in (("opening", first), ("closing", last + timedelta(days=1))):
                stated = money_or_none(line.get(field))
                ledger = ledgers.get(fund.id) or ledgers.setdefault(
                    fund.id, Ledger(fund, records.of("voucher")))
                books = ledger.before(when)
                if stated is not None and stated != books:
                    yield board.finding("DISC-BALANCE", ("balances", i, field),
                                        Text(f"{fund.id} {'期初' if field == 'opening' else '期末'}余额写 "
                                             f"{stated:.2f} 元，账面为 {books:.2f} 元",
                                             f"{fund.id}'s {field} balance says {stated:.2f}; the "
                                             f"books say {books:.2f}"),
                                        Text(f"改为账面数，或核对凭证（cmty fund statement {fund.id}）",
                                             f"use the books' figure, or check the vouchers (cmty "
                                             f"fund statement {fund.id})"))


@record_rule("DISC-REVIEW", kinds=("disclosure",))
def reviewed_by_supervisors(ctx: RecordContext) -> Iterator[Finding]:
    """The supervision committee (监督委员会) reviews what is published: a finance board names
    its reviewers, and each holds that role in cmty.yaml (村委会组织法 art. 32).

    Bad:  {kind: 财务, reviewed_by: [王敏]} where 王敏 is the 报账员
    Good: {kind: 财务, reviewed_by: [赵国强, 吴刚]}
    """
    reviewers = [str(r) for r in ctx.data.get("reviewed_by") or []]
    holders = ctx.config.holders("监督委员会")
    if ctx.data.get("kind") == "财务" and not reviewers:
        yield ctx.finding("DISC-REVIEW", ("kind",),
                          Text("财务公开没有监督委员会审核", "the finance board was not reviewed by "
                               "the supervision committee"),
                          Text(f"张贴前由监督委员会成员审核，写入 reviewed_by（现任：{'、'.join(holders)}）",
                               f"have the supervision committee review it and list them in "
                               f"reviewed_by (now: {', '.join(holders)})"))
    for i, person in enumerate(reviewers):
        if person not in holders:
            yield ctx.finding("DISC-REVIEW", ("reviewed_by", i),
                              Text(f"{person} 不是监督委员会成员", f"{person} is not on the "
                                   "supervision committee"),
                              Text("核对 cmty.yaml 中 roles.监督委员会", "check roles.监督委员会 in "
                                   "cmty.yaml"))
