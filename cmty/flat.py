"""Records as leaf values by dotted path, for comparing two versions field by field."""

from __future__ import annotations

from typing import Any


def flatten(data: Any, prefix: str = "", into: dict[str, Any] | None = None) -> dict[str, Any]:
    """Leaf values by dotted path: `{"a": {"b": [1]}}` → `{"a.b.0": 1}`; empty maps and lists
    are leaves."""
    out: dict[str, Any] = {} if into is None else into
    items = (data.items() if isinstance(data, dict) else enumerate(data)
             if isinstance(data, list) else ())
    for key, value in items:
        path = f"{prefix}{key}"
        if isinstance(value, (dict, list)) and value:
            flatten(value, path + ".", out)
        else:
            out[path] = value
    return out


def same(a: Any, b: Any) -> bool:
    return type(a) is type(b) and a == b  # 1 is not true, 1 is not 1.0
