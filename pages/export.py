"""导出: the 台账 (one row per task) as Excel or CSV, and the graph as GraphML, for the chosen documents."""
from __future__ import annotations

import io
import tempfile
from pathlib import Path

import pandas as pd
import streamlit as st

import ui
from queries import export

st.title("导出")
graph, view, documents = ui.store_data()
ui.require_documents(documents)
titles = ui.document_titles(documents)
chosen = st.multiselect("文件（不选即全部）", list(titles), format_func=lambda d: titles[d], placeholder="全部文件")
rows = [row for row in ui.cached("ledger", export.ledger) if not chosen or row["doc"] in chosen]
st.caption(f"{len(rows)} 行")
st.dataframe(pd.DataFrame([{export.COLUMNS[k]: row[k] for k in ("document", "label", "task", "lead", "responsible",
                                                                 "deadline", "status")} for row in rows[:200]]),
             hide_index=True)


# Each file is written when its button is clicked, not on every rerun of the page.
def ledger_xlsx() -> bytes:
    workbook = io.BytesIO()
    export.write_xlsx(rows, workbook)
    return workbook.getvalue()


def ledger_csv() -> bytes:
    with tempfile.TemporaryDirectory() as folder:
        export.write_csv(rows, Path(folder) / "ledger.csv")
        return (Path(folder) / "ledger.csv").read_bytes()


def graph_graphml() -> bytes:
    if chosen:  # the chosen documents' own nodes, and the units, deadlines and policies they name
        own = {n for n, d in graph.nodes(data=True) if d.get("doc") in chosen and d["type"] in ui.OWNED_TYPES}
        keep = own | {m for n in own for m in (*graph.successors(n), *graph.predecessors(n))}
        subgraph = graph.subgraph(keep)
    else:
        subgraph = graph
    with tempfile.TemporaryDirectory() as folder:
        export.write_graphml(subgraph, Path(folder) / "graph.graphml")
        return (Path(folder) / "graph.graphml").read_bytes()


columns = st.columns(3)
columns[0].download_button("台账 Excel", ledger_xlsx, "zeren-台账.xlsx",
                           "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
columns[1].download_button("台账 CSV", ledger_csv, "zeren-台账.csv", "text/csv")
columns[2].download_button("图谱 GraphML", graph_graphml, "zeren.graphml", "application/xml")
