"""Collection rules run over the records they read, reusing results while those files are unchanged.

A collection rule sees every record of a few kinds (all members and all fee months, say). Its
findings are cached under a digest of the blob ids of exactly those files, so editing a voucher
does not re-run the fee rules, and a run in which none of a rule's files changed takes its
result from the cache without reading a record. When a rule must run, the records come from the
run's own checks, from the per-blob record store, or, failing both, from parsing the file again.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable
from datetime import date
from typing import Any

from cmty import checkpool, filecheck, gitio, rules
from cmty.cache import ResultCache, fingerprint
from cmty.config import CONFIG_NAME, Config
from cmty.filecheck import FileFacts
from cmty.findings import Finding
from cmty.kinds import BY_NAME, Kind, record_id_for
from cmty.repo import Repo
from cmty.rules.base import Rec, Records, crashed
from cmty.source import Source


class _Reader:
    """Where this run finds each collected file's blob id and parsed record."""

    def __init__(self, source: Source, known: Iterable[FileFacts], blobs: dict[str, str],
                 cache: ResultCache, config: Config, today: date) -> None:
        self.source, self.blobs, self.cache = source, blobs, cache
        self.config, self.today = config, today
        self.facts = {f.file: f for f in known}
        self._data: dict[str, dict[str, Any] | None] = {}

    def blob(self, rel: str) -> str | None:
        facts = self.facts.get(rel)
        if facts is not None:
            return facts.blob
        return self.blobs.get(rel)

    def prefetch(self, files: list[tuple[str, str]]) -> None:
        """Parse, in one batch (across processes when many), the files no store has."""
        missing = [(rel, kind) for rel, kind in files if rel not in self._data
                   and (self.facts.get(rel) is None or self.facts[rel].data is None)
                   and ((blob := self.blob(rel)) is None or self.cache.get_record(kind, blob) is None)]
        if len(missing) < 2:
            return
        checked = checkpool.check_files(self.source, missing, self.config, self.today)
        for (rel, kind), (blob, fresh) in zip(missing, checked, strict=True):
            self._data[rel] = fresh.data
            if fresh.data is not None and blob is not None:
                self.cache.put_record(kind, blob, fresh.data)

    def data(self, rel: str, kind: str) -> dict[str, Any] | None:
        if rel in self._data:
            return self._data[rel]
        facts = self.facts.get(rel)
        blob = self.blob(rel)
        data = facts.data if facts is not None else None
        if data is None and blob is not None:
            data = self.cache.get_record(kind, blob)
        if data is None:
            blob, fresh = checkpool.check_one(self.source, rel, kind, self.config, self.today)
            data = fresh.data
            if data is not None and blob is not None:
                self.cache.put_record(kind, blob, data)
        elif facts is not None and facts.changed and blob is not None:
            self.cache.put_record(kind, blob, data)
        self._data[rel] = data
        return data


def collection_findings(source: Source, files: list[tuple[str, Kind]], known: Iterable[FileFacts],
                        blobs: dict[str, str], cache: ResultCache, config: Config,
                        today: date) -> list[Finding]:
    """Every collection rule's findings, located. `known` are the facts this run has at hand
    (all files on a full run, the changed ones on an incremental run)."""
    reader = _Reader(source, known, blobs, cache, config, today)
    by_kind: dict[str, list[str]] = defaultdict(list)
    for rel, kind in files:
        if kind.name in rules.COLLECTED_KINDS:
            by_kind[kind.name].append(rel)
    found: list[Finding] = []
    for rule in rules.COLLECTION_RULES:
        key = _key(rule.name, [(rel, reader.blob(rel)) for k in rule.kinds for rel in by_kind[k]])
        cached = cache.get_collected(key) if key is not None else None
        if cached is not None:
            found.extend(Finding.from_tuple(t) for t in cached)
            continue
        reader.prefetch([(rel, k) for k in rule.kinds for rel in by_kind[k]])
        records = Records(config, today, {k: _records(reader, k, by_kind[k]) for k in rule.kinds})
        try:
            result = list(rule.check(records))
        except Exception as exc:  # one broken rule must not hide the others
            result = [crashed(rule.name, exc, CONFIG_NAME)]
        result = locate_by_file(source, result)
        if key is not None:
            cache.put_collected(key, [f.to_tuple() for f in result])
        found.extend(result)
    cache.save_collections()
    return found


def load_records(repo: Repo, kinds: Iterable[str], today: date) -> Records:
    """Every record of `kinds` in the work tree, as the collection rules see them (values the
    schema rejected removed), from the record store where it has them."""
    wanted = set(kinds)
    listed = gitio.inventory(repo.root)
    listing, blobs = listed if listed is not None else (repo.listing(), {})
    by_kind: dict[str, list[str]] = defaultdict(list)
    for rel, kind in repo.record_files(listing):
        if kind.name in wanted:
            by_kind[kind.name].append(rel)
    key = fingerprint((repo.root / CONFIG_NAME).read_bytes(), today.isoformat())
    cache = ResultCache.for_repo(repo.root, key, read_only=True)
    reader = _Reader(Source(repo.root, {}, None), [], blobs, cache, repo.config, today)
    reader.prefetch([(rel, kind) for kind, rels in by_kind.items() for rel in rels])
    return Records(repo.config, today, {k: _records(reader, k, by_kind[k]) for k in wanted})


def _records(reader: _Reader, kind: str, rels: list[str]) -> list[Rec]:
    out = []
    per_period = BY_NAME[kind].per_period
    for rel in rels:
        data = reader.data(rel, kind)
        if data is None:
            continue  # unreadable: its own findings say why
        stem = record_id_for(BY_NAME[kind], rel)
        own = data.get("id")
        out.append(Rec(rel, stem if per_period or not isinstance(own, str) else own, kind, data))
    return out


def _key(rule: str, files: list[tuple[str, str | None]]) -> str | None:
    digest = hashlib.sha1(rule.encode(), usedforsecurity=False)
    for rel, blob in files:
        if blob is None:
            return None  # a file that is not in git (or not readable) cannot be keyed
        digest.update(f"\0{rel}\0{blob}".encode())
    return f"{rule}:{digest.hexdigest()}"


def locate_by_file(source: Source, found: list[Finding]) -> list[Finding]:
    by_file: dict[str, list[Finding]] = defaultdict(list)
    for f in found:
        by_file[f.file].append(f)
    located: list[Finding] = []
    for rel, items in by_file.items():
        if all(f.line is not None for f in items):
            located.extend(items)
            continue
        located.extend(filecheck.locate_all(items, source.read_text(rel)))
    return located
