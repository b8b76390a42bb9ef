"""Reading a file: bytes, encoding, syntax and YAML 1.2 typing, as located findings.

Every test asserts (code, file, line, column) tuples; where it makes sense the same test also
writes the corrected file and expects no finding at all.
"""

from __future__ import annotations

import time

import pytest

from cmty.findings import Severity
from tests.conftest import WriteRepo, findings, found

MEMBER = "party/members/M0002.yaml"
FEE = "party/fees/2026-11.yaml"
# A valid member record; tests append or replace lines.
GOOD = "id: M0002\nname: 李秀英\nsex: 女\norg: O02\nstatus: 正式党员\ncategory: 直接管理\n"


# --- syntax ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("bad", "line", "column"),
    [
        # unclosed flow mapping: the parser notices at the next key
        ("id: M0002\nname: 李秀英\nstages: {applied: 2020-01-01\nsex: 女\n", 4, 4),
        # a second ': ' in a plain value; columns count characters, not UTF-8 bytes
        ("id: M0002\nnote: 说明说明: x\n", 2, 11),
        ("id: M0002\nnote: abcd: x\n", 2, 11),
        # over-indented key
        ("id: M0002\nname: 李秀英\n  sex: 女\n", 3, 6),
        # dedent to a level that is not a mapping's
        ("id: M0002\nstages:\n    applied: 2020-01-01\n  full: 2021-01-01\n", 4, 3),
        # unclosed bracket at end of file
        ("id: M0002\nname: [李秀英\n", 2, 7),
        # stray closing bracket
        ("id: M0002\n]\n", 2, 1),
        # unclosed double quote
        ('id: M0002\nname: "李秀英\nsex: 女\n', 3, 1),
        # alias to an undefined anchor
        ("id: *x\n", 1, 5),
    ],
)
def test_syntax_error_at_the_parsers_line_and_column(write_repo: WriteRepo, bad: str, line: int,
                                                      column: int) -> None:
    assert found(write_repo({MEMBER: bad})) == [("YAML-SYNTAX", MEMBER, line, column)]


def test_syntax_error_fixed_is_clean(write_repo: WriteRepo) -> None:
    assert found(write_repo({MEMBER: "id: M0002\nname: [李秀英\n"})) != []
    assert found(write_repo({MEMBER: GOOD})) == []


# --- duplicate keys -------------------------------------------------------------------------


def test_duplicate_key_at_top_level_is_located_at_the_second_key(write_repo: WriteRepo) -> None:
    bad = "id: M0002\nname: 李秀英\nsex: 女\norg: O02\nname: 李秀\nstatus: 正式党员\ncategory: 直接管理\n"
    assert found(write_repo({MEMBER: bad})) == [("YAML-DUPLICATE-KEY", MEMBER, 5, 1)]
    assert found(write_repo({MEMBER: GOOD})) == []


def test_duplicate_key_nested(write_repo: WriteRepo) -> None:
    bad = GOOD + "stages:\n  applied: 2020-01-01\n  activist: 2020-06-01\n  applied: 2020-01-02\n"
    [f] = findings(write_repo({MEMBER: bad}))
    assert (f.code, f.file, f.line, f.column) == ("YAML-DUPLICATE-KEY", MEMBER, 10, 3)
    assert f.path == ("stages", "applied")
    good = GOOD + "stages:\n  applied: 2020-01-01\n  activist: 2020-06-01\n"
    assert found(write_repo({MEMBER: good})) == []


def test_duplicate_key_in_a_flow_mapping(write_repo: WriteRepo) -> None:
    bad = ("period: 2026-11\ncollector: M0001\nentries:\n"
           '  - {member: M0001, months: [2026-11], amount: "5.00", paid_on: 2026-11-05, '
           "member: M0001}\n")
    assert found(write_repo({FEE: bad})) == [("YAML-DUPLICATE-KEY", FEE, 4, 77)]


def test_every_repeated_key_is_reported(write_repo: WriteRepo) -> None:
    bad = (GOOD + "stages:\n  applied: 2020-01-01\n  applied: 2020-01-02\n  applied: 2020-01-03\n"
           "note: a\nnote: b\n")
    assert found(write_repo({MEMBER: bad})) == [
        ("YAML-DUPLICATE-KEY", MEMBER, 9, 3),
        ("YAML-DUPLICATE-KEY", MEMBER, 10, 3),
        ("YAML-DUPLICATE-KEY", MEMBER, 12, 1),
    ]


