"""Findings: what a check found, as data. Nothing here does I/O."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import IntEnum
from typing import Any

JsonPath = tuple[str | int, ...]


class Severity(IntEnum):
    INFO = 0
    WARNING = 1
    ERROR = 2

    @property
    def label(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, text: str) -> Severity:
        try:
            return cls[text.upper()]
        except KeyError:
            raise ValueError(f"unknown severity {text!r}; use error, warning or info") from None


@dataclass(frozen=True, slots=True)
class Text:
    """One sentence in Chinese and in English."""

    zh: str
    en: str

    def get(self, lang: str) -> str:
        return self.zh if lang == "zh" else self.en


@dataclass(frozen=True, slots=True)
class Finding:
    """One thing a check found in one place.

    `path` is the location inside the file's data (keys and list indexes); `line` and `column`
    are 1-based and filled in from `path` by the locator before a finding is reported.
    """

    code: str
    severity: Severity
    file: str
    message: Text
    hint: Text
    rule: str = ""
    record: str | None = None
    path: JsonPath = ()
    line: int | None = None
    column: int | None = None
    # Where the locator should point: at the mapping key or at the value.
    at_key: bool = field(default=False, compare=False)

    @property
    def where(self) -> str:
        """file:line:column, or the file alone for a finding with no place in it (a deleted file)."""
        return f"{self.file}:{self.line}:{self.column}" if self.line is not None else self.file

    def to_tuple(self) -> tuple[Any, ...]:
        """Plain values only, for the cache (marshal reads them back far faster than pickle)."""
        return (self.code, int(self.severity), self.file, self.message.zh, self.message.en,
                self.hint.zh, self.hint.en, self.rule, self.record, self.path, self.line,
                self.column, self.at_key)

    @classmethod
    def from_tuple(cls, t: tuple[Any, ...]) -> Finding:
        return cls(code=t[0], severity=Severity(t[1]), file=t[2], message=Text(t[3], t[4]),
                   hint=Text(t[5], t[6]), rule=t[7], record=t[8], path=tuple(t[9]), line=t[10],
                   column=t[11], at_key=t[12])

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.file, self.line or 0, self.column or 0, self.code)

    def to_json(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "severity": self.severity.label,
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "record": self.record,
            "path": "/".join(str(p) for p in self.path),
            "message": {"zh": self.message.zh, "en": self.message.en},
            "hint": {"zh": self.hint.zh, "en": self.hint.en},
            "rule": self.rule,
        }
