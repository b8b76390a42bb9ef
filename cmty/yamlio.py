"""Reading YAML the one way cmty reads it: bytes → checked text → data (YAML 1.2 core schema).

All read paths (validate, list, show, history) go through `decode` and `load_text`, so they agree
on what a file means. YAML 1.2's core schema has no timestamp type: an unquoted `2026-11-05`
stays the text `"2026-11-05"`, exactly as typed, and the schemas check its format. Integers,
floats, booleans and null are the only values YAML turns into something other than text; where a
schema wants text, the validator reports them with the hint "quote it".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import yaml_rs

# Alias expansion is capped far below what any real record needs (a record has no aliases at
# all), so a "billion laughs" file fails fast instead of eating memory.
_ALIAS_LIMITS = yaml_rs.AliasLimits(max_total_replayed_events=100_000, max_replay_stack_depth=32)
_NUL_SNIFF = 8000  # like git: a NUL byte in the first 8 kB means binary
_CONFLICT = re.compile(rb"^(<<<<<<<|=======|>>>>>>>|\|\|\|\|\|\|\|)(?: |$)", re.MULTILINE)
_DOC_SEPARATOR = re.compile(r"^(---|\.\.\.)(?:[ \t]|$)", re.MULTILINE)
_PARSE_POS = re.compile(r"line (\d+), column (\d+)")
_BOM = b"\xef\xbb\xbf"


@dataclass(frozen=True, slots=True)
class TextProblem:
    """Something wrong with a file's bytes or syntax, with its 1-based position."""

    code: str
    line: int
    column: int
    detail: str = ""


@dataclass(slots=True)
class Decoded:
    text: str | None
    problems: list[TextProblem]


def _position(raw: bytes, offset: int) -> tuple[int, int]:
    line = raw.count(b"\n", 0, offset) + 1
    start = raw.rfind(b"\n", 0, offset) + 1
    column = len(raw[start:offset].decode("utf-8", errors="replace")) + 1
    return line, column


def _looks_like_gbk(raw: bytes) -> bool:
    try:
        raw.decode("gb18030")
    except UnicodeDecodeError:
        return False
    return True


def decode(raw: bytes, max_bytes: int) -> Decoded:
    """Check a file's bytes and return its text, or None when it cannot be parsed at all."""
    if len(raw) > max_bytes:
        return Decoded(None, [TextProblem("YAML-TOO-LARGE", 1, 1, str(len(raw)))])
    if b"\x00" in raw[:_NUL_SNIFF]:
        return Decoded(None, [TextProblem("YAML-BINARY", 1, 1)])
    problems: list[TextProblem] = []
    if raw.startswith(_BOM):
        problems.append(TextProblem("YAML-BOM", 1, 1))
        raw = raw[len(_BOM) :]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, column = _position(raw, exc.start)
        detail = "gbk" if _looks_like_gbk(raw) else f"0x{raw[exc.start]:02x}"
        problems.append(TextProblem("YAML-ENCODING", line, column, detail))
        return Decoded(None, problems)
    has_marker = b"<<<<<<<" in raw or b"=======" in raw or b">>>>>>>" in raw
    markers = [_position(raw, m.start()) for m in _CONFLICT.finditer(raw)] if has_marker else []
    if markers:
        problems.extend(TextProblem("YAML-CONFLICT", ln, col) for ln, col in markers)
        return Decoded(None, problems)
    return Decoded(text, problems)


class YamlLoadError(Exception):
    def __init__(self, problem: TextProblem) -> None:
        super().__init__(problem.detail)
        self.problem = problem


def _classify(message: str) -> TextProblem:
    m = _PARSE_POS.search(message)
    line, column = (int(m.group(1)), int(m.group(2))) if m else (1, 1)
    reason = message.strip().splitlines()[-1] if message.strip() else message
    if message.startswith("duplicate mapping key"):
        return TextProblem("YAML-DUPLICATE-KEY", 1, 1, message.split(":", 1)[1].strip())
    if "alias" in message and "limit" in message:
        return TextProblem("YAML-ALIAS-BOMB", 1, 1, message)
    if "tab" in reason:
        return TextProblem("YAML-TAB", line, column, reason)
    if "recursion" in reason or "depth" in reason or "nest" in reason:
        return TextProblem("YAML-TOO-DEEP", line, column, reason)
    return TextProblem("YAML-SYNTAX", line, column, reason)


def load_text(text: str) -> Any:
    """Parse YAML 1.2 text; raises YamlLoadError with a located TextProblem."""
    try:
        data = yaml_rs.loads(
            text,
            parse_datetime=False,
            alias_limits=_ALIAS_LIMITS,
            duplicate_key_policy=yaml_rs.DuplicateKeyPolicy.Error,
        )
    except yaml_rs.YAMLDecodeError as exc:
        problem = _classify(str(exc))
        if "\t" in text and problem.code in ("YAML-SYNTAX", "YAML-TAB"):
            problem = _tab_or(problem, text) or problem
        raise YamlLoadError(problem) from None
    except RecursionError:
        raise YamlLoadError(TextProblem("YAML-TOO-DEEP", 1, 1)) from None
    if "\t" in text:
        tab = _tab_or(None, text)
        if tab is not None:
            raise YamlLoadError(tab)
    if isinstance(data, list) and _is_multi_document(text):
        line = _second_document_line(text)
        raise YamlLoadError(TextProblem("YAML-MULTI-DOC", line, 1))
    return data


def _tab_or(problem: TextProblem | None, text: str) -> TextProblem | None:
    """A tab in indentation, if libyaml finds one; otherwise the parser's own problem."""
    from cmty.locate import tab_problem  # libyaml is needed only when a tab is present

    where = tab_problem(text)
    if where is None:
        return problem
    return TextProblem("YAML-TAB", where[0], where[1])


def _is_multi_document(text: str) -> bool:
    return _second_document_line(text) > 0


def _second_document_line(text: str) -> int:
    """Line of a `---`/`...` marker that follows content, or 0 when there is none."""
    seen_content = False
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if _DOC_SEPARATOR.match(line):
            if seen_content:
                return number
            continue
        if stripped and not stripped.startswith("#") and not stripped.startswith("%"):
            seen_content = True
    return 0
