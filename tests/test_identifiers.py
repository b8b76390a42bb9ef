"""Identifier checks: each verdict is asserted by its exact issue codes, never by its prose."""

from __future__ import annotations

import random
import string
from collections.abc import Callable
from datetime import date, timedelta

import pytest

from cmty.identifiers import (
    IdKind,
    Verdict,
    birth_date_of_id,
    check_credit_code,
    check_division_code,
    check_id_number,
    check_mobile,
    describe_division,
    guess_and_check,
    id_check_char,
    is_credit_code,
    is_division_code,
    is_id_number,
    is_mobile,
    sex_of_id,
    upgrade_15_to_18,
    uscc_check_char,
)

# A fixed "today" keeps the future-date cases stable.
TODAY = date(2024, 6, 1)

PROVINCES = (
    [str(n) for n in range(11, 16)]
    + [str(n) for n in range(21, 24)]
    + [str(n) for n in range(31, 38)]
    + [str(n) for n in range(41, 47)]
    + [str(n) for n in range(50, 55)]
    + [str(n) for n in range(61, 66)]
    + ["71", "81", "82", "83"]
)


def make_id(address: str, born: str, sequence: str) -> str:
    body = address + born + sequence
    return body + id_check_char(body)


def with_check(first17: str, check: str | None = None) -> str:
    """first17 plus its right check char, or plus `check` when given."""
    return first17 + (check if check is not None else id_check_char(first17))


def make_uscc(first17: str) -> str:
    return first17 + uscc_check_char(first17)


def id_check(value: str) -> Verdict:
    return check_id_number(value, today=TODAY)


# --- ID numbers: valid ---------------------------------------------------------------------------

GENERATED_VALID_IDS = [
    make_id(address, born, sequence)
    for address, born, sequence in [
        ("110101", "19800101", "001"),
        ("120104", "19751015", "123"),
        ("130102", "19991231", "998"),
        ("140105", "20000229", "456"),  # leap day in a year divisible by 400
        ("150102", "19960229", "017"),
        ("210102", "19620704", "280"),
        ("220104", "19880808", "808"),
        ("230103", "19450815", "002"),
        ("310101", "20100101", "000"),
        ("320102", "19701120", "501"),
        ("330106", "19850505", "773"),
        ("340102", "19930317", "112"),
        ("350102", "20051111", "999"),
        ("360102", "19580601", "064"),
        ("370102", "19671001", "319"),
        ("410102", "19810228", "440"),
        ("420102", "19790930", "735"),
        ("430102", "19900101", "082"),
        ("440305", "20200520", "066"),
        ("450102", "19880101", "271"),
        ("460105", "19950715", "190"),
        ("500101", "19870404", "606"),
        ("510104", "19721225", "857"),
        ("520102", "19910630", "024"),
        ("530102", "19660909", "333"),
        ("540102", "19830315", "901"),
        ("610102", "19771231", "418"),
        ("620102", "20010911", "555"),
        ("630102", "19690707", "626"),
        ("640104", "19970228", "747"),
        ("650102", "19980101", "868"),
        ("710000", "19850101", "001"),
        ("810000", "19900101", "002"),
        ("820000", "19920202", "003"),
        ("830000", "19940404", "004"),
        ("110105", "18800101", "011"),  # earliest accepted date of birth
        ("110105", "20240601", "020"),  # born "today"
    ]
]
OFFICIAL_VALID_IDS = ["11010519491231002X", "440524188001010014"]


@pytest.mark.parametrize("value", OFFICIAL_VALID_IDS + GENERATED_VALID_IDS)
def test_valid_id_numbers(value: str) -> None:
    verdict = id_check(value)
    assert verdict.valid
    assert verdict.codes == ()
    assert verdict.kind is IdKind.ID_NUMBER
    assert verdict.value == value
    assert is_id_number(value)


def test_enough_valid_ids_and_some_end_in_x() -> None:
    values = OFFICIAL_VALID_IDS + GENERATED_VALID_IDS
    assert len(set(values)) >= 25
    assert any(v.endswith("X") for v in values)


