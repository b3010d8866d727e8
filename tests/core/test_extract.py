"""Full saved web pages: the article body without the page furniture, its links and metadata.

The pages in tests/data/pages/ are written by ``generate.py`` there, each with a sidecar
``NAME.expect.json`` saying what the loaded article must and must not contain.
"""

from __future__ import annotations

import json
import socket
from pathlib import Path

import pytest

from reader.core import load_bytes, load_path
from reader.core.extract import EXTRACTED_NOTICE, is_full_page
from reader.core.html import parse_html
from reader.core.language import is_english, primary

PAGES = Path(__file__).parents[1] / "data" / "pages"
EXPECTATIONS = sorted(PAGES.glob("*.expect.json"))


def squash(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module", params=EXPECTATIONS, ids=lambda path: path.name.removesuffix(".expect.json"))
def page(request):
    expect = json.loads(request.param.read_text(encoding="utf-8"))
    return expect, load_path(PAGES / expect["file"])


def test_corpus_is_big_enough():
    assert len(EXPECTATIONS) >= 15


def test_article_body_is_all_there(page):
    expect, article = page
    text = squash(article.text)
    assert [snippet for snippet in expect["contains"] if snippet not in text] == []


def test_page_furniture_is_left_out(page):
    expect, article = page
    text = squash(article.text)
    assert [snippet for snippet in expect["excludes"] if snippet in text] == []


def test_links_inside_the_article_are_kept_with_exact_offsets(page):
    expect, article = page
    found = {(squash(article.text[link.start:link.end]), link.href) for link in article.links}
    assert [link for link in expect["links"] if (link["text"], link["href"]) not in found] == []
    for link in article.links:
        assert 0 <= link.start < link.end <= len(article.text)


def test_metadata(page):
    expect, article = page
    meta = article.metadata
    assert meta.title == expect["title"]
    for key in ("date", "site_name", "canonical_url"):
        if key in expect:
            assert getattr(meta, key) == expect[key], key
    if "byline" in expect:
        assert meta.byline and expect["byline"] in meta.byline
    if "base_url" in expect:
        assert article.base_url == expect["base_url"]
    assert primary(meta.language) == expect["language"]
    assert is_english(article) is expect["english"]


def test_extraction_is_announced_only_when_it_happened(page):
    expect, article = page
    assert (EXTRACTED_NOTICE in article.notices) is expect["extracted"]


def test_blocks_are_ordered_and_inside_the_text(page):
    _, article = page
    previous = 0
    for block in article.blocks:
        assert previous <= block.start < block.end <= len(article.text)
        assert article.text[block.start:block.end].strip() == article.text[block.start:block.end]
        previous = block.end


def test_clean_fragment_is_not_a_full_page(data_dir):
    root = parse_html((data_dir / "hama.html").read_text(encoding="utf-8"))
    assert not is_full_page(root)


def test_sample_fragment_loads_exactly_as_before(gold, data_dir):
    article = load_path(data_dir / "hama.html")
    assert EXTRACTED_NOTICE not in article.notices
    assert [(article.text[link.start:link.end], link.href) for link in article.links] == [
        (link["text"], link["href"]) for link in gold["links"]]
    assert article.metadata.language == "en" and article.base_url is None


def test_saved_page_keeps_hama_links_exactly(data_dir, gold):
    """The sample fragment inside a full page: the same link texts and hrefs come out."""
    fragment = (data_dir / "hama.html").read_text(encoding="utf-8")
    page = ("<!DOCTYPE html><html lang='en'><head><title>Rebels enter Hama | The National</title>"
            "<link rel='canonical' href='https://www.thenationalnews.com/news/mena/2024/12/05/hama/'></head><body>"
            "<header><nav><a href='/news'>News</a> <a href='/business'>Business</a>"
            " <a href='/opinion'>Opinion</a></nav></header>"
            f"<main><article><h1>Rebels enter Hama</h1><div class='body'><p>{fragment}</p></div></article>"
            "<aside class='related'><h2>Related</h2><ul><li><a href='/a'>Something else</a></li></ul></aside></main>"
            "<footer>Copyright The National</footer></body></html>")
    article = load_bytes(page.encode(), source="hama-page.html")
    assert EXTRACTED_NOTICE in article.notices
    assert [(article.text[link.start:link.end], link.href) for link in article.links] == [
        (link["text"], link["href"]) for link in gold["links"]]
    assert "Something else" not in article.text and "Copyright" not in article.text
    assert article.base_url == "https://www.thenationalnews.com/news/mena/2024/12/05/hama/"


REMOTE = """<!DOCTYPE html><html><head><title>Remote everything</title>
<link rel="stylesheet" href="https://fonts.example.com/css?family=Serif">
<link rel="preload" href="https://cdn.example.com/font.woff2" as="font">
<link rel="dns-prefetch" href="//tracker.example.net">
<style>@import url("https://cdn.example.com/more.css"); body { background: url(https://img.example.com/bg.png) }
@font-face { font-family: X; src: url(https://fonts.example.com/x.woff2) }</style>
<script src="https://cdn.example.com/app.js"></script>
<script>fetch("https://tracker.example.net/ping"); new Image().src = "https://tracker.example.net/p.gif";</script>
<meta http-equiv="refresh" content="0; url=https://elsewhere.example.com/">
<!DOCTYPE html SYSTEM "https://dtd.example.com/html.dtd">
</head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>A page that tries to load things</h1>
<p>First paragraph <img src="https://img.example.com/a.jpg" srcset="https://img.example.com/a2.jpg 2x"> with an image
and a <a href="https://example.org/story">link</a>. It goes on long enough to be the article, telling the reader about
remote images, fonts, scripts and frames that must never be fetched.</p>
<picture><source srcset="https://img.example.com/b.webp"><img src="https://img.example.com/b.jpg"></picture>
<iframe src="https://video.example.com/embed/1"></iframe>
<video src="https://video.example.com/v.mp4" poster="https://img.example.com/poster.jpg"></video>
<object data="https://cdn.example.com/x.swf"></object><embed src="https://cdn.example.com/y.swf">
<svg><image href="https://img.example.com/c.svg"/><use href="https://img.example.com/sprite.svg#i"/></svg>
<p>Second paragraph, with more text about how a private reader should behave when it opens a saved page.</p>
</article>
<aside class="sidebar"><a href="/more">More</a></aside><footer>Footer</footer>
<iframe src="https://ads.example.com/frame"></iframe>
</body></html>"""


def test_loading_a_page_makes_no_network_connection(monkeypatch):
    calls = []

    def refuse(*args, **kwargs):
        calls.append(args)
        raise AssertionError("the loader tried to use the network")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    article = load_bytes(REMOTE.encode(), source="remote.html")
    markdown = load_bytes(b"# T\n\n![img](https://img.example.com/x.png) and [a link](https://example.org/).\n",
                          filename="a.md")
    assert calls == []
    assert "First paragraph" in article.text and "Second paragraph" in article.text
    assert [link.href for link in article.links] == ["https://example.org/story"]
    assert "https://img.example.com" not in article.text and "fetch(" not in article.text
    assert markdown.links[0].href == "https://example.org/"


def test_no_network_for_every_corpus_page(monkeypatch):
    monkeypatch.setattr(socket.socket, "connect", lambda *a: pytest.fail("connected"))
    monkeypatch.setattr(socket, "getaddrinfo", lambda *a, **k: pytest.fail("resolved a name"))
    for expect in EXPECTATIONS:
        load_path(PAGES / json.loads(expect.read_text(encoding="utf-8"))["file"])


def test_base_href_relative_to_the_saved_address():
    page = ("<!-- saved from url=(0040)https://news.example.com/world/story.html -->\n<html><head><base href='../'>"
            "</head><body><p>Text <a href='x.html'>x</a></p></body></html>")
    article = load_bytes(page.encode())
    assert article.base_url == "https://news.example.com/"
    assert article.metadata.page_url == "https://news.example.com/world/story.html"


def test_og_url_is_the_last_resort_base():
    page = "<html><head><meta property='og:url' content='https://a.example/x/y'></head><body><p>t</p></body></html>"
    assert load_bytes(page.encode()).base_url == "https://a.example/x/y"
    assert load_bytes(b"<html><head><base href='/relative/'></head><body><p>t</p></body></html>").base_url is None


def test_declared_language_loses_to_a_clearly_different_text():
    arabic = "أعلنت وزارة المياه يوم الأحد عن خطة طارئة لمواجهة نقص المياه في مدينة الزرقاء بعد انخفاض الإمدادات."
    article = load_bytes(f"<html lang='en'><body><p>{arabic}</p></body></html>".encode())
    assert article.metadata.language == "ar" and not is_english(article)
    english = load_bytes(b"<html lang='en-GB'><body><p>The council said on Monday that the new road would open.</p>"
                         b"</body></html>")
    assert english.metadata.language == "en-GB" and is_english(english)


def test_short_article_keeps_links_when_the_extractor_falls_back():
    page = """<html><head><title>t</title></head><body><nav><a href="/">Home</a> <a href="/n">News</a></nav>
    <article><h1>Short news</h1>
    <p>The mayor <a href="/mayor">Jane Roe</a> opened the bridge on Monday, two years late.</p>
    <div class="share-tools"><a href="#">Share on Facebook</a></div><p>It cost $4m.</p></article>
    <footer>Copyright</footer></body></html>"""
    article = load_bytes(page.encode())
    assert article.text == ("Short news\n\nThe mayor Jane Roe opened the bridge on Monday, two years late."
                            "\n\nIt cost $4m.")
    assert [(article.text[link.start:link.end], link.href) for link in article.links] == [("Jane Roe", "/mayor")]


def test_script_rendered_page_falls_back_to_json_ld_body():
    body = "The council voted on Tuesday to close the old library. " * 12
    page = (f'<html><head><title>t</title><script type="application/ld+json">{{"@type":"NewsArticle",'
            f'"headline":"Library","articleBody":"{body}"}}</script></head><body><nav><a href="/">Home</a></nav>'
            '<div id="root"></div><footer class="footer">Copyright</footer></body></html>')
    article = load_bytes(page.encode())
    assert article.text.startswith("The council voted on Tuesday") and "Copyright" not in article.text


def test_link_titles_survive_extraction():
    page = ("<html><head><title>t</title></head><body><nav><a href='/'>Home</a></nav><article><p>Read the "
            "<a href='/r' title='The full report'>report</a> now, said the paragraph that is long enough to be an "
            "article on its own.</p><p>A second paragraph with enough words to count for something.</p></article>"
            "<footer class='footer'>c</footer></body></html>")
    article = load_bytes(page.encode())
    assert EXTRACTED_NOTICE in article.notices
    assert [(link.href, link.title) for link in article.links] == [("/r", "The full report")]


def test_table_layout_page_keeps_only_the_story_cell():
    article = load_path(PAGES / "valleywater_aspnet_form.html")
    assert "Classifieds" not in article.text and "Engineers began releasing water" in article.text


def test_date_in_the_saved_address_is_used_when_the_page_has_none():
    page = ("<!-- saved from url=(0060)https://news.example.com/2023/05/17/council-votes-on-library -->\n"
            "<html><head><title>Council votes</title></head><body><nav><a href=/>Home</a></nav><article><p>"
            + "The council voted on the library today after a long debate. " * 8
            + "</p></article><footer class=footer>c</footer></body></html>")
    article = load_bytes(page.encode())
    assert article.metadata.date == "2023-05-17" and article.metadata.canonical_url is None


def test_a_refusal_by_lxml_in_to_html_means_no_extraction(monkeypatch):
    """'Invalid tag name' from lxml while converting trafilatura's tree is no internal error: the page is read whole."""
    from reader.core import extract, load_bytes

    def refuse(body):
        raise ValueError("Invalid tag name 'x y'")

    monkeypatch.setattr(extract, "to_html", refuse)
    page = ("<html><body><nav><a href='/'>Home</a> <a href='/w'>World</a></nav><article><p>"
            + "The minister said the budget would protect families. " * 20 + "</p></article>"
            "<footer>Contact</footer></body></html>")
    article = load_bytes(page.encode(), filename="page.html")
    assert "The minister said" in article.text
