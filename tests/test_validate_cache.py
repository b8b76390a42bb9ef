"""The cached, incremental and cold paths of `validate_repo` give the same findings."""

from __future__ import annotations

import subprocess
from dataclasses import replace
from pathlib import Path
from typing import Any

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


def test_rules_across_records_follow_edits_on_every_path(repo: Repo) -> None:
    _agree(repo)
    meeting = repo.root / "meetings/MT2026-043.yaml"
    text = meeting.read_text(encoding="utf-8")
    meeting.write_text(text.replace("attended: [M0040, M0041, M0042, M0043, M0044, M0045, M0047, M0048]",
                                    "present: 12"), encoding="utf-8")
    assert _agree(repo) == [f for f in PLANTED if f[0] != "MEET-QUORUM"]
    for month in ("2026-08", "2026-09", "2026-10"):  # M0012 stops paying: three months in arrears
        fees = repo.root / f"party/fees/{month}.yaml"
        lines = fees.read_text(encoding="utf-8").splitlines(keepends=True)
        fees.write_text("".join(line for line in lines if "M0012" not in line), encoding="utf-8")
        found = _agree(repo)
    assert ("FEE-ARREARS", "party/members/M0012.yaml", 11, 9) in found
    assert len(found) == len(PLANTED)  # MEET-QUORUM gone, FEE-ARREARS come


def _counted(rule: Any, ran: list[str]) -> Any:
    """The same rule, recording each time it runs."""
    from cmty.rules.base import CollectionRule, DeadlineRule, FileRule

    def counting(func: Any) -> Any:
        def run(*args: Any) -> Any:
            ran.append(rule.name)
            return func(*args)
        return run

    if isinstance(rule, FileRule):
        return replace(rule, check_file=counting(rule.check_file))
    if isinstance(rule, DeadlineRule):
        return replace(rule, deadlines=counting(rule.deadlines))
    assert isinstance(rule, CollectionRule)
    return replace(rule, check=counting(rule.check))


def test_a_rule_across_records_runs_again_only_when_its_kinds_change(
        repo: Repo, monkeypatch: pytest.MonkeyPatch) -> None:
    from cmty import rules

    ran: list[str] = []
    monkeypatch.setattr(rules, "COLLECTION_RULES", tuple(_counted(r, ran) for r in rules.COLLECTION_RULES))
    _codes(repo, use_cache=True)
    assert "consecutive_unpaid" in ran and "earmarked_use" in ran
    ran.clear()
    assert _codes(repo, use_cache=True)[0] == PLANTED
    assert ran == []  # nothing changed: every result comes from the cache
    voucher = repo.root / "finance/vouchers/V2026-0003.yaml"
    voucher.write_text(voucher.read_text(encoding="utf-8") + "# 补记\n", encoding="utf-8")
    assert _codes(repo, use_cache=True)[0] == PLANTED
    assert "earmarked_use" in ran and "large_items_decided" in ran
    assert "consecutive_unpaid" not in ran and "cadence" not in ran and "amount_matches_dues" not in ran
    ran.clear()
    fees = repo.root / "party/fees/2026-10.yaml"
    fees.write_text(fees.read_text(encoding="utf-8") + "# 补记\n", encoding="utf-8")
    assert _codes(repo, use_cache=True)[0] == PLANTED
    # a file rule checks the changed fee file alone; the others come from the cache
    assert ran.count("amount_matches_dues") == 1 and "consecutive_unpaid" in ran
