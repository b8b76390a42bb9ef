"""The bad-input corpus: each file in tests/corpus/ shows one mistake, with its exact findings.

Each corpus file is copied into a repository as a member record, `party/members/<stem>.yaml`,
where the stem is the id the file's content uses (or the one given below for files without an
id), so the findings listed here are the only ones. Through the command line every file makes
`cmty validate` exit 1 without a traceback.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cmty.cli import _boundary, app
from tests.conftest import WriteRepo, found

CORPUS = Path(__file__).parent / "corpus"

# file → (stem of the copy, [(code, line, column), ...] in report order)
EXPECTED: dict[str, tuple[str, list[tuple[str, int, int]]]] = {
    # reading the bytes
    "binary.yaml": ("M0904", [("YAML-BINARY", 1, 1)]),
    "bom.yaml": ("M0905", [("YAML-BOM", 1, 1)]),
    "gbk.yaml": ("M0913", [("YAML-ENCODING", 2, 7)]),
    "non-utf8.yaml": ("M0917", [("YAML-ENCODING", 7, 10)]),
    "conflict.yaml": ("M0908", [("YAML-CONFLICT", 2, 1), ("YAML-CONFLICT", 4, 1),
                                ("YAML-CONFLICT", 6, 1)]),
    # parsing
    "syntax-unclosed.yaml": ("M0919", [("YAML-SYNTAX", 4, 4)]),
    "syntax-colon.yaml": ("M0933", [("YAML-SYNTAX", 7, 9)]),
    "tabs.yaml": ("M0920", [("YAML-TAB", 8, 1)]),
    "duplicate-key.yaml": ("M0910", [("YAML-DUPLICATE-KEY", 6, 1)]),
    "empty.yaml": ("M0911", [("YAML-EMPTY", 1, 1)]),
    "comments-only.yaml": ("M0907", [("YAML-EMPTY", 1, 1)]),
    "alias-bomb.yaml": ("M0901", [("YAML-ALIAS-BOMB", 1, 1)]),
    "deep-nesting.yaml": ("M0909", [("YAML-TOO-DEEP", 1, 256)]),
    "list-not-mapping.yaml": ("M0914", [("YAML-NOT-MAPPING", 1, 1)]),
    "multi-doc.yaml": ("M0916", [("YAML-MULTI-DOC", 7, 1)]),
    # YAML 1.2 typing
    "unquoted-mobile.yaml": ("M0922", [("YAML-COERCED", 7, 9)]),
    "unquoted-mobile-among-yaml11-words.yaml": ("M0937", [("YAML-COERCED", 9, 9)]),
    "octal-like.yaml": ("M0918", [("YAML-COERCED", 7, 12)]),
    "bool-text.yaml": ("M0906", [("YAML-COERCED", 7, 7)]),
    "blank-value.yaml": ("M0932", [("SCHEMA-EMPTY", 7, 11)]),
    "float-money.yaml": ("M0912", [("YAML-COERCED", 10, 11)]),
    # schema
    "bad-date.yaml": ("M0903", [("DATE-FORMAT", 7, 13)]),
    "flow-money.yaml": ("M0934", [("MONEY-FORMAT", 7, 53)]),
    "unknown-field.yaml": ("M0921", [("SCHEMA-UNKNOWN-FIELD", 7, 1)]),
    "wrong-enum.yaml": ("M0923", [("SCHEMA-ENUM", 5, 9)]),
    "wrong-type.yaml": ("M0927", [("SCHEMA-TYPE", 7, 9)]),
    "bad-id-pattern.yaml": ("M12", [("SCHEMA-PATTERN", 1, 5)]),
    "missing-required.yaml": ("M0924", [("SCHEMA-REQUIRED", 1, 1)] * 3),
    "dual-without-workplace.yaml": ("M0925", [("SCHEMA-REQUIRED", 1, 1)]),
    "in-service-without-base.yaml": ("M0936", [("SCHEMA-REQUIRED", 8, 5)]),
    # identifiers
    "bad-checksum.yaml": ("M0902", [("ID-CHECKSUM", 7, 12)]),
    "id-date.yaml": ("M0935", [("ID-DATE", 7, 12)]),
    "lowercase-x.yaml": ("M0915", [("ID-LOWERCASE-X", 7, 12)]),
    "mobile-spaces.yaml": ("M0926", [("MOBILE-NORMALISE", 7, 9)]),
    # integrity
    "filename-mismatch.yaml": ("M0931", [("RECORD-FILENAME", 1, 5)]),
    "missing-org.yaml": ("M0928", [("REF-MISSING", 4, 6)]),
    "wrong-kind-org.yaml": ("M0929", [("REF-WRONG-KIND", 4, 6)]),
    # a U+2028 pasted into a value must not move the next line's finding
    "line-separator.yaml": ("M0938", [("SCHEMA-ENUM", 3, 6)]),
}

# Files whose findings are not yet what EXPECTED says (bugs in cmty, reported; not fixed here).
KNOWN_BUGS: dict[str, str] = {}


def _cases() -> list[object]:
    return [pytest.param(name, marks=pytest.mark.xfail(strict=True, reason=KNOWN_BUGS[name]))
            if name in KNOWN_BUGS else name for name in sorted(EXPECTED)]


def test_corpus_and_table_list_the_same_files() -> None:
    on_disk = {p.name for p in CORPUS.iterdir() if not p.name.startswith(".")}
    assert on_disk == set(EXPECTED)
    assert len(on_disk) >= 22


@pytest.mark.parametrize("name", _cases())
def test_corpus_file(write_repo: WriteRepo, capsys: pytest.CaptureFixture[str], name: str
                     ) -> None:
    stem, expected = EXPECTED[name]
    rel = f"party/members/{stem}.yaml"
    repo = write_repo({rel: (CORPUS / name).read_bytes()})

    report = found(repo)
    assert report == [(code, rel, line, column) for code, line, column in expected]
    assert all(line is not None and column is not None for _, _, line, column in report)

    code = _boundary.run(app, ["--repo", str(repo.root), "validate", "--no-cache",
                               "--fail-on", "warning", "--lang", "en"])
    out, err = capsys.readouterr()
    assert code == 1
    assert "Traceback" not in err and "internal error" not in err
    for finding_code, line, column in expected:
        assert f"{rel}:{line}:{column}: " in out
        assert finding_code in out


def test_whole_corpus_in_one_repository(write_repo: WriteRepo) -> None:
    files: dict[str, str | bytes] = {
        f"party/members/{stem}.yaml": (CORPUS / name).read_bytes()
        for name, (stem, _) in EXPECTED.items()
        if name not in KNOWN_BUGS
    }
    expected = sorted(
        (code, f"party/members/{stem}.yaml", line, column)
        for name, (stem, found_here) in EXPECTED.items()
        if name not in KNOWN_BUGS
        for code, line, column in found_here
    )
    # Together they are more than seven full members of O02, which then needs a committee (O4).
    expected = sorted([*expected, ("ORG-COMMITTEE-NEEDED", "party/orgs/O02.yaml", 3, 7)])
    assert sorted(found(write_repo(files))) == expected


def test_file_over_the_size_limit(write_repo: WriteRepo, capsys: pytest.CaptureFixture[str]
                                  ) -> None:
    rel = "party/members/M0999.yaml"
    # 50 MB, made here and never committed; the default limit is 20 MB.
    repo = write_repo({rel: b"id: M0999\nnote: " + b"x" * (50 * 1024 * 1024) + b"\n"})
    code = _boundary.run(app, ["--repo", str(repo.root), "validate", "--no-cache",
                               "--format", "json"])
    out, err = capsys.readouterr()
    assert code == 1
    assert "Traceback" not in err
    assert [(f["code"], f["file"], f["line"], f["column"]) for f in json.loads(out)] == [
        ("YAML-TOO-LARGE", rel, 1, 1)]
