"""Mirror-site noise folded away for parsing: pinyin inserted after characters (問(wèn)題, 發(fā)改委).

Mirror sites that annotate a page with pinyin put a parenthesised syllable after many characters, even
inside 文号 and unit names. Parsers read the text with the noise cut out; every span found there is mapped
back, so evidence still indexes the text shown to the user (noise and all).
"""
from __future__ import annotations

import re

TONE = "āáǎàēéěèīíǐìōóǒòūúǔùüǖǘǚǜńňǹ"
# A syllable in parentheses right after a Han character, with a tone mark or a plain lower-case syllable.
PINYIN = re.compile(rf"(?<=[\u4e00-\u9fff])\((?=[a-z{TONE}]*[{TONE}])[a-z{TONE}]{{1,7}}\)")
SYLLABLE_START = re.compile(rf"\([a-z{TONE}]")      # a cheap test before the look-behind scan
MIN_NOISE = 3        # a document with one "(a)" is not a mirror page
SPAN_KEYS = ("span", "owner_span", "title_span", "issuer_span")


# A gambling site's name put in place of a place's by a mirror ("365bet中文资讯网_365游戏中心正式版_365bet资讯端
# 人民医院", "365彩票娱乐平台_365bet中文版_365bet新英体育林业局"): three brand words joined by "_", the last ending
# in one of the trade's words. It is cut like pinyin; what follows it is the text.
_SPAM_WORD = r"(?:资讯端|资讯网|中文网|体育|在线|登陆网址|登录网址|登陆|登录|网址|官网|官方|平台|中文版|正式版|手机版|下载|投注|彩票|娱乐|入口|app|APP)"
SPAM = re.compile(rf"(?<![A-Za-z0-9])(?=[A-Za-z0-9][A-Za-z0-9\u4e00-\u9fff]{{0,15}}?(?:bet|365|彩票|娱乐|投注|体育))"
                  rf"[A-Za-z0-9][A-Za-z0-9\u4e00-\u9fff]{{1,15}}_[A-Za-z0-9\u4e00-\u9fff]{{2,16}}_"
                  rf"[A-Za-z0-9]*(?:bet|365|[A-Za-z]{{2,}})[A-Za-z0-9]*(?:[\u4e00-\u9fff]{{0,2}}?{_SPAM_WORD})*")


# A mirror that lost a character it could not encode (a no-break space) writes "?" in its place, after every cell
# and line of a table: "序号? | 重 点 工 作 任 务? | 牵头领导? |", even inside a name ("沈 ?昱"). Many of them make
# a page such a mirror's; a question's own mark never sits before a cell's bar.
MOJIBAKE = re.compile(r"\?(?=[ \t]*(?:\||\n|$))|(?<= )\?(?=[\u4e00-\u9fff])", re.M)
MIN_MOJIBAKE = 5


def find_noise(folded: str) -> list[tuple[int, int]]:
    spam = [m.span() for m in SPAM.finditer(folded)] if "_" in folded else []
    if "?" in folded and "? |" in folded:
        lost = [m.span() for m in MOJIBAKE.finditer(folded)]
        if len(lost) >= MIN_MOJIBAKE:
            spam = sorted(spam + lost)
    if not SYLLABLE_START.search(folded):
        return spam
    spans = [m.span() for m in PINYIN.finditer(folded)]
    return sorted(spam + spans) if len(spans) >= MIN_NOISE else spam


def cut(text: str, spans: list[tuple[int, int]]) -> tuple[str, list[int]]:
    """``text`` without ``spans``, and for each kept character (and the end) its index in ``text``."""
    parts, where, pos = [], [], 0
    for s, e in spans:
        parts.append(text[pos:s])
        where.extend(range(pos, s))
        pos = e
    parts.append(text[pos:])
    where.extend(range(pos, len(text)))
    where.append(len(text))
    return "".join(parts), where


def remap(value, where: list[int]):
    """Map every span in an extraction record (nested dicts and lists) from the cut text to the full one."""
    if isinstance(value, dict):
        for key, v in value.items():
            if key in SPAN_KEYS and isinstance(v, (list, tuple)) and len(v) == 2 and all(isinstance(x, int) for x in v):
                s, e = v
                value[key] = [where[s], where[e - 1] + 1 if e > s else where[s]]
            else:
                remap(v, where)
    elif isinstance(value, list):
        for v in value:
            remap(v, where)
    return value
