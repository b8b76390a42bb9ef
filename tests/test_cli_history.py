"""`cmty history`, `cmty blame` and `cmty log` through the command line: exact text, JSON equal to
the library's result, and errors with exit code 2. The repository is the one `build_story` makes
(see tests/test_history.py); commit ids are taken from it, so the expected text is exact."""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path

import pytest

from cmty.activity import activity
from cmty.cli import _boundary, app
from cmty.history import field_blame, record_history
from cmty.repo import Repo
from tests.conftest import BASE_FILES, CONFIG, KIND_NAMES, WriteRepo
from tests.test_history import WANG, Git, build_story, day, make_git

# Fixtures shared with the library tests: the story repository, and git's environment.
from tests.test_history import _clean_git_env as _clean_git_env
from tests.test_history import story as story


def run(capsys: pytest.CaptureFixture[str], root: Path, *args: str) -> tuple[int, str, str]:
    code = _boundary.run(app, ["--repo", str(root), *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


# --- history -------------------------------------------------------------------------------------


def test_history_text(capsys: pytest.CaptureFixture[str], story: Git) -> None:
    add, set_, hand, move, merge = (story.short(k) for k in ("add", "set", "hand", "move", "merge"))
    created = f"2026-11-01  {add}  刘建华  record.add  [新建]"
    code, out, err = run(capsys, story.root, "history", "M0012")
    assert (code, err) == (0, "")
    assert out == (
        f"{created} id: M0012\n"
        f"{created} name: 王*敏\n"
        f"{created} sex: 女\n"
        f"{created} id_number: 11*************02X\n"
        f"{created} mobile: 139****1234\n"
        f"{created} org: O02\n"
        f"{created} status: 预备党员\n"
        f"{created} category: 直接管理\n"
        f"{created} stages.applied: 2024-03-01\n"
        f"{created} stages.probationary: 2025-07-01\n"
        f"{created} fee_basis.0.from: 2025-07\n"
        f"{created} fee_basis.0.kind: in-service\n"
        f"{created} fee_basis.0.base: ***\n"
        f"2026-11-05  {set_}  王敏    record.set  mobile: 139****1234 → 150****0081\n"
        f"2026-11-10  {hand}  周晓    hand-edit   status: 预备党员 → 正式党员\n"
        f"2026-11-10  {hand}  周晓    hand-edit   stages.full: （无） → 2026-07-01\n"
        f"2026-11-10  {hand}  周晓    hand-edit   fee_basis.1.from: （无） → 2026-11\n"
        f"2026-11-10  {hand}  周晓    hand-edit   fee_basis.1.kind: （无） → in-service\n"
        f"2026-11-10  {hand}  周晓    hand-edit   fee_basis.1.base: （无） → ***\n"
        f"2026-11-12  {move}  周晓    hand-edit   [移动] party/members/M0012.yaml → party/members/O02/M0012.yaml\n"
        f"2026-11-15  {merge}  刘建华  merge       note: （无） → 新党员\n")


def test_history_field_since_reveal_english(capsys: pytest.CaptureFixture[str], story: Git) -> None:
    code, out, _ = run(capsys, story.root, "history", "M0012", "--field", "mobile", "--reveal", "--lang", "en")
    assert code == 0
    assert out == (f"2026-11-01  {story.short('add')}  刘建华  record.add  [created] mobile: 13912341234\n"
                   f"2026-11-05  {story.short('set')}  王敏    record.set  mobile: 13912341234 → 15000000081\n")
    code, out, _ = run(capsys, story.root, "history", "M0012", "--field", "fee_basis", "--since", "2026-11-06",
                       "--lang", "en")
    assert code == 0
    hand = f"2026-11-10  {story.short('hand')}  周晓  hand-edit"
    assert out == (f"{hand}  fee_basis.1.from: (none) → 2026-11\n"
                   f"{hand}  fee_basis.1.kind: (none) → in-service\n"
                   f"{hand}  fee_basis.1.base: (none) → ***\n")
    code, out, _ = run(capsys, story.root, "history", "M0012", "--since", "2027-01-01", "--lang", "en")
    assert (code, out) == (0, "(no matching changes)\n")


def test_history_of_a_deleted_record(capsys: pytest.CaptureFixture[str], story: Git) -> None:
    code, out, _ = run(capsys, story.root, "history", "M0003", "--field", "name")
    assert code == 0
    assert out == (f"2026-11-01  {story.short('init')}  刘建华  hand-edit  [新建] name: 张*\n"
                   f"2026-11-20  {story.short('delete')}  周晓    hand-edit  [删除] name: 张*\n")


@pytest.mark.parametrize("args", [[], ["--reveal"], ["--field", "fee_basis.1", "--since", "2026-11-10"]])
def test_history_json_equals_the_library(capsys: pytest.CaptureFixture[str], story: Git, args: list[str]) -> None:
    code, out, _ = run(capsys, story.root, "history", "M0012", "--format", "json", *args)
    assert code == 0
    field = args[args.index("--field") + 1] if "--field" in args else None
    since = args[args.index("--since") + 1] if "--since" in args else None
    expected = record_history(story.repo, "M0012", field=field, since=since, reveal="--reveal" in args)
    assert json.loads(out) == [asdict(c) for c in expected]
    assert expected  # parity on something


def test_history_json_exact(capsys: pytest.CaptureFixture[str], story: Git) -> None:
    code, out, _ = run(capsys, story.root, "history", "M0012", "--format", "json", "--since", "2026-11-15")
    assert code == 0
    assert out == ('[\n  {\n    "date": "2026-11-15T10:00:00+08:00",\n'
                   f'    "commit": "{story.commits["merge"]}",\n'
                   '    "author": "刘建华",\n    "email": "liujh@example.cn",\n    "action": "merge",\n'
                   '    "subject": "合并 side",\n    "op": "added",\n    "field": "note",\n    "old": null,\n'
                   '    "new": "新党员",\n    "file": "party/members/O02/M0012.yaml"\n  }\n]\n')


# --- blame ---------------------------------------------------------------------------------------


def test_blame_text(capsys: pytest.CaptureFixture[str], story: Git) -> None:
    story.edit("party/members/O02/M0012.yaml", "note: 新党员", "note: 新党员（转正）")
    add, set_, hand, merge = (f"{story.short(k)}" for k in ("add", "set", "hand", "merge"))
    code, out, err = run(capsys, story.root, "blame", "M0012")
    assert (code, err) == (0, "")
    assert out == (
        f"id                   M0012               2026-11-01  {add}  刘建华  record.add\n"
        f"name                 王*敏               2026-11-01  {add}  刘建华  record.add\n"
        f"sex                  女                  2026-11-01  {add}  刘建华  record.add\n"
        f"id_number            11*************02X  2026-11-01  {add}  刘建华  record.add\n"
        f"mobile               150****0081         2026-11-05  {set_}  王敏    record.set\n"
        f"org                  O02                 2026-11-01  {add}  刘建华  record.add\n"
        f"status               正式党员            2026-11-10  {hand}  周晓    hand-edit\n"
        f"category             直接管理            2026-11-01  {add}  刘建华  record.add\n"
        f"note                 新党员（转正）{' ' * (4 + 2 + 10 + 2 + 7 + 2 + 6 + 2)}未提交\n"
        f"stages.applied       2024-03-01          2026-11-01  {add}  刘建华  record.add\n"
        f"stages.probationary  2025-07-01          2026-11-01  {add}  刘建华  record.add\n"
        f"stages.full          2026-07-01          2026-11-10  {hand}  周晓    hand-edit\n"
        f"fee_basis.0.from     2025-07             2026-11-01  {add}  刘建华  record.add\n"
        f"fee_basis.0.kind     in-service          2026-11-01  {add}  刘建华  record.add\n"
        f"fee_basis.0.base     ***                 2026-11-01  {add}  刘建华  record.add\n"
        f"fee_basis.1.from     2026-11             2026-11-10  {hand}  周晓    hand-edit\n"
        f"fee_basis.1.kind     in-service          2026-11-10  {hand}  周晓    hand-edit\n"
        f"fee_basis.1.base     ***                 2026-11-10  {hand}  周晓    hand-edit\n")
    assert merge not in out


@pytest.mark.parametrize("args", [[], ["--reveal"]])
def test_blame_json_equals_the_library(capsys: pytest.CaptureFixture[str], story: Git, args: list[str]) -> None:
    code, out, _ = run(capsys, story.root, "blame", "M0012", "--format", "json", *args)
    assert code == 0
    expected = field_blame(story.repo, "M0012", reveal="--reveal" in args)
    assert json.loads(out) == [asdict(b) for b in expected]
    assert {b["field"]: b["value"] for b in json.loads(out)}["mobile"] == (
        "15000000081" if args else "150****0081")


# --- log -----------------------------------------------------------------------------------------


def test_log_text(capsys: pytest.CaptureFixture[str], story: Git) -> None:
    s = story.short
    code, out, err = run(capsys, story.root, "log", "--since", "2026-11-05")
    assert (code, err) == (0, "")
    assert out == (
        f"2026-11-20  {s('delete')}  周晓  hand-edit   fund    F01    修改  删除 M0003，调整 F01 期初余额\n"
        f"2026-11-20  {s('delete')}  周晓  hand-edit   member  M0003  删除  删除 M0003，调整 F01 期初余额\n"
        f"2026-11-14  {s('side')}  孙丽  record.set  member  M0012  修改  修改 M0012：note / set M0012: note\n"
        f"2026-11-13  {s('m0001')}  王敏  record.set  member  M0001  修改  "
        "修改 M0001：ethnicity / set M0001: ethnicity\n"
        f"2026-11-12  {s('move')}  周晓  hand-edit   member  M0012  移动  按支部分文件夹\n"
        f"2026-11-10  {s('hand')}  周晓  hand-edit   member  M0012  修改  M0012 转正\n"
        f"2026-11-05  {s('set')}  王敏  record.set  member  M0012  修改  修改 M0012：mobile / set M0012: mobile\n")


def test_log_filters(capsys: pytest.CaptureFixture[str], story: Git) -> None:
    code, out, _ = run(capsys, story.root, "log", "--kind", "fund", "--lang", "en")
    assert code == 0
    assert out == (f"2026-11-20  {story.short('delete')}  周晓    hand-edit  fund  F01  modified  "
                   "删除 M0003，调整 F01 期初余额\n"
                   f"2026-11-01  {story.short('init')}  刘建华  hand-edit  fund  F01  added     初始数据\n")
    code, out, _ = run(capsys, story.root, "log", "--author", "王敏", "--action", "record.set")
    assert code == 0
    assert [line.split("  ")[5] for line in out.splitlines()] == ["M0001", "M0012"]
    code, out, _ = run(capsys, story.root, "log", "--action", "record.remove")
    assert (code, out) == (0, "（没有符合条件的修改）\n")


@pytest.mark.parametrize("args", [[], ["--kind", "member", "--since", "2026-11-10"], ["--author", "zhouxiao"],
                                  ["--action", "hand-edit"]])
def test_log_json_equals_the_library(capsys: pytest.CaptureFixture[str], story: Git, args: list[str]) -> None:
    code, out, _ = run(capsys, story.root, "log", "--format", "json", *args)
    assert code == 0
    options = dict(zip(args[::2], args[1::2], strict=True))
    expected = activity(story.repo, kind=options.get("--kind"), since=options.get("--since"),
                        author=options.get("--author"), action=options.get("--action"))
    assert json.loads(out) == [asdict(a) for a in expected]
    assert expected


# --- errors --------------------------------------------------------------------------------------


@pytest.mark.parametrize(("args", "message"), [
    (["history", "M9999"], "错误: 没有编号为 M9999 的记录，历史中也没有\n"
                           "提示: 用 cmty list KIND 查看现有编号，cmty log 查看修改记录\n"),
    (["history", "M0012", "--since", "11/05", "--lang", "en"],
     "error: --since takes a date YYYY-MM-DD, not '11/05'\nhint: for example 2026-11-05\n"),
    (["blame", "M0003", "--lang", "en"],
     "error: no record has id M0003\nhint: cmty list KIND shows the ids there are\n"),
    (["log", "--kind", "person", "--lang", "en"],
     f"error: no record kind person; use one of: {KIND_NAMES}\n"),
    (["history", "../orgs/O01"], "错误: '../orgs/O01' 不是记录编号\n提示: 编号形如 M0012、V2026-0031 或 2026-11\n"),
])
def test_errors_exit_2(capsys: pytest.CaptureFixture[str], story: Git, args: list[str], message: str) -> None:
    assert run(capsys, story.root, *args) == (2, "", message)


def test_not_a_git_repository(capsys: pytest.CaptureFixture[str], write_repo: WriteRepo) -> None:
    repo = write_repo({})
    for args in (["history", "M0001"], ["log"], ["blame", "M0001"]):
        code, out, err = run(capsys, repo.root, *args, "--lang", "en")
        assert (code, out) == (2, "")
        assert err == (f"error: {repo.root} is not in a git repository: there is no history\n"
                       "hint: run git init in the data repository and commit, or create one with cmty init\n")


def test_a_hand_made_repository(capsys: pytest.CaptureFixture[str], write_repo: WriteRepo) -> None:
    """A repository whose every commit was made by hand with git: first-class history."""
    g = make_git(write_repo({}))
    g.commit("one", "录入", WANG, day(2))
    g.edit("party/orgs/O02.yaml", "type: 联合党支部\n",
           "type: 联合党支部\nterm: {start: 2026-03-20, end: 2031-03-20}\n")
    g.commit("two", "O02 换届", WANG, day(3))
    code, out, _ = run(capsys, g.root, "history", "O02", "--since", "2026-11-03")
    assert (code, out) == (0, f"2026-11-03  {g.short('two')}  王敏  hand-edit  term.start: （无） → 2026-03-20\n"
                              f"2026-11-03  {g.short('two')}  王敏  hand-edit  term.end: （无） → 2031-03-20\n")
    code, out, _ = run(capsys, g.root, "log", "--kind", "org", "--since", "2026-11-03")
    assert (code, out) == (0, f"2026-11-03  {g.short('two')}  王敏  hand-edit  org  O02  修改  O02 换届\n")


def test_story_commits_are_reproducible(tmp_path_factory: pytest.TempPathFactory, story: Git) -> None:
    """Fixed authors and dates make every commit id the same on every run (the outputs above
    take their ids from the story, and this checks they could be written down)."""
    other = tmp_path_factory.mktemp("again")
    (other / "cmty.yaml").write_text(CONFIG, encoding="utf-8")
    for rel, text in BASE_FILES.items():
        (other / rel).parent.mkdir(parents=True, exist_ok=True)
        (other / rel).write_text(text, encoding="utf-8")
    assert build_story(Repo(other)).commits == story.commits
