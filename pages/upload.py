"""导入: upload documents, preview what zeren reads in them, then add them to the store."""
from __future__ import annotations

import tempfile
from pathlib import Path

import pandas as pd
import streamlit as st

import ui
from graph.store import StoreError, open_store
from loaders.extract import extract_file
from loaders.readers import SUPPORTED_SUFFIXES
from loaders.source import UnreadableDocument

st.title("导入")
st.caption("支持 " + "、".join(sorted(s.lstrip(".") for s in SUPPORTED_SUFFIXES)) + "；编码自动识别，繁体自动转换。")
uploads = st.file_uploader("选择文件", accept_multiple_files=True, type=[s.lstrip(".") for s in SUPPORTED_SUFFIXES])
if not uploads:
    st.stop()

# Kept for the session: the uploaded bytes live in one temporary folder, under their own (sanitised) names.
folder = Path(st.session_state.setdefault("upload_dir", tempfile.mkdtemp(prefix="zeren-upload-")))
extracted, failed = [], []
for upload in uploads:
    path = folder / Path(upload.name).name  # a name is never a path: no ../ escapes the folder
    path.write_bytes(upload.getvalue())
    try:
        extracted.append((upload.name, *extract_file(str(path))))
    except UnreadableDocument as exc:
        failed.append((upload.name, f"无法读取（{exc.reason}）"))  # the name is shown once, before it
    except Exception as exc:  # an extractor bug on one file must not hide the others
        failed.append((upload.name, f"无法解析：{type(exc).__name__}"))

for name, message in failed:
    st.error(f"{name}：{message}")
if not extracted:
    st.stop()

st.subheader("预览")
preview = []
for name, src, extraction in extracted:
    items = extraction["items"]
    preview.append({"文件": name, "标题": extraction["document"].get("title"), "文号": extraction["document"].get("doc_no") or "",
                    "问题": sum(i["kind"] == "problem" for i in items), "任务": sum(i["kind"] == "task" for i in items),
                    "有牵头单位": sum(bool(i["lead"]) for i in items),
                    "单位": len({u["name"] for i in items for u in i["lead"] + i["responsible"]})})
st.dataframe(pd.DataFrame(preview), hide_index=True)
with st.expander("任务明细"):
    for name, src, extraction in extracted:
        st.text(name)
        st.dataframe(pd.DataFrame([{"编号": i["number"], "类型": i["kind"],
                                    "牵头": "、".join(u["mention"] for u in i["lead"]),
                                    "责任/配合": "、".join(u["mention"] for u in i["responsible"]),
                                    "时限": (i.get("deadline") or {}).get("raw"), "内容": ui.short(i["text"], 60)}
                                   for i in extraction["items"]]), hide_index=True)

if st.button(f"加入数据库（{len(extracted)}个文件）", type="primary"):
    bar = st.progress(0.0, text="正在写入…")
    results = []
    try:
        with open_store(ui.location()) as store:
            for number, (name, src, extraction) in enumerate(extracted, 1):
                results.append((name, store.load(src, extraction).status))
                bar.progress(number / len(extracted), text=f"{number}/{len(extracted)}")
    except StoreError as exc:
        st.error(f"写入失败：{exc}")
        st.stop()
    words = {"added": "已加入", "replaced": "已更新", "unchanged": "已存在，未改动"}
    st.success("完成：" + "；".join(f"{name} {words[status]}" for name, status in results))
