"""The quotes: each with its speaker and reporting verb, kinds told apart, filterable by speaker."""

from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QRect,
    QSize,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPaintEvent, QPalette, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QLabel,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionComboBox,
    QStyleOptionViewItem,
    QStylePainter,
    QVBoxLayout,
    QWidget,
)

from . import theme
from .privacy import plain_tip

if TYPE_CHECKING:
    from ..core.model import Analysis, Quote

SpeakerRole = Qt.ItemDataRole.UserRole + 1  # the speaker as shown
SpeakerKeyRole = Qt.ItemDataRole.UserRole + 2  # entity id, "text:<speaker>", or "" when unattributed
CueRole = Qt.ItemDataRole.UserRole + 3
KindRole = Qt.ItemDataRole.UserRole + 4
SpanRole = Qt.ItemDataRole.UserRole + 5  # (start, end)
BadgesRole = Qt.ItemDataRole.UserRole + 6  # short words: "partial", "term", "unattributed", ...
LinesRole = Qt.ItemDataRole.UserRole + 7  # (the words as shown, the speaker line, SPEAKER_*) for the delegate

# How the speaker line is drawn: a guessed speaker ("probably …") muted and italic, a missing one in warning colour.
SPEAKER_SURE, SPEAKER_UNCERTAIN, SPEAKER_NONE = "", "uncertain", "unattributed"
UNCERTAIN_TIP = "Reader is not sure who said this"

UNATTRIBUTED = "Unattributed"
_KIND_BADGES = {"partial": "partial quote", "term": "term", "title": "title"}
MAX_QUOTE_CHARS = 280
BATCH = 150  # quotes handed to the list at a time (Qt's canFetchMore/fetchMore): more as it scrolls


