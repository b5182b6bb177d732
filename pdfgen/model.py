"""The vocabulary every stage shares: enums for the closed word lists and frozen records.

Everything here is stdlib-only and immutable, so a value built by the catalog can be handed to
the planner, the layouts and worker processes without anyone defending against mutation.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field


class Vocab(str, enum.Enum):
    """A closed word list whose members are spelled in content and on the command line."""

    @classmethod
    def coerce(cls, text: str) -> "Vocab":
        """Turns user or content text into a member, or raises ValueError naming the valid words.

        Spaces, underscores and case are forgiven so "Side lying" and "side_lying" both work.
        """
        key = str(text).strip().lower().replace("_", "-").replace(" ", "-")
        for member in cls:
            if member.value == key:
                return member
        valid = ", ".join(m.value for m in cls)
        raise ValueError(f"unknown {cls.label()} {text!r} (valid: {valid})")

    @classmethod
    def label(cls) -> str:
        return cls.__name__.lower()

    def __str__(self) -> str:
        return self.value

    @property
    def title(self) -> str:
        return self.value.replace("-", " ").capitalize()


class Area(Vocab):
    LOWER_BACK = "lower-back"
    UPPER_BACK = "upper-back"
    SIDES = "sides"
    GLUTES = "glutes"
    HIP_FLEXORS = "hip-flexors"
    HAMSTRINGS = "hamstrings"
    QUADS = "quads"
    ABDOMEN = "abdomen"
    SHOULDERS = "shoulders"
    CALVES = "calves"

    @property
    def plain(self) -> str:
        """The area in a patient's words, for printed pages: "backs of the thighs", never
        "hamstrings" unexplained (PEMAT-P items 3 and 4). The CLI keeps the vocabulary."""
        return PLAIN_AREAS.get(self.value, self.value.replace("-", " "))


PLAIN_AREAS = {"glutes": "buttocks", "hip-flexors": "fronts of the hips",
               "hamstrings": "backs of the thighs", "quads": "fronts of the thighs",
               "abdomen": "tummy"}


AREA_ALIASES: dict[str, tuple[Area, ...]] = {
    "back": (Area.LOWER_BACK, Area.UPPER_BACK),
    "whole-back": (Area.LOWER_BACK, Area.UPPER_BACK),
    "low-back": (Area.LOWER_BACK,),
    "lumbar": (Area.LOWER_BACK,),
    "lower-back-pain": (Area.LOWER_BACK,),
    "mid-back": (Area.UPPER_BACK,),
    "thoracic": (Area.UPPER_BACK,),
    "hips": (Area.HIP_FLEXORS, Area.GLUTES),
    "hip": (Area.HIP_FLEXORS, Area.GLUTES),
    "buttocks": (Area.GLUTES,),
    "bottom": (Area.GLUTES,),
    "glute": (Area.GLUTES,),
    "piriformis": (Area.GLUTES,),
    "hip-flexor": (Area.HIP_FLEXORS,),
    "hamstring": (Area.HAMSTRINGS,),
    "back-of-thigh": (Area.HAMSTRINGS,),
    "quad": (Area.QUADS,),
    "quadriceps": (Area.QUADS,),
    "front-of-thigh": (Area.QUADS,),
    "side": (Area.SIDES,),
    "obliques": (Area.SIDES,),
    "abs": (Area.ABDOMEN,),
    "belly": (Area.ABDOMEN,),
    "core": (Area.ABDOMEN,),
    "shoulder": (Area.SHOULDERS,),
    "calf": (Area.CALVES,),
}


def parse_areas(text: str) -> tuple[Area, ...]:
    """Reads one area or alias ("low back", "hips") as the areas it stands for.

    Raises:
        ValueError: naming the valid areas and, where one is close, the likely intended word.
    """
    key = str(text).strip().lower().replace("_", "-").replace(" ", "-")
    if key in AREA_ALIASES:
        return AREA_ALIASES[key]
    try:
        return (Area.coerce(key),)
    except ValueError:
        pass
    import difflib

    words = [a.value for a in Area] + sorted(AREA_ALIASES)
    close = difflib.get_close_matches(key, words, n=1)
    hint = f"; did you mean {close[0]!r}?" if close else ""
    raise ValueError(f"unknown area {text!r}{hint} (valid: {', '.join(a.value for a in Area)})")


class Position(Vocab):
    STANDING = "standing"
    SEATED = "seated"
    FLOOR_SEATED = "floor-seated"
    KNEELING = "kneeling"
    ALL_FOURS = "all-fours"
    PRONE = "prone"
    SUPINE = "supine"
    SIDE_LYING = "side-lying"
    HANGING = "hanging"

    @property
    def height(self) -> int:
        """How far up from the floor the body is: the cost of a transition grows with the change."""
        return _POSITION_HEIGHT[self]

    @property
    def on_floor(self) -> bool:
        return self.height <= 1


_POSITION_HEIGHT = {
    Position.SUPINE: 0,
    Position.PRONE: 0,
    Position.SIDE_LYING: 0,
    Position.FLOOR_SEATED: 1,
    Position.ALL_FOURS: 1,
    Position.KNEELING: 1,
    Position.SEATED: 2,
    Position.STANDING: 3,
    Position.HANGING: 3,
}


class Equipment(Vocab):
    MAT = "mat"
    CHAIR = "chair"
    TABLE = "table"
    BED = "bed"
    BAR = "bar"
    TOWEL = "towel"
    WALL = "wall"


class Movement(Vocab):
    FLEXION = "flexion"
    EXTENSION = "extension"
    ROTATION = "rotation"
    SIDE_BEND = "side-bend"
    TRACTION = "traction"
    NEUTRAL = "neutral"


class Level(Vocab):
    BEGINNER = "beginner"
    INTERMEDIATE = "intermediate"
    ADVANCED = "advanced"

    @property
    def rank(self) -> int:
        return list(Level).index(self)


class Sides(Vocab):
    ONE = "one"
    BOTH = "both"

    @property
    def count(self) -> int:
        return 2 if self is Sides.BOTH else 1


class Layout(Vocab):
    """The printed forms a plan can take; each is a page design in pdfgen/layouts/<value>.py."""

    POSTER = "poster"
    HANDOUT = "handout"
    CARD = "card"


class Setting(Vocab):
    HOME = "home"
    OFFICE = "office"
    BED = "bed"
    GYM = "gym"


@dataclass(frozen=True)
class SettingRules:
    """What a place allows: which positions are possible there and what equipment is at hand."""

    positions: frozenset[Position]
    equipment: frozenset[Equipment]
    fixed_equipment: frozenset[Equipment] = frozenset()


_FLOOR = frozenset({Position.SUPINE, Position.PRONE, Position.SIDE_LYING, Position.FLOOR_SEATED})

SETTING_RULES: dict[Setting, SettingRules] = {
    Setting.HOME: SettingRules(
        positions=frozenset(Position) - {Position.HANGING},
        equipment=frozenset({Equipment.MAT, Equipment.CHAIR, Equipment.TABLE, Equipment.BED,
                             Equipment.TOWEL, Equipment.WALL}),
    ),
    Setting.OFFICE: SettingRules(
        positions=frozenset({Position.STANDING, Position.SEATED}),
        equipment=frozenset({Equipment.CHAIR, Equipment.TABLE, Equipment.WALL}),
    ),
    Setting.BED: SettingRules(
        positions=_FLOOR | {Position.SEATED, Position.ALL_FOURS},
        equipment=frozenset({Equipment.BED, Equipment.TOWEL}),
        fixed_equipment=frozenset({Equipment.BED}),
    ),
    Setting.GYM: SettingRules(
        positions=frozenset(Position),
        equipment=frozenset({Equipment.MAT, Equipment.BAR, Equipment.CHAIR, Equipment.TOWEL,
                             Equipment.WALL, Equipment.TABLE}),
    ),
}


@dataclass(frozen=True)
class Range:
    """An inclusive whole-number range, e.g. a hold of 20 to 30 seconds."""

    low: int
    high: int

    def values(self, step: int) -> tuple[int, ...]:
        vals = list(range(self.low, self.high + 1, step))
        if vals[-1] != self.high:
            vals.append(self.high)
        return tuple(vals)


@dataclass(frozen=True)
class Dose:
    """How a stretch is dosed. Static stretches hold; dynamic ones repeat at a tempo.

    Exactly one of ``hold_s`` and ``tempo_s`` is set.
    """

    reps: Range
    sides: Sides
    hold_s: Range | None = None
    tempo_s: int | None = None
    rest_s: int = 0
    setup_s: int = 10
    switch_s: int = 5
    why: str = ""
    # A moving stretch's count in its own words, with {n} for the reps ("Roll to each side {n}
    # times."): "Do it 5 times" leaves open whether a rep is one side or both.
    count: str = ""

    @property
    def dynamic(self) -> bool:
        return self.tempo_s is not None


@dataclass(frozen=True)
class Source:
    title: str
    url: str = ""
    group: str = ""     # a kind of organisation the page counts instead of naming ("UK health trusts")


@dataclass(frozen=True)
class Stretch:
    id: str
    name: str
    summary: str
    primary: tuple[Area, ...]
    secondary: tuple[Area, ...]
    position: Position
    equipment: frozenset[Equipment]
    movement: Movement
    dose: Dose
    steps: tuple[str, ...]
    feel: str
    cautions: tuple[str, ...]
    avoid_if: frozenset[str]
    level: Level
    sources: tuple[Source, ...]
    figure: str = ""  # empty only when a photo (`image`) stands in for the pose figure
    # 2-4 short steps from the start position, for the poster and the card; without them those
    # print the summary as one step.
    short_steps: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    image: str = ""
    path: str = ""

    @property
    def targets(self) -> tuple[Area, ...]:
        return self.primary + tuple(a for a in self.secondary if a not in self.primary)

    @property
    def brief_steps(self) -> tuple[str, ...]:
        """What a poster or card prints for the steps: the short ones, else the summary."""
        return self.short_steps or (self.summary,)


@dataclass(frozen=True)
class Condition:
    """A health condition a person declares; the planner drops what it excludes, conservatively."""

    id: str
    name: str
    aliases: tuple[str, ...]
    movements: frozenset[Movement]
    positions: frozenset[Position]
    stretches: frozenset[str]
    caution: str


@dataclass(frozen=True)
class SafetyRules:
    rules: tuple[str, ...]
    red_flags_emergency: tuple[str, ...]
    red_flags_urgent: tuple[str, ...]
    stop_rule: str
    sources: tuple[Source, ...]
    before: tuple[str, ...] = ()    # the rules to read before the first stretch: warm up, go gently
    remember: tuple[str, ...] = ()  # the recap's points after the routine's own (how many, how long)


@dataclass(frozen=True)
class RoutineItem:
    """A stretch in a fixed routine, optionally with the routine's own dose."""

    stretch: str
    hold_s: int | None = None
    reps: int | None = None


