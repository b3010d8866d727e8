"""A web server on 127.0.0.1 for the window's Open URL and privacy tests; it never talks to anything else.

Every request is recorded (``server.paths``), so a test can check that the window asked
for exactly the page, or for nothing at all. ``/drip`` sends a page slowly, for as long as
the client stays, so a download can be cancelled while it runs; ``/hold`` never answers at all
(not even the status line), so a download can be cancelled while it waits for the headers.
"""

from __future__ import annotations

import http.server
import threading
from pathlib import Path
from urllib.parse import urlsplit

PAGES = Path(__file__).parents[1] / "data" / "pages"
ARTICLE = (PAGES / "ledger_semantic.html").read_bytes()
NOTES = (b"The council met on Tuesday in Leeds. Mayor Alice Grant said the new bridge would open in May.\n\n"
         b"Second paragraph of the notes.\n")


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: Server

    def log_message(self, *args: object) -> None:
        pass

    def send(self, status: int, body: bytes, content_type: str = "text/html; charset=utf-8") -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        self.server.record(self.path)
        path = urlsplit(self.path).path
        if path == "/news/article.html":
            self.send(200, ARTICLE)
        elif path == "/notes.txt":
            self.send(200, NOTES, "text/plain; charset=utf-8")
        elif path == "/report.pdf":
            self.send(200, b"%PDF-1.7\n...", "application/pdf")
        elif path == "/drip":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(10_000_000))
            self.end_headers()
            self.server.dripping.set()
            try:  # until the client hangs up (or the server stops): ~60 s at most
                for _ in range(1200):
                    if self.server.stopping.wait(0.05):
                        break
                    self.wfile.write(b"<p>drip</p>\n")
                    self.wfile.flush()
            except (BrokenPipeError, ConnectionResetError):
                self.server.hung_up.set()
            self.close_connection = True
        elif path == "/hold":
            self.server.holding.set()
            self.connection.settimeout(0.05)
            for _ in range(1200):  # until the client hangs up (or the server stops): ~60 s at most
                if self.server.stopping.is_set():
                    break
                try:
                    if not self.connection.recv(1):  # the client closed its end: the download really stopped
                        self.server.hung_up.set()
                        break
                except TimeoutError:
                    continue
                except ConnectionResetError:
                    self.server.hung_up.set()
                    break
            self.close_connection = True
        else:
            self.send(404, b"<h1>Not found</h1>")


class Server(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), Handler)
        self.paths: list[str] = []
        self._lock = threading.Lock()
        self.dripping = threading.Event()
        self.holding = threading.Event()  # a request for /hold has come, and is not being answered
        self.hung_up = threading.Event()
        self.stopping = threading.Event()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"

    def record(self, path: str) -> None:
        with self._lock:
            self.paths.append(path)

    def requests(self) -> list[str]:
        with self._lock:
            return list(self.paths)

    def start(self) -> Server:
        threading.Thread(target=self.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        self.stopping.set()
        self.shutdown()
        self.server_close()
