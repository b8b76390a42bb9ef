#!/usr/bin/env python3
"""Time `cmty history` and `cmty log` on a data repository with a long history.

    .venv/bin/python bench/history.py                     # 10,000 commits, 2,000 members
    .venv/bin/python bench/history.py --commits 2000      # a quick run
    .venv/bin/python bench/history.py --repo DIR          # where the repository is (re)used

The repository is generated with ONE `git fast-import` (10,000 `git commit` calls would take
minutes): a first commit with every member, then commits that each change one or two members,
some with cmty's trailers and some as hand edits, some moving a file to a branch's sub-folder,
adding or deleting a member. M00001 changes in every 20th commit and moves to a sub-folder half
way; the last member of the first commit changes only four times; the one in the middle is
changed at random like most members.

Each figure is the median wall time of 3 runs of the installed console script (start-up
included), beside the same question asked of plain git. It is measured twice: with the
commit-graph that `git gc` writes, and with its changed-path Bloom filters added
(`git commit-graph write --reachable --changed-paths`). Exit status 1 when a target is missed
with the Bloom filters.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
BIN = Path(sys.executable).parent  # the venv's bin: its python is a symlink out of the venv
CHILD_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE" and not k.startswith("GIT_")}
RUNS = 3
HOT = "M00001"
AUTHORS = (("王敏", "wangmin@example.cn"), ("周晓", "zhouxiao@example.cn"), ("孙丽", "sunli@example.cn"),
           ("刘建华", "liujh@example.cn"))
SURNAMES, GIVEN = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗", "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超霞"
CONFIG = 'community: {name: 基准社区, code: "370102003012", level: 城市社区}\nroles:\n  书记: [刘建华]\n'
START = 1451610000  # 2016-01-01 09:00 +08:00
STEP = 3 * 3600


class Story:
    """Members as data, their files' paths, and a fast-import stream written as it goes."""

    def __init__(self, members: int, seed: int = 20261129) -> None:
        self.rng = random.Random(seed)
        self.data: dict[str, dict[str, object]] = {}
        self.path: dict[str, str] = {}
        self.out: list[bytes] = []
        self.mark = 0
        self.next_id = members + 1
        for i in range(1, members + 1):
            self.new_member(f"M{i:05d}")

    def new_member(self, mid: str) -> None:
        rng = self.rng
        self.data[mid] = {
            "id": mid, "name": rng.choice(SURNAMES) + rng.choice(GIVEN) + rng.choice(GIVEN),
            "sex": rng.choice("男女"), "mobile": f"13{rng.randint(0, 999_999_999):09d}",
            "org": f"O{rng.randint(2, 11):03d}", "status": "正式党员", "category": "直接管理",
            "fee_basis": [{"from": "2016-01", "kind": "in-service", "base": f"{rng.randint(2000, 9000)}.00"}],
        }
        self.path[mid] = f"party/members/{mid}.yaml"

    def text(self, mid: str) -> bytes:
        d = self.data[mid]
        lines = [f"{k}: {v}" if k != "mobile" else f'{k}: "{v}"' for k, v in d.items() if k != "fee_basis"]
        lines.append("fee_basis:")
        lines += [f'  - {{from: {f["from"]}, kind: {f["kind"]}, base: "{f["base"]}"}}'
                  for f in d["fee_basis"]]  # type: ignore[attr-defined]
        return ("\n".join(lines) + "\n").encode()

    def change(self, mid: str, when: int) -> str:
        """Change one field of a member; returns the field's name."""
        d, rng = self.data[mid], self.rng
        what = rng.choice(("mobile", "note", "status_since", "fee_basis"))
        if what == "mobile":
            d["mobile"] = f"15{rng.randint(0, 999_999_999):09d}"
        elif what == "note":
            d["note"] = f"第{rng.randint(1, 99)}次走访"
        elif what == "status_since":
            d["status_since"] = time.strftime("%Y-%m-%d", time.gmtime(when))
        else:
            basis: list[dict[str, str]] = d["fee_basis"]  # type: ignore[assignment]
            entry = {"from": time.strftime("%Y-%m", time.gmtime(when)), "kind": "in-service",
                     "base": f"{rng.randint(2000, 9000)}.00"}
            if len(basis) < 6 and entry["from"] != basis[-1]["from"]:
                basis.append(entry)
            else:
                basis[-1]["base"] = entry["base"]
        return what

    def commit(self, n: int, ops: list[bytes], message: str) -> None:
        name, email = AUTHORS[n % len(AUTHORS)]
        when = START + n * STEP
        who = f"{name} <{email}> {when} +0800".encode()
        msg = message.encode()
        self.out += [b"commit refs/heads/main\n", b"author " + who + b"\ncommitter " + who + b"\n",
                     b"data %d\n" % len(msg), msg, b"\n"]
        self.out += ops
        self.out.append(b"\n")

    def put(self, mid: str) -> bytes:
        body = self.text(mid)
        return b"M 100644 inline " + self.path[mid].encode() + b"\ndata %d\n" % len(body) + body + b"\n"


