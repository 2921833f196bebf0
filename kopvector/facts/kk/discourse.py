"""What earlier clauses of an article leave for later ones, and how each clause adds to it.

"екі ел", "тараптар", "ұйым", "ол", a bare "саммитке" or "Құжатқа қол қойылды" refer back to what the
article named before: the last sides, leaders, organisation, meeting, visit, deployment or document.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from kopvector.document import Fact
from kopvector.facts.kk.people import People, countries_of
from kopvector.facts.kk.reader import Reader
from kopvector.facts.kk.view import View

# Kinds that happen at an event and take its date when the text gives none.
_EVENT_KINDS = frozenset({"meeting", "visit", "agreement", "cooperation"})


@dataclass
class Discourse:
    """What earlier clauses of the article make available to later ones."""

    organisation: str | None = None  # the last organisation named: "ұйым", "одақ", "оған" refer to it
    organisations: list[str] = field(default_factory=list)  # all named so far, the latest last
    event: dict[str, str] = field(default_factory=dict)  # organisation and place of the last meeting
    event_time: str | None = None  # when the last meeting was: "Саммитке X қатысты" happened then
    forum: str | None = None  # the organisation of the last summit, even after bilateral talks at it
    # term, its words and modality of the last election to an organ: "Сол күні X да сайланды" is for it
    election: tuple[str, str | None, str] | None = None
    attendees: list[str] = field(default_factory=list)  # who met last: "тараптар", "мемлекет басшылары"
    person: str | None = None  # the last person named: "ол" refers to it
    leaders: list[str] = field(default_factory=list)  # the last two officials: "екі мемлекет басшысы"
    sides: list[str] = field(default_factory=list)  # the last two countries named: "екі ел"
    visit: dict[str, str] = field(default_factory=dict)  # the last visit: "сапар тоқтатылды"
    deployment: dict[str, str] = field(default_factory=dict)  # the last mission: "контингент құрамында"
    document: list[str] = field(default_factory=list)  # parties of the last agreement: "Құжатқа қол қойылды"
    groups: list[list[str]] = field(
        default_factory=list
    )  # states that met or signed together: "бес мемлекет"


def at_event(fact: Fact, discourse: Discourse) -> Fact:
    """An event-like fact with no time of its own happened at the event the article is telling
    ("Саммит қорытындысында декларация қабылданды", "Тараптар ... талқылады"): the date of the
    last meeting or visit stated. States (membership, missions) and plans ("келесі саммит ... өтеді")
    are not dated this way."""
    if (
        fact.time is not None
        or fact.kind not in _EVENT_KINDS
        or fact.modality == "planned"
        or discourse.event_time is None
    ):
        return fact
    return replace(fact, time=discourse.event_time)


def remember(read: Reader, view: View, discourse: Discourse, people: People, facts: list[Fact]) -> None:
    persons = view.ids("person:")
    for country in [*view.ids("country:"), *countries_of(read, persons, people)]:
        if country in discourse.sides:
            discourse.sides.remove(country)
        discourse.sides.append(country)
    del discourse.sides[:-2]
    discourse.organisation = next(reversed(view.ids("org:")), discourse.organisation)
    for org in view.ids("org:"):
        if org in discourse.organisations:
            discourse.organisations.remove(org)
        discourse.organisations.append(org)
    discourse.person = next(reversed(persons), discourse.person)
    for person in persons:
        if person in people.officials:
            if person in discourse.leaders:
                discourse.leaders.remove(person)
            discourse.leaders.append(person)
    del discourse.leaders[:-2]
    # "Абэ ... Моңғолия, Түрікменстан және Қырғызстанда болды": a tour names no talks; the sides of the
    # talks told before stay the sides
    tour = len({f.args["destination"] for f in facts if f.kind == "visit"}) > 1
    for fact in facts:
        if fact.kind == "meeting":
            forum, earlier = discourse.event.get("organization"), discourse.attendees
            discourse.event = {k: v for k, v in fact.args.items() if k in ("organization", "place")}
            discourse.event_time = fact.time or discourse.event_time
            attendees = countries_of(read, fact.args["participants"], people)
            attendees += [p for p in fact.args["participants"] if p.startswith("country:")]
            organisation = fact.args.get("organization")
            discourse.forum = organisation or discourse.forum
            if organisation and organisation == forum and any(a.startswith("country:") for a in earlier):
                attendees = [*earlier, *attendees]  # "Кездесуді ашқан Тоқаев": one more at the same forum
            discourse.attendees = (
                list(dict.fromkeys(attendees))
                if len(set(attendees)) > 1
                else ([organisation] if organisation else discourse.attendees)
            )
        elif fact.kind == "visit" and not tour:
            discourse.visit = dict(fact.args)
            discourse.event_time = fact.time or discourse.event_time
            date = fact.time or (
                view.doc.article.published.isoformat() if view.doc.article.published else None
            )
            hosts = (
                read.catalog.office_holders("head_of_state", fact.args["destination"], date) if date else ()
            )
            discourse.leaders = [fact.args["visitor"], *hosts[:1]]
            discourse.attendees = [*countries_of(read, discourse.leaders, people)]
        elif fact.kind == "agreement":
            discourse.document = list(fact.args["parties"])
        elif fact.kind == "mission_participation":
            discourse.deployment = {k: v for k, v in fact.args.items() if k in ("mission", "location")}
        states = [
            *countries_of(read, fact.args.get("participants", []), people),
            *(
                p
                for key in ("participants", "parties")
                for p in fact.args.get(key, [])
                if p.startswith("country:")
            ),
        ]
        group = list(dict.fromkeys(states))
        if len(group) > 2 and group not in discourse.groups:
            discourse.groups.append(group)
