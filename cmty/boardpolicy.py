"""What a board may show of a person: its audience, and for each `x-pii` class whether a value
appears in full, masked or not at all (DOMAIN §10; 个人信息保护法 arts. 6, 25 and 28).

Each board kind has its policy under `boards:` in cmty.yaml; what a community leaves out takes
§10's defaults: names 张*明, mobiles 138****1234, addresses to the 小区 level, ID, passport,
permit and account numbers, birth dates and incomes not at all. The schema of cmty.yaml allows
`full` for names only: the rest never reach a public board in full. `--reveal` shows everything
in full, and only on a board whose audience is `internal`; the board then says so at its head.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from cmty.findings import Text
from cmty.masking import mask_value

AUDIENCES = ("public", "internal")
DEFAULT_SHOW: Mapping[str, str] = {
    "name": "mask", "mobile": "mask", "address": "mask", "id-number": "omit", "bank-account": "omit",
    "birth-date": "omit", "passport-number": "omit", "permit-number": "omit", "income": "omit",
}
# A counterparty that is an organisation is not personal information: shown as it is written.
ORGANISATION_ENDINGS = (
    "公司", "集团", "店", "部", "所", "局", "厅", "处", "委员会", "委会", "中心", "超市", "商行", "银行",
    "医院", "卫生院", "敬老院", "法院", "学院", "学校", "小学", "中学", "幼儿园", "大学", "协会", "基金会",
    "出版社", "旅行社", "合作社", "报社", "服务站", "工作站", "加油站", "厂", "市场", "农场", "图书馆",
    "文化馆", "体育馆", "办事处", "街道", "社区", "支部", "总支", "党委", "政府", "工作室",
)  # not 社, 场, 院, 站 or 馆 alone: people are named 建社 or 国站
_GROUP = re.compile(r"^(.+?)(等\s*[0-9]+\s*[户人名位家])$")


class BoardError(Exception):
    """A board that cannot, or must not, be made: what is wrong and how to put it right."""

    def __init__(self, message: Text, hint: Text) -> None:
        super().__init__(message.en)
        self.message, self.hint = message, hint


@dataclass(frozen=True, slots=True)
class BoardPolicy:
    kind: str
    audience: str = "public"
    show: Mapping[str, str] = field(default_factory=lambda: dict(DEFAULT_SHOW))
    allowed_terms: tuple[str, ...] = ()  # sensitive-looking words this board may carry
    revealed: bool = False

    def in_full(self, pii: str) -> bool:
        return self.revealed or self.show.get(pii) == "full"

    def value(self, pii: str, raw: str) -> str | None:
        """`raw` as this board shows it, or None when the board leaves it out."""
        how = "full" if self.in_full(pii) else self.show.get(pii, "omit")
        if how == "full":
            return raw
        return None if how == "omit" else str(mask_value(pii, raw))

    def person(self, name: str) -> str | None:
        return self.value("name", name)

    def party(self, who: str) -> str:
        """A counterparty: an organisation in full; a person ("刘桂花等4户" too) as the policy says."""
        who = who.strip()
        if not who or who.endswith(ORGANISATION_ENDINGS):
            return who
        group = _GROUP.match(who)
        if group:
            head = self.person(group.group(1))
            return f"{head}{group.group(2)}" if head is not None else group.group(2).lstrip("等").strip()
        return self.person(who) or ""


def person_name(who: str) -> str:
    """The person's name in a name field: "" for an organisation, 刘桂花 for "刘桂花等4户"."""
    who = who.strip()
    if who.endswith(ORGANISATION_ENDINGS):
        return ""
    group = _GROUP.match(who)
    return group.group(1) if group else who


def policy_for(boards: Mapping[str, Any], kind: str, reveal: bool = False) -> BoardPolicy:
    """The policy of board `kind` from cmty.yaml's `boards:` (already checked by its schema)."""
    found = boards.get(kind)
    given: Mapping[str, Any] = found if isinstance(found, dict) else {}
    audience = str(given.get("audience", "public"))
    if reveal and audience != "internal":
        raise BoardError(
            Text(f"{kind} 公开栏面向公众，不能用 --reveal 显示未脱敏的个人信息",
                 f"the {kind} board is public: --reveal cannot show personal data unmasked on it"),
            Text(f"仅内部使用的公开内容可在 cmty.yaml 中设 boards.{kind}.audience: internal",
                 f"a board for internal use only can set boards.{kind}.audience: internal in cmty.yaml"))
    show = {**DEFAULT_SHOW, **{str(k): str(v) for k, v in (given.get("show") or {}).items()}}
    terms = tuple(str(t) for t in given.get("allow_terms") or ())
    return BoardPolicy(kind, audience, show, terms, reveal)


REVEALED_BANNER = Text("> **内部资料**：应使用者要求（--reveal）显示未脱敏的个人信息，不得公开张贴或外传。\n\n",
                       "> **Internal**: personal data is shown unmasked at the user's request (--reveal); "
                       "do not post or pass on.\n\n")
