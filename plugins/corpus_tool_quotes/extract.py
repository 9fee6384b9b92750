"""From quoted spans to quotations: their kind, speaker and reporting verb.

- direct: a quoted statement, opening a sentence or introduced by a reporting
  clause ("Zakharova added: “...”") or followed by one (“...,” he said);
- partial: a fragment inside reported speech (Sullivan said that Russia violated
  the principle of "sovereignty and territorial integrity");
- scare: a quoted term nobody is reported as saying (the two "republics").
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from typing import Any

from corpus_tool_quotes.lexicon import SCARE_LEAD
from corpus_tool_quotes.marks import find_quotes
from corpus_tool_quotes.speakers import (
    ACCORDING_TO,
    AFTER_QUOTE,
    DESCRIBED_SPEAKER,
    SPEAKER_VERB,
    SPEECH_OWNER,
    SUBJECT_WITH_ROLE,
    VERB_SPEAKER,
    Cue,
    Speaker,
    Speakers,
    speaker_of,
)

DIRECT, PARTIAL, SCARE = "direct", "partial", "scare"

# A sentence ends at . ! ? or … followed by a space (abbreviations are checked apart).
SENTENCE_END = re.compile(r"[.!?…]+[”\"’]?(?=\s)")
_ABBREVIATION = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|St|Prof|Sen|Rep|Gov|Gen|Col|Capt|Lt|Sgt|Rev|Jr|Sr)"
    r"|(?:^|[\s.])[A-Z])\.\Z"
)
# What may follow a reporting clause right before a direct quote: "added: “", "told the BBC, “"
_INTRO_TAIL = re.compile(r"(?:[^.!?“”\"\n]{0,80}?[:,])?[^\S\n]*\Z")
# What may follow a reporting clause that ends a sentence: Smith said. / said on Monday
_CLAUSE_END = re.compile(
    r"[^\S\n]*(?:[.,;:!?—–(\n]|\Z|(?:in|at|on|during|after|before|last|yesterday|today"
    r"|this|when|while|as|of|to|from|with|about)\b)"
)
# A sentence whose subject is a pronoun: He draws a diagram on a pad.
_PRONOUN_SUBJECT = re.compile(r"(He|She)\b")
# A reporting verb's object up to a quote: "called the plan a “", "promised a “"
_GOVERNED = re.compile(r"[^\S\n]+(?:(?!that\b)[\w’'-]+[^\S\n]+){0,3}\Z")
_SUBORDINATE = re.compile(
    r"\b(?:though|although|because|while|if|whether|since|unless|as)[^\S\n]+\Z", re.I
)
# A reporting participle after a comma: its subject is the sentence's
_PARTICIPLE = re.compile(
    r",[^\S\n]+(?:saying|calling|testifying|adding|arguing|noting|warning|insisting"
    r"|describing|telling|writing|claiming|explaining)\b"
)
_OTHER_CLAUSE = re.compile(
    r";|,[^\S\n]+(?:and|but|or|while|whereas|as|although|though)[^\S\n]+\w+[^\S\n]+\w"
)
# The label of a link or a video at the start of a paragraph: READ MORE: “...”
_NAVIGATION = re.compile(
    r"[^\S\n]*(?:READ MORE|MORE|READ|RELATED|WATCH|WATCH BELOW|LISTEN|VIDEO|PHOTOS|SEE ALSO"
    r"|ALSO READ|CLICK HERE|SIGN UP|[A-Z ]{0,40}\bBELOW):"
)
# Leads of a short quote that make it a word of the sentence's speaker, not a label
_OWNED = frozenset(("a", "an", "his", "her", "their", "its", "our", "your"))
# Words that give a name rather than words said: called ‘loop’, dubbed “The Rock”
_NAMING = frozenset(("called", "named", "dubbed", "nicknamed", "titled", "entitled", "aka"))
_WINDOW = 400  # how far a sentence may reach either side of a quote
# Words a title in title case leaves in lower case: The Wolf of Wall Street
_TITLE_SMALL_WORDS = frozenset(("a", "an", "the", "of", "and", "or", "in", "on", "at", "to", "for"))


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Offsets of the quote without the spaces inside its marks."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _real_end(text: str, match: re.Match[str]) -> bool:
    """Whether a full stop ends a sentence rather than Mr. or an initial (U.S.)."""
    return not (
        match.group() == "." and _ABBREVIATION.search(text, max(0, match.start() - 4), match.end())
    )


def _last_char(text: str, pos: int, floor: int) -> str:
    """The last non-space character of ``text[floor:pos]``, '' if none.

    Walks back over spaces only: slicing a whole paragraph for each of its quotes
    would make a long paragraph of quotes quadratic."""
    while pos > floor and text[pos - 1].isspace():
        pos -= 1
    return text[pos - 1] if pos > floor else ""


# A sentence reaches at most _WINDOW characters either side of a quote: past that
# the window's edge stands for its start or end, so that the work per quote stays
# bounded however long a paragraph without a sentence end is.
def _sentence_start(text: str, pos: int, floor: int) -> int:
    lowest = max(floor, pos - _WINDOW)
    ends = list(SENTENCE_END.finditer(text, lowest, pos))
    for match in reversed(ends):
        if _real_end(text, match):
            return match.end()
    return lowest


def _sentence_end(text: str, pos: int, ceiling: int) -> int:
    highest = min(ceiling, pos + _WINDOW)
    for match in SENTENCE_END.finditer(text, pos, highest):
        if _real_end(text, match):
            return match.end()
    return highest


class _Document:
    """One document's quotes, worked through in order."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.quotes = []
        for quote in find_quotes(text):
            if quote.depth == 0:  # a nested quote is part of the one around it
                start, end = _trim(text, quote.start, quote.end)
                if start < end:
                    self.quotes.append((quote.open, quote.close, start, end, quote.continued))
        self.speakers = Speakers(text, [(q[0], q[1] + 1) for q in self.quotes])
        self.breaks = [m.start() for m in re.finditer("\n", text)]

    def paragraph(self, open_: int, close: int) -> tuple[int, int]:
        """Start of the paragraph where a quote opens and end of the one where it closes."""
        i = bisect.bisect_left(self.breaks, open_)
        j = bisect.bisect_left(self.breaks, close)
        start = self.breaks[i - 1] + 1 if i else 0
        return start, self.breaks[j] if j < len(self.breaks) else len(self.text)

    def attribution_after(self, close: int, content: str) -> Speaker | None:
        """A reporting clause right after the closing mark: ,” Mr. Lavrov said / ,” said Herbst."""
        text = self.text
        pos = AFTER_QUOTE.match(text, close + 1).end()
        # After a quoted full sentence a capital starts the next sentence, which is an
        # attribution only if the clause ends there: “...” Smith said. / “...” BBM claims 80m
        new_sentence = content[-1:] in ".!?…" and text[pos:pos + 1].isupper()
        patterns = (SPEAKER_VERB, VERB_SPEAKER, DESCRIBED_SPEAKER)
        for pattern in patterns if self.speakers.verb_ahead(pos) else ():
            match = pattern.match(text, pos)
            if match and new_sentence and not _CLAUSE_END.match(text, match.end()):
                continue
            if match:
                speaker, start = speaker_of(match)
                return self.speakers.resolve(speaker, start, match.group("verb"))
        according = ACCORDING_TO.match(text, pos)  # ,” according to Dr. Rina Moss
        if according is not None and according.group("speaker"):
            return self.speakers.resolve(
                according.group("speaker"), according.start("speaker"), None
            )
        return None

    def final_attribution(self, i: int) -> Speaker | None:
        """The reporting clause after the last part of a quotation running over several
        paragraphs, from its part ``i``: “...\n\n“...,” Hinderks added."""
        while i + 1 < len(self.quotes) and self.quotes[i][4]:
            i += 1
        _, close, start, end, _ = self.quotes[i]
        return self.attribution_after(close, self.text[start:end])

    def attribution_before(self, open_: int, sent_start: int, para_start: int) -> Speaker | None:
        """A reporting clause introducing the quote: Zakharova added: “...”"""
        text = self.text
        if para_start > 0 and not _last_char(text, open_, para_start):
            # A quote opening its paragraph may be introduced at the end of the last one.
            open_ = para_start
            while open_ > 0 and text[open_ - 1].isspace():
                open_ -= 1
            if text[open_ - 1:open_] != ":":
                return None
            floor = text.rfind("\n", max(0, open_ - _WINDOW), open_) + 1
            sent_start = _sentence_start(text, open_ - 1, floor)
        elif sent_start == open_:
            return None
        cue = self.speakers.last_cue(sent_start, open_)
        # "Roe said even though Canada believes ...": a clause under a conjunction is not
        # the one introducing the quote
        while cue is not None and _SUBORDINATE.search(text, max(0, cue.pos - 30), cue.pos):
            earlier = self.speakers.last_cue(sent_start, cue.pos)
            if earlier is None:
                break
            cue = earlier
        if cue is None or _INTRO_TAIL.match(text, cue.end, open_) is None:
            return None
        if not text[cue.end : open_].strip():
            # "Hua told reporters that China expresses “...”": the quote is the object of
            # a clause inside an earlier one, whose speaker reports it
            for outer in self.speakers.cues_between(sent_start, cue.pos):
                between = text[outer.end : cue.pos]
                if outer.end <= cue.pos and not _OTHER_CLAUSE.search(between) and (
                    "," not in between
                ):
                    return self._resolve(outer)
        return self._resolve(cue)

    def sentence_cue(
        self, open_: int, close: int, sent_start: int, sent_end: int
    ) -> Speaker | None:
        """The reporting clause of the sentence around a fragment, nearest first."""
        text = self.text
        # The first clause whose words reach the quote: "He said RCMP will maintain a
        # “...”" is his report of what RCMP will do, in his words
        for cue in self.speakers.cues_between(sent_start, open_):
            # A clause joined by a semicolon or a conjunction after a comma is another
            # speaker's (Roe spoke, but critics called it “...”); an aside is not
            # (Drones, he said, are “...”; Roe said all three levels, federal too, “...”)
            between = text[cue.end:open_]
            subordinate = _SUBORDINATE.search(text, max(0, cue.pos - 30), cue.pos)
            if (
                cue.end <= open_
                and not _OTHER_CLAUSE.search(between)
                and not (subordinate and "," in between)  # Although he said X, many say “”
            ):
                return self._resolve(cue)
        after = self.speakers.cues_between(close + 1, sent_end)
        if after:
            return self._resolve(after[0])
        according = ACCORDING_TO.search(text, sent_start, sent_end)
        if according is not None and not self.speakers.inside_quote(according.start()):
            group = "speaker" if according.group("speaker") else "poss"
            return self.speakers.resolve(according.group(group), according.start(group), None)
        if _PARTICIPLE.search(text, sent_start, open_):
            # "Hua shot back on Tuesday, saying Canada should “...”": the sentence's subject
            return self.subject_of(sent_start, open_)
        return None

    def governing_cue(self, open_: int, sent_start: int) -> Speaker | None:
        """The speaker of a reporting verb whose object the quote is, within three words:
        called the budget “a fairy tale”, expressed “deep concern” (not: said the
        country will not recognise the two “republics”)."""
        cues = [c for c in self.speakers.cues_between(sent_start, open_) if c.end <= open_]
        if cues and _GOVERNED.match(self.text, cues[-1].end, open_):
            return self._resolve(cues[-1])
        return None

    def previous_cue(self, open_: int, para_start: int) -> tuple[int, Speaker | None] | None:
        """The last reporting clause of the paragraph before ``open_``, with its offset."""
        cue = self.speakers.last_cue(para_start, open_)
        return (cue.pos, self._resolve(cue)) if cue else None

    def _resolve(self, cue: Cue) -> Speaker | None:
        return self.speakers.resolve(cue.speaker, cue.speaker_start, cue.verb)

    def rows(self) -> Iterator[dict[str, Any]]:
        text = self.text
        last_direct: tuple[int, Speaker | None] | None = None  # (closing mark, speaker)
        for i, (open_, close, start, end, continued) in enumerate(self.quotes):
            content = text[start:end]
            words = content.split()
            para_start, para_end = self.paragraph(open_, close)
            if _NAVIGATION.match(text, para_start):
                continue  # READ MORE: “...”, WATCH: a linked story's headline, no quotation
            lead = text[max(para_start, open_ - 30):open_].split()
            lead_word = lead[-1].strip(",:;(").lower() if lead else ""
            # a system called ‘loop’, a horse named “Lucky”: a name, nobody's words
            naming = lead_word in _NAMING and len(words) <= 4
            sent_start = _sentence_start(text, open_, para_start)
            opens_sentence = not text[sent_start:open_].strip(" \t—–-•*")
            if opens_sentence:
                sent_start = open_
            # "Job satisfaction: “...”", "The website concludes: “...”": a statement
            after_colon = _last_char(text, open_, para_start) == ":"

            after = self.attribution_after(close, content) if not continued else None
            intro = self.attribution_before(open_, sent_start, para_start) if not after else None
            if continued and not intro:
                after = self.final_attribution(i)
            speaker = after or intro
            title_like = all(w[:1].isupper() or w in _TITLE_SMALL_WORDS for w in words)

            if naming:
                kind, speaker = SCARE, None
            elif (opens_sentence or intro or after_colon) and (
                speaker or (len(words) >= 3 and not title_like)
            ):
                kind = DIRECT
                if speaker is None:
                    speaker = self._context_speaker(open_, para_start, last_direct)
                last_direct = (close, speaker)
            else:
                if speaker is None and not title_like:
                    # A short quoted phrase governed by a reporting verb is the speaker's:
                    # Roe called the plan “a fairy tale”, promised a “new era”
                    speaker = self.governing_cue(open_, sent_start)
                if (
                    speaker is None
                    and not after
                    and not title_like
                    and (len(words) > 3 or lead_word not in SCARE_LEAD or lead_word in _OWNED)
                ):
                    # A quote ending in a full stop ends its sentence: a clause after
                    # it belongs to the next one.  A short one after "a" or "his" in a
                    # reported sentence is the speaker's word (she said it was an
                    # “innovation”); after "the" or "two" it names a thing (the two
                    # “republics”)
                    sent_end = (
                        close + 1
                        if content[-1:] in ".!?…"
                        else _sentence_end(text, close + 1, para_end)
                    )
                    speaker = self.sentence_cue(open_, close, sent_start, sent_end)
                if not after and not speaker and len(words) <= 3 and (
                    lead_word in SCARE_LEAD or title_like
                ):
                    kind, speaker = SCARE, None
                elif title_like and lead_word.endswith(("’s", "'s")):
                    kind, speaker = SCARE, None  # Stevie Wonder’s “Signed, Sealed, Delivered”
                else:
                    if speaker is None and title_like:
                        sent_end = (
                            close + 1
                            if content[-1:] in ".!?…"
                            else _sentence_end(text, close + 1, para_end)
                        )
                        speaker = self.sentence_cue(open_, close, sent_start, sent_end)
                    kind = PARTIAL if speaker or (len(words) >= 4 and not title_like) else SCARE
            yield {
                "start": start,
                "end": end,
                "text": content,
                "kind": kind,
                "speaker": speaker.name if speaker else None,
                "verb": speaker.verb if speaker else None,
                "speaker_start": speaker.start if speaker else None,
                "speaker_end": speaker.end if speaker else None,
                "speaker_surface": speaker.surface if speaker else None,
                "speaker_role": speaker.role if speaker else None,
            }

    def _context_speaker(
        self, open_: int, para_start: int, last_direct: tuple[int, Speaker | None] | None
    ) -> Speaker | None:
        """Who says an unattributed statement: the speaker of the quote just before
        (“...,” he said. “More.”) or of the paragraph's last reporting clause."""
        text = self.text
        cue = self.previous_cue(open_, para_start)
        if (
            last_direct
            and _adjacent(text, last_direct[0], open_)
            and (cue is None or cue[0] < last_direct[0])
        ):
            # unless a sentence between the two is about someone: “...” Ada Quist, 58,
            # was delighted. “...” (before a colon, a full name or a pronoun: not a
            # heading's word, "Job satisfaction: “...”")
            between = self._subject_before(open_, max(para_start, last_direct[0] + 1))
            surface = between.surface if between else ""
            if (
                _last_char(text, open_, para_start) == ":"
                and " " not in surface
                and surface.lower() not in ("he", "she", "they")
            ):
                between = None
            return between or last_direct[1]
        if cue:
            return cue[1]
        speaker = self._subject_before(open_, para_start)
        if speaker is not None or text[para_start:open_].strip():
            return speaker
        # A paragraph that is only a quotation continues the paragraph before it (the
        # news convention): its last reporting clause, or the subject of its last sentence.
        prev_end = para_start - 1
        while prev_end > 0 and text[prev_end - 1].isspace():
            prev_end -= 1
        prev_start = text.rfind("\n", 0, prev_end) + 1
        if prev_end <= prev_start:
            return None
        cue = self.previous_cue(prev_end, prev_start)
        if cue:
            return cue[1]
        according = ACCORDING_TO.search(text, prev_start, prev_end)
        if according is not None and according.group("speaker"):
            return self.speakers.resolve(
                according.group("speaker"), according.start("speaker"), None
            )
        return self._subject_before(prev_end + 1, prev_start)

    def _subject_before(self, open_: int, para_start: int) -> Speaker | None:
        """The person who is the subject of the sentence just before a quote opening a
        sentence: Tua Pittman was delighted with the news. “It’s a huge reward.”"""
        text = self.text
        end = open_
        while end > para_start and text[end - 1].isspace():
            end -= 1
        if end <= para_start or text[end - 1] not in ".!?…:":
            return None
        start = _sentence_start(text, end - 1, para_start)
        while start < end and text[start].isspace():
            start += 1
        if text[end - 1] == ":":
            # "Martell, the doctor on the South Shore, is more blunt: “...”"
            return self.subject_of(start, end)
        pronoun = _PRONOUN_SUBJECT.match(text, start, end)
        if pronoun:
            return self.speakers.resolve(pronoun.group(), start, None)
        name = self.speakers.subject_at(start)
        if name is None:
            return None
        return Speaker(self.speakers.full_name(name), start, start + len(name), None, name)

    def subject_of(self, start: int, end: int) -> Speaker | None:
        """The person opening the sentence at ``start`` as its subject: a pronoun, a
        person's name, or a surname the text gives a forename elsewhere."""
        text = self.text
        while start < end and text[start].isspace():
            start += 1  # a sentence starts after the space that follows its full stop
        pronoun = _PRONOUN_SUBJECT.match(text, start, end)
        if pronoun:
            return self.speakers.resolve(pronoun.group(), start, None)
        name = self.speakers.subject_at(start) or self.speakers.surname(
            text[start:end].split(" ", 1)[0].rstrip(",")
        )
        if name is not None:
            return Speaker(self.speakers.full_name(name), start, None, None, name)
        owner = SPEECH_OWNER.match(text, start, end)  # "Carle’s conclusion: “...”"
        if owner is not None:
            owned = owner.group("speaker") or owner.group("pronoun")
            return self.speakers.resolve(owned, start, None)
        # "Foreign Ministry spokeswoman Hua Chunying shot back": a role, then the name
        subject = SUBJECT_WITH_ROLE.match(text, start, end)
        if subject is None:
            return None
        return self.speakers.resolve(subject.group("speaker"), start, None)


def _adjacent(text: str, last_close: int, open_: int) -> bool:
    """Whether a quote opening at ``open_`` is in the paragraph of the quote closed at
    ``last_close`` or in the next one."""
    return text[last_close:open_].strip().count("\n") <= 1 and "\n\n" not in text[
        last_close:open_
    ].strip()


def quotations(text: str) -> Iterator[dict[str, Any]]:
    """Every top-level quotation of ``text`` as a row, in text order."""
    return _Document(text).rows()
