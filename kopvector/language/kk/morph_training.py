"""Derive the analyser's lexicon and statistics from gold-lemmatised words.

Used twice: by ``tools/build_morph_lexicon.py`` to write the shipped data files
from all of UD Kazakh KTB, and by cross-validation to build a lexicon from the
training folds only, so scores come from words the lexicon never saw.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path

from kopvector.language.kk.lexicon import CONTEXT_LETTERS, FormEntry, Lexicon
from kopvector.language.kk.morphology import Analyzer
from kopvector.language.kk.morphotactics import Morphotactics

Triple = tuple[str, str, str]  # (form, lemma, UPOS)
_SKIP_POS = frozenset({"PUNCT", "SYM"})
# categories of morph_tactics.yaml a gold UPOS may come from
_CATEGORY_OF = {
    "VERB": ("verbal",),
    "AUX": ("verbal",),
    "NUM": ("numeral", "nominal"),
    **{pos: ("particle",) for pos in ("CCONJ", "SCONJ", "PART", "INTJ")},
}


def build_lexicon(words: Sequence[Triple], tactics: Morphotactics, data_dir: Path | None = None) -> Lexicon:
    """Lemmas, ending statistics and exception forms, all learned from ``words``."""
    lexicon = Lexicon.from_words(words, data_dir)
    analyzer = Analyzer(lexicon, tactics)
    lexicon.contexts, lexicon.context_endings, lexicon.signatures = ending_statistics(analyzer, words)
    lexicon.exceptions = learn_exceptions(Analyzer(lexicon, tactics), words)
    return lexicon


def ending_statistics(
    analyzer: Analyzer, words: Iterable[Triple]
) -> tuple[dict[str, int], dict[tuple[str, int, str], int], dict[str, tuple[int, int]]]:
    """How many word types end in each context, and with which ending (see ``Lexicon.contexts``).

    Counted over distinct (form, lemma, UPOS) types, not tokens: the statistics matter
    most for unknown words, and those look like the treebank's types, not like its
    frequent, mostly uninflected tokens.
    """
    types = sorted({(f.lower(), lemma, upos) for f, lemma, upos in words if upos not in _SKIP_POS})
    context_endings: Counter[tuple[str, int, str]] = Counter()
    sig_all: Counter[str] = Counter()
    sig_gold: Counter[str] = Counter()
    index = analyzer.tactics.endings
    for form, lemma, upos in types:
        sigs = {
            e.signature
            for i in range(max(0, len(form) - analyzer.tactics.max_len), len(form) + 1)
            for e in index.get(form[i:], [])
        }
        sig_all.update(sigs)
        gold = _gold_ending(analyzer, form, lemma, upos)
        if gold is None:
            continue
        category, ending, signature = gold
        sig_gold[signature] += 1
        for m in range(CONTEXT_LETTERS + 1):
            if len(ending) + m <= len(form):
                context_endings[(form[len(form) - len(ending) - m :], len(ending), category)] += 1
    wanted = {ctx for ctx, _, _ in context_endings}
    longest = max((len(c) for c in wanted), default=0)
    contexts: Counter[str] = Counter()
    for form, _, _ in types:
        for i in range(max(0, len(form) - longest), len(form) + 1):
            if form[i:] in wanted:
                contexts[form[i:]] += 1
    signatures = {sig: (n, sig_gold[sig]) for sig, n in sig_all.items()}
    return dict(contexts), dict(context_endings), signatures


def _gold_ending(analyzer: Analyzer, form: str, lemma: str, upos: str) -> tuple[str, str, str] | None:
    """(category, ending, signature) of the segmentation that yields the gold lemma, if any does."""
    want = lemma.lower()
    matches = [c for c in analyzer.candidates(form) if c.lemma.lower() == want]
    if not matches:
        return None
    prefer = _CATEGORY_OF.get(upos, ("nominal",))
    best = max(matches, key=lambda c: (c.ending.category in prefer, c.known, -c.ending.n_morphs))
    return best.ending.category, best.ending.surface, best.ending.signature


def learn_exceptions(analyzer: Analyzer, words: Iterable[Triple]) -> dict[str, FormEntry]:
    """Forms whose usual gold lemma the rules miss (ambiguous or irregular words)."""
    by_form: dict[str, Counter[tuple[str, str]]] = defaultdict(Counter)
    for form, lemma, upos in words:
        if upos not in _SKIP_POS:
            by_form[form.lower()][(lemma, upos)] += 1
    out: dict[str, FormEntry] = {}
    for lower, counts in by_form.items():
        (lemma, upos), top = counts.most_common(1)[0]
        if top * 2 <= sum(counts.values()):
            continue
        if lower in analyzer.lexicon.closed:
            continue
        got = analyzer.analyze(lower)
        mine = got.lemma.lower()
        if (mine, got.pos) in analyzer.lexicon.hand and mine.startswith(lemma.lower()):
            continue  # hand-written stems override KTB voice stripping on purpose (келісті -> келіс)
        if got.lemma.lower() != lemma.lower():
            out[lower] = FormEntry(lemma, upos)
    return out
