"""`cmty board publish`: a period's boards committed and sealed by the annotated tag board/P;
`cmty validate` holding the records and boards to their seal (BOARD-RECORD-CHANGED,
BOARD-ALTERED); `cmty board diff` comparing what was published with what the records give now.
All on a copy of sample_data/ in a git repository of its own, as of 2026-10-08."""

from __future__ import annotations

import contextlib
import io
import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

from cmty import boards, seal
from cmty.cli import _boundary, app
from cmty.collect import load_records
from cmty.findings import Finding, Text
from cmty.repo import Repo
from cmty.transaction import EditRefused
from cmty.validate import validate_repo
from tests.conftest import SAMPLE

AS_OF = "2026-10-08"
TODAY = date(2026, 10, 8)
STAMP = "2026-10-08T10:00:00+08:00"  # every commit and tag of these tests
TAG = "board/2026Q3"
KINDS = ("dues", "finance", "party", "residents")
BOARDS = [f"boards/2026Q3/2026Q3-{kind}.md" for kind in KINDS]
V22 = "finance/vouchers/V2026-0022.yaml"
COVERED = sorted([
    "complaints/C2026-001.yaml", "disclosures/2026Q3-finance.yaml",
    *(f"finance/vouchers/V2026-{n:04d}.yaml" for n in range(1, 31)),
    "meetings/MT2026-060.yaml", "meetings/MT2026-084.yaml",
    "party/fees/2026-07.yaml", "party/fees/2026-08.yaml", "party/fees/2026-09.yaml"])
CHANGED_V22 = "V2026-0022 在 2026Q3 公开（board/2026Q3，2026-10-08）后被修改"
COMPLAINT = """\
id: C2026-004
date: 2026-09-20
channel: 来电
from: 周桂芝
contact: "13853179264"
grid: G02
matter: 和园小区11号楼楼道堆放杂物
acknowledged_on: 2026-09-21
answered_on: 2026-09-25
outcome: 已解决
satisfied: true
"""


def git(root: Path, *args: str, input: str | None = None) -> str:
    return subprocess.run(["git", *args], cwd=root, check=True, capture_output=True, text=True,
                          input=input).stdout


def cmty(root: Path, *args: str) -> tuple[int, str, str]:
    """Run cmty in this process; (exit code, stdout, stderr). Usable from module fixtures too."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = _boundary.run(app, ["--repo", str(root), *args])
    return code, out.getvalue(), err.getvalue()


def head(root: Path) -> str:
    return git(root, "rev-parse", "HEAD").strip()


def state(root: Path) -> tuple[str, str, str, dict[str, bytes]]:
    """HEAD, the tags, the status, and every file's bytes."""
    files = {p.relative_to(root).as_posix(): p.read_bytes()
             for p in root.rglob("*") if p.is_file() and ".git" not in p.relative_to(root).parts}
    return head(root), git(root, "tag"), git(root, "status", "--porcelain"), files


def board_findings(root: Path, at: str | None = None) -> list[Finding]:
    return [f for f in validate_repo(Repo(root), today=TODAY, at=at).findings if f.code.startswith("BOARD-")]


def placed(findings: list[Finding]) -> list[tuple[str, str, int | None, int | None, str | None]]:
    return [(f.code, f.file, f.line, f.column, f.record) for f in findings]


def rewrite(path: Path, text: str) -> None:
    """Replace the file rather than write into it: a copy's files are hard links (see copy_of)."""
    temporary = path.with_name(f".{path.name}.tmp")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, path)


def edit(root: Path, rel: str, old: str, new: str) -> None:
    text = (root / rel).read_text(encoding="utf-8")
    assert old in text
    rewrite(root / rel, text.replace(old, new, 1))


