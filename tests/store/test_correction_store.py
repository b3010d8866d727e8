"""The corrections repository: order, duplicates, undo, JSON export and import."""

from __future__ import annotations

import json
import sqlite3

import pytest

from reader.core.corrections import (
    CorrectionError,
    MergeEntities,
    NewEntity,
    NotAnEntity,
    RenameEntity,
    RetypeEntity,
    SetSpeaker,
    SplitMention,
    apply_corrections,
    article_key,
)
from reader.store import CorrectionStore, StoreError, load_corrections, open_database

from .samples import make_analysis, span

KEY = article_key(make_analysis().article)
OTHER = "f" * 64

ALL_KINDS = [
    RetypeEntity("Paris", "LOC", label_from="GPE"),
    RenameEntity("Jane Doe", "Jane A. Doe", article=KEY),
    MergeEntities("Jane Doe", "Doe"),
    SplitMention(KEY, 3, 8, label="PERSON", text="e Doe"),
    NotAnEntity("May", label="PERSON"),
    NotAnEntity(article=KEY, start=1, end=4),
    NewEntity("Acme Corp", "ORG"),
    NewEntity("Acme", "ORG", article=KEY, start=13, end=17),
    SetSpeaker(KEY, 10, 20, "Jane Doe"),
    SetSpeaker(KEY, 10, 20, None, text="We are ready"),
]


@pytest.fixture
def store(db_path):
    with open_database(db_path) as db:
        yield CorrectionStore(db)


def count(db_path) -> int:
    connection = sqlite3.connect(db_path)
    try:
        return connection.execute("SELECT count(*) FROM corrections").fetchone()[0]
    finally:
        connection.close()


def test_corrections_come_back_in_the_order_they_were_made(store):
    for correction in ALL_KINDS:
        assert store.add(correction).new
    assert store.corrections() == ALL_KINDS
    ids = [item.id for item in store.stored()]
    assert len(set(ids)) == len(ids)


def test_the_same_correction_is_stored_once_and_becomes_the_latest(store, db_path):
    to_org, to_person = RetypeEntity("Paris", "ORG"), RetypeEntity("Paris", "PERSON")
    first = store.add(to_org)
    store.add(to_person)
    again = store.add(to_org)
    assert not again.new and again.stored.id == first.stored.id
    assert count(db_path) == 2
    assert store.corrections() == [to_person, to_org]  # made last, it wins when applied
    assert apply_corrections(make_analysis(), store.corrections()).entity("gpe-paris").label == "ORG"


def test_undo_add_takes_back_exactly_what_add_did(store):
    to_org, to_person = RetypeEntity("Paris", "ORG"), RetypeEntity("Paris", "PERSON")
    store.add(to_org)
    store.add(to_person)
    moved = store.add(to_org)
    store.undo_add(moved)
    assert store.corrections() == [to_org, to_person]
    added = store.add(NewEntity("Acme", "ORG"))
    store.undo_add(added)
    assert store.corrections() == [to_org, to_person]


def test_remove_and_restore_keep_the_id_and_the_place(store):
    made = [store.add(c).stored for c in ALL_KINDS[:4]]
    removed = store.remove(made[1].id)
    assert removed is not None and removed.correction == ALL_KINDS[1]
    assert store.corrections() == [ALL_KINDS[0], ALL_KINDS[2], ALL_KINDS[3]]
    store.add(ALL_KINDS[4])  # made after the removal
    store.restore(removed)
    assert store.corrections() == ALL_KINDS[:5]
    assert [s.id for s in store.stored()][1] == made[1].id
    assert store.remove(10_000) is None


def test_clear_removes_everything(store, db_path):
    for correction in ALL_KINDS:
        store.add(correction)
    assert store.clear() == len(ALL_KINDS)
    assert count(db_path) == 0


def test_an_article_gets_the_global_corrections_and_its_own(store):
    mine, theirs, everyone = (RetypeEntity("Paris", "LOC", article=KEY), RetypeEntity("Paris", "ORG", article=OTHER),
                              NewEntity("Acme", "ORG"))
    for correction in (mine, theirs, everyone):
        store.add(correction)
    assert store.corrections(KEY) == [mine, everyone]
    assert store.corrections(OTHER) == [theirs, everyone]


