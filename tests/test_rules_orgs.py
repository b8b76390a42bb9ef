"""Collection and deadline rules on party organisations and members (cmty/rules/orgs.py,
cmty/rules/members.py): thresholds and committees (O1–O13), the end of probation (D16), a member
away six months (§4 组织关系) and a member out of contact (F15). The smallest YAML that triggers
each code and the smallest that does not; codes and locations, with the counts and dates at their
edges. Today is 2026-11-29: a deadline due 2026-11-28 is overdue, one due today is not yet.

The thresholds count different things (O7): 3 and 7 count full members (正式党员) of the
organisation itself; 50 and 100 count every member, probationary ones included. Members here have
no fee_basis, so they owe no dues and no fee findings appear.

Every finding of the repository is compared except those of the other collection rules (dues,
meetings, …), which judge these same organisations and members by other regulations: a record that
stopped being valid (schema, references, record rules) still cannot make a "clean" case pass by
being skipped.
"""

from __future__ import annotations

import pytest

from cmty.findings import Finding, Severity
from cmty.rules import COLLECTION_RULES, members, orgs
from tests.conftest import WriteRepo, findings

Found = list[tuple[str, str, int | None, int | None]]

ORG = "party/orgs/O03.yaml"
MEMBER = "party/members/M0002.yaml"
TERM_END = 32  # column of `end` in "term: {start: YYYY-MM-DD, end: YYYY-MM-DD}"

UNDER_TEST = (orgs.organisation_size, orgs.committee_fits, orgs.committee_members_qualify, orgs.election_due,
              members.probation_ends, members.transfer_when_away, members.lost_contact)
CODES = frozenset(code for rule in UNDER_TEST for code in rule.codes)
# Collection rules of other regulations (a branch's meetings, a member's dues and training).
OTHER_RULES = frozenset(code for rule in COLLECTION_RULES for code in rule.codes) - CODES


def org(kind: str = "党支部", extra: str = "", org_id: str = "O03", parent: str = "O01") -> str:
    """An organisation: type on line 3 (column 7), `extra` from line 5."""
    return f"id: {org_id}\nname: {org_id}{kind}\ntype: {kind}\nparent: {parent}\n{extra}"


def org_file(org_id: str) -> str:
    return f"party/orgs/{org_id}.yaml"


def seat(number: int, post: str, since: str = "2026-03-20", to: str = "") -> str:
    """One committee entry, as a line: `member` at column 14, `from` at column 37 for a two-character post."""
    until = f", to: {to}" if to else ""
    return f"  - {{member: M{number:04d}, post: {post}, from: {since}{until}}}\n"


def committee(*seats: str) -> str:
    """The committee key (line 5 of `org`), its seats from line 6."""
    return "committee:\n" + "".join(seats)


def member(number: int, status: str = "正式党员", org_id: str = "O03", extra: str = "",
           category: str = "直接管理") -> str:
    """Mnnnn: status on line 5 (column 9), `extra` from line 7."""
    return (f"id: M{number:04d}\nname: 党员{number:04d}\nsex: 男\norg: {org_id}\nstatus: {status}\n"
            f"category: {category}\n{extra}")


def member_file(number: int) -> str:
    return f"party/members/M{number:04d}.yaml"


def crowd(full: int, probationary: int = 0, org_id: str = "O03", first: int = 2) -> dict[str, str]:
    """`full` 正式党员 and then `probationary` 预备党员 of `org_id`, numbered from M{first}."""
    statuses = ["正式党员"] * full + ["预备党员"] * probationary
    return {member_file(first + i): member(first + i, status, org_id) for i, status in enumerate(statuses)}


def branch(full: int, probationary: int = 0, kind: str = "党支部", extra: str = "") -> dict[str, str]:
    """O03 under the 党委 with its members."""
    return {ORG: org(kind, extra), **crowd(full, probationary)}


def relevant(write_repo: WriteRepo, files: dict[str, str]) -> list[Finding]:
    """Every finding of the minimal repository with `files` over it, but those of OTHER_RULES."""
    return [f for f in findings(write_repo(files)) if f.code not in OTHER_RULES]


