"""A data repository: found by walking up to cmty.yaml; its config and its record files."""

from __future__ import annotations

import os
from bisect import bisect_left
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from cmty import config as config_mod
from cmty import schemacheck, yamlio
from cmty.config import CONFIG_NAME, Config
from cmty.errors import ConfigError, NotARepoError, UsageError
from cmty.findings import Text
from cmty.kinds import KINDS, YAML_SUFFIXES, Kind, is_yaml
from cmty.locate import Locator
from cmty.schemas import kind_schema


@dataclass(frozen=True)
class Repo:
    root: Path

    @cached_property
    def config(self) -> Config:
        return load_config(self.root / CONFIG_NAME)

    def prefix_in_git(self) -> str:
        """This repository's path inside its git work tree ("" when they coincide)."""
        from cmty import gitio

        out = gitio.run(self.root, "rev-parse", "--show-prefix")
        return out.decode().strip() if out else ""

    def relative(self, paths: Sequence[Path]) -> list[str]:
        """User-given paths (relative to the working directory) as repository-relative paths."""
        rel = []
        for p in paths:
            full = p.resolve()
            try:
                rel.append(full.relative_to(self.root).as_posix())
            except ValueError:
                raise UsageError(Text(f"{p} 不在数据仓库 {self.root} 中",
                                      f"{p} is outside the data repository {self.root}")) from None
            if not full.exists():
                raise UsageError(Text(f"{p} 不存在", f"{p} does not exist"))
        return [r if r != "." else "" for r in rel]

    def listing(self) -> list[str]:
        """Every file under the root outside hidden folders, as sorted relative paths."""
        root = str(self.root)
        found: list[str] = []
        for dirpath, dirnames, filenames in os.walk(root):
            dirnames[:] = [d for d in dirnames if not d.startswith(".")]
            prefix = dirpath[len(root) + 1 :].replace(os.sep, "/")
            found.extend(f"{prefix}/{name}" if prefix else name for name in filenames)
        return sorted(found)

    def record_files(self, listing: list[str] | None = None) -> Iterator[tuple[str, Kind]]:
        """Every YAML file in a record folder, kind by kind in dependency order.

        `listing` (repository-relative paths, e.g. from git) saves walking the folders.
        """
        if listing is not None:
            yield from _from_listing(listing)  # a list: one generator step per file is costly
            return
        root = str(self.root)
        for kind in KINDS:
            folder = os.path.join(root, kind.folder)
            found: list[str] = []
            for dirpath, dirnames, filenames in os.walk(folder):
                dirnames[:] = [d for d in dirnames if not d.startswith(".")]
                prefix = dirpath[len(root) + 1 :].replace(os.sep, "/")
                found.extend(f"{prefix}/{name}" for name in filenames
                             if is_yaml(name) and not name.startswith("."))
            for rel in sorted(found):
                yield rel, kind


def _from_listing(listing: list[str]) -> list[tuple[str, Kind]]:
    # Sorted once, each kind's folder is one slice found by bisection ("/" sorts just before
    # "0"): a test per kind and file was 1,000,000 calls on a street, a lookup per file 0.3 s.
    ordered = sorted(listing)
    out: list[tuple[str, Kind]] = []
    for kind in KINDS:
        low = bisect_left(ordered, kind.folder + "/")
        high = bisect_left(ordered, kind.folder + "0", low)
        start = len(kind.folder)
        out.extend([(rel, kind) for rel in ordered[low:high]
                    if rel.endswith(YAML_SUFFIXES) and "/." not in rel[start:]])
    return out


def find_repo(start: Path | str | None = None, explicit: Path | str | None = None) -> Repo:
    """The data repository at `explicit`, or the nearest one at or above `start` (default: cwd)."""
    if explicit is not None:
        root = Path(explicit).resolve()
        if not (root / CONFIG_NAME).is_file():
            raise NotARepoError(
                Text(f"{root} 不是 cmty 数据仓库（没有 {CONFIG_NAME}）",
                     f"{root} is not a cmty data repository (no {CONFIG_NAME})"),
                Text("检查 --repo 路径，或用 cmty init 新建数据仓库",
                     "check the --repo path, or create one with cmty init"))
        return Repo(root)
    here = Path(start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / CONFIG_NAME).is_file():
            return Repo(folder)
    raise NotARepoError(
        Text(f"{here} 及其上级目录中都没有 {CONFIG_NAME}：不在 cmty 数据仓库中",
             f"no {CONFIG_NAME} in {here} or above: not inside a cmty data repository"),
        Text("进入数据仓库目录，或使用 --repo DIR；新建数据仓库用 cmty init DIR",
             "cd into a data repository or pass --repo DIR; create one with cmty init DIR"))


def load_config(path: Path) -> Config:
    """Read and check cmty.yaml; any problem is a ConfigError naming file, line and column."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ConfigError(Text(f"无法读取 {path}：{exc.strerror}", f"cannot read {path}: "
                               f"{exc.strerror}")) from None
    return config_from_bytes(raw, path)


def config_from_bytes(raw: bytes, path: Path) -> Config:
    """cmty.yaml's bytes (from the work tree or a commit) as a checked Config."""
    decoded = yamlio.decode(raw, 1024 * 1024)
    if decoded.text is None:
        problem = decoded.problems[-1]
        raise _config_error(path, problem.line, problem.column, Text(problem.code, problem.code))
    try:
        data = yamlio.load_text(decoded.text)
    except yamlio.YamlLoadError as exc:
        p = exc.problem
        line, column = p.line, p.column
        if p.code == "YAML-DUPLICATE-KEY":
            duplicate = next(Locator(decoded.text).duplicate_keys(), None)
            line, column = duplicate[1] if duplicate else (line, column)
        raise _config_error(path, line, column, Text(f"{p.code} {p.detail}",
                                                     f"{p.code} {p.detail}")) from None
    schema = kind_schema("cmty")
    errors = list(schemacheck.schema_findings(schema, data, path.name, None))
    if errors:
        first = errors[0]
        line, column = Locator(decoded.text).find(first.path, first.at_key)
        raise _config_error(path, line, column, first.message, first.hint)
    for wrong in config_mod.parameter_problems(data.get("parameters")):
        line, column = Locator(decoded.text).find(wrong.path, wrong.at_key)
        raise _config_error(path, line, column, wrong.message, wrong.hint)
    return config_mod.from_data(data, path)


def _config_error(path: Path, line: int, column: int, what: Text, hint: Text | None = None
                  ) -> ConfigError:
    return ConfigError(
        Text(f"{path}:{line}:{column}: 配置有误：{what.zh}", f"{path}:{line}:{column}: invalid "
             f"configuration: {what.en}"),
        hint or Text("修正 cmty.yaml 后重试", "fix cmty.yaml and try again"))
