"""Open URL: every test talks only to an http.server started here on 127.0.0.1."""

from __future__ import annotations

import errno
import gzip
import http.server
import select
import shutil
import socket
import ssl
import struct
import subprocess
import threading
import time
from pathlib import Path

import pytest

from reader.core import LoadError
from reader.core.fetch import CANCELLED, Download, FetchResult, fetch, normalise_url

PAGES = Path(__file__).parents[1] / "data" / "pages"
ARTICLE = (PAGES / "ledger_semantic.html").read_bytes()
SJIS = (PAGES / "asahi_like_sjis.html").read_bytes()
RUSSIAN = "Мэрия объявила о начале строительства новой станции метро."


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args: object) -> None:  # keep the test output clean
        pass

    def send(self, status: int, body: bytes, content_type: str | None = "text/html; charset=utf-8",
             headers: dict[str, str] | None = None, length: int | None = None) -> None:
        self.send_response(status)
        if content_type:
            self.send_header("Content-Type", content_type)
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.send_header("Content-Length", str(len(body) if length is None else length))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:  # noqa: C901 - one route table
        path = self.path
        if path == "/news/article.html":
            self.send(200, ARTICLE)
        elif path == "/redirect":
            self.send(302, b"", headers={"Location": "/news/article.html"})
        elif path.startswith("/chain/"):
            hop = int(path.rsplit("/", 1)[1])
            self.send(301, b"", headers={"Location": f"/chain/{hop + 1}" if hop < 10 else "/news/article.html"})
        elif path == "/loop":
            self.send(307, b"", headers={"Location": "/loop"})
        elif path == "/to-file":
            self.send(302, b"", headers={"Location": "file:///etc/passwd"})
        elif path == "/missing":
            self.send(404, b"<h1>Not found</h1>")
        elif path == "/broken":
            self.send(500, b"oops", "text/plain")
        elif path == "/report.pdf":
            self.send(200, b"%PDF-1.7\n...", "application/pdf")
        elif path == "/image":
            self.send(200, b"\x89PNG\r\n\x1a\n", "image/png")
        elif path == "/big-declared":
            self.send(200, b"<p>x</p>", length=50 * 1024 * 1024)
        elif path == "/big-streamed":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Connection", "close")
            self.end_headers()
            try:
                for _ in range(64):
                    self.wfile.write(b"<p>" + b"word " * 4000 + b"</p>\n")
            except (BrokenPipeError, ConnectionResetError):
                pass
            self.close_connection = True
        elif path == "/gzip":
            self.send(200, gzip.compress(ARTICLE), headers={"Content-Encoding": "gzip"})
        elif path == "/bomb":
            self.send(200, gzip.compress(b"<p>" + b"a" * (30 * 1024 * 1024) + b"</p>"),
                      headers={"Content-Encoding": "gzip"})
        elif path == "/brotli":
            self.send(200, b"\x1b\x00", headers={"Content-Encoding": "br"})
        elif path == "/slow":
            time.sleep(1.5)
            self.send(200, ARTICLE)
        elif path == "/drip":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", "100000")
            self.end_headers()
            try:
                for _ in range(40):
                    self.wfile.write(b"<p>drip</p>")
                    self.wfile.flush()
                    time.sleep(0.1)
            except (BrokenPipeError, ConnectionResetError):
                pass
            self.close_connection = True
        elif path == "/cp1251":  # the HTTP header is right, the page's own declaration is wrong
            page = '<html><head><meta charset="koi8-r"></head><body><p>' + RUSSIAN + "</p></body></html>"
            self.send(200, page.encode("cp1251"), "text/html; charset=windows-1251")
        elif path == "/sjis":
            self.send(200, SJIS, "text/html; charset=Shift_JIS")
        elif path == "/notes.txt":
            self.send(200, b"Plain notes about the council meeting.\n\nSecond paragraph.\n",
                      "text/plain; charset=utf-8")
        elif path == "/no-type":
            self.send(200, b"<html><body><p>Untyped but clearly HTML.</p></body></html>", None)
        elif path == "/%C3%BCn%C3%AFcode/caf%C3%A9?q=%C3%A9t%C3%A9":
            self.send(200, b"<p>Percent-encoded on the wire.</p>")
        elif path == "/to-unicode":
            self.send(302, b"", headers={"Location": "/ünïcode/café?q=été"})
        elif path == "/empty":
            self.send(200, b"")
        else:
            self.send(404, b"")


