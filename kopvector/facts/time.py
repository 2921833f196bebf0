"""Time expressions of a Kazakh sentence, resolved against the article's date.

Hand-written because date parsers (dateparser, dateutil) do not read Kazakh case forms: the year
carries its own suffixes ("2014 жылы", "2018 жылдан бастап"), months are inflected ("қарашада",
"қазанның") and day ranges are written "11-12 қарашада". Relative words (биыл, былтыр, кеше, бүгін,
өткен аптада) need the publication date. Month and relative words are data (`kk_fact_cues.yaml`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from kopvector.document import Token

_YEAR = re.compile(r"^(\d{4})(?:-\w+)?$")
_DAY = re.compile(r"^(\d{1,2})(?:-\w+)?$")
_YEAR_TAIL = ("бастап", "бері", "дейін", "шейін")


@dataclass(frozen=True, slots=True)
class TimeMention:
    """An ISO 8601 value ("2014", "2024-11", "2025-11-16", "2025-W49") and the words it came from."""

    value: str
    first: int
    last: int


class TimeResolver:
    """Finds the most precise time expression among a sentence's tokens."""

    def __init__(self, cues: dict[str, Any]) -> None:
        self.months: tuple[str, ...] = tuple(cues["months"])
        self.relative_days: dict[str, int] = dict(cues["relative_days"])
        self.relative_years: dict[str, int] = dict(cues["relative_years"])
        self.last_week: tuple[str, str] = tuple(cues["last_week"])  # type: ignore[assignment]
        self.year_phrases: dict[str, int] = dict(cues["year_phrases"])  # "өткен жылғы", "келесі жылы"
        self.that_year: frozenset[str] = frozenset(cues["that_year"])  # "сол жылы"

    def month(self, word: str) -> int | None:
        """1–12 for a lower-case month word in any case form; capitalised words are names (Қазан city)."""
        if not word[:1].islower() or not word.startswith(self.months):
            return None
        return next((i + 1 for i, m in enumerate(self.months) if word.startswith(m)), None)

    def find(
        self, tokens: list[Token], published: date | None, named_year: int | None = None
    ) -> TimeMention | None:
        """`named_year` is the year the text named last, which "сол жылы" (that year) refers to."""
        words = [t.norm for t in tokens]
        lowered = [w.lower() for w in words]
        year = self._explicit_year(words, lowered) or self._that_year(lowered, named_year)
        shift = self._year_shift(lowered)
        shifted = published.year + (shift[0] if shift else 0) if published else None
        for i in range(len(words)):
            month = self.month(words[i].lower() if i == 0 and self._not_a_name(tokens, i) else words[i])
            if month is None:
                continue
            # "былтыр шілдеде", "өткен жылғы қарашада": the month of the year the words point to
            if year and not year.value.isdigit():
                return year  # "1949–1989 жылдары ... тамызда": a month of a span of years is no one date
            base_year = int(year.value) if year else shifted
            if base_year is None:
                return year
            day_at = i - 1
            if day_at >= 0 and _DAY.match(words[day_at]):
                first = (
                    day_at - 2
                    if day_at >= 2 and words[day_at - 1] == "-" and _DAY.match(words[day_at - 2])
                    else day_at
                )
                day = int(_DAY.match(words[first]).group(1))  # type: ignore[union-attr]
                end = int(_DAY.match(words[day_at]).group(1))  # type: ignore[union-attr]
                if 1 <= day <= 31:
                    value = f"{base_year:04d}-{month:02d}-{day:02d}"
                    if day < end <= 31:  # "11-12 қарашада": an ISO interval of days
                        value += f"/{base_year:04d}-{month:02d}-{end:02d}"
                    return TimeMention(value, first, i + 1)
            return TimeMention(f"{base_year:04d}-{month:02d}", i, i + 1)
        if year:
            return year
        if published is None:
            return None
        for i, word in enumerate(lowered):  # a day or a week is more precise than a year
            if word in self.relative_days:
                return TimeMention(
                    (published + timedelta(days=self.relative_days[word])).isoformat(), i, i + 1
                )
            last, week = self.last_week  # "өткен аптада"
            if word == last and i + 1 < len(lowered) and lowered[i + 1].startswith(week):
                iso = (published - timedelta(days=7)).isocalendar()
                return TimeMention(f"{iso.year}-W{iso.week:02d}", i, i + 2)
        if shift:
            years, first, last = shift
            return TimeMention(str(published.year + years), first, last)
        return None

    def _year_shift(self, lowered: list[str]) -> tuple[int, int, int] | None:
        """Years from the article's year that relative words give ("былтыр" -1, "келесі жылы" +1), and
        the words' [first, last) span."""
        for i, word in enumerate(lowered):
            if word in self.relative_years:
                return self.relative_years[word], i, i + 1
            if i + 1 < len(lowered) and word in self.year_phrases and lowered[i + 1].startswith("жыл"):
                return self.year_phrases[word], i, i + 2
        return None

    def _that_year(self, lowered: list[str], named_year: int | None) -> TimeMention | None:
        if named_year is None:
            return None
        for i, word in enumerate(lowered[:-1]):
            if word in self.that_year and lowered[i + 1].startswith("жыл"):
                return TimeMention(str(named_year), i, i + 2)
        return None

    @staticmethod
    def _not_a_name(tokens: list[Token], i: int) -> bool:
        """A capitalised first word may still be a month: not when it names a city ("Қазан қаласында")."""
        tagged = tokens[i].ner not in ("O", "B-DATE", "I-DATE")
        city = i + 1 < len(tokens) and tokens[i + 1].norm.lower().startswith("қала")
        return not tagged and not city

    @staticmethod
    def _explicit_year(words: list[str], lowered: list[str]) -> TimeMention | None:
        for i, word in enumerate(words):
            match = _YEAR.match(word)
            if match and i + 1 < len(words) and lowered[i + 1].startswith("жыл"):
                last = i + 2
                if last < len(words) and lowered[last] in _YEAR_TAIL:
                    last += 1
                start = _YEAR.match(words[i - 2]) if i >= 2 and words[i - 1] in ("-", "–") else None
                if start and start.group(1) < match.group(1):  # "2017–2018 жылдары": an interval
                    return TimeMention(f"{start.group(1)}/{match.group(1)}", i - 2, last)
                return TimeMention(match.group(1), i, last)
        return None
