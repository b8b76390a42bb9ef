"""Party rules on one record: stage dates and their order (D20), age (D1), the year of training
(D6), probation (D15, D17), and terms of office (O8)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from itertools import pairwise

from cmty.dates import add_years, day
from cmty.findings import Finding, Text
from cmty.rules.base import RecordContext, record_rule

STAGES = ("applied", "activist", "target", "probationary", "full")
_STAGE_ZH = {"applied": "申请入党", "activist": "积极分子", "target": "发展对象",
             "probationary": "预备党员", "full": "正式党员"}


def _stages(ctx: RecordContext) -> dict[str, date]:
    stages = ctx.data.get("stages")
    if not isinstance(stages, dict):
        return {}
    return {name: d for name in STAGES if (d := day(stages.get(name))) is not None}


@record_rule("PARTY-STAGE-ORDER", kinds=("member",))
def stage_order(ctx: RecordContext) -> Iterator[Finding]:
    """Each stage of admission comes on or after the one before it (D20).

    Bad:  stages: {applied: 2024-03-01, activist: 2023-09-10}
    Good: stages: {applied: 2023-03-01, activist: 2023-09-10}
    """
    dated = list(_stages(ctx).items())
    for (before, first), (after, second) in pairwise(dated):
        if second < first:
            yield ctx.finding("PARTY-STAGE-ORDER", ("stages", after),
                              Text(f"{_STAGE_ZH[after]}日期 {second} 早于{_STAGE_ZH[before]}日期 {first}",
                                   f"{after} ({second}) is before {before} ({first})"),
                              Text("核对两个日期；各阶段须依次进行", "check both dates; the stages "
                                   "come in order"))


@record_rule("PARTY-ACTIVIST-YEAR", kinds=("member",))
def year_as_activist(ctx: RecordContext) -> Iterator[Finding]:
    """A development target has been an activist for at least a year (D6).

    Bad:  stages: {activist: 2025-09-10, target: 2026-05-20}
    Good: stages: {activist: 2025-05-10, target: 2026-05-20}
    """
    stages = _stages(ctx)
    if "activist" in stages and "target" in stages and \
            stages["target"] < add_years(stages["activist"], 1):
        yield ctx.finding("PARTY-ACTIVIST-YEAR", ("stages", "target"),
                          Text(f"确定为发展对象（{stages['target']}）距确定为积极分子"
                               f"（{stages['activist']}）不满一年",
                               f"target ({stages['target']}) less than a year after activist "
                               f"({stages['activist']})"),
                          Text("积极分子须经一年以上培养考察", "an activist is trained for at least "
                               "a year first"))


@record_rule("PARTY-AGE", "PARTY-AGE-APPLICATION", kinds=("member",))
def adult_at_admission(ctx: RecordContext) -> Iterator[Finding]:
    """A member is at least 18 when the branch meeting admits them (D1).

    Bad:  birth_date: 2008-06-01, stages: {probationary: 2026-05-20}
    Good: birth_date: 2006-06-01, stages: {probationary: 2026-05-20}
    """
    born, stages = day(ctx.data.get("birth_date")), _stages(ctx)
    if born is None:
        return
    adult = add_years(born, 18)
    if "probationary" in stages and stages["probationary"] < adult:
        yield ctx.finding("PARTY-AGE", ("stages", "probationary"),
                          Text(f"接收为预备党员时（{stages['probationary']}）未满 18 周岁",
                               f"under 18 when admitted ({stages['probationary']})"),
                          Text("核对出生日期和接收日期", "check the birth date and the admission date"))
    elif "applied" in stages and stages["applied"] < adult:
        yield ctx.finding("PARTY-AGE-APPLICATION", ("stages", "applied"),
                          Text(f"递交申请时（{stages['applied']}）未满 18 周岁",
                               f"under 18 when applying ({stages['applied']})"),
                          Text("核对出生日期和申请日期", "check the birth date and the application date"))


@record_rule("PARTY-PROBATION", "PARTY-PROBATION-EXTENDED", kinds=("member",))
def probation_year(ctx: RecordContext) -> Iterator[Finding]:
    """Probation lasts a year from admission (D15); an extension adds 6–12 months (D17).

    Bad:  stages: {probationary: 2025-07-01, full: 2026-03-01}
    Good: stages: {probationary: 2025-07-01, full: 2026-07-01}
    """
    stages = _stages(ctx)
    if "probationary" not in stages or "full" not in stages:
        return
    start, full = stages["probationary"], stages["full"]
    if full < add_years(start, 1):
        yield ctx.finding("PARTY-PROBATION", ("stages", "full"),
                          Text(f"转为正式党员（{full}）时预备期未满一年（自 {start}）",
                               f"made a full member ({full}) before a year of probation (from "
                               f"{start})"),
                          Text("预备期为一年，从支部大会通过之日算起", "probation is a year from the "
                               "branch meeting's admission"))
    elif full > add_years(start, 2):
        yield ctx.finding("PARTY-PROBATION-EXTENDED", ("stages", "full"),
                          Text(f"预备期超过两年（{start} 至 {full}）",
                               f"probation longer than two years ({start} to {full})"),
                          Text("延长预备期最多一年；核对日期或记录讨论结果",
                               "an extension is at most a year; check the dates"))


@record_rule("ORG-TERM", kinds=("org",))
def term_length(ctx: RecordContext) -> Iterator[Finding]:
    """A 社区 party committee, general branch or branch serves a five-year term (O8).

    Bad:  term: {start: 2026-03-20, end: 2029-03-20}
    Good: term: {start: 2026-03-20, end: 2031-03-20}
    """
    term = ctx.data.get("term")
    if not isinstance(term, dict) or ctx.data.get("type") == "党小组":
        return
    start, end = day(term.get("start")), day(term.get("end"))
    if start is not None and end is not None and end != add_years(start, 5):
        yield ctx.finding("ORG-TERM", ("term", "end"),
                          Text(f"任期 {start} 至 {end} 不是五年", f"term {start} to {end} is not "
                               "five years"),
                          Text(f"社区党组织任期五年：届满应为 {add_years(start, 5)}",
                               f"a community's party organisations serve five years: end "
                               f"{add_years(start, 5)}"))
