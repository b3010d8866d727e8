"""Fixtures for the window tests: a window per test, one shared Analyzer, and a hand-made analysis.

The hand-made analysis pins down what the UI must do with every kind of quote and
link (partial, term, unattributed; open, confirm, never) whatever the core finds.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices

from reader.core.model import (
    Analysis,
    Article,
    Block,
    Entity,
    Link,
    LinkSpan,
    LinkWarning,
    Mention,
    Metadata,
    Quote,
    Span,
    Speaker,
)

from .helpers import SAMPLE_TIMEOUT_MS

TEXT = (
    "Maria Lopez met officials from Acme Corp in Paris on Monday.\n\n"
    "“We will rebuild the port,” Lopez said. Critics called it a “vanity project”.\n\n"
    "Read the report here, or log in at this bank page, or run the script link. Lopez wrote “soon”.\n\n"
    "“Nobody knows,” one official admitted. Acme Corp denied everything, Lopez said."
)


def at(text: str, needle: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return start, start + len(needle)


def _mentions(entity_id: str, label: str, *spans: tuple[int, int]) -> tuple[Mention, ...]:
    return tuple(Mention(s, e, TEXT[s:e], label, entity_id) for s, e in spans)


def make_synthetic() -> Analysis:
    text = TEXT
    paragraphs = []
    start = 0
    for part in text.split("\n\n"):
        paragraphs.append(Block(start, start + len(part), "p"))
        start += len(part) + 2
    lopez = Entity("p1", "Maria Lopez", "PERSON", ("Maria Lopez", "Lopez"),
                   _mentions("p1", "PERSON", at(text, "Maria Lopez"), at(text, "Lopez", 1), at(text, "Lopez", 2),
                             at(text, "Lopez", 3)))
    acme = Entity("o1", "Acme Corp", "ORG", ("Acme Corp",),
                  _mentions("o1", "ORG", at(text, "Acme Corp"), at(text, "Acme Corp", 1)))
    paris = Entity("g1", "Paris", "GPE", ("Paris",), _mentions("g1", "GPE", at(text, "Paris")))
    monday = Entity("d1", "Monday", "DATE", ("Monday",), _mentions("d1", "DATE", at(text, "Monday")))
    said = at(text, "said")
    quotes = (
        Quote(*at(text, "We will rebuild the port,"), text="We will rebuild the port,", kind="full",
              speaker=Speaker("Lopez", *at(text, "Lopez", 1), "p1"), cue="said", confidence=0.95,
              cue_start=said[0], cue_end=said[1]),
        Quote(*at(text, "vanity project"), text="vanity project", kind="term",
              speaker=Speaker("Critics", *at(text, "Critics"), None), cue="called", confidence=0.8),
        Quote(*at(text, "soon"), text="soon", kind="partial",
              speaker=Speaker("Lopez", *at(text, "Lopez", 2), "p1"), cue="wrote", confidence=0.9),
        Quote(*at(text, "Nobody knows,"), text="Nobody knows,", kind="full", speaker=None, cue=None, confidence=0.0),
    )
    report, bank, script = at(text, "the report here"), at(text, "this bank page"), at(text, "the script link")
    spans = (LinkSpan(*report, href="https://example.org/report?utm_source=feed&id=7"),
             LinkSpan(*bank, href="http://bank.example.net@203.0.113.9/login"),
             LinkSpan(*script, href="javascript:alert(1)"))
    links = (
        Link(*report, text=text[report[0]:report[1]], href=spans[0].href, url=spans[0].href, domain="example.org",
             scheme="https", host="example.org", display_url="https://example.org/report?utm_source=feed&id=7",
             clean_url="https://example.org/report?id=7", tracking_params=("utm_source",),
             warnings=(LinkWarning("tracking", "Has tracking parameters: utm_source", "info"),), policy="open"),
        Link(*bank, text=text[bank[0]:bank[1]], href=spans[1].href, url=spans[1].href, domain="203.0.113.9",
             scheme="http", host="203.0.113.9", display_url="http://203.0.113.9/login",
             warnings=(LinkWarning("credentials", "The address hides a user name before the real host", "danger"),
                       LinkWarning("numeric-host", "The host is a bare IP address", "warning"),
                       LinkWarning("not-secure", "Not secure (http)", "warning")), policy="confirm"),
        Link(*script, text=text[script[0]:script[1]], href=spans[2].href, url=None, domain=None, scheme="javascript",
             warnings=(LinkWarning("javascript-scheme", "A javascript: link runs code; Reader never opens it",
                                   "danger"),), policy="never"),
    )
    article = Article(source="synthetic.html", text=text, blocks=tuple(paragraphs), links=spans,
                      metadata=Metadata(title="Port plans", byline="A. Writer"), format="html")
    return Analysis(article=article, sentences=tuple(Span(b.start, b.end) for b in paragraphs),
                    entities=(lopez, acme, paris, monday), quotes=quotes, links=links, recogniser="hand-made")


@pytest.fixture(scope="session")
def synthetic() -> Analysis:
    return make_synthetic()


@pytest.fixture(autouse=True)
def opened(monkeypatch) -> list[str]:
    """Every URL the app hands to the system; QDesktopServices is never really called."""
    urls: list[str] = []

    def fake_open(url: QUrl) -> bool:
        urls.append(url.toString())
        return True

    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(fake_open))
    return urls


@pytest.fixture
def settings(tmp_path):
    from reader.ui.settings import Settings

    return Settings.at(tmp_path / "settings.ini")


@pytest.fixture
def make_window(qtbot, analyzer, settings):
    from reader.ui.window import MainWindow
    from reader.ui.worker import Analyst

    windows = []

    def make(analyzer_=None, settings_=None):
        window = MainWindow(Analyst(analyzer_ if analyzer_ is not None else analyzer), settings_ or settings)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        windows.append(window)
        return window

    yield make
    for window in windows:
        window.close()


@pytest.fixture
def window(make_window):
    return make_window()


@pytest.fixture
def shown(window, synthetic):
    """A window showing the hand-made analysis."""
    window.show_article(synthetic.article)
    window.show_analysis(synthetic)
    return window


@pytest.fixture
def sample_window(window, qtbot, data_dir):
    """A window that opened the sample through the worker, as a user would."""
    with qtbot.waitSignal(window.analysisShown, timeout=SAMPLE_TIMEOUT_MS):
        window.open_path(data_dir / "hama.html")
    return window


@pytest.fixture
def local_server(monkeypatch):
    """A web server on 127.0.0.1 (see local_server.py); proxies are switched off so nothing else is asked."""
    from .local_server import Server

    for name in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("no_proxy", "127.0.0.1,localhost")
    server = Server().start()
    yield server
    server.stop()
