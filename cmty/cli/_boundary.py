"""The one place where exceptions become messages and exit codes."""

from __future__ import annotations

import sys
import traceback

import typer

from cmty.errors import CmtyError, ExitCode


def _lang(argv: list[str]) -> str:
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            return argv[i + 1]
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
    return "zh"


def run(app: typer.Typer, argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    show_traceback = "--traceback" in args
    if show_traceback:  # accepted anywhere on the line, not only before the command
        args = ["--traceback", *[a for a in args if a != "--traceback"]]
    lang = _lang(args)
    command = typer.main.get_command(app)
    try:
        result = command.main(args=args, prog_name="cmty", standalone_mode=False)
    except CmtyError as exc:
        if show_traceback:
            raise
        label = "错误" if lang == "zh" else "error"
        typer.echo(f"{label}: {exc.message.get(lang)}", err=True)
        for detail in exc.details:
            typer.echo(f"  {detail.get(lang)}", err=True)
        if exc.hint is not None:
            typer.echo(f"{'提示' if lang == 'zh' else 'hint'}: {exc.hint.get(lang)}", err=True)
        return int(exc.exit_code)
    except typer.Exit as exc:
        return int(exc.exit_code)
    except typer.Abort:
        typer.echo("已取消 / aborted", err=True)
        return 130
    except KeyboardInterrupt:
        return 130
    except Exception as exc:
        if _is_usage_error(exc):
            exc.show()  # type: ignore[attr-defined]
            return int(ExitCode.USAGE)
        if show_traceback:
            raise
        typer.echo("cmty 内部错误（这是 cmty 的缺陷，请报告；加 --traceback 查看详情） / "
                   "internal error in cmty (a bug; please report it; --traceback shows details)",
                   err=True)
        typer.echo("".join(traceback.format_exception_only(*sys.exc_info()[:2])).strip(),
                   err=True)
        return int(ExitCode.INTERNAL)
    return int(result) if isinstance(result, int) else 0


def _is_usage_error(exc: Exception) -> bool:
    # typer's bundled click raises its own ClickException types; they all have show().
    return callable(getattr(exc, "show", None)) and hasattr(exc, "exit_code")
