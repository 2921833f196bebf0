"""What every Kazakh fact rule reads with: the cues, the catalog, and the tests on words and mentions.

A `Reader` holds the cue data, the catalog, the home country, the time resolver and the clause
splitter, and answers what every kind asks of a clause: a mention's case, whether a word is an
office title or a cue noun in some case form, which countries a clause names outside titles, and
what the catalog says of a place.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from kopvector.document import Doc, Mention, Token
from kopvector.entities.catalog import Catalog
from kopvector.facts.clauses import ClauseSplitter
from kopvector.facts.kk.view import View
from kopvector.facts.kk.words import NOUN_ENDINGS, TITLE_ENDINGS
from kopvector.facts.quote_cues import lemma as _lemma
from kopvector.facts.time import TimeResolver


class Reader:
    """The cues, catalog and home country the rules share, with the word and mention tests on them."""

    def __init__(self, catalog: Catalog, home: str, cues: dict[str, Any]) -> None:
        self.catalog = catalog
        self.home = home
        self.cues = cues
        self.time = TimeResolver(cues)
        self.clauses = ClauseSplitter(cues)
        self.plover: dict[str, dict[str, str]] = cues["plover"]
        self._noun_forms: dict[tuple[str, ...], frozenset[str]] = {}
        # Capitals by the country's own `capital` too: Astana's kind is a city of republican significance.
        self._capitals = {c.capital: c.id for c in catalog.entries_of("country") if c.capital}

    def has(self, view: View, kind: str, part: str) -> bool:
        cues = self.cues[kind][part]
        if part == "verbs":
            return any(_lemma(t) in cues for t in view.tokens if t.pos in ("VERB", "AUX"))
        return any(lemma in cues for lemma in view.lemmas)

    def predicates(self, view: View, i: int) -> bool:
        """Whether word `i` is said to happen, not named as a topic: a verbal noun counts only when a
        plan or duty follows ("жіберу жоспарлануда", "қатысуы тиіс"), not in "қатысу ... танытады"."""
        if view.tokens[i].feats.get("VerbForm") != "Vnoun":
            return True
        return view.next_word(i) in self.cues["planned"]

    def case(self, doc: Doc, mention: Mention) -> str | None:
        """The mention's case, its head's when a place noun follows the name ("Баку қаласына"), or the
        place case of the list it starts ("Моңғолия, Түрікменстан және Қырғызстанда болды": only the
        last name of a list is inflected)."""
        own = self._own_case(doc, mention)
        if own not in ("Nom", None) or not (mention.entity or "").startswith(("country:", "place:")):
            return own
        following = self._next_in_list(doc, mention)
        if following is None:
            return own
        listed = self.case(doc, following)
        return listed if listed in self.cues["list_cases"] else own

    def _next_in_list(self, doc: Doc, mention: Mention) -> Mention | None:
        """The country or place named right after this one in a list ("X, Y", "X және Y", "X мен Y")."""
        i = mention.last
        if i >= len(doc.tokens) or doc.tokens[i].norm.lower() not in self.cues["list_links"]:
            return None
        return next(
            (
                m
                for m in doc.mentions
                if m.first == i + 1
                and m.sentence == mention.sentence
                and (m.entity or "").startswith(("country:", "place:"))
            ),
            None,
        )

    def _own_case(self, doc: Doc, mention: Mention) -> str | None:
        after = doc.tokens[mention.last] if mention.last < len(doc.tokens) else None
        entity = mention.entity or ""
        if (
            after is not None
            and entity.startswith(("country:", "place:"))
            and after.norm[:1].islower()
            and _lemma(after) in self.cues["place_heads"]
        ):
            return after.feats.get("Case")
        return doc.tokens[mention.last - 1].feats.get("Case")

    def inflects(self, token: Token, nouns: list[str]) -> bool:
        """Whether the word is one of `nouns` in some case form, read on the form too: the analyser
        takes "шартты" (the treaty, accusative) for the adjective "conditional", and "38-сессиясы" for
        a number. The forms of each cue list are spelled out once."""
        key = tuple(nouns)
        forms = self._noun_forms.get(key)
        if forms is None:
            forms = self._noun_forms[key] = frozenset(n + e for n in nouns for e in NOUN_ENDINGS)
        return _lemma(token) in nouns or token.norm.lower().rsplit("-", 1)[-1] in forms

    def is_office(self, token: Token) -> bool:
        """An office title word in any form ("Президенті", "канцлері", "министрі")."""
        word = token.norm.lower()
        return _lemma(token) in self.cues["office_words"] or any(
            word.startswith(office) and word[len(office) :] in TITLE_ENDINGS
            for office in self.cues["office_words"]
        )

    def office_after(self, view: View, mention: Mention) -> bool:
        """Whether the mention names whose office follows ("Франция Президенті", "Қазақстанның
        Президенті"); a name in another case is not a title's ("Қазақстанға президент ретінде келген жоқ")."""
        i = view.after(mention)
        return (
            i < len(view.tokens)
            and self.is_office(view.tokens[i])
            and view.doc.tokens[mention.last - 1].feats.get("Case") in ("Nom", "Gen", None)
        )

    def word_after_list(self, view: View, mention: Mention) -> str | None:
        """The first word after the list of names this one belongs to ("ЕАЭО, ТМД және ҰҚШҰ аясында")."""
        starts = {m.first - view.first: m for m in view.mentions}
        i = view.after(mention)
        while i < len(view.tokens):
            if i in starts:
                i = view.after(starts[i])
            elif (
                view.words[i] in self.cues["list_joiners"]
                or view.words[i] in ("«", "»")
                or view.tokens[i].norm[:1].isupper()  # a name the catalog does not know: "«Хезболла»"
                or view.tokens[i].feats.get("VerbForm") == "Vnoun"
                or (view.words[i].endswith(("у", "ю")) and view.words[i + 1 : i + 2] == ["туралы"])
            ):
                i += 1  # "ЕАЭО, ТМД және", "кеңесін құру туралы"
            else:
                return view.words[i]
        return None

    def parent_of_a_name(self, view: View, mention: Mention) -> bool:
        """ "БҰҰ Адам құқықтары жөніндегі кеңесі": the organisation owns a body the catalog does not know."""
        i = view.after(mention)
        if i >= len(view.tokens) or not view.tokens[i].norm[:1].isupper():
            return False
        return not any(m.first - view.first == i for m in view.mentions)

    def names_document(self, view: View, mention: Mention) -> bool:
        """Whether the mention's own last word is a document noun: the treaty, not its organisation."""
        last = view.after(mention) - 1
        return 0 <= last < len(view.tokens) and self.inflects(
            view.tokens[last], self.cues["agreement"]["nouns"]
        )

    def countries(self, view: View, places: bool = False) -> list[Mention]:
        """Country (and with `places`, place) mentions that are not part of an office title, and the
        states of a region named for them."""
        prefixes = ("country:", "place:") if places else ("country:",)
        return [
            m
            for m in [*view.mentions, *self.region_states(view)]
            if m.entity.startswith(prefixes)
            and not self.office_after(view, m)
            and view.next_word_after(m) != "туралы"
        ]

    def region_states(self, view: View) -> list[Mention]:
        """A region named for its states ("Орталық Азия елдері", "Орталық Азияның бес мемлекеті") stands
        for each state the catalog lists in it, over the region's words; "Орталық Азия елдерінің ішінде"
        picks one out, so not then."""
        cues = self.cues["region_states"]
        states = []
        for m in view.mentions:
            entry = self.catalog.get(m.entity) if m.entity.startswith("place:") else None
            if entry is None or not entry.members:
                continue
            following = view.lemmas[view.after(m) : view.after(m) + 3]
            at = next((i for i, lemma in enumerate(following[:2]) if lemma in cues["nouns"]), None)
            if at is not None and following[at + 1 : at + 2] != cues["among"]:
                states += [replace(m, entity=member.entity) for member in entry.members]
        return states

    def format_sides(self, forum: str | None) -> list[str]:
        """The sides of a summit format ("Орталық Азия – Германия"): the members the catalog lists."""
        entry = self.catalog.get(forum) if forum else None
        if entry is None or entry.extra.get("kind") != "summit_format":
            return []
        return [m.entity for m in entry.members]

    def stateless(self, entity: str) -> bool:
        """A country, or a state the catalog keeps as a place because few recognise it (Northern Cyprus)."""
        entry = self.catalog.get(entity)
        return entity.startswith("country:") or (
            entry is not None and entry.type == "place" and entry.extra.get("kind") == "unrecognised_state"
        )

    def capital_of(self, entity: str) -> str | None:
        entry = self.catalog.get(entity)
        if entry is not None and entry.extra.get("kind") == "capital":
            return entry.country
        return self._capitals.get(entity)

    def country_of_place(self, entity: str) -> str | None:
        if entity.startswith("country:"):
            return entity
        entry = self.catalog.get(entity)
        return entry.country if entry else None

    def mission_in(self, places: list[str]) -> str | None:
        """The one UN operation the catalog has in these places."""
        found = {
            entry.id
            for entry in self.catalog.entries_of("mission")
            for place in places
            if place in (entry.locations or entry.hosts)
        }
        return found.pop() if len(found) == 1 else None