def check(write_repo: WriteRepo, files: dict[str, str]) -> Found:
    """(code, file, line, column) of the relevant findings, in report order."""
    return [(f.code, f.file, f.line, f.column) for f in relevant(write_repo, files)]


def only(write_repo: WriteRepo, files: dict[str, str]) -> Finding:
    """The one relevant finding of the repository with `files`."""
    [finding] = relevant(write_repo, files)
    return finding


EVERY_CODE = {"ORG-BRANCH-SMALL", "ORG-BRANCH-LARGE", "ORG-JOINT-UNITS", "ORG-SUGGEST-PARTY-COMMITTEE",
              "ORG-COMMITTEE-NEEDED", "ORG-COMMITTEE-UNNEEDED", "ORG-COMMITTEE-SIZE", "ORG-SECRETARY",
              "ORG-SEAT-NOT-FULL", "ORG-SECRETARY-STANDING", "ORG-ELECTION-DUE", "PARTY-PROBATION-DUE",
              "MEMBER-AWAY", "MEMBER-LOST-CONTACT"}


def test_the_rules_under_test_report_these_codes_and_none_is_filtered_out() -> None:
    assert CODES == EVERY_CODE
    assert not CODES & OTHER_RULES


# --- O1, O2, O7: the size of a branch -----------------------------------------------------------

SMALL = [("ORG-BRANCH-SMALL", ORG, 3, 7)]
LARGE = [("ORG-BRANCH-LARGE", ORG, 3, 7)]


@pytest.mark.parametrize(("full", "probationary", "codes"), [
    (0, 0, []),        # no members recorded yet: being set up, not too small
    (1, 0, SMALL),
    (2, 0, SMALL),
    (3, 0, []),        # O1: 3 full members make a branch
    (2, 5, SMALL),     # O7: probationary members do not count toward the 3
    (0, 3, SMALL),
    (3, 3, []),
])
def test_o1_o7_a_branch_has_three_full_members(write_repo: WriteRepo, full: int, probationary: int,
                                               codes: Found) -> None:
    assert check(write_repo, branch(full, probationary)) == codes


def test_o1_only_members_in_good_standing_count(write_repo: WriteRepo) -> None:
    files = {**branch(2), member_file(4): member(4, "停止党籍"), member_file(5): member(5, "转出")}
    assert check(write_repo, files) == SMALL
    assert only(write_repo, files).message.zh == "O03 只有 2 名正式党员，不足 3 名"


def test_o1_a_joint_branch_may_be_small(write_repo: WriteRepo) -> None:
    assert check(write_repo, branch(2, kind="联合党支部")) == []


def test_o1_small_branch_message(write_repo: WriteRepo) -> None:
    small = only(write_repo, branch(2, 1))
    assert small.message.zh == "O03 只有 2 名正式党员，不足 3 名"
    assert small.message.en == "O03 has 2 full members, fewer than 3"
    assert small.severity == Severity.WARNING


# 6 full members keep the branch clear of the committee rule (O3); the rest are probationary.
@pytest.mark.parametrize(("kind", "probationary", "codes"), [
    ("党支部", 44, []),                                                # 50 members
    ("党支部", 45, LARGE),                                             # 51 (O7: all members count)
    ("联合党支部", 44, []),
    ("联合党支部", 45, LARGE),
])
def test_o2_o7_a_branch_has_at_most_50_members(write_repo: WriteRepo, kind: str, probationary: int,
                                               codes: Found) -> None:
    assert check(write_repo, branch(6, probationary, kind)) == codes


def test_o2_large_branch_message(write_repo: WriteRepo) -> None:
    large = only(write_repo, branch(6, 45))
    assert large.message.zh == "O03 有 51 名党员，超过 50 名"
    assert large.message.en == "O03 has 51 members, more than 50"


def units(count: int) -> str:
    """A joint branch's units on line 5; the list starts at column 8."""
    return f"units: [{', '.join(f'单位{i}' for i in range(1, count + 1))}]\n"


@pytest.mark.parametrize(("count", "codes"), [
    (5, []),
    (6, [("ORG-JOINT-UNITS", ORG, 5, 8)]),
])
def test_o1_a_joint_branch_covers_at_most_5_units(write_repo: WriteRepo, count: int, codes: Found) -> None:
    assert check(write_repo, {ORG: org("联合党支部", units(count))}) == codes


