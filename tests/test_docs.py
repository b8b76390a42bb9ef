"""The documentation is generated from the code and must stay in step with it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from cmty import catalogue, config, rules
from cmty.cli import _boundary, app

ROOT = Path(__file__).resolve().parent.parent


def test_codes_doc_is_current() -> None:
    assert (ROOT / "docs/codes.md").read_text(encoding="utf-8") == catalogue.markdown()


def test_parameters_doc_is_current() -> None:
    assert (ROOT / "docs/parameters.md").read_text(encoding="utf-8") == config.markdown()


def test_codes_are_unique_and_every_rule_code_is_catalogued() -> None:
    codes = [c.code for c in catalogue.CODES]
    assert len(codes) == len(set(codes))
    registered = [*rules.RECORD_RULES, *rules.REFERENCE_RULES, *rules.DATASET_RULES]
    for rule in registered:
        assert set(rule.codes) <= set(codes), rule.name


def test_every_code_raised_in_the_source_is_catalogued() -> None:
    raised: set[str] = set()
    for path in (ROOT / "cmty").rglob("*.py"):
        raised |= set(re.findall(r'"((?:YAML|SCHEMA|REF|RECORD|APPROVAL|FILE|RULE)-[A-Z-]+)"',
                                 path.read_text(encoding="utf-8")))
    assert raised <= {c.code for c in catalogue.CODES}


def test_every_rule_documents_itself_with_a_bad_example() -> None:
    registered = [*rules.RECORD_RULES, *rules.REFERENCE_RULES, *rules.DATASET_RULES]
    for rule in registered:
        doc = rule.check.__doc__ or ""
        assert doc.strip(), rule.name
        assert "Bad" in doc and "Good" in doc, rule.name


def test_every_parameter_names_its_rule_in_both_languages() -> None:
    for p in config.PARAMETERS:
        assert p.rule and p.zh and p.en, p.key


def _commands() -> list[str]:
    import typer

    group = typer.main.get_command(app)
    return sorted(group.commands)  # type: ignore[attr-defined]


@pytest.mark.parametrize("command", _commands())
def test_every_command_has_bilingual_help(capsys: pytest.CaptureFixture[str], command: str
                                          ) -> None:
    assert _boundary.run(app, [command, "--help"]) == 0
    out = capsys.readouterr().out
    first = out.split("\n\n")[1].strip()
    assert re.search(r"[\u4e00-\u9fff]", first) and re.search(r"[A-Za-z]{3}", first), first


def test_readme_starts_with_the_two_commands_and_ci_runs_the_test_one() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    head = readme[:800]
    assert "make demo" in head and "make test" in head
    assert (ROOT / ".ci/run").read_text(encoding="utf-8").strip().endswith("make test")


def test_main_builds_only_the_command_it_runs(capsys: pytest.CaptureFixture[str]) -> None:
    from cmty import cli

    assert cli._command(["--repo", "validate", "list", "member"]) == "list"
    assert cli._command(["--traceback", "--help"]) is None
    with pytest.raises(SystemExit) as done:
        cli.main(["fee", "calc", "--kind", "学生"])
    assert (done.value.code, capsys.readouterr().out) == (0, "0.20\tF7\t学生党员每月 0.20 元\n")
    with pytest.raises(SystemExit) as done:
        cli.main(["no-such-command"])
    assert done.value.code == 2 and "No such command" in capsys.readouterr().err
