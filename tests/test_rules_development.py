"""Record rules of the admission file (发展党员, `development`, rules D3–D17 of DOMAIN.md): the
smallest member YAML that triggers each rule and the smallest that does not, with the dates at
their edges, validated on TODAY (2026-11-29). Every setup keeps the other stage rules quiet (D1
age, D6 a year as activist, D20 order, PARTY-PROBATION-DUE), so each finding list is complete.

Layout of the member file `member()` writes (line: content):
  8 stages: {...}          a value's column is 9 + len("key: ") + 1 for the first stage
  9 development:
 10… "  key: value"         a value's column is len(key) + 5
"""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest

from cmty.findings import Severity
from cmty.repo import Repo
from tests.conftest import CONFIG, WriteRepo, findings, found

MEMBER = "party/members/M0002.yaml"
Found = list[tuple[str, str, int, int]]


def full_member(member_id: str, name: str) -> str:
    return f"id: {member_id}\nname: {name}\nsex: 女\norg: O02\nstatus: 正式党员\ncategory: 直接管理\n"


# Full members to name as contacts and sponsors (with M0001 of BASE_FILES): no REF-MISSING.
OTHERS = {
    "party/members/M0003.yaml": full_member("M0003", "王敏"),
    "party/members/M0004.yaml": full_member("M0004", "张伟"),
}


def member(stages: str, development: dict[str, str] | None = None, status: str = "正式党员") -> str:
    """M0002, born 1980 (an adult at every stage, D1), with `development` keys in the given order
    (None: no admission file; {}: an empty one)."""
    text = (f"id: M0002\nname: 李秀英\nsex: 女\nbirth_date: 1980-01-01\norg: O02\nstatus: {status}\n"
            f"category: 直接管理\nstages: {stages}\n")
    if development is None:
        return text
    if not development:
        return text + "development: {}\n"
    return text + "development:\n" + "".join(f"  {key}: {value}\n" for key, value in
                                              {**development, **_quiet(stages, development)}.items())


def _quiet(stages: str, development: dict[str, str]) -> dict[str, str]:
    """D4 filing and the D12 notice, appended after the keys a test gives (so its lines stay put)
    and only where the test leaves them out: a week's notice ending four days before admission."""
    extra = {} if "filed_upper" in development else {"filed_upper": "true"}
    admitted = re.search(r"probationary: ([0-9-]{10})", stages)
    if admitted and "publicity" not in development:
        when = date.fromisoformat(admitted.group(1))
        extra["publicity"] = (f"{{from: {when - timedelta(days=10)}, to: {when - timedelta(days=4)}}}")
    return extra


def repo_of(write_repo: WriteRepo, text: str, config: str = CONFIG) -> Repo:
    return write_repo({**OTHERS, MEMBER: text}, config=config)


def at(code: str, line: int, column: int) -> tuple[str, str, int, int]:
    return (code, MEMBER, line, column)


# ---------------------------------------------------------------------------------------------
# Who is judged


# Every stage, admitted 2026-01-10 and still probationary: D3, D5 and D7–D14 would all apply.
EVERY_STAGE = "{applied: 2020-01-01, activist: 2020-02-01, target: 2021-03-01, probationary: 2026-01-10}"


def test_a_member_without_an_admission_file_is_not_judged(write_repo: WriteRepo) -> None:
    """Members admitted on paper (no `development`) are never judged by D3–D17."""
    assert found(repo_of(write_repo, member(EVERY_STAGE, status="预备党员"))) == []


def test_an_empty_admission_file_is_judged_on_every_rule(write_repo: WriteRepo) -> None:
    """The same member with `development: {}`: every missing step is reported at its stage."""
    applied, activist, probationary = (8, 19), (8, 41), (8, 87)
    assert found(repo_of(write_repo, member(EVERY_STAGE, {}, status="预备党员"))) == [
        at("PARTY-TALK", *applied),                   # D3
        at("PARTY-ACTIVIST-FILED", *activist),        # D4: not filed with the higher committee
        at("PARTY-CONTACTS", *activist),              # D5
        at("PARTY-REVIEWS", *activist),               # D5
        at("PARTY-APPROVAL-EXPIRED", *probationary),  # D14: not approved, 2026-07-10 passed
        at("PARTY-POLITICAL-REVIEW", *probationary),  # D8
        at("PARTY-PREREVIEW", *probationary),         # D10
        at("PARTY-PUBLICITY", *probationary),         # D12: no public notice
        at("PARTY-SPONSORS", *probationary),          # D7
        at("PARTY-TRAINING", *probationary),          # D9
    ]


