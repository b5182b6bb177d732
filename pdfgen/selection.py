"""Which stretches a routine holds: the exact search for the best set (`select`).

The ranking is lexicographic (areas covered, 90% of the budget filled, relevance, ...), so a
greedy pick would not do: it can spend the budget on one long stretch and miss a set that
covers every requested area. A library may hold a thousand stretches, so the search is a
branch and bound whose cuts are what keeps it quick: a good set found first, rows that no
set as good can hold sifted out, and bounds that know what reaching 90% costs.
"""

from __future__ import annotations

import bisect
import functools
import heapq
import itertools
import math
from typing import NamedTuple, Sequence

from .model import DEFAULT_MAX_STRETCHES, Stretch
from .timing import (COST, FILL_TARGET, FLOW_RANK, MAX_ADDED_TRANSITION_S, N_FLOW,
                     NEW_POSITION_S, SAME_POSITION_S, dose_lengths, set_transitions,
                     target_count)


def select(candidates: Sequence[Stretch], areas: Sequence, budget_s: int,
           limit: int = DEFAULT_MAX_STRETCHES) -> tuple[Stretch, ...]:
    """The best subset of `candidates` for `areas` within `budget_s`, at most `limit` of them.

    Sets are ranked by, in order: requested areas covered by a primary target; reaching 90% of
    the budget at some allowed doses; fewest stretches off the requested areas; closeness to
    the target count; relevance (each requested area a stretch targets: 2 if primary, 1 if
    secondary); how widely the stretch is recommended (its sources, up to three); gentleness
    (lower levels); least time lost to transitions. Of equal sets, the first in the search
    order wins: rows by position in flow order, then relevance, sources, level and id; sets
    as sorted tuples of rows, compared in order.

    Exact, in three steps: a good set (greedy, then the best of the likeliest rows) gives a
    floor some set reaches; every row no set at the floor can hold is sifted out
    (`_reachers`); `_Search` finds the first best set among the rest. Each step is a cut, not
    a guess, so the result is what trying every subset would give (tests/test_planner_search).

    Raises:
        ValueError: `limit` is outside 1 to MOST_STRETCHES.
    """
    if not 1 <= limit <= MOST_STRETCHES:
        raise ValueError(f"a routine holds 1 to {MOST_STRETCHES} stretches, not {limit}")
    rows = _Candidates.build(candidates, areas, budget_s)
    if not rows.stretch:
        return ()
    # The best set of the likeliest rows gives a score some set reaches, so the search of
    # all the rows can cut every branch below it from the start.
    likely = rows.subset(rows.likeliest(limit))
    floor = _greedy_score(likely, budget_s, limit)
    if len(likely.stretch) < len(rows.stretch):
        floor = _solve(likely, budget_s, limit, floor)[0]
    score, picked, rows = _solve(rows, budget_s, limit, floor)
    return tuple(rows.stretch[j] for j in picked)


def _solve(rows: _Candidates, budget_s: int, limit: int,
           floor: tuple) -> tuple[tuple, tuple[int, ...], _Candidates]:
    """The best score reaching `floor` (which some set must reach), the first set with it
    and the rows it indexes: every row no set scoring `floor` can hold goes first."""
    rows = _reachers(rows, budget_s, limit, floor)
    score, picked = _Search(rows, budget_s, limit, floor).run()
    return score, picked, rows


def _reachers(rows: _Candidates, budget_s: int, limit: int, floor: tuple) -> _Candidates:
    """The rows less every one that no set scoring `floor` or more can hold, until none.

    Many rows are sifted first with the search's few prices, which costs less a row; the
    many prices, which drop more, wait until few are left."""
    while True:
        many = len(rows.stretch) > _MANY_ROWS
        keep = _could_reach(rows, budget_s, limit, floor,
                            _SEARCH_PRICES if many else _SIFT_PRICES)
        if len(keep) == len(rows.stretch):
            if not many:
                return rows
            keep = _could_reach(rows, budget_s, limit, floor, _SIFT_PRICES)
            if len(keep) == len(rows.stretch):
                return rows
        rows = rows.subset(keep)


