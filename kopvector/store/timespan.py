"""The calendar days an ISO 8601 fact time covers, so `--since/--until` can ask "does it overlap?".

"2014" covers the whole year, "2024-03" the month, "2025-W12" the week, "2024-07-03/2024-07-04" both
days; a filter then keeps a fact whose span overlaps the asked range.
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta


def time_span(value: str) -> tuple[date | None, date | None]:
    """First and last day of `value`; (None, None) for a form this does not know."""
    if "/" in value:
        first, _, last = value.partition("/")
        return _span(first)[0], _span(last)[1]
    return _span(value)


def _span(value: str) -> tuple[date | None, date | None]:
    try:
        if "-W" in value:
            year, week = value.split("-W")
            start = date.fromisocalendar(int(year), int(week), 1)
            return start, start + timedelta(days=6)
        parts = [int(p) for p in value.split("-")]
        if len(parts) == 1:
            return date(parts[0], 1, 1), date(parts[0], 12, 31)
        if len(parts) == 2:
            year, month = parts
            return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
        if len(parts) == 3:
            day = date(*parts)
            return day, day
    except ValueError:
        pass
    return None, None
