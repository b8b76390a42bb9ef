"""Publishing a period's boards, and the seal that keeps them honest afterwards.

`publish` renders every board of a period into boards/<period>/, commits them, and makes the
annotated tag board/<period> (signed when git has a signing key). The tag's message is the seal:
the blob of each board file as rendered, and the blob of each record file the boards show, as
committed. A later edit of what such a record says (not of its comments or layout, nor of fields
recorded later, such as a fee file's remittance), or of a board file, no longer matches its seal,
and `cmty validate` says so (cmty.sealcheck): a correction is a new record that refers to the
original, like a reversing voucher, so that what residents read stays true.
"""

from __future__ import annotations

import difflib
import re
import subprocess
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from functools import partial
from typing import TYPE_CHECKING

from cmty import gitio
from cmty.dates import bounds_of, day, month_of, month_span
from cmty.findings import Text
from cmty.kinds import KINDS as RECORD_KINDS
from cmty.repo import Repo

if TYPE_CHECKING:  # validation reads seals on every run; rendering is loaded only to publish
    from cmty.rules.base import Records
    from cmty.transaction import Outcome

TAG_PREFIX = "board/"
SEAL_MARK = "cmty-board-seal: 1"


@dataclass(frozen=True, slots=True)
class Seal:
    """What a board/<period> tag says was published."""

    tag: str
    period: str
    lang: str
    as_of: date
    on: str                      # the tag's date, YYYY-MM-DD
    boards: dict[str, str]       # board file → blob as rendered
    covers: dict[str, str]       # record file → blob as committed
    folder: str = ""             # the data repository's folder in its git work tree ("" at the top)

    def text(self) -> str:
        lines = [f"公开 {self.period} / boards published for {self.period}", "", SEAL_MARK,
                 f"period: {self.period}", f"lang: {self.lang}", f"as-of: {self.as_of}"]
        lines += [f"folder: {self.folder}"] if self.folder else []
        lines += [f"board {blob} {path}" for path, blob in sorted(self.boards.items())]
        lines += [f"covers {blob} {path}" for path, blob in sorted(self.covers.items())]
        return "\n".join(lines) + "\n"


def parse_seal(tag: str, on: str, message: str) -> Seal | None:
    """A Seal from a tag's message; None for a tag cmty did not write."""
    if SEAL_MARK not in message:
        return None
    fields: dict[str, str] = {}
    files: dict[str, dict[str, str]] = {"board": {}, "covers": {}}
    for line in message.splitlines():
        word, _, rest = line.partition(" ")
        if word in files:
            blob, _, path = rest.partition(" ")
            files[word][path] = blob
        elif ": " in line:
            key, _, value = line.partition(": ")
            fields[key] = value
    as_of = day(fields.get("as-of"))
    if as_of is None or "period" not in fields:
        return None
    return Seal(tag, fields["period"], fields.get("lang", "zh"), as_of, on, files["board"],
                files["covers"], fields.get("folder", "").strip())


def seals(repo: Repo, commit: str | None = None, *, merged: bool = True) -> list[Seal]:
    """Every board seal of this data repository, oldest period first: those reachable from
    `commit` (default HEAD), or all of them with merged=False. Other data folders of the same
    git work tree have their own."""
    reachable = ["--merged", commit or "HEAD"] if merged else []
    out = gitio.run(repo.root, "for-each-ref", *reachable,
                    "--format=%(refname:strip=2)%00%(creatordate:short)%00%(contents)%00",
                    f"refs/tags/{TAG_PREFIX}")
    # A message cannot hold a NUL, so the fields come in threes, whatever the messages say.
    fields = (out or b"").decode("utf-8", "replace").split("\x00")
    folder = repo.prefix_in_git().rstrip("/")
    found = [seal for i in range(0, len(fields) - 2, 3)
             if (seal := parse_seal(fields[i].lstrip("\n"), fields[i + 1], fields[i + 2])) is not None
             and seal.folder == folder]
    return sorted(found, key=lambda s: (bounds_of(s.period) or (date.max, date.max), s.tag))


def tag_name(repo: Repo, period: str) -> str:
    """board/2026Q3, or board/<folder>/2026Q3 for a data repository in a folder of a bigger git
    work tree (each folder publishes its own boards)."""
    folder = re.sub(r"[\s~^:?*\[\\]+", "-", repo.prefix_in_git().rstrip("/"))
    return f"{TAG_PREFIX}{folder + '/' if folder else ''}{period}"


