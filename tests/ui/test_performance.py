"""A 1 MB article with 20,000 highlights is displayed and highlighted completely.

How long that takes is measured by the benchmark (bench/run.py, tests/ui/benchmark.py), not
asserted here: wall-clock limits in tests fail on a busy machine and pass on a fast one.
"""

from __future__ import annotations

from reader.ui import theme

from .benchmark import synthetic_megabyte


def test_one_megabyte_article_is_fully_highlighted(window, qtbot):
    analysis = synthetic_megabyte()
    assert len(analysis.text) >= 1_000_000
    window.show_article(analysis.article)
    window.show_analysis(analysis)
    qtbot.wait(1)
    mentions = [m for e in analysis.entities for m in e.mentions]
    assert len(mentions) >= 20_000
    view = window.view
    for mention in (mentions[0], mentions[len(mentions) // 2], mentions[-1]):
        expected = theme.current().type_style(mention.label).background
        assert view.painted_at(mention.start).background == expected, mention
    # Selecting an entity marks its mentions (and only restyles those).
    entity = analysis.entities[0]
    window.select_entity(entity.id)
    assert window.entity_card.entity is entity
    assert f"{len(entity.mentions)} mentions" in window.entity_card.kind.text()
