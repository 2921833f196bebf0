"""Who plays which part in a clause: the states that act, the organisations, the parties, the sectors.

A clause names its actors by a country, a demonym, a capital, "еліміз", a pronoun, or not at all (then
the previous clause's subject carries on); these functions resolve them once for every kind.
"""

from __future__ import annotations

from kopvector.facts.kk.discourse import Discourse
from kopvector.facts.kk.people import People, countries_of
from kopvector.facts.kk.reader import Reader
from kopvector.facts.kk.view import View
from kopvector.facts.quote_cues import lemma as _lemma

PLACE_CASES = frozenset({"Loc", "Abl"})


def actors_in(
    read: Reader, view: View, people: People, exclude: frozenset[str] = PLACE_CASES, capitals: bool = False
) -> list[str]:
    """Countries acting in the clause: named (not as a place), by demonym, by "ел", or the subject of
    the clause before ("Өзбекстан бақылаушы, бірақ одаққа мүше емес")."""
    actors = [
        m.entity
        for m in read.countries(view)
        if (m.label == "NORP" or read.case(view.doc, m) not in exclude)
        # "Израиль мен Хезболла арасындағы қақтығыс", "Қазақстанға қатысты меморандум": what it is about
        and read.word_after_list(view, m) not in ("арасындағы", *read.cues["not_a_party_before"])
    ]
    if capitals:  # "Анкара ... мүшесі емес", "Вашингтон одан шығып кеткен"; not "Баку саммитінде"
        actors += [
            state
            for m in view.mentions
            if m.entity.startswith("place:")
            and read.case(view.doc, m) in ("Nom", None)
            and not _heads_a_name(view, view.after(m))
            # "Баку саммитінде", "Астана мерейтойлық декларациясы" name a summit or a title; "Астана
            # құжатқа қол қойды" is the state
            for state in [read.capital_of(m.entity)]
            if state
        ]
    words, home = view.words, read.cues["home_words"]
    if not actors and any(
        (w.startswith(tuple(home["forms"])) or (w in home["nouns"] and i and words[i - 1] in home["ours"]))
        and (i + 1 == len(words) or not read.is_office(view.tokens[i + 1]))
        for i, w in enumerate(words)
    ):
        actors = [read.home]  # "еліміз", "біздің ел": a bare "ел" or "мемлекет" is any state
    if not actors:
        actors = list(view.subjects)
    return list(dict.fromkeys(actors))


def _heads_a_name(view: View, i: int) -> bool:
    """Whether the words from `i` on make the name before them part of a compound: a possessive noun
    within the adjectives and nouns that follow ("саммитінде", "мерейтойлық декларациясы")."""
    for t in view.tokens[i : i + 3]:
        if t.pos not in ("NOUN", "ADJ", "PROPN"):
            return False
        if "Person[psor]" in t.feats:
            return True
    return False


def organisations_in(read: Reader, view: View, discourse: Discourse, inherit: bool = True) -> list[str]:
    """Organisations named in the clause, the one "ұйым", "одақ", "оған" refers to, or the previous
    clause's."""
    orgs = [
        m.entity
        for m in view.mentions
        if m.entity.startswith("org:")
        and not read.names_document(view, m)
        and not read.office_after(view, m)
        and read.word_after_list(view, m) not in read.cues["not_a_party_before"]
        and not read.parent_of_a_name(view, m)
    ]
    if orgs:
        return list(dict.fromkeys(orgs))
    named = {i for m in view.mentions for i in range(m.first - view.first, view.after(m))}
    heads = [
        lemma
        for i, lemma in enumerate(view.lemmas)
        if lemma in read.cues["organisation_words"] and i not in named
    ]  # not the "одақ" of "Еуразиялық экономикалық одақ туралы шарт"
    pronoun = any(
        w in read.cues["organisation_pronouns"] and view.words[i + 1 : i + 2] != ["әрі"]
        for i, w in enumerate(view.words)
    )  # "одан әрі" is "further", not "from it"
    if heads or pronoun:
        # "ШЫҰ басшылары ұйымның ... декларациясына": the organisation the clause itself named first
        earlier = [m.entity for m in view.mentions if m.entity.startswith("org:")]
        referent = earlier[0] if earlier else referred_organisation(read, heads, discourse)
        if referent:
            return [referent]  # "ұйымға", "Кеңесте", "қордың": the one the article is about
    return list(view.organisations) if inherit else []


