"""Verbs of speech and the words around quotations: reporting verbs with all their forms,
naming verbs ("what analysts call “useful Syria”"), judging verbs, and the nouns that make a
quotation a term or a work's title.

Every list is plain English news vocabulary; nothing here knows about any particular article.
"""

from __future__ import annotations


def _inflect(lemma: str, past: str | None = None, ing: str | None = None,
             participle: str | None = None) -> dict[str, str]:
    """All the forms of a regular-ish verb, mapped back to the lemma ("warned" -> "warn")."""
    if lemma.endswith(("s", "sh", "ch", "x", "z", "o")):
        third = lemma + "es"
    elif lemma.endswith("y") and lemma[-2] not in "aeiou":
        third = lemma[:-1] + "ies"
    else:
        third = lemma + "s"
    if past is None:
        if lemma.endswith("e"):
            past = lemma + "d"
        elif lemma.endswith("y") and lemma[-2] not in "aeiou":
            past = lemma[:-1] + "ied"
        else:
            past = lemma + "ed"
    if ing is None:
        ing = lemma[:-1] + "ing" if lemma.endswith("e") and not lemma.endswith(("ee", "ye")) else lemma + "ing"
    forms = {lemma: lemma, third: lemma, past: lemma, ing: lemma}
    if participle:
        forms[participle] = lemma
    return forms


# One line per verb: "lemma [past [ing [participle]]]" when the spelling rules above get it wrong.
_REPORTING = """
say said saying
tell told telling
add
predict
warn
insist
write wrote writing written
tweet
post
state
declare
claim
argue
explain
note
ask
reply
respond
confirm
deny
announce
urge
vow
pledge
admit admitted admitting
acknowledge
estimate
recall
caution
stress
concede
suggest
continue
conclude
allege
maintain
remark
comment
observe
report
assert
affirm
emphasise
emphasize
reiterate
repeat
quip quipped quipping
joke
boast
complain
lament
promise
threaten
demand
contend
counter
retort
answer
inform
disclose
reveal
testify
whisper
shout
cry
exclaim
scream
yell
mutter
murmur
sigh
agree
object
protest
recount
elaborate
specify
clarify
propose
recommend
advise
speculate
forecast forecast
reckon
assure
reassure
instruct
plead pleaded
beg begged begging
implore
reflect
muse
wonder
question
query
inquire
enquire
challenge
text
email
message
blog blogged blogging
proclaim
mention
hint
signal signalled signalling
underline
underscore
predict
charge
accuse
acknowledge
rule
chant
find found finding
show showed showing shown
"""

# Base and -s forms of these are also common nouns ("state media", "a report", "the claims"),
# so those forms count as cues only when "that", ":" or a quotation follows.
NOUN_LIKE = frozenset("""state report comment post claim answer question charge promise demand protest message
text email estimate forecast signal object counter reply cry sigh joke note tweet challenge query remark
find show chant
repeat whisper shout stress boast muse wonder rule blog hint mention scream yell""".split())

# Verbs that are reporting verbs only sometimes ("the fighting continued", "he asked for help",
# "the rally fired up the crowd"). Right next to a quotation they are fine; further away in the
# sentence they need "that" or ":" after them.
WEAK = frozenset("""continue conclude ask answer question charge object protest cry counter message text post
report note observe reflect challenge highlight underline underscore signal forecast estimate repeat rule recall
maintain instruct advise wonder muse agree accuse find show""".split())

# Reporting verbs whose subject is a text, not a speaker: "the sign read: “…”", "It read: “…”". A pronoun
# subject of theirs is the sign or the letter, never the organisation named last.
TEXT_SUBJECT_VERBS = frozenset({"read"})
TEXT_PRONOUNS = frozenset({"it", "this", "they"})


def _build(table: str) -> dict[str, str]:
    forms: dict[str, str] = {}
    for line in table.strip().splitlines():
        parts = line.split()
        lemma = parts[0]
        past = parts[1] if len(parts) > 1 else None
        ing = parts[2] if len(parts) > 2 else None
        participle = parts[3] if len(parts) > 3 else None
        for form, base in _inflect(lemma, past, ing, participle).items():
            forms.setdefault(form, base)
    return forms


REPORTING_FORMS: dict[str, str] = _build(_REPORTING)
REPORTING_FORMS.update({"acknowledged": "acknowledge", "said": "say"})
# "The sign read: “…”", "It reads: “…”": a text's words, but only with the colon ("she read “Middlemarch”" is a
# book; "reading" is mostly a noun or the town, so it is left out).
COLON_ONLY = frozenset({"read"})
REPORTING_FORMS.update({"read": "read", "reads": "read"})
# Forms that are far more often something else ("the rules", "a ruling", "the texts").
for _form in ("rule", "rules", "ruling", "texts", "messages"):
    REPORTING_FORMS.pop(_form, None)

# Phrasal reporting verbs: the first word's lemma and the particle that makes it one.
PHRASAL = {("call", "for"): "call for", ("call", "on"): "call on", ("call", "upon"): "call on",
           ("go", "on"): "go on", ("point", "out"): "point out", ("speak", "of"): "speak of",
           ("weigh", "in"): "weigh in", ("chime", "in"): "chime in", ("spell", "out"): "spell out"}
