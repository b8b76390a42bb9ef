"""The per-board policy (cmty.boardpolicy: audience, how each x-pii class shows, allowed terms,
--reveal) and the guard that never lets a board out with what must not be published
(cmty.leaks: numbers, words about health, HIV, correction, drugs, religion and disability, and
the names of children under 14), pinned on the sample data."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from cmty.boardpolicy import DEFAULT_SHOW, REVEALED_BANNER, BoardError, BoardPolicy, policy_for
from cmty.cli import _boundary, app
from cmty.identifiers.id_number import id_check_char
from cmty.leaks import Leak, scan
from tests.conftest import SAMPLE

AS_OF = "2026-10-08"
VOUCHER = "finance/vouchers/V2026-0022.yaml"
RESIDENT = "residents/R00007.yaml"
ORIGINAL = "空调清洗、加氟"  # in V2026-0022's only line: 党群服务中心空调清洗、加氟
ORIGIN = "（来自 V2026-0022，finance/vouchers/V2026-0022.yaml）"
GUARD_HINT = ("提示: 从所列记录的摘要、备注等文字中删去这些内容后重试；若该词与个人无关（如“癌症筛查宣传”），"
              "可在 cmty.yaml 的 boards.finance.allow_terms 中列出\n")
# The finance board of 2026Q3 shows V2026-0022 on its line 11; the 摘要 cell starts in column 29
# with "场地维护（党群服务中心", so text put in place of ORIGINAL starts in column 40.
ROW, START = 11, 40
F01 = "## F01 社区党组织服务群众经费（专项资金）"
O02 = "## O02 中共和园社区第一网格支部委员会"
ORGS = (O02, "## O03 中共和园社区第二网格支部委员会", "## O04 中共和园社区离退休党员支部委员会")


@pytest.fixture(scope="module")
def shared(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("policy") / "data"
    shutil.copytree(SAMPLE, root)
    return root


@pytest.fixture
def data(shared: Path) -> Iterator[Path]:
    """The module's copy of sample_data/ (outside git) for a test that changes V2026-0022 or
    cmty.yaml or adds R00007: put back as it was afterwards (copying per test is slow)."""
    kept = {rel: (shared / rel).read_bytes() for rel in (VOUCHER, "cmty.yaml")}
    try:
        yield shared
    finally:
        for rel, raw in kept.items():
            (shared / rel).write_bytes(raw)
        (shared / RESIDENT).unlink(missing_ok=True)


def configure(root: Path, config: str) -> Path:
    """Append `config` to root's cmty.yaml."""
    with (root / "cmty.yaml").open("a", encoding="utf-8") as fh:
        fh.write(config)
    return root


def describe(root: Path, text: str) -> None:
    """Put `text` in place of V2026-0022's 空调清洗、加氟."""
    path = root / VOUCHER
    before = path.read_text(encoding="utf-8")
    assert ORIGINAL in before
    path.write_text(before.replace(ORIGINAL, text), encoding="utf-8")


def cmty(capsys: pytest.CaptureFixture[str], root: Path, *args: str) -> tuple[int, str, str]:
    code = _boundary.run(app, ["--repo", str(root), *args])
    out, err = capsys.readouterr()
    return code, out, err


def finance(capsys: pytest.CaptureFixture[str], root: Path, *args: str) -> tuple[int, str, str]:
    return cmty(capsys, root, "board", "finance", "--period", "2026Q3", "--as-of", AS_OF, *args)


def cells(line: str) -> list[str]:
    """A Markdown table row's cells, stripped, with backslash escapes undone (刘\\*华 → 刘*华)."""
    return [re.sub(r"\\(.)", r"\1", cell.strip()) for cell in re.split(r"(?<!\\)\|", line)[1:-1]]


