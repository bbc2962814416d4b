"""The formats an inspector's archive comes in: Word 97 .doc, Excel ledgers, OFD, scanned PDFs and images.

Each is read into the text the extractor already knows how to read, and scored against the gold of the
document it was made from (tests/support/scoring.py, the shared scorer's rules). The .doc fixtures were made
once with LibreOffice 7.4 (the yueqing one with 7.4 too, from the unseen7 text) (`soffice --convert-to doc:"MS Word 97"` from a .docx of the source's lines) and
are committed; the others are made here from the seed.
"""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from loaders.extract import extract_file
from loaders.readers import read_document
from loaders.source import UnreadableDocument
from tests.support import archive_formats as make
from tests.support.scoring import score

FIXTURES = Path(__file__).parent / "fixtures"
SEED = FIXTURES / "corpus" / "panjin_2017_fangguanfu_huitoukan_zhenggai_yijian.txt"
SEED_GOLD = json.loads((FIXTURES / "gold" / (SEED.stem + ".json")).read_text(encoding="utf-8"))
DEV_DOC = "changshu_2018_zhengfu_gongzuo_renwu_fenjiebiao"
DEV_GOLD = json.loads((FIXTURES / "dev" / "gold" / (DEV_DOC + ".json")).read_text(encoding="utf-8"))
needs_antiword = pytest.mark.skipif(not shutil.which("antiword"), reason="antiword not installed (make test installs it)")
needs_font = pytest.mark.skipif(not make.FONT.exists(), reason="fonts-wqy-microhei not installed (make test installs it)")


def scored(gold: dict, path: Path) -> dict:
    _, extraction = extract_file(str(path))
    return score({gold["doc"]: (gold, extraction)})


def meets(got: dict, floor: float) -> bool:
    return all(got[m] >= floor for m in ("tasks", "lead_f1", "responsible_f1"))


@needs_antiword
@pytest.mark.parametrize("gold,name", [(SEED_GOLD, SEED.stem), (DEV_GOLD, DEV_DOC)])
def test_word_97_documents(gold, name):
    got = scored(gold, FIXTURES / "formats" / f"{name}.doc")
    assert meets(got, 0.95), got


needs_libreoffice = pytest.mark.skipif(not (shutil.which("soffice") or shutil.which("libreoffice")),
                                       reason="LibreOffice not installed (make test installs libreoffice-writer-nogui)")


@needs_libreoffice
@pytest.mark.parametrize("gold,name,suffix", [(SEED_GOLD, SEED.stem, ".rtf"), (DEV_GOLD, DEV_DOC, ".wps")])
def test_wps_and_rtf_through_libreoffice(gold, name, suffix):
    """.rtf (made once with LibreOffice 7.4 from a .docx of the seed's lines) and .wps (a compound file as WPS
    Office writes it; here the dev document's Word 97 bytes under the .wps name) are converted by LibreOffice
    headless to .docx and read as Word's paragraphs."""
    path = FIXTURES / "formats" / f"{name}{suffix}"
    _, extraction = extract_file(str(path))
    assert extraction["document"]["format"] == suffix.lstrip(".")
    got = score({gold["doc"]: (gold, extraction)})
    assert meets(got, 0.95), got


@needs_antiword
def test_a_word_97_document_reads_as_its_text_does():
    """A .doc whose bar-table rows are paragraphs (a blind-set page, made like the others): antiword puts a
    blank line before each paragraph, which would end the table; the reader gives the layout Word shows."""
    name = "yueqing_2022_minsheng_shishi_wancheng_qingkuang"
    gold = json.loads((FIXTURES / "unseen7" / "gold" / f"{name}.json").read_text(encoding="utf-8"))
    assert scored(gold, FIXTURES / "formats" / f"{name}.doc") == scored(gold, FIXTURES / "unseen7" / "corpus" / f"{name}.txt")


