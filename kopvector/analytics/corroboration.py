"""Corroboration: does a reference outside the articles agree with a stored fact?

Three answers, each with a short detail in plain words:

- `corroborated`: the reference has the claim — the country had personnel in the mission in a year
  of the claim, or the catalog lists the country as a member at that time;
- `contradicted`: the reference covers the whole claim and says otherwise — the country had zero
  personnel in that mission in *every* year of the claim, or a complete member list leaves the
  country out, or the country's membership had ended before the claim's time;
- `not_in_reference`: the reference is silent or cannot decide — years it does not cover, a
  mission it does not list, a member list that names only some members, a status other than the
  one claimed, or a claim dated before the membership began (often the vote or accession behind it).

A claim's years are those its time spans ("2014", "2018-05", "2014/2016", "2024-W12"); "since 2018"
is stored as "2018" and judged as that year. A participation without a time may be about any year
of the mission, so it is corroborated by personnel in any year, and contradicted only when the
mission's whole life (catalog start to end) lies inside the reference and every year is zero — an
undated claim about a mission that ran past the reference's last year cannot be disproved by it.
Only countries are judged (the references know no persons or bodies). Negated and planned facts are
left to the caller: they do not claim that a country served or belonged.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from types import MappingProxyType
from typing import Any

from kopvector.analytics.peacekeeping import PeacekeepingReference
from kopvector.entities.catalog.load import MEMBER_STATUSES, Catalog
from kopvector.entities.catalog.model import Membership
from kopvector.store.timespan import time_span


class Status(StrEnum):
    """How a reference stands to a fact (the values are what the store keeps)."""

    corroborated = "corroborated"
    not_in_reference = "not_in_reference"
    contradicted = "contradicted"


UN_PEACEKEEPING = "un-peacekeeping"
CATALOG = "catalog"

JUDGED_KINDS = ("mission_participation", "membership")
_MEMBER_STATUS_OF_CLAIM = MappingProxyType(
    {**{status: status for status in MEMBER_STATUSES}, "chair": "member"}
)
"""A claimed membership status → the catalog status that supports it (a chair is a member; an
applicant is not judged: the catalog records who belongs, not who applied)."""


@dataclass(frozen=True)
class Corroboration:
    """One fact's judgement: its status, why in a few words, and which reference said so."""

    status: Status
    detail: str
    reference: str


def corroborate(
    kind: str,
    args: Mapping[str, Any],
    time: str | None,
    *,
    catalog: Catalog,
    peacekeeping: PeacekeepingReference,
) -> Corroboration | None:
    """The judgement of one fact, or None when no reference can speak to it."""
    if kind == "mission_participation":
        participant, mission = args.get("participant"), args.get("mission")
        if _is_country(participant) and isinstance(mission, str):
            return judge_participation(participant, mission, time, catalog, peacekeeping)
    elif kind == "membership":
        member, organisation = args.get("member"), args.get("organization")
        claimed = _MEMBER_STATUS_OF_CLAIM.get(args.get("status") or "member")
        if _is_country(member) and isinstance(organisation, str) and claimed:
            return judge_membership(member, organisation, claimed, time, catalog)
    return None


def judge_participation(
    country: str, mission: str, time: str | None, catalog: Catalog, peacekeeping: PeacekeepingReference
) -> Corroboration:
    """A country's personnel in a UN mission, checked against the UN contributions reference."""
    status, detail = _personnel_verdict(country, mission, time, catalog, peacekeeping)
    return Corroboration(status, detail, UN_PEACEKEEPING)


def _personnel_verdict(
    country: str, mission: str, time: str | None, catalog: Catalog, peacekeeping: PeacekeepingReference
) -> tuple[Status, str]:
    code, acronym = _code(country), _code(mission)
    if mission not in peacekeeping.missions or country not in peacekeeping.countries:
        unknown = acronym if mission not in peacekeeping.missions else code
        return Status.not_in_reference, f"UN data has no figures for {unknown}"
    totals = peacekeeping.totals(country, mission)
    claimed = _claim_years(time)
    prefix = "" if claimed else "no year given; "
    years = claimed or _mission_years(catalog, mission)
    staffed = {y: n for y, n in sorted(totals.items()) if n > 0 and (years is None or y in years)}
    if len(staffed) == 1:
        ((year, count),) = staffed.items()
        return Status.corroborated, (
            f"{prefix}UN data (yearly average): {count} personnel from {code} in {acronym} in {year}"
        )
    if staffed:
        counts = ", ".join(f"{y} ({n})" for y, n in staffed.items())
        return (
            Status.corroborated,
            f"{prefix}UN data (yearly average): personnel from {code} in {acronym} in {counts}",
        )
    seen = sorted(y for y in totals if years is None or y in years)
    none_from = f"{prefix}UN data: no personnel from {code} in {acronym}"
    if years is not None and seen and len(seen) == len(years):
        return Status.contradicted, (
            f"{none_from} in {_span(seen)}"
            if claimed
            else f"{none_from} in any year of the mission ({_span(seen)})"
        )
    if not seen:
        asked = f" in {_span(years)}" if years else ""
        known = f" (it has {_span(totals)})" if totals else ""
        return (
            Status.not_in_reference,
            f"{prefix}UN data has no figures for {code} in {acronym}{asked}{known}",
        )
    missing = _span(set(years) - set(seen)) if years else "other years"
    return Status.not_in_reference, f"{none_from} in {_span(seen)}, no figures for {missing}"


