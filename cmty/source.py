"""Where a run reads file bytes from: the work tree, or the work tree with pending changes.

An edit validates the repository as it would be after the edit, before writing anything: the
pending files are an overlay on the work tree.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class Source:
    root: Path
    overlay: dict[str, bytes | None] = field(default_factory=dict)  # None: deleted

    def read_bytes(self, rel: str) -> bytes:
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
