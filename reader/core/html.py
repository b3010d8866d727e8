"""HTML -> plain text with block and link spans.

The text is built the way a browser lays it out: runs of whitespace collapse to one
space, block elements start new paragraphs, <br> breaks a line, scripts and styles
vanish. Offsets of blocks and links are indices into the text this module builds,
so they never drift from what is shown.

lxml does the parsing (fast, tolerant of broken markup); the walk is iterative so
deeply nested documents cannot exhaust the Python stack. A loaded page gets here after
``page.read_page`` (BeautifulSoup) has cleaned it up; ``drop_invisible``, ``shrink`` and
``hides`` are shared with it.
"""

from __future__ import annotations

import html as html_lib
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
_SURROGATE = re.compile(r"[\ud800-\udfff]")
_UNWANTED = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
_TOKEN = re.compile(r"<!--.*?(?:-->|$)|<!.*?>|<(/?)([A-Za-z][^\s/>]*)[^>]*>", re.S)
# The lookahead on the first letter lets a "<" that starts none of them fail at once: 20 MB of "<" in 0.3 s, not 1.6.
_INVISIBLE_START = re.compile(r"<(?=[!sStTnN])(?:!--|(?i:(script|style|svg|noscript|template))\b[^>]*>)")
# A long data: URL in an attribute (inline images, fonts): never shown. A link's href is kept (it is the link).
_LONG_DATA_URL = re.compile(r"""(["'])(?<![Hh][Rr][Ee][Ff]=["'])data:[^"'<>]{512,}\1""")
_ANY_TAG = re.compile(r"<!--.*?(?:-->|$)|<[^>]*>", re.S)
# An inline declaration that hides: "display:none" or "visibility:hidden", any case and spacing, "!important" or not.
_HIDING_STYLE = re.compile(
    r"(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\s*(?:!\s*important\s*)?(?:;|$)", re.I)
MAX_DEPTH = 512
MAX_TAG_CHARS = 65_536  # a tag (its attributes) longer than this keeps only its name (cap_tags)
MAX_TAG_UNITS = 8_192  # ... or more than this many characters and quoted values (80k short attributes)
# ... or one attribute value this long, "<" inside it or not ("<div title="<<<..." of 20 MB). Higher than
# MAX_TAG_CHARS: values holding "<" (inline SVG data: URLs, JSON props holding HTML) honestly reach hundreds
# of KB, and capping drops the tag's other attributes (a hiding style among them).
MAX_VALUE_CHARS = 1_000_000
# A tag start followed by a long stretch without "<" or ">", or by many attribute pieces (a quoted value is one,
# ">" inside it included), or by a quoted value of MAX_VALUE_CHARS ("<" inside it included), or by an unquoted
# value as long (up to a space, ">" or "="). "<" outside a quoted value ends every look, so "<a<a<a..." costs
# each start one step, not a scan; a quoted value is read by the start whose look reaches it (and at most by
# the last start inside it), an unquoted one only right after its "=". One pass counts the pieces and finds a
# long value: a piece's quoted value is read up to MAX_VALUE_CHARS only, so no start reads a long one twice.
_PIECE = rf"""(?:[^<>"']|"[^"]{{0,{MAX_VALUE_CHARS - 1}}}+"|'[^']{{0,{MAX_VALUE_CHARS - 1}}}+')"""
_LONG_TAG = re.compile(rf"""<([A-Za-z][^\s/>"'=<]{{0,64}})"""
                       rf"""(?=[^<>]{{{MAX_TAG_CHARS}}}|{_PIECE}{{0,{MAX_TAG_UNITS - 1}}}+"""
                       rf"""(?:{_PIECE}|"[^"]{{{MAX_VALUE_CHARS}}}|'[^']{{{MAX_VALUE_CHARS}}}"""
                       rf"""|(?<==)[^\s>=]{{{MAX_VALUE_CHARS}}}))""")
_TAG_REST = re.compile(r"""(?:[^>"']++|"[^"]*+"|'[^']*+')*+>""")
MAX_OPEN_BRACKETS = 1_000  # "<" between two ">": more is an attack on the parser, not markup (cap_tags)
_TAG_OPEN = re.compile(r"<[A-Za-z/!?]")
_SCRIPT_OPEN = re.compile(r"<script\b[^<>]*+>", re.IGNORECASE)
_SCRIPT_CLOSE = re.compile(r"</script\s*>", re.IGNORECASE)
MAX_MARKUP_CHARS = 20_000_000  # beyond this (after dropping scripts and styles) the markup is cut
# Paragraphs: each is a region of its own for the NER (~0.3 ms of spaCy even when it holds one letter), so a
# million tiny <p> cost minutes; a 170,000-word book has ~5,000. Beyond this the text is cut (``truncated``).
MAX_BLOCKS = 10_000
MAX_TEXT_CHARS = 1_000_000  # ~170,000 words: far beyond any article; keeps every later stage bounded
VOID = frozenset("area base br col embed hr img input link meta param source track wbr keygen".split())
_UNKNOWN_VOID = ("embed", "source", "track", "wbr", "keygen", "bgsound", "image")
RAW_TEXT = frozenset("script style textarea title xmp iframe noembed noframes".split())