@dataclass(frozen=True)
class Routine:
    id: str
    title: str
    audience: str
    areas: tuple[Area, ...]
    minutes: float
    items: tuple[RoutineItem, ...] = ()
    setting: Setting = Setting.HOME
    conditions: tuple[str, ...] = ()
    level: Level = Level.INTERMEDIATE
    source: str = ""
    notes: tuple[str, ...] = ()
    path: str = ""

    @property
    def fixed(self) -> bool:
        return bool(self.items)


# The most stretches a routine holds unless the request says otherwise: what a Letter or A4
# poster fits at a size a 70-year-old can read, with every caution and red flag.
DEFAULT_MAX_STRETCHES = 6


@dataclass(frozen=True)
class Request:
    """What a person asks for. The planner turns it into a Plan or says why it cannot.

    `max_stretches` is the most the routine may hold: the capacity of the layout it is for.
    """

    areas: tuple[Area, ...] = (Area.LOWER_BACK,)
    minutes: float = 7
    setting: Setting = Setting.HOME
    equipment: frozenset[Equipment] | None = None
    conditions: tuple[str, ...] = ()
    level: Level = Level.INTERMEDIATE
    title: str = ""
    max_stretches: int = DEFAULT_MAX_STRETCHES

    @property
    def budget_s(self) -> int:
        return int(round(self.minutes * 60))


