"""update_library: after a correction is made or taken back, only what it touches is linked again, and the
library is then what a full relink would make of it."""

from __future__ import annotations

import pytest

from reader.core.corrections import MergeEntities, NotAnEntity, RenameEntity, RetypeEntity, apply_corrections
from reader.core.corrections import article_key as key_of
from reader.library import library_names, queries, relink, update_library

from .helpers import make
from .test_linking import BARE_AGAIN, HANS, MERKEL_BARE, MERKEL_FULL, library_of, owners

HANS_AGAIN = make("Hans Merkel opened a second bakery in Ulm.",
                  [("Hans Merkel", "PERSON", ["Hans Merkel"]), ("Ulm", "GPE", ["Ulm"])], source="hans2.txt")
ALL = (MERKEL_FULL, MERKEL_BARE, HANS, BARE_AGAIN, HANS_AGAIN)


def state(db) -> set[tuple]:
    """The library as a set: each library entity's name, label, rows (article, entity), aliases and counts."""
    rows: dict[int, set[tuple[str, str]]] = {}
    for library_id, source, key in db.query("SELECT e.library_entity_id, a.source, e.key FROM entities e"
                                            " JOIN articles a ON a.id = e.article_id"):
        rows.setdefault(library_id, set()).add((source, key))
    return {(row.name, row.label, frozenset(rows[row.id]), frozenset(row.aliases), row.articles, row.mentions,
             row.quotes) for row in queries.entities(db, label="ALL", limit=0)}


def relink_all(db, corrections=()) -> None:
    with db.transaction() as connection:
        relink(connection, corrections)


def relinked(db, corrections) -> set[tuple]:
    """What a full relink with ``corrections`` makes of the library (done, not tried)."""
    relink_all(db, corrections)
    return state(db)


def test_a_global_merge_and_its_undo_relink_only_the_people_it_names(db):
    library_of(db, *ALL)
    before = relinked(db, [])  # the library as linked from scratch, whatever order its articles came in
    merge = MergeEntities("Angela Merkel", "Hans Merkel")
    update = update_library(db, [merge], changed=[merge])
    assert update.changed and update.articles == []
    assert owners(db)["Angela Merkel"] == {"full.txt", "hans.txt", "hans2.txt"}
    assert "Hans Merkel" not in owners(db)
    assert update.relinked == 5  # the Merkels' rows (the bare ones too), not Berlin's or Ulm's
    merged = state(db)
    update_library(db, [], changed=[merge])  # taken back
    assert state(db) == before
    assert owners(db)["Hans Merkel"] == {"hans.txt", "hans2.txt"}
    assert relinked(db, []) == before
    # And the merged library was what a full relink makes of it.
    update_library(db, [merge], changed=[merge])
    assert state(db) == merged == relinked(db, [merge])


def test_a_global_rename_and_its_undo(db):
    library_of(db, *ALL)
    before = relinked(db, [])  # the library as linked from scratch, whatever order its articles came in
    rename = RenameEntity("Hans Merkel", "Johann Merkel")
    update_library(db, [rename], changed=[rename])
    assert owners(db)["Johann Merkel"] == {"hans.txt", "hans2.txt"}
    assert queries.resolve(db, "Hans Merkel") == queries.resolve(db, "Johann Merkel")
    renamed = state(db)
    update_library(db, [], changed=[rename])
    assert state(db) == before
    assert queries.resolve(db, "Johann Merkel") == []
    update_library(db, [rename], changed=[rename])
    assert state(db) == renamed == relinked(db, [rename])


def test_a_rename_in_one_article_stores_it_again_and_its_undo_leaves_no_trace(db):
    library_of(db, *ALL)
    before = relinked(db, [])  # the library as linked from scratch, whatever order its articles came in
    rename = RenameEntity("Hans Merkel", "Angela Merkel", article=key_of(HANS.article))
    corrected = apply_corrections(HANS, [rename])
    update = update_library(db, [rename], changed=[rename], analyses=[corrected])
    assert len(update.articles) == 1
    found = owners(db)
    assert found["Angela Merkel"] == {"full.txt", "hans.txt"}
    assert found["Hans Merkel"] == {"hans2.txt"}  # the other article's Hans is not hers: the rename was here only
    renamed = state(db)
    update_library(db, [], changed=[rename], analyses=[HANS])
    assert state(db) == before  # "Hans Merkel" is no longer among her aliases, nor a name she answers to
    assert "Hans Merkel" not in queries.entity(db, queries.resolve(db, "Angela Merkel")[0]).aliases
    update_library(db, [rename], changed=[rename], analyses=[corrected])
    assert state(db) == renamed == relinked(db, [rename])


