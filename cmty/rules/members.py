"""Deadlines that run from a member's own dates: the end of probation (D15/D16), a transfer due
after six months away (§4), and the steps for a member out of contact (F15)."""

from __future__ import annotations

from collections.abc import Iterator

from cmty.dates import add_months, add_years, day
from cmty.findings import Finding, Text
from cmty.rules.base import Deadline, Rec, RecordContext, Records, deadline_rule, record_rule

ACTIVE = ("预备党员", "正式党员")
AWAY_MONTHS = 6  # §4: away six months at a fairly fixed place → transfer the relationship
LOST_MONTHS = 6  # F15: out of contact six months → 停止党籍
LOST_YEARS_AFTER = 2  # F15: two more years → removed


def _stage(member: Rec, name: str) -> object:
    stages = member.data.get("stages")
    return stages.get(name) if isinstance(stages, dict) else None


@deadline_rule("PARTY-PROBATION-DUE", kinds=("member",))
def probation_ends(records: Records) -> Iterator[Deadline]:
    """When probation ends the branch meeting discusses full membership promptly (D15, D16).

    Bad:  status: 预备党员, stages: {probationary: 2025-09-20} and today 2026-11-29
    Good: status: 正式党员, stages: {probationary: 2025-09-20, full: 2026-09-20}
    """
    for member in records.of("member"):
        start = day(_stage(member, "probationary"))
        if member.data.get("status") != "预备党员" or start is None or _stage(member, "full"):
            continue
        yield Deadline("PARTY-PROBATION-DUE", add_years(start, 1), member.file, member.id,
                       ("stages", "probationary"),
                       Text(f"{member.id} 预备期满，支部大会应讨论其转正",
                            f"{member.id}'s probation ends: the branch meeting discusses full "
                            "membership"),
                       Text("讨论后填写 stages.full 并把 status 改为正式党员；延长预备期的，"
                            "记录延长期限（D16、D17）", "afterwards fill in stages.full and set "
                            "status to 正式党员; an extension is recorded with its length "
                            "(D16, D17)"))


@deadline_rule("MEMBER-AWAY", kinds=("member",))
def transfer_when_away(records: Records) -> Iterator[Deadline]:
    """A member away six months or more at a fairly fixed place transfers the relationship
    (§4 组织关系), unless managed there as a floating member (协助管理).

    Bad:  away: {since: 2026-03-01}, no transfer out, today 2026-11-29
    Good: transfers: [{direction: out, 'on': 2026-08-20, letter: …}]
    """
    for member in records.of("member"):
        away = member.data.get("away")
        since = day(away.get("since")) if isinstance(away, dict) else None
        if since is None or member.data.get("status") not in ACTIVE or \
                member.data.get("category") == "协助管理":
            continue
        moved = [t for t in member.data.get("transfers") or [] if isinstance(t, dict)
                 and t.get("direction") == "out" and (day(t.get("on")) or since) >= since]
        if moved:
            continue
        yield Deadline("MEMBER-AWAY", add_months(since, AWAY_MONTHS), member.file, member.id,
                       ("away", "since"),
                       Text(f"{member.id} 外出满 6 个月，应转接组织关系",
                            f"{member.id} has been away six months: transfer the relationship"),
                       Text("开具介绍信并记录在 transfers；作为流动党员管理的，把 category 改为"
                            "协助管理并写明 home_org 与 contact",
                            "issue a letter and record it under transfers; for a floating member "
                            "set category to 协助管理 with home_org and contact"))


@deadline_rule("MEMBER-LOST-CONTACT", kinds=("member",))
def lost_contact(records: Records) -> Iterator[Deadline]:
    """A member out of contact six months who cannot be traced has membership suspended
    (停止党籍); after two more years without contact, removal follows (F15).

    Bad:  lost_contact_since: 2026-01-10, status: 正式党员, today 2026-11-29
    Good: status: 停止党籍, status_since: 2026-07-15
    """
    for member in records.of("member"):
        since = day(member.data.get("lost_contact_since"))
        if since is None:
            continue
        status = member.data.get("status")
        if status in ACTIVE:
            yield Deadline("MEMBER-LOST-CONTACT", add_months(since, LOST_MONTHS), member.file,
                           member.id, ("lost_contact_since",),
                           Text(f"{member.id} 失去联系满 6 个月，应按规定停止党籍",
                                f"{member.id} has been out of contact six months: suspend "
                                "membership"),
                           Text("经查找仍无法联系的，由支部大会讨论停止党籍并报上级批准，把 status "
                                "改为停止党籍（F15）", "if still not traced, the branch meeting "
                                "suspends membership with approval from above: set status to "
                                "停止党籍 (F15)"))
        elif status == "停止党籍":
            stopped = day(member.data.get("status_since")) or add_months(since, LOST_MONTHS)
            yield Deadline("MEMBER-LOST-CONTACT", add_years(stopped, LOST_YEARS_AFTER),
                           member.file, member.id, ("status",),
                           Text(f"{member.id} 停止党籍满 2 年仍未联系，应按自行脱党除名",
                                f"{member.id}: two years suspended without contact; remove as "
                                "lapsed"),
                           Text("恢复联系的，按规定恢复党籍；否则按程序除名，status 改为除名（F15）",
                                "if contact is restored, restore membership; otherwise remove: "
                                "set status to 除名 (F15)"))


@record_rule("TRANSFER-LETTER-EXPIRED", kinds=("member",))
def letter_still_valid(ctx: RecordContext) -> Iterator[Finding]:
    """A member reports to the new organisation while the transfer letter is valid, usually three
    months from its issue (transfer.letter_valid_months, §4).

    Bad:  transfers: [{direction: in, on: 2026-07-20, issued_on: 2026-03-02, letter: …}]
    Good: issued_on: 2026-06-02
    """
    months = int(ctx.config.param("transfer.letter_valid_months"))
    for i, transfer in enumerate(ctx.data.get("transfers") or []):
        if not isinstance(transfer, dict) or transfer.get("direction") != "in":
            continue
        issued, arrived = day(transfer.get("issued_on")), day(transfer.get("on"))
        if issued is not None and arrived is not None and arrived > add_months(issued, months):
            yield ctx.finding("TRANSFER-LETTER-EXPIRED", ("transfers", i, "on"),
                              Text(f"{arrived} 报到时，{issued} 开具的介绍信已超过 {months} 个月有效期",
                                   f"reported on {arrived}, after the letter issued on {issued} had "
                                   f"expired ({months} months)"),
                              Text("请原党组织重新开具介绍信；有效期见参数 transfer.letter_valid_months",
                                   "ask the former organisation for a new letter; validity is "
                                   "parameter transfer.letter_valid_months"))
