"""cmty.yaml for a new community, as text: every role and every rule parameter at its
default, each with its rule code and a comment in Chinese and English."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

from cmty.config import PARAMETERS, ROLE_NAMES, Parameter
from cmty.findings import Text

_GROUPS: dict[str, Text] = {
    "fees": Text("党费", "party dues"),
    "development": Text("发展党员", "recruiting party members"),
    "meetings": Text("组织生活", "party meetings"),
    "finance": Text("财务", "finance"),
    "disclosure": Text("公开", "public disclosure"),
    "foreigners": Text("境外人员", "foreign residents"),
    "residents": Text("居民", "residents"),
    "joint_meeting": Text("驻区单位联席会议", "joint meetings of resident units"),
    "grid": Text("网格化管理", "grid management"),
    "identifiers": Text("身份号码与手机号", "identifiers"),
    "limits": Text("cmty 运行限制", "limits of cmty itself"),
}

_ROLES: dict[str, Text] = {
    "书记": Text("党组织书记，审批支出", "party secretary, who approves expenses"),
    "副书记": Text("党组织副书记", "deputy party secretary"),
    "报账员": Text("报账员：经手报销、整理凭证的人", "bookkeeper who submits claims and vouchers"),
    "会计": Text("会计：记账的人（不得兼任出纳）", "accountant who keeps the books (not the cashier)"),
    "出纳": Text("出纳：保管现金和银行账户的人", "cashier who holds the cash and the bank account"),
    "民主理财小组": Text("民主理财小组成员，联签审核支出", "democratic finance group, who co-sign "
                       "expenses"),
    "监督委员会": Text("居（村）务监督委员会成员（不得由居委会成员及其近亲属担任）",
                  "members of the supervisory committee (not committee members or their near relatives)"),
    "居委会": Text("居民委员会主任、副主任和委员", "chair, deputy chairs and members of the residents' committee"),
}

# Words some YAML parser (1.1 or 1.2) reads as something other than text.
_RESERVED = {"null", "true", "false", "yes", "no", "on", "off", "y", "n", "~"}
_PLAIN = re.compile(r"[A-Za-z\u4e00-\u9fff][A-Za-z0-9_\u4e00-\u9fff-]*")


def config_text(name: str, code: str, level: str, street: str | None) -> str:
    """cmty.yaml for a new community: identity, empty roles, every parameter at its default."""
    lines = [
        "# cmty 数据仓库配置 / cmty data repository configuration",
        "# 修改后运行 cmty validate 检查 / run cmty validate after editing",
        "",
        "community:",
        "  # 社区名称 / community name",
        f"  name: {quoted(name)}",
        "  # 12 位统计用区划代码 / 12-digit statistical division code",
        f"  code: {quoted(code)}",
        "  # 城市社区 或 涉农社区 / urban or agriculture-related community",
        f"  level: {level}",
        "  # 所属街道（乡镇） / street or township",
        f"  street: {quoted(street)}" if street else "  # street: 某某街道",
        "",
        "# 角色：列出担任者姓名，如 书记: [张三] / roles: who holds each, e.g. 书记: [张三]",
        "roles:",
    ]
    for role in ROLE_NAMES:
        note = _ROLES.get(role, Text(f"担任{role}的人员", f"people who hold {role}"))
        lines += [f"  # {note.zh} / {note.en}", f"  {role}: []"]
    lines += ["", "# 规则参数：默认值取自规则说明，按本社区实际修改",
              "# rule parameters: the defaults come from the rules; set your community's own",
              "parameters:"]
    lines += _parameter_lines(_tree(PARAMETERS), 1)
    return "\n".join(lines) + "\n"


def _tree(parameters: tuple[Parameter, ...]) -> dict[str, Any]:
    """Dotted keys as nested dicts in first-seen order; leaves are the Parameters."""
    tree: dict[str, Any] = {}
    for parameter in parameters:
        *parents, leaf = parameter.key.split(".")
        node = tree
        for part in parents:
            node = node.setdefault(part, {})
        node[leaf] = parameter
    return tree


def _parameter_lines(tree: dict[str, Any], depth: int) -> Iterator[str]:
    indent = "  " * depth
    for key, node in tree.items():
        if isinstance(node, Parameter):
            yield f"{indent}# {node.rule} {node.zh} / {node.en}"
            yield f"{indent}{key}: {_scalar(node.default)}"
            continue
        if depth == 1:
            group = _GROUPS.get(key, Text(key, key))
            yield ""
            yield f"{indent}# —— {group.zh} / {group.en} ——"
        yield f"{indent}{key}:"
        yield from _parameter_lines(node, depth + 1)


def quoted(text: str) -> str:
    # A JSON string is a valid YAML double-quoted scalar, escapes included.
    return json.dumps(text, ensure_ascii=False)


def _scalar(value: Any) -> str:
    """A default as YAML that reads back as the same value under the YAML 1.2 core schema."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str):
        plain = _PLAIN.fullmatch(value) and value.lower() not in _RESERVED
        return value if plain else quoted(value)
    if isinstance(value, list | tuple):
        return "[" + ", ".join(_scalar(item) for item in value) + "]"
    raise TypeError(f"no YAML form for parameter default {value!r}")
