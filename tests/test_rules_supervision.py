"""The supervisory committee (居务监督委员会, 村委会组织法 art. 32, cmty/rules/supervision.py), read
from cmty.yaml alone: no supervisor sits on the residents' committee (role 居委会) or holds a
finance post (会计, 出纳, 报账员), nor is the declared near relative (top-level `relatives:`) of
someone who does (SUPERVISOR-CONFLICT); the committee has three to five members (SUPERVISOR-SIZE).

Each config is written out in full, as conftest.CONFIG with its roles changed. Line 8 is always
the 监督委员会 role, whose flow list opens at column 10; its first name starts at column 11.
"""

from __future__ import annotations

import pytest

from cmty.catalogue import severity_of
from cmty.cli import _boundary, app
from cmty.errors import ConfigError
from cmty.findings import Finding, Severity
from cmty.repo import Repo
from cmty.validate import validate_repo
from tests.conftest import TODAY, WriteRepo
from tests.conftest import findings as findings_all
from tests.conftest import found as found_all

Found = list[tuple[str, str, int | None, int | None]]


def found(repo: Repo) -> Found:
    """The findings but COMMITTEE-SIZE: the configs here keep the 居委会 small on purpose."""
    return [f for f in found_all(repo) if f[0] != "COMMITTEE-SIZE"]


def findings(repo: Repo) -> list[Finding]:
    return [f for f in findings_all(repo) if f.code != "COMMITTEE-SIZE"]


def config(supervisors: str = "[赵国强, 吴刚, 郑丽]", more: str = "") -> str:
    """CONFIG with the 监督委员会 of `supervisors` (line 8) and `more` from line 9."""
    return f"""\
community: {{name: 测试社区, code: "370102003012", level: 城市社区}}
roles:
  书记: [刘建华]
  报账员: [王敏]
  会计: [周晓]
  出纳: [孙丽]
  民主理财小组: [赵国强, 钱芳]
  监督委员会: {supervisors}
{more}"""


COMMITTEE = "  居委会: [刘建华, 陈玉梅, 张伟]\n"                  # line 9


def relatives(*pairs: tuple[str, str, str]) -> str:
    """The 居委会 on line 9, `relatives:` on line 10, its items from line 11 (column 5)."""
    return COMMITTEE + "relatives:\n" + "".join(
        f"  - {{between: [{one}, {other}], relation: {relation}}}\n" for one, other, relation in pairs)


def check(write_repo: WriteRepo, text: str) -> Found:
    return found(write_repo({}, config=text))


def test_art32_severities() -> None:
    assert severity_of("SUPERVISOR-CONFLICT") == Severity.ERROR
    assert severity_of("SUPERVISOR-SIZE") == Severity.WARNING


def test_art32_independent_supervisors_are_clean(write_repo: WriteRepo) -> None:
    """赵国强 is also in the 民主理财小组, which is no bar (art. 32 names the committee and its relatives)."""
    assert check(write_repo, config(more=COMMITTEE)) == []


# --- SUPERVISOR-CONFLICT: holding a barred role -------------------------------------------------

@pytest.mark.parametrize(("supervisors", "more", "codes"), [
    ("[赵国强, 吴刚, 陈玉梅]", COMMITTEE, [("SUPERVISOR-CONFLICT", "cmty.yaml", 8, 20)]),   # 居委会
    ("[赵国强, 孙丽, 郑丽]", "", [("SUPERVISOR-CONFLICT", "cmty.yaml", 8, 16)]),             # 出纳
    ("[周晓, 吴刚, 郑丽]", "", [("SUPERVISOR-CONFLICT", "cmty.yaml", 8, 11)]),               # 会计
    ("[赵国强, 吴刚, 王敏]", "", [("SUPERVISOR-CONFLICT", "cmty.yaml", 8, 20)]),             # 报账员
    ("[刘建华, 吴刚, 郑丽]", "", []),                                                        # 书记 alone: no bar
    ("[刘建华, 吴刚, 郑丽]", COMMITTEE, [("SUPERVISOR-CONFLICT", "cmty.yaml", 8, 11)]),     # 书记 and 居委会
])
def test_art32_a_supervisor_holding_a_barred_role(write_repo: WriteRepo, supervisors: str, more: str,
                                                  codes: Found) -> None:
    """Reported at the supervisor's place in roles.监督委员会 (村委会组织法 art. 32)."""
    assert check(write_repo, config(supervisors, more)) == codes


