"""`cmty fee pay`: record a member's dues payment in the month's collection file, as a commit."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from cmty import fees, textedit, yamlio, yamltext
from cmty.edit import Options
from cmty.errors import UsageError
from cmty.findings import Text
from cmty.kinds import BY_NAME
from cmty.query import find_record, records
from cmty.repo import Repo
from cmty.transaction import Changes, EditRefused, Message, Outcome, apply

FEE = BY_NAME["fee"]


@dataclass(frozen=True)
class Payment:
    member: str
    month: str  # the first month paid for, YYYY-MM
    months: int = 1
    amount: str | None = None  # default: the computed due for those months
    paid_on: date | None = None
    method: str = "现金"
    collector: str | None = None
    paid_by: str | None = None


def pay(repo: Repo, payment: Payment, options: Options) -> Outcome:
    if payment.months < 1:
        raise UsageError(Text("--months 至少为 1", "--months must be at least 1"))

    def make() -> tuple[Changes, Message]:
        member = find_record(repo, payment.member)
        if member.kind != "member":
            raise UsageError(Text(f"{payment.member} 不是党员", f"{payment.member} is not a member"))
        months = fees.months_from(payment.month, payment.months)
        if not options.force:
            _refuse_paid(repo, member.id, months)
        amount = _amount(repo, member.data, months, payment.amount)
        paid_on = payment.paid_on or date.today()
        entry: dict[str, Any] = {"member": member.id, "months": months, "amount": f"{amount:.2f}",
                                 "paid_on": paid_on.isoformat(), "method": payment.method}
        if payment.paid_by:
            entry["paid_by"] = payment.paid_by
        rel, text = _collection(repo, member.data, paid_on, payment.collector)
        if text is None:
            text = _new_collection(repo, rel, member.data, paid_on, payment.collector, entry)
        else:
            count = len(yamlio.load_text(text).get("entries") or [])
            text = textedit.set_value(text, ("entries", count), entry)
        span = months[0] if len(months) == 1 else f"{months[0]}…{months[-1]}"
        message = Message(f"收缴党费 {member.id} {span} {amount:.2f} 元",
                          f"fee paid {member.id} {span} {amount:.2f}", "fee.pay",
                          (member.id, rel.removeprefix(FEE.folder + "/").removesuffix(".yaml")))
        return {rel: text.encode("utf-8")}, message

    return apply(repo, make, force=options.force, no_commit=options.no_commit,
                 author=options.author)


def _refuse_paid(repo: Repo, member: str, months: list[str]) -> None:
    for record in records(repo, FEE):
        for i, entry in enumerate(record.data.get("entries") or []):
            if not isinstance(entry, dict) or entry.get("member") != member:
                continue
            paid = sorted(set(months) & set(entry.get("months") or []))
            if paid:
                raise EditRefused(
                    Text(f"{member} 的 {'、'.join(paid)} 党费已交（{record.file} 第 {i + 1} 条）",
                         f"{member} has already paid for {', '.join(paid)} ({record.file}, "
                         f"entry {i + 1})"),
                    Text("确需重复登记可加 --force", "use --force to record it again anyway"))


def _amount(repo: Repo, member: dict[str, Any], months: list[str], given: str | None) -> Decimal:
    if given is not None:
        return fees.money(given).quantize(fees.FEN)
    parameters = repo.config.parameters
    return sum((fees.member_due(member, m, parameters).amount for m in months), Decimal("0"))


def _collection(repo: Repo, member: dict[str, Any], paid_on: date, collector: str | None
                ) -> tuple[str, str | None]:
    """The collection file for the month of payment (per branch where the repository is that
    way), and its text if it exists already."""
    period = paid_on.strftime("%Y-%m")
    org = str(member.get("org") or "")
    per_branch = bool(org) and (repo.root / FEE.folder / org).is_dir()
    rel = f"{FEE.folder}/{org}/{period}.yaml" if per_branch else f"{FEE.folder}/{period}.yaml"
    path = repo.root / rel
    return rel, path.read_bytes().decode("utf-8") if path.exists() else None


def _new_collection(repo: Repo, rel: str, member: dict[str, Any], paid_on: date,
                    collector: str | None, entry: dict[str, Any]) -> str:
    per_branch = rel.count("/") > 2
    org = str(member.get("org") or "")
    who = collector or _last_collector(repo, org if per_branch else None)
    if who is None:
        raise UsageError(Text(f"{rel} 还不存在，需要指定收缴人", f"{rel} does not exist yet: name "
                              "the collector"), Text("加上 --collector M0003", "add --collector M0003"))
    head: dict[str, Any] = {"period": paid_on.strftime("%Y-%m")}
    if per_branch:
        head["org"] = org
    head["collector"] = who
    return yamltext.block(head, 0) + "entries:\n" + yamltext.block([entry], 2)


def _last_collector(repo: Repo, org: str | None) -> str | None:
    latest = [r for r in records(repo, FEE) if org is None or r.data.get("org") == org]
    latest.sort(key=lambda r: str(r.data.get("period", "")))
    return str(latest[-1].data["collector"]) if latest and latest[-1].data.get("collector") else None
