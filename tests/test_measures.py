"""The automatic indicators of an assessment (cmty/measures.py, §11 考核): each measure called on the
records of a small repository, with its `Count(done, due, what)` worked out by hand in the comments,
and one `cmty assess` run that scores one indicator of each measure.

The base repository (tests/conftest.py) has the party committee O01, the joint branch O02 under it,
and the member M0001 in O02 (正式党员, no fee basis and no training hours).
"""

from __future__ import annotations

import json
from datetime import date

import pytest

from cmty.assess import KINDS_READ
from cmty.cli import _boundary, app
from cmty.collect import load_records
from cmty.measures import (
    Count,
    boards_on_time,
    complaints_in_time,
    fee_collection,
    meeting_cadence,
    subtree,
    training_hours,
)
from cmty.rules.base import Records
from tests.conftest import CONFIG, WriteRepo

# --- helpers -------------------------------------------------------------------------------------


def since(first: str) -> str:
    """CONFIG with records.since: the period-by-period checks start there."""
    return CONFIG + f"parameters:\n  records:\n    since: {first}\n"


def load(write_repo: WriteRepo, files: dict[str, str], as_of: date, config: str = CONFIG) -> Records:
    return load_records(write_repo(files, config=config), KINDS_READ, as_of)


def counted(count: Count) -> tuple[int, int, str, str]:
    return count.done, count.due, count.what.zh, count.what.en


def org(oid: str, kind: str, parent: str | None = None, committee: str = "") -> dict[str, str]:
    text = f"id: {oid}\nname: 测试{kind}{oid}\ntype: {kind}\n" + (f"parent: {parent}\n" if parent else "")
    return {f"party/orgs/{oid}.yaml": text + (f"committee:\n{committee}" if committee else "")}


def seat(member: str, post: str, first: str, to: str = "") -> str:
    return f"  - {{member: {member}, post: {post}, from: {first}" + (f", to: {to}" if to else "") + "}\n"


def member(mid: str, org_id: str = "O02", status: str = "正式党员", extra: str = "") -> dict[str, str]:
    return {f"party/members/{mid}.yaml": (f"id: {mid}\nname: 党员{mid}\nsex: 女\norg: {org_id}\nstatus: {status}\n"
                                          f"category: 直接管理\n{extra}")}


# In service, a base of 3000.00 pays 0.5 % of it: 15.00 a month, from 2026-01.
BASIS = 'fee_basis:\n  - {from: 2026-01, kind: in-service, base: "3000.00"}\n'


def fee(period: str, *entries: tuple[str, str]) -> dict[str, str]:
    """A month's fee file; each entry (member, months as "[2026-01, 2026-02]") paid 15.00 a month."""
    lines = "".join(f'  - {{member: {who}, months: {months}, amount: "{15 * (months.count(",") + 1)}.00", '
                    f"paid_on: {period}-10}}\n" for who, months in entries)
    return {f"party/fees/{period}.yaml": f"period: {period}\ncollector: M0001\nentries:\n{lines}"}


def meeting(number: int, kind: str, when: str, org_id: str = "O02", extra: str = "",
            should_attend: int = 1) -> dict[str, str]:
    return {f"meetings/MT{when[:4]}-{number:03d}.yaml": (
        f"id: MT{when[:4]}-{number:03d}\ntype: {kind}\ndate: {when}\norg: {org_id}\ntopic: {kind}议题\n"
        f"presider: 刘建华\nshould_attend: {should_attend}\n{extra}")}


def lesson(number: int, when: str, hours: float, *who: str) -> dict[str, str]:
    """A 培训 of `hours` 学时 attended by `who`."""
    return meeting(number, "培训", when, extra=f"hours: {hours}\nattended: [{', '.join(who)}]\n",
                   should_attend=len(who))


SLUG = {"居务": "residents", "党务": "party", "财务": "finance"}