@pytest.fixture(scope="module", autouse=True)
def git_env() -> Iterator[None]:
    """No global or system git config (a signing or hook setting there would change the tests);
    fixed dates, so that the tag's date, which the findings name, is 2026-10-08."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("GIT_CONFIG_GLOBAL", os.devnull)
        patch.setenv("GIT_CONFIG_NOSYSTEM", "1")
        for key in ("GIT_AUTHOR_NAME", "GIT_AUTHOR_EMAIL", "GIT_COMMITTER_NAME", "GIT_COMMITTER_EMAIL"):
            patch.delenv(key, raising=False)
        patch.setenv("GIT_AUTHOR_DATE", STAMP)
        patch.setenv("GIT_COMMITTER_DATE", STAMP)
        yield


@pytest.fixture(scope="module")
def pristine(git_env: None, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """sample_data/ committed once, not published: copy it before changing it."""
    root = tmp_path_factory.mktemp("pristine") / "data"
    shutil.copytree(SAMPLE, root)
    git(root, "init", "-q")
    git(root, "config", "user.name", "王敏")
    git(root, "config", "user.email", "wm@example.invalid")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "sample")
    git(root, "repack", "-adq")  # one pack instead of hundreds of loose objects: quicker to copy
    git(root, "prune-packed")
    return root


@dataclass(frozen=True)
class Published:
    root: Path
    before: str  # HEAD before publishing
    code: int
    out: str
    err: str


@pytest.fixture(scope="module")
def published(pristine: Path, tmp_path_factory: pytest.TempPathFactory) -> Published:
    """The boards of 2026Q3 published as of 2026-10-08: tests read it, or copy it to change it."""
    root = tmp_path_factory.mktemp("published") / "data"
    shutil.copytree(pristine, root)
    before = head(root)
    code, out, err = cmty(root, "board", "publish", "--period", "2026Q3", "--as-of", AS_OF)
    git(root, "repack", "-adq")
    git(root, "prune-packed")
    return Published(root, before, code, out, err)


def copy_of(source: Path, tmp_path: Path) -> Path:
    """A repository to change: .git copied, the work tree's files hard-linked (copying them is
    ten times slower). git, cmty (transaction.write_atomic) and these tests (rewrite) replace a
    file rather than write into it, so the source never changes."""
    root = tmp_path / "data"
    shutil.copytree(source, root, symlinks=True, copy_function=os.link, ignore=shutil.ignore_patterns(".git"))
    shutil.copytree(source / ".git", root / ".git", symlinks=True)
    return root


@pytest.fixture
def unpublished(pristine: Path, tmp_path: Path) -> Path:
    return copy_of(pristine, tmp_path)


@pytest.fixture
def republished(published: Published, tmp_path: Path) -> Path:
    """A copy of the published repository for a test that changes it."""
    return copy_of(published.root, tmp_path)


# --- publish -----------------------------------------------------------------------------------

def test_publish_commits_the_four_boards_and_tags_the_commit(published: Published) -> None:
    root = published.root
    commit = head(root)
    assert (published.code, published.err) == (0, "")
    assert published.out == (f"已提交 {commit[:7]}：{', '.join(BOARDS)}\n"
                             f"已建标签 {TAG}：封存 4 个公开栏及其依据的 {len(COVERED)} 个记录文件\n")
    assert git(root, "tag") == f"{TAG}\n"
    assert git(root, "rev-parse", f"{TAG}^{{commit}}").strip() == commit
    assert git(root, "rev-parse", "HEAD^").strip() == published.before
    assert git(root, "show", "--name-only", "--format=", "HEAD").splitlines() == BOARDS
    assert git(root, "log", "-1", "--format=%B") == (
        "发布 2026Q3 公开栏 / publish the boards of 2026Q3\n\nCmty-Action: board.publish\n"
        + "".join(f"Cmty-Record: {path}\n" for path in BOARDS) + "Cmty-Version: 0.1.0\n\n")
    assert git(root, "status", "--porcelain", "--untracked-files=all") == ""


def test_the_tag_is_annotated_and_its_message_is_the_seal(published: Published) -> None:
    root = published.root
    assert git(root, "cat-file", "-t", TAG) == "tag\n"
    header, message = git(root, "cat-file", "-p", TAG).split("\n\n", 1)
    assert header.splitlines()[:3] == [f"object {head(root)}", "type commit", f"tag {TAG}"]
    assert header.splitlines()[3].startswith("tagger 王敏 <wm@example.invalid> ")
    lines = message.splitlines()
    assert lines[:6] == ["公开 2026Q3 / boards published for 2026Q3", "", "cmty-board-seal: 1",
                         "period: 2026Q3", "lang: zh", "as-of: 2026-10-08"]
    assert lines[6:10] == [f"board {git(root, 'rev-parse', f'{TAG}:{path}').strip()} {path}" for path in BOARDS]
    # every record file the boards show, as committed; none of Q4 (V2026-0031 is dated 2026-10-12)
    assert lines[10:] == [f"covers {git(root, 'rev-parse', f'{TAG}:{path}').strip()} {path}" for path in COVERED]
    assert f"covers {git(root, 'rev-parse', f'HEAD:{V22}').strip()} {V22}" in lines


def test_the_committed_boards_are_what_cmty_board_prints(published: Published) -> None:
    root = published.root
    for kind, path in zip(KINDS, BOARDS, strict=True):
        code, out, err = cmty(root, "board", kind, "--period", "2026Q3", "--as-of", AS_OF)
        assert (code, err) == (0, "")
        assert git(root, "show", f"{TAG}:{path}") == out
        assert (root / path).read_text(encoding="utf-8") == out
    assert git(root, "show", f"{TAG}:{BOARDS[1]}").startswith("# 和园社区 2026Q3 财务公开\n")


def test_publishing_again_is_refused(republished: Path) -> None:
    root = republished
    before = state(root), git(root, "rev-parse", TAG)
    code, out, err = cmty(root, "board", "publish", "--period", "2026Q3", "--as-of", "2026-10-09")
    assert (code, out) == (2, "")
    assert err == ("错误: 2026Q3 的公开已发布（标签 board/2026Q3），不能重新发布\n"
                   "提示: 更正请新建记录并引用原记录；cmty board diff 2026Q3 可看出重新生成会有何不同\n")
    assert (state(root), git(root, "rev-parse", TAG)) == before


def test_an_uncommitted_record_stops_publishing(unpublished: Path) -> None:
    root = unpublished
    edit(root, "complaints/C2026-001.yaml", "outcome: 已解决", "outcome: 已解决  # 回访")
    before = state(root)
    code, out, err = cmty(root, "board", "publish", "--period", "2026Q3", "--as-of", AS_OF)
    assert (code, out) == (2, "")
    assert err == ("错误: 有未提交的记录（complaints/C2026-001.yaml），公开须依据已提交的记录\n"
                   "提示: 先提交（git commit）或撤销这些修改\n")
    assert state(root) == before and not (root / "boards").exists()
    git(root, "add", "complaints/C2026-001.yaml")  # staged is not committed either
    code, _, err = cmty(root, "board", "publish", "--period", "2026Q3", "--as-of", AS_OF)
    assert code == 2 and err.startswith("错误: 有未提交的记录（complaints/C2026-001.yaml）")
    assert git(root, "tag") == "" and head(root) == before[0]


def test_a_record_that_is_not_yet_tracked_stops_publishing(unpublished: Path) -> None:
    rewrite(unpublished / "complaints/C2026-004.yaml", COMPLAINT)
    code, _, err = cmty(unpublished, "board", "publish", "--period", "2026Q3", "--as-of", AS_OF)
    assert code == 2 and err.startswith("错误: 有未提交的记录（complaints/C2026-004.yaml），公开须依据已提交的记录\n")
    assert git(unpublished, "tag") == ""


def test_an_untracked_file_outside_the_records_does_not_stop_publishing(unpublished: Path) -> None:
    rewrite(unpublished / "notes.txt", "下季度公开栏改版\n")
    (unpublished / "docs").mkdir()
    rewrite(unpublished / "docs/plan.md", "# 计划\n")
    code, out, err = cmty(unpublished, "board", "publish", "--period", "2026Q3", "--as-of", AS_OF)
    assert (code, err) == (0, "") and f"已建标签 {TAG}" in out
    assert git(unpublished, "show", "--name-only", "--format=", "HEAD").splitlines() == BOARDS
    assert git(unpublished, "status", "--porcelain", "--untracked-files=all") == "?? docs/plan.md\n?? notes.txt\n"


def test_a_tag_that_cannot_be_made_undoes_the_commit(unpublished: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = unpublished
    before = state(root)
    refusal = EditRefused(Text("无法建立标签", "could not make the tag"))

    def fail(*_: object) -> None:
        raise refusal

    monkeypatch.setattr(seal, "_tag", fail)
    repo = Repo(root)
    with pytest.raises(EditRefused) as info:
        seal.publish(repo, load_records(repo, boards.KINDS_READ, TODAY), "2026Q3", TODAY, "zh")
    assert info.value is refusal
    assert state(root) == before
    assert git(root, "ls-files", "boards") == "" and git(root, "diff", "--cached", "--name-only") == ""
    assert not any((root / "boards").rglob("*.md"))


def test_the_guard_stops_publishing(unpublished: Path) -> None:
    root = unpublished
    edit(root, V22, "空调清洗、加氟", "社区矫正对象公益劳动场地清洗")
    git(root, "commit", "-q", "-am", "摘要")
    before = state(root)
    code, out, err = cmty(root, "board", "publish", "--period", "2026Q3", "--as-of", AS_OF)
    assert (code, out) == (2, "")
    assert err.startswith("错误: finance 公开内容含不得公开的个人信息，未生成：第 11 行第 40 列 社区矫正相关信息 "
                          f"社区矫正（来自 V2026-0022，{V22}）\n")
    assert state(root) == before and not (root / "boards").exists()


# --- the seal, as validate reads it ------------------------------------------------------------

def test_validate_reports_nothing_of_a_seal_that_holds(published: Published) -> None:
    now = validate_repo(Repo(published.root), today=TODAY).findings
    assert [f for f in now if f.code.startswith("BOARD-")] == []
    then = validate_repo(Repo(published.root), today=TODAY, at=published.before).findings
    assert [f.to_tuple() for f in now] == [f.to_tuple() for f in then]  # publishing adds no finding


def test_an_edited_record_no_longer_matches_its_seal(republished: Path) -> None:
    root = republished
    edit(root, V22, 'amount: "960.00"', 'amount: "906.00"')  # line 6, the value at column 30
    (found,) = board_findings(root)
    assert placed([found]) == [("BOARD-RECORD-CHANGED", V22, 6, 30, "V2026-0022")]
    assert found.message == Text(CHANGED_V22, "V2026-0022 was changed after the 2026Q3 boards showed it "
                                              "(board/2026Q3, 2026-10-08)")
    assert f"git checkout board/2026Q3 -- {V22}" in found.hint.zh
    assert found.hint.en == (f"a published record is not edited: undo the change (git checkout board/2026Q3 -- {V22}) "
                             "and correct it by a new record that refers to the original (like a reversing voucher)")
    code, out, _ = cmty(root, "validate", "--as-of", AS_OF)
    assert code == 1 and f"{V22}:6:30: 错误 BOARD-RECORD-CHANGED [V2026-0022] {CHANGED_V22}\n" in out
    git(root, "commit", "-q", "-am", "改金额")  # committed, it is still not what was published
    assert placed(board_findings(root)) == [("BOARD-RECORD-CHANGED", V22, 6, 30, "V2026-0022")]
    git(root, "checkout", "-q", TAG, "--", V22)  # the hint's remedy
    assert board_findings(root) == []


def test_a_deleted_record_is_reported_without_a_line(republished: Path) -> None:
    root = republished
    (root / "meetings/MT2026-084.yaml").unlink()
    git(root, "rm", "-q", "complaints/C2026-001.yaml")
    git(root, "commit", "-q", "-m", "删除")
    assert placed(board_findings(root)) == [
        ("BOARD-RECORD-CHANGED", "complaints/C2026-001.yaml", None, None, "C2026-001"),
        ("BOARD-RECORD-CHANGED", "meetings/MT2026-084.yaml", None, None, "MT2026-084")]
    code, out, _ = cmty(root, "validate", "--as-of", AS_OF)
    assert code == 1
    assert ("meetings/MT2026-084.yaml: 错误 BOARD-RECORD-CHANGED [MT2026-084] MT2026-084 在 2026Q3 公开"
            "（board/2026Q3，2026-10-08）后被删除\n") in out
    assert "complaints/C2026-001.yaml: 错误 BOARD-RECORD-CHANGED [C2026-001] C2026-001 在 2026Q3 公开" in out


def test_an_altered_board_file_is_reported_at_its_first_changed_line(republished: Path) -> None:
    root = republished
    party = root / BOARDS[2]
    lines = len(party.read_text(encoding="utf-8").splitlines())
    assert lines == 27
    rewrite(party, party.read_text(encoding="utf-8") + "\n补充：O03 八月支委会已于九月补开。\n")
    (found,) = board_findings(root)
    assert placed([found]) == [("BOARD-ALTERED", BOARDS[2], lines + 1, 1, "2026Q3-party")]
    assert found.message.zh == "公开栏文件被修改，与 2026-10-08 发布的 board/2026Q3 不符"
    assert found.hint.zh == (f"恢复已发布的内容（git checkout board/2026Q3 -- {BOARDS[2]}）；新的内容须另行发布")
    edit(root, BOARDS[0], "2026Q3 党费收缴公示", "2026年第三季度 党费收缴公示")
    assert placed(board_findings(root)) == [("BOARD-ALTERED", BOARDS[0], 1, 12, "2026Q3-dues"), placed([found])[0]]


def test_records_the_seal_does_not_cover_may_change(republished: Path) -> None:
    """A voucher of Q4 (dated after the period, before the as-of day, or after it) is not on the
    2026Q3 boards; neither is a member's record."""
    root = republished
    new = (root / V22).read_text(encoding="utf-8").replace("V2026-0022", "V2026-0042").replace(
        "2026-07-09", "2026-10-05")
    rewrite(root / "finance/vouchers/V2026-0042.yaml", new)
    edit(root, "finance/vouchers/V2026-0031.yaml", "打印纸、墨盒", "打印纸、硒鼓")
    edit(root, "party/members/M0004.yaml", "name: 马志刚", "name: 马致刚")
    assert board_findings(root) == []
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "第四季度")
    assert board_findings(root) == []


