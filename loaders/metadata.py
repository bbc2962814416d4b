"""Document-level facts: title, issuer, 文号, signing date, jurisdiction, genre, self-claimed counts, cites."""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from .deadlines import CN_YEAR_DIGITS, cn_numerals
from .furniture import field_date, page_fields
from .places import place_path, places_in
from .units import HAN, UNIT_END

DOC_NO_TAIL = r"[〔\[【(]\s*(?:19|20)\s?\d\s?\d\s*[〕\]】)]\s*第?\s*\d{1,4}\s*号"    # 〔2016〕94号, 〔 20 21 〕 15 号
DOC_NO = re.compile(rf"(?:[{HAN}]\s?){{1,12}}{DOC_NO_TAIL}")
DOC_NO_BRACKETS = re.compile(DOC_NO_TAIL)
DOC_NO_REACH = 24   # the issuer part before the bracket: at most 12 Han characters, each with one optional space
# A signing date alone on its line, also in brackets under a title: "(二OO八年二月二十六日)".
DATE_LINE = re.compile(rf"^\s*[(]?\s*((?:\d{{4}}|[{CN_YEAR_DIGITS}]{{4}})\s*年\s*[\d一二三四五六七八九十]{{1,3}}\s*月\s*"
                       r"[\d一二三四五六七八九十]{1,3}\s*日)\s*[)]?[\s?]*$")
ANY_DATE = (rf"(?:\d{{4}}|[{CN_YEAR_DIGITS}]{{4}})\s*年\s*[\d一二三四五六七八九十]{{1,3}}\s*月\s*"
            r"[\d一二三四五六七八九十]{1,3}\s*日")
# The 文号 line of a letterhead with the signing date beside it: "川府发〔2011〕8号 二○一一年三月十七日".
NUMBER_DATE_LINE = re.compile(rf"^[^\S\n]*((?:[{HAN}][^\S\n]?){{1,12}}{DOC_NO_TAIL})[^\S\n]+({ANY_DATE})[^\S\n]*$",
                              re.M)
# A page run into one line: the notice's last sentence, then its signing date, then the next title or part.
CLOSING_DATE = re.compile(rf"[。!]\s+({ANY_DATE})(?![至起到])\s+(?=[《(\u4e00-\u9fff])")
ISO_DATE = re.compile(r"(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?")
SEAL = re.compile(r"\s*[(]?(?:代章|盖章|印|章|代)[)]?\s*$")
META_FIELD = r"\s*[:]\s*\|?\s*([^|\n]*?)\s*(?:\||$)"
BREADCRUMB = re.compile(r"当前位置|首页|>|»|浏览次数|发布时间|发布日期|来源[:]|字号|打印|关闭")
GENRE_WORD = re.compile(r"通知|方案|意见|通报|答复|复函|情况|报告|决定|办法|规划|要点|清单|分解|的函|公告|整改|公开信息|公示|责任书|任务书")
PLACE = re.compile(rf"[{HAN}]{{2,8}}?(?:自治区|自治州|自治县|新区|省|市|州|县|区|旗|盟|镇|乡)")
PLACE_NEXT = re.compile(rf"[{HAN}]{{2,8}}?(?:新区|区|县|旗)")
CITY_NEXT = re.compile(rf"[{HAN}]{{2,10}}?(?:自治州|市|州|盟|地区)")
# Areas below or beside the county list that a body governs: 新区, 新城, 开发区, 街道, 镇 and 乡.
# (not the 乡 of 城乡 or the 镇 of 城镇, 乡镇: "海陵区住房和城乡建设局" governs no township)
ZONE_NEXT = re.compile(rf"[{HAN}]{{2,10}}?(?:新区|新城|经济技术开发区|高新技术产业开发区|经济开发区|开发区|高新区|示范区|街道|"
                       r"(?<![城乡])镇|(?<!城)乡)")
