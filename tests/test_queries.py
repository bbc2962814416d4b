"""The analyses of queries/ on the sample corpus and on 任务分解 documents written in the genre's forms.

Each test states what a careful reader finds in the document by hand, then asserts the analysis finds it,
with evidence that quotes the exact source characters.
"""
from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pytest

import queries
from graph.embedded import EmbeddedStore
from loaders.extract import extract_file
from queries.view import View

CORPUS = Path(__file__).parent / "fixtures" / "corpus"


def load(store, *paths) -> None:
    for path in paths:
        store.load(*extract_file(str(path)))


@pytest.fixture(scope="module")
def corpus_store(tmp_path_factory):
    store = EmbeddedStore(tmp_path_factory.mktemp("corpus") / "store")
    load(store, *sorted(CORPUS.iterdir()))
    yield store
    store.close()


@pytest.fixture(scope="module")
def graph(corpus_store):
    return corpus_store.to_networkx()


def doc_id(store, stem: str) -> str:
    return next(doc["doc_id"] for doc in store.documents() if Path(doc["path"]).stem.startswith(stem))


def of(findings, doc: str, rule: str | None = None) -> list[dict]:
    return [f for f in findings if f["item"]["doc"] == doc and (rule is None or f["rule"] == rule)]


# -- the sample corpus -------------------------------------------------------------------------------------

def test_panjin_2017_problem_21_has_a_measure_with_no_owner(corpus_store, graph):
    panjin, haicheng = doc_id(corpus_store, "panjin_2017"), doc_id(corpus_store, "haicheng")
    found = queries.no_owner(graph)
    # haicheng's 集中整治阶段 lists three steps; since a unit doing the work after a step's heading sentence is
    # read ("2.整改提高。市营商办组织协调有关部门…"), the two steps beside it that name no unit are gaps too
    assert sorted((f["item"]["doc"], f["item"]["label"], f["detail"]["kind"]) for f in found) == sorted(
        [(haicheng, "五、 (二) 1.", "no_unit"), (haicheng, "五、 (二) 3.", "no_unit"),
         (panjin, "七、 (二十一) 第1项", "no_unit")])
    ours = next(f for f in found if f["item"]["doc"] == panjin)
    assert ours["item"]["text"].startswith("按照《盘锦市人民政府关于印发盘锦市赋予区县经济区市级同等行政职权")


def test_notices_that_name_nobody_are_reports_not_gaps(corpus_store, graph):
    # yingkou and yangling report outcomes and panjin_2022 answers a proposal: none assigns owners, so their
    # problems are not "no owner" findings, while the notice paragraphs around panjin_2017's list are not
    # measures either (haicheng's two are steps of its schedule beside one a unit leads: see above).
    assert {f["item"]["doc"] for f in queries.no_owner(graph)} == {doc_id(corpus_store, "panjin_2017"),
                                                                  doc_id(corpus_store, "haicheng")}


def test_panjin_2017_measure_1_2_has_five_leads(corpus_store, graph):
    found = {f["item"]["label"]: f for f in of(queries.multi_lead(graph), doc_id(corpus_store, "panjin_2017"))}
    five = found["一、 (一) 2."]
    assert five["detail"]["leads"] == 5 and not five["detail"]["each_leads"]
    assert five["units"] == ["盘锦市住房和城乡建设委员会", "盘锦市双台子区人民政府", "盘锦市兴隆台区人民政府",
                             "盘锦市辽东湾新区管理委员会", "盘锦市辽河口生态经济区管理委员会"]
    # (十八)2 names six leading bodies, two of them classes (各县区政府, 经济区管委会)
    assert found["五、 (十八) 2."]["detail"] == {"leads": 6, "each_leads": False, "collective": 2,
                                                 "convention": None}