def test_quoted_and_plain_spellings_of_a_key_are_the_same_key(write_repo: WriteRepo) -> None:
    bad = GOOD + 'stages: {applied: 2020-01-01, "applied": 2020-01-02}\n'
    assert found(write_repo({MEMBER: bad})) == [("YAML-DUPLICATE-KEY", MEMBER, 7, 31)]


# --- bytes and encoding ---------------------------------------------------------------------


def test_non_utf8_byte_is_located_at_the_first_bad_byte(write_repo: WriteRepo) -> None:
    bad = "id: M0002\nname: 李秀英\nnote: ab".encode() + b"\xff" + b"cd\n\xfe\n"
    [f] = findings(write_repo({MEMBER: bad}))
    assert (f.code, f.file, f.line, f.column) == ("YAML-ENCODING", MEMBER, 3, 9)
    assert "GBK" not in f.message.en


def test_gbk_encoded_chinese_is_reported_as_gbk(write_repo: WriteRepo) -> None:
    bad = GOOD.encode("gbk")
    [f] = findings(write_repo({MEMBER: bad}))
    assert (f.code, f.file, f.line, f.column) == ("YAML-ENCODING", MEMBER, 2, 7)
    assert "GBK" in f.message.zh
    assert "GBK" in f.message.en
    assert found(write_repo({MEMBER: GOOD.encode("utf-8")})) == []


def test_bom_is_a_warning_and_the_rest_of_the_file_is_still_checked(write_repo: WriteRepo
                                                                    ) -> None:
    bad = b"\xef\xbb\xbf" + GOOD.replace("sex: 女", "sex: female").encode()
    report = findings(write_repo({MEMBER: bad}))
    assert [(f.code, f.file, f.line, f.column) for f in report] == [
        ("YAML-BOM", MEMBER, 1, 1),
        ("SCHEMA-ENUM", MEMBER, 3, 6),
    ]
    assert report[0].severity is Severity.WARNING
    assert found(write_repo({MEMBER: b"\xef\xbb\xbf" + GOOD.encode()})) == [
        ("YAML-BOM", MEMBER, 1, 1)]


def test_bom_does_not_shift_repository_wide_findings(write_repo: WriteRepo) -> None:
    bad = b"\xef\xbb\xbf" + GOOD.replace("org: O02", "org: O09").encode()
    assert found(write_repo({MEMBER: bad})) == [
        ("YAML-BOM", MEMBER, 1, 1),
        ("REF-MISSING", MEMBER, 4, 6),
    ]


def test_binary_file(write_repo: WriteRepo) -> None:
    bad = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"
    assert found(write_repo({MEMBER: bad})) == [("YAML-BINARY", MEMBER, 1, 1)]


def test_unreadable_file_is_reported_not_raised(write_repo: WriteRepo) -> None:
    repo = write_repo({})
    (repo.root / MEMBER).symlink_to(repo.root / "nowhere.yaml")   # a dangling symlink
    assert found(repo) == [("FILE-READ", MEMBER, 1, 1)]


# --- line ends and wide characters ----------------------------------------------------------


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_crlf_and_cr_line_ends_locate_like_lf(write_repo: WriteRepo, newline: str) -> None:
    bad = GOOD.replace("sex: 女", "sex: female").replace("\n", newline).encode()
    assert found(write_repo({MEMBER: bad})) == [("SCHEMA-ENUM", MEMBER, 3, 6)]


def test_columns_count_characters_outside_the_basic_plane(write_repo: WriteRepo) -> None:
    # 𠮷 is one character (two UTF-16 units, four UTF-8 bytes)
    bad = "{id: M0002, name: 𠮷𠮷𠮷, sex: female, org: O02, status: 正式党员, category: 直接管理}\n"
    assert found(write_repo({MEMBER: bad})) == [("SCHEMA-ENUM", MEMBER, 1, 29)]
    assert found(write_repo({MEMBER: "id: M0002\nname: 𠮷𠮷: x\n"})) == [
        ("YAML-SYNTAX", MEMBER, 2, 9)]


@pytest.mark.parametrize("separator", ["\u2028", "\x85"])
def test_unicode_line_separator_in_a_value_does_not_break_locations(write_repo: WriteRepo,
                                                                    separator: str) -> None:
    bad = GOOD.replace("sex: 女", "sex: female").replace("name: 李秀英", f"name: 李秀英{separator}x")
    assert found(write_repo({MEMBER: bad})) == [("SCHEMA-ENUM", MEMBER, 3, 6)]


