"""Schema checks of one record: required, unknown, enum, type, pattern, formats, identifiers."""

from __future__ import annotations

from datetime import date

import pytest

from cmty.findings import Severity
from cmty.validate import validate_repo
from tests.conftest import WriteRepo, findings, found

MEMBER = "party/members/M0002.yaml"
FEE = "party/fees/2026-11.yaml"
FUND = "finance/funds/F02.yaml"
GOOD = "id: M0002\nname: 李秀英\nsex: 女\norg: O02\nstatus: 正式党员\ncategory: 直接管理\n"


# --- required -------------------------------------------------------------------------------


def test_missing_required_field_is_located_at_the_record_start(write_repo: WriteRepo) -> None:
    bad = GOOD.replace("category: 直接管理\n", "")
    [f] = findings(write_repo({MEMBER: bad}))
    assert (f.code, f.file, f.line, f.column) == ("SCHEMA-REQUIRED", MEMBER, 1, 1)
    assert f.path == ()
    assert found(write_repo({MEMBER: GOOD})) == []


def test_each_missing_field_is_one_finding(write_repo: WriteRepo) -> None:
    assert found(write_repo({MEMBER: "# 新党员\nid: M0002\nname: 李秀英\n"})) == [
        ("SCHEMA-REQUIRED", MEMBER, 2, 1)] * 4


def test_missing_nested_field_is_located_at_the_parent_key(write_repo: WriteRepo) -> None:
    bad = GOOD + ('fee_basis:\n  - from: 2026-11\n    kind: farmer\n'
                  '    exemption: {amount: "0.10"}\n')
    [f] = findings(write_repo({MEMBER: bad}))
    assert (f.code, f.file, f.line, f.column) == ("SCHEMA-REQUIRED", MEMBER, 10, 5)
    assert f.path == ("fee_basis", 0, "exemption")
    good = bad.replace('{amount: "0.10"}', '{amount: "0.10", approval: 某党委〔2026〕3号}')
    assert found(write_repo({MEMBER: good})) == []


def test_missing_field_of_a_list_item_is_located_at_the_item(write_repo: WriteRepo) -> None:
    bad = ("period: 2026-11\ncollector: M0001\nentries:\n"
           '  - {member: M0001, months: [2026-11], amount: "5.00"}\n'
           "  - member: M0001\n    months: [2026-10]\n    paid_on: 2026-11-05\n")
    assert found(write_repo({FEE: bad})) == [
        ("SCHEMA-REQUIRED", FEE, 4, 5),
        ("SCHEMA-REQUIRED", FEE, 5, 5),
    ]


# --- unknown, enum, type, pattern -----------------------------------------------------------


def test_unknown_field_is_located_at_the_key(write_repo: WriteRepo) -> None:
    bad = GOOD + "phone: 本人\n"
    [f] = findings(write_repo({MEMBER: bad}))
    assert (f.code, f.file, f.line, f.column) == ("SCHEMA-UNKNOWN-FIELD", MEMBER, 7, 1)
    assert f.path == ("phone",)


def test_unknown_nested_fields_are_located_at_their_keys(write_repo: WriteRepo) -> None:
    bad = GOOD + "stages: {applied: 2020-01-01, joined: 2021-01-01}\nnote: x\nremark: y\n"
    assert found(write_repo({MEMBER: bad})) == [
        ("SCHEMA-UNKNOWN-FIELD", MEMBER, 7, 31),
        ("SCHEMA-UNKNOWN-FIELD", MEMBER, 9, 1),
    ]


def test_enum_is_located_at_the_value(write_repo: WriteRepo) -> None:
    assert found(write_repo({MEMBER: GOOD.replace("status: 正式党员", "status:   党员")})) == [
        ("SCHEMA-ENUM", MEMBER, 5, 11)]


def test_enum_inside_a_flow_list_item(write_repo: WriteRepo) -> None:
    bad = ("period: 2026-11\ncollector: M0001\n"
           'entries: [{member: M0001, months: [2026-11], amount: "5.00", paid_on: 2026-11-05, '
           "method: 信用卡}]\n")
    assert found(write_repo({FEE: bad})) == [("SCHEMA-ENUM", FEE, 3, 91)]


