"""Analysis -> JSON (the contract in the README), CSV tables, and a standalone HTML report."""

from __future__ import annotations

import csv
import html
import io
import json
from typing import Any

from .links.policy import link_severity
from .model import Analysis, Article, Link, Quote

FORMAT_VERSION = 1

# OntoNotes codes as people read them. The codes stay in JSON and in the CSV label columns (other
# tools read them); these names go next to them, and alone in the report.
LABEL_NAMES = {
    "PERSON": "Person", "ORG": "Organisation", "GPE": "Country/city", "LOC": "Place", "FAC": "Facility",
    "NORP": "Nationality/group", "EVENT": "Event", "PRODUCT": "Product", "WORK_OF_ART": "Work of art",
    "LAW": "Law", "LANGUAGE": "Language", "DATE": "Date", "TIME": "Time", "MONEY": "Money",
    "PERCENT": "Percentage", "QUANTITY": "Quantity", "ORDINAL": "Ordinal", "CARDINAL": "Number",
}


def label_name(label: str) -> str:
    """"FAC" -> "Facility"; an unknown code reads as itself, capitalised."""
    return LABEL_NAMES.get(label, label.replace("_", " ").capitalize())


def speaker_name(analysis: Analysis, quote: Quote) -> str:
    """Who said it, as the window shows it: the speaker's entity name ("he" resolved), else the words."""
    speaker = quote.speaker
    if speaker is None:
        return ""
    entity = analysis.entity(speaker.entity_id) if speaker.entity_id else None
    return entity.name if entity is not None else speaker.text


def display_title(article: Article) -> str:
    """The article's title; else its first heading; else the file's (or page's) name, never a whole path."""
    if article.title and article.title.strip():
        return article.title.strip()
    for block in article.blocks:
        if block.kind in ("title", "h1"):
            heading = " ".join(article.text[block.start:block.end].split())
            if heading:
                return heading
    source = article.source.rstrip("/")
    name = source.split("://", 1)[-1].split("?", 1)[0].rstrip("/")
    return name.replace("\\", "/").rsplit("/", 1)[-1] or source


def to_dict(analysis: Analysis) -> dict[str, Any]:
    article = analysis.article
    meta = article.metadata
    return {
        "source": article.source,
        "title": meta.title,
        "text": article.text,
        "format": article.format,
        "metadata": {"byline": meta.byline, "date": meta.date, "site_name": meta.site_name,
                     "canonical_url": meta.canonical_url, "language": meta.language},
        "recogniser": analysis.recogniser,
        "model": analysis.model or None,  # "rules" or the spaCy package name; null when not recorded
        "model_version": analysis.model_version,
        "notices": list(analysis.notices),
        "paragraphs": [{"start": block.start, "end": block.end, "kind": block.kind} for block in article.blocks],
        "entities": [
            {"id": entity.id, "name": entity.name, "label": entity.label, "label_name": label_name(entity.label),
             "aliases": list(entity.aliases),
             "mentions": [{"start": m.start, "end": m.end, "text": m.text} for m in entity.mentions]}
            for entity in analysis.entities
        ],
        "quotes": [_quote(quote, speaker_name(analysis, quote)) for quote in analysis.quotes],
        "links": [_link(link) for link in analysis.links],
    }


def _quote(quote: Quote, name: str) -> dict[str, Any]:
    speaker = quote.speaker
    return {
        "text": quote.text, "start": quote.start, "end": quote.end, "kind": quote.kind,
        "speaker": None if speaker is None else {"text": speaker.text, "start": speaker.start,
                                                  "end": speaker.end, "entity_id": speaker.entity_id,
                                                  "name": name},
        "cue": quote.cue, "confidence": round(quote.confidence, 3), "closed": quote.closed,
        # the speaker is a guess (confidence below model.LOW_CONFIDENCE): the window says "probably …"
        "speaker_uncertain": quote.speaker_uncertain,
    }


def _link(link: Link) -> dict[str, Any]:
    return {
        "text": link.text, "href": link.href, "url": link.url, "start": link.start, "end": link.end,
        "domain": link.domain, "warnings": [warning.code for warning in link.warnings],
        "warning_messages": [warning.message for warning in link.warnings],
        "display_url": link.display_url, "clean_url": link.clean_url,
        "tracking_params": list(link.tracking_params), "real_target": link.real_target, "policy": link.policy,
        "severity": link_severity(link),  # the worst warning's: "danger", "warning", "info", or null
    }


def to_json(analysis: Analysis, indent: int | None = 2) -> str:
    return json.dumps(to_dict(analysis), ensure_ascii=False, indent=indent)


