"""Word lists for quote attribution: reporting verbs, naming verbs, and the small closed
classes (determiners, pronouns, prepositions, role nouns) the noun-phrase rules need.

Kept apart from the scanner so the lists can grow without touching the logic. Every list
is plain English news vocabulary; nothing here knows about any particular article.
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

SUBJECT_PRONOUNS = frozenset({"he", "she", "it", "they", "we", "i", "you"})
OBJECT_PRONOUNS = {"him": "he", "her": "she", "them": "they"}
PERSON_PRONOUNS = frozenset({"he", "she"})
THING_PRONOUNS = frozenset({"it", "they"})

DETERMINERS = frozenset("""the a an this that these those some many several most few other its his her their our
my your one two three four five six seven eight nine ten dozens hundreds thousands both all any each
every no another such""".split())

PREPOSITIONS = frozenset("""of in on at for from to with by about as into onto over after before during under
against between through without within despite amid amidst since until till via per across along around
behind beyond near toward towards upon among amongst throughout than like unlike""".split())

# Words that end a noun phrase when walking over it.
STOP = PREPOSITIONS | frozenset("""and or but nor yet so because while when whereas although though if that which
who whom whose where whether then also don't doesn't didn't won't can't isn't wasn't
aren't weren't haven't hasn't hadn't wouldn't couldn't shouldn't don’t doesn’t didn’t won’t can’t isn’t wasn’t
is are was were be been being am has have had having do does did will
would can could may might must shall should not never n't 's to too however meanwhile moreover still just even
only later earlier once again already there here this ago today yesterday tonight tomorrow now""".split())

# Skipped between a subject and its verb: "X has also said", "X later told".
BETWEEN_SUBJECT_AND_VERB = frozenset("""has have had was were is are will would also later then previously earlier
separately once again further subsequently recently repeatedly publicly privately reportedly apparently allegedly
simply only too not n't never did does do had been being already yesterday today tonight last""".split())

WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())

# Role and title words that may stand before a name and still belong to the speaker's noun phrase:
# "Hezbollah leader Naim Qassem", "Foreign Minister X", "opposition figure Y".
ROLES = frozenset("""leader spokesman spokeswoman spokesperson minister president secretary chief head commander
director official chairman chairwoman chair ceo founder cofounder co-founder governor mayor senator
representative rep ambassador envoy adviser advisor analyst expert professor researcher economist lawyer
attorney judge general colonel lieutenant major officer captain sergeant correspondent reporter editor
journalist author activist coordinator negotiator diplomat deputy member mp lawmaker legislator candidate
prime foreign defence defense interior finance justice health king queen prince princess emir sheikh
cleric imam pope bishop archbishop cardinal rabbi pastor priest manager executive partner strategist pollster
scientist doctor nurse witness resident victim survivor fighter militant commander-in-chief owner coach
player chancellor premier vice speaker whip councillor councilor inspector commissioner superintendent sheriff
prosecutor investigator agent administrator dean rector provost principal teacher student worker employee
farmer boss figure veteran campaigner organiser organizer chairperson secretary-general director-general
president-elect spokesmen officials physician surgeon historian novelist writer poet singer actor actress
star producer founder-director""".split())

# Heads of noun phrases that name an organisation without naming which ("the group", "the ministry").
GENERIC_ORG_HEADS = frozenset("""group organisation organization movement militia party company firm agency body
alliance coalition faction network outlet newspaper paper channel broadcaster union association federation
council committee commission ministry department office government administration regime army military
force forces police service court parliament assembly bank fund authority authorities board team club
campaign institute foundation charity bureau cabinet junta junta state country""".split())