def test_art32_each_conflicting_supervisor_is_reported(write_repo: WriteRepo) -> None:
    repo = write_repo({}, config=config("[孙丽, 吴刚, 陈玉梅]", COMMITTEE))
    assert found(repo) == [("SUPERVISOR-CONFLICT", "cmty.yaml", 8, 11), ("SUPERVISOR-CONFLICT", "cmty.yaml", 8, 19)]
    assert [f.message.en for f in findings(repo)] == [
        "孙丽 also holds 出纳 and may not sit on the supervisory committee",
        "陈玉梅 also holds 居委会 and may not sit on the supervisory committee"]


def test_art32_conflict_message(write_repo: WriteRepo) -> None:
    [conflict] = findings(write_repo({}, config=config("[赵国强, 孙丽, 郑丽]")))
    assert conflict.severity == Severity.ERROR
    assert conflict.message.zh == "孙丽 同时担任出纳，不得兼任监督委员会成员"
    assert conflict.hint.zh == "居委会成员和财务人员不得担任监督委员会成员（村委会组织法第三十二条）；另选人选"


@pytest.mark.parametrize(("text", "line"), [
    (config("[赵国强, 王敏, 郑丽]", "  居委会: [刘建华, 王敏]\n"), 8),
    (config("[赵国强, 王敏, 郑丽]").replace("  报账员: [王敏]\n", "  居委会: [刘建华, 王敏]\n  报账员: [王敏]\n"), 9),
])
def test_art32_the_committee_role_wins_the_message(write_repo: WriteRepo, text: str, line: int) -> None:
    """王敏 is 报账员 and on the 居委会: one finding, naming 居委会, wherever it stands in the file."""
    [conflict] = findings(write_repo({}, config=text))
    assert (conflict.code, conflict.line, conflict.column) == ("SUPERVISOR-CONFLICT", line, 16)
    assert conflict.message.zh == "王敏 同时担任居委会，不得兼任监督委员会成员"
    assert conflict.message.en == "王敏 also holds 居委会 and may not sit on the supervisory committee"


# --- SUPERVISOR-CONFLICT: a near relative of a barred role holder -------------------------------

@pytest.mark.parametrize(("one", "other"), [("郑丽", "王敏"), ("王敏", "郑丽")])
def test_art32_a_supervisor_related_to_the_bookkeeper(write_repo: WriteRepo, one: str, other: str) -> None:
    """Either order of `between`: reported at the relatives item (line 11, column 5)."""
    repo = write_repo({}, config=config(more=relatives((one, other, "兄弟姐妹"))))
    assert found(repo) == [("SUPERVISOR-CONFLICT", "cmty.yaml", 11, 5)]
    [related] = findings(repo)
    assert related.message.zh == "监督委员会成员 郑丽 是报账员 王敏 的近亲属（兄弟姐妹）"
    assert related.message.en == "supervisor 郑丽 is a near relative (兄弟姐妹) of 王敏, who holds 报账员"
    assert related.hint.zh == "近亲属不得担任监督委员会成员（村委会组织法第三十二条）"


@pytest.mark.parametrize(("one", "other"), [("陈玉梅", "吴刚"), ("吴刚", "陈玉梅")])
def test_art32_a_supervisor_related_to_a_committee_member(write_repo: WriteRepo, one: str, other: str) -> None:
    pairs = [("钱芳", "郑丽", "配偶"), (one, other, "配偶")]
    repo = write_repo({}, config=config(more=relatives(*pairs)))
    assert found(repo) == [("SUPERVISOR-CONFLICT", "cmty.yaml", 12, 5)]
    assert findings(repo)[0].message.en == "supervisor 吴刚 is a near relative (配偶) of 陈玉梅, who holds 居委会"


@pytest.mark.parametrize("pair", [
    ("郑丽", "钱芳", "兄弟姐妹"),      # 钱芳: 民主理财小组 only
    ("吴刚", "刘建华", "父母子女"),     # 刘建华: 书记, not on the 居委会 here
    ("赵国强", "李强", "祖孙"),         # 李强 holds nothing
    ("赵国强", "吴刚", "姻亲"),         # two supervisors
    ("王敏", "周晓", "配偶"),           # two finance staff, neither a supervisor
])
def test_art32_relatives_of_someone_in_no_barred_role_are_no_bar(write_repo: WriteRepo,
                                                                 pair: tuple[str, str, str]) -> None:
    text = config(more=relatives(pair)).replace(COMMITTEE, "  居委会: [陈玉梅, 张伟]\n")
    assert check(write_repo, text) == []


def test_art32_the_relative_names_the_committee_role_first(write_repo: WriteRepo) -> None:
    """王敏 is both 报账员 and on the 居委会: the relative's message names 居委会."""
    text = config(more=relatives(("郑丽", "王敏", "兄弟姐妹"))).replace(COMMITTEE, "  居委会: [刘建华, 王敏]\n")
    [related] = findings(write_repo({}, config=text))
    assert (related.line, related.column) == (11, 5)
    assert related.message.zh == "监督委员会成员 郑丽 是居委会 王敏 的近亲属（兄弟姐妹）"


