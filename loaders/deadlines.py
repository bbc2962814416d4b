"""Deadlines: a raw phrase → kind (date | ongoing | timely | none) and the end date of the named period.

Rule-based on purpose: we need "end of the period named" semantics (2017年6月末前 → 2017-06-30, 年底前 →
12-31 of the document's year) and the ongoing/timely kinds, which general time parsers (jionlp's included)
do not give; they also cost seconds of import time per process.
"""
from __future__ import annotations

import calendar
import re

from .structure import LEADING_MARKER
from datetime import date
from functools import lru_cache

# A year's zero is printed 〇, 零, the circle ○ or a letter O (二OO八年): a clerk reads each as 0.
CN_DIGIT = {"〇": 0, "零": 0, "○": 0, "O": 0, "Ｏ": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
CN_YEAR_DIGITS = "".join(CN_DIGIT)
QUARTER_END = {"一": 3, "1": 3, "二": 6, "2": 6, "三": 9, "3": 9, "四": 12, "4": 12}
ONGOING = re.compile(r"长期|持续|常态|长效|坚持|久久为功|不间断|每年|每季度|每月|动态")
TIMELY = re.compile(r"适时|按.{0,20}(?:部署|要求|安排|进度)|视.{0,20}情况|根据.{0,20}(?:部署|要求|安排)|尽快|及时|立即|立行立改")

# (a range ending on a day is read by its days: "3月1日至3月15日" ends on the 15th, not with March)
RANGE = re.compile(r"(\d{4})年(\d{1,2})(?:月(?:\d{1,2}日)?)?(?:至|到|-|—|~|–)(\d{1,2})月(?!\d)")
YMD = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日")
# ("3—6月": the first month may go without its 月)
MONTH_RANGE = re.compile(r"(?<![\d年./-])(\d{1,2})(?:月(?:\d{1,2}日)?)?(?:至|到|-|—|~|–)(\d{1,2})月(?!\d)")
YM = re.compile(r"(\d{4})年(\d{1,2})月(上旬|中旬|下旬)?")
Y_PART = re.compile(r"(\d{4})年(?:度)?(上半年|下半年|年底|年末|底|末|内|前|全年|第?([一二三四1-4])季度)?")
MD = re.compile(r"(?<![\d年])(\d{1,2})月(\d{1,2})(?:日|(?=前))")      # (日 left out before 前: "6月10前")
# "9月底前", and "9月投入使用" / "5月开工": a month and what is due in it
M_ONLY = re.compile(r"(?<![\d年])(\d{1,2})月(?:(上旬|中旬|下旬)(?:前|内)?|底|末|份|前|中|内|"
                    r"(?=投入使用|投用|建成|完成|竣工|开工|动工|启动|交付|开通|上线))")
WITHIN_YEAR_ONGOING = re.compile(r"^(?:今年|本年度?)?年内(?:持续|长期)(?:推进|坚持|开展)")
BARE_YEAR_END = re.compile(r"(?<!\d)(?:年底|年末|年内|本年度|今年)")
BARE_HALF = re.compile(r"(?<!\d年)(?<!\d)(上半年|下半年|第?([一二三四])季度)")

# In a task body (no 完成时限 label), only a date that is plainly a deadline counts: 前/底/末/完成 after it.
# (a typed or copied date may hold single spaces: "保证 2018 年 7 月底完成整改")
BODY_DEADLINE = re.compile(
    r"(?:力争|确保|务必|必须|要|于|在)?(?:\d{4} ?年 ?)?(?:\d{1,2} ?月 ?)?(?:\d{1,2} ?日|(?<=月)\d{1,2}(?=前))?(?:上旬|中旬|下旬)?"
    r"(?:年底|年末|底|末)?(?:之前|以前|前)(?:全部|基本)?(?:完成|办结|到位|实现|建成|出台)?"
    r"|(?:\d{4} ?年 ?)?\d{1,2} ?月(?:底|末)(?:全部|基本)?完成"
    r"|(?:力争|确保)?(?:\d{4} ?年 ?)(?:年底|底|年末|末|内)(?:前)?(?:全部|基本)?完成"
    # (the year left out: "确保…整改工作年底全面完成" is due at the end of the document's year)
    r"|(?<![\d年])(?:年底|年末)(?:前)?(?:全部|全面|基本)?(?:完成|建成|到位)")


def cn_numerals(text: str) -> str:
    """二〇一七年六月二十八日 → 2017年6月28日 (only in date positions)."""
    text = re.sub(rf"[{CN_YEAR_DIGITS}]{{4}}(?=年)", lambda m: "".join(str(CN_DIGIT[c]) for c in m.group()), text)

    def small(m: re.Match) -> str:
        s = m.group(1)
        if s == "十":
            n = 10
        elif s.startswith("十"):
            n = 10 + CN_DIGIT[s[1]]
        elif "十" in s:
            n = CN_DIGIT[s[0]] * 10 + (CN_DIGIT[s[2]] if len(s) > 2 else 0)
        else:
            n = CN_DIGIT[s]
        return f"{n}{m.group(2)}"
    return re.sub(r"([一二三四五六七八九十]{1,3})(月|日)", small, text)


def _month_end(y: int, m: int, part: str | None = None) -> date | None:
    if not (1 <= m <= 12 and 1900 < y < 2200):
        return None
    day = {"上旬": 10, "中旬": 20}.get(part or "", calendar.monthrange(y, m)[1])
    return date(y, m, day)


def _dates(text: str, year: int | None) -> list[date]:
    found: list[date] = []
    taken: list[tuple[int, int]] = []

    def free(m: re.Match) -> bool:
        return not any(s < m.end() and m.start() < e for s, e in taken)

    def add(d: date | None, m: re.Match) -> None:
        taken.append(m.span())
        if d:
            found.append(d)
    for m in RANGE.finditer(text):     # "2018年2月至12月": the period ends with the later month
        add(_month_end(int(m[1]), int(m[3])), m)
    for m in YMD.finditer(text):
        if not free(m):
            continue
        try:
            add(date(int(m[1]), int(m[2]), int(m[3])), m)
        except ValueError:
            taken.append(m.span())
    for m in YM.finditer(text):
        if free(m):
            add(_month_end(int(m[1]), int(m[2]), m[3]), m)
    for m in Y_PART.finditer(text):
        if free(m):
            y, part = int(m[1]), m[2] or ""
            month = 6 if part == "上半年" else QUARTER_END.get(m[3] or "", 12)
            add(_month_end(y, month), m)
    if year:
        for m in MONTH_RANGE.finditer(text):    # "1月—12月" in a plan of the year: the period ends with the later month
            if free(m):
                add(_month_end(year, int(m[2])), m)
        for m in MD.finditer(text):
            if free(m):
                try:
                    add(date(year, int(m[1]), int(m[2])), m)
                except ValueError:
                    taken.append(m.span())
        for m in M_ONLY.finditer(text):
            if free(m):
                add(_month_end(year, int(m[1]), m[2]), m)
        for m in BARE_YEAR_END.finditer(text):
            if free(m):
                add(date(year, 12, 31), m)
        for m in BARE_HALF.finditer(text):
            if free(m):
                add(_month_end(year, 6 if m[1] == "上半年" else QUARTER_END.get(m[2] or "", 12)), m)
    return found


def parse_deadline(raw: str | None, doc_year: int | None = None) -> dict:
    """{"raw", "kind", "date"} for a deadline phrase; a stated date wins over 长期推进 in the same phrase."""
    return dict(_parsed_deadline(raw, doc_year))    # a copy: callers add keys to it


# A year glued to its month, its 年 lost in the copy ("202312月底前"): four digits are the year, the rest the month.
GLUED_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?=(?:1[0-2]|0?[1-9])月)")


