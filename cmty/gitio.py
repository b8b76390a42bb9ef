"""The few git facts cmty needs, from plain `git` subprocesses.

Plain `git` is as fast as or faster than GitPython for these, and leaves no process running
after a command ends.
"""

from __future__ import annotations

import contextlib
import hashlib
import re
import subprocess
from pathlib import Path


def run(root: Path, *args: str) -> bytes | None:
    """Run git in `root`; None when git is missing or `root` is not in a work tree."""
    try:
        done = subprocess.run(["git", *args], cwd=root, capture_output=True, check=False)
    except FileNotFoundError:
        return None
    return done.stdout if done.returncode == 0 else None


def blob_id(raw: bytes) -> str:
    """The id git gives a blob with these bytes (so our cache keys equal git's)."""
    return hashlib.sha1(b"blob %d\x00" % len(raw) + raw, usedforsecurity=False).hexdigest()


def git_dir(root: Path) -> Path | None:
    out = run(root, "rev-parse", "--absolute-git-dir")
    return Path(out.decode().strip()) if out else None


def _start(root: Path, *args: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen(["git", *args], cwd=root, stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL)


# git listings started ahead (see `prefetch_inventory`), by the resolved root they list.
_STARTED: dict[Path, list[subprocess.Popen[bytes]]] = {}


def _start_inventory(root: Path) -> list[subprocess.Popen[bytes]]:
    return [_start(root, "ls-files", "--stage", "-z"),
            _start(root, "diff-files", "--relative", "--name-only", "-z"),
            _start(root, "ls-files", "--others", "--exclude-standard", "-z")]


def prefetch_inventory(root: Path) -> None:
    """Start listing `root` now, for `inventory` to read later: git works on the other core
    while Python imports the rules (about 0.2 s of a street's run after one changed file)."""
    key = root.resolve()
    if key not in _STARTED:
        with contextlib.suppress(FileNotFoundError):  # no git: inventory will say so
            _STARTED[key] = _start_inventory(root)


def inventory(root: Path) -> tuple[list[str], dict[str, str], list[str]] | None:
    """Every file git sees under `root` (tracked or untracked, not ignored), the blob ids of
    those whose work-tree copy matches the index, and the tracked files deleted from the work
    tree; None outside a git work tree.

    The three git commands run at once: listing through git is faster than walking the folders
    in Python, and the blob ids come with it.
    """
    try:
        procs = _STARTED.pop(root.resolve(), None) or _start_inventory(root)
    except FileNotFoundError:
        return None
    outputs = [proc.communicate()[0] for proc in procs]
    if any(proc.returncode != 0 for proc in procs):
        return None
    staged, changed, untracked = outputs
    blobs = _parse_stage(staged)
    files = list(blobs)
    deleted: list[str] = []
    for raw in changed.split(b"\x00"):
        if raw:
            path = raw.decode("utf-8", "surrogateescape")
            blobs.pop(path, None)
            if not (root / path).exists():
                files.remove(path)
                deleted.append(path)
    files += [p.decode("utf-8", "surrogateescape") for p in untracked.split(b"\x00") if p]
    return files, blobs, deleted


# `git ls-files --stage -z`: "<mode> <blob> <stage>\t<path>\0"; stage 0 = not in a merge conflict
_STAGED = re.compile(r"[0-7]+ ([0-9a-f]{40,64}) 0\t([^\x00]*)\x00")


def _parse_stage(staged: bytes) -> dict[str, str]:
    return {path: blob for blob, path in _STAGED.findall(staged.decode("utf-8", "surrogateescape"))}


def tracked_blobs(root: Path) -> dict[str, str] | None:
    """Blob id of every tracked file under `root` whose work-tree copy matches the index.

    Files changed in the work tree, and untracked files, are left out: the caller hashes those
    itself. None when `root` is not inside a git work tree.
    """
    staged = run(root, "ls-files", "--stage", "-z")
    if staged is None:
        return None
    blobs = _parse_stage(staged)
    changed = run(root, "diff-files", "--relative", "--name-only", "-z") or b""
    for path in changed.split(b"\x00"):
        blobs.pop(path.decode("utf-8", "surrogateescape"), None)
    return blobs


def resolve(root: Path, rev_or_date: str) -> str | None:
    """A commit id for a revision, or for a date (YYYY-MM-DD: the last commit that day or before)."""
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", rev_or_date):
        out = run(root, "rev-list", "-1", f"--before={rev_or_date} 23:59:59", "HEAD")
    else:
        out = run(root, "rev-parse", "--verify", "-q", f"{rev_or_date}^{{commit}}")
    commit = out.decode().strip() if out else ""
    return commit or None


def tree_blobs(root: Path, commit: str) -> dict[str, str]:
    """Every file under `root` in a commit, with its blob id (paths relative to `root`)."""
    out = run(root, "ls-tree", "-r", "-z", commit) or b""
    blobs: dict[str, str] = {}
    for entry in out.split(b"\x00"):
        meta, _, path = entry.partition(b"\t")
        parts = meta.split()
        if len(parts) == 3 and parts[1] == b"blob":
            blobs[path.decode("utf-8", "surrogateescape")] = parts[2].decode()
    return blobs


def read_blobs(root: Path, blobs: list[str]) -> dict[str, bytes]:
    """The bytes of many blobs through one `git cat-file --batch` process."""
    if not blobs:
        return {}
    done = subprocess.run(["git", "cat-file", "--batch"], cwd=root, check=False,
                          input="".join(f"{b}\n" for b in blobs).encode(), capture_output=True)
    out, pos, found = done.stdout, 0, {}
    for blob in blobs:
        header_end = out.index(b"\n", pos)
        header = out[pos:header_end].split()
        pos = header_end + 1
        if len(header) == 3:
            size = int(header[2])
            found[blob] = out[pos : pos + size]
            pos += size + 1
    return found
