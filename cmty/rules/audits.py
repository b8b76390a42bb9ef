"""Audits (C11): a yearly audit of the community's accounts, results published, findings put
right, and the departure audit of the residents' committee published before the next election
(村委会组织法 art. 35, applied to 居委会 by analogy). How soon a yearly audit and a publication
follow is local practice, so both are parameters."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

from cmty.config import CONFIG_NAME
from cmty.dates import add_months, day
from cmty.findings import Finding, Text
from cmty.rules.base import Deadline, Rec, Records, collection_rule, deadline_rule
from cmty.rules.meetings import records_start

YEARLY = "年度审计"
DEPARTURE = ("离任经济责任审计", "任期经济责任审计")
ELECTION = "居委会选举"
ELECTION_DAYS = 7  # sittings this close together are one election


@deadline_rule("AUDIT-YEARLY", kinds=("audit", "meeting"))
def yearly_audit(records: Records) -> Iterator[Deadline]:
    """Each year's accounts are audited within audit.yearly_within_months months of the year's
    end, from the first year the records cover.

    Bad:  records.since: 2025-01-01 and no audit with {type: 年度审计, year: 2025} on 2026-07-01
    Good: audits/A2026-001.yaml {type: 年度审计, year: 2025, date: 2026-03-20, …}
    """
    start = records_start(records)
    if start is None:
        return
    months = int(records.config.param("audit.yearly_within_months"))
    done = {a.data.get("year") for a in records.of("audit") if a.data.get("type") == YEARLY}
    for year in range(start.year, records.today.year):
        if year in done:
            continue
        yield Deadline("AUDIT-YEARLY", add_months(date(year, 12, 31), months), CONFIG_NAME,
                       f"{year}-audit", ("parameters", "records", "since")
                       if records.config.parameters.get("records.since") else ("community",),
                       Text(f"{year} 年度财务应经审计", f"the accounts of {year} are due to be audited"),
                       Text(f"审计后在 audits/ 中记录 {{type: 年度审计, year: {year}, …}}；期限见参数 "
                            "audit.yearly_within_months", f"record {{type: 年度审计, year: {year}, "
                            "…}} under audits/; the time allowed is parameter "
                            "audit.yearly_within_months"))


@deadline_rule("AUDIT-PUBLISHED", "AUDIT-RECTIFY", kinds=("audit",))
def audit_followed_up(records: Records) -> Iterator[Deadline]:
    """An audit's result is published within audit.publish_within_days days of its report (C11),
    and each finding with a deadline is put right by then.

    Bad:  date: 2026-09-20 and no published_on on 2026-11-29
    Good: published_on: 2026-10-08
    """
    days = int(records.config.param("audit.publish_within_days"))
    for audit in records.of("audit"):
        reported = day(audit.data.get("date"))
        if reported is not None and not audit.data.get("published_on"):
            yield Deadline("AUDIT-PUBLISHED", reported + timedelta(days=days), audit.file, audit.id,
                           ("date",),
                           Text(f"{audit.id} 的审计结果应向居民公布", f"{audit.id}: publish the "
                                "audit's result to residents"),
                           Text("公布后填写 published_on；期限见参数 audit.publish_within_days",
                                "fill in published_on; the time allowed is parameter "
                                "audit.publish_within_days"))
        for i, item in enumerate(audit.data.get("findings") or []):
            due = day(item.get("rectify_by")) if isinstance(item, dict) else None
            if due is not None and not item.get("rectified_on"):
                yield Deadline("AUDIT-RECTIFY", due, audit.file, audit.id,
                               ("findings", i, "rectify_by"),
                               Text(f"{audit.id} 第 {i + 1} 项问题应整改：{item.get('item')}",
                                    f"{audit.id}, finding {i + 1} is to be put right: "
                                    f"{item.get('item')}"),
                               Text("整改完成后填写 rectified_on", "fill in rectified_on once put "
                                    "right"))


@collection_rule("AUDIT-DEPARTURE", kinds=("audit", "meeting"))
def departure_audit_before_election(records: Records) -> Iterator[Finding]:
    """Before the residents' committee is elected again, the outgoing committee's departure (or
    term) economic-responsibility audit is done and its result published (art. 35).

    Bad:  meetings/MT2026-086.yaml {type: 居委会选举, date: 2026-03-18} and no audit before it
    Good: audits/A2026-001.yaml {type: 离任经济责任审计, date: 2026-02-26, published_on: 2026-03-02}
    """
    elections = sorted(((when, m) for m in records.of("meeting")
                        if m.data.get("type") == ELECTION and (when := day(m.data.get("date")))),
                       key=lambda pair: (pair[0], pair[1].id))
    audits = sorted(((when, a) for a in records.of("audit")
                     if a.data.get("type") in DEPARTURE and (when := day(a.data.get("date")))),
                    key=lambda pair: (pair[0], pair[1].id))
    previous: date | None = None
    for held, meeting in elections:
        if held > records.today:
            break  # recorded ahead: the audit may still come
        if previous is not None and held <= previous + timedelta(days=ELECTION_DAYS):
            continue  # one election recorded in sittings a few days apart
        term = [(when, a) for when, a in audits if (previous is None or when > previous)
                and when <= held]
        previous = held
        if not term:
            yield meeting.finding("AUDIT-DEPARTURE", ("date",),
                                  Text(f"{held} 换届选举前没有离任经济责任审计",
                                       f"no departure audit before the election on {held}"),
                                  Text("换届前由街道（乡镇）组织离任经济责任审计并公布结果（C11）；"
                                       "在 audits/ 中记录", "the outgoing committee is audited and "
                                       "the result published before the election (C11); record it "
                                       "under audits/"))
            continue
        when, audit = term[-1]
        yield from _published_before(audit, held)


def _published_before(audit: Rec, held: date) -> Iterator[Finding]:
    published = day(audit.data.get("published_on"))
    if published is None or published > held:
        yield audit.finding("AUDIT-DEPARTURE", ("published_on",) if published else ("date",),
                            Text(f"离任审计结果未在 {held} 换届选举前公布",
                                 f"the departure audit's result was not published before the "
                                 f"election on {held}"),
                            Text("离任审计结果应在换届选举前向居民公布（C11）",
                                 "publish the departure audit before the election (C11)"))
