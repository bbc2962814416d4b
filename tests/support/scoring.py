"""Extraction scored against hand-made gold, by the contract in tests/fixtures/gold/README.md.

The same rules as the scorer the project is judged with: a gold task is matched to the shortest output item
whose text contains its anchor (white space, full/half-width forms and script folded); lead and responsible
are compared as sets of mentions, a document's own jurisdiction prefix and a leading 各 dropped; a gold
deadline of null is not judged; jurisdiction matches when contained in the output's.
"""
from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import zhconv

from loaders.extract import extract_file

LEVEL = {"省": "省", "市": "市", "州": "州", "盟": "盟", "区": "区", "县": "县", "旗": "旗"}


def fold(s: str | None) -> str:
    return re.sub(r"\s+", "", zhconv.convert(unicodedata.normalize("NFKC", s or ""), "zh-hans"))


def places(gold: dict, doc: dict) -> list[str]:
    names = set()
    for j in (gold.get("meta", {}).get("jurisdiction"), doc.get("jurisdiction")):
        if j:
            j = fold(j)
            names.add(j)
            for suffix in ("自治州", "市", "州", "区", "县"):
                if j.endswith(suffix) and len(j) > len(suffix) + 1:
                    names.add(j[: -len(suffix)] + j[-1])
    names.update(fold(x) for x in gold.get("meta", {}).get("aliases", []))
    return sorted(names, key=len, reverse=True)


def unit_key(mention: str, jurisdictions: list[str]) -> str:
    m = fold(mention)
    for j in jurisdictions:      # "盘锦市住建委" and "市住建委" are one mention in a 盘锦 document
        if m.startswith(j) and len(m) > len(j):
            m = LEVEL.get(j[-1], "") + m[len(j):]
            break
    return m[1:] if m.startswith("各") and len(m) > 1 else m


def shortest(items: list[dict], anchor: str, kinds=None) -> dict | None:
    a = fold(anchor)
    hits = [it for it in items if a in fold(it["text"]) and (kinds is None or it["kind"] in kinds)]
    return min(hits, key=lambda it: len(fold(it["text"]))) if hits else None


def extract_set(folder: Path) -> dict[str, tuple[dict, dict]]:
    """gold file name → (gold, extraction) for every gold file of a fixture set (folder/gold, folder/corpus)."""
    out = {}
    for path in sorted((folder / "gold").glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        _, extraction = extract_file(str(folder / "corpus" / gold["doc"]))
        out[gold["doc"]] = (gold, extraction)
    return out


def score(results: dict[str, tuple[dict, dict]]) -> dict[str, float]:
    t = {k: [0, 0] for k in ("tasks", "deadline", "collective", "problems", "status", "meta")}
    tp = {"lead": [0, 0, 0], "responsible": [0, 0, 0]}     # tp, fp, fn
    for gold, out in results.values():
        doc, items = out["document"], out["items"]
        js = places(gold, doc)
        for task in gold["tasks"]:
            t["tasks"][1] += 1
            it = shortest(items, task["anchor"])
            for role in ("lead", "responsible"):
                want = {unit_key(x, js) for x in task[role]}
                got = {unit_key(u["mention"], js) for u in it[role]} if it else set()
                tp[role][0] += len(want & got)
                tp[role][1] += len(got - want)
                tp[role][2] += len(want - got)
            t["deadline"][1] += task["deadline"] is not None     # a task not found misses its deadline too
            if it is None:
                continue
            t["tasks"][0] += 1
            named = {unit_key(x, js) for x in task["lead"] + task["responsible"]}
            collective = {unit_key(x, js) for x in task["collective"]}
            for u in it["lead"] + it["responsible"]:
                key = unit_key(u["mention"], js)
                if key in named:
                    t["collective"][1] += 1
                    t["collective"][0] += u["collective"] == (key in collective)
            if task["deadline"] is not None:
                d = it["deadline"]
                t["deadline"][0] += (d["kind"], d["date"]) == (task["deadline"]["kind"], task["deadline"]["date"])
        anchors = gold.get("problems", []) + [[None, m] for m in gold.get("measures", [])]
        for _, anchor in anchors:
            t["problems"][1] += 1
            t["problems"][0] += shortest(items, anchor, {"problem", "task", "section"}) is not None
        by_number = dict((n, a) for n, a in gold.get("problems", []))
        for number, want in gold.get("status", {}).items():
            it = shortest(items, by_number[number], {"problem", "task", "section"})
            open_ = {"in_progress": "open", "pending": "open"}
            t["status"][1] += 1
            t["status"][0] += it is not None and open_.get(it["status"], it["status"]) == open_.get(want, want)
        for key, want in gold["meta"].items():
            if key == "aliases":
                continue
            t["meta"][1] += 1
            got = doc.get(key)
            t["meta"][0] += got is not None and (fold(want) in fold(str(got)) if key == "jurisdiction"
                                                 else fold(want) == fold(str(got)))
        cited = {fold(c["doc_no"]) for it in items for c in it["cites"] if c["doc_no"]}
        cited |= {fold(c["doc_no"]) for c in doc["cites"] if c["doc_no"]}
        for no in gold.get("cites_doc_no", []):
            t["meta"][1] += 1
            t["meta"][0] += fold(no) in cited
        if gold.get("claimed"):
            t["meta"][1] += 1
            t["meta"][0] += all((doc.get("claimed") or {}).get(k) == v for k, v in gold["claimed"].items())
    ratio = {k: (a / b if b else 1.0) for k, (a, b) in t.items()}
    for role, (a, fp, fn) in tp.items():
        p, r = (a / (a + fp) if a + fp else 1.0), (a / (a + fn) if a + fn else 1.0)
        ratio[role + "_f1"] = 2 * p * r / (p + r) if p + r else 0.0
    return ratio
