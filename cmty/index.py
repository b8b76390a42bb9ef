"""The index of all records, and the reference checks run against it, incrementally.

A file's reference findings depend on the file and on the ids of the kinds it refers to. Each
kind's ids get a digest per run; a file whose cached result was computed against the same
digests keeps it, so editing one record re-checks only that record's references, and adding a
voucher does not re-check the million member references of the fee files.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable

from cmty import rules, yamlio
from cmty.cache import ResultCache
from cmty.filecheck import FileFacts, locate_all
from cmty.findings import Finding, JsonPath
from cmty.kinds import BY_NAME, kind_of_path, record_id_for
from cmty.rules.base import crashed
from cmty.schemas import kind_schema, values_at
from cmty.source import Source

# Recovers a file's targets when neither the run nor the cache has them.
Reparse = Callable[[str], dict[str, frozenset[str]]]


def build(source: Source, all_facts: Iterable[FileFacts]) -> rules.Index:
    index = rules.Index(paths_of=lambda file, kind, target: reference_paths(source, file, kind,
                                                                            target))
    for facts in all_facts:
        for record, where in facts.defined:
            index.ids.setdefault(record, []).append(rules.Defined(facts.kind, facts.file, where))
            index.kinds.setdefault(facts.kind, set()).add(record)
            index.kind_of.setdefault(record, facts.kind)
    return index


def digests(index: rules.Index) -> dict[str, str]:
    out = {kind: hashlib.sha1("\n".join(sorted(ids)).encode(), usedforsecurity=False).hexdigest()
           for kind, ids in index.kinds.items()}
    out["any"] = hashlib.sha1("\n".join(sorted(index.kind_of)).encode(),
                              usedforsecurity=False).hexdigest()
    return out


def check_references(source: Source, all_facts: list[FileFacts], index: rules.Index,
                     cache: ResultCache, reparse: Reparse,
                     digest: dict[str, str] | None = None) -> list[Finding]:
    """Reference findings of every file: reused where the ids they depend on are unchanged.

    `digest` may be given when the ids are known not to have changed since it was computed.
    """
    digest = digest or digests(index)
    keys: dict[tuple[str, ...], str] = {}
    found: list[Finding] = []
    for facts in all_facts:
        if not facts.target_kinds:
            continue
        key = keys.get(facts.target_kinds) or keys.setdefault(
            facts.target_kinds, _key(digest, facts.target_kinds))
        if facts.ref_key != key:
            targets = _targets(facts, cache, reparse)
            record = record_id_for(BY_NAME[facts.kind], facts.file)
            facts.ref_findings = _run(rules.Targets(facts.file, record, targets), index, source)
            facts.ref_key = key
            facts.changed = True
        found.extend(facts.ref_findings)
    return found


def _key(digest: dict[str, str], kinds: tuple[str, ...]) -> str:
    joined = "|".join(f"{kind}:{digest.get(kind, '-')}" for kind in kinds)
    return hashlib.sha1(joined.encode(), usedforsecurity=False).hexdigest()[:16]


def _targets(facts: FileFacts, cache: ResultCache, reparse: Reparse
             ) -> dict[str, frozenset[str]]:
    if facts.targets is not None:
        return facts.targets
    cached = cache.get_targets(facts.blob) if facts.blob else None
    return cached if cached is not None else reparse(facts.file)


def _run(targets: rules.Targets, index: rules.Index, source: Source) -> list[Finding]:
    found: list[Finding] = []
    for rule in rules.REFERENCE_RULES:
        try:
            found.extend(rule.check(targets, index))
        except Exception as exc:  # one broken rule must not hide the others
            found.append(crashed(rule.name, exc, targets.file, targets.record))
    if not found:
        return found
    return locate_all(found, source.read_text(targets.file))


def reference_paths(source: Source, rel: str, target_kind: str, target: str) -> list[JsonPath]:
    """Where in a file a reference to `target` is made (read again: only wrong ones get here)."""
    kind = kind_of_path(rel)
    try:
        data = yamlio.load_text(source.read_bytes(rel).decode("utf-8-sig"))
    except (OSError, UnicodeDecodeError, yamlio.YamlLoadError):
        return [()]
    if kind is None:
        return [()]
    paths = [path for pattern, wanted in kind_schema(kind.name).refs if wanted == target_kind
             for path, value in values_at(data, pattern) if value == target]
    return paths or [()]
