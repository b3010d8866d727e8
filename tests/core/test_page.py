"""The HTML front end (reader/core/page.py): one BeautifulSoup parse, clean-up, head, JSON-LD, titles, bylines."""

from __future__ import annotations

import json
import subprocess
import sys
import warnings
from pathlib import Path

import pytest

from reader.core import load_bytes, load_path
from reader.core import page as page_module
from reader.core.extract import EXTRACTED_NOTICE
from reader.core.page import clean_byline, clean_title, read_json_ld, read_page, site_names

PAGES = Path(__file__).parents[1] / "data" / "pages"
STORY = ["The county council voted on Thursday to close the Ashgrove swimming baths at the end of the summer, "
         "after a survey found the roof unsafe.",
         "Residents had collected more than 4,000 signatures asking for the pool to be repaired rather than shut, "
         "and several spoke at the meeting.",
         "The council said a new leisure centre would open on the other side of the town within three years."]
DUPLICATE = "Hidden copy: the county council voted to close the baths, a sentence no reader ever sees on the page."


def full_page(hidden_copy: str = "", head: str = "", article_extra: str = "") -> str:
    paragraphs = "".join(f"<p>{text}</p>" for text in STORY)
    return (f"<!DOCTYPE html><html lang='en'><head><title>Baths to close</title>{head}</head><body>"
            "<header><nav><a href='/'>Home</a> <a href='/news'>News</a> <a href='/sport'>Sport</a></nav></header>"
            f"<main><article><h1>Ashgrove baths to close</h1>{paragraphs}{article_extra}</article>{hidden_copy}</main>"
            "<aside class='related'><h2>Related</h2><a href='/x'>Something else</a></aside>"
            "<footer class='footer'>Copyright</footer></body></html>")


@pytest.mark.parametrize("opening", [
    "<div hidden>", "<div HIDDEN=''>", "<div aria-hidden='true'>", "<div aria-hidden=' TRUE '>",
    "<div style='display:none'>", "<div style='color: red;  Display :\tNONE !important'>",
    "<div style='visibility: hidden'>", "<section class='amp' style='DISPLAY: none;'>",
])
def test_a_hidden_duplicate_of_the_article_is_removed(opening):
    """Inside the <article>, where trafilatura takes everything it finds (it saw ``hidden`` and odd spacings)."""
    closing = "</section>" if opening.startswith("<section") else "</div>"
    copy = f"{opening}<p>{DUPLICATE}</p>{''.join(f'<p>{text}</p>' for text in STORY[:2])}{closing}"
    page = read_page(full_page(article_extra=copy))
    assert page.hidden_removed == 1 and "Hidden copy" not in page.markup
    article = load_bytes(full_page(article_extra=copy).encode(), source="hidden.html")
    assert EXTRACTED_NOTICE in article.notices
    assert "Hidden copy" not in article.text
    assert all(article.text.count(text) == 1 for text in STORY)


def test_a_page_too_big_for_bs4_gets_the_same_clean_up_on_the_lxml_tree(monkeypatch):
    """Beyond BS4_MAX_CHARS bs4 reads the head only; hidden elements, titles and link titles come out the same."""
    copy = f"<div hidden><p>{DUPLICATE}</p>{''.join(f'<p>{text}</p>' for text in STORY[:2])}</div>"
    extra = copy + "<p>See the <a href='/report' title='The full report'>report</a>, which runs to many pages.</p>"
    head = ("<meta property='og:title' content='Ashgrove baths to close | Ashgrove Courier'>"
            "<meta property='og:site_name' content='Ashgrove Courier'>")
    markup = full_page(head=head, article_extra=extra)
    whole = load_bytes(markup.encode())
    monkeypatch.setattr(page_module, "BS4_MAX_CHARS", 100)
    assert not read_page(markup).whole
    cut_down = load_bytes(markup.encode())
    assert "Hidden copy" not in cut_down.text and all(cut_down.text.count(text) == 1 for text in STORY)
    assert (cut_down.text, cut_down.links, cut_down.metadata) == (whole.text, whole.links, whole.metadata)
    assert [(link.href, link.title) for link in cut_down.links] == [("/report", "The full report")]


