"""Collection rules on party dues (cmty/rules/dues.py): each member's fee entries against their
dues and against each other. The smallest YAML that triggers each code and the smallest that does
not; codes and locations, with the months and amounts at their edges. Today is 2026-11-29, so
2026-11 is the month in progress and unpaid months are counted up to 2026-10.

Every finding of the repository is compared, so a record that stopped being valid cannot make a
"clean" case pass by being skipped.
"""

from __future__ import annotations

import pytest

from cmty.dates import months_between
from cmty.fees import months_from
from cmty.findings import Finding, Severity
from tests.conftest import CONFIG, WriteRepo, findings, found

MEMBER = "party/members/M0002.yaml"
FEE = "party/fees/2026-10.yaml"
FEE_09 = "party/fees/2026-09.yaml"

EXEMPT = '{amount: "0.00", approval: 历山街道党工委〔2026〕12号}'
LETTER = "{direction: out, 'on': 2026-09-01, letter: 济历组转〔2026〕12号, paid_up_to: 2026-08}"

Found = list[tuple[str, str, int | None, int | None]]


def basis(first: str, base: str = "6000.00", kind: str = "in-service", more: str = "") -> str:
    """One fee_basis item, as a line of the member file. 6000.00 in service is 90.00 a month."""
    return f'  - {{from: {first}, kind: {kind}, base: "{base}"{more}}}\n'


def member(*bases: str, status: str = "正式党员", extra: str = "") -> str:
    """M0002: status on line 5 (column 9), fee_basis items from line 8, then `extra`."""
    return (f"id: M0002\nname: 李秀英\nsex: 女\norg: O02\nstatus: {status}\ncategory: 直接管理\n"
            f"fee_basis:\n{''.join(bases or (basis('2026-10'),))}{extra}")


def entry(months: str = "2026-10", amount: str = "90.00", paid_on: str = "2026-10-12",
          more: str = "") -> str:
    """One fee entry, as a line of the fee file: `months` starts at column 29."""
    return f'  - {{member: M0002, months: [{months}], amount: "{amount}", paid_on: {paid_on}{more}}}\n'


def fee(*entries: str, period: str = "2026-10") -> str:
    """A month's fee file; its entries start on line 4."""
    return f"period: {period}\ncollector: M0001\nentries:\n{''.join(entries)}"


def check(write_repo: WriteRepo, files: dict[str, str], config: str = CONFIG) -> Found:
    """Every finding of the minimal repository with `files` over it."""
    return found(write_repo(files, config=config))


def only(write_repo: WriteRepo, files: dict[str, str]) -> Finding:
    """The one finding of the repository with `files`."""
    [finding] = findings(write_repo(files))
    return finding


def unpaid_since(first: str, extra: str = "") -> dict[str, str]:
    """A member owing dues from `first` who has never paid."""
    return {MEMBER: member(basis(first), extra=extra)}


ARREARS = [("FEE-ARREARS", MEMBER, 5, 9)]
LAPSE = [("FEE-LAPSE", MEMBER, 5, 9)]


# --- F14: consecutive unpaid months -------------------------------------------------------------

def test_a_member_paid_up_is_clean(write_repo: WriteRepo) -> None:
    assert check(write_repo, {MEMBER: member(), FEE: fee(entry())}) == []


@pytest.mark.parametrize(("first", "codes"), [
    ("2026-09", []),       # 2026-09 and 2026-10: two months; 2026-11 is still in progress
    ("2026-08", ARREARS),  # three in a row: a warning
    ("2026-06", ARREARS),  # five
    ("2026-05", LAPSE),    # six: 自行脱党风险
    ("2025-11", LAPSE),    # twelve
])
def test_f14_consecutive_unpaid_months(write_repo: WriteRepo, first: str, codes: Found) -> None:
    assert check(write_repo, unpaid_since(first)) == codes


