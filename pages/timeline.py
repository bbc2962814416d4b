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


def dated_tasks(view) -> pd.DataFrame:
    """Every owned task with a date, once per store version; only the 状态 column depends on the day."""
    rows = []
    for item in view.work_items:
        kind, due, _ = view.deadline(item)
        if kind != "date" or not due:
            continue
        data = view.data[item]
        rows.append({"月份": due[:7], "截止日期": due, "done": data.get("status") == "done",
                     "文件": ui.short(titles.get(data["doc"]), 24), "位置": view.label(item),
                     "责任单位": "、".join(sorted({o.name for o in view.effective_owners(item)})),
                     "任务": ui.short(data.get("text"), 80)})
    return pd.DataFrame(rows)


frame = ui.cached("dated_tasks", dated_tasks)
if frame.empty:
    st.info("没有带具体截止日期的任务。")
    st.stop()
overdue = (frame["截止日期"] < as_of.isoformat()) & ~frame["done"]
state = overdue.map({True: "已逾期", False: "未到期"}).where(~frame["done"], "已完成")
frame = frame.drop(columns="done").assign(状态=state).sort_values("截止日期", kind="stable")
frame = frame[["月份", "截止日期", "状态", "文件", "位置", "责任单位", "任务"]]
# Counted here, not by the chart: the chart then carries a few rows per month, not every task.
counts = frame.groupby(["月份", "状态"]).size().reset_index(name="任务数")
chart = alt.Chart(counts).mark_bar().encode(
    x=alt.X("月份:O", title="截止月份"), y=alt.Y("任务数:Q", title="任务数"),
    color=alt.Color("状态:N", scale=alt.Scale(domain=["已逾期", "未到期", "已完成"], range=["#d9534f", "#f0ad4e", "#5cb85c"])),
    tooltip=["月份", "状态", "任务数"])
st.altair_chart(chart, width="stretch")
st.metric("已逾期", int((frame["状态"] == "已逾期").sum()))
st.dataframe(frame, hide_index=True)
