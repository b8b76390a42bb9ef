"""Money promised to a fund (经费来源: 县、镇财政拨款, 驻区单位共建资金, 捐赠), as the fund record
lists it per source and year, is received by the end of that year. A shortfall is something to
chase, not a breach, hence a warning once the year is over."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from cmty.findings import Text
from cmty.rules.base import Deadline, Records, deadline_rule
from cmty.statement import fund_year, known_sources


@deadline_rule("FIN-PLEDGE-OUTSTANDING", kinds=("fund", "voucher"))
def pledges_received(records: Records) -> Iterator[Deadline]:
    """Each source's amount for a year has come in, by income vouchers of the fund, by 31
    December of that year.

    Bad:  sources: [{source: 区财政, year: 2026, amount: "50000.00"}] and 30000.00 received
    Good: a second income voucher of 20000.00 from 区财政 in 2026
    """
    sources = known_sources()
    for fund in records.of("fund"):
        entries = fund.data.get("sources") or []
        years: set[int] = {e["year"] for e in entries if isinstance(e, dict) and isinstance(e.get("year"), int)}
        for year in sorted(y for y in years if y <= records.today.year):
            statement = fund_year(fund, records.of("voucher"), year, sources)
            pledged = iter(statement.pledges)
            for i, entry in enumerate(entries):
                if not isinstance(entry, dict) or entry.get("year") != year:
                    continue
                pledge = next(pledged)
                if pledge.outstanding <= 0:
                    continue
                giver = pledge.unit or pledge.source
                yield Deadline("FIN-PLEDGE-OUTSTANDING", date(year, 12, 31), fund.file, fund.id,
                               ("sources", i, "amount"),
                               Text(f"{fund.id} {year} 年{giver}应拨 {pledge.pledged:.2f} 元，已到账 "
                                    f"{pledge.received:.2f} 元", f"{fund.id}: {giver} pledged "
                                    f"{pledge.pledged:.2f} for {year}, {pledge.received:.2f} received"),
                               Text("催收未到账资金，到账后记收入凭证（写明 source）；金额有变的改 sources",
                                    "chase the rest and book it with an income voucher (with its "
                                    "source); if the amount changed, correct sources"))
