"""File > Open URL: download one web page and make an Article of it.

The only module of the core that touches the network, and only when the reader asks for a
page. It follows at most ``max_redirects`` redirects (each checked: http and https only),
stops reading at ``max_bytes``, accepts only HTML and text, and explains every failure in
one sentence (a ``LoadError``).

One deadline (``timeout`` seconds) covers the whole download: the name lookup, the
connection, the TLS handshake, the status line, the headers and the body, over every
redirect. A per-read socket timeout is not enough: a server that drips one byte a second
never lets a single read time out. So every wait here is cut to the time left (and to
``POLL_INTERVAL``, so a ``cancelled`` callback is seen within a tenth of a second even while
nothing arrives), and the name lookup, which no socket option bounds, runs in a helper
thread that is waited for only until the deadline.

``Download`` is the cancellable form: ``run()`` in a worker thread, ``cancel()`` from any
other; cancelling shuts the socket down at once, so a blocked read returns and the server
sees the connection close. ``fetch()`` is the one-call form the window uses.

The HTTP is ``http.client``'s parser over a socket this module owns (``Connection: close``,
one connection per hop), so every byte read passes the deadline and cancel checks. A body
shorter than its Content-Length is an error, not a complete page. The system's HTTP proxy
settings (``http_proxy``, ``https_proxy``, ``no_proxy``, or the platform's own) are honoured;
https goes through them in a CONNECT tunnel.
"""

from __future__ import annotations

import base64
import codecs
import errno
import functools
import http.client
import io
import ipaddress
import os
import selectors
import socket
import ssl
import threading
import time
import urllib.request
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from email.message import Message
from pathlib import PurePosixPath
from typing import Any, cast
from urllib.parse import quote, unquote, urljoin, urlsplit, urlunsplit

from .errors import LoadError
from .load import load_bytes
from .model import Article

USER_AGENT = "Mozilla/5.0 (compatible; Reader/0.1; a desktop news reader)"
DEFAULT_TIMEOUT = 20.0
DEFAULT_MAX_BYTES = 10 * 1024 * 1024
DEFAULT_MAX_REDIRECTS = 5
POLL_INTERVAL = 0.1  # the longest any single wait lasts before the deadline and ``cancelled`` are looked at again
CANCELLED = "The download was cancelled"
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
    404: "the page was not found", 407: "the proxy asks for a login", 410: "the page has been removed",
    429: "the server is refusing too many requests", 451: "the page is blocked for legal reasons",
}
_ACCEPT = "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.1"
# A non-blocking connect() reports "under way" with one of these (WSAEWOULDBLOCK on Windows).
_CONNECTING = {errno.EINPROGRESS, errno.EWOULDBLOCK, errno.EALREADY, errno.EAGAIN, 10035}
# Codecs Python knows that no web page is written in: some raise plain UnicodeError (not UnicodeDecodeError)
# on ordinary text, which the loader does not expect; the others would turn a page into nonsense.
_NOT_PAGE_CODECS = {"idna", "punycode", "undefined", "unicode-escape", "raw-unicode-escape", "utf-7", "charmap",
                    "mbcs", "oem"}
# The connection ended under us: reset, aborted, or the TLS layer saw it go.
_CLOSED = (ConnectionError, http.client.RemoteDisconnected, ssl.SSLEOFError, ssl.SSLZeroReturnError)


class _StopError(Exception):
    """Raised from inside a wait when the download must end now; turned into a LoadError by ``Download``."""


class _DeadlineError(_StopError):
    pass


class _CancelError(_StopError):
    pass


