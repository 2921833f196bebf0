"""Who is speaking: the speaker phrases of one Kazakh article and the persons they refer to.

A speaker phrase is a linked mention (a name, an office "Мемлекет басшысы", a body "Ақорда", a state),
a mention with its possessed head noun ("Мәжіліс спикері", "Жапон үкіметі"), a role noun ("сарапшы",
"экономистер") or a pronoun ("ол"). A role noun refers to the person the article introduced with it
before ("Саясаттанушы Айгүл Сәрсенова ..." ... "– дейді саясаттанушы"); a generic analyst noun
("– дейді сарапшы") to the last person introduced as an analyst under any name ("Синолог ...",
"Американистика маманы ...", "... мәселелерін зерттейтін ..."); "ол" to the last speaker. A plural role
noun or "олар" names a group: the phrase is a speaker, but nobody in particular. A capital that speaks
is its state ("Ереван ... мәлімдеді": country:AM).
"""

from __future__ import annotations

from dataclasses import dataclass

from kopvector.document import Doc, Mention, Speaker, Token
from kopvector.facts.quote_cues import QuoteCues, lemma

_MENTION_SPEAKERS = ("PERSON", "POSITION", "ORGANISATION", "GPE")
_HEAD_ONLY = ("NORP",)  # "Жапон үкіметі": a people speaks only through its possessed head noun
_ROLE_WORD_POS = frozenset({"NOUN", "ADJ", "ADP", "CCONJ", "NUM", "PROPN"})
_MAX_ROLE_TOKENS = 10
_NOMINATIVE = (None, "Nom")


@dataclass(frozen=True)
class Phrase:
    """A speaker phrase over tokens `[first, last)` and whom it names (all None when nobody in particular);
    `person` when it names a person (by name, office, role or "ол"), not a body or a state."""

    first: int
    last: int
    speaker: Speaker
    person: bool = True

    def nominative(self, tokens: list[Token]) -> bool:
        return tokens[self.last - 1].feats.get("Case") in _NOMINATIVE


@dataclass(frozen=True)
class _Introduction:
    """A person introduced with a description: the role lemmas in it and whether it is an analyst's.

    `start` is the description's first token, `first` and `last` the name's tokens."""

    start: int
    first: int
    last: int
    roles: frozenset[str]
    expert: bool
    speaker: Speaker


