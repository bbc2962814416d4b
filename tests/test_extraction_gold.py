"""The extraction bar, measured against the hand-made gold in tests/fixtures (never ../shared).

The metrics mirror the contract in tests/fixtures/gold/README.md: a gold task is matched to the shortest
item containing its anchor (white space and full/half-width folded), then its lead/responsible mention
sets, collective flags and deadline are compared.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.scoring import extract_set, fold, score as score_results, shortest

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="module")
def results():
    return extract_set(FIXTURES)


def test_extraction_meets_the_acceptance_bar(results):
    score = score_results(results)
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
