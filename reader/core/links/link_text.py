"""Link text against link target: does the text show one site while the link goes to another?

The text is read the way a person sees it, not the way it is stored:
* in its drawn order (bidi.py), so "\u202emoc.elpmaxe" counts as "example.com";
* with look-alike punctuation made plain: UTS #46's label separators (。．｡), compatibility
  forms (NFKC: fullwidth and small dots, slashes, colons, at-signs) and the confusables
  table's single-character twins of ".", "/", ":" and "@";
* without invisible characters, and at any length (a very long text is also a warning).
A dotted word reads as an address only when it looks like one in context: a scheme, "www.",
a path, an @, or a bare name that the target does not simply name. "ASP.NET" linking to a page
whose address ends in "aspnet", or "Last.fm" to an encyclopedia article called Last.fm, are
names of things; "Example.com" linking to an unrelated site is an address that lies.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from urllib.parse import unquote, urlsplit

from ..model import LinkWarning
from .bidi import needs_reordering, visual
from .display import BIDI_CONTROLS, is_hidden, quote
from .domains import _tld_extract, is_well_known, same_site, split_domain
from .hosts import DOTTED_DECIMAL, BadURLError, ends_in_number, host_of
from .policy import DANGER, WARNING
from .urls import DEFAULT_PORTS, parse_web

# Longest text put through the bidi algorithm (pure Python); an address is far shorter.
_MAX_REORDERED = 20_000
# Past this, link text is no longer a phrase but a way to hide something (or to slow a checker). A linked
# paragraph of a news story runs to a few hundred characters; a thousand is several paragraphs under one link,
# which only pushes the part that matters out of sight.
LONG_TEXT = 1000
_TEXT_TRIM = " \t\r\n\u00a0\"'()[]<>{}\u201c\u201d\u2018\u2019\u00ab\u00bb"
_TEXT_TAIL = ".,;:!?\u2026"
_URLISH_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*://")
_EMAIL = re.compile(r"(?:mailto:)?[^\s@/:]+@([^\s@/:?#]+)", re.IGNORECASE)
_BARE = re.compile(r"([^\s/?#@:\\]+\.[^\s/?#@:\\.]+)\.?(?::[0-9]+)?([/?#].*)?", re.DOTALL)
# An address inside a sentence: only the unmistakable kinds (scheme or www.) count there.
_EMBEDDED = re.compile(r"(?:https?://|www\.)[^\s<>\"]+", re.IGNORECASE)
_DOTTED_WORD = re.compile(r"(?<![^\s.])[^\s.]+(?:\.[^\s.]+)+")  # from a word's start: linear, not quadratic
# File extensions that are also top-level domains: "README.md" as link text is a file name.
FILE_LIKE_TLDS = frozenset({"md", "py", "sh", "pl", "rs", "rb", "so", "zip", "mov", "ps", "cs"})
# UTS #46 section 2.3: the full stops that separate labels like "." does.
_UTS46_DOTS = {0x3002: ".", 0xFF0E: ".", 0xFF61: "."}
_NAME_PART = re.compile(r"[^a-z0-9]+")


# --------------------------------------------------------------------------- what the reader sees

@functools.lru_cache(maxsize=1)
def _punctuation_twins() -> dict[int, str]:
    """Every character drawn like ".", "/", ":" or "@", mapped to it: the confusables table's single-character
    twins, and the punctuation (and mathematical signs) whose Unicode name says it is a dot, a full stop, a
    slash, a solidus, a colon or an at sign."""
    from confusable_homoglyphs import confusables  # noqa: PLC0415 - deferred like idn.confusable_tables

    table = dict(_UTS46_DOTS)
    for code in range(0x80, 0x10000):
        char = chr(code)
        if unicodedata.category(char)[0] in "PS":
            plain = _plain_by_name(unicodedata.name(char, ""))
            if plain:
                table[code] = plain
    for char, glyphs in confusables.confusables_data.items():
        for glyph in glyphs:
            twin = glyph.get("c", "").strip("\u200e")
            if len(char) == 1 and not char.isascii() and twin in (".", ":", "/", "@"):
                table[ord(char)] = twin
            elif char in (".", ":", "/", "@") and len(twin) == 1 and not twin.isascii():
                table[ord(twin)] = char
    return table


def _plain_by_name(name: str) -> str | None:
    if " WITH " in name:
        return None  # a sign decorated with a dot or a slash ("SUBSET WITH DOT") is drawn as something else
    if "FULL STOP" in name or name.endswith(" DOT") or "DOT LEADER" in name or "DOT OPERATOR" in name:
        return "."
    if "SOLIDUS" in name or name.endswith("SLASH"):
        return "/"  # reverse ones too: browsers read a backslash in a web address as a slash
    if name.endswith(" COLON") or name == "RATIO":
        return ":"
    if name.endswith("COMMERCIAL AT"):
        return "@"
    return None


def _plain(text: str) -> str:
    """Look-alike punctuation made plain and invisible characters dropped (spaces kept, as they show)."""
    if text.isascii():
        return text
    text = unicodedata.normalize("NFKC", text).translate(_punctuation_twins())
    return "".join(c for c in text if c == " " or not is_hidden(c) or c.isspace())


def seen_forms(text: str) -> list[str]:
    """The text as stored and as drawn (left-to-right and in its own direction), each made plain."""
    forms = [text]
    if needs_reordering(text):
        # Invisible padding does not move anything; without it the reordering stays cheap on long texts.
        steering = "".join(c for c in text if c in BIDI_CONTROLS or not is_hidden(c) or c.isspace())
        if len(steering) <= _MAX_REORDERED:
            forms += [visual(steering, 0), visual(steering, None)]
    return list(dict.fromkeys(_plain(form) for form in forms))


# --------------------------------------------------------------------------- reading an address

def _target_names(name: str, target_url: str | None) -> bool:
    """Whether the target's last path step (or its host) is simply this name: a page *about* it."""
    if not target_url:
        return False
    try:
        parts = urlsplit(target_url)
    except ValueError:
        return False
    key = _NAME_PART.sub("", name.lower())
    steps = [s for s in unquote(parts.path).split("/") if s]
    candidates = [steps[-1]] if steps else []
    candidates += (parts.hostname or "").split(".")
    for step in candidates:
        words = [_NAME_PART.sub("", w) for w in re.split(r"[\s_+\-]+", step.lower())]
        if key and (key == _NAME_PART.sub("", step.lower()) or key in words):
            return True
    return False


