"""Hearings (听证会) and reception days (接待日、质询日), §11: a hearing is announced
hearing.notice_days days ahead and its conclusion recorded; the secretary's reception day is
held every reception.every. All local practice, so the numbers are parameters."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

from cmty.config import CONFIG_NAME
from cmty.dates import day, periods
from cmty.findings import Finding, Text
from cmty.rules.base import Deadline, RecordContext, Records, deadline_rule, record_rule
from cmty.rules.meetings import records_start

HEARING = "听证会"
RECEPTION = ("接待日", "质询日")


@record_rule("HEARING-NOTICE", "HEARING-OUTCOME", kinds=("meeting",))
def hearing_announced_and_concluded(ctx: RecordContext) -> Iterator[Finding]:
    """A hearing's notice goes up hearing.notice_days days before it, and once held its
    conclusion is recorded.

    Bad:  {type: 听证会, date: 2026-09-10, notice_on: 2026-09-07}
    Good: notice_on: 2026-09-01, outcome: 同意加装电梯方案，一层住户补偿另行协商
    """
    held = day(ctx.data.get("date"))
    if ctx.data.get("type") != HEARING or held is None:
        return
    days = int(ctx.config.param("hearing.notice_days"))
    notice = day(ctx.data.get("notice_on"))
    latest = held - timedelta(days=days)
    if (notice is None and ctx.today > latest) or (notice is not None and notice > latest):
        yield ctx.finding("HEARING-NOTICE", ("notice_on",) if notice else ("date",),
                          Text(f"听证会（{held}）未提前 {days} 天公告", f"the hearing on {held} was "
                               f"not announced {days} days ahead"),
                          Text(f"在 {latest} 前张贴公告并记录 notice_on；天数见参数 hearing.notice_days",
                               f"post the notice by {latest} and record notice_on; the days are "
                               "parameter hearing.notice_days"))
    if held <= ctx.today and not ctx.data.get("outcome") and not ctx.data.get("decisions"):
        yield ctx.finding("HEARING-OUTCOME", ("date",),
                          Text("听证会没有记录形成的意见", "the hearing's conclusion is not recorded"),
                          Text("在 outcome 中写明听证意见及采纳情况", "write what the hearing concluded "
                               "and what was taken up under outcome"))


@deadline_rule("RECEPTION-DUE", kinds=("meeting",))
def reception_day(records: Records) -> Iterator[Deadline]:
    """The secretary (or director) holds a reception day (接待日) every reception.every (not
    checked while the parameter is empty); a 质询日 counts too.

    Bad:  no meeting of type 接待日 in 2026-10
    Good: meetings/MT2026-095.yaml {type: 接待日, date: 2026-10-15, …}
    """
    every = str(records.config.param("reception.every"))
    start = records_start(records)
    if start is None or not every:
        return
    held = [d for m in records.of("meeting") if m.data.get("type") in RECEPTION
            and (d := day(m.data.get("date"))) is not None]
    for name, first, last in periods(start, records.today, every):
        if first < start or any(first <= d <= last for d in held):
            continue
        yield Deadline("RECEPTION-DUE", last, CONFIG_NAME, f"{name}-reception",
                       ("parameters", "reception", "every"),
                       Text(f"{name} 应举行接待日", f"a reception day is due in {name}"),
                       Text("举行后在 meetings/ 中记录 type: 接待日（频次见参数 reception.every）",
                            "record it under meetings/ with type: 接待日 (how often: parameter "
                            "reception.every)"))
