"""Meeting facts: who met, at which forum and where; a summit, talks, a reception, a phone call."""

from __future__ import annotations

from typing import Any

from kopvector.document import Fact, Token
from kopvector.facts.kk.chairmanship import chair_receivers
from kopvector.facts.kk.discourse import Discourse
from kopvector.facts.kk.forums import forum_word, names_event
from kopvector.facts.kk.modality import make_fact
from kopvector.facts.kk.people import People
from kopvector.facts.kk.reader import Reader
from kopvector.facts.kk.roles import person_referred
from kopvector.facts.kk.view import View
from kopvector.facts.kk.words import accusative, contains
from kopvector.facts.quote_cues import lemma as _lemma


def meeting_facts(read: Reader, view: View, discourse: Discourse, people: People) -> list[Fact]:
    cues = read.cues["meeting"]
    lemmas = view.lemmas
    talks = "кездес" in lemmas or contains(lemmas, ["бас", "қос"]) or _received(read, view)
    # Words inside a name are not meeting nouns ("Қауіпсіздік Кеңесі"), except the last word of a
    # forum that is named as an event ("... консультативтік кездесуі", "«Орталық Азия – Қытай» саммиті").
    named = {
        i
        for m in view.mentions
        for i in range(m.first - view.first, view.after(m) - (1 if m.entity.startswith("org:") else 0))
    }
    nouns = [i for i, t in enumerate(view.tokens) if i not in named and read.inflects(t, cues["nouns"])]
    persons = [
        m.entity
        for m in view.mentions
        if m.entity.startswith("person:")
        and (read.case(view.doc, m) != "Gen" or view.after(m) in nouns or view.next_word_after(m) in ("",))
    ]  # not "Кисиданың сапарын тоқтатуына": a genitive person belongs to another noun
    referred = person_referred(read, view, discourse, people)
    if referred:
        persons.insert(0, referred)  # "Астанада ол Тоқаевпен келіссөз жүргізді"
    elif _guest_index(read, view) is not None and discourse.visit:
        persons.insert(0, discourse.visit["visitor"])  # "Ақордада мәртебелі қонақты Тоқаев қарсы алды"
    if not persons and not view.names_someone() and not set(cues["delegations"]) & set(lemmas):
        # "Ол ... барады, ал ... саммитке қатысады": the same subject; but "X келмеді, елді ... басқарған
        # делегация таныстырды" is someone else's delegation
        persons = list(view.persons)
    elif persons and set(persons) <= _partners(read, view):
        # "Моди Астанаға келді, ал бүгін Назарбаевпен келіссөз жүргізді": whoever met the partner
        # in the instrumental is the subject the clause left out
        persons = list(dict.fromkeys([*view.persons, *persons]))
    if not persons:
        persons = _leaders_of(read, view)  # "Әзірбайжан, Қазақстан ... президенттері"
    if not persons and "екі" in view.words and any(w in cues["leaders"] for w in lemmas):
        persons = list(discourse.leaders)  # "екі мемлекет басшысы келіссөз жүргізді"
    bilateral = len([a for a in discourse.attendees if a.startswith("country:")]) <= 2
    if (
        bilateral
        and view.reported
        and not persons
        and "тарап" in lemmas
        and any(w in cues["discuss"] for w in lemmas)
    ):
        # "Ақорданың хабарлауынша, тараптар ... талқылады": the source's own account of the talks of
        # the two leaders just named (unattributed, it only repeats the meeting already stated)
        persons = list(discourse.leaders)
    acts = [i for i, t in enumerate(view.tokens) if _meeting_act(read, view, i, t, nouns, bool(persons))]
    venue = _summit_city(read, view, nouns)
    held = len(persons) > 1 and any(
        lemmas[n] in cues["encounters"] and view.tokens[n].feats.get("Person[psor]") for n in nouns
    )  # "Тоқаев пен Си Цзиньпиннің кездесуі"
    discussed = len({p for p in persons if p in people.officials}) > 1 and any(
        lemma in cues["discuss"] for lemma in lemmas
    )  # "Тоқаев пен Си Цзиньпин ... талқылады": two leaders who discuss have met
    members = [
        m.entity
        for m in view.mentions
        if m.entity.startswith("org:") and view.next_word_after(m) in cues["member_states"]
    ]  # "ОПЕК елдері ... талқылады": the organisation's members met
    if members and any(lemma in cues["discuss"] for lemma in lemmas):
        held, nouns = True, nouns or [len(lemmas)]
    held = held or discussed
    talks = talks or discussed
    if any(w in cues["pronouns"] for w in view.words) and "meeting" in view.follows:
        nouns = nouns or [len(lemmas)]  # "оны", "оған" stand for the meeting just named
    if any(w in cues["vague"] for w in view.words):
        return []  # "бірқатар кездесу өткізеді": nobody named to meet
    if not (held or (acts and (nouns or talks)) or venue):
        return []
    attended = "қатыс" in lemmas and any(
        n < len(view.tokens) and view.tokens[n].feats.get("Case") == "Dat" for n in nouns
    )
    if not persons and (attended or any(lemma in cues["delegations"] for lemma in lemmas)):
        persons = [
            m.entity
            for m in view.mentions
            if m.entity.startswith("country:")
            and m.label != "NORP"
            and (
                read.case(view.doc, m) in ("Nom", None)
                or (read.word_after_list(view, m) or "").startswith(tuple(cues["delegations"]))
            )
        ]  # "Ресей мен Иран делегациялары", "Қырғызстан мен Өзбекстанның сыртқы істер министрлері",
        # "кездесуге Әзірбайжан, Армения ... қатысты" (states that attend)
    orgs = [
        m.entity
        for m in view.mentions
        if m.entity.startswith("org:") and names_event(read, view, m, set(nouns))
    ]
    places = [
        m.entity
        for m in read.countries(view, places=True)
        if read.case(view.doc, m) == "Loc" and m.entity != read.home
    ]
    args: dict[str, Any] = {"participants": list(dict.fromkeys(persons))}
    organisation = orgs[0] if orgs else forum_word(read, view, nouns, discourse) or next(iter(members), None)
    inherited = False
    # "Саммит аясында Моди мен Си Цзиньпин екіжақты кездесу өткізді": talks beside the forum, not of it
    aside = any(lemma in cues["bilateral"] for lemma in lemmas)
    if aside:
        organisation = None
    if organisation is None and venue and not acts and not aside:
        organisation = discourse.forum  # "Стамбұл саммитінде": a summit of the forum in hand
    if (
        organisation is None
        and not aside
        and not talks
        and all(i == len(lemmas) or lemmas[i] != "келіссөз" for i in nouns)
    ):
        organisation = discourse.event.get("organization")  # "Саммитке X қатысты": the one before
        inherited = organisation is not None
    if not organisation and not _identifiable(persons, people, discourse):
        return []  # a meeting with a singer, a government session: not foreign policy
    if organisation:
        args["organization"] = organisation
    if places or venue:
        args["place"] = places[0] if places else venue
    when = discourse.event_time if inherited and not view.when else None  # the summit's date
    apart = _each_with(view)
    if len(apart) > 1 and len(persons) == len(apart) + 1:  # "Моди Си Цзиньпинмен де, Путинмен де кездесті"
        host = next(p for p in persons if p not in apart)
        return [
            make_fact(read, view, "meeting", {**args, "participants": [host, other]}, 0.7, when=when)
            for other in apart
        ]
    return [make_fact(read, view, "meeting", args, 0.7, when=when)]


