"""The page-level reading of every HTML input, done once on a BeautifulSoup tree.

``read_page`` parses the markup with ``BeautifulSoup(markup, "lxml")`` and, in one walk of that tree:

* cleans it up: scripts (JSON-LD excepted), styles, ``noscript``, templates, comments, processing
  instructions and hidden elements (``hidden``, ``aria-hidden="true"``, an inline ``display:none`` or
  ``visibility:hidden``). trafilatura cannot see CSS: a hidden copy of the article left in the page
  came out as part of the article;
* reads what the page says about itself: ``<base>``, canonical, ``<meta>`` (og:url, og:title, ...),
  ``<title>``, the declared language, and JSON-LD (``read_json_ld``);
* collects the titles of links (trafilatura drops ``<a title>``; the loader gives them back).

The cleaned markup then goes to lxml (``html.parse_html``) for trafilatura's main-content extraction and
the offset-exact text walker, which keep their jobs. Titles and bylines are cleaned here too (``clean_title``,
``clean_byline``): no "| Site" tails, no outlet or job title in a byline.

Cost: bs4 builds a Python object per node and parses about ten times slower than lxml. Two things keep
it bounded: ``html.drop_invisible`` removes scripts, styles, SVG and comments before bs4 sees the markup
(on a real page often half of it), and beyond ``BS4_MAX_CHARS`` characters or ``BS4_MAX_TAGS`` elements
bs4 reads only the head while the clean-up is done on the lxml tree with the same rule (``html.drop_hidden``).
bench/html_front.py measures it.
"""

from __future__ import annotations

import functools
import json
import re
import unicodedata
import warnings
from dataclasses import dataclass, field
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from .html import hides, sanitize, shrink

if TYPE_CHECKING:  # bs4 is imported on use: with soupsieve it takes 0.1-0.3 s, which plain text need not pay
    from bs4 import BeautifulSoup
    from bs4.element import PageElement, Tag

# Beyond these (after drop_invisible) bs4 parses only the head: it costs ~10-30 µs per element and
# ~0.2-0.5 s per million characters, ten times lxml. Real articles are far below (a 500 KB news page
# shrinks to ~200 KB and ~4,000 elements); a page of 40,000 elements would take bs4 about a second.
BS4_MAX_CHARS = 2_000_000
BS4_MAX_TAGS = 40_000  # counted as "<" characters: an upper bound, found at C speed
HEAD_MAX_CHARS = 200_000  # of a huge page, what bs4 reads for the head's metadata
_DROPPED = frozenset("script style noscript template".split())
_SAVED_FROM = re.compile(r"<!--\s*saved from url=\(\d+\)\s*(\S+?)\s*-->", re.I)
_BODY_START = re.compile(r"<body[\s>]", re.I)


# --------------------------------------------------------------------------- JSON-LD

_ARTICLE_TYPES = frozenset("""article newsarticle reportagenewsarticle analysisnewsarticle opinionnewsarticle
backgroundnewsarticle reviewnewsarticle askpublicnewsarticle blogposting liveblogposting socialmediaposting
scholarlyarticle techarticle report""".split())
_ORGANISATION_TYPES = frozenset("organization newsmediaorganization corporation website onlinebusiness".split())
_MAX_NODES = 2_000  # a page with more JSON-LD objects than this is not describing one article
_TRAILING_COMMA = re.compile(r",\s*([\]}])")
_WRAPPER = re.compile(r"^\s*(?://\s*)?(?:<!--|<!\[CDATA\[)|(?://\s*)?(?:-->|\]\]>)\s*$")


@dataclass(frozen=True)
class JsonLd:
    """What a page's JSON-LD says about its article; every field may be missing."""

    headline: str | None = None
    authors: tuple[str, ...] = ()  # people only: an organisation named as author is in ``organisations``
    date_published: str | None = None
    publisher: str | None = None
    language: str | None = None
    organisations: tuple[str, ...] = ()  # publisher, organisation authors, the WebSite's name