def test_panjin_2017_collective_leads_are_vague(corpus_store, graph):
    vague = of(queries.vague_owner(graph), doc_id(corpus_store, "panjin_2017"))
    by_label = {f["item"]["label"]: f for f in vague}
    assert by_label["一、 (六) 3."]["units"] == ["盘锦市直放权部门"]
    assert by_label["三、 (十五) 1."]["units"] == ["盘锦市县区政府", "盘锦市经济区管委会"]
    # 五、(十八)2 names concrete leads too, but "…、市法制办等部门" leaves the list open
    assert by_label["五、 (十八) 2."]["detail"] == {"role": "lead", "collective": 2, "open_ended": 1}
    # 一、(一)2 names five concrete leads: many, but each one accountable
    assert "一、 (一) 2." not in by_label
    # the covering notice's 一、 and 三、 tell the classes (各县区政府、经济区管委会及市直相关部门要…) to do the work, each its
    # own part, since classes told real work together are read as answering for it: vague, not a missing lead
    told = [f for f in vague if f["detail"]["role"] == "responsible"]
    assert sorted(f["item"]["label"] for f in told) == ["一、", "三、"]
    assert all(f["units"] == ["盘锦市县区政府", "盘锦市经济区管委会", "盘锦市直相关部门"] for f in told)
    assert all(f["detail"]["role"] == "lead" for f in vague if f not in told)


def test_yangling_claims_24_done_while_its_text_shows_3_not_done(corpus_store, graph):
    found = queries.claimed_vs_evidenced(graph)
    assert [f["item"]["doc"] for f in found] == [doc_id(corpus_store, "yangling_2024")]
    detail = found[0]["detail"]
    assert (detail["claimed_problems"], detail["claimed_done"]) == (26, 24)
    assert detail["not_done"] == 3 > detail["claimed_problems"] - detail["claimed_done"]
    assert {"(20)", "(23)"} <= set(detail["not_done_numbers"])
    quotes = [e for e in queries.quote(found, corpus_store.document_text)[0]["evidence"] if e["what"] == "not_done"]
    assert len(quotes) == 3 and all(re.search("未解决|仍在协调|确保按期完成", e["quote"]) for e in quotes)


def test_deadlines_as_of_a_date(corpus_store, graph):
    panjin = doc_id(corpus_store, "panjin_2017")
    before = of(queries.deadlines(graph, as_of="2017-06-15", within_days=30), panjin)
    soon = [f for f in before if f["detail"]["kind"] == "due_soon"]
    assert soon and all(f["detail"]["date"] == "2017-06-30" and f["detail"]["days"] == 15 for f in soon)
    assert not [f for f in before if f["detail"]["kind"] == "overdue"]
    after = of(queries.deadlines(graph, as_of="2018-01-01"), panjin)
    overdue = [f for f in after if f["detail"]["kind"] == "overdue"]
    dated = [f for f in after if f["detail"].get("date")]
    assert overdue == dated and {f["detail"]["date"] for f in overdue} >= {"2017-06-30", "2017-12-31"}
    # 长期推进 / 适时推进 are never due: reported as vague, whatever the day
    vague = [f for f in after if f["detail"]["kind"] == "vague"]
    assert vague == [f for f in before if f["detail"]["kind"] == "vague"]
    assert {f["detail"]["deadline"] for f in vague} == {"ongoing", "timely"}
    assert all(re.search("长期|持续|适时", f["evidence"][-1]["label"]) for f in vague)


def test_a_plan_that_dates_none_of_its_tasks_is_one_finding(corpus_store, graph):
    haicheng = doc_id(corpus_store, "haicheng")
    found = of(queries.deadlines(graph), haicheng)
    assert [(f["item"]["type"], f["detail"]["kind"]) for f in found] == [("Document", "missing_all")]
    assert found[0]["detail"]["tasks"] >= 50


def test_overload_finds_the_office_that_leads_half_a_plan(corpus_store, graph):
    result = queries.overload(graph)
    loads = {f["units"][0]: f["detail"] for f in result["findings"]}
    # 27 of the plan's 52 measures (25 of 50 before the unit after a step's heading was read: "2.整改提高。
    # 市营商办组织…", and "(三)督查督办(…)⏎市营商办将联合有关部门…", a heading on its own line)
    assert loads["海城市营商办"]["share"] == 0.5192 and loads["海城市营商办"]["items"] == 27
    assert loads["盘锦市县区政府"]["led"] == 16
    ranking = {row["unit"]: row for row in result["ranking"]}
    assert ranking["海城市营商办"]["vague_share"] == 1.0  # the plan dates none of its tasks
    # named responsible on every measure is a blanket, not a load
    assert ranking["海城市开发园区"]["responsible"] == 50 and "海城市开发园区" not in loads


