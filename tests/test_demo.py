"""`make demo` runs these commands on sample_data/; their output is pinned by golden files."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from cmty.cli import _boundary, app
from tests.conftest import assert_golden

SAMPLE = Path(__file__).resolve().parent.parent / "sample_data"


@pytest.fixture
def sample(tmp_path: Path) -> Path:
    root = tmp_path / "sample_data"
    shutil.copytree(SAMPLE, root)  # outside git: no cache, nothing written into the checkout
    return root


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = _boundary.run(app, list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_demo_validate_finds_exactly_the_planted_mistakes(
        capsys: pytest.CaptureFixture[str], sample: Path, lang: str) -> None:
    code, out, err = _run(capsys, "--repo", str(sample), "validate", "--as-of", "2026-11-29", "--lang", lang)
    assert (code, err) == (1, "")
    assert_golden(f"demo-validate.{lang}.txt", out)


def test_demo_validate_as_github_annotations(capsys: pytest.CaptureFixture[str],
                                             sample: Path) -> None:
    code, out, _ = _run(capsys, "--repo", str(sample), "validate", "--as-of", "2026-11-29", "--format", "github")
    assert code == 1
    assert_golden("demo-validate.github.txt", out)


def test_demo_show_masks_the_record(capsys: pytest.CaptureFixture[str], sample: Path) -> None:
    code, out, err = _run(capsys, "--repo", str(sample), "show", "M0036")
    assert (code, err) == (0, "")
    assert_golden("demo-show-M0036.yaml", out)
    original = (sample / "party/members/M0036.yaml").read_text(encoding="utf-8")
    assert out.count("\n") == original.count("\n")
