"""An assessment scheme (考核方案, local practice) that can be scored: a manual score within its
indicator's points and only for organisations the scheme assesses, and indicator keys used once."""

from __future__ import annotations

from collections.abc import Iterator

from cmty.findings import Finding, Text
from cmty.rules.base import Records, collection_rule


@collection_rule("ASSESS-SCHEME", kinds=("assessment",))
def scheme_can_be_scored(records: Records) -> Iterator[Finding]:
    """Manual scores lie between 0 and the indicator's points and name assessed organisations;
    each indicator key is used once.

    Bad:  {points: 15, measure: manual, scores: {O02: 18}}
    Good: scores: {O02: 14}
    """
    for scheme in records.of("assessment"):
        units = {str(u) for u in scheme.data.get("units") or []}
        seen: set[str] = set()
        for i, indicator in enumerate(scheme.data.get("indicators") or []):
            if not isinstance(indicator, dict):
                continue
            key = str(indicator.get("id"))
            if key in seen:
                yield scheme.finding("ASSESS-SCHEME", ("indicators", i, "id"),
                                     Text(f"指标代码 {key} 重复", f"indicator key {key} used twice"),
                                     Text("每个指标用不同的 id", "give each indicator its own id"))
            seen.add(key)
            points = indicator.get("points")
            for unit, score in (indicator.get("scores") or {}).items():
                if unit not in units:
                    yield scheme.finding("ASSESS-SCHEME", ("indicators", i, "scores", unit),
                                         Text(f"{unit} 不在被考核的党组织中", f"{unit} is not assessed "
                                              "by this scheme"),
                                         Text("把它加入 units，或删去这项评分", "add it to units or "
                                              "remove the score"), at_key=True)
                elif isinstance(points, (int, float)) and isinstance(score, (int, float)) \
                        and score > points:
                    yield scheme.finding("ASSESS-SCHEME", ("indicators", i, "scores", unit),
                                         Text(f"{unit} 得分 {score:g} 超过分值 {points:g}",
                                              f"{unit} scored {score:g}, above the {points:g} "
                                              "points"),
                                         Text("人工评分不能超过该指标分值", "a manual score cannot "
                                              "exceed the indicator's points"))
