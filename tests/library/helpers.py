"""Hand-built analyses for the library's tests: entities and quotes given by their words, offsets found in the text."""

from __future__ import annotations

import re

from reader.core.model import Analysis, Article, Entity, Mention, Metadata, Quote, Speaker


def make(text: str, entities: list[tuple[str, str, list[str]]],
         quotes: list[tuple[str, str | None, str | None]] = (), title: str | None = None,
         source: str = "a.txt") -> Analysis:
    """``entities``: (name, label, surfaces: every whole-word occurrence of each is a mention);
    ``quotes``: (quoted words, speaker surface or None, speaker entity name or None)."""
    built: list[Entity] = []
    ids: dict[str, str] = {}
    taken: set[tuple[int, int]] = set()
    for name, label, surfaces in entities:
        entity_id = f"{label.lower()}-{re.sub(r'[^a-z0-9]+', '-', name.lower()).strip('-')}"
        ids[name] = entity_id
        mentions = []
        for surface in sorted(surfaces, key=len, reverse=True):  # "Angela Merkel" before "Merkel"
            for match in re.finditer(rf"(?<!\w){re.escape(surface)}(?!\w)", text):
                span = match.span()
                if not any(s <= span[0] and span[1] <= e for s, e in taken):
                    taken.add(span)
                    mentions.append(Mention(span[0], span[1], surface, label, entity_id))
        assert mentions, f"{name} does not occur"
        mentions.sort(key=lambda m: m.start)
        built.append(Entity(entity_id, name, label, tuple(dict.fromkeys(m.text for m in mentions)), tuple(mentions)))
    found = []
    for words, speaker_surface, speaker_name in quotes:
        start = text.index(words)
        speaker = None
        if speaker_surface is not None:
            at = text.index(speaker_surface, start + len(words))
            speaker = Speaker(speaker_surface, at, at + len(speaker_surface), ids.get(speaker_name or ""))
        found.append(Quote(start, start + len(words), words, "full", speaker, "said", 0.9))
    article = Article(source=source, text=text, metadata=Metadata(title=title))
    return Analysis(article=article, sentences=(), entities=tuple(built), quotes=tuple(found), links=(),
                    recogniser="test", model="test", model_version="1")
