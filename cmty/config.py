"""cmty.yaml: the community's identity, its roles and the rule parameters, with defaults.

Every local-practice ("L") item of the regulations is a parameter here, with the default from
the rules reference and the rule code it belongs to, so a community sets its own figure instead
of cmty hard-coding one.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cmty.errors import ConfigError
from cmty.findings import Text

CONFIG_NAME = "cmty.yaml"


@dataclass(frozen=True, slots=True)
class Parameter:
    key: str          # dotted path under `parameters:`
    default: Any
    rule: str         # the rule code it belongs to
    zh: str
    en: str
    form: str = ""    # "date" (YYYY-MM-DD or empty) or "cadence" (month/quarter/half/year)


CADENCES = ("month", "quarter", "half", "year")

PARAMETERS: tuple[Parameter, ...] = (
    Parameter("fees.rounding", "half-up", "F3", "党费计算舍入方式（half-up 四舍五入）",
              "rounding of computed dues (half-up)"),
    Parameter("fees.base_deducts_social_insurance", False, "F2",
              "计算基数是否扣除个人缴纳的社保和公积金", "whether the base excludes the member's own "
              "social-insurance and housing-fund contributions"),
    Parameter("fees.farmer_monthly", "0.20", "F6", "农民党员每月党费（0.20–1.00 元）",
              "monthly dues of farmer members (0.20–1.00 yuan)"),
    Parameter("fees.back_payment_months", 6, "F12", "补交党费一般不超过的月数",
              "months of back payment generally allowed"),
    Parameter("fees.arrears_warning_months", 3, "F14", "连续未交党费提醒月数",
              "consecutive unpaid months that raise a warning"),
    Parameter("development.activist_min_months", 0, "D4", "申请后确定积极分子的最短月数",
              "minimum months from application to activist"),
    Parameter("development.political_review_valid_months", 12, "D8", "政治审查结论有效月数",
              "months a political review stays valid"),
    Parameter("development.publicity_days", 7, "D12", "发展对象公示天数",
              "days a candidate's public notice stays up"),
    Parameter("development.publicity_working_days", False, "D12", "公示天数是否按工作日计算",
              "whether publicity days are working days"),
    Parameter("records.since", "", "—", "记录起始日期（会议频次、学时等逐期检查从此开始；空为首次会议日期）",
              "date the records begin (period-by-period checks start there; empty: the first meeting on record)",
              form="date"),
    Parameter("training.member_hours", 32, "§4 培训", "党员每年学时", "training hours a member needs a "
              "year"),
    Parameter("training.cadre_hours", 56, "§4 培训", "基层书记和委员每年学时",
              "training hours a secretary or committee member needs a year"),
    Parameter("meetings.party_lecture_every", "quarter", "§4 党课", "党课频次（quarter 或 year）",
              "party-lecture cadence (quarter or year)", form="cadence"),
    Parameter("transfer.letter_valid_months", 3, "§4 组织关系", "组织关系介绍信有效期（月）",
              "months a transfer letter stays valid"),
    Parameter("finance.cash_limit", "5000.00", "C4", "库存现金限额（元）",
              "cash-on-hand limit (yuan)"),
    Parameter("finance.bank_threshold", "1000.00", "C5", "超过此金额须银行转账（元）",
              "amount above which payment must go through the bank (yuan)"),
    Parameter("finance.hospitality_cap", "0.00", "C10", "接待费上限（元，零控制为 0）",
              "hospitality spending cap (yuan; 0 = zero control)"),
    Parameter("finance.large_item_threshold", "50000.00", "C8",
              "须经居民（代表）会议决定的大额事项金额（元）",
              "amount above which a residents' (representatives') meeting must decide (yuan)"),
    Parameter("finance.approval_chain", ["民主理财小组", "书记"], "C8",
              "支出审批须依次经过的角色（联签）", "roles that must approve an expense, in order"),
    Parameter("finance.allowed_documents", ["发票", "财政票据", "收据", "工资表", "银行回单", "合同"],
              "C3", "允许入账的原始凭证类型", "original-document types that may be booked"),
    Parameter("audit.yearly_within_months", 6, "C11", "年度审计应在次年几个月内完成",
              "months after the year's end by which its accounts are audited"),
    Parameter("audit.publish_within_days", 30, "C11", "审计报告后公布结果的期限（天）",
              "days from an audit's report to publishing its result"),
    Parameter("disclosure.general_every", "quarter", "村委会组织法 art. 30",
              "一般事项公开频次", "cadence of general disclosures", form="cadence"),
    Parameter("disclosure.finance_every", "month", "村委会组织法 art. 30",
              "财务公开频次（收支较多时按月）", "cadence of finance disclosures", form="cadence"),
    Parameter("disclosure.major_within_days", 3, "村委会组织法 art. 30",
              "重大事项随时公开的期限（天）", "days within which a major matter is posted"),
    Parameter("disclosure.post_within_days", 10, "村委会组织法 art. 30",
              "每期结束后张贴公开的期限（天）", "days after a period ends within which its board is "
              "posted"),
    Parameter("disclosure.posting_days", 0, "§5 posting", "公开栏张贴最短天数（0 为至下期替换）",
              "minimum days a board stays up (0 = until the next period replaces it)"),
    Parameter("foreigners.visa_reminder_days", 14, "X5", "签证停留期届满前提醒天数",
              "days before a visa stay ends to remind"),
    Parameter("foreigners.permit_reminder_days", 45, "X7", "居留许可届满前提醒天数",
              "days before a residence permit ends to remind"),
    Parameter("residents.permit_issue_days", 15, "§8 居住证 art. 9", "居住证受理后发证期限（天，偏远地区可至 30）",
              "days from acceptance to issuing a residence permit (up to 30 in remote areas)"),
    Parameter("residents.registration_days", 3, "§8 居住登记", "居住登记期限（天）",
              "days to register a newcomer"),
    Parameter("joint_meeting.interval_months", 6, "§11 联席会议", "联席会议间隔（月）",
              "months between joint meetings of resident units"),
    Parameter("joint_meeting.liaisons_per_unit", 1, "§11 联席会议", "每个驻区单位联络员人数",
              "liaisons per resident unit"),
    Parameter("complaints.acknowledge_days", 15, "§11 诉求", "收到诉求后告知是否受理的期限（天）",
              "days to tell the person whether a complaint is taken up"),
    Parameter("complaints.answer_days", 60, "§11 诉求", "受理后答复办理结果的期限（天）",
              "days from acknowledgement to the answer"),
    Parameter("hearing.notice_days", 7, "§11 听证", "听证会提前公告的天数",
              "days before a hearing its notice is posted"),
    Parameter("reception.every", "", "§11 接待日", "书记（主任）接待日频次（空为不检查）",
              "how often the secretary's reception day is held (empty: not checked)", form="cadence"),
    Parameter("grid.levels", ["街道", "社区", "网格", "楼栋"], "§11 网格", "网格层级",
              "grid levels"),
    Parameter("identifiers.strict_mobile_prefixes", False, "§9 mobile",
              "是否按已分配号段严格检查手机号", "check mobiles against allocated prefixes"),
    Parameter("limits.max_file_mb", 20, "—", "单个数据文件大小上限（MB）",
              "largest data file cmty will parse (MB)"),
)

ROLE_NAMES: tuple[str, ...] = ("书记", "副书记", "报账员", "会计", "出纳", "民主理财小组", "监督委员会",
                              "居委会")


@dataclass(frozen=True)
class Config:
    name: str
    code: str
    level: str
    roles: dict[str, tuple[str, ...]]
    parameters: dict[str, Any] = field(default_factory=dict)
    checks: dict[str, str] = field(default_factory=dict)
    # Declared near relatives (近亲属): (one, other, relation), for the supervisory committee.
    relatives: tuple[tuple[str, str, str], ...] = ()
    # Per board kind: audience, what it shows of each x-pii class, terms allowed (cmty.boardpolicy).
    boards: dict[str, Any] = field(default_factory=dict)

    def param(self, key: str) -> Any:
        return self.parameters[key]

    def holders(self, role: str) -> tuple[str, ...]:
        return self.roles.get(role, ())


def defaults() -> dict[str, Any]:
    return {p.key: p.default for p in PARAMETERS}


def _flatten(tree: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    flat: dict[str, Any] = {}
    for key, value in tree.items():
        dotted = f"{prefix}{key}"
        if isinstance(value, dict):
            flat.update(_flatten(value, dotted + "."))
        else:
            flat[dotted] = value
    return flat


_DATE = re.compile(r"^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$")
_MONEY = re.compile(r"^(0|[1-9][0-9]{0,11})(\.[0-9]{1,2})?$")


@dataclass(frozen=True, slots=True)
class ParameterProblem:
    path: tuple[str, ...]  # inside cmty.yaml, e.g. ("parameters", "fees", "bogus")
    message: Text
    hint: Text
    at_key: bool


def parameter_problems(tree: Any) -> Iterator[ParameterProblem]:
    """Unknown parameters, and values of the wrong kind, under cmty.yaml's `parameters:`."""
    if not isinstance(tree, dict):
        return
    known = {p.key: p for p in PARAMETERS}
    for dotted, value in _flatten(tree).items():
        path = ("parameters", *dotted.split("."))
        parameter = known.get(dotted)
        if parameter is None:
            yield ParameterProblem(path, Text(f"未知参数 {dotted}", f"unknown parameter {dotted}"),
                                   Text("检查拼写；参数列表见 docs/parameters.md",
                                        "check the spelling; docs/parameters.md lists them"), True)
        elif not _fits(parameter, value):
            yield ParameterProblem(path, Text(f"参数 {dotted} 的值 {value!r} 类型不对",
                                              f"parameter {dotted}: {value!r} is the wrong kind"),
                                   _form_hint(parameter), False)


