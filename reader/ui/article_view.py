"""The reading view: the article, its highlights painted over the visible lines, quotes marked.

The document holds the text and the links (anchors with an internal href,
``reader-link:<offset>``; anchor navigation is off, so clicking one never opens anything:
it only reports which link was clicked). Entity highlights, the selected entity's
mentions, find matches and quote marks are not in the document: the view paints them in
its paint event, from sorted document positions, for the lines on screen only (backgrounds
under the text, underlines over it). Showing an analysis therefore changes no character
format and lays nothing out again; hiding a type, selecting an entity or a find only
repaints.

Quotes are marked quietly: a faint tint of the speaker's colour under the words and a bar
of that colour in the left margin (``set_quote_marks_visible``). Clicking a quote's words
(not a name in it) or its bar emits ``quoteClicked``; hovering names the speaker.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from operator import attrgetter
from typing import TYPE_CHECKING, NamedTuple

import shiboken6
from PySide6.QtCore import QEvent, QPoint, QPointF, QRect, QRectF, Qt, QUrl, Signal
from PySide6.QtGui import (
    QColor,
    QFontMetricsF,
    QGuiApplication,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QResizeEvent,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import QFrame, QMenu, QToolTip, QWidget

from . import document, theme
from .highlights import Highlighter, PaintLayer, line_boxes
from .privacy import LocalOnlyBrowser, LocalOnlyDocument, plain_tip
from .swatch import draw_text_underline

if TYPE_CHECKING:  # the core is imported off the GUI thread, after the window shows
    from ..core.model import Analysis, Article, Mention, Quote

LINK_SCHEME = "reader-link"
ZOOM_MIN, ZOOM_MAX = -6, 10
MAX_FIND_MARKS = 20_000
PAINTED = ("quotes", "entities", "focus", "find")  # painted layers, bottom to top (links: in the document)
# Quote bars, one colour per speaker (most quoted first): quiet hues, apart from the entity colours.
SPEAKER_COLOURS = ("#8a6fbf", "#3f8f8a", "#c07a3a", "#4f7fbf", "#b0588f", "#6f8f2f", "#9a7f3a", "#5f6f8f")
SPEAKER_COLOURS_DARK = ("#b9a2ea", "#6fc4be", "#e8a76a", "#86b2ee", "#e08cc0", "#a6c766", "#d4b46a", "#9aaac8")
_NO_UNDERLINE = QTextCharFormat.UnderlineStyle.NoUnderline
_START, _END, _ENTITY = attrgetter("start"), attrgetter("end"), attrgetter("entity_id")
_MEASURE_SAMPLE = "the quick brown fox jumps over the lazy dog, Syria said on Thursday. "


class Painted(NamedTuple):
    """What the view paints at one character: the background on top, and the entity underline."""

    layer: str  # "find", "focus", "entities"
    background: QColor
    underline: QColor | None
    underline_style: QTextCharFormat.UnderlineStyle


class ArticleView(LocalOnlyBrowser):
    linkClicked = Signal(int)  # the link's start offset
    linkOpenRequested = Signal(int)  # Ctrl+click: a deliberate request to open (still checked by policy)
    linkHovered = Signal(int)  # start offset, -1 when the pointer leaves the link
    mentionClicked = Signal(str, int)  # entity id, mention start offset
    quoteClicked = Signal(int)  # the quote's index in the analysis' quotes
    zoomChanged = Signal(int)
    # The context menu (Copy, Select All) and the viewport point it is for: the window adds its actions (corrections).
    contextMenuAboutToShow = Signal(QMenu, QPoint)

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
        self.viewport().setMouseTracking(True)
        self._theme = theme.current()
        self._zoom = 0
        self._article: Article | None = None
        self._analysis: Analysis | None = None
        self._offsets: document.OffsetMap | None = None
        self._highlighter = Highlighter(self.document(), [])
        self._document_is_ours = False  # the document shown is QTextEdit's own until an article is shown
        self._link_looks: dict[int, str] = {}  # link start -> the policy its format shows
        self._pending_links = PaintLayer.empty()  # links to restyle when they come into view: (LinkSpan, policy)
        self._hidden: set[str] = set()
        self._focus: str | None = None
        self._mentions: list[Mention] = []
        self._mention_starts: list[int] = []
        self._mention_labels: dict[int, str] = {}  # id(mention) -> its entity's label
        self._entity_tips: dict[str, str] = {}
        self._entity_names_cache: dict[str, str] | None = None
        self._find: list[tuple[int, int]] = []
        self._find_index = -1
        self._quote_marks = True
        self._quote_colours: list[QColor] = []  # per quote, its speaker's colour
        self._layers: dict[str, PaintLayer] = {name: PaintLayer.empty() for name in (*PAINTED, "links")}
        self._styles: dict[str, theme.TypeStyle] = {}
        self._underline_metrics = (0.0, 1.0, 1.0)  # underline position, thickness, ascent at the base size
        self.anchorClicked.connect(self._on_anchor_clicked)
        self.highlighted.connect(self._on_anchor_hovered)
        self.verticalScrollBar().valueChanged.connect(self._restyle_visible_links)
        self._apply_palette()

    # content --------------------------------------------------------------------------------
    @property
    def article(self) -> Article | None:
        return self._article

    @property
    def offsets(self) -> document.OffsetMap | None:
        return self._offsets

    @property
    def analysis(self) -> Analysis | None:
        return self._analysis

    def set_article(self, article: Article) -> None:
        """Show a new article at once, without highlights (they come with its analysis)."""
        self._article, self._analysis = article, None
        self._focus, self._find, self._find_index = None, [], -1
        self._rebuild()
        self._index_analysis()
        self.verticalScrollBar().setValue(0)

    def set_analysis(self, analysis: Analysis) -> None:
        """Show an analysis' highlights: painted, so the document is neither re-formatted nor laid out again."""
        if analysis.article is not self._article:
            self._article = analysis.article
            self._analysis = analysis
            self._focus, self._find, self._find_index = None, [], -1
            self._rebuild()
            self._index_analysis()
            return
        self._analysis = analysis
        self._restyle_links()
        self._index_analysis()

    def set_hidden_labels(self, labels: set[str]) -> None:
        if labels != self._hidden:
            self._hidden = set(labels)
            self.viewport().update()

    def hidden_labels(self) -> set[str]:
        return set(self._hidden)

    def set_focus_entity(self, entity_id: str | None) -> None:
        if entity_id != self._focus:
            self._focus = entity_id
            self._layers["focus"] = self._focus_layer()
            self.viewport().update()

    def set_quote_marks_visible(self, visible: bool) -> None:
        """Show or hide the quote marks (the legend's toggle)."""
        if visible != self._quote_marks:
            self._quote_marks = visible
            self.viewport().update()

    def quote_marks_visible(self) -> bool:
        return self._quote_marks

    def set_theme(self, new_theme: theme.Theme) -> None:
        self._theme = new_theme
        self._styles = {}
        self._apply_palette()
        self._rebuild(keep_view=True)  # link colours are in the document
        self._quote_colours = self._speaker_colours()

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

    def scroll_to_offset(self, offset: int) -> None:
        """Bring the text at ``offset`` into view (a third of the way down), leaving the selection alone."""
        if self._offsets is None:
            return
        cursor = QTextCursor(self.document())
        cursor.setPosition(self._offsets.position(offset))
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

    def quote_at(self, offset: int) -> int | None:
        """The index (in the analysis' quotes) of the innermost quote holding ``offset``, or None."""
        if self._offsets is None:
            return None
        layer = self._layers["quotes"]
        found = layer.at(self._offsets.position(offset))
        return layer.keys[found[0]] if found else None

    def quote_at_point(self, point: QPoint) -> int | None:
        """The quote under a viewport point: on its words, or on its bar in the margin."""
        if not self._quote_marks or not len(self._layers["quotes"]):
            return None
        offset = self.offset_at(point)
        if offset is not None:
            found = self.quote_at(offset)
            if found is not None:
                return found
        return self._quote_on_bar(point)

    def painted_at(self, offset: int) -> Painted | None:
        """The highlight painted at a text offset (the top layer's background, the entity's underline)."""
        if self._offsets is None:
            return None
        position = self._offsets.position(offset)
        entity = self._layers["entities"]
        under: theme.TypeStyle | None = None
        for i in entity.at(position):
            if entity.keys[i] not in self._hidden:
                under = self._style(entity.keys[i])
                break
        for name, colour in (("find", self._theme.find_background), ("focus", self._theme.focus_background)):
            if self._layers[name].at(position):
                return Painted(name, colour, under.underline if under else None,
                               under.underline_style if under else _NO_UNDERLINE)
        if under is None:
            return None
        return Painted("entities", under.background, under.underline, under.underline_style)

    def tooltip_at(self, point: QPoint) -> str:
        """What hovering a viewport point explains: the link, the entity, the quote's speaker."""
        lines: list[str] = []
        offset = self.offset_at(point)
        if offset is not None:
            link = self._link_tip(offset) if self.anchorAt(point) else ""
            if link:
                lines.append(link)
            mention = self.mention_at(offset)
            if mention is not None:
                lines.append(self._entity_tips.get(mention.entity_id, ""))
        quote = self.quote_at_point(point)
        if quote is not None and self._analysis is not None:
            lines.append(_quote_tip(self._analysis.quotes[quote], self._entity_names()))
        return "\n".join(line for line in lines if line)

    def mark_boxes(self, start: int, end: int) -> list[QRectF]:
        """Viewport rectangles of the text [start, end), one per line (where highlights are painted)."""
        if self._offsets is None:
            return []
        a, b = self._offsets.span(start, end)
        dx, dy = self.horizontalScrollBar().value(), self.verticalScrollBar().value()
        return [box.rect.translated(-dx, -dy) for box in line_boxes(self.document(), a, b)]

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
        self._layers["find"] = self._find_layer()
        self.viewport().update()
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
    def paintEvent(self, event: QPaintEvent) -> None:
        """Backgrounds (quotes, entities, focus, find) under the text; entity underlines over it."""
        painted = self._painted_range(event.rect())
        if painted is None:
            super().paintEvent(event)
            return
        first, last = painted
        dx, dy = self.horizontalScrollBar().value(), self.verticalScrollBar().value()
        doc = self.document()
        painter = QPainter(self.viewport())
        painter.translate(-dx, -dy)
        painter.setPen(Qt.PenStyle.NoPen)
        if self._quote_marks:
            self._paint_quotes(painter, doc, first, last)
        entities, hidden, style = self._layers["entities"], self._hidden, self._style
        shown: dict[int, list] = {}  # entity range -> its line boxes, measured once for both passes
        for i in entities.overlapping(first, last):
            label = entities.keys[i]
            if label not in hidden:
                colour = style(label).background
                boxes = shown[i] = line_boxes(doc, entities.starts[i], entities.ends[i])
                for box in boxes:
                    painter.fillRect(box.rect.toAlignedRect(), colour)
        for name, colour in (("focus", self._theme.focus_background), ("find", self._theme.find_background)):
            layer = self._layers[name]
            for i in layer.overlapping(first, last):
                for box in line_boxes(doc, layer.starts[i], layer.ends[i]):
                    painter.fillRect(box.rect.toAlignedRect(), colour)
        painter.end()
        super().paintEvent(event)
        painter = QPainter(self.viewport())
        painter.translate(-dx, -dy)
        position, thickness, ascent = self._underline_metrics
        links = self._layers["links"]
        for i, boxes in shown.items():
            look = style(entities.keys[i])
            if look.underline_style == _NO_UNDERLINE:
                continue
            # A link's own underline wins over a name's (as when both were character formats).
            start, end = entities.starts[i], entities.ends[i]
            parts = _uncovered(start, end, links)
            for part in parts:
                for box in boxes if part == (start, end) else line_boxes(doc, *part):
                    scale = box.ascent / ascent if ascent else 1.0
                    draw_text_underline(painter, look.underline, look.underline_style, box.rect.left(),
                                        box.rect.right(), box.baseline, position * scale, thickness * scale,
                                        box.descent)
        painter.end()

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            point = event.pos()
            tip = self.tooltip_at(point)
            if tip:
                QToolTip.showText(event.globalPos(), plain_tip(tip), self.viewport())
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().viewportEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        super().mouseMoveEvent(event)
        if event.buttons() == Qt.MouseButton.NoButton and not self.anchorAt(event.position().toPoint()):
            quote = self.quote_at_point(event.position().toPoint())
            mention = None
            if quote is None:
                offset = self.offset_at(event.position().toPoint())
                mention = self.mention_at(offset) if offset is not None else None
            shape = Qt.CursorShape.PointingHandCursor if (quote is not None or mention is not None) \
                else Qt.CursorShape.IBeamCursor
            if self.viewport().cursor().shape() != shape:
                self.viewport().setCursor(shape)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        point = event.position().toPoint()
        if event.button() != Qt.MouseButton.LeftButton or self.anchorAt(point) or self.textCursor().hasSelection():
            return
        offset = self.offset_at(point)
        mention = self.mention_at(offset) if offset is not None else None
        if mention is not None:
            self.mentionClicked.emit(mention.entity_id, mention.start)
            return
        quote = self.quote_at_point(point)
        if quote is not None:
            self.quoteClicked.emit(quote)

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._apply_measure(self.document())
        super().resizeEvent(event)
        self._restyle_visible_links()

    def context_menu(self, point: QPoint) -> QMenu:
        """The menu for a viewport point: Qt's own (Copy, Select All), then what ``contextMenuAboutToShow`` adds."""
        scrolled = QPoint(point.x() + self.horizontalScrollBar().value(), point.y() + self.verticalScrollBar().value())
        menu = self.createStandardContextMenu(scrolled)
        self.contextMenuAboutToShow.emit(menu, point)
        return menu

    def contextMenuEvent(self, event) -> None:
        menu = self.context_menu(event.pos())
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(event.globalPos())

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

    # painting -------------------------------------------------------------------------------
    def _painted_range(self, rect: QRect) -> tuple[int, int] | None:
        """Document positions [first, last) of the blocks a viewport rectangle shows; None when nothing to paint."""
        if self._offsets is None or not any(len(self._layers[name]) for name in PAINTED):
            return None
        doc = self.document()
        layout = doc.documentLayout()
        dx, dy = self.horizontalScrollBar().value(), self.verticalScrollBar().value()
        top = layout.hitTest(QPointF(dx, rect.top() + dy), Qt.HitTestAccuracy.FuzzyHit)
        bottom = layout.hitTest(QPointF(dx + self.viewport().width(), rect.bottom() + dy + 1),
                                Qt.HitTestAccuracy.FuzzyHit)
        first = doc.findBlock(max(top, 0))
        last = doc.findBlock(max(bottom, 0))
        if first.previous().isValid():  # a line's box can reach a little above its block
            first = first.previous()
        if last.next().isValid():
            last = last.next()
        return first.position(), last.position() + last.length()

    def _paint_quotes(self, painter: QPainter, doc: QTextDocument, first: int, last: int) -> None:
        """Each quote: a faint tint of its speaker's colour under its words, and a bar in the margin.

        Two quotes on one line get two bars side by side, the earlier one nearest the text.
        """
        layer = self._layers["quotes"]
        colours = self._quote_colours
        bar_left, bar_right = self._bar_span()
        width = bar_right - bar_left
        tint_alpha = 46 if self._theme.dark else 30
        columns: Counter[int] = Counter()  # line top -> bars drawn on it
        for i in layer.overlapping(first, last):
            index = layer.keys[i]
            colour = colours[index] if index < len(colours) else self._theme.muted
            boxes = line_boxes(doc, max(layer.starts[i], first), min(layer.ends[i], last))
            tint = QColor(colour)
            tint.setAlpha(tint_alpha)
            for k, box in enumerate(boxes):
                painter.fillRect(box.rect.toAlignedRect(), tint)
                line = round(box.rect.top())
                column = columns[line]
                columns[line] += 1
                # Down to the next line of the same quote, so that a quote's bar is one stroke.
                bottom = boxes[k + 1].rect.top() if k + 1 < len(boxes) else box.rect.bottom()
                x = bar_left - column * (width + 2)
                painter.fillRect(QRectF(x, box.rect.top(), width, bottom - box.rect.top()), colour)

    def _quote_on_bar(self, point: QPoint) -> int | None:
        """The quote whose margin bar is under a viewport point (bars side by side on a shared line)."""
        bar_left, bar_right = self._bar_span()
        width = bar_right - bar_left
        x = point.x() + self.horizontalScrollBar().value()
        if not (bar_left - 8 * (width + 2) <= x <= bar_right + 3) or self._offsets is None:
            return None
        doc = self.document()
        column_left = doc.rootFrame().frameFormat().leftMargin()
        y = point.y() + self.verticalScrollBar().value()
        position = doc.documentLayout().hitTest(QPointF(column_left + 1, y), Qt.HitTestAccuracy.FuzzyHit)
        if position < 0:
            return None
        block = doc.findBlock(position)
        line = block.layout().lineForTextPosition(position - block.position())
        if not line.isValid():
            return None
        start = block.position() + line.textStart()
        layer = self._layers["quotes"]
        here = layer.overlapping(start, start + max(line.textLength(), 1))
        column = int((bar_right + 1 - x) // (width + 2))
        return layer.keys[here[column]] if 0 <= column < len(here) else None

    def _bar_span(self) -> tuple[float, float]:
        """Document x of the (first) quote bar: in the margin, just left of the text column."""
        frame = self.document().rootFrame().frameFormat()
        em = self.font_point_size() * 96 / 72
        right = frame.leftMargin() - em * 0.55
        return right - max(2.0, em * 0.16), right

    def _style(self, label: str) -> theme.TypeStyle:
        style = self._styles.get(label)
        if style is None:
            style = self._styles[label] = self._theme.type_style(label)
        return style

    # building -------------------------------------------------------------------------------
    def _rebuild(self, keep_view: bool = False) -> None:
        """Build a new document (text and links), then show it in place of the old one.

        Filling a document that no view shows costs no layout; once shown, the view lays it
        out lazily, the visible part first. That is what keeps a 1 MB article responsive.
        Highlights are painted, not part of it: the offsets map positions of the same
        article identically, so the painted layers stay as they are.
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
        marks = self._link_marks()
        self._highlighter.set_layer("links", [m[:3] for m in marks])
        self._highlighter.render()
        self._link_looks = dict(zip((m[3] for m in marks), self._link_policies(), strict=True))
        self._pending_links = PaintLayer.empty()
        self._apply_measure(doc)
        metrics = QFontMetricsF(typography.font)
        self._underline_metrics = (metrics.underlinePos(), metrics.lineWidth(), metrics.ascent())
        self._layers["links"] = PaintLayer.of([m[:2] for m in marks])
        old = self.document()
        # The first one belongs to QTextEdit, which deletes it itself. (Not asked of ``old.parent()``: the
        # first such call makes PySide look up every QObject type, ~20 ms on the way to the first paint.)
        ours = self._document_is_ours
        self.setDocument(doc)
        self._document_is_ours = True
        if ours:
            # At once, not deleteLater(): until it is gone, the old document's layout goes on laying
            # out all of its text in the background (~0.1-0.3 s of GUI thread for 1 MB), for nothing.
            # Nothing refers to it any more: the view and the highlighter hold the new one.
            shiboken6.delete(old)
        if selection is not None:
            self._set_selection(*selection)
        if anchor is not None:
            self._restore_anchor(*anchor)

    def _restyle_links(self) -> None:
        """The analysis knows which links are flagged: note the links whose look changes, restyle those on screen.

        Restyling a link lays out its block again and shifts every block after it: ~1.5 ms a link
        in a 1 MB article, seconds for hundreds. So only the links in and near the view are
        restyled now (in one edit block over a short range), the others as they come into view.
        """
        article = self._article
        if article is None or self._offsets is None:
            return
        looks = self._link_looks
        changed = [(span, policy) for span, policy in zip(article.links, self._link_policies(), strict=True)
                   if looks.get(span.start) != policy]
        spans = self._offsets.spans([(span.start, span.end) for span, _ in changed])
        self._pending_links = PaintLayer.of(spans, changed)  # formats made when restyled (most never are)
        self._restyle_visible_links()

    def _restyle_visible_links(self) -> None:
        pending = self._pending_links
        if not len(pending) or self._offsets is None:
            return
        doc = self.document()
        layout = doc.documentLayout()
        height = self.viewport().height()
        y = self.verticalScrollBar().value()
        top = max(layout.hitTest(QPointF(0, y - height), Qt.HitTestAccuracy.FuzzyHit), 0)
        bottom = layout.hitTest(QPointF(self.viewport().width(), y + 2 * height), Qt.HitTestAccuracy.FuzzyHit)
        bottom = doc.characterCount() if bottom < 0 else doc.findBlock(bottom).next().position() \
            if doc.findBlock(bottom).next().isValid() else doc.characterCount()
        due = pending.overlapping(doc.findBlock(top).position(), bottom)
        if not due:
            return
        cursor = QTextCursor(doc)
        cursor.beginEditBlock()
        for i in due:
            span, policy = pending.keys[i]
            cursor.setPosition(pending.starts[i])
            cursor.setPosition(pending.ends[i], QTextCursor.MoveMode.KeepAnchor)
            cursor.mergeCharFormat(self._link_format(span, policy))
            self._link_looks[span.start] = policy
        cursor.endEditBlock()
        done = set(due)
        keep = [i for i in range(len(pending)) if i not in done]
        self._pending_links = PaintLayer([pending.starts[i] for i in keep], [pending.ends[i] for i in keep],
                                         [pending.keys[i] for i in keep])

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

    def measure_width(self, chars: int) -> float:
        """Pixels that ``chars`` characters of ordinary text take at the reading font and size."""
        metrics = QFontMetricsF(theme.reading_font(self.font_point_size()))
        return metrics.horizontalAdvance(_MEASURE_SAMPLE) / len(_MEASURE_SAMPLE) * chars

    def _apply_measure(self, doc: QTextDocument) -> None:
        em = self.font_point_size() * 96 / 72
        document.set_measure(doc, max(self.viewport().width(), 200), self.measure_width(theme.measure()), em)

    def _apply_palette(self) -> None:
        pal = self.palette()
        pal.setColor(QPalette.ColorRole.Base, self._theme.paper)
        pal.setColor(QPalette.ColorRole.Text, self._theme.ink)
        pal.setColor(QPalette.ColorRole.Link, self._theme.link)
        self.setPalette(pal)

    def _index_analysis(self) -> None:
        """Sorted mentions (for clicks) and the painted layers (document positions) of the analysis.

        25,000 mentions in a few tens of milliseconds: sorts on C-level keys, maps over attrgetter,
        positions from ``OffsetMap.positions``; no Python loop over the mentions.
        """
        analysis = self._analysis
        mentions = [m for e in analysis.entities for m in e.mentions] if analysis else []
        # By start, the longest first at one start: two stable sorts on C-level keys.
        mentions.sort(key=_END, reverse=True)
        mentions.sort(key=_START)
        self._mentions = mentions
        self._mention_starts = starts = list(map(_START, mentions))
        self._entity_tips = {}
        self._entity_names_cache = None
        labels: dict[str, str] = {}
        if analysis:
            for entity in analysis.entities:
                style = self._theme.type_style(entity.label)
                count = len(entity.mentions)
                labels[entity.id] = entity.label
                self._entity_tips[entity.id] = (f"{entity.name} — {style.tag} ({entity.label}), "
                                                f"{count} mention{'s' if count != 1 else ''}")
        layers = self._layers
        if self._offsets is None or analysis is None:
            for name in PAINTED:
                layers[name] = PaintLayer.empty()
            layers["find"] = self._find_layer()
        else:
            # Mentions by start map to positions by start (the map keeps order): no second sort.
            first, last = self._offsets.positions(starts, list(map(_END, mentions)))
            layers["entities"] = PaintLayer(first, last, list(map(labels.__getitem__, map(_ENTITY, mentions))))
            layers["focus"] = self._focus_layer()
            quotes = analysis.quotes
            first, last = self._offsets.positions(list(map(_START, quotes)), list(map(_END, quotes)))
            layers["quotes"] = PaintLayer.of(zip(first, last, strict=True))
            self._quote_colours = self._speaker_colours()
        self.viewport().update()

    def _clickable(self, mention: Mention) -> bool:
        return mention.label not in self._hidden or mention.entity_id == self._focus

    def _entity_names(self) -> dict[str, str]:
        if self._entity_names_cache is None:
            self._entity_names_cache = {e.id: e.name for e in self._analysis.entities} if self._analysis else {}
        return self._entity_names_cache

    def _speaker_colours(self) -> list[QColor]:
        """Each quote's colour: one per speaker, the most quoted first; unattributed quotes grey."""
        if self._analysis is None:
            return []
        keys = [_speaker_key(q) for q in self._analysis.quotes]
        counts = Counter(k for k in keys if k)
        palette = SPEAKER_COLOURS_DARK if self._theme.dark else SPEAKER_COLOURS
        colour_of = {key: QColor(palette[i % len(palette)]) for i, (key, _n) in enumerate(counts.most_common())}
        unattributed = QColor(self._theme.muted)
        return [colour_of.get(k, unattributed) if k else unattributed for k in keys]

    def _link_policies(self) -> list[str]:
        analysed = {link.start: link.policy for link in self._analysis.links} if self._analysis else {}
        return [analysed.get(span.start, "open") for span in self._article.links] if self._article else []

    def _link_marks(self) -> list[tuple[int, int, QTextCharFormat, int]]:
        """(first, last, format, link start) for each link of the article, in the look of its policy."""
        if self._article is None or self._offsets is None:
            return []
        return [(*self._offsets.span(span.start, span.end), self._link_format(span, policy), span.start)
                for span, policy in zip(self._article.links, self._link_policies(), strict=True)]

    def _link_format(self, span, policy: str) -> QTextCharFormat:
        fmt = QTextCharFormat()
        fmt.setAnchor(True)
        fmt.setAnchorHref(f"{LINK_SCHEME}:{span.start}")
        colour = {"never": self._theme.link_danger, "confirm": self._theme.link_warning}.get(policy, self._theme.link)
        fmt.setForeground(colour)
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline if policy == "never"
                              else QTextCharFormat.UnderlineStyle.DashUnderline if policy == "confirm"
                              else QTextCharFormat.UnderlineStyle.SingleUnderline)
        fmt.setUnderlineColor(colour)
        return fmt

    def _link_tip(self, offset: int) -> str:
        article = self._article
        span = next((s for s in article.links if s.start <= offset < s.end), None) if article else None
        if span is None:
            return ""
        link = next((x for x in self._analysis.links if x.start == span.start), None) if self._analysis else None
        policy = link.policy if link else "open"
        target = (link.display_url or link.url or link.href) if link else span.href
        note = {"never": " — Reader will not open this link", "confirm": " — flagged: Reader asks before opening"}
        return f"{target}{note.get(policy, '')}"

    def _focus_layer(self) -> PaintLayer:
        entity = self._analysis.entity(self._focus) if (self._analysis and self._focus) else None
        if entity is None or self._offsets is None:
            return PaintLayer.empty()
        return PaintLayer.of(self._offsets.spans([(m.start, m.end) for m in entity.mentions]))

    def _find_layer(self) -> PaintLayer:
        if not self._find or self._offsets is None:
            return PaintLayer.empty()
        return PaintLayer.of(self._offsets.spans(self._find))

    def _scroll_to(self, cursor: QTextCursor) -> None:
        rect = self.cursorRect(cursor)
        bar = self.verticalScrollBar()
        height = self.viewport().height()
        if rect.top() < height * 0.15 or rect.bottom() > height * 0.85:
            bar.setValue(bar.value() + rect.top() - height // 3)


def _uncovered(start: int, end: int, covers: PaintLayer) -> list[tuple[int, int]]:
    """The parts of [start, end) outside every range of ``covers``."""
    parts, here = [], start
    for i in covers.overlapping(start, end):
        if covers.starts[i] > here:
            parts.append((here, covers.starts[i]))
        here = max(here, covers.ends[i])
    if here < end:
        parts.append((here, end))
    return parts


def _speaker_key(quote: Quote) -> str:
    speaker = quote.speaker
    if speaker is None:
        return ""
    return speaker.entity_id or f"text:{speaker.text.casefold()}"


def _quote_tip(quote: Quote, names: dict[str, str]) -> str:
    speaker = quote.speaker
    kind = {"partial": "Partial quote", "term": "Term", "title": "Title"}.get(quote.kind, "Quote")
    if speaker is None:
        return f"{kind}: unattributed"
    name = names.get(speaker.entity_id or "", speaker.text)
    if quote.speaker_uncertain:  # a guessed speaker is said to be one, as in the quotes panel and exports
        cue = f" ({quote.cue})" if quote.cue else ""
        return f"{kind} by probably {name}{cue} — Reader is not sure who said this"
    return f"{kind} by {name}" + (f" ({quote.cue})" if quote.cue else "")


def _link_start(url: QUrl) -> int | None:
    text = url.toString()
    if not text.startswith(LINK_SCHEME + ":"):
        return None
    try:
        return int(text[len(LINK_SCHEME) + 1:])
    except ValueError:
        return None
