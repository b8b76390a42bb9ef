"""Checking published boards against their seals (see cmty.seal): a record a board showed whose
content changed since (BOARD-RECORD-CHANGED), a board file altered (BOARD-ALTERED), and a voucher
entered later but dated into a published period (BOARD-BACKDATED). Runs in every validation, so
it reads the seals once and parses only the files whose blobs differ from them."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from typing import TYPE_CHECKING, Any

from cmty import gitio
from cmty.catalogue import severity_of, source_of
from cmty.dates import bounds_of, day
from cmty.findings import Finding, Text
from cmty.repo import Repo
from cmty.seal import Seal, seals

if TYPE_CHECKING:
    from cmty.kinds import Kind
    from cmty.source import Source


def findings_for(repo: Repo, blobs: dict[str, str], source: Source, files: list[tuple[str, Kind]]
                 ) -> list[Finding]:
    """`findings` and `backdated` for a validation run: the record files as `source` has them
    (an overlay or a commit), with the blob ids git listed for the files it has unchanged."""
    known = {rel: blob for rel, blob in blobs.items() if rel not in source.overlay}

    def read(rel: str) -> bytes | None:
        try:
            return source.read_bytes(rel)
        except OSError:
            return None

    found = seals(repo, source.commit)
    if not found:
        return []
    vouchers = [rel for rel, kind in files if kind.name == "voucher"]
    precise = [*findings(repo, known, read, source.commit, found), *backdated(found, vouchers, read)]
    if source.commit is not None or source.overlay:
        return precise  # a past commit or an edit being previewed: the work tree is not what is asked
    from cmty.sealrender import outdated

    # A board a precise finding already explains is not reported again.
    named = {f.file for f in precise}
    left = [s for s in found if not named & {*s.covers, *s.boards}
            and not (any(f.code == "BOARD-BACKDATED" for f in precise) and _is_finance(s))]
    return [*precise, *outdated(repo, left, files, known, read)]


def _is_finance(seal: Seal) -> bool:
    return any(path.endswith("-finance.md") for path in seal.boards)


def backdated(found: list[Seal], vouchers: list[str], read: Callable[[str], bytes | None]
              ) -> Iterator[Finding]:
    """BOARD-BACKDATED for a voucher no seal covers that is dated into a published finance
    board's reach: the board showed every voucher up to its period's end, so one added since
    changes what residents were told. A correction is dated in the current period."""
    from cmty.locate import Locator
    from cmty.yamlio import YamlLoadError, load_text

    reach = sorted((min(bounds[1], s.as_of), s) for s in found
                   if _is_finance(s) and (bounds := bounds_of(s.period)))
    covered = {path for _, s in reach for path in s.covers}
    for rel in vouchers:
        raw = read(rel) if reach and rel not in covered else None
        try:
            data = load_text(raw.decode("utf-8")) if raw is not None else None
        except (YamlLoadError, UnicodeDecodeError):
            continue  # the file's own findings say why
        when = day(data.get("date")) if isinstance(data, dict) else None
        seal = next((s for end, s in reach if when is not None and when <= end), None)
        if seal is not None and raw is not None:
            line, column = Locator(raw.decode("utf-8")).find(("date",))
            yield _backdated(rel, seal, str(when), line, column)


def _backdated(rel: str, seal: Seal, when: str, line: int, column: int) -> Finding:
    record = rel.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    return Finding(
        code="BOARD-BACKDATED", severity=severity_of("BOARD-BACKDATED"), file=rel, record=record,
        line=line, column=column, rule=source_of("BOARD-BACKDATED"),
        message=Text(f"{record} 日期 {when} 落在已公开的 {seal.period}（{seal.tag}，{seal.on}）之内，"
                     "公开后才记入", f"{record} is dated {when}, within {seal.period}, whose boards were "
                     f"published ({seal.tag}, {seal.on}) before it was entered"),
        hint=Text("更正或补记的凭证记在当前期间（日期写今天），摘要中注明所更正的原凭证号",
                  "date a correcting or late entry in the current period (today) and name the "
                  "original voucher in its description"))


def findings(repo: Repo, blobs: dict[str, str], read: Callable[[str], bytes | None],
             commit: str | None = None, found: list[Seal] | None = None) -> Iterator[Finding]:
    """BOARD-RECORD-CHANGED for each record file whose content no longer matches the first seal
    that covered it, BOARD-ALTERED for each board file that no longer matches its seal. `blobs`
    are the blob ids git already knows for unchanged files; `read` gives any other file's bytes."""
    reported: set[str] = set()
    for seal in seals(repo, commit) if found is None else found:
        for code, files in (("BOARD-ALTERED", seal.boards), ("BOARD-RECORD-CHANGED", seal.covers)):
            for path, blob in sorted(files.items()):
                if path in reported or blobs.get(path) == blob:
                    continue
                raw = read(path)
                if raw is not None and gitio.blob_id(raw) == blob:
                    continue
                old = gitio.read_blobs(repo.root, [blob]).get(blob, b"")
                where = _where_changed(code, path, old, raw, seal.as_of)
                if where is None:
                    continue
                reported.add(path)
                yield _changed(code, seal, path, where)


