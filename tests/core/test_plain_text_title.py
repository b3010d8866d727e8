"""A plain-text (or Markdown) article whose first line is a headline has that line as its title; an article that
opens with its body has none (the file's name is shown instead). The text and every offset stay as they were."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.core import load_path, load_text
from reader.core.export import display_title
from reader.core.model import Block

BODY = ("The minister said on Tuesday that the budget would protect families, while officials in Brussels "
        "disagreed.\n\nAngela Merkel met Emmanuel Macron in Paris to discuss the treaty.\n")
HOLDOUT = Path(__file__).resolve().parents[1] / "data" / "news_holdout_quotes"


@pytest.mark.parametrize("headline", [
    "Budget talks stall as ministers clash over cuts",
    "Is the budget doomed?",
    "Market traders: ‘We will not be moved’",
    "MINISTERS CLASH OVER BUDGET",
    "Shares fall 11% after a wet spring",
])
def test_a_headline_line_is_the_title_and_the_text_is_unchanged(headline: str):
    text = f"{headline}\n\n{BODY}"
    article = load_text(text, source="story.txt", filename="story.txt")
    assert article.metadata.title == headline
    assert article.text == text  # the headline stays the text's first paragraph, every offset as it was
    assert article.blocks[0] == Block(0, len(headline), "p")
    assert article.blocks[1].start == len(headline) + 2
    assert display_title(article) == headline


def test_the_title_is_read_after_blank_lines_and_windows_line_ends_without_moving_offsets():
    text = "\r\n  Budget talks stall  \r\n\r\n" + BODY.replace("\n", "\r\n")
    article = load_text(text, source="story.txt", filename="story.txt")
    assert article.metadata.title == "Budget talks stall"
    assert article.text == text.replace("\r\n", "\n")
    start = article.text.index("Budget")
    assert article.blocks[0] == Block(start, start + len("Budget talks stall"), "p")


@pytest.mark.parametrize("opening", [
    "The minister said on Tuesday that the budget would protect families.",  # the body's first sentence
    "Sen. Margaret Ellery, R-Ohio, said Tuesday that she would vote against the farm bill unless the dairy "
    "subsidies were restored by the committee before the vote",  # no full stop, but far longer than a headline
    "Here is what the reviews said:",  # a lead-in
    "Dear readers,",
    "By Jane Roe",  # a byline
    "12 March 2024",  # a date
    "- the first point",  # a list
    "the minister said",  # lower case: the middle of something
    "Budget talks\nstall as ministers clash",  # a hard-wrapped paragraph, not one line
])
def test_an_article_that_opens_with_its_body_has_no_title(opening: str):
    text = f"{opening}\n\n{BODY}"
    article = load_text(text, source="story.txt", filename="story.txt")
    assert article.metadata.title is None
    assert article.text == text
    assert display_title(article) == "story.txt"


def test_short_lines_between_blank_lines_are_no_headline_and_body():
    for text in ("Roses are red\n\nViolets are blue.\n\nSugar is sweet.\n", "Budget talks stall\n\nShort one.\n",
                 "Budget talks stall\n"):
        assert load_text(text, source="poem.txt", filename="poem.txt").metadata.title is None


def test_a_real_plain_text_story_with_a_headline_and_one_without():
    assert load_path(HOLDOUT / "head-01.txt").metadata.title == "Market traders: ‘We will not be moved’"
    news = Path(__file__).resolve().parents[1] / "data" / "news"
    assert load_path(news / "pol-01.txt").metadata.title is None  # opens with its first sentence


def test_a_markdown_level_one_heading_opening_the_document_is_its_title():
    for source in ("# Budget talks stall\n\n" + BODY, "Budget talks stall\n==================\n\n" + BODY):
        article = load_text(source, source="story.md", filename="story.md")
        assert article.format == "markdown" and article.metadata.title == "Budget talks stall"
        assert article.text.startswith("Budget talks stall\n\nThe minister said")


def test_markdown_without_a_heading_follows_the_plain_text_rule():
    headline = load_text("Budget talks stall\n\n" + BODY + "\n* one\n* two\n", source="a.md", filename="a.md")
    assert headline.format == "markdown" and headline.metadata.title == "Budget talks stall"
    body_first = load_text("The minister *said* the budget would protect families.\n\n## Reaction\n\n" + BODY,
                           source="b.md", filename="b.md")
    assert body_first.format == "markdown" and body_first.metadata.title is None
    section = load_text("## Install\n\n" + BODY, source="c.md", filename="c.md")
    assert section.metadata.title is None  # a section heading is no document title
