"""The Kazakh fact extractor: walks an article clause by clause and asks each kind's rules for facts.

It keeps what one clause passes to the next (the heading's context, the discourse, the previous
clause), drops what an expert says, keeps the best of equal facts, merges one meeting told in two
clauses, and dates an event fact that gives no time by the event in hand.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from kopvector.document import Doc, Fact, Mention, Sentence
from kopvector.entities.catalog import Catalog
from kopvector.facts.kk.agreement import agreement_facts
from kopvector.facts.kk.chairmanship import chairmanship_facts
from kopvector.facts.kk.cooperation import cooperation_facts
from kopvector.facts.kk.cues import load_cues
from kopvector.facts.kk.discourse import Discourse, at_event, remember
from kopvector.facts.kk.meeting import meeting_facts
from kopvector.facts.kk.membership import membership_facts
from kopvector.facts.kk.missions import mission_facts
from kopvector.facts.kk.people import is_official, read_people
from kopvector.facts.kk.reader import Reader
from kopvector.facts.kk.roles import actors_in, organisations_in, subjects_in
from kopvector.facts.kk.statement import speakers_in, statement_facts
from kopvector.facts.kk.view import Context, View, clause_view
from kopvector.facts.kk.visit import visit_facts

_HEADING_END = ".!?…"


class KazakhFactExtractor:
    """Fills `doc.facts` for a Kazakh `Doc` with linked mentions and quotes."""

    def __init__(
        self, catalog: Catalog, home: str = "country:KZ", cues: dict[str, Any] | None = None
    ) -> None:
        self.read = Reader(catalog, home, cues or load_cues())

    def __call__(self, doc: Doc) -> None:
        context = Context()
        discourse = Discourse()
        people = read_people(self.read, doc)
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
            if not is_official(self.read, q.speaker.entity, people)
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
            when = self.read.time.find(tokens, doc.article.published, named_year)
            if when is not None and when.value[:4].isdigit():
                named_year = int(when.value[:4])
            if _is_heading(doc, sentence):
                heading = clause_view(self.read.time, doc, sentence, 0, tokens, mentions, when, False)
                context = Context(heading.when, heading.time_text, next(iter(heading.ids("mission:")), None))
                continue
            if sentence.index in opinions:
                continue
            event_times[sentence.index] = discourse.event_time
            previous: View | None = None
            for clause in self.read.clauses.split(tokens):
                if clause.frame:
                    continue
                view = clause_view(
                    self.read.time,
                    doc,
                    sentence,
                    clause.first,
                    tokens[clause.first : clause.last],
                    mentions,
                    when,
                    clause.reported or sentence.index in quoted,
                )
                if previous is not None:
                    view.subjects = actors_in(self.read, previous, people, capitals=True)
                    view.organisations = organisations_in(self.read, previous, discourse)
                    view.persons = subjects_in(self.read, previous, discourse, people)
                    view.places = [
                        m.entity
                        for m in self.read.countries(previous, places=True)
                        if self.read.case(doc, m) == "Loc"
                    ]
                    view.follows = previous.follows
                if any(lemma in self.read.cues["opinion_verbs"] for lemma in view.lemmas):
                    continue
                facts = [
                    *membership_facts(self.read, view, discourse, people),
                    *chairmanship_facts(self.read, view, discourse, people),
                    *mission_facts(self.read, view, context, discourse, people),
                    *visit_facts(self.read, view, discourse, people),
                    *meeting_facts(self.read, view, discourse, people),
                    *agreement_facts(self.read, view, discourse, people),
                    *cooperation_facts(self.read, view, discourse, people),
                ]
                spoken += [(sentence.index, s, view.reported) for s in speakers_in(self.read, view, people)]
                facts = [at_event(fact, discourse) for fact in facts]
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
                remember(self.read, view, discourse, people, facts)
                previous = view
                previous.follows = frozenset(f.kind for f in facts)
        doc.facts.extend(_merge_meetings(_drop_undated_twins(list(found.values()))))
        statements = statement_facts(self.read, doc, by_sentence, spoken, people)
        doc.facts.extend(
            replace(f, time=event_times.get(f.evidence.sentence)) if f.time is None else f for f in statements
        )


def _drop_undated_twins(facts: list[Fact]) -> list[Fact]:
    """One fact per sentence: "... мүше ретінде қатысқан ...: екі ел ұйымға 2017 жылы қабылданған" states
    the membership twice, once with its year; the undated twin adds nothing."""

    def same(f: Fact) -> tuple[Any, ...]:
        return (f.kind, repr(sorted(f.args.items())), f.modality, f.evidence.sentence)

    dated = {same(f) for f in facts if f.time is not None}
    return [f for f in facts if f.time is not None or same(f) not in dated]


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


def _is_heading(doc: Doc, sentence: Sentence) -> bool:
    """A line of its own without a final full stop, as news headings are."""
    text = doc.article.text
    line_start = text.rfind("\n", 0, sentence.start) + 1
    line_end = text.find("\n", sentence.end)
    line = text[line_start : line_end if line_end >= 0 else len(text)].strip()
    return line == text[sentence.start : sentence.end].strip() and line[-1:] not in _HEADING_END
