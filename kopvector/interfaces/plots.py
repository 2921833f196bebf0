"""Charts a person can read: the balance over time and its latest period, and an entity's timeline.

matplotlib with the Agg backend, so charts render on a server or in CI without a display; the file's
extension (.png or .svg) chooses the format.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.patches import Patch

from kopvector.analytics.balance import VECTORS, PeriodBalance

_LABELS = {
    "russia": "Russia",
    "china": "China",
    "west": "West (US, Europe)",
    "turkic_world": "Turkic world",
    "central_asia": "Central Asia",
    "multilateral": "Multilateral",
    "other_regions": "Other regions",
}


def plot_balance(periods: list[PeriodBalance], subject: str, path: Path) -> None:
    """Stacked vector shares per period with the entropy line and its interval; a radar of the latest."""
    figure = plt.figure(figsize=(13, 5.5), layout="constrained")
    grid = figure.add_gridspec(1, 3)
    axes = figure.add_subplot(grid[0, :2])
    # Empty periods stay on the axis (gaps show) but unlabelled, so that long ranges stay legible.
    labels = [p.period + (f"\n({p.facts} facts)" if p.thin else "") if p.facts else "" for p in periods]
    x = np.arange(len(periods))
    bottom = np.zeros(len(periods))
    colours = plt.get_cmap("tab10").colors
    alpha = [0.45 if p.thin else 1.0 for p in periods]
    for i, vector in enumerate(VECTORS):
        values = np.array([p.shares.get(vector, 0.0) for p in periods])
        bars = axes.bar(x, values, bottom=bottom, color=colours[i], width=0.8)
        for bar, shade in zip(bars, alpha, strict=True):
            bar.set_alpha(shade)
        bottom += values
    axes.set_ylim(0, 1)
    axes.set_ylabel("share of weighted engagement")
    crowded = len(labels) > 8
    axes.set_xticks(x, labels, rotation=45 if crowded else 0, ha="right" if crowded else "center", fontsize=8)
    entropy_axes = axes.twinx()
    # NaN for a period without engagement breaks the line there instead of drawing across the gap.
    entropy = [np.nan if p.entropy is None else p.entropy for p in periods]
    low = [np.nan if p.entropy_interval is None else p.entropy_interval.low for p in periods]
    high = [np.nan if p.entropy_interval is None else p.entropy_interval.high for p in periods]
    entropy_axes.plot(x, entropy, color="black", marker="o", label="entropy")
    entropy_axes.fill_between(x, low, high, color="black", alpha=0.15, label="95% interval")
    entropy_axes.set_ylim(0, 1.05)
    entropy_axes.set_ylabel("normalised entropy (1 = even)")
    handles = [Patch(color=colours[i]) for i in range(len(VECTORS))]
    handles += entropy_axes.get_legend_handles_labels()[0]
    names = [_LABELS[v] for v in VECTORS] + entropy_axes.get_legend_handles_labels()[1]
    axes.legend(
        handles, names, loc="upper left", bbox_to_anchor=(0, -0.16), ncol=5, fontsize=8, frameon=False
    )
    axes.set_title(f"Multi-vector balance of {subject}: shares per period (faded: few facts)")
    known = [p for p in periods if p.entropy is not None]
    solid = [p for p in known if not p.thin]
    _radar(figure.add_subplot(grid[0, 2], projection="polar"), (solid or known or [None])[-1])
    figure.savefig(path, dpi=130)
    plt.close(figure)


def _radar(axes: Any, latest: PeriodBalance | None) -> None:
    angles = np.linspace(0, 2 * np.pi, len(VECTORS), endpoint=False)
    closed = np.append(angles, angles[0])
    axes.set_xticks(angles, [_LABELS[v] for v in VECTORS], fontsize=8)
    if latest is None:
        axes.set_title("no engagement recorded")
        return
    values = np.array([latest.shares[v] for v in VECTORS])
    axes.plot(closed, np.append(values, values[0]), color="tab:blue")
    axes.fill(closed, np.append(values, values[0]), color="tab:blue", alpha=0.25)
    axes.set_ylim(0, max(0.5, float(values.max())))
    thin = " (few facts)" if latest.thin else ""
    title = f"latest: {latest.period}{thin}\nentropy {latest.entropy:.2f}, HHI {latest.hhi:.2f}"
    axes.set_title(title, fontsize=10, pad=16)


def plot_timeline(events: list[dict[str, Any]], entity: str, path: Path) -> None:
    """One row per fact kind, a dot per event labelled with its year and what it concerns.

    A filled dot is dated by the text ("2018 жылдан бері"); a hollow one only by its article's date,
    which says when it was reported, not when it happened.
    """
    dated = [e for e in events if e["date"]]
    kinds = sorted({e["kind"] for e in dated})
    figure, axes = plt.subplots(figsize=(11, 1.4 + 0.7 * max(1, len(kinds))), layout="constrained")
    for row, kind in enumerate(kinds):
        for event in (e for e in dated if e["kind"] == kind):
            year = _year(event["date"])
            by_text = event["dated_by"] == "text"
            axes.scatter(
                year, row, s=70, zorder=3, color="tab:blue", facecolors="tab:blue" if by_text else "white"
            )
            label = f"{event['date'][:4]}\n{_subject(event['what'])}" if by_text else ""
            axes.annotate(
                label, (year, row), textcoords="offset points", xytext=(0, 9), ha="center", fontsize=8
            )
    axes.set_yticks(range(len(kinds)), kinds)
    axes.set_ylim(-0.6, len(kinds) - 0.1)
    axes.grid(axis="x", alpha=0.3)
    axes.set_xlabel("year (hollow: dated only by the article that reports it)")
    axes.set_title(f"Timeline of {entity} ({len(dated)} events)")
    figure.savefig(path, dpi=130)
    plt.close(figure)


def _subject(what: str) -> str:
    """The mission, organisation or place an event concerns, without its id prefix, for a label."""
    parts = dict(part.split("=", 1) for part in what.split("; ") if "=" in part)
    for role in ("mission", "organization", "destination", "place", "location"):
        if role in parts:
            return parts[role].split(", ")[0].split(":", 1)[-1]
    return ""


def _year(value: str) -> float:
    """A fractional year for an ISO date, month or year (interval: its start)."""
    first = value.split("/")[0]
    parts = first.split("-")
    year = float(parts[0])
    if len(parts) > 1 and parts[1].isdigit():
        year += (int(parts[1]) - 1) / 12
    return year
