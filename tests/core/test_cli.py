"""The command line: JSON per the contract, jsonl past bad files, one-line errors, one model load."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from reader import cli
from reader.core import pipeline

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def _private_corrections(tmp_path, monkeypatch):
    """analyze reads the user's corrections: never the real ones in a test (a subprocess inherits this too)."""
    monkeypatch.setenv("READER_LIBRARY", str(tmp_path / "no-library" / "reader.sqlite3"))


def run(*args):
    return subprocess.run([sys.executable, "-m", "reader", *args], capture_output=True, text=True, cwd=ROOT)


def test_one_file_prints_one_object_with_the_contract_fields(data_dir):
    result = run("analyze", str(data_dir / "hama.html"), "--model", "rules")
    assert result.returncode == 0, result.stderr
    payload = json.loads(result.stdout)
    assert {"source", "title", "text", "entities", "quotes", "links"} <= payload.keys()
    text = payload["text"]
    for entity in payload["entities"]:
        assert {"id", "name", "label", "aliases", "mentions"} <= entity.keys()
        assert all(text[m["start"]:m["end"]] == m["text"] for m in entity["mentions"])
    for quote in payload["quotes"]:
        assert text[quote["start"]:quote["end"]] == quote["text"]
        assert quote["kind"] in {"full", "partial", "term", "title"}
    assert [link["href"] for link in payload["links"]][:1] == [
        "https://www.thenationalnews.com/news/mena/2024/12/04/signs-of-welcome-for-syrian-rebels-in-hama-a-city-that-paid-dearly-for-its-opposition-to-assad/"]


def test_jsonl_keeps_going_past_a_bad_file_and_fails_the_exit_code(tmp_path, data_dir):
    empty = tmp_path / "empty.html"
    empty.write_bytes(b"")
    result = run("analyze", str(data_dir / "hama.html"), str(tmp_path / "missing.txt"), str(empty),
                 str(data_dir / "hama.html"), "--format", "jsonl", "--model", "rules")
    assert result.returncode == 1
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["source"] for line in lines] == [str(data_dir / "hama.html"), str(tmp_path / "missing.txt"),
                                                  str(empty), str(data_dir / "hama.html")]
    assert "error" in lines[1] and "no such file" in lines[1]["error"]
    assert "error" in lines[2] and "empty" in lines[2]["error"]
    assert "entities" in lines[3]
    errors = result.stderr.strip().splitlines()
    assert len(errors) == 2 and all(line.startswith("reader: ") for line in errors)
    assert "Traceback" not in result.stderr


def test_the_model_loads_once_for_many_files(monkeypatch, data_dir, capsys):
    calls = []
    real = pipeline.load_recogniser

    def counting(model=None):
        calls.append(model)
        return real("rules")

    monkeypatch.setattr(pipeline, "load_recogniser", counting)
    assert cli.main(["analyze", str(data_dir / "hama.html"), str(data_dir / "hama.html"), "--format", "jsonl"]) == 0
    assert len(calls) == 1
    assert len(capsys.readouterr().out.splitlines()) == 2


def test_usage_errors_are_one_clear_message():
    result = run("analyze")
    assert result.returncode == 2 and "FILE" in result.stderr and "Traceback" not in result.stderr


@pytest.mark.parametrize("name", ["doc.pdf", "image.png"])
def test_binary_files_are_refused_in_one_line(tmp_path, name):
    path = tmp_path / name
    path.write_bytes(b"%PDF-1.4 binary" if name.endswith("pdf") else b"\x89PNG\r\n\x1a\nxxxx")
    result = run("analyze", str(path), "--model", "rules")
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1 and "not an article" in result.stderr


# ------------------------------------------------------------------ stored corrections (issue 11)


def _analyse_json(capsys, *args):
    code = cli.main(["analyze", *args, "--model", "rules", "--compact"])
    captured = capsys.readouterr()
    return code, json.loads(captured.out), captured.err


def test_a_stored_correction_changes_the_json_and_no_corrections_ignores_it(tmp_path, data_dir, capsys):
    from reader.core.corrections import NewEntity, NotAnEntity
    from reader.store import CorrectionStore, open_database

    article = str(data_dir / "hama.html")
    db = tmp_path / "corrections.sqlite3"
    _, plain, _ = _analyse_json(capsys, article, "--db", str(db))
    assert not db.exists()  # reading corrections creates no database
    victim = plain["entities"][0]["name"]
    with open_database(db) as database:
        CorrectionStore(database).add(NotAnEntity(victim))
        CorrectionStore(database).add(NewEntity("Hama", "FAC"))
    code, corrected, err = _analyse_json(capsys, article, "--db", str(db))
    assert code == 0 and err == ""
    assert victim not in {e["name"] for e in corrected["entities"]}
    assert {e["label"] for e in corrected["entities"] if e["name"] == "Hama"} == {"FAC"}
    _, ignored, _ = _analyse_json(capsys, article, "--db", str(db), "--no-corrections")
    assert ignored["entities"] == plain["entities"]


def test_a_correction_of_a_speaker_reaches_the_quotes(tmp_path, capsys):
    from reader.core.corrections import SetSpeaker, article_key
    from reader.core.load import load_path
    from reader.store import CorrectionStore, open_database

    path = tmp_path / "story.txt"
    path.write_text("The mayor spoke at noon. “We will rebuild the bridge,” a voice said. Jane Doe was there.\n")
    _, before, _ = _analyse_json(capsys, str(path), "--db", str(tmp_path / "db.sqlite3"))
    [quote] = [q for q in before["quotes"] if q["text"].startswith("We will rebuild")]
    assert (quote["speaker"] or {}).get("text") != "Jane Doe"
    with open_database(tmp_path / "db.sqlite3") as database:
        CorrectionStore(database).add(SetSpeaker(article_key(load_path(str(path))), quote["start"], quote["end"],
                                                 "Jane Doe"))
    _, after, _ = _analyse_json(capsys, str(path), "--db", str(tmp_path / "db.sqlite3"))
    [quote] = [q for q in after["quotes"] if q["text"].startswith("We will rebuild")]
    assert quote["speaker"]["text"] == "Jane Doe"


def test_a_damaged_corrections_database_still_analyses_with_one_line_on_stderr(tmp_path, data_dir):
    db = tmp_path / "damaged.sqlite3"
    db.write_bytes(b"SQLite format 3\x00" + b"\xff" * 5000)
    result = run("analyze", str(data_dir / "hama.html"), "--model", "rules", "--db", str(db))
    assert result.returncode == 0
    assert json.loads(result.stdout)["entities"]
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith("reader: ") and result.stderr.rstrip().endswith("Corrections are not applied.")
    assert db.read_bytes() == b"SQLite format 3\x00" + b"\xff" * 5000
