"""Mainland mobile numbers: 11 digits starting 13–19, optionally after +86 or 0086.

Separators (spaces, hyphens, the ideographic space) and the country code are accepted with a
warning; the stored form is the bare 11 digits.
"""

from __future__ import annotations

import re

from cmty.identifiers._common import (
    IdKind,
    Issue,
    Verdict,
    _error,
    _fullwidth,
    _is_digit,
    _list_bad,
    _verdict,
    _warning,
)

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


def _country_code_issue(text: str) -> Issue:
    # Without a separator the country code's end is unknown, so show only how it starts.
    shown = re.split(r"[ \-\u3000]", text, maxsplit=1)[0][:4]
    return _error(
        "MOBILE-FORMAT",
        f"以 {shown} 开头，不是中国大陆国家码 +86",
        f"starts with {shown}, not the mainland country code +86",
        "只接受中国大陆手机号",
        "only mainland mobile numbers are accepted",
    )


def _mobile_chars_issue(bad: list[tuple[int, str]]) -> Issue:
    listed_zh, listed_en = _list_bad(bad)
    wide = _fullwidth(bad)
    return _error(
        "MOBILE-FORMAT",
        f"含非法字符：{listed_zh}",
        f"invalid characters: {listed_en}",
        "改用半角数字" if wide else "手机号只含数字，可带 +86 前缀",
        "use half-width (ASCII) digits" if wide else "a mobile has digits only, optionally after +86",
    )


def _mobile_length_issue(core: str) -> Issue:
    if len(core) == 13 and core.startswith("86") and _MOBILE.fullmatch(core[2:]):
        hint_zh, hint_en = "去掉开头的 86，或写成 +86", "drop the leading 86, or write +86"
    else:
        hint_zh, hint_en = "核对是否漏输或多输了数字", "look for a missing or extra digit"
    return _error(
        "MOBILE-FORMAT",
        f"共 {len(core)} 位数字，手机号应为 11 位",
        f"has {len(core)} digits; a mobile number has 11",
        hint_zh,
        hint_en,
    )


def _mobile_lead_issue(core: str) -> Issue:
    if core[0] == "0":
        hint_zh = "这像是固定电话（区号以 0 开头）"
        hint_en = "this looks like a landline (area codes start with 0)"
    else:
        hint_zh, hint_en = "核对前两位", "check the first two digits"
    return _error(
        "MOBILE-FORMAT",
        f"以 {core[:2]} 开头，大陆手机号以 13–19 开头",
        f"starts with {core[:2]}; mainland mobile numbers start with 13-19",
        hint_zh,
        hint_en,
    )


def _mobile_format_issue(text: str, core: str) -> Issue | None:
    """The first MOBILE-FORMAT error: foreign country code, characters, length, leading digits."""
    if core.startswith("+"):
        return _country_code_issue(text)
    bad = [(pos, c) for pos, c in enumerate(core, 1) if not _is_digit(c)]
    if bad:
        return _mobile_chars_issue(bad)
    if len(core) != 11:
        return _mobile_length_issue(core)
    if not _MOBILE.fullmatch(core):
        return _mobile_lead_issue(core)
    return None


def _normalise_issue(value: str, prefix: str, core: str) -> Issue:
    """MOBILE-NORMALISE for a valid number written with a prefix, whitespace or hyphens."""
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
    return _warning(
        "MOBILE-NORMALISE",
        "含" + "、".join(found_zh),
        "has " + ", ".join(found_en),
        f"存为 11 位数字：{core}",
        f"store the 11 digits: {core}",
    )


def check_mobile(value: str) -> Verdict:
    """Check a mainland mobile number; separators and +86/0086 are allowed with a warning."""
    text = value.strip()
    prefix, core = _mobile_parts(value)
    error = _mobile_format_issue(text, core)
    if error is not None:
        return _verdict(text, IdKind.MOBILE, [error])
    issues: list[Issue] = []
    if core != value:
        issues.append(_normalise_issue(value, prefix, core))
    return _verdict(core, IdKind.MOBILE, issues, {"normalised": core})


def is_mobile(value: object) -> bool:
    """Format predicate: True for non-strings and valid mobiles (warnings allowed)."""
    if not isinstance(value, str):
        return True
    return _MOBILE.fullmatch(_mobile_parts(value)[1]) is not None
