"""The history library (cmty.history, cmty.gitlog) on real git repositories with fixed dates.

`story` builds one data repository through a small life: a member is added by cmty, edited by
cmty and by hand, moved to a sub-folder, changed on a branch that is merged back, and another
member is deleted by hand. Every commit has a fixed author, date and message, so commit ids and
outputs are exact.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from cmty.activity import activity
from cmty.errors import BadRevisionError, NotAGitRepoError, RecordNotFoundError, UsageError
from cmty.gitlog import GitRepo
from cmty.history import Activity, BlameLine, field_blame, flatten, record_at, record_history
from cmty.repo import Repo
from tests.conftest import WriteRepo

LIU = ("刘建华", "liujh@example.cn")
WANG = ("王敏", "wangmin@example.cn")
ZHOU = ("周晓", "zhouxiao@example.cn")
SUN = ("孙丽", "sunli@example.cn")

M0012 = """\
id: M0012
name: 王小敏
sex: 女
id_number: "11010519491231002X"
mobile: "13912341234"
org: O02
status: 预备党员
category: 直接管理
stages: {applied: 2024-03-01, probationary: 2025-07-01}
fee_basis:
  - {from: 2025-07, kind: in-service, base: "5000.00"}
"""
M0003 = "id: M0003\nname: 张三\nsex: 男\norg: O02\nstatus: 正式党员\ncategory: 直接管理\n"


def trailers(action: str, *records: str) -> str:
    return "\n\n" + "\n".join([f"Cmty-Action: {action}", *(f"Cmty-Record: {r}" for r in records),
                               "Cmty-Version: 0.1.0"])


@dataclass
class Git:
    """A data repository in a git repository, committed with fixed authors and dates."""

    root: Path
    commits: dict[str, str] = field(default_factory=dict)  # label → commit id

    def run(self, *args: str, who: tuple[str, str] = LIU, when: str = "2026-11-01T10:00:00+08:00",
            check: bool = True) -> str:
        env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
        env.update(GIT_AUTHOR_NAME=who[0], GIT_AUTHOR_EMAIL=who[1], GIT_AUTHOR_DATE=when,
                   GIT_COMMITTER_NAME=who[0], GIT_COMMITTER_EMAIL=who[1], GIT_COMMITTER_DATE=when,
                   GIT_CONFIG_GLOBAL=os.devnull, GIT_CONFIG_NOSYSTEM="1")
        done = subprocess.run(["git", "-c", "init.defaultBranch=main", *args], cwd=self.root, env=env,
                              capture_output=True, text=True, check=False)
        assert done.returncode == 0 or not check, done.stderr
        return done.stdout.strip() if done.returncode == 0 else f"exit {done.returncode}"

    def write(self, rel: str, text: str) -> None:
        path = self.root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")

    def edit(self, rel: str, old: str, new: str) -> None:
        text = (self.root / rel).read_text(encoding="utf-8")
        assert old in text, (rel, old)
        self.write(rel, text.replace(old, new, 1))

    def commit(self, label: str, message: str, who: tuple[str, str], when: str) -> str:
        self.run("add", "-A", who=who, when=when)
        self.run("commit", "-q", "-m", message, who=who, when=when)
        self.commits[label] = self.run("rev-parse", "HEAD")
        return self.commits[label]

    def short(self, label: str) -> str:
        return self.commits[label][:7]

    @property
    def repo(self) -> Repo:
        return Repo(self.root)


def day(d: int, hour: int = 10) -> str:
    return f"2026-11-{d:02d}T{hour:02d}:00:00+08:00"


@pytest.fixture(autouse=True)
def _clean_git_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """Library calls run git with this environment: no outer repository, Beijing time."""
    for name in list(os.environ):
        if name.startswith("GIT_"):
            monkeypatch.delenv(name)
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", os.devnull)
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    monkeypatch.setenv("TZ", "Asia/Shanghai")


def make_git(repo: Repo) -> Git:
    git = Git(repo.root)
    git.run("init", "-q")
    return git


def build_story(repo: Repo) -> Git:
    g = make_git(repo)
    g.write("party/members/M0003.yaml", M0003)
    g.commit("init", "初始数据", LIU, day(1, 9))
    g.write("party/members/M0012.yaml", M0012)
    g.commit("add", "新建 M0012 / add M0012" + trailers("record.add", "M0012"), LIU, day(1))
    g.edit("party/members/M0012.yaml", '"13912341234"', '"15000000081"')
    g.commit("set", "修改 M0012：mobile / set M0012: mobile" + trailers("record.set", "M0012"), WANG, day(5))
    g.edit("party/members/M0012.yaml", "status: 预备党员", "status: 正式党员  # 支部大会通过")
    g.edit("party/members/M0012.yaml", "probationary: 2025-07-01}", "probationary: 2025-07-01, full: 2026-07-01}")
    g.edit("party/members/M0012.yaml", 'base: "5000.00"}\n',
           'base: "5000.00"}\n  - {from: 2026-11, kind: in-service, base: "5200.00"}\n')
    g.commit("hand", "M0012 转正", ZHOU, day(10))
    (g.root / "party/members/O02").mkdir()
    g.run("mv", "party/members/M0012.yaml", "party/members/O02/M0012.yaml")
    g.commit("move", "按支部分文件夹", ZHOU, day(12))
    g.run("checkout", "-q", "-b", "side")
    g.edit("party/members/O02/M0012.yaml", "category: 直接管理\n", "category: 直接管理\nnote: 新党员\n")
    g.commit("side", "修改 M0012：note / set M0012: note" + trailers("record.set", "M0012"), SUN, day(14))
    g.run("checkout", "-q", "main")
    g.edit("party/members/M0001.yaml", "sex: 男", "sex: 男\nethnicity: 汉族")
    g.commit("m0001", "修改 M0001：ethnicity / set M0001: ethnicity" + trailers("record.set", "M0001"),
             WANG, day(13))
    g.run("merge", "-q", "--no-ff", "side", "-m", "合并 side", who=LIU, when=day(15))
    g.commits["merge"] = g.run("rev-parse", "HEAD")
    g.run("rm", "-q", "party/members/M0003.yaml")
    g.edit("finance/funds/F01.yaml", 'opening_balance: "10000.00"', 'opening_balance: "12000.00"')
    g.commit("delete", "删除 M0003，调整 F01 期初余额", ZHOU, day(20))
    return g


@pytest.fixture
def story(write_repo: WriteRepo) -> Git:
    return build_story(write_repo({}))


def rows(changes: list) -> list[tuple]:  # type: ignore[type-arg]
    return [(c.date[:10], c.commit, c.author, c.action, c.op, c.field, c.old, c.new) for c in changes]


# --- record_history ------------------------------------------------------------------------------


def test_history_of_a_record(story: Git) -> None:
    c = story.commits
    created = ("2026-11-01", c["add"], "刘建华", "record.add", "created")
    assert rows(record_history(story.repo, "M0012")) == [
        (*created, "id", None, "M0012"),
        (*created, "name", None, "王*敏"),
        (*created, "sex", None, "女"),
        (*created, "id_number", None, "11*************02X"),
        (*created, "mobile", None, "139****1234"),
        (*created, "org", None, "O02"),
        (*created, "status", None, "预备党员"),
        (*created, "category", None, "直接管理"),
        (*created, "stages.applied", None, "2024-03-01"),
        (*created, "stages.probationary", None, "2025-07-01"),
        (*created, "fee_basis.0.from", None, "2025-07"),
        (*created, "fee_basis.0.kind", None, "in-service"),
        (*created, "fee_basis.0.base", None, "***"),
        ("2026-11-05", c["set"], "王敏", "record.set", "changed", "mobile", "139****1234", "150****0081"),
        ("2026-11-10", c["hand"], "周晓", "hand-edit", "changed", "status", "预备党员", "正式党员"),
        ("2026-11-10", c["hand"], "周晓", "hand-edit", "added", "stages.full", None, "2026-07-01"),
        ("2026-11-10", c["hand"], "周晓", "hand-edit", "added", "fee_basis.1.from", None, "2026-11"),
        ("2026-11-10", c["hand"], "周晓", "hand-edit", "added", "fee_basis.1.kind", None, "in-service"),
        ("2026-11-10", c["hand"], "周晓", "hand-edit", "added", "fee_basis.1.base", None, "***"),
        ("2026-11-12", c["move"], "周晓", "hand-edit", "moved", "", "party/members/M0012.yaml",
         "party/members/O02/M0012.yaml"),
        ("2026-11-15", c["merge"], "刘建华", "merge", "added", "note", None, "新党员"),
    ]


def test_each_change_carries_its_commit(story: Git) -> None:
    changes = record_history(story.repo, "M0012")
    first, last = changes[0], changes[-1]
    assert (first.email, first.subject, first.file, first.date) == (
        "liujh@example.cn", "新建 M0012 / add M0012", "party/members/M0012.yaml", "2026-11-01T10:00:00+08:00")
    assert (last.subject, last.file) == ("合并 side", "party/members/O02/M0012.yaml")


def test_reveal_shows_personal_values(story: Git) -> None:
    revealed = {(c.op, c.field): (c.old, c.new) for c in record_history(story.repo, "M0012", reveal=True)}
    assert revealed[("created", "name")] == (None, "王小敏")
    assert revealed[("changed", "mobile")] == ("13912341234", "15000000081")
    assert revealed[("added", "fee_basis.1.base")] == (None, "5200.00")
    assert revealed[("created", "id_number")] == (None, "11010519491231002X")


def test_field_filter_keeps_the_field_and_its_children(story: Git) -> None:
    assert [(c.op, c.field, c.old, c.new) for c in record_history(story.repo, "M0012", field="mobile")] == [
        ("created", "mobile", None, "139****1234"), ("changed", "mobile", "139****1234", "150****0081")]
    assert [c.field for c in record_history(story.repo, "M0012", field="fee_basis.1")] == [
        "fee_basis.1.from", "fee_basis.1.kind", "fee_basis.1.base"]
    assert [c.field for c in record_history(story.repo, "M0012", field="stages")] == [
        "stages.applied", "stages.probationary", "stages.full"]
    assert record_history(story.repo, "M0012", field="mob") == []  # a prefix of a name is not a parent


def test_since_filter(story: Git) -> None:
    assert [(c.date[:10], c.op, c.field) for c in record_history(story.repo, "M0012", since="2026-11-12")] == [
        ("2026-11-12", "moved", ""), ("2026-11-15", "added", "note")]
    assert record_history(story.repo, "M0012", since="2026-12-01") == []
    assert len(record_history(story.repo, "M0012", field="mobile", since="2026-11-05")) == 1


def test_deleted_record_keeps_its_history(story: Git) -> None:
    assert not (story.root / "party/members/M0003.yaml").exists()
    c = story.commits
    history = rows(record_history(story.repo, "M0003", reveal=True))
    assert history[0] == ("2026-11-01", c["init"], "刘建华", "hand-edit", "created", "id", None, "M0003")
    assert history[-6:] == [
        ("2026-11-20", c["delete"], "周晓", "hand-edit", "deleted", f, old, None) for f, old in
        [("id", "M0003"), ("name", "张三"), ("sex", "男"), ("org", "O02"), ("status", "正式党员"),
         ("category", "直接管理")]]
    assert record_history(story.repo, "M0003")[-5].old == "张*"  # masked by default


def test_a_deleted_and_recreated_record(story: Git) -> None:
    story.write("party/members/M0003.yaml", M0003.replace("张三", "张三丰"))
    story.commit("again", "恢复 M0003" + trailers("record.add", "M0003"), LIU, day(21))
    ops = [(c.date[:10], c.op, c.field, c.new) for c in record_history(story.repo, "M0003", field="name",
                                                                       reveal=True)]
    assert ops == [("2026-11-01", "created", "name", "张三"), ("2026-11-20", "deleted", "name", None),
                   ("2026-11-21", "created", "name", "张三丰")]


def test_moves_with_edits_are_followed(story: Git) -> None:
    """Two more moves, each with an edit in the same commit: the history goes back through all
    three names (renames are followed by cmty itself, one path at a time)."""
    (story.root / "party/members/迁出").mkdir()
    story.run("mv", "party/members/O02/M0012.yaml", "party/members/迁出/M0012.yaml")
    story.edit("party/members/迁出/M0012.yaml", "status: 正式党员", "status: 转出")
    story.commit("out", "转出", ZHOU, day(21))
    story.run("mv", "party/members/迁出/M0012.yaml", "party/members/M0012.yml")
    story.edit("party/members/M0012.yml", "category: 直接管理", "category: 委托管理")
    story.commit("back", "改扩展名", ZHOU, day(22))
    changes = record_history(story.repo, "M0012")
    assert [(c.commit, c.op, c.field, c.old, c.new) for c in changes if c.date >= day(21)] == [
        (story.commits["out"], "moved", "", "party/members/O02/M0012.yaml", "party/members/迁出/M0012.yaml"),
        (story.commits["out"], "changed", "status", "正式党员", "转出"),
        (story.commits["back"], "moved", "", "party/members/迁出/M0012.yaml", "party/members/M0012.yml"),
        (story.commits["back"], "changed", "category", "直接管理", "委托管理")]
    assert changes[0].file == "party/members/M0012.yaml" and changes[0].op == "created"
    assert len(changes) == 21 + 4


def test_the_same_history_with_changed_path_filters(story: Git) -> None:
    """With Bloom filters in the commit-graph, the record's usual path is walked at the same time
    as its current one; the result must not change."""
    before = record_history(story.repo, "M0012", reveal=True)
    assert not GitRepo(story.root).has_path_filters
    story.run("commit-graph", "write", "--reachable", "--changed-paths")
    assert GitRepo(story.root).has_path_filters
    assert record_history(story.repo, "M0012", reveal=True) == before
    assert [c.op for c in before].count("moved") == 1


def test_formatting_only_and_unreadable_versions(story: Git) -> None:
    rel = "party/members/O02/M0012.yaml"
    story.edit(rel, "id: M0012\n", "# 党员档案\nid: 'M0012'\n")
    story.commit("fmt", "注释", ZHOU, day(21))
    story.edit(rel, "name: 王小敏\n", "name: [王小敏\n")
    story.commit("broken", "写坏了", ZHOU, day(22))
    story.edit(rel, "name: [王小敏\n", "name: 王晓敏\n")
    story.commit("fixed", "修好", ZHOU, day(23))
    tail = [(c.commit, c.op, c.field, c.old, c.new) for c in record_history(story.repo, "M0012", reveal=True)[-3:]]
    assert tail == [(story.commits["fmt"], "format", "", None, None),
                    (story.commits["broken"], "unreadable", "", None, None),
                    (story.commits["fixed"], "changed", "name", "王小敏", "王晓敏")]


def test_values_keep_their_yaml_types(write_repo: WriteRepo) -> None:
    g = make_git(write_repo({"finance/funds/F02.yaml": "id: F02\nname: 活动经费\nearmarked: true\n"
                                                       "purposes: []\nopening_balance: '1'\n"}))
    g.commit("one", "init", LIU, day(1))
    g.edit("finance/funds/F02.yaml", "earmarked: true", "earmarked: 1")
    g.edit("finance/funds/F02.yaml", "purposes: []", "purposes: [办公费]")
    g.commit("two", "types", LIU, day(2))
    assert [(c.op, c.field, c.old, c.new) for c in record_history(g.repo, "F02", since="2026-11-02")] == [
        ("changed", "earmarked", True, 1), ("added", "purposes.0", None, "办公费"),
        ("removed", "purposes", [], None)]


def test_flatten() -> None:
    assert flatten({"a": {"b": [1, {"c": None}], "e": {}}, "f": []}) == {
        "a.b.0": 1, "a.b.1.c": None, "a.e": {}, "f": []}


def test_data_repository_in_a_sub_folder_of_the_work_tree(write_repo: WriteRepo, tmp_path: Path) -> None:
    repo = write_repo({})
    outer = tmp_path.parent / (tmp_path.name + "-outer")
    shutil.copytree(repo.root, outer / "数据")
    g = Git(outer)
    g.run("init", "-q")
    (outer / "README").write_text("x\n", encoding="utf-8")
    g.commit("init", "init", LIU, day(1))
    g.edit("数据/party/members/M0001.yaml", '"13905361234"', '"13905369999"')
    g.commit("set", "set", WANG, day(2))
    data = Repo(outer / "数据")
    assert [(c.op, c.field, c.old, c.new, c.file) for c in record_history(data, "M0001", since="2026-11-02")] == [
        ("changed", "mobile", "139****1234", "139****9999", "party/members/M0001.yaml")]
    assert [(a.record, a.file, a.change) for a in activity(data)] == [
        ("M0001", "party/members/M0001.yaml", "modified"), ("F01", "finance/funds/F01.yaml", "added"),
        ("M0001", "party/members/M0001.yaml", "added"), ("O01", "party/orgs/O01.yaml", "added"),
        ("O02", "party/orgs/O02.yaml", "added")]
    assert record_at(data, "M0001", g.commits["init"]).data["mobile"] == "13905361234"


# --- field_blame ---------------------------------------------------------------------------------


def test_blame_names_the_commit_that_set_each_value(story: Git) -> None:
    c = story.commits
    blame = {b.field: (b.value, b.commit, b.author, b.action) for b in field_blame(story.repo, "M0012")}
    assert blame["id"] == ("M0012", c["add"], "刘建华", "record.add")
    assert blame["mobile"] == ("150****0081", c["set"], "王敏", "record.set")
    assert blame["status"] == ("正式党员", c["hand"], "周晓", "hand-edit")
    assert blame["fee_basis.1.base"] == ("***", c["hand"], "周晓", "hand-edit")
    assert blame["note"] == ("新党员", c["merge"], "刘建华", "merge")
    assert list(blame) == ["id", "name", "sex", "id_number", "mobile", "org", "status", "category",
                           "note", "stages.applied", "stages.probationary", "stages.full",
                           "fee_basis.0.from", "fee_basis.0.kind", "fee_basis.0.base",
                           "fee_basis.1.from", "fee_basis.1.kind", "fee_basis.1.base"]


def test_blame_after_a_value_is_set_back(story: Git) -> None:
    story.edit("party/members/O02/M0012.yaml", '"15000000081"', '"13912341234"')
    story.commit("back", "改回", WANG, day(21))
    line = next(b for b in field_blame(story.repo, "M0012", reveal=True) if b.field == "mobile")
    assert line == BlameLine(date=day(21), commit=story.commits["back"], author="王敏", email=WANG[1],
                             action="hand-edit", subject="改回", field="mobile", value="13912341234")


def test_blame_marks_uncommitted_values(story: Git) -> None:
    story.edit("party/members/O02/M0012.yaml", "sex: 女\n", "sex: 女\nethnicity: 汉族\n")
    story.edit("party/members/O02/M0012.yaml", '"15000000081"', '"15000000082"')
    blame = {b.field: b for b in field_blame(story.repo, "M0012")}
    assert blame["ethnicity"] == BlameLine("", "", "", "", "uncommitted", "", "ethnicity", "汉族")
    assert (blame["mobile"].commit, blame["mobile"].value) == ("", "150****0082")
    assert blame["sex"].commit == story.commits["add"]


def test_blame_of_a_deleted_record_is_an_error(story: Git) -> None:
    with pytest.raises(RecordNotFoundError):
        field_blame(story.repo, "M0003")


# --- activity ------------------------------------------------------------------------------------


def log_rows(items: list[Activity]) -> list[tuple[str, str, str, str, str, str]]:
    return [(a.date[:10], a.author, a.action, a.kind, a.record, a.change) for a in items]


def test_activity_lists_every_record_change_newest_first(story: Git) -> None:
    assert log_rows(activity(story.repo)) == [
        ("2026-11-20", "周晓", "hand-edit", "fund", "F01", "modified"),
        ("2026-11-20", "周晓", "hand-edit", "member", "M0003", "deleted"),
        ("2026-11-14", "孙丽", "record.set", "member", "M0012", "modified"),
        ("2026-11-13", "王敏", "record.set", "member", "M0001", "modified"),
        ("2026-11-12", "周晓", "hand-edit", "member", "M0012", "renamed"),
        ("2026-11-10", "周晓", "hand-edit", "member", "M0012", "modified"),
        ("2026-11-05", "王敏", "record.set", "member", "M0012", "modified"),
        ("2026-11-01", "刘建华", "record.add", "member", "M0012", "added"),
        ("2026-11-01", "刘建华", "hand-edit", "fund", "F01", "added"),  # in git's order of paths
        ("2026-11-01", "刘建华", "hand-edit", "member", "M0001", "added"),
        ("2026-11-01", "刘建华", "hand-edit", "member", "M0003", "added"),
        ("2026-11-01", "刘建华", "hand-edit", "org", "O01", "added"),
        ("2026-11-01", "刘建华", "hand-edit", "org", "O02", "added"),
    ]
    first = activity(story.repo)[0]
    assert (first.commit, first.subject, first.file, first.email) == (
        story.commits["delete"], "删除 M0003，调整 F01 期初余额", "finance/funds/F01.yaml", "zhouxiao@example.cn")


def test_activity_filters(story: Git) -> None:
    assert log_rows(activity(story.repo, kind="fund")) == [
        ("2026-11-20", "周晓", "hand-edit", "fund", "F01", "modified"),
        ("2026-11-01", "刘建华", "hand-edit", "fund", "F01", "added")]
    assert [a.record for a in activity(story.repo, author="王敏")] == ["M0001", "M0012"]
    assert [a.record for a in activity(story.repo, author="SUNLI@")] == ["M0012"]  # email, any case
    assert [a.date[:10] for a in activity(story.repo, action="record.set")] == [
        "2026-11-14", "2026-11-13", "2026-11-05"]
    assert log_rows(activity(story.repo, since="2026-11-13", kind="member")) == [
        ("2026-11-20", "周晓", "hand-edit", "member", "M0003", "deleted"),
        ("2026-11-14", "孙丽", "record.set", "member", "M0012", "modified"),
        ("2026-11-13", "王敏", "record.set", "member", "M0001", "modified")]
    assert activity(story.repo, kind="voucher") == []
    with pytest.raises(UsageError):
        activity(story.repo, kind="members")
    with pytest.raises(UsageError):
        activity(story.repo, since="2026-11-31")


def test_activity_takes_records_from_trailers(story: Git) -> None:
    story.edit("party/members/M0001.yaml", "ethnicity: 汉族", "ethnicity: 回族")
    story.edit("party/orgs/O02.yaml", "name: 第一联合党支部", "name: 第一支部")
    story.commit("two", "批量修改 / bulk" + trailers("record.bulk", "M0001", "O02", "M9999"), WANG, day(21))
    assert log_rows(activity(story.repo, since="2026-11-21")) == [
        ("2026-11-21", "王敏", "record.bulk", "member", "M0001", "modified"),
        ("2026-11-21", "王敏", "record.bulk", "org", "O02", "modified"),
        ("2026-11-21", "王敏", "record.bulk", "", "M9999", "modified")]


def test_activity_shows_what_a_merge_resolved(story: Git) -> None:
    story.run("checkout", "-q", "-b", "other", story.commits["delete"])
    story.edit("party/members/M0001.yaml", "ethnicity: 汉族", "ethnicity: 回族")
    story.commit("a", "a", SUN, day(21))
    story.run("checkout", "-q", "main")
    story.edit("party/members/M0001.yaml", "ethnicity: 汉族", "ethnicity: 满族")
    story.commit("b", "b", WANG, day(22))
    assert story.run("merge", "-q", "other", check=False) == "exit 1"  # a conflict, resolved by hand
    story.write("party/members/M0001.yaml", (story.root / "party/members/M0001.yaml").read_text(
        encoding="utf-8").split("<<<<<<<")[0] + "ethnicity: 蒙古族\norg: O02\nstatus: 正式党员\ncategory: 直接管理\n")
    story.commit("resolved", "合并 other", LIU, day(23))
    assert log_rows(activity(story.repo, since="2026-11-21")) == [
        ("2026-11-23", "刘建华", "merge", "member", "M0001", "modified"),
        ("2026-11-22", "王敏", "hand-edit", "member", "M0001", "modified"),
        ("2026-11-21", "孙丽", "hand-edit", "member", "M0001", "modified")]
    assert [(c.op, c.old, c.new, c.action) for c in record_history(story.repo, "M0001", field="ethnicity",
                                                                   since="2026-11-21")] == [
        ("changed", "汉族", "满族", "hand-edit"), ("changed", "满族", "蒙古族", "merge")]


# --- record_at -----------------------------------------------------------------------------------


def test_record_at_a_revision(story: Git) -> None:
    record = record_at(story.repo, "M0012", story.commits["set"])
    assert (record.kind, record.id, record.file) == ("member", "M0012", "party/members/M0012.yaml")
    assert record.data["mobile"] == "15000000081"
    assert "note" not in record.data
    assert record_at(story.repo, "M0012", "main").file == "party/members/O02/M0012.yaml"
    assert record_at(story.repo, "M0012", "side").data["note"] == "新党员"
    assert record_at(story.repo, "M0012", "HEAD~2").data["status"] == "正式党员"
    assert record_at(story.repo, "M0003", "HEAD~1").data["name"] == "张三"  # deleted now


def test_record_at_the_end_of_a_day(story: Git) -> None:
    assert record_at(story.repo, "M0012", "2026-11-04").data["mobile"] == "13912341234"
    assert record_at(story.repo, "M0012", "2026-11-05").data["mobile"] == "15000000081"
    # the side branch's commit of the 14th is not on main until the merge of the 15th
    assert "note" not in record_at(story.repo, "M0012", "2026-11-14").data
    assert record_at(story.repo, "M0012", "2026-11-15").data["note"] == "新党员"
    (story.root / "party/members/O02/M0012.yaml").write_text("id: M0012\n", encoding="utf-8")
    assert record_at(story.repo, "M0012", "2030-01-01").data["name"] == "王小敏"  # never the work tree


def test_record_at_errors(story: Git) -> None:
    with pytest.raises(BadRevisionError) as bad:
        record_at(story.repo, "M0012", "no-such-branch")
    assert bad.value.message.en == "'no-such-branch' is not a commit, branch, tag or date in this repository"
    with pytest.raises(BadRevisionError):
        record_at(story.repo, "M0012", "--all")
    with pytest.raises(BadRevisionError) as early:
        record_at(story.repo, "M0012", "2026-10-31")
    assert early.value.message.zh == "2026-10-31 当天或之前没有提交"
    with pytest.raises(BadRevisionError):
        record_at(story.repo, "M0012", "2026-02-30")
    with pytest.raises(RecordNotFoundError) as missing:
        record_at(story.repo, "M0012", story.commits["init"])
    assert missing.value.message.en == f"no record has id M0012 at {story.commits['init']}"


# --- errors and git plumbing ---------------------------------------------------------------------


def test_unknown_record(story: Git) -> None:
    with pytest.raises(RecordNotFoundError) as exc:
        record_history(story.repo, "M9999")
    assert exc.value.message.zh == "没有编号为 M9999 的记录，历史中也没有"
    with pytest.raises(UsageError):
        record_history(story.repo, "../orgs/O01")
    with pytest.raises(UsageError):
        record_history(story.repo, "M0012", since="5 Nov")


def test_not_a_git_repository(write_repo: WriteRepo) -> None:
    repo = write_repo({})
    with pytest.raises(NotAGitRepoError) as exc:
        record_history(repo, "M0001")
    assert exc.value.message.en == f"{repo.root} is not in a git repository: there is no history"
    with pytest.raises(NotAGitRepoError):
        activity(repo)


def test_a_repository_without_commits(write_repo: WriteRepo) -> None:
    repo = write_repo({})
    make_git(repo)
    assert activity(repo) == []
    with pytest.raises(RecordNotFoundError):
        record_history(repo, "M0001")
    with pytest.raises(BadRevisionError):
        record_at(repo, "M0001", "HEAD")


def test_commits_and_trailers(story: Git) -> None:
    commits = GitRepo(story.root).follow("party/members/O02/M0012.yaml")
    assert [c.id for c in commits] == [story.commits[k] for k in ("merge", "move", "hand", "set", "add")]
    assert commits[-2].trailers == (("Cmty-Action", "record.set"), ("Cmty-Record", "M0012"),
                                    ("Cmty-Version", "0.1.0"))
    assert (commits[-2].action, commits[-3].action, commits[0].action) == ("record.set", "hand-edit", "merge")
    assert commits[0].is_merge and commits[0].subject == "合并 side"
    move = commits[1].files[0]
    assert (move.status, move.old_path, move.path, move.change) == (
        "R", "party/members/M0012.yaml", "party/members/O02/M0012.yaml", "renamed")
    assert commits[-1].files[0].old_blob == "" and len(commits[-1].files[0].new_blob) == 40


def test_log_in_slices_equals_one_walk(story: Git) -> None:
    """`changes` cuts a long history into slices run at once; the result is the same walk."""
    git = GitRepo(story.root)
    whole = git.changes(jobs=1)
    assert [c.id for c in whole][:4] == [story.commits[k] for k in ("delete", "merge", "side", "m0001")]
    for jobs in (2, 3, 8):
        assert git.changes(jobs=jobs) == whole
    assert [c.id for c in git.changes(since="2026-11-13", author="王敏", jobs=2)] == [story.commits["m0001"]]


def test_read_blobs_in_one_batch(story: Git) -> None:
    git = GitRepo(story.root)
    ids = [story.run("rev-parse", f"{story.commits[k]}:party/members/M0012.yaml") for k in ("add", "set")]
    blobs = git.read_blobs([*ids, ids[0], "0" * 40])
    assert list(blobs) == ids  # each once, the missing one left out
    assert blobs[ids[0]].decode() == M0012
    big = "\n".join(f"k{i}: {'值' * 50}" for i in range(3000)).encode() + b"\n"
    blob = subprocess.run(["git", "hash-object", "-w", "--stdin"], cwd=story.root, input=big,
                          capture_output=True, check=True).stdout.decode().strip()
    assert git.read_blobs([blob, ids[1]]) == {blob: big, ids[1]: blobs[ids[1]]}


def test_no_git_process_outlives_a_call(story: Git) -> None:
    children = Path(f"/proc/{os.getpid()}/task/{os.getpid()}/children")
    if not children.exists():
        pytest.skip("needs Linux /proc")
    record_history(story.repo, "M0012")
    field_blame(story.repo, "M0012")
    GitRepo(story.root).changes(jobs=3)
    record_at(story.repo, "M0012", "2026-11-05")
    assert children.read_text().split() == []