_MANY_ROWS = 150


class _Candidates(NamedTuple):
    """The stretches the winning set can be drawn from, in search order, as parallel tuples
    of what the ranking needs of each. (A named tuple, like `_After`: internal, and cheap to
    define at import.)"""

    stretch: tuple[Stretch, ...]
    rel: tuple[int, ...]          # 2 per requested area targeted first, 1 per area also reached
    cover: tuple[int, ...]        # bit mask of the requested areas targeted first
    cited: tuple[int, ...]        # sources, up to three
    level: tuple[int, ...]
    pos: tuple[int, ...]          # rank in POSITION_FLOW
    shortest: tuple[int, ...]     # seconds at the shortest dose
    longest: tuple[int, ...]
    durations: tuple[frozenset[int], ...]

    @classmethod
    def build(cls, candidates: Sequence[Stretch], areas: Sequence,
              budget_s: int) -> "_Candidates":
        """The candidates that fit the budget on their own, in search order."""
        bit = {a: 1 << k for k, a in enumerate(dict.fromkeys(areas))}
        rows = []
        for s in candidates:
            durations = dose_lengths(s.dose)
            shortest = min(durations)
            if shortest > budget_s:
                continue
            cover = sum(bit[a] for a in set(s.primary) if a in bit)
            rel = 2 * cover.bit_count() + sum(1 for a in set(s.secondary) if a in bit)
            rows.append((-rel, s.id, s, rel, cover, min(len(s.sources), 3), s.level.rank,
                         FLOW_RANK[s.position], shortest, max(durations), durations))
        rows.sort(key=lambda r: (r[7], r[0], -r[5], r[6], r[1]))
        return cls(*(tuple(r[c] for r in rows) for c in range(2, 11)))

    def subset(self, keep: Sequence[int]) -> "_Candidates":
        """These rows only, still in search order."""
        keep = sorted(keep)
        return _Candidates(*(tuple(column[k] for k in keep) for column in self))

    def likeliest(self, limit: int) -> set[int]:
        """Rows a winning set is likely drawn from: the best by merit, and for each requested
        area, and the longest and shortest doses of relevant and other rows."""
        k = len(self.stretch)
        merit = sorted(range(k), key=lambda j: (-self.rel[j], -self.cited[j], self.level[j]))
        picks = set(merit[:3 * limit])
        for key in (lambda j: -self.longest[j], lambda j: self.shortest[j]):
            for relevant in (True, False):
                picks.update(sorted((j for j in range(k) if (self.rel[j] > 0) == relevant),
                                    key=key)[:limit])
        # The best trades of merit against length, as the search's bound prices them.
        number = [_merit_number(self.rel[j], self.cited[j], self.level[j], limit)
                  for j in range(k)]
        for a, b in _SEARCH_PRICES:
            picks.update(heapq.nlargest(limit, range(k),
                                        key=lambda j: a * number[j] + b * self.longest[j]))
        covered = 0
        for c in self.cover:
            covered |= c
        for area in range(covered.bit_length()):
            picks.update([j for j in merit if self.cover[j] >> area & 1][:limit])
        return picks


_DEAREST_MOVE_S = max(max(row) for row in COST)
# The least transition time one more stretch adds to a set in flow order: it joins a position
# already there, or comes first or last, or goes between two others.
_MIN_ADDED_TRANSITION_S = min(
    [SAME_POSITION_S] + [COST[a][b] for a in range(N_FLOW) for b in range(N_FLOW) if a != b]
    + [COST[a][n] + COST[n][b] - COST[a][b]
       for a in range(N_FLOW) for n in range(a + 1, N_FLOW) for b in range(n + 1, N_FLOW)])


# The most a request may ask a routine to hold: more than any page shows.
MOST_STRETCHES = 12
_MOST_ADDED = tuple(e * MAX_ADDED_TRANSITION_S for e in range(MOST_STRETCHES + 1))


