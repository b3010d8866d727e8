"""Links: resolve, classify, warn. (Placeholder.)"""

from __future__ import annotations

from urllib.parse import urljoin, urlsplit

from .model import Article, Link


def inspect_links(article: Article) -> list[Link]:
    links = []
    for span in article.links:
        url = urljoin(article.base_url or "", span.href)
        links.append(Link(span.start, span.end, article.text[span.start:span.end], span.href, url,
                          urlsplit(url).hostname))
    return links
