"""Site names as a browser reads them: IPv4 in any notation, IPv6, IDNA mapping, and how to show them safely."""

from __future__ import annotations

import functools
import ipaddress
import re
from dataclasses import dataclass
from urllib.parse import unquote

import idna

from ..model import LinkWarning
from .display import char_names, quote
from .domains import (
    _tld_extract,
    account_name,
    brand_combo,
    brand_elsewhere,
    brand_label,
    embedded_domain,
    imitated_domain,
    typo_name_twin,
    typo_suffix_twin,
    worn_lookalike,
)
from .idn import same_script, script_problem
from .policy import DANGER, WARNING

# What the URL standard forbids in a host once it is percent-decoded and IDNA-mapped
# (a "%" left over means the decoding made no sense).
_FORBIDDEN_HOST = re.compile(r"[\x00-\x20#%/:<>?@\[\\\]^|\x7f]")
_NUMERIC_LABEL = re.compile(r"(?:[0-9]+|0[xX][0-9a-fA-F]*)")
DOTTED_DECIMAL = re.compile(r"[0-9]{1,3}(?:\.[0-9]{1,3}){3}")
_SPOOF_CODES = ("idn-homograph", "mixed-script", "invalid-idn")


@dataclass(frozen=True, slots=True)
class Host:
    ascii: str  # what goes into the URL: lower-case, punycode, normalised IP (IPv6 without brackets)
    display: str  # what a person sees: Unicode when it is safe, punycode when it is not
    domain: str  # registrable domain, the host itself when there is none, or the IP
    ip: ipaddress.IPv4Address | ipaddress.IPv6Address | None
    warnings: tuple[LinkWarning, ...]


class BadURLError(Exception):
    """The URL does not parse; the message says why, for a person."""


def _parse_ipv4(host: str) -> ipaddress.IPv4Address:
    """The WHATWG IPv4 parser: 1-4 parts, each decimal, octal (leading 0) or hex (0x); the last fills the rest."""
    parts = host.split(".")
    if parts and parts[-1] == "":
        parts.pop()
    if not parts or len(parts) > 4:
        raise BadURLError("its numeric host is not a valid IPv4 address")
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
            raise BadURLError("its numeric host is not a valid IPv4 address") from None
    if any(n > 255 for n in numbers[:-1]) or numbers[-1] >= 256 ** (5 - len(numbers)):
        raise BadURLError("its numeric host is out of range for an IPv4 address")
    value = numbers[-1]
    for index, number in enumerate(numbers[:-1]):
        value += number * 256 ** (3 - index)
    return ipaddress.IPv4Address(value)


def ends_in_number(host: str) -> bool:
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
        from encodings.idna import ToASCII  # noqa: PLC0415 - only for the rare IDNA 2003 fallback

        return ToASCII(label).decode("ascii").lower(), False
    except (UnicodeError, ValueError):
        raise BadURLError("its host name contains characters that are not allowed in domain names") from None


def _to_unicode_label(label: str) -> str | None:
    try:
        return str(idna.ulabel(label))
    except (idna.IDNAError, UnicodeError, ValueError):
        return None


def host_of(raw: str) -> Host:
    """Parse one URL host the way a browser does; raises BadURLError."""
    # Cached because articles repeat hosts; freak-sized ones are not kept, so the cache stays small.
    return _cached_host(raw) if len(raw) <= 300 else _parse_host(raw)


def _map_unicode_host(host: str) -> tuple[str, list[str], LinkWarning | None]:
    """(ASCII host, Unicode labels, warning) after UTS #46 mapping; the warning when only IDNA 2003 takes it."""
    try:
        mapped = idna.uts46_remap(host, std3_rules=False, transitional=False)
    except (idna.IDNAError, UnicodeError, ValueError):
        raise BadURLError("its host name contains characters that are not allowed in domain names") from None
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
    if not lax:
        return ascii_host, mapped.split("."), None
    bad = sorted({c for label in lax for c in label if not c.isascii()})
    return ascii_host, mapped.split("."), LinkWarning(
        "invalid-idn", f"The site name uses characters that modern domain names do not allow ({char_names(bad)}), "
        f"so it is shown in its coded form {quote(ascii_host)}.", WARNING)


