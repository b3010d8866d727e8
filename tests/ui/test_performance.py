"""A 1 MB article with 20,000 highlights is displayed without a long freeze of the GUI thread."""

from __future__ import annotations

import time

from .benchmark import synthetic_megabyte


def test_one_megabyte_article_displays_and_highlights_quickly(window, qtbot):
    analysis = synthetic_megabyte()
    assert len(analysis.text) >= 1_000_000
    started = time.perf_counter()
    window.show_article(analysis.article)
    window.show_analysis(analysis)
    qtbot.wait(1)
    elapsed = time.perf_counter() - started
    assert sum(len(e.mentions) for e in analysis.entities) >= 20_000
    assert elapsed < 6.0, f"{elapsed:.2f} s"  # typically ~1 s here; generous for a busy CI machine
    # Selecting an entity restyles only its mentions.
    started = time.perf_counter()
    window.select_entity(analysis.entities[0].id)
    assert time.perf_counter() - started < 1.0