def _summit_city(read: Reader, view: View, nouns: list[int]) -> str | None:
    """The city a summit is named for: "Астана саммитінен бері", "Стамбұл саммитінде" (the name
    right before the noun, in the nominative) or "Бішкектегі жиын" (in the locative). Such a summit
    happened, with or without a verb that says so."""
    cues = read.cues["meeting"]
    sessions = [n for n in cues["sessions"] if n not in cues["encounters"]]  # "Астанадағы кездесуде": talks
    for m in view.mentions:
        n = view.after(m)
        if (
            m.entity.startswith("place:")
            and n in nouns
            and read.inflects(view.tokens[n], sessions)
            and view.doc.tokens[m.last - 1].feats.get("Case") in ("Nom", "Loc", None)
        ):
            return m.entity
    return None


def _partners(read: Reader, view: View) -> set[str]:
    """Persons the clause names in the instrumental ("Назарбаевпен"), titles before them included."""
    return {
        m.entity for m in view.mentions if m.entity.startswith("person:") and read.case(view.doc, m) == "Ins"
    }


def _each_with(view: View) -> list[str]:
    """Persons each named in the instrumental with its own "де/да" ("Си Цзиньпинмен де, Путинмен де"):
    one meeting with each, not one meeting of all."""
    return [
        m.entity
        for m in view.mentions
        if m.entity.startswith("person:")
        and view.doc.tokens[m.last - 1].feats.get("Case") == "Ins"
        and view.words[view.after(m) : view.after(m) + 1] in (["де"], ["да"], ["те"], ["та"])
    ]


def _received(read: Reader, view: View) -> bool:
    """ "X Y-ті қабылдады" (received), "X Y-ті қарсы алды" (welcomed), "X Y-пен сөйлесті" (spoke with):
    a meeting of the two."""
    cues = read.cues["meeting"]
    persons = [m for m in view.mentions if m.entity.startswith("person:")]
    verbs = {_lemma(t) for t in view.tokens if t.pos in ("VERB", "AUX")}
    welcomed = any(
        view.words[i - 1 : i] == ["қарсы"] and _lemma(t) == "ал" for i, t in enumerate(view.tokens) if i
    )
    received = (bool(verbs & set(cues["receives"])) or welcomed) and (
        any(accusative(view.doc.tokens[m.last - 1]) for m in persons) or _guest_index(read, view) is not None
    )
    spoke = any(w.startswith(tuple(cues["speaks_with"])) for w in view.words) and any(
        read.case(view.doc, m) == "Ins" for m in persons
    )
    return received or spoke


