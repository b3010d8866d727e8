"""Links that pass through one site on the way to another: known redirect wrappers, shorteners, open redirects.

Known wrappers (search engines, mail filters, social sites) are read by their documented
parameter. Any other site is read by what its address carries: a query parameter (or a
path segment after a redirect-like step) whose value is a full web address on another
domain is where such a site forwards to, whatever the parameter is called; so is one hidden in
base64, and a bare site name in a parameter whose name says "go there" (next=, dest=...). Share buttons
(which carry the article's own address to a social site) and referrer notes are not
destinations, and are left alone.
"""

from __future__ import annotations

import base64
import binascii
import re
from urllib.parse import parse_qsl, unquote

from .domains import _tld_extract
from .urls import Web

# Link shorteners: the destination is only known to their server.
_SHORTENERS = frozenset({
    "t.co", "bit.ly", "bitly.com", "tinyurl.com", "ow.ly", "buff.ly", "is.gd", "v.gd", "lnkd.in", "dlvr.it",
    "t.ly", "rebrand.ly", "trib.al", "cutt.ly", "tiny.cc", "shorturl.at", "goo.gl", "bl.ink", "fb.me", "s.id",
    "rb.gy", "amzn.to", "wp.me", "spoti.fi", "ift.tt", "soo.gd", "tr.im", "qr.ae", "po.st", "shar.es",
    # Further public shorteners anyone can use (and the link-monetisers that work the same way).
    "j.mp", "bit.do", "snip.ly", "adf.ly", "shorte.st", "ouo.io", "bc.vc", "clck.ru", "u.to", "vk.cc", "surl.li",
    "tiny.one", "t2m.io", "qrco.de", "urlz.fr", "zpr.io", "shrtco.de", "x.gd", "gg.gg", "ln.run", "dub.sh",
    "cutt.us", "q.gs", "goo.su", "t1p.de", "reurl.cc", "ppt.cc", "t.cn", "dwz.cn", "url.cn", "me2.do", "han.gl",
    "2u.pw", "urlr.me", "l.ead.me", "ulvis.net",
})
# An address written as a parameter value: scheme (or none) then two slashes of either kind.
_ADDRESS_VALUE = re.compile(r"\s*(?:https?:)?[/\\]{2}[^/\\\s]", re.IGNORECASE)
# A value that is itself a script or embedded page: a redirect into it runs it.
_SCRIPT_VALUE = re.compile(r"\s*(?:javascript|vbscript|data|file):", re.IGNORECASE)
# Parameters that name where a visitor came from, never where to go.
_NOT_DESTINATIONS = re.compile(r"(?:ref|referr?er|source|src|origin|from|via|canonical|utm_.*|og_.*"
                               # ...or that carry content to show or post, not a place to go.
                               r"|text|body|title|description|summary|subject|message|caption|quote"
                               r"|media|image|img|thumbnail|picture|photo|poster|icon)", re.IGNORECASE)
# Parameter names that say "go there": their value is a destination even without a scheme ("?dest=example.top").
_GO_PARAMETER = re.compile(r"(?:next|return(?:_?to|_?url)?|dest(?:ination)?|redir(?:ect)?(?:_?(?:to|ur[il]))?"
                           r"|target|goto|go|to|out|continue|forward|url|u|link|jump|exit)", re.IGNORECASE)
# A host name with an optional path, nothing else (no spaces, no scheme, no query of its own).
_BARE_SITE = re.compile(r"((?:[a-z0-9](?:[a-z0-9\-]*[a-z0-9])?\.)+[a-z][a-z0-9\-]*[a-z0-9])(?:/[^\s?#]*)?",
                        re.IGNORECASE)
# Suffixes that are file types far more often than destinations in a parameter ("?next=page.html").
_FILE_SUFFIXES = frozenset({"html", "htm", "php", "asp", "aspx", "jsp", "js", "css", "json", "xml", "pdf", "png",
                            "jpg", "jpeg", "gif", "svg", "txt", "md", "py", "sh", "zip", "mov", "cgi", "pl"})
