"""Issue 12, checked from outside: a held-out corpus and the general rules it showed were missing.

tests/data/links/holdout_evil.tsv and holdout_benign.tsv were written apart from the inspector's rules and
its own corpora (by technique: homographs in six scripts, punycode, bidi, invisibles, look-alike punctuation,
text/target mismatches, userinfo, numeric hosts, schemes, open redirects, wrappers, subdomain tricks,
typosquats, long texts; a "round2" group added after probing the first fixes). The thresholds are the
issue's; the unit tests pin each rule added after scoring it, on examples that are in neither corpus.
"""

from __future__ import annotations

import base64

from link_helpers import BASE, caught, codes, score_links

from reader.core.links import CONFIRM, OPEN, inspect_href
from reader.core.links.domains import top_domains
from reader.core.model import Link

# Evil rows the inspector lets through, each for a reason no general rule can answer (see the report in the
# commit): a brand's name under another country's "com." suffix, which is also how brands name their own country
# sites. A new miss anywhere fails the test. ("nvidïa.com" is caught since a mark on i or j counts as easy to miss.)
KNOWN_MISSES = {
    ("typosquat", "https://www.apple.com.co/"),
}
# The one ordinary row that is flagged: "Amazon.com Inc." linking to the company's corporate site, whose
# domain the text does not show. The warning is true; it is the one allowed false alarm.
KNOWN_FALSE_ALARMS = {("brand-dots", "https://www.aboutamazon.com/news/company-news/annual-letter")}


def _link(href: str, text: str = "here") -> Link:
    return inspect_href(href, text, BASE)


# --------------------------------------------------------------------------- the held-out corpus

def test_holdout_corpus_is_big_and_grouped() -> None:
    scorer = score_links()
    evil, benign = scorer.load("holdout_evil.tsv"), scorer.load("holdout_benign.tsv")
    assert len(evil) >= 120 and len(benign) >= 60
    groups = {row.group for row in evil}
    assert len(groups) >= 15 and all(sum(r.group == g for r in evil) >= 6 for g in groups)


def test_holdout_evil_links_are_caught() -> None:
    scorer = score_links()
    score = scorer.score_evil(scorer.load("holdout_evil.tsv"))
    missed = {(row.group, row.href) for row, _ in score.misses}
    assert missed == KNOWN_MISSES
    assert sum(score.hits.values()) / sum(score.total.values()) >= 0.98
    for group, total in score.total.items():
        excused = sum(g == group for g, _ in KNOWN_MISSES)
        assert (score.hits[group] + excused) / total >= 0.98, group


def test_holdout_ordinary_links_raise_at_most_one_false_alarm() -> None:
    scorer = score_links()
    score = scorer.score_benign(scorer.load("holdout_benign.tsv"))
    alarms = {(row.group, row.href) for row, _ in score.misses}
    assert len(alarms) <= 1 and alarms <= KNOWN_FALSE_ALARMS


def test_scorer_reads_a_named_corpus(capsys) -> None:  # type: ignore[no-untyped-def]
    assert score_links().main(["score_links.py", "--corpus", "holdout"]) == 0
    out = capsys.readouterr().out
    assert "idn-cherokee" in out and "open-redirect" in out and "all benign" in out


# --------------------------------------------------------------------------- homographs

def test_greek_tau_and_epsilon_count_as_latin_twins() -> None:
    # "ροκετ" is drawn "poket": every letter imitates a Latin one once tau and epsilon do.
    assert "idn-homograph" in codes("https://\u03c1\u03bf\u03ba\u03b5\u03c4.com/")
    # Chromium's t-shaped Cyrillic te: "тесто" reads "tecto".
    assert "idn-homograph" in codes("https://\u0442\u0435\u0441\u0442\u043e.net/")


def test_latin_looking_words_are_ordinary_under_their_scripts_country() -> None:
    assert not caught("https://\u03c1\u03bf\u03ba\u03b5\u03c4.gr/")
    assert not caught("https://\u0442\u0435\u0441\u0442\u043e.ru/")


def test_cjk_strokes_drawn_like_punctuation_are_not_mixed_with_latin() -> None:
    assert "mixed-script" in codes("https://shop\u30fcdeals.net/")  # katakana long vowel mark as a dash
    assert "mixed-script" in codes("https://bank\u4e00online.com/")  # Han "one" as a dash
    assert caught("https://mail\u30fbcenter.org/")  # katakana middle dot as a dot (IDNA 2008 refuses it too)
    assert not caught("https://\u30e9\u30fc\u30e1\u30f3.jp/")  # "ramen": the mark after kana, as written
    assert not caught("https://\u6771\u4eac\u4e00\u756a.jp/")  # Han "one" inside a Han word


# --------------------------------------------------------------------------- look-alike names

def test_one_typo_from_a_well_known_name_under_its_suffix() -> None:
    assert "youtube.com" in top_domains() and "amazon.com" in top_domains()
    assert "lookalike-domain" in codes("https://www.yuotube.com/")  # two letters swapped
    assert "lookalike-domain" in codes("https://www.amazom.com/")  # one letter changed
    assert "lookalike-domain" in codes("https://www.youttube.com/")  # one letter doubled


