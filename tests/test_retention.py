"""Vouchers are kept 30 years (会计档案管理办法, C13): FIN-ARCHIVE-DELETED for a voucher file
deleted in a commit, deleted in the work tree, or about to be removed by `cmty rm`; none once it
is back, moved, or past its term."""

from __future__ import annotations

from datetime import date

import pytest

from cmty.cli import _boundary, app
from cmty.repo import Repo
from cmty.validate import validate_repo
from tests.conftest import CommittedRepo, git

V1 = "finance/vouchers/V2026-0001.yaml"
V2 = "finance/vouchers/V2026-0002.yaml"


def voucher(vid: str, on: str = "2026-03-02") -> str:
    return (f"id: {vid}\ndate: {on}\nfund: F01\ntype: expense\n"
            'lines: [{category: 办公费, amount: "56.00"}]\ndocument: {type: 发票}\npayment: bank\n'
            "handler: 王敏\napprovals: [{role: 民主理财小组, person: 赵国强, on: 2026-03-02}, "
            "{role: 书记, person: 刘建华, on: 2026-03-02}]\ncashier: 孙丽\nbookkeeper: 周晓\n")


def archive(repo: Repo) -> list[tuple[str, str | None, str]]:
    return [(f.file, f.record, f.message.en) for f in validate_repo(repo).findings
            if f.code == "FIN-ARCHIVE-DELETED"]


def test_a_voucher_deleted_in_a_commit_is_reported_with_the_commit(committed_repo: CommittedRepo) -> None:
    repo = committed_repo({V1: voucher("V2026-0001"), V2: voucher("V2026-0002")})
    git(repo.root, "rm", "-q", V1)
    git(repo.root, "commit", "-q", "-m", "删除凭证")
    sha = git(repo.root, "rev-parse", "--short=10", "HEAD").strip()
    on = git(repo.root, "log", "-1", "--format=%cs").strip()
    report = validate_repo(repo)
    (gone,) = [f for f in report.findings if f.code == "FIN-ARCHIVE-DELETED"]
    assert (gone.file, gone.record, gone.line, gone.where) == (V1, "V2026-0001", None, V1)
    assert gone.message.en == (f"voucher V2026-0001 was deleted on {on} in commit {sha}; vouchers are "
                               "kept 30 years (until 2056)")
    assert gone.hint.en.startswith(f"restore it (git checkout {sha}^ -- {V1})")


def test_a_voucher_deleted_in_the_work_tree_is_reported(committed_repo: CommittedRepo) -> None:
    repo = committed_repo({V1: voucher("V2026-0001")})
    (repo.root / V1).unlink()
    assert archive(repo) == [(V1, "V2026-0001", "voucher V2026-0001 is deleted in the work tree; "
                                   "vouchers are kept 30 years (until 2056)")]


def test_restored_or_moved_vouchers_are_not_reported(committed_repo: CommittedRepo) -> None:
    repo = committed_repo({V1: voucher("V2026-0001")})
    git(repo.root, "rm", "-q", V1)
    git(repo.root, "commit", "-q", "-m", "删除")
    (repo.root / V1).parent.mkdir(parents=True, exist_ok=True)
    (repo.root / V1).write_text(voucher("V2026-0001"), encoding="utf-8")
    git(repo.root, "add", V1)
    git(repo.root, "commit", "-q", "-m", "恢复")
    assert archive(repo) == []


def test_a_voucher_past_its_thirty_years_may_go(committed_repo: CommittedRepo) -> None:
    old = "finance/vouchers/V1990-0001.yaml"
    repo = committed_repo({old: voucher("V1990-0001", "1990-05-02")})
    git(repo.root, "rm", "-q", old)
    git(repo.root, "commit", "-q", "-m", "到期销毁")
    found = [f for f in validate_repo(repo, today=date(2020, 12, 31)).findings
             if f.code == "FIN-ARCHIVE-DELETED"]
    assert [f.record for f in found] == ["V1990-0001"]  # 1990 + 30 = 2020: still kept that year
    assert [f for f in validate_repo(repo, today=date(2021, 1, 1)).findings
            if f.code == "FIN-ARCHIVE-DELETED"] == []


def test_cmty_rm_refuses_to_remove_a_voucher(committed_repo: CommittedRepo,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    repo = committed_repo({V1: voucher("V2026-0001")})
    head = git(repo.root, "rev-parse", "HEAD")
    code = _boundary.run(app, ["--repo", str(repo.root), "rm", "V2026-0001", "--lang", "en"])
    _, err = capsys.readouterr()
    assert code != 0 and "FIN-ARCHIVE-DELETED" in err
    assert (repo.root / V1).exists() and git(repo.root, "rev-parse", "HEAD") == head


def test_a_voucher_in_a_sub_folder_is_kept_too(committed_repo: CommittedRepo) -> None:
    nested = "finance/vouchers/2026/V2026-0001.yaml"
    repo = committed_repo({nested: voucher("V2026-0001")})
    git(repo.root, "rm", "-q", nested)
    git(repo.root, "commit", "-q", "-m", "删除")
    assert [(f, r) for f, r, _ in archive(repo)] == [(nested, "V2026-0001")]
