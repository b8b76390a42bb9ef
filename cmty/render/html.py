"""A board's markdown as one self-contained, printable HTML page: an A4 print stylesheet inline,
the tables with a header row that repeats on every printed page, and the two mermaid charts cmty
writes (a pie of spending, bars of collection rates) drawn as inline SVG. Nothing is loaded from
elsewhere and nothing runs, so the page prints the same offline, today and in ten years; the same
markdown always gives the same bytes."""

from __future__ import annotations

import json
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from html import escape
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.renderer import RendererHTML
from markdown_it.token import Token
from markdown_it.utils import EnvType, OptionsDict

_HTML_LANG = {"zh": "zh-CN", "en": "en"}
_UNTITLED = {"zh": ("饼图", "柱状图"), "en": ("Pie chart", "Bar chart")}

_CSS = """\
@page { size: A4; margin: 15mm 12mm; }
html { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif;
       font-size: 10.5pt; line-height: 1.5; color: #000; background: #fff; }
body { margin: 0 auto; max-width: 186mm; }
h1 { font-size: 16pt; margin: 0 0 8pt; }
h2 { font-size: 13pt; margin: 16pt 0 6pt; }
h3 { font-size: 11pt; margin: 12pt 0 4pt; }
h1, h2, h3 { break-after: avoid; page-break-after: avoid; }
p { margin: 4pt 0; }
table { border-collapse: collapse; width: 100%; margin: 6pt 0; font-size: 9pt; }
th, td { border: 1px solid #444; padding: 2pt 4pt; text-align: left; vertical-align: top; }
th { background: #e8e8e8; print-color-adjust: exact; -webkit-print-color-adjust: exact; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
th.num, td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
th.keep, td.keep { white-space: nowrap; }
figure { margin: 8pt 0; break-inside: avoid; page-break-inside: avoid; }
figcaption { font-weight: bold; margin-bottom: 4pt; }
svg { display: block; max-width: 100%; height: auto; break-inside: avoid; page-break-inside: avoid; }
pre { white-space: pre-wrap; border: 1px solid #999; padding: 4pt; font-size: 9pt; }
"""

# Colour-blind-safe and distinguishable in greyscale print (Tableau 10).
_PALETTE = ("#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f",
            "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac")
_BAR_COLOUR = "#4e79a7"

# Amounts, counts, rates and "18 / 20" read best right-aligned; dates and ids do not match.
_NUMERIC = re.compile(r"[+−-]?\d[\d,]*(?:\.\d+)?%?|\d+(?:\s*/\s*\d+)+")
_WORD = re.compile(r"\S{1,14}")
_NUMBER = r"-?\d+(?:\.\d+)?"
_SLICE = re.compile(rf'"(.*)"\s*:\s*({_NUMBER})')
_XY_LINE = re.compile(r"(title|x-axis|y-axis|bar)\s+(.+)")
_Y_RANGE = re.compile(rf"({_NUMBER})\s*-->\s*({_NUMBER})")


@dataclass(frozen=True, slots=True)
class Pie:
    title: str
    slices: tuple[tuple[str, Decimal], ...]


@dataclass(frozen=True, slots=True)
class Bars:
    title: str
    labels: tuple[str, ...]
    low: Decimal
    high: Decimal
    values: tuple[Decimal, ...]


def board_html(markdown: str, lang: str) -> str:
    """The page for one board's markdown (`cmty.render.boards`), `lang` "zh" or "en"."""
    md = _parser()
    env: EnvType = {"lang": lang}
    tokens = md.parse(markdown, env)
    _mark_columns(tokens)
    body = md.renderer.render(tokens, md.options, env)
    return (f'<!DOCTYPE html>\n<html lang="{_HTML_LANG[lang]}">\n<head>\n<meta charset="utf-8">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{escape(_title(tokens))}</title>\n<style>\n{_CSS}</style>\n</head>\n"
            f"<body>\n{body}</body>\n</html>\n")


def _parser() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False}).enable("table")
    # Record text is plain text: a masked name such as 冯*远 is not emphasis, "&amp;" typed into a
    # description reads as typed, and a link or image in it must neither load nor lead anywhere.
    md.disable(["emphasis", "entity", "link", "image", "autolink", "reference"])
    md.add_render_rule("fence", _fence)
    return md


