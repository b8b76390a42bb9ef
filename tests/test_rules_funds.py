"""Funds against their vouchers (cmty/rules/funds.py: C8, C9) and public disclosure
(cmty/rules/disclosures.py: 村委会组织法 art. 30 and 32, DOMAIN §5). The smallest YAML that triggers
each code and the smallest that does not; codes and locations, with the amounts, dates and counts
at their edges. Today is 2026-11-29: a deadline due 2026-11-28 is overdue, one due today is not yet.

Every voucher here passes the record rules of one voucher (test_rules_records.py): 民主理财小组 then
书记 approve, 孙丽 pays, 周晓 keeps the books, cash up to 1000.00 and the bank above. Every finance
board is reviewed by 赵国强 of the supervision committee, so DISC-REVIEW stays quiet unless tested.

DISC-DUE counts periods from `records_start` (parameter records.since, else the first meeting), as
MEET-CADENCE does for the base branch O02. Without either, nothing is due; the decision meetings
of C8 come with records.since 2026-11-01, the month in progress, so nothing is due yet either. The
DISC-DUE cases start in 2026-07 and turn O02 into a 党总支, which owes no meetings of its own: every
list of findings below is complete.
"""

from __future__ import annotations

import re
from decimal import Decimal

import pytest

from cmty.findings import Severity
from tests.conftest import CONFIG, WriteRepo, findings, found

Found = list[tuple[str, str, int | None, int | None]]
Due = list[tuple[str, str | None, str, int | None, int | None]]  # (code, record, file, line, column)

MEETING = "meetings/MT2026-001.yaml"
AT_LINES = (5, 8)      # a voucher's `lines`, where a missing decision is reported
AT_FUND = (3, 7)       # a voucher's `fund`
AT_EXTRA = 12          # the line of a voucher's `to_fund` (column 10) or `decision` (column 11)


# --- helpers -------------------------------------------------------------------------------------

def config(**groups: dict[str, object]) -> str:
    """CONFIG with `parameters`: config(records={"since": "2026-07-01"}) puts `parameters:` on line 9,
    `records:` on line 10, and the next group's keys from line 13."""
    if not groups:
        return CONFIG
    text = "parameters:\n"
    for group, values in groups.items():
        text += f"  {group}:\n" + "".join(f"    {key}: {value}\n" for key, value in values.items())
    return CONFIG + text


def vfile(number: int) -> str:
    return f"finance/vouchers/V2026-{number:04d}.yaml"


def voucher(number: int = 1, amount: str = "356.00", *, on: str = "2026-10-12", fund: str = "F01",
            kind: str = "expense", category: str = "办公费", lines: str = "", extra: str = "") -> dict[str, str]:
    """V2026-nnnn with one line (`lines` replaces it): fund on line 3 (column 7), the line's category
    on line 5 (column 20), `extra` (to_fund, decision) from line 12."""
    items = lines or f'[{{category: {category}, amount: "{amount}"}}]'
    total = sum((Decimal(a) for a in re.findall(r'amount: "([0-9.]+)"', items)), Decimal("0"))
    # income arrives by the bank (cash takings would need banked_on, C6)
    payment = "cash" if total <= Decimal("1000.00") and kind != "income" else "bank"
    document = "发票" if kind == "expense" else "银行回单"
    vid = f"V2026-{number:04d}"
    return {vfile(number): (
        f"id: {vid}\ndate: {on}\nfund: {fund}\ntype: {kind}\nlines: {items}\n"
        f'document: {{type: {document}, number: "{number}"}}\npayment: {payment}\nhandler: 王敏\n'
        f"approvals: [{{role: 民主理财小组, person: 赵国强, on: {on}}}, {{role: 书记, person: 刘建华, on: {on}}}]\n"
        f"cashier: 孙丽\nbookkeeper: 周晓\n{extra}")}


def fund(fid: str, opening: str = "100000.00", purposes: str = "") -> dict[str, str]:
    """A fund of its own: earmarked for `purposes` when given, else free to pay for anything."""
    earmark = f"earmarked: true\npurposes: [{purposes}]\n" if purposes else "earmarked: false\n"
    return {f"finance/funds/{fid}.yaml": f'id: {fid}\nname: 资金{fid}\n{earmark}opening_balance: "{opening}"\n'}