def tables(board: str, section: str) -> list[dict[str, str]]:
    """The rows of the tables in the section headed `section`, as header → cell."""
    start = board.index(f"\n{section}\n")
    end = board.find("\n## ", start + 1)
    rows: list[dict[str, str]] = []
    header: list[str] = []
    for line in board[start:end if end >= 0 else None].splitlines():
        if not line.startswith("|"):
            header = []
        elif not header:
            header = cells(line)
        elif not set(line) <= set("|-: "):
            rows.append(dict(zip(header, cells(line), strict=True)))
    return rows


def row(board: str, section: str, first: str) -> dict[str, str]:
    """The row whose first cell is `first`, in the section headed `section`, as header → cell."""
    found = [r for r in tables(board, section) if next(iter(r.values())) == first]
    assert len(found) == 1, f"no one row {first!r} under {section!r}"
    return found[0]


def resident_id(born: date, seq: int = 123) -> str:
    first17 = f"370102{born:%Y%m%d}{seq:03d}"
    return first17 + id_check_char(first17)


# --- BoardPolicy.party and policy_for --------------------------------------------------------

@pytest.mark.parametrize("who", ["济南和园文具店", "历下区财政局", "山东和泰建设集团有限公司",
                                 "和园社区居委会", "济南清源家电服务部"])
@pytest.mark.parametrize("name", ["mask", "omit", "full"])
def test_an_organisation_counterparty_is_shown_in_full(who: str, name: str) -> None:
    policy = BoardPolicy("finance", show={**DEFAULT_SHOW, "name": name})
    assert policy.party(who) == who


@pytest.mark.parametrize(("name", "who", "shown"), [
    ("mask", "李秀珍", "李*珍"),
    ("mask", "刘桂花等4户", "刘*花等4户"),
    ("mask", "  李秀珍 ", "李*珍"),
    ("mask", "", ""),
    ("omit", "李秀珍", ""),
    ("omit", "刘桂花等4户", "4户"),
    ("full", "李秀珍", "李秀珍"),
    ("full", "刘桂花等4户", "刘桂花等4户"),
])
def test_a_person_counterparty_shows_as_the_policy_says(name: str, who: str, shown: str) -> None:
    assert BoardPolicy("finance", show={**DEFAULT_SHOW, "name": name}).party(who) == shown


@pytest.mark.parametrize(("who", "shown"), [("张建社", "张*社"), ("王国站", "王*站"), ("李文馆", "李*馆"),
                                            ("赵立场", "赵*场"), ("孙秀院", "孙*院")])
def test_a_name_ending_in_a_single_organisation_character_is_a_person(who: str, shown: str) -> None:
    assert BoardPolicy("finance").party(who) == shown


def test_the_defaults_are_domain_section_10() -> None:
    policy = policy_for({}, "finance")
    assert (policy.kind, policy.audience, policy.allowed_terms, policy.revealed) == ("finance", "public", (), False)
    assert dict(policy.show) == {
        "name": "mask", "mobile": "mask", "address": "mask", "id-number": "omit", "bank-account": "omit",
        "birth-date": "omit", "passport-number": "omit", "permit-number": "omit", "income": "omit"}
    assert policy.person("刘建华") == "刘*华"
    assert policy.value("mobile", "13812345678") == "138****5678"
    assert policy.value("id-number", "370102195203140025") is None
    assert policy.value("birth-date", "1952-03-14") is None
    assert policy.value("income", "3200.00") is None
    assert policy.value("some-new-class", "x") is None  # a class no policy names is left out


def test_a_board_s_policy_takes_only_its_own_section() -> None:
    boards = {"dues": {"show": {"name": "omit"}},
              "finance": {"audience": "internal", "show": {"mobile": "omit"}, "allow_terms": ["癌症筛查"]}}
    dues = policy_for(boards, "dues")
    assert dues.show == {**DEFAULT_SHOW, "name": "omit"} and dues.person("刘建华") is None
    money = policy_for(boards, "finance")
    assert (money.audience, money.allowed_terms) == ("internal", ("癌症筛查",))
    assert money.person("刘建华") == "刘*华" and money.value("mobile", "13812345678") is None
    assert policy_for(boards, "party") == BoardPolicy("party")