def board(kind: str, period: str, posted_on: str) -> dict[str, str]:
    return {f"disclosures/{period}-{SLUG[kind]}.yaml": (
        f"id: {period}-{SLUG[kind]}\nkind: {kind}\nperiod: {period}\nposted_on: {posted_on}\ncovers: []\n")}


def complaint(cid: str, received: str, acknowledged: str = "", answered: str = "") -> dict[str, str]:
    text = f"id: {cid}\ndate: {received}\nchannel: 来电\nmatter: 楼道灯不亮\n"
    text += f"acknowledged_on: {acknowledged}\n" if acknowledged else ""
    text += f"answered_on: {answered}\noutcome: 已解决\n" if answered else ""
    return {f"complaints/{cid}.yaml": text}


# --- subtree -------------------------------------------------------------------------------------

def tree() -> dict[str, str]:
    """O01 党委 ─┬─ O02 联合党支部 (base)
                 └─ O05 党总支 ─┬─ O06 党支部 ── O07 党小组
                                └─ O08 党支部
    and O09, a 党委 of its own (no parent)."""
    return {**org("O05", "党总支", "O01"), **org("O06", "党支部", "O05"), **org("O07", "党小组", "O06"),
            **org("O08", "党支部", "O05"), **org("O09", "党委")}


@pytest.mark.parametrize(("unit", "expected"), [
    ("O05", {"O05", "O06", "O08", "O07"}),         # children and a grandchild; the sibling O02 is not
    ("O06", {"O06", "O07"}),                        # its sibling O08 and its parent O05 are not
    ("O07", {"O07"}),                               # a leaf is its own subtree
    ("O01", {"O01", "O02", "O05", "O06", "O07", "O08"}),  # everything but the separate O09
    ("O09", {"O09"}),
])
def test_subtree_is_the_organisation_and_everything_under_it(write_repo: WriteRepo, unit: str,
                                                             expected: set[str]) -> None:
    assert subtree(load(write_repo, tree(), date(2026, 11, 29)), unit) == expected


# --- meeting_cadence -----------------------------------------------------------------------------
# From records.since 2026-07-01, as of 2026-10-15, the joint branch O02 (no committee) owes:
#   支部党员大会 for 2026Q3 (2026Q4 runs to 12-31: not judged)                     1
#   主题党日 for 2026-07, 2026-08, 2026-09 (2026-10 is still running)             3
#   党课 for 2026Q3 (meetings.party_lecture_every: quarter)                        1
#   组织生活会 and 民主评议: the year 2026 began before the records and has not ended  0
#                                                                             due 5

JULY = since("2026-07-01")


def branch_meetings() -> dict[str, str]:
    return {**meeting(1, "主题党日", "2026-06-20"),                       # before the records: June is not judged
            **meeting(2, "主题党日", "2026-07-10"),                       # July: held
            **meeting(3, "主题党日", "2026-08-10", org_id="O01"),         # August: another organisation's
            **meeting(4, "党课", "2026-09-15", extra="also: [主题党日]\n"),  # the Q3 党课, and September's 主题党日
            **meeting(5, "主题党日", "2026-10-10")}                       # October: not judged until it ends


def test_meeting_cadence_counts_the_whole_periods_since_the_records_began(write_repo: WriteRepo) -> None:
    records = load(write_repo, branch_meetings(), date(2026, 10, 15), JULY)
    # done: 主题党日 in July and (through `also`) September, and the 党课 of Q3: 3 of 5
    expected = (3, 5, "应召开的三会一课（按期）", "meetings due by cadence")
    assert counted(meeting_cadence(records, subtree(records, "O02"), 2026, date(2026, 10, 15))) == expected
    # O01, a 党委, owes none of them itself: its subtree gives the same count
    assert counted(meeting_cadence(records, subtree(records, "O01"), 2026, date(2026, 10, 15))) == expected
    # an organisation outside the set is not counted at all
    assert counted(meeting_cadence(records, {"O01"}, 2026, date(2026, 10, 15)))[:2] == (0, 0)


