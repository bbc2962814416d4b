"""Issue 19 in real headless Chromium, on the sample corpus and ../shared/dev loaded together: an inspector
finds every 住建 and 发改 unit, filters 问题清单 by a unit as `zeren gaps --unit` does, walks the graph unit →
task → co-owner → its tasks, takes the findings away as xlsx and prints one finding, opens a bookmarked link
first after a restart, and reads no English on any page. Screenshots of every page at 1440×900 are written
under the test's temporary directory (printed with -s).
"""
from __future__ import annotations

import io
import json
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.test_browser import CHROMIUM, FLAGS, ROOT, serve

pytestmark = pytest.mark.browser

ZEREN = str(Path(sys.executable).with_name("zeren"))
PAGES = {"": "zeren 责任图谱", "gaps": "问题清单", "units": "单位", "chain": "问题链", "overlap": "交叉重叠",
         "timeline": "时间线", "evidence": "原文", "upload": "导入", "export": "导出"}
# Latin a Chinese inspector's screen may show: the product's name and the file formats it reads or writes
ALLOWED = {"zeren", "xlsx", "csv", "graphml", "bmp", "doc", "docx", "et", "htm", "html", "jpeg", "jpg", "ofd", "pdf",
           "png", "rtf", "tif", "tiff", "txt", "wps", "xls", "MB"}
# Visible UI text only: document content (text blocks, table cells, the evidence view, graphs, pickers'
# chosen values such as a document title) is what the documents say, in whatever script they use.
VISIBLE_UI_TEXT = """() => {
  const content = '[data-testid="stText"],[data-testid="stDataFrame"],[data-testid="stHtml"],iframe,' +
                  '[data-testid="stIFrame"],[data-baseweb="select"] [title],[data-baseweb="tag"],' +
                  '[data-testid="stMetricValue"],[data-testid="stHeading"] h3,[data-testid="stIconMaterial"]';
  const out = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode, el = node.parentElement;
    if (!el || el.closest(content) || !node.textContent.trim()) continue;
    const style = getComputedStyle(el), box = el.getBoundingClientRect();
    if (style.fontSize === '0px' || style.visibility === 'hidden' || box.width < 2 || box.height < 2) continue;
    out.push(node.textContent);
  }
  return out.join(' ');
}"""


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Path:
    if CHROMIUM is None:
        pytest.fail("Chromium is not installed: run `make test-deps` (apt install chromium)")
    location = tmp_path_factory.mktemp("inspector") / "store"
    subprocess.run([ZEREN, "load", str(ROOT / "tests/fixtures/corpus"), str(ROOT / "tests/fixtures/dev/corpus"),
                    "--store", str(location)], check=True, capture_output=True)
    return location


@pytest.fixture(scope="module")
def browser(store, tmp_path_factory):
    from playwright.sync_api import sync_playwright
    shots = tmp_path_factory.mktemp("screenshots-1440")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield chromium, shots
        print(f"screenshots in {shots}")
        chromium.close()


@pytest.fixture(scope="module")
def app(store, browser):
    """A server that has served / first, and a page at 1440×900 that downloads."""
    server, url = serve(store)
    chromium, shots = browser
    context = chromium.new_context(viewport={"width": 1440, "height": 900}, locale="zh-CN", accept_downloads=True)
    page = context.new_page()
    open_page(page, url, "")
    yield page, url, shots
    context.close()
    server.terminate()
    server.wait(timeout=20)


def open_page(page, url: str, path: str, heading: str | None = None) -> None:
    page.goto(f"{url}/{path}")
    settle(page, heading or PAGES[path.split("?")[0]])


def settle(page, heading: str) -> None:
    page.get_by_role("heading", name=heading).first.wait_for(timeout=30000)
    page.wait_for_timeout(400)
    page.locator("[data-testid='stStatusWidget']").wait_for(state="hidden", timeout=30000)
    page.wait_for_timeout(800)


def cells(page, grid: int = 0) -> list[str]:
    return page.locator("[data-testid='stDataFrame']").nth(grid).locator("[role='gridcell']").all_inner_texts()