def test_shown_elements_and_until_found_sections_stay():
    extra = ("<p style='display: block; --display:none'>Shown despite the custom property.</p>"
             "<div hidden='until-found'><p>Collapsed but searchable, so part of the article.</p></div>"
             "<p aria-hidden='false'>Not hidden either.</p>")
    page = read_page(full_page(article_extra=extra))
    assert page.hidden_removed == 0
    for text in ("Shown despite", "Collapsed but searchable", "Not hidden either"):
        assert text in page.markup


def test_an_aria_hidden_wrapper_of_the_whole_page_is_not_removed():
    """Saved with a cookie dialog open: everything behind the dialog is aria-hidden, the article included."""
    paragraphs = "".join(f"<p>{text}</p>" for text in STORY)
    markup = (f"<html><head><title>t</title></head><body><div id='app' aria-hidden='true'>"
              "<nav><a href='/'>Home</a></nav>"
              f"<article><h1>Baths</h1>{paragraphs}</article><footer class='footer'>c</footer></div>"
              "<div role='dialog'>We use cookies <button>Accept</button></div></body></html>")
    assert read_page(markup).hidden_removed == 0
    assert STORY[0] in load_bytes(markup.encode()).text


def test_scripts_styles_comments_and_templates_go_but_json_ld_stays():
    markup = ("<html><head><style>p{color:red}</style><script>var secret = 1;</script>"
              "<script type='application/ld+json'>{\"@type\":\"NewsArticle\",\"headline\":\"H\"}</script></head>"
              "<body><!-- a comment --><template><p>template text</p></template><noscript>Enable JS</noscript>"
              "<p>Body text.</p><?php echo 1; ?></body></html>")
    page = read_page(markup)
    for gone in ("color:red", "secret", "a comment", "template text", "Enable JS", "php"):
        assert gone not in page.markup
    assert "ld+json" in page.markup and page.json_ld.headline == "H" and "Body text." in page.markup


# --------------------------------------------------------------------------- titles


@pytest.mark.parametrize("title, names, expected", [
    ("Ferry fares rise again | The Harbour Gazette", ("The Harbour Gazette",), "Ferry fares rise again"),
    ("Harbour Gazette - Ferry fares rise again", ("The Harbour Gazette",), "Ferry fares rise again"),
    ("Ferry fares rise again – Harbour Gazette News", ("Harbour Gazette",), "Ferry fares rise again"),
    ("Ferry fares rise again — HARBOUR-GAZETTE", ("Harbour Gazette",), "Ferry fares rise again"),
    ("Ferry fares rise again :: Local :: Harbour Gazette", ("Harbour Gazette",), "Ferry fares rise again :: Local"),
    ("Quillfeather ships a folding tablet - 9to5Quill", site_names(url="https://9to5quill.com/2024/x"),
     "Quillfeather ships a folding tablet"),
    ("Minister quits | Northwick Echo", site_names(url="https://www.northwickecho.co.uk/news/1"), "Minister quits"),
    # Not the site's name: the title stays as written.
    ("Brexit - the final act", ("The Harbour Gazette",), "Brexit - the final act"),
    ("Ferry fares rise again | Opinion", ("Harbour Gazette",), "Ferry fares rise again | Opinion"),
    ("Spider-Man - Far From Home review", ("Harbour Gazette",), "Spider-Man - Far From Home review"),
    ("Quillfeather - the firm that folded tablets", ("Quillfeather Insider",),
     "Quillfeather - the firm that folded tablets"),  # the site's name is more than the segment plus "news" & co
    # Stripping would leave nothing, or a fragment: it stays.
    ("Harbour Gazette | Home", ("Harbour Gazette",), "Harbour Gazette | Home"),
    ("Harbour Gazette", ("Harbour Gazette",), "Harbour Gazette"),
])
def test_titles_lose_the_site_name(title, names, expected):
    assert clean_title(title, names) == expected


