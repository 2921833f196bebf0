"""Engagement: each stored fact that involves the subject country and a partner, as weight per vector.

A fact counts when it is asserted or reported, its kind has a weight (a state visit weighs more than
an official one, then agreements, meetings, cooperation, statements; `Settings.engagement_weights`),
and among its arguments are the subject and at least one partner. A person counts for the state or
organisation whose office they held on the fact's date, a ministry or city for its country. The
weight is split evenly among the fact's partners, which map to vectors through the catalog
(`Settings.balance_vectors`; organisations count as `multilateral` unless
`Settings.organisation_vectors` maps them elsewhere). Facts come from the store's query, so the
near-duplicate copies of one story count once.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from kopvector.entities.catalog.load import Catalog
from kopvector.settings import Settings
from kopvector.store.timespan import time_span

_COUNTED_MODALITIES = ("asserted", "reported")
_ENTITY_PREFIXES = ("country:", "org:", "person:", "body:", "place:")


@dataclass(frozen=True, slots=True)
class Engagement:
    """One partner's share of one fact: when, which vector, how much, and the article it rests on."""

    day: date
    vector: str
    partner: str
    weight: float
    article_id: str
    fact_id: str


class EngagementReader:
    """Turns stored facts into engagements of one subject, with the catalog and the settings' weights."""

    def __init__(self, catalog: Catalog, settings: Settings) -> None:
        self.catalog = catalog
        self.weights = _pairs(settings.engagement_weights, float)
        self.vectors = _pairs(settings.balance_vectors, str)
        self.organisations = _pairs(settings.organisation_vectors, str)

    def read(self, facts: Iterable[Mapping[str, Any]], subject: str) -> list[Engagement]:
        found = []
        for fact in facts:
            weight = self.weights.get(_weight_key(fact))
            day = _day(fact)
            if not weight or day is None or fact["modality"] not in _COUNTED_MODALITIES:
                continue
            sides = {self._side(value, day) for value in _entity_values(fact["args"])} - {None}
            if subject not in sides:
                continue
            partners = sorted(side for side in sides if side != subject)
            for partner in partners:
                vector = self._vector(partner)
                if vector is not None:
                    share = weight / len(partners)
                    found.append(Engagement(day, vector, partner, share, fact["article_id"], fact["id"]))
        return found

    def _side(self, entity_id: str, day: date) -> str | None:
        """The country or organisation `entity_id` acts for."""
        if entity_id.startswith(("country:", "org:")):
            return entity_id
        entry = self.catalog.get(entity_id)
        if entry is None:
            return None
        if entry.type == "person":
            offices = entry.offices_held_on(day.isoformat()) or entry.offices
            return offices[0].of if offices else None
        return entry.country

    def _vector(self, side: str) -> str | None:
        if side.startswith("org:"):
            return self.organisations.get(side, "multilateral")
        entry = self.catalog.get(side)
        if entry is None or entry.vector is None:
            return None
        return self.vectors.get(entry.vector, entry.vector)


def _weight_key(fact: Mapping[str, Any]) -> str:
    if fact["kind"] == "visit" and fact["args"].get("visit_type") in ("state", "official"):
        return f"{fact['args']['visit_type']}_visit"
    return fact["kind"]


def _day(fact: Mapping[str, Any]) -> date | None:
    if fact["time"]:
        start = time_span(fact["time"])[0]
        if start is not None:
            return start
    return date.fromisoformat(fact["published"]) if fact["published"] else None


def _entity_values(args: Mapping[str, Any]) -> Iterable[str]:
    for value in args.values():
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, str) and item.startswith(_ENTITY_PREFIXES):
                yield item


def _pairs(items: tuple[str, ...], cast: type) -> dict[str, Any]:
    """`("a=1", "b=2")` as a dict, the form settings hold mappings in."""
    return {key.strip(): cast(value.strip()) for key, _, value in (item.partition("=") for item in items)}
