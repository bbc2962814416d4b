"""交叉重叠: which units are named on the same tasks, as a unit × unit heatmap and a table of pairs."""
from __future__ import annotations

import altair as alt
import pandas as pd
import streamlit as st

import queries
import ui

st.title("交叉重叠")
graph, view, documents = ui.store_data()
ui.require_documents(documents)
MOST_UNITS = 40
top = st.slider("显示共同任务最多的单位数", 5, MOST_UNITS, 20)
# Computed once for the most units the slider offers: the matrix's units are ranked, so the first ``top``
# of them and their counts are the matrix for ``top``; moving the slider recomputes nothing.
result = ui.cached("overlap", lambda v: queries.overlap(v, top=MOST_UNITS))
units = result["matrix"]["units"][:top]
counts = result["matrix"]["counts"]
cells = pd.DataFrame([{"单位A": a, "单位B": b, "共同任务": counts[i][j]}
                      for i, a in enumerate(units) for j, b in enumerate(units)])
if cells.empty:
    st.info("没有两个单位共同承担同一任务。")
    st.stop()
order = units
heatmap = alt.Chart(cells).mark_rect().encode(
    x=alt.X("单位A:N", sort=order, axis=alt.Axis(labelLimit=160)),
    y=alt.Y("单位B:N", sort=order, axis=alt.Axis(labelLimit=160)),
    color=alt.Color("共同任务:Q", scale=alt.Scale(scheme="orangered")),
    tooltip=["单位A", "单位B", "共同任务"]).properties(height=28 * len(order) + 60)
st.altair_chart(heatmap, width="stretch")

st.subheader("单位两两组合")
st.dataframe(pd.DataFrame([{"单位A": p["a"], "单位B": p["b"], "共同任务": p["shared"], "Jaccard": p["jaccard"]}
                           for p in result["pairs"][:500]]), hide_index=True)
if result["dual_role"]:
    st.subheader("同一单位既牵头又负责")
    st.dataframe(pd.DataFrame([{"位置": f["item"]["label"], "单位": "、".join(f["units"]),
                                "任务": ui.short(f["item"]["text"], 80)} for f in result["dual_role"]]), hide_index=True)