_BASE64_RUN = re.compile(r"[A-Za-z0-9+/_\-]+=*")
_PLAIN_ADDRESS = re.compile(r"https?://[^\s\x00-\x1f\ufffd]+", re.IGNORECASE)
# Endpoints that post the given address somewhere (share buttons), rather than going to it.
_SHARE_PATH = re.compile(r"/(?:share[a-z]*|sharing|intent|submit[a-z]*|bookmark[a-z]*|pin/create|send)\b",
                         re.IGNORECASE)
# Path steps after which the rest of the path is a destination ("/out/https://...").
# A path step that is a whole web address percent-encoded ("/CL0/https:%2F%2Fexample.top%2F/1/"): mail and ad click
# trackers encode it so that it survives as one step; an archive or a reader view writes it out plainly.
_ENCODED_ADDRESS_STEP = re.compile(r"/((?:https?(?::|%3a)|https?%253a)(?:%2f|%252f){2}[^/?#]+)", re.IGNORECASE)
_SCHEME_START = re.compile(r"\s*https?:", re.IGNORECASE)
_PROOFPOINT_ESCAPE = re.compile(r"-([0-9A-Fa-f]{2})")
_REDIRECT_STEP = re.compile(r"/(?:redirect|redir|out|go|goto|away|exit|external|link|click|url|r|jump|leave)"
                            r"/+((?:https?:|https?%3a)[^?#]*)", re.IGNORECASE)


def param(query: str | None, *names: str) -> str | None:
    if not query:
        return None
    for key, value in parse_qsl(query, keep_blank_values=True):
        if key in names and value:
            return value
    return None


def _google_target(path: str, query: str | None) -> str | None:
    """Google's /url redirect and its AMP viewer ("/amp/s/" for https, "/amp/" for http)."""
    if path == "/url":
        return param(query, "q", "url")
    if path.startswith("/amp/s/"):
        return "https://" + path[len("/amp/s/"):]
    return "http://" + path[len("/amp/"):] if len(path) > len("/amp/") else None


def unwrap(web: Web) -> tuple[str, str | None] | None:
    """(service, target) for a known redirect wrapper; target None when only the service knows it."""
    host, domain, path, query = web.host.ascii.rstrip("."), web.host.domain, web.path, web.query
    label = domain.split(".", 1)[0]
    if label == "google" and "." in domain and (path == "/url" or path.startswith("/amp/")):
        return domain, _google_target(path, query)
    if host in ("l.facebook.com", "lm.facebook.com", "l.messenger.com") and path == "/l.php":
        return host, param(query, "u")
    if host in ("l.instagram.com", "l.threads.net", "l.threads.com"):
        return host, param(query, "u")
    if host == "out.reddit.com":
        return host, param(query, "url")
    if domain == "youtube.com" and path == "/redirect":
        return domain, param(query, "q")
    if host.endswith(".safelinks.protection.outlook.com"):
        return "Outlook Safe Links", param(query, "url")
    if domain == "linkedin.com" and path == "/redir/redirect":
        return domain, param(query, "url")
    if domain == "vk.com" and path == "/away.php":
        return domain, param(query, "to")
    if host == "steamcommunity.com" and path.startswith("/linkfilter"):
        return host, param(query, "url", "u")
    if domain == "duckduckgo.com" and path == "/l/":
        return domain, param(query, "uddg")
    if host == "slack-redir.net" and path == "/link":
        return host, param(query, "url")
    if domain == "href.li":
        return domain, unquote(query) if query else None
    if domain == "urldefense.com" and path.startswith("/v3/__"):
        inner = path[len("/v3/__"):]
        if query is not None:
            inner += "?" + query
        end = inner.rfind("__;")
        return "Proofpoint URL Defense", inner[:end] if end > 0 else None
    if host == "urldefense.proofpoint.com" and path in ("/v1/url", "/v2/url"):
        wrapped = param(query, "u")
        if wrapped is not None and path == "/v2/url":  # "-3A" for "%3A", "_" for "/"
            wrapped = unquote(_PROOFPOINT_ESCAPE.sub(r"%\1", wrapped.replace("_", "/")))
        return "Proofpoint URL Defense", wrapped
    if host in _SHORTENERS or domain in _SHORTENERS:
        return host, None
    return None


