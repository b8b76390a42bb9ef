"""What an edit did, as a line or two for the person who made it."""

from __future__ import annotations

from cmty.transaction import Outcome


def as_text(outcome: Outcome, lang: str) -> str:
    files = ", ".join(outcome.files)
    if outcome.commit is None:
        line = f"已暂存（未提交）：{files}" if lang == "zh" else f"staged, not committed: {files}"
    else:
        short = outcome.commit[:7]
        line = f"已提交 {short}：{files}" if lang == "zh" else f"committed {short}: {files}"
    extra = ""
    if outcome.findings:
        label = "已按 --force 保存，带来的错误：" if lang == "zh" else \
            "saved with --force; errors it added:"
        extra = "\n".join([label, *(f"  {f.where}: {f.code} "
                                    f"{f.message.get(lang)}" for f in outcome.findings)]) + "\n"
    return line + "\n" + extra