def test_export_and_import_round_trip(store, tmp_path):
    for correction in ALL_KINDS:
        store.add(correction)
    exported = store.export_json()
    document = json.loads(exported)
    assert document["format"] == "reader-corrections" and len(document["corrections"]) == len(ALL_KINDS)
    with open_database(tmp_path / "elsewhere.sqlite3") as other:
        imported = CorrectionStore(other)
        assert imported.import_json(exported) == len(ALL_KINDS)
        assert imported.corrections() == ALL_KINDS
        assert [s.created_at for s in imported.stored()] == [s.created_at for s in store.stored()]
        assert imported.import_json(exported) == 0  # nothing twice
        assert len(imported.stored()) == len(ALL_KINDS)


def test_the_article_a_correction_was_made_in_is_kept_exported_and_imported(store, tmp_path):
    correction = NotAnEntity("Doe", article=KEY, start=span("Doe", 1)[0], end=span("Doe", 1)[1])
    added = store.add(correction, article_title="Calm in Paris", article_source="paris.html")
    assert (added.stored.article_title, added.stored.article_source) == ("Calm in Paris", "paris.html")
    assert store.stored()[0].article_title == "Calm in Paris"
    with open_database(tmp_path / "elsewhere.sqlite3") as other:
        imported = CorrectionStore(other)
        imported.import_json(store.export_json())
        assert (imported.stored()[0].article_title, imported.stored()[0].article_source) == ("Calm in Paris",
                                                                                             "paris.html")
    removed = store.remove(added.stored.id)
    store.restore(removed)
    assert store.stored()[0] == removed


@pytest.mark.parametrize(("text", "words"), [
    ("{not json", "not valid JSON"),
    ('{"format": "something-else", "version": 1, "corrections": []}', "not a Reader corrections export"),
    ('{"format": "reader-corrections", "version": 99, "corrections": []}', "newer version of Reader"),
    ('{"format": "reader-corrections", "version": 1}', "no “corrections” list"),
    ('{"format": "reader-corrections", "version": 1, "corrections": [{"kind": "new-entity", "name": "A", '
     '"label": "ORG"}, {"kind": "retype", "name": "B"}]}', "Correction 2 in the file"),
    ('{"format": "reader-corrections", "version": 1, "corrections": ["retype"]}', "Correction 1 .* not a JSON object"),
])
def test_a_bad_import_is_refused_whole_with_a_reason(store, text, words):
    store.add(NotAnEntity("May"))
    with pytest.raises(CorrectionError, match=words):
        store.import_json(text)
    assert store.corrections() == [NotAnEntity("May")]  # the valid first correction of a bad file is not in


def test_a_correction_of_an_unknown_kind_is_kept_but_not_applied(store, db_path):
    store.add(NotAnEntity("May"))
    connection = sqlite3.connect(db_path)
    connection.execute("INSERT INTO corrections (position, kind, payload, created_at) VALUES "
                       "(9, 'future', '{\"kind\": \"future\"}', 't')")
    connection.commit()
    connection.close()
    assert store.corrections() == [NotAnEntity("May")]
    assert count(db_path) == 2


def test_stored_corrections_apply_to_the_analysis(store):
    analysis = make_analysis()
    store.add(RetypeEntity("Paris", "LOC"))
    store.add(NotAnEntity(article=KEY, start=span("Paris", 1)[0], end=span("Paris", 1)[1]))
    store.add(NewEntity("Acme Corp", "ORG"))
    result = apply_corrections(analysis, store.corrections(KEY))
    paris = result.entity("gpe-paris")
    assert paris.label == "LOC" and len(paris.mentions) == 1
    assert [e.name for e in result.entities] == ["Jane Doe", "Acme Corp", "Paris"]


def test_load_corrections_creates_nothing_when_there_is_no_database(tmp_path):
    missing = tmp_path / "nowhere" / "reader.sqlite3"
    assert load_corrections(missing) == []
    assert not missing.parent.exists()


def test_load_corrections_reads_them_all(db_path):
    with open_database(db_path) as db:
        for correction in ALL_KINDS:
            CorrectionStore(db).add(correction)
    assert load_corrections(db_path) == ALL_KINDS


def test_load_corrections_from_a_damaged_file_is_a_store_error(db_path):
    db_path.parent.mkdir(parents=True)
    db_path.write_text("not a database")
    with pytest.raises(StoreError):
        load_corrections(db_path)
