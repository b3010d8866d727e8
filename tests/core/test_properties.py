"""Property-based tests over the core: random HTML, text and bytes never break loading or analysis.

Analysis uses the model-free recogniser (``Analyzer(model="rules")``) so each example is fast.
Example counts stay modest: the whole file runs in well under a minute.
"""

from __future__ import annotations

import itertools

import pytest
from checks import check_article
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.core import Analyzer, LoadError, load_bytes, load_text
from reader.core.export import to_json

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow],
                    derandomize=False)

# Text that exercises the quote scanner, the whitespace rules and the sanitiser.
SPECIAL = list("“”‘’\"'«»„‚‹›—–-…&;<>/\\#*_`[]()!?.,:"
               "\t\n\r\x00\x01\x0b\x0c\x1b\x7f\u00a0\u200b\u200f\u202e\ufeff\ufffd")
WORDS = ["Bashar", "Al", "Assad", "said", "Hama", "Syria", "the", "army", "told", "Reuters", "Mr", "President",
         "according", "to", "he", "She", "Hezbollah", "leader", "Naim", "Qassem", "New", "York", "U.S.", "'s",
         "don't", "rebels’", "1982", "http://example.com/x", "example.org", "Ünïcödé", "مرحبا", "日本語", "Привет"]
words = st.lists(st.one_of(st.sampled_from(WORDS), st.sampled_from(WORDS), st.sampled_from(SPECIAL),
                           st.text(st.characters(codec="utf-8"), max_size=6)), min_size=1, max_size=30).map(" ".join)
text_with_surrogates = st.text(st.characters(blacklist_categories=()), max_size=200)

TAGS = ["p", "div", "span", "a", "b", "i", "em", "h1", "h2", "li", "ul", "ol", "blockquote", "pre", "q", "table", "tr",
        "td", "nav", "footer", "aside", "article", "main", "header", "section", "figure", "figcaption", "script",
        "style", "noscript", "form", "button", "iframe", "svg", "template", "sup", "code", "font", "center", "x-custom"]
VOID = ["br", "img", "hr", "source", "embed", "wbr", "input", "meta", "link", "track"]
HREFS = ["https://example.com/a", "/relative/path", "../up.html", "#frag", "javascript:alert(1)", "data:text/html,x",
         "mailto:a@b.c", "http://user:pw@host/", "https://аррӏе.com/", "http://0x7f000001/", "", " spaced url ",
         "https://example.com/?utm_source=x&fbclid=y"]
BROKEN = ["<", ">", "</", "<p", "</div", "<!--", "-->", "<![CDATA[", "&", "&amp", "&#", "&#x110000;", "&#0;", "&nbsp",
          "<a href='", '"', "<?xml version='1.0'?>", "<!DOCTYPE html>", "<html>", "</html>", "<body>", "<head>"]


def element(children: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    attributes = st.one_of(
        st.just(""),
        st.sampled_from(HREFS).map(lambda href: f' href="{href}"'),
        st.sampled_from([' hidden', ' style="display:none"', ' aria-hidden="true"', ' class="nav menu"',
                         ' class="article-body"', ' id="comments"', ' dir="rtl"', ' lang="ar"']),
    )
    return st.builds(lambda tag, attrs, inner, closed: f"<{tag}{attrs}>{inner}" + (f"</{tag}>" if closed else ""),
                     st.sampled_from(TAGS), attributes, children, st.booleans())


links = st.builds(lambda href, inner: f'<a href="{href}">{inner}</a>', st.sampled_from(HREFS), words)
fragments = st.recursive(
    st.one_of(words, words, links, st.sampled_from(VOID).map(lambda tag: f"<{tag}>"), st.sampled_from(BROKEN)),
    lambda children: st.one_of(element(children), st.lists(children, max_size=5).map("".join)),
    max_leaves=40,
)
documents = st.one_of(
    fragments,
    st.builds(lambda lang, title, body: f"<!DOCTYPE html><html lang='{lang}'><head><meta charset='utf-8'><title>{title}"
                                        f"</title></head><body>{body}</body></html>",
              st.sampled_from(["en", "fr", "ar", "", "x"]), words, fragments),
)


def load_or_none(markup: str, **kwargs):
    try:
        return load_text(markup, **kwargs)
    except LoadError as error:  # allowed: one clear sentence
        assert str(error) and "\n" not in str(error)
        return None


@pytest.fixture(scope="module")
def analyzer():
    return Analyzer(model="rules")


def check_analysis(analysis) -> None:
    text = analysis.text
    for entity in analysis.entities:
        assert entity.mentions
        for mention in entity.mentions:
            assert 0 <= mention.start < mention.end <= len(text)
            assert mention.text == text[mention.start:mention.end]
            assert mention.entity_id == entity.id
    quotes = sorted(analysis.quotes, key=lambda quote: (quote.start, quote.end))
    for quote in quotes:
        assert 0 <= quote.start <= quote.end <= len(text)
        assert quote.text == text[quote.start:quote.end]
        if quote.speaker is not None and quote.speaker.start is not None:
            assert quote.speaker.text == text[quote.speaker.start:quote.speaker.end]
    for first, second in itertools.pairwise(quotes):
        assert first.end <= second.start, (first, second)
    for link in analysis.links:
        assert 0 <= link.start < link.end <= len(text)
        assert link.text == text[link.start:link.end]
    for sentence in analysis.sentences:
        assert 0 <= sentence.start <= sentence.end <= len(text)


@SETTINGS
@given(documents)
def test_random_html_loads_within_bounds(markup):
    article = load_or_none(markup, filename="page.html")
    if article is not None:
        check_article(article)


@SETTINGS
@given(st.one_of(words, text_with_surrogates), st.sampled_from(["a.txt", "a.md", "a", None]))
def test_random_text_loads_within_bounds(text, filename):
    article = load_or_none(text, filename=filename)
    if article is not None:
        check_article(article)


@settings(max_examples=80, deadline=None)
@given(st.binary(max_size=600))
def test_random_bytes_never_raise_anything_but_load_error(data):
    try:
        article = load_bytes(data, source="random")
    except LoadError as error:
        assert "\n" not in str(error)
    else:
        check_article(article)


@settings(max_examples=40, deadline=None)
@given(words, st.sampled_from(["utf-8", "utf-16", "cp1252", "latin-1", "koi8_r", "cp1256", "shift_jis", "gb18030"]))
def test_any_encoding_of_any_text_loads(text, encoding):
    data = text.encode(encoding, errors="replace")
    try:
        check_article(load_bytes(data, source="encoded.txt", filename="encoded.txt"))
    except LoadError as error:
        assert "\n" not in str(error)


@SETTINGS
@given(documents)
def test_analysis_of_random_html_is_consistent_and_deterministic(analyzer, markup):
    article = load_or_none(markup, filename="page.html")
    if article is None:
        return
    first = analyzer.analyze(article)
    check_analysis(first)
    again = analyzer.analyze(load_text(markup, filename="page.html"))
    assert to_json(first) == to_json(again)


@SETTINGS
@given(st.lists(st.one_of(words, st.sampled_from(["\n\n", "\n", " “", "” ", ' "', '" ', " ‘", "’ ", " said ",
                                                  ", he told ", " according to "])),
                min_size=1, max_size=40).map("".join))
def test_analysis_of_random_prose_is_consistent_and_deterministic(analyzer, text):
    article = load_or_none(text, filename="a.txt")
    if article is None:
        return
    first = analyzer.analyze(article)
    check_analysis(first)
    assert to_json(first) == to_json(analyzer.analyze(load_text(text, filename="a.txt")))
