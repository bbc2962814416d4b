"""导出: the 台账 (one row per task) as Excel or CSV, and the graph as GraphML, for the chosen documents."""
from __future__ import annotations

import io
import tempfile
from pathlib import Path

import pandas as pd
import streamlit as st

import ui
from queries import export

LEDGER_MOST = 100_000

st.title("导出")
view, documents = ui.store_data()
ui.require_documents(documents)
titles = ui.document_titles(documents)
chosen = st.multiselect("文件（不选即全部）", list(titles), format_func=lambda d: titles[d], placeholder="全部文件",
                        key=ui.seed("export-docs", [d for d in ui.param("docs").split(",") if d in titles]))
in_place = ui.place_filter((d.get("jurisdiction") for d in documents), key="place")
ui.keep_in_link(docs=",".join(chosen))
place_of = ui.places_of(documents)
selected = [doc for doc in titles if (not chosen or doc in chosen) and in_place(place_of.get(doc))]
# A 台账 past what one sheet (and one download) holds is exported in parts: by file or by place.
work_per_doc = ui.cached("work_per_doc", lambda v: dict(zip(v.columns.documents,
                                                             v.columns.per_document(v.columns.work).tolist())))
expected = sum(work_per_doc.get(doc, 0) for doc in selected)
if expected > LEDGER_MOST:
    st.info(f"所选 {len(selected)} 个文件共有约 {expected} 项任务，超过一次导出的上限（{LEDGER_MOST} 行）。"
            "请先选择文件或辖区，分批导出。")
    st.stop()
rows = ui.cached(("ledger", tuple(selected)), lambda v: export.ledger(v, ui.document_text, selected))
st.caption(f"{len(rows)} 行（预览前200行）")
preview = ("number", "document", "label", "task", "lead", "responsible", "persons", "deadline", "status", "where")
if rows:
    st.dataframe(pd.DataFrame([dict(zip(export.COLUMNS.values(), export.sheet_values(row, n)))
                               for n, row in enumerate(rows[:200], 1)])[[export.COLUMNS[k] for k in preview]],
                 hide_index=True)
else:
    st.info("按上面的条件，台账没有任何行。")


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
    # the chosen documents' own nodes, and the units, deadlines and policies they name; or everything
    subgraph = ui.documents_graph(set(selected)) if (chosen or ui.param("place0")) else ui.whole_graph()
    with tempfile.TemporaryDirectory() as folder:
        export.write_graphml(subgraph, Path(folder) / "graph.graphml")
        return (Path(folder) / "graph.graphml").read_bytes()


columns = st.columns(3)
columns[0].download_button("下载台账（xlsx）", ledger_xlsx, "zeren-台账.xlsx",
                           "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
columns[1].download_button("下载台账（csv）", ledger_csv, "zeren-台账.csv", "text/csv")
columns[2].download_button("下载图谱（graphml，供图分析软件）", graph_graphml, "zeren.graphml", "application/xml")
