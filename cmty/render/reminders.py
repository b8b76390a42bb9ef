"""Reminders as a terminal table, JSON, markdown, or an RFC 5545 calendar a phone can subscribe to.

Every output is a function of the reminders and the date asked about alone, so the same
repository and date always give the same bytes (the calendar's timestamps included).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

from icalendar import Alarm, Calendar, Event

from cmty import __version__
from cmty.remind import Reminder
from cmty.render.tables import as_markdown, as_table

_HEADER = {
    "zh": ("期限", "天数", "状态", "代码", "依据", "记录", "事项", "位置"),
    "en": ("due", "days", "status", "code", "rule", "record", "what", "where"),
}
_STATUS = {"zh": ("已逾期", "待办"), "en": ("overdue", "due")}


def _where(r: Reminder) -> str:
    return f"{r.file}:{r.line}:{r.column}" if r.line is not None else r.file


def _rows(reminders: Sequence[Reminder], lang: str) -> list[list[Any]]:
    late, due = _STATUS[lang]
    return [[r.due.isoformat(), r.days, late if r.overdue else due, r.code, r.rule, r.record,
             r.what.get(lang), _where(r)] for r in reminders]


def as_text(reminders: Sequence[Reminder], lang: str, as_of: str, within: int) -> str:
    if not reminders:
        return (f"截至 {as_of}，{within} 天内没有到期事项\n" if lang == "zh" else
                f"nothing overdue or due within {within} days of {as_of}\n")
    late = sum(1 for r in reminders if r.overdue)
    summary = (f"截至 {as_of}：{late} 项已逾期，{len(reminders) - late} 项在 {within} 天内到期\n"
               if lang == "zh" else
               f"as of {as_of}: {late} overdue, {len(reminders) - late} due within {within} days\n")
    return as_table(_HEADER[lang], _rows(reminders, lang)) + summary


def as_md(reminders: Sequence[Reminder], lang: str, as_of: str, within: int) -> str:
    title = (f"# 待办事项（截至 {as_of}，{within} 天内）\n\n" if lang == "zh" else
             f"# Reminders (as of {as_of}, within {within} days)\n\n")
    if not reminders:
        return title + ("没有到期事项。\n" if lang == "zh" else "Nothing is due.\n")
    return title + as_markdown(_HEADER[lang], _rows(reminders, lang))


def as_json(reminders: Sequence[Reminder], as_of: str, within: int) -> str:
    items = [{"code": r.code, "severity": r.severity.label, "rule": r.rule,
              "due": r.due.isoformat(), "days": r.days, "overdue": r.overdue, "record": r.record,
              "file": r.file, "line": r.line, "column": r.column,
              "what": {"zh": r.what.zh, "en": r.what.en},
              "hint": {"zh": r.hint.zh, "en": r.hint.en}} for r in reminders]
    return json.dumps({"as_of": as_of, "within_days": within, "reminders": items},
                      ensure_ascii=False, indent=2) + "\n"


def as_ics(reminders: Sequence[Reminder], lang: str, as_of: str, community: str) -> bytes:
    """A calendar of all-day events on the due dates, each with an alarm the day before.

    UIDs are digests of what the reminder is about, so a subscribed calendar updates an event
    in place when its wording changes and drops it once the task is done.
    """
    stamp = datetime.fromisoformat(as_of).replace(tzinfo=UTC)
    calendar = Calendar()
    calendar.add("prodid", f"-//cmty//cmty {__version__}//{lang.upper()}")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", f"{community} 待办事项" if lang == "zh" else
                 f"{community} reminders")
    for r in reminders:
        event = Event()
        key = "\0".join((r.code, r.record, r.file, r.due.isoformat(), r.what.zh))
        event.add("uid", hashlib.sha1(key.encode(), usedforsecurity=False).hexdigest()[:20]
                  + "@cmty")
        event.add("dtstamp", stamp)
        event.add("dtstart", r.due)
        event.add("dtend", r.due + timedelta(days=1))
        event.add("summary", f"[{r.code}] {r.what.get(lang)}")
        basis = "依据" if lang == "zh" else "rule"
        event.add("description", f"{r.hint.get(lang)}\n{basis}: {r.rule}\n{_where(r)}")
        event.add("categories", [r.code])
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", r.what.get(lang))
        alarm.add("trigger", timedelta(days=-1))
        event.add_component(alarm)
        calendar.add_component(event)
    return bytes(calendar.to_ical())
