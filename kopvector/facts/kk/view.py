"""The clause as the kind rules read it, and the heading context above it.

A `View` is one clause of a sentence with its mentions, its time (its own or the sentence's) and
what the sentence's earlier clause left; every rule module reads a clause through it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from kopvector.document import Doc, Mention, Sentence, Token
from kopvector.facts.quote_cues import lemma as _lemma
from kopvector.facts.time import TimeMention, TimeResolver


@dataclass
class Context:
    """What a heading line passes to the sentences under it."""

    time: str | None = None
    time_text: str | None = None
    mission: str | None = None


@dataclass
class View:
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

    def next_word(self, i: int) -> str | None:
        return self.tokens[i + 1].norm.lower() if i + 1 < len(self.tokens) else None

    def next_lemma(self, i: int) -> str | None:
        return _lemma(self.tokens[i + 1]) if i + 1 < len(self.tokens) else None

    def next_word_after(self, mention: Mention) -> str | None:
        i = self.after(mention)
        return self.tokens[i].norm.lower() if i < len(self.tokens) else None

    def phrase(self, phrase: list[str]) -> bool:
        """Whether the words occur in a row, each as written or as a lemma ("бірлескен жобасы")."""
        if not self.vocabulary.issuperset(phrase):
            return False  # a word of the phrase is missing: no need to try every position
        n, words, lemmas = len(phrase), self.words, self.lemmas
        return any(
            all(phrase[k] in (words[i + k], lemmas[i + k]) for k in range(n))
            for i in range(len(words) - n + 1)
        )

    def names_someone(self) -> bool:
        """Whether the clause names a person or a role of its own, resolved or not ("Мәжіліс төрайымы")."""
        last = self.first + len(self.tokens)
        return any(
            m.label in ("PERSON", "POSITION") and self.first <= m.first and m.last <= last
            for m in self.doc.mentions
        )


def clause_view(
    time: TimeResolver,
    doc: Doc,
    sentence: Sentence,
    first: int,
    tokens: list[Token],
    mentions: list[Mention],
    sentence_when: TimeMention | None,
    reported: bool,
) -> View:
    """The clause `tokens` (starting at sentence token `first`): its own time, else the sentence's."""
    start = sentence.first + first
    inside = [m for m in mentions if start <= m.first and m.last <= start + len(tokens)]
    whole = len(tokens) == sentence.last - sentence.first
    own = sentence_when if whole else time.find(tokens, doc.article.published)
    # A time said in an earlier clause carries on ("2014 жылы ..., ал ..."); one in a later clause
    # belongs to that clause ("Орбан келді, бұл ел 2018 жылдан бері бақылаушы").
    earlier = sentence_when if sentence_when and sentence_when.last <= first else None
    when, words = (own, tokens) if own else (earlier, doc.sentence_tokens(sentence))
    return View(
        doc,
        sentence,
        start,
        tokens,
        inside,
        when.value if when else None,
        _span_text(doc, words, when),
        reported,
        own_time=own is not None,
    )


def _span_text(doc: Doc, tokens: list[Token], when: TimeMention | None) -> str | None:
    if when is None or when.first >= when.last:
        return None
    return doc.article.text[tokens[when.first].start : tokens[when.last - 1].end]
