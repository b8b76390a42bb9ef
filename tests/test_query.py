"""The query library behind `cmty list` and `cmty show`: select, filter, sort, mask, find."""

from __future__ import annotations

from decimal import Decimal

import pytest

from cmty.errors import RecordNotFoundError, UsageError
from cmty.query import find_record, select, shown
from cmty.repo import Repo
from tests.conftest import KIND_NAMES, WriteRepo

MEMBERS = {
    "party/orgs/O03.yaml": "id: O03\nname: 第二党支部\ntype: 党支部\nparent: O01\n"
                           "term: {start: 2026-03-20, end: 2031-03-20}\n",
    "party/members/M0002.yaml": """\
        id: M0002
        name: 欧阳修文
        sex: 女
        mobile: "13800001111"
        org: O02
        status: 预备党员
        category: 直接管理
        """,
    "party/members/M0003.yaml": """\
        id: M0003
        name: 张三
        sex: 男
        mobile: "13700002222"
        org: O03
        status: 正式党员
        category: 直接管理
        """,
    "party/members/M0004.yaml": """\
        id: M0004
        name: 李秀英
        sex: 女
        org: O02
        status: 正式党员
        category: 直接管理
        """,
}

FUNDS = {
    "finance/funds/F02.yaml": 'id: F02\nname: 党建活动经费\nearmarked: false\nopening_balance: "200.00"\n',
    "finance/funds/F03.yaml": 'id: F03\nname: 集体收入\nearmarked: false\nopening_balance: "1000.00"\n',
}

VOUCHERS = {
    "finance/vouchers/V2026-0001.yaml": """\
        id: V2026-0001
        date: 2026-03-02
        fund: F01
        type: expense
        lines:
          - {category: 办公费, amount: "120.50"}
          - {category: 活动经费, amount: "79.50"}
        counterparty: 欧阳修文
        document: {type: 发票, number: "0001"}
        payment: cash
        handler: 王敏
        """,
    "finance/vouchers/V2026-0002.yaml": """\
        id: V2026-0002
        date: 2026-03-05
        fund: F01
        type: expense
        lines:
          - {category: 办公费, amount: "0.10"}
          - {category: 办公费, amount: "0.20"}
          - {category: 办公费, amount: "1000"}
        counterparty: 济南佳美办公家具有限公司
        document: {type: 收据}
        payment: bank
        handler: 王敏
        """,
}

FEES = {
    "party/fees/2026-10.yaml": """\
        period: 2026-10
        org: O02
        collector: M0001
        entries:
          - {member: M0001, months: [2026-10], amount: "50.00", paid_on: 2026-10-08}
          - {member: M0002, months: [2026-10], amount: "0.20", paid_on: 2026-10-09}
        """,
    "party/fees/2026-11.yaml": """\
        period: 2026-11
        org: O02
        collector: M0001
        entries:
          - {member: M0001, months: [2026-11], amount: "50.00", paid_on: 2026-11-08}
          - {member: M0002, months: [2026-11], amount: "0.20", paid_on: 2026-11-09, paid_by: 欧阳修武}
          - {member: M0004, months: [2026-11], amount: "3.00", paid_on: 2026-11-09}
        """,
    "party/fees/O03/2026-11.yaml": """\
        period: 2026-11
        org: O03
        collector: M0003
        entries: []
        """,
}

DISCLOSURES = {
    "disclosures/2026Q4-finance.yaml": """\
        # 年底前先公开10—11月收支
        id: 2026Q4-finance
        kind: 财务
        period: 2026Q4
        posted_on: 2026-11-27
        covers: [V2026-0001, V2026-0002]
        """,
}

ALL = {**MEMBERS, **FUNDS, **VOUCHERS, **FEES, **DISCLOSURES}


@pytest.fixture
def repo(write_repo: WriteRepo) -> Repo:
    return write_repo(ALL)


# --- list: columns, masking, filtering --------------------------------------------------------


MEMBER_HEADER = ["id", "name", "sex", "org", "status", "category", "mobile"]


def test_members_of_an_org_sorted_by_name_masked(repo: Repo) -> None:
    header, rows = select(repo, "member", where=["org=O02"], sort="name")
    assert header == MEMBER_HEADER
    # 刘 U+5218 < 李 U+674E < 欧 U+6B27: sorted by the (unmasked) name's code points.
    assert rows == [
        ["M0001", "刘*华", "男", "O02", "正式党员", "直接管理", "139****1234"],
        ["M0004", "李*英", "女", "O02", "正式党员", "直接管理", None],
        ["M0002", "欧阳**", "女", "O02", "预备党员", "直接管理", "138****1111"],
    ]


