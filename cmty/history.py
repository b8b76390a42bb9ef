"""A record's history from git: its life field by field, who set each field, what changed in
the repository, and a record as it was at a revision or a date. Library code: no printing.

Versions are compared as data, not lines: each version is read with `yamlio` (the one way cmty
reads YAML), flattened to dotted paths (`fee_basis.1.base`) and diffed. A record's history follows
first parents (see `GitRepo.follow`): a change a merge brought in appears as the merge commit,
action `merge`. `cmty.activity` walks every commit, so side-branch commits keep their own
authors.
Commits made by hand, without trailers, are first-class: their action is `hand-edit`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from cmty import yamlio
from cmty.commits import Commit, FileChange
from cmty.errors import BadRevisionError, CmtyError, RecordNotFoundError, UsageError
from cmty.findings import Text
from cmty.flat import flatten, same
from cmty.gitlog import GitRepo
from cmty.kinds import KINDS, YAML_SUFFIXES, Kind, is_yaml, kind_of_path, record_id_for
from cmty.masking import mask_field
from cmty.query import Record, find_record
from cmty.repo import Repo

UNCOMMITTED = "uncommitted"
# Change.op per field; with field "": "moved" (old, new: paths), "unreadable" (not a YAML mapping),
# "format" (the file changed, its data did not: comments, quoting, indentation).
FIELD_OPS = ("created", "added", "changed", "removed", "deleted")
_MAX_BYTES = 64 * 1024 * 1024
_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
_RECORD_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]*(/[A-Za-z0-9][A-Za-z0-9_-]*)?$")


@dataclass(frozen=True)
class Stamp:
    """The commit behind a change. `date` is the author date (ISO 8601, the author's offset);
    `action` the Cmty-Action trailer, else "merge" or "hand-edit"."""

    date: str
    commit: str
    author: str
    email: str
    action: str
    subject: str

    @staticmethod
    def of(c: Commit | Stamp) -> dict[str, str]:
        """A commit's (or another stamp's) fields, as keyword arguments."""
        if isinstance(c, Stamp):
            return {f: getattr(c, f) for f in ("date", "commit", "author", "email", "action", "subject")}
        return {"date": c.date, "commit": c.id, "author": c.author, "email": c.email, "action": c.action,
                "subject": c.subject}


@dataclass(frozen=True)
class Change(Stamp):
    """What one commit did to one field (or, with field "", to the record's file)."""

    op: str = ""
    field: str = ""
    old: Any = None
    new: Any = None
    file: str = ""  # the record's file in that commit


@dataclass(frozen=True)
class BlameLine(Stamp):
    """A leaf of the current record and the commit that last set its value (commit "" and
    action "uncommitted" when the work tree differs from the last commit)."""

    field: str = ""
    value: Any = None


@dataclass(frozen=True)
class Activity(Stamp):
    """One record touched by one commit, for `cmty log` (kind "" when a trailer names a record
    whose file the commit did not change)."""

    kind: str = ""
    record: str = ""
    file: str = ""
    change: str = ""  # added, modified, deleted or renamed


def record_history(repo: Repo, record_id: str, field: str | None = None, since: str | None = None,
                   reveal: bool = False) -> list[Change]:
    """The record's life, oldest first, found by id in HEAD or (deleted) in the history. `field`
    keeps a dotted path and its children; `since` (YYYY-MM-DD) commits whose author date is that
    day or later. Personal fields are masked unless `reveal`."""
    _check_id(record_id)
    check_day(since, "--since")
    git = GitRepo(repo.root)
    path = _locate(git, record_id)
    kind = kind_of_path(path)
    usual = f"{kind.folder}/{record_id}.yaml" if kind else ""  # where a moved file most likely was
    changes = [c for c in _life(git, path, usual) if _wanted(c, field, since)]
    if reveal or kind is None:
        return changes
    return [replace(c, old=mask_field(kind.name, c.field, c.old),
                    new=mask_field(kind.name, c.field, c.new))
            if c.op in FIELD_OPS else c for c in changes]


def field_blame(repo: Repo, record_id: str, reveal: bool = False) -> list[BlameLine]:
    """For each leaf of the record as `cmty show` reads it (the work tree), the commit that last
    set its value; action "uncommitted" and no commit where it differs from the last commit."""
    record = find_record(repo, record_id)
    setters: dict[str, Change] = {}
    for change in record_history(repo, record_id, reveal=True):
        if change.op in ("created", "added", "changed"):
            setters[change.field] = change
        elif change.op in ("removed", "deleted"):
            setters.pop(change.field, None)
    lines = []
    for path, value in flatten(record.data).items():
        shown = value if reveal else mask_field(record.kind, path, value)
        setter = setters.get(path)
        if setter is None or not same(setter.new, value):
            lines.append(BlameLine("", "", "", "", UNCOMMITTED, "", path, shown))
        else:
            lines.append(BlameLine(**Stamp.of(setter), field=path, value=shown))
    return lines


def record_at(repo: Repo, record_id: str, rev_or_date: str) -> Record:
    """The record as it was at a git revision, or at the end of a day (YYYY-MM-DD): the last
    commit on HEAD's first-parent line made at or before 23:59:59 that day (committer date,
    local time). Read from git objects; the work tree is never touched."""
    return version_at(repo, record_id, rev_or_date)[0]


def version_at(repo: Repo, record_id: str, rev_or_date: str) -> tuple[Record, bytes]:
    """`record_at`, with the file's bytes as they were (for showing it as written)."""
    _check_id(record_id)
    git = GitRepo(repo.root)
    day = bool(_DATE.match(rev_or_date))
    if day:
        check_day(rev_or_date, "--at", BadRevisionError)
    commit = git.commit_at_end_of(rev_or_date) if day else git.resolve(rev_or_date)
    rel, blob = _in_tree(git, commit, record_id) or ("", "")
    raw = git.read_blobs([blob]).get(blob) if blob else None
    data = _data(raw)
    kind = kind_of_path(rel)
    if raw is None or data is None or kind is None:
        raise RecordNotFoundError(Text(f"在 {rev_or_date} 时没有编号为 {record_id} 的记录",
                                       f"no record has id {record_id} at {rev_or_date}"),
                                  Text(f"用 cmty history {record_id} 查看它何时建立",
                                       f"cmty history {record_id} shows when it was created"))
    return Record(kind.name, record_id, rel, data), raw


# --- finding the record ------------------------------------------------------------------------


def _check_id(record_id: str) -> None:
    if not _RECORD_ID.match(record_id):  # an id is never a path (nor a glob)
        raise UsageError(Text(f"{record_id!r} 不是记录编号", f"{record_id!r} is not a record id"),
                         Text("编号形如 M0012、V2026-0031 或 2026-11",
                              "ids look like M0012, V2026-0031 or 2026-11"))


def check_day(day: str | None, option: str, error: type[CmtyError] = UsageError) -> None:
    """Raise `error` unless `day` is None or a real date written YYYY-MM-DD."""
    try:
        ok = day is None or bool(_DATE.match(day) and date.fromisoformat(day))
    except ValueError:
        ok = False
    if not ok:
        raise error(Text(f"{option} 应为日期 YYYY-MM-DD，而不是 {day!r}", f"{option} takes a date YYYY-MM-DD, "
                         f"not {day!r}"), Text("例如 2026-11-05", "for example 2026-11-05"))


def _candidates(record_id: str) -> list[str]:
    return [f"{k.folder}/{record_id}{suffix}" for k in KINDS for suffix in YAML_SUFFIXES]


def record_kind(rel: str, record_id: str | None = None) -> Kind | None:
    """The kind of a record file (and, given an id, only if the file holds that record)."""
    kind = kind_of_path(rel)
    if kind is None or not is_yaml(rel) or "/." in "/" + rel:
        return None
    if record_id is None or record_id in (record_id_for(kind, rel), stem(rel)):
        return kind
    return None


def stem(rel: str) -> str:
    return rel.rsplit("/", 1)[-1].rsplit(".", 1)[0]


def _in_tree(git: GitRepo, rev: str, record_id: str) -> tuple[str, str] | None:
    """The path and blob of a record in the tree of `rev`: where ids usually are, else anywhere
    in a kind's folder."""
    for pathspecs in (_candidates(record_id), [k.folder for k in KINDS]):
        files = git.tree_files(rev, pathspecs)
        found = [r for r in _candidates(record_id) if r in files] or [
            r for r in sorted(files) if record_kind(r, record_id)]
        if found:
            return found[0], files[found[0]]
    return None


def _locate(git: GitRepo, record_id: str) -> str:
    """The record's file in HEAD, or where it was when last changed (a deleted record)."""
    found = _in_tree(git, "HEAD", record_id) if git.has_commits else None
    if found:
        return found[0]
    globs = [f":(glob){k.folder}/**/{record_id}{suffix}" for k in KINDS for suffix in YAML_SUFFIXES]
    matching = [f for f in git.last_change(globs) if record_kind(f.path, record_id)]
    matching.sort(key=lambda f: f.status == "D")  # a file that still exists first
    if matching:
        return matching[0].path
    raise RecordNotFoundError(
        Text(f"没有编号为 {record_id} 的记录，历史中也没有", f"no record has id {record_id}, now or in the history"),
        Text("用 cmty list KIND 查看现有编号，cmty log 查看修改记录",
             "cmty list KIND shows the ids there are; cmty log shows what changed"))


# --- versions as data ----------------------------------------------------------------------------


def _data(raw: bytes | None) -> dict[str, Any] | None:
    try:
        decoded = yamlio.decode(raw, _MAX_BYTES) if raw is not None else None
        data = yamlio.load_text(decoded.text) if decoded and decoded.text is not None else None
    except yamlio.YamlLoadError:
        return None
    return data if isinstance(data, dict) else None


def _life(git: GitRepo, path: str, guess: str) -> list[Change]:
    commits = [c for c in reversed(git.follow(path, guess)) if c.files]
    # One cat-file for every version; the old blob is (nearly always) the previous new blob.
    blobs = git.read_blobs([b for c in commits for b in (c.files[-1].old_blob, c.files[-1].new_blob)])
    out: list[Change] = []
    before: dict[str, Any] | None = None
    previous = ""
    for commit in commits:
        change = commit.files[-1]
        if change.old_blob != previous:  # compare with the parent's version, whatever came before
            before = _flat(blobs.get(change.old_blob))
        previous = change.new_blob
        before = _step(commit, change, before, _flat(blobs.get(change.new_blob)), out)
    return out


def _flat(raw: bytes | None) -> dict[str, Any] | None:
    data = _data(raw)
    return None if data is None else flatten(data)


def _step(commit: Commit, change: FileChange, before: dict[str, Any] | None,
          after: dict[str, Any] | None, out: list[Change]) -> dict[str, Any] | None:
    """Append what one commit did to the record (versions flattened; None: no file, or not a
    readable record); return the version to compare the next one with."""
    stamp = Stamp.of(commit)

    def add(op: str, field: str, old: Any, new: Any) -> None:
        out.append(Change(**stamp, op=op, field=field, old=old, new=new, file=change.path))
    start = len(out)
    if change.status == "D":
        for field, value in (before or {}).items():
            add("deleted", field, value, None)
        return None
    if change.old_path != change.path:
        add("moved", "", change.old_path, change.path)
    if after is None:
        add("unreadable", "", None, None)
        return before
    old = before or {}
    for field, value in after.items():
        if before is None:
            add("created", field, None, value)
        elif field not in old:
            add("added", field, None, value)
        elif not same(old[field], value):
            add("changed", field, old[field], value)
    for field, value in old.items():
        if field not in after:
            add("removed", field, value, None)
    if len(out) == start:
        add("format", "", None, None)
    return after


def _wanted(change: Change, field: str | None, since: str | None) -> bool:
    if since is not None and change.date[:10] < since:
        return False
    return field is None or change.field == field or change.field.startswith(field + ".")
