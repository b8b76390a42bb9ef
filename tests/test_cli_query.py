"""`cmty list` and `cmty show` through the command line: exact output in every format.

The golden file tests/golden/list-members-O02.txt is rewritten from the current output when
CMTY_UPDATE_GOLDEN=1 is set; review the diff before committing it.
"""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from wcwidth import wcswidth

from cmty import yamlio
from cmty.cli import _boundary, app
from cmty.kinds import BY_NAME
from cmty.query import find_record, records, select, shown
from cmty.render.records import as_yaml
from cmty.repo import Repo
from tests.conftest import KIND_NAMES, WriteRepo, assert_golden
from tests.test_query import MEMBERS

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = Path(__file__).resolve().parent / "golden"

M0001_WITH_COMMENTS = """\
# 党员档案：刘建华（第一党支部）
id: M0001
name: 刘建华   # 户口本上的姓名
sex: 男

# 证件
id_number: "11010519491231002X"  # 二代证
mobile: '13905361234'
address: 和园小区3号楼2单元301  # 现住址
org: O02
status: 正式党员
category: 直接管理
fee_basis:
  # 退休后按养老金计算
  - {from: 2025-12, kind: retired, base: "3100.00"}
note: 老党员
# 文件结束
"""

M0001_MASKED = """\
# 党员档案：刘建华（第一党支部）
id: M0001
name: 刘*华   # 户口本上的姓名
sex: 男

# 证件
id_number: "11*************02X"  # 二代证
mobile: '139****1234'
address: 和园小区***        # 现住址
org: O02
status: 正式党员
category: 直接管理
fee_basis:
  # 退休后按养老金计算
  - {from: 2025-12, kind: retired, base: "***"}
note: 老党员
# 文件结束
"""

FUNDS = {
    "finance/funds/F02.yaml": 'id: F02\nname: 党建|活动经费\nearmarked: false\nopening_balance: "200.00"\n',
    "finance/funds/F03.yaml": 'id: F03\nname: 集体收入\\结余\nearmarked: false\nopening_balance: "1000.00"\n',
}