def referred_organisation(read: Reader, heads: list[str], discourse: Discourse) -> str | None:
    """The latest organisation whose names contain the head word ("қор" → the fund, not the bank
    named after it), else the latest one ("Министрлер кеңесі" is an organ of the one in hand)."""
    for org in reversed(discourse.organisations):
        entry = read.catalog.get(org)
        names = " ".join(entry.surface_forms("kk")).lower() if entry else ""
        if any(head in names for head in heads):
            return org
    return discourse.organisation


def parties_in(
    read: Reader, view: View, discourse: Discourse, people: People, minimum: int, document: bool = False
) -> list[str]:
    """Signatories or partners: countries and organisations named, the signers' countries, or the
    sides "екі ел" / "тараптар" / "мемлекет басшылары" refer to."""
    # A document's signers are no objects: "Иранды ... қабылдау туралы шешім" does not make Iran a party.
    cases = PLACE_CASES | {"Acc"} if document else PLACE_CASES
    states = [
        m.entity
        for m in [*view.mentions, *read.region_states(view)]
        if m.entity.startswith("country:")
        and read.case(view.doc, m) not in cases
        and view.next_word_after(m) not in read.cues["not_a_party_before"]
    ]
    named = [
        *states,
        *organisations_in(read, view, discourse, inherit=False),
        *countries_of(read, view.ids("person:"), people),
    ]
    named = list(dict.fromkeys(named))
    counted = counted_group(read, view, discourse)
    if counted and len([n for n in named if n.startswith("country:")]) < len(counted):
        named = [n for n in named if not n.startswith("country:")] + counted  # "бес мемлекеттің басшылары"
    pair = any(
        w == "екі" and view.lemmas[i + 1 : i + 2] and view.lemmas[i + 1] in read.cues["pair_nouns"]
        for i, w in enumerate(view.words)
    )  # "екі ел", "екі мемлекет басшысы"; not "екі жылда бір рет"
    both = pair or any(
        w in read.cues["both_sides"] or lemma in read.cues["both_sides"]
        for w, lemma in zip(view.words, view.lemmas, strict=True)
    )
    both = both and not any(
        m.entity.startswith("org:") and view.next_word_after(m) in read.cues["both_sides"]
        for m in view.mentions
    )  # "ШЫҰ басшылары": the organisation's leaders sign for it, not for the sides of another forum
    named = list(dict.fromkeys([*named, *actors_in(read, view, people, exclude=cases, capitals=True)]))
    at_forum = not pair and any(read.inflects(t, read.cues["meeting"]["events"]) for t in view.tokens)
    # A document of the sides at a summit is the summit's ("Ел басшылары Стамбұл декларациясына қол
    # қойды"); partners in cooperation are the states that met ("саммитте тараптар ... талқылады").
    summit = (discourse.forum if at_forum else discourse.event.get("organization")) if document else None
    sides_of_format = read.format_sides(discourse.forum) if both and not pair else []
    if summit and sides_of_format and len(set(states)) < 2 and set(states) <= set(sides_of_format):
        named = [summit]  # "бес мемлекет пен Германия басшылары декларация қабылдады": the format's
    elif len(named) < 2 and both and summit and not pair:  # "екі ел" is two states, not a forum
        named = list(dict.fromkeys([*named, summit]))
    elif sides_of_format and not document:
        named = sides_of_format  # "саммитте тараптар ... талқылады": every side of the format
    elif len(named) < 2 and both:
        found = [discourse.attendees, discourse.document, discourse.sides]
        # "екі ел" is a pair: the first of these that holds two, not a lone signer of the last document
        sides = next((s for s in found if len(s) == 2), None) if pair else None
        sides = sides or next((s for s in found if s), [])
        named = list(dict.fromkeys([*named, *sides]))
    if "құжат" in view.lemmas and discourse.document and set(states) <= set(discourse.document):
        # "Құжатқа X пен Y қол қойды", "Қазақстан құжатты ратификациялады": the document just named
        signers = [n for n in named if n.startswith("country:")]
        named = list(dict.fromkeys([*discourse.document, *signers]))
    if not named:  # "Саммит қорытындысы бойынша декларация қабылданды": the forum's document
        forum = discourse.forum if at_forum else discourse.event.get("organization")
        named = [forum] if forum else list(discourse.attendees)
    return named if len(named) >= minimum else []