def message(ids: list[str], fields: list[str], trailers: bool) -> str:
    if not trailers:
        return f"更新 {'、'.join(ids)} 的 {'、'.join(fields)}\n"
    lines = ["Cmty-Action: record.set", *(f"Cmty-Record: {i}" for i in ids), "Cmty-Version: 0.1.0"]
    return f"修改 {ids[0]}：{fields[0]} / set {ids[0]}: {fields[0]}\n\n" + "\n".join(lines) + "\n"


def few(members: int) -> str:
    return f"M{members:05d}"


def stream(commits: int, members: int) -> bytes:
    story = Story(members)
    rng = story.rng
    first = [b"M 100644 inline cmty.yaml\ndata %d\n" % len(CONFIG.encode()) + CONFIG.encode() + b"\n"]
    for i in range(1, 12):
        org = f"id: O{i:03d}\nname: 第{i}党支部\ntype: {'党委' if i == 1 else '党支部'}\n".encode()
        first.append(b"M 100644 inline party/orgs/O%03d.yaml\ndata %d\n" % (i, len(org)) + org + b"\n")
    story.commit(0, first + [story.put(m) for m in story.data], "初始数据\n")
    others = [m for m in story.data if m not in (HOT, few(members))]
    for n in range(1, commits):
        when = START + n * STEP
        if n % 20 == 0:
            ids = [HOT]
        elif n in (commits // 4, commits // 2, 3 * commits // 4, commits - 1):
            ids = [few(members)]
        else:
            ids = rng.sample(others, 2 if rng.random() < 0.3 else 1)
        ops, fields = [], []
        for mid in ids:
            if (mid == HOT and n == commits // 2) or rng.random() < 0.005:  # move to the branch folder
                old = story.path[mid]
                story.path[mid] = f"party/members/{story.data[mid]['org']}/{mid}.yaml"
                if old != story.path[mid]:
                    ops.append(f"R {old} {story.path[mid]}\n".encode())
            fields.append(story.change(mid, when))
            ops.append(story.put(mid))
        if rng.random() < 0.005:  # a new member, or one struck off
            new = f"M{story.next_id:05d}"
            story.next_id += 1
            story.new_member(new)
            others.append(new)
            ops.append(story.put(new))
        elif rng.random() < 0.002 and len(others) > 10:
            gone = others.pop(rng.randrange(len(others)))
            if gone not in ids:
                ops.append(f"D {story.path.pop(gone)}\n".encode())
        story.commit(n, ops, message(ids, fields, trailers=rng.random() < 0.6))
    return b"".join(story.out) + b"done\n"


def git(repo: Path, *args: str, stdin: bytes | None = None) -> str:
    done = subprocess.run(["git", "-C", str(repo), *args], input=stdin, capture_output=True, check=False,
                          env=CHILD_ENV)
    if done.returncode:
        sys.exit(f"git {args[0]} failed: {done.stderr.decode(errors='replace')[-2000:]}")
    return done.stdout.decode()


def generate(repo: Path, commits: int, members: int) -> None:
    started = time.perf_counter()
    scratch = repo.with_name(repo.name + ".partial")
    shutil.rmtree(scratch, ignore_errors=True)
    scratch.mkdir(parents=True)
    git(scratch, "init", "-q", "-b", "main")
    git(scratch, "fast-import", "--quiet", "--done", stdin=stream(commits, members))
    git(scratch, "reset", "-q", "--hard", "main")
    scratch.rename(repo)
    print(f"generated {repo} in {time.perf_counter() - started:.1f} s", file=sys.stderr)


def timed(argv: list[str], cwd: Path) -> tuple[float, float, int]:
    """Median wall and CPU time (user + system, the program's children included) of RUNS runs,
    and the lines the last run printed. CPU time is the steadier figure on a busy machine."""
    walls, cpus, lines = [], [], 0
    for _ in range(RUNS):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        done = subprocess.run(argv, cwd=cwd, capture_output=True, env=CHILD_ENV, check=True)
        walls.append(time.perf_counter() - started)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
        lines = done.stdout.count(b"\n")
    return statistics.median(walls), statistics.median(cpus), lines


def measure(repo: Path, members: int, bloom: bool) -> bool:
    """Print one table; True when every target is met."""
    # A commit-graph file holds every commit's parents, date and generation number, so a walk of
    # 10,000 commits does not parse 10,000 commit objects. `git gc` writes one in any repository
    # that has been in use (gc.writeCommitGraph is on by default); fast-import does not, so
    # without it the figures would be those of a repository nobody has used. Its changed-path
    # Bloom filters (--changed-paths) let `git log -- FILE` skip the commits that cannot have
    # touched FILE; once written, later writes (gc's included) keep them.
    git(repo, "commit-graph", "write", "--reachable", "--changed-paths" if bloom else "--no-changed-paths")
    cmty = str(BIN / "cmty")
    hot = git(repo, "log", "-1", "--format=", "--name-only", "--", f":(glob)party/members/**/{HOT}.yaml").strip()
    total = int(git(repo, "rev-list", "--count", "HEAD"))
    typical = f"M{members // 2:05d}"  # changed at random, like most members
    typical_path = git(repo, "log", "-1", "--format=", "--name-only", "--diff-filter=AMR", "--",
                       f":(glob)party/members/**/{typical}.yaml").strip()
    rows = [
        (f"cmty history {HOT} (many changes)", [cmty, "history", HOT], ["git", "log", "--follow", "--", hot], 1.0),
        (f"cmty history {few(members)} (few changes)", [cmty, "history", few(members)],
         ["git", "log", "--follow", "--", f"party/members/{few(members)}.yaml"], 1.0),
        (f"cmty history {typical} (typical)", [cmty, "history", typical],
         ["git", "log", "--follow", "--", typical_path], 1.0),
        (f"cmty log ({total:,} commits)", [cmty, "log"], ["git", "log", "--name-status"], 3.0),
    ]
    print(f"\ncommit-graph {'with' if bloom else 'without'} changed-path Bloom filters")
    print(f"{'figure':<38}{'cmty':>9}{'CPU':>9}{'lines':>7}{'git':>9}{'CPU':>9}{'cmty/git':>9}  target  result")
    met = True
    for label, ours, theirs, limit in rows:
        wall, cpu, lines = timed(ours, repo)
        git_wall, git_cpu, _ = timed(theirs, repo)
        met &= wall < limit
        print(f"{label:<38}{wall:>7.3f} s{cpu:>7.3f} s{lines:>7,}{git_wall:>7.3f} s{git_cpu:>7.3f} s"
              f"{wall / git_wall:>8.1f}x  < {limit:g} s   {'PASS' if wall < limit else 'FAIL'}")
    print("  the library calls alone, in this process (no start-up): " + library(repo, members))
    return met


def library(repo: Path, members: int) -> str:
    """Median wall time of record_history and activity called in-process."""
    sys.path.insert(0, str(BENCH.parent))
    from cmty.history import activity, record_history
    from cmty.repo import Repo

    calls = [(f"history {HOT}", lambda: record_history(Repo(repo), HOT)),
             (f"history {few(members)}", lambda: record_history(Repo(repo), few(members))),
             ("activity", lambda: activity(Repo(repo)))]
    figures = []
    for name, call in calls:
        walls = []
        for _ in range(RUNS):
            started = time.perf_counter()
            call()
            walls.append(time.perf_counter() - started)
        figures.append(f"{name} {statistics.median(walls):.3f} s")
    return ", ".join(figures)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--commits", type=int, default=10_000)
    parser.add_argument("--members", type=int, default=2_000)
    parser.add_argument("--repo", type=Path)
    args = parser.parse_args()
    repo = (args.repo or BENCH / "out" / f"history-{args.commits}").resolve()
    if not (repo / ".git").is_dir():
        generate(repo, args.commits, args.members)
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"cmty history bench: {repo}\n  {args.commits:,} commits, {args.members:,} members at first; "
          f"{os.cpu_count()} CPUs, load average {load:.2f}; median of {RUNS} runs, start-up included")
    measure(repo, args.members, bloom=False)
    met = measure(repo, args.members, bloom=True)
    print("\n  git: git log --follow -- FILE for history, git log --name-status for log")
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
