"""A plain (non-editable) install carries everything the reader reads at run time.

Builds a wheel, installs it with its declared dependencies into a fresh virtual
environment and analyses the bundled sample there, from a folder outside the source
tree so nothing can be imported from the checkout. Slow (a real install), still run in CI.
"""

from __future__ import annotations

import json
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

from tests.gold import gold_mentions, match_mentions

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out), str(ROOT)],
                   check=True, capture_output=True, timeout=600)
    (built,) = out.glob("reader-*.whl")
    return built


def test_the_wheel_holds_the_sample_and_every_gazetteer(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    shipped = {path.relative_to(ROOT).as_posix() for path in (ROOT / "reader" / "data").rglob("*") if path.is_file()}
    assert shipped, "no data files found in the source tree"
    assert shipped <= names, f"missing from the wheel: {sorted(shipped - names)}"


def test_a_fresh_virtualenv_with_the_wheel_analyses_the_sample_like_the_source_tree(
        wheel: Path, tmp_path: Path, gold: dict, sample_analysis) -> None:
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    python = env_dir / "bin" / "python"
    subprocess.run([str(python), "-m", "pip", "install", "-q", str(wheel)], check=True, capture_output=True,
                   timeout=900)
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    run = subprocess.run([str(python), "-m", "reader", "analyze", "--compact",
                          str(ROOT / "tests" / "data" / "hama.html")],
                         cwd=outside, capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr
    installed = json.loads(run.stdout)
    where = subprocess.run([str(python), "-c", "import reader, sys; print(reader.__file__)"], cwd=outside,
                           capture_output=True, text=True, check=True).stdout
    assert str(env_dir) in where, f"reader was imported from {where}, not the fresh environment"

    from reader.core.export import to_dict

    here = to_dict(sample_analysis)
    for part in ("text", "entities", "quotes", "links"):
        assert installed[part] == here[part], f"{part} differ between the wheel and the source tree"
    predicted = [(m["start"], m["end"], entity["label"]) for entity in installed["entities"]
                 for m in entity["mentions"]]
    _found, missed = match_mentions(gold_mentions(gold, installed["text"]), predicted)
    assert not missed, f"gold mentions lost in the installed reader: {[item['text'] for item, _ in missed]}"