def test_a_printed_row_that_reaches_the_margin_does_not_swallow_the_next_row():
    from loaders.readers.common import reflow
    placed = [("1 地区生产总值增长7%以上,服务业增加值占比47.1%. 发改委", 180.0, 4.2),
              ("2 一般公共预算收入增长8%以上. 财政局", 120.0, 4.2),
              ("3 全面推进乡村振兴,加快建设现代农业产业园和特色小镇,培育新", 180.0, 4.2),
              ("型农业经营主体. 农业农村局", 90.0, 4.2)]
    assert reflow(placed) == [placed[0][0], placed[1][0], placed[2][0] + placed[3][0]]


@pytest.fixture(scope="module")
def rows():
    return make.ledger_rows(SEED, SEED_GOLD)


@pytest.mark.parametrize("suffix,writer", [(".xlsx", make.write_xlsx), (".xls", make.write_xls), (".et", make.write_xls)])
def test_excel_ledger_with_a_merged_title_and_a_leader_column(tmp_path, rows, suffix, writer):
    path = tmp_path / f"ledger{suffix}"
    writer(path, rows)
    got = scored(SEED_GOLD, path)
    assert meets(got, 0.95), got
    src, out = extract_file(str(path))
    assert src.text.startswith(make.TITLE + "\n")                      # the merged title row is one line
    led = [it for it in out["items"] if it.get("persons")]
    assert len(led) >= 0.95 * len(rows)                                 # 责任领导 names persons, never units
    named = {p["name"] for it in led for p in it["persons"]}
    units = {u["mention"] for it in out["items"] for u in it["lead"] + it["responsible"]}
    assert named <= set(make.LEADERS) and not named & units


def test_csv_ledger(tmp_path, rows):
    path = tmp_path / "ledger.csv"
    path.write_bytes(("\n".join(",".join(f'"{c}"' for c in r) for r in [make.HEADER] + rows)).encode("gb18030"))
    assert meets(scored(SEED_GOLD, path), 0.95)


def test_ofd_with_text_runs_split_across_objects(tmp_path):
    path = tmp_path / "yijian.ofd"
    make.write_ofd(path, make.seed_lines(SEED), title="关于印发整改工作方案的通知")
    got = scored(SEED_GOLD, path)
    assert meets(got, 0.95), got
    assert read_document(path).format == "ofd"


def test_an_ofd_keeps_the_gap_between_words_and_closes_letter_spacing(tmp_path):
    path = tmp_path / "row.ofd"
    make.write_ofd(path, ["关 于 开 展 督 查 的 通 知", "1.清理河道垃圾 | 城关镇 水务局 | 6月底前 |"], title="通知")
    text = read_document(path).text
    assert "关于开展督查的通知" in text and "城关镇 水务局" in text


def test_an_ofd_line_that_closes_a_sentence_at_the_margin_does_not_swallow_the_next_label_or_heading(tmp_path):
    # Printed lines are rejoined when one runs to the margin; a sentence that happens to end there, followed by a
    # field's label or a short heading, is a new line to the reader (it was glued on: "…通畅。牵头单位:…").
    sentence = "1.加强重点河段日常巡查管护,确保汛期行洪安全。"
    path = tmp_path / "fields.ofd"
    make.write_ofd(path, [sentence, "牵头单位:县水利局", "整改时限:2024年6月底前", sentence.replace("1.", "2."),
                          "整改措施及成效", "已完成清淤工作,群众满意度明显提高。"], title="通知",
                   chars_per_line=len(sentence))
    lines = read_document(path).text.splitlines()
    assert "牵头单位:县水利局" in lines and "整改措施及成效" in lines, lines
    out = extract_file(str(path))[1]
    assert [u["mention"] for it in out["items"] for u in it["lead"]][:1] == ["县水利局"], out["items"]


@needs_font
def test_scanned_pdf_is_read_by_ocr_and_cached(tmp_path, monkeypatch):
    monkeypatch.setenv("ZEREN_OCR_CACHE", str(tmp_path / "cache"))
    path = tmp_path / "scan.pdf"
    pages = make.write_scan(path, make.seed_lines(SEED))
    assert pages >= 3
    got = scored(SEED_GOLD, path)
    assert meets(got, 0.90), got
    src = read_document(path)
    assert src.encoding == "pdf+ocr" and 0.8 < src.ocr_confidence <= 1.0
    assert len(list((tmp_path / "cache").glob("*.json"))) == 1
    start = time.perf_counter()
    again = read_document(path)                          # from the cache: no second OCR
    assert again.text == src.text and time.perf_counter() - start < 2


