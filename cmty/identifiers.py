"""Chinese identifiers: check them, and say exactly why a value is wrong.

This module owns the rules for four identifier families found in community records:

* 公民身份号码 (GB 11643-1999): 18 characters, MOD 11-2 check character; legacy 15-digit
  numbers are recognised (and rejected with the upgraded form); the 2023 foreign permanent
  resident ID number (leading 9, same layout and check) is accepted as its own kind;
* 统一社会信用代码 (GB 32100-2015): 18 characters, MOD 31 check character;
* mainland mobile numbers (11 digits, 13–19, optional +86/0086);
* division codes: GB/T 2260 (6 digits) and the statistical code (12 digits).

`check_*` return a `Verdict` whose issues carry stable codes (those in `cmty.catalogue`, plus
UNKNOWN-KIND from `guess_and_check`), Chinese and English text and a hint. The `is_*`
predicates give the same answer as `check_*(v).valid` without building objects, for use as
JSON-schema format checkers. Standard library only; nothing here does I/O.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Literal

__all__ = [
    "IdKind",
    "Issue",
    "SeverityName",
    "Verdict",
    "birth_date_of_id",
    "check_credit_code",
    "check_division_code",
    "check_id_number",
    "check_mobile",
    "describe_division",
    "guess_and_check",
    "id_check_char",
    "is_credit_code",
    "is_division_code",
    "is_id_number",
    "is_mobile",
    "sex_of_id",
    "upgrade_15_to_18",
    "uscc_check_char",
]

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


# --- 公民身份号码 GB 11643-1999 ----------------------------------------------------------------

_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK_CHARS = "10X98765432"
_ID_LAST_CHARS = frozenset("0123456789Xx")
_PROVINCE_RANGES = ((11, 15), (21, 23), (31, 37), (41, 46), (50, 54), (61, 65), (71, 71), (81, 83))
_PROVINCES = frozenset(str(n) for low, high in _PROVINCE_RANGES for n in range(low, high + 1))
_PROVINCES_ZH = "11–15、21–23、31–37、41–46、50–54、61–65、71、81–83"
_PROVINCES_EN = "11-15, 21-23, 31-37, 41-46, 50-54, 61-65, 71, 81-83"
# The date-of-birth code dates back to household registers; nobody alive was born earlier.
_EARLIEST_BIRTH = date(1880, 1, 1)


def _id_check(first17: str) -> str:
    total = 0
    for char, weight in zip(first17, _ID_WEIGHTS, strict=True):
        total += (ord(char) - 48) * weight
    return _ID_CHECK_CHARS[total % 11]


def id_check_char(first17: str) -> str:
    """The GB 11643 check character (ISO 7064 MOD 11-2) for 17 digits: '0'–'9' or 'X'."""
    if len(first17) != 17 or not _digits(first17):
        raise ValueError(f"expected 17 ASCII digits, got {first17!r}")
    return _id_check(first17)


def upgrade_15_to_18(value: str) -> str:
    """The 18-character form of a legacy 15-digit number: insert "19" and append the check."""
    if len(value) != 15 or not _digits(value):
        raise ValueError(f"expected 15 ASCII digits, got {value!r}")
    # The official conversion always inserts "19": the 15-digit form has a two-digit year and no
    # century, so the few holders born before 1900 cannot be told apart by the number alone.
    body = value[:6] + "19" + value[6:]
    return body + _id_check(body)


def _ymd(text: str) -> date | None:
    try:
        return date(int(text[0:4]), int(text[4:6]), int(text[6:8]))
    except ValueError:
        return None


def birth_date_of_id(value: str) -> date | None:
    """Date of birth in an 18-character or legacy 15-digit number; None if it has none."""
    if len(value) == 18 and _digits(value[6:14]):
        return _ymd(value[6:14])
    if len(value) == 15 and _digits(value):
        return _ymd("19" + value[6:12])
    return None


def sex_of_id(value: str) -> str:
    """Sex from the sequence code: odd is "男", even "女"; ValueError if the shape is wrong."""
    if len(value) == 18 and _digits(value[:17]):
        digit = value[16]
    elif len(value) == 15 and _digits(value):
        digit = value[14]
    else:
        raise ValueError(f"not an 18- or 15-character ID number: {value!r}")
    return "男" if (ord(digit) - 48) % 2 else "女"


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


def _birth_issue(ymd: str, today: date, positions: str, details: dict[str, str]) -> Issue | None:
    hint_zh = f"核对第{positions}位（出生年月日）"
    hint_en = f"check characters {positions.replace('–', '-')} (date of birth)"
    born = _ymd(ymd)
    if born is None:
        return _error(
            "ID-DATE",
            f"出生日期 {ymd} 不是有效日期",
            f"date of birth {ymd} is not a real date",
            hint_zh,
            hint_en,
        )
    details["birth_date"] = born.isoformat()
    if born > today:
        return _error(
            "ID-DATE",
            f"出生日期 {born.isoformat()} 晚于今天（{today.isoformat()}）",
            f"date of birth {born.isoformat()} is after today ({today.isoformat()})",
            hint_zh,
            hint_en,
        )
    if born < _EARLIEST_BIRTH:
        return _error(
            "ID-DATE",
            f"出生日期 {born.isoformat()} 早于 {_EARLIEST_BIRTH.isoformat()}",
            f"date of birth {born.isoformat()} is before {_EARLIEST_BIRTH.isoformat()}",
            hint_zh,
            hint_en,
        )
    return None


def _checksum_issue(code: str, found: str, expected: str) -> Issue:
    return _error(
        code,
        f"校验位为 {found}，按前17位应为 {expected}",
        f"check character is {found}; the first 17 give {expected}",
        f"核对第18位；按前17位计算应为 {expected}（若第18位无误，则前17位有误）",
        f"check the 18th character; from the first 17 it should be {expected}"
        " (if it is right, one of the first 17 is wrong)",
    )


def check_id_number(value: str, today: date | None = None) -> Verdict:
    """Check a 公民身份号码 (or a 2023 foreign permanent resident ID number).

    `today` bounds the date of birth; it defaults to the system date.
    """
    ref = _today() if today is None else today
    issues: list[Issue] = []
    text = value.strip()
    if text != value:
        issues.append(_whitespace_issue("ID-CHARS"))
    length = len(text)

    if length == 15 and _digits(text):
        return _check_legacy_id(text, ref, issues)

    if length != 18:
        issues.append(
            _error(
                "ID-LENGTH",
                f"共 {length} 位，公民身份号码应为 18 位",
                f"has {length} characters; an ID number has 18",
                "核对是否漏输或多输了字符",
                "look for a missing or extra character",
            )
        )
        return _verdict(text, IdKind.ID_NUMBER, issues)

    bad = [(pos, c) for pos, c in enumerate(text[:17], 1) if not _is_digit(c)]
    if text[17] not in _ID_LAST_CHARS:
        bad.append((18, text[17]))
    if bad:
        listed_zh, listed_en = _list_bad(bad)
        wide = _fullwidth(bad)
        issues.append(
            _error(
                "ID-CHARS",
                f"含非法字符：{listed_zh}；前17位只能是数字，第18位只能是数字或 X",
                f"invalid characters: {listed_en}; characters 1-17 must be digits, "
                "the 18th a digit or X",
                "改用半角数字和 X" if wide else "改正这些字符",
                "use half-width (ASCII) digits and X" if wide else "correct these characters",
            )
        )
        return _verdict(text, IdKind.ID_NUMBER, issues)

    if text[17] == "x":
        text = text[:17] + "X"
        issues.append(
            _warning(
                "ID-LOWERCASE-X",
                "校验位是小写 x",
                "the check character is a lower-case x",
                f"写作大写 X：{text}",
                f"write it as upper-case X: {text}",
            )
        )

    details: dict[str, str] = {}
    # The 2023 foreign permanent resident number keeps the citizen layout except that the
    # 6-character address code becomes "9" + issuing province + 3-digit nationality code.
    foreign = text[0] == "9"
    if foreign:
        kind = IdKind.FOREIGN_PERMANENT_RESIDENT
        province, province_positions = text[1:3], "2–3"
        details["nationality_code"] = text[3:6]
    else:
        kind = IdKind.ID_NUMBER
        province, province_positions = text[0:2], "1–2"
        details["address_code"] = text[0:6]
    details["province"] = province
    if province not in _PROVINCES:
        issues.append(_province_issue("ID-PROVINCE", province, province_positions, foreign))

    birth = _birth_issue(text[6:14], ref, "7–14", details)
    if birth is not None:
        issues.append(birth)
    details["sex"] = sex_of_id(text)

    expected = _id_check(text[:17])
    if text[17] != expected:
        issues.append(_checksum_issue("ID-CHECKSUM", text[17], expected))
    return _verdict(text, kind, issues, details)


def _check_legacy_id(text: str, today: date, issues: list[Issue]) -> Verdict:
    upgraded = upgrade_15_to_18(text)
    details = {
        "address_code": text[0:6],
        "province": text[0:2],
        "sex": sex_of_id(text),
        "upgraded": upgraded,
    }
    issues.append(
        _error(
            "ID-LEGACY-15",
            "15 位旧号码（1999 年前的格式），现行号码为 18 位",
            "legacy 15-digit number (pre-1999 format); current numbers have 18 characters",
            f"在第6位后插入“19”，再按前17位补第18位校验码：{upgraded}",
            f'insert "19" after the 6th digit and append the check character: {upgraded}',
        )
    )
    if text[0:2] not in _PROVINCES:
        issues.append(_province_issue("ID-PROVINCE", text[0:2], "1–2"))
    birth = _birth_issue("19" + text[6:12], today, "7–12", details)
    if birth is not None:
        issues.append(birth)
    return _verdict(text, IdKind.ID_NUMBER, issues, details)


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


def is_id_number(value: object) -> bool:
    """Format predicate: True for non-strings (typing is checked elsewhere) and valid numbers."""
    if not isinstance(value, str):
        return True
    if len(value) != 18:
        return False
    body = value[:17]
    if not _digits(body):
        return False
    last = "X" if value[17] == "x" else value[17]
    if _id_check(body) != last:
        return False
    province = value[1:3] if value[0] == "9" else value[0:2]
    if province not in _PROVINCES:
        return False
    born = _ymd(value[6:14])
    return born is not None and _EARLIEST_BIRTH <= born <= _today()


# --- 统一社会信用代码 GB 32100-2015 ------------------------------------------------------------

# I, O, Z, S and V are left out of the alphabet because they are easily confused.
_USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_USCC_VALUE = {char: index for index, char in enumerate(_USCC_ALPHABET)}
_USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
# Registration department (position 1) -> the organisation categories (position 2) it uses.
_USCC_CATEGORIES: dict[str, frozenset[str]] = {
    "1": frozenset("1239"),
    "2": frozenset("19"),
    "3": frozenset("123459"),
    "4": frozenset("19"),
    "5": frozenset("1239"),
    "6": frozenset("129"),
    "7": frozenset("129"),
    "8": frozenset("19"),
    "9": frozenset("123"),
    "A": frozenset("19"),
    "N": frozenset("1239"),
    "Y": frozenset("1"),
}
_USCC_LOOKALIKE = {"I": "1", "O": "0", "Z": "2", "S": "5"}


def _uscc_check(first17: str) -> str:
    total = 0
    for char, weight in zip(first17, _USCC_WEIGHTS, strict=True):
        total += _USCC_VALUE[char] * weight
    return _USCC_ALPHABET[(31 - total % 31) % 31]


def uscc_check_char(first17: str) -> str:
    """The GB 32100 check character for the first 17 characters of a credit code."""
    if len(first17) != 17 or any(c not in _USCC_VALUE for c in first17):
        raise ValueError(f"expected 17 characters from {_USCC_ALPHABET}, got {first17!r}")
    return _uscc_check(first17)


def _uscc_chars_issue(text: str, bad: list[tuple[int, str]]) -> Issue:
    listed_zh, listed_en = _list_bad(bad)
    if any("a" <= c <= "z" for _, c in bad):
        upper = "".join(c.upper() if "a" <= c <= "z" else c for c in text)
        hint_zh, hint_en = f"字母须大写：{upper}", f"letters must be upper-case: {upper}"
    elif _fullwidth(bad):
        hint_zh, hint_en = "改用半角字符", "use half-width (ASCII) characters"
    else:
        seen = sorted({c for _, c in bad if c in _USCC_LOOKALIKE})
        hint_zh = "代码不使用 I、O、Z、S、V"
        hint_en = "codes never use I, O, Z, S or V"
        if seen:
            hint_zh += "；" + "、".join(f"{c} 可能是 {_USCC_LOOKALIKE[c]}" for c in seen)
            hint_en += "; " + ", ".join(f"{c} may be {_USCC_LOOKALIKE[c]}" for c in seen)
    return _error(
        "USCC-CHARS",
        f"含代码字符集以外的字符：{listed_zh}",
        f"characters outside the code alphabet: {listed_en}",
        hint_zh,
        hint_en,
    )


def check_credit_code(value: str) -> Verdict:
    """Check a 统一社会信用代码."""
    issues: list[Issue] = []
    text = value.strip()
    if text != value:
        issues.append(_whitespace_issue("USCC-CHARS"))
    bad = [(pos, c) for pos, c in enumerate(text, 1) if c not in _USCC_VALUE]
    if len(text) != 18:
        issues.append(
            _error(
                "USCC-LENGTH",
                f"共 {len(text)} 位，统一社会信用代码应为 18 位",
                f"has {len(text)} characters; a credit code has 18",
                "核对是否漏输或多输了字符",
                "look for a missing or extra character",
            )
        )
    if bad:
        issues.append(_uscc_chars_issue(text, bad))
    if len(text) != 18 or bad:
        return _verdict(text, IdKind.CREDIT_CODE, issues)

    department, category, region = text[0], text[1], text[2:8]
    details = {
        "department": department,
        "category": category,
        "region": region,
        "org_code": text[8:17],
    }
    if not _digits(region):
        issues.append(
            _error(
                "USCC-CHARS",
                f"第3–8位（登记管理机关行政区划码）“{region}”应全为数字",
                f"characters 3-8 (registering authority's division code) '{region}' "
                "must all be digits",
                "核对第3–8位",
                "check characters 3-8",
            )
        )
    if category not in _USCC_CATEGORIES.get(department, frozenset()):
        issues.append(
            _warning(
                "USCC-CATEGORY",
                f"登记管理部门“{department}”与机构类别“{category}”的组合不在 GB 32100 表中",
                f"department '{department}' with category '{category}' is not in the "
                "GB 32100 table",
                "核对第1–2位",
                "check characters 1-2",
            )
        )
    expected = _uscc_check(text[:17])
    if text[17] != expected:
        issues.append(_checksum_issue("USCC-CHECKSUM", text[17], expected))
    return _verdict(text, IdKind.CREDIT_CODE, issues, details)


def is_credit_code(value: object) -> bool:
    """Format predicate: True for non-strings and valid credit codes (warnings allowed)."""
    if not isinstance(value, str):
        return True
    if len(value) != 18 or not _digits(value[2:8]):
        return False
    if any(c not in _USCC_VALUE for c in value):
        return False
    return _uscc_check(value[:17]) == value[17]


# --- mainland mobile numbers -------------------------------------------------------------------

# Separators people type between digit groups; U+3000 is the ideographic (full-width) space.
_MOBILE_SEPARATORS = str.maketrans("", "", " -\u3000")
_MOBILE = re.compile(r"1[3-9][0-9]{9}", re.ASCII)


def _mobile_parts(value: str) -> tuple[str, str]:
    """(prefix, rest) after removing separators: prefix is "+86", "0086" or ""."""
    compact = value.strip().translate(_MOBILE_SEPARATORS)
    for prefix in ("+86", "0086"):
        if compact.startswith(prefix):
            return prefix, compact[len(prefix) :]
    return "", compact


def check_mobile(value: str) -> Verdict:
    """Check a mainland mobile number; separators and +86/0086 are allowed with a warning."""
    issues: list[Issue] = []
    text = value.strip()
    prefix, core = _mobile_parts(value)

    if core.startswith("+"):
        # Without a separator the country code's end is unknown, so show only how it starts.
        shown = re.split(r"[ \-\u3000]", text, maxsplit=1)[0][:4]
        issues.append(
            _error(
                "MOBILE-FORMAT",
                f"以 {shown} 开头，不是中国大陆国家码 +86",
                f"starts with {shown}, not the mainland country code +86",
                "只接受中国大陆手机号",
                "only mainland mobile numbers are accepted",
            )
        )
        return _verdict(text, IdKind.MOBILE, issues)

    bad = [(pos, c) for pos, c in enumerate(core, 1) if not _is_digit(c)]
    if bad:
        listed_zh, listed_en = _list_bad(bad)
        wide = _fullwidth(bad)
        issues.append(
            _error(
                "MOBILE-FORMAT",
                f"含非法字符：{listed_zh}",
                f"invalid characters: {listed_en}",
                "改用半角数字" if wide else "手机号只含数字，可带 +86 前缀",
                "use half-width (ASCII) digits"
                if wide
                else "a mobile has digits only, optionally after +86",
            )
        )
        return _verdict(text, IdKind.MOBILE, issues)

    if len(core) != 11:
        if len(core) == 13 and core.startswith("86") and _MOBILE.fullmatch(core[2:]):
            hint_zh, hint_en = "去掉开头的 86，或写成 +86", "drop the leading 86, or write +86"
        else:
            hint_zh, hint_en = "核对是否漏输或多输了数字", "look for a missing or extra digit"
        issues.append(
            _error(
                "MOBILE-FORMAT",
                f"共 {len(core)} 位数字，手机号应为 11 位",
                f"has {len(core)} digits; a mobile number has 11",
                hint_zh,
                hint_en,
            )
        )
        return _verdict(text, IdKind.MOBILE, issues)

    if not _MOBILE.fullmatch(core):
        if core[0] == "0":
            hint_zh = "这像是固定电话（区号以 0 开头）"
            hint_en = "this looks like a landline (area codes start with 0)"
        else:
            hint_zh, hint_en = "核对前两位", "check the first two digits"
        issues.append(
            _error(
                "MOBILE-FORMAT",
                f"以 {core[:2]} 开头，大陆手机号以 13–19 开头",
                f"starts with {core[:2]}; mainland mobile numbers start with 13-19",
                hint_zh,
                hint_en,
            )
        )
        return _verdict(text, IdKind.MOBILE, issues)

    if core != value:
        found_zh: list[str] = []
        found_en: list[str] = []
        if prefix:
            found_zh.append(f"前缀 {prefix}")
            found_en.append(f"a {prefix} prefix")
        if " " in value or "\u3000" in value or value != value.strip():
            found_zh.append("空白")
            found_en.append("whitespace")
        if "-" in value:
            found_zh.append("连字符")
            found_en.append("hyphens")
        issues.append(
            _warning(
                "MOBILE-NORMALISE",
                "含" + "、".join(found_zh),
                "has " + ", ".join(found_en),
                f"存为 11 位数字：{core}",
                f"store the 11 digits: {core}",
            )
        )
    return _verdict(core, IdKind.MOBILE, issues, {"normalised": core})


def is_mobile(value: object) -> bool:
    """Format predicate: True for non-strings and valid mobiles (warnings allowed)."""
    if not isinstance(value, str):
        return True
    return _MOBILE.fullmatch(_mobile_parts(value)[1]) is not None


# --- division codes GB/T 2260 and the 12-digit statistical code ----------------------------------

_LEVEL_ZH = {
    "province": "省级",
    "prefecture": "地级",
    "county": "县级",
    "township": "乡级",
    "committee": "村级",
}


def _township_type(number: int) -> str | None:
    if 1 <= number <= 99:
        return "街道"
    if 100 <= number <= 199:
        return "镇"
    if 200 <= number <= 399:
        return "乡"
    if 400 <= number <= 599:
        return "政企合一"
    return None


def _committee_type(number: int) -> str | None:
    if 1 <= number <= 199:
        return "居委会"
    if 200 <= number <= 399:
        return "村委会"
    return None


def describe_division(code: str) -> dict[str, str]:
    """Split a 6- or 12-digit division code into its parts and label them.

    Keys: province, prefecture, county, level ("province" … "committee"), level_zh, and for
    12 digits township, committee and, where the number falls in a defined range,
    township_type (街道/镇/乡/政企合一) and committee_type (居委会/村委会).
    Does not judge validity (see `check_division_code`); ValueError if not 6 or 12 digits.
    """
    if len(code) not in (6, 12) or not _digits(code):
        raise ValueError(f"expected 6 or 12 ASCII digits, got {code!r}")
    parts = {"province": code[0:2], "prefecture": code[2:4], "county": code[4:6]}
    if len(code) == 12:
        township, committee = code[6:9], code[9:12]
        parts["township"] = township
        parts["committee"] = committee
        township_type = _township_type(int(township))
        if township_type is not None:
            parts["township_type"] = township_type
        committee_type = _committee_type(int(committee))
        if committee_type is not None:
            parts["committee_type"] = committee_type
    # Trailing zero groups mean "this level and above"; e.g. 441900 is 东莞 itself, and its
    # towns (441900003000 …) sit directly under it with county "00".
    if len(code) == 12 and code[9:12] != "000":
        level = "committee"
    elif len(code) == 12 and code[6:9] != "000":
        level = "township"
    elif code[4:6] != "00":
        level = "county"
    elif code[2:4] != "00":
        level = "prefecture"
    else:
        level = "province"
    parts["level"] = level
    parts["level_zh"] = _LEVEL_ZH[level]
    return parts


def _division_format(zh: str, en: str, hint_zh: str, hint_en: str) -> Issue:
    return _error("DIVISION-FORMAT", zh, en, hint_zh, hint_en)


def check_division_code(value: str) -> Verdict:
    """Check a GB/T 2260 6-digit or statistical 12-digit division code."""
    issues: list[Issue] = []
    text = value.strip()
    if text != value:
        issues.append(_whitespace_issue("DIVISION-FORMAT"))
    bad = [(pos, c) for pos, c in enumerate(text, 1) if not _is_digit(c)]
    if bad:
        listed_zh, listed_en = _list_bad(bad)
        issues.append(
            _division_format(
                f"含非数字字符：{listed_zh}",
                f"non-digit characters: {listed_en}",
                "区划代码只含数字",
                "a division code has digits only",
            )
        )
    if len(text) not in (6, 12):
        issues.append(
            _division_format(
                f"共 {len(text)} 位，区划代码应为 6 位或 12 位",
                f"has {len(text)} characters; a division code has 6 or 12",
                "6 位为县级及以上代码，12 位为统计用区划代码（含乡、村两级）",
                "6 digits: county and above; 12 digits: the statistical code down to "
                "township and committee",
            )
        )
    if bad or len(text) not in (6, 12):
        return _verdict(text, IdKind.DIVISION, issues)

    if text[0:2] not in _PROVINCES:
        issues.append(_province_issue("DIVISION-FORMAT", text[0:2], "1–2"))
    if text[2:4] == "00" and text[4:].strip("0"):
        issues.append(
            _division_format(
                f"第3–4位为 00（省级）时其后应全为 0，实为 {text[4:]}",
                f"characters 3-4 are 00 (province level), so the rest must be 0, not {text[4:]}",
                "补上地级代码（第3–4位）",
                "fill in the prefecture code (characters 3-4)",
            )
        )
    if len(text) == 12 and text[6:9] == "000" and text[9:12] != "000":
        issues.append(
            _division_format(
                f"第7–9位（乡级）为 000 时第10–12位应为 000，实为 {text[9:12]}",
                f"characters 7-9 (township) are 000, so 10-12 must be 000, not {text[9:12]}",
                "补上乡级代码（第7–9位）",
                "fill in the township code (characters 7-9)",
            )
        )
    return _verdict(text, IdKind.DIVISION, issues, describe_division(text))


def is_division_code(value: object) -> bool:
    """Format predicate: True for non-strings and valid division codes."""
    if not isinstance(value, str):
        return True
    size = len(value)
    if size not in (6, 12) or not _digits(value) or value[0:2] not in _PROVINCES:
        return False
    if value[2:4] == "00" and value[4:].strip("0"):
        return False
    return not (size == 12 and value[6:9] == "000" and value[9:12] != "000")


# --- dispatch by shape ---------------------------------------------------------------------------


def _id_shaped(text: str) -> bool:
    if len(text) == 15:
        return _digits(text)
    return len(text) == 18 and _digits(text[:17]) and text[17] in _ID_LAST_CHARS


def guess_and_check(value: str, today: date | None = None) -> Verdict:
    """Decide by shape which kind `value` is, then check it as that kind.

    Shapes: +86/0086 or 11 digits (separators allowed) -> mobile; 15 digits, or 17 digits and
    a digit/X -> ID number; other 18 ASCII letters and digits -> credit code; 6 or 12 digits ->
    division code. A credit code can be all digits, so an 18-digit value whose ID reading has
    an impossible province or date, and which passes as a credit code without any issue, is
    reported as a credit code.
    """
    text = value.strip()
    prefix, core = _mobile_parts(value)
    if prefix or core.startswith("+") or (len(core) == 11 and _digits(core)):
        return check_mobile(value)
    if _id_shaped(text):
        verdict = check_id_number(value, today)
        # Only when the ID reading breaks on its province or date: a one-digit typo in a real ID
        # number fails just its check character, and 1 in 31 of those would pass as a credit code.
        if len(text) == 18 and {"ID-PROVINCE", "ID-DATE"} & set(verdict.codes):
            alternative = check_credit_code(value)
            if alternative.valid and not alternative.issues:
                return alternative
        return verdict
    if len(text) == 18 and text.isascii() and text.isalnum():
        return check_credit_code(value)
    if len(text) in (6, 12) and _digits(text):
        return check_division_code(value)
    issue = _error(
        "UNKNOWN-KIND",
        f"无法判断号码类型（{len(text)} 个字符）",
        f"cannot tell what kind of identifier this is ({len(text)} characters)",
        "可检查：18位公民身份号码（或15位旧号）、18位统一社会信用代码、"
        "11位手机号（可带 +86）、6或12位行政区划代码",
        "accepted: 18-character ID number (or 15-digit legacy), 18-character credit code, "
        "11-digit mobile (optionally +86), 6- or 12-digit division code",
    )
    return _verdict(text, None, [issue])