def test_official_vector_details() -> None:
    verdict = id_check("11010519491231002X")
    assert verdict.details["birth_date"] == "1949-12-31"
    assert verdict.details["sex"] == "女"
    assert verdict.details["province"] == "11"
    assert verdict.details["address_code"] == "110105"
    assert id_check("440524188001010014").details["sex"] == "男"


# --- ID numbers: invalid -------------------------------------------------------------------------

INVALID_IDS: list[tuple[str, str, tuple[str, ...]]] = [
    # wrong check character
    ("check 1 instead of X", "110105194912310021", ("ID-CHECKSUM",)),
    ("check 5 instead of 4", "440524188001010015", ("ID-CHECKSUM",)),
    ("X instead of 4", "44052418800101001X", ("ID-CHECKSUM",)),
    ("one body digit typo", "11010519491231003X", ("ID-CHECKSUM",)),
    ("two digits swapped", "11010519491213002X", ("ID-CHECKSUM",)),
    # impossible, future or too early dates (check chars correct, so only the date fails)
    ("30 February", with_check("11010519990230001"), ("ID-DATE",)),
    ("month 13", with_check("11010519991301001"), ("ID-DATE",)),
    ("day 00", with_check("11010519990100001"), ("ID-DATE",)),
    ("29 Feb in 1900", with_check("11010519000229001"), ("ID-DATE",)),
    ("31 April", with_check("11010520010431001"), ("ID-DATE",)),
    ("year 0000", with_check("11010500000101001"), ("ID-DATE",)),
    ("tomorrow", with_check("11010520240602001"), ("ID-DATE",)),
    ("far future", with_check("11010520990101001"), ("ID-DATE",)),
    ("before 1880", with_check("11010518791231001"), ("ID-DATE",)),
    # province prefix
    ("province 99", with_check("99010519491231002"), ("ID-PROVINCE",)),
    ("province 00", with_check("00010519491231002"), ("ID-PROVINCE",)),
    ("province 16", with_check("16010519491231002"), ("ID-PROVINCE",)),
    ("province 24", with_check("24010519491231002"), ("ID-PROVINCE",)),
    ("province 47", with_check("47010519491231002"), ("ID-PROVINCE",)),
    ("province 66", with_check("66010519491231002"), ("ID-PROVINCE",)),
    ("province 72", with_check("72010519491231002"), ("ID-PROVINCE",)),
    ("province 84", with_check("84010519491231002"), ("ID-PROVINCE",)),
    # several problems at once, reported in a fixed order
    ("province, date and check", "55010519991301002X", ("ID-PROVINCE", "ID-DATE", "ID-CHECKSUM")),
    # length
    ("empty", "", ("ID-LENGTH",)),
    ("17 characters", "11010519491231002", ("ID-LENGTH",)),
    ("19 characters", "11010519491231002X1", ("ID-LENGTH",)),
    ("16 digits", "1101051949123100", ("ID-LENGTH",)),
    ("inner space", "110105 19491231002X", ("ID-LENGTH",)),
    # characters
    ("letter in body", "11010519491231A02X", ("ID-CHARS",)),
    ("letter O for 0", "11O10519491231002X", ("ID-CHARS",)),
    ("Y as check", "11010519491231002Y", ("ID-CHARS",)),
    ("x in body", "1101051949123100x2", ("ID-CHARS",)),
    ("full-width digit", "１1010519491231002X", ("ID-CHARS",)),
    ("superscript digit", "²1010519491231002X", ("ID-CHARS",)),
    ("leading space", " 11010519491231002X", ("ID-CHARS",)),
    ("trailing newline", "11010519491231002X\n", ("ID-CHARS",)),
    # legacy 15-digit numbers
    ("legacy 15", "110105491231002", ("ID-LEGACY-15",)),
    ("legacy 15, bad date", "110105990230002", ("ID-LEGACY-15", "ID-DATE")),
    ("legacy 15, bad province", "990105491231002", ("ID-LEGACY-15", "ID-PROVINCE")),
]


