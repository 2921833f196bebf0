"""Chairmanship facts: who chairs an organisation, and to whom the chair passes."""

from __future__ import annotations

from kopvector.document import Fact
from kopvector.facts.kk.discourse import Discourse
from kopvector.facts.kk.modality import make_fact
from kopvector.facts.kk.people import People
from kopvector.facts.kk.reader import Reader
from kopvector.facts.kk.roles import actors_in, organisations_in
from kopvector.facts.kk.view import View


def chair_receivers(read: Reader, view: View) -> list[str]:
    """States in the dative of a clause about the chair: who it may pass to ("төрағалық Қырғызстанға")."""
    if "төрағалық" not in view.lemmas:
        return []
    return [m.entity for m in read.countries(view) if read.case(view.doc, m) == "Dat"]


def chairmanship_facts(read: Reader, view: View, discourse: Discourse, people: People) -> list[Fact]:
    acting = any(set(words) <= set(view.lemmas) for words in read.cues["chairmanship"]["acts_as"])
    if "төрағалық" not in view.lemmas and not acting:
        return []
    countries = read.countries(view)
    receivers = chair_receivers(read, view)
    under = [
        m.entity
        for m in countries
        if read.case(view.doc, m) == "Gen"
        and view.lemmas[view.after(m) : view.after(m) + 1] == ["төрағалық"]
        and view.tokens[view.after(m)].feats.get("Case") in ("Ins", "Loc")
    ]  # "Үндістанның төрағалығымен өтті": held under India's chair
    # "төрағалық Әзірбайжанға өтті" passes the chair; "... төрағалығымен өтті" only took place
    passes = read.has(view, "chairmanship", "passes") and bool(receivers)
    owners = {m.entity for m in countries if read.case(view.doc, m) == "Gen"}
    if passes or under:
        chairs = receivers if passes else under
    else:  # the subject; "Қазақстанның алдағы төрағалығының басымдықтары" names a chair, states none
        chairs = [a for a in actors_in(read, view, people) if a.startswith("country:") and a not in owners]
    # "ұйымына мүше мемлекеттер басшылары кеңесінің отырысы": the organisation behind the organ
    orgs = organisations_in(read, view, discourse) or view.ids("org:")
    term = {"term": view.when} if view.when and view.own_time and not passes else {}
    handed = passes or "қабылда" in view.lemmas
    before = [
        m.entity
        for m in countries
        if handed
        and (
            read.case(view.doc, m) == "Abl"
            or (
                passes
                and read.case(view.doc, m) == "Gen"
                and "төрағалық" in view.lemmas[view.after(m) : view.after(m) + 4]
            )  # "Қазақстанның бір жылдық төрағалығы аяқталып, ... Қытайға өтті"
        )
    ]
    facts = [
        make_fact(read, view, "chairmanship", {"chair": chairs[0], "organization": orgs[0], **term}, 0.8)
        for _ in chairs[:1]
        for _ in orgs[:1]
    ]
    return facts + [
        make_fact(read, view, "chairmanship", {"chair": b, "organization": orgs[0]}, 0.7, modality="asserted")
        for b in before[:1]
        for _ in orgs[:1]
        if b not in chairs
    ]