@dataclass(frozen=True)
class PlannedStretch:
    stretch: Stretch
    hold_s: int
    reps: int
    duration_s: int

    @property
    def sides(self) -> int:
        return self.stretch.dose.sides.count


@dataclass(frozen=True)
class ConditionCaution:
    """What one of the person's conditions asks of them, printed under the condition's name."""

    condition: str      # the condition's name ("Disc problem or sciatica")
    text: str


@dataclass(frozen=True)
class Plan:
    """A dosed, ordered routine with its timing; what every layout draws."""

    title: str
    areas: tuple[Area, ...]
    budget_s: int
    items: tuple[PlannedStretch, ...]
    transitions_s: tuple[int, ...]
    cautions: tuple[ConditionCaution, ...] = ()
    excluded: tuple[str, ...] = ()
    setting: Setting = Setting.HOME
    routine: str = ""
    notes: tuple[str, ...] = field(default=())

    @property
    def total_s(self) -> int:
        return sum(i.duration_s for i in self.items) + sum(self.transitions_s)


def format_seconds(seconds: int) -> str:
    """A duration to the second, for the terminal and the file's properties: "45 seconds",
    "1 minute", "6 min 30 s". Printed pages use `about_minutes` and `minutes_words`."""
    m, s = divmod(int(seconds), 60)
    if m and s:
        return f"{m} min {s} s"
    if m:
        return f"{m} minute{'s' if m != 1 else ''}"
    return f"{s} second{'s' if s != 1 else ''}"


def about_minutes(seconds: int) -> str:
    """A whole routine's time as a person says it: "about 10 minutes" for 9 min 52 s. To the
    second it reads as oddly precise, and a page mixing "46 seconds" with "3 min 5 s" has two
    formats (PEMAT-P item 6); `plan --format json` keeps the exact seconds."""
    n = whole_minutes(seconds)
    return f"about {n} minute{'s' if n != 1 else ''}"


def whole_minutes(seconds: int) -> int:
    """A duration to the nearest whole minute, at least 1: what titles and totals print."""
    return max(1, int(seconds / 60 + 0.5))


UNDER_A_MINUTE_S = 45    # a stretch shorter than this is "under a minute", not "1 minute"


def stretch_minutes(seconds: int) -> str:
    """One stretch's time in whole minutes, as a table cell gives it: "under 1", "2". No
    fractions: PEMAT-P asks for whole numbers a reader need not work out ("1½")."""
    return "under 1" if seconds < UNDER_A_MINUTE_S else str(whole_minutes(seconds))


def minutes_words(seconds: int) -> str:
    """One stretch's time in the pages' single format: "under a minute", "1 minute",
    "2 minutes"."""
    if seconds < UNDER_A_MINUTE_S:
        return "under a minute"
    n = whole_minutes(seconds)
    return f"{n} minute{'s' if n != 1 else ''}"