@pytest.mark.parametrize(
    ("value", "codes"), [(v, c) for _, v, c in INVALID_IDS], ids=[n for n, _, _ in INVALID_IDS]
)
def test_invalid_id_numbers(value: str, codes: tuple[str, ...]) -> None:
    verdict = id_check(value)
    assert verdict.codes == codes
    assert not verdict.valid
    assert all(issue.severity == "error" for issue in verdict.issues)
    # The predicate always uses the real date, so compare it with a check that does too.
    assert is_id_number(value) == check_id_number(value).valid


def test_enough_invalid_ids() -> None:
    assert len(INVALID_IDS) >= 25


def test_lower_case_x_is_a_warning_and_stored_upper_case() -> None:
    verdict = id_check("11010519491231002x")
    assert verdict.valid
    assert verdict.codes == ("ID-LOWERCASE-X",)
    assert verdict.issues[0].severity == "warning"
    assert verdict.value == "11010519491231002X"
    assert is_id_number("11010519491231002x")


def test_lower_case_x_that_is_also_wrong() -> None:
    assert id_check("44052418800101001x").codes == ("ID-LOWERCASE-X", "ID-CHECKSUM")


def test_checksum_issue_names_found_and_expected_chars() -> None:
    (issue,) = id_check("110105194912310021").issues
    assert "X" in issue.zh and "1" in issue.zh
    assert "X" in issue.hint_zh and "X" in issue.hint_en


def test_future_date_depends_on_today() -> None:
    value = with_check("11010520240602001")
    assert id_check(value).codes == ("ID-DATE",)
    assert check_id_number(value, today=date(2024, 6, 2)).codes == ()


def test_legacy_15_offers_the_upgrade() -> None:
    verdict = id_check("110105491231002")
    assert verdict.details["upgraded"] == "11010519491231002X"
    assert "11010519491231002X" in verdict.issues[0].hint_zh
    assert "11010519491231002X" in verdict.issues[0].hint_en
    assert upgrade_15_to_18("110105491231002") == "11010519491231002X"
    assert upgrade_15_to_18("440524800101001") == with_check("44052419800101001")
    with pytest.raises(ValueError):
        upgrade_15_to_18("11010549123100")
    with pytest.raises(ValueError):
        upgrade_15_to_18("11010519491231002X")


# --- 2023 foreign permanent resident ID numbers ------------------------------------------------

FOREIGN_VALID = [
    make_id("932682", "19850101", "001"),  # 9 + Jiangsu 32 + nationality 682
    make_id("911840", "19700315", "022"),
    make_id("944410", "20010808", "133"),
    "932682198501010017",  # a published specimen, checked independently
]


@pytest.mark.parametrize("value", FOREIGN_VALID)
def test_foreign_permanent_resident_ids_are_valid(value: str) -> None:
    verdict = id_check(value)
    assert verdict.codes == ()
    assert verdict.kind is IdKind.FOREIGN_PERMANENT_RESIDENT
    assert verdict.details["province"] == value[1:3]
    assert verdict.details["nationality_code"] == value[3:6]
    assert (
        verdict.details["birth_date"]
        == date(int(value[6:10]), int(value[10:12]), int(value[12:14])).isoformat()
    )
    assert is_id_number(value)


@pytest.mark.parametrize(
    ("value", "codes"),
    [
        ("932682198501010018", ("ID-CHECKSUM",)),
        (with_check("99968219850101001"), ("ID-PROVINCE",)),
        (with_check("90068219850101001"), ("ID-PROVINCE",)),
        (with_check("93268219850231001"), ("ID-DATE",)),
        (with_check("93268220991231001"), ("ID-DATE",)),
        ("9326821985010100", ("ID-LENGTH",)),
    ],
)
def test_invalid_foreign_permanent_resident_ids(value: str, codes: tuple[str, ...]) -> None:
    assert id_check(value).codes == codes


