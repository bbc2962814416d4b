"""原文: a source document with the cited span marked. Which span comes from the link (query parameters)."""
from __future__ import annotations

import streamlit as st

import ui

st.title("原文")
view, documents = ui.store_data()
ui.require_documents(documents)
titles = ui.document_titles(documents)
params = st.query_params
ids = list(titles)
doc = st.selectbox("文件", ids, index=ids.index(params["doc"]) if params.get("doc") in ids else 0,
                   format_func=lambda d: titles[d], placeholder="请选择")
text = ui.document_text(doc)
props = view.data[doc] if doc in view.data else {}
if props.get("ocr_confidence") is not None:
    # a scan's text is what OCR read: the inspector should check quotes against the page image
    st.warning(f"本文件为扫描件，文字由OCR识别（平均置信度 {props['ocr_confidence']:.0%}），引用前请核对原件。")


def number(name: str, default: int) -> int:
    try:
        return min(max(int(params.get(name, default)), 0), len(text))
    except ValueError:
        return default


start = number("start", 0) if params.get("doc") == doc else 0
end = number("end", 0) if params.get("doc") == doc else 0
if end > start:
    st.caption(f"{ui.where(doc, start, titles)}（标黄处）")
    st.html(ui.evidence_html(text, start, end))
    with st.expander("全文"):
        st.text(text)
else:
    st.text(text)
