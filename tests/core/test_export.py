"""Exports keep what the window knows (issue 10, defect 5): speaker names, the title, links, readable labels."""

from __future__ import annotations

import csv
import io
import json

from reader.core import export
from reader.core.model import Analysis, Article, Block, Entity, Link, LinkSpan, Mention, Metadata, Quote, Span, Speaker

TEXT = "Maria Lopez spoke at the Grand Hall. “We will win,” she told the crowd. The Kurds agreed."


def _analysis(title: str | None = "Port plans", source: str = "/home/me/news/story.html") -> Analysis:
    def at(needle: str) -> tuple[int, int]:
        start = TEXT.index(needle)
        return start, start + len(needle)

    lopez = Entity("p1", "Maria Lopez", "PERSON", ("Maria Lopez",),
                   (Mention(*at("Maria Lopez"), "Maria Lopez", "PERSON", "p1"),))
    hall = Entity("f1", "Grand Hall", "FAC", ("Grand Hall",), (Mention(*at("Grand Hall"), "Grand Hall", "FAC", "f1"),))
    kurds = Entity("n1", "Kurds", "NORP", ("Kurds",), (Mention(*at("Kurds"), "Kurds", "NORP", "n1"),))
    quote = Quote(*at("We will win,"), text="We will win,", kind="full", speaker=Speaker("she", *at("she"), "p1"),
                  cue="told", confidence=0.8)
    href = "https://example.org/hall"
    span = at("Grand Hall")
    article = Article(source=source, text=TEXT, blocks=(Block(0, len(TEXT), "p"),),
                      links=(LinkSpan(*span, href=href),), metadata=Metadata(title=title), format="html")
    link = Link(*span, text="Grand Hall", href=href, url=href, domain="example.org", scheme="https",
                host="example.org", display_url=href, policy="open")
    return Analysis(article, (Span(0, len(TEXT)),), (lopez, hall, kurds), (quote,), (link,), "hand-made")


def test_quotes_csv_names_the_resolved_speaker_and_keeps_the_words():
    rows = list(csv.DictReader(io.StringIO(export.to_csv(_analysis(), "quotes"))))
    assert rows[0]["speaker"] == "Maria Lopez"
    assert rows[0]["speaker_text"] == "she"
    assert rows[0]["speaker_entity_id"] == "p1"


def test_entities_csv_keeps_codes_and_adds_readable_names():
    rows = list(csv.DictReader(io.StringIO(export.to_csv(_analysis(), "entities"))))
    labels = {r["label"]: r["label_name"] for r in rows}
    assert labels == {"PERSON": "Person", "FAC": "Facility", "NORP": "Nationality/group"}


def test_json_keeps_codes_and_adds_readable_names_and_speaker_names():
    data = json.loads(export.to_json(_analysis()))
    assert [e["label"] for e in data["entities"]] == ["PERSON", "FAC", "NORP"]
    assert data["entities"][1]["label_name"] == "Facility"
    assert data["quotes"][0]["speaker"]["text"] == "she"
    assert data["quotes"][0]["speaker"]["name"] == "Maria Lopez"


def test_report_has_the_title_speaker_names_links_and_readable_labels():
    report = export.to_html_report(_analysis())
    assert "<h1>Port plans</h1>" in report
    assert "/home/me/news" not in report.split("<body>")[1].split("</h1>")[0]
    quotes = report.split("<h2>Quotes</h2>")[1].split("<h2>")[0]
    assert "Maria Lopez" in quotes and "(told)" in quotes
    assert "— she" not in quotes
    links = report.split("<h2>Links</h2>")[1]
    assert "https://example.org/hall" in links and "<td>Grand Hall</td>" in links
    assert "Facility" in report and "Nationality/group" in report
    assert ">FAC<" not in report and ">NORP<" not in report


def test_report_without_a_title_is_headed_by_the_file_name_not_its_path():
    report = export.to_html_report(_analysis(title=None))
    assert "<h1>story.html</h1>" in report


def test_report_without_links_says_so():
    from dataclasses import replace

    analysis = _analysis()
    report = export.to_html_report(replace(analysis, links=()))
    assert "No links in this article." in report


UNCERTAIN_TEXT = "Maria Lopez spoke. “We will win,” Lopez said. Later, a voice near Tom Grieve: “Maybe not.”"


def _uncertain_analysis() -> Analysis:
    """One confident quote (Maria Lopez) and one whose speaker is a guess (Tom Grieve, low confidence)."""
    from reader.core.model import LOW_CONFIDENCE

    def at(needle: str) -> tuple[int, int]:
        start = UNCERTAIN_TEXT.index(needle)
        return start, start + len(needle)

    said = UNCERTAIN_TEXT.index("Lopez said")
    lopez = Entity("p1", "Maria Lopez", "PERSON", ("Maria Lopez", "Lopez"),
                   (Mention(*at("Maria Lopez"), "Maria Lopez", "PERSON", "p1"),
                    Mention(said, said + 5, "Lopez", "PERSON", "p1")))
    grieve = Entity("p2", "Tom Grieve", "PERSON", ("Tom Grieve",),
                    (Mention(*at("Tom Grieve"), "Tom Grieve", "PERSON", "p2"),))
    sure = Quote(*at("We will win,"), text="We will win,", kind="full", speaker=Speaker("Lopez", said, said + 5, "p1"),
                 cue="said", confidence=0.9)
    guess = Quote(*at("Maybe not."), text="Maybe not.", kind="full",
                  speaker=Speaker("Tom Grieve", *at("Tom Grieve"), "p2"), cue=None, confidence=LOW_CONFIDENCE - 0.2)
    article = Article(source="/tmp/voices.html", text=UNCERTAIN_TEXT, metadata=Metadata(title="Voices"))
    return Analysis(article, (Span(0, len(UNCERTAIN_TEXT)),), (lopez, grieve), (sure, guess), (), "hand-made")


def test_json_says_which_speakers_are_uncertain():
    quotes = json.loads(export.to_json(_uncertain_analysis()))["quotes"]
    assert [q["speaker_uncertain"] for q in quotes] == [False, True]
    assert quotes[1]["speaker"]["name"] == "Tom Grieve"


def test_quotes_csv_has_a_speaker_uncertain_column():
    rows = list(csv.DictReader(io.StringIO(export.to_csv(_uncertain_analysis(), "quotes"))))
    assert [r["speaker_uncertain"] for r in rows] == ["", "yes"]


def test_report_says_probably_for_an_uncertain_speaker_only():
    quotes = export.to_html_report(_uncertain_analysis()).split("<h2>Quotes</h2>")[1].split("<h2>")[0]
    assert "probably Tom Grieve" in quotes
    assert "probably Maria Lopez" not in quotes and "Maria Lopez" in quotes


def test_json_links_carry_their_policy_and_severity():
    link = json.loads(export.to_json(_analysis()))["links"][0]
    assert link["policy"] == "open" and link["severity"] is None
    data = json.loads(export.to_json(_analysis()))
    assert "model" in data and "model_version" in data
