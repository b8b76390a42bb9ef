"""`cmty init`: placeholder module, filled in by the scaffold work."""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    return None
