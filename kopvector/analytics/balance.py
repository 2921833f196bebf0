"""The multi-vector balance per period: shares, normalised entropy, Herfindahl index, with intervals.

Entropy is Shannon's over all balance vectors, divided by log(number of vectors): 0 when everything
is on one vector, 1 when every vector has the same share. The Herfindahl index is the sum of squared
shares (1/K when even, 1 when concentrated). Intervals are percentile bootstrap intervals that
resample a period's articles with replacement, because an article, not a fact, is the independent
unit: one report of a summit yields several facts that rise and fall together.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date

import numpy as np

from kopvector.analytics.engagement import Engagement

VECTORS: tuple[str, ...] = (
    "russia",
    "china",
    "west",
    "turkic_world",
    "central_asia",
    "multilateral",
    "other_regions",
)
"""The balance's vectors, in the order tables and charts show them."""

PERIODS = ("month", "quarter", "year")
_CONFIDENCE = 0.95
_SEED = 1992  # fixed, so that the same store always prints the same intervals


@dataclass(frozen=True, slots=True)
class Interval:
    low: float
    high: float


@dataclass(frozen=True)
class PeriodBalance:
    """One period's balance; figures are None for a period without any engagement."""

    period: str
    facts: int
    articles: int
    weight: float
    shares: dict[str, float]
    share_intervals: dict[str, Interval]
    entropy: float | None
    entropy_interval: Interval | None
    hhi: float | None
    hhi_interval: Interval | None
    dominant: str | None
    thin: bool
    change: dict[str, float] = field(default_factory=dict)


def period_of(day: date, by: str) -> str:
    """The label of the month ("2024-07"), quarter ("2024-Q3") or year ("2024") containing `day`."""
    if by == "month":
        return f"{day.year}-{day.month:02d}"
    if by == "quarter":
        return f"{day.year}-Q{(day.month - 1) // 3 + 1}"
    if by == "year":
        return str(day.year)
    raise ValueError(f"period must be one of {', '.join(PERIODS)}, not {by!r}")


def normalised_entropy(shares: np.ndarray) -> np.ndarray:
    """Entropy of each row of shares (rows sum to 1) over all its columns, scaled to [0, 1]."""
    safe = np.where(shares > 0, shares, 1.0)
    entropy = -(shares * np.log(safe)).sum(axis=-1) / np.log(shares.shape[-1])
    return np.clip(entropy, 0.0, 1.0) + 0.0  # no -0.0 or 1.0000000002 from rounding


def herfindahl(shares: np.ndarray) -> np.ndarray:
    """Sum of squared shares of each row."""
    return (shares**2).sum(axis=-1)


def balance(
    engagements: Iterable[Engagement],
    by: str,
    min_facts: int,
    draws: int,
    vectors: Sequence[str] = VECTORS,
) -> list[PeriodBalance]:
    """Every period from the first engaged one to the last, empty ones included (and flagged)."""
    by_period: dict[str, list[Engagement]] = {}
    for engagement in engagements:
        by_period.setdefault(period_of(engagement.day, by), []).append(engagement)
    if not by_period:
        return []
    rng = np.random.default_rng(_SEED)
    results: list[PeriodBalance] = []
    for period in _all_periods(min(by_period), max(by_period), by):
        current = _one_period(period, by_period.get(period, []), vectors, min_facts, draws, rng)
        if results and current.entropy is not None and results[-1].entropy is not None:
            previous = results[-1]
            change = {"entropy": current.entropy - previous.entropy}
            change |= {v: current.shares[v] - previous.shares[v] for v in vectors}
            current = replace(current, change=change)
        results.append(current)
    return results


def _one_period(
    period: str,
    engagements: list[Engagement],
    vectors: Sequence[str],
    min_facts: int,
    draws: int,
    rng: np.random.Generator,
) -> PeriodBalance:
    facts = len({e.fact_id for e in engagements})
    articles = sorted({e.article_id for e in engagements})
    thin = facts < min_facts
    if not articles:
        return PeriodBalance(period, 0, 0, 0.0, {}, {}, None, None, None, None, None, thin)
    column = {vector: i for i, vector in enumerate(vectors)}
    row = {article: i for i, article in enumerate(articles)}
    table = np.zeros((len(articles), len(vectors)))
    for e in engagements:
        table[row[e.article_id], column[e.vector]] += e.weight
    totals = table.sum(axis=0)
    shares = totals / totals.sum()
    samples = table[rng.integers(0, len(articles), size=(draws, len(articles)))].sum(axis=1)
    sample_shares = samples / samples.sum(axis=1, keepdims=True)
    return PeriodBalance(
        period=period,
        facts=facts,
        articles=len(articles),
        weight=float(totals.sum()),
        shares={v: float(shares[i]) for v, i in column.items()},
        share_intervals={v: _interval(sample_shares[:, i]) for v, i in column.items()},
        entropy=float(normalised_entropy(shares)),
        entropy_interval=_interval(normalised_entropy(sample_shares)),
        hhi=float(herfindahl(shares)),
        hhi_interval=_interval(herfindahl(sample_shares)),
        dominant=vectors[int(np.argmax(shares))],
        thin=thin,
    )


def _interval(values: np.ndarray) -> Interval:
    tail = (1 - _CONFIDENCE) / 2 * 100
    low, high = np.percentile(values, [tail, 100 - tail])
    return Interval(float(low), float(high))


def _all_periods(first: str, last: str, by: str) -> list[str]:
    """Consecutive period labels from `first` to `last`, so that gaps show."""
    labels, day = [], _start_of(first, by)
    while (label := period_of(day, by)) <= last:
        labels.append(label)
        day = _next(day, by)
    return labels


def _start_of(label: str, by: str) -> date:
    year = int(label[:4])
    if by == "month":
        return date(year, int(label[5:7]), 1)
    if by == "quarter":
        return date(year, (int(label[-1]) - 1) * 3 + 1, 1)
    return date(year, 1, 1)


def _next(day: date, by: str) -> date:
    months = {"month": 1, "quarter": 3, "year": 12}[by]
    month = day.month - 1 + months
    return date(day.year + month // 12, month % 12 + 1, 1)
