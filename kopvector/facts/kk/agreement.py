"""Agreement facts: documents signed or adopted, by which parties, with their titles and sectors."""

from __future__ import annotations

from typing import Any

from kopvector.document import Fact
from kopvector.facts.kk.discourse import Discourse
from kopvector.facts.kk.modality import make_fact
from kopvector.facts.kk.people import People
from kopvector.facts.kk.reader import Reader
from kopvector.facts.kk.roles import parties_in, referred_organisation, sectors_in
from kopvector.facts.kk.view import View
from kopvector.facts.kk.words import contains
from kopvector.facts.quote_cues import lemma as _lemma
from kopvector.language.kk.latin import cyrillic_to_latin
from kopvector.language.script import detect_script


def agreement_facts(read: Reader, view: View, discourse: Discourse, people: People) -> list[Fact]:
    cues = read.cues["agreement"]
    lemmas = view.lemmas
    # A treaty the catalog files under its organisation ("... туралы шартқа") is a document.
    named = {
        j
        for m in view.mentions
        for j in range(m.first - view.first, view.after(m) - (1 if read.names_document(view, m) else 0))
    }
    documents = [
        i
        for i, lemma in enumerate(lemmas)
        if i not in named
        and (
            read.inflects(view.tokens[i], cues["nouns"])
            or (
                lemma in cues["joint_nouns"]
                and (any(w in cues["joint"] for w in view.words[:i]) or _named_title(read, view, i))
            )  # "бірлескен мәлімдеме", "Астана мәлімдемесі"
        )
    ]
    acting = [
        lemma
        for i, (lemma, t) in enumerate(zip(lemmas, view.tokens, strict=True))
        if t.feats.get("VerbForm") != "Vnoun"
        or (t.feats.get("Case") is None and [n.pos for n in view.tokens[i + 1 : i + 2]] != ["NOUN"])
    ]  # "қол қою рәсімінің алдында" names the ceremony, signs nothing
    signed = (
        ("қол" in view.words and "қой" in acting)
        or any(lemma in cues["verbs"] for lemma in acting)
        or any(contains(view.words, phrase) for phrase in cues["phrases"])
        or any(view.next_lemma(i) == "кел" for i in documents)  # "ортақ шешімге келе алмады"
        or (
            any(view.tokens[i].feats.get("Case") == "Dat" for i in documents)
            and (
                any(w.startswith(tuple(cues["accedes"])) for w in view.words)
                or (
                    any(lemma in cues["party_nouns"] for lemma in lemmas)
                    and any(read.case(view.doc, m) in ("Nom", None) for m in read.countries(view))
                )  # "Қазақстан ... шартқа қатысушы мемлекет"; not "шартқа қатысушы мемлекеттердің кездесуі"
            )
        )  # "Кейін құжатқа Грузия қосылды", "бұл шартқа қосылған жоқ", "шартқа қатысушы мемлекет"
    )
    if not documents or not signed or any(lemma in cues["private"] for lemma in lemmas):
        return []
    owners = _owners(read, view, documents, discourse)
    parties = [
        p for p in parties_in(read, view, discourse, people, minimum=1, document=True) if p not in owners
    ]
    if not parties:
        return []
    args: dict[str, Any] = {"parties": parties}
    sectors = sectors_in(read, view)
    if sectors:
        args["sectors"] = sectors
    titles = [t for i in documents for t in [_about(read, view, i) or _named_title(read, view, i)] if t]
    titles = list(dict.fromkeys(titles)) or [_quoted_title(view)]
    return [
        make_fact(read, view, "agreement", {**args, **({"title": title} if title else {})}, 0.7)
        for title in titles
    ]


