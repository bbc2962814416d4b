"""Document readers and text folding, on real files built in each test."""
from __future__ import annotations

import glob
import os
import shutil
import subprocess
import zipfile

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from loaders.readers import SUPPORTED_SUFFIXES, iter_documents, read_document
from loaders.source import UnreadableDocument
from loaders.textfold import _mapping, fold

SAMPLE = "（一）在干部作风方面，针对问题开展整治。\n牵头单位：市营商办\n责任单位：市纪委、市委组织部，各开发园区、镇区。"
TRADITIONAL = "（一）在幹部作風方面，針對問題開展整治。\n牽頭單位：市營商辦\n責任單位：市紀委、市委組織部，各開發園區、鎮區。"


def write(path, data: bytes):
    path.write_bytes(data)
    return str(path)


def unreadable(path) -> str:
    with pytest.raises(UnreadableDocument) as info:
        read_document(path)
    message = str(info.value)
    assert "\n" not in message and message.startswith(str(path) + ": ")
    return info.value.reason


# ------------------------------------------------------------------ fold


def test_fold_maps_full_width_spaces_and_script_in_place():
    text = "牽頭單位：市營商辦（ＡＢＣ１２３）\u3000\u00a0〔2023〕《關於》、“整改”‘回頭看’「台帳」"
    folded = fold(text)
    assert len(folded) == len(text)
    assert folded == "牵头单位:市营商办(ABC123)  〔2023〕《关于》、“整改”‘回头看’“台帐”"


def test_fold_keeps_parser_punctuation():
    kept = "〔〕《》、“”‘’。"
    assert fold(kept) == kept


def test_fold_is_identity_on_simplified_ascii():
    text = "责任单位: 市纪委 (2023) abc"
    assert fold(text) == text


def test_fold_handles_astral_characters():
    astral = [chr(cp) for cp in _mapping() if cp > 0xFFFF][:3]
    text = "幹" + "".join(astral) + "😀" + "辦"
    folded = fold(text)
    assert len(folded) == len(text)
    assert folded[0] == "干" and folded[-1] == "办" and folded[-2] == "😀"
    assert all(a != b for a, b in zip(astral, folded[1:4], strict=True))


CJKISH = st.text(alphabet=st.characters(min_codepoint=0x3000, max_codepoint=0xFFEF), max_size=200)


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(), CJKISH, st.text(alphabet=st.sampled_from(sorted(map(chr, _mapping()))))))
def test_fold_preserves_length_and_is_idempotent(text):
    folded = fold(text)
    assert len(folded) == len(text)
    assert fold(folded) == folded


# ------------------------------------------------------------------- txt


@pytest.mark.parametrize(
    "encoding, data, expected_encoding",
    [
        ("utf-8", SAMPLE.encode("utf-8"), "utf-8"),
        ("utf-8-bom", SAMPLE.encode("utf-8-sig"), "utf-8-sig"),
        ("gb18030", SAMPLE.encode("gb18030"), "gb18030"),
        ("utf-16-le-bom", SAMPLE.encode("utf-16"), "utf-16"),
        ("utf-16-be-bom", b"\xfe\xff" + SAMPLE.encode("utf-16-be"), "utf-16"),
    ],
)
def test_txt_encodings(tmp_path, encoding, data, expected_encoding):
    doc = read_document(write(tmp_path / f"{encoding}.txt", data))
    assert doc.text == SAMPLE  # BOM stripped
    assert doc.encoding == expected_encoding
    assert doc.format == "txt"
    assert doc.folded.startswith("(一)在干部作风方面,针对问题开展整治。")
    assert len(doc.sha256) == 64


def test_txt_short_gb_text_is_read_as_gb18030(tmp_path):
    # Detectors rank Big5 first for these two GBK-coded characters.
    doc = read_document(write(tmp_path / "short.txt", "整改".encode("gbk")))
    assert (doc.text, doc.encoding) == ("整改", "gb18030")


