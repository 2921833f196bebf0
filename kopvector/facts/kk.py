"""Kazakh fact extractor: every fact kind of schema v1, from linked mentions and the morphology.

Rules read the morphology and the linked mentions of a sentence rather than fixed word sequences:
a cue lemma (мүше, миссия, қатыс-, ...) names the relation, the catalog type of each mention gives its
role (a country is the member, an organisation what it belongs to, a mission where it serves), the
case suffix rules out places ("Қытайда" in the locative is where, not who), and a heading such as
"2014 жыл: ... (MINURSO)" carries its year and mission to the paragraph under it. Cues are data
(`data/kk_fact_cues.yaml`). A Russian extractor plugs in beside this one (`Pipeline.fact_extractors`).
"екі ел" and "тараптар" stand for the last two countries the article named.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib import resources
from typing import Any

import yaml

from kopvector.document import Doc, Evidence, Fact, Mention, Sentence, Token
from kopvector.entities.catalog import Catalog
from kopvector.facts.time import TimeMention, TimeResolver

_PLACE_CASES = frozenset({"Loc", "Abl"})
_HEADING_END = ".!?…"


def load_cues() -> dict[str, Any]:
    text = (resources.files("kopvector.facts") / "data" / "kk_fact_cues.yaml").read_text(encoding="utf-8")
    return yaml.safe_load(text)


def _lemma(token: Token) -> str:
    return (token.lemma or token.norm).lower()


@dataclass
class _Context:
    """What a heading line passes to the sentences under it."""

    time: str | None = None
    time_text: str | None = None
    mission: str | None = None


@dataclass
class _Discourse:
    """What earlier sentences of the article make available to later ones."""

    organisation: str | None = None  # the last organisation named: "ұйым", "одақ" refer to it
    event: dict[str, str] = field(default_factory=dict)  # organisation and place of the last meeting
    person: str | None = None  # the last person named: "ол" refers to it
    sides: list[str] = field(default_factory=list)  # the last two countries named: "екі ел", "тараптар"


@dataclass
class _View:
    """One sentence as the kind rules read it."""

    doc: Doc
    sentence: Sentence
    tokens: list[Token]
    mentions: list[Mention]
    when: TimeMention | None
    quoted: bool

    @property
    def lemmas(self) -> list[str]:
        return [_lemma(t) for t in self.tokens]

    @property
    def words(self) -> list[str]:
        return [t.norm.lower() for t in self.tokens]

    def ids(self, *prefixes: str) -> list[str]:
        return list(
            dict.fromkeys(m.entity for m in self.mentions if m.entity and m.entity.startswith(prefixes))
        )


class KazakhFactExtractor:
    """Fills `doc.facts` for a Kazakh `Doc` with linked mentions and quotes."""

    def __init__(
        self, catalog: Catalog, home: str = "country:KZ", cues: dict[str, Any] | None = None
    ) -> None:
        self.catalog = catalog
        self.home = home
        self.cues = cues or load_cues()
        self.time = TimeResolver(self.cues)
        self.plover: dict[str, dict[str, str]] = self.cues["plover"]

    def __call__(self, doc: Doc) -> None:
        context = _Context()
        discourse = _Discourse()
        by_sentence: dict[int, list[Mention]] = {}
        for mention in doc.mentions:
            by_sentence.setdefault(mention.sentence, []).append(mention)
        quoted = {q.evidence.sentence for q in doc.quotes if q.kind == "direct"}
        found: dict[tuple[Any, ...], Fact] = {}
        for sentence in doc.sentences:
            tokens = doc.sentence_tokens(sentence)
            mentions = [m for m in by_sentence.get(sentence.index, []) if m.entity]
            when = self.time.find(tokens, doc.article.published)
            view = _View(doc, sentence, tokens, mentions, when, sentence.index in quoted)
            if self._is_heading(doc, sentence):
                context = _Context(
                    time=when.value if when else None,
                    time_text=self._span_text(doc, tokens, when),
                    mission=next(iter(view.ids("mission:")), None),
                )
                continue
            facts = [
                *self._membership(view, discourse),
                *self._chairmanship(view, discourse),
                *self._mission_participation(view, context),
                *self._visit(view),
                *self._meeting(view, discourse),
                *self._agreement(view, discourse.sides),
                *self._cooperation(view, discourse.sides),
            ]
            for fact in facts:
                key = (fact.kind, repr(sorted(fact.args.items())), fact.time, fact.modality)
                if key not in found or fact.confidence > found[key].confidence:
                    found[key] = fact
            self._remember(view, discourse, facts)
        doc.facts.extend(found.values())
        doc.facts.extend(self._statements(doc, by_sentence))

    def _remember(self, view: _View, discourse: _Discourse, facts: list[Fact]) -> None:
        for country in [*view.ids("country:"), *self._countries_of(view.ids("person:"))]:
            if country in discourse.sides:
                discourse.sides.remove(country)
            discourse.sides.append(country)
        del discourse.sides[:-2]
        discourse.organisation = next(reversed(view.ids("org:")), discourse.organisation)
        discourse.person = next(reversed(view.ids("person:")), discourse.person)
        for fact in facts:
            if fact.kind == "meeting":
                discourse.event = {k: v for k, v in fact.args.items() if k in ("organization", "place")}

    # --- kinds ----------------------------------------------------------------------------------

    def _has(self, view: _View, kind: str, part: str) -> bool:
        cues = self.cues[kind][part]
        if part == "verbs":
            return any(_lemma(t) in cues for t in view.tokens if t.pos == "VERB")
        return any(lemma in cues for lemma in view.lemmas)

    def _organisations(self, view: _View, discourse: _Discourse) -> list[str]:
        """Organisations named in the sentence, or the one "ұйым"/"одақ" refers back to."""
        orgs = view.ids("org:")
        if (
            not orgs
            and discourse.organisation
            and any(lemma in self.cues["organisation_words"] for lemma in view.lemmas)
        ):
            orgs = [discourse.organisation]
        return orgs

    def _membership(self, view: _View, discourse: _Discourse) -> list[Fact]:
        cues = self.cues["membership"]
        if not (self._has(view, "membership", "nouns") or self._has(view, "membership", "verbs")):
            return []
        status = next((v for k, v in cues["status"].items() if k in view.lemmas), "member")
        return [
            self._fact(view, "membership", {"member": member, "organization": org, "status": status}, 0.8)
            for member in self._actors(view.doc, view.tokens, view.mentions, view.words)
            for org in self._organisations(view, discourse)
        ]

    def _chairmanship(self, view: _View, discourse: _Discourse) -> list[Fact]:
        if not self._has(view, "chairmanship", "nouns"):
            return []
        orgs = self._organisations(view, discourse)
        chairs = self._actors(view.doc, view.tokens, view.mentions, view.words)
        term = {"term": view.when.value} if view.when else {}
        return [
            self._fact(view, "chairmanship", {"chair": chair, "organization": org, **term}, 0.8)
            for chair in chairs[:1]
            for org in orgs[:1]
        ]

    def _mission_participation(self, view: _View, context: _Context) -> list[Fact]:
        mission_cues = self.cues["mission_participation"]
        missions = view.ids("mission:")
        has_cue = any(lemma in mission_cues["nouns"] for lemma in view.lemmas)
        if not (missions or (has_cue and context.mission)) or not any(
            lemma in mission_cues["verbs"] for lemma in view.lemmas
        ):
            return []
        mission = missions[0] if missions else context.mission
        assert mission is not None
        places = [
            m.entity
            for m in view.mentions
            if m.entity.startswith(("country:", "place:")) and m.entity != self.home and m.label != "NORP"
        ]
        entry = self.catalog.get(mission)
        known = (entry.locations or entry.hosts) if entry else ()
        location = places[0] if places else (known[0] if len(known) == 1 else None)
        args: dict[str, Any] = {"mission": mission, **({"location": location} if location else {})}
        when = view.when or (TimeMention(context.time, 0, 0) if context.time else None)
        text = None if view.when else context.time_text
        return [
            self._fact(
                view, "mission_participation", {"participant": p, **args}, 0.8, when=when, time_text=text
            )
            for p in self._actors(view.doc, view.tokens, view.mentions, view.words)
        ]

    def _visit(self, view: _View) -> list[Fact]:
        cues = self.cues["visit"]
        if not self._has(view, "visit", "verbs"):
            return []
        persons = [
            m.entity
            for m in view.mentions
            if m.entity.startswith("person:") and self._case(view.doc, m) in (None, "Nom")
        ]
        destinations = [
            self._country_of_place(m.entity)
            for m in view.mentions
            if m.entity.startswith(("country:", "place:")) and self._case(view.doc, m) == "Dat"
        ]
        destinations = [d for d in destinations if d]
        if (
            not persons
            or not destinations
            or (not self._has(view, "visit", "nouns") and len(view.tokens) > 25)
        ):
            return []
        kind = next((v for k, v in cues["types"].items() if k in view.words), None)
        args = {
            "visitor": persons[0],
            "destination": destinations[0],
            **({"visit_type": kind} if kind else {}),
        }
        return [self._fact(view, "visit", args, 0.75)]

    def _meeting(self, view: _View, discourse: _Discourse) -> list[Fact]:
        talks = "кездес" in view.lemmas
        if not (self._has(view, "meeting", "verbs") and (self._has(view, "meeting", "nouns") or talks)):
            return []
        persons = [m.entity for m in view.mentions if m.entity.startswith("person:")]
        if discourse.person and any(w in self.cues["person_pronouns"] for w in view.words):
            persons.insert(0, discourse.person)  # "Астанада ол Тоқаевпен келіссөз жүргізді"
        orgs = view.ids("org:")
        places = [
            m.entity
            for m in view.mentions
            if m.entity.startswith("place:") and self._case(view.doc, m) == "Loc"
        ]
        if not persons and not orgs:
            return []
        args: dict[str, Any] = {"participants": list(dict.fromkeys(persons))}
        if orgs:
            args["organization"] = orgs[0]
        if places:
            args["place"] = places[0]
        if not orgs and not places and not talks:
            args.update(discourse.event)  # "Саммитке X қатысты": the summit named before
        return [self._fact(view, "meeting", args, 0.7)]

    def _parties(self, view: _View, sides: list[str]) -> list[str]:
        named = [*view.ids("country:"), *self._countries_of(view.ids("person:"))]
        if len(set(named)) < 2 and any(
            w in self.cues["both_sides"] or _lemma(t) in self.cues["both_sides"]
            for w, t in zip(view.words, view.tokens, strict=True)
        ):
            named = [*named, *sides]
        return list(dict.fromkeys(named))

    def _sectors(self, view: _View) -> list[str]:
        return [
            sector
            for sector, words in self.cues["sectors"].items()
            if any(
                lemma in words or word in words for lemma, word in zip(view.lemmas, view.words, strict=True)
            )
        ]

    def _agreement(self, view: _View, sides: list[str]) -> list[Fact]:
        if not (self._has(view, "agreement", "nouns") and self._has(view, "agreement", "verbs")):
            return []
        signed = "қол" in view.words or any(_lemma(t) in ("қабылда", "бекіт") for t in view.tokens)
        parties = self._parties(view, sides) or view.ids("org:")
        if not signed or not parties:
            return []
        args: dict[str, Any] = {"parties": parties}
        sectors = self._sectors(view)
        if sectors:
            args["sectors"] = sectors
        title = self._quoted_title(view)
        if title:
            args["title"] = title
        return [self._fact(view, "agreement", args, 0.7)]

    def _cooperation(self, view: _View, sides: list[str]) -> list[Fact]:
        if not (self._has(view, "cooperation", "nouns") and self._has(view, "cooperation", "verbs")):
            return []
        parties = self._parties(view, sides)
        if len(parties) < 2:
            return []
        return [self._fact(view, "cooperation", {"parties": parties, "sectors": self._sectors(view)}, 0.65)]

    def _statements(self, doc: Doc, by_sentence: dict[int, list[Mention]]) -> list[Fact]:
        """A statement is what an office-holder or a state body said (not what an expert said)."""
        facts = []
        principles: dict[str, list[list[str]]] = self.cues["statement"]["principles"]
        for quote in doc.quotes:
            speaker = quote.speaker.entity
            entry = self.catalog.get(speaker) if speaker else None
            if entry is None or not (entry.offices or entry.type in ("body", "country")):
                continue
            sentence = doc.sentences[quote.evidence.sentence]
            tokens = doc.sentence_tokens(sentence)
            args: dict[str, Any] = {"speaker": speaker}
            venues = [
                m.entity
                for m in by_sentence.get(sentence.index, [])
                if m.entity and m.entity.startswith(("org:", "place:")) and self._case(doc, m) == "Loc"
            ]
            if venues:
                args["venue"] = venues[0]
            lemmas = [_lemma(t) for t in tokens]
            named = [p for p, forms in principles.items() if any(self._contains(lemmas, f) for f in forms)]
            if named:
                args["principles"] = named
            when = self.time.find(tokens, doc.article.published)
            view = _View(doc, sentence, tokens, [], when, quoted=False)
            facts.append(self._fact(view, "statement", args, 0.75))
        return facts

    # --- helpers --------------------------------------------------------------------------------

    def _actors(self, doc: Doc, tokens: list[Token], mentions: list[Mention], words: list[str]) -> list[str]:
        """Countries acting in the sentence: named (not as a place), by demonym, or by "ел"/"еліміз"."""
        actors = [
            m.entity
            for m in mentions
            if m.entity.startswith("country:")
            and (m.label == "NORP" or self._case(doc, m) not in _PLACE_CASES)
        ]
        home_words = self.cues["home_words"]
        if not actors and any(
            w in home_words or _lemma(t) in home_words for w, t in zip(words, tokens, strict=True)
        ):
            actors = [self.home]
        return list(dict.fromkeys(actors))

    @staticmethod
    def _case(doc: Doc, mention: Mention) -> str | None:
        return doc.tokens[mention.last - 1].feats.get("Case")

    @staticmethod
    def _contains(lemmas: list[str], form: list[str]) -> bool:
        n = len(form)
        return any(lemmas[i : i + n] == form for i in range(len(lemmas) - n + 1))

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

    def _modality(self, tokens: list[Token], quoted: bool) -> str:
        words = [t.norm.lower() for t in tokens]
        negation = any(
            w in self.cues["negators"] and (i == 0 or words[i - 1] not in self.cues["not_negating_before"])
            for i, w in enumerate(words)
        )
        if negation or any(t.feats.get("Polarity") == "Neg" for t in tokens if t.pos == "VERB"):
            return "negated"
        if any(w in self.cues["planned"] for w in words) or any(
            t.feats.get("Tense") == "Fut" for t in tokens
        ):
            return "planned"
        return "reported" if quoted else "asserted"

    def _fact(
        self,
        view: _View,
        kind: str,
        args: dict[str, Any],
        confidence: float,
        *,
        when: TimeMention | None = None,
        time_text: str | None = None,
    ) -> Fact:
        doc, sentence, tokens = view.doc, view.sentence, view.tokens
        when = when or view.when
        text = doc.article.text
        return Fact(
            kind=kind,
            args=args,
            evidence=Evidence(
                sentence.index, sentence.start, sentence.end, text[sentence.start : sentence.end]
            ),
            confidence=confidence,
            modality=self._modality(tokens, view.quoted),
            time=when.value if when else None,
            time_text=time_text or self._span_text(doc, tokens, view.when),
            plover=self.plover.get(kind),
        )

    def _quoted_title(self, view: _View) -> str | None:
        words = [t.norm for t in view.tokens]
        if "«" in words and "»" in words[words.index("«") :]:
            first, last = words.index("«") + 1, words.index("»", words.index("«"))
            if first < last:
                return view.doc.article.text[view.tokens[first].start : view.tokens[last - 1].end]
        return None

    def _countries_of(self, persons: list[str]) -> list[str]:
        """The countries whose offices these persons held (Putin → Russia), for "екі ел"."""
        countries = []
        for person in persons:
            entry = self.catalog.get(person)
            of = {o.of for o in entry.offices if o.of.startswith("country:")} if entry else set()
            if len(of) == 1:
                countries.append(of.pop())
        return countries

    def _country_of_place(self, entity: str) -> str | None:
        if entity.startswith("country:"):
            return entity
        entry = self.catalog.get(entity)
        return entry.country if entry else None