SLUGS = {"居务": "residents", "党务": "party", "财务": "finance"}


def board_file(period: str, kind: str = "财务") -> str:
    return f"disclosures/{period}-{SLUGS[kind]}.yaml"


def board(period: str = "2026Q3", kind: str = "财务", posted: str = "2026-10-05", covers: str = "[]",
          reviewed: str | None = None) -> dict[str, str]:
    """A board: kind on line 2 (column 7), posted_on on line 4 (column 12), covers on line 5
    (column 9), reviewed_by on line 6 (column 14; the first name at column 15). A finance board is
    reviewed by 赵国强 unless `reviewed` says otherwise ("" for no reviewed_by)."""
    if reviewed is None:
        reviewed = "[赵国强]" if kind == "财务" else ""
    review = f"reviewed_by: {reviewed}\n" if reviewed else ""
    return {board_file(period, kind): (f"id: {period}-{SLUGS[kind]}\nkind: {kind}\nperiod: \"{period}\"\n"
                                       f"posted_on: {posted}\ncovers: {covers}\n{review}")}


def decision_meeting(kind: str = "居民代表会议", held: str = "2026-10-12") -> dict[str, str]:
    party = "org: O02\npresider: 刘建华\nshould_attend: 5\n" if kind == "支委会" else ""
    return {MEETING: f"id: MT2026-001\ntype: {kind}\ndate: {held}\ntopic: 大额支出事项\n{party}"}


# O02 as a 党总支 owes no meetings of its own (MEET-CADENCE), so only the boards are due.
NO_MEETINGS_OWED = {"party/orgs/O02.yaml": "id: O02\nname: 第一党总支\ntype: 党总支\nparent: O01\n"}


def due(write_repo: WriteRepo, files: dict[str, str], cfg: str) -> Due:
    """(code, record, file, line, column) of every finding, over a base where O02 owes no meetings."""
    return [(f.code, f.record, f.file, f.line, f.column)
            for f in findings(write_repo({**NO_MEETINGS_OWED, **files}, config=cfg))]


# --- C9 专款专用: FIN-EARMARK-PURPOSE ----------------------------------------------------------------
# F01 is earmarked for 办公费 and 活动经费.

def test_c9_a_good_voucher_is_clean(write_repo: WriteRepo) -> None:
    assert found(write_repo(voucher())) == []


@pytest.mark.parametrize(("category", "codes"), [
    ("办公费", []),
    ("活动经费", []),
    ("慰问金", [("FIN-EARMARK-PURPOSE", vfile(1), 5, 20)]),
    ("办公", [("FIN-EARMARK-PURPOSE", vfile(1), 5, 20)]),    # the purpose as written, not a part of it
])
def test_c9_earmarked_money_pays_only_for_its_purposes(write_repo: WriteRepo, category: str, codes: Found) -> None:
    assert found(write_repo(voucher(category=category))) == codes


def test_c9_each_line_is_judged_at_its_category(write_repo: WriteRepo) -> None:
    lines = ('\n  - {category: 办公费, amount: "1.00"}\n  - {category: 慰问金, amount: "2.00"}\n'
             '  - {category: 工程款, amount: "3.00"}')
    assert found(write_repo(voucher(lines=lines))) == [("FIN-EARMARK-PURPOSE", vfile(1), 7, 16),
                                                       ("FIN-EARMARK-PURPOSE", vfile(1), 8, 16)]


def test_c9_purpose_message(write_repo: WriteRepo) -> None:
    [off] = findings(write_repo(voucher(category="慰问金")))
    assert off.message.zh == "专项资金 F01 不能用于“慰问金”"
    assert off.message.en == "earmarked fund F01 may not pay for 慰问金"
    assert off.hint.zh == "F01 只能用于：办公费、活动经费；改由其他资金列支"
    assert off.severity == Severity.ERROR