def _reads_as_name(name: str, domain: str, target_domain: str, target_url: str | None) -> bool:
    """A bare dotted word that is the name of a thing, not a claim about where the link goes."""
    suffix = name.rsplit(".", 1)[-1]
    known_text, known_target = is_well_known(domain), is_well_known(target_domain)
    if _target_names(name, target_url) and (not known_text or known_target):
        return True  # a reference page about it: an encyclopedia entry, the project's page on a code host
    if known_text and known_target and _target_names(split_domain(domain)[1], target_url):
        return True  # "Booking.com reports..." linking to a well-known outlet's story about "booking"
    # "Socket.IO", "ASP.NET": a suffix in capitals is how names are written, not addresses (unless the name is
    # a well-known site's: "PAYPAL.COM" still claims to be PayPal).
    return suffix.isupper() and not known_text


def text_address(text: str, target_domain: str, target_url: str | None) -> tuple[str, str] | None:
    """(domain, shown) when the text reads as a web address, an email address or a bare site name."""
    if "." not in text and "@" not in text:
        return None
    shown = text.strip(_TEXT_TRIM).rstrip(_TEXT_TAIL).strip(_TEXT_TRIM)
    if not shown or any(c.isspace() for c in shown):
        return None
    try:
        if _URLISH_SCHEME.match(shown):
            scheme = shown.split(":", 1)[0].lower()
            if scheme not in DEFAULT_PORTS:
                return None
            web = parse_web(scheme, shown[len(scheme) + 1:])
        elif shown[:4].lower() == "www.":
            web = parse_web("http", shown)
        elif email := _EMAIL.fullmatch(shown):
            host = host_of(email.group(1))
            return (host.domain, shown) if host.ip is None and "." in host.ascii.strip(".") else None
        elif bare := _BARE.fullmatch(shown):
            return _bare_address(shown, bare, target_domain, target_url)
        else:
            return None
    except BadURLError:
        return None
    return web.host.domain, shown


