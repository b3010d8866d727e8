"""Links: resolve, classify, warn.

Every ``<a href>`` of an article becomes a :class:`Link` that says where it really
goes, how to show it safely, and whether the app may open it ("open", "confirm",
"never"). The parsing follows what a browser does (the WHATWG URL standard) rather
than what ``urllib`` does, because the question is where a click would land: tabs
and newlines vanish, backslashes count as slashes, ``3232235777`` is an IPv4
address, a host is case-folded and IDNA-mapped. Nothing here touches the network.
"""

from __future__ import annotations

import functools
import ipaddress
import re
import threading
import unicodedata
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qsl, unquote, urljoin

import idna

from .model import Article, Link, LinkSpan, LinkWarning

__all__ = ["inspect_links", "inspect_href", "safe_display"]

DANGER, WARNING, INFO = "danger", "warning", "info"
_SEVERITY_RANK = {DANGER: 0, WARNING: 1, INFO: 2}

# Longest piece of a URL or link text quoted inside a warning message.
_QUOTE_LIMIT = 80
# display_url is meant for a label; a multi-megabyte data: URL would freeze one.
_DISPLAY_LIMIT = 2048

_DEFAULT_PORTS = {"http": 80, "https": 443}

_SCRIPT_SCHEMES = {"javascript": "javascript-scheme", "livescript": "javascript-scheme",
                   "vbscript": "unsafe-scheme", "data": "data-scheme"}
# Schemes that reach local files, browser internals or raw memory.
_UNSAFE_SCHEMES = {"file", "blob", "about", "filesystem", "view-source", "jar", "chrome", "chrome-extension",
                   "moz-extension", "resource", "ms-its", "mk", "res", "wyciwyg", "ms-msdt", "search-ms",
                   "ms-officecmd", "ms-search", "intent"}
# Other programs' schemes that are benign in themselves (calling a number, a map).
_BENIGN_APP_SCHEMES = {"tel", "sms", "smsto", "mms", "callto", "facetime", "facetime-audio", "geo", "maps",
                       "webcal", "magnet", "sip", "sips", "xmpp", "skype", "whatsapp", "tg", "signal"}

_TRACKING_NAMES = frozenset({
    "fbclid", "gclid", "gclsrc", "dclid", "gbraid", "wbraid", "msclkid", "mc_cid", "mc_eid", "yclid", "ysclid",
    "_hsenc", "_hsmi", "__hssc", "__hstc", "__hsfp", "hsctatracking", "igshid", "igsh", "ref_src", "ref_url",
    "twclid", "ttclid", "li_fat_id", "mkt_tok", "oly_anon_id", "oly_enc_id", "rb_clickid", "s_cid",
    "vero_conv", "vero_id", "wickedid", "_openstat", "_ga", "_gl", "srsltid", "epik", "sc_cid", "ncid",
    "pk_campaign", "pk_kwd", "pk_source", "pk_medium", "pk_content", "cmpid", "zanpid", "irclickid",
})
_TRACKING_PREFIXES = ("utm_", "mtm_", "hsa_")

# Link shorteners: the destination is only known to their server.
_SHORTENERS = frozenset({
    "t.co", "bit.ly", "bitly.com", "tinyurl.com", "ow.ly", "buff.ly", "is.gd", "v.gd", "lnkd.in", "dlvr.it",
    "t.ly", "rebrand.ly", "trib.al", "cutt.ly", "tiny.cc", "shorturl.at", "goo.gl", "bl.ink", "fb.me", "s.id",
    "rb.gy", "amzn.to", "wp.me", "spoti.fi", "ift.tt", "soo.gd", "tr.im", "qr.ae", "po.st", "shar.es",
})

# What the URL standard forbids in a host once it is percent-decoded and IDNA-mapped
# (a "%" left over means the decoding made no sense).
_FORBIDDEN_HOST = re.compile(r"[\x00-\x20#%/:<>?@\[\\\]^|\x7f]")
_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.\-]*):")
_WEB_PARTS = re.compile(r"([^/?#]*)([^?#]*)(?:\?([^#]*))?(?:#(.*))?", re.DOTALL)
_DIGITS = re.compile(r"[0-9]*")
_NUMERIC_LABEL = re.compile(r"(?:[0-9]+|0[xX][0-9a-fA-F]*)")
_DOTTED_DECIMAL = re.compile(r"[0-9]{1,3}(?:\.[0-9]{1,3}){3}")
_BIDI_CONTROLS = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
# Letters and marks that draw nothing though their category says otherwise.
_BLANK_GLYPHS = frozenset("\u034f\u115f\u1160\u17b4\u17b5\u180b\u180c\u180d\u180e\u180f\u2800\u3164\uffa0"
                          "\ufe00\ufe01\ufe02\ufe03\ufe04\ufe05\ufe06\ufe07\ufe08\ufe09\ufe0a\ufe0b\ufe0c"
                          "\ufe0d\ufe0e\ufe0f")