# --- ID helpers ----------------------------------------------------------------------------------


def test_sex_and_birth_date() -> None:
    assert sex_of_id("11010519491231002X") == "女"
    assert sex_of_id("440524188001010014") == "男"
    assert sex_of_id("110105491231002") == "女"
    assert sex_of_id("110105491231001") == "男"
    assert sex_of_id(make_id("320102", "19701120", "501")) == "男"
    assert birth_date_of_id("11010519491231002X") == date(1949, 12, 31)
    assert birth_date_of_id("110105491231002") == date(1949, 12, 31)
    assert birth_date_of_id(with_check("11010519990230001")) is None
    assert birth_date_of_id("123") is None
    with pytest.raises(ValueError):
        sex_of_id("12345")


def test_id_check_char_rejects_bad_input() -> None:
    assert id_check_char("11010519491231002") == "X"
    for bad in (
        "1101051949123100",
        "110105194912310021",
        "1101051949123100A",
        "１1010519491231002",
    ):
        with pytest.raises(ValueError):
            id_check_char(bad)


def test_property_check_char_round_trip() -> None:
    """2,000 random prefixes: the computed check char passes, each other one fails."""
    rng = random.Random(20240601)
    first, span = date(1880, 1, 1), (TODAY - date(1880, 1, 1)).days
    for _ in range(2000):
        born = first + timedelta(days=rng.randint(0, span))
        body = (
            rng.choice(PROVINCES)
            + f"{rng.randint(0, 9999):04d}"
            + born.strftime("%Y%m%d")
            + f"{rng.randint(0, 999):03d}"
        )
        right = id_check_char(body)
        assert id_check(body + right).codes == ()
        for wrong in "0123456789X":
            if wrong != right:
                assert id_check(body + wrong).codes == ("ID-CHECKSUM",), body + wrong


# --- credit codes --------------------------------------------------------------------------------

KNOWN_PAIRS = {
    "1": "1239", "2": "19", "3": "123459", "4": "19", "5": "1239", "6": "129",
    "7": "129", "8": "19", "9": "123", "A": "19", "N": "1239", "Y": "1",
}  # fmt: skip


def test_official_credit_code() -> None:
    verdict = check_credit_code("91350100M000100Y43")
    assert verdict.codes == ()
    assert verdict.valid
    assert verdict.kind is IdKind.CREDIT_CODE
    assert verdict.details == {
        "department": "9",
        "category": "1",
        "region": "350100",
        "org_code": "M000100Y4",
    }
    assert uscc_check_char("91350100M000100Y4") == "3"
    assert is_credit_code("91350100M000100Y43")


@pytest.mark.parametrize(
    "value",
    [make_uscc(d + c + "110105" + "MA01B2C3D") for d, cs in KNOWN_PAIRS.items() for c in cs]
    + [make_uscc("92440300" + "L12345678"), make_uscc("91110000" + "000000000")],
)
def test_generated_credit_codes_are_valid(value: str) -> None:
    assert check_credit_code(value).codes == ()
    assert is_credit_code(value)


@pytest.mark.parametrize(
    ("value", "codes"),
    [
        ("91350100M000100Y44", ("USCC-CHECKSUM",)),
        ("91350100M000100Y4A", ("USCC-CHECKSUM",)),
        ("91350100M000101Y43", ("USCC-CHECKSUM",)),
        ("91350100M000I00Y43", ("USCC-CHARS",)),
        ("91350100M0001O0Y43", ("USCC-CHARS",)),
        ("91350100MZ00100Y43", ("USCC-CHARS",)),
        ("91350100MS00100Y43", ("USCC-CHARS",)),
        ("91350100MV00100Y43", ("USCC-CHARS",)),
        ("91350100m000100y43", ("USCC-CHARS",)),  # lower case is not in the alphabet
        ("91350100M000100Y4-", ("USCC-CHARS",)),
        (" 91350100M000100Y43", ("USCC-CHARS",)),
        ("91350100M000100Y4", ("USCC-LENGTH",)),
        ("91350100M000100Y433", ("USCC-LENGTH",)),
        ("", ("USCC-LENGTH",)),
        ("91350100M000100O4", ("USCC-LENGTH", "USCC-CHARS")),
        (make_uscc("91A50100M000100Y4"), ("USCC-CHARS",)),  # region must be digits
    ],
)
def test_invalid_credit_codes(value: str, codes: tuple[str, ...]) -> None:
    verdict = check_credit_code(value)
    assert verdict.codes == codes
    assert not verdict.valid
    assert not is_credit_code(value)


