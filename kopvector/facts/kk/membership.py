"""Membership facts: who belongs to, observes, partners, applies to or leaves an organisation."""

from __future__ import annotations

from kopvector.document import Fact
from kopvector.facts.kk.discourse import Discourse
from kopvector.facts.kk.forums import forums_in
from kopvector.facts.kk.modality import make_fact, refuses
from kopvector.facts.kk.people import People
from kopvector.facts.kk.reader import Reader
from kopvector.facts.kk.roles import actors_in, organisations_in
from kopvector.facts.kk.view import View
from kopvector.facts.kk.words import contains
from kopvector.facts.quote_cues import lemma as _lemma


def membership_facts(read: Reader, view: View, discourse: Discourse, people: People) -> list[Fact]:
    lemmas = view.lemmas
    cues = read.cues["membership"]
    observer, partner, founder = (
        any(all(w in lemmas for w in words) for words in cues[k]) for k in ("observer", "partner", "founder")
    )
    observer = observer or ("бақылаушы" in lemmas and _in_organisation(read, view))
    joining = [
        i
        for i, t in enumerate(view.tokens)
        if (_lemma(t) in cues["verbs"] or view.words[i].startswith(tuple(cues["verb_forms"])))
        and t.pos in ("VERB", "AUX")
    ]
    # "ұйымға кірді", "ұйымға кіру туралы өтініш берді"; "ДСҰ-ға кіру шарттары" names the accession only
    asks = bool(joining) and any(lemma in cues["applies"] for lemma in lemmas)
    joins = asks or any(read.predicates(view, i) for i in joining)
    if any(lemma in cues["programmes"] for lemma in lemmas):
        return []  # "бағдарламасына қосылды": joining a programme is cooperation, not membership
    leaves = any(w.startswith(tuple(cues["leaves"])) for w in view.words) or (
        "мүшелік" in lemmas and any(w.startswith(tuple(cues["stops"])) for w in view.words)
    )  # "одан шығып кетті", "мүшелігін тоқтатты"
    stays = any(
        w.startswith(tuple(cues["stays"]))
        or (w.startswith(tuple(cues["leaves"])) and view.words[i + 1 : i + 2] == ["жоқ"])
        for i, w in enumerate(view.words)
    )  # "Ереван ұйымнан ресми түрде шыққан жоқ": still a member
    leaves = leaves and not stays
    admitting = [
        t for t in view.tokens if _lemma(t) in cues["admits"] and _in_organisation(read, view, case="Dat")
    ]
    passive = any(t.feats.get("Voice") == "Pass" or _lemma(t) == "қабылдан" for t in admitting)
    admitted = [
        m.entity
        for m in read.countries(view)
        if admitting and read.case(view.doc, m) in (("Nom", None) if passive else ("Acc",))
    ]  # "Үндістан мен Пәкістанды ұйымға қабылдау туралы шешім", "Армения мен Әзірбайжан Кеңеске қабылданған"
    if passive and not admitted and contains(view.words, ["екі", "ел"]):
        admitted = list(discourse.sides)  # "Екі ел ұйым қатарына ... қабылданған еді"
    voted = any(w.startswith(tuple(cues["elected"])) for w in view.words)
    elected = voted and (
        bool(view.ids("org:"))
        or any(
            lemma in read.cues["organisation_words"] and t.feats.get("Case") == "Dat"
            for lemma, t in zip(lemmas, view.tokens, strict=True)
        )  # "Кеңеске сайланды": to the council the article is about
    )
    if not (
        any(lemma in cues["nouns"] for lemma in lemmas)
        or observer
        or partner
        or founder
        or joins
        or leaves
        or stays
        or elected
        or admitted
    ):
        return []
    to_be = any(
        lemmas[i] == "мүше" and view.words[i + 1 : i + 2] and view.words[i + 1].startswith("болу")
        for i in range(len(lemmas))
    )  # "мүше болуға өтінім", "мүше болу жөніндегі міндеттемелері": not yet a member
    # "мүше болудан бас тартты": refused to join, so no member (and no applicant either)
    applies = (to_be and not refuses(read, view)) or any(
        lemma in read.cues["membership"]["applies"] for lemma in lemmas
    )
    attributive = (
        all(
            view.words[i + 1 : i + 2] and _lemma(view.tokens[i + 1]) in ("ел", "мемлекет")
            for i in range(len(lemmas))
            if lemmas[i] == "мүше"
        )
        and "мүше" in lemmas
    )  # "ұйымға мүше елдер": describes the members, names none
    if attributive and not (observer or partner or founder or joins):
        return []
    # "БҰҰ Бас Ассамблеясының отырысында ... сайланды": the forum is not what one joins; but "ШЫҰ-ға ...
    # Астана саммитінде қабылданған" is admitted to the organisation named in the dative
    forums = forums_in(read, view) - {
        m.entity for m in view.mentions if m.entity.startswith("org:") and read.case(view.doc, m) == "Dat"
    }
    applies = applies or any(t.feats.get("VerbForm") == "Vnoun" for t in admitting)  # a decision to admit
    status = (
        "observer" if observer else "dialogue_partner" if partner else "applicant" if applies else "member"
    )
    described = [
        m.entity
        for m in view.mentions
        if m.entity.startswith("country:")
        and m.first > view.first
        and view.lemmas[m.first - view.first - 1] == "мүше"
    ]  # "Ұйымға мүше Арменияның Премьер-министрі": the member state before its title
    members = actors_in(read, view, people, capitals=True) + [
        m.entity
        for m in view.mentions
        if m.entity.startswith("place:")
        and read.stateless(m.entity)
        and read.case(view.doc, m) in ("Nom", None)
    ]  # a territory the catalog keeps without a state: "Солтүстік Кипр бақылаушы ретінде қатысады"
    if not members and contains(view.words, ["екі", "ел"]):
        members = list(discourse.sides)  # "Екі ел де ... мүшесі"
    elif not members and discourse.sides and _this_country(read, view):
        members = discourse.sides[-1:]  # "Орбан да келді, бұл ел ұйымда бақылаушы"
    if any(w.startswith(tuple(cues["given"])) for w in view.words):  # "СКТР-ға мәртебесі берілді"
        members += [
            m.entity for m in view.mentions if read.case(view.doc, m) == "Dat" and read.stateless(m.entity)
        ]
    when = time_text = modality = None
    if voted and not leaves and discourse.election and not view.own_time:
        when, time_text, modality = discourse.election  # the same vote, the same term
    facts = [
        make_fact(
            read,
            view,
            "membership",
            {"member": member, "organization": org, "status": status},
            0.8,
            when=when,
            time_text=time_text,
            modality="negated" if leaves else "asserted" if stays or member in described else modality,
        )
        for member in dict.fromkeys([*members, *described, *admitted])
        for org in _admitted_to(read, view, organisations_in(read, view, discourse))
        if org not in forums  # "БҰҰ Бас Ассамблеясының отырысында ... мүше болып сайланды"
    ]
    if voted and view.own_time and facts and facts[0].time:
        discourse.election = (facts[0].time, facts[0].time_text, facts[0].modality)
    return facts


