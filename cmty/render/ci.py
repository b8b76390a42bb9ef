"""Findings for CI systems that read standard reports: SARIF 2.1.0 (GitHub code scanning,
GitLab, many IDEs) and JUnit XML (GitLab, Jenkins, Gitea test reports)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from xml.etree import ElementTree

from cmty import __version__
from cmty.catalogue import BY_CODE
from cmty.findings import Finding, Severity

_SARIF_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def as_sarif(findings: Sequence[Finding], lang: str, prefix: str = "") -> str:
    codes = sorted({f.code for f in findings})
    rules = [{"id": code, "shortDescription": {"text": BY_CODE[code].title.get(lang)},
              "properties": {"source": BY_CODE[code].source}} for code in codes if code in BY_CODE]
    results = [{
        "ruleId": f.code,
        "level": _SARIF_LEVEL[f.severity],
        "message": {"text": f"{f.message.get(lang)} — {f.hint.get(lang)}"},
        "locations": [{"physicalLocation": {
            "artifactLocation": {"uri": prefix + f.file},
            "region": {"startLine": f.line or 1, "startColumn": f.column or 1}}}],
    } for f in findings]
    log = {"$schema": "https://json.schemastore.org/sarif-2.1.0.json", "version": "2.1.0",
           "runs": [{"tool": {"driver": {"name": "cmty", "version": __version__,
                                         "rules": rules}}, "results": results}]}
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"


def as_junit(findings: Sequence[Finding], files: Sequence[str], lang: str) -> str:
    """One test case per checked file; each error or warning of the file is a failure."""
    by_file: dict[str, list[Finding]] = {rel: [] for rel in files}
    for f in findings:
        by_file.setdefault(f.file, []).append(f)
    failing = [f for f in findings if f.severity >= Severity.WARNING]
    suite = ElementTree.Element("testsuite", name="cmty validate", tests=str(len(by_file)),
                                failures=str(len({f.file for f in failing})), errors="0")
    for rel, items in by_file.items():
        case = ElementTree.SubElement(suite, "testcase", classname="cmty", name=rel)
        bad = [f for f in items if f.severity >= Severity.WARNING]
        if bad:
            failure = ElementTree.SubElement(case, "failure", message=bad[0].code,
                                             type=bad[0].severity.label)
            failure.text = "\n".join(f"{f.where}: {f.code} "
                                     f"{f.message.get(lang)} ({f.hint.get(lang)})" for f in bad)
    ElementTree.indent(suite)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + \
        ElementTree.tostring(suite, encoding="unicode") + "\n"
