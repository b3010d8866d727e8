"""Web addresses split the way a browser splits them (the WHATWG URL standard), not the way urllib does."""

from __future__ import annotations

import ipaddress
import re
from dataclasses import dataclass
from urllib.parse import urljoin

from ..model import Article
from .display import DISPLAY_LIMIT, encode, escape, truncate
from .hosts import BadURLError, Host, host_of

DEFAULT_PORTS = {"http": 80, "https": 443}
C0_AND_SPACE = "".join(chr(c) for c in range(0x21))
TAB_NEWLINE = {9: None, 10: None, 13: None}
_DIGITS = re.compile(r"[0-9]*")
SCHEME_RE = re.compile(r"([A-Za-z][A-Za-z0-9+.\-]*):")
_WEB_PARTS = re.compile(r"([^/?#]*)([^?#]*)(?:\?([^#]*))?(?:#(.*))?", re.DOTALL)
# WHATWG percent-encode sets, as "characters that need encoding" (non-ASCII always does).
ENCODE_PATH = re.compile(r"[\x00-\x20\"<>`{}\x7f-\U0010ffff]")
ENCODE_QUERY = re.compile(r"[\x00-\x20\"#<>'\x7f-\U0010ffff]")
ENCODE_FRAGMENT = re.compile(r"[\x00-\x20\"<>`\x7f-\U0010ffff]")
ENCODE_USERINFO = re.compile(r"[\x00-\x20\"#<>?`{}/:;=@\[\\\]^|\x7f-\U0010ffff]")


class _Keep:
    """Sentinel type: keep the URL's own query."""


_KEEP = _Keep()


@dataclass(frozen=True, slots=True)
class Web:
    """An absolute http(s) URL split the way a browser splits it."""

    scheme: str
    userinfo: str | None
    host: Host
    port: int | None  # None when absent or the scheme's default
    path: str  # raw, as written (backslashes already turned into slashes)
    query: str | None
    fragment: str | None

    def render(self, query: str | _Keep | None = _KEEP) -> tuple[str, str]:
        """(url, display). The URL is what a browser requests: ASCII host, default port dropped, unsafe characters
        percent-encoded. The display is for people: no credentials, a host that cannot pass for another, hidden
        characters escaped, readable non-ASCII text kept."""
        if isinstance(query, _Keep):
            query = self.query
        host = self.host
        ascii_host = f"[{host.ascii}]" if isinstance(host.ip, ipaddress.IPv6Address) else host.ascii
        port = f":{self.port}" if self.port is not None else ""
        userinfo = f"{encode(self.userinfo, ENCODE_USERINFO)}@" if self.userinfo else ""
        url = [self.scheme, "://", userinfo, ascii_host, port]
        shown = [self.scheme, "://", host.display, port]
        for separator, part, needs in (("", self.path, ENCODE_PATH), ("?", query, ENCODE_QUERY),
                                       ("#", self.fragment, ENCODE_FRAGMENT)):
            if part is None:
                continue
            encoded = encode(part, needs)
            if not separator and not encoded:
                encoded = "/"
            url += (separator, encoded)
            # ASCII reads the same either way; only non-ASCII text is kept readable (but with hidden ones escaped).
            shown += (separator, encoded if part.isascii() else escape(part))
        return "".join(url), truncate("".join(shown), DISPLAY_LIMIT)


def parse_web(scheme: str, rest: str) -> Web:
    """``rest`` is what follows "http:"; slashes and backslashes before the host are all skipped, as browsers do."""
    rest = rest.lstrip("/\\")
    match = _WEB_PARTS.match(rest)
    assert match is not None  # the pattern matches any string
    authority, path, query, fragment = match.groups()
    if "\\" in authority or "\\" in path:
        # Browsers end the host at a backslash and read it as "/" in the path.
        head = rest[:match.end(2)].replace("\\", "/")
        cut = head.find("/")
        authority, path = (head, "") if cut < 0 else (head[:cut], head[cut:])
    userinfo, at, hostport = authority.rpartition("@")
    if hostport.startswith("["):
        close = hostport.find("]")
        host_raw, port_raw = (hostport, "") if close < 0 else (hostport[:close + 1], hostport[close + 1:])
        if port_raw and not port_raw.startswith(":"):
            raise BadURLError("there is text after its IPv6 address")
        port_raw = port_raw[1:]
        has_port = bool(port_raw) or hostport.endswith(":")
    else:
        host_raw, colon, port_raw = hostport.partition(":")
        has_port = bool(colon)
    port = None
    if has_port and port_raw:
        if not _DIGITS.fullmatch(port_raw):
            raise BadURLError("its port is not a number")
        value = int(port_raw) if len(port_raw) < 8 else 1 << 20
        if value > 65535:
            raise BadURLError("its port number is out of range")
        port = None if value == DEFAULT_PORTS[scheme] else value
    host = host_of(host_raw)
    return Web(scheme, userinfo if at else None, host, port, path, query, fragment)


def clean(href: str) -> str:
    """What a browser parses: C0 controls and spaces trimmed from the ends, tabs and newlines removed anywhere."""
    href = href.strip(C0_AND_SPACE)
    if "\t" in href or "\n" in href or "\r" in href:
        href = href.translate(TAB_NEWLINE)
    return href


def squeezed_scheme(text: str) -> str | None:
    """The scheme once every control, space and invisible character is dropped: "java\\u200bscript:" -> "javascript"."""
    colon = text.find(":", 0, 64)
    if colon <= 0:
        return None
    head = "".join(c for c in text[:colon] if (c.isascii() and c.isalnum()) or c in "+.-")
    return head.lower() if head and head[0].isalpha() else None


def join_url(base: str, ref: str) -> str | None:
    """Resolve a reference that has no scheme against ``base`` (already absolute and cleaned)."""
    match = SCHEME_RE.match(base)
    if not match:
        return None
    base_scheme = match.group(1).lower()
    if base_scheme in DEFAULT_PORTS:
        # Browsers read backslashes as slashes before the query in web URLs: "/\evil.example" is another host.
        cut = min((i for i in (ref.find("?"), ref.find("#")) if i >= 0), default=len(ref))
        ref = ref[:cut].replace("\\", "/") + ref[cut:]
        if ref.startswith("//"):
            return f"{base_scheme}:{ref}"
    try:
        joined = urljoin(base, ref)
    except ValueError:
        return None
    return joined if SCHEME_RE.match(joined) else None


def absolute_base(article: Article) -> str | None:
    base = clean(article.base_url) if article.base_url else None
    page = clean(article.metadata.canonical_url) if article.metadata.canonical_url else None
    page = page if page and SCHEME_RE.match(page) else None
    if base and SCHEME_RE.match(base):
        return base
    if base and page:
        # A relative <base href> is itself relative to the page's own address.
        return join_url(page, base) or page
    return page