@pytest.mark.parametrize("line", ["2026: 入党", "true: x", "stages: {2020: x}", "? [a, b]\n: x"])
def test_non_text_key_is_a_finding_not_a_crash(write_repo: WriteRepo, line: str) -> None:
    repo = write_repo({MEMBER: GOOD + line + "\n", "party/members/M0003.yaml": "id: M0003\n"})
    report = found(repo)
    assert [(file, row) for _, file, row, _ in report if file == MEMBER] == [(MEMBER, 7)]
    assert ("SCHEMA-REQUIRED", "party/members/M0003.yaml", 1, 1) in report


# --- tabs -----------------------------------------------------------------------------------


def test_tab_indentation_is_located_at_the_tab(write_repo: WriteRepo) -> None:
    bad = GOOD + "stages:\n\tapplied: 2020-01-01\n"
    assert found(write_repo({MEMBER: bad})) == [("YAML-TAB", MEMBER, 8, 1)]
    assert found(write_repo({MEMBER: GOOD + "stages:\n  applied: 2020-01-01\n"})) == []


def test_tab_after_spaces_in_indentation(write_repo: WriteRepo) -> None:
    bad = GOOD + "stages:\n  applied: 2020-01-01\n  \tfull: 2021-01-01\n"
    assert found(write_repo({MEMBER: bad})) == [("YAML-TAB", MEMBER, 9, 3)]


def test_tab_after_spaces_before_the_first_nested_key(write_repo: WriteRepo) -> None:
    bad = GOOD + "stages:\n  \tapplied: 2020-01-01\n"
    assert found(write_repo({MEMBER: bad})) == [("YAML-TAB", MEMBER, 8, 3)]


def test_tabs_inside_values_and_block_scalars_are_allowed(write_repo: WriteRepo) -> None:
    ok = GOOD + "note: |\n  line one\n  \ttabbed line\naddress: 某路\t1 号\n"
    assert found(write_repo({MEMBER: ok})) == []


def test_tab_in_block_scalar_does_not_hide_a_later_syntax_error(write_repo: WriteRepo) -> None:
    bad = "id: M0002\nnote: |\n  line one\n  \ttabbed\nname: [unclosed\n"
    assert found(write_repo({MEMBER: bad})) == [("YAML-SYNTAX", MEMBER, 5, 7)]


# --- merge conflicts ------------------------------------------------------------------------


def test_one_conflict_finding_per_marker_line(write_repo: WriteRepo) -> None:
    bad = ("id: M0002\n<<<<<<< HEAD\nname: 李秀英\n=======\nname: 李秀\n>>>>>>> branch\n"
           "sex: 女\n")
    assert found(write_repo({MEMBER: bad})) == [
        ("YAML-CONFLICT", MEMBER, 2, 1),
        ("YAML-CONFLICT", MEMBER, 4, 1),
        ("YAML-CONFLICT", MEMBER, 6, 1),
    ]


def test_diff3_conflict_has_four_markers(write_repo: WriteRepo) -> None:
    bad = ("id: M0002\n<<<<<<< ours\nname: a\n||||||| base\nname: b\n=======\nname: c\n"
           ">>>>>>> theirs\n")
    assert [c[2] for c in found(write_repo({MEMBER: bad}))] == [2, 4, 6, 8]
    assert {c[0] for c in found(write_repo({MEMBER: bad}))} == {"YAML-CONFLICT"}


def test_marker_text_inside_a_value_is_not_a_conflict(write_repo: WriteRepo) -> None:
    assert found(write_repo({MEMBER: GOOD + 'note: "======= <<<<<<< x"\n'})) == []


# --- empty, not a mapping, several documents ------------------------------------------------


@pytest.mark.parametrize("content", ["", "\n\n", "   \n", "# 待填写\n  # nothing yet\n"])
def test_empty_or_comment_only_file(write_repo: WriteRepo, content: str) -> None:
    assert found(write_repo({MEMBER: content})) == [("YAML-EMPTY", MEMBER, 1, 1)]


@pytest.mark.parametrize("content", ["- id: M0002\n- name: 李秀英\n", "[M0002, 李秀英]\n",
                                     "李秀英\n", "42\n"])
def test_not_a_mapping(write_repo: WriteRepo, content: str) -> None:
    assert found(write_repo({MEMBER: content})) == [("YAML-NOT-MAPPING", MEMBER, 1, 1)]


def test_second_document_is_located_at_its_separator(write_repo: WriteRepo) -> None:
    bad = GOOD + "---\nid: M0003\nname: 王芳\n"
    assert found(write_repo({MEMBER: bad})) == [("YAML-MULTI-DOC", MEMBER, 7, 1)]


