"""Entity linking: every mention gets a catalog id, a `person:` slug, or null — never a guess.

Kazakh needs its own linker: names are matched on lemmas (the catalog matcher's lookup), role phrases
("Мемлекет басшысы", "Ресей Президенті", "ҚР СІМ басшысы") are resolved to whoever held the office on
the article's date, a country named inside the phrase sets whose office it is (Kazakhstan otherwise),
and a person the catalog does not know gets a slug of a deterministic Latin transliteration, shared by
every later mention of the surname in the same article. A name with several candidates is resolved
from the article (an id already linked there) or left null.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence, Set

from kopvector.document import Doc, Entity, Mention
from kopvector.entities.catalog import Catalog
from kopvector.entities.catalog.load import normalize_form
from kopvector.entities.matcher import CatalogMatcher
from kopvector.entities.mentions import SURNAME_STEMS
from kopvector.language.kk.endings import CASE_ENDINGS
from kopvector.language.kk.latin import cyrillic_to_latin
from kopvector.language.kk.morphology import Analyzer

KINDS_BY_LABEL: dict[str, tuple[str, ...]] = {
    "GPE": ("country", "place"),
    "LOCATION": ("place", "country"),
    "FACILITY": ("place",),
    "ORGANISATION": ("org", "mission", "body"),
    "PERSON": ("person",),
}
_SLUG_LETTERS = str.maketrans({"ş": "sh", "ç": "ch", "ı": "i", "İ": "i"})
# Adjectives of place: "голландиялық", "қазақстандық" = country name + -лық/-дық/-тық (front: -лік/...).
_PLACE_ADJECTIVE = re.compile(r"(?:лық|лік|дық|дік|тық|тік)$")
# Role phrases the Kazakh press uses only for Kazakhstan's own office-holder, so a foreign name after
# them is someone else ("Мемлекет басшысы Ердоғанмен ...").
_HOME_ONLY_TITLES = frozenset({"мемлекет басшысы", "мемлекет басшысының", "елбасы"})
# Endings a surname takes when the article repeats it alone ("Шольцпен", "Кисиданың", "Макронға"): the
# case endings, those after a vowel or a possessive ("-на", "-нда", "-ымен"), and the relative "-дағы".
_SURNAME_ENDINGS = CASE_ENDINGS | {
    "а",
    "е",
    "на",
    "не",
    "н",
    "ын",
    "ін",
    "нда",
    "нде",
    "нан",
    "нен",
    "ымен",
    "імен",
    "дағы",
    "дегі",
    "тағы",
    "тегі",
    "ндағы",
    "ндегі",
}
# A person is seldom named in the locative: "Фумио Кисида" is not "Киси" + -да, unless the stem is a
# surname by its ending ("Мағзумовада" is "Мағзумова" + -да).
_LOCATIVE = ("да", "де", "та", "те")
# A year in a date mention ("1991 жылғы 21 желтоқсанда").
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")


# Peoples' words that name a family of peoples, not one state ("түркі" is Turkic, "түрік" Turkish).
_NO_COUNTRY_WORDS = frozenset({"түркі", "араб", "славян"})
# "Leader" with a country's name before it means its head of state ("корей басшысы").
_LEADER_WORDS = frozenset({"басшы", "басшысы", "көшбасшы", "көшбасшысы"})
# Words a title may take after a country's name ("неміс басшысы", "Франция сыртқы істер министрі").
_ROLE_WORDS = 3


def _locative_misread(written: str, lemma: str) -> bool:
    """Whether a surname was read as a locative ("Кисида" → "Киси") that it cannot be."""
    return written.endswith(_LOCATIVE) and written[:-2] == lemma and not lemma.lower().endswith(SURNAME_STEMS)


def person_slug(name: str) -> str:
    """`person:` id of a name not in the catalog: its 2021 Latin form, ASCII-folded and hyphenated."""
    latin = cyrillic_to_latin(name).lower().translate(_SLUG_LETTERS)
    ascii_form = unicodedata.normalize("NFKD", latin).encode("ascii", "ignore").decode()
    return "person:" + re.sub(r"[^a-z0-9]+", "-", ascii_form).strip("-")


class Linker:
    """Links the mentions of a `Doc` and fills `doc.entities`."""

    def __init__(
        self, catalog: Catalog, matcher: CatalogMatcher, analyzer: Analyzer, home: str = "country:KZ"
    ) -> None:
        self.catalog = catalog
        self.matcher = matcher
        self.analyzer = analyzer
        self.home = home
        self._titles: dict[str, set[tuple[str, str]]] = {}
        self._country_words: dict[str, str] = {}
        for person in catalog.entries_of("person"):
            for office in person.offices:
                forms = [*office.title.values(), *(a for v in office.title_aliases.values() for a in v)]
                for form in forms:
                    self._titles.setdefault(normalize_form(form), set()).add((office.office, office.of))
        # Every word of every Kazakh name of each catalog person, as _uninflected_name compares them.
        self._name_words = {
            person.id: frozenset(
                word for name in person.surface_forms("kk") for word in normalize_form(name).split()
            )
            for person in catalog.entries_of("person")
        }
        for country in catalog.entries_of("country"):
            for table in (country.demonyms, country.stems):
                for forms in table.values():
                    for form in forms:
                        self._country_words.setdefault(normalize_form(form), country.id)

    def link(self, doc: Doc) -> None:
        date = doc.article.published.isoformat() if doc.article.published else None
        years = _past_years(doc)
        surnames: dict[str, str] = {}
        linked: set[str] = set()
        # Names first, then role phrases, which may take the person named right after them.
        for mention in sorted(doc.mentions, key=lambda m: m.label == "POSITION"):
            if mention.label == "GPE" and mention.text.isalpha() and mention.text.islower():
                mention.label = "NORP"  # "американ әскерлері": a place name is capitalised, a demonym is not
            mention.entity = self.resolve(doc, mention, date, surnames, linked, years.get(mention.sentence))
            last = doc.tokens[mention.last - 1]
            # "Кисида" is not "Киси" + -да, nor "Тілеуберді" "Тілеубер" + -ді: the surname as spelt
            if mention.label == "PERSON" and (
                _locative_misread(last.norm, last.lemma) or self._uninflected_name(last.norm, mention.entity)
            ):
                last.feats = {**last.feats, "Case": "Nom"}
            if mention.entity:
                linked.add(mention.entity)
        self._add_surnames(doc, surnames)
        self._widen_roles(doc, date, linked, years)
        doc.entities = self._entities(doc)

    def _uninflected_name(self, word: str, entity: str | None) -> bool:
        """Whether `word` is a catalog person's name word as it is spelt, whatever case ending it seems
        to carry ("Тілеуберді", "Кисида")."""
        return entity in self._name_words and normalize_form(word) in self._name_words[entity]

    def _widen_roles(self, doc: Doc, date: str | None, linked: Set[str], years: dict[int, str]) -> None:
        """A people's or country's name followed by a title the NER left out ("неміс басшысы",
        "корей басшысының") is a role phrase: one POSITION mention for the office-holder replaces the
        country mention, as when the NER marks the whole phrase."""
        covered = {i for m in doc.mentions for i in range(m.first, m.last)}
        widened: dict[int, Mention] = {}
        for k, mention in enumerate(doc.mentions):
            if mention.label not in ("NORP", "GPE") or not (mention.entity or "").startswith("country:"):
                continue
            sentence = doc.sentences[mention.sentence]
            for size in range(_ROLE_WORDS, 0, -1):
                last = mention.last + size
                tail = doc.tokens[mention.last : last]
                if last > sentence.last or any(i in covered for i in range(mention.last, last)):
                    continue
                if not all(t.norm[:1].isalpha() and t.norm[:1].islower() for t in tail):
                    continue
                words = [t.norm for t in doc.tokens[mention.first : last]]
                holder = self._role(words, years.get(mention.sentence, date), linked)
                if holder:
                    widened[k] = Mention(
                        mention.start,
                        tail[-1].end,
                        doc.article.text[mention.start : tail[-1].end],
                        "POSITION",
                        self.analyzer.lemmatize_name(words),
                        mention.sentence,
                        mention.first,
                        last,
                        holder,
                    )
                    break
        if widened:
            doc.mentions = [widened.get(k, m) for k, m in enumerate(doc.mentions)]

    def _add_surnames(self, doc: Doc, surnames: dict[str, str]) -> None:
        """A capitalised word that repeats the surname of a person the article named in full
        ("Фумио Кисида ... Кисида Өзбекстанға бармайды") is a mention of that person; the NER often
        misses such single surnames."""
        if not surnames:
            return
        covered = {i for m in doc.mentions for i in range(m.first, m.last)}
        added = []
        for sentence in doc.sentences:
            for i in range(sentence.first, sentence.last):
                token = doc.tokens[i]
                if i in covered or not token.norm[:1].isupper():
                    continue
                word = normalize_form(token.norm)
                hit = next(
                    (
                        (name, who)
                        for name, who in surnames.items()
                        if len(name) > 2 and word.startswith(name) and word[len(name) :] in _SURNAME_ENDINGS
                    ),
                    None,
                )
                if hit is None:
                    continue
                if word == hit[0]:
                    token.feats = {**token.feats, "Case": "Nom"}  # the surname as written, uninflected
                added.append(
                    Mention(
                        token.start,
                        token.end,
                        token.text,
                        "PERSON",
                        token.norm,
                        sentence.index,
                        i,
                        i + 1,
                        hit[1],
                    )
                )
        if added:
            doc.mentions = sorted([*doc.mentions, *added], key=lambda m: m.first)

    def resolve(
        self,
        doc: Doc,
        mention: Mention,
        date: str | None,
        surnames: dict[str, str],
        linked: set[str],
        year: str | None = None,
    ) -> str | None:
        """The id of one mention, given what the article has linked so far; a role phrase in a sentence
        that names an earlier `year` ("1991 жылы ... Украина басшылары") is that year's holder."""
        words = self._words(doc, mention)
        if mention.label == "POSITION":
            beside = next(
                (
                    m.entity
                    for m in doc.mentions
                    if m.label == "PERSON" and m.first == mention.last and m.entity
                ),
                None,
            )
            named = [i for i in self.matcher.lookup(words) if i.startswith("person:")]  # Елбасы
            role = self._role(words, year or date, linked)
            if beside and role and normalize_form(" ".join(words)) in _HOME_ONLY_TITLES:
                beside = None  # "Мемлекет басшысы Ердоғанмен бірге": our head of state, with Erdoğan
            return beside or role or (named[0] if len(named) == 1 else None)
        if mention.label == "NORP":
            if normalize_form(words[-1]) in _NO_COUNTRY_WORDS:
                return None  # "Түркі әлемі": the Turkic world, which the lemma "Түрік" would make Turkey
            return self.country_word(mention.lemma) or self.country_word(
                self.analyzer.analyze(words[-1]).lemma
            )
        kinds = KINDS_BY_LABEL.get(mention.label)
        if kinds is None:
            return None
        if mention.label in ("GPE", "LOCATION"):
            wider = self._wider_place(doc, mention, kinds)
            if wider:
                return wider
        ids = [i for i in self.matcher.lookup(words) if i.split(":", 1)[0] in kinds]
        if mention.label == "PERSON":
            return self._person(words, mention.lemma, ids, date, surnames)
        if len(ids) > 1:
            ids = [i for i in ids if i in linked] or [i for i in ids if i.startswith(kinds[0] + ":")]
        if not ids and mention.label == "ORGANISATION" and len(words) > 1:
            return self._role(words, date, linked)  # a role the NER took for a body: "Рим Папасы"
        return ids[0] if len(ids) == 1 else None

    def country_word(self, word: str) -> str | None:
        """Country of a demonym or compound stem ("қазақстандық", "өзбек"), or of a country name."""
        hit = self._country_words.get(normalize_form(word))
        if hit:
            return hit
        stem = _PLACE_ADJECTIVE.sub("", word.lower())
        for form in dict.fromkeys((word, stem)):
            countries = [i for i in self.matcher.lookup([form]) if i.startswith("country:")]
            if len(countries) == 1:
                return countries[0]
        return None

    def _wider_place(self, doc: Doc, mention: Mention, kinds: tuple[str, ...]) -> str | None:
        """A place named by the mention with its neighbour words ("Солтүстік [Қазақстан] облысы").

        The NER sometimes marks only part of a region's name; the catalog decides whether the
        words around it complete a longer name, which then wins.
        """
        sentence = next(s for s in doc.sentences if s.first <= mention.first < s.last)
        for before, after in ((1, 1), (1, 0), (0, 1)):
            first, last = mention.first - before, mention.last + after
            if first < sentence.first or last > sentence.last:
                continue
            words = [t.norm for t in doc.tokens[first:last]]
            if not all(w[:1].isalnum() for w in words):
                continue
            ids = [i for i in self.matcher.lookup(words) if i.split(":", 1)[0] in kinds]
            if len(ids) == 1:
                return ids[0]
        return None

    def _words(self, doc: Doc, mention: Mention) -> list[str]:
        tokens = doc.tokens[mention.first : mention.last]
        if len(tokens) == 1 and (mention.start, mention.end) != (tokens[0].start, tokens[0].end):
            return [mention.lemma]  # part of a compound token
        return [t.norm for t in tokens]

    def _person(
        self, words: Sequence[str], lemma: str, ids: list[str], date: str | None, surnames: dict[str, str]
    ) -> str | None:
        if len(ids) > 1 and date:
            ids = [i for i in ids if self.catalog[i].offices_held_on(date)] or ids
        last = words[-1]
        if len(words) > 1 and not ids and _locative_misread(last, lemma.split()[-1]):
            lemma = " ".join([*lemma.split()[:-1], last])
        surname = normalize_form(lemma.split()[-1])
        if len(ids) == 1:
            surnames.setdefault(surname, ids[0])
            return ids[0]
        if ids:
            return None  # several catalog persons share this name and the date does not decide
        if surname in surnames:
            return surnames[surname]
        slug = person_slug(lemma)
        if len(words) > 1:
            surnames[surname] = slug
        return slug

    def _role(self, words: Sequence[str], date: str | None, linked: Set[str] = frozenset()) -> str | None:
        """Office-holder named by a role phrase on `date`; the phrase may start with the country. A bare
        year ("1991") names the holder of the whole year, or nobody when the office changed hands in it."""
        if not date:
            return None
        if len(date) == 4:
            first, last = (self._role(words, f"{date}-{day}", linked) for day in ("01-01", "12-31"))
            return first if first == last else None
        for split in range(len(words)):
            of = self.home if split == 0 else self._country(words[:split])
            if of is None:
                continue
            title = normalize_form(self.analyzer.lemmatize_name(list(words[split:])))
            pairs = self._titles.get(title, set())
            if not pairs and title not in _LEADER_WORDS:
                continue  # no office has this title
            if split and self.analyzer.analyze(words[split - 1]).feats.get("Case", "Nom") not in (
                "Nom",
                "Gen",
            ):
                continue  # "Қазақстанға президент ретінде": to Kazakhstan, as president; no title
            if split and title in _LEADER_WORDS:
                return self._leader(of, date, linked)
            offices = {office for office, whose in pairs if whose == of}
            if split == 0 and not offices and len(pairs) == 1 and " " in title:
                office, of = next(iter(pairs))  # a title only one state has: "Рим Папасы"
                offices = {office}
            if len(offices) == 1:
                holders = self.catalog.office_holders(offices.pop(), of, date)
                return holders[0] if len(holders) == 1 else None
        return None

    def _leader(self, of: str, date: str, linked: Set[str]) -> str | None:
        """ "Неміс басшысы": the German head of state or of government the article has already named
        (the Chancellor at a summit, the President on a state visit), else the head of state."""
        heads = [
            holder
            for office in ("head_of_state", "head_of_government")
            for holder in self.catalog.office_holders(office, of, date)[:1]
        ]
        return next((h for h in heads if h in linked), heads[0] if heads else None)

    def _country(self, words: Sequence[str]) -> str | None:
        """The country a role phrase starts with: a name ("Германия") or a people's ("неміс басшысы")."""
        countries = [i for i in self.matcher.lookup(words) if i.startswith("country:")]
        if not countries and len(words) == 1:
            return self.country_word(words[0])
        return countries[0] if len(countries) == 1 else None

    def _entities(self, doc: Doc) -> list[Entity]:
        counts: dict[str, int] = {}
        names: dict[str, str] = {}
        for mention in doc.mentions:
            if mention.entity:
                counts[mention.entity] = counts.get(mention.entity, 0) + 1
                names.setdefault(mention.entity, mention.lemma)
        entities = []
        for entity_id, count in counts.items():
            entry = self.catalog.get(entity_id)
            name = dict(entry.names) if entry else {"kk": names[entity_id]}
            entities.append(Entity(entity_id, entity_id.split(":", 1)[0], name, count))
        return entities


def _past_years(doc: Doc) -> dict[int, str]:
    """The year each sentence is about when it names one before the article's own ("1991 жылғы 21
    желтоқсанда"): a title in it names that year's holder, not today's."""
    published = doc.article.published
    if published is None:
        return {}
    years: dict[int, str] = {}
    for mention in doc.mentions:
        found = _YEAR.search(mention.text) if mention.label == "DATE" else None
        if found and int(found.group()) < published.year:
            years.setdefault(mention.sentence, found.group())
    return years