# sample_data/party/members/M0015.yaml without its fee_basis (dues are another rule's business).
M0015 = """\
id: M0015
name: 郭文静
sex: 女
ethnicity: 汉族
education: 大学本科
id_number: "370102199509177400"
mobile: "15179486253"
birth_date: 1995-09-17
address: 和园小区4号楼1单元302
org: O02
status: 预备党员
status_since: 2026-06-26
category: 直接管理
stages: {applied: 2022-03-10, activist: 2022-09-15, target: 2025-05-20,
         probationary: 2026-06-26}
development:
  talk_on: 2022-03-28
  filed_upper: true
  contacts: [M0007, M0012]
  reviews: [2023-03-10, 2023-09-12, 2024-03-15, 2024-09-10, 2025-03-14]
  sponsors: [M0006, M0007]
  political_review: {'on': 2025-09-18, conclusion: 政治历史清楚，现实表现好，政审合格}
  training: {from: 2025-10-20, to: 2025-10-22, hours: 24}   # 历山街道党工委发展对象培训班
  prereview_on: 2026-06-10
  publicity: {from: 2026-06-12, to: 2026-06-18}
  approved_on: 2026-07-16   # 历山党工〔2026〕21号
"""


def test_a_complete_admission_file_is_clean(write_repo: WriteRepo) -> None:
    """M0015 of the sample data passes D3–D17 (its contacts and sponsors exist here)."""
    repo = write_repo({
        "party/members/M0015.yaml": M0015,
        "party/members/M0006.yaml": full_member("M0006", "陈磊"),
        "party/members/M0007.yaml": full_member("M0007", "杨帆"),
        "party/members/M0012.yaml": full_member("M0012", "黄丽"),
    })
    assert found(repo) == []


# ---------------------------------------------------------------------------------------------
# D3: a talk within a month of the application


@pytest.mark.parametrize(("applied", "talk_on", "codes"), [
    ("2025-03-01", "2025-04-01", []),                            # exactly one month
    ("2025-03-01", "2025-04-02", [at("PARTY-TALK", 10, 12)]),
    ("2025-01-31", "2025-02-28", []),                            # a month after 31 Jan: 28 Feb
    ("2025-01-31", "2025-03-01", [at("PARTY-TALK", 10, 12)]),
])
def test_d3_talk_within_a_month(write_repo: WriteRepo, applied: str, talk_on: str, codes: Found) -> None:
    text = member(f"{{applied: {applied}}}", {"talk_on": talk_on})
    assert found(repo_of(write_repo, text)) == codes


@pytest.mark.parametrize(("applied", "codes"), [
    ("2026-10-29", []),                                # today is exactly one month on
    ("2026-10-31", []),                                # its month ends 2026-11-30
    ("2026-10-28", [at("PARTY-TALK", 8, 19)]),          # at stages.applied
])
def test_d3_no_talk_yet_is_judged_on_today(write_repo: WriteRepo, applied: str, codes: Found) -> None:
    assert found(repo_of(write_repo, member(f"{{applied: {applied}}}", {}))) == codes


def test_d3_message(write_repo: WriteRepo) -> None:
    text = member("{applied: 2025-03-01}", {"talk_on": "2025-04-02"})
    [finding] = findings(repo_of(write_repo, text))
    assert finding.code == "PARTY-TALK"
    assert finding.severity == Severity.WARNING
    assert finding.message.zh == "收到入党申请（2025-03-01）后一个月内未谈话"
    assert finding.message.en == "no talk within a month of the application (2025-03-01)"
    assert finding.hint.zh == "党组织应在收到申请书一个月内派人谈话（D3）；记录 talk_on"
    assert finding.hint.en == "talk with the applicant within a month (D3) and record talk_on"


