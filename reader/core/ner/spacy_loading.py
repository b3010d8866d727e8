"""Loading a spaCy pipeline with only what NER needs, and running it.

The only module of the reader that imports spaCy, and only when a function here is
called: in a helper process normally (see ``helpers``), in the caller's process as a
fallback. Importing this module is cheap.
"""

from __future__ import annotations

import importlib
import sys
import time
import types
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..model import ParsedSentence, ParsedToken
from .guard import harmless  # pathological runs blanked, offsets kept (issue 12)
from .interface import CHUNK_CHARS, KEPT_LABELS, Ents

# Only the NER path: tok2vec feeds ner in some pipelines; tagger, parser, lemmatizer are dead weight here.
NER_EXCLUDE = ("tagger", "parser", "attribute_ruler", "lemmatizer", "senter", "morphologizer")
EMBEDDERS = ("tok2vec", "transformer")  # shared embedders: needed only when ner listens to one
# Loaded next to the NER for the parse of quotation sentences: no sentence splitter, no lemmas.
PARSE_EXCLUDE = ("senter", "lemmatizer")
PARSE_COMPONENTS = ("tok2vec", "transformer", "tagger", "morphologizer", "parser", "attribute_ruler")
_GENDERS = {"Fem": "f", "Masc": "m"}
BATCH_SIZE = 32  # paragraphs per nlp.pipe batch; 32-256 measure the same (bench/run.py), 32 reports progress often


def load_ner_pipeline(model: str, parser: bool = False) -> Any:
    """The spaCy pipeline with only what its ``ner`` needs; with ``parser``, the parser's components too.

    en_core_web_sm/md/lg give ner its own embedding layer; their shared ``tok2vec`` feeds
    only the tagger and parser, so it is not loaded either (same entities, ~35% less time).
    A pipeline whose ner listens to a shared embedder gets that embedder back.

    With ``parser`` the embedder, tagger and parser are loaded as well but disabled: ``nlp.pipe``
    still runs the NER alone over the whole text, and ``_parse`` runs them by hand over the few
    sentences that hold a quotation (one load, one vocabulary; ~0.1 s more to load).
    """
    spacy = _import_spacy()
    if parser:
        nlp = spacy.load(model, exclude=[*PARSE_EXCLUDE, "tokenizer"])
        if "parser" not in nlp.pipe_names:
            return load_ner_pipeline(model)
        listens = "ner" in nlp.pipe_names and _listens(nlp.get_pipe("ner"))
        for name in nlp.pipe_names:
            if name != "ner" and not (listens and name in EMBEDDERS):
                nlp.disable_pipe(name)
    else:
        nlp = spacy.load(model, exclude=[*NER_EXCLUDE, *EMBEDDERS, "tokenizer"])
        if "ner" in nlp.pipe_names and _listens(nlp.get_pipe("ner")):
            nlp = spacy.load(model, exclude=[*NER_EXCLUDE, "tokenizer"])
    _use_saved_tokenizer(nlp)
    nlp.max_length = max(nlp.max_length, CHUNK_CHARS * 2)
    return nlp


def _listens(component: Any) -> bool:
    return any("listener" in node.name for node in component.model.walk())


def can_parse(nlp: Any) -> bool:
    return "parser" in nlp.component_names


def _parse(nlp: Any, texts: list[str], timer: list[float] | None = None) -> list[ParsedSentence]:
    """A dependency parse of each text, by the pipeline's embedder, tagger and parser (not its NER)."""
    started = time.perf_counter()
    if not can_parse(nlp):
        return []
    names = [name for name in nlp.component_names if name in PARSE_COMPONENTS]
    docs = [nlp.make_doc(harmless(text)) for text in texts]
    for name in names:
        docs = list(nlp.get_pipe(name).pipe(docs, batch_size=BATCH_SIZE))
    parsed = []
    for doc in docs:
        tokens = []
        for token in doc:
            gender = token.morph.get("Gender")
            tokens.append(ParsedToken(token.idx, token.idx + len(token.text), token.pos_, token.tag_, token.dep_,
                                      token.head.i, _GENDERS.get(gender[0]) if gender else None))
        parsed.append(ParsedSentence(tuple(tokens)))
    if timer is not None:
        timer[0] += time.perf_counter() - started
    return parsed


def model_version(nlp: Any) -> str:
    """The loaded pipeline's version as its package states it ("3.8.0"), "?" when it does not."""
    return str(nlp.meta.get("version", "?"))


def _use_saved_tokenizer(nlp: Any) -> None:
    """Make the pipeline's tokenizer the one saved with the model.

    ``spacy.load`` builds the language's default tokenizer, then replaces it with the saved
    one: ~0.2 s, most of it rebuilding the same 2,700 special cases. The pipeline is loaded
    without the saved one; the default is kept when it serialises to exactly the saved bytes
    (as en_core_web_sm's does), and the saved one is loaded otherwise.
    """
    path = getattr(nlp, "path", None)
    saved = Path(path) / "tokenizer" if path else None
    if saved is None or not saved.is_file():
        return
    data = saved.read_bytes()
    if nlp.tokenizer.to_bytes(exclude=["vocab"]) != data:
        nlp.tokenizer.from_bytes(data, exclude=["vocab"])


def _import_spacy() -> Any:
    """``import spacy``, without the command-line interface its ``__init__`` imports.

    spaCy 3.8 imports ``spacy.cli`` (typer, weasel, jinja2, rich, ...: ~0.3 s and ~17 MB) only
    to re-export ``spacy.info``; loading and running a pipeline never needs it. It is stubbed
    for the import and removed afterwards, so a later ``import spacy.cli`` gets the real one,
    and ``spacy.info`` still works (it imports the real one when called).
    """
    if "spacy" in sys.modules:
        return sys.modules["spacy"]
    cli = types.ModuleType("spacy.cli")
    cli.__path__ = []
    info = types.ModuleType("spacy.cli.info")
    info.info = _spacy_info  # type: ignore[attr-defined]
    stubs = {"spacy.cli": cli, "spacy.cli.info": info}
    if any(name in sys.modules for name in stubs):
        return importlib.import_module("spacy")
    sys.modules.update(stubs)
    spacy: Any
    try:
        spacy = importlib.import_module("spacy")
    except Exception:  # noqa: BLE001 - a spaCy that needs its CLI at import: import it the plain way below
        spacy = None
    finally:
        for name, stub in stubs.items():
            if sys.modules.get(name) is stub:
                del sys.modules[name]
    if spacy is None:
        for name in [name for name in sys.modules if name == "spacy" or name.startswith("spacy.")]:
            del sys.modules[name]
        return importlib.import_module("spacy")
    if getattr(spacy, "cli", None) is cli:
        del spacy.cli
    return spacy


def _spacy_info(*args: Any, **kwargs: Any) -> Any:
    from spacy.cli.info import info  # noqa: PLC0415 - the real CLI, only when someone asks for it

    return info(*args, **kwargs)


def _ents(nlp: Any, texts: list[str], timer: list[float] | None = None) -> Iterator[Ents]:
    """Per text, its entities as (start, end, label) with labels the reader keeps.

    ``timer[0]`` accumulates the time spent in here (the model's own time, for bench/run.py).
    """
    docs = iter(nlp.pipe(map(harmless, texts), batch_size=BATCH_SIZE))
    while True:
        started = time.perf_counter()
        doc = next(docs, None)
        found = None if doc is None else [(e.start_char, e.end_char, e.label_)
                                          for e in doc.ents if e.label_ in KEPT_LABELS]
        if timer is not None:
            timer[0] += time.perf_counter() - started
        if found is None:
            return
        yield found
