"""Cross-article linking: the same person joined across articles, different people kept apart, corrections obeyed."""

from __future__ import annotations

import pytest

from reader.core.corrections import MergeEntities, RenameEntity, SplitMention, article_key
from reader.library import LibraryLinker, entity_keys, name_key, queries, relink
from reader.store import Library

from .helpers import make

MERKEL_FULL = make("Angela Merkel spoke in Berlin. Mrs Merkel said “We will manage,” Merkel added.",
                   [("Angela Merkel", "PERSON", ["Angela Merkel", "Mrs Merkel", "Merkel"]),
                    ("Berlin", "GPE", ["Berlin"])],
                   [("We will manage,", "Merkel", "Angela Merkel")], source="full.txt")
MERKEL_BARE = make("Mrs Merkel returned to Berlin on Monday. Merkel said little.",
                   [("Merkel", "PERSON", ["Mrs Merkel", "Merkel"]), ("Berlin", "GPE", ["Berlin"])],
                   source="bare.txt")
HANS = make("Hans Merkel, a baker from Ulm, said bread prices rose.",
            [("Hans Merkel", "PERSON", ["Hans Merkel"]), ("Ulm", "GPE", ["Ulm"])], source="hans.txt")
BARE_AGAIN = make("A man called Merkel was seen in Ulm.", [("Merkel", "PERSON", ["Merkel"]), ("Ulm", "GPE", ["Ulm"])],
                  source="bare2.txt")


def library_of(db, *analyses, corrections=()):
    library = Library(db, LibraryLinker(corrections))
    for analysis in analyses:
        library.save_analysis(analysis)
    return library


def owners(db) -> dict[str, set[str]]:
    """Library entity name -> the article sources its rows come from."""
    result: dict[str, set[str]] = {}
    for name, source in db.query("SELECT le.name, a.source FROM entities e JOIN library_entities le"
                                 " ON le.id = e.library_entity_id JOIN articles a ON a.id = e.article_id"):
        result.setdefault(name, set()).add(source)
    return result


def test_names_are_compared_without_titles_case_or_possessives():
    assert name_key("Chancellor Angela  MERKEL's", "PERSON") == "angela merkel"
    assert name_key("Mrs. Merkel", "PERSON") == "merkel"
    assert name_key("The European Central Bank", "ORG") == "european central bank"
    assert name_key("Dr", "PERSON") == "dr"  # a title alone stays what it is
    assert entity_keys(MERKEL_FULL.entities[0]) == ["angela merkel"]  # bare surnames are not keys


def test_a_full_name_and_a_bare_surname_in_another_article_are_one_person(db):
    library_of(db, MERKEL_FULL, MERKEL_BARE)
    assert owners(db)["Angela Merkel"] == {"full.txt", "bare.txt"}
    assert owners(db)["Berlin"] == {"full.txt", "bare.txt"}
    [merkel] = queries.entities(db, label="PERSON")
    assert (merkel.name, merkel.articles, merkel.mentions) == ("Angela Merkel", 2, 5)
    assert {"Mrs Merkel", "Merkel"} <= set(merkel.aliases)


def test_the_bare_surname_first_is_adopted_by_the_full_name_later(db):
    library_of(db, MERKEL_BARE, MERKEL_FULL)
    assert owners(db)["Angela Merkel"] == {"full.txt", "bare.txt"}
    assert len(queries.entities(db, label="PERSON")) == 1


def test_different_people_sharing_a_surname_stay_apart_and_a_bare_surname_joins_neither(db):
    library_of(db, MERKEL_FULL, HANS, BARE_AGAIN)
    found = owners(db)
    assert found["Angela Merkel"] == {"full.txt"}
    assert found["Hans Merkel"] == {"hans.txt"}
    assert found["Merkel"] == {"bare2.txt"}
    assert queries.resolve(db, "Hans Merkel") != queries.resolve(db, "Angela Merkel")


def test_an_acronym_joined_to_its_name_in_one_article_links_an_article_that_only_has_the_acronym(db):
    first = make("The European Central Bank (ECB) raised rates. The ECB said so.",
                 [("European Central Bank", "ORG", ["European Central Bank", "ECB"])], source="one.txt")
    second = make("The ECB kept rates on hold.", [("ECB", "ORG", ["ECB"])], source="two.txt")
    other_label = make("ECB is also a town, they say.", [("ECB", "GPE", ["ECB"])], source="three.txt")
    library_of(db, first, second, other_label)
    rows = {(row.name, row.label): row.articles for row in queries.entities(db, label="ALL")}
    assert rows == {("European Central Bank", "ORG"): 2, ("ECB", "GPE"): 1}


