"""Each owner form, list expansion, deadline kind, convention and table form the extractor must read.

Documents here are short but real in shape: the forms are those of 责任分解, 整改方案 and 实施方案 texts.
"""
from __future__ import annotations

import hashlib

import pytest
import zhconv

from loaders.deadlines import parse_deadline
from loaders.extract import extract_source
from loaders.source import SourceText
from loaders.textfold import fold
from loaders.units import canonical, split_unit_list

HEADER = "某市人民政府办公室关于印发重点任务分工方案的通知\n某政办发〔2020〕12号\n\n一、重点任务\n"
SIGNATURE = "\n\n沈阳市人民政府办公室\n2020年3月2日\n"


def extract(body: str, header: str = HEADER) -> dict:
    text = header + body + SIGNATURE
    src = SourceText(path="mem.txt", format="txt", encoding="utf-8",
                     sha256=hashlib.sha256(text.encode()).hexdigest(), text=text, folded=fold(text))
    return extract_source(src)


def owners(item: dict) -> tuple[list[str], list[str]]:
    return [u["mention"] for u in item["lead"]], [u["mention"] for u in item["responsible"]]


def task_containing(out: dict, needle: str) -> dict:
    hits = [it for it in out["items"] if needle in it["text"]]
    return min(hits, key=lambda it: len(it["text"]))


@pytest.mark.parametrize("clause, lead, responsible", [
    ("(牵头部门:市发改委;完成时限:2020年6月底前)", ["市发改委"], []),
    ("（牵头单位：市发改委；责任单位：市财政局、市人社局，6月底完成）", ["市发改委"], ["市财政局", "市人社局"]),
    ("(市商务局牵头,市文旅局、市市场监管局配合)", ["市商务局"], ["市文旅局", "市市场监管局"]),
    ("(市商务局牵头,各县区政府按职责分工负责)", ["市商务局"], ["县区政府"]),
    ("(市财政局、市审计局负责)", [], ["市财政局", "市审计局"]),
    ("(市营商局、市政务服务局分别牵头)", ["市营商局", "市政务服务局"], []),
    ("(市发改委(牵头)、市财政局)", ["市发改委"], ["市财政局"]),
])
def test_parenthetical_owner_forms(clause, lead, responsible):
    out = extract(f"(一)推进重大项目建设,优化审批流程。{clause}\n")
    assert owners(task_containing(out, "推进重大项目建设")) == (lead, responsible)


def test_each_leads_is_marked():
    out = extract("(一)深化改革。(市营商局、市政务服务局分别牵头)\n")
    assert task_containing(out, "深化改革")["each_leads"] is True


def test_label_lines_with_a_list_broken_across_a_blank_line():
    out = extract("(一)在政务服务方面,开展整治。\n整治措施:\n1.规范窗口服务。\n2.推行网上审批。\n"
                  "牵头单位:市编委办,市行政审批局\n责任单位:市纪委、市公安局、\n\n市经信局,各开发园区、镇区。\n")
    area = task_containing(out, "在政务服务方面")
    assert owners(area) == (["市编委办", "市行政审批局"], ["市纪委", "市公安局", "市经信局", "开发园区", "镇区"])
    measures = [it for it in out["items"] if it["parent"] == area["id"]]
    # the measures share the block's owners: shown on them, marked inherited (the graph keeps them on the block)
    assert len(measures) == 2 and all(m["owners_from"] == area["id"] and all(u["inherited"] for u in m["lead"])
                                      and owners(m) == owners(area) for m in measures)


def test_list_expansion_of_shared_parts():
    text = "市、兴隆台区编委办,双台子区、兴隆台区政府,辽东湾新区、辽河口生态经济区管委会,各开发园区、镇区"
    mentions = [m.mention for m in split_unit_list(text)]
    assert mentions == ["市编委办", "兴隆台区编委办", "双台子区政府", "兴隆台区政府", "辽东湾新区管委会",
                        "辽河口生态经济区管委会", "开发园区", "镇区"]
    assert [m.collective for m in split_unit_list(text)][-2:] == [True, True]


