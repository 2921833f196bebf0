"""Kazakh fact extractor: membership, mission participation and statements, from linked mentions.

Rules read the morphology and the linked mentions of a sentence rather than fixed word sequences:
a cue lemma (мүше, миссия, қатыс-, ...) names the relation, the catalog type of each mention gives its
role (a country is the member, an organisation what it belongs to, a mission where it serves), the
case suffix rules out places ("Қытайда" in the locative is where, not who), and a heading such as
"2014 жыл: ... (MINURSO)" carries its year and mission to the paragraph under it. Cues are data
(`data/kk_fact_cues.yaml`). A Russian extractor plugs in beside this one (see `facts/__init__.py`).
The other fact kinds of the schema are not extracted yet.
"""

from __future__ import annotations

from dataclasses import dataclass
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
        by_sentence: dict[int, list[Mention]] = {}
        for mention in doc.mentions:
            by_sentence.setdefault(mention.sentence, []).append(mention)
        quoted = {q.evidence.sentence for q in doc.quotes if q.kind == "direct"}
        found: dict[tuple[Any, ...], Fact] = {}
        for sentence in doc.sentences:
            tokens = doc.sentence_tokens(sentence)
            mentions = [m for m in by_sentence.get(sentence.index, []) if m.entity]
            when = self.time.find(tokens, doc.article.published)
            if self._is_heading(doc, sentence):
                context = _Context(
                    time=when.value if when else None,
                    time_text=self._span_text(doc, tokens, when),
                    mission=next((m.entity for m in mentions if m.entity.startswith("mission:")), None),
                )
                continue
            for fact in self._sentence_facts(
                doc, sentence, tokens, mentions, when, context, sentence.index in quoted
            ):
                key = (fact.kind, repr(sorted(fact.args.items())), fact.time, fact.modality)
                if key not in found or fact.confidence > found[key].confidence:
                    found[key] = fact
        doc.facts.extend(found.values())
        doc.facts.extend(self._statements(doc, by_sentence))

    # --- kinds ----------------------------------------------------------------------------------

    def _sentence_facts(
        self,
        doc: Doc,
        sentence: Sentence,
        tokens: list[Token],
        mentions: list[Mention],
        when: TimeMention | None,
        context: _Context,
        quoted: bool,
    ) -> list[Fact]:
        lemmas = [_lemma(t) for t in tokens]
        words = [t.norm.lower() for t in tokens]
        facts: list[Fact] = []
        membership = self.cues["membership"]
        if any(lemma in membership["nouns"] for lemma in lemmas) or any(
            lemma in membership["verbs"] for lemma, t in zip(lemmas, tokens, strict=True) if t.pos == "VERB"
        ):
            orgs = [m.entity for m in mentions if m.entity.startswith("org:")]
            for member in self._actors(doc, tokens, mentions, words):
                for org in dict.fromkeys(orgs):
                    args = {"member": member, "organization": org, "status": "member"}
                    facts.append(
                        self._fact(doc, sentence, tokens, "membership", args, when, None, 0.8, quoted)
                    )
        mission_cues = self.cues["mission_participation"]
        missions = [m for m in mentions if m.entity.startswith("mission:")]
        has_cue = any(lemma in mission_cues["nouns"] for lemma in lemmas)
        if (missions or (has_cue and context.mission)) and any(
            lemma in mission_cues["verbs"] for lemma in lemmas
        ):
            mission = missions[0].entity if missions else context.mission
            assert mission is not None
            places = [
                m.entity
                for m in mentions
                if m.entity.startswith(("country:", "place:")) and m.entity != self.home and m.label != "NORP"
            ]
            entry = self.catalog.get(mission)
            known = (entry.locations or entry.hosts) if entry else ()
            location = places[0] if places else (known[0] if len(known) == 1 else None)
            args: dict[str, Any] = {"mission": mission}
            if location:
                args["location"] = location
            time = when or (TimeMention(context.time, 0, 0) if context.time else None)
            for participant in self._actors(doc, tokens, mentions, words) or ():
                fact_args = {"participant": participant, **args}
                text = self._span_text(doc, tokens, when) if when else context.time_text
                facts.append(
                    self._fact(
                        doc, sentence, tokens, "mission_participation", fact_args, time, text, 0.8, quoted
                    )
                )
        return facts

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
            facts.append(self._fact(doc, sentence, tokens, "statement", args, when, None, 0.75, False))
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
        doc: Doc,
        sentence: Sentence,
        tokens: list[Token],
        kind: str,
        args: dict[str, Any],
        when: TimeMention | None,
        time_text: str | None,
        confidence: float,
        quoted: bool,
    ) -> Fact:
        text = doc.article.text
        return Fact(
            kind=kind,
            args=args,
            evidence=Evidence(
                sentence.index, sentence.start, sentence.end, text[sentence.start : sentence.end]
            ),
            confidence=confidence,
            modality=self._modality(tokens, quoted),
            time=when.value if when else None,
            time_text=time_text or self._span_text(doc, tokens, when),
            plover=self.plover.get(kind),
        )