# ---------------------------------------------------------------------------------------------
# D5: one or two contacts, a review every six months


# An activist of a year (D6), reviewed in the sixth month and made a target in the twelfth.
ACTIVIST = "{activist: 2024-03-15, target: 2025-03-15}"


@pytest.mark.parametrize(("contacts", "codes"), [
    ("[]", [at("PARTY-CONTACTS", 10, 13)]),
    ("[M0001]", []),
    ("[M0001, M0003]", []),
    ("[M0001, M0003, M0004]", [at("PARTY-CONTACTS", 10, 13)]),
])
def test_d5_one_or_two_contacts(write_repo: WriteRepo, contacts: str, codes: Found) -> None:
    text = member(ACTIVIST, {"contacts": contacts, "reviews": "[2024-09-10]"})
    assert found(repo_of(write_repo, text)) == codes


def test_d5_no_contacts_is_reported_at_the_activist_stage(write_repo: WriteRepo) -> None:
    text = member(ACTIVIST, {"reviews": "[2024-09-10]"})
    assert found(repo_of(write_repo, text)) == [at("PARTY-CONTACTS", 8, 20)]


def test_d5_not_judged_before_the_activist_stage(write_repo: WriteRepo) -> None:
    """An applicant with neither contacts nor reviews is not an activist yet (D5 does not apply)."""
    text = member("{applied: 2025-03-01}", {"talk_on": "2025-03-20"})
    assert found(repo_of(write_repo, text)) == []


@pytest.mark.parametrize(("reviews", "codes"), [
    ("[2024-09-30]", []),                                    # still the sixth month after March
    ("[2024-10-01]", [at("PARTY-REVIEWS", 11, 12)]),          # the seventh
    ("[2024-09-10, 2026-01-01]", []),                        # a review after the target is not needed
])
def test_d5_reviews_kept_by_the_month(write_repo: WriteRepo, reviews: str, codes: Found) -> None:
    text = member(ACTIVIST, {"contacts": "[M0001]", "reviews": reviews})
    assert found(repo_of(write_repo, text)) == codes


@pytest.mark.parametrize(("target", "codes"), [
    ("2025-03-31", []),                                      # six months after the September review
    ("2025-04-01", [at("PARTY-REVIEWS", 11, 12)]),
])
def test_d5_the_gap_up_to_the_target_counts(write_repo: WriteRepo, target: str, codes: Found) -> None:
    text = member(f"{{activist: 2024-03-15, target: {target}}}",
                  {"contacts": "[M0001]", "reviews": "[2024-09-10]"})
    assert found(repo_of(write_repo, text)) == codes


@pytest.mark.parametrize(("reviews", "codes"), [
    ("[2025-12-01, 2026-05-20]", []),                        # November 2026 is the sixth month
    ("[2025-12-01, 2026-04-30]", [at("PARTY-REVIEWS", 11, 12)]),
])
def test_d5_without_a_target_the_gap_up_to_today_counts(write_repo: WriteRepo, reviews: str,
                                                        codes: Found) -> None:
    text = member("{activist: 2025-06-01}", {"contacts": "[M0001]", "reviews": reviews})
    assert found(repo_of(write_repo, text)) == codes


@pytest.mark.parametrize(("activist", "codes"), [
    ("2026-05-31", []),
    ("2026-04-30", [at("PARTY-REVIEWS", 8, 20)]),             # no reviews: at stages.activist
])
def test_d5_never_reviewed(write_repo: WriteRepo, activist: str, codes: Found) -> None:
    text = member(f"{{activist: {activist}}}", {"contacts": "[M0001]"})
    assert found(repo_of(write_repo, text)) == codes


def test_d5_only_the_first_gap_is_reported(write_repo: WriteRepo) -> None:
    """Three gaps of a year each (2022-01 → 2023-01 → 2024-01 → 2025-01): one finding, the first."""
    text = member("{activist: 2022-01-10, target: 2025-01-10}",
                  {"contacts": "[M0001]", "reviews": "[2023-01-01, 2024-01-01]"})
    [finding] = findings(repo_of(write_repo, text))
    assert (finding.code, finding.line, finding.column) == ("PARTY-REVIEWS", 11, 12)
    assert finding.message.zh == "2022-01-10 之后超过半年没有考察（至 2023-01-01）"
    assert finding.message.en == "no review for more than six months after 2022-01-10 (to 2023-01-01)"


