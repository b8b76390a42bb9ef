"""统一社会信用代码 (GB 32100-2015): 18 characters with a MOD 31 check character.

Position 1 is the registration department, 2 the organisation category, 3–8 the registering
authority's division code, 9–17 the organisation code and 18 the check character.
"""

from __future__ import annotations

from cmty.identifiers._common import (
    IdKind,
    Issue,
    Verdict,
    _checksum_issue,
    _digits,
    _error,
    _fullwidth,
    _list_bad,
    _verdict,
    _warning,
    _whitespace_issue,
)

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


def _uscc_length_issue(length: int) -> Issue:
    return _error(
        "USCC-LENGTH",
        f"共 {length} 位，统一社会信用代码应为 18 位",
        f"has {length} characters; a credit code has 18",
        "核对是否漏输或多输了字符",
        "look for a missing or extra character",
    )


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


def _uscc_field_issues(text: str) -> list[Issue]:
    """Issues with the parts of a well-formed code: a non-numeric region, an unknown category."""
    issues: list[Issue] = []
    department, category, region = text[0], text[1], text[2:8]
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
    return issues


def check_credit_code(value: str) -> Verdict:
    """Check a 统一社会信用代码."""
    issues: list[Issue] = []
    text = value.strip()
    if text != value:
        issues.append(_whitespace_issue("USCC-CHARS"))
    bad = [(pos, c) for pos, c in enumerate(text, 1) if c not in _USCC_VALUE]
    if len(text) != 18:
        issues.append(_uscc_length_issue(len(text)))
    if bad:
        issues.append(_uscc_chars_issue(text, bad))
    if len(text) != 18 or bad:
        return _verdict(text, IdKind.CREDIT_CODE, issues)

    details = {
        "department": text[0],
        "category": text[1],
        "region": text[2:8],
        "org_code": text[8:17],
    }
    issues.extend(_uscc_field_issues(text))
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
