"""`cmty init`: the files it writes, what it refuses, its commit, its CI files and pre-commit."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

from cmty import __version__, yamlio
from cmty.cli import _boundary, app
from cmty.config import ROLE_NAMES, defaults
from cmty.identifiers import check_division_code
from cmty.repo import load_config
from cmty.scaffold import COMMIT_MESSAGE, cmty_requirement, init_repo

PROJECT = Path(__file__).resolve().parents[1]
NAME, CODE = "幸福里社区", "370102001001"
EXPECTED_FILES = [
    "cmty.yaml",
    "README.md",
    ".gitattributes",
    ".gitignore",
    ".github/workflows/cmty.yml",
    ".gitlab-ci.yml",
    ".gitea/workflows/cmty.yml",
    "party/orgs/.gitkeep",
    "party/members/.gitkeep",
    "finance/funds/.gitkeep",
    "finance/vouchers/.gitkeep",
    "units/.gitkeep",
    "meetings/.gitkeep",
    "grids/.gitkeep",
    "residents/.gitkeep",
    "complaints/.gitkeep",
    "audits/.gitkeep",
    "assessments/.gitkeep",
    "party/fees/.gitkeep",
    "disclosures/.gitkeep",
]
ORG = "id: O01\nname: 测试党支部\ntype: 党支部\n"
MEMBER = "id: M0001\nname: 张三\nsex: 男\norg: O01\nstatus: 正式党员\ncategory: 直接管理\n"


@pytest.fixture(autouse=True)
def git_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """A git identity (the machine may have none) and no variables aiming git elsewhere."""
    for var in ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_CEILING_DIRECTORIES"):
        monkeypatch.delenv(var, raising=False)
    for role in ("AUTHOR", "COMMITTER"):
        monkeypatch.setenv(f"GIT_{role}_NAME", "测试员")
        monkeypatch.setenv(f"GIT_{role}_EMAIL", "tester@example.invalid")


def git(cwd: Path, *args: str) -> str:
    done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=True)
    return done.stdout


def cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = _boundary.run(app, list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def make(tmp_path: Path, **kwargs: Any) -> Path:
    target = tmp_path / "data"
    init_repo(target, NAME, CODE, **kwargs)
    return target


# --- what init writes --------------------------------------------------------------------------


def test_writes_exactly_these_files_and_commits_them(tmp_path: Path) -> None:
    target = tmp_path / "data"
    assert init_repo(target, NAME, CODE) == EXPECTED_FILES
    assert sorted(git(target, "ls-files").splitlines()) == sorted(EXPECTED_FILES)
    assert git(target, "status", "--porcelain", "--untracked-files=all") == ""


def test_an_existing_empty_folder_is_fine(tmp_path: Path) -> None:
    (tmp_path / "data").mkdir()
    assert init_repo(tmp_path / "data", NAME, CODE) == EXPECTED_FILES


def test_cmty_yaml_loads_back_to_the_defaults(tmp_path: Path) -> None:
    target = make(tmp_path, street="趵突泉街道")
    config = load_config(target / "cmty.yaml")
    assert config.parameters == defaults()
    assert (config.name, config.code, config.level) == (NAME, CODE, "城市社区")
    assert config.roles == {role: () for role in ROLE_NAMES}
    assert yamlio.load_text((target / "cmty.yaml").read_text())["community"]["street"] == "趵突泉街道"


def test_cmty_yaml_comments_every_parameter_with_its_rule(tmp_path: Path) -> None:
    from cmty.config import PARAMETERS

    text = (make(tmp_path) / "cmty.yaml").read_text(encoding="utf-8")
    for p in PARAMETERS:
        assert f"# {p.rule} {p.zh} / {p.en}\n" in text, p.key
    for role in ROLE_NAMES:
        assert f"\n  {role}: []\n" in text
    assert 'cash_limit: "5000.00"' in text  # money stays text, never a float


def test_without_street_and_as_rural_community(tmp_path: Path) -> None:
    target = make(tmp_path, level="涉农社区")
    data = yamlio.load_text((target / "cmty.yaml").read_text(encoding="utf-8"))
    assert data["community"] == {"name": NAME, "code": CODE, "level": "涉农社区"}
    assert load_config(target / "cmty.yaml").parameters == defaults()


def test_initial_commit_on_main_with_the_users_identity(tmp_path: Path) -> None:
    target = make(tmp_path)
    assert git(target, "rev-list", "--count", "HEAD").strip() == "1"
    assert git(target, "symbolic-ref", "--short", "HEAD").strip() == "main"
    assert git(target, "log", "-1", "--format=%s|%an|%ae").strip() == \
        f"{COMMIT_MESSAGE}|测试员|tester@example.invalid"


def test_initial_commit_falls_back_to_cmty_identity(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    empty = tmp_path / "empty-gitconfig"
    empty.write_text("")
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(empty))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    for var in ("GIT_AUTHOR_NAME", "GIT_AUTHOR_EMAIL", "GIT_COMMITTER_NAME",
                "GIT_COMMITTER_EMAIL", "EMAIL"):
        monkeypatch.delenv(var, raising=False)
    target = make(tmp_path)
    assert git(target, "log", "-1", "--format=%an <%ae>|%cn <%ce>").strip() == \
        "cmty <cmty@localhost>|cmty <cmty@localhost>"
    # The fallback is passed per command, never written into the new repository's config.
    done = subprocess.run(["git", "config", "--local", "--get", "user.name"], cwd=target,
                          capture_output=True, check=False)
    assert done.returncode == 1


def test_text_files_have_lf_endings_and_no_leftover_placeholders(tmp_path: Path) -> None:
    target = make(tmp_path)
    for rel in EXPECTED_FILES:
        raw = (target / rel).read_bytes()
        assert b"\r" not in raw and b"{{" not in raw, rel
    attributes = (target / ".gitattributes").read_text().splitlines()
    assert "*.yaml text eol=lf diff" in attributes and "*.yml text eol=lf" in attributes
    assert "*.swp" in (target / ".gitignore").read_text().splitlines()


def test_readme_names_every_folder_and_how_to_validate(tmp_path: Path) -> None:
    from cmty.kinds import KINDS

    readme = (make(tmp_path) / "README.md").read_text(encoding="utf-8")
    assert readme.startswith(f"# {NAME} 数据仓库")
    assert readme.index("数据仓库") < readme.index("data repository")  # Chinese first
    for kind in KINDS:
        assert readme.count(f"`{kind.folder}/`") == 2
    assert "cmty validate" in readme and "个人信息只留在本仓库" in readme
    assert "Personal data stays in this repository" in readme


def test_a_new_repository_validates_clean(tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    target = make(tmp_path)
    code, out, err = cli(capsys, "--repo", str(target), "validate", "--lang", "en")
    assert (code, err) == (0, "")
    assert "0 errors" in out


# --- CI configuration --------------------------------------------------------------------------


def load_both(path: Path) -> Any:
    """Parse with the YAML 1.2 loader CI systems use and check PyYAML (1.1) agrees on shape."""
    text = path.read_text(encoding="utf-8")
    data = yamlio.load_text(text)
    old = yaml.safe_load(text)
    assert set(old) - {True} == set(data) - {"on"}  # YAML 1.1 reads the key `on` as true
    return data


@pytest.mark.parametrize("rel", [".github/workflows/cmty.yml", ".gitea/workflows/cmty.yml"])
def test_actions_workflow_validates_on_push_and_pull_request(tmp_path: Path, rel: str) -> None:
    data = load_both(make(tmp_path) / rel)
    assert data["on"] == ["push", "pull_request"]
    assert data["env"]["CMTY_SPEC"] == f"cmty=={__version__}"
    steps = data["jobs"]["validate"]["steps"]
    uses = [step.get("uses", "") for step in steps]
    assert uses[0].startswith("actions/checkout@") and uses[1].startswith("actions/setup-python@")
    assert steps[1]["with"]["python-version"] == "3.11"
    runs = [step["run"] for step in steps if "run" in step]
    assert runs == ['python -m pip install "$CMTY_SPEC"', "cmty validate --format github"]


def test_gitlab_pipeline_validates_as_text_and_keeps_json(tmp_path: Path) -> None:
    data = load_both(make(tmp_path) / ".gitlab-ci.yml")
    assert data["image"] == "python:3.11-slim"
    assert data["variables"]["CMTY_SPEC"] == f"cmty=={__version__}"
    assert data["workflow"]["rules"]
    job = data["cmty-validate"]
    assert job["before_script"] == ['python -m pip install --quiet "$CMTY_SPEC"']
    # The last command decides the job: it must be a plain `cmty validate` that exits 1.
    assert job["script"][-1] == "cmty validate --format text"
    assert "cmty validate --format json > cmty-findings.json || true" in job["script"]
    assert job["artifacts"]["paths"] == ["cmty-findings.json"]


def test_cmty_spec_is_what_ci_installs(tmp_path: Path) -> None:
    spec = 'git+https://example.invalid/cmty.git@v0.1.0#egg=cmty "quoted"'
    target = make(tmp_path, cmty_spec=spec)
    for rel in (".github/workflows/cmty.yml", ".gitea/workflows/cmty.yml"):
        assert load_both(target / rel)["env"]["CMTY_SPEC"] == spec
    assert load_both(target / ".gitlab-ci.yml")["variables"]["CMTY_SPEC"] == spec


@pytest.mark.parametrize(("given", "spec"), [
    (None, f"cmty=={__version__}"),
    ("0.2.1", "cmty==0.2.1"),
    ("1.0rc1", "cmty==1.0rc1"),
    ("git+https://example.invalid/cmty.git@v1", "git+https://example.invalid/cmty.git@v1"),
    ("/srv/cmty", "/srv/cmty"),
    ("cmty>=0.1,<0.2", "cmty>=0.1,<0.2"),
])
def test_cmty_requirement(given: str | None, spec: str) -> None:
    assert cmty_requirement(given) == spec


# --- the command line --------------------------------------------------------------------------


@pytest.mark.parametrize(("lang", "heading"), [("zh", "新建数据仓库"), ("en", "created a data")])
def test_cli_prints_what_it_wrote(tmp_path: Path, capsys: pytest.CaptureFixture[str], lang: str,
                                  heading: str) -> None:
    target = tmp_path / "data"
    code, out, err = cli(capsys, "init", str(target), "--name", NAME, "--code", CODE,
                         "--street", "趵突泉街道", "--cmty-version", "0.1.0", "--lang", lang)
    assert (code, err) == (0, "")
    assert heading in out and str(target) in out
    assert [line.strip() for line in out.splitlines() if line.startswith("  ")][:len(EXPECTED_FILES)] == \
        EXPECTED_FILES
    assert load_config(target / "cmty.yaml").parameters == defaults()


def test_cli_help_lists_the_options() -> None:
    result = CliRunner().invoke(app, ["init", "--help"])
    assert result.exit_code == 0
    for option in ("--name", "--code", "--level", "--street", "--cmty-version", "--lang"):
        assert option in result.output


def test_refuses_an_existing_data_repository(tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    target = make(tmp_path)
    before = (target / "cmty.yaml").read_bytes()
    code, _, err = cli(capsys, "init", str(target), "--name", NAME, "--code", CODE)
    assert code == 2
    assert f"{target} 已经是 cmty 数据仓库" in err and "cmty validate" in err
    assert (target / "cmty.yaml").read_bytes() == before
    assert git(target, "rev-list", "--count", "HEAD").strip() == "1"


def test_refuses_a_folder_inside_a_git_repository(tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    outer = tmp_path / "outer"
    outer.mkdir()
    git(outer, "init", "-q")
    target = outer / "sub" / "data"
    code, _, err = cli(capsys, "init", str(target), "--name", NAME, "--code", CODE,
                       "--lang", "en")
    assert code == 2
    assert f"error: {target} is inside the git repository {outer}" in err
    assert "hint: " in err and not (outer / "sub").exists()


def test_refuses_a_non_empty_folder_or_a_file(tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "notes.txt").write_text("x")
    (tmp_path / "file").write_text("x")
    code, _, err = cli(capsys, "init", str(tmp_path / "full"), "--name", NAME, "--code", CODE)
    assert code == 2 and f"目录 {tmp_path / 'full'} 不是空的" in err
    assert sorted(p.name for p in (tmp_path / "full").iterdir()) == ["notes.txt"]
    code, _, err = cli(capsys, "init", str(tmp_path / "file"), "--name", NAME, "--code", CODE)
    assert code == 2 and f"{tmp_path / 'file'} 是文件" in err


@pytest.mark.parametrize("bad", ["37010200100X", "990102001001", "3701020010011", "370100000123"])
def test_refuses_a_bad_division_code_with_the_identifier_checks_words(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], bad: str) -> None:
    verdict = check_division_code(bad)
    assert not verdict.valid
    for lang in ("zh", "en"):
        code, _, err = cli(capsys, "init", str(tmp_path / "d"), "--name", NAME, "--code", bad,
                           "--lang", lang)
        assert code == 2
        issue = verdict.errors[0]
        assert bad in err
        assert (issue.zh if lang == "zh" else issue.en) in err
        assert (issue.hint_zh if lang == "zh" else issue.hint_en) in err
    assert not (tmp_path / "d").exists()


def test_refuses_a_six_digit_code(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = cli(capsys, "init", str(tmp_path / "d"), "--name", NAME, "--code", "370102",
                       "--lang", "en")
    assert code == 2 and "12-digit statistical code" in err
    assert not (tmp_path / "d").exists()


@pytest.mark.parametrize(("option", "value", "words"), [
    ("--level", "农村社区", "社区类别 '农村社区' 无效"),
    ("--name", "X", "社区名称 'X' 太短"),
    ("--cmty-version", "  ", "cmty 版本"),
])
def test_refuses_other_bad_options(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                   option: str, value: str, words: str) -> None:
    args = {"--name": NAME, "--code": CODE, option: value}
    code, _, err = cli(capsys, "init", str(tmp_path / "d"),
                       *[part for pair in args.items() for part in pair])
    assert code == 2 and words in err
    assert not (tmp_path / "d").exists()


# --- pre-commit --------------------------------------------------------------------------------


def test_pre_commit_hook_definition() -> None:
    hooks = yaml.safe_load((PROJECT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    hook = next(h for h in hooks if h["id"] == "cmty-validate")
    assert {k: hook[k] for k in ("name", "entry", "language", "pass_filenames", "files",
                                 "always_run")} == {
        "name": "cmty validate", "entry": "cmty validate", "language": "python",
        "pass_filenames": False, "files": r"\.ya?ml$", "always_run": False}


def pre_commit(repo: Path, home: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PRE_COMMIT_HOME": str(home), "PRE_COMMIT_COLOR": "never"}
    return subprocess.run([sys.executable, "-m", "pre_commit", "run", "--all-files"], cwd=repo,
                          env=env, capture_output=True, text=True, check=False, timeout=900)


Ran = subprocess.CompletedProcess[str]


def plant_and_fix(repo: Path, home: Path) -> tuple[Ran, Ran]:
    """The hook run on an unquoted mobile, then on the same record with the mobile quoted."""
    (repo / "party/orgs/O01.yaml").write_text(ORG, encoding="utf-8")
    member = repo / "party/members/M0001.yaml"
    member.write_text(MEMBER + "mobile: 13905361234\n", encoding="utf-8")
    git(repo, "add", "-A")
    failed = pre_commit(repo, home)
    member.write_text(MEMBER + 'mobile: "13905361234"\n', encoding="utf-8")
    git(repo, "add", "-A")
    return failed, pre_commit(repo, home)


def assert_rejected_then_accepted(failed: Ran, passed: Ran) -> None:
    assert failed.returncode != 0, failed.stdout + failed.stderr
    assert "YAML-COERCED" in failed.stdout, failed.stdout + failed.stderr
    assert "party/members/M0001.yaml:7:9" in failed.stdout, failed.stdout
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert "cmty validate" in passed.stdout and "Passed" in passed.stdout


@pytest.mark.slow
def test_pre_commit_local_hook_fails_then_passes(tmp_path: Path) -> None:
    pytest.importorskip("pre_commit")
    repo = make(tmp_path)
    entry = f"{shlex.quote(sys.executable)} -m cmty validate"
    (repo / ".pre-commit-config.yaml").write_text(
        "repos:\n- repo: local\n  hooks:\n  - id: cmty-validate\n    name: cmty validate\n"
        f"    entry: {entry}\n    language: system\n    pass_filenames: false\n"
        "    files: \\.ya?ml$\n", encoding="utf-8")
    failed, passed = plant_and_fix(repo, tmp_path / "pre-commit-home")
    assert "YAML-COERCED" in failed.stdout
    assert_rejected_then_accepted(failed, passed)


def _hook_source(tmp_path: Path) -> tuple[Path, str]:
    """This checkout's package as a committed git repository, as pre-commit wants a hook repo."""
    source = tmp_path / "cmty-src"
    source.mkdir()
    for name in ("pyproject.toml", "README.md", ".pre-commit-hooks.yaml"):
        shutil.copy2(PROJECT / name, source / name)
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    for folder in ("cmty", "data_schema"):
        shutil.copytree(PROJECT / folder, source / folder, ignore=ignore)
    git(source, "init", "-q")
    git(source, "add", "-A")
    git(source, "commit", "-q", "--no-verify", "-m", "hook source")
    return source, git(source, "rev-parse", "HEAD").strip()


@pytest.mark.slow
def test_pre_commit_hook_from_the_cmty_repository(tmp_path: Path) -> None:
    pytest.importorskip("pre_commit")
    source, rev = _hook_source(tmp_path)
    repo = make(tmp_path)
    (repo / ".pre-commit-config.yaml").write_text(
        f"repos:\n- repo: {source.as_posix()}\n  rev: {rev}\n  hooks:\n  - id: cmty-validate\n",
        encoding="utf-8")
    home = tmp_path / "pre-commit-home"
    env = {**os.environ, "PRE_COMMIT_HOME": str(home)}
    # Building the hook's environment needs a package index; without one there is nothing to test.
    installed = subprocess.run([sys.executable, "-m", "pre_commit", "install-hooks"], cwd=repo,
                               env=env, capture_output=True, text=True, check=False, timeout=900)
    if installed.returncode != 0:
        pytest.skip("pre-commit could not build the hook environment (offline?): "
                    + (installed.stdout + installed.stderr)[-500:])
    failed, passed = plant_and_fix(repo, home)
    assert "YAML-COERCED" in failed.stdout
    assert_rejected_then_accepted(failed, passed)
