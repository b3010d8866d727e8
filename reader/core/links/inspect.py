"""The inspector: every ``<a href>`` becomes a :class:`Link` that says where it really goes.

The parsing follows what a browser does (the WHATWG URL standard) rather than what
``urllib`` does, because the question is where a click would land: tabs and newlines
vanish, backslashes count as slashes, ``3232235777`` is an IPv4 address, a host is
case-folded and IDNA-mapped. Nothing here touches the network.
"""

from __future__ import annotations

import functools
import html
from dataclasses import dataclass
from urllib.parse import unquote

from ..model import Article, Link, LinkSpan, LinkWarning
from .display import BIDI_CONTROLS, DISPLAY_LIMIT, char_names, escape, hidden_chars, quote, truncate
from .domains import brand_label, same_site, sign_in_step
from .hosts import BadURLError, host_of
from .link_text import check_text
from .policy import DANGER, INFO, NEVER, WARNING, decide_policy, sort_warnings
from .redirects import open_redirect, site_name, unwrap
from .urls import DEFAULT_PORTS, SCHEME_RE, Web, absolute_base, clean, join_url, parse_web, squeezed_scheme

_TRACKING_NAMES = frozenset({
    "fbclid", "gclid", "gclsrc", "dclid", "gbraid", "wbraid", "msclkid", "mc_cid", "mc_eid", "yclid", "ysclid",
    "_hsenc", "_hsmi", "__hssc", "__hstc", "__hsfp", "hsctatracking", "igshid", "igsh", "ref_src", "ref_url",
    "twclid", "ttclid", "li_fat_id", "mkt_tok", "oly_anon_id", "oly_enc_id", "rb_clickid", "s_cid",
    "vero_conv", "vero_id", "wickedid", "_openstat", "_ga", "_gl", "srsltid", "epik", "sc_cid", "ncid",
    "pk_campaign", "pk_kwd", "pk_source", "pk_medium", "pk_content", "cmpid", "zanpid", "irclickid",
})
_TRACKING_PREFIXES = ("utm_", "mtm_", "hsa_")
_SCRIPT_SCHEMES = {"javascript": "javascript-scheme", "livescript": "javascript-scheme",
                   "vbscript": "unsafe-scheme", "data": "data-scheme"}
# Schemes that reach local files, browser internals or raw memory.
_UNSAFE_SCHEMES = {"file", "blob", "about", "filesystem", "view-source", "jar", "chrome", "chrome-extension",
                   "moz-extension", "resource", "ms-its", "mk", "res", "wyciwyg", "ms-msdt", "search-ms",
                   "ms-officecmd", "ms-search", "intent"}
# The Fetch standard's "bad ports": other protocols' ports, where browsers refuse to send a web request, since a
# page could use one to talk to a mail, file or chat server behind the reader's firewall.
_BAD_PORTS = frozenset({
    0, 1, 7, 9, 11, 13, 15, 17, 19, 20, 21, 22, 23, 25, 37, 42, 43, 53, 69, 77, 79, 87, 95, 101, 102, 103, 104, 109,
    110, 111, 113, 115, 117, 119, 123, 135, 137, 139, 143, 161, 179, 389, 427, 465, 512, 513, 514, 515, 526, 530,
    531, 532, 540, 548, 554, 556, 563, 587, 601, 636, 989, 990, 993, 995, 1719, 1720, 1723, 2049, 3659, 4045, 4190,
    5060, 5061, 6000, 6566, 6665, 6666, 6667, 6668, 6669, 6679, 6697, 10080,
})
# Other programs' schemes that are benign in themselves (calling a number, a map).
_BENIGN_APP_SCHEMES = {"tel", "sms", "smsto", "mms", "callto", "facetime", "facetime-audio", "geo", "maps",
                       "webcal", "magnet", "sip", "sips", "xmpp", "skype", "whatsapp", "tg", "signal"}


# --------------------------------------------------------------------------- classification

