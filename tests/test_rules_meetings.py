"""Collection, deadline and record rules on meetings and resident units (cmty/rules/meetings.py,
cmty/rules/units.py): the cadence of 三会一课 (DOMAIN §4), quorums (O14), admission votes (D13),
head counts and review grades (§4 民主评议), training hours (§4 培训), and the joint meeting of
resident units with their attendance, annual rating and liaisons (§11 联席会议, local practice).
The smallest YAML that triggers each code and the smallest that does not; codes and locations, with
the dates and counts at their edges. Today is 2026-11-29: a deadline due 2026-11-28 is overdue, one
due today is not yet; 2026-11 is the month in progress.

Period checks start at `records_start`: parameter records.since, else the first meeting on record.
Most cases keep that start close to today (2026-10-01, 2026-11-01) so the base branch O02 owes no
meeting but the one under test. Where the records start in the month in progress (quorums, votes,
counts, joint meetings with records.since 2026-11-01) or not at all, the complete finding list is
compared (`complete`). Otherwise (`check`) every finding is compared except those of the other
collection rules, which count periods from the same start (the disclosure boards of §5) or judge the
same members by other regulations; schema, reference and record-rule findings still show, so a
record that stopped being valid cannot make a clean case pass. Cases that must start in 2025
(training hours, unit ratings, the 党课 cadence over two years) would list every meeting O02 missed
since then, and compare only the code under test.
"""

from __future__ import annotations

import pytest

from cmty.findings import Finding, Severity
from cmty.rules import COLLECTION_RULES
from cmty.rules import meetings as meeting_rules
from cmty.rules import units as unit_rules
from tests.conftest import CONFIG, WriteRepo, findings, found

Found = list[tuple[str, str, int | None, int | None]]

O02 = "party/orgs/O02.yaml"
ORG = "party/orgs/O03.yaml"
M0001 = "party/members/M0001.yaml"
UNIT = "units/U001.yaml"
MEETING = "meetings/MT2026-001.yaml"

UNDER_TEST = (meeting_rules.cadence, meeting_rules.quorum, meeting_rules.admission_vote,
              meeting_rules.review_and_counts, meeting_rules.training_hours, unit_rules.joint_meeting_due,
              unit_rules.every_unit_accounted_for, unit_rules.annual_rating, unit_rules.liaisons_per_unit)
CODES = frozenset(code for rule in UNDER_TEST for code in rule.codes)
# Collection and deadline rules of other regulations that count periods from the same start (the
# disclosure boards, §5) or judge the same members (dues, committees).
OTHER_RULES = frozenset(code for rule in COLLECTION_RULES for code in rule.codes) - CODES
EVERY_CODE = {"MEET-CADENCE", "MEET-QUORUM", "MEET-COUNT", "MEET-REVIEW-ACTION", "PARTY-VOTE", "TRAINING-HOURS",
              "JOINT-MEETING-DUE", "JOINT-ATTENDANCE", "UNIT-RATING-DUE", "UNIT-LIAISONS"}


def test_the_rules_under_test_report_these_codes_and_none_is_filtered_out() -> None:
    assert CODES == EVERY_CODE
    assert not CODES & OTHER_RULES


# --- helpers -------------------------------------------------------------------------------------

def config(**groups: dict[str, object]) -> str:
    """CONFIG with `parameters`: config(records={"since": "2026-10-01"})."""
    if not groups:
        return CONFIG
    text = "parameters:\n"
    for group, values in groups.items():
        text += f"  {group}:\n" + "".join(f"    {key}: {value}\n" for key, value in values.items())
    return CONFIG + text


def since(first: str, **groups: dict[str, object]) -> str:
    """CONFIG with records.since and any other parameters."""
    return config(records={"since": first}, **groups)


def meeting_file(number: int = 1, year: str = "2026") -> str:
    return f"meetings/MT{year}-{number:03d}.yaml"


def meeting(kind: str, when: str, extra: str = "", number: int = 1, org: str = "O02",
            should_attend: int = 1) -> dict[str, str]:
    """One meeting of `org`: date on line 3 (column 7), should_attend on line 7, `extra` from line 8."""
    return {meeting_file(number, when[:4]): (
        f"id: MT{when[:4]}-{number:03d}\ntype: {kind}\ndate: {when}\norg: {org}\ntopic: {kind}议题\n"
        f"presider: 刘建华\nshould_attend: {should_attend}\n{extra}")}


def member(number: int, status: str = "正式党员", org: str = "O03", extra: str = "") -> dict[str, str]:
    """Mnnnn: status on line 5, `extra` from line 7."""
    return {f"party/members/M{number:04d}.yaml": (
        f"id: M{number:04d}\nname: 党员{number:04d}\nsex: 男\norg: {org}\nstatus: {status}\n"
        f"category: 直接管理\n{extra}")}


def seat(number: int, post: str, first: str = "2026-03-20", to: str = "") -> str:
    until = f", to: {to}" if to else ""
    return f"  - {{member: M{number:04d}, post: {post}, from: {first}{until}}}\n"


POSTS = ["书记", "组织委员", "宣传委员", "纪检委员"]