def test_reveal_shows_every_class_in_full_and_only_on_an_internal_board() -> None:
    revealed = policy_for({"finance": {"audience": "internal", "show": {"name": "omit"}}}, "finance", reveal=True)
    assert revealed.revealed
    assert [revealed.value(pii, "370102195203140025") for pii in ("name", "id-number", "income")] == [
        "370102195203140025"] * 3
    with pytest.raises(BoardError) as info:
        policy_for({}, "party", reveal=True)
    assert info.value.message.zh == "party 公开栏面向公众，不能用 --reveal 显示未脱敏的个人信息"
    assert info.value.hint.en == "a board for internal use only can set boards.party.audience: internal in cmty.yaml"


# --- cmty.yaml's boards: on the rendered boards ------------------------------------------------

def test_a_dues_board_that_omits_names_keeps_its_counts(capsys: pytest.CaptureFixture[str], data: Path) -> None:
    """O02 2026-05: 张桂英 (M0009) did not pay; with names omitted the row says how many, not who."""
    code, before, _ = cmty(capsys, data, "board", "dues", "--period", "2026Q2", "--as-of", AS_OF)
    assert code == 0
    may = row(before, O02, "2026-05")
    assert (may["应交人数"], may["已交人数"], may["收缴率"], may["未交党员"]) == ("20", "19", "95.0%", "张*英")
    unpaid = [r["未交党员"] for org in ORGS for r in tables(before, org) if "未交党员" in r]
    assert unpaid == ["", "张*英", "", "", "", "", "", "", ""]  # three months of O02, O03 and O04
    omitted = configure(data, "boards: {dues: {show: {name: omit}}}\n")
    code, after, err = cmty(capsys, omitted, "board", "dues", "--period", "2026Q2", "--as-of", AS_OF)
    assert (code, err) == (0, "")
    assert row(after, O02, "2026-05") == {**may, "未交党员": ""}
    assert [r["未交党员"] for org in ORGS for r in tables(after, org) if "未交党员" in r] == [""] * 9
    # the other boards keep the default
    code, money, _ = cmty(capsys, omitted, "board", "finance", "--period", "2026Q3", "--as-of", AS_OF)
    assert code == 0 and row(money, F01, "2026-07-09")["审批"] == "民主理财小组 钱*、书记 刘*华"


def test_a_party_board_may_show_elected_names_in_full(capsys: pytest.CaptureFixture[str], data: Path) -> None:
    """MT2026-085: O02 elected M0006 李春燕, M0004 马志刚, M0007 孙浩然 and M0008 杨秀芝 on 2026-03-20."""
    names = {m: next(line.split(":", 1)[1].strip() for line in
                     (SAMPLE / f"party/members/{m}.yaml").read_text(encoding="utf-8").splitlines()
                     if line.startswith("name:")) for m in ("M0006", "M0004", "M0007", "M0008")}
    assert list(names.values()) == ["李春燕", "马志刚", "孙浩然", "杨秀芝"]
    _, before, _ = cmty(capsys, data, "board", "party", "--period", "2026Q1", "--as-of", AS_OF)
    election = {"日期": "2026-03-20", "党组织": "O02", "应选名额": "4", "实到 / 应到": "18/20"}
    assert row(before, "## 换届选举", "2026-03-20") == {**election, "当选": "李*燕、马*刚、孙*然、杨*芝"}
    full = configure(data, "boards: {party: {show: {name: full}}}\n")
    code, after, err = cmty(capsys, full, "board", "party", "--period", "2026Q1", "--as-of", AS_OF)
    assert (code, err) == (0, "")
    assert row(after, "## 换届选举", "2026-03-20") == {**election, "当选": "、".join(names.values())}


