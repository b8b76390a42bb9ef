"""党龄 (party standing) is computed from stages.full, never typed in (D18), and `cmty list
--columns` shows it beside any fields asked for."""

from __future__ import annotations

from datetime import date

import pytest

from cmty.cli import _boundary, app
from cmty.query import party_standing
from tests.conftest import WriteRepo


@pytest.mark.parametrize(("full", "on", "years"), [
    ("2016-06-20", date(2026, 6, 19), 9),    # the day before the anniversary
    ("2016-06-20", date(2026, 6, 20), 10),
    ("2016-02-29", date(2017, 2, 28), 0),     # a leap-day full member waits for 1 March
    ("2016-02-29", date(2017, 3, 1), 1),
    ("2026-12-01", date(2026, 11, 29), None),  # not yet full
])
def test_standing_counts_whole_years_from_full_membership(full: str, on: date, years: int | None) -> None:
    assert party_standing({"stages": {"full": full}}, on) == years


def test_a_probationary_member_has_no_standing() -> None:
    assert party_standing({"stages": {"probationary": "2026-06-26"}}, date(2026, 11, 29)) is None


def test_list_shows_the_columns_asked_for(write_repo: WriteRepo, capsys: pytest.CaptureFixture[str]) -> None:
    repo = write_repo({"party/members/M0002.yaml": (
        "id: M0002\nname: 李秀英\nsex: 女\norg: O02\nstatus: 正式党员\ncategory: 直接管理\n"
        "stages: {probationary: 1999-06-20, full: 2000-06-20}\n")})
    code = _boundary.run(app, ["--repo", str(repo.root), "list", "member", "--columns", "id, name,stages.full",
                               "--format", "csv"])
    out, err = capsys.readouterr()
    assert (code, err) == (0, "")
    assert out == "id,name,stages.full\nM0001,刘*华,\nM0002,李*英,2000-06-20\n"
