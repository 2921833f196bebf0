"""Typed, read-only records of the reference catalog.

The catalog is plain data (YAML under `data/`); these classes are what the rest of kopvector sees, so a
linker or an exporter never has to know the file layout. Every record is frozen: the catalog is loaded
once and shared, and nobody may change it behind another stage's back.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

LANGUAGES: tuple[str, ...] = ("kk", "ru", "en")
"""Languages every entry is named in; `names` must hold all three."""

KINDS: tuple[str, ...] = ("country", "org", "mission", "person", "place", "body")
"""Id prefixes, one YAML file per kind (`countries.yaml`, `organisations.yaml`, ...)."""

REFERENCE_KINDS: tuple[str, ...] = KINDS
"""Prefixes an id may carry when it is referenced."""

VECTORS: tuple[str, ...] = (
    "home",
    "russia",
    "china",
    "united_states",
    "europe",
    "turkic_world",
    "central_asia",
    "middle_east_gulf",
    "south_asia",
    "east_asia_pacific",
    "africa",
    "latin_america",
    "multilateral",
    "other",
)
"""Foreign-policy vectors; the assignment rules are documented at the top of `country_overlay.yaml`."""

OFFICES: tuple[str, ...] = (
    "head_of_state",
    "head_of_government",
    "foreign_minister",
    "secretary_general",
    "president_of_european_council",
    "president_of_european_commission",
    "high_representative",
)
"""Office kinds `people.yaml` may use."""


def frozen_mapping(data: Mapping[str, Any] | None = None) -> Mapping[str, Any]:
    """A read-only copy, so shared catalog records cannot be edited in place."""
    return MappingProxyType(dict(data or {}))


@dataclass(frozen=True, slots=True)
class Membership:
    """One member of an organisation: who, since when, and in what capacity."""

    entity: str
    since: str | None = None
    until: str | None = None
    status: str = "member"


@dataclass(frozen=True, slots=True)
class Office:
    """One term in office; `of` is the country or organisation the office belongs to."""

    office: str
    of: str
    title: Mapping[str, str] = field(default_factory=frozen_mapping)
    title_aliases: Mapping[str, tuple[str, ...]] = field(default_factory=frozen_mapping)
    start: str | None = None
    end: str | None = None

    def held_on(self, date: str) -> bool:
        """True when `date` (YYYY, YYYY-MM or YYYY-MM-DD) falls in the term, at the precision both share."""
        return _within(date, self.start, self.end)


@dataclass(frozen=True, slots=True)
class CatalogEntry:
    """One thing with a canonical id: a country, organisation, mission, person or place."""

    id: str
    type: str
    names: Mapping[str, str]
    aliases: Mapping[str, tuple[str, ...]] = field(default_factory=frozen_mapping)
    vector: str | None = None
    lean: str | None = None
    parent: str | None = None
    country: str | None = None
    capital: str | None = None
    hosts: tuple[str, ...] = ()
    locations: tuple[str, ...] = ()
    members: tuple[Membership, ...] = ()
    offices: tuple[Office, ...] = ()
    demonyms: Mapping[str, tuple[str, ...]] = field(default_factory=frozen_mapping)
    stems: Mapping[str, tuple[str, ...]] = field(default_factory=frozen_mapping)
    start: str | None = None
    end: str | None = None
    extra: Mapping[str, Any] = field(default_factory=frozen_mapping)

    def name(self, lang: str = "en") -> str:
        """The name in `lang`, falling back to English (every entry has one)."""
        return self.names.get(lang) or self.names["en"]

    def surface_forms(self, lang: str | None = None) -> Iterator[str]:
        """Names, aliases, demonyms and stems a linker may match, for one language or all of them."""
        langs = LANGUAGES if lang is None else (lang,)
        for code in langs:
            if code in self.names:
                yield self.names[code]
            for table in (self.aliases, self.demonyms, self.stems):
                yield from table.get(code, ())

    def member(self, entity_id: str) -> Membership | None:
        """The membership row of `entity_id`, if it is listed."""
        return next((m for m in self.members if m.entity == entity_id), None)

    def offices_held_on(self, date: str) -> tuple[Office, ...]:
        """Offices this person held on `date`."""
        return tuple(o for o in self.offices if o.held_on(date))


def _within(date: str, start: str | None, end: str | None) -> bool:
    """Interval test on ISO prefixes: compare only as many characters as both sides have."""

    def cmp(a: str, b: str) -> int:
        n = min(len(a), len(b))
        return (a[:n] > b[:n]) - (a[:n] < b[:n])

    if start is not None and cmp(date, start) < 0:
        return False
    return end is None or cmp(date, end) <= 0