def test_overlap_pairs_and_matrix(graph):
    result = queries.overlap(graph)
    pairs = {(p["a"], p["b"]): p for p in result["pairs"]}
    twins = pairs[("盘锦市兴隆台区人民政府", "盘锦市双台子区人民政府")]
    assert twins["shared"] == 6 and twins["jaccard"] == 0.75
    matrix = result["matrix"]
    i, j = matrix["units"].index("海城市开发园区"), matrix["units"].index("海城市镇区")
    assert matrix["counts"][i][j] == matrix["counts"][j][i] == 50
    assert result["dual_role"] == []


def test_unit_chain(graph):
    result = queries.chain(graph, "市住建委")
    assert result["unit"]["name"] == "盘锦市住房和城乡建设委员会" and result["jurisdiction"] == "盘锦市"
    tasks = [t for d in result["documents"] for p in d["problems"] for t in p["tasks"]]
    labels = {t["item"]["label"]: t for t in tasks}
    assert labels["一、 (一) 2."]["roles"] == ["lead"] and labels["一、 (一) 2."]["deadline"]["kind"] == "timely"
    assert {"盘锦市双台子区人民政府", "盘锦市人民防空办公室"} <= {p["unit"] for p in result["shares_with"]}


def test_item_chain_goes_from_document_to_policies(corpus_store, graph):
    panjin = doc_id(corpus_store, "panjin_2017")
    measure = next(f["item"]["id"] for f in queries.multi_lead(graph) if f["item"]["label"] == "二、 (九) 1.")
    result = queries.chain(graph, measure)
    assert result["document"]["id"] == panjin
    assert [node["label"] for node in result["path"]] == ["二、", "二、 (九)"]
    assert result["problem"]["number"] == "(九)"
    owners = {o["unit"] for t in result["tasks"] for o in t["owners"]}
    assert {"盘锦市住房和城乡建设委员会", "盘锦市人民防空办公室"} <= owners
    assert "盘提效发〔2014〕4号" in {p["doc_no"] for p in result["policies"]}


def test_chain_of_an_unknown_or_ambiguous_unit_says_so(graph):
    with pytest.raises(queries.NotFound, match="no unit or item matches"):
        queries.chain(graph, "不存在的单位")
    with pytest.raises(queries.NotFound, match=r"matches \d+ units"):
        queries.chain(graph, "盘锦市")


def test_summary_counts_agree_with_the_store(corpus_store, graph):
    result = queries.summary(graph)
    stats = corpus_store.stats()
    assert result["totals"]["problems"] == stats["nodes"]["Problem"]
    assert result["totals"]["tasks"] == stats["nodes"]["Task"]
    assert result["totals"]["units"] == stats["nodes"]["Unit"]
    assert sum(result["deadline_kinds"].values()) == result["totals"]["owned_tasks"]
    assert result["status"]["done"] >= 4


def test_every_finding_quotes_the_exact_source_characters(corpus_store, graph):
    findings = queries.quote(queries.gaps(graph, as_of="2026-11-23"), corpus_store.document_text)
    item_text = {(data["doc"], *data["span"]): data["text"] for _, data in graph.nodes(data=True) if "text" in data}
    assert {f["rule"] for f in findings} >= {"no_owner", "vague_owner", "multi_lead", "overload", "deadlines",
                                              "claimed_vs_evidenced"}
    for found in findings:
        assert found["evidence"]
        for proof in found["evidence"]:
            text = corpus_store.document_text(proof["doc"])
            start, end = proof["span"]
            assert 0 <= start < end <= len(text)
            assert proof["quote"] == text[start:end]
            if proof["what"] in ("item", "not_done"):  # an item's evidence is the whole item as printed
                assert proof["quote"] == item_text[(proof["doc"], start, end)]
            if proof["what"] in ("lead", "responsible", "assist"):
                assert proof["quote"] in proof["sentence"]
                # the mention's own characters; "市、兴隆台区编委办" gives 市编委办 the span of "市"
                assert proof["quote"] in proof["label"] or proof["label"][-2:] in proof["quote"]


# -- documents written in the genre's forms ----------------------------------------------------------------

