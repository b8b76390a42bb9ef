"""Checks across records: unique ids, file names, references, approvals, severity overrides."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from cmty.findings import Finding, Severity
from tests.conftest import CONFIG, WriteRepo, findings, found

MEMBER = "id: {id}\nname: 李秀英\nsex: 女\norg: {org}\nstatus: 正式党员\ncategory: 直接管理\n"
FEE = "party/fees/2026-11.yaml"
VOUCHER = "finance/vouchers/V2026-0031.yaml"


def _member(id_: str = "M0002", org: str = "O02") -> str:
    return MEMBER.format(id=id_, org=org)


def _fee(period: str = "2026-11", collector: str = "M0001", member: str = "M0001") -> str:
    return (f"period: {period}\norg: O02\ncollector: {collector}\nentries:\n"
            f'  - {{member: {member}, months: [2026-11], amount: "5.00", paid_on: 2026-11-05}}\n')


def _voucher(fund: str = "F01", role: str = "书记", person: str = "刘建华") -> str:
    return ("id: V2026-0031\ndate: 2026-10-12\n"
            f"fund: {fund}\n"
            "type: expense\n"
            'lines: [{category: 办公费, amount: "356.00"}]\n'
            'document: {type: 发票, number: "0123"}\n'
            "payment: cash\nhandler: 王敏\napprovals:\n"
            "  - {role: 民主理财小组, person: 赵国强, on: 2026-10-12}\n"
            f"  - role: {role}\n"
            f"    person: {person}\n"
            "    on: 2026-10-13\n")


# --- ids and file names ---------------------------------------------------------------------


def test_duplicate_id_is_reported_at_the_second_file(write_repo: WriteRepo) -> None:
    repo = write_repo({"party/members/M0002.yaml": _member(),
                       "party/members/old/M0002.yaml": _member()})
    [f] = findings(repo)
    assert (f.code, f.file, f.line, f.column) == (
        "RECORD-DUPLICATE-ID", "party/members/old/M0002.yaml", 1, 5)
    assert f.record == "M0002"


def test_duplicate_id_in_a_misnamed_file(write_repo: WriteRepo) -> None:
    # Files are read in path order, so F02.yaml is the second one.
    repo = write_repo({"finance/funds/F02.yaml": "id: F01\nname: 重复\nearmarked: false\n"
                                                 'opening_balance: "0.00"\n',
                       "finance/funds/F01.yaml": "id: F01\nname: 服务群众经费\n"
                                                 'earmarked: false\nopening_balance: "0.00"\n'})
    assert found(repo) == [
        ("RECORD-DUPLICATE-ID", "finance/funds/F02.yaml", 1, 5),
        ("RECORD-FILENAME", "finance/funds/F02.yaml", 1, 5),
    ]


def test_file_name_differs_from_id(write_repo: WriteRepo) -> None:
    repo = write_repo({"party/members/M0002.yaml": _member("M0003")})
    assert found(repo) == [("RECORD-FILENAME", "party/members/M0002.yaml", 1, 5)]
    assert found(write_repo({"party/members/M0002.yaml": _member("M0002")})) == []


def test_fee_period_differs_from_the_file_stem(write_repo: WriteRepo) -> None:
    assert found(write_repo({FEE: _fee(period="2026-10")})) == [("RECORD-FILENAME", FEE, 1, 9)]
    assert found(write_repo({FEE: _fee()})) == []


def test_fee_file_per_branch_uses_the_month_as_stem(write_repo: WriteRepo) -> None:
    rel = "party/fees/O02/2026-11.yaml"
    assert found(write_repo({rel: _fee()})) == []
    assert found(write_repo({rel: _fee(period="2026-12")})) == [("RECORD-FILENAME", rel, 1, 9)]


# --- references -----------------------------------------------------------------------------


def test_member_org_missing(write_repo: WriteRepo) -> None:
    rel = "party/members/M0002.yaml"
    [f] = findings(write_repo({rel: _member(org="O09")}))
    assert (f.code, f.file, f.line, f.column, f.path) == ("REF-MISSING", rel, 4, 6, ("org",))


def test_fee_references_missing(write_repo: WriteRepo) -> None:
    repo = write_repo({FEE: _fee(collector="M0404", member="M0999").replace("org: O02",
                                                                          "org: O77")})
    assert found(repo) == [
        ("REF-MISSING", FEE, 2, 6),     # org
        ("REF-MISSING", FEE, 3, 12),    # collector
        ("REF-MISSING", FEE, 5, 14),    # entries.0.member
    ]


def test_every_entry_naming_a_missing_member_is_reported(write_repo: WriteRepo) -> None:
    bad = _fee(member="M0999") + (
        '  - {member: M0001, months: [2026-11], amount: "5.00", paid_on: 2026-11-05}\n'
        '  - {member: M0999, months: [2026-10], amount: "5.00", paid_on: 2026-11-05}\n')
    assert found(write_repo({FEE: bad})) == [
        ("REF-MISSING", FEE, 5, 14),
        ("REF-MISSING", FEE, 7, 14),
    ]


def test_voucher_fund_missing(write_repo: WriteRepo) -> None:
    assert found(write_repo({VOUCHER: _voucher(fund="F09")})) == [("REF-MISSING", VOUCHER, 3, 7)]
    assert found(write_repo({VOUCHER: _voucher()})) == []


def test_org_parent_and_committee_missing(write_repo: WriteRepo) -> None:
    rel = "party/orgs/O03.yaml"
    org = ("id: O03\nname: 第二党支部\ntype: 党支部\nparent: O77\ncommittee:\n"
           "  - {member: M0404, post: 书记, from: 2024-01-01}\n"
           "  - member: M0001\n    post: 副书记\n    from: 2024-01-01\n")
    assert found(write_repo({rel: org})) == [
        ("REF-MISSING", rel, 4, 9),
        ("REF-MISSING", rel, 6, 14),
    ]
    assert found(write_repo({rel: org.replace("O77", "O01").replace("M0404", "M0001")})) == []


def test_disclosure_covers_any_kind_but_must_exist(write_repo: WriteRepo) -> None:
    rel = "disclosures/2026Q4-finance.yaml"
    text = ("id: 2026Q4-finance\nkind: 财务\nperiod: 2026Q4\nposted_on: 2026-10-15\n"
            "covers: [F01, {voucher}, M0001, O02]\nreviewed_by: [赵国强]\n")
    assert found(write_repo({rel: text.format(voucher="V2026-0404")})) == [
        ("REF-MISSING", rel, 5, 15)]
    assert found(write_repo({rel: text.format(voucher="V2026-0031"), VOUCHER: _voucher()})) == []


def test_reference_to_a_record_of_the_wrong_kind(write_repo: WriteRepo) -> None:
    org = ("id: O03\nname: 第二党支部\ntype: 党支部\nparent: M0001\n"
           "committee: [{member: F01, post: 书记, from: 2024-01-01}]\n")
    repo = write_repo({
        "party/members/M0002.yaml": _member(org="M0001"),
        "party/orgs/O03.yaml": org,
        VOUCHER: _voucher(fund="O02"),
        FEE: _fee(collector="O01"),
    })
    assert found(repo) == [
        ("REF-WRONG-KIND", VOUCHER, 3, 7),
        ("REF-WRONG-KIND", FEE, 3, 12),
        ("REF-WRONG-KIND", "party/members/M0002.yaml", 4, 6),
        ("REF-WRONG-KIND", "party/orgs/O03.yaml", 4, 9),
        ("REF-WRONG-KIND", "party/orgs/O03.yaml", 5, 22),
    ]


def test_a_reference_is_reported_once_per_place(write_repo: WriteRepo) -> None:
    # The same missing id in two fields of one file: two findings, each at its own value.
    repo = write_repo({FEE: _fee(collector="M0999", member="M0999")})
    assert found(repo) == [
        ("REF-MISSING", FEE, 3, 12),
        ("REF-MISSING", FEE, 5, 14),
    ]


# --- approvals (C8) -------------------------------------------------------------------------


def test_approval_by_someone_without_the_role(write_repo: WriteRepo) -> None:
    [f] = findings(write_repo({VOUCHER: _voucher(person="王敏")}))
    assert (f.code, f.file, f.line, f.column, f.path) == (
        "APPROVAL-ROLE", VOUCHER, 12, 13, ("approvals", 1, "person"))
    assert f.severity is Severity.ERROR


def test_approval_in_a_flow_mapping(write_repo: WriteRepo) -> None:
    bad = _voucher().replace("person: 赵国强", "person: 吴刚")
    assert found(write_repo({VOUCHER: bad})) == [("APPROVAL-ROLE", VOUCHER, 10, 28)]


def test_approval_by_a_role_that_does_not_exist(write_repo: WriteRepo) -> None:
    # The chain then also lacks its 书记 (C8).
    assert found(write_repo({VOUCHER: _voucher(role="主任")})) == [
        ("FIN-APPROVAL-CHAIN", VOUCHER, 10, 3), ("APPROVAL-ROLE", VOUCHER, 12, 13)]


@pytest.mark.parametrize(("override", "expected"), [
    ("checks: {APPROVAL-ROLE: warning}\n", [("APPROVAL-ROLE", Severity.WARNING)]),
    ("checks: {APPROVAL-ROLE: info}\n", [("APPROVAL-ROLE", Severity.INFO)]),
    ("checks:\n  APPROVAL-ROLE: 'off'\n", []),
    ("checks:\n  APPROVAL-ROLE: off\n", []),   # YAML 1.2: unquoted off is the text "off"
    ("checks: {REF-MISSING: 'off'}\n", [("APPROVAL-ROLE", Severity.ERROR)]),
])
def test_checks_in_cmty_yaml_change_the_severity(write_repo: WriteRepo, override: str,
                                                 expected: list[tuple[str, Severity]]) -> None:
    repo = write_repo({VOUCHER: _voucher(person="王敏")}, config=CONFIG + override)
    report = findings(repo)
    assert [(f.code, f.severity) for f in report] == expected
    assert all((f.file, f.line, f.column) == (VOUCHER, 12, 13) for f in report)


def test_override_applies_to_repository_wide_findings(write_repo: WriteRepo) -> None:
    repo = write_repo({"party/members/M0002.yaml": _member(org="O09")},
                      config=CONFIG + "checks: {REF-MISSING: warning}\n")
    [f] = findings(repo)
    assert (f.code, f.severity, f.line, f.column) == ("REF-MISSING", Severity.WARNING, 4, 6)


def test_yaml_outside_the_record_folders_and_other_files_inside_them(write_repo: WriteRepo
                                                                     ) -> None:
    repo = write_repo({
        "members/M0002.yaml": "id: M0002\n",           # saved in the wrong folder
        "party/members/M0003.yml.bak": "id: M0003\n",   # an editor's backup
        "party/members/.gitkeep": "",
        "notes.txt": "not a record, not in a record folder\n",
    })
    assert found(repo) == [
        ("FILE-OUTSIDE-FOLDERS", "members/M0002.yaml", 1, 1),
        ("FILE-NOT-YAML", "party/members/M0003.yml.bak", 1, 1),
    ]


def test_a_rule_that_raises_is_a_finding_and_the_others_still_run(
        write_repo: WriteRepo, monkeypatch: pytest.MonkeyPatch) -> None:
    from cmty import rules
    from cmty.rules.base import RecordContext, record_rule

    @record_rule("RULE-CRASHED", kinds=("member",))
    def broken(ctx: RecordContext) -> Iterator[Finding]:
        raise KeyError("boom")
        yield  # pragma: no cover - makes this a generator

    monkeypatch.setattr(rules, "RECORD_RULES", (*rules.RECORD_RULES, broken))
    repo = write_repo({"party/members/M0002.yaml": "id: M0002\nname: 李四\nsex: 女\norg: O09\n"
                       "status: 正式党员\ncategory: 直接管理\n"})
    found_codes = [(code, file) for code, file, _, _ in found(repo)]
    assert ("RULE-CRASHED", "party/members/M0001.yaml") in found_codes
    assert ("REF-MISSING", "party/members/M0002.yaml") in found_codes
