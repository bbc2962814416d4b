"""The extractor's document-level indexes answer exactly what the plain per-range functions answer.

Each index (owner parentheticals, 文号 windows, sentence ends) replaces a rescan of the same text; these tests
compare the two on the real fixture documents and on random texts built from the characters that matter.
"""
from __future__ import annotations

import dataclasses
import random
from pathlib import Path

import pytest

from loaders.evidence import MAX_SENTENCE, SENTENCE_ENDS, Sentences, _window
from loaders.metadata import DOC_NO, doc_numbers
from loaders.owner_index import OwnerParentheticals
from loaders.owners import owner_parentheticals
from loaders.readers import read_document

FIXTURES = Path(__file__).parent / "fixtures"
DOCUMENTS = sorted(p for d in ("corpus", "forms", "malicious") for p in (FIXTURES / d).iterdir() if p.is_file())


def _plain(found):
    return [(s, e, dataclasses.asdict(spec)) for s, e, spec in found]


def _ranges(text: str, rng: random.Random, n: int):
    cuts = [0, len(text)] + [i for i, c in enumerate(text) if c in "(\n《》"]
    for _ in range(n):
        a, b = sorted(rng.choice(cuts) + rng.randint(-2, 2) for _ in range(2))
        yield max(a, 0), min(b, len(text))


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.name)
def test_owner_index_matches_range_scan(path):
    text = read_document(str(path)).folded
    index = OwnerParentheticals(text)
    for start, end in _ranges(text, random.Random(path.name), 300):
        assert _plain(index.in_range(start, end)) == _plain(owner_parentheticals(text, start, end)), (start, end)


def test_owner_index_matches_range_scan_on_random_texts():
    rng = random.Random(7)
    pieces = ["(", ")", "\n", "\n\n", "《", "》", "(试行)", "(市发改委牵头,市财政局配合)", "(牵头单位:市委办;完成时限:2024年底)",
              "(市发改委、市财政局)", "〔2020〕3号", "整改", "。", ";", " ", "x" * 390]
    for _ in range(1500):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 14)))
        index = OwnerParentheticals(text)
        for start, end in _ranges(text, rng, 10):
            assert _plain(index.in_range(start, end)) == _plain(owner_parentheticals(text, start, end)), (text, start, end)


def test_owner_index_hands_out_copies():
    text = "加强管理(市发改委牵头,市财政局配合)。"
    index = OwnerParentheticals(text)
    first = index.in_range(0, len(text))[0][2]
    first.merge(index.in_range(0, len(text))[0][2])
    assert len(index.in_range(0, len(text))[0][2].lead) == 1


def test_doc_numbers_match_finditer():
    rng = random.Random(3)
    alphabet = list("市政办发府号第〔〕[]【】() \n\t年2016209401盘锦") + ["2016", "〔2016〕", "94号", "(2020)", "　"]
    texts = [read_document(str(p)).folded for p in DOCUMENTS]
    texts += ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40))) for _ in range(20000)]
    for text in texts:
        assert [m.span() for m in doc_numbers(text)] == [m.span() for m in DOC_NO.finditer(text)], text


def sentence_at(text: str, span) -> str:
    """The plain definition Sentences answers by bisection: walk out from the span to the sentence ends."""
    start, end = span
    first = start
    while first > 0 and text[first - 1] not in SENTENCE_ENDS:
        first -= 1
    last = max(start, end - 1)
    while last < len(text) and text[last] not in SENTENCE_ENDS:
        last += 1
    last = min(last + 1, len(text))
    if last - first > MAX_SENTENCE:
        first, last = _window(first, last, start, end)
    return text[first:last].strip()


def test_sentences_match_sentence_at():
    rng = random.Random(5)
    texts = [read_document(str(p)).text for p in DOCUMENTS]
    texts += ["".join(rng.choice("ab。！？；!?;\n .") for _ in range(rng.randint(0, 700))) for _ in range(300)]
    for text in texts:
        sentences = Sentences(text)
        for _ in range(200):
            a, b = sorted(rng.randint(0, len(text)) for _ in range(2))
            assert sentences.at((a, b)) == sentence_at(text, (a, b))
        with pytest.raises(ValueError):
            sentences.at((0, len(text) + 1))
