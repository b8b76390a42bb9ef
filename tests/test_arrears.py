"""`cmty fee due` and `cmty fee arrears` (F8, F9, F14): exact months, amounts and levels."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from cmty.arrears import arrears, months_due
from cmty.cli import _boundary, app
from cmty.repo import Repo
from tests.conftest import WriteRepo

MEMBER = """\
id: M0002
name: 李秀英
sex: 女
org: O02
status: {status}
category: 直接管理
stages: {{probationary: 2026-02-15}}
fee_basis:
  - {{from: 2026-01, kind: in-service, base: "6200.00"{exemption}}}
"""
FEES = {f"party/fees/2026-0{m}.yaml": (
    f"period: 2026-0{m}\ncollector: M0001\nentries:\n"
    f'  - {{member: M0002, months: [2026-0{m}], amount: "93.00", paid_on: 2026-0{m}-05}}\n')
    for m in (2, 3)}


def repo_with(write_repo: WriteRepo, status: str = "正式党员", exemption: str = "") -> Repo:
    return write_repo({"party/members/M0002.yaml": MEMBER.format(status=status,
                                                                 exemption=exemption), **FEES})


def test_dues_start_at_admission_not_before(write_repo: WriteRepo) -> None:
    repo = repo_with(write_repo)
    from cmty.query import find_record

    assert months_due(find_record(repo, "M0002").data, "2026-04") == [
        "2026-02", "2026-03", "2026-04"]


@pytest.mark.parametrize(("until", "expected"), [
    ("2026-05", None),                               # two months unpaid
    ("2026-06", (3, "warning", Decimal("279.00"))),  # F14: three in a row
    ("2026-09", (6, "error", Decimal("558.00"))),    # six: at risk of lapsing
])
def test_arrears_levels(write_repo: WriteRepo, until: str,
                        expected: tuple[int, str, Decimal] | None) -> None:
    found = arrears(repo_with(write_repo), until)
    got = [(a.consecutive, a.level, a.owed) for a in found]
    assert got == ([] if expected is None else [expected])


def test_exempt_and_transferred_members_owe_nothing(write_repo: WriteRepo) -> None:
    exempt = ', exemption: {amount: "0.00", approval: 历山街道党工委〔2026〕12号}'
    assert arrears(repo_with(write_repo, exemption=exempt), "2026-12") == []
    assert arrears(repo_with(write_repo, status="转出"), "2026-12") == []


def test_cli_arrears_masks_names_unless_revealed(write_repo: WriteRepo,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    repo = repo_with(write_repo)
    assert _boundary.run(app, ["--repo", str(repo.root), "fee", "arrears", "--as-of",
                               "2026-06", "--lang", "en"]) == 0
    assert capsys.readouterr().out == (
        "M0002\t李*英\tO02\t3\t279.00\twarning\t3 months in a row unpaid (to 2026-06)\n")
    assert _boundary.run(app, ["--repo", str(repo.root), "fee", "arrears", "--as-of",
                               "2026-06", "--reveal", "--format", "json"]) == 0
    [row] = json.loads(capsys.readouterr().out)
    assert (row["name"], row["unpaid"], row["owed"]) == (
        "李秀英", ["2026-04", "2026-05", "2026-06"], "279.00")


def test_cli_fee_due_explains_the_figure(write_repo: WriteRepo,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    repo = repo_with(write_repo)
    assert _boundary.run(app, ["--repo", str(repo.root), "fee", "due", "M0002", "--month",
                               "2026-11", "--format", "json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert {k: out[k] for k in ("member", "month", "fee", "rule")} == {
        "member": "M0002", "month": "2026-11", "fee": "93.00", "rule": "F3"}