@pytest.mark.parametrize(("first", "code", "severity"), [
    ("2026-08", "FEE-ARREARS", Severity.WARNING),
    ("2026-05", "FEE-LAPSE", Severity.ERROR),
])
def test_f14_arrears_is_a_warning_and_lapse_an_error(write_repo: WriteRepo, first: str, code: str,
                                                     severity: Severity) -> None:
    finding = only(write_repo, unpaid_since(first))
    assert (finding.code, finding.severity) == (code, severity)


def test_f14_lapse_message(write_repo: WriteRepo) -> None:
    lapse = only(write_repo, unpaid_since("2026-05"))
    assert lapse.message.zh == "连续 6 个月未交党费（至 2026-10），有自行脱党风险（2026-05—2026-10，欠 540.00 元）"
    assert lapse.message.en == ("6 months in a row unpaid (to 2026-10); at risk of lapsing (F14) "
                                "(2026-05—2026-10, 540.00 owed)")


def test_f14_the_run_counts_back_from_the_last_payment_and_owed_counts_all(write_repo: WriteRepo) -> None:
    files = {MEMBER: member(basis("2026-01")),
             "party/fees/2026-07.yaml": fee(entry("2026-07", paid_on="2026-07-10"), period="2026-07")}
    arrear = only(write_repo, files)
    assert [(arrear.code, arrear.file, arrear.line, arrear.column)] == ARREARS
    # 2026-08 … 2026-10 in a row; 2026-01 … 2026-06 are owed too: nine months of 90.00
    assert arrear.message.zh == "连续 3 个月未交党费（至 2026-10）（2026-08—2026-10，欠 810.00 元）"


@pytest.mark.parametrize(("absences", "codes"), [
    ("absences: [{from: 2026-05, reason: 外派援疆}]\n", ARREARS),                 # all six justified
    ("absences: [{from: 2026-05, to: 2026-10, reason: 外派援疆}]\n", ARREARS),    # `to` is included
    ("absences: [{from: 2026-06, reason: 外派援疆}]\n", ARREARS),                 # only 2026-05 is not
    ("absences: [{from: 2026-05, to: 2026-09, reason: 外派援疆}]\n", ARREARS),    # only 2026-10 is not
    ("absences: [{from: 2026-05, to: 2026-07, reason: 外派援疆}, {from: 2026-08, reason: 住院治疗}]\n",
     ARREARS),                                                                   # two reasons together
])
def test_f14_a_recorded_good_reason_for_the_whole_run(write_repo: WriteRepo, absences: str,
                                                      codes: Found) -> None:
    assert check(write_repo, unpaid_since("2026-05", absences)) == codes


@pytest.mark.parametrize(("absences", "codes"), [
    ("absences: [{from: 2026-04, to: 2026-04, reason: 住院治疗}]\n", LAPSE),     # 2026-05 … 10 have none
    ("absences: [{from: 2026-04, to: 2026-05, reason: 住院治疗}]\n", ARREARS),   # five without, not six
])
def test_f14_a_lapse_is_six_months_in_a_row_without_a_reason(write_repo: WriteRepo, absences: str,
                                                             codes: Found) -> None:
    assert check(write_repo, unpaid_since("2026-04", absences)) == codes


def test_f14_justified_run_message(write_repo: WriteRepo) -> None:
    arrear = only(write_repo, unpaid_since("2026-05", "absences: [{from: 2026-05, reason: 外派援疆}]\n"))
    assert arrear.severity == Severity.WARNING
    assert arrear.message.zh == ("连续 6 个月未交党费（至 2026-10）；已记录正当理由：外派援疆"
                                 "（2026-05—2026-10，欠 540.00 元）")
    assert arrear.message.en == ("6 months in a row unpaid (to 2026-10); good reason recorded: 外派援疆 "
                                 "(2026-05—2026-10, 540.00 owed)")