@pytest.fixture(scope="module")
def server():
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(autouse=True)
def no_proxy(monkeypatch):
    for name in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("no_proxy", "127.0.0.1,localhost")


def test_fetches_a_page_and_extracts_its_article(server):
    article = fetch(server + "/news/article.html")
    assert article.source == server + "/news/article.html"
    assert article.metadata.page_url == server + "/news/article.html"
    assert article.base_url == server + "/news/article.html"  # the page's own address beats its canonical URL
    assert "severe flood warning" in article.text and "Most viewed" not in article.text
    assert any(n.startswith("Main article extracted") for n in article.notices)
    assert article.metadata.title == "Millbrook residents evacuated as river breaches new flood wall"


def test_redirects_are_followed_and_counted(server):
    assert fetch(server + "/redirect").source == server + "/news/article.html"
    assert "River Aire" in fetch(server + "/chain/8", max_redirects=5).text
    with pytest.raises(LoadError, match="too many redirects"):
        fetch(server + "/chain/0", max_redirects=5)
    with pytest.raises(LoadError, match="too many redirects"):
        fetch(server + "/loop")


def test_redirect_to_another_scheme_is_refused(server):
    with pytest.raises(LoadError, match="file: address"):
        fetch(server + "/to-file")


@pytest.mark.parametrize("path, words", [
    ("/missing", r"not found \(HTTP 404\)"), ("/broken", r"server had a problem \(HTTP 500\)"),
    ("/report.pdf", "is a PDF document"), ("/image", "is an image"), ("/big-declared", "too large"),
    ("/big-streamed", "too large"), ("/bomb", "too large"), ("/brotli", "compressed as br"), ("/empty", "empty"),
])
def test_failures_are_one_clear_sentence(server, path, words):
    with pytest.raises(LoadError, match=words) as caught:
        fetch(server + path, max_bytes=1024 * 1024)
    assert "\n" not in str(caught.value) and "Traceback" not in str(caught.value)


def test_non_ascii_addresses_are_percent_encoded(server):
    assert fetch(server + "/ünïcode/café?q=été").text == "Percent-encoded on the wire."
    assert fetch(server + "/to-unicode").text == "Percent-encoded on the wire."


def test_gzip_is_decoded(server):
    assert "River Aire" in fetch(server + "/gzip").text


def test_http_charset_is_used(server):
    article = fetch(server + "/sjis")
    assert "観測史上最も高い気温" in article.text and article.metadata.language == "ja"
    assert fetch(server + "/cp1251").text == RUSSIAN


def test_plain_text_and_untyped_html(server):
    assert fetch(server + "/notes.txt").format == "text"
    assert fetch(server + "/no-type").text == "Untyped but clearly HTML."


def test_timeouts(server):
    started = time.monotonic()
    with pytest.raises(LoadError, match=r"did not answer within 0\.5 seconds"):
        fetch(server + "/slow", timeout=0.5)
    with pytest.raises(LoadError, match=r"took too long|did not answer"):
        fetch(server + "/drip", timeout=0.8)
    assert time.monotonic() - started < 4


def test_refused_connection():
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(LoadError, match="refused the connection"):
        fetch(f"http://127.0.0.1:{port}/")


def test_dns_failure_and_offline_are_explained(monkeypatch):
    def no_dns(*args, **kwargs):
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", no_dns)
    with pytest.raises(LoadError, match=r"Cannot find the server news\.example: check the address"):
        fetch("https://news.example/article")

    monkeypatch.undo()
    monkeypatch.setattr(socket.socket, "connect_ex", lambda self, address: errno.ENETUNREACH)
    with pytest.raises(LoadError, match="seems to be offline"):
        fetch("http://127.0.0.1:9/")