def test_a_city_without_its_shi_and_a_class_of_two_levels_lend_and_borrow_a_body():
    """A list's bare place may be a city written without 市 ("锦州、葫芦岛海关"); the body a run borrows from a
    class of two levels (县区, 乡镇) is what follows the whole class, not its second level."""
    def said(text):
        return [m.mention for m in split_unit_list(text)]
    assert said("锦州、葫芦岛海关") == ["锦州海关", "葫芦岛海关"]
    assert said("鞍山、本溪市、各县自然资源局")[:2] == ["鞍山自然资源局", "本溪市自然资源局"]
    assert said("市、县区农业农村局") == ["市农业农村局", "县区农业农村局"]
    assert said("县、乡镇人民政府") == ["县人民政府", "乡镇人民政府"]


def test_a_townships_and_zones_unknown_to_the_gazetteer_borrow_the_body_after_them():
    """"各乡、镇人民政府" is every township's and every town's government; "X、Y农场" with names no gazetteer holds are
    two farms: the element before the shared kind is no unit on its own."""
    def said(text):
        return [(m.mention, m.collective) for m in split_unit_list(text)]
    assert said("各乡、镇党委") == [("乡党委", True), ("镇党委", True)]
    assert said("青松、红柳农场,县水利局") == [("青松农场", False), ("红柳农场", False), ("县水利局", False)]
    assert said("金沙、银滩旅游度假区管委会") == [("金沙旅游度假区管委会", False), ("银滩旅游度假区管委会", False)]


def test_a_label_naming_the_places_that_answer():
    """"责任地区:" / "责任区域:" label the places (their governments) that carry the work out: responsible units."""
    out = extract("1.推行“高效办成一件事”。(牵头单位:市政务服务局;责任地区:各县区政府)\n\n"
                  "2.压缩工程建设项目审批时间。(牵头单位:市住建局;责任区域:高新区管委会)\n")
    assert owners(task_containing(out, "推行“高效办成一件事”")) == (["市政务服务局"], ["县区政府"])
    assert owners(task_containing(out, "压缩工程建设项目审批时间")) == (["市住建局"], ["高新区管委会"])


def test_a_points_count_and_the_work_before_you_are_no_part_of_a_units_name():
    """"三是相关街道…" counts the point, "河道保洁由区水务局" names the work and then its owner: neither is in the name;
    a name that holds 由 itself (自由贸易试验区) keeps it."""
    def said(text):
        return [m.mention for m in split_unit_list(text)]
    assert said("三是相关街道") == ["相关街道"] and said("其次区财政局") == ["区财政局"]
    assert said("河道保洁由区水务局") == ["区水务局"]
    assert said("自由贸易试验区管委会") == ["自由贸易试验区管委会"]


def test_a_work_that_ends_like_a_bodys_name_is_no_unit():
    from loaders.units import looks_like_unit
    assert not looks_like_unit("加快建设城东科技创新中心") and not looks_like_unit("确保按期完成区政府")
    assert looks_like_unit("县重点项目推进办") and looks_like_unit("市科技创新中心")


def test_names_with_he_are_not_split_but_lists_joined_by_he_are():
    assert [m.mention for m in split_unit_list("市人力资源和社会保障局")] == ["市人力资源和社会保障局"]
    assert [m.mention for m in split_unit_list("市发改委和市财政局")] == ["市发改委", "市财政局"]


def test_the_other_name_of_whom_a_report_is_sent_to_is_no_owner():
    out = extract("1.制定整改方案。各街道要排查辖区问题,方案于6月30日前报区整治工作领导小组办公室(区城管局)。\n")
    assert "区城管局" not in owners(task_containing(out, "制定整改方案"))[0]


def test_the_places_concerned_lend_no_company_and_told_with_it_work_together():
    assert [m.mention for m in split_unit_list("各有关县、市城投公司")] == ["有关县", "市城投公司"]
    assert [m.mention for m in split_unit_list("市、区城投公司")] == ["市城投公司", "区城投公司"]   # bare levels do
    out = extract("二、抓好整治落实。各有关县、市城投公司要制定整治方案,逐项销号。\n")
    assert owners(task_containing(out, "抓好整治落实")) == ([], ["有关县", "市城投公司"])


def test_places_before_a_named_zone_each_have_that_kind_of_zone():
    assert [m.mention for m in split_unit_list("宝鸡、咸阳、杨凌高新技术产业开发区管委会")] == [
        "宝鸡高新技术产业开发区管委会", "咸阳高新技术产业开发区管委会", "杨凌高新技术产业开发区管委会"]
    # a zone before another zone keeps its own name: it takes only the committee
    assert [m.mention for m in split_unit_list("现代农业示范区、高新区管委会")] == ["现代农业示范区管委会", "高新区管委会"]


