"""One unit search for the app and the CLI.

An inspector types 住建 or 发改 and expects every such unit, however its documents wrote it: 盘锦市住房和城乡建设
委员会, 海城市住房和城乡建设局 (its document says 市建设局), 发展改革委, 发展和改革局. A unit matches when the query
is part of its canonical name, of any mention of it, or of its name with the alias table's bodies swapped
(住房和城乡建设局 ↔ 住建局), or when the query abbreviates the name's body the way Chinese bodies are shortened
(the first character of the body, then characters of it in order: 住建 ← 住房和城乡建设局, 发改 ← 发展和改革局).
Matches are ranked by how much the unit carries (its work items), then by name.

The Cypher twin (unit_search.cypher) returns the candidates, units whose name or a mention holds the query's
first character; the alias forms and the abbreviation rule run client-side on those few names.
"""
from __future__ import annotations

import re
from functools import lru_cache

from loaders.units import alias_table, place_prefix

from .view import View, view

HAN_QUERY = re.compile(r"[\u4e00-\u9fff]{2,6}")


@lru_cache(maxsize=1)
def _alias_pairs() -> tuple[tuple[str, str], ...]:
    """(full body, other form) pairs, longest full body first."""
    pairs = [(full, short) for short, full in alias_table().items() if short != full]
    return tuple(sorted(pairs, key=lambda p: len(p[0]), reverse=True))


@lru_cache(maxsize=65536)
def name_forms(name: str) -> tuple[str, ...]:
    """The name and its forms with the alias table's bodies swapped both ways."""
    forms = {name}
    for full, short in _alias_pairs():
        if full in name:
            forms.add(name.replace(full, short))
        elif short in name and len(short) >= 3:
            forms.add(name.replace(short, full))
    return tuple(forms)


def abbreviates(query: str, name: str) -> bool:
    """Whether ``query`` shortens the body of ``name`` (after its place): 住建 ← 住房和城乡建设局."""
    if not HAN_QUERY.fullmatch(query):
        return False
    for form in name_forms(name):
        body = place_prefix(form)[1] or form
        body = body[1:] if body[:1] in "省市州县区旗" else body     # 滁州 + 市发展改革委
        if body.startswith(query[0]) and _in_order(query[1:], body[1:]):
            return True
    return False


def _in_order(chars: str, text: str) -> bool:
    at = 0
    for c in chars:
        at = text.find(c, at)
        if at < 0:
            return False
        at += 1
    return True


def matches(query: str, name: str, mentions) -> bool:
    """The search's one predicate, shared by the embedded path and the Cypher twin's candidates."""
    if query in name or any(query in said for said in mentions):
        return True
    return any(query in form for form in name_forms(name)) or abbreviates(query, name)


def from_twin(rows: list[dict], query: str, collective: bool = True) -> list[str]:
    """The twin's candidate rows (unit_search.cypher, $first = the query's first character) kept by the
    same predicate, in its order (most carried first)."""
    query = "".join((query or "").split())
    return [row["id"] for row in rows if (collective or not row.get("collective"))
            and matches(query, row["name"], row.get("mentions") or ())]


def find_units(graph, query: str, collective: bool = True) -> list[str]:
    """Unit ids matching ``query`` (any part of a name, a mention, an alias form or an abbreviation), most
    carried first; ``collective=False`` leaves out collective owners (相关部门, 各县区政府)."""
    v = view(graph)
    query = "".join((query or "").split())
    carried = v.unit_work_counts
    found = [unit for unit in v.units
             if (collective or not v.data[unit].get("collective"))
             and (not query or matches(query, v.data[unit]["name"], v.mentions.get(unit, ())))]
    return sorted(found, key=lambda u: (-carried.get(u, 0), v.data[u]["name"]))


def unit_names(graph, query: str) -> set[str]:
    """The canonical names of the units ``query`` finds: what a finding's ``units`` hold."""
    v = view(graph)
    return {v.data[unit]["name"] for unit in find_units(v, query)}
