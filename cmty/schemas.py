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
_PERIOD = re.compile(r"^[0-9]{4}(-(0[1-9]|1[0-2])|Q[1-4]|H[12])?$")


# Formats that are plain text shapes are checked as `pattern`s, which the validator runs in
# Rust: called once per fee entry from Python, they cost more than parsing the file.
TEXT_FORMATS: dict[str, re.Pattern[str]] = {"money": _MONEY, "month": _MONTH, "period": _PERIOD}

FORMATS: dict[str, Callable[[object], bool]] = {
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
    validator = jsonschema_rs.validator_for(_with_text_patterns(document), formats=FORMATS,
                                            validate_formats=True)
    return KindSchema(
        kind=kind,
        document=document,
        validator=validator,
        refs=tuple(_walk(document, (), "x-ref")),
        pii=tuple(_walk(document, (), "x-pii")),
        fields=tuple(document.get("properties", {})),
        formats=_group(_walk(document, (), "format")),
    )


def _with_text_patterns(node: Any) -> Any:
    """A copy of a schema where each text format (money, month, period) is also a pattern."""
    if isinstance(node, list):
        return [_with_text_patterns(item) for item in node]
    if not isinstance(node, dict):
        return node
    out = {key: _with_text_patterns(value) for key, value in node.items()}
    fmt = node.get("format")
    if isinstance(fmt, str) and fmt in TEXT_FORMATS and "pattern" not in node:
        out["pattern"] = TEXT_FORMATS[fmt].pattern
        del out["format"]
    return out


def _group(pairs: Iterator[tuple[PathPattern, str]]) -> dict[str, tuple[PathPattern, ...]]:
    grouped: dict[str, list[PathPattern]] = {}
    for pattern, name in pairs:
        grouped.setdefault(name, []).append(pattern)
    return {name: tuple(patterns) for name, patterns in grouped.items()}


def string_values(node: Any, pattern: PathPattern, into: set[str]) -> None:
    """Add every non-empty string a path pattern reaches to `into` (no paths: the hot path).

    Level by level rather than recursively: a month's fee file has a thousand entries, and a
    function call per entry cost more than parsing the file.
    """
    nodes = [node]
    for step in pattern:
        reached: list[Any] = []
        if step == "*":
            for n in nodes:
                if type(n) is list:
                    reached.extend(n)
        else:
            for n in nodes:
                if type(n) is dict:
                    value = n.get(step)
                    if value is not None:
                        reached.append(value)
        nodes = reached
    into.update(v for v in nodes if type(v) is str and v)


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