def test_a_global_merge_joins_library_entities_of_different_articles(db):
    other = make("A. Merkel, the former chancellor, visited Ulm.",
                 [("A. Merkel", "PERSON", ["A. Merkel"]), ("Ulm", "GPE", ["Ulm"])], source="initial.txt")
    library_of(db, MERKEL_FULL, other)
    assert "A. Merkel" in owners(db)
    library_of(db, corrections=[MergeEntities("Angela Merkel", "A. Merkel")])  # no article: nothing to merge yet
    assert "A. Merkel" in owners(db)
    library_of(db, BARE_AGAIN, corrections=[MergeEntities("Angela Merkel", "A. Merkel")])
    assert owners(db)["Angela Merkel"] >= {"full.txt", "initial.txt"}
    assert "A. Merkel" not in owners(db)


def test_a_global_rename_renames_the_library_entity_and_joins_its_namesake(db):
    first = make("Acme Corp. grew. Acme Corp. hired.", [("Acme Corp.", "ORG", ["Acme Corp."])], source="1.txt")
    second = make("Acme Corporation grew.", [("Acme Corporation", "ORG", ["Acme Corporation"])], source="2.txt")
    library_of(db, first, second, corrections=[RenameEntity("Acme Corp.", "Acme Corporation")])
    assert owners(db) == {"Acme Corporation": {"1.txt", "2.txt"}}
    assert queries.resolve(db, "acme corp.") == queries.resolve(db, "Acme Corporation")


def test_a_split_mention_is_not_joined_by_the_surname_rule(db):
    text = "Angela Merkel met a farmer. Merkel, no relation, sells apples."
    second = make(text, [("Angela Merkel", "PERSON", ["Angela Merkel"]), ("Merkel", "PERSON", ["Merkel"])],
                  source="split.txt")
    start = text.index("Merkel,")
    split = SplitMention(article_key(second.article), start, start + len("Merkel"))
    library_of(db, MERKEL_FULL, second, corrections=[split])
    assert owners(db)["Merkel"] == {"split.txt"}
    assert owners(db)["Angela Merkel"] == {"full.txt", "split.txt"}


@pytest.mark.parametrize("order", [(0, 1, 2, 3), (3, 2, 1, 0), (1, 3, 0, 2)])
def test_relink_gives_the_same_library_whatever_order_the_articles_came_in(db, order):
    analyses = [MERKEL_FULL, MERKEL_BARE, HANS, BARE_AGAIN]
    library_of(db, *(analyses[i] for i in order))
    with db.transaction() as connection:
        count = relink(connection)
    # Two Merkels with full names: a bare "Merkel" is neither, whichever article came first.
    assert owners(db) == {"Angela Merkel": {"full.txt"}, "Hans Merkel": {"hans.txt"},
                          "Merkel": {"bare.txt", "bare2.txt"}, "Berlin": {"full.txt", "bare.txt"},
                          "Ulm": {"hans.txt", "bare2.txt"}}
    assert count == 5
    counts = {row.name: (row.articles, row.quotes) for row in queries.entities(db, label="ALL")}
    assert counts["Angela Merkel"] == (1, 1)
    assert counts["Merkel"] == (2, 0)


def test_relink_applies_corrections_made_after_the_articles_were_added(db):
    library_of(db, MERKEL_FULL, HANS)
    with db.transaction() as connection:
        relink(connection, [MergeEntities("Angela Merkel", "Hans Merkel")])
    assert owners(db)["Angela Merkel"] == {"full.txt", "hans.txt"}
    assert "Hans Merkel" not in owners(db)


def test_a_surname_with_or_without_a_title_finds_every_person_of_that_surname(db):
    library_of(db, MERKEL_FULL, HANS)
    both = sorted(queries.resolve(db, "Angela Merkel") + queries.resolve(db, "Hans Merkel"))
    assert len(both) == 2
    assert queries.resolve(db, "Mrs Merkel") == queries.resolve(db, "merkel") == both
    assert queries.resolve(db, "Chancellor Angela Merkel") == queries.resolve(db, "Angela Merkel")
    assert queries.resolve(db, "Merkel", label="ORG") == []
