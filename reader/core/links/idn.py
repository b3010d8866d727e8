"""Internationalised site names: when a Unicode label may be shown as Unicode (Chromium's IDN display policy).

Chromium shows a host in Unicode only when it cannot pass for another one; this module
implements the parts of that policy that do not need a browser's history:
* one script per label (Latin may join Han/Kana/Hangul/Bopomofo, as in UTS #39's
  "highly restrictive" profile), never Latin with a script whose letters double as Latin, nor
  with a CJK stroke drawn like a dash or a dot ("bankーonline", Chromium's dangerous patterns);
* no label made only of letters that imitate Latin ones under a TLD of another script or
  country (whole-script confusables: Cyrillic "аре" under .com, but not under .ru);
* no Latin letter outside ASCII that copies an ASCII one (dotless i, script g), except
  where it is an ordinary letter of the TLD's language;
* no mark that is easy to miss (dot above or below, cedilla, hook, stroke) on an
  otherwise ASCII label under a generic TLD, and no combining mark left uncomposed;
* (in domains.py) no name whose skeleton matches a well-known domain.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from typing import Any

# Scripts whose letters double as Latin ones; mixing them with Latin in one label is the
# classic homograph (UTS 39 "moderately restrictive" minus these).
_LATIN_LOOKALIKE_SCRIPTS = frozenset({"CYRILLIC", "GREEK", "ARMENIAN", "CHEROKEE", "COPTIC"})
_CJK_SETS = (frozenset({"LATIN", "HAN", "HIRAGANA", "KATAKANA"}), frozenset({"LATIN", "HAN", "BOPOMOFO"}),
             frozenset({"LATIN", "HAN", "HANGUL"}))
NEUTRAL_SCRIPTS = frozenset({"COMMON", "INHERITED", "Unknown"})
# UTS #31's recommended scripts (Table 5), those in everyday use; a letter of another script (Lisu, Osage, Warang
# Citi, NKo...) beside Latin ones is how look-alikes outside the usual tables get in, as Chromium also refuses.
_RECOMMENDED_SCRIPTS = frozenset({
    "LATIN", "ARABIC", "ARMENIAN", "BENGALI", "BOPOMOFO", "CYRILLIC", "DEVANAGARI", "ETHIOPIC", "GEORGIAN", "GREEK",
    "GUJARATI", "GURMUKHI", "HAN", "HANGUL", "HEBREW", "HIRAGANA", "KANNADA", "KATAKANA", "KHMER", "LAO",
    "MALAYALAM", "MYANMAR", "ORIYA", "SINHALA", "TAMIL", "TELUGU", "THAANA", "THAI", "TIBETAN",
})
# Look-alike letters that are ordinary letters of the language of a country's domain (Turkish dotless i).
_NATIVE_LOOKALIKES = {"\u0131": frozenset({"tr", "az"}),
                      # Nordic letters: æ in Danish, Norwegian, Icelandic and Faroese, þ and ð in Icelandic (ð also
                      # Faroese), œ in French, kra in Greenlandic (Chromium also allows þ only under .is).
                      "\u00e6": frozenset({"dk", "no", "is", "fo"}), "\u00fe": frozenset({"is"}),
                      "\u00f0": frozenset({"is", "fo"}), "\u0153": frozenset({"fr"}), "\u0138": frozenset({"gl"})}
# Marks that a reader's eye skips at URL-bar size: dots, commas and hooks above or below, cedillas,
# ogoneks, horns, rings and lines below, overlays. Accents such as é or ü are deliberately not here.
_SUBTLE_MARKS = frozenset("\u0307\u0309\u031b\u0323\u0324\u0325\u0326\u0327\u0328\u032d\u032e\u0330\u0331"
                          "\u0334\u0335\u0336\u0337\u0338")
# Latin letters whose extra stroke is drawn into the letter itself (ł, đ, ħ, ƀ, ɗ): the same idea.
_SUBTLE_NAME = re.compile(r"LATIN (?:SMALL|CAPITAL) LETTER [A-Z] WITH (?:STROKE|BAR|HOOK|MIDDLE DOT|DOT|TAIL"
                          r"|CURL|BELT|RETROFLEX HOOK|PALATAL HOOK|LONG LEG|TOPBAR|FLOURISH|DIAGONAL STROKE)\b")
# Dotless i and j (ı, ȷ) are drawn as the plain letter missing only its dot, small capitals (ʀ, ᴀ) as the plain
# letter a little squarer: copies, not accented letters.
_DOTLESS = re.compile(r"LATIN (?:SMALL LETTER DOTLESS|LETTER SMALL CAPITAL) [A-Z]\b")
_LATIN_BASE = re.compile(r"LATIN (?:(?:SMALL|CAPITAL) LETTER (?:DOTLESS )?|LETTER SMALL CAPITAL )([A-Z])\b")
# Letters that Chromium's IDN spoof checker (components/url_formatter/spoof_checks, BSD licence) maps to a
# Latin one on top of UTS #39's table, because they look alike in common fonts though Unicode does not list them.
_EXTRA_TWINS = {**dict.fromkeys("ĸκкқҝҟҡӄԟ", "k"), **dict.fromkeys("ŋпԥη", "n"), **dict.fromkeys("þϼҏ", "p"),
                **dict.fromkeys("ħнћңҥӈӊԋԧԩ", "h"), **dict.fromkeys("ƅьҍв", "b"), **dict.fromkeys("ωшщ", "w"),
                **dict.fromkeys("мӎ", "m"), **dict.fromkeys("єҽҿ", "e"), "ґ": "r", **dict.fromkeys("ғӻ", "f"),
                "ҫ": "c", "ұ": "y", **dict.fromkeys("χҳӽӿ", "x"), "ԃ": "d", "ԍ": "g", **dict.fromkeys("ᴏᴑ", "o"),
                # The rest of Chromium's supplement: t-shaped letters, and Thai, Lao, Myanmar, Georgian, Hebrew,
                # Malayalam and CJK letters drawn like Latin ones, and Indic zeros drawn like "o".
                **dict.fromkeys("ŧтҭԏτ", "t"), **dict.fromkeys("กח", "n"), **dict.fromkeys("ฟฝ", "w"),
                **dict.fromkeys("ẟε", "e"), "င": "c", "丫": "y", "乂": "x", "ძ": "d", "ဌ": "g",
                **dict.fromkeys("ടรຣຮ", "s"), "၂": "j", **dict.fromkeys("०০੦૦ଠ୦೦", "o"),
                **dict.fromkeys("৭੧૧", "q"), **dict.fromkeys("บບ", "u"),
                # Palochka: the table draws it like "i", but it has no dot and reads as "l" ("аррӏе"), as Chromium
                # also maps it.
                "ӏ": "l"}
# (Greek tau, epsilon and eta are this project's additions: in the sans-serif fonts of address bars "τ" is a small
# t and "ε" a rounded e, so an all-Greek "ικεα" reads as a Latin word; the confusables table pairs them only with
# rare Latin letters, ᴛ and ꞓ; "η" is an n with a tail.)
# CJK strokes and marks that read as a dash, a dot, a slash or a zero beside Latin letters (Chromium's "dangerous
# patterns"): they belong in Japanese or Chinese words, not between the letters of a Latin one.
_CJK_DASHES = frozenset("ーｰ一丨丿乀丶亅〇・･ノソン〡")
_KANA = frozenset({"HIRAGANA", "KATAKANA"})
# Country domains whose people write in the script, where a word made of Latin-looking letters is an ordinary
# word of their language (Chromium's whole-script-confusable exceptions); a TLD in the script itself is handled
# by the caller.
_SCRIPT_COUNTRIES = {
    "CYRILLIC": frozenset({"ru", "su", "by", "kz", "ua", "bg", "mk", "mn", "rs", "kg", "tj", "ba", "me", "uz"}),
    "GREEK": frozenset({"gr", "cy"}), "ARMENIAN": frozenset({"am"}), "GEORGIAN": frozenset({"ge"}),
    "HEBREW": frozenset({"il"}), "THAI": frozenset({"th"}), "LAO": frozenset({"la"}), "MYANMAR": frozenset({"mm"}),
}
# The multi-letter folds of the UTS #39 skeleton that matter in host names.
_ASCII_FOLDS = (("rn", "m"), ("vv", "w"), ("0", "o"), ("1", "l"))


def confusable_tables() -> tuple[Any, Any]:
    # Imported on demand: its tables cost ~60 ms and only non-ASCII text needs them.
    from confusable_homoglyphs import categories, confusables  # noqa: PLC0415 - see above

    return categories, confusables


# --------------------------------------------------------------------------- skeleton

@functools.lru_cache(maxsize=8192)
def _fold_char(char: str) -> str:
    """The ASCII letter or digit a character is drawn like, or the character itself."""
    if char.isascii():
        return char
    base = _LATIN_BASE.match(unicodedata.name(char, ""))
    if base:  # ł, đ, ħ, ı: a Latin letter with something drawn into it
        return base.group(1).lower()
    twin = _ascii_twin(char)
    return twin if twin is not None else char


def _ascii_twin(char: str) -> str | None:
    """The ASCII letters or digits the confusables table draws ``char`` like; lower case preferred, because a
    capital twin says little about the small letter ("ӏ" is listed beside "I", but reads as "l")."""
    if char in _EXTRA_TWINS:
        return _EXTRA_TWINS[char]
    _, confusables = confusable_tables()
    twins = [str(g.get("c", "")).strip("\u200e") for g in confusables.confusables_data.get(char, ())]
    twins = [t for t in twins if t and t.isascii() and t.isalnum()]
    if not twins:
        return None
    lower = [t for t in twins if t == t.lower()]
    if lower:
        return lower[0]
    return "l" if twins[0] == "I" else twins[0].lower()  # UTS #39 draws capital I like small l


def skeleton(text: str) -> str:
    """A look-alike key in the spirit of UTS #39: two names with the same skeleton are drawn (nearly) the same.
    Compatibility forms unfolded, marks dropped, each letter replaced by the ASCII one it imitates, lower-cased,
    and the ASCII pairs that pass for one another (rn/m, vv/w, 0/o, 1/l) made one."""
    if text.isascii():
        folded = text.lower()
    else:
        chars = (c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)
                 and unicodedata.category(c) not in ("Mn", "Me"))
        folded = "".join(_fold_char(c) for c in chars).lower()
    for pair, single in _ASCII_FOLDS:
        folded = folded.replace(pair, single)
    return folded


# --------------------------------------------------------------------------- label rules

def _scripts(text: str) -> set[str]:
    categories, _ = confusable_tables()
    return {categories.alias(c) for c in text} - NEUTRAL_SCRIPTS


def script_problem(label: str, tld: str) -> tuple[str, str] | None:
    """("mixed-script" | "idn-homograph", detail) when a Unicode label can pass for another."""
    scripts = _scripts(label)
    stroke = _cjk_dash_problem(label)
    if stroke is not None:
        return "mixed-script", stroke
    if len(scripts) > 1:
        others = scripts - {"LATIN"}
        mixes_lookalikes = bool(scripts & _LATIN_LOOKALIKE_SCRIPTS) or bool(others - _RECOMMENDED_SCRIPTS)
        if mixes_lookalikes or not (len(others) == 1 or any(scripts <= allowed for allowed in _CJK_SETS)):
            return "mixed-script", " and ".join(s.replace("_", " ").title() for s in sorted(scripts))
        return None
    if not scripts:
        return None
    (script,) = scripts
    if script == "LATIN":
        return _latin_problem(label, tld)
    categories, _ = confusable_tables()
    letters = [c for c in label if categories.alias(c) == script]
    if tld.lower() in _SCRIPT_COUNTRIES.get(script, ()):
        return None  # a Greek word under .gr is Greek to its readers, whatever Latin word it resembles
    if letters and all(_ascii_twin(c) for c in letters):
        return "idn-homograph", f"{script.replace('_', ' ').title()} letters that all imitate Latin ones"
    return None


def _cjk_dash_problem(label: str) -> str | None:
    """A CJK stroke or mark ("ー", "一", "・") drawn like punctuation, touching a Latin letter or digit, or (for
    the kana marks) following no kana: "bankーonline" reads as "bank-online"."""
    categories, _ = confusable_tables()
    for i, char in enumerate(label):
        if char not in _CJK_DASHES:
            continue
        neighbours = label[max(i - 1, 0):i] + label[i + 1:i + 2]
        before = categories.alias(label[i - 1]) if i else None
        kana_mark = char in "\u30fc\uff70\u30fb\uff65"
        if any(c.isascii() and (c.isalnum() or c == "-") for c in neighbours) or (kana_mark and before not in _KANA):
            return "Latin letters with a Chinese or Japanese stroke drawn like punctuation"
    return None


def _latin_problem(label: str, tld: str) -> tuple[str, str] | None:
    # Latin letters outside ASCII that copy ASCII ones (ɑ, ı, ɡ) rather than accented ones (é, ü).
    fakes = [c for c in label if not c.isascii() and (_ascii_twin(c) or _DOTLESS.match(unicodedata.name(c, "")))
             and tld.lower() not in _NATIVE_LOOKALIKES.get(c, ())]
    if fakes:
        return "idn-homograph", f"Latin letters that imitate plain ones ({', '.join(fakes[:3])})"
    loose = [c for c in label if unicodedata.combining(c)]
    if loose:  # NFC could not join the mark to its letter: stacked marks are a disguise, not spelling
        return "idn-homograph", "a loose combining mark"
    subtle = subtle_letters(label)
    if subtle and _generic_tld(tld) and all(c.isascii() or c in subtle for c in label):
        return "idn-homograph", f"marks that are easy to miss ({', '.join(subtle[:3])}) on plain letters"
    return None


def subtle_letters(label: str) -> list[str]:
    """The letters of a label that differ from an ASCII one only by a mark that is easy to miss."""
    found = []
    for char in label:
        if char.isascii():
            continue
        decomposed = unicodedata.normalize("NFD", char)
        marks = set(decomposed[1:])
        # On i and j any mark takes the place of the dot they already carry (ï, í, ĵ read as i and j).
        dotted = decomposed[0] in "ij" and bool(marks)
        if dotted or marks & _SUBTLE_MARKS or _SUBTLE_NAME.match(unicodedata.name(char, "")):
            found.append(char)
    return found


def _generic_tld(tld: str) -> bool:
    """.com, .net, .shop...: no country, so no language in which an odd letter would be ordinary spelling."""
    return tld.isascii() and len(tld.strip(".")) > 2


def same_script(label: str, other: str) -> bool:
    return _scripts(label) == _scripts(other)
