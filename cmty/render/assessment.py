"""An assessment as a terminal table, markdown or JSON: one line per indicator with the counts
and the arithmetic behind its score, then the total."""

from __future__ import annotations

import json
from typing import Any

from cmty.assess import Assessment
from cmty.render.tables import as_markdown, as_table

_HEADER = {"zh": ("指标", "分值", "得分", "计算"), "en": ("indicator", "points", "score", "working")}
_ALIGN = ("left", "right", "right", "left")


def _title(a: Assessment, lang: str) -> str:
    if lang == "zh":
        return f"{a.scheme} {a.title} · {a.unit} {a.unit_name} · {a.year} 年（截至 {a.as_of}）"
    return f"{a.scheme} {a.title} · {a.unit} {a.unit_name} · {a.year} (as of {a.as_of})"


def _rows(a: Assessment, lang: str) -> list[list[str]]:
    return [[line.name, f"{line.points:g}", f"{line.score:.2f}", line.working.get(lang)]
            for line in a.lines]


def _total(a: Assessment, lang: str) -> str:
    total = f"{a.total:.2f} / {a.out_of:g}"
    if a.pass_mark is None:
        return f"合计 {total}" if lang == "zh" else f"total {total}"
    passed = a.total >= a.pass_mark
    if lang == "zh":
        return f"合计 {total}（合格线 {a.pass_mark:g}：{'合格' if passed else '不合格'}）"
    return f"total {total} (pass mark {a.pass_mark:g}: {'passed' if passed else 'not passed'})"


def as_text(a: Assessment, lang: str) -> str:
    return f"{_title(a, lang)}\n\n{as_table(_HEADER[lang], _rows(a, lang), _ALIGN)}\n{_total(a, lang)}\n"


def as_md(a: Assessment, lang: str) -> str:
    return (f"## {_title(a, lang)}\n\n{as_markdown(_HEADER[lang], _rows(a, lang), _ALIGN)}\n"
            f"**{_total(a, lang)}**\n")


def as_json(a: Assessment) -> str:
    def line(item: Any) -> dict[str, Any]:
        return {"indicator": item.indicator, "name": item.name, "measure": item.measure,
                "points": f"{item.points:g}", "score": f"{item.score:.2f}",
                "done": item.count.done if item.count else None,
                "due": item.count.due if item.count else None,
                "working": {"zh": item.working.zh, "en": item.working.en}}

    return json.dumps({"scheme": a.scheme, "title": a.title, "unit": a.unit, "year": a.year,
                       "as_of": a.as_of.isoformat(), "lines": [line(i) for i in a.lines],
                       "total": f"{a.total:.2f}", "out_of": f"{a.out_of:g}",
                       "pass_mark": None if a.pass_mark is None else f"{a.pass_mark:g}",
                       "passed": None if a.pass_mark is None else a.total >= a.pass_mark},
                      ensure_ascii=False, indent=2) + "\n"