def test_meeting_cadence_judges_a_month_on_its_last_day(write_repo: WriteRepo) -> None:
    """On 2026-10-31 October has ended: its 主题党日 (held on 10-10) is due and done."""
    records = load(write_repo, branch_meetings(), date(2026, 10, 31), JULY)
    assert counted(meeting_cadence(records, {"O02"}, 2026, date(2026, 10, 31)))[:2] == (4, 6)


@pytest.mark.parametrize(("first", "as_of", "due"), [
    # the year's periods from 2026-01-01: 4 quarters of 支部党员大会 and of 党课, 12 主题党日, and the
    # 组织生活会 and 民主评议 once the year is over (on its last day, and after it)
    ("2026-01-01", date(2026, 12, 31), 4 + 12 + 4 + 2),
    ("2026-01-01", date(2027, 2, 1), 4 + 12 + 4 + 2),
    # a day before: Q4 and December are still running, and so is the year
    ("2026-01-01", date(2026, 12, 30), 3 + 11 + 3),
    # records from 2026-07-01: Q3, Q4 and six months; never the year, which began before them
    ("2026-07-01", date(2026, 12, 31), 2 + 6 + 2),
    # records from 2026-07-02: July and Q3 began before them
    ("2026-07-02", date(2026, 12, 31), 1 + 5 + 1),
])
def test_meeting_cadence_yearly_meetings_only_once_the_year_is_over(write_repo: WriteRepo, first: str,
                                                                     as_of: date, due: int) -> None:
    records = load(write_repo, {}, as_of, since(first))
    assert counted(meeting_cadence(records, {"O02"}, 2026, as_of))[:2] == (0, due)


def committee_branch(third_to: str = "") -> dict[str, str]:
    """O03, a 党支部 whose committee of three sits from 2026-08-15 (the third seat until `third_to`),
    with a 支委会 on 2026-08-20."""
    seats = (seat("M0002", "书记", "2026-08-15") + seat("M0003", "组织委员", "2026-08-15")
             + seat("M0004", "宣传委员", "2026-08-15", third_to))
    files = {**org("O03", "党支部", "O01", seats), **meeting(1, "支委会", "2026-08-20", org_id="O03")}
    for mid in ("M0002", "M0003", "M0004"):
        files.update(member(mid, "O03"))
    return files


@pytest.mark.parametrize(("third_to", "expected"), [
    # 5 as for any branch, and a 支委会 for August and September, the months that ended with a
    # committee of three (not July: it had none on 07-31); the August one was held
    ("", (1, 5 + 2)),
    # the third seat ended on 09-10: on 09-30 the committee has two seats, so September owes none
    ("2026-09-10", (1, 5 + 1)),
])
def test_meeting_cadence_a_committee_meeting_for_the_months_with_a_committee(
        write_repo: WriteRepo, third_to: str, expected: tuple[int, int]) -> None:
    records = load(write_repo, committee_branch(third_to), date(2026, 10, 15), JULY)
    assert counted(meeting_cadence(records, subtree(records, "O03"), 2026, date(2026, 10, 15)))[:2] == expected


# --- fee_collection ------------------------------------------------------------------------------
# M0002 in O02 owes 15.00 a month from 2026-01 and paid for January and February (in the February
# file) and April; M0001 has no fee basis and owes nothing that can be counted.

def dues(*more: dict[str, str]) -> dict[str, str]:
    files = {**member("M0002", extra=BASIS), **fee("2026-02", ("M0002", "[2026-01, 2026-02]")),
             **fee("2026-04", ("M0002", "[2026-04]"))}
    for extra in more:
        files.update(extra)
    return files