@dataclass(frozen=True)
class FetchResult:
    """A downloaded page, before it is read as an article."""

    url: str  # the final address, after any redirects
    data: bytes  # the body, decompressed
    content_type: str | None  # "text/html", ...; None when the server did not say
    charset: str | None  # from Content-Type, or None when missing or not a usable text encoding
    redirects: int  # hops followed
    seconds: float  # wall time of the whole download

    def article(self) -> Article:
        """Read the page as an Article (main article extracted, links kept, base URL = final address)."""
        name = PurePosixPath(urlsplit(self.url).path).name or None
        try:
            return load_bytes(self.data, source=self.url, filename=name, charset=self.charset, page_url=self.url,
                              content_type=self.content_type)
        except (UnicodeError, LookupError):
            if self.charset is None:
                raise
        # A charset label that passed ``_usable_charset`` and still broke decoding: the loader's own
        # detection (BOM, the page's declaration, the bytes themselves) reads the page instead.
        return load_bytes(self.data, source=self.url, filename=name, charset=None, page_url=self.url,
                          content_type=self.content_type)


class Download:
    """One page download that another thread can cancel.

    ``run()`` (once, in a worker thread) returns a ``FetchResult`` or raises ``LoadError``;
    ``cancel()`` (any thread, any time, any number of times) makes ``run()`` raise
    ``LoadError(CANCELLED)`` at once, closing its connection. ``cancelled``, if given, is
    polled at least every ``POLL_INTERVAL`` seconds and has the same effect when it returns True.
    """

    def __init__(self, url: str, timeout: float = DEFAULT_TIMEOUT, max_bytes: int = DEFAULT_MAX_BYTES,
                 max_redirects: int = DEFAULT_MAX_REDIRECTS, cancelled: Callable[[], bool] | None = None) -> None:
        self.url = url
        self.timeout = timeout
        self.max_bytes = max_bytes
        self.max_redirects = max_redirects
        self._cancelled = cancelled
        self._cancel = threading.Event()
        self._lock = threading.Lock()  # guards _socket against cancel() racing its replacement or close
        self._socket: socket.socket | None = None
        self._deadline = 0.0
        self._ran = False

    # any thread ------------------------------------------------------------------------------
    def cancel(self) -> None:
        """Stop the download now: the socket is shut down, so a read blocked in ``run()`` returns at once."""
        with self._lock:
            self._cancel.set()
            if self._socket is not None:
                _shut_down(self._socket)

    @property
    def is_cancelled(self) -> bool:
        return self._cancel.is_set() or (self._cancelled is not None and self._cancelled())

    # the worker thread -----------------------------------------------------------------------
    def run(self) -> FetchResult:
        if self._ran:
            raise RuntimeError("a Download runs once")
        self._ran = True
        started = time.monotonic()
        self._deadline = started + self.timeout
        current = normalise_url(self.url)
        for hop in range(self.max_redirects + 1):
            outcome = self._hop(current)
            if isinstance(outcome, tuple):
                data, mime, charset = outcome
                return FetchResult(url=current, data=data, content_type=mime, charset=charset, redirects=hop,
                                   seconds=time.monotonic() - started)
            current = outcome
        raise LoadError(f"Cannot open {self.url}: too many redirects (more than {self.max_redirects})")

    def _hop(self, url: str) -> tuple[bytes, str | None, str | None] | str:
        """One request: the page (data, type, charset), or the address it redirects to."""
        parts = urlsplit(url)
        host = parts.hostname or url
        phase = "lookup"
        peer = host
        response: http.client.HTTPResponse | None = None
        try:
            self._check()
            proxy = _proxy_for(parts.scheme, host)
            target = (proxy.hostname, proxy.port or 80) if proxy is not None else (
                host, parts.port or (443 if parts.scheme == "https" else 80))
            peer = target[0]  # whom a failure to find or reach is about: the site, or the proxy
            addresses = self._resolve(*target)
            phase = "connect"
            sock = self._connect(addresses)
            phase = "secure"  # from here on, failures are about the site, even through a proxy
            if parts.scheme == "https":
                if proxy is not None:
                    self._tunnel(sock, parts.netloc if parts.port else f"{parts.netloc}:443", proxy)
                sock = self._tls(sock, host)
            self._send(sock, _request(url, proxy if parts.scheme == "http" else None))
            phase = "answer"
            response = http.client.HTTPResponse(cast(socket.socket, _Wire(self, sock)), method="GET")
            response.begin()
            if response.status in _REDIRECTS:
                location = response.getheader("Location")
                if not location:
                    raise LoadError(f"{url} redirects without saying where to")
                return _follow(url, location)
            if not 200 <= response.status < 300:
                reason = _HTTP_REASONS.get(response.status) or (
                    "the server had a problem" if response.status >= 500 else "the server refused the request")
                raise LoadError(f"Cannot open {url}: {reason} (HTTP {response.status})")
            phase = "body"
            return self._body(response, url)
        except LoadError:
            raise
        except _DeadlineError:
            if phase == "lookup":
                raise LoadError(f"Looking up the server {peer} took more than {_seconds(self.timeout)}: "
                                "check whether this computer is online") from None
            if phase == "body":
                raise LoadError(f"{host} took too long to send the page (more than {_seconds(self.timeout)})") from None
            raise LoadError(f"{host} did not answer within {_seconds(self.timeout)}") from None
        except (_StopError, OSError, http.client.HTTPException, ValueError, UnicodeError, zlib.error) as error:
            if self.is_cancelled:  # a cancel shuts the socket: whatever broke next is the cancel's doing
                raise LoadError(CANCELLED) from None
            if isinstance(error, _CLOSED) and phase in ("answer", "body"):
                when = "before the page was complete" if phase == "body" else "without answering"
                raise LoadError(f"Cannot open {url}: the server closed the connection {when}") from None
            raise LoadError(_network_message(error, url, peer if phase in ("lookup", "connect") else host,
                                             self.timeout)) from None
        finally:
            if response is not None:
                response.close()
            self._close()

    def _body(self, response: http.client.HTTPResponse, url: str) -> tuple[bytes, str | None, str | None]:
        headers: Message = response.headers
        mime = headers.get_content_type() if headers.get("Content-Type") else None
        if mime is not None and mime not in _ACCEPTED and not mime.startswith("text/"):
            kind = _KINDS.get(mime) or ("an image" if mime.startswith("image/") else "a video" if mime.startswith(
                "video/") else "an audio file" if mime.startswith("audio/") else f"of type {mime}")
            raise LoadError(f"{url} is {kind}, not a web page Reader can open")
        # http.client's own reading of Content-Length (None when chunked, absent or invalid), taken before
        # any read counts it down: the number of bytes the body must have.
        expected = response.length
        if expected is not None and expected > self.max_bytes:
            raise LoadError(f"{url} is too large to open ({_size(expected)}; the limit is {_size(self.max_bytes)})")
        encoding = (headers.get("Content-Encoding") or "identity").strip().lower()
        if encoding not in ("identity", "gzip", "x-gzip", "deflate"):
            raise LoadError(f"{url} was sent compressed as {encoding}, which Reader cannot read")
        decompressor = zlib.decompressobj(16 + zlib.MAX_WBITS if "gzip" in encoding else zlib.MAX_WBITS) \
            if encoding != "identity" else None
        chunks: list[bytes] = []
        size = received = 0
        try:
            while True:
                chunk = response.read1(_CHUNK)
                if not chunk:
                    break
                received += len(chunk)
                if received > self.max_bytes:  # compressed data that unpacks to (next to) nothing counts too
                    raise LoadError(f"{url} is too large to open (more than {_size(self.max_bytes)})")
                if decompressor is not None:  # bounded: a compression bomb stops at max_bytes
                    chunk = decompressor.decompress(chunk, self.max_bytes + 1 - size)
                size += len(chunk)
                if size > self.max_bytes:
                    raise LoadError(f"{url} is too large to open (more than {_size(self.max_bytes)})")
                chunks.append(chunk)
        except http.client.IncompleteRead:  # a chunked body that stops mid-chunk
            self._check_cancel()
            raise LoadError(f"The download of {url} was cut short: it stopped after {received:,} bytes") from None
        # http.client treats an early end of a Content-Length body as the end of the page; it is not.
        self._check_cancel()  # (a cancel also ends the body early)
        if expected is not None and received < expected:
            raise LoadError(f"The download of {url} was cut short: got {received:,} of {expected:,} bytes")
        if decompressor is not None and not decompressor.eof and received:
            raise LoadError(f"The download of {url} was cut short: its compressed data stops part way")
        data = b"".join(chunks)
        if not data.strip():
            raise LoadError(f"{url} sent an empty page")
        return data, mime, _usable_charset(headers.get_content_charset())

    # waiting, with the deadline and cancel looked at every POLL_INTERVAL ------------------------
    def _check(self) -> None:
        self._check_cancel()
        if time.monotonic() >= self._deadline:
            raise _DeadlineError

    def _check_cancel(self) -> None:
        if self.is_cancelled:
            raise _CancelError

    def _slice(self) -> float:
        """How long the next wait may last: the time left, and no more than POLL_INTERVAL."""
        self._check()
        return max(0.001, min(self._deadline - time.monotonic(), POLL_INTERVAL))

    def _resolve(self, host: str, port: int) -> list[tuple[Any, ...]]:
        """getaddrinfo, bounded by the deadline: no socket option reaches the system's resolver."""
        try:
            ipaddress.ip_address(host)
        except ValueError:
            pass
        else:  # an address literal needs no lookup
            return socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        found: list[list[tuple[Any, ...]]] = []
        failed: list[BaseException] = []
        done = threading.Event()

        def look_up() -> None:
            try:
                found.append(socket.getaddrinfo(host, port, type=socket.SOCK_STREAM))
            except BaseException as error:  # noqa: BLE001 - handed to the waiting thread
                failed.append(error)
            finally:
                done.set()

        # A daemon thread: if the resolver hangs past the deadline, it finishes (or not) on its own, unwaited.
        threading.Thread(target=look_up, name=f"resolve-{host}", daemon=True).start()
        while not done.wait(self._slice()):
            pass
        if failed:
            raise failed[0]
        return found[0]

    def _connect(self, addresses: list[tuple[Any, ...]]) -> socket.socket:
        last: OSError = OSError(errno.EHOSTUNREACH, "no address")
        for family, kind, proto, _name, address in addresses:
            sock = socket.socket(family, kind, proto)
            self._own(sock)
            try:
                sock.setblocking(False)  # connect in the background, waiting in slices
                error = sock.connect_ex(address)
                if error in _CONNECTING:
                    self._wait(sock, selectors.EVENT_WRITE)
                    error = sock.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR)
                if error:
                    raise OSError(error, os.strerror(error))  # OSError picks the subclass (ConnectionRefusedError ...)
                return sock
            except OSError as problem:
                last = problem
                self._close()
        raise last

    def _wait(self, sock: socket.socket, event: int) -> None:
        with selectors.DefaultSelector() as selector:
            selector.register(sock, event)
            while not selector.select(self._slice()):
                pass

    def _tls(self, sock: socket.socket, host: str) -> ssl.SSLSocket:
        with self._lock:  # wrap_socket takes over the descriptor: cancel() must see the new object
            tls = _tls_context().wrap_socket(sock, server_hostname=host, do_handshake_on_connect=False)
            self._socket = tls
            if self._cancel.is_set():
                _shut_down(tls)
        tls.setblocking(False)
        while True:  # the non-blocking handshake: each want is waited for in slices
            try:
                tls.do_handshake()
                return tls
            except ssl.SSLWantReadError:
                self._wait(tls, selectors.EVENT_READ)
            except ssl.SSLWantWriteError:
                self._wait(tls, selectors.EVENT_WRITE)

    def _tunnel(self, sock: socket.socket, authority: str, proxy: _Proxy) -> None:
        """CONNECT through an HTTP proxy, so TLS runs end to end with the site."""
        self._send(sock, (f"CONNECT {authority} HTTP/1.1\r\nHost: {authority}\r\n{proxy.authorization}"
                          f"User-Agent: {USER_AGENT}\r\n\r\n").encode("ascii"))
        reply = http.client.HTTPResponse(cast(socket.socket, _Wire(self, sock)), method="CONNECT")
        try:
            reply.begin()  # nothing follows the proxy's headers until the TLS handshake starts
        finally:
            reply.close()  # its reader only; the socket stays open for the tunnel
        if reply.status != 200:
            raise LoadError(f"The proxy {proxy.hostname} refused to connect to {authority} (HTTP {reply.status})")

    def _send(self, sock: socket.socket, data: bytes) -> None:
        # A request is a few hundred bytes: it fits the empty send buffer, so one bounded sendall suffices.
        sock.settimeout(max(0.001, self._deadline - time.monotonic()))
        self._check()
        sock.sendall(data)

    def _recv_into(self, sock: socket.socket, buffer: memoryview) -> int:
        while True:
            sock.settimeout(self._slice())
            try:
                count = sock.recv_into(buffer)
            except TimeoutError:
                continue  # only this slice ran out: look at the deadline and cancel, and wait again
            except ssl.SSLWantReadError:
                continue
            if not count:
                self._check_cancel()  # an end of data caused by cancel() is a cancel, not the server's doing
            return count

    def _own(self, sock: socket.socket) -> None:
        with self._lock:
            self._socket = sock
            if self._cancel.is_set():
                _shut_down(sock)

    def _close(self) -> None:
        with self._lock:  # under the lock: cancel() must never shut down a descriptor number reused meanwhile
            sock, self._socket = self._socket, None
            if sock is not None:
                _shut_down(sock)  # the server sees the end at once, even if another reference keeps the file open
                sock.close()


