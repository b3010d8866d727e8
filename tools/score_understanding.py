"""Score Reader's quotes, speakers and entities against the hand-checked news passages.

    python tools/score_understanding.py                  # default model
    python tools/score_understanding.py --model rules    # the model-free recogniser
    python tools/score_understanding.py --verbose        # every error, passage by passage
    python tools/score_understanding.py --json out.json  # the figures, for a machine

The corpus and its gold format are described in tests/data/news/README.md. Everything goes
through the public API (``Analyzer``, ``load_text``) and the JSON contract
(``reader.core.export.to_dict``), so the scorer does not depend on how the core is organised.

What is measured (see the README for the definitions):

- quotes: precision, recall and F1 of speech quotes (kind "full" or "partial"), a predicted
  quote matching a gold one when their spans overlap by at least half of the longer of the two;
- speakers: accuracy over the matched quotes, overall and per phenomenon tag, with
  precision (right / quotes given a speaker) and recall (right / all gold quotes of the tag);
- entities: precision, recall and F1 per label, exact (same span and an accepted label) and
  lenient (overlapping span and an accepted label), the gold -> predicted label confusions,
  and violations of the "not entities" list (e.g. "aged 34" typed as DATE).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "data" / "news"

# Labels the gold annotates exhaustively; predictions with other labels (DATE, CARDINAL, ...)
# are not scored, except as confusions when they sit on a gold name, or as not-entity violations.
SCORED_LABELS = ("PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW",
                 "LANGUAGE", "MONEY")
ALL_LABELS = frozenset(SCORED_LABELS) | {"DATE", "TIME", "PERCENT", "QUANTITY", "ORDINAL", "CARDINAL"}
QUOTE_TAGS = frozenset(
    "said-after said-before said-inverted appositive pronoun continuation credit-line nested other-verb "
    "passive multi adverb-cue unattributed unnamed-speaker title-speaker org-speaker split partial "
    "straight-marks single-marks".split())
NON_QUOTE_KINDS = frozenset({"code", "product", "title", "term"})
SPEECH_KINDS = frozenset({"full", "partial"})

# Words that may precede a name without being part of it, when comparing speakers.
_HONORIFICS = frozenset(
    "mr mrs ms miss mx dr prof professor sir dame lord lady sen senator rep representative gov governor "
    "president prime minister judge justice councillor cllr det sgt insp supt gen col capt lt rev father "
    "chief executive chair chairman chairwoman coach manager captain inspector headteacher mayor chancellor "
    "secretary mp mep msp kc qc the a an".split())
# Words a MONEY span may start with, by OntoNotes custom ("about £18m"); exact either way.
_APPROXIMATORS = re.compile(r"^(?:about|around|nearly|almost|roughly|approximately|some|over|under|up to|"
                            r"more than|less than|at least|an estimated|a further|another)\s+", re.I)
_TOKEN = re.compile(r"[\w&?'-]+")


# ----------------------------------------------------------------------------- the gold

@dataclass
class GoldQuote:
    text: str
    start: int
    end: int
    speaker: str | None
    tags: tuple[str, ...]
    speaker_also: tuple[str, ...] = ()  # other names a careful reader accepts for the same speaker


@dataclass
class GoldMention:
    text: str
    start: int
    end: int
    label: str
    accepted: frozenset[str]


@dataclass
class Passage:
    id: str
    beat: str
    text: str
    quotes: list[GoldQuote]
    mentions: list[GoldMention]
    ignore: list[tuple[int, int]]
    not_entities: list[tuple[str, int, int, frozenset[str]]]  # text, start, end, forbidden labels ("*" = any)
    non_quotes: list[tuple[str, int, int, str]]  # text, start, end, kind
    names: dict[str, str] = field(default_factory=dict)  # every gold name surface -> label (for speakers)


class GoldError(ValueError):
    pass


def whole_word(text: str, surface: str) -> list[tuple[int, int]]:
    """Every whole-word occurrence of ``surface`` in ``text`` (case-sensitive)."""
    before = r"(?<!\w)" if surface[:1].isalnum() else ""
    after = r"(?!\w)" if surface[-1:].isalnum() else ""
    return [(m.start(), m.end()) for m in re.finditer(before + re.escape(surface) + after, text)]


def load_passage(txt: Path) -> Passage:
    """A passage and its gold (``NAME.txt`` with ``NAME.json`` beside it); GoldError when the gold is malformed."""
    text = txt.read_text(encoding="utf-8").replace("\r\n", "\n")
    gold_path = txt.with_suffix(".json")
    try:
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as error:
        raise GoldError(f"{gold_path.name}: {error}") from error
    pid = gold.get("id")
    if pid != txt.stem:
        raise GoldError(f"{gold_path.name}: id {pid!r} is not the file name {txt.stem!r}")
    quotes = [_gold_quote(pid, text, item) for item in gold.get("quotes", [])]
    mentions, names = _gold_mentions(pid, text, gold.get("entities", []))
    ignore = [spot for surface in gold.get("ignore", []) for spot in _spots(pid, text, surface, "ignored text")]
    not_entities = []
    for surface, forbidden in gold.get("not_entities", []):
        if any(label != "*" and label not in ALL_LABELS for label in forbidden):
            raise GoldError(f"{pid}: unknown label in not_entities for {surface!r}")
        not_entities += [(surface, s, e, frozenset(forbidden)) for s, e in _spots(pid, text, surface, "not-entity")]
    non_quotes = []
    for surface, kind in gold.get("non_quotes", []):
        if kind not in NON_QUOTE_KINDS:
            raise GoldError(f"{pid}: unknown non-quote kind {kind!r}")
        spots = [(m.start(), m.end()) for m in re.finditer(re.escape(surface), text)]
        if not spots:
            raise GoldError(f"{pid}: non-quote not in the passage: {surface!r}")
        non_quotes += [(surface, s, e, kind) for s, e in spots]
    for quote in quotes:
        for speaker in (quote.speaker, *quote.speaker_also):
            if speaker is not None and speaker not in names:
                raise GoldError(f"{pid}: speaker {speaker!r} is not one of the passage's gold entities")
        if quote.speaker is None and quote.speaker_also:
            raise GoldError(f"{pid}: speaker_also without a speaker on {quote.text[:40]!r}")
    return Passage(pid, gold.get("beat", ""), text, quotes, mentions, ignore, not_entities, non_quotes, names)


def _spots(pid: str, text: str, surface: str, what: str) -> list[tuple[int, int]]:
    spots = whole_word(text, surface)
    if not spots:
        raise GoldError(f"{pid}: {what} not in the passage: {surface!r}")
    return spots


def _gold_quote(pid: str, text: str, item: dict) -> GoldQuote:
    qtext, occurrence = item["text"], item.get("occurrence", 0)
    spots = [m.start() for m in re.finditer(re.escape(qtext), text)]
    if len(spots) <= occurrence:
        raise GoldError(f"{pid}: quote not in the passage: {qtext!r}")
    tags = tuple(item.get("tags", ()))
    unknown = set(tags) - QUOTE_TAGS
    if unknown:
        raise GoldError(f"{pid}: unknown quote tags {sorted(unknown)} on {qtext[:40]!r}")
    start = spots[occurrence]
    return GoldQuote(qtext, start, start + len(qtext), item.get("speaker"), tags, tuple(item.get("speaker_also", ())))


def _gold_mentions(pid: str, text: str, entries: list) -> tuple[list[GoldMention], dict[str, str]]:
    candidates = []
    names: dict[str, str] = {}
    for entry in entries:
        surface, label = entry[0], entry[1]
        options = entry[2] if len(entry) > 2 else {}
        also = options.get("also", [])
        if label not in ALL_LABELS or any(extra not in ALL_LABELS for extra in also):
            raise GoldError(f"{pid}: unknown label in {entry!r}")
        spots = _spots(pid, text, surface, "entity")
        if "occurrences" in options:
            try:
                spots = [spots[i] for i in options["occurrences"]]
            except IndexError as error:
                raise GoldError(f"{pid}: occurrences out of range for {surface!r}") from error
        names.setdefault(surface, label)
        candidates += [GoldMention(surface, s, e, label, frozenset({label, *also})) for s, e in spots]

    def inside_longer(m: GoldMention) -> bool:  # "Kenya" in "Athletics Kenya" is no mention of its own
        return any(o.start <= m.start and m.end <= o.end and o.end - o.start > m.end - m.start for o in candidates)

    seen: dict[tuple[int, int], GoldMention] = {}
    for mention in candidates:
        if inside_longer(mention):
            continue
        other = seen.get((mention.start, mention.end))
        if other is not None and other.label != mention.label:
            raise GoldError(f"{pid}: {mention.text!r} has two labels at {mention.start}; use occurrences")
        seen[(mention.start, mention.end)] = mention
    return sorted(seen.values(), key=lambda m: m.start), names


def load_corpus(folder: Path = CORPUS) -> list[Passage]:
    return [load_passage(path) for path in sorted(folder.glob("*.txt"))]


# ----------------------------------------------------------------------------- speakers

def _name_tokens(name: str) -> tuple[str, ...]:
    name = name.replace("’", "'").casefold()
    name = re.sub(r"'s$", "", name.strip())
    tokens = [t.strip(".'") for t in _TOKEN.findall(name)]
    tokens = [t for t in tokens if t]
    while tokens and tokens[0].rstrip(".") in _HONORIFICS and len(tokens) > 1:
        tokens.pop(0)
    return tuple(tokens)


def speaker_matches(predicted_names: list[str], gold: str, passage_names: dict[str, str]) -> bool:
    """True when one of the predicted names is the gold speaker.

    Equal after dropping titles, "the" and "'s" (case-insensitive); or, for a person, the
    predicted name is the gold name's last word(s) (a surname: "Okafor" for "Maria Okafor");
    or, for any other speaker, its first word(s) (a short organisation name: "Harbury" for
    "Harbury Bank"); in both cases only when no other gold name of the passage (one that is
    not part of the gold name) ends, or starts, with the same words.
    """
    gold_tokens = _name_tokens(gold)
    person = passage_names.get(gold) == "PERSON"
    others = [t for t in (_name_tokens(n) for n in passage_names) if t and not _is_part(t, gold_tokens)]
    for name in predicted_names:
        tokens = _name_tokens(name)
        if not tokens:
            continue
        if tokens == gold_tokens:
            return True
        k = len(tokens)
        if k >= len(gold_tokens):
            continue
        if person and gold_tokens[-k:] == tokens and not any(o[-k:] == tokens for o in others):
            return True
        if not person and gold_tokens[:k] == tokens and not any(o[:k] == tokens for o in others):
            return True
    return False


def _is_part(tokens: tuple[str, ...], of: tuple[str, ...]) -> bool:
    k = len(tokens)
    return any(of[i:i + k] == tokens for i in range(len(of) - k + 1))


def _predicted_names(quote: dict, entities: dict[str, dict]) -> list[str]:
    speaker = quote.get("speaker")
    if not speaker:
        return []
    entity = entities.get(speaker.get("entity_id") or "")
    if entity is not None:
        return [entity["name"], *entity.get("aliases", [])]
    return [speaker["text"]] if speaker.get("text") else []


def speaker_right(quote: dict | None, gold: GoldQuote, entities: dict[str, dict], passage: Passage) -> bool:
    if quote is None:
        return False
    speaker = quote.get("speaker")
    if gold.speaker is None:
        # Right when no speaker is named: none at all, or words that name no gold entity ("a spokeswoman").
        if not speaker:
            return True
        names = _predicted_names(quote, entities)
        return speaker.get("entity_id") is None and not any(
            _name_tokens(n) == _name_tokens(g) for n in names for g in passage.names)
    names = _predicted_names(quote, entities)
    return any(speaker_matches(names, name, passage.names) for name in (gold.speaker, *gold.speaker_also))


# ----------------------------------------------------------------------------- matching

def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and not text[start].isalnum():
        start += 1
    while end > start and not text[end - 1].isalnum():
        end -= 1
    return start, end


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def match_quotes(text: str, gold: list[GoldQuote], predicted: list[dict]) -> list[tuple[int, int]]:
    """(gold index, predicted index) pairs, one to one, best overlap first; a pair needs the
    overlap to be at least half of the longer span (punctuation at the edges ignored)."""
    pairs = []
    for gi, g in enumerate(gold):
        gs = _trim(text, g.start, g.end)
        for pi, p in enumerate(predicted):
            ps = _trim(text, p["start"], p["end"])
            shared = _overlap(gs, ps)
            longest = max(gs[1] - gs[0], ps[1] - ps[0], 1)
            if shared and shared * 2 >= longest:
                pairs.append((shared / longest, gi, pi))
    pairs.sort(reverse=True)
    used_g, used_p, result = set(), set(), []
    for _, gi, pi in pairs:
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            result.append((gi, pi))
    return result


def prf(tp: float, n_pred: float, n_gold: float) -> dict[str, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4), "tp": tp, "predicted": n_pred,
            "gold": n_gold}


# ----------------------------------------------------------------------------- scoring

@dataclass
class Tally:
    quote_gold: int = 0
    quote_pred: int = 0
    quote_matched: int = 0
    quote_exact: int = 0
    speaker_right: int = 0
    speaker_attributed: int = 0  # matched quotes given a speaker with a name or entity
    speaker_gold_named: int = 0
    speaker_right_attributed: int = 0
    tags: dict = field(default_factory=lambda: defaultdict(Counter))
    entity: dict = field(default_factory=lambda: defaultdict(Counter))  # label -> gold/pred/tp_exact/tp_lenient...
    confusion: Counter = field(default_factory=Counter)
    violations: list = field(default_factory=list)
    non_quote_as_quote: list = field(default_factory=list)
    quote_as_term: list = field(default_factory=list)
    errors: list = field(default_factory=list)  # (passage, kind, detail)
    error_kinds: Counter = field(default_factory=Counter)


def score_passage(passage: Passage, result: dict, tally: Tally) -> None:
    text = result["text"]
    if text != passage.text:
        raise RuntimeError(f"{passage.id}: the loaded text differs from the passage file")
    entities = {e["id"]: e for e in result["entities"]}
    speech = [q for q in result["quotes"] if q["kind"] in SPEECH_KINDS]
    other = [q for q in result["quotes"] if q["kind"] not in SPEECH_KINDS]
    pairs = match_quotes(text, passage.quotes, speech)
    matched = dict(pairs)
    matched_pred = {pi for _, pi in pairs}
    tally.quote_gold += len(passage.quotes)
    tally.quote_pred += len(speech)
    tally.quote_matched += len(pairs)

    def err(kind: str, detail: str) -> None:
        tally.errors.append((passage.id, kind, detail))
        tally.error_kinds[kind] += 1

    for gi, gold in enumerate(passage.quotes):
        pred = speech[matched[gi]] if gi in matched else None
        tag_list = gold.tags or ("untagged",)
        right = speaker_right(pred, gold, entities, passage) if pred else False
        for tag in (*tag_list, "ALL"):
            counter = tally.tags[tag]
            counter["gold"] += 1
            counter["matched"] += pred is not None
            counter["right"] += right
            if gold.speaker is not None:
                counter["gold_named"] += 1
            if pred is not None and pred.get("speaker"):
                counter["attributed"] += 1
                counter["right_attributed"] += right
        short = gold.text if len(gold.text) < 60 else gold.text[:57] + "..."
        if pred is None:
            typed = [q for q in other if _overlap((q["start"], q["end"]), (gold.start, gold.end))]
            if typed:
                tally.quote_as_term.append((passage.id, gold.text, typed[0]["kind"]))
                err(f"quote typed as {typed[0]['kind']}", f"“{short}”")
            else:
                err("quote missed", f"“{short}” [{', '.join(gold.tags)}]")
            continue
        gs, ps = _trim(text, gold.start, gold.end), _trim(text, pred["start"], pred["end"])
        tally.quote_exact += gs == ps
        if gs != ps:
            err("quote boundary", f"gold “{short}” / predicted “{text[ps[0]:ps[1]][:60]}”")
        tally.speaker_gold_named += gold.speaker is not None
        if pred.get("speaker"):
            tally.speaker_attributed += 1
            tally.speaker_right_attributed += right
        tally.speaker_right += right
        if not right:
            speaker = pred.get("speaker")
            said = "none" if not speaker else (
                f"{speaker['text']!r}" + (f" -> {entities[speaker['entity_id']]['name']!r}"
                                         if speaker.get("entity_id") in entities else " (no entity)"))
            if gold.speaker is None:
                kind = "speaker given to an unattributed quote"
            elif not speaker:
                kind = "speaker missing"
            elif speaker.get("entity_id") not in entities:
                kind = "speaker not linked to an entity"
            else:
                kind = "speaker wrong entity"
            tags = ", ".join(gold.tags)
            err(kind, f"“{short}” gold {gold.speaker!r}, predicted {said} [{tags}] cue={pred.get('cue')!r}")

    for pi, pred in enumerate(speech):
        if pi in matched_pred:
            continue
        span = (pred["start"], pred["end"])
        non = [n for n in passage.non_quotes if _overlap(span, (n[1], n[2]))]
        if non:
            tally.non_quote_as_quote.append((passage.id, non[0][0], non[0][3]))
            err(f"{non[0][3]} taken for a quote", f"“{pred['text'][:60]}” ({pred['kind']})")
        else:
            err("spurious quote", f"“{pred['text'][:60]}” ({pred['kind']})")

    _score_entities(passage, result, tally, err)


def _score_entities(passage: Passage, result: dict, tally: Tally, err) -> None:
    predicted = [(m["start"], m["end"], e["label"], m["text"]) for e in result["entities"] for m in e["mentions"]]
    gold = passage.mentions
    for mention in gold:
        tally.entity[mention.label]["gold"] += 1
    scored = [p for p in predicted if p[2] in SCORED_LABELS]
    used_pred: set[int] = set()
    found: set[int] = set()
    # exact first, then lenient (overlap); each predicted mention is used once
    for lenient in (False, True):
        for gi, g in enumerate(gold):
            if gi in found:
                continue
            for pi, p in enumerate(scored):
                fits = _overlap((p[0], p[1]), (g.start, g.end)) if lenient else _same_span(passage.text, p, g)
                if pi in used_pred or not fits or p[2] not in g.accepted:
                    continue
                used_pred.add(pi)
                found.add(gi)
                tally.entity[g.label]["tp_lenient"] += 1
                tally.entity[p[2]]["ptp_lenient"] += 1
                if lenient:
                    err(f"entity boundary ({g.label})", f"gold {g.text!r}, predicted {p[3]!r}")
                else:
                    tally.entity[g.label]["tp_exact"] += 1
                    tally.entity[p[2]]["ptp_exact"] += 1
                break
    for gi, g in enumerate(gold):
        if gi in found:
            continue
        over = [p for p in predicted if _overlap((p[0], p[1]), (g.start, g.end))]
        if over:
            best = max(over, key=lambda p: _overlap((p[0], p[1]), (g.start, g.end)))
            tally.confusion[(g.label, best[2])] += 1
            err(f"mistyped {g.label} -> {best[2]}", f"{g.text!r} (predicted {best[3]!r})")
        else:
            tally.confusion[(g.label, "-")] += 1
            err(f"missed {g.label}", repr(g.text))
    for pi, p in enumerate(scored):
        on_gold = any(_overlap((p[0], p[1]), (g.start, g.end)) for g in gold)
        if pi not in used_pred and not on_gold and any(_overlap((p[0], p[1]), span) for span in passage.ignore):
            continue  # a debatable name: neither right nor wrong
        tally.entity[p[2]]["pred"] += 1
        if pi not in used_pred and not on_gold:
            err(f"spurious {p[2]}", repr(p[3]))
    for surface, start, end, forbidden in passage.not_entities:
        for p in predicted:
            if _overlap((p[0], p[1]), (start, end)) and ("*" in forbidden or p[2] in forbidden):
                tally.violations.append((passage.id, surface, p[2], p[3]))
                err(f"not-entity typed {p[2]}", f"{surface!r} (predicted {p[3]!r})")


def _same_span(text: str, p: tuple, g: GoldMention) -> bool:
    """Exactly the gold span; a MONEY span may also carry a leading approximator ("about £18m")."""
    if (p[0], p[1]) == (g.start, g.end):
        return True
    if p[2] == "MONEY" and p[1] == g.end:
        approx = _APPROXIMATORS.match(text[p[0]:p[1]])
        return approx is not None and p[0] + approx.end() == g.start
    return False


def summarise(tally: Tally, passages: list[Passage], recogniser: str, seconds: float) -> dict:
    quotes = prf(tally.quote_matched, tally.quote_pred, tally.quote_gold)
    matched = tally.quote_matched
    speakers = {
        "accuracy": round(tally.speaker_right / matched, 4) if matched else 0.0,
        "right": tally.speaker_right, "matched": matched,
        "precision": round(tally.speaker_right_attributed / tally.speaker_attributed, 4)
        if tally.speaker_attributed else 0.0,
        "recall_of_gold": round(tally.speaker_right / tally.quote_gold, 4) if tally.quote_gold else 0.0,
    }
    tags = {}
    for tag, c in sorted(tally.tags.items()):
        tags[tag] = {"gold": c["gold"], "matched": c["matched"],
                     "quote_recall": round(c["matched"] / c["gold"], 4) if c["gold"] else 0.0,
                     "speaker_accuracy": round(c["right"] / c["matched"], 4) if c["matched"] else None,
                     "speaker_precision": (round(c["right_attributed"] / c["attributed"], 4)
                                           if c["attributed"] else None),
                     "speaker_recall": round(c["right"] / c["gold"], 4) if c["gold"] else None,
                     "right": c["right"]}
    entities = {}
    totals = Counter()
    for label in SCORED_LABELS:
        c = tally.entity.get(label, Counter())
        if not (c["gold"] or c["pred"]):
            continue
        entities[label] = {"exact": _label_prf(c["tp_exact"], c["ptp_exact"], c["pred"], c["gold"]),
                           "lenient": _label_prf(c["tp_lenient"], c["ptp_lenient"], c["pred"], c["gold"])}
        totals.update(c)
    entities["ALL"] = {"exact": _label_prf(totals["tp_exact"], totals["ptp_exact"], totals["pred"], totals["gold"]),
                       "lenient": _label_prf(totals["tp_lenient"], totals["ptp_lenient"], totals["pred"],
                                             totals["gold"])}
    return {
        "recogniser": recogniser, "passages": len(passages), "seconds": round(seconds, 2),
        "quotes": {**quotes, "exact_boundaries": tally.quote_exact,
                   "non_quotes_taken_for_quotes": len(tally.non_quote_as_quote),
                   "quotes_typed_as_term_or_title": len(tally.quote_as_term)},
        "speakers": speakers, "speaker_by_tag": tags, "entities": entities,
        "confusion": {f"{g}->{p}": n for (g, p), n in tally.confusion.most_common()},
        "not_entity_violations": [{"passage": pid, "text": s, "label": lab, "predicted": t}
                                  for pid, s, lab, t in tally.violations],
        "error_kinds": dict(tally.error_kinds.most_common()),
    }


def _label_prf(tp_gold: int, tp_pred: int, n_pred: int, n_gold: int) -> dict[str, float]:
    p = tp_pred / n_pred if n_pred else 0.0
    r = tp_gold / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4), "gold": n_gold, "predicted": n_pred}


def score(model: str | None = None, folder: Path = CORPUS, tally: Tally | None = None) -> dict:
    """Analyse every passage (the model loads once) and return the figures."""
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    from reader.core import Analyzer, load_text
    from reader.core.export import to_dict

    passages = load_corpus(folder)
    analyzer = Analyzer(model=model)
    tally = tally if tally is not None else Tally()
    began = time.perf_counter()
    recogniser = ""
    for passage in passages:
        analysis = analyzer.analyze(load_text(passage.text, source=passage.id, filename=f"{passage.id}.txt"))
        result = to_dict(analysis)
        recogniser = result["recogniser"]
        score_passage(passage, result, tally)
    return summarise(tally, passages, recogniser, time.perf_counter() - began)


# ----------------------------------------------------------------------------- report

def _pct(x: float | None) -> str:
    return "   - " if x is None else f"{100 * x:5.1f}"


def report(figures: dict, tally: Tally, verbose: bool) -> str:
    lines = []
    q, s = figures["quotes"], figures["speakers"]
    lines.append(f"Recogniser: {figures['recogniser']}   passages: {figures['passages']}   "
                 f"analysis time: {figures['seconds']} s")
    lines.append("")
    lines.append(f"QUOTES   P {_pct(q['precision'])}  R {_pct(q['recall'])}  F1 {_pct(q['f1'])}   "
                 f"(gold {q['gold']}, predicted {q['predicted']}, matched {q['tp']}, "
                 f"exact boundaries {q['exact_boundaries']}; "
                 f"non-quotes taken for quotes {q['non_quotes_taken_for_quotes']}, quotes typed term/title "
                 f"{q['quotes_typed_as_term_or_title']})")
    lines.append(f"SPEAKERS accuracy over matched {_pct(s['accuracy'])}  ({s['right']}/{s['matched']})   "
                 f"precision {_pct(s['precision'])}   right/all gold {_pct(s['recall_of_gold'])}")
    lines.append("")
    lines.append(f"{'phenomenon':<18}{'gold':>5}{'found':>7}{'q.rec':>7}{'spk.acc':>9}{'spk.P':>7}{'spk.R':>7}")
    for tag, t in sorted(figures["speaker_by_tag"].items(), key=lambda kv: (kv[0] == "ALL", kv[0])):
        lines.append(f"{tag:<18}{t['gold']:>5}{t['matched']:>7}{_pct(t['quote_recall']):>7}"
                     f"{_pct(t['speaker_accuracy']):>9}{_pct(t['speaker_precision']):>7}{_pct(t['speaker_recall']):>7}")
    lines.append("")
    lines.append(f"{'ENTITIES':<12}{'gold':>5}{'pred':>6}   {'exact P':>7}{'R':>7}{'F1':>7}   "
                 f"{'lenient P':>9}{'R':>7}{'F1':>7}")
    for label, e in figures["entities"].items():
        ex, le = e["exact"], e["lenient"]
        lines.append(f"{label:<12}{ex['gold']:>5}{ex['predicted']:>6}   "
                     f"{_pct(ex['precision']):>7}{_pct(ex['recall']):>7}"
                     f"{_pct(ex['f1']):>7}   {_pct(le['precision']):>9}{_pct(le['recall']):>7}{_pct(le['f1']):>7}")
    lines.append("")
    lines.append("Mistyped / missed gold names (gold -> predicted, '-' = nothing there):")
    lines.append("  " + ", ".join(f"{k} {v}" for k, v in figures["confusion"].items()) or "  none")
    violations = figures["not_entity_violations"]
    lines.append(f"Not-entity violations: {len(violations)}"
                 + ("" if not violations else " — " + ", ".join(f"{v['passage']}: {v['text']!r} as {v['label']}"
                                                                  for v in violations)))
    lines.append("")
    lines.append("Error kinds:")
    for kind, n in figures["error_kinds"].items():
        lines.append(f"  {n:>4}  {kind}")
    if verbose:
        lines.append("")
        lines.append("Errors:")
        for pid, kind, detail in tally.errors:
            lines.append(f"  {pid:<8} {kind}: {detail}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--model", default=None, help="spaCy model name, or 'rules' (default: Reader's default)")
    parser.add_argument("--corpus", type=Path, default=CORPUS, help="folder of NAME.txt + NAME.json passages")
    parser.add_argument("--json", type=Path, default=None, help="write the figures to this file")
    parser.add_argument("--verbose", action="store_true", help="list every error")
    args = parser.parse_args(argv)
    tally = Tally()
    figures = score(args.model, args.corpus, tally)
    print(report(figures, tally, args.verbose))
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