_HIDDEN_CATEGORIES = frozenset({"Cc", "Cf", "Co", "Cn", "Cs", "Zl", "Zp", "Zs"})
# WHATWG percent-encode sets, as "characters that need encoding" (non-ASCII always does).
_ENCODE_PATH = re.compile(r"[\x00-\x20\"<>`{}\x7f-\U0010ffff]")
_ENCODE_QUERY = re.compile(r"[\x00-\x20\"#<>'\x7f-\U0010ffff]")
_ENCODE_FRAGMENT = re.compile(r"[\x00-\x20\"<>`\x7f-\U0010ffff]")
_ENCODE_USERINFO = re.compile(r"[\x00-\x20\"#<>?`{}/:;=@\[\\\]^|\x7f-\U0010ffff]")
_UNUSUAL = re.compile(r"[^\x20-\x7e]")  # anything but printable ASCII
_C0_AND_SPACE = "".join(chr(c) for c in range(0x21))
_TAB_NEWLINE = {9: None, 10: None, 13: None}
# Scripts whose letters double as Latin ones; mixing them with Latin in one label is the
# classic homograph (UTS 39 "moderately restrictive" minus these).
_LATIN_LOOKALIKE_SCRIPTS = frozenset({"CYRILLIC", "GREEK", "ARMENIAN", "CHEROKEE", "COPTIC"})
_CJK_SETS = (frozenset({"LATIN", "HAN", "HIRAGANA", "KATAKANA"}), frozenset({"LATIN", "HAN", "BOPOMOFO"}),
             frozenset({"LATIN", "HAN", "HANGUL"}))
_NEUTRAL_SCRIPTS = frozenset({"COMMON", "INHERITED", "Unknown"})
# Look-alike letters that are ordinary letters of the language of a country's domain (Turkish dotless i).
_NATIVE_LOOKALIKES = {"\u0131": frozenset({"tr", "az"})}
# File extensions that are also top-level domains: "README.md" as link text is a file name.
_FILE_LIKE_TLDS = frozenset({"md", "py", "sh", "pl", "rs", "rb", "so", "zip", "mov", "ps", "cs"})


# --------------------------------------------------------------------------- lazy resources

_lock = threading.Lock()
_extractor: Any = None


def _tld_extract() -> Any:
    """The offline tldextract instance: built once, on first use (reading its snapshot takes ~30 ms)."""
    global _extractor
    if _extractor is None:
        with _lock:
            if _extractor is None:
                import tldextract

                # suffix_list_urls=() keeps it offline (its bundled snapshot); cache_dir=None
                # stops it writing into the user's home. Private suffixes (github.io,
                # blogspot.com) count, so two users' sites are different domains, as in browsers.
                _extractor = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None,
                                                   include_psl_private_domains=True)
    return _extractor


def _confusables() -> tuple[Any, Any]:
    # Imported on demand: its tables cost ~60 ms and only non-ASCII hosts need them.
    from confusable_homoglyphs import categories, confusables

    return categories, confusables


# --------------------------------------------------------------------------- display helpers

def _is_hidden(char: str) -> bool:
    return unicodedata.category(char) in _HIDDEN_CATEGORIES or char in _BLANK_GLYPHS


def _hidden_chars(text: str) -> list[str]:
    """The distinct characters of ``text`` that draw nothing, reorder text or are not characters at all."""
    if len(text) < 100_000:
        unusual = set(_UNUSUAL.findall(text))  # usually none, or a handful
    else:
        unusual = set(text)  # a giant data: URL: its distinct characters, without a giant list first
    return sorted(c for c in unusual if c != " " and _is_hidden(c))


@functools.lru_cache(maxsize=1024)
def _percent(char: str) -> str:
    if "\ud800" <= char <= "\udfff":
        char = "\ufffd"  # a lone surrogate has no UTF-8 form
    return "".join(f"%{byte:02X}" for byte in char.encode("utf-8"))


def _escape(text: str, spaces: bool = True) -> str:
    """Make every hidden character visible as its percent-escape (so the result still reads as a URL)."""
    hidden = _hidden_chars(text)
    if spaces and " " in text:
        hidden.append(" ")
    if not hidden:
        return text
    return text.translate({ord(c): _percent(c) for c in hidden})