def test_reveal_is_refused_on_a_public_board(capsys: pytest.CaptureFixture[str], data: Path, tmp_path: Path) -> None:
    code, out, err = finance(capsys, data, "--reveal", "--out", str(tmp_path / "boards"))
    assert (code, out) == (2, "")
    assert err == ("错误: finance 公开栏面向公众，不能用 --reveal 显示未脱敏的个人信息\n"
                   "提示: 仅内部使用的公开内容可在 cmty.yaml 中设 boards.finance.audience: internal\n")
    assert not (tmp_path / "boards").exists()
    code, _, err = cmty(capsys, data, "board", "dues", "--period", "2026Q3", "--reveal", "--lang", "en")
    assert code == 2 and err == (
        "error: the dues board is public: --reveal cannot show personal data unmasked on it\n"
        "hint: a board for internal use only can set boards.dues.audience: internal in cmty.yaml\n")


def test_reveal_on_an_internal_board_shows_names_in_full_under_a_banner(capsys: pytest.CaptureFixture[str],
                                                                        data: Path) -> None:
    root = configure(data, "boards: {finance: {audience: internal}}\n")
    code, masked, _ = finance(capsys, root)  # internal alone reveals nothing
    assert code == 0 and "> **内部资料**" not in masked
    assert row(masked, F01, "2026-07-09")["审批"] == "民主理财小组 钱*、书记 刘*华"
    code, out, err = finance(capsys, root, "--reveal")
    assert (code, err) == (0, "")
    assert out.startswith("# 和园社区 2026Q3 财务公开\n\n> **内部资料**：应使用者要求（--reveal）显示未脱敏的个人信息，"
                          "不得公开张贴或外传。\n\n公开期间：2026-07-01 至 2026-09-30\n")
    assert out.startswith("# 和园社区 2026Q3 财务公开\n\n" + REVEALED_BANNER.zh)
    assert row(out, F01, "2026-07-09")["审批"] == "民主理财小组 钱芳、书记 刘建华"
    assert row(out, F01, "2026-08-14")["审批"] == "民主理财小组 冯志远、书记 王敏"
    code, english, _ = finance(capsys, root, "--reveal", "--lang", "en")
    assert code == 0
    title, rest = english.split("\n\n", 1)
    assert title == "# 和园社区 finance board, 2026Q3"
    assert rest.startswith("> **Internal**: personal data is shown unmasked at the user's request (--reveal); "
                           "do not post or pass on.\n\nPeriod: 2026-07-01 to 2026-09-30\n")


# --- cmty.yaml's schema for boards: ------------------------------------------------------------

@pytest.mark.parametrize(("config", "line", "column", "says"), [
    ("boards:\n  finance:\n    show: {mobile: full}\n", 3, 20,
     "boards.finance.show.mobile 'full' is not an allowed value\nhint: use one of: mask、omit\n"),
    ("boards:\n  finance:\n    show: {id-number: full}\n", 3, 23,
     "boards.finance.show.id-number 'full' is not an allowed value\nhint: use one of: mask、omit\n"),
    ("boards:\n  notices: {audience: public}\n", 2, 3,
     "unknown field notices\nhint: check the spelling; allowed fields: finance, dues, residents, party\n"),
], ids=["mobile-full", "id-number-full", "unknown-board"])
def test_the_schema_allows_full_for_names_only_and_the_four_boards(
        capsys: pytest.CaptureFixture[str], data: Path, config: str, line: int, column: int, says: str) -> None:
    """A wrong cmty.yaml is no finding with a code: validate stops, exit 2, naming the place."""
    root = configure(data, config)
    base = len((SAMPLE / "cmty.yaml").read_text(encoding="utf-8").splitlines())
    code, out, err = cmty(capsys, root, "validate", "--as-of", AS_OF, "--lang", "en")
    assert (code, out) == (2, "")
    assert err == f"error: {root / 'cmty.yaml'}:{base + line}:{column}: invalid configuration: {says}"
    code, _, err = finance(capsys, root)
    assert code == 2 and f"cmty.yaml:{base + line}:{column}: 配置有误：" in err


