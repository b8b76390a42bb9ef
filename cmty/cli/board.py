"""`cmty board`: public boards rendered from the records, masked, checked for leaks; published
with a seal (`publish`), and compared with what was published (`diff`)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from cmty.cli._common import Lang, LangOption, RevealOption, out, parse_day, repo_from

if TYPE_CHECKING:
    from cmty.repo import Repo
    from cmty.rules.base import Records

board_app = typer.Typer(help="公开栏：财务、党费收缴、居务、党务公开 / Public boards.",
                        invoke_without_command=True)

KIND_HELP = {
    "finance": "财务公开：各资金期初、逐笔收支、期末与核对 / finance board",
    "dues": "党费收缴公示：各支部每月应交、已交、收缴率 / party dues board",
    "residents": "居务公开：居民（代表）会议决定、听证、联席会议、诉求办理 / residents' affairs board",
    "party": "党务公开：换届选举、发展党员公示、民主评议、三会一课 / party affairs board",
}


class Format(StrEnum):
    md = "md"
    html = "html"


PeriodOption = Annotated[str, typer.Option("--period", help="期间，如 2026Q3、2026-09 / period")]
OutOption = Annotated[Path | None, typer.Option(
    "--out", help="写入此目录（文件名 期间-类别.md），默认输出到屏幕 / write into this folder")]
AsOfOption = Annotated[str | None, typer.Option(
    "--as-of", help="以此日期计算（未结束的月份不计） YYYY-MM-DD / reckon as of this day")]
FormatOption = Annotated[Format, typer.Option("--format", help="md 或 html（A4 打印） / md or html")]


def _records(repo: Repo, today: date) -> Records:
    from cmty import boards
    from cmty.collect import load_records

    return load_records(repo, boards.KINDS_READ, today)


def _make(ctx: typer.Context, kinds: list[str], period: str, as_of: str | None, lang: Lang,
          fmt: Format, reveal: bool) -> dict[str, str]:
    """Every board asked for, made before any is written: a refusal leaves nothing behind."""
    from cmty import boards
    from cmty.board import BoardError
    from cmty.errors import UsageError

    today = parse_day(as_of) or date.today()
    records = _records(repo_from(ctx), today)
    try:
        return {kind: boards.render(records, kind, period, today, lang.value, fmt=fmt.value,
                                    reveal=reveal) for kind in kinds}
    except BoardError as exc:
        raise UsageError(exc.message, exc.hint) from None


def _write(made: dict[str, str], folder: Path | None, period: str, fmt: Format) -> None:
    """Print the boards, or write them into `folder`: every file or none."""
    from cmty.errors import UsageError
    from cmty.findings import Text
    from cmty.transaction import write_all

    if folder is None:
        for text in made.values():
            out(text)
        return
    targets = {folder / f"{period}-{kind}.{fmt.value}": text.encode("utf-8") for kind, text in made.items()}
    try:
        write_all(targets)
    except OSError as exc:
        raise UsageError(Text(f"无法写入 {exc.filename}：{exc.strerror}，未写入任何公开",
                              f"cannot write {exc.filename}: {exc.strerror}; no board was written"),
                         Text("换一个目录（--out），或检查该路径", "choose another folder (--out) or check "
                              "that path")) from None
    for target in targets:
        out(f"{target}\n")


def _need_period(period: str) -> None:
    from cmty.errors import UsageError
    from cmty.findings import Text

    if not period:
        raise UsageError(Text("缺少 --period", "--period is missing"),
                         Text("例如 cmty board finance --period 2026Q3", "e.g. cmty board finance --period 2026Q3"))


def _kind_command(kind: str) -> Callable[..., None]:
    def command(ctx: typer.Context, period: PeriodOption = "", out_dir: OutOption = None,
                as_of: AsOfOption = None, lang: LangOption = Lang.zh, fmt: FormatOption = Format.md,
                reveal: RevealOption = False) -> None:
        _need_period(period)
        made = _make(ctx, [kind], period, as_of, lang, fmt, reveal)
        _write(made, out_dir, period, fmt)

    command.__doc__ = KIND_HELP[kind]
    return command


for _kind in KIND_HELP:
    board_app.command(_kind)(_kind_command(_kind))


@board_app.callback()
def boards_of_period(
    ctx: typer.Context,
    every: Annotated[bool, typer.Option(
        "--all", help="本期应公开的全部内容（写入 --out，默认 boards/期间） / every board due for the period")] = False,
    period: PeriodOption = "",
    out_dir: OutOption = None,
    as_of: AsOfOption = None,
    lang: LangOption = Lang.zh,
    fmt: FormatOption = Format.md,
) -> None:
    """按记录生成公开栏内容（个人信息已脱敏） / Public boards from the records, masked.

    cmty board KIND --period P 生成一种；cmty board --all --period P 生成全部。
    """
    from cmty import boards, seal
    from cmty.board import BoardError
    from cmty.errors import UsageError
    from cmty.findings import Text

    if ctx.invoked_subcommand is not None:
        return
    if not every or not period:
        raise UsageError(Text("给出一种公开类别和 --period，或用 --all --period",
                              "give a board kind and --period, or --all --period"),
                         Text("例如 cmty board finance --period 2026Q3", "e.g. cmty board finance --period 2026Q3"))
    try:
        due = boards.due_kinds(repo_from(ctx).config, period)
    except BoardError as exc:
        raise UsageError(exc.message, exc.hint) from None
    repo = repo_from(ctx)
    if out_dir is None and (sealed := seal.published(repo, period)) is not None:
        raise UsageError(Text(f"{period} 已发布（{sealed.tag}），不能覆盖 boards/{period}/ 中已封存的公开",
                              f"{period} was published ({sealed.tag}); its sealed boards in boards/{period}/ "
                              "are not overwritten"),
                         Text(f"写到别处（--out 目录），或看有何不同：cmty board diff {period}",
                              f"write elsewhere (--out DIR), or see what differs: cmty board diff {period}"))
    made = _make(ctx, due, period, as_of, lang, fmt, False)
    _write(made, out_dir or repo.root / "boards" / period, period, fmt)


@board_app.command("publish")
def publish(ctx: typer.Context, period: PeriodOption = "", as_of: AsOfOption = None,
            lang: LangOption = Lang.zh) -> None:
    """发布本期全部公开：写入 boards/期间、提交并打标签 board/期间 / Publish and seal a period's boards."""
    from cmty import seal
    from cmty.render.edits import as_text

    _need_period(period)
    repo = repo_from(ctx)
    today = parse_day(as_of) or date.today()
    done = seal.publish(repo, _records(repo, today), period, today, lang.value)
    out(as_text(done.outcome, lang.value))
    signed = ("（已签名）" if lang == Lang.zh else " (signed)") if done.signed else ""
    out(f"已建标签 {done.tag}{signed}：封存 {len(done.outcome.files)} 个公开栏及其依据的 {done.covers} 个记录文件\n"
        if lang == Lang.zh else f"tagged {done.tag}{signed}: {len(done.outcome.files)} boards and the "
        f"{done.covers} record files they show are sealed\n")


@board_app.command("diff")
def diff(ctx: typer.Context, period: Annotated[str, typer.Argument(help="期间 / period")]) -> None:
    """与已发布的公开比较：若现在重新生成会有何不同 / What re-rendering a published period would change."""
    from cmty import seal
    from cmty.board import BoardError
    from cmty.errors import UsageError
    from cmty.findings import Text

    repo = repo_from(ctx)
    found = seal.published(repo, period)
    if found is None:
        tag = seal.tag_name(repo, period)
        raise UsageError(Text(f"{period} 尚未发布（没有标签 {tag}）",
                              f"{period} has not been published (no tag {tag})"),
                         Text(f"发布：cmty board publish --period {period}",
                              f"publish it: cmty board publish --period {period}"))
    try:
        changed = seal.diff(repo, _records(repo, found.as_of), found)
    except BoardError as exc:
        raise UsageError(exc.message, exc.hint) from None
    if not changed:
        out(f"{period}：重新生成与已发布内容一致 / re-rendering gives what was published\n")
        return
    for text in changed.values():
        out(text)
    raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    app.add_typer(board_app, name="board")