def committee_branch(seats: int = 4, first: str = "2026-03-20") -> dict[str, str]:
    """O03, a 党支部 of 7 full members M0002–M0008 (O4: a committee) whose committee is the first
    `seats` of them (M0002–M0005 for 4 seats)."""
    text = "id: O03\nname: 第二党支部\ntype: 党支部\nparent: O01\ncommittee:\n"
    text += "".join(seat(2 + i, post, first) for i, post in enumerate(POSTS[:seats]))
    files = {ORG: text}
    for number in range(2, 9):
        files.update(member(number))
    return files


def unit(number: int = 1, extra: str = "", liaisons: str = "[{name: 王强}]") -> dict[str, str]:
    """Unnn: id on line 1 (column 5), liaisons on line 4 (column 11), `extra` from line 5."""
    code = ["91350100M000100Y43", "91370102MA3C643334"][number - 1]
    return {f"units/U{number:03d}.yaml": (f'id: U{number:03d}\nname: 驻区单位{number}\ncredit_code: "{code}"\n'
                                          f"liaisons: {liaisons}\n{extra}")}


def joint(when: str, *entries: str, number: int = 1) -> dict[str, str]:
    """A 联席会议: date on line 3 (column 7), its units from line 7 (column 3)."""
    return {meeting_file(number, when[:4]): (
        f"id: MT{when[:4]}-{number:03d}\ntype: 联席会议\ndate: {when}\ntopic: 社区党建联席会议\n"
        f"presider: 刘建华\nunits:\n{''.join(entries) or '  []'}")}


def present(unit_id: str = "U001") -> str:
    return f"  - {{unit: {unit_id}, attended: true, representative: 王强}}\n"


def absent(unit_id: str = "U002", reason: str = "") -> str:
    """An absent unit; `attended` at column 28."""
    why = f", reason: {reason}" if reason else ""
    return f"  - {{unit: {unit_id}, attended: false{why}}}\n"


def training(when: str, hours: float, number: int = 1, attended: str = "M0001") -> dict[str, str]:
    return {meeting_file(number, when[:4]): (
        f"id: MT{when[:4]}-{number:03d}\ntype: 培训\ndate: {when}\ntopic: 党员集中培训\nhours: {hours}\n"
        f"attended: [{attended}]\n")}


def relevant(write_repo: WriteRepo, files: dict[str, str], cfg: str = CONFIG) -> list[Finding]:
    """Every finding of the minimal repository with `files` over it, but those of OTHER_RULES."""
    return [f for f in findings(write_repo(files, config=cfg)) if f.code not in OTHER_RULES]


def check(write_repo: WriteRepo, files: dict[str, str], cfg: str = CONFIG) -> Found:
    """(code, file, line, column) of the relevant findings, in report order."""
    return [(f.code, f.file, f.line, f.column) for f in relevant(write_repo, files, cfg)]


def complete(write_repo: WriteRepo, files: dict[str, str], cfg: str = CONFIG) -> Found:
    """Every finding, none left out: for repositories whose records start in the month in progress."""
    return found(write_repo(files, config=cfg))


def check_codes(write_repo: WriteRepo, files: dict[str, str], cfg: str, *codes: str) -> Found:
    """The findings of `codes` only: for repositories whose records start long ago."""
    return [f for f in found(write_repo(files, config=cfg)) if f[0] in codes]


def only(write_repo: WriteRepo, files: dict[str, str], cfg: str = CONFIG) -> Finding:
    """The one relevant finding of the repository with `files`."""
    [finding] = relevant(write_repo, files, cfg)
    return finding


def cadence(org: str = O02) -> tuple[str, str, int, int]:
    """A MEET-CADENCE finding: at the organisation's type, line 3 column 7."""
    return ("MEET-CADENCE", org, 3, 7)


OCT = since("2026-10-01")


# --- §4 三会一课: MEET-CADENCE -------------------------------------------------------------------
# From 2026-10-01 the joint branch O02 owes one 主题党日 in 2026-10; its quarter and year are still
# in progress, and 2026 began before the records did.

def test_s4_no_meetings_and_no_start_checks_nothing(write_repo: WriteRepo) -> None:
    assert complete(write_repo, {}) == []


@pytest.mark.parametrize(("when", "codes"), [
    ("2026-10-01", []),
    ("2026-10-31", []),                     # the last day of the month counts
    ("2026-11-01", [cadence()]),            # not for October
    ("2026-09-30", [cadence()]),            # nor a meeting before it
])
def test_s4_theme_day_every_month_edges(write_repo: WriteRepo, when: str, codes: Found) -> None:
    assert check(write_repo, meeting("主题党日", when), OCT) == codes


def test_s4_a_meeting_of_another_org_does_not_count(write_repo: WriteRepo) -> None:
    assert check(write_repo, meeting("主题党日", "2026-10-20", org="O01"), OCT) == [cadence()]


def test_s4_a_meeting_of_another_kind_does_not_count(write_repo: WriteRepo) -> None:
    assert check(write_repo, meeting("党课", "2026-10-20"), OCT) == [cadence()]


@pytest.mark.parametrize(("first", "codes"), [
    ("2026-10-01", [cadence()]),   # the previous month is overdue
    ("2026-11-01", []),            # the month in progress is not yet a finding
    ("2026-10-15", []),            # a start in mid-month skips that month
    ("2026-10-02", []),
])
def test_s4_only_whole_periods_after_the_start(write_repo: WriteRepo, first: str, codes: Found) -> None:
    assert check(write_repo, {}, since(first)) == codes


