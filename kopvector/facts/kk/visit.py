"""Visit facts: an official who travels to, or stays in, a foreign country, and who hosts them."""

from __future__ import annotations

from kopvector.document import Fact, Mention
from kopvector.facts.kk.discourse import Discourse
from kopvector.facts.kk.modality import make_fact
from kopvector.facts.kk.people import People, countries_of
from kopvector.facts.kk.reader import Reader
from kopvector.facts.kk.roles import person_referred
from kopvector.facts.kk.view import View
from kopvector.facts.quote_cues import lemma as _lemma
from kopvector.language.kk.endings import LOCATIVE_ATTRIBUTIVE


def visit_facts(read: Reader, view: View, discourse: Discourse, people: People) -> list[Fact]:
    cues = read.cues["visit"]
    trip = any(lemma in cues["nouns"] for lemma in view.lemmas)
    moves = [
        i
        for i, t in enumerate(view.tokens)
        if t.pos == "VERB"
        and _lemma(t) in cues["verbs"]
        and not (
            i
            and view.tokens[i - 1].feats.get("VerbForm") == "Conv"
            and _lemma(view.tokens[i - 1]) not in cues["ways"]
        )  # "артып келе жатыр"; but "ұшып келді"
    ]
    # "Парижге келер алдында, ... Мәскеуде болып": the trip the clause tells is the stay, not the next one
    ahead = [i for i in moves if view.words[i + 1 : i + 2] == ["алдында"]]
    moves = [i for i in moves if i not in ahead]
    # "Қазақстанда сапармен болды", and "Тоқаев Мәскеуде болып, Путинмен кездесті": an official who was
    # in a foreign place visited it (one's own country is no destination, below)
    stays = any(
        (_lemma(t) == "бол" or (trip and _lemma(t) == "жүр"))  # "сапармен жүр": is on a visit there
        and (
            trip
            or (t.pos in ("VERB", "AUX") and t.feats.get("VerbForm") in ("Conv", "Fin"))
            or (t.feats.get("Case") == "Abl" and view.next_word(i) in ("кейін", "соң"))
        )  # "Украина мен Беларусьте болғаннан кейін": after having been there
        for i, t in enumerate(view.tokens)
    )
    present = _present(read, view, people)
    if not (trip or moves or stays) or (not trip and len(view.tokens) > 25):
        return _presence_facts(read, view, present)
    to_a_meeting = any(
        t.feats.get("Case") == "Dat" and read.inflects(t, read.cues["meeting"]["events"]) for t in view.tokens
    )
    places = read.countries(view, places=True)
    dative = [
        m.entity
        for m in places
        if read.case(view.doc, m) == "Dat" and not ahead and view.next_word_after(m) not in cues["not_to"]
    ]  # "Қытайға барды"; "Қазақстанға дейін" is "before Kazakhstan"
    # "Қазақстанда сапармен болды", "Бішкектегі саммитке келмеді"; beside a dative only a stay counts
    # ("Ашхабадқа Душанбеде болып келді"), not the place of a summit on the way ("Санкт-Петербургте өткен")
    located = [
        m.entity
        for m in places
        if (stays or (to_a_meeting and not dative)) and read.case(view.doc, m) == "Loc"
    ]
    origins = [
        m.entity
        for m in places
        if dative
        and moves
        and read.case(view.doc, m) == "Abl"
        and view.next_word_after(m) not in cues["not_from"]
    ]  # "Астанаға Түрікменстаннан келді": a stop before this one
    destinations = [d for d in (read.country_of_place(e) for e in [*origins, *dative, *located]) if d]
    if (
        not destinations
        and trip
        and discourse.visit
        and any(_lemma(t) == "ел" and t.feats.get("Case") == "Dat" for t in view.tokens)
    ):  # "Бұл – Тоқаевтың көрші елге жасаған алғашқы сапары": the country of the visit in hand
        destinations = [discourse.visit["destination"]]
    if not destinations and to_a_meeting and moves:  # "саммитке Виктор Орбан келді": to its host
        host = read.country_of_place(discourse.event.get("place", "")) or discourse.visit.get("destination")
        destinations = [host] if host else []
    cases = ("Nom", "Gen", None) if trip else ("Nom", None)
    named = [
        m
        for m in view.mentions
        if m.entity.startswith("person:") and m.entity in people.officials and read.case(view.doc, m) in cases
    ]
    # Names first: a bare role after a name ("Мирзиёев президент ретінде") is that person, not another.
    visitors = [m.entity for m in named if m.label == "PERSON"] or [m.entity for m in named]
    visitors = list(dict.fromkeys([*_described(read, view, moves, people), *visitors]))
    referred = None if visitors else person_referred(read, view, discourse, people)
    if referred:
        visitors = [referred]
    if not visitors and not view.names_someone():
        visitors = [p for p in view.persons if p in people.officials]  # "..., Өзбекстанға барады"
    called_off = any(lemma in read.cues["cancelled"] for lemma in view.lemmas)
    if not visitors and not destinations and trip and called_off and discourse.visit:
        visitors, destinations = [discourse.visit["visitor"]], [discourse.visit["destination"]]
    if not visitors or not destinations:
        return _presence_facts(read, view, present)
    kind = next(
        (
            v
            for k, v in cues["types"].items()
            for i, w in enumerate(view.words[:-1])
            if w == k and _lemma(view.tokens[i + 1]) in cues["nouns"]
        ),
        None,
    )  # "мемлекеттік сапар"; not the "Мемлекеттік хатшы" who makes it
    facts = []
    # "Астанаға келген Мирзиёев, Жапаров және Рахмон ..."; "Ашхабадқа Душанбеде болып келді": two countries
    for visitor, destination in (
        (v, d)
        for v in dict.fromkeys(visitors)
        for d in dict.fromkeys(destinations)
        if d not in countries_of(read, [v], people)
    ):
        hosts = [
            m.entity
            for m in view.mentions
            if m.entity.startswith("person:")
            and m.entity != visitor
            and countries_of(read, [m.entity], people) == [destination]
        ]  # "Тоқаевтың шақыруымен", "Тоқаевпен кездесті": named by the text, never assumed
        args = {
            "visitor": visitor,
            "destination": destination,
            **({"host": hosts[0]} if hosts else {}),
            **({"visit_type": kind} if kind else {}),
        }
        facts.append(make_fact(read, view, "visit", args, 0.75))
    told = {(f.args["visitor"], f.args["destination"]) for f in facts}
    return facts + _presence_facts(read, view, [pair for pair in present if pair not in told])


