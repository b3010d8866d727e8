"""``python -m reader library ...``: names from the user or the data (file names, titles, the database's path)
reach the terminal escaped, as in ``analyze`` (reader/terminal.py): an ANSI escape, a C1 control or a bidi
override is shown as ``\\x1b``, ``\\x9b``, ``\\u202e``, never acted on; the JSON stays valid UTF-8."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
HOSTILE = "ansi\x1b[31mred\x1b]0;owned\x07\u202egnp"  # recolour, retitle the terminal, reverse the rest
RAW = ("\x1b", "\x07", "\x9b", "\u202e")
BODY = ("The minister said the budget would protect families, while officials in Brussels disagreed. "
        "Angela Merkel met Emmanuel Macron in Paris on Tuesday to discuss the treaty.\n")


def _library(*args: str | bytes, tmp_path: Path) -> subprocess.CompletedProcess[bytes]:
    env = dict(os.environ, READER_NER_IN_PROCESS="1", XDG_DATA_HOME=str(tmp_path / "xdg"))
    return subprocess.run([sys.executable, "-m", "reader", "library", *args], capture_output=True, cwd=ROOT,
                          env=env, timeout=240, check=False)


def _inert(output: bytes) -> str:
    text = output.decode("utf-8")  # strict: valid UTF-8
    assert not any(char in text for char in RAW), text
    return text


def _add(folder: Path, db: Path, tmp_path: Path, *extra: str) -> subprocess.CompletedProcess[bytes]:
    return _library("add", str(folder), "--db", str(db), "--model", "rules", "--workers", "0", *extra,
                    tmp_path=tmp_path)


@pytest.mark.timeout(240)
def test_a_failed_file_is_named_escaped_on_stderr(tmp_path: Path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / f"{HOSTILE}.txt").write_bytes(b"")  # empty: fails to load
    done = _add(folder, tmp_path / "l.sqlite3", tmp_path)
    err = _inert(done.stderr)
    assert done.returncode == 1
    assert err.count("\n") == 1 and err.startswith("reader: ")
    assert "ansi\\x1b[31mred\\x1b]0;owned\\x07\\u202egnp.txt" in err and "is empty" in err


@pytest.mark.timeout(240)
def test_the_json_of_add_is_valid_utf8_whatever_the_file_names(tmp_path: Path):
    folder = tmp_path / "in"
    folder.mkdir()
    with open(os.path.join(os.fsencode(folder), b"bad\xff\x1b.txt"), "wb"):
        pass  # a name that is not UTF-8, with an escape: empty, so it fails
    done = _add(folder, tmp_path / "l.sqlite3", tmp_path, "--format", "json")
    document = json.loads(_inert(done.stdout))
    assert done.returncode == 1
    assert [Path(failed["path"]).name for failed in document["failed"]] == ["bad\\xff\x1b.txt"]
    _inert(done.stderr)


@pytest.mark.timeout(240)
def test_a_damaged_library_at_a_hostile_path_is_one_escaped_line(tmp_path: Path):
    db = tmp_path / f"{HOSTILE}.sqlite3"
    db.write_bytes(b"this is not a database at all" * 100)
    done = _library("speakers", "--db", str(db), tmp_path=tmp_path)
    err = _inert(done.stderr)
    assert done.returncode == 1 and err.count("\n") == 1 and "damaged" in err
    assert "\\x1b[31mred\\x1b]0;owned\\x07\\u202egnp.sqlite3" in err
    assert db.read_bytes() == b"this is not a database at all" * 100


@pytest.mark.timeout(240)
def test_an_export_that_cannot_be_written_is_one_escaped_line(tmp_path: Path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    done = _library("export", "--db", str(tmp_path / "none.sqlite3"), "--format", "csv",
                    str(blocker / HOSTILE), tmp_path=tmp_path)
    err = _inert(done.stderr)
    assert done.returncode == 1 and err.count("\n") == 1 and "Traceback" not in err
    assert err.startswith("reader: cannot write the export to ") and "\\u202egnp" in err
    assert blocker.read_text() == "not a folder"


@pytest.mark.timeout(240)
def test_tables_show_hostile_titles_and_file_names_escaped(tmp_path: Path):
    import sqlite3

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / f"{HOSTILE}.txt").write_text(BODY, encoding="utf-8")  # no title: the table shows the file name
    (folder / "titled.txt").write_text("Emmanuel Macron spoke in Paris on Friday. “We will act,” Macron said.\n",
                                       encoding="utf-8")
    db = tmp_path / "l.sqlite3"
    assert _add(folder, db, tmp_path).returncode == 0
    # The loader cleans the titles it reads; a library written by another tool (or an older Reader) may not have.
    with sqlite3.connect(db) as connection:
        connection.execute("UPDATE articles SET title = ? WHERE source LIKE '%titled.txt'",
                           ("Budget \x1b[2J\x9b1m\u202e talks",))
    done = _library("search", "--db", str(db), "Macron", tmp_path=tmp_path)
    out = _inert(done.stdout)
    assert done.returncode == 0
    assert "ansi\\x1b[31mred\\x1b]0;owned" in out  # the column is 40 wide: the rest of the name is cut ("…")
    assert "Budget \\x1b[2J\\x9b1m\\u202e talks" in out
    done = _library("quotes", "--db", str(db), tmp_path=tmp_path)
    assert "Budget \\x1b[2J\\x9b1m\\u202e talks" in _inert(done.stdout)  # the article column
