"""The reading view with the real window: highlights, entities, the card, find, zoom, keyboard."""

from __future__ import annotations

import re

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication, QWidget

from reader.ui import theme
from reader.ui.entity_card import EntityCard
from reader.ui.entity_panel import EntityIdRole

from .helpers import click_text


def background(view, offset: int):
    """The background the view paints at a text offset (highlights are painted, not in the document)."""
    painted = view.painted_at(offset)
    return None if painted is None else painted.background


def underline_style(view, offset: int):
    painted = view.painted_at(offset)
    return None if painted is None else painted.underline_style


def test_key_widgets_have_stable_names_and_accessible_names(window):
    for name in ("articleView", "entityPanel", "entityCard", "quotePanel", "linkInspector", "legend", "findBar"):
        widget = window.findChild(QWidget, name)
        assert widget is not None, name
        assert widget.accessibleName(), name
    for button in (window.entity_card.next_button, window.entity_card.previous_button,
                   window.link_inspector.open_button, window.link_inspector.copy_button,
                   window.link_inspector.copy_clean_button, window.quote_panel.speaker, window.entity_panel.filter,
                   window.find_bar.query):
        assert button.accessibleName()


def test_text_is_shown_first_then_highlights(window, qtbot, data_dir):
    with qtbot.waitSignal(window.articleShown, timeout=10_000) as shown:
        window.open_path(data_dir / "hama.html")
    article = shown.args[0]
    assert window.view.toPlainText().startswith(article.text[:40].strip())
    with qtbot.waitSignal(window.analysisShown, timeout=60_000) as done:
        pass
    analysis = done.args[0]
    entity = max(analysis.entities, key=lambda e: len(e.mentions))
    colour = theme.current().type_style(entity.label).background
    assert background(window.view, entity.mentions[0].start) == colour
    assert not window.progress.isVisible()


def test_highlights_land_on_the_mentions_text(shown, synthetic):
    view = shown.view
    text = view.toPlainText()
    for entity in synthetic.entities:
        for mention in entity.mentions:
            start, end = view.offsets.span(mention.start, mention.end)
            assert text[start:end] == mention.text
            assert background(view, mention.start) == theme.current().type_style(entity.label).background
            assert background(view, mention.end - 1) == theme.current().type_style(entity.label).background
            assert view.tooltip_at(view.point_of(mention.start + 1)).startswith(entity.name)
        # The document itself carries no highlight: an analysis re-formats nothing.
        cursor = QTextCursor(view.document())
        cursor.setPosition(view.offsets.position(entity.mentions[0].start) + 1)
        assert cursor.charFormat().background().style() == Qt.BrushStyle.NoBrush
    # Types differ by more than colour: the underline style too.
    assert underline_style(view, synthetic.entities[0].mentions[0].start) != \
        underline_style(view, synthetic.entities[1].mentions[0].start)


def test_header_shows_title_without_shifting_offsets(shown, synthetic):
    text = shown.view.toPlainText()
    assert text.startswith("Port plans")
    assert shown.view.offsets.offset(0) is None  # the header is not article text


def test_clicking_an_entity_in_the_list_fills_the_card(shown, qtbot, synthetic):
    panel = shown.entity_panel
    tree = panel.tree
    proxy = tree.model()
    people = proxy.index(0, 0)
    lopez = proxy.index(0, 0, people)
    assert lopez.data(EntityIdRole) == "p1"
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualRect(lopez).center())
    card: EntityCard = shown.entity_card
    entity = synthetic.entity("p1")
    assert card.entity is entity
    assert card.name.text() == "Maria Lopez"
    assert "4 mentions" in card.kind.text()
    listing = card.mentions.toPlainText()
    assert listing.count("Lopez") >= 4
    for sentence in ("Maria Lopez met officials from Acme Corp in Paris on Monday.",
                     "Acme Corp denied everything, Lopez said."):
        assert sentence in " ".join(listing.split())
    assert "Quotes by Maria Lopez (2)" in listing  # the quotes by that entity
    # Every mention of the selected entity is marked in the text.
    focus = theme.current().focus_background
    for mention in entity.mentions:
        assert background(shown.view, mention.start) == focus
    acme = synthetic.entity("o1").mentions[0]
    assert background(shown.view, acme.start) != focus


