"""Quotes in Kazakh news: direct, paragraph and indirect speech, each with its speaker.

Hand-written because no quotation extractor knows Kazakh (textacy's rules are English): Kazakh news
attributes speech after it, with a dash and a form of де- (", – дейді сарапшы."), often for a whole
paragraph; it names the speaker by a role the article introduced earlier ("саясаттанушы ... Айгүл
Сәрсенова" ... "– дейді сарапшы"), or by "ол" for the last speaker; indirect speech hangs on "X-тың
айтуынша, ..." or ends in a speech verb ("... атап өтті", "деп хабарлайды Ақорда"). The cue words are
data (`data/kk_quote_cues.yaml`); this module only reads tokens, lemmas and linked mentions.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib import resources

import yaml

from kopvector.document import Doc, Evidence, Mention, Quote, Sentence, Speaker, Token

_OPENING = {"»": "«", "”": "“", '"': '"'}
_SPEAKER_LABELS = ("PERSON", "POSITION", "ORGANISATION", "GPE")
_ROLE_WORD_POS = frozenset({"NOUN", "ADJ", "ADP", "CCONJ", "NUM"})
_MAX_ROLE_TOKENS = 10
_MIN_CONTENT_TOKENS = 3


@dataclass(frozen=True)
class QuoteCues:
    """The cue lexicon, read once from the package data."""

    attribution_verbs: frozenset[str]
    according_to: frozenset[str]
    speech_verbs: frozenset[str]
    pronouns: frozenset[str]
    role_nouns: frozenset[str]

    @classmethod
    def load(cls) -> QuoteCues:
        text = (resources.files("kopvector.facts") / "data" / "kk_quote_cues.yaml").read_text(
            encoding="utf-8"
        )
        data = yaml.safe_load(text)
        return cls(
            attribution_verbs=frozenset(data["attribution_verbs"]),
            according_to=frozenset(data["according_to"]),
            speech_verbs=frozenset(data["speech_verbs"]),
            pronouns=frozenset(data["pronouns"]),
            role_nouns=frozenset(data["role_nouns"]),
        )


def _word(token: Token) -> str:
    return token.norm.lower()


def _lemma(token: Token) -> str:
    return (token.lemma or token.norm).lower()


class QuoteExtractor:
    """Fills `doc.quotes`; needs tokens with lemmas, sentences, paragraphs and linked mentions."""

    def __init__(self, cues: QuoteCues | None = None) -> None:
        self.cues = cues or QuoteCues.load()

    def __call__(self, doc: Doc) -> None:
        names = {e.id: e.name.get("kk") or next(iter(e.name.values()), None) for e in doc.entities}
        owners: dict[int, Mention] = {}
        for mention in doc.mentions:
            for i in range(mention.first, mention.last):
                current = owners.get(i)
                if current is None or mention.last - mention.first > current.last - current.first:
                    owners[i] = mention
        state = _State(doc, owners, names, self._roles(doc, owners))
        for sentence in doc.sentences:
            quote = self._attributed(state, sentence) or self._according_to(state, sentence)
            quote = quote or self._speech_verb(state, sentence)
            if quote is not None:
                doc.quotes.append(quote)
                if quote.speaker.entity or quote.speaker.name:
                    state.last = quote.speaker

    # --- the three patterns ---------------------------------------------------------------------

    def _attributed(self, state: _State, sentence: Sentence) -> Quote | None:
        """ "…, – дейді сарапшы." / "«…», – деді ол." / "… – деп атап өтті министр."."""
        tokens = state.doc.tokens
        for i in range(sentence.first + 1, sentence.last - 1):
            if tokens[i].norm != "–" or _lemma(tokens[i + 1]) not in self.cues.attribution_verbs:
                continue
            before = tokens[i - 1].norm
            if before not in (",", *_OPENING) and not (i >= 2 and tokens[i - 2].norm in _OPENING):
                continue
            speaker = self._speaker(state, range(i + 2, sentence.last))
            start, end = self._quoted_span(state, sentence, i)
            if start >= end:
                return None
            return self._quote(state, sentence, speaker, start, end, "direct", tokens[i + 1].text)
        return None

    def _according_to(self, state: _State, sentence: Sentence) -> Quote | None:
        """ "Сарапшының айтуынша, …" / "Айгүл Сәрсенованың пікірінше, …"."""
        tokens = state.doc.tokens
        for i in range(sentence.first + 1, sentence.last):
            if _word(tokens[i]) not in self.cues.according_to:
                continue
            content = [t for t in tokens[i + 1 : sentence.last] if t.norm != ","]
            if len(content) < _MIN_CONTENT_TOKENS:
                return None
            speaker = self._speaker(state, range(sentence.first, i))
            start = next(t.start for t in tokens[i + 1 : sentence.last] if t.norm != ",")
            end = self._content_end(tokens, sentence)
            return self._quote(state, sentence, speaker, start, end, "indirect", tokens[i].text)
        return None

    def _speech_verb(self, state: _State, sentence: Sentence) -> Quote | None:
        """ "X … екенін атап өтті." / "… деп мәлімдеді X." / "… деп хабарлайды Ақорда."."""
        tokens = state.doc.tokens
        words = [i for i in range(sentence.first, sentence.last) if tokens[i].norm[:1].isalnum()]
        verb = next((i for i in words[-3:] if self._is_speech_verb(tokens[i])), None)
        if verb is None or verb == words[0]:
            return None
        after = range(verb + 1, sentence.last)
        speaker = self._mention_speaker(state, after)
        if speaker is not None:
            first = sentence.first
        else:
            subject = next(
                (i for i in words[:6] if (m := state.owners.get(i)) and m.label in ("PERSON", "POSITION")),
                None,
            )
            if subject is None:
                return None
            first = state.owners[subject].last
            named = state.owners.get(first)  # "Президент [Тоқаев]": the title's person comes next
            if named is not None and named.label == "PERSON":
                subject, first = first, named.last
            speaker = self._speaker(state, range(subject, first))
        content = [t for t in tokens[first:verb] if t.norm[:1].isalnum() and _word(t) != "деп"]
        if speaker is None or len(content) < _MIN_CONTENT_TOKENS:
            return None
        end = max(t.end for t in content)
        return self._quote(state, sentence, speaker, content[0].start, end, "indirect", tokens[verb].text)

    # --- speakers -------------------------------------------------------------------------------

    def _speaker(self, state: _State, span: range) -> Speaker | None:
        """Who the words in `span` name: a linked mention, a role noun the article introduced, or "ол"."""
        found = self._mention_speaker(state, span)
        if found is not None:
            return found
        for i in span:
            token = state.doc.tokens[i]
            if _lemma(token) in self.cues.role_nouns or _word(token) in self.cues.role_nouns:
                known = state.roles.get(_lemma(token)) or state.roles.get(_word(token))
                return known or Speaker(None, None, token.text)
            if _word(token) in self.cues.pronouns:
                return state.last
        return None

    def _mention_speaker(self, state: _State, span: range) -> Speaker | None:
        for i in span:
            mention = state.owners.get(i)
            if mention is None or mention.label not in _SPEAKER_LABELS or not mention.entity:
                continue
            if mention.label == "POSITION":
                return Speaker(mention.entity, state.names.get(mention.entity), mention.lemma)
            role = state.person_roles.get(mention.entity)
            return Speaker(mention.entity, mention.lemma, role)
        return None

    def _roles(self, doc: Doc, owners: dict[int, Mention]) -> dict[str, Speaker]:
        """Role noun → the person the article introduced with it ("… сарапшы Айгүл Сәрсенова")."""
        roles: dict[str, Speaker] = {}
        for mention in doc.mentions:
            if mention.label != "PERSON" or not mention.entity:
                continue
            sentence_first = next(s.first for s in doc.sentences if s.first <= mention.first < s.last)
            collected: list[Token] = []
            for i in range(mention.first - 1, max(sentence_first, mention.first - _MAX_ROLE_TOKENS) - 1, -1):
                token = doc.tokens[i]
                is_role = _lemma(token) in self.cues.role_nouns
                lowercase_word = token.norm[:1].islower() and token.pos in _ROLE_WORD_POS
                if not (is_role or lowercase_word or token.norm == ",") or (i in owners and not is_role):
                    break
                collected.insert(0, token)
            while collected and collected[0].norm == ",":
                collected.pop(0)
            if not collected or _lemma(collected[-1]) not in self.cues.role_nouns:
                continue
            role = doc.article.text[collected[0].start : collected[-1].end]
            speaker = Speaker(mention.entity, mention.lemma, role)
            for token in collected:
                if _lemma(token) in self.cues.role_nouns:
                    roles[_lemma(token)] = speaker
        return roles

    # --- spans ----------------------------------------------------------------------------------

    def _quoted_span(self, state: _State, sentence: Sentence, dash: int) -> tuple[int, int]:
        """The quoted words before the dash: inside «…» when quoted, else the paragraph up to the comma."""
        tokens = state.doc.tokens
        closing = dash - 1 if tokens[dash - 1].norm in _OPENING else dash - 2
        paragraph_start = next(
            (p.start for p in state.doc.paragraphs if p.start <= sentence.start < p.end), sentence.start
        )
        if closing >= sentence.first and tokens[closing].norm in _OPENING:
            opening = _OPENING[tokens[closing].norm]
            for i in range(closing - 1, -1, -1):
                if tokens[i].start < paragraph_start:
                    break
                if tokens[i].norm == opening:
                    return tokens[i].end, tokens[closing].start
        end = tokens[dash - 1].start if tokens[dash - 1].norm == "," else tokens[dash].start
        first = next(t for t in tokens if t.start >= paragraph_start)
        return first.start, end

    @staticmethod
    def _content_end(tokens: list[Token], sentence: Sentence) -> int:
        last = sentence.last - 1
        while last > sentence.first and not tokens[last].norm[:1].isalnum():
            last -= 1
        return tokens[last].end

    def _is_speech_verb(self, token: Token) -> bool:
        return token.pos == "VERB" and _lemma(token) in self.cues.speech_verbs

    @staticmethod
    def _quote(
        state: _State, sentence: Sentence, speaker: Speaker | None, start: int, end: int, kind: str, cue: str
    ) -> Quote:
        text = state.doc.article.text
        evidence_start = min(start, sentence.start)
        return Quote(
            speaker=speaker or Speaker(None, None, None),
            text=text[start:end].strip(),
            kind=kind,
            cue=cue,
            evidence=Evidence(
                sentence.index, evidence_start, sentence.end, text[evidence_start : sentence.end]
            ),
        )


@dataclass
class _State:
    """What one article's pass carries from sentence to sentence."""

    doc: Doc
    owners: dict[int, Mention]
    names: dict[str, str | None]
    roles: dict[str, Speaker]
    last: Speaker | None = None
    person_roles: dict[str, str | None] = field(init=False)

    def __post_init__(self) -> None:
        self.person_roles = {s.entity: s.role for s in self.roles.values() if s.entity}
