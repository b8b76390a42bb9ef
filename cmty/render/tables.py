"""Rows as a terminal table, CSV, JSON or GitHub-flavoured markdown."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Sequence
from typing import Any

from tabulate import tabulate


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def as_table(header: Sequence[str], rows: Sequence[Sequence[Any]],
             align: Sequence[str] | None = None) -> str:
    """`align`: "left" or "right" per column (amounts read best right-aligned)."""
    # disable_numparse: tabulate would otherwise right-align ids like "0012" and rewrite "1e5".
    body = [[_cell(v) for v in row] for row in rows]
    return tabulate(body, headers=list(header), tablefmt="simple", disable_numparse=True,
                    colalign=align) + "\n"


# Markdown punctuation a cell's text must not act on: a masked name (刘*华) would turn italic and
# lose its asterisk, and record text like ![x](https://…) would load an image on the board. An
# underscore inside a word (opening_balance) makes no emphasis, so it is left as it is.
_MARKUP = re.compile(r"([\\`*\[\]<>!~&|])")


def as_markdown(header: Sequence[str], rows: Sequence[Sequence[Any]],
                align: Sequence[str] | None = None) -> str:
    def esc(text: str) -> str:
        return _MARKUP.sub(r"\\\1", text).replace("\n", " ")

    body = [[esc(_cell(v)) for v in row] for row in rows]
    return tabulate(body, headers=[esc(h) for h in header], tablefmt="github",
                    disable_numparse=True, colalign=align) + "\n"


def as_csv(header: Sequence[str], rows: Sequence[Sequence[Any]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows([[_cell(v) for v in row] for row in rows])
    return buffer.getvalue()


def as_json(header: Sequence[str], rows: Sequence[Sequence[Any]]) -> str:
    return json.dumps([dict(zip(header, row, strict=True)) for row in rows],
                      ensure_ascii=False, indent=2) + "\n"
