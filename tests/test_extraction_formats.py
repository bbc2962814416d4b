"""The same real document, received as a saved web page, Word, PDF, GB18030 or traditional script,
yields the same tasks, owners and deadlines as its UTF-8 text."""
from __future__ import annotations

import html
from pathlib import Path

import docx
import pytest
import zhconv

from loaders.extract import extract_file
from loaders.textfold import fold

SEED = Path(__file__).parent / "fixtures" / "corpus" / "panjin_2017_fangguanfu_huitoukan_zhenggai_yijian.txt"
CJK_FONTS = [Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"), Path("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc")]


def summary(extraction: dict) -> list[tuple]:
    """What an inspector reads off a task: its owners and deadline, in document order."""
    return [(tuple(u["mention"] for u in it["lead"]), tuple(u["mention"] for u in it["responsible"]),
             it["deadline"]["kind"], it["deadline"]["date"])
            for it in extraction["items"] if it["kind"] == "task" and (it["lead"] or it["responsible"])]


@pytest.fixture(scope="module")
def expected():
    return summary(extract_file(str(SEED))[1])


def lines() -> list[str]:
    return [ln.strip() for ln in SEED.read_text(encoding="utf-8").split("\n") if ln.strip()]


def test_seed_has_the_tasks_we_compare(expected):
    # 44 measures, and the covering notice's 一、 and 三、, which tell the classes (各县区政府、经济区管委会及市直相关部门)
    # real work they answer for together
    assert len(expected) == 46


def test_saved_web_page_in_gb2312(tmp_path, expected):
    body = "".join(f"<p>{html.escape(ln)}</p>\n" for ln in lines())
    page = (f'<html><head><meta charset="gb2312"><title>通知</title></head><body>'
            f'<div class="nav"><a href="/">首页</a> &gt; 政务公开</div><div class="article">{body}</div>'
            f'<div class="footer">版权所有 某市人民政府 ICP备12345号</div></body></html>')
    path = tmp_path / "page.html"
    path.write_bytes(page.encode("gb18030"))
    src, out = extract_file(str(path))
    assert summary(out) == expected
    assert "版权所有" not in src.text and "首页" not in src.text


def test_word_document(tmp_path, expected):
    document = docx.Document()
    for ln in lines():
        document.add_paragraph(ln)
    path = tmp_path / "yijian.docx"
    document.save(str(path))
    assert summary(extract_file(str(path))[1]) == expected


def test_pdf_with_wrapped_lines(tmp_path, expected):
    font = next((f for f in CJK_FONTS if f.exists()), None)
    if font is None:
        pytest.skip("no CJK font installed (make test installs fonts-wqy-microhei)")
    from fpdf import FPDF
    pdf = FPDF()
    pdf.add_font("cjk", fname=str(font))
    pdf.set_font("cjk", size=10)
    pdf.add_page()
    for ln in lines():      # narrow lines: owner lists and parentheticals wrap mid-name
        pdf.multi_cell(0, 6, ln, new_x="LMARGIN", new_y="NEXT")
    path = tmp_path / "yijian.pdf"
    pdf.output(str(path))
    src, out = extract_file(str(path))
    assert "\n" in src.text and summary(out) == expected


def test_gb18030_text(tmp_path, expected):
    path = tmp_path / "yijian.txt"
    path.write_bytes(SEED.read_text(encoding="utf-8").encode("gb18030"))
    src, out = extract_file(str(path))
    assert src.encoding == "gb18030" and summary(out) == expected


def test_traditional_script_with_full_width_punctuation(tmp_path, expected):
    text = zhconv.convert(SEED.read_text(encoding="utf-8"), "zh-hant")
    text = text.replace(":", "：").replace(",", "，").replace(";", "；").replace("(", "（").replace(")", "）")
    path = tmp_path / "yijian.txt"
    path.write_text(text, encoding="utf-16")
    src, out = extract_file(str(path))
    # the same owners, each mention as the document prints it (市、興隆臺區編委辦 → 市編委辦, 興隆臺區編委辦)
    folded = [(tuple(fold(m) for m in lead), tuple(fold(m) for m in responsible), kind, date)
              for lead, responsible, kind, date in summary(out)]
    assert "盤錦" in src.text and folded == expected
    assert next(lead for lead, _, _, _ in summary(out) if lead) == ("市編委辦", "興隆臺區編委辦")
