"""Where a run reads file bytes from: the work tree, the work tree with pending changes, or a
commit.

An edit validates the repository as it would be after the edit, before writing anything: the
pending files are an overlay on the work tree. `validate --at REV` reads a commit's blobs; the
files a run needs are fetched into the overlay in one batch first, so reading one at a time
through `read_bytes` is only the fallback.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class Source:
    root: Path
    overlay: dict[str, bytes | None] = field(default_factory=dict)  # None: deleted
    commit: str | None = None  # read the files as they were in this commit, not the work tree

    def read_bytes(self, rel: str) -> bytes:
        if self.commit is not None and rel not in self.overlay:
            from cmty import gitio

            blob = gitio.tree_blobs(self.root, self.commit).get(rel)
            raw = gitio.read_blobs(self.root, [blob]).get(blob) if blob else None
            if raw is None:
                raise FileNotFoundError(2, "No such file or directory", rel)
            return raw
        if rel in self.overlay:
            raw = self.overlay[rel]
            if raw is None:
                raise FileNotFoundError(2, "No such file or directory", rel)
            return raw
        return (self.root / rel).read_bytes()

    def read_text(self, rel: str) -> str:
        """The text for locating findings: undecodable bytes replaced, never an error."""
        try:
            return self.read_bytes(rel).decode("utf-8", errors="replace")
        except OSError:
            return ""

    def listing(self, listed: list[str]) -> list[str]:
        """A file listing with the overlay's additions and deletions applied."""
        if not self.overlay:
            return listed
        gone = {rel for rel, raw in self.overlay.items() if raw is None}
        present = [rel for rel in listed if rel not in gone]
        known = set(present)
        return present + sorted(rel for rel, raw in self.overlay.items()
                                if raw is not None and rel not in known)
