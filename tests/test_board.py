"""`cmty board finance`: the period's finance board from the books (§5), pinned on the sample
data in both languages, refused when it would leak personal data or disagree with the books."""

from __future__ import annotations

import re
import shutil
from decimal import Decimal
from pathlib import Path

import pytest

from cmty.cli import _boundary, app
from tests.conftest import SAMPLE as SAMPLE_DIR
from tests.conftest import assert_golden


def run(capsys: pytest.CaptureFixture[str], root: Path, *args: str) -> tuple[int, str, str]:
    code = _boundary.run(app, ["--repo", str(root), "board", "finance", *args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize(("lang", "golden"), [("zh", "board-2026Q3-finance.zh.md"),
                                              ("en", "board-2026Q3-finance.en.md")])
def test_the_sample_board_is_pinned(capsys: pytest.CaptureFixture[str], sample: Path, lang: str,
                                    golden: str) -> None:
    code, out, err = run(capsys, sample, "--period", "2026Q3", "--lang", lang)
    assert (code, err) == (0, "")
    assert_golden(golden, out)


def test_every_table_row_has_the_header_s_columns(capsys: pytest.CaptureFixture[str], sample: Path) -> None:
    """GFM: a row with more or fewer cells than the header breaks the table (`|` in a cell is
    escaped)."""
    _, out, _ = run(capsys, sample, "--period", "2026Q3")
    tables = [line for line in out.splitlines() if line.startswith("|")]
    cells = {len(re.split(r"(?<!\\)\|", line)) for line in tables}
    assert len(tables) == 15 and cells == {9}  # F01: header, rule, 7 lines, total; F02: 2 lines


def test_the_board_balances_with_the_books(capsys: pytest.CaptureFixture[str], sample: Path) -> None:
    _, out, _ = run(capsys, sample, "--period", "2026Q3")
    assert "核对：期初 38492.35 + 收入 20000.00 − 支出 12867.50 = 期末 45624.85" in out
    assert "核对：期初 7435.50 + 收入 7000.00 − 支出 1560.00 = 期末 12875.50" in out


def test_a_board_that_would_leak_a_mobile_is_refused(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    root = tmp_path / "data"
    shutil.copytree(Path(__file__).resolve().parent.parent / "sample_data", root)
    voucher = root / "finance/vouchers/V2026-0022.yaml"
    voucher.write_text(voucher.read_text(encoding="utf-8").replace("空调清洗、加氟", "空调清洗，联系 13912345678"),
                       encoding="utf-8")
    code, out, err = run(capsys, root, "--period", "2026Q3", "--out", str(tmp_path / "boards"))
    assert (code, out) == (2, "")
    assert err == ("错误: finance 公开内容含不得公开的个人信息，未生成：第 11 行第 48 列 手机号 *******5678"
                   "（来自 V2026-0022，finance/vouchers/V2026-0022.yaml）\n"
                   "提示: 从所列记录的摘要、备注等文字中删去这些内容后重试\n")
    assert not (tmp_path / "boards").exists()


def test_stated_balances_that_disagree_with_the_books_are_refused(capsys: pytest.CaptureFixture[str],
                                                                  tmp_path: Path) -> None:
    root = tmp_path / "data"
    shutil.copytree(Path(__file__).resolve().parent.parent / "sample_data", root)
    record = root / "disclosures/2026Q3-finance.yaml"
    record.write_text(record.read_text(encoding="utf-8").replace('closing: "45624.85"', 'closing: "45000.00"'),
                      encoding="utf-8")
    code, _, err = run(capsys, root, "--period", "2026Q3", "--lang", "en")
    assert code == 2
    assert err.startswith("error: 2026Q3-finance states F01's closing balance as 45000.00; the books say 45624.85")


def test_the_board_is_written_into_the_folder_asked_for(capsys: pytest.CaptureFixture[str], sample: Path,
                                                       tmp_path: Path) -> None:
    code, out, _ = run(capsys, sample, "--period", "2026Q3", "--out", str(tmp_path / "boards"))
    written = tmp_path / "boards" / "2026Q3-finance.md"
    assert (code, out) == (0, f"{written}\n")
    assert written.read_text(encoding="utf-8").startswith("# 和园社区 2026Q3 财务公开\n")


def test_an_unknown_period_is_a_usage_error(capsys: pytest.CaptureFixture[str], sample: Path) -> None:
    code, _, err = run(capsys, sample, "--period", "Q3")
    assert code == 2 and "期间 'Q3' 无法识别" in err


def dues(capsys: pytest.CaptureFixture[str], root: Path, *args: str) -> tuple[int, str, str]:
    code = _boundary.run(app, ["--repo", str(root), "board", "dues", *args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize(("lang", "golden"), [("zh", "board-2026-dues.zh.md"), ("en", "board-2026-dues.en.md")])
def test_the_sample_dues_board_is_pinned(capsys: pytest.CaptureFixture[str], sample: Path, lang: str,
                                         golden: str) -> None:
    code, out, err = dues(capsys, sample, "--period", "2026", "--as-of", "2026-11-29", "--lang", lang)
    assert (code, err) == (0, "")
    assert_golden(golden, out)


def test_the_dues_board_names_who_has_not_paid_masked_and_leaves_out_the_month_in_progress(
        capsys: pytest.CaptureFixture[str], sample: Path) -> None:
    """F14: M0009 (张桂英) of the first branch did not pay for 2026-05; November is still running."""
    _, out, _ = dues(capsys, sample, "--period", "2026", "--as-of", "2026-11-29")
    assert "| 2026-05 |         20 |         19 |    95.0% |          1375.15 |          1353.85 | 张\\*英     |" in out
    assert "| 2026-11 " not in out and "张桂英" not in out
    _, december, _ = dues(capsys, sample, "--period", "2026", "--as-of", "2026-12-01")
    assert "| 2026-11 |" in december


@pytest.mark.parametrize(("lang", "golden"), [("zh", "board-2026-residents.zh.md"),
                                              ("en", "board-2026-residents.en.md")])
def test_the_sample_residents_board_is_pinned(capsys: pytest.CaptureFixture[str], sample: Path, lang: str,
                                              golden: str) -> None:
    code = _boundary.run(app, ["--repo", str(sample), "board", "residents", "--period", "2026", "--lang", lang])
    out, err = capsys.readouterr()
    assert (code, err) == (0, "")
    assert_golden(golden, out)


def test_complaints_are_counted_never_named(capsys: pytest.CaptureFixture[str], sample: Path) -> None:
    """The three 2026 complaints appear as counts by channel and outcome; their matters and the
    people who raised them do not."""
    _boundary.run(app, ["--repo", str(sample), "board", "residents", "--period", "2026"])
    out, _ = capsys.readouterr()
    complaints = out[out.index("## 群众诉求办理情况"):]
    assert [line.split("|")[1:4] for line in complaints.splitlines()[4:]] == [
        [" 12345转办 ", " 已解决     ", "      1 "], [" 接待日    ", " 办理中     ", "      1 "],
        [" 来电      ", " 办理中     ", "      1 "]]
    from_files = [(SAMPLE_DIR / f"complaints/C2026-00{n}.yaml").read_text(encoding="utf-8") for n in (1, 2, 3)]
    people = [line.split(":", 1)[1].strip() for text in from_files for line in text.splitlines()
              if line.startswith(("from:", "contact:"))]
    assert people and not any(person in out for person in people)


def test_a_period_without_records_says_so(capsys: pytest.CaptureFixture[str], sample: Path) -> None:
    _boundary.run(app, ["--repo", str(sample), "board", "residents", "--period", "2025Q1", "--lang", "en"])
    out, _ = capsys.readouterr()
    assert out.count("none this period") == 6


@pytest.mark.parametrize(("lang", "golden"), [("zh", "board-2026-party.zh.md"), ("en", "board-2026-party.en.md")])
def test_the_sample_party_board_is_pinned(capsys: pytest.CaptureFixture[str], sample: Path, lang: str,
                                          golden: str) -> None:
    code = _boundary.run(app, ["--repo", str(sample), "board", "party", "--period", "2026", "--as-of",
                               "2026-11-29", "--lang", lang])
    out, err = capsys.readouterr()
    assert (code, err) == (0, "")
    assert_golden(golden, out)


def test_the_party_board_counts_the_meetings_of_its_own_period(capsys: pytest.CaptureFixture[str],
                                                               sample: Path) -> None:
    """2026Q3: a branch owes a 支部党员大会, three 支委会, three 主题党日 and a 党课; O03 missed the
    支委会 of August (the planted MEET-CADENCE)."""
    _boundary.run(app, ["--repo", str(sample), "board", "party", "--period", "2026Q3", "--as-of", "2026-11-29"])
    out, _ = capsys.readouterr()
    meetings = out[out.index("## 三会一课召开情况"):].splitlines()[4:]
    assert [[cell.strip() for cell in line.split("|")[1:4]] for line in meetings] == [
        ["O02", "8", "8"], ["O03", "7", "8"], ["O04", "8", "8"]]
    assert "郭*静" not in out  # the June notice is outside the quarter


def test_all_boards_of_a_period_go_into_boards_period(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    root = tmp_path / "data"
    shutil.copytree(SAMPLE_DIR, root)
    code = _boundary.run(app, ["--repo", str(root), "board", "--all", "--period", "2026Q3", "--as-of", "2026-11-29"])
    out, err = capsys.readouterr()
    names = [f"2026Q3-{kind}.md" for kind in ("finance", "dues", "residents", "party")]
    assert (code, err) == (0, "")
    assert out == "".join(f"{root / 'boards' / '2026Q3' / name}\n" for name in names)
    assert sorted(p.name for p in (root / "boards" / "2026Q3").iterdir()) == sorted(names)


def test_all_boards_are_refused_together(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """One board that would leak stops them all: nothing is written."""
    root = tmp_path / "data"
    shutil.copytree(SAMPLE_DIR, root)
    voucher = root / "finance/vouchers/V2026-0022.yaml"
    voucher.write_text(voucher.read_text(encoding="utf-8").replace("加氟", "加氟 13912345678"), encoding="utf-8")
    code = _boundary.run(app, ["--repo", str(root), "board", "--all", "--period", "2026Q3"])
    _, err = capsys.readouterr()
    assert code == 2 and "finance 公开内容含不得公开的个人信息" in err
    assert not (root / "boards").exists()


@pytest.mark.parametrize(("args", "says"), [
    (["board", "--period", "2026Q3"], "给出一种公开类别和 --period，或用 --all --period"),
    (["board", "finance", "--all", "--period", "2026Q3"], "No such option: --all"),
    (["board", "finance"], "错误: 缺少 --period\n提示: 例如 cmty board finance --period 2026Q3"),
])
def test_a_kind_or_all_with_a_period(capsys: pytest.CaptureFixture[str], sample: Path, args: list[str],
                                     says: str) -> None:
    code = _boundary.run(app, ["--repo", str(sample), *args])
    _, err = capsys.readouterr()
    assert code == 2 and says in err


def test_the_dues_board_shows_what_each_month_collected_and_what_went_up(
        capsys: pytest.CaptureFixture[str], sample: Path) -> None:
    """Each fee file's collection and its `remitted:` record; a remittance after the as-of day
    is not yet made."""
    _, out, _ = dues(capsys, sample, "--period", "2026Q3", "--as-of", "2026-10-08")
    remitted = out[out.index("## 党费上缴"):].splitlines()[4:]
    assert remitted == [
        "| 2026-07    | O01          |          3115.90 |          3115.90 | 2026-08-12 | 中共历山街道工作委员会 |",
        "| 2026-08    | O01          |          2857.90 |          2857.90 | 2026-09-12 | 中共历山街道工作委员会 |",
        "| 2026-09    | O01          |          3284.20 |           未上缴 |            |                        |",
    ]


def test_a_payment_for_several_months_is_spread_over_them() -> None:
    from cmty.duesboard import ZERO, received_by_month
    from cmty.rules.base import Rec

    fee = Rec("party/fees/2026-03.yaml", "2026-03", "fee", {"period": "2026-03", "entries": [
        {"member": "M0019", "months": ["2026-01", "2026-02", "2026-03"], "amount": "100.00"},
        {"member": "M0020", "months": ["2026-03"], "amount": "12.34"}]})
    assert received_by_month([fee.data]) == {("M0019", "2026-01"): Decimal("33.33"),
                                             ("M0019", "2026-02"): Decimal("33.33"),
                                             ("M0019", "2026-03"): Decimal("33.34"),
                                             ("M0020", "2026-03"): Decimal("12.34")}
    # M0019's dues rose from 30.00 to 40.00 in March (F10): the payment follows the dues
    dues = {"2026-01": Decimal("30.00"), "2026-02": Decimal("30.00"), "2026-03": Decimal("40.00")}
    shared = received_by_month([fee.data], lambda member, month: dues[month] if member == "M0019" else ZERO)
    assert [shared[("M0019", m)] for m in dues] == [Decimal("30.00"), Decimal("30.00"), Decimal("40.00")]


def test_the_residents_board_shows_money_raised_and_relief_given_and_no_more(
        capsys: pytest.CaptureFixture[str], sample: Path) -> None:
    """§5 (村委会组织法 art. 30, 2004 意见): donations and resident units' money with what the fund
    spent; relief by item and amount, a person recipient masked, a supplier named."""
    code = _boundary.run(app, ["--repo", str(sample), "board", "residents", "--period", "2026Q3"])
    out, _ = capsys.readouterr()
    assert code == 0
    raised = out[out.index("## 募集资金及使用"):out.index("## 救助与慰问发放")]
    row = "| F02 社区公益金 | 7000.00（社会捐赠 7000.00） | 1560.00（防汛物资 1560.00） | 12875.50 |"
    assert row in re.sub(r" +", " ", raised)
    assert "F01" not in raised  # no raised money in Q3
    code = _boundary.run(app, ["--repo", str(sample), "board", "residents", "--period", "2026Q1"])
    out, _ = capsys.readouterr()
    relief = [re.sub(r" +", " ", line) for line in out[out.index("## 救助与慰问发放"):out.index("## 听证会")]
              .splitlines() if line.startswith("| 2026")]
    assert relief == [
        "| 2026-01-20 | V2026-0002 | 走访慰问（春节慰问品：大米、食用油（18份））；"
        "走访慰问（春节慰问品：牛奶、挂面（18份）） | 济南百乐惠超市有限公司 | 2160.00 |",
        "| 2026-01-22 | V2026-0003 | 走访慰问（春节走访慰问困难党员慰问金） | 沈\\*兰 | 500.00 |",
        "| 2026-01-26 | V2026-0004 | 困难群众慰问（春节慰问困难居民（4户，每户200元）） | 刘\\*花等4户 | 800.00 |",
    ]


@pytest.mark.parametrize(("finance_every", "period", "due"), [
    ("month", "2026-09", ["finance"]),
    ("month", "2026Q3", ["finance", "dues", "residents", "party"]),
    ("quarter", "2026H2", ["finance", "dues", "residents", "party"]),
    ("year", "2026Q3", ["dues", "residents", "party"]),
])
def test_all_means_the_boards_due_for_the_period(finance_every: str, period: str, due: list[str]) -> None:
    """村委会组织法 art. 30: general matters quarterly, finance monthly where it is busy."""
    from cmty.boards import due_kinds
    from cmty.config import from_data

    config = from_data({"community": {"name": "测试社区", "code": "370102003012", "level": "城市社区"},
                        "roles": {}, "parameters": {"disclosure": {"finance_every": finance_every}}},
                       Path("cmty.yaml"))
    assert due_kinds(config, period) == due


def test_a_period_with_no_board_due_is_refused(capsys: pytest.CaptureFixture[str], sample: Path,
                                               tmp_path: Path) -> None:
    """sample_data posts finance quarterly, so a month has no board of its own."""
    code = _boundary.run(app, ["--repo", str(sample), "board", "--all", "--period", "2026-09",
                               "--out", str(tmp_path / "out")])
    _, err = capsys.readouterr()
    assert code == 2 and err.startswith("错误: 2026-09 没有应公开的内容（公开频次见 disclosure.finance_every、")
    assert not (tmp_path / "out").exists()


def test_all_writes_every_board_or_none(capsys: pytest.CaptureFixture[str], sample: Path, tmp_path: Path) -> None:
    """One board that cannot be written (its name is taken by a folder) puts back those written."""
    out_dir = tmp_path / "out"
    (out_dir / "2026Q3-residents.md").mkdir(parents=True)
    code = _boundary.run(app, ["--repo", str(sample), "board", "--all", "--period", "2026Q3", "--out", str(out_dir)])
    out, err = capsys.readouterr()
    assert (code, out) == (2, "")
    assert err.startswith(f"错误: 无法写入 {out_dir / '2026Q3-residents.md'}：Is a directory，未写入任何公开")
    assert sorted(p.name for p in out_dir.iterdir()) == ["2026Q3-residents.md"]


@pytest.mark.parametrize("period", ["0000", "9999Q4", "2026Q3\n", "2026Q5", "2026-13", " 2026Q3"])
def test_a_period_cmty_cannot_read_is_a_usage_error(capsys: pytest.CaptureFixture[str], sample: Path,
                                                   period: str) -> None:
    code = _boundary.run(app, ["--repo", str(sample), "board", "finance", "--period", period])
    _, err = capsys.readouterr()
    assert code == 2 and err.startswith(f"错误: 期间 {period!r} 无法识别\n")


def test_a_payment_made_after_the_as_of_day_is_not_yet_on_the_board(capsys: pytest.CaptureFixture[str],
                                                                       tmp_path: Path) -> None:
    """M0009 paid for 2026-05 late, on 2026-11-10 (say): as of 2026-10-08 May is still unpaid."""
    root = tmp_path / "data"
    shutil.copytree(SAMPLE_DIR, root)
    fees = root / "party/fees/2026-11.yaml"
    text = fees.read_text(encoding="utf-8")
    entry = '  - {member: M0009, months: [2026-05], amount: "68.75", paid_on: 2026-11-10, method: 现金}\n'
    fees.write_text(text.replace("entries:\n", "entries:\n" + entry, 1), encoding="utf-8")
    for as_of, rate in (("2026-11-09", "95.0%"), ("2026-11-29", "100.0%")):
        _, out, _ = dues(capsys, root, "--period", "2026Q2", "--as-of", as_of)
        may = next(line for line in out.splitlines() if line.startswith("| 2026-05 |"))
        assert may.split("|")[4].strip() == rate


def test_relief_is_what_reaches_residents_not_staff_allowances() -> None:
    from datetime import date as day

    from cmty.affairsboard import relief_given
    from cmty.boardpolicy import BoardPolicy
    from cmty.config import from_data
    from cmty.rules.base import Rec, Records

    def voucher(n: int, category: str, who: str) -> Rec:
        return Rec(f"finance/vouchers/V2026-000{n}.yaml", f"V2026-000{n}", "voucher",
                   {"id": f"V2026-000{n}", "date": f"2026-08-0{n}", "fund": "F01", "type": "expense",
                    "lines": [{"category": category, "amount": "100.00"}], "counterparty": who})

    config = from_data({"community": {"name": "测试社区", "code": "370102003012", "level": "城市社区"},
                        "roles": {}}, Path("cmty.yaml"))
    records = Records(config, day(2026, 11, 29), {"voucher": [
        voucher(1, "高龄补贴", "张桂英"), voucher(2, "误工补助", "王敏"), voucher(3, "临时救助", "李红等2户"),
        voucher(4, "办公费", "济南和园文具店")]})
    given = relief_given(records, day(2026, 7, 1), day(2026, 9, 30), BoardPolicy("residents"))
    assert [(r.voucher, r.item, r.recipients) for r in given] == [
        ("V2026-0001", "高龄补贴", "张*英"), ("V2026-0003", "临时救助", "李*等2户")]


def test_a_decision_shows_how_it_stood_on_the_board_s_day(capsys: pytest.CaptureFixture[str], sample: Path) -> None:
    """村委会组织法 art. 30: decisions and how they were carried out, each step as recorded."""
    for as_of, stood in (("2026-09-29", "实施中（2026-04-15）：已拨付第一批"),
                         ("2026-10-01", "已完成（2026-09-30）：三个项目均已验收")):
        code = _boundary.run(app, ["--repo", str(sample), "board", "residents", "--period", "2026Q1",
                                   "--as-of", as_of])
        out, _ = capsys.readouterr()
        row = next(line for line in out.splitlines() if "惠民资金使用方案" in line)
        assert code == 0 and row.split("|")[5].strip() == stood


def test_the_party_board_lists_committee_posts_taken_up_and_left(capsys: pytest.CaptureFixture[str],
                                                                 sample: Path) -> None:
    code = _boundary.run(app, ["--repo", str(sample), "board", "party", "--period", "2026Q1", "--lang", "en"])
    out, _ = capsys.readouterr()
    section = out[out.index("## Committee changes"):out.index("## Elections")]
    rows = [re.sub(r" +", " ", line) for line in section.splitlines() if line.startswith("| 2026")]
    assert code == 0 and rows[:2] == ["| 2026-03-19 | O04 | 宣传委员 | 唐\\*华 | took up |",
                                      "| 2026-03-20 | O02 | 宣传委员 | 孙\\*然 | took up |"]


def test_a_month_s_collection_counts_what_was_paid_by_the_board_s_day(capsys: pytest.CaptureFixture[str],
                                                                       tmp_path: Path) -> None:
    root = tmp_path / "data"
    shutil.copytree(SAMPLE_DIR, root)
    fees = root / "party/fees/2026-09.yaml"
    late = '  - {member: M0009, months: [2026-09], amount: "100.00", paid_on: 2026-10-20, method: 现金}\n'
    fees.write_text(fees.read_text(encoding="utf-8").replace("entries:\n", "entries:\n" + late, 1), encoding="utf-8")
    for as_of, collected in (("2026-10-08", "3284.20"), ("2026-10-21", "3384.20")):
        _, out, _ = dues(capsys, root, "--period", "2026Q3", "--as-of", as_of)
        row = next(line for line in out[out.index("## 党费上缴"):].splitlines() if line.startswith("| 2026-09"))
        assert row.split("|")[3].strip() == collected