ORGAN = re.compile(r"政府|委员会|党委|党组|办公|局|委|厅|办事处")
GENRES = [  # (kind, pattern over the title and opening, does the document report outcomes?)
    ("巡视巡察整改通报", re.compile(r"(?:巡视|巡察).{0,20}整改.{0,12}(?:通报|情况|进展)|整改.{0,10}进展情况"), True),
    ("提案建议答复", re.compile(r"(?:提案|建议|议案).{0,6}(?:的)?(?:答复|复函|会办意见)|(?:答复|函告|函复|复文)如下"), True),
    ("审计整改报告", re.compile(r"审计.{0,24}整改(?:完成|落实)?(?:情况|结果|工作)|整改(?:完成|落实)?(?:情况|进展|结果)的?"
                           r"(?:报告|公告|公示|通报)"), True),
    ("督查通报", re.compile(r"督查.{0,16}(?:通报|情况)|督察.{0,16}整改.{0,10}(?:情况|进展|公示|公开)|"
                        # the cases an inspection handed over, published with what was done: 边督边改, 交办件办理情况
                        r"边督边改|(?:交办|转办|信访).{0,16}(?:办理|查处|整改)(?:情况|结果)"), True),
    ("整改意见", re.compile(r"整改(?:意见|方案|任务|工作方案)|问题整改"), False),
    ("政府工作报告责任分解", re.compile(r"政府工作报告.{0,12}(?:分解|分工)|责任分解|任务分工"), False),
    ("专项整治实施方案", re.compile(r"实施方案|工作方案|行动方案|专项整治"), False),
    ("工作情况报告", re.compile(r"情况的?(?:报告|通报)|工作总结|(?:完成|落实|进展|推进|开展)情况$"), True),
]
# The notice says it reports what was done below: "现将…排查录入情况通报如下", "现将整改进展情况报告如下".
REPORTED_BELOW = re.compile(r"现将[^。\n]{0,40}?(?:进展|落实|完成|整改|整治|排查|办理|推进)[^。\n]{0,8}?情况(?:通报|报告|汇报)如下")
# A document cited as the authority the work follows names its own genre, not this document's.
CITED_AUTHORITY = re.compile(r"(?:根据|按照|依据|依照|贯彻|落实|执行|参照)[^《。\n]{0,12}《[^》\n]*(?:》|$)")
CLAIM_TOTAL = re.compile(r"(\d+)\s*(?:个|条|项|件)(?:具体|突出|重点|主要|反馈)?问题|问题\s*(\d+)\s*(?:个|条|项|件)")  # 26个问题 / 反馈问题26个
# The words a report counts its problems in (宗, 家 and 处 count cases, units and sites as 个 does: "18宗“大棚房”问题",
# "23家重大火灾隐患单位")
COUNT_WORD = r"(?:个|项|条|件|宗|家|处)"
CLAIM_COUNT = re.compile(rf"(\d+)\s*{COUNT_WORD}(?!月)|(\d+)\s*(?=问题|整改任务)")
_DONE_VERB = r"(?:完成整改|整改完成|整改到位|整改完毕|完成|办结|销号|解决|落实)"
# A done count is a count with a done verb right before it (已完成整改98个, 已整改40项) or right after it
# (24个已整改到位); 未完成, 没有完成 and 阶段性完成 are not done.
DONE_BEFORE = re.compile(rf"(?<![未没段])(?:已经?|均已)?(?:上报|按期|按时|基本|全部|累计|按序时要求)?{_DONE_VERB}(?:整改|整治)?"
                         # (…并长期坚持的问题37个: what was done with them, then the count)
                         r"(?:[^,,。;;\d]{0,8}?的)?"
                         r"(?:任务|问题)?(?:事项)?(?:合计|共计|累计|共)?\s*$"      # 已完成整改合计4项
                         r"|已经?整改(?:任务|问题)?(?:事项)?(?:合计|共计|累计|共)?\s*$")    # 已整改问题393个
DONE_AFTER = re.compile(rf"(?:具体)?(?:问题|任务)?(?:事项)?(?:已经?|全部|均已)?(?:按期|按时)?(?:全部)?"
                        rf"(?:{_DONE_VERB}|整改(?![中任意措方工要期时建报]))")     # 36个具体问题已按期全部整改        # 1079个问题事项已完成整改
CITE_TITLE = re.compile(r"《([^《》]{2,120})》")
LEAD_IN = re.compile(r"^(?:根据|按照|依据|依照|参照|贯彻|落实|执行|印发|关于|转发|和|及|与|的|即)+")


def clean_doc_no(raw: str) -> str:
    """"根据\n盘政办发〔2016〕94号" → "盘政办发〔2016〕94号": no white space, no lead-in verb."""
    return LEAD_IN.sub("", re.sub(r"\s+", "", raw))


@dataclass
class Meta:
    title: str | None = None
    title_span: tuple[int, int] | None = None
    issuer: str | None = None
    issuer_span: tuple[int, int] | None = None
    doc_no: str | None = None
    date: str | None = None
    jurisdiction: str | None = None
    kind: str = "其他"
    reports_outcomes: bool = False
    claimed: dict | None = None
    body_end: int | None = None     # where the signature block starts


def _lines(text: str):
    pos = 0
    for line in text.split("\n"):
        yield pos, line
        pos += len(line) + 1


def _iso(raw: str) -> str | None:
    raw = cn_numerals(re.sub(r"\s+", "", raw))
    m = ISO_DATE.search(raw)
    if not m:
        return None
    y, mo, d = (int(x) for x in m.groups())
    return f"{y:04d}-{mo:02d}-{d:02d}" if 1 <= mo <= 12 and 1 <= d <= 31 else None


def _field(text: str, name: str) -> str | None:
    m = re.search(rf"{name}{META_FIELD}", text[:3000], re.M)
    return m.group(1).strip() if m and m.group(1).strip() else None


def find_place(name: str | None) -> str | None:
    """The place a name speaks for: "盘锦市人民政府办公室" → 盘锦市, "中共杨陵区…党组" → 杨陵区."""
    if not name:
        return None
    s = re.sub(r"^(?:\d{4}\s*年度?|中共|中国共产党|关于|对|印发)+", "", re.sub(r"\s+", "", name))
    m = PLACE.match(s)
    if not m or m.group() in ("市委", "区委", "县委"):
        return None
    place = m.group()
    if place.endswith(("省", "自治区")) and (city := CITY_NEXT.match(s, m.end())) \
            and (known := places_in(city.group())) and known[0][0] == 0:
        # "湖北省黄冈市人民政府办公室" (a database's title adds the province): the city's, named as its own papers do
        m, place = city, city.group()
    if (n := PLACE_NEXT.match(s, m.start() + len(place))) and place.endswith(("市", "州", "盟")):
        place += n.group()
    while (zone := ZONE_NEXT.match(s, m.start() + len(place))) and not ORGAN.search(zone.group()):
        place += zone.group()    # 陕西省西咸新区秦汉新城管理委员会: the new town is the place it governs
    known = places_in(place)
    if (known and known[0][0] == 0) or re.match(r"^(?:某+|[Xx×○]+)(?:省|市|县|区|州)", place):
        return place             # a real place, or a template's placeholder (某某市, XX县)
    # a town (徐庄镇) is not in the county-level list; a phrase like 第三轮省 is no place at all
    if place.endswith(("镇", "乡")) and not re.search(r"[第次\d]", place):
        return place
    # a county or district newer than the gazetteer (繁昌县 became 繁昌区): its own government names it
    return place if re.fullmatch(r"[\u4e00-\u9fff]{2,3}[区县市]", place) and s.startswith("人民政府", len(place)) \
        and not re.search(r"[第次省市县区]", place[:-1]) else None


