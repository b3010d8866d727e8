"""Registrable domains and the well-known ones: what a site name is, and which famous name it imitates.

The well-known list is data (reader/data/links/top_domains.txt, built by
tools/build_top_domains.py); the rules here name no site. They follow Chromium's
look-alike checks: a name whose skeleton is a well-known domain's but is not that domain
(IDN homographs, "rnicrosoft"), a well-known domain worn as a subdomain
("paypal.com.account.example", Chromium's "target embedding"), a well-known name under
a top-level domain one typo away from its own or from .com/.net/.org ("example.co" for "example.com"),
a name one typo from a well-known one under the same suffix (Chromium's edit-distance check, minus
the edits that make another word), and a well-known name beside an account word ("example-login.top",
combosquatting).
"""

from __future__ import annotations

import functools
import re
import threading
from typing import Any

from ...resources import resource
from .idn import skeleton

_lock = threading.Lock()
_extractor: Any = None
# Shorter names are too often ordinary words or initials of unrelated sites under another TLD.
_MIN_TYPO_NAME = 4
# The suffixes a mistyped one is measured against. Country domains one letter apart (.it and .in, .de
# and .dk) are where one brand really has two sites, so they are not compared with each other.
_TYPO_TARGETS = frozenset({"com", "net", "org"})
# A name this long is far from any other well-known one, so one letter added, dropped, changed or swapped is a typo
# of it rather than another word (Chromium uses a similar floor for its edit-distance check).
_MIN_EDIT_NAME = 5
# No well-known name is longer than a DNS label.
_LONGEST_NAME = 64
# Top-level domains most used for phishing in proportion to their size (the cheap new generic ones and the free
# country ones; Spamhaus's and Interisle's yearly "most abused TLD" tables); brands rarely live there.
_ABUSED_SUFFIXES = frozenset({
    "top", "xyz", "shop", "online", "site", "club", "icu", "buzz", "click", "link", "store", "vip", "work", "fun",
    "space", "website", "tk", "ml", "ga", "cf", "gq", "rest", "bar", "cyou", "sbs", "cfd", "monster", "quest", "lol",
    "mom", "beauty", "hair", "skin", "makeup", "autos", "boats", "homes", "yachts", "motorcycles", "support",
    "services", "digital", "email", "zip", "mov", "pw", "cam", "surf", "uno", "best", "bond", "win", "loan",
})
# ASCII letters and digits drawn alike at address-bar size: a different first letter among them is no other word.
_ALIKE_LETTERS = {c: group for group in ({"i", "l", "1"}, {"o", "0"}, {"a", "4"}, {"e", "3"}, {"s", "5"}, {"b", "8"},
                                         {"g", "q", "9"}, {"z", "2"}, {"t", "7"}) for c in group}
# Caches and proxies that spell the origin's own name with hyphens in their subdomain, by design
# ("www-example-com.cdn.ampproject.org" serves example.com's AMP page): the origin is named, not imitated.
_ORIGIN_PROXIES = frozenset({"ampproject.org", "amp.cloudflare.com", "bing-amp.com", "translate.goog"})
# A well-known name found inside this many others is a word ("news": nbcnews, foxnews, newsweek...).
_COMMON_NAME = 3
# The words phishing kits put next to a brand's name to make a site name look like its account pages.
_ACCOUNT_WORDS = frozenset({
    "login", "logon", "signin", "sign", "verify", "verification", "validate", "secure", "security", "account",
    "accounts", "support", "update", "billing", "payment", "pay", "auth", "password", "wallet", "unlock",
    "recovery", "recover", "restore", "helpdesk", "help", "id", "confirm", "alert", "alerts", "refund", "service",
    "services", "customer", "online", "portal", "access", "authentication", "session", "claim", "reward",
    "bank", "banking", "webmail", "sso", "otp", "invoice", "delivery", "tracking", "parcel", "shipping", "tax",
    "order", "orders", "www",
})
# The account words that only a sign-in page uses.
_SIGN_IN_WORDS = frozenset({
    "login", "logon", "signin", "verify", "verification", "validate", "secure", "security", "account", "accounts",
    "billing", "auth", "password", "unlock", "recovery", "recover", "restore", "id", "confirm", "alert", "alerts",
    "refund", "authentication", "session", "sso", "otp", "www",
})