def test_the_headline_says_which_part_of_a_title_to_keep_when_the_site_is_unknown():
    assert clean_title("Ferry fares rise again | Pellworth Online", (), "Ferry fares rise again") == \
        "Ferry fares rise again"
    assert clean_title("Pellworth Online - Ferry fares rise again", (), "Ferry  fares rise AGAIN") == \
        "Ferry fares rise again"
    assert clean_title("Ferry fares rise again | Opinion", (), "Something else entirely") == \
        "Ferry fares rise again | Opinion"
    page = full_page(head="<meta property='og:title' content='Ashgrove baths to close | Pellworth Online'>")
    assert load_bytes(page.encode()).metadata.title == "Ashgrove baths to close"  # the page's <h1>
    logo = page.replace("<header>", "<header><h1 class='site-logo'>Pellworth Online</h1>")
    assert read_page(logo).h1 == "Ashgrove baths to close"  # the site's name in a header <h1> is no headline
    assert load_bytes(logo.encode()).metadata.title == "Ashgrove baths to close"


def test_loaded_title_has_no_site_name():
    head = ("<meta property='og:title' content='Ashgrove baths to close | Ashgrove Courier'>"
            "<meta property='og:site_name' content='The Ashgrove Courier'>")
    assert load_bytes(full_page(head=head).encode()).metadata.title == "Ashgrove baths to close"
    by_host = load_bytes(full_page(head="<title>Ashgrove baths to close - Ashcourier</title>"
                                        "<link rel='canonical' href='https://www.ashcourier.example/news/1'>")
                         .replace("<title>Baths to close</title>", "").encode())
    assert by_host.metadata.title == "Ashgrove baths to close"


# --------------------------------------------------------------------------- bylines


@pytest.mark.parametrize("byline, outlets, expected", [
    ("Harrowgate Media, Priya Venkat", ("Harrowgate Media",), "Priya Venkat"),
    ("Osric Pennyfeather News reporter", (), "Osric Pennyfeather"),
    ("By Liesl Marchetti and Tomas Ferreira, Staff Writers", (), "Liesl Marchetti, Tomas Ferreira"),
    ("Marta Quist, Senior Editor", (), "Marta Quist"),
    ("Dov Abernathy Washington Correspondent", (), "Dov Abernathy"),
    ("Harrowgate Media politics team", ("Harrowgate Media",), None),
    ("Staff", (), None),
    ("https://www.facebook.com/someone", (), None),
    ("Jane Host", (), "Jane Host"),  # a surname that is also a job word: one job word alone must leave two
    ("Ana Ortega y Gasset", (), "Ana Ortega y Gasset"),
    ("Priya Venkat; priya venkat", (), "Priya Venkat"),
])
def test_bylines_keep_only_people(byline, outlets, expected):
    assert clean_byline(byline, outlets) == expected


def test_loaded_byline_drops_the_organisation_author():
    ld = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Ashgrove baths to close",
          "author": [{"@type": "Organization", "name": "Harrowgate Media"},
                     {"@type": "Person", "name": "Priya Venkat"}]}
    head = (f"<script type='application/ld+json'>{json.dumps(ld)}</script>"
            "<meta name='author' content='Harrowgate Media, Priya Venkat'>")
    article = load_bytes(full_page(head=head).encode())
    assert article.metadata.byline == "Priya Venkat"
    with_job = load_bytes(full_page(head="<meta name='author' content='Osric Pennyfeather News reporter'>").encode())
    assert with_job.metadata.byline == "Osric Pennyfeather"


# --------------------------------------------------------------------------- JSON-LD


def test_json_ld_graph_with_references():
    graph = {"@context": "https://schema.org", "@graph": [
        {"@type": "WebSite", "@id": "https://ex.example/#site", "name": "Ashgrove Courier"},
        {"@type": ["NewsArticle", "Article"], "headline": "Baths to close", "datePublished": "2024-06-01T09:00:00Z",
         "author": {"@id": "https://ex.example/#/person/1"}, "publisher": {"@id": "https://ex.example/#org"},
         "inLanguage": "en-GB"},
        {"@type": "Person", "@id": "https://ex.example/#/person/1", "name": "Marta Quist"},
        {"@type": "NewsMediaOrganization", "@id": "https://ex.example/#org", "name": "Ashgrove Media Group"},
    ]}
    found = read_json_ld([json.dumps(graph)])
    assert found.headline == "Baths to close" and found.authors == ("Marta Quist",)
    assert found.date_published == "2024-06-01T09:00:00Z" and found.publisher == "Ashgrove Media Group"
    assert found.language == "en-GB" and set(found.organisations) == {"Ashgrove Media Group", "Ashgrove Courier"}