PHRASAL_FORMS: dict[str, str] = {}
for _lemma, _past, _ing in (("call", "called", "calling"), ("go", "went", "going"), ("point", "pointed", "pointing"),
                            ("speak", "spoke", "speaking"), ("weigh", "weighed", "weighing"),
                            ("chime", "chimed", "chiming"), ("spell", "spelled", "spelling")):
    _third_form = _lemma + ("es" if _lemma.endswith("o") else "s")
    for _form in (_lemma, _third_form, _past, _ing, "spelt" if _lemma == "spell" else _past):
        PHRASAL_FORMS[_form] = _lemma

# Naming verbs turn a quotation into a term: "what analysts call “useful Syria”".
_NAMING = """
call
dub dubbed dubbing
term
label labelled labelling
brand
nickname
christen
describe
refer referred referring
know knew knowing known
characterise
characterize
portray
style
"""
NAMING_FORMS: dict[str, str] = _build(_NAMING)
NAMING_FORMS.update({"labeled": "label", "labeling": "label", "termed": "term"})
# Verbs that judge with a borrowed word: "dismissed the report as “nonsense”" is the subject's word.
EVALUATIVE_FORMS: dict[str, str] = _build("""
dismiss
reject
condemn
denounce
hail
slam slammed slamming
decry
criticise
criticize
praise
deride
ridicule
lambast
welcome
blast
""")
NAMING_NEEDS_AS = frozenset({"describe", "refer", "know", "characterise", "characterize", "portray"})
NAMING_BY_ITSELF = ("so-called", "so‑called", "self-styled", "self-described", "self-proclaimed")
TERM_NOUNS = frozenset("""term word phrase expression slogan label name nickname motto catchphrase
euphemism moniker tag buzzword""".split())
TITLE_CUES = frozenset({"titled", "entitled", "headlined", "headed", "subtitled"})
WORK_NOUNS = frozenset("""book film movie song album novel show series play documentary poem essay opera musical
podcast programme program exhibition painting single track episode column editorial memoir biography
sitcom drama thriller anthem hymn ballad record report""".split())


# Words before a colon that label what follows rather than name who speaks.
COLON_LABELS = frozenset("""note update warning correction clarification caption source headline photo pictured
watch read listen related see also quote quotes example question answer q a title subject re fw fwd""".split())

# "The paper quoted him as saying": verbs whose object is the speaker.
QUOTING_FORMS = ("quoted", "quotes", "quoting", "quote", "cited", "cites", "citing")

# The auxiliaries of a passive: "X was quoted as saying" (X speaks), "X was told “…”" (X listens).
PASSIVE_AUXILIARIES = frozenset({"is", "are", "was", "were", "be", "been", "being"})

# Words right before a naming verb that make it passive or adjectival: "is called", "widely known as".
PASSIVE_BEFORE_NAMING = ("is", "are", "was", "were", "be", "been", "being", "also", "often", "sometimes",
                         "widely", "commonly", "so", "now")

# "what they call “…”": people in general, nobody in particular.
GENERIC_PRONOUNS = frozenset({"they", "you", "we", "one"})

# ", which described it as “…”": relative pronouns standing for the noun phrase before the comma.
RELATIVE_SUBJECTS = frozenset({"which", "who", "that"})
# The same without "that", which as often starts a reported clause ("would remember that in March X had ...").
RELATIVE_PERSONS = frozenset({"which", "who"})

# Third-person pronouns by the sex they refer to: "coach Andrea Ricci ... linking him with the job".
MALE_PRONOUNS = frozenset({"he", "him", "his", "himself"})
FEMALE_PRONOUNS = frozenset({"she", "her", "hers", "herself"})

# The kinds of organisation a noun refers to: "the company" is a firm, never a charity or a council that
# spoke in between; a noun in none of these ("the group", "the organisation") fits any organisation.
ORGANISATION_FAMILIES: dict[str, str] = {
    **dict.fromkeys("""company firm chain retailer supermarket maker manufacturer supplier business brand lender
    insurer airline carrier publisher developer producer startup start-up conglomerate subsidiary utility
    operator bank consultancy carmaker automaker brewer builder housebuilder""".split(), "commercial"),
    **dict.fromkeys("""charity campaign campaigners alliance coalition movement thinktank think-tank watchdog
    union rights advocacy pressure lobby""".split(), "civic"),
    **dict.fromkeys("""council authority ministry department government regulator force police court
    parliament committee""".split(), "public"),
}

# "people familiar with the matter", "a source close to the family", "officials briefed on the talks"
SOURCE_ADJECTIVES = frozenset({"familiar", "close", "briefed", "involved", "knowledge", "knowledgeable", "loyal"})

# Verbs that are speech only when a parse shows the quotation as what they govern: "lauded the plan as
# “…”", "read from a statement: “…”", "attacked the “…” policy". The reporting, naming and judging verbs
# above count too.
GOVERNING_FORMS: dict[str, str] = _build("""
laud
read read reading
attack
mock
thank
congratulate
recite
sing sang singing sung
pen penned penning
sign
scrawl
post
blast
hit hit hitting
rail
scoff
sneer
taunt
tease
chide
scold
rebuke
warn
assail
applaud
cheer
salute
commend
fault
pan panned panning
rave
gush
enthuse
groan
grumble
snap snapped snapping
bark
growl
plead
concur
""")

# Texts that speak for whoever wrote them: "the letter said", "a statement from the company read:". Signs,
# placards and banners are left out: nobody in the article need have written them.
DOCUMENT_NOUNS = frozenset("""letter letters statement statements memo memorandum email e-mail message note post
tweet filing ruling judgment judgement report submission release""".split())

# A word that makes the capitals after it a code, not words anyone said: “20% off with code SPRING25”.
CODE_WORDS = frozenset({"code", "coupon", "voucher", "promo", "promocode", "discount"})
