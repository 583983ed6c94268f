"""Strategy effects: how a person's ratings differed on days with and without a strategy.

These are associations in the person's own data, never causes: a better mood on walking
days may come from the weather that made the walk possible. Each effect is reported only
when there are at least three days with the strategy and three without, and the words say
"on days you ..., your mood was ... higher", never "walking raises your mood".

A day the strategy was deliberately skipped (a holiday, an illness) belongs to neither
side. Ratings are the day's means when several reflections fall on one day.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping

import attrs

from selfcare._core import checks as check
from selfcare._insights.days import (
    MEASURES,
    SLOT,
    Day,
    Measure,
    Window,
    check_count,
    window,
)
from selfcare._model.builtin_catalog import catalog_or_default
from selfcare._model.catalog import Catalog
from selfcare._model.reflections import Reflection

__all__ = ["Measure", "StrategyEffect", "strategy_effects"]

#: The fewest days with, and without, a strategy before an effect is reported.
MIN_DAYS = 3

#: Per strategy: the sums of the day means on days done (0–2) and skipped (3–5), and the
#: number of days each sum covers (6–8 done, 9–11 skipped), in the order mood, energy, stress.
Table = dict[str, list[float]]
#: Over all days: the sums of the day means (0–2) and the days each covers (3–5).
Totals = list[float]


@attrs.frozen
class StrategyEffect:
    """How one rating differed on days a strategy was practised and days it was not.

    An association in the person's own reflections, not a cause.

    Attributes:
        strategy_id: the strategy.
        measure: the rating compared: mood, energy or stress.
        days_with: days with a rating on which the strategy was done.
        days_without: days with a rating on which it was neither done nor skipped.
        mean_with: the mean rating on the days with it.
        mean_without: the mean rating on the days without it.

    Example:
        >>> effect = StrategyEffect("short-walk", Measure.MOOD, 9, 12, 6.9, 5.5)
        >>> effect.describe("Short walk")
        'on the 9 days you practised short walk, your mood was 1.4 points higher than on
        the 12 days you did not'
    """

    strategy_id: str
    measure: Measure
    days_with: int
    days_without: int
    mean_with: float
    mean_without: float

    def _repr_html_(self) -> str:
        """The effect as HTML for notebooks, worded as an association."""
        from selfcare._display.insights import effect_html

        return effect_html(self)

    @property
    def difference(self) -> float:
        """The mean with the strategy minus the mean without it."""
        return self.mean_with - self.mean_without

    @property
    def improvement(self) -> float:
        """The difference signed so that positive is better (lower stress is better)."""
        return self.difference if self.measure.higher_is_better else -self.difference

    def describe(self, name: str | None = None) -> str:
        """Say what was found in plain words, as an association.

        Args:
            name: the strategy's name to use (default: its id).
        """
        what = display_name(self.strategy_id if name is None else name)
        gap = round(abs(self.difference), 1)
        if gap == 0:
            how = "about the same as"
        else:
            how = f"{gap:.1f} points {'higher' if self.difference > 0 else 'lower'} than"
        return (
            f"on the {_days(self.days_with)} you practised {what}, your {self.measure.value} "
            f"was {how} on the {_days(self.days_without)} you did not"
        )

    def facts(self) -> dict[str, int | float | str]:
        """The figures behind the effect, by name, for a reason."""
        return {
            "measure": self.measure.value,
            "days_with": self.days_with,
            "days_without": self.days_without,
            "mean_with": round(self.mean_with, 2),
            "mean_without": round(self.mean_without, 2),
            "difference": round(self.difference, 2),
        }


def _days(count: int) -> str:
    return f"{count} day" if count == 1 else f"{count} days"


def display_name(name: str, limit: int = 60) -> str:
    """A name to use inside a sentence: lowercased start, shortened when long.

    The first letter is lowercased when the first word is an ordinary capitalised word
    ("Short walk", "A steady daily routine", "Self-compassion"), and kept when it looks like
    an acronym or a name ("ADHD", "McKenzie") or is the pronoun "I" ("I-statements").

    Example:
        >>> display_name("Short walk"), display_name("A proper lunch break")
        ('short walk', 'a proper lunch break')
        >>> display_name("ADHD-friendly routine"), display_name("I-statements")
        ('ADHD-friendly routine', 'I-statements')
    """
    first = _FIRST_WORD.match(name)
    word = "" if first is None else first.group()
    if word != "I" and word[:1].isupper() and word[1:] == word[1:].lower():
        name = name[0].lower() + name[1:]
    return name if len(name) <= limit else name[: limit - 3].rstrip() + "..."


#: The first word of a name, up to a space, a hyphen or an apostrophe.
_FIRST_WORD = re.compile(r"[^\s\-'’]*")


def effect_table(days: Mapping[int, Day]) -> tuple[Table, Totals]:
    """Sum the ratings of the days with and skipped for every strategy, in one pass."""
    table: Table = {}
    totals: Totals = [0.0] * 6
    for ordinal in sorted(days):
        day = days[ordinal]
        present = [(i, day.rating(i)) for i in range(3)]
        means = [(i, v) for i, v in present if v is not None]
        if not means:
            continue
        for i, value in means:
            totals[i] += value
            totals[i + 3] += 1
        for sid in day.done:
            row = table.get(sid)
            if row is None:
                row = table[sid] = [0.0] * 12
            for i, value in means:
                row[i] += value
                row[i + 6] += 1
        for sid in day.skipped:
            row = table.get(sid)
            if row is None:
                row = table[sid] = [0.0] * 12
            for i, value in means:
                row[i + 3] += value
                row[i + 9] += 1
    return table, totals


def effects_of(sid: str, row: list[float], totals: Totals, min_days: int) -> list[StrategyEffect]:
    """The effects of one strategy with enough days on both sides, mood first."""
    found = []
    for measure in MEASURES:
        i = SLOT[measure]
        with_n = int(row[i + 6])
        without_n = int(totals[i + 3] - row[i + 6] - row[i + 9])
        if with_n >= min_days and without_n >= min_days:
            without_sum = totals[i] - row[i] - row[i + 3]
            found.append(
                StrategyEffect(
                    sid, measure, with_n, without_n, row[i] / with_n, without_sum / without_n
                )
            )
    return found


def observed(row: list[float], totals: Totals) -> tuple[float, float] | None:
    """The mean improvement over the measures with at least a day on each side.

    Returns ``(improvement, 1/n_with + 1/n_without averaged over those measures)``, or
    ``None`` when no measure has a day on each side. Used to sample a plausible effect.
    """
    total = spread = 0.0
    used = 0
    for measure in MEASURES:
        i = SLOT[measure]
        with_n = row[i + 6]
        without_n = totals[i + 3] - row[i + 6] - row[i + 9]
        if with_n >= 1 and without_n >= 1:
            difference = row[i] / with_n - (totals[i] - row[i] - row[i + 3]) / without_n
            total += difference if measure.higher_is_better else -difference
            spread += 1 / with_n + 1 / without_n
            used += 1
    return None if not used else (total / used, spread / used)


def check_ids(field: str, value: object) -> frozenset[str]:
    """Require a collection of strategy ids; return it as a frozenset."""
    if isinstance(value, str | bytes) or not isinstance(value, Iterable):
        raise check.fail(field, "expected a collection of strategy ids, " + check.got(value))
    ids = frozenset(value)
    for sid in ids:
        check.check_slug(field, sid, "a strategy id")
    return ids


def strategy_effects(
    history: Iterable[Reflection],
    *,
    strategy_ids: Iterable[str] | None = None,
    min_days: int = MIN_DAYS,
    at: dt.datetime | None = None,
    days: int | None = None,
    catalog: Catalog | None = None,
) -> tuple[StrategyEffect, ...]:
    """Compare each rating on days a strategy was practised with days it was not.

    For every strategy and every rating (mood, energy, stress) with at least ``min_days``
    rated days with the strategy and as many without, the result holds the mean rating on
    each side. Days it was deliberately skipped count on neither side. These are
    associations in the person's own data, not causes; :meth:`StrategyEffect.describe`
    words them so.

    Args:
        history: the person's reflections, in any order.
        strategy_ids: the strategies to compare (default: every strategy practised).
        min_days: the fewest days on each side before an effect is reported (at least 1;
            3 unless there is a good reason).
        at: now, as a zoned instant: reflections after it are left out (default: none are).
        days: how many days to include, up to the local date of ``at`` or the last day with
            a reflection (default: all).
        catalog: the catalog the ``strategy_ids`` must be in (default: the built-in one);
            without ``strategy_ids``, every strategy practised is compared, in the catalog
            or not.

    Returns:
        The effects, ordered by strategy id, then mood, energy, stress.

    Raises:
        UnknownIdError: a strategy id given is not in the catalog.
        ValidationError: an argument is not valid.

    Example:
        >>> history = [
        ...     Reflection(at=pendulum.datetime(2026, 1, 1 + n, 20, tz="UTC"),
        ...                author=Role.CLIENT, ratings=Ratings(mood=7 if n % 2 else 5),
        ...                practised=[Practice.done("short-walk")] if n % 2 else [])
        ...     for n in range(8)
        ... ]
        >>> [effect.describe() for effect in strategy_effects(history)]
        ['on the 4 days you practised short-walk, your mood was 2.0 points higher than on
        the 4 days you did not']
    """
    looked_at = window(history, at, days)
    days_min = check_count("min_days", min_days, 1, 1_000)
    wanted = None if strategy_ids is None else check_ids("strategy_ids", strategy_ids)
    if wanted is not None:
        named = [("strategy_ids", sid) for sid in sorted(wanted)]
        catalog_or_default(catalog).require_at(strategies=named)
    return effects_in(looked_at, wanted, days_min)


def effects_in(
    looked_at: Window, wanted: frozenset[str] | None, days_min: int
) -> tuple[StrategyEffect, ...]:
    """The effects over a window of days (internal, validated)."""
    table, totals = effect_table(looked_at.days)
    found: list[StrategyEffect] = []
    for sid in sorted(table):
        if wanted is None or sid in wanted:
            found.extend(effects_of(sid, table[sid], totals, days_min))
    return tuple(found)
