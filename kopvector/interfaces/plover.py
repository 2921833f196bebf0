"""Facts as PLOVER event records (Political Language Ontology for Verifiable Event Records).

One record per fact that the pipeline gave a PLOVER category (`facts/data/kk_fact_cues.yaml`: visit
and meeting CONSULT, agreement AGREE, cooperation COOPERATE, mission participation AID in military
mode); membership and chairmanship are states and a statement is speech, so they have none and are
not exported. PLOVER events are dyadic, so each kind names the roles its actor and its recipient come
from, in order of preference (`ROLES`); the recipient is never the actor itself.

Fields of each record:

- `id` — kopvector's fact id; `date` — the fact's time, else the article's date, ISO 8601 as precise
  as the text ("2014", "2024-03", "2024-07-03");
- `event`, `mode` — the PLOVER category and mode (null when the category has none);
- `actor`, `recipient` — kopvector entity ids; `actor_country`, `recipient_country` — ISO 3166-1
  alpha-3 code of the country the entity is, belongs to (a body, a place) or serves as office-holder on
  the event's date (a person), else null;
- `text` — the evidence sentence; `url`, `publisher`, `title`, `published` — of the article;
- `article_id`, `sources` — where kopvector read it; `kind`, `modality`, `args`, `time_text`,
  `confidence` — the fact as kopvector stored it, for what PLOVER has no field for.
"""

from __future__ import annotations

from typing import Any

from kopvector.entities.catalog import Catalog

ROLES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "visit": (("visitor",), ("destination", "host")),
    "meeting": (("participants", "organization"), ("participants", "organization")),
    "agreement": (("parties",), ("parties",)),
    "cooperation": (("parties",), ("parties",)),
    "mission_participation": (("participant",), ("mission", "location")),
    "statement": (("speaker",), ("venue",)),
}
"""Per kind: the argument roles the actor is taken from, then those the recipient is taken from."""


def plover_events(
    facts: list[dict[str, Any]], articles: dict[str, dict[str, Any]], catalog: Catalog
) -> list[dict[str, Any]]:
    """PLOVER records of the facts (query rows) that carry a PLOVER category, in the facts' order.

    `articles` maps article ids to their `url` and `outlet` (`queries.article_links`).
    """
    return [_event(fact, articles[fact["article_id"]], catalog) for fact in facts if fact["plover"]]


def _event(fact: dict[str, Any], article: dict[str, Any], catalog: Catalog) -> dict[str, Any]:
    actor_roles, recipient_roles = ROLES.get(fact["kind"], ((), ()))
    actor = next(iter(_candidates(fact["args"], actor_roles)), None)
    recipient = next((c for c in _candidates(fact["args"], recipient_roles) if c != actor), None)
    when = fact["time"] or fact["published"]
    return {
        "id": fact["id"],
        "date": when,
        "event": fact["plover"]["event_type"],
        "mode": fact["plover"].get("mode"),
        "actor": actor,
        "actor_country": _country(actor, when, catalog),
        "recipient": recipient,
        "recipient_country": _country(recipient, when, catalog),
        "text": fact["evidence"],
        "url": article["url"],
        "publisher": article["outlet"],
        "title": fact["title"],
        "published": fact["published"],
        "article_id": fact["article_id"],
        "sources": fact["sources"],
        "kind": fact["kind"],
        "modality": fact["modality"],
        "args": fact["args"],
        "time_text": fact["time_text"],
        "confidence": fact["confidence"],
    }


def _candidates(args: dict[str, Any], roles: tuple[str, ...]) -> list[str]:
    """The entity ids filling `roles`, in role order and, within a list, in the text's order."""
    found: list[str] = []
    for role in roles:
        value = args.get(role)
        found += [v for v in (value if isinstance(value, list) else [value]) if isinstance(v, str)]
    return found


def _country(entity: str | None, when: str | None, catalog: Catalog) -> str | None:
    """The alpha-3 code of the country an entity is, belongs to, or holds an office of on `when`."""
    entry = catalog.get(entity) if entity else None
    if entry is None:
        return None
    country = entry.id if entry.type == "country" else entry.country
    if country is None and entry.offices and when:
        country = next((office.of for office in entry.offices_held_on(when)), None)
    home = catalog.get(country) if country else None
    return home.extra.get("iso3") if home else None
