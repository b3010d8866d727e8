"""File > Open URL: the dialog, the background download, cancelling, failures. Only 127.0.0.1 is ever asked."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialog

from reader.core import LoadError
from reader.core.fetch import fetch
from reader.core.model import Analysis
from reader.ui import open_url
from reader.ui.open_url import OpenUrlDialog

from .helpers import SAMPLE_TIMEOUT_MS


class QuickAnalyzer:
    """An empty analysis at once, keeping the article's own notices."""

    model_loaded = True

    def analyze(self, article, progress=None, cancelled=None) -> Analysis:
        return Analysis(article, (), (), (), (), "quick", notices=article.notices)


@pytest.fixture
def quick_window(make_window, qtbot, tmp_path):
    """A window showing a small local article, with an analyzer that answers at once."""
    window = make_window(analyzer_=QuickAnalyzer())
    note = tmp_path / "before.txt"
    note.write_text("The article that was on screen before.", encoding="utf-8")
    with qtbot.waitSignal(window.analysisShown, timeout=10_000):
        window.open_path(note)
    return window


# the dialog -----------------------------------------------------------------------------------
@pytest.mark.parametrize("address, words", [
    ("ftp://127.0.0.1/pub/story.html", "Only web addresses (http or https) can be opened, not ftp: addresses"),
    ("javascript:alert(1)", "not javascript: addresses"),
    ("file:///etc/passwd", "not file: addresses"),
    ("http://user:secret@127.0.0.1/page", "user name or password"),
])
def test_the_dialog_refuses_other_schemes_with_a_clear_message(qtbot, address, words):
    dialog = OpenUrlDialog(initial=address)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted  # stays open to correct it
    assert dialog.url is None
    assert dialog.error.isVisible() and words in dialog.error.text()
    dialog.edit.setText("http://127.0.0.1:8/x")  # editing clears the old reason
    assert not dialog.error.isVisible()


def test_the_dialog_accepts_and_normalises_a_web_address(qtbot):
    dialog = OpenUrlDialog(initial="")
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.open_button.isEnabled()  # nothing typed yet
    qtbot.keyClicks(dialog.edit, "  127.0.0.1:8000/news/caf")
    dialog.edit.insert("é.html ")  # QTest types ASCII only
    assert dialog.open_button.isEnabled()
    qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.url == "https://127.0.0.1:8000/news/caf%C3%A9.html"


def test_the_dialog_offers_a_copied_web_address(qtbot):
    from PySide6.QtGui import QGuiApplication

    QGuiApplication.clipboard().setText("http://127.0.0.1:9/copied.html")
    dialog = OpenUrlDialog()
    qtbot.addWidget(dialog)
    assert dialog.edit.text() == "http://127.0.0.1:9/copied.html"
    QGuiApplication.clipboard().setText("rm -rf / ; not an address")
    other = OpenUrlDialog()
    qtbot.addWidget(other)
    assert other.edit.text() == ""


def test_the_menu_action_and_its_shortcut(window, monkeypatch, local_server):
    assert QKeySequence("Ctrl+L") in window.open_url_action.shortcuts()
    file_menu = window.menuBar().actions()[0].menu()
    assert window.open_url_action in file_menu.actions()
    asked = []
    monkeypatch.setattr(OpenUrlDialog, "get_url", classmethod(lambda cls, parent, recent: asked.append(recent) or None))
    window.open_url_action.trigger()
    assert asked == [[]]  # the dialog was shown (with no remembered addresses yet); cancelled: nothing opened
    assert window.fetching == 0 and local_server.requests() == []


# downloading -----------------------------------------------------------------------------------
def test_opening_a_url_shows_the_page_as_an_article(window, qtbot, local_server, settings):
    url = local_server.url + "/news/article.html"
    with qtbot.waitSignal(window.articleShown, timeout=SAMPLE_TIMEOUT_MS) as shown:
        request = window.open_url(url)
        assert request and window.fetching == request
        assert window.fetch_status.isVisible() and window.fetch_label.text().startswith("Fetching 127.0.0.1:")
    article = shown.args[0]
    assert article.source == url and "severe flood warning" in window.view.toPlainText()
    assert not window.fetch_status.isVisible() and window.fetching == 0
    assert window.source == url and window.path is None
    assert window.windowTitle().startswith("Millbrook residents evacuated")
    assert settings.recent_files()[0] == url  # remembered as the address, not as a file
    with qtbot.waitSignal(window.analysisShown, timeout=SAMPLE_TIMEOUT_MS):
        pass
    assert window.analysis.article is article and window.analysis.entities
    assert any(m.startswith("Main article extracted") for m in window.message_bar.messages("info"))
    assert local_server.requests() == ["/news/article.html"]  # the page and nothing else


