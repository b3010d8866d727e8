"""Which language an article is in: what the page declares, checked against the text itself.

No model and no network: the writing system of the letters decides most languages outright
(Arabic, Cyrillic, Japanese, ...); Latin-script languages are told apart by their most
frequent function words. That is plenty for the question the pipeline asks, "is this
English?", and for naming the language in a notice. ``detect_language`` answers None
when the text is too short or too mixed to be sure.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from .model import Article

# (first code point, last code point, script); sorted, non-overlapping.
_RANGES = sorted([
    (0x0041, 0x024F, "Latin"), (0x1E00, 0x1EFF, "Latin"), (0x0370, 0x03FF, "Greek"), (0x1F00, 0x1FFF, "Greek"),
    (0x0400, 0x052F, "Cyrillic"), (0x0530, 0x058F, "Armenian"), (0x0590, 0x05FF, "Hebrew"),
    (0x0600, 0x06FF, "Arabic"), (0x0750, 0x077F, "Arabic"), (0x08A0, 0x08FF, "Arabic"),
    (0xFB50, 0xFDFF, "Arabic"), (0xFE70, 0xFEFF, "Arabic"), (0xFB1D, 0xFB4F, "Hebrew"),
    (0x0900, 0x097F, "Devanagari"), (0x0980, 0x09FF, "Bengali"), (0x0A00, 0x0A7F, "Gurmukhi"),
    (0x0A80, 0x0AFF, "Gujarati"), (0x0B00, 0x0B7F, "Oriya"), (0x0B80, 0x0BFF, "Tamil"), (0x0C00, 0x0C7F, "Telugu"),
    (0x0C80, 0x0CFF, "Kannada"), (0x0D00, 0x0D7F, "Malayalam"), (0x0D80, 0x0DFF, "Sinhala"),
    (0x0E00, 0x0E7F, "Thai"), (0x0E80, 0x0EFF, "Lao"), (0x0F00, 0x0FFF, "Tibetan"), (0x1000, 0x109F, "Myanmar"),
    (0x10A0, 0x10FF, "Georgian"), (0x1100, 0x11FF, "Hangul"), (0x3130, 0x318F, "Hangul"), (0xAC00, 0xD7AF, "Hangul"),
    (0x1200, 0x139F, "Ethiopic"), (0x1780, 0x17FF, "Khmer"), (0x3040, 0x309F, "Kana"), (0x30A0, 0x30FF, "Kana"),
    (0x31F0, 0x31FF, "Kana"), (0xFF66, 0xFF9F, "Kana"), (0x3400, 0x4DBF, "Han"), (0x4E00, 0x9FFF, "Han"),
    (0xF900, 0xFAFF, "Han"),
])
_STARTS = [start for start, _, _ in _RANGES]

_SCRIPT_LANGUAGE = {
    "Greek": "el", "Armenian": "hy", "Hebrew": "he", "Devanagari": "hi", "Bengali": "bn", "Gurmukhi": "pa",
    "Gujarati": "gu", "Oriya": "or", "Tamil": "ta", "Telugu": "te", "Kannada": "kn", "Malayalam": "ml",
    "Sinhala": "si", "Thai": "th", "Lao": "lo", "Tibetan": "bo", "Myanmar": "my", "Georgian": "ka", "Hangul": "ko",
    "Ethiopic": "am", "Khmer": "km",
}

# The most frequent function words of each Latin-script language (lower case).
_STOPWORDS = {
    "en": "the of and to in is was that for on with as by at from it he she they his her said have has had be are were "
          "not but an this which who will would their been after also its more than about into".split(),
    "fr": "le la les des du de et est une un dans que qui pour pas sur au aux avec ce il elle ont sont été par plus "
          "mais ou leur nous vous cette ces son sa ses".split(),
    "de": "der die das und ist nicht ein eine zu den von mit sich des auf für im dem auch es an als wird sie er wurde "
          "nach bei aus noch wie einer werden sind hat".split(),
    "es": "el la los las de que y en un una es por con para del al se no su sus más como pero le lo ha fue este esta "
          "según entre también sobre".split(),
    "it": "il la le di che e è un una per non con del della dei delle gli si al sono alla nel nella ha anche come "
          "più ma questo".split(),
    "pt": "o a os as de que e do da dos das em um uma para com não no na por se mais foi ao à são como mas ele ela "
          "também pelo pela".split(),
    "nl": "de het een en van is dat op te in niet zijn voor met die er aan ook als bij wordt door maar om werd nog "
          "naar hij zij".split(),
    "sv": "och att det som en är på av för med till den har inte om ett de var jag men sig från vid så kan efter "
          "också".split(),
    "da": "og at det som en er på af for med til den har ikke om et de var jeg men sig fra ved så kan efter også "
          "blev".split(),
    "no": "og at det som en er på av for med til den har ikke om et de var jeg men seg fra ved så kan etter også "
          "ble".split(),
    "pl": "i w na z że się nie do to jest o jak po co ale od przez za jego był była są tym dla oraz który".split(),
    "cs": "a v se na je že to s z do o jako ale by jsou pro jeho byl bylo také již podle který".split(),
    "tr": "ve bir bu da de için ile olarak çok daha en gibi ama ne var olan sonra kadar değil ancak her".split(),
    "id": "yang dan di ini itu dengan untuk dari dalam tidak akan pada juga ke karena ada oleh sebagai mereka "
          "adalah bahwa".split(),
    "ro": "și în de la a cu pe care nu se o un este din că mai pentru au fost sau dar fi acest".split(),
    "hu": "a az és hogy nem is egy meg van volt de már ez el csak mint ki még azt szerint".split(),
    "fi": "ja on ei se että oli hän mutta kun myös ovat tai jo sen kuin mukaan vuoden".split(),
    "vi": "và của là có được trong cho không các những với một người này đã để khi".split(),
}
_STOP_SETS = {code: frozenset(words) for code, words in _STOPWORDS.items()}
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")

NAMES = {
    "en": "English", "fr": "French", "de": "German", "es": "Spanish", "it": "Italian", "pt": "Portuguese",
    "nl": "Dutch", "sv": "Swedish", "da": "Danish", "no": "Norwegian", "nb": "Norwegian", "nn": "Norwegian",
    "pl": "Polish", "cs": "Czech", "tr": "Turkish", "id": "Indonesian", "ro": "Romanian", "hu": "Hungarian",
    "fi": "Finnish", "vi": "Vietnamese", "ar": "Arabic", "fa": "Persian", "ur": "Urdu", "he": "Hebrew",
    "ru": "Russian", "uk": "Ukrainian", "bg": "Bulgarian", "sr": "Serbian", "mk": "Macedonian", "be": "Belarusian",
    "el": "Greek", "hy": "Armenian", "hi": "Hindi", "bn": "Bengali", "pa": "Punjabi", "gu": "Gujarati",
    "or": "Odia", "ta": "Tamil", "te": "Telugu", "kn": "Kannada", "ml": "Malayalam", "si": "Sinhala", "th": "Thai",
    "lo": "Lao", "bo": "Tibetan", "my": "Burmese", "ka": "Georgian", "ko": "Korean", "am": "Amharic",
    "km": "Khmer", "ja": "Japanese", "zh": "Chinese", "ca": "Catalan", "sk": "Slovak", "hr": "Croatian",
    "sl": "Slovenian", "lt": "Lithuanian", "lv": "Latvian", "et": "Estonian", "ms": "Malay", "sw": "Swahili",
}
# The script each language is written in, for the languages this module can tell apart.
_LATIN = set(_STOPWORDS) | {"ca", "sk", "hr", "sl", "lt", "lv", "et", "ms", "sw", "nb", "nn"}

_SAMPLE = 40_000  # characters looked at; an article's language shows in its first pages
_MIN_LETTERS = 24
_MIN_WORDS = 8


def primary(tag: str | None) -> str | None:
    """"en-GB" -> "en"; "pt_BR" -> "pt"; None or nonsense -> None."""
    if not tag:
        return None
    code = re.split(r"[-_\s]", tag.strip().lower(), maxsplit=1)[0]
    return code if 2 <= len(code) <= 3 and code.isalpha() else None


def language_name(tag: str | None) -> str | None:
    code = primary(tag)
    return NAMES.get(code) if code else None


def script_counts(text: str) -> dict[str, int]:
    counts: dict[str, int] = {}
    for char in text[:_SAMPLE]:
        if not char.isalpha():
            continue
        point = ord(char)
        index = bisect_right(_STARTS, point) - 1
        script = _RANGES[index][2] if index >= 0 and point <= _RANGES[index][1] else "Other"
        counts[script] = counts.get(script, 0) + 1
    return counts


def detect_language(text: str) -> str | None:
    """A best guess at the text's language (ISO 639-1), or None when the text does not say clearly."""
    counts = script_counts(text)
    letters = sum(counts.values())
    if letters < _MIN_LETTERS:
        return None
    kana, han = counts.get("Kana", 0), counts.get("Han", 0)
    if kana + han >= letters * 0.3:
        return "ja" if kana >= (kana + han) * 0.05 else "zh"
    script, top = max(counts.items(), key=lambda item: item[1])
    if top < letters * 0.5:
        return None
    if script == "Latin":
        return _latin_language(text[:_SAMPLE])
    if script == "Arabic":
        return _arabic_language(text[:_SAMPLE])
    if script == "Cyrillic":
        return _cyrillic_language(text[:_SAMPLE])
    return _SCRIPT_LANGUAGE.get(script)