def test_wrong_type(write_repo: WriteRepo) -> None:
    bad = GOOD + "stages: [2020-01-01]\nfee_basis: {from: 2026-01, kind: farmer}\n"
    assert found(write_repo({MEMBER: bad})) == [
        ("SCHEMA-TYPE", MEMBER, 7, 9),
        ("SCHEMA-TYPE", MEMBER, 8, 12),
    ]


def test_text_where_a_boolean_is_meant_is_a_type_error(write_repo: WriteRepo) -> None:
    fund = 'id: F02\nname: 党建经费\nearmarked: "yes"\npurposes: [活动经费]\nopening_balance: "0.00"\n'
    assert found(write_repo({FUND: fund})) == [("SCHEMA-TYPE", FUND, 3, 12)]
    assert found(write_repo({FUND: fund.replace('"yes"', "true")})) == []


def test_id_pattern(write_repo: WriteRepo) -> None:
    bad = GOOD.replace("M0002", "m2")
    assert found(write_repo({"party/members/m2.yaml": bad})) == [
        ("SCHEMA-PATTERN", "party/members/m2.yaml", 1, 5)]


@pytest.mark.parametrize(("rel", "text"), [
    ("party/orgs/O3.yaml", "id: O3\nname: 第三党支部\ntype: 党支部\n"),
    ("finance/funds/F1.yaml", 'id: F1\nname: 经费\nearmarked: false\nopening_balance: "0.00"\n'),
    ("finance/vouchers/V26-1.yaml", "id: V26-1\ndate: 2026-10-12\nfund: F01\ntype: expense\n"
     'lines: [{category: 办公费, amount: "1.00"}]\ndocument: {type: 发票}\npayment: cash\n'
     "handler: 王敏\napprovals: [{role: 民主理财小组, person: 赵国强, on: 2026-10-13}, "
     "{role: 书记, person: 刘建华, on: 2026-10-13}]\n"),
])
def test_id_pattern_of_other_kinds(write_repo: WriteRepo, rel: str, text: str) -> None:
    assert found(write_repo({rel: text})) == [("SCHEMA-PATTERN", rel, 1, 5)]


# --- money, month, date ---------------------------------------------------------------------


@pytest.mark.parametrize("amount", ['"1.234"', '"-5.00"', '"1,000.00"', '"05.00"', '"¥5"', '""'])
def test_money_format_in_a_flow_mapping_is_located_at_the_value(write_repo: WriteRepo,
                                                                amount: str) -> None:
    bad = ("period: 2026-11\ncollector: M0001\nentries:\n"
           f"  - {{member: M0001, months: [2026-11], amount: {amount}, paid_on: 2026-11-05}}\n")
    assert found(write_repo({FEE: bad})) == [("MONEY-FORMAT", FEE, 4, 48)]


@pytest.mark.parametrize("amount", ['"0"', '"0.5"', '"102.00"', '"999999999999.99"'])
def test_money_that_is_fine(write_repo: WriteRepo, amount: str) -> None:
    ok = ("period: 2026-11\ncollector: M0001\nentries:\n"
          f"  - {{member: M0001, months: [2026-11], amount: {amount}, paid_on: 2026-11-05}}\n")
    assert found(write_repo({FEE: ok})) == []


def test_money_format_in_block_style_and_in_other_kinds(write_repo: WriteRepo) -> None:
    bad = GOOD + ('fee_basis:\n  - from: 2026-01\n    kind: in-service\n    base: "5000.001"\n')
    fund = 'id: F02\nname: 党建经费\nearmarked: false\nopening_balance: "-1.00"\n'
    assert found(write_repo({MEMBER: bad, FUND: fund})) == [
        ("MONEY-FORMAT", FUND, 4, 18),
        ("MONEY-FORMAT", MEMBER, 10, 11),
    ]