@pytest.mark.parametrize(("as_of", "expected"), [
    (date(2026, 5, 31), (3, 5)),   # May ends on its last day: January–May, March and May unpaid
    (date(2026, 5, 30), (3, 4)),   # May is still running: January–April
    (date(2026, 2, 1), (1, 1)),    # January only
    (date(2026, 1, 31), (1, 1)),
    (date(2026, 1, 30), (0, 0)),   # no whole month yet
    (date(2027, 3, 1), (3, 12)),   # the whole year 2026, however late it is reckoned
])
def test_fee_collection_counts_the_member_months_that_have_ended(write_repo: WriteRepo, as_of: date,
                                                                 expected: tuple[int, int]) -> None:
    records = load(write_repo, dues(), as_of)
    assert counted(fee_collection(records, {"O02"}, 2026, as_of)) == (
        *expected, "应交党费的人月", "member-months of dues")


def test_fee_collection_not_before_the_records_began(write_repo: WriteRepo) -> None:
    """From 2026-03-01: March–May, of which April is paid."""
    records = load(write_repo, dues(), date(2026, 5, 31), since("2026-03-01"))
    assert counted(fee_collection(records, {"O02"}, 2026, date(2026, 5, 31)))[:2] == (1, 3)


def test_fee_collection_only_the_members_of_the_organisations_given(write_repo: WriteRepo) -> None:
    """M0003 of O01 owes the same five months and paid none: not O02's, but O01's subtree's."""
    records = load(write_repo, dues(member("M0003", "O01", extra=BASIS)), date(2026, 5, 31))
    assert counted(fee_collection(records, subtree(records, "O02"), 2026, date(2026, 5, 31)))[:2] == (3, 5)
    assert counted(fee_collection(records, subtree(records, "O01"), 2026, date(2026, 5, 31)))[:2] == (3, 10)


def test_fee_collection_a_probationary_member_from_the_month_admitted(write_repo: WriteRepo) -> None:
    """M0004, admitted on 2026-03-20 with a basis from 2026-01, owes March–May and paid for April."""
    files = {**member("M0004", status="预备党员", extra=BASIS + "stages: {probationary: 2026-03-20}\n"),
             **fee("2026-04", ("M0004", "[2026-04]"))}
    records = load(write_repo, files, date(2026, 5, 31))
    assert counted(fee_collection(records, {"O02"}, 2026, date(2026, 5, 31)))[:2] == (1, 3)


def test_fee_collection_not_for_members_no_longer_in_good_standing(write_repo: WriteRepo) -> None:
    records = load(write_repo, member("M0002", status="停止党籍", extra=BASIS), date(2026, 5, 31))
    assert counted(fee_collection(records, {"O02"}, 2026, date(2026, 5, 31)))[:2] == (0, 0)


# --- boards_on_time ------------------------------------------------------------------------------
# From 2026-07-01, as of 2026-11-29, with the defaults (居务 and 党务 quarterly, 财务 monthly, posted
# within 10 days of the period's end), the boards due are those whose deadline has come:
#   居务 2026Q3 and 党务 2026Q3 (deadline 10-10; 2026Q4's is 2027-01-10)           2
#   财务 2026-07 … 2026-10 (deadlines 08-10, 09-10, 10-10, 11-10; 2026-11's is 12-10)  4
#                                                                              due 6

BOARDS = {
    **board("居务", "2026Q2", "2026-07-05"),    # before the records: not counted
    **board("居务", "2026Q3", "2026-10-10"),    # on its deadline: on time
    **board("党务", "2026Q3", "2026-10-11"),    # a day late
    **board("财务", "2026-07", "2026-08-05"),   # on time
    **board("财务", "2026-08", "2026-09-10"),   # on its deadline: on time
    # 财务 2026-09: never posted
    **board("财务", "2026-10", "2026-11-11"),   # a day late
    **board("财务", "2026-11", "2026-11-28"),   # its deadline (12-10) has not come: not counted
}


def test_boards_on_time_due_once_their_deadline_has_come(write_repo: WriteRepo) -> None:
    records = load(write_repo, BOARDS, date(2026, 11, 29), JULY)
    # on time: 居务 2026Q3, 财务 2026-07 and 2026-08
    assert counted(boards_on_time(records, {"O02"}, 2026, date(2026, 11, 29))) == (
        3, 6, "应按期张贴的公开", "boards due on time")