@dataclass(slots=True)
class _Result:
    url: str | None = None
    scheme: str | None = None
    host: str | None = None
    domain: str | None = None
    display: str | None = None
    clean_url: str | None = None
    tracking: tuple[str, ...] = ()
    real_target: str | None = None
    real_domain: str | None = None
    shortener: str | None = None
    refused: bool = False  # Reader never opens it (decide_policy turns this into "never")
    warnings: list[LinkWarning] | None = None

    def warn(self, code: str, message: str, severity: str = WARNING) -> None:
        if self.warnings is None:
            self.warnings = []
        if all(w.code != code for w in self.warnings):
            self.warnings.append(LinkWarning(code, message, severity))


def _analyse(href: str, base: str | None, depth: int = 0) -> _Result:
    result = _Result()
    cleaned = clean(href)
    hidden = hidden_chars(cleaned)
    if hidden:
        bidi = any(c in BIDI_CONTROLS for c in hidden)
        result.warn("invisible-characters",
                    f"The address contains invisible or direction-changing characters ({char_names(hidden)}) "
                    "that can disguise it; they are shown escaped.", DANGER if bidi else WARNING)

    if not cleaned:
        result.refused = True
        result.url = _strip_fragment(base) if base else None
        result.warn("empty-href", "This link has an empty address, which only points back to this same page.", INFO)
        result.display = ""
        return result

    cleaned = _undo_entities(cleaned)
    match = SCHEME_RE.match(cleaned)
    scheme = match.group(1).lower() if match else None
    if scheme is None and (squeezed := squeezed_scheme(cleaned)) in _SCRIPT_SCHEMES:
        scheme = squeezed  # a disguised "java\u200bscript:" still counts as what it imitates

    if scheme is None:
        if cleaned.startswith("#"):
            result.refused = True
            result.url = _strip_fragment(base) + cleaned if base else None
            result.display = truncate(escape(cleaned), DISPLAY_LIMIT)
            result.warn("fragment", f"This link jumps to a place within this page "
                        f"({quote(cleaned)}), not to another site.", INFO)
            return result
        joined = join_url(base, cleaned) if base else None
        if joined is None:
            result.refused = True
            result.display = truncate(escape(cleaned), DISPLAY_LIMIT)
            result.warn("relative-unresolved", "This link is written relative to the page's own address, "
                        "which is not known, so it cannot be opened.", WARNING)
            return result
        return _analyse_absolute(joined, result, base, depth)
    return _analyse_absolute(cleaned, result, base, depth, scheme)


def _undo_entities(href: str) -> str:
    """An href that still holds HTML character references ("jav&#x09;ascript&colon;") is read as a browser's
    HTML parser would hand it over, when that turns it into a script or local scheme; otherwise it is kept."""
    if "&" not in href:
        return href
    decoded = clean(html.unescape(href))
    match = SCHEME_RE.match(decoded)
    scheme = match.group(1).lower() if match else squeezed_scheme(decoded)
    return decoded if scheme in _SCRIPT_SCHEMES or scheme in _UNSAFE_SCHEMES else href


def _strip_fragment(url: str) -> str:
    return url.split("#", 1)[0]


