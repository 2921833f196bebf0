"""A fact as its clause states it: its modality (negated > planned > reported > asserted), evidence, time."""

from __future__ import annotations

from typing import Any

from kopvector.document import Evidence, Fact
from kopvector.facts.kk.reader import Reader
from kopvector.facts.kk.view import View
from kopvector.facts.kk.words import contains
from kopvector.facts.quote_cues import lemma as _lemma

# The negative converb's endings: "қолданбай", "келмей" (without using, without coming).
_NEGATIVE_CONVERB = ("май", "мей", "бай", "бей", "пай", "пей")
_AUXILIARIES = frozenset({"қал", "отыр", "жүр", "тұр", "жатыр"})  # "келмей қалды": did not come after all
# Kinds that describe a state: their aorist ("мүше болып табылады", "қызмет етеді") is the present.
_STATE_KINDS = frozenset({"membership", "chairmanship", "mission_participation", "cooperation"})


def _after(when: str, published: str) -> bool:
    """Whether an ISO time ("2015", "2015-11", "2015-11-30", or the start of a range) lies after the
    publication date, compared at the time's own precision ("30 қарашада" in an article of 2 November)."""
    start = when.split("/")[0]
    if "W" in start or not start[:4].isdigit():
        return False
    return start > published[: len(start)]


def _without(view: View, i: int) -> bool:
    """Whether word `i` is a negative converb that means "without" ("күш қолданбай, бейбіт жолмен шешуге
    шақырды"): it negates its own phrase, not the clause, unless an auxiliary follows ("келмей қалды")."""
    token = view.tokens[i]
    converb = token.feats.get("VerbForm") == "Conv" or token.norm.lower().endswith(_NEGATIVE_CONVERB)
    if token.feats.get("Polarity") != "Neg" or not converb:  # the analyser may read "қолданбай" as an aorist
        return False
    following = view.tokens[i + 1 :]
    return not following or (following[0].pos != "AUX" and _lemma(following[0]) not in _AUXILIARIES)


def refuses(read: Reader, view: View) -> bool:
    """The clause refuses its own act ("қол қоюдан бас тартты"); "арсеналдан бас тартқан Қазақстан"
    only describes the state (a participle before a name or noun)."""
    for phrase in read.cues["refused"]:
        n = len(phrase)
        if contains(view.words, phrase) and any(
            view.words[i : i + n] == phrase
            and not (i + n < len(view.tokens) and view.tokens[i + n].pos in ("NOUN", "PROPN"))
            for i in range(len(view.words) - n + 1)
        ):
            return True
    return False


def modality_of(read: Reader, view: View, kind: str) -> str:
    """negated > planned > reported > asserted, read from the clause's own words and predicate."""
    words, lemmas = view.words, view.lemmas
    negation = any(
        w in read.cues["negators"] and (i == 0 or words[i - 1] not in read.cues["not_negating_before"])
        for i, w in enumerate(words)
    ) or any(lemma in read.cues["cancelled"] for lemma in lemmas)
    negation = negation or refuses(read, view)
    named = {i for m in view.mentions for i in range(m.first - view.first, view.after(m))}
    # "фон дер Ляйен" has no verb, and "күш қолданбай" (without force) is no predicate
    verbs = [t for i, t in enumerate(view.tokens) if i not in named and not _without(view, i)]
    if negation or any(t.feats.get("Polarity") == "Neg" for t in verbs if t.pos == "VERB"):
        return "negated"
    predicate = next(
        (t for t in reversed(verbs) if t.pos in ("VERB", "AUX") and t.feats.get("VerbForm", "Fin") == "Fin"),
        None,
    )
    aorist = (
        predicate is not None
        and predicate.feats.get("Tense") == "Pres"
        and predicate.feats.get("Aspect") == "Hab"
        and (
            kind not in _STATE_KINDS or (kind == "chairmanship" and read.has(view, "chairmanship", "passes"))
        )
    )
    intent = any(
        t.feats.get("VerbForm") == "Vnoun"
        and t.feats.get("Case") == "Dat"
        and _lemma(t) in read.cues["intents"]
        for t in view.tokens
    )  # "баруға шақыруды қабылдады", "қатысуға келісті"
    published = view.doc.article.published
    ahead = bool(view.own_time and view.when and published and _after(view.when, published.isoformat()))
    past = predicate is not None and predicate.feats.get("Tense") == "Past"
    ongoing = any(
        _lemma(t) in read.cues["ongoing"] and i and view.tokens[i - 1].feats.get("VerbForm") == "Conv"
        for i, t in enumerate(view.tokens)
    )  # "төрағалық етіп отыр": going on now, even with a term that ends later
    ahead = ahead and not ongoing
    if (
        aorist
        or intent
        or (ahead and (kind in _STATE_KINDS or not past))
        or any(
            w in read.cues["planned"] and not (past and words[i + 1 : i + 2] == ["күні"])
            for i, w in enumerate(words)
        )  # not "Келесі күні ... келіссөз жүргізді" (the next day, told in the past)
        or any(
            t.feats.get("Tense") == "Fut" and words[i + 1 : i + 2] != ["алдында"]
            for i, t in enumerate(view.tokens)
            if i not in named
        )  # not "Парижге келер алдында" (before coming to Paris)
    ):
        return "planned"
    return "reported" if view.reported else "asserted"


def make_fact(
    read: Reader,
    view: View,
    kind: str,
    args: dict[str, Any],
    confidence: float,
    *,
    when: str | None = None,
    time_text: str | None = None,
    modality: str | None = None,
) -> Fact:
    doc, sentence = view.doc, view.sentence
    text = doc.article.text
    return Fact(
        kind=kind,
        args=args,
        evidence=Evidence(sentence.index, sentence.start, sentence.end, text[sentence.start : sentence.end]),
        confidence=confidence,
        modality=modality or modality_of(read, view, kind),
        time=when or view.when,
        time_text=time_text or view.time_text,
        plover=read.plover.get(kind),
    )