def test_txt_line_endings_are_normalised(tmp_path):
    data = "第一行\r\n第二行\r第三行\n".encode("gb18030")
    assert read_document(write(tmp_path / "crlf.txt", data)).text == "第一行\n第二行\n第三行\n"


def test_traditional_text_folds_to_simplified(tmp_path):
    doc = read_document(write(tmp_path / "trad.txt", TRADITIONAL.encode("utf-8")))
    assert doc.text == TRADITIONAL
    assert "牽頭單位：市營商辦" in doc.text
    assert "牵头单位:市营商办" in doc.folded
    assert "责任单位:市纪委、市委组织部,各开发园区、镇区。" in doc.folded
    assert len(doc.text) == len(doc.folded)


def test_sha256_is_of_raw_bytes(tmp_path):
    import hashlib

    data = SAMPLE.encode("utf-8-sig")
    assert read_document(write(tmp_path / "a.txt", data)).sha256 == hashlib.sha256(data).hexdigest()


# ------------------------------------------------------------------ html

PAGE = """<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<title>关于巡视整改进展情况的通报_某某市人民政府</title>
<meta name="ArticleTitle" content="关于巡视整改进展情况的通报">
<script>var tracker = "脚本内容不要";</script><style>.x{color:red}</style></head>
<body>
<div class="header"><nav><a href="/">首页</a> <a href="/zwgk">政务公开</a> <a href="/hd">互动交流</a></nav></div>
<div class="breadcrumb">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk">政务公开</a> &gt; 通知公告</div>
<div class="article">
<h1>关于巡视整改进展情况的通报</h1>
<div class="content">
<p>根据省委统一部署，省委第三巡视组对我市进行了常规巡视。现将整改进展情况通报如下。</p>
<p>（一）在干部作风方面，针对问题开展整治。</p>
<p>牵头单位：市营商办</p>
<p>责任单位：市纪委、市委组织部，各开发园区、镇区。</p>
<table><tr><th>整改任务</th><th>牵头单位</th><th>责任单位</th></tr>
<tr><td>加强作风<span>建设</span></td><td>市营商办</td><td>市纪委、市委组织部</td></tr></table>
{extra}
<p>欢迎广大干部群众对巡视整改落实情况进行监督。</p>
</div></div>
<div id="footer"><footer><p>Copyright © 2023 某某市人民政府 版权所有</p>
<p>网站标识码：4420000001 粤ICP备12345678号</p></footer></div>
</body></html>
"""
LONG_EXTRA = "\n".join(
    f"<p>{i}. 针对第{i}个问题，市营商办牵头，会同市纪委开展专项整治，建立长效机制，确保整改到位。</p>" for i in range(1, 7)
)


@pytest.mark.parametrize("extra", ["", LONG_EXTRA], ids=["short-page", "long-page"])
@pytest.mark.parametrize("encoding", ["gb18030", "utf-8"])
def test_html_keeps_article_and_drops_chrome(tmp_path, extra, encoding):
    html = PAGE.replace("{extra}", extra)
    if encoding == "utf-8":
        html = html.replace("charset=gb2312", "charset=utf-8")
    doc = read_document(write(tmp_path / "page.html", html.encode(encoding)))
    assert doc.format == "html" and doc.encoding == encoding
    text = doc.text
    lines = text.split("\n")
    assert text.endswith("\n")
    for line in SAMPLE.split("\n"):
        assert line in lines
    assert "整改任务\t牵头单位\t责任单位" in lines
    assert "加强作风建设\t市营商办\t市纪委、市委组织部" in lines
    assert lines.index("牵头单位：市营商办") < lines.index("加强作风建设\t市营商办\t市纪委、市委组织部")
    assert "关于巡视整改进展情况的通报" in lines[:3]
    for chrome in ["首页", "当前位置", "互动交流", "版权所有", "Copyright", "ICP", "脚本内容", "color:red"]:
        assert chrome not in text
    if extra:
        assert "6. 针对第6个问题，市营商办牵头，会同市纪委开展专项整治，建立长效机制，确保整改到位。" in lines


