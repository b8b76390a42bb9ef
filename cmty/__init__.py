"""cmty — a community's internal-management records (社区内部管理) as YAML in git.

The library is usable without the command line::

    from cmty import validate_repo, find_repo
    report = validate_repo(find_repo("sample_data"))
    for finding in report.findings:
        print(finding.code, finding.file, finding.line)
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

__all__ = ["Finding", "Severity", "__version__", "find_repo", "validate_repo"]

if TYPE_CHECKING:
    from cmty.findings import Finding, Severity
    from cmty.repo import find_repo
    from cmty.validate import validate_repo


def __getattr__(name: str) -> Any:
    # Lazy re-exports keep `cmty --help` fast: the CLI imports only what a command needs.
    if name in ("Finding", "Severity"):
        from cmty import findings

        return getattr(findings, name)
    if name == "find_repo":
        from cmty.repo import find_repo

        return find_repo
    if name == "validate_repo":
        from cmty.validate import validate_repo

        return validate_repo
    raise AttributeError(name)