def test_the_schema_accepts_a_full_policy(capsys: pytest.CaptureFixture[str], data: Path) -> None:
    root = configure(data, "boards:\n  finance: {audience: internal, show: {name: full, mobile: omit, "
                           "id-number: mask}, allow_terms: [癌症筛查]}\n  party: {audience: public}\n")
    code, _, err = cmty(capsys, root, "validate", "--as-of", AS_OF)
    assert code == 1 and "配置有误" not in err  # the planted mistakes, nothing about cmty.yaml


# --- the word guard ----------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "leaks"), [
    ("低保户王某，肢体残疾二级", [(6, "残疾状况", "肢体残疾")]),
    ("社区矫正对象", [(0, "社区矫正相关信息", "社区矫正")]),
    ("信教群众", [(0, "宗教信仰", "信教")]),
    ("艾滋病", [(0, "艾滋病相关信息", "艾滋病")]),
    ("抑郁症病史", [(0, "健康状况", "抑郁症"), (3, "健康状况", "病史")]),
    ("癌症筛查宣传", [(0, "健康状况", "癌症")]),
    ("走访吸毒人员", [(2, "涉毒信息", "吸毒")]),
], ids=["disability", "correction", "religion", "hiv", "health-two", "health", "drugs"])
def test_a_sensitive_word_in_a_description_stops_the_board(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                                           data: Path, text: str,
                                                           leaks: list[tuple[int, str, str]]) -> None:
    root = data
    describe(root, text)
    code, out, err = finance(capsys, root, "--out", str(tmp_path / "boards"))
    assert (code, out) == (2, "")
    found = "；".join(f"第 {ROW} 行第 {START + at} 列 {kind} {word}{ORIGIN}" for at, kind, word in leaks)
    assert err == f"错误: finance 公开内容含不得公开的个人信息，未生成：{found}\n{GUARD_HINT}"
    assert not (tmp_path / "boards").exists()


def test_the_guard_speaks_english_too(capsys: pytest.CaptureFixture[str], data: Path) -> None:
    root = data
    describe(root, "社区矫正对象")
    code, _, err = finance(capsys, root, "--lang", "en")
    assert code == 2 and err.startswith(
        "error: the finance board would show personal data that must not be published, so it was not made: "
        f"line {ROW} column {START}: community correction 社区矫正 (from V2026-0022, {VOUCHER})\n")


@pytest.mark.parametrize("text", ["残疾人两项补贴发放", "宗教场所消防检查"], ids=["disability-programme",
                                                                          "religious-sites"])
def test_the_name_of_a_programme_is_not_about_anyone(capsys: pytest.CaptureFixture[str], data: Path,
                                                     text: str) -> None:
    root = data
    describe(root, text)
    code, out, err = finance(capsys, root)
    assert (code, err) == (0, "")
    assert row(out, F01, "2026-07-09")["摘要"] == f"场地维护（党群服务中心{text}）"


def test_a_board_may_allow_a_term_that_is_about_no_one(capsys: pytest.CaptureFixture[str], data: Path) -> None:
    root = configure(data, "boards: {finance: {allow_terms: [癌症筛查]}}\n")
    describe(root, "癌症筛查宣传")
    code, out, err = finance(capsys, root)
    assert (code, err) == (0, "")
    assert row(out, F01, "2026-07-09")["摘要"] == "场地维护（党群服务中心癌症筛查宣传）"
    voucher = root / VOUCHER  # the term allows itself, not the word elsewhere
    voucher.write_text(voucher.read_text(encoding="utf-8").replace("癌症筛查宣传", "癌症筛查宣传，患癌症的王某"),
                       encoding="utf-8")
    code, _, err = finance(capsys, root)
    assert code == 2 and f"第 {ROW} 行第 {START + 8} 列 健康状况 癌症{ORIGIN}" in err


