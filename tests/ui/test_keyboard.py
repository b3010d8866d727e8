"""Issue 10, defect 9: names can be chosen from the keyboard, and focus is plain to see in both themes."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from reader.ui import theme


def test_ctrl_2_then_arrows_open_each_entity_and_show_it_in_the_text(shown, qtbot, synthetic):
    shown.activateWindow()
    shown.focus_actions[1].trigger()  # Ctrl+2
    tree = shown.entity_panel.tree
    qtbot.waitUntil(lambda: QApplication.focusWidget() is tree, timeout=2000)
    tree.setCurrentIndex(tree.model().index(0, 0))  # the "People" group row
    qtbot.keyClick(tree, Qt.Key.Key_Down)  # Maria Lopez
    lopez = synthetic.entity("p1")
    assert shown.entity_card.entity is lopez
    assert shown.view.selected_span() == (lopez.mentions[0].start, lopez.mentions[0].end)
    qtbot.keyClick(tree, Qt.Key.Key_Down)  # Organisations
    qtbot.keyClick(tree, Qt.Key.Key_Down)  # Acme Corp
    acme = synthetic.entity("o1")
    assert shown.entity_card.entity is acme
    assert shown.view.selected_span() == (acme.mentions[0].start, acme.mentions[0].end)


def test_next_name_walks_the_text_from_name_to_name(shown, synthetic):
    mentions = sorted((m for e in synthetic.entities for m in e.mentions), key=lambda m: m.start)
    assert shown.next_name_action.shortcut().toString() == "F8"
    shown.view.select_span(0, 0)
    for mention in mentions[:4]:
        shown.next_name_action.trigger()
        assert shown.view.selected_span() == (mention.start, mention.end)
        assert shown.entity_card.entity.id == mention.entity_id
    shown.previous_name_action.trigger()
    assert shown.view.selected_span() == (mentions[2].start, mentions[2].end)


def test_next_name_skips_hidden_types(shown, synthetic):
    shown.legend.set_label_visible("ORG", False)
    shown.view.select_span(0, 0)
    seen = set()
    for _ in range(6):
        shown.next_name_action.trigger()
        seen.add(shown.entity_card.entity.label)
    assert "ORG" not in seen


def _border_colour(widget):
    image = widget.grab().toImage()
    return image.pixelColor(0, image.height() // 2)


def test_focus_is_drawn_in_the_accent_colour_in_both_themes(shown, qtbot):
    shown.activateWindow()
    tree = shown.entity_panel.tree
    for look in (theme.LIGHT, theme.DARK):
        shown.set_theme(look)
        shown.focus_actions[0].trigger()  # the article has the focus: the tree's frame is quiet
        qtbot.waitUntil(lambda: QApplication.focusWidget() is shown.view, timeout=2000)
        quiet = _border_colour(tree)
        shown.focus_actions[1].trigger()
        qtbot.waitUntil(lambda: QApplication.focusWidget() is tree, timeout=2000)
        focused = _border_colour(tree)
        assert focused == theme.focus_ring(look), look.dark
        assert quiet != focused


def test_the_article_is_painted_on_the_themes_paper(shown, qtbot):
    """The focus style sheet must not hide the article's own paper colour (dark text on light paper, or the reverse)."""
    for look in (theme.DARK, theme.LIGHT):
        shown.set_theme(look)
        qtbot.wait(10)
        image = shown.view.grab().toImage()
        assert image.pixelColor(image.width() // 2, 6) == look.paper, look.dark
