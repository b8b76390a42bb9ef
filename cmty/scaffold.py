"""`cmty init` as a library call: a new data repository, committed and ready for CI.

This module owns what a fresh data repository starts with: the generated cmty.yaml (every role
and every parameter with its default, rule code and a bilingual comment), one folder per record
kind, .gitattributes and .gitignore, a README, and CI configuration for GitHub, GitLab and
Gitea/Forgejo filled in from the templates in `cmty/templates/`. It refuses, with a `UsageError`,
anything that could overwrite or nest inside existing work. Nothing here prints.
"""

from __future__ import annotations

import os
import re
import subprocess
from importlib import resources
from pathlib import Path

from cmty import __version__
from cmty.config import CONFIG_NAME
from cmty.configtext import config_text, quoted
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
    # git gc keeps a commit-graph with changed-path filters current: `cmty history` relies on
    # them to skip the commits that did not touch a record (see cmty.transaction too).
    _git(target, "config", "gc.writeCommitGraph", "true")
    _git(target, "config", "commitGraph.changedPathsVersion", "1")
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


def _template_files(name: str, spec: str) -> dict[str, str]:
    values = {
        "COMMUNITY": name,
        "CMTY_SPEC": quoted(spec),
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