# What a record may gain or correct after a board showed it without changing what the board said:
# notes anywhere; when a disclosure went up and came down and who reviewed it; a meeting's place,
# chair, minute-taker and roll; and, dated after the board's day, a fee file's remittance or a
# step in carrying out a decision (see `_drop_later`). A voucher is an accounting record: only
# its note is free.
LATER_FIELDS = {"*": ("note",), "disclosure": ("posted_on", "taken_down_on", "location", "reviewed_by"),
                "meeting": ("place", "presider", "recorder", "attended", "absent", "hours", "notice_on")}


def _where_changed(code: str, path: str, old: bytes, raw: bytes | None, as_of: date
                   ) -> tuple[int, int] | None:
    """Line and column of the first change that matters, (0, 0) for a file that is gone, None
    when only comments, layout or fields recorded later changed."""
    from cmty.kinds import kind_of_path
    from cmty.locate import Locator
    from cmty.yamlio import YamlLoadError, load_text

    if raw is None:
        return (0, 0)
    new_text = raw.decode("utf-8", "replace")
    if code != "BOARD-RECORD-CHANGED":  # a board file: the same text, whatever the line endings
        before = old.decode("utf-8", "replace")
        return None if before.replace("\r\n", "\n") == new_text.replace("\r\n", "\n") else \
            first_change(before, new_text)
    try:
        before, after = load_text(old.decode("utf-8")), load_text(new_text)
    except (YamlLoadError, UnicodeDecodeError):
        return first_change(old.decode("utf-8", "replace"), new_text)
    kind = kind_of_path(path)
    for data in (before, after):
        _drop_later(data, kind.name if kind else "", as_of)
    differs = _first_difference(before, after, ())
    return None if differs is None else Locator(new_text).find(differs)


def _drop_later(data: Any, kind: str, as_of: date) -> None:
    if not isinstance(data, dict):
        return
    for key in (*LATER_FIELDS["*"], *LATER_FIELDS.get(kind, ())):
        data.pop(key, None)
    remitted = data.get("remitted")
    if kind == "fee" and (not isinstance(remitted, dict) or (day(remitted.get("on")) or date.max) > as_of):
        data.pop("remitted", None)  # not yet made on the board's day: not on the board
    for decision in data.get("decisions") or [] if kind == "meeting" else []:
        if isinstance(decision, dict) and isinstance(decision.get("execution"), list):
            # Steps taken after the board's day are news for the next board.
            decision["execution"] = [s for s in decision["execution"] if not isinstance(s, dict)
                                     or (day(s.get("on")) or date.max) <= as_of]


def _first_difference(before: Any, after: Any, path: tuple[str | int, ...]) -> tuple[str | int, ...] | None:
    if isinstance(before, dict) and isinstance(after, dict):
        for key in [*after, *(k for k in before if k not in after)]:
            if key not in after or key not in before:
                return path if key not in after else (*path, key)
            found = _first_difference(before[key], after[key], (*path, key))
            if found is not None:
                return found
        return None
    if isinstance(before, list) and isinstance(after, list):
        for i, (b, a) in enumerate(zip(before, after, strict=False)):
            found = _first_difference(b, a, (*path, i))
            if found is not None:
                return found
        return None if len(before) == len(after) else path
    return None if before == after else path


def _changed(code: str, seal: Seal, path: str, where: tuple[int, int]) -> Finding:
    record = path.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    line, column = where if where != (0, 0) else (None, None)
    how = (Text("被修改", "was changed") if line is not None else Text("被删除", "was deleted"))
    restore = f"git checkout {seal.tag} -- {path}"
    if code == "BOARD-ALTERED":
        message = Text(f"公开栏文件{how.zh}，与 {seal.on} 发布的 {seal.tag} 不符",
                       f"the board file {how.en} since {seal.tag} published it on {seal.on}")
        hint = Text(f"恢复已发布的内容（{restore}）；新的内容须另行发布",
                    f"restore what was published ({restore}); new content needs a new publication")
    else:
        message = Text(f"{record} 在 {seal.period} 公开（{seal.tag}，{seal.on}）后{how.zh}",
                       f"{record} {how.en} after the {seal.period} boards showed it ({seal.tag}, "
                       f"{seal.on})")
        hint = Text(f"已公开的记录不改原件：撤销修改（{restore}），更正另建一条引用原记录的新记录（如红字冲销凭证）",
                    f"a published record is not edited: undo the change ({restore}) and correct it by "
                    "a new record that refers to the original (like a reversing voucher)")
    return Finding(code=code, severity=severity_of(code), file=path, record=record, line=line,
                   column=column, rule=source_of(code), message=message,
                   hint=hint)


def first_change(old: str, new: str) -> tuple[int, int]:
    """Line and column (1-based) where `new` first differs from `old`."""
    for number, (before, after) in enumerate(zip(old.splitlines(), new.splitlines(), strict=False), 1):
        if before != after:
            column = next((i for i, (a, b) in enumerate(zip(before, after, strict=False)) if a != b),
                          min(len(before), len(after)))
            return number, column + 1
    return min(len(old.splitlines()), len(new.splitlines())) + 1, 1
