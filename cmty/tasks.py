"""The edits a secretary thinks in: approve a voucher, change a member's status, transfer a
member's party relationship (组织关系接转). Each is one commit through `cmty.transaction`."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from cmty import textedit, yamlio
from cmty.edit import Options
from cmty.errors import UsageError
from cmty.findings import JsonPath, Text
from cmty.query import find_record
from cmty.repo import Repo
from cmty.transaction import Changes, Message, Outcome, apply

APPEND = -1  # as the last step of a path: after the list's last item
STATUSES = ("预备党员", "正式党员", "转出", "停止党籍", "去世", "出党", "除名")


def _change(repo: Repo, record_id: str, kind: str, edits: list[tuple[JsonPath, Any]],
            message: Message, options: Options) -> Outcome:
    """Apply `edits` (path, value; a path ending in APPEND adds to the end of that list)."""

    def make() -> tuple[Changes, Message]:
        record = find_record(repo, record_id)
        if record.kind != kind:
            raise UsageError(Text(f"{record_id} 不是{_KIND_ZH[kind]}",
                                  f"{record_id} is not a {kind}"))
        text = (repo.root / record.file).read_bytes().decode("utf-8")
        for path, value in edits:
            if path[-1] == APPEND:
                items = _at(yamlio.load_text(text), path[:-1]) or []
                path = (*path[:-1], len(items))
            text = textedit.set_value(text, path, value)
        return {record.file: text.encode("utf-8")}, message

    return apply(repo, make, force=options.force, no_commit=options.no_commit,
                 author=options.author)


_KIND_ZH = {"voucher": "凭证", "member": "党员"}


def _at(data: Any, path: JsonPath) -> Any:
    for step in path:
        data = data.get(step) if isinstance(data, dict) else None
    return data


def approve_voucher(repo: Repo, voucher: str, role: str, person: str, on: date | None,
                    options: Options) -> Outcome:
    """Add an approval (联签) to a voucher; the validator checks the person holds the role."""
    day = (on or date.today()).isoformat()
    entry = {"role": role, "person": person, "on": day}
    message = Message(f"审批凭证 {voucher}：{role} {person}",
                      f"approve voucher {voucher}: {role} {person}", "voucher.approve", (voucher,))
    return _change(repo, voucher, "voucher", [(("approvals", APPEND), entry)], message, options)


def set_status(repo: Repo, member: str, status: str, on: date, options: Options) -> Outcome:
    if status not in STATUSES:
        raise UsageError(Text(f"没有 {status} 这种党籍状态", f"no membership status {status}"),
                         Text(f"可选：{'、'.join(STATUSES)}", f"use one of: {', '.join(STATUSES)}"))
    message = Message(f"{member} 党籍状态改为 {status}（{on.isoformat()}）",
                      f"{member} status {status} from {on.isoformat()}", "member.status", (member,))
    edits: list[tuple[JsonPath, Any]] = [(("status",), status), (("status_since",), on.isoformat())]
    return _change(repo, member, "member", edits, message, options)


@dataclass(frozen=True)
class Transfer:
    member: str
    direction: str  # "out" or "in"
    on: date
    letter: str
    org: str | None = None
    paid_up_to: str | None = None


def transfer(repo: Repo, move: Transfer, options: Options) -> Outcome:
    """Record a transfer out (status 转出) or back in (status 正式党员) with its letter."""
    entry: dict[str, Any] = {"direction": move.direction, "on": move.on.isoformat(),
                             "letter": move.letter}
    if move.org:
        entry["org"] = move.org
    if move.paid_up_to:
        entry["paid_up_to"] = move.paid_up_to
    status = "转出" if move.direction == "out" else "正式党员"
    word = ("转出", "transferred out") if move.direction == "out" else ("转入", "transferred in")
    message = Message(f"{move.member} 组织关系{word[0]}（{move.letter}）",
                      f"{move.member} {word[1]} ({move.letter})", f"member.transfer-{move.direction}",
                      (move.member,))
    edits: list[tuple[JsonPath, Any]] = [(("transfers", APPEND), entry), (("status",), status),
                                         (("status_since",), move.on.isoformat())]
    return _change(repo, move.member, "member", edits, message, options)
