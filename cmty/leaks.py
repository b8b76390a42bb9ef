"""Personal data that must never reach a public board (DOMAIN §10, 个人信息保护法 arts. 25 and 28,
居民身份证法 art. 19): ID numbers, mobiles, bank card numbers, and the passport, permit, account
and ID numbers the repository holds; words that tell someone's health, HIV status, community
correction, drug use, religion or disability; and the names of children under 14. A board is
scanned as text, whatever produced it, so what was typed into a free-text field (a voucher's
description, a meeting's note) is caught too.

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

# Words that tell a person's health, HIV status, community correction, drug use, religion or
# disability (DOMAIN §10; 艾滋病防治条例 art. 39, 社区矫正法 art. 26, 个人信息保护法 art. 28). They
# describe someone; the names of programmes ("残疾人两项补贴", "宗教场所") do not match.
_TERMS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("hiv", re.compile(r"艾滋病|HIV|AIDS|艾滋")),
    ("correction", re.compile(r"社区矫正|矫正对象|社区服刑|监外执行|缓刑|假释|刑满释放")),
    ("drugs", re.compile(r"吸毒|戒毒|涉毒|复吸")),
    ("religion", re.compile(r"宗教信仰|信教|教徒|基督徒|穆斯林|信仰(?:佛|基督|伊斯兰|天主|道)教")),
    ("disability", re.compile(r"(?:肢体|视力|听力|言语|智力|精神|多重)残疾|残疾等级|[一二三四1-4]级残疾|"
                              r"残疾[一二三四1-4]级")),
    ("health", re.compile(r"精神病|精神分裂|精神障碍|抑郁症|癫痫|肺结核|乙肝|肝炎|白血病|尿毒症|癌症|"
                          r"恶性肿瘤|病史|确诊|诊断为")),
)

KINDS: dict[str, Text] = {
    "id-number": Text("身份证号", "ID number"),
    "mobile": Text("手机号", "mobile number"),
    "bank-card": Text("银行卡号", "bank card number"),
    "passport-number": Text("护照号", "passport number"),
    "permit-number": Text("证件号", "permit number"),
    "bank-account": Text("银行账号", "bank account"),
    "hiv": Text("艾滋病相关信息", "HIV status"),
    "correction": Text("社区矫正相关信息", "community correction"),
    "drugs": Text("涉毒信息", "drug use"),
    "religion": Text("宗教信仰", "religion"),
    "disability": Text("残疾状况", "disability"),
    "health": Text("健康状况", "health"),
    "child": Text("未满十四周岁儿童的姓名", "the name of a child under 14"),
}
# Found by what they say rather than by digits: shown in messages as they are.
WORDS = frozenset(kind for kind, _ in _TERMS) | {"child"}


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


def _allowed(text: str, allowed: Iterable[str]) -> list[tuple[int, int]]:
    spans = []
    for term in allowed:
        start = text.find(term)
        while start >= 0 and term:
            spans.append((start, start + len(term)))
            start = text.find(term, start + 1)
    return spans


def scan(text: str, known: Mapping[str, str] | None = None, allowed: Iterable[str] = ()) -> list[Leak]:
    """Every leak in `text`, in order: numbers that look like personal ones, words that tell a
    sensitive fact about someone (unless inside one of the `allowed` terms), and the exact
    sensitive values of `known` (value → its class) wherever they stand."""
    found: dict[tuple[int, int], Leak] = {}
    permitted = _allowed(text, allowed)

    def add(kind: str, start: int, end: int) -> None:
        if kind in WORDS and kind != "child" and any(a <= start and end <= b for a, b in permitted):
            return
        line, column = _place(text, start)
        shown = text[start:end] if kind in WORDS else _hide(text[start:end])
        found.setdefault((start, end), Leak(kind, start, end, line, column, shown))

    for kind, pattern in (*_PATTERNS, *_TERMS):
        for match in pattern.finditer(text):
            if kind == "bank-card" and not _luhn(match.group()):
                continue
            add(kind, match.start(), match.end())
    for value, kind in (known or {}).items():
        if len(value) < (2 if kind == "child" else 6) or kind not in KINDS:
            continue  # too short to be anyone's number or name, or not a class never shown
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