def test_clicking_a_mention_in_the_text_shows_its_card(shown, qtbot, synthetic):
    acme = synthetic.entity("o1")
    with qtbot.waitSignal(shown.view.mentionClicked) as clicked:
        click_text(qtbot, shown.view, acme.mentions[1].start + 2)
    assert clicked.args == ["o1", acme.mentions[1].start]
    assert shown.entity_card.entity is acme
    assert shown.entity_card.current_index == 1
    assert shown.entity_panel.model.entity_at(
        shown.entity_panel.tree.model().mapToSource(shown.entity_panel.tree.currentIndex())) is acme


def test_clicking_plain_text_changes_nothing(shown, qtbot, synthetic):
    shown.select_entity("o1")
    click_text(qtbot, shown.view, synthetic.text.index("officials") + 2)
    assert shown.entity_card.entity.id == "o1"


def test_next_and_previous_mention_move_the_cursor(shown, qtbot, synthetic):
    shown.select_entity("p1")
    mentions = synthetic.entity("p1").mentions
    card = shown.entity_card
    qtbot.mouseClick(card.next_button, Qt.MouseButton.LeftButton)
    assert shown.view.selected_span() == (mentions[0].start, mentions[0].end)
    qtbot.mouseClick(card.next_button, Qt.MouseButton.LeftButton)
    assert shown.view.selected_span() == (mentions[1].start, mentions[1].end)
    assert card.position.text() == "2 of 4"
    shown.next_mention_action.trigger()  # Ctrl+]
    assert shown.view.selected_span() == (mentions[2].start, mentions[2].end)
    qtbot.mouseClick(card.previous_button, Qt.MouseButton.LeftButton)
    assert shown.view.selected_span() == (mentions[1].start, mentions[1].end)
    shown.previous_mention_action.trigger()
    shown.previous_mention_action.trigger()  # wraps round to the last
    assert shown.view.selected_span() == (mentions[3].start, mentions[3].end)
    assert shown.view.textCursor().position() == shown.view.offsets.position(mentions[3].start)


def _long_article():
    from reader.core.model import Analysis, Article, Block, Entity, Mention

    filler = "Nothing to see in this paragraph, which only takes up room on the page. " * 6
    parts, blocks, mentions, start = [], [], [], 0
    for i in range(80):
        body = filler + ("Alice Grey arrived." if i in (0, 79) else "")
        parts.append(body)
        blocks.append(Block(start, start + len(body), "p"))
        if i in (0, 79):
            s = start + len(filler)
            mentions.append(Mention(s, s + 10, "Alice Grey", "PERSON", "a"))
        start += len(body) + 2
    text = "\n\n".join(parts)
    article = Article("long.txt", text, tuple(blocks))
    return Analysis(article, (), (Entity("a", "Alice Grey", "PERSON", ("Alice Grey",), tuple(mentions)),), (), (),
                    "hand-made")


def test_next_mention_scrolls_a_long_article(window):
    analysis = _long_article()
    mentions = analysis.entities[0].mentions
    window.show_article(analysis.article)
    window.show_analysis(analysis)
    window.select_entity("a")
    bar = window.view.verticalScrollBar()
    window.next_mention_action.trigger()
    first = bar.value()
    window.next_mention_action.trigger()
    assert bar.value() > first + 1000
    assert window.view.selected_span() == (mentions[1].start, mentions[1].end)