def test_reveal_shows_personal_fields(repo: Repo) -> None:
    header, rows = select(repo, "member", where=["org=O02"], sort="name", reveal=True)
    assert header == MEMBER_HEADER
    assert rows == [
        ["M0001", "刘建华", "男", "O02", "正式党员", "直接管理", "13905361234"],
        ["M0004", "李秀英", "女", "O02", "正式党员", "直接管理", None],
        ["M0002", "欧阳修文", "女", "O02", "预备党员", "直接管理", "13800001111"],
    ]


def test_default_order_is_file_order(repo: Repo) -> None:
    _, rows = select(repo, "member")
    assert [r[0] for r in rows] == ["M0001", "M0002", "M0003", "M0004"]


def test_several_where_clauses_all_apply(repo: Repo) -> None:
    _, rows = select(repo, "member", where=["org=O02", "sex=女"], sort="id")
    assert [r[0] for r in rows] == ["M0002", "M0004"]
    _, rows = select(repo, "member", where=[" org = O02 ", "status=预备党员"])
    assert [r[0] for r in rows] == ["M0002"]


def test_where_matching_nothing(repo: Repo) -> None:
    assert select(repo, "member", where=["org=O99"]) == (MEMBER_HEADER, [])
    # a missing field never matches, not even an empty value
    assert select(repo, "member", where=["mobile="]) == (MEMBER_HEADER, [])


def test_where_on_a_nested_dotted_field(repo: Repo) -> None:
    header, rows = select(repo, "org", where=["term.end=2031-03-20"])
    assert header == ["id", "name", "type", "parent", "term.end"]
    assert rows == [["O03", "第二党支部", "党支部", "O01", "2031-03-20"]]
    _, rows = select(repo, "voucher", where=["document.type=收据"])
    assert [r[0] for r in rows] == ["V2026-0002"]
    _, rows = select(repo, "voucher", where=["lines.1.category=活动经费"])  # list index
    assert [r[0] for r in rows] == ["V2026-0001"]


def test_where_on_a_boolean(repo: Repo) -> None:
    header, rows = select(repo, "fund", where=["earmarked=true"])
    assert header == ["id", "name", "earmarked", "opening_balance"]
    assert rows == [["F01", "服务群众经费", True, "10000.00"]]
    _, rows = select(repo, "fund", where=["earmarked=false"])
    assert [r[0] for r in rows] == ["F02", "F03"]
    _, rows = select(repo, "fund", where=["earmarked=True"])
    assert [r[0] for r in rows] == ["F01"]
    assert select(repo, "fund", where=["earmarked=1"])[1] == []


def test_where_on_a_computed_column(repo: Repo) -> None:
    _, rows = select(repo, "fee", where=["entries=3"])
    assert [r[0] for r in rows] == ["2026-11"]
    _, rows = select(repo, "voucher", where=["total=200.00"])
    assert [r[0] for r in rows] == ["V2026-0001"]


# --- sorting ----------------------------------------------------------------------------------


def test_sort_by_money_is_numeric(repo: Repo) -> None:
    _, rows = select(repo, "fund", sort="opening_balance")
    assert [(r[0], r[3]) for r in rows] == [("F02", "200.00"), ("F03", "1000.00"), ("F01", "10000.00")]


def test_sort_puts_missing_values_last(repo: Repo) -> None:
    _, rows = select(repo, "member", sort="mobile", reveal=True)
    assert [r[6] for r in rows] == ["13700002222", "13800001111", "13905361234", None]


def test_sort_by_computed_total(repo: Repo) -> None:
    _, rows = select(repo, "voucher", sort="total")
    assert [(r[0], r[4]) for r in rows] == [("V2026-0001", "200.00"), ("V2026-0002", "1000.30")]


def test_sort_by_a_text_field_that_reads_as_nan(write_repo: WriteRepo) -> None:
    repo = write_repo({
        "party/members/M0002.yaml": "id: M0002\nname: 张三\nnote: NaN\n",
        "party/members/M0003.yaml": "id: M0003\nname: 李四\nnote: '12'\n",
    })
    try:
        _, rows = select(repo, "member", sort="note", columns=["id", "note"])
    except ArithmeticError as exc:
        raise AssertionError(f"select crashed: {exc!r}") from exc
    assert rows == [["M0003", "12"], ["M0002", "NaN"], ["M0001", None]]