def test_a_room_named_in_brackets_is_no_body():
    out = extract("(一)改造20所中小学食堂(餐厅)。(县教育局负责)\n完成情况:已改造食堂(餐厅)16所。\n"
                  "(二)提升政务服务大厅功能。(县政务服务中心负责)\n")
    assert owners(task_containing(out, "中小学食堂")) == (["县教育局"], [])
    assert owners(task_containing(out, "政务服务大厅"))[0] == ["县政务服务中心"]


def test_places_and_departments_written_as_one_are_two_classes():
    assert [m.mention for m in split_unit_list("各地各部门")] == ["各地", "部门"]
    assert [m.mention for m in split_unit_list("各乡镇各有关单位")] == ["乡镇", "有关单位"]
    assert len(split_unit_list("各级各部门")) == 1       # every level's departments: one class


def test_a_party_committee_and_its_government_written_as_one_are_two_bodies():
    assert [m.mention for m in split_unit_list("开发区党工委管委会")] == ["开发区党工委", "开发区管委会"]
    assert [m.mention for m in split_unit_list("各镇党委政府")] == ["镇党委", "镇政府"]
    assert [m.mention for m in split_unit_list("县委县政府")] == ["县委县政府"]     # (not this form)


@pytest.mark.parametrize("mention, collective", [
    ("各县区政府", True), ("相关部门", True), ("有关单位", True), ("市直各部门", True), ("市直放权部门", True),
    ("行业主管部门", True), ("经济区管委会", True), ("市住建委", False), ("辽东湾新区管委会", False),
    ("人民银行海城支行", False),
])
def test_collective_owners_are_flagged(mention, collective):
    assert split_unit_list(mention)[0].collective is collective


def test_open_ended_list_keeps_named_units_specific():
    found = split_unit_list("市食药监局、市法制办等部门")
    assert [(m.mention, m.collective, m.open_ended) for m in found] == [
        ("市食药监局", False, False), ("市法制办", False, True)]


def test_canonical_names_fold_abbreviations_and_qualify_by_jurisdiction():
    assert canonical("市编委办", "盘锦市")[0] == canonical("盘锦市机构编制委员会办公室", "盘锦市")[0]
    assert canonical("市发改委", "盘锦市")[0] == "盘锦市发展和改革委员会"
    assert canonical("市人社局", "大连市")[0] == canonical("大连市人力资源和社会保障局", None)[0]
    assert canonical("兴隆台区政府", "盘锦市")[0] == "盘锦市兴隆台区人民政府"


@pytest.mark.parametrize("raw, year, kind, date", [
    ("2017年6月末前", None, "date", "2017-06-30"),
    ("6月底完成", 2020, "date", "2020-06-30"),
    ("力争2017年6月末前完成", None, "date", "2017-06-30"),
    ("2017年6月末前完成平台建设,并长期推进", None, "date", "2017-06-30"),
    ("2019年上半年", None, "date", "2019-06-30"),
    ("年底前", 2021, "date", "2021-12-31"),
    ("二〇一七年十二月底前", None, "date", "2017-12-31"),
    ("长期推进", None, "ongoing", None),
    ("长期坚持", None, "ongoing", None),
    ("持续推进", None, "ongoing", None),
    ("适时推进", None, "timely", None),
    # a period of months, its first month written without 月: it ends with the later month
    ("4—9月", 2022, "date", "2022-09-30"),
    ("2021年2-5月", None, "date", "2021-05-31"),
    ("按市编委工作部署适时推进", None, "timely", None),
    ("", None, "none", None),
])
def test_deadline_kinds(raw, year, kind, date):
    got = parse_deadline(raw, year)
    assert (got["kind"], got["date"]) == (kind, date)


def test_deadline_inside_the_task_body():
    out = extract("(一)各地要于2022年10月底前完成存量问题清零。(市城管局负责)\n")
    item = task_containing(out, "存量问题清零")
    assert item["deadline"]["date"] == "2022-10-31"


def test_task_without_deadline_is_none():
    out = extract("(一)强化督查。(市督查室负责)\n")
    assert task_containing(out, "强化督查")["deadline"]["kind"] == "none"


