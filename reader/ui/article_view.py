"""The reading view: the article with its highlights; clicks on links and mentions go up as signals.

Links are anchors with an internal href (``reader-link:<offset>``); anchor navigation is
off, so clicking one never opens anything: it only reports which link was clicked.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from operator import attrgetter
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QPoint, QPointF, Qt, QUrl, Signal
from PySide6.QtGui import (QFontMetricsF, QGuiApplication, QMouseEvent, QPalette, QResizeEvent, QTextCharFormat,
                           QTextCursor, QTextDocument)
from PySide6.QtWidgets import QFrame, QWidget

from . import document, theme
from .highlights import Highlighter, Mark
from .privacy import LocalOnlyBrowser, LocalOnlyDocument, plain_tip

if TYPE_CHECKING:  # the core is imported off the GUI thread, after the window shows
    from ..core.model import Analysis, Article, Link, Mention

LINK_SCHEME = "reader-link"
MEASURE_CHARS = 70
ZOOM_MIN, ZOOM_MAX = -6, 10
MAX_FIND_MARKS = 20_000
REBUILD_ABOVE = 3_000  # changed ranges beyond which a layer change rebuilds the document instead
_MEASURE_SAMPLE = "the quick brown fox jumps over the lazy dog, Syria said on Thursday. "


class ArticleView(LocalOnlyBrowser):
    linkClicked = Signal(int)  # the link's start offset
    linkOpenRequested = Signal(int)  # Ctrl+click: a deliberate request to open (still checked by policy)
    linkHovered = Signal(int)  # start offset, -1 when the pointer leaves the link
    mentionClicked = Signal(str, int)  # entity id, mention start offset
    zoomChanged = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("articleView")
        self.setAccessibleName("Article")
        self.setAccessibleDescription("The article's text with its named entities highlighted")
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setAcceptDrops(False)  # the window takes dropped files
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction
                                     | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self._theme = theme.current()
        self._zoom = 0
        self._article: Article | None = None
        self._analysis: Analysis | None = None
        self._offsets: document.OffsetMap | None = None
        self._highlighter = Highlighter(self.document(), [])
        self._marks: dict[str, list[Mark]] = {}
        self._hidden: set[str] = set()
        self._focus: str | None = None
        self._mentions: list[Mention] = []
        self._mention_starts: list[int] = []
        self._entity_tips: dict[str, str] = {}
        self._find: list[tuple[int, int]] = []
        self._find_index = -1
        self.anchorClicked.connect(self._on_anchor_clicked)
        self.highlighted.connect(self._on_anchor_hovered)
        self._apply_palette()

    # content --------------------------------------------------------------------------------
    @property
    def article(self) -> Article | None:
        return self._article

    @property
    def offsets(self) -> document.OffsetMap | None:
        return self._offsets

    def set_article(self, article: Article) -> None:
        """Show a new article at once, without highlights (they come with its analysis)."""
        self._article, self._analysis = article, None
        self._focus, self._find, self._find_index = None, [], -1
        self._index_mentions()
        self._rebuild()
        self.verticalScrollBar().setValue(0)

    def set_analysis(self, analysis: Analysis) -> None:
        if analysis.article is not self._article:
            self._article = analysis.article
            self._analysis = analysis
            self._index_mentions()
            self._rebuild()
            return
        self._analysis = analysis
        self._index_mentions()
        self._rebuild(keep_view=True)  # a fresh document with every highlight, swapped in: no relayout of it all

    def set_hidden_labels(self, labels: set[str]) -> None:
        if labels != self._hidden:
            self._hidden = set(labels)
            self._update_layer("entities", self._entity_marks())

    def set_focus_entity(self, entity_id: str | None) -> None:
        if entity_id != self._focus:
            self._focus = entity_id
            self._update_layer("focus", self._focus_marks())

    def set_theme(self, new_theme: theme.Theme) -> None:
        self._theme = new_theme
        self._apply_palette()
        self._rebuild(keep_view=True)

    # positions ------------------------------------------------------------------------------
    def select_span(self, start: int, end: int) -> None:
        """Select text offsets [start, end) and scroll them into view."""
        if self._offsets is None:
            return
        first, last = self._offsets.span(start, end)
        cursor = QTextCursor(self.document())
        cursor.setPosition(last)
        cursor.setPosition(first, QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        self._scroll_to(cursor)

    def selected_span(self) -> tuple[int, int] | None:
        cursor = self.textCursor()
        if self._offsets is None or not cursor.hasSelection():
            return None
        start, end = self._offsets.offset(cursor.selectionStart()), self._offsets.offset(cursor.selectionEnd())
        return None if start is None or end is None else (start, end)

    def offset_at(self, point: QPoint) -> int | None:
        """The text offset of the character under a viewport point, or None."""
        if self._offsets is None:
            return None
        scrolled = QPointF(point.x() + self.horizontalScrollBar().value(), point.y() + self.verticalScrollBar().value())
        position = self.document().documentLayout().hitTest(scrolled, Qt.HitTestAccuracy.ExactHit)
        return None if position < 0 else self._offsets.offset(position)

    def mention_at(self, offset: int) -> Mention | None:
        i = bisect_right(self._mention_starts, offset) - 1
        while i >= 0:  # overlapping mentions are rare: look back a little
            mention = self._mentions[i]
            if mention.start <= offset < mention.end and self._clickable(mention):
                return mention
            if offset - mention.start > 200:
                break
            i -= 1
        return None

    def point_of(self, offset: int) -> QPoint:
        """A viewport point inside the character at ``offset`` (for tests and tooltips)."""
        cursor = QTextCursor(self.document())
        cursor.setPosition(self._offsets.position(offset) if self._offsets else 0)
        left = self.cursorRect(cursor)
        cursor.movePosition(QTextCursor.MoveOperation.NextCharacter)
        right = self.cursorRect(cursor)
        x = (left.left() + right.left()) // 2 if right.top() == left.top() else left.left() + 2
        return QPoint(x, left.center().y())

    # find -----------------------------------------------------------------------------------
    def find_all(self, query: str) -> int:
        """Mark every match of ``query`` (case-insensitive); returns how many there are."""
        self._find, self._find_index = [], -1
        if query and self._article is not None:
            pattern = re.compile(re.escape(query), re.IGNORECASE)
            for i, match in enumerate(pattern.finditer(self._article.text)):
                if i >= MAX_FIND_MARKS:
                    break
                self._find.append(match.span())
        self._update_layer("find", self._find_marks())
        return len(self._find)

    def find_step(self, forward: bool = True) -> tuple[int, int]:
        """Go to the next (or previous) match after the cursor; returns (1-based index, count)."""
        if not self._find:
            return 0, 0
        if self._find_index < 0:
            here = self._offsets.offset(self.textCursor().selectionStart()) if self._offsets else 0
            starts = [s for s, _ in self._find]
            i = bisect_right(starts, (here or 0) - 1)
            self._find_index = (i if forward else i - 1) % len(self._find)
        else:
            self._find_index = (self._find_index + (1 if forward else -1)) % len(self._find)
        self.select_span(*self._find[self._find_index])
        return self._find_index + 1, len(self._find)

    # zoom -----------------------------------------------------------------------------------
    @property
    def zoom(self) -> int:
        return self._zoom

    def set_zoom(self, steps: int) -> None:
        steps = max(ZOOM_MIN, min(ZOOM_MAX, steps))
        if steps == self._zoom:
            return
        self._zoom = steps
        self._rebuild(keep_view=True)
        self.zoomChanged.emit(steps)

    def zoom_in(self) -> None:
        self.set_zoom(self._zoom + 1)

    def zoom_out(self) -> None:
        self.set_zoom(self._zoom - 1)

    def font_point_size(self) -> float:
        return theme.READING_POINT_SIZE * (1.1 ** self._zoom)

    # events ---------------------------------------------------------------------------------
    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        point = event.position().toPoint()
        if event.button() != Qt.MouseButton.LeftButton or self.anchorAt(point) or self.textCursor().hasSelection():
            return
        offset = self.offset_at(point)
        mention = self.mention_at(offset) if offset is not None else None
        if mention is not None:
            self.mentionClicked.emit(mention.entity_id, mention.start)

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._apply_measure(self.document())
        super().resizeEvent(event)

    def wheelEvent(self, event) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.set_zoom(self._zoom + (1 if event.angleDelta().y() > 0 else -1))
            event.accept()
            return
        super().wheelEvent(event)

    def _on_anchor_clicked(self, url: QUrl) -> None:
        start = _link_start(url)
        if start is None:
            return
        self.linkClicked.emit(start)
        if QGuiApplication.keyboardModifiers() & Qt.KeyboardModifier.ControlModifier:
            self.linkOpenRequested.emit(start)

    def _on_anchor_hovered(self, url: QUrl) -> None:
        start = _link_start(url)
        self.linkHovered.emit(-1 if start is None else start)

    # building -------------------------------------------------------------------------------
    def _rebuild(self, keep_view: bool = False, recompute: bool = True) -> None:
        """Build a new document with every layer applied, then show it in place of the old one.

        Filling a document that no view shows costs no layout; once shown, the view lays it
        out lazily, the visible part first. That is what keeps a 1 MB article responsive.
        """
        if self._article is None:
            return
        anchor = self._view_anchor() if keep_view else None
        selection = self.selected_span() if keep_view else None
        doc = LocalOnlyDocument(self)  # never loads anything remote (privacy.py)
        doc.setDocumentMargin(0)
        typography = document.Typography(theme.reading_font(self.font_point_size()), self._theme)
        built = document.build(doc, self._article, typography)
        self._offsets = built.offsets  # the same positions as before when the article is the same
        self._highlighter = Highlighter(doc, built.base)
        if recompute:
            self._marks = {"entities": self._entity_marks(), "links": self._link_marks(),
                           "focus": self._focus_marks(), "find": self._find_marks()}
        for name, marks in self._marks.items():
            self._highlighter.set_layer(name, marks)
        self._highlighter.render()
        self._apply_measure(doc)
        old = self.document()
        ours = old.parent() is self  # the first one belongs to QTextEdit, which deletes it itself
        self.setDocument(doc)
        if ours:
            # At once, not deleteLater(): until it is gone, the old document's layout goes on laying
            # out all of its text in the background (~0.1-0.3 s of GUI thread for 1 MB), for nothing.
            # Nothing refers to it any more: the view and the highlighter hold the new one.
            shiboken6.delete(old)
        if selection is not None:
            self._set_selection(*selection)
        if anchor is not None:
            self._restore_anchor(*anchor)

    def _update_layer(self, name: str, marks: list[Mark]) -> None:
        self._marks[name] = marks
        changed = self._highlighter.set_layer(name, marks)
        if len(changed) > REBUILD_ABOVE:
            self._rebuild(keep_view=True, recompute=False)  # thousands of restyles relayout more than one swap
        else:
            self._highlighter.restyle(changed)

    def _view_anchor(self) -> tuple[int, float] | None:
        """The text offset at the top of the view and how far the view is scrolled past its block's top."""
        value = self.verticalScrollBar().value()
        if self._offsets is None or value == 0:
            return None
        cursor = self.cursorForPosition(QPoint(0, 0))
        offset = self._offsets.offset(cursor.position())
        if offset is None:
            return None
        top = self.document().documentLayout().blockBoundingRect(cursor.block()).top()
        return offset, value - top

    def _restore_anchor(self, offset: int, past_top: float) -> None:
        block = self.document().findBlock(self._offsets.position(offset))
        top = self.document().documentLayout().blockBoundingRect(block).top()  # lays out up to there
        self.verticalScrollBar().setValue(round(top + past_top))

    def _set_selection(self, start: int, end: int) -> None:
        first, last = self._offsets.span(start, end)
        cursor = QTextCursor(self.document())
        cursor.setPosition(last)
        cursor.setPosition(first, QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)

    def _apply_measure(self, doc: QTextDocument) -> None:
        font = theme.reading_font(self.font_point_size())
        metrics = QFontMetricsF(font)
        measure = metrics.horizontalAdvance(_MEASURE_SAMPLE) / len(_MEASURE_SAMPLE) * MEASURE_CHARS
        document.set_measure(doc, max(self.viewport().width(), 200), measure, font.pointSizeF() * 96 / 72)

    def _apply_palette(self) -> None:
        pal = self.palette()
        pal.setColor(QPalette.ColorRole.Base, self._theme.paper)
        pal.setColor(QPalette.ColorRole.Text, self._theme.ink)
        pal.setColor(QPalette.ColorRole.Link, self._theme.link)
        self.setPalette(pal)

    def _index_mentions(self) -> None:
        analysis = self._analysis
        mentions = [m for e in analysis.entities for m in e.mentions] if analysis else []
        # By start, the longest first at one start: two stable sorts on C-level keys (no lambda for
        # each of 25,000 mentions).
        mentions.sort(key=attrgetter("end"), reverse=True)
        mentions.sort(key=attrgetter("start"))
        self._mentions = mentions
        self._mention_starts = [m.start for m in mentions]
        self._entity_tips = {}
        if analysis:
            for entity in analysis.entities:
                style = self._theme.type_style(entity.label)
                count = len(entity.mentions)
                self._entity_tips[entity.id] = (f"{entity.name} — {style.tag} ({entity.label}), "
                                                f"{count} mention{'s' if count != 1 else ''}")

    def _clickable(self, mention: Mention) -> bool:
        return mention.label not in self._hidden or mention.entity_id == self._focus

    def _entity_marks(self) -> list[Mark]:
        if self._analysis is None or self._offsets is None:
            return []
        marks: list[Mark] = []
        spans = self._offsets.spans
        for entity in self._analysis.entities:
            if entity.label in self._hidden:
                continue
            fmt = self._entity_format(entity.label, self._entity_tips.get(entity.id, ""))
            marks.extend((a, b, fmt) for a, b in spans([(m.start, m.end) for m in entity.mentions]))
        return marks

    def _entity_format(self, label: str, tip: str) -> QTextCharFormat:
        style = self._theme.type_style(label)
        fmt = QTextCharFormat()
        fmt.setBackground(style.background)
        fmt.setUnderlineStyle(style.underline_style)
        fmt.setUnderlineColor(style.underline)
        fmt.setToolTip(plain_tip(tip))
        return fmt

    def _link_marks(self) -> list[Mark]:
        if self._article is None or self._offsets is None:
            return []
        analysed: dict[int, Link] = {link.start: link for link in self._analysis.links} if self._analysis else {}
        marks: list[Mark] = []
        for span in self._article.links:
            link = analysed.get(span.start)
            fmt = QTextCharFormat()
            fmt.setAnchor(True)
            fmt.setAnchorHref(f"{LINK_SCHEME}:{span.start}")
            policy = link.policy if link else "open"
            colour = {"never": self._theme.link_danger, "confirm": self._theme.link_warning}.get(policy, self._theme.link)
            fmt.setForeground(colour)
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline if policy == "never"
                                  else QTextCharFormat.UnderlineStyle.DashUnderline if policy == "confirm"
                                  else QTextCharFormat.UnderlineStyle.SingleUnderline)
            fmt.setUnderlineColor(colour)
            target = (link.display_url or link.url or link.href) if link else span.href
            note = {"never": " — Reader will not open this link", "confirm": " — flagged: Reader asks before opening"}
            fmt.setToolTip(plain_tip(f"{target}{note.get(policy, '')}"))
            marks.append((*self._offsets.span(span.start, span.end), fmt))
        return marks

    def _focus_marks(self) -> list[Mark]:
        entity = self._analysis.entity(self._focus) if (self._analysis and self._focus) else None
        if entity is None or self._offsets is None:
            return []
        fmt = QTextCharFormat()
        fmt.setBackground(self._theme.focus_background)
        fmt.setForeground(self._theme.focus_ink)
        return [(a, b, fmt) for a, b in self._offsets.spans([(m.start, m.end) for m in entity.mentions])]

    def _find_marks(self) -> list[Mark]:
        if not self._find or self._offsets is None:
            return []
        fmt = QTextCharFormat()
        fmt.setBackground(self._theme.find_background)
        fmt.setForeground(self._theme.find_ink)
        return [(a, b, fmt) for a, b in self._offsets.spans(self._find)]

    def _scroll_to(self, cursor: QTextCursor) -> None:
        rect = self.cursorRect(cursor)
        bar = self.verticalScrollBar()
        height = self.viewport().height()
        if rect.top() < height * 0.15 or rect.bottom() > height * 0.85:
            bar.setValue(bar.value() + rect.top() - height // 3)


def _link_start(url: QUrl) -> int | None:
    text = url.toString()
    if not text.startswith(LINK_SCHEME + ":"):
        return None
    try:
        return int(text[len(LINK_SCHEME) + 1:])
    except ValueError:
        return None