def test_one_letter_that_makes_another_word_is_not_a_typo() -> None:
    assert "nbcnews.com" in top_domains() and "time.com" in top_domains()
    assert not caught("https://abcnews.com/")  # another first letter: another word
    assert not caught("https://times.com/")  # a plural
    assert not caught("https://www.nbcnews.com/")  # the site itself


def test_a_brand_beside_an_account_word_is_combosquatting() -> None:
    assert "netflix.com" in top_domains()
    assert "lookalike-domain" in codes("https://netflix-billing-help.com/")
    assert "lookalike-domain" in codes("https://youtube-account-restore.pages.dev/")  # a free host's user site
    assert not caught("https://netflix-documentary-reviews.com/")  # no account word: a fan site, not a disguise
    assert not caught("https://www.bank-of-england-news.co.uk/")  # a well-known name ("news"), but not beside "bank"
    assert not caught("https://www.shipping-news.com/")  # "news" is in many well-known names: a word, not a brand


def test_a_well_known_name_under_a_typo_of_com() -> None:
    assert "wikimedia.org" in top_domains()
    assert "lookalike-domain" in codes("https://www.wikimedia.co/")
    assert not caught("https://www.wikimedia.org/")


# --------------------------------------------------------------------------- redirects

def test_an_address_hidden_in_base64_is_a_redirect() -> None:
    hidden = base64.b64encode(b"https://spin-the-wheel.top/win").decode()
    link = _link(f"https://www.photo-club.net/leave?to={hidden}")
    assert "open-redirect" in codes(link.href) and link.policy == CONFIRM
    assert link.real_target == "https://spin-the-wheel.top/win"
    # The same inside a prefixed token, as some search engines write it.
    assert "open-redirect" in codes(f"https://search.example-engine.com/ck?k=x&t=a1{hidden.rstrip('=')}")
    assert not caught("https://www.photo-club.net/album?id=aHR0cDogZ2FyYmFnZQ")  # decodes to no address


def test_a_go_parameter_with_a_bare_site_name_is_a_redirect() -> None:
    assert "open-redirect" in codes("https://www.birdwatch-club.org/leave?goto=feather-prize.top")
    assert "open-redirect" in codes("https://www.birdwatch-club.org/r?destination=feather-prize.top/claim")
    assert not caught("https://www.birdwatch-club.org/login?next=account.html")  # a file, not a site
    assert not caught("https://www.birdwatch-club.org/map?to=2.5")  # a number
    assert not caught("https://www.birdwatch-club.org/login?next=www.birdwatch-club.org")  # the same site
    assert not caught("https://www.birdwatch-club.org/list?sort=name.asc")  # not a "go" parameter


# --------------------------------------------------------------------------- text and ports

def test_a_thousand_characters_of_link_text_is_long() -> None:
    assert "long-link-text" in codes("https://story-site.top/", "Read on. " * 130)  # 1,170 characters
    assert not caught("https://www.bbc.co.uk/news/world-1", "A linked paragraph of a story, as editors do. " * 12)


def test_a_web_port_is_a_note_and_a_bad_port_a_warning() -> None:
    link = _link("https://maps.city-transit.org:8443/live")
    assert link.policy == OPEN and [w.code for w in link.warnings] == ["non-standard-port"]
    assert link.warnings[0].severity == "info"
    smtp = _link("https://mail.city-transit.org:25/")
    assert smtp.policy == CONFIRM and smtp.warnings[0].severity == "warning"


# --------------------------------------------------------------------------- round 2 (probing after the first fixes)

def test_a_redirect_step_in_a_fragment_route() -> None:
    link = _link("https://www.recipes-blog.net/#!/out/https://oven-prize.top/win")
    assert "open-redirect" in codes(link.href) and link.real_target == "https://oven-prize.top/win"
    assert not caught("https://www.recipes-blog.net/#!/recipes/bread")


def test_a_suffix_that_dresses_a_generic_ending_as_the_brands_country() -> None:
    assert "halifax.co.uk" in top_domains()
    assert "lookalike-domain" in codes("https://www.halifax.uk.com/")  # "uk.com", sold to look British
    assert not caught("https://www.halifax.co.uk/")


def test_a_look_alike_name_worn_in_front_of_the_real_site() -> None:
    link = _link("https://login.netflix-billing.com.account-hold.top/")
    assert [(w.code, w.severity) for w in link.warnings] == [("lookalike-domain", "danger")]
    assert not caught("https://www.netflix-documentary.com.reviews-hub.top/")  # no account word: a fan page


def test_a_brand_glued_to_an_account_word() -> None:
    assert "lookalike-domain" in codes("https://www.netflixlogin.com/")
    assert "lookalike-domain" in codes("https://www.securenetflix.net/")
    assert not caught("https://www.netflixfans.com/")  # not an account word
    assert not caught("https://www.santanderbank.com/")  # brands glue "bank" or "online" to their own names
