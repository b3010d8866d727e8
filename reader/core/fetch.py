"""File > Open URL: download one web page and make an Article of it.

The only module of the core that touches the network, and only when the reader asks for a
page. It follows at most ``max_redirects`` redirects (each checked: http and https only),
gives up after ``timeout`` seconds, stops reading at ``max_bytes``, accepts only HTML and
text, and explains every failure in one sentence (a ``LoadError``). Run it off the GUI
thread; ``cancelled`` lets the caller stop a download between chunks.

Plain ``urllib``: no extra dependency, honours the system's proxy settings.
"""

from __future__ import annotations

import errno
import http.client
import socket
import ssl
import time
import urllib.error
import urllib.request
import zlib
from collections.abc import Callable
from email.message import Message
from pathlib import PurePosixPath
from urllib.parse import quote, urljoin, urlsplit, urlunsplit

from .errors import LoadError
from .load import load_bytes
from .model import Article

USER_AGENT = "Mozilla/5.0 (compatible; Reader/0.1; a desktop news reader)"
DEFAULT_TIMEOUT = 20.0
DEFAULT_MAX_BYTES = 10 * 1024 * 1024
DEFAULT_MAX_REDIRECTS = 5
_CHUNK = 64 * 1024
_ACCEPTED = {"text/html", "application/xhtml+xml", "text/plain", "text/markdown", "text/x-markdown",
             "application/xml", "text/xml"}
_KINDS = {"application/pdf": "a PDF document", "application/zip": "a ZIP archive", "application/json": "JSON data",
          "application/javascript": "a script", "text/javascript": "a script", "text/css": "a style sheet",
          "application/octet-stream": "a binary file", "application/rss+xml": "a news feed",
          "application/atom+xml": "a news feed"}