def read_json_ld(scripts: list[str]) -> JsonLd:
    """The first article described in the page's JSON-LD scripts; bad JSON and odd shapes are skipped."""
    nodes = [node for script in scripts for node in _nodes(_parse_json(script))][:_MAX_NODES]
    by_id = {key: node for node in nodes if isinstance(key := node.get("@id"), str)}
    organisations = [name for node in nodes if _types(node) & _ORGANISATION_TYPES for name in _names(node, by_id)]
    article = next((node for node in nodes if _types(node) & _ARTICLE_TYPES), None)
    if article is None:
        return JsonLd(organisations=tuple(dict.fromkeys(organisations)))
    people: list[str] = []
    for author in _resolved(article.get("author"), by_id):
        names = _names(author, by_id)
        (organisations if _types(author) & _ORGANISATION_TYPES else people).extend(names)
    publishers = [name for value in _resolved(article.get("publisher"), by_id) for name in _names(value, by_id)]
    return JsonLd(headline=_text(article.get("headline")) or _text(article.get("name")),
                  authors=tuple(dict.fromkeys(people)), date_published=_text(article.get("datePublished")),
                  publisher=publishers[0] if publishers else None, language=_text(article.get("inLanguage")),
                  organisations=tuple(dict.fromkeys(publishers + organisations)))


def _parse_json(text: str) -> object:
    """JSON as sites write it: wrapped in comment or CDATA markers, with trailing commas; None if unreadable."""
    text = _WRAPPER.sub("", text.strip())
    for attempt in (text, _TRAILING_COMMA.sub(r"\1", text)):
        try:
            return json.loads(attempt, strict=False)  # strict=False: raw newlines inside strings are common
        except ValueError:
            continue
    return None


def _nodes(value: object) -> list[dict[str, object]]:
    """The objects of a JSON-LD document: a list of them, a @graph, or one."""
    found: list[dict[str, object]] = []
    pending = [value]
    while pending and len(found) < _MAX_NODES:
        item = pending.pop(0)
        if isinstance(item, list):
            pending[:0] = item
        elif isinstance(item, dict):
            found.append(item)
            graph = item.get("@graph")
            if isinstance(graph, list):
                pending[:0] = graph
    return found


def _types(node: object) -> set[str]:
    """@type as lower-case names without the schema.org prefix; empty for strings and references."""
    if not isinstance(node, dict):
        return set()
    value = node.get("@type")
    values = value if isinstance(value, list) else [value]
    return {item.rsplit("/", 1)[-1].rsplit(":", 1)[-1].lower() for item in values if isinstance(item, str)}


def _resolved(value: object, by_id: dict[str, dict[str, object]]) -> list[object]:
    """A property's values, with {"@id": ...} references replaced by the objects they name."""
    values = value if isinstance(value, list) else [value]
    return [by_id.get(item["@id"], item) if isinstance(item, dict) and isinstance(item.get("@id"), str)
            and len(item) == 1 else item for item in values if item]


def _names(value: object, by_id: dict[str, dict[str, object]]) -> list[str]:
    if isinstance(value, str):
        return [value.strip()] if value.strip() and not _NOT_A_NAME.search(value) else []
    if isinstance(value, dict):
        name = value.get("name")
        if isinstance(name, (list, dict)):
            return [found for item in _resolved(name, by_id) for found in _names(item, by_id)]
        text = _text(name)
        return [text] if text else []
    return []


def _text(value: object) -> str | None:
    if isinstance(value, list) and value:
        value = value[0]
    if isinstance(value, dict):
        value = value.get("@value") or value.get("name")
    return " ".join(value.split()) or None if isinstance(value, str) else None


@dataclass(frozen=True)
class Page:
    """An HTML input after the page-level work; ``markup`` is what the extractor and the walker read."""

    markup: str
    meta: dict[str, str] = field(default_factory=dict)  # <meta> key (property/name/http-equiv/itemprop) -> content
    title: str | None = None  # the <title>, as written
    canonical: str | None = None
    base_href: str | None = None
    language: str | None = None  # <html lang> or xml:lang
    h1: str | None = None  # the first <h1>'s text: which part of a title is the headline
    saved_from: str | None = None  # the address a browser noted when saving the page
    json_ld: JsonLd = field(default_factory=JsonLd)
    link_titles: dict[str, str] | None = None  # href -> <a title>; None when bs4 did not see the body
    hidden_removed: int = 0
    whole: bool = True  # False: bs4 read only the head; the caller cleans the lxml tree (html.drop_hidden)
    cut: bool = False  # the markup was longer than html.MAX_MARKUP_CHARS (after dropping the invisible) and was cut