@lru_cache(maxsize=65536)    # the same few phrases (年底前, 长期坚持) recur across tasks and documents
def _parsed_deadline(raw: str | None, doc_year: int | None) -> dict:
    if not raw or not raw.strip():
        return {"raw": None, "kind": "none", "date": None}
    text = GLUED_YEAR.sub(r"\1年", cn_numerals(re.sub(r"\s+", "", raw)))
    if WITHIN_YEAR_ONGOING.search(text):     # "年内持续推进": pushed on through the year, never due to be done
        return {"raw": raw.strip(), "kind": "ongoing", "date": None}
    dates = _dates(text, doc_year)
    if dates:
        return {"raw": raw.strip(), "kind": "date", "date": max(dates).isoformat()}
    if ONGOING.search(text):
        return {"raw": raw.strip(), "kind": "ongoing", "date": None}
    if TIMELY.search(text):
        return {"raw": raw.strip(), "kind": "timely", "date": None}
    return {"raw": raw.strip(), "kind": "none", "date": None}


@lru_cache(maxsize=65536)
def looks_like_deadline(piece: str) -> bool:
    """Is this list piece a deadline rather than a unit ("6月底完成", "长期推进", "适时推进")?"""
    p = re.sub(r"\s+", "", piece)
    if not p:
        return False
    if re.search(r"\d{1,4}年|\d{1,2}月|[一二三四五六七八九十]{1,2}月|年底|年内|季度|半年", p):
        return True
    if len(p) <= 6 and re.match(r"(?:常态|长期|持续|长效)", p):
        return True             # a deadline cell: 常态工作, 长期坚持
    if p.startswith("已"):
        return False            # "已完成": the verdict a ledger writes in the time-limit cell once met
    return bool(re.search(r"(?:推进|完成|坚持|办结|落实到位)$", p) and (ONGOING.search(p) or TIMELY.search(p)
                                                                   or re.search(r"完成$", p)))


