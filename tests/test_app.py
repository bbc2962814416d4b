"""The app page renders the sample corpus from a real store, and document text stays text."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).parent.parent
ZEREN = str(Path(sys.executable).with_name("zeren"))


@pytest.fixture()
def store(tmp_path, monkeypatch):
    location = tmp_path / "store"
    subprocess.run([ZEREN, "load", str(ROOT / "tests/fixtures/corpus"), "--store", str(location)],
                   check=True, capture_output=True)
    monkeypatch.setenv("ZEREN_STORE", str(location))
    return location


def run_app() -> AppTest:
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    app.run()
    assert not app.exception, app.exception
    return app


def test_overview_shows_the_sample_corpus(store):
    app = run_app()
    metrics = {m.label: m.value for m in app.metric}
    assert str(metrics.get("文件")) == "5", metrics
    documents = app.dataframe[0].value
    assert "盘锦市人民政府办公室" in set(documents["发文单位"])


def test_empty_store_says_how_to_load(tmp_path, monkeypatch):
    monkeypatch.setenv("ZEREN_STORE", str(tmp_path / "empty"))
    app = run_app()
    assert any("zeren load" in info.value for info in app.info)


def test_markup_in_a_document_is_shown_as_text(tmp_path, monkeypatch):
    doc = tmp_path / "xss.txt"
    doc.write_text("<script>alert(1)</script>关于整改的通知\n一、整改任务\n(一)加强督查。(牵头单位:<img src=x onerror=alert(1)>局)\n"
                   "\n某市人民政府\n2020年1月2日\n", encoding="utf-8")
    location = tmp_path / "store"
    subprocess.run([ZEREN, "load", str(doc), "--store", str(location)], check=True, capture_output=True)
    monkeypatch.setenv("ZEREN_STORE", str(location))
    app = run_app()
    assert not app.markdown or all("<script>" not in md.value for md in app.markdown)
    shown = " ".join(str(df.value.to_dict()) for df in app.dataframe)
    assert "<script>" in shown or "onerror" in shown     # present, as data in a table
