"""Approval chain (联签, C8): every approver holds the role they signed in, per cmty.yaml."""

from __future__ import annotations

from collections.abc import Iterator

from cmty.findings import Finding, Text
from cmty.rules.base import RecordContext, record_rule


@record_rule("APPROVAL-ROLE", kinds=("voucher",))
def approver_holds_role(ctx: RecordContext) -> Iterator[Finding]:
    """The person on an approval holds that role in cmty.yaml's `roles`.

    Bad:  approvals: [{role: 书记, person: 王敏, on: 2026-10-13}]   # 王敏 is 报账员
    Good: approvals: [{role: 书记, person: 刘建华, on: 2026-10-13}]
    """
    approvals = ctx.data.get("approvals")
    if not isinstance(approvals, list):
        return
    for i, approval in enumerate(approvals):
        if not isinstance(approval, dict):
            continue
        role, person = approval.get("role"), approval.get("person")
        if not isinstance(role, str) or not isinstance(person, str):
            continue
        holders = ctx.config.holders(role)
        if person in holders:
            continue
        if holders:
            hint = Text(f"cmty.yaml 中 {role} 为：{'、'.join(holders)}；请由其审批，或先更新 roles",
                        f"cmty.yaml lists {role} as {', '.join(holders)}; have one of them "
                        "approve, or update roles first")
        else:
            hint = Text(f"cmty.yaml 的 roles 中没有 {role}；检查角色名称或添加该角色",
                        f"cmty.yaml has no role {role}; check the role name or add it")
        yield ctx.finding(
            "APPROVAL-ROLE", ("approvals", i, "person"),
            Text(f"{person} 不担任 {role}，不能以 {role} 身份审批",
                 f"{person} does not hold the role {role} and cannot approve as {role}"),
            hint,
        )
