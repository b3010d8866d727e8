"""Words about amounts: currencies and the words that make a number an age or a share."""

from __future__ import annotations

# A money amount names its currency, by sign or by word: "£40m", "40 million pounds", "3 euros", "50p".
CURRENCY_SIGNS = "$£€¥₹₽₩₺"
CURRENCY_WORDS = frozenset(
    """pound pounds sterling dollar dollars euro euros cent cents pence penny yen yuan renminbi rupee rupees
    rouble roubles ruble rubles franc francs krona kronor krone kroner peso pesos real reais rand lira won
    dirham dirhams riyal riyals shekel shekels naira shilling shillings zloty ringgit baht dong gbp usd eur
    jpy cny chf aud cad bitcoin""".split())
# Words that make a number a share, not money: "11 per cent", "38 percent".
PERCENT_WORDS = ("per cent", "percent", "pc", "%", "percentage points", "points")
# Magnitudes written after a number: "£40m", "£40 million", "$2.5bn".
MAGNITUDES = {"k": 1e3, "thousand": 1e3, "m": 1e6, "mn": 1e6, "million": 1e6, "b": 1e9, "bn": 1e9,
              "billion": 1e9, "tn": 1e12, "trillion": 1e12}
# Currency signs and words to one code, so that "£40m" and "40 million pounds" are one amount.
CURRENCY_CODES = {"£": "GBP", "$": "USD", "€": "EUR", "¥": "JPY", "₹": "INR", "₽": "RUB", "₩": "KRW", "₺": "TRY",
                  "pound": "GBP", "pounds": "GBP", "sterling": "GBP", "dollar": "USD", "dollars": "USD",
                  "euro": "EUR", "euros": "EUR", "gbp": "GBP", "usd": "USD", "eur": "EUR"}
# Currency words that follow an amount ("40 million pounds", "300 yen") and are no other word after a number
# ("won" and "real" are: "Leeds 3 won").
# "Pound" is a weight as often ("a 200-pound man"): it needs a magnitude ("40 million pounds").
CURRENCY_WORDS_AFTER_NUMBERS = CURRENCY_WORDS - frozenset(
    {"won", "real", "dong", "rand", "sterling", "pound", "pounds"})
CURRENCY_WORDS_AFTER_MAGNITUDES = CURRENCY_WORDS_AFTER_NUMBERS | frozenset({"pound", "pounds", "sterling"})
# Magnitudes written as words after an amount: "£40 million", "$2.5 billion".
MAGNITUDE_WORDS = ("thousand", "million", "billion", "trillion")
# A number glued to "p" is pence ("312p"), except a screen's resolution ("1080p").
RESOLUTIONS = frozenset({"480", "576", "720", "1080", "1440", "2160", "4320"})