def _analyse_absolute(url: str, result: _Result, base: str | None, depth: int, scheme: str | None = None) -> _Result:
    if scheme is None:
        match = SCHEME_RE.match(url)
        assert match is not None
        scheme = match.group(1).lower()
    result.scheme = scheme
    colon = url.find(":")
    rest = url[colon + 1:]

    if scheme in DEFAULT_PORTS:
        base_match = SCHEME_RE.match(base) if base else None
        two_slashes = len(rest) >= 2 and rest[0] in "/\\" and rest[1] in "/\\"
        if base_match and base_match.group(1).lower() == scheme and not two_slashes:
            # "http:page.html" or "http:/page" on an http page is a relative link, as browsers read it.
            joined = join_url(base, rest) if base else None
            if joined is not None and SCHEME_RE.match(joined):
                url, rest = joined, joined[joined.find(":") + 1:]
        try:
            web = parse_web(scheme, rest)
        except BadURLError as error:
            return _unparseable(result, url, str(error))
        _analyse_web(web, result, depth)
        _note_backslash_userinfo(rest, web, result)
        return result

    result.display = truncate(escape(url), DISPLAY_LIMIT)
    # A disguised scheme ("java\x00script:") is recorded as what it imitates, without the hidden characters.
    result.url = scheme + url[colon:]
    result.refused = True
    if scheme in _SCRIPT_SCHEMES:
        code = _SCRIPT_SCHEMES[scheme]
        if code == "data-scheme":
            message = ("This link carries its own embedded content (a data: address), which can imitate any page, "
                       "so Reader will never open it.")
        else:
            message = (f"This link runs {scheme} code instead of opening a page, so Reader will never open it.")
        result.warn(code, message, DANGER)
    elif scheme in _UNSAFE_SCHEMES:
        result.warn("unsafe-scheme", f"This link uses the {scheme}: scheme, which reaches files, browser internals "
                    "or programs on this computer, so Reader will never open it.", DANGER)
    elif scheme == "mailto":
        result.refused = False  # asked first, like any link that is not a plain web page
        address = _mail_address(rest)
        if address:
            result.host, result.domain = address
        who = quote(unquote(rest.split("?", 1)[0])) or "an unnamed recipient"
        result.warn("mailto", f"This link starts an email to {who} in your mail program; Reader asks first.", INFO)
    else:
        shown = quote(scheme)
        result.warn("other-scheme", f"This link would hand a {shown}: address to another program on this computer, "
                    "so Reader does not open it.", INFO if scheme in _BENIGN_APP_SCHEMES else WARNING)
    return result


def _note_backslash_userinfo(rest: str, web: Web, result: _Result) -> None:
    """A backslash before an "@" in the host part ("https://a.example\\@b.example/"): browsers end the host at
    the backslash, but programs that follow RFC 3986 (mail clients, chat apps, scripts) read everything before the
    "@" as a user name and go to the other host. An address that names two sites this way is a disguise."""
    head = rest.lstrip("/\\")
    cut = min((i for i in (head.find("/"), head.find("?"), head.find("#")) if i >= 0), default=len(head))
    authority = head[:cut]
    slash = authority.find("\\")
    if slash < 0 or "@" not in authority[slash:]:
        return
    other = authority.rpartition("@")[2].rpartition(":")[0] or authority.rpartition("@")[2]
    try:
        other_host = host_of(other)
    except BadURLError:
        other_host = None
    if other_host is not None and other_host.domain == web.host.domain:
        return
    shown = quote(other_host.display if other_host is not None else other)
    result.warn("credentials", f"The address puts a backslash and an @ in its host part: browsers go to "
                f"{quote(web.host.display)}, but other programs read the part before the @ as a user name and go to "
                f"{shown}.", DANGER)


def _mail_address(rest: str) -> tuple[str, str] | None:
    first = unquote(rest.split("?", 1)[0]).split(",", 1)[0].strip()
    _, at, host = first.rpartition("@")
    if not at or not host:
        return None
    try:
        parsed = host_of(host)
    except BadURLError:
        return None
    return parsed.ascii, parsed.domain


def _unparseable(result: _Result, url: str, reason: str) -> _Result:
    result.url = None
    result.host = result.domain = None
    result.refused = True
    result.display = truncate(escape(url), DISPLAY_LIMIT)
    result.warn("unparseable", f"The address is malformed ({reason}), so it cannot be opened.", DANGER)
    return result


# Host-level findings about a redirect's destination that matter as much as the link's own.
_CARRIED_FROM_TARGET = ("credentials", "numeric-host", "idn-homograph", "mixed-script", "invalid-idn",
                        "invisible-characters", "no-public-suffix", "insecure-http", "non-standard-port",
                        "lookalike-domain")