def test_c9_a_fund_that_is_not_earmarked_pays_for_anything(write_repo: WriteRepo) -> None:
    files = {**fund("F02", "10000.00"), **voucher(category="慰问金", fund="F02")}
    assert found(write_repo(files)) == []


@pytest.mark.parametrize("kind", ["income", "transfer"])
def test_c9_only_expense_lines_are_judged(write_repo: WriteRepo, kind: str) -> None:
    extra = "to_fund: F02\n" if kind == "transfer" else ""
    files = {**fund("F02", "0.00"), **voucher(kind=kind, category="上级拨款", extra=extra)}
    assert found(write_repo(files)) == []


# --- C9 专款专用: FIN-EARMARK-TRANSFER ---------------------------------------------------------------

def transfer(source: str, target: str, amount: str = "500.00") -> dict[str, str]:
    return voucher(amount=amount, fund=source, kind="transfer", category="资金调拨", extra=f"to_fund: {target}\n")


@pytest.mark.parametrize(("source", "target", "codes"), [
    ("F01", "F03", [("FIN-EARMARK-TRANSFER", vfile(1), AT_EXTRA, 10)]),   # earmarked into earmarked
    ("F01", "F02", []),                                                   # into a general fund
    ("F02", "F03", []),                                                   # general money into earmarked
    ("F02", "F04", []),
])
def test_c9_no_transfer_between_earmarked_funds(write_repo: WriteRepo, source: str, target: str,
                                                codes: Found) -> None:
    files = {**fund("F02"), **fund("F03", "0.00", "活动经费"), **fund("F04", "0.00"), **transfer(source, target)}
    assert found(write_repo(files)) == codes


def test_c9_transfer_message(write_repo: WriteRepo) -> None:
    [moved] = findings(write_repo({**fund("F03", "0.00", "活动经费"), **transfer("F01", "F03")}))
    assert moved.message.zh == "专项资金 F01 转入另一专项资金 F03"
    assert moved.message.en == "earmarked fund F01 moved into earmarked fund F03"


def test_c9_a_transfer_names_the_fund_it_goes_to(write_repo: WriteRepo) -> None:
    """The schema requires to_fund of a transfer; the rules have nothing to judge without it."""
    files = voucher(kind="transfer", category="资金调拨")
    assert [f[:2] for f in found(write_repo(files))] == [("SCHEMA-REQUIRED", vfile(1))]


# --- C9: FIN-NEGATIVE-BALANCE ------------------------------------------------------------------
# F09 opens with 100.00 and is not earmarked.

def negative(number: int = 1) -> tuple[str, str, int, int]:
    return ("FIN-NEGATIVE-BALANCE", vfile(number), *AT_FUND)


@pytest.mark.parametrize(("amount", "codes"), [
    ("100.00", []),                 # exactly nothing left
    ("100.01", [negative()]),
])
def test_c9_no_fund_pays_out_more_than_it_holds(write_repo: WriteRepo, amount: str, codes: Found) -> None:
    files = {**fund("F09", "100.00"), **voucher(amount=amount, fund="F09")}
    assert found(write_repo(files)) == codes


def test_c9_every_line_of_a_voucher_counts(write_repo: WriteRepo) -> None:
    lines = '[{category: 办公费, amount: "60.00"}, {category: 办公费, amount: "40.01"}]'
    assert found(write_repo({**fund("F09", "100.00"), **voucher(lines=lines, fund="F09")})) == [negative()]


def test_c9_the_opening_balance_of_an_earmarked_fund(write_repo: WriteRepo) -> None:
    assert found(write_repo(voucher(amount="10000.01"))) == [negative()]   # F01 opens with 10000.00
    assert found(write_repo(voucher(amount="10000.00"))) == []


@pytest.mark.parametrize(("income_on", "codes"), [
    ("2026-10-01", []),             # booked before the expense
    ("2026-10-13", [negative()]),   # after it: too late
])
def test_c9_income_booked_first_covers_the_expense(write_repo: WriteRepo, income_on: str, codes: Found) -> None:
    files = {**fund("F09", "100.00"), **voucher(1, "100.01", fund="F09"),
             **voucher(2, "0.01", fund="F09", kind="income", category="捐赠收入", on=income_on)}
    assert found(write_repo(files)) == codes


