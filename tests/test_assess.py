"""`cmty assess`: a year's score under the assessment scheme (§11 考核, local practice), every line
with its counts and arithmetic; pinned on the sample data and worked by hand on small schemes."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from cmty.assess import KINDS_READ, AssessError, assess
from cmty.cli import _boundary, app
from cmty.collect import load_records
from tests.conftest import WriteRepo, assert_golden, found

SAMPLE = Path(__file__).resolve().parent.parent / "sample_data"


def run(capsys: pytest.CaptureFixture[str], root: Path, *args: str) -> tuple[int, str, str]:
    code = _boundary.run(app, ["--repo", str(root), "assess", *args, "--as-of", "2026-11-29"])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize(("unit", "fmt", "lang", "golden"), [
    ("O02", "text", "zh", "assess-O02-2026.zh.txt"),
    ("O03", "md", "en", "assess-O03-2026.en.md"),
    ("O04", "json", "zh", "assess-O04-2026.json"),
])
def test_sample_assessments_are_pinned(capsys: pytest.CaptureFixture[str], sample: Path, unit: str,
                                       fmt: str, lang: str, golden: str) -> None:
    code, out, err = run(capsys, sample, unit, "--year", "2026", "--format", fmt, "--lang", lang)
    assert (code, err) == (0, "")
    assert_golden(golden, out)


def test_the_sample_total_is_the_sum_of_its_lines(capsys: pytest.CaptureFixture[str], sample: Path) -> None:
    _, out, _ = run(capsys, sample, "O02", "--year", "2026", "--format", "json")
    result = json.loads(out)
    assert sum(Decimal(line["score"]) for line in result["lines"]) == Decimal(result["total"])
    # 三会一课 all held; dues 203 of 205 member-months against a zero line at 80 %
    assert [(line["indicator"], line["done"], line["due"], line["score"]) for line in result["lines"][:2]] == [
        ("meetings", 26, 26, "30.00"), ("dues", 203, 205, "19.02")]


NO_SCHEME_HINT = "提示: 考核方案放在 assessments/ 中，year 为考核年度\n"


@pytest.mark.parametrize(("args", "message"), [
    (("O09", "--year", "2026"), "错误: KH2026 不考核 O09；被考核的是：O02, O03, O04\n"
                                "提示: 换一个党组织，或把 O09 加入 KH2026 的 units\n"),
    (("O02", "--year", "2025"), "错误: 没有 2025 年的考核方案；现有：KH2026\n" + NO_SCHEME_HINT),
    (("O02", "--year", "2026", "--scheme", "KH2026-2"),
     "错误: 没有 2026 年的考核方案 KH2026-2；现有：KH2026\n" + NO_SCHEME_HINT),
])
def test_what_cannot_be_assessed_is_refused(capsys: pytest.CaptureFixture[str], sample: Path,
                                            args: tuple[str, ...], message: str) -> None:
    code, out, err = run(capsys, sample, *args)
    assert (code, out, err) == (2, "", message)


ORG = "id: O05\nname: 测试支部\ntype: 党支部\nparent: O01\n"
COMPLAINT = "id: C2026-{n}\ndate: {d}\nchannel: 来电\nmatter: 楼道灯不亮\n{rest}"


def scheme(indicators: str, units: str = "[O05]") -> str:
    return f"id: KH2026\nyear: 2026\ntitle: 测试考核\nunits: {units}\npass_mark: 6\nindicators:\n{indicators}"


def test_complaints_in_time_count_only_those_whose_time_is_up(write_repo: WriteRepo) -> None:
    """Answered in time: 1; acknowledged late: 0; not acknowledged within 15 days: 0; received
    on 11-20 and not yet acknowledged (due 12-05): not counted yet."""
    repo = write_repo({
        "party/orgs/O05.yaml": ORG,
        "assessments/KH2026.yaml": scheme("  - {id: c, name: 诉求办结, points: 10, measure: complaints_in_time}\n"),
        "complaints/C2026-001.yaml": COMPLAINT.format(n="001", d="2026-03-01", rest=(
            "acknowledged_on: 2026-03-05\nanswered_on: 2026-04-01\noutcome: 已解决\n")),
        "complaints/C2026-002.yaml": COMPLAINT.format(n="002", d="2026-04-01", rest=(
            "acknowledged_on: 2026-04-30\nanswered_on: 2026-05-10\noutcome: 已解决\n")),
        "complaints/C2026-003.yaml": COMPLAINT.format(n="003", d="2026-11-01", rest=""),
        "complaints/C2026-004.yaml": COMPLAINT.format(n="004", d="2026-11-20", rest=""),
    })
    result = assess(load_records(repo, KINDS_READ, date(2026, 11, 29)), "O05", 2026, date(2026, 11, 29))
    (line,) = result.lines
    assert line.count is not None
    assert (line.count.done, line.count.due, line.score) == (1, 3, Decimal("3.33"))
    assert line.working.zh == "应办结的诉求 3，完成 1（33.3%）；10 × 1/3 = 3.33"


def test_zero_and_full_lines_scale_the_rate_and_hold_it_between_them(write_repo: WriteRepo) -> None:
    """full_at 0.5: one of two is full points; zero_at 0.6: one of two is none (held at 0)."""
    repo = write_repo({
        "party/orgs/O05.yaml": ORG,
        "assessments/KH2026.yaml": scheme(
            "  - {id: a, name: 诉求甲, points: 10, measure: complaints_in_time, full_at: 0.5}\n"
            "  - {id: b, name: 诉求乙, points: 10, measure: complaints_in_time, zero_at: 0.6}\n"),
        "complaints/C2026-001.yaml": COMPLAINT.format(n="001", d="2026-03-01", rest=(
            "acknowledged_on: 2026-03-05\nanswered_on: 2026-04-01\noutcome: 已解决\n")),
        "complaints/C2026-002.yaml": COMPLAINT.format(n="002", d="2026-04-01", rest=""),
    })
    result = assess(load_records(repo, KINDS_READ, date(2026, 11, 29)), "O05", 2026, date(2026, 11, 29))
    assert [(line.score, line.working.en) for line in result.lines] == [
        (Decimal("10.00"), "1 of 2 complaints due to be answered (50.0%); 10 × (1/2 − 0) ÷ (0.5 − 0) = 10.00"),
        (Decimal("0.00"), "1 of 2 complaints due to be answered (50.0%); "
                          "10 × (1/2 − 0.6) ÷ (1 − 0.6) ↦ [0, 1] = 0.00")]
    assert (result.total, result.out_of) == (Decimal("10.00"), Decimal("20"))


def test_nothing_due_earns_full_points_and_says_so(write_repo: WriteRepo) -> None:
    repo = write_repo({"party/orgs/O05.yaml": ORG, "assessments/KH2026.yaml": scheme(
        "  - {id: c, name: 诉求办结, points: 10, measure: complaints_in_time}\n")})
    (line,) = assess(load_records(repo, KINDS_READ, date(2026, 11, 29)), "O05", 2026,
                     date(2026, 11, 29)).lines
    assert (line.score, line.working.zh) == (Decimal("10"), "应办结的诉求为 0，得满分 10")


def test_a_manual_score_above_its_points_is_a_finding_and_is_capped(write_repo: WriteRepo) -> None:
    indicators = "  - {id: s, name: 服务, points: 15, measure: manual, scores: {O05: 18, O07: 3}}\n"
    repo = write_repo({"party/orgs/O05.yaml": ORG, "assessments/KH2026.yaml": scheme(indicators)})
    # the score above the points at its value; the organisation not assessed at its key
    assert found(repo) == [("ASSESS-SCHEME", "assessments/KH2026.yaml", 7, 66),
                           ("ASSESS-SCHEME", "assessments/KH2026.yaml", 7, 70)]
    (line,) = assess(load_records(repo, KINDS_READ, date(2026, 11, 29)), "O05", 2026,
                     date(2026, 11, 29)).lines
    assert (line.score, line.working.zh) == (Decimal("15"), "人工评分 18.00（超过分值，按 15 计）")


def test_a_unit_not_scored_by_hand_gets_nothing_for_that_line(write_repo: WriteRepo) -> None:
    indicators = "  - {id: s, name: 服务, points: 15, measure: manual, scores: {}}\n"
    repo = write_repo({"party/orgs/O05.yaml": ORG, "assessments/KH2026.yaml": scheme(indicators)})
    (line,) = assess(load_records(repo, KINDS_READ, date(2026, 11, 29)), "O05", 2026,
                     date(2026, 11, 29)).lines
    assert (line.score, line.working.en) == (Decimal("0.00"), "not scored: 0 points")


def test_an_unknown_scheme_raises_with_both_languages(write_repo: WriteRepo) -> None:
    repo = write_repo({"party/orgs/O05.yaml": ORG})
    with pytest.raises(AssessError) as caught:
        assess(load_records(repo, KINDS_READ, date(2026, 11, 29)), "O05", 2026, date(2026, 11, 29))
    assert (caught.value.message.zh, caught.value.message.en) == (
        "没有 2026 年的考核方案；现有：—", "no assessment scheme for 2026; there are: —")
