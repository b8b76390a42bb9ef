"""`cmty init` as a library call: a new data repository, committed and ready for CI.

This module owns what a fresh data repository starts with: the generated cmty.yaml (every role
and every parameter with its default, rule code and a bilingual comment), one folder per record
kind, .gitattributes and .gitignore, a README, and CI configuration for GitHub, GitLab and
Gitea/Forgejo filled in from the templates in `cmty/templates/`. It refuses, with a `UsageError`,
anything that could overwrite or nest inside existing work. Nothing here prints.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import Any

from cmty import __version__
from cmty.config import CONFIG_NAME, PARAMETERS, ROLE_NAMES, Parameter
from cmty.errors import CmtyError, UsageError
from cmty.findings import Text
from cmty.identifiers import check_division_code
from cmty.kinds import KINDS

__all__ = ["COMMIT_MESSAGE", "LEVELS", "GitFailedError", "cmty_requirement", "config_text",
           "init_repo"]

LEVELS: tuple[str, ...] = ("城市社区", "涉农社区")
COMMIT_MESSAGE = "初始化数据仓库 / initialise data repository"
FALLBACK_IDENTITY = {"user.name": "cmty", "user.email": "cmty@localhost"}

# Template file in cmty/templates → where it goes in the new repository. Template names carry no
# leading dot so that every packaging tool ships them.
TEMPLATES: tuple[tuple[str, str], ...] = (
    ("README.md", "README.md"),
    ("gitattributes", ".gitattributes"),
    ("gitignore", ".gitignore"),
    ("github-actions.yml", ".github/workflows/cmty.yml"),
    ("gitlab-ci.yml", ".gitlab-ci.yml"),
    ("gitea-actions.yml", ".gitea/workflows/cmty.yml"),
)

_GROUPS: dict[str, Text] = {
    "fees": Text("党费", "party dues"),
    "development": Text("发展党员", "recruiting party members"),
    "meetings": Text("组织生活", "party meetings"),
    "finance": Text("财务", "finance"),
    "disclosure": Text("公开", "public disclosure"),
    "foreigners": Text("境外人员", "foreign residents"),
    "residents": Text("居民", "residents"),
    "joint_meeting": Text("驻区单位联席会议", "joint meetings of resident units"),
    "grid": Text("网格化管理", "grid management"),
    "identifiers": Text("身份号码与手机号", "identifiers"),
    "limits": Text("cmty 运行限制", "limits of cmty itself"),
}

_ROLES: dict[str, Text] = {
    "书记": Text("党组织书记，审批支出", "party secretary, who approves expenses"),
    "副书记": Text("党组织副书记", "deputy party secretary"),
    "报账员": Text("报账员：经手报销、整理凭证的人", "bookkeeper who submits claims and vouchers"),
    "会计": Text("会计：记账的人（不得兼任出纳）", "accountant who keeps the books (not the cashier)"),
    "出纳": Text("出纳：保管现金和银行账户的人", "cashier who holds the cash and the bank account"),
    "民主理财小组": Text("民主理财小组成员，联签审核支出", "democratic finance group, who co-sign "
                       "expenses"),
    "监督委员会": Text("居（村）务监督委员会成员", "members of the supervisory committee"),
}

# Words some YAML parser (1.1 or 1.2) reads as something other than text.
_RESERVED = {"null", "true", "false", "yes", "no", "on", "off", "y", "n", "~"}
_PLAIN = re.compile(r"[A-Za-z\u4e00-\u9fff][A-Za-z0-9_\u4e00-\u9fff-]*")
_PLACEHOLDER = re.compile(r"\{\{([A-Z_]+)\}\}")
_VERSION = re.compile(r"[0-9]+(\.[0-9]+)*[0-9A-Za-z.+!-]*")
# Variables that would point git at some other repository than the one we create.
_GIT_LOCATION_VARS = ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_OBJECT_DIRECTORY",
                      "GIT_COMMON_DIR", "GIT_NAMESPACE", "GIT_PREFIX")


class GitFailedError(CmtyError):
    """git is missing, or one of the git commands that set up the repository failed."""


def cmty_requirement(version: str | None = None) -> str:
    """What CI should `pip install`: `cmty==VERSION` for a version, anything else as given.

    None pins the running version; a URL, a path or a full requirement passes through.
    """
    if version is None:
        return f"cmty=={__version__}"
    if _VERSION.fullmatch(version):
        return f"cmty=={version}"
    return version


def init_repo(target: Path, name: str, code: str, level: str = "城市社区",
              street: str | None = None, cmty_spec: str | None = None) -> list[str]:
    """Create and commit a new data repository at `target`; return the files written.

    The paths returned are repository-relative POSIX paths, in the order they were written.
    """
    name, street = name.strip(), (street or "").strip() or None
    _check_community(name, code, level)
    spec = cmty_spec if cmty_spec is not None else cmty_requirement()
    _check_spec(spec)
    target = Path(target).expanduser().resolve()
    _check_target(target)
    files = {CONFIG_NAME: config_text(name, code, level, street),
             **_template_files(name, spec),
             **{f"{kind.folder}/.gitkeep": "" for kind in KINDS}}
    target.mkdir(parents=True, exist_ok=True)
    _git(target, "init", "-q")
    # symbolic-ref instead of `init -b`, which git before 2.28 does not know.
    _git(target, "symbolic-ref", "HEAD", "refs/heads/main")
    for rel, text in files.items():
        path = target / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        # Bytes, so the files keep LF line endings on Windows too.
        path.write_bytes(text.encode("utf-8"))
    _git(target, "add", "--", *files)
    _git(target, "commit", "-q", "--no-verify", "-m", COMMIT_MESSAGE,
         config=_identity_config(target))
    return list(files)


# --- checks ------------------------------------------------------------------------------------


def _check_community(name: str, code: str, level: str) -> None:
    if len(name) < 2:
        raise UsageError(Text(f"社区名称 {name!r} 太短", f"community name {name!r} is too short"),
                         Text("用 --name 给出社区全称，如 --name 幸福里社区",
                              "give the full name with --name, e.g. --name 幸福里社区"))
    if level not in LEVELS:
        raise UsageError(
            Text(f"社区类别 {level!r} 无效，应为 {' 或 '.join(LEVELS)}",
                 f"kind of community {level!r} is invalid; use {' or '.join(LEVELS)}"),
            Text("城市社区：居民委员会；涉农社区：村民委员会或村改居社区",
                 "城市社区: an urban residents' committee; 涉农社区: a village or rural one"))
    _check_code(code)


def _check_code(code: str) -> None:
    verdict = check_division_code(code)
    errors = [issue for issue in verdict.issues if issue.severity == "error"]
    if errors:
        raise UsageError(
            Text(f"区划代码 {code!r} 有误：" + "；".join(i.zh for i in errors),
                 f"division code {code!r} is invalid: " + "; ".join(i.en for i in errors)),
            Text(errors[0].hint_zh, errors[0].hint_en))
    if len(code) != 12:
        raise UsageError(
            Text(f"区划代码 {code!r} 只有 {len(code)} 位；社区要用 12 位统计用区划代码",
                 f"division code {code!r} has {len(code)} digits; a community needs the 12-digit "
                 "statistical code"),
            Text("12 位代码含乡（街道）、村（社区）两级，见国家统计局统计用区划代码",
                 "the 12-digit code adds township and committee; see the NBS division codes"))


def _check_spec(spec: str) -> None:
    if not spec.strip() or any(ord(c) < 32 for c in spec):
        raise UsageError(
            Text(f"cmty 版本 {spec!r} 无效", f"cmty version {spec!r} is invalid"),
            Text("给出版本号（如 0.1.0）、pip 能安装的网址或路径",
                 "give a version (e.g. 0.1.0), or a URL or path pip can install"))


def _check_target(target: Path) -> None:
    """Refuse a folder that is a data repository, in a git work tree, a file, or not empty."""
    if (target / CONFIG_NAME).exists():
        raise UsageError(
            Text(f"{target} 已经是 cmty 数据仓库（已有 {CONFIG_NAME}）",
                 f"{target} is already a cmty data repository (it has {CONFIG_NAME})"),
            Text("直接在其中使用 cmty validate；要新建请换一个新目录",
                 "use cmty validate there; to start a new one, choose a new folder"))
    probe = target
    while not probe.exists():
        probe = probe.parent
    if not probe.is_dir():
        raise UsageError(Text(f"{probe} 是文件，不是目录", f"{probe} is a file, not a folder"),
                         Text("换一个新目录", "choose a new folder"))
    top = _work_tree_of(probe)
    if top is not None:
        raise UsageError(
            Text(f"{target} 位于 git 仓库 {top} 之内", f"{target} is inside the git repository "
                 f"{top}"),
            Text("数据仓库要有自己的 git 仓库：在任何 git 仓库之外选一个新目录",
                 "a data repository needs a git repository of its own: choose a new folder "
                 "outside any git repository"))
    if target.is_dir() and any(target.iterdir()):
        raise UsageError(
            Text(f"目录 {target} 不是空的", f"the folder {target} is not empty"),
            Text("给出一个不存在的或空的目录，cmty init 不会覆盖已有文件",
                 "give a folder that does not exist or is empty; cmty init overwrites nothing"))


def _work_tree_of(folder: Path) -> str | None:
    """The top of the git work tree `folder` is in, or None when it is in none."""
    done = _run_git(folder, "rev-parse", "--is-inside-work-tree")
    if done.returncode != 0 or done.stdout.strip() != b"true":
        return None
    top = _run_git(folder, "rev-parse", "--show-toplevel")
    return top.stdout.decode(errors="replace").strip() or str(folder)


# --- content -----------------------------------------------------------------------------------


def config_text(name: str, code: str, level: str, street: str | None) -> str:
    """cmty.yaml for a new community: identity, empty roles, every parameter at its default."""
    lines = [
        "# cmty 数据仓库配置 / cmty data repository configuration",
        "# 修改后运行 cmty validate 检查 / run cmty validate after editing",
        "",
        "community:",
        "  # 社区名称 / community name",
        f"  name: {_quoted(name)}",
        "  # 12 位统计用区划代码 / 12-digit statistical division code",
        f"  code: {_quoted(code)}",
        "  # 城市社区 或 涉农社区 / urban or agriculture-related community",
        f"  level: {level}",
        "  # 所属街道（乡镇） / street or township",
        f"  street: {_quoted(street)}" if street else "  # street: 某某街道",
        "",
        "# 角色：列出担任者姓名，如 书记: [张三] / roles: who holds each, e.g. 书记: [张三]",
        "roles:",
    ]
    for role in ROLE_NAMES:
        note = _ROLES.get(role, Text(f"担任{role}的人员", f"people who hold {role}"))
        lines += [f"  # {note.zh} / {note.en}", f"  {role}: []"]
    lines += ["", "# 规则参数：默认值取自规则说明，按本社区实际修改",
              "# rule parameters: the defaults come from the rules; set your community's own",
              "parameters:"]
    lines += _parameter_lines(_tree(PARAMETERS), 1)
    return "\n".join(lines) + "\n"


def _tree(parameters: tuple[Parameter, ...]) -> dict[str, Any]:
    """Dotted keys as nested dicts in first-seen order; leaves are the Parameters."""
    tree: dict[str, Any] = {}
    for parameter in parameters:
        *parents, leaf = parameter.key.split(".")
        node = tree
        for part in parents:
            node = node.setdefault(part, {})
        node[leaf] = parameter
    return tree


def _parameter_lines(tree: dict[str, Any], depth: int) -> Iterator[str]:
    indent = "  " * depth
    for key, node in tree.items():
        if isinstance(node, Parameter):
            yield f"{indent}# {node.rule} {node.zh} / {node.en}"
            yield f"{indent}{key}: {_scalar(node.default)}"
            continue
        if depth == 1:
            group = _GROUPS.get(key, Text(key, key))
            yield ""
            yield f"{indent}# —— {group.zh} / {group.en} ——"
        yield f"{indent}{key}:"
        yield from _parameter_lines(node, depth + 1)


def _quoted(text: str) -> str:
    # A JSON string is a valid YAML double-quoted scalar, escapes included.
    return json.dumps(text, ensure_ascii=False)


def _scalar(value: Any) -> str:
    """A default as YAML that reads back as the same value under the YAML 1.2 core schema."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str):
        plain = _PLAIN.fullmatch(value) and value.lower() not in _RESERVED
        return value if plain else _quoted(value)
    if isinstance(value, list | tuple):
        return "[" + ", ".join(_scalar(item) for item in value) + "]"
    raise TypeError(f"no YAML form for parameter default {value!r}")


