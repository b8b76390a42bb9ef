"""Changing one value in a YAML text while every other byte stays as the secretary wrote it.

An edit finds the node it changes with libyaml's composer (which knows every node's span) and
rewrites only those characters: a scalar in place, in its own quoting where that stays valid; a
new key as one new line in its mapping's indentation (or `, key: value` in a flow mapping); a
removed key as its lines. Comments, blank lines, key order, quoting and flow style elsewhere are
never re-emitted, so changing one field changes one line of the file.

Every edit is checked before it is returned: the new text, read the one way cmty reads YAML,
must hold exactly the old data with that one change. An edit that cannot be made that way is an
EditError, never a damaged file.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

import yaml

from cmty import yamlio
from cmty.errors import CmtyError
from cmty.findings import JsonPath, Text
from cmty.locate import child, compose_root
from cmty.yamltext import block, inline, scalar


class EditError(CmtyError):
    """The change cannot be written into this file's text."""


@dataclass(frozen=True)
class _Place:
    parent: yaml.Node | None
    key: yaml.Node | None
    node: yaml.Node | None


# --- finding the place ---------------------------------------------------------------------------


def _place(root: yaml.Node, path: JsonPath) -> _Place:
    parent: yaml.Node | None = None
    key: yaml.Node | None = None
    node: yaml.Node | None = root
    for step in path:
        if node is None:
            return _Place(None, None, None)
        parent = node
        key, node = child(node, step)
    return _Place(parent, key, node)


def _line_end(text: str, index: int) -> int:
    """Index just past the newline ending the line that holds `index`."""
    end = text.find("\n", index)
    return len(text) if end < 0 else end + 1


def _line_start(text: str, index: int) -> int:
    return text.rfind("\n", 0, index) + 1


def _after_last_item(text: str, collection: yaml.Node) -> int:
    """Where a new line goes at the end of a block collection."""
    last = collection.value[-1]
    last_node = last[1] if isinstance(collection, yaml.MappingNode) else last
    end = last_node.end_mark.index
    if isinstance(last_node, yaml.ScalarNode) and last_node.style not in ("|", ">"):
        return _line_end(text, end)
    if isinstance(last_node, yaml.CollectionNode) and last_node.flow_style:
        return _line_end(text, end)
    return end if end == _line_start(text, end) else _line_end(text, end)


# --- the edits -----------------------------------------------------------------------------------


def set_value(text: str, path: JsonPath, value: Any) -> str:
    """`text` with the value at `path` set (added if absent), checked against the data."""
    if not path:
        raise EditError(Text("不能替换整条记录", "cannot replace the whole record"))
    old = _data(text)
    expected = copy.deepcopy(old)
    assign(expected, path, value)
    new = _set(text, path, value, _newline(text))
    _verify(new, expected, path)
    return new


def delete(text: str, path: JsonPath) -> str:
    """`text` without the key or list item at `path`, checked against the data."""
    old = _data(text)
    expected = copy.deepcopy(old)
    _remove(expected, path)
    root = compose_root(text)
    place = _place(root, path)
    if place.node is None or place.parent is None:
        raise _missing(path)
    new = _delete(text, place)
    _verify(new, expected, path)
    return new


def _set(text: str, path: JsonPath, value: Any, nl: str) -> str:
    root = compose_root(text)
    place = _place(root, path)
    if place.node is not None:
        return _replace(text, place, value, nl)
    parent_place = _place(root, path[:-1])
    parent, step = parent_place.node, path[-1]
    if parent is None:
        # Create the missing parents as one nested value.
        nested: Any = {step: value} if isinstance(step, str) else [value]
        return _set(text, path[:-1], nested, nl)
    if isinstance(parent, yaml.ScalarNode) and parent.value in ("", "~", "null"):
        return _replace(text, parent_place, {step: value} if isinstance(step, str) else [value], nl)
    if isinstance(parent, yaml.MappingNode) and isinstance(step, str):
        return _insert_key(text, parent, step, value, nl)
    if isinstance(parent, yaml.SequenceNode) and step == len(parent.value):
        return _append_item(text, parent, value, nl)
    raise _missing(path)


def _replace(text: str, place: _Place, value: Any, nl: str) -> str:
    node = place.node
    assert node is not None
    if isinstance(node, yaml.ScalarNode) and node.style not in ("|", ">") and \
            not isinstance(value, (dict, list)):
        start, end = node.start_mark.index, node.end_mark.index
        return text[:start] + scalar(value, node.style or None, _in_flow(place)) + text[end:]
    if (isinstance(node, yaml.CollectionNode) and node.flow_style) or _in_flow(place) or \
            (isinstance(node, yaml.ScalarNode) and node.style not in ("|", ">")):
        start, end = node.start_mark.index, node.end_mark.index
        return text[:start] + inline(value) + text[end:]
    if place.key is None:
        raise EditError(Text("无法改写列表中的多行内容", "cannot rewrite a multi-line list item"))
    # A block collection or block scalar under a key: rewrite from the key's colon to its end.
    start = place.key.end_mark.index
    end = node.end_mark.index
    end = end if end == _line_start(text, end) else _line_end(text, end)
    indent = place.key.start_mark.column + 2
    if isinstance(value, (dict, list)) and value and len(inline(value)) > 80:
        return text[:start] + ":" + nl + block(value, indent, nl) + text[end:]
    return text[:start] + ": " + inline(value) + nl + text[end:]


def _in_flow(place: _Place) -> bool:
    return isinstance(place.parent, yaml.CollectionNode) and bool(place.parent.flow_style)


