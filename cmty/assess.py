"""考核: a year's assessment of a party organisation against the scheme in assessments/, each
automatic indicator worked out from the records with the counts behind it, so that anyone with
the repository can redo the arithmetic line by line.

Points for a rate r are points × (r − zero_at) / (full_at − zero_at), held between 0 and the
points, rounded half-up to 0.01. Only periods that have ended by the day asked about count, from
where the records begin (`records.since`): a month still running is not yet a miss.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from cmty.findings import Text
from cmty.measures import MEASURES, Count, subtree
from cmty.rules.base import Rec, Records

CENT = Decimal("0.01")
KINDS_READ = ("assessment", "org", "member", "meeting", "fee", "disclosure", "complaint")


@dataclass(frozen=True, slots=True)
class Line:
    indicator: str
    name: str
    points: Decimal
    measure: str
    count: Count | None  # None for a manual score
    rate: Decimal | None
    score: Decimal
    working: Text  # the arithmetic, in words


@dataclass(frozen=True, slots=True)
class Assessment:
    scheme: str
    title: str
    unit: str
    unit_name: str
    year: int
    as_of: date
    lines: tuple[Line, ...]
    pass_mark: Decimal | None

    @property
    def total(self) -> Decimal:
        return sum((line.score for line in self.lines), Decimal("0"))

    @property
    def out_of(self) -> Decimal:
        return sum((line.points for line in self.lines), Decimal("0"))


class AssessError(Exception):
    def __init__(self, message: Text, hint: Text) -> None:
        super().__init__(message.en)
        self.message, self.hint = message, hint


def _decimal(value: Any, default: str) -> Decimal:
    return Decimal(str(value)) if isinstance(value, (int, float)) and not isinstance(value, bool) \
        else Decimal(default)


def _scored(indicator: dict[str, Any], count: Count) -> tuple[Decimal | None, Decimal, Text]:
    points = _decimal(indicator.get("points"), "0")
    full, zero = _decimal(indicator.get("full_at"), "1"), _decimal(indicator.get("zero_at"), "0")
    if count.due == 0:
        return None, points, Text(f"{count.what.zh}为 0，得满分 {points}",
                                  f"no {count.what.en}: full {points} points")
    rate = Decimal(count.done) / Decimal(count.due)
    raw = (rate - zero) / (full - zero) if full > zero else Decimal(rate >= full)
    share = min(Decimal(1), max(Decimal(0), raw))
    score = (points * share).quantize(CENT, ROUND_HALF_UP)
    shown = (rate * 100).quantize(Decimal("0.1"), ROUND_HALF_UP)
    ratio = f"{count.done}/{count.due}"
    formula = (f"{points} × {ratio}" if zero == 0 and full == 1 else
               f"{points} × ({ratio} − {zero}) ÷ ({full} − {zero})")
    held_in = "" if raw == share else " ↦ [0, 1]"  # the share was held between 0 and 1
    return rate, score, Text(
        f"{count.what.zh} {count.due}，完成 {count.done}（{shown}%）；{formula}{held_in} = {score}",
        f"{count.done} of {count.due} {count.what.en} ({shown}%); {formula}{held_in} = {score}")


def _manual(indicator: dict[str, Any], unit: str) -> tuple[Decimal, Text]:
    points = _decimal(indicator.get("points"), "0")
    scores = indicator.get("scores") or {}
    basis = str(indicator.get("basis") or "")
    if unit not in scores:
        return Decimal("0.00"), Text("未评分，记 0 分", "not scored: 0 points")
    given = _decimal(scores[unit], "0").quantize(CENT, ROUND_HALF_UP)
    capped = min(given, points)
    note = Text(f"人工评分 {given}" + (f"（超过分值，按 {points} 计）" if given > points else "")
                + (f"；依据：{basis}" if basis else ""),
                f"scored {given} by hand" + (f" (above the points: {points} counted)"
                                             if given > points else "") + (f"; basis: {basis}" if basis else ""))
    return capped, note


def scheme_for(records: Records, year: int, scheme: str | None) -> Rec:
    schemes = [s for s in records.of("assessment") if s.data.get("year") == year
               and (scheme is None or s.id == scheme)]
    if len(schemes) != 1:
        known = ", ".join(sorted(s.id for s in records.of("assessment"))) or "—"
        problem = (Text(f"{year} 年有多个考核方案，用 --scheme 指定其一（{known}）", f"several schemes "
                        f"for {year}: choose one with --scheme ({known})") if schemes else
                   Text(f"没有 {year} 年的考核方案{f' {scheme}' if scheme else ''}；现有：{known}",
                        f"no assessment scheme{f' {scheme}' if scheme else ''} for {year}; there "
                        f"are: {known}"))
        raise AssessError(problem, Text("考核方案放在 assessments/ 中，year 为考核年度",
                                        "schemes live under assessments/, with year the year assessed"))
    return schemes[0]


def assess(records: Records, unit: str, year: int, as_of: date, scheme: str | None = None
           ) -> Assessment:
    chosen = scheme_for(records, year, scheme)
    units = [str(u) for u in chosen.data.get("units") or []]
    if unit not in units:
        raise AssessError(Text(f"{chosen.id} 不考核 {unit}；被考核的是：{', '.join(units)}",
                               f"{chosen.id} does not assess {unit}; it assesses: {', '.join(units)}"),
                          Text(f"换一个党组织，或把 {unit} 加入 {chosen.id} 的 units",
                               f"choose another organisation, or add {unit} to {chosen.id}'s units"))
    org = records.get("org", unit)
    orgs = subtree(records, unit)
    lines = []
    for indicator in chosen.data.get("indicators") or []:
        if not isinstance(indicator, dict):
            continue
        measure = str(indicator.get("measure"))
        points = _decimal(indicator.get("points"), "0")
        if measure == "manual":
            score, working = _manual(indicator, unit)
            lines.append(Line(str(indicator.get("id")), str(indicator.get("name")), points, measure,
                              None, None, score, working))
            continue
        if measure not in MEASURES:
            raise AssessError(Text(f"{chosen.id} 的指标 {indicator.get('id')} 没有可用的计算方式",
                                   f"indicator {indicator.get('id')} of {chosen.id} has no usable "
                                   "measure"),
                              Text("先修正 cmty validate 报告的方案错误", "first fix what cmty "
                                   "validate reports in the scheme"))
        count = MEASURES[measure](records, orgs, year, as_of)
        rate, score, working = _scored(indicator, count)
        lines.append(Line(str(indicator.get("id")), str(indicator.get("name")), points, measure,
                          count, rate, score, working))
    mark = chosen.data.get("pass_mark")
    return Assessment(chosen.id, str(chosen.data.get("title", "")), unit,
                      str(org.data.get("name", "")) if org else "", year, as_of, tuple(lines),
                      _decimal(mark, "0") if mark is not None else None)