def test_d5_a_review_before_the_activist_stage_does_not_restart_the_count(write_repo: WriteRepo) -> None:
    """Activist 2024-03-15, reviewed 2024-09-10, target 2025-03-15: on time (D5). A stray review
    dated 2023-01-01, before there was an activist to review, must not make a gap of 2023-01 →
    2024-09."""
    text = member(ACTIVIST, {"contacts": "[M0001]", "reviews": "[2023-01-01, 2024-09-10]"})
    assert found(repo_of(write_repo, text)) == []


# ---------------------------------------------------------------------------------------------
# D7–D10: ready for the branch meeting; D14, D17: approval and extension

ADMITTED = "{probationary: 2026-06-26}"  # the branch meeting; stages.probationary is at (8, 24)
AT_ADMITTED = (8, 24)


def admission(**changes: str | None) -> dict[str, str]:
    """A complete file for a member admitted 2026-01-10 … 2026-09-18 (the political review stays
    valid until then), approved 2026-07-16; a change of None leaves the key out.
    Lines: sponsors 10, political_review 11, training 12, prereview_on 13, approved_on 14."""
    block: dict[str, str | None] = {
        "sponsors": "[M0001, M0003]",
        "political_review": "{'on': 2025-09-18, conclusion: 政审合格}",
        "training": "{from: 2025-10-20, to: 2025-10-22}",
        "prereview_on": "2025-12-20",
        "approved_on": "2026-07-16",
        **changes,
    }
    return {key: value for key, value in block.items() if value is not None}


def admitted(development: dict[str, str], stages: str = ADMITTED, status: str = "预备党员") -> str:
    return member(stages, development, status)


def test_the_admission_setup_is_clean(write_repo: WriteRepo) -> None:
    assert found(repo_of(write_repo, admitted(admission()))) == []


@pytest.mark.parametrize(("sponsors", "codes"), [
    ("[M0001]", [at("PARTY-SPONSORS", 10, 13)]),
    ("[M0001, M0003]", []),
    ("[M0001, M0003, M0004]", [at("PARTY-SPONSORS", 10, 13)]),
    (None, [at("PARTY-SPONSORS", *AT_ADMITTED)]),
])
def test_d7_two_sponsors(write_repo: WriteRepo, sponsors: str | None, codes: Found) -> None:
    assert found(repo_of(write_repo, admitted(admission(sponsors=sponsors)))) == codes


def test_d7_to_d10_not_judged_before_the_branch_meeting(write_repo: WriteRepo) -> None:
    """A development target with one sponsor and no review, training or pre-review yet."""
    text = member(ACTIVIST, {"contacts": "[M0001]", "reviews": "[2024-09-10]", "sponsors": "[M0001]"})
    assert found(repo_of(write_repo, text)) == []


@pytest.mark.parametrize(("concluded", "codes"), [
    ("2026-06-27", [at("PARTY-POLITICAL-REVIEW", 11, 21)]),   # after the branch meeting
    ("2026-06-26", []),                                       # on its day
    ("2025-06-26", []),                                       # 12 months before
    ("2025-06-25", [at("PARTY-POLITICAL-REVIEW", 11, 21)]),   # 12 months and a day
])
def test_d8_political_review_concluded_within_its_validity(write_repo: WriteRepo, concluded: str,
                                                           codes: Found) -> None:
    review = f"{{'on': {concluded}, conclusion: 政审合格}}"
    assert found(repo_of(write_repo, admitted(admission(political_review=review)))) == codes