def run(capsys: pytest.CaptureFixture[str], root: Path, *args: str) -> tuple[int, str, str]:
    code = _boundary.run(app, ["--repo", str(root), *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def repo(write_repo: WriteRepo) -> Repo:
    return write_repo({**MEMBERS, **FUNDS, "party/members/M0001.yaml": M0001_WITH_COMMENTS})


# --- list -------------------------------------------------------------------------------------


TABLE = """\
id     name    sex    org    status    category    mobile
-----  ------  -----  -----  --------  ----------  -----------
M0001  刘*华   男     O02    正式党员  直接管理    139****1234
M0004  李*英   女     O02    正式党员  直接管理
M0002  欧阳**  女     O02    预备党员  直接管理    138****1111
"""


def test_list_table(capsys: pytest.CaptureFixture[str], repo: Repo) -> None:
    code, out, err = run(capsys, repo.root, "list", "member", "--where", "org=O02", "--sort", "name")
    assert (code, out, err) == (0, TABLE, "")
    assert_aligned(out)


def assert_aligned(table: str) -> None:
    """Each cell of a `simple` table starts at the display column of its dashes (CJK = 2)."""
    lines = table.rstrip("\n").split("\n")
    starts = [m.start() for m in re.finditer(r"-+", lines[1])]
    for line in [lines[0], *lines[2:]]:
        cells = [(m.start(), m.group()) for m in re.finditer(r"\S+", line)]
        cell_starts = [wcswidth(line[:pos]) for pos, _ in cells]
        assert cell_starts == starts[: len(cells)], line


def test_list_table_reveal(capsys: pytest.CaptureFixture[str], repo: Repo) -> None:
    code, out, _ = run(capsys, repo.root, "list", "member", "--where", "org=O02", "--sort", "name",
                       "--reveal")
    assert code == 0
    assert out == (
        "id     name      sex    org    status    category    mobile\n"
        "-----  --------  -----  -----  --------  ----------  -----------\n"
        "M0001  刘建华    男     O02    正式党员  直接管理    13905361234\n"
        "M0004  李秀英    女     O02    正式党员  直接管理\n"
        "M0002  欧阳修文  女     O02    预备党员  直接管理    13800001111\n")
    assert_aligned(out)


def test_list_table_booleans_and_money(capsys: pytest.CaptureFixture[str], repo: Repo) -> None:
    code, out, _ = run(capsys, repo.root, "list", "fund", "--sort", "opening_balance")
    assert code == 0
    assert out == (
        "id    name           earmarked    opening_balance\n"
        "----  -------------  -----------  -----------------\n"
        "F02   党建|活动经费  否           200.00\n"
        "F03   集体收入\\结余  否           1000.00\n"
        "F01   服务群众经费   是           10000.00\n")
    assert_aligned(out)


def test_list_csv(capsys: pytest.CaptureFixture[str], repo: Repo) -> None:
    code, out, err = run(capsys, repo.root, "list", "member", "--where", "org=O02", "--sort", "name",
                         "--format", "csv")
    assert (code, err) == (0, "")
    assert out == (
        "id,name,sex,org,status,category,mobile\n"
        "M0001,刘*华,男,O02,正式党员,直接管理,139****1234\n"
        "M0004,李*英,女,O02,正式党员,直接管理,\n"
        "M0002,欧阳**,女,O02,预备党员,直接管理,138****1111\n")


def test_list_csv_quotes_and_booleans(capsys: pytest.CaptureFixture[str], write_repo: WriteRepo) -> None:
    repo = write_repo({"finance/funds/F02.yaml":
                       'id: F02\nname: \'活动经费, "专项"\'\nearmarked: false\nopening_balance: "0"\n'})
    code, out, _ = run(capsys, repo.root, "list", "fund", "--format", "csv")
    assert code == 0
    assert out == ('id,name,earmarked,opening_balance\n'
                   'F01,服务群众经费,是,10000.00\n'
                   'F02,"活动经费, ""专项""",否,0\n')
    assert list(csv.reader(io.StringIO(out)))[2] == ["F02", '活动经费, "专项"', "否", "0"]


@pytest.mark.parametrize(("args", "kind", "where", "sort"), [
    (["--where", "org=O02", "--sort", "name"], "member", ["org=O02"], "name"),
    (["--reveal"], "member", [], None),
    (["--sort", "opening_balance"], "fund", [], "opening_balance"),
])
def test_list_json_equals_select(capsys: pytest.CaptureFixture[str], repo: Repo, args: list[str],
                                 kind: str, where: list[str], sort: str | None) -> None:
    code, out, _ = run(capsys, repo.root, "list", kind, *args, "--format", "json")
    assert code == 0
    header, rows = select(repo, kind, where, sort, reveal="--reveal" in args)
    assert json.loads(out) == [dict(zip(header, row, strict=True)) for row in rows]


def test_list_json_exact(capsys: pytest.CaptureFixture[str], repo: Repo) -> None:
    code, out, _ = run(capsys, repo.root, "list", "fund", "--where", "earmarked=true", "--format", "json")
    assert code == 0
    assert out == ('[\n  {\n    "id": "F01",\n    "name": "服务群众经费",\n    "earmarked": true,\n'
                   '    "opening_balance": "10000.00"\n  }\n]\n')


_UNESCAPED_PIPE = re.compile(r"(?<!\\)((?:\\\\)*)\|")


def md_cells(line: str) -> list[str]:
    """The cells of a GitHub table row, split at pipes that are not backslash-escaped."""
    assert line.startswith("|") and line.endswith("|"), line
    marked = _UNESCAPED_PIPE.sub(lambda m: m.group(1) + "\0", line)
    cells = marked.split("\0")[1:-1]
    return [c.strip() for c in cells]


def md_unescape(cell: str) -> str:
    return re.sub(r"\\(.)", r"\1", cell)


def test_list_markdown(capsys: pytest.CaptureFixture[str], repo: Repo) -> None:
    code, out, _ = run(capsys, repo.root, "list", "fund", "--sort", "opening_balance", "--format", "md")
    assert code == 0
    assert out == (
        "| id   | name           | earmarked   | opening_balance   |\n"
        "|------|----------------|-------------|-------------------|\n"
        "| F02  | 党建\\|活动经费 | 否          | 200.00            |\n"
        "| F03  | 集体收入\\\\结余 | 否          | 1000.00           |\n"
        "| F01  | 服务群众经费   | 是          | 10000.00          |\n")
    lines = out.rstrip("\n").split("\n")
    rows = [md_cells(line) for line in lines]
    assert {len(r) for r in rows} == {4}
    assert all(re.fullmatch(r":?-+:?", cell) for cell in rows[1])
    assert [[md_unescape(c) for c in r] for r in [rows[0], *rows[2:]]] == [
        ["id", "name", "earmarked", "opening_balance"],
        ["F02", "党建|活动经费", "否", "200.00"],
        ["F03", "集体收入\\结余", "否", "1000.00"],
        ["F01", "服务群众经费", "是", "10000.00"],
    ]


def test_list_markdown_members_masked(capsys: pytest.CaptureFixture[str], repo: Repo) -> None:
    code, out, _ = run(capsys, repo.root, "list", "member", "--where", "org=O02", "--sort", "name",
                       "--format", "md")
    assert code == 0
    rows = [md_cells(line) for line in out.rstrip("\n").split("\n")]
    assert {len(r) for r in rows} == {7}
    assert [md_unescape(r[1]) for r in rows[2:]] == ["刘*华", "李*英", "欧阳**"]
    assert [md_unescape(r[6]) for r in rows[2:]] == ["139****1234", "", "138****1111"]


def test_list_bad_where(capsys: pytest.CaptureFixture[str], repo: Repo) -> None:
    code, out, err = run(capsys, repo.root, "list", "member", "--where", "org")
    assert (code, out) == (2, "")
    assert err == "错误: --where 应写成 字段=值，而不是 'org'\n提示: 例如 --where org=O02\n"


def test_list_unknown_kind(capsys: pytest.CaptureFixture[str], repo: Repo) -> None:
    code, out, err = run(capsys, repo.root, "list", "members", "--lang", "en")
    assert (code, out) == (2, "")
    assert err == f"error: no record kind members; use one of: {KIND_NAMES}\n"


def test_list_bad_format(capsys: pytest.CaptureFixture[str], repo: Repo) -> None:
    code, out, err = run(capsys, repo.root, "list", "member", "--format", "xml")
    assert (code, out) == (2, "")
    assert "'xml' is not one of 'table', 'csv', 'json', 'md'" in err


def test_list_vouchers_with_a_half_written_voucher(capsys: pytest.CaptureFixture[str],
                                                   write_repo: WriteRepo) -> None:
    repo = write_repo({"finance/vouchers/V2026-0001.yaml": "id: V2026-0001\ndate: 2026-03-02\nlines:\n"})
    code, out, _ = run(capsys, repo.root, "list", "voucher", "--format", "csv")
    assert (code, out) == (0, "id,date,fund,type,total,counterparty,payment\n"
                              "V2026-0001,2026-03-02,,,,,\n")


# --- show -------------------------------------------------------------------------------------


def test_show_yaml_keeps_comments_and_masks(capsys: pytest.CaptureFixture[str], repo: Repo) -> None:
    code, out, err = run(capsys, repo.root, "show", "M0001")
    assert (code, out, err) == (0, M0001_MASKED, "")
    assert yamlio.load_text(out) == shown(find_record(repo, "M0001"), reveal=False)


def test_show_reveal_prints_the_file(capsys: pytest.CaptureFixture[str], repo: Repo) -> None:
    code, out, _ = run(capsys, repo.root, "show", "M0001", "--reveal")
    assert code == 0
    assert out.encode("utf-8") == (repo.root / "party/members/M0001.yaml").read_bytes()


def test_show_without_personal_fields_prints_the_file(capsys: pytest.CaptureFixture[str],
                                                      write_repo: WriteRepo) -> None:
    text = ("# 第二支部\nid: O03\nname: 第二党支部\ntype: 党支部\nparent: O01\n"
            "term: {start: 2026-03-20,\n  end: 2031-03-20}\n")
    repo = write_repo({"party/orgs/O03.yaml": text})
    code, out, _ = run(capsys, repo.root, "show", "O03")
    assert (code, out) == (0, text)


def test_show_reveal_keeps_crlf(capsys: pytest.CaptureFixture[str], write_repo: WriteRepo) -> None:
    raw = "id: M0002\r\nname: 欧阳修文\r\nsex: 女\r\n".encode()
    repo = write_repo({"party/members/M0002.yaml": raw})
    code, out, _ = run(capsys, repo.root, "show", "M0002", "--reveal")
    assert code == 0
    assert out.encode("utf-8") == raw


def test_show_json_equals_shown(capsys: pytest.CaptureFixture[str], repo: Repo) -> None:
    code, out, _ = run(capsys, repo.root, "show", "M0001", "--format", "json")
    assert code == 0
    record = find_record(repo, "M0001")
    assert json.loads(out) == shown(record, reveal=False)
    assert json.loads(out) == {
        "id": "M0001", "name": "刘*华", "sex": "男", "id_number": "11*************02X", "mobile": "139****1234",
        "address": "和园小区***", "org": "O02", "status": "正式党员", "category": "直接管理",
        "fee_basis": [{"from": "2025-12", "kind": "retired", "base": "***"}], "note": "老党员"}
    assert out.endswith("}\n") and '"name": "刘*华"' in out  # ensure_ascii=False, indented


def test_show_json_reveal(capsys: pytest.CaptureFixture[str], repo: Repo) -> None:
    code, out, _ = run(capsys, repo.root, "show", "M0002", "--format", "json", "--reveal")
    assert code == 0
    assert json.loads(out) == find_record(repo, "M0002").data
    assert json.loads(out)["name"] == "欧阳修文"


def test_show_a_fee_month(capsys: pytest.CaptureFixture[str], write_repo: WriteRepo) -> None:
    text = ("period: 2026-11\ncollector: M0001\nentries:\n"
            "  - {member: M0001, months: [2026-11], amount: \"50.00\", paid_on: 2026-11-08, paid_by: 欧阳修武}\n")
    repo = write_repo({"party/fees/2026-11.yaml": text})
    code, out, _ = run(capsys, repo.root, "show", "2026-11")
    assert code == 0
    assert out == text.replace("欧阳修武", "欧阳**")


@pytest.mark.parametrize(("lang", "err"), [
    ("zh", "错误: 没有编号为 NOPE 的记录\n提示: 用 cmty list KIND 查看已有编号\n"),
    ("en", "error: no record has id NOPE\nhint: cmty list KIND shows the ids there are\n"),
])
def test_show_unknown_id(capsys: pytest.CaptureFixture[str], repo: Repo, lang: str, err: str) -> None:
    assert run(capsys, repo.root, "show", "NOPE", "--lang", lang) == (2, "", err)


def test_show_does_not_unmask_through_a_relative_id(capsys: pytest.CaptureFixture[str], repo: Repo) -> None:
    code, out, _ = run(capsys, repo.root, "show", "../members/M0001", "--format", "json")
    assert code in (0, 2)  # either not found, or found as the member it is
    assert "11010519491231002X" not in out
    assert "13905361234" not in out


def test_show_yaml_with_a_comment_inside_a_flow_mapping(capsys: pytest.CaptureFixture[str],
                                                        write_repo: WriteRepo) -> None:
    text = """\
        id: M0002
        name: 欧阳修文
        stages: {applied: 1994-06-21,  # 申请
                 full: 1997-06-28}
        fee_basis:
          # 调资前
          - {from: 2025-12, kind: in-service, base: "5000.00"}  # 原基数
          - from: 2026-06   # 退休
            kind: retired
            base: "3100.00"  # 新基数
        """
    repo = write_repo({"party/members/M0002.yaml": text})
    code, out, _ = run(capsys, repo.root, "show", "M0002")
    assert code == 0
    for comment in ["# 申请", "# 调资前", "# 原基数", "# 退休", "# 新基数"]:
        assert comment in out
    assert yamlio.load_text(out) == shown(find_record(repo, "M0002"), reveal=False)


# --- the demo data ----------------------------------------------------------------------------


def test_sample_members_of_o02_golden(capsys: pytest.CaptureFixture[str], sample: Path) -> None:
    code, out, err = run(capsys, sample, "list", "member", "--where", "org=O02", "--sort", "name")
    assert (code, err) == (0, "")
    assert_golden("list-members-O02.txt", out)
    assert_aligned(out)
    lines = out.splitlines()
    assert len(lines) == 2 + 21  # header, dashes, the 21 members of 第一网格支部
    assert all(re.fullmatch(r"\d{3}\*{4}\d{4}", line.split()[-1]) for line in lines[2:])


def test_sample_show_yaml_parses_to_the_masked_record(sample: Path) -> None:
    """For members of the demo data, masked YAML and masked JSON say the same thing."""
    repo = Repo(sample)
    members = list(records(repo, BY_NAME["member"]))
    assert len(members) == 60
    # every third member, and M0036 whose mobile is an (unquoted) integer
    chosen = [r for i, r in enumerate(members) if i % 3 == 0 or r.id == "M0036"]
    assert isinstance(members[35].data["mobile"], int) and members[35].id == "M0036"
    for record in chosen:
        text = as_yaml(repo, record, reveal=False)
        assert yamlio.load_text(text) == shown(record, reveal=False), record.id
        for value in (record.data.get("id_number"), record.data.get("mobile")):
            if value is not None:
                assert str(value) not in text, record.id

