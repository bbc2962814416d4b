"""The app in real headless Chromium (Debian's, driven by Playwright): every page opens, a unit and a gap can
be clicked into, no request leaves loopback, no console error, and a document full of markup runs nothing.

`make test` installs Chromium with apt and Playwright with pip (no browser download). Screenshots are saved
under the test's temporary directory (printed with -s).
"""
from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

import pytest

pytestmark = pytest.mark.browser

ROOT = Path(__file__).parent.parent
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]
# navigation title → the page's heading
PAGES = {"总览": "zeren 责任图谱", "问题清单": "问题清单", "单位": "单位", "问题链": "问题链", "交叉重叠": "交叉重叠",
         "时间线": "时间线", "原文": "原文", "导入": "导入", "导出": "导出"}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve(store: Path) -> tuple[subprocess.Popen, str]:
    """The app on a free loopback port over ``store``, once its health check answers: (server, its URL)."""
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"),
                               "--server.port", str(port), "--server.address", "127.0.0.1",
                               "--server.headless", "true", "--browser.gatherUsageStats", "false"],
                              cwd=ROOT, env={**os.environ, "ZEREN_STORE": str(store)},
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=1) as answer:
                if answer.read() == b"ok":
                    return server, url
        except OSError:
            if server.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"streamlit did not start: {server.stderr.read().decode()[-2000:]}")
            time.sleep(0.3)


@pytest.fixture(scope="module")
def app_url(tmp_path_factory):
    if CHROMIUM is None:
        pytest.fail("Chromium is not installed: run `make test-deps` (apt install chromium)")
    store = tmp_path_factory.mktemp("browser") / "store"
    zeren = str(Path(sys.executable).with_name("zeren"))
    subprocess.run([zeren, "load", str(ROOT / "tests/fixtures/corpus"), str(ROOT / "tests/fixtures/malicious"),
                    "--store", str(store)], check=True, capture_output=True)
    server, url = serve(store)
    yield url
    server.terminate()
    server.wait(timeout=20)


@pytest.fixture(scope="module")
def browser_page(app_url, tmp_path_factory):
    from playwright.sync_api import sync_playwright
    shots = tmp_path_factory.mktemp("screenshots")
    seen = {"requests": [], "errors": [], "dialogs": []}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        context = browser.new_context(viewport={"width": 1440, "height": 900}, locale="zh-CN")
        page = context.new_page()
        context.on("request", lambda request: seen["requests"].append(request.url))
        page.on("console", lambda message: message.type == "error" and seen["errors"].append(message.text))
        page.on("pageerror", lambda error: seen["errors"].append(str(error)))
        context.on("response", lambda response: response.status >= 400
                   and seen["errors"].append(f"{response.status} {response.url}"))

        def dialog(d):
            seen["dialogs"].append(d.message)
            d.dismiss()
        page.on("dialog", dialog)
        yield page, seen, shots
        print(f"screenshots in {shots}")
        browser.close()


def settle(page, heading: str) -> None:
    page.get_by_role("heading", name=heading).first.wait_for(timeout=30000)
    # Streamlit keeps its websocket open, so "network idle" never comes: wait for the script to finish
    page.locator("[data-testid='stStatusWidget']").wait_for(state="hidden", timeout=30000)
    page.wait_for_timeout(800)


def start(page, url: str) -> None:
    """Load the app once at its root; later pages are reached as a user does, through the navigation
    (a deep link makes Streamlit probe <page>/_stcore/… first, which the server answers 404)."""
    if not page.url.startswith(url):
        page.goto(url)
    settle(page, PAGES["总览"]) if page.url.rstrip("/") == url else None


def visit(page, url: str, title: str) -> None:
    start(page, url)
    page.locator("[data-testid='stSidebarNav']").get_by_role("link", name=title, exact=True).click()
    settle(page, PAGES[title])


