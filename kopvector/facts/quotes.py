"""Quotes in Kazakh news: direct, paragraph and indirect speech, each with its speaker.

Hand-written because no quotation extractor knows Kazakh (textacy's rules are English). Kazakh news
attributes speech after it, with a dash and a form of де- (", – дейді сарапшы."), often for a whole
paragraph, or before it with a colon ("Президент: «...»"); indirect speech hangs on "X-тың айтуынша, ..."
or ends its clause in a speech verb whose subject is the speaker ("X ... екенін атап өтті", "X ... деп
санайды", "... деп хабарлайды Ақорда"). The morphology does the work: the speaker is the nominative
phrase of the clause, the verb must be active, affirmative and finite (or a predicative participle), and
a clause with no subject is speech only when its content is a complement ("... керектігін айтты").
The cue words are data (`data/kk_quote_cues.yaml`); `speakers.py` says whom a speaker phrase names.
"""

from __future__ import annotations

from dataclasses import dataclass

from kopvector.document import Doc, Evidence, Quote, Sentence, Speaker, Token
from kopvector.entities.catalog import Catalog
from kopvector.facts.quote_cues import QuoteCues, lemma
from kopvector.facts.speakers import Phrase, Speakers

_CLOSING = {"»": "«", "”": "“", '"': '"'}
_QUOTE_MARKS = frozenset({"«", "»", "“", "”", '"'})
_MIN_CONTENT_TOKENS = 3
_PREDICATE_FORMS = ("Fin", "Part")
_NOMINAL = frozenset({"NOUN", "ADJ", "PROPN", "NUM"})


def _word(token: Token) -> str:
    return token.norm.lower()


def _is_word(token: Token) -> bool:
    return token.norm[:1].isalnum()


@dataclass(frozen=True)
class _Clause:
    """A clause of reported speech: content tokens `[first, last)`, its cue and speaker phrase."""

    first: int
    last: int
    cue_first: int
    cue_last: int
    phrase: Phrase | None


