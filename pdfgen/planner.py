"""Turns a Request into a dosed, ordered Plan. Pure: no I/O, no clock, no randomness.

Eligibility (what this person may do here), selection (`selection.select`, the best set),
order and dosing (an exact knapsack over the allowed doses), then the plan's notes. The
time model lives in `timing`; its names are re-exported here for the planner's callers.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from typing import Mapping, Sequence

from .errors import NoFitError
from .model import (SETTING_RULES, Area, Condition, ConditionCaution, Plan, PlannedStretch,
                    Request, Routine, Stretch, about_minutes, format_seconds, whole_minutes)
from .selection import select
from .timing import (FILL_TARGET, POSITION_FLOW, DoseOption, dose_options, order,
                     stretch_duration, target_count, transition_s)

__all__ = ["FILL_TARGET", "POSITION_FLOW", "DoseOption", "dose_options", "order", "select",
           "stretch_duration", "target_count", "transition_s", "eligibility", "dose", "plan",
           "plan_routine", "time_mismatch", "default_title", "NoFitError"]

# --- eligibility -----------------------------------------------------------------------------

@dataclass(frozen=True)
class Exclusion:
    stretch_id: str
    reason: str


def eligibility(request: Request, stretches: Mapping[str, Stretch],
                conditions: Mapping[str, Condition]) -> tuple[list[Stretch], list[Exclusion]]:
    """Splits the library into what this person may do here, and what is out and why.

    Conditions are applied conservatively: a stretch goes if the condition names it, its
    movement or its position, or if the stretch itself lists the condition in `avoid_if`.
    """
    rules = SETTING_RULES[request.setting]
    have = (request.equipment if request.equipment is not None else rules.equipment)
    have = have | rules.fixed_equipment
    conds = [conditions[c] for c in request.conditions]
    ok: list[Stretch] = []
    out: list[Exclusion] = []
    for s in stretches.values():
        reason = _exclusion_reason(s, request, rules.positions, have, conds)
        if reason:
            out.append(Exclusion(s.id, reason))
        else:
            ok.append(s)
    return ok, out


UNSAFE = "not safe with "   # how an exclusion for a condition begins


def _exclusion_reason(s: Stretch, request: Request, positions, have, conds) -> str:
    for c in conds:
        if (c.id in s.avoid_if or s.id in c.stretches or s.movement in c.movements
                or s.position in c.positions):
            return f"{UNSAFE}{c.name.lower()}"
    if s.position not in positions:
        return f"needs a {s.position.value} position, not possible in the {request.setting.value} setting"
    missing = sorted(e.value for e in s.equipment - have)
    if missing:
        return f"needs {' and '.join('a ' + m for m in missing)}"
    if s.level.rank > request.level.rank:
        return f"{s.level.value} level, above {request.level.value}"
    return ""


# --- dosing ----------------------------------------------------------------------------------

def dose(stretches: Sequence[Stretch], seconds: int, floor: int = 0) -> tuple[DoseOption, ...]:
    """Chooses one dose per stretch so their total is as large as possible within `seconds`.

    An exact multiple-choice knapsack over whole seconds. Within a small tolerance of the
    longest total that fits (2% of the time, at most 15 s) it prefers doses spread evenly across
    stretches (least sum of squared position in each stretch's range), so one stretch does not
    take all the spare time. The tolerance never takes the total below `floor` (the 90% mark)
    when the longest total reaches it.
    """
    states: dict[int, tuple[float, tuple[DoseOption, ...]]] = {0: (0.0, ())}
    for s in stretches:
        opts = dose_options(s)
        span = max(1, opts[-1].duration_s - opts[0].duration_s)
        nxt: dict[int, tuple[float, tuple[DoseOption, ...]]] = {}
        for total, (cost, picks) in states.items():
            for o in opts:
                t = total + o.duration_s
                if t > seconds:
                    break
                c = cost + ((o.duration_s - opts[0].duration_s) / span) ** 2
                old = nxt.get(t)
                if old is None or c < old[0] - 1e-12:
                    nxt[t] = (c, picks + (o,))
        states = nxt
        if not states:
            raise ValueError("the chosen stretches do not fit the time")
    longest = max(states)
    tolerance = min(15, seconds // 50)
    if longest >= floor:
        tolerance = min(tolerance, longest - floor)
    near = [t for t in states if t >= longest - tolerance]
    return states[min(near, key=lambda t: (round(states[t][0], 9), -t))][1]


# --- the whole plan --------------------------------------------------------------------------

def plan(request: Request, stretches: Mapping[str, Stretch],
         conditions: Mapping[str, Condition]) -> Plan:
    """Plans a routine for `request` from the library.

    Raises:
        NoFitError: nothing is eligible, or nothing fits the time; the message says what would.
    """
    budget = request.budget_s
    ok, out = eligibility(request, stretches, conditions)
    if not ok:
        raise NoFitError(_nothing_eligible(request, out))
    shortest = min(ok, key=lambda s: (dose_options(s)[0].duration_s, s.id))
    shortest_s = dose_options(shortest)[0].duration_s
    if budget < shortest_s:
        raise NoFitError(
            f"{format_seconds(budget)} is too short: the shortest stretch that suits you, "
            f"{shortest.name}, takes {shortest_s} s. Ask for at least {_round_up_minutes(shortest_s)}.")
    chosen = order(select(ok, request.areas, budget, request.max_stretches))
    trans = tuple(transition_s(a.position, b.position) for a, b in zip(chosen, chosen[1:]))
    doses = dose(chosen, budget - sum(trans), math.ceil(FILL_TARGET * budget) - sum(trans))
    items = tuple(PlannedStretch(s, o.hold_s, o.reps, o.duration_s) for s, o in zip(chosen, doses))
    total_s = sum(i.duration_s for i in items) + sum(trans)
    areas = _areas_stretched(request.areas, items)
    return Plan(
        title=request.title or default_title(areas, total_s),
        areas=areas,
        budget_s=budget,
        items=items,
        transitions_s=trans,
        cautions=tuple(ConditionCaution(conditions[c].name, conditions[c].caution)
                               for c in request.conditions),
        excluded=tuple(sorted(e.stretch_id for e in out)),
        setting=request.setting,
        notes=_coverage_notes(request, items, ok) + _shortfall(request, total_s, items, ok, out,
                                                               stretches),
    )


def _areas_stretched(asked: Sequence[Area], items) -> tuple[Area, ...]:
    """The areas a page may say the routine is for: those asked for that a stretch in it targets
    (the notes say why any other is missing) or, if it reaches none of them, the areas its own
    stretches target, in order."""
    targets = [a for i in items for a in i.stretch.primary]
    covered = tuple(a for a in asked if a in targets)
    return covered or tuple(dict.fromkeys(targets))


def _shortfall(request: Request, total_s: int, items, eligible, out: Sequence[Exclusion],
               stretches: Mapping[str, Stretch]) -> tuple[str, ...]:
    """One plain sentence when the routine falls well short of the time asked for, saying why:
    it holds as many stretches as a routine may, each at its longest safe dose; or it already
    holds every stretch for these areas that suits the person, and the others are ruled out by
    their conditions, or by the setting, equipment or level."""
    if total_s >= UNDER_STATED * request.budget_s:
        return ()
    areas = set(request.areas)
    lead = (f"This routine takes {about_minutes(total_s)}, less than the "
            f"{format_seconds(request.budget_s)} you asked for")
    chosen = {i.stretch.id for i in items}
    if not all(s.id in chosen for s in eligible if areas & set(s.primary)):
        if len(items) == request.max_stretches:
            return (f"{lead}: a routine holds at most {request.max_stretches} stretches, each for as long "
                    "as is safe.",)
        return (f"{lead}.",)
    where = _and([a.plain for a in request.areas], "and")
    others = [e for e in out if areas & set(stretches[e.stretch_id].primary)]
    if not others:
        return (f"{lead}: it already holds every stretch for the {where}, each for as long as "
                "is safe.",)
    unsafe = sorted({e.reason.removeprefix(UNSAFE) for e in others if e.reason.startswith(UNSAFE)})
    many = len(others) > 1
    be, need = ("are", "need") if many else ("is", "needs")
    why = [f"{be} not safe with {_and(unsafe, 'or')}"] if unsafe else []
    if any(not e.reason.startswith(UNSAFE) for e in others):
        why.append(f"{need} another setting, more equipment or a higher level")
    subject = f"the other {len(others)} stretches" if many else "the other stretch"
    return (f"{lead}: {subject} for the {where} {' or '.join(why)}.",)


def _and(words: Sequence[str], conjunction: str) -> str:
    """"a", "a or b", "a, b or c"."""
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} {conjunction} {words[-1]}"


# A fixed routine that takes less than this share of the minutes it states is flagged: a page
# that promises 7 minutes and takes 4 misleads as much as one that takes 10.
UNDER_STATED = 0.8


def time_mismatch(budget_s: int, total_s: int) -> str:
    """"over", "under" or "": how a fixed routine's doses compare with its stated minutes."""
    if total_s > budget_s:
        return "over"
    if total_s < UNDER_STATED * budget_s:
        return "under"
    return ""


def plan_routine(routine: Routine, stretches: Mapping[str, Stretch],
                 conditions: Mapping[str, Condition], request: Request) -> Plan:
    """Plans a fixed routine: its stretches in its own order, at its own doses where given.

    Stretches without a stated dose are dosed to fill what the routine's minutes leave. The
    total is not forced to the stated minutes: if the routine's own doses run over them, or
    fall below 80% of them, the plan says so in its notes instead of silently changing the
    routine.
    """
    ok, out = eligibility(request, stretches, conditions)
    allowed = {s.id for s in ok}
    dropped = [i.stretch for i in routine.items if i.stretch not in allowed]
    items_in = [i for i in routine.items if i.stretch in allowed]
    if not items_in:
        raise NoFitError(f"routine {routine.id!r}: every stretch in it is excluded for this request "
                         f"({'; '.join(_reason_of(out, sid) for sid in dropped[:3])})")
    seq = [stretches[i.stretch] for i in items_in]
    trans = tuple(transition_s(a.position, b.position) for a, b in zip(seq, seq[1:]))
    budget = round(routine.minutes * 60)
    free = [s for s, i in zip(seq, items_in) if i.hold_s is None and i.reps is None]
    fixed_s = 0
    for s, i in zip(seq, items_in):
        if not (i.hold_s is None and i.reps is None):
            fixed_s += stretch_duration(s, *_fixed_dose(s, i))
    spare = budget - sum(trans) - fixed_s
    free_doses = iter(())
    if free:
        min_free = sum(dose_options(s)[0].duration_s for s in free)
        free_doses = iter(dose(free, max(spare, min_free)))
    items = []
    for s, i in zip(seq, items_in):
        if i.hold_s is None and i.reps is None:
            o = next(free_doses)
            items.append(PlannedStretch(s, o.hold_s, o.reps, o.duration_s))
        else:
            hold, reps = _fixed_dose(s, i)
            items.append(PlannedStretch(s, hold, reps, stretch_duration(s, hold, reps)))
    notes = list(routine.notes)
    result = Plan(title=request.title or routine.title, areas=routine.areas or request.areas,
                  budget_s=budget, items=tuple(items), transitions_s=trans,
                  cautions=tuple(ConditionCaution(conditions[c].name, conditions[c].caution)
                               for c in request.conditions),
                  excluded=tuple(sorted(dropped)), setting=request.setting, routine=routine.id)
    if dropped:
        notes.append(f"Left out for your safety or setting: {', '.join(stretches[d].name for d in dropped)}.")
    return replace(result, notes=tuple(notes))


def _fixed_dose(s: Stretch, item) -> tuple[int, int]:
    d = s.dose
    hold = d.tempo_s if d.dynamic else (item.hold_s if item.hold_s is not None else d.hold_s.high)
    reps = item.reps if item.reps is not None else d.reps.low
    return hold, reps


def _reason_of(out: Sequence[Exclusion], sid: str) -> str:
    return next((f"{sid}: {e.reason}" for e in out if e.stretch_id == sid), sid)


def _nothing_eligible(request: Request, out: Sequence[Exclusion]) -> str:
    reasons: dict[str, list[str]] = {}
    for e in out:
        reasons.setdefault(e.reason, []).append(e.stretch_id)
    parts = [f"{len(ids)} {r}" for r, ids in sorted(reasons.items(), key=lambda kv: -len(kv[1]))]
    return ("no stretch suits this request: " + "; ".join(parts[:4])
            + ". Try another --setting, fewer --condition options, or more --equipment.")


def _coverage_notes(request: Request, items, eligible) -> tuple[str, ...]:
    covered = {a for i in items for a in i.stretch.primary}
    notes = []
    for area in request.areas:
        if area in covered:
            continue
        if not any(area in s.primary for s in eligible):
            notes.append(f"No stretch for the {area.plain} suits your setting and conditions.")
        else:
            notes.append(f"The time is too short to include a stretch for the {area.plain}.")
    return tuple(notes)


def default_title(areas: Sequence, total_s: int) -> str:
    """A plain title such as "7-minute stretch for the lower back and backs of the thighs",
    with the routine's own time to the nearest minute (never the time asked for, which it
    may miss)."""
    names = [a.plain for a in areas]
    joined = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
    minutes = whole_minutes(total_s)
    return f"{minutes}-minute stretch for the {joined}".capitalize()


def _round_up_minutes(seconds: int) -> str:
    minutes = -(-seconds // 30) / 2
    return f"{minutes:g} minute{'s' if minutes != 1 else ''}"