def test_o1_only_a_joint_branch_counts_units(write_repo: WriteRepo) -> None:
    assert check(write_repo, branch(3, extra=units(6))) == []


# --- O6, O7: a general branch of 100 may become a party committee (a suggestion) ----------------

def general_branch(members: int) -> dict[str, str]:
    """O03 党总支 over two branches O04 and O05, each of 6 full members and the rest
    probationary, `members` in all (O7: the 100 counts every member, of the branches under it)."""
    first = (members + 1) // 2
    second = members - first
    return {ORG: org("党总支"),
            org_file("O04"): org("党支部", org_id="O04", parent="O03"),
            org_file("O05"): org("党支部", org_id="O05", parent="O03"),
            **crowd(6, first - 6, "O04", 2),
            **crowd(6, second - 6, "O05", 2 + first)}


@pytest.mark.parametrize(("members", "codes"), [
    (99, []),
    (100, [("ORG-SUGGEST-PARTY-COMMITTEE", ORG, 3, 7)]),
])
def test_o6_o7_a_general_branch_of_100_may_become_a_party_committee(write_repo: WriteRepo, members: int,
                                                                     codes: Found) -> None:
    assert check(write_repo, general_branch(members)) == codes


def test_o7_the_party_committee_is_only_suggested(write_repo: WriteRepo) -> None:
    suggestion = only(write_repo, general_branch(100))
    assert suggestion.severity == Severity.INFO
    assert suggestion.message.zh == "O03 共有 100 名党员，可以申请设立党委"


# --- O3, O4: a committee from 7 full members -----------------------------------------------------

# A committee finding points at the committee's value: its first seat, line 6 column 3.
NEEDED = [("ORG-COMMITTEE-NEEDED", ORG, 6, 3)]
UNNEEDED = [("ORG-COMMITTEE-UNNEEDED", ORG, 6, 3)]


@pytest.mark.parametrize(("full", "probationary", "seats", "codes"), [
    (6, 0, [seat(2, "书记")], []),                                         # O3: a 书记 alone
    (6, 0, [seat(2, "书记"), seat(3, "副书记")], []),                      # and a 副书记 if needed
    (6, 0, [seat(2, "书记"), seat(3, "组织委员")], UNNEEDED),
    (6, 1, [seat(2, "书记"), seat(3, "组织委员")], UNNEEDED),              # O7: 7 counts full members
    (7, 0, [seat(2, "书记")], NEEDED),                                     # O4
    (7, 0, [seat(2, "书记"), seat(3, "副书记")], NEEDED),
    (7, 0, [seat(2, "书记"), seat(3, "组织委员"), seat(4, "宣传委员")], []),
])
def test_o3_o4_a_committee_from_7_full_members(write_repo: WriteRepo, full: int, probationary: int,
                                               seats: list[str], codes: Found) -> None:
    assert check(write_repo, branch(full, probationary, extra=committee(*seats))) == codes


def test_o4_a_branch_of_7_without_committee_key_is_found_at_its_type(write_repo: WriteRepo) -> None:
    assert check(write_repo, branch(7)) == [("ORG-COMMITTEE-NEEDED", ORG, 3, 7)]


def test_o4_committee_needed_message(write_repo: WriteRepo) -> None:
    needed = only(write_repo, branch(7, extra=committee(seat(2, "书记"))))
    assert needed.message.zh == "O03 有 7 名正式党员，应设立支部委员会"
    assert needed.severity == Severity.ERROR


def test_o4_a_former_committee_member_does_not_count(write_repo: WriteRepo) -> None:
    seats = [seat(2, "书记"), seat(3, "组织委员", "2021-03-20", "2026-03-19"), seat(4, "宣传委员")]
    assert check(write_repo, branch(7, extra=committee(*seats))) == NEEDED


SEATS = ["书记", "副书记", "组织委员", "宣传委员", "纪检委员", "委员", "委员", "委员"]


@pytest.mark.parametrize(("count", "codes"), [
    (3, []),
    (7, []),
    (8, [("ORG-COMMITTEE-SIZE", ORG, 6, 3)]),  # O4: generally at most 7
])
def test_o4_branch_committee_size(write_repo: WriteRepo, count: int, codes: Found) -> None:
    seats = [seat(2 + i, post) for i, post in enumerate(SEATS[:count])]
    assert check(write_repo, branch(8, extra=committee(*seats))) == codes


