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
controls = st.columns([1, 3])
as_of = controls[0].date_input("判断日期", value=date.today())
chosen_docs = controls[1].multiselect("文件", list(titles), placeholder="全部文件", format_func=lambda d: ui.short(titles[d], 40),
                                      key=ui.seed("timeline-docs", [d for d in ui.param("docs").split(",") if d in titles]))
in_place = ui.place_filter((d.get("jurisdiction") for d in documents), key="place")
ui.keep_in_link(docs=",".join(chosen_docs))


def dated_tasks(view) -> pd.DataFrame:
    """Every owned task with a date, once per store version; only the 状态 column depends on the day."""
    rows = []
    for item in view.work_items:
        kind, due, _ = view.deadline(item)
        if kind != "date" or not due:
            continue
        data = view.data[item]
        rows.append({"月份": due[:7], "截止日期": due, "done": data.get("status") == "done", "doc": data["doc"],
                     "文件": ui.short(titles.get(data["doc"]), 24), "位置": view.label(item),
                     "责任单位": "、".join(sorted({o.name for o in view.effective_owners(item)})),
                     "任务": ui.short(data.get("text"), 80)})
    return pd.DataFrame(rows)


frame = ui.cached("dated_tasks", dated_tasks)
if not frame.empty and (chosen_docs or ui.param("place0")):
    place_of = ui.places_of(documents)
    frame = frame[[(not chosen_docs or doc in chosen_docs) and in_place(place_of.get(doc)) for doc in frame["doc"]]]
if frame.empty:
    st.info("没有带具体截止日期的任务。")
    st.stop()
overdue = (frame["截止日期"] < as_of.isoformat()) & ~frame["done"]
state = overdue.map({True: "已逾期", False: "未到期"}).where(~frame["done"], "已完成")
frame = frame.drop(columns=["done", "doc"]).assign(状态=state).sort_values("截止日期", kind="stable")
frame = frame[["月份", "截止日期", "状态", "文件", "位置", "责任单位", "任务"]]
# Counted here, not by the chart: the chart then carries a few rows per month, not every task. The month is a
# date, so months sit on a real time axis (a gap of a year looks like one).
counts = frame.groupby(["月份", "状态"]).size().reset_index(name="任务数")
counts["月"] = pd.to_datetime(counts["月份"] + "-01", errors="coerce")
counts = counts.dropna(subset=["月"])
chart = alt.Chart(counts).mark_bar(size=14).encode(
    x=alt.X("月:T", title="截止月份", timeUnit="yearmonth", axis=alt.Axis(format="%Y-%m")),
    y=alt.Y("任务数:Q", title="任务数"),
    color=alt.Color("状态:N", scale=alt.Scale(domain=["已逾期", "未到期", "已完成"], range=["#d9534f", "#f0ad4e", "#5cb85c"])),
    tooltip=["月份", "状态", "任务数"]).add_params(alt.selection_point(name="bar", fields=["月份", "状态"]))
picked = st.altair_chart(chart, width="stretch", on_select="rerun", key="timeline")
bar = (picked.selection.get("bar") or [{}])[0] if picked else {}
st.metric("已逾期（到期且未见完成报告）", int((frame["状态"] == "已逾期").sum()))
if bar.get("月份"):
    frame = frame[(frame["月份"] == bar["月份"]) & (frame["状态"] == bar.get("状态", frame["状态"]))]
    st.caption(f"{bar['月份']} · {bar.get('状态', '')}：{len(frame)} 项（再次点击条形取消）")
else:
    st.caption("点击条形，只看该月该状态的任务。")
st.dataframe(frame, hide_index=True)