def read_page(markup: str) -> Page:
    """Parse once with BeautifulSoup and do the page-level work; see the module's docstring."""
    parse = _bs4()
    saved = _SAVED_FROM.search(markup[:4096])  # a comment: read before comments go
    lean, cut = shrink(markup)
    lean = sanitize(lean)
    whole = len(lean) <= BS4_MAX_CHARS and lean.count("<") <= BS4_MAX_TAGS
    soup = parse(lean if whole else _head_of(lean), "lxml")
    scan = _Scan()
    scan.walk(soup)
    for node in scan.dropped:
        node.decompose()
    hidden = _removable(soup, scan.hidden)
    for tag in hidden:
        tag.decompose()
    # Serialising costs half as much as parsing: when the clean-up removed nothing, lxml reads what bs4 read.
    changed = whole and bool(scan.dropped or hidden)
    return Page(
        markup=soup.decode() if changed else lean, meta=scan.meta, title=scan.title, canonical=scan.canonical,
        base_href=scan.base_href, language=_language(soup), h1=scan.h1, saved_from=saved.group(1) if saved else None,
        json_ld=read_json_ld(scan.json_ld), link_titles=scan.link_titles if whole else None,
        hidden_removed=len(hidden), whole=whole, cut=cut)


@functools.cache
def _bs4() -> type[BeautifulSoup]:
    """bs4, imported on first use. Its warnings about what it is given (XHTML parsed as HTML, markup that
    looks like a file name) are for programmers choosing a parser; here the input is whatever the user opened."""
    from bs4 import BeautifulSoup, MarkupResemblesLocatorWarning, XMLParsedAsHTMLWarning  # noqa: PLC0415 - on use

    warnings.filterwarnings("ignore", category=XMLParsedAsHTMLWarning)
    warnings.filterwarnings("ignore", category=MarkupResemblesLocatorWarning)
    return BeautifulSoup


def _head_of(markup: str) -> str:
    """What comes before <body> (capped): where a huge page keeps its metadata."""
    body = _BODY_START.search(markup, 0, HEAD_MAX_CHARS)
    return markup[:body.start() if body else HEAD_MAX_CHARS]


class _Scan:
    """One depth-first walk in document order: what the head says, links' titles, and what to remove.

    An element that is removed is not entered: its <meta>s and links do not count, and a hidden
    element inside another hidden one is not listed twice.
    """

    def __init__(self) -> None:
        self.meta: dict[str, str] = {}
        self.title: str | None = None
        self.canonical: str | None = None
        self.base_href: str | None = None
        self.h1: str | None = None
        self.json_ld: list[str] = []
        self.link_titles: dict[str, str] = {}
        self.dropped: list[PageElement] = []
        self.hidden: list[Tag] = []

    def walk(self, soup: BeautifulSoup) -> None:
        from bs4.element import Comment, ProcessingInstruction, Tag  # noqa: PLC0415 - bs4 on use (see _bs4)

        stack: list[PageElement] = list(reversed(soup.contents))
        while stack:
            node = stack.pop()
            if isinstance(node, Tag):
                if self._visit(node):
                    stack.extend(reversed(node.contents))
            elif isinstance(node, (Comment, ProcessingInstruction)):
                self.dropped.append(node)

    def _visit(self, tag: Tag) -> bool:
        """Record or mark one element; True when its children are to be walked."""
        name = tag.name
        if name == "script" and "ld+json" in _attr(tag, "type").lower():
            self.json_ld.append(tag.get_text())
            return False
        if name in _DROPPED:
            self.dropped.append(tag)
            return False
        if hides(_attr_or_none(tag, "hidden"), _attr_or_none(tag, "aria-hidden"), _attr_or_none(tag, "style")) \
                and name not in ("html", "body"):
            self.hidden.append(tag)
            return False
        if name == "meta":
            self._meta(tag)
        elif name == "title" and self.title is None:
            self.title = tag.get_text()
        elif name == "link" and self.canonical is None and "canonical" in _attr(tag, "rel").lower().split():
            self.canonical = _attr(tag, "href").strip() or None
        elif name == "h1" and self.h1 is None and not _is_logo(tag):
            self.h1 = " ".join(tag.get_text().split()) or None
        elif name == "base" and self.base_href is None:
            self.base_href = _attr(tag, "href").strip() or None
        elif name == "a":
            title, href = _attr_or_none(tag, "title"), _attr_or_none(tag, "href")
            if title and href is not None:
                self.link_titles.setdefault(href.strip(), title)
        return True

    def _meta(self, tag: Tag) -> None:
        key = (_attr(tag, "property") or _attr(tag, "name") or _attr(tag, "http-equiv") or _attr(tag, "itemprop"))
        content = _attr_or_none(tag, "content")
        key = key.strip().lower()
        if key and content and content.strip() and key not in self.meta:
            self.meta[key] = content.strip()


def _is_logo(heading: Tag) -> bool:
    """Some sites put their name in an <h1> in the page header: that is no headline."""
    marks = f"{_attr(heading, 'class')} {_attr(heading, 'id')}".lower()
    if any(word in marks for word in ("logo", "brand", "masthead", "site-title", "site-name")):
        return True
    return heading.find_parent(("header", "nav")) is not None and heading.find_parent("article") is None