class _Wire(io.RawIOBase):
    """The socket as http.client reads it: every read goes through the download's deadline and cancel checks."""

    def __init__(self, download: Download, sock: socket.socket) -> None:
        super().__init__()
        self._download = download
        self._sock = sock

    def makefile(self, mode: str) -> io.BufferedReader:  # what http.client asks its "socket" for
        return io.BufferedReader(self)

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        return self._download._recv_into(self._sock, memoryview(buffer).cast("B"))


@dataclass(frozen=True)
class _Proxy:
    hostname: str
    port: int | None
    authorization: str  # a complete "Proxy-Authorization: ...\r\n" line, or ""


def _proxy_for(scheme: str, host: str) -> _Proxy | None:
    """The system's HTTP proxy for this address, if any (environment, or the platform's settings)."""
    setting = urllib.request.getproxies().get(scheme)
    if not setting or urllib.request.proxy_bypass(host):
        return None
    parts = urlsplit(setting if "://" in setting else f"http://{setting}")
    # "https://proxy:3128" is taken as a plain HTTP proxy, as urllib (and so Reader before) always did.
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise LoadError(f"The system's proxy {setting} is of a kind Reader cannot use (only HTTP proxies)")
    authorization = ""
    if parts.username is not None:
        token = base64.b64encode(f"{unquote(parts.username)}:{unquote(parts.password or '')}".encode()).decode()
        authorization = f"Proxy-Authorization: Basic {token}\r\n"
    return _Proxy(parts.hostname, parts.port, authorization)


