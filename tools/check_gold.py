#!/usr/bin/env python3
"""Check gold annotation files against their documents, without running the extractor.

Usage: check_gold.py GOLD_DIR CORPUS_DIR
Each gold JSON must follow tests/fixtures/gold/README.md; every anchor must occur exactly once in its
document (white space and full/half-width forms folded, traditional script folded to simplified).
Prints one line per problem found and exits 1 if there were any.
"""
import json
import re
import sys
import unicodedata
from pathlib import Path

try:
    import zhconv

    def simplified(s: str) -> str:
        return zhconv.convert(s, "zh-hans")
except ImportError:  # the check still works for simplified-script documents
    def simplified(s: str) -> str:
        return s

KINDS = {"date", "ongoing", "timely", "none"}
STATUSES = {"done", "in_progress", "pending"}


def fold(s: str) -> str:
    return re.sub(r"\s+", "", simplified(unicodedata.normalize("NFKC", s or "")))


def check(gold_path: Path, corpus: Path) -> list[str]:
    out = []
    try:
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
    except ValueError as e:
        return [f"{gold_path.name}: not JSON: {e}"]
    doc = corpus / gold.get("doc", "")
    if not doc.is_file():
        return [f"{gold_path.name}: document {gold.get('doc')!r} not in {corpus}"]
    text = fold(doc.read_text(encoding="utf-8"))

    def anchor_ok(where: str, anchor: str) -> None:
        n = text.count(fold(anchor))
        if n != 1:
            out.append(f"{gold_path.name}: {where} anchor {anchor!r} occurs {n} times")

    if not isinstance(gold.get("meta"), dict):
        out.append(f"{gold_path.name}: meta missing")
    for i, t in enumerate(gold.get("tasks", [])):
        anchor_ok(f"task {i}", t.get("anchor", ""))
        for key in ("lead", "responsible", "collective"):
            if not isinstance(t.get(key), list):
                out.append(f"{gold_path.name}: task {i} {key} must be a list")
        for c in t.get("collective", []):
            if c not in t.get("lead", []) + t.get("responsible", []):
                out.append(f"{gold_path.name}: task {i} collective {c!r} is neither lead nor responsible")
        d = t.get("deadline", "missing")
        if d is not None and (not isinstance(d, dict) or d.get("kind") not in KINDS):
            out.append(f"{gold_path.name}: task {i} deadline must be null or {{kind, date}}")
        elif d and d["kind"] == "date" and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", d.get("date") or ""):
            out.append(f"{gold_path.name}: task {i} date deadline needs date YYYY-MM-DD")
    numbers = set()
    for p in gold.get("problems", []):
        if not (isinstance(p, list) and len(p) == 2):
            out.append(f"{gold_path.name}: problem {p!r} must be [number, anchor]")
            continue
        numbers.add(p[0])
        anchor_ok(f"problem {p[0]}", p[1])
    for m in gold.get("measures", []):
        anchor_ok("measure", m)
    for num, st in gold.get("status", {}).items():
        if num not in numbers:
            out.append(f"{gold_path.name}: status for {num!r}, which is not a problem number")
        if st not in STATUSES:
            out.append(f"{gold_path.name}: status {st!r} not one of {sorted(STATUSES)}")
    for no in gold.get("cites_doc_no", []):
        if fold(no) not in text:
            out.append(f"{gold_path.name}: cited doc_no {no!r} not in the document")
    return out


def main() -> int:
    gold_dir, corpus = Path(sys.argv[1]), Path(sys.argv[2])
    problems = [p for g in sorted(gold_dir.glob("*.json")) for p in check(g, corpus)]
    print("\n".join(problems) or "ok")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
