"""Open URL: every test talks only to an http.server started here on 127.0.0.1."""

from __future__ import annotations

import errno
import gzip
import http.server
import socket
import threading
import time
from pathlib import Path

import pytest

from reader.core import LoadError
from reader.core.fetch import fetch, normalise_url

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

    def do_GET(self) -> None:  # noqa: N802, C901 - one route table
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
            self.send(200, gzip.compress(b"<p>" + b"a" * (30 * 1024 * 1024) + b"</p>"), headers={"Content-Encoding": "gzip"})
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
            self.send(200, ('<html><head><meta charset="koi8-r"></head><body><p>' + RUSSIAN + "</p></body></html>").encode("cp1251"),
                      "text/html; charset=windows-1251")
        elif path == "/sjis":
            self.send(200, SJIS, "text/html; charset=Shift_JIS")
        elif path == "/notes.txt":
            self.send(200, "Plain notes about the council meeting.\n\nSecond paragraph.\n".encode(), "text/plain; charset=utf-8")
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
    with pytest.raises(LoadError, match="did not answer within 0.5 seconds"):
        fetch(server + "/slow", timeout=0.5)
    with pytest.raises(LoadError, match="took too long|did not answer"):
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
    with pytest.raises(LoadError, match="Cannot find the server news.example: check the address"):
        fetch("https://news.example/article")

    def offline(*args, **kwargs):
        raise OSError(errno.ENETUNREACH, "Network is unreachable")

    monkeypatch.setattr(socket, "create_connection", offline)
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
    monkeypatch.setattr(socket, "create_connection", lambda *a, **k: pytest.fail("connected"))
    with pytest.raises(LoadError, match=words):
        fetch(typed)