def _request(url: str, proxy: _Proxy | None) -> bytes:
    """The GET request; through a proxy (plain http only) the request line carries the whole address."""
    parts = urlsplit(url)
    target = url if proxy is not None else urlunsplit(("", "", parts.path or "/", parts.query, ""))
    lines = [f"GET {target} HTTP/1.1", f"Host: {parts.netloc}", f"User-Agent: {USER_AGENT}", f"Accept: {_ACCEPT}",
             "Accept-Encoding: gzip, deflate", "Accept-Language: en;q=0.9, *;q=0.5", "Connection: close"]
    head = "\r\n".join(lines) + "\r\n" + (proxy.authorization if proxy is not None else "") + "\r\n"
    return head.encode("ascii")  # normalise_url leaves only ASCII, without spaces or control characters


@functools.cache
def _tls_context() -> ssl.SSLContext:
    return ssl.create_default_context()  # made once: loading the system's certificates takes a while


def _shut_down(sock: socket.socket) -> None:
    """Wake any thread blocked on ``sock`` and tell the server we are gone; the owner closes it later.

    Called as ``socket.socket.shutdown`` even on a TLS socket: ``SSLSocket.shutdown`` drops the TLS
    state under a read that may be running in another thread.
    """
    try:
        socket.socket.shutdown(sock, socket.SHUT_RDWR)
    except OSError:  # not connected yet, or already closed: nothing is blocked on it
        pass