@pytest.mark.parametrize("tail", ["---\n", "--- # 下一条\n# 空\n", "---\nid: M0003\n---\nid: M0004\n"])
def test_any_second_document_is_reported(write_repo: WriteRepo, tail: str) -> None:
    assert found(write_repo({MEMBER: GOOD + tail})) == [("YAML-MULTI-DOC", MEMBER, 7, 1)]


def test_leading_separator_and_document_end_marker_are_one_document(write_repo: WriteRepo
                                                                     ) -> None:
    assert found(write_repo({MEMBER: "---\n" + GOOD})) == []
    assert found(write_repo({MEMBER: "# 党员\n---\n" + GOOD + "...\n"})) == []


# --- hostile input --------------------------------------------------------------------------


def _alias_bomb() -> str:
    text = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
    previous = "a"
    for name in "bcdefghi":
        text += f"{name}: &{name} [" + ", ".join([f"*{previous}"] * 9) + "]\n"
        previous = name
    return text


def test_alias_bomb_is_reported_fast(write_repo: WriteRepo) -> None:
    repo = write_repo({MEMBER: _alias_bomb()})
    start = time.perf_counter()
    result = found(repo)
    assert time.perf_counter() - start < 2.0
    assert result == [("YAML-ALIAS-BOMB", MEMBER, 1, 1)]


def test_a_few_aliases_are_not_a_bomb(write_repo: WriteRepo) -> None:
    ok = GOOD + "stages: {applied: &d 2020-01-01, activist: *d}\n"
    assert found(write_repo({MEMBER: ok})) == []


def test_deep_flow_nesting_is_a_yaml_finding_not_a_crash(write_repo: WriteRepo) -> None:
    report = found(write_repo({MEMBER: "[" * 10_000}))
    assert len(report) == 1
    code, file, line, column = report[0]
    assert code.startswith("YAML-") and file == MEMBER
    assert line is not None and column is not None


def test_deep_closed_flow_nesting_under_a_key(write_repo: WriteRepo) -> None:
    bad = GOOD + "note: " + "{a: " * 5000 + "1" + "}" * 5000 + "\n"
    [(code, file, line, column)] = found(write_repo({MEMBER: bad}))
    assert code == "YAML-TOO-DEEP" and file == MEMBER and line == 7
    assert column is not None


def test_deep_block_nesting_is_a_yaml_finding_not_a_crash(write_repo: WriteRepo) -> None:
    bad = GOOD + "note:\n" + "".join("  " * (i + 1) + "k:\n" for i in range(300))
    repo = write_repo({MEMBER: bad, "party/members/M0003.yaml": "id: M0003\n"})
    report = found(repo)
    codes = {code for code, file, _, _ in report if file == MEMBER}
    assert codes and all(code.startswith("YAML-") for code in codes)
    assert ("SCHEMA-REQUIRED", "party/members/M0003.yaml", 1, 1) in report


def test_one_bad_file_never_stops_the_checks_of_the_others(write_repo: WriteRepo) -> None:
    repo = write_repo({
        "party/members/M0002.yaml": "id: M0002\nname: [李秀英\n",
        "party/members/M0003.yaml": GOOD.replace("M0002", "M0003").encode("gbk"),
        "party/members/M0004.yaml": GOOD.replace("M0002", "M0004").replace("女", "female"),
    })
    assert found(repo) == [
        ("YAML-SYNTAX", "party/members/M0002.yaml", 2, 7),
        ("YAML-ENCODING", "party/members/M0003.yaml", 2, 7),
        ("SCHEMA-ENUM", "party/members/M0004.yaml", 3, 6),
    ]


# --- YAML 1.2 core schema: what stays text --------------------------------------------------


@pytest.mark.parametrize("word", ["no", "yes", "on", "off", "No", "NO", "Yes", "Off", "y", "n"])
def test_yaml_1_1_booleans_stay_text(write_repo: WriteRepo, word: str) -> None:
    # `y` and `n` are too short for a name, so they go in a note; the rest are 2+ characters.
    field = "note" if len(word) == 1 else "education"
    assert found(write_repo({MEMBER: GOOD + f"{field}: {word}\n"})) == []


def test_unquoted_name_no_is_text(write_repo: WriteRepo) -> None:
    assert found(write_repo({MEMBER: GOOD.replace("name: 李秀英", "name: no")})) == []
    assert found(write_repo({MEMBER: GOOD.replace("name: 李秀英", "name: 'no'")})) == []


