"""Quick start: what the built-in catalog offers, grouped by category, and a sample ritual.

Run it with ``python examples/quickstart.py``.
"""

from __future__ import annotations

import selfcare
from selfcare import Category, Role


def main() -> None:
    catalog = selfcare.default_catalog()
    print(f"selfcare {selfcare.__version__}: the built-in catalog\n")
    for category in Category:
        found = catalog.find(category=category)
        if not found:
            continue
        note = " (opt-in)" if category.opt_in else ""
        print(f"{category.label.upper()}{note}")
        for strategy in found:
            roles = " & ".join(sorted(role.value for role in strategy.roles))
            print(f"  - {strategy.name} ({strategy.minutes} min, {strategy.effort.value} effort, {roles})")
        print()

    ritual = catalog.ritual("transition-between-sessions")
    print(f"A ritual for {', '.join(r.value for r in ritual.roles)}s: {ritual.name}")
    print(f"  {ritual.anchor.describe()}, {ritual.recurrence.describe()}, {ritual.minutes} minutes:")
    for number, step in enumerate(ritual.steps, start=1):
        print(f"  {number}. {catalog.strategy(step.strategy_id).name} ({step.minutes} min)")

    prompts = catalog.prompts_for(Role.CLIENT)
    print(f"\n{len(prompts)} reflection prompts for clients, e.g. {prompts[0].text!r}")


if __name__ == "__main__":
    main()