def _parse_host(raw: str) -> Host:
    if raw.startswith("["):
        if not raw.endswith("]") or "%" in raw:
            raise BadURLError("its IPv6 address is not closed or not valid")
        try:
            ip6 = ipaddress.IPv6Address(raw[1:-1])
        except ValueError:
            raise BadURLError("its IPv6 address is not valid") from None
        text = str(ip6)
        return Host(text, f"[{text}]", text, ip6, (_numeric_warning(ip6, raw, f"[{text}]"),))

    host = unquote(raw, errors="replace") if "%" in raw else raw
    if not host:
        raise BadURLError("it has no host name")
    warnings: list[LinkWarning] = []
    if host.isascii():
        ascii_host = host.lower()
        unicode_labels = None
    else:
        ascii_host, unicode_labels, invalid = _map_unicode_host(host)
        if invalid is not None:
            warnings.append(invalid)
    if _FORBIDDEN_HOST.search(ascii_host):
        raise BadURLError("its host name contains characters that are not allowed there")
    if not ascii_host.strip("."):
        raise BadURLError("it has no host name")

    if ends_in_number(ascii_host):
        ip4 = _parse_ipv4(ascii_host)
        text = str(ip4)
        return Host(text, text, text, ip4, (_numeric_warning(ip4, raw, text),))

    # Punycode written out in the href hides its Unicode form; check that form too.
    if unicode_labels is None and "xn--" in ascii_host:
        unicode_labels = [(_to_unicode_label(lb) or lb) if lb.startswith("xn--") else lb
                          for lb in ascii_host.split(".")]
        if any(lb.startswith("xn--") for lb in unicode_labels):
            warnings.append(LinkWarning(
                "invalid-idn", f"The site name {quote(ascii_host)} contains a malformed coded "
                "(xn--) part that browsers may refuse.", WARNING))

    display = ascii_host
    bare = ascii_host.rstrip(".")
    extracted = _tld_extract()(bare)
    domain = extracted.top_domain_under_public_suffix or bare
    if unicode_labels is not None:
        display = ".".join(unicode_labels)
        # Which display rule it breaks, and the well-known name it imitates when there is one.
        shown_domain = ".".join(display.rstrip(".").split(".")[-(domain.count(".") + 1):])
        twin = imitated_domain(shown_domain, domain)
        broken = _idn_warnings(unicode_labels, display, ascii_host)
        if twin is not None:
            like = f"The site name {quote(display)} is drawn like the well-known {twin} but is another site"
            prefix = f"The site name {quote(display)} "
            broken = [LinkWarning(w.code, f"{like}: it {w.message.removeprefix(prefix)}", w.severity)
                      for w in broken] or [LinkWarning("idn-homograph", f"{like}; its real form is {ascii_host}.",
                                                       DANGER)]
        if not any(w.code in _SPOOF_CODES for w in warnings):
            warnings += broken
    if any(w.code in _SPOOF_CODES for w in warnings):
        display = ascii_host
    elif extracted.suffix:
        warnings += _lookalike_warnings(bare, domain)
    if not extracted.suffix:
        warnings.append(LinkWarning(
            "no-public-suffix", f"The site name {quote(display)} does not end in a public domain "
            "(like .com or .org), so it likely points at a computer on a private network.", WARNING))
    return Host(ascii_host, display, domain, None, tuple(warnings))


def _idn_warnings(unicode_labels: list[str], display: str, ascii_host: str) -> list[LinkWarning]:
    """The first label that breaks the IDN display policy (idn.py), as a warning; none when all may show."""
    tld = unicode_labels[-1] if unicode_labels[-1] or len(unicode_labels) < 2 else unicode_labels[-2]
    for label in unicode_labels:
        if label.isascii():
            continue
        problem = script_problem(label, tld)
        if problem is None:
            continue
        code, detail = problem
        if code == "idn-homograph" and not tld.isascii() and same_script(label, tld):
            continue  # an all-Cyrillic name under a Cyrillic TLD imitates nothing in Latin
        shown = quote(display)
        if code == "mixed-script":
            message = (f"The site name {shown} mixes {detail} letters in one word, a common disguise; "
                       f"its real form is {ascii_host}.")
        else:
            message = f"The site name {shown} is written with {detail}; its real form is {ascii_host}."
        return [LinkWarning(code, message, DANGER)]
    return []


def _lookalike_warnings(host: str, domain: str) -> list[LinkWarning]:
    """A plain (ASCII) name that imitates a well-known domain: drawn like it, wearing it, or one typo off."""
    twin = imitated_domain(domain, domain)
    if twin is not None:
        return [LinkWarning("lookalike-domain", f"The site name {quote(domain)} is drawn like the well-known "
                            f"{twin} but is another site.", DANGER)]
    worn = embedded_domain(host, domain)
    if worn is not None:
        return [LinkWarning("lookalike-domain", f"The site name {quote(host)} starts with {worn}, but the site "
                            f"is really {quote(domain)}.", DANGER)]
    worn = worn_lookalike(host, domain)
    if worn is not None:
        return [LinkWarning("lookalike-domain", f"The site name {quote(host)} starts with a look-alike of {worn}, "
                            f"but the site is really {quote(domain)}.", DANGER)]
    typo = typo_suffix_twin(domain) or typo_name_twin(domain)
    if typo is not None:
        return [LinkWarning("lookalike-domain", f"The site name {quote(domain)} is a near miss of the well-known "
                            f"{typo}: its name or its ending is one typo away.", WARNING)]
    brand = brand_combo(domain)
    if brand is not None:
        return [LinkWarning("lookalike-domain", f"The site name {quote(domain)} uses the name of the well-known "
                            f"{brand} beside an account word, but it is another site.", WARNING)]
    brand = brand_elsewhere(domain)
    if brand is not None:
        return [LinkWarning("lookalike-domain", f"The site name {quote(domain)} is the well-known {brand}'s name "
                            "under an ending that brands rarely use and phishing sites often do.", WARNING)]
    brand = brand_label(host, domain)
    if brand is not None and account_name(domain):
        return [LinkWarning("lookalike-domain", f"The site name {quote(host)} puts the name of the well-known "
                            f"{brand} in front of {quote(domain)}, a site named like account pages.", WARNING)]
    return []


_cached_host = functools.lru_cache(maxsize=4096)(_parse_host)


def _numeric_warning(ip: ipaddress.IPv4Address | ipaddress.IPv6Address, raw: str, shown: str) -> LinkWarning:
    disguised = raw.lower().rstrip(".") not in (shown, shown.strip("[]"))
    if disguised:
        return LinkWarning(
            "numeric-host", f"The link goes to a bare IP address written in a disguised form "
            f"({quote(raw)}), which is really {shown}{_ip_place(ip)}.", DANGER)
    place = _ip_place(ip)
    return LinkWarning(
        "numeric-host", f"The link goes to a bare IP address ({shown}) instead of a named website{place}.",
        DANGER if place else WARNING)

