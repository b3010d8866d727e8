"""Markdown -> HTML with markdown-it-py (CommonMark); raw HTML inside Markdown stays inert text."""

from markdown_it import MarkdownIt

_RENDERER = MarkdownIt("commonmark", {"html": False})


def markdown_to_html(source: str) -> str:
    return _RENDERER.render(source)
