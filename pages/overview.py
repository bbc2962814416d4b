"""总览: the store at a glance, gap counts by rule (each a link to its table), and where the load lies."""
from __future__ import annotations

from datetime import date

import altair as alt
import pandas as pd
import streamlit as st

import ui
from graph.schema import NODE_TYPES

st.title("zeren 责任图谱")
view, documents = ui.store_data()
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



def chart(column, caption: str, counts: dict, measure: str) -> None:
    with column:
        st.caption(caption)
        if counts:
            st.bar_chart(pd.DataFrame({measure: counts}))
        else:
            st.text("无")


left, right = st.columns(2)
chart(left, "时限类型（有责任单位的任务）",
      {ui.DEADLINE_KIND.get(k, k): n for k, n in summary["deadline_kinds"].items()}, "任务数")
chart(right, "问题整改状态", {ui.STATUS.get(k, k): n for k, n in summary["status"].items()}, "问题数")

st.subheader("承担任务最多的单位")
with_groups = st.toggle("包含集合称谓（各县区政府、相关部门等）", key=ui.seed("overview-groups", ui.param("groups") == "1"),
                        help="集合称谓不是单一责任主体，默认不参加排名。")
in_place = ui.place_filter((view.data[u].get("jurisdiction") for u in view.units), key="place")
ui.keep_in_link(groups="1" if with_groups else "")
carried = view.unit_work_counts
ranking = sorted(((view.data[u]["name"], carried.get(u, 0)) for u in view.units
                  if (with_groups or not view.data[u].get("collective")) and in_place(view.data[u].get("jurisdiction"))),
                 key=lambda pair: (-pair[1], pair[0]))[:15]
if ranking:
    bars = pd.DataFrame(ranking, columns=["单位", "任务数"])
    picked = st.altair_chart(
        alt.Chart(bars).mark_bar().encode(
            x=alt.X("任务数:Q"), y=alt.Y("单位:N", sort="-x", title=None, axis=alt.Axis(labelLimit=400)),
            tooltip=["单位", "任务数"]).add_params(alt.selection_point(name="unit", fields=["单位"]))
        .properties(height=26 * len(bars) + 30),
        width="stretch", on_select="rerun", key="units-chart")
    clicked = (picked.selection.get("unit") or [{}])[0].get("单位") if picked else None
    st.caption("点击条形查看该单位的任务。")
    if clicked:
        st.switch_page("pages/units.py", query_params={"q": clicked, "unit": clicked})
else:
    st.text("无")


def documents_table(_) -> pd.DataFrame:
    titles = ui.document_titles(documents)
    return pd.DataFrame([{"标题": titles[d["doc"]], "文号": d["doc_no"], "类型": d["kind"], "辖区": d["jurisdiction"],
                          "问题": d["problems"], "任务": d["tasks"], "有责任单位的任务": d["owned_tasks"],
                          "单位": d["units"]} for d in summary["documents"]])


st.subheader("文件")
st.dataframe(ui.cached("overview_documents", documents_table), hide_index=True)  # 100k rows: made once per store version
