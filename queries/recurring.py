"""Problems that come back: near-duplicate problem statements across documents (and inspection rounds).

Each problem is reduced to its statement (the first sentence, without its number). Candidate pairs share a
trigram of their bottom-k sketches (the ``keys`` character trigrams with the smallest stable hash, after
dropping trigrams common to more than ``common`` of all statements): similar statements share most of
their sketch, and the work grows with the number of problems, not its square. Candidates are scored with
rapidfuzz's normalised Indel similarity (``fuzz.ratio``) and kept at ``threshold`` or above. Pairs inside
one document are not recurrences.

Archives repeat a problem verbatim round after round: a statement met before in another document is paired
with the first problem that raised it there (score 1.0) by array arithmetic over codes, and only statements
new to the archive are scored against earlier ones. The work then grows with the distinct statements, not
with every copy of them. Each problem's statement is coded once per graph (``View.problem_statements``),
and a run keeps its pairs as arrays: a finding is made when read.
"""
from __future__ import annotations

import re
import zlib
from collections import defaultdict

import numpy as np
import pandas as pd
from rapidfuzz import fuzz, process

from .columns import PROBLEM
from .view import Findings, finding, view

# A problem's first sentence: after its number, if any ("(三)", "三、", "3."), up to the first 。;; or line end.
FIRST_SENTENCE = re.compile(r"(?:\s*(?:[((][一二三四五六七八九十百\d]+[))]|[一二三四五六七八九十百]+、|\d+[.、.])\s*)?"
                            r"([^。;;\n]*)")
NOISE = re.compile(r"[\s,,、::“”\"‘’《》()()]")
FRAME = re.compile(r"^(?:针对|关于)|(?:的)?问题$")  # 通报 frame a problem as 针对“…”的问题


def statement(text: str) -> str:
    """A problem's statement: its first sentence without the number and punctuation."""
    return _cleaned(first_sentence(text))


def first_sentence(text: str) -> str:
    return FIRST_SENTENCE.match(text or "").group(1)  # one match: the rest of a long text is not read


def _cleaned(first: str) -> str:
    return FRAME.sub("", NOISE.sub("", first))


def _stable_hash(gram: str) -> int:  # not hash(): that changes with every process (PYTHONHASHSEED)
    return zlib.crc32(gram.encode("utf-8"))


def _trigrams(text: str) -> set[str]:
    return {text[i:i + 3] for i in range(len(text) - 2)}


THRESHOLD = 0.6  # the similarity a statement needs to count as raised again (the pairs a Neo4j store keeps)


def recurring(graph, threshold: float = THRESHOLD, keys: int = 8, common: float = 0.05, min_chars: int = 8) -> Findings:
    """Problems that recur: each paired with its most similar earlier problem in another document, the
    closest first (then by item id)."""
    v = view(graph)
    rows, code, statements, id_rank = v.problem_statements
    ids = v.columns.ids
    recurs, earlier, scores = _pairs(code, v.columns.doc[rows], statements, threshold, keys, common, min_chars, 24)
    order = np.lexsort((id_rank[recurs], -scores))  # by score, highest first, then by item id
    recurs, earlier = rows[recurs], rows[earlier]  # positions among the problems -> Columns rows

    def make(pair: int) -> dict:
        return recurring_finding(v, ids[recurs[pair]], ids[earlier[pair]], float(scores[pair]))
    return Findings(order, make, v.columns.doc[recurs[order]])


def recurring_finding(v, item: str, other: str, score: float) -> dict:
    """``item`` raises again what ``other``, in another document before it, raised (``score``: similarity)."""
    return finding("recurring", v.item_ref(item), [], {"score": score, "other": v.item_ref(other)},
                   [v.item_evidence(item), v.item_evidence(other)])


def problem_statements(v) -> tuple[np.ndarray, np.ndarray, list[str], np.ndarray]:
    """The index ``recurring`` reads (``View.problem_statements``, built once per graph): the Columns rows of
    the problems, each one's statement code, the distinct statements, and each problem's rank by item id."""
    c = v.columns
    rows = np.flatnonzero(c.type == PROBLEM)
    items = [c.ids[row] for row in rows.tolist()]
    code, statements = statement_codes([v.data[item].get("text") for item in items])
    id_rank = np.empty(len(items), np.int64)
    id_rank[sorted(range(len(items)), key=items.__getitem__)] = np.arange(len(items))
    return rows, code, statements, id_rank


