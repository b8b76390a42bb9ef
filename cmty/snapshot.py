"""The last validated state of a repository, for re-validating a few changed files quickly.

A snapshot records, for the tree it validated (every file's blob id), what each file defines
and what was found. When a later run sees only a few changed files that define the same ids as
before, only those files are checked; everything else is taken from the snapshot. That holds
exactly because the dataset rules depend on the ids alone (see `rules.DATASET_RULES`) and the
reference rules on a file and the ids. A run with any other change takes the full path.

It is read on every run, so it is kept lean: a file that defines just the record its name
gives (nearly all of them) stores only its blob id.
"""

from __future__ import annotations

from contextlib import suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cmty.cache import read_store, write_store
from cmty.findings import Finding, JsonPath
from cmty.kinds import kind_of_path, record_id_for

# Above this many changed files the full path (with the per-blob cache) is as quick.
INCREMENTAL_MAX = 256
# Rewriting the snapshot costs more than re-checking this many changed files on the next run,
# so a run with fewer leaves the last snapshot as it was.
REWRITE_FROM = 32

Defined = list[tuple[str, JsonPath]]


def standard_defined(rel: str) -> Defined:
    """What a well-formed file defines: the record its path names."""
    kind = kind_of_path(rel)
    if kind is None:
        return []
    return [(record_id_for(kind, rel), () if kind.per_period else ("id",))]


@dataclass(slots=True)
class Snapshot:
    state: dict[str, str] = field(default_factory=dict)  # file → blob id
    unusual: dict[str, Defined] = field(default_factory=dict)  # file → defined, when not standard
    findings: dict[str, list[Any]] = field(default_factory=dict)  # file → finding tuples
    dataset: list[Any] = field(default_factory=list)  # dataset-rule finding tuples
    ids: dict[str, list[str]] = field(default_factory=dict)  # kind → ids
    digests: dict[str, str] = field(default_factory=dict)  # of `ids`, see cmty.index.digests
    records: int = 0
    dirty: bool = True

    _FIELDS = ("state", "unusual", "findings", "dataset", "ids", "digests", "records")

    @classmethod
    def load(cls, path: Path | None) -> Snapshot | None:
        data = read_store(path)
        if not data or any(name not in data for name in cls._FIELDS):
            return None
        snapshot = cls(**{name: data[name] for name in cls._FIELDS})
        snapshot.dirty = False
        return snapshot

    def save(self, path: Path | None) -> None:
        if path is None or not self.dirty:
            return
        with suppress(OSError):  # an unwritable snapshot only makes the next run slower
            write_store(path, {name: getattr(self, name) for name in self._FIELDS})

    def record(self, rel: str, blob: str, defined: Defined, found: list[Any]) -> None:
        self.forget(rel)
        self.state[rel] = blob
        self.records += len(defined)
        if defined != standard_defined(rel):
            self.unusual[rel] = defined
        if found:
            self.findings[rel] = found

    def forget(self, rel: str) -> None:
        self.records -= len(self.defined(rel))
        self.state.pop(rel, None)
        self.unusual.pop(rel, None)
        self.findings.pop(rel, None)

    def defined(self, rel: str) -> Defined:
        if rel in self.unusual:
            return [(str(d[0]), tuple(d[1])) for d in self.unusual[rel]]
        return standard_defined(rel) if rel in self.state else []

    def changed_files(self, files: list[str], blobs: dict[str, str]) -> list[str] | None:
        """Files whose blob differs from the snapshot, or None when too many differ."""
        state = self.state
        changed = [rel for rel in files if blobs.get(rel) is None or state.get(rel) != blobs[rel]]
        if len(state) != len(files) - sum(1 for rel in changed if rel not in state):
            present = set(files)
            changed += [rel for rel in state if rel not in present]
        return changed if len(changed) <= INCREMENTAL_MAX else None

    def ids_by_kind(self) -> tuple[dict[str, set[str]], dict[str, str]]:
        kind_of: dict[str, str] = {}
        for kind, ids in self.ids.items():
            for record in ids:
                kind_of.setdefault(record, kind)
        return {kind: set(ids) for kind, ids in self.ids.items()}, kind_of

    def all_findings(self) -> list[Finding]:
        found = [Finding.from_tuple(t) for items in self.findings.values() for t in items]
        return found + [Finding.from_tuple(t) for t in self.dataset]
