"""Links: a click selects, never opens; opening is deliberate, flagged links ask first, some never open."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QGuiApplication

from reader.ui import link_inspector
from reader.ui.link_inspector import CANCELLED, OPENED, REFUSED, open_link

from .helpers import click_text


@pytest.fixture
def asked(monkeypatch):
    """Replaces the confirmation dialog; set ``asked.answer`` to choose the user's reply."""

    class Asked(list):
        answer = False

    calls = Asked()

    def fake_confirm(parent, link):
        calls.append(link)
        return calls.answer

    monkeypatch.setattr(link_inspector, "confirm_open", fake_confirm)
    return calls


def test_clicking_a_link_selects_it_in_the_inspector_and_never_opens_it(shown, qtbot, synthetic, opened, asked):
    for link in synthetic.links:
        with qtbot.waitSignal(shown.view.linkClicked) as clicked:
            click_text(qtbot, shown.view, link.start + 2)
        assert clicked.args == [link.start]
        assert shown.link_inspector.current_link() is link
    assert opened == [] and asked == []
    assert shown.view.source().isEmpty()  # no navigation either
    assert shown.view.toPlainText().count("Maria Lopez") == 1
    assert shown.links_dock.isVisible()


def test_keyboard_activation_of_a_link_does_not_open_it(shown, qtbot, synthetic, opened):
    shown.view.anchorClicked.emit(QUrl(f"reader-link:{synthetic.links[0].start}"))
    assert shown.link_inspector.current_link() is synthetic.links[0]
    assert opened == []


def test_detail_pane_points_out_tracking_and_credentials(shown, synthetic):
    inspector = shown.link_inspector
    inspector.select_link_at(synthetic.links[0].start)
    detail = inspector.detail.toPlainText()
    assert "utm_source" in detail and "https://example.org/report?id=7" in detail
    assert inspector.copy_clean_button.isEnabled()
    inspector.copy_current(clean=True)
    assert QGuiApplication.clipboard().text() == "https://example.org/report?id=7"
    inspector.copy_current(clean=False)
    assert QGuiApplication.clipboard().text() == synthetic.links[0].url
    inspector.select_link_at(synthetic.links[1].start)
    detail = inspector.detail.toPlainText()
    assert "http://203.0.113.9/login" in detail and "user name" in detail
    assert "asks before opening" in detail
    assert not inspector.copy_clean_button.isEnabled()


def test_opening_a_plain_link_goes_to_the_browser(shown, qtbot, synthetic, opened, asked):
    shown.link_inspector.select_link_at(synthetic.links[0].start)
    qtbot.mouseClick(shown.link_inspector.open_button, Qt.MouseButton.LeftButton)
    assert opened == [synthetic.links[0].url]
    assert asked == []


def test_opening_a_flagged_link_asks_first(shown, qtbot, synthetic, opened, asked):
    flagged = synthetic.links[1]
    shown.link_inspector.select_link_at(flagged.start)
    assert shown.link_inspector.open_button.text() == "Open in browser…"
    asked.answer = False
    assert shown.link_inspector.open_current() == CANCELLED
    assert asked == [flagged] and opened == []
    asked.answer = True
    qtbot.mouseClick(shown.link_inspector.open_button, Qt.MouseButton.LeftButton)
    assert len(asked) == 2
    assert opened == [flagged.url]


def test_ctrl_click_in_the_article_still_asks_for_a_flagged_link(shown, qtbot, synthetic, opened, asked, monkeypatch):
    monkeypatch.setattr(QGuiApplication, "keyboardModifiers", staticmethod(lambda: Qt.KeyboardModifier.ControlModifier))
    click_text(qtbot, shown.view, synthetic.links[1].start + 2, Qt.KeyboardModifier.ControlModifier)
    assert asked == [synthetic.links[1]]
    assert opened == []


def test_a_never_link_is_never_opened(shown, qtbot, synthetic, opened, asked):
    never = synthetic.links[2]
    shown.link_inspector.select_link_at(never.start)
    assert not shown.link_inspector.open_button.isEnabled()
    assert "will not open" in shown.link_inspector.detail.toPlainText()
    assert shown.link_inspector.open_current() == REFUSED
    shown.link_inspector.table.doubleClicked.emit(shown.link_inspector.table.currentIndex())
    assert opened == [] and asked == []


def test_open_link_refuses_unsafe_schemes_whatever_the_policy(synthetic, opened, asked):
    from dataclasses import replace

    base = synthetic.links[0]
    for url in ("javascript:alert(1)", "file:///etc/passwd", "data:text/html,hi", "vbscript:x", "about:blank",
                "reader-link:3", "ftp://example.org/x"):
        assert open_link(replace(base, url=url, href=url, scheme=None, policy="open")) == REFUSED
    assert open_link(replace(base, url=None, policy="open")) == REFUSED
    asked.answer = True
    assert open_link(replace(base, url="mailto:desk@example.org", scheme="mailto", warnings=())) == OPENED
    assert len(asked) == 1  # mailto asks first
    assert opened == ["mailto:desk@example.org"]