def test_leading_zero_number_is_coerced_with_the_text_as_written(write_repo: WriteRepo) -> None:
    bad = GOOD + "ethnicity: 0123\n"
    [f] = findings(write_repo({MEMBER: bad}))
    assert (f.code, f.file, f.line, f.column) == ("YAML-COERCED", MEMBER, 7, 12)
    assert f.hint.en == 'quote it: "0123"'
    assert found(write_repo({MEMBER: GOOD + 'ethnicity: "0123"\n'})) == []


def test_unquoted_mobile_is_coerced(write_repo: WriteRepo) -> None:
    bad = GOOD + "mobile: 13905361234  # 本人\n"
    [f] = findings(write_repo({MEMBER: bad}))
    assert (f.code, f.file, f.line, f.column) == ("YAML-COERCED", MEMBER, 7, 9)
    assert f.hint.en == 'quote it: "13905361234"'
    assert found(write_repo({MEMBER: GOOD + 'mobile: "13905361234"  # 本人\n'})) == []


@pytest.mark.parametrize("word", ["true", "True", "false", "FALSE"])
def test_boolean_where_text_is_meant_is_coerced(write_repo: WriteRepo, word: str) -> None:
    [f] = findings(write_repo({MEMBER: GOOD + f"note: {word}\n"}))
    assert (f.code, f.file, f.line, f.column) == ("YAML-COERCED", MEMBER, 7, 7)
    assert f.hint.en == f'quote it: "{word}"'


@pytest.mark.parametrize("value", ["0x1F", "0o17", "1e3", "12.0", "-7"])
def test_other_core_schema_values_where_text_is_meant_are_coerced(write_repo: WriteRepo,
                                                                   value: str) -> None:
    assert found(write_repo({MEMBER: GOOD + f"note: {value}\n"})) == [
        ("YAML-COERCED", MEMBER, 7, 7)]


@pytest.mark.parametrize("value", ["~", "null"])
def test_null_where_text_is_meant_is_an_empty_field(write_repo: WriteRepo, value: str) -> None:
    [f] = findings(write_repo({MEMBER: GOOD + f"note: {value}\n"}))
    assert (f.code, f.line, f.column) == ("SCHEMA-EMPTY", 7, 7)
    assert f.hint.en == "fill in note or delete the line"


def test_empty_value_where_text_is_meant_is_an_empty_field(write_repo: WriteRepo) -> None:
    assert found(write_repo({MEMBER: GOOD + "ethnicity:\nnote: x\n"})) == [
        ("SCHEMA-EMPTY", MEMBER, 7, 11)]


def test_unquoted_money_is_coerced(write_repo: WriteRepo) -> None:
    bad = ("period: 2026-11\ncollector: M0001\nentries:\n  - member: M0001\n    months: [2026-11]\n"
           "    amount: 102.00\n    paid_on: 2026-11-05\n")
    [f] = findings(write_repo({FEE: bad}))
    assert (f.code, f.file, f.line, f.column) == ("YAML-COERCED", FEE, 6, 13)
    assert f.hint.en == 'quote it: "102.00"'
    assert found(write_repo({FEE: bad.replace("102.00", '"102.00"')})) == []


def test_unquoted_integer_money_in_a_flow_mapping_is_coerced(write_repo: WriteRepo) -> None:
    bad = ("period: 2026-11\ncollector: M0001\n"
           "entries: [{member: M0001, months: [2026-11], amount: 102, paid_on: 2026-11-05}]\n")
    [f] = findings(write_repo({FEE: bad}))
    assert (f.code, f.file, f.line, f.column) == ("YAML-COERCED", FEE, 3, 54)
    assert f.hint.en == 'quote it: "102"'


def test_unquoted_date_stays_text_and_its_format_is_checked(write_repo: WriteRepo) -> None:
    fee = ('period: 2026-11\ncollector: M0001\nentries:\n  - member: M0001\n    months: [2026-11]\n'
           '    amount: "102.00"\n    paid_on: {date}\n')
    assert found(write_repo({FEE: fee.format(date="2026-11-05")})) == []
    assert found(write_repo({FEE: fee.format(date="2026-11-31")})) == [
        ("DATE-FORMAT", FEE, 7, 14)]


def test_unquoted_month_stays_text(write_repo: WriteRepo) -> None:
    bad = ("period: 2026-11\ncollector: M0001\n"
           'entries: [{member: M0001, months: [2026-11, 202611], amount: "5.00", '
           "paid_on: 2026-11-05}]\n")
    assert found(write_repo({FEE: bad})) == [("YAML-COERCED", FEE, 3, 45)]


def test_sexagesimal_stays_text(write_repo: WriteRepo) -> None:
    assert found(write_repo({MEMBER: GOOD + "note: 1:20\n"})) == []
