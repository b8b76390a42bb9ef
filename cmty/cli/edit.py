"""`cmty set`, `unset`, `add` and `rm`: each edit is one commit."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from cmty.cli._common import Lang, LangOption, out, repo_from

if TYPE_CHECKING:  # the library is imported per command: `cmty --help` stays fast
    from cmty.edit import Options
    from cmty.transaction import Outcome

ForceOption = Annotated[bool, typer.Option(
    "--force", help="即使会带来错误也保存 / save even if it adds errors")]
NoCommitOption = Annotated[bool, typer.Option(
    "--no-commit", help="只暂存，不提交 / stage the change without committing")]
AuthorOption = Annotated[str | None, typer.Option(
    "--author", help="提交作者 \"姓名 <email>\" / commit author")]


def _options(force: bool, no_commit: bool, author: str | None) -> Options:
    from cmty.edit import Options

    return Options(force=force, no_commit=no_commit, author=author)


def _report(outcome: Outcome, lang: Lang) -> None:
    from cmty.render.edits import as_text

    out(as_text(outcome, lang.value))


def set_command(
    ctx: typer.Context,
    record_id: Annotated[str, typer.Argument(metavar="ID", help="记录编号 / record id")],
    assignments: Annotated[list[str], typer.Argument(
        metavar="FIELD=VALUE...", help="字段=值，嵌套用点号 / field=value, dotted for nesting")],
    force: ForceOption = False, no_commit: NoCommitOption = False, author: AuthorOption = None,
    lang: LangOption = Lang.zh,
) -> None:
    """修改记录的字段 / Set fields of a record."""
    from cmty.edit import set_fields

    outcome = set_fields(repo_from(ctx), record_id, assignments,
                         _options(force, no_commit, author))
    _report(outcome, lang)


def unset_command(
    ctx: typer.Context,
    record_id: Annotated[str, typer.Argument(metavar="ID", help="记录编号 / record id")],
    field: Annotated[str, typer.Argument(metavar="FIELD", help="字段路径 / field path")],
    force: ForceOption = False, no_commit: NoCommitOption = False, author: AuthorOption = None,
    lang: LangOption = Lang.zh,
) -> None:
    """删除记录中的字段 / Remove a field from a record."""
    from cmty.edit import unset_field

    outcome = unset_field(repo_from(ctx), record_id, field,
                          _options(force, no_commit, author))
    _report(outcome, lang)


def add_command(
    ctx: typer.Context,
    kind: Annotated[str, typer.Argument(help="记录类型 / record kind")],
    pairs: Annotated[list[str] | None, typer.Argument(
        metavar="[FIELD=VALUE...]", help="字段=值 / field=value")] = None,
    from_file: Annotated[Path | None, typer.Option(
        "--from", help="从 YAML 文件读取字段 / read the fields from a YAML file")] = None,
    force: ForceOption = False, no_commit: NoCommitOption = False, author: AuthorOption = None,
    lang: LangOption = Lang.zh,
) -> None:
    """新增一条记录（未给编号时自动编号） / Add a record (id assigned when not given)."""
    from cmty.edit import add_record, fields_from

    fields = fields_from(pairs or [], from_file, kind)
    outcome = add_record(repo_from(ctx), kind, fields,
                         _options(force, no_commit, author))
    _report(outcome, lang)


def rm_command(
    ctx: typer.Context,
    record_id: Annotated[str, typer.Argument(metavar="ID", help="记录编号 / record id")],
    force: ForceOption = False, no_commit: NoCommitOption = False, author: AuthorOption = None,
    lang: LangOption = Lang.zh,
) -> None:
    """删除一条未被引用的记录 / Remove a record nothing refers to."""
    from cmty.edit import remove_record

    outcome = remove_record(repo_from(ctx), record_id,
                            _options(force, no_commit, author))
    _report(outcome, lang)


def register(app: typer.Typer) -> None:
    app.command("set")(set_command)
    app.command("unset")(unset_command)
    app.command("add")(add_command)
    app.command("rm")(rm_command)