def _bare_address(shown: str, bare: re.Match[str], target_domain: str, target_url: str | None
                  ) -> tuple[str, str] | None:
    name = bare.group(1)
    tld = name.rstrip(".").rsplit(".", 1)[-1].lower()
    if ends_in_number(name):
        # Version numbers and prices ("3.5") are not addresses; only a full dotted quad is.
        if not DOTTED_DECIMAL.fullmatch(name):
            return None
    elif tld in FILE_LIKE_TLDS and not bare.group(2):
        return None
    web = parse_web("http", shown)
    if web.host.ip is None and not _tld_extract()(web.host.ascii.rstrip(".")).suffix:
        return None
    if not bare.group(2) and _reads_as_name(name.rstrip("."), web.host.domain, target_domain, target_url):
        return None
    return web.host.domain, shown


def _embedded_addresses(text: str, target_domain: str, target_url: str | None) -> list[tuple[str, str]]:
    """Addresses inside a longer text: with a scheme or "www." ("Sign in at https://example.com now"), or a
    bare name of a well-known site ("Confirm it on example.com today"); other dotted words in a sentence are
    too often names of things to count."""
    found = []
    for match in _EMBEDDED.finditer(text):
        token = match.group().rstrip(_TEXT_TAIL).strip(_TEXT_TRIM)
        try:
            scheme = token.split(":", 1)[0].lower() if "://" in token else "http"
            web = parse_web(scheme, token[len(scheme) + 1:] if "://" in token else token)
        except BadURLError:
            continue
        found.append((web.host.domain, token))
    for match in _DOTTED_WORD.finditer(text):
        address = text_address(match.group(), target_domain, target_url)
        if address is not None and is_well_known(address[0]):
            found.append(address)
    return found


# --------------------------------------------------------------------------- the check

def check_text(link_text: str, target_domain: str | None, target_url: str | None,
               shortener: str | None) -> list[LinkWarning]:
    """Warnings about the link text: it shows another site than the target, or it is suspiciously long."""
    warnings = []
    if len(link_text) > LONG_TEXT:
        warnings.append(LinkWarning(
            "long-link-text", f"The link text is {len(link_text):,} characters long, far more than any label "
            "needs; such text can push a misleading part out of sight.", WARNING))
    reversed_text = _reversed_latin(link_text)
    if reversed_text is not None:
        warnings.append(LinkWarning(
            "bidi", f"The link text holds direction-changing characters that draw its letters backwards: it is "
            f"stored as {quote(reversed_text)} but shown the other way round.", WARNING))
    if target_domain is None:
        return warnings
    for form in seen_forms(link_text.strip()):
        claim = _claimed_domain(form, target_domain, target_url)
        if claim is None:
            continue
        text_domain, severity = claim
        if shortener:
            warnings.append(LinkWarning(
                "text-url-mismatch", f"The link text shows {quote(text_domain)}, but the link goes through the "
                f"{shortener} shortener, so that cannot be checked.", WARNING))
        else:
            warnings.append(LinkWarning(
                "text-url-mismatch", f"The link text shows {quote(text_domain)}, but the link actually goes to "
                f"{quote(target_domain)}.", severity))
        break
    return warnings


_RTL_STARTERS = frozenset("\u202b\u202e\u2067")  # RLE, RLO, RLI


def _reversed_latin(text: str) -> str | None:
    """The text (controls dropped) when a right-to-left control reorders text that has no right-to-left letter:
    nothing in it needs one, so it only serves to draw "gpj.exe" as "exe.jpg". Arabic or Hebrew text, where such
    controls are ordinary, and the isolates that embeds put around names, are left alone."""
    if not any(c in _RTL_STARTERS for c in text) or len(text) > _MAX_REORDERED:
        return None
    if any(unicodedata.bidirectional(c) in ("R", "AL") for c in text):
        return None
    plain = "".join(c for c in text if c not in BIDI_CONTROLS)
    return plain if visual(text) != plain else None


def _claimed_domain(form: str, target_domain: str, target_url: str | None) -> tuple[str, str] | None:
    """(domain the text shows, severity) when it differs from the target's; None when they agree."""
    stripped = form.strip()
    whole = text_address(stripped, target_domain, target_url)
    if whole is not None:
        return (whole[0], DANGER) if not same_site(whole[0], target_domain) else None
    for domain, _token in _embedded_addresses(stripped, target_domain, target_url):
        if not same_site(domain, target_domain):
            return domain, WARNING
    return None
