"""Edit > Preferences: theme, reading font and size, line width; every change shows at once.

The dialog only reports: it emits ``changed`` with a whole ``Preferences`` on every edit
(and the values it opened with on Cancel); the window stores them (settings.py, the one
owner of QSettings) and applies them. Signals up, method calls down.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QFont, QFontInfo
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFontComboBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from . import theme
from .settings import DEFAULT_FONT_SIZE, DEFAULT_LINE_WIDTH, FONT_SIZES, LINE_WIDTHS, THEMES, Preferences

THEME_NAMES = {"system": "Same as the system", "light": "Light", "dark": "Dark"}


class PreferencesDialog(QDialog):
    changed = Signal(object)  # Preferences

    def __init__(self, preferences: Preferences, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("preferencesDialog")
        self.setWindowTitle("Preferences")
        self._opened_with = preferences
        self._filling = False

        self.theme = QComboBox(self)
        self.theme.setAccessibleName("Theme")
        for key in THEMES:
            self.theme.addItem(THEME_NAMES[key], key)
        self.font = QFontComboBox(self)
        self.font.setAccessibleName("Reading font")
        self.font.setFontFilters(QFontComboBox.FontFilter.ScalableFonts)
        self.size = QDoubleSpinBox(self)
        self.size.setAccessibleName("Reading size")
        self.size.setRange(*FONT_SIZES)
        self.size.setSingleStep(0.5)
        self.size.setDecimals(1)
        self.size.setSuffix(" pt")
        self.width = QSpinBox(self)
        self.width.setAccessibleName("Line width")
        self.width.setRange(*LINE_WIDTHS)
        self.width.setSingleStep(5)
        self.width.setSuffix(" characters")
        note = QLabel("Changes show at once. Zoom (Ctrl+plus, Ctrl+minus) scales the reading size.", self)
        note.setWordWrap(True)
        note.setObjectName("preferencesNote")

        form = QFormLayout()
        form.addRow("&Theme:", self.theme)
        form.addRow("Reading &font:", self.font)
        form.addRow("Reading &size:", self.size)
        form.addRow("&Line width (at most):", self.width)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
                                        | QDialogButtonBox.StandardButton.RestoreDefaults, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults).clicked.connect(self.restore_defaults)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.buttons)

        self._fill(preferences)
        self.theme.currentIndexChanged.connect(self._emit)
        self.font.currentFontChanged.connect(self._emit)
        self.size.valueChanged.connect(self._emit)
        self.width.valueChanged.connect(self._emit)

    def preferences(self) -> Preferences:
        family = self.font.currentFont().family()
        return Preferences(theme=self.theme.currentData() or "system",
                           font_family="" if family == _default_family() else family,
                           font_size=round(self.size.value(), 1), line_width=self.width.value())

    def restore_defaults(self) -> None:
        self._fill(Preferences())
        self.changed.emit(Preferences())

    def reject(self) -> None:
        self.changed.emit(self._opened_with)  # Cancel undoes what was shown live
        super().reject()

    def _fill(self, preferences: Preferences) -> None:
        self._filling = True
        try:
            self.theme.setCurrentIndex(max(0, self.theme.findData(preferences.theme)))
            self.font.setCurrentFont(QFont(preferences.font_family or _default_family()))
            self.size.setValue(preferences.font_size or DEFAULT_FONT_SIZE)
            self.width.setValue(preferences.line_width or DEFAULT_LINE_WIDTH)
        finally:
            self._filling = False

    def _emit(self, *_args) -> None:
        if not self._filling:
            self.changed.emit(self.preferences())


def _default_family() -> str:
    """The family the built-in list of reading serifs resolves to on this machine."""
    font = QFont()
    font.setFamilies(list(theme.READING_FAMILIES))
    return QFontInfo(font).family()
