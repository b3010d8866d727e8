"""``python -m reader analyze``: its own notices on stderr show names from the user escaped (reader/terminal.py).

The model name given with --model is echoed in the notice that it cannot be loaded, and the
corrections database's path in the line that says it cannot be read: an ANSI escape, a C1
control or a bidi override there is shown as ``\\x1b``, ``\\x9b``, ``\\u202e``, never acted on.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
HOSTILE = "ansi\x1b[31mred\x1b]0;owned\x07\u202egnp"
RAW = ("\x1b", "\x07", "\x9b", "\u202e")


def _analyze(*args: str, tmp_path: Path) -> subprocess.CompletedProcess[bytes]:
    article = tmp_path / "story.txt"
    article.write_text("Mara Quill, the harbour master, said the boats were back in Penhallow.\n", encoding="utf-8")
    env = dict(os.environ, READER_NER_IN_PROCESS="1", XDG_DATA_HOME=str(tmp_path / "xdg"))
    return subprocess.run([sys.executable, "-m", "reader", "analyze", str(article), *args], capture_output=True,
                          cwd=ROOT, env=env, timeout=240, check=False)


def _inert(output: bytes) -> str:
    text = output.decode("utf-8")
    assert not any(char in text for char in RAW), text
    return text


@pytest.mark.timeout(240)
def test_a_model_that_cannot_be_loaded_is_named_escaped(tmp_path: Path):
    done = _analyze("--model", HOSTILE, tmp_path=tmp_path)
    err = _inert(done.stderr)
    assert done.returncode == 0 and "\\x1b[31mred\\x1b]0;owned\\x07\\u202egnp" in err
    assert '"entities"' in done.stdout.decode("utf-8")  # the analysis ran with the next recogniser


@pytest.mark.timeout(240)
def test_a_damaged_corrections_database_at_a_hostile_path_is_one_escaped_line(tmp_path: Path):
    db = tmp_path / f"{HOSTILE}.sqlite3"
    db.write_bytes(b"this is not a database at all" * 100)
    done = _analyze("--db", str(db), "--model", "rules", tmp_path=tmp_path)
    err = _inert(done.stderr)
    assert done.returncode == 0 and "Corrections are not applied." in err
    assert "\\u202egnp.sqlite3" in err and err.count("\n") == 1
    assert db.read_bytes() == b"this is not a database at all" * 100
