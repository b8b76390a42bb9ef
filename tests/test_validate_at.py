"""`cmty validate --at REV|DATE`: the repository as it was, read from git objects."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from cmty.cli import _boundary, app
from cmty.errors import UsageError
from cmty.repo import Repo
from cmty.validate import validate_repo
from tests.conftest import SAMPLE_PLANTED, TODAY, sample_repo


def git(root: Path, *args: str, date: str = "2026-01-01T10:00:00") -> str:
    env = {**os.environ, "GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date,
           "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.invalid",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.invalid"}
    return subprocess.run(["git", *args], cwd=root, check=True, capture_output=True, text=True,
                          env=env).stdout


@pytest.fixture
def repo(tmp_path: Path) -> Repo:
    root = sample_repo(tmp_path, "2026-11-01T10:00:00").root  # with the planted mistakes
    member = root / "party/members/M0036.yaml"
    member.write_text(member.read_text(encoding="utf-8").replace(
        "mobile: 18881474746", 'mobile: "18881474746"'), encoding="utf-8")
    git(root, "commit", "-qam", "quote the mobile", date="2026-11-20T10:00:00")
    return Repo(root)


def codes(repo: Repo, at: str | None, use_cache: bool = True) -> list[str]:
    return [f.code for f in validate_repo(repo, use_cache=use_cache, today=TODAY, at=at).findings]


def test_now_and_then(repo: Repo) -> None:
    now = [code for code, *_ in SAMPLE_PLANTED if code != "YAML-COERCED"]
    then = [code for code, *_ in SAMPLE_PLANTED]
    assert codes(repo, None) == now
    assert codes(repo, "HEAD~1") == then
    assert codes(repo, "2026-11-10") == then  # the last commit on or before that day
    assert codes(repo, "HEAD~1", use_cache=False) == then
    assert codes(repo, None) == now  # the work tree's snapshot is untouched


def test_a_past_revision_is_read_without_checking_out(repo: Repo) -> None:
    (repo.root / "party/members/M0036.yaml").write_text("id: [broken\n", encoding="utf-8")
    assert "YAML-SYNTAX" not in codes(repo, "HEAD")
    assert git(repo.root, "status", "--porcelain") == " M party/members/M0036.yaml\n"


def test_unknown_revision(repo: Repo, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(UsageError):
        validate_repo(repo, at="nope")
    assert _boundary.run(app, ["--repo", str(repo.root), "validate", "--at", "2020-01-01"]) == 2
    assert capsys.readouterr().err.startswith("错误: 找不到版本 2020-01-01")


def test_cli_at_locates_findings_in_the_old_file(repo: Repo,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    code = _boundary.run(app, ["--repo", str(repo.root), "validate", "--at", "HEAD~1",
                               "--format", "github"])
    out = capsys.readouterr().out
    assert code == 1
    assert "::error file=party/members/M0036.yaml,line=7,col=9,title=YAML-COERCED::" in out


def test_show_at_prints_the_file_as_it_was_masked(repo: Repo,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    code = _boundary.run(app, ["--repo", str(repo.root), "show", "M0036", "--at", "HEAD~1"])
    out = capsys.readouterr().out
    assert code == 0
    assert "mobile: 188****4746\n" in out  # unquoted then, as the file was; masked all the same
    code = _boundary.run(app, ["--repo", str(repo.root), "show", "M0036", "--at", "2026-11-25",
                               "--reveal"])
    assert (code, capsys.readouterr().out) == (
        0, (repo.root / "party/members/M0036.yaml").read_text(encoding="utf-8"))
