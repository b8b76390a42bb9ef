"""Every finding code cmty reports, with its default severity, source and title.

Codes are stable: scripts and CI configurations match on them, so a code is never renamed.
`docs/codes.md` is generated from this table (`python -m cmty.catalogue`), and a test keeps
the two in step.
"""

from __future__ import annotations

from dataclasses import dataclass

from cmty.findings import Severity, Text

ERR, WARN, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO


@dataclass(frozen=True, slots=True)
class Code:
    code: str
    severity: Severity
    source: str
    title: Text


def _c(code: str, severity: Severity, source: str, zh: str, en: str) -> Code:
    return Code(code, severity, source, Text(zh, en))


CODES: tuple[Code, ...] = (
    # Reading the file
    _c("YAML-SYNTAX", ERR, "YAML 1.2", "YAML 语法错误", "YAML syntax error"),
    _c("YAML-DUPLICATE-KEY", ERR, "YAML 1.2 §3.2.1.1", "同一映射中键重复", "duplicate key in a mapping"),
    _c("YAML-ENCODING", ERR, "YAML 1.2 §5.2", "文件不是 UTF-8 编码", "file is not UTF-8"),
    _c("YAML-BOM", WARN, "YAML 1.2 §5.2", "文件以 BOM 开头", "file starts with a byte-order mark"),
    _c("YAML-TAB", ERR, "YAML 1.2 §6.1", "缩进中使用了制表符", "tab used for indentation"),
    _c("YAML-CONFLICT", ERR, "git", "文件含未解决的合并冲突标记", "unresolved merge-conflict marker"),
    _c("YAML-EMPTY", ERR, "cmty", "文件为空", "file is empty"),
    _c("YAML-ALIAS-BOMB", ERR, "YAML 1.2 §7.1", "别名展开过多（疑似别名炸弹）",
       "too many alias expansions (alias bomb)"),
    _c("YAML-NOT-MAPPING", ERR, "cmty", "记录应为映射（键: 值）", "a record must be a mapping"),
    _c("YAML-BINARY", ERR, "cmty", "文件是二进制内容", "file is binary"),
    _c("YAML-TOO-LARGE", ERR, "cmty", "文件过大", "file is too large"),
    _c("YAML-TOO-DEEP", ERR, "cmty", "嵌套层级过深", "nesting is too deep"),
    _c("YAML-MULTI-DOC", ERR, "cmty", "一个文件只能有一个 YAML 文档", "more than one YAML document"),
    _c("YAML-COERCED", ERR, "YAML 1.2 core schema", "YAML 把应为文本的值读成了其他类型",
       "YAML read a value meant as text as something else"),
    _c("YAML-KEY-NOT-TEXT", ERR, "cmty", "键不是文本", "a key is not text"),
    # Schema
    _c("SCHEMA-EMPTY", ERR, "data_schema", "字段没有填写值", "a field has no value"),
    _c("SCHEMA-REQUIRED", ERR, "data_schema", "缺少必填字段", "a required field is missing"),
    _c("SCHEMA-UNKNOWN-FIELD", ERR, "data_schema", "未知字段", "unknown field"),
    _c("SCHEMA-TYPE", ERR, "data_schema", "值的类型不对", "value has the wrong type"),
    _c("SCHEMA-ENUM", ERR, "data_schema", "值不在允许范围内", "value is not one of the allowed ones"),
    _c("SCHEMA-PATTERN", ERR, "data_schema", "值的格式不对", "value does not have the required form"),
    _c("SCHEMA-CONSTRAINT", ERR, "data_schema", "值不满足约束", "value breaks a constraint"),
    _c("MONEY-FORMAT", ERR, "DESIGN §1", "金额格式不对", "amount is not money"),
    _c("DATE-FORMAT", ERR, "ISO 8601", "日期格式不对", "not a date"),
    _c("MONTH-FORMAT", ERR, "ISO 8601", "月份格式不对", "not a month"),
    _c("PERIOD-FORMAT", ERR, "ISO 8601", "期间格式不对", "not a period"),
    # Identifiers (§9)
    _c("ID-LENGTH", ERR, "GB 11643-1999", "身份证号长度不对", "ID number has the wrong length"),
    _c("ID-CHARS", ERR, "GB 11643-1999", "身份证号含非法字符", "ID number has invalid characters"),
    _c("ID-DATE", ERR, "GB 11643-1999", "身份证号中的出生日期无效", "birth date in ID number is invalid"),
    _c("ID-PROVINCE", ERR, "GB 11643-1999", "身份证号的省级代码无效", "province code is invalid"),
    _c("ID-CHECKSUM", ERR, "GB 11643-1999", "身份证号校验位错误", "ID number check digit is wrong"),
    _c("ID-LOWERCASE-X", WARN, "GB 11643-1999", "校验位应为大写 X", "check character should be X"),
    _c("ID-LEGACY-15", ERR, "GB 11643-1999", "15 位旧身份证号", "legacy 15-digit ID number"),
    _c("USCC-LENGTH", ERR, "GB 32100-2015", "统一社会信用代码长度不对", "credit code length is wrong"),
    _c("USCC-CHARS", ERR, "GB 32100-2015", "统一社会信用代码含非法字符", "credit code has invalid characters"),
    _c("USCC-CHECKSUM", ERR, "GB 32100-2015", "统一社会信用代码校验位错误", "credit code check is wrong"),
    _c("USCC-CATEGORY", WARN, "GB 32100-2015", "登记管理部门与机构类别组合少见",
       "unknown department and category pair"),
    _c("MOBILE-FORMAT", ERR, "§9 mobile", "手机号格式不对", "not a mainland mobile number"),
    _c("MOBILE-NORMALISE", WARN, "§9 mobile", "手机号应写成 11 位数字", "write the mobile as 11 digits"),
    _c("DIVISION-FORMAT", ERR, "GB/T 2260", "区划代码格式不对", "division code is malformed"),
    # Integrity
    _c("RECORD-DUPLICATE-ID", ERR, "DESIGN §1", "记录编号重复", "two records have the same id"),
    _c("RECORD-FILENAME", ERR, "DESIGN §1", "文件名与记录编号不一致",
       "file name differs from the record id"),
    _c("REF-MISSING", ERR, "DESIGN §1", "引用的记录不存在", "referenced record does not exist"),
    _c("REF-WRONG-KIND", ERR, "DESIGN §1", "引用的记录类型不对", "reference points to the wrong kind"),
    _c("APPROVAL-ROLE", ERR, "C8", "审批人不担任该角色", "approver does not hold the role"),
    # Finance (§6)
    _c("FIN-DOCUMENT", ERR, "C3", "支出没有合法原始凭证（白条）", "expense without a lawful document"),
    _c("FIN-CASH-LIMIT", ERR, "C5", "超过结算起点仍用现金", "cash above the settlement threshold"),
    _c("FIN-ARCHIVE-DELETED", ERR, "C13", "会计凭证在保管期限内被删除", "a voucher removed before its "
       "keeping term ends"),
    _c("FIN-CASH-ON-HAND", WARN, "C4", "库存现金超过限额", "cash on hand above the limit"),
    _c("FIN-CASH-BANKED", WARN, "C6", "现金收入未当日送存银行", "cash takings not banked the same day"),
    _c("FIN-DUTIES", ERR, "C7", "出纳兼任记账", "the cashier also keeps the books"),
    _c("FIN-APPROVAL-CHAIN", ERR, "C8", "联签不全或顺序不对", "approval chain incomplete or out of "
       "order"),
    _c("FIN-HOSPITALITY", ERR, "C10", "接待费超过上限", "hospitality over the cap"),
    # Party organisation and admission (§2, §3)
    _c("PARTY-STAGE-ORDER", ERR, "D20", "发展阶段日期顺序颠倒", "admission stages out of order"),
    _c("PARTY-ACTIVIST-YEAR", ERR, "D6", "积极分子培养不满一年", "less than a year as activist"),
    _c("PARTY-AGE", ERR, "D1", "接收时未满 18 周岁", "under 18 when admitted"),
    _c("PARTY-AGE-APPLICATION", WARN, "D1", "申请时未满 18 周岁", "under 18 when applying"),
    _c("PARTY-PROBATION", ERR, "D15", "预备期未满一年即转正", "full member before a year of probation"),
    _c("PARTY-PROBATION-EXTENDED", WARN, "D17", "预备期超过两年", "probation longer than two years"),
    _c("ORG-TERM", ERR, "O8", "任期不是五年", "term of office is not five years"),
    # Party dues across records (§1)
    _c("FEE-ARREARS", WARN, "F14", "连续 3 个月未交党费", "three or more months in a row unpaid"),
    _c("FEE-LAPSE", ERR, "F14", "连续 6 个月未交党费且无正当理由（自行脱党风险）",
       "six months in a row unpaid without a good reason (lapse risk)"),
    _c("FEE-UNDERPAID", WARN, "F3", "交纳金额少于应交党费", "paid less than the dues"),
    _c("FEE-CENTRAL-REMIT", WARN, "F11", "自愿多交 1000 元以上未标记上交中央",
       "a voluntary extra of 1000 or more is not marked as remitted"),
    _c("FEE-QUARTERLY", WARN, "F12", "未经支部同意预交（按季度交纳）",
       "paid ahead without the branch's consent"),
    _c("FEE-BACK-PAYMENT", WARN, "F12", "补交超过 6 个月", "back payment of more than 6 months"),
    _c("FEE-PAID-TWICE", WARN, "F12", "同一月份党费重复交纳", "a month is paid twice"),
    _c("FEE-PAID-BY-ORG", ERR, "F13", "党组织代交（垫交）党费", "dues paid by the organisation"),
    _c("TRANSFER-PAID-UP-TO", WARN, "§4 组织关系", "介绍信所写党费交至月份与交纳记录不符",
       "the transfer letter's paid-up-to month is not paid"),
    # Organisations against their members (§2)
    _c("ORG-BRANCH-SMALL", WARN, "O1", "党支部正式党员不足 3 名", "a branch has fewer than 3 full members"),
    _c("ORG-BRANCH-LARGE", WARN, "O2", "党支部党员超过 50 名", "a branch has more than 50 members"),
    _c("ORG-JOINT-UNITS", WARN, "O1", "联合党支部覆盖单位超过 5 个", "a joint branch covers more than 5 "
       "units"),
    _c("ORG-SUGGEST-PARTY-COMMITTEE", INFO, "O6", "党员 100 名以上，可申请设立党委",
       "100 or more members: a party committee may be set up"),
    _c("ORG-COMMITTEE-NEEDED", ERR, "O4", "正式党员 7 名以上须设支部委员会",
       "7 or more full members need a branch committee"),
    _c("ORG-COMMITTEE-UNNEEDED", WARN, "O3", "正式党员不足 7 名不设支部委员会",
       "fewer than 7 full members: no committee"),
    _c("ORG-COMMITTEE-SIZE", WARN, "O4–O6", "委员会人数超出一般范围", "committee size out of the usual "
       "range"),
    _c("ORG-SECRETARY", ERR, "O4", "书记、副书记职数不对", "not one 书记 and at most one 副书记"),
    _c("ORG-SEAT-NOT-FULL", ERR, "O10", "委员不是正式党员", "a committee member is not a full member"),
    _c("ORG-SECRETARY-STANDING", WARN, "O13", "书记党龄不满一年", "the 书记 has less than a year's "
       "standing"),
    _c("ORG-ELECTION-DUE", WARN, "O9", "任期届满应换届", "the term has ended: election due"),
    _c("ELECTION-QUORUM", ERR, "O11", "到会不足五分之四，选举无效", "not more than 4/5 present: "
       "the election is void"),
    _c("ELECTION-MAJORITY", ERR, "O11", "当选人得票未过实到半数", "elected without more than half "
       "of those present"),
    _c("ELECTION-COMPETITIVE", WARN, "O12", "委员差额不足 20%", "fewer than 20% more candidates than "
       "seats"),
    _c("ELECTION-SEATS", ERR, "O11", "当选人数多于名额", "more elected than seats"),
    # Members' own deadlines (§3, §4)
    _c("PARTY-PROBATION-DUE", WARN, "D16", "预备期满应讨论转正", "probation over: full membership due "
       "for discussion"),
    _c("TRANSFER-LETTER-EXPIRED", WARN, "§4 组织关系", "持过期介绍信报到",
       "reported with an expired transfer letter"),
    _c("MEMBER-AWAY", WARN, "§4 组织关系", "外出满 6 个月未转接组织关系",
       "away six months without transferring"),
    _c("MEMBER-LOST-CONTACT", ERR, "F15", "失去联系党员应停止党籍或除名",
       "a member out of contact is due to be suspended or removed"),
    # Admission files (§3)
    _c("PARTY-TALK", WARN, "D3", "收到申请后一个月内未谈话", "no talk within a month of the application"),
    _c("PARTY-CONTACTS", WARN, "D5", "积极分子培养联系人不是一至两名", "an activist without one or two "
       "contacts"),
    _c("PARTY-REVIEWS", WARN, "D5", "积极分子超过半年未考察", "an activist not reviewed for six months"),
    _c("PARTY-SPONSORS", ERR, "D7", "入党介绍人不是两名", "not two sponsors"),
    _c("PARTY-SPONSOR-STATUS", ERR, "D7", "入党介绍人当时不是正式党员", "a sponsor was not a full member"),
    _c("PARTY-CONTACT-STATUS", WARN, "D5", "培养联系人不是正式党员", "a contact is not a full member"),
    _c("PARTY-POLITICAL-REVIEW", ERR, "D8", "没有有效的政治审查结论", "no valid political review"),
    _c("PARTY-TRAINING", ERR, "D9", "集中培训不足 3 天或 24 学时", "concentrated training too short"),
    _c("PARTY-ACTIVIST-FILED", WARN, "D4", "积极分子未报上级党委备案或确定过早",
       "an activist not filed with the higher committee, or chosen too soon"),
    _c("PARTY-PUBLICITY", WARN, "D12", "发展对象公示不足规定天数或晚于支部大会",
       "the candidate's public notice too short or not before the branch meeting"),
    _c("PARTY-PREREVIEW", ERR, "D10", "支部大会前未经预审", "no pre-review before the branch meeting"),
    _c("PARTY-APPROVAL", WARN, "D14", "超过 3 个月才审批", "approved more than three months later"),
    _c("PARTY-APPROVAL-EXPIRED", ERR, "D14", "超过 6 个月未审批，须重新履行程序",
       "not approved within six months: redo the admission"),
    _c("PARTY-EXTENSION", ERR, "D17", "延长预备期不在 6—12 个月", "probation extension not 6–12 months"),
    # Meetings and organisational life (§4)
    _c("MEET-CADENCE", WARN, "§4 三会一课", "本期未召开规定的会议", "a required meeting was not held "
       "in the period"),
    _c("MEET-QUORUM", ERR, "O14", "到会人数未过半", "not more than half present"),
    _c("MEET-COUNT", ERR, "§4 三会一课", "实到人数多于应到人数", "more present than should attend"),
    _c("MEET-REVIEW-ACTION", ERR, "§4 民主评议", "评为不合格未记录处置", "不合格 without an action"),
    _c("PARTY-VOTE", ERR, "D13", "赞成票未超过应到会有表决权党员的半数",
       "yes votes not more than half of the voting members who should attend"),
    _c("TRAINING-HOURS", WARN, "§4 培训", "年度学时不足", "too few training hours in the year"),
    # Resident units and joint meetings (§11)
    _c("JOINT-MEETING-DUE", WARN, "§11 联席会议", "驻区单位联席会议应召开", "the joint meeting is due"),
    _c("JOINT-ATTENDANCE", WARN, "§11 联席会议", "联席会议出席情况不全", "joint-meeting attendance is "
       "incomplete"),
    _c("UNIT-RATING-DUE", WARN, "§11 联席会议", "驻区单位年度评价应完成并报送", "a unit's annual rating is "
       "due"),
    _c("UNIT-LIAISONS", WARN, "§11 联席会议", "驻区单位联络员人数不符", "wrong number of liaisons"),
    # Funds across vouchers (§6)
    _c("FIN-EARMARK-PURPOSE", ERR, "C9", "专项资金用于规定用途以外", "earmarked money spent off its "
       "purposes"),
    _c("FIN-EARMARK-TRANSFER", ERR, "C9", "专项资金之间相互调剂", "money moved between earmarked funds"),
    _c("FIN-NEGATIVE-BALANCE", ERR, "C9", "资金余额为负", "a fund's balance falls below zero"),
    _c("FIN-PLEDGE-OUTSTANDING", WARN, "§6 经费来源", "年度拨款或共建资金未全额到账",
       "money pledged to a fund for the year not fully received"),
    _c("FIN-LARGE-DECISION", ERR, "C8", "大额支出没有居民（代表）会议决定",
       "a large expense without a residents' meeting decision"),
    # Public disclosure (§5)
    _c("AUDIT-YEARLY", WARN, "C11", "年度财务应经审计", "a year's accounts are due to be audited"),
    _c("AUDIT-PUBLISHED", WARN, "C11", "审计结果应向居民公布", "an audit's result is due to be published"),
    _c("AUDIT-RECTIFY", WARN, "C11", "审计发现的问题应按期整改", "an audit finding is due to be put right"),
    _c("AUDIT-DEPARTURE", ERR, "C11", "换届选举前未完成并公布离任经济责任审计",
       "no departure audit published before the committee's election"),
    _c("ASSESS-SCHEME", ERR, "§11 考核", "考核方案无法计分（人工评分超分值、评了未考核的组织、指标重复）",
       "an assessment scheme that cannot be scored"),
    _c("DISC-DUE", WARN, "村委会组织法 art. 30", "本期公开应张贴", "a period's board is due"),
    _c("DISC-LATE", WARN, "村委会组织法 art. 30", "公开张贴晚于期限", "a board went up late"),
    _c("DISC-INCOMPLETE", ERR, "§5 公开", "财务公开未列明本期全部凭证", "a finance board leaves out "
       "vouchers of its period"),
    _c("COMMITTEE-SIZE", WARN, "居委会组织法 art. 7", "居委会成员不在 5—9 人", "residents' committee not 5–9 members"),
    _c("SUPERVISOR-CONFLICT", ERR, "村委会组织法 art. 32", "监督委员会成员由居委会成员、财务人员或其近亲属担任",
       "a supervisor is a committee member, finance officer or their near relative"),
    _c("SUPERVISOR-SIZE", WARN, "§5 监督委员会", "监督委员会人数不在 3—5 人", "supervisory committee not 3–5 members"),
    _c("DISC-BALANCE", ERR, "§5 财务公开", "财务公开的期初期末余额与账面不符",
       "a finance board's balances disagree with the books"),
    _c("BOARD-RECORD-CHANGED", ERR, "§5 公开", "已公开的记录在发布后被修改或删除",
       "a record a published board showed was changed or deleted afterwards"),
    _c("BOARD-BACKDATED", ERR, "§5 公开", "新凭证的日期落在已公开的期间内",
       "a new voucher dated into a period already published"),
    _c("BOARD-OUTDATED", WARN, "§5 公开", "已发布的公开按现在的记录重新生成会不同",
       "a published board would render differently from today's records"),
    _c("BOARD-ALTERED", ERR, "§5 公开", "已发布的公开栏文件被改动", "a published board file was altered"),
    _c("DISC-REVIEW", ERR, "村委会组织法 art. 32", "公开未经监督委员会审核",
       "a board not reviewed by the supervision committee"),
    # Residents and foreigners (§7, §8)
    _c("RESIDENT-REGISTRATION", WARN, "§8 居住登记", "流动人口应办理居住登记", "a newcomer is due to be "
       "registered"),
    _c("RESIDENT-PERMIT-ELIGIBLE", WARN, "§8 居住证 art. 2", "居住不满半年即申领居住证",
       "residence permit applied for before six months' residence"),
    _c("RESIDENT-PERMIT-ISSUE", WARN, "§8 居住证 art. 9", "居住证应在受理后 15 日内发放",
       "a residence permit is due to be issued"),
    _c("RESIDENT-PERMIT-ENDORSE", WARN, "§8 居住证 art. 10", "居住证应年度签注，逾期暂停",
       "a residence permit is due for its yearly endorsement"),
    _c("FOREIGN-REGISTRATION", ERR, "X2", "境外人员入住 24 小时内应办理住宿登记",
       "a foreigner is due to be registered within 24 hours"),
    _c("FOREIGN-PERMIT-APPLY", WARN, "X6", "长期签证入境后 30 日内应申请居留许可",
       "a residence permit is due within 30 days of entry"),
    _c("FOREIGN-REGISTERED-LATE", ERR, "X2", "住宿登记晚于 24 小时", "registered after 24 hours"),
    _c("FOREIGN-VISA", WARN, "X5", "签证停留期将届满，应申请延期", "a visa stay is ending: extend it"),
    _c("FOREIGN-PERMIT", WARN, "X7", "居留许可将届满，应申请延期", "a residence permit is ending: extend "
       "it"),
    _c("FOREIGN-PERMIT-VALIDITY", ERR, "X8", "居留许可有效期不在法定范围", "permit validity out of the "
       "legal range"),
    # Grid (§11 网格)
    _c("GRID-LEVEL", WARN, "§11 网格", "网格层级不在参数 grid.levels 中", "a cell's level is not in "
       "grid.levels"),
    _c("GRID-PARENT", WARN, "§11 网格", "上级网格层级不对", "a cell's parent is not of the level above"),
    _c("GRID-BUILDING-TWICE", ERR, "§11 网格", "同一楼栋划入两个网格", "a building is in two cells"),
    _c("GRID-RESIDENT", WARN, "§11 网格", "居民没有划入网格", "a resident is in no cell"),
    # Complaints and requests (§11)
    _c("HEARING-NOTICE", WARN, "§11 听证", "听证会未按期提前公告", "a hearing not announced in time"),
    _c("HEARING-OUTCOME", WARN, "§11 听证", "听证会未记录形成的意见", "a hearing without its conclusion"),
    _c("RECEPTION-DUE", WARN, "§11 接待日", "应按期举行接待日", "a reception day is due"),
    _c("COMPLAINT-ACK", WARN, "§11 诉求", "诉求应告知是否受理", "a complaint is due to be acknowledged"),
    _c("COMPLAINT-ANSWER", WARN, "§11 诉求", "诉求应答复办理结果", "a complaint is due to be answered"),
    _c("FILE-READ", ERR, "cmty", "无法读取文件", "file cannot be read"),
    _c("FILE-OUTSIDE-FOLDERS", WARN, "DESIGN §1", "YAML 文件不在任何记录文件夹中",
       "a YAML file is in no record folder"),
    _c("FILE-NOT-YAML", WARN, "DESIGN §1", "记录文件夹中有非 YAML 文件",
       "a record folder holds a file that is not YAML"),
    _c("RULE-CRASHED", ERR, "cmty", "检查规则内部出错", "a check failed internally"),
)

BY_CODE: dict[str, Code] = {c.code: c for c in CODES}


def severity_of(code: str) -> Severity:
    return BY_CODE[code].severity


def source_of(code: str) -> str:
    return BY_CODE[code].source


def markdown() -> str:
    """The code table as markdown (docs/codes.md)."""
    lines = [
        "# Finding codes / 检查代码",
        "",
        "Generated by `python -m cmty.catalogue`; do not edit by hand.",
        "",
        "| code | severity | source | 说明 | meaning |",
        "|---|---|---|---|---|",
    ]
    lines += [
        f"| `{c.code}` | {c.severity.label} | {c.source} | {c.title.zh} | {c.title.en} |"
        for c in CODES
    ]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    print(markdown(), end="")