@pytest.mark.parametrize(("when", "codes"), [
    ("2026-10-01", [cadence()]),            # the first meeting starts the checks: October is owed
    ("2026-10-20", []),                     # October began before it
])
def test_s4_without_records_since_the_first_meeting_is_the_start(write_repo: WriteRepo, when: str,
                                                                 codes: Found) -> None:
    assert check(write_repo, meeting("党课", when)) == codes


def test_s4_cadence_message(write_repo: WriteRepo) -> None:
    due = only(write_repo, {}, OCT)
    assert due.message.zh == "O02 2026-10 应召开主题党日（每月至少一次）（期限 2026-10-31，已逾期）"
    assert due.message.en == "O02 must hold a 主题党日 in 2026-10 (at least once a month) (due 2026-10-31, overdue)"
    assert due.hint.zh == "召开后在 meetings/ 中记录（cmty add meeting type=主题党日 org=O02 …）"
    assert due.severity == Severity.WARNING


def test_s4_each_missed_month_is_a_finding(write_repo: WriteRepo) -> None:
    months = [f.message.zh for f in relevant(write_repo, {}, since("2026-09-01"))]
    assert months == ["O02 2026-09 应召开主题党日（每月至少一次）（期限 2026-09-30，已逾期）",
                      "O02 2026-10 应召开主题党日（每月至少一次）（期限 2026-10-31，已逾期）"]


# From 2026-07-01 a branch owes for 2026Q3 a 支部党员大会 and a 党课, and a 主题党日 in each of
# 2026-07 … 2026-10.

def third_quarter(lecture: str = "", general: bool = True) -> dict[str, str]:
    """O02's meetings from 2026-07-01: 主题党日 monthly, with `lecture` as the September one's `also`,
    and a 支部党员大会 in August if `general`."""
    files: dict[str, str] = {}
    for number, month in enumerate(["07", "08", "09", "10"], 1):
        also = f"also: [{lecture}]\n" if lecture and month == "09" else ""
        files.update(meeting("主题党日", f"2026-{month}-10", also, number))
    if general:
        files.update(meeting("支部党员大会", "2026-08-20", number=5))
    return files


JULY = since("2026-07-01")


def test_s4_a_quarter_of_meetings_all_held(write_repo: WriteRepo) -> None:
    assert check(write_repo, third_quarter("党课"), JULY) == []


def test_s4_also_counts_a_meeting_for_each_kind_held_with_it(write_repo: WriteRepo) -> None:
    assert check(write_repo, third_quarter(""), JULY) == [cadence()]
    lecture = only(write_repo, third_quarter(""), JULY)
    assert lecture.message.zh == "O02 2026Q3 应召开党课（每季度至少一次）（期限 2026-09-30，已逾期）"
    assert lecture.message.en == ("O02 must hold a 党课 in 2026Q3 (at least once a quarter) "
                                  "(due 2026-09-30, overdue)")


def test_s4_also_with_another_kind_does_not_count_as_a_lecture(write_repo: WriteRepo) -> None:
    assert check(write_repo, third_quarter("组织生活会"), JULY) == [cadence()]


def test_s4_a_general_meeting_every_quarter(write_repo: WriteRepo) -> None:
    general = only(write_repo, third_quarter("党课", general=False), JULY)
    assert general.message.zh == "O02 2026Q3 应召开支部党员大会（每季度至少一次）（期限 2026-09-30，已逾期）"


def test_s4_party_lecture_every_year_is_a_parameter(write_repo: WriteRepo) -> None:
    """党课 quarterly is local practice (§4): parameter meetings.party_lecture_every."""
    yearly = since("2026-07-01", meetings={"party_lecture_every": "year"})
    assert check(write_repo, third_quarter(""), yearly) == []   # 2026 began before the records


@pytest.mark.parametrize(("every", "expected"), [
    ("quarter", [f"O02 {q} 应召开党课（每季度至少一次）（期限 {end}，已逾期）" for q, end in [
        ("2025Q1", "2025-03-31"), ("2025Q2", "2025-06-30"), ("2025Q3", "2025-09-30"), ("2025Q4", "2025-12-31"),
        ("2026Q1", "2026-03-31"), ("2026Q2", "2026-06-30"), ("2026Q3", "2026-09-30")]]),
    ("year", ["O02 2025 应召开党课（每年至少一次）（期限 2025-12-31，已逾期）"]),
])
def test_s4_party_lecture_cadence_over_two_years(write_repo: WriteRepo, every: str, expected: list[str]) -> None:
    cfg = since("2025-01-01", meetings={"party_lecture_every": every})
    lectures = [f.message.zh for f in findings(write_repo({}, config=cfg))
                if f.code == "MEET-CADENCE" and "党课" in f.message.zh]
    assert lectures == expected


def test_s4_yearly_meetings_from_a_whole_year(write_repo: WriteRepo) -> None:
    yearly = [f.message.zh for f in findings(write_repo({}, config=since("2025-01-01")))
              if f.code == "MEET-CADENCE" and "每年" in f.message.zh]
    assert yearly == ["O02 2025 应召开组织生活会（每年至少一次）（期限 2025-12-31，已逾期）",
                      "O02 2025 应召开民主评议（每年至少一次）（期限 2025-12-31，已逾期）"]


def party_group() -> dict[str, str]:
    return {ORG: "id: O03\nname: 第一党小组\ntype: 党小组\nparent: O02\n"}


