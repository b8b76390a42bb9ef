"""Everything that can be checked in one file alone, and the facts other checks need from it.

The result depends only on the file's bytes, the schemas, cmty.yaml and the date, so it is
cached by the file's git blob id (see cmty.cache) and a warm run re-reads only changed files.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from cmty import rules, schemacheck, yamlio
from cmty.catalogue import severity_of, source_of
from cmty.config import Config
from cmty.findings import Finding, JsonPath, Text
from cmty.kinds import Kind, record_id_for
from cmty.locate import Locator, scalar_source
from cmty.rules.base import RecordContext, crashed
from cmty.schemas import kind_schema, string_values


@dataclass(slots=True)
class FileFacts:
    """What one file defines, what it refers to, and what is wrong inside it (located).

    `targets` is None when the facts came from the cache without them (see cmty.cache);
    `ref_key` and `ref_findings` are the reference rules' last result and the id digests it
    was computed against.
    """

    file: str
    kind: str
    defined: list[tuple[str, JsonPath]] = field(default_factory=list)  # (record id, where)
    targets: dict[str, frozenset[str]] | None = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)
    target_kinds: tuple[str, ...] = ()
    ref_key: str | None = None
    ref_findings: list[Finding] = field(default_factory=list)
    blob: str | None = None  # known at run time; not part of the cached value
    # The parsed record, kept only for kinds the collection rules read (cached apart, see
    # cmty.cache); None when the file could not be read as a record.
    data: dict[str, Any] | None = None
    # File-rule findings and summaries worked out where the file was parsed (cmty.derive).
    derived: dict[str, Any] | None = None
    changed: bool = True  # False while it equals its cache entry (nothing to write back)

    def to_cache(self) -> tuple[Any, ...]:
        return (self.kind, self.defined, [f.to_tuple() for f in self.findings], self.target_kinds,
                self.ref_key, [f.to_tuple() for f in self.ref_findings])

    @classmethod
    def from_cache(cls, file: str, blob: str, cached: tuple[Any, ...]) -> FileFacts:
        kind, defined, findings, target_kinds, ref_key, ref_findings = cached
        return cls(file, kind, defined, None, [Finding.from_tuple(t) for t in findings],
                   tuple(target_kinds), ref_key, [Finding.from_tuple(t) for t in ref_findings],
                   blob, changed=False)


_TEXT_MESSAGES: dict[str, tuple[Text, Text]] = {
    "YAML-TOO-LARGE": (Text("文件大小 {detail} 字节，超过上限", "file is {detail} bytes, over the limit"),
                       Text("拆分为多个文件（例如按支部分月）；上限见参数 limits.max_file_mb",
                            "split it (for example one file per branch and month); the limit is "
                            "parameter limits.max_file_mb")),
    "YAML-BINARY": (Text("文件含 NUL 字节，是二进制文件", "file contains NUL bytes: it is binary"),
                    Text("记录文件夹中只放 UTF-8 文本的 YAML 文件", "keep only UTF-8 YAML text files "
                         "in record folders")),
    "YAML-BOM": (Text("文件以 UTF-8 BOM 开头", "file starts with a UTF-8 byte-order mark"),
                 Text("用编辑器另存为“UTF-8（无 BOM）”", 'save it as "UTF-8 without BOM"')),
    "YAML-ENCODING": (Text("此处字节不是 UTF-8（{detail}）", "bytes here are not UTF-8 ({detail})"),
                      Text("用编辑器把文件另存为 UTF-8 编码", "re-save the file as UTF-8")),
    "YAML-CONFLICT": (Text("未解决的合并冲突标记", "unresolved merge-conflict marker"),
                      Text("解决冲突：保留正确的内容并删除 <<<<<<< ======= >>>>>>> 行",
                           "resolve the conflict: keep the right lines and delete the markers")),
    "YAML-SYNTAX": (Text("YAML 语法错误：{detail}", "YAML syntax error: {detail}"),
                    Text("检查此行及上一行的缩进、冒号和括号", "check indentation, colons and brackets "
                         "on this line and the one before")),
    "YAML-TAB": (Text("缩进中使用了制表符（Tab）", "a tab is used for indentation"),
                 Text("YAML 只能用空格缩进；把 Tab 换成空格", "YAML indents with spaces only; "
                      "replace the tab with spaces")),
    "YAML-TOO-DEEP": (Text("嵌套层级过深", "nesting is too deep"),
                      Text("记录的嵌套不应超过几层；检查是否多了括号", "records nest only a few levels; "
                           "look for stray brackets")),
    "YAML-ALIAS-BOMB": (Text("别名（*引用）展开过多", "aliases (*references) expand too much"),
                        Text("记录中不要使用锚点和别名（&a / *a）", "do not use anchors and aliases "
                             "(&a / *a) in records")),
    "YAML-MULTI-DOC": (Text("文件中有第二个 YAML 文档（--- 分隔）", "a second YAML document (---)"),
                       Text("一个文件只放一条记录；把第二个文档移到它自己的文件", "one record per "
                            "file: move the second document to a file of its own")),
    "YAML-EMPTY": (Text("文件为空（或只有注释）", "file is empty (or only comments)"),
                   Text("填写记录内容，或删除此文件", "fill in the record or delete the file")),
    "YAML-NOT-MAPPING": (Text("记录应为“键: 值”映射，这里是{detail}",
                              "a record is a key: value mapping, this is {detail}"),
                         Text("去掉开头的“- ”，把内容写成 键: 值", 'remove the leading "- " and write '
                              "key: value lines")),
}


def _text_finding(code: str, file: str, record: str, line: int, column: int, detail: str
                  ) -> Finding:
    message, hint = _TEXT_MESSAGES[code]
    if code == "YAML-ENCODING" and detail == "gbk":
        message = Text("文件不是 UTF-8，看起来是 GBK/GB18030 编码（常见于 Windows 记事本、Excel 导出）",
                       "file is not UTF-8; it looks like GBK/GB18030 (as Windows Notepad or Excel "
                       "save it)")
        hint = Text("用编辑器以 GBK 打开，再另存为 UTF-8（无 BOM）",
                    "open it as GBK in an editor and save it as UTF-8 without BOM")
    return Finding(code=code, severity=severity_of(code), file=file, rule=source_of(code),
                   message=Text(message.zh.format(detail=detail), message.en.format(detail=detail)),
                   hint=hint, record=record, line=line, column=column)


def check_file(rel: str, raw: bytes, kind: Kind, config: Config, today: date) -> FileFacts:
    record = record_id_for(kind, rel)
    facts = FileFacts(rel, kind.name)
    max_bytes = int(config.param("limits.max_file_mb")) * 1024 * 1024
    decoded = yamlio.decode(raw, max_bytes)
    for p in decoded.problems:
        facts.findings.append(_text_finding(p.code, rel, record, p.line, p.column, p.detail))
    data = _parse(facts, decoded, record)
    if data is None:
        # A file that cannot be read still claims the id its name gives, so records that
        # refer to it are not all reported as dangling: the one real problem is this file.
        if not kind.per_period:
            facts.defined.append((record, ()))
        return facts
    _check_record(facts, kind, record, data, config, today)
    facts.findings = _locate(facts.findings, decoded.text or "")
    return facts


def _parse(facts: FileFacts, decoded: yamlio.Decoded, record: str) -> dict[str, Any] | None:
    rel = facts.file
    if decoded.text is None:
        return None
    try:
        data = yamlio.load_text(decoded.text)
    except yamlio.YamlLoadError as exc:
        facts.findings.extend(_load_findings(exc.problem, rel, record, decoded.text))
        return None
    if data is None:
        facts.findings.append(_text_finding("YAML-EMPTY", rel, record, 1, 1, ""))
        return None
    if not isinstance(data, dict):
        what = "列表 / a list" if isinstance(data, list) else f"{type(data).__name__}"
        facts.findings.append(_text_finding("YAML-NOT-MAPPING", rel, record, 1, 1, what))
        return None
    return data


def _load_findings(problem: yamlio.TextProblem, rel: str, record: str, text: str
                   ) -> list[Finding]:
    if problem.code != "YAML-DUPLICATE-KEY":
        return [_text_finding(problem.code, rel, record, problem.line, problem.column,
                              problem.detail)]
    found = []
    for path, (line, column), key in Locator(text).duplicate_keys():
        where = ".".join(str(p) for p in path)
        found.append(Finding(
            code=problem.code, severity=severity_of(problem.code), file=rel,
            rule=source_of(problem.code), record=record, line=line, column=column,
            path=(*path, key),
            message=Text(f"键 {key} 在{where or '顶层'}中重复出现",
                         f"key {key} repeats in {where or 'the top level'}"),
            hint=Text("删除或合并重复的键：YAML 只保留其中一个，另一个会悄悄丢失",
                      "delete or merge the duplicate: YAML keeps only one and silently drops "
                      "the other")))
    return found or [_text_finding("YAML-SYNTAX", rel, record, 1, 1, problem.detail)]


def _check_record(facts: FileFacts, kind: Kind, record: str, data: dict[str, Any],
                  config: Config, today: date) -> None:
    schema = kind_schema(kind.name)
    rejected = schemacheck.schema_findings(schema, data, facts.file, record)
    facts.findings.extend(rejected)
    own_id = record if kind.per_period else data.get("id")
    if isinstance(own_id, str):
        facts.defined.append((own_id, () if kind.per_period else ("id",)))
    targets: dict[str, set[str]] = {}
    for pattern, target_kind in schema.refs:
        string_values(data, pattern, targets.setdefault(target_kind, set()))
    facts.targets = {k: frozenset(v) for k, v in targets.items() if v}
    facts.target_kinds = tuple(sorted(facts.targets))
    ctx = RecordContext(facts.file, kind.name, record, data, schema, config, today)
    for rule in rules.RECORD_RULES:
        if rule.kinds is None or kind.name in rule.kinds:
            facts.findings.extend(_run_rule(rule, ctx))
    if kind.name in rules.COLLECTED_KINDS:
        facts.data = _without_rejected(data, rejected)


# Schema findings that reject a value (as opposed to missing or extra fields around it).
_KEEPS_VALUE = frozenset({"SCHEMA-REQUIRED"})
_REFUSED_WHOLE = frozenset({"YAML-TOO-DEEP", "YAML-KEY-NOT-TEXT"})


def _without_rejected(data: dict[str, Any], rejected: list[Finding]) -> dict[str, Any] | None:
    """The record as the collection rules may read it: values the schema rejected are gone.

    A value with its own finding (a month 2026-13, a float for money) would otherwise make the
    rules across records report consequences of the same typo. A rejected list item becomes
    None rather than disappearing, so the positions of the other items still hold. Runs after
    the record rules, which see the record as written.
    """
    if any(f.code in _REFUSED_WHOLE for f in rejected):
        return None
    for f in rejected:
        if f.code in _KEEPS_VALUE or not f.path:
            continue
        parent: Any = data
        for step in f.path[:-1]:
            try:
                parent = parent[step]
            except (KeyError, IndexError, TypeError):
                parent = None
                break
        last = f.path[-1]
        if isinstance(parent, dict):
            parent.pop(last, None)
        elif isinstance(parent, list) and isinstance(last, int) and 0 <= last < len(parent):
            parent[last] = None
    return data


def _run_rule(rule: rules.RecordRule, ctx: RecordContext) -> list[Finding]:
    try:
        return list(rule.check(ctx))
    except Exception as exc:  # a broken rule must not hide the other rules' findings
        return [crashed(rule.name, exc, ctx.file, ctx.record)]


def locate_all(findings: list[Finding], text: str) -> list[Finding]:
    return _locate(findings, text)


def _locate(findings: list[Finding], text: str) -> list[Finding]:
    pending = [f for f in findings if f.line is None]
    if not pending:
        return findings
    locator = Locator(text)
    out = []
    for f in findings:
        if f.line is not None:
            out.append(f)
            continue
        line, column = locator.find(f.path, f.at_key)
        if f.code == "YAML-COERCED":
            written = scalar_source(text, line, column)
            f = replace(f, hint=Text(f'给这个值加引号："{written}"', f'quote it: "{written}"'))
        out.append(replace(f, line=line, column=column))
    return out
