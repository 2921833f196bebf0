"""Kazakh fact extractor: every fact kind of schema v1, from linked mentions and the morphology.

Rules read the morphology and the linked mentions of a clause rather than fixed word sequences: a cue
lemma (мүше, миссия, қатыс-, ...) names the relation, the catalog type of each mention gives its role
(a country is the member, an organisation what it belongs to, a mission where it serves), and the case
suffix tells the role in the clause: the locative is where ("Астанада"), the dative where to
("Қытайға сапармен барды") or to whom the chair passes, the genitive whose summit it was ("ШЫҰ
саммитіне"). Negation and tense are read per clause (`clauses.py`), so "X бақылаушы, ал Y мүше
емес" negates only Y, and an event verb in the aorist ("барады", "өтеді") is a plan. A heading such
as "2014 жыл: ... (MINURSO)" carries its year and mission to the paragraph under it, and the
discourse carries what "екі ел", "тараптар", "ұйым", "оған", "ол" and a bare "саммитке" refer to.
Cues are data (`data/kk_fact_cues.yaml`). A Russian extractor plugs in beside this one
(`Pipeline.fact_extractors`).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import cached_property
from importlib import resources
from typing import Any

import yaml

from kopvector.document import Doc, Evidence, Fact, Mention, Sentence, Token
from kopvector.entities.catalog import Catalog
from kopvector.facts.clauses import ClauseSplitter
from kopvector.facts.quote_cues import lemma as _lemma
from kopvector.facts.time import TimeMention, TimeResolver

_PLACE_CASES = frozenset({"Loc", "Abl"})
_HEADING_END = ".!?…"
_CLAUSE_MARKS = frozenset(",.;:!?")
# Accusative endings, read on the form: the analyser may not know a foreign surname ("Блинкенді").
_ACCUSATIVE = ("ды", "ді", "ты", "ті", "ны", "ні")


def _accusative(token: Token) -> bool:
    """Whether a name's last word is in the accusative ("Блинкенді"), read on the form because the
    analyser misses it on foreign names; a possessive title ("Президенті") only looks like one."""
    if token.feats.get("Person[psor]"):
        return False
    return token.feats.get("Case") == "Acc" or token.norm.lower().endswith(_ACCUSATIVE)


# Case and possessive endings of a noun, read on the form where the analyser misreads it.
_CASES = ("", "н", "на", "не", "нда", "нде", "нан", "нен", "ның", "нің", "мен")
_NOUN_ENDINGS = frozenset(
    {"", "ты", "ті", "ды", "ді", "ны", "ні", "қа", "ке", "ға", "ге", "та", "те", "да", "де", "тың", "тің"}
    | {
        "дың",
        "дің",
        "ның",
        "нің",
        "пен",
        "бен",
        "мен",
        "тан",
        "тен",
        "дан",
        "ден",
        "тар",
        "тер",
        "дар",
        "дер",
    }
    | {possessive + case for possessive in ("ы", "і", "сы", "сі") for case in _CASES}
)
# Possessive (and case) endings an office word takes in a title: "Президенті", "министрінің".
_TITLE_ENDINGS = frozenset(
    {"", "і", "ы", "сі", "сы", "лері", "лары", "дері", "дары", "тері", "тары"}
    | {"нің", "ның", "не", "на", "мен", "інің", "ының", "іне", "ына", "імен", "ымен", "сінің", "сының"}
)
# Kinds that happen at an event and take its date when the text gives none.
_EVENT_KINDS = frozenset({"meeting", "visit", "agreement", "cooperation"})
# Kinds that describe a state: their aorist ("мүше болып табылады", "қызмет етеді") is the present.
_STATE_KINDS = frozenset({"membership", "chairmanship", "mission_participation", "cooperation"})


def load_cues() -> dict[str, Any]:
    text = (resources.files("kopvector.facts") / "data" / "kk_fact_cues.yaml").read_text(encoding="utf-8")
    return yaml.safe_load(text)


@dataclass
class _Context:
    """What a heading line passes to the sentences under it."""

    time: str | None = None
    time_text: str | None = None
    mission: str | None = None


@dataclass
class _Discourse:
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


@dataclass
class _People:
    """What the article says about its persons: whose office they hold, and whether they hold one."""

    countries: dict[str, str] = field(default_factory=dict)  # "Франция Президенті Макрон" → country:FR
    officials: set[str] = field(default_factory=set)


@dataclass
class _View:
    """One clause as the kind rules read it, with what the sentence's earlier clauses left."""

    doc: Doc
    sentence: Sentence
    first: int  # index in doc.tokens of the clause's first token
    tokens: list[Token]
    mentions: list[Mention]
    when: str | None
    time_text: str | None
    reported: bool
    own_time: bool = False  # `when` is the clause's own, not the sentence's
    subjects: list[str] = field(default_factory=list)  # actors of the previous clause
    organisations: list[str] = field(default_factory=list)  # organisations of the previous clause
    follows: frozenset[str] = frozenset()  # fact kinds the previous clause stated ("..., оны X басқарды")
    persons: list[str] = field(default_factory=list)  # persons acting in the previous clause
    places: list[str] = field(default_factory=list)  # where the previous clause is ("Тәжікстанда болды: ...")

    @cached_property
    def lemmas(self) -> list[str]:
        return [_lemma(t) for t in self.tokens]

    @cached_property
    def words(self) -> list[str]:
        return [t.norm.lower() for t in self.tokens]

    @cached_property
    def vocabulary(self) -> frozenset[str]:
        """Every word and lemma of the clause, to rule out a phrase before looking for it."""
        return frozenset(self.words).union(self.lemmas)

    def ids(self, *prefixes: str) -> list[str]:
        return list(
            dict.fromkeys(m.entity for m in self.mentions if m.entity and m.entity.startswith(prefixes))
        )

    def after(self, mention: Mention) -> int:
        """Index in `tokens` of the word right after the mention."""
        return mention.last - self.first


