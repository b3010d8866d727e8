"""Opening, errors, export, recent files, drag and drop, remembered layout."""

from __future__ import annotations

import csv
import io
import json

from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QFileDialog

from reader.ui.settings import Settings

from .helpers import SAMPLE_TIMEOUT_MS


def test_export_files_are_written_and_parse_back(shown, synthetic, tmp_path, monkeypatch):
    targets = {kind: tmp_path / f"out.{kind}" for kind in ("json", "entities", "quotes", "links", "html")}
    for kind, action in shown.export_actions.items():
        assert action.isEnabled()
        monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, k=kind: (str(targets[k]), "")))
        action.trigger()
    data = json.loads(targets["json"].read_text(encoding="utf-8"))
    assert data["text"] == synthetic.text
    assert [e["id"] for e in data["entities"]] == ["p1", "o1", "g1", "d1"]
    assert len(data["quotes"]) == 4 and len(data["links"]) == 3

    def rows(kind):
        with open(targets[kind], encoding="utf-8", newline="") as handle:
            return list(csv.reader(handle))

    entities = rows("entities")
    assert entities[0][:3] == ["entity_id", "name", "label"]
    assert len(entities) == 1 + sum(len(e.mentions) for e in synthetic.entities)
    quotes = rows("quotes")
    assert len(quotes) == 5 and quotes[2][3] == "vanity project"
    links = rows("links")
    assert len(links) == 4 and links[3][3] == "javascript:alert(1)"
    report = targets["html"].read_text(encoding="utf-8")
    assert report.startswith("<!DOCTYPE html>") and "<mark" in report


def test_export_is_disabled_until_the_analysis_is_ready(window, synthetic):
    window.show_article(synthetic.article)
    assert not any(action.isEnabled() for action in window.export_actions.values())
    window.show_analysis(synthetic)
    assert all(action.isEnabled() for action in window.export_actions.values())


def test_export_to_an_unwritable_place_is_reported(shown, tmp_path):
    assert not shown.export_to("json", tmp_path / "missing" / "out.json")
    assert shown.message_bar.isVisible() and shown.message_bar.kind == "error"


def test_unreadable_file_shows_an_error_and_keeps_the_previous_article(sample_window, qtbot, tmp_path):
    before_text = sample_window.view.toPlainText()
    before = sample_window.analysis
    image = tmp_path / "photo.html"
    image.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200))
    for path in (tmp_path / "missing.html", image, tmp_path):
        with qtbot.waitSignal(sample_window.openFailed, timeout=10_000) as failed:
            sample_window.open_path(path)
        assert str(path.name) in failed.args[0] or "folder" in failed.args[0]
        bar = sample_window.message_bar
        assert bar.isVisible() and bar.kind == "error"
        row = bar.rows[-1]
        assert row.text.text() == failed.args[0]  # the core's sentence, word for word
        assert row.detail.isVisible() and "previous article is still shown" in row.detail.text()
        assert len(bar.messages("error")) == 1  # a newer failure replaces the older one
        assert sample_window.view.toPlainText() == before_text
        assert sample_window.analysis is before
    assert sample_window.windowTitle().startswith("hama")


def test_recent_files_are_remembered(sample_window, settings, data_dir):
    assert settings.recent_files()[0] == str((data_dir / "hama.html").resolve())
    sample_window._fill_recent()
    texts = [a.text() for a in sample_window.recent_menu.actions()]
    assert any("hama.html" in t for t in texts)


def test_opening_a_recent_file(window, qtbot, settings, data_dir):
    settings.add_recent(data_dir / "hama.html")
    window._fill_recent()
    first = window.recent_menu.actions()[0]
    with qtbot.waitSignal(window.articleShown, timeout=SAMPLE_TIMEOUT_MS):
        first.trigger()
    assert window.path == str((data_dir / "hama.html").resolve())


def test_dropping_a_file_opens_it(window, qtbot, tmp_path):
    note = tmp_path / "note.txt"
    note.write_text("The mayor of Lyon, Claire Dubois, opened the bridge on Friday.", encoding="utf-8")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(note))])
    event = QDropEvent(QPoint(10, 10).toPointF(), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    with qtbot.waitSignal(window.articleShown, timeout=SAMPLE_TIMEOUT_MS):
        window.dropEvent(event)
    assert "Claire Dubois" in window.view.toPlainText()


def test_window_layout_is_remembered(make_window, tmp_path):
    store = Settings.at(tmp_path / "layout.ini")
    first = make_window(settings_=store)
    first.resize(700, 520)
    first.card_dock.hide()
    first.close()
    second = make_window(settings_=store)
    assert second.size().width() == 700
    assert not second.card_dock.isVisible()


def test_settings_keep_ten_recent_files_newest_first(tmp_path):
    store = Settings.at(tmp_path / "s.ini")
    for i in range(12):
        store.add_recent(tmp_path / f"{i}.html")
    store.add_recent(tmp_path / "5.html")
    files = store.recent_files()
    assert len(files) == 10 and files[0].endswith("5.html") and files[1].endswith("11.html")
    store.clear_recent()
    assert store.recent_files() == []


def test_export_csv_keeps_newlines_inside_cells(shown, tmp_path):
    shown.export_to("quotes", tmp_path / "q.csv")
    raw = (tmp_path / "q.csv").read_bytes().decode("utf-8")
    assert list(csv.reader(io.StringIO(raw, newline="")))[1][0].isdigit()