def _truncate(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[:limit - 1] + "\u2026"


def _quote_for_message(text: str) -> str:
    return _truncate(_escape(text, spaces=False), _QUOTE_LIMIT)


def _char_names(chars: list[str], limit: int = 3) -> str:
    names = [f"U+{ord(c):04X} {unicodedata.name(c, 'unnamed character')}".rstrip() for c in chars[:limit]]
    if len(chars) > limit:
        names.append(f"and {len(chars) - limit} more")
    return ", ".join(names)


def _encode(text: str, needs: re.Pattern[str]) -> str:
    if not needs.search(text):
        return text
    return needs.sub(lambda m: _percent(m.group()), text)


# --------------------------------------------------------------------------- hosts

@dataclass(frozen=True, slots=True)
class _Host:
    ascii: str  # what goes into the URL: lower-case, punycode, normalised IP (IPv6 without brackets)
    display: str  # what a person sees: Unicode when it is safe, punycode when it is not
    domain: str  # registrable domain, the host itself when there is none, or the IP
    ip: ipaddress.IPv4Address | ipaddress.IPv6Address | None
    warnings: tuple[LinkWarning, ...]


class _BadURL(Exception):
    """The URL does not parse; the message says why, for a person."""


def _parse_ipv4(host: str) -> ipaddress.IPv4Address:
    """The WHATWG IPv4 parser: 1-4 parts, each decimal, octal (leading 0) or hex (0x); the last fills the rest."""
    parts = host.split(".")
    if parts and parts[-1] == "":
        parts.pop()
    if not parts or len(parts) > 4:
        raise _BadURL("its numeric host is not a valid IPv4 address")
    numbers = []
    for part in parts:
        radix = 10
        if part[:2] in ("0x", "0X"):
            radix, part = 16, part[2:]
        elif len(part) > 1 and part[0] == "0":
            radix, part = 8, part[1:]
        if part == "":
            numbers.append(0)
            continue
        try:
            numbers.append(int(part, radix))
        except ValueError:
            raise _BadURL("its numeric host is not a valid IPv4 address") from None
    if any(n > 255 for n in numbers[:-1]) or numbers[-1] >= 256 ** (5 - len(numbers)):
        raise _BadURL("its numeric host is out of range for an IPv4 address")
    value = numbers[-1]
    for index, number in enumerate(numbers[:-1]):
        value += number * 256 ** (3 - index)
    return ipaddress.IPv4Address(value)


def _ends_in_number(host: str) -> bool:
    labels = host.split(".")
    if labels[-1] == "" and len(labels) > 1:
        labels.pop()
    return bool(_NUMERIC_LABEL.fullmatch(labels[-1]))


def _ip_place(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> str:
    if ip.is_loopback:
        return "; it points at this very computer"
    if ip.is_unspecified:
        return "; it is the 'any' address, which points at this computer"
    if ip.is_link_local or ip.is_private:
        return "; it points into a private or local network"
    return ""


def _to_ascii_label(label: str) -> tuple[str, bool]:
    """(A-label, strict): strict is False when only the older, laxer IDNA 2003 accepts the label."""
    try:
        return idna.alabel(label).decode("ascii"), True
    except (idna.IDNAError, UnicodeError, ValueError):
        pass
    try:
        from encodings.idna import ToASCII

        return ToASCII(label).decode("ascii").lower(), False
    except (UnicodeError, ValueError):
        raise _BadURL("its host name contains characters that are not allowed in domain names") from None


def _to_unicode_label(label: str) -> str | None:
    try:
        return str(idna.ulabel(label))
    except (idna.IDNAError, UnicodeError, ValueError):
        return None


def _script_problem(label: str, tld: str) -> tuple[str, str] | None:
    """("mixed-script" | "idn-homograph", detail) when a Unicode label can pass for another."""
    categories, confusables = _confusables()
    scripts = {categories.alias(c) for c in label} - _NEUTRAL_SCRIPTS
    if len(scripts) > 1:
        others = scripts - {"LATIN"}
        mixes_lookalikes = bool(scripts & _LATIN_LOOKALIKE_SCRIPTS)
        if mixes_lookalikes or not (len(others) == 1 or any(scripts <= allowed for allowed in _CJK_SETS)):
            return "mixed-script", " and ".join(s.replace("_", " ").title() for s in sorted(scripts))
        return None
    if not scripts:
        return None
    (script,) = scripts
    if script == "LATIN":
        # Latin letters outside ASCII that copy ASCII ones (ɑ, ı, ɡ) rather than accented ones (é, ü).
        fakes = [c for c in label if not c.isascii() and _ascii_twin(confusables, c)
                 and tld.lower() not in _NATIVE_LOOKALIKES.get(c, ())]
        if fakes:
            return "idn-homograph", f"Latin letters that imitate plain ones ({', '.join(fakes[:3])})"
        return None
    letters = [c for c in label if categories.alias(c) == script]
    if letters and all(_ascii_twin(confusables, c) for c in letters):
        return "idn-homograph", f"{script.replace('_', ' ').title()} letters that all imitate Latin ones"
    return None


def _ascii_twin(confusables: Any, char: str) -> bool:
    for glyph in confusables.confusables_data.get(char, ()):
        twin = glyph.get("c", "")
        if twin and twin.isascii() and twin.isalnum():
            return True
    return False


def _host(raw: str) -> _Host:
    """Parse one URL host the way a browser does; raises _BadURL."""
    # Cached because articles repeat hosts; freak-sized ones are not kept, so the cache stays small.
    return _cached_host(raw) if len(raw) <= 300 else _parse_host(raw)


def _parse_host(raw: str) -> _Host:
    if raw.startswith("["):
        if not raw.endswith("]") or "%" in raw:
            raise _BadURL("its IPv6 address is not closed or not valid")
        try:
            ip6 = ipaddress.IPv6Address(raw[1:-1])
        except ValueError:
            raise _BadURL("its IPv6 address is not valid") from None
        text = str(ip6)
        return _Host(text, f"[{text}]", text, ip6, (_numeric_warning(ip6, raw, f"[{text}]"),))

    host = unquote(raw, errors="replace") if "%" in raw else raw
    if not host:
        raise _BadURL("it has no host name")
    warnings: list[LinkWarning] = []
    if host.isascii():
        ascii_host = host.lower()
        unicode_labels = None
    else:
        try:
            mapped = idna.uts46_remap(host, std3_rules=False, transitional=False)
        except (idna.IDNAError, UnicodeError, ValueError):
            raise _BadURL("its host name contains characters that are not allowed in domain names") from None
        labels_out = []
        lax = []
        for label in mapped.split("."):
            if label.isascii():
                labels_out.append(label.lower())
                continue
            a_label, strict = _to_ascii_label(label)
            labels_out.append(a_label)
            if not strict:
                lax.append(label)
        ascii_host = ".".join(labels_out)
        unicode_labels = mapped.split(".")
        if lax:
            bad = sorted({c for label in lax for c in label if not c.isascii()})
            warnings.append(LinkWarning(
                "invalid-idn",
                f"The site name uses characters that modern domain names do not allow ({_char_names(bad)}), "
                f"so it is shown in its coded form {_quote_for_message(ascii_host)}.", WARNING))
    if _FORBIDDEN_HOST.search(ascii_host):
        raise _BadURL("its host name contains characters that are not allowed there")
    if not ascii_host.strip("."):
        raise _BadURL("it has no host name")

    if _ends_in_number(ascii_host):
        ip4 = _parse_ipv4(ascii_host)
        text = str(ip4)
        return _Host(text, text, text, ip4, (_numeric_warning(ip4, raw, text),))

    # Punycode written out in the href hides its Unicode form; check that form too.
    if unicode_labels is None and "xn--" in ascii_host:
        unicode_labels = [(_to_unicode_label(lb) or lb) if lb.startswith("xn--") else lb
                          for lb in ascii_host.split(".")]
        if any(lb.startswith("xn--") for lb in unicode_labels):
            warnings.append(LinkWarning(
                "invalid-idn", f"The site name {_quote_for_message(ascii_host)} contains a malformed coded "
                "(xn--) part that browsers may refuse.", WARNING))

    display = ascii_host
    if unicode_labels is not None:
        display = ".".join(unicode_labels)
        tld = unicode_labels[-1] if unicode_labels[-1] or len(unicode_labels) < 2 else unicode_labels[-2]
        for label in unicode_labels:
            if label.isascii():
                continue
            problem = _script_problem(label, tld)
            if problem is None:
                continue
            code, detail = problem
            if code == "idn-homograph" and not tld.isascii() and _same_script(label, tld):
                continue  # an all-Cyrillic name under a Cyrillic TLD imitates nothing in Latin
            shown = _quote_for_message(display)
            if code == "mixed-script":
                message = (f"The site name {shown} mixes {detail} letters in one word, a common disguise; "
                           f"its real form is {ascii_host}.")
            else:
                message = f"The site name {shown} is written with {detail}; its real form is {ascii_host}."
            warnings.append(LinkWarning(code, message, DANGER))
            break
        if any(w.code in ("idn-homograph", "mixed-script", "invalid-idn") for w in warnings):
            display = ascii_host

    bare = ascii_host.rstrip(".")
    extracted = _tld_extract()(bare)
    domain = extracted.top_domain_under_public_suffix or bare
    if not extracted.suffix:
        warnings.append(LinkWarning(
            "no-public-suffix", f"The site name {_quote_for_message(display)} does not end in a public domain "
            "(like .com or .org), so it likely points at a computer on a private network.", WARNING))
    return _Host(ascii_host, display, domain, None, tuple(warnings))


_cached_host = functools.lru_cache(maxsize=4096)(_parse_host)


def _same_script(label: str, other: str) -> bool:
    categories, _ = _confusables()
    return ({categories.alias(c) for c in label} - _NEUTRAL_SCRIPTS) == \
        ({categories.alias(c) for c in other} - _NEUTRAL_SCRIPTS)


def _numeric_warning(ip: ipaddress.IPv4Address | ipaddress.IPv6Address, raw: str, shown: str) -> LinkWarning:
    disguised = raw.lower().rstrip(".") not in (shown, shown.strip("[]"))
    if disguised:
        return LinkWarning(
            "numeric-host", f"The link goes to a bare IP address written in a disguised form "
            f"({_quote_for_message(raw)}), which is really {shown}{_ip_place(ip)}.", DANGER)
    place = _ip_place(ip)
    return LinkWarning(
        "numeric-host", f"The link goes to a bare IP address ({shown}) instead of a named website{place}.",
        DANGER if place else WARNING)


# --------------------------------------------------------------------------- web URLs

class _Keep:
    """Sentinel type: keep the URL's own query."""


_KEEP = _Keep()


@dataclass(frozen=True, slots=True)
class _Web:
    """An absolute http(s) URL split the way a browser splits it."""

    scheme: str
    userinfo: str | None
    host: _Host
    port: int | None  # None when absent or the scheme's default
    path: str  # raw, as written (backslashes already turned into slashes)
    query: str | None
    fragment: str | None

    def render(self, query: str | None | _Keep = _KEEP) -> tuple[str, str]:
        """(url, display). The URL is what a browser requests: ASCII host, default port dropped, unsafe characters
        percent-encoded. The display is for people: no credentials, a host that cannot pass for another, hidden
        characters escaped, readable non-ASCII text kept."""
        if isinstance(query, _Keep):
            query = self.query
        host = self.host
        ascii_host = f"[{host.ascii}]" if isinstance(host.ip, ipaddress.IPv6Address) else host.ascii
        port = f":{self.port}" if self.port is not None else ""
        userinfo = f"{_encode(self.userinfo, _ENCODE_USERINFO)}@" if self.userinfo else ""
        url = [self.scheme, "://", userinfo, ascii_host, port]
        shown = [self.scheme, "://", host.display, port]
        for separator, part, needs in (("", self.path, _ENCODE_PATH), ("?", query, _ENCODE_QUERY),
                                       ("#", self.fragment, _ENCODE_FRAGMENT)):
            if part is None:
                continue
            encoded = _encode(part, needs)
            if not separator and not encoded:
                encoded = "/"
            url += (separator, encoded)
            # ASCII reads the same either way; only non-ASCII text is kept readable (but with hidden ones escaped).
            shown += (separator, encoded if part.isascii() else _escape(part))
        return "".join(url), _truncate("".join(shown), _DISPLAY_LIMIT)


def _parse_web(scheme: str, rest: str) -> _Web:
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
            raise _BadURL("there is text after its IPv6 address")
        port_raw = port_raw[1:]
        has_port = bool(port_raw) or hostport.endswith(":")
    else:
        host_raw, colon, port_raw = hostport.partition(":")
        has_port = bool(colon)
    port = None
    if has_port and port_raw:
        if not _DIGITS.fullmatch(port_raw):
            raise _BadURL("its port is not a number")
        value = int(port_raw) if len(port_raw) < 8 else 1 << 20
        if value > 65535:
            raise _BadURL("its port number is out of range")
        port = None if value == _DEFAULT_PORTS[scheme] else value
    host = _host(host_raw)
    return _Web(scheme, userinfo if at else None, host, port, path, query, fragment)


# --------------------------------------------------------------------------- redirect wrappers

def _param(query: str | None, *names: str) -> str | None:
    if not query:
        return None
    for key, value in parse_qsl(query, keep_blank_values=True):
        if key in names and value:
            return value
    return None


def _unwrap(web: _Web) -> tuple[str, str | None] | None:
    """(service, target) for a known redirect wrapper; target None when only the service knows it."""
    host, domain, path, query = web.host.ascii.rstrip("."), web.host.domain, web.path, web.query
    label = domain.split(".", 1)[0]
    if label == "google" and "." in domain:
        if path == "/url":
            return domain, _param(query, "q", "url")
        if path.startswith("/amp/s/"):
            return domain, "https://" + path[len("/amp/s/"):]
    if host in ("l.facebook.com", "lm.facebook.com", "l.messenger.com") and path == "/l.php":
        return host, _param(query, "u")
    if host in ("l.instagram.com", "l.threads.net", "l.threads.com"):
        return host, _param(query, "u")
    if host == "out.reddit.com":
        return host, _param(query, "url")
    if domain == "youtube.com" and path == "/redirect":
        return domain, _param(query, "q")
    if host.endswith(".safelinks.protection.outlook.com"):
        return "Outlook Safe Links", _param(query, "url")
    if domain == "linkedin.com" and path == "/redir/redirect":
        return domain, _param(query, "url")
    if domain == "vk.com" and path == "/away.php":
        return domain, _param(query, "to")
    if host == "steamcommunity.com" and path.startswith("/linkfilter"):
        return host, _param(query, "url", "u")
    if domain == "duckduckgo.com" and path == "/l/":
        return domain, _param(query, "uddg")
    if host == "slack-redir.net" and path == "/link":
        return host, _param(query, "url")
    if domain == "href.li":
        return domain, unquote(query) if query else None
    if domain == "urldefense.com" and path.startswith("/v3/__"):
        inner = path[len("/v3/__"):]
        if query is not None:
            inner += "?" + query
        end = inner.rfind("__;")
        return "Proofpoint URL Defense", inner[:end] if end > 0 else None
    if host in _SHORTENERS or domain in _SHORTENERS:
        return host, None
    return None


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
    policy: str = "open"
    warnings: list[LinkWarning] | None = None

    def warn(self, code: str, message: str, severity: str = WARNING) -> None:
        if self.warnings is None:
            self.warnings = []
        if all(w.code != code for w in self.warnings):
            self.warnings.append(LinkWarning(code, message, severity))


def _clean(href: str) -> str:
    """What a browser parses: C0 controls and spaces trimmed from the ends, tabs and newlines removed anywhere."""
    href = href.strip(_C0_AND_SPACE)
    if "\t" in href or "\n" in href or "\r" in href:
        href = href.translate(_TAB_NEWLINE)
    return href


def _squeezed_scheme(text: str) -> str | None:
    """The scheme once every control, space and invisible character is dropped: "java\\u200bscript:" -> "javascript"."""
    colon = text.find(":", 0, 64)
    if colon <= 0:
        return None
    head = "".join(c for c in text[:colon] if c.isascii() and c.isalnum() or c in "+.-")
    return head.lower() if head and head[0].isalpha() else None


def _join(base: str, ref: str) -> str | None:
    """Resolve a reference that has no scheme against ``base`` (already absolute and cleaned)."""
    match = _SCHEME.match(base)
    if not match:
        return None
    base_scheme = match.group(1).lower()
    if base_scheme in _DEFAULT_PORTS:
        # Browsers read backslashes as slashes before the query in web URLs: "/\evil.example" is another host.
        cut = min((i for i in (ref.find("?"), ref.find("#")) if i >= 0), default=len(ref))
        ref = ref[:cut].replace("\\", "/") + ref[cut:]
        if ref.startswith("//"):
            return f"{base_scheme}:{ref}"
    try:
        joined = urljoin(base, ref)
    except ValueError:
        return None
    return joined if _SCHEME.match(joined) else None


def _absolute_base(article: Article) -> str | None:
    base = _clean(article.base_url) if article.base_url else None
    page = _clean(article.metadata.canonical_url) if article.metadata.canonical_url else None
    page = page if page and _SCHEME.match(page) else None
    if base and _SCHEME.match(base):
        return base
    if base and page:
        # A relative <base href> is itself relative to the page's own address.
        return _join(page, base) or page
    return page


def _analyse(href: str, base: str | None, depth: int = 0) -> _Result:
    result = _Result()
    cleaned = _clean(href)
    hidden = _hidden_chars(cleaned)
    if hidden:
        bidi = any(c in _BIDI_CONTROLS for c in hidden)
        result.warn("invisible-characters",
                    f"The address contains invisible or direction-changing characters ({_char_names(hidden)}) "
                    "that can disguise it; they are shown escaped.", DANGER if bidi else WARNING)

    if not cleaned:
        result.policy = "never"
        result.url = _strip_fragment(base) if base else None
        result.warn("empty-href", "This link has an empty address, which only points back to this same page.", INFO)
        result.display = ""
        return result

    match = _SCHEME.match(cleaned)
    scheme = match.group(1).lower() if match else None
    if scheme is None and (squeezed := _squeezed_scheme(cleaned)) in _SCRIPT_SCHEMES:
        scheme = squeezed  # a disguised "java\u200bscript:" still counts as what it imitates

    if scheme is None:
        if cleaned.startswith("#"):
            result.policy = "never"
            result.url = _strip_fragment(base) + cleaned if base else None
            result.display = _truncate(_escape(cleaned), _DISPLAY_LIMIT)
            result.warn("fragment", f"This link jumps to a place within this page "
                        f"({_quote_for_message(cleaned)}), not to another site.", INFO)
            return result
        joined = _join(base, cleaned) if base else None
        if joined is None:
            result.policy = "never"
            result.display = _truncate(_escape(cleaned), _DISPLAY_LIMIT)
            result.warn("relative-unresolved", "This link is written relative to the page's own address, "
                        "which is not known, so it cannot be opened.", WARNING)
            return result
        return _analyse_absolute(joined, result, base, depth)
    return _analyse_absolute(cleaned, result, base, depth, scheme)


def _strip_fragment(url: str) -> str:
    return url.split("#", 1)[0]


def _analyse_absolute(url: str, result: _Result, base: str | None, depth: int, scheme: str | None = None) -> _Result:
    if scheme is None:
        match = _SCHEME.match(url)
        assert match is not None
        scheme = match.group(1).lower()
    result.scheme = scheme
    colon = url.find(":")
    rest = url[colon + 1:]

    if scheme in _DEFAULT_PORTS:
        base_match = _SCHEME.match(base) if base else None
        two_slashes = len(rest) >= 2 and rest[0] in "/\\" and rest[1] in "/\\"
        if base_match and base_match.group(1).lower() == scheme and not two_slashes:
            # "http:page.html" or "http:/page" on an http page is a relative link, as browsers read it.
            joined = _join(base, rest) if base else None
            if joined is not None and _SCHEME.match(joined):
                url, rest = joined, joined[joined.find(":") + 1:]
        try:
            web = _parse_web(scheme, rest)
        except _BadURL as error:
            return _unparseable(result, url, str(error))
        _analyse_web(web, result, depth)
        return result

    result.display = _truncate(_escape(url), _DISPLAY_LIMIT)
    # A disguised scheme ("java\x00script:") is recorded as what it imitates, without the hidden characters.
    result.url = scheme + url[colon:]
    result.policy = "never"
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
        result.policy = "confirm"
        address = _mail_address(rest)
        if address:
            result.host, result.domain = address
        who = _quote_for_message(unquote(rest.split("?", 1)[0])) or "an unnamed recipient"
        result.warn("mailto", f"This link starts an email to {who} in your mail program; Reader asks first.", INFO)
    else:
        shown = _quote_for_message(scheme)
        result.warn("other-scheme", f"This link would hand a {shown}: address to another program on this computer, "
                    "so Reader does not open it.", INFO if scheme in _BENIGN_APP_SCHEMES else WARNING)
    return result


def _mail_address(rest: str) -> tuple[str, str] | None:
    first = unquote(rest.split("?", 1)[0]).split(",", 1)[0].strip()
    _, at, host = first.rpartition("@")
    if not at or not host:
        return None
    try:
        parsed = _host(host)
    except _BadURL:
        return None
    return parsed.ascii, parsed.domain


def _unparseable(result: _Result, url: str, reason: str) -> _Result:
    result.url = None
    result.host = result.domain = None
    result.policy = "never"
    result.display = _truncate(_escape(url), _DISPLAY_LIMIT)
    result.warn("unparseable", f"The address is malformed ({reason}), so it cannot be opened.", DANGER)
    return result


# Host-level findings about a redirect's destination that matter as much as the link's own.
_CARRIED_FROM_TARGET = ("credentials", "numeric-host", "idn-homograph", "mixed-script", "invalid-idn",
                        "invisible-characters", "no-public-suffix", "insecure-http", "non-standard-port")


def _analyse_web(web: _Web, result: _Result, depth: int) -> None:
    host = web.host
    result.url, result.display = web.render()
    result.host = host.ascii
    result.domain = host.domain
    for warning in host.warnings:
        result.warn(warning.code, warning.message, warning.severity)
    if web.userinfo is not None:
        user = unquote(web.userinfo.split(":", 1)[0], errors="replace")
        looks_like_site = "." in user
        result.warn("credentials", f"The address hides a user name ({_quote_for_message(user) or 'empty'}) in front "
                    f"of the real site, {_quote_for_message(host.display)}; only the part after the @ decides "
                    "where it goes.", DANGER if looks_like_site else WARNING)
    if web.scheme == "http":
        result.warn("insecure-http", "This link uses plain http, so the connection is not secure and the page "
                    "could be read or altered on the way.", WARNING)
    if web.port is not None:
        result.warn("non-standard-port", f"The link goes to port {web.port} instead of the usual web port, "
                    "which is unusual for a public website.", INFO)

    if web.query:
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
            result.warn("tracking-parameters", f"The address carries tracking parameters ({_quote_for_message(names)}) "
                        "that tell the site where the click came from; a clean link without them is offered.", INFO)

    wrapped = _unwrap(web) if depth < 4 else None
    if wrapped is not None:
        service, target = wrapped
        service = _quote_for_message(service)
        if target is None:
            result.shortener = service
            result.warn("redirect-wrapper", f"The link goes through the {service} shortener, so its final "
                        "destination cannot be known without opening it.", WARNING)
        else:
            inner = _analyse(target, result.url, depth + 1)  # a relative target stays on the wrapper's site
            if inner.scheme in _DEFAULT_PORTS and inner.url is not None:
                result.real_target = inner.real_target or inner.url
                result.real_domain = inner.real_domain or inner.domain
                result.shortener = inner.shortener
                where = _quote_for_message(result.real_domain or "")
                result.warn("redirect-wrapper", f"The link passes through {service}'s redirect service; its real "
                            f"destination is {where}.", INFO)
                for warning in inner.warnings or ():
                    if warning.code in _CARRIED_FROM_TARGET:
                        message = warning.message[:1].lower() + warning.message[1:]
                        result.warn(warning.code, "Behind the redirect, " + message, warning.severity)
            else:
                result.warn("redirect-wrapper", f"The link passes through {service}'s redirect service to a "
                            "destination that is not a web page or cannot be read.", DANGER)


# --------------------------------------------------------------------------- link text

_TEXT_TRIM = " \t\r\n\u00a0\"'()[]<>{}\u201c\u201d\u2018\u2019\u00ab\u00bb"
_TEXT_TAIL = ".,;:!?\u2026"
_URLISH_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*://")
_EMAIL = re.compile(r"(?:mailto:)?[^\s@/:]+@([^\s@/:?#]+)", re.IGNORECASE)
_BARE = re.compile(r"([^\s/?#@:\\]+\.[^\s/?#@:\\.]+)\.?(?::[0-9]+)?([/?#].*)?", re.DOTALL)


def _text_domain(text: str) -> tuple[str, str] | None:
    """(domain, shown) when link text reads as a web address, an email address or a bare site name."""
    if len(text) > 2000 or ("." not in text and "@" not in text and "\uff0e" not in text and "\u3002" not in text):
        return None
    shown = text.strip(_TEXT_TRIM).rstrip(_TEXT_TAIL).strip(_TEXT_TRIM)
    shown = "".join(c for c in shown if c == " " or not _is_hidden(c)) if not shown.isascii() else shown
    if not shown or any(c.isspace() for c in shown):
        return None
    try:
        if _URLISH_SCHEME.match(shown):
            scheme = shown.split(":", 1)[0].lower()
            if scheme not in _DEFAULT_PORTS:
                return None
            web = _parse_web(scheme, shown[len(scheme) + 1:])
        elif shown[:4].lower() == "www.":
            web = _parse_web("http", shown)
        elif email := _EMAIL.fullmatch(shown):
            host = _host(email.group(1))
            return (host.domain, shown) if host.ip is None and "." in host.ascii.strip(".") else None
        elif bare := _BARE.fullmatch(shown):
            name = bare.group(1)
            tld = name.rstrip(".").rsplit(".", 1)[-1].lower()
            if _ends_in_number(name):
                # Version numbers and prices ("3.5") are not addresses; only a full dotted quad is.
                if not _DOTTED_DECIMAL.fullmatch(name):
                    return None
            elif tld in _FILE_LIKE_TLDS and not bare.group(2):
                return None
            web = _parse_web("http", shown)
            if web.host.ip is None and not _tld_extract()(web.host.ascii.rstrip(".")).suffix:
                return None
        else:
            return None
    except _BadURL:
        return None
    return web.host.domain, shown


def _mismatch(link_text: str, result: _Result) -> None:
    target = result.real_domain or result.domain
    if target is None:
        return
    found = _text_domain(link_text)
    if found is None:
        return
    text_domain, shown = found
    if text_domain.lower() == target.lower():
        return
    if result.shortener and not result.real_domain:
        result.warn("text-url-mismatch", f"The link text shows {_quote_for_message(text_domain)}, but the link "
                    f"goes through the {result.shortener} shortener, so that cannot be checked.", WARNING)
        return
    result.warn("text-url-mismatch", f"The link text shows {_quote_for_message(text_domain)}, but the link "
                f"actually goes to {_quote_for_message(target)}.", DANGER)


# --------------------------------------------------------------------------- public API

def _policy(result: _Result) -> str:
    if result.policy == "never":
        return "never"
    if result.warnings or result.scheme not in _DEFAULT_PORTS:
        return "confirm"
    return "open"


def inspect_href(href: str, text: str = "", base: str | None = None, start: int = 0, end: int = 0) -> Link:
    """Inspect one href as if it were a link with ``text`` on a page whose address is ``base``. Never raises."""
    try:
        result = _analyse(href, _clean(base) if base else None)
        _mismatch(text, result)
        policy = _policy(result)
        warnings = tuple(sorted(result.warnings or (), key=lambda w: _SEVERITY_RANK.get(w.severity, 3)))
        return Link(start, end, text=text, href=href, url=result.url, domain=result.domain, warnings=warnings,
                    scheme=result.scheme, host=result.host, display_url=result.display, clean_url=result.clean_url,
                    tracking_params=result.tracking, real_target=result.real_target, policy=policy)
    except Exception as error:  # noqa: BLE001 - a link that breaks the inspector must not break the article
        warning = LinkWarning("unparseable", f"The address could not be inspected ({type(error).__name__}), "
                              "so it will not be opened.", DANGER)
        return Link(start, end, text, href, None, None, (warning,), None, None,
                    _truncate(_escape(str(href)), _DISPLAY_LIMIT), policy="never")


def inspect_links(article: Article) -> list[Link]:
    """One :class:`Link` per link span of the article, in order."""
    base = _absolute_base(article)
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
    return _truncate(_escape(str(url)), _DISPLAY_LIMIT)
