"""Adding files: folders walked, known texts skipped before analysis, failures reported, batches, worker processes."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from reader.core import Analyzer
from reader.library import add_paths, article_paths, queries

NEWS = Path(__file__).resolve().parents[1] / "data" / "news"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """Six news passages in a folder tree, with a gold .json file and a hidden file that are not articles."""
    root = tmp_path / "articles"
    (root / "politics").mkdir(parents=True)
    (root / "business").mkdir()
    for name in ("pol-01", "pol-02", "pol-03"):
        shutil.copy(NEWS / f"{name}.txt", root / "politics" / f"{name}.txt")
        shutil.copy(NEWS / f"{name}.json", root / "politics" / f"{name}.json")
    for name in ("bus-01", "bus-02", "bus-03"):
        shutil.copy(NEWS / f"{name}.txt", root / "business" / f"{name}.md")
    (root / ".hidden.txt").write_text("Not an article of ours.")
    return root


def rules() -> Analyzer:
    return Analyzer(model="rules")


def test_a_folder_is_walked_for_article_files_in_name_order(folder):
    found = [path.relative_to(folder).as_posix() for path in article_paths([folder])]
    assert found == ["business/bus-01.md", "business/bus-02.md", "business/bus-03.md",
                     "politics/pol-01.txt", "politics/pol-02.txt", "politics/pol-03.txt"]
    assert list(article_paths([folder / "politics" / "pol-01.json"])) == [folder / "politics" / "pol-01.json"]


def test_adding_a_folder_twice_analyses_each_text_once(db, folder, monkeypatch):
    report = add_paths(db, [folder], workers=0, analyzer=rules(), batch_size=4)
    assert (report.added, report.skipped, report.failed) == (6, 0, [])
    assert db.query("SELECT count(*) FROM articles WHERE analysed_at IS NOT NULL")[0][0] == 6
    analysed = []
    analyzer = rules()
    real = analyzer.analyze
    monkeypatch.setattr(analyzer, "analyze",
                        lambda article, **kw: analysed.append(article.source) or real(article, **kw))
    again = add_paths(db, [folder], workers=0, analyzer=analyzer)
    assert (again.added, again.skipped, analysed) == (0, 6, [])  # skipped before analysing


def test_the_same_text_twice_in_one_run_is_added_once(db, folder):
    shutil.copy(folder / "politics" / "pol-01.txt", folder / "politics" / "pol-01-copy.txt")
    report = add_paths(db, [folder / "politics"], workers=0, analyzer=rules())
    assert (report.added, report.skipped) == (3, 1)


def test_a_bad_file_is_one_failure_and_the_run_goes_on(db, folder, tmp_path):
    (folder / "politics" / "empty.txt").write_bytes(b"")
    report = add_paths(db, [folder, tmp_path / "missing.txt"], workers=0, analyzer=rules())
    assert report.added == 6
    assert [Path(path).name for path, _ in report.failed] == ["empty.txt", "missing.txt"]
    assert all("\n" not in reason and reason for _, reason in report.failed)


def test_reanalyse_replaces_what_is_stored(db, folder):
    add_paths(db, [folder / "business"], workers=0, analyzer=rules())
    before = db.query("SELECT max(analysed_at), count(*) FROM entities JOIN articles a ON a.id = article_id")[0][1]
    report = add_paths(db, [folder / "business"], workers=0, analyzer=rules(), reanalyse=True)
    assert (report.added, report.updated, report.skipped) == (0, 3, 0)
    assert db.query("SELECT count(*) FROM entities")[0][0] == before  # replaced, not doubled


def test_a_cancel_stops_after_the_current_article_and_keeps_what_was_stored(db, folder):
    done = []
    report = add_paths(db, [folder], workers=0, analyzer=rules(), progress=lambda d, t: done.append((d, t)),
                       cancelled=lambda: len(done) >= 2)
    assert report.cancelled and report.added == 2
    assert done == [(1, 6), (2, 6)]
    assert db.query("SELECT count(*) FROM articles")[0][0] == 2


def test_stored_corrections_apply_to_what_is_added(db, folder):
    from reader.core.corrections import RetypeEntity

    add_paths(db, [folder / "business" / "bus-01.md"], workers=0, analyzer=rules(),
              corrections=[RetypeEntity("Tallis Outdoor", "PRODUCT")])
    labels = {row.label for row in queries.entities(db, label="ALL") if row.name == "Tallis Outdoor"}
    assert labels == {"PRODUCT"}


def test_worker_processes_add_the_same_library_as_one_process(db_path, tmp_path, folder):
    from reader.store import open_database

    with open_database(db_path) as db:
        add_paths(db, [folder / "politics"], workers=0, analyzer=rules())
        report = add_paths(db, [folder], workers=2, model="rules", batch_size=2)
        assert (report.added, report.skipped, report.failed) == (3, 3, [])  # the known three skipped in the workers
        pooled = sorted(tuple(row) for row in db.query("SELECT a.source, e.name, e.label FROM entities e"
                                                       " JOIN articles a ON a.id = e.article_id"))
    with open_database(tmp_path / "serial.sqlite3") as serial:
        add_paths(serial, [folder], workers=0, analyzer=rules())
        alone = sorted(tuple(row) for row in serial.query("SELECT a.source, e.name, e.label FROM entities e"
                                                          " JOIN articles a ON a.id = e.article_id"))
    assert pooled == alone and len(pooled) > 20


def test_two_threads_sharing_one_model_add_the_same_library_in_file_order(db, tmp_path, folder):
    from reader.store import open_database

    seen = []
    report = add_paths(db, [folder], workers=1, analyzer=rules(), progress=lambda done, total: seen.append(done))
    assert (report.added, seen) == (6, [1, 2, 3, 4, 5, 6])
    threaded = sorted(tuple(row) for row in db.query("SELECT a.source, e.name, e.label FROM entities e"
                                                     " JOIN articles a ON a.id = e.article_id"))
    assert [Path(row[0]).name for row in db.query("SELECT source FROM articles ORDER BY id")] == \
        ["bus-01.md", "bus-02.md", "bus-03.md", "pol-01.txt", "pol-02.txt", "pol-03.txt"]
    with open_database(tmp_path / "serial.sqlite3") as serial:
        add_paths(serial, [folder], workers=0, analyzer=rules())
        alone = sorted(tuple(row) for row in serial.query("SELECT a.source, e.name, e.label FROM entities e"
                                                          " JOIN articles a ON a.id = e.article_id"))
    assert threaded == alone
    again = add_paths(db, [folder], workers=1, analyzer=rules())
    assert (again.added, again.skipped) == (0, 6)


def test_processes_only_pay_off_for_a_large_folder(monkeypatch):
    from reader.library import ingest

    monkeypatch.setattr(ingest, "default_processes", lambda: 2)
    assert (ingest.default_workers(10), ingest.default_workers(ingest.PROCESSES_FROM_FILES)) == (1, 2)
    monkeypatch.setattr(ingest, "default_processes", lambda: 1)
    assert ingest.default_workers(100_000) == 1
