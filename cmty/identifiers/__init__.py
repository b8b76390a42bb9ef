"""Chinese identifiers: check them, and say exactly why a value is wrong.

This package owns the rules for four identifier families found in community records, one
module each:

* `id_number`: 公民身份号码 (GB 11643-1999): 18 characters, MOD 11-2 check character; legacy
  15-digit numbers are recognised (and rejected with the upgraded form); the 2023 foreign
  permanent resident ID number (leading 9, same layout and check) is accepted as its own kind;
* `credit_code`: 统一社会信用代码 (GB 32100-2015): 18 characters, MOD 31 check character;
* `mobile`: mainland mobile numbers (11 digits, 13–19, optional +86/0086);
* `division`: division codes: GB/T 2260 (6 digits) and the statistical code (12 digits).

`_common` holds what they share (`Verdict`, `Issue`, `IdKind`, the issue builders and the
reference date); this module re-exports the public names and decides by shape which check
applies (`guess_and_check`).

`check_*` return a `Verdict` whose issues carry stable codes (those in `cmty.catalogue`, plus
UNKNOWN-KIND from `guess_and_check`), Chinese and English text and a hint. The `is_*`
predicates give the same answer as `check_*(v).valid` without building objects, for use as
JSON-schema format checkers. Standard library only; nothing here does I/O.
"""

from __future__ import annotations

from datetime import date

# Names the single-module version had at top level but not in __all__ (validate.py and
# checkpool.py call `identifiers.reference_date`); the redundant aliases keep them re-exported
# under mypy's no-implicit-reexport.
from cmty.identifiers._common import ERROR as ERROR
from cmty.identifiers._common import WARNING as WARNING
from cmty.identifiers._common import IdKind, Issue, SeverityName, Verdict, _digits, _error, _verdict
from cmty.identifiers._common import _today as _today
from cmty.identifiers._common import reference_date as reference_date
from cmty.identifiers.credit_code import check_credit_code, is_credit_code, uscc_check_char
from cmty.identifiers.division import check_division_code, describe_division, is_division_code
from cmty.identifiers.id_number import (
    _id_shaped,
    birth_date_of_id,
    check_id_number,
    id_check_char,
    is_id_number,
    sex_of_id,
    upgrade_15_to_18,
)
from cmty.identifiers.mobile import _mobile_parts, check_mobile, is_mobile

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
