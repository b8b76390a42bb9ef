"""`cmty validate` through the command-line boundary: exit codes, formats, paths, config errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cmty.cli import _boundary, app
from cmty.repo import Repo
from cmty.validate import validate_repo
from tests.conftest import CONFIG, WriteRepo

Capsys = pytest.CaptureFixture[str]

MEMBER = "party/members/M0002.yaml"
GOOD = "id: M0002\nname: 李秀英\nsex: 女\norg: O02\nstatus: 正式党员\ncategory: 直接管理\n"
LOWER_X = GOOD + 'id_number: "11010519491231002x"\n'   # one warning, at 7:12
MISSING_ORG = GOOD.replace("org: O02", "org: O09")     # one error, at 4:6


def _validate(repo: Repo, *args: str) -> int:
    return _boundary.run(app, ["--repo", str(repo.root), "validate", "--no-cache", *args])


# --- exit codes and summary -----------------------------------------------------------------


def test_clean_repository_exits_0_with_the_summary(write_repo: WriteRepo, capsys: Capsys) -> None:
    code = _validate(write_repo({}))
    out, err = capsys.readouterr()
    assert code == 0
    assert out == "检查了 4 个文件、4 条记录：0 个错误，0 个警告，0 个提示\n"
    assert err == ""


def test_clean_repository_summary_in_english(write_repo: WriteRepo, capsys: Capsys) -> None:
    assert _validate(write_repo({MEMBER: GOOD}), "--lang", "en") == 0
    assert capsys.readouterr().out == "checked 5 files, 5 records: 0 errors, 0 warnings, 0 notices\n"


def test_findings_exit_1(write_repo: WriteRepo, capsys: Capsys) -> None:
    code = _validate(write_repo({MEMBER: MISSING_ORG}))
    out, _ = capsys.readouterr()
    assert code == 1
    assert out.splitlines()[0].startswith(f"{MEMBER}:4:6: 错误 REF-MISSING [M0002] ")
    assert out.splitlines()[-1] == "检查了 5 个文件、5 条记录：1 个错误，0 个警告，0 个提示"


def test_fail_on_warning(write_repo: WriteRepo, capsys: Capsys) -> None:
    repo = write_repo({MEMBER: LOWER_X})
    assert _validate(repo) == 0
    assert _validate(repo, "--fail-on", "error") == 0
    assert _validate(repo, "--fail-on", "warning") == 1
    out = capsys.readouterr().out
    assert out.count(f"{MEMBER}:7:12: 警告 ID-LOWERCASE-X [M0002] ") == 3
    assert out.count("检查了 5 个文件、5 条记录：0 个错误，1 个警告，0 个提示\n") == 3


def test_warning_made_off_in_cmty_yaml_no_longer_fails(write_repo: WriteRepo, capsys: Capsys
                                                      ) -> None:
    repo = write_repo({MEMBER: LOWER_X}, config=CONFIG + "checks: {ID-LOWERCASE-X: 'off'}\n")
    assert _validate(repo, "--fail-on", "warning") == 0
    assert capsys.readouterr().out == "检查了 5 个文件、5 条记录：0 个错误，0 个警告，0 个提示\n"


# --- formats --------------------------------------------------------------------------------


def test_json_output_equals_the_library_report(write_repo: WriteRepo, capsys: Capsys) -> None:
    repo = write_repo({
        MEMBER: MISSING_ORG,
        "party/members/M0003.yaml": GOOD.replace("M0002", "M0003") + "mobile: 13905361234\n",
        "party/members/M0004.yaml": LOWER_X.replace("M0002", "M0004").encode("gbk"),
        "party/members/M0005.yaml": LOWER_X.replace("M0002", "M0005"),
    })
    code = _validate(repo, "--format", "json")
    out, err = capsys.readouterr()
    assert code == 1 and err == ""
    expected = [f.to_json() for f in validate_repo(repo, use_cache=False).findings]
    assert json.loads(out) == expected
    assert [(f["code"], f["file"], f["line"], f["column"]) for f in expected] == [
        ("REF-MISSING", MEMBER, 4, 6),
        ("YAML-COERCED", "party/members/M0003.yaml", 7, 9),
        ("YAML-ENCODING", "party/members/M0004.yaml", 2, 7),
        ("ID-LOWERCASE-X", "party/members/M0005.yaml", 7, 12),
    ]


def test_json_output_of_a_clean_repository_is_an_empty_list(write_repo: WriteRepo,
                                                            capsys: Capsys) -> None:
    assert _validate(write_repo({}), "--format", "json") == 0
    assert json.loads(capsys.readouterr().out) == []


def test_github_annotations(write_repo: WriteRepo, capsys: Capsys) -> None:
    code = _validate(write_repo({MEMBER: MISSING_ORG, "party/members/M0003.yaml":
                                 LOWER_X.replace("M0002", "M0003")}),
                     "--format", "github", "--lang", "en")
    out = capsys.readouterr().out
    assert code == 1
    assert out.splitlines() == [
        f"::error file={MEMBER},line=4,col=6,title=REF-MISSING::org refers to O09, which does "
        "not exist — check the id, or create O09 in party/orgs/ first",
        "::warning file=party/members/M0003.yaml,line=7,col=12,title=ID-LOWERCASE-X::"
        "id_number: the check character is a lower-case x — write it as upper-case X: "
        "11010519491231002X",
    ]


def test_text_output_in_english(write_repo: WriteRepo, capsys: Capsys) -> None:
    code = _validate(write_repo({MEMBER: MISSING_ORG}), "--lang", "en")
    out = capsys.readouterr().out
    assert code == 1
    assert out.splitlines() == [
        f"{MEMBER}:4:6: error REF-MISSING [M0002] org refers to O09, which does not exist",
        "    hint: check the id, or create O09 in party/orgs/ first",
        "checked 5 files, 5 records: 1 error, 0 warnings, 0 notices",
    ]


# --- paths ----------------------------------------------------------------------------------


def test_paths_restrict_the_report(write_repo: WriteRepo, capsys: Capsys) -> None:
    repo = write_repo({MEMBER: MISSING_ORG,
                       "party/members/M0003.yaml": MISSING_ORG.replace("M0002", "M0003")})
    code = _validate(repo, "--format", "json", str(repo.root / "party/members/M0003.yaml"))
    report = json.loads(capsys.readouterr().out)
    assert code == 1
    assert [(f["code"], f["file"], f["line"], f["column"]) for f in report] == [
        ("REF-MISSING", "party/members/M0003.yaml", 4, 6)]


def test_paths_relative_to_the_working_directory(write_repo: WriteRepo, capsys: Capsys,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    repo = write_repo({MEMBER: MISSING_ORG, "finance/funds/F02.yaml": "id: F02\n"})
    monkeypatch.chdir(repo.root / "party")
    code = _boundary.run(app, ["validate", "--no-cache", "--format", "json", "members"])
    report = json.loads(capsys.readouterr().out)
    assert code == 1
    assert [(f["code"], f["file"], f["line"], f["column"]) for f in report] == [
        ("REF-MISSING", MEMBER, 4, 6)]


def test_a_path_without_findings_exits_0(write_repo: WriteRepo, capsys: Capsys) -> None:
    repo = write_repo({MEMBER: MISSING_ORG})
    assert _validate(repo, str(repo.root / "finance")) == 0
    assert capsys.readouterr().out == "检查了 5 个文件、5 条记录：0 个错误，0 个警告，0 个提示\n"


def test_a_path_outside_the_repository_exits_2(write_repo: WriteRepo, tmp_path_factory:
                                               pytest.TempPathFactory, capsys: Capsys) -> None:
    outside = tmp_path_factory.mktemp("elsewhere")
    code = _validate(write_repo({}), str(outside))
    out, err = capsys.readouterr()
    assert code == 2
    assert out == ""
    assert str(outside) in err and "Traceback" not in err


def test_a_missing_path_exits_2(write_repo: WriteRepo, capsys: Capsys) -> None:
    repo = write_repo({})
    assert _validate(repo, str(repo.root / "party/members/M9999.yaml")) == 2
    assert "M9999.yaml" in capsys.readouterr().err


# --- not a repository, broken cmty.yaml -----------------------------------------------------


def test_not_a_data_repository_exits_2(tmp_path: Path, capsys: Capsys) -> None:
    code = _boundary.run(app, ["--repo", str(tmp_path), "validate"])
    out, err = capsys.readouterr()
    assert code == 2
    assert out == ""
    assert "cmty.yaml" in err and "Traceback" not in err


def test_not_inside_a_data_repository_exits_2(tmp_path: Path, capsys: Capsys,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert _boundary.run(app, ["validate", "--lang", "en"]) == 2
    assert "cmty.yaml" in capsys.readouterr().err


@pytest.mark.parametrize(("config", "where"), [
    # unclosed flow mapping, noticed at the next key
    ('community: {name: 测试社区, code: "370102003012", level: 城市社区\nroles: {}\n', "2:6"),
    (CONFIG + "checks:\n  APPROVAL-ROLE: loud\n", "10:18"),          # not a severity
    (CONFIG + "extra: 1\n", "9:1"),                                  # unknown top-level field
    (CONFIG.replace('"370102003012"', "370102003012"), "1:31"),      # code read as a number
    (CONFIG.encode("gbk"), "1:19"),                                   # GBK, not UTF-8
    ("[测试社区, 城市社区]\n", "1:1"),                                  # not a mapping
])
def test_broken_cmty_yaml_exits_2_naming_the_place(write_repo: WriteRepo, capsys: Capsys,
                                                   config: str | bytes, where: str) -> None:
    repo = write_repo({})
    if isinstance(config, bytes):
        (repo.root / "cmty.yaml").write_bytes(config)
    else:
        (repo.root / "cmty.yaml").write_text(config, encoding="utf-8")
    code = _validate(repo)
    out, err = capsys.readouterr()
    assert code == 2
    assert out == ""
    assert f"cmty.yaml:{where}:" in err
    assert "Traceback" not in err


def test_duplicate_key_in_cmty_yaml_names_the_second_key(write_repo: WriteRepo, capsys: Capsys
                                                         ) -> None:
    repo = write_repo({}, config=CONFIG + "  出纳: [孙丽]\n")
    code = _validate(repo)
    err = capsys.readouterr().err
    assert code == 2
    assert "cmty.yaml:9:3:" in err


def test_unknown_parameter_exits_2_naming_the_place(write_repo: WriteRepo, capsys: Capsys
                                                    ) -> None:
    repo = write_repo({}, config=CONFIG + "parameters:\n  fees:\n    bogus: 1\n")
    code = _validate(repo)
    err = capsys.readouterr().err
    assert code == 2
    assert "fees.bogus" in err
    assert "cmty.yaml:11:5" in err


def test_parameter_of_the_wrong_type_exits_2_naming_the_place(write_repo: WriteRepo,
                                                              capsys: Capsys) -> None:
    repo = write_repo({}, config=CONFIG + "parameters:\n  limits:\n    max_file_mb: big\n")
    code = _validate(repo)
    err = capsys.readouterr().err
    assert code == 2
    assert "cmty.yaml:11:18" in err


# --- --traceback ----------------------------------------------------------------------------


def test_traceback_option_is_accepted(write_repo: WriteRepo, capsys: Capsys) -> None:
    repo = write_repo({MEMBER: MISSING_ORG})
    code = _boundary.run(app, ["--repo", str(repo.root), "--traceback", "validate", "--no-cache"])
    assert code == 1
    assert capsys.readouterr().out.startswith(f"{MEMBER}:4:6: ")


def test_traceback_option_reraises_a_usage_error(tmp_path: Path) -> None:
    from cmty.errors import NotARepoError

    with pytest.raises(NotARepoError):
        _boundary.run(app, ["--repo", str(tmp_path), "--traceback", "validate"])


@pytest.mark.parametrize(("args", "started"), [
    (["--repo", "{root}", "validate"], True),
    (["--repo={root}", "validate", "--format", "json"], True),
    (["validate"], True),                                   # found from the working directory
    (["--repo", "{root}", "validate", "--at", "HEAD"], False),  # a past commit: no work tree
    (["--repo", "{root}", "list", "member"], False),
    (["--repo", "{root}/party", "validate"], False),         # not a data repository: validate says so
])
def test_validate_lists_the_repository_ahead_and_the_listing_is_the_same(
        write_repo: WriteRepo, monkeypatch: pytest.MonkeyPatch, args: list[str], started: bool) -> None:
    import subprocess

    from cmty import gitio
    from cmty.cli import _prefetch

    repo = write_repo({})
    subprocess.run(["git", "init", "-q"], cwd=repo.root, check=True)
    subprocess.run(["git", "add", "-A"], cwd=repo.root, check=True)
    (repo.root / "party").mkdir(exist_ok=True)
    monkeypatch.chdir(repo.root)
    expected = gitio.inventory(repo.root)
    _prefetch([a.replace("{root}", str(repo.root)) for a in args])
    assert (repo.root.resolve() in gitio._STARTED) is started
    assert gitio.inventory(repo.root) == expected and gitio._STARTED == {}
