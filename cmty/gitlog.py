"""A data repository's git history, read with plain `git` subprocesses.

Plain `git` rather than GitPython: GitPython is slower at walking history, cannot follow a file
through renames, and keeps `git cat-file` processes alive between calls. Every function here runs
git to completion (`subprocess.run`), so no git process outlives a call.

Paths given to and returned by this module are relative to the data repository's root, which may
be a sub-folder of the git work tree; git prints paths from the top of the work tree, so the
prefix is stripped here. `--relative` is not used: git ignores it for the combined diffs of merges.
"""

from __future__ import annotations

import os
import re
import subprocess
from collections.abc import Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from datetime import date, timedelta
from functools import cached_property
from pathlib import Path

from cmty.commits import Commit, FileChange
from cmty.errors import BadRevisionError, NotAGitRepoError, git_failed
from cmty.findings import Text

# One commit: RS, NUL-separated fields, trailers separated by US, GS, then its changed files.
_FORMAT = "--format=%x1e%H%x00%P%x00%an%x00%ae%x00%aI%x00%s%x00%(trailers:only,unfold,separator=%x1f)%x1d"
# Options that keep a user's git configuration from changing what we parse.
_LOG_OPTIONS = ("--no-show-signature", "--no-color", "--encoding=UTF-8", "--no-ext-diff", "--root",
                "-M", "-z", _FORMAT)
_SLICE = 2000  # commits below which one more git process is not worth starting
_STATUS = re.compile(rb"^[A-Z]+[0-9]*$")


