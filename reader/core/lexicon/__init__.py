"""The English vocabulary of the reader's analysis, each word list defined once.

The entity stage, the quotation stage, the sentence splitter and the rules recogniser all
read words from here, so that "what counts as a title" or "what heads an organisation's
name" has one answer. This is the lowest layer of ``reader.core``: it imports nothing from
it but ``reader.core.errors`` and ``reader.resources``.

Modules: ``names`` (people), ``organisations``, ``time``, ``reporting`` (verbs of speech
and the nouns around quotations), ``function_words``, ``abbreviations`` (for the sentence
splitter) and ``gazetteers`` (the large lists, loaded from data files).
"""

from __future__ import annotations

import re
from collections.abc import Iterable


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of ``words``, longest first so that a prefix never wins: "della|del|de"."""
    return "|".join(re.escape(word) for word in sorted(words, key=lambda word: (-len(word), word)))


def title_case(words: Iterable[str]) -> frozenset[str]:
    """The words as written at the start of a name ("mr" -> "Mr"), for lists compared case-sensitively."""
    return frozenset(word.title() for word in words)
