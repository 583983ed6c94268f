"""Rows of recommendation features and decision logs: one per strategy, one per candidate."""

from __future__ import annotations

from selfcare._insights.recommend.decisions import Decision
from selfcare._insights.recommend.features import FEATURES, FeatureRow
from selfcare._io.rows.cells import Record


def feature_rows(row: FeatureRow, private: bool) -> list[Record]:
    """One row: the strategy, its category and a column per feature."""
    return [_features(row)]


def decision_rows(decision: Decision, private: bool) -> list[Record]:
    """One row per candidate, in catalog order: the decision, the features and the chance."""
    rank = {sid: position for position, sid in enumerate(decision.offered, start=1)}
    return [
        {
            "at": decision.at,
            "policy": decision.policy,
            "seed": decision.seed,
            "k": decision.k,
            "draws": decision.draws,
            **_features(candidate.features),
            "score": candidate.score,
            "probability": candidate.probability,
            "offered": candidate.strategy_id in rank,
            "rank": rank.get(candidate.strategy_id),
        }
        for candidate in decision.candidates
    ]


def _features(row: FeatureRow) -> Record:
    record: Record = {"strategy_id": row.strategy_id, "category": row.category.value}
    record.update({name: row.value(name) for name in FEATURES})
    return record