def _removable(soup: BeautifulSoup, hidden: list[Tag]) -> list[Tag]:
    """The hidden elements to remove: all but one holding most of the page's text.

    A page saved with a dialog open (cookie consent, a newsletter pop-up) has aria-hidden="true"
    on the wrapper of everything behind the dialog, the article included: that is not a duplicate.
    """
    if not hidden:
        return []
    half = len(soup.get_text()) / 2
    return [tag for tag in hidden if len(tag.get_text()) <= half]


def _attr(tag: Tag, name: str) -> str:
    return _attr_or_none(tag, name) or ""


def _attr_or_none(tag: Tag, name: str) -> str | None:
    """An attribute as one string (bs4 gives multi-valued ones such as rel and class as lists)."""
    value = tag.get(name)
    if value is None or isinstance(value, str):
        return value
    return " ".join(value)


def _language(soup: BeautifulSoup) -> str | None:
    from bs4.element import Tag  # noqa: PLC0415 - bs4 on use (see _bs4)

    root = soup.find("html")
    if not isinstance(root, Tag):
        return None
    return _attr_or_none(root, "lang") or _attr_or_none(root, "xml:lang")


# --------------------------------------------------------------------------- titles and bylines

# Words of a job title after a name in a byline ("Jane Doe, Senior Editor", "Tom Roe News reporter").
# A byline word run made only of these goes; the lead moves this list to the core's lexicon.
BYLINE_JOB_WORDS = frozenset("""
reporter reporters correspondent correspondents editor editors writer writers columnist columnists contributor
contributors journalist journalists producer producers photographer photographers analyst critic reviewer
author blogger presenter anchor host intern fellow staff team desk newsroom bureau chief senior junior deputy
associate assistant managing executive contributing special lead principal acting interim political politics
news business economics technology tech science health sport sports culture arts entertainment features
opinion world international national foreign diplomatic investigations investigative data digital video
audio social media graphics visual weather climate environment education legal crime courts security defence
defense markets finance money travel food style lifestyle music film books local regional city metro
state affairs white house washington europe asia africa americas middle east uk us global general breaking
wire agency democracy community parliamentary lobby transport energy property motoring religion royal medical
consumer social home industry the of and for at
""".split())
_JOB_NOUNS = frozenset("""
reporter reporters correspondent correspondents editor editors writer writers columnist columnists contributor
contributors journalist journalists producer producers photographer photographers analyst critic reviewer
blogger presenter anchor host intern fellow staff team desk newsroom bureau chief author
""".split())
# Between names: punctuation, "and" (not Spanish "y" or Portuguese "e": they join surnames, "Ortega y Gasset").
_BYLINE_SPLIT = re.compile(r"\s*(?:[,;|/•·\n]|\s&\s|\band\b|\bund\b|\bet\b)\s*", re.I)
_BY = re.compile(r"^(?:(?:written|reported|words|text|story)\s+)?(?:by|von|par|por|door|di|av|af)\s*:?\s+", re.I)
_URL = re.compile(r"(?:https?://|www\.)\S*", re.I)
_NOT_A_NAME = re.compile(r"[@\d]|https?:|www\.|\.com\b", re.I)
_TITLE_SEPARATOR = re.compile(r"\s+(?:\||-|–|—|::|•|·)\s+")
# What a site's name may add to its short form: "Quill" ~ "Quill Magazine", "ZDNet" ~ "ZDNet.com".
_GENERIC_NAME_WORDS = frozenset("""news magazine mag online digital daily weekly live media group tv radio com net
org couk uk us edition website site web""".split())
_SECOND_LEVEL = frozenset("co com org net gov ac edu ne or go gob".split())


def site_names(*names: str | None, url: str | None = None) -> tuple[str, ...]:
    """The names a site goes by: its og:site_name, JSON-LD publisher, ... and its address's own name."""
    found = [name for name in names if name and name.strip()]
    host = _host_name(url)
    if host:
        found.append(host)
    return tuple(dict.fromkeys(found))


def _host_name(url: str | None) -> str | None:
    """The registrable name of an address: "https://www.zdnet.com/x" -> "zdnet", "bbc.co.uk" -> "bbc"."""
    try:
        host = urlsplit(url).hostname if url else None
    except ValueError:
        return None
    if not host:
        return None
    labels = [label for label in host.split(".") if label and label != "www"][:-1]
    if len(labels) > 1 and labels[-1] in _SECOND_LEVEL:
        labels.pop()
    return labels[-1] if labels else None