ASSIGNMENT = """某某市人民政府办公室关于印发某某市优化营商环境问题整改任务分解的通知

各县区人民政府,市政府各部门:

现将整改任务分解如下,请认真贯彻落实。{convention}

一、审批服务方面

(一)审批时限过长的问题。

1.压缩工程建设项目审批时限,全面推行并联审批。(责任单位:市发改委、市住建局、市自然资源局;完成时限:2024年6月底前)

2.清理规范中介服务事项,公布中介服务清单。(责任单位:市行政审批局、市财政局、市市场监管局、市司法局;完成时限:2024年9月底前)

3.推行告知承诺制。(牵头单位:市行政审批局;责任单位:市行政审批局、市司法局;完成时限:2024年3月底前)

二、执法监管方面

(二)多头执法、重复检查的问题。

1.推行“双随机、一公开”联合抽查。(市场监管局、交通局分别牵头;完成时限:长期坚持)

2.规范涉企行政检查。(牵头单位:市司法局、市公安局等部门;完成时限:适时推进)

3.建立执法信息共享平台。(配合单位:市大数据局、市公安局)

(三)执法程序不规范的问题。

1.开展行政执法案卷评查。(责任单位:市司法局)
"""


@pytest.fixture
def assignment(tmp_path):
    def graph_of(convention: str = ""):
        path = tmp_path / f"分解{len(convention)}.txt"
        path.write_text(ASSIGNMENT.format(convention=convention), encoding="utf-8")
        store = EmbeddedStore(tmp_path / f"store{len(convention)}")
        load(store, path)
        return store.to_networkx()
    return graph_of


def by_label(findings) -> dict[str, dict]:
    return {f["item"]["label"]: f for f in findings}


def test_several_responsible_units_and_no_lead_is_no_owner(assignment):
    found = by_label(queries.no_owner(assignment()))
    assert found["一、 (一) 1."]["detail"] == {"kind": "no_lead", "responsible": 3}
    assert found["一、 (一) 2."]["units"] == ["某某市行政审批服务局", "某某市财政局", "某某市市场监督管理局", "某某市司法局"]
    assert found["二、 (二) 3."]["detail"]["kind"] == "assist_only"
    assert "一、 (一) 3." not in found    # it has a lead
    assert "二、 (三) 1." not in found    # one responsible unit answers for it


@pytest.mark.parametrize("convention", ["责任单位列第一位的为牵头单位。", "无牵头单位的,责任单位即为牵头单位。"])
def test_a_declared_convention_supplies_the_lead(assignment, convention):
    found = by_label(queries.no_owner(assignment(convention)))
    assert "一、 (一) 1." not in found and "一、 (一) 2." not in found
    assert found["二、 (二) 3."]["detail"]["kind"] == "assist_only"  # 配合单位 never become the lead
    leads = by_label(queries.multi_lead(assignment(convention)))
    if convention.startswith("无牵头"):  # every responsible unit leads: now four leads on one task
        assert leads["一、 (一) 2."]["detail"]["convention"] == "responsible_is_lead"


def test_separately_led_tasks_are_reported_apart(assignment):
    found = by_label(queries.multi_lead(assignment()))
    assert found["二、 (二) 1."]["rule"] == "split_lead" and found["二、 (二) 1."]["detail"]["each_leads"]
    assert found["二、 (二) 2."]["rule"] == "multi_lead"


def test_an_open_ended_lead_list_is_vague(assignment):
    found = by_label(queries.vague_owner(assignment()))
    assert found["二、 (二) 2."]["detail"]["open_ended"] == 1
    assert list(found) == ["二、 (二) 2."]


def test_one_unit_both_lead_and_responsible(assignment):
    found = queries.dual_role(assignment())
    assert [(f["item"]["label"], f["units"]) for f in found] == [("一、 (一) 3.", ["某某市行政审批服务局"])]
    assert [e["what"] for e in found[0]["evidence"]] == ["item", "lead", "responsible"]