def signature(text: str) -> tuple[str | None, tuple[int, int] | None, str | None, int | None]:
    """The first "issuer line + date line" pair: (issuer, its span, ISO date, where the block starts)."""
    lines = list(_lines(text))
    dated = [(i, pos, line) for i, (pos, line) in enumerate(lines) if DATE_LINE.match(line)]
    for i, pos, line in dated:
        j = i - 1
        while j >= 0 and not lines[j][1].strip():
            j -= 1
        if j >= 0:
            prev_pos, prev = lines[j]
            name = _signed_body(prev)
            if name:
                start = prev_pos + prev.index(name[:1])
                end, block = start + len(name), prev_pos
                # a joint document signed by two bodies on two lines ("中共X区委办公室⏎X区人民政府办公室"): both
                if j >= 1 and (first := _signed_body(lines[j - 1][1])) and first.startswith("中共") \
                        and "中共" not in name:
                    block = lines[j - 1][0]
                    start = block + lines[j - 1][1].index(first[:1])
                    name = first + " " + name
                return name, (start, end), _iso(line), block
    if dated:
        i, pos, line = dated[-1]
        return None, None, _iso(line), pos
    return None, None, None, None


def _signed_body(line: str) -> str | None:
    """The body a signature line names, or None."""
    name = SEAL.sub("", line.strip().rstrip("? "))     # "?" is a character lost in the copy
    return name if 2 < len(name) <= 40 and UNIT_END.search(name) and not re.search(r"[。,;:]", name) else None


RUN_ON_TITLE = re.compile(r"\s*([^。\n]{6,80}?(?:的通知|的意见|的决定|的方案|的报告|的通报|的函|的答复))")


WRAPPED_END = re.compile(r"(?:的通知|的报告|的通报|的意见|的决定|的答复|方案|清单|的函)$")


def _wrapped_title(head: list[tuple[int, str]], n: int) -> tuple[str, tuple[int, int]] | None:
    """A title printed over two to four short lines ("海东市人民政府办公室⏎关于印发…⏎…清单的通知"): the lines
    joined hold 关于 and end with the genre word; none of them ends a sentence."""
    parts = []
    for pos, line in head[n:n + 4]:
        s = line.strip()
        if not s or len(s) > 40 or re.search(r"[。;,:|]", s) or BREADCRUMB.search(s):
            return None       # a sentence, a breadcrumb or a furniture row ("索引号 | … |") is no title line
        parts.append((pos, line, s))
        joined = "".join(p[2] for p in parts)
        if len(parts) >= 2 and "关于" in joined and WRAPPED_END.search(joined) and len(joined) <= 90:
            start = parts[0][0] + parts[0][1].index(parts[0][2][:1])
            end = pos + line.index(s[:1]) + len(s)
            return re.sub(rf"(?<=[{HAN}])\s+(?=[{HAN}])", "", joined), (start, end)
        if WRAPPED_END.search(s):
            return None
    return None


def find_title(text: str) -> tuple[str | None, tuple[int, int] | None]:
    if (t := _field(text, r"标\s*题")):
        at = text.find(t)
        return t, (at, at + len(t))
    head = list(_lines(text[:3000]))[:17]
    for n, (pos, line) in enumerate(head):
        if n > 12:
            break
        if (wrapped := _wrapped_title(head, n)):
            return wrapped
        s = line.strip()
        # a portal's "名称:" label, or its field list's "• 文件标题 …" (a bullet, the label, a space)
        s = re.sub(r"^(?:[•·]\s*)?(?:(?:名\s*称|标\s*题)\s*:\s*|(?:文件|公文)?(?:标\s*题|名\s*称)\s+)", "", s)
        # (the next field of the portal's list on the same line: "名称: X工作开展情况 文号:")
        s = re.sub(r"\s+(?:文\s*号|索引号|发布机构|成文日期|发布日期|主题分类)\s*:.*$", "", s)
        if not s or BREADCRUMB.search(s) or len(s) < 6 or DOC_NO.fullmatch(s) or s.isdigit() or "|" in s \
                or re.match(r"[一二三四五六七八九十]{1,3}、|\(?\d{1,2}[).、]|\([一二三四五六七八九十]{1,3}\)", s):
            continue
        s = re.sub(r"\s*\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*$", "", s)
        words = s.split()
        if len(words) >= 3 and words[-1] == words[0]:
            s = s[:s.rfind(words[-1])].rstrip()     # "X 关于…的通知 X": the letterhead's name again after the title
        if len(s) <= 80 and GENRE_WORD.search(s) and not re.search(r"[。;]", s):
            at = pos + line.index(s[:1])
            return re.sub(rf"(?<=[{HAN}])\s+(?=[{HAN}])", "", s), (at, at + len(s))
    # a page whose text is one line: the title runs up to its genre word
    if (m := RUN_ON_TITLE.match(text)):
        return re.sub(rf"(?<=[{HAN}])\s+(?=[{HAN}])", "", m.group(1)), m.span(1)
    return None, None