@pytest.mark.parametrize("status", ["转出", "去世", "停止党籍"])
def test_f14_a_member_no_longer_active_owes_nothing(write_repo: WriteRepo, status: str) -> None:
    assert check(write_repo, {MEMBER: member(basis("2025-01"), status=status)}) == []


@pytest.mark.parametrize(("first", "probationary", "codes"), [
    ("2026-01", "2026-09-01", []),       # F9: dues from admission, 2026-09 and 2026-10
    ("2026-01", "2026-08-31", ARREARS),  # the month of admission counts: three months
    ("2026-09", "2026-01-10", []),       # the first basis is later than admission: it counts
    ("2026-08", "2026-01-10", ARREARS),
])
def test_f9_dues_begin_at_the_later_of_basis_and_admission(write_repo: WriteRepo, first: str,
                                                           probationary: str, codes: Found) -> None:
    text = member(basis(first), status="预备党员", extra=f"stages: {{probationary: {probationary}}}\n")
    assert check(write_repo, {MEMBER: text}) == codes


@pytest.mark.parametrize(("exemption", "codes"), [
    ("", LAPSE),                                          # six months owed
    (f", exemption: {EXEMPT}", ARREARS),                  # 2026-07 owes nothing: five are left
    (', exemption: {amount: "5.00", approval: 历山街道党工委〔2026〕12号}', LAPSE),  # reduced, still owed
])
def test_f8_a_month_exempted_to_nothing_is_not_unpaid(write_repo: WriteRepo, exemption: str,
                                                      codes: Found) -> None:
    text = member(basis("2026-05"), basis("2026-07", more=exemption), basis("2026-08"))
    assert check(write_repo, {MEMBER: text}) == codes


def test_f8_a_member_exempted_throughout_owes_nothing(write_repo: WriteRepo) -> None:
    assert check(write_repo, {MEMBER: member(basis("2025-01", more=f", exemption: {EXEMPT}"))}) == []


# --- F3, F5, F10, F11: the amount of an entry ---------------------------------------------------

@pytest.mark.parametrize(("kind", "base", "amount", "codes"), [
    ("in-service", "3000.00", "15.00", []),             # F3: 0.5% up to 3000 inclusive
    ("in-service", "3000.00", "14.99", [("FEE-UNDERPAID", FEE, 4, 48)]),
    ("in-service", "3000.01", "30.00", []),             # 1% of the whole base, not progressive
    ("in-service", "3000.01", "29.99", [("FEE-UNDERPAID", FEE, 4, 48)]),
    ("in-service", "3000.01", "15.00", [("FEE-UNDERPAID", FEE, 4, 48)]),
    ("in-service", "5000.00", "50.00", []),
    ("in-service", "5000.01", "75.00", []),             # 1.5%: 75.0015 rounds to 75.00
    ("in-service", "10000.00", "150.00", []),
    ("in-service", "10000.01", "199.99", [("FEE-UNDERPAID", FEE, 4, 48)]),  # 2%: 200.00
    ("retired", "5000.00", "25.00", []),                # F5: 0.5% up to 5000 inclusive
    ("retired", "5000.00", "24.99", [("FEE-UNDERPAID", FEE, 4, 48)]),
    ("retired", "5000.01", "50.00", []),                # 1% above
    ("retired", "5000.01", "25.00", [("FEE-UNDERPAID", FEE, 4, 48)]),
])
def test_f3_f5_band_edges(write_repo: WriteRepo, kind: str, base: str, amount: str, codes: Found) -> None:
    files = {MEMBER: member(basis("2026-10", base, kind)), FEE: fee(entry(amount=amount))}
    assert check(write_repo, files) == codes


@pytest.mark.parametrize(("amount", "codes"), [
    ("45.00", []),  # F10: 15.00 for 2026-09 on the old base, 30.00 for 2026-10 on the new one
    ("44.99", [("FEE-UNDERPAID", FEE, 4, 57)]),
])
def test_f10_months_on_different_bases_add_up(write_repo: WriteRepo, amount: str, codes: Found) -> None:
    files = {MEMBER: member(basis("2026-09", "3000.00"), basis("2026-10", "3000.01")),
             FEE: fee(entry("2026-09, 2026-10", amount))}
    assert check(write_repo, files) == codes