def test_boards_on_time_whatever_the_organisations(write_repo: WriteRepo) -> None:
    records = load(write_repo, BOARDS, date(2026, 11, 29), JULY)
    assert [counted(boards_on_time(records, orgs, 2026, date(2026, 11, 29)))[:2]
            for orgs in (set(), {"O02"}, {"O01", "O02"})] == [(3, 6)] * 3


@pytest.mark.parametrize(("as_of", "expected"), [
    (date(2026, 11, 10), (3, 6)),   # the deadline of 财务 2026-10 (posted 11-11, late)
    (date(2026, 11, 9), (3, 5)),    # a day before it
    (date(2026, 10, 10), (3, 5)),   # the deadline of 2026Q3 and 财务 2026-09
    (date(2026, 10, 9), (2, 2)),    # only 财务 2026-07 and 2026-08
    (date(2026, 8, 9), (0, 0)),     # nothing due yet
])
def test_boards_on_time_deadline_edges(write_repo: WriteRepo, as_of: date, expected: tuple[int, int]) -> None:
    records = load(write_repo, BOARDS, as_of, JULY)
    assert counted(boards_on_time(records, set(), 2026, as_of))[:2] == expected


def test_boards_on_time_two_boards_of_a_period_do_not_depend_on_their_file_names(write_repo: WriteRepo) -> None:
    """党务 2026Q3 posted twice, on 10-05 (on time) and 10-20 (late): the same posting, however the
    two files are named."""
    def posted(main: str, second: str) -> tuple[int, int]:
        files = {**board("党务", "2026Q3", main), "disclosures/2026Q3-party-2.yaml": (
            f"id: 2026Q3-party-2\nkind: 党务\nperiod: 2026Q3\nposted_on: {second}\ncovers: []\n")}
        records = load(write_repo, files, date(2026, 10, 15), JULY)
        return counted(boards_on_time(records, set(), 2026, date(2026, 10, 15)))[:2]

    assert posted("2026-10-05", "2026-10-20") == posted("2026-10-20", "2026-10-05")


# --- complaints_in_time --------------------------------------------------------------------------
# Acknowledged within 15 days of receipt, answered within 60 days of the acknowledgement. As of
# 2026-11-29, for 2026:

COMPLAINTS = {
    **complaint("C2025-001", "2025-12-20", "2025-12-22", "2026-01-10"),  # received in 2025: not counted
    **complaint("C2025-002", "2025-12-30"),                             # nor this one, never answered
    **complaint("C2026-001", "2026-03-01", "2026-03-16", "2026-05-15"),  # day 15, then day 60: in time
    **complaint("C2026-002", "2026-04-01", "2026-04-17", "2026-04-20"),  # acknowledged on day 16: late
    **complaint("C2026-003", "2026-05-01", "2026-05-02", "2026-07-02"),  # answered on day 61: late
    **complaint("C2026-004", "2026-10-01", "2026-10-05"),                # unanswered, 59 days: still in time
    **complaint("C2026-005", "2026-08-01", "2026-08-03"),                # unanswered after 120 days: not done
}


def test_complaints_in_time_those_received_in_the_year_whose_time_is_up(write_repo: WriteRepo) -> None:
    records = load(write_repo, COMPLAINTS, date(2026, 11, 29))
    # due: C2026-001, -002, -003 and -005; done: C2026-001
    assert counted(complaints_in_time(records, {"O02"}, 2026, date(2026, 11, 29))) == (
        1, 4, "应办结的诉求", "complaints due to be answered")
    # 2025: C2025-001, in time (C2025-002 is past its 75 days too, and not done)
    assert counted(complaints_in_time(records, set(), 2025, date(2026, 11, 29)))[:2] == (1, 2)


