"""Line and column of a data path inside a YAML text.

Findings carry a data path (`entries/3/amount`); this module turns it into the 1-based line
and column of that key or value. It runs only for files that have findings, and uses libyaml's
composer (through PyYAML), which keeps every node's position and builds no Python values, so
locating stays cheap even in a month's fee file with thousands of entries. Composition does not
resolve tags, so the YAML 1.1/1.2 difference in PyYAML does not matter here.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import yaml

from cmty.findings import JsonPath

try:  # libyaml is the fast path; the pure-Python composer gives the same nodes
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

Position = tuple[int, int]
_NOT_LINE_BREAKS = str.maketrans({"\x85": " ", "\u2028": " ", "\u2029": " "})


def tab_problem(text: str) -> tuple[int, int] | None:
    """Where libyaml finds a tab it cannot accept (in indentation), or None.

    yaml-rs accepts a tab after the spaces that indent the first key of a nested mapping, and
    its error for a tab can point at a later symptom; libyaml, like most YAML tools, stops at
    the tab itself. Only asked when the text holds a tab.
    """
    try:
        for _token in yaml.scan(text.translate(_NOT_LINE_BREAKS), Loader=_Loader):
            pass
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        lines = text.splitlines()
        if mark is None or mark.line >= len(lines):
            return None
        line = lines[mark.line]
        indent = line[: len(line) - len(line.lstrip(" \t"))]
        if "\t" in indent:
            return (mark.line + 1, indent.index("\t") + 1)
    return None


def compose_root(text: str) -> yaml.Node:
    """The node tree of a YAML text (positions index into `text` as given)."""
    root = yaml.compose(text.translate(_NOT_LINE_BREAKS), Loader=_Loader)
    if root is None:
        raise ValueError("empty document")
    return root


class Locator:
    """Positions inside one YAML text; falls back to the document start when a path is absent."""

    def __init__(self, text: str) -> None:
        self._root: yaml.Node | None
        # libyaml follows YAML 1.1, where NEL, LS and PS end a line; in YAML 1.2 they are
        # ordinary characters. A space of the same length keeps every later position right.
        text = text.translate(_NOT_LINE_BREAKS)
        try:
            self._root = yaml.compose(text, Loader=_Loader)
        except (yaml.YAMLError, RecursionError, ValueError):
            self._root = None

    def find(self, path: JsonPath, at_key: bool = False) -> Position:
        node = self._root
        if node is None:
            return (1, 1)
        best = _start(node)
        for step in path:
            key_node, value_node = child(node, step)
            if value_node is None:
                return best
            node = value_node
            best = _start(key_node if (at_key and key_node is not None) else value_node)
        return best

    def scalar_span(self, path: JsonPath) -> tuple[int, int, str | None] | None:
        """Character offsets [start, end) and quoting style of the scalar at `path`, or None."""
        node = self._root
        for step in path:
            if node is None:
                return None
            node = child(node, step)[1]
        if not isinstance(node, yaml.ScalarNode):
            return None
        return (node.start_mark.index, node.end_mark.index, node.style or None)

    def duplicate_keys(self) -> Iterator[tuple[JsonPath, Position, str]]:
        """Every key that repeats an earlier key of the same mapping (path of the mapping)."""
        if self._root is not None:
            yield from _duplicates(self._root, ())


def _start(node: yaml.Node) -> Position:
    return (node.start_mark.line + 1, node.start_mark.column + 1)


def child(node: yaml.Node, step: str | int) -> tuple[yaml.Node | None, yaml.Node | None]:
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if _key_matches(key, step):
                return key, value
    elif isinstance(node, yaml.SequenceNode) and isinstance(step, int) and 0 <= step < len(node.value):
        return None, node.value[step]
    return None, None


_NULLS = ("", "~", "null", "Null", "NULL")


def _key_matches(key: yaml.Node, step: str | int) -> bool:
    if not isinstance(key, yaml.ScalarNode):
        return step == "<complex key>"
    if key.value == str(step):
        return True
    # Keys YAML read as booleans or null (reported by cmty with their canonical spelling).
    if step in ("true", "false"):
        return bool(key.value.lower() == step and not key.style)
    return step == "null" and key.value in _NULLS and not key.style


def _duplicates(node: yaml.Node, path: JsonPath) -> Iterator[tuple[JsonPath, Position, str]]:
    stack: list[tuple[yaml.Node, JsonPath]] = [(node, path)]
    while stack:
        current, where = stack.pop()
        if isinstance(current, yaml.MappingNode):
            seen: set[str] = set()
            for key, value in current.value:
                name = key.value if isinstance(key, yaml.ScalarNode) else ""
                if name in seen:
                    yield where, _start(key), name
                seen.add(name)
                stack.append((value, (*where, name)))
        elif isinstance(current, yaml.SequenceNode):
            stack.extend((item, (*where, i)) for i, item in enumerate(current.value))


def scalar_source(text: str, line: int, column: int) -> str:
    """The plain scalar as written at a position (used to show `0123` rather than 123)."""
    lines = text.splitlines()
    if not 1 <= line <= len(lines):
        return ""
    rest = lines[line - 1][column - 1 :]
    token = re.split(r"\s+#|,\s*|\s*[}\]]", rest, maxsplit=1)[0]
    return token.strip()



