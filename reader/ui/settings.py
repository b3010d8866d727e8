"""The one module that owns QSettings: window layout, recent files and addresses, zoom, entity model."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QMainWindow

MAX_RECENT = 10
LAYOUT_VERSION = 1  # bump when docks change so an old saved state is not restored onto a new layout
_WEB = re.compile(r"^https?://", re.IGNORECASE)


def is_web_address(entry: str) -> bool:
    """True for a remembered web address, False for a file path."""
    return bool(_WEB.match(entry))


class Settings:
    def __init__(self, store: QSettings | None = None) -> None:
        self._store = store if store is not None else QSettings()

    @classmethod
    def at(cls, path: str | os.PathLike[str]) -> "Settings":
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

    def sync(self) -> None:
        self._store.sync()

    def _int(self, key: str, default: int) -> int:
        try:
            return int(self._store.value(key, default))
        except (TypeError, ValueError):
            return default
