"""The library's first repository functions: one row per text, analyses replaced atomically, full-text search."""

from __future__ import annotations

import dataclasses
import sqlite3

import pytest

from reader.core.corrections import RetypeEntity, apply_corrections, article_key
from reader.core.model import Mention
from reader.store import Library, open_database

from .samples import TEXT, make_analysis


@pytest.fixture
def db(db_path):
    with open_database(db_path) as database:
        yield database


def counts(db, article_id: int) -> dict[str, int]:
    return {table: db.query(f"SELECT count(*) FROM {table} WHERE article_id = ?", (article_id,))[0][0]
            for table in ("entities", "mentions", "quotes", "links")}


def test_an_analysis_is_stored_with_its_rows(db):
    analysis = make_analysis()
    article_id = Library(db).save_analysis(analysis)
    assert counts(db, article_id) == {"entities": 2, "mentions": 4, "quotes": 1, "links": 1}
    record = Library(db).find_by_hash(article_key(analysis.article))
    assert record is not None and record.id == article_id
    assert (record.title, record.date, record.site, record.model) == ("Calm in Paris", "2026-12-01", "Example News",
                                                                      "rules")
    assert record.analysed_at is not None
    speaker = db.query("SELECT e.key FROM quotes q JOIN entities e ON e.id = q.speaker_entity_id")
    assert [row[0] for row in speaker] == ["person-jane-doe"]


def test_the_same_text_is_one_article(db):
    library = Library(db)
    first = library.add_article(make_analysis().article)
    again = library.save_analysis(make_analysis(title="Another title"))
    assert first == again
    assert db.query("SELECT count(*) FROM articles")[0][0] == 1
    assert library.find_by_hash("0" * 64) is None


def test_a_new_analysis_replaces_the_old_rows(db):
    library = Library(db)
    article_id = library.save_analysis(make_analysis())
    corrected = apply_corrections(make_analysis(), [RetypeEntity("Paris", "LOC")])
    corrected = dataclasses.replace(corrected, entities=corrected.entities[1:])  # and one entity fewer
    assert library.save_analysis(corrected) == article_id
    assert counts(db, article_id) == {"entities": 1, "mentions": 2, "quotes": 1, "links": 1}
    assert [tuple(r) for r in db.query("SELECT name, label FROM entities")] == [("Paris", "LOC")]
    # The speaker's entity is gone: the quote stays, unlinked.
    assert db.query("SELECT speaker_text, speaker_entity_id FROM quotes")[0][:] == ("Doe", None)


def test_a_failed_save_keeps_the_previous_analysis(db):
    library = Library(db)
    article_id = library.save_analysis(make_analysis())
    before = counts(db, article_id)
    analysis = make_analysis()
    broken_entity = dataclasses.replace(analysis.entities[1], mentions=(Mention(5, 5, "", "GPE", "gpe-paris"),))
    broken = dataclasses.replace(analysis, entities=(analysis.entities[0], broken_entity))
    with pytest.raises(sqlite3.IntegrityError):  # an empty mention violates the schema half-way through
        library.save_analysis(broken)
    assert counts(db, article_id) == before


def test_entities_of_the_same_name_and_label_share_a_library_entity(db):
    library = Library(db)
    library.save_analysis(make_analysis())
    library.save_analysis(make_analysis(text=TEXT + " Jane Doe left Paris.", title="Later"))
    shared = db.query("SELECT norm_name, label, count(DISTINCT article_id) FROM entities "
                      "GROUP BY library_entity_id ORDER BY norm_name")
    assert [tuple(r) for r in shared] == [("jane doe", "PERSON", 2), ("paris", "GPE", 2)]


def test_articles_are_found_by_full_text_search(db):
    library = Library(db)
    library.save_analysis(make_analysis())
    other = library.save_analysis(make_analysis(text=TEXT + " Rain fell on Lyon all day.", title="Weather"))
    found = db.query("SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?", ("lyon",))
    assert [row[0] for row in found] == [other]
    assert [r[0] for r in db.query("SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?", ("title:weather",))] \
        == [other]
    assert len(db.query("SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?", ("paris",))) == 2
    db.connection.execute("DELETE FROM articles WHERE id = ?", (other,))
    assert db.query("SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?", ("lyon",)) == []
