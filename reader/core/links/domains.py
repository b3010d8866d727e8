"""Registrable domains and the well-known ones: what a site name is, and which famous name it imitates.

The well-known list is data (reader/data/links/top_domains.txt, built by
tools/build_top_domains.py); the rules here name no site. They follow Chromium's
look-alike checks: a name whose skeleton is a well-known domain's but is not that domain
(IDN homographs, "rnicrosoft"), a well-known domain worn as a subdomain
("paypal.com.account.example", Chromium's "target embedding"), and a well-known name under
a top-level domain one typo away from its own ("example.co" for "example.com").
"""

from __future__ import annotations

import functools
import threading
from typing import Any

from ...resources import resource
from .idn import skeleton

_lock = threading.Lock()
_extractor: Any = None
# Shorter names are too often ordinary words or initials of unrelated sites under another TLD.
_MIN_TYPO_NAME = 4


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


def is_well_known(domain: str) -> bool:
    """The domain, or a name drawn like it, is on the well-known list."""
    return domain in top_domains() or skeleton(domain) in _by_skeleton()


def imitated_domain(shown_domain: str, ascii_domain: str) -> str | None:
    """The well-known domain that ``shown_domain`` (its Unicode form) is drawn like, when it is not that one."""
    if ascii_domain in top_domains():
        return None
    twin = _by_skeleton().get(skeleton(shown_domain))
    return twin if twin is not None and twin != ascii_domain else None


def embedded_domain(host: str, domain: str) -> str | None:
    """A well-known domain spelled out in the subdomain part of another site's host name."""
    if domain in top_domains() or len(host) > 253:
        return None
    sub = host.rstrip(".")[: -len(domain)].rstrip(".") if host.rstrip(".").endswith(domain) else ""
    if not sub:
        return None
    # "paypal.com.x", "paypal-com.x", "login-paypal.com-secure.x": words split at dots and hyphens.
    words = [w for w in sub.replace("-", ".").replace("_", ".").split(".") if w]
    for size in (4, 3, 2):
        for start in range(len(words) - size + 1):
            candidate = ".".join(words[start:start + size])
            if candidate in top_domains() or skeleton(candidate) in _by_skeleton():
                return _by_skeleton().get(skeleton(candidate), candidate)
    return None


def typo_suffix_twin(domain: str) -> str | None:
    """The well-known domain with the same name under a suffix one typo away ("co" for "com")."""
    if domain in top_domains():
        return None
    _, name, suffix = split_domain(domain)
    if len(name) < _MIN_TYPO_NAME or not suffix:
        return None
    for known, known_suffix in _by_name().get(skeleton(name), ()):
        if known != domain and _one_edit_apart(suffix, known_suffix):
            return known
    return None


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
