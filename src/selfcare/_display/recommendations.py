"""The HTML views of recommendations and of the support advisory.

When support is advised, its message comes first, as written, above anything else.
"""

from __future__ import annotations

from selfcare._core.describe import minutes_phrase
from selfcare._display.html import (
    Html,
    category_chip,
    el,
    muted,
    page,
    reason_list,
    section,
    table,
    warning_box,
    zoned_text,
)
from selfcare._display.html import meter as bar
from selfcare._display.palette import MUTED
from selfcare._insights.recommend.recommend import RecommendationList
from selfcare._insights.support import SupportAdvisory

__all__ = ["ORDER_RULE", "advisory", "recommendations_html", "support_html"]

#: How the table is ordered, said above it: the same order as ``to_records`` and ``items``.
ORDER_RULE = (
    "In the order of their score, best first; they are picked so that they spread over the "
    "areas of self-care, so a strategy may be left out for one of a category not yet shown."
)


def advisory(support: SupportAdvisory) -> Html:
    """The advisory's message in a highlighted box, with the figures behind it."""
    rule = support.rule
    figures = (
        f"{support.hard_days} hard day{'' if support.hard_days == 1 else 's'} of the last "
        f"{rule.window_days} (support is advised from {rule.min_days}); "
        f"{support.days_reflected} day{'' if support.days_reflected == 1 else 's'} with a "
        "check-in" + ("; asked for support" if support.wants_support else "")
    )
    if support.advised:
        return warning_box(
            el("div", el("b", "Reaching out is advised. "), support.message or None),
            el("div", figures, style="font-size:12px;margin-top:2px"),
        )
    return el("div", "No support advisory: ", muted(figures), style="margin:4px 0")


def support_html(support: SupportAdvisory) -> str:
    """The support advisory as HTML.

    Example:
        >>> calm = SupportAdvisory(False, "", 0, 5, False, DistressRule())
        >>> "No support advisory" in support_html(calm)
        True
    """
    return page(
        el("div", "Support advisory", style="font-weight:600;font-size:15px"),
        advisory(support),
        label="Support advisory",
    )


def recommendations_html(recs: RecommendationList) -> str:
    """Recommendations as HTML: the advisory when it is on, then a table by score, with reasons.

    Example:
        >>> recs = recommend(Profile(role=Role.CLIENT, timezone="UTC", daily_minutes=20),
        ...                  at=pendulum.datetime(2026, 1, 5, 18, tz="UTC"), k=2)
        >>> view = recommendations_html(recs)
        >>> recs[0].strategy.name in view, "Mon 5 Jan 2026 18:00 UTC" in view
        (True, True)
    """
    sub = (
        f"for {zoned_text(recs.at)} ({recs.time_of_day.value}) · "
        f"{minutes_phrase(recs.minutes_left)} left today · "
        f"{recs.eligible} strategies could be offered" + (" · exploring" if recs.explored else "")
    )
    head = el(
        "div",
        el("div", "Recommendations", style="font-weight:600;font-size:15px"),
        el("div", sub, style=f"color:{MUTED};font-size:12px"),
    )
    rows = [
        (
            el("b", str(rank)),
            [
                el("div", el("b", rec.strategy.name), title=rec.strategy.description or None),
                muted(rec.strategy.id),
            ],
            category_chip(rec.strategy.category),
            f"{rec.strategy.minutes} min",
            rec.strategy.effort.value,
            el("span", bar(rec.score, width=60), f"{rec.score:.2f}", style="white-space:nowrap"),
            reason_list(rec.reasons),
        )
        for rank, rec in enumerate(recs.items, start=1)
    ]
    ranked = (
        table(
            ["#", "Strategy", "Category", "Takes", "Effort", "Score", "Why"], rows, numeric=(0, 3)
        )
        if rows
        else muted("Nothing can be recommended.")
    )
    left_out = ", ".join(f"{count} by {rule}" for rule, count in sorted(recs.excluded.items()))
    notes = [
        el("div", muted("Fewer than asked for: ", recs.shortfall)) if recs.shortfall else None,
        el("div", muted("Left out: ", left_out)) if left_out else None,
    ]
    return page(
        head,
        advisory(recs.support) if recs.support.advised else None,
        section("Ranked", ranked, notes, sub=ORDER_RULE if rows else None),
        label="Recommendations",
    )