def test_a_new_voucher_dated_into_a_published_period_is_reported(republished: Path) -> None:
    """The 2026Q3 finance board showed every voucher dated up to 2026-09-30: one entered since,
    dated 2026-09-29, would change it (BOARD-BACKDATED, at its date)."""
    root = republished
    new = (root / V22).read_text(encoding="utf-8").replace("V2026-0022", "V2026-0042").replace(
        "2026-07-09", "2026-09-29")
    rewrite(root / "finance/vouchers/V2026-0042.yaml", new)
    line = new.splitlines().index("date: 2026-09-29") + 1
    (found,) = board_findings(root)
    assert placed([found]) == [("BOARD-BACKDATED", "finance/vouchers/V2026-0042.yaml", line, 7, "V2026-0042")]
    assert found.message.zh == ("V2026-0042 日期 2026-09-29 落在已公开的 2026Q3（board/2026Q3，2026-10-08）之内，"
                                "公开后才记入")
    edit(root, "finance/vouchers/V2026-0042.yaml", "date: 2026-09-29", "date: 2026-10-09")
    assert board_findings(root) == []


def test_a_record_under_two_seals_is_reported_once_by_the_earlier_period(republished: Path) -> None:
    """V2026-0001 (2026-01-08) is on the 2026Q2 boards as well as on 2026Q3's: published later,
    the seal of 2026Q2 still comes first."""
    root = republished
    code, out, err = cmty(root, "board", "publish", "--period", "2026Q2", "--as-of", "2026-07-08")
    assert (code, err) == (0, "") and out.endswith("已建标签 board/2026Q2：封存 4 个公开栏及其依据的 26 个记录文件\n")
    assert [s.tag for s in seal.seals(Repo(root))] == ["board/2026Q2", TAG]
    assert board_findings(root) == []
    edit(root, "finance/vouchers/V2026-0001.yaml", "打印纸、墨盒、档案盒", "打印纸、墨盒")
    (found,) = board_findings(root)
    assert placed([found]) == [("BOARD-RECORD-CHANGED", "finance/vouchers/V2026-0001.yaml", 6, 52, "V2026-0001")]
    assert found.message.zh == "V2026-0001 在 2026Q2 公开（board/2026Q2，2026-10-08）后被修改"


