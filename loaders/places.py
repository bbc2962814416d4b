"""Place names: which phrases are real places (county level and above), in their short written forms too.

Documents write 和布克赛尔县 for 和布克赛尔蒙古自治县, 广西 for 广西壮族自治区, 沙县区 for the district that
was 沙县. A phrase ending in 市/县/区 is a place only if the name before the suffix is one.
"""
from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

# The 55 peoples' names, as autonomous places write them (族 is left out in 和布克赛尔蒙古自治县): a pattern
# of "any characters + 族" would eat the place's own name (黔东南苗族侗族自治州 → 州).
ETHNIC = ("维吾尔|乌孜别克|柯尔克孜|哈萨克|塔吉克|塔塔尔|达斡尔|鄂伦春|鄂温克|俄罗斯|蒙古|土家|布依|朝鲜|哈尼|傈僳|"
          "拉祜|东乡|纳西|景颇|仫佬|布朗|撒拉|毛南|仡佬|锡伯|阿昌|普米|德昂|保安|裕固|独龙|赫哲|门巴|珞巴|基诺|高山|"
          "回|藏|苗|彝|壮|满|侗|瑶|白|傣|黎|佤|畲|水|土|羌|怒|京")
AUTONOMY = re.compile(rf"(?:(?:{ETHNIC})族?)+自治(县|州|旗)$")
# Real districts whose names are ordinary words (阳泉's 城区, 北京's 矿区 is not; 石嘴山's 大武口区 is): read
# alone they are "the urban area", so only a city written before them makes them a place.
COMMON_WORD_PLACES = frozenset({"城区", "郊区", "矿区", "东区", "西区"})
SUFFIXES = ("特别行政区", "自治区", "自治州", "自治县", "省", "市", "州", "盟", "县", "区", "旗")


@lru_cache(maxsize=1)
def place_names() -> frozenset[str]:
    """Every official name, and the short forms documents use for it."""
    text = resources.files("loaders").joinpath("data/places.txt").read_text(encoding="utf-8")
    names = set()
    for line in text.splitlines():
        name = line.strip()
        if not name or name.startswith("#") or name in COMMON_WORD_PLACES:
            continue
        names.add(name)
        short = AUTONOMY.sub(r"\1", name)           # 和布克赛尔蒙古自治县 → 和布克赛尔县
        names.add(short)
        if name.endswith("自治区"):
            names.add(re.sub(rf"(?:(?:{ETHNIC})族|维吾尔)?自治区$", "", name))   # 广西壮族自治区 → 广西
        if name.endswith("县"):
            names.add(name + "区")                  # a county turned district keeps its name: 沙县区
    return frozenset(names)


@lru_cache(maxsize=1)
def place_stems() -> frozenset[str]:
    """Names without their level (哈尔滨 of 哈尔滨市), two characters or more: how a unit's name starts with
    its place (哈尔滨铁路局)."""
    # cities only: a county's stem is too often an ordinary word (资源县 and 资源规划局)
    return frozenset(n[:-1] for n in place_names() if n.endswith(("市", "州", "盟")) and len(n) >= 3)


@lru_cache(maxsize=1)
def _lengths_by_start() -> dict[str, tuple[int, ...]]:
    """First two characters of a name → the lengths of the names that start so, longest first."""
    by_start: dict[str, set[int]] = {}
    for name in place_names():
        by_start.setdefault(name[:2], set()).add(len(name))
    return {start: tuple(sorted(lengths, reverse=True)) for start, lengths in by_start.items()}


def places_in(text: str) -> list[tuple[int, str]]:
    """(offset, name) of every known place name in ``text``, longest at each offset, left to right."""
    names, by_start = place_names(), _lengths_by_start()
    found, i = [], 0
    while i < len(text) - 1:
        for length in by_start.get(text[i:i + 2], ()):
            if text[i:i + length] in names:
                found.append((i, text[i:i + length]))
                i += length - 1
                break
        i += 1
    return found


@lru_cache(maxsize=1)
def _tree() -> tuple[dict[str, list[str]], dict[str, str]]:
    """Official name → its possible parents (朝阳区: 北京市 and 长春市), and short form → official name."""
    parents: dict[str, list[str]] = {}
    official: dict[str, str] = {}
    text = resources.files("loaders").joinpath("data/place_tree.tsv").read_text(encoding="utf-8")
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, _, parent = line.partition("\t")
        parents.setdefault(name, []).append(parent)
        official.setdefault(name, name)
        short = AUTONOMY.sub(r"\1", name)
        official.setdefault(short, name)
        if name.endswith("自治区"):
            official.setdefault(re.sub(rf"(?:(?:{ETHNIC})族|维吾尔)?自治区$", "", name), name)
        if name.endswith("省"):
            official.setdefault(name[:-1], name)
    return parents, official


@lru_cache(maxsize=65536)
def place_path(jurisdiction: str | None) -> tuple[str, ...]:
    """The divisions a jurisdiction lies in, province first, as far as the text and the table tell:
    "盘锦市兴隆台区" → (辽宁省, 盘锦市, 兴隆台区); "海城市" → (辽宁省, 鞍山市, 海城市); a name two provinces share
    (朝阳区) with no city written before it stays alone. Areas below the county list (新区, 街道) are left off."""
    if not jurisdiction:
        return ()
    parents, official = _tree()
    found = [official[name] for _, name in places_in(jurisdiction) if name in official]
    if not found:
        return ()
    path: list[str] = []
    for name in found:
        options = parents.get(name, [""])
        parent = options[0] if len(options) == 1 else next((p for p in options if p in path), None)
        if parent is None:
            return tuple(path) if path else (name,)
        if path and parent not in path:
            path.append(name)       # the text names the city it lies in (济南市钢城区, moved from 莱芜 in 2019)
            continue
        chain = [name]
        while parent:
            chain.append(parent)
            up = parents.get(parent, [""])
            parent = up[0] if len(up) == 1 else ""
        path = list(reversed(chain))
    return tuple(path)
