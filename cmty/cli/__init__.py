"""The `cmty` command line: a thin shell over the library, one module per command group."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from cmty import __version__
from cmty.cli import _boundary
from cmty.cli._common import State

app = typer.Typer(
    name="cmty",
    help="社区内部管理记录工具 / Community records kept as YAML in git.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"cmty {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    ctx: typer.Context,
    repo: Annotated[Path | None, typer.Option(
        "--repo", help="数据仓库目录（默认从当前目录向上查找 cmty.yaml） / data repository")] = None,
    traceback: Annotated[bool, typer.Option(
        "--traceback", help="出错时显示调用栈（调试用） / show a traceback on error")] = False,
    version: Annotated[bool, typer.Option(
        "--version", callback=_version, is_eager=True, help="显示版本 / show the version")] = False,
) -> None:
    ctx.obj = State(repo=repo, traceback=traceback)


def _register() -> None:
    from cmty.cli import checkid, edit, fee, history, init, query, tasks, validate

    validate.register(app)
    query.register(app)
    checkid.register(app)
    init.register(app)
    history.register(app)
    edit.register(app)
    fee.register(app)
    tasks.register(app)


_register()


def main(argv: list[str] | None = None) -> None:
    sys.exit(_boundary.run(app, argv))
