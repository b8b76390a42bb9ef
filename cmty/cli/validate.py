"""`cmty validate`: check the data repository and report every finding."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from cmty.cli._common import Lang, LangOption, out, parse_day, repo_from
from cmty.errors import ExitCode


class Format(StrEnum):
    text = "text"
    json = "json"
    github = "github"
    sarif = "sarif"
    junit = "junit"


class FailOn(StrEnum):
    error = "error"
    warning = "warning"


def validate(
    ctx: typer.Context,
    paths: Annotated[list[Path] | None, typer.Argument(
        help="只报告这些文件或目录 / report only these files or folders")] = None,
    fmt: Annotated[Format, typer.Option("--format", help="输出格式 / output format")] = Format.text,
    fail_on: Annotated[FailOn, typer.Option(
        "--fail-on", help="达到此级别即以 1 退出 / exit 1 at this severity")] = FailOn.error,
    lang: LangOption = Lang.zh,
    no_cache: Annotated[bool, typer.Option(
        "--no-cache", help="不使用缓存 / ignore the cache")] = False,
    at: Annotated[str | None, typer.Option(
        "--at", help="检查某个版本（提交号或日期 YYYY-MM-DD） / check a past revision or date")] = None,
    as_of: Annotated[str | None, typer.Option(
        "--as-of", help="按此日期判断期限 YYYY-MM-DD，默认今天 / judge deadlines as of this date")] = None,
) -> None:
    """检查数据文件 / Validate the records against the schemas and rules."""
    from cmty.findings import Severity
    from cmty.render import findings as render
    from cmty.validate import validate_repo

    repo = repo_from(ctx)
    report = validate_repo(repo, repo.relative(paths or []), use_cache=not no_cache, at=at,
                           today=parse_day(as_of))
    if fmt is Format.json:
        out(render.as_json(report.findings))
    elif fmt is Format.github:
        out(render.as_github(report.findings, lang.value, repo.prefix_in_git()))
    elif fmt is Format.sarif:
        from cmty.render.ci import as_sarif

        out(as_sarif(report.findings, lang.value, repo.prefix_in_git()))
    elif fmt is Format.junit:
        from cmty.render.ci import as_junit

        out(as_junit(report.findings, report.checked, lang.value))
    else:
        out(render.as_text(report.findings, lang.value))
        out(render.summary(report.findings, report.files, report.records, lang.value))
    if report.fails(Severity.parse(fail_on.value)):
        raise typer.Exit(int(ExitCode.FINDINGS))


def register(app: typer.Typer) -> None:
    app.command("validate")(validate)
