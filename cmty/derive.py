"""File rules and summaries worked out where a file is parsed, on a cold run.

A cold run parses a street's files across processes. Sending every fee file's million entries
back to the main process, only for the file rules and summaries to read them there, cost more
than all the parsing. So once the records those rules read (the members) are parsed, the main
process `prepare`s them; the worker processes, forked after that, inherit them and `derive`
each fee file's file-rule findings and summaries on the spot, and drop records no other rule
reads. Anything not derived here is worked out by `cmty.collect` as before.
"""

from __future__ import annotations

import hashlib
import marshal
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from typing import Any

from cmty import rules
from cmty.config import Config
from cmty.filecheck import FileFacts
from cmty.kinds import BY_NAME, record_id_for
from cmty.rules.base import CollectionRule, FileRule, Rec, Records, Summary, crashed


def file_rules() -> list[FileRule]:
    return [r for r in rules.COLLECTION_RULES if isinstance(r, FileRule)]


def summaries() -> list[Summary]:
    found: dict[str, Summary] = {}
    for rule in rules.COLLECTION_RULES:
        if isinstance(rule, CollectionRule):
            for summary in rule.summaries:
                found.setdefault(summary.name, summary)
    return list(found.values())


def data_kinds() -> set[str]:
    """The kinds whose whole records some rule reads (not only their file rules or summaries)."""
    kinds: set[str] = set()
    for rule in rules.COLLECTION_RULES:
        if isinstance(rule, FileRule):
            kinds.update(rule.reads)
        else:
            summarised = {s.kind for s in rule.summaries} if isinstance(rule, CollectionRule) else set()
            kinds.update(k for k in rule.kinds if k not in summarised)
    return kinds


def derived_kinds() -> set[str]:
    return {r.kind for r in file_rules()} | {s.kind for s in summaries()}


def make_rec(rel: str, kind_name: str, data: dict[str, Any]) -> Rec:
    """A record as the rules across records see it; its id from the path for per-period kinds,
    else its `id` field (the file stem when that is missing)."""
    kind = BY_NAME[kind_name]
    stem = record_id_for(kind, rel)
    own = data.get("id")
    return Rec(rel, stem if kind.per_period or not isinstance(own, str) else own, kind_name, data)


def rec_of(facts: FileFacts) -> Rec | None:
    return None if facts.data is None else make_rec(facts.file, facts.kind, facts.data)


def fields_digest(records: Records, rule: FileRule) -> str:
    digest = hashlib.sha1(rule.name.encode(), usedforsecurity=False)
    for kind in rule.reads:
        for rec in records.of(kind):
            digest.update(marshal.dumps((rec.id, [rec.data.get(f) for f in rule.fields])))
    return digest.hexdigest()


@dataclass(frozen=True)
class _Prepared:
    reads: dict[str, Records]  # file rule → the records it reads
    digests: dict[str, str]  # file rule → digest of the fields it reads
    # Worked out once here, not for each of a street's files in `derive`:
    file_rules: dict[str, list[FileRule]]  # kind → its file rules
    summaries: dict[str, list[Summary]]  # kind → its summaries
    keep_data: set[str]  # kinds whose whole records other rules read


_PREPARED: _Prepared | None = None


@contextmanager
def prepared(read_facts: Iterable[FileFacts], config: Config, today: date) -> Iterator[None]:
    """Make the records the file rules read available to the files checked inside."""
    global _PREPARED
    by_kind: dict[str, list[Rec]] = {}
    for facts in read_facts:
        rec = rec_of(facts)
        if rec is not None:
            by_kind.setdefault(rec.kind, []).append(rec)
    reads: dict[str, Records] = {}
    digests: dict[str, str] = {}
    for rule in file_rules():
        reads[rule.name] = Records(config, today, {k: by_kind.get(k, []) for k in rule.reads})
        digests[rule.name] = fields_digest(reads[rule.name], rule)
    by_kind_rules: dict[str, list[FileRule]] = {}
    for rule in file_rules():
        by_kind_rules.setdefault(rule.kind, []).append(rule)
    by_kind_summaries: dict[str, list[Summary]] = {}
    for summary in summaries():
        by_kind_summaries.setdefault(summary.kind, []).append(summary)
    _PREPARED = _Prepared(reads, digests, by_kind_rules, by_kind_summaries, data_kinds())
    try:
        yield
    finally:
        _PREPARED = None


def derive(facts: FileFacts) -> None:
    """Work out this file's file-rule findings and summaries, if the records they read are
    prepared, and drop its record when no other rule reads it."""
    prepared = _PREPARED
    if prepared is None or facts.data is None or (
            facts.kind not in prepared.file_rules and facts.kind not in prepared.summaries):
        return
    rec = make_rec(facts.file, facts.kind, facts.data)
    derived: dict[str, Any] = {}
    for rule in prepared.file_rules.get(facts.kind, []):
        try:
            found = list(rule.check_file(rec, prepared.reads[rule.name]))
        except Exception as exc:  # one broken rule must not hide the others
            found = [crashed(rule.name, exc, facts.file)]
        derived[file_key(rule.name, prepared.digests[rule.name])] = [f.to_tuple() for f in found]
    for summary in prepared.summaries.get(facts.kind, []):
        derived[summary_key(summary.name)] = summary.summarise(rec)
    facts.derived = derived
    if facts.kind not in prepared.keep_data:
        facts.data = None


def file_key(rule: str, digest: str) -> str:
    return f"file\0{rule}\0{digest}"


def summary_key(name: str) -> str:
    return f"summary\0{name}"