def test_cancel(server):
    with pytest.raises(LoadError, match="cancelled"):
        fetch(server + "/news/article.html", cancelled=lambda: True)


@pytest.mark.parametrize("typed, url", [
    ("example.com/news", "https://example.com/news"), ("http://Example.com", "http://Example.com/"),
    ("localhost:8000/x", "https://localhost:8000/x"), ("https://a.example/p?q=1#frag", "https://a.example/p?q=1"),
    ("https://bücher.example/straße", "https://xn--bcher-kva.example/stra%C3%9Fe"),
    ("https://a.example/a%20b", "https://a.example/a%20b"),
])
def test_addresses_are_normalised(typed, url):
    assert normalise_url(typed) == url


@pytest.mark.parametrize("typed, words", [
    ("", "No address"), ("ftp://example.com/x", "Only web addresses"), ("javascript:alert(1)", "Only web addresses"),
    ("file:///etc/passwd", "Only web addresses"), ("https://user:pw@example.com/", "user name or password"),
    ("https://example.com:99999/", "not a valid web address"), ("https:///path", "no server name"),
])
def test_bad_addresses_are_refused_before_any_connection(typed, words, monkeypatch):
    monkeypatch.setattr(socket, "getaddrinfo", lambda *a, **k: pytest.fail("looked up"))
    monkeypatch.setattr(socket.socket, "connect_ex", lambda *a, **k: pytest.fail("connected"))
    with pytest.raises(LoadError, match=words):
        fetch(typed)


# hostile servers ------------------------------------------------------------------------------
# A raw TCP server on 127.0.0.1 that misbehaves on purpose: it reads one request per connection and
# then runs a behaviour (drip, cut short, reset, hold...). It accepts a bounded number of connections,
# every loop in it is bounded, and it stops by itself after ``lifetime`` seconds. What it saw (the
# requests, whether the client hung up) is what the cancellation tests assert on.
DRIP = 0.1  # seconds between two bytes of a dripped reply; every reply is long enough to outlast the deadline
BODY = ("<html><body><p>" + "The council met on Tuesday to discuss the new bridge over the river. " * 20
        + "</p></body></html>").encode()


class Hostile:
    def __init__(self, behaviour, connections: int = 1, lifetime: float = 15.0, read_request: bool = True) -> None:
        self.behaviour = behaviour
        self.read_request = read_request  # False: the behaviour gets the connection as accepted (TLS, ...)
        self.connections = connections
        self.lifetime = lifetime
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.listener.settimeout(0.05)
        self.url = f"http://127.0.0.1:{self.listener.getsockname()[1]}"
        self.requests: list[bytes] = []
        self.got_request = threading.Event()
        self.hung_up = threading.Event()  # the client closed its end while this server still had something to do
        self.stop = threading.Event()
        self.threads = [threading.Thread(target=self._serve, daemon=True)]
        self.threads[0].start()

    def __enter__(self) -> Hostile:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop.set()
        for thread in list(self.threads):
            thread.join(5)

    def _serve(self) -> None:
        end = time.monotonic() + self.lifetime
        with self.listener:
            accepted = 0
            while accepted < self.connections and time.monotonic() < end and not self.stop.is_set():
                try:
                    conn, _ = self.listener.accept()
                except TimeoutError:
                    continue
                accepted += 1
                thread = threading.Thread(target=self._handle, args=(conn,), daemon=True)
                self.threads.append(thread)
                thread.start()

    def _handle(self, conn: socket.socket) -> None:
        with conn:
            conn.settimeout(2)
            try:
                if self.read_request:
                    self.read(conn)
                self.behaviour(self, conn)
            except (BrokenPipeError, ConnectionResetError):
                self.hung_up.set()
            except (TimeoutError, ssl.SSLError):  # a client that gave up; the test says what it expected
                pass

    def read(self, conn: socket.socket) -> bytes:
        request = b""
        while b"\r\n\r\n" not in request and len(request) < 65536:
            data = conn.recv(4096)
            if not data:
                break
            request += data
        self.requests.append(request)
        self.got_request.set()
        return request

    def gone(self, conn: socket.socket) -> bool:
        """True (and noted) when the client has closed its end; what it still sends (a TLS hello) is dropped."""
        conn.settimeout(0)
        try:
            data = conn.recv(4096)
        except BlockingIOError:
            return False
        except OSError:
            data = b""
        finally:
            conn.settimeout(2)
        if not data:
            self.hung_up.set()
        return not data

    def drip(self, conn: socket.socket, data: bytes) -> None:
        for byte in data:  # bounded by the length of the reply
            if self.stop.is_set() or self.gone(conn):
                return
            conn.sendall(bytes([byte]))
            time.sleep(DRIP)

    def hold(self, conn: socket.socket, seconds: float = 10.0) -> None:
        """Send nothing; note when the client hangs up."""
        end = time.monotonic() + seconds
        while time.monotonic() < end and not self.stop.is_set():
            if self.gone(conn):
                return
            time.sleep(0.01)

    @staticmethod
    def reset(conn: socket.socket) -> None:
        """Close with a TCP reset (RST), as a crashed server or a middlebox does."""
        conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        conn.close()


