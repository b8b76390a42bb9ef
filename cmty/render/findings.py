"""Findings as text (people), JSON (scripts) and GitHub workflow annotations (CI)."""

from __future__ import annotations

import json
from collections.abc import Sequence

from cmty.findings import Finding, Severity

_SEVERITY_ZH = {Severity.ERROR: "错误", Severity.WARNING: "警告", Severity.INFO: "提示"}
_GITHUB_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def as_text(findings: Sequence[Finding], lang: str) -> str:
    lines = []
    for f in findings:
        severity = _SEVERITY_ZH[f.severity] if lang == "zh" else f.severity.label
        record = f" [{f.record}]" if f.record else ""
        hint_label = "提示" if lang == "zh" else "hint"
        lines.append(f"{f.where}: {severity} {f.code}{record} "
                     f"{f.message.get(lang)}")
        if f.hint.get(lang):
            lines.append(f"    {hint_label}: {f.hint.get(lang)}")
    return "\n".join(lines) + ("\n" if lines else "")


def summary(findings: Sequence[Finding], files: int, records: int, lang: str) -> str:
    errors = sum(1 for f in findings if f.severity == Severity.ERROR)
    warnings = sum(1 for f in findings if f.severity == Severity.WARNING)
    infos = len(findings) - errors - warnings
    if lang == "zh":
        return (f"检查了 {files} 个文件、{records} 条记录：{errors} 个错误，{warnings} 个警告，"
                f"{infos} 个提示\n")
    return (f"checked {_count(files, 'file')}, {_count(records, 'record')}: "
            f"{_count(errors, 'error')}, {_count(warnings, 'warning')}, {_count(infos, 'notice')}\n")


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def as_json(findings: Sequence[Finding]) -> str:
    return json.dumps([f.to_json() for f in findings], ensure_ascii=False, indent=2) + "\n"


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def as_github(findings: Sequence[Finding], lang: str, prefix: str = "") -> str:
    """GitHub Actions workflow commands; also understood by Gitea and Forgejo Actions."""
    out = []
    for f in findings:
        place = f",line={f.line},col={f.column}" if f.line is not None else ""
        props = f"file={_escape_property(prefix + f.file)}{place},title={_escape_property(f.code)}"
        text = f"{f.message.get(lang)} — {f.hint.get(lang)}" if f.hint.get(lang) else \
            f.message.get(lang)
        out.append(f"::{_GITHUB_LEVEL[f.severity]} {props}::{_escape_data(text)}")
    return "\n".join(out) + ("\n" if out else "")