def test_broken_json_ld_is_skipped_or_repaired():
    scripts = ["{not json at all", "", "[1, 2, 3]", '"just a string"',
               '//<![CDATA[\n{"@type": "NewsArticle", "headline": "Repaired", "author": ["Ada Quill",],}\n//]]>',
               '{"@type": "NewsArticle", "headline": "Second article"}']
    found = read_json_ld(scripts)
    assert found.headline == "Repaired" and found.authors == ("Ada Quill",)
    assert read_json_ld(["{broken"]).headline is None


def test_json_ld_with_a_raw_newline_in_a_string():
    assert read_json_ld(['{"@type": "NewsArticle", "headline": "Two\nlines"}']).headline == "Two lines"


# --------------------------------------------------------------------------- addresses


def test_base_canonical_and_og_url_precedence():
    head = ("<base href='/section/'><link rel='canonical' href='https://canon.example/a/b'>"
            "<meta property='og:url' content='https://og.example/c/d'>")
    article = load_bytes(full_page(head=head).encode())
    assert article.base_url == "https://canon.example/section/"  # <base> resolved against the canonical address
    assert article.metadata.canonical_url == "https://canon.example/a/b"
    no_base = load_bytes(full_page(head=head.replace("<base href='/section/'>", "")).encode())
    assert no_base.base_url == "https://canon.example/a/b"  # canonical before og:url
    og_only = load_bytes(full_page(head="<meta property='og:url' content='https://og.example/c/d'>").encode())
    assert og_only.base_url == "https://og.example/c/d" and og_only.metadata.canonical_url == "https://og.example/c/d"
    fetched = load_bytes(full_page(head=head).encode(), page_url="https://fetched.example/x/y")
    assert fetched.base_url == "https://fetched.example/section/"  # where it was fetched from wins


def test_link_titles_come_from_the_soup():
    extra = "<p>See the <a href='/report' title='The full report'>report</a>, which runs to many pages.</p>"
    article = load_bytes(full_page(article_extra=extra).encode())
    assert EXTRACTED_NOTICE in article.notices
    assert [(link.href, link.title) for link in article.links] == [("/report", "The full report")]


# --------------------------------------------------------------------------- the front end itself


def test_bs4_is_imported_when_an_html_article_is_loaded():
    code = ("import sys; from reader.core import load_bytes; "
            "load_bytes(b'A plain note, nothing more.', filename='a.txt'); plain = 'bs4' in sys.modules; "
            "load_bytes(b'<html><body><p>Hello there, reader.</p></body></html>'); "
            "print(plain, 'bs4' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                          cwd=Path(__file__).parents[2])
    assert done.stdout.split() == ["False", "True"], done.stderr


def corpus_pages() -> list[Path]:
    expectations = sorted(PAGES.glob("*.expect.json"))
    return [PAGES / json.loads(path.read_text(encoding="utf-8"))["file"] for path in expectations]


@pytest.mark.parametrize("path", corpus_pages(), ids=lambda path: path.name)
def test_link_offsets_are_exact_on_the_corpus(path):
    article = load_path(path)
    assert article.links
    markup_texts = {" ".join(text.split()) for text in _anchor_texts(path)}
    for link in article.links:
        shown = article.text[link.start:link.end]
        assert shown.strip() and " ".join(shown.split()) in markup_texts, (shown, link.href)


@pytest.mark.parametrize("name", ["quillmag_hidden_print_copy.html", "northwick_beacon_site_first.html"])
def test_corpus_pages_with_site_names_and_job_titles_are_cleaned_exactly(name):
    """test_extract checks that the expected byline is in the byline; here nothing else may be."""
    expect = json.loads((PAGES / f"{name}.expect.json").read_text(encoding="utf-8"))
    meta = load_path(PAGES / name).metadata
    assert (meta.title, meta.byline) == (expect["title"], expect["byline"])


def _anchor_texts(path: Path) -> list[str]:
    """Every <a href>'s text as BeautifulSoup reads it from the original file."""
    from bs4 import BeautifulSoup

    from reader.core.load import decode

    with warnings.catch_warnings():  # bs4 warns that XHTML is parsed as HTML: so it is, on purpose
        warnings.simplefilter("ignore")
        soup = BeautifulSoup(decode(path.read_bytes())[0], "lxml")  # decoded as the loader does
    return [anchor.get_text() for anchor in soup.find_all("a", href=True)]
