"""Mission participation facts: which state serves in which peace operation, where, how many, as whom."""

from __future__ import annotations

from typing import Any

from kopvector.document import Fact, Mention
from kopvector.facts.kk.discourse import Discourse
from kopvector.facts.kk.modality import make_fact
from kopvector.facts.kk.people import People
from kopvector.facts.kk.reader import Reader
from kopvector.facts.kk.roles import PLACE_CASES, actors_in, organisations_in
from kopvector.facts.kk.view import Context, View
from kopvector.facts.quote_cues import lemma as _lemma


def mission_facts(
    read: Reader, view: View, context: Context, discourse: Discourse, people: People
) -> list[Fact]:
    cues = read.cues["mission_participation"]
    lemmas = view.lemmas
    missions = view.ids("mission:")
    troops = any(lemma in cues["nouns"] for lemma in lemmas)
    serving = any(
        (lemma in cues["verbs"] or lemma in cues["withdraws"]) and read.predicates(view, i)
        for i, lemma in enumerate(lemmas)
    )
    if not (missions or troops) or not serving or any(lemma in cues["not_missions"] for lemma in lemmas):
        return []
    owners = [
        m.entity
        for m in read.countries(view)
        if read.case(view.doc, m) == "Gen" and _owns_troops(read, view, m)
    ]  # "Қазақстанның біріктірілген батальоны": the troops are this state's, whatever framework
    nationals = [
        m.entity for m in read.countries(view) if m.label == "NORP" and _owns_troops(read, view, m)
    ]  # "америкалық әскери қызметші"; "қазақстандық рота ... Үндістан батальонымен": one of the actors
    withdrawn = troops and any(lemma in cues["withdraws"] for lemma in lemmas)
    cases = ("Loc", "Dat", "Gen", "Abl") if withdrawn else ("Loc", "Dat", "Gen")
    places = [
        m.entity
        for m in read.countries(view, places=True)
        if (read.case(view.doc, m) in cases or m.entity.startswith("place:"))
        and m.entity not in owners + nationals
    ]
    mission = missions[0] if missions else (context.mission if troops else None)
    if mission is None and "миссия" in lemmas and "org:UN" in view.ids("org:"):
        mission = read.mission_in(places)  # "Батыс Сахарадағы БҰҰ миссиясында"
    entry = read.catalog.get(mission) if mission else None
    known = (entry.locations or entry.hosts) if entry else ()
    location = places[0] if places else (known[0] if len(known) == 1 else None)
    location = location or _place_word(read, view, discourse) or next(iter(view.places), None)
    if not mission and not location and troops and "құрамында" in view.words:  # "контингент құрамында"
        mission, location = discourse.deployment.get("mission"), discourse.deployment.get("location")
    if not mission and not location:
        return []
    hosts_units = {
        m.entity
        for m in view.mentions
        if any(w == "құрамында" for w in view.words[view.after(m) : view.after(m) + 3])
    }  # "үнді батальонының құрамында": the unit they serve in, not a participant
    forces = (
        [o for o in organisations_in(read, view, discourse, inherit=False) if o != "org:UN"]
        if any(w in cues["forces"] for w in lemmas)
        else []
    )  # "ҰҚШҰ-ның бітімгерлік күштері", "ұйымның күштері": the organisation's forces
    actors = [a for a in actors_in(read, view, people, exclude=PLACE_CASES | {"Dat"}) if a not in hosts_units]
    sends = any(
        lemma == "жібер" and view.tokens[i + 1 : i + 2] and view.tokens[i + 1].pos not in ("NOUN", "PROPN")
        for i, lemma in enumerate(lemmas)
    )  # "әскер жіберген жоқ" says who sent; "әскер жіберген елдер" describes them
    senders = [
        m.entity
        for m in read.countries(view)
        if sends and read.case(view.doc, m) in ("Nom", None) and m.label != "NORP"
    ]  # "Қазақстан ... НАТО күштеріне әскер жіберген жоқ": the sender
    # "ҰҚШҰ күштерінің құрамында ресейлік әскерилер": the nationality's troops, not the framework's
    with_nationals = list(dict.fromkeys([*nationals, *actors])) if nationals else []
    participants = owners or senders or with_nationals or forces or actors
    unnamed_owner = any(
        lemma in read.cues["pair_nouns"] and t.feats.get("Case") == "Gen"
        for lemma, t in zip(lemmas, view.tokens, strict=True)
    )  # "жағалаудағы бес мемлекеттің әскери күштері": some states' troops, not ours
    if not participants and troops and not unnamed_owner:
        participants = [read.home]
    args: dict[str, Any] = {
        **({"mission": mission} if mission else {}),
        **({"location": location} if location else {}),
        **_troops(read, view, len(participants) == 1),
    }
    when = view.when or context.time
    text = view.time_text if view.when else context.time_text
    return [
        make_fact(
            read,
            view,
            "mission_participation",
            {"participant": p, **args},
            0.8,
            when=when,
            time_text=text,
            modality="negated" if withdrawn else None,
        )
        for p in participants
        if p != location
    ]


def _place_word(read: Reader, view: View, discourse: Discourse) -> str | None:
    """Where a deployment goes when the text says it by a word: "елімізге" is the home country,
    "бұл елге" the last country named."""
    for i, word in enumerate(view.words):
        case = view.tokens[i].feats.get("Case")
        if case not in ("Dat", "Loc"):
            continue
        if word.startswith(tuple(read.cues["home_words"]["forms"])):
            return read.home
        if (
            i
            and view.words[i - 1] in ("бұл", "сол", "ол")
            and _lemma(view.tokens[i]) == "ел"
            and discourse.sides
        ):
            return discourse.sides[-1]
    return None


def _owns_troops(read: Reader, view: View, mention: Mention) -> bool:
    """ "Қазақстанның (біріктірілген) батальоны": a unit right after the state, adjectives between."""
    for token in view.tokens[view.after(mention) : view.after(mention) + 3]:
        if _lemma(token) in read.cues["mission_participation"]["units"]:
            return True
        if token.pos != "ADJ" and token.feats.get("VerbForm") != "Part":
            return False
    return False


def _troops(read: Reader, view: View, one_sender: bool) -> dict[str, Any]:
    """Who serves and how many, as the clause says: "120 адамнан тұратын рота" → personnel 120,
    "әскери бақылаушылар" → role "әскери бақылаушы". A head count is kept only when one state
    sends them (a count for a five-nation contingent is not any one state's)."""
    cues = read.cues["mission_participation"]
    found: dict[str, Any] = {}
    for i, token in enumerate(view.tokens[:-1]):
        if token.norm.isdigit() and _lemma(view.tokens[i + 1]) in cues["counted"] and one_sender:
            found.setdefault("personnel", int(token.norm))
        if _lemma(token) in cues["roles"]:
            modifier = (
                _lemma(view.tokens[i - 1])
                if i and _lemma(view.tokens[i - 1]) in cues["role_modifiers"]
                else ""
            )
            found.setdefault("role", f"{modifier} {_lemma(token)}".strip())
    return found