def test_f3_underpaid_message_and_hint(write_repo: WriteRepo) -> None:
    files = {MEMBER: member(basis("2026-09", "3000.00"), basis("2026-10", "3000.01")),
             FEE: fee(entry("2026-09, 2026-10", "44.99"))}
    underpaid = only(write_repo, files)
    assert underpaid.severity == Severity.WARNING
    assert underpaid.message.zh == "M0002 交 44.99 元，少于 2 个月应交的 45.00 元"
    assert underpaid.message.en == "M0002 paid 44.99, less than the 45.00 due for 2 month(s)"
    assert underpaid.hint.zh == "核对金额；`cmty fee due M0002 --month 2026-09` 可查看每月应交额的算法"
    assert underpaid.hint.en == "check the amount; `cmty fee due M0002 --month 2026-09` explains each month's due"


def test_f8_an_exempted_amount_is_the_due(write_repo: WriteRepo) -> None:
    exempt = ', exemption: {amount: "5.00", approval: 历山街道党工委〔2026〕12号}'
    files = {MEMBER: member(basis("2026-10", more=exempt)), FEE: fee(entry(amount="5.00"))}
    assert check(write_repo, files) == []


@pytest.mark.parametrize(("amount", "more", "codes"), [
    ("1089.99", "", []),                                     # 90.00 due + 999.99 extra
    ("1090.00", "", [("FEE-CENTRAL-REMIT", FEE, 4, 48)]),    # + 1000.00: it goes to the Centre
    ("1090.00", ", central_remit: true", []),
    ("5090.00", ", central_remit: true", []),
])
def test_f11_a_voluntary_extra_of_1000_is_remitted(write_repo: WriteRepo, amount: str, more: str,
                                                   codes: Found) -> None:
    files = {MEMBER: member(), FEE: fee(entry(amount=amount, more=more))}
    assert check(write_repo, files) == codes


def test_f11_central_remit_message(write_repo: WriteRepo) -> None:
    files = {MEMBER: member(), FEE: fee(entry(amount="1090.00"))}
    remit = only(write_repo, files)
    assert remit.message.zh == "M0002 自愿多交 1000.00 元（≥1000 元），应全额上交中央"
    assert remit.message.en == "M0002 paid 1000.00 extra (≥ 1000): it all goes to the Central Committee"
    assert remit.hint.en == "remit it and add central_remit: true to the entry (F11)"


# --- F12: monthly payment, back payment, no month twice -----------------------------------------

@pytest.mark.parametrize(("more", "codes"), [
    ("", [("FEE-QUARTERLY", FEE, 4, 29)]),  # 2026-11 and 2026-12 paid in 2026-10
    (", quarterly_consent: true", []),
])
def test_f12_paying_ahead_needs_consent(write_repo: WriteRepo, more: str, codes: Found) -> None:
    files = {MEMBER: member(basis("2026-10", more=more)),
             FEE: fee(entry("2026-10, 2026-11, 2026-12", "270.00"))}
    assert check(write_repo, files) == codes


def test_f12_quarterly_message(write_repo: WriteRepo) -> None:
    files = {MEMBER: member(), FEE: fee(entry("2026-10, 2026-11, 2026-12", "270.00"))}
    quarterly = only(write_repo, files)
    assert quarterly.message.zh == "M0002 于 2026-10-12 预交了 2026-11, 2026-12 的党费，但支部未同意其按季度交纳"


def test_f12_the_month_of_payment_is_not_ahead(write_repo: WriteRepo) -> None:
    files = {MEMBER: member(), FEE: fee(entry(paid_on="2026-10-31"))}
    assert check(write_repo, files) == []


