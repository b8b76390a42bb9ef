"""The boards as a real CommonMark/GFM parser reads them (markdown-it-py with tables): every
table keeps its columns in every row; and, property-based (hypothesis), no finance board is
written with an unmasked ID number, mobile or bank card typed into a voucher's description."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from cmty.board import BoardError, FinanceBoard, finance_board
from cmty.boardpolicy import BoardPolicy
from cmty.config import from_data
from cmty.identifiers.id_number import id_check_char
from cmty.leaks import scan
from cmty.render.boards import finance_md
from cmty.rules.base import Rec, Records

GOLDEN = Path(__file__).resolve().parent / "golden"


def tables(markdown: str) -> list[list[int]]:
    """For each table: the number of cells in each row, header first."""
    found: list[list[int]] = []
    cells = 0
    for token in MarkdownIt("commonmark").enable("table").parse(markdown):
        if token.type == "table_open":
            found.append([])
        elif token.type == "tr_open":
            cells = 0
        elif token.type in ("th_open", "td_open"):
            cells += 1
        elif token.type == "tr_close":
            found[-1].append(cells)
    return found


@pytest.mark.parametrize(("golden", "columns"), [
    ("board-2026Q3-finance.zh.md", [7, 7]), ("board-2026Q3-finance.en.md", [7, 7]),
    ("board-2026-dues.zh.md", [7, 7, 7, 6]), ("board-2026-dues.en.md", [7, 7, 7, 6]),
])
def test_every_row_of_every_table_has_the_header_s_columns(golden: str, columns: list[int]) -> None:
    """Three branches' tables, then the remittances."""
    found = tables((GOLDEN / golden).read_text(encoding="utf-8"))
    assert [set(table) for table in found] == [{n} for n in columns]


@pytest.mark.parametrize("golden", ["board-2026-residents.zh.md", "board-2026-residents.en.md"])
def test_the_residents_board_s_tables_keep_their_columns(golden: str) -> None:
    """Decisions 5 columns, money raised 4, relief 5, hearings 4, joint meetings 3, complaints 3."""
    found = tables((GOLDEN / golden).read_text(encoding="utf-8"))
    assert [set(table) for table in found] == [{5}, {4}, {5}, {4}, {3}, {3}]


def test_a_bar_in_a_cell_stays_inside_its_cell() -> None:
    board = _board("购买“党员|群众”宣传册")
    found = tables(finance_md(board, "zh"))
    assert {cells for table in found for cells in table} == {7}


CONFIG = from_data({"community": {"name": "测试社区", "code": "370102003012", "level": "城市社区"},
                    "roles": {}}, Path("cmty.yaml"))


def _records(description: str) -> Records:
    fund = Rec("finance/funds/F01.yaml", "F01", "fund",
               {"id": "F01", "name": "公益金", "opening_balance": "1000.00", "opened_on": "2026-01-01"})
    voucher = Rec("finance/vouchers/V2026-0001.yaml", "V2026-0001", "voucher",
                  {"id": "V2026-0001", "date": "2026-08-03", "fund": "F01", "type": "expense",
                   "lines": [{"category": "慰问", "amount": "300.00", "description": description}],
                   "counterparty": "李红", "approvals": [{"role": "书记", "person": "刘建华", "on": "2026-08-03"}]})
    return Records(CONFIG, date(2026, 11, 29), {"fund": [fund], "voucher": [voucher]})


def _board(description: str) -> FinanceBoard:
    return finance_board(_records(description), "2026Q3", BoardPolicy("finance"))


def _id(area: str, born: date, seq: int) -> str:
    first17 = f"{area}{born:%Y%m%d}{seq:03d}"
    return first17 + id_check_char(first17)


ids = st.builds(_id, st.sampled_from(["110105", "370102", "440305"]),
                st.dates(date(1930, 1, 1), date(2015, 12, 31)), st.integers(0, 999))
mobiles = st.builds(lambda p, n: f"1{p}{n:09d}", st.sampled_from("3456789"), st.integers(0, 999_999_999))
filler = st.text(alphabet="慰问困难党员家庭走访送米面油，。（）：— 0123456789元号楼", max_size=12)


@settings(max_examples=60, deadline=None)
@given(before=filler, secret=st.one_of(ids, mobiles), after=filler)
def test_no_board_shows_a_number_typed_into_a_description(before: str, secret: str, after: str) -> None:
    """Whatever the description says around it, a number standing alone is found on the board."""
    text = finance_md(_board(f"{before} {secret} {after}"), "zh")
    assert secret in text  # the board shows descriptions as written …
    # … so the guard must catch what they hold (with a "86" typed before a mobile, as one number)
    assert any(secret in text[leak.start:leak.end].replace(" ", "").replace("-", "")
               for leak in scan(text))


def test_the_board_itself_masks_names_and_reconciles() -> None:
    board = _board("米面油")
    text = finance_md(board, "zh")
    assert "李\\*" in text and "刘\\*华" in text and "李红" not in text and "刘建华" not in text
    assert "核对：期初 1000.00 + 收入 0.00 − 支出 300.00 = 期末 700.00" in text
    with pytest.raises(BoardError):
        finance_board(_records("米面油"), "Q3", BoardPolicy("finance"))


@pytest.mark.parametrize("golden", ["board-2026-party.zh.md", "board-2026-party.en.md"])
def test_the_party_board_s_tables_keep_their_columns(golden: str) -> None:
    """Committee changes 5 columns, elections 5, notices 4, grades 5, meetings 3."""
    found = tables((GOLDEN / golden).read_text(encoding="utf-8"))
    assert [set(table) for table in found] == [{5}, {5}, {4}, {5}, {3}]
