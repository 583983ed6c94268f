"""A catalog for a drawn plan, whose strategy and ritual ids are any slugs."""

from __future__ import annotations

from selfcare import Catalog, Category, Plan, Revision, Ritual, Role, Strategy


def catalog_for(plan: Plan) -> Catalog:
    """A catalog holding every strategy and ritual a plan and its revisions name."""
    contents: list[Plan | Revision] = [plan, *plan.revisions]
    ids = {item.strategy_id for content in contents for item in content.items}
    rituals: dict[str, Ritual] = {}
    for content in contents:
        for ritual in content.rituals:
            rituals.setdefault(ritual.id, ritual)
    for ritual in rituals.values():
        ids |= {named for step in ritual.steps for named in (step.strategy_id, *step.alternatives)}
    strategies = [
        Strategy(i, f"Strategy {i}", Category.PHYSICAL, frozenset(Role), 10) for i in sorted(ids)
    ]
    return Catalog(strategies=strategies, rituals=list(rituals.values()))
