"""Identifier warnings the schema's format check lets through (GB 11643, GB 32100, §9 mobile).

The schema rejects identifiers that are wrong; these rules flag ones that are valid but written
in a form that other systems may refuse (lower-case x, spaces or +86 in a mobile number).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from cmty import identifiers
from cmty.findings import Finding, Text
from cmty.rules.base import RecordContext, record_rule
from cmty.schemas import values_at


def _warnings(ctx: RecordContext, fmt: str, check: Callable[[str], identifiers.Verdict],
              code: str) -> Iterator[Finding]:
    for pattern in ctx.schema.formats.get(fmt, ()):
        for path, value in values_at(ctx.data, pattern):
            if not isinstance(value, str):
                continue
            verdict = check(value)
            for issue in verdict.issues:
                if issue.code == code and issue.severity == "warning":
                    field = ".".join(str(p) for p in path)
                    yield ctx.finding(code, path, Text(f"{field}：{issue.zh}", f"{field}: {issue.en}"),
                                      Text(issue.hint_zh, issue.hint_en))


@record_rule("ID-LOWERCASE-X")
def id_number_lowercase_x(ctx: RecordContext) -> Iterator[Finding]:
    """An ID number's check character is stored as upper-case X.

    Bad:  id_number: "11010519491231002x"
    Good: id_number: "11010519491231002X"
    """
    yield from _warnings(ctx, "cn-id-number", identifiers.check_id_number, "ID-LOWERCASE-X")


@record_rule("MOBILE-NORMALISE")
def mobile_normalised(ctx: RecordContext) -> Iterator[Finding]:
    """A mobile number is stored as 11 digits, without spaces, hyphens or +86.

    Bad:  mobile: "+86 139-0536-1234"
    Good: mobile: "13905361234"
    """
    yield from _warnings(ctx, "cn-mobile", identifiers.check_mobile, "MOBILE-NORMALISE")


@record_rule("USCC-CATEGORY")
def credit_code_category(ctx: RecordContext) -> Iterator[Finding]:
    """A credit code's department and category pair is one GB 32100 lists.

    Bad:  credit_code: "Z1..." style pairs the standard does not list (a warning only: village
          and residents' committees hold codes whose category is not published)
    Good: credit_code: "91350100M000100Y43"   # 9 工商, 1 企业
    """
    yield from _warnings(ctx, "cn-uscc", identifiers.check_credit_code, "USCC-CATEGORY")