@pytest.mark.parametrize("first2", ["B1", "94", "14", "Y2", "A3", "N4", "01"])
def test_unknown_department_or_category_is_a_warning(first2: str) -> None:
    value = make_uscc(first2 + "350100M000100Y4")
    verdict = check_credit_code(value)
    assert verdict.codes == ("USCC-CATEGORY",)
    assert verdict.valid
    assert verdict.issues[0].severity == "warning"
    assert is_credit_code(value)


def test_uscc_check_char_rejects_bad_input() -> None:
    for bad in ("91350100M000100Y", "91350100M000I00Y4", "91350100m000100y4"):
        with pytest.raises(ValueError):
            uscc_check_char(bad)


# --- mobiles -------------------------------------------------------------------------------------


@pytest.mark.parametrize("second", "3456789")
def test_valid_mobiles(second: str) -> None:
    for third in "0259":
        value = f"1{second}{third}12345678"
        verdict = check_mobile(value)
        assert verdict.codes == ()
        assert verdict.kind is IdKind.MOBILE
        assert verdict.value == value
        assert is_mobile(value)


@pytest.mark.parametrize(
    "value",
    [
        "+8613812345678",
        "+86 13812345678",
        "+86-138-1234-5678",
        "008613812345678",
        "0086 138 1234 5678",
        "138-1234-5678",
        "138 1234 5678",
        "138\u30001234\u30005678",
        " 13812345678 ",
    ],
)
def test_mobiles_that_need_normalising(value: str) -> None:
    verdict = check_mobile(value)
    assert verdict.codes == ("MOBILE-NORMALISE",)
    assert verdict.valid
    assert verdict.issues[0].severity == "warning"
    assert verdict.value == "13812345678"
    assert "13812345678" in verdict.issues[0].hint_zh
    assert is_mobile(value)


@pytest.mark.parametrize(
    "value",
    [
        "12812345678",  # 12x is not allocated
        "12012345678",
        "11012345678",
        "10012345678",
        "01012345678",  # landline
        "23812345678",
        "1381234567",  # 10 digits
        "138123456789",  # 12 digits
        "8613812345678",  # 86 without + or 00
        "+86 1381234567",
        "+852 91234567",
        "+1 555 123 4567",
        "1381234567a",
        "１3812345678",
        "138.1234.5678",
        "",
    ],
)
def test_invalid_mobiles(value: str) -> None:
    verdict = check_mobile(value)
    assert verdict.codes == ("MOBILE-FORMAT",)
    assert not verdict.valid
    assert not is_mobile(value)


# --- division codes ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("110000", {"level": "province"}),
        ("110100", {"level": "prefecture"}),
        ("110105", {"level": "county", "province": "11", "prefecture": "01", "county": "05"}),
        ("429004", {"level": "county"}),  # 省直辖县级行政区划 uses prefecture 90
        ("110105000000", {"level": "county"}),
        ("110105001000", {"level": "township", "township_type": "街道"}),
        ("110105001001", {"township_type": "街道", "committee_type": "居委会"}),
        ("320583100201", {"township_type": "镇", "committee_type": "村委会", "level": "committee"}),
        ("320583199399", {"township_type": "镇", "committee_type": "村委会"}),
        ("530125200210", {"township_type": "乡", "committee_type": "村委会"}),
        ("530125399199", {"township_type": "乡", "committee_type": "居委会"}),
        ("230183400001", {"township_type": "政企合一", "committee_type": "居委会"}),
        ("441900003000", {"level": "township", "county": "00"}),  # 东莞: towns under the city
    ],
)
def test_valid_division_codes(value: str, expected: dict[str, str]) -> None:
    verdict = check_division_code(value)
    assert verdict.codes == ()
    assert verdict.kind is IdKind.DIVISION
    assert expected.items() <= verdict.details.items()
    assert is_division_code(value)


