"""导入: upload documents, preview what zeren reads in them, then add them to the store."""
from __future__ import annotations

import hashlib
import tempfile
from dataclasses import replace
from pathlib import Path

import pandas as pd
import streamlit as st

import ui
from graph.store import StoreError, open_store
from loaders.extract import extract_file
from loaders.readers import SUPPORTED_SUFFIXES
from loaders.readers.common import max_file_bytes
from loaders.source import UnreadableDocument
import queries

st.title("导入")
try:
    limit = f"每个文件不超过 {max_file_bytes() // 2**20} MB"
except ValueError as exc:          # a bad ZEREN_MAX_FILE_MB: say so, as the loader would
    limit = str(exc)
st.caption("支持 " + "、".join(sorted(s.lstrip(".") for s in SUPPORTED_SUFFIXES)) + f"；{limit}；编码自动识别，繁体自动转换。")
uploads = st.file_uploader("选择文件", accept_multiple_files=True, type=[s.lstrip(".") for s in SUPPORTED_SUFFIXES])
if not uploads:
    st.stop()



def read_upload(name: str, data: bytes) -> tuple:
    """("ok", source, extraction) or ("failed", message) for one uploaded file. The bytes are written under a
    short, unique name in a temporary folder that is removed at once; the original name is kept as the
    document's path, prefixed with the content's hash so two files of one name stay two documents."""
    digest = hashlib.sha256(data).hexdigest()
    suffix = Path(name).suffix.lower()[:10]
    with tempfile.TemporaryDirectory(prefix="zeren-upload-") as folder:
        path = Path(folder) / f"{digest[:16]}{suffix}"
        path.write_bytes(data)
        try:
            src, extraction = extract_file(str(path))
        except UnreadableDocument as exc:
            return ("failed", f"无法读取（{exc.reason}）")
        except Exception as exc:  # an extractor bug on one file must not hide the others
            return ("failed", f"无法解析：{type(exc).__name__}")
    shown = f"上传/{digest[:12]}/{Path(name).name}"
    extraction["document"]["path"] = shown
    return ("ok", replace(src, path=shown), extraction)


# Each file is read once per content for the session: a rerun of the page does not extract it again.
cache = st.session_state.setdefault("upload_reads", {})
extracted, failed = [], []
for upload in uploads:
    data = upload.getvalue()
    key = hashlib.sha256(data).hexdigest()
    if key not in cache:
        cache[key] = read_upload(upload.name, data)
    outcome = cache[key]
    if outcome[0] == "ok":
        extracted.append((upload.name, *outcome[1:]))
    else:
        failed.append((upload.name, outcome[1]))

for name, message in failed:
    st.error(f"{ui.literal(name)}：{message}")      # a file name is data: never Markdown
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
            queries.after_writing(store)
    except StoreError as exc:
        st.error(f"写入失败：{ui.literal(str(exc))}")
        st.stop()
    words = {"added": "已加入", "replaced": "已更新", "unchanged": "已存在，未改动"}
    st.success("完成：" + "；".join(f"{ui.literal(name)} {words[status]}" for name, status in results))
