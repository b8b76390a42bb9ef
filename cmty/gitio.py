"""The few git facts cmty needs, from plain `git` subprocesses.

Plain `git` is as fast as or faster than GitPython for these, and leaves no process running
after a command ends.
"""

from __future__ import annotations

import hashlib
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


def tracked_blobs(root: Path) -> dict[str, str] | None:
    """Blob id of every tracked file under `root` whose work-tree copy matches the index.

    Files changed in the work tree, and untracked files, are left out: the caller hashes those
    itself. None when `root` is not inside a git work tree.
    """
    staged = run(root, "ls-files", "--stage", "-z")
    if staged is None:
        return None
    blobs: dict[str, str] = {}
    for entry in staged.split(b"\x00"):
        if not entry:
            continue
        meta, _, path = entry.partition(b"\t")
        parts = meta.split()
        if len(parts) == 3 and parts[2] == b"0":
            blobs[path.decode("utf-8", "surrogateescape")] = parts[1].decode()
    changed = run(root, "diff-files", "--relative", "--name-only", "-z") or b""
    for path in changed.split(b"\x00"):
        blobs.pop(path.decode("utf-8", "surrogateescape"), None)
    return blobs