LATE = (COMPLAINT.replace("2026-09-20", "2026-09-28").replace("2026-09-21", "2026-09-29")
        .replace("2026-09-25", "2026-10-10"))  # answered after the as-of day


def test_a_complaint_answered_after_the_as_of_day_is_still_in_hand_on_the_board(unpublished: Path) -> None:
    """C2026-004 (received 2026-09-28, answered 2026-10-10) is 办理中 on the 2026Q3 board as of
    2026-10-08: the board says what was known that day, so the later answer neither changes it
    nor breaks its seal."""
    root = unpublished
    rewrite(root / "complaints/C2026-004.yaml", LATE)
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "补录诉求")
    code, _, _ = cmty(root, "board", "publish", "--period", "2026Q3", "--as-of", AS_OF)
    assert code == 0
    assert git(root, "show", f"{TAG}:{BOARDS[3]}").endswith("| 来电      | 办理中     |      1 |\n")
    edit(root, "complaints/C2026-004.yaml", "outcome: 已解决", "outcome: 部分解决")
    code, out, _ = cmty(root, "board", "diff", "2026Q3")
    assert code == 0 and "一致" in out
    assert board_findings(root) == []


def test_cmty_set_of_a_covered_voucher_is_refused(republished: Path) -> None:
    root = republished
    before = state(root)
    code, out, err = cmty(root, "set", "V2026-0022", "counterparty=济南清源家电维修部")
    assert (code, out) == (2, "")
    assert err == ("错误: 修改会带来 1 个错误，未写入任何内容\n"
                   f"  {V22}:7:15: BOARD-RECORD-CHANGED {CHANGED_V22}\n"
                   "提示: 改正后重试；确需保存可加 --force\n")
    assert state(root) == before


