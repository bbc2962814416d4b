"""Page furniture: the fields a government site prints around a document (发布机构, 成文日期, 文 号, 来源…).

Sites print them in many layouts: one field a line ("成文日期:2023年11月23日"), several on a line
("发文日期 2023-01-03  文    号 蔡政办〔2023〕1号"), label characters spaced out ("文    号", "索 引 号"),
bulleted ("• 来源:苍南县人民政府办公室"), a bare timestamp line ("2021-02-18 17:26:29来源:海连江微信").
A field's value runs to the next field label, two spaces, a bar or the line end.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .units import UNIT_END

FIELDS = {   # field → its labels, most authoritative first
    "issuer": ("发文机关", "发布机构", "发文单位", "发布单位", "制发机关", "信息来源", "文章来源", "来源"),
    "doc_no": ("发文字号", "文号", "文件编号"),
    "written": ("成文日期", "成文时间", "发文日期", "发文时间", "印发日期", "签发日期"),
    "published": ("发布日期", "发布时间", "公开日期", "生成日期", "信息时间", "发表时间", "发表日期", "解读时间", "日期", "时间"),
    "title": ("标题", "文件名称"),
}
OTHER_LABELS = ("索引号", "主题分类", "分类", "效力状态", "有效性", "体裁分类", "公文种类", "主题词", "浏览次数", "访问量",
                "字号", "字体", "作者", "责任编辑", "编辑", "关键词", "所属机构", "浏览量")
WINDOW = 2500      # furniture sits above the document


def _label_pattern(label: str) -> str:
    return r"[^\S\n]*".join(map(re.escape, label))


_ALL = sorted({lab for labs in FIELDS.values() for lab in labs} | set(OTHER_LABELS), key=len, reverse=True)
ANY_LABEL = re.compile("(?:" + "|".join(_label_pattern(lab) for lab in _ALL) + r")[^\S\n]*[::]?")
VALUE_END = re.compile(r"[^\S\n]{2,}|[|\n]|$")
DATE = re.compile(r"((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})")
# A bare timestamp opening a line: "2021-02-18 17:26:29来源:…", "2019-04-28 / :61"; written with 年月日, only with a
# time or the source after it, or alone ("2022年08月16日 来源: 中共廊坊市委", "2024年09月24日19:45 | 來源:…"): a
# sentence opening with a date goes on.
# It may stand after a bullet or in a bar cell after a short field ("  • 2020-12-21", "编辑: 张三 | 2019-11-21 |").
TIMESTAMP_LINE = re.compile(r"^[^\S\n]*(?:[•·][^\S\n]*|[^|\n]{1,30}[|][^\S\n]*)?"
                            r"(?:((?:19|20)\d{2}-\d{1,2}-\d{1,2})|((?:19|20)\d{2}年\d{1,2}月\d{1,2}日)"
                            r"(?:[^\S\n]*\d{1,2}:\d{2}|(?=[^\S\n]*(?:[|]|来源|來源|作者|$))))", re.M)

# A byline with no labels: the publishing body, a bar, the day ("中国人民政治协商会议吉林市委员会| 2017-05-31").
BYLINE = re.compile(r"^[^\S\n]*([\u4e00-\u9fff]{4,40})[^\S\n]*[|][^\S\n]*((?:19|20)\d{2}-\d{1,2}-\d{1,2})", re.M)


@dataclass
class Field:
    value: str
    start: int
    end: int
    label: str = ""     # the label it was printed under (发布机构, 来源 …); "" for a bare timestamp


def _label_of(matched: str) -> str:
    return re.sub(r"[\s::]", "", matched)


def _clean(field: str, value: str) -> str | None:
    """The value as the field holds it, or None when it is not one (a site name as 来源, a stray word)."""
    if field in ("written", "published"):
        return value if field_date(value) else None
    if field == "issuer":
        if re.fullmatch(r"(?:[\u4e00-\u9fff] )+[\u4e00-\u9fff]", value):
            value = value.replace(" ", "")      # 水 利 局
        value = value.split()[0] if value.split() else ""
        return value if UNIT_END.search(value) and len(value) >= 3 else None
    return value


def page_fields(text: str) -> dict[str, Field]:
    """The furniture fields found in the head of a page: field name → its first, most authoritative value."""
    head = text[:WINDOW]
    found: dict[str, tuple[int, Field]] = {}
    labels = list(ANY_LABEL.finditer(head))
    for k, m in enumerate(labels):
        label = _label_of(m.group())
        before = head[m.start() - 1] if m.start() else "\n"
        after_time = before.isdigit() and re.search(r"\d{1,2}:\d{2}(?::\d{2})?$", head[max(0, m.start() - 8):m.start()])
        # after a space, a bar or any mark that is not a word ("浏览:13195次'时间:…"), not inside a sentence
        marked = not before.isalnum() and before not in ",。、;"
        # run on after another field's value on the same line: "来源:向阳区委巡察办发布时间:2020-12-10"
        line_start = head.rfind("\n", 0, m.start()) + 1
        after_field = k > 0 and labels[k - 1].start() >= line_start and len(label) >= 4
        if not marked and not (before.isdigit() and len(label) >= 3) and not after_time and not after_field:
            continue          # a label word inside a sentence ("…的来源:")
        field = next((f for f, labs in FIELDS.items() if label in labs), None)
        if field is None:
            continue
        stop = labels[k + 1].start() if k + 1 < len(labels) else len(head)
        end_m = VALUE_END.search(head, m.end(), stop)
        end = min(end_m.start() if end_m else stop, stop)
        value = head[m.end():end].strip(" :|•")
        if not value:
            # "来源: 长城网   作者:…" puts spaces after the colon
            nxt = re.match(r"[^\S\n]*\|?[^\S\n]*([^\s|]+)", head[m.end():stop])   # "发布机构 | X |"
            value = nxt.group(1) if nxt else ""
            if not value:
                continue
        value = _clean(field, value)
        if value is None:
            continue
        rank = FIELDS[field].index(label)
        at = head.find(value, m.end())
        at = at if at >= 0 else m.end()
        if field not in found or rank < found[field][0]:
            found[field] = (rank, Field(value, at, at + len(value), label))
    fields = {f: v for f, (_, v) in found.items()}
    if (byline := BYLINE.search(head)) and UNIT_END.search(byline.group(1)):
        fields.setdefault("issuer", Field(byline.group(1), byline.start(1), byline.end(1)))
        fields.setdefault("published", Field(byline.group(2), byline.start(2), byline.end(2)))
    if "published" not in fields and (ts := TIMESTAMP_LINE.search(head)):
        at = 1 if ts.group(1) else 2
        fields["published"] = Field(ts.group(at), ts.start(at), ts.end(at))
    return fields


def field_date(value: str | None) -> str | None:
    """An ISO date from a field's value, or None when it holds no whole date (a garbled one stays empty)."""
    m = DATE.search(value or "")
    if not m:
        return None
    y, mo, d = (int(x) for x in m.groups())
    return f"{y:04d}-{mo:02d}-{d:02d}" if 1 <= mo <= 12 and 1 <= d <= 31 else None
