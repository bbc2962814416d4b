"""问题清单: a summary of the rules with their counts, then one table per rule, filtered by document,
jurisdiction (省 → 市 → 区/县), unit and (for 时限问题) what is wrong with the deadline; a row opens its evidence.
Every filter is kept in the link, so a shared link shows the same list."""
from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

import queries
import ui

MOST_ROWS = 5000  # a table an inspector scrolls; past this, the filters narrow it
SUMMARY = "summary"
# what each rule finds, in the words of the 说明 column
RULE_MEANING = {
    "no_owner": "任务没有牵头单位，或只有配合单位、没有任何单位", "vague_owner": "责任主体是集合称谓（相关部门、各县区政府等）",
    "multi_lead": "一项任务有两个以上牵头单位", "split_lead": "多个单位“分别牵头”同一任务",
    "dual_role": "同一单位在同一任务中既牵头又负责或配合", "overload": "一个单位牵头了本文件任务的很大一部分",
    "deadlines": "未设时限、时限模糊、已逾期（到期且未见完成报告）或即将到期",
    "claimed_vs_evidenced": "报告自称的整改完成数与原文逐项所述不符", "recurring": "不同文件中出现高度相似的问题",
}
DEADLINE_KINDS = {"": "全部", "missing": "未设时限", "vague": "时限模糊", "overdue": "已逾期", "due_soon": "即将到期"}

def _day(text: str) -> date:
    try:
        return date.fromisoformat(text) if text else date.today()
    except ValueError:
        return date.today()


def _days(text: str) -> int:
    return int(text) if text.isdigit() and 1 <= int(text) <= 3650 else 30


st.title("问题清单")
view, documents = ui.store_data()
ui.require_documents(documents)
titles = ui.document_titles(documents)

choices = [SUMMARY, *ui.RULES]
wanted = ui.param("rule", SUMMARY)
rule = st.selectbox("问题类型", choices, placeholder="请选择", key=ui.seed("gaps-rule", wanted if wanted in choices else SUMMARY),
                    format_func=lambda r: "全部类型（概览）" if r == SUMMARY else ui.RULES[r])
columns = st.columns([1, 2, 2])
as_of = columns[0].date_input("判断日期", key=ui.seed("gaps-as-of", _day(ui.param("as_of"))))
picked_docs = columns[1].multiselect("文件", list(titles), placeholder="全部文件", format_func=lambda d: ui.short(titles[d], 40),
                                     key=ui.seed("gaps-docs", [d for d in ui.param("docs").split(",") if d in titles]))
unit_text = columns[2].text_input("单位（全称、简称或其中几个字，如 住建）", key=ui.seed("gaps-unit", ui.param("unit")))
in_place = ui.place_filter((d.get("jurisdiction") for d in documents), key="place")
chosen_docs = set(picked_docs)
found_by_rule = ui.gap_findings(as_of)


def narrowed(found):
    """A rule's findings under the filters: by document and place first (array work on the rule's document
    column: a rule with 900,000 findings makes none of them to narrow them), then by unit."""
    if chosen_docs or ui.param("place0"):
        found = found.in_documents(ui.documents_kept(view, documents, chosen_docs, in_place))
    if unit_text:   # the same search as the 单位 page and `zeren gaps --unit`
        names = ui.cached(("unit_names", unit_text), lambda v: queries.unit_names(v, unit_text))
        found = queries.for_units(found.in_documents(view.columns.documents_naming_any(names)), names)
    return found


def without_groups(found) -> list:
    """多口归一 without the findings about collective owners only (they top it and answer for nothing)."""
    collective = ui.collective_names()
    return [f for f in found if not set(f["units"]) <= collective]


ui.keep_in_link(rule="" if rule == SUMMARY else rule, docs=",".join(sorted(chosen_docs)), unit=unit_text,
                as_of="" if as_of == date.today() else as_of.isoformat())
if rule == SUMMARY:
    rows = pd.DataFrame([{"问题类型": label, "说明": RULE_MEANING[r],
                          "条数": len(without_groups(narrowed(found_by_rule[r])) if r == "overload"
                                      else narrowed(found_by_rule[r]))} for r, label in ui.RULES.items()])
    st.caption("各类问题的条数（按上面的条件）。点选一行查看该类问题。")
    picked = st.dataframe(rows, hide_index=True, on_select="rerun", selection_mode="single-row", key="summary")
    if picked and picked.selection.rows:
        st.session_state["gaps-rule"] = list(ui.RULES)[picked.selection.rows[0]]
        del st.session_state["summary"]
        st.rerun()
    st.stop()

found = narrowed(found_by_rule[rule])
if rule == "deadlines":
    sub = st.columns([2, 1])
    kinds = list(DEADLINE_KINDS)
    kind = sub[0].radio("时限问题", kinds, horizontal=True, format_func=DEADLINE_KINDS.get,
                        key=ui.seed("gaps-kind", ui.param("kind") if ui.param("kind") in kinds else ""))
    within = sub[1].number_input("即将到期：N天内", min_value=1, max_value=3650,
                                 key=ui.seed("gaps-within", _days(ui.param("within", "30"))))
    ui.keep_in_link(kind=kind, within="" if within == 30 else within)
    if within != 30:
        found = narrowed(ui.cached(("deadlines", as_of, within),
                                   lambda v: queries.deadlines(v, as_of=as_of, within_days=int(within))))
    if kind:
        found = [f for f in found if f["detail"]["kind"] == kind or (kind == "missing" and f["detail"]["kind"] == "missing_all")]
    st.caption("已逾期：截止日期已过，且未见完成报告。")
else:
    ui.keep_in_link(kind="", within="")
if rule == "overload":      # collective owners (各县区政府, 相关部门) are left out unless asked for
    with_groups = st.toggle("包含集合称谓（各县区政府、相关部门等）", key=ui.seed("gaps-groups", ui.param("groups") == "1"))
    ui.keep_in_link(groups="1" if with_groups else "")
    found = found if with_groups else without_groups(found)

shown = found[:MOST_ROWS]  # findings are made when read: a rule with 900,000 makes only the rows shown
st.caption(f"共 {len(found)} 条" + (f"，显示前 {MOST_ROWS} 条；可按文件、辖区或单位筛选" if len(found) > MOST_ROWS else ""))
rows = pd.DataFrame([{"位置": f["item"].get("label") or "全文", "说明": ui.describe(f), "单位": "、".join(f["units"]),
                      "文件": ui.short(titles.get(f["item"]["doc"]), 24), "原文": ui.short(f["item"].get("text"), 80)}
                     for f in shown], columns=["位置", "说明", "单位", "文件", "原文"])
if rows.empty:          # an empty grid would read "empty"
    st.info("按上面的条件，没有这一类问题线索。")
    st.stop()
picked = st.dataframe(rows, hide_index=True, on_select="rerun", selection_mode="single-row", key=f"table-{rule}")
ui.findings_download(shown, titles, rule)

chosen = picked.selection.rows if picked else []
if chosen:
    finding = shown[chosen[0]]
    st.subheader("证据")
    ui.show_evidence(finding, titles)
    st.page_link("pages/finding.py", label="打印此条线索", query_params={"rule": rule, "item": finding["item"]["id"],
                                                                     "as_of": as_of.isoformat()})
elif found:
    st.caption("点选一行查看证据。")
