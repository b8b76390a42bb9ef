"""The last validated state of a repository, for re-validating a few changed files quickly.

A snapshot records, for the tree it validated (every file's blob id), what each file defines
and what was found. When a later run sees only a few changed files that define the same ids as
before, only those files are checked; everything else is taken from the snapshot. That holds
exactly because the dataset rules depend on the ids alone (see `rules.DATASET_RULES`) and the
reference rules on a file and the ids. A run with any other change takes the full path.
"""

from __future__ import annotations

from contextlib import suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cmty.cache import read_store, write_store
from cmty.findings import Finding

# Above this many changed files the full path (with the per-blob cache) is as quick.
INCREMENTAL_MAX = 256

# file → (blob id, kind, [(record id, path)])
Entry = tuple[str, str, list[Any]]


@dataclass(slots=True)
class Snapshot:
    files: dict[str, Entry] = field(default_factory=dict)
    findings: dict[str, list[Any]] = field(default_factory=dict)  # file → finding tuples
    dataset: list[Any] = field(default_factory=list)  # dataset-rule finding tuples
    ids: dict[str, list[str]] = field(default_factory=dict)  # kind → ids
    dirty: bool = True

    @classmethod
    def load(cls, path: Path | None) -> Snapshot | None:
        data = read_store(path)
        try:
            return cls(data["files"], data["findings"], data["dataset"], data["ids"],
                       dirty=False) if data else None
        except KeyError:
            return None

    def save(self, path: Path | None) -> None:
        if path is None or not self.dirty:
            return
        with suppress(OSError):  # an unwritable snapshot only makes the next run slower
            write_store(path, {"files": self.files, "findings": self.findings,
                               "dataset": self.dataset, "ids": self.ids})

    def changed_files(self, current: dict[str, str | None]) -> list[str] | None:
        """Files whose blob differs from the snapshot, or None when too many differ."""
        files = self.files
        changed = [rel for rel, blob in current.items()
                   if blob is None or rel not in files or files[rel][0] != blob]
        changed += [rel for rel in files if rel not in current]
        return changed if len(changed) <= INCREMENTAL_MAX else None

    def defined(self, rel: str) -> list[tuple[str, Any]]:
        entry = self.files.get(rel)
        return [tuple(d) for d in entry[2]] if entry else []

    def records(self) -> int:
        return sum(len(entry[2]) for entry in self.files.values())

    def forget(self, rel: str) -> None:
        self.files.pop(rel, None)
        self.findings.pop(rel, None)

    def ids_by_kind(self) -> tuple[dict[str, set[str]], dict[str, str]]:
        kind_of: dict[str, str] = {}
        for kind, ids in self.ids.items():
            for record in ids:
                kind_of.setdefault(record, kind)
        return {kind: set(ids) for kind, ids in self.ids.items()}, kind_of

    def all_findings(self) -> list[Finding]:
        found = [Finding.from_tuple(t) for items in self.findings.values() for t in items]
        return found + [Finding.from_tuple(t) for t in self.dataset]