def to_csv(analysis: Analysis, table: str) -> str:
    """One table as CSV: "entities" (one row per mention), "quotes" or "links"."""
    out = io.StringIO()
    writer = csv.writer(out)
    if table == "entities":
        writer.writerow(["entity_id", "name", "label", "aliases", "start", "end", "text", "label_name"])
        for entity in analysis.entities:
            for mention in entity.mentions:
                writer.writerow([entity.id, entity.name, entity.label, " | ".join(entity.aliases),
                                 mention.start, mention.end, mention.text, label_name(entity.label)])
    elif table == "quotes":
        # "speaker" is who said it as the window shows it ("he" resolved); "speaker_text", the words as written.
        writer.writerow(["start", "end", "kind", "text", "speaker", "speaker_entity_id", "cue", "confidence",
                         "speaker_text", "speaker_uncertain"])
        for quote in analysis.quotes:
            speaker = quote.speaker
            writer.writerow([quote.start, quote.end, quote.kind, quote.text, speaker_name(analysis, quote),
                             speaker.entity_id or "" if speaker else "", quote.cue or "", f"{quote.confidence:.2f}",
                             speaker.text if speaker else "", "yes" if quote.speaker_uncertain else ""])
    elif table == "links":
        writer.writerow(["start", "end", "text", "href", "url", "domain", "warnings"])
        for link in analysis.links:
            writer.writerow([link.start, link.end, link.text, link.href, link.url or "", link.domain or "",
                             " | ".join(warning.code for warning in link.warnings)])
    else:
        raise ValueError(f"unknown table {table!r}")
    return out.getvalue()


LABEL_COLOURS = {
    "PERSON": "#f6c7b6", "ORG": "#b6d7f6", "GPE": "#c5e8b7", "LOC": "#d9f0c9", "FAC": "#e3d7f4",
    "NORP": "#f8e3a3", "DATE": "#e6e6e6", "TIME": "#e6e6e6", "EVENT": "#f4cde4", "PRODUCT": "#d6ecec",
    "WORK_OF_ART": "#f0d9c4", "LAW": "#dcdcf0", "LANGUAGE": "#e0f0e0", "MONEY": "#e8f0c8",
    "PERCENT": "#e8f0c8", "QUANTITY": "#e8f0c8",
}


def to_html_report(analysis: Analysis) -> str:
    """A standalone page: the article with its entities highlighted, then the quotes and the links."""
    text = analysis.text
    marks: list[tuple[int, int, str]] = []
    for entity in analysis.entities:
        for mention in entity.mentions:
            marks.append((mention.start, mention.end, entity.label))
    marks.sort()
    pieces: list[str] = []
    position = 0
    for start, end, label in marks:
        if start < position:
            continue  # overlapping mentions: the first one wins, as in the window
        pieces.append(html.escape(text[position:start]))
        colour = LABEL_COLOURS.get(label, "#eeeeee")
        name = html.escape(label_name(label))
        pieces.append(f'<mark style="background:{colour}" title="{name}">{html.escape(text[start:end])}'
                      f'<sup>{name}</sup></mark>')
        position = end
    pieces.append(html.escape(text[position:]))
    body = "".join(pieces).replace("\n\n", "</p><p>").replace("\n", "<br>")
    title = html.escape(display_title(analysis.article))
    source = html.escape(analysis.article.source)
    legend = "".join(f'<span class="key" style="background:{LABEL_COLOURS.get(label, "#eeeeee")}">'
                     f'{html.escape(label_name(label))}</span> '
                     for label in sorted({e.label for e in analysis.entities}, key=_label_order))
    quotes = "".join(
        f"<li><q>{html.escape(q.text)}</q> — "
        f"{_speaker_html(analysis, q) if q.speaker else '<i>unattributed</i>'}"
        f"{' (' + html.escape(q.cue) + ')' if q.cue else ''} <small>{html.escape(q.kind)}</small></li>"
        for q in analysis.quotes) or "<li><i>No quotations found in this article.</i></li>"
    links = "".join(
        f"<tr><td>{html.escape(link.text)}</td><td><code>{html.escape(link.display_url or link.url or link.href)}"
        f"</code></td><td>{html.escape(link.domain or '')}</td>"
        f"<td>{html.escape('; '.join(w.message for w in link.warnings))}</td></tr>"
        for link in analysis.links)
    table = (f"<table><tr><th>Text</th><th>Target</th><th>Domain</th><th>Warnings</th></tr>{links}</table>"
             if links else "<p><i>No links in this article.</i></p>")
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{title} — Reader report</title>
<style>body{{font-family:Georgia,serif;max-width:46em;margin:2em auto;line-height:1.6;padding:0 1em}}
mark{{border-radius:3px;padding:0 2px}} sup{{font:9px sans-serif;margin-left:2px;opacity:.7}}
.key{{font:12px sans-serif;border-radius:3px;padding:1px 6px}} .source{{font:12px sans-serif;color:#666}}
table{{border-collapse:collapse;font:13px sans-serif}} td,th{{border:1px solid #ccc;padding:3px 6px;text-align:left}}
</style></head>
<body><h1>{title}</h1><p class="source">{source}</p><p>{legend}</p><p>{body}</p>
<h2>Quotes</h2><ul>{quotes}</ul>
<h2>Links</h2>{table}
<p><small>Entities by {html.escape(analysis.recogniser)}.</small></p></body></html>
"""


def _speaker_html(analysis: Analysis, quote: Quote) -> str:
    """The speaker's name; a guessed one reads "probably …", as in the window, so the report claims no more."""
    name = html.escape(speaker_name(analysis, quote))
    if quote.speaker_uncertain:
        return f'<span class="uncertain" title="Reader is not sure who said this">probably {name}</span>'
    return name


def _label_order(label: str) -> tuple[int, str]:
    order = list(LABEL_NAMES)
    return (order.index(label) if label in order else len(order), label)