def test_another_board_s_allowed_terms_do_not_apply(capsys: pytest.CaptureFixture[str], data: Path) -> None:
    root = configure(data, "boards: {party: {allow_terms: [癌症筛查]}}\n")
    describe(root, "癌症筛查宣传")
    code, _, err = finance(capsys, root)
    assert code == 2 and f"健康状况 癌症{ORIGIN}" in err


# --- the names of children under 14 ------------------------------------------------------------

def add_resident(root: Path, name: str, born: date) -> None:
    (root / "residents/R00007.yaml").write_text(
        f'id: R00007\nname: {name}\nsex: 男\nid_number: "{resident_id(born)}"\ncategory: 户籍\n'
        "household: 和园东苑1号楼户（户主刘志强）\naddress: 和园东苑1号楼1单元202\ngrid: G02\n", encoding="utf-8")


def test_the_name_of_a_child_under_14_stops_the_board(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                                      data: Path) -> None:
    """王小明 is 8 on 2026-10-08; his name is typed into the voucher, which is named as the origin
    (not his own resident record, which holds the name by right)."""
    root = data
    add_resident(root, "王小明", date(2018, 5, 1))
    describe(root, "空调清洗，王小明家长协助搬运")
    code, out, err = finance(capsys, root, "--out", str(tmp_path / "boards"))
    assert (code, out) == (2, "")
    assert err.startswith(f"错误: finance 公开内容含不得公开的个人信息，未生成：第 {ROW} 行第 {START + 5} 列 "
                          f"未满十四周岁儿童的姓名 王小明{ORIGIN}\n")
    assert "R00007" not in err
    assert not (tmp_path / "boards").exists()
    # 14 on 2032-05-01: from that day the name is an adult's, refused as any unmasked name is
    code, out, err = cmty(capsys, root, "board", "finance", "--period", "2026Q3", "--as-of", "2032-05-01")
    assert code == 2 and "未脱敏的姓名 王小明" in err and "儿童" not in err
    code, _, err = cmty(capsys, root, "board", "finance", "--period", "2026Q3", "--as-of", "2032-04-30")
    assert code == 2 and "未满十四周岁儿童的姓名 王小明" in err


def test_an_adult_s_full_name_in_free_text_is_refused_unless_names_are_shown(
        capsys: pytest.CaptureFixture[str], data: Path) -> None:
    """The board masks names (张*明), so a resident's full name typed into a description is
    refused; a board whose policy shows names in full, or that allows the term, takes it."""
    root = data
    add_resident(root, "王小明", date(1996, 5, 1))
    describe(root, "空调清洗，王小明家长协助搬运")
    code, _, err = finance(capsys, root)
    assert code == 2 and "未脱敏的姓名 王小明（来自 V2026-0022，finance/vouchers/V2026-0022.yaml）" in err
    configure(root, "boards: {finance: {show: {name: full}}}\n")
    code, out, err = finance(capsys, root)
    assert (code, err) == (0, "")
    assert row(out, F01, "2026-07-09")["摘要"] == "场地维护（党群服务中心空调清洗，王小明家长协助搬运）"


def test_a_child_s_name_cannot_be_allowed_as_a_term(capsys: pytest.CaptureFixture[str], data: Path) -> None:
    root = configure(data, "boards: {finance: {allow_terms: [王小明]}}\n")
    add_resident(root, "王小明", date(2018, 5, 1))
    describe(root, "空调清洗，王小明家长协助搬运")
    code, _, err = finance(capsys, root)
    assert code == 2 and f"未满十四周岁儿童的姓名 王小明{ORIGIN}" in err


