#!/usr/bin/env python3
"""Build a synthetic street-scale data repository for the benchmarks.

Default: 10,000 members over 100 branches, 10 years of monthly fee collections per branch
(about 1.2 million fee entries in 12,000 files) and 50,000 vouchers, committed to git.

    python bench/generate.py OUT_DIR [--members N] [--branches N] [--years N] [--vouchers N]
"""

from __future__ import annotations

import argparse
import random
import subprocess
import sys
import time
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from cmty.identifiers import id_check_char

SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡"
    "余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯"
    "龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
)
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国志红玉兰文辉鹏飞海燕玲晓东"
ADDRESS_CODES = ("370102", "370103", "370104", "370105", "370112")
CONFIG = """\
community: {name: 基准街道, code: "370102003012", level: 城市社区}
roles:
  书记: [刘建华]
  报账员: [王敏]
  会计: [周晓]
  出纳: [孙丽]
  民主理财小组: [赵国强, 钱芳]
  监督委员会: [赵国强, 吴刚, 郑丽]
"""


def id_number(rng: random.Random, male: bool) -> tuple[str, str]:
    # born by 1990: every member is an adult when applying in 2010 (D1)
    year, month, day = rng.randint(1940, 1990), rng.randint(1, 12), rng.randint(1, 28)
    seq = rng.randint(0, 499) * 2 + (1 if male else 0)
    first17 = f"{rng.choice(ADDRESS_CODES)}{year:04d}{month:02d}{day:02d}{seq:03d}"
    return first17 + id_check_char(first17), f"{year:04d}-{month:02d}-{day:02d}"


def fee_due(base: Decimal) -> Decimal:
    rate = Decimal("0.005") if base <= 3000 else Decimal("0.01") if base <= 5000 else \
        Decimal("0.015") if base <= 10000 else Decimal("0.02")
    return (base * rate).quantize(Decimal("0.01"), ROUND_HALF_UP)


def write(root: Path, rel: str, text: str) -> None:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def member_text(i: int, org: str, rng: random.Random) -> tuple[str, Decimal]:
    male = rng.random() < 0.5
    number, birth = id_number(rng, male)
    base = Decimal(rng.randint(2000, 15000))
    name = rng.choice(SURNAMES) + rng.choice(GIVEN) + rng.choice(GIVEN)
    text = (f"id: M{i:05d}\nname: {name}\nsex: {'男' if male else '女'}\n"
            f'id_number: "{number}"\nmobile: "13{rng.randint(0, 999999999):09d}"\n'
            f"birth_date: {birth}\norg: {org}\nstatus: 正式党员\ncategory: 直接管理\n"
            f"stages: {{applied: 2010-03-01, activist: 2010-09-10, target: 2011-10-08, "
            f"probationary: 2012-07-01, full: 2013-07-01}}\n"
            f'fee_basis:\n  - {{from: 2016-01, kind: in-service, base: "{base}.00"}}\n')
    return text, base


def generate(root: Path, members: int, branches: int, years: int, vouchers: int) -> None:
    rng = random.Random(20261129)
    write(root, "cmty.yaml", CONFIG)
    write(root, "party/orgs/O001.yaml", "id: O001\nname: 基准街道党工委\ntype: 党委\n")
    roster: dict[str, list[tuple[str, Decimal]]] = {}
    posts = ("书记", "副书记", "组织委员", "宣传委员", "纪检委员")
    for b in range(branches):
        org = f"O{b + 2:03d}"
        # A hundred members each: a 基层党委 (O6) with a committee of five, its first five
        # members (members are dealt to the organisations in turn).
        seats = "".join(f"  - {{member: M{b + 1 + k * branches:05d}, post: {post}, from: 2024-03-01}}\n"
                        for k, post in enumerate(posts) if b + 1 + k * branches <= members)
        write(root, f"party/orgs/{org}.yaml",
              f"id: {org}\nname: 第{b + 1}社区党委\ntype: 党委\nparent: O001\n"
              f"committee:\n{seats}term: {{start: 2024-03-01, end: 2029-03-01}}\n")
        roster[org] = []
    orgs = list(roster)
    for i in range(1, members + 1):
        org = orgs[(i - 1) % len(orgs)]
        text, base = member_text(i, org, rng)
        write(root, f"party/members/M{i:05d}.yaml", text)
        roster[org].append((f"M{i:05d}", fee_due(base)))
    for org, people in roster.items():
        for y in range(2026 - years + 1, 2027):
            for m in range(1, 13):
                period = f"{y}-{m:02d}"
                lines = [f"period: {period}", f"org: {org}", f"collector: {people[0][0]}",
                         "entries:"]
                lines += [f'  - {{member: {who}, months: [{period}], amount: "{due}", '
                          f"paid_on: {period}-{rng.randint(1, 28):02d}, method: 微信}}"
                          for who, due in people]
                write(root, f"party/fees/{org}/{period}.yaml", "\n".join(lines) + "\n")
    write(root, "finance/funds/F01.yaml", 'id: F01\nname: 服务群众经费\nearmarked: true\n'
          'purposes: [办公费, 活动经费]\nopening_balance: "30000000.00"\n')  # covers every voucher
    per_year: dict[int, int] = {}
    for v in range(vouchers):
        year = 2026 - (v % years)
        per_year[year] = per_year.get(year, 0) + 1
        vid = f"V{year}-{per_year[year]:04d}"
        write(root, f"finance/vouchers/{vid}.yaml", _voucher(vid, year, v, rng.randint(10, 900)))


def _voucher(vid: str, year: int, v: int, amount: int) -> str:
    day = f"{year}-{(v % 12) + 1:02d}-{(v % 28) + 1:02d}"
    return (f"id: {vid}\ndate: {day}\nfund: F01\ntype: expense\n"
            f'lines:\n  - {{category: 办公费, amount: "{amount}.00", description: 办公用品}}\n'
            f"counterparty: 和园文具店\ndocument: {{type: 发票, number: \"{v:020d}\"}}\n"
            f"payment: cash\nhandler: 王敏\napprovals:\n"
            f"  - {{role: 民主理财小组, person: 赵国强, on: {day}}}\n"
            f"  - {{role: 书记, person: 刘建华, on: {day}}}\ncashier: 孙丽\nbookkeeper: 周晓\n")


def commit(root: Path) -> None:
    env_args = ["-c", "user.name=bench", "-c", "user.email=bench@cmty.invalid"]
    subprocess.run(["git", "init", "-q", "-b", "main", str(root)], check=True)
    subprocess.run(["git", "-C", str(root), "add", "-A"], check=True)
    subprocess.run(["git", "-C", str(root), *env_args, "commit", "-q", "-m", "基准数据 / bench data"],
                   check=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out", type=Path)
    parser.add_argument("--members", type=int, default=10_000)
    parser.add_argument("--branches", type=int, default=100)
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--vouchers", type=int, default=50_000)
    args = parser.parse_args()
    if (args.out / "cmty.yaml").exists():
        sys.exit(f"{args.out} already holds a data repository")
    started = time.perf_counter()
    generate(args.out, args.members, args.branches, args.years, args.vouchers)
    commit(args.out)
    print(f"generated {args.out} in {time.perf_counter() - started:.1f} s")


if __name__ == "__main__":
    main()