def test_htm_suffix_and_upper_case(tmp_path):
    html = "<html><body><p>牵头单位：市营商办</p><p>责任单位：市纪委</p></body></html>"
    doc = read_document(write(tmp_path / "PAGE.HTM", html.encode("utf-8")))
    assert doc.text == "牵头单位：市营商办\n责任单位：市纪委\n"


def test_html_layout_tables_keep_paragraphs(tmp_path):
    # Older government sites lay pages out with nested tables.
    html = """<html><head><meta charset="utf-8"></head><body>
<table width="100%"><tr><td class="nav">首页 | 政务公开</td></tr>
<tr><td><table><tr><td>
<p>关于巡视整改情况的通报</p>
<p>牵头单位：市营商办</p>
<table border="1"><tr><td>任务</td><td><p class=MsoNormal>牵头<b>单位</b></p></td></tr>
<tr><td>作风建设</td><td>市营商办<br>市纪委</td></tr></table>
</td></tr></table></td></tr>
<tr><td class="bottom">版权所有：某某市人民政府</td></tr></table>
</body></html>"""
    doc = read_document(write(tmp_path / "old.html", html.encode("utf-8")))
    assert doc.text == "关于巡视整改情况的通报\n牵头单位：市营商办\n任务\t牵头单位\n作风建设\t市营商办 市纪委\n"


def test_html_comments_and_deep_nesting(tmp_path):
    deep = "<div>" * 1500 + "<p>牵头单位：市<!-- 注释 -->营商办</p>" + "</div>" * 1500
    html = f"<html><body><nav>首页</nav>{deep}<p>责任单位：<b>市纪委</b>、市委组织部</p></body></html>"
    doc = read_document(write(tmp_path / "deep.html", html.encode("utf-8")))
    assert doc.text == "牵头单位：市营商办\n责任单位：市纪委、市委组织部\n"


# ------------------------------------------------------------------ docx


def make_docx(path):
    import docx

    d = docx.Document()
    d.add_paragraph("关于巡视整改的实施方案")
    d.add_paragraph("（一）在干部作风方面，针对问题开展整治。")
    table = d.add_table(rows=3, cols=3)
    rows = [
        ["整改任务", "牵头单位", "责任单位"],
        ["加强作风建设", "市营商办", "市纪委、市委组织部"],
        ["优化营商环境", "市发改局", "各开发园区、镇区"],
    ]
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    table.cell(2, 2).add_paragraph("市商务局")  # a second paragraph in one cell
    d.add_paragraph("（二）在基层治理方面。")
    d.save(str(path))
    return str(path)


def test_docx_paragraphs_and_tables_in_order(tmp_path):
    doc = read_document(make_docx(tmp_path / "plan.docx"))
    assert doc.format == "docx" and doc.encoding == "docx"
    assert doc.text.split("\n") == [
        "关于巡视整改的实施方案",
        "（一）在干部作风方面，针对问题开展整治。",
        "整改任务\t牵头单位\t责任单位",
        "加强作风建设\t市营商办\t市纪委、市委组织部",
        "优化营商环境\t市发改局\t各开发园区、镇区 市商务局",
        "（二）在基层治理方面。",
    ]
    assert "(一)在干部作风方面,针对问题开展整治。" in doc.folded


