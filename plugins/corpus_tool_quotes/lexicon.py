"""Word lists: reporting verbs, titles, pronouns and the words that make a term a scare quote."""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Verbs that report speech (base forms; inflections are generated below).
_REPORTING = """
    acknowledge add admit advise agree allege announce answer argue ask assert
    assure blast boast caution cite claim comment complain concede conclude
    confirm contend continue counter declare demand deny describe emphasise
    emphasize estimate exclaim explain insist joke lament maintain mention muse
    note observe plead pledge point predict proclaim promise protest quip recall
    recount reiterate remark reply report respond retort reveal say scream shout
    sigh state stress suggest tell testify threaten tweet urge vow warn whisper
    wonder write cheer confess think believe feel reckon remember mutter enthuse
    chant concur quote criticise criticize read call express label dub repeat
"""
_IRREGULAR = {
    "say": ["said"],
    "tell": ["told"],
    "write": ["wrote", "written"],
    "read": [],  # “...,” her statement read
    "label": ["labelled", "labeled", "labelling"],
    "dub": ["dubbed", "dubbing"],
}


def _inflect(verb: str) -> set[str]:
    forms = {verb, *_IRREGULAR.get(verb, [])}
    if verb.endswith("y") and verb[-2] not in "aeiou":
        forms |= {verb[:-1] + "ies", verb[:-1] + "ied", verb + "ing"}
    elif verb.endswith("e"):
        forms |= {verb + "s", verb + "d", verb[:-1] + "ing"}
    elif verb.endswith(("s", "sh", "ch", "x")):
        forms |= {verb + "es", verb + "ed", verb + "ing"}
    else:
        forms |= {verb + "s", verb + "ed", verb + "ing"}
    if (
        len(verb) > 2
        and verb[-1] not in "aeiouwxy"
        and verb[-2] in "aeiou"
        and (verb[-3] not in "aeiou" or verb[-4:-2] == "qu")
    ):
        forms |= {verb + verb[-1] + "ed", verb + verb[-1] + "ing"}  # quipped, admitted
    if verb in _IRREGULAR:
        forms.discard(verb + "ed")
    return forms


REPORTING_VERBS: frozenset[str] = frozenset(
    form for verb in _REPORTING.split() for form in _inflect(verb)
)

# The base forms: after a singular subject with no auxiliary they are nouns (a protest).
BASE_VERBS: frozenset[str] = _words(_REPORTING)

# Spans of time: a phrase they head ("a few years ago", "the next day") is when, not who.
TIME_WORDS = _words("""
    second seconds minute minutes hour hours day days week weeks month months year years
    decade decades century centuries time times moment ago
""")

# Subjects that take a plural verb without ending in s (the women say, the police warn).
PLURAL_NOUNS = _words("""
    women men people children police staff public media crew team government folk
""")

# Verbs that may come before their subject in running text: ..., says Ingabire.
INVERTIBLE_VERBS: frozenset[str] = frozenset(
    form
    for verb in _words("say add explain note recall continue write observe insist argue admit ask")
    for form in _inflect(verb)
    if not form.endswith("ing")
)

# Nouns for someone's words, owned before a colon: "Carle’s conclusion: “...”".
SPEECH_NOUNS = _words("""
    conclusion conclusions verdict view views advice message answer reply response
    explanation reaction comment comments argument warning plea prediction assessment
""")

# Pronouns that stand for a speaker named earlier ("he said", "in her opinion").
PRONOUNS = frozenset({"he", "she", "they", "him", "her", "them", "his", "their"})

# Words stripped from a speaker's name: honorifics, offices, ranks.
TITLES = _words("""
    mr mr. mrs mrs. ms ms. miss dr dr. prof prof. sir dame lord lady rev rev. reverend
    president vice prime premier minister secretary secretary-general general gen gen.
    foreign defense defence state home interior finance justice health trade
    chancellor senator sen sen. rep rep. representative governor gov gov. mayor judge
    king queen prince princess pope chief executive officer director ambassador
    spokesman spokeswoman spokesperson advisor adviser national security deputy head
    chairman chairwoman chair leader commander colonel col col. captain capt capt.
    lieutenant lt lt. sergeant sgt sgt. professor coach manager ceo mp mep senior
    former acting assistant attorney archbishop bishop father councillor councilor
    councilman councilwoman congressman congresswoman assemblyman assemblywoman alderman
    sheriff
    superintendent inspector detective constable editor analyst economist
    official officials chief-executive co-author author researcher scientist
    doctor lead study campaigner activist founder co-founder boss commissioner
""")

# Words naming an institution: "Ministry of Science" is one name, "Scott Veirs of
# Beamreach" a person and an organisation.
ORGANISATIONS = _words("""
    ministry department university institute office bank council association society
    agency foundation centre center museum court house party committee commission board
    school college academy union league federation organisation organization bureau
    service trust fund authority corporation company group society network alliance
""")

# Words that make a capitalised phrase a place, a day or an institution, never a person
# ("he" never stands for Christmas Day or the Youth Council).
NOT_PERSON_WORDS = _words("""
    day eve street avenue road park city county province state river lake island bay
    valley hall church hospital airport station square bridge news press times post
    police government
""")

# What a person or an institution writes or issues: "her statement said" is hers.
DOCUMENT_NOUNS = _words("""
    statement post tweet letter email e-mail release memo note message blog column
    report ruling decision notice filing submission document website affidavit
""")

# People a description names by kinship: "the father said" is someone the text has not named.
KIN = _words("""
    father mother son daughter wife husband brother sister man woman boy girl parent
    uncle aunt grandmother grandfather friend neighbour neighbor
""")

# Words for people that may stand before "of" in a speaker: a member of the public.
PEOPLE_WORDS = _words("""
    member members one some many most each all none both resident residents owner
    fan fans people group
""")

# Capitalised words that start a sentence rather than a name.
NOT_NAMES = _words("""
    the a an and but or so yet in on at as if when while then this that these those
    it its he she they we i you his her their our my your there here however also
    meanwhile earlier later last next after before since because although though
    yesterday today tonight tomorrow monday tuesday wednesday thursday friday
    saturday sunday january february march april may june july august september
    october november december speaking asked according source recently now still
    even just only instead indeed finally first second thus therefore unfortunately
    fortunately sadly clearly certainly perhaps maybe overall initially currently
    nor not no yes what who why how where which whose whom every each both all some
    like unlike with without from to for by about into over under between among
    whereas whilst unless until despite during one
    story article below advertisement
""")

# Words that, right before a short quoted term, make it a label and not speech:
# the two "republics", a "referendum", so-called "experts".
SCARE_LEAD = _words("""
    the a an this that these those its their his her our your two three several
    many some so-called term word words phrase
""")
