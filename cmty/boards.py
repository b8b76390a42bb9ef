"""Every board kind behind one call: render a kind for a period, in a language and a format, as
the board's policy says (cmty.boardpolicy), and refuse it when the leak guard (cmty.leaks) finds
personal data in the text, whatever template produced it."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

from cmty import affairsboard, duesboard, leaks, partyboard
from cmty import board as finance
from cmty.board import BoardError, sensitive_values
from cmty.boardpolicy import REVEALED_BANNER, BoardPolicy, policy_for
from cmty.config import Config
from cmty.findings import Text
from cmty.render.boards import affairs_md, dues_md, finance_md, party_md
from cmty.rules.base import Records

KINDS = ("finance", "dues", "residents", "party")
FORMATS = ("md", "html")
KINDS_READ = tuple(sorted({*finance.KINDS_READ, *duesboard.KINDS_READ, *affairsboard.KINDS_READ,
                           *partyboard.KINDS_READ}))


# The cadence parameter each board kind follows (村委会组织法 art. 30).
_CADENCE = {"finance": "disclosure.finance_every", "dues": "disclosure.general_every",
            "residents": "disclosure.general_every", "party": "disclosure.general_every"}


def due_kinds(config: Config, period: str) -> list[str]:
    """The board kinds due for `period`: those whose cadence fits it a whole number of times (a
    monthly finance board is due for 2026-09 and for 2026Q3; the quarterly ones only for the
    quarter, half or year)."""
    from cmty.dates import CADENCE_MONTHS, bounds_of

    bounds = bounds_of(period)
    if bounds is None:
        return list(KINDS)  # the board itself will say how a period is written
    months = (bounds[1].year - bounds[0].year) * 12 + bounds[1].month - bounds[0].month + 1
    due = [kind for kind in KINDS if months % CADENCE_MONTHS.get(str(config.param(_CADENCE[kind])), 3) == 0]
    if not due:
        raise BoardError(Text(f"{period} 没有应公开的内容（公开频次见 disclosure.finance_every、"
                              "disclosure.general_every）", f"no board is due for {period} (see the "
                              "cadences disclosure.finance_every and disclosure.general_every)"),
                         Text("用季度等期间，如 2026Q3，或单独生成一种：cmty board finance --period …",
                              "use a quarter such as 2026Q3, or make one kind: cmty board finance --period …"))
    return due


def render(records: Records, kind: str, period: str, today: date, lang: str, *, fmt: str = "md",
           reveal: bool = False) -> str:
    """One board as text; BoardError when it cannot or must not be made."""
    policy = policy_for(records.config.boards, kind, reveal)
    text = _markdown(records, kind, period, today, lang, policy)
    _guard(records, kind, text, today, policy)
    if reveal:
        title, _, rest = text.partition("\n\n")
        text = f"{title}\n\n{REVEALED_BANNER.zh if lang == 'zh' else REVEALED_BANNER.en}{rest}"
    if fmt == "html":
        from cmty.render.html import board_html

        # Every word of the page comes from the markdown just checked; its SVG adds only numbers
        # worked out from the markdown's.
        text = board_html(text, lang)
    return text


def _markdown(records: Records, kind: str, period: str, today: date, lang: str,
              policy: BoardPolicy) -> str:
    if kind == "finance":
        return finance_md(finance.finance_board(records, period, policy), lang)
    if kind == "dues":
        return dues_md(duesboard.dues_board(records, period, today, policy), lang)
    if kind == "residents":
        return affairs_md(affairsboard.affairs_board(records, period, policy, today), lang)
    return party_md(partyboard.party_board(records, period, today, policy), lang)


def _guard(records: Records, kind: str, text: str, today: date, policy: BoardPolicy) -> None:
    """Refuse a board that shows what it must not. A revealed internal board may show names,
    mobiles and addresses; never ID, card or account numbers, sensitive facts or children."""
    shown = [pii for pii in ("name", "mobile", "address") if policy.in_full(pii)]
    # Every board of a run, and every published board rendered again, checks the same values.
    key = f"boards.sensitive:{today}"
    if key not in records.derived:
        records.derived[key] = sensitive_values(records, today)
    found = leaks.scan(text, records.derived[key], policy.allowed_terms, shown)
    if not found:
        return
    zh, en = [], []
    for leak in found[:5]:
        origin = _origin(records, text[leak.start:leak.end])
        zh.append(f"第 {leak.line} 行第 {leak.column} 列 {leak.title.zh} {leak.shown}{origin.zh}")
        en.append(f"line {leak.line} column {leak.column}: {leak.title.en} {leak.shown}{origin.en}")
    # A word not about anyone (or a shop named after its owner) can be allowed; a child never.
    words = any(leak.kind in leaks.WORDS and leak.kind != "child" for leak in found)
    raise BoardError(
        Text(f"{kind} 公开内容含不得公开的个人信息，未生成：" + "；".join(zh),
             f"the {kind} board would show personal data that must not be published, so it was not "
             "made: " + "; ".join(en)),
        Text("从所列记录的摘要、备注等文字中删去这些内容后重试" + (
            f"；若该词与个人无关（如“癌症筛查宣传”），可在 cmty.yaml 的 boards.{kind}.allow_terms 中列出"
            if words else ""),
             "remove them from the named records' descriptions and notes, then try again" + (
            f"; a word that is not about a person (e.g. a cancer-screening campaign) can be listed "
            f"under boards.{kind}.allow_terms in cmty.yaml" if words else "")))


def _origin(records: Records, needle: str) -> Text:
    """Where the leaked text was typed: the first record holding it in a field that is not the
    person's own (a member's record holds their ID number by right; a voucher's description
    does not). No board shows the registry of residents, so residents come last."""
    from cmty.schemas import kind_schema, values_at

    for kind, recs in sorted(records.by_kind.items(), key=lambda pair: pair[0] == "resident"):
        patterns = [pattern for pattern, _ in kind_schema(kind).pii]
        for rec in recs:
            own = {str(v) for pattern in patterns for _, v in values_at(rec.data, pattern)}
            if any(needle in value for value in _strings(rec.data) if value not in own):
                return Text(f"（来自 {rec.id}，{rec.file}）", f" (from {rec.id}, {rec.file})")
    return Text("", "")


def _strings(data: Any) -> Iterator[str]:
    if isinstance(data, str):
        yield data
    elif isinstance(data, dict):
        for value in data.values():
            yield from _strings(value)
    elif isinstance(data, list):
        for value in data:
            yield from _strings(value)