def _admitted_to(read: Reader, view: View, orgs: list[str]) -> list[str]:
    """An organ that admits states to membership admits them to its organisation: "БҰҰ Бас
    Ассамблеясы ... елдерді ұйымға мүшелікке қабылдады" is membership of the UN."""
    if not ("мүшелік" in view.lemmas and "қабылда" in view.lemmas):
        return orgs
    parents = [read.catalog[org].parent if org in read.catalog else None for org in orgs]
    return list(dict.fromkeys(parent or org for org, parent in zip(orgs, parents, strict=True)))


def _in_organisation(read: Reader, view: View, case: str = "Loc") -> bool:
    """The clause names an organisation in this case: "ШЫҰ-да", "ұйымда" ("Моңғолия ұйымда
    бақылаушы" is an observer of it; "ЕҚЫҰ бақылаушылары" are election monitors), "ұйымға" (admitted to)."""
    return any(m.entity.startswith("org:") and read.case(view.doc, m) == case for m in view.mentions) or any(
        lemma in read.cues["organisation_words"] and t.feats.get("Case") == case
        for lemma, t in zip(view.lemmas, view.tokens, strict=True)
    )


def _this_country(read: Reader, view: View) -> bool:
    """The clause refers back to the last country: "бұл ел", "аталған мемлекет"."""
    return any(
        w in read.cues["this_words"] and view.lemmas[i + 1 : i + 2] in (["ел"], ["мемлекет"])
        for i, w in enumerate(view.words)
    )