@pytest.mark.parametrize(("concluded", "codes"), [
    ("2025-06-25", []),
    ("2024-06-26", []),                                       # 24 months before
    ("2024-06-25", [at("PARTY-POLITICAL-REVIEW", 11, 21)]),
])
def test_d8_validity_is_the_parameter(write_repo: WriteRepo, concluded: str, codes: Found) -> None:
    config = CONFIG + "parameters:\n  development:\n    political_review_valid_months: 24\n"
    review = f"{{'on': {concluded}, conclusion: 政审合格}}"
    assert found(repo_of(write_repo, admitted(admission(political_review=review)), config)) == codes


def test_d8_messages(write_repo: WriteRepo) -> None:
    late = admission(political_review="{'on': 2025-06-25, conclusion: 政审合格}")
    [finding] = findings(repo_of(write_repo, admitted(late)))
    assert finding.severity == Severity.ERROR
    assert finding.message.en == ("the political review (2025-06-25) is after the branch meeting or older "
                                  "than 12 months")
    [missing] = findings(repo_of(write_repo, admitted(admission(political_review=None))))
    assert (missing.code, missing.line, missing.column) == ("PARTY-POLITICAL-REVIEW", *AT_ADMITTED)
    assert (missing.message.zh, missing.message.en) == ("没有政治审查结论", "no political review conclusion")


@pytest.mark.parametrize(("training", "codes"), [
    ("{hours: 24}", []),
    ("{hours: 23.5}", [at("PARTY-TRAINING", 12, 13)]),
    ("{from: 2025-10-20, to: 2025-10-22}", []),               # three days, both counted
    ("{from: 2025-10-20, to: 2025-10-21}", [at("PARTY-TRAINING", 12, 13)]),
    ("{from: 2025-10-20, to: 2025-10-22, hours: 8}", []),     # either suffices
    ("{from: 2025-10-20, to: 2025-10-21, hours: 24}", []),
    (None, [at("PARTY-TRAINING", *AT_ADMITTED)]),
])
def test_d9_three_days_or_24_hours(write_repo: WriteRepo, training: str | None, codes: Found) -> None:
    assert found(repo_of(write_repo, admitted(admission(training=training)))) == codes


@pytest.mark.parametrize(("prereview_on", "codes"), [
    ("2026-06-25", []),                                       # the day before the branch meeting
    ("2026-06-26", [at("PARTY-PREREVIEW", 13, 17)]),          # on the day is too late
    (None, [at("PARTY-PREREVIEW", *AT_ADMITTED)]),
])
def test_d10_prereview_before_the_branch_meeting(write_repo: WriteRepo, prereview_on: str | None,
                                                 codes: Found) -> None:
    assert found(repo_of(write_repo, admitted(admission(prereview_on=prereview_on)))) == codes


@pytest.mark.parametrize(("approved_on", "codes"), [
    ("2026-04-10", []),                                             # three months
    ("2026-04-11", [at("PARTY-APPROVAL", 14, 16)]),
    ("2026-07-10", [at("PARTY-APPROVAL", 14, 16)]),                  # six months
    ("2026-07-11", [at("PARTY-APPROVAL-EXPIRED", 14, 16)]),
])
def test_d14_approved_within_three_months_at_most_six(write_repo: WriteRepo, approved_on: str,
                                                      codes: Found) -> None:
    text = admitted(admission(approved_on=approved_on), "{probationary: 2026-01-10}")
    assert found(repo_of(write_repo, text)) == codes


@pytest.mark.parametrize(("probationary", "codes"), [
    ("2026-09-01", []),
    ("2026-08-29", []),                                             # today is three months on
    ("2026-08-28", [at("PARTY-APPROVAL", *AT_ADMITTED)]),
    ("2026-05-29", [at("PARTY-APPROVAL", *AT_ADMITTED)]),            # today is six months on
    ("2026-05-28", [at("PARTY-APPROVAL-EXPIRED", *AT_ADMITTED)]),
])
def test_d14_not_yet_approved_is_judged_on_today(write_repo: WriteRepo, probationary: str,
                                                 codes: Found) -> None:
    text = admitted(admission(approved_on=None), f"{{probationary: {probationary}}}")
    assert found(repo_of(write_repo, text)) == codes