def first_heading(text: str) -> str | None:
    """What a reader would call an untitled document: its first line that reads as a heading (four Han
    characters or more, short, no field label, breadcrumb or date line), for lists that would otherwise show
    the file name."""
    lines = [re.sub(r"\s+", " ", line).strip() for _, line in list(_lines(text[:3000]))[:25]]
    headings = [s for s in lines if 6 <= len(re.findall(rf"[{HAN}]", s)) and len(s) <= 60
                and not BREADCRUMB.search(s) and not re.search(r"[:|]", s) and not DATE_LINE.match(s)]
    # a line naming the genre (…情况公布, …方案) is the heading; else the first heading-like line
    named = next((s for s in headings if GENRE_WORD.search(s) or re.search(r"公布|公开|通告", s)), None)
    # else the first that is long enough to name something (a site's "免费服务热线" is not)
    long_enough = next((s for s in headings if len(re.findall(rf"[{HAN}]", s)) >= 10), None)
    return (named or long_enough or (headings[0] if headings else None) or "").rstrip("。") or None


def claimed_counts(text: str, totals_alone: bool = True) -> dict | None:
    """What a report says of itself: "反馈的25项整改任务已按期完成17项" → {"problems": 25, "done": 17}.

    A done count (已完成整改N个, N个已整改到位) is paired with the nearest count before it in the same
    sentence that is at least as large, so 26个大项 or 4个方面 in front of 整改任务106个,已完成整改98个 do
    not stand for the total. With no done count, the first "N个问题" the document states is its total."""
    if (parts := _counted_in_parts(text)) is not None:
        return parts
    for count in re.finditer(rf"(\d+)\s*{COUNT_WORD}", text):
        if not (DONE_BEFORE.search(text, max(0, count.start() - 16), count.start())
                or DONE_AFTER.match(text, count.end())):
            continue
        n = int(count.group(1))
        sentence_start = text.rfind("。", 0, count.start()) + 1
        if text[sentence_start:count.start()].lstrip().startswith("其中"):
            # "…交办的82件群众信访问题…。其中,79件已完成整改": the part of the total the sentence before states
            sentence_start = text.rfind("。", 0, max(0, sentence_start - 1)) + 1
        totals = [int(t.group(1) or t.group(2)) for t in CLAIM_COUNT.finditer(text, sentence_start, count.start())]
        total = next((t for t in reversed(totals) if t >= n), None)
        if total is None and (stated := CLAIM_TOTAL.search(text, 0, count.start())):
            # "…审计发现问题4项,…。截至7月底,已完成整改合计4项": the total stated before, in a sentence of its own
            earlier = int(stated.group(1) or stated.group(2))
            total = earlier if earlier >= n else None
        if total:
            return {"problems": total, "done": n}
    if ("全" in text or "均" in text) and (all_done := COUNT_ALL_DONE.search(text)):
        n = int(all_done.group(1))          # "并案后共交办161件,现已全部办结": that many, all of them done
        return {"problems": n, "done": n}
    stated = min((m for m in (CLAIM_TOTAL.search(text), WORD_TOTAL.search(text)) if m), key=lambda m: m.start(),
                 default=None)
    if stated is None:
        return None
    total = int(stated.group(1) or stated.group(2)) if stated.re is CLAIM_TOTAL else _word_count(stated.group(1))
    if ALL_DONE.search(text, stated.end(), stated.end() + 120):
        return {"problems": total, "done": total}      # "提出的四个问题…我局已经全部整改完成"
    return {"problems": total} if totals_alone else None


# A total told in parts, each part's own done count after it (an audit report's "反映的105项267个具体问题中,要求立行立改
# 的133个问题有132个已完成整改,要求分阶段整改和持续整改的134个问题有60个已完成整改"): the total is the whole, done is
# the parts' sum, when the parts add up to it.
PARTS_OF = re.compile(r"(\d+)\s*个(?:具体|突出)?问题中[,]")
PART_DONE = re.compile(r"的(\d+)\s*个(?:具体)?问题(?:中)?[,]?(?:有|已有)?(\d+)\s*个(?:已经?)?(?:完成整改|整改完成|整改到位|完成)")


def _counted_in_parts(text: str) -> dict | None:
    for whole in PARTS_OF.finditer(text):
        sentence_end = text.find("。", whole.end())
        parts = PART_DONE.findall(text, whole.end(), sentence_end if sentence_end >= 0 else len(text))
        total = int(whole.group(1))
        if len(parts) >= 2 and sum(int(n) for n, _ in parts) == total:
            return {"problems": total, "done": sum(int(d) for _, d in parts)}
    return None


# A total in words ("审计报告中提出的四个问题", "反馈的十二项问题"), and all of them done, said without a count.
WORD_TOTAL = re.compile(r"(?<![第一二两三四五六七八九十])([一二两三四五六七八九十]{1,3})\s*(?:个|项|条|件)(?:具体)?问题")
ALL_DONE = re.compile(r"(?<![未没不])(?:已经?|均已)?全部(?:完成整改|整改完成|整改到位|整改完毕|销号)|(?<![未没不])均已(?:完成)?整改(?:完成|到位|完毕)?")
DIGIT = {c: n for n, c in enumerate("零一二三四五六七八九")} | {"两": 2}
# A count, then in the same clause all of them done: "共交办161件,现已全部办结", "整改任务12项,目前均已完成".
COUNT_ALL_DONE = re.compile(r"(\d+)\s*" + COUNT_WORD + r"(?:[^。;\d]{0,12}?[,,]\s*(?:现|目前|现在|(?:截至|截止|到)[^,,。;]{1,10}?)?"
                            r"|[\u4e00-\u9fff]{0,10}?)(?:已经?)?(?:全部|均已|全|均)(?:按期|按时)?(?:办结|完成整改|整改完成|整改到位|整改完毕|完成|销号)")


def _word_count(words: str) -> int:
    """一 … 九十九 in Chinese numerals: 四 → 4, 十二 → 12, 二十六 → 26."""
    if "十" not in words:
        return DIGIT[words[-1]]
    tens, _, ones = words.partition("十")
    return DIGIT.get(tens, 1) * 10 + (DIGIT[ones] if ones else 0)