class Speakers:
    """One article's speaker phrases, the persons it introduced, and the last speaker."""

    def __init__(
        self, doc: Doc, cues: QuoteCues, capitals: dict[str, tuple[str, str | None]] | None = None
    ) -> None:
        self.doc = doc
        self.cues = cues
        self.capitals = capitals or {}
        self.tokens = doc.tokens
        self.names = {e.id: e.name.get("kk") or next(iter(e.name.values()), None) for e in doc.entities}
        self.owners: dict[int, Mention] = {}
        for mention in doc.mentions:
            for i in range(mention.first, mention.last):
                current = self.owners.get(i)
                if current is None or mention.last - mention.first > current.last - current.first:
                    self.owners[i] = mention
        self.introductions = self._introductions()
        self.person_roles: dict[str, str | None] = {}
        for intro in self.introductions:
            if intro.speaker.entity:
                self.person_roles.setdefault(intro.speaker.entity, intro.speaker.role)
        self.last: tuple[int, Speaker] | None = None

    def said(self, speaker: Speaker, position: int) -> None:
        """Remember who spoke at token `position`, for a later "ол"."""
        if speaker.entity or speaker.name or speaker.role:
            self.last = (position, speaker)

    def subject(self, first: int, last: int) -> Phrase | None:
        """The first speaker phrase in the nominative in tokens `[first, last)`: the clause's subject."""
        return next((p for p in self.phrases(first, last) if p.nominative(self.tokens)), None)

    def observe(self, first: int, last: int) -> None:
        """A sentence with no quote: its person subject is who a later "ол" means ("Синолог X ... назар
        аударды. «…», – деді ол.")."""
        subject = self.subject(first, last)
        if subject is not None and subject.person:
            self.said(subject.speaker, first)

    # --- phrases --------------------------------------------------------------------------------

    def phrases(self, first: int, last: int) -> list[Phrase]:
        """The speaker phrases in tokens `[first, last)`, left to right, none overlapping."""
        found = []
        i = first
        while i < last:
            phrase = self.phrase_at(i, last)
            if phrase is None:
                i += 1
                continue
            found.append(phrase)
            i = phrase.last
        return found

    def phrase_at(self, i: int, limit: int) -> Phrase | None:
        """The speaker phrase that starts at token `i` and ends by `limit`, if one does."""
        mention = self.owners.get(i)
        if mention is not None and mention.first == i and mention.last <= limit:
            if mention.label in _MENTION_SPEAKERS or mention.label in _HEAD_ONLY:
                return self._mention_phrase(mention, limit)
            return None
        token = self.tokens[i]
        role = self.cues.role(token)
        if role is not None:
            described = next(
                (d for d in self.introductions if d.start <= i < d.first and d.last <= limit), None
            )
            if described is not None:  # "Саясаттанушы, ... сарапшы Риззат Тасым": the description's person
                return Phrase(i, described.last, described.speaker)
            return Phrase(i, i + 1, self._by_role(*role, i, token.text))
        word = lemma(token)
        if word in self.cues.pronouns and token.pos == "PRON":
            return Phrase(i, i + 1, self._pronoun(i))
        if word in self.cues.group_pronouns:
            return Phrase(i, i + 1, Speaker(None, None, None), person=False)
        return None

    def _mention_phrase(self, mention: Mention, limit: int) -> Phrase | None:
        end = mention.last
        if mention.label == "POSITION":
            named = self._named_after(end, limit)
            if named is not None:
                return Phrase(mention.first, named.last, named.speaker)
        head = self._possessed_head(mention, limit)
        if head is not None:  # "Мәжіліс спикері", "Жапон үкіметі": the head noun speaks, not the body
            named = self._named_after(head + 1, limit)  # "Мәжіліс спикері Нұрлан Нығматулин"
            if named is not None:
                return Phrase(mention.first, named.last, named.speaker)
            text = self._text(mention.first, head + 1)
            role = self.cues.role(self.tokens[head])
            if role is not None:
                return Phrase(mention.first, head + 1, self._by_role(*role, mention.first, text))
            return Phrase(mention.first, head + 1, Speaker(None, None, text), person=False)
        if mention.label in _HEAD_ONLY:
            return None
        person = mention.label in ("PERSON", "POSITION")
        return Phrase(mention.first, end, self._of_mention(mention), person)

    def _possessed_head(self, mention: Mention, limit: int) -> int | None:
        """Index of the possessed noun that heads a phrase with a body or a people ("Мәжіліс спикері",
        "Ресейдің үкіметі"); a person or an already possessed noun takes none ("Тоқаев сөзінде")."""
        i = mention.last
        last = self.tokens[i - 1].feats
        if i >= limit or i in self.owners or mention.label == "PERSON" or "Person[psor]" in last:
            return None
        if last.get("Case") not in (*_NOMINATIVE, "Gen"):
            return None
        token = self.tokens[i]
        if token.pos == "NOUN" and token.feats.get("Person[psor]") == "3" and token.norm[:1].islower():
            return i
        return None

    def _named_after(self, i: int, limit: int) -> Phrase | None:
        """A person named right after a title or role ("Президент Тоқаев", "сарапшы Айгүл Сәрсенова")."""
        mention = self.owners.get(i)
        if mention is None or mention.first != i or mention.label != "PERSON" or mention.last > limit:
            return None
        return Phrase(i, mention.last, self._of_mention(mention))

    # --- whom a phrase names ----------------------------------------------------------------------

    def _of_mention(self, mention: Mention) -> Speaker:
        if mention.label == "PERSON":
            role = self.person_roles.get(mention.entity) if mention.entity else None
            return Speaker(mention.entity, mention.lemma, role)
        if mention.label == "POSITION":
            if mention.entity:
                return Speaker(mention.entity, self.names.get(mention.entity), mention.lemma)
            role = self.cues.role(self.tokens[mention.last - 1])
            if role is not None:
                return self._by_role(*role, mention.first, mention.lemma)
            return Speaker(None, None, mention.lemma)
        if mention.entity in self.capitals:
            return Speaker(*self.capitals[mention.entity], None)
        return Speaker(mention.entity, self.names.get(mention.entity) if mention.entity else None, None)

    def _by_role(self, role: str, plural: bool, position: int, text: str) -> Speaker:
        """The person introduced before `position` with this role, or an analyst for an analyst noun."""
        unresolved = Speaker(None, None, text)
        if plural:
            return unresolved
        earlier = [intro for intro in self.introductions if intro.first < position]
        same = [intro for intro in earlier if role in intro.roles]
        if same:
            return same[-1].speaker
        if self.cues.is_expert(role):
            experts = [intro for intro in earlier if intro.expert]
            if experts:
                return experts[-1].speaker
        return unresolved

    def _pronoun(self, position: int) -> Speaker:
        """ "ол": the last speaker, or an analyst introduced after that speaker."""
        experts = [intro for intro in self.introductions if intro.expert and intro.first < position]
        candidates = [(intro.first, intro.speaker) for intro in experts[-1:]]
        if self.last is not None:
            candidates.append(self.last)
        candidates = [c for c in candidates if c[0] < position]
        return max(candidates, key=lambda c: c[0])[1] if candidates else Speaker(None, None, None)

    def _introductions(self) -> list[_Introduction]:
        """Persons with the description before their name ("саясаттанушы, ... сарапшы Айгүл Сәрсенова")."""
        found = []
        for mention in self.doc.mentions:
            if mention.label != "PERSON" or not mention.entity:
                continue
            start = self._description_start(mention)
            described = self.tokens[start : mention.first]
            roles = [r[0] for t in described if (r := self.cues.role(t)) is not None]
            opens_sentence = mention.first == self.doc.sentences[mention.sentence].first
            before = None if opens_sentence else self.tokens[mention.first - 1]
            if described and self.cues.role(described[-1]) is not None:
                expert = any(self.cues.is_expert(r) for r in roles)
                speaker = Speaker(mention.entity, mention.lemma, self._text(start, mention.first))
                found.append(
                    _Introduction(start, mention.first, mention.last, frozenset(roles), expert, speaker)
                )
            elif (
                before is not None
                and before.feats.get("VerbForm") == "Part"
                and lemma(before) in self.cues.expert_verbs
            ):
                speaker = Speaker(mention.entity, mention.lemma, None)
                found.append(
                    _Introduction(mention.first - 1, mention.first, mention.last, frozenset(), True, speaker)
                )
        return found

    def _description_start(self, mention: Mention) -> int:
        """First token of the role words right before a name (lower-case nouns and their modifiers)."""
        sentence_first = self.doc.sentences[mention.sentence].first
        start = mention.first
        for i in range(mention.first - 1, max(sentence_first, mention.first - _MAX_ROLE_TOKENS) - 1, -1):
            token = self.tokens[i]
            is_role = self.cues.role(token) is not None
            describing = token.pos in _ROLE_WORD_POS and (token.norm[:1].islower() or i == sentence_first)
            if not (is_role or describing or token.norm == ",") or (i in self.owners and not is_role):
                break
            start = i
        while start < mention.first and self.tokens[start].norm == ",":
            start += 1
        return start

    def _text(self, first: int, last: int) -> str:
        return self.doc.article.text[self.tokens[first].start : self.tokens[last - 1].end]
