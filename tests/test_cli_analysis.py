"""``zeren gaps``, ``chain``, ``overlap`` and ``export`` as a user runs them, and what the exports hold."""
from __future__ import annotations

import csv
import json
from datetime import date, datetime
import subprocess
import sys
from pathlib import Path

import networkx as nx
import openpyxl
import pytest

import queries

from graph.embedded import EmbeddedStore

ZEREN = [sys.executable, "-m", "cli.main"]
CORPUS = Path(__file__).parent / "fixtures" / "corpus"


def zeren(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([*ZEREN, *args], capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> str:
    location = tmp_path_factory.mktemp("cli") / "store"
    result = zeren("load", str(CORPUS), "--store", str(location))
    assert result.returncode == 0, result.stderr
    return str(location)


def test_gaps_json_is_a_list_of_findings_that_quote_their_source(store):
    result = zeren("gaps", "--store", store, "--as-of", "2026-11-23", "--json")
    assert result.returncode == 0, result.stderr
    findings = json.loads(result.stdout)
    assert findings and all({"rule", "item", "units", "detail", "evidence"} <= f.keys() for f in findings)
    assert all({"id", "doc", "number", "text"} <= f["item"].keys() for f in findings)
    with EmbeddedStore(store) as opened:
        for found in findings:
            for proof in found["evidence"]:
                start, end = proof["span"]
                assert opened.document_text(proof["doc"])[start:end] == proof["quote"] != ""
    no_owner = [f for f in findings if f["rule"] == "no_owner"]
    assert sorted(f["item"]["label"] for f in no_owner) == sorted(["五、 (二) 1.", "五、 (二) 3.", "七、 (二十一) 第1项"])


def test_gaps_table_names_rules_in_chinese(store):
    result = zeren("gaps", "--store", store)
    assert result.returncode == 0, result.stderr
    assert "无人负责" in result.stdout and "多头牵头" in result.stdout and "报告与原文不符" in result.stdout


def test_as_of_moves_deadlines(store):
    def overdue(day: str) -> int:
        result = zeren("gaps", "--store", store, "--as-of", day, "--json")
        return sum(f["detail"].get("kind") == "overdue" for f in json.loads(result.stdout))
    assert overdue("2017-01-01") == 0 < overdue("2017-07-01") < overdue("2018-01-01")


def test_a_bad_date_is_one_line_and_exit_2(store):
    result = zeren("gaps", "--store", store, "--as-of", "明天")
    assert result.returncode == 2 and result.stderr.count("\n") == 1
    assert result.stderr.startswith("zeren: error: --as-of")


def test_chain_of_a_unit_and_of_an_item(store):
    result = zeren("chain", "市住建委", "--store", store, "--json")
    assert result.returncode == 0, result.stderr
    unit = json.loads(result.stdout)
    assert unit["unit"]["name"] == "盘锦市住房和城乡建设委员会"
    task = unit["documents"][0]["problems"][0]["tasks"][0]["item"]["id"]
    result = zeren("chain", task, "--store", store, "--json")
    assert json.loads(result.stdout)["item"]["id"] == task
    text = zeren("chain", "市住建委", "--store", store).stdout
    assert "盘锦市住房和城乡建设委员会" in text and "shares work with" in text


def test_chain_of_nobody_is_one_line_and_exit_1(store):
    result = zeren("chain", "不存在的局", "--store", store)
    assert result.returncode == 1 and result.stderr == "zeren: error: no unit or item matches '不存在的局'\n"


def test_overlap_lists_pairs_and_the_matrix(store):
    result = zeren("overlap", "--store", store, "--top", "5", "--json")
    assert result.returncode == 0, result.stderr
    overlap = json.loads(result.stdout)
    assert len(overlap["pairs"]) == 5 and overlap["pairs"][0]["shared"] >= overlap["pairs"][-1]["shared"]
    assert len(overlap["matrix"]["units"]) == len(overlap["matrix"]["counts"])


def test_export_xlsx_opens_as_the_ledger(store, tmp_path):
    target = tmp_path / "台账.xlsx"
    result = zeren("export", str(target), "--format", "xlsx", "--store", store)
    assert result.returncode == 0, result.stderr
    sheet = openpyxl.load_workbook(target)["台账"]
    rows = list(sheet.iter_rows(values_only=True))
    header = rows[0]
    assert header[:7] == ("序号", "文件", "文号", "问题编号", "问题", "任务位置", "任务") and header[-1] == "核查意见"
    with EmbeddedStore(store) as opened:
        tasks = opened.stats()["nodes"]["Task"]
    # every Task but a plan's preamble (指导思想, 工作目标: issue 19 says they are no tasks of the 台账)
    assert 0 < tasks - (len(rows) - 1) < 20
    records = [dict(zip(header, row)) for row in rows[1:]]
    assert not any(r["任务"] and r["任务"].lstrip("一二三四五六七八九十、 ").startswith("指导思想") for r in records)
    assert [r["序号"] for r in records] == list(range(1, len(records) + 1))
    five = next(r for r in records if r["任务位置"] == "一、 (一) 2." and r["文号"] == "盘政办发〔2017〕69号")
    assert five["牵头单位"].count("、") == 4 and five["时限类型"] == "适时推进" and five["完成时限"] == "适时推进"
    assert "牵头部门" in five["原文依据"] and five["出处"].endswith("段") and five["核查意见"] is None
    # Chinese values only, real Excel dates, nothing internal
    assert {r["状态"] for r in records} <= {"已完成", "推进中", "未完成", "未报告"}
    assert {r["时限类型"] for r in records} <= {"具体日期", "未明确", "长期推进", "适时推进"}
    assert any(isinstance(r["截止日期"], datetime) for r in records)
    assert not any(isinstance(value, bool) for r in records for value in r.values())
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref and sheet["A1"].font.bold


def test_export_csv_reads_back_in_excel_encoding(store, tmp_path):
    target = tmp_path / "ledger.csv"
    assert zeren("export", str(target), "--store", store).returncode == 0
    assert target.read_bytes().startswith(b"\xef\xbb\xbf")  # the BOM Excel needs to read UTF-8
    with open(target, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert any(row["牵头单位"] == "海城市营商办" for row in rows)


def test_export_graphml_loads_back_into_networkx(store, tmp_path):
    target = tmp_path / "graph.graphml"
    assert zeren("export", str(target), "--store", store).returncode == 0
    graph = nx.read_graphml(target)
    with EmbeddedStore(store) as opened:
        stats = opened.stats()
    assert graph.number_of_nodes() == sum(stats["nodes"].values())
    assert graph.number_of_edges() == sum(stats["edges"].values())
    units = [data for _, data in graph.nodes(data=True) if data["type"] == "Unit"]
    assert any(data["name"] == "盘锦市住房和城乡建设委员会" for data in units)


def test_a_ledger_cell_never_runs_as_a_formula(tmp_path):
    doc = tmp_path / "公式.txt"
    doc.write_text("某市整改任务分解\n\n一、问题\n\n1.=HYPERLINK(\"http://x\",\"点击\")整改。(牵头单位:市财政局;完成时限:2024年6月底前)\n",
                   encoding="utf-8")
    store = tmp_path / "store"
    assert zeren("load", str(doc), "--store", str(store)).returncode == 0
    assert zeren("export", str(tmp_path / "x.xlsx"), "--store", str(store)).returncode == 0
    cells = [c for row in openpyxl.load_workbook(tmp_path / "x.xlsx")["台账"].iter_rows(values_only=True) for c in row]
    assert not any(isinstance(c, str) and c.startswith("=") for c in cells)


def test_an_unknown_export_format_is_refused(store, tmp_path):
    result = zeren("export", str(tmp_path / "x.pdf"), "--store", store)
    assert result.returncode == 2 and "--format must be one of xlsx, csv, graphml" in result.stderr
    assert not (tmp_path / "x.pdf").exists()


def test_gaps_for_a_unit_are_the_findings_naming_a_unit_the_search_finds(store):
    """`zeren gaps --unit 住建`: the 单位 page's search (an abbreviation here) decides which units, and the
    findings naming one of them are kept — the same function the 问题清单 unit filter runs."""
    result = zeren("gaps", "--unit", "住建", "--json", "--as-of", "2024-01-01", "--store", store)
    assert result.returncode == 0, result.stderr
    kept = json.loads(result.stdout)
    with EmbeddedStore(store) as opened:
        graph = opened.to_networkx()
    names = queries.unit_names(graph, "住建")
    assert "盘锦市住房和城乡建设委员会" in names and "海城市住房和城乡建设局" in names
    everything = queries.gaps(graph, as_of=date(2024, 1, 1))
    assert len(kept) == sum(bool(names & set(f["units"])) for f in everything) > 0
    assert all(names & set(f["units"]) for f in kept)


def test_a_paragraph_is_numbered_from_its_first_character():
    """出处 (the 台账's and the app's): an offset at the start of a paragraph is in that paragraph, not the one
    before it; blank lines are no paragraphs."""
    from queries.export import paragraph_number, paragraph_starts
    text = "关于整改的通知\n\n一、总体要求\n1.建立台账。\n"
    starts = paragraph_starts(text)
    assert [paragraph_number(starts, text.index(s)) for s in ("关于", "一、", "1.", "台账")] == [1, 2, 3, 3]


def test_gaps_limit_lists_each_rules_first_findings_and_the_table_counts_them_all(store):
    every = json.loads(zeren("gaps", "--store", store, "--as-of", "2026-11-23", "--json").stdout)
    first = json.loads(zeren("gaps", "--store", store, "--as-of", "2026-11-23", "--json", "--limit", "2").stdout)
    for rule in {f["rule"] for f in every}:
        assert [f for f in first if f["rule"] == rule] == [f for f in every if f["rule"] == rule][:2], rule
    table = zeren("gaps", "--store", store, "--as-of", "2026-11-23", "--limit", "1")
    deadlines = sum(f["rule"] == "deadlines" for f in every)
    assert f"时限问题 {deadlines}" in table.stdout and "--limit 0 lists all" in table.stdout
    refused = zeren("gaps", "--store", store, "--limit", "-1")
    assert refused.returncode == 2 and refused.stderr.count("\n") == 1
