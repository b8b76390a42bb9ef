"""Identifier verdicts (`cmty check-id`) as text or JSON."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from cmty.identifiers import Verdict

_KIND_ZH = {"id-number": "身份证号", "foreign-permanent-resident": "外国人永久居留身份证号",
            "credit-code": "统一社会信用代码", "mobile": "手机号", "division-code": "区划代码"}


def _reason(verdict: Verdict, lang: str) -> str:
    """Why the value is invalid (errors only: a valid value has no reason, only warnings)."""
    errors = [i for i in verdict.issues if i.severity == "error"]
    return "；".join(i.zh for i in errors) if lang == "zh" else "; ".join(i.en for i in errors)


def to_json(value: str, verdict: Verdict) -> dict[str, Any]:
    return {
        "value": value,
        "normalised": verdict.value,
        "kind": verdict.kind.value if verdict.kind else None,
        "valid": verdict.valid,
        "reason": _reason(verdict, "en") or None,
        "issues": [{"code": i.code, "severity": i.severity, "message": {"zh": i.zh, "en": i.en},
                    "hint": {"zh": i.hint_zh, "en": i.hint_en}} for i in verdict.issues],
        "details": verdict.details,
    }


def as_text(values: Sequence[str], verdicts: Sequence[Verdict], lang: str) -> str:
    lines = []
    for value, v in zip(values, verdicts, strict=True):
        kind = v.kind.value if v.kind else "?"
        kind_label = _KIND_ZH.get(kind, "未知类型") if lang == "zh" else kind
        state = ("有效" if v.valid else "无效") if lang == "zh" else ("valid" if v.valid else "invalid")
        lines.append(f"{value}\t{kind_label}\t{state}")
        for issue in v.issues:
            label = {"error": "错误", "warning": "警告"}[issue.severity] if lang == "zh" else issue.severity
            message = issue.zh if lang == "zh" else issue.en
            hint = issue.hint_zh if lang == "zh" else issue.hint_en
            lines.append(f"    {label} {issue.code}: {message}")
            if hint:
                lines.append(f"        {'提示' if lang == 'zh' else 'hint'}: {hint}")
    return "\n".join(lines) + "\n"
