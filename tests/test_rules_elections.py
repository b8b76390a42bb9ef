"""Elections (O11–O13): the 4/5 quorum, the majority of those present, 20% more candidates than
seats, and no more elected than seats; the smallest YAML on each side of each edge."""

from __future__ import annotations

import pytest

from cmty.repo import Repo
from tests.conftest import CONFIG, WriteRepo, findings, found

MEETING = "meetings/MT2026-001.yaml"
# Records begin today, so the periods before (meetings, boards owed) are not judged here.
SINCE_TODAY = CONFIG + "parameters:\n  records:\n    since: 2026-11-29\n"


def repo_with(write_repo: WriteRepo, files: dict[str, str]) -> Repo:
    return write_repo(files, config=SINCE_TODAY)


def election(present: int = 33, voters: int = 40, seats: int = 5, candidates: int = 6,
             votes: int = 30, body: str = "委员会", elected: int | None = None) -> dict[str, str]:
    """A branch meeting electing a committee; every candidate is M0001 (REF-MISSING stays away)."""
    won = seats if elected is None else elected
    rows = "".join(f"    - {{member: M0001, votes: {votes}, elected: {'true' if i < won else 'false'}}}\n"
                   for i in range(candidates))
    text = (f"id: MT2026-001\ntype: 支部党员大会\ndate: 2026-03-20\norg: O02\ntopic: 换届选举\n"
            f"presider: 刘建华\nshould_attend: {voters}\npresent: {present}\nelection:\n  body: {body}\n"
            f"  seats: {seats}\n  voters: {voters}\n  present: {present}\n  candidates:\n{rows}")
    return {MEETING: text}


def test_a_valid_election_is_clean(write_repo: WriteRepo) -> None:
    assert found(repo_with(write_repo, election())) == []


@pytest.mark.parametrize(("present", "voters", "codes"), [
    (33, 40, []),  # 33/40 = 82.5% > 4/5
    (32, 40, [("ELECTION-QUORUM", MEETING, 13, 12)]),  # exactly 4/5 is not more than 4/5
    (5, 5, []),
    (4, 5, [("ELECTION-QUORUM", MEETING, 13, 12)]),
])
def test_o11_more_than_four_fifths_present(write_repo: WriteRepo, present: int, voters: int,
                                           codes: list[tuple[str, str, int, int]]) -> None:
    assert found(repo_with(write_repo, election(present=present, voters=voters, votes=present))) == codes


@pytest.mark.parametrize(("votes", "codes"), [
    (17, []),  # 17 of 33 present: more than half
    (16, [("ELECTION-MAJORITY", MEETING, 15 + i, 30) for i in range(5)]),  # each elected one short
])
def test_o11_elected_by_more_than_half_of_those_present(write_repo: WriteRepo, votes: int,
                                                        codes: list[tuple[str, str, int, int]]) -> None:
    assert found(repo_with(write_repo, election(votes=votes))) == codes


def test_o11_a_candidate_not_elected_needs_no_majority(write_repo: WriteRepo) -> None:
    assert found(repo_with(write_repo, election(votes=3, elected=0))) == []


@pytest.mark.parametrize(("seats", "candidates", "codes"), [
    (5, 6, []),  # 6 = 5 × 1.2
    (5, 5, [("ELECTION-COMPETITIVE", MEETING, 15, 5)]),
    (4, 5, []),  # 5 ≥ 4.8
    (4, 4, [("ELECTION-COMPETITIVE", MEETING, 15, 5)]),
    (7, 9, []),  # 9 ≥ 8.4
    (7, 8, [("ELECTION-COMPETITIVE", MEETING, 15, 5)]),
])
def test_o12_twenty_percent_more_candidates(write_repo: WriteRepo, seats: int, candidates: int,
                                            codes: list[tuple[str, str, int, int]]) -> None:
    assert found(repo_with(write_repo, election(seats=seats, candidates=candidates))) == codes


def test_o12_the_secretary_may_be_elected_uncontested(write_repo: WriteRepo) -> None:
    assert found(repo_with(write_repo, election(seats=1, candidates=1, body="书记"))) == []


def test_no_more_elected_than_seats(write_repo: WriteRepo) -> None:
    assert found(repo_with(write_repo, election(seats=5, candidates=6, elected=6))) == [
        ("ELECTION-SEATS", MEETING, 15, 5)]


def test_messages(write_repo: WriteRepo) -> None:
    [quorum] = findings(repo_with(write_repo, election(present=32, votes=32)))
    assert quorum.message.zh == "实到 32 人，未超过应到 40 人的五分之四，选举无效"
    assert quorum.message.en == "32 present, not more than 4/5 of 40: the election is void"
    [competitive] = findings(repo_with(write_repo, election(candidates=5)))
    assert competitive.message.zh == "5 个名额只有 5 名候选人，差额不足 20%"