def _usable_charset(label: str | None) -> str | None:
    """The Content-Type charset if the loader can decode with it; None (detect from the bytes) otherwise."""
    if not label:
        return None
    label = label.strip().strip("\"'")
    if not label or len(label) > 40 or not all(char.isascii() and (char.isalnum() or char in "-_.:()")
                                               for char in label):
        return None
    try:
        info = codecs.lookup(label)
    except LookupError:
        return label  # perhaps a browser label the loader maps itself ("x-sjis"); it drops what it does not know
    if not getattr(info, "_is_text_encoding", True) or info.name in _NOT_PAGE_CODECS:
        return None  # base64, rot13, idna, punycode ...
    return label


def fetch(url: str, timeout: float = DEFAULT_TIMEOUT, max_bytes: int = DEFAULT_MAX_BYTES,
          max_redirects: int = DEFAULT_MAX_REDIRECTS, cancelled: Callable[[], bool] | None = None) -> Article:
    """Download ``url`` and load it as an Article (main article extracted, links kept, base URL = final address).

    ``cancelled`` is polled at least every ``POLL_INTERVAL`` seconds, even while the server sends nothing;
    when it returns True the connection is closed and ``LoadError(CANCELLED)`` raised.
    """
    return Download(url, timeout=timeout, max_bytes=max_bytes, max_redirects=max_redirects,
                    cancelled=cancelled).run().article()


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


