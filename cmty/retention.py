"""Accounting archives are kept for their full term (会计档案管理办法 2015, C13): a voucher is
kept 30 years, so a voucher file may not leave the repository before then. Git remembers every
file that was ever committed, so a deletion is found in the history, with who made it and when;
a wrong voucher is corrected by a reversing voucher, never by removing it."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path, PurePosixPath

from cmty import gitio
from cmty.catalogue import severity_of, source_of
from cmty.findings import Finding, Text
from cmty.kinds import BY_NAME, Kind

# Kind → years its records are kept (C13: vouchers, ledgers and journals 30 years).
KEPT_YEARS = {"voucher": 30}


@dataclass(frozen=True, slots=True)
class Deleted:
    path: str
    commit: str  # "" for a deletion not yet committed
    on: str      # YYYY-MM-DD of the commit, "" when not committed


def deletions(root: Path, folders: Iterable[str], commit: str | None = None,
              missing: list[str] | None = None) -> list[Deleted]:
    """Files under `folders` deleted in the history up to `commit` (default HEAD), the latest
    deletion of each path first, then tracked files missing from the work tree (`missing`,
    when the caller's git listing has them: asking git again stats every file)."""
    folders = list(folders)
    out = gitio.run(root, "log", "--no-renames", "--diff-filter=D", "--name-only",
                    "--relative", "--format=%x00%H %cs", commit or "HEAD", "--", *folders)
    found: dict[str, Deleted] = {}
    for chunk in (out or b"").decode("utf-8", "replace").split("\x00")[1:]:
        head, *paths = chunk.strip().splitlines()
        sha, _, when = head.partition(" ")
        for path in paths:
            found.setdefault(path, Deleted(path, sha, when))  # newest first in git log
    if commit is None:
        if missing is None:
            listed = gitio.run(root, "ls-files", "--deleted", "--", *folders)
            missing = (listed or b"").decode("utf-8", "replace").splitlines()
        for path in missing:
            if path.startswith(tuple(f + "/" for f in folders)):
                found[path] = Deleted(path, "", "")
    return [found[p] for p in sorted(found)]


def for_files(root: Path, files: Iterable[tuple[str, Kind]], today: date, commit: str | None,
              overlay: dict[str, bytes | None] | None, missing: list[str] | None = None
              ) -> Iterator[Finding]:
    """`findings` for a validation run: the record files it checks, the edit it previews."""
    # Plain string work: a street has 50,000 vouchers, and a PurePosixPath each took 0.8 s.
    present = {rel.rsplit("/", 1)[-1].rsplit(".", 1)[0] for rel, kind in files
               if kind.name in KEPT_YEARS}
    removing = [rel for rel, data in (overlay or {}).items() if data is None]
    return findings(root, present, today, commit, removing, missing)


def findings(root: Path, present: set[str], today: date, commit: str | None = None,
             removing: Iterable[str] = (), missing: list[str] | None = None) -> Iterator[Finding]:
    """A finding for each record whose file left the repository within its keeping time:
    deleted in a commit, deleted in the work tree, or about to be (`removing`) — unless a file
    with the same id is still there (it was moved)."""
    kept = {BY_NAME[kind].folder: (kind, years) for kind, years in KEPT_YEARS.items()}
    gone = deletions(root, kept, commit, missing)
    gone += [Deleted(path, "", "") for path in removing]
    for deleted in gone:
        record = PurePosixPath(deleted.path).stem
        folder = next((f for f in kept if deleted.path.startswith(f + "/")), None)
        if folder is None or record in present:
            continue
        _, years = kept[folder]
        year = int(record[1:5]) if record[1:5].isdigit() else today.year
        if year + years < today.year:
            continue  # kept its full term
        yield _finding(deleted, record, years, year + years)


def _finding(deleted: Deleted, record: str, years: int, until: int) -> Finding:
    where = (Text(f"于 {deleted.on} 在提交 {deleted.commit[:10]} 中被删除",
                  f"was deleted on {deleted.on} in commit {deleted.commit[:10]}")
             if deleted.commit else Text("在工作区中被删除", "is deleted in the work tree"))
    restore = (f"git checkout {deleted.commit[:10]}^ -- {deleted.path}" if deleted.commit
               else f"git checkout -- {deleted.path}")
    return Finding(
        code="FIN-ARCHIVE-DELETED", severity=severity_of("FIN-ARCHIVE-DELETED"), file=deleted.path,
        record=record, line=None, column=None, rule=source_of("FIN-ARCHIVE-DELETED"),
        message=Text(f"凭证 {record} {where.zh}；会计凭证须保存 {years} 年（至 {until} 年）",
                     f"voucher {record} {where.en}; vouchers are kept {years} years (until "
                     f"{until})"),
        hint=Text(f"恢复文件（{restore}）；错账用红字冲销凭证更正，不删除原凭证",
                  f"restore it ({restore}); correct a wrong entry with a reversing voucher, never "
                  "by removing the original"))
