"""Full saved web pages: tell them from clean fragments, find the main article, read the metadata.

trafilatura picks the main content (it scores best on the public article-extraction
benchmarks, is actively maintained, and already falls back to its readability and jusText
ports when its own heuristics find too little). Its output is a small XML tree (``p``,
``head``, ``list``/``item``, ``quote``, ``hi``, ``ref``, ``lb``, ``table``/``row``/``cell``)
that keeps the source's whitespace; ``to_html`` renames it back to HTML and the project's
own walker (``html.tree_to_text``) turns it into text, so block and link offsets are
computed exactly as for any other document.

Links are kept raw: trafilatura is never given a URL, so it cannot resolve them; the link
inspector resolves them later against ``Article.base_url``.

Nothing here touches the network: trafilatura only ever receives an already parsed tree.
"""

from __future__ import annotations

import contextlib
import logging
import re
from collections.abc import Iterable, Iterator
from configparser import ConfigParser
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import lxml.etree
import lxml.html

from .html import HtmlText, drop_hidden, tree_to_text
from .page import Page, clean_byline, clean_title, site_names

for _name in ("trafilatura", "htmldate", "courlan", "justext"):  # their warnings are not the reader's
    logging.getLogger(_name).addHandler(logging.NullHandler())

EXTRACTED_NOTICE = "Main article extracted from a full web page; navigation and comments left out."
WHOLE_PAGE_NOTICE = "Could not tell the article from the rest of the page; showing the whole page."
TOO_BIG_NOTICE = "The page is too large to pick out its main article; showing the whole page."
# Beyond these the page is read whole: extraction copies the tree several times and costs ~11 µs
# per element (1.8 s at 160,000 elements), far more when one element has thousands of children.
EXTRACTION_LIMIT = 15_000_000  # characters of markup
MAX_ELEMENTS = 200_000
MAX_LINKS = 20_000
CROWDED = 1_000  # children of one element beyond which inline wrappers are stripped before extraction
MAX_EXTRACTION_DEPTH = 200  # nesting beyond which extraction is skipped (see _too_deep)
MAX_CHILDREN = 5_000  # children of one element beyond which trafilatura's XPath gets quadratic (6 s at 13,000)

_BOILERPLATE_TOKEN = re.compile(
    r"(?:^|[\s_-])(nav|navbar|navigation|menu|mainmenu|topnav|header|masthead|footer|colophon|sidebar|sidebars|"
    r"widget|widgets|rail|comment|comments|disqus|cookie|cookies|consent|gdpr|cmp|banner|advert|advertisement|ad|"
    r"ads|adslot|dfp|gpt|promo|sponsored|share|sharing|social|related|recirculation|recirc|newsletter|"
    r"subscribe|paywall|breadcrumb|breadcrumbs|popular|most-read|mostread|trending|taboola|outbrain|skip-link)"
    r"(?:$|[\s_-])", re.I)
_LANDMARK_ROLES = {"navigation", "banner", "contentinfo", "complementary", "search", "dialog"}
_HEADING = {f"h{n}" for n in range(1, 7)}
_FORMATTING = {"#b": "b", "#i": "i", "#u": "u", "#t": "code", "#sub": "sub", "#sup": "sup"}
# trafilatura's metadata strips markup from every <meta content> and JSON-LD text with ``<!--.*?-->|<[^>]*>``:
# each "<" with no ">" after it reads on to the end of the value, quadratic in it (1 MB of "a<b" in a content
# or a JSON-LD headline: ~300 CPU s; 300 KB: 33 s). Beyond this many characters read (``markup_cost``), summed over
# the page, a value holding "<" is not shown to its metadata reading (a real title or description with
# markup costs a few thousand; what ``page`` read of them with bs4 stays, and so does the extraction's view).
META_MARKUP_BUDGET = 1_000_000


