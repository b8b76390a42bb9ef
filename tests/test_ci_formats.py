"""`cmty validate --format sarif|junit`: the standard reports CI systems read."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from xml.etree import ElementTree

import pytest

from cmty.cli import _boundary, app
from tests.conftest import SAMPLE_PLANTED

SAMPLE = Path(__file__).resolve().parent.parent / "sample_data"
PLANTED = SAMPLE_PLANTED


@pytest.fixture
def sample(tmp_path: Path) -> Path:
    root = tmp_path / "sample_data"
    shutil.copytree(SAMPLE, root)
    return root


def _validate(capsys: pytest.CaptureFixture[str], root: Path, fmt: str) -> str:
    assert _boundary.run(app, ["--repo", str(root), "validate", "--as-of", "2026-11-29", "--format", fmt]) == 1
    return capsys.readouterr().out


def test_sarif(capsys: pytest.CaptureFixture[str], sample: Path) -> None:
    log = json.loads(_validate(capsys, sample, "sarif"))
    assert log["version"] == "2.1.0"
    run = log["runs"][0]
    assert run["tool"]["driver"]["name"] == "cmty"
    assert [r["id"] for r in run["tool"]["driver"]["rules"]] == sorted({p[0] for p in PLANTED})
    found = [(r["ruleId"], r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
              r["locations"][0]["physicalLocation"]["region"]["startLine"],
              r["locations"][0]["physicalLocation"]["region"]["startColumn"])
             for r in run["results"]]
    assert found == PLANTED
    assert [r["level"] for r in run["results"]] == [
        "warning", "error", "warning", "warning", "error", "error", "warning", "error", "error", "error",
        "warning", "error", "warning", "warning", "error"]


def test_junit(capsys: pytest.CaptureFixture[str], sample: Path) -> None:
    suite = ElementTree.fromstring(_validate(capsys, sample, "junit"))
    assert (suite.tag, suite.get("tests"), suite.get("failures")) == ("testsuite", "246", "15")
    failed = {case.get("name"): case.find("failure") for case in suite
              if case.find("failure") is not None}
    assert {name: f.get("message") for name, f in failed.items() if f is not None} == {
        file: code for code, file, _, _ in PLANTED}