def statement_codes(texts: list[str]) -> tuple[np.ndarray, list[str]]:
    """Each text's statement code and the distinct statements, in order of first appearance. Python runs once
    per distinct text (cut to its first sentence) and per distinct first sentence (the clean-up, most of the
    work: problems differ mostly after it)."""
    text_code, distinct_texts = _codes(texts)
    first_code, firsts = _codes([first_sentence(text) for text in distinct_texts])
    statement_code, statements = _codes([_cleaned(first) for first in firsts])
    return statement_code[first_code][text_code], statements


def similar_pairs(problems: list[tuple[str, str, str]], threshold: float = THRESHOLD, keys: int = 8,
                  common: float = 0.05, min_chars: int = 8, per_key: int = 24) -> list[tuple[str, str, float]]:
    """(item, earlier, score): each problem ``(item id, document id, text)`` paired with the most similar
    problem before it in another document, if one scores ``threshold`` or more (a verbatim repeat: the first
    problem that raised it elsewhere); the half of ``recurring`` that the Cypher twin's rows feed too. One
    finding per recurring problem, not one per pair: a problem raised in ten rounds gives nine findings, not
    forty-five. A new statement is compared with at most ``per_key`` earlier new statements per sketch key,
    so the work stays linear however often a wording recurs."""
    items, docs, texts = (list(column) for column in zip(*problems)) if problems else ([], [], [])
    code, statements = statement_codes(texts)
    doc = pd.factorize(np.asarray(docs, object))[0]
    found, earlier, scores = _pairs(code, doc, statements, threshold, keys, common, min_chars, per_key)
    return [(items[a], items[b], score) for a, b, score in zip(found.tolist(), earlier.tolist(), scores.tolist())]


def _pairs(code: np.ndarray, doc: np.ndarray, statements: list[str], threshold: float, keys: int, common: float,
           min_chars: int, per_key: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Rows (problems with statement ``code`` in documents coded ``doc``, in order) that recur, the earlier
    row each pairs with, and the score. Verbatim repeats are found over the codes; only statements new to
    the archive are scored against earlier ones."""
    long_enough = np.fromiter((len(found) >= min_chars for found in statements), bool, len(statements))
    kept = np.flatnonzero(long_enough[code])
    code, doc = code[kept], doc[kept]
    earlier, indexed = _verbatim(code, doc)
    repeats = np.flatnonzero(earlier >= 0)
    sketch = _sketches(statements, keys, common)
    buckets: dict[str, list[int]] = defaultdict(list)  # sketch trigram -> indexed rows, in order
    found, paired, scores = [], [], []  # the new statements that recur
    doc = doc.tolist()
    for index in np.flatnonzero((earlier < 0) | indexed).tolist():
        wording = statements[code[index]]
        if earlier[index] < 0:
            candidates = {row for gram in sketch[wording] for row in buckets[gram][-per_key:]}
            others = [row for row in sorted(candidates) if doc[row] != doc[index]]
            # rapidfuzz scores the candidates in C; on a tie the first (earliest) candidate wins.
            best = process.extractOne(wording, [statements[code[row]] for row in others], scorer=fuzz.ratio,
                                      score_cutoff=threshold * 100)
            if best:
                found.append(kept[index])
                paired.append(kept[others[best[2]]])
                scores.append(round(best[1] / 100, 4))
        if indexed[index]:
            for gram in sketch[wording]:
                buckets[gram].append(index)
    return (np.concatenate([kept[repeats], np.array(found, np.int64)]),
            np.concatenate([kept[earlier[repeats]], np.array(paired, np.int64)]),
            np.concatenate([np.ones(len(repeats)), np.array(scores, float)]))


def _codes(values: list) -> tuple[np.ndarray, list]:
    """Each value's code, in order of first appearance, and the distinct values. A dict: on Python strings
    it is three times as fast as ``pandas.factorize``, which hashes them again."""
    index: dict = {}
    codes = np.fromiter((index.setdefault(value, len(index)) for value in values), np.int64, len(values))
    return codes, list(index)


def _verbatim(code: np.ndarray, doc: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Per row (a problem with statement ``code`` in document ``doc``, in order): the earlier row it repeats
    verbatim from another document, else -1 (the statement's first row; or a row in that row's document
    before any other document raised it); and whether the row is one later statements are scored on: its
    statement's first row, and its first row in another document than that."""
    count, rows = int(code.max(initial=-1)) + 1, np.arange(len(code))
    first = np.full(count, len(code))
    np.minimum.at(first, code, rows)
    first_doc = doc[first[code]]
    elsewhere = np.full(count, len(code))
    moved = doc != first_doc
    np.minimum.at(elsewhere, code[moved], rows[moved])
    earlier = np.where(moved, first[code], np.where(elsewhere[code] < rows, elsewhere[code], -1))
    indexed = (first[code] == rows) | (elsewhere[code] == rows)
    return earlier, indexed


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