def test_hovering_a_link_shows_its_real_target(shown, qtbot, synthetic):
    link = synthetic.links[1]
    qtbot.mouseMove(shown.view.viewport(), shown.view.point_of(link.start + 2))
    qtbot.waitUntil(lambda: "203.0.113.9" in shown.statusBar().currentMessage(), timeout=2000)
    assert "flagged" in shown.statusBar().currentMessage()
    shown.view.highlighted.emit(QUrl())
    assert shown.statusBar().currentMessage() == ""


def test_links_look_flagged_in_the_text(shown, synthetic):
    from .helpers import char_format

    theme_ = shown.view._theme
    assert char_format(shown.view, synthetic.links[0].start).foreground().color() == theme_.link
    assert char_format(shown.view, synthetic.links[1].start).foreground().color() == theme_.link_warning
    assert char_format(shown.view, synthetic.links[2].start).foreground().color() == theme_.link_danger
    assert char_format(shown.view, synthetic.links[2].start).isAnchor()


# --------------------------------------------------------------------------- the table agrees with the detail pane

def test_table_shows_the_same_severity_as_the_detail_pane(shown, synthetic):
    from reader.core.links import link_severity
    from reader.ui.link_inspector import severity_colour

    inspector = shown.link_inspector
    model = inspector.model
    for row, link in enumerate(synthetic.links):
        severity = link_severity(link)
        colour = model.data(model.index(row, 2), Qt.ItemDataRole.ForegroundRole)
        assert colour == severity_colour(inspector._theme, severity)
        summary = model.data(model.index(row, 2))
        inspector.select_link_at(link.start)
        detail = inspector.detail.toHtml()
        if severity is not None:
            assert summary.split(":")[0].split(" · ")[0].endswith(severity.capitalize())
            assert severity_colour(inspector._theme, severity).name() in detail
    # The hand-made bank link carries a danger among warnings: red in the table, as in the pane.
    bank = model.index(1, 2)
    assert model.data(bank, Qt.ItemDataRole.ForegroundRole) == inspector._theme.link_danger
    assert model.data(bank).startswith("✖ Danger")


def _standalone_inspector(qtbot, width: int):
    from reader.ui.link_inspector import LinkInspector

    inspector = LinkInspector()
    qtbot.addWidget(inspector)
    inspector.resize(width, 400)
    inspector.show()
    qtbot.waitExposed(inspector)
    return inspector


def test_warnings_and_link_text_columns_are_not_cut_off(qtbot, synthetic):
    inspector = _standalone_inspector(qtbot, 900)
    inspector.set_analysis(synthetic)
    table, model = inspector.table, inspector.model
    header = table.horizontalHeader()
    metrics = table.fontMetrics()
    # Warnings fills what the other columns leave, up to the table's edge.
    used = sum(header.sectionSize(c) for c in range(3))
    assert header.stretchLastSection() and used >= table.viewport().width() - 2
    assert header.sectionSize(2) >= 0.3 * table.viewport().width()
    # Link text is as wide as its texts need, or elided with the whole text in its tooltip.
    for row in range(model.rowCount()):
        text = model.data(model.index(row, 0))
        fits = metrics.horizontalAdvance(text) <= header.sectionSize(0)
        assert fits or text in model.data(model.index(row, 0), Qt.ItemDataRole.ToolTipRole)
        tip = model.data(model.index(row, 2), Qt.ItemDataRole.ToolTipRole)
        assert all(w.message in tip for w in synthetic.links[row].warnings)
    assert table.textElideMode() == Qt.TextElideMode.ElideRight


def test_a_long_link_text_is_elided_with_a_tooltip_not_allowed_to_push_warnings_out(qtbot, synthetic):
    from dataclasses import replace

    inspector = _standalone_inspector(qtbot, 800)
    long_text = "An unusually long link text that goes on and on " * 8
    analysis = replace(synthetic, links=(replace(synthetic.links[1], text=long_text), *synthetic.links[2:]))
    inspector.set_analysis(analysis)
    header = inspector.table.horizontalHeader()
    assert header.sectionSize(0) <= 0.41 * max(inspector.table.viewport().width(), 320)
    assert header.sectionSize(2) >= header.sectionSize(0) * 0.5
    tip = inspector.model.data(inspector.model.index(0, 0), Qt.ItemDataRole.ToolTipRole)
    assert "on and on" in tip


def test_a_link_the_system_cannot_open_is_reported_by_its_own_signal(shown, qtbot, synthetic, monkeypatch):
    from PySide6.QtGui import QDesktopServices

    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda _url: False))
    inspector = shown.link_inspector
    inspector.select_link_at(synthetic.links[0].start)
    passing: list[str] = []
    inspector.message.connect(passing.append)
    with qtbot.waitSignal(inspector.openFailed) as failed:
        inspector.open_current()
    assert "could not open" in failed.args[0] and "example.org" in failed.args[0]
    assert passing == []  # not also a status-bar line
    assert shown.message_bar.messages("error") == [failed.args[0]]


def test_the_inspector_says_analysing_while_an_analysis_runs(shown, synthetic):
    inspector = shown.link_inspector
    shown.show_article(synthetic.article)  # a new article on screen: its analysis is under way
    assert "Analysing" in inspector.detail.toPlainText()
    assert "0 links" not in inspector.detail.toPlainText()
    shown.show_analysis(synthetic)
    assert f"{len(synthetic.links)} links in this article" in inspector.detail.toPlainText()