def test_o4_committee_size_message(write_repo: WriteRepo) -> None:
    seats = [seat(2 + i, post) for i, post in enumerate(SEATS)]
    size = only(write_repo, branch(8, extra=committee(*seats)))
    assert size.message.zh == "党支部委员会有 8 名委员，一般应为 3—7 名"
    assert size.message.en == "the 党支部 committee has 8 members; generally 3–7"


@pytest.mark.parametrize(("count", "codes"), [
    (4, [("ORG-COMMITTEE-SIZE", ORG, 6, 3)]),  # O5, O6: 5–9
    (5, []),
])
def test_o5_o6_general_branch_committee_size(write_repo: WriteRepo, count: int, codes: Found) -> None:
    seats = [seat(2 + i, post) for i, post in enumerate(SEATS[:count])]
    assert check(write_repo, {ORG: org("党总支", committee(*seats)), **crowd(count, org_id="O02")}) == codes


SECRETARY = [("ORG-SECRETARY", ORG, 6, 3)]


@pytest.mark.parametrize(("seats", "codes"), [
    ([seat(2, "书记")], []),
    ([seat(2, "书记"), seat(3, "书记")], SECRETARY),                                     # two in office
    ([seat(2, "书记", "2021-03-20", "2026-03-19"), seat(3, "书记")], []),                # one has left
    ([seat(2, "书记", "2021-03-20", "2026-11-29"), seat(3, "书记")], SECRETARY),         # leaves today
    ([seat(2, "书记"), seat(3, "书记", "2026-11-30")], []),                              # not yet
    ([seat(2, "副书记")], SECRETARY),                                                    # no 书记
    ([seat(2, "书记"), seat(3, "副书记"), seat(4, "副书记")], SECRETARY),                # two 副书记
])
def test_o4_one_secretary(write_repo: WriteRepo, seats: list[str], codes: Found) -> None:
    assert check(write_repo, branch(3, extra=committee(*seats))) == codes


def test_o4_secretary_message(write_repo: WriteRepo) -> None:
    two = only(write_repo, branch(3, extra=committee(seat(2, "书记"), seat(3, "书记"))))
    assert two.message.zh == "现任书记 2 名、副书记 0 名"
    assert two.message.en == "2 书记 and 0 副书记 in office"


# --- O10, O13: who may hold a seat ---------------------------------------------------------------

@pytest.mark.parametrize(("status", "codes"), [
    ("预备党员", [("ORG-SEAT-NOT-FULL", ORG, 6, 14)]),  # O10: probationary members do not stand
    ("正式党员", []),
])
def test_o10_a_seat_is_held_by_a_full_member(write_repo: WriteRepo, status: str, codes: Found) -> None:
    files = {**branch(3, extra=committee(seat(5, "书记"))), member_file(5): member(5, status)}
    assert check(write_repo, files) == codes


def test_o10_only_seats_in_office_are_checked(write_repo: WriteRepo) -> None:
    seats = [seat(5, "书记", "2021-03-20", "2026-03-19"), seat(2, "书记")]
    files = {**branch(3, extra=committee(*seats)), member_file(5): member(5, "预备党员")}
    assert check(write_repo, files) == []


def test_o10_seat_not_full_message(write_repo: WriteRepo) -> None:
    files = {**branch(3, extra=committee(seat(5, "书记"))), member_file(5): member(5, "预备党员")}
    seat_finding = only(write_repo, files)
    assert seat_finding.message.zh == "委员 M0005 的党籍状态是 预备党员，不是正式党员"


@pytest.mark.parametrize(("full", "codes"), [
    ("2025-03-21", [("ORG-SECRETARY-STANDING", ORG, 6, 37)]),  # a day short of a year
    ("2025-03-20", []),                                         # a year to the day
])
def test_o13_a_secretary_has_a_years_standing(write_repo: WriteRepo, full: str, codes: Found) -> None:
    stages = f"stages: {{probationary: 2024-03-20, full: {full}}}\n"
    files = {**branch(3, extra=committee(seat(2, "书记", "2026-03-20"))),
             MEMBER: member(2, extra=stages)}
    assert check(write_repo, files) == codes


