"""Problems that come back: near-duplicate problem statements across documents (and inspection rounds).

Each problem is reduced to its statement (the first sentence, without its number). Candidate pairs share a
trigram of their bottom-k sketches (the ``keys`` character trigrams with the smallest stable hash, after
dropping trigrams common to more than ``common`` of all statements): similar statements share most of
their sketch, and the work grows with the number of problems, not its square. Candidates are scored with
rapidfuzz's normalised Indel similarity (``fuzz.ratio``) and kept at ``threshold`` or above. Pairs inside
one document are not recurrences.
"""
from __future__ import annotations

import re
import zlib
from collections import defaultdict

from rapidfuzz import fuzz, process

from .view import finding, view

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


def recurring(graph, threshold: float = 0.6, keys: int = 8, common: float = 0.05, min_chars: int = 8) -> list[dict]:
    """Problems that recur: each paired with its most similar earlier problem in another document."""
    v = view(graph)
    problems = [(item, v.data[item]["doc"], v.data[item].get("text"))
                for item in v.items if v.type(item) == "Problem"]
    found = [finding("recurring", v.item_ref(a), [], {"score": score, "other": v.item_ref(b)},
                     [v.item_evidence(a), v.item_evidence(b)])
             for a, b, score in similar_pairs(problems, threshold, keys, common, min_chars)]
    found.sort(key=lambda f: (-f["detail"]["score"], f["item"]["id"], f["detail"]["other"]["id"]))
    return found


def similar_pairs(problems: list[tuple[str, str, str]], threshold: float = 0.6, keys: int = 8,
                  common: float = 0.05, min_chars: int = 8, per_key: int = 24) -> list[tuple[str, str, float]]:
    """(item, earlier, score): each problem ``(item id, document id, text)`` paired with the most similar
    problem before it in another document, if one scores ``threshold`` or more; the half of ``recurring``
    that the Cypher twin's rows feed too. One finding per recurring problem, not one per pair: a problem
    raised in ten rounds gives nine findings, not forty-five. Each problem is compared with at most
    ``per_key`` earlier problems per sketch key, so the work stays linear however often a wording recurs."""
    problems = [(item, doc, statement(text)) for item, doc, text in problems]
    problems = [problem for problem in problems if len(problem[2]) >= min_chars]
    frequency: dict[str, int] = defaultdict(int)
    grams = []
    for _, _, text in problems:
        found = _trigrams(text)
        grams.append(found)
        for gram in found:
            frequency[gram] += 1
    hashes = {gram: _stable_hash(gram) for gram in frequency}  # once per distinct trigram, not per use
    too_common = max(2, common * len(problems))
    buckets: dict[str, list[int]] = defaultdict(list)
    pairs = []
    for index, found in enumerate(grams):
        item, doc, text = problems[index]
        usable = [gram for gram in found if frequency[gram] <= too_common] or list(found)
        sketch = sorted(usable, key=hashes.__getitem__)[:keys]
        candidates = {earlier for gram in sketch for earlier in buckets[gram][-per_key:]}
        others = [earlier for earlier in sorted(candidates) if problems[earlier][1] != doc]
        # rapidfuzz scores the candidates in C; on a tie the first (earliest) candidate wins.
        best = process.extractOne(text, [problems[earlier][2] for earlier in others], scorer=fuzz.ratio)
        if best and best[1] / 100 >= threshold:
            pairs.append((item, problems[others[best[2]]][0], round(best[1] / 100, 4)))
        for gram in sketch:
            buckets[gram].append(index)
    return pairs
