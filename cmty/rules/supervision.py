"""The residents' committee's size, and who may sit on the supervisory committee (居务监督委员会,
村委会组织法 art. 32, §5): not the residents' committee's members or their near relatives, nor
those who keep the money; three to five members (2017 意见). Everything here is read from
cmty.yaml's roles and relatives."""

from __future__ import annotations

from collections.abc import Iterator

from cmty.config import CONFIG_NAME
from cmty.findings import Finding, Text
from cmty.rules.base import Records, collection_rule, finding

SUPERVISORS = "监督委员会"
COMMITTEE = "居委会"
FINANCE_ROLES = ("会计", "出纳", "报账员")  # accountants and clerks are barred too (M)
SIZE = (3, 5)
COMMITTEE_SIZE = (5, 9)  # 居委会组织法 art. 7: a chair, deputies and members, five to nine


@collection_rule("COMMITTEE-SIZE", kinds=())
def committee_size(records: Records) -> Iterator[Finding]:
    """The residents' committee has five to nine members (居委会组织法 art. 7).

    Bad:  roles: {居委会: [刘建华, 陈玉梅, 王敏]}
    Good: five names
    """
    members = records.config.holders(COMMITTEE)
    low, high = COMMITTEE_SIZE
    if members and not low <= len(members) <= high:
        yield finding("COMMITTEE-SIZE", CONFIG_NAME, None, ("roles", COMMITTEE),
                      Text(f"居委会有 {len(members)} 人，应为 {low}—{high} 人",
                           f"the residents' committee has {len(members)} members; the law says "
                           f"{low} to {high}"),
                      Text("核对 roles.居委会（居民委员会组织法第七条）", "check roles.居委会 "
                           "(居委会组织法 art. 7)"))


@collection_rule("SUPERVISOR-CONFLICT", "SUPERVISOR-SIZE", kinds=())
def supervisors_independent(records: Records) -> Iterator[Finding]:
    """Supervisors hold no seat on the residents' committee and no finance post, and are no
    committee member's or finance officer's declared near relative.

    Bad:  roles: {居委会: [刘建华], 监督委员会: [刘建华, 吴刚, 郑丽]}
    Good: roles: {居委会: [刘建华], 监督委员会: [赵国强, 吴刚, 郑丽]}
    """
    config = records.config
    supervisors = config.holders(SUPERVISORS)
    if not supervisors:
        return
    barred: dict[str, str] = {}
    for role in (COMMITTEE, *FINANCE_ROLES):
        for name in config.holders(role):
            barred.setdefault(name, role)
    for i, name in enumerate(supervisors):
        if name in barred:
            yield finding("SUPERVISOR-CONFLICT", CONFIG_NAME, None, ("roles", SUPERVISORS, i),
                          Text(f"{name} 同时担任{barred[name]}，不得兼任监督委员会成员",
                               f"{name} also holds {barred[name]} and may not sit on the "
                               "supervisory committee"),
                          Text("居委会成员和财务人员不得担任监督委员会成员（村委会组织法第三十二条）；"
                               "另选人选", "committee members and finance staff may not supervise "
                               "themselves (art. 32); choose someone else"))
    chosen = set(supervisors)
    for i, (one, other, relation) in enumerate(config.relatives):
        for supervisor, relative in ((one, other), (other, one)):
            if supervisor in chosen and relative in barred:
                yield finding("SUPERVISOR-CONFLICT", CONFIG_NAME, None, ("relatives", i),
                              Text(f"监督委员会成员 {supervisor} 是{barred[relative]} {relative} 的"
                                   f"近亲属（{relation}）", f"supervisor {supervisor} is a near "
                                   f"relative ({relation}) of {relative}, who holds "
                                   f"{barred[relative]}"),
                              Text("近亲属不得担任监督委员会成员（村委会组织法第三十二条）",
                                   "near relatives may not sit on the supervisory committee "
                                   "(art. 32)"))
    low, high = SIZE
    if not low <= len(supervisors) <= high:
        yield finding("SUPERVISOR-SIZE", CONFIG_NAME, None, ("roles", SUPERVISORS),
                      Text(f"监督委员会有 {len(supervisors)} 人，一般为 {low}—{high} 人",
                           f"the supervisory committee has {len(supervisors)} members; it "
                           f"generally has {low} to {high}"),
                      Text("按 2017 年《关于建立健全村务监督委员会的指导意见》配备 3—5 人",
                           "three to five members, as the 2017 guidance says"))
