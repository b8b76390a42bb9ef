"""`board_html`: a board's markdown as one self-contained printable page. Pinned on the sample
boards; read back with a real HTML parser (one h1, every table whole, a chart for every mermaid
fence, nothing live and nothing fetched); record text escaped; and, when a Chromium is at hand,
printed to PDF: A4 pages with the table's header row on every one."""

from __future__ import annotations

import itertools
import math
import os
import re
import shutil
import subprocess
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from html.parser import HTMLParser
from pathlib import Path

import pytest

from cmty import boards
from cmty.board import FinanceBoard, FundBoard, Line
from cmty.collect import load_records
from cmty.render.boards import finance_md
from cmty.render.html import board_html
from cmty.repo import Repo
from cmty.rules.base import Records
from tests.conftest import TODAY, assert_golden

Attrs = dict[str, str | None]


@dataclass
class Table:
    head: list[int] = field(default_factory=list)  # cells a row
    body: list[int] = field(default_factory=list)
    has_thead: bool = False


class Page(HTMLParser):
    """What the checks look at in a page: its elements, its visible text, its tables and the
    elements inside each svg."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.html = html
        self.tags: list[tuple[str, Attrs]] = []
        self.text: list[str] = []
        self.tables: list[Table] = []
        self.svgs: list[list[tuple[str, Attrs]]] = []
        self.open: list[str] = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if "svg" in self.open:
            self.svgs[-1].append((tag, dict(attrs)))
        elif tag == "svg":
            self.svgs.append([])
        self._table_tag(tag)
        if tag != "meta":  # the one void element of a page; `<rect/>` comes with its end tag
            self.open.append(tag)

    def _table_tag(self, tag: str) -> None:
        if tag == "table":
            self.tables.append(Table())
        elif tag == "thead":
            self.tables[-1].has_thead = True
        elif tag == "tr":
            (self.tables[-1].head if "thead" in self.open else self.tables[-1].body).append(0)
        elif tag in ("th", "td"):
            table = self.tables[-1]
            (table.head if "thead" in self.open else table.body)[-1] += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in self.open:
            del self.open[len(self.open) - 1 - self.open[::-1].index(tag):]

    def handle_data(self, data: str) -> None:
        if not {"style", "title", "script"} & set(self.open):
            self.text.append(data)

    def named(self, tag: str) -> list[Attrs]:
        return [attrs for name, attrs in self.tags if name == tag]

    def texts_of(self, tag: str) -> list[str]:
        """The text of every `tag` element, as written (entities and all)."""
        return re.findall(rf"<{tag}\b[^>]*>([^<]*)</{tag}>", self.html)


@pytest.fixture(scope="module")
def records(sample: Path) -> Records:
    return load_records(Repo(sample), boards.KINDS_READ, TODAY)


BOARDS = [("finance", "2026Q3", "zh"), ("finance", "2026Q3", "en"), ("dues", "2026", "zh"), ("dues", "2026", "en"),
          ("residents", "2026", "zh"), ("party", "2026", "en")]


def board(records: Records, kind: str, period: str, lang: str) -> str:
    return boards.render(records, kind, period, TODAY, lang)


@pytest.mark.parametrize(("kind", "period", "lang", "golden"), [
    ("finance", "2026Q3", "zh", "board-2026Q3-finance.zh.html"),
    ("finance", "2026Q3", "en", "board-2026Q3-finance.en.html"),
    ("dues", "2026", "zh", "board-2026-dues.zh.html"),
])
def test_the_sample_boards_pages_are_pinned(records: Records, kind: str, period: str, lang: str,
                                            golden: str) -> None:
    assert_golden(golden, board_html(board(records, kind, period, lang), lang))


@pytest.mark.parametrize(("kind", "period", "lang"), BOARDS)
def test_a_page_has_its_title_one_h1_and_whole_tables(records: Records, kind: str, period: str,
                                                      lang: str) -> None:
    markdown = board(records, kind, period, lang)
    html = board_html(markdown, lang)
    page = Page(html)
    heading = markdown.splitlines()[0].removeprefix("# ")
    assert html.startswith("<!DOCTYPE html>\n")
    assert page.named("html") == [{"lang": "zh-CN" if lang == "zh" else "en"}]
    assert {"charset": "utf-8"} in page.named("meta")
    assert page.texts_of("title")[0] == heading and page.texts_of("h1") == [heading]
    assert page.tables and all(t.has_thead and len(t.head) == 1 for t in page.tables)
    assert all(set(t.body) <= {t.head[0]} for t in page.tables)
    assert len(page.tables) == sum(1 for line in markdown.splitlines() if re.fullmatch(r"\|[-|]+\|", line))


@pytest.mark.parametrize(("kind", "period", "lang"), BOARDS)
def test_a_page_shows_every_cell_of_the_markdown(records: Records, kind: str, period: str, lang: str) -> None:
    markdown = board(records, kind, period, lang)
    text = " ".join(Page(board_html(markdown, lang)).text)
    cells = [re.sub(r"\\(.)", r"\1", cell.strip()) for line in markdown.splitlines()
             if line.startswith("|") and not re.fullmatch(r"\|[-|]+\|", line)
             for cell in re.split(r"(?<!\\)\|", line)[1:-1]]
    assert [cell for cell in cells if cell not in text] == []


@pytest.mark.parametrize(("kind", "period", "lang"), BOARDS)
def test_a_page_runs_nothing_and_fetches_nothing(records: Records, kind: str, period: str, lang: str) -> None:
    html = board_html(board(records, kind, period, lang), lang)
    page = Page(html)
    assert "<script" not in html.lower() and not page.named("script")
    assert not page.named("link") and not page.named("img") and not page.named("iframe")
    links = [value for _, attrs in page.tags for name, value in attrs.items() if name in ("src", "href")]
    assert not [value for value in links if value and re.match(r"\s*(https?:)?//", value)]
    assert "@import" not in html and "url(" not in html and "@font-face" not in html


@pytest.mark.parametrize(("kind", "period", "lang"), BOARDS)
def test_every_mermaid_fence_is_a_chart_of_its_numbers(records: Records, kind: str, period: str,
                                                       lang: str) -> None:
    markdown = board(records, kind, period, lang)
    page = Page(board_html(markdown, lang))
    pies = re.findall(r"^```mermaid\npie showData\n((?:    .*\n)*)```$", markdown, re.M)
    bars = re.findall(r"^    bar \[(.*)\]$", markdown, re.M)
    assert len(page.svgs) == markdown.count("```mermaid\n") == len(pies) + len(bars)
    pie_svgs = [svg for svg in page.svgs if any(tag in ("path", "circle") for tag, _ in svg)]
    slices = [len(re.findall(r'^    ".*" : [\d.]+$', body, re.M)) for body in pies]
    assert [sum(tag in ("path", "circle") for tag, _ in svg) for svg in pie_svgs] == slices
    bar_svgs = [svg for svg in page.svgs if svg not in pie_svgs]
    assert [sum(tag == "rect" and a.get("class") == "bar" for tag, a in svg) for svg in bar_svgs] == [
        len(values.split(",")) for values in bars]
    assert all(tag != "rect" or a.get("class") == "bar" for svg in bar_svgs for tag, a in svg)
    assert not page.named("pre")


def test_the_charts_are_labelled_and_drawn_to_scale(records: Records) -> None:
    page = Page(board_html(board(records, "finance", "2026Q3", "zh"), "zh"))
    pie = page.named("svg")[0]
    assert (pie["role"], pie["aria-label"]) == ("img", "支出构成（元）")
    assert "办公费: 412.50 (3.2%)" in page.texts_of("title")
    assert "宣传教育: 4800.00 (37.3%)" in " ".join(page.text)  # the legend
    paths = [a["d"] or "" for tag, a in page.tags if tag == "path"]
    # The slices go round once from twelve o'clock, each starting where the one before ended.
    ends = [re.findall(r"\d+\.\d\d \d+\.\d\d", d) for d in paths]
    assert ends[0][0] == ends[-1][1] == "120.00 20.00"
    assert all(a[1] == b[0] for a, b in itertools.pairwise(ends))
    dues = Page(board_html(board(records, "dues", "2026", "zh"), "zh"))
    heights = [float(a["height"] or 0) for tag, a in dues.tags if tag == "rect" and a.get("class") == "bar"]
    # O02 paid 95.0% in May and 95.2% in October, on an axis from 0 to 100 that is 200 units tall.
    assert heights[:10] == [200.0] * 4 + [190.0] + [200.0] * 4 + [190.4]
    assert dues.named("svg")[0]["aria-label"] == "收缴率（%）"


def _board(lines: list[Line], spending: dict[str, Decimal] | None = None) -> FinanceBoard:
    fund = FundBoard("F01", "Test fund", False, Decimal("100000.00"), lines, spending or {})
    return FinanceBoard("Test community", "2026Q3", date(2026, 7, 1), date(2026, 9, 30), (fund,))


def test_record_text_is_shown_never_run() -> None:
    line = Line(date(2026, 8, 3), "V2026-0001", "<script>alert(1)</script>", "a | b", None, Decimal("5.00"),
                "[see](https://example.com) ![x](https://example.com/t.png) &amp; 刘*华、钱*")
    markdown = finance_md(_board([line], {'say "hi" <b>&': Decimal("5.00")}), "en")
    assert "a \\| b" in markdown
    html = board_html(markdown, "en")
    page = Page(html)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "<script" not in html.lower()
    assert not page.named("a") and not page.named("img") and "https:" not in "".join(map(str, page.tags))
    assert {"<script>alert(1)</script>", "a | b", line.approvals} <= set(page.text)
    assert page.tables[0].head == [7] and page.tables[0].body == [7, 7]  # the line and the total
    assert 'say ＂hi＂ &lt;b&gt;&amp;: 5.00 (100.0%)' in html  # a quote would end the mermaid label
    assert "say ＂hi＂ <b>&: 5.00 (100.0%)" in page.text


@pytest.mark.parametrize("chart", [
    "graph TD; A-->B",
    "pie showData\n    title x\n    \"a\" : 1.00\n    b : 2.00",
    "pie showData\n    title nothing spent\n    \"a\" : 0.00",
    "pie\n    \"a\" : -1.00",
    "pie showData\n    title only a title",
    "xychart-beta\n    x-axis [\"a\", \"b\"]\n    y-axis 0 --> 100\n    bar [1.0]",
    "xychart-beta\n    x-axis [\"a\"]\n    y-axis 100 --> 0\n    bar [1.0]",
    "xychart-beta\n    x-axis [\"a\"]\n    y-axis 0 --> 100\n    bar [NaN]",
    "xychart-beta\n    x-axis [a]\n    y-axis 0 --> 100\n    bar [1.0]",
    "xychart-beta\n    x-axis [\"a\"]\n    y-axis 0 --> 100\n    bar [1.0]\n    bar [2.0]",
    "xychart-beta\n    title \"<script>x</script>\"\n    x-axis [\"a\"]\n    line [1.0]",
])
def test_a_chart_cmty_did_not_write_is_shown_as_text(chart: str) -> None:
    html = board_html(f"# Board\n\n```mermaid\n{chart}\n```\n", "en")
    page = Page(html)
    assert not page.svgs and len(page.named("pre")) == 1
    assert page.named("code") == [{"class": "language-mermaid"}]
    assert page.texts_of("code") == [chart.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                                     .replace('"', "&quot;") + "\n"]


def test_other_fences_are_text_too() -> None:
    page = Page(board_html("# B\n\n```python\nprint('<b>')\n```\n", "zh"))
    assert not page.svgs and page.texts_of("code") == ["print('&lt;b&gt;')\n"]


def test_a_chart_without_a_title_is_named_by_its_kind() -> None:
    page = Page(board_html('# B\n\n```mermaid\npie\n    "a" : 1\n    "b" : 3\n```\n', "zh"))
    assert page.named("svg")[0]["aria-label"] == "饼图"
    assert [tag for tag, _ in page.svgs[0] if tag in ("path", "circle")] == ["path", "path"]
    assert "b: 3.00 (75.0%)" in page.texts_of("title")


def test_masked_names_keep_their_asterisks(records: Records) -> None:
    """冯*远、书记 刘*华 is two masked names, not emphasis."""
    page = Page(board_html(board(records, "finance", "2026Q3", "zh"), "zh"))
    assert "民主理财小组 冯*远、书记 刘*华" in page.text and not page.named("em")


def test_the_same_markdown_gives_the_same_bytes(records: Records) -> None:
    for kind, period, lang in BOARDS:
        markdown = board(records, kind, period, lang)
        assert board_html(markdown, lang) == board_html(markdown, lang)


def test_the_print_stylesheet_repeats_headers_and_keeps_rows_whole() -> None:
    html = board_html("# B\n", "en")
    assert html.count("<style>") == 1
    for rule in ("@page { size: A4; margin: 15mm 12mm; }", "thead { display: table-header-group; }",
                 "tr { break-inside: avoid;", "break-after: avoid;", '"Noto Sans CJK SC", "Source Han Sans SC"',
                 "border-collapse: collapse; width: 100%;"):
        assert rule in html
    assert re.search(r"svg \{[^}]*break-inside: avoid;", html)


BROWSERS = ("chromium", "chromium-browser", "google-chrome")
ROWS = 150


def _print(html: str, tmp_path: Path) -> Path:
    browser = next((found for name in BROWSERS if (found := shutil.which(name))), None)
    if browser is None:
        pytest.skip(f"no headless browser to print with: none of {', '.join(BROWSERS)} is on PATH")
    page, pdf = tmp_path / "board.html", tmp_path / "board.pdf"
    page.write_text(html, encoding="utf-8")
    # A home of its own so that Chromium leaves nothing behind in the user's.
    env = {**os.environ, "HOME": str(tmp_path), "XDG_CONFIG_HOME": str(tmp_path / "config"),
           "XDG_CACHE_HOME": str(tmp_path / "cache")}
    subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    f"--user-data-dir={tmp_path / 'profile'}", "--no-pdf-header-footer", f"--print-to-pdf={pdf}",
                    page.as_uri()], check=True, capture_output=True, timeout=120, env=env)
    assert pdf.is_file()
    return pdf


@pytest.mark.slow
def test_a_long_board_prints_on_a4_with_its_header_on_every_page(tmp_path: Path) -> None:
    pypdf = pytest.importorskip("pypdf")
    lines = [Line(date(2026, 7, 1) + timedelta(days=i % 92), f"V2026-{i:04d}", f"office supplies, batch {i}",
                  f"Supplier {i % 7}", None, Decimal("10.00"), "treasurer W*") for i in range(1, ROWS + 1)]
    reader = pypdf.PdfReader(_print(board_html(finance_md(_board(lines), "en"), "en"), tmp_path))
    pages = [page.extract_text() for page in reader.pages]
    # A single-line row is at least 12 pt and at most 36 pt high; A4 less the margins leaves 757 pt.
    assert 3 <= math.ceil((ROWS + 2) * 12 / 757) <= len(pages) <= math.ceil((ROWS + 2) * 36 / 757)
    for page in reader.pages:
        assert abs(float(page.mediabox.width) - 595) <= 2 and abs(float(page.mediabox.height) - 842) <= 2
    with_rows = [text for text in pages if re.search(r"V2026-\d{4}", text)]
    # Only the last page may hold nothing of the table (the check line after it).
    assert with_rows == pages or with_rows == pages[:-1]
    assert all("voucher" in text and "counterparty" in text for text in with_rows)
    vouchers = [found for text in pages for found in re.findall(r"V2026-\d{4}", text)]
    assert vouchers == [line.voucher for line in lines]  # every row once, in order, none split
