"""Party organisations checked against their members: thresholds, committees and elections
(O1–O13).

The thresholds count different things (O7): 3 and 7 count full members (正式党员) of the
organisation itself; 50 and 100 count every member, including those of the organisations under
it. 总支 and 党委 are permissive ("可以") and need approval, so they are only ever suggested.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from cmty.dates import add_years, day
from cmty.findings import Finding, Text
from cmty.rules.base import Deadline, Records, collection_rule, deadline_rule

ACTIVE = ("预备党员", "正式党员")
BRANCHES = ("党支部", "联合党支部")
# (fewest, most in general) committee members by kind of organisation (O4–O6)
COMMITTEE_SIZE = {"党支部": (3, 7), "联合党支部": (3, 7), "党总支": (5, 9), "党委": (5, 9)}
JOINT_BRANCH_UNITS = 5  # O1
BRANCH_MOST = 50  # O2
COMMITTEE_FROM = 7  # O3/O4: full members
BRANCH_FROM = 3  # O1: full members
PARTY_COMMITTEE_FROM = 100  # O6: all members


@dataclass(slots=True)
class _Headcount:
    full: int = 0  # full members of the organisation itself
    direct: int = 0  # members of the organisation itself
    total: int = 0  # members of it and of every organisation under it
    children: list[str] = field(default_factory=list)


def headcounts(records: Records) -> dict[str, _Headcount]:
    counts = {org.id: _Headcount() for org in records.of("org")}
    for member in records.of("member"):
        count = counts.get(str(member.data.get("org")))
        if count is None or member.data.get("status") not in ACTIVE:
            continue
        count.direct += 1
        count.full += member.data.get("status") == "正式党员"
    for org in records.of("org"):
        parent = counts.get(str(org.data.get("parent")))
        if parent is not None and org.data.get("parent") != org.id:
            parent.children.append(org.id)

    def total(org_id: str, seen: frozenset[str]) -> int:
        if org_id in seen:
            return 0  # a cycle of parents is reported by no one here; do not loop on it
        count = counts[org_id]
        return count.direct + sum(total(child, seen | {org_id}) for child in count.children)

    for org_id, count in counts.items():
        count.total = total(org_id, frozenset())
    return counts


def current_committee(org: dict[str, Any], today: date) -> list[tuple[int, dict[str, Any]]]:
    """The committee entries in office today (no `to`, or `to` not yet passed)."""
    out = []
    for i, seat in enumerate(org.get("committee") or []):
        if not isinstance(seat, dict):
            continue
        ends = day(seat.get("to"))
        starts = day(seat.get("from"))
        if (ends is None or ends >= today) and (starts is None or starts <= today):
            out.append((i, seat))
    return out


@collection_rule("ORG-BRANCH-SMALL", "ORG-BRANCH-LARGE", "ORG-JOINT-UNITS", "ORG-SUGGEST-PARTY-COMMITTEE",
                 kinds=("org", "member"))
def organisation_size(records: Records) -> Iterator[Finding]:
    """A branch has at least 3 full members (O1) and generally at most 50 members (O2); a joint
    branch covers at most 5 units (O1); a general branch of 100 members or more may become a
    party committee (O6, a suggestion only: O7).

    Bad:  a 党支部 with 2 full members
    Good: the same two members in a 联合党支部 with a neighbouring unit
    """
    counts = headcounts(records)
    for org in records.of("org"):
        kind, count = org.data.get("type"), counts[org.id]
        # A branch with no members recorded yet is being set up, not too small.
        if kind == "党支部" and count.direct > 0 and count.full < BRANCH_FROM:
            yield org.finding("ORG-BRANCH-SMALL", ("type",),
                              Text(f"{org.id} 只有 {count.full} 名正式党员，不足 3 名",
                                   f"{org.id} has {count.full} full members, fewer than 3"),
                              Text("正式党员不足 3 人的，应与邻近单位成立联合党支部（O1）",
                                   "with fewer than 3 full members, form a joint branch with "
                                   "neighbouring units (O1)"))
        if kind in BRANCHES and count.direct > BRANCH_MOST:
            yield org.finding("ORG-BRANCH-LARGE", ("type",),
                              Text(f"{org.id} 有 {count.direct} 名党员，超过 50 名",
                                   f"{org.id} has {count.direct} members, more than 50"),
                              Text("党支部一般不超过 50 人：可分设支部，或经批准设立党总支（O2、O5）",
                                   "a branch generally has at most 50 members: split it, or with "
                                   "approval set up a general branch (O2, O5)"))
        units = org.data.get("units")
        if kind == "联合党支部" and isinstance(units, list) and len(units) > JOINT_BRANCH_UNITS:
            yield org.finding("ORG-JOINT-UNITS", ("units",),
                              Text(f"联合党支部覆盖 {len(units)} 个单位，一般不超过 5 个",
                                   f"the joint branch covers {len(units)} units; generally at "
                                   "most 5"),
                              Text("按地域或行业分设联合党支部（O1）", "split it by area or trade (O1)"))
        if kind == "党总支" and count.total >= PARTY_COMMITTEE_FROM:
            yield org.finding("ORG-SUGGEST-PARTY-COMMITTEE", ("type",),
                              Text(f"{org.id} 共有 {count.total} 名党员，可以申请设立党委",
                                   f"{org.id} has {count.total} members: it may apply to become a "
                                   "party committee"),
                              Text("这只是建议：设立党委须经上级党组织批准（O6、O7）",
                                   "only a suggestion: a party committee needs approval from "
                                   "above (O6, O7)"))


@collection_rule("ORG-COMMITTEE-NEEDED", "ORG-COMMITTEE-UNNEEDED", "ORG-COMMITTEE-SIZE",
                 "ORG-SECRETARY", kinds=("org", "member"))
def committee_fits(records: Records) -> Iterator[Finding]:
    """A branch of 7 or more full members has a committee (O4); with fewer it has only a 书记
    and perhaps a 副书记 (O3); committees keep to their size (O4–O6) and have one 书记 and at
    most one 副书记.

    Bad:  a 党支部 with 8 full members and committee: [{member: M0002, post: 书记, …}]
    Good: the same with a 书记, 组织委员 and 宣传委员
    """
    counts = headcounts(records)
    for org in records.of("org"):
        kind, count = str(org.data.get("type")), counts[org.id]
        seats = current_committee(org.data, records.today)
        posts = Counter(str(seat.get("post")) for _, seat in seats)
        where = ("committee",) if "committee" in org.data else ("type",)
        if kind in BRANCHES and count.full >= COMMITTEE_FROM and len(seats) < 3:
            yield org.finding("ORG-COMMITTEE-NEEDED", where,
                              Text(f"{org.id} 有 {count.full} 名正式党员，应设立支部委员会",
                                   f"{org.id} has {count.full} full members: it must have a "
                                   "branch committee"),
                              Text("正式党员 7 人以上的党支部设支部委员会，由书记、组织委员、宣传委员、"
                                   "纪检委员等组成（O4）", "a branch of 7 or more full members elects "
                                   "a committee: 书记, 组织委员, 宣传委员, 纪检委员 (O4)"))
        elif kind in BRANCHES and count.full < COMMITTEE_FROM and set(posts) - {"书记", "副书记"}:
            yield org.finding("ORG-COMMITTEE-UNNEEDED", where,
                              Text(f"{org.id} 只有 {count.full} 名正式党员，不设支部委员会",
                                   f"{org.id} has {count.full} full members: it has no committee"),
                              Text("不足 7 人的党支部只设书记一人，必要时设副书记一人（O3）",
                                   "a branch under 7 full members has a 书记 and, if needed, a "
                                   "副书记 only (O3)"))
        # A branch's one or two seats are a 书记 (and 副书记), not a committee; a 总支 or 党委
        # always has a committee.
        elif kind in COMMITTEE_SIZE and (len(seats) >= 3 or (kind not in BRANCHES and seats)):
            fewest, most = COMMITTEE_SIZE[kind]
            if not fewest <= len(seats) <= most:
                yield org.finding("ORG-COMMITTEE-SIZE", where,
                                  Text(f"{kind}委员会有 {len(seats)} 名委员，一般应为 {fewest}—{most} 名",
                                       f"the {kind} committee has {len(seats)} members; generally "
                                       f"{fewest}–{most}"),
                                  Text("按上级批复的委员职数调整（O4—O6）",
                                       "keep to the number of seats approved from above (O4–O6)"))
        if seats and (posts["书记"] != 1 or posts["副书记"] > 1):
            yield org.finding("ORG-SECRETARY", where,
                              Text(f"现任书记 {posts['书记']} 名、副书记 {posts['副书记']} 名",
                                   f"{posts['书记']} 书记 and {posts['副书记']} 副书记 in office"),
                              Text("设书记一名，必要时设副书记一名；离任的委员写明 to 日期",
                                   "one 书记 and at most one 副书记; give a leaving member a `to` "
                                   "date"))


@collection_rule("ORG-SEAT-NOT-FULL", "ORG-SECRETARY-STANDING", kinds=("org", "member"))
def committee_members_qualify(records: Records) -> Iterator[Finding]:
    """Only full members are elected (O10); a 书记 has generally a year's party standing (O13).

    Bad:  committee: [{member: M0007, post: 宣传委员, …}] where M0007 is a 预备党员
    Good: the seat held by a 正式党员
    """
    for org in records.of("org"):
        for i, seat in current_committee(org.data, records.today):
            member = records.get("member", seat.get("member"))
            if member is None:
                continue  # a missing member is REF-MISSING
            status = member.data.get("status")
            if status != "正式党员":
                yield org.finding("ORG-SEAT-NOT-FULL", ("committee", i, "member"),
                                  Text(f"委员 {member.id} 的党籍状态是 {status}，不是正式党员",
                                       f"committee member {member.id} is {status}, not a full "
                                       "member"),
                                  Text("只有正式党员有选举权和被选举权（O10）；核对状态或改选",
                                       "only full members vote and stand (O10): check the status "
                                       "or fill the seat again"))
                continue
            _stages = member.data.get("stages")
            full = day(_stages.get("full")) if isinstance(_stages, dict) else None
            since = day(seat.get("from"))
            if seat.get("post") == "书记" and full and since and add_years(full, 1) > since:
                yield org.finding("ORG-SECRETARY-STANDING", ("committee", i, "from"),
                                  Text(f"书记 {member.id} 任职时（{since}）党龄不满一年（{full} 转正）",
                                       f"书记 {member.id} took office ({since}) with less than a "
                                       f"year's party standing (full member {full})"),
                                  Text("书记一般应有一年以上党龄（O13）；如系上级批准，在备注中写明",
                                       "a 书记 generally has a year's standing (O13); note the "
                                       "approval if there was one"))


@deadline_rule("ORG-ELECTION-DUE", kinds=("org",))
def election_due(records: Records) -> Iterator[Deadline]:
    """An organisation holds its election when its term ends (O9).

    Bad:  term: {start: 2021-04-09, end: 2026-04-09} and today 2026-11-29
    Good: term: {start: 2026-03-28, end: 2031-03-28} after the election
    """
    for org in records.of("org"):
        term = org.data.get("term")
        end = day(term.get("end")) if isinstance(term, dict) else None
        if end is None or org.data.get("type") == "党小组":
            continue
        yield Deadline("ORG-ELECTION-DUE", end, org.file, org.id, ("term", "end"),
                       Text(f"{org.id} 任期届满，应换届选举", f"{org.id}'s term ends: hold the "
                            "election"),
                       Text("换届后更新 term 和 committee；推迟或提前换届须上级批准（O9）",
                            "after the election update term and committee; holding it late or "
                            "early needs approval from above (O9)"))

