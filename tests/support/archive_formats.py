"""Fixtures in the formats archives come in, made from a real seed document by the tests themselves.

- a 整改台账 ledger (.xlsx with openpyxl, .xls with xlwt): a merged title row, a header, one row per task of
  the seed: the seed's own line that states the task, its owners as the seed names them, a 责任领导 column
  and the deadline as written;
- an OFD package (GB/T 33190 layout) whose text runs are split across many TextObjects, shuffled;
- a scanned PDF: the seed's lines rendered at 150 dpi with a CJK font, slightly blurred and skewed.
"""
from __future__ import annotations

import random
import re
import zipfile
from pathlib import Path

FONT = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")
LEADERS = ("王建国", "李红梅", "赵志刚", "陈晓东")      # invented names for the 责任领导 column


def seed_lines(seed: Path) -> list[str]:
    return [ln.strip() for ln in seed.read_text(encoding="utf-8").split("\n") if ln.strip()]


def ledger_rows(seed: Path, gold: dict) -> list[list[str]]:
    """A ledger row per gold task, as a clerk copies it: the task without its number and its closing owner
    parenthesis, the owners into their columns, the deadline as the seed writes it."""
    lines = seed_lines(seed)
    rows = []
    for n, task in enumerate(gold["tasks"], 1):
        line = next(ln for ln in lines if task["anchor"] in ln)
        # a line may state two tasks, each closed by its owner parenthesis: the row holds the anchor's one
        parts = re.findall(r".*?[((][^()()]*(?:牵头|责任|完成时限)[^()()]*[))]|.+$", line)
        line = next(part for part in parts if task["anchor"] in part).strip(" ;;。") or line
        stated = re.search(r"(?:完成时限|时限)[::]([^);;]+)", line)
        body = re.sub(r"[((][^()()]*(?:牵头|责任|配合|完成时限)[^()()]*[))]\s*$", "", line)
        body = re.sub(r"^\s*(?:\d+|[一二三四五六七八九十]+)[.、.]\s*", "", body)
        rows.append([str(n), body, "、".join(task["lead"]), "、".join(task["responsible"]),
                     LEADERS[n % len(LEADERS)], stated.group(1).strip() if stated else ""])
    return rows


HEADER = ["序号", "整改任务", "牵头单位", "责任单位", "责任领导", "完成时限"]
TITLE = "整改任务落实台账"


def write_xlsx(path: Path, rows: list[list[str]]) -> None:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "台账"
    sheet.append([TITLE])
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(HEADER))
    sheet.append(HEADER)
    for row in rows:
        sheet.append([int(row[0])] + row[1:])
    book.save(path)


def write_xls(path: Path, rows: list[list[str]]) -> None:
    import xlwt

    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("台账")
    sheet.write_merge(0, 0, 0, len(HEADER) - 1, TITLE)
    for c, head in enumerate(HEADER):
        sheet.write(1, c, head)
    for r, row in enumerate(rows, 2):
        sheet.write(r, 0, int(row[0]))
        for c, value in enumerate(row[1:], 1):
            sheet.write(r, c, value)
    book.save(str(path))


def write_ofd(path: Path, lines: list[str], title: str, chars_per_line: int = 38) -> None:
    """A minimal OFD: each printed line's characters cut into runs of 1–4, each its own TextObject."""
    rng = random.Random(7)
    pages, objects, y, ident = [], [], 20.0, 1
    for line in lines:
        for start in range(0, len(line), chars_per_line):
            printed = line[start:start + chars_per_line]
            x, k = 20.0, 0
            while k < len(printed):
                run = printed[k:k + rng.randint(1, 4)]
                objects.append(f'<ofd:TextObject ID="{ident}" Boundary="{x:.2f} {y - 4:.2f} {len(run) * 4.2:.2f} 5" '
                               f'Font="1" Size="4.2"><ofd:TextCode X="0" Y="4">{_xml(run)}</ofd:TextCode>'
                               f'</ofd:TextObject>')
                ident, x, k = ident + 1, x + len(run) * 4.2, k + len(run)
            y += 6.5
            if y > 280:
                pages.append(objects)
                objects, y = [], 20.0
    pages.append(objects)
    ns = 'xmlns:ofd="http://www.ofdspec.org/2016"'
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("OFD.xml", f'<?xml version="1.0" encoding="UTF-8"?><ofd:OFD {ns} Version="1.0" DocType="OFD">'
                               f'<ofd:DocBody><ofd:DocInfo><ofd:Title>{_xml(title)}</ofd:Title></ofd:DocInfo>'
                               f'<ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>')
        listed = "".join(f'<ofd:Page ID="{100 + n}" BaseLoc="Pages/Page_{n}/Content.xml"/>' for n in range(len(pages)))
        zf.writestr("Doc_0/Document.xml", f'<?xml version="1.0" encoding="UTF-8"?><ofd:Document {ns}>'
                                          f'<ofd:Pages>{listed}</ofd:Pages></ofd:Document>')
        for n, objs in enumerate(pages):
            rng.shuffle(objs)            # writers emit objects in any order
            zf.writestr(f"Doc_0/Pages/Page_{n}/Content.xml",
                        f'<?xml version="1.0" encoding="UTF-8"?><ofd:Page {ns}><ofd:Content><ofd:Layer ID="1">'
                        f'{"".join(objs)}</ofd:Layer></ofd:Content></ofd:Page>')


def _xml(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def write_scan(path: Path, lines: list[str], dpi: int = 150, skew: float = 0.6, blur: float = 0.7) -> int:
    """The lines printed on A4 pages at ``dpi``, each page blurred and turned by ``skew`` degrees, saved as a
    PDF of images (no text layer). Returns the page count."""
    from PIL import Image, ImageDraw, ImageFilter, ImageFont

    width, height = int(8.27 * dpi), int(11.69 * dpi)
    size = int(dpi * 0.16)                     # about 11.5 pt
    font = ImageFont.truetype(str(FONT), size)
    per_line = (width - 2 * dpi) // size
    printed = [ln[i:i + per_line] for ln in lines for i in range(0, len(ln), per_line)]
    per_page = (height - 2 * dpi) // int(size * 1.6)
    pages = []
    for start in range(0, len(printed), per_page):
        page = Image.new("L", (width, height), 255)
        draw = ImageDraw.Draw(page)
        for k, line in enumerate(printed[start:start + per_page]):
            draw.text((dpi, dpi + k * int(size * 1.6)), line, font=font, fill=0)
        page = page.filter(ImageFilter.GaussianBlur(blur)).rotate(skew, fillcolor=255, expand=False)
        pages.append(page.convert("RGB"))
    pages[0].save(path, "PDF", resolution=dpi, save_all=True, append_images=pages[1:])
    return len(pages)