def test_describe_division_labels() -> None:
    street = describe_division("110105001001")
    assert (street["township_type"], street["committee_type"]) == ("街道", "居委会")
    assert street["level"] == "committee"
    assert street["level_zh"] == "村级"
    village = describe_division("320583101205")
    assert (village["township_type"], village["committee_type"]) == ("镇", "村委会")
    assert describe_division("530125201210")["township_type"] == "乡"
    assert describe_division("110105")["level"] == "county"
    assert "township_type" not in describe_division("110105601401")  # undefined range
    assert "committee_type" not in describe_division("110105001401")
    with pytest.raises(ValueError):
        describe_division("1101")


@pytest.mark.parametrize(
    "value",
    [
        "990105",  # no such province
        "000000",
        "110005",  # province level with a county part
        "110000001000",
        "110105000001",  # committee without a township
        "11010",
        "1101051",
        "1101050010011",
        "11010A",
        "１10105",
        " 110105",
        "",
    ],
)
def test_invalid_division_codes(value: str) -> None:
    verdict = check_division_code(value)
    assert set(verdict.codes) == {"DIVISION-FORMAT"}
    assert not verdict.valid
    assert not is_division_code(value)


# --- guess_and_check -----------------------------------------------------------------------------

# Chosen so the check char is a digit too: the whole code is 18 digits, the shape of an ID.
ALL_DIGIT_USCC = make_uscc("91110000000000006")


@pytest.mark.parametrize(
    ("value", "kind", "codes"),
    [
        ("13812345678", IdKind.MOBILE, ()),
        ("+86 138 1234 5678", IdKind.MOBILE, ("MOBILE-NORMALISE",)),
        ("0086-138-1234-5678", IdKind.MOBILE, ("MOBILE-NORMALISE",)),
        ("12812345678", IdKind.MOBILE, ("MOBILE-FORMAT",)),
        ("+852 91234567", IdKind.MOBILE, ("MOBILE-FORMAT",)),
        ("11010519491231002X", IdKind.ID_NUMBER, ()),
        ("11010519491231002x", IdKind.ID_NUMBER, ("ID-LOWERCASE-X",)),
        ("110105194912310021", IdKind.ID_NUMBER, ("ID-CHECKSUM",)),
        ("110105491231002", IdKind.ID_NUMBER, ("ID-LEGACY-15",)),
        ("932682198501010017", IdKind.FOREIGN_PERMANENT_RESIDENT, ()),
        ("91350100M000100Y43", IdKind.CREDIT_CODE, ()),
        ("91350100M000100Y44", IdKind.CREDIT_CODE, ("USCC-CHECKSUM",)),
        ("91350100M0001O0Y43", IdKind.CREDIT_CODE, ("USCC-CHARS",)),
        (ALL_DIGIT_USCC, IdKind.CREDIT_CODE, ()),
        ("110105", IdKind.DIVISION, ()),
        ("110105001001", IdKind.DIVISION, ()),
        ("990105", IdKind.DIVISION, ("DIVISION-FORMAT",)),
        ("hello", None, ("UNKNOWN-KIND",)),
        ("", None, ("UNKNOWN-KIND",)),
        ("1101051949123100", None, ("UNKNOWN-KIND",)),
        ("110105-19491231-002X", None, ("UNKNOWN-KIND",)),
    ],
)
def test_guess_and_check(value: str, kind: IdKind | None, codes: tuple[str, ...]) -> None:
    verdict = guess_and_check(value, today=TODAY)
    assert verdict.kind == kind
    assert verdict.codes == codes


