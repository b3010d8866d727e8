"""HTML -> plain text with block and link spans.

The text is built the way a browser lays it out: runs of whitespace collapse to one
space, block elements start new paragraphs, <br> breaks a line, scripts and styles
vanish. Offsets of blocks and links are indices into the text this module builds,
so they never drift from what is shown.

lxml does the parsing (fast, tolerant of broken markup); the walk is iterative so
deeply nested documents cannot exhaust the Python stack.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import lxml.etree
import lxml.html

from .model import Block, LinkSpan

# Elements whose content is never part of the readable text.
SKIPPED = frozenset(
    "script style noscript template head title svg math iframe object embed canvas "
    "select option button textarea input form nav aside footer".split()
)
BLOCKS = frozenset(
    "p div section article main header h1 h2 h3 h4 h5 h6 ul ol li dl dt dd blockquote "
    "pre figure figcaption table thead tbody tfoot tr td th caption address hr body html "
    "center details summary".split()
)
BLOCK_KIND = {"h1": "h1", "h2": "h2", "h3": "h3", "h4": "h4", "h5": "h5", "h6": "h6",
              "li": "li", "blockquote": "blockquote", "pre": "pre", "dt": "li", "dd": "li"}
_WHITESPACE = re.compile(r"[ \t\n\r\f\v\u00a0\u200b]+")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


@dataclass(frozen=True)
class HtmlText:
    text: str
    blocks: tuple[Block, ...]
    links: tuple[LinkSpan, ...]
    base_href: str | None
    title: str | None


class _TextBuilder:
    """Accumulates text with browser-like whitespace handling and records block spans."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.pending_space = False
        self.pending_break = 0  # 0 none, 1 line break, 2 paragraph break
        self.blocks: list[Block] = []
        self.block_start: int | None = None
        self.block_kind = "p"
        self.kind_stack: list[str] = []  # kinds of the open block elements, innermost last

    def add_text(self, raw: str, preformatted: bool = False) -> None:
        if not raw:
            return
        raw = _CONTROL.sub("", raw)
        if preformatted:
            self._emit(raw.replace("\r\n", "\n").replace("\r", "\n"))
            return
        words = _WHITESPACE.split(raw)
        if words[0] == "" and self.length:
            self.pending_space = True
        content = " ".join(word for word in words if word)
        if content:
            self._emit(content)
            if words[-1] == "":
                self.pending_space = True

    def _emit(self, chunk: str) -> None:
        if self.length:
            if self.pending_break:
                if self.pending_break == 2:
                    self._record_block()
                separator = "\n\n" if self.pending_break == 2 else "\n"
                self.parts.append(separator)
                self.length += len(separator)
            elif self.pending_space and not self._ends_with_space():
                self.parts.append(" ")
                self.length += 1
        self.pending_space = False
        self.pending_break = 0
        if self.block_start is None:
            self.block_start = self.length
            self.block_kind = next((kind for kind in reversed(self.kind_stack) if kind != "p"), "p")
        self.parts.append(chunk)
        self.length += len(chunk)

    def flush_space(self) -> int:
        """Write a pending inline space now (it belongs to the run being built) and return the length."""
        if self.length and not self.pending_break and self.pending_space and not self._ends_with_space():
            self.parts.append(" ")
            self.length += 1
        if not self.pending_break:
            self.pending_space = False
        return self.length

    def _ends_with_space(self) -> bool:
        return bool(self.parts) and self.parts[-1][-1:].isspace()

    def break_block(self) -> None:
        if self.length:
            self.pending_break = 2
        self.pending_space = False

    def break_line(self) -> None:
        if self.length and self.pending_break == 0:
            self.pending_break = 1
        self.pending_space = False

    def _record_block(self) -> None:
        if self.block_start is not None and self.length > self.block_start:
            self.blocks.append(Block(self.block_start, self.length, self.block_kind))
        self.block_start = None

    def finish(self) -> tuple[str, tuple[Block, ...]]:
        self._record_block()
        return "".join(self.parts), tuple(self.blocks)


def parse_html(markup: str) -> lxml.html.HtmlElement:
    """Parse a full page or a fragment into one tree; never raises on bad markup."""
    parser = lxml.html.HTMLParser(remove_comments=True, remove_pis=True, recover=True,
                                  no_network=True, huge_tree=True)
    stripped = markup.strip()
    if not stripped:
        return lxml.html.fromstring("<div></div>")
    try:
        root = lxml.html.document_fromstring(markup, parser=parser)
    except (lxml.etree.ParserError, ValueError):
        root = lxml.html.fromstring("<div></div>")
        root.text = markup
    return root


def html_to_text(markup: str) -> HtmlText:
    return tree_to_text(parse_html(markup))


def tree_to_text(root: lxml.html.HtmlElement) -> HtmlText:
    base_href = None
    for base in root.iter("base"):
        if base.get("href"):
            base_href = base.get("href").strip()
            break
    title = None
    for element in root.iter("title"):
        title = " ".join((element.text_content() or "").split()) or None
        break

    builder = _TextBuilder()
    links: list[LinkSpan] = []
    open_links: list[tuple[int, lxml.html.HtmlElement]] = []
    pre_depth = 0
    skip_depth = 0

    for event, element in lxml.etree.iterwalk(root, events=("start", "end")):
        tag = element.tag if isinstance(element.tag, str) else ""
        tag = tag.lower().rpartition("}")[2]
        if event == "start":
            if skip_depth or tag in SKIPPED or not tag or _hidden(element):
                skip_depth += 1
                continue
            if tag in BLOCKS:
                builder.break_block()
                builder.kind_stack.append(BLOCK_KIND.get(tag, "p"))
            if tag == "br":
                builder.break_line()
            elif tag == "pre":
                pre_depth += 1
            elif tag == "a" and element.get("href") is not None:
                open_links.append((builder.flush_space(), element))
            builder.add_text(element.text or "", preformatted=pre_depth > 0)
        else:
            if skip_depth:
                skip_depth -= 1
                if skip_depth == 0:
                    builder.add_text(element.tail or "", preformatted=pre_depth > 0)
                continue
            if tag == "pre":
                pre_depth -= 1
            if tag == "a" and open_links and open_links[-1][1] is element:
                start, _ = open_links.pop()
                end = builder.flush_space()  # a trailing space inside the link text is part of it
                if end > start:
                    href = element.get("href") or ""
                    links.append(LinkSpan(start, end, href.strip(), element.get("title")))
            if tag in BLOCKS:
                builder.break_block()
                builder.kind_stack.pop()
            builder.add_text(element.tail or "", preformatted=pre_depth > 0)

    text, blocks = builder.finish()
    links.sort(key=lambda link: (link.start, link.end))
    return HtmlText(text, blocks, tuple(links), base_href, title)


def _hidden(element: lxml.html.HtmlElement) -> bool:
    if element.get("hidden") is not None or element.get("aria-hidden") == "true":
        return True
    style = (element.get("style") or "").replace(" ", "").lower()
    return "display:none" in style or "visibility:hidden" in style
