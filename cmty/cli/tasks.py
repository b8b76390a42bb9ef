"""`cmty voucher …` and `cmty member …`: the task verbs, each one commit."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from cmty.cli._common import Lang, LangOption, out, parse_day, repo_from

if TYPE_CHECKING:  # the library is imported per command: `cmty --help` stays fast
    from cmty.transaction import Outcome

voucher_app = typer.Typer(help="凭证 / Vouchers.", no_args_is_help=True)
member_app = typer.Typer(help="党员 / Party members.", no_args_is_help=True)

ForceOption = Annotated[bool, typer.Option("--force", help="即使会带来错误也保存 / save anyway")]
NoCommitOption = Annotated[bool, typer.Option("--no-commit", help="只暂存 / stage only")]
AuthorOption = Annotated[str | None, typer.Option("--author", help="提交作者 / commit author")]
OnOption = Annotated[str | None, typer.Option("--on", help="日期 YYYY-MM-DD，默认今天 / date")]


def _done(outcome: Outcome, lang: Lang) -> None:
    from cmty.render.edits import as_text

    out(as_text(outcome, lang.value))


@voucher_app.command("add")
def voucher_add(
    ctx: typer.Context,
    pairs: Annotated[list[str] | None, typer.Argument(metavar="[FIELD=VALUE...]")] = None,
    from_file: Annotated[Path | None, typer.Option("--from", help="YAML 文件 / a YAML file")] = None,
    force: ForceOption = False, no_commit: NoCommitOption = False, author: AuthorOption = None,
    lang: LangOption = Lang.zh,
) -> None:
    """新增凭证（自动编号） / Add a voucher (numbered automatically)."""
    from cmty.edit import Options, add_record, fields_from

    fields = fields_from(pairs or [], from_file, "voucher")
    _done(add_record(repo_from(ctx), "voucher", fields, Options(force, no_commit, author)), lang)


@voucher_app.command("approve")
def voucher_approve(
    ctx: typer.Context,
    voucher: Annotated[str, typer.Argument(metavar="ID", help="凭证号 / voucher id")],
    role: Annotated[str, typer.Option("--as", help="审批角色，如 书记 / role, e.g. 书记")],
    person: Annotated[str, typer.Option("--by", help="审批人姓名 / who approves")],
    on: OnOption = None,
    force: ForceOption = False, no_commit: NoCommitOption = False, author: AuthorOption = None,
    lang: LangOption = Lang.zh,
) -> None:
    """在凭证上加一个审批（联签） / Add an approval to a voucher."""
    from cmty.edit import Options
    from cmty.tasks import approve_voucher

    outcome = approve_voucher(repo_from(ctx), voucher, role, person, parse_day(on),
                              Options(force, no_commit, author))
    _done(outcome, lang)


@member_app.command("status")
def member_status(
    ctx: typer.Context,
    member: Annotated[str, typer.Argument(metavar="ID", help="党员编号 / member id")],
    status: Annotated[str, typer.Argument(help="预备党员 正式党员 转出 停止党籍 去世 出党 除名")],
    on: OnOption = None,
    force: ForceOption = False, no_commit: NoCommitOption = False, author: AuthorOption = None,
    lang: LangOption = Lang.zh,
) -> None:
    """改变党籍状态 / Change a member's status."""
    from cmty.edit import Options
    from cmty.tasks import set_status

    _done(set_status(repo_from(ctx), member, status, parse_day(on) or date.today(), Options(force, no_commit, author)),
          lang)


@member_app.command("transfer")
def member_transfer(
    ctx: typer.Context,
    member: Annotated[str, typer.Argument(metavar="ID", help="党员编号 / member id")],
    letter: Annotated[str, typer.Option("--letter", help="介绍信编号 / letter number")],
    out_: Annotated[bool, typer.Option("--out", help="转出 / transfer out")] = False,
    in_: Annotated[bool, typer.Option("--in", help="转入 / transfer in")] = False,
    org: Annotated[str | None, typer.Option(
        "--org", help="转往或来自的党组织 / organisation to or from")] = None,
    paid_up_to: Annotated[str | None, typer.Option(
        "--paid-up-to", help="党费交至 YYYY-MM / dues paid up to")] = None,
    on: OnOption = None,
    force: ForceOption = False, no_commit: NoCommitOption = False, author: AuthorOption = None,
    lang: LangOption = Lang.zh,
) -> None:
    """组织关系接转（带介绍信编号） / Transfer a member's party relationship out or in."""
    from cmty.edit import Options
    from cmty.errors import UsageError
    from cmty.findings import Text
    from cmty.tasks import Transfer, transfer

    if out_ == in_:
        raise UsageError(Text("--out 和 --in 选且只选一个", "give exactly one of --out and --in"))
    move = Transfer(member, "out" if out_ else "in", parse_day(on) or date.today(), letter, org,
                    paid_up_to)
    _done(transfer(repo_from(ctx), move, Options(force, no_commit, author)), lang)


def register(app: typer.Typer) -> None:
    app.add_typer(voucher_app, name="voucher")
    app.add_typer(member_app, name="member")