@pytest.mark.parametrize(("expense", "income", "codes"), [
    (1, 2, [negative(1)]),          # the expense comes first on the day
    (2, 1, []),
])
def test_c9_same_day_in_voucher_number_order(write_repo: WriteRepo, expense: int, income: int,
                                             codes: Found) -> None:
    files = {**fund("F09", "100.00"), **voucher(expense, "150.00", fund="F09"),
             **voucher(income, "50.00", fund="F09", kind="income", category="捐赠收入")}
    assert found(write_repo(files)) == codes


def test_c9_the_date_comes_before_the_number(write_repo: WriteRepo) -> None:
    files = {**fund("F09", "100.00"), **voucher(1, "150.00", fund="F09", on="2026-10-12"),
             **voucher(2, "50.00", fund="F09", kind="income", category="捐赠收入", on="2026-10-11")}
    assert found(write_repo(files)) == []


def test_c9_only_the_first_overdrawing_voucher_is_reported(write_repo: WriteRepo) -> None:
    files = {**fund("F09", "100.00"), **voucher(1, "150.00", fund="F09", on="2026-10-01"),
             **voucher(2, "10.00", fund="F09", on="2026-10-02"),
             **voucher(3, "500.00", fund="F09", kind="income", category="捐赠收入", on="2026-10-03"),
             **voucher(4, "900.00", fund="F09", on="2026-10-04")}
    assert found(write_repo(files)) == [negative(1)]


def test_c9_each_fund_is_reported_on_its_own(write_repo: WriteRepo) -> None:
    files = {**fund("F08", "100.00"), **fund("F09", "100.00"), **voucher(1, "150.00", fund="F09"),
             **voucher(2, "100.01", fund="F08", on="2026-10-13")}
    assert found(write_repo(files)) == [negative(1), negative(2)]


@pytest.mark.parametrize(("moved", "spent", "codes"), [
    ("100.00", "100.00", []),                   # F08 → F09, then F09 spends it
    ("100.00", "100.01", [negative(2)]),        # F09 spends more than came in
    ("100.01", "100.00", [negative(1)]),        # F08 moves more than it holds
])
def test_c9_a_transfer_moves_money_between_funds(write_repo: WriteRepo, moved: str, spent: str,
                                                 codes: Found) -> None:
    files = {**fund("F08", "100.00"), **fund("F09", "0.00"),
             **voucher(1, moved, fund="F08", kind="transfer", category="资金调拨", extra="to_fund: F09\n",
                       on="2026-10-01"),
             **voucher(2, spent, fund="F09", on="2026-10-02")}
    assert found(write_repo(files)) == codes


def test_c9_balance_message(write_repo: WriteRepo) -> None:
    [short] = findings(write_repo({**fund("F09", "100.00"), **voucher(amount="100.01", fund="F09")}))
    assert short.message.zh == "F09 余额在此凭证后为 -0.01 元"
    assert short.message.en == "F09's balance is -0.01 after this voucher"
    assert short.hint.zh == "核对金额、日期和所用资金；资金不足不得支出"
    assert short.severity == Severity.ERROR


# --- C8: FIN-LARGE-DECISION --------------------------------------------------------------------
# Paid from F02 (100000.00, not earmarked) on 2026-10-12; records.since is in the month in progress.

NOV = config(records={"since": "2026-11-01"})


def large(amount: str = "50000.01", decision: str = "", kind: str = "expense") -> dict[str, str]:
    extra = f"decision: {decision}\n" if decision else ""
    return {**fund("F02"), **voucher(amount=amount, fund="F02", kind=kind, category="工程款", extra=extra)}


def undecided(line: int = AT_LINES[0], column: int = AT_LINES[1]) -> Found:
    """FIN-LARGE-DECISION at the voucher's `lines`, or at its `decision` when it names one."""
    return [("FIN-LARGE-DECISION", vfile(1), line, column)]


@pytest.mark.parametrize(("amount", "codes"), [
    ("50000.00", []),               # at the threshold: no decision needed
    ("50000.01", undecided()),
])
def test_c8_large_items_need_a_decision(write_repo: WriteRepo, amount: str, codes: Found) -> None:
    assert found(write_repo(large(amount), config=NOV)) == codes