class KazakhFactExtractor:
    """Fills `doc.facts` for a Kazakh `Doc` with linked mentions and quotes."""

    def __init__(
        self, catalog: Catalog, home: str = "country:KZ", cues: dict[str, Any] | None = None
    ) -> None:
        self.catalog = catalog
        self.home = home
        self.cues = cues or load_cues()
        self.time = TimeResolver(self.cues)
        self.clauses = ClauseSplitter(self.cues)
        self.plover: dict[str, dict[str, str]] = self.cues["plover"]
        self._noun_forms: dict[tuple[str, ...], frozenset[str]] = {}

    def __call__(self, doc: Doc) -> None:
        context = _Context()
        discourse = _Discourse()
        people = self._people(doc)
        by_sentence: dict[int, list[Mention]] = {}
        for mention in doc.mentions:
            by_sentence.setdefault(mention.sentence, []).append(mention)
        quoted = {
            s.index
            for q in doc.quotes
            if q.kind == "direct"
            for s in doc.sentences
            if s.start < q.evidence.end and q.evidence.start < s.end
        }
        opinions = {
            s.index
            for q in doc.quotes
            if not self._official(q.speaker.entity, people)
            for s in doc.sentences
            if s.start < q.evidence.end and q.evidence.start < s.end
        }  # what an expert says, directly or not, is an assessment, not a record of what happened
        found: dict[tuple[Any, ...], Fact] = {}
        spoken: list[tuple[int, str, bool]] = []
        event_times: dict[int, str | None] = {}  # when the event in hand was, as each sentence starts
        named_year: int | None = None  # the year the text named last: what "сол жылы" refers to
        for sentence in doc.sentences:
            tokens = doc.sentence_tokens(sentence)
            mentions = [m for m in by_sentence.get(sentence.index, []) if m.entity]
            when = self.time.find(tokens, doc.article.published, named_year)
            if when is not None and when.value[:4].isdigit():
                named_year = int(when.value[:4])
            if self._is_heading(doc, sentence):
                heading = self._view(doc, sentence, 0, tokens, mentions, when, False)
                context = _Context(heading.when, heading.time_text, next(iter(heading.ids("mission:")), None))
                continue
            if sentence.index in opinions:
                continue
            event_times[sentence.index] = discourse.event_time
            previous: _View | None = None
            for clause in self.clauses.split(tokens):
                if clause.frame:
                    continue
                view = self._view(
                    doc,
                    sentence,
                    clause.first,
                    tokens[clause.first : clause.last],
                    mentions,
                    when,
                    clause.reported or sentence.index in quoted,
                )
                if previous is not None:
                    view.subjects = self._actors(previous, people)
                    view.organisations = self._organisations(previous, discourse)
                    view.persons = self._subjects(previous, discourse)
                    view.places = [
                        m.entity
                        for m in self._countries(previous, places=True)
                        if self._case(doc, m) == "Loc"
                    ]
                    view.follows = previous.follows
                if any(lemma in self.cues["opinion_verbs"] for lemma in view.lemmas):
                    continue
                facts = [
                    *self._membership(view, discourse, people),
                    *self._chairmanship(view, discourse, people),
                    *self._mission_participation(view, context, discourse, people),
                    *self._visit(view, discourse, people),
                    *self._meeting(view, discourse, people),
                    *self._agreement(view, discourse, people),
                    *self._cooperation(view, discourse, people),
                ]
                spoken += [(sentence.index, s, view.reported) for s in self._speakers(view, people)]
                facts = [self._at_event(fact, discourse) for fact in facts]
                for fact in facts:
                    key = (
                        fact.kind,
                        repr(sorted(fact.args.items())),
                        fact.time,
                        fact.modality,
                        fact.evidence.sentence,
                    )
                    if key not in found or fact.confidence > found[key].confidence:
                        found[key] = fact
                self._remember(view, discourse, people, facts)
                previous = view
                previous.follows = frozenset(f.kind for f in facts)
        doc.facts.extend(self._merge_meetings(list(found.values())))
        statements = self._statements(doc, by_sentence, spoken, people)
        doc.facts.extend(
            replace(f, time=event_times.get(f.evidence.sentence)) if f.time is None else f for f in statements
        )

    @staticmethod
    def _at_event(fact: Fact, discourse: _Discourse) -> Fact:
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

    @staticmethod
    def _merge_meetings(facts: list[Fact]) -> list[Fact]:
        """One meeting per sentence and forum: "Жиынды Моди жүргізді, оған Тоқаев ... қатысты" names the
        attendees of one meeting in two clauses."""
        merged: list[Fact] = []
        for fact in facts:
            same = next(
                (
                    i
                    for i, m in enumerate(merged)
                    if fact.kind == m.kind == "meeting"
                    and fact.evidence.sentence == m.evidence.sentence
                    and fact.modality == m.modality
                    and fact.args.get("organization") == m.args.get("organization")
                    and not set(fact.args["participants"])
                    & set(m.args["participants"])  # not "X Y-пен де, Z-пен де"
                ),
                None,
            )
            if same is None:
                merged.append(fact)
                continue
            kept = merged[same]
            people = list(dict.fromkeys([*kept.args["participants"], *fact.args["participants"]]))
            merged[same] = replace(kept, args={**fact.args, **kept.args, "participants": people})
        return merged

    def _view(
        self,
        doc: Doc,
        sentence: Sentence,
        first: int,
        tokens: list[Token],
        mentions: list[Mention],
        sentence_when: TimeMention | None,
        reported: bool,
    ) -> _View:
        """The clause `tokens` (starting at sentence token `first`): its own time, else the sentence's."""
        start = sentence.first + first
        inside = [m for m in mentions if start <= m.first and m.last <= start + len(tokens)]
        whole = len(tokens) == sentence.last - sentence.first
        own = sentence_when if whole else self.time.find(tokens, doc.article.published)
        # A time said in an earlier clause carries on ("2014 жылы ..., ал ..."); one in a later clause
        # belongs to that clause ("Орбан келді, бұл ел 2018 жылдан бері бақылаушы").
        earlier = sentence_when if sentence_when and sentence_when.last <= first else None
        when, words = (own, tokens) if own else (earlier, doc.sentence_tokens(sentence))
        return _View(
            doc,
            sentence,
            start,
            tokens,
            inside,
            when.value if when else None,
            self._span_text(doc, words, when),
            reported,
            own_time=own is not None,
        )

    def _remember(self, view: _View, discourse: _Discourse, people: _People, facts: list[Fact]) -> None:
        persons = view.ids("person:")
        for country in [*view.ids("country:"), *self._countries_of(persons, people)]:
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
        for fact in facts:
            if fact.kind == "meeting":
                forum, earlier = discourse.event.get("organization"), discourse.attendees
                discourse.event = {k: v for k, v in fact.args.items() if k in ("organization", "place")}
                discourse.event_time = fact.time or discourse.event_time
                attendees = self._countries_of(fact.args["participants"], people)
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
            elif fact.kind == "visit":
                discourse.visit = dict(fact.args)
                discourse.event_time = fact.time or discourse.event_time
                date = fact.time or (
                    view.doc.article.published.isoformat() if view.doc.article.published else None
                )
                hosts = (
                    self.catalog.office_holders("head_of_state", fact.args["destination"], date)
                    if date
                    else ()
                )
                discourse.leaders = [fact.args["visitor"], *hosts[:1]]
                discourse.attendees = [*self._countries_of(discourse.leaders, people)]
            elif fact.kind == "agreement":
                discourse.document = list(fact.args["parties"])
        for fact in facts:
            states = [
                *self._countries_of(fact.args.get("participants", []), people),
                *(
                    p
                    for key in ("participants", "parties")
                    for p in fact.args.get(key, [])
                    if p.startswith("country:")
                ),
            ]
            if len(set(states)) > 2 and list(dict.fromkeys(states)) not in discourse.groups:
                discourse.groups.append(list(dict.fromkeys(states)))
            elif fact.kind == "mission_participation":
                discourse.deployment = {k: v for k, v in fact.args.items() if k in ("mission", "location")}

    # --- kinds ----------------------------------------------------------------------------------

    def _has(self, view: _View, kind: str, part: str) -> bool:
        cues = self.cues[kind][part]
        if part == "verbs":
            return any(_lemma(t) in cues for t in view.tokens if t.pos in ("VERB", "AUX"))
        return any(lemma in cues for lemma in view.lemmas)

    def _membership(self, view: _View, discourse: _Discourse, people: _People) -> list[Fact]:
        lemmas = view.lemmas
        cues = self.cues["membership"]
        observer, partner, founder = (
            any(all(w in lemmas for w in words) for words in cues[k])
            for k in ("observer", "partner", "founder")
        )
        joins = self._has(view, "membership", "verbs") or any(
            w.startswith(tuple(cues["verb_forms"])) for w in view.words
        )
        if any(lemma in cues["programmes"] for lemma in lemmas):
            return []  # "бағдарламасына қосылды": joining a programme is cooperation, not membership
        leaves = any(w.startswith(tuple(cues["leaves"])) for w in view.words) or (
            "мүшелік" in lemmas and any(w.startswith(tuple(cues["stops"])) for w in view.words)
        )  # "одан шығып кетті", "мүшелігін тоқтатты"
        voted = any(w.startswith(tuple(cues["elected"])) for w in view.words)
        elected = voted and (
            bool(view.ids("org:"))
            or any(
                lemma in self.cues["organisation_words"] and t.feats.get("Case") == "Dat"
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
            or elected
        ):
            return []
        to_be = any(
            lemmas[i] == "мүше" and view.words[i + 1 : i + 2] and view.words[i + 1].startswith("болу")
            for i in range(len(lemmas))
        )  # "мүше болуға өтінім", "мүше болу жөніндегі міндеттемелері": not yet a member
        applies = to_be or any(lemma in self.cues["membership"]["applies"] for lemma in lemmas)
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
        forums = self._forums(view)
        status = (
            "observer"
            if observer
            else "dialogue_partner"
            if partner
            else "applicant"
            if applies
            else "member"
        )
        members = self._actors(view, people, capitals=True) + [
            m.entity
            for m in view.mentions
            if m.entity.startswith("place:")
            and self._stateless(m.entity)
            and self._case(view.doc, m) in ("Nom", None)
        ]  # a territory the catalog keeps without a state: "Солтүстік Кипр бақылаушы ретінде қатысады"
        if not members and self._contains(view.words, ["екі", "ел"]):
            members = list(discourse.sides)  # "Екі ел де ... мүшесі"
        elif not members and discourse.sides and self._this_country(view):
            members = discourse.sides[-1:]  # "Орбан да келді, бұл ел ұйымда бақылаушы"
        if any(w.startswith(tuple(cues["given"])) for w in view.words):  # "СКТР-ға мәртебесі берілді"
            members += [
                m.entity
                for m in view.mentions
                if self._case(view.doc, m) == "Dat" and self._stateless(m.entity)
            ]
        when = time_text = modality = None
        if voted and not leaves and discourse.election and not view.own_time:
            when, time_text, modality = discourse.election  # the same vote, the same term
        facts = [
            self._fact(
                view,
                "membership",
                {"member": member, "organization": org, "status": status},
                0.8,
                when=when,
                time_text=time_text,
                modality="negated" if leaves else modality,
            )
            for member in dict.fromkeys(members)
            for org in self._admitted_to(view, self._organisations(view, discourse))
            if org not in forums  # "БҰҰ Бас Ассамблеясының отырысында ... мүше болып сайланды"
        ]
        if voted and view.own_time and facts and facts[0].time:
            discourse.election = (facts[0].time, facts[0].time_text, facts[0].modality)
        return facts

    def _admitted_to(self, view: _View, orgs: list[str]) -> list[str]:
        """An organ that admits states to membership admits them to its organisation: "БҰҰ Бас
        Ассамблеясы ... елдерді ұйымға мүшелікке қабылдады" is membership of the UN."""
        if not ("мүшелік" in view.lemmas and "қабылда" in view.lemmas):
            return orgs
        parents = [self.catalog[org].parent if org in self.catalog else None for org in orgs]
        return list(dict.fromkeys(parent or org for org, parent in zip(orgs, parents, strict=True)))

    @staticmethod
    def _this_country(view: _View) -> bool:
        """The clause refers back to the last country: "бұл ел", "аталған мемлекет"."""
        return any(
            w in ("бұл", "аталған", "осы") and view.lemmas[i + 1 : i + 2] in (["ел"], ["мемлекет"])
            for i, w in enumerate(view.words)
        )

    def _chair_receivers(self, view: _View) -> list[str]:
        """States in the dative of a clause about the chair: who it may pass to ("төрағалық Қырғызстанға")."""
        if "төрағалық" not in view.lemmas:
            return []
        return [m.entity for m in self._countries(view) if self._case(view.doc, m) == "Dat"]

    def _stateless(self, entity: str) -> bool:
        """A country, or a state the catalog keeps as a place because few recognise it (Northern Cyprus)."""
        entry = self.catalog.get(entity)
        return entity.startswith("country:") or (
            entry is not None and entry.type == "place" and entry.extra.get("kind") == "unrecognised_state"
        )

    def _chairmanship(self, view: _View, discourse: _Discourse, people: _People) -> list[Fact]:
        if "төрағалық" not in view.lemmas:
            return []
        countries = self._countries(view)
        receivers = self._chair_receivers(view)
        under = [
            m.entity
            for m in countries
            if self._case(view.doc, m) == "Gen"
            and view.lemmas[view.after(m) : view.after(m) + 1] == ["төрағалық"]
            and view.tokens[view.after(m)].feats.get("Case") in ("Ins", "Loc")
        ]  # "Үндістанның төрағалығымен өтті": held under India's chair
        # "төрағалық Әзірбайжанға өтті" passes the chair; "... төрағалығымен өтті" only took place
        passes = self._has(view, "chairmanship", "passes") and bool(receivers)
        owners = {m.entity for m in countries if self._case(view.doc, m) == "Gen"}
        if passes or under:
            chairs = receivers if passes else under
        else:  # the subject; "Қазақстанның алдағы төрағалығының басымдықтары" names a chair, states none
            chairs = [a for a in self._actors(view, people) if a.startswith("country:") and a not in owners]
        # "ұйымына мүше мемлекеттер басшылары кеңесінің отырысы": the organisation behind the organ
        orgs = self._organisations(view, discourse) or view.ids("org:")
        term = {"term": view.when} if view.when and view.own_time and not passes else {}
        handed = passes or "қабылда" in view.lemmas
        before = [
            m.entity
            for m in countries
            if handed
            and (
                self._case(view.doc, m) == "Abl"
                or (
                    passes
                    and self._case(view.doc, m) == "Gen"
                    and "төрағалық" in view.lemmas[view.after(m) : view.after(m) + 3]
                )  # "Қазақстанның бір жылдық төрағалығы аяқталып, ... Қытайға өтті"
            )
        ]
        facts = [
            self._fact(view, "chairmanship", {"chair": chairs[0], "organization": orgs[0], **term}, 0.8)
            for _ in chairs[:1]
            for _ in orgs[:1]
        ]
        return facts + [
            self._fact(view, "chairmanship", {"chair": b, "organization": orgs[0]}, 0.7, modality="asserted")
            for b in before[:1]
            for _ in orgs[:1]
            if b not in chairs
        ]

    def _mission_participation(
        self, view: _View, context: _Context, discourse: _Discourse, people: _People
    ) -> list[Fact]:
        cues = self.cues["mission_participation"]
        lemmas = view.lemmas
        missions = view.ids("mission:")
        troops = any(lemma in cues["nouns"] for lemma in lemmas)
        serving = any(lemma in cues["verbs"] and self._predicates(view, i) for i, lemma in enumerate(lemmas))
        if not (missions or troops) or not serving or any(lemma in cues["not_missions"] for lemma in lemmas):
            return []
        owners = [
            m.entity
            for m in self._countries(view)
            if self._case(view.doc, m) == "Gen" and self._owns_troops(view, m)
        ]  # "Қазақстанның біріктірілген батальоны": the troops are this state's, whatever framework
        places = [
            m.entity
            for m in self._countries(view, places=True)
            if (self._case(view.doc, m) in ("Loc", "Dat", "Gen") or m.entity.startswith("place:"))
            and m.entity not in owners
        ]
        mission = missions[0] if missions else (context.mission if troops else None)
        if mission is None and "миссия" in lemmas and "org:UN" in view.ids("org:"):
            mission = self._mission_in(places)  # "Батыс Сахарадағы БҰҰ миссиясында"
        entry = self.catalog.get(mission) if mission else None
        known = (entry.locations or entry.hosts) if entry else ()
        location = places[0] if places else (known[0] if len(known) == 1 else None)
        location = location or self._place_word(view, discourse) or next(iter(view.places), None)
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
            [o for o in self._organisations(view, discourse, inherit=False) if o != "org:UN"]
            if any(w in cues["forces"] for w in lemmas)
            else []
        )  # "ҰҚШҰ-ның бітімгерлік күштері", "ұйымның күштері": the organisation's forces
        actors = [
            a for a in self._actors(view, people, exclude=_PLACE_CASES | {"Dat"}) if a not in hosts_units
        ]
        sends = any(
            lemma == "жібер"
            and view.tokens[i + 1 : i + 2]
            and view.tokens[i + 1].pos not in ("NOUN", "PROPN")
            for i, lemma in enumerate(lemmas)
        )  # "әскер жіберген жоқ" says who sent; "әскер жіберген елдер" describes them
        senders = [
            m.entity
            for m in self._countries(view)
            if sends and self._case(view.doc, m) in ("Nom", None) and m.label != "NORP"
        ]  # "Қазақстан ... НАТО күштеріне әскер жіберген жоқ": the sender
        participants = owners or senders or forces or actors
        unnamed_owner = any(
            lemma in self.cues["pair_nouns"] and t.feats.get("Case") == "Gen"
            for lemma, t in zip(lemmas, view.tokens, strict=True)
        )  # "жағалаудағы бес мемлекеттің әскери күштері": some states' troops, not ours
        if not participants and troops and not unnamed_owner:
            participants = [self.home]
        args: dict[str, Any] = {
            **({"mission": mission} if mission else {}),
            **({"location": location} if location else {}),
            **self._troops(view, len(participants) == 1),
        }
        when = view.when or context.time
        text = view.time_text if view.when else context.time_text
        return [
            self._fact(
                view, "mission_participation", {"participant": p, **args}, 0.8, when=when, time_text=text
            )
            for p in participants
            if p != location
        ]

    def _predicates(self, view: _View, i: int) -> bool:
        """Whether word `i` is said to happen, not named as a topic: a verbal noun counts only when a
        plan or duty follows ("жіберу жоспарлануда", "қатысуы тиіс"), not in "қатысу ... танытады"."""
        if view.tokens[i].feats.get("VerbForm") != "Vnoun":
            return True
        return self._next_word(view, i) in self.cues["planned"]

    def _place_word(self, view: _View, discourse: _Discourse) -> str | None:
        """Where a deployment goes when the text says it by a word: "елімізге" is the home country,
        "бұл елге" the last country named."""
        for i, word in enumerate(view.words):
            case = view.tokens[i].feats.get("Case")
            if case not in ("Dat", "Loc"):
                continue
            if word.startswith(tuple(self.cues["home_words"]["forms"])):
                return self.home
            if (
                i
                and view.words[i - 1] in ("бұл", "сол")
                and _lemma(view.tokens[i]) == "ел"
                and discourse.sides
            ):
                return discourse.sides[-1]
        return None

    def _owns_troops(self, view: _View, mention: Mention) -> bool:
        """ "Қазақстанның (біріктірілген) батальоны": a unit right after the state, adjectives between."""
        for token in view.tokens[view.after(mention) : view.after(mention) + 3]:
            if _lemma(token) in self.cues["mission_participation"]["units"]:
                return True
            if token.pos != "ADJ" and token.feats.get("VerbForm") != "Part":
                return False
        return False

    def _troops(self, view: _View, one_sender: bool) -> dict[str, Any]:
        """Who serves and how many, as the clause says: "120 адамнан тұратын рота" → personnel 120,
        "әскери бақылаушылар" → role "әскери бақылаушы". A head count is kept only when one state
        sends them (a count for a five-nation contingent is not any one state's)."""
        cues = self.cues["mission_participation"]
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

    def _visit(self, view: _View, discourse: _Discourse, people: _People) -> list[Fact]:
        cues = self.cues["visit"]
        trip = any(lemma in cues["nouns"] for lemma in view.lemmas)
        moves = [
            i
            for i, t in enumerate(view.tokens)
            if t.pos == "VERB"
            and _lemma(t) in cues["verbs"]
            and not (i and view.tokens[i - 1].feats.get("VerbForm") == "Conv")  # "артып келе жатыр"
        ]
        # "Парижге келер алдында, ... Мәскеуде болып": the trip the clause tells is the stay, not the next one
        ahead = [i for i in moves if view.words[i + 1 : i + 2] == ["алдында"]]
        moves = [i for i in moves if i not in ahead]
        # "Қазақстанда сапармен болды", and "Тоқаев Мәскеуде болып, Путинмен кездесті": an official who was
        # in a foreign place visited it (one's own country is no destination, below)
        stays = any(
            _lemma(t) == "бол"
            and (trip or (t.pos in ("VERB", "AUX") and t.feats.get("VerbForm") in ("Conv", "Fin")))
            for t in view.tokens
        )
        if not (trip or moves or stays) or (not trip and len(view.tokens) > 25):
            return []
        to_a_meeting = any(
            t.feats.get("Case") == "Dat" and self._inflects(t, self.cues["meeting"]["events"])
            for t in view.tokens
        )
        destinations = [
            self._country_of_place(m.entity)
            for m in self._countries(view, places=True)
            if (self._case(view.doc, m) == "Dat" and not ahead)
            or ((stays or to_a_meeting) and self._case(view.doc, m) == "Loc")
        ]  # "Қытайға барды", "Қазақстанда сапармен болды", "Бішкектегі саммитке келмеді"
        destinations = [d for d in destinations if d]
        if (
            not destinations
            and trip
            and discourse.visit
            and any(_lemma(t) == "ел" and t.feats.get("Case") == "Dat" for t in view.tokens)
        ):  # "Бұл – Тоқаевтың көрші елге жасаған алғашқы сапары": the country of the visit in hand
            destinations = [discourse.visit["destination"]]
        if not destinations and to_a_meeting and moves:  # "саммитке Виктор Орбан келді": to its host
            host = self._country_of_place(discourse.event.get("place", "")) or discourse.visit.get(
                "destination"
            )
            destinations = [host] if host else []
        cases = ("Nom", "Gen", None) if trip else ("Nom", None)
        named = [
            m
            for m in view.mentions
            if m.entity.startswith("person:")
            and m.entity in people.officials
            and self._case(view.doc, m) in cases
        ]
        # Names first: a bare role after a name ("Мирзиёев президент ретінде") is that person, not another.
        visitors = [m.entity for m in named if m.label == "PERSON"] or [m.entity for m in named]
        if not visitors and discourse.person and any(w in self.cues["person_pronouns"] for w in view.words):
            visitors = [discourse.person]
        if not visitors and not self._names_someone(view):
            visitors = [p for p in view.persons if p in people.officials]  # "..., Өзбекстанға барады"
        called_off = any(lemma in self.cues["cancelled"] for lemma in view.lemmas)
        if not visitors and not destinations and trip and called_off and discourse.visit:
            visitors, destinations = [discourse.visit["visitor"]], [discourse.visit["destination"]]
        if not visitors or not destinations:
            return []
        kind = next((v for k, v in cues["types"].items() if k in view.words), None)
        facts = []
        for visitor in dict.fromkeys(visitors):  # "Астанаға келген Мирзиёев, Жапаров және Рахмон ..."
            destination = next(
                (d for d in destinations if d not in self._countries_of([visitor], people)), None
            )
            if destination is None:
                continue
            hosts = [
                m.entity
                for m in view.mentions
                if m.entity.startswith("person:")
                and m.entity != visitor
                and self._countries_of([m.entity], people) == [destination]
            ]  # "Тоқаевтың шақыруымен", "Тоқаевпен кездесті": named by the text, never assumed
            args = {
                "visitor": visitor,
                "destination": destination,
                **({"host": hosts[0]} if hosts else {}),
                **({"visit_type": kind} if kind else {}),
            }
            facts.append(self._fact(view, "visit", args, 0.75))
        return facts

    def _meeting(self, view: _View, discourse: _Discourse, people: _People) -> list[Fact]:
        cues = self.cues["meeting"]
        lemmas = view.lemmas
        talks = "кездес" in lemmas or self._contains(lemmas, ["бас", "қос"]) or self._received(view)
        # Words inside a name are not meeting nouns ("Қауіпсіздік Кеңесі"), except the last word of a
        # forum that is named as an event ("... консультативтік кездесуі", "«Орталық Азия – Қытай» саммиті").
        named = {
            i
            for m in view.mentions
            for i in range(m.first - view.first, view.after(m) - (1 if m.entity.startswith("org:") else 0))
        }
        nouns = [i for i, t in enumerate(view.tokens) if i not in named and self._inflects(t, cues["nouns"])]
        persons = [
            m.entity
            for m in view.mentions
            if m.entity.startswith("person:")
            and (
                self._case(view.doc, m) != "Gen"
                or view.after(m) in nouns
                or self._next_word_after(view, m) in ("",)
            )
        ]  # not "Кисиданың сапарын тоқтатуына": a genitive person belongs to another noun
        if discourse.person and any(w in self.cues["person_pronouns"] for w in view.words):
            persons.insert(0, discourse.person)  # "Астанада ол Тоқаевпен келіссөз жүргізді"
        if not persons and not self._names_someone(view):
            persons = list(view.persons)  # "Ол ... барады, ал ... саммитке қатысады": the same subject
        elif persons and set(persons) <= self._partners(view):
            # "Моди Астанаға келді, ал бүгін Назарбаевпен келіссөз жүргізді": whoever met the partner
            # in the instrumental is the subject the clause left out
            persons = list(dict.fromkeys([*view.persons, *persons]))
        if not persons:
            persons = self._leaders_of(view)  # "Әзірбайжан, Қазақстан ... президенттері"
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
        acts = [i for i, t in enumerate(view.tokens) if self._meeting_act(view, i, t, nouns, bool(persons))]
        held = len(persons) > 1 and any(
            lemmas[n] in cues["encounters"] and view.tokens[n].feats.get("Person[psor]") for n in nouns
        )  # "Тоқаев пен Си Цзиньпиннің кездесуі"
        discussed = len({p for p in persons if p in people.officials}) > 1 and any(
            lemma in cues["discuss"] for lemma in lemmas
        )  # "Тоқаев пен Си Цзиньпин ... талқылады": two leaders who discuss have met
        members = [
            m.entity
            for m in view.mentions
            if m.entity.startswith("org:") and self._next_word_after(view, m) in cues["member_states"]
        ]  # "ОПЕК елдері ... талқылады": the organisation's members met
        if members and any(lemma in cues["discuss"] for lemma in lemmas):
            held, nouns = True, nouns or [len(lemmas)]
        held = held or discussed
        talks = talks or discussed
        if any(w in cues["pronouns"] for w in view.words) and "meeting" in view.follows:
            nouns = nouns or [len(lemmas)]  # "оны", "оған" stand for the meeting just named
        if any(w in cues["vague"] for w in view.words):
            return []  # "бірқатар кездесу өткізеді": nobody named to meet
        if not (held or (acts and (nouns or talks))):
            return []
        if not persons and any(lemma in cues["delegations"] for lemma in lemmas):
            persons = [
                m.entity
                for m in view.mentions
                if m.entity.startswith("country:")
                and m.label != "NORP"
                and (
                    self._case(view.doc, m) in ("Nom", None)
                    or (self._word_after_list(view, m) or "").startswith(tuple(cues["delegations"]))
                )
            ]  # "Ресей мен Иран делегациялары", "Қырғызстан мен Өзбекстанның сыртқы істер министрлері"
        orgs = [
            m.entity
            for m in view.mentions
            if m.entity.startswith("org:") and self._names_event(view, m, set(nouns))
        ]
        places = [
            m.entity
            for m in self._countries(view, places=True)
            if self._case(view.doc, m) == "Loc" and m.entity != self.home
        ]
        args: dict[str, Any] = {"participants": list(dict.fromkeys(persons))}
        organisation = (
            orgs[0] if orgs else self._forum_word(view, nouns, discourse) or next(iter(members), None)
        )
        inherited = False
        if (
            organisation is None
            and not talks
            and all(i == len(lemmas) or lemmas[i] != "келіссөз" for i in nouns)
        ):
            organisation = discourse.event.get("organization")  # "Саммитке X қатысты": the one before
            inherited = organisation is not None
        if not organisation and not self._identifiable(persons, people, discourse):
            return []  # a meeting with a singer, a government session: not foreign policy
        if organisation:
            args["organization"] = organisation
        if places:
            args["place"] = places[0]
        when = discourse.event_time if inherited and not view.when else None  # the summit's date
        apart = self._each_with(view)
        if (
            len(apart) > 1 and len(persons) == len(apart) + 1
        ):  # "Моди Си Цзиньпинмен де, Путинмен де кездесті"
            host = next(p for p in persons if p not in apart)
            return [
                self._fact(view, "meeting", {**args, "participants": [host, other]}, 0.7, when=when)
                for other in apart
            ]
        return [self._fact(view, "meeting", args, 0.7, when=when)]

    @staticmethod
    def _each_with(view: _View) -> list[str]:
        """Persons each named in the instrumental with its own "де/да" ("Си Цзиньпинмен де, Путинмен де"):
        one meeting with each, not one meeting of all."""
        return [
            m.entity
            for m in view.mentions
            if m.entity.startswith("person:")
            and view.doc.tokens[m.last - 1].feats.get("Case") == "Ins"
            and view.words[view.after(m) : view.after(m) + 1] in (["де"], ["да"], ["те"], ["та"])
        ]

    def _received(self, view: _View) -> bool:
        """ "X Y-ті қабылдады" (received), "X Y-пен сөйлесті" (spoke with): a meeting of the two."""
        cues = self.cues["meeting"]
        persons = [m for m in view.mentions if m.entity.startswith("person:")]
        verbs = {_lemma(t) for t in view.tokens if t.pos in ("VERB", "AUX")}
        received = bool(verbs & set(cues["receives"])) and any(
            _accusative(view.doc.tokens[m.last - 1]) for m in persons
        )
        spoke = any(w.startswith(tuple(cues["speaks_with"])) for w in view.words) and any(
            self._case(view.doc, m) == "Ins" for m in persons
        )
        return received or spoke

    @staticmethod
    def _names_someone(view: _View) -> bool:
        """Whether the clause names a person or a role of its own, resolved or not ("Мәжіліс төрайымы")."""
        last = view.first + len(view.tokens)
        return any(
            m.label in ("PERSON", "POSITION") and view.first <= m.first and m.last <= last
            for m in view.doc.mentions
        )

    def _partners(self, view: _View) -> set[str]:
        """Persons the clause names in the instrumental ("Назарбаевпен"), titles before them included."""
        return {
            m.entity
            for m in view.mentions
            if m.entity.startswith("person:") and self._case(view.doc, m) == "Ins"
        }

    def _subjects(self, view: _View, discourse: _Discourse) -> list[str]:
        """Persons a clause is about: named in the nominative, "ол", or those it inherited."""
        named = [
            m.entity
            for m in view.mentions
            if m.entity.startswith("person:") and self._case(view.doc, m) in ("Nom", None)
        ]
        if not named and discourse.person and any(w in self.cues["person_pronouns"] for w in view.words):
            named = [discourse.person]
        return list(dict.fromkeys(named)) or list(view.persons)

    def _leaders_of(self, view: _View) -> list[str]:
        """Heads of state a plural title names on the clause's date: "Әзірбайжан, Қазақстан және
        Түркия президенттері" (looked up in the catalog, never guessed)."""
        date = view.when if view.own_time else None
        date = date or (view.doc.article.published.isoformat() if view.doc.article.published else None)
        heads = [
            i for i, t in enumerate(view.tokens) if t.norm.lower() in self.cues["meeting"]["heads_of_state"]
        ]
        if not heads or not date:
            return []
        date = date.split("/")[0]
        leaders = []
        for m in view.mentions:
            if (
                m.entity.startswith("country:")
                and self._word_after_list(view, m) in self.cues["meeting"]["heads_of_state"]
            ):
                holders = self.catalog.office_holders("head_of_state", m.entity, date)
                leaders += holders[:1] if len(holders) == 1 else []
        return leaders

    def _identifiable(self, persons: list[str], people: _People, discourse: _Discourse) -> bool:
        """A meeting without a forum needs two named officials or states, or one at an event already
        named ("Кездесуді министр ашты" after the talks were introduced)."""
        officials = {p for p in persons if p in people.officials or p.startswith("country:")}
        return len(officials) > 1 or (len(officials) == 1 and bool(discourse.event or discourse.attendees))

    def _meeting_act(self, view: _View, i: int, token: Token, nouns: list[int], persons: bool) -> bool:
        """Whether word `i` makes the meeting happen: "өтті", "қатысты", "кездесті"; "келмеді" only to a
        meeting ("кездесуге"), "басқарды" only a delegation, "төрағалық етті" only a person at a session."""
        cues, lemma = self.cues["meeting"], _lemma(token)
        if lemma == "төрағалық":
            return persons and any(_lemma(view.tokens[n]) in cues["sessions"] for n in nouns)
        if lemma in cues["receives"] or token.norm.lower().startswith(tuple(cues["speaks_with"])):
            return self._received(view)
        if token.pos not in ("VERB", "AUX") or lemma not in cues["verbs"]:
            return False
        agreed = (
            token.feats.get("Case") == "Dat"
            and view.words[i + 1 : i + 2] != []
            and (view.words[i + 1].startswith(tuple(cues["agreed_to"])))
        )
        if token.feats.get("VerbForm") == "Vnoun" and self._next_word(view, i) != "тиіс" and not agreed:
            return False  # "саммиттің Астанада өтуі": the meeting is a topic, not an event here
        if lemma in cues["to_a_meeting"]:
            return any(view.tokens[n].feats.get("Case") == "Dat" for n in nouns)
        if lemma in cues["leads"]:
            return "делегация" in view.lemmas or ("оны" in view.words and "meeting" in view.follows)
        if lemma in cues["takes_place"]:  # "саммит өтті"; "өтетін саммитке" names it, states nothing
            if self._chair_receivers(view):
                return False  # "Отырыс барысында төрағалық Қырғызстанға өтті": the chair passed
            finite = token.feats.get("VerbForm", "Fin") in ("Fin", "Conv") or (
                self._next_lemma(view, i) == "бол"
            )  # "саммит өтіп, ... өзгертілді", "саммит Қазақстанда өтетін болды"
            if finite:
                return any(view.tokens[n].feats.get("Case") in ("Nom", None) for n in nouns)
            held = token.feats.get("VerbForm") == "Part" and token.feats.get("Tense") == "Past"
            return held and any(
                view.tokens[n].feats.get("Case") in ("Loc", "Abl") for n in nouns
            )  # "... өткен саммитте", "... өткен саммиттен бері"
        return True

    def _agreement(self, view: _View, discourse: _Discourse, people: _People) -> list[Fact]:
        cues = self.cues["agreement"]
        lemmas = view.lemmas
        # A treaty the catalog files under its organisation ("... туралы шартқа") is a document.
        named = {
            j
            for m in view.mentions
            for j in range(m.first - view.first, view.after(m) - (1 if self._names_document(view, m) else 0))
        }
        documents = [
            i
            for i, lemma in enumerate(lemmas)
            if i not in named
            and (
                self._inflects(view.tokens[i], cues["nouns"])
                or (
                    lemma in cues["joint_nouns"]
                    and (any(w in cues["joint"] for w in view.words[:i]) or self._named_title(view, i))
                )  # "бірлескен мәлімдеме", "Астана мәлімдемесі"
            )
        ]
        acting = [
            lemma
            for i, (lemma, t) in enumerate(zip(lemmas, view.tokens, strict=True))
            if t.feats.get("VerbForm") != "Vnoun"
            or (t.feats.get("Case") is None and [n.pos for n in view.tokens[i + 1 : i + 2]] != ["NOUN"])
        ]  # "қол қою рәсімінің алдында" names the ceremony, signs nothing
        signed = (
            ("қол" in view.words and "қой" in acting)
            or any(lemma in cues["verbs"] for lemma in acting)
            or any(self._contains(view.words, phrase) for phrase in cues["phrases"])
            or any(self._next_lemma(view, i) == "кел" for i in documents)  # "ортақ шешімге келе алмады"
            or (
                any(view.tokens[i].feats.get("Case") == "Dat" for i in documents)
                and any(w.startswith(tuple(cues["accedes"])) for w in view.words)
            )  # "Кейін құжатқа Грузия қосылды", "бұл шартқа қосылған жоқ"
        )
        if not documents or not signed:
            return []
        parties = self._parties(view, discourse, people, minimum=1, document=True)
        if not parties:
            return []
        args: dict[str, Any] = {"parties": parties}
        sectors = self._sectors(view)
        if sectors:
            args["sectors"] = sectors
        titles = [t for i in documents for t in [self._about(view, i) or self._named_title(view, i)] if t]
        titles = list(dict.fromkeys(titles)) or [self._quoted_title(view)]
        return [
            self._fact(view, "agreement", {**args, **({"title": title} if title else {})}, 0.7)
            for title in titles
        ]

    def _cooperation(self, view: _View, discourse: _Discourse, people: _People) -> list[Fact]:
        cues = self.cues["cooperation"]
        lemmas = view.lemmas
        named = any(
            lemma in cues["nouns"] and not self._in_title(view, i) for i, lemma in enumerate(lemmas)
        ) and self._has(view, "cooperation", "verbs")
        joint = any(lemma in cues["by_itself"] for lemma in lemmas) or any(
            self._phrase(view, phrase) for phrase in cues["phrases"]
        )
        if not (named or joint) or any(lemma in cues["calls"] for lemma in lemmas):
            return []
        parties = self._member_states(view, discourse) or self._parties(view, discourse, people, minimum=2)
        if len(parties) < 2:
            return []
        return [self._fact(view, "cooperation", {"parties": parties, "sectors": self._sectors(view)}, 0.65)]

    def _member_states(self, view: _View, discourse: _Discourse) -> list[str]:
        """The full members, on the clause's date, of the organisation whose "мүше мемлекеттер" /
        "мүше елдер" the clause names ("Ұйымға мүше мемлекеттердің басшылары ... талқылады"), as the
        catalog lists them."""
        lemmas = view.lemmas
        if not any(
            lemmas[i] == "мүше" and lemmas[i + 1 : i + 2] in (["мемлекет"], ["ел"])
            for i in range(len(lemmas))
        ):
            return []
        entry = next((self.catalog.get(org) for org in self._organisations(view, discourse)), None)
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

    def _statements(
        self,
        doc: Doc,
        by_sentence: dict[int, list[Mention]],
        spoken: list[tuple[int, str, bool]],
        people: _People,
    ) -> list[Fact]:
        """A statement is what an office-holder, a state, a state body or an organisation said on
        foreign policy (not what an expert said): every quote of one, and every clause where one
        proposes, calls or declares (`spoken`: sentence, speaker, reported) even when the words
        themselves are not given. An office-holder is one the catalog knows or the article titles."""
        not_speech = tuple(self.cues["statement"]["not_speech"])
        said = []
        for quote in doc.quotes:
            speaker = quote.speaker.entity
            entry = self.catalog.get(speaker) if speaker else None
            titled = speaker in people.officials
            if not titled and (
                entry is None or not (entry.offices or entry.type in ("body", "country", "org"))
            ):
                continue
            if quote.cue.lower().startswith(not_speech):
                continue  # "министрліктің мәліметінше": information passed on, not a speech
            sentence = doc.sentences[quote.evidence.sentence]
            tokens = doc.sentence_tokens(sentence)
            frame = self.clauses.split(tokens)[0]
            relayed = (
                frame.frame and quote.cue not in doc.article.text[sentence.start : tokens[frame.last - 1].end]
            )
            said.append((sentence.index, speaker, relayed))
        facts = []
        for index, speaker, relayed in dict.fromkeys([*said, *spoken]):
            if any(f.evidence.sentence == index and f.args["speaker"] == speaker for f in facts):
                continue
            fact = self._statement(doc, doc.sentences[index], speaker, relayed, by_sentence.get(index, []))
            if fact is not None:
                facts.append(fact)
        return facts

    def _statement(
        self, doc: Doc, sentence: Sentence, speaker: str, relayed: bool, mentions: list[Mention]
    ) -> Fact | None:
        """The statement fact of one speaker in one sentence, if its topic is foreign policy."""
        tokens = doc.sentence_tokens(sentence)
        args: dict[str, Any] = {"speaker": speaker}
        venues = [
            m.entity
            for m in mentions
            if m.entity and m.entity.startswith(("org:", "place:")) and self._case(doc, m) == "Loc"
        ]
        if venues:
            args["venue"] = venues[0]
        lemmas = [_lemma(t) for t in tokens]
        principles: dict[str, list[list[str]]] = self.cues["statement"]["principles"]
        named = [p for p, forms in principles.items() if any(self._contains(lemmas, f) for f in forms)]
        if named:
            args["principles"] = named
        abroad = [
            m
            for m in mentions
            if m.entity
            and m.entity.startswith(("country:", "org:", "place:", "mission:"))
            and self._country_of_place(m.entity) != self.home
            and m.entity != self.home
            and not (m.last < len(doc.tokens) and self._is_office(doc.tokens[m.last]))  # "Ресей Президенті"
            and (
                self._capital_of(m.entity) or not m.entity.startswith("place:") or self._case(doc, m) == "Loc"
            )
        ]  # a city abroad is a venue ("Уфада сөйлеген сөзінде"), not a topic ("Атырау – Астрахань жолы")
        topical = any(self._topical(token) for token in tokens)
        if not (abroad or named or topical):
            return None  # praise for a singer, a government session: not a foreign-policy statement
        when = self.time.find(tokens, doc.article.published)
        view = self._view(doc, sentence, 0, tokens, [], when, relayed)
        return self._fact(view, "statement", args, 0.75, modality="reported" if relayed else "asserted")

    def _topical(self, token: Token) -> bool:
        """Whether a word puts a statement on foreign policy: a topic word, or countries in the plural."""
        cues = self.cues["statement"]
        lemma = _lemma(token)
        if token.feats.get("Number") == "Plur" and lemma in cues["plural_topics"]:
            return True
        return any(part in cues["topics"] for part in lemma.split("-"))

    def _speakers(self, view: _View, people: _People) -> list[str]:
        """Officials and state bodies who propose, call for or declare something in the clause
        ("Тоқаев ... бастаманы ұсынды", "идеясын ... көтерген"); an invitation ("Путинді шақырды") is not."""
        cues = self.cues["statement"]
        acts = [
            i
            for i, t in enumerate(view.tokens)
            if t.pos in ("VERB", "AUX")
            and (
                _lemma(t) in cues["verbs"]
                or view.words[i].startswith(tuple(cues["verb_forms"]))
                or (i and view.words[i - 1] == "деп")  # "... деп атады"
            )
            and self._predicates(view, i)
        ]
        if not acts:
            return []
        invited = any(
            m.entity.startswith("person:") and _accusative(view.doc.tokens[m.last - 1]) for m in view.mentions
        )
        if invited:
            return []
        return list(
            dict.fromkeys(
                m.entity
                for m in view.mentions
                if self._case(view.doc, m) in ("Nom", None)
                and (m.entity in people.officials or m.entity.startswith("body:"))
            )
        )

    # --- arguments ------------------------------------------------------------------------------

    def _countries(self, view: _View, places: bool = False) -> list[Mention]:
        """Country (and with `places`, place) mentions that are not part of an office title, and the
        states of a region named for them."""
        prefixes = ("country:", "place:") if places else ("country:",)
        return [
            m
            for m in [*view.mentions, *self._region_states(view)]
            if m.entity.startswith(prefixes)
            and not self._office_after(view, m)
            and self._next_word_after(view, m) != "туралы"
        ]

    def _region_states(self, view: _View) -> list[Mention]:
        """A region named for its states ("Орталық Азия елдері", "Орталық Азияның бес мемлекеті") stands
        for each state the catalog lists in it, over the region's words; "Орталық Азия елдерінің ішінде"
        picks one out, so not then."""
        cues = self.cues["region_states"]
        states = []
        for m in view.mentions:
            entry = self.catalog.get(m.entity) if m.entity.startswith("place:") else None
            if entry is None or not entry.members:
                continue
            following = view.lemmas[view.after(m) : view.after(m) + 3]
            at = next((i for i, lemma in enumerate(following[:2]) if lemma in cues["nouns"]), None)
            if at is not None and following[at + 1 : at + 2] != cues["among"]:
                states += [replace(m, entity=member.entity) for member in entry.members]
        return states

    def _actors(
        self, view: _View, people: _People, exclude: frozenset[str] = _PLACE_CASES, capitals: bool = False
    ) -> list[str]:
        """Countries acting in the clause: named (not as a place), by demonym, by "ел", or the subject of
        the clause before ("Өзбекстан бақылаушы, бірақ одаққа мүше емес")."""
        actors = [
            m.entity
            for m in self._countries(view)
            if (m.label == "NORP" or self._case(view.doc, m) not in exclude)
            and self._word_after_list(view, m) != "арасындағы"  # "Израиль мен Хезболла арасындағы қақтығыс"
        ]
        if capitals:  # "Анкара ... мүшесі емес", "Вашингтон одан шығып кеткен"; not "Баку саммитінде"
            actors += [
                state
                for m in view.mentions
                if m.entity.startswith("place:")
                and self._case(view.doc, m) in ("Nom", None)
                and all(t.pos != "NOUN" for t in view.tokens[view.after(m) : view.after(m) + 1])
                for state in [self._capital_of(m.entity)]
                if state
            ]
        words, home = view.words, self.cues["home_words"]
        if not actors and any(
            (
                w.startswith(tuple(home["forms"]))
                or (w in home["nouns"] and i and words[i - 1] in home["ours"])
            )
            and (i + 1 == len(words) or not self._is_office(view.tokens[i + 1]))
            for i, w in enumerate(words)
        ):
            actors = [self.home]  # "еліміз", "біздің ел": a bare "ел" or "мемлекет" is any state
        if not actors:
            actors = list(view.subjects)
        return list(dict.fromkeys(actors))

    def _organisations(self, view: _View, discourse: _Discourse, inherit: bool = True) -> list[str]:
        """Organisations named in the clause, the one "ұйым", "одақ", "оған" refers to, or the previous
        clause's."""
        orgs = [
            m.entity
            for m in view.mentions
            if m.entity.startswith("org:")
            and not self._names_document(view, m)
            and not self._office_after(view, m)
            and self._word_after_list(view, m) not in self.cues["not_a_party_before"]
            and not self._parent_of_a_name(view, m)
        ]
        if orgs:
            return list(dict.fromkeys(orgs))
        heads = [lemma for lemma in view.lemmas if lemma in self.cues["organisation_words"]]
        pronoun = any(
            w in self.cues["organisation_pronouns"] and view.words[i + 1 : i + 2] != ["әрі"]
            for i, w in enumerate(view.words)
        )  # "одан әрі" is "further", not "from it"
        if heads or pronoun:
            referent = self._referent(heads, discourse)
            if referent:
                return [referent]  # "ұйымға", "Кеңесте", "қордың": the one the article is about
        return list(view.organisations) if inherit else []

    def _referent(self, heads: list[str], discourse: _Discourse) -> str | None:
        """The latest organisation whose names contain the head word ("қор" → the fund, not the bank
        named after it), else the latest one ("Министрлер кеңесі" is an organ of the one in hand)."""
        for org in reversed(discourse.organisations):
            entry = self.catalog.get(org)
            names = " ".join(entry.surface_forms("kk")).lower() if entry else ""
            if any(head in names for head in heads):
                return org
        return discourse.organisation

    def _parties(
        self, view: _View, discourse: _Discourse, people: _People, minimum: int, document: bool = False
    ) -> list[str]:
        """Signatories or partners: countries and organisations named, the signers' countries, or the
        sides "екі ел" / "тараптар" / "мемлекет басшылары" refer to."""
        states = [
            m.entity
            for m in [*view.mentions, *self._region_states(view)]
            if m.entity.startswith("country:")
            and self._case(view.doc, m) not in _PLACE_CASES
            and self._next_word_after(view, m) not in self.cues["not_a_party_before"]
        ]
        named = [
            *states,
            *self._organisations(view, discourse, inherit=False),
            *self._countries_of(view.ids("person:"), people),
        ]
        named = list(dict.fromkeys(named))
        counted = self._counted_group(view, discourse)
        if counted and len([n for n in named if n.startswith("country:")]) < len(counted):
            named = [
                n for n in named if not n.startswith("country:")
            ] + counted  # "бес мемлекеттің басшылары"
        pair = any(
            w == "екі" and view.lemmas[i + 1 : i + 2] and view.lemmas[i + 1] in self.cues["pair_nouns"]
            for i, w in enumerate(view.words)
        )  # "екі ел", "екі мемлекет басшысы"; not "екі жылда бір рет"
        both = pair or any(
            w in self.cues["both_sides"] or lemma in self.cues["both_sides"]
            for w, lemma in zip(view.words, view.lemmas, strict=True)
        )
        named = list(dict.fromkeys([*named, *self._actors(view, people)]))
        at_forum = not pair and any(self._inflects(t, self.cues["meeting"]["events"]) for t in view.tokens)
        # A document of the sides at a summit is the summit's ("Ел басшылары Стамбұл декларациясына қол
        # қойды"); partners in cooperation are the states that met ("саммитте тараптар ... талқылады").
        summit = (discourse.forum if at_forum else discourse.event.get("organization")) if document else None
        sides_of_format = self._format_sides(discourse.forum) if both and not pair else []
        if summit and sides_of_format and len(set(states)) < 2 and set(states) <= set(sides_of_format):
            named = [summit]  # "бес мемлекет пен Германия басшылары декларация қабылдады": the format's
        elif len(named) < 2 and both and summit:
            named = list(dict.fromkeys([*named, summit]))
        elif sides_of_format and not document:
            named = sides_of_format  # "саммитте тараптар ... талқылады": every side of the format
        elif len(named) < 2 and both:
            sides = discourse.attendees or discourse.document or discourse.sides
            named = list(dict.fromkeys([*named, *sides]))
        if "құжат" in view.lemmas and discourse.document and set(states) <= set(discourse.document):
            # "Құжатқа X пен Y қол қойды", "Қазақстан құжатты ратификациялады": the document just named
            signers = [n for n in named if n.startswith("country:")]
            named = list(dict.fromkeys([*discourse.document, *signers]))
        if not named:  # "Саммит қорытындысы бойынша декларация қабылданды": the forum's document
            forum = discourse.forum if at_forum else discourse.event.get("organization")
            named = [forum] if forum else list(discourse.attendees)
        return named if len(named) >= minimum else []

    def _counted_group(self, view: _View, discourse: _Discourse) -> list[str]:
        """The latest group of that many states ("бес мемлекеттің басшылары", "кепілгер үш мемлекет"):
        those that met or signed together before."""
        numbers: dict[str, int] = self.cues["group_numbers"]
        for i, w in enumerate(view.words[:-1]):
            if w in numbers and view.lemmas[i + 1] in self.cues["pair_nouns"]:
                return next((g for g in reversed(discourse.groups) if len(g) == numbers[w]), [])
        return []

    def _format_sides(self, forum: str | None) -> list[str]:
        """The sides of a summit format ("Орталық Азия – Германия"): the members the catalog lists."""
        entry = self.catalog.get(forum) if forum else None
        if entry is None or entry.extra.get("kind") != "summit_format":
            return []
        return [m.entity for m in entry.members]

    def _sectors(self, view: _View) -> list[str]:
        """Sectors the clause names, else its sentence's ("мұнай ... талқылап, шешімге келе алмады")."""
        for tokens in (view.tokens, view.doc.sentence_tokens(view.sentence)):
            parts = {part for t in tokens for word in (_lemma(t), t.norm.lower()) for part in word.split("-")}
            found = [sector for sector, words in self.cues["sectors"].items() if not parts.isdisjoint(words)]
            if found:
                return found
        return []

    def _people(self, doc: Doc) -> _People:
        """Whose office each person holds, read from the catalog and from titles the article gives
        ("Германия канцлері Олаф Шольц"), and which persons are officials at all."""
        people = _People()
        starts = {m.first: m for m in doc.mentions if m.entity and m.entity.startswith("person:")}
        for mention in doc.mentions:
            entity = mention.entity or ""
            title = doc.tokens[mention.first : mention.last]
            if (
                mention.label == "POSITION"
                and entity.startswith("person:")
                and any(map(self._is_office, title))
            ):
                people.officials.add(entity)  # "Сыртқы істер министрі", not "әнші"
            if not entity.startswith("country:"):
                continue
            i = mention.last
            while i < len(doc.tokens) and i - mention.last < 4 and i not in starts:
                if doc.tokens[i].pos == "PUNCT" or doc.tokens[i].pos == "VERB":
                    break
                i += 1
            person = starts.get(i)
            if person and any(self._is_office(t) for t in doc.tokens[mention.last : i]):
                people.countries.setdefault(person.entity or "", entity)
                people.officials.add(person.entity or "")
        for mention in starts.values():
            entry = self.catalog.get(mention.entity or "")
            if entry is not None and entry.offices:
                people.officials.add(entry.id)
        return people

    def _official(self, speaker: str | None, people: _People) -> bool:
        """Whether a speaker holds an office or speaks for an institution."""
        entry = self.catalog.get(speaker) if speaker else None
        if entry is not None and entry.type in ("body", "country", "org"):
            return True
        return speaker in people.officials

    def _countries_of(self, persons: list[str], people: _People) -> list[str]:
        """The countries whose offices these persons held (Putin → Russia), for "екі ел"."""
        countries = []
        for person in persons:
            entry = self.catalog.get(person)
            of = {o.of for o in entry.offices if o.of.startswith("country:")} if entry else set()
            if len(of) == 1:
                countries.append(of.pop())
            elif person in people.countries:
                countries.append(people.countries[person])
        return countries

    def _capital_of(self, entity: str) -> str | None:
        entry = self.catalog.get(entity)
        return entry.country if entry is not None and entry.extra.get("kind") == "capital" else None

    def _country_of_place(self, entity: str) -> str | None:
        if entity.startswith("country:"):
            return entity
        entry = self.catalog.get(entity)
        return entry.country if entry else None

    def _mission_in(self, places: list[str]) -> str | None:
        """The one UN operation the catalog has in these places."""
        found = {
            entry.id
            for entry in self.catalog.entries_of("mission")
            for place in places
            if place in (entry.locations or entry.hosts)
        }
        return found.pop() if len(found) == 1 else None

    def _inflects(self, token: Token, nouns: list[str]) -> bool:
        """Whether the word is one of `nouns` in some case form, read on the form too: the analyser
        takes "шартты" (the treaty, accusative) for the adjective "conditional", and "38-сессиясы" for
        a number. The forms of each cue list are spelled out once."""
        key = tuple(nouns)
        forms = self._noun_forms.get(key)
        if forms is None:
            forms = self._noun_forms[key] = frozenset(n + e for n in nouns for e in _NOUN_ENDINGS)
        return _lemma(token) in nouns or token.norm.lower().rsplit("-", 1)[-1] in forms

    def _about(self, view: _View, i: int) -> str | None:
        """The title of document `i` read back from its "туралы": "Одақтастық қатынастар туралы шарт",
        up to the conjunction, comma, name or "тараптар" before it."""
        if i < 2 or view.words[i - 1] not in ("туралы", "жөніндегі"):
            return None
        mentioned = {j for m in view.mentions for j in range(m.first - view.first, view.after(m))}
        first = i - 2
        while (
            first > 0
            and view.words[first - 1] not in self.cues["agreement"]["title_stops"]
            and view.tokens[first - 1].pos != "PUNCT"
            and first - 1 not in mentioned
            and _lemma(view.tokens[first - 1]) not in self.cues["both_sides"]
            and not view.tokens[first - 1].ner.endswith("DATE")
        ):
            first -= 1
        text = view.doc.article.text
        head = view.tokens[i]
        written = text[head.start : head.end]
        nouns = [*self.cues["agreement"]["nouns"], *self.cues["agreement"]["joint_nouns"]]
        noun = next((n for n in nouns if written.lower().startswith(n)), _lemma(head))
        # The head in its dictionary form, unless the article is in Latin letters (keep them as written).
        return text[view.tokens[first].start : head.start] + (written if written.isascii() else noun)

    def _names_document(self, view: _View, mention: Mention) -> bool:
        """Whether the mention's own last word is a document noun: the treaty, not its organisation."""
        last = view.after(mention) - 1
        return 0 <= last < len(view.tokens) and self._inflects(
            view.tokens[last], self.cues["agreement"]["nouns"]
        )

    def _named_title(self, view: _View, i: int) -> str | None:
        """The title of document `i` named after a place: "Астана декларациясы", "Бішкек декларациясына"
        (the capitalised words before it, and the head with its possessive, without its case)."""
        first = i
        while first > 0 and i - first < 3 and view.tokens[first - 1].norm[:1].isupper():
            first -= 1
        if first == i or (
            first == 0 and i - first == 1 and not view.tokens[0].ner.endswith(("GPE", "LOCATION"))
        ):
            return None  # no name, or only a sentence's first word
        text = view.doc.article.text
        head = view.tokens[i]
        written = text[head.start : head.end].lower()
        noun = next((n for n in self.cues["agreement"]["nouns"] if written.startswith(n)), _lemma(head))
        owned = next((noun + p for p in ("сы", "сі", "ы", "і") if written.startswith(noun + p)), noun)
        return text[view.tokens[first].start : head.start] + owned

    def _in_title(self, view: _View, i: int) -> bool:
        """Word `i` names what a document is about: "әріптестікті дамыту туралы бірлескен мәлімдеме"."""
        words, documents = view.words, self.cues["agreement"]
        for j in range(i + 1, min(len(words), i + 5)):
            if words[j] == "туралы":
                return any(
                    _lemma(t) in documents["nouns"] or _lemma(t) in documents["joint_nouns"]
                    for t in view.tokens[j + 1 : j + 4]
                )
        return False

    def _forums(self, view: _View) -> set[str]:
        """Organisations the clause names as the forum of a meeting ("Бас Ассамблеясының отырысында")."""
        nouns = {i for i, t in enumerate(view.tokens) if self._inflects(t, self.cues["meeting"]["nouns"])}
        return {
            m.entity
            for m in view.mentions
            if m.entity.startswith("org:") and self._names_event(view, m, nouns)
        }

    def _forum_word(self, view: _View, nouns: list[int], discourse: _Discourse) -> str | None:
        """ "Ұйымның келесі саммиті": an organisation word right before a meeting noun is the one named;
        "келесі саммит", "үшінші саммитті" is the next of the summits in hand."""
        words = set(self.cues["organisation_words"])
        series = self.cues["meeting"]["series"]
        for n in nouns:
            ordinal = n and (view.words[n - 1] in series or view.tokens[n - 1].feats.get("NumType") == "Ord")
            if (
                ordinal
                and discourse.forum
                and self._inflects(view.tokens[n], self.cues["meeting"]["sessions"])
            ):
                return discourse.forum
            for back in range(max(0, n - 4), n):  # "ұйымның Тұрақты кеңесінің отырысында"
                if view.lemmas[back] in words and view.tokens[back].feats.get("Case") == "Gen":
                    return self._referent([view.lemmas[back]], discourse)
        return None

    def _names_event(self, view: _View, mention: Mention, nouns: set[int]) -> bool:
        """True when a meeting noun follows the organisation within a few words ("ШЫҰ саммитіне",
        "ТМД мемлекет басшылары кеңесінің отырысы"), so the forum is its, not a role ("БҰҰ өкілі")."""
        own = view.after(mention) - 1  # the name's own last word may be the event ("... кездесуі")
        if own in nouns and self._inflects(view.tokens[own], self.cues["meeting"]["events"]):
            return True
        i = view.after(mention)
        for step in range(12):
            if i + step in nouns:
                return True
            if i + step >= len(view.tokens):
                return False
            token = view.tokens[i + step]
            if token.pos == "VERB" or token.norm in _CLAUSE_MARKS:
                return False
        return False

    # --- helpers --------------------------------------------------------------------------------

    def _next_word_after(self, view: _View, mention: Mention) -> str | None:
        i = view.after(mention)
        return view.tokens[i].norm.lower() if i < len(view.tokens) else None

    def _parent_of_a_name(self, view: _View, mention: Mention) -> bool:
        """ "БҰҰ Адам құқықтары жөніндегі кеңесі": the organisation owns a body the catalog does not know."""
        i = view.after(mention)
        if i >= len(view.tokens) or not view.tokens[i].norm[:1].isupper():
            return False
        return not any(m.first - view.first == i for m in view.mentions)

    def _word_after_list(self, view: _View, mention: Mention) -> str | None:
        """The first word after the list of names this one belongs to ("ЕАЭО, ТМД және ҰҚШҰ аясында")."""
        starts = {m.first - view.first: m for m in view.mentions}
        i = view.after(mention)
        while i < len(view.tokens):
            if i in starts:
                i = view.after(starts[i])
            elif (
                view.words[i] in self.cues["list_joiners"]
                or view.words[i] in ("«", "»")
                or view.tokens[i].norm[:1].isupper()  # a name the catalog does not know: "«Хезболла»"
                or view.tokens[i].feats.get("VerbForm") == "Vnoun"
                or (view.words[i].endswith(("у", "ю")) and view.words[i + 1 : i + 2] == ["туралы"])
            ):
                i += 1  # "ЕАЭО, ТМД және", "кеңесін құру туралы"
            else:
                return view.words[i]
        return None

    def _office_after(self, view: _View, mention: Mention) -> bool:
        """Whether the mention names whose office follows ("Франция Президенті", "Қазақстанның
        Президенті"); a name in another case is not a title's ("Қазақстанға президент ретінде келген жоқ")."""
        i = view.after(mention)
        return (
            i < len(view.tokens)
            and self._is_office(view.tokens[i])
            and view.doc.tokens[mention.last - 1].feats.get("Case") in ("Nom", "Gen", None)
        )

    def _is_office(self, token: Token) -> bool:
        """An office title word in any form ("Президенті", "канцлері", "министрі")."""
        word = token.norm.lower()
        return _lemma(token) in self.cues["office_words"] or any(
            word.startswith(office) and word[len(office) :] in _TITLE_ENDINGS
            for office in self.cues["office_words"]
        )

    @staticmethod
    def _next_word(view: _View, i: int) -> str | None:
        return view.tokens[i + 1].norm.lower() if i + 1 < len(view.tokens) else None

    @staticmethod
    def _next_lemma(view: _View, i: int) -> str | None:
        return _lemma(view.tokens[i + 1]) if i + 1 < len(view.tokens) else None

    def _case(self, doc: Doc, mention: Mention) -> str | None:
        """The mention's case, or its head's when a place noun follows the name ("Баку қаласына")."""
        after = doc.tokens[mention.last] if mention.last < len(doc.tokens) else None
        entity = mention.entity or ""
        if (
            after is not None
            and entity.startswith(("country:", "place:"))
            and after.norm[:1].islower()
            and _lemma(after) in self.cues["place_heads"]
        ):
            return after.feats.get("Case")
        return doc.tokens[mention.last - 1].feats.get("Case")

    @staticmethod
    def _contains(lemmas: list[str], form: list[str]) -> bool:
        n = len(form)
        if form and form[0] not in lemmas:
            return False  # most clauses lack the first word: one scan in C instead of a slice per word
        return any(lemmas[i : i + n] == form for i in range(len(lemmas) - n + 1))

    @staticmethod
    def _phrase(view: _View, phrase: list[str]) -> bool:
        """Whether the words occur in a row, each as written or as a lemma ("бірлескен жобасы")."""
        if not view.vocabulary.issuperset(phrase):
            return False  # a word of the phrase is missing: no need to try every position
        n, words, lemmas = len(phrase), view.words, view.lemmas
        return any(
            all(phrase[k] in (words[i + k], lemmas[i + k]) for k in range(n))
            for i in range(len(words) - n + 1)
        )

    def _is_heading(self, doc: Doc, sentence: Sentence) -> bool:
        """A line of its own without a final full stop, as news headings are."""
        text = doc.article.text
        line_start = text.rfind("\n", 0, sentence.start) + 1
        line_end = text.find("\n", sentence.end)
        line = text[line_start : line_end if line_end >= 0 else len(text)].strip()
        return line == text[sentence.start : sentence.end].strip() and line[-1:] not in _HEADING_END

    @staticmethod
    def _span_text(doc: Doc, tokens: list[Token], when: TimeMention | None) -> str | None:
        if when is None or when.first >= when.last:
            return None
        return doc.article.text[tokens[when.first].start : tokens[when.last - 1].end]

    def _modality(self, view: _View, kind: str) -> str:
        """negated > planned > reported > asserted, read from the clause's own words and predicate."""
        words, lemmas = view.words, view.lemmas
        negation = any(
            w in self.cues["negators"] and (i == 0 or words[i - 1] not in self.cues["not_negating_before"])
            for i, w in enumerate(words)
        ) or any(lemma in self.cues["cancelled"] for lemma in lemmas)
        negation = negation or any(self._contains(words, phrase) for phrase in self.cues["refused"])
        named = {i for m in view.mentions for i in range(m.first - view.first, view.after(m))}
        verbs = [t for i, t in enumerate(view.tokens) if i not in named]  # "фон дер Ляйен" has no verb
        if negation or any(t.feats.get("Polarity") == "Neg" for t in verbs if t.pos == "VERB"):
            return "negated"
        predicate = next(
            (
                t
                for t in reversed(verbs)
                if t.pos in ("VERB", "AUX") and t.feats.get("VerbForm", "Fin") == "Fin"
            ),
            None,
        )
        aorist = (
            predicate is not None
            and predicate.feats.get("Tense") == "Pres"
            and predicate.feats.get("Aspect") == "Hab"
            and (
                kind not in _STATE_KINDS
                or (kind == "chairmanship" and self._has(view, "chairmanship", "passes"))
            )
        )
        intent = any(
            t.feats.get("VerbForm") == "Vnoun"
            and t.feats.get("Case") == "Dat"
            and _lemma(t) in self.cues["intents"]
            for t in view.tokens
        )  # "баруға шақыруды қабылдады", "қатысуға келісті"
        published = view.doc.article.published
        ahead = bool(
            view.own_time
            and view.when
            and published
            and view.when[:4].isdigit()
            and int(view.when[:4]) > published.year
        )
        past = predicate is not None and predicate.feats.get("Tense") == "Past"
        ongoing = any(
            _lemma(t) in self.cues["ongoing"] and i and view.tokens[i - 1].feats.get("VerbForm") == "Conv"
            for i, t in enumerate(view.tokens)
        )  # "төрағалық етіп отыр": going on now, even with a term that ends later
        ahead = ahead and not ongoing
        if (
            aorist
            or intent
            or (ahead and (kind in _STATE_KINDS or not past))
            or any(w in self.cues["planned"] for w in words)
            or any(
                t.feats.get("Tense") == "Fut" and words[i + 1 : i + 2] != ["алдында"]
                for i, t in enumerate(view.tokens)
                if i not in named
            )  # not "Парижге келер алдында" (before coming to Paris)
        ):
            return "planned"
        return "reported" if view.reported else "asserted"

    def _fact(
        self,
        view: _View,
        kind: str,
        args: dict[str, Any],
        confidence: float,
        *,
        when: str | None = None,
        time_text: str | None = None,
        modality: str | None = None,
    ) -> Fact:
        doc, sentence = view.doc, view.sentence
        text = doc.article.text
        return Fact(
            kind=kind,
            args=args,
            evidence=Evidence(
                sentence.index, sentence.start, sentence.end, text[sentence.start : sentence.end]
            ),
            confidence=confidence,
            modality=modality or self._modality(view, kind),
            time=when or view.when,
            time_text=time_text or view.time_text,
            plover=self.plover.get(kind),
        )

    def _quoted_title(self, view: _View) -> str | None:
        words = [t.norm for t in view.tokens]
        if "«" in words and "»" in words[words.index("«") :]:
            first, last = words.index("«") + 1, words.index("»", words.index("«"))
            if first < last:
                return view.doc.article.text[view.tokens[first].start : view.tokens[last - 1].end]
        return None
