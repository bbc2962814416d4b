"""时间线: dated tasks by the month they are due; overdue (not reported done) in red."""
from __future__ import annotations

from datetime import date

import altair as alt
import pandas as pd
import streamlit as st

import ui

st.title("时间线")
graph, view, documents = ui.store_data()
ui.require_documents(documents)
titles = ui.document_titles(documents)
as_of = st.date_input("判断日期", value=date.today())
rows = []
for item in view.work_items:
    kind, due, _ = view.deadline(item)
    if kind != "date" or not due:
        continue
    status = graph.nodes[item].get("status")
    overdue = due < as_of.isoformat() and status != "done"
    rows.append({"月份": due[:7], "截止日期": due, "状态": "已逾期" if overdue else ("已完成" if status == "done" else "未到期"),
                 "文件": ui.short(titles.get(graph.nodes[item]["doc"]), 24), "位置": view.label(item),
                 "责任单位": "、".join(sorted({o.name for o in view.effective_owners(item)})),
                 "任务": ui.short(graph.nodes[item].get("text"), 80)})
if not rows:
    st.info("没有带具体截止日期的任务。")
    st.stop()
frame = pd.DataFrame(rows).sort_values("截止日期")
chart = alt.Chart(frame).mark_bar().encode(
    x=alt.X("月份:O", title="截止月份"), y=alt.Y("count():Q", title="任务数"),
    color=alt.Color("状态:N", scale=alt.Scale(domain=["已逾期", "未到期", "已完成"], range=["#d9534f", "#f0ad4e", "#5cb85c"])),
    tooltip=["月份", "状态", "count()"])
st.altair_chart(chart, width="stretch")
st.metric("已逾期", int((frame["状态"] == "已逾期").sum()))
st.dataframe(frame, hide_index=True)