@pytest.mark.parametrize(("kind", "held", "codes"), [
    ("居民代表会议", "2026-10-12", []),                       # on the day of the voucher
    ("居民代表会议", "2026-09-20", []),
    ("居民会议", "2026-10-12", []),
    ("居民代表会议", "2026-10-13", undecided(AT_EXTRA, 11)),   # decided after the money went out
    ("支委会", "2026-10-01", undecided(AT_EXTRA, 11)),         # not a residents' meeting
    ("听证会", "2026-10-01", undecided(AT_EXTRA, 11)),
])
def test_c8_decided_beforehand_by_a_residents_meeting(write_repo: WriteRepo, kind: str, held: str,
                                                      codes: Found) -> None:
    files = {**large(decision="MT2026-001"), **decision_meeting(kind, held)}
    # a hearing's own notice and outcome (HEARING-*) are not what is tested here
    assert [f for f in found(write_repo(files, config=NOV)) if not f[0].startswith("HEARING-")] == codes


def test_c8_a_decision_that_is_not_on_record(write_repo: WriteRepo) -> None:
    assert found(write_repo(large(decision="MT2026-001"), config=NOV)) == [
        *undecided(AT_EXTRA, 11), ("REF-MISSING", vfile(1), AT_EXTRA, 11)]


@pytest.mark.parametrize("kind", ["income", "transfer"])
def test_c8_only_expenses_are_judged(write_repo: WriteRepo, kind: str) -> None:
    files = large("90000.00", kind=kind)
    if kind == "transfer":
        files = {**files, **fund("F04", "0.00")}
        files[vfile(1)] += "to_fund: F04\n"
    assert found(write_repo(files, config=NOV)) == []


def test_c8_the_threshold_is_a_parameter(write_repo: WriteRepo) -> None:
    cfg = config(records={"since": "2026-11-01"}, finance={"large_item_threshold": '"1000.00"'})
    assert found(write_repo(large("1000.00"), config=cfg)) == []
    assert found(write_repo(large("1000.01"), config=cfg)) == undecided()


def test_c8_decision_message(write_repo: WriteRepo) -> None:
    [missing] = findings(write_repo(large(), config=NOV))
    assert missing.message.zh == "支出 50000.01 元超过 50000.00 元，没有事前的居民（代表）会议决定"
    assert missing.message.en == ("an expense of 50000.01 above 50000.00 without a prior residents' "
                                  "meeting decision")
    assert missing.severity == Severity.ERROR


# --- 村委会组织法 art. 30: DISC-DUE --------------------------------------------------------------
# From 2026-07-01, on 2026-11-29: 2026Q3 (居务, 党务, quarterly) was due 2026-10-10; 2026-07 … 2026-10
# (财务, monthly) were due by 2026-11-10; 2026-11 and 2026Q4 are still in progress.

def disclosure_config(first: str = "2026-07-01", **values: object) -> str:
    """records.since `first`, and the disclosure cadences set on lines 13 (general_every, value at
    column 20) and 14 (finance_every), then `values`."""
    return config(records={"since": first},
                  disclosure={"general_every": "quarter", "finance_every": "month", **values})


JULY = disclosure_config()
GENERAL = ("cmty.yaml", 13, 20)
FINANCE = ("cmty.yaml", 14, 20)


def boards_due(*items: tuple[str, tuple[str, int, int]]) -> Due:
    return [("DISC-DUE", record, *where) for record, where in items]


EVERY_BOARD = boards_due(("2026Q3-residents", GENERAL), ("2026Q3-party", GENERAL), ("2026-07-finance", FINANCE),
                         ("2026-08-finance", FINANCE), ("2026-09-finance", FINANCE), ("2026-10-finance", FINANCE))


def test_art30_no_records_since_and_no_meetings_checks_nothing(write_repo: WriteRepo) -> None:
    assert due(write_repo, {}, CONFIG) == []


def test_art30_every_board_of_every_period_ended(write_repo: WriteRepo) -> None:
    assert due(write_repo, {}, JULY) == EVERY_BOARD


