"""Division codes: GB/T 2260 (6 digits) and the statistical code (12 digits).

Digits 1–2 are the province, 3–4 the prefecture, 5–6 the county; the statistical code adds a
3-digit township and a 3-digit committee (居委会/村委会). Zero groups mean "this level and up".
"""

from __future__ import annotations

from cmty.identifiers._common import (
    _PROVINCES,
    IdKind,
    Issue,
    Verdict,
    _digits,
    _error,
    _is_digit,
    _list_bad,
    _province_issue,
    _verdict,
    _whitespace_issue,
)

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


def _level(code: str) -> str:
    # Trailing zero groups mean "this level and above"; e.g. 441900 is 东莞 itself, and its
    # towns (441900003000 …) sit directly under it with county "00".
    if len(code) == 12 and code[9:12] != "000":
        return "committee"
    if len(code) == 12 and code[6:9] != "000":
        return "township"
    if code[4:6] != "00":
        return "county"
    if code[2:4] != "00":
        return "prefecture"
    return "province"


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
    level = _level(code)
    parts["level"] = level
    parts["level_zh"] = _LEVEL_ZH[level]
    return parts


def _division_format(zh: str, en: str, hint_zh: str, hint_en: str) -> Issue:
    return _error("DIVISION-FORMAT", zh, en, hint_zh, hint_en)


def _shape_issues(text: str) -> list[Issue]:
    """Non-digit characters and a length other than 6 or 12, in that order."""
    issues: list[Issue] = []
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
    return issues


def _hierarchy_issues(text: str) -> list[Issue]:
    """For 6 or 12 digits: an unknown province, or a lower level filled under an empty one."""
    issues: list[Issue] = []
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
    return issues


def check_division_code(value: str) -> Verdict:
    """Check a GB/T 2260 6-digit or statistical 12-digit division code."""
    issues: list[Issue] = []
    text = value.strip()
    if text != value:
        issues.append(_whitespace_issue("DIVISION-FORMAT"))
    shape = _shape_issues(text)
    if shape:
        return _verdict(text, IdKind.DIVISION, issues + shape)
    issues.extend(_hierarchy_issues(text))
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
