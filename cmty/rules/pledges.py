"""Money promised to a fund (经费来源: 县、镇财政拨款, 驻区单位共建资金, 捐赠), as the fund record
lists it per source and year, is received by the end of that year. A shortfall is something to
chase, not a breach, hence a warning once the year is over.

What came in from a source pays its pledges oldest first, so money that arrives late clears the
year it was owed for; a pledge naming a unit takes only that unit's money, and one naming none
takes the source's money from anyone else."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from datetime import date
from decimal import Decimal

from cmty.dates import day
from cmty.fees import money_or_none
from cmty.findings import Text
from cmty.rules.base import Deadline, Rec, Records, deadline_rule
from cmty.rules.funds import voucher_total
from cmty.statement import income_source, known_sources

ZERO = Decimal("0.00")


def _received(fund: Rec, vouchers: list[Rec], today: date, sources: list[str]
              ) -> dict[tuple[str, str], Decimal]:
    """(source, counterparty) and (source, "") → income of the fund booked by `today`."""
    got: dict[tuple[str, str], Decimal] = defaultdict(lambda: ZERO)
    for voucher in vouchers:
        data = voucher.data
        when = day(data.get("date"))
        if data.get("fund") != fund.id or data.get("type") != "income" or when is None or when > today:
            continue
        source, total = income_source(data, sources), voucher_total(data)
        got[(source, "")] += total
        if data.get("counterparty"):
            got[(source, str(data["counterparty"]))] += total
    return got


@deadline_rule("FIN-PLEDGE-OUTSTANDING", kinds=("fund", "voucher"))
def pledges_received(records: Records) -> Iterator[Deadline]:
    """Each source's amount for a year has come in, by income vouchers of the fund, by 31
    December of that year.

    Bad:  sources: [{source: 区财政, year: 2025, amount: "50000.00"}] and 30000.00 received
    Good: a second income voucher of 20000.00 from 区财政
    """
    sources = known_sources()
    for fund in records.of("fund"):
        entries = [(i, e) for i, e in enumerate(fund.data.get("sources") or [])
                   if isinstance(e, dict) and isinstance(e.get("year"), int)]
        if not entries:
            continue
        got = _received(fund, records.of("voucher"), records.today, sources)
        named: dict[str, set[str]] = defaultdict(set)
        for _, entry in entries:
            if entry.get("unit"):
                named[str(entry.get("source"))].add(str(entry["unit"]))
        left: dict[tuple[str, str], Decimal] = {}
        for _, entry in entries:
            source, unit = str(entry.get("source")), str(entry.get("unit") or "")
            left[(source, unit)] = got[(source, unit)] if unit else \
                got[(source, "")] - sum((got[(source, u)] for u in named[source]), ZERO)
        for i, entry in sorted(entries, key=lambda pair: (pair[1]["year"], pair[0])):
            source, unit = str(entry.get("source")), str(entry.get("unit") or "")
            pledged = money_or_none(entry.get("amount")) or ZERO
            paid = min(pledged, max(left[(source, unit)], ZERO))
            left[(source, unit)] -= paid
            if paid >= pledged:
                continue
            year, giver = entry["year"], unit or source
            yield Deadline("FIN-PLEDGE-OUTSTANDING", date(year, 12, 31), fund.file, fund.id,
                           ("sources", i, "amount"),
                           Text(f"{fund.id} {year} 年{giver}应拨 {pledged:.2f} 元，已到账 {paid:.2f} 元",
                                f"{fund.id}: {giver} pledged {pledged:.2f} for {year}, {paid:.2f} "
                                "received"),
                           Text("催收未到账资金，到账后记收入凭证（写明 source）；金额有变的改 sources",
                                "chase the rest and book it with an income voucher (with its "
                                "source); if the amount changed, correct sources"))