FORMAL_SOURCE = ("发文机关", "发布机构", "发文单位", "发布单位", "制发机关")
TITLE_TAG = re.compile(r"^【[^】]{1,30}】")            # 【保基本民生】 before a title on portal pages
HEADER_ISSUER = re.compile(rf"^\s*([{HAN}]{{4,40}}?)文件(?:\s|$)", re.M)     # 常熟市人民政府办公室文件
# "常熟市人民政府办公室 2018年2月24日" inside a line: found from the date, then the issuer before it.
SPACED_DATE = re.compile(r"(?<=\s)((?:19|20)\d{2}年\d{1,2}月\d{1,2}日)")
ISSUER_BEFORE = re.compile(rf"([{HAN}]{{4,30}}(?:政府|办公室|办公厅|委员会|局|委|厅|党委|党组|管委会))\s+$")
# A news report of the act: "2月20日,昆明市人民政府办公室印发通知…", "近日,X印发…的通知".
NEWS_LEAD = re.compile(rf"^[^\S\n]*(?:(?:(\d{{4}})年)?(\d{{1,2}})月(\d{{1,2}})日|近日|日前)[,]\s*"
                       rf"([{HAN}]{{4,30}}?(?:政府|办公室|办公厅|委员会|局|委|厅|党委|党组|管委会))(?:印发|发布|出台|下发|公布)", re.M)
# A newspaper's masthead: the issue's date alone on a line, with its weekday.
MASTHEAD_DATE = re.compile(r"^\s*((?:19|20)\d{2}年\d{1,2}月\d{1,2}日)\s*(?:星期|周)[一二三四五六日天]\s*$", re.M)
# "——2021年1月19日在…会议上" under a report's title, or opening the page: the day it was delivered
SPEECH_DATE = re.compile(r"^\s*(?:——|--|—|\()?\s*((?:19|20)\d{2})\s*年?\s*(\d{1,2})\s*月?\s*(\d{1,2})\s*日\s*在", re.M)
# A resolution's adoption line under its title: "(2021年6月30日紫金县第十六届人民代表大会常务委员会第六十八次会议
# 通过)": the day it was adopted and the body that adopted it (read with the line breaks of a wrapped title removed).
ADOPTED = re.compile(rf"\(\s*({ANY_DATE})\s*([{HAN}]{{2,40}}?(?:人民代表大会常务委员会|人民代表大会|委员会|政府))"
                     r"第[一二三四五六七八九十百\d]+次(?:全体|常务)?会议(?:审议)?(?:通过|批准)\s*\)")
# Who delivers a report to the 人大常委会, under its title, or a 解读's 解读人: "上海市松江区审计局局长 宋 莉". The body
# they speak for issued it.
REPORTER = re.compile(rf"^[^\S\n]*(?:解读人[:][^\S\n]*)?([{HAN}]{{3,30}}?(?:局|委员会|委|办公室|办|厅|院|政府|署))"
                      r"副?(?:局长|主任|厅长|院长|市长|区长|县长|省长|州长|审计长|检察长|主席|部长|署长)"
                      rf"[^\S\n]*(?:[{HAN}][^\S\n]?){{2,4}}$", re.M)
# A letterhead: the body alone on the document's first line, the title under it ("南通市崇川区城市管理局⏎2024年…清单").
LETTERHEAD = re.compile(rf"\A\s*([{HAN}]{{4,30}}(?:政府|办公室|办公厅|委员会|局|委|厅|党委|党组|管委会|中心))[^\S\n]*\n")
# The body that reports, in the opening sentence: "原州区综合执法局对市区环境卫生进行专项督查检查,现将…情况通报如下".
OPENING_REPORTER = re.compile(rf"(?:^|[,。])([{HAN}]{{4,30}}?(?:政府|办公室|办公厅|委员会|局|委|厅|党委|党组|管委会|中心|督查室))"
                              r"(?:于[^,。]{1,12})?(?:对|在|组织|开展|深入)[^。]{2,80}?,现将[^。]{0,40}?(?:通报|报告|公布|公示)如下", re.M)
OPENING_DOC_NO = re.compile(rf"(?<![(《])(?:[{HAN}]\s?){{1,12}}{DOC_NO_TAIL}")
CITING = re.compile(r"(?:根据|按照|依据|依照|参照|贯彻|落实|印发|转发|执行)[^。\n]{0,40}$")
SUFFIX_ENDS = ("省", "自治区", "市", "州", "盟", "县", "区", "旗")



def _news_date(news: re.Match | None, text: str) -> str | None:
    """The day a news lead gives, in its own year or the first year the report names."""
    if not news or not news.group(2):
        return None
    year = news.group(1) or next(iter(re.findall(r"((?:19|20)\d{2})年", text[:3000])), None)
    return f"{int(year):04d}-{int(news.group(2)):02d}-{int(news.group(3)):02d}" if year else None


# The body and its date closing the text on one line, the date in figures: "…确保顺利通过验收。 商州区大荆中学 2018.06.15".
CLOSING_NUMERIC = re.compile(rf"(?:^|[。\s])([{HAN}]{{4,30}})[^\S\n]+((?:19|20)\d{{2}})[./-](\d{{1,2}})[./-](\d{{1,2}})\s*$")


def _closing_numeric(text: str) -> tuple[str, str] | None:
    """(issuer, ISO date) from a closing line of the body and its date in figures, or None."""
    m = CLOSING_NUMERIC.search(text[-160:])
    if not m or not UNIT_END.search(m.group(1)):
        return None
    y, mo, d = int(m.group(2)), int(m.group(3)), int(m.group(4))
    return (m.group(1), f"{y:04d}-{mo:02d}-{d:02d}") if 1 <= mo <= 12 and 1 <= d <= 31 else None