@dataclass(frozen=True)
class PageInfo:
    """What a page says about itself; every field may be missing."""

    title: str | None = None
    byline: str | None = None
    date: str | None = None
    site_name: str | None = None
    canonical_url: str | None = None
    og_url: str | None = None
    language: str | None = None  # as declared by the page (<html lang>, Content-Language, og:locale)
    description: str | None = None
    base_href: str | None = None
    saved_from: str | None = None  # the address a browser noted when saving the page

    def base_url(self, page_url: str | None = None) -> str | None:
        """What relative links resolve against: <base href>, the page's own address, canonical, og:url."""
        address = page_url or self.saved_from
        fallback = address or self.canonical_url or self.og_url
        if self.base_href:
            joined = _join(fallback, self.base_href)
            if joined and _absolute(joined):
                return joined
        for candidate in (address, self.canonical_url, self.og_url):
            if candidate and _absolute(candidate):
                return candidate
        return None


def _join(base: str | None, href: str) -> str | None:
    try:
        return urljoin(base or "", href)
    except ValueError:
        return None


def _absolute(url: str) -> bool:
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    return parts.scheme in ("http", "https", "file") and bool(parts.netloc or parts.scheme == "file")


def _clean(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value or None


def read_page_info(root: lxml.html.HtmlElement, page: Page, thorough: bool = True,
                   page_url: str | None = None) -> PageInfo:
    """The page's metadata, from what ``page`` read on its BeautifulSoup tree. ``thorough`` adds trafilatura's
    reading (byline and date in the page's text, a title from its one <h1>); ``page_url`` (where it was
    fetched from) lets a date in the address count too. Titles lose the site's name, bylines the outlet
    and job titles (``page.clean_title``, ``page.clean_byline``)."""
    meta, json_ld = page.meta, page.json_ld
    language = (page.language or meta.get("content-language") or meta.get("og:locale") or meta.get("language")
                or meta.get("dc.language") or json_ld.language)
    canonical, og_url = _clean(page.canonical), _clean(meta.get("og:url"))
    address = page_url or page.saved_from or canonical or og_url
    address = address if address and _absolute(address) else None
    found = _trafilatura_metadata(root, address) if thorough else {}
    outlets = site_names(meta.get("og:site_name"), json_ld.publisher, *json_ld.organisations, found.get("site_name"),
                         meta.get("application-name"), url=address or canonical or og_url)
    titles = (meta.get("og:title"), meta.get("twitter:title"), json_ld.headline, found.get("title"), page.title)
    bylines = (", ".join(json_ld.authors), meta.get("author"), meta.get("article:author"), found.get("byline"))
    info = {
        "title": _first(clean_title(_clean(title), outlets, page.h1 or found.get("title")) for title in titles),
        "byline": _first(clean_byline(byline, outlets) for byline in bylines),
        "date": found.get("date"),
        "site_name": _clean(meta.get("og:site_name")) or _clean(json_ld.publisher) or found.get("site_name"),
        "description": found.get("description") or _clean(meta.get("description") or meta.get("og:description")),
        "canonical_url": canonical,
        "og_url": og_url,
        "language": _clean(language.replace("_", "-")) if language else None,
        "base_href": page.base_href,
        "saved_from": page.saved_from,
    }
    if info["canonical_url"] and not _absolute(info["canonical_url"]):  # a relative canonical needs an address
        info["canonical_url"] = _join(info["saved_from"] or info["og_url"], info["canonical_url"]) if (
            info["saved_from"] or info["og_url"]) else None
    return PageInfo(**info)


def _first(values: Iterable[str | None]) -> str | None:
    return next((value for value in values if value), None)


def _trafilatura_metadata(root: lxml.html.HtmlElement, address: str | None) -> dict[str, str]:
    from trafilatura.metadata import extract_metadata  # noqa: PLC0415 - imported on use: fragments never pay for it

    try:
        # extensive=False: htmldate's extensive search hands free text to dateparser, which takes
        # seconds per page and guesses (a Russian page without a date got "2024-01-01").
        with _markup_shield(root):
            document = extract_metadata(root, default_url=address, extensive=False)
    except Exception:  # noqa: BLE001 - metadata is a bonus; a library bug must not stop the article
        return {}
    author = _clean(document.author)
    found = {
        "title": _clean(document.title),
        "byline": author.replace("; ", ", ") if author else None,
        "date": _clean(document.date),
        "site_name": _clean(document.sitename),
        "description": _clean(document.description),
    }
    return {key: value for key, value in found.items() if value}


@contextlib.contextmanager
def _markup_shield(root: lxml.html.HtmlElement) -> Iterator[int]:
    """While open, the <meta content>s and JSON-LD texts whose markup trafilatura would strip in quadratic time
    (see META_MARKUP_BUDGET) are taken out of the tree; they are put back on exit. Yields how many."""
    taken: list[tuple[lxml.html.HtmlElement, str]] = []
    budget = META_MARKUP_BUDGET
    try:
        for element in root.iter("meta", "script"):
            is_meta = element.tag == "meta"
            if not is_meta and "json" not in (element.get("type") or "").lower():
                continue
            value = element.get("content") if is_meta else element.text
            if not value or "<" not in value:
                continue
            cost = markup_cost(value)
            if cost <= budget:
                budget -= cost
                continue
            taken.append((element, value))
            if is_meta:
                del element.attrib["content"]
            else:
                element.text = None
        yield len(taken)
    finally:
        for element, value in taken:
            if element.tag == "meta":
                element.set("content", value)
            else:
                element.text = value


def markup_cost(value: str) -> int:
    """An upper bound on the characters ``<!--.*?-->|<[^>]*>`` reads to strip ``value``'s markup: a "<" with a
    ">" after it ends its match there (each character read about once); each "<" after the last ">", and each
    comment opening, may read on to the end (the rest is read in linear time: not counted)."""
    tail = value[value.rfind(">") + 1:]
    return tail.count("<") * len(tail) + value.count("<!--") * len(value)


def too_big(root: lxml.html.HtmlElement, markup: str) -> bool:
    """Too large for extraction in bounded time (see MAX_ELEMENTS)."""
    if len(markup) > EXTRACTION_LIMIT:
        return True
    elements = links = crowded = 0
    for element in root.iter():  # not XPath: see is_full_page
        elements += 1
        links += element.tag == "a"
        crowded = max(crowded, len(element))
    return elements > MAX_ELEMENTS or links > MAX_LINKS or crowded > MAX_CHILDREN or _too_deep(root)


def _too_deep(root: lxml.html.HtmlElement) -> bool:
    """Nested deeper than MAX_EXTRACTION_DEPTH: trafilatura's table and list handling is quadratic in the depth
    (2,000 unclosed <table> after an article: 65 s of CPU). A real page nests 20-60 deep."""
    depth = 0
    for event, _ in lxml.etree.iterwalk(root, events=("start", "end")):
        depth += 1 if event == "start" else -1
        if depth > MAX_EXTRACTION_DEPTH:
            return True
    return False


def is_full_page(root: lxml.html.HtmlElement) -> bool:
    """True for a whole saved web page (navigation, sidebars, footers, comments, banners...).

    A clean fragment (an article's own HTML, a Markdown rendering, a print view) has none of
    these and is read as it is.
    """
    score = 0
    landmarks: set[str] = set()
    for element in root.iter("nav", "aside", "footer", "header", "dialog"):
        if element.tag == "header" and next(element.iterancestors("article"), None) is not None:
            continue  # an article's own header holds its headline and byline
        landmarks.add(element.tag)
    kinds: set[str] = set()
    # Plain iteration, not XPath: libxml2 sorts XPath node sets by document order, which is
    # quadratic when one element has tens of thousands of children (25 s on a real page).
    for element in root.iter():
        attributes = element.attrib
        if not attributes:
            continue
        role = attributes.get("role")
        if role and role.lower() in _LANDMARK_ROLES:
            landmarks.add("role:" + role.lower())
        if len(kinds) < 3 and ("class" in attributes or "id" in attributes):
            for match in _BOILERPLATE_TOKEN.finditer(f" {attributes.get('class', '')} {attributes.get('id', '')} "):
                kinds.add(match.group(1).lower())
    score += min(len(landmarks), 3) + len(kinds)
    if score >= 2:
        return True
    text_length = len(root.text_content())
    link_length = sum(len(a.text_content()) for a in root.iter("a"))
    if text_length and link_length / text_length > 0.35 and link_length > 200:
        score += 2
    main = next(root.iter("article", "main"), None)
    if main is not None and text_length and len(main.text_content()) < text_length * 0.75:
        score += 1
    return score >= 2


def left_out_boilerplate(whole: HtmlText, extracted: str) -> bool:
    """Did extraction leave out page furniture: blocks made mostly of links, or over 15% of the text?

    Decides for pages without the usual landmarks; a clean document loses at most its
    headline or a byline, and is then better read whole.
    """
    kept = " ".join(extracted.split())
    dropped = 0
    links = whole.links
    index = 0
    for block in whole.blocks:
        text = " ".join(whole.text[block.start:block.end].split())
        while index < len(links) and links[index].end <= block.start:
            index += 1
        if text in kept:
            continue
        dropped += len(text)
        linked = sum(min(link.end, block.end) - max(link.start, block.start)
                     for link in links[index:] if link.start < block.end)
        if linked >= (block.end - block.start) * 0.5:
            return True
    return dropped > len(whole.text) * 0.15


def _trafilatura_config() -> ConfigParser:
    from trafilatura.settings import use_config  # noqa: PLC0415 - imported on use (heavy)

    config = use_config()
    config.set("DEFAULT", "EXTRACTION_TIMEOUT", "0")  # its timeout uses signals: main thread only
    return config


_CONFIG: ConfigParser | None = None


def extract_main(root: lxml.html.HtmlElement) -> lxml.html.HtmlElement | None:
    """The page's main article as a small HTML tree (headings, paragraphs, lists, quotes, links), or None."""
    global _CONFIG
    import trafilatura  # noqa: PLC0415 - imported on use: fragments never pay for it

    if _CONFIG is None:
        _CONFIG = _trafilatura_config()
    _decongest(root)
    try:
        document = trafilatura.bare_extraction(
            root, include_links=True, include_formatting=True, include_comments=False, include_tables=True,
            include_images=False, with_metadata=False, deduplicate=False, config=_CONFIG)
    except Exception:  # noqa: BLE001 - a library bug means "no extraction", not a crash
        return None
    body = getattr(document, "body", None)
    if body is None or not "".join(body.itertext()).strip():
        return None
    if _flattened(body):  # links and structure are gone: find the container ourselves, or read the page whole
        flat = "".join(body.itertext())
        container = _recover_container(root, "".join(flat.split()))
        if container is not None:
            return container
        # More words than the page shows: the body came from JSON-LD ``articleBody`` (pages that
        # render their text with scripts). Better than the visible page, links or not.
        visible = tree_to_text(root).text
        return _converted(body) if len(flat.strip()) > 1.2 * len(visible) else None
    return _converted(body)


def _converted(body: lxml.etree._Element) -> lxml.html.HtmlElement | None:
    """``to_html``, with lxml's refusals (a tag or attribute name it will not take, "Invalid tag name") meaning
    "no extraction": the page is then read whole, never an internal error."""
    try:
        return to_html(body)
    except (ValueError, TypeError, lxml.etree.LxmlError):
        return None


def _decongest(root: lxml.html.HtmlElement) -> None:
    """Strip <span>/<font> where one element holds over a thousand children (syntax-highlighted code,
    word-by-word markup): trafilatura is quadratic in them (8,000 spans in a paragraph: 14 s; a
    real source-code page: 97 s). Hidden elements go first so stripping cannot reveal their text;
    the walker skips both kinds anyway, so the page reads the same.
    """
    if max((len(element) for element in root.iter()), default=0) <= CROWDED:
        return
    drop_hidden(root)
    lxml.etree.strip_tags(root, "span", "font")


def _flattened(body: lxml.etree._Element) -> bool:
    """trafilatura's last resort ("baseline") returns the article's text as bare paragraphs: no links, no structure."""
    return all(child.tag == "p" and len(child) == 0 for child in body) and len(body) <= 3


def _recover_container(root: lxml.html.HtmlElement, text: str) -> lxml.html.HtmlElement | None:
    """The <article> (or <main>) the flattened text came from, pruned of obvious furniture, to walk ourselves."""
    for candidate in root.iter("article", "main"):
        own = "".join(candidate.text_content().split())  # compared without spaces: block edges differ
        if len(own) < 80 or not (own[:60] in text or text[:60] in own):
            continue
        copy = lxml.html.fromstring(lxml.html.tostring(candidate, encoding="unicode"))
        if not isinstance(copy, lxml.html.HtmlElement):  # always is; the stubs say _Element
            return None
        total = len(copy.text_content())
        for element in list(copy.iterdescendants()):
            if not isinstance(element, lxml.html.HtmlElement) or element.getparent() is None:
                continue  # a comment, or inside an element already dropped
            match = _BOILERPLATE_TOKEN.search(f" {element.get('class', '')} {element.get('id', '')} ")
            if match and match.group(1).lower() not in ("header", "masthead", "banner") and \
                    len(element.text_content()) < total * 0.3:
                element.drop_tree()
        return copy
    return None


def to_html(body: lxml.etree._Element) -> lxml.html.HtmlElement:
    """trafilatura's XML -> HTML the walker knows. Layout tables (cells holding paragraphs) are unwrapped."""
    for element in body.iter():
        tag = element.tag if isinstance(element.tag, str) else ""
        attributes: dict[str, str] = {str(key): str(value) for key, value in element.attrib.items()}
        element.attrib.clear()
        if tag == "head":
            rend = attributes.get("rend", "h2")
            element.tag = rend if rend in _HEADING else "h2"
        elif tag == "list":
            element.tag = "ol" if attributes.get("rend", "").startswith("ol") else "ul"
        elif tag == "item":
            element.tag = "li"
        elif tag == "quote":
            element.tag = "blockquote"
        elif tag == "hi":
            element.tag = _FORMATTING.get(attributes.get("rend", ""), "span")
        elif tag == "ref":
            element.tag = "a"
            element.set("href", attributes.get("target", ""))
        elif tag == "lb":
            element.tag = "br"
        elif tag == "row":
            element.tag = "tr"
        elif tag == "cell":
            element.tag = "th" if attributes.get("role") == "head" else "td"
        elif tag == "code":
            element.tag = "pre" if "\n" in "".join(map(str, element.itertext())) else "code"
        elif tag == "graphic":
            element.tag = "span"
        elif tag == "body":
            element.tag = "div"
        elif tag in ("div", "p", "table", "del", "details", "summary", "span", "b", "i", "em", "strong"):
            pass
        elif tag:
            element.tag = "span"
    for table in list(body.iter("table")):
        _unwrap_layout_table(table)
    html_root = lxml.html.fromstring("<div></div>")
    html_root.extend(list(body))
    html_root.text = body.text
    return html_root


def _unwrap_layout_table(table: lxml.etree._Element) -> None:
    """A table whose cells hold paragraphs is page layout (old sites): keep only the cells with paragraphs."""
    parent = table.getparent()
    if parent is None:
        return
    cells = [cell for cell in table.iter("td", "th") if next(cell.iterancestors("table"), None) is table]
    content = [cell for cell in cells if next(cell.iter("p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol",
                                                         "blockquote"), None) is not None]
    if not content:
        return
    replacement = lxml.etree.Element("div")
    for cell in content:
        cell.tag = "div"
        cell.tail = None
        replacement.append(cell)
    replacement.tail = table.tail
    parent.replace(table, replacement)

