"""What every identifier check shares: the verdict types, issue builders and reference date.

Also the text helpers that name bad characters in a message, and the province codes, which both
ID numbers and division codes begin with. Standard library only; nothing here does I/O.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Literal

SeverityName = Literal["error", "warning"]
ERROR: SeverityName = "error"
WARNING: SeverityName = "warning"


class IdKind(StrEnum):
    ID_NUMBER = "id-number"
    FOREIGN_PERMANENT_RESIDENT = "foreign-permanent-resident"
    CREDIT_CODE = "credit-code"
    MOBILE = "mobile"
    DIVISION = "division-code"


@dataclass(frozen=True, slots=True)
class Issue:
    """One reason a value is wrong (error) or suspicious (warning)."""

    code: str
    severity: SeverityName
    zh: str
    en: str
    hint_zh: str
    hint_en: str


@dataclass(frozen=True, slots=True)
class Verdict:
    """The outcome of one check.

    `value` is the form to store: outer whitespace removed (and reported), a lower-case x
    upper-cased, a mobile reduced to its 11 digits when it is valid. `valid` is true when no
    issue has error severity.
    """

    value: str
    kind: IdKind | None
    valid: bool
    issues: tuple[Issue, ...]
    details: dict[str, str] = field(default_factory=dict)

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(issue.code for issue in self.issues)

    @property
    def errors(self) -> tuple[Issue, ...]:
        return tuple(issue for issue in self.issues if issue.severity == ERROR)

    @property
    def warnings(self) -> tuple[Issue, ...]:
        return tuple(issue for issue in self.issues if issue.severity == WARNING)


def _verdict(
    value: str, kind: IdKind | None, issues: list[Issue], details: dict[str, str] | None = None
) -> Verdict:
    valid = not any(issue.severity == ERROR for issue in issues)
    return Verdict(value, kind, valid, tuple(issues), details if details is not None else {})


def _error(code: str, zh: str, en: str, hint_zh: str, hint_en: str) -> Issue:
    return Issue(code, ERROR, zh, en, hint_zh, hint_en)


def _warning(code: str, zh: str, en: str, hint_zh: str, hint_en: str) -> Issue:
    return Issue(code, WARNING, zh, en, hint_zh, hint_en)


# --- reference date ---------------------------------------------------------------------------

_REFERENCE_DATE: ContextVar[date | None] = ContextVar("reference_date", default=None)


def _today() -> date:
    return _REFERENCE_DATE.get() or date.today()


@contextmanager
def reference_date(day: date) -> Iterator[None]:
    """Within this block, "today" (which bounds dates of birth) is `day`, not the system date.

    A validation run fixes its date once, so a run that starts before midnight judges every
    record by the same day, and tests can pin it.
    """
    token = _REFERENCE_DATE.set(day)
    try:
        yield
    finally:
        _REFERENCE_DATE.reset(token)


# --- shared helpers ---------------------------------------------------------------------------


# str.isdigit() alone accepts full-width and superscript digits, which int() or the weights
# would then misread; every digit test here is ASCII-only.
def _digits(text: str) -> bool:
    return text.isascii() and text.isdigit()


def _is_digit(char: str) -> bool:
    return "0" <= char <= "9"


def _show(char: str) -> str:
    # Whitespace and control characters are invisible in a message; name them by code point.
    if char.isprintable() and not char.isspace():
        return char
    return f"U+{ord(char):04X}"


_SHOWN_BAD = 5


def _list_bad(bad: list[tuple[int, str]]) -> tuple[str, str]:
    """'第3位“A”、第9位“O”' and "'A' at 3, 'O' at 9", shortened after a few."""
    head = bad[:_SHOWN_BAD]
    zh = "、".join(f"第{pos}位“{_show(c)}”" for pos, c in head)
    en = ", ".join(f"'{_show(c)}' at {pos}" for pos, c in head)
    if len(bad) > _SHOWN_BAD:
        zh += f" 等 {len(bad)} 处"
        en += f" and {len(bad) - _SHOWN_BAD} more"
    return zh, en


def _fullwidth(bad: list[tuple[int, str]]) -> bool:
    # Full-width forms (U+FF01–FF5E) come from Chinese input methods and look like ASCII.
    return any("\uff01" <= c <= "\uff5e" for _, c in bad)


def _whitespace_issue(code: str) -> Issue:
    return _error(
        code,
        "首尾有空白字符",
        "has leading or trailing whitespace",
        "删除首尾的空格或换行",
        "remove the surrounding spaces or line breaks",
    )


def _checksum_issue(code: str, found: str, expected: str) -> Issue:
    return _error(
        code,
        f"校验位为 {found}，按前17位应为 {expected}",
        f"check character is {found}; the first 17 give {expected}",
        f"核对第18位；按前17位计算应为 {expected}（若第18位无误，则前17位有误）",
        f"check the 18th character; from the first 17 it should be {expected}"
        " (if it is right, one of the first 17 is wrong)",
    )


# --- province codes (first two digits of ID numbers and division codes) -----------------------

_PROVINCE_RANGES = ((11, 15), (21, 23), (31, 37), (41, 46), (50, 54), (61, 65), (71, 71), (81, 83))
_PROVINCES = frozenset(str(n) for low, high in _PROVINCE_RANGES for n in range(low, high + 1))
_PROVINCES_ZH = "11–15、21–23、31–37、41–46、50–54、61–65、71、81–83"
_PROVINCES_EN = "11-15, 21-23, 31-37, 41-46, 50-54, 61-65, 71, 81-83"


def _province_issue(code: str, province: str, positions: str, foreign: bool = False) -> Issue:
    hint_zh = f"有效省级代码：{_PROVINCES_ZH}"
    hint_en = f"valid province codes: {_PROVINCES_EN}"
    if foreign:
        # A citizen number mistyped with a leading 9 lands here; say how it was read.
        hint_zh += "（首位 9 按外国人永久居留身份证解读）"
        hint_en += " (a leading 9 is read as a foreign permanent resident ID)"
    return _error(
        code,
        f"第{positions}位的省级代码“{province}”不存在",
        f"province code '{province}' (characters {positions.replace('–', '-')}) does not exist",
        hint_zh,
        hint_en,
    )
