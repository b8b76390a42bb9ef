"""What cmty knows of a commit: who, when, why (subject and trailers), and the files it changed."""

from __future__ import annotations

from dataclasses import dataclass

_CHANGE_NAMES = {"A": "added", "C": "added", "D": "deleted", "R": "renamed"}
HAND_EDIT = "hand-edit"
MERGE = "merge"


@dataclass(frozen=True, slots=True)
class FileChange:
    """One file a commit changed. `status` is git's letter: A, M, D, R (renamed), T, C."""

    status: str
    path: str
    old_path: str
    old_blob: str = ""  # filled by `follow` only ("" otherwise, and for added files)
    new_blob: str = ""  # "" for deleted files

    @property
    def change(self) -> str:
        return _CHANGE_NAMES.get(self.status, "modified")


@dataclass(frozen=True, slots=True)
class Commit:
    id: str
    parents: tuple[str, ...]
    author: str
    email: str
    date: str  # author date, strict ISO 8601 with the author's UTC offset
    subject: str
    trailers: tuple[tuple[str, str], ...]
    files: tuple[FileChange, ...]

    @property
    def action(self) -> str:
        """The `Cmty-Action` trailer; else "merge" for a merge and "hand-edit" for the rest."""
        values = self.trailer("Cmty-Action")
        return values[0] if values else MERGE if self.is_merge else HAND_EDIT

    def trailer(self, key: str) -> list[str]:
        """Values of a trailer (case-insensitive key, as git compares them)."""
        return [v for k, v in self.trailers if k.lower() == key.lower()]

    @property
    def is_merge(self) -> bool:
        return len(self.parents) > 1