def _key(text: str) -> str:
    """Compare names by their letters and digits only, without accents or a leading "The"."""
    text = unicodedata.normalize("NFKD", text.casefold())
    text = re.sub(r"^the\s+", "", text.strip())
    return "".join(char for char in text if char.isalnum())


def _resembles(segment: str, names: tuple[str, ...]) -> bool:
    """"The Daily Ledger" ~ "Daily Ledger" ~ "dailyledger"; "Maple Chronicle News" ~ "Maple Chronicle".

    One name may be the other plus generic words ("news", "magazine", ".com"), nothing else: "Apple" is
    not "AppleInsider".
    """
    key = _key(segment)
    if len(key) < 3:
        return False
    for name in names:
        other = _key(name)
        if len(other) < 3:
            continue
        shorter, longer = sorted((key, other), key=len)
        if longer.startswith(shorter) and _generic(longer[len(shorter):]):
            return True
    return False


def _generic(rest: str) -> bool:
    """Is ``rest`` empty or made of at most two generic words of a site's name ("newsonline", "com")?"""
    if not rest or rest in _GENERIC_NAME_WORDS:
        return True
    words = _GENERIC_NAME_WORDS
    return any(rest[:cut] in words and rest[cut:] in words for cut in range(2, len(rest) - 1))


def clean_title(title: str | None, names: tuple[str, ...], headline: str | None = None) -> str | None:
    """The title without the site's name before or after a separator ("Title | Site", "Site - Title").

    Only a segment that resembles one of ``names`` goes, and never when that would leave nothing or a
    fragment (a title made mostly of the site's name stays as it is). When the site's name is not known,
    the page's own ``headline`` (its <h1>) can still say which part is the title.
    """
    if not title:
        return title
    title = " ".join(title.split())
    segments = _TITLE_SEPARATOR.split(title)
    separators = _TITLE_SEPARATOR.findall(title)
    if len(segments) < 2:
        return title
    start, end = 0, len(segments)
    while end - start > 1 and _resembles(segments[end - 1], names):
        end -= 1
    while end - start > 1 and _resembles(segments[start], names):
        start += 1
    if (start, end) == (0, len(segments)):
        start, end = _headline_run(segments, headline)

    def joined(first: int, last: int) -> str:
        return segments[first] + "".join(separators[index - 1] + segments[index] for index in range(first + 1, last))

    kept = joined(start, end)
    return kept if _substantial(kept, title) else title


def _headline_run(segments: list[str], headline: str | None) -> tuple[int, int]:
    """The first or last segments that say the same as ``headline``, or all of them."""
    wanted = _key(headline or "")
    if wanted:
        for start, end in [(0, cut) for cut in range(1, len(segments))] + [(cut, len(segments))
                                                                            for cut in range(1, len(segments))]:
            if _key("".join(segments[start:end])) == wanted:
                return start, end
    return 0, len(segments)


def _substantial(kept: str, title: str) -> bool:
    words = len(kept.split())
    return (words >= 2 or len(kept) >= 8) and len(kept) >= len(title) * 0.25


def is_byline(line: str) -> bool:
    """Does ``line`` open the way a byline does ("By Jane Roe", "Written by ...", "Von ...")?"""
    return _BY.match(line.strip()) is not None


def clean_byline(byline: str | None, outlets: tuple[str, ...] = ()) -> str | None:
    """People's names only: no "By", no outlet or publisher, no job title ("Jane Roe News reporter" -> "Jane Roe")."""
    if not byline:
        return None
    names: list[str] = []
    for part in _BYLINE_SPLIT.split(" ".join(_URL.sub(" ", byline).split())):  # article:author is often a profile URL
        name = _person(part, outlets)
        if name and name.casefold() not in (known.casefold() for known in names):
            names.append(name)
    return ", ".join(names) or None


def _person(part: str, outlets: tuple[str, ...]) -> str | None:
    part = _BY.sub("", part.strip(" -–—:.,")).strip()
    if not part or _NOT_A_NAME.search(part) or _resembles(part, outlets):
        return None
    words = part.split()
    cut = len(words)
    while cut > 0 and words[cut - 1].casefold().strip(".,") in BYLINE_JOB_WORDS:
        cut -= 1
    job = [word.casefold().strip(".,") for word in words[cut:]]
    # A job title after the name; one job word alone must leave two words ("Jane Host" is a name).
    if any(word in _JOB_NOUNS for word in job) and (cut >= 2 or len(job) >= 2):
        words = words[:cut]
    if not words or all(word.casefold() in BYLINE_JOB_WORDS for word in words):
        return None  # "Staff", "Politics team": no person named
    name = " ".join(words)
    return None if _resembles(name, outlets) else name
