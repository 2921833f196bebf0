"""The analysis pipeline: every stage is registered here, in order, with what it needs and gives.

Article → text (normalize, offset map) → language (script, Latin → Cyrillic, language per article
and paragraph; Kazakh tokens, sentences, morphology) → entities (NER, catalog matches, mentions).
Like Stanza, a document is routed by its language: only Kazakh gets the Kazakh morphology and NER;
other languages are tokenized and kept, waiting for their own processors. Models load once per `Pipeline`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from kopvector.document import Article, Doc, Mention, Paragraph, Sentence, Token
from kopvector.entities.catalog import load_catalog
from kopvector.entities.linker import Linker
from kopvector.entities.matcher import CatalogMatcher
from kopvector.entities.mentions import compound_parts, iob_spans, merge
from kopvector.entities.ner.tagger import NerTagger
from kopvector.facts.kk import KazakhFactExtractor
from kopvector.facts.quotes import QuoteExtractor
from kopvector.language.identify import LanguageIdentifier, looks_like_kazakh_latin
from kopvector.language.kk.latin import latin_to_cyrillic
from kopvector.language.kk.morphology import Analyzer
from kopvector.language.kk.tokenizer import segment
from kopvector.language.script import detect_script
from kopvector.settings import Settings
from kopvector.text.normalize import normalize


@dataclass(frozen=True)
class Stage:
    """One step: `run(doc)` fills the fields named in `provides`, reading those in `requires`."""

    name: str
    requires: tuple[str, ...]
    provides: tuple[str, ...]
    run: Callable[[Doc], None]


class PipelineError(Exception):
    """A stage would read something no earlier stage provides."""


class Pipeline:
    """Kazakh-first analysis of articles into `Doc`s."""

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or Settings.from_env()
        self.identifier = LanguageIdentifier(self.settings.languages)
        self.analyzer = Analyzer.load()
        self.tagger = NerTagger.load(self.settings.ner_model)
        catalog = load_catalog()
        self.matcher = CatalogMatcher(catalog, self.analyzer)
        self.linker = Linker(catalog, self.matcher, self.analyzer)
        self.quotes = QuoteExtractor(catalog)
        # One fact extractor per language; a Russian one plugs in here beside the Kazakh one.
        self.fact_extractors = {"kk": KazakhFactExtractor(catalog)}
        self.stages: tuple[Stage, ...] = (
            Stage("script", ("view",), ("script", "view"), self._script),
            Stage("language", ("view", "script"), ("language", "paragraphs"), self._language),
            Stage("tokenize", ("view",), ("tokens", "sentences"), self._tokenize),
            Stage("morphology", ("tokens", "language"), ("lemmas",), self._morphology),
            Stage("ner", ("tokens", "sentences", "language"), ("ner",), self._ner),
            Stage("mentions", ("ner", "lemmas"), ("mentions",), self._mentions),
            Stage("link", ("mentions",), ("entities",), self.linker.link),
            Stage("quotes", ("entities", "paragraphs", "lemmas"), ("quotes",), self._quotes),
            Stage("facts", ("entities", "quotes"), ("facts",), self._facts),
        )
        self._check()

    def _check(self) -> None:
        available = {"view"}
        gaps = []
        for stage in self.stages:
            missing = [need for need in stage.requires if need not in available]
            if missing:
                gaps.append(f"{stage.name} needs {', '.join(missing)}")
            available.update(stage.provides)
        if gaps:
            raise PipelineError("; ".join(gaps))

    def __call__(self, article: Article) -> Doc:
        doc = Doc(article=article, view=normalize(article.text))
        for stage in self.stages:
            stage.run(doc)
        return doc

    def pipe(self, articles: Iterable[Article]) -> Iterator[Doc]:
        for article in articles:
            yield self(article)

    # --- stages -------------------------------------------------------------------------------

    def _script(self, doc: Doc) -> None:
        doc.script = detect_script(doc.view.text)
        if doc.script == "Latn" and looks_like_kazakh_latin(doc.view.text):
            doc.view = doc.view.then(latin_to_cyrillic(doc.view.text))

    def _language(self, doc: Doc) -> None:
        doc.language = self.identifier.identify(doc.view.text)
        text = doc.article.text
        position = 0
        for line in doc.view.text.split("\n"):
            begin, end = position, position + len(line)
            position = end + 1
            if not line.strip():
                continue
            start, stop = doc.view.source_span(begin, end)
            doc.paragraphs.append(
                Paragraph(
                    start=start,
                    end=stop,
                    language=self.identifier.identify_paragraph(line, article=doc.language),
                    script=detect_script(text[start:stop]),
                )
            )

    def _tokenize(self, doc: Doc) -> None:
        view, text = doc.view, doc.article.text
        for spans in segment(view.text):
            if not spans:
                continue
            first = len(doc.tokens)
            for vstart, vend in spans:
                start, end = view.source_span(vstart, vend)
                doc.tokens.append(
                    Token(text=text[start:end], start=start, end=end, norm=view.text[vstart:vend])
                )
            doc.sentences.append(
                Sentence(
                    index=len(doc.sentences),
                    first=first,
                    last=len(doc.tokens),
                    start=doc.tokens[first].start,
                    end=doc.tokens[-1].end,
                )
            )

    def _morphology(self, doc: Doc) -> None:
        kazakh = doc.language == "kk"
        for token in doc.tokens:
            if kazakh:
                analysis = self.analyzer.analyze(token.norm)
                token.lemma, token.pos, token.feats = analysis.lemma, analysis.pos, dict(analysis.feats)
            else:
                token.lemma = token.norm

    def _quotes(self, doc: Doc) -> None:
        if doc.language == "kk":
            self.quotes(doc)

    def _facts(self, doc: Doc) -> None:
        extractor = self.fact_extractors.get(doc.language)
        if extractor is not None:
            extractor(doc)

    def _ner(self, doc: Doc) -> None:
        if doc.language != "kk" or not doc.sentences:
            return
        words = [[t.norm for t in doc.sentence_tokens(s)] for s in doc.sentences]
        for sentence, tags in zip(doc.sentences, self.tagger.tag(words), strict=True):
            for token, tag in zip(doc.sentence_tokens(sentence), tags, strict=True):
                token.ner = tag

    def _mentions(self, doc: Doc) -> None:
        """NER spans and catalog names merged; two-country compounds split into one mention per part."""
        kazakh = doc.language == "kk"
        for sentence in doc.sentences:
            tokens = doc.sentence_tokens(sentence)
            words = [t.norm for t in tokens]
            found = self.matcher.match(words) if kazakh else []
            read: dict[int, str] = {}  # one-word names whose case only the catalog shows: "Мюнхенде"
            for match in found:
                if match.reading:
                    token = tokens[match.first]
                    token.lemma, token.feats = match.reading[0], {**token.feats, **match.reading[1]}
                    read[match.first] = token.lemma
            compounds = {
                i: parts
                for i, t in enumerate(tokens)
                if kazakh
                and "-" in t.norm
                and (parts := compound_parts(t.text, t.norm, self.linker.country_word))
            }
            spans = [
                (first, last, label, None)
                for first, last, label in merge(list(iob_spans([t.ner for t in tokens])), found, words)
                if not (last - first == 1 and first in compounds)
            ]
            spans += [(i, i + 1, "NORP", part) for i, parts in compounds.items() for part in parts]
            for first, last, label, part in sorted(spans, key=lambda s: (tokens[s[0]].start, -s[1])):
                if part is None:
                    start, end = tokens[first].start, tokens[last - 1].end
                    one_read = last == first + 1 and first in read
                    lemma = read[first] if one_read else self.analyzer.lemmatize_name(words[first:last])
                else:
                    start, end, lemma = tokens[first].start + part[0], tokens[first].start + part[1], part[2]
                doc.mentions.append(
                    Mention(
                        start=start,
                        end=end,
                        text=doc.article.text[start:end],
                        label=label,
                        lemma=lemma,
                        sentence=sentence.index,
                        first=sentence.first + first,
                        last=sentence.first + last,
                    )
                )
