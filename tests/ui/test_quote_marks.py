"""Quotes marked in the text: a tint and a margin bar per speaker, click to show, hover for the speaker."""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import QPoint, Qt

from reader.ui import theme

from .helpers import click_text


def _colours(image, rect) -> Counter:
    rect = rect.toAlignedRect().intersected(image.rect())
    return Counter(image.pixelColor(x, y).name() for x in range(rect.left(), rect.right() + 1)
                   for y in range(rect.top(), rect.bottom() + 1))


def _bar_point(view, quote) -> QPoint:
    """A viewport point on the quote's bar in the margin."""
    left, right = view._bar_span()
    box = view.mark_boxes(quote.start, quote.end)[0]
    return QPoint(round((left + right) / 2 - view.horizontalScrollBar().value()), round(box.center().y()))


def test_quotes_are_marked_by_speaker(shown, synthetic):
    view = shown.view
    assert view.quote_marks_visible()
    for index, quote in enumerate(synthetic.quotes):
        assert view.quote_at(quote.start) == index
        assert view.quote_at(quote.end - 1) == index
    assert view.quote_at(synthetic.text.index("officials")) is None
    colours = view._quote_colours
    assert colours[0] == colours[2]  # both by Maria Lopez
    assert colours[0] != colours[1]  # the critics
    assert colours[3] == view._theme.muted  # unattributed: grey


def test_quote_marks_are_painted_and_can_be_hidden(shown, qtbot):
    view = shown.view
    quote = shown.analysis.quotes[0]
    colour = view._quote_colours[0].name()
    bar = _bar_point(view, quote)
    image = view.viewport().grab().toImage()
    assert image.pixelColor(bar).name() == colour
    paper = view._theme.paper.name()
    box = view.mark_boxes(quote.start, quote.end)[0]
    tinted = _colours(image, box).most_common(1)[0][0]
    assert tinted != paper  # the words are tinted
    view.set_quote_marks_visible(False)
    image = view.viewport().grab().toImage()
    assert image.pixelColor(bar).name() == paper
    assert _colours(image, box).most_common(1)[0][0] == paper
    assert view.quote_at_point(view.point_of(quote.start + 2)) is None
    view.set_quote_marks_visible(True)
    assert view.quote_at_point(view.point_of(quote.start + 2)) == 0


def test_clicking_a_quote_reports_it(shown, qtbot, synthetic):
    view = shown.view
    quote = synthetic.quotes[0]
    with qtbot.waitSignal(view.quoteClicked) as clicked:
        click_text(qtbot, view, synthetic.text.index("rebuild") + 2)
    assert clicked.args == [0]
    with qtbot.waitSignal(view.quoteClicked) as clicked:  # its bar in the margin too
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=_bar_point(view, quote))
    assert clicked.args == [0]
    # A name inside a quote is still a name; plain text is nothing.
    with qtbot.assertNotEmitted(view.quoteClicked):
        click_text(qtbot, view, synthetic.text.index("officials") + 2)
    view.set_quote_marks_visible(False)
    with qtbot.assertNotEmitted(view.quoteClicked):
        click_text(qtbot, view, synthetic.text.index("rebuild") + 2)


def test_a_name_inside_a_quote_is_clicked_as_a_name(window, qtbot, synthetic):
    from dataclasses import replace

    # A quote around "Acme Corp denied everything": the name inside goes to the entity, the rest to the quote.
    start = synthetic.text.index("Acme Corp denied")
    end = start + len("Acme Corp denied everything")
    quote = replace(synthetic.quotes[0], start=start, end=end, text=synthetic.text[start:end])
    analysis = replace(synthetic, quotes=(quote,))
    window.show_article(analysis.article)
    window.show_analysis(analysis)
    view = window.view
    with qtbot.waitSignal(view.mentionClicked) as clicked, qtbot.assertNotEmitted(view.quoteClicked):
        click_text(qtbot, view, start + 1)
    assert clicked.args[0] == "o1"
    with qtbot.waitSignal(view.quoteClicked) as quoted:
        click_text(qtbot, view, synthetic.text.index("denied") + 2)
    assert quoted.args == [0]


