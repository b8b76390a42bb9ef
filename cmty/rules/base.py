"""What rules are given and what they return; no rule logic lives here."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from cmty.catalogue import severity_of, source_of
from cmty.config import Config
from cmty.findings import Finding, JsonPath, Text
from cmty.schemas import KindSchema


@dataclass(frozen=True, slots=True)
class RecordContext:
    """One parsed record and what a record rule may consult."""

    file: str
    kind: str
    record: str
    data: dict[str, Any]
    schema: KindSchema
    config: Config
    today: date

    def finding(self, code: str, path: JsonPath, message: Text, hint: Text,
                at_key: bool = False) -> Finding:
        return Finding(code=code, severity=severity_of(code), file=self.file, message=message,
                       hint=hint, rule=source_of(code), record=self.record, path=path,
                       at_key=at_key)


@dataclass(frozen=True, slots=True)
class Targets:
    """The ids one file refers to, by the kind they must be (a kind name, or "any")."""

    file: str
    record: str
    by_kind: dict[str, frozenset[str]]


@dataclass(frozen=True, slots=True)
class Defined:
    kind: str
    file: str
    path: JsonPath


def _no_paths(file: str, target_kind: str, target: str) -> list[JsonPath]:
    return [()]


@dataclass(slots=True)
class Index:
    """Every record id in the repository, by id and by kind.

    References are kept as sets per file (`Targets`) rather than one object per reference: a
    street's ten years of fee entries are a million references, and only the few that are
    wrong need a position, which `paths_of` finds by reading that one file again.
    """

    ids: dict[str, list[Defined]] = field(default_factory=dict)
    kinds: dict[str, set[str]] = field(default_factory=dict)  # kind → ids of that kind
    kind_of: dict[str, str] = field(default_factory=dict)  # id → kind of its first record
    paths_of: Callable[[str, str, str], list[JsonPath]] = _no_paths

    def ids_of_kind(self, kind: str) -> set[str]:
        return self.kinds.get(kind, set())


RecordCheck = Callable[[RecordContext], Iterator[Finding]]
DatasetCheck = Callable[[Index, Config], Iterator[Finding]]
ReferenceCheck = Callable[[Targets, Index], Iterator[Finding]]


@dataclass(frozen=True, slots=True)
class RecordRule:
    name: str
    codes: tuple[str, ...]
    kinds: tuple[str, ...] | None  # None: every kind
    check: RecordCheck


@dataclass(frozen=True, slots=True)
class DatasetRule:
    name: str
    codes: tuple[str, ...]
    check: DatasetCheck


@dataclass(frozen=True, slots=True)
class ReferenceRule:
    """Checks one file's references against the index of all ids.

    Its result depends only on the file and on the ids of the kinds the file refers to, so it
    is kept with the file in the cache and re-run only when either changes.
    """

    name: str
    codes: tuple[str, ...]
    check: ReferenceCheck


def reference_rule(*codes: str) -> Callable[[ReferenceCheck], ReferenceRule]:
    def wrap(func: ReferenceCheck) -> ReferenceRule:
        return ReferenceRule(func.__name__, codes, func)

    return wrap


def record_rule(*codes: str, kinds: tuple[str, ...] | None = None
                ) -> Callable[[RecordCheck], RecordRule]:
    def wrap(func: RecordCheck) -> RecordRule:
        return RecordRule(func.__name__, codes, kinds, func)

    return wrap


def dataset_rule(*codes: str) -> Callable[[DatasetCheck], DatasetRule]:
    def wrap(func: DatasetCheck) -> DatasetRule:
        return DatasetRule(func.__name__, codes, func)

    return wrap


def finding(code: str, file: str, record: str | None, path: JsonPath, message: Text,
            hint: Text, at_key: bool = False) -> Finding:
    return Finding(code=code, severity=severity_of(code), file=file, message=message, hint=hint,
                   rule=source_of(code), record=record, path=path, at_key=at_key)


def crashed(rule: str, exc: BaseException, file: str, record: str | None = None) -> Finding:
    """A rule that raised, as a finding: one broken rule must not hide the other rules' findings."""
    return Finding(code="RULE-CRASHED", severity=severity_of("RULE-CRASHED"), file=file, line=1,
                   column=1, rule=source_of("RULE-CRASHED"), record=record,
                   message=Text(f"规则 {rule} 出错：{exc!r}", f"rule {rule} failed: {exc!r}"),
                   hint=Text("这是 cmty 的缺陷，请报告", "this is a bug in cmty; please report it"))


@dataclass(frozen=True, slots=True)
class Rec:
    """One record as the collection rules see it: where it lives and its parsed data."""

    file: str
    id: str
    kind: str
    data: dict[str, Any]

    def finding(self, code: str, path: JsonPath, message: Text, hint: Text,
                at_key: bool = False) -> Finding:
        return finding(code, self.file, self.id, path, message, hint, at_key)