# --- computed columns -------------------------------------------------------------------------


def test_voucher_total_sums_the_lines_exactly(repo: Repo) -> None:
    header, rows = select(repo, "voucher")
    assert header == ["id", "date", "fund", "type", "total", "counterparty", "payment"]
    assert rows == [
        ["V2026-0001", "2026-03-02", "F01", "expense", "200.00", "欧阳**", "cash"],
        ["V2026-0002", "2026-03-05", "F01", "expense", "1000.30", "济" + "*" * 11, "bank"],
    ]
    # exactly the Decimal sum, not a float's 1000.3000000000001
    assert rows[1][4] == str(Decimal("0.10") + Decimal("0.20") + Decimal("1000"))


def test_voucher_total_of_unreadable_lines_is_empty(write_repo: WriteRepo) -> None:
    repo = write_repo({
        "finance/vouchers/V2026-0001.yaml": 'id: V2026-0001\nlines: [{amount: "abc"}]\n',
        "finance/vouchers/V2026-0002.yaml": "id: V2026-0002\nlines: [not a mapping]\n",
        "finance/vouchers/V2026-0003.yaml": "id: V2026-0003\nlines: [{category: x}]\n",
    })
    assert select(repo, "voucher", columns=["id", "total"])[1] == [
        ["V2026-0001", None], ["V2026-0002", None], ["V2026-0003", "0"]]


def test_voucher_total_when_lines_is_not_a_list(write_repo: WriteRepo) -> None:
    repo = write_repo({"finance/vouchers/V2026-0001.yaml": "id: V2026-0001\nlines:\n"})
    assert select(repo, "voucher", columns=["id", "total"])[1] == [["V2026-0001", None]]


def test_fee_entries_column_counts_entries(repo: Repo) -> None:
    header, rows = select(repo, "fee")
    assert header == ["id", "period", "org", "collector", "entries"]
    assert rows == [
        ["2026-10", "2026-10", "O02", "M0001", 2],
        ["2026-11", "2026-11", "O02", "M0001", 3],
        ["O03/2026-11", "2026-11", "O03", "M0003", 0],
    ]


def test_explicit_columns(repo: Repo) -> None:
    header, rows = select(repo, "member", columns=["id", "name", "nope"], where=["id=M0003"])
    assert (header, rows) == (["id", "name", "nope"], [["M0003", "张*", None]])


def test_disclosure_columns(repo: Repo) -> None:
    assert select(repo, "disclosure") == (
        ["id", "kind", "period", "posted_on", "taken_down_on"],
        [["2026Q4-finance", "财务", "2026Q4", "2026-11-27", None]])


# --- errors -----------------------------------------------------------------------------------


@pytest.mark.parametrize("clause", ["org", "=O02", ""])
def test_bad_where_clause_is_a_usage_error(repo: Repo, clause: str) -> None:
    with pytest.raises(UsageError) as info:
        select(repo, "member", where=[clause])
    assert info.value.message.en == f"--where takes FIELD=VALUE, not {clause!r}"
    assert info.value.message.zh == f"--where 应写成 字段=值，而不是 {clause!r}"
    assert info.value.hint is not None and info.value.hint.en == "for example --where org=O02"
    assert int(info.value.exit_code) == 2


def test_unknown_kind_lists_the_kinds(repo: Repo) -> None:
    with pytest.raises(UsageError) as info:
        select(repo, "members")
    assert info.value.message.en == \
        f"no record kind members; use one of: {KIND_NAMES}"
    assert info.value.message.zh == \
        f"没有 members 这种记录；可选：{KIND_NAMES}"