def test_o13_only_the_secretary_needs_standing(write_repo: WriteRepo) -> None:
    stages = "stages: {probationary: 2024-03-21, full: 2025-03-21}\n"
    files = {**branch(3, extra=committee(seat(3, "书记"), seat(2, "副书记", "2026-03-20"))),
             MEMBER: member(2, extra=stages)}
    assert check(write_repo, files) == []


def test_o13_standing_message(write_repo: WriteRepo) -> None:
    stages = "stages: {probationary: 2024-03-21, full: 2025-03-21}\n"
    files = {**branch(3, extra=committee(seat(2, "书记", "2026-03-20"))), MEMBER: member(2, extra=stages)}
    standing = only(write_repo, files)
    assert standing.message.zh == "书记 M0002 任职时（2026-03-20）党龄不满一年（2025-03-21 转正）"


# --- O9: elections when the term ends ------------------------------------------------------------

def term(start: str, end: str) -> str:
    return f"term: {{start: {start}, end: {end}}}\n"


@pytest.mark.parametrize(("start", "end", "codes"), [
    ("2021-11-28", "2026-11-28", [("ORG-ELECTION-DUE", ORG, 5, TERM_END)]),  # ended yesterday
    ("2021-11-29", "2026-11-29", []),                                         # ends today
    ("2026-03-20", "2031-03-20", []),                                         # after the election
])
def test_o9_election_when_the_term_ends(write_repo: WriteRepo, start: str, end: str, codes: Found) -> None:
    assert check(write_repo, {ORG: org(extra=term(start, end))}) == codes


def test_o9_a_party_group_holds_no_election(write_repo: WriteRepo) -> None:
    assert check(write_repo, {ORG: org("党小组", term("2021-11-28", "2026-11-28"), parent="O02")}) == []


def test_o9_overdue_message(write_repo: WriteRepo) -> None:
    due = only(write_repo, {ORG: org(extra=term("2021-11-28", "2026-11-28"))})
    assert due.message.zh == "O03 任期届满，应换届选举（期限 2026-11-28，已逾期）"
    assert due.message.en == "O03's term ends: hold the election (due 2026-11-28, overdue)"
    assert due.severity == Severity.WARNING


# --- D16: full membership discussed when probation ends ------------------------------------------

def probationer(probationary: str, status: str = "预备党员", full: str = "") -> dict[str, str]:
    """M0002 of O02 admitted on `probationary`: the date is on line 7, column 24."""
    more = f", full: {full}" if full else ""
    return {MEMBER: member(2, status, "O02", f"stages: {{probationary: {probationary}{more}}}\n")}


PROBATION_DUE = [("PARTY-PROBATION-DUE", MEMBER, 7, 24)]


@pytest.mark.parametrize(("probationary", "codes"), [
    ("2025-11-28", PROBATION_DUE),  # due 2026-11-28, yesterday
    ("2025-11-29", []),             # due today
    ("2024-02-29", PROBATION_DUE),  # due 2025-02-28
])
def test_d16_probation_ends_after_a_year(write_repo: WriteRepo, probationary: str, codes: Found) -> None:
    assert check(write_repo, probationer(probationary)) == codes


def test_d16_a_full_member_is_not_due(write_repo: WriteRepo) -> None:
    assert check(write_repo, probationer("2024-11-28", "正式党员", "2025-11-28")) == []


def test_d16_a_year_from_29_february_ends_on_28_february(write_repo: WriteRepo) -> None:
    due = only(write_repo, probationer("2024-02-29"))
    assert "2025-02-28" in due.message.zh
    assert due.message.zh == "M0002 预备期满，支部大会应讨论其转正（期限 2025-02-28，已逾期）"
    assert due.message.en == ("M0002's probation ends: the branch meeting discusses full membership "
                              "(due 2025-02-28, overdue)")


# --- §4 组织关系: a member away six months transfers the relationship -----------------------------

def away(since: str, more: str = "", status: str = "正式党员", category: str = "直接管理") -> dict[str, str]:
    """M0002 of O02 away since `since`: the date is on line 7, column 15."""
    return {MEMBER: member(2, status, "O02", f"away: {{since: {since}}}\n{more}", category)}


