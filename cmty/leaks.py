"""Personal data that must never reach a public board unmasked (DOMAIN §10, 个人信息保护法 art. 25,
居民身份证法 art. 19): ID numbers, mobiles, bank card numbers, and the passport, permit, account
and ID numbers the repository holds. A board is scanned as text, whatever produced it, so a
number typed into a free-text field (a voucher's description, a meeting's note) is caught too.

Masked forms (35*************123, 138****1234, ****6628) never match: every pattern needs the
digits themselves.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from cmty.findings import Text

# 18-digit ID (or 15-digit legacy): area, birth date, sequence, check; digits on neither side.
_ID_18 = r"[1-9][0-9]{5}(?:18|19|20)[0-9]{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])[0-9]{3}[0-9Xx]"
_ID_15 = r"[1-9][0-9]{5}[0-9]{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])[0-9]{3}"
_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("id-number", re.compile(rf"(?<![0-9A-Za-z])(?:{_ID_18}|{_ID_15})(?![0-9A-Za-z])")),
    # 138 1234 5678 and 138-1234-5678 as well as 13812345678
    ("mobile", re.compile(r"(?<![0-9])1[3-9][0-9][ -]?[0-9]{4}[ -]?[0-9]{4}(?![0-9])")),
    ("bank-card", re.compile(r"(?<![0-9A-Za-z])[0-9]{16,19}(?![0-9A-Za-z])")),
)

KINDS: dict[str, Text] = {
    "id-number": Text("身份证号", "ID number"),
    "mobile": Text("手机号", "mobile number"),
    "bank-card": Text("银行卡号", "bank card number"),
    "passport-number": Text("护照号", "passport number"),
    "permit-number": Text("证件号", "permit number"),
    "bank-account": Text("银行账号", "bank account"),
}


@dataclass(frozen=True, slots=True)
class Leak:
    kind: str
    start: int
    end: int
    line: int
    column: int
    shown: str  # the leaked text with all but its last four characters hidden, for messages

    @property
    def title(self) -> Text:
        return KINDS[self.kind]


def _luhn(digits: str) -> bool:
    """Bank card numbers carry a Luhn check digit; most other long numbers do not."""
    total = 0
    for i, char in enumerate(reversed(digits)):
        value = int(char) * (2 if i % 2 else 1)
        total += value - 9 if value > 9 else value
    return total % 10 == 0


def _hide(text: str) -> str:
    return "*" * max(len(text) - 4, 0) + text[-4:]


def _place(text: str, start: int) -> tuple[int, int]:
    line = text.count("\n", 0, start) + 1
    return line, start - (text.rfind("\n", 0, start) + 1) + 1


def scan(text: str, known: Mapping[str, str] | None = None) -> list[Leak]:
    """Every leak in `text`, in order: numbers that look like personal ones, and the exact
    sensitive values of `known` (value → its x-pii class) wherever they stand."""
    found: dict[tuple[int, int], Leak] = {}

    def add(kind: str, start: int, end: int) -> None:
        line, column = _place(text, start)
        found.setdefault((start, end), Leak(kind, start, end, line, column, _hide(text[start:end])))

    for kind, pattern in _PATTERNS:
        for match in pattern.finditer(text):
            if kind == "bank-card" and not _luhn(match.group()):
                continue
            add(kind, match.start(), match.end())
    for value, kind in (known or {}).items():
        if len(value) < 6 or kind not in KINDS:
            continue  # too short to be anyone's number, or not a class that is never shown
        start = text.find(value)
        while start >= 0:
            add(kind, start, start + len(value))
            start = text.find(value, start + 1)
    ordered = sorted(found.values(), key=lambda leak: (leak.start, -leak.end))
    # One number, one leak: drop what lies inside another (a card-like run inside an ID).
    return [leak for i, leak in enumerate(ordered)
            if not any(o.start <= leak.start and leak.end <= o.end for o in ordered[:i])]


def known_values(values: Iterable[tuple[str, str]]) -> dict[str, str]:
    """(x-pii class, value) pairs from the records → the value → class map `scan` takes, keeping
    only the classes that are never shown in full."""
    return {value.strip(): kind for kind, value in values if kind in KINDS and value.strip()}