def test_deadlines_of_an_assignment(assignment):
    found = by_label(queries.deadlines(assignment(), as_of="2024-04-01", within_days=90))
    assert found["一、 (一) 3."]["detail"] == {"kind": "overdue", "date": "2024-03-31", "status": None, "days": 1}
    assert found["一、 (一) 1."]["detail"]["kind"] == "due_soon"
    assert "一、 (一) 2." not in found  # due 2024-09-30: neither overdue nor within 90 days
    assert found["二、 (二) 3."]["detail"] == {"kind": "missing"}
    assert found["二、 (二) 1."]["detail"] == {"kind": "vague", "deadline": "ongoing"}


SECOND_ROUND = """营口市巡察整改“回头看”情况通报

一、仍未整改到位的问题

(一)营口市营商环境优化行动方案中部分事项仍未落实的问题。整改情况:正在推进。

(二)政务服务部分考核指标在全省排名靠后的问题。整改情况:已完成。

(三)部分窗口人员业务不熟、群众排队时间长的问题。整改情况:正在推进。
"""


def test_recurring_problems_across_rounds(tmp_path):
    path = tmp_path / "回头看.txt"
    path.write_text(SECOND_ROUND, encoding="utf-8")
    store = EmbeddedStore(tmp_path / "store")
    load(store, CORPUS / "yingkou_2023_xunshi_zhenggai_tongbao.txt", path)
    found = queries.recurring(store.to_networkx(), threshold=0.6)
    pairs = {(f["item"]["number"], f["detail"]["other"]["number"]) for f in found}
    first, second = doc_id(store, "yingkou"), doc_id(store, "回头看")
    assert all({f["item"]["doc"], f["detail"]["other"]["doc"]} == {first, second} for f in found)
    assert len(found) == 2 and all(0.6 <= f["detail"]["score"] < 1 for f in found)
    texts = [f["item"]["text"] + f["detail"]["other"]["text"] for f in found]
    assert any("营商环境优化行动方案" in t for t in texts) and any("考核指标" in t for t in texts)
    assert not any("窗口人员" in t for t in texts), pairs
    assert queries.recurring(store.to_networkx(), threshold=0.99) == []


def test_recurring_lists_the_closest_first_then_by_item_id(tmp_path):
    (tmp_path / "回头看.txt").write_text(SECOND_ROUND, encoding="utf-8")
    # another round under its own title repeats the first one's problems word for word
    (tmp_path / "再回头看.txt").write_text("第二轮" + SECOND_ROUND, encoding="utf-8")
    store = EmbeddedStore(tmp_path / "store")
    load(store, CORPUS / "yingkou_2023_xunshi_zhenggai_tongbao.txt", tmp_path / "回头看.txt", tmp_path / "再回头看.txt")
    found = queries.recurring(store.to_networkx())
    order = [(-f["detail"]["score"], f["item"]["id"]) for f in found]
    assert order == sorted(order) and len({score for score, _ in order}) > 1
    assert sum(score == -1.0 for score, _ in order) == 3  # each verbatim repeat, once


def round_report(title: str, *problems: str) -> str:
    numbers = "一二三四五六七八九"
    return f"{title}\n\n一、仍未整改到位的问题\n\n" + "\n\n".join(
        f"({numbers[i]}){text}的问题。整改情况:正在推进。" for i, text in enumerate(problems)) + "\n"


def test_a_verbatim_repeat_pairs_with_the_problem_that_first_raised_it(tmp_path):
    repeated = "部分乡镇河长制巡河记录弄虚作假、问题整改台账长期未更新"
    rounds = [round_report("某县巡察整改情况通报", repeated, "村级财务公开不及时、票据管理混乱"),
              round_report("某县巡察整改“回头看”情况通报", "扶贫项目资产底数不清、后续管护责任不落实", repeated),
              round_report("某县第二轮“回头看”情况通报", repeated)]
    store = EmbeddedStore(tmp_path / "store")
    for number, text in enumerate(rounds):
        (tmp_path / f"round{number}.txt").write_text(text, encoding="utf-8")
        load(store, tmp_path / f"round{number}.txt")
    found = queries.recurring(store.to_networkx())
    # the analyses read documents in id order: the first of the three there raised it first
    docs = sorted(doc_id(store, f"round{number}") for number in range(3))
    assert sorted(f["item"]["doc"] for f in found) == docs[1:]
    for finding in found:  # each later repeat points at the problem that first raised it, not at the one before
        assert finding["detail"]["score"] == 1.0 and finding["detail"]["other"]["doc"] == docs[0]
        assert repeated in finding["item"]["text"] and repeated in finding["detail"]["other"]["text"]


