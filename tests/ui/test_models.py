"""The Qt models pass Qt's model tester with real and hand-made data."""

from __future__ import annotations

import pytest

from reader.ui.entity_panel import EntityIdRole, EntityModel
from reader.ui.link_inspector import LinkModel
from reader.ui.quote_panel import QuoteModel

pytestmark = pytest.mark.usefixtures("qapp")


def test_entity_model(qtmodeltester, synthetic, sample_analysis):
    model = EntityModel()
    model.set_analysis(synthetic)
    qtmodeltester.check(model)
    model.set_analysis(sample_analysis)
    qtmodeltester.check(model)
    model.set_analysis(None)
    qtmodeltester.check(model)


def test_entity_model_groups_by_type_sorted_by_mentions(sample_analysis):
    model = EntityModel()
    model.set_analysis(sample_analysis)
    labels = []
    for g in range(model.rowCount()):
        group = model.index(g, 0)
        counts = [model.index(r, 1, group).data() for r in range(model.rowCount(group))]
        assert counts == sorted(counts, reverse=True)
        assert model.index(g, 1).data() == sum(counts)
        labels.append({model.entity_at(model.index(r, 0, group)).label for r in range(model.rowCount(group))})
    assert all(len(kinds) == 1 for kinds in labels)
    first = model.index(0, 0, model.index(0, 0))
    assert model.index_of(first.data(EntityIdRole)) == first


def test_quote_model(qtmodeltester, synthetic, sample_analysis):
    model = QuoteModel()
    for analysis in (synthetic, sample_analysis, None):
        model.set_analysis(analysis)
        qtmodeltester.check(model)


def test_link_model(qtmodeltester, synthetic, sample_analysis):
    model = LinkModel()
    for analysis in (synthetic, sample_analysis, None):
        model.set_analysis(analysis)
        qtmodeltester.check(model)