def _analyse_web(web: Web, result: _Result, depth: int) -> None:
    host = web.host
    result.url, result.display = web.render()
    result.host = host.ascii
    result.domain = host.domain
    for warning in host.warnings:
        result.warn(warning.code, warning.message, warning.severity)
    if web.userinfo is not None:
        user = unquote(web.userinfo.split(":", 1)[0], errors="replace")
        looks_like_site = "." in user
        result.warn("credentials", f"The address hides a user name ({quote(user) or 'empty'}) in front "
                    f"of the real site, {quote(host.display)}; only the part after the @ decides "
                    "where it goes.", DANGER if looks_like_site else WARNING)
    if not any(w.code == "lookalike-domain" for w in host.warnings) and sign_in_step(web.path):
        brand = brand_label(host.ascii, host.domain) if host.ip is None else None
        if brand is not None:
            result.warn("lookalike-domain", f"The link opens a sign-in page on {quote(host.display)}, which puts the "
                        f"name of the well-known {brand} in front of another site, {quote(host.domain)}.")
    if web.scheme == "http":
        result.warn("insecure-http", "This link uses plain http, so the connection is not secure and the page "
                    "could be read or altered on the way.", WARNING)
    if web.port is not None and web.port in _BAD_PORTS:
        result.warn("non-standard-port", f"The link goes to port {web.port}, which belongs to another kind of "
                    "service (mail, file transfer, remote login...); browsers refuse to send web requests there.",
                    WARNING)
    elif web.port is not None:
        result.warn("non-standard-port", f"The link goes to port {web.port} instead of the usual web port, "
                    "which is unusual for a public website.", INFO)

    _note_tracking(web, result)
    if depth < 4:
        _follow_redirect(web, result, depth)


def _note_tracking(web: Web, result: _Result) -> None:
    if not web.query:
        return
    kept, found = [], []
    for piece in web.query.split("&"):
        name = unquote(piece.split("=", 1)[0]).lower()
        if name.startswith(_TRACKING_PREFIXES) or name in _TRACKING_NAMES:
            found.append(name)
        else:
            kept.append(piece)
    if found:
        result.tracking = tuple(dict.fromkeys(found))
        remaining = "&".join(p for p in kept if p)
        result.clean_url = web.render(query=remaining or None)[0]
        names = ", ".join(result.tracking[:5]) + (", ..." if len(result.tracking) > 5 else "")
        result.warn("tracking-parameters", f"The address carries tracking parameters ({quote(names)}) "
                    "that tell the site where the click came from; a clean link without them is offered.", INFO)


def _follow_redirect(web: Web, result: _Result, depth: int) -> None:
    """Known wrappers first (their destination is certain), then any other site's open redirect."""
    wrapped = unwrap(web)
    if wrapped is not None:
        service, target = wrapped
        service = quote(service)
        if target is not None and not SCHEME_RE.match(target) and site_name(target.strip()):
            target = "https://" + target.strip()  # a bare site name ("?q=example.top") is where it goes
        if target is None:
            result.shortener = service
            result.warn("redirect-wrapper", f"The link goes through the {service} shortener, so its final "
                        "destination cannot be known without opening it.", WARNING)
            return
        inner = _analyse(target, result.url, depth + 1)  # a relative target stays on the wrapper's site
        if not _adopt_target(result, inner):
            result.warn("redirect-wrapper", f"The link passes through {service}'s redirect service to a "
                        "destination that is not a web page or cannot be read.", DANGER)
            return
        elsewhere = result.real_domain != result.domain
        result.warn("redirect-wrapper", f"The link passes through {service}'s redirect service; its real "
                    f"destination is {quote(result.real_domain or '')}.", WARNING if elsewhere else INFO)
        return
    found = open_redirect(web)
    if found is None:
        return
    where, target = found
    inner = _analyse(target, None, depth + 1)
    if inner.scheme in DEFAULT_PORTS and inner.url is not None and inner.domain and result.domain \
            and same_site(inner.domain, result.domain):
        return  # a return address on the same site ("login?next=...") goes nowhere new
    if inner.scheme not in DEFAULT_PORTS and not inner.refused:
        return
    site = quote(web.host.display)
    if not _adopt_target(result, inner):
        result.warn("open-redirect", f"The link goes to {site}, which carries in {where} an address that is not "
                    "a web page; such a link can forward straight into it.", DANGER)
        return
    result.warn("open-redirect", f"The link goes to {site}, which carries in {where} another site's address, "
                f"{quote(result.real_domain or '')}: it likely forwards you there.", WARNING)