@pytest.mark.parametrize(("kind", "codes"), [
    ("党小组会", []),
    ("主题党日", [cadence(ORG)]),                   # a 党小组 holds 党小组会, not 主题党日
])
def test_s4_a_party_group_meets_monthly(write_repo: WriteRepo, kind: str, codes: Found) -> None:
    files = {**party_group(), **meeting("主题党日", "2026-10-12"), **meeting(kind, "2026-10-12", number=2, org="O03")}
    assert check(write_repo, files, OCT) == codes


def test_s4_party_group_message(write_repo: WriteRepo) -> None:
    files = {**party_group(), **meeting("主题党日", "2026-10-12")}
    group = only(write_repo, files, OCT)
    assert group.message.zh == "O03 2026-10 应召开党小组会（每月至少一次）（期限 2026-10-31，已逾期）"


@pytest.mark.parametrize(("seats", "codes"), [
    (3, [cadence(ORG)]),    # a committee of 3 meets monthly (支委会)
    (4, [cadence(ORG)]),
    (2, []),                # 书记 and 组织委员 only: no 支委会 required (ORG findings aside)
])
def test_s4_a_committee_of_three_holds_a_committee_meeting_monthly(write_repo: WriteRepo, seats: int,
                                                                    codes: Found) -> None:
    files = {**committee_branch(seats), **meeting("主题党日", "2026-10-12"),
             **meeting("主题党日", "2026-10-12", number=2, org="O03", should_attend=7)}
    assert check_codes(write_repo, files, OCT, "MEET-CADENCE") == codes


def test_s4_committee_meeting_held(write_repo: WriteRepo) -> None:
    files = {**committee_branch(), **meeting("主题党日", "2026-10-12"),
             **meeting("主题党日", "2026-10-12", "also: [支委会]\n", number=2, org="O03", should_attend=7)}
    assert check(write_repo, files, OCT) == []


def test_s4_no_committee_meeting_owed_before_the_committee_existed(write_repo: WriteRepo) -> None:
    files = {**committee_branch(first="2026-11-01"), **meeting("主题党日", "2026-10-12"),
             **meeting("主题党日", "2026-10-12", number=2, org="O03", should_attend=7)}
    assert check_codes(write_repo, files, OCT, "MEET-CADENCE") == []


# --- O14: quorums ------------------------------------------------------------------------------
# Held on 2026-11-20 with no records.since: the records start in the month in progress, so no
# cadence is owed yet.

NOV = "2026-11-20"


def general_meeting(extra: str, should_attend: int = 22) -> dict[str, str]:
    return meeting("支部党员大会", NOV, extra, should_attend=should_attend)


@pytest.mark.parametrize(("extra", "codes"), [
    ("voters: 20\npresent: 10\n", [("MEET-QUORUM", MEETING, 9, 10)]),   # half is not more than half
    ("voters: 20\npresent: 11\n", []),
    ("voters: 21\npresent: 10\n", [("MEET-QUORUM", MEETING, 9, 10)]),
    ("voters: 21\npresent: 11\n", []),
    ("present: 11\n", [("MEET-QUORUM", MEETING, 8, 10)]),              # without voters: should_attend 22
    ("present: 12\n", []),
    ("voters: 20\n", []),                                               # nobody counted: not judged
])
def test_o14_general_meeting_quorum(write_repo: WriteRepo, extra: str, codes: Found) -> None:
    assert complete(write_repo, general_meeting(extra)) == codes


def test_o14_general_meeting_quorum_message(write_repo: WriteRepo) -> None:
    quorum = only(write_repo, general_meeting("voters: 20\npresent: 10\n"))
    assert quorum.message.zh == "有表决权的到会党员 10 人，未超过应到 20 人的半数"
    assert quorum.message.en == "10 voting members present, not more than half of the 20 who should attend"
    assert quorum.severity == Severity.ERROR


@pytest.mark.parametrize(("status", "codes"), [
    ("正式党员", []),                                       # M0001 and M0002: 2 of 3
    ("预备党员", [("MEET-QUORUM", MEETING, 9, 11)]),        # only members with a vote count: 1 of 3
    ("停止党籍", [("MEET-QUORUM", MEETING, 9, 11)]),
])
def test_o14_only_full_members_on_the_list_count(write_repo: WriteRepo, status: str, codes: Found) -> None:
    stages = "stages: {probationary: 2026-03-20}\n" if status == "预备党员" else ""
    files = {**general_meeting("voters: 3\nattended: [M0001, M0002]\n", 4), **member(2, status, "O02", stages)}
    assert complete(write_repo, files) == codes


def test_o14_an_unknown_id_on_the_list_counts(write_repo: WriteRepo) -> None:
    files = general_meeting("voters: 3\nattended: [M0001, M0099]\n", 4)
    assert complete(write_repo, files) == [("REF-MISSING", MEETING, 9, 19)]


# O03 has 4 committee members, M0002–M0005; M0006–M0008 are ordinary members.

def committee_meeting(extra: str) -> dict[str, str]:
    return {**committee_branch(), **meeting("支委会", NOV, extra, org="O03", should_attend=7)}


