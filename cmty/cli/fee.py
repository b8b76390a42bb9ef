"""`cmty fee`: what a member owes (`calc`) and recording a payment (`pay`)."""

from __future__ import annotations

import json
from enum import StrEnum
from typing import Annotated

import typer

from cmty.cli._common import Lang, LangOption, State, out, parse_day, parse_month, repo_from

fee_app = typer.Typer(help="党费 / Party dues.", no_args_is_help=True)


class Format(StrEnum):
    text = "text"
    json = "json"


@fee_app.command("calc")
def calc(
    ctx: typer.Context,
    kind: Annotated[str, typer.Option(
        "--kind", help="类别：在职 离退休 农民 学生 失业 低保 / in-service retired farmer student "
        "unemployed low-income")],
    base: Annotated[str | None, typer.Option(
        "--base", help="月计算基数（元） / monthly base (yuan)")] = None,
    fmt: Annotated[Format, typer.Option("--format", help="输出格式 / format")] = Format.text,
    lang: LangOption = Lang.zh,
) -> None:
    """按类别和基数计算每月党费 / The monthly due for a fee kind and base (F3, F5–F7)."""
    from cmty import config, fees
    from cmty.repo import find_repo

    state: State = ctx.obj
    parameters = find_repo(explicit=state.repo).config.parameters if state.repo else \
        config.defaults()
    due = fees.monthly_due(kind, fees.money(base) if base is not None else None, parameters)
    if fmt is Format.json:
        out(json.dumps({"kind": due.kind, "base": None if due.base is None else f"{due.base:.2f}",
                        "fee": f"{due.amount:.2f}", "rate": None if due.rate is None
                        else str(due.rate), "rule": due.rule,
                        "explanation": {"zh": due.why.zh, "en": due.why.en}},
                       ensure_ascii=False, indent=2) + "\n")
    else:
        out(f"{due.amount:.2f}\t{due.rule}\t{due.why.get(lang.value)}\n")


@fee_app.command("pay")
def pay(
    ctx: typer.Context,
    member: Annotated[str, typer.Argument(metavar="MEMBER", help="党员编号 / member id")],
    month: Annotated[str, typer.Option("--month", help="所交（第一个）月份 YYYY-MM / first month")],
    months: Annotated[int, typer.Option("--months", help="连续交几个月 / how many months")] = 1,
    amount: Annotated[str | None, typer.Option(
        "--amount", help="金额，默认按基数计算 / amount; default: the computed due")] = None,
    paid_on: Annotated[str | None, typer.Option(
        "--on", help="交纳日期，默认今天 / date paid; default today")] = None,
    method: Annotated[str, typer.Option("--method", help="现金 微信 支付宝 银行转账 其他")] = "现金",
    collector: Annotated[str | None, typer.Option(
        "--collector", help="收缴人（新建当月文件时） / collector, for a new month's file")] = None,
    paid_by: Annotated[str | None, typer.Option(
        "--paid-by", help="代交人 / paid by (a relative or another member)")] = None,
    force: Annotated[bool, typer.Option("--force", help="已交的月份也登记 / even if paid")] = False,
    no_commit: Annotated[bool, typer.Option("--no-commit", help="只暂存 / stage only")] = False,
    author: Annotated[str | None, typer.Option("--author", help="提交作者 / commit author")] = None,
    lang: LangOption = Lang.zh,
) -> None:
    """登记党费交纳并提交 / Record a dues payment as a commit."""
    from cmty.edit import Options
    from cmty.feepay import Payment
    from cmty.feepay import pay as record_payment
    from cmty.render.edits import as_text

    payment = Payment(member, parse_month(month), months, amount, parse_day(paid_on), method, collector,
                      paid_by)
    outcome = record_payment(repo_from(ctx), payment, Options(force, no_commit, author))
    out(as_text(outcome, lang.value))


@fee_app.command("due")
def due(
    ctx: typer.Context,
    member: Annotated[str, typer.Argument(metavar="MEMBER", help="党员编号 / member id")],
    month: Annotated[str | None, typer.Option(
        "--month", help="月份 YYYY-MM，默认本月 / month; default this month")] = None,
    fmt: Annotated[Format, typer.Option("--format", help="输出格式 / format")] = Format.text,
    lang: LangOption = Lang.zh,
) -> None:
    """某党员某月应交党费及计算依据 / A member's due for a month, and how it is reached."""
    from cmty import fees
    from cmty.query import find_record

    repo = repo_from(ctx)
    record = find_record(repo, member)
    when = parse_month(month)
    result = fees.member_due(record.data, when, repo.config.parameters)
    if fmt is Format.json:
        out(json.dumps({"member": record.id, "month": when, "fee": f"{result.amount:.2f}",
                        "kind": result.kind, "rule": result.rule,
                        "explanation": {"zh": result.why.zh, "en": result.why.en}},
                       ensure_ascii=False, indent=2) + "\n")
    else:
        out(f"{record.id}\t{when}\t{result.amount:.2f}\t{result.rule}\t"
            f"{result.why.get(lang.value)}\n")


@fee_app.command("arrears")
def arrears(
    ctx: typer.Context,
    as_of: Annotated[str | None, typer.Option(
        "--as-of", help="截至月份 YYYY-MM 或日期，默认本月 / up to this month; default now")] = None,
    fmt: Annotated[Format, typer.Option("--format", help="输出格式 / format")] = Format.text,
    reveal: Annotated[bool, typer.Option("--reveal", help="显示姓名 / show names")] = False,
    lang: LangOption = Lang.zh,
) -> None:
    """连续未交党费的党员（F14：3 个月提醒，6 个月有自行脱党风险） / Members in arrears."""
    from dataclasses import asdict

    from cmty.arrears import arrears as find_arrears
    from cmty.masking import mask_name

    until = parse_month(as_of)
    found = find_arrears(repo_from(ctx), until)
    rows = [{**asdict(a), "name": a.name if reveal else mask_name(a.name),
             "owed": f"{a.owed:.2f}", "unpaid": list(a.unpaid),
             "why": {"zh": a.why.zh, "en": a.why.en}} for a in found]
    if fmt is Format.json:
        out(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
        return
    for row in rows:
        out(f"{row['member']}\t{row['name']}\t{row['org']}\t{row['consecutive']}\t"
            f"{row['owed']}\t{row['level']}\t{row['why'][lang.value]}\n")


def register(app: typer.Typer) -> None:
    app.add_typer(fee_app, name="fee")