def gaps_cli(store: Path, *args: str) -> list[dict]:
    run = subprocess.run([ZEREN, "gaps", "--store", str(store), "--json", *args], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    return json.loads(run.stdout)


def test_every_page_at_1440_speaks_chinese(app):
    page, url, shots = app
    for number, (path, heading) in enumerate(PAGES.items()):
        open_page(page, url, path)
        page.screenshot(path=str(shots / f"{number}-{heading}.png"), full_page=False)
        placeholders = " ".join(page.eval_on_selector_all("[placeholder]", "els => els.map(e => e.placeholder)"))
        words = set(re.findall(r"[A-Za-z]{2,}", page.evaluate(VISIBLE_UI_TEXT) + " " + placeholders))
        assert words <= ALLOWED and not words & {"None", "empty", "Jaccard"}, \
            (path, words - ALLOWED)
        assert not page.locator("[data-testid='stException']").count(), path
    open_page(page, url, "gaps?rule=multi_lead")        # a multiselect's own "Select all" reads 全选
    page.get_by_label("文件").first.click()
    select_all = page.locator("[data-key='__select_all__'] [data-item-hl]").first
    shown = select_all.evaluate("e => [getComputedStyle(e).fontSize, getComputedStyle(e, '::after').content]")
    assert shown == ["0px", '"全选"'], shown
    page.keyboard.press("Escape")


def expected_units(store: Path, forms: tuple[str, ...]) -> set[str]:
    from graph.embedded import EmbeddedStore
    with EmbeddedStore(store) as opened:
        graph = opened.to_networkx()
    return {d["name"] for _, d in graph.nodes(data=True) if d.get("type") == "Unit" and any(f in d["name"] for f in forms)}


@pytest.mark.parametrize("query,forms", [("住建", ("住房和城乡建设", "住建")), ("发改", ("发展和改革", "发展改革", "发改"))])
def test_an_abbreviation_finds_every_such_unit(app, store, query, forms):
    """The forms come from the alias table's lines for these bodies (住房和城乡建设局|住建局|建设局, 发展和改革
    委员会|发改委 …), the store is searched by the test itself."""
    from loaders.units import alias_table
    assert all(any(f in full for full in alias_table().values()) for f in forms[:1])
    page, url, shots = app
    open_page(page, url, f"units?q={query}")
    shown = set(cells(page)[0::4])
    wanted = expected_units(store, forms)
    assert len(wanted) >= 5 and shown == wanted, (shown ^ wanted)


def test_the_unit_filter_on_the_findings_list_is_the_cli_filter(app, store):
    page, url, shots = app
    wanted = [f for f in gaps_cli(store, "--unit", "住建") if f["rule"] == "deadlines"]
    open_page(page, url, "gaps?rule=deadlines&unit=住建")
    caption = page.get_by_text(re.compile(r"^共 \d+ 条")).first.inner_text()
    assert int(re.search(r"\d+", caption).group()) == len(wanted) > 0
    page.screenshot(path=str(shots / "gaps-unit.png"))


def go(page, text: str) -> None:
    """Click a neighbour beside the graph and wait for the walk to move."""
    trail = page.get_by_text(re.compile("^路径：")).first
    before = trail.inner_text()
    page.get_by_role("button").filter(has_text=text).first.click()
    deadline = time.monotonic() + 15
    while trail.inner_text() == before and time.monotonic() < deadline:
        page.wait_for_timeout(300)
    page.locator("[data-testid='stStatusWidget']").wait_for(state="hidden", timeout=30000)
    page.wait_for_timeout(500)


def test_a_graph_walk_from_a_unit_to_a_co_owner_and_its_tasks(app):
    page, url, shots = app
    open_page(page, url, "chain?node=unit:盘锦市住房和城乡建设委员会")
    page.get_by_role("tab", name="关系浏览").click()
    page.frame_locator("iframe").first.locator("#mynetwork canvas").wait_for(timeout=15000)
    go(page, "任务·牵头")                       # unit → one of its tasks
    go(page, "单位·牵头·盘锦市双台子区")        # task → a co-owner
    trail = page.get_by_text(re.compile("^路径：")).first
    assert trail.inner_text().count("→") == 2 and trail.inner_text().endswith("盘锦市双台子区人民政府"), trail.inner_text()
    tasks = page.get_by_role("button").filter(has_text="任务·").all_inner_texts()
    assert len(tasks) >= 3, tasks                # the co-owner's own tasks, one click away
    page.screenshot(path=str(shots / "graph-walk.png"))
    go(page, "返回上一步")
    assert trail.inner_text().count("→") == 1


def test_the_findings_go_away_as_xlsx_with_their_quotes(app):
    import openpyxl
    page, url, shots = app
    open_page(page, url, "gaps?rule=multi_lead")
    shown = int(re.search(r"\d+", page.get_by_text(re.compile(r"^共 \d+ 条")).first.inner_text()).group())
    with page.expect_download() as download:
        page.get_by_role("button", name="导出问题线索（xlsx）").click()
    book = openpyxl.load_workbook(io.BytesIO(Path(download.value.path()).read_bytes()))
    rows = list(book["问题线索"].iter_rows(values_only=True))
    assert rows[0][:3] == ("序号", "问题类型", "文件") and len(rows) - 1 == shown
    assert all(row[1] == "多头牵头" and row[-1] and "【" in row[-1] for row in rows[1:])


def test_one_finding_prints_on_one_page_with_its_evidence(app, store):
    import pdfplumber
    page, url, shots = app
    found = next(f for f in gaps_cli(store) if f["rule"] == "multi_lead")
    open_page(page, url, f"finding?rule=multi_lead&item={found['item']['id']}", heading="问题线索")
    page.emulate_media(media="print")
    pdf = page.pdf(format="A4", print_background=True)
    page.emulate_media(media="screen")
    with pdfplumber.open(io.BytesIO(pdf)) as printed:
        assert len(printed.pages) == 1
        text = printed.pages[0].extract_text() or ""
    assert "证据" in text and "多头牵头" in text and "在原文中查看" not in text
    (shots / "finding.pdf").write_bytes(pdf)


def test_a_bookmarked_link_opened_first_after_a_restart(store, browser):
    """Before anyone opens /, a bookmark to /gaps?rule=multi_lead: the app's own Chinese navigation and its
    wide layout, for this session and the next."""
    chromium, shots = browser
    server, url = serve(store)
    try:
        for n in range(2):
            context = chromium.new_context(viewport={"width": 1440, "height": 900}, locale="zh-CN")
            page = context.new_page()
            page.goto(f"{url}/gaps?rule=multi_lead")
            settle(page, "问题清单")
            nav = page.locator("[data-testid='stSidebarNav']").inner_text()
            assert "问题清单" in nav and "gaps" not in nav and "chain" not in nav, nav
            assert page.locator("[data-testid='stMain'] [data-testid='stMainBlockContainer']").bounding_box()["width"] > 1000
            assert "多头牵头" in page.locator("[data-testid='stSelectbox']").first.inner_html()
            assert page.get_by_text(re.compile(r"^共 \d+ 条")).count() == 1
            page.screenshot(path=str(shots / f"bookmark-{n}.png"))
            context.close()
    finally:
        server.terminate()
        server.wait(timeout=20)
