"""A self-audit of a printed routine: what a program can check of PEMAT-P and the print rules.

Run `python -m tests.audit FILE.pdf [...]` for a line per check with pass or fail; the tests
run `audit` over the sweep of layouts, papers and budgets.

It reads the PDF as a reader's tools would (its text, the sizes of its characters, its fonts)
and knows nothing of how the file was made, except that its keywords name its stretches (as
every stretchcard PDF's do). A test utility rather than a `stretchcard audit` command: the
checks need PDF-reading libraries the program itself has no use for, and they judge the
program's output, which the program's own tests are the place to do.

What it checks, each as one line:
- every stretch has a dose line (a hold or a count, in words or under a key);
- shorthand ("20 s", "2×") only with its key on the same file;
- a legend saying what the pictures' marks mean;
- a summary ("Remember") and a week to tick;
- the reading grade (Flesch-Kincaid) of the text, at most grade 8 (NIH: below grade 8);
- the smallest text: nothing under 9 pt except the reference lines at 8 pt, the sources and a
  sheet's note to whoever prints it (14 pt in large print);
- no unexplained term from a list of muscle words;
- every font embedded.
"""

from __future__ import annotations

import io
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from pypdf import PdfReader

from pdfgen.readability import measure
from tests.conftest import text_runs, unembedded_fonts

MUSCLE_WORDS = ("hamstring", "glute", "gluteal", "quad", "quadricep", "hip flexor", "psoas",
                "piriformis", "lumbar", "thoracic", "erector", "latissimus", "adductor",
                "figure-4", "figure four", "it band")
DOSE = re.compile(r"\b(Hold( for)? \d+ (seconds|s)\b|\d+ (times|slow rounds|rounds)\b|Do it once"
                  r"|\d+×)")
SHORTHAND = re.compile(r"\b\d+ s\b|\d+×")
KEY = "s = seconds, 2× = 2 times"
LEGEND = re.compile(r"Pictures: [^.]*(orange is|stripes are) where you feel it\.")
DAYS = (("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"), ("Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"))
BODY_MIN_PT, SOURCES_MIN_PT, LARGE_MIN_PT = 9.0, 8.0, 14.0
GRADE_MAX = 8.0


@dataclass(frozen=True)
class Check:
    name: str
    passed: bool
    detail: str = ""

    def __str__(self) -> str:
        return f"{'pass' if self.passed else 'FAIL'}  {self.name}" + (f": {self.detail}"
                                                                       if self.detail else "")


def audit(data: bytes, large_print: bool = False) -> list[Check]:
    """Every check on the PDF's bytes, in the order listed in the module's docstring."""
    reader = PdfReader(io.BytesIO(data))
    runs = text_runs(data)
    text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
    names = [n.strip() for n in str((reader.metadata or {}).get("/Keywords", "")).split(",")[3:]]
    return [_doses(text, names), _shorthand(text), Check("legend for the pictures", bool(LEGEND.search(text))),
            _summary(text), _tracker(text), _grade(text), _smallest(runs, text, large_print),
            _muscle_words(text), _fonts(data)]


def _doses(text: str, names: list[str]) -> Check:
    """Each stretch named in the keywords is followed, somewhere, by a dose line."""
    missing = [name for name in names
               if not any(DOSE.search(text[m.end():m.end() + 160])
                          for m in re.finditer(re.escape(name), text))]
    return Check("a dose line on every stretch", bool(names) and not missing,
                 f"{len(names)} stretches" + (f"; none for {', '.join(missing)}" if missing else ""))


def _shorthand(text: str) -> Check:
    found = SHORTHAND.findall(text)
    ok = not found or KEY in text
    return Check("no shorthand without its key", ok,
                 "no shorthand" if not found else ("with the key" if ok else "no key"))


def _summary(text: str) -> Check:
    ok = "Remember" in text and re.search(r"Do the (\d+ stretches in order|stretch): about", text)
    return Check("a summary (Remember)", bool(ok))


def _tracker(text: str) -> Check:
    ok = "Tick a box" in text and any(" ".join(days) in text for days in DAYS)
    return Check("a week to tick", ok)


def _grade(text: str) -> Check:
    """The grade of the instructions: the sources line (names of organisations) left out."""
    body = re.sub(r"Sources:[^.]*\.", " ", text)
    sentences = [s for s in re.split(r"(?<=[.!?…])\s+", body) if s.strip()]
    grade = measure(sentences).grade
    return Check("reading grade", grade <= GRADE_MAX, f"grade {grade:.1f} (at most {GRADE_MAX:g})")


REFERENCE = re.compile(r"Sources:[^.]*\.|Print on both sides[^.]*\.[^.]*\.")


def _smallest(runs: list[tuple[str, float]], text: str, large_print: bool) -> Check:
    """The smallest text outside the reference lines (the sources, a sheet's note to whoever
    prints it), and theirs."""
    sources = " ".join(REFERENCE.findall(text))
    floor = LARGE_MIN_PT if large_print else BODY_MIN_PT
    body = [size for run, size in runs if not (run in sources and size >= SOURCES_MIN_PT)]
    small = [size for run, size in runs if run in sources]
    least = min(body, default=0.0)
    ok = least >= floor and min(small, default=floor) >= (floor if large_print else SOURCES_MIN_PT)
    return Check("smallest body size", ok, f"{least:g} pt (at least {floor:g})"
                 + (f", sources {min(small):g} pt" if small else ""))


def _muscle_words(text: str) -> Check:
    """A muscle word passes only where an explanation in brackets follows it at once."""
    lower = text.lower()
    bare = sorted({word for word in MUSCLE_WORDS
                   for m in re.finditer(rf"\b{re.escape(word)}", lower)
                   if not re.match(r"[a-z]*\s*\(", lower[m.end():m.end() + 20])})
    return Check("no unexplained muscle word", not bare, ", ".join(bare))


def _fonts(data: bytes) -> Check:
    missing = sorted(set(unembedded_fonts(data)))
    return Check("every font embedded", not missing, ", ".join(missing))


def main(argv: list[str]) -> int:
    large = "--large-print" in argv
    failed = False
    for name in [a for a in argv if a != "--large-print"]:
        print(name)
        for check in audit(Path(name).read_bytes(), large):
            print("  ", check)
            failed |= not check.passed
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
