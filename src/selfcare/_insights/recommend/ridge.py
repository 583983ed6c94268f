"""The default reward model of the doubly robust estimator: a ridge regression, cross-fitted."""

from __future__ import annotations

import math
from collections.abc import Callable

from selfcare._insights.recommend.features import FEATURES, FeatureRow

#: The ridge penalty of the default reward model.
RIDGE = 1.0

Model = Callable[[FeatureRow], float]


def ridge(data: list[tuple[FeatureRow, float]]) -> Model:
    """A ridge regression of the outcomes on the features (intercept not penalised).

    Centring the features and outcomes leaves the slopes to solve from
    ``(Xc' Xc + RIDGE * I) beta = Xc' yc``, a well-conditioned system; the intercept is
    ``mean(y) - beta . mean(x)``.
    """
    if not data:
        return lambda row: 0.0
    xs = [[float(getattr(row, name)) for name in FEATURES] for row, _ in data]
    size, count = len(FEATURES), len(data)
    x_mean = [math.fsum(x[j] for x in xs) / count for j in range(size)]
    y_mean = math.fsum(y for _, y in data) / count
    centred = [[v - m for v, m in zip(x, x_mean, strict=True)] for x in xs]
    a = [
        [math.fsum(x[r] * x[c] for x in centred) + (RIDGE if r == c else 0.0) for c in range(size)]
        for r in range(size)
    ]
    ys = [y - y_mean for _, y in data]
    b = [math.fsum(x[r] * y for x, y in zip(centred, ys, strict=True)) for r in range(size)]
    beta = _solve(a, b)
    intercept = y_mean - math.fsum(w * m for w, m in zip(beta, x_mean, strict=True))

    def predict(row: FeatureRow) -> float:
        return intercept + math.fsum(
            w * getattr(row, name) for w, name in zip(beta, FEATURES, strict=True)
        )

    return predict


def _solve(a: list[list[float]], b: list[float]) -> list[float]:
    """Solve ``a x = b`` for a symmetric positive definite ``a``, by Gaussian elimination."""
    n = len(b)
    m = [[*row, rhs] for row, rhs in zip(a, b, strict=True)]
    for col in range(n):  # no pivoting needed: every pivot of such a matrix is positive
        for r in range(col + 1, n):
            factor = m[r][col] / m[col][col]
            for c in range(col, n + 1):
                m[r][c] -= factor * m[col][c]
    x = [0.0] * n
    for r in range(n - 1, -1, -1):
        x[r] = (m[r][n] - math.fsum(m[r][c] * x[c] for c in range(r + 1, n))) / m[r][r]
    return x