def test_a_merge_in_one_article_does_not_join_the_other_articles_namesakes(db):
    both = make("Hans Merkel and Angela Merkel met in Ulm.",
                [("Hans Merkel", "PERSON", ["Hans Merkel"]), ("Angela Merkel", "PERSON", ["Angela Merkel"]),
                 ("Ulm", "GPE", ["Ulm"])], source="both.txt")
    library_of(db, both, *ALL)  # first: the names it answers to would be there before the others
    relink_all(db)
    merge = MergeEntities("Angela Merkel", "Hans Merkel", article=key_of(both.article))
    update_library(db, [merge], changed=[merge], analyses=[apply_corrections(both, [merge])])
    found = owners(db)
    assert found["Angela Merkel"] == {"full.txt", "both.txt"}
    assert found["Hans Merkel"] == {"hans.txt", "hans2.txt"}  # not "both.txt", where she and he are one
    assert state(db) == relinked(db, [merge])


@pytest.mark.parametrize("correction", [RetypeEntity("Angela Merkel", "ORG", article=key_of(MERKEL_FULL.article)),
                                        NotAnEntity("Angela Merkel", article=key_of(MERKEL_FULL.article))])
def test_a_person_made_no_person_in_one_article_and_back(db, correction):
    library_of(db, *ALL)
    before = relinked(db, [])  # the library as linked from scratch, whatever order its articles came in
    speakers = [row.name for row in queries.speakers(db).speakers]
    assert speakers == ["Angela Merkel"]
    update_library(db, [correction], changed=[correction], analyses=[apply_corrections(MERKEL_FULL, [correction])])
    assert "Angela Merkel" not in {row.name for row in queries.entities(db, label="PERSON")}
    assert [row.label for row in queries.speakers(db).speakers] == (["ORG"] if isinstance(correction, RetypeEntity)
                                                                     else [])
    assert state(db) == relinked(db, [correction])
    update_library(db, [], changed=[correction], analyses=[MERKEL_FULL])
    assert state(db) == before


def test_an_article_not_in_the_library_is_not_added(db):
    library_of(db, MERKEL_FULL)
    rename = RenameEntity("Hans Merkel", "Johann Merkel", article=key_of(HANS.article))
    update = update_library(db, [rename], changed=[rename], analyses=[apply_corrections(HANS, [rename])])
    assert update.articles == [] and not update.changed
    assert queries.articles(db) and len(queries.articles(db)) == 1


def test_only_global_renames_and_merges_name_library_entities():
    names = library_names([RenameEntity("A B", "C D"), MergeEntities("E F", "G H"), RetypeEntity("I J", "ORG"),
                           RenameEntity("K L", "M N", article="0" * 64), MergeEntities("E F", "A B")])
    assert names == ["A B", "C D", "E F", "G H"]


def test_the_library_level_corrections_give_the_same_names_however_often_they_are_applied(db):
    # A merge and a rename of the same person: storing any other article applies them again.
    corrections = [RenameEntity("Hans Merkel", "Johann Merkel"), MergeEntities("Angela Merkel", "Hans Merkel")]
    library_of(db, MERKEL_FULL, HANS, corrections=corrections)
    people = [row for row in state(db) if row[1] == "PERSON"]
    assert [row[0] for row in people] == ["Johann Merkel"]  # the rename names the merged person
    library_of(db, make("Ulm is quiet.", [("Ulm", "GPE", ["Ulm"])], source="ulm.txt"), corrections=corrections)
    assert [row for row in state(db) if row[1] == "PERSON"] == people