def _form_hint(parameter: Parameter) -> Text:
    if parameter.form == "date":
        return Text("写成日期 YYYY-MM-DD，例如 2026-01-01", "write a date YYYY-MM-DD, e.g. 2026-01-01")
    if parameter.form == "cadence":
        return Text("可选：month、quarter、half、year", "use one of: month, quarter, half, year")
    return Text(f"应写成与默认值 {parameter.default!r} 同类的值",
                f"write a value like the default {parameter.default!r}")


def _fits(parameter: Parameter, value: Any) -> bool:
    default = parameter.default
    if parameter.form == "date":
        return isinstance(value, str) and (value == "" or _DATE.match(value) is not None)
    if parameter.form == "cadence":
        return value in CADENCES or (value == "" and parameter.default == "")
    if isinstance(default, bool):
        return isinstance(value, bool)
    if isinstance(default, int):
        return isinstance(value, int) and not isinstance(value, bool) and value >= 0
    if isinstance(default, str) and _MONEY.match(default):
        return isinstance(value, str) and _MONEY.match(value) is not None
    if isinstance(default, str):
        return isinstance(value, str) and bool(value)
    if isinstance(default, list):
        return isinstance(value, list) and all(isinstance(v, str) for v in value)
    return True


def from_data(data: Any, where: Path) -> Config:
    """Build a Config from cmty.yaml's data, already checked by its schema and
    `parameter_problems`."""
    if not isinstance(data, dict):
        raise ConfigError(Text(f"{where}: 内容应为映射（键: 值）", f"{where}: must be a mapping"))
    community = data.get("community", {})
    known = defaults()
    given = _flatten(data.get("parameters") or {})
    roles = {str(k): tuple(str(p) for p in (v or ())) for k, v in (data.get("roles") or {}).items()}
    return Config(
        name=str(community.get("name", "")),
        code=str(community.get("code", "")),
        level=str(community.get("level", "")),
        roles=roles,
        parameters={**known, **given},
        checks={str(k): str(v) for k, v in (data.get("checks") or {}).items()},
        relatives=tuple((str(r["between"][0]), str(r["between"][1]), str(r.get("relation", "")))
                        for r in data.get("relatives") or ()
                        if isinstance(r, dict) and len(r.get("between") or ()) == 2),
        boards=dict(data.get("boards") or {}),
    )


def markdown() -> str:
    """The parameter table as markdown (docs/parameters.md)."""
    lines = [
        "# Rule parameters / 规则参数",
        "",
        "Set under `parameters:` in a data repository's `cmty.yaml`, grouped by the part before",
        "the dot. Generated by `python -m cmty.config`; do not edit by hand.",
        "",
        "| parameter | default | rule | 说明 | meaning |",
        "|---|---|---|---|---|",
    ]
    for p in PARAMETERS:
        default = f"`{p.default!r}`".replace("|", "\\|")
        lines.append(f"| `{p.key}` | {default} | {p.rule} | {p.zh} | {p.en} |")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    print(markdown(), end="")
