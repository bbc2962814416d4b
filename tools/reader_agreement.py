"""How far two blind readers agree, and how the extractor reads against each.

tests/fixtures/second_reader/gold holds a second reader's gold for documents of the blind sets (tests/fixtures/unseen*),
written blind like the first (the gold contract, without the first reader's file or the extractor). Reader A is the
committed gold of the document's set, reader B the second reader's. Tasks are paired by their anchors: a task of A is
found by B where B anchors a task on the same line (the nearest anchor when B has several there). Units are compared
as the scorer compares them (tests/support/scoring.py: a document's own place prefix and a leading 各 dropped).

    python tools/reader_agreement.py          # agreement, then the extractor scored against A and against B
"""
from __future__ import annotations

import json
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.support.scoring import extract_set, places, score, unit_key  # noqa: E402

FIXTURES = ROOT / "tests" / "fixtures"
MEASURES = ("tasks", "lead_f1", "responsible_f1", "deadline", "problems", "status", "meta")


def first_readers() -> dict[str, tuple[Path, Path]]:
    """Each blind-set document's (corpus file, first reader's gold), by document name."""
    found = {}
    for gold in sorted(FIXTURES.glob("unseen*/gold/*.json")):
        doc = json.loads(gold.read_text(encoding="utf-8"))["doc"]
        found[doc] = (gold.parent.parent / "corpus" / doc, gold)
    return found


def _line(text: str, at: int) -> tuple[int, int]:
    end = text.find("\n", at)
    return text.rfind("\n", 0, at), len(text) if end < 0 else end


def _f1(tp: int, fp: int, fn: int) -> float:
    return 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else 1.0


def agreement(pairs: list[tuple[str, dict, dict]]) -> dict:
    """Reader A's tasks as the truth, reader B's as the reading: found, lead and resp F1, deadlines both judged."""
    found = total = same_deadline = both_judged = 0
    tally = {"lead": [0, 0, 0], "responsible": [0, 0, 0]}        # true positives, false positives, false negatives
    for text, a, b in pairs:
        names = places(a, {"jurisdiction": b.get("meta", {}).get("jurisdiction")})
        anchored = [(text.find(t["anchor"]), t) for t in b["tasks"] if text.find(t["anchor"]) >= 0]
        for task in a["tasks"]:
            at = text.find(task["anchor"])
            start, end = _line(text, at)
            near = [(abs(q - at), other) for q, other in anchored if start <= q <= end]
            total += 1
            if not near:
                for role in tally:
                    tally[role][2] += len(task[role])
                continue
            found += 1
            other = min(near, key=lambda pair: pair[0])[1]
            for role in tally:
                want = {unit_key(u, names) for u in task[role]}
                got = {unit_key(u, names) for u in other[role]}
                tally[role][0] += len(want & got)
                tally[role][1] += len(got - want)
                tally[role][2] += len(want - got)
            if task.get("deadline") is not None and other.get("deadline") is not None:
                both_judged += 1
                same_deadline += (task["deadline"]["kind"], task["deadline"].get("date")) == \
                    (other["deadline"]["kind"], other["deadline"].get("date"))
    return {"documents": len(pairs), "tasks": total, "found": found / total if total else 1.0,
            "lead_f1": _f1(*tally["lead"]), "responsible_f1": _f1(*tally["responsible"]),
            "deadline": (same_deadline, both_judged)}


def main() -> None:
    firsts = first_readers()
    pairs, kept = [], []
    for gold in sorted((FIXTURES / "second_reader" / "gold").glob("*.json")):
        second = json.loads(gold.read_text(encoding="utf-8"))
        corpus, first = firsts[second["doc"]]
        pairs.append((corpus.read_text(encoding="utf-8"), json.loads(first.read_text(encoding="utf-8")), second))
        kept.append((corpus, first, gold))
    found = agreement(pairs)
    same, judged = found["deadline"]
    print(f"two blind readers, {found['documents']} documents, {found['tasks']} tasks of reader A: tasks found by B "
          f"{found['found']:.3f}, lead F1 {found['lead_f1']:.3f}, resp F1 {found['responsible_f1']:.3f}, "
          f"deadlines the same where both judged {same}/{judged}")
    with tempfile.TemporaryDirectory() as work:
        for reader, column in (("A", 1), ("B", 2)):
            folder = Path(work) / reader
            (folder / "corpus").mkdir(parents=True)
            (folder / "gold").mkdir()
            for row in kept:
                shutil.copy(row[0], folder / "corpus" / row[0].name)
                shutil.copy(row[column], folder / "gold" / f"{row[0].name}.json")
            scores = score(extract_set(folder))
            print(f"extractor against reader {reader}: " + " / ".join(f"{scores[m]:.3f}" for m in MEASURES))


if __name__ == "__main__":
    main()
