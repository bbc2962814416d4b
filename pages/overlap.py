"""交叉重叠: which units are named on the same tasks, as a unit × unit heatmap and a table of pairs."""
from __future__ import annotations

import altair as alt
import numpy as np
import pandas as pd
import streamlit as st

import ui

st.title("交叉重叠")
view, documents = ui.store_data()
ui.require_documents(documents)
MOST_UNITS = ui.OVERLAP_UNITS
MOST_DUAL = 200       # rows of a pair's tasks or of one-unit-two-roles findings listed here (the 问题清单 page
                      # pages through all findings)
controls = st.columns([2, 1])
chosen_docs = controls[0].multiselect("文件", list(titles := ui.document_titles(documents)), placeholder="全部文件",
                                      format_func=lambda d: ui.short(titles[d], 40),
                                      key=ui.seed("overlap-docs", [d for d in ui.param("docs").split(",") if d in titles]))
top = controls[1].slider("显示共同任务最多的单位数", 5, MOST_UNITS,
                         key=ui.seed("overlap-top", min(MOST_UNITS, max(5, int(ui.param("top", "20")) if ui.param("top", "20").isdigit() else 20))))
with_groups = st.toggle("包含集合称谓（各县区政府、相关部门等）", key=ui.seed("overlap-groups", ui.param("groups") == "1"),
                        help="集合称谓不是单一责任主体，默认不参加两两组合。")
in_place = ui.place_filter((d.get("jurisdiction") for d in documents), key="place")
ui.keep_in_link(docs=",".join(chosen_docs), top="" if top == 20 else top, groups="1" if with_groups else "")
# Every pair once per store version; the filters then keep pairs (and their shared items) page-side.
result = ui.cached_overlap()
collective = ui.collective_names()
narrowing = bool(chosen_docs) or bool(ui.param("place0"))
kept_documents = ui.documents_kept(view, documents, chosen_docs, in_place)
pairs = []
for pair in result["pairs"]:
    if not with_groups and (pair["a"] in collective or pair["b"] in collective):
        continue
    if narrowing:
        items = pair["items"].in_documents(kept_documents)
        if not len(items):
            continue
        pair = dict(pair, shared=len(items), items=items)
    pairs.append(pair)
if not pairs:
    st.info("没有两个单位共同承担同一任务。")
    st.stop()
pairs.sort(key=lambda p: (-p["shared"], -p["jaccard"], p["a"], p["b"]))
weight: dict[str, int] = {}
for pair in pairs:
    for name in (pair["a"], pair["b"]):
        weight[name] = weight.get(name, 0) + pair["shared"]
units = sorted(weight, key=lambda name: (-weight[name], name))[:top]
shared = {(p["a"], p["b"]): p["shared"] for p in pairs}
cells = pd.DataFrame([{"单位A": a, "单位B": b, "共同任务": shared.get((a, b)) or shared.get((b, a)) or 0}
                      for a in units for b in units if a != b])
axis = alt.Axis(labelLimit=320, labelOverlap=False)     # every unit's whole name on its row
heatmap = alt.Chart(cells).mark_rect().encode(
    x=alt.X("单位A:N", sort=units, axis=alt.Axis(labelLimit=320, labelOverlap=False, labelAngle=-45), title=None),
    y=alt.Y("单位B:N", sort=units, axis=axis, title=None),
    color=alt.Color("共同任务:Q", scale=alt.Scale(scheme="orangered")),
    tooltip=["单位A", "单位B", "共同任务"]).add_params(alt.selection_point(name="cell", fields=["单位A", "单位B"])
).properties(height=22 * len(units) + 160)
clicked = st.altair_chart(heatmap, width="stretch", on_select="rerun", key="heatmap")
cell = (clicked.selection.get("cell") or [{}])[0] if clicked else {}
st.caption("点击一个格子，查看这两个单位共同承担的任务。")

if cell.get("单位A") and cell.get("单位B"):
    a, b = cell["单位A"], cell["单位B"]
    pair = next((p for p in pairs if {p["a"], p["b"]} == {a, b}), None)
    st.subheader(f"{a} 与 {b} 共同承担的任务")
    shared_items = pair["items"][:MOST_DUAL] if pair else []
    if pair and len(pair["items"]) > MOST_DUAL:
        st.caption(f"共 {len(pair['items'])} 项，列出前 {MOST_DUAL} 项。")
    view.prefetch(shared_items)
    st.dataframe(pd.DataFrame([{"文件": ui.short(titles.get(view.data[i]["doc"]), 30), "位置": view.label(i),
                                "任务": ui.short(view.data[i].get("text"), 100)} for i in shared_items]),
                 hide_index=True)

st.subheader("单位两两组合")
st.dataframe(pd.DataFrame([{"单位A": p["a"], "单位B": p["b"], "共同任务": p["shared"], "重合度": f"{p['jaccard']:.0%}"}
                           for p in pairs[:500]]), hide_index=True)
dual = result["dual_role"]
if chosen_docs:       # narrowed on the columns: only the findings listed are made
    dual = dual.in_documents(np.isin(np.asarray(view.columns.documents, object), chosen_docs))
if len(dual):
    st.subheader("同一单位既牵头又负责")
    if len(dual) > MOST_DUAL:
        st.caption(f"共 {len(dual)} 项，列出前 {MOST_DUAL} 项；全部见“问题清单”页。")
    st.dataframe(pd.DataFrame([{"位置": f["item"]["label"], "单位": "、".join(f["units"]),
                                "任务": ui.short(f["item"]["text"], 80)} for f in dual[:MOST_DUAL]]), hide_index=True)
