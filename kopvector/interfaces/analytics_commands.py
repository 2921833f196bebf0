"""`kopvector balance`: the multi-vector balance of a country per period, as a table, JSON, CSV or chart."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from kopvector.analytics.balance import PERIODS, VECTORS, PeriodBalance
from kopvector.interfaces.output import QueryFormat, emit
from kopvector.interfaces.store_commands import (
    DbOption,
    FormatOption,
    SinceOption,
    UntilOption,
    fail,
    parse_day,
    query_store,
)
from kopvector.settings import Settings


def balance(
    country: Annotated[str, typer.Option(help="The subject: an ISO code (KZ) or a country id.")] = "KZ",
    by: Annotated[str, typer.Option(help="Period: month, quarter or year.")] = "year",
    since: SinceOption = None,
    until: UntilOption = None,
    plot: Annotated[Path | None, typer.Option(help="Also draw the balance to FILE.png or FILE.svg.")] = None,
    db: DbOption = None,
    output_format: FormatOption = QueryFormat.table,
) -> None:
    """Each vector's share of the country's engagement per period, entropy and HHI with 95% intervals."""
    from kopvector.analytics.balance import balance as compute
    from kopvector.analytics.engagement import EngagementReader
    from kopvector.entities.catalog import load_catalog
    from kopvector.store.queries import find_facts

    if by not in PERIODS:
        raise fail(f"--by must be one of {', '.join(PERIODS)}, not {by!r}")
    if plot is not None and plot.suffix.lower() not in (".png", ".svg"):
        raise fail(f"{plot}: the chart must be a .png or .svg file")
    subject = country if ":" in country else f"country:{country.upper()}"
    settings = Settings.from_env()
    first, last = parse_day(since, 0), parse_day(until, 1)
    # All facts, not only those naming the country: a meeting of two presidents involves their states.
    stored = query_store(db, lambda c: find_facts(c, since=first, until=last))
    engagements = EngagementReader(load_catalog(), settings).read(stored, subject)
    periods = compute(engagements, by, settings.balance_min_facts, settings.bootstrap_draws)
    if not periods:
        raise fail(f"no engagement of {subject} with a partner is stored for this range", 1)
    emit(
        [_row(p, output_format) for p in periods],
        _columns(output_format),
        output_format,
        f"balance of {subject}",
    )
    if plot is not None:
        from kopvector.interfaces.plots import plot_balance

        plot_balance(periods, subject, plot)


def _columns(output_format: QueryFormat) -> list[str]:
    if output_format is QueryFormat.json:
        return [
            "period",
            "facts",
            "articles",
            "weight",
            "shares",
            "entropy",
            "hhi",
            "dominant",
            "thin",
            "change",
        ]
    if output_format is QueryFormat.csv:
        figures = ["entropy", "entropy_low", "entropy_high", "hhi", "hhi_low", "hhi_high"]
        shares = [f"{v}{end}" for v in VECTORS for end in ("", "_low", "_high")]
        return [
            "period",
            "facts",
            "articles",
            "weight",
            *figures,
            "dominant",
            "thin",
            "entropy_change",
            *shares,
        ]
    return ["period", "facts", "dominant", "entropy", "hhi", "change", *VECTORS]


def _row(p: PeriodBalance, output_format: QueryFormat) -> dict[str, Any]:
    """One period in the shape of the format: nested for JSON, flat columns for CSV, text for tables."""
    if output_format is QueryFormat.json:
        return {
            "period": p.period,
            "facts": p.facts,
            "articles": p.articles,
            "weight": p.weight,
            "shares": {v: {"share": p.shares[v], **_pair(p.share_intervals[v])} for v in p.shares},
            "entropy": {"value": p.entropy, **_pair(p.entropy_interval)} if p.entropy is not None else None,
            "hhi": {"value": p.hhi, **_pair(p.hhi_interval)} if p.hhi is not None else None,
            "dominant": p.dominant,
            "thin": p.thin,
            "change": p.change or None,
        }
    if output_format is QueryFormat.csv:
        row: dict[str, Any] = {
            "period": p.period,
            "facts": p.facts,
            "articles": p.articles,
            "weight": p.weight,
            "dominant": p.dominant,
            "thin": p.thin,
            "entropy_change": p.change.get("entropy"),
        }
        for name, value, interval in (
            ("entropy", p.entropy, p.entropy_interval),
            ("hhi", p.hhi, p.hhi_interval),
        ):
            row |= {
                name: value,
                f"{name}_low": interval and interval.low,
                f"{name}_high": interval and interval.high,
            }
        for v in VECTORS:
            interval = p.share_intervals.get(v)
            row |= {
                v: p.shares.get(v),
                f"{v}_low": interval and interval.low,
                f"{v}_high": interval and interval.high,
            }
        return row
    dominant = f"{p.dominant} {p.shares[p.dominant]:.0%}" if p.dominant else "–"
    return {
        "period": p.period + (" (thin)" if p.thin else ""),
        "facts": str(p.facts),
        "dominant": dominant,
        "entropy": _figure(p.entropy, p.entropy_interval, "{:.2f}"),
        "hhi": _figure(p.hhi, p.hhi_interval, "{:.2f}"),
        "change": f"{p.change['entropy']:+.2f}" if p.change else "",
        **{v: _percent(p.shares.get(v), p.share_intervals.get(v)) for v in VECTORS},
    }


def _percent(value: float | None, interval: Any) -> str:
    """A share as "57% [1–89]": the interval in the same percent, without repeating the sign."""
    if value is None:
        return "–"
    return f"{value:.0%} [{interval.low * 100:.0f}–{interval.high * 100:.0f}]"


def _pair(interval: Any) -> dict[str, float]:
    return {"low": interval.low, "high": interval.high}


def _figure(value: float | None, interval: Any, pattern: str) -> str:
    if value is None:
        return "–"
    return f"{pattern.format(value)} [{pattern.format(interval.low)}–{pattern.format(interval.high)}]"


COMMANDS = (balance,)