def test_art32_a_barred_supervisor_with_a_barred_relative_is_reported_twice(write_repo: WriteRepo) -> None:
    text = config("[赵国强, 孙丽, 郑丽]", relatives(("郑丽", "王敏", "兄弟姐妹")))
    assert check(write_repo, text) == [("SUPERVISOR-CONFLICT", "cmty.yaml", 8, 16),
                                       ("SUPERVISOR-CONFLICT", "cmty.yaml", 11, 5)]


def test_art32_relatives_without_a_supervisory_committee(write_repo: WriteRepo) -> None:
    text = config(more=relatives(("郑丽", "王敏", "兄弟姐妹"))).replace("  监督委员会: [赵国强, 吴刚, 郑丽]\n", "")
    assert check(write_repo, text) == []


# --- SUPERVISOR-SIZE: three to five members ------------------------------------------------------

@pytest.mark.parametrize(("supervisors", "codes"), [
    ("[赵国强, 吴刚]", [("SUPERVISOR-SIZE", "cmty.yaml", 8, 10)]),
    ("[赵国强, 吴刚, 郑丽]", []),
    ("[赵国强, 吴刚, 郑丽, 何军, 冯志远]", []),
    ("[赵国强, 吴刚, 郑丽, 何军, 冯志远, 韩梅]", [("SUPERVISOR-SIZE", "cmty.yaml", 8, 10)]),
])
def test_art32_three_to_five_supervisors(write_repo: WriteRepo, supervisors: str, codes: Found) -> None:
    """Reported at roles.监督委员会 itself (2017 指导意见 under art. 32)."""
    assert check(write_repo, config(supervisors)) == codes


def test_art32_size_message(write_repo: WriteRepo) -> None:
    [size] = findings(write_repo({}, config=config("[赵国强, 吴刚]")))
    assert size.severity == Severity.WARNING
    assert size.message.zh == "监督委员会有 2 人，一般为 3—5 人"
    assert size.message.en == "the supervisory committee has 2 members; it generally has 3 to 5"


@pytest.mark.parametrize("text", [
    config("[]"),
    config().replace("  监督委员会: [赵国强, 吴刚, 郑丽]\n", ""),
])
def test_art32_no_supervisory_committee_nothing_to_judge(write_repo: WriteRepo, text: str) -> None:
    assert check(write_repo, text) == []


def test_art32_conflict_and_size_together_in_report_order(write_repo: WriteRepo) -> None:
    """Both codes for a two-member committee with the cashier on it, in file order (size at the list)."""
    assert check(write_repo, config("[赵国强, 孙丽]")) == [("SUPERVISOR-SIZE", "cmty.yaml", 8, 10),
                                                         ("SUPERVISOR-CONFLICT", "cmty.yaml", 8, 16)]


# --- the relatives list in cmty.yaml's schema ----------------------------------------------------

def test_art32_an_unknown_relation_is_a_config_error(write_repo: WriteRepo) -> None:
    """cmty.yaml's schema lists the relations; another one stops validation (ConfigError, exit 2)."""
    repo: Repo = write_repo({}, config=config(more=relatives(("郑丽", "王敏", "表亲"))))
    with pytest.raises(ConfigError) as raised:
        validate_repo(repo, use_cache=False, today=TODAY)
    assert raised.value.message.en == (f"{repo.root / 'cmty.yaml'}:11:35: invalid configuration: "
                                       "relatives.0.relation '表亲' is not an allowed value")


def test_art32_an_unknown_relation_exits_2_naming_the_place(write_repo: WriteRepo,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    repo = write_repo({}, config=config(more=relatives(("郑丽", "王敏", "表亲"))))
    code = _boundary.run(app, ["--repo", str(repo.root), "validate", "--no-cache"])
    out, err = capsys.readouterr()
    assert (code, out) == (2, "")
    assert "cmty.yaml:11:35:" in err
    assert "relatives.0.relation 的值 '表亲' 不在允许范围内" in err
    assert "Traceback" not in err


@pytest.mark.parametrize("relation", ["配偶", "父母子女", "兄弟姐妹", "祖孙", "姻亲"])
def test_art32_every_listed_relation_is_accepted(write_repo: WriteRepo, relation: str) -> None:
    repo = write_repo({}, config=config(more=relatives(("郑丽", "王敏", relation))))
    assert [f.message.en for f in findings(repo)] == [
        f"supervisor 郑丽 is a near relative ({relation}) of 王敏, who holds 报账员"]