def test_docx_merged_cells_keep_columns_aligned(tmp_path):
    import docx

    d = docx.Document()
    table = d.add_table(rows=3, cols=3)
    for c, value in enumerate(["整改任务", "牵头单位", "责任单位"]):
        table.cell(0, c).text = value
    table.cell(1, 0).text = "任务一"
    table.cell(2, 0).text = "任务二"
    table.cell(1, 1).merge(table.cell(2, 1)).text = "市营商办"  # one lead unit for both rows
    table.cell(1, 2).text = "市纪委"
    table.cell(2, 2).text = "市委组织部"
    d.add_paragraph("附件：整改台账")
    row = d.add_table(rows=1, cols=3).rows[0]
    row.cells[0].text = "备注"
    row.cells[1].merge(row.cells[2]).text = "按期完成"
    d.save(str(tmp_path / "merged.docx"))
    assert read_document(str(tmp_path / "merged.docx")).text.split("\n") == [
        "整改任务\t牵头单位\t责任单位",
        "任务一\t市营商办\t市纪委",
        "任务二\t市营商办\t市委组织部",
        "附件：整改台账",
        "备注\t按期完成\t",
    ]


def test_docx_not_a_zip(tmp_path):
    reason = unreadable(write(tmp_path / "fake.docx", "这不是一个Word文件".encode("utf-8")))
    assert "not a zip" in reason


