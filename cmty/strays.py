"""Files that escape validation: YAML outside the record folders, other files inside them."""

from __future__ import annotations

from collections.abc import Iterator

from cmty.catalogue import severity_of, source_of
from cmty.config import CONFIG_NAME
from cmty.findings import Finding, Text
from cmty.kinds import KINDS, YAML_SUFFIXES


def stray_files(listing: list[str]) -> tuple[list[str], list[str]]:
    """YAML files outside every record folder, and other files inside one.

    Neither is checked, so each is worth a word: a record saved in the wrong folder, or with
    the wrong extension, would otherwise silently escape validation.
    """
    folders = tuple(kind.folder + "/" for kind in KINDS)
    outside, not_yaml = [], []
    for rel in listing:  # nearly every file is a record in its folder: two C calls and on
        if rel.startswith(folders):
            if not rel.endswith(YAML_SUFFIXES) and not _hidden(rel):
                not_yaml.append(rel)
        elif rel.endswith(YAML_SUFFIXES) and rel != CONFIG_NAME and not _hidden(rel):
            outside.append(rel)
    return outside, not_yaml


def _hidden(rel: str) -> bool:
    """In a dot-folder (.github/) or a dot-file (.gitkeep, .pre-commit-config.yaml)."""
    return rel.startswith(".") or "/." in rel


def findings(outside: list[str], not_yaml: list[str]) -> Iterator[Finding]:
    folders = "、".join(kind.folder + "/" for kind in KINDS)
    for rel in outside:
        yield Finding(
            code="FILE-OUTSIDE-FOLDERS", severity=severity_of("FILE-OUTSIDE-FOLDERS"), file=rel,
            line=1, column=1, rule=source_of("FILE-OUTSIDE-FOLDERS"),
            message=Text("此 YAML 文件不在任何记录文件夹中，cmty 不会检查它",
                         "this YAML file is in no record folder, so cmty does not check it"),
            hint=Text(f"把记录移到它的文件夹：{folders}", f"move the record to its folder: {folders}"))
    for rel in not_yaml:
        yield Finding(
            code="FILE-NOT-YAML", severity=severity_of("FILE-NOT-YAML"), file=rel, line=1,
            column=1, rule=source_of("FILE-NOT-YAML"),
            message=Text("记录文件夹中的这个文件不是 .yaml，cmty 不会检查它",
                         "this file in a record folder is not .yaml, so cmty does not check it"),
            hint=Text("记录文件以 .yaml 结尾；其他文件请移出记录文件夹",
                      "records end in .yaml; move other files out of the record folders"))