@pytest.mark.parametrize(("approved_on", "severity"), [
    ("2026-04-11", Severity.WARNING),
    ("2026-07-11", Severity.ERROR),
])
def test_d14_late_is_a_warning_expired_an_error(write_repo: WriteRepo, approved_on: str,
                                                severity: Severity) -> None:
    text = admitted(admission(approved_on=approved_on), "{probationary: 2026-01-10}")
    assert [f.severity for f in findings(repo_of(write_repo, text))] == [severity]


def test_d14_expired_message(write_repo: WriteRepo) -> None:
    text = admitted(admission(approved_on="2026-07-11"), "{probationary: 2026-01-10}")
    [finding] = findings(repo_of(write_repo, text))
    assert finding.code == "PARTY-APPROVAL-EXPIRED"
    assert finding.message.zh == "支部大会（2026-01-10）后超过 6 个月未审批"
    assert finding.message.en == "not approved within six months of the branch meeting (2026-01-10)"
    assert finding.hint.zh == "超过 6 个月的须重新履行接收程序（D14）"
    assert finding.hint.en == "after six months the admission is redone (D14)"


@pytest.mark.parametrize(("months", "codes"), [
    (5, [at("PARTY-EXTENSION", 15, 21)]),
    (6, []),
    (12, []),
    (13, [at("PARTY-EXTENSION", 15, 21)]),
])
def test_d17_extension_of_six_to_twelve_months(write_repo: WriteRepo, months: int, codes: Found) -> None:
    text = admitted({**admission(), "extension_months": str(months)})
    assert found(repo_of(write_repo, text)) == codes


# --- D7 / D5: sponsors and contacts are full members (a rule across member records) ---------------

def _sponsor_case(write_repo: WriteRepo, full: str | None, status: str = "正式党员") -> list[tuple[str, str, int, int]]:
    """M0002 admitted on 2026-06-26 with sponsors M0001 and M0003; M0003's full date is `full`."""
    stages = f"stages: {{probationary: 2025-01-10, full: {full}}}\n" if full else ""
    sponsor = (f"id: M0003\nname: 李国华\nsex: 男\norg: O02\nstatus: {status}\ncategory: 直接管理\n"
               + stages)
    candidate = ("id: M0002\nname: 郭文静\nsex: 女\norg: O02\nstatus: 预备党员\ncategory: 直接管理\n"
                 "stages: {probationary: 2026-06-26}\n"
                 "development: {sponsors: [M0001, M0003], approved_on: 2026-07-16}\n")
    repo = write_repo({"party/members/M0002.yaml": candidate, "party/members/M0003.yaml": sponsor})
    return [f for f in found(repo) if f[0] in ("PARTY-SPONSOR-STATUS", "PARTY-CONTACT-STATUS")]


@pytest.mark.parametrize(("full", "status", "codes"), [
    ("2026-01-10", "正式党员", []),  # a full member well before the meeting
    ("2026-06-26", "正式党员", []),  # made full on the day of the meeting
    ("2026-06-27", "正式党员", [("PARTY-SPONSOR-STATUS", "party/members/M0002.yaml", 8, 33)]),
    (None, "预备党员", [("PARTY-SPONSOR-STATUS", "party/members/M0002.yaml", 8, 33)]),
    (None, "正式党员", []),
])
def test_d7_sponsors_were_full_members_at_the_branch_meeting(write_repo: WriteRepo, full: str | None,
                                                             status: str, codes: list[tuple[str, str, int, int]]
                                                             ) -> None:
    assert _sponsor_case(write_repo, full, status) == codes


# ---------------------------------------------------------------------------------------------
# D4: an activist is filed with the higher committee (PARTY-ACTIVIST-FILED), no sooner than
# development.activist_min_months after applying; the keys are given explicitly, so `_quiet` adds
# no filed_upper of its own.

ACTIVE_FILE = {"contacts": "[M0001]", "reviews": "[2024-09-10]"}  # D5 met for ACTIVIST
AT_ACTIVIST = (8, 20)                                             # stages.activist of ACTIVIST


