"""The record schemas in data_schema/: where they are, compiled validators, and what they mark.

Schemas are plain JSON Schema 2020-12 written in YAML, so other tools can use them too. cmty adds
three annotations that validators ignore: `x-ref: KIND` on a field that holds another record's
id, `x-pii: CLASS` on personal data (drives masking), and custom `format`s for Chinese
identifiers, money, months and periods.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema_rs

from cmty import identifiers, yamlio

# A path pattern through a record: keys, and "*" for every item of a list.
PathPattern = tuple[str, ...]

_MONEY = re.compile(r"^(0|[1-9][0-9]{0,11})(\.[0-9]{1,2})?$")
_MONTH = re.compile(r"^[0-9]{4}-(0[1-9]|1[0-2])$")
_PERIOD = re.compile(r"^[0-9]{4}(-(0[1-9]|1[0-2])|Q[1-4])?$")


def _text_format(pattern: re.Pattern[str]) -> Callable[[object], bool]:
    def check(value: object) -> bool:
        return not isinstance(value, str) or pattern.match(value) is not None

    return check


FORMATS: dict[str, Callable[[object], bool]] = {
    "money": _text_format(_MONEY),
    "month": _text_format(_MONTH),
    "period": _text_format(_PERIOD),
    "cn-id-number": identifiers.is_id_number,
    "cn-uscc": identifiers.is_credit_code,
    "cn-mobile": identifiers.is_mobile,
    "cn-division-code": identifiers.is_division_code,
}


def schema_dir() -> Path:
    """data_schema/ inside an installed wheel, or beside the package in a checkout."""
    packaged = Path(__file__).resolve().parent / "data_schema"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent / "data_schema"


@dataclass(frozen=True)
class KindSchema:
    """One kind's schema, compiled, with the paths of its references and personal fields."""

    kind: str
    document: dict[str, Any]
    validator: Any
    refs: tuple[tuple[PathPattern, str], ...]
    pii: tuple[tuple[PathPattern, str], ...]
    fields: tuple[str, ...]
    formats: dict[str, tuple[PathPattern, ...]]

    def iter_errors(self, instance: Any) -> Iterator[Any]:
        return iter(self.validator.iter_errors(instance))

    def subschema(self, path: tuple[str | int, ...]) -> dict[str, Any]:
        """The schema that applies at a data path (best effort: properties and items only)."""
        node: dict[str, Any] = self.document
        for step in path:
            if isinstance(step, int) or step == "*":
                node = node.get("items", {})
            else:
                node = node.get("properties", {}).get(step, {})
        return node


def _walk(node: dict[str, Any], where: PathPattern, mark: str) -> Iterator[tuple[PathPattern, str]]:
    if mark in node:
        yield where, str(node[mark])
    for name, child in node.get("properties", {}).items():
        yield from _walk(child, (*where, name), mark)
    if isinstance(node.get("items"), dict):
        yield from _walk(node["items"], (*where, "*"), mark)


def _load_document(path: Path) -> dict[str, Any]:
    data = yamlio.load_text(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict):
        raise ValueError(f"{path} is not a schema")
    return data


@cache
def kind_schema(kind: str) -> KindSchema:
    document = _load_document(schema_dir() / f"{kind}.schema.yaml")
    validator = jsonschema_rs.validator_for(document, formats=FORMATS, validate_formats=True)
    return KindSchema(
        kind=kind,
        document=document,
        validator=validator,
        refs=tuple(_walk(document, (), "x-ref")),
        pii=tuple(_walk(document, (), "x-pii")),
        fields=tuple(document.get("properties", {})),
        formats=_group(_walk(document, (), "format")),
    )


def _group(pairs: Iterator[tuple[PathPattern, str]]) -> dict[str, tuple[PathPattern, ...]]:
    grouped: dict[str, list[PathPattern]] = {}
    for pattern, name in pairs:
        grouped.setdefault(name, []).append(pattern)
    return {name: tuple(patterns) for name, patterns in grouped.items()}


def values_at(data: Any, pattern: PathPattern) -> Iterator[tuple[tuple[str | int, ...], Any]]:
    """Every (concrete path, value) that a path pattern reaches in a record."""
    stack: list[tuple[Any, tuple[str | int, ...], int]] = [(data, (), 0)]
    while stack:
        node, where, depth = stack.pop()
        if depth == len(pattern):
            yield where, node
            continue
        step = pattern[depth]
        if step == "*":
            if isinstance(node, list):
                for i in range(len(node) - 1, -1, -1):
                    stack.append((node[i], (*where, i), depth + 1))
        elif isinstance(node, dict) and step in node:
            stack.append((node[step], (*where, step), depth + 1))