@dataclass(slots=True)
class Records:
    """Every readable record of the kinds a collection rule asked for, with the run's settings.

    Records come in path order; a duplicated id keeps its first record in `get` (the duplicate
    itself is reported by `integrity.duplicate_ids`).
    """

    config: Config
    today: date
    by_kind: dict[str, list[Rec]] = field(default_factory=dict)
    # name → (file, record id, summary) per file in path order, or their `Summary.combine`
    summaries: dict[str, Any] = field(default_factory=dict)
    # Values a file rule derives from the records it reads, kept while it checks file after
    # file (a member's dues table is built once, not once per fee file).
    derived: dict[str, Any] = field(default_factory=dict)
    _by_id: dict[str, dict[str, Rec]] = field(default_factory=dict)

    def of(self, kind: str) -> list[Rec]:
        return self.by_kind.get(kind, [])

    def get(self, kind: str, record: Any) -> Rec | None:
        if not isinstance(record, str):
            return None
        table = self._by_id.get(kind)
        if table is None:
            table = {}
            for rec in self.of(kind):
                table.setdefault(rec.id, rec)
            self._by_id[kind] = table
        return table.get(record)


@dataclass(frozen=True, slots=True)
class Deadline:
    """Something that must be done by a date, and the rule that says so.

    A deadline that has passed is a finding of its code in `cmty validate`; `cmty remind` lists
    the ones that are late or fall due soon.
    """

    code: str
    due: date
    file: str
    record: str
    path: JsonPath
    what: Text  # what must be done
    hint: Text  # how to do it, or how to record that it was done

    def finding(self) -> Finding:
        late = Text(f"{self.what.zh}（期限 {self.due.isoformat()}，已逾期）",
                    f"{self.what.en} (due {self.due.isoformat()}, overdue)")
        return finding(self.code, self.file, self.record, self.path, late, self.hint)


CollectionCheck = Callable[[Records], Iterator[Finding]]
DeadlineCheck = Callable[[Records], Iterator[Deadline]]


@dataclass(frozen=True, slots=True)
class Summary:
    """What a collection rule needs from each file of a kind, made small (of a street's million
    fee entries, the arrears rule reads who paid for which months), kept per file under its blob
    id so a changed file alone is summarised again. Plain data only (lists, dicts, text …)."""

    name: str
    kind: str
    summarise: Callable[[Rec], Any]
    # Optional: the summaries made into one value, given to the rules in place of the list and
    # kept under a digest of the kind's files (a street's months paid: 0.25 MB, not 35).
    combine: Callable[[list[tuple[str, str, Any]]], Any] | None = None


@dataclass(frozen=True, slots=True)
class CollectionRule:
    """Checks records against each other (a member's fees against their dues, a branch's
    meetings against the cadence). It sees every record of `kinds` (or, for the kinds of its
    `summaries`, each file's summary instead) and nothing else, so its result is kept until a
    file of one of those kinds changes."""

    name: str
    codes: tuple[str, ...]
    kinds: tuple[str, ...]
    check: CollectionCheck
    summaries: tuple[Summary, ...] = ()


FileCheck = Callable[[Rec, Records], Iterator[Finding]]


@dataclass(frozen=True, slots=True)
class FileRule:
    """Checks each record of `kind` against the records of `reads`, of which only `fields`
    matter (fee entries against each member's fee basis). Its findings are kept per file, keyed
    by the file's blob id and a digest of those fields: a new month of fees is checked alone,
    and editing a member's phone number checks nothing again."""

    name: str
    codes: tuple[str, ...]
    kind: str
    reads: tuple[str, ...]
    fields: tuple[str, ...]
    check_file: FileCheck

    @property
    def kinds(self) -> tuple[str, ...]:
        return (self.kind, *self.reads)


@dataclass(frozen=True, slots=True)
class DeadlineRule:
    """Yields what is due and not yet done; overdue items become findings of their code."""

    name: str
    codes: tuple[str, ...]
    kinds: tuple[str, ...]
    deadlines: DeadlineCheck

    def check(self, records: Records) -> Iterator[Finding]:
        for item in self.deadlines(records):
            if item.due < records.today:
                yield item.finding()


def collection_rule(*codes: str, kinds: tuple[str, ...], summaries: tuple[Summary, ...] = ()
                    ) -> Callable[[CollectionCheck], CollectionRule]:
    def wrap(func: CollectionCheck) -> CollectionRule:
        return CollectionRule(func.__name__, codes, kinds, func, summaries)

    return wrap


def file_rule(*codes: str, kind: str, reads: tuple[str, ...], fields: tuple[str, ...]
              ) -> Callable[[FileCheck], FileRule]:
    def wrap(func: FileCheck) -> FileRule:
        return FileRule(func.__name__, codes, kind, reads, fields, func)

    return wrap


def deadline_rule(*codes: str, kinds: tuple[str, ...]) -> Callable[[DeadlineCheck], DeadlineRule]:
    def wrap(func: DeadlineCheck) -> DeadlineRule:
        return DeadlineRule(func.__name__, codes, kinds, func)

    return wrap