def test_a_child_s_name_alone_is_not_offered_allow_terms(capsys: pytest.CaptureFixture[str], data: Path) -> None:
    root = data
    add_resident(root, "王小明", date(2018, 5, 1))
    describe(root, "空调清洗，王小明家长协助搬运")
    code, _, err = finance(capsys, root)
    assert code == 2
    assert err.endswith("\n提示: 从所列记录的摘要、备注等文字中删去这些内容后重试\n")


# --- cmty.leaks.scan ---------------------------------------------------------------------------

def test_scan_places_each_word_by_line_and_column() -> None:
    text = "慰问困难家庭\n  走访社区矫正对象、戒毒人员\n信仰基督教的李某，视力残疾，HIV感染者"
    assert scan(text) == [
        Leak("correction", 11, 15, 2, 5, "社区矫正"),
        Leak("drugs", 18, 20, 2, 12, "戒毒"),
        Leak("religion", 23, 28, 3, 1, "信仰基督教"),
        Leak("disability", 32, 36, 3, 10, "视力残疾"),
        Leak("hiv", 37, 40, 3, 15, "HIV"),
    ]
    assert [leak.title.zh for leak in scan(text)] == ["社区矫正相关信息", "涉毒信息", "宗教信仰", "残疾状况",
                                                     "艾滋病相关信息"]


@pytest.mark.parametrize("text", ["残疾人两项补贴发放", "宗教场所消防检查", "社区综合治理",
                                  "党群服务中心空调清洗、加氟", "民主评议党员"])
def test_scan_finds_nothing_in_plain_text(text: str) -> None:
    assert scan(text) == []


def test_scan_skips_words_inside_an_allowed_term_only() -> None:
    text = "开展癌症筛查宣传；王某确诊癌症"
    assert scan(text) == [Leak("health", 2, 4, 1, 3, "癌症"), Leak("health", 11, 13, 1, 12, "确诊"),
                          Leak("health", 13, 15, 1, 14, "癌症")]
    assert scan(text, allowed=["癌症筛查"]) == [Leak("health", 11, 13, 1, 12, "确诊"),
                                                Leak("health", 13, 15, 1, 14, "癌症")]
    assert scan(text, allowed=["癌症筛查", "王某确诊癌症"]) == []
    assert scan(text, allowed=["筛查宣传"]) == scan(text)  # overlapping a word is not enough


def test_allowed_terms_never_excuse_numbers_or_children() -> None:
    text = "联系 13912345678 王小明"
    allowed = ["联系 13912345678 王小明"]
    assert scan(text, {"王小明": "child"}, allowed) == [Leak("mobile", 3, 14, 1, 4, "*******5678"),
                                                        Leak("child", 15, 18, 1, 16, "王小明")]
    assert scan("王小明", {"王小明": "child", "明": "child"}) == [Leak("child", 0, 3, 1, 1, "王小明")]


def test_a_member_s_own_id_number_typed_into_a_voucher_is_blamed_on_the_voucher(
        capsys: pytest.CaptureFixture[str], data: Path) -> None:
    """M0022 holds 370102197101151910 by right; the voucher's description does not."""
    root = data
    describe(root, "空调清洗，经手人身份证 3701 0219 7101 1519 10")
    code, _, err = finance(capsys, root)
    assert code == 2
    assert f"身份证号 ******************9 10{ORIGIN}" in err and "M0022" not in err


@pytest.mark.parametrize(("typed", "what"), [("身份证370102197101151910", "身份证号"),
                                             ("艾滋病", "艾滋病相关信息")])
def test_reveal_never_shows_what_is_never_shown(capsys: pytest.CaptureFixture[str], data: Path, typed: str,
                                               what: str) -> None:
    """--reveal shows names and mobiles on an internal board; ID numbers and sensitive facts
    stay refused (DOMAIN §10's never-render list)."""
    root = configure(data, "boards: {finance: {audience: internal}}\n")
    describe(root, f"空调清洗，{typed}")
    code, out, err = finance(capsys, root, "--reveal")
    assert (code, out) == (2, "") and f" {what} " in err