@functools.cache
def _dearest_chains() -> tuple[int, ...]:
    """By number of positions, the most transition time one stretch in each of that many
    positions can take (all 511 choices of positions, once)."""
    dearest = [0] * (N_FLOW + 1)
    for used in range(1, 1 << N_FLOW):
        d = used.bit_count()
        dearest[d] = max(dearest[d], set_transitions([used >> r & 1 for r in range(N_FLOW)]))
    return tuple(dearest)


def _most_transition_s(m: int) -> int:
    """The most transition time any m stretches in flow order can take: positions climb
    from the floor, so this is far less than m times the dearest move."""
    return max(chain + SAME_POSITION_S * (m - d)
               for d, chain in enumerate(_dearest_chains()) if 1 <= d <= max(m, 1))


@functools.cache
def _transition_tables(limit: int) -> tuple:
    """For `_Search`, indexed by e, the added rows: the least transition seconds for adding
    e rows to an empty set; to a set whose last position they all join; entering another
    position first (by from and to rank); reaching any later position. Then, by set size,
    the most any set can take."""
    sizes = range(limit + 1)
    from_nothing = tuple(max(0, e - 1) * SAME_POSITION_S for e in sizes)
    joining = tuple(e * SAME_POSITION_S for e in sizes)
    entering = tuple(tuple(tuple(COST[a][b] + (e - 1) * SAME_POSITION_S if e else 0
                                 for e in sizes) for b in range(N_FLOW))
                     for a in range(N_FLOW))
    moving_on = tuple(e * SAME_POSITION_S + (NEW_POSITION_S - SAME_POSITION_S if e else 0)
                      for e in sizes)
    most = tuple(_most_transition_s(m) for m in range(2 * limit + 2))
    return from_nothing, joining, entering, moving_on, most


def _prefix_sums(values: Sequence[int]) -> tuple[int, ...]:
    return tuple(itertools.accumulate(values, initial=0))


class _After(NamedTuple):
    """The best the rows from one index on can add, for `_Search._room`, as prefix sums of
    the top `limit` values of each kind, so the best e rows cost one look-up. (A named tuple,
    not a frozen dataclass: a search makes one for every row twice, and a tuple is made four
    times as fast.)

    Merit (relevance, sources, gentleness) is one list, ordered as the ranking compares
    sums: of all sets of e rows, the e best in that order have the best sums in that order
    (an exchange argument), so the bound is as tight as the three sums allow together.
    """

    cover: int                  # the requested areas they target first, as a mask
    gain: int                   # the most requested areas one of them targets first
    relevant: int               # how many reach a requested area
    rel: tuple[int, ...]        # of the best relevant rows by merit
    cited: tuple[int, ...]      # of the same rows
    level: tuple[int, ...]      # of the same rows
    cited_other: tuple[int, ...]    # of the best other rows by merit (their relevance is 0)
    level_other: tuple[int, ...]
    shortest: tuple[int, ...]   # lowest
    long_rel: tuple[int, ...]   # longest doses of the relevant rows
    long_other: tuple[int, ...]
    long_multi: tuple[int, ...]     # longest doses of rows targeting two requested areas or more
    # For each (a, b) of `prices`, the highest a * merit + b * longest dose, merit as one
    # number (`_merit_number`): what bounds the merit of a completion that must also reach
    # 90% (see `_Search._room`).
    priced: tuple[tuple[int, ...], ...]
    prices: tuple[tuple[int, int], ...]
    # Each requested-area mask the rows target first, with how many rows (up to `limit`):
    # what bounds the areas e more rows can add to a set's (see `_new_areas`).
    masks: tuple[tuple[int, int], ...]


def _price_grid(steps_per_double: int) -> tuple[tuple[int, int], ...]:
    """Prices (a, b), b/a merit units a second of longest dose, from 1/1024 to 4 a second:
    the range where a unit of gentleness, of sources or of relevance trades against the
    seconds a set needs to reach 90%."""
    grid = []
    for k in range(-10 * steps_per_double, 2 * steps_per_double + 1):
        rate = 2 ** (k / steps_per_double)
        grid.append((round(1 / rate), 1) if rate < 1 else (1, round(rate)))
    return tuple(sorted(set(grid), key=lambda ab: ab[1] / ab[0]))


