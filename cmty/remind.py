"""`cmty remind`: one deadline engine over every rule that says something is due by a date.

The deadline rules (`rules.COLLECTION_RULES` entries made with `@deadline_rule`) yield what is
due and not yet done; `cmty validate` reports the ones already late, and this module lists the
late ones together with those falling due within a window. The result depends only on the
repository and the date asked about.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from cmty import collect, rules
from cmty.catalogue import severity_of, source_of
from cmty.config import CONFIG_NAME
from cmty.findings import Finding, Severity, Text
from cmty.locate import Locator
from cmty.repo import Repo
from cmty.rules.base import Deadline, DeadlineRule, crashed


@dataclass(frozen=True, slots=True)
class Reminder:
    code: str
    severity: Severity
    rule: str  # the regulation's code, e.g. O9
    due: date
    days: int  # from the date asked about to the due date; negative when late
    file: str
    record: str
    line: int | None
    column: int | None
    what: Text
    hint: Text

    @property
    def overdue(self) -> bool:
        return self.days < 0


def deadline_rules() -> list[DeadlineRule]:
    return [r for r in rules.COLLECTION_RULES if isinstance(r, DeadlineRule)]


def reminders(repo: Repo, as_of: date, within_days: int) -> list[Reminder]:
    """What is overdue on `as_of`, and what falls due within `within_days` after it."""
    chosen = deadline_rules()
    records = collect.load_records(repo, {k for rule in chosen for k in rule.kinds}, as_of)
    horizon = as_of + timedelta(days=within_days)
    items: list[Deadline] = []
    broken: list[Finding] = []
    for rule in chosen:
        try:
            items.extend(d for d in rule.deadlines(records) if d.due <= horizon)
        except Exception as exc:  # one broken rule must not hide the others
            broken.append(crashed(rule.name, exc, CONFIG_NAME))
    checks = repo.config.checks
    items = [d for d in items if checks.get(d.code) != "off"]
    located = _locate(repo, items)
    out = [Reminder(d.code, Severity.parse(checks[d.code]) if d.code in checks else
                    severity_of(d.code), source_of(d.code), d.due, (d.due - as_of).days, d.file,
                    d.record, line, column, d.what, d.hint)
           for d, (line, column) in zip(items, located, strict=True)]
    out += [Reminder(f.code, f.severity, f.rule, as_of, 0, f.file, f.record or "", f.line,
                     f.column, f.message, f.hint) for f in broken]
    return sorted(out, key=lambda r: (r.due, r.code, r.record, r.file, r.line or 0))


def _locate(repo: Repo, items: list[Deadline]) -> list[tuple[int | None, int | None]]:
    """Line and column of each deadline's place, in the order given; each file read once."""
    by_file: dict[str, list[int]] = {}
    for i, item in enumerate(items):
        by_file.setdefault(item.file, []).append(i)
    where: list[tuple[int | None, int | None]] = [(None, None)] * len(items)
    for rel, positions in by_file.items():
        try:
            locator = Locator((repo.root / rel).read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError):
            continue
        for i in positions:
            where[i] = locator.find(items[i].path, False)
    return where