@pytest.mark.parametrize(("extra", "codes"), [
    ("attended: [M0002, M0003]\n", [("MEET-QUORUM", MEETING, 8, 11)]),                # 2 of 4
    ("attended: [M0002, M0003, M0004]\n", []),                                        # 3 of 4
    ("attended: [M0002, M0003, M0006, M0007, M0008]\n", [("MEET-QUORUM", MEETING, 8, 11)]),
    ("present: 2\n", [("MEET-QUORUM", MEETING, 8, 10)]),
    ("present: 3\n", []),
])
def test_o14_committee_meeting_quorum(write_repo: WriteRepo, extra: str, codes: Found) -> None:
    assert complete(write_repo, committee_meeting(extra)) == codes


def test_o14_committee_quorum_message(write_repo: WriteRepo) -> None:
    quorum = only(write_repo, committee_meeting("attended: [M0002, M0003, M0006]\n"))
    assert quorum.message.zh == "到会委员 2 人，未超过 4 名委员的半数"
    assert quorum.message.en == "2 committee members present, not more than half of 4"


def test_o14_the_committee_on_the_meeting_date_counts(write_repo: WriteRepo) -> None:
    """M0005's seat ended before the meeting: 3 seats, and 2 of them present is a quorum."""
    files = committee_meeting("attended: [M0002, M0003]\n")
    files[ORG] = files[ORG].replace("纪检委员, from: 2026-03-20}", "纪检委员, from: 2026-03-20, to: 2026-11-01}")
    assert complete(write_repo, files) == []


def test_o14_other_kinds_of_meeting_have_no_quorum(write_repo: WriteRepo) -> None:
    assert complete(write_repo, meeting("主题党日", NOV, "present: 1\n", should_attend=22)) == []


# --- D13: admission votes ----------------------------------------------------------------------
# M0002 was admitted as probationary member on 2026-11-20 by the 支部党员大会 of that day.

def admission(decision: str, when: str = NOV, stages: str = "{probationary: 2026-11-20}",
              status: str = "预备党员", voters: str = "voters: 21\n") -> dict[str, str]:
    """The decision line is line 10 (9 without voters); `yes` at column 41."""
    decisions = f"decisions:\n  - {{item: 接收预备党员, subject: M0002, {decision}}}\n"
    return {**member(2, status, "O02", f"stages: {stages}\n"),
            **meeting("支部党员大会", when, voters + decisions, should_attend=25)}


VOTE = [("PARTY-VOTE", MEETING, 10, 41)]


@pytest.mark.parametrize(("decision", "codes"), [
    ("yes: 10", VOTE),               # 10 of 21 is not more than half
    ("yes: 10, written: 0", VOTE),
    ("yes: 10, written: 1", []),     # written opinions in favour count
    ("yes: 11", []),
])
def test_d13_yes_votes_of_more_than_half_of_those_who_should_attend(write_repo: WriteRepo, decision: str,
                                                                    codes: Found) -> None:
    assert complete(write_repo, admission(decision)) == codes


def test_d13_without_voters_should_attend_is_the_base(write_repo: WriteRepo) -> None:
    assert complete(write_repo, admission("yes: 12", voters="")) == [("PARTY-VOTE", MEETING, 9, 41)]  # 12 of 25
    assert complete(write_repo, admission("yes: 13", voters="")) == []


def test_d16_the_vote_on_full_membership(write_repo: WriteRepo) -> None:
    stages = "{probationary: 2025-11-20, full: 2026-11-20}"
    assert complete(write_repo, admission("yes: 10", stages=stages, status="正式党员")) == VOTE


@pytest.mark.parametrize("stages", ["{probationary: 2026-11-19}", "{probationary: 2026-11-21}"])
def test_d13_a_decision_on_another_date_is_not_judged(write_repo: WriteRepo, stages: str) -> None:
    assert complete(write_repo, admission("yes: 1", stages=stages)) == []


def test_d13_only_a_general_meeting_votes(write_repo: WriteRepo) -> None:
    files = admission("yes: 1")
    files[MEETING] = files[MEETING].replace("支部党员大会", "支委会")
    assert complete(write_repo, files) == []


def test_d13_vote_message(write_repo: WriteRepo) -> None:
    vote = only(write_repo, admission("yes: 9, written: 1"))
    assert vote.message.zh == "M0002 赞成票 10，未超过应到会有表决权党员 21 人的半数"
    assert vote.message.en == "M0002: 10 in favour, not more than half of the 21 voting members who should attend"
    assert vote.severity == Severity.ERROR


# --- §4 三会一课: head counts (MEET-COUNT) and review grades (MEET-REVIEW-ACTION) ------------------

@pytest.mark.parametrize(("extra", "should_attend", "codes"), [
    ("present: 12\n", 11, [("MEET-COUNT", MEETING, 8, 10)]),
    ("present: 11\n", 11, []),
    ("attended: [M0001, M0002]\n", 1, [("MEET-COUNT", MEETING, 8, 11)]),
    ("attended: [M0001, M0002]\n", 2, []),
])
def test_s4_no_more_present_than_should_attend(write_repo: WriteRepo, extra: str, should_attend: int,
                                               codes: Found) -> None:
    files = {**meeting("主题党日", NOV, extra, should_attend=should_attend), **member(2, org="O02")}
    assert complete(write_repo, files) == codes


def test_s4_count_message(write_repo: WriteRepo) -> None:
    count = only(write_repo, meeting("主题党日", NOV, "present: 12\n", should_attend=11))
    assert count.message.zh == "实到 12 人多于应到 11 人"
    assert count.message.en == "12 present, more than the 11 who should attend"


