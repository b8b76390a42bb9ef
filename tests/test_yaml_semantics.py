"""One YAML semantics (1.2 core schema) on every read path, pinned case by case."""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from cmty import yamlio

SAMPLE = Path(__file__).resolve().parent.parent / "sample_data"


@pytest.mark.parametrize(("text", "value"), [
    ("a: no", "no"), ("a: yes", "yes"), ("a: on", "on"), ("a: off", "off"),
    ("a: 0123", 123), ("a: 1:20", "1:20"), ("a: 2026-11-05", "2026-11-05"),
    ("a: 13905361234", 13905361234), ("a: 1.50", 1.5), ("a: true", True), ("a: ~", None),
    ("a: '0123'", "0123"), ("a: 0x1F", 31), ("a: 0o17", 15), ("a: 1e3", 1000.0),
    ("a: 12:30:00", "12:30:00"), ("a: Null", None), ("a: TRUE", True), ("a: y", "y"),
])
def test_core_schema(text: str, value: Any) -> None:
    assert yamlio.load_text(text) == {"a": value}


def _plain(node: Any) -> Any:
    """ruamel's round-trip values as plain data; its timestamps back to the text they were."""
    if isinstance(node, dict):
        return {str(k): _plain(v) for k, v in node.items()}
    if isinstance(node, list):
        return [_plain(v) for v in node]
    if isinstance(node, (datetime.date, datetime.datetime)):
        return node.isoformat()
    if isinstance(node, bool) or node is None:
        return node
    if isinstance(node, int):
        return int(node)
    if isinstance(node, float):
        return float(node)
    return str(node)


def _sample_files() -> list[Path]:
    return sorted(p for p in SAMPLE.rglob("*.yaml"))


@pytest.mark.parametrize("path", _sample_files(), ids=lambda p: str(p.relative_to(SAMPLE)))
def test_fast_and_round_trip_loaders_agree_on_every_sample_file(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    yaml = YAML()  # the loader edits will use
    assert yamlio.load_text(text) == _plain(yaml.load(text))