def _inline_signature(text: str) -> tuple[str, str] | None:
    for date in SPACED_DATE.finditer(text):
        issuer = ISSUER_BEFORE.search(text, max(0, date.start() - 40), date.start())
        if issuer:
            return issuer.group(1), date.group(1)
    return None


# A mirror's spam before the title: "乐鱼体育官网投注:贵港市人民政府关于…的报告" — the title is what follows
SPAM_PREFIX = re.compile(r"^[^:]{2,20}:(?=[^:]{0,30}关于)")


def _strip_tag(s: str | None) -> str | None:
    return SPAM_PREFIX.sub("", TITLE_TAG.sub("", s)).strip() if s else s


def _own_doc_no(text: str, head: str) -> str | None:
    """The document's own 文号: a line of its own, else the first in the opening that no 根据/按照 cites."""
    if dated := NUMBER_DATE_LINE.search(head):
        return clean_doc_no(dated.group(1))
    for _, line in _lines(head):
        if DOC_NO.fullmatch(line.strip().strip("()")):      # "(长府办发〔2012〕19号)" under the title
            return clean_doc_no(line.strip().strip("()"))
    if not DOC_NO_BRACKETS.search(text[:400]):
        return None
    for m in OPENING_DOC_NO.finditer(text[:400]):
        # "…方案的通知卫政办发〔2025〕26号": the number starts after the title's genre word, and then what
        # comes before is the title (its 印发 issues this document, it cites none)
        number = re.sub(r"^.*(?:通知|方案|意见|报告|通报|决定|公告|的函|文件)", "", m.group())
        if number != m.group() or not CITING.search(text[max(0, m.start() - 40):m.start()]):
            return clean_doc_no(re.sub(r"^.*\s(?=\S+[〔\[【(])", "", number))   # "…文件 常政办发〔2018〕32号"
    return None


def _common_place(text: str) -> str | None:
    """The place a page speaks of most in its opening (锦州市 in a news item about 锦州's work); a province's
    bare name (湖北) counts for the province, and at equal counts the lower level wins."""
    counts: dict[str, int] = {}
    first: dict[str, int] = {}
    for at, place in places_in(text[:1500]):
        if not place.endswith(SUFFIX_ENDS):
            continue                # 广西, 湖北: too often part of a unit's name to count alone
        counts[place] = counts.get(place, 0) + 1
        first.setdefault(place, at)
    if not counts:
        return None
    # a city named with two or more of its own districts ("安顺市…西秀区完成…平坝区完成…") is the place spoken of
    parents = {p for p in counts if not p.endswith(("省", "自治区"))
               and sum(p in place_path(q)[:-1] for q in counts if q != p) >= 2}
    if parents:
        return max(parents, key=lambda p: (counts[p], -first[p]))
    found = max(counts, key=lambda p: (counts[p], not p.endswith(("省", "自治区")), -first[p]))
    if found.endswith("区") and len(path := place_path(found)) >= 3 and _own_level(text[:1500]) == "市" \
            and sum(place_path(q)[:-1] == path[:-1] for q in counts if q.endswith("区")) >= 2:
        # a city's page going through its districts ("周口市创文办…对川汇区、淮阳区…督导"): it speaks of its own
        # bodies as 市X办, so it is the city's, the districts' city (one district inspected is the page's place)
        return path[-2]
    return found


# A township's page: the township names itself (我镇, 全镇, 镇党委) and is named (叶塘镇) more than once, or issues it.
# The place table stops at the county, so the township is read here, after the county or city found.
TOWNSHIP = re.compile(r"(?:^|(?<=[对到向在于和、,:。;\s县市区]))([\u4e00-\u9fff]{2,3}?(?:镇|乡|街道))(?=党委|人民政府|政府|纪委|"
                      r"办事处|党工委|[^\u4e00-\u9fff]|开展|召开|存在|扎实|认真|全面|积极|巡察|整改)")
OWN_TOWNSHIP = re.compile(r"我(?:镇|乡|街道)|全(?:镇|乡|街道)|(?<![\u4e00-\u9fff])(?:镇|乡|街道)(?:党委|政府|纪委|党工委)")
NOT_A_TOWNSHIP = re.compile(r"^(?:各|有关|相关|城|全|我|该|本|乡镇|镇街)")


def _own_township(head: str, issuer: str | None) -> str | None:
    """The township a page is from, or None."""
    if issuer and (m := re.fullmatch(r"(?:中共)?([\u4e00-\u9fff]{2,3}?(?:镇|乡|街道))(?:委员会|党委|人民政府|政府|办事处|党工委)?",
                                     issuer)) and not NOT_A_TOWNSHIP.match(m.group(1)):
        return m.group(1)
    if len(OWN_TOWNSHIP.findall(head)) < 2:
        return None
    counts: dict[str, int] = {}
    for m in TOWNSHIP.finditer(head):
        if not NOT_A_TOWNSHIP.match(m.group(1)):
            counts[m.group(1)] = counts.get(m.group(1), 0) + 1
    best = max(counts, key=counts.get, default=None)
    return best if best and counts[best] >= 2 else None


# The level a page names its own bodies at, by their bare prefix: "市创文办", "由市城管局", "区住建委".
BARE_BODY = re.compile(r"(?:^|(?<=[^\u4e00-\u9fff])|(?<=[由对经向和及请将、]))([省市区县])"
                       r"(?:委(?!员)|政府|[\u4e00-\u9fff]{1,8}?(?:局|办|委员会|指挥部|中心))")


