"""The leak guard a public board passes before it is written (DOMAIN §10): every unmasked ID
number, mobile and bank card number is found wherever it stands, fed with random records
(seeded, so a failure can be replayed); masked forms and the numbers boards do show (amounts,
dates, voucher and invoice numbers) are not."""

from __future__ import annotations

import random

import pytest

from cmty.identifiers.id_number import id_check_char
from cmty.leaks import known_values, scan

WORDS = ["和园社区", "慰问困难党员", "金额", "元", "经办人", "王敏", "备注：", "，", "。", " ", "\n", "|", "V2026-0031",
         "2026-10-12", "30000.00", "第一网格", "3号楼2单元", "(", ")"]


def random_id(rng: random.Random) -> str:
    first17 = (f"{rng.choice(['110105', '370102', '350100', '440305'])}{rng.randint(1940, 2010)}"
               f"{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}{rng.randint(0, 999):03d}")
    return first17 + id_check_char(first17)


def random_mobile(rng: random.Random) -> str:
    return f"1{rng.choice('3456789')}{rng.randint(0, 999999999):09d}"


def random_card(rng: random.Random) -> str:
    body = "62" + "".join(str(rng.randint(0, 9)) for _ in range(rng.choice([13, 14, 15, 16])))
    total = 0
    for i, char in enumerate(reversed(body)):  # the check digit that makes Luhn pass
        value = int(char) * (1 if i % 2 else 2)
        total += value - 9 if value > 9 else value
    return body + str((10 - total % 10) % 10)


SEPARATORS = [" ", "：", "|", "（", "）", "\n", "，", "号", "-"]


def board_with(rng: random.Random, secret: str) -> tuple[str, int]:
    """Random board text with `secret` standing alone (a number run into other digits is a
    different number)."""
    before = "".join(rng.choice(WORDS) for _ in range(rng.randint(0, 12))) + rng.choice(SEPARATORS)
    after = rng.choice(SEPARATORS) + "".join(rng.choice(WORDS) for _ in range(rng.randint(0, 12)))
    return before + secret + after, len(before)


@pytest.mark.parametrize(("kind", "make"), [
    ("id-number", random_id), ("mobile", random_mobile), ("bank-card", random_card)])
def test_every_unmasked_number_is_found_wherever_it_stands(kind: str, make: object) -> None:
    rng = random.Random(f"leaks-{kind}")
    for _ in range(400):
        secret = make(rng)  # type: ignore[operator]
        text, at = board_with(rng, secret)
        leaks = scan(text)
        assert [(leak.kind, leak.start, leak.end) for leak in leaks] == [(kind, at, at + len(secret))], text


@pytest.mark.parametrize("text", [
    "35*************123", "138****1234", "****6628", "张*明", "V2026-0031", "2026-10-12",
    "30000.00", "发票号码 24372000000012345678", "0531-88889999", "91350100M000100Y43",
    "合计 1234567.89 元", "2026Q3-finance",
])
def test_masked_forms_and_ordinary_numbers_are_not_leaks(text: str) -> None:
    assert scan(text) == []


def test_a_mobile_with_spaces_or_dashes_is_found_and_its_place_given() -> None:
    (leak,) = scan("| 联系人 | 王敏 |\n| 电话 | 138 1234-5678 |")
    assert (leak.kind, leak.line, leak.column, leak.shown) == ("mobile", 2, 8, "*********5678")
    assert (leak.title.zh, leak.title.en) == ("手机号", "mobile number")


def test_the_repositorys_own_sensitive_values_are_found_verbatim() -> None:
    """A corporate account (20 digits, no Luhn digit) and a passport number are only known from
    the records' x-pii fields, as are people's names; numbers too short to be anyone's are
    ignored rather than matched everywhere; a masked name is not the name."""
    known = known_values([("bank-account", "37050185010000016628"), ("passport-number", "EA1234567"),
                          ("name", "王敏"), ("permit-number", "12"), ("income", "5200.00")])
    text = "F01 账户 37050185010000016628；护照 EA1234567；经办人王敏，复核 王*"
    assert [(leak.kind, leak.shown) for leak in scan(text, known)] == [
        ("bank-account", "****************6628"), ("passport-number", "*****4567"), ("name", "王敏")]
    assert scan(text, known, shown=["name"])[2:] == []  # a board showing names in full


@pytest.mark.parametrize(("typed", "kind", "shown"), [
    ("+8613912345678", "mobile", "*********5678"),
    ("8613912345678", "mobile", "*********5678"),
    ("１３９１２３４５６７８", "mobile", "*******５６７８"),
    ("139.1234.5678", "mobile", "*********5678"),
    ("139\u200b1234\u200b5678", "mobile", "*********5678"),
    ("139\u30001234\u30005678", "mobile", "*********5678"),
    ("3701 0219 7101 1519 10", "id-number", "******************9 10"),
    ("370102 19710115 1910", "id-number", "****************1910"),
    ("370102-19710115-1910", "id-number", "****************1910"),
    ("３７０１０２１９７１０１１５１９１０", "id-number", "**************１９１０"),
    ("6222 0202 0011 2233 446", "bank-card", "******************* 446"),  # passes Luhn
    ("008613912345678", "mobile", "***********5678"),
    ("1101 0520 0001 0101 8X", "id-number", "******************1 8X"),
    ("110105 20000101 018X", "id-number", "****************018X"),
])
def test_a_number_typed_as_people_type_it_is_found(typed: str, kind: str, shown: str) -> None:
    """Full-width digits, a +86 prefix, groups split by spaces, dashes, dots or zero-width
    characters: the number is found where it stands, its digits hidden in the message."""
    text = f"慰问困难户（电话 {typed}），"
    at = text.index(typed.lstrip("+"))
    (leak,) = scan(text)
    assert (leak.kind, leak.start, leak.end, leak.shown) == (kind, at, 9 + len(typed), shown)


@pytest.mark.parametrize("text", [
    "2026-07-09 1360.00",                     # a date and an amount side by side
    "2026-09-20 2026-09-24 2026-10-01",       # dates in a row
    "30000.00 2026-10-12",
    "3701 0219 7101 1519 11",                 # grouped like an ID, but its check character is wrong
    "6222 0202 0011 2233 447",                # grouped like a card, but Luhn fails
    "139.1234-5678 元",                       # mixed separators are not one number typed
    "发票号 26372000000222607631",
])
def test_numbers_side_by_side_are_not_taken_for_one(text: str) -> None:
    assert scan(text) == []


def test_a_number_touching_a_latin_letter_is_found() -> None:
    found = scan("证件ID370102197205180230，卡号No6222020200112233446")
    assert [(leak.kind, leak.start, leak.end) for leak in found] == [("id-number", 4, 22), ("bank-card", 27, 46)]


def test_a_record_s_own_account_is_found_written_in_groups() -> None:
    """A 20-digit corporate account has no check digit of its own: only the records know it."""
    known = known_values([("bank-account", "37050185010000016628")])
    (leak,) = scan("转入账户 3705 0185 0100 0001 6628。", known)
    assert (leak.kind, leak.start, leak.end) == ("bank-account", 5, 29)