@pytest.mark.parametrize(("as_of", "expected"), [
    (date(2026, 11, 28), (0, 0)),   # day 74: the answer is due on 11-29 (acknowledged on day 15, + 60)
    (date(2026, 11, 29), (0, 1)),   # day 75: judged on its last day, like a month or a board
    (date(2026, 12, 1), (0, 1)),
])
def test_complaints_in_time_an_unanswered_one_counts_after_75_days(write_repo: WriteRepo, as_of: date,
                                                                   expected: tuple[int, int]) -> None:
    records = load(write_repo, complaint("C2026-001", "2026-09-15", "2026-09-30"), as_of)
    assert counted(complaints_in_time(records, set(), 2026, as_of))[:2] == expected


@pytest.mark.parametrize(("acknowledged", "as_of"), [
    ("", date(2026, 10, 15)),             # not acknowledged on day 44 (due by day 15)
    ("2026-09-25", date(2026, 10, 15)),   # acknowledged late, on day 24; unanswered on day 44
    ("2026-09-02", date(2026, 11, 10)),   # acknowledged on day 1; unanswered 69 days later (day 70)
])
def test_complaints_in_time_an_unanswered_one_counts_once_it_is_overdue(write_repo: WriteRepo, acknowledged: str,
                                                                       as_of: date) -> None:
    records = load(write_repo, complaint("C2026-001", "2026-09-01", acknowledged), as_of)
    assert counted(complaints_in_time(records, set(), 2026, as_of))[:2] == (0, 1)


# --- training_hours ------------------------------------------------------------------------------
# In O02: M0001 (no hours), M0002 26.5 学时, M0003 27; M0004 46.5 and M0005 47, both on O02's
# committee. A member needs 32 学时 a year and a committee member 56; before the year is over the
# share for the whole months gone. The 10 学时 of 2025 are not 2026's.

def trained() -> dict[str, str]:
    committee = seat("M0004", "书记", "2026-01-01") + seat("M0005", "组织委员", "2026-01-01")
    files = {**org("O02", "联合党支部", "O01", committee),
             **lesson(1, "2026-03-10", 26.5, "M0002", "M0003", "M0004", "M0005"),
             **lesson(2, "2026-06-10", 0.5, "M0003", "M0005"),
             **lesson(3, "2026-09-10", 20, "M0004", "M0005"),
             **lesson(1, "2025-12-20", 10, "M0002"),
             **member("M0006", "O01", extra="")}   # of O01: not in O02's subtree
    for mid in ("M0002", "M0003", "M0004", "M0005"):
        files.update(member(mid))
    return files


def share(months: int) -> tuple[str, str]:
    return (f"学时达标的党员（按 {months} 个月折算）",
            f"members on track with their training hours ({months} months' share)")


@pytest.mark.parametrize(("as_of", "expected"), [
    # ten whole months: 32 × 10/12 = 26.67 for a member (M0003 has them, M0002 not), 56 × 10/12 =
    # 46.67 for a committee member (M0005 has them, M0004 not)
    (date(2026, 11, 29), (2, 5, *share(10))),
    # eleven: 29.33 and 51.33; none has them
    (date(2026, 12, 30), (0, 5, *share(11))),
    # the year is over: 32 and 56
    (date(2026, 12, 31), (0, 5, "学时达标的党员", "members with their training hours")),
    (date(2027, 2, 1), (0, 5, "学时达标的党员", "members with their training hours")),
    # nine: 24 and 42; all but M0001
    (date(2026, 10, 30), (4, 5, *share(9))),
])
def test_training_hours_the_share_of_the_whole_months_gone(write_repo: WriteRepo, as_of: date,
                                                            expected: tuple[int, int, str, str]) -> None:
    records = load(write_repo, trained(), as_of)
    assert counted(training_hours(records, subtree(records, "O02"), 2026, as_of)) == expected