@dataclass(frozen=True)
class HtmlText:
    text: str
    blocks: tuple[Block, ...]
    links: tuple[LinkSpan, ...]
    base_href: str | None
    title: str | None
    truncated: bool = False  # the text reached MAX_TEXT_CHARS and the rest was left out


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
    """Parse a full page or a fragment into one tree; never raises on bad markup, never loses text.

    The parser never touches the network (``no_network``; lxml has no fetching HTML parser
    anyway), and nothing here loads images, styles or scripts. libxml2 gives up on documents
    nested deeper than 2048 elements and then silently returns an empty tree; such documents
    are flattened below a sane depth and parsed again, so their text survives.
    """
    markup = sanitize(markup)
    if not markup.strip():
        return lxml.html.fromstring("<div></div>")
    root, too_deep = _parse(markup)
    if too_deep:
        for limit in (MAX_DEPTH, 64):
            root, too_deep = _parse(flatten(markup, limit))
            if not too_deep:
                break
        else:  # the flattener's idea of the tree differs too much from libxml2's
            root = None
    if root is None:  # keep the words at least
        root = lxml.html.fromstring("<div></div>")
        root.text = sanitize(html_lib.unescape(_ANY_TAG.sub(" ", markup)))
    _close_void_elements(root)
    return root


def _close_void_elements(root: lxml.html.HtmlElement) -> None:
    """libxml2 does not know <source>, <embed>, <track>, <wbr> are empty and nests what follows inside them.

    In HTML they never have content: move it back out, after the element, where a browser puts it
    (otherwise the text after an <embed> or a <picture>'s <source> would vanish with it).
    """
    for element in list(root.iter(*_UNKNOWN_VOID)):
        children = list(element)
        if not children and not element.text:
            continue
        parent = element.getparent()
        if parent is None:
            continue
        tail = element.tail
        element.tail, element.text = element.text, None
        index = parent.index(element)
        for offset, child in enumerate(children, start=1):
            parent.insert(index + offset, child)
        last = children[-1] if children else element
        last.tail = (last.tail or "") + (tail or "") or None


def sanitize(markup: str) -> str:
    """Remove what libxml2 refuses or mangles: NUL and other C0 controls, lone surrogates, an XML declaration."""
    if _UNWANTED.search(markup):  # one scan in the common case: nothing to remove
        markup = _SURROGATE.sub("\ufffd", _CONTROL.sub("", markup))
    return _XML_DECLARATION.sub("", markup, count=1)


def _parse(markup: str) -> tuple[lxml.html.HtmlElement | None, bool]:
    parser = lxml.html.HTMLParser(remove_comments=True, remove_pis=True, recover=True,
                                  no_network=True, huge_tree=True)
    try:
        root = lxml.html.document_fromstring(markup, parser=parser)
    except (lxml.etree.ParserError, ValueError):
        return None, _too_deep(parser)
    return root, _too_deep(parser)


def _too_deep(parser: lxml.html.HTMLParser) -> bool:
    return any("Excessive depth" in error.message for error in parser.error_log)


def flatten(markup: str, limit: int = 512) -> str:
    """Drop the tags that open deeper than ``limit`` (their text stays, blocks become line breaks).

    A linear tokenizer, used only after libxml2 refused a document for its depth. (selectolax's
    lexbor parser would also do, but its tree builder is quadratic in the depth: 23 s at 100,000
    nested divs.)
    """
    out: list[str] = []
    stack: list[tuple[str, bool, bool]] = []  # (tag, written out, counts towards the depth)
    kept = 0
    position = 0
    while True:
        match = _TOKEN.search(markup, position)
        if match is None:
            out.append(markup[position:])
            break
        out.append(markup[position:match.start()])
        position = match.end()
        closing, name = match.group(1), (match.group(2) or "").lower()
        if not name:  # a comment or doctype
            out.append(match.group(0))
            continue
        tag = match.group(0)
        block = "<br>" if name in BLOCKS else ""
        if not closing:
            if name in RAW_TEXT:
                end = re.compile(rf"</{re.escape(name)}\s*>", re.I).search(markup, position)
                stop = end.end() if end else len(markup)
                if kept < limit:
                    out.append(tag + markup[position:stop])
                position = stop
            elif name in VOID or tag.endswith("/>"):
                out.append(tag if kept < limit else block)
            elif name == "a":  # links always survive; they cannot nest, so they add no depth
                stack.append((name, True, False))
                out.append(tag)
            else:
                keep = kept < limit
                stack.append((name, keep, keep))
                kept += keep
                out.append(tag if keep else block)
            continue
        for index in range(len(stack) - 1, max(-1, len(stack) - 65), -1):
            if stack[index][0] == name:
                keep = stack[index][1]
                kept -= sum(entry[2] for entry in stack[index:])
                del stack[index:]
                out.append(tag if keep else block)
                break
    return "".join(out)


