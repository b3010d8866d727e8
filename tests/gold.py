"""Scoring helpers for the hand-checked gold file (tests/data/hama.gold.json)."""

from __future__ import annotations

import re


def locate(text: str, surface: str, occurrence: int) -> tuple[int, int]:
    """The Nth (0-based) whole-word match of ``surface`` in ``text``."""
    matches = list(re.finditer(r"(?<!\w)" + re.escape(surface) + r"(?!\w)", text))
    match = matches[occurrence]
    return match.start(), match.end()


def gold_mentions(gold: dict, text: str) -> list[dict]:
    found = []
    for entity in gold["entities"]:
        accepted = {entity["label"], *entity.get("also_accept_labels", [])}
        for mention in entity["mentions"]:
            start, end = locate(text, mention["text"], mention["occurrence"])
            found.append({"entity": entity["id"], "start": start, "end": end, "labels": accepted,
                          "text": mention["text"]})
    return found


def match_mentions(gold_list: list[dict], predicted: list[tuple[int, int, str]]) -> tuple[list, list]:
    """Gold mentions found and missed. Found = a predicted mention with an accepted label whose
    span equals the gold span, or (lenient) contains it or lies inside it."""
    found, missed = [], []
    for item in gold_list:
        exact = [p for p in predicted if (p[0], p[1]) == (item["start"], item["end"]) and p[2] in item["labels"]]
        lenient = [p for p in predicted if p[0] < item["end"] and item["start"] < p[1] and p[2] in item["labels"]
                   and ((p[0] <= item["start"] and item["end"] <= p[1])
                        or (item["start"] <= p[0] and p[1] <= item["end"]))]
        (found if exact or lenient else missed).append((item, "exact" if exact else "lenient" if lenient else None))
    return found, missed
