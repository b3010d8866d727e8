"""Attribute values holding "<" (issue 12): capped like any huge tag, and never fed to trafilatura's quadratic
markup stripping. No wall-clock asserts: a quadratic path shows as a pytest-timeout failure."""

from __future__ import annotations

import lxml.html
import pytest

from reader.core import load_text
from reader.core.extract import _markup_shield, _trafilatura_metadata, markup_cost
from reader.core.html import MAX_VALUE_CHARS, cap_tags

ARTICLE = ("<p>The minister said the budget would protect families, while officials in Brussels disagreed.</p>"
           "<p>Angela Merkel met Emmanuel Macron in Paris on Tuesday to discuss the treaty.</p>")
LONG = MAX_VALUE_CHARS + 10


@pytest.mark.parametrize("tag", [
    '<div title="' + "<" * LONG + '">',
    "<div data-x='" + "a<b" * (LONG // 3) + "'>",
    '<div class="x" data-x="' + "<p " * (LONG // 3) + '" id="y">',
    "<div title=" + "<" * LONG + ">",  # unquoted: libxml2 reads "<" into the value too
])
def test_a_tag_with_a_huge_value_holding_less_than_keeps_only_its_name(tag: str):
    markup = f"<p>before</p>{tag}inside</div><p>after</p>"
    assert cap_tags(markup) == "<p>before</p><div>inside</div><p>after</p>"


def test_a_value_below_the_limit_keeps_its_tag_whole():
    markup = '<p>before</p><img alt="x" src="data:image/svg+xml,' + "<g/>" * 100_000 + '"><p>after</p>'
    assert cap_tags(markup) == markup


@pytest.mark.timeout(60)
def test_twenty_megabytes_of_less_than_in_a_value_leave_the_article_whole():
    value = "<" * 20_000_000
    markup = (f"<!doctype html><html><head><title>Budget talks</title></head><body><article>{ARTICLE}"
              f"<div title=\"{value}\">The closing paragraph survives.</div></article></body></html>")
    article = load_text(markup, source="lt.html", filename="lt.html")
    assert "Emmanuel Macron" in article.text
    assert article.text.endswith("The closing paragraph survives.")
    assert not article.notices  # neither "very long" nor "too large": the value is gone before any limit


def _page(head: str) -> lxml.html.HtmlElement:
    return lxml.html.document_fromstring(f"<html><head>{head}</head><body><article>{ARTICLE}</article></body></html>")


@pytest.mark.timeout(30)
@pytest.mark.parametrize("head", [
    '<meta name="description" content="' + "a<b" * 200_000 + '">',
    '<meta name="author" content="' + "<!--x>" * 100_000 + '">',
    '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "' + "a<b" * 200_000 + '"}</script>',
])
def test_metadata_with_a_huge_unclosed_markup_run_is_read_in_linear_time(head: str):
    root = _page(head)
    values = [(element.get("content"), element.text) for element in root.iter("meta", "script")]
    _trafilatura_metadata(root, None)  # trafilatura alone: ~100 s for 600 KB of "a<b"
    assert [(element.get("content"), element.text) for element in root.iter("meta", "script")] == values
    assert any(len(content or text or "") >= 600_000 for content, text in values)  # put back, whole


def test_ordinary_markup_in_metadata_is_still_read():
    root = _page('<meta name="description" content="<p>Ministers <b>disagree</b> on the budget</p>">')
    with _markup_shield(root) as taken:
        assert taken == 0
    assert _trafilatura_metadata(root, None)["description"] == "Ministers disagree on the budget"


def test_the_shield_takes_out_only_the_costly_values():
    root = _page('<meta name="description" content="Rates < 5%"><meta name="x" content="'
                 + "<" * 5_000 + '"><meta name="y" content="a<b>c">')
    metas = {meta.get("name"): meta for meta in root.iter("meta")}
    with _markup_shield(root) as taken:
        assert taken == 1
        assert metas["x"].get("content") is None
        assert metas["description"].get("content") == "Rates < 5%" and metas["y"].get("content") == "a<b>c"
    assert metas["x"].get("content") == "<" * 5_000


def test_markup_cost_counts_what_can_read_to_the_end():
    assert markup_cost("<p>closed</p> text") == 0
    assert markup_cost("a < b") == 5  # no ">": its one "<" may read the whole value
    assert markup_cost("x>" + "<" * 10) == 100