_REDIRECTS = {301, 302, 303, 307, 308}
_HTTP_REASONS = {
    400: "the server did not understand the request", 401: "the page needs a login", 403: "access is forbidden",
    404: "the page was not found", 410: "the page has been removed", 429: "the server is refusing too many requests",
    451: "the page is blocked for legal reasons",
}


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    """Redirects are followed by ``fetch`` itself, so each hop can be counted and checked."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):  # type: ignore[no-untyped-def]  # noqa: ANN001
        return None


def _opener() -> urllib.request.OpenerDirector:
    return urllib.request.build_opener(_NoRedirects())


def normalise_url(address: str) -> str:
    """What the reader typed -> an http(s) URL ("example.com/a" -> "https://example.com/a"); LoadError otherwise."""
    address = address.strip()
    if not address:
        raise LoadError("No address was given")
    try:
        parts = urlsplit(address)
        if not parts.scheme or (parts.scheme not in ("http", "https") and not parts.netloc
                                and ("." in parts.scheme or parts.path[:1].isdigit())):  # "localhost:8000/x"
            parts = urlsplit("https://" + address.lstrip("/"))
        host = parts.hostname
        parts.port  # noqa: B018 - raises ValueError on a bad port
    except ValueError:
        raise LoadError(f"{address} is not a valid web address") from None
    if parts.scheme.lower() not in ("http", "https"):
        raise LoadError(f"Only web addresses (http or https) can be opened, not {parts.scheme}: addresses")
    if not host:
        raise LoadError(f"{address} has no server name")
    if parts.username is not None or parts.password is not None:
        raise LoadError(f"{address} contains a user name or password; Reader does not send those")
    if any(char.isspace() or ord(char) < 32 for char in address):
        raise LoadError(f"{address!r} contains spaces or control characters")
    netloc = parts.netloc
    if not netloc.isascii():  # an internationalised name goes on the wire as punycode
        try:
            netloc = host.encode("idna").decode("ascii") + (f":{parts.port}" if parts.port else "")
        except UnicodeError:
            raise LoadError(f"{address} has a server name that cannot be used") from None
    path = quote(parts.path or "/", safe="/%:@!$&'()*+,;=-._~")  # non-ASCII paths are sent percent-encoded
    query = quote(parts.query, safe="/%:@!$&'()*+,;=-._~?")
    return urlunsplit((parts.scheme.lower(), netloc, path, query, ""))


def fetch(url: str, timeout: float = DEFAULT_TIMEOUT, max_bytes: int = DEFAULT_MAX_BYTES,
          max_redirects: int = DEFAULT_MAX_REDIRECTS, cancelled: Callable[[], bool] | None = None) -> Article:
    """Download ``url`` and load it as an Article (main article extracted, links kept, base URL = final address)."""
    current = normalise_url(url)
    deadline = time.monotonic() + timeout
    opener = _opener()
    for _hop in range(max_redirects + 1):
        host = urlsplit(current).hostname or current
        request = urllib.request.Request(current, headers={
            "User-Agent": USER_AGENT, "Accept": "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.1",
            "Accept-Encoding": "gzip, deflate", "Accept-Language": "en;q=0.9, *;q=0.5"})
        try:
            response = opener.open(request, timeout=max(0.1, deadline - time.monotonic()))
        except urllib.error.HTTPError as error:
            if error.code in _REDIRECTS:
                location = error.headers.get("Location")
                error.close()
                if not location:
                    raise LoadError(f"{current} redirects without saying where to") from None
                current = _follow(current, location)
                continue
            error.close()
            reason = _HTTP_REASONS.get(error.code) or (
                "the server had a problem" if error.code >= 500 else "the server refused the request")
            raise LoadError(f"Cannot open {current}: {reason} (HTTP {error.code})") from None
        except (urllib.error.URLError, OSError, http.client.HTTPException, ValueError) as error:
            raise LoadError(_network_message(error, current, host, timeout)) from None
        with response:
            return _read(response, current, host, timeout, deadline, max_bytes, cancelled)
    raise LoadError(f"Cannot open {url}: too many redirects (more than {max_redirects})")


def _follow(current: str, location: str) -> str:
    target = urljoin(current, location.strip())
    scheme = urlsplit(target).scheme.lower()
    if scheme not in ("http", "https"):
        raise LoadError(f"{current} redirects to a {scheme or 'non-web'}: address, which Reader does not open")
    try:
        return normalise_url(target)
    except LoadError as error:
        raise LoadError(f"{current} redirects to an unusable address ({error})") from None


def _read(response: http.client.HTTPResponse, url: str, host: str, timeout: float, deadline: float,
          max_bytes: int, cancelled: Callable[[], bool] | None) -> Article:
    headers: Message = response.headers
    mime = headers.get_content_type() if headers.get("Content-Type") else None
    if mime is not None and mime not in _ACCEPTED and not mime.startswith("text/"):
        kind = _KINDS.get(mime) or ("an image" if mime.startswith("image/") else "a video" if mime.startswith("video/")
                                    else "an audio file" if mime.startswith("audio/") else f"of type {mime}")
        raise LoadError(f"{url} is {kind}, not a web page Reader can open")
    length = headers.get("Content-Length")
    if length and length.isdigit() and int(length) > max_bytes:
        raise LoadError(f"{url} is too large to open ({_size(int(length))}; the limit is {_size(max_bytes)})")
    encoding = (headers.get("Content-Encoding") or "identity").strip().lower()
    if encoding not in ("identity", "gzip", "x-gzip", "deflate"):
        raise LoadError(f"{url} was sent compressed as {encoding}, which Reader cannot read")
    decompressor = zlib.decompressobj(16 + zlib.MAX_WBITS if "gzip" in encoding else zlib.MAX_WBITS) \
        if encoding != "identity" else None
    chunks: list[bytes] = []
    size = 0
    try:
        while True:
            if cancelled is not None and cancelled():
                raise LoadError("The download was cancelled")
            if time.monotonic() > deadline:
                raise LoadError(f"{host} took too long to send the page (more than {timeout:g} seconds)")
            chunk = response.read1(_CHUNK) if hasattr(response, "read1") else response.read(_CHUNK)
            if not chunk:
                break
            if decompressor is not None:  # bounded: a compression bomb stops at max_bytes
                chunk = decompressor.decompress(chunk, max_bytes + 1 - size)
            size += len(chunk)
            if size > max_bytes:
                raise LoadError(f"{url} is too large to open (more than {_size(max_bytes)})")
            chunks.append(chunk)
    except (OSError, http.client.HTTPException, zlib.error) as error:
        raise LoadError(_network_message(error, url, host, timeout)) from None
    data = b"".join(chunks)
    if not data.strip():
        raise LoadError(f"{url} sent an empty page")
    name = PurePosixPath(urlsplit(url).path).name or None
    return load_bytes(data, source=url, filename=name, charset=headers.get_content_charset(), page_url=url,
                      content_type=mime)


def _network_message(error: BaseException, url: str, host: str, timeout: float) -> str:
    reason = getattr(error, "reason", error)
    if isinstance(reason, socket.gaierror) or (isinstance(reason, OSError) and reason.errno in (
            getattr(socket, "EAI_NONAME", -2), getattr(socket, "EAI_AGAIN", -3))):
        return f"Cannot find the server {host}: check the address, or whether this computer is online"
    if isinstance(reason, (TimeoutError, socket.timeout)) or "timed out" in str(reason):
        return f"{host} did not answer within {timeout:g} seconds"
    if isinstance(reason, ConnectionRefusedError):
        return f"{host} refused the connection"
    if isinstance(reason, ssl.SSLCertVerificationError):
        return f"The secure connection to {host} could not be verified ({reason.verify_message or 'bad certificate'})"
    if isinstance(reason, ssl.SSLError):
        return f"The secure connection to {host} failed"
    if isinstance(reason, OSError) and reason.errno in (errno.ENETUNREACH, errno.EHOSTUNREACH, errno.ENETDOWN):
        return f"Cannot reach {host}: this computer seems to be offline"
    if isinstance(reason, (ConnectionResetError, http.client.RemoteDisconnected, http.client.IncompleteRead)):
        return f"The connection to {host} broke off"
    if isinstance(reason, zlib.error):
        return f"{url} was sent with broken compression"
    if isinstance(reason, (http.client.HTTPException, ValueError)):
        return f"{host} sent a reply Reader cannot understand"
    detail = getattr(reason, "strerror", None) or str(reason) or type(reason).__name__
    return f"Cannot open {url}: {detail}"


def _size(count: int) -> str:
    return f"{count / (1024 * 1024):.0f} MB" if count >= 1024 * 1024 else f"{count // 1024} KB"