# The search bounds every node with a few prices; sifting rows, done once per row, affords
# many, and the closer its prices come to the best one the more rows it drops.
_SEARCH_PRICES = _price_grid(1)
_SIFT_PRICES = _price_grid(4)


def _radices(limit: int) -> tuple[int, int]:
    """The place values of relevance and sources in `_merit_number` for sets of up to
    `limit` rows: large enough that no sum of the parts below carries into them."""
    sources = 2 * limit + 1
    return (3 * limit + 1) * sources, sources


def _merit_number(rel: int, cited: int, level: int, limit: int) -> int:
    """A row's merit as one number whose sums order sets of equal size as the ranking
    compares their relevance, then sources, then gentleness."""
    r1, r2 = _radices(limit)
    return rel * r1 + cited * r2 + (2 - level)


def _entries(rows: _Candidates, j: int, limit: int,
             prices: Sequence[tuple[int, int]]) -> tuple:
    """What row j puts in each top list of an `_After`, smallest first (None: not in it)."""
    rel, longest = rows.rel[j], rows.longest[j]
    merit = (-rel, -rows.cited[j], rows.level[j])
    number = _merit_number(rel, rows.cited[j], rows.level[j], limit)
    return (merit if rel else None, None if rel else merit[1:], rows.shortest[j],
            -longest if rel else None, None if rel else -longest,
            -longest if rows.cover[j].bit_count() > 1 else None,
            *(-(a * number + b * longest) for a, b in prices))


def _negated(values) -> tuple[int, ...]:
    return _prefix_sums(-v for v in values)


# How each top list becomes the prefix sums an `_After` holds; every priced list packs as
# the last one does.
_PACK = ((lambda t: (_negated(m[0] for m in t), _negated(m[1] for m in t),
                     _prefix_sums(m[2] for m in t))),
         (lambda t: (_negated(m[0] for m in t), _prefix_sums(m[1] for m in t))),
         (lambda t: (_prefix_sums(t),)),
         (lambda t: (_negated(t),)))


_LISTS = 6   # top lists before the priced ones: merit, others' merit, shortest, three longest


def _pack(n: int, values: Sequence) -> tuple:
    return _PACK[min(n, len(_PACK) - 1)](values)


def _packed(cover: int, gain: int, relevant: int, sums: Sequence[tuple],
            prices: tuple[tuple[int, int], ...], masks: tuple[tuple[int, int], ...]) -> _After:
    flat = [x for part in sums[:_LISTS] for x in part]
    return _After(cover, gain, relevant, *flat, tuple(part[0] for part in sums[_LISTS:]), prices,
                  masks)


def _mask_counts(covers: Sequence[int], limit: int) -> tuple[tuple[int, int], ...]:
    counts: dict[int, int] = {}
    for c in covers:
        if c:
            counts[c] = min(limit, counts.get(c, 0) + 1)
    return tuple(counts.items())


def _summary(rows: _Candidates, limit: int,
             prices: tuple[tuple[int, int], ...] = _SIFT_PRICES) -> _After:
    """The `_After` of all the rows: what any set can add at best."""
    k = len(rows.stretch)
    columns = list(zip(*(_entries(rows, j, limit, prices) for j in range(k)))) \
        or [()] * (_LISTS + len(prices))
    sums = [_pack(n, heapq.nsmallest(limit, (v for v in column if v is not None)))
            for n, column in enumerate(columns)]
    cover = 0
    for c in rows.cover:
        cover |= c
    return _packed(cover, max((c.bit_count() for c in rows.cover), default=0),
                   sum(r > 0 for r in rows.rel), sums, prices, _mask_counts(rows.cover, limit))


