"""Make pathological runs harmless before spaCy sees a text, keeping its length and every offset.

spaCy's tokenizer strips prefixes and suffixes one at a time from a whitespace-free stretch, copying
the rest each time: a run of one punctuation character is quadratic (20,000 “ take ~11 s, 100,000 run
for minutes). Runs of one short pattern (``Mr. `` x 250,000, ``"a," said `` x 100,000) are linear but
token-dense: minutes per megabyte of NER and parse for nothing a reader wants.

``harmless`` returns a text of the same length in which

* a short pattern (1 to ``MAX_PERIOD`` characters) repeated more than ``MAX_REPEATS`` times in a row keeps
  its first ``KEEP_REPEATS`` repeats, the rest become spaces (newlines stay, so line ends stay put);
* a stretch of punctuation without a letter, digit or space longer than ``MAX_SYMBOLS`` keeps its first
  ``KEEP_CHARS`` characters, the rest become spaces;
* any other whitespace-free stretch longer than ``MAX_STRETCH`` (a URL, CJK text) gets a space every
  ``STRETCH_STEP`` characters (a character replaced, none inserted), so no token is longer than that.

Offsets of what the model finds are offsets into the original text; the article's text is never changed.
Ordinary prose is returned as it is. Cost: ~0.1 s per MB (numpy compares the text with itself shifted).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np

MAX_PERIOD = 16
MAX_REPEATS = 24  # "hahaha" and a row of "-=" survive; a quarter-million "Mr. " do not
KEEP_REPEATS = 4
KEEP_CHARS = 16
MAX_SYMBOLS = 64
MAX_STRETCH = 256
STRETCH_STEP = 64
_SPACE, _NEWLINE = 32, 10
_SYMBOLS = re.compile(rf"[^\w\s]{{{MAX_SYMBOLS + 1},}}")
_STRETCH = re.compile(rf"\S{{{MAX_STRETCH + 1},}}")


def harmless(text: str) -> str:
    """``text`` with pathological runs blanked or broken; same length, same offsets (see the module)."""
    if len(text) > MAX_PERIOD * MAX_REPEATS:
        text = _blank_repeats(text)
    text = _SYMBOLS.sub(lambda m: m.group(0)[:KEEP_CHARS] + " " * (len(m.group(0)) - KEEP_CHARS), text)
    return _STRETCH.sub(_break_stretch, text)


def _blank_repeats(text: str) -> str:
    import numpy as np  # noqa: PLC0415 - here, not at import: the window's process never runs spaCy nor needs numpy

    codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    blank: np.ndarray[tuple[int], np.dtype[np.bool_]] | None = None
    for period in range(1, MAX_PERIOD + 1):
        same = codes[period:] == codes[:-period]  # same[i]: the character at i repeats at i + period
        edges = np.flatnonzero(np.diff(np.concatenate(([False], same, [False])).astype(np.int8)))
        starts, ends = edges[0::2], edges[1::2]  # runs of same[start:end], the pattern repeating over them
        long = (ends - starts) >= period * MAX_REPEATS
        for start, end in zip(starts[long], ends[long], strict=True):
            if blank is None:
                blank = np.zeros(len(codes), dtype=bool)
            blank[start + period * KEEP_REPEATS:end + period] = True
    if blank is None:
        return text
    out = codes.copy()
    out[blank & (codes != _NEWLINE)] = _SPACE
    return out.tobytes().decode("utf-32-le", "surrogatepass")


def _break_stretch(match: re.Match[str]) -> str:
    stretch = match.group(0)
    return " ".join(stretch[i + 1 if i else 0:i + STRETCH_STEP] for i in range(0, len(stretch), STRETCH_STEP))
