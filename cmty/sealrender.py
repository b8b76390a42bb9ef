"""Published boards rendered again from today's records (BOARD-OUTDATED).

The seal names the record files a board showed line by line (cmty.sealcheck), but a board also
rests on records it only counts or sums: the members who owed dues, the meetings held against
their cadence, the complaints still in hand, the community's name. Rendering each published board
again, as of its own day and in its own language, and comparing it with what was published
catches any change to those too. It costs a rendering per board, so the result is kept under a
digest of every file the boards read: a validation after no change renders nothing.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterator
from datetime import date
from typing import TYPE_CHECKING

from cmty import __version__, gitio
from cmty.catalogue import severity_of, source_of
from cmty.config import CONFIG_NAME
from cmty.findings import Finding, Text
from cmty.repo import Repo
from cmty.seal import Seal

if TYPE_CHECKING:
    from cmty.kinds import Kind
    from cmty.rules.base import Records

# (board file, line, column, published line, line now); line 0 when the board is now refused.
Change = tuple[str, int, int, str, str]
STORE = "boards-rendered.marshal"


def outdated(repo: Repo, found: list[Seal], files: list[tuple[str, Kind]], blobs: dict[str, str],
             read: Callable[[str], bytes | None]) -> Iterator[Finding]:
    """BOARD-OUTDATED for each published board that today's records would render differently."""
    from cmty.boards import KINDS_READ
    from cmty.cache import read_store, write_store

    git_dir = gitio.git_dir(repo.root)
    if not found or git_dir is None:
        return
    digest = _inputs(files, blobs, read, set(KINDS_READ))
    store_path = git_dir / "cmty" / STORE
    kept = read_store(store_path)
    now: dict[str, list[Change]] = {}
    records: Records | None = None
    for seal in found:
        key = hashlib.sha1(f"{__version__}\0{seal.text()}\0{digest}".encode()).hexdigest()
        if key not in kept:
            if records is None:
                from cmty.collect import load_records

                records = load_records(repo, KINDS_READ, date.today())
            kept[key] = _compare(repo, records, seal)
        now[key] = kept[key]
        for change in now[key]:
            yield _finding(seal, *change)
    if records is not None:  # something was rendered: keep only what this run used
        write_store(store_path, now)


def _inputs(files: list[tuple[str, Kind]], blobs: dict[str, str], read: Callable[[str], bytes | None],
            kinds: set[str]) -> str:
    """One digest of every file the boards read, by blob id (hashing only files git has not)."""
    digest = hashlib.sha1()
    for rel in [CONFIG_NAME, *sorted(rel for rel, kind in files if kind.name in kinds)]:
        blob = blobs.get(rel)
        if blob is None:
            raw = read(rel)
            blob = gitio.blob_id(raw) if raw is not None else "-"
        digest.update(f"{rel}\0{blob}\n".encode())
    return digest.hexdigest()


def _compare(repo: Repo, records: Records, seal: Seal) -> list[Change]:
    from cmty.board import BoardError
    from cmty.seal import rendered_again
    from cmty.sealcheck import first_change

    changes: list[Change] = []
    for path, old, render in rendered_again(repo, records, seal):
        try:
            new = render()
        except BoardError as exc:
            changes.append((path, 0, 0, "", exc.message.zh + "\0" + exc.message.en))
            continue
        if new != old:
            line, column = first_change(old, new)
            lines_old, lines_new = old.splitlines(), new.splitlines()
            changes.append((path, line, column, _around(lines_old, line, column), _around(lines_new, line, column)))
    return changes


def _around(lines: list[str], line: int, column: int) -> str:
    """The part of a line around the change, table padding squeezed, for a one-line message."""
    text = lines[line - 1] if line <= len(lines) else ""
    start = max(0, column - 1 - 24)
    part = text[start:start + 48]
    part = ("…" if start else "") + part + ("…" if start + 48 < len(text) else "")
    return re.sub(r" {2,}", " ", part).strip()


def _finding(seal: Seal, path: str, line: int, column: int, old: str, new: str) -> Finding:
    kind = path.rsplit("-", 1)[-1].removesuffix(".md")
    if line == 0:
        zh, _, en = new.partition("\0")
        now = Text(f"现在无法重新生成：{zh}", f"it could not be rendered now: {en}")
    else:
        now = Text(f"第 {line} 行“{old}”现在为“{new}”", f"line {line} \"{old}\" would now be \"{new}\"")
    return Finding(
        code="BOARD-OUTDATED", severity=severity_of("BOARD-OUTDATED"), file=path,
        line=line or None, column=column or None, record=None, rule=source_of("BOARD-OUTDATED"),
        message=Text(f"{seal.period} 的 {kind} 公开（{seal.tag}，{seal.on}）与现在的记录不符：{now.zh}",
                     f"the {seal.period} {kind} board ({seal.tag}, {seal.on}) no longer matches the "
                     f"records: {now.en}"),
        hint=Text(f"用 cmty board diff {seal.period} 查看全部不同；已公开的内容以新记录更正，不改原记录",
                  f"cmty board diff {seal.period} shows every difference; correct what was published "
                  "by a new record, not by editing the old one"))
