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

from cmty import checkpool, derive, filecheck, gitio, rules
from cmty.cache import ResultCache, fingerprint
from cmty.config import CONFIG_NAME, Config
from cmty.filecheck import FileFacts
from cmty.findings import Finding
from cmty.kinds import BY_NAME, Kind, record_id_for
from cmty.repo import Repo
from cmty.rules.base import CollectionRule, DeadlineRule, FileRule, Rec, Records, Summary, crashed
from cmty.source import Source


class _Reader:
    """Where this run finds each collected file's blob id and parsed record."""

    def __init__(self, source: Source, known: Iterable[FileFacts], blobs: dict[str, str],
                 cache: ResultCache, config: Config, today: date) -> None:
        self.source, self.blobs, self.cache = source, blobs, cache
        self.config, self.today = config, today
        self.facts = {f.file: f for f in known}
        self._data: dict[str, dict[str, Any] | None] = {}
        self._kinds: dict[str, list[Rec]] = {}
        self.combined: dict[str, Any] = {}  # summary name → its combination, made once a run

    def records(self, kind: str, rels: list[str]) -> list[Rec]:
        """Every record of a kind, built once a run for all the rules that read it."""
        if kind not in self._kinds:
            self._kinds[kind] = _records(self, kind, rels)
        return self._kinds[kind]

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

    def data(self, rel: str, kind: str, few: bool = False) -> dict[str, Any] | None:
        """The file's record. With `few` (a handful of files wanted), a file this run has not
        read is parsed again rather than loading the kind's whole record store."""
        if rel in self._data:
            return self._data[rel]
        facts = self.facts.get(rel)
        blob = self.blob(rel)
        data = facts.data if facts is not None else None
        if data is None and blob is not None and not (few and not self.cache.has_loaded_records(kind)):
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
    kind_digests = {k: _kind_digest(reader, rels) for k, rels in by_kind.items()}
    for rule in rules.COLLECTION_RULES:
        if all(config.checks.get(code) == "off" for code in rule.codes):
            continue  # turned off in cmty.yaml: not worth running
        key = _key(rule.name, [kind_digests.get(k, "") for k in rule.kinds])
        cached = cache.get_collected(key) if key is not None else None
        if cached is not None:
            found.extend(Finding.from_tuple(t) for t in cached)
            continue
        if isinstance(rule, FileRule):
            result = _file_rule(rule, reader, by_kind, source)
        else:
            result = locate_by_file(source, _run(rule, reader, by_kind, kind_digests))
        if key is not None:
            cache.put_collected(key, [f.to_tuple() for f in result])
        found.extend(result)
    cache.save_collections()
    return found


def _run(rule: CollectionRule | DeadlineRule, reader: _Reader, by_kind: dict[str, list[str]],
         kind_digests: dict[str, str | None]) -> list[Finding]:
    summaries = rule.summaries if isinstance(rule, CollectionRule) else ()
    summarised = {s.kind for s in summaries}
    loaded = [k for k in rule.kinds if k not in summarised]
    reader.prefetch([(rel, k) for k in loaded for rel in by_kind[k]])
    records = Records(reader.config, reader.today, {k: reader.records(k, by_kind[k]) for k in loaded},
                      {s.name: _summarised(reader, s, by_kind, kind_digests.get(s.kind))
                       for s in summaries})
    try:
        return list(rule.check(records))
    except Exception as exc:  # one broken rule must not hide the others
        return [crashed(rule.name, exc, CONFIG_NAME)]


def _file_rule(rule: FileRule, reader: _Reader, by_kind: dict[str, list[str]], source: Source
               ) -> list[Finding]:
    """A file rule's findings: per file from the cache while the file and the fields it reads
    are unchanged, otherwise checked again."""
    reader.prefetch([(rel, k) for k in rule.reads for rel in by_kind[k]])
    reads = Records(reader.config, reader.today,
                    {k: reader.records(k, by_kind[k]) for k in rule.reads})
    digest = derive.fields_digest(reads, rule)
    out: list[Finding] = []
    pending: list[tuple[str, str | None]] = []
    for rel in by_kind[rule.kind]:
        blob = reader.blob(rel)
        key = f"{rule.name}\0{rel}\0{blob}\0{digest}" if blob is not None else None
        hit = reader.cache.get_collected(key) if key is not None else None
        if hit is None:
            hit = _derived(reader, rel, derive.file_key(rule.name, digest))
            if hit is not None:
                found = locate_by_file(source, [Finding.from_tuple(t) for t in hit])
                hit = [f.to_tuple() for f in found]
                if key is not None:
                    reader.cache.put_collected(key, hit)
        if hit is None:
            pending.append((rel, key))
        else:
            out.extend(Finding.from_tuple(t) for t in hit)
    few = len(pending) < FEW
    if not few:
        reader.prefetch([(rel, rule.kind) for rel, _ in pending])
    for rel, key in pending:
        found = []
        for rec in _records(reader, rule.kind, [rel], few):
            try:
                found = list(rule.check_file(rec, reads))
            except Exception as exc:  # one broken rule must not hide the others
                found = [crashed(rule.name, exc, rel)]
        found = locate_by_file(source, found)
        if key is not None:
            reader.cache.put_collected(key, [f.to_tuple() for f in found])
        out.extend(found)
    return out


