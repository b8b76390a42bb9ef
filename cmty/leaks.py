"""Personal data that must never reach a public board (DOMAIN §10, 个人信息保护法 arts. 25 and 28,
居民身份证法 art. 19): ID numbers, mobiles, bank card numbers, and the passport, permit, account
and ID numbers the repository holds; words that tell someone's health, HIV status, community
correction, drug use, religion or disability; and the names of children under 14. A board is
scanned as text, whatever produced it, so what was typed into a free-text field (a voucher's
description, a meeting's note) is caught too.

Numbers are looked for as they are typed, not only as they are stored: with full-width digits,
a +86 prefix, or groups split by spaces, dashes, dots or zero-width characters (3701 0219 7101
1519 10, 139.1234.5678). A split number counts only when it checks out as one (an ID number's
check character, a card's Luhn digit), so amounts and dates side by side are not taken for one.
Masked forms (35*************123, 138****1234, ****6628) never match: every pattern needs the
digits themselves.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from itertools import pairwise

from cmty.findings import Text

# 18-digit ID (or 15-digit legacy): area, birth date, sequence, check; digits on neither side.
_ID_18 = r"[1-9][0-9]{5}(?:18|19|20)[0-9]{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])[0-9]{3}[0-9Xx]"
_ID_15 = r"[1-9][0-9]{5}[0-9]{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])[0-9]{3}"
_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    # Digits on neither side; a letter may touch it (证件ID370102…, 卡号No6217…).
    ("id-number", re.compile(rf"(?<![0-9])(?:{_ID_18}|{_ID_15})(?![0-9])")),
    # 138 1234 5678 and 138-1234-5678 as well as 13812345678
    ("mobile", re.compile(r"(?<![0-9])1[3-9][0-9][ -]?[0-9]{4}[ -]?[0-9]{4}(?![0-9])")),
    ("bank-card", re.compile(r"(?<![0-9])[0-9]{16,19}(?![0-9])")),
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
                          r"恶性肿瘤|病史|确诊|诊断为|糖尿病|脑梗|中风|瘫痪|患病|患有|盲人|聋哑|怀孕|孕妇|"
                          r"因病")),
)

# Full-width digits, letters, signs and the ideographic space, folded one for one (so offsets in
# the folded text are offsets in the board).
_FOLD = {**{cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)}, 0x3000: 0x20}
# What may stand between the groups of one number as people type it.
_SEP = r"[ \t\-.\u00a0\u200b\u200c\u200d\u2060\ufeff]"
_RUN = re.compile(rf"(?<![0-9])\+?[0-9]+(?:{_SEP}{{1,2}}[0-9]+)*(?:{_SEP}{{0,2}}[Xx])?(?![0-9])")
_GROUP = re.compile(r"[0-9]+[Xx]?|[Xx]")
_MOBILE = re.compile(r"(?:(?:00)?86)?1[3-9][0-9]{9}")

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
    "name": Text("未脱敏的姓名", "an unmasked name"),
}
# Found by what they say rather than by digits: shown in messages as they are.
WORDS = frozenset(kind for kind, _ in _TERMS) | {"child", "name"}


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


def _split_numbers(folded: str, known: Mapping[str, str]) -> list[tuple[str, int, int]]:
    """(kind, start, end) of each number typed in groups or with a +86 prefix that checks out as
    an ID number, a mobile or a bank card, or is one of the `known` values (digits → class): the
    longest run of whole groups first. People split a number with one kind of separator, so a
    span that mixes them (a date beside an amount) is not one number."""
    from cmty.identifiers.id_number import id_check_char

    found: list[tuple[str, int, int]] = []
    for run in _RUN.finditer(folded):
        text = run.group()
        groups = [(m.start(), m.end()) for m in _GROUP.finditer(text)]
        if len(groups) < 2 and not text.lstrip("+").startswith(("86", "0086")):
            continue  # one plain group: the plain patterns have it
        taken = -1
        for i in range(len(groups)):
            for j in range(len(groups), i, -1):
                if groups[i][0] <= taken:
                    break
                span = groups[i:j]
                seps = {text[a[1]:b[0]] for a, b in pairwise(span)}
                digits = "".join(text[a:b] for a, b in span).upper()
                kind = known.get(digits, "") if len(seps) == 1 else ""
                kind = kind or _number_kind(digits, [b - a for a, b in span], seps, id_check_char)
                if kind:
                    found.append((kind, run.start() + span[0][0], run.start() + span[-1][1]))
                    taken = span[-1][1]
                    break
    return found


def _number_kind(digits: str, sizes: list[int], seps: set[str], check: Callable[[str], str]) -> str:
    if len(seps) > 1:
        return ""
    dotted = any("." in sep for sep in seps)
    # Groups of at least two, but for a check character X standing alone at the end.
    if len(digits) == 18 and not dotted and min(sizes[:-1], default=2) >= 2 and re.fullmatch(_ID_18, digits) \
            and check(digits[:17]) == digits[17]:
        return "id-number"
    if "X" in digits:
        return ""
    if len(digits) in (11, 13, 15) and _MOBILE.fullmatch(digits):
        return "mobile"
    if 16 <= len(digits) <= 19 and not dotted and digits[0] in "3456" \
            and all(n == 4 for n in sizes[:-1]) and _luhn(digits):
        return "bank-card"
    return ""


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


def scan(text: str, known: Mapping[str, str] | None = None, allowed: Iterable[str] = (),
         shown: Iterable[str] = ()) -> list[Leak]:
    """Every leak in `text`, in order: numbers that look like personal ones, words that tell a
    sensitive fact about someone and names (unless inside one of the `allowed` terms), and the
    exact values of `known` (value → its class) wherever they stand. Classes in `shown` are let
    through: an internal board revealed on purpose shows names and mobiles."""
    found: dict[tuple[int, int], Leak] = {}
    permitted = _allowed(text, allowed)
    let_through = frozenset(shown)
    folded = text.translate(_FOLD)

    def add(kind: str, start: int, end: int) -> None:
        if kind in let_through or (kind in WORDS and kind != "child"
                                   and any(a <= start and end <= b for a, b in permitted)):
            return
        line, column = _place(text, start)
        seen = text[start:end] if kind in WORDS else _hide(text[start:end])
        found.setdefault((start, end), Leak(kind, start, end, line, column, seen))

    for kind, pattern in (*_PATTERNS, *_TERMS):
        for match in pattern.finditer(folded):
            if kind == "bank-card" and not _luhn(match.group()):
                continue
            add(kind, match.start(), match.end())
    grouped = {re.sub(r"[^0-9Xx]", "", value).upper(): kind for value, kind in (known or {}).items()
               if kind not in WORDS and len(value) >= 6}
    for kind, start, end in _split_numbers(folded, grouped):
        add(kind, start, end)
    for value, kind in (known or {}).items():
        if len(value) < (2 if kind in WORDS else 6) or kind not in KINDS:
            continue  # too short to be anyone's number or name, or not a class never shown
        start = folded.find(value)
        while start >= 0:
            add(kind, start, start + len(value))
            start = folded.find(value, start + 1)
    ordered = sorted(found.values(), key=lambda leak: (leak.start, -leak.end))
    # One number, one leak: drop what lies inside another (a card-like run inside an ID).
    return [leak for i, leak in enumerate(ordered)
            if not any(o.start <= leak.start and leak.end <= o.end for o in ordered[:i])]


def known_values(values: Iterable[tuple[str, str]]) -> dict[str, str]:
    """(x-pii class, value) pairs from the records → the value → class map `scan` takes, keeping
    only the classes that are never shown in full."""
    return {value.strip(): kind for kind, value in values if kind in KINDS and value.strip()}