def test_validate_at_a_commit_before_publishing_knows_no_seal(published: Published) -> None:
    """The tag is not reachable from the commit before it: at that commit the board files do not
    exist, which the seal would report as four deleted boards."""
    root = published.root
    assert [s.tag for s in seal.seals(Repo(root))] == [TAG]
    assert seal.seals(Repo(root), published.before) == []
    assert board_findings(root, at=published.before) == []
    assert board_findings(root, at="HEAD") == []
    code, out, _ = cmty(root, "validate", "--at", published.before, "--as-of", AS_OF)
    assert code == 1 and "BOARD-" not in out


# --- diff --------------------------------------------------------------------------------------

def test_diff_right_after_publishing_agrees(published: Published) -> None:
    assert cmty(published.root, "board", "diff", "2026Q3") == (
        0, "2026Q3：重新生成与已发布内容一致 / re-rendering gives what was published\n", "")


def test_diff_shows_what_a_new_complaint_would_change(republished: Path) -> None:
    root = republished
    rewrite(root / "complaints/C2026-004.yaml", COMPLAINT)
    shown = git(root, "show", f"{TAG}:{BOARDS[3]}").splitlines()
    at = shown.index("| 渠道      | 办理结果   |   件数 |") + 1
    assert at == len(shown) - 2  # the complaints' table ends the board: header, rule, one row
    expected = (f"--- a/{BOARDS[3]}\n+++ b/{BOARDS[3]}\n@@ -{at},3 +{at},4 @@\n"
                " | 渠道      | 办理结果   |   件数 |\n"
                " |-----------|------------|--------|\n"
                " | 12345转办 | 已解决     |      1 |\n"
                "+| 来电      | 已解决     |      1 |\n")
    assert cmty(root, "board", "diff", "2026Q3") == (1, expected, "")
    git(root, "add", "complaints/C2026-004.yaml")
    git(root, "commit", "-q", "-m", "补录诉求")
    assert cmty(root, "board", "diff", "2026Q3") == (1, expected, "")
    # A new record changes no sealed file, but the board it would change is outdated.
    assert [(f.code, f.file, f.line) for f in board_findings(root)] == [("BOARD-OUTDATED", BOARDS[3], at + 3)]


