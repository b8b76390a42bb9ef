"""Per-file check results keyed by git blob id, so a cache entry can never be stale.

A blob id names exact bytes; the cache file's name also carries what else a result depends on
(cmty's version, the schemas, cmty.yaml and the date), so a change to any of them starts a new
cache. Four stores live inside the git directory, never in the work tree:

- facts: per blob, what the file defines, its findings, and its reference-check result with the
  id digests that result depends on; small, read on every run;
- targets: per blob, the ids the file refers to; large (a street's fee files refer to a million
  members), read only when ids have changed so that references must be checked again;
- records: per blob, the parsed record, for the collection rules; read only when a file of a
  kind such a rule reads has changed;
- collected: per collection rule, its findings, keyed by the blobs of the files it read.

Both are written with marshal: plain tuples, dicts and sets load many times faster than pickle.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import tempfile
from pathlib import Path
from typing import Any

from cmty import __version__, gitio
from cmty.schemas import schema_dir

_FORMAT = 4
# Rewriting a store costs a few hundred ms on a street; a handful of changed files is cheaper
# to check again on a later run.
_TARGETS_REWRITE_FROM = 64


def fingerprint(config_bytes: bytes, today: str) -> str:
    digest = hashlib.sha256(f"{_FORMAT}:{__version__}:{today}:".encode())
    digest.update(config_bytes)
    for path in sorted(schema_dir().glob("*.schema.yaml")):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:20]


def read_store(path: Path | None) -> dict[str, Any]:
    if path is None or not path.is_file():
        return {}
    try:
        loaded = marshal.loads(path.read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        return {}  # a damaged cache is only a slower run
    return loaded if isinstance(loaded, dict) else {}


def write_store(path: Path, data: dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    with os.fdopen(fd, "wb") as fh:
        marshal.dump(data, fh)
    os.replace(tmp, path)


class ResultCache:
    """The two stores of one repository; loaded on demand, saved once at the end of a run."""

    def __init__(self, folder: Path | None = None, scope: str = "", key: str = "",
                 read_only: bool = False) -> None:
        self._facts_path = folder / f"facts-{scope}-{key}.marshal" if folder else None
        self._targets_path = folder / f"targets-{scope}-{key}.marshal" if folder else None
        self.snapshot_path = folder / f"snapshot-{scope}-{key}.marshal" if folder else None
        self._key = key
        self._collected_path = folder / f"collected-{scope}-{key}.marshal" if folder else None
        self._folder, self._scope = folder, scope
        self._read_only = read_only
        self._facts_loaded: dict[str, Any] | None = None  # read on first use
        self._facts_new: dict[str, Any] = {}
        self._targets_old: dict[str, Any] | None = None
        self._targets_new: dict[str, Any] = {}
        # One record store per kind: a changed voucher makes the rules on vouchers read the
        # vouchers' records, not a street's million fee entries.
        self._records_old: dict[str, dict[str, Any]] = {}
        self._records_new: dict[str, dict[str, Any]] = {}
        self._summaries_old: dict[str, dict[str, Any]] = {}
        self._summaries_new: dict[str, dict[str, Any]] = {}
        self._collected_old: dict[str, Any] | None = None
        self._collected_new: dict[str, Any] = {}
        self.hits = 0

    @classmethod
    def for_repo(cls, root: Path, key: str, read_only: bool = False) -> ResultCache:
        git_dir = gitio.git_dir(root)
        if git_dir is None:
            return cls()
        scope = hashlib.sha256(str(root.resolve()).encode()).hexdigest()[:12]
        return cls(git_dir / "cmty", scope, key, read_only)

    @property
    def _facts_old(self) -> dict[str, Any]:
        if self._facts_loaded is None:
            self._facts_loaded = read_store(self._facts_path)
        return self._facts_loaded

    def get(self, blob: str) -> Any:
        value = self._facts_old.get(blob)
        if value is not None:
            self.hits += 1
            self._facts_new[blob] = value
        return value

    def put(self, blob: str, value: Any) -> None:
        self._facts_new[blob] = value

    def get_targets(self, blob: str) -> Any:
        if self._targets_old is None:
            self._targets_old = read_store(self._targets_path)
        return self._targets_old.get(blob)

    def put_targets(self, blob: str, targets: Any) -> None:
        self._targets_new[blob] = targets

    def _store_path(self, name: str) -> Path | None:
        if self._folder is None:
            return None
        return self._folder / f"{name}-{self._scope}-{self._key}.marshal"

    def has_loaded_records(self, kind: str) -> bool:
        """Whether this run has already read the record store of `kind`."""
        return kind in self._records_old

    def get_record(self, kind: str, blob: str) -> Any:
        if kind not in self._records_old:
            self._records_old[kind] = read_store(self._store_path(f"records.{kind}"))
        return self._records_old[kind].get(blob)

    def put_record(self, kind: str, blob: str, data: Any) -> None:
        self._records_new.setdefault(kind, {})[blob] = data

    def get_summary(self, name: str, blob: str) -> Any:
        if name not in self._summaries_old:
            self._summaries_old[name] = read_store(self._store_path(f"summary.{name}"))
        return self._summaries_old[name].get(blob)

    def put_summary(self, name: str, blob: str, value: Any) -> None:
        self._summaries_new.setdefault(name, {})[blob] = value

    def get_collected(self, key: str) -> Any:
        if self._collected_old is None:
            self._collected_old = read_store(self._collected_path)
        value = self._collected_old.get(key)
        if value is not None:
            self._collected_new[key] = value
        return value

    def put_collected(self, key: str, found: Any) -> None:
        self._collected_new[key] = found

    def save(self, partial: bool = False) -> None:
        """Write what this run used; `partial` runs saw only some files, so keep the rest."""
        if self._folder is None or self._facts_path is None or self._targets_path is None or \
                self._read_only:
            return
        if partial:
            # A few fresh results are cheaper to recompute later than to rewrite the store for.
            if len(self._facts_new) < _TARGETS_REWRITE_FROM:
                return
            self._facts_new = {**self._facts_old, **self._facts_new}
        try:
            keep = (self._facts_path, self._targets_path, self.snapshot_path, self._collected_path)
            for stale in self._folder.glob(f"*-{self._scope}-*.marshal"):
                if stale not in keep and not stale.name.endswith(f"-{self._key}.marshal"):
                    stale.unlink(missing_ok=True)
            if self._facts_new != self._facts_old:
                write_store(self._facts_path, self._facts_new)
            self._save_targets()
        except OSError:
            pass  # a read-only git directory only means the next run is slower

    def save_collections(self) -> None:
        """Keep the records read and the collection rules' results of this run."""
        if self._collected_path is None or self._read_only:
            return
        try:
            self._save_records()
            # Results not used this run are kept too: a file rule's per-file results lie unread
            # while its whole result comes from the cache. The store starts afresh with each
            # new cache key (a new day, cmty.yaml or cmty version), which bounds it.
            old = self._collected_old if self._collected_old is not None else read_store(
                self._collected_path)
            merged = {**old, **self._collected_new}
            if self._collected_new and merged != old:
                write_store(self._collected_path, merged)
        except OSError:
            pass  # a read-only git directory only means the next run is slower

    def _save_targets(self) -> None:
        assert self._targets_path is not None
        fresh = {b: t for b, t in self._targets_new.items() if t}
        if len(fresh) < _TARGETS_REWRITE_FROM and self._targets_path.is_file():
            return
        old = self._targets_old if self._targets_old is not None else read_store(self._targets_path)
        kept = {b: old[b] for b in self._facts_new if b in old}  # drops blobs no longer in use
        write_store(self._targets_path, {**kept, **fresh})

    def _save_records(self) -> None:
        live: set[str] | None = None
        stores = [(f"records.{kind}", fresh, self._records_old) for kind, fresh in
                  self._records_new.items()]
        stores += [(f"summary.{name}", fresh, self._summaries_old) for name, fresh in
                   self._summaries_new.items()]
        for name, fresh, loaded in stores:
            path = self._store_path(name)
            if path is None or not fresh or (len(fresh) < _TARGETS_REWRITE_FROM and path.is_file()):
                continue  # a few missing entries are cheaper to make again than a rewrite
            if live is None:
                live = set(self._facts_new) | set(self._facts_old)
            key = name.split(".", 1)[1]
            old = loaded[key] if key in loaded else read_store(path)
            kept = {b: value for b, value in old.items() if b in live}
            write_store(path, {**kept, **fresh})
