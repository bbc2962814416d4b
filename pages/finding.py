"""线索: one finding with its evidence, laid out to print whole (浏览器“打印”或另存为PDF): no sidebar, no
toolbar, no table to cut; each evidence card kept on one page."""
from __future__ import annotations

from datetime import date

import streamlit as st

import ui

# Our own fixed CSS (no document text in it): hide the app's chrome on paper, never split a card.
PRINT_CSS = """<style>
@media print {
  [data-testid="stSidebar"], [data-testid="stHeader"], [data-testid="stToolbar"], [data-testid="stDecoration"],
  [data-testid="stSidebarCollapsedControl"], .stPageLink, .stButton { display: none !important; }
  [data-testid="stMain"] { margin: 0 !important; padding: 0 !important; }
  [data-testid="stMainBlockContainer"] { padding-top: 0 !important; }
  [data-testid="stVerticalBlockBorderWrapper"], [data-testid="stElementContainer"] { break-inside: avoid; }
  h1 { font-size: 20px !important; padding: 0 0 4px 0 !important; }
  h3 { font-size: 15px !important; padding: 4px 0 !important; }
  [data-testid="stText"] { font-size: 11px !important; line-height: 1.4 !important; }
  [data-testid="stVerticalBlock"] { gap: 4px !important; }
  @page { size: A4; margin: 12mm; }
}
</style>"""

st.html(PRINT_CSS)
st.title("问题线索")
view, documents = ui.store_data()
ui.require_documents(documents)
titles = ui.document_titles(documents)
rule, item_id = ui.param("rule"), ui.param("item")
as_of = date.fromisoformat(ui.param("as_of")) if ui.param("as_of") else date.today()
findings = ui.gap_findings(as_of).get(rule) if rule in ui.RULES else None
finding = next((f for f in findings if (f["item"] or {}).get("id") == item_id), None) if findings is not None else None
if finding is None:
    st.info("请在“问题清单”中点选一条线索，再点“打印此条线索”。")
    st.stop()

item = finding["item"] or {}
due, persons = ui.item_facts(item_id)
with st.container(border=True):
    st.text(f"问题类型：{ui.RULES[rule]}")
    st.text(f"说明：{ui.describe(finding)}")
    st.text(f"文件：{titles.get(item.get('doc'), '')}")
    st.text(f"位置：{item.get('label') or ''}")
    st.text(f"单位：{'、'.join(finding['units']) or '未明确'}")
    if persons:
        st.text(f"责任领导：{persons}")
    st.text(f"完成时限：{due}　判断日期：{as_of.isoformat()}")
    st.text(f"内容：{item.get('text') or ''}")
st.subheader("证据")
ui.show_evidence(finding, titles, grouped=True)