def _title(tokens: Sequence[Token]) -> str:
    for i, token in enumerate(tokens[:-1]):
        if token.type == "heading_open" and token.tag == "h1":
            children = tokens[i + 1].children or []
            return "".join(c.content if c.type in ("text", "code_inline") else " " for c in children
                           if c.type in ("text", "code_inline", "softbreak"))
    return ""


def _mark_columns(tokens: Sequence[Token]) -> None:
    """Class every cell of a column of numbers "num", of short words "keep"; the markdown's own
    alignment is spaces, which HTML drops."""
    table: list[list[tuple[Token, str]]] = []
    for i, token in enumerate(tokens):
        if token.type == "table_open":
            table = []
        elif token.type == "tr_open":
            table.append([])
        elif token.type in ("th_open", "td_open"):
            table[-1].append((token, tokens[i + 1].content.strip()))
        elif token.type == "table_close":
            _mark_table(table)


def _mark_table(rows: list[list[tuple[Token, str]]]) -> None:
    for column in range(len(rows[0]) if rows else 0):
        cells = [row[column] for row in rows if column < len(row)]
        kind = _column_class([text for _, text in cells[1:] if text])
        if kind is not None:
            for cell, _ in cells:
                cell.attrJoin("class", kind)


def _column_class(texts: list[str]) -> str | None:
    if texts and all(_NUMERIC.fullmatch(text) for text in texts):
        return "num"
    # Dates, voucher numbers and masked names broken over two lines are hard to read.
    if texts and all(_WORD.fullmatch(text) for text in texts):
        return "keep"
    return None


def _fence(self: RendererHTML, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType) -> str:
    token = tokens[idx]
    if token.info.strip() == "mermaid":
        svg = _chart(token.content, str(env["lang"]))
        if svg is not None:
            return svg
    # Anything else, or a chart cmty did not write, is shown as the text it is.
    return self.fence(tokens, idx, options, env)


def _chart(source: str, lang: str) -> str | None:
    lines = [line.strip() for line in source.splitlines() if line.strip()]
    pie_title, bar_title = _UNTITLED[lang]
    if lines and re.fullmatch(r"pie(\s+showData)?", lines[0]):
        pie = _parse_pie(lines[1:], pie_title)
        return None if pie is None else _figure(pie.title, _pie_svg(pie))
    if lines and lines[0] == "xychart-beta":
        bars = _parse_bars(lines[1:], bar_title)
        return None if bars is None else _figure(bars.title, _bars_svg(bars))
    return None


def _parse_pie(lines: list[str], untitled: str) -> Pie | None:
    title = untitled
    if lines and re.fullmatch(r"title\s+.+", lines[0]):
        title, lines = lines[0][len("title"):].strip(), lines[1:]
    slices: list[tuple[str, Decimal]] = []
    for line in lines:
        match = _SLICE.fullmatch(line)
        if match is None or Decimal(match[2]) < 0:
            return None
        slices.append((match[1], Decimal(match[2])))
    if not slices or sum(value for _, value in slices) <= 0:
        return None
    return Pie(title, tuple(slices))


def _parse_bars(lines: list[str], untitled: str) -> Bars | None:
    fields: dict[str, str] = {}
    for line in lines:
        match = _XY_LINE.fullmatch(line)
        if match is None or match[1] in fields:
            return None
        fields[match[1]] = match[2].strip()
    labels = _json_list(fields.get("x-axis", ""), str)
    values = _json_list(fields.get("bar", ""), Decimal)
    span = _Y_RANGE.fullmatch(fields.get("y-axis", ""))
    if labels is None or values is None or span is None or not values or len(labels) != len(values):
        return None
    low, high = Decimal(span[1]), Decimal(span[2])
    if low >= high:
        return None
    title = fields.get("title", untitled)
    if len(title) >= 2 and title[0] == title[-1] == '"':
        title = title[1:-1]
    return Bars(title, tuple(str(label) for label in labels), low, high, tuple(Decimal(v) for v in values))


def _json_list(text: str, kind: type) -> list[Any] | None:
    """`["a", "b"]` or `[1.0, 2]`: mermaid's lists as cmty writes them are JSON arrays."""
    def reject(constant: str) -> Any:
        raise ValueError(constant)

    try:
        value = json.loads(text, parse_float=Decimal, parse_int=Decimal, parse_constant=reject)
    except ValueError:
        return None
    if not isinstance(value, list) or not all(isinstance(item, kind) for item in value):
        return None
    return value


def _figure(title: str, svg: str) -> str:
    return f'<figure class="chart">\n<figcaption>{escape(title)}</figcaption>\n{svg}</figure>\n'


