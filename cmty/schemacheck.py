"""Schema violations of one record, as findings placed at the offending key or value."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from cmty import identifiers
from cmty.catalogue import severity_of, source_of
from cmty.findings import Finding, JsonPath, Text
from cmty.schemas import KindSchema

_FORMAT_CODES = {
    "money": ("MONEY-FORMAT", Text("金额应为不超过两位小数的非负数，写成带引号的文本",
                                   "money is a non-negative amount with at most two decimals, "
                                   "quoted"),
              Text('例如 "102.00"', 'for example "102.00"')),
    "date": ("DATE-FORMAT", Text("日期应为 YYYY-MM-DD", "a date is YYYY-MM-DD"),
             Text("例如 2026-11-05", "for example 2026-11-05")),
    "month": ("MONTH-FORMAT", Text("月份应为 YYYY-MM", "a month is YYYY-MM"),
              Text("例如 2026-11", "for example 2026-11")),
    "period": ("PERIOD-FORMAT", Text("期间应为 YYYY、YYYY-MM 或 YYYY-Qn",
                                     "a period is YYYY, YYYY-MM or YYYY-Qn"),
               Text("例如 2026Q4 或 2026-11", "for example 2026Q4 or 2026-11")),
}
_IDENTIFIER_CHECKS = {
    "cn-id-number": identifiers.check_id_number,
    "cn-uscc": identifiers.check_credit_code,
    "cn-mobile": identifiers.check_mobile,
    "cn-division-code": identifiers.check_division_code,
}
COMPLEX_KEY = "<complex key>"
_TYPE_ZH = {"string": "文本", "integer": "整数", "number": "数字", "boolean": "布尔值",
            "object": "映射", "array": "列表", "null": "空值"}


def _yaml_type(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, list):
        return "array"
    if isinstance(value, dict):
        return "object"
    return "string"


def _finding(code: str, file: str, record: str | None, path: JsonPath, message: Text,
             hint: Text, at_key: bool = False) -> Finding:
    return Finding(code=code, severity=severity_of(code), file=file, message=message, hint=hint,
                   rule=source_of(code), record=record, path=path, at_key=at_key)


def schema_findings(schema: KindSchema, data: Any, file: str, record: str | None
                    ) -> list[Finding]:
    try:
        errors = list(schema.iter_errors(data))
    except ValueError:
        # The validator takes only JSON-shaped data: keys that are not text, or nesting deeper
        # than it recurses, make it refuse the whole record. Say which, at the place.
        return list(_unvalidatable(data, file, record))
    return [f for error in errors for f in _translate(schema, error, data, file, record)]


def _unvalidatable(data: Any, file: str, record: str | None) -> Iterator[Finding]:
    stack: list[tuple[Any, JsonPath]] = [(data, ())]
    seen_key = False
    while stack:
        node, path = stack.pop()
        if len(path) > 64:
            yield _finding("YAML-TOO-DEEP", file, record, path,
                           Text(f"嵌套超过 64 层（{'.'.join(map(str, path[:3]))}…）",
                                f"nested more than 64 levels ({'.'.join(map(str, path[:3]))}…)"),
                           Text("记录的嵌套只有几层；检查缩进", "records nest only a few levels; "
                                "check the indentation"))
            return
        if isinstance(node, dict):
            for key, value in node.items():
                if not isinstance(key, str):
                    seen_key = True
                    yield _finding("YAML-KEY-NOT-TEXT", file, record, (*path, key_step(key)),
                                   Text(f"键 {key!r} 不是文本", f"key {key!r} is not text"),
                                   Text(f'给键加引号，例如 "{key}":', f'quote the key, e.g. "{key}":'),
                                   at_key=True)
                else:
                    stack.append((value, (*path, key)))
        elif isinstance(node, list):
            stack.extend((item, (*path, i)) for i, item in enumerate(node))
    if not seen_key:
        yield _finding("YAML-TOO-DEEP", file, record, (), Text("记录无法校验：结构过深或过于复杂",
                       "the record cannot be checked: it nests too deep"),
                       Text("检查缩进和括号", "check the indentation and brackets"))


def key_step(key: Any) -> str:
    """A non-text key as the locator can find it again in the source."""
    if isinstance(key, bool):
        return "true" if key else "false"
    if key is None:
        return "null"
    if isinstance(key, (int, float)):
        return str(key)
    return COMPLEX_KEY


def _value_at(data: Any, path: JsonPath) -> Any:
    for step in path:
        try:
            data = data[step]
        except (KeyError, IndexError, TypeError):
            return None
    return data


@dataclass(frozen=True, slots=True)
class _Error:
    """One validator error, with what every translation needs."""

    schema: KindSchema
    kind: Any  # jsonschema_rs's ValidationErrorKind
    message: str
    value: Any
    path: JsonPath
    file: str
    record: str | None

    @property
    def field(self) -> str:
        return ".".join(str(p) for p in self.path) or "(record)"

    def finding(self, code: str, message: Text, hint: Text, path: JsonPath | None = None,
                at_key: bool = False) -> Finding:
        return _finding(code, self.file, self.record, self.path if path is None else path,
                        message, hint, at_key)


def _translate(schema: KindSchema, error: Any, data: Any, file: str, record: str | None
               ) -> Iterator[Finding]:
    path: JsonPath = tuple(error.instance_path)
    # The validator's copy of the value is JSON: .inf and .nan would come back as null.
    e = _Error(schema, error.kind, error.message, _value_at(data, path), path, file, record)
    name = e.kind.name
    if name == "pattern" and schema.subschema(path).get("format") in _FORMAT_CODES:
        yield from _format_finding(schema.subschema(path)["format"], e.value, file, record, path,
                                   e.field)
    elif name == "format":
        yield from _format_finding(e.kind.format, e.value, file, record, path, e.field)
    else:
        yield from _TRANSLATIONS.get(name, _constraint)(e)


def _type(e: _Error) -> Iterator[Finding]:
    expected = list(e.kind.types)
    got = _yaml_type(e.value)
    if got == "null":
        yield e.finding("SCHEMA-EMPTY", Text(f"{e.field} 没有填写值", f"{e.field} has no value"),
                        Text(f"填写 {e.field} 的值，或删除这一行",
                             f"fill in {e.field} or delete the line"))
    elif "string" in expected and got in ("integer", "number", "boolean"):
        yield e.finding("YAML-COERCED",
                        Text(f"{e.field} 应为文本，YAML 把它读成了{_TYPE_ZH[got]} {e.value!r}",
                             f"{e.field} is text, but YAML read it as {got} {e.value!r}"),
                        Text("给这个值加引号", "quote it"))
    else:
        want = "、".join(_TYPE_ZH.get(t, t) for t in expected)
        yield e.finding("SCHEMA-TYPE", Text(f"{e.field} 应为{want}，实际是{_TYPE_ZH[got]}",
                                            f"{e.field} must be {' or '.join(expected)}, not {got}"),
                        Text(f"把 {e.field} 改成{want}",
                             f"write {e.field} as {' or '.join(expected)}"))


def _required(e: _Error) -> Iterator[Finding]:
    missing = e.kind.property
    title = e.schema.subschema((*e.path, missing)).get("title", missing)
    yield e.finding("SCHEMA-REQUIRED", Text(f"缺少必填字段 {missing}（{title}）",
                                            f"required field {missing} ({title}) is missing"),
                    Text(f"添加 {missing}: …", f"add {missing}: …"), at_key=bool(e.path))


def _unknown(e: _Error) -> Iterator[Finding]:
    allowed = ", ".join(e.schema.subschema(e.path).get("properties", {}))
    for extra in e.kind.unexpected:
        yield e.finding("SCHEMA-UNKNOWN-FIELD", Text(f"未知字段 {extra}", f"unknown field {extra}"),
                        Text(f"检查拼写；允许的字段：{allowed}",
                             f"check the spelling; allowed fields: {allowed}"),
                        path=(*e.path, extra), at_key=True)


def _enum(e: _Error) -> Iterator[Finding]:
    options = "、".join(str(o) for o in e.kind.options)
    yield e.finding("SCHEMA-ENUM", Text(f"{e.field} 的值 {e.value!r} 不在允许范围内",
                                        f"{e.field} {e.value!r} is not an allowed value"),
                    Text(f"可选：{options}", f"use one of: {options}"))


def _pattern(e: _Error) -> Iterator[Finding]:
    yield e.finding("SCHEMA-PATTERN", Text(f"{e.field} 的值 {e.value!r} 格式不对",
                                           f"{e.field} {e.value!r} is malformed"),
                    Text(f"应匹配 {e.kind.pattern}", f"it must match {e.kind.pattern}"))


def _constraint(e: _Error) -> Iterator[Finding]:
    yield e.finding("SCHEMA-CONSTRAINT", Text(f"{e.field}：{e.message}", f"{e.field}: {e.message}"),
                    Text("按 data_schema 中的约束修改", "change it to meet the schema"))


_TRANSLATIONS: dict[str, Callable[[_Error], Iterator[Finding]]] = {
    "type": _type, "required": _required, "additionalProperties": _unknown, "enum": _enum,
    "pattern": _pattern,
}


def _format_finding(fmt: str, value: Any, file: str, record: str | None, path: JsonPath,
                    field: str) -> Iterator[Finding]:
    if fmt in _IDENTIFIER_CHECKS:
        verdict = _IDENTIFIER_CHECKS[fmt](str(value))
        for issue in verdict.issues:
            if issue.severity != "error":
                continue
            yield _finding(issue.code, file, record, path,
                           Text(f"{field}：{issue.zh}", f"{field}: {issue.en}"),
                           Text(issue.hint_zh, issue.hint_en))
        return
    code, what, example = _FORMAT_CODES.get(
        fmt, ("SCHEMA-PATTERN", Text(f"格式应为 {fmt}", f"format must be {fmt}"), Text("", "")))
    yield _finding(code, file, record, path,
                   Text(f"{field} 的值 {value!r} 不对：{what.zh}", f"{field} {value!r}: {what.en}"),
                   example)
