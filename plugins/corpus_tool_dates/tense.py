"""The tense of the clause around an expression: it decides which way a bare weekday,
month or day points ("the king met Monday" is the Monday before the article, "will
meet on Thursday" the Thursday after), as HeidelTime does with its part-of-speech tags.

No tagger: the verb forms that carry tense in English are few ("will", "'ll", "is to",
"was", "said", regular "-ed" forms, a list of irregular past forms), and the one
nearest the expression inside its sentence decides.
"""

from __future__ import annotations

import re

PAST, UNKNOWN, FUTURE = -1, 0, 1
PRESENT = 2  # a present-tense clause: no direction, but it hides tense words further off
# "would": a future seen from the recent past of the report ("they said they would act
# Friday"): ahead for a month, the nearest for a weekday, which may be gone by now.
REPORTED_FUTURE = 3

# How far around the expression a tense word may be (within its sentence).
REACH = 160

_FUTURE_WORDS = frozenset(
    [
        "will",
        "'ll",
        "’ll",
        "shall",
        "would",
        "wo",
        "won't",
        "won’t",
        "gonna",
        "upcoming",
        "tomorrow",
        "soon",
        "expected",
        "scheduled",
        "slated",
        "due",
        "payable",
        "effective",
    ]
)
# Words that look ahead only as the preposition of the date itself ("paid through
# March"); elsewhere they are motion or means ("tore through his window").
_FUTURE_BEFORE_DATE = frozenset(["through"])
# Present-tense verbs: the clause speaks of now, so the nearest date is meant.
_PRESENT_WORDS = frozenset(
    [
        "is",
        "are",
        "am",
        "says",
        "say",
        "has",
        "have",
        "remains",
        "remain",
        "seems",
        # modals speak of now or later, never of a past date ("can take part in April")
        "can",
        "might",
        "must",
        "should",
    ]
)
# "set to resume", "is to meet", "are going to", "is expected to": the future.
_FUTURE_PHRASE = re.compile(
    r"\b(?:(?:is|are)\s+(?:to|going\s+to|about\s+to|due\s+to|set\s+to|scheduled"
    r"\s+to|expected\s+to)|set\s+to|as\s+(?:soon|early)\s+as|beginning|starting"
    r"|(?:plans?|intends?|aims?|hopes?|expects?|wants?)\s+to"
    # A deadline moved on points past the moment of writing: "postponed until Tuesday",
    # "extended its deadline until 9 a.m. Tuesday".
    r"|(?:postpone|delay|extend|defer|adjourn|put\s+off)(?:s|ed|d)?\b[^.;]{0,60}?\b(?:until|till))\b",
    re.IGNORECASE,
)
# A past decision or plan about a later act: "agreed to buy the line in February", "an
# agreement to acquire the bank in January", "planned a rally on Saturday".  Only before
# the expression: in "On Friday, the government planned to pay" the date is the planning's.
_DECISION = re.compile(
    r"\b(?:(?:agreed|agreement|decided|voted|promised|pledged|vowed|offered|moved)\s+to"
    r"|(?:planned|planning)\s+(?:to|a|an|the|its|their|his|her))\b",
    re.IGNORECASE,
)
_PAST_WORDS = frozenset(
    [
        "was",
        "were",
        "had",
        "did",
        "said",
        "told",
        "met",
        "went",
        "came",
        "took",
        "made",
        "gave",
        "began",
        "left",
        "saw",
        "got",
        "held",
        "found",
        "brought",
        "thought",
        "felt",
        "kept",
        "fell",
        "rose",
        "won",
        "lost",
        "sent",
        "spent",
        "built",
        "paid",
        "sold",
        "bought",
        "led",
        "ran",
        "wrote",
        "spoke",
        "broke",
        "chose",
        "drove",
        "flew",
        "knew",
        "grew",
        "threw",
        "shot",
        "hit",
        "struck",
        "fought",
        "caught",
        "taught",
        "sought",
        "stood",
        "understood",
        "became",
        "overcame",
        "ate",
        "forgot",
        "heard",
        "meant",
        "read",
        "hung",
        "slid",
        "fled",
        "swore",
        "wore",
        "tore",
        "froze",
        "stole",
        "woke",
        "arose",
        "dealt",
        "split",
        "quit",
        "ago",
        "yesterday",
        "earlier",
        "previously",
        "ended",
        "since",  # "searching since the Oct. 23 shooting": a date since which, so past
    ]
)
_NOT_PAST = frozenset(
    [
        "need",
        "needed",
        "red",
        "bed",
        "shed",
        "speed",
        "seed",
        "feed",
        "breed",
        "creed",
        "greed",
        "indeed",
        "proceed",
        "succeed",
        "exceed",
        "hundred",
        "united",
        "limited",
        "based",
        "related",
        # adjectives made from participles: "on a still unspecified date"
        "unspecified",
        "undisclosed",
        "unidentified",
        "unnamed",
        "unexpected",
        "unprecedented",
        "unrelated",
        "unsolved",
        "unconfirmed",
        "unresolved",
    ]
)
_WORD = re.compile(r"[A-Za-z'’]+")
# After these an "-ed" form is an adjective ("the reduced dividend") or a passive or
# perfect participle ("will be paid", "to be completed"): the tense is elsewhere.
_NOT_BEFORE_PAST = frozenset(
    [
        "the",
        "a",
        "an",
        "its",
        "their",
        "his",
        "her",
        "our",
        "this",
        "that",
        "be",
        "been",
        "being",
        "to",
    ]
)
_PRESENT_PASSIVE = frozenset(["is", "are", "am"])
_SENTENCE_END = re.compile(r"[.!?]\s+(?=[A-Z\"“`'])|\n\s*\n")