def test_diff_of_a_period_never_published(published: Published) -> None:
    assert cmty(published.root, "board", "diff", "2026Q2") == (
        2, "", "错误: 2026Q2 尚未发布（没有标签 board/2026Q2）\n提示: 发布：cmty board publish --period 2026Q2\n")


# --- signed tags -------------------------------------------------------------------------------

@pytest.fixture
def gnupg(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """A throwaway signing key in a GNUPGHOME of its own; its fingerprint."""
    if shutil.which("gpg") is None:
        pytest.skip("gpg is not on PATH: signed tags cannot be made here")
    home = tempfile.mkdtemp(prefix="gpg")  # short: gpg-agent's socket path has a length limit
    os.chmod(home, 0o700)
    monkeypatch.setenv("GNUPGHOME", home)
    try:
        made = subprocess.run(["gpg", "--batch", "--passphrase", "", "--quick-gen-key",
                               "Test Signer <signer@example.invalid>", "ed25519", "sign", "never"],
                              capture_output=True, text=True, check=False)
        if made.returncode != 0:
            pytest.skip(f"gpg could not make a key: {made.stderr.strip()[-200:]}")
        listed = subprocess.run(["gpg", "--batch", "--with-colons", "--list-secret-keys"],
                                capture_output=True, text=True, check=True).stdout
        yield next(line.split(":")[9] for line in listed.splitlines() if line.startswith("fpr:"))
    finally:
        if shutil.which("gpgconf"):
            subprocess.run(["gpgconf", "--kill", "gpg-agent"], capture_output=True, check=False)
        shutil.rmtree(home, ignore_errors=True)


def test_a_signing_key_makes_a_signed_tag(unpublished: Path, gnupg: str) -> None:
    root = unpublished
    git(root, "config", "user.signingkey", gnupg)
    code, out, err = cmty(root, "board", "publish", "--period", "2026Q3", "--as-of", AS_OF, "--lang", "en")
    assert (code, err) == (0, "")
    assert out.endswith(f"tagged {TAG} (signed): 4 boards and the {len(COVERED)} record files they show are sealed\n")
    verified = subprocess.run(["git", "tag", "-v", TAG], cwd=root, capture_output=True, text=True, check=False)
    assert verified.returncode == 0, verified.stderr
    assert "-----BEGIN PGP SIGNATURE-----" in git(root, "cat-file", "-p", TAG)
    (sealed,) = seal.seals(Repo(root))  # the signature after the message does not hide the seal
    assert (sealed.period, sealed.lang, sealed.as_of) == ("2026Q3", "en", TODAY)
    assert sorted(sealed.boards) == BOARDS and sorted(sealed.covers) == COVERED
    assert cmty(root, "board", "diff", "2026Q3")[:2] == (  # rendered again in English
        0, "2026Q3：重新生成与已发布内容一致 / re-rendering gives what was published\n")
    edit(root, V22, 'amount: "960.00"', 'amount: "906.00"')
    assert placed(board_findings(root)) == [("BOARD-RECORD-CHANGED", V22, 6, 30, "V2026-0022")]


def test_a_tag_with_an_empty_message_hides_no_seal(republished: Path) -> None:
    """Tags of other tools under board/ are skipped whatever their messages hold."""
    root = republished
    git(root, "tag", "-a", "board/notes", "-m", "", "HEAD~1")
    edit(root, "finance/vouchers/V2026-0022.yaml", "960.00", "906.00")
    assert [f.code for f in board_findings(root)] == ["BOARD-RECORD-CHANGED"]


def test_publishing_needs_a_branch_and_an_ended_period(unpublished: Path) -> None:
    root = unpublished
    code, _, err = cmty(root, "board", "publish", "--period", "2026Q3", "--as-of", "2026-09-30")
    assert code == 2 and err.startswith("错误: 2026Q3 到 2026-09-30 才结束，结束后才能发布（--as-of 2026-09-30）")
    git(root, "checkout", "-q", "--detach")
    code, _, err = cmty(root, "board", "publish", "--period", "2026Q3", "--as-of", AS_OF)
    assert code == 2 and err.startswith("错误: 当前不在任何分支上（HEAD 游离）")
    assert git(root, "tag") == ""


def test_two_data_folders_in_one_git_repository_publish_apart(pristine: Path, tmp_path: Path) -> None:
    """Each folder's boards are tagged board/<folder>/<period> and checked only against its own."""
    import shutil

    big = tmp_path / "big"
    for folder in ("east", "west"):
        shutil.copytree(pristine, big / folder, ignore=shutil.ignore_patterns(".git"))
    git(big.parent, "init", "-q", str(big))
    git(big, "config", "user.name", "王敏")
    git(big, "config", "user.email", "wm@example.invalid")
    git(big, "add", "-A")
    git(big, "commit", "-q", "-m", "两个社区")
    for folder in ("east", "west"):
        code, out, err = cmty(big / folder, "board", "publish", "--period", "2026Q3", "--as-of", AS_OF)
        assert (code, err) == (0, "") and f"已建标签 board/{folder}/2026Q3" in out
    edit(big / "west", "finance/vouchers/V2026-0022.yaml", "960.00", "906.00")
    assert board_findings(big / "east") == []
    assert [(f.code, f.file) for f in board_findings(big / "west")] == [
        ("BOARD-RECORD-CHANGED", "finance/vouchers/V2026-0022.yaml")]


@pytest.mark.parametrize(("rel", "old", "new"), [
    ("disclosures/2026Q3-finance.yaml", "taken_down_on:", "note: 已揭下\ntaken_down_on:"),
    ("finance/vouchers/V2026-0022.yaml", "approvals:", "note: 补记\napprovals:"),
])
def test_what_a_board_never_showed_may_be_recorded_later(republished: Path, rel: str, old: str, new: str) -> None:
    root = republished
    edit(root, rel, old, new)
    assert board_findings(root) == []


def test_a_remittance_shown_on_the_board_is_sealed_and_a_later_one_is_not(republished: Path) -> None:
    """The 2026-08 dues went up on 2026-09-12, before the board's day: its amount is on the
    board. The 2026-09 dues went up on 2026-10-12, after it: recording or changing that
    remittance changes nothing the board said."""
    root = republished
    edit(root, "party/fees/2026-09.yaml", 'amount: "3284.20", to:', 'amount: "3000.00", to:')
    assert board_findings(root) == []
    edit(root, "party/fees/2026-08.yaml", 'amount: "2857.90", to:', 'amount: "2800.00", to:')
    assert [(f.code, f.file) for f in board_findings(root)] == [("BOARD-RECORD-CHANGED", "party/fees/2026-08.yaml")]


def test_all_does_not_overwrite_a_sealed_folder(republished: Path, tmp_path: Path) -> None:
    root = republished
    before = state(root)
    code, out, err = cmty(root, "board", "--all", "--period", "2026Q3", "--as-of", AS_OF)
    assert (code, out) == (2, "")
    assert err.startswith("错误: 2026Q3 已发布（board/2026Q3），不能覆盖 boards/2026Q3/ 中已封存的公开")
    assert state(root) == before
    code, out, _ = cmty(root, "board", "--all", "--period", "2026Q3", "--as-of", AS_OF, "--out", str(tmp_path / "x"))
    assert code == 0 and len(out.splitlines()) == 4


def test_boards_already_committed_as_rendered_are_sealed_where_they_are(unpublished: Path) -> None:
    """cmty board --all, reviewed and committed by hand, then published: the commit is tagged."""
    root = unpublished
    code, _, _ = cmty(root, "board", "--all", "--period", "2026Q3", "--as-of", AS_OF)
    assert code == 0
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "公开栏初稿")
    reviewed = head(root)
    code, out, err = cmty(root, "board", "publish", "--period", "2026Q3", "--as-of", AS_OF)
    assert (code, err) == (0, "") and out.startswith(f"已提交 {reviewed[:7]}：")
    assert head(root) == reviewed and git(root, "rev-parse", f"{TAG}^{{commit}}").strip() == reviewed
    assert oct((root / BOARDS[0]).stat().st_mode & 0o777) == oct(0o666 & ~current_umask())