def head(length: int | None = None, content_type: str = "text/html; charset=utf-8", extra: str = "") -> bytes:
    lines = ["HTTP/1.1 200 OK", f"Content-Type: {content_type}", "Connection: close"]
    if length is not None:
        lines.append(f"Content-Length: {length}")
    return ("\r\n".join(lines) + "\r\n" + extra + "\r\n").encode()


def timed(call):
    """(the LoadError raised, seconds taken); fails if the call returned instead."""
    started = time.monotonic()
    with pytest.raises(LoadError) as caught:
        call()
    return caught.value, time.monotonic() - started


def test_a_status_line_dripped_byte_by_byte_meets_the_deadline():
    # Every byte comes within DRIP seconds, so a per-read timeout never fires: only an overall deadline stops it.
    with Hostile(lambda server, conn: server.drip(conn, head(len(BODY)) + BODY)) as server:
        error, seconds = timed(lambda: fetch(server.url + "/", timeout=0.8))
        assert "127.0.0.1 did not answer within 0.8 seconds" in str(error)
        assert seconds < 0.8 * 3
        assert server.hung_up.wait(3)  # the connection was closed, not left open


def test_headers_dripped_meet_the_deadline():
    reply = b"HTTP/1.1 200 OK\r\n"

    def behaviour(server, conn):
        conn.sendall(reply)
        server.drip(conn, b"X-Padding: " + b"a" * 200 + b"\r\n" + head(len(BODY))[len(reply):] + BODY)

    with Hostile(behaviour) as server:
        error, seconds = timed(lambda: fetch(server.url + "/", timeout=0.8))
        assert "did not answer within 0.8 seconds" in str(error) and seconds < 0.8 * 3
        assert server.hung_up.wait(3)


def test_a_body_dripped_meets_the_deadline():
    def behaviour(server, conn):
        conn.sendall(head(len(BODY)))
        server.drip(conn, BODY)

    with Hostile(behaviour) as server:
        error, seconds = timed(lambda: fetch(server.url + "/", timeout=0.8))
        assert "took too long to send the page (more than 0.8 seconds)" in str(error) and seconds < 0.8 * 3
        assert server.hung_up.wait(3)


def test_the_deadline_covers_every_redirect():
    def behaviour(server, conn):  # each hop answers in 0.3 s: fine alone, too slow six times over
        time.sleep(0.3)
        conn.sendall(b"HTTP/1.1 302 Found\r\nLocation: /next\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")

    with Hostile(behaviour, connections=6) as server:
        error, seconds = timed(lambda: fetch(server.url + "/", timeout=1.0))
        assert str(error) == "127.0.0.1 did not answer within 1 second" and seconds < 3
        assert len(server.requests) <= 5