# Below this many files to read, parsing them again beats loading a kind's whole record store.
FEW = 64


def _summarised(reader: _Reader, summary: Summary, by_kind: dict[str, list[str]],
                digest: str | None) -> Any:
    """What the rule gets for a summary: every file's, or their combination, which is kept
    under the digest of the kind's files so that it is made again only when one of them
    changes."""
    if summary.combine is None:
        return _summaries(reader, summary, by_kind[summary.kind])
    if summary.name in reader.combined:  # two rules, one table (a cold run has no store to ask)
        return reader.combined[summary.name]
    key = f"combined:{summary.name}:{digest}" if digest is not None else None
    value = reader.cache.get_collected(key) if key is not None else None
    if value is None:
        value = summary.combine(_summaries(reader, summary, by_kind[summary.kind]))
        if key is not None:
            reader.cache.put_collected(key, value)
    reader.combined[summary.name] = value
    return value


def _summaries(reader: _Reader, summary: Summary, rels: list[str]) -> list[tuple[str, str, Any]]:
    """Each file's summary, from the summary store where its blob is there, else made."""
    kind = BY_NAME[summary.kind]
    values: dict[str, Any] = {}
    missing: list[str] = []
    for rel in rels:
        blob = reader.blob(rel)
        value = reader.cache.get_summary(summary.name, blob) if blob is not None else None
        if value is None:
            value = _derived(reader, rel, derive.summary_key(summary.name))
            if value is not None and blob is not None:
                reader.cache.put_summary(summary.name, blob, value)
        if value is None:
            missing.append(rel)
        else:
            values[rel] = value
    few = len(missing) < FEW
    if not few:
        reader.prefetch([(rel, summary.kind) for rel in missing])
    for rel in missing:
        for rec in _records(reader, summary.kind, [rel], few):
            values[rel] = summary.summarise(rec)
            blob = reader.blob(rel)
            if blob is not None:
                reader.cache.put_summary(summary.name, blob, values[rel])
    return [(rel, record_id_for(kind, rel), values[rel]) for rel in rels if rel in values]


def _derived(reader: _Reader, rel: str, key: str) -> Any:
    """What the worker that parsed `rel` worked out under `key` (see cmty.derive), if it did."""
    facts = reader.facts.get(rel)
    return facts.derived.get(key) if facts is not None and facts.derived else None


def load_records(repo: Repo, kinds: Iterable[str], today: date) -> Records:
    """Every record of `kinds` in the work tree, as the collection rules see them (values the
    schema rejected removed), from the record store where it has them."""
    wanted = set(kinds)
    listed = gitio.inventory(repo.root)
    listing, blobs, _ = listed if listed is not None else (repo.listing(), {}, [])
    by_kind: dict[str, list[str]] = defaultdict(list)
    for rel, kind in repo.record_files(listing):
        if kind.name in wanted:
            by_kind[kind.name].append(rel)
    key = fingerprint((repo.root / CONFIG_NAME).read_bytes(), today.isoformat())
    cache = ResultCache.for_repo(repo.root, key, read_only=True)
    reader = _Reader(Source(repo.root, {}, None), [], blobs, cache, repo.config, today)
    reader.prefetch([(rel, kind) for kind, rels in by_kind.items() for rel in rels])
    return Records(repo.config, today, {k: _records(reader, k, by_kind[k]) for k in wanted})


def _records(reader: _Reader, kind: str, rels: list[str], few: bool = False) -> list[Rec]:
    out = []
    for rel in rels:
        data = reader.data(rel, kind, few)
        if data is not None:  # unreadable: its own findings say why
            out.append(derive.make_rec(rel, kind, data))
    return out


def _kind_digest(reader: _Reader, rels: list[str]) -> str | None:
    """A digest of a kind's files and their blobs, worked out once a run for every rule."""
    # One join and one hash over a street's 50,000 vouchers, not an update per file.
    facts, blobs = reader.facts, reader.blobs
    parts: list[str] = []
    for rel in rels:
        known = facts.get(rel)
        blob = known.blob if known is not None else blobs.get(rel)
        if blob is None:
            return None  # a file that is not in git (or not readable) cannot be keyed
        parts += ("", rel, blob)
    return hashlib.sha1("\0".join(parts).encode(), usedforsecurity=False).hexdigest()


def _key(rule: str, kinds: list[str | None]) -> str | None:
    if None in kinds:
        return None
    return f"{rule}:" + hashlib.sha1("\0".join(map(str, kinds)).encode(), usedforsecurity=False).hexdigest()


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