AWAY = [("MEMBER-AWAY", MEMBER, 7, 15)]
FLOATING = 'home_org: 历城区某街道党工委\ncontact: "13905361234"\n'


@pytest.mark.parametrize(("since", "more", "category", "codes"), [
    ("2026-05-28", "", "直接管理", AWAY),                                  # six months: 2026-11-28
    ("2026-05-29", "", "直接管理", []),                                    # due today
    ("2026-05-31", "", "直接管理", []),                                    # due 2026-11-30 (clamped)
    ("2026-03-01", "transfers: [{direction: out, 'on': 2026-08-20, letter: 济历组转〔2026〕12号}]\n",
     "直接管理", []),                                                      # transferred out since
    ("2026-03-01", "transfers: [{direction: out, 'on': 2026-03-01, letter: 济历组转〔2026〕12号}]\n",
     "直接管理", []),                                                      # on the day
    ("2026-03-01", "transfers: [{direction: out, 'on': 2025-08-20, letter: 济历组转〔2025〕12号}]\n",
     "直接管理", AWAY),                                                    # an earlier transfer
    ("2026-03-01", "transfers: [{direction: in, 'on': 2026-08-20, letter: 济历组转〔2026〕12号}]\n",
     "直接管理", AWAY),                                                    # a transfer in
    ("2026-03-01", FLOATING, "协助管理", []),                              # a floating member
])
def test_s4_a_member_away_six_months_transfers(write_repo: WriteRepo, since: str, more: str, category: str,
                                               codes: Found) -> None:
    assert check(write_repo, away(since, more, category=category)) == codes


def test_s4_a_member_transferred_out_is_not_away(write_repo: WriteRepo) -> None:
    assert check(write_repo, away("2026-03-01", status="转出")) == []


def test_s4_away_message(write_repo: WriteRepo) -> None:
    due = only(write_repo, away("2026-05-28"))
    assert due.message.zh == "M0002 外出满 6 个月，应转接组织关系（期限 2026-11-28，已逾期）"


# --- F15: a member out of contact ----------------------------------------------------------------

def lost(since: str, status: str = "正式党员", status_since: str = "") -> dict[str, str]:
    """M0002 of O02 out of contact since `since` (line 7, column 21); status on line 5, column 9."""
    more = f"status_since: {status_since}\n" if status_since else ""
    return {MEMBER: member(2, status, "O02", f"lost_contact_since: {since}\n{more}")}


@pytest.mark.parametrize(("since", "status", "status_since", "codes"), [
    ("2026-05-28", "正式党员", "", [("MEMBER-LOST-CONTACT", MEMBER, 7, 21)]),  # six months
    ("2026-05-29", "正式党员", "", []),
    ("2026-05-28", "预备党员", "", [("MEMBER-LOST-CONTACT", MEMBER, 7, 21)]),
    ("2024-05-28", "停止党籍", "2024-11-28", [("MEMBER-LOST-CONTACT", MEMBER, 5, 9)]),  # two years more
    ("2024-05-28", "停止党籍", "2024-11-29", []),
    ("2024-05-28", "停止党籍", "", [("MEMBER-LOST-CONTACT", MEMBER, 5, 9)]),  # 6 months + 2 years
    ("2024-05-29", "停止党籍", "", []),
    ("2024-05-28", "除名", "", []),
])
def test_f15_out_of_contact(write_repo: WriteRepo, since: str, status: str, status_since: str,
                            codes: Found) -> None:
    assert check(write_repo, lost(since, status, status_since)) == codes


def test_f15_messages(write_repo: WriteRepo) -> None:
    suspend = only(write_repo, lost("2026-05-28"))
    assert suspend.message.zh == "M0002 失去联系满 6 个月，应按规定停止党籍（期限 2026-11-28，已逾期）"
    assert suspend.severity == Severity.ERROR
    remove = only(write_repo, lost("2024-05-28", "停止党籍", "2024-11-28"))
    assert remove.message.zh == "M0002 停止党籍满 2 年仍未联系，应按自行脱党除名（期限 2026-11-28，已逾期）"
    assert remove.message.en == ("M0002: two years suspended without contact; remove as lapsed "
                                 "(due 2026-11-28, overdue)")
