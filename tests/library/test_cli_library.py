"""``python -m reader library ...``: each command's --format json document, parsed and checked; tables; errors."""

from __future__ import annotations

import csv
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from reader import cli

ROOT = Path(__file__).resolve().parents[2]
NEWS = ROOT / "tests" / "data" / "news"
PASSAGES = ["pol-01", "pol-02", "bus-01", "bus-02", "crt-01", "spt-01", "loc-01", "int-01"]


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = cli.main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture(scope="module")
def library(tmp_path_factory) -> Path:
    """A library of eight news passages plus a follow-up that names Margaret Ellery again, by surname only."""
    folder = tmp_path_factory.mktemp("articles")
    for name in PASSAGES:
        shutil.copy(NEWS / f"{name}.txt", folder / f"{name}.txt")
    (folder / "follow-up.txt").write_text(
        "Senator Margaret Ellery returned to the farm bill on Friday. “The farmers are still waiting,” Ellery said.\n")
    db = tmp_path_factory.mktemp("db") / "library.sqlite3"
    assert cli.main(["library", "add", str(folder), "--db", str(db), "--model", "rules", "--workers", "0"]) == 0
    return db


def test_add_reports_added_skipped_and_failed_as_json_and_exits_1_on_a_failure(capsys, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(NEWS / "pol-01.txt", folder / "a.txt")
    shutil.copy(NEWS / "pol-01.txt", folder / "same-text.txt")
    (folder / "empty.txt").write_bytes(b"")
    db = str(tmp_path / "l.sqlite3")
    code, out, err = run(capsys, "library", "add", str(folder), "--db", db, "--model", "rules", "--workers", "0",
                         "--format", "json")
    document = json.loads(out)
    assert code == 1
    assert (document["added"], document["skipped"], document["articles_in_library"]) == (1, 1, 1)
    assert [Path(f["path"]).name for f in document["failed"]] == ["empty.txt"]
    assert err.count("\n") == 1 and err.startswith("reader: ")
    code, out, _ = run(capsys, "library", "add", str(folder / "a.txt"), "--db", db, "--model", "rules")
    assert code == 0 and out.startswith("Added 0, skipped 1")


def test_entities_json_lists_names_most_mentioned_first_with_counts_and_aliases(capsys, library):
    code, out, _ = run(capsys, "library", "entities", "--db", str(library), "--format", "json", "--limit", "0")
    rows = json.loads(out)["entities"]
    assert code == 0 and rows
    assert {"id", "name", "label", "aliases", "articles", "mentions", "quotes"} <= rows[0].keys()
    keys = [(row["mentions"], row["articles"]) for row in rows]
    assert keys == sorted(keys, reverse=True)
    assert not {"DATE", "TIME", "MONEY"} & {row["label"] for row in rows}  # names only, by default
    ellery = next(row for row in rows if row["name"] == "Margaret Ellery")
    assert ellery["articles"] == 2 and "Ellery" in ellery["aliases"]


def test_entities_label_and_limit(capsys, library):
    _, out, _ = run(capsys, "library", "entities", "--db", str(library), "--format", "json", "--label", "GPE",
                    "--limit", "3")
    rows = json.loads(out)["entities"]
    assert 0 < len(rows) <= 3 and {row["label"] for row in rows} == {"GPE"}


def test_quotes_json_for_a_speaker_matches_any_of_their_names(capsys, library):
    documents = []
    for name in ("Margaret Ellery", "Ellery", "Sen. Margaret Ellery"):
        code, out, _ = run(capsys, "library", "quotes", "--db", str(library), "--speaker", name, "--format", "json")
        assert code == 0
        documents.append(json.loads(out)["quotes"])
    assert documents[0] == documents[1] == documents[2]
    quotes = documents[0]
    assert {q["speaker_entity"] for q in quotes} == {"Margaret Ellery"}
    assert {Path(q["source"]).name for q in quotes} == {"pol-01.txt", "follow-up.txt"}
    assert any(q["text"].startswith("The farmers are still waiting") for q in quotes)
    assert {"text", "speaker", "speaker_entity", "speaker_entity_id", "source", "title"} <= quotes[0].keys()


def test_quotes_of_nobody_known_is_an_empty_list(capsys, library):
    _, out, _ = run(capsys, "library", "quotes", "--db", str(library), "--speaker", "Nobody Atall", "--format", "json")
    assert json.loads(out)["quotes"] == []


def test_speakers_json_counts_quotes_and_articles_and_the_shares_add_up(capsys, library):
    code, out, _ = run(capsys, "library", "speakers", "--db", str(library), "--format", "json")
    document = json.loads(out)
    speakers = document["speakers"]
    assert code == 0 and speakers
    assert [s["quotes"] for s in speakers] == sorted((s["quotes"] for s in speakers), reverse=True)
    assert all(s["articles"] <= s["quotes"] for s in speakers)
    total = sum(document["quotes_by_label"].values())
    assert total == sum(s["quotes"] for s in speakers)
    people = document["quotes_by_label"].get("PERSON", 0)
    assert document["people_share"] == pytest.approx(people / total, abs=1e-4)
    assert 0 <= document["people_share"] + document["organisations_share"] <= 1
    ellery = next(s for s in speakers if s["name"] == "Margaret Ellery")
    assert ellery["articles"] == 2


def test_search_json_finds_articles_with_a_marked_snippet(capsys, library):
    code, out, _ = run(capsys, "library", "search", "--db", str(library), "farmers", "--format", "json")
    hits = json.loads(out)["articles"]
    assert code == 0
    assert {Path(hit["source"]).name for hit in hits} >= {"pol-01.txt", "follow-up.txt"}
    assert all("[farmers]" in hit["snippet"].lower() for hit in hits)
    _, out, _ = run(capsys, "library", "search", "--db", str(library), 'zzqxw AND ( "', "--format", "json")
    assert json.loads(out)["articles"] == []  # FTS syntax in the input is words, not an error
    _, out, _ = run(capsys, "library", "search", "--db", str(library), "and", "--format", "json")
    with_and = [name for name in PASSAGES if re.search(r"\band\b", (NEWS / f"{name}.txt").read_text(), re.I)]
    assert len(json.loads(out)["articles"]) == len(with_and) >= 5  # the follow-up has no "and"


def test_export_writes_each_table_and_the_tables_join(capsys, library, tmp_path):
    code, out, _ = run(capsys, "library", "export", "--db", str(library), "--format", "jsonl", str(tmp_path / "j"))
    assert code == 0 and "articles: 9" in out
    articles = [json.loads(line) for line in (tmp_path / "j" / "articles.jsonl").read_text().splitlines()]
    mentions = [json.loads(line) for line in (tmp_path / "j" / "mentions.jsonl").read_text().splitlines()]
    texts = {a["id"]: a["text"] for a in articles}
    assert mentions and all(texts[m["article_id"]][m["start"]:m["end"]] == m["text"] for m in mentions)
    run(capsys, "library", "export", "--db", str(library), "--format", "csv", str(tmp_path / "c"))
    with (tmp_path / "c" / "library_entities.csv").open(newline="") as file:
        rows = list(csv.DictReader(file))
    assert rows and isinstance(json.loads(rows[0]["aliases"]), list)


def test_parquet_export_reads_back_with_typed_columns(capsys, library, tmp_path):
    parquet = pytest.importorskip("pyarrow.parquet")
    code, _, _ = run(capsys, "library", "export", "--db", str(library), "--format", "parquet", str(tmp_path / "p"))
    table = parquet.read_table(tmp_path / "p" / "library_entities.parquet")
    assert code == 0 and table.num_rows > 10
    pyarrow = pytest.importorskip("pyarrow")
    aliases = table.schema.field("aliases").type
    assert pyarrow.types.is_list(aliases) and pyarrow.types.is_string(aliases.value_type)
    assert all(isinstance(value, list) for value in table.column("aliases").to_pylist())
    quotes = parquet.read_table(tmp_path / "p" / "quotes.parquet")
    assert pyarrow.types.is_int64(quotes.schema.field("speaker_library_entity_id").type) and quotes.num_rows > 0


def test_tables_for_people(capsys, library):
    _, out, _ = run(capsys, "library", "speakers", "--db", str(library))
    assert out.splitlines()[0].split() == ["speaker", "label", "quotes", "articles"]
    assert "attributed quotes: people" in out
    _, out, _ = run(capsys, "library", "entities", "--db", str(library), "--limit", "5")
    assert len(out.splitlines()) == 7  # header, rule, five rows


def test_questions_before_anything_was_added_are_empty_and_create_no_file(capsys, tmp_path):
    db = tmp_path / "none" / "library.sqlite3"
    code, out, _ = run(capsys, "library", "entities", "--db", str(db), "--format", "json")
    assert (code, json.loads(out)) == (0, {"entities": []})
    assert not db.exists()


def test_a_damaged_library_is_one_line_and_exit_1(tmp_path):
    db = tmp_path / "library.sqlite3"
    db.write_bytes(b"this is not a database at all" * 100)
    result = subprocess.run([sys.executable, "-m", "reader", "library", "speakers", "--db", str(db)],
                            capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1 and "damaged" in result.stderr and "Traceback" not in result.stderr
    assert db.read_bytes() == b"this is not a database at all" * 100


def test_a_library_from_a_newer_reader_is_refused_in_one_line_and_left_alone(capsys, library, tmp_path):
    import sqlite3

    from reader.store import LATEST

    newer = tmp_path / "newer.sqlite3"
    shutil.copy(library, newer)
    connection = sqlite3.connect(newer)
    connection.execute(f"PRAGMA user_version = {LATEST + 1}")
    connection.commit()
    connection.close()
    before = newer.read_bytes()
    code, out, err = run(capsys, "library", "add", str(NEWS / "pol-03.txt"), "--db", str(newer), "--model", "rules")
    assert (code, out) == (1, "")
    assert err.count("\n") == 1 and "newer version of Reader" in err
    assert newer.read_bytes() == before


def test_a_library_locked_by_another_program_is_one_line_and_nothing_is_half_written(capsys, library, tmp_path):
    import sqlite3

    locked = tmp_path / "locked.sqlite3"
    shutil.copy(library, locked)
    holder = sqlite3.connect(locked, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another program is writing, and keeps at it
    try:
        code, _, err = run(capsys, "library", "add", str(NEWS / "pol-03.txt"), "--db", str(locked), "--model",
                           "rules", "--workers", "0")
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert code == 1 and err.count("\n") == 1 and "in use by another program" in err
    count = sqlite3.connect(locked).execute("SELECT count(*) FROM articles").fetchone()[0]
    assert count == 9  # the fixture's nine: nothing of the failed add


def test_the_progress_bar_shows_on_a_terminal_only(monkeypatch):
    import io

    from reader import cli_library

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    piped = io.StringIO()
    monkeypatch.setattr(sys, "stderr", piped)
    progress, close = cli_library._progress_bar()
    assert progress is None
    close()
    terminal = Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    progress, close = cli_library._progress_bar()
    progress(1, 3)
    progress(3, 3)
    close()
    assert "3/3" in terminal.getvalue() and piped.getvalue() == ""