def _n(value: float) -> str:
    """A coordinate with two fixed decimals; never "-0.00"."""
    return f"{round(value, 2) + 0.0:.2f}"


def _svg_open(title: str, kind: str, width: int, height: int) -> str:
    label = escape(title)
    return (f'<svg class="{kind}" role="img" aria-label="{label}" viewBox="0 0 {width} {height}" '
            f'width="{width}" height="{height}" font-size="12">\n<title>{label}</title>\n')


def _percent(value: Decimal, total: Decimal) -> str:
    return f"{(value * 100 / total).quantize(Decimal('0.1'), rounding=ROUND_HALF_UP)}%"


def _pie_svg(pie: Pie) -> str:
    radius, centre, legend_x, row = 100, 120, 260, 22
    total = sum((value for _, value in pie.slices), Decimal(0))
    height = max(240, 40 + row * len(pie.slices))
    parts = [_svg_open(pie.title, "pie", 560, height)]
    done = Decimal(0)
    for i, (label, value) in enumerate(pie.slices):
        colour = _PALETTE[i % len(_PALETTE)]
        note = escape(f"{label}: {value:.2f} ({_percent(value, total)})")
        tag, shape = _slice(centre, radius, float(done / total), float((done + value) / total))
        parts.append(f'<{tag} class="slice" {shape} fill="{colour}" stroke="#fff" stroke-width="1">'
                     f"<title>{note}</title></{tag}>\n")
        y = 30 + row * i
        parts.append(f'<rect x="{legend_x}" y="{y - 10}" width="12" height="12" fill="{colour}"/>'
                     f'<text x="{legend_x + 18}" y="{y}">{note}</text>\n')
        done += value
    return "".join(parts) + "</svg>\n"


def _slice(centre: int, radius: int, start: float, end: float) -> tuple[str, str]:
    """The element and geometry of a slice from `start` to `end` (fractions of the turn,
    clockwise from twelve o'clock)."""
    if end - start >= 1:
        # An arc whose ends meet draws nothing, so the whole pie is a circle.
        return "circle", f'cx="{centre}" cy="{centre}" r="{radius}"'

    def point(fraction: float) -> str:
        angle = 2 * math.pi * fraction
        return f"{_n(centre + radius * math.sin(angle))} {_n(centre - radius * math.cos(angle))}"

    large = 1 if end - start > 0.5 else 0
    return "path", f'd="M {centre} {centre} L {point(start)} A {radius} {radius} 0 {large} 1 {point(end)} Z"'


def _tick(value: Decimal) -> str:
    return f"{value:.0f}" if value == value.to_integral_value() else f"{value:.1f}"


def _bars_svg(bars: Bars) -> str:
    left, right, top, plot, slot = 48, 12, 24, 200, 48
    width = max(560, left + right + slot * len(bars.values))
    step = (width - left - right) / len(bars.values)
    parts = [_svg_open(bars.title, "bars", width, top + plot + 36)]
    for k in range(6):
        at = _n(top + plot * (1 - k / 5))
        parts.append(f'<line x1="{left}" y1="{at}" x2="{width - right}" y2="{at}" stroke="#ccc" stroke-width="1"/>'
                     f'<text x="{left - 6}" y="{at}" dy="4" text-anchor="end">'
                     f"{_tick(bars.low + (bars.high - bars.low) * k / 5)}</text>\n")
    for i, (label, value) in enumerate(zip(bars.labels, bars.values, strict=True)):
        shown = min(max(value, bars.low), bars.high)
        height = plot * float((shown - bars.low) / (bars.high - bars.low))
        x, y, middle = left + step * i + step * 0.2, top + plot - height, _n(left + step * (i + 0.5))
        parts.append(f'<rect class="bar" x="{_n(x)}" y="{_n(y)}" width="{_n(step * 0.6)}" height="{_n(height)}" '
                     f'fill="{_BAR_COLOUR}"><title>{escape(f"{label}: {value:f}")}</title></rect>'
                     f'<text x="{middle}" y="{_n(y - 4)}" text-anchor="middle">{value:f}</text>'
                     f'<text x="{middle}" y="{top + plot + 16}" text-anchor="middle">{escape(label)}</text>\n')
    parts.append(f'<line x1="{left}" y1="{top + plot}" x2="{width - right}" y2="{top + plot}" stroke="#000"/>\n')
    return "".join(parts) + "</svg>\n"