def _tld_extract() -> Any:
    """The offline tldextract instance: built once, on first use (reading its snapshot takes ~30 ms)."""
    global _extractor
    if _extractor is None:
        with _lock:
            if _extractor is None:
                import tldextract  # noqa: PLC0415 - deferred: reading its snapshot costs ~30 ms

                # suffix_list_urls=() keeps it offline (its bundled snapshot); cache_dir=None
                # stops it writing into the user's home. Private suffixes (github.io,
                # blogspot.com) count, so two users' sites are different domains, as in browsers.
                _extractor = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None,
                                                   include_psl_private_domains=True)
    return _extractor


@functools.lru_cache(maxsize=8192)  # each look-alike check asks again about the same host
def split_domain(host: str) -> tuple[str, str, str]:
    """(subdomain, name, suffix) of an ASCII host: "a.b.example.co.uk" -> ("a.b", "example", "co.uk")."""
    parts = _tld_extract()(host.rstrip("."))
    return parts.subdomain, parts.domain, parts.suffix


@functools.lru_cache(maxsize=1)
def top_domains() -> frozenset[str]:
    lines = resource("links", "top_domains.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


@functools.lru_cache(maxsize=1)
def _by_skeleton() -> dict[str, str]:
    return {skeleton(domain): domain for domain in sorted(top_domains())}


@functools.lru_cache(maxsize=1)
def _by_name() -> dict[str, list[tuple[str, str]]]:
    """Skeleton of the name without its suffix -> [(domain, suffix)]."""
    index: dict[str, list[tuple[str, str]]] = {}
    for domain in sorted(top_domains()):
        _, name, suffix = split_domain(domain)
        if name and suffix:
            index.setdefault(skeleton(name), []).append((domain, suffix))
    return index


def same_site(one: str, other: str) -> bool:
    """The same registrable domain, or one well-known name under two well-known suffixes (bbc.com, bbc.co.uk)."""
    one, other = one.lower(), other.lower()
    if one == other:
        return True
    # A site registered right under a public suffix is written with or without its "www." ("gov.uk" is
    # www.gov.uk, whose registrable name is "www" under "gov.uk").
    if one == "www." + other or other == "www." + one:
        return True
    known = top_domains()
    return one in known and other in known and split_domain(one)[1] == split_domain(other)[1]


def is_well_known(domain: str) -> bool:
    """The domain, or a name drawn like it, is on the well-known list."""
    return domain in top_domains() or skeleton(domain) in _by_skeleton()


def imitated_domain(shown_domain: str, ascii_domain: str) -> str | None:
    """The well-known domain that ``shown_domain`` (its Unicode form) is drawn like, when it is not that one:
    the whole name drawn alike ("gооgle.com"), or its name part drawn like a well-known one under any suffix
    when that part is written with look-alike letters ("paypàl.de", "paypa1.de")."""
    if ascii_domain in top_domains():
        return None
    twin = _by_skeleton().get(skeleton(shown_domain))
    if twin is not None and twin != ascii_domain:
        return twin
    labels = shown_domain.split(".")
    name = labels[0] if len(labels) > 1 else ""
    key = skeleton(name)
    if len(key) < _MIN_TYPO_NAME or key == name.lower():
        return None  # a plain name ("bucher") imitates nothing by its spelling alone
    known = _by_name().get(key)
    if known:
        return known[0][0]
    # A Unicode name that is one typo from a well-known one once drawn in ASCII ("paypalē.com" reads "paypale").
    return typo_name_twin(".".join([key, *labels[1:]])) if not name.isascii() else None


def embedded_domain(host: str, domain: str) -> str | None:
    """A well-known domain spelled out inside another site's host name ("paypal.com.x.net", "paypal-com.x.net")."""
    if domain in top_domains() or domain in _ORIGIN_PROXIES or len(host) > 253:
        return None
    # Words split at dots, hyphens and underscores. The last word is left out of every window:
    # a window that reaches the end is the site's own suffix ("user.github.io" is GitHub Pages, not GitHub).
    words = [w for w in re.split(r"[.\-_]+", host.rstrip(".")) if w]
    own_name = split_domain(domain)[1]
    for size in (5, 4, 3, 2):
        for start in range(len(words) - size):
            window = words[start:start + size]
            # The name may itself have hyphens ("example-bank.de"): each split of the window into a name and a
            # suffix is tried.
            for cut in range(1, min(size, 3)):
                candidate = "-".join(window[:cut]) + "." + ".".join(window[cut:])
                twin = candidate if candidate in top_domains() else _by_skeleton().get(skeleton(candidate))
                # "amazon.com.br" wears "amazon.com" but is Amazon's own site in Brazil: the same name, registered
                # under a country's "com.": a brand's country site, not a disguise.
                if twin is not None and split_domain(twin)[1] != own_name:
                    return twin
    return None


def typo_suffix_twin(domain: str) -> str | None:
    """The well-known domain with the same name under a suffix one typo away ("co" for "com")."""
    if domain in top_domains():
        return None
    _, name, suffix = split_domain(domain)
    if len(name) < _MIN_TYPO_NAME or not suffix:
        return None
    entries = _by_name().get(skeleton(name), ())
    for known, known_suffix in entries:
        if known != domain and known_suffix in _TYPO_TARGETS and _one_edit_apart(suffix, known_suffix):
            return known
    # "example.co" is a typo of "example.com" even when the brand lives at example.org: the reader who knows the
    # name takes a .com look-alike for its site all the same. Its own suffixes are never flagged.
    own = {known_suffix for _, known_suffix in entries}
    if entries and suffix not in own and any(_one_edit_apart(suffix, t) for t in _TYPO_TARGETS):
        return entries[0][0]
    # "example.uk.com" for "example.co.uk": a suffix that puts the brand's country before a generic ending
    # (sold to look like a country domain), when that country is one of the brand's own.
    labels = suffix.split(".")
    if len(labels) > 1 and labels[-1] in _TYPO_TARGETS:
        for known, known_suffix in entries:
            country = known_suffix.rsplit(".", 1)[-1]
            if len(country) == 2 and country in labels[:-1]:
                return known
    return None


def typo_name_twin(domain: str) -> str | None:
    """The well-known domain whose name is one typo from this one's under the same suffix ("gooogle.com",
    "instagarm.com"): Chromium's edit-distance look-alike check. Names shorter than ``_MIN_EDIT_NAME`` are left
    alone, since a letter more or less turns one short word or set of initials into another."""
    if domain in top_domains():
        return None
    _, name, suffix = split_domain(domain)
    # One typo from a well-known name is at most one letter longer than the longest (and a DNS label is at most
    # 63 characters): a longer name is no typo, and trying its deletions would take quadratic time.
    if len(name) < _MIN_EDIT_NAME or len(name) > _LONGEST_NAME or not suffix:
        return None
    index = _by_deletion()
    for key in _deletions(name):
        for known_name, known in index.get((suffix, key), ()):
            if _one_edit_apart(name, known_name) and not _other_word(name, known_name):
                return known
    return None


def _deletions(name: str) -> list[str]:
    """The name and each name with one letter dropped: two names one typo apart share one of these."""
    return [name] + [name[:i] + name[i + 1:] for i in range(len(name))]


@functools.lru_cache(maxsize=1)
def _by_deletion() -> dict[tuple[str, str], list[tuple[str, str]]]:
    """(suffix, a well-known name or that name less one letter) -> [(name, domain)]: a typo is found by lookups
    rather than by comparing a name with every well-known one."""
    index: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for domain in sorted(top_domains()):
        _, name, suffix = split_domain(domain)
        if name and suffix:
            for key in dict.fromkeys(_deletions(name)):
                index.setdefault((suffix, key), []).append((name, domain))
    return index


def _other_word(name: str, known: str) -> bool:
    """One edit that makes another word rather than a typo, as Chromium's edit-distance check also excuses: a
    different first letter ("abcnews", "nbcnews": the eye reads a word by its start) or a plural "s"."""
    short, long_ = sorted((name, known), key=len)
    if len(short) == len(long_):
        # ...unless the two first letters are drawn alike ("lnstagram", "0range"): then it is the same word.
        return short[1:] == long_[1:] and not {short[0], long_[0]} <= _ALIKE_LETTERS.get(short[0], set())
    return short == long_[1:] or long_ == short + "s"


def brand_combo(domain: str) -> str | None:
    """The well-known domain whose name another site wears as one word of its own name next to an account word
    ("examplebank-login.com", "example-id-verify.web.app"): combosquatting, which Chromium's look-alike check
    also warns about. The brand's own sites are on the well-known list or under its own name, so never match."""
    if domain in top_domains():
        return None
    _, name, _ = split_domain(domain)
    words = [w for w in re.split(r"[\-_]+", name) if w]
    names = _by_plain_name()
    # An account word counts however it is drawn ("0rders", "l0gin").
    account = [w in _ACCOUNT_WORDS or skeleton(w) in _ACCOUNT_WORDS for w in words]
    for start in range(len(words)):  # a brand whose own name has hyphens ("example-bank-login")
        for end in range(start + 2, min(start + 4, len(words) + 1)):
            joined = "-".join(words[start:end])
            if joined in names and any(account[max(start - 1, 0):start] + account[end:end + 1]):
                return names[joined]
    for i, word in enumerate(words):
        if account[i]:
            continue
        # Right beside the account word: "bank-of-england-news" is a bank's news, not news.com's bank.
        beside = any(account[max(i - 1, 0):i] + account[i + 1:i + 2])
        if len(word) >= _MIN_TYPO_NAME and word in names:
            if beside:
                return names[word]
            continue
        # The brand written with look-alike letters or digits ("amaz0n-orders"): the word itself is no name.
        if beside:
            for drawn in _drawn_keys(word):
                if drawn != word and len(drawn) >= _MIN_TYPO_NAME and drawn in names:
                    return names[drawn]
        if len(word) > _LONGEST_NAME:
            continue  # longer than any DNS label: no glued brand, and slicing it at every point is quadratic
        glued = _glued_brand(word, names)  # "exampleid", "secureexample": the brand and the word run together
        if glued is not None and (glued[1] or beside):
            return glued[0]
    return None


def _glued_brand(word: str, names: dict[str, str]) -> tuple[str, bool] | None:
    """(well-known domain, whether the rest is a sign-in word) when a well-known name starts or ends ``word`` and
    the rest is an account word. Only a sign-in word ("exampleid") makes the glued word a disguise by itself:
    brands glue "bank", "online" or "pay" to their own names ("examplebankonline.com")."""
    for cut in range(_MIN_TYPO_NAME, len(word) - 1):
        head, tail = word[:cut], word[cut:]
        if head in names and head not in _ACCOUNT_WORDS and tail in _ACCOUNT_WORDS:
            return names[head], tail in _SIGN_IN_WORDS
        head, tail = word[:len(word) - cut], word[len(word) - cut:]
        if tail in names and tail not in _ACCOUNT_WORDS and head in _ACCOUNT_WORDS:
            return names[tail], head in _SIGN_IN_WORDS
    return None


def worn_lookalike(host: str, domain: str) -> str | None:
    """The well-known domain imitated by a whole site name worn in front of the real one: "www.example-secure.com"
    in "www.example-secure.com.other.top" is a typo or combosquat of example.com, then the real site follows
    (Chromium's target embedding, for names that are look-alikes rather than the well-known name itself)."""
    sub = host.rstrip(".")[:-len(domain)].rstrip(".") if host.rstrip(".").endswith("." + domain) else ""
    if not sub:
        return None
    _, name, suffix = split_domain(sub)
    if not name or not suffix:
        return None
    worn = f"{name}.{suffix}"
    return typo_name_twin(worn) or brand_combo(worn) or typo_suffix_twin(worn)


def brand_elsewhere(domain: str) -> str | None:
    """The well-known domain whose whole name this site has, registered under one of the cheap suffixes that
    phishing favours ("example.top", "example.shop") rather than under one of the brand's own."""
    if domain in top_domains():
        return None
    _, name, suffix = split_domain(domain)
    if suffix not in _ABUSED_SUFFIXES or len(name) < _MIN_EDIT_NAME:
        return None
    return _by_plain_name().get(name)


def brand_label(host: str, domain: str) -> str | None:
    """The well-known domain whose name is a whole word of another site's subdomain ("paypal" in
    "paypal.secure-check.top", "paypal-login.example.top"), drawn plainly or with look-alike letters. Only a sign of
    a disguise together with an account word in the site's own name or a sign-in page (see the callers): brands'
    own tenants on other services ("example.zoom.us") use their name this way too."""
    bare = host.rstrip(".")
    if domain in top_domains() or domain in _ORIGIN_PROXIES or not bare.endswith("." + domain):
        return None
    own_name = split_domain(domain)[1]
    names = _by_plain_name()
    for word in re.split(r"[.\-_]+", bare[:-len(domain) - 1]):
        for key in _drawn_keys(word):
            if len(key) >= (_MIN_TYPO_NAME if key == word else _MIN_EDIT_NAME) and key in names and key != own_name:
                return names[key]
    return None


def _drawn_keys(word: str) -> tuple[str, ...]:
    """The word, and the words it is drawn like: its skeleton, and its skeleton with "1" read as "i" (the skeleton
    reads it as "l": "paypa1", but "g1thub")."""
    return tuple(dict.fromkeys((word, skeleton(word), skeleton(word.replace("1", "i")))))


def account_name(domain: str) -> bool:
    """The site's own name has an account word as one of its words ("secure-check", "login-portal")."""
    _, name, _ = split_domain(domain)
    return any(w in _ACCOUNT_WORDS and w != "www" for w in re.split(r"[\-_]+", name))


def sign_in_step(path: str) -> bool:
    """The first step of a path is a sign-in page ("/signin", "/login.php", "/verify-account")."""
    step = path.lstrip("/").split("/", 1)[0].lower()
    return any(w in _SIGN_IN_WORDS and w != "www" for w in re.split(r"[^a-z0-9]+", step) if w)


@functools.lru_cache(maxsize=1)
def _by_plain_name() -> dict[str, str]:
    """The name part of each well-known domain (without its suffix) -> its first domain ("amazon" -> amazon.ca),
    for the names that are brands: a name that three or more other well-known names contain ("news", "time",
    "mail") is an ordinary word, and a site that uses it names no one."""
    index: dict[str, str] = {}
    for domain in sorted(top_domains()):
        _, name, _ = split_domain(domain)
        index.setdefault(name, domain)
    common = {name for name in index if sum(name in other for other in index if other != name) >= _COMMON_NAME}
    return {name: domain for name, domain in index.items() if name not in common}


def _one_edit_apart(a: str, b: str) -> bool:
    """One letter added, dropped, changed or two neighbours swapped (Damerau distance 1)."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diffs = [i for i in range(len(a)) if a[i] != b[i]]
        if len(diffs) == 1:
            return True
        i, j = diffs[0], diffs[-1]
        return len(diffs) == 2 and j == i + 1 and a[i] == b[j] and a[j] == b[i]
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:i] + long_[i + 1:] == short for i in range(len(long_)))
