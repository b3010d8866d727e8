"""The order in which a line of text is drawn: the Unicode Bidirectional Algorithm (UAX #9), for one line.

Link text is compared with the link's target as a reader *sees* it: "\u202emoc.elpmaxe//:sptth"
is drawn as "https://example.com". This implements the explicit levels (X1-X10, with
isolates), the weak and neutral type rules (W1-W7, N1-N2), the implicit levels (I1-I2) and
the reordering (L1-L2). Bracket pairs (N0) and mirrored glyphs (L4) are left out: they
move brackets, never the letters, dots and slashes that make up an address.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

_MAX_DEPTH = 125
_EMBED = {"LRE": ("L", None), "RLE": ("R", None), "LRO": ("L", "L"), "RLO": ("R", "R")}
_ISOLATE_OPEN = frozenset({"LRI", "RLI", "FSI"})
_REMOVED = frozenset({"LRE", "RLE", "LRO", "RLO", "PDF", "BN"})
_NEUTRAL = frozenset({"B", "S", "WS", "ON", "LRI", "RLI", "FSI", "PDI"})
_STRONG = frozenset({"L", "R", "AL"})
# Controls and marks that steer the algorithm and draw nothing; dropped from the visual form.
_FORMAT = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def needs_reordering(text: str) -> bool:
    """Whether the visual form can differ from the logical one (a right-to-left character or a control)."""
    return any(unicodedata.bidirectional(c) in ("R", "AL", "AN", "RLE", "RLO", "RLI", "FSI", "LRO", "LRE")
               for c in text if not c.isascii())


def visual(text: str, base_level: int | None = 0) -> str:
    """``text`` in the left-to-right order it is drawn in, without the bidi controls.
    ``base_level`` 0 is a left-to-right paragraph, 1 right-to-left, None takes it from the first strong letter."""
    if not text:
        return text
    types = [unicodedata.bidirectional(c) or "L" for c in text]
    paragraph = base_level if base_level is not None else _first_strong_level(types, 0, len(types), 0)
    original = types
    levels, types = _explicit_levels(original, paragraph)
    kept = [i for i, t in enumerate(original) if t not in _REMOVED]  # X9
    for sequence, sos, eos in _isolating_sequences(kept, levels, original, paragraph):
        _resolve_weak(sequence, types, sos)
        _resolve_neutral(sequence, types, levels, sos, eos)
        _implicit_levels(sequence, types, levels)
    _reset_line_end(kept, levels, original, paragraph)
    order = _reorder(kept, levels)
    return "".join(text[i] for i in order if text[i] not in _FORMAT)


def _first_strong_level(types: list[str], start: int, end: int, default: int) -> int:
    """P2/P3: the level of the first strong letter, skipping isolated runs."""
    depth = 0
    for t in types[start:end]:
        if t in _ISOLATE_OPEN:
            depth += 1
        elif t == "PDI" and depth:
            depth -= 1
        elif depth == 0 and t == "L":
            return 0
        elif depth == 0 and t in ("R", "AL"):
            return 1
    return default


def _matching_pdi(types: list[str], start: int) -> int:
    depth = 0
    for i in range(start + 1, len(types)):
        if types[i] in _ISOLATE_OPEN:
            depth += 1
        elif types[i] == "PDI":
            if depth == 0:
                return i
            depth -= 1
    return len(types)


@dataclass(slots=True)
class _Entry:
    level: int
    override: str | None
    isolate: bool


def _explicit_levels(types: list[str], paragraph: int) -> tuple[list[int], list[str]]:
    """X1-X8: each character's embedding level; overridden characters take the override's type."""
    types = list(types)
    levels = [paragraph] * len(types)
    stack = [_Entry(paragraph, None, False)]
    overflow_isolates = overflow_embeddings = valid_isolates = 0
    for i, t in enumerate(types):
        top = stack[-1]
        if t in _EMBED:
            direction, override = _EMBED[t]
            level = (top.level + 1) | 1 if direction == "R" else (top.level + 2) & ~1
            levels[i] = top.level
            if level <= _MAX_DEPTH and not overflow_isolates and not overflow_embeddings:
                stack.append(_Entry(level, override, False))
            elif not overflow_isolates:
                overflow_embeddings += 1
        elif t in _ISOLATE_OPEN:
            levels[i] = top.level
            if top.override:
                types[i] = top.override
            rtl = t == "RLI" or (t == "FSI" and _first_strong_level(types, i + 1, _matching_pdi(types, i), 0))
            level = (top.level + 1) | 1 if rtl else (top.level + 2) & ~1
            if level <= _MAX_DEPTH and not overflow_isolates and not overflow_embeddings:
                valid_isolates += 1
                stack.append(_Entry(level, None, True))
            else:
                overflow_isolates += 1
        elif t == "PDI":
            if overflow_isolates:
                overflow_isolates -= 1
            elif valid_isolates:
                overflow_embeddings = 0
                while not stack[-1].isolate:
                    stack.pop()
                stack.pop()
                valid_isolates -= 1
            levels[i] = stack[-1].level
            if stack[-1].override:
                types[i] = stack[-1].override
        elif t == "PDF":
            levels[i] = top.level
            if overflow_isolates:
                pass
            elif overflow_embeddings:
                overflow_embeddings -= 1
            elif not top.isolate and len(stack) >= 2:
                stack.pop()
        elif t == "B":
            levels[i] = paragraph
        elif t != "BN":
            levels[i] = top.level
            if top.override:
                types[i] = top.override
    return levels, types


def _isolating_sequences(kept: list[int], levels: list[int], original: list[str],
                         paragraph: int) -> list[tuple[list[int], str, str]]:
    """X10: level runs chained across isolates (an initiator's run goes on after its matching PDI),
    each with its start- and end-of-sequence types."""
    runs: list[list[int]] = []
    for i in kept:
        if runs and levels[runs[-1][-1]] == levels[i]:
            runs[-1].append(i)
        else:
            runs.append([i])
    pdi_of: dict[int, int] = {}
    opened: list[int] = []
    for i in kept:
        if original[i] in _ISOLATE_OPEN:
            opened.append(i)
        elif original[i] == "PDI" and opened:
            pdi_of[opened.pop()] = i
    sequences: list[list[int]] = []
    waiting: dict[int, list[int]] = {}  # a PDI's index -> the sequence its initiator ended
    for run in runs:
        if run[0] in waiting:
            sequence = waiting.pop(run[0])
            sequence.extend(run)
        else:
            sequence = list(run)
            sequences.append(sequence)
        if original[run[-1]] in _ISOLATE_OPEN and run[-1] in pdi_of:
            waiting[pdi_of[run[-1]]] = sequence
    position = {index: n for n, index in enumerate(kept)}
    result = []
    for sequence in sequences:
        first, last = position[sequence[0]], position[sequence[-1]]
        before = levels[kept[first - 1]] if first > 0 else paragraph
        unmatched_open = original[sequence[-1]] in _ISOLATE_OPEN
        after = levels[kept[last + 1]] if last + 1 < len(kept) and not unmatched_open else paragraph
        level = levels[sequence[0]]
        sos = "R" if max(before, level) % 2 else "L"
        eos = "R" if max(after, levels[sequence[-1]]) % 2 else "L"
        result.append((sequence, sos, eos))
    return result


def _resolve_weak(sequence: list[int], types: list[str], sos: str) -> None:
    """W1-W7."""
    previous = sos
    for i in sequence:  # W1: a mark takes the type of what it is on
        if types[i] == "NSM":
            types[i] = "ON" if previous in _ISOLATE_OPEN or previous == "PDI" else previous
        previous = types[i]
    strong = sos
    for i in sequence:  # W2, W3: numbers after Arabic letters are Arabic numbers; AL is R
        if types[i] in _STRONG:
            strong = types[i]
        elif types[i] == "EN" and strong == "AL":
            types[i] = "AN"
    for i in sequence:
        if types[i] == "AL":
            types[i] = "R"
    for n in range(1, len(sequence) - 1):  # W4: one separator between two numbers joins them
        before, here, after = types[sequence[n - 1]], types[sequence[n]], types[sequence[n + 1]]
        if (here == "ES" and before == after == "EN") or (here == "CS" and before == after and before in ("EN", "AN")):
            types[sequence[n]] = before
    _terminators_to_numbers(sequence, types)  # W5
    for i in sequence:  # W6
        if types[i] in ("ES", "ET", "CS"):
            types[i] = "ON"
    strong = sos
    for i in sequence:  # W7: European numbers in left-to-right context are left-to-right
        if types[i] in ("L", "R"):
            strong = types[i]
        elif types[i] == "EN" and strong == "L":
            types[i] = "L"


def _terminators_to_numbers(sequence: list[int], types: list[str]) -> None:
    n = 0
    while n < len(sequence):
        if types[sequence[n]] != "ET":
            n += 1
            continue
        end = n
        while end < len(sequence) and types[sequence[end]] == "ET":
            end += 1
        touches = (n > 0 and types[sequence[n - 1]] == "EN") or (end < len(sequence) and types[sequence[end]] == "EN")
        if touches:
            for k in range(n, end):
                types[sequence[k]] = "EN"
        n = end


def _resolve_neutral(sequence: list[int], types: list[str], levels: list[int], sos: str, eos: str) -> None:
    """N1-N2: neutrals between two letters of one direction take it, others the embedding's direction."""
    def strong(t: str) -> str:
        return "R" if t in ("R", "EN", "AN") else t

    n = 0
    while n < len(sequence):
        if types[sequence[n]] not in _NEUTRAL:
            n += 1
            continue
        end = n
        while end < len(sequence) and types[sequence[end]] in _NEUTRAL:
            end += 1
        before = strong(types[sequence[n - 1]]) if n > 0 else sos
        after = strong(types[sequence[end]]) if end < len(sequence) else eos
        for k in range(n, end):
            i = sequence[k]
            types[i] = before if before == after else ("R" if levels[i] % 2 else "L")
        n = end


def _implicit_levels(sequence: list[int], types: list[str], levels: list[int]) -> None:
    """I1-I2."""
    for i in sequence:
        t = types[i]
        if levels[i] % 2 == 0:
            levels[i] += 1 if t == "R" else 2 if t in ("AN", "EN") else 0
        elif t in ("L", "EN", "AN"):
            levels[i] += 1


def _reset_line_end(kept: list[int], levels: list[int], original: list[str], paragraph: int) -> None:
    """L1: separators, and white space or isolate controls before them or at the end, take the paragraph level."""
    trailing = True
    for i in reversed(kept):
        t = original[i]
        if t in ("S", "B"):
            levels[i] = paragraph
            trailing = True
        elif trailing and t in ("WS", "LRI", "RLI", "FSI", "PDI"):
            levels[i] = paragraph
        else:
            trailing = False


def _reorder(kept: list[int], levels: list[int]) -> list[int]:
    """L2: from the highest level down to the lowest odd one, reverse every run at that level or above."""
    order = list(kept)
    if not order:
        return order
    highest = max(levels[i] for i in order)
    odd = [levels[i] for i in order if levels[i] % 2]
    if not odd:
        return order
    for level in range(highest, min(odd) - 1, -1):
        n = 0
        while n < len(order):
            if levels[order[n]] < level:
                n += 1
                continue
            end = n
            while end < len(order) and levels[order[end]] >= level:
                end += 1
            order[n:end] = order[n:end][::-1]
            n = end
    return order