def test_a_bar_ocr_reads_as_the_radical_is_a_tables_bar(tmp_path, monkeypatch):
    # PP-OCR reads a printed table's bar as 丨, a radical no running text uses: the row must keep its cells
    import hashlib
    from loaders.readers.ocr import cache_file, ocr_pages
    monkeypatch.setenv("ZEREN_OCR_CACHE", str(tmp_path))
    raw = b"a scanned row"
    placed = [["1.清理河道垃圾丨县水务局丨6月底前", 900.0, 22.0]]
    cache_file(hashlib.sha256(raw).hexdigest()).write_text(
        json.dumps({"lines": placed, "confidence": 0.9}, ensure_ascii=False), encoding="utf-8")
    text, fmt, _ = ocr_pages("row.png", raw, [], "image")
    assert text == "1.清理河道垃圾|县水务局|6月底前" and fmt == "image+ocr"


@needs_font
def test_a_page_image(tmp_path, monkeypatch):
    monkeypatch.setenv("ZEREN_OCR_CACHE", str(tmp_path / "cache"))
    pdf = tmp_path / "one.pdf"
    make.write_scan(pdf, make.seed_lines(SEED)[:12], dpi=150)
    import pypdfium2
    image = pypdfium2.PdfDocument(str(pdf))[0].render(scale=150 / 72).to_pil()
    path = tmp_path / "page.png"
    image.save(path)
    src = read_document(path)
    assert src.format == "image" and "整改" in src.text


# Bad input in every new format: one line, a non-zero exit, nothing stored changes.
def _bad_files(tmp_path: Path) -> dict[str, Path]:
    doc = (FIXTURES / "formats" / f"{SEED.stem}.doc").read_bytes()
    files = {"truncated .doc": ("cut.doc", doc[:3000]),
             "not a zip .ofd": ("broken.ofd", b"PK\x03\x04" + b"\x00" * 40),
             "no .xlsx header": ("plain.xlsx", None),
             "text-free image": ("blank.png", None),
             "not a word file .wps": ("fake.wps", b"hello")}
    out = {}
    for what, (name, data) in files.items():
        path = tmp_path / name
        if data is not None:
            path.write_bytes(data)
        elif name.endswith(".xlsx"):
            import openpyxl
            book = openpyxl.Workbook()
            for r in range(5):
                book.active.append([f"第{r}行的一段说明文字", r * 3])
            book.save(path)
        else:
            from PIL import Image
            Image.new("RGB", (400, 300), "white").save(path)
        out[what] = path
    return out


def test_bad_input_in_the_new_formats_is_one_line_and_stores_nothing(tmp_path, monkeypatch):
    monkeypatch.setenv("ZEREN_OCR_CACHE", str(tmp_path / "cache"))
    store = tmp_path / "store"
    zeren = [sys.executable, "-m", "cli.main"]
    loaded = subprocess.run(zeren + ["load", str(SEED), "--store", str(store)], capture_output=True, text=True)
    assert loaded.returncode == 0, loaded.stderr
    before = subprocess.run(zeren + ["stats", "--store", str(store), "--json"], capture_output=True, text=True).stdout
    for what, path in _bad_files(tmp_path).items():
        with pytest.raises(UnreadableDocument):
            read_document(path)
        run = subprocess.run(zeren + ["load", str(path), "--store", str(store)], capture_output=True, text=True)
        lines = [ln for ln in run.stderr.splitlines() if ln.strip()]
        assert run.returncode != 0 and len(lines) == 1 and "Traceback" not in run.stderr, (what, run.stderr)
        assert str(path.name) in lines[0], (what, lines)
    after = subprocess.run(zeren + ["stats", "--store", str(store), "--json"], capture_output=True, text=True).stdout
    assert after == before
