"""Who the article's persons are: whose office each holds, and whether they hold one at all.

Read once per article from the catalog and from the titles the text gives ("Германия канцлері Олаф
Шольц"), it decides who can visit, meet or make a statement, and which country "екі ел" counts
each of them for.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kopvector.document import Doc
from kopvector.facts.kk.reader import Reader


@dataclass
class People:
    """What the article says about its persons: whose office they hold, and whether they hold one."""

    countries: dict[str, str] = field(default_factory=dict)  # "Франция Президенті Макрон" → country:FR
    officials: set[str] = field(default_factory=set)


def read_people(read: Reader, doc: Doc) -> People:
    """Whose office each person holds, read from the catalog and from titles the article gives
    ("Германия канцлері Олаф Шольц"), and which persons are officials at all."""
    people = People()
    starts = {m.first: m for m in doc.mentions if m.entity and m.entity.startswith("person:")}
    for mention in doc.mentions:
        entity = mention.entity or ""
        title = doc.tokens[mention.first : mention.last]
        if mention.label == "POSITION" and entity.startswith("person:") and any(map(read.is_office, title)):
            people.officials.add(entity)  # "Сыртқы істер министрі", not "әнші"
        if not entity.startswith("country:"):
            continue
        i = mention.last
        while i < len(doc.tokens) and i - mention.last < 4 and i not in starts:
            if doc.tokens[i].pos == "PUNCT" or doc.tokens[i].pos == "VERB":
                break
            i += 1
        person = starts.get(i)
        if person and any(read.is_office(t) for t in doc.tokens[mention.last : i]):
            people.countries.setdefault(person.entity or "", entity)
            people.officials.add(person.entity or "")
    for mention in starts.values():
        entry = read.catalog.get(mention.entity or "")
        if entry is not None and entry.offices:
            people.officials.add(entry.id)
    return people


def is_official(read: Reader, speaker: str | None, people: People) -> bool:
    """Whether a speaker holds an office or speaks for an institution."""
    entry = read.catalog.get(speaker) if speaker else None
    if entry is not None and entry.type in ("body", "country", "org"):
        return True
    return speaker in people.officials


def countries_of(read: Reader, persons: list[str], people: People) -> list[str]:
    """The countries whose offices these persons held (Putin → Russia), for "екі ел"."""
    countries = []
    for person in persons:
        entry = read.catalog.get(person)
        of = {o.of for o in entry.offices if o.of.startswith("country:")} if entry else set()
        if len(of) == 1:
            countries.append(of.pop())
        elif person in people.countries:
            countries.append(people.countries[person])
    return countries