def _template_files(name: str, spec: str) -> dict[str, str]:
    values = {
        "COMMUNITY": name,
        "CMTY_SPEC": _quoted(spec),
        "FOLDERS_ZH": "\n".join(f"| `{k.folder}/` | {k.title.zh} |" for k in KINDS),
        "FOLDERS_EN": "\n".join(f"| `{k.folder}/` | {k.title.en} |" for k in KINDS),
    }
    return {dest: _fill(_template(source), values) for source, dest in TEMPLATES}


def _template(name: str) -> str:
    text = resources.files("cmty").joinpath("templates", name).read_text(encoding="utf-8")
    return text.replace("\r\n", "\n")  # a Windows checkout of cmty may have converted them


def _fill(text: str, values: dict[str, str]) -> str:
    return _PLACEHOLDER.sub(lambda m: values[m.group(1)], text)


# --- git ---------------------------------------------------------------------------------------


def _run_git(cwd: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    env = {k: v for k, v in os.environ.items() if k not in _GIT_LOCATION_VARS}
    try:
        # stdin closed: a credential or signing prompt fails instead of waiting forever.
        return subprocess.run(["git", *args], cwd=cwd, env=env, capture_output=True,
                              stdin=subprocess.DEVNULL, check=False)
    except FileNotFoundError:
        raise GitFailedError(Text("找不到 git 命令", "git is not installed"),
                             Text("安装 git 后重试", "install git and try again")) from None


def _git(root: Path, *args: str, config: tuple[str, ...] = ()) -> str:
    """Run `git [-c KEY=VALUE]… ARGS` in `root`; a failure stops init with git's own message."""
    done = _run_git(root, *(f for item in config for f in ("-c", item)), *args)
    if done.returncode != 0:
        detail = done.stderr.decode(errors="replace").strip()
        raise GitFailedError(
            Text(f"git {args[0]} 失败：{detail}", f"git {args[0]} failed: {detail}"),
            Text(f"{root} 中可能已写入部分文件；解决 git 的问题后在该目录手动完成，或删除该目录重试",
                 f"{root} may hold some of the files; fix the git problem and finish by hand "
                 "there, or delete the folder and try again"))
    return done.stdout.decode(errors="replace")


def _identity_config(root: Path) -> tuple[str, ...]:
    """`user.*=cmty…` for whatever part of the user's git identity is not configured.

    GIT_AUTHOR_* and GIT_COMMITTER_* still win over these, as they win over any config.
    """
    config: list[str] = []
    for key, fallback in FALLBACK_IDENTITY.items():
        configured = _run_git(root, "config", "--get", key).stdout.strip()
        if not configured and not (key == "user.email" and os.environ.get("EMAIL")):
            config.append(f"{key}={fallback}")
    return tuple(config)
