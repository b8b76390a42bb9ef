"""The validator on small inline repositories: codes and locations, not prose."""

from __future__ import annotations

from tests.conftest import WriteRepo, found


def test_minimal_repository_is_clean(write_repo: WriteRepo) -> None:
    assert found(write_repo({})) == []


def test_unquoted_mobile_is_coerced_with_quote_hint(write_repo: WriteRepo) -> None:
    repo = write_repo({"party/members/M0002.yaml": """\
        id: M0002
        name: 李秀英
        sex: 女
        mobile: 13905361234
        org: O02
        status: 正式党员
        category: 直接管理
        """})
    report = found(repo)
    assert report == [("YAML-COERCED", "party/members/M0002.yaml", 4, 9)]


def test_leading_zero_number_hint_shows_the_text_as_written(write_repo: WriteRepo) -> None:
    from tests.conftest import findings

    repo = write_repo({"finance/vouchers/V2026-0001.yaml": """\
        id: V2026-0001
        date: 2026-10-12
        fund: F01
        type: expense
        lines: [{category: 办公费, amount: "356.00"}]
        document: {type: 发票, number: 0123}
        payment: cash
        handler: 王敏
        approvals: [{role: 民主理财小组, person: 赵国强, on: 2026-10-13},
                    {role: 书记, person: 刘建华, on: 2026-10-13}]
        """})
    [finding] = findings(repo)
    assert (finding.code, finding.line, finding.column) == ("YAML-COERCED", 6, 30)
    assert finding.hint.en == 'quote it: "0123"'