def test_art30_finance_is_monthly_by_default(write_repo: WriteRepo) -> None:
    """Without a disclosure group in cmty.yaml the boards point at `parameters`, where it would go."""
    at = ("cmty.yaml", 10, 3)
    assert due(write_repo, {}, config(records={"since": "2026-07-01"})) == boards_due(
        ("2026Q3-residents", at), ("2026Q3-party", at), ("2026-07-finance", at), ("2026-08-finance", at),
        ("2026-09-finance", at), ("2026-10-finance", at))


def test_art30_without_records_since_the_first_meeting_is_the_start(write_repo: WriteRepo) -> None:
    cfg = config(disclosure={"general_every": "quarter", "finance_every": "month"})   # on lines 11 and 12
    general, finance = ("cmty.yaml", 11, 20), ("cmty.yaml", 12, 20)
    assert due(write_repo, decision_meeting("居民会议", "2026-07-01"), cfg) == boards_due(
        ("2026Q3-residents", general), ("2026Q3-party", general),
        *[(f"2026-{m}-finance", finance) for m in ("07", "08", "09", "10")])


def test_art30_only_whole_periods_after_the_start(write_repo: WriteRepo) -> None:
    """From 2026-08-15 neither 2026Q3 nor 2026-08 is owed: they began before the records."""
    assert due(write_repo, {}, disclosure_config("2026-08-15")) == boards_due(
        ("2026-09-finance", FINANCE), ("2026-10-finance", FINANCE))


def test_art30_a_board_filed_for_the_period_is_no_longer_due(write_repo: WriteRepo) -> None:
    files = {**board("2026Q3", "居务", "2026-10-09"), **board("2026-08", "财务", "2026-09-08")}
    assert due(write_repo, files, JULY) == boards_due(
        ("2026Q3-party", GENERAL), ("2026-07-finance", FINANCE), ("2026-09-finance", FINANCE),
        ("2026-10-finance", FINANCE))


def test_art30_a_board_of_another_kind_or_period_does_not_count(write_repo: WriteRepo) -> None:
    files = {**board("2026Q3", "财务"), **board("2026-09", "居务", "2026-10-05")}
    assert due(write_repo, files, JULY) == EVERY_BOARD


def test_art30_quarterly_finance(write_repo: WriteRepo) -> None:
    assert due(write_repo, {}, disclosure_config(finance_every="quarter")) == boards_due(
        ("2026Q3-residents", GENERAL), ("2026Q3-party", GENERAL), ("2026Q3-finance", FINANCE))


@pytest.mark.parametrize(("days", "codes"), [
    (10, ["2026Q3-residents", "2026Q3-party", "2026Q3-finance"]),   # the default: due 2026-10-10
    (59, ["2026Q3-residents", "2026Q3-party", "2026Q3-finance"]),   # due 2026-11-28: overdue
    (60, []),                                                       # due 2026-11-29, today: not yet
])
def test_art30_the_time_allowed_after_the_period(write_repo: WriteRepo, days: int, codes: list[str]) -> None:
    cfg = disclosure_config(finance_every="quarter", post_within_days=days)
    assert [f[1] for f in due(write_repo, {}, cfg)] == codes


def test_art30_due_message(write_repo: WriteRepo) -> None:
    first = findings(write_repo(NO_MEETINGS_OWED, config=JULY))[0]
    assert first.message.zh == "2026Q3 居务公开应张贴（期限 2026-10-10，已逾期）"
    assert first.message.en == "the 居务 board for 2026Q3 is due (due 2026-10-10, overdue)"
    assert first.hint.zh == "张贴后在 disclosures/ 中记录 {kind: 居务, period: 2026Q3, posted_on: …}"
    assert first.severity == Severity.WARNING


def test_art30_a_half_year_board_clears_its_deadline(write_repo: WriteRepo) -> None:
    cfg = config(records={"since": "2026-01-01"},
                 disclosure={"general_every": "half", "finance_every": "year"})
    files = {**board("2026H1", "居务", "2026-07-08"), **board("2026H1", "党务", "2026-07-08")}
    assert due(write_repo, files, cfg) == []


