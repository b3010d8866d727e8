"""A small hand-built analysis for the store's tests."""

from __future__ import annotations

from reader.core.model import Analysis, Article, Entity, Link, Mention, Metadata, Quote, Speaker

TEXT = "Jane Doe met Acme Corp in Paris. “We are ready,” Doe said. Paris is calm."


def span(surface: str, occurrence: int = 0, text: str = TEXT) -> tuple[int, int]:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(surface, start + 1)
    return start, start + len(surface)


def make_analysis(text: str = TEXT, title: str = "Calm in Paris") -> Analysis:
    """A small analysis: two entities with mentions, a quote whose speaker is one of them, a link."""

    def entity(entity_id: str, name: str, label: str, spans: list[tuple[int, int]]) -> Entity:
        return Entity(entity_id, name, label, (name,),
                      tuple(Mention(s, e, text[s:e], label, entity_id) for s, e in spans))

    doe = span("Doe", 1, text)
    jane = entity("person-jane-doe", "Jane Doe", "PERSON", [span("Jane Doe", 0, text), doe])
    paris = entity("gpe-paris", "Paris", "GPE", [span("Paris", 0, text), span("Paris", 1, text)])
    quoted = span("We are ready,", 0, text)
    quote = Quote(quoted[0], quoted[1] - 1, "We are ready", "full", Speaker("Doe", *doe, "person-jane-doe"),
                  "said", 0.9)
    acme = span("Acme Corp", 0, text)
    link = Link(acme[0], acme[1], "Acme Corp", "https://acme.example/", "https://acme.example/", "acme.example")
    article = Article(source="paris.html", text=text, metadata=Metadata(title=title, date="2026-12-01",
                                                                       site_name="Example News"))
    return Analysis(article=article, sentences=(), entities=(jane, paris), quotes=(quote,), links=(link,),
                    recogniser="test", model="rules", model_version="1")
