"""Invariants every loaded article must satisfy, whatever went in (shared by the hostile-input tests)."""

from __future__ import annotations


def check_article(article) -> None:
    text = article.text
    assert isinstance(text, str) and text.strip()
    assert not any(ch < " " and ch not in "\n\t" for ch in text)
    assert not any("\ud800" <= ch <= "\udfff" for ch in text)
    previous = 0
    for block in article.blocks:
        assert previous <= block.start < block.end <= len(text)
        previous = block.end
    previous_link = (0, 0)
    for link in article.links:
        assert 0 <= link.start < link.end <= len(text)
        assert (link.start, link.end) >= previous_link
        previous_link = (link.start, link.end)