def current_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def test_a_change_a_board_only_counts_makes_it_outdated(republished: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """M0022's income base (members are not sealed line by line) changes what the dues board
    said was owed: BOARD-OUTDATED at the line and column that would change. The rendering is
    kept: a second validation of the same files renders nothing."""
    root = republished
    edit(root, "party/members/M0022.yaml", 'base: "5200.00"', 'base: "9200.00"')
    (found,) = [f for f in validate_repo(Repo(root), today=TODAY).findings if f.code.startswith("BOARD-")]
    assert (found.code, found.severity.name, found.file, found.line, found.column) == (
        "BOARD-OUTDATED", "WARNING", BOARDS[0], 23, 61)
    assert found.message.zh == ("2026Q3 的 dues 公开（board/2026Q3，2026-10-08）与现在的记录不符：第 23 行"
                                "“…| 100.0% | 822.15 | 1038.15…”现在为“…| 100.0% | 882.15 | 1038.15…”")

    def no_rendering(*args: object, **kwargs: object) -> str:
        raise AssertionError("rendered again")

    monkeypatch.setattr("cmty.boards.render", no_rendering)
    assert [f.code for f in board_findings(root)] == ["BOARD-OUTDATED"]


def test_a_record_change_reported_precisely_is_not_reported_again_as_outdated(republished: Path) -> None:
    root = republished
    edit(root, "finance/vouchers/V2026-0022.yaml", "960.00", "906.00")
    assert [f.code for f in board_findings(root)] == ["BOARD-RECORD-CHANGED"]


def test_a_step_in_carrying_out_a_decision_after_the_board_s_day_changes_nothing(republished: Path) -> None:
    """MT2026-083's decision (2026-06-18) is on the 2026Q2 residents board of 2026-07-08; the
    step of 2026-10-20 was taken after that day. A step dated before it would change the board."""
    root = republished
    code, _, _ = cmty(root, "board", "publish", "--period", "2026Q2", "--as-of", "2026-07-08")
    assert code == 0
    edit(root, "meetings/MT2026-083.yaml", "10月20日竣工验收", "10月20日竣工验收，资料归档")
    assert board_findings(root) == []
    edit(root, "meetings/MT2026-083.yaml", 'execution: [', 'execution: [{"on": 2026-07-01, status: 实施中}, ')
    assert [(f.code, f.file) for f in board_findings(root)] == [("BOARD-RECORD-CHANGED", "meetings/MT2026-083.yaml")]