def test_broken_files_are_skipped(write_repo: WriteRepo) -> None:
    repo = write_repo({
        **MEMBERS,
        "party/members/M0005.yaml": "id: M0005\nname: [unclosed\n",  # syntax error
        "party/members/M0006.yaml": "- id: M0006\n",  # a list, not a mapping
        "party/members/M0007.yaml": "id: M0007\nid: M0008\n",  # duplicate key
        "party/members/M0008.yaml": "id: M0008\nname: 王五\n".encode("gbk"),  # not UTF-8
        "party/members/M0009.yaml": b"\x00\x01binary",
        "party/members/M0010.yaml": "<<<<<<< HEAD\nid: M0010\n=======\nid: M0011\n>>>>>>> b\n",
        "party/members/M0012.yaml": "",  # empty
        "party/members/M0013.yaml": "\ufeffid: M0013\nname: 赵六\n",  # BOM: readable
    })
    _, rows = select(repo, "member", columns=["id", "name"])
    assert rows == [["M0001", "刘*华"], ["M0002", "欧阳**"], ["M0003", "张*"],
                    ["M0004", "李*英"], ["M0013", "赵*"]]


def test_an_empty_repository_lists_nothing(write_repo: WriteRepo) -> None:
    repo = write_repo({}, base=False)
    assert select(repo, "voucher") == (["id", "date", "fund", "type", "total", "counterparty",
                                        "payment"], [])


# --- find_record and shown ---------------------------------------------------------------------


@pytest.mark.parametrize(("record_id", "kind", "file"), [
    ("O02", "org", "party/orgs/O02.yaml"),
    ("M0001", "member", "party/members/M0001.yaml"),
    ("F01", "fund", "finance/funds/F01.yaml"),
    ("V2026-0002", "voucher", "finance/vouchers/V2026-0002.yaml"),
    ("2026-11", "fee", "party/fees/2026-11.yaml"),
    ("O03/2026-11", "fee", "party/fees/O03/2026-11.yaml"),
    ("2026Q4-finance", "disclosure", "disclosures/2026Q4-finance.yaml"),
])
def test_find_record_in_each_kind(repo: Repo, record_id: str, kind: str, file: str) -> None:
    record = find_record(repo, record_id)
    assert (record.kind, record.id, record.file) == (kind, record_id, file)


def test_find_record_data(repo: Repo) -> None:
    record = find_record(repo, "2026-11")
    assert record.data["period"] == "2026-11"
    assert [e["member"] for e in record.data["entries"]] == ["M0001", "M0002", "M0004"]
    assert find_record(repo, "M0002").data == {
        "id": "M0002", "name": "欧阳修文", "sex": "女", "mobile": "13800001111", "org": "O02",
        "status": "预备党员", "category": "直接管理"}


def test_find_record_in_a_sub_folder(write_repo: WriteRepo) -> None:
    repo = write_repo({"party/members/O02/M0007.yaml": "id: M0007\nname: 孙浩然\n"})
    record = find_record(repo, "M0007")
    assert (record.kind, record.file) == ("member", "party/members/O02/M0007.yaml")


@pytest.mark.parametrize("record_id", ["", "../members/M0001", "/etc/passwd", "M0001/../../x"])
def test_a_path_is_not_an_id(repo: Repo, record_id: str) -> None:
    with pytest.raises(UsageError) as info:
        find_record(repo, record_id)
    assert info.value.message.en == f"{record_id!r} is not a record id"


@pytest.mark.parametrize("record_id", ["NOPE", "M9999", "2026-12", "m0001"])
def test_unknown_id_raises_record_not_found(repo: Repo, record_id: str) -> None:
    with pytest.raises(RecordNotFoundError) as info:
        find_record(repo, record_id)
    assert info.value.message.en == f"no record has id {record_id}"
    assert info.value.message.zh == f"没有编号为 {record_id} 的记录"
    assert int(info.value.exit_code) == 2


def test_an_unreadable_record_is_not_found(write_repo: WriteRepo) -> None:
    repo = write_repo({"party/members/M0005.yaml": "id: M0005\nname: [unclosed\n"})
    with pytest.raises(RecordNotFoundError):
        find_record(repo, "M0005")


def test_shown_masks_unless_revealed(repo: Repo) -> None:
    record = find_record(repo, "M0001")
    assert shown(record, reveal=True) is record.data
    assert shown(record, reveal=False) == {
        "id": "M0001", "name": "刘*华", "sex": "男", "id_number": "11*************02X",
        "mobile": "139****1234", "org": "O02", "status": "正式党员", "category": "直接管理"}
    assert record.data["name"] == "刘建华"  # masking left the loaded record alone
    fee = shown(find_record(repo, "2026-11"), reveal=False)
    assert [e.get("paid_by") for e in fee["entries"]] == [None, "欧阳**", None]
