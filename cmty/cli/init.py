"""`cmty init`: create a new data repository (the work is in `cmty.scaffold`)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from cmty.cli._common import Lang, LangOption, out


def init(
    target: Annotated[Path, typer.Argument(
        help="新数据仓库的目录（不存在或为空） / folder for the new repository (new or empty)")],
    name: Annotated[str, typer.Option("--name", help="社区名称 / community name")],
    code: Annotated[str, typer.Option(
        "--code", help="12 位统计用区划代码 / 12-digit statistical division code")],
    level: Annotated[str, typer.Option(
        "--level", help="社区类别：城市社区 或 涉农社区 / kind of community")] = "城市社区",
    street: Annotated[str | None, typer.Option(
        "--street", help="所属街道（乡镇） / street or township")] = None,
    cmty_version: Annotated[str | None, typer.Option(
        "--cmty-version", help="CI 安装的 cmty 版本（默认当前版本），或 pip 能安装的网址、路径 / "
        "cmty version CI installs (default: this one), or a URL or path pip can install")] = None,
    lang: LangOption = Lang.zh,
) -> None:
    """新建数据仓库 / Create a new data repository, with CI, and commit it."""
    from cmty.scaffold import cmty_requirement, init_repo

    files = init_repo(target, name, code, level, street, cmty_requirement(cmty_version))
    out(_report(target.expanduser().resolve(), files, lang))


def _report(root: Path, files: list[str], lang: Lang) -> str:
    listing = "".join(f"  {rel}\n" for rel in files)
    if lang is Lang.zh:
        return (f"已在 {root} 新建数据仓库并完成首次提交，写入 {len(files)} 个文件：\n{listing}"
                "下一步：\n"
                "  1. 在 cmty.yaml 的 roles 中填写各角色的人员，按本社区实际修改 parameters\n"
                "  2. 添加记录后运行 cmty validate，改一次提交一次\n"
                "  3. 推送到私有远程仓库：git remote add origin 网址 && git push -u origin main\n")
    return (f"created a data repository in {root} and made the first commit; "
            f"{len(files)} files:\n{listing}"
            "next:\n"
            "  1. fill in who holds each role under roles in cmty.yaml; adjust parameters\n"
            "  2. add records, run cmty validate, and commit each change\n"
            "  3. push to a private remote: git remote add origin URL && git push -u origin main\n")


def register(app: typer.Typer) -> None:
    app.command("init")(init)
