"""Party dues checked across records: each fee entry against the member's dues, and each
member's payments over time (F3–F14).

Amounts are exact decimals. A fee entry pays for the months it lists; what it should be is the
sum of the member's monthly dues for those months, from the basis in force in each (F10).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

from cmty import arrears
from cmty.dates import month_of, month_shift
from cmty.fees import MonthlyDues, basis_for, money_or_none
from cmty.findings import Finding, Text
from cmty.rules.base import (
    Rec,
    RecordContext,
    Records,
    Summary,
    collection_rule,
    file_rule,
    finding,
    record_rule,
)

CENTRAL_REMIT_FROM = Decimal("1000")  # F11: a voluntary extra of 1000 元 or more


def _entries(fee: Rec) -> Iterator[tuple[int, dict[str, Any], list[str]]]:
    for i, entry in enumerate(fee.data.get("entries") or ()):
        if type(entry) is dict:
            months = entry.get("months") or []
            if None in months:  # a month the schema rejected
                months = [m for m in months if isinstance(m, str)]
            yield i, entry, months


def paid_entries(fee: Rec) -> list[tuple[int, str, list[str]]]:
    """A fee file made small: (entry index, member, months) of each entry."""
    return [(i, str(entry.get("member")), months) for i, entry, months in _entries(fee)
            if isinstance(entry.get("member"), str) and months]


PAID = Summary("paid", "fee", paid_entries)
# The same summaries made into one table of months paid by member (arrears.PaidMonths runs).
NONE_PAID = arrears.PaidMonths()
PAID_BY_MEMBER = Summary("paid", "fee", paid_entries, combine=arrears.paid_months_table)


def _paid(records: Records) -> dict[str, arrears.PaidMonths]:
    table: dict[str, tuple[int, ...]] = records.summaries["paid"]
    return {member: arrears.PaidMonths(runs) for member, runs in table.items()}


@collection_rule("FEE-ARREARS", "FEE-LAPSE", kinds=("member", "fee"), summaries=(PAID_BY_MEMBER,))
def consecutive_unpaid(records: Records) -> Iterator[Finding]:
    """Three unpaid months in a row is a warning; six, without a recorded good reason, is the
    自行脱党 risk of 党章 art. 9 (F14). The month in progress is not yet unpaid.

    Bad:  a member owing dues since 2026-01 with no fee entry for 2026-05 … 2026-10
    Good: the same member with `absences: [{from: 2026-05, reason: 外派援疆}]`
    """
    params = records.config.parameters
    warn = int(params["fees.arrears_warning_months"])
    until = month_shift(month_of(records.today), -1)
    paid = _paid(records)
    for member in records.of("member"):
        found = arrears.member_arrear(member.id, member.data, paid.get(member.id, NONE_PAID), until,
                                      params, warn)
        if found is None:
            continue
        code = "FEE-LAPSE" if found.level == "error" else "FEE-ARREARS"
        months = f"{found.unpaid[-found.consecutive]}—{found.unpaid[-1]}"
        hint = (Text("联系该党员补交；确有正当理由的，在 absences 中记录期间和理由（F14）",
                     "ask the member to pay; if there is a good reason, record it under "
                     "absences (F14)") if code == "FEE-ARREARS" else
                Text("支部应与其谈话并督促补交；无正当理由的，按党章第九条提交支部大会讨论除名；"
                     "有正当理由的，在 absences 中记录",
                     "the branch talks with the member; without a good reason the branch meeting "
                     "decides on removal (党章 art. 9); a good reason goes under absences"))
        path = ("status",) if "status" in member.data else ("id",)
        yield member.finding(code, path, Text(f"{found.why.zh}（{months}，欠 {found.owed:.2f} 元）",
                                              f"{found.why.en} ({months}, {found.owed:.2f} owed)"),
                             hint)


@file_rule("FEE-UNDERPAID", "FEE-CENTRAL-REMIT", kind="fee", reads=("member",), fields=("fee_basis",))
def amount_matches_dues(fee: Rec, records: Records) -> Iterator[Finding]:
    """An entry pays at least the dues of the months it lists (F3–F8); a voluntary extra of
    1000 元 or more is marked `central_remit`, for it goes to the Central Committee (F11).

    Bad:  {member: M0012, months: [2026-03], amount: "20.00"} when the due is 30.00
    Good: {member: M0012, months: [2026-03], amount: "30.00"}
    """
    params = records.config.parameters
    tables: dict[str, MonthlyDues] = records.derived.setdefault("dues", {})
    for i, entry, months in _entries(fee):
        member = records.get("member", entry.get("member"))
        amount = money_or_none(entry.get("amount"))
        if member is None or amount is None or not months:
            continue
        dues = tables.get(member.id) or tables.setdefault(member.id, MonthlyDues(member.data, params))
        if not all(dues.has_basis(m) for m in months):
            continue  # dues cannot be computed: the member's basis is what needs fixing
        due = sum((dues.amount(m) for m in months), Decimal("0"))
        where = ("entries", i, "amount")
        if amount < due:
            yield fee.finding("FEE-UNDERPAID", where,
                              Text(f"{member.id} 交 {amount:.2f} 元，少于 {len(months)} 个月应交的 "
                                   f"{due:.2f} 元", f"{member.id} paid {amount:.2f}, less than the "
                                   f"{due:.2f} due for {len(months)} month(s)"),
                              Text(f"核对金额；`cmty fee due {member.id} --month {months[0]}` "
                                   "可查看每月应交额的算法",
                                   f"check the amount; `cmty fee due {member.id} --month "
                                   f"{months[0]}` explains each month's due"))
        elif amount - due >= CENTRAL_REMIT_FROM and entry.get("central_remit") is not True:
            extra = amount - due
            yield fee.finding("FEE-CENTRAL-REMIT", where,
                              Text(f"{member.id} 自愿多交 {extra:.2f} 元（≥1000 元），应全额上交中央",
                                   f"{member.id} paid {extra:.2f} extra (≥ 1000): it all goes to "
                                   "the Central Committee"),
                              Text("上交后在该条目加 central_remit: true（F11）",
                                   "remit it and add central_remit: true to the entry (F11)"))


@collection_rule("FEE-PAID-TWICE", kinds=("fee",), summaries=(PAID,))
def months_paid_once(records: Records) -> Iterator[Finding]:
    """No member pays the same month twice, in one file or in two (F12).

    Bad:  2026-09.yaml and 2026-10.yaml both list {member: M0012, months: [2026-09]}
    Good: each month in one entry
    """
    seen: dict[tuple[str, str], str] = {}
    for file, fee_id, entries in records.summaries["paid"]:
        for i, member_id, months in entries:
            for month in months:
                earlier = seen.get((member_id, month))
                if earlier is None:
                    seen[(member_id, month)] = fee_id
                    continue
                yield finding("FEE-PAID-TWICE", file, fee_id, ("entries", i, "months"),
                                  Text(f"{member_id} 的 {month} 党费已在 {earlier} 交过",
                                       f"{member_id} already paid {month} in {earlier}"),
                                  Text("删除重复的月份；多交的部分记为自愿多交",
                                       "remove the repeated month; an extra payment is a "
                                       "voluntary one"))


@file_rule("FEE-QUARTERLY", "FEE-BACK-PAYMENT", kind="fee", reads=("member",), fields=("fee_basis",))
def months_paid_in_order(fee: Rec, records: Records) -> Iterator[Finding]:
    """Dues are paid month by month (F12): paying ahead needs the branch's consent
    (`quarterly_consent` on the fee basis), and back payment is generally limited to 6 months
    (parameter fees.back_payment_months).

    Bad:  paid_on: 2026-01-10, months: [2026-01, 2026-02, 2026-03] without consent
    Good: the same with `quarterly_consent: true` on the member's fee basis
    """
    back_limit = int(records.config.param("fees.back_payment_months"))
    consent: dict[tuple[str, str], bool] = {}
    oldest: dict[str, str] = {}  # month paid in → the oldest month it may pay for
    for i, entry, months in _entries(fee):
        member_id = str(entry.get("member"))
        paid_on = entry.get("paid_on")  # a date, or gone: the schema checked its format
        where = ("entries", i, "months")
        if not isinstance(paid_on, str) or not months:
            continue
        paid_month = paid_on[:7]
        ahead = [m for m in months if m > paid_month]
        if ahead and not _consented(records, consent, member_id, paid_month):
            yield fee.finding("FEE-QUARTERLY", where,
                              Text(f"{member_id} 于 {paid_on} 预交了 {', '.join(ahead)} 的党费，"
                                   "但支部未同意其按季度交纳",
                                   f"{member_id} paid ahead for {', '.join(ahead)} on {paid_on} "
                                   "without the branch's consent to quarterly payment"),
                              Text("经支部同意后在党费基数中加 quarterly_consent: true（F12）",
                                   "with the branch's consent, add quarterly_consent: true "
                                   "to the fee basis (F12)"))
        oldest_allowed = oldest.get(paid_month) or oldest.setdefault(
            paid_month, month_shift(paid_month, -back_limit))
        late = [m for m in months if m < oldest_allowed]
        if late:
            yield fee.finding("FEE-BACK-PAYMENT", where,
                              Text(f"{member_id} 于 {paid_on} 补交了 {late[0]} 起的党费，"
                                   f"超过 {back_limit} 个月",
                                   f"{member_id} paid on {paid_on} for months from {late[0]}, "
                                   f"more than {back_limit} months back"),
                              Text("补交一般不超过 6 个月；长期未交的应先按党章第九条处理，"
                                   "并在备注中说明情况",
                                   "back payment is generally limited to 6 months; a longer "
                                   "gap is dealt with under 党章 art. 9 first: explain it in "
                                   "the note"))


def _consented(records: Records, memo: dict[tuple[str, str], bool], member_id: str,
               month: str) -> bool:
    """Whether the basis in force in `month` has the branch's consent to paying ahead; an
    unknown member counts as consenting (REF-MISSING already says what is wrong)."""
    key = (member_id, month)
    if key not in memo:
        member = records.get("member", member_id)
        basis = basis_for(member.data, month) if member is not None else None
        memo[key] = member is None or bool(basis and basis.get("quarterly_consent") is True)
    return memo[key]


@collection_rule("TRANSFER-PAID-UP-TO", kinds=("member", "fee"), summaries=(PAID_BY_MEMBER,))
def transfer_letter_paid_up_to(records: Records) -> Iterator[Finding]:
    """A transfer-out letter states the month dues are paid up to (组织关系接转, §4); it may
    not claim months the fee records do not show as paid.

    Bad:  transfers: [{direction: out, paid_up_to: 2026-06, …}] with 2026-05 unpaid
    Good: paid_up_to: 2026-04 when 2026-04 is the last month paid
    """
    leaving = {m.id for m in records.of("member") if any(
        isinstance(t, dict) and t.get("direction") == "out" and t.get("paid_up_to")
        for t in m.data.get("transfers") or [])}
    if not leaving:
        return
    paid = _paid(records)
    params = records.config.parameters
    for member in records.of("member"):
        if member.id not in leaving:
            continue
        # Dues ran until the transfer, whatever the status is now.
        owing = {**member.data, "status": "正式党员"}
        dues = MonthlyDues(owing, params)
        for i, transfer in enumerate(member.data.get("transfers") or []):
            if not isinstance(transfer, dict) or transfer.get("direction") != "out":
                continue
            up_to = transfer.get("paid_up_to")
            if not isinstance(up_to, str):
                continue
            unpaid = [m for m in arrears.months_due(owing, up_to)
                      if m not in paid.get(member.id, NONE_PAID) and dues.amount(m)]
            if unpaid:
                yield member.finding("TRANSFER-PAID-UP-TO", ("transfers", i, "paid_up_to"),
                                     Text(f"介绍信写党费交至 {up_to}，但 {', '.join(unpaid[-3:])} 未见交纳记录",
                                          f"the letter says dues are paid up to {up_to}, but "
                                          f"{', '.join(unpaid[-3:])} show no payment"),
                                     Text("先补记交纳记录，或把 paid_up_to 改为实际交至的月份",
                                          "record the payments first, or set paid_up_to to the "
                                          "month actually paid up to"))


# Payers that are an organisation, not a relative or another member (F13).
ORGANISATION_WORDS = ("党支部", "党总支", "党委", "党组织", "支部", "居委会", "社区", "单位", "公司")


@record_rule("FEE-PAID-BY-ORG", kinds=("fee",))
def no_payment_by_organisation(ctx: RecordContext) -> Iterator[Finding]:
    """Dues are paid by the member, or by a relative or another member with consent (F12); the
    organisation never pays them on the member's behalf (垫交, F13).

    Bad:  entries: [{member: M0004, paid_by: 第一党支部, …}]
    Good: entries: [{member: M0004, paid_by: 李华（女儿）, …}]
    """
    for i, entry in enumerate(ctx.data.get("entries") or []):
        payer = entry.get("paid_by") if isinstance(entry, dict) else None
        # A note in brackets says who the person is (王敏（第一党支部党员）), not who paid.
        who = re.sub(r"[（(].*?[）)]", "", payer) if isinstance(payer, str) else ""
        # An organisation's name ends with what it is (第一党支部, 和园社区居委会); a person's
        # may contain one (第一党支部书记王敏), and a person may pay for a member (F12).
        if isinstance(payer, str) and who.strip().endswith(ORGANISATION_WORDS):
            yield ctx.finding("FEE-PAID-BY-ORG", ("entries", i, "paid_by"),
                              Text(f"党费由“{payer}”代交", f"the dues were paid by {payer}"),
                              Text("党组织不得垫交或扣缴党费（F13）；由本人或亲属、其他党员代交",
                                   "an organisation may not pay or deduct dues for a member (F13); "
                                   "the member, a relative or another member pays"))