@pytest.fixture
def unanswered_port():
    """A 127.0.0.1 port whose connections hang unanswered: its listen queue is full, so new SYNs are dropped."""
    listener = socket.create_server(("127.0.0.1", 0), backlog=0)
    port = listener.getsockname()[1]
    fillers = []
    try:
        for _ in range(8):
            probe = socket.socket()
            probe.setblocking(False)
            probe.connect_ex(("127.0.0.1", port))
            fillers.append(probe)
            if not select.select([], [probe], [], 0.3)[1]:  # this one hangs: the queue is full
                yield port
                return
        pytest.skip("this system answers every connection to a full listen queue")
    finally:
        for probe in fillers:
            probe.close()
        listener.close()


def test_the_deadline_covers_connecting(unanswered_port):
    url = f"http://127.0.0.1:{unanswered_port}/"
    error, seconds = timed(lambda: fetch(url, timeout=0.8))
    assert str(error) == "127.0.0.1 did not answer within 0.8 seconds" and seconds < 0.8 * 3
    download = Download(url, timeout=30)
    threading.Timer(0.3, download.cancel).start()
    error, seconds = timed(download.run)
    assert str(error) == CANCELLED and seconds < 3


def test_the_deadline_covers_the_name_lookup(monkeypatch):
    released = threading.Event()
    asked = []

    def slow_lookup(host, *args, **kwargs):  # a resolver that hangs; nothing is ever looked up for real
        asked.append(host)
        released.wait(5)
        raise socket.gaierror(socket.EAI_AGAIN, "Temporary failure in name resolution")

    monkeypatch.setattr(socket, "getaddrinfo", slow_lookup)
    try:
        error, seconds = timed(lambda: fetch("http://slow-lookup.test/page", timeout=0.5))
        assert "Looking up the server slow-lookup.test took more than 0.5 seconds" in str(error)
        assert seconds < 0.5 * 3 and asked == ["slow-lookup.test"]
        download = Download("http://slow-lookup.test/page", timeout=30)
        threading.Timer(0.2, download.cancel).start()
        error, seconds = timed(download.run)
        assert str(error) == CANCELLED and seconds < 3
    finally:
        released.set()


def test_a_body_shorter_than_its_content_length_is_an_error():
    def behaviour(server, conn):
        conn.sendall(head(5000) + BODY[:1200])
        conn.shutdown(socket.SHUT_WR)  # a clean end (FIN), 3800 bytes early

    with Hostile(behaviour) as server:
        error, _ = timed(lambda: fetch(server.url + "/"))
    assert str(error) == f"The download of {server.url}/ was cut short: got 1,200 of 5,000 bytes"


def test_a_chunked_body_that_stops_mid_chunk_is_an_error():
    def behaviour(server, conn):
        conn.sendall(head(extra="Transfer-Encoding: chunked\r\n") + b"1000\r\n" + BODY[:300])
        conn.shutdown(socket.SHUT_WR)

    with Hostile(behaviour) as server:
        error, _ = timed(lambda: fetch(server.url + "/"))
    assert "was cut short" in str(error)


def test_a_truncated_compressed_body_is_an_error():
    packed = gzip.compress(BODY)[:-40]

    def behaviour(server, conn):
        conn.sendall(head(len(packed), extra="Content-Encoding: gzip\r\n") + packed)

    with Hostile(behaviour) as server:
        error, _ = timed(lambda: fetch(server.url + "/"))
    assert "was cut short: its compressed data stops part way" in str(error)


@pytest.mark.parametrize("length", [5000, None])
def test_a_reset_mid_body_is_the_server_closing_the_connection(length):
    def behaviour(server, conn):
        conn.sendall(head(length) + BODY[:1200])
        time.sleep(0.2)
        server.reset(conn)

    with Hostile(behaviour) as server:
        error, _ = timed(lambda: fetch(server.url + "/"))
    assert str(error) == f"Cannot open {server.url}/: the server closed the connection before the page was complete"
    assert "no readable text" not in str(error)