class QuoteModel(QAbstractListModel):
    """The analysis' quotes, handed to the view ``BATCH`` rows at a time.

    The list wraps every row it has to measure its height, and a long article has thousands of
    quotes: so the model starts with the first batch and the view asks for more (fetchMore)
    when the last row it has comes into sight. ``total()`` is always the whole count.
    """

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._quotes: tuple[Quote, ...] = ()
        self._names: dict[str, str] = {}
        self._lines: list[tuple[str, str, str] | None] = []  # LinesRole, made on first request
        self._fetched = 0  # rows the view has been given so far

    def set_analysis(self, analysis: Analysis | None) -> None:
        self.beginResetModel()
        self._quotes = analysis.quotes if analysis else ()
        self._names = {e.id: e.name for e in analysis.entities} if analysis else {}
        self._lines = [None] * len(self._quotes)
        self._fetched = min(BATCH, len(self._quotes))
        self.endResetModel()

    def total(self) -> int:
        return len(self._quotes)

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> bool:
        return not parent.isValid() and self._fetched < len(self._quotes)

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> None:
        if not parent.isValid():
            self.fetch_to(self._fetched + BATCH - 1)

    def fetch_to(self, row: int) -> None:
        """Make rows up to ``row`` (all of them with a large number) available to the view."""
        last = min(row, len(self._quotes) - 1)
        if last >= self._fetched:
            self.beginInsertRows(QModelIndex(), self._fetched, last)
            self._fetched = last + 1
            self.endInsertRows()

    def quote(self, row: int) -> Quote:
        return self._quotes[row]

    def speakers(self) -> list[tuple[str, str, int]]:
        """(key, name, number of quotes) for every speaker, most quoted first; unattributed last."""
        counts = Counter(self._key(q) for q in self._quotes)
        names = {self._key(q): self._speaker(q) for q in self._quotes}
        rows = [(k, names[k], n) for k, n in counts.items() if k]
        rows.sort(key=lambda r: (-r[2], r[1].casefold()))
        if counts.get(""):
            rows.append(("", UNATTRIBUTED, counts[""]))
        return rows

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else self._fetched

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < self._fetched:
            return None
        quote = self._quotes[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return quote.text
        if role == SpeakerRole:
            return self._speaker(quote)
        if role == SpeakerKeyRole:
            return self._key(quote)
        if role == CueRole:
            return quote.cue or ""
        if role == KindRole:
            return quote.kind
        if role == SpanRole:
            return (quote.start, quote.end)
        if role == BadgesRole:
            return self._badges(quote)
        if role == LinesRole:
            return self._lines[index.row()] or self._make_lines(index.row())
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            badges = ", ".join(b for b in self._badges(quote) if b != "uncertain speaker")
            probably = "probably " if quote.speaker_uncertain else ""
            who = f"{probably}{self._speaker(quote)}{', ' + quote.cue if quote.cue else ''}"
            text = f"“{_short(quote.text, 600)}” — {who}{' (' + badges + ')' if badges else ''}"
            if quote.speaker_uncertain:
                text += f". {UNCERTAIN_TIP}."
            return plain_tip(text) if role == Qt.ItemDataRole.ToolTipRole else text
        return None

    def _make_lines(self, row: int) -> tuple[str, str, str]:
        """What the delegate draws, built once per quote: it measures and paints each row often."""
        quote = self._quotes[row]
        speaker = self._speaker(quote)
        # A guessed speaker is not stated as fact: "probably" says so where the name is read.
        probably = "probably " if quote.speaker_uncertain else ""
        meta = f"— {probably}{speaker}" + (f", {quote.cue}" if quote.cue and quote.speaker is not None else "")
        meta += "".join(f"  [{b}]" for b in self._badges(quote) if b not in ("unattributed", "uncertain speaker"))
        how = SPEAKER_NONE if quote.speaker is None else SPEAKER_UNCERTAIN if quote.speaker_uncertain else SPEAKER_SURE
        lines = self._lines[row] = (f"“{_short(quote.text, MAX_QUOTE_CHARS)}”", meta, how)
        return lines

    def _speaker(self, quote: Quote) -> str:
        if quote.speaker is None:
            return UNATTRIBUTED
        return self._names.get(quote.speaker.entity_id or "", quote.speaker.text)

    @staticmethod
    def _key(quote: Quote) -> str:
        if quote.speaker is None:
            return ""
        return quote.speaker.entity_id or f"text:{quote.speaker.text}"

    @staticmethod
    def _badges(quote: Quote) -> list[str]:
        badges = []
        if quote.kind in _KIND_BADGES:
            badges.append(_KIND_BADGES[quote.kind])
        if quote.speaker is None:
            badges.append("unattributed")
        if not quote.closed:
            badges.append("unclosed")
        if quote.speaker_uncertain:  # confidence below model.LOW_CONFIDENCE
            badges.append("uncertain speaker")
        return badges


class QuoteDelegate(QStyledItemDelegate):
    """Two parts per quote: its words (wrapped), then speaker, verb and kind badges.

    Measuring a row wraps its words, and the list measures every row (thousands in a long
    article) on each reset and width change; so the fonts are made once per view font, the
    strings come ready-made from the model, and each height is remembered per width.
    """

    PAD = 8

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._theme = theme.current()
        self._font_key: QFont | None = None
        self._font_set: tuple[QFont, QFont, QFont, QFontMetrics, QFontMetrics] | None = None
        self._heights: dict[tuple[str, str, int], int] = {}

    def set_theme(self, new_theme: theme.Theme) -> None:
        self._theme = new_theme
        self._font_set = None  # the reading font may have changed too (Edit > Preferences)
        self._heights.clear()

    def forget_sizes(self) -> None:
        """Drop the remembered heights (a new analysis: its quotes are other strings)."""
        self._heights.clear()

    def _fonts(self, option: QStyleOptionViewItem) -> tuple[QFont, QFont, QFont, QFontMetrics, QFontMetrics]:
        """Body, meta, italic meta fonts and the metrics of the first two, for the view's font."""
        if self._font_set is None or self._font_key != option.font:
            body = QFont(option.font)
            body.setFamilies(theme.reading_families())
            body.setPointSizeF(option.font.pointSizeF() * 1.05)
            meta = QFont(option.font)
            meta.setPointSizeF(option.font.pointSizeF() * 0.9)
            italic = QFont(meta)
            italic.setItalic(True)
            self._font_key = QFont(option.font)
            self._font_set = (body, meta, italic, QFontMetrics(body), QFontMetrics(meta))
            self._heights.clear()
        return self._font_set

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        text, meta_text, _ = index.data(LinesRole)
        _, _, _, body, meta = self._fonts(option)
        width = max(120, (option.rect.width() or self._view_width()) - 2 * self.PAD)
        key = (text, meta_text, width)
        height = self._heights.get(key)
        if height is None:
            height = body.boundingRect(QRect(0, 0, width, 10_000), Qt.TextFlag.TextWordWrap, text).height()
            if meta.horizontalAdvance(meta_text) <= width:  # the usual case: one line, no need to wrap it
                height += meta.height()
            else:
                height += meta.boundingRect(QRect(0, 0, width, 1000), Qt.TextFlag.TextWordWrap, meta_text).height()
            self._heights[key] = height
        return QSize(width + 2 * self.PAD, height + 3 * self.PAD)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget else None
        if style:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        pal = option.palette
        ink = pal.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text)
        text, meta_text, how = index.data(LinesRole)
        unattributed = how == SPEAKER_NONE
        body, meta, italic, _, _ = self._fonts(option)
        rect = option.rect.adjusted(self.PAD, self.PAD, -self.PAD, -self.PAD)
        painter.save()
        painter.setFont(body)
        painter.setPen(ink)
        text_rect = painter.boundingRect(rect, Qt.TextFlag.TextWordWrap, text)
        painter.drawText(rect, Qt.TextFlag.TextWordWrap, text)
        painter.setFont(italic if how != SPEAKER_SURE else meta)
        painter.setPen(ink if selected else (self._theme.link_warning if unattributed else self._theme.muted))
        painter.drawText(rect.adjusted(0, text_rect.height() + self.PAD // 2, 0, 0), Qt.TextFlag.TextWordWrap,
                         meta_text)
        painter.restore()
        if not selected:
            painter.save()
            painter.setPen(pal.color(QPalette.ColorRole.Mid))
            painter.drawLine(option.rect.bottomLeft(), option.rect.bottomRight())
            painter.restore()

    def _view_width(self) -> int:
        view = self.parent()
        return view.viewport().width() if isinstance(view, QListView) else 300


_COUNT = re.compile(r"(.*?)(\s\(\d+\))")  # "Maria Lopez (3)": the name, and the count after it


def elide_keeping_count(metrics: QFontMetrics, text: str, width: int) -> str:
    """``text`` in ``width`` pixels: as it is if it fits, else shortened at the end with "…", keeping a
    trailing count ("Abu Muhammad Al… (3)") while there is room for a few letters of the name."""
    if metrics.horizontalAdvance(text) <= width:
        return text
    match = _COUNT.fullmatch(text)
    if match:
        name, count = match.groups()
        room = width - metrics.horizontalAdvance(count)
        if room >= metrics.horizontalAdvance(name[:3] + "…"):
            return _tight(metrics.elidedText(name, Qt.TextElideMode.ElideRight, room)) + count
    return _tight(metrics.elidedText(text, Qt.TextElideMode.ElideRight, width))


def _tight(elided: str) -> str:
    """"Abu Muhammad Al …" as "Abu Muhammad Al…": the ellipsis against the last word kept."""
    return elided[:-2].rstrip() + "…" if elided.endswith(" …") else elided


class SpeakerBox(QComboBox):
    """The speaker filter. In a narrow panel a long "Name (count)" is shortened with "…" (the count kept)
    rather than cut mid-word; the whole of it is then its tooltip, and the list that drops down is as
    wide as its longest entry (QComboBox widens its popup to fit)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Never ask the panel for the width of the longest name: the panel may be 200 pixels wide.
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(8)

    def displayed_text(self) -> str:
        """The current entry as it fits the box (what is painted); sets the tooltip to the whole entry when
        it is shortened, none when it is not."""
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        field = self.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, option,
                                            QStyle.SubControl.SC_ComboBoxEditField, self)
        text = self.currentText()
        shown = elide_keeping_count(self.fontMetrics(), text, field.width() - 4)  # the style's label margins
        tip = plain_tip(text) if shown != text else ""
        if self.toolTip() != tip:
            self.setToolTip(tip)
        return shown

    def paintEvent(self, event: QPaintEvent) -> None:
        # QComboBox's own painting, with the text shortened to fit.
        painter = QStylePainter(self)
        painter.setPen(self.palette().color(QPalette.ColorRole.Text))
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        option.currentText = self.displayed_text()
        painter.drawComplexControl(QStyle.ComplexControl.CC_ComboBox, option)
        painter.drawControl(QStyle.ControlElement.CE_ComboBoxLabel, option)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.displayed_text()  # the tooltip follows the width


class QuotePanel(QWidget):
    quoteActivated = Signal(int, int)  # start, end

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("quotePanel")
        self.setAccessibleName("Quotes")
        self.model = QuoteModel(self)
        self._proxy = QSortFilterProxyModel(self)
        self._proxy.setSourceModel(self.model)
        self._proxy.setFilterRole(SpeakerKeyRole)
        self.speaker = SpeakerBox(self)
        self.speaker.setAccessibleName("Filter quotes by speaker")
        self.speaker.currentIndexChanged.connect(self._on_speaker)
        self.summary = QLabel(self)
        self.summary.setObjectName("quoteSummary")
        # Wrapped between words in a narrow panel (never cut), and whole in its tooltip.
        self.summary.setWordWrap(True)
        self.list = QListView(self)
        self.list.setObjectName("quoteList")
        self.list.setAccessibleName("Quotes")
        self.list.setModel(self._proxy)
        self.delegate = QuoteDelegate(self.list)
        self.list.setItemDelegate(self.delegate)
        self.list.setWordWrap(True)
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        self.list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)  # corrections (ui/corrections.py)
        self._analysed = False  # an analysis is shown (not: nothing yet, or one under way)
        self._marked: tuple[int, int] | None = None  # the quote marked in the text (source of truth for the list)
        self._quiet = False  # the list's current row is being moved to match the text: no signal
        self.list.clicked.connect(self._on_activated)
        self.list.activated.connect(self._on_activated)
        # The current row follows the keyboard too: arrows mark each quote in the text as they go.
        self.list.selectionModel().currentChanged.connect(self._on_current)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 0)
        layout.setSpacing(6)
        layout.addWidget(self.speaker)
        layout.addWidget(self.summary)
        layout.addWidget(self.list, 1)
        self.setFocusProxy(self.list)
        self.set_analysis(None)

    def set_analysis(self, analysis: Analysis | None) -> None:
        self.delegate.forget_sizes()
        # Every row is measured (wrapped) at the list's width. Had the scroll bar to appear after
        # that, the narrower width would measure them all again: a long list has it from the start.
        many = analysis is not None and len(analysis.quotes) > 30
        self.list.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn if many
                                             else Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self._marked = None
        self.model.set_analysis(analysis)
        self.speaker.blockSignals(True)
        self.speaker.clear()
        self.speaker.addItem(f"All speakers ({self.model.total()})" if analysis else "All speakers", None)
        for key, name, count in self.model.speakers():
            self.speaker.addItem(f"{name} ({count})", key)
        self.speaker.blockSignals(False)
        self.speaker.setEnabled(analysis is not None)
        self._analysed = analysis is not None
        self._on_speaker(0)

    def set_analysing(self) -> None:
        """An article is shown and its analysis is under way: say so rather than "no quotations"."""
        self.set_analysis(None)
        self._set_summary("Analysing…")

    def set_theme(self, new_theme: theme.Theme) -> None:
        self.delegate.set_theme(new_theme)
        self.list.doItemsLayout()  # heights change with the reading font
        self.list.viewport().update()

    def filter_speaker(self, key: str | None) -> None:
        """Show only quotes by ``key`` (an entity id, "text:<speaker>", "" for unattributed); None shows all."""
        i = self.speaker.findData(key) if key is not None else 0
        self.speaker.setCurrentIndex(max(i, 0))

    def visible_rows(self) -> list[int]:
        """Source rows of the quotes the filter lets through (all of them, fetched or not)."""
        self.model.fetch_to(self.model.total())
        return [self._proxy.mapToSource(self._proxy.index(r, 0)).row() for r in range(self._proxy.rowCount())]

    def mark_quote(self, start: int, end: int) -> None:
        """Make the quote at [start, end) the list's current row (quietly), or none if it is filtered out."""
        self._marked = (start, end)
        self._show_marked()

    def quote_at_point(self, point: QPoint) -> Quote | None:
        """The quote on the row at a point of the list's viewport, or None."""
        index = self.list.indexAt(point)
        return self.model.quote(self._proxy.mapToSource(index).row()) if index.isValid() else None

    def current_span(self) -> tuple[int, int] | None:
        index = self.list.currentIndex()
        return index.data(SpanRole) if index.isValid() else None

    def _show_marked(self) -> None:
        """Point the list at the quote marked in the text; the proxy's rows are not the model's rows."""
        proxy_index = self._proxy_index_of(self._marked) if self._marked else None
        self._quiet = True
        try:
            selection = self.list.selectionModel()
            if proxy_index is not None and proxy_index.isValid():
                self.list.setCurrentIndex(proxy_index)
                self.list.scrollTo(proxy_index)
            else:
                selection.clearSelection()
                selection.setCurrentIndex(QModelIndex(), selection.SelectionFlag.NoUpdate)
        finally:
            self._quiet = False

    def _proxy_index_of(self, span: tuple[int, int]) -> QModelIndex | None:
        for row in range(self.model.total()):
            quote = self.model.quote(row)
            if (quote.start, quote.end) == span:
                self.model.fetch_to(row)
                return self._proxy.mapFromSource(self.model.index(row, 0))
        return None

    def activate_row(self, source_row: int) -> None:
        """Choose the quote at ``source_row`` (all speakers shown again if the filter hides it)."""
        self.model.fetch_to(source_row)
        index = self._proxy.mapFromSource(self.model.index(source_row, 0))
        if not index.isValid() and 0 <= source_row < self.model.total() and self.speaker.currentIndex() != 0:
            self.filter_speaker(None)
            index = self._proxy.mapFromSource(self.model.index(source_row, 0))
        if index.isValid():
            self.list.setCurrentIndex(index)
            self._on_activated(index)

    def _on_speaker(self, i: int) -> None:
        key = self.speaker.itemData(i) if i >= 0 else None
        if key is not None:
            # One speaker's quotes are few but spread over the article: filter them all at once
            # (the proxy reads one string per quote; only the matching rows get measured).
            self.model.fetch_to(self.model.total())
        self._quiet = True  # filtering moves the current row to a neighbour: not a choice of the reader's
        try:
            self._proxy.setFilterRegularExpression("" if key is None else f"^{re.escape(key)}$")
        finally:
            self._quiet = False
        self._show_marked()
        total = self.model.total()
        shown = self._proxy.rowCount() if key is not None else total
        self._set_summary("" if not self._analysed else
                          "No quotations found in this article." if total == 0 else
                          f"{shown} of {total} quotations" if shown != total else
                          f"{total} quotation{'s' if total != 1 else ''}")
        self.speaker.update()  # its entry may be shortened differently now

    def _set_summary(self, text: str) -> None:
        self.summary.setText(text)
        self.summary.setToolTip(text)

    def _on_current(self, index: QModelIndex, _previous: QModelIndex) -> None:
        if not self._quiet and index.isValid():
            self._on_activated(index)

    def _on_activated(self, index: QModelIndex) -> None:
        span = index.data(SpanRole)
        if span:
            self._marked = tuple(span)
            self.quoteActivated.emit(*span)


def _short(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"
