"""Markdown -> HTML with markdown-it-py (CommonMark); raw HTML inside Markdown stays inert text.

Bounded: markdown-it's inline parser costs ~10 s per MB on a paragraph made of emphasis delimiters,
brackets or backticks (``*a _b `` x 100,000), for text nobody wrote by hand. A paragraph holding more
than ``MAX_DELIMITERS`` of them is shown as the plain text it is (escaped, in a ``<p>``), the rest of
the document rendered as usual; such a document is rendered block by block (blank-line separated).
"""

import html
import re

from markdown_it import MarkdownIt

_RENDERER = MarkdownIt("commonmark", {"html": False})
MAX_DELIMITERS = 5_000  # a long real paragraph has a few dozen
_BLOCK_BREAK = re.compile(r"\n[ \t]*\n")
_DELIMITERS = re.compile(r"[*_\[\]`<!]")  # not ">": block quote markers cost little (markdown-it caps nesting)


def markdown_to_html(source: str) -> str:
    if len(_DELIMITERS.findall(source)) <= MAX_DELIMITERS:
        return _render(source)
    parts = []
    for block in _BLOCK_BREAK.split(source):
        if len(_DELIMITERS.findall(block)) > MAX_DELIMITERS:
            parts.append(f"<p>{html.escape(block)}</p>\n")
        else:
            parts.append(_render(block))
    return "".join(parts)


def _render(source: str) -> str:
    return str(_RENDERER.render(source))