# --- 村委会组织法 art. 30: DISC-LATE -------------------------------------------------------------
# 居务 boards, posted on the last day allowed (10 days after the period) and the day after.

def late(period: str) -> Found:
    return [("DISC-LATE", board_file(period, "居务"), 4, 12)]


@pytest.mark.parametrize(("period", "posted", "codes"), [
    ("2026-08", "2026-09-10", []),
    ("2026-08", "2026-09-11", late("2026-08")),
    ("2026-02", "2026-03-10", []),               # February ends on the 28th
    ("2026-02", "2026-03-11", late("2026-02")),
    ("2026Q3", "2026-10-10", []),
    ("2026Q3", "2026-10-11", late("2026Q3")),
    ("2025", "2026-01-10", []),
    ("2025", "2026-01-11", late("2025")),
    ("2026Q3", "2026-09-15", []),                # before the period ended
])
def test_art30_posted_within_ten_days_of_the_period(write_repo: WriteRepo, period: str, posted: str,
                                                    codes: Found) -> None:
    assert found(write_repo(board(period, "居务", posted))) == codes


@pytest.mark.parametrize(("posted", "late_by"), [("2026-07-10", False), ("2026-07-11", True)])
def test_art30_a_half_year_board_posted_within_ten_days(write_repo: WriteRepo, posted: str, late_by: bool) -> None:
    assert found(write_repo(board("2026H1", "居务", posted))) == (late("2026H1") if late_by else [])


def test_art30_the_days_allowed_are_a_parameter(write_repo: WriteRepo) -> None:
    cfg = config(disclosure={"post_within_days": 0})
    assert found(write_repo(board("2026-08", "居务", "2026-08-31"), config=cfg)) == []
    assert found(write_repo(board("2026-08", "居务", "2026-09-01"), config=cfg)) == late("2026-08")


def test_art30_late_message(write_repo: WriteRepo) -> None:
    [posted] = findings(write_repo(board("2026Q3", "居务", "2026-10-11")))
    assert posted.message.zh == "2026Q3 的公开于 2026-10-11 张贴，晚于期末后 10 天"
    assert posted.message.en == "the 2026Q3 board went up on 2026-10-11, more than 10 days after the period"
    assert posted.severity == Severity.WARNING


# --- §5 公开: DISC-INCOMPLETE ---------------------------------------------------------------------
# A 2026Q3 finance board, posted 2026-10-05, against F01's vouchers.

def incomplete(kind: str = "财务") -> Found:
    return [("DISC-INCOMPLETE", board_file("2026Q3", kind), 5, 9)]


@pytest.mark.parametrize(("on", "codes"), [
    ("2026-06-30", []),                 # the quarter before
    ("2026-07-01", incomplete()),
    ("2026-09-30", incomplete()),       # the last day of the quarter
    ("2026-10-01", []),                 # the next quarter's
])
def test_s5_a_finance_board_lists_every_voucher_of_its_period(write_repo: WriteRepo, on: str,
                                                              codes: Found) -> None:
    assert found(write_repo({**voucher(on=on), **board()})) == codes


def test_s5_a_board_that_lists_them_is_whole(write_repo: WriteRepo) -> None:
    files = {**voucher(1, on="2026-07-01"), **voucher(2, on="2026-09-30"),
             **board(covers="[V2026-0001, V2026-0002]")}
    assert found(write_repo(files)) == []


def test_s5_a_voucher_left_out_is_named(write_repo: WriteRepo) -> None:
    files = {**voucher(1, on="2026-07-01"), **voucher(2, on="2026-09-30"), **board(covers="[V2026-0001]")}
    [left_out] = findings(write_repo(files))
    assert (left_out.code, left_out.file, left_out.line, left_out.column) == incomplete()[0]
    assert left_out.message.zh == "财务公开漏了本期凭证 V2026-0002（共 1 张）"
    assert left_out.message.en == "the finance board leaves out 1 voucher(s) of its period: V2026-0002"
    assert left_out.hint.zh == "财务公开须逐笔列明本期全部收支；把这些凭证加入 covers"
    assert left_out.severity == Severity.ERROR