def test_all_digit_credit_code_is_not_mistaken_for_an_id() -> None:
    assert ALL_DIGIT_USCC.isdigit()
    assert check_id_number(ALL_DIGIT_USCC, today=TODAY).codes[0] in ("ID-PROVINCE", "ID-DATE")
    assert guess_and_check(ALL_DIGIT_USCC, today=TODAY).kind is IdKind.CREDIT_CODE


def test_id_typo_stays_an_id_even_if_it_passes_as_a_credit_code() -> None:
    # Find a real-looking ID number whose only fault is the check char, yet passes as a USCC.
    rng = random.Random(7)
    for _ in range(20000):
        body = "11010519" + f"{rng.randint(50, 99)}0101" + f"{rng.randint(0, 999):03d}"
        value = body + uscc_check_char(body)
        if check_credit_code(value).codes == () and id_check(value).codes == ("ID-CHECKSUM",):
            assert guess_and_check(value, today=TODAY).kind is IdKind.ID_NUMBER
            return
    pytest.fail("no sample found")


def test_unknown_kind_lists_the_accepted_kinds() -> None:
    verdict = guess_and_check("hello")
    assert not verdict.valid
    assert verdict.kind is None
    (issue,) = verdict.issues
    for word in ("身份", "信用代码", "手机", "区划"):
        assert word in issue.hint_zh
    for word in ("ID number", "credit code", "mobile", "division code"):
        assert word in issue.hint_en


# --- predicates agree with the checks ------------------------------------------------------------


@pytest.mark.parametrize("predicate", [is_id_number, is_credit_code, is_mobile, is_division_code])
def test_predicates_pass_non_strings(predicate: Callable[[object], bool]) -> None:
    others: tuple[object, ...] = (None, 1, 1.5, [], {}, b"11010519491231002X")
    for value in others:
        assert predicate(value) is True


def test_predicates_match_checks_on_random_input() -> None:
    rng = random.Random(11643)
    alphabet = string.digits * 4 + "XxABMNYIO +-"
    seeds = (
        OFFICIAL_VALID_IDS
        + GENERATED_VALID_IDS
        + FOREIGN_VALID
        + ["91350100M000100Y43", "13812345678", "+86 138-1234-5678", "110105001001"]
    )
    samples: list[str] = []
    for _ in range(3000):
        size = rng.choice((6, 11, 12, 15, 17, 18, 18, 18, 19))
        samples.append("".join(rng.choice(alphabet) for _ in range(size)))
    for seed in seeds:
        for _ in range(5):
            chars = list(seed)
            chars[rng.randrange(len(chars))] = rng.choice(alphabet)
            samples.append("".join(chars))
        samples.append(seed)
    pairs = [
        (is_id_number, check_id_number),
        (is_credit_code, check_credit_code),
        (is_mobile, check_mobile),
        (is_division_code, check_division_code),
    ]
    for value in samples:
        for predicate, check in pairs:
            assert predicate(value) == check(value).valid, (predicate.__name__, value)


# --- codes match the project's catalogue --------------------------------------------------------


def test_issue_codes_and_severities_match_the_catalogue() -> None:
    catalogue = pytest.importorskip("cmty.catalogue")
    verdicts = [id_check(v) for _, v, _ in INVALID_IDS]
    verdicts += [
        id_check("11010519491231002x"),
        check_credit_code("B1350100M000100Y4" + uscc_check_char("B1350100M000100Y4")),
        check_credit_code("91350100M0001O0Y4"),
        check_credit_code("91350100M000100Y44"),
        check_mobile("+86 13812345678"),
        check_mobile("12812345678"),
        check_division_code("990105"),
    ]
    seen = {(issue.code, issue.severity) for v in verdicts for issue in v.issues}
    assert len({code for code, _ in seen}) == 14
    for code, severity in seen:
        assert catalogue.severity_of(code).label == severity, code
