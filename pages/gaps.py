"""问题清单: one table per rule, filtered by document, jurisdiction, unit and date; a row opens its evidence."""
from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd
import streamlit as st

import ui

MOST_ROWS = 5000  # a table an inspector scrolls; past this, the filters narrow it

st.title("问题清单")
graph, view, documents = ui.store_data()
ui.require_documents(documents)
titles = ui.document_titles(documents)

rules = list(ui.RULES)
wanted = st.query_params.get("rule")
rule = st.selectbox("问题类型", rules, index=rules.index(wanted) if wanted in rules else 0,
                    format_func=lambda r: ui.RULES[r], placeholder="请选择")
columns = st.columns(4)
as_of = columns[0].date_input("判断日期", value=date.today())
chosen_docs = columns[1].multiselect("文件", list(titles), format_func=lambda d: ui.short(titles[d], 30),
                                     placeholder="全部文件")
places = sorted({d.get("jurisdiction") for d in documents if d.get("jurisdiction")})
chosen_places = columns[2].multiselect("辖区", places, placeholder="全部辖区")
unit_text = columns[3].text_input("单位（名称中包含）")

found = ui.gap_findings(as_of)[rule]
place_of = {d["doc_id"]: d.get("jurisdiction") for d in documents}
if chosen_docs or chosen_places:
    # by the rule's document column: a rule with 900,000 findings makes none of them to narrow them
    kept = np.array([(not chosen_docs or doc in chosen_docs)
                     and (not chosen_places or place_of.get(doc) in chosen_places) for doc in view.columns.documents])
    found = found.in_documents(kept)
if unit_text:  # only the documents where some owner is so named have findings naming one
    found = found.in_documents(view.columns.documents_naming(unit_text))
    found = [f for f in found if any(unit_text in name for name in f["units"])]

shown = found[:MOST_ROWS]  # findings are made when read: a rule with 900,000 makes only the rows shown
st.caption(f"共 {len(found)} 条" + (f"，显示前 {MOST_ROWS} 条；可按文件、辖区或单位筛选" if len(found) > MOST_ROWS else ""))
rows = pd.DataFrame([{"文件": ui.short(titles.get(f["item"]["doc"]), 24), "位置": f["item"].get("label"),
                      "单位": "、".join(f["units"]), "说明": ui.describe(f), "原文": ui.short(f["item"].get("text"), 80)}
                     for f in shown], columns=["文件", "位置", "单位", "说明", "原文"])
picked = st.dataframe(rows, hide_index=True, on_select="rerun", selection_mode="single-row", key=f"table-{rule}")

chosen = picked.selection.rows if picked else []
if chosen:
    finding = shown[chosen[0]]
    st.subheader("证据")
    for number, proof in enumerate(finding["evidence"][:20]):
        text = ui.document_text(proof["doc"])
        start, end = proof["span"]
        with st.container(border=True):
            st.text(f"{ui.short(titles.get(proof['doc']), 30)} · 第{start}–{end}字 · {proof['what']}")
            st.text(ui.short(text[start:end], 400))
            st.page_link("pages/evidence.py", label="在原文中查看",
                         query_params={"doc": proof["doc"], "start": str(start), "end": str(end)})
elif found:
    st.caption("点选一行查看证据。")