def test_hovering_a_quote_names_its_speaker(shown, synthetic):
    view = shown.view
    tip = view.tooltip_at(view.point_of(synthetic.text.index("rebuild") + 1))
    assert tip == "Quote by Maria Lopez (said)"
    assert view.tooltip_at(view.point_of(synthetic.quotes[1].start + 1)) == "Term by Critics (called)"
    assert "unattributed" in view.tooltip_at(view.point_of(synthetic.quotes[3].start + 1))
    # A name outside quotes: the entity; a link: its target.
    lopez = synthetic.entity("p1").mentions[0]
    assert view.tooltip_at(view.point_of(lopez.start + 1)).startswith("Maria Lopez — person")
    link = synthetic.links[1]
    assert "203.0.113.9" in view.tooltip_at(view.point_of(link.start + 1))
    assert view.tooltip_at(view.point_of(synthetic.text.index("officials") + 1)) == ""


def test_dark_theme_gives_quotes_their_own_colours(shown):
    view = shown.view
    light = [c.name() for c in view._quote_colours]
    shown.set_theme(theme.DARK)
    dark = [c.name() for c in view._quote_colours]
    assert dark != light and dark[0] == dark[2]
    shown.set_theme(theme.LIGHT)


def test_scroll_to_offset_brings_text_into_view_without_selecting(window):
    from .test_reading import _long_article

    analysis = _long_article()
    window.show_article(analysis.article)
    window.show_analysis(analysis)
    view = window.view
    bar = view.verticalScrollBar()
    assert bar.value() == 0
    last = analysis.entities[0].mentions[-1]
    view.scroll_to_offset(last.start)
    assert bar.value() > 1000
    assert not view.textCursor().hasSelection()
    box = view.mark_boxes(last.start, last.end)[0]
    assert 0 <= box.top() < view.viewport().height()


def test_clicking_a_quote_in_the_text_chooses_it_in_the_quotes_list(shown, qtbot, synthetic):
    panel = shown.quote_panel
    shown.links_dock.raise_()  # another panel in front: the Quotes come forward
    click_text(qtbot, shown.view, synthetic.text.index("rebuild") + 2)
    quote = synthetic.quotes[0]
    assert panel.current_span() == (quote.start, quote.end)
    assert shown.view.selected_span() == (quote.start, quote.end)
    assert shown.quotes_dock.isVisible() and not shown.quotes_dock.visibleRegion().isEmpty()
    # A quote the speaker filter hides: all speakers are shown again, and it is chosen.
    panel.filter_speaker("p1")
    click_text(qtbot, shown.view, synthetic.quotes[3].start + 2)
    assert panel.speaker.currentIndex() == 0
    assert panel.current_span() == (synthetic.quotes[3].start, synthetic.quotes[3].end)


def test_the_legend_toggle_hides_the_quote_marks(shown, qtbot, synthetic):
    legend, view = shown.legend, shown.view
    button = legend.quotes_button
    assert button.text() == "Quotes" and button.isCheckable() and button.isChecked()
    assert not button.isHidden()  # the article has quotes
    quote = synthetic.quotes[0]
    bar = _bar_point(view, quote)
    colour = view._quote_colours[0].name()
    assert view.viewport().grab().toImage().pixelColor(bar).name() == colour
    with qtbot.waitSignal(legend.quoteMarksToggled) as toggled:
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert toggled.args == [False]
    assert not view.quote_marks_visible() and button.font().strikeOut()
    assert view.viewport().grab().toImage().pixelColor(bar).name() == view._theme.paper.name()
    with qtbot.assertNotEmitted(view.quoteClicked):
        click_text(qtbot, view, synthetic.text.index("rebuild") + 2)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert view.quote_marks_visible() and not button.font().strikeOut()
    # The toggle stays what the reader chose for the next article; an article without quotes hides it.
    legend.set_quote_marks_visible(False)
    shown.show_article(synthetic.article)
    assert not view.quote_marks_visible() and button.isHidden()
    shown.show_analysis(synthetic)
    assert not view.quote_marks_visible() and not button.isChecked() and not button.isHidden()
