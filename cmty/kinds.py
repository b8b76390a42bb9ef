"""The record kinds and where their files live in a data repository."""

from __future__ import annotations

from dataclasses import dataclass

from cmty.findings import Text


@dataclass(frozen=True, slots=True)
class Kind:
    """A kind of record: its folder, and whether the id is a field or the file's path."""

    name: str
    folder: str
    title: Text
    # Per-period files (a month's fee collection) are named by their period, not by an id field.
    per_period: bool = False
    # Field that must equal the file stem (the id for per-record kinds, the period otherwise).
    stem_field: str = "id"
    # Columns `cmty list` shows by default.
    columns: tuple[str, ...] = ()
    # Ids numbered per year from the record's `date` (V2026-0041 → V2027-0001): the prefix and
    # the number's width; empty for kinds numbered straight through (M0060 → M0061).
    yearly_prefix: str = ""
    yearly_width: int = 4


# Dependency order: a kind's references point only to kinds listed before it, except
# disclosures (which may cover anything) and orgs (which refer to their parent org and members).
KINDS: tuple[Kind, ...] = (
    Kind("org", "party/orgs", Text("党组织", "party organisation"),
         columns=("id", "name", "type", "parent", "term.end")),
    Kind("member", "party/members", Text("党员", "party member"),
         columns=("id", "name", "sex", "org", "status", "category", "mobile")),
    Kind("fund", "finance/funds", Text("资金", "fund"),
         columns=("id", "name", "earmarked", "opening_balance")),
    Kind("voucher", "finance/vouchers", Text("凭证", "voucher"),
         columns=("id", "date", "fund", "type", "total", "counterparty", "payment"),
         yearly_prefix="V"),
    Kind("unit", "units", Text("驻区单位", "resident unit"),
         columns=("id", "name", "credit_code", "party_org")),
    Kind("meeting", "meetings", Text("会议", "meeting"),
         columns=("id", "date", "type", "org", "topic"), yearly_prefix="MT", yearly_width=3),
    Kind("grid", "grids", Text("网格", "grid cell"), columns=("id", "name", "level", "parent")),
    Kind("resident", "residents", Text("居民", "resident"),
         columns=("id", "name", "category", "grid", "arrived_on")),
    Kind("complaint", "complaints", Text("诉求", "complaint"),
         columns=("id", "date", "channel", "matter", "answered_on", "outcome"),
         yearly_prefix="C", yearly_width=3),
    Kind("audit", "audits", Text("审计", "audit"),
         columns=("id", "date", "type", "auditor", "subject", "published_on"),
         yearly_prefix="A", yearly_width=3),
    Kind("assessment", "assessments", Text("考核方案", "assessment scheme"),
         columns=("id", "year", "title", "units")),
    Kind("fee", "party/fees", Text("党费收缴", "party-fee collection"), per_period=True,
         stem_field="period", columns=("id", "period", "org", "collector", "entries")),
    Kind("disclosure", "disclosures", Text("公开", "disclosure"),
         columns=("id", "kind", "period", "posted_on", "taken_down_on")),
)

BY_NAME: dict[str, Kind] = {k.name: k for k in KINDS}
YAML_SUFFIXES = (".yaml", ".yml")


def kind_of_path(rel: str) -> Kind | None:
    """The kind whose folder holds a repository-relative POSIX path, if any."""
    for kind in KINDS:
        if rel.startswith(kind.folder + "/"):
            return kind
    return None


def record_id_for(kind: Kind, rel: str) -> str:
    """The id a file's path gives its record: the stem, or the sub-path for per-period kinds."""
    inner = rel[len(kind.folder) + 1 :].rsplit(".", 1)[0]
    return inner if kind.per_period else inner.rsplit("/", 1)[-1]


def is_yaml(rel: str) -> bool:
    return rel.endswith(YAML_SUFFIXES)