class GitRepo:
    """The git repository holding a data repository at `root`."""

    def __init__(self, root: Path) -> None:
        self.root = root
        out = self._run("rev-parse", "--show-prefix", "--git-common-dir", check=False)
        if out is None:
            raise NotAGitRepoError(
                Text(f"{root} 不在 git 仓库中，没有修改历史", f"{root} is not in a git repository: "
                     "there is no history"),
                Text("在数据仓库中运行 git init 并提交，或用 cmty init 新建数据仓库",
                     "run git init in the data repository and commit, or create one with cmty init"))
        lines = out.decode("utf-8", "surrogateescape").split("\n")
        self.prefix, self.common_dir = lines[0], root / lines[1]

    def _run(self, *args: str, check: bool = True, stdin: bytes | None = None) -> bytes | None:
        try:
            done = subprocess.run(["git", "-c", "core.quotepath=off", *args], cwd=self.root,
                                  input=stdin, capture_output=True, check=False)
        except FileNotFoundError:
            raise NotAGitRepoError(Text("找不到 git 程序", "git is not installed"),
                                   Text("安装 git 后重试", "install git and try again")) from None
        if done.returncode != 0:
            if check:
                raise git_failed(args, done.stderr)
            return None
        return done.stdout

    @cached_property
    def has_commits(self) -> bool:
        return self._run("rev-parse", "-q", "--verify", "HEAD^{commit}", check=False) is not None

    @cached_property
    def has_path_filters(self) -> bool:
        """Whether the commit-graph holds changed-path Bloom filters (its BIDX chunk): then the
        log of one path is cheap, and walking a second one at the same time is worth it."""
        info = self.common_dir / "objects" / "info"
        for graph in [info / "commit-graph", *sorted(info.glob("commit-graphs/*.graph"))]:
            try:
                with graph.open("rb") as fh:
                    head = fh.read(512)
            except OSError:
                continue
            if len(head) > 8 and b"BIDX" in head[8: 8 + 12 * (head[6] + 1)]:  # the chunk table
                return True
        return False

    def _local(self, top_path: str) -> str | None:
        """A path from the top of the work tree, relative to the data repository (None: outside)."""
        if not self.prefix:
            return top_path
        return top_path[len(self.prefix):] if top_path.startswith(self.prefix) else None

    def log(self, *args: str, rev: str = "HEAD", pathspecs: Sequence[str] = ()) -> list[Commit]:
        """`git log ARGS REV -- PATHSPECS`, newest first; [] in a repository without commits."""
        if not self.has_commits:
            return []
        out = self._run("log", *_LOG_OPTIONS, *args, rev, "--", *pathspecs)
        return list(self._parse(out or b""))

    def follow(self, path: str, guess: str = "") -> list[Commit]:
        """The commits of HEAD that changed one file, newest first, through renames, with blobs.

        First parent only: a merge appears as one commit holding everything it brought in (its
        diff against its first parent), and renames are only well defined along one line.
        Renames are followed here rather than with `--follow`: `git log -- PATH` for one literal
        path can skip commits with the commit-graph's changed-path Bloom filters, `--follow`
        cannot (0.3 s instead of 2 s for 10,000 commits; see bench/history.py). When the oldest
        commit of a path added the file, that commit's own diff says whether it was a rename,
        and the walk goes on from its parent under the old name. `guess`, a name the file
        probably had before, is walked at the same time and used if a rename leads there.
        """
        names = [path, guess] if guess and guess != path and self.has_path_filters else [path]
        with ThreadPoolExecutor(len(names)) as pool:
            early = dict(zip(names, pool.map(self._path_log, names), strict=True))
        found: list[Commit] = []
        commits = early.pop(path)
        while True:
            oldest = commits[-1] if commits else None
            added = oldest.files[-1] if oldest and oldest.files else None
            source = self._renamed_to(oldest, path) if oldest and added and added.status == "A" else None
            if oldest is None or added is None or source is None:
                return found + commits
            renamed = FileChange("R", path, source.old_path, source.old_blob, added.new_blob)
            found += [*commits[:-1], replace(oldest, files=(renamed,))]
            path = source.old_path
            # The first-parent line below the rename is the tail of the one from HEAD.
            walked = early.pop(path, [])
            cut = next((i for i, c in enumerate(walked) if c.id == oldest.id), None)
            commits = walked[cut + 1:] if cut is not None else self._path_log(path, oldest.parents[0])

    def _path_log(self, path: str, rev: str = "HEAD") -> list[Commit]:
        return self.log("--first-parent", "--diff-merges=first-parent", "--raw", "--no-abbrev",
                        rev=rev, pathspecs=[f":(literal){path}"])

    def _renamed_to(self, commit: Commit, path: str) -> FileChange | None:
        """The rename by which `commit` created `path` (compared with its first parent), if any."""
        if not commit.parents:
            return None
        out = self._run("diff-tree", "-r", "-M", "--raw", "--no-abbrev", "-z", "--no-ext-diff",
                        commit.parents[0], commit.id) or b""
        return next((f for f in self._files(out) if f.status == "R" and f.path == path), None)

    def changes(self, since: str | None = None, author: str | None = None, jobs: int = 0) -> list[Commit]:
        """Every commit of HEAD (both sides of merges) with the files it changed, newest first.

        Merges show only the files they changed themselves (conflict resolutions). `since`
        (YYYY-MM-DD) compares the author's calendar day; `author` matches part of the name or
        email, ignoring case. No pathspec: limiting the walk to folders doubles git's time, and
        the caller picks the files it wants. Diffing the trees is nearly all of the time, so a
        long history is cut into `jobs` slices of the same walk (`--skip`, `--max-count`: a
        skipped commit is not diffed) that run at once; 0 means one per core, up to 4.
        """
        if not self.has_commits:
            return []
        limits = []
        if since:  # git's --since compares committer dates: a day's margin, then the exact day
            limits.append(f"--since={date.fromisoformat(since) - timedelta(days=1)} 00:00:00")
        if author:
            limits += ["--fixed-strings", "--regexp-ignore-case", f"--author={author}"]
        count = int(self._run("rev-list", "--count", *limits, "HEAD") or b"0")
        jobs = jobs or min(os.cpu_count() or 1, 4, 1 + count // _SLICE)
        size = -(-count // jobs)
        args = [*_LOG_OPTIONS, "--name-status", "--diff-merges=dense-combined", *limits, "HEAD", "--"]
        with ThreadPoolExecutor(jobs) as pool:
            outs = list(pool.map(lambda i: self._run("log", f"--skip={i * size}", f"--max-count={size}", *args),
                                 range(jobs)))
        commits = [c for out in outs for c in self._parse(out or b"")]
        return [c for c in commits if c.date[:10] >= since] if since else commits

    def last_change(self, pathspecs: Sequence[str]) -> tuple[FileChange, ...]:
        """The files matching `pathspecs` in the newest first-parent commit that changed one."""
        found = self.log("-1", "--first-parent", "--diff-merges=first-parent", "--name-status",
                         pathspecs=pathspecs)
        return found[0].files if found else ()

    def _parse(self, out: bytes) -> Iterator[Commit]:
        for chunk in out.split(b"\x1e")[1:]:
            head, _, body = chunk.partition(b"\x1d")
            fields = head.decode("utf-8", "replace").split("\x00")
            commit_id, parents, author, email, date, subject, trailers = fields[:7]
            pairs = tuple((k.strip(), v.strip()) for k, _, v in
                          (t.partition(":") for t in trailers.split("\x1f") if ":" in t))
            yield Commit(commit_id, tuple(parents.split()), author, email, date, subject, pairs,
                         tuple(self._files(body)))

    def _files(self, body: bytes) -> Iterator[FileChange]:
        tokens = body.lstrip(b"\x00\n").split(b"\x00")
        i = 0
        while i < len(tokens):
            token = tokens[i]
            old_blob = new_blob = ""
            if token.startswith(b":"):  # --raw: ":mode mode old new STATUS"
                parts = token.split(b" ")
                old_blob, new_blob = parts[2].decode(), parts[3].decode()
                token = parts[-1]
            if not _STATUS.match(token):
                i += 1
                continue
            status = token.decode()
            two = status[0] in "RC" and status[1:].isdigit()
            paths = [p.decode("utf-8", "surrogateescape") for p in tokens[i + 1: i + (3 if two else 2)]]
            i += 3 if two else 2
            local = [self._local(p) for p in paths]
            if local[-1] is None:
                continue
            yield FileChange(status[0], local[-1], local[0] or local[-1], _blob(old_blob), _blob(new_blob))

    def read_blobs(self, blob_ids: Sequence[str]) -> dict[str, bytes]:
        """Many blobs through ONE `git cat-file --batch`: ids in, sized responses out."""
        wanted = list(dict.fromkeys(b for b in blob_ids if b))
        if not wanted:
            return {}
        out = self._run("cat-file", "--batch", stdin="".join(f"{b}\n" for b in wanted).encode())
        blobs: dict[str, bytes] = {}
        pos = 0
        data = out or b""
        for blob in wanted:
            end = data.index(b"\n", pos)
            header = data[pos:end].split(b" ")
            pos = end + 1
            if len(header) == 3:  # "<id> <type> <size>", then the bytes and a newline
                size = int(header[2])
                blobs[blob] = data[pos: pos + size]
                pos += size + 1
        return blobs

    def resolve(self, rev: str) -> str:
        """The commit id a revision names; BadRevisionError when it names none."""
        out = None
        if rev and not rev.startswith("-") and self.has_commits:
            out = self._run("rev-parse", "-q", "--verify", "--end-of-options", f"{rev}^{{commit}}",
                            check=False)
        if not out:
            raise BadRevisionError(Text(f"{rev!r} 不是本仓库中的提交、分支、标签或日期",
                                        f"{rev!r} is not a commit, branch, tag or date in this repository"),
                                   Text("用 cmty log 或 git log 查看提交；日期写成 YYYY-MM-DD",
                                        "cmty log or git log lists the commits; write dates as YYYY-MM-DD"))
        return out.decode().strip()

    def commit_at_end_of(self, day: str) -> str:
        """The last commit on the first-parent line of HEAD made at or before the end of `day`."""
        out = None
        if self.has_commits:
            out = self._run("rev-list", "-1", "--first-parent", f"--before={day} 23:59:59", "HEAD")
        if not out:
            raise BadRevisionError(Text(f"{day} 当天或之前没有提交", f"no commit on or before {day}"),
                                   Text("用 cmty log 查看最早的提交", "cmty log shows the earliest commits"))
        return out.decode().strip()

    def tree_files(self, rev: str, pathspecs: Sequence[str]) -> dict[str, str]:
        """Path → blob id of every file under `pathspecs` in the tree of `rev`."""
        out = self._run("ls-tree", "-r", "-z", "--full-name", rev, "--", *pathspecs) or b""
        files: dict[str, str] = {}
        for entry in out.split(b"\x00"):
            meta, _, top_path = entry.partition(b"\t")
            parts = meta.split(b" ")
            local = self._local(top_path.decode("utf-8", "surrogateescape"))
            if len(parts) == 3 and parts[1] == b"blob" and local is not None:
                files[local] = parts[2].decode()
        return files


def _blob(raw_id: str) -> str:
    return "" if raw_id.strip("0") == "" else raw_id  # all zeros: no blob (added or deleted)