def test_every_page_opens_offline_without_errors(app_url, browser_page):
    page, seen, shots = browser_page
    for number, title in enumerate(PAGES):
        visit(page, app_url, title)
        page.screenshot(path=str(shots / f"{number}-{title}.png"), full_page=True)
        # pickers prompt in Chinese, not Streamlit's English default
        english = re.compile(r"^Choose (an option|options)$")
        assert not page.get_by_text(english).count() and not page.get_by_placeholder(english).count(), title
    strangers = {urlsplit(url).hostname for url in seen["requests"]
                 if urlsplit(url).scheme in ("http", "https", "ws", "wss")} - {"127.0.0.1", "localhost"}
    assert not strangers, strangers
    assert not seen["errors"], seen["errors"]
    assert not seen["dialogs"], seen["dialogs"]


def test_click_from_a_gap_card_into_its_table_and_evidence(app_url, browser_page):
    page, seen, shots = browser_page
    visit(page, app_url, "总览")
    page.get_by_text("查看").first.click()  # the first card is 无人负责 (no_owner)
    page.get_by_role("heading", name="问题清单").wait_for()
    page.wait_for_timeout(1500)
    grid = page.locator("[data-testid='stDataFrame']").first
    grid.wait_for()
    box = grid.bounding_box()
    page.mouse.click(box["x"] + 18, box["y"] + 35 + 17)  # the first row's selection box, below the header
    page.get_by_role("heading", name="证据").wait_for(timeout=15000)
    page.get_by_text("在原文中查看").first.click()
    page.get_by_role("heading", name="原文").wait_for()
    mark = page.locator("mark").first
    mark.wait_for()
    # the first row: haicheng's schedule step that names no unit (the table lists documents by title)
    assert mark.inner_text().startswith("1.自查整改。各开发园区、镇区,市直各部门要认真对照")
    page.screenshot(path=str(shots / "gap-evidence.png"), full_page=True)
    assert not seen["errors"] and not seen["dialogs"]


def search_unit(page, url: str, text: str) -> str:
    """Type into the unit search; return the names the ranked list then shows and the unit opened."""
    visit(page, url, "单位")
    field = page.get_by_label("单位名称（可输入全称、简称或其中几个字，如 住建、发改）")
    field.fill(text)
    field.press("Enter")
    page.wait_for_timeout(500)
    page.locator("[data-testid='stStatusWidget']").wait_for(state="hidden", timeout=30000)
    page.get_by_role("heading", name="任务", exact=True).wait_for(timeout=15000)
    return " ".join(grid_column(page, 0, 4)) + " " + page.locator("h3").first.inner_text()


def grid_column(page, column: int, width: int, grid: int = 0) -> list[str]:
    """The cells of one column of a dataframe (its accessible grid cells, row by row)."""
    cells = page.locator("[data-testid='stDataFrame']").nth(grid).locator("[role='gridcell']").all_inner_texts()
    return cells[column::width]


def test_search_a_unit_and_see_its_network(app_url, browser_page):
    page, seen, shots = browser_page
    assert "盘锦市住房和城乡建设委员会" in search_unit(page, app_url, "住建委")
    graph = page.frame_locator("iframe").first
    graph.locator("#mynetwork canvas").wait_for(timeout=15000)  # vis-network drew the graph, from inlined code
    page.screenshot(path=str(shots / "unit.png"), full_page=True)
    assert not seen["errors"] and not seen["dialogs"]


def test_markup_in_documents_is_shown_and_never_run(app_url, browser_page):
    page, seen, shots = browser_page
    shown = search_unit(page, app_url, "alert")
    page.wait_for_timeout(3000)  # the graph iframe draws a unit whose name holds markup
    assert re.search(r"<(script|img|svg)", shown), shown  # the name as written, as text
    visit(page, app_url, "原文")
    page.get_by_role("combobox").first.click()
    # the document is listed by its title, which holds markup of its own (shown as text)
    page.get_by_role("option").filter(has_text="整改任务分解的通知").first.click()
    page.wait_for_timeout(1500)
    assert page.get_by_text("onerror=alert(4)", exact=False).count() >= 1
    for title in ("总览", "问题清单", "问题链", "时间线", "交叉重叠", "导出"):
        visit(page, app_url, title)
    page.screenshot(path=str(shots / "markup.png"), full_page=True)
    assert not seen["dialogs"], seen["dialogs"]
    assert not seen["errors"], seen["errors"]


