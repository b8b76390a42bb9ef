"""公民身份号码 (GB 11643-1999): 18 characters with a MOD 11-2 check character.

Legacy 15-digit numbers are recognised (and rejected with the upgraded form); the 2023 foreign
permanent resident ID number (leading 9, same layout and check) is accepted as its own kind.
"""

from __future__ import annotations

from datetime import date

from cmty.identifiers._common import (
    _PROVINCES,
    IdKind,
    Issue,
    Verdict,
    _checksum_issue,
    _digits,
    _error,
    _fullwidth,
    _is_digit,
    _list_bad,
    _province_issue,
    _today,
    _verdict,
    _warning,
    _whitespace_issue,
)

_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK_CHARS = "10X98765432"
_ID_LAST_CHARS = frozenset("0123456789Xx")
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


def _id_shaped(text: str) -> bool:
    """15 digits, or 17 digits and a digit/X: what `guess_and_check` reads as an ID number."""
    if len(text) == 15:
        return _digits(text)
    return len(text) == 18 and _digits(text[:17]) and text[17] in _ID_LAST_CHARS


# --- issues -----------------------------------------------------------------------------------


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


def _id_length_issue(length: int) -> Issue:
    return _error(
        "ID-LENGTH",
        f"共 {length} 位，公民身份号码应为 18 位",
        f"has {length} characters; an ID number has 18",
        "核对是否漏输或多输了字符",
        "look for a missing or extra character",
    )


def _id_chars_issue(text: str) -> Issue | None:
    """ID-CHARS for an 18-character value: non-digits in 1–17, or a last one not digit or X."""
    bad = [(pos, c) for pos, c in enumerate(text[:17], 1) if not _is_digit(c)]
    if text[17] not in _ID_LAST_CHARS:
        bad.append((18, text[17]))
    if not bad:
        return None
    listed_zh, listed_en = _list_bad(bad)
    wide = _fullwidth(bad)
    return _error(
        "ID-CHARS",
        f"含非法字符：{listed_zh}；前17位只能是数字，第18位只能是数字或 X",
        f"invalid characters: {listed_en}; characters 1-17 must be digits, "
        "the 18th a digit or X",
        "改用半角数字和 X" if wide else "改正这些字符",
        "use half-width (ASCII) digits and X" if wide else "correct these characters",
    )


def _lowercase_x_issue(upper: str) -> Issue:
    return _warning(
        "ID-LOWERCASE-X",
        "校验位是小写 x",
        "the check character is a lower-case x",
        f"写作大写 X：{upper}",
        f"write it as upper-case X: {upper}",
    )


# --- checks -----------------------------------------------------------------------------------


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

    shape = _id_length_issue(length) if length != 18 else _id_chars_issue(text)
    if shape is not None:
        issues.append(shape)
        return _verdict(text, IdKind.ID_NUMBER, issues)

    if text[17] == "x":
        text = text[:17] + "X"
        issues.append(_lowercase_x_issue(text))
    return _check_id_fields(text, ref, issues)


def _check_id_fields(text: str, today: date, issues: list[Issue]) -> Verdict:
    """Judge the parts of a well-formed 18-character number: address, birth date, check."""
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

    birth = _birth_issue(text[6:14], today, "7–14", details)
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
