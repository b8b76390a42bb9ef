"""`cmty validate` as a library call: every finding in a data repository, located.

Three speeds, one result: a cold run parses every file (across processes); a warm run takes
each unchanged file's result from the per-blob cache; a run after a few edits takes everything
but the edited files from the last run's snapshot. Tests check that all three agree.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any

from cmty import checkpool, collect, derive, gitio, identifiers, retention, rules, sealcheck, strays
from cmty import index as index_mod
from cmty.cache import ResultCache, fingerprint
from cmty.config import CONFIG_NAME, Config
from cmty.errors import UsageError
from cmty.filecheck import FileFacts
from cmty.findings import Finding, Severity, Text
from cmty.kinds import Kind, kind_of_path
from cmty.repo import Repo, config_from_bytes
from cmty.rules.base import crashed
from cmty.snapshot import REWRITE_FROM, Snapshot
from cmty.source import Source
from cmty.strays import stray_files


@dataclass(frozen=True)
class Report:
    findings: list[Finding]
    files: int
    records: int
    cached: int
    checked: list[str] = field(default_factory=list)  # the record files, in order

    def count(self, severity: Severity) -> int:
        return sum(1 for f in self.findings if f.severity == severity)

    def fails(self, threshold: Severity) -> bool:
        return any(f.severity >= threshold for f in self.findings)


@dataclass
class _Run:
    """What one validation run works with."""

    repo: Repo
    source: Source
    config: Config
    today: date
    files: list[tuple[str, Kind]]
    blobs: dict[str, str]
    cache: ResultCache
    strays: tuple[list[str], list[str]]  # see cmty.strays
    deleted: list[str] | None  # tracked files gone from the work tree, when git listed them

    def reparse(self, rel: str) -> dict[str, frozenset[str]]:
        kind = kind_of_path(rel)
        if kind is None:
            return {}
        facts = checkpool.check_one(self.source, rel, kind.name, self.config, self.today)[1]
        return facts.targets or {}


def validate_repo(repo: Repo, paths: Sequence[str] = (), *, use_cache: bool = True,
                  today: date | None = None, overlay: dict[str, bytes | None] | None = None,
                  at: str | None = None) -> Report:
    """Check every record file; report findings for `paths` (all files when empty).

    `overlay` maps files to the bytes they would have (None: deleted): the repository is
    checked as it would be, nothing is read from or written for those paths on disk, and the
    caches are only read. `at` (a revision or a YYYY-MM-DD date) checks the repository as it
    was in that commit, read from git's objects, without checking anything out.
    """
    today = today or date.today()
    commit = _commit_for(repo, at) if at else None
    config = _config_at(repo, commit) if commit else repo.config
    source = Source(repo.root, dict(overlay or {}), commit)
    with identifiers.reference_date(today), _gc_paused():
        run = _inventory(repo, source, config, today, use_cache)
        snapshot = Snapshot.load(run.cache.snapshot_path) if use_cache else None
        quick = _incremental(run, snapshot) if snapshot is not None else None
        found, records, snapshot, known = quick or _full(run)
        found = [*found, *collect.collection_findings(source, run.files, known, run.blobs,
                                                      run.cache, config, today)]
        if use_cache and not overlay and commit is None:
            snapshot.save(run.cache.snapshot_path)
    found = [*found, *strays.findings(*run.strays)]
    found = [*found, *retention.for_files(repo.root, run.files, today, commit, overlay, run.deleted)]
    found = [*found, *sealcheck.findings_for(repo, run.blobs, source, run.files)]
    found = _apply_overrides(found, config)
    if paths:
        found = [f for f in found if _selected(f.file, paths)]
    found.sort(key=Finding.sort_key)
    return Report(found, len(run.files), records, run.cache.hits, [rel for rel, _ in run.files])


@contextmanager
def _gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while a run builds millions of small objects.

    The run's data holds no reference cycles, but the collector would scan it again and again
    as it grows (measured: a third of a warm run on the bench street).
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _commit_for(repo: Repo, at: str) -> str:
    commit = gitio.resolve(repo.root, at)
    if commit is None:
        raise UsageError(Text(f"找不到版本 {at}", f"no revision {at}"),
                         Text("用提交号、分支、标签，或 YYYY-MM-DD 日期",
                              "give a commit, branch or tag, or a YYYY-MM-DD date"))
    return commit


def _config_at(repo: Repo, commit: str) -> Config:
    raw = gitio.run(repo.root, "show", f"{commit}:./{CONFIG_NAME}")
    if raw is None:
        raise UsageError(Text(f"版本 {commit[:7]} 中没有 {CONFIG_NAME}",
                              f"{CONFIG_NAME} does not exist in {commit[:7]}"))
    return config_from_bytes(raw, Path(f"{commit[:7]}:{CONFIG_NAME}"))


def _inventory(repo: Repo, source: Source, config: Config, today: date, use_cache: bool
               ) -> _Run:
    if source.commit is not None:
        tree = gitio.tree_blobs(repo.root, source.commit)
        listed: tuple[list[str], dict[str, str], list[str]] | None = (list(tree), tree, [])
    else:
        listed = gitio.inventory(repo.root) if use_cache else None
    # Deleted from the work tree: known from git's listing, else asked later (None).
    listing, blobs, deleted = listed if listed is not None else (repo.listing(), {}, None)
    listing = source.listing(listing)
    if source.commit is None and source.overlay:
        blobs = {rel: blob for rel, blob in blobs.items() if rel not in source.overlay}
    files = list(repo.record_files(listing))
    cache = ResultCache()
    if use_cache:
        key = fingerprint(_config_bytes(repo, source), today.isoformat())
        cache = ResultCache.for_repo(repo.root, key, read_only=bool(source.overlay))
    return _Run(repo, source, config, today, files, blobs, cache, stray_files(listing), deleted)


def _config_bytes(repo: Repo, source: Source) -> bytes:
    if source.commit is None:
        return (repo.root / CONFIG_NAME).read_bytes()
    return gitio.run(repo.root, "show", f"{source.commit}:./{CONFIG_NAME}") or b""


_Result = tuple[list[Finding], int, Snapshot, list[FileFacts]]


def _full(run: _Run) -> _Result:
    all_facts = _check_all(run, run.files)
    index = index_mod.build(run.source, all_facts)
    refs = index_mod.check_references(run.source, all_facts, index, run.cache, run.reparse)
    dataset = collect.locate_by_file(run.source, _dataset_findings(index, run.config))
    _remember(run.cache, all_facts)
    snapshot = Snapshot(dataset=[f.to_tuple() for f in dataset],
                        ids={kind: sorted(ids) for kind, ids in index.kinds.items()},
                        digests=index_mod.digests(index))
    for facts in all_facts:
        _record(snapshot, facts)
    found = [f for facts in all_facts for f in facts.findings] + refs + dataset
    return found, len(index.kind_of) + _duplicates(index), snapshot, all_facts


def _duplicates(index: rules.Index) -> int:
    return sum(len(places) - 1 for places in index.ids.values())


def _incremental(run: _Run, snapshot: Snapshot) -> _Result | None:
    """The result from the snapshot and a re-check of the changed files, or None."""
    kinds = dict(run.files)
    changed = snapshot.changed_files(list(kinds), run.blobs)
    if changed is None:
        return None
    if not changed:
        return snapshot.all_findings(), snapshot.records, snapshot, []
    fresh = _check_all(run, [(rel, kinds[rel]) for rel in changed if rel in kinds])
    if any(rel not in kinds and snapshot.defined(rel) for rel in changed):
        return None  # a removed file took ids with it: references elsewhere may break
    if any(f.defined != snapshot.defined(f.file) for f in fresh):
        return None  # ids moved: the dataset rules and other files' references must re-run
    index = rules.Index()
    index.kinds, index.kind_of = snapshot.ids_by_kind()
    index.paths_of = lambda file, kind, target: index_mod.reference_paths(
        run.source, file, kind, target)
    index_mod.check_references(run.source, fresh, index, run.cache, run.reparse,
                               snapshot.digests)
    _remember(run.cache, fresh, partial=True)
    snapshot.dirty = len(changed) >= REWRITE_FROM
    for rel in changed:
        snapshot.forget(rel)
    for facts in fresh:
        _record(snapshot, facts)
    snapshot.dataset = _relocated(run.source, snapshot.dataset, set(changed))
    return snapshot.all_findings(), snapshot.records, snapshot, fresh


def _relocated(source: Source, dataset: list[Any], changed: set[str]) -> list[Any]:
    """Dataset findings in edited files, placed again (an edit may have moved their lines)."""
    moved = [replace(Finding.from_tuple(t), line=None, column=None) for t in dataset
             if t[2] in changed]
    if not moved:
        return dataset
    kept = [t for t in dataset if t[2] not in changed]
    return kept + [f.to_tuple() for f in collect.locate_by_file(source, moved)]


def _record(snapshot: Snapshot, facts: FileFacts) -> None:
    if facts.blob is None:
        return  # unreadable now: the next run must look again
    found = [f.to_tuple() for f in (*facts.findings, *facts.ref_findings)]
    snapshot.record(facts.file, facts.blob, facts.defined, found)


def _check_all(run: _Run, files: list[tuple[str, Kind]]) -> list[FileFacts]:
    """Facts for `files`: from the cache where the blob is known, else checked afresh."""
    facts: list[FileFacts | None] = []
    misses: list[tuple[int, tuple[str, str]]] = []
    for rel, kind in files:
        blob = run.blobs.get(rel)
        hit = run.cache.get(blob) if blob is not None else None
        if hit is None or blob is None:
            misses.append((len(facts), (rel, kind.name)))
            facts.append(None)
        else:
            facts.append(FileFacts.from_cache(rel, blob, hit))
    if run.source.commit is not None:  # fetch the commit's blobs in one batch
        wanted = {rel: run.blobs[rel] for _, (rel, _) in misses if rel in run.blobs}
        contents = gitio.read_blobs(run.repo.root, list(wanted.values()))
        run.source.overlay.update({rel: contents.get(blob) for rel, blob in wanted.items()})
    checked = _check_misses(run, [item for _, item in misses])
    for (position, _), (blob, result) in zip(misses, checked, strict=True):
        result.blob = blob
        facts[position] = result
    return [f for f in facts if f is not None]


def _check_misses(run: _Run, items: list[tuple[str, str]]) -> list[checkpool.Checked]:
    """Check `items`; on a cold run the records file rules read go first (see cmty.derive)."""
    reads = {k for rule in derive.file_rules() for k in rule.reads}
    first = [i for i, (_, kind) in enumerate(items) if kind in reads]
    every_read_here = len(first) == sum(1 for _, kind in run.files if kind.name in reads)
    derived = derive.derived_kinds()
    if not first or not every_read_here or not any(kind in derived for _, kind in items):
        return checkpool.check_files(run.source, items, run.config, run.today)
    chosen = set(first)
    rest = [i for i in range(len(items)) if i not in chosen]
    early = checkpool.check_files(run.source, [items[i] for i in first], run.config, run.today)
    with derive.prepared((facts for _, facts in early), run.config, run.today):
        late = checkpool.check_files(run.source, [items[i] for i in rest], run.config, run.today)
    out: list[checkpool.Checked | None] = [None] * len(items)
    for i, checked in zip([*first, *rest], [*early, *late], strict=True):
        out[i] = checked
    return [c for c in out if c is not None]


def _remember(cache: ResultCache, all_facts: list[FileFacts], partial: bool = False) -> None:
    for facts in all_facts:
        if facts.blob is not None and facts.changed:
            cache.put(facts.blob, facts.to_cache())
            if facts.targets:
                cache.put_targets(facts.blob, facts.targets)
    cache.save(partial)


def _dataset_findings(index: rules.Index, config: Config) -> list[Finding]:
    found: list[Finding] = []
    for rule in rules.DATASET_RULES:
        try:
            found.extend(rule.check(index, config))
        except Exception as exc:  # one broken rule must not hide the others
            found.append(crashed(rule.name, exc, CONFIG_NAME))
    return found


def _apply_overrides(found: list[Finding], config: Config) -> list[Finding]:
    if not config.checks:
        return found
    levels = [(f, config.checks.get(f.code)) for f in found]
    return [replace(f, severity=Severity.parse(level)) if level else f
            for f, level in levels if level != "off"]


def _selected(rel: str, paths: Sequence[str]) -> bool:
    return any(rel == p or rel.startswith(p.rstrip("/") + "/") for p in paths)
