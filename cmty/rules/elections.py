"""Elections of party organisations (基层组织选举工作条例 2020, O11–O13): a quorum of more than
four fifths of the voters, election by more than half of the voters present, and competitive
elections of committee members."""

from __future__ import annotations

from collections.abc import Iterator

from cmty.findings import Finding, Text
from cmty.rules.base import RecordContext, record_rule


def _int(value: object) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


@record_rule("ELECTION-QUORUM", "ELECTION-MAJORITY", "ELECTION-COMPETITIVE", "ELECTION-SEATS",
             kinds=("meeting",))
def election_valid(ctx: RecordContext) -> Iterator[Finding]:
    """An election is valid with more than 4/5 of the voters present (O11); a candidate is
    elected with votes from more than half of the voters present (O11); committee members are
    elected from at least 20% more candidates than seats (O12); no more are elected than there
    are seats.

    Bad:  election: {seats: 5, voters: 40, present: 32, candidates: [five of them]}
    Good: election: {seats: 5, voters: 40, present: 33, candidates: [six of them]}
    """
    election = ctx.data.get("election")
    if not isinstance(election, dict):
        return
    seats, voters, present = (_int(election.get(k)) for k in ("seats", "voters", "present"))
    candidates = [c for c in election.get("candidates") or [] if isinstance(c, dict)]
    if voters is not None and present is not None and present * 5 <= voters * 4:
        yield ctx.finding("ELECTION-QUORUM", ("election", "present"),
                          Text(f"实到 {present} 人，未超过应到 {voters} 人的五分之四，选举无效",
                               f"{present} present, not more than 4/5 of {voters}: the election is "
                               "void"),
                          Text("到会有选举权的党员须超过应到会人数的五分之四（O11）；改期重新选举",
                               "more than 4/5 of the voters must attend (O11); hold it again"))
    for i, candidate in enumerate(candidates):
        votes = _int(candidate.get("votes"))
        if candidate.get("elected") is True and present is not None and votes is not None \
                and votes * 2 <= present:
            yield ctx.finding("ELECTION-MAJORITY", ("election", "candidates", i, "votes"),
                              Text(f"{candidate.get('member')} 得 {votes} 票，未超过实到 {present} 人的半数，"
                                   "不能当选", f"{candidate.get('member')} has {votes} votes, not more "
                                   f"than half of the {present} present: not elected"),
                              Text("得票超过实到会有选举权人数一半的始得当选（O11）",
                                   "a candidate needs votes from more than half of those present "
                                   "(O11)"))
    body = election.get("body", "委员会")
    if body == "委员会" and seats is not None and candidates and len(candidates) * 5 < seats * 6:
        yield ctx.finding("ELECTION-COMPETITIVE", ("election", "candidates"),
                          Text(f"{seats} 个名额只有 {len(candidates)} 名候选人，差额不足 20%",
                               f"{len(candidates)} candidates for {seats} seats: less than 20% more"),
                          Text("委员实行差额选举，候选人应多于应选人数的 20%（O12）",
                               "committee members are elected from at least 20% more candidates "
                               "(O12)"))
    elected = sum(1 for c in candidates if c.get("elected") is True)
    if seats is not None and elected > seats:
        yield ctx.finding("ELECTION-SEATS", ("election", "candidates"),
                          Text(f"当选 {elected} 人，多于应选 {seats} 名", f"{elected} elected for "
                               f"{seats} seats"),
                          Text("得票多的依次当选，至名额满为止", "the most votes win until the seats "
                               "are filled"))
