"""Category balance: how much of each area of self-care a person practised lately."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping

import attrs

from selfcare._core import checks as check
from selfcare._core.frozenmap import freeze
from selfcare._insights.days import (
    Day,
    check_count,
    minutes_of,
    to_date,
    window,
)
from selfcare._model.builtin_catalog import catalog_or_default
from selfcare._model.catalog import Catalog
from selfcare._model.categories import Category
from selfcare._model.reflections import Reflection
from selfcare._time.calendar import Period

__all__ = ["CategoryBalance", "category_balance"]

#: The days a balance looks at, by default.
BALANCE_DAYS = 14
#: Days of practice in the window below which a category is neglected, by default.
BALANCE_MIN_DAYS = 2
#: The areas looked at when no categories are given: the client's four everyday areas.
#: Spiritual care is opt-in and professional care is the therapist's, so pass them to
#: include them (``profile.allowed_categories`` does).
EVERYDAY = (Category.EMOTIONAL, Category.PHYSICAL, Category.MENTAL, Category.PRACTICAL)


@attrs.frozen
class CategoryBalance:
    """How a person's self-care was spread over the categories in a window of days.

    Attributes:
        period: the days looked at, or ``None`` when there was nothing to look at.
        days_reflected: days in the period with at least one reflection.
        minutes: minutes of practice per category (known minutes, else the strategy's
            typical minutes from the catalog).
        days: days per category on which some strategy of it was done.
        self_ratings: the mean self-rating (1 neglected to 5) per category the person rated.
        neglected: the categories looked at that were practised on fewer than ``min_days``
            days (or on none of the days reflected, when there were fewer), or self-rated
            2 or lower on average; in the order of :class:`Category`.
        min_days: the fewest days of practice for a category not to count as neglected.
        unknown_ids: the strategies practised in the period that the catalog does not hold
            (say, since removed from it), sorted; they count in no category.

    Example:
        >>> empty = category_balance([], at=pendulum.datetime(2026, 1, 14, 20, tz="UTC"))
        >>> empty.days_reflected, empty.neglected
        (0, ())
    """

    period: Period | None
    days_reflected: int
    minutes: Mapping[Category, int] = attrs.field(converter=freeze)
    days: Mapping[Category, int] = attrs.field(converter=freeze)
    self_ratings: Mapping[Category, float] = attrs.field(converter=freeze)
    neglected: tuple[Category, ...]
    min_days: int
    unknown_ids: tuple[str, ...] = ()

    def _repr_html_(self) -> str:
        """The balance as HTML for notebooks: a table per category, neglected ones marked."""
        from selfcare._display.insights import category_balance_html

        return category_balance_html(self)


def balance_of(
    days: Mapping[int, Day],
    catalog: Catalog,
    last: int,
    window: int,
    categories: Iterable[Category],
    min_days: int,
) -> CategoryBalance:
    """The balance over the ``window`` days ending on day ``last`` (internal, validated)."""
    first = last - window + 1
    cat_days: dict[Category, int] = {}
    cat_minutes: dict[Category, int] = {}
    rated: dict[Category, list[int]] = {}
    index = catalog._strategy_index
    unknown: set[str] = set()
    reflected = 0
    for ordinal in range(first, last + 1):
        day = days.get(ordinal)
        if day is None:
            continue
        reflected += 1
        seen: set[Category] = set()
        for sid in day.done:
            strategy = index.get(sid)
            if strategy is None:
                unknown.add(sid)
                continue
            category = strategy.category
            cat_minutes[category] = cat_minutes.get(category, 0) + minutes_of(day, sid, catalog)
            seen.add(category)
        for category in seen:
            cat_days[category] = cat_days.get(category, 0) + 1
        for category, (total, count) in day.self_ratings.items():
            pair = rated.setdefault(category, [0, 0])
            pair[0] += total
            pair[1] += count
    wanted = set(categories)
    shown = [c for c in Category if c in wanted or c in cat_days]
    means = {c: rated[c][0] / rated[c][1] for c in Category if c in rated}
    enough = min(min_days, reflected)
    neglected = tuple(
        c
        for c in Category
        if c in wanted
        and reflected
        and (cat_days.get(c, 0) < enough or (c in means and means[c] <= 2))
    )
    return CategoryBalance(
        period=Period(to_date(first), to_date(last)),
        days_reflected=reflected,
        minutes={c: cat_minutes.get(c, 0) for c in shown},
        days={c: cat_days.get(c, 0) for c in shown},
        self_ratings=means,
        neglected=neglected,
        min_days=min_days,
        unknown_ids=tuple(sorted(unknown)),
    )


def check_categories(value: object) -> tuple[Category, ...]:
    """Require a collection of categories; return them in the order of :class:`Category`."""
    if isinstance(value, str | bytes) or not isinstance(value, Iterable):
        raise check.fail("categories", "expected a collection of Category members")
    given = set(value)
    for item in given:
        if not isinstance(item, Category):
            raise check.fail("categories", check.expected_member(Category, item))
    return tuple(c for c in Category if c in given)


def category_balance(
    history: Iterable[Reflection],
    catalog: Catalog | None = None,
    *,
    at: dt.datetime | None = None,
    days: int = BALANCE_DAYS,
    categories: Iterable[Category] | None = None,
    min_days: int = BALANCE_MIN_DAYS,
) -> CategoryBalance:
    """Sum practice minutes and days per category over a window, and find neglected areas.

    A category looked at is neglected when it was practised on fewer than ``min_days`` of
    the window's days (or on none of the days reflected, when the person reflected on
    fewer days than that), or when the person self-rated it 2 or lower on average. With no
    reflection in the window nothing is called neglected: there is nothing to go on.

    Args:
        history: the person's reflections, in any order.
        catalog: where strategy categories and typical minutes are looked up (default:
            :func:`default_catalog`); strategies it does not hold count in no category and
            are listed in ``unknown_ids``.
        at: now, as a zoned instant: reflections after it are left out, and its local date
            is the window's last day (default: the last day with a reflection).
        days: the length of the window in days, from 1 to 366.
        categories: the categories to look at (default: emotional, physical, mental and
            practical; pass ``profile.allowed_categories`` to follow a profile).
        min_days: the fewest days of practice for a category not to be neglected.

    Returns:
        Minutes and days per category, self-ratings, and the neglected categories.

    Raises:
        ValidationError: an argument is not valid.

    Example:
        >>> history = [
        ...     Reflection(at=pendulum.datetime(2026, 1, n, 20, tz="UTC"), author=Role.CLIENT,
        ...                practised=[Practice.done("short-walk", 20)])
        ...     for n in range(1, 8)
        ... ]
        >>> balance = category_balance(history, days=7)
        >>> balance.minutes[Category.PHYSICAL], balance.days[Category.PHYSICAL]
        (140, 7)
        >>> [c.value for c in balance.neglected]
        ['emotional', 'mental', 'practical']
    """
    catalog = catalog_or_default(catalog)
    length = check_count("days", days, 1, 366)
    least = check_count("min_days", min_days, 1, 366)
    areas = EVERYDAY if categories is None else check_categories(categories)
    looked_at = window(history, at, length)
    if looked_at.last is None:
        return CategoryBalance(None, 0, {}, {}, {}, (), least)
    return balance_of(looked_at.days, catalog, looked_at.last, length, areas, least)