@pytest.mark.parametrize(("first", "config", "codes"), [
    ("2026-04", CONFIG, []),                                        # six months back
    ("2026-03", CONFIG, [("FEE-BACK-PAYMENT", FEE, 4, 29)]),        # seven
    ("2026-03", CONFIG + "parameters:\n  fees:\n    back_payment_months: 8\n", []),
    ("2026-02", CONFIG + "parameters:\n  fees:\n    back_payment_months: 8\n", []),
    ("2026-01", CONFIG + "parameters:\n  fees:\n    back_payment_months: 8\n",
     [("FEE-BACK-PAYMENT", FEE, 4, 29)]),                          # nine
])
def test_f12_back_payment_of_at_most_six_months(write_repo: WriteRepo, first: str, config: str,
                                                codes: Found) -> None:
    months = months_from(first, months_between(first, "2026-10") + 1)
    files = {MEMBER: member(basis(first)),
             FEE: fee(entry(", ".join(months), f"{90 * len(months)}.00"))}
    assert check(write_repo, files, config) == codes


def test_f12_back_payment_message(write_repo: WriteRepo) -> None:
    months = months_from("2026-03", 8)
    files = {MEMBER: member(basis("2026-03")), FEE: fee(entry(", ".join(months), "720.00"))}
    late = only(write_repo, files)
    assert late.message.zh == "M0002 于 2026-10-12 补交了 2026-03 起的党费，超过 6 个月"
    assert late.message.en == "M0002 paid on 2026-10-12 for months from 2026-03, more than 6 months back"


def test_f12_a_month_paid_in_two_files(write_repo: WriteRepo) -> None:
    files = {MEMBER: member(basis("2026-09")),
             FEE_09: fee(entry("2026-09", paid_on="2026-09-10"), period="2026-09"),
             FEE: fee(entry("2026-09, 2026-10", "180.00"))}
    twice = only(write_repo, files)
    assert (twice.code, twice.file, twice.line, twice.column) == ("FEE-PAID-TWICE", FEE, 4, 29)  # the later file
    assert twice.message.zh == "M0002 的 2026-09 党费已在 2026-09 交过"
    assert twice.message.en == "M0002 already paid 2026-09 in 2026-09"


def test_f12_each_month_in_its_own_file_is_clean(write_repo: WriteRepo) -> None:
    files = {MEMBER: member(basis("2026-09")),
             FEE_09: fee(entry("2026-09", paid_on="2026-09-10"), period="2026-09"),
             FEE: fee(entry())}
    assert check(write_repo, files) == []


def test_f12_a_month_paid_twice_in_one_file(write_repo: WriteRepo) -> None:
    files = {MEMBER: member(), FEE: fee(entry(), entry(paid_on="2026-10-20"))}
    assert check(write_repo, files) == [("FEE-PAID-TWICE", FEE, 5, 29)]


# --- §4 组织关系: the transfer letter's "党费交至" ------------------------------------------------

def transferred(*entries: str) -> dict[str, str]:
    """M0002 transferred out on 2026-09-01, owing dues from 2026-07, with a fee file of `entries`."""
    files = {MEMBER: member(basis("2026-07"), status="转出", extra=f"transfers:\n  - {LETTER}\n")}
    if entries:
        files[FEE] = fee(*entries)
    return files


PAID_UP_TO = [("TRANSFER-PAID-UP-TO", MEMBER, 10, 75)]


@pytest.mark.parametrize("entries", [
    (),                                                  # nothing paid
    (entry("2026-07", paid_on="2026-10-12"),),           # 2026-08 missing
])
def test_transfer_letter_claims_an_unpaid_month(write_repo: WriteRepo, entries: tuple[str, ...]) -> None:
    assert check(write_repo, transferred(*entries)) == PAID_UP_TO


def test_transfer_letter_all_months_paid(write_repo: WriteRepo) -> None:
    files = transferred(entry("2026-07, 2026-08", "180.00"))
    assert check(write_repo, files) == []


