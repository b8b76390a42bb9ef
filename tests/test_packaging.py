"""data_schema/ ships inside the wheel and is found there at run time."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from cmty import schemas

ROOT = Path(__file__).resolve().parent.parent


def test_schema_dir_in_a_checkout_is_the_top_level_folder() -> None:
    assert schemas.schema_dir() == ROOT / "data_schema"


@pytest.mark.slow
def test_wheel_carries_schemas_and_templates_inside_the_package(tmp_path: Path) -> None:
    built = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(tmp_path),
         str(ROOT)], capture_output=True, text=True, check=False)
    if built.returncode != 0 and "No matching distribution" in built.stderr:
        pytest.skip("the build backend cannot be fetched here")
    assert built.returncode == 0, built.stderr
    [wheel] = tmp_path.glob("cmty-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for schema in (ROOT / "data_schema").glob("*.schema.yaml"):
        assert f"cmty/data_schema/{schema.name}" in names
    assert "cmty/templates/github-actions.yml" in names
    # Installed, cmty/schemas.py finds data_schema/ beside itself, before any checkout path.
    assert "cmty/schemas.py" in names