@pytest.mark.parametrize(("as_of", "expected"), [
    (date(2026, 10, 31), (2, 5, *share(10))),   # the end of October: 26.67 and 46.67, as on 11-29
    (date(2026, 11, 30), (0, 5, *share(11))),   # the end of November: 29.33 and 51.33
    (date(2026, 1, 31), (4, 5, *share(1))),     # the end of January: 2.67 and 4.67; all but M0001
])
def test_training_hours_a_month_is_whole_on_its_last_day(write_repo: WriteRepo, as_of: date,
                                                         expected: tuple[int, int, str, str]) -> None:
    records = load(write_repo, trained(), as_of)
    assert counted(training_hours(records, subtree(records, "O02"), 2026, as_of)) == expected


def test_training_hours_nothing_before_a_month_has_gone(write_repo: WriteRepo) -> None:
    """In mid-January no whole month of the year has gone: nothing is due. The text still says 折算
    (按 0 个月折算): only the whole year drops it."""
    records = load(write_repo, trained(), date(2026, 1, 15))
    assert counted(training_hours(records, subtree(records, "O02"), 2026, date(2026, 1, 15))) == (0, 0, *share(0))


@pytest.mark.parametrize(("committee", "expected"), [
    ("", (1, 1)),                                                  # a member: 27 ≥ 26.67
    (seat("M0003", "书记", "2026-01-01"), (0, 1)),                  # a committee member: 27 < 46.67
    (seat("M0003", "书记", "2025-01-01", "2026-06-30"), (1, 1)),    # no longer one at the year's end
    (seat("M0003", "书记", "2026-11-01"), (0, 1)),                  # one since November
])
def test_training_hours_a_committee_member_needs_more(write_repo: WriteRepo, committee: str,
                                                      expected: tuple[int, int]) -> None:
    files = {**org("O05", "党支部", "O01", committee), **member("M0003", "O05"),
             **lesson(1, "2026-03-10", 27, "M0003")}
    records = load(write_repo, files, date(2026, 11, 29))
    assert counted(training_hours(records, {"O05"}, 2026, date(2026, 11, 29)))[:2] == expected


def test_training_hours_only_members_in_good_standing(write_repo: WriteRepo) -> None:
    files = {**org("O05", "党支部", "O01"),
             **member("M0003", "O05", "预备党员", "stages: {probationary: 2026-03-20}\n"),
             **member("M0004", "O05", "转出"), **lesson(1, "2026-03-10", 27, "M0003", "M0004")}
    records = load(write_repo, files, date(2026, 11, 29))
    assert counted(training_hours(records, {"O05"}, 2026, date(2026, 11, 29)))[:2] == (1, 1)


# --- cmty assess, end to end ---------------------------------------------------------------------
# O05, a 党支部 under O01 without a committee, from records.since 2026-07-01, as of 2026-11-29:
#   meetings  30 points: 支部党员大会 Q3, 主题党日 07–10, 党课 Q3: 6 due; 主题党日 09 missed: 5/6
#             30 × 5/6 = 25.00
#   dues      20 points, zero at 0.5: M0002 owes 2026-07 … 2026-10 (11 is running) and paid 07–09:
#             3/4; 20 × (0.75 − 0.5) ÷ (1 − 0.5) = 10.00
#   boards    10 points: as above, 3/6 = 5.00
#   answers   10 points: C2026-001 in time, C2026-002 acknowledged late: 1/2 = 5.00
#   training  10 points: M0002 27 学时 ≥ 26.67, M0003 none: 1/2 = 5.00
#                                                                          total 50.00 of 80

SCHEME = """\
id: KH2026
year: 2026
title: 测试考核
units: [O05]
pass_mark: 48
indicators:
  - {id: meetings, name: 三会一课, points: 30, measure: meeting_cadence}
  - {id: dues, name: 党费收缴, points: 20, measure: fee_collection, zero_at: 0.5}
  - {id: boards, name: 按期公开, points: 10, measure: boards_on_time}
  - {id: answers, name: 诉求办结, points: 10, measure: complaints_in_time}
  - {id: training, name: 学时达标, points: 10, measure: training_hours}
"""


