"""`cmty validate` as a library call: every finding in a data repository, located."""

from __future__ import annotations

import gc
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from cmty import checkpool, filecheck, gitio, identifiers, rules, yamlio
from cmty.cache import ResultCache, fingerprint
from cmty.config import CONFIG_NAME, Config
from cmty.filecheck import FileFacts
from cmty.findings import Finding, JsonPath, Severity, Text
from cmty.kinds import BY_NAME, Kind, kind_of_path, record_id_for
from cmty.repo import Repo
from cmty.schemas import kind_schema, values_at


@dataclass(frozen=True)
class Report:
    findings: list[Finding]
    files: int
    records: int
    cached: int

    def count(self, severity: Severity) -> int:
        return sum(1 for f in self.findings if f.severity == severity)

    def fails(self, threshold: Severity) -> bool:
        return any(f.severity >= threshold for f in self.findings)


def validate_repo(repo: Repo, paths: Sequence[str] = (), *, use_cache: bool = True,
                  today: date | None = None) -> Report:
    """Check every record file; report findings for `paths` (all files when empty)."""
    config = repo.config
    today = today or date.today()
    with identifiers.reference_date(today), _gc_paused():
        return _validate(repo, paths, use_cache, today, config)


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


def _validate(repo: Repo, paths: Sequence[str], use_cache: bool, today: date, config: Config
              ) -> Report:
    files = list(repo.record_files())
    cache = ResultCache(None)
    blobs: dict[str, str] = {}
    if use_cache:
        key = fingerprint((repo.root / CONFIG_NAME).read_bytes(), today.isoformat())
        cache = ResultCache.for_repo(repo.root, key)
        blobs = gitio.tracked_blobs(repo.root) or {}
    all_facts = _check_all(repo.root, files, config, today, cache, blobs)
    cache.save()
    index = _index(repo.root, all_facts)
    found = [f for facts in all_facts for f in facts.findings]
    found += _locate_by_file(repo.root, _dataset_findings(index, config))
    found = _apply_overrides(found, config)
    if paths:
        found = [f for f in found if _selected(f.file, paths)]
    found.sort(key=Finding.sort_key)
    records = sum(len(v) for v in index.ids.values())
    return Report(found, len(files), records, cache.hits)


def _check_all(root: Path, files: list[tuple[str, Kind]], config: Config, today: date,
               cache: ResultCache, blobs: dict[str, str]) -> list[FileFacts]:
    """Facts for every file: from the cache where the blob is known, else checked afresh."""
    facts: list[FileFacts | None] = []
    misses: list[tuple[int, tuple[str, str]]] = []
    for rel, kind in files:
        blob = blobs.get(rel)
        hit = cache.get(blob) if blob is not None else None
        if hit is None:
            misses.append((len(facts), (rel, kind.name)))
            facts.append(None)
        else:
            facts.append(FileFacts.from_cache(rel, hit))
    checked = checkpool.check_files(root, [item for _, item in misses], config, today)
    for (position, _), (blob, result) in zip(misses, checked, strict=True):
        facts[position] = result
        if blob is not None:
            cache.put(blob, result.to_cache())
    return [f for f in facts if f is not None]


def _index(root: Path, all_facts: Iterable[FileFacts]) -> rules.Index:
    index = rules.Index(paths_of=lambda file, kind, target: _reference_paths(root, file, kind, target))
    for facts in all_facts:
        for record, where in facts.defined:
            index.ids.setdefault(record, []).append(rules.Defined(facts.kind, facts.file, where))
            index.kinds.setdefault(facts.kind, set()).add(record)
        if facts.targets:
            record = record_id_for(BY_NAME[facts.kind], facts.file)
            index.targets.append(rules.Targets(facts.file, record, facts.targets))
    return index


def _reference_paths(root: Path, rel: str, target_kind: str, target: str) -> list[JsonPath]:
    """Where in a file a reference to `target` is made (read again: only wrong ones get here)."""
    kind = kind_of_path(rel)
    try:
        data = yamlio.load_text((root / rel).read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, yamlio.YamlLoadError):
        return [()]
    if kind is None:
        return [()]
    paths = [path for pattern, wanted_kind in kind_schema(kind.name).refs if wanted_kind == target_kind
             for path, value in values_at(data, pattern) if value == target]
    return paths or [()]


def _dataset_findings(index: rules.Index, config: Config) -> list[Finding]:
    found: list[Finding] = []
    for rule in rules.DATASET_RULES:
        try:
            found.extend(rule.check(index, config))
        except Exception as exc:  # one broken rule must not hide the others
            found.append(Finding(
                code="RULE-CRASHED", severity=Severity.ERROR, file=CONFIG_NAME, line=1, column=1,
                rule="cmty", message=Text(f"规则 {rule.name} 出错：{exc!r}",
                                          f"rule {rule.name} failed: {exc!r}"),
                hint=Text("这是 cmty 的缺陷，请报告", "this is a bug in cmty; please report it")))
    return found


def _locate_by_file(root: Path, found: list[Finding]) -> list[Finding]:
    by_file: dict[str, list[Finding]] = defaultdict(list)
    for f in found:
        by_file[f.file].append(f)
    located: list[Finding] = []
    for rel, items in by_file.items():
        try:
            text = (root / rel).read_text(encoding="utf-8", errors="replace")
        except OSError:
            text = ""
        located.extend(filecheck.locate_all(items, text))
    return located


def _apply_overrides(found: list[Finding], config: Config) -> list[Finding]:
    if not config.checks:
        return found
    out = []
    for f in found:
        level = config.checks.get(f.code)
        if level == "off":
            continue
        out.append(replace(f, severity=Severity.parse(level)) if level else f)
    return out


def _selected(rel: str, paths: Sequence[str]) -> bool:
    return any(rel == p or rel.startswith(p.rstrip("/") + "/") for p in paths)


def relative_paths(repo: Repo, paths: Sequence[Path]) -> list[str]:
    """User-given paths (relative to the working directory) as repository-relative paths."""
    from cmty.errors import UsageError

    rel = []
    for p in paths:
        full = p.resolve()
        try:
            rel.append(full.relative_to(repo.root).as_posix())
        except ValueError:
            raise UsageError(Text(f"{p} 不在数据仓库 {repo.root} 中",
                                  f"{p} is outside the data repository {repo.root}")) from None
        if not full.exists():
            raise UsageError(Text(f"{p} 不存在", f"{p} does not exist"))
    return [r if r != "." else "" for r in rel]
