"""The one module that owns QSettings: window layout, recent files and addresses, zoom, entity model, preferences."""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QMainWindow

MAX_RECENT = 10
LAYOUT_VERSION = 1  # bump when docks change so an old saved state is not restored onto a new layout
_WEB = re.compile(r"^https?://", re.IGNORECASE)


THEMES = ("system", "light", "dark")
DEFAULT_FONT_SIZE = 12.5  # points, as theme.READING_POINT_SIZE
DEFAULT_LINE_WIDTH = 70  # characters a line: the reading column (theme.measure) unless the reader chose another
FONT_SIZES = (8.0, 32.0)
LINE_WIDTHS = (40, 120)


@dataclass(frozen=True)
class Preferences:
    """What Edit > Preferences sets: the look and the reading column."""

    theme: str = "system"  # "system", "light" or "dark"
    font_family: str = ""  # "" for the built-in list of reading serifs
    font_size: float = DEFAULT_FONT_SIZE
    line_width: int = DEFAULT_LINE_WIDTH  # characters a line at most


def is_web_address(entry: str) -> bool:
    """True for a remembered web address, False for a file path."""
    return bool(_WEB.match(entry))


class Settings:
    def __init__(self, store: QSettings | None = None) -> None:
        self._store = store if store is not None else QSettings()

    @classmethod
    def at(cls, path: str | os.PathLike[str]) -> Settings:
        """Settings kept in one INI file (tests, screenshots): never touches the user's own."""
        return cls(QSettings(str(path), QSettings.Format.IniFormat))

    # window ---------------------------------------------------------------------------------
    def restore_window(self, window: QMainWindow) -> bool:
        geometry = self._store.value("window/geometry")
        state = self._store.value("window/state")
        restored = isinstance(geometry, QByteArray) and window.restoreGeometry(geometry)
        if isinstance(state, QByteArray) and self._int("window/layout", 0) == LAYOUT_VERSION:
            window.restoreState(state, LAYOUT_VERSION)
        return bool(restored)

    def save_window(self, window: QMainWindow) -> None:
        self._store.setValue("window/geometry", window.saveGeometry())
        self._store.setValue("window/state", window.saveState(LAYOUT_VERSION))
        self._store.setValue("window/layout", LAYOUT_VERSION)

    # recent files ---------------------------------------------------------------------------
    def recent_files(self) -> list[str]:
        raw = self._store.value("recent/files", "[]")
        try:
            files = json.loads(raw) if isinstance(raw, str) else []
        except ValueError:
            files = []
        return [f for f in files if isinstance(f, str)][:MAX_RECENT]

    def add_recent(self, path: str | os.PathLike[str]) -> list[str]:
        """Remember a file (as an absolute path) or a web address (as given)."""
        entry = path if isinstance(path, str) and is_web_address(path) else str(Path(path).resolve())
        files = [entry] + [f for f in self.recent_files() if f != entry]
        self._store.setValue("recent/files", json.dumps(files[:MAX_RECENT]))
        return files[:MAX_RECENT]

    def clear_recent(self) -> None:
        self._store.setValue("recent/files", "[]")

    # zoom -----------------------------------------------------------------------------------
    def zoom(self) -> int:
        return self._int("view/zoom", 0)

    def set_zoom(self, steps: int) -> None:
        self._store.setValue("view/zoom", int(steps))

    # entity model ---------------------------------------------------------------------------
    def entity_model(self) -> str | None:
        """The entity model the reader picked: a spaCy package name, "rules", or None (the best installed)."""
        value = self._store.value("analysis/model", "")
        return value if isinstance(value, str) and value else None

    def set_entity_model(self, model: str | None) -> None:
        self._store.setValue("analysis/model", model or "")

    # preferences ----------------------------------------------------------------------------
    def preferences(self) -> Preferences:
        theme = self._store.value("preferences/theme", "system")
        family = self._store.value("preferences/font_family", "")
        return Preferences(theme=theme if theme in THEMES else "system",
                           font_family=family if isinstance(family, str) else "",
                           font_size=_clamp(self._float("preferences/font_size", DEFAULT_FONT_SIZE), *FONT_SIZES),
                           line_width=int(_clamp(self._int("preferences/line_width", DEFAULT_LINE_WIDTH),
                                                 *LINE_WIDTHS)))

    def set_preferences(self, preferences: Preferences) -> None:
        self._store.setValue("preferences/theme", preferences.theme if preferences.theme in THEMES else "system")
        self._store.setValue("preferences/font_family", preferences.font_family)
        self._store.setValue("preferences/font_size", float(_clamp(preferences.font_size, *FONT_SIZES)))
        self._store.setValue("preferences/line_width", int(_clamp(preferences.line_width, *LINE_WIDTHS)))

    def sync(self) -> None:
        self._store.sync()

    def _float(self, key: str, default: float) -> float:
        try:
            return float(self._store.value(key, default))
        except (TypeError, ValueError):
            return default

    def _int(self, key: str, default: int) -> int:
        try:
            return int(self._store.value(key, default))
        except (TypeError, ValueError):
            return default


def _clamp(value: float, low: float, high: float) -> float:
    return max(low, min(high, value))
