"""Edits are transactions: one commit each, or the repository exactly as it was."""

from __future__ import annotations

import subprocess
import sys

import pytest

from cmty import transaction
from cmty.cli import _boundary, app
from cmty.edit import Options, add_record, remove_record, set_fields, unset_field
from cmty.repo import Repo
from cmty.transaction import EditRefused, GitStepFailed
from tests.conftest import CommittedRepo, git

MEMBER = "party/members/M0001.yaml"



@pytest.fixture
def repo(committed_repo: CommittedRepo) -> Repo:
    return committed_repo({})


def state(repo: Repo) -> tuple[str, str, dict[str, bytes]]:
    """HEAD, the index and work-tree status, and every file's bytes."""
    files = {p.relative_to(repo.root).as_posix(): p.read_bytes()
             for p in repo.root.rglob("*") if p.is_file() and ".git" not in p.parts}
    return (git(repo.root, "rev-parse", "HEAD"), git(repo.root, "status", "--porcelain"), files)


def test_set_changes_one_line_and_commits_with_trailers(repo: Repo) -> None:
    before = (repo.root / MEMBER).read_text(encoding="utf-8")
    outcome = set_fields(repo, "M0001", ["mobile=15000000081"], Options())
    after = (repo.root / MEMBER).read_text(encoding="utf-8")
    assert after == before.replace('mobile: "13905361234"', 'mobile: "15000000081"')
    assert outcome.files == [MEMBER] and outcome.commit == git(repo.root, "rev-parse", "HEAD").strip()
    assert git(repo.root, "log", "-1", "--format=%an%n%B") == (
        "王敏\n修改 M0001：mobile / set M0001: mobile\n\n"
        "Cmty-Action: record.set\nCmty-Record: M0001\nCmty-Version: 0.1.0\n\n")
    assert git(repo.root, "status", "--porcelain") == ""


def test_values_are_typed_by_the_schema(repo: Repo) -> None:
    set_fields(repo, "F01", ["earmarked=false", "purposes=[办公费, 慰问]"], Options())
    text = (repo.root / "finance/funds/F01.yaml").read_text(encoding="utf-8")
    assert "earmarked: false\n" in text and "purposes: [办公费, 慰问]\n" in text


def test_an_edit_that_adds_an_error_is_refused_and_nothing_changes(repo: Repo) -> None:
    before = state(repo)
    with pytest.raises(EditRefused) as info:
        set_fields(repo, "M0001", ["mobile=1390536"], Options())
    assert [f.code for f in info.value.findings] == ["MOBILE-FORMAT"]
    assert state(repo) == before


def test_force_saves_it_and_says_what_it_added(repo: Repo) -> None:
    outcome = set_fields(repo, "M0001", ["org=O99"], Options(force=True))
    assert [(f.code, f.file) for f in outcome.findings] == [("REF-MISSING", MEMBER)]
    assert "org: O99" in (repo.root / MEMBER).read_text(encoding="utf-8")


def test_no_commit_leaves_the_change_staged(repo: Repo) -> None:
    head = git(repo.root, "rev-parse", "HEAD")
    outcome = set_fields(repo, "M0001", ["name=刘建国"], Options(no_commit=True))
    assert outcome.commit is None and git(repo.root, "rev-parse", "HEAD") == head
    assert git(repo.root, "status", "--porcelain") == f"M  {MEMBER}\n"


def test_unrelated_changes_are_not_swept_into_the_commit(repo: Repo) -> None:
    fund = repo.root / "finance/funds/F01.yaml"
    fund.write_text(fund.read_text(encoding="utf-8") + "note: 手工修改\n", encoding="utf-8")
    set_fields(repo, "M0001", ["name=刘建国"], Options())
    assert git(repo.root, "show", "--name-only", "--format=", "HEAD") == f"{MEMBER}\n"
    assert git(repo.root, "status", "--porcelain") == " M finance/funds/F01.yaml\n"