def _follow(current: str, location: str) -> str:
    target = urljoin(current, location.strip())
    scheme = urlsplit(target).scheme.lower()
    if scheme not in ("http", "https"):
        raise LoadError(f"{current} redirects to a {scheme or 'non-web'}: address, which Reader does not open")
    try:
        return normalise_url(target)
    except LoadError as error:
        raise LoadError(f"{current} redirects to an unusable address ({error})") from None


def _network_message(reason: BaseException, url: str, host: str, timeout: float) -> str:
    if isinstance(reason, socket.gaierror) or (isinstance(reason, OSError) and reason.errno in (
            getattr(socket, "EAI_NONAME", -2), getattr(socket, "EAI_AGAIN", -3))):
        return f"Cannot find the server {host}: check the address, or whether this computer is online"
    if isinstance(reason, TimeoutError) or "timed out" in str(reason):
        return f"{host} did not answer within {_seconds(timeout)}"
    if isinstance(reason, ConnectionRefusedError):
        return f"{host} refused the connection"
    if isinstance(reason, ssl.SSLCertVerificationError):
        return f"The secure connection to {host} could not be verified ({reason.verify_message or 'bad certificate'})"
    if isinstance(reason, ssl.SSLError):
        return f"The secure connection to {host} failed"
    if isinstance(reason, OSError) and reason.errno in (errno.ENETUNREACH, errno.EHOSTUNREACH, errno.ENETDOWN):
        return f"Cannot reach {host}: this computer seems to be offline"
    if isinstance(reason, _CLOSED):
        return f"Cannot open {url}: the server closed the connection"
    if isinstance(reason, zlib.error):
        return f"{url} was sent with broken compression"
    if isinstance(reason, (http.client.HTTPException, ValueError)):
        return f"{host} sent a reply Reader cannot understand"
    detail = getattr(reason, "strerror", None) or str(reason) or type(reason).__name__
    return f"Cannot open {url}: {detail}"


def _seconds(count: float) -> str:
    return f"{count:g} second" + ("" if count == 1 else "s")


def _size(count: int) -> str:
    return f"{count / (1024 * 1024):.0f} MB" if count >= 1024 * 1024 else f"{count // 1024} KB"
