"""Admitting members step by step (发展党员工作细则 2014, D3–D17), for members whose admission
file is kept in cmty (`development`). Members admitted long ago, with paper files, have none and
are not judged by these rules."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from typing import Any

from cmty.dates import add_months, add_working_days, day, month_of, month_shift
from cmty.findings import Finding, Text
from cmty.rules.base import RecordContext, Records, collection_rule, record_rule

TRAINING_HOURS = 24  # D9: at least 3 days or 24 学时
TRAINING_DAYS = 3
REVIEW_EVERY_MONTHS = 6  # D5


def _file(ctx: RecordContext) -> dict[str, Any] | None:
    development = ctx.data.get("development")
    return development if isinstance(development, dict) else None


def _stage(ctx: RecordContext, name: str) -> date | None:
    stages = ctx.data.get("stages")
    return day(stages.get(name)) if isinstance(stages, dict) else None


@record_rule("PARTY-TALK", "PARTY-CONTACTS", "PARTY-REVIEWS", kinds=("member",))
def applicant_and_activist(ctx: RecordContext) -> Iterator[Finding]:
    """The organisation talks with an applicant within a month (D3); an activist has one or two
    contacts and is reviewed at least every six months until becoming a target (D5).

    Bad:  applied: 2025-03-01, development: {talk_on: 2025-04-02}
    Good: development: {talk_on: 2025-03-28}
    Bad:  activist: 2024-03-15, reviews: [2024-10-02] (seven months on)
    Good: reviews: [2024-09-20, 2025-03-18]
    """
    development = _file(ctx)
    applied, activist, target = (_stage(ctx, "applied"), _stage(ctx, "activist"),
                                 _stage(ctx, "target"))
    if development is None:
        return
    talk = day(development.get("talk_on"))
    if applied is not None and (talk or ctx.today) > add_months(applied, 1):
        yield ctx.finding("PARTY-TALK", ("development", "talk_on") if talk else ("stages", "applied"),
                          Text(f"收到入党申请（{applied}）后一个月内未谈话", f"no talk within a month of "
                               f"the application ({applied})"),
                          Text("党组织应在收到申请书一个月内派人谈话（D3）；记录 talk_on",
                               "talk with the applicant within a month (D3) and record talk_on"))
    if activist is None:
        return
    contacts = development.get("contacts")
    if not isinstance(contacts, list) or not 1 <= len(contacts) <= 2:
        yield ctx.finding("PARTY-CONTACTS", ("development", "contacts") if "contacts" in development
                          else ("stages", "activist"),
                          Text("积极分子应有一至两名培养联系人", "an activist has one or two contacts"),
                          Text("指定一至两名正式党员作培养联系人（D5），写入 contacts",
                               "name one or two full members as contacts (D5) under contacts"))
    reviews = sorted(d for r in development.get("reviews") or [] if (d := day(r)) is not None)
    end = target or ctx.today
    previous = activist
    # "Every six months" is kept by the month: a review in the sixth month after the last counts.
    for when in [*[r for r in reviews if activist < r <= end], end]:
        if month_of(when) > month_shift(month_of(previous), REVIEW_EVERY_MONTHS):
            yield ctx.finding("PARTY-REVIEWS", ("development", "reviews") if reviews
                              else ("stages", "activist"),
                              Text(f"{previous} 之后超过半年没有考察（至 {when}）",
                                   f"no review for more than six months after {previous} (to {when})"),
                              Text("党支部每半年对积极分子考察一次（D5），记录在 reviews",
                                   "the branch reviews an activist every six months (D5): record it "
                                   "under reviews"))
            break
        previous = when


@record_rule("PARTY-SPONSORS", "PARTY-POLITICAL-REVIEW", "PARTY-TRAINING", "PARTY-PREREVIEW",
             kinds=("member",))
def ready_for_admission(ctx: RecordContext) -> Iterator[Finding]:
    """Before the branch meeting admits a target: two sponsors (D7), a political review with a
    written conclusion (D8), concentrated training of 3 days or 24 学时 (D9), and the approving
    committee's pre-review (D10).

    Bad:  stages: {probationary: 2026-06-26}, development: {sponsors: [M0006]}
    Good: sponsors: [M0006, M0008], political_review, training and prereview_on before 2026-06-26
    """
    development, admitted = _file(ctx), _stage(ctx, "probationary")
    if development is None or admitted is None:
        return
    sponsors = development.get("sponsors")
    if not isinstance(sponsors, list) or len(sponsors) != 2:
        yield ctx.finding("PARTY-SPONSORS", ("development", "sponsors") if "sponsors" in development
                          else ("stages", "probationary"),
                          Text("入党介绍人应为两名正式党员", "a new member has two sponsors"),
                          Text("写明两名入党介绍人的党员编号（D7）", "give the two sponsors' member "
                               "ids (D7)"))
    yield from _political_review(ctx, development, admitted)
    training = development.get("training")
    hours = training.get("hours") if isinstance(training, dict) else None
    first = day(training.get("from")) if isinstance(training, dict) else None
    last = day(training.get("to")) if isinstance(training, dict) else None
    days = (last - first).days + 1 if first and last else 0
    if not (isinstance(hours, (int, float)) and hours >= TRAINING_HOURS) and days < TRAINING_DAYS:
        yield ctx.finding("PARTY-TRAINING", ("development", "training") if training
                          else ("stages", "probationary"),
                          Text("发展对象集中培训不足 3 天或 24 学时", "concentrated training under 3 days "
                               "or 24 hours"),
                          Text("记录培训起止日期或学时（D9）", "record the training's dates or hours "
                               "(D9)"))
    prereview = day(development.get("prereview_on"))
    if prereview is None or prereview >= admitted:
        yield ctx.finding("PARTY-PREREVIEW", ("development", "prereview_on") if prereview
                          else ("stages", "probationary"),
                          Text(f"支部大会（{admitted}）前没有基层党委预审", f"no pre-review before the "
                               f"branch meeting ({admitted})"),
                          Text("预审合格后才发放入党志愿书并召开支部大会（D10）",
                               "the approving committee pre-reviews before the branch meeting (D10)"))


def _political_review(ctx: RecordContext, development: dict[str, Any], admitted: date
                      ) -> Iterator[Finding]:
    review = development.get("political_review")
    concluded = day(review.get("on")) if isinstance(review, dict) else None
    valid = int(ctx.config.param("development.political_review_valid_months"))
    if concluded is not None and concluded <= admitted and add_months(concluded, valid) >= admitted:
        return
    problem = (Text("没有政治审查结论", "no political review conclusion") if concluded is None else
               Text(f"政治审查结论（{concluded}）晚于支部大会或已超过 {valid} 个月",
                    f"the political review ({concluded}) is after the branch meeting or older "
                    f"than {valid} months"))
    yield ctx.finding("PARTY-POLITICAL-REVIEW", ("development", "political_review")
                      if review else ("stages", "probationary"), problem,
                      Text("政治审查未结论的不能发展（D8）；有效期见参数 "
                           "development.political_review_valid_months",
                           "no admission without a concluded review (D8); its validity is "
                           "parameter development.political_review_valid_months"))


@record_rule("PARTY-ACTIVIST-FILED", "PARTY-PUBLICITY", kinds=("member",))
def filed_and_published(ctx: RecordContext) -> Iterator[Finding]:
    """An activist is filed with the higher committee, no sooner than
    development.activist_min_months after applying (D4); a target's public notice (公示) ends
    before the branch meeting and stays up development.publicity_days days, working days when
    development.publicity_working_days is set (D12, local).

    Bad:  stages: {activist: 2025-03-15}, development: {} (not filed)
    Good: development: {filed_upper: true}
    Bad:  publicity: {from: 2026-06-20, to: 2026-06-23} with publicity_days 7
    Good: publicity: {from: 2026-06-10, to: 2026-06-17}, branch meeting 2026-06-26
    """
    development = _file(ctx)
    if development is None:
        return
    applied, activist = _stage(ctx, "applied"), _stage(ctx, "activist")
    wait = int(ctx.config.param("development.activist_min_months"))
    if activist is not None and development.get("filed_upper") is not True:
        yield ctx.finding("PARTY-ACTIVIST-FILED", ("development", "filed_upper")
                          if "filed_upper" in development else ("stages", "activist"),
                          Text("确定入党积极分子后未报上级党委备案", "the activist was not filed with "
                               "the higher committee"),
                          Text("报上级党委备案后写 filed_upper: true（D4）", "file it with the higher "
                               "committee and write filed_upper: true (D4)"))
    if activist is not None and applied is not None and wait and activist < add_months(applied, wait):
        yield ctx.finding("PARTY-ACTIVIST-FILED", ("stages", "activist"),
                          Text(f"申请后不满 {wait} 个月即确定为积极分子", f"made an activist less than "
                               f"{wait} months after applying"),
                          Text("本地要求见参数 development.activist_min_months（D4）",
                               "the local wait is parameter development.activist_min_months (D4)"))
    yield from _publicity(ctx, development)


def _publicity(ctx: RecordContext, development: dict[str, Any]) -> Iterator[Finding]:
    admitted = _stage(ctx, "probationary")
    if admitted is None:
        return
    notice = development.get("publicity")
    first = day(notice.get("from")) if isinstance(notice, dict) else None
    last = day(notice.get("to")) if isinstance(notice, dict) else None
    days = int(ctx.config.param("development.publicity_days"))
    working = bool(ctx.config.param("development.publicity_working_days"))
    unit = Text(" 个工作日" if working else " 天", " working days" if working else " days")
    # The notice's first day counts: seven days from the 10th run to the 16th.
    shortest = (add_working_days(first - timedelta(days=1), days) if working
                else first + timedelta(days=days - 1)) if first else None
    if first is None or last is None or shortest is None or last < shortest or last >= admitted:
        yield ctx.finding("PARTY-PUBLICITY", ("development", "publicity") if notice
                          else ("stages", "probationary"),
                          Text(f"支部大会（{admitted}）前没有满 {days}{unit.zh}的公示",
                               f"no public notice of {days}{unit.en} before the branch meeting "
                               f"({admitted})"),
                          Text("记录公示起止日期 publicity: {from: …, to: …}；天数见参数 "
                               "development.publicity_days（D12）", "record publicity: {from: …, "
                               "to: …}; the length is parameter development.publicity_days (D12)"))


@record_rule("PARTY-APPROVAL", "PARTY-APPROVAL-EXPIRED", "PARTY-EXTENSION", kinds=("member",))
def approval_and_extension(ctx: RecordContext) -> Iterator[Finding]:
    """The committee approves within 3 months of the branch meeting (a warning after), and an
    admission not approved within 6 months is redone (D14); a probation extension is 6 to 12
    months (D17).

    Bad:  probationary: 2026-01-10, development: {approved_on: 2026-07-20}
    Good: approved_on: 2026-03-02
    """
    development, admitted = _file(ctx), _stage(ctx, "probationary")
    if development is None or admitted is None:
        return
    approved = day(development.get("approved_on"))
    # Without an approval date only a 预备党员 is still waiting; anyone else was approved
    # long ago or is no longer a member.
    waiting = approved is not None or ctx.data.get("status") == "预备党员"
    waited_until = approved or ctx.today
    where = ("development", "approved_on") if approved else ("stages", "probationary")
    if waiting and waited_until > add_months(admitted, 6):
        yield ctx.finding("PARTY-APPROVAL-EXPIRED", where,
                          Text(f"支部大会（{admitted}）后超过 6 个月未审批", f"not approved within six "
                               f"months of the branch meeting ({admitted})"),
                          Text("超过 6 个月的须重新履行接收程序（D14）", "after six months the "
                               "admission is redone (D14)"))
    elif waiting and waited_until > add_months(admitted, 3):
        yield ctx.finding("PARTY-APPROVAL", where,
                          Text(f"支部大会（{admitted}）后超过 3 个月才审批", f"approved more than three "
                               f"months after the branch meeting ({admitted})"),
                          Text("基层党委应在三个月内审批（D14）", "the committee approves within "
                               "three months (D14)"))
    extension = development.get("extension_months")
    if isinstance(extension, int) and not 6 <= extension <= 12:
        yield ctx.finding("PARTY-EXTENSION", ("development", "extension_months"),
                          Text(f"延长预备期 {extension} 个月，应为 6—12 个月",
                               f"probation extended by {extension} months; it is 6 to 12"),
                          Text("延长预备期最短半年、最长一年（D17）", "an extension is six months to a "
                               "year (D17)"))


@collection_rule("PARTY-SPONSOR-STATUS", "PARTY-CONTACT-STATUS", kinds=("member",))
def sponsors_are_full_members(records: Records) -> Iterator[Finding]:
    """Sponsors are full members when the branch meeting admits the candidate (D7), and an
    activist's contacts are full members (D5); a 预备党员 can be neither.

    Bad:  development: {sponsors: [M0015, M0006]} where M0015 was still probationary then
    Good: two sponsors who were full members on the day of the branch meeting
    """
    for member in records.of("member"):
        development = member.data.get("development")
        if not isinstance(development, dict):
            continue
        stages = member.data.get("stages")
        admitted = day(stages.get("probationary")) if isinstance(stages, dict) else None
        for field, code, when in (("sponsors", "PARTY-SPONSOR-STATUS", admitted),
                                  ("contacts", "PARTY-CONTACT-STATUS", None)):
            for i, other_id in enumerate(development.get(field) or []):
                other = records.get("member", other_id)
                if other is None or _full_member_on(other.data, when or records.today):
                    continue
                role = ("入党介绍人", "sponsor") if field == "sponsors" else ("培养联系人", "contact")
                yield member.finding(code, ("development", field, i),
                                     Text(f"{role[0]} {other.id} 当时不是正式党员",
                                          f"{role[1]} {other.id} was not a full member then"),
                                     Text("由正式党员担任（D7、D5）；预备党员和受留党察看处分未恢复权利的党员不能担任",
                                          "only full members may (D7, D5); not probationary members "
                                          "or members under 留党察看"))


def _full_member_on(member: dict[str, Any], when: date) -> bool:
    stages = member.get("stages")
    full = day(stages.get("full")) if isinstance(stages, dict) else None
    if full is not None:
        return full <= when and member.get("status") not in ("停止党籍", "出党", "除名")
    return member.get("status") == "正式党员"