def test_a_failed_download_is_explained_and_the_article_stays(quick_window, qtbot, local_server):
    window = quick_window
    before = window.view.toPlainText()
    for path in ("/missing", "/report.pdf"):
        url = local_server.url + path
        with pytest.raises(LoadError) as expected:
            fetch(url)
        with qtbot.waitSignal(window.openFailed, timeout=10_000) as failed:
            window.open_url(url)
        assert failed.args[0] == str(expected.value)
        row = window.message_bar.rows[-1]
        assert row.kind == "error" and row.text.text() == str(expected.value)
        assert "previous article is still shown" in row.detail.text()
        assert window.view.toPlainText() == before
        assert not window.fetch_status.isVisible()
    assert len(window.message_bar.messages("error")) == 1  # the newer failure replaced the older
    assert "is a PDF document" in window.message_bar.messages("error")[0]


def test_a_refused_address_is_explained_without_a_download(quick_window, qtbot):
    with qtbot.waitSignal(quick_window.openFailed, timeout=1000) as failed:
        assert quick_window.open_url("file:///etc/passwd") == 0
    assert "not file: addresses" in failed.args[0]
    assert quick_window.message_bar.messages("error") == [failed.args[0]]
    assert quick_window.fetching == 0 and quick_window.analyst.downloads == 0


def test_cancelling_a_download(quick_window, qtbot, local_server):
    window = quick_window
    before = window.view.toPlainText()
    request = window.open_url(local_server.url + "/drip")
    assert window.fetch_cancel.isVisible() and window.stop_action.isEnabled()
    assert local_server.dripping.wait(10)  # the download is under way
    with qtbot.waitSignal(window.openCancelled, timeout=10_000) as cancelled:
        qtbot.mouseClick(window.fetch_cancel, Qt.MouseButton.LeftButton)
    assert cancelled.args == [request]
    assert not window.fetch_status.isVisible() and not window.stop_action.isEnabled()
    assert window.view.toPlainText() == before and window.message_bar.messages("error") == []
    assert local_server.hung_up.wait(10)  # the download really stopped reading
    qtbot.waitUntil(lambda: window.analyst.downloads == 0, timeout=10_000)


def test_a_newer_open_supersedes_a_running_download(quick_window, qtbot, local_server):
    window = quick_window
    first = window.open_url(local_server.url + "/drip")
    assert local_server.dripping.wait(10)
    with qtbot.waitSignals([window.openCancelled, window.articleShown], timeout=10_000,
                           check_params_cbs=[lambda request: request == first, None]):
        second = window.open_url(local_server.url + "/notes.txt")
    assert second != first
    assert window.source == local_server.url + "/notes.txt"
    assert "Mayor Alice Grant" in window.view.toPlainText()
    assert window.message_bar.messages("error") == []
    assert local_server.hung_up.wait(10)


def test_opening_a_file_supersedes_a_running_download(quick_window, qtbot, local_server, tmp_path):
    window = quick_window
    first = window.open_url(local_server.url + "/drip")
    assert local_server.dripping.wait(10)
    note = tmp_path / "after.txt"
    note.write_text("A local file opened while a page was downloading.", encoding="utf-8")
    with qtbot.waitSignals([window.openCancelled, window.articleShown], timeout=10_000,
                           check_params_cbs=[lambda request: request == first, None]):
        window.open_path(note)
    assert not window.fetch_status.isVisible()
    assert window.path == str(note) and "while a page was downloading" in window.view.toPlainText()


def test_a_remembered_address_opens_from_the_recent_menu(quick_window, qtbot, local_server, settings):
    url = local_server.url + "/notes.txt"
    settings.add_recent(url)
    quick_window._fill_recent()
    first = quick_window.recent_menu.actions()[0]
    assert "127.0.0.1" in first.text() and first.toolTip() == url
    with qtbot.waitSignal(quick_window.articleShown, timeout=10_000):
        first.trigger()
    assert quick_window.source == url and "Mayor Alice Grant" in quick_window.view.toPlainText()
    assert local_server.requests() == ["/notes.txt"]


def test_check_address_uses_the_core_rules():
    assert open_url.check_address("HTTP://127.0.0.1:8/a b")[0] is None
    assert open_url.check_address("http://127.0.0.1:8/a")[0] == "http://127.0.0.1:8/a"


def test_dropping_a_link_from_a_browser_downloads_it(quick_window, qtbot, local_server):
    from PySide6.QtCore import QMimeData, QPoint, QUrl
    from PySide6.QtGui import QDropEvent

    mime = QMimeData()
    mime.setUrls([QUrl(local_server.url + "/notes.txt?a=1&b=2")])
    event = QDropEvent(QPoint(10, 10).toPointF(), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    with qtbot.waitSignal(quick_window.articleShown, timeout=10_000):
        quick_window.dropEvent(event)
    assert "Mayor Alice Grant" in quick_window.view.toPlainText()
    assert local_server.requests() == ["/notes.txt?a=1&b=2"]
    quick_window._fill_recent()
    assert "a=1&&b=2" in quick_window.recent_menu.actions()[0].text()  # "&" shown, not taken as a mnemonic
