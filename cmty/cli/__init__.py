"""The `cmty` command line: a thin shell over the library, one module per command group."""

from __future__ import annotations

import gc
import importlib
import sys
from pathlib import Path
from typing import Annotated

import typer

from cmty import __version__
from cmty.cli import _boundary
from cmty.cli._common import State

# Command → the module that registers it. A run builds only the module its command needs:
# typer inspects every registered command's signature on each run, which for all of them costs
# more than the rest of start-up.
COMMANDS: dict[str, str] = {
    "validate": "validate", "list": "query", "show": "query", "check-id": "checkid",
    "init": "init", "history": "history", "blame": "history", "log": "history",
    "set": "edit", "unset": "edit", "add": "edit", "rm": "edit", "fee": "fee",
    "voucher": "tasks", "member": "tasks", "remind": "remind", "fund": "fund", "assess": "assess", "board": "board",
}
_OPTIONS_WITH_VALUES = ("--repo",)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"cmty {__version__}")
        raise typer.Exit()


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


def build(modules: list[str]) -> typer.Typer:
    """The application with the commands of `modules` registered."""
    built = typer.Typer(
        name="cmty",
        help="社区内部管理记录工具 / Community records kept as YAML in git.",
        no_args_is_help=True,
        add_completion=False,
        pretty_exceptions_enable=False,
        rich_markup_mode=None,
    )
    built.callback()(_root)
    for name in dict.fromkeys(modules):
        importlib.import_module(f"cmty.cli.{name}").register(built)
    return built


app = build(list(COMMANDS.values()))


def _command(args: list[str]) -> str | None:
    skip = False
    for arg in args:
        if skip:
            skip = False
        elif arg in _OPTIONS_WITH_VALUES:
            skip = True
        elif not arg.startswith("-"):
            return arg
    return None


def _prefetch(args: list[str]) -> None:
    """For `cmty validate` of the work tree, start git listing the data repository before the
    command's modules are imported (cmty.gitio.prefetch_inventory)."""
    if _command(args) != "validate" or any(a == "--at" or a.startswith("--at=") for a in args):
        return
    from cmty import gitio
    from cmty.errors import CmtyError
    from cmty.repo import find_repo

    given = next((args[i + 1] for i, a in enumerate(args[:-1]) if a == "--repo"), None)
    given = given or next((a.split("=", 1)[1] for a in args if a.startswith("--repo=")), None)
    try:
        gitio.prefetch_inventory(find_repo(explicit=given).root)
    except CmtyError:
        return  # the command itself will say what is wrong


def main(argv: list[str] | None = None) -> None:
    # One command, then the process ends: what it builds is kept until then, so the cyclic
    # collector would only scan it (0.3 s after one changed file on a street, 1 s cold).
    gc.disable()
    args = list(sys.argv[1:] if argv is None else argv)
    _prefetch(args)
    module = COMMANDS.get(_command(args) or "")
    sys.exit(_boundary.run(build([module]) if module else app, args))