def _latin_language(text: str) -> str | None:
    words = [word.lower() for word in _WORD.findall(text)]
    if len(words) < _MIN_WORDS:
        return None
    scores = {code: sum(1 for word in words if word in stop) for code, stop in _STOP_SETS.items()}
    ranked = sorted(scores.items(), key=lambda item: item[1], reverse=True)
    (best, score), (_, second) = ranked[0], ranked[1]
    if score < len(words) * 0.08 or score < 3 or score < second * 1.15:
        return None
    return best


def _arabic_language(text: str) -> str:
    urdu = sum(text.count(char) for char in "ٹڈڑںےھ")
    persian = sum(text.count(char) for char in "پچژگکی")
    arabic = sum(text.count(char) for char in "ةيكى")
    if urdu > arabic * 0.2 and urdu >= 3:
        return "ur"
    if persian > arabic and persian >= 3:
        return "fa"
    return "ar"


def _cyrillic_language(text: str) -> str:
    lower = text.lower()
    if any(char in lower for char in "їєґ") or lower.count("і") > lower.count("и") * 0.2:
        return "uk"
    if "ў" in lower:
        return "be"
    if any(char in lower for char in "ђћџљњј"):
        return "sr"
    if any(char in lower for char in "ѓќѕ"):
        return "mk"
    if "ы" not in lower and "э" not in lower and lower.count("ъ") > 3:
        return "bg"
    return "ru"


def reconcile(declared: str | None, text: str) -> str | None:
    """The language to record: the page's own declaration unless the text clearly says otherwise.

    Templates often keep ``lang="en"`` on pages in other languages (and the reverse), so a
    confident reading of the text wins when it flips the English/not-English answer or uses
    another writing system; otherwise the declaration stays, being more precise ("pt-PT").
    """
    detected = detect_language(text)
    code = primary(declared)
    if code is None:
        return detected
    if detected is None or detected == code:
        return declared
    if detected == "en" or code == "en":
        return detected
    if (detected in _LATIN) != (code in _LATIN) and (code in NAMES):
        return detected
    return declared


def is_english(article: Article) -> bool:
    """False when the article is known to be in another language (entity models are English-only).

    Unknown languages (too little text to tell) count as English: the reader is then not
    warned about a problem it cannot see.
    """
    language = article.metadata.language
    if language is None:
        language = detect_language(article.text)
    return primary(language) in (None, "en")
