"""Session-wide settings: OCR results are cached under the test run's temporary directory, never in ~/.cache."""
from __future__ import annotations

import pytest


@pytest.fixture(autouse=True, scope="session")
def ocr_cache_in_a_temporary_directory(tmp_path_factory):
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("ZEREN_OCR_CACHE", str(tmp_path_factory.mktemp("ocr-cache")))
        yield