def test_a_reset_before_any_answer():
    with Hostile(lambda server, conn: server.reset(conn)) as server:
        error, _ = timed(lambda: fetch(server.url + "/"))
    assert str(error) == f"Cannot open {server.url}/: the server closed the connection without answering"


@pytest.mark.parametrize("charset", ["punycode", "undefined", "idna", "base64", "rot13", "utf-7", "no-such-charset",
                                     '"utf-8\\"x"', "ünïcode", "utf-8, koi8-r"])
@pytest.mark.parametrize("text", ["The council met on Tuesday. " + "Verylongword" * 6, RUSSIAN + " " + "Длинное" * 12])
def test_a_bogus_charset_is_ignored_and_the_bytes_decide(charset, text):
    # On an ASCII page "punycode" and "undefined" made the loader raise UnicodeError; the other codecs
    # are no encoding of a web page (base64, utf-7 ...) and would read it as nonsense, or not at all.
    page = f"<html><body><p>{text}</p></body></html>".encode()

    def behaviour(server, conn):
        conn.sendall(head(len(page), content_type=f"text/html; charset={charset}") + page)

    with Hostile(behaviour) as server:
        article = fetch(server.url + "/")
    assert article.text == text and article.encoding == "utf-8"


def test_a_bogus_charset_declared_by_the_page_itself():
    page = b'<html><head><meta charset="punycode"></head><body><p>The council met on Tuesday.</p></body></html>'

    def behaviour(server, conn):
        conn.sendall(head(len(page), content_type="text/html") + page)

    with Hostile(behaviour) as server:
        assert fetch(server.url + "/").text == "The council met on Tuesday."


def test_cancel_from_another_thread_closes_the_socket_while_waiting_for_the_answer():
    with Hostile(lambda server, conn: server.hold(conn)) as server:
        download = Download(server.url + "/", timeout=30)
        outcome: list[object] = []
        worker = threading.Thread(target=lambda: outcome.append(_outcome(download.run)), daemon=True)
        worker.start()
        assert server.got_request.wait(5)
        time.sleep(0.3)  # the worker is now blocked reading the status line
        assert not server.hung_up.is_set()
        cancelled_at = time.monotonic()
        download.cancel()
        assert server.hung_up.wait(2)  # the server sees the connection closed ...
        seen = time.monotonic() - cancelled_at
        worker.join(2)
        assert not worker.is_alive() and outcome == [CANCELLED]  # ... and run() ended with the cancel
        assert seen < 2


def test_cancel_from_another_thread_during_the_body():
    def behaviour(server, conn):
        conn.sendall(head(len(BODY)))
        server.drip(conn, BODY)

    with Hostile(behaviour) as server:
        download = Download(server.url + "/", timeout=30)
        outcome: list[object] = []
        worker = threading.Thread(target=lambda: outcome.append(_outcome(download.run)), daemon=True)
        worker.start()
        assert server.got_request.wait(5)
        time.sleep(0.3)
        download.cancel()
        download.cancel()  # again: harmless
        assert server.hung_up.wait(2)
        worker.join(2)
        assert outcome == [CANCELLED]


def test_the_cancelled_callback_is_polled_while_nothing_arrives():
    stop = threading.Event()
    with Hostile(lambda server, conn: server.hold(conn)) as server:
        outcome: list[object] = []
        worker = threading.Thread(target=lambda: outcome.append(
            _outcome(lambda: fetch(server.url + "/", timeout=30, cancelled=stop.is_set))), daemon=True)
        worker.start()
        assert server.got_request.wait(5)
        time.sleep(0.3)
        stop.set()
        assert server.hung_up.wait(2)
        worker.join(2)
        assert outcome == [CANCELLED]


