"""Fold text for parsing without moving any character.

``fold(text)`` returns a string of exactly ``len(text)`` code points where
position i of the result stands for position i of the input, so a span found in
the folded text indexes the original text shown to the user.

Folding maps full-width ASCII forms to ASCII, odd spaces to ' ', and
traditional Chinese to simplified. The script conversion is per character
(from zhconv's zh-cn table): zhconv's phrase conversion can change lengths and
is a pure-Python scan, too slow for 200 MB documents; traditional-to-simplified
is nearly always many-to-one, so single characters convert well.
"""
from __future__ import annotations

import re
import warnings
from functools import lru_cache

# Parsers rely on these exactly as written; never map them.
_KEEP = frozenset("〔〕《》、“”‘’")

# Spaces that should read as ' ': NBSP, en/em/thin... spaces, narrow NBSP,
# medium math space, ideographic space.
_SPACES = "\u00a0" + "".join(map(chr, range(0x2000, 0x200B))) + "\u202f\u205f\u3000"


@lru_cache(maxsize=1)
def _mapping() -> dict[int, str]:
    """Every code point fold changes, to its single replacement code point."""
    table: dict[int, str] = {}
    for src, dst in _script_pairs():
        table[ord(src)] = dst
    # Full-width ASCII forms U+FF01..U+FF5E sit exactly 0xFEE0 above ASCII.
    for cp in range(0xFF01, 0xFF5F):
        table[cp] = chr(cp - 0xFEE0)
    for ch in _SPACES:
        table[ord(ch)] = " "
    for ch in _KEEP:
        table.pop(ord(ch), None)
    # The hard rule: one code point in, one out.
    return {k: v for k, v in table.items() if len(v) == 1 and v != chr(k)}


@lru_cache(maxsize=1)
def _bmp_table() -> list[int]:
    # A dense list indexed by code point is str.translate's fastest table: a
    # dict raises and swallows a KeyError for every unmapped character.
    lut = list(range(0x10000))
    for cp, dst in _mapping().items():
        if cp < 0x10000:
            lut[cp] = ord(dst)
    return lut


@lru_cache(maxsize=1)
def _astral() -> tuple[dict[str, str], re.Pattern[str] | None]:
    pairs = {chr(cp): dst for cp, dst in _mapping().items() if cp >= 0x10000}
    if not pairs:
        return pairs, None
    return pairs, re.compile("[" + "".join(sorted(pairs)) + "]")


def _script_pairs() -> list[tuple[str, str]]:
    """Single-character traditional→simplified pairs from zhconv's zh-cn table."""
    with warnings.catch_warnings():
        # zhconv imports the deprecated pkg_resources when it is installed.
        warnings.simplefilter("ignore")
        from zhconv import zhconv as _zh

        conv = _zh.getdict("zh-cn")
    return [(k, v) for k, v in conv.items() if len(k) == 1 and len(v) == 1]


_ANY_ASTRAL = re.compile("[\U00010000-\U0010FFFF]")


_MONTH_END_TYPO = re.compile(r"(?<=\d月)低(?!于)|(?<=\d\s月)低(?!于)")      # not "1-5月低于全省平均"


# A full stop typed as an ASCII (or full-width) point between two Han characters; not after a numeral, where it
# marks a heading (一.总体要求).
# (the point first, its neighbours looked at after: the scan runs on every document, and a pattern that opens on a
# lookbehind is tried at every position, one opening on "." only where a point stands)
_HAN_STOP = re.compile(r"\.(?<=[\u4e00-\u9fff]\.)(?<![一二三四五六七八九十]\.)(?=[\u4e00-\u9fff])")


# A mirror's mojibake for the blanks it could not encode: "???(一)第一检查组", "胡小波 ?杨 ?剑" — a question mark
# opening a line, or after a blank before a character, stands for a blank.
_NOISE_MARK = re.compile(r"^[ \t]*\?+(?=[^\s?])|(?<=[ \t])\?+(?=[\u4e00-\u9fff(])", re.M)
_LEAD_DASH = re.compile(r"^[ \t]*[─━—]{1,4}(?=[\u4e00-\u9fff])", re.M)


def fold(text: str) -> str:
    """Simplified script, half-width ASCII punctuation, plain spaces; same length as ``text``."""
    # Code points past the list raise IndexError, which translate treats as
    # "unmapped"; the few astral (CJK extension B+) traditional characters get
    # a second, regex-driven pass only when the text has any astral character.
    out = text.translate(_bmp_table())
    if _ANY_ASTRAL.search(out):
        pairs, rx = _astral()
        if rx is not None:
            out = rx.sub(lambda m: pairs[m.group()], out)
    if "月低" in out:         # a homophone typed for 底 in a date: "2018年7月低完成" is the end of July
        out = _MONTH_END_TYPO.sub("底", out)
    if _HAN_STOP.search(out):    # "…解决环境问题.各地、各有关部门要…": a full stop typed as "."
        out = _HAN_STOP.sub("。", out)
    if "?" in out:       # (full-width ? is folded to ? above)
        out = _NOISE_MARK.sub(lambda m: " " * len(m.group()), out)
    if "─" in out or "—" in out:      # "──由市卫生局会同…组织落实。": a dash leading a line only leads into it
        out = _LEAD_DASH.sub(lambda m: " " * len(m.group()), out)
    if len(out) != len(text):  # cannot happen with 1:1 tables; guard the invariant anyway
        raise AssertionError("fold changed the text length")
    return out