def test_d4_an_activist_not_filed(write_repo: WriteRepo) -> None:
    """No filed_upper at all: reported at stages.activist."""
    text = member(ACTIVIST) + "development:\n  contacts: [M0001]\n  reviews: [2024-09-10]\n"
    repo = repo_of(write_repo, text)
    assert found(repo) == [at("PARTY-ACTIVIST-FILED", *AT_ACTIVIST)]
    [finding] = findings(repo)
    assert finding.severity == Severity.WARNING
    assert finding.message.zh == "确定入党积极分子后未报上级党委备案"
    assert finding.message.en == "the activist was not filed with the higher committee"
    assert finding.hint.en == "file it with the higher committee and write filed_upper: true (D4)"


@pytest.mark.parametrize(("filed", "codes"), [
    ("false", [at("PARTY-ACTIVIST-FILED", 12, 16)]),  # at development.filed_upper
    ("true", []),
])
def test_d4_filed_upper(write_repo: WriteRepo, filed: str, codes: Found) -> None:
    text = member(ACTIVIST, {**ACTIVE_FILE, "filed_upper": filed})
    assert found(repo_of(write_repo, text)) == codes


def test_d4_not_judged_before_the_activist_stage(write_repo: WriteRepo) -> None:
    text = member("{applied: 2025-03-01}") + "development:\n  talk_on: 2025-03-20\n"
    assert found(repo_of(write_repo, text)) == []


def activist_after(applied: str, activist: str = "2024-03-15", target: str = "2025-03-15",
                   reviews: str = "[2024-09-10]") -> str:
    """Applied, talked to the same day, filed; stages.activist at (8, 41)."""
    stages = f"{{applied: {applied}, activist: {activist}, target: {target}}}"
    return member(stages, {"talk_on": applied, "filed_upper": "true", "contacts": "[M0001]", "reviews": reviews})


SIX_MONTHS = CONFIG + "parameters:\n  development:\n    activist_min_months: 6\n"


@pytest.mark.parametrize(("applied", "codes"), [
    ("2023-10-15", [at("PARTY-ACTIVIST-FILED", 8, 41)]),   # five months
    ("2023-09-16", [at("PARTY-ACTIVIST-FILED", 8, 41)]),   # a day short of six
    ("2023-09-15", []),                                    # exactly six
    ("2023-03-15", []),
])
def test_d4_activist_min_months(write_repo: WriteRepo, applied: str, codes: Found) -> None:
    assert found(repo_of(write_repo, activist_after(applied), SIX_MONTHS)) == codes


@pytest.mark.parametrize(("activist", "codes"), [
    ("2024-02-28", [at("PARTY-ACTIVIST-FILED", 8, 41)]),
    ("2024-02-29", []),                                    # 2023-08-31 + 6 months: the leap day
])
def test_d4_activist_min_months_clamped_to_the_month_end(write_repo: WriteRepo, activist: str,
                                                         codes: Found) -> None:
    text = activist_after("2023-08-31", activist, "2025-03-01", "[2024-08-20, 2025-02-20]")
    assert found(repo_of(write_repo, text, SIX_MONTHS)) == codes


def test_d4_no_wait_by_default(write_repo: WriteRepo) -> None:
    """development.activist_min_months is 0 unless a community sets it: the next day is fine."""
    assert found(repo_of(write_repo, activist_after("2024-03-14"))) == []


def test_d4_too_soon_message(write_repo: WriteRepo) -> None:
    [finding] = findings(repo_of(write_repo, activist_after("2023-10-15"), SIX_MONTHS))
    assert finding.message.zh == "申请后不满 6 个月即确定为积极分子"
    assert finding.message.en == "made an activist less than 6 months after applying"


def test_d4_not_filed_and_too_soon(write_repo: WriteRepo) -> None:
    stages = "{applied: 2023-10-15, activist: 2024-03-15, target: 2025-03-15}"
    text = member(stages, {"talk_on": "2023-10-15", "filed_upper": "false", **ACTIVE_FILE})
    assert found(repo_of(write_repo, text, SIX_MONTHS)) == [
        at("PARTY-ACTIVIST-FILED", 8, 41), at("PARTY-ACTIVIST-FILED", 11, 16)]


