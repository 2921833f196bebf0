"""Statement facts: what an office-holder, a state, a state body or an organisation said on foreign policy."""

from __future__ import annotations

from typing import Any

from kopvector.document import Doc, Fact, Mention, Sentence, Token
from kopvector.facts.kk.modality import make_fact
from kopvector.facts.kk.people import People
from kopvector.facts.kk.reader import Reader
from kopvector.facts.kk.view import View, clause_view
from kopvector.facts.kk.words import accusative, contains
from kopvector.facts.quote_cues import lemma as _lemma


def statement_facts(
    read: Reader,
    doc: Doc,
    by_sentence: dict[int, list[Mention]],
    spoken: list[tuple[int, str, bool]],
    people: People,
) -> list[Fact]:
    """A statement is what an office-holder, a state, a state body or an organisation said on
    foreign policy (not what an expert said): every quote of one, and every clause where one
    proposes, calls or declares (`spoken`: sentence, speaker, reported) even when the words
    themselves are not given. An office-holder is one the catalog knows or the article titles."""
    not_speech = tuple(read.cues["statement"]["not_speech"])
    said = []
    for quote in doc.quotes:
        speaker = quote.speaker.entity
        entry = read.catalog.get(speaker) if speaker else None
        titled = speaker in people.officials
        if not titled and (entry is None or not (entry.offices or entry.type in ("body", "country", "org"))):
            continue
        if quote.cue.lower().startswith(not_speech):
            continue  # "министрліктің мәліметінше": information passed on, not a speech
        sentence = doc.sentences[quote.evidence.sentence]
        tokens = doc.sentence_tokens(sentence)
        frame = read.clauses.split(tokens)[0]
        relayed = (
            frame.frame and quote.cue not in doc.article.text[sentence.start : tokens[frame.last - 1].end]
        )
        said.append((sentence.index, speaker, relayed))
    facts = []
    for index, speaker, relayed in dict.fromkeys([*said, *spoken]):
        if any(f.evidence.sentence == index and f.args["speaker"] == speaker for f in facts):
            continue
        fact = _statement(read, doc, doc.sentences[index], speaker, relayed, by_sentence.get(index, []))
        if fact is not None:
            facts.append(fact)
    return facts


def _statement(
    read: Reader, doc: Doc, sentence: Sentence, speaker: str, relayed: bool, mentions: list[Mention]
) -> Fact | None:
    """The statement fact of one speaker in one sentence, if its topic is foreign policy."""
    tokens = doc.sentence_tokens(sentence)
    args: dict[str, Any] = {"speaker": speaker}
    venues = [
        m.entity
        for m in mentions
        if m.entity and m.entity.startswith(("org:", "place:")) and read.case(doc, m) == "Loc"
    ]
    if venues:
        args["venue"] = venues[0]
    lemmas = [_lemma(t) for t in tokens]
    principles: dict[str, list[list[str]]] = read.cues["statement"]["principles"]
    named = [p for p, forms in principles.items() if any(contains(lemmas, f) for f in forms)]
    if named:
        args["principles"] = named
    abroad = [
        m
        for m in mentions
        if m.entity
        and m.entity.startswith(("country:", "org:", "place:", "mission:"))
        and read.country_of_place(m.entity) != read.home
        and m.entity != read.home
        and not (m.last < len(doc.tokens) and read.is_office(doc.tokens[m.last]))  # "Ресей Президенті"
        and (
            not m.entity.startswith("place:")
            or read.capital_of(m.entity)
            or read.country_of_place(m.entity) is None  # a region: "Орталық Азияның тұрақтылығы"
            or read.case(doc, m) == "Loc"
        )
    ]  # a city abroad is a venue ("Уфада сөйлеген сөзінде"), not a topic ("Атырау – Астрахань жолы")
    topical = any(_topical(read, token) for token in tokens)
    if not (abroad or named or topical or _called_at_forum(read, tokens)):
        return None  # praise for a singer, a government session: not a foreign-policy statement
    when = read.time.find(tokens, doc.article.published)
    view = clause_view(read.time, doc, sentence, 0, tokens, [], when, relayed)
    return make_fact(read, view, "statement", args, 0.75, modality="reported" if relayed else "asserted")


def _called_at_forum(read: Reader, tokens: list[Token]) -> bool:
    """ "Саммитте / форумда сөйлеген сөзінде ... шақырды": what a speech at a summit or a forum calls for
    is foreign policy; that someone only "сөз сөйледі" there says nothing, and "Обама шақырған жиынға"
    is the summit he convened, no call."""
    meeting = read.cues["meeting"]
    forums = [n for n in meeting["events"] if n not in meeting["encounters"]]
    said = any(
        _lemma(t) in read.cues["statement"]["verbs"]
        and _lemma(t) != "сөйле"
        and not (
            t.feats.get("VerbForm") == "Part" and i + 1 < len(tokens) and read.inflects(tokens[i + 1], forums)
        )
        for i, t in enumerate(tokens)
    )
    return said and any(read.inflects(t, forums) for t in tokens)


def _topical(read: Reader, token: Token) -> bool:
    """Whether a word puts a statement on foreign policy: a topic word, or countries in the plural."""
    cues = read.cues["statement"]
    lemma = _lemma(token)
    if token.feats.get("Number") == "Plur" and lemma in cues["plural_topics"]:
        return True
    return any(part in cues["topics"] for part in lemma.split("-"))


def speakers_in(read: Reader, view: View, people: People) -> list[str]:
    """Officials and state bodies who propose, call for or declare something in the clause
    ("Тоқаев ... бастаманы ұсынды", "идеясын ... көтерген"); an invitation ("Путинді шақырды") is not."""
    cues = read.cues["statement"]
    acts = [
        i
        for i, t in enumerate(view.tokens)
        if t.pos in ("VERB", "AUX")
        and (
            _lemma(t) in cues["verbs"]
            or view.words[i].startswith(tuple(cues["verb_forms"]))
            or (i and view.words[i - 1] == "деп")  # "... деп атады"
        )
        and read.predicates(view, i)
    ]
    if not acts:
        return []
    invited = any(
        m.entity.startswith("person:") and accusative(view.doc.tokens[m.last - 1]) for m in view.mentions
    )
    if invited:
        return []
    return list(
        dict.fromkeys(
            m.entity
            for m in view.mentions
            if read.case(view.doc, m) in ("Nom", None)
            and (m.entity in people.officials or m.entity.startswith("body:"))
        )
    )