def _sentence(text: str, start: int, end: int) -> tuple[int, int]:
    """The bounds of the sentence around ``start``..``end``, at most REACH either side."""
    low = max(0, start - REACH)
    high = min(len(text), end + REACH)
    begin = low
    for match in _SENTENCE_END.finditer(text, low, start):
        begin = match.end()
    stop = _SENTENCE_END.search(text, end, high)
    return begin, stop.start() + 1 if stop else high


def _tense_of(word: str, before: str) -> int:
    lower = word.lower()
    if lower in _FUTURE_WORDS:
        # "had been scheduled to expire Friday": the plan, not its tense; "had" decides.
        if before == "been":
            return UNKNOWN
        return REPORTED_FUTURE if lower == "would" else FUTURE
    if lower in _PRESENT_WORDS or word == "may":  # "May" is the month
        return PRESENT
    if lower in _PAST_WORDS:
        # An irregular past form is no adjective: after "that" it is a relative clause's
        # verb ("the bullet that tore"); after "to" or "been" a participle or infinitive,
        # after "is" a present passive ("when the case is heard in May").
        if before in _PRESENT_PASSIVE or (before in _NOT_BEFORE_PAST and before != "that"):
            return UNKNOWN
        return PAST
    if before in _NOT_BEFORE_PAST or before in _PRESENT_PASSIVE:
        return UNKNOWN
    if lower.endswith("ed") and len(lower) > 4 and lower not in _NOT_PAST and word.islower():
        return PAST
    return UNKNOWN


# Quotation marks that open or close a quote: the reporting clause outside a quote
# ("... will leave at 4 a.m. Thursday,'' Castro said") has its own tense.
_QUOTE_OPEN = re.compile(r"``|“|(?:^|(?<=[\s(]))\"")
_QUOTE_CLOSE = re.compile(r"''|”|(?<=[,.!?])\"")


def _inside_quote(text: str, begin: int, stop: int, start: int, end: int) -> tuple[int, int]:
    """The part of the sentence on the expression's side of any quotation mark."""
    for match in _QUOTE_OPEN.finditer(text, begin, start):
        begin = match.end()
    for match in _QUOTE_CLOSE.finditer(text, begin, start):
        begin = match.end()
    after = _QUOTE_CLOSE.search(text, end, stop) or _QUOTE_OPEN.search(text, end, stop)
    return begin, after.start() if after else stop


def direction(text: str, start: int, end: int) -> int:
    """PAST, FUTURE or UNKNOWN for the expression at ``start``..``end`` of ``text``:
    the tense word nearest to it in its clause (its sentence, on its side of a quote)."""
    begin, stop = _inside_quote(text, *_sentence(text, start, end), start, end)
    best, best_distance = UNKNOWN, REACH + 1
    for match in _FUTURE_PHRASE.finditer(text, begin, stop):
        if match.start() >= end or match.end() <= start:
            distance = start - match.end() if match.end() <= start else match.start() - end
            if distance < best_distance:
                best, best_distance = FUTURE, distance
    for match in _DECISION.finditer(text, begin, start):
        if start - match.end() < best_distance:
            best, best_distance = FUTURE, start - match.end()
    before = ""
    for match in _WORD.finditer(text, begin, stop):
        word, before = match.group(), before
        if start <= match.start() < end:
            before = word.lower()
            continue
        lower = word.lower()
        if lower in _FUTURE_BEFORE_DATE:
            tense = FUTURE if text[match.end() : start].strip() == "" else UNKNOWN
        else:
            tense = _tense_of(word, before)
        before = lower
        if tense == UNKNOWN:
            continue
        # A word after the expression counts a little less than one before it.
        distance = start - match.end() if match.end() <= start else 2 * (match.start() - end)
        if distance < best_distance:
            best, best_distance = tense, distance
    return best