def assessed_repo() -> dict[str, str]:
    files = {"assessments/KH2026.yaml": SCHEME, **org("O05", "党支部", "O01"),
             **member("M0002", "O05", extra=BASIS), **member("M0003", "O05"), **BOARDS,
             **fee("2026-07", ("M0002", "[2026-07]")), **fee("2026-09", ("M0002", "[2026-08, 2026-09]")),
             **complaint("C2026-001", "2026-03-01", "2026-03-16", "2026-05-15"),
             **complaint("C2026-002", "2026-04-01", "2026-04-17", "2026-04-20"),
             **lesson(1, "2026-03-10", 27, "M0002")}
    for number, (kind, when) in enumerate([("主题党日", "2026-07-10"), ("支部党员大会", "2026-08-20"),
                                           ("主题党日", "2026-08-10"), ("党课", "2026-09-15"),
                                           ("主题党日", "2026-10-10")], 2):
        files.update(meeting(number, kind, when, org_id="O05"))
    return files


def test_cmty_assess_scores_one_indicator_of_each_measure(write_repo: WriteRepo,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    repo = write_repo(assessed_repo(), config=JULY)
    code = _boundary.run(app, ["--repo", str(repo.root), "assess", "O05", "--year", "2026",
                               "--as-of", "2026-11-29", "--format", "json"])
    out, err = capsys.readouterr()
    assert (code, err) == (0, "")
    result = json.loads(out)
    assert [(line["indicator"], line["measure"], line["done"], line["due"], line["score"])
            for line in result["lines"]] == [
        ("meetings", "meeting_cadence", 5, 6, "25.00"),
        ("dues", "fee_collection", 3, 4, "10.00"),
        ("boards", "boards_on_time", 3, 6, "5.00"),
        ("answers", "complaints_in_time", 1, 2, "5.00"),
        ("training", "training_hours", 1, 2, "5.00")]
    assert result["lines"][1]["working"]["zh"] == (
        "应交党费的人月 4，完成 3（75.0%）；20 × (3/4 − 0.5) ÷ (1 − 0.5) = 10.00")
    assert (result["total"], result["out_of"], result["pass_mark"], result["passed"]) == ("50.00", "80", "48", True)


def test_training_hours_are_asked_only_for_the_months_the_records_cover(write_repo: WriteRepo) -> None:
    """records.since 2026-07-01: July–October are whole by 11-29, so 32 × 4/12 = 10.67 hours are
    due, and 13 hours are enough; from January they would not be (26.67)."""
    files = {**org("O05", "党支部", "O01"), **member("M0003", "O05"), **lesson(1, "2026-08-01", 13, "M0003")}
    since = CONFIG + "parameters:\n  records: {since: 2026-07-01}\n"
    records = load(write_repo, files, date(2026, 11, 29), config=since)
    assert counted(training_hours(records, {"O05"}, 2026, date(2026, 11, 29)))[:3] == (
        1, 1, "学时达标的党员（按 4 个月折算）")
    from_january = CONFIG + "parameters:\n  records: {since: 2026-01-01}\n"
    records = load(write_repo, files, date(2026, 11, 29), config=from_january)
    assert counted(training_hours(records, {"O05"}, 2026, date(2026, 11, 29)))[:2] == (0, 1)


def test_complaints_are_reckoned_as_of_the_day_asked(write_repo: WriteRepo) -> None:
    """Received 2026-03-01, acknowledged 03-05 and answered 04-01: as of 03-20 it is still
    within its time (not counted), and a complaint received after the day is not counted."""
    files = {**complaint("C2026-001", "2026-03-01", "2026-03-05", "2026-04-01"),
             **complaint("C2026-002", "2026-03-25")}
    records = load(write_repo, files, date(2026, 3, 20))
    assert counted(complaints_in_time(records, set(), 2026, date(2026, 3, 20)))[:2] == (0, 0)