@pytest.mark.parametrize("kind", ["党务", "居务"])
def test_s5_only_finance_boards_list_vouchers(write_repo: WriteRepo, kind: str) -> None:
    assert found(write_repo({**voucher(on="2026-09-30"), **board(kind=kind)})) == []


def quarter_of_vouchers(count: int) -> dict[str, str]:
    """`count` vouchers in 2026Q3, numbered against their dates: V2026-0001 is the last."""
    files: dict[str, str] = {}
    for number in range(1, count + 1):
        files.update(voucher(number, "10.00", on=f"2026-07-{count + 1 - number:02d}"))
    return files


@pytest.mark.parametrize(("count", "zh", "en"), [
    (5, "财务公开漏了本期凭证 V2026-0005、V2026-0004、V2026-0003、V2026-0002、V2026-0001（共 5 张）",
     "the finance board leaves out 5 voucher(s) of its period: V2026-0005, V2026-0004, V2026-0003, V2026-0002, "
     "V2026-0001"),
    (6, "财务公开漏了本期凭证 V2026-0006、V2026-0005、V2026-0004、V2026-0003、V2026-0002…（共 6 张）",
     "the finance board leaves out 6 voucher(s) of its period: V2026-0006, V2026-0005, V2026-0004, V2026-0003, "
     "V2026-0002…"),
])
def test_s5_the_message_names_five_vouchers_in_date_order(write_repo: WriteRepo, count: int, zh: str,
                                                          en: str) -> None:
    [left_out] = findings(write_repo({**quarter_of_vouchers(count), **board()}))
    assert left_out.code == "DISC-INCOMPLETE"
    assert left_out.message.zh == zh
    assert left_out.message.en == en


def test_s5_a_monthly_finance_board(write_repo: WriteRepo) -> None:
    files = {**voucher(1, on="2026-08-31"), **voucher(2, on="2026-09-01"),
             **board("2026-08", posted="2026-09-05", covers="[V2026-0001]")}
    assert found(write_repo(files)) == []
    files[board_file("2026-08")] = files[board_file("2026-08")].replace("[V2026-0001]", "[V2026-0002]")
    assert found(write_repo(files)) == [("DISC-INCOMPLETE", board_file("2026-08"), 5, 9)]


# --- 村委会组织法 art. 32: DISC-REVIEW ------------------------------------------------------------
# 监督委员会: 赵国强, 吴刚.

@pytest.mark.parametrize(("kind", "reviewed", "codes"), [
    ("财务", "", [("DISC-REVIEW", board_file("2026Q3"), 2, 7)]),           # no reviewed_by: at kind
    ("财务", "[]", [("DISC-REVIEW", board_file("2026Q3"), 2, 7)]),
    ("财务", "[吴刚]", []),
    ("财务", "[赵国强, 吴刚]", []),
    ("财务", "[赵国强, 王敏]", [("DISC-REVIEW", board_file("2026Q3"), 6, 20)]),   # 王敏 is the 报账员
    ("党务", "", []),                                                      # only finance must be reviewed
    ("居务", "", []),
    ("党务", "[孙丽]", [("DISC-REVIEW", board_file("2026Q3", "党务"), 6, 15)]),   # but a reviewer is on the committee
])
def test_art32_the_supervision_committee_reviews(write_repo: WriteRepo, kind: str, reviewed: str,
                                                 codes: Found) -> None:
    assert found(write_repo(board(kind=kind, reviewed=reviewed))) == codes


def test_art32_review_messages(write_repo: WriteRepo) -> None:
    [unreviewed] = findings(write_repo(board(reviewed="")))
    assert unreviewed.message.zh == "财务公开没有监督委员会审核"
    assert unreviewed.hint.zh == "张贴前由监督委员会成员审核，写入 reviewed_by（现任：赵国强、吴刚、郑丽）"
    [stranger] = findings(write_repo(board(reviewed="[王敏]")))
    assert stranger.message.zh == "王敏 不是监督委员会成员"
    assert stranger.message.en == "王敏 is not on the supervision committee"
    assert stranger.severity == Severity.ERROR