def test_cancel_before_run_connects_to_nothing():
    with Hostile(lambda server, conn: None) as server:
        download = Download(server.url + "/")
        download.cancel()
        error, _ = timed(download.run)
        assert str(error) == CANCELLED and server.requests == []
        with pytest.raises(RuntimeError):
            download.run()


def test_a_redirect_loop_between_two_addresses_stops():
    def behaviour(server, conn):
        target = "/b" if b"GET /a " in server.requests[-1] else "/a"
        conn.sendall(f"HTTP/1.1 301 Moved\r\nLocation: {target}\r\nContent-Length: 0\r\n\r\n".encode())

    with Hostile(behaviour, connections=10) as server:
        error, _ = timed(lambda: fetch(server.url + "/a", max_redirects=3))
        assert "too many redirects (more than 3)" in str(error)
        assert len(server.requests) == 4  # the page and three redirects, then no more


def test_an_endless_undeclared_body_stops_at_the_size_limit():
    def behaviour(server, conn):
        conn.sendall(head(extra="Transfer-Encoding: chunked\r\n"))
        chunk = b"<p>" + b"word " * 2000 + b"</p>\n"
        for _ in range(2000):  # ~20 MB at most, far more than the 1 MB the client takes
            if server.stop.is_set():
                return
            conn.sendall(b"%x\r\n%s\r\n" % (len(chunk), chunk))
        conn.sendall(b"0\r\n\r\n")

    with Hostile(behaviour) as server:
        error, _ = timed(lambda: fetch(server.url + "/", max_bytes=1024 * 1024))
        assert "too large to open (more than 1 MB)" in str(error)
        assert server.hung_up.wait(3)


def test_download_returns_the_page_and_where_it_ended(server):
    result = Download(server + "/redirect").run()
    assert isinstance(result, FetchResult)
    assert result.url == server + "/news/article.html" and result.redirects == 1
    assert result.data == ARTICLE and result.content_type == "text/html" and result.charset == "utf-8"
    assert 0 <= result.seconds < 20
    assert result.article().metadata.title == "Millbrook residents evacuated as river breaches new flood wall"


# https, with a certificate made for the test ---------------------------------------------------
@pytest.fixture(scope="module")
def certificate(tmp_path_factory):
    """A self-signed certificate for 127.0.0.1 (made with the openssl command; skipped where there is none)."""
    if shutil.which("openssl") is None:
        pytest.skip("no openssl command to make a test certificate")
    folder = tmp_path_factory.mktemp("tls")
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", str(key), "-out", str(cert),
                    "-days", "2", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"],
                   check=True, capture_output=True, timeout=60)
    return cert, key


def tls_page(certificate):
    """A behaviour: the TLS handshake, then the page."""
    server_context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    server_context.load_cert_chain(*certificate)

    def behaviour(server, conn):
        with server_context.wrap_socket(conn, server_side=True) as tls:
            server.read(tls)
            tls.sendall(head(len(BODY)) + BODY)

    return behaviour


def test_https_with_a_trusted_certificate(certificate, monkeypatch):
    trusting = ssl.create_default_context(cafile=str(certificate[0]))
    monkeypatch.setattr("reader.core.fetch._tls_context", lambda: trusting)
    with Hostile(tls_page(certificate), read_request=False) as server:
        url = server.url.replace("http:", "https:") + "/story.html"
        article = fetch(url)
    assert article.source == url and article.text.startswith("The council met on Tuesday")
    assert server.requests[0].startswith(b"GET /story.html HTTP/1.1\r\nHost: 127.0.0.1:")


def test_https_with_an_unknown_certificate_is_refused(certificate):
    with Hostile(tls_page(certificate), read_request=False) as server:
        error, _ = timed(lambda: fetch(server.url.replace("http:", "https:") + "/"))
    assert "The secure connection to 127.0.0.1 could not be verified" in str(error) and server.requests == []