def _insert_key(text: str, mapping: yaml.MappingNode, key: str, value: Any, nl: str) -> str:
    if mapping.flow_style or not mapping.value:
        close = mapping.end_mark.index - 1
        if text[close] != "}":
            raise EditError(Text("无法在此插入字段", "cannot insert a field here"))
        body = text[mapping.start_mark.index + 1 : close].strip()
        entry = f"{scalar(key, flow=True)}: {inline(value)}"
        return text[:close].rstrip() + (", " if body else "") + entry + text[close:]
    indent = mapping.value[0][0].start_mark.column
    at = _after_last_item(text, mapping)
    if isinstance(value, (dict, list)) and value and len(inline(value)) > 80:
        line = f"{' ' * indent}{scalar(key)}:{nl}{block(value, indent + 2, nl)}"
    else:
        line = f"{' ' * indent}{scalar(key)}: {inline(value)}{nl}"
    prefix = text[:at] if at == 0 or text[at - 1] == "\n" else text[:at] + nl
    return prefix + line + text[at:]


def _append_item(text: str, sequence: yaml.SequenceNode, value: Any, nl: str) -> str:
    if sequence.flow_style or not sequence.value:
        close = sequence.end_mark.index - 1
        if text[close] != "]":
            raise EditError(Text("无法在此追加列表项", "cannot append a list item here"))
        body = text[sequence.start_mark.index + 1 : close].strip()
        return text[:close].rstrip() + (", " if body else "") + inline(value) + text[close:]
    dash = _line_start(text, sequence.value[0].start_mark.index)
    indent = len(text[dash : sequence.value[0].start_mark.index]) - 2
    at = _after_last_item(text, sequence)
    prefix = text[:at] if text[at - 1] == "\n" else text[:at] + nl
    return prefix + f"{' ' * max(indent, 0)}- {inline(value)}{nl}" + text[at:]


def _delete(text: str, place: _Place) -> str:
    node, parent = place.node, place.parent
    assert node is not None and parent is not None
    first = place.key if place.key is not None else node
    if isinstance(parent, yaml.CollectionNode) and parent.flow_style:
        return _delete_in_flow(text, parent, first, node)
    start = _line_start(text, first.start_mark.index)
    if text[start : first.start_mark.index].strip() not in ("", "-"):
        raise EditError(Text("无法删除与其他内容同行的项", "cannot delete an item that shares its "
                             "line with other content"))
    end = node.end_mark.index
    end = end if end == _line_start(text, end) and end > start else _line_end(text, end)
    return text[:start] + text[end:]


def _delete_in_flow(text: str, parent: yaml.Node, first: yaml.Node, node: yaml.Node) -> str:
    start, end = first.start_mark.index, node.end_mark.index
    after = text[end:]
    comma_after = re.match(r"\s*,\s*", after)
    if comma_after:
        return text[:start] + after[comma_after.end():]
    before = re.search(r",\s*$", text[:start])
    if before:
        return text[: before.start()] + after
    return text[:start] + after


# --- checking -------------------------------------------------------------------------------------


def _newline(text: str) -> str:
    return "\r\n" if "\r\n" in text else "\n"


def _data(text: str) -> Any:
    try:
        return yamlio.load_text(text)
    except yamlio.YamlLoadError as exc:
        raise EditError(Text(f"文件本身有 YAML 错误（{exc.problem.code}，第 {exc.problem.line} 行），"
                             "先修正它", f"the file has a YAML error ({exc.problem.code}, line "
                             f"{exc.problem.line}); fix it first")) from None


def _verify(new: str, expected: Any, path: JsonPath) -> None:
    try:
        got = yamlio.load_text(new)
    except yamlio.YamlLoadError:
        got = None
    if got != _normalised(expected):
        where = ".".join(str(p) for p in path)
        raise EditError(Text(f"无法在保持文件格式的前提下修改 {where}",
                             f"cannot change {where} while keeping the file's layout"),
                        Text("请用编辑器手工修改这个文件", "edit the file by hand in an editor"))


def _normalised(data: Any) -> Any:
    """The data as cmty reads it back (dates and decimals are text)."""
    if isinstance(data, dict):
        return {k: _normalised(v) for k, v in data.items()}
    if isinstance(data, list):
        return [_normalised(v) for v in data]
    if isinstance(data, date):
        return data.isoformat()
    if isinstance(data, Decimal):
        return str(data)
    return data


def assign(data: Any, path: JsonPath, value: Any) -> None:
    """Set `path` in plain data, creating missing mappings and appending at a list's end."""
    node = data
    for i, step in enumerate(path[:-1]):
        nxt = path[i + 1]
        if isinstance(node, dict):
            if not isinstance(node.get(step), (dict, list)):
                node[step] = {} if isinstance(nxt, str) else []
            node = node[step]
        else:
            if step == len(node):
                node.append({} if isinstance(nxt, str) else [])
            node = node[step]
    last = path[-1]
    if isinstance(node, list) and last == len(node):
        node.append(value)
    else:
        node[last] = value


def _remove(data: Any, path: JsonPath) -> None:
    node = data
    try:
        for step in path[:-1]:
            node = node[step]
        del node[path[-1]]
    except (KeyError, IndexError, TypeError):
        raise _missing(path) from None


def _missing(path: JsonPath) -> EditError:
    where = ".".join(str(p) for p in path)
    return EditError(Text(f"记录中没有 {where}", f"the record has no {where}"),
                     Text("用 cmty show ID 查看记录中的字段", "cmty show ID shows the record's fields"))