def counted_group(read: Reader, view: View, discourse: Discourse) -> list[str]:
    """The latest group of that many states ("бес мемлекеттің басшылары", "кепілгер үш мемлекет"):
    those that met or signed together before."""
    numbers: dict[str, int] = read.cues["group_numbers"]
    for lemma in view.lemmas:
        size = read.cues["collective_numbers"].get(lemma)
        if size:  # "бесеудің басшылары"
            return next((g for g in reversed(discourse.groups) if len(g) == size), [])
    for i, w in enumerate(view.words[:-1]):
        if w in numbers and view.lemmas[i + 1] in read.cues["pair_nouns"]:
            # "он бір республиканың": tens and units in two words
            tens = numbers.get(view.words[i - 1], 0) if i and numbers.get(view.words[i - 1], 0) >= 10 else 0
            return next((g for g in reversed(discourse.groups) if len(g) == tens + numbers[w]), [])
    return []


def sectors_in(read: Reader, view: View) -> list[str]:
    """Sectors the clause names, else its sentence's ("мұнай ... талқылап, шешімге келе алмады")."""
    for tokens in (view.tokens, view.doc.sentence_tokens(view.sentence)):
        parts = {part for t in tokens for word in (_lemma(t), t.norm.lower()) for part in word.split("-")}
        found = [sector for sector, words in read.cues["sectors"].items() if not parts.isdisjoint(words)]
        if found:
            return found
    return []


def subjects_in(read: Reader, view: View, discourse: Discourse, people: People) -> list[str]:
    """Persons a clause is about: named in the nominative, "ол" or a noun describing them, or those it
    inherited."""
    named = [
        m.entity
        for m in view.mentions
        if m.entity.startswith("person:") and read.case(view.doc, m) in ("Nom", None)
    ]
    referred = None if named else person_referred(read, view, discourse, people)
    if referred:
        named = [referred]
    return list(dict.fromkeys(named)) or list(view.persons)


def person_referred(read: Reader, view: View, discourse: Discourse, people: People) -> str | None:
    """The person named last, when the clause refers back to them: "ол", or a noun that describes them
    ("мәртебелі қонақ" for the visitor); "Американ дипломаты" is the latest official of that nationality."""
    if discourse.person is None:
        return None
    if any(w in read.cues["person_pronouns"] for w in view.words):
        return discourse.person
    described = [
        i
        for i, lemma in enumerate(view.lemmas)
        if lemma in read.cues["described_persons"]
        and view.tokens[i].feats.get("Case") in ("Nom", None)
        and view.next_word(i) != "ретінде"  # "қонақ ретінде қатысты": as a guest, whoever is named
    ]
    named = any(
        m.entity.startswith("person:") and read.case(view.doc, m) in ("Nom", None) for m in view.mentions
    )
    if not described or named:
        return None
    nationality = {
        found
        for i in described
        if i
        for found in read.catalog.find(view.tokens[i - 1].norm)
        if found.startswith("country:")
    }
    if not nationality:
        return discourse.person
    candidates = [discourse.person, *reversed(discourse.leaders)]
    return next((p for p in candidates if not nationality.isdisjoint(countries_of(read, [p], people))), None)
