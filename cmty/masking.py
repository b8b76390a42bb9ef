"""Masking personal data by its `x-pii` class (DOMAIN §10: 张*明, 138****1234, …)."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from typing import Any

from cmty.schemas import KindSchema, kind_schema, values_at

_COMPOUND_SURNAMES = frozenset([
    "欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙",
    "宇文", "司徒", "夏侯", "轩辕", "令狐", "钟离", "端木", "独孤", "南宫", "万俟",
])
# Building, unit and room come as 3号楼2单元301, 3-2-301, A座301 or 三栋: cut at the first
# digit or Latin letter, or at a Chinese numeral followed by a building word.
_DETAIL = re.compile(r"[0-9０-９A-Za-zＡ-Ｚａ-ｚ]|[一二三四五六七八九十百]+\s*(号楼|栋|幢|单元|号|室|楼|层|组)")


def mask_name(name: str) -> str:
    if len(name) <= 1:
        return "*"
    surname = name[:2] if name[:2] in _COMPOUND_SURNAMES and len(name) > 2 else name[:1]
    rest = name[len(surname):]
    if len(surname) == 1 and len(rest) == 2:
        return surname + "*" + rest[-1]
    return surname + "*" * len(rest)


def mask_mobile(value: str) -> str:
    digits = re.sub(r"\D", "", value)[-11:]
    return digits[:3] + "****" + digits[-4:] if len(digits) == 11 else "*" * len(value)


def mask_id_number(value: str) -> str:
    # Keep the province and the last 3: the date of birth is always hidden (DOMAIN §10).
    return value[:2] + "*" * (len(value) - 5) + value[-3:] if len(value) > 6 else "*" * len(value)


def mask_address(value: str) -> str:
    """Down to the 小区 or 村民小组 level: cut at the first building, unit or room number."""
    m = _DETAIL.search(value)
    return value[: m.start()] + "***" if m else value


def mask_account(value: str) -> str:
    return "****" + value[-4:] if len(value) > 4 else "****"


def mask_date(value: str) -> str:
    return value[:4] + "-**-**" if len(value) >= 4 else "*"


MASKS: dict[str, Callable[[str], str]] = {
    "name": mask_name,
    "mobile": mask_mobile,
    "id-number": mask_id_number,
    "address": mask_address,
    "bank-account": mask_account,
    "birth-date": mask_date,
    "income": lambda _value: "***",  # income bases are never shown, not even in part
    "passport-number": lambda _value: "***",  # never shown (DOMAIN §10)
    "permit-number": lambda _value: "***",
}


def mask_value(pii: str, value: Any) -> Any:
    if value is None:
        return None
    mask = MASKS.get(pii)
    return mask(str(value)) if mask is not None else "***"


def masked(data: dict[str, Any], schema: KindSchema) -> dict[str, Any]:
    """A copy of a record with every `x-pii` field masked."""
    import copy

    out = copy.deepcopy(data)
    for pattern, pii in schema.pii:
        for path, value in list(values_at(out, pattern)):
            if isinstance(value, (str, int, float)) and not isinstance(value, bool):
                _assign(out, path, mask_value(pii, value))
    return out


def _assign(data: Any, path: tuple[str | int, ...], value: Any) -> None:
    node = data
    for step in path[:-1]:
        node = node[step]
    node[path[-1]] = value


@cache  # one answer per field of a kind, asked once per version of a record
def pii_class(kind: str, dotted: str) -> str | None:
    """The `x-pii` class of a dotted path (list items included), or of the field it lies in."""
    steps = dotted.split(".")
    for pattern, pii in kind_schema(kind).pii:
        if len(pattern) <= len(steps) and all(
                p == s or (p == "*" and s.isdigit()) for p, s in zip(pattern, steps, strict=False)):
            return pii
    return None


def mask_field(kind: str, dotted: str, value: Any) -> Any:
    """A value at a dotted path of a record of `kind`, masked if that field is personal."""
    pii = pii_class(kind, dotted) if dotted else None
    if pii is None or isinstance(value, bool) or not isinstance(value, (str, int, float)):
        return value
    return mask_value(pii, value)