def review(grade: str) -> dict[str, str]:
    """A 民主评议 with one grade: line 9, `grade` at column 28."""
    return meeting("民主评议", NOV, f"grades:\n  - {{member: M0001, grade: {grade}}}\n")


@pytest.mark.parametrize(("grade", "codes"), [
    ("不合格", [("MEET-REVIEW-ACTION", MEETING, 9, 28)]),
    ("不合格, action: 限期改正", []),
    ("不合格, action: 除名", []),
    ("基本合格", []),
])
def test_s4_a_member_graded_unqualified_gets_an_action(write_repo: WriteRepo, grade: str, codes: Found) -> None:
    assert complete(write_repo, review(grade)) == codes


def test_s4_review_action_message(write_repo: WriteRepo) -> None:
    action = only(write_repo, review("不合格"))
    assert action.message.zh == "M0001 评为不合格，但没有记录处置"
    assert action.hint.zh == "写明 action：限期改正、劝退或除名（党章第九条）"


# --- §4 培训: training hours (TRAINING-HOURS) -----------------------------------------------------
# From 2025-01-01 O02 owes every meeting since; only TRAINING-HOURS is compared. M0001 is found at
# its id, line 1 column 5.

Y2025 = since("2025-01-01")
HOURS = [("TRAINING-HOURS", M0001, 1, 5)]


def hours(*amounts: float, year: str = "2025") -> dict[str, str]:
    files: dict[str, str] = {}
    for number, amount in enumerate(amounts, 1):
        files.update(training(f"{year}-{number:02d}-10", amount, number))
    return files


@pytest.mark.parametrize(("amounts", "codes"), [
    ((), HOURS),
    ((30,), HOURS),
    ((31.5,), HOURS),
    ((32,), []),
    ((16, 16), []),          # a year's hours add up
    ((20.5, 11.5), []),
])
def test_s4_a_member_has_32_hours_a_year(write_repo: WriteRepo, amounts: tuple[float, ...], codes: Found) -> None:
    assert check_codes(write_repo, hours(*amounts), Y2025, "TRAINING-HOURS") == codes


def test_s4_hours_of_another_year_do_not_count(write_repo: WriteRepo) -> None:
    assert check_codes(write_repo, hours(40, year="2026"), Y2025, "TRAINING-HOURS") == HOURS


def test_s4_hours_count_only_for_those_who_attended(write_repo: WriteRepo) -> None:
    files = {**training("2025-06-10", 40, attended="M0002"), **member(2, org="O02")}
    assert check_codes(write_repo, files, Y2025, "TRAINING-HOURS") == HOURS   # M0002 has its 40


def test_s4_hours_of_any_meeting_count(write_repo: WriteRepo) -> None:
    files = meeting("党课", "2025-06-10", "hours: 32\nattended: [M0001]\n")
    assert check_codes(write_repo, files, Y2025, "TRAINING-HOURS") == []


def test_s4_training_message(write_repo: WriteRepo) -> None:
    [short] = [f for f in findings(write_repo(hours(30), config=Y2025)) if f.code == "TRAINING-HOURS"]
    assert short.message.zh == "M0001 2025 年学时 30，党员每年应不少于 32 学时（期限 2025-12-31，已逾期）"
    assert short.message.en == "M0001 has 30 training hours in 2025; a member needs 32 (due 2025-12-31, overdue)"
    assert short.severity == Severity.WARNING


def secretary(first: str = "2024-01-01", to: str = "") -> dict[str, str]:
    """O02 with M0001 as its 书记."""
    text = "id: O02\nname: 第一联合党支部\ntype: 联合党支部\nparent: O01\ncommittee:\n"
    return {O02: text + seat(1, "书记", first, to)}


@pytest.mark.parametrize(("amounts", "codes"), [
    ((32,), HOURS),
    ((55.5,), HOURS),
    ((56,), []),
    ((32, 24), []),
])
def test_s4_a_committee_member_has_56_hours_a_year(write_repo: WriteRepo, amounts: tuple[float, ...],
                                                   codes: Found) -> None:
    files = {**secretary(), **hours(*amounts)}
    assert check_codes(write_repo, files, Y2025, "TRAINING-HOURS") == codes


def test_s4_committee_training_message(write_repo: WriteRepo) -> None:
    files = {**secretary(), **hours(32)}
    [short] = [f for f in findings(write_repo(files, config=Y2025)) if f.code == "TRAINING-HOURS"]
    assert short.message.zh == "M0001 2025 年学时 32，委员每年应不少于 56 学时（期限 2025-12-31，已逾期）"
    assert short.message.en == ("M0001 has 32 training hours in 2025; a committee member needs 56 "
                                "(due 2025-12-31, overdue)")


def test_s4_who_sat_on_the_committee_at_the_end_of_2025_needs_56_for_2025(write_repo: WriteRepo) -> None:
    files = {**secretary("2024-01-01", "2026-03-19"), **hours(32)}
    assert check_codes(write_repo, files, Y2025, "TRAINING-HOURS") == HOURS
    assert check_codes(write_repo, {**secretary("2024-01-01", "2026-03-19"), **hours(56)}, Y2025,
                       "TRAINING-HOURS") == []