def judge_membership(
    country: str, organisation: str, claimed: str, time: str | None, catalog: Catalog
) -> Corroboration:
    """A country's membership (or observer status), checked against the catalog's member list."""
    code, acronym = _code(country), _code(organisation)
    entry = catalog.get(organisation)
    if entry is None or not entry.members:
        return Corroboration(Status.not_in_reference, f"the catalog lists no members of {acronym}", CATALOG)
    row = entry.member(country)
    if row is None:
        if entry.extra.get("members_complete") is True:
            detail = f"{code} is not among the {len(entry.members)} members the catalog lists for {acronym}"
            return Corroboration(Status.contradicted, detail, CATALOG)
        detail = f"the catalog's list of {acronym} members is partial and does not name {code}"
        return Corroboration(Status.not_in_reference, detail, CATALOG)
    status = row.status.replace("_", " ")
    listed = f"the catalog lists {code} as {_article(status)} {status} of {acronym}{_term(row)}"
    if row.status != claimed:
        detail = f"{listed}, not as {_article(claimed)} {claimed.replace('_', ' ')}"
        return Corroboration(Status.not_in_reference, detail, CATALOG)
    when = _relative_time(time, row) if time else "during"
    if when == "during":
        return Corroboration(Status.corroborated, listed, CATALOG)
    if when == "before":
        detail = f"{listed}; the claim's {time} is earlier, perhaps the decision or election that led to it"
        return Corroboration(Status.not_in_reference, detail, CATALOG)
    return Corroboration(Status.contradicted, f"{listed}, not in {time}", CATALOG)


def _is_country(value: Any) -> bool:
    return isinstance(value, str) and value.startswith("country:")


def _code(entity_id: str) -> str:
    return entity_id.split(":", 1)[1]


def _claim_years(time: str | None) -> range | None:
    first, last = time_span(time) if time else (None, None)
    return range(first.year, last.year + 1) if first and last else None


def _mission_years(catalog: Catalog, mission: str) -> range | None:
    """The mission's life from the catalog; None (unbounded) when it has no start or still runs."""
    entry = catalog.get(mission)
    if entry is None or not entry.start or not entry.end:
        return None
    return range(int(entry.start[:4]), int(entry.end[:4]) + 1)


def _relative_time(time: str, row: Membership) -> str:
    """Where the claim's days lie against the membership's: "before", "during" (they meet) or "after".

    A membership fact dated before the membership began is often dated by the vote or accession that
    led to it ("elected on 28 June 2016" to a 2017-2018 seat), so the caller does not call it false.
    """
    first, last = time_span(time)
    since = time_span(row.since)[0] if row.since else None
    until = time_span(row.until)[1] if row.until else None
    if first is None or last is None:
        return "during"
    if since is not None and last < since:
        return "before"
    return "after" if until is not None and first > until else "during"


def _term(row: Membership) -> str:
    if row.since and row.until:
        return f" from {row.since} to {row.until}"
    if row.since:
        return f" since {row.since}"
    return f" until {row.until}" if row.until else ""


def _article(word: str) -> str:
    return "an" if word[0] in "aeiou" else "a"


def _span(years: Iterable[int]) -> str:
    """Years as short runs: 2011-2013, 2016, 2019-2021."""
    runs: list[list[int]] = []
    for year in sorted(years):
        if runs and year == runs[-1][-1] + 1:
            runs[-1].append(year)
        else:
            runs.append([year])
    return ", ".join(f"{r[0]}–{r[-1]}" if len(r) > 1 else str(r[0]) for r in runs)