def test_a_file_with_uncommitted_changes_is_refused(repo: Repo) -> None:
    member = repo.root / MEMBER
    member.write_text(member.read_text(encoding="utf-8") + "note: 手工\n", encoding="utf-8")
    before = state(repo)
    with pytest.raises(EditRefused) as info:
        set_fields(repo, "M0001", ["name=刘建国"], Options())
    assert MEMBER in info.value.message.en
    assert state(repo) == before


def test_unset_removes_the_line(repo: Repo) -> None:
    unset_field(repo, "M0001", "mobile", Options())
    assert "mobile" not in (repo.root / MEMBER).read_text(encoding="utf-8")
    assert git(repo.root, "log", "-1", "--format=%s") == "删除 M0001 的 mobile / unset M0001: mobile\n"


def test_add_assigns_the_next_id(repo: Repo) -> None:
    fields = {"name": "李秀英", "sex": "女", "org": "O02", "status": "正式党员",
              "category": "直接管理", "mobile": "13905360002"}
    outcome = add_record(repo, "member", fields, Options())
    assert outcome.files == ["party/members/M0002.yaml"]
    assert (repo.root / "party/members/M0002.yaml").read_text(encoding="utf-8") == (
        "id: M0002\nname: 李秀英\nsex: 女\nmobile: \"13905360002\"\norg: O02\nstatus: 正式党员\n"
        "category: 直接管理\n")


def test_rm_refuses_a_record_others_refer_to_and_names_them(repo: Repo) -> None:
    before = state(repo)
    with pytest.raises(EditRefused) as info:
        remove_record(repo, "O02", Options())
    assert info.value.message.en == "O02 is still referred to by M0001; not removed"
    assert state(repo) == before
    remove_record(repo, "F01", Options())
    assert not (repo.root / "finance/funds/F01.yaml").exists()
    assert git(repo.root, "status", "--porcelain") == ""


@pytest.mark.parametrize("step", ["write_atomic", "git_add", "git_commit"])
def test_a_failure_at_any_step_leaves_everything_as_it_was(
        repo: Repo, monkeypatch: pytest.MonkeyPatch, step: str) -> None:
    before = state(repo)
    real = getattr(transaction, step)
    calls = {"n": 0}

    def failing(*args: object, **kwargs: object) -> object:
        calls["n"] += 1
        real(*args, **kwargs)  # the step happens, then something goes wrong
        raise OSError("disk full")

    monkeypatch.setattr(transaction, step, failing)
    with pytest.raises(OSError):
        set_fields(repo, "M0001", ["name=刘建国"], Options())
    assert calls["n"] == 1
    assert state(repo) == before


def test_a_refusing_commit_hook_leaves_everything_as_it_was(repo: Repo) -> None:
    hook = repo.root / ".git/hooks/pre-commit"
    hook.write_text("#!/bin/sh\necho 不允许 >&2\nexit 1\n", encoding="utf-8")
    hook.chmod(0o755)
    before = state(repo)
    with pytest.raises(GitStepFailed) as info:
        set_fields(repo, "M0001", ["name=刘建国"], Options())
    assert "不允许" in info.value.message.zh
    assert state(repo) == before


def test_two_writers_one_after_the_other_both_land(repo: Repo) -> None:
    script = ("import sys; from cmty.cli import main; "
              "sys.argv = ['cmty', '--repo', sys.argv[1], 'set', 'M0001', sys.argv[2]]; main()")
    runs = [subprocess.Popen([sys.executable, "-c", script, str(repo.root), change],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE)
            for change in ("name=刘建国", "mobile=15000000081")]
    results = [(p.communicate(timeout=60), p.returncode) for p in runs]
    assert [code for _, code in results] == [0, 0], results
    text = (repo.root / MEMBER).read_text(encoding="utf-8")
    assert "name: 刘建国" in text and 'mobile: "15000000081"' in text
    assert git(repo.root, "rev-list", "--count", "HEAD") == "3\n"