def _own_level(text: str) -> str | None:
    """The level most of the page's bare-prefixed bodies are at, if two or more are and no other level ties."""
    counts: dict[str, int] = {}
    for m in BARE_BODY.finditer(text):
        counts[m.group(1)] = counts.get(m.group(1), 0) + 1
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    if not ranked or ranked[0][1] < 2 or (len(ranked) > 1 and ranked[1][1] >= ranked[0][1]):
        return None
    return ranked[0][0]


OWN_PLACE = re.compile(r"(?:结合|立足)(?:我们|我)?([\u4e00-\u9fff]{2,12}?)(?:的)?实际")


def _stated_place(text: str) -> str | None:
    """"结合官渡区实际": the place a document says it is written for."""
    for m in OWN_PLACE.finditer(text[:3000]):
        found = [p for _, p in places_in(m.group(1)) if p.endswith(SUFFIX_ENDS)]
        if found:
            return found[-1]
    return None


def _title_place(title: str | None) -> str | None:
    found = [p for _, p in places_in(title or "") if p.endswith(SUFFIX_ENDS)]
    return found[-1] if found else None


# What a page's furniture leaves before a body's name: a date, a bullet, a lost character, the portal's own name
# ("•2024.03.04三明市医改领导小组秘书处", "法搜网--中国法律信息搜索网宜昌市人民政府办公室", "?广东省人民政府办公厅").
FURNITURE_BEFORE = re.compile(r"^.*[^\u4e00-\u9fff()“”\s]|^[\u4e00-\u9fff]{0,20}网(?=[\u4e00-\u9fff]{4})")


def _without_furniture(issuer: str) -> str:
    """Each body of the issuer without what stands before its name, where a body's name is left."""
    parts = []
    for part in issuer.split():
        while (junk := FURNITURE_BEFORE.match(part)) and junk.end() < len(part) \
                and UNIT_END.search(rest := part[junk.end():]) and len(rest) >= 4 and places_in(rest):
            part = rest
        parts.append(part)
    return " ".join(parts)


def _named_in_full(issuer: str, head: str) -> str:
    """A body named by its level alone (县政府办公室, a portal's 发布机构) is the one the page names in full
    with its place (弥渡县人民政府办公室), where the page does."""
    if issuer[:1] not in "省市区县州" or find_place(issuer):
        return issuer
    body = re.escape(issuer[1:]).replace("政府", "(?:人民)?政府")
    for m in re.finditer(rf"[\u4e00-\u9fff]{{1,10}}?{issuer[0]}{body}", head):
        named = m.group()
        for k in range(len(named) - len(issuer)):      # the shortest place the match opens on
            if (place := find_place(named[k:])) and named[k:].startswith(place):
                return named[k:]
    return issuer


def _same_body(body: str, full: str) -> bool:
    """Whether a body named after its place ("政府", "人民政府办公室") is the one a full name ends with."""
    body = re.sub(r"^(?:人民)?政府", "政府", body)
    full = re.sub(r"^中共(.+?)委员会", r"\1党委", re.sub(r"人民政府", "政府", full))     # 中共X镇委员会 is X镇党委
    return bool(body) and full.endswith(body)


# A reply titled by the body that answers before what it answers: "X局 对…第46号建议的答复".
REPLIER_TITLE = re.compile(r"^\s*([\u4e00-\u9fff]{2,30}?(?:局|委|办|厅|院|中心|公司|政府|办公室|管委会))\s*对[^。]{4,80}的(?:答复|复函|回复)")
# A reply's closing fields name the body that answered it: "联系单位:舞钢市住房和城乡建设局" (or 承办/办理单位).
CONTACT_BODY = re.compile(r"^\s*(?:联系|承办|办理|答复)单位\s*[::]\s*([\u4e00-\u9fff()]{4,30})\s*$", re.M)


