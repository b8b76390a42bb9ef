"""A transfer letter's validity (§4 组织关系, cmty/rules/members.py `letter_still_valid`): a member
transferred in reports to the new organisation while the letter is valid, transfer.letter_valid_months
(3) from its issue, the last day counted (TRANSFER-LETTER-EXPIRED). Months are added as everywhere in
cmty: a letter issued on 30 November is valid to the end of February.
"""

from __future__ import annotations

import pytest

from cmty.catalogue import severity_of
from cmty.findings import Severity
from tests.conftest import CONFIG, WriteRepo, findings, found

MEMBER = "party/members/M0002.yaml"
Found = list[tuple[str, str, int | None, int | None]]


def transfer(arrived: str, issued: str | None = "2026-03-02", direction: str = "in") -> str:
    """One transfers item; its 'on' value is at column 27."""
    letter = f", issued_on: {issued}" if issued else ""
    return f"{{direction: {direction}, 'on': {arrived}{letter}, letter: 济历组转〔2026〕12号}}"


def member(*transfers: str, status: str = "正式党员") -> dict[str, str]:
    """M0002 with `transfers` from line 8."""
    items = "".join(f"  - {t}\n" for t in transfers)
    return {MEMBER: (f"id: M0002\nname: 李秀英\nsex: 女\norg: O02\nstatus: {status}\ncategory: 直接管理\n"
                     f"transfers:\n{items}")}


def expired(line: int = 8) -> Found:
    return [("TRANSFER-LETTER-EXPIRED", MEMBER, line, 27)]


def test_s4_severity() -> None:
    assert severity_of("TRANSFER-LETTER-EXPIRED") == Severity.WARNING


@pytest.mark.parametrize(("issued", "arrived", "codes"), [
    ("2026-03-02", "2026-03-02", []),              # reported the day it was issued
    ("2026-03-02", "2026-06-02", []),              # the last day of three months
    ("2026-03-02", "2026-06-03", expired()),       # the day after
    ("2025-11-30", "2026-02-28", []),              # three months after 30 November: 28 February
    ("2025-11-30", "2026-03-01", expired()),
    ("2023-11-30", "2024-02-29", []),              # … or the leap day
    ("2023-11-30", "2024-03-01", expired()),
])
def test_s4_reported_while_the_letter_is_valid(write_repo: WriteRepo, issued: str, arrived: str,
                                               codes: Found) -> None:
    assert found(write_repo(member(transfer(arrived, issued)))) == codes


def test_s4_a_letter_without_its_issue_date_is_not_judged(write_repo: WriteRepo) -> None:
    assert found(write_repo(member(transfer("2026-09-20", None)))) == []


@pytest.mark.parametrize("arrived", ["2026-06-03", "2026-11-20"])
def test_s4_a_transfer_out_is_never_judged(write_repo: WriteRepo, arrived: str) -> None:
    """Only the receiving side checks the letter it was handed: direction out never expires here."""
    repo = write_repo(member(transfer(arrived, direction="out"), status="转出"))
    assert found(repo) == []


def test_s4_each_transfer_in_at_its_own_item(write_repo: WriteRepo) -> None:
    repo = write_repo(member(transfer("2026-04-01"), transfer("2026-07-20", "2026-03-02")))
    assert found(repo) == expired(9)
    [finding] = findings(repo)
    assert finding.message.zh == "2026-07-20 报到时，2026-03-02 开具的介绍信已超过 3 个月有效期"
    assert finding.message.en == "reported on 2026-07-20, after the letter issued on 2026-03-02 had expired (3 months)"
    assert finding.hint.en == ("ask the former organisation for a new letter; validity is parameter "
                               "transfer.letter_valid_months")


@pytest.mark.parametrize(("arrived", "codes"), [
    ("2026-06-03", []),
    ("2026-09-02", []),                            # six months
    ("2026-09-03", expired()),
])
def test_s4_letter_valid_months_is_a_parameter(write_repo: WriteRepo, arrived: str, codes: Found) -> None:
    six = CONFIG + "parameters:\n  transfer:\n    letter_valid_months: 6\n"
    repo = write_repo(member(transfer(arrived)), config=six)
    assert found(repo) == codes
    if codes:
        assert findings(repo)[0].message.en.endswith("had expired (6 months)")