def test_docx_truncated(tmp_path):
    make_docx(tmp_path / "whole.docx")
    data = (tmp_path / "whole.docx").read_bytes()
    reason = unreadable(write(tmp_path / "cut.docx", data[: len(data) // 2]))
    assert "corrupt docx" in reason


def test_docx_with_broken_xml(tmp_path):
    import docx

    good = tmp_path / "good.docx"
    docx.Document().save(str(good))
    bad = tmp_path / "bad.docx"
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(bad, "w") as dst:
        for item in src.infolist():
            data = src.read(item)
            dst.writestr(item, b"<w:document><unclosed" if item.filename == "word/document.xml" else data)
    assert unreadable(str(bad)).startswith("corrupt docx: ")


def test_docx_without_document_xml(tmp_path):
    path = tmp_path / "nodoc.docx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
    assert "word/document.xml" in unreadable(str(path))


def test_docx_zip_bomb_is_refused(tmp_path):
    path = tmp_path / "bomb.docx"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1) as zf:
        zf.writestr("word/document.xml", "<w:document/>")
        with zf.open("word/media/zeros.bin", "w") as member:
            block = b"\0" * (1 << 20)
            for _ in range(201):
                member.write(block)
    assert os.path.getsize(path) < 2 * 1024 * 1024
    assert "too large when unpacked" in unreadable(str(path))


def test_docx_with_too_many_members_is_refused(tmp_path):
    path = tmp_path / "many.docx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("word/document.xml", "<w:document/>")
        for i in range(10_001):
            zf.writestr(f"m/{i}", b"")
    assert "too many members" in unreadable(str(path))


# ------------------------------------------------------------------- pdf


def cjk_font() -> str | None:
    candidates: list[str] = []
    if shutil.which("fc-list"):
        out = subprocess.run(["fc-list", ":lang=zh", "file"], capture_output=True, text=True).stdout
        candidates += [line.split(":")[0].strip() for line in out.splitlines() if line.strip()]
    for pattern in ("wqy*", "*CJK*", "*Droid*Fallback*", "*uming*", "*ukai*"):
        candidates += glob.glob(f"/usr/share/fonts/**/{pattern}.tt[cf]", recursive=True)
    # WenQuanYi first: a TrueType collection fpdf2 embeds cleanly.
    candidates.sort(key=lambda f: "wqy" not in f.lower())
    return next((f for f in candidates if f.lower().endswith((".ttf", ".ttc")) and os.path.exists(f)), None)


def test_pdf_with_cjk_text_layer(tmp_path):
    from fpdf import FPDF

    font = cjk_font()
    if font is None:
        pytest.skip("no CJK TrueType font installed (apt-get install fonts-wqy-microhei)")
    pdf = FPDF()
    pdf.add_font("cjk", "", font, collection_font_number=0) if font.endswith(".ttc") else pdf.add_font("cjk", "", font)
    pdf.set_font("cjk", size=12)
    pdf.add_page()
    for line in SAMPLE.split("\n"):
        pdf.cell(text=line, new_x="LMARGIN", new_y="NEXT")
    pdf.add_page()
    pdf.set_char_spacing(4)  # wide tracking: the extractor then puts spaces between characters
    pdf.cell(text="牵头单位：市营商办", new_x="LMARGIN", new_y="NEXT")
    path = tmp_path / "report.pdf"
    pdf.output(str(path))

    doc = read_document(str(path))
    assert doc.format == "pdf" and doc.encoding == "pdf"
    assert doc.text.split("\n") == SAMPLE.split("\n") + ["牵头单位：市营商办"]
    assert "牵头单位:市营商办" in doc.folded


def test_pdf_with_ascii_text_layer(tmp_path):
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=12)
    pdf.cell(text="Rectification plan: lead unit City Office", new_x="LMARGIN", new_y="NEXT")
    pdf.add_page()
    pdf.cell(text="Page two", new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(tmp_path / "plan.PDF"))
    doc = read_document(str(tmp_path / "plan.PDF"))
    assert doc.text == "Rectification plan: lead unit City Office\nPage two"


def test_pdf_without_text_layer(tmp_path):
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.rect(20, 20, 80, 40, style="F")
    pdf.output(str(tmp_path / "scan.pdf"))
    # a PDF without a text layer is OCR'd now (issue 17); a page that shows no text at all is still one line
    assert unreadable(str(tmp_path / "scan.pdf")) == "no text found by OCR (a blank or non-text image)"


def test_pdf_with_password(tmp_path):
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_encryption(owner_password="owner", user_password="secret")
    pdf.add_page()
    pdf.set_font("helvetica", size=12)
    pdf.cell(text="confidential")
    pdf.output(str(tmp_path / "locked.pdf"))
    assert "encrypted" in unreadable(str(tmp_path / "locked.pdf"))


def test_pdf_garbage(tmp_path):
    reason = unreadable(write(tmp_path / "broken.pdf", b"%PDF-1.4\n" + os.urandom(300)))
    assert "PDF" in reason


# ---------------------------------------------------------- other errors


def test_missing_file(tmp_path):
    assert unreadable(str(tmp_path / "absent.txt")) == "file not found"


def test_empty_file(tmp_path):
    for name in ("empty.txt", "empty.docx", "empty.pdf", "empty.html"):
        assert unreadable(write(tmp_path / name, b"")) == "empty file"


def test_binary_txt(tmp_path):
    data = bytes(range(256)) * 4 + b"\x00\x00\xff\xfe\x89PNG"
    assert "binary" in unreadable(write(tmp_path / "blob.txt", data))


def test_binary_txt_without_nul(tmp_path):
    import random

    rng = random.Random(7)
    data = bytes(rng.choice([b for b in range(1, 256) if b not in (0xEF, 0xFE, 0xFF)]) for _ in range(4000))
    assert "binary" in unreadable(write(tmp_path / "noise.txt", data))


def test_unsupported_suffix(tmp_path):
    reason = unreadable(write(tmp_path / "old.wpd", b"\xff WordPerfect"))      # .doc is read since issue 17
    assert "unsupported" in reason and ".wpd" in reason


def test_whitespace_only(tmp_path):
    assert unreadable(write(tmp_path / "blank.txt", " \n\u3000\n".encode("utf-8"))) == "no text in document"


def test_directory_is_not_a_document(tmp_path):
    (tmp_path / "d.txt").mkdir()
    assert "directory" in unreadable(str(tmp_path / "d.txt"))


# -------------------------------------------------------- iter_documents


def test_iter_documents_walks_sorted_and_skips_hidden(tmp_path):
    root = tmp_path / "docs"
    for rel in [
        "b.txt", "a.DOCX", "notes.md", ".hidden.txt", "~$lock.docx",
        "sub/z.pdf", "sub/deeper/x.html", "sub/.git/config.txt", ".cache/c.txt", "c.htm",
    ]:
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_bytes(b"x")
    single = tmp_path / "given.xyz"
    single.write_bytes(b"x")

    found = list(iter_documents([str(single), str(root), str(tmp_path / "missing.txt")]))
    rel = [os.path.relpath(p, root) if p.startswith(str(root)) else p for p in found]
    assert rel == [
        str(single),
        "a.DOCX",
        "b.txt",
        "c.htm",
        os.path.join("sub", "deeper", "x.html"),
        os.path.join("sub", "z.pdf"),
        str(tmp_path / "missing.txt"),
    ]
    assert {".txt", ".html", ".htm", ".docx", ".pdf", ".doc", ".wps", ".rtf", ".xlsx", ".xls", ".et", ".csv", ".ofd",
            ".png", ".jpg", ".jpeg", ".tif", ".tiff", ".bmp"} == SUPPORTED_SUFFIXES


def test_a_page_source_saved_as_text_is_read_as_the_page(tmp_path):
    """A 督查通报 copied as its page source (<p class="…">…</p> on one line) and saved as .txt."""
    paragraphs = ["一、北湖公园(责任单位:区园林局)", "1.北门广场绿化带内垃圾未及时清理。", "2.公厕洗手台破损。",
                  "二、南门市场(责任单位:区市场监管局)", "1.门前占道经营。"]
    page = " ".join(f'<p class="ql-block">{p}</p>' for p in paragraphs)
    path = tmp_path / "tongbao.txt"
    path.write_text(page, encoding="utf-8")
    text = read_document(path).text
    assert "<p" not in text and text.splitlines()[:2] == paragraphs[:2]


def test_printed_lines_that_run_to_the_margin_continue_on_the_next():
    from loaders.readers.common import reflow
    from loaders.readers.ocr import OCR_SLACK
    # an OCR box that stops two characters short of the widest line (narrow digits, a skewed page) still ends
    # a line that runs on; a line far short of the margin ends its paragraph; an item marker starts anew
    placed = [("2023年10月底前,县政府要将自验自评情况报送县消安委。县", 1000, 30),
              ("消安委将适时开展评估复核。", 560, 30),
              ("县应急局要于2023年2月10", 940, 31),
              ("日前报送整治方案。", 500, 30),
              ("1.加强巡查。", 300, 30)]
    assert reflow(placed, OCR_SLACK) == ["2023年10月底前,县政府要将自验自评情况报送县消安委。县消安委将适时开展评估复核。",
                                         "县应急局要于2023年2月10日前报送整治方案。", "1.加强巡查。"]
    assert reflow(placed)[1] == "县应急局要于2023年2月10"      # exact positions (OFD) keep the tight margin


def test_the_ocr_cache_keeps_placed_lines_so_a_better_reflow_needs_no_second_reading(tmp_path, monkeypatch):
    import hashlib
    import json
    from loaders.readers import ocr
    monkeypatch.setenv("ZEREN_OCR_CACHE", str(tmp_path))
    raw = b"not really an image"
    ocr.cache_file(hashlib.sha256(raw).hexdigest()).write_text(json.dumps(
        {"lines": [["县应急局要于2023年2月10", 940, 31], ["日前报送整治方案。", 500, 30]], "confidence": 0.97}))
    text, fmt, confidence = ocr.ocr_pages("scan.png", raw, iter(()), "image", 1)
    assert (text, fmt, confidence) == ("县应急局要于2023年2月10日前报送整治方案。", "image+ocr", 0.97)


def test_a_printed_line_that_breaks_a_list_of_numbers_goes_on_though_the_next_opens_like_an_item():
    from loaders.readers.common import reflow
    placed = [("县水务局下发了《督查通知》(第1、2、3、4、5、6、8、", 1000, 30),
              ("9、10、11期),请各乡镇于3月3日前完成整治。", 700, 30),
              ("2.加强巡查。", 300, 30)]
    assert reflow(placed) == ["县水务局下发了《督查通知》(第1、2、3、4、5、6、8、9、10、11期),请各乡镇于3月3日前完成整治。",
                              "2.加强巡查。"]
