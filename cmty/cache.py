"""Per-file check results keyed by git blob id, so a cache entry can never be stale.

A blob id names exact bytes; the cache file's name also carries what else a result depends on
(cmty's version, the schemas, cmty.yaml and the date), so a change to any of them starts a new
cache. The cache lives inside the git directory, never in the work tree.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import tempfile
from pathlib import Path
from typing import Any

from cmty import __version__, gitio
from cmty.schemas import schema_dir

_FORMAT = 1


def fingerprint(config_bytes: bytes, today: str) -> str:
    digest = hashlib.sha256(f"{_FORMAT}:{__version__}:{today}:".encode())
    digest.update(config_bytes)
    for path in sorted(schema_dir().glob("*.schema.yaml")):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:20]


class ResultCache:
    """A dict from blob id to a file's facts (plain values), loaded at start, saved at the end."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self._old: dict[str, Any] = {}
        self._new: dict[str, Any] = {}
        self.hits = 0
        if path is not None and path.is_file():
            try:
                loaded = marshal.loads(path.read_bytes())
                self._old = loaded if isinstance(loaded, dict) else {}
            except (OSError, ValueError, EOFError, TypeError):
                self._old = {}  # a damaged cache is only a slower run

    @classmethod
    def for_repo(cls, root: Path, key: str) -> ResultCache:
        git_dir = gitio.git_dir(root)
        if git_dir is None:
            return cls(None)
        scope = hashlib.sha256(str(root.resolve()).encode()).hexdigest()[:12]
        return cls(git_dir / "cmty" / f"validate-{scope}-{key}.marshal")

    def get(self, blob: str) -> Any:
        value = self._old.get(blob)
        if value is not None:
            self.hits += 1
            self._new[blob] = value
        return value

    def put(self, blob: str, value: Any) -> None:
        self._new[blob] = value

    def save(self) -> None:
        """Keep exactly this run's entries; older caches of the same repository are removed."""
        if self.path is None or (self._new.keys() == self._old.keys()):
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            for stale in self.path.parent.glob(self.path.name.rsplit("-", 1)[0] + "-*.marshal"):
                if stale != self.path:
                    stale.unlink(missing_ok=True)
            fd, tmp = tempfile.mkstemp(dir=self.path.parent, suffix=".tmp")
            with os.fdopen(fd, "wb") as fh:
                marshal.dump(self._new, fh)
            os.replace(tmp, self.path)
        except OSError:
            pass  # a read-only git directory only means the next run is cold
