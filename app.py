"""zeren's web app (Chinese UI): ``streamlit run app.py``; the store is $ZEREN_STORE, or Neo4j with
ZEREN_BACKEND=neo4j. This file only routes; each page is a module of pages/, and ui.py holds what they share.
"""
from __future__ import annotations

import streamlit as st

st.set_page_config(page_title="zeren 责任图谱", layout="wide")
# Streamlit's own English words, said in Chinese or left out (fixed CSS, no document text in it): the
# "Press Enter to apply" hint, the uploader's "Upload" button and "200MB per file • …" line (the 导入 page
# states zeren's own limit in Chinese), and a multiselect's "Select all".
st.html("""<style>
[data-testid="InputInstructions"] { display: none; }
[data-testid="stFileUploaderDropzone"] button [data-testid="stMarkdownContainer"] p { font-size: 0; }
[data-testid="stFileUploaderDropzone"] button [data-testid="stMarkdownContainer"] p::after { content: "选择文件";
  font-size: 14px; }
[data-testid="stFileUploaderDropzoneInstructions"] span { font-size: 0; }
[data-testid="stFileUploaderDropzoneInstructions"] span::after { content: "拖放文件到这里，或点“选择文件”"; font-size: 14px; }
[data-key="__select_all__"] [data-item-hl] { font-size: 0; }
[data-key="__select_all__"] [data-item-hl]::after { content: "全选"; font-size: 14px; }
</style>""")

PAGES = [
    st.Page("pages/overview.py", title="总览", url_path="overview", default=True),
    st.Page("pages/gaps.py", title="问题清单", url_path="gaps"),
    st.Page("pages/units.py", title="单位", url_path="units"),
    st.Page("pages/chain.py", title="问题链", url_path="chain"),
    st.Page("pages/overlap.py", title="交叉重叠", url_path="overlap"),
    st.Page("pages/timeline.py", title="时间线", url_path="timeline"),
    st.Page("pages/evidence.py", title="原文", url_path="evidence"),
    st.Page("pages/upload.py", title="导入", url_path="upload"),
    st.Page("pages/export.py", title="导出", url_path="export"),
    st.Page("pages/finding.py", title="线索", url_path="finding", visibility="hidden"),   # opened from 问题清单
]
st.navigation(PAGES).run()
