import json
import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

DATA = Path(__file__).parent / "data"


@pytest.fixture(autouse=True)
def _private_data_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test touches the real user data folder: READER_LIBRARY and XDG_DATA_HOME point into tmp."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    monkeypatch.setenv("READER_LIBRARY", str(tmp_path / "env" / "reader.sqlite3"))


@pytest.fixture(scope="session")
def data_dir() -> Path:
    return DATA


@pytest.fixture(scope="session")
def gold() -> dict:
    return json.loads((DATA / "hama.gold.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def analyzer():
    from reader.core import Analyzer

    return Analyzer()


@pytest.fixture(scope="session")
def sample_analysis(analyzer):
    from reader.core import load_path

    return analyzer.analyze(load_path(DATA / "hama.html"))
