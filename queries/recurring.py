"""Problems that come back: near-duplicate problem statements across documents (and inspection rounds).

Each problem is reduced to its statement (the first sentence, without its number). Candidate pairs share a
trigram of their bottom-k sketches (the ``keys`` character trigrams with the smallest stable hash, after
dropping trigrams common to more than ``common`` of all statements): similar statements share most of
their sketch, and the work grows with the number of problems, not its square. Candidates are scored with
rapidfuzz's normalised Indel similarity (``fuzz.ratio``) and kept at ``threshold`` or above. Pairs inside
one document are not recurrences.

Archives repeat a problem verbatim round after round: a statement met before in another document is paired
with the first problem that raised it there (score 1.0) by a dict lookup, and only statements new to the
archive are scored against earlier ones. The work then grows with the distinct statements, not with every
copy of them.
"""
from __future__ import annotations

import re
import zlib
from collections import defaultdict

from rapidfuzz import fuzz, process

from .view import Findings, finding, view

NUMBER = re.compile(r"^\s*(?:[((][一二三四五六七八九十百\d]+[))]|[一二三四五六七八九十百]+、|\d+[.、.])\s*")
SENTENCE_END = re.compile(r"[。;;\n]")
NOISE = re.compile(r"[\s,,、::“”\"‘’《》()()]")
FRAME = re.compile(r"^(?:针对|关于)|(?:的)?问题$")  # 通报 frame a problem as 针对“…”的问题


def statement(text: str) -> str:
    """A problem's statement: its first sentence without the number and punctuation."""
    text = NUMBER.sub("", text or "")
    first = SENTENCE_END.split(text, maxsplit=1)[0]
    return FRAME.sub("", NOISE.sub("", first))


def _stable_hash(gram: str) -> int:  # not hash(): that changes with every process (PYTHONHASHSEED)
    return zlib.crc32(gram.encode("utf-8"))


def _trigrams(text: str) -> set[str]:
    return {text[i:i + 3] for i in range(len(text) - 2)}


def recurring(graph, threshold: float = 0.6, keys: int = 8, common: float = 0.05, min_chars: int = 8) -> Findings:
    """Problems that recur: each paired with its most similar earlier problem in another document, the
    closest first (then by item id)."""
    v = view(graph)
    data = v.data
    problems = [(item, data[item]["doc"], data[item].get("text")) for item in v.items if data[item]["type"] == "Problem"]
    pairs = similar_pairs(problems, threshold, keys, common, min_chars)
    pairs.sort(key=lambda pair: (-pair[2], pair[0]))

    def make(pair: tuple[str, str, float]) -> dict:
        a, b, score = pair
        return finding("recurring", v.item_ref(a), [], {"score": score, "other": v.item_ref(b)},
                       [v.item_evidence(a), v.item_evidence(b)])
    return Findings(pairs, make)


def similar_pairs(problems: list[tuple[str, str, str]], threshold: float = 0.6, keys: int = 8,
                  common: float = 0.05, min_chars: int = 8, per_key: int = 24) -> list[tuple[str, str, float]]:
    """(item, earlier, score): each problem ``(item id, document id, text)`` paired with the most similar
    problem before it in another document, if one scores ``threshold`` or more (a verbatim repeat: the first
    problem that raised it elsewhere); the half of ``recurring`` that the Cypher twin's rows feed too. One
    finding per recurring problem, not one per pair: a problem raised in ten rounds gives nine findings, not
    forty-five. A new statement is compared with at most ``per_key`` earlier new statements per sketch key,
    so the work stays linear however often a wording recurs."""
    said: dict[str, str] = {}  # text -> statement, once per distinct text
    rows = []
    for item, doc, text in problems:
        found = said.get(text)
        if found is None:
            found = said[text] = statement(text)
        if len(found) >= min_chars:
            rows.append((item, doc, found))
    sketch = _sketches(list(dict.fromkeys(found for _, _, found in rows)), keys, common)
    first: dict[str, tuple[int, str]] = {}  # statement -> (row, document) of the problem that first raised it
    elsewhere: dict[str, int] = {}  # statement -> the first row raising it in another document than that
    buckets: dict[str, list[int]] = defaultdict(list)  # sketch trigram -> rows, in order
    pairs = []
    for index, (item, doc, found) in enumerate(rows):
        earliest = first.setdefault(found, (index, doc))
        if earliest[1] != doc:
            elsewhere.setdefault(found, index)
        earlier = earliest[0] if earliest[1] != doc else elsewhere.get(found)
        if earlier is not None and earlier != index:
            pairs.append((item, rows[earlier][0], 1.0))
        else:
            candidates = {row for gram in sketch[found] for row in buckets[gram][-per_key:]}
            others = [row for row in sorted(candidates) if rows[row][1] != doc]
            # rapidfuzz scores the candidates in C; on a tie the first (earliest) candidate wins.
            best = process.extractOne(found, [rows[row][2] for row in others], scorer=fuzz.ratio,
                                      score_cutoff=threshold * 100)
            if best:
                pairs.append((item, rows[others[best[2]]][0], round(best[1] / 100, 4)))
        # a statement's first problem, and its first in another document, are what later ones are scored on
        if index in (earliest[0], elsewhere.get(found)):
            for gram in sketch[found]:
                buckets[gram].append(index)
    return pairs


def _sketches(statements: list[str], keys: int, common: float) -> dict[str, list[str]]:
    """Statement -> its sketch: the ``keys`` trigrams with the smallest stable hash, of those in no more than
    ``common`` of the statements (else of all its trigrams)."""
    grams = [_trigrams(text) for text in statements]
    frequency: dict[str, int] = defaultdict(int)
    for found in grams:
        for gram in found:
            frequency[gram] += 1
    hashes = {gram: _stable_hash(gram) for gram in frequency}  # once per distinct trigram, not per use
    too_common = max(2, common * len(statements))
    sketches = {}
    for text, found in zip(statements, grams):
        usable = [gram for gram in found if frequency[gram] <= too_common] or list(found)
        sketches[text] = sorted(usable, key=hashes.__getitem__)[:keys]
    return sketches
