"""Residents' complaints and requests (信访、诉求, §11): acknowledged within
complaints.acknowledge_days and answered within complaints.answer_days of acknowledgement; no
national figure is given for a 社区, so both are parameters (defaults 15 and 60 days)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

from cmty.dates import day
from cmty.findings import Text
from cmty.rules.base import Deadline, Records, deadline_rule


@deadline_rule("COMPLAINT-ACK", "COMPLAINT-ANSWER", kinds=("complaint",))
def complaint_deadlines(records: Records) -> Iterator[Deadline]:
    """Tell the person within complaints.acknowledge_days whether the matter is taken up, and
    answer within complaints.answer_days after that.

    Bad:  date: 2026-10-01 and no acknowledged_on on 2026-11-29
    Good: acknowledged_on: 2026-10-08, answered_on: 2026-11-20
    """
    ack_days = int(records.config.param("complaints.acknowledge_days"))
    answer_days = int(records.config.param("complaints.answer_days"))
    for rec in records.of("complaint"):
        received = day(rec.data.get("date"))
        if received is None or rec.data.get("answered_on"):
            continue  # answered: nothing is pending
        acknowledged = day(rec.data.get("acknowledged_on"))
        if acknowledged is None:
            yield Deadline("COMPLAINT-ACK", received + timedelta(days=ack_days), rec.file, rec.id,
                           ("date",),
                           Text(f"{rec.id} 应告知提出人是否受理", f"{rec.id}: tell the person "
                                "whether it is taken up"),
                           Text("告知后填写 acknowledged_on；期限见参数 complaints.acknowledge_days",
                                "fill in acknowledged_on; the time allowed is parameter "
                                "complaints.acknowledge_days"))
            continue
        yield Deadline("COMPLAINT-ANSWER", acknowledged + timedelta(days=answer_days), rec.file,
                       rec.id, ("acknowledged_on",),
                       Text(f"{rec.id} 应答复办理结果", f"{rec.id}: answer with the outcome"),
                       Text("答复后填写 answered_on 和 outcome；期限见参数 complaints.answer_days",
                            "fill in answered_on and outcome; the time allowed is parameter "
                            "complaints.answer_days"))
