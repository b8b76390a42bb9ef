"""The rule registry: every check beyond the schema, registered in one place.

A rule is a small pure function with its metadata attached by a decorator from `rules.base`.
Record rules see one record at a time (and run where the file is parsed, so their results are
cached with the file); reference rules see one file's references and the index of all ids
(cached with the file, keyed also by the ids they depend on); dataset rules see the index;
collection rules see every record of the kinds they name (cached by those files' blobs), and
deadline rules among them yield what is due by a date. Adding a rule is one function plus one
line in the tuple of its sort.
"""

from __future__ import annotations

from cmty.rules import (
    approvals,
    assessments,
    audits,
    complaints,
    development,
    disclosures,
    dues,
    elections,
    finance,
    funds,
    grids,
    hearings,
    identity,
    integrity,
    layout,
    meetings,
    members,
    orgs,
    party,
    pledges,
    residents,
    supervision,
    units,
)
from cmty.rules.base import (
    CollectionRule,
    DatasetRule,
    DeadlineRule,
    Defined,
    FileRule,
    Index,
    RecordContext,
    RecordRule,
    ReferenceRule,
    Targets,
)

RECORD_RULES: tuple[RecordRule, ...] = (
    layout.file_name_matches_id,
    identity.id_number_lowercase_x,
    identity.mobile_normalised,
    identity.credit_code_category,
    approvals.approver_holds_role,
    finance.lawful_document,
    finance.bank_above_threshold,
    finance.cashier_is_not_bookkeeper,
    finance.approval_chain,
    finance.hospitality_cap,
    finance.cash_banked_same_day,
    party.stage_order,
    party.year_as_activist,
    party.adult_at_admission,
    party.probation_year,
    party.term_length,
    development.applicant_and_activist,
    development.ready_for_admission,
    development.approval_and_extension,
    development.filed_and_published,
    meetings.review_and_counts,
    elections.election_valid,
    units.liaisons_per_unit,
    disclosures.reviewed_by_supervisors,
    residents.foreigner_record,
    residents.permit_after_six_months,
    members.letter_still_valid,
    dues.no_payment_by_organisation,
    grids.level_known,
    hearings.hearing_announced_and_concluded,
)

DATASET_RULES: tuple[DatasetRule, ...] = (
    integrity.duplicate_ids,
)

REFERENCE_RULES: tuple[ReferenceRule, ...] = (
    integrity.references_exist,
)

COLLECTION_RULES: tuple[CollectionRule | DeadlineRule | FileRule, ...] = (
    dues.consecutive_unpaid,
    dues.amount_matches_dues,
    dues.months_paid_once,
    dues.months_paid_in_order,
    dues.transfer_letter_paid_up_to,
    orgs.organisation_size,
    orgs.committee_fits,
    orgs.committee_members_qualify,
    orgs.election_due,
    members.probation_ends,
    members.transfer_when_away,
    members.lost_contact,
    meetings.cadence,
    meetings.quorum,
    meetings.admission_vote,
    meetings.training_hours,
    units.joint_meeting_due,
    units.every_unit_accounted_for,
    units.annual_rating,
    funds.earmarked_use,
    funds.balance_never_negative,
    funds.large_items_decided,
    funds.cash_within_limit,
    pledges.pledges_received,
    assessments.scheme_can_be_scored,
    disclosures.board_posted,
    disclosures.board_on_time_and_whole,
    disclosures.balances_reconcile,
    residents.residence_permit,
    residents.foreigner_deadlines,
    residents.permit_after_entry,
    grids.hierarchy,
    grids.resident_in_a_cell,
    complaints.complaint_deadlines,
    supervision.supervisors_independent,
    supervision.committee_size,
    hearings.reception_day,
    audits.yearly_audit,
    audits.audit_followed_up,
    audits.departure_audit_before_election,
    development.sponsors_are_full_members,
)

# The kinds whose parsed records the collection rules read: only these are kept after checking.
COLLECTED_KINDS: frozenset[str] = frozenset(k for rule in COLLECTION_RULES for k in rule.kinds)

__all__ = [
    "COLLECTED_KINDS",
    "COLLECTION_RULES",
    "DATASET_RULES",
    "RECORD_RULES",
    "REFERENCE_RULES",
    "CollectionRule",
    "DatasetRule",
    "DeadlineRule",
    "Defined",
    "FileRule",
    "Index",
    "RecordContext",
    "RecordRule",
    "ReferenceRule",
    "Targets",
]