def _decoded(value: str) -> str:
    """A parameter value percent-decoded until it stops changing (twice at most beyond the query's own)."""
    for _ in range(2):
        if "%" not in value:
            break
        value = unquote(value)
    return value.strip()


def open_redirect(web: Web) -> tuple[str, str] | None:
    """(where it was found, the address) when an unknown site's link carries another domain's web address."""
    if not _SHARE_PATH.search(web.path):
        # A fragment can carry one too, for the page's own script to follow ("#/go?url=https://...").
        fragment = web.fragment.rsplit("?", 1)[-1] if web.fragment and "=" in web.fragment else None
        for query in (web.query, fragment):
            found = _address_parameter(query) if query else None
            if found is not None:
                return found
    # A redirect step in the path, or in a fragment that a page's script routes like a path ("#!/go/https://...").
    for where, path in (("its path", web.path), ("its fragment", "/" + web.fragment if web.fragment else "")):
        step = _REDIRECT_STEP.search(path) or _ENCODED_ADDRESS_STEP.search(path)
        if step:
            return where, _decoded(step.group(1))
    return None


def _address_parameter(query: str) -> tuple[str, str] | None:
    for key, value in parse_qsl(query, keep_blank_values=True):
        if not value and _ADDRESS_VALUE.match(key) and _SCHEME_START.match(key):
            value, key = key, "query"  # the whole query is an address ("?https://example.top/")
        if _NOT_DESTINATIONS.fullmatch(key):
            continue
        target = _decoded(value).replace("\\/", "/")  # JSON-escaped slashes ("https:\/\/...") are slashes
        if _SCRIPT_VALUE.match(target):
            return f"its {key}= parameter", target
        if _ADDRESS_VALUE.match(target):
            return f"its {key}= parameter", target if ":" in target.split("/", 1)[0] else "https:" + target
        hidden = _base64_address(target)
        if hidden is not None:
            return f"its {key}= parameter (base64-encoded)", hidden
        if _GO_PARAMETER.fullmatch(key) and site_name(target):
            return f"its {key}= parameter", "https://" + target
    return None


def _base64_address(value: str) -> str | None:
    """A web address hidden in base64 inside a value ("aHR0cHM6Ly..." is "https://..."), from where it starts:
    encoding the destination hides it from a reader, not from the site that decodes and forwards to it."""
    start = value.find("aHR0c")  # "http" in base64, whatever follows it
    if start < 0:
        return None
    encoded = _BASE64_RUN.match(value, start)
    if encoded is None:
        return None
    chunk = encoded.group().rstrip("=").replace("-", "+").replace("_", "/")
    chunk = chunk[:len(chunk) - len(chunk) % 4] if len(chunk) % 4 == 1 else chunk
    try:
        decoded = base64.b64decode(chunk + "=" * (-len(chunk) % 4)).decode("utf-8", errors="replace")
    except (binascii.Error, ValueError):
        return None
    address = _PLAIN_ADDRESS.match(decoded)
    return address.group() if address else None


def site_name(value: str) -> bool:
    """A bare site name with a public suffix ("example.top", "example.top/page"), not a file or a number."""
    match = _BARE_SITE.fullmatch(value)
    if match is None:
        return False
    host = match.group(1).lower()
    if host.rsplit(".", 1)[-1] in _FILE_SUFFIXES or host.replace(".", "").isdigit():
        return False
    return bool(_tld_extract()(host).suffix)