def test_first_listed_is_lead_convention():
    header = HEADER.replace("一、重点任务", "责任单位中列第一位的为牵头单位。\n一、重点任务")
    out = extract("(一)扩大有效投资。(市发改委、市财政局、各区市县政府)\n", header)
    assert owners(task_containing(out, "扩大有效投资")) == (["市发改委"], ["市财政局", "区市县政府"])
    assert out["document"]["conventions"] == ["first_is_lead"]


def test_responsible_is_lead_convention():
    header = HEADER.replace("一、重点任务", "无牵头单位的,责任单位即为牵头单位。\n一、重点任务")
    out = extract("(一)加强财政管理。(责任单位:市财政局、市审计局)\n", header)
    assert owners(task_containing(out, "加强财政管理")) == (["市财政局", "市审计局"], [])


def test_same_below_carries_owners_to_the_next_tasks():
    out = extract("(一)推进审批改革。(牵头单位:市发改委,责任单位:各区市县政府,下同)\n(二)开展改革评估。\n")
    later = task_containing(out, "开展改革评估")
    assert owners(later) == (["市发改委"], ["区市县政府"]) and later["convention"] == "下同"


def test_tab_table_rows_are_tasks():
    out = extract("(一)办好教育。\n序号\t工作任务\t牵头单位\t责任单位\t完成时限\n"
                  "1\t新建幼儿园20所\t市教育局\t市财政局、甘井子区政府\t2021年12月\n"
                  "2\t改造老旧小区\t市住建局\t各区市县政府\t长期推进\n")
    rows = [it for it in out["items"] if it["number"] in ("1", "2")]
    assert [owners(r) for r in rows] == [(["市教育局"], ["市财政局", "甘井子区政府"]), (["市住建局"], ["区市县政府"])]
    assert [(r["deadline"]["kind"], r["deadline"]["date"]) for r in rows] == [("date", "2021-12-31"), ("ongoing", None)]


def test_box_drawn_table_with_a_wrapped_cell():
    out = extract("(一)养老服务。\n┌──┬────────┬──────┬──────┐\n│序号│任务          │牵头单位    │完成时限    │\n"
                  "├──┼────────┼──────┼──────┤\n│1 │建设养老服务中│市民政局    │2021年10月底│\n"
                  "│  │心3个         │            │            │\n├──┼────────┼──────┼──────┤\n"
                  "│2 │推进医共体建设│市卫健委    │持续推进    │\n└──┴────────┴──────┴──────┘\n")
    rows = [it for it in out["items"] if it["number"] in ("1", "2")]
    assert [owners(r)[0] for r in rows] == [["市民政局"], ["市卫健委"]]
    assert "心3个" in rows[0]["text"] and rows[0]["deadline"]["date"] == "2021-10-31"


def test_aside_in_parentheses_is_not_an_owner():
    out = extract("(一)重点整治园区、镇区(街道)、派出所乱收费问题。(牵头单位:市营商办)\n")
    assert owners(task_containing(out, "重点整治园区")) == (["市营商办"], [])


def test_traditional_script_is_folded_and_spans_stay_on_the_shown_text():
    body = zhconv.convert("(一)推进数字政府建设。(牵头单位：市大数据局；责任单位：市公安局，6月底完成)\n", "zh-hant")
    out = extract(body, zhconv.convert(HEADER, "zh-hant"))
    item = task_containing(out, "推進數字政府")
    # the mention as printed, the unit's name in the script the graph keys on
    assert owners(item) == (["市大數據局"], ["市公安局"])
    assert "数据局" in item["lead"][0]["name"]
    text = zhconv.convert(HEADER, "zh-hant") + body + SIGNATURE
    s, e = item["lead"][0]["span"]
    assert text[s:e] == "市大數據局"


def test_document_facts_from_header_and_signature():
    doc = extract("(一)强化督查。(市督查室负责)\n")["document"]
    assert (doc["doc_no"], doc["issuer"], doc["date"], doc["jurisdiction"]) == (
        "某政办发〔2020〕12号", "沈阳市人民政府办公室", "2020-03-02", "沈阳市")


def test_claimed_counts():
    out = extract("(一)整改情况。巡察反馈25个问题,已完成整改19个,其余6个正在推进。\n")
    assert out["document"]["claimed"] == {"problems": 25, "done": 19}


def test_claimed_counts_with_the_count_after_the_word():
    out = extract("(一)整改情况。巡察反馈问题18个,已完成整改15个。\n")
    assert out["document"]["claimed"] == {"problems": 18, "done": 15}