def test_month_format(write_repo: WriteRepo) -> None:
    bad = ("period: 2026-11\ncollector: M0001\nentries:\n"
           '  - {member: M0001, months: [2026-11, 2026-13], amount: "5.00", paid_on: 2026-11-05}\n')
    assert found(write_repo({FEE: bad})) == [("MONTH-FORMAT", FEE, 4, 39)]
    assert found(write_repo({FEE: bad.replace("2026-13", "2026-10")})) == []


def test_month_format_of_a_fee_file_period(write_repo: WriteRepo) -> None:
    rel = "party/fees/2026-13.yaml"
    bad = ('period: 2026-13\ncollector: M0001\n'
           'entries: [{member: M0001, months: [2026-11], amount: "5.00", paid_on: 2026-11-05}]\n')
    assert found(write_repo({rel: bad})) == [("MONTH-FORMAT", rel, 1, 9)]


@pytest.mark.parametrize("day", ["2026-02-29", "2026-11-31", "2026-1-5", "26-11-05", "2026/11/05"])
def test_date_format(write_repo: WriteRepo, day: str) -> None:
    bad = GOOD + f"stages:\n  applied: {day}\n"
    assert found(write_repo({MEMBER: bad})) == [("DATE-FORMAT", MEMBER, 8, 12)]


def test_period_format(write_repo: WriteRepo) -> None:
    rel = "disclosures/2026Q4-finance.yaml"
    text = "id: 2026Q4-finance\nkind: 财务\nperiod: {period}\nposted_on: 2026-10-15\ncovers: [F01]\n"
    text += "reviewed_by: [赵国强]\n"
    assert found(write_repo({rel: text.format(period="2026Q4")})) == []
    assert found(write_repo({rel: text.format(period="2026Q5")})) == [
        ("PERIOD-FORMAT", rel, 3, 9)]


# --- requirements that depend on other fields -----------------------------------------------


@pytest.mark.parametrize(("category", "missing"), [
    ("双重管理", 1),   # workplace_org
    ("共同管理", 1),   # workplace_org
    ("协助管理", 2),   # home_org, contact
    ("委托管理", 1),   # service_center
])
def test_category_dependent_requirements(write_repo: WriteRepo, category: str, missing: int
                                         ) -> None:
    bad = GOOD.replace("直接管理", category)
    assert found(write_repo({MEMBER: bad})) == [("SCHEMA-REQUIRED", MEMBER, 1, 1)] * missing


@pytest.mark.parametrize(("category", "extra"), [
    ("双重管理", "workplace_org: 某公司党支部\n"),
    ("共同管理", "workplace_org: 某公司党支部\n"),
    ("协助管理", 'home_org: 某县某村党支部\ncontact: "13905361234"\n'),
    ("委托管理", "service_center: 某街道党群服务中心\n"),
])
def test_category_dependent_requirements_met(write_repo: WriteRepo, category: str, extra: str
                                             ) -> None:
    assert found(write_repo({MEMBER: GOOD.replace("直接管理", category) + extra})) == []


def test_assisted_member_with_home_org_still_needs_contact(write_repo: WriteRepo) -> None:
    bad = GOOD.replace("直接管理", "协助管理") + "home_org: 某县某村党支部\n"
    [f] = findings(write_repo({MEMBER: bad}))
    assert (f.code, f.line, f.column, f.path) == ("SCHEMA-REQUIRED", 1, 1, ())


def test_in_service_fee_basis_needs_a_base(write_repo: WriteRepo) -> None:
    bad = GOOD + ("fee_basis:\n  - from: 2026-09\n    kind: in-service\n"
                  "  - {from: 2026-10, kind: 离退休}\n  - {from: 2026-11, kind: farmer}\n")
    assert found(write_repo({MEMBER: bad})) == [
        ("SCHEMA-REQUIRED", MEMBER, 8, 5),
        ("SCHEMA-REQUIRED", MEMBER, 10, 5),
    ]
    good = GOOD + ('fee_basis:\n  - from: 2026-09\n    kind: in-service\n    base: "5000.00"\n'
                   '  - {from: 2026-10, kind: 离退休, base: "3000.00"}\n'
                   "  - {from: 2026-11, kind: farmer}\n")
    assert found(write_repo({MEMBER: good})) == []


