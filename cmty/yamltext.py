"""Values written as YAML text that reads back as the same value (YAML 1.2 core schema).

Used where cmty writes YAML itself: edits (`cmty.textedit`), new records and new files.
"""

from __future__ import annotations

import json
import re
from datetime import date
from decimal import Decimal
from typing import Any

from cmty import yamlio

_PLAIN = re.compile(r"^[^\s\-?:,\[\]{}#&*!|>'\"%@`][^#]*$")


def scalar(value: Any, style: str | None = None, flow: bool = False) -> str:
    """A scalar as YAML text that reads back as `value` (YAML 1.2 core schema)."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    text = value.isoformat() if isinstance(value, date) else str(value)
    if isinstance(value, Decimal):
        return json.dumps(text)
    if style == "'" and "\n" not in text:
        return "'" + text.replace("'", "''") + "'"
    if style != '"' and _plain_ok(text, flow):
        return text
    return json.dumps(text, ensure_ascii=False)


def _plain_ok(text: str, flow: bool) -> bool:
    if not text or text != text.strip() or "\n" in text or not _PLAIN.match(text):
        return False
    if ": " in text or text.endswith(":") or (flow and any(c in text for c in ",[]{}")):
        return False
    probe = f"k: [{text}]" if flow else f"k: {text}"
    try:
        loaded = yamlio.load_text(probe)
    except yamlio.YamlLoadError:
        return False
    return bool(loaded == ({"k": [text]} if flow else {"k": text}))


def inline(value: Any) -> str:
    """A value on one line: a scalar, or a flow collection."""
    if isinstance(value, dict):
        return "{" + ", ".join(f"{scalar(k, flow=True)}: {inline(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(inline(v) for v in value) + "]"
    return scalar(value, flow=True)


def block(value: Any, indent: int, nl: str = "\n") -> str:
    """A collection as block lines at `indent`, each ending with a newline."""
    pad = " " * indent
    lines: list[str] = []
    if isinstance(value, dict):
        for key, item in value.items():
            if isinstance(item, (dict, list)) and item and len(inline(item)) > 80:
                lines.append(f"{pad}{scalar(key)}:{nl}{block(item, indent + 2, nl)}")
            else:
                lines.append(f"{pad}{scalar(key)}: {inline(item)}{nl}")
    else:
        lines += [f"{pad}- {inline(item)}{nl}" for item in value]
    return "".join(lines)