def test_highlights_arriving_keep_the_readers_place(window):
    analysis = _long_article()
    window.show_article(analysis.article)
    bar = window.view.verticalScrollBar()
    bar.setValue(bar.maximum() // 2)
    place = bar.value()
    window.view.select_span(100, 120)
    bar.setValue(place)
    window.show_analysis(analysis)  # a new document is swapped in
    assert abs(bar.value() - place) <= 2
    assert window.view.selected_span() == (100, 120)
    view = window.view

    def top() -> int:
        return view.offsets.offset(view.cursorForPosition(QPoint(view.viewport().width() // 2, 5)).position())

    before = top()
    assert before > 1000
    window.zoom_in_action.trigger()  # zooming keeps the same paragraph at the top
    assert abs(top() - before) < 500


def test_toggling_a_type_removes_its_highlights(shown, qtbot, synthetic):
    view = shown.view
    paris = synthetic.entity("g1").mentions[0]
    lopez = synthetic.entity("p1").mentions[0]
    colour = theme.current().type_style("GPE").background
    assert background(view, paris.start) == colour
    button = shown.legend.button("GPE")
    assert button is not None and button.isChecked()
    with qtbot.waitSignal(shown.legend.hiddenChanged):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert background(view, paris.start) is None and view.painted_at(paris.start) is None
    assert background(view, lopez.start) == theme.current().type_style("PERSON").background  # others stay
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert background(view, paris.start) == colour


def test_legend_lists_types_with_counts(shown):
    texts = {label: shown.legend.button(label).text() for label in ("PERSON", "ORG", "GPE", "DATE")}
    assert texts["PERSON"] == "People 4"
    assert texts["ORG"] == "Organisations 2"
    assert texts["GPE"].endswith(" 1")


def test_find_marks_every_match_and_steps_through_them(shown, qtbot, synthetic):
    shown.find_action.trigger()
    assert shown.find_bar.isVisible()
    qtbot.keyClicks(shown.find_bar.query, "lopez")
    shown.find_bar.flush()
    matches = [m.span() for m in re.finditer("lopez", synthetic.text, re.IGNORECASE)]
    assert shown.find_bar.count.text() == f"1 of {len(matches)}"
    find = theme.current().find_background
    for start, _end in matches:
        assert background(shown.view, start) == find
    qtbot.keyClick(shown.find_bar.query, Qt.Key.Key_Return)
    assert shown.view.selected_span() == matches[1]
    qtbot.keyClick(shown.find_bar.query, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert shown.view.selected_span() == matches[0]
    qtbot.keyClick(shown.find_bar.query, Qt.Key.Key_Escape)
    assert not shown.find_bar.isVisible()
    assert background(shown.view, matches[0][0]) != find


def test_zoom_changes_the_reading_size_and_is_remembered(shown, settings):
    view = shown.view
    size = view.document().defaultFont().pointSizeF()
    shown.zoom_in_action.trigger()
    assert view.document().defaultFont().pointSizeF() > size
    assert settings.zoom() == 1
    shown.zoom_out_action.trigger()
    shown.zoom_out_action.trigger()
    assert view.document().defaultFont().pointSizeF() < size
    shown.zoom_reset_action.trigger()
    assert view.document().defaultFont().pointSizeF() == size
    assert settings.zoom() == 0
    # Highlights survive the rebuild.
    assert background(view, 0) == theme.current().type_style("PERSON").background


def test_keyboard_reaches_every_panel(shown, qtbot):
    shown.activateWindow()
    for action, widget in zip(shown.focus_actions, (shown.view, shown.entity_panel.tree, shown.entity_card.mentions,
                                                    shown.quote_panel.list, shown.link_inspector.table),
                              strict=False):
        action.trigger()
        qtbot.waitUntil(lambda w=widget: QApplication.focusWidget() is w, timeout=2000)
    for action in shown.focus_actions:
        assert action.shortcut().toString()


def test_reading_measure_is_about_seventy_characters(shown):
    shown.resize(1280, 800)
    view = shown.view
    frame = view.document().rootFrame().frameFormat()
    column = view.viewport().width() - frame.leftMargin() - frame.rightMargin()
    average = view.fontMetrics().averageCharWidth()
    assert 40 * average < column
    assert frame.leftMargin() > 10


def test_dark_theme_keeps_highlights_distinct(shown, synthetic):
    shown.set_theme(theme.DARK)
    view = shown.view
    person = synthetic.entity("p1").mentions[0]
    assert background(view, person.start) == theme.DARK.type_style("PERSON").background
    assert view.palette().base().color() == theme.DARK.paper
    shown.set_theme(theme.LIGHT)
    assert background(view, person.start) == theme.LIGHT.type_style("PERSON").background


def test_count_and_domain_columns_fit_their_widest_text(shown, synthetic):
    """Sized from font metrics (not ResizeToContents over every row), they still show their text whole."""
    tree = shown.entity_panel.tree
    widest_count = max(tree.model().index(g, 1).data() for g in range(tree.model().rowCount()))
    assert tree.header().sectionSize(1) > tree.fontMetrics().horizontalAdvance(str(widest_count))
    assert tree.header().sectionSize(1) > tree.header().fontMetrics().horizontalAdvance("Mentions")
    table = shown.link_inspector.table
    model = table.model()
    domains = [model.index(r, 1).data() for r in range(model.rowCount())]
    assert table.horizontalHeader().sectionSize(1) > max(table.fontMetrics().horizontalAdvance(d) for d in domains)


def _most_common_colour(image, rect) -> str:
    from collections import Counter

    rect = rect.toAlignedRect().intersected(image.rect())
    return Counter(image.pixelColor(x, y).name() for x in range(rect.left(), rect.right() + 1)
                   for y in range(rect.top(), rect.bottom() + 1)).most_common(1)[0][0]


def test_highlights_are_painted_on_their_words_after_zoom_resize_and_theme(shown, qtbot, synthetic):
    """The painted boxes sit on the mention's own characters (as wide as its text), whatever the wrap."""
    view = shown.view
    view.set_quote_marks_visible(False)  # only the entity colours under the words

    def check(current: theme.Theme) -> None:
        image = view.viewport().grab().toImage()
        for entity in synthetic.entities:
            for mention in entity.mentions:
                boxes = view.mark_boxes(mention.start, mention.end)
                assert boxes, mention
                words = [view.offsets.position(mention.start), view.offsets.position(mention.end)]
                assert boxes[0].left() <= view.cursorRect(_cursor(view, words[0])).left() + 1
                assert boxes[-1].right() >= view.cursorRect(_cursor(view, words[1])).left() - 1
                if view.viewport().rect().contains(boxes[0].center().toPoint()):
                    assert _most_common_colour(image, boxes[0]) == current.type_style(entity.label).background.name()

    check(theme.LIGHT if not view._theme.dark else theme.DARK)
    for steps in (3, -2):
        view.set_zoom(steps)
        check(view._theme)
    shown.resize(900, 800)  # the column narrows: the lines wrap elsewhere
    qtbot.wait(10)
    check(view._theme)
    shown.set_theme(theme.DARK)
    check(theme.DARK)
    shown.set_theme(theme.LIGHT)


def _cursor(view, position: int) -> QTextCursor:
    cursor = QTextCursor(view.document())
    cursor.setPosition(position)
    return cursor


def test_flagged_links_far_down_are_restyled_as_they_come_into_view(window):
    """An analysis restyles only the links near the view (each restyle lays out its block again)."""
    from dataclasses import replace

    from reader.core.model import Link, LinkSpan

    analysis = _long_article()
    text = analysis.text
    near, far = text.index("Nothing"), text.rindex("Nothing")
    spans = tuple(LinkSpan(s, s + 7, href=f"http://example.net/{s}") for s in (near, far))
    article = replace(analysis.article, links=spans)
    links = tuple(Link(s.start, s.end, text="Nothing", href=s.href, url=s.href, domain="example.net", scheme="http",
                       host="example.net", policy="confirm") for s in spans)
    analysis = replace(analysis, article=article, links=links)
    window.show_article(article)
    window.show_analysis(analysis)
    view = window.view

    def colour(offset: int):
        cursor = QTextCursor(view.document())
        cursor.setPosition(view.offsets.position(offset) + 1)
        return cursor.charFormat().foreground().color()

    warning = view._theme.link_warning
    assert colour(near) == warning
    assert colour(far) != warning  # not yet: far out of sight
    view.scroll_to_offset(far)
    assert colour(far) == warning
    assert "flagged" in view.tooltip_at(view.point_of(far + 1))
