"""总览: the store at a glance, gap counts by rule (each a link to its table), and where the load lies."""
from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

import ui
from graph.schema import NODE_TYPES

st.title("zeren 责任图谱")
graph, view, documents = ui.store_data()
summary = ui.cached_summary()
columns = st.columns(4)
columns[0].metric("文件", len(documents))
for column, node_type, total in zip(columns[1:], ("Problem", "Task", "Unit"), ("problems", "tasks", "units")):
    column.metric(NODE_TYPES[node_type].label_zh, summary["totals"][total])
ui.require_documents(documents)

st.subheader("问题线索")
counts = {rule: len(found) for rule, found in ui.gap_findings(date.today()).items()}
cards = st.columns(5)
for index, (rule, label) in enumerate(ui.RULES.items()):
    with cards[index % 5].container(border=True):
        st.metric(label, counts.get(rule, 0))
        st.page_link("pages/gaps.py", label="查看", query_params={"rule": rule})



def chart(column, caption: str, counts: dict, measure: str, horizontal: bool = False) -> None:
    with column:
        st.caption(caption)
        if counts:
            st.bar_chart(pd.DataFrame({measure: counts}), horizontal=horizontal)
        else:
            st.text("无")


left, middle, right = st.columns(3)
chart(left, "时限类型（有责任单位的任务）",
      {ui.DEADLINE_KIND.get(k, k): n for k, n in summary["deadline_kinds"].items()}, "任务数")
chart(middle, "问题整改状态", {ui.STATUS.get(k, k): n for k, n in summary["status"].items()}, "问题数")
chart(right, "承担任务最多的单位", {row["unit"]: row["items"] for row in summary["units"][:10]}, "任务数",
      horizontal=True)


def documents_table(_) -> pd.DataFrame:
    titles = ui.document_titles(documents)
    return pd.DataFrame([{"标题": titles[d["doc"]], "文号": d["doc_no"], "类型": d["kind"], "辖区": d["jurisdiction"],
                          "问题": d["problems"], "任务": d["tasks"], "有责任单位的任务": d["owned_tasks"],
                          "单位": d["units"]} for d in summary["documents"]])


st.subheader("文件")
st.dataframe(ui.cached("overview_documents", documents_table), hide_index=True)  # 100k rows: made once per store version
