"""Issue 12, a third look from outside: the blind corpus and the general rules its misses showed were missing.

tests/data/links/blind_evil.tsv and blind_benign.tsv were written before reading the inspector's code (Greek,
Armenian, Cherokee and Latin look-alikes, full-width forms, whole-script Cyrillic, punycode, fake dots,
invisibles, bidi, userinfo and backslashes, numeric hosts, scheme disguises, redirects, look-alike names, text
that shows another site, long addresses, ports, tabs and newlines). The unit tests pin each rule added after
scoring it, on examples that are in none of the corpora.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from reader.core.links import OPEN, inspect_href
from reader.core.links.idn import script_problem

TOOL = Path(__file__).resolve().parents[2] / "tools" / "score_links.py"
BASE = "https://news.example.org/world/story.html"
# Evil rows that get through, and why (both arguably no trick): LRI keeps "moc.elppa" drawn backwards, so the
# text shows no site at all; a number as one label of another site's subdomain is not a numeric host.
KNOWN_MISSES = {
    ("bidi", "https://apple-care.top/"),
    ("numeric", "https://3325256711.com.evil-cdn.top/"),
}


def _scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("score_links", TOOL)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["score_links"] = module
    spec.loader.exec_module(module)
    return module


def codes(href: str, text: str = "here") -> set[str]:
    return {w.code for w in inspect_href(href, text, BASE).warnings}


def caught(href: str, text: str = "here") -> bool:
    link = inspect_href(href, text, BASE)
    return link.policy != OPEN and any(w.severity in ("warning", "danger") for w in link.warnings)


def test_blind_corpus_is_big_and_grouped() -> None:
    scorer = _scorer()
    evil, benign = scorer.load("blind_evil.tsv"), scorer.load("blind_benign.tsv")
    assert len(evil) >= 120 and len(benign) >= 80
    assert len({row.group for row in evil}) >= 15


def test_blind_evil_links_are_caught() -> None:
    scorer = _scorer()
    score = scorer.score_evil(scorer.load("blind_evil.tsv"))
    missed = {(row.group, row.href) for row, _ in score.misses}
    assert missed <= KNOWN_MISSES, missed - KNOWN_MISSES
    assert sum(score.reasons.values()) >= sum(score.hits.values()) - 1


def test_blind_ordinary_links_raise_no_alarm() -> None:
    scorer = _scorer()
    score = scorer.score_benign(scorer.load("blind_benign.tsv"))
    assert not score.misses, [(r.text, r.href, [w.code for w in link.warnings]) for r, link in score.misses]


# --------------------------------------------------------------------------- dotless letters

@pytest.mark.parametrize("label", ["\u0237ackson", "tw\u0131tch-tv"])
def test_a_dotless_letter_copies_the_dotted_one(label: str) -> None:
    problem = script_problem(label, "com")
    assert problem is not None and problem[0] == "idn-homograph"


def test_dotless_i_stays_ordinary_in_turkish() -> None:
    assert script_problem("\u0131s\u0131k", "tr") is None


# --------------------------------------------------------------------------- a mark in place of the dot of i or j

@pytest.mark.parametrize("label", ["w\u00efkimedia", "l\u00ednkpost", "ma\u0135ordomo", "d\u00eescount"])
def test_a_mark_on_i_or_j_is_easy_to_miss_under_a_generic_tld(label: str) -> None:
    problem = script_problem(label, "com")
    assert problem is not None and problem[0] == "idn-homograph"


@pytest.mark.parametrize("label, tld", [("w\u00efkimedia", "fr"), ("caf\u00e9", "com"), ("m\u00fcnze", "com")])
def test_accents_elsewhere_or_under_a_country_domain_are_spelling(label: str, tld: str) -> None:
    assert script_problem(label, tld) is None


# --------------------------------------------------------------------------- combosquatting

@pytest.mark.parametrize("host", ["www-dropbox.net", "ebay-0rders.shop", "g1thub-login.dev", "orders-walmart.store"])
def test_a_brand_beside_an_account_word_or_www_is_a_lookalike(host: str) -> None:
    assert "lookalike-domain" in codes(f"https://{host}/")


@pytest.mark.parametrize("host", ["www.dropbox.com", "orders.example-shop.com", "www-archive.example.org"])
def test_ordinary_hosts_are_not_combosquats(host: str) -> None:
    assert not caught(f"https://{host}/")


# --------------------------------------------------------------------------- backslash before an @

@pytest.mark.parametrize("href", ["https://weather.gov\\@stormfront-alerts.shop/", "https://a-site.shop\\x@b-site.net/",
                                  "https://news.site.example\\foo@other-site.org:443/"])
def test_a_backslash_before_an_at_names_two_sites(href: str) -> None:
    assert "credentials" in codes(href) and caught(href)


@pytest.mark.parametrize("href", ["https://www.dropbox.com\\path\\file.txt", "https://a-site.org/x\\y@z-site.org"])
def test_a_backslash_without_an_at_in_the_host_part_is_no_alarm(href: str) -> None:
    assert "credentials" not in codes(href)