def _presence_facts(read: Reader, view: View, present: list[tuple[str, str]]) -> list[Fact]:
    """Visits the clause states only by placing officials abroad (no host or type is named)."""
    return [make_fact(read, view, "visit", {"visitor": v, "destination": d}, 0.6) for v, d in present]


def _described(read: Reader, view: View, moves: list[int], people: People) -> list[str]:
    """Officials a travel participle describes, in any case: "Вашингтонға барған Тоқаевпен қатар",
    "Алматыға келген Мирзоян мен Байрамовты" (the list that follows the participle)."""
    starts = {m.first - view.first: m for m in view.mentions if m.entity.startswith("person:")}
    found: list[str] = []
    for i in moves:
        if view.tokens[i].feats.get("VerbForm") != "Part":
            continue
        j = i + 1
        while j in starts and starts[j].entity in people.officials:
            found.append(starts[j].entity)
            j = view.after(starts[j])
            if j < len(view.tokens) and view.words[j] in read.cues["list_links"]:
                j += 1
    return found


def _present(read: Reader, view: View, people: People) -> list[tuple[str, str]]:
    """Officials the clause places in a foreign place while they meet, talk, attend, speak or sign there
    ("Кеше Токиода Мемлекет басшысы Абэмен келіссөз жүргізді"): a visit to that place's country. A
    clause that names no place, or a person whose country the text does not fix, gives none."""
    if not any(lemma in read.cues["visit"]["acts_abroad"] for lemma in view.lemmas):
        return []
    where = [
        c
        for m in read.countries(view, places=True)
        if read.case(view.doc, m) == "Loc" and _where_it_happens(read, view, m)
        for c in [read.country_of_place(m.entity)]
        if c
    ]
    if len(set(where)) != 1:
        return []  # no place, or several: which one the person was in is not said
    published = view.doc.article.published
    dated = bool(view.own_time and view.when and published and view.when[:4] != str(published.year))
    persons = [
        m.entity
        for m in view.mentions
        if m.entity.startswith("person:")
        and m.entity in people.officials
        and read.case(view.doc, m) in ("Nom", "Ins", None)
        and not (dated and m.label == "POSITION")
    ]  # "1991 жылы ... Украина басшылары": a title names whoever held it then, not the holder the date of
    # publication gives
    return [
        (person, where[0]) for person in dict.fromkeys(persons) if _abroad(read, person, where[0], people)
    ]


def _where_it_happens(read: Reader, view: View, mention: Mention) -> bool:
    """A locative that places the act ("Бейжіңде", "Самарқандтағы жиынға", "Мәскеудегі ...
    университетте"); "Ауғанстандағы жағдайға" only says which situation was spoken of."""
    form = view.doc.tokens[mention.last - 1].norm.lower()
    if not form.endswith(LOCATIVE_ATTRIBUTIVE):
        return True
    i = view.after(mention)
    following = view.tokens[i : i + 3]
    return (i < len(view.tokens) and read.inflects(view.tokens[i], read.cues["meeting"]["events"])) or any(
        t.pos == "NOUN" and t.feats.get("Case") == "Loc" for t in following
    )


def _abroad(read: Reader, person: str, country: str, people: People) -> bool:
    """Whether `country` is foreign to the person: another state's official, or an international one
    (a Secretary-General holds an organisation's office and no state's)."""
    home = countries_of(read, [person], people)
    if home:
        return home[0] != country
    entry = read.catalog.get(person)
    return bool(entry and entry.offices) and all(o.of.startswith("org:") for o in entry.offices)