def _guest_index(read: Reader, view: View) -> int | None:
    """Where the clause names the guest by a noun in the accusative ("мәртебелі қонақты ... қарсы алды")."""
    return next(
        (
            i
            for i, t in enumerate(view.tokens)
            if _lemma(t) in read.cues["described_persons"] and accusative(t)
        ),
        None,
    )


def _leaders_of(read: Reader, view: View) -> list[str]:
    """Heads of state a plural title names on the clause's date: "Әзірбайжан, Қазақстан және
    Түркия президенттері" (looked up in the catalog, never guessed)."""
    date = view.when if view.own_time else None
    date = date or (view.doc.article.published.isoformat() if view.doc.article.published else None)
    heads = [i for i, t in enumerate(view.tokens) if t.norm.lower() in read.cues["meeting"]["heads_of_state"]]
    if not heads or not date:
        return []
    date = date.split("/")[0]
    leaders, states = [], []
    for m in view.mentions:
        if (
            m.entity.startswith("country:")
            and read.word_after_list(view, m) in read.cues["meeting"]["heads_of_state"]
        ):
            states.append(m.entity)
            holders = read.catalog.office_holders("head_of_state", m.entity, date)
            leaders += holders[:1] if len(holders) == 1 else []
    # all of them or the states: "Ауғанстан, Беларусь, Иран және Моңғолияның президенттері" with one
    # holder the catalog does not know is four states, not three persons
    return leaders if len(leaders) == len(states) else states


def _identifiable(persons: list[str], people: People, discourse: Discourse) -> bool:
    """A meeting without a forum needs two named officials or states, or one at an event already
    named ("Кездесуді министр ашты" after the talks were introduced)."""
    officials = {p for p in persons if p in people.officials or p.startswith("country:")}
    return len(officials) > 1 or (len(officials) == 1 and bool(discourse.event or discourse.attendees))


def _meeting_act(read: Reader, view: View, i: int, token: Token, nouns: list[int], persons: bool) -> bool:
    """Whether word `i` makes the meeting happen: "өтті", "қатысты", "кездесті"; "келмеді" only to a
    meeting ("кездесуге"), "басқарды" only a delegation, "төрағалық етті" only a person at a session."""
    cues, lemma = read.cues["meeting"], _lemma(token)
    if lemma == "жет" and i and _lemma(view.tokens[i - 1]) in cues["finish_nouns"]:
        lemma = "аяқта"  # "саммиті мәресіне жетті": it ended, so it was held
    if lemma == "төрағалық":
        return persons and any(_lemma(view.tokens[n]) in cues["sessions"] for n in nouns)
    welcomes = lemma == "ал" and view.words[i - 1 : i] == ["қарсы"] if i else False  # "қарсы алды"
    if lemma in cues["receives"] or welcomes or token.norm.lower().startswith(tuple(cues["speaks_with"])):
        return _received(read, view)
    if token.pos not in ("VERB", "AUX") or lemma not in cues["verbs"]:
        return False
    # "саммитті өткізуге уағдаласты": agreed to hold it, a plan
    agreed = token.feats.get("Case") == "Dat" and (view.next_word(i) or "").startswith(
        tuple(cues["agreed_to"])
    )
    if token.feats.get("VerbForm") == "Vnoun" and view.next_word(i) != "тиіс" and not agreed:
        return False  # "саммиттің Астанада өтуі": the meeting is a topic, not an event here
    if lemma in cues["to_a_meeting"]:
        return any(view.tokens[n].feats.get("Case") == "Dat" for n in nouns)
    if lemma in cues["leads"]:  # "делегацияны министр басқарды"; "... басқарған делегация" only names it
        finite = token.feats.get("VerbForm", "Fin") in ("Fin", "Conv")
        return finite and ("делегация" in view.lemmas or ("оны" in view.words and "meeting" in view.follows))
    if lemma in cues["takes_place"]:  # "саммит өтті"; "өтетін саммитке" names it, states nothing
        if chair_receivers(read, view):
            return False  # "Отырыс барысында төрағалық Қырғызстанға өтті": the chair passed
        finite = token.feats.get("VerbForm", "Fin") in ("Fin", "Conv") or (
            view.next_lemma(i) == "бол"
        )  # "саммит өтіп, ... өзгертілді", "саммит Қазақстанда өтетін болды"
        if finite:
            return any(view.tokens[n].feats.get("Case") in ("Nom", None) for n in nouns)
        held = token.feats.get("VerbForm") == "Part" and token.feats.get("Tense") == "Past"
        return held and any(
            view.tokens[n].feats.get("Case") in ("Loc", "Abl") for n in nouns
        )  # "... өткен саммитте", "... өткен саммиттен бері"
    return True
