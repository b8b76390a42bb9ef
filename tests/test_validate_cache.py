"""The cached, incremental and cold paths of `validate_repo` give the same findings."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from cmty.repo import Repo
from cmty.validate import validate_repo
from tests.conftest import SAMPLE_PLANTED, TODAY, sample_repo

GIT = ["git", "-c", "user.name=t", "-c", "user.email=t@example.invalid"]


def _git(root: Path, *args: str) -> None:
    subprocess.run([*GIT, *args], cwd=root, check=True, capture_output=True)


@pytest.fixture
def repo(tmp_path: Path) -> Repo:
    return sample_repo(tmp_path)


Found = tuple[list[tuple[str, str, int | None, int | None]], int, int]


def _codes(repo: Repo, use_cache: bool) -> Found:
    report = validate_repo(repo, use_cache=use_cache, today=TODAY)
    return ([(f.code, f.file, f.line, f.column) for f in report.findings], report.files,
            report.records)


def _agree(repo: Repo) -> list[tuple[str, str, int | None, int | None]]:
    cold = _codes(repo, use_cache=False)
    assert _codes(repo, use_cache=True) == cold
    assert _codes(repo, use_cache=True) == cold  # the second run reads the snapshot
    return cold[0]


PLANTED = SAMPLE_PLANTED


def test_first_and_later_runs_agree(repo: Repo) -> None:
    assert _agree(repo) == PLANTED
    assert list((repo.root / ".git" / "cmty").glob("snapshot-*.marshal"))


def test_an_edited_file_is_rechecked(repo: Repo) -> None:
    _agree(repo)
    member = repo.root / "party/members/M0036.yaml"
    member.write_text(member.read_text(encoding="utf-8").replace(
        "mobile: 18881474746", 'mobile: "18881474746"'), encoding="utf-8")
    assert _agree(repo) == [f for f in PLANTED if f[0] != "YAML-COERCED"]


def test_an_edit_that_moves_lines_moves_the_reference_finding(repo: Repo) -> None:
    _agree(repo)
    fees = repo.root / "party/fees/2026-05.yaml"
    fees.write_text("# 补记\n" + fees.read_text(encoding="utf-8"), encoding="utf-8")
    assert ("REF-MISSING", "party/fees/2026-05.yaml", 41, 14) in _agree(repo)


def test_a_new_record_satisfies_a_dangling_reference(repo: Repo) -> None:
    _agree(repo)
    source = (repo.root / "party/members/M0009.yaml").read_text(encoding="utf-8")
    (repo.root / "party/members/M0099.yaml").write_text(
        source.replace("id: M0009", "id: M0099"), encoding="utf-8")
    # M0099 (a copy of M0009) has paid only 2026-05, so the months since are in arrears (F14).
    found = _agree(repo)
    assert ("FEE-ARREARS", "party/members/M0099.yaml", 11, 9) in found
    assert sorted(f[0] for f in found) == sorted([f[0] for f in PLANTED if f[0] != "REF-MISSING"] + [
        "FEE-ARREARS"])


def test_a_deleted_record_leaves_references_dangling(repo: Repo) -> None:
    _agree(repo)
    _git(repo.root, "rm", "-q", "finance/funds/F02.yaml")
    found = _agree(repo)
    assert {f[0] for f in found} == {f[0] for f in PLANTED}
    assert any(f[1].startswith("finance/vouchers/") and f[0] == "REF-MISSING" for f in found)


def test_a_renamed_id_is_reported_where_it_is_used(repo: Repo) -> None:
    _agree(repo)
    org = repo.root / "party/orgs/O04.yaml"
    org.write_text(org.read_text(encoding="utf-8").replace("id: O04", "id: O05"),
                   encoding="utf-8")
    found = _agree(repo)
    assert ("RECORD-FILENAME", "party/orgs/O04.yaml") in {(f[0], f[1]) for f in found}
    assert sum(1 for f in found if f[0] == "REF-MISSING") > 1
