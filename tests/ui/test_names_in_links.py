"""Issue 10, defect 1: a name that is also a link shows its entity card; the link stays reachable."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt

from reader.core.model import Link, LinkSpan

from .conftest import TEXT, at
from .helpers import click_text


def _paris_is_a_link(synthetic):
    start, end = at(TEXT, "Paris")
    href = "https://example.org/paris"
    span = LinkSpan(start, end, href=href)
    link = Link(start, end, text="Paris", href=href, url=href, domain="example.org", scheme="https",
                host="example.org", display_url=href, policy="open")
    article = replace(synthetic.article, links=(span, *synthetic.article.links))
    return replace(synthetic, article=article, links=(link, *synthetic.links))


def test_clicking_a_name_inside_a_link_shows_its_card_and_keeps_the_quotes_tab(window, qtbot, synthetic):
    analysis = _paris_is_a_link(synthetic)
    window.show_article(analysis.article)
    window.show_analysis(analysis)
    window.quotes_dock.raise_()
    qtbot.wait(20)
    assert window.quote_panel.isVisible()
    paris = analysis.entity("g1").mentions[0]
    click_text(qtbot, window.view, paris.start + 2)
    qtbot.wait(20)
    assert window.entity_card.entity is not None and window.entity_card.entity.id == "g1"
    assert window.quote_panel.isVisible()  # the Quotes tab was not swapped for Links
    current = window.link_inspector.current_link()  # the link is marked in the inspector all the same
    assert current is not None and current.start == paris.start


def test_a_name_inside_a_link_can_still_be_opened_with_ctrl_click(window, qtbot, synthetic, opened):
    analysis = _paris_is_a_link(synthetic)
    window.show_article(analysis.article)
    window.show_analysis(analysis)
    paris = analysis.entity("g1").mentions[0]
    click_text(qtbot, window.view, paris.start + 2, Qt.KeyboardModifier.ControlModifier)
    assert opened == ["https://example.org/paris"]


def test_a_plain_link_still_opens_the_inspector(shown, qtbot, synthetic):
    shown.quotes_dock.raise_()
    start, _ = at(TEXT, "the report here")
    click_text(qtbot, shown.view, start + 5)
    qtbot.wait(20)
    assert shown.link_inspector.isVisible()
    assert shown.link_inspector.current_link().start == start