def test_a_writer_that_cannot_get_the_lock_gives_up_clearly(
        repo: Repo, monkeypatch: pytest.MonkeyPatch) -> None:
    from filelock import FileLock

    monkeypatch.setattr(transaction, "LOCK_WAIT_SECONDS", 0.2)
    with FileLock(str(repo.root / ".git/cmty.lock")), pytest.raises(EditRefused) as info:
        set_fields(repo, "M0001", ["name=刘建国"], Options())
    assert info.value.message.en.startswith("another cmty is changing this repository")


def test_cli_set_reports_the_commit(repo: Repo, capsys: pytest.CaptureFixture[str]) -> None:
    code = _boundary.run(app, ["--repo", str(repo.root), "set", "M0001", "name=刘建国",
                               "--lang", "en"])
    out, err = capsys.readouterr()
    head = git(repo.root, "rev-parse", "--short=7", "HEAD").strip()
    assert (code, out, err) == (0, f"committed {head}: {MEMBER}\n", "")


def test_cli_refusal_lists_the_findings(repo: Repo, capsys: pytest.CaptureFixture[str]) -> None:
    code = _boundary.run(app, ["--repo", str(repo.root), "set", "M0001", "org=O99"])
    out, err = capsys.readouterr()
    assert (code, out) == (2, "")
    assert err.splitlines()[:2] == ["错误: 修改会带来 1 个错误，未写入任何内容",
                                    f"  {MEMBER}:6:6: REF-MISSING org 引用的 O99 不存在"]


def test_each_commit_is_added_to_the_commit_graph_with_path_filters(repo: Repo) -> None:
    set_fields(repo, "M0001", ["name=刘建国"], Options())
    chain = repo.root / ".git/objects/info/commit-graphs/commit-graph-chain"
    layers = chain.read_text(encoding="utf-8").split()
    assert len(layers) >= 1
    verify = subprocess.run(["git", "commit-graph", "verify"], cwd=repo.root, capture_output=True)
    assert verify.returncode == 0


def test_list_items_by_the_value_of_their_first_field(repo: Repo) -> None:
    voucher = ("id: V2026-0031\ndate: 2026-10-12\nfund: F01\ntype: expense\n"
               'lines:\n  - {category: 办公费, amount: "356.00"}\n'
               "document: {type: 发票, number: \"1\"}\npayment: cash\nhandler: 王敏\n"
               "approvals:\n  - {role: 民主理财小组, person: 赵国强, on: 2026-10-13}\n"
               "  - {role: 书记, person: 刘建华, on: 2026-10-13}\n")
    (repo.root / "finance/vouchers").mkdir(parents=True, exist_ok=True)
    (repo.root / "finance/vouchers/V2026-0031.yaml").write_text(voucher, encoding="utf-8")
    git(repo.root, "add", "-A")
    git(repo.root, "commit", "-q", "-m", "voucher")
    set_fields(repo, "V2026-0031", ["approvals.书记.on=2026-10-14", "lines.办公费.amount=350.00"],
               Options())
    text = (repo.root / "finance/vouchers/V2026-0031.yaml").read_text(encoding="utf-8")
    assert "  - {role: 书记, person: 刘建华, on: 2026-10-14}\n" in text
    assert '  - {category: 办公费, amount: "350.00"}\n' in text
    unset_field(repo, "V2026-0031", "approvals.民主理财小组", Options(force=True))
    assert "赵国强" not in (repo.root / "finance/vouchers/V2026-0031.yaml").read_text("utf-8")
    from cmty.errors import UsageError

    with pytest.raises(UsageError) as info:
        set_fields(repo, "V2026-0031", ["approvals.会计.on=2026-10-14"], Options())
    assert info.value.message.en == "approvals.会计: 0 list items start with 会计"
