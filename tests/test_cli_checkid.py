"""`cmty check-id`: exact text and JSON output, and the exit code that summarises the values."""

from __future__ import annotations

import json

import pytest

from cmty.cli import _boundary, app
from cmty.identifiers import guess_and_check
from cmty.render.identifiers import to_json

VALID_ID = "11010519491231002X"
BAD_CHECKSUM = "110105194912310021"  # the check character should be X
MOBILE = "+86 139-0536-1234"
CREDIT_CODE = "91350100M000100Y43"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = _boundary.run(app, ["check-id", *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


# --- text -------------------------------------------------------------------------------------


def test_valid_id_number(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, VALID_ID) == (0, "11010519491231002X\t身份证号\t有效\n", "")


def test_bad_checksum(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, BAD_CHECKSUM) == (1, (
        "110105194912310021\t身份证号\t无效\n"
        "    错误 ID-CHECKSUM: 校验位为 1，按前17位应为 X\n"
        "        提示: 核对第18位；按前17位计算应为 X（若第18位无误，则前17位有误）\n"), "")


def test_mobile_with_prefix_and_hyphens_is_valid_with_a_warning(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, MOBILE) == (0, (
        "+86 139-0536-1234\t手机号\t有效\n"
        "    警告 MOBILE-NORMALISE: 含前缀 +86、空白、连字符\n"
        "        提示: 存为 11 位数字：13905361234\n"), "")


def test_credit_code(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, CREDIT_CODE) == (0, "91350100M000100Y43\t统一社会信用代码\t有效\n", "")


def test_unknown_kind(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "abc") == (1, (
        "abc\t未知类型\t无效\n"
        "    错误 UNKNOWN-KIND: 无法判断号码类型（3 个字符）\n"
        "        提示: 可检查：18位公民身份号码（或15位旧号）、18位统一社会信用代码、11位手机号（可带 +86）、"
        "6或12位行政区划代码\n"), "")


def test_several_values_in_order(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, VALID_ID, MOBILE, CREDIT_CODE)
    assert code == 0
    assert out == ("11010519491231002X\t身份证号\t有效\n"
                   "+86 139-0536-1234\t手机号\t有效\n"
                   "    警告 MOBILE-NORMALISE: 含前缀 +86、空白、连字符\n"
                   "        提示: 存为 11 位数字：13905361234\n"
                   "91350100M000100Y43\t统一社会信用代码\t有效\n")


@pytest.mark.parametrize(("values", "code"), [
    ([VALID_ID], 0),
    ([VALID_ID, MOBILE, CREDIT_CODE], 0),
    ([BAD_CHECKSUM], 1),
    ([VALID_ID, MOBILE, BAD_CHECKSUM], 1),
    ([BAD_CHECKSUM, VALID_ID], 1),
    ([VALID_ID, "abc"], 1),
])
@pytest.mark.parametrize("fmt", ["text", "json"])
def test_exit_code_is_1_when_any_value_is_invalid(capsys: pytest.CaptureFixture[str], values: list[str],
                                                  code: int, fmt: str) -> None:
    got, out, _ = run(capsys, "--format", fmt, *values)
    assert got == code
    if fmt == "json":
        assert [row["valid"] for row in json.loads(out)] == [guess_and_check(v).valid for v in values]
    else:
        states = [line.split("\t")[2] for line in out.splitlines() if not line.startswith(" ")]
        assert states == ["有效" if guess_and_check(v).valid else "无效" for v in values]


def test_english(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "--lang", "en", VALID_ID, BAD_CHECKSUM, MOBILE, CREDIT_CODE)
    assert (code, err) == (1, "")
    assert out == (
        "11010519491231002X\tid-number\tvalid\n"
        "110105194912310021\tid-number\tinvalid\n"
        "    error ID-CHECKSUM: check character is 1; the first 17 give X\n"
        "        hint: check the 18th character; from the first 17 it should be X "
        "(if it is right, one of the first 17 is wrong)\n"
        "+86 139-0536-1234\tmobile\tvalid\n"
        "    warning MOBILE-NORMALISE: has a +86 prefix, whitespace, hyphens\n"
        "        hint: store the 11 digits: 13905361234\n"
        "91350100M000100Y43\tcredit-code\tvalid\n")


def test_no_values_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys)
    assert (code, out) == (2, "")
    assert err.startswith("Usage: cmty check-id [OPTIONS] ")
    assert err.endswith("\nError: Missing argument 'values'.\n")


# --- JSON -------------------------------------------------------------------------------------


ALL_VALUES = [VALID_ID, BAD_CHECKSUM, MOBILE, CREDIT_CODE, " 11010519491231002x", "abc"]


def test_json_equals_to_json_of_guess_and_check(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "--format", "json", *ALL_VALUES)
    assert (code, err) == (1, "")
    rows = json.loads(out)
    assert rows == [to_json(v, guess_and_check(v)) for v in ALL_VALUES]
    assert [row["value"] for row in rows] == ALL_VALUES  # as given, whitespace and case kept
    assert out.endswith("]\n") and "校验位" in out  # Chinese as is: ensure_ascii=False


def test_json_fields(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "--format", "json", VALID_ID, BAD_CHECKSUM, MOBILE, CREDIT_CODE, "abc")
    summary = [{k: row[k] for k in ("value", "kind", "valid", "reason")} for row in json.loads(out)]
    assert summary == [
        {"value": VALID_ID, "kind": "id-number", "valid": True, "reason": None},
        {"value": BAD_CHECKSUM, "kind": "id-number", "valid": False,
         "reason": "check character is 1; the first 17 give X"},
        {"value": MOBILE, "kind": "mobile", "valid": True, "reason": None},
        {"value": CREDIT_CODE, "kind": "credit-code", "valid": True, "reason": None},
        {"value": "abc", "kind": None, "valid": False,
         "reason": "cannot tell what kind of identifier this is (3 characters)"},
    ]


def test_json_of_a_normalised_mobile(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "--format", "json", MOBILE)
    (row,) = json.loads(out)
    assert row["normalised"] == "13905361234"
    assert row["issues"] == [{
        "code": "MOBILE-NORMALISE", "severity": "warning",
        "message": {"zh": "含前缀 +86、空白、连字符", "en": "has a +86 prefix, whitespace, hyphens"},
        "hint": {"zh": "存为 11 位数字：13905361234", "en": "store the 11 digits: 13905361234"},
    }]


def test_json_reason_is_null_whenever_valid(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "--format", "json", VALID_ID, MOBILE, CREDIT_CODE)
    assert [(row["valid"], row["reason"]) for row in json.loads(out)] == [(True, None)] * 3


def test_json_lang_does_not_change_the_json(capsys: pytest.CaptureFixture[str]) -> None:
    _, zh, _ = run(capsys, "--format", "json", BAD_CHECKSUM)
    _, en, _ = run(capsys, "--format", "json", "--lang", "en", BAD_CHECKSUM)
    assert zh == en