SPLIT_AND_DUAL = """某市2024年重点工作任务分解方案

一、加强财政资金监管，规范专项资金拨付流程。(市财政局牵头，市财政局、市审计局按职责分工负责)
二、推进政务服务“一网通办”改革，压缩审批时限。(市营商局、市政务服务局分别牵头)
三、完善重点项目调度机制，按月通报进度。(市发展改革委牵头，市自然资源局配合)
"""


def test_findings_narrowed_to_documents_without_making_them(tmp_path):
    """Every rule knows each finding's document: narrowing to some documents keeps exactly the findings
    whose item is there, in order, as filtering the made findings would."""
    added = {"分解.txt": SPLIT_AND_DUAL, "回头看.txt": SECOND_ROUND, "再回头看.txt": "第二轮" + SECOND_ROUND}
    for name, text in added.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    store = EmbeddedStore(tmp_path / "store")
    load(store, *sorted(CORPUS.iterdir()), *(tmp_path / name for name in added))
    v = queries.view(store.to_networkx())
    documents = v.columns.documents
    rules = queries.gaps_by_rule(v, as_of="2026-11-23") | {"gaps": queries.gaps(v, as_of="2026-11-23")}
    assert all(rules.values()), [rule for rule, found in rules.items() if not found]  # each has some to narrow
    for chosen in [[doc] for doc in documents] + [documents[1:4], documents[4:]]:
        mask = np.isin(documents, chosen)
        for rule, found in rules.items():
            narrowed = found.in_documents(mask)
            assert list(narrowed) == [f for f in found if f["item"]["doc"] in chosen], (rule, chosen)
    assert sum(len(rules["gaps"].in_documents(np.isin(documents, [doc]))) for doc in documents) == len(rules["gaps"])
    for part in ("财政局", "住房和城乡建设", "市政务服务局", "人民政府", "不存在的单位"):  # a unit filter may narrow first
        naming = v.columns.documents_naming(part)
        assert naming.any() == (part != "不存在的单位")
        for rule, found in rules.items():
            named = [f for f in found if any(part in name for name in f["units"])]
            assert [f for f in found.in_documents(naming) if any(part in name for name in f["units"])] == named


def test_findings_read_one_by_one_as_a_whole(graph):
    """Findings are made when read: by index, by slice, iterated, and per rule, they are the same findings."""
    lazy = queries.gaps(graph, as_of="2026-11-23")
    made = list(lazy)
    assert len(made) == len(lazy) > 10
    assert [lazy[i] for i in range(len(lazy))] == made and lazy[3:9] == made[3:9] and lazy == made
    by_rule = queries.gaps_by_rule(graph, as_of="2026-11-23")
    assert sum(len(found) for found in by_rule.values()) == len(made)
    for rule, found in by_rule.items():
        assert list(found) == [f for f in made if f["rule"] == rule]


NARRATING_REPORT = """关于2024年度区本级预算执行审计查出问题整改情况的报告
一、整改工作总体情况
区政府认真研究区人大常委会审议意见,专题部署整改工作;区审计局及时印发整改通知书,跟踪督促被审计单位整改。
二、具体问题整改情况
(一)关于部分专项资金拨付滞后的问题。已完成整改。
(二)关于政府采购程序不规范的问题。正在推进。
"""


def test_what_a_report_narrates_bodies_did_is_no_work_given_and_no_gap(tmp_path):
    path = tmp_path / "整改情况报告.txt"
    path.write_text(NARRATING_REPORT, encoding="utf-8")
    store = EmbeddedStore(tmp_path / "store")
    load(store, path)
    for v in (View(store.to_networkx()), queries.StoreView(store)):
        narrated = [item for item, owners in v.owned_items]
        assert len(narrated) == 2            # the two bodies' acts are read, with their owners
        # but they give nobody work: no work items, so no deadline, overload or missing-owner findings
        assert list(v.work_items) == []
        assert list(queries.no_owner(v)) == [] and list(queries.deadlines(v, as_of="2025-01-01")) == []
        assert queries.overload(v)["ranking"] == []