# "要在8月底完成", "12月中旬全面开工", "6月下旬建成投用": a month part right before the work it ends.
# ("确保 2018 年 9 月底装配到位", "达到标准 2018 年 10 月底,完成整改任务": spaced, or a comma before the work)
MONTH_PART_BEFORE_WORK = re.compile(r"(?:\d{4} ?年 ?)?\d{1,2} ?月(?:上旬|中旬|下旬|底|末)(?=(?:前|全面|基本|全部)?,?(?:完成|建成|"
                                    r"开工|启动|投用|投入使用|实现|出台|办结|竣工|投产|新建|改造|装配|安装|交付|交工))")
# The date a ledger or plan set, in a progress report: "台账要求4月10日完成全部栽植任务".
DEMANDED_BY = re.compile(r"要求(?:在|于)?((?:\d{4}年)?\d{1,2}月(?:\d{1,2}日|底|末|上旬|中旬|下旬)?前?)"
                         r"(?=完成|实现|建成|办结|全部|全面|基本)")
# A date alone in brackets closing a measure, as 整改清单 print it: "…确保县城饮用水安全(2017年9月30日)。"
BRACKETED_DATE = re.compile(r"\(((?:\d{4}年)?\d{1,2}月(?:\d{1,2}日|底|末|上旬|中旬|下旬)?(?:前|之前)?)\)(?=[。;,\s]|$)")
# A period from one day to another: "9月1日至9月30日", "2021年3月1日—5月31日" (a schedule's stage).
DAY_RANGE = r"(?:\d{4}年)?\d{1,2}月\d{1,2}日?(?:至|到|—|-|~)(?:\d{4}年)?(?:\d{1,2}月)?\d{1,2}日"
# A task that opens with its period: "年内完成老新村综合整治…", "年底前建成…"; a schedule's stage, "9月1日至9月30日,
# 各单位完成自查自评": done by the period's end.
OPENING_PERIOD = re.compile(r"^\s*(?:(?:今年|本年度?)?(?:年内|年底前|年末前|年底)|"
                            r"(?:\d{4}年)?\d{1,2}月(?:\d{1,2}日|底|末|上旬|中旬|下旬)前(?=[,,])|"
                            rf"{DAY_RANGE}(?=[,,]))")


