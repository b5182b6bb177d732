"""How hard a piece of text is to read, as a US school grade (Flesch-Kincaid).

Patient handouts should read at grade 6 to 8 or below (NIH: below grade 8), because about one
adult in five reads below grade 5. The Flesch-Kincaid grade is

    0.39 × (words / sentences) + 11.8 × (syllables / words) − 15.59

so long sentences and long words both raise it. Syllables are counted by a small rule of thumb
(groups of vowels, less a silent final "e" and a silent "-ed"); it is wrong for some words, but a
grade is only a prompt to re-read a step, not a verdict.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Sequence

_WORD = re.compile(r"[A-Za-z]+(?:'[A-Za-z]+)*")
# A full stop, question or exclamation mark (and any closing quotes or brackets) before a space
# or the end of the line ends a sentence; "e.g." counts too, which errs towards an easier grade.
_SENTENCE_END = re.compile(r"[.!?]+[\"')\]]*(?=\s|$)")
_ENDS_SENTENCE = re.compile(r"[.!?][\"')\]]*$")
_VOWEL_GROUP = re.compile(r"[aeiouy]+")


@dataclass(frozen=True)
class Reading:
    """What the grade was computed from, so a surprising grade can be explained."""

    words: int
    sentences: int
    syllables: int

    @property
    def grade(self) -> float:
        if not self.words:
            return 0.0
        return (0.39 * self.words / self.sentences + 11.8 * self.syllables / self.words
                - 15.59)


def syllables(word: str) -> int:
    """A rule-of-thumb syllable count for one English word (at least 1)."""
    w = word.lower().replace("'", "")
    count = len(_VOWEL_GROUP.findall(w))
    if len(w) > 2 and w.endswith("e") and not w.endswith(("ee", "ye")):
        # A final "e" is silent ("take"; "knee" aside), but not "-le" after a consonant ("ta-ble").
        if not (w.endswith("le") and w[-3] not in "aeiouy"):
            count -= 1
    elif len(w) > 3 and w.endswith(("es", "ed")) and w[-3] not in "aeiouy":
        # "-es" and "-ed" add no syllable ("makes", "stretched") except after the sounds that
        # need one ("reaches", "rested").
        sounded = "td" if w.endswith("ed") else "sxzhcg"
        if w[-3] not in sounded:
            count -= 1
    return max(1, count)


def measure(lines: Sequence[str]) -> Reading:
    """Counts words, sentences and syllables; each line ends a sentence even without a full stop."""
    words = sentences = syl = 0
    for line in lines:
        found = _WORD.findall(line)
        if not found:
            continue
        words += len(found)
        syl += sum(syllables(w) for w in found)
        text = line.strip()
        sentences += len(_SENTENCE_END.findall(text)) + (not _ENDS_SENTENCE.search(text))
    return Reading(words, sentences, syl)


def grade(lines: Sequence[str]) -> float:
    """The Flesch-Kincaid grade of the lines read as one text."""
    return measure(lines).grade