def test_a_tls_handshake_that_never_comes_meets_the_deadline_and_can_be_cancelled():
    with Hostile(lambda server, conn: server.hold(conn), connections=2, read_request=False) as server:
        url = server.url.replace("http:", "https:") + "/"
        error, seconds = timed(lambda: fetch(url, timeout=0.8))
        assert "did not answer within 0.8 seconds" in str(error) and seconds < 0.8 * 3
        assert server.hung_up.wait(3)
        server.hung_up.clear()
        download = Download(url, timeout=30)
        threading.Timer(0.3, download.cancel).start()
        error, seconds = timed(download.run)
        assert str(error) == CANCELLED and seconds < 3
        assert server.hung_up.wait(3)


# the system's proxy ------------------------------------------------------------------------------
def test_plain_http_goes_through_the_configured_proxy(monkeypatch):
    def proxy(server, conn):
        conn.sendall(head(len(BODY)) + BODY)

    with Hostile(proxy) as server:
        monkeypatch.setenv("http_proxy", f"http://reader:p%40ss@127.0.0.1:{server.url.rsplit(':', 1)[1]}")
        monkeypatch.setenv("no_proxy", "localhost")
        monkeypatch.setattr(socket, "getaddrinfo", _only_loopback(socket.getaddrinfo))
        article = fetch("http://news.test/story.html")  # news.test is never looked up: the proxy fetches it
    assert article.source == "http://news.test/story.html"
    request = server.requests[0].decode()
    assert request.startswith("GET http://news.test/story.html HTTP/1.1\r\nHost: news.test\r\n")
    assert "Proxy-Authorization: Basic cmVhZGVyOnBAc3M=\r\n" in request  # reader:p@ss


def test_https_goes_through_the_proxy_in_a_tunnel(monkeypatch):
    def proxy(server, conn):
        conn.sendall(b"HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n")

    with Hostile(proxy) as server:
        monkeypatch.setenv("https_proxy", server.url)
        monkeypatch.setenv("no_proxy", "localhost")
        monkeypatch.setattr(socket, "getaddrinfo", _only_loopback(socket.getaddrinfo))
        error, _ = timed(lambda: fetch("https://news.test/story.html"))
    assert str(error) == "The proxy 127.0.0.1 refused to connect to news.test:443 (HTTP 403)"
    assert server.requests[0].startswith(b"CONNECT news.test:443 HTTP/1.1\r\nHost: news.test:443\r\n")


def test_proxy_failures_name_the_proxy(monkeypatch):
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    real = socket.getaddrinfo
    monkeypatch.setattr(socket, "getaddrinfo", lambda host, *a, **k: real("127.0.0.1" if host == "proxy.test" else
                                                                           pytest.fail(f"looked up {host}"), *a, **k))
    monkeypatch.setenv("no_proxy", "localhost")
    monkeypatch.setenv("http_proxy", f"https://proxy.test:{port}")  # a plain HTTP proxy all the same, as urllib had it
    with pytest.raises(LoadError, match=r"^proxy\.test refused the connection$"):
        fetch("http://news.test/")
    with Hostile(lambda server, conn: conn.sendall(b"HTTP/1.1 407 Proxy Authentication Required\r\n"
                                                   b"Content-Length: 0\r\n\r\n")) as server:
        monkeypatch.setenv("http_proxy", server.url.replace("127.0.0.1", "proxy.test"))
        error, _ = timed(lambda: fetch("http://news.test/"))
    assert str(error) == "Cannot open http://news.test/: the proxy asks for a login (HTTP 407)"


def test_a_proxy_of_another_kind_is_explained(monkeypatch):
    monkeypatch.setenv("http_proxy", "socks5://127.0.0.1:9")
    monkeypatch.setenv("no_proxy", "localhost")
    with pytest.raises(LoadError, match="of a kind Reader cannot use"):
        fetch("http://news.test/")


def _only_loopback(real):
    def look_up(host, *args, **kwargs):
        assert host == "127.0.0.1", f"looked up {host}"
        return real(host, *args, **kwargs)

    return look_up


def _outcome(call) -> object:
    try:
        return call()
    except LoadError as error:
        return str(error)