# ---------------------------------------------------------------------------------------------
# D12: the candidate's public notice (PARTY-PUBLICITY) lasts development.publicity_days (7, its
# first day counted) and ends before the branch meeting (ADMITTED, 2026-06-26). `publicity` is
# line 15 (value at column 14), after the five keys of `admission()`.

AT_PUBLICITY = (15, 14)


def noticed(first: str, last: str) -> str:
    return admitted(admission(publicity=f"{{from: {first}, to: {last}}}", filed_upper="true"))


@pytest.mark.parametrize(("first", "last", "codes"), [
    ("2026-06-10", "2026-06-15", [at("PARTY-PUBLICITY", *AT_PUBLICITY)]),  # six days
    ("2026-06-10", "2026-06-16", []),                                      # seven: 10th to 16th
    ("2026-06-10", "2026-06-25", []),                                      # ends the day before
    ("2026-06-19", "2026-06-25", []),
    ("2026-06-20", "2026-06-26", [at("PARTY-PUBLICITY", *AT_PUBLICITY)]),  # ends on the meeting's day
    ("2026-06-20", "2026-06-30", [at("PARTY-PUBLICITY", *AT_PUBLICITY)]),  # runs past it
    ("2026-06-16", "2026-06-10", [at("PARTY-PUBLICITY", *AT_PUBLICITY)]),  # ends before it starts
])
def test_d12_seven_days_ending_before_the_branch_meeting(write_repo: WriteRepo, first: str, last: str,
                                                         codes: Found) -> None:
    assert found(repo_of(write_repo, noticed(first, last))) == codes


def test_d12_message(write_repo: WriteRepo) -> None:
    [finding] = findings(repo_of(write_repo, noticed("2026-06-10", "2026-06-15")))
    assert finding.severity == Severity.WARNING
    assert finding.message.zh == "支部大会（2026-06-26）前没有满 7 天的公示"
    assert finding.message.en == "no public notice of 7 days before the branch meeting (2026-06-26)"


def test_d12_not_judged_before_the_branch_meeting(write_repo: WriteRepo) -> None:
    text = member(ACTIVIST, {**ACTIVE_FILE, "filed_upper": "true"})
    assert "publicity" not in text
    assert found(repo_of(write_repo, text)) == []


@pytest.mark.parametrize(("last", "codes"), [
    ("2026-06-13", [at("PARTY-PUBLICITY", *AT_PUBLICITY)]),
    ("2026-06-14", []),                                                     # five days
])
def test_d12_publicity_days_is_a_parameter(write_repo: WriteRepo, last: str, codes: Found) -> None:
    five = CONFIG + "parameters:\n  development:\n    publicity_days: 5\n"
    assert found(repo_of(write_repo, noticed("2026-06-10", last), five)) == codes


WORKING_DAYS = CONFIG + "parameters:\n  development:\n    publicity_working_days: true\n"


@pytest.mark.parametrize(("first", "last", "codes"), [
    # from Wednesday 10 June over the weekend of 13–14 June: the seventh working day is Thursday 18
    ("2026-06-10", "2026-06-16", [at("PARTY-PUBLICITY", *AT_PUBLICITY)]),  # seven days, five working
    ("2026-06-10", "2026-06-17", [at("PARTY-PUBLICITY", *AT_PUBLICITY)]),
    ("2026-06-10", "2026-06-18", []),
    # put up on Saturday 13 June: counting starts on Monday 15, the seventh is Tuesday 23
    ("2026-06-13", "2026-06-22", [at("PARTY-PUBLICITY", *AT_PUBLICITY)]),
    ("2026-06-13", "2026-06-23", []),
])
def test_d12_working_days(write_repo: WriteRepo, first: str, last: str, codes: Found) -> None:
    assert found(repo_of(write_repo, noticed(first, last), WORKING_DAYS)) == codes


def test_d12_working_days_message(write_repo: WriteRepo) -> None:
    [finding] = findings(repo_of(write_repo, noticed("2026-06-10", "2026-06-17"), WORKING_DAYS))
    assert finding.message.zh == "支部大会（2026-06-26）前没有满 7 个工作日的公示"
    assert finding.message.en == "no public notice of 7 working days before the branch meeting (2026-06-26)"