def _adopt_target(result: _Result, inner: _Result) -> bool:
    """Take a redirect's destination as the link's real target; False when it is no web page."""
    if inner.scheme not in DEFAULT_PORTS or inner.url is None:
        return False
    result.real_target = inner.real_target or inner.url
    result.real_domain = inner.real_domain or inner.domain
    result.shortener = inner.shortener
    for warning in inner.warnings or ():
        if warning.code in _CARRIED_FROM_TARGET:
            message = warning.message[:1].lower() + warning.message[1:]
            result.warn(warning.code, "Behind the redirect, " + message, warning.severity)
    return True


# --------------------------------------------------------------------------- public API

def inspect_href(href: str, text: str = "", base: str | None = None, start: int = 0, end: int = 0) -> Link:
    """Inspect one href as if it were a link with ``text`` on a page whose address is ``base``. Never raises."""
    try:
        result = _analyse(href, clean(base) if base else None)
        _calm_return_to_page(result, base)
        target_domain = result.real_domain or result.domain
        target_url = result.real_target or result.url
        shortener = result.shortener if not result.real_domain else None
        for warning in check_text(text, target_domain, target_url, shortener):
            result.warn(warning.code, warning.message, warning.severity)
        warnings = sort_warnings(result.warnings or ())
        policy = decide_policy(result.refused, result.scheme, warnings)
        return Link(start, end, text=text, href=href, url=result.url, domain=result.domain, warnings=warnings,
                    scheme=result.scheme, host=result.host, display_url=result.display, clean_url=result.clean_url,
                    tracking_params=result.tracking, real_target=result.real_target, policy=policy)
    except Exception as error:  # noqa: BLE001 - a link that breaks the inspector must not break the article
        warning = LinkWarning("unparseable", f"The address could not be inspected ({type(error).__name__}), "
                              "so it will not be opened.", DANGER)
        return Link(start, end, text, href, None, None, (warning,), None, None,
                    truncate(escape(str(href)), DISPLAY_LIMIT), policy=NEVER)


def _calm_return_to_page(result: _Result, base: str | None) -> None:
    """A site that carries the address of the site being read (a save, print or share button for this article, a
    sign-in page that returns here) is where the link goes; the address it carries only leads back to where the
    reader already is, so it is neither a disguise nor the link's real destination."""
    if not base or not result.real_domain or not result.warnings:
        return
    if not any(w.code == "open-redirect" for w in result.warnings):
        return
    page = _page_domain(clean(base))
    if page is None or not same_site(result.real_domain, page):
        return
    result.warnings = [w for w in result.warnings if w.code != "open-redirect"]
    result.real_target = result.real_domain = result.shortener = None


@functools.lru_cache(maxsize=64)
def _page_domain(base: str) -> str | None:
    match = SCHEME_RE.match(base)
    if not match or match.group(1).lower() not in DEFAULT_PORTS:
        return None
    try:
        return parse_web(match.group(1).lower(), base[match.end():]).host.domain
    except BadURLError:
        return None


def inspect_links(article: Article) -> list[Link]:
    """One :class:`Link` per link span of the article, in order."""
    base = absolute_base(article)
    text = article.text
    return [_inspect_span(span, text, base) for span in article.links]


def _inspect_span(span: LinkSpan, text: str, base: str | None) -> Link:
    return inspect_href(span.href, text[span.start:span.end], base, span.start, span.end)


def safe_display(url: str) -> str:
    """A URL as it can be shown to a person: credentials dropped, look-alike hosts in punycode, hidden characters
    (bidi controls, zero-width and other invisibles, controls) percent-escaped so they can be seen."""
    try:
        result = _analyse(url, None)
        if result.display is not None:
            return result.display
    except Exception:  # noqa: BLE001 - showing something is better than failing the detail pane
        pass
    return truncate(escape(str(url)), DISPLAY_LIMIT)
