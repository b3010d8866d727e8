"""The card of one entity: name, type, aliases, every mention in its sentence, and its quotes."""

from __future__ import annotations

import html
from bisect import bisect_right
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QTextBlockFormat, QTextCursor
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from . import theme
from .privacy import LocalOnlyBrowser
from .swatch import swatch_icon

if TYPE_CHECKING:
    from ..core.model import Analysis, Entity, Mention, Quote, Span

CONTEXT_CHARS = 110  # either side of a mention when its sentence is long
_EMPTY = ("<p style='color:{muted}'>Click a highlighted name in the article, or pick one in the list, "
          "to see every mention in context.</p>")


class EntityCard(QWidget):
    mentionActivated = Signal(int, int)  # start, end of the mention to show in the article
    quoteActivated = Signal(int, int)
    otherArticlesRequested = Signal()  # "In other articles": the window shows this entity in the library

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("entityCard")
        self.setAccessibleName("Entity card")
        self._theme = theme.current()
        self._analysis: Analysis | None = None
        self._entity: Entity | None = None
        self._quotes: list[Quote] = []
        self._current = -1

        self.name = QLabel(self)
        self.name.setObjectName("entityName")
        self.name.setWordWrap(True)
        self.name.setTextFormat(Qt.TextFormat.PlainText)  # names come from the article
        self.name.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.name.font()
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        self.name.setFont(font)
        self.kind = QLabel(self)
        self.kind.setObjectName("entityType")
        self.aliases = QLabel(self)
        self.aliases.setObjectName("entityAliases")
        self.aliases.setWordWrap(True)
        self.aliases.setTextFormat(Qt.TextFormat.PlainText)
        self.aliases.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.previous_button = QPushButton("◀ Previous", self)
        self.previous_button.setAccessibleName("Previous mention")
        self.previous_button.setToolTip("Previous mention (Ctrl+[)")
        self.position = QLabel(self)
        self.position.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.position.setAccessibleName("Current mention")
        self.next_button = QPushButton("Next ▶", self)
        self.next_button.setAccessibleName("Next mention")
        self.next_button.setToolTip("Next mention (Ctrl+])")
        self.previous_button.clicked.connect(self.previous_mention)
        self.next_button.clicked.connect(self.next_mention)
        self.other_articles_button = QPushButton("In other articles…", self)
        self.other_articles_button.setObjectName("entityOtherArticles")
        self.other_articles_button.setAccessibleName("In other articles")
        self.other_articles_button.setToolTip("Where this name is in the articles of your library (Ctrl+Shift+E)")
        self.other_articles_button.clicked.connect(self.otherArticlesRequested)
        self.mentions = LocalOnlyBrowser(self)
        self.mentions.setObjectName("entityMentions")
        self.mentions.setAccessibleName("Mentions in context")
        self.mentions.setOpenLinks(False)
        self.mentions.anchorClicked.connect(self._on_anchor)

        nav = QHBoxLayout()
        nav.setSpacing(6)
        nav.addWidget(self.previous_button)
        nav.addWidget(self.position, 1)
        nav.addWidget(self.next_button)
        title = QHBoxLayout()
        title.setSpacing(6)
        self.icon = QLabel(self)
        self.icon.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        title.addWidget(self.icon)
        title.addWidget(self.kind, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 6)
        layout.setSpacing(4)
        layout.addWidget(self.name)
        layout.addLayout(title)
        layout.addWidget(self.aliases)
        # A row of its own: beside the type it would cut "Person (PERSON) · 6 mentions" in a narrow dock.
        layout.addWidget(self.other_articles_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addSpacing(4)
        layout.addLayout(nav)
        layout.addWidget(self.mentions, 1)
        self.clear()

    # state ----------------------------------------------------------------------------------
    @property
    def entity(self) -> Entity | None:
        return self._entity

    @property
    def current_index(self) -> int:
        return self._current

    def clear(self) -> None:
        self._entity, self._quotes, self._current = None, [], -1
        self.name.setText("No entity selected")
        self.kind.setText("")
        self.icon.clear()
        self.aliases.setText("")
        self.mentions.setHtml(_EMPTY.format(muted=self._theme.muted.name()))
        self.other_articles_button.setEnabled(False)
        self.other_articles_button.hide()  # nothing to look up: no clutter on the empty card
        self._update_nav()

    def set_analysis(self, analysis: Analysis | None) -> None:
        self._analysis = analysis
        entity_id = self._entity.id if self._entity else None
        if analysis and entity_id and analysis.entity(entity_id):
            self.show_entity(entity_id)
        else:
            self.clear()

    def set_theme(self, new_theme: theme.Theme) -> None:
        self._theme = new_theme
        if self._entity:
            self.show_entity(self._entity.id, self._current_start(), refresh=True)
        else:
            self.clear()

    def show_entity(self, entity_id: str, at_offset: int | None = None, refresh: bool = False) -> None:
        """Fill the card; ``at_offset`` makes the mention starting there the current one."""
        entity = self._analysis.entity(entity_id) if self._analysis else None
        if entity is None:
            self.clear()
            return
        starts = [m.start for m in entity.mentions]
        current = max(bisect_right(starts, at_offset) - 1, 0) if at_offset is not None else None
        if entity is self._entity and not refresh:  # already shown: only move the current line
            if current is not None and current != self._current:
                self._mark_line(self._current, False)
                self._current = current
                self._mark_line(current, True)
                self._update_nav()
                self.mentions.scrollToAnchor(f"m{current}")
            return
        same = self._entity is not None and self._entity.id == entity.id
        self._entity = entity
        self._quotes = [q for q in self._analysis.quotes if q.speaker and q.speaker.entity_id == entity.id]
        if current is not None:
            self._current = current
        elif not same:
            self._current = -1
        style = self._theme.type_style(entity.label)
        count = len(entity.mentions)
        self.name.setText(entity.name)
        self.icon.setPixmap(swatch_icon(style).pixmap(22, 14))
        self.kind.setText(f"{style.tag.capitalize()} ({entity.label}) · {count} mention{'s' if count != 1 else ''}")
        self.kind.setAccessibleName(f"Type {entity.label}, {count} mentions")
        others = [a for a in entity.aliases if a != entity.name]
        self.aliases.setText(f"Also: {', '.join(others)}" if others else "")
        self.aliases.setVisible(bool(others))
        self.other_articles_button.setEnabled(True)
        self.other_articles_button.show()
        self._render()

    def next_mention(self) -> None:
        self._step(1)

    def previous_mention(self) -> None:
        self._step(-1)

    # internals ------------------------------------------------------------------------------
    def _step(self, delta: int) -> None:
        if self._entity is None or not self._entity.mentions:
            return
        count = len(self._entity.mentions)
        self._go_to((delta - 1 if delta > 0 else count - 1) if self._current < 0 else (self._current + delta) % count)

    def _go_to(self, i: int) -> None:
        """Make mention ``i`` the current one: mark its line in the list, show it in the article."""
        self._mark_line(self._current, False)
        self._current = i
        self._mark_line(i, True)
        self._update_nav()
        self.mentions.scrollToAnchor(f"m{i}")
        mention = self._entity.mentions[i]
        self.mentionActivated.emit(mention.start, mention.end)

    def _mark_line(self, i: int, current: bool) -> None:
        """Each mention is one paragraph of the list, in order: restyle just that one."""
        block = self.mentions.document().findBlockByNumber(i)
        if i < 0 or not block.isValid():
            return
        fmt = QTextBlockFormat()
        if current:
            fmt.setBackground(theme.mix(self._theme.paper, self._theme.focus_background, 0.35))
        else:
            fmt.setBackground(Qt.BrushStyle.NoBrush)
        QTextCursor(block).mergeBlockFormat(fmt)

    def _current_start(self) -> int | None:
        if self._entity is None or self._current < 0:
            return None
        return self._entity.mentions[self._current].start

    def _update_nav(self) -> None:
        count = len(self._entity.mentions) if self._entity else 0
        self.previous_button.setEnabled(count > 0)
        self.next_button.setEnabled(count > 0)
        self.position.setText(f"{self._current + 1} of {count}" if self._current >= 0 else
                              f"{count} mention{'s' if count != 1 else ''}" if count else "")

    def _render(self) -> None:
        self._update_nav()
        entity, analysis = self._entity, self._analysis
        if entity is None or analysis is None:
            return
        t = self._theme
        parts = [f"<style>a {{ color: {t.ink.name()}; text-decoration: none; }} "
                 f"p {{ margin: 0 0 8px 0; }} h4 {{ margin: 12px 0 4px 0; }}</style>"]
        for i, mention in enumerate(entity.mentions):
            snippet = _context(analysis, mention)
            parts.append(f"<p><a name='m{i}' href='mention:{i}'><span style='color:{t.muted.name()}'>{i + 1}.</span> "
                         f"{snippet}</a></p>")
        if self._quotes:
            parts.append(f"<h4>Quotes by {html.escape(entity.name)} ({len(self._quotes)})</h4>")
            for i, quote in enumerate(self._quotes):
                cue = f" <span style='color:{t.muted.name()}'>— {html.escape(quote.cue)}</span>" if quote.cue else ""
                if quote.speaker_uncertain:  # as the quotes panel says it: the attribution is a guess
                    cue += (f" <i style='color:{t.muted.name()}' title='Reader is not sure who said this'>"
                            "(probably)</i>")
                parts.append(f"<p><a href='quote:{i}'>“{html.escape(_shorten(quote.text, 260))}”</a>{cue}</p>")
        self.mentions.setHtml("".join(parts))
        if self._current >= 0:
            self._mark_line(self._current, True)
            self.mentions.scrollToAnchor(f"m{self._current}")

    def _on_anchor(self, url: QUrl) -> None:
        kind, _, number = url.toString().partition(":")
        if not number.isdigit() or self._entity is None:
            return
        i = int(number)
        if kind == "mention" and i < len(self._entity.mentions):
            self._go_to(i)
        elif kind == "quote" and i < len(self._quotes):
            self.quoteActivated.emit(self._quotes[i].start, self._quotes[i].end)


def _context(analysis: Analysis, mention: Mention) -> str:
    """The mention's sentence as HTML, the mention in bold, long sentences cut around it."""
    text = analysis.text
    sentence = _sentence_of(analysis.sentences, mention)
    first, last = (sentence.start, sentence.end) if sentence else (0, len(text))
    start = max(first, mention.start - CONTEXT_CHARS)
    end = min(last, mention.end + CONTEXT_CHARS)
    if start > first and not text[start - 1].isspace():  # cut inside a word: start at the next whole one
        space = _next_space(text, start, mention.start)
        start = space + 1 if space >= 0 else start
    if end < last and not text[end].isspace():  # and end after the last whole word
        space = text.rfind(" ", mention.end, end)
        end = space if space >= 0 else end
    before = text[start:mention.start].lstrip()
    after = text[mention.end:end].rstrip()
    lead = "…" if start > first else ""
    tail = "…" if end < last else ""
    return (f"{lead}{html.escape(before)}<b><u>{html.escape(text[mention.start:mention.end])}</u></b>"
            f"{html.escape(after)}{tail}").replace("\n", " ")


def _next_space(text: str, start: int, limit: int) -> int:
    for i in range(start, limit):
        if text[i].isspace():
            return i
    return -1


def _sentence_of(sentences: tuple[Span, ...], mention: Mention) -> Span | None:
    lo, hi = 0, len(sentences)
    while lo < hi:
        mid = (lo + hi) // 2
        if sentences[mid].end <= mention.start:
            lo = mid + 1
        else:
            hi = mid
    if lo < len(sentences) and sentences[lo].start <= mention.start:
        return sentences[lo]
    return None


def _shorten(text: str, limit: int) -> str:
    """At most ``limit`` characters, cut after a whole word, with an ellipsis."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[:limit - 1]
    words = cut.rsplit(" ", 1)[0] if " " in cut[limit // 2:] else cut
    return words.rstrip(" ,;:") + "…"