def read_meta(text: str) -> Meta:
    meta = Meta()
    fields = page_fields(text)
    meta.title, meta.title_span = find_title(text)
    meta.title = _strip_tag(meta.title)
    meta.issuer, meta.issuer_span, meta.date, meta.body_end = signature(text)
    source = fields.get("issuer")
    title_head = meta.title.split("关于")[0].strip() if meta.title and "关于" in meta.title else ""
    title_head = re.sub(r"(?:印发|转发|批转)$", "", title_head)     # "X印发关于…的通知": X issued it
    if not title_head and meta.title and (replier := REPLIER_TITLE.match(meta.title)):
        title_head = replier.group(1)       # "南宫市交通运输局 对…第46号建议的答复": the body that answers
    header = HEADER_ISSUER.search(text[:300])
    inline = _inline_signature(text) if not (meta.issuer and meta.date) else None
    news = NEWS_LEAD.search(text[:600])
    adopted = ADOPTED.search(re.sub(r"\n", "", text[:800]))
    # the body named before 关于 in the title issued the document; a portal that reposts it names itself
    # as 发布机构 (青山湖区's site carrying 南昌市人民政府's notice), one of the same place names it in full
    formal = source.value if source and source.label in FORMAL_SOURCE else None
    if formal and UNIT_END.search(title_head) and (named := find_place(title_head)) and named != find_place(formal):
        formal = None
    # (nor a portal of the same place that is another body: the title's "X区财政局关于…" wrote it, not 区人民政府)
    if formal and UNIT_END.search(title_head) and (named := find_place(title_head)) \
            and not _same_body(title_head[len(named):], formal):
        formal = None
    for candidate in (formal,
                      title_head if UNIT_END.search(title_head) else None,
                      header.group(1) if header else None,
                      adopted.group(2) if adopted else None,
                      news.group(4) if news else None,
                      inline[0] if inline else None,
                      reporter.group(1) if (reporter := REPORTER.search(text[:800])) else None,
                      source.value if source else None,
                      letterhead.group(1) if (letterhead := LETTERHEAD.match(text)) else None,
                      opening.group(1) if (opening := OPENING_REPORTER.search(text[:600])) else None,
                      closing_numeric[0] if (closing_numeric := _closing_numeric(text)) else None,
                      contact.group(1) if (contact := CONTACT_BODY.search(text, max(0, len(text) - 600))) else None):
        if meta.issuer or not candidate:
            continue
        meta.issuer = _strip_tag(re.sub(r"\s+", "", candidate))
        if (number := DOC_NO.match(meta.issuer)) and number.end() < len(meta.issuer):
            meta.issuer = meta.issuer[number.end():]      # "鲁政办字〔2015〕46号山东省人民政府办公厅": the 文号 is no part
    if header and meta.issuer and header.group(1).endswith(meta.issuer):
        meta.issuer = header.group(1)       # the letterhead names the same body in full: 鞍山市立山区人民政府
    if meta.issuer:
        meta.issuer = _named_in_full(_without_furniture(meta.issuer), text[:1500])
    speech = SPEECH_DATE.search(text[:800])
    meta.date = (meta.date or field_date(getattr(fields.get("written"), "value", None))
                 or (_iso(inline[1]) if inline else None)
                 or (closing_numeric[1] if closing_numeric else None)
                 or (_iso(adopted.group(1)) if adopted else None)
                 or (_iso(lettered.group(2)) if (lettered := NUMBER_DATE_LINE.search(text[:1500])) else None)
                 or (_iso(closing.group(1)) if (closing := CLOSING_DATE.search(text[:1500])) else None)
                 or (f"{int(speech.group(1)):04d}-{int(speech.group(2)):02d}-{int(speech.group(3)):02d}" if speech else None)
                 or _news_date(news, text)
                 or (_iso(masthead.group(1)) if (masthead := MASTHEAD_DATE.search(text[:300])) else None)
                 or field_date(getattr(fields.get("published"), "value", None)))
    head = text[: (meta.body_end or len(text))][:1500]
    stated = getattr(fields.get("doc_no"), "value", "") or ""
    declared = DOC_NO.search(stated)
    meta.doc_no = (clean_doc_no(declared.group()) if declared else _own_doc_no(text, head)
                   or (stated if re.fullmatch(r"[\u4e00-\u9fff]{2,12}第?\d{1,4}[期号]", stated) else None))   # 督查通报第13期
    weak_issuer = bool(source) and meta.issuer == source.value and source.label not in FORMAL_SOURCE
    meta.jurisdiction = ((None if weak_issuer else find_place(meta.issuer)) or find_place(meta.title)
                         or _title_place(meta.title) or find_place(meta.issuer)
                         or find_place(getattr(source, "value", None)) or _stated_place(text) or _common_place(text))
    if (township := _own_township(text[:1500], meta.issuer)) and township not in (meta.jurisdiction or ""):
        meta.jurisdiction = (meta.jurisdiction or "") + township
    # the title says what the document is; the opening only where the title names no genre
    opening = (meta.title or "") + text[:600]
    for scope in (meta.title or "", opening):
        scope = CITED_AUTHORITY.sub("", scope)      # "为落实《…行动方案》精神,…现将督查情况通报如下": not a 方案
        found = next(((kind, reports) for kind, pattern, reports in GENRES if pattern.search(scope)), None)
        if found:
            meta.kind, meta.reports_outcomes = found
            break
    if not meta.reports_outcomes and REPORTED_BELOW.search(text, 0, 1200):
        # "现将各乡镇…排查录入情况通报如下:": a notice that reports, whatever its title asks for
        meta.reports_outcomes = True
    # An answer to a proposal counts the city's work, not problems of its own; only a report states a total
    # of problems without saying how many are done.
    meta.claimed = None if meta.kind == "提案建议答复" else claimed_counts(text, totals_alone=meta.reports_outcomes)
    return meta


def find_cites(text: str, own_doc_no: str | None) -> list[dict]:
    """《title》 with an optional following (文号), and bare 文号: each with its span."""
    cites, used = [], []
    for m in CITE_TITLE.finditer(text):
        after = text[m.end(): m.end() + 30]
        no = DOC_NO.match(after.lstrip("("))
        doc_no = clean_doc_no(no.group()) if no and after.startswith("(") else None
        end = m.end() + (after.index(no.group()) + len(no.group()) + 1 if doc_no else 0)
        cites.append({"title": re.sub(r"\s+", "", m.group(1)), "doc_no": doc_no, "span": [m.start(), min(end, len(text))]})
        used.append((m.start(), end))
    used_starts = [s for s, _ in used]          # found in text order, so already sorted
    for m in doc_numbers(text):
        doc_no = clean_doc_no(m.group())
        k = bisect_right(used_starts, m.start()) - 1
        if doc_no == own_doc_no or (k >= 0 and m.start() < used[k][1]):
            continue
        cites.append({"title": None, "doc_no": doc_no, "span": [m.start(), m.end()]})
    return sorted(cites, key=lambda c: c["span"][0])


def doc_numbers(text: str):
    """The matches of ``DOC_NO.finditer(text)``, found from their bracketed year and number.

    Trying DOC_NO at every Han character of a long text is slow; a match ends in one "〔2016〕94号" part and
    starts at most DOC_NO_REACH characters before its bracket, and no part holds a second opening bracket,
    so it is enough to search each such window (up to the part's end), in order."""
    pos = 0
    for bracket in DOC_NO_BRACKETS.finditer(text):
        lo = max(pos, bracket.start() - DOC_NO_REACH)
        while (m := DOC_NO.search(text, lo, bracket.end())):
            yield m
            pos = lo = m.end()
