"""The legend: one toggle per entity type in the article, with its look and its count."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import QLabel, QSizePolicy, QToolButton, QWidget

from . import theme
from .flow_layout import FlowLayout
from .swatch import swatch_icon

if TYPE_CHECKING:
    from ..core.model import Analysis

_STYLE_WORDS = {"SingleUnderline": "solid underline", "DashUnderline": "dashed underline",
                "DotLine": "dotted underline",
                "DashDotLine": "dash-dot underline", "DashDotDotLine": "dash-dot-dot underline",
                "WaveUnderline": "wavy underline", "NoUnderline": "no underline"}


class Legend(QWidget):
    hiddenChanged = Signal(object)  # set of hidden labels
    quoteMarksToggled = Signal(bool)  # the "Quotes" toggle: show (True) or hide the quote marks in the text

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("legend")
        self.setAccessibleName("Entity types")
        self._theme = theme.current()
        self._counts: Counter[str] = Counter()  # mentions per type
        self._entities: Counter[str] = Counter()  # names (entities) per type
        self._hidden: set[str] = set()
        self._buttons: dict[str, QToolButton] = {}
        self._layout = FlowLayout(self, spacing=4)
        self._layout.setContentsMargins(10, 4, 10, 4)
        self._status = QLabel(self)
        self._status.setObjectName("legendStatus")
        self._layout.addWidget(self._status)
        # The numbers are mentions, not names: said once, before the buttons (each also says it in its tooltip).
        self.caption = QLabel("Mentions:", self)
        self.caption.setObjectName("legendCaption")
        self.caption.setToolTip("How many times each type of name is mentioned in the article")
        self.caption.hide()
        self._layout.addWidget(self.caption)
        # The quote marks' toggle (tint and margin bar): after the types, shown when the article has quotes.
        self.quotes_button = QToolButton(self)
        self.quotes_button.setObjectName("legendQuotes")
        self.quotes_button.setText("Quotes")
        self.quotes_button.setCheckable(True)
        self.quotes_button.setChecked(True)
        self.quotes_button.setAutoRaise(True)
        self.quotes_button.setToolTip("Quotations are tinted in their speaker's colour, with a bar in the margin. "
                                      "Click to show or hide.")
        self.quotes_button.setAccessibleName("Show quote marks")
        self.quotes_button.toggled.connect(self._toggle_quotes)
        self.quotes_button.hide()
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.setStyleSheet("QToolButton { border: 1px solid transparent; border-radius: 4px; padding: 2px 6px; }"
                           "QToolButton:hover { border-color: palette(mid); }"
                           "QToolButton:checked { background: palette(base); border-color: palette(midlight); }")
        self.set_analysis(None)

    def hidden_labels(self) -> set[str]:
        return set(self._hidden)

    def button(self, label: str) -> QToolButton | None:
        return self._buttons.get(label)

    def quote_marks_visible(self) -> bool:
        return self.quotes_button.isChecked()

    def set_quote_marks_visible(self, visible: bool) -> None:
        self.quotes_button.setChecked(visible)  # emits quoteMarksToggled if it changed

    def set_status(self, text: str) -> None:
        """A short note shown while there is nothing to list (loading, analysing)."""
        self._status.setText(text)
        self._status.setVisible(bool(text))

    def set_analysis(self, analysis: Analysis | None) -> None:
        self._counts = Counter(m.label for e in analysis.entities for m in e.mentions) if analysis else Counter()
        self._entities = Counter(e.label for e in analysis.entities) if analysis else Counter()
        for button in self._buttons.values():
            self._layout.removeWidget(button)
            button.deleteLater()
        self._buttons = {}
        order = {label: i for i, label in enumerate(theme.TYPE_ORDER)}
        for label in sorted(self._counts, key=lambda name: (order.get(name, len(order)), name)):
            self._buttons[label] = self._make_button(label)
        self._layout.removeWidget(self.quotes_button)  # always after the types
        self._layout.addWidget(self.quotes_button)
        self.quotes_button.setVisible(bool(analysis and analysis.quotes))
        self.caption.setVisible(bool(self._buttons))
        self.set_status("" if analysis else self._status.text())
        self.updateGeometry()

    def set_theme(self, new_theme: theme.Theme) -> None:
        self._theme = new_theme
        for label, button in self._buttons.items():
            button.setIcon(swatch_icon(new_theme.type_style(label)))

    def set_label_visible(self, label: str, visible: bool) -> None:
        button = self._buttons.get(label)
        if button is not None:
            button.setChecked(visible)
        else:
            self._toggle(label, visible)

    def _make_button(self, label: str) -> QToolButton:
        style = self._theme.type_style(label)
        count = self._counts[label]
        button = QToolButton(self)
        button.setObjectName(f"legend_{label}")
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        button.setIcon(swatch_icon(style))
        button.setIconSize(QSize(22, 14))
        button.setText(f"{style.name.replace('&', '&&')} {count}")
        button.setCheckable(True)
        button.setChecked(label not in self._hidden)
        button.setAutoRaise(True)
        look = _STYLE_WORDS.get(style.underline_style.name, "")
        names = self._entities[label]
        button.setToolTip(f"{style.name} ({label}): {names} name{'s' if names != 1 else ''}, {_mentions(count)}; "
                          f"{look}. Click to show or hide.")
        button.setAccessibleName(f"Show {style.name}")
        button.setAccessibleDescription(f"{count} mentions; highlighted with a {look}")
        button.toggled.connect(lambda checked, name=label: self._toggle(name, checked))
        button.toggled.connect(lambda checked, b=button: _mark_hidden(b, not checked))
        self._layout.addWidget(button)
        return button

    def _toggle_quotes(self, visible: bool) -> None:
        _mark_hidden(self.quotes_button, not visible)
        self.quoteMarksToggled.emit(visible)

    def _toggle(self, label: str, visible: bool) -> None:
        changed = (label in self._hidden) == visible
        (self._hidden.discard if visible else self._hidden.add)(label)
        if changed:
            self.hiddenChanged.emit(set(self._hidden))


def _mentions(count: int) -> str:
    return f"{count} mention{'s' if count != 1 else ''}"


def _mark_hidden(button: QToolButton, hidden: bool) -> None:
    """A hidden type is struck through, not only greyed."""
    font = button.font()
    font.setStrikeOut(hidden)
    button.setFont(font)