def test_s4_a_seat_taken_in_2026_does_not_raise_the_2025_hours(write_repo: WriteRepo) -> None:
    files = {**secretary("2026-03-20"), **hours(32)}
    assert check_codes(write_repo, files, Y2025, "TRAINING-HOURS") == []


@pytest.mark.parametrize("status", ["转出", "去世", "停止党籍"])
def test_s4_only_members_in_good_standing_need_hours(write_repo: WriteRepo, status: str) -> None:
    assert check_codes(write_repo, member(2, status, "O02"), Y2025, "TRAINING-HOURS") == HOURS


@pytest.mark.parametrize("first", [
    "2026-01-01",   # 2026 is not over: due 2026-12-31
    "2025-03-01",   # 2025 began before the records: not checked
    "2025-01-02",
])
def test_s4_training_years_checked(write_repo: WriteRepo, first: str) -> None:
    assert check_codes(write_repo, {}, since(first), "TRAINING-HOURS") == []


# --- §11 联席会议: the joint meeting (JOINT-MEETING-DUE) -------------------------------------------
# With records.since 2026-11-01 no meeting cadence and no unit rating is owed yet.

LATE = since("2026-11-01")
JOINT_DUE = [("JOINT-MEETING-DUE", MEETING, 3, 7)]


@pytest.mark.parametrize(("when", "codes"), [
    ("2026-05-28", JOINT_DUE),    # due 2026-11-28: overdue
    ("2026-05-29", []),           # due today
    ("2026-09-16", []),
])
def test_s11_joint_meeting_every_6_months(write_repo: WriteRepo, when: str, codes: Found) -> None:
    assert complete(write_repo, {**unit(), **joint(when, present())}, LATE) == codes


@pytest.mark.parametrize(("months", "when", "codes"), [
    (3, "2026-08-28", JOINT_DUE),
    (3, "2026-08-29", []),
    (12, "2025-11-29", []),          # due today
])
def test_s11_joint_meeting_interval_is_a_parameter(write_repo: WriteRepo, months: int, when: str,
                                                   codes: Found) -> None:
    cfg = since("2026-11-01", joint_meeting={"interval_months": months})
    assert complete(write_repo, {**unit(), **joint(when, present())}, cfg) == codes


def test_s11_the_last_joint_meeting_counts(write_repo: WriteRepo) -> None:
    files = {**unit(), **joint("2026-05-28", present()), **joint("2026-09-16", present(), number=2)}
    assert complete(write_repo, files, LATE) == []


def test_s11_joint_meeting_message(write_repo: WriteRepo) -> None:
    due = only(write_repo, {**unit(), **joint("2026-05-28", present())}, LATE)
    assert due.message.zh == "应召开驻区单位联席会议（每 6 个月一次，上次 2026-05-28）（期限 2026-11-28，已逾期）"
    assert due.message.en == ("the joint meeting of resident units is due (every 6 months; last 2026-05-28) "
                              "(due 2026-11-28, overdue)")
    assert due.severity == Severity.WARNING


@pytest.mark.parametrize(("left_on", "codes"), [
    ("2026-10-01", []),             # the unit has left: no joint meeting is needed
    ("2026-11-29", []),             # it leaves today
    ("2026-11-30", JOINT_DUE),      # still a member today
])
def test_s11_only_units_still_members_need_a_joint_meeting(write_repo: WriteRepo, left_on: str,
                                                           codes: Found) -> None:
    files = {**unit(extra=f"left_on: {left_on}\n"), **joint("2026-05-28", present())}
    assert complete(write_repo, files, LATE) == codes


def test_s11_no_units_no_joint_meeting(write_repo: WriteRepo) -> None:
    assert check_codes(write_repo, {}, since("2025-01-01"), "JOINT-MEETING-DUE") == []


@pytest.mark.parametrize(("first", "codes"), [
    ("2026-05-28", [("JOINT-MEETING-DUE", UNIT, 1, 5)]),   # never held: 6 months from the start
    ("2026-05-29", []),
])
def test_s11_the_first_joint_meeting_is_due_from_the_start(write_repo: WriteRepo, first: str,
                                                           codes: Found) -> None:
    assert check_codes(write_repo, unit(), since(first), "JOINT-MEETING-DUE") == codes


def test_s11_no_start_no_joint_meeting_due(write_repo: WriteRepo) -> None:
    assert complete(write_repo, unit()) == []


# --- §11 联席会议: every unit accounted for (JOINT-ATTENDANCE) ------------------------------------

UNITS = 7   # the units list starts on line 7, column 3


@pytest.mark.parametrize(("entries", "codes"), [
    ((present("U001"), present("U002")), []),
    ((present("U001"),), [("JOINT-ATTENDANCE", MEETING, UNITS, 3)]),                # U002 missing
    ((present("U001"), absent("U002")), [("JOINT-ATTENDANCE", MEETING, UNITS + 1, 28)]),  # no reason
    ((present("U001"), absent("U002", "外出检查")), []),
])
def test_s11_every_unit_accounted_for(write_repo: WriteRepo, entries: tuple[str, ...], codes: Found) -> None:
    files = {**unit(1), **unit(2), **joint("2026-11-10", *entries)}
    assert complete(write_repo, files, LATE) == codes