def published(repo: Repo, period: str) -> Seal | None:
    """The seal of `period`, wherever its tag points."""
    return next((s for s in seals(repo, merged=False) if s.period == period), None)


def board_path(period: str, kind: str) -> str:
    return f"boards/{period}/{period}-{kind}.md"


def covered(records: Records, kind: str, period: str, as_of: date) -> list[str]:
    """The record files whose content a board of `kind` shows, so that editing one changes what
    residents were told: every voucher up to the period's end (its balances rest on them), the
    fee files of its months, the meetings whose decisions, hearings, elections or grades it
    lists, and the complaints it counts as answered."""
    from cmty.affairsboard import RESIDENTS_MEETINGS
    from cmty.board import period_bounds

    first, last = period_bounds(period)

    def dated(rec_kind: str) -> Iterator[tuple[date, str, dict[str, object]]]:
        for rec in records.of(rec_kind):
            when = day(rec.data.get("date"))
            if when is not None and when <= min(last, as_of):
                yield when, rec.file, rec.data

    if kind == "finance":
        return sorted([f for _, f, _ in dated("voucher")] + [
            d.file for d in records.of("disclosure")
            if d.data.get("kind") == "财务" and str(d.data.get("period")) == period])
    if kind == "dues":
        months = set(month_span(month_of(first), month_of(last)))
        return sorted(f.file for f in records.of("fee") if str(f.data.get("period")) in months)
    if kind == "residents":
        shown = (*RESIDENTS_MEETINGS, "听证会", "联席会议")
        meetings = [f for when, f, data in dated("meeting") if when >= first and data.get("type") in shown]
        answered = [f for when, f, data in dated("complaint") if when >= first
                    and (answer := day(data.get("answered_on"))) is not None and answer <= as_of]
        return sorted(meetings + answered)
    return sorted(f for when, f, data in dated("meeting")
                  if when >= first and (data.get("election") or data.get("grades")))


@dataclass(frozen=True, slots=True)
class Published:
    tag: str
    outcome: Outcome
    covers: int
    signed: bool


def publish(repo: Repo, records: Records, period: str, today: date, lang: str) -> Published:
    """Render, commit and tag every board of `period`; on any failure nothing is left behind."""
    from cmty import boards
    from cmty.board import BoardError
    from cmty.transaction import EditRefused, Message, Outcome, apply

    tag = tag_name(repo, period)
    _refuse_unpublishable(repo, period, today)
    if gitio.run(repo.root, "rev-parse", "--verify", "-q", f"refs/tags/{tag}") is not None:
        raise EditRefused(Text(f"{period} 的公开已发布（标签 {tag}），不能重新发布",
                               f"the boards of {period} were published already (tag {tag})"),
                          Text(f"更正请新建记录并引用原记录；cmty board diff {period} 可看出重新生成会有何不同",
                               f"correct by a new record that refers to the original; cmty board diff "
                               f"{period} shows what a new rendering would change"))
    _refuse_uncommitted_records(repo)
    try:
        due = boards.due_kinds(records.config, period)
        made = {board_path(period, kind): boards.render(records, kind, period, today, lang) for kind in due}
    except BoardError as exc:
        raise EditRefused(exc.message, exc.hint) from None
    blobs = gitio.tracked_blobs(repo.root) or {}
    covers = {path: blobs[path] for kind in due for path in covered(records, kind, period, today)
              if path in blobs}
    seal = Seal(tag, period, lang, today, str(today),
                {path: gitio.blob_id(text.encode("utf-8")) for path, text in made.items()}, covers,
                repo.prefix_in_git().rstrip("/"))
    signed = _signing_key(repo)
    message = Message(f"发布 {period} 公开栏", f"publish the boards of {period}", "board.publish",
                      tuple(sorted(made)))
    if all(blobs.get(path) == blob for path, blob in seal.boards.items()):
        # The boards were committed as they are now (say, after cmty board --all): seal that commit.
        head = (gitio.run(repo.root, "rev-parse", "HEAD") or b"").decode().strip()
        _tag(repo, tag, head, seal.text(), signed)
        return Published(tag, Outcome(sorted(made), head), len(covers), signed)
    folder = repo.root / "boards" / period
    try:
        outcome = apply(repo, lambda: ({p: t.encode("utf-8") for p, t in made.items()}, message),
                        after_commit=lambda commit: _tag(repo, tag, commit, seal.text(), signed))
    except BaseException:
        if folder.is_dir() and not any(folder.iterdir()):
            folder.rmdir()  # made for the boards that were put back
        raise
    return Published(tag, outcome, len(covers), signed)


