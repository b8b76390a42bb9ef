"""A record as YAML: the file itself, with personal fields masked in place.

Masking edits only the characters of each personal value, so every comment, blank line and
the layout of the file stay exactly as the secretary wrote them.
"""

from __future__ import annotations

import json

from cmty.locate import Locator
from cmty.masking import mask_value
from cmty.query import Record
from cmty.repo import Repo
from cmty.schemas import kind_schema, values_at


def as_yaml(repo: Repo, record: Record, reveal: bool, raw: bytes | None = None) -> str:
    """The record's file (or `raw`, the file as it was at some revision), masked unless
    `reveal`."""
    # Bytes, not read_text: universal newlines would turn a CRLF file into LF.
    raw = (repo.root / record.file).read_bytes() if raw is None else raw
    text = raw.decode("utf-8-sig", errors="replace")
    if reveal:
        return text
    locator = Locator(text)
    edits: list[tuple[int, int, str]] = []
    for pattern, pii in kind_schema(record.kind).pii:
        for path, value in values_at(record.data, pattern):
            if value is None or isinstance(value, (bool, dict, list)):
                continue
            span = locator.scalar_span(path)
            if span is None or span[2] in ("|", ">"):
                # The value cannot be placed in the text: show nothing of the file rather
                # than risk printing it unmasked.
                return _masked_fallback(record)
            start, end, style = span
            written = _as_scalar(str(mask_value(pii, value)), style)
            edits.append((start, end, _padded(text, end, written, end - start)))
    for start, end, written in sorted(edits, reverse=True):
        text = text[:start] + written + text[end:]
    return text


_PLAIN_UNSAFE_START = tuple("*&!|>'\"%@`{[]},#?:-~ ")


def _as_scalar(value: str, style: str | None) -> str:
    """The masked value written in the original's quoting where that stays valid YAML."""
    if style == "'":
        return "'" + value.replace("'", "''") + "'"
    plain_ok = (value and not value.startswith(_PLAIN_UNSAFE_START) and ": " not in value
                and " #" not in value and not value.endswith(" "))
    if style is None and plain_ok:
        return value
    return json.dumps(value, ensure_ascii=False)


def _padded(text: str, end: int, written: str, old_length: int) -> str:
    """Pad a shorter value with spaces when a comment follows, so the comment stays put."""
    line_end = text.find("\n", end)
    rest = text[end : line_end if line_end >= 0 else len(text)]
    if len(written) < old_length and rest.lstrip().startswith("#"):
        return written + " " * (old_length - len(written))
    return written


def _masked_fallback(record: Record) -> str:
    from cmty.query import shown

    return json.dumps(shown(record, reveal=False), ensure_ascii=False, indent=2) + "\n"
