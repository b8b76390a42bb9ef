"""The task verbs: voucher approve, member status, member transfer — one commit each."""

from __future__ import annotations

from datetime import date

import pytest

from cmty.cli import _boundary, app
from cmty.edit import Options
from cmty.repo import Repo
from cmty.tasks import Transfer, approve_voucher, set_status, transfer
from cmty.transaction import EditRefused
from tests.conftest import CommittedRepo, git

VOUCHER = """\
id: V2026-0031
date: 2026-10-12
fund: F01
type: expense
lines:
  - {category: 办公费, amount: "356.00", description: 打印纸、墨盒}
document: {type: 发票, number: "24372000000012345678"}
payment: cash
handler: 王敏
approvals:                         # 联签
  - {role: 民主理财小组, person: 赵国强, on: 2026-10-13}
"""
MEMBER = "party/members/M0001.yaml"



@pytest.fixture
def repo(committed_repo: CommittedRepo) -> Repo:
    return committed_repo({"finance/vouchers/V2026-0031.yaml": VOUCHER})


def test_approve_adds_one_line(repo: Repo) -> None:
    approve_voucher(repo, "V2026-0031", "书记", "刘建华", date(2026, 10, 14), Options())
    assert (repo.root / "finance/vouchers/V2026-0031.yaml").read_text("utf-8") == VOUCHER + (
        "  - {role: 书记, person: 刘建华, on: 2026-10-14}\n")
    assert git(repo.root, "log", "-1", "--format=%s") == (
        "审批凭证 V2026-0031：书记 刘建华 / approve voucher V2026-0031: 书记 刘建华\n")


def test_approval_by_someone_without_the_role_is_refused(repo: Repo) -> None:
    with pytest.raises(EditRefused) as info:
        approve_voucher(repo, "V2026-0031", "书记", "王敏", date(2026, 10, 14), Options())
    assert [f.code for f in info.value.findings] == ["APPROVAL-ROLE"]
    assert git(repo.root, "rev-list", "--count", "HEAD") == "1\n"


def test_status_sets_status_and_date(repo: Repo) -> None:
    set_status(repo, "M0001", "去世", date(2026, 11, 2), Options())
    text = (repo.root / MEMBER).read_text("utf-8")
    assert "status: 去世\n" in text and text.endswith("status_since: 2026-11-02\n")


def test_transfer_out_records_the_letter(repo: Repo) -> None:
    move = Transfer("M0001", "out", date(2026, 11, 20), "济组转〔2026〕031号", "市二中党支部",
                    "2026-11")
    transfer(repo, move, Options())
    text = (repo.root / MEMBER).read_text("utf-8")
    assert "transfers:\n  - {direction: out, on: 2026-11-20, letter: 济组转〔2026〕031号, " \
           "org: 市二中党支部, paid_up_to: 2026-11}\n" in text
    assert "status: 转出\n" in text
    assert git(repo.root, "log", "-1", "--format=%(trailers:key=Cmty-Action,valueonly)") == \
        "member.transfer-out\n\n"


def test_cli_transfer_needs_exactly_one_direction(repo: Repo,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    code = _boundary.run(app, ["--repo", str(repo.root), "member", "transfer", "M0001",
                               "--letter", "x号", "--lang", "en"])
    assert (code, capsys.readouterr().err) == (2, "error: give exactly one of --out and --in\n")


def test_cli_approve(repo: Repo, capsys: pytest.CaptureFixture[str]) -> None:
    code = _boundary.run(app, ["--repo", str(repo.root), "voucher", "approve", "V2026-0031",
                               "--as", "书记", "--by", "刘建华", "--on", "2026-10-14"])
    head = git(repo.root, "rev-parse", "--short=7", "HEAD").strip()
    assert (code, capsys.readouterr().out) == (
        0, f"已提交 {head}：finance/vouchers/V2026-0031.yaml\n")


def test_vouchers_are_numbered_per_year(repo: Repo) -> None:
    from cmty.edit import next_id
    from cmty.kinds import BY_NAME

    assert next_id(repo, BY_NAME["voucher"], {"date": "2026-12-01"}) == "V2026-0032"
    assert next_id(repo, BY_NAME["voucher"], {"date": "2027-01-03"}) == "V2027-0001"
