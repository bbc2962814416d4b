"""The extraction bar, measured against the hand-made gold in tests/fixtures (never ../shared).

The metrics mirror the contract in tests/fixtures/gold/README.md: a gold task is matched to the shortest
item containing its anchor (white space and full/half-width folded), then its lead/responsible mention
sets, collective flags and deadline are compared.
"""
from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import pytest
import zhconv

from loaders.extract import extract_file

FIXTURES = Path(__file__).parent / "fixtures"
GOLD = sorted((FIXTURES / "gold").glob("*.json"))


def fold(s: str | None) -> str:
    return re.sub(r"\s+", "", zhconv.convert(unicodedata.normalize("NFKC", s or ""), "zh-hans"))


def unit_key(mention: str, places: list[str]) -> str:
    m = fold(mention)
    for place in places:      # "盘锦市住建委" and "市住建委" are one mention in a 盘锦 document
        if m.startswith(place) and len(m) > len(place):
            m = place[-1] + m[len(place):]
            break
    return m[1:] if m.startswith("各") and len(m) > 1 else m


def shortest(items, anchor, kinds=None):
    a = fold(anchor)
    hits = [it for it in items if a in fold(it["text"]) and (kinds is None or it["kind"] in kinds)]
    return min(hits, key=lambda it: len(fold(it["text"]))) if hits else None


@pytest.fixture(scope="module")
def results():
    out = {}
    for path in GOLD:
        gold = json.loads(path.read_text(encoding="utf-8"))
        _, extraction = extract_file(str(FIXTURES / "corpus" / gold["doc"]))
        out[gold["doc"]] = (gold, extraction)
    return out


def _score(results):
    t = {k: [0, 0] for k in ("tasks", "deadline", "collective", "problems", "status", "meta")}
    tp = {"lead": [0, 0, 0], "responsible": [0, 0, 0]}     # tp, fp, fn
    for gold, out in results.values():
        doc, items = out["document"], out["items"]
        places = sorted({fold(gold["meta"]["jurisdiction"]), fold(doc.get("jurisdiction"))} - {""},
                        key=len, reverse=True)
        for task in gold["tasks"]:
            t["tasks"][1] += 1
            it = shortest(items, task["anchor"])
            got = {r: {unit_key(u["mention"], places) for u in it[r]} if it else set()
                   for r in ("lead", "responsible")}
            for role in ("lead", "responsible"):
                want = {unit_key(x, places) for x in task[role]}
                tp[role][0] += len(want & got[role])
                tp[role][1] += len(got[role] - want)
                tp[role][2] += len(want - got[role])
            if it is None:
                continue
            t["tasks"][0] += 1
            named = {unit_key(x, places) for x in task["lead"] + task["responsible"]}
            collective = {unit_key(x, places) for x in task["collective"]}
            for u in it["lead"] + it["responsible"]:
                key = unit_key(u["mention"], places)
                if key in named:
                    t["collective"][1] += 1
                    t["collective"][0] += u["collective"] == (key in collective)
            if task["deadline"] is not None:
                t["deadline"][1] += 1
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


def test_extraction_meets_the_acceptance_bar(results):
    score = _score(results)
    assert score["tasks"] >= 0.98 and score["problems"] >= 0.98, score
    assert score["lead_f1"] >= 0.95 and score["responsible_f1"] >= 0.95, score
    assert score["deadline"] >= 0.95 and score["collective"] >= 0.95, score
    assert score["status"] >= 0.75 and score["meta"] >= 0.9, score


def test_yingkou_starts_midway_and_still_yields_problems(results):
    _, out = results["yingkou_2023_xunshi_zhenggai_tongbao.txt"]
    numbers = [it["number"] for it in out["items"] if it["kind"] == "problem"]
    assert numbers[0] == "(5)" and numbers[-1] == "(35)" and len(numbers) == 31


def test_panjin_2017_two_parentheticals_make_two_tasks(results):
    _, out = results["panjin_2017_fangguanfu_huitoukan_zhenggai_yijian.txt"]
    problem_3 = next(it for it in out["items"] if it["number"] == "(三)")
    tasks = [it for it in out["items"] if it["parent"] == problem_3["id"]]
    assert [[u["mention"] for u in t["lead"]] for t in tasks] == [["双台子区政府", "兴隆台区政府"], ["市人防办"]]
    problem_19 = next(it for it in out["items"] if it["number"] == "(十九)")
    assert len([it for it in out["items"] if it["parent"] == problem_19["id"]]) == 3


def test_document_number_in_parentheses_is_not_a_task_boundary(results):
    _, out = results["panjin_2017_fangguanfu_huitoukan_zhenggai_yijian.txt"]
    task = shortest(out["items"], "由市住建委、市人防办制定培训计划")
    assert "盘提效发〔2014〕4号" in task["text"] and task["text"].startswith("1.")
    assert {c["doc_no"] for c in task["cites"]} == {"盘提效发〔2014〕4号"}


def test_spans_point_at_the_source_text(results):
    for doc, (_, out) in results.items():
        text = (FIXTURES / "corpus" / doc).read_text(encoding="utf-8")
        for it in out["items"]:
            s, e = it["span"]
            assert text[s:e] == it["text"]
            for u in it["lead"] + it["responsible"]:
                s, e = u["span"]
                assert fold(text[s:e]).lstrip("各").startswith(fold(u["mention"])[:1]), (u, text[s:e])


def test_yangling_claims_match_its_own_sentence(results):
    _, out = results["yangling_2024_xuncha_zhenggai_qingkuang.txt"]
    assert out["document"]["claimed"] == {"problems": 26, "done": 24}
    open_problems = [it["number"] for it in out["items"] if it["kind"] == "problem" and it["status"] != "done"]
    assert "(20)" in open_problems and "(23)" in open_problems