def _afters(rows: _Candidates, limit: int, starts: Sequence[int]) -> list[_After]:
    """An `_After` for every index, each counting the rows up to the next of `starts`.

    Built from the end; a list is repacked only when a row enters its top, which in a large
    library few do.
    """
    k = len(rows.stretch)
    prices = _SEARCH_PRICES
    out: list[_After] = [_summary(rows.subset(()), limit, prices)] * (k + 1)
    ends = set(starts)
    lists: list[list] = []
    sums: list[tuple] = []
    counts: dict[int, int] = {}
    masks: tuple[tuple[int, int], ...] = ()
    cover = gain = relevant = 0
    for j in range(k - 1, -1, -1):
        if j + 1 == k or j + 1 in ends:
            lists = [[] for _ in range(_LISTS + len(prices))]
            sums = [_pack(n, []) for n in range(len(lists))]
            counts, masks = {}, ()
            cover = gain = relevant = 0
        c = rows.cover[j]
        cover |= c
        gain = max(gain, c.bit_count())
        relevant += rows.rel[j] > 0
        if c and counts.get(c, 0) < limit:
            counts[c] = counts.get(c, 0) + 1
            masks = tuple(counts.items())
        for n, (values, v) in enumerate(zip(lists, _entries(rows, j, limit, prices))):
            if v is not None and (len(values) < limit or v < values[-1]):
                bisect.insort(values, v)
                del values[limit:]
                sums[n] = _pack(n, values)
        out[j] = _packed(cover, gain, relevant, sums, prices, masks)
    return out


def _score(rows: _Candidates, picked: Sequence[int], budget_s: int, limit: int,
           exact: bool = False) -> tuple | None:
    """The ranking's score of a set of rows, or None if it overruns the budget. Without
    `exact`, reaching 90% is judged on the longest doses alone, and the score carries how
    near the longest doses come to it (which guides `_greedy_score` there)."""
    counts = [0] * N_FLOW
    covered = shortest = longest = others = rel = cited = level = 0
    for j in picked:
        counts[rows.pos[j]] += 1
        covered |= rows.cover[j]
        shortest += rows.shortest[j]
        longest += rows.longest[j]
        others += rows.rel[j] == 0
        rel += rows.rel[j]
        cited += rows.cited[j]
        level += rows.level[j]
    trans = set_transitions(counts)
    if shortest + trans > budget_s:
        return None
    goal = FILL_TARGET * budget_s
    fills = longest + trans >= goal
    if fills and exact:
        fills = _can_fill([rows.durations[j] for j in picked], math.ceil(goal) - trans,
                          budget_s - trans)
    near = () if exact else (min(goal, longest + trans),)
    return _ranked(covered, fills, others, len(picked), target_count(budget_s, limit), rel,
                   cited, -level, trans, near)


def _ranked(covered: int, fills: bool, others: int, size: int, n_target: int, rel: int,
            cited: int, gentle: int, trans: int, near: tuple = ()) -> tuple:
    """A set's score, the one place the ranking's order is written: areas covered, 90%
    reached (then, for `_greedy_score` only, how near), fewest rows off the areas, closeness
    to the target count, relevance, sources, gentleness, fewest transition seconds."""
    return (covered.bit_count(), fills, *near, -others, -abs(size - n_target), rel, cited,
            gentle, -trans)


def _greedy_score(rows: _Candidates, budget_s: int, limit: int) -> tuple:
    """The score of a good set found quickly: rows added one by one, each the best next,
    then single swaps while one helps. Any set's score is a safe floor for the search."""
    k = len(rows.stretch)
    chosen: list[int] = []
    best, best_set = (), []
    for _ in range(limit):
        step = max(((sc, j) for j in range(k) if j not in chosen
                    if (sc := _score(rows, chosen + [j], budget_s, limit)) is not None),
                   default=None)
        if step is None:
            break
        chosen.append(step[1])
        if step[0] > best:
            best, best_set = step[0], list(chosen)
    improved = True
    while improved:
        improved = False
        for out in range(len(best_set)):
            rest = best_set[:out] + best_set[out + 1:]
            for j in range(k):
                if j not in best_set:
                    sc = _score(rows, rest + [j], budget_s, limit)
                    if sc is not None and sc > best:
                        best, best_set, improved = sc, rest + [j], True
                        break
            if improved:
                break
    return _score(rows, best_set, budget_s, limit, exact=True) or ()


