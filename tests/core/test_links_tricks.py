"""Issue 12: no trick gets past the link inspector, and ordinary links raise no alarm.

The corpora (tests/data/links) are scored by tools/score_links.py; the thresholds here are
the issue's: at least 98% of evil links caught in every group, at most one false alarm.
The unit tests below pin each general rule on examples that are not in the corpora.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from link_helpers import BASE, codes, score_links

from reader.core.links import CONFIRM, NEVER, OPEN, decide_policy, inspect_href, link_severity, worst_severity
from reader.core.links.bidi import visual
from reader.core.links.domains import is_well_known, top_domains
from reader.core.links.idn import skeleton, subtle_letters
from reader.core.links.link_text import seen_forms
from reader.core.model import LinkWarning

# --------------------------------------------------------------------------- the corpora

def test_corpora_are_big_enough_and_grouped():
    scorer = score_links()
    evil, benign = scorer.load("evil.tsv"), scorer.load("benign.tsv")
    assert len(evil) >= 150 and len(benign) >= 60
    groups = {row.group for row in evil}
    assert len(groups) >= 12 and all(sum(r.group == g for r in evil) >= 8 for g in groups)


def test_evil_links_are_caught_in_every_group():
    score = score_links().score_evil()
    for group, total in score.total.items():
        assert score.hits[group] / total >= 0.98, (group, [(r.text, r.href) for r, _ in score.misses])


def test_ordinary_links_raise_at_most_one_false_alarm():
    score = score_links().score_benign()
    assert sum(score.hits.values()) <= 1, [(r.text, r.href, [w.code for w in link.warnings])
                                          for r, link in score.misses]


def test_scorer_prints_per_group_counts(capsys):
    assert score_links().main(["score_links.py"]) == 0
    out = capsys.readouterr().out
    assert "bidi-text" in out and "all evil" in out and "all benign" in out


# --------------------------------------------------------------------------- policy: one source of truth

def test_policy_and_severity_come_from_one_place():
    danger, info = LinkWarning("x", "X.", "danger"), LinkWarning("y", "Y.", "info")
    assert decide_policy(True, "https", ()) == NEVER
    assert decide_policy(False, "https", ()) == OPEN
    assert decide_policy(False, "https", (info,)) == CONFIRM
    assert decide_policy(False, "mailto", ()) == CONFIRM
    assert worst_severity([info, danger]) == "danger" and worst_severity([]) is None
    link = inspect_href("https://www.paypal.com@evil-site.net/", "login", BASE)
    assert link_severity(link) == "danger" and link.policy == CONFIRM


# --------------------------------------------------------------------------- bidi: the drawn form

@pytest.mark.parametrize("logical, drawn", [
    ("\u202egro.elpmaxe//:sptth", "https://example.org"),  # RLO reverses everything after it
    ("\u2067\u202eten.elpmaxe\u202c\u2069", "example.net"),  # RLO inside an RLI
    ("https://\u2067ten.elpmaxe\u2069", "https://ten.elpmaxe"),  # Latin inside an RLI keeps its order
    ("abc \u05d0\u05d1 def", "abc \u05d1\u05d0 def"),  # Hebrew runs are drawn right to left
    ("plain text", "plain text"),
])
def test_visual_order(logical, drawn):
    assert visual(logical) == drawn


def test_text_that_draws_as_another_site_is_a_mismatch():
    link = inspect_href("https://landing-page.biz/", "\u202egro.gnikcabtsurt.www", BASE)
    assert "text-url-mismatch" in {w.code for w in link.warnings} and link.policy == CONFIRM
    assert "trustbacking.org" in link.warnings[0].message


# --------------------------------------------------------------------------- look-alike punctuation in text

@pytest.mark.parametrize("dot", ["\uff0e", "\u3002", "\uff61", "\ufe52", "\u2024", "\u06d4", "\u00b7"])
def test_look_alike_dots_make_a_domain(dot):
    assert "trustbank.com" in seen_forms(f"trustbank{dot}com")[0]
    assert "text-url-mismatch" in codes("https://landing-page.biz/", f"www{dot}wikipedia{dot}org")


@pytest.mark.parametrize("text", ["https\uff1a\uff0f\uff0fwikipedia.org", "https:\u2044\u2044wikipedia.org",
                                  "\U0001d430\U0001d422\U0001d424\U0001d422.org"])
def test_look_alike_slashes_colons_and_letters_make_an_address(text):
    assert "text-url-mismatch" in codes("https://landing-page.biz/", text)


def test_look_alike_at_sign_makes_an_email_address():
    assert "text-url-mismatch" in codes("mailto:x@landing-page.biz", "press\uff20wikipedia.org")


# --------------------------------------------------------------------------- IDN display policy

def test_skeleton_folds_marks_strokes_and_look_alikes():
    assert skeleton("ġöödłe") == skeleton("goodle") == "goodle"
    assert skeleton("раураl") == "paypal"  # Cyrillic р, а, у
    assert skeleton("rnail") == skeleton("mail")


def test_subtle_marks():
    assert subtle_letters("exạmple") == ["ạ"] and subtle_letters("bücher") == []
    assert subtle_letters("łódź") == ["ł"]


@pytest.mark.parametrize("host", ["wikipedıa.org", "wįkipedia.org", "wikipediа.org", "ԝikipedia.org",
                                  "wikipedià.de", "wikipeḍia.net"])
def test_names_drawn_like_a_well_known_domain_are_shown_coded(host):
    link = inspect_href(f"https://{host}/", "", BASE)
    assert link.policy == CONFIRM and link_severity(link) == "danger"
    assert link.display_url is not None and "xn--" in link.display_url


def test_easy_to_miss_marks_on_a_plain_name_under_a_generic_tld():
    assert "idn-homograph" in codes("https://northwinḍ-traders.com/")  # not a well-known name: the mark rule
    assert codes("https://northwind-träders.com/") == set()  # an accent that shows is ordinary spelling
    assert codes("https://półka.pl/") == set()  # under a country's domain the letters are its spelling


def test_loose_combining_mark_is_flagged():
    assert "idn-homograph" in codes("https://exampı\u0307e-shop.com/")


# --------------------------------------------------------------------------- well-known domains

def test_well_known_list_is_data_with_its_licence():
    path = Path(__file__).resolve().parents[2] / "reader" / "data" / "links" / "top_domains.txt"
    head = path.read_text(encoding="utf-8")[:600]
    assert "MIT" in head and "top-sites" in head
    assert len(top_domains()) > 400 and "wikipedia.org" in top_domains()
    assert is_well_known("wikipedia.org") and not is_well_known("northwind-traders.com")


@pytest.mark.parametrize("host", ["wikipedia.org.article-view.net", "login-wikipedia-org.editors.xyz",
                                  "en.wikipedia.org-edit.page"])
def test_well_known_domain_worn_as_a_subdomain(host):
    assert "lookalike-domain" in codes(f"https://{host}/")


def test_github_pages_and_similar_platforms_are_not_look_alikes():
    assert codes("https://someone.github.io/project/") == set()
    assert codes("https://www.wikipedia.org.br/") == set()  # one name under a country's "org.": its own site
    assert codes("https://someone.blogspot.com/2026/06/post.html") == set()


@pytest.mark.parametrize("host", ["github.co", "github.cm", "vvikipedia.org", "wikipedla.org"])
def test_typo_and_ascii_look_alikes(host):
    found = codes(f"https://{host}/")
    assert "lookalike-domain" in found or host == "wikipedla.org"  # an l for an i is a typo, not a look-alike


# --------------------------------------------------------------------------- open redirects

@pytest.mark.parametrize("href", [
    "https://portal.example-uni.edu/login?return_to=https%3A%2F%2Fgrades-check.net%2F",
    "https://shop.example.com/exit?destination=//grades-check.net/x",
    "https://shop.example.com/redir/https%3A%2F%2Fgrades-check.net%2F",
])
def test_open_redirect_on_an_unknown_site_shows_its_real_target(href):
    link = inspect_href(href, "read", BASE)
    assert link.real_target is not None and "grades-check.net" in link.real_target
    assert "open-redirect" in {w.code for w in link.warnings} and link.policy == CONFIRM


def test_text_is_compared_with_the_target_behind_an_open_redirect():
    href = "https://shop.example.com/out?u=https%3A%2F%2Fgrades-check.net%2F"
    assert "text-url-mismatch" in codes(href, "shop.example.com")
    assert "text-url-mismatch" not in codes(href, "grades-check.net")


@pytest.mark.parametrize("href", [
    "https://news.example.org/login?next=https%3A%2F%2Fnews.example.org%2Faccount",  # same site
    "https://www.facebook.com/sharer/sharer.php?u=https%3A%2F%2Fnews.example.org%2Fx",  # a share button
    "https://example.com/page?ref=https%3A%2F%2Fnews.example.org%2F",  # a referrer note
])
def test_not_every_address_in_a_query_is_a_redirect(href):
    assert "open-redirect" not in codes(href)


def test_redirect_into_a_script_is_dangerous():
    link = inspect_href("https://shop.example.com/go?to=javascript:alert(1)", "", BASE)
    assert link_severity(link) == "danger"


# --------------------------------------------------------------------------- long text, dotted names

def test_long_link_text_keeps_its_link_and_is_still_checked():
    link = inspect_href("https://landing-page.biz/", "\u200b" * 3000 + "wikipedia.org", BASE)
    found = {w.code for w in link.warnings}
    assert {"long-link-text", "text-url-mismatch"} <= found
    assert link.url == "https://landing-page.biz/" and link.policy == CONFIRM


@pytest.mark.parametrize("text, href", [
    ("Vue.JS", "https://vuejs.org/"),
    ("Grafana.NET", "https://grafana.com/"),
    ("Medium.com", "https://en.wikipedia.org/wiki/Medium.com"),  # a reference page named after it
    ("8.8.8.8", "https://developers.google.com/speed/public-dns/docs/using-8.8.8.8"),
    ("bbc.com", "https://www.bbc.co.uk/news"),  # one well-known name, two suffixes
])
def test_dotted_names_are_not_addresses_in_context(text, href):
    assert "text-url-mismatch" not in codes(href, text)


def test_a_well_known_site_named_inside_a_sentence_is_compared_too():
    mismatch = [w for w in inspect_href("https://landing-page.biz/", "Edit it on wikipedia.org today", BASE).warnings
                if w.code == "text-url-mismatch"]
    assert mismatch and mismatch[0].severity == "warning"
    assert "text-url-mismatch" not in codes("https://landing-page.biz/", "Written in Vue.JS and ASP.NET 4.8")


@pytest.mark.parametrize("text", ["WIKIPEDIA.ORG", "Wikipedia.org", "northwind-traders.com"])
def test_dotted_words_that_look_like_addresses_still_count(text):
    assert "text-url-mismatch" in codes("https://landing-page.biz/", text)


def test_html_references_cannot_disguise_a_script():
    assert inspect_href("jav&#x61;script&colon;void(0)", "", BASE).policy == NEVER
    assert codes("https://example.com/?a=1&amp;b=2") == set()
