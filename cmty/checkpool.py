"""Checking many files: read, parse and check each, across processes when there are many.

Parsing and schema checks are CPU-bound and independent per file, so a cold run over a street's
tens of thousands of files splits them across the machine's cores. Small runs stay in-process:
starting workers costs more than checking a few hundred files.
"""

from __future__ import annotations

import os
from concurrent.futures import ProcessPoolExecutor
from datetime import date
from multiprocessing import get_context

from cmty import derive, filecheck, gitio, identifiers
from cmty.catalogue import severity_of, source_of
from cmty.config import Config
from cmty.filecheck import FileFacts
from cmty.findings import Finding, Text
from cmty.kinds import BY_NAME
from cmty.source import Source

PARALLEL_FROM = 2000  # files; below this one process is faster
_CHUNK = 500

Item = tuple[str, str]  # (repository-relative path, kind name)
Checked = tuple[str | None, FileFacts]  # (blob id, facts)


def check_one(source: Source, rel: str, kind_name: str, config: Config, today: date) -> Checked:
    try:
        raw = source.read_bytes(rel)
    except OSError as exc:
        facts = FileFacts(rel, kind_name)
        facts.findings.append(Finding(
            code="FILE-READ", severity=severity_of("FILE-READ"), file=rel, line=1, column=1,
            rule=source_of("FILE-READ"), message=Text(f"无法读取文件：{exc.strerror}",
                                                      f"cannot read the file: {exc.strerror}"),
            hint=Text("检查文件权限或链接目标", "check the file's permissions or link target")))
        return None, facts
    facts = filecheck.check_file(rel, raw, BY_NAME[kind_name], config, today)
    derive.derive(facts)
    return gitio.blob_id(raw), facts


def _check_chunk(source: Source, items: list[Item], config: Config, today: date) -> list[Checked]:
    with identifiers.reference_date(today):
        return [check_one(source, rel, kind, config, today) for rel, kind in items]


def check_files(source: Source, items: list[Item], config: Config, today: date,
                jobs: int | None = None) -> list[Checked]:
    """Check `items`, returning results in the same order."""
    workers = jobs or os.cpu_count() or 1
    if workers < 2 or len(items) < PARALLEL_FROM:
        return _check_chunk(source, items, config, today)
    chunks = [items[i : i + _CHUNK] for i in range(0, len(items), _CHUNK)]
    # fork: workers start with cmty and the compiled schemas already loaded.
    with ProcessPoolExecutor(max_workers=workers, mp_context=get_context("fork")) as pool:
        results = pool.map(_check_chunk, [source] * len(chunks), chunks,
                           [config] * len(chunks), [today] * len(chunks))
        return [checked for chunk in results for checked in chunk]