def test_transfer_letter_message_names_the_unpaid_month(write_repo: WriteRepo) -> None:
    files = transferred(entry("2026-07", paid_on="2026-10-12"))
    letter = only(write_repo, files)
    assert letter.message.zh == "介绍信写党费交至 2026-08，但 2026-08 未见交纳记录"
    assert letter.message.en == "the letter says dues are paid up to 2026-08, but 2026-08 show no payment"


def test_transfer_letter_exempted_months_need_no_payment(write_repo: WriteRepo) -> None:
    text = member(basis("2026-07", more=f", exemption: {EXEMPT}"), status="转出",
                  extra=f"transfers:\n  - {LETTER}\n")
    assert check(write_repo, {MEMBER: text}) == []


# --- F13: the organisation never pays a member's dues (垫交) ------------------------------------

PAID_BY = 87  # the column of paid_by's value in `entry(more=", paid_by: …")`


@pytest.mark.parametrize(("payer", "codes"), [
    ("第一党支部", [("FEE-PAID-BY-ORG", FEE, 4, PAID_BY)]),
    ("和园社区居委会", [("FEE-PAID-BY-ORG", FEE, 4, PAID_BY)]),
    ("李华（女儿）", []),  # a relative may pay (F12)
])
def test_f13_paid_by_an_organisation(write_repo: WriteRepo, payer: str, codes: Found) -> None:
    files = {MEMBER: member(), FEE: fee(entry(more=f", paid_by: {payer}"))}
    assert check(write_repo, files) == codes


def test_f13_each_entry_paid_by_the_organisation_is_reported(write_repo: WriteRepo) -> None:
    files = {MEMBER: member(basis("2026-09")),
             FEE: fee(entry("2026-09", paid_on="2026-10-12", more=", paid_by: 李华（女儿）"),
                      entry(more=", paid_by: 第一党支部"))}
    assert check(write_repo, files) == [("FEE-PAID-BY-ORG", FEE, 5, PAID_BY)]


def test_f13_message(write_repo: WriteRepo) -> None:
    paid = only(write_repo, {MEMBER: member(), FEE: fee(entry(more=", paid_by: 第一党支部"))})
    assert paid.severity == Severity.ERROR
    assert paid.message.zh == "党费由“第一党支部”代交"
    assert paid.message.en == "the dues were paid by 第一党支部"
    assert paid.hint.zh == "党组织不得垫交或扣缴党费（F13）；由本人或亲属、其他党员代交"


def test_f13_another_member_named_with_her_branch_may_pay(write_repo: WriteRepo) -> None:
    files = {MEMBER: member(), FEE: fee(entry(more=", paid_by: 王敏（第一党支部党员）"))}
    assert check(write_repo, files) == []


def test_f14_a_paid_month_owed_nothing_does_not_end_the_unpaid_run(write_repo: WriteRepo) -> None:
    """F8 + F14: 2026-09 is exempted to nothing and "paid"; 05–08 and 10 are owed and unpaid, so
    the run is five months (a warning), not the one month since the last paid month."""
    files = {"party/members/M0002.yaml": member(basis("2026-05"), basis("2026-09", more=f", exemption: {EXEMPT}"),
                                                basis("2026-10")),
             FEE_09: fee(entry("2026-09", "0.00", "2026-09-10"), period="2026-09")}
    assert [code for code, *_ in check(write_repo, files)] == ["FEE-ARREARS"]


@pytest.mark.parametrize("payer", ["第一党支部书记王敏", "同单位党员李强"])
def test_f13_a_person_described_by_their_organisation_may_pay(write_repo: WriteRepo, payer: str) -> None:
    """F12 allows another member to pay; only a payer that is an organisation is 垫交."""
    files = {"party/members/M0002.yaml": member(), FEE: fee(entry(more=f", paid_by: {payer}"))}
    assert check(write_repo, files) == []
