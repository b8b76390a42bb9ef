"""Shared fixtures: small data repositories written inline, in the spirit of `load_doc`."""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from cmty.findings import Finding
from cmty.kinds import KINDS
from cmty.repo import Repo
from cmty.validate import validate_repo

CONFIG = """\
community: {name: 测试社区, code: "370102003012", level: 城市社区}
roles:
  书记: [刘建华]
  报账员: [王敏]
  会计: [周晓]
  出纳: [孙丽]
  民主理财小组: [赵国强, 钱芳]
  监督委员会: [赵国强, 吴刚, 郑丽]
"""

# A minimal valid repository that the other records can refer to.
BASE_FILES = {
    "party/orgs/O01.yaml": "id: O01\nname: 测试社区党委\ntype: 党委\n",
    "party/orgs/O02.yaml": "id: O02\nname: 第一联合党支部\ntype: 联合党支部\nparent: O01\n",
    "party/members/M0001.yaml": (
        'id: M0001\nname: 刘建华\nsex: 男\nid_number: "11010519491231002X"\n'
        'mobile: "13905361234"\norg: O02\nstatus: 正式党员\ncategory: 直接管理\n'
    ),
    "finance/funds/F01.yaml": (
        'id: F01\nname: 服务群众经费\nearmarked: true\npurposes: [办公费, 活动经费]\n'
        'opening_balance: "10000.00"\n'
    ),
}

TODAY = date(2026, 11, 29)
KIND_NAMES = ", ".join(kind.name for kind in KINDS)  # as error messages list them

# The mistakes planted in sample_data/, as validated on TODAY: (code, file, line, column).
SAMPLE_PLANTED = [
    ("AUDIT-PUBLISHED", "audits/A2026-002.yaml", 4, 7),
    ("SUPERVISOR-CONFLICT", "cmty.yaml", 17, 5),
    ("COMPLAINT-ACK", "complaints/C2026-003.yaml", 3, 7),
    ("DISC-LATE", "disclosures/2026Q3-finance.yaml", 6, 12),
    ("APPROVAL-ROLE", "finance/vouchers/V2026-0026.yaml", 13, 24),
    ("MEET-QUORUM", "meetings/MT2026-043.yaml", 10, 11),
    ("JOINT-ATTENDANCE", "meetings/MT2026-060.yaml", 8, 3),
    ("MEET-REVIEW-ACTION", "meetings/MT2026-081.yaml", 31, 28),
    ("REF-MISSING", "party/fees/2026-05.yaml", 40, 14),
    ("YAML-COERCED", "party/members/M0036.yaml", 7, 9),
    ("PARTY-APPROVAL", "party/members/M0038.yaml", 26, 16),
    ("ID-CHECKSUM", "party/members/M0050.yaml", 6, 12),
    ("MEET-CADENCE", "party/orgs/O03.yaml", 3, 7),
    ("RESIDENT-REGISTRATION", "residents/R00005.yaml", 10, 13),
    ("FOREIGN-REGISTERED-LATE", "residents/R00006.yaml", 14, 18),
]

WriteRepo = Callable[..., Repo]


@pytest.fixture
def write_repo(tmp_path: Path) -> WriteRepo:
    """Write `files` (path → YAML text, dedented) over a minimal valid repository."""

    def write(files: dict[str, str | bytes], base: bool = True, config: str = CONFIG) -> Repo:
        (tmp_path / "cmty.yaml").write_text(config, encoding="utf-8")
        merged: dict[str, str | bytes] = {**(BASE_FILES if base else {}), **files}
        for rel, content in merged.items():
            path = tmp_path / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, bytes):
                path.write_bytes(content)
            else:
                path.write_text(textwrap.dedent(content), encoding="utf-8")
        return Repo(tmp_path)

    return write


def found(repo: Repo) -> list[tuple[str, str, int | None, int | None]]:
    """(code, file, line, column) of every finding, in report order."""
    report = validate_repo(repo, use_cache=False, today=TODAY)
    return [(f.code, f.file, f.line, f.column) for f in report.findings]


def findings(repo: Repo) -> list[Finding]:
    return validate_repo(repo, use_cache=False, today=TODAY).findings


GOLDEN = Path(__file__).resolve().parent / "golden"


def assert_golden(name: str, text: str) -> None:
    """Compare with tests/golden/NAME; CMTY_UPDATE_GOLDEN=1 rewrites it (review the diff)."""
    import os

    golden = GOLDEN / name
    if os.environ.get("CMTY_UPDATE_GOLDEN") == "1":
        golden.parent.mkdir(exist_ok=True)
        golden.write_text(text, encoding="utf-8")
    assert golden.is_file(), f"missing golden file {golden}; run with CMTY_UPDATE_GOLDEN=1"
    assert text == golden.read_text(encoding="utf-8")


GIT_IDENTITY = {"GIT_AUTHOR_NAME": "王敏", "GIT_AUTHOR_EMAIL": "wm@example.invalid",
                "GIT_COMMITTER_NAME": "王敏", "GIT_COMMITTER_EMAIL": "wm@example.invalid"}


def git(root: Path, *args: str) -> str:
    import subprocess

    return subprocess.run(["git", *args], cwd=root, check=True, capture_output=True,
                          text=True).stdout


CommittedRepo = Callable[[dict[str, str | bytes]], Repo]


@pytest.fixture
def committed_repo(write_repo: WriteRepo, monkeypatch: pytest.MonkeyPatch) -> CommittedRepo:
    """Like write_repo, then `git init` and one commit, with 王敏 as the git identity."""
    for key, value in GIT_IDENTITY.items():
        monkeypatch.setenv(key, value)

    def make(files: dict[str, str | bytes]) -> Repo:
        repo = write_repo(files)
        git(repo.root, "init", "-q")
        git(repo.root, "add", "-A")
        git(repo.root, "commit", "-q", "-m", "init")
        return repo

    return make


SAMPLE = Path(__file__).resolve().parent.parent / "sample_data"


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of sample_data/ outside git, shared by a module's tests (which only read it)."""
    import shutil

    root = tmp_path_factory.mktemp("sample") / "sample_data"
    shutil.copytree(SAMPLE, root)
    return root


def sample_repo(tmp_path: Path, when: str = "2026-11-01T10:00:00") -> Repo:
    """A copy of sample_data/ as a git repository of its own, committed once at `when`."""
    import os
    import shutil
    import subprocess

    root = tmp_path / "data"
    shutil.copytree(SAMPLE, root)
    env = {**os.environ, **GIT_IDENTITY, "GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when}
    for args in (["init", "-q"], ["add", "-A"], ["commit", "-q", "-m", "sample"]):
        subprocess.run(["git", *args], cwd=root, check=True, capture_output=True, env=env)
    return Repo(root)