def _refuse_unpublishable(repo: Repo, period: str, today: date) -> None:
    """A board is published on a branch, after its period has ended."""
    from cmty.board import period_bounds
    from cmty.transaction import EditRefused

    if gitio.run(repo.root, "symbolic-ref", "-q", "HEAD") is None:
        raise EditRefused(Text("当前不在任何分支上（HEAD 游离），公开不能发布在这里",
                               "HEAD is not on a branch (detached): boards are not published here"),
                          Text("先切换到主分支：git switch main", "switch to the main branch first: "
                               "git switch main"))
    last = period_bounds(period)[1]
    if today <= last:
        raise EditRefused(Text(f"{period} 到 {last} 才结束，结束后才能发布（--as-of {today}）",
                               f"{period} ends on {last}; its boards are published after that "
                               f"(--as-of {today})"),
                          Text("期间结束后再发布；预览用 cmty board --all", "publish once the period has "
                               "ended; preview with cmty board --all"))


def _refuse_uncommitted_records(repo: Repo) -> None:
    """A seal names committed blobs: records changed but not committed would make it a lie."""
    from cmty.transaction import EditRefused

    folders = [kind.folder for kind in RECORD_KINDS]
    out = gitio.run(repo.root, "status", "--porcelain", "-z", "--", *folders, "cmty.yaml") or b""
    dirty = sorted(entry[3:].decode("utf-8", "surrogateescape")
                   for entry in out.split(b"\x00") if len(entry) > 3)
    if dirty:
        shown = "、".join(dirty[:5]) + ("…" if len(dirty) > 5 else "")
        raise EditRefused(Text(f"有未提交的记录（{shown}），公开须依据已提交的记录",
                               f"records are not committed ({shown}); boards are published from "
                               "committed records"),
                          Text("先提交（git commit）或撤销这些修改", "commit (git commit) or discard "
                               "these changes first"))


def _signing_key(repo: Repo) -> bool:
    out = gitio.run(repo.root, "config", "--get", "user.signingkey")
    return bool(out and out.strip())


def _tag(repo: Repo, tag: str, commit: str, text: str, signed: bool) -> None:
    from cmty.transaction import EditRefused

    done = subprocess.run(["git", "tag", "-s" if signed else "-a", tag, commit, "-F", "-"],
                          cwd=repo.root, input=text, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        detail = (done.stderr or done.stdout).strip().splitlines()[-1:] or [""]
        raise EditRefused(Text(f"无法建立标签 {tag}：{detail[0]}；未发布", f"could not make tag {tag}: "
                               f"{detail[0]}; nothing was published"),
                          Text("检查 git 的签名设置（user.signingkey、gpg）", "check git's signing "
                               "settings (user.signingkey, gpg)"))


def unified_diff(old: str, new: str, path: str) -> str:
    return "".join(difflib.unified_diff(old.splitlines(keepends=True), new.splitlines(keepends=True),
                                        f"a/{path}", f"b/{path}"))


def rendered_again(repo: Repo, records: Records, seal: Seal) -> Iterator[tuple[str, str, Callable[[], str]]]:
    """(board file, what `seal` published, a call rendering it from `records` now — as of the
    same day and in the same language) for each published board; the call may raise BoardError."""
    from cmty import boards

    published = gitio.read_blobs(repo.root, list(seal.boards.values()))
    for path, blob in sorted(seal.boards.items()):
        kind = path.rsplit("-", 1)[-1].removesuffix(".md")
        if kind in boards.KINDS:
            yield (path, published.get(blob, b"").decode("utf-8", "replace"),
                   partial(boards.render, records, kind, seal.period, seal.as_of, seal.lang))


def diff(repo: Repo, records: Records, seal: Seal) -> dict[str, str]:
    """Board file → unified diff between what `seal` published and what the records give now;
    boards that would not change are left out."""
    changed = {}
    for path, old, render in rendered_again(repo, records, seal):
        new = render()
        if new != old:
            changed[path] = unified_diff(old, new, path)
    return changed