def _can_fill(durations: Sequence[frozenset[int]], low: int, high: int) -> bool:
    """Whether rows with these lengths have doses whose total lies in [low, high]: the
    totals within reach as the bits of one integer."""
    if high < 0:
        return False
    within = (1 << (high + 1)) - 1
    totals = 1
    for lengths in durations:
        shifted = 0
        for d in lengths:
            shifted |= totals << d
        totals = shifted & within
    return totals >> max(low, 0) != 0


def _could_reach(rows: _Candidates, budget_s: int, limit: int, floor: tuple,
                 prices: tuple[tuple[int, int], ...] = _SIFT_PRICES) -> list[int]:
    """The rows that some set holding them might score `floor` or more with: the bound of a
    set of that row alone, completed from all the rows."""
    if not rows.stretch:
        return []
    search = _Search(rows, budget_s, limit, floor, summary_only=True)
    a = _summary(rows, limit, prices)
    least = tuple(e * _MIN_ADDED_TRANSITION_S for e in range(limit + 1))
    return [j for j in range(len(rows.stretch))
            if search._room(a, len(rows.stretch), least, _MOST_ADDED, 1, rows.cover[j],
                            rows.shortest[j], rows.longest[j], rows.rel[j] == 0, rows.rel[j],
                            rows.cited[j], -rows.level[j], 0)
            or (_score(rows, [j], budget_s, limit, exact=True) or ()) >= floor]


def _new_areas(masks: Sequence[tuple[int, int]], covered: int, sizes: int) -> list[int]:
    """For e = 0 to `sizes`, the most requested areas e of these rows can add to `covered`:
    the e largest gains, as if no two overlapped (which bounds what they add together)."""
    gains = sorted(((c & ~covered).bit_count(), n) for c, n in masks)
    out = [0]
    while gains and len(out) <= sizes:
        g, n = gains.pop()
        out.extend(out[-1] + g for _ in range(min(n, sizes + 1 - len(out))))
    out.extend([out[-1]] * (sizes + 1 - len(out)))
    return out


def _beaten_after(rows: _Candidates, budget_s: int, limit: int,
                  starts: Sequence[int]) -> list[int]:
    """For each row, the last earlier row that beats it (-1 if none): one in the same
    position group that targets the same requested areas, comes first in the order (so its
    merit is no lower) and is no worse for time: it can take every length the later row can
    (or, when no set can fill 90% anyway, its shortest is no longer). Swapping the later row
    for it in any set gives a set as good and earlier in the order."""
    k = len(rows.stretch)
    longest = heapq.nlargest(limit, rows.longest)
    can_fill = sum(longest) + (limit - 1) * _DEAREST_MOVE_S >= FILL_TARGET * budget_s
    out = [-1] * k
    for a, b in zip(starts, list(starts[1:]) + [k]):
        for j in range(a + 1, b):
            for i in range(j - 1, a - 1, -1):
                if rows.cover[i] == rows.cover[j] and (
                        rows.durations[i] >= rows.durations[j] if can_fill
                        else rows.shortest[i] <= rows.shortest[j]):
                    out[j] = i
                    break
    return out