def test_earmarked_fund_needs_purposes(write_repo: WriteRepo) -> None:
    bad = 'id: F02\nname: 党建经费\nearmarked: true\nopening_balance: "0.00"\n'
    assert found(write_repo({FUND: bad})) == [("SCHEMA-REQUIRED", FUND, 1, 1)]
    assert found(write_repo({FUND: bad.replace("true", "false")})) == []
    assert found(write_repo({FUND: bad + "purposes: [活动经费]\n"})) == []


# --- identifiers inside records -------------------------------------------------------------


@pytest.mark.parametrize(("field", "value", "codes"), [
    ("id_number", "370102199001011237", ["ID-CHECKSUM"]),
    ("id_number", "110105194902300026", ["ID-CHECKSUM", "ID-DATE"]),   # 30 February
    ("id_number", "110105194902300020", ["ID-DATE"]),                  # right check digit
    ("id_number", "11010519491231002", ["ID-LENGTH"]),
    ("id_number", "11010519491231002x", ["ID-LOWERCASE-X"]),
    ("id_number", "110105491231002", ["ID-LEGACY-15"]),
    ("mobile", "1390536123", ["MOBILE-FORMAT"]),
    ("mobile", "12905361234", ["MOBILE-FORMAT"]),
    ("mobile", "１３９０５３６１２３４", ["MOBILE-FORMAT"]),
    ("mobile", "+86 139-0536-1234", ["MOBILE-NORMALISE"]),
    ("mobile", "139 0536 1234", ["MOBILE-NORMALISE"]),
])
def test_identifiers_are_located_at_the_value(write_repo: WriteRepo, field: str, value: str,
                                              codes: list[str]) -> None:
    bad = GOOD + f'{field}:  "{value}"\n'
    column = len(field) + 4
    assert found(write_repo({MEMBER: bad})) == [(c, MEMBER, 7, column) for c in codes]


def test_identifier_warnings_are_warnings(write_repo: WriteRepo) -> None:
    bad = GOOD + 'id_number: "11010519491231002x"\nmobile: "139 0536 1234"\n'
    report = findings(write_repo({MEMBER: bad}))
    assert [(f.code, f.severity) for f in report] == [
        ("ID-LOWERCASE-X", Severity.WARNING),
        ("MOBILE-NORMALISE", Severity.WARNING),
    ]
    good = GOOD + 'id_number: "11010519491231002X"\nmobile: "13905361234"\n'
    assert found(write_repo({MEMBER: good})) == []


def test_identifiers_in_a_flow_mapping_are_located_at_the_value(write_repo: WriteRepo) -> None:
    bad = ("{id: M0002, name: 李秀英, sex: 女, org: O02, status: 正式党员, category: 直接管理, "
           'mobile: "139 0536 1234", id_number: "370102199001011237"}\n')
    assert found(write_repo({MEMBER: bad})) == [
        ("MOBILE-NORMALISE", MEMBER, 1, 80),
        ("ID-CHECKSUM", MEMBER, 1, 108),
    ]


def test_identifiers_in_a_flow_list_of_mappings(write_repo: WriteRepo) -> None:
    rel = "party/fees/2026-11.yaml"
    bad = ("period: 2026-11\ncollector: M0001\nentries:\n"
           '  - {member: M0001, amount: "1.234", months: [2026-11], paid_on: 2026-11-05}\n')
    assert found(write_repo({rel: bad})) == [("MONEY-FORMAT", rel, 4, 29)]


def test_birth_date_in_id_number_is_judged_against_the_given_today(write_repo: WriteRepo) -> None:
    # Born 2099-12-15 (correct check digit); on 2100-01-01 that is in the past.
    repo = write_repo({MEMBER: GOOD + 'id_number: "110105209912150029"\n'})
    report = validate_repo(repo, use_cache=False, today=date(2100, 1, 1))
    assert [(f.code, f.line, f.column) for f in report.findings] == []
