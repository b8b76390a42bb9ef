"""The repository's activity (`cmty log`): one line per record a commit changed, from the
`Cmty-Record` trailers, or from the record files changed when a commit was made by hand."""

from __future__ import annotations

from cmty.commits import Commit, FileChange
from cmty.gitlog import GitRepo
from cmty.history import Activity, Stamp, check_day, record_kind, stem
from cmty.kinds import Kind, record_id_for
from cmty.query import kind_named
from cmty.repo import Repo


def activity(repo: Repo, kind: str | None = None, since: str | None = None, author: str | None = None,
             action: str | None = None) -> list[Activity]:
    """One line per record a commit changed, newest first, over every commit of HEAD: the
    `Cmty-Record` trailers, else the record files changed. `author`: part of a name or email."""
    check_day(since, "--since")
    if kind:
        kind_named(kind)  # an unknown kind is a usage error
    out: list[Activity] = []
    for commit in GitRepo(repo.root).changes(since, author):
        out.extend(a for a in _activities(commit)
                   if (action is None or a.action == action) and (kind is None or a.kind == kind))
    return out


def _activities(commit: Commit) -> list[Activity]:
    stamp = Stamp.of(commit)
    files: dict[str, tuple[Kind, FileChange]] = {}
    for change in commit.files:
        kind = record_kind(change.path)
        if kind is not None:
            files.setdefault(record_id_for(kind, change.path), (kind, change))
    by_stem = {stem(change.path): (kind, change) for kind, change in files.values()}
    out = []
    for record in commit.trailer("Cmty-Record") or list(files):
        found = files.get(record) or by_stem.get(record)
        out.append(Activity(**stamp, kind=found[0].name if found else "", record=record,
                            file=found[1].path if found else "", change=found[1].change if found else "modified"))
    return out
