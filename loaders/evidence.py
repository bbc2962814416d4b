"""Evidence: the sentence of the source text a record was read from, so a user can check every claim.

A sentence is returned as an exact substring of the text, so the app can find and highlight it again.
"""
from __future__ import annotations

import re
from bisect import bisect_left

# Both widths: shown texts mix full-width Chinese punctuation with half-width forms (the corpus writes
# ``;`` inside ``(牵头部门:…;完成时限:…)``). No ``.``: it also ends item numbers (``1.``) and decimals.
SENTENCE_ENDS = frozenset("。！？；!?;\n")
SENTENCE_END = re.compile("[" + re.escape("".join(sorted(SENTENCE_ENDS))) + "]")
MAX_SENTENCE = 300  # an item's span can be a whole page; evidence should stay readable in a table cell

Span = tuple[int, int]


def check_span(text: str, span) -> Span:
    """``span`` as a (start, end) pair, or ValueError if it does not lie inside ``text``."""
    start, end = span
    if not (0 <= start <= end <= len(text)):
        raise ValueError(f"span {list(span)} outside a text of {len(text)} characters")
    return start, end


class Sentences:
    """The sentence(s) around spans of one text: the sentence ends are found once, then bisected.

    ``at(span)`` is the sentence containing ``text[start:end]``, extended to cover the whole span: from just
    after the last sentence end before it through the first sentence end at or after its last character,
    cut to a MAX_SENTENCE window around the span if longer."""

    def __init__(self, text: str):
        self.text = text
        self.ends = [m.start() for m in SENTENCE_END.finditer(text)]
        self.found: dict[Span, str] = {}   # an item's span is evidence for its node and its edges

    def at(self, span) -> str:
        return self.of_checked(check_span(self.text, span))

    def of_checked(self, span: Span) -> str:
        """``at`` for a span check_span has already returned."""
        sentence = self.found.get(span)
        if sentence is None:
            sentence = self.found[span] = self._sentence(*span)
        return sentence

    def _sentence(self, start: int, end: int) -> str:
        k = bisect_left(self.ends, start) - 1
        first = self.ends[k] + 1 if k >= 0 else 0
        k = bisect_left(self.ends, max(start, end - 1))
        last = min(self.ends[k] + 1, len(self.text)) if k < len(self.ends) else len(self.text)
        if last - first > MAX_SENTENCE:
            first, last = _window(first, last, start, end)
        return self.text[first:last].strip()


def _window(first: int, last: int, start: int, end: int) -> Span:
    """A MAX_SENTENCE window of [first, last) that shows the span: centred on it, or its head if longer."""
    if end - start >= MAX_SENTENCE:
        return start, start + MAX_SENTENCE
    lo = max(first, start - (MAX_SENTENCE - (end - start)) // 2)
    hi = min(last, lo + MAX_SENTENCE)
    return max(first, hi - MAX_SENTENCE), hi


def locate(text: str, needle: str | None) -> Span | None:
    """Where ``needle`` first occurs in ``text``: evidence for values the extractor gives without a span."""
    if not needle:
        return None
    at = text.find(needle)
    return (at, at + len(needle)) if at >= 0 else None