def shrink(markup: str, limit: int = MAX_MARKUP_CHARS) -> tuple[str, bool]:
    """Make a document parseable in bounded time and memory: drop what is never shown, keep the first part.

    What ``drop_invisible`` removes goes first (it makes most of a very large saved page); then,
    if still longer than ``limit``, the markup is cut at a tag boundary (the text beyond would
    exceed MAX_TEXT_CHARS anyway). Returns the markup and whether anything was cut.
    """
    markup = cap_tags(drop_invisible(markup))
    if len(markup) <= limit:
        return markup, False
    cut = markup.rfind("<", 0, limit)
    return markup[:cut if cut > limit // 2 else limit], True


def cap_tags(markup: str) -> str:
    """Tags longer than ``MAX_TAG_CHARS`` lose their attributes: ``<div a0=.. a1=.. ... a79999=..>`` -> ``<div>``.

    No honest element has 80,000 attributes (libxml2 and bs4 take 11 s on them, minutes at 300,000) or a
    30 MB attribute value (which pushed the article past the markup cap: "no readable text"). The search
    is linear: each tag start looks ahead to its first ``>`` only; the true end of a long tag is found
    with a quote-aware pattern that cannot backtrack.
    """
    if len(markup) <= MAX_TAG_CHARS:
        return markup
    markup = _defuse_open_brackets(markup)
    parts: list[str] = []
    position = 0
    while (match := _LONG_TAG.search(markup, position)) is not None:
        end = _TAG_REST.match(markup, match.end())
        parts.append(markup[position:match.start()])
        parts.append(f"<{match.group(1)}>")
        position = end.end() if end else len(markup)
    if not parts:
        return markup
    parts.append(markup[position:])
    return "".join(parts)


def _defuse_open_brackets(markup: str) -> str:
    """Between two ``>``, more than MAX_OPEN_BRACKETS ``<``: all but the tag's own become `` &lt;`` (not in scripts).

    ``<div <a0 <a1 ... <a79999>`` is one tag whose attribute names start with "<" (HTML's tokenizer reads
    them so); libxml2 compares each new attribute with every one before it: 20,000 take 1 s to parse, and
    trafilatura's second parse 3 s more; 80,000 take minutes. The look-ahead of ``cap_tags`` stops at
    every "<" (so that "<a<a<a..." costs each start one step), so it never saw such a tag as long. As
    "&lt;" the brackets are plain attribute-name characters, the tag is long, and ``cap_tags`` keeps its
    name only. Harmless where honest: in text and in attribute values "&lt;" means "<", and a real tag
    has its ">" in the same stretch. Linear: one split at ">" and one count per stretch.
    """
    if markup.count("<") <= MAX_OPEN_BRACKETS:
        return markup
    if _SCRIPT_OPEN.search(markup):  # a script's text is raw: its "<" start nothing (JSON-LD is kept)
        parts: list[str] = []
        position = 0
        while (opening := _SCRIPT_OPEN.search(markup, position)) is not None:
            closing = _SCRIPT_CLOSE.search(markup, opening.end())
            stop = closing.end() if closing else len(markup)  # unclosed: the rest is the script's
            parts += [_defuse_stretches(markup[position:opening.start()]), markup[opening.start():stop]]
            position = stop
        parts.append(_defuse_stretches(markup[position:]))
        return "".join(parts)
    return _defuse_stretches(markup)


def _defuse_stretches(markup: str) -> str:
    stretches = markup.split(">")
    changed = False
    for index, stretch in enumerate(stretches):
        if stretch.count("<") > MAX_OPEN_BRACKETS:
            tag = _TAG_OPEN.search(stretch)
            keep = tag.start() + 1 if tag else 0
            # The space ends the tag's name where the first escaped "<" stood ("<a<a<a..." is the tag "a").
            stretches[index] = stretch[:keep] + stretch[keep:].replace("<", " &lt;")
            changed = True
    return ">".join(stretches) if changed else markup


def drop_invisible(markup: str) -> str:
    """The markup without scripts, styles, SVG, noscript, templates, comments and long data: URLs.

    None of it is ever shown, and on a real page it is often most of the bytes: dropping it
    before any parser runs keeps parsing time and tree memory down. JSON-LD scripts stay (the
    page's metadata, and trafilatura's fallback text). Linear: every search moves forward.
    """
    parts: list[str] = []
    position = 0
    while True:
        match = _INVISIBLE_START.search(markup, position)
        if match is None:
            parts.append(markup[position:])
            break
        parts.append(markup[position:match.start()])
        if match.group(0).startswith("<!--"):
            end = markup.find("-->", match.end())
            stop = end + 3 if end >= 0 else len(markup)
        else:
            closing = re.compile(rf"</{re.escape(match.group(1))}\s*>", re.I).search(markup, match.end())
            stop = closing.end() if closing else len(markup)
            if "ld+json" in match.group(0).lower():  # the page's metadata: small, keep it
                parts.append(markup[match.start():stop])
        position = stop
    markup = "".join(parts)
    return _LONG_DATA_URL.sub(r"\1data:,\1", markup) if "data:" in markup else markup


def html_to_text(markup: str, max_chars: int = MAX_TEXT_CHARS) -> HtmlText:
    return tree_to_text(parse_html(markup), max_chars)


def tree_to_text(root: lxml.html.HtmlElement, max_chars: int = MAX_TEXT_CHARS) -> HtmlText:
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
    truncated = False

    for event, element in lxml.etree.iterwalk(root, events=("start", "end")):
        if builder.length > max_chars or len(builder.blocks) > MAX_BLOCKS:
            truncated = True
            break
        tag = element.tag if isinstance(element.tag, str) else ""
        tag = tag.lower().rpartition("}")[2]
        if event == "start":
            if skip_depth or not tag or (tag in SKIPPED and not _holds_article(element, tag)) or is_hidden(element):
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
    if truncated:
        limit = blocks[MAX_BLOCKS - 1].end + 1 if len(blocks) > MAX_BLOCKS else max_chars  # + 1: its "\n\n" too
        text, blocks, links = _cut(text, blocks, links, limit)
    links.sort(key=lambda link: (link.start, link.end))
    return HtmlText(text, blocks, tuple(links), base_href, title, truncated)


def _cut(text: str, blocks: tuple[Block, ...], links: list[LinkSpan],
         limit: int) -> tuple[str, tuple[Block, ...], list[LinkSpan]]:
    """Cut the text at the last paragraph break before ``limit`` (or at ``limit``), with what lies inside."""
    end = text.rfind("\n\n", 0, limit + 1)
    end = end if end > limit // 2 else limit
    text = text[:end].rstrip()
    end = len(text)
    kept_blocks = tuple(block if block.end <= end else Block(block.start, end, block.kind)
                        for block in blocks if block.start < end)
    return text, kept_blocks, [link for link in links if link.end <= end]


def _holds_article(element: lxml.html.HtmlElement, tag: str) -> bool:
    """Some sites (ASP.NET WebForms) wrap the whole page in one <form>: keep a form that holds paragraphs."""
    return tag == "form" and next(element.iter("p", "article", "main"), None) is not None


def is_hidden(element: lxml.html.HtmlElement) -> bool:
    return hides(element.get("hidden"), element.get("aria-hidden"), element.get("style"))


def hides(hidden: str | None, aria_hidden: str | None, style: str | None) -> bool:
    """Do these attribute values hide an element? Shared by the lxml walker and the BeautifulSoup clean-up.

    ``hidden="until-found"`` is content the browser reveals on search (collapsed sections): shown.
    """
    if hidden is not None and hidden.strip().lower() != "until-found":
        return True
    if aria_hidden is not None and aria_hidden.strip().lower() == "true":
        return True
    return style is not None and _HIDING_STYLE.search(style) is not None


def drop_hidden(root: lxml.html.HtmlElement) -> int:
    """Remove hidden elements from an lxml tree; returns how many. The same rule as ``page`` applies on its tree:
    an element holding most of the page's text stays (a modal sets aria-hidden on the whole app behind it)."""
    hidden = []
    walker = lxml.etree.iterwalk(root, events=("start",))
    for _, element in walker:
        if isinstance(element.tag, str) and is_hidden(element):
            hidden.append(element)
            walker.skip_subtree()  # the outermost of a nest is enough
    if not hidden:
        return 0
    half = len(root.text_content()) / 2
    dropped = [element for element in hidden if element.getparent() is not None and len(element.text_content()) <= half]
    for element in dropped:
        element.drop_tree()
    return len(dropped)
