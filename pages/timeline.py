"""时间线: dated tasks by the month they are due; overdue (not reported done) in red."""
from __future__ import annotations

from datetime import date

import altair as alt
import numpy as np
import pandas as pd
import streamlit as st

import ui
from queries.columns import DATED, NO_DATE

EPOCH = date(1970, 1, 1).toordinal()     # numpy's day 0

st.title("时间线")
view, documents = ui.store_data()
ui.require_documents(documents)
titles = ui.document_titles(documents)
controls = st.columns([1, 3])
as_of = controls[0].date_input("判断日期", value=date.today())
chosen_docs = controls[1].multiselect("文件", list(titles), placeholder="全部文件", format_func=lambda d: ui.short(titles[d], 40),
                                      key=ui.seed("timeline-docs", [d for d in ui.param("docs").split(",") if d in titles]))
in_place = ui.place_filter((d.get("jurisdiction") for d in documents), key="place")
ui.keep_in_link(docs=",".join(chosen_docs))


SHOWN = 300        # rows of the table: the counts and the chart cover every task


def dated_tasks(view) -> dict[str, np.ndarray]:
    """Every owned task with a date (its own or its block's), from the columns, once per store version, by
    date: its row, due day (numpy's day number), month, whether reported done, and document (a position in
    the columns' documents). Only the state depends on the day chosen."""
    c = view.columns
    work = c.work
    dated = work[(c.deadline_kind[work] == DATED) & (c.deadline_day[work] != NO_DATE)]
    order = np.argsort(c.deadline_day[dated], kind="stable")
    dated = dated[order]
    day = (c.deadline_day[dated].astype(np.int64) - EPOCH).astype("datetime64[D]")
    return {"row": dated, "day": day, "month": day.astype("datetime64[M]"), "done": c.done[dated],
            "doc": c.doc[dated]}


def details(view, rows: list[int]) -> pd.DataFrame:
    """文件, 位置, 责任单位 and 任务 of the rows shown (read a document at a time)."""
    items = [view.columns.ids[row] for row in rows]
    view.prefetch(items)
    return pd.DataFrame([{"文件": ui.short(titles.get(view.data[item]["doc"]), 24), "位置": view.label(item),
                          "责任单位": "、".join(sorted({o.name for o in view.effective_owners(item)})),
                          "任务": ui.short(view.data[item].get("text"), 80)} for item in items],
                        columns=["文件", "位置", "责任单位", "任务"])


def _grouped(month: np.ndarray, state: np.ndarray):
    """(month, state, count) of each (month, state) that has tasks, by month and then state."""
    key = month.astype(np.int64) * 3 + state
    found, counted = np.unique(key, return_counts=True)
    return (found // 3).astype("datetime64[M]"), found % 3, counted


STATES = np.array(["已逾期", "未到期", "已完成"])
tasks = ui.cached("dated_tasks", dated_tasks)
kept = np.ones(len(tasks["row"]), bool)
if chosen_docs or ui.param("place0"):
    kept = ui.documents_kept(view, documents, chosen_docs, in_place)[tasks["doc"]]
if not kept.any():
    st.info("没有带具体截止日期的任务。")
    st.stop()
day, month, done, rows = (tasks[key][kept] for key in ("day", "month", "done", "row"))
state = np.where(done, 2, np.where(day < np.datetime64(as_of.isoformat()), 0, 1))
# Counted here, not by the chart: the chart then carries a few rows per month, not every task. The month is a
# date, so months sit on a real time axis (a gap of a year looks like one).
months, states, counted = _grouped(month, state)
counts = pd.DataFrame({"月份": np.datetime_as_string(months, unit="M"), "状态": STATES[states], "任务数": counted})
counts["月"] = pd.to_datetime(counts["月份"] + "-01", errors="coerce")
counts = counts.dropna(subset=["月"])
chart = alt.Chart(counts).mark_bar(size=14).encode(
    x=alt.X("月:T", title="截止月份", timeUnit="yearmonth", axis=alt.Axis(format="%Y-%m")),
    y=alt.Y("任务数:Q", title="任务数"),
    color=alt.Color("状态:N", scale=alt.Scale(domain=["已逾期", "未到期", "已完成"], range=["#d9534f", "#f0ad4e", "#5cb85c"])),
    tooltip=["月份", "状态", "任务数"]).add_params(alt.selection_point(name="bar", fields=["月份", "状态"]))
picked = st.altair_chart(chart, width="stretch", on_select="rerun", key="timeline")
bar = (picked.selection.get("bar") or [{}])[0] if picked else {}
st.metric("已逾期（到期且未见完成报告）", int((state == 0).sum()))
chosen = np.ones(len(rows), bool)
if bar.get("月份"):
    chosen = month == np.datetime64(bar["月份"], "M")
    if bar.get("状态") in STATES:
        chosen &= state == int(np.flatnonzero(STATES == bar["状态"])[0])
    st.caption(f"{bar['月份']} · {bar.get('状态', '')}：{int(chosen.sum())} 项（再次点击条形取消）")
else:
    st.caption("点击条形，只看该月该状态的任务。")
listed = np.flatnonzero(chosen)
if len(listed) > SHOWN:
    st.caption(f"共 {len(listed)} 项，表中列出截止日期最早的 {SHOWN} 项。")
listed = listed[:SHOWN]
shown = pd.DataFrame({"月份": np.datetime_as_string(month[listed], unit="M"),
                      "截止日期": np.datetime_as_string(day[listed], unit="D"), "状态": STATES[state[listed]]})
st.dataframe(pd.concat([shown, details(view, rows[listed].tolist())], axis=1), hide_index=True)