class _Search:
    """Branch and bound over `_Candidates`, depth first in their order.

    A branch is cut when no completion of it can beat the best set met so far or reach the
    floor (`_promising`), which keeps the first of equal sets. Rows come grouped by
    position in flow order, so a completion either stays in the current position's group,
    where its transition time is known exactly, or moves on to a later position, which
    costs more: bounding the two apart is what lets the search prove quickly that no set of
    lower transition time exists, the one question that ties among many equal stretches
    leave open.
    """

    def __init__(self, rows: _Candidates, budget_s: int, limit: int, floor: tuple = (),
                 summary_only: bool = False):
        self.rows = rows
        self.floor = floor
        self.budget_s = budget_s
        self.limit = limit
        self.n_target = target_count(budget_s, limit)
        self.fill_goal = FILL_TARGET * budget_s
        k = self.k = len(rows.stretch)
        starts = [j for j in range(k) if j == 0 or rows.pos[j] != rows.pos[j - 1]]
        self.group_end = [0] * k
        for a, b in zip(starts, starts[1:] + [k]):
            self.group_end[a:b] = [b] * (b - a)
        if not summary_only:
            self.beaten_after = _beaten_after(rows, budget_s, limit, starts)
            self.after = _afters(rows, limit, [])
            self.in_group = _afters(rows, limit, starts)
        (self._from_nothing, self._joining, self._entering, self._moving_on,
         self._most_total) = _transition_tables(limit)
        self._radices = _radices(limit)
        self.best_score: tuple | None = None
        self.best: tuple[int, ...] = ()
        self.chosen: list[int] = []
        self.counts = [0] * N_FLOW

    def run(self) -> tuple[tuple, tuple[int, ...]]:
        """The best score and the first set (as row indices) that reaches it."""
        self._visit(0, None, 0, 0, 0, 0, 0, 0, 0)
        return self.best_score or (), self.best

    def _visit(self, i, last, covered, min_sum, max_sum, irrelevant, rel, cited, gentle):
        rows, chosen, counts = self.rows, self.chosen, self.counts
        trans = set_transitions(counts) if chosen else 0
        if chosen:
            fills = max_sum + trans >= self.fill_goal
            score = _ranked(covered, fills, irrelevant, len(chosen), self.n_target, rel, cited,
                            gentle, trans)
            best = self.best_score
            if fills and (best is None or score > best):
                # The longest doses reach 90%, but whole-second steps may jump past the
                # budget: check exactly, only for a set that would otherwise win.
                fills = _can_fill([rows.durations[j] for j in chosen],
                                  math.ceil(self.fill_goal) - trans, self.budget_s - trans)
                score = _ranked(covered, fills, irrelevant, len(chosen), self.n_target, rel,
                                cited, gentle, trans)
            if best is None or score > best:
                self.best_score, self.best = score, tuple(chosen)
        if len(chosen) == self.limit:
            return
        state = (last, covered, min_sum, max_sum, irrelevant, rel, cited, gentle, trans)
        for j in range(i, self.k):
            # A bound on every completion from row j on covers every later child too.
            if not self._promising(j, *state):
                return
            if self.beaten_after[j] >= i:
                # A sibling tried before beats row j: any set with j but not it does no
                # better than the same set with it, which that sibling's branch has seen.
                continue
            counts[rows.pos[j]] += 1
            if min_sum + rows.shortest[j] + set_transitions(counts) <= self.budget_s:
                chosen.append(j)
                self._visit(j + 1, rows.pos[j], covered | rows.cover[j], min_sum + rows.shortest[j],
                            max_sum + rows.longest[j], irrelevant + (rows.rel[j] == 0),
                            rel + rows.rel[j], cited + rows.cited[j], gentle - rows.level[j])
                chosen.pop()
            counts[rows.pos[j]] -= 1

    def _beats(self, b: tuple) -> bool:
        """Whether a bound leaves room for a set worth finding: at or above the floor, and
        better than the best set met so far (an equal one would come later: not wanted)."""
        best = self.best_score
        return b > best if best is not None and best >= self.floor else b >= self.floor

    def _promising(self, j, last, covered, min_sum, max_sum, irrelevant, rel, cited, gentle,
                   trans) -> bool:
        """Whether adding rows from j on might give a set that `_beats`.

        Two kinds of completion are bounded apart, each size by size: those that stay in
        row j's position group (their transition time is exact) and those that reach a later
        position (every later position is a new one, at least 3 s dearer than staying).
        """
        n = len(self.chosen)
        state = (n, covered, min_sum, max_sum, irrelevant, rel, cited, gentle, trans)
        if last is None:
            stay = move = self._from_nothing
        else:
            pos = self.rows.pos[j]
            stay = self._joining if last == pos else self._entering[last][pos]
            move = self._moving_on
        if self._room(self.in_group[j], self.group_end[j] - j, stay, stay, *state):
            return True
        return self.group_end[j] < self.k and self._room(self.after[j], self.k - j, move,
                                                         _MOST_ADDED, *state)

    def _room(self, a: _After, available: int, least: Sequence[int], most: Sequence[int],
              n, covered, min_sum, max_sum, irrelevant, rel, cited, gentle, trans) -> bool:
        """Whether some completion by e of the rows `a` sums up, adding from least[e] to
        most[e] seconds of transition, has a bound that `_beats`.

        Each part of a bound tuple bounds that part for the completions of that size, so
        the tuple bounds them in the ranking's order. (Written for speed: it runs for
        every child of every node.)
        """
        sizes = min(available, self.limit - n)
        cov_all = (covered | a.cover).bit_count()
        cov_now = covered.bit_count()
        spare = self.budget_s - min_sum - trans
        goal = self.fill_goal
        most_total = self._most_total
        long_rel, long_other = a.long_rel, a.long_other
        n_rel, n_long_rel, n_long_other = a.relevant, len(long_rel) - 1, len(long_other) - 1
        # Only completions that cover as many areas as the set to beat can beat it.
        best = self.best_score
        to_beat = best if best is not None and best >= self.floor else self.floor
        new_areas = (to_beat[0] if to_beat else 0) - cov_now
        adds = _new_areas(a.masks, covered, sizes) if new_areas > 0 else None
        for e in range(1, sizes + 1):
            if a.shortest[e] + least[e] > spare:
                return False
            if adds is not None and new_areas > adds[e]:
                continue
            reach = max_sum + min(trans + most[e], most_total[n + e])
            need = e - n_rel if e > n_rel else 0
            fills = False
            for others in range(need, (e if e < n_long_other else n_long_other) + 1):
                r = e - others
                if reach + long_rel[r if r < n_long_rel else n_long_rel] + long_other[others] \
                        >= goal:
                    fills, need = True, others
                    break
            if fills and new_areas > e and a.gain > 1:
                # e rows cover e + (g - 1) * m areas at most when m of them target two or
                # more: so many rows must, and their doses bound what the set can reach.
                multi = -(-(new_areas - e) // (a.gain - 1))
                if multi >= len(a.long_multi):
                    continue
                rest = e - multi
                if reach + a.long_multi[multi] + long_rel[min(rest, n_long_rel)] \
                        + long_other[min(rest, n_long_other)] < goal:
                    fills = False
            # The fewest other rows a completion of this size can have: its merit is that of
            # the best relevant rows and the best others in those numbers.
            r = e - need
            cov = cov_now + (adds[e] if adds is not None else e * a.gain)
            head = (cov if cov < cov_all else cov_all, fills, -(irrelevant + need),
                    -abs(n + e - self.n_target))
            merit = (rel + a.rel[r], cited + a.cited[r] + a.cited_other[need],
                     gentle - a.level[r] - a.level_other[need])
            t = -(trans + least[e])
            if not self._beats(head + merit + (t,)):
                continue
            short = goal - reach
            if fills and short > 0:
                # Reaching 90% may cost merit: whatever the rows, pa * merit + pb * seconds
                # is at most the best e rows' sum, and the seconds must make up `short`.
                short = math.ceil(short)
                number = min((p[e] - pb * short) // pa
                             for (pa, pb), p in zip(a.prices, a.priced))
                r1, r2 = self._radices
                priced = (rel + number // r1, cited + number % r1 // r2,
                          gentle + number % r2 - 2 * e)
                if priced < merit and not self._beats(head + priced + (t,)):
                    continue
            return True
        return False