class QuoteExtractor:
    """Fills `doc.quotes`; needs tokens with lemmas, sentences, paragraphs and linked mentions.

    `catalog`, when given, lets a capital speak for its state."""

    def __init__(self, catalog: Catalog | None = None, cues: QuoteCues | None = None) -> None:
        self.cues = cues or QuoteCues.load()
        countries = catalog.entries_of("country") if catalog else ()
        self.capitals = {c.capital: (c.id, c.names.get("kk")) for c in countries if c.capital}

    def __call__(self, doc: Doc) -> None:
        speakers = Speakers(doc, self.cues, self.capitals)
        for sentence in doc.sentences:
            quote = (
                self._attributed(speakers, sentence)
                or self._colon(speakers, sentence)
                or self._according_to(speakers, sentence)
                or self._reported(speakers, sentence)
            )
            if quote is not None:
                doc.quotes.append(quote)
                speakers.said(quote.speaker, sentence.first)
            elif not self._inside_quotation(doc, sentence):
                speakers.observe(sentence.first, sentence.last)

    # --- the patterns -----------------------------------------------------------------------------

    def _attributed(self, speakers: Speakers, sentence: Sentence) -> Quote | None:
        """ "…, – дейді сарапшы." / "«…», – деді ол." / "… – деп атап өтті министр."."""
        tokens = speakers.tokens
        for i in range(sentence.first + 1, sentence.last - 1):
            if tokens[i].norm != "–" or lemma(tokens[i + 1]) not in self.cues.attribution_verbs:
                continue
            before = tokens[i - 1].norm
            if before not in (",", *_QUOTE_MARKS) and not (i >= 2 and tokens[i - 2].norm in _QUOTE_MARKS):
                continue
            start, end, opening = self._quoted_span(speakers, sentence, i)
            if start >= end:
                return None
            after = speakers.phrases(i + 2, sentence.last)
            phrase = after[0] if after else self._colon_phrase(speakers, sentence, opening)
            speaker = phrase.speaker if phrase else None
            return self._quote(speakers, sentence, speaker, start, end, "direct", tokens[i + 1].text)
        return None

    def _colon(self, speakers: Speakers, sentence: Sentence) -> Quote | None:
        """ "Экономистер: «…»." : the speaker before a colon, the words in quotation marks after it."""
        tokens = speakers.tokens
        for i in range(sentence.first + 1, sentence.last - 1):
            if tokens[i + 1].norm not in ("«", "“"):
                continue
            phrase = self._colon_phrase(speakers, sentence, i + 1)
            if phrase is None:
                continue
            closing = "»" if tokens[i + 1].norm == "«" else "”"
            end = next((t.start for t in tokens[i + 2 : sentence.last] if t.norm == closing), None)
            end = end if end is not None else self._content_end(tokens, sentence)
            return self._quote(speakers, sentence, phrase.speaker, tokens[i + 2].start, end, "direct", ":")
        return None

    def _according_to(self, speakers: Speakers, sentence: Sentence) -> Quote | None:
        """ "Сарапшының айтуынша, …"; when the content is itself reported speech with a subject
        ("Ақорданың хабарлауынша, Мемлекет басшысы … деп атады"), the subject is the speaker."""
        tokens = speakers.tokens
        for i in range(sentence.first + 1, sentence.last):
            if _word(tokens[i]) not in self.cues.according_to:
                continue
            content = [t for t in tokens[i + 1 : sentence.last] if t.norm != ","]
            if len(content) < _MIN_CONTENT_TOKENS:
                return None
            inner = self._clause(speakers, sentence, i + 1)
            if inner is not None and inner.phrase is not None:
                return self._clause_quote(speakers, sentence, inner)
            before = speakers.phrases(sentence.first, i)
            speaker = before[-1].speaker if before else None
            start = content[0].start
            end = self._content_end(tokens, sentence)
            return self._quote(speakers, sentence, speaker, start, end, "indirect", tokens[i].text)
        return None

    def _reported(self, speakers: Speakers, sentence: Sentence) -> Quote | None:
        """ "X … екенін атап өтті." / "… деп мәлімдеді X." / "… деп хабарлайды Ақорда."."""
        clause = self._clause(speakers, sentence, sentence.first)
        return self._clause_quote(speakers, sentence, clause) if clause else None

    # --- reported speech --------------------------------------------------------------------------

    def _clause(self, speakers: Speakers, sentence: Sentence, first: int) -> _Clause | None:
        """The last clause in `[first, sentence end)` closed by a speech cue, with its speaker phrase."""
        tokens = speakers.tokens
        for verb in range(sentence.last - 1, first, -1):
            cue_first = self._cue(tokens, first, verb)
            if cue_first is None:
                continue
            after, inverted = self._clause_end(speakers, sentence, verb)
            if after is None:
                continue
            clause = self._content(speakers, first, cue_first, verb, inverted)
            if clause is not None:
                return clause
        return None

    def _cue(self, tokens: list[Token], first: int, verb: int) -> int | None:
        """Index of the first token of a speech cue that ends in the verb at `verb`, if there is one."""
        token = tokens[verb]
        if token.pos != "VERB" or token.feats.get("Voice") == "Pass" or token.feats.get("Polarity") == "Neg":
            return None
        verb_lemma = lemma(token)
        if verb_lemma in self.cues.opinion_verbs and verb - 1 >= first and lemma(tokens[verb - 1]) == "де":
            return verb - 1 if tokens[verb - 1].feats.get("VerbForm") == "Conv" else None
        if verb_lemma in self.cues.attribution_verbs and token.feats.get("VerbForm") != "Fin":
            return None  # "деп" introduces a cue, "деген" mostly an attribute: only "деді"/"дейді" close
        for phrase in self.cues.speech_verbs:
            start = verb - len(phrase) + 1
            if start >= first and tuple(lemma(t) for t in tokens[start : verb + 1]) == phrase:
                said = start > first and lemma(tokens[start - 1]) == "де"  # "деп мәлімдеді"
                return start - 1 if said and tokens[start - 1].feats.get("VerbForm") == "Conv" else start
        return None

    def _clause_end(
        self, speakers: Speakers, sentence: Sentence, verb: int
    ) -> tuple[int | None, Phrase | None]:
        """Whether the verb closes a clause: (index after it, a speaker phrase after it) or (None, None).

        It does when only punctuation follows, a comma, or the speaker ("деп хабарлайды Ақорда"); a
        participle also when the person it describes follows ("... екенін айтқан Тоқаев")."""
        tokens = speakers.tokens
        i = verb + 1
        while (
            i < sentence.last
            and tokens[i].pos in ("AUX", "VERB")
            and lemma(tokens[i]) in self.cues.auxiliaries
        ):
            i += 1
        form = tokens[verb].feats.get("VerbForm")
        rest = [j for j in range(i, sentence.last) if _is_word(tokens[j])]
        if i > verb + 1:  # "шақырып отыр", "мәлімдеген болатын", but not "айтуға болады", "айтатын болсақ"
            auxiliary = tokens[i - 1].feats
            if form not in ("Conv", "Part") or auxiliary.get("Mood") == "Cnd":
                return None, None
            if auxiliary.get("VerbForm") in ("Vnoun", "Conv"):
                return None, None
        elif form == "Part" and rest and rest[0] == i:
            named = speakers.phrase_at(i, sentence.last)
            if named is not None and named.speaker.entity and named.speaker.entity.startswith("person:"):
                return i, named
        elif form not in _PREDICATE_FORMS and (rest or form != "Conv"):
            return None, None  # a converb closes only a headline-like fragment ("... екенін айтып.")
        if not rest or tokens[i].norm == ",":
            return i, None
        phrases = speakers.phrases(i, sentence.last)
        if len(phrases) == 1 and phrases[0].first == rest[0] and phrases[0].last > rest[-1]:
            return i, phrases[0]
        if lemma(tokens[verb]) in self.cues.attribution_verbs and all(
            tokens[j].pos in _NOMINAL for j in rest
        ):  # "... дейді қарапайым халық": whoever says it, unnamed
            text = speakers.doc.article.text[tokens[rest[0]].start : tokens[rest[-1]].end]
            return i, Phrase(rest[0], rest[-1] + 1, Speaker(None, None, text), person=False)
        return None, None

    def _content(
        self, speakers: Speakers, first: int, cue_first: int, verb: int, inverted: Phrase | None
    ) -> _Clause | None:
        """The speech content before the cue and who says it, or None when this is not reported speech."""
        tokens = speakers.tokens
        if cue_first <= first or lemma(tokens[cue_first - 1]) in self.cues.not_speech_objects:
            return None
        if lemma(tokens[verb]) in self.cues.directive_verbs and not self._verbal_noun(tokens[cue_first - 1]):
            return None
        needs_complement = lemma(tokens[verb]) in self.cues.complement_verbs
        # The clause begins after a colon or semicolon ("... қатыспады: Ереван ... мәлімдеген").
        first = max([first] + [j + 1 for j in range(first, cue_first) if tokens[j].norm in (":", ";")])
        phrase = inverted
        start, end = first, cue_first
        if phrase is None:
            subject = speakers.subject(first, cue_first)
            if subject is not None:
                phrase = subject
                if self._words(tokens, subject.last, cue_first) >= _MIN_CONTENT_TOKENS:
                    start = subject.last
                else:
                    end = subject.first
        while start < end and not _is_word(tokens[start]) and tokens[start].norm not in _QUOTE_MARKS:
            start += 1
        if self._words(tokens, start, end) < _MIN_CONTENT_TOKENS:
            return None
        if self._points_elsewhere(tokens, first, cue_first):
            return None
        if (phrase is None or needs_complement) and not self._complement(tokens, cue_first, verb):
            return None
        return _Clause(start, end, cue_first, verb + 1, phrase)

    def _complement(self, tokens: list[Token], cue_first: int, verb: int) -> bool:
        """Content with no speaker named is speech only in a complement: "деп", "-ғанын", "керектігін"."""
        if lemma(tokens[cue_first]) in self.cues.attribution_verbs or lemma(tokens[verb]) == "де":
            return True
        last = tokens[cue_first - 1]
        if _word(last) in self.cues.complement_words:
            return True
        return last.feats.get("Case") == "Acc" and last.feats.get("VerbForm") in ("Part", "Vnoun")

    def _points_elsewhere(self, tokens: list[Token], start: int, cue_first: int) -> bool:
        """ "Бұл туралы …", "осылай", or a demonstrative object of a cue without "деп" ("Мұны … айтты")."""
        words = [_word(t) for t in tokens[start:cue_first]]
        for phrase in self.cues.pointing_words:
            for i in range(len(words) - len(phrase) + 1):
                after = tokens[start + i + len(phrase)]
                said_before = (
                    lemma(after) == "де" and after.feats.get("VerbForm") == "Part"
                )  # "Осылай деген X"
                if tuple(words[i : i + len(phrase)]) == phrase and not said_before:
                    return True
        if lemma(tokens[cue_first]) in self.cues.attribution_verbs:
            return False
        objects = [t for t in tokens[start:cue_first] if t.feats.get("Case") == "Acc"]
        last = objects[-1] if objects else None
        return last is not None and last.pos == "PRON" and lemma(last) in self.cues.pointing_objects

    @staticmethod
    def _verbal_noun(token: Token) -> bool:
        """ "нығайтуға", "жөндеуді": the -у verbal noun (some are in the lexicon as nouns)."""
        if token.feats.get("Case") not in ("Dat", "Acc"):
            return False
        return token.feats.get("VerbForm") == "Vnoun" or lemma(token).endswith(("у", "ю"))

    def _clause_quote(self, speakers: Speakers, sentence: Sentence, clause: _Clause) -> Quote:
        tokens = speakers.tokens
        content = [t for t in tokens[clause.first : clause.last] if t.norm != ","]
        kind = "direct" if tokens[clause.last - 1].norm in _CLOSING else "indirect"
        cue = speakers.doc.article.text[tokens[clause.cue_first].start : tokens[clause.cue_last - 1].end]
        speaker = clause.phrase.speaker if clause.phrase else None
        start, end = content[0].start, content[-1].end
        return self._quote(speakers, sentence, speaker, start, end, kind, cue)

    @staticmethod
    def _inside_quotation(doc: Doc, sentence: Sentence) -> bool:
        """Whether the sentence is quoted words ("«Президент … қайталады. Бұл …», – деді ол.")."""
        paragraph_start = next((p.start for p in doc.paragraphs if p.start <= sentence.start < p.end), 0)
        before = doc.article.text[paragraph_start : sentence.start + 1]
        return before.count("«") + before.count("“") > before.count("»") + before.count("”")

    # --- spans ------------------------------------------------------------------------------------

    @staticmethod
    def _colon_phrase(speakers: Speakers, sentence: Sentence, opening: int | None) -> Phrase | None:
        """The speaker phrase that ends right before "X:" in front of an opening quotation mark."""
        tokens = speakers.tokens
        if opening is None or opening - 1 <= sentence.first or tokens[opening - 1].norm != ":":
            return None
        phrases = speakers.phrases(sentence.first, opening - 1)
        return phrases[-1] if phrases and phrases[-1].last == opening - 1 else None

    @staticmethod
    def _quoted_span(speakers: Speakers, sentence: Sentence, dash: int) -> tuple[int, int, int | None]:
        """The quoted words before the dash and the opening mark's index: inside «…» when quoted,
        else the paragraph up to the comma (no opening mark)."""
        doc, tokens = speakers.doc, speakers.tokens
        closing = dash - 1 if tokens[dash - 1].norm in _QUOTE_MARKS else dash - 2
        paragraph_start = next(
            (p.start for p in doc.paragraphs if p.start <= sentence.start < p.end), sentence.start
        )
        if closing >= sentence.first and tokens[closing].norm in _QUOTE_MARKS:
            openings = {_CLOSING.get(tokens[closing].norm, tokens[closing].norm), "«", "“"}
            for i in range(closing - 1, -1, -1):
                if tokens[i].start < paragraph_start:
                    break
                if tokens[i].norm in openings:
                    return tokens[i].end, tokens[closing].start, i
        end = tokens[dash - 1].start if tokens[dash - 1].norm == "," else tokens[dash].start
        first = next(t for t in tokens if t.start >= paragraph_start)
        return first.start, end, None

    @staticmethod
    def _words(tokens: list[Token], start: int, end: int) -> int:
        return sum(1 for t in tokens[start:end] if _is_word(t) and lemma(t) != "де")

    @staticmethod
    def _content_end(tokens: list[Token], sentence: Sentence) -> int:
        last = sentence.last - 1
        while last > sentence.first and not _is_word(tokens[last]) and tokens[last].norm not in _CLOSING:
            last -= 1
        return tokens[last].end

    @staticmethod
    def _quote(
        speakers: Speakers,
        sentence: Sentence,
        speaker: Speaker | None,
        start: int,
        end: int,
        kind: str,
        cue: str,
    ) -> Quote:
        text = speakers.doc.article.text
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