ASSIGNMENT = """某市2024年重点工作任务分解方案

一、加强财政资金监管，规范专项资金拨付流程。(市财政局牵头，市审计局配合)
二、推进政务服务“一网通办”改革，压缩审批时限。(市政务服务局牵头，市档案馆配合，2024年12月底前完成)
"""


def documents_shown(page, url: str) -> int:
    visit(page, url, "总览")
    metric = page.locator("[data-testid='stMetric']").filter(has_text="文件").first
    return int(metric.locator("[data-testid='stMetricValue']").inner_text())


def test_upload_names_are_text_and_files_of_one_name_stay_apart(app_url, browser_page, tmp_path):
    """Issue 18, 10–11: a file name is data, shown as written (no image fetched, no link made); two files
    of one name are two files; a name too long for the file system still previews."""
    page, seen, shots = browser_page
    named = []
    for n, name in enumerate(["![y](https:attacker.example).txt", "[点此核对](https:attacker.example).txt"]):
        path = tmp_path / f"bad{n}" / name
        path.parent.mkdir()
        path.write_bytes(b"")                   # unreadable: the page names it in an error message
        named.append(path)
    twins = []
    for n, text in enumerate(("1.整改甲项。(牵头单位:市档案局)", "1.整改乙项。(牵头单位:市史志办)")):
        path = tmp_path / f"twin{n}" / "整改方案.txt"
        path.parent.mkdir()
        path.write_text(text, encoding="utf-8")
        twins.append(path)
    long_name = tmp_path / "long" / ("关于进一步做好巡视整改工作的通知" * 6)[:86]
    long_name.parent.mkdir()
    long_name = long_name.with_name(long_name.name[:82] + ".txt")
    long_name.write_text("1.建立整改台账。(牵头单位:市纪委监委)", encoding="utf-8")
    visit(page, app_url, "导入")
    page.locator("input[type='file']").set_input_files([*map(str, named), *map(str, twins), str(long_name)])
    page.get_by_role("heading", name="预览").wait_for(timeout=30000)
    settle(page, "导入")
    for path in named:
        assert page.get_by_text(f"{path.name}：无法读取（", exact=False).count() == 1, path.name
    assert page.locator("[data-testid='stMarkdownContainer'] a[href*='attacker']").count() == 0
    assert page.locator("img[src*='attacker']").count() == 0
    assert page.get_by_role("button", name="加入数据库（3个文件）").count() == 1     # both twins and the long name
    page.screenshot(path=str(shots / "upload-names.png"), full_page=True)
    assert not any("attacker" in url for url in seen["requests"])


# Last in this module: it adds a document to the store the other tests read.
def test_upload_previews_then_adds_only_what_is_new(app_url, browser_page, tmp_path):
    page, seen, shots = browser_page
    before = documents_shown(page, app_url)
    new = tmp_path / "任务分解.txt"
    new.write_text(ASSIGNMENT, encoding="gb18030")  # read as a user's GB18030 file, not UTF-8
    broken = tmp_path / "扫描件.pdf"
    broken.write_bytes(b"%PDF-1.4 not a real pdf")
    known = ROOT / "tests/fixtures/corpus/panjin_2022_zhengxie_tian_dafu.txt"
    visit(page, app_url, "导入")
    page.locator("input[type='file']").set_input_files([str(new), str(broken), str(known)])
    page.get_by_role("heading", name="预览").wait_for(timeout=30000)
    assert page.get_by_text("扫描件.pdf：无法读取（").count() == 1  # the unreadable file says so; the others go on
    page.get_by_role("button", name="加入数据库（2个文件）").click()
    done = page.get_by_text("完成：")
    done.wait_for(timeout=30000)
    assert "任务分解.txt 已加入" in done.inner_text() and f"{known.name} 已存在，未改动" in done.inner_text()
    page.screenshot(path=str(shots / "upload.png"), full_page=True)
    assert documents_shown(page, app_url) == before + 1
    assert "市档案馆" in search_unit(page, app_url, "档案馆")  # named only in the new document
    assert not seen["errors"] and not seen["dialogs"], (seen["errors"], seen["dialogs"])