def test_s11_an_empty_attendance_lists_no_unit(write_repo: WriteRepo) -> None:
    files = {**unit(1), **joint("2026-11-10")}
    assert complete(write_repo, files, LATE) == [("JOINT-ATTENDANCE", MEETING, UNITS, 3)]


@pytest.mark.parametrize(("extra", "codes"), [
    ("joined_on: 2026-11-11\n", []),                                        # joined after the meeting
    ("joined_on: 2026-11-10\n", [("JOINT-ATTENDANCE", MEETING, UNITS, 3)]),  # joined that day
    ("left_on: 2026-11-10\n", []),                                          # left that day
    ("left_on: 2026-11-11\n", [("JOINT-ATTENDANCE", MEETING, UNITS, 3)]),
])
def test_s11_only_units_that_were_members_on_the_day(write_repo: WriteRepo, extra: str, codes: Found) -> None:
    files = {**unit(1), **unit(2, extra), **joint("2026-11-10", present("U001"))}
    assert complete(write_repo, files, LATE) == codes


def test_s11_attendance_messages(write_repo: WriteRepo) -> None:
    files = {**unit(1), **unit(2), **joint("2026-11-10", absent("U001"))}
    missing, reason = findings(write_repo(files, config=LATE))
    assert missing.message.zh == "出席情况中没有 U002"
    assert missing.message.en == "the attendance does not list U002"
    assert reason.message.zh == "U001 缺席，未写原因"
    assert reason.message.en == "U001 was absent; no reason given"


def test_s11_other_meetings_list_no_units(write_repo: WriteRepo) -> None:
    assert complete(write_repo, {**unit(), **meeting("主题党日", "2026-11-10")}, LATE) == []


# --- §11 联席会议: the annual rating (UNIT-RATING-DUE) ----------------------------------------------
# Alone in a repository of its own (no party organisation), a unit from 2025-01-01 also owes the
# first joint meeting (due 2025-07-01); otherwise only UNIT-RATING-DUE is compared.

RATING = [("UNIT-RATING-DUE", UNIT, 1, 5)]


def test_s11_a_unit_alone_owes_its_rating_and_the_first_joint_meeting(write_repo: WriteRepo) -> None:
    repo = write_repo(unit(), base=False, config=Y2025)
    assert [f for f in found(repo) if f[0] not in OTHER_RULES] == [("JOINT-MEETING-DUE", UNIT, 1, 5), *RATING]


@pytest.mark.parametrize(("extra", "codes"), [
    ("", RATING),
    ("ratings:\n  - {year: 2025, grade: 优秀, reported_on: 2026-01-16}\n", []),
    ("ratings:\n  - {year: 2025, grade: 优秀}\n", RATING),                           # not reported
    ("ratings:\n  - {year: 2024, grade: 优秀, reported_on: 2025-01-16}\n", RATING),  # another year
    ("joined_on: 2025-12-01\n", RATING),
    ("joined_on: 2026-02-01\n", []),      # 2026 is not over
    ("left_on: 2025-06-30\n", []),        # gone in 2025
])
def test_s11_a_unit_is_rated_every_year(write_repo: WriteRepo, extra: str, codes: Found) -> None:
    assert check_codes(write_repo, unit(extra=extra), Y2025, "UNIT-RATING-DUE") == codes


@pytest.mark.parametrize(("cfg", "codes"), [
    (since("2025-03-01"), []),         # 2025 began before the records
    (since("2024-12-31"), RATING),
    (CONFIG, []),                      # no start: only this year's rating, not yet due
])
def test_s11_ratings_are_checked_from_the_first_whole_year(write_repo: WriteRepo, cfg: str, codes: Found) -> None:
    assert check_codes(write_repo, unit(), cfg, "UNIT-RATING-DUE") == codes


def test_s11_rating_message(write_repo: WriteRepo) -> None:
    [rating] = [f for f in findings(write_repo(unit(), config=Y2025)) if f.code == "UNIT-RATING-DUE"]
    assert rating.message.zh == "U001 2025 年度评价应完成并报送其上级单位（期限 2025-12-31，已逾期）"
    assert rating.message.en == "U001: the 2025 rating is due and is reported to its superior (due 2025-12-31, overdue)"


# --- §11 联席会议: liaisons (UNIT-LIAISONS) ---------------------------------------------------------

TWO = "[{name: 王强}, {name: 李娜, post: 办公室主任}]"
LIAISONS = [("UNIT-LIAISONS", UNIT, 4, 11)]


@pytest.mark.parametrize(("liaisons", "per_unit", "codes"), [
    ("[{name: 王强}]", None, []),
    (TWO, None, LIAISONS),            # one liaison a unit by default
    (TWO, 2, []),
    ("[{name: 王强}]", 2, LIAISONS),
])
def test_s11_liaisons_per_unit(write_repo: WriteRepo, liaisons: str, per_unit: int | None, codes: Found) -> None:
    cfg = CONFIG if per_unit is None else config(joint_meeting={"liaisons_per_unit": per_unit})
    assert complete(write_repo, unit(liaisons=liaisons), cfg) == codes


def test_s11_liaisons_message(write_repo: WriteRepo) -> None:
    liaisons = only(write_repo, unit(liaisons=TWO))
    assert liaisons.message.zh == "有 2 名联络员，规定每个单位 1 名"
    assert liaisons.message.en == "2 liaisons; each unit names 1"
    assert liaisons.severity == Severity.WARNING
