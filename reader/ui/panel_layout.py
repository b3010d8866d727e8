"""Where the side panels go as the window's size changes: the article keeps its measure, the panels give way.

Three arrangements, chosen by the room left beside the article's minimum width:

* "columns": entities over the entity card on the left; quotes, links and library as tabs on the right;
* "tabs": every panel as a tab in one column on the right;
* "hidden": no panel (a window too small for any); they come back when the window grows.

Only docks in the side areas take part: a floating one, or one the reader closed, is left alone.
The window owns the docks; this object owns where they are and what it hid.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import QByteArray, Qt

from . import theme

if TYPE_CHECKING:
    from PySide6.QtWidgets import QDockWidget, QMainWindow

    from .article_view import ArticleView

MIN_MEASURE_CHARS = 60  # the article keeps at least this many characters a line; the panels give way first
PANEL_MIN_WIDTH = 200  # a dock column narrower than this is not worth showing
_SEPARATORS = 12  # pixels of the docks' separators


class Docks(NamedTuple):
    entities: QDockWidget
    card: QDockWidget
    quotes: QDockWidget
    links: QDockWidget
    library: QDockWidget

    def right_column(self) -> tuple[QDockWidget, ...]:
        return (self.quotes, self.links, self.library)


class PanelLayout:
    """Fits the panels around the article on every resize; shows a panel asked for; puts them back."""

    def __init__(self, window: QMainWindow, docks: Docks, view: ArticleView) -> None:
        self.window = window
        self.docks = docks
        self.view = view
        self.mode = "columns"
        self._auto_hidden: list[QDockWidget] = []  # hidden by fit(), shown again when there is room
        self._fitting = False
        self._default_state = QByteArray()

    def remember_default(self) -> None:
        """The arrangement that Reset Layout brings back: the window's, as it is now."""
        self._default_state = self.window.saveState()

    def min_article_width(self) -> int:
        """Pixels the article needs for MIN_MEASURE_CHARS a line at the reading size, margins and scroll bar."""
        em = self.view.font_point_size() * 96 / 72
        chars = min(MIN_MEASURE_CHARS, theme.measure())  # never more than the reader's line width
        # The scroll bar's own hint, not QStyle.pixelMetric: asking the style first thing makes PySide
        # build QStyle's enums (~8 ms on the way to the first paint).
        scroll = self.view.verticalScrollBar().sizeHint().width()
        return min(900, round(self.view.measure_width(chars) + 2 * em * 1.2 + scroll + 8))

    def fit(self) -> None:
        """Give the article its measure first: the panels shrink, then share one column as tabs, then hide.

        Growing the window brings them back, in their usual places and at their usual widths.
        """
        if self._fitting or not self.window.isVisible():
            return
        self._fitting = True
        try:
            room = self.window.width() - self.min_article_width() - _SEPARATORS
            mode = "columns" if room >= 2 * PANEL_MIN_WIDTH + 40 else "tabs" if room >= PANEL_MIN_WIDTH else "hidden"
            if mode != self.mode:
                self._arrange(mode)
            docks, horizontal = self.docks, Qt.Orientation.Horizontal
            if mode == "columns":
                left = max(PANEL_MIN_WIDTH, min(300, round(room * 0.5)))
                right = max(PANEL_MIN_WIDTH, min(350, room - left))
                self.window.resizeDocks([docks.entities, docks.quotes], [left, right], horizontal)
            elif mode == "tabs":
                self.window.resizeDocks([docks.quotes], [min(380, room)], horizontal)
        finally:
            self._fitting = False

    def before_close(self) -> None:
        """Put the panels in their usual places, to be saved: a small window makes its tabs again on show."""
        if self.mode != "columns":
            self._fitting = True
            try:
                self._arrange("columns")
            finally:
                self._fitting = False

    def reset(self) -> None:
        """The panels as they first were, then fitted to the window's size."""
        self.window.restoreState(self._default_state)
        self._auto_hidden = []
        self.mode = "columns"
        self.fit()

    def show_dock(self, dock: QDockWidget) -> None:
        """Show a panel the reader asked for: in a window too small for panels, in place of the others."""
        if dock in self._auto_hidden:
            self._auto_hidden.remove(dock)
        dock.show()
        dock.raise_()

    def _arrange(self, mode: str) -> None:
        window, all_docks = self.window, self.docks
        docks = [d for d in all_docks if not d.isFloating()]
        closed = {d for d in docks if d.isHidden() and d not in self._auto_hidden}
        raised = next((d for d in docks if not d.isHidden() and not d.visibleRegion().isEmpty()
                       and d in all_docks.right_column()), None)
        for dock in self._auto_hidden:
            if dock not in closed:
                dock.show()
        self._auto_hidden = []
        left, right = Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea
        if mode == "columns":
            for dock in (all_docks.entities, all_docks.card):
                if dock in docks:
                    window.addDockWidget(left, dock)
            if all_docks.entities in docks and all_docks.card in docks:
                window.splitDockWidget(all_docks.entities, all_docks.card, Qt.Orientation.Vertical)
            tabbed = [d for d in all_docks.right_column() if d in docks]
            for dock in tabbed:
                window.addDockWidget(right, dock)
            for dock in tabbed[1:]:  # the right column's panels share it as tabs
                window.tabifyDockWidget(tabbed[0], dock)
            window.resizeDocks([all_docks.entities, all_docks.card], [300, 400], Qt.Orientation.Vertical)
        else:
            first = None
            for dock in (*all_docks.right_column(), all_docks.entities, all_docks.card):
                if dock not in docks:
                    continue
                if first is None:
                    window.addDockWidget(right, dock)
                    first = dock
                else:
                    window.tabifyDockWidget(first, dock)
        for dock in docks:
            dock.setVisible(dock not in closed and mode != "hidden")
        if mode == "hidden":
            self._auto_hidden = [d for d in docks if d not in closed]
        (raised or all_docks.quotes).raise_()
        self.mode = mode
