"""The recogniser for a model choice, falling back to the next best when a model cannot be loaded."""

from __future__ import annotations

from .choice import RULES, choose_model, fallbacks, wanted_model
from .interface import ModelError, Recogniser
from .rules import RulesRecogniser
from .spacy_recogniser import SpacyRecogniser

NO_MODEL_NOTICE = ("No statistical entity model is installed; entities come from simple rules "
                   "and will be less accurate.")


def load_recogniser(preferred: str | None = None) -> tuple[Recogniser, tuple[str, ...]]:
    """The best recogniser available, and notices for the user about the choice.

    ``preferred`` (or the READER_MODEL environment variable) names a spaCy model or
    ``rules``. When it cannot be loaded the next best is used, and the notice says why.
    """
    chosen = choose_model(preferred)
    if chosen == RULES:  # asked for (no notice), or nothing better is installed (say so)
        return RulesRecogniser(), (() if wanted_model(preferred) == RULES else (NO_MODEL_NOTICE,))
    notices: list[str] = []
    for name in [chosen, *fallbacks(chosen)]:
        try:
            return SpacyRecogniser(name), tuple(notices)
        except ModelError as error:
            notices.append(f"Could not use {error}.")
    notices.append(NO_MODEL_NOTICE)
    return RulesRecogniser(), tuple(notices)
