"""Cooperation facts: states or organisations that agree to work together, and in which sectors."""

from __future__ import annotations

from kopvector.document import Fact
from kopvector.facts.kk.agreement import in_title
from kopvector.facts.kk.discourse import Discourse
from kopvector.facts.kk.modality import make_fact
from kopvector.facts.kk.people import People
from kopvector.facts.kk.reader import Reader
from kopvector.facts.kk.roles import organisations_in, parties_in, sectors_in
from kopvector.facts.kk.view import View


def cooperation_facts(read: Reader, view: View, discourse: Discourse, people: People) -> list[Fact]:
    cues = read.cues["cooperation"]
    lemmas = view.lemmas
    named = any(
        lemma in cues["nouns"] and not in_title(read, view, i) for i, lemma in enumerate(lemmas)
    ) and read.has(view, "cooperation", "verbs")
    joint = any(lemma in cues["by_itself"] for lemma in lemmas) or any(
        view.phrase(phrase) for phrase in cues["phrases"]
    )
    if not (named or joint) or any(lemma in cues["calls"] for lemma in lemmas):
        return []
    parties = _member_states(read, view, discourse) or parties_in(read, view, discourse, people, minimum=2)
    if len(parties) < 2:
        return []
    return [
        make_fact(read, view, "cooperation", {"parties": parties, "sectors": sectors_in(read, view)}, 0.65)
    ]


def _member_states(read: Reader, view: View, discourse: Discourse) -> list[str]:
    """The full members, on the clause's date, of the organisation whose "мүше мемлекеттер" /
    "мүше елдер" the clause names ("Ұйымға мүше мемлекеттердің басшылары ... талқылады"), as the
    catalog lists them."""
    lemmas = view.lemmas
    if not any(
        lemmas[i] == "мүше" and lemmas[i + 1 : i + 2] in (["мемлекет"], ["ел"]) for i in range(len(lemmas))
    ):
        return []
    entry = next((read.catalog.get(org) for org in organisations_in(read, view, discourse)), None)
    published = view.doc.article.published
    year = (view.when or (published.isoformat() if published else ""))[:4]
    if entry is None or not year.isdigit():
        return []
    return [
        m.entity
        for m in entry.members
        if m.status == "member"
        and (m.since is None or m.since[:4] <= year)
        and (m.until is None or m.until[:4] >= year)
    ]