def find_body_deadline(text: str) -> tuple[int, int] | None:
    """The span of a deadline stated inside a task's body ("于2022年10月底前完成"), if any."""
    marker = LEADING_MARKER.match(text)
    if (opening := OPENING_PERIOD.match(text, marker.end() if marker else 0)):
        return opening.start() + len(opening.group()) - len(opening.group().lstrip()), opening.end()
    dated = (m for m in BODY_DEADLINE.finditer(text) if re.search(r"\d|年底|年末", m.group()) and re.search(r"月|年", m.group()))
    if (first := next(dated, None)) is not None:
        if text.find(";", first.end()) >= 0:       # (only a schedule in ;-stages is read past its first date)
            last = first
            for last in dated:
                pass
            if last is not first and ";" in text[first.end():last.start()] and FINAL_STAGE.match(text, last.start()):
                return last.span()  # "6月底前基本完成基建;12月底前全部落实": the schedule's last stage is when it is done
        return first.span()
    m = MONTH_PART_BEFORE_WORK.search(text) or DEMANDED_BY.search(text) or BRACKETED_DATE.search(text) \
        or TARGET_YEAR.search(text) or PLANNED_YEAR.search(text) or AT_DISCRETION.search(text) \
        or ("内" in text and WITHIN_THE_YEAR.search(text) or None)
    if m is None and (closing := CLOSING_PERIOD.search(text)) and looks_like_deadline(closing.group(1)):
        return closing.span(1)      # "…。(年内完成)", "…。(长期坚持)": the time limit closing the task in brackets
    return m.span(m.lastindex or 0) if m else None


# A clause that opens on the year as its time limit: "…,今年内要完成20个老旧小区改造任务" (done by the year's end).
WITHIN_THE_YEAR = re.compile(r"(?:^|(?<=[,,;;。]))\s*((?:今年|本年度?)年?内|年内)"
                             r"(?=(?:要|将|须|必须|确保|力争|全部|全面)*(?:完成|建成|实现|完工|落实))")


# The last stage of a schedule, that finishes the work: "…;12月底前全部落实", "…;10月底前竣工投用".
FINAL_STAGE = re.compile(r"[^;。]{0,16}?(?:全部|全面|竣工|建成|完工|投用|投入使用|完成全部)")


CLOSING_PERIOD = re.compile(r"[((]([^()()\n]{2,12})[))]\s*$")


# A target stated for a year: "到2020年,全市用水总量控制在11.88亿立方米以内" — the year's end is the deadline.
TARGET_YEAR = re.compile(r"(?<![\d年月至到])(?:到|至)((?:\d{4})年(?:底|末)?)(?=[,,])")


# A year planned for finishing it: "计划于2022年全面解决该问题", "力争在2025年建成" — the year's end is the deadline.
# (or with no 于: "力争2021年完成招商", "计划4月完成更新"; or the year, then what is planned in it: "2025年拟对全县信号灯改造")
PLANNED_YEAR = re.compile(r"(?:计划|力争|争取|确保)(?:于|在)?((?:\d{4}年)(?:底|末|内)?|(?:\d{4}年)?\d{1,2}月(?:底|末|份))"
                          r"(?=[^,。;]{0,8}?(?:完成|解决|建成|竣工|完工|投用|实现))|"
                          r"(?:计划|力争|争取|确保)(?:于|在)?((?:\d{4}年)?\d{1,2}月(?:完成|建成|竣工))|"
                          r"(?<![\d年月])(\d{4}年)(?:拟|计划)(?=[^,。;]{0,12}?(?:完成|改造|建设|实施|启动|新建|建成))|"
                          # (or the year, then who will do what in it: "2023年我局将继续提质改造农村公路137公里")
                          r"(?<![\d年月至到\-—~])(\d{4}年)(?:度)?,?(?:我[局委办厅]|我们|本[局委])(?:还)?将(?:继续)?"
                          r"(?=[^,。;]{0,12}?(?:完成|改造|建设|实施|新建|建成|提质))")


# "市督查室将适时开展督查": the work is timed when the owner sees fit, the deadline kind 适时 (timely).
AT_DISCRETION = re.compile(r"适时(?=[\u4e00-\u9fff])")
