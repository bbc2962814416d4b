"""Owner parentheticals of one document, found once and then answered for any range.

The extractor asks "which parentheticals in this range name owners?" for every item and paragraph, and
nested items make it re-scan and re-parse the same characters many times. Here the whole text is scanned
once and each parenthetical parsed once; a range query gives exactly what ``owner_parentheticals`` would.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right

from .owners import CITED_TITLE, OwnerSpec, _scan_parentheticals, owner_clause, owner_parentheticals


class OwnerParentheticals:
    def __init__(self, text: str):
        self.text = text
        self.spans, runs = _scan_parentheticals(text, 0, len(text))
        self.span_starts = [s for s, _ in self.spans]
        self.run_opens = [o for o, _ in runs]
        self.run_ends = [c for _, c in runs]
        titles = [m.span() for m in CITED_TITLE.finditer(text)]
        title_starts = [ts for ts, _ in titles]
        # The cited title each parenthetical sits in, if any: "(试行)" in 《…(试行)》 names no owners.
        self.title_of = {}
        for s, e in self.spans:
            k = bisect_right(title_starts, s) - 1
            if k >= 0 and s < titles[k][1]:
                self.title_of[s] = titles[k]
        self.clauses: dict[tuple[int, int], OwnerSpec | None] = {}

    def in_range(self, start: int, end: int) -> list[tuple[int, int, OwnerSpec]]:
        """``owner_parentheticals(text, start, end)``, with fresh OwnerSpec objects the caller may change."""
        return [(s, e, spec.copy()) for s, e, spec in self._found(start, end)]

    def ends_in_range(self, start: int, end: int) -> list[int]:
        """Where each owner parenthetical of ``in_range`` ends, without copying what it names."""
        return [e for _, e, _ in self._found(start, end)]

    def _found(self, start: int, end: int) -> list[tuple[int, int, OwnerSpec]]:
        if self._inside_parenthetical(start):
            # A scan starting here sees different nesting than the whole-text scan; do it the long way.
            return owner_parentheticals(self.text, start, end)
        # The scans agree from any point outside a parenthetical on: the range holds the whole-text
        # spans that start at or after ``start`` and close by ``end``.
        found = []
        for k in range(bisect_left(self.span_starts, start), len(self.spans)):
            s, e = self.spans[k]
            if e > end:
                break           # spans do not overlap, so every later one closes later still
            title = self.title_of.get(s)
            if title and title[0] >= start and title[1] <= end:
                continue        # the range-local scan only sees titles wholly inside the range
            spec = self._clause(s, e)
            if spec:
                found.append((s, e, spec))
        return found

    def _inside_parenthetical(self, pos: int) -> bool:
        """Is the whole-text scan inside an open parenthetical just before character ``pos``?"""
        k = bisect_left(self.run_opens, pos) - 1
        return k >= 0 and self.run_ends[k] >= pos

    def _clause(self, s: int, e: int) -> OwnerSpec | None:
        if (s, e) not in self.clauses:
            self.clauses[(s, e)] = owner_clause(self.text, s, e)
        return self.clauses[(s, e)]