def _owners(read: Reader, view: View, documents: list[int], discourse: Discourse) -> set[str]:
    """Organisations whose own document it is: "ұйымның Жарғысын", "ТМД Жарғысы" (the organisation
    right before the document noun) does not sign its charter; the states ratify it."""
    owners = set()
    for i in documents:
        for m in view.mentions:
            if m.entity.startswith("org:") and view.after(m) == i:
                owners.add(m.entity)
        if (
            i
            and view.lemmas[i - 1] in read.cues["organisation_words"]
            and view.tokens[i - 1].feats.get("Case") == "Gen"
        ):
            owner = referred_organisation(read, [view.lemmas[i - 1]], discourse)
            owners.update([owner] if owner else [])
    return owners


def _about(read: Reader, view: View, i: int) -> str | None:
    """The title of document `i` read back from its "туралы": "Одақтастық қатынастар туралы шарт",
    up to the conjunction, comma, name or "тараптар" before it."""
    if i < 2 or view.words[i - 1] not in ("туралы", "жөніндегі"):
        return None
    mentioned = {j for m in view.mentions for j in range(m.first - view.first, view.after(m))}
    first = i - 2
    while (
        first > 0
        and view.words[first - 1] not in read.cues["agreement"]["title_stops"]
        and view.tokens[first - 1].pos != "PUNCT"
        and first - 1 not in mentioned
        and _lemma(view.tokens[first - 1]) not in read.cues["both_sides"]
        and not view.tokens[first - 1].ner.endswith("DATE")
    ):
        first -= 1
    text = view.doc.article.text
    head = view.tokens[i]
    written = text[head.start : head.end]
    nouns = [*read.cues["agreement"]["nouns"], *read.cues["agreement"]["joint_nouns"]]
    noun = next((n for n in nouns if written.lower().startswith(n)), _lemma(head))
    # The head in its dictionary form, in the article's own letters: "... turaly şart" from "şartqa".
    latin = detect_script(written) == "Latn"
    return text[view.tokens[first].start : head.start] + (
        written[: len(cyrillic_to_latin(noun))] if latin else noun
    )


def _named_title(read: Reader, view: View, i: int) -> str | None:
    """The title of document `i` named after a place: "Астана декларациясы", "Бішкек декларациясына"
    (the capitalised words before it, and the head with its possessive, without its case); a head
    without the possessive is no title ("Астана құжатқа қол қойды": Astana signed)."""
    if "Person[psor]" not in view.tokens[i].feats:
        return None
    first = i
    while (
        first > 0
        and i - first < 3
        and view.tokens[first - 1].norm[:1].isupper()
        and view.tokens[first - 1].feats.get("Case") in ("Nom", None)  # not "Саммитте"
    ):
        first -= 1
    if first == i or (first == 0 and i - first == 1 and not view.tokens[0].ner.endswith(("GPE", "LOCATION"))):
        return None  # no name, or only a sentence's first word
    text = view.doc.article.text
    head = view.tokens[i]
    written = text[head.start : head.end].lower()
    noun = next((n for n in read.cues["agreement"]["nouns"] if written.startswith(n)), _lemma(head))
    owned = next((noun + p for p in ("сы", "сі", "ы", "і") if written.startswith(noun + p)), noun)
    return text[view.tokens[first].start : head.start] + owned


def in_title(read: Reader, view: View, i: int) -> bool:
    """Word `i` names what a document is about: "әріптестікті дамыту туралы бірлескен мәлімдеме"."""
    words, documents = view.words, read.cues["agreement"]
    for j in range(i + 1, min(len(words), i + 5)):
        if words[j] == "туралы":
            return any(
                _lemma(t) in documents["nouns"] or _lemma(t) in documents["joint_nouns"]
                for t in view.tokens[j + 1 : j + 4]
            )
    return False


def _quoted_title(view: View) -> str | None:
    words = [t.norm for t in view.tokens]
    if "«" in words and "»" in words[words.index("«") :]:
        first, last = words.index("«") + 1, words.index("»", words.index("«"))
        if first < last:
            return view.doc.article.text[view.tokens[first].start : view.tokens[last - 1].end]
    return None
