"""Read the catalog YAML once, check it, and serve it as typed records.

Bad data must fail loudly and precisely: every problem is reported with its file, row (entry number and
line) and what is wrong, all at once, so an editor fixing `people.yaml` sees the whole list in one run.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import Any

import yaml

from kopvector.entities.catalog.model import (
    KINDS,
    LANGUAGES,
    OFFICES,
    REFERENCE_KINDS,
    VECTORS,
    CatalogEntry,
    Membership,
    Office,
    frozen_mapping,
)
from kopvector.errors import InputError

FILES: Mapping[str, str] = MappingProxyType(
    {
        "country": "countries.yaml",
        "org": "organisations.yaml",
        "mission": "missions.yaml",
        "person": "people.yaml",
        "place": "places.yaml",
        "body": "bodies.yaml",
    }
)
"""One file per kind, in load order."""

ID_PATTERNS: Mapping[str, re.Pattern[str]] = MappingProxyType(
    {
        "country": re.compile(r"country:[A-Z]{2}"),
        "org": re.compile(r"org:[A-Z0-9][A-Za-z0-9+-]*"),
        "mission": re.compile(r"mission:[A-Z][A-Za-z0-9-]*"),
        "person": re.compile(r"person:[a-z0-9]+(?:-[a-z0-9]+)*"),
        "place": re.compile(r"place:[a-z0-9]+(?:-[a-z0-9]+)*"),
        "body": re.compile(r"body:[a-z]{2}-[a-z0-9]+(?:-[a-z0-9]+)*"),
    }
)
"""Well-formed ids per kind, following docs/record-schema.md."""

DATE = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")
MEMBER_STATUSES = frozenset({"member", "associate", "observer", "dialogue_partner", "partner", "participant"})

COMMON_KEYS = frozenset({"id", "names", "aliases", "note", "start", "end", "vector"})
KIND_KEYS: Mapping[str, frozenset[str]] = MappingProxyType(
    {
        "country": frozenset({"iso3", "numeric", "capital", "demonyms", "stems", "iso", "official_name"}),
        "org": frozenset({"parent", "members", "members_complete", "lean", "kind", "hq"}),
        "mission": frozenset({"hosts", "locations", "kind", "resolution", "successor", "predecessor"}),
        "person": frozenset({"offices", "born"}),
        "place": frozenset({"country", "kind", "parent", "members"}),
        "body": frozenset({"country", "parent"}),
    }
)


class CatalogError(InputError):
    """Every problem found in the catalog files, one line each: `file:line (entry N, id): problem`."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("catalog", f"{len(problems)} problem(s)\n" + "\n".join(problems))
        self.problems = problems


@dataclass(frozen=True)
class Catalog:
    """All entries by id, with per-kind lists and a surface-form index for look-ups."""

    by_id: Mapping[str, CatalogEntry]
    by_kind: Mapping[str, tuple[CatalogEntry, ...]]
    by_form: Mapping[str, tuple[str, ...]]

    def get(self, entity_id: str) -> CatalogEntry | None:
        """The entry with this canonical id, or None."""
        return self.by_id.get(entity_id)

    def __getitem__(self, entity_id: str) -> CatalogEntry:
        return self.by_id[entity_id]

    def __contains__(self, entity_id: object) -> bool:
        return entity_id in self.by_id

    def __iter__(self) -> Iterator[CatalogEntry]:
        return iter(self.by_id.values())

    def __len__(self) -> int:
        return len(self.by_id)

    def entries_of(self, kind: str) -> tuple[CatalogEntry, ...]:
        """Entries of one kind (`country`, `org`, `mission`, `person`, `place`), in file order."""
        if kind not in KINDS:
            raise ValueError(f"unknown kind {kind!r}; expected one of {', '.join(KINDS)}")
        return self.by_kind.get(kind, ())

    def office_holders(self, office: str, of: str, date: str) -> tuple[str, ...]:
        """Person ids holding `office` of `of` (country or org id) on `date`; how role words get resolved."""
        return tuple(
            p.id
            for p in self.entries_of("person")
            if any(o.office == office and o.of == of for o in p.offices_held_on(date))
        )

    def find(self, form: str) -> tuple[str, ...]:
        """Ids whose name, alias, demonym or stem equals `form` (case-insensitive, ё = е).

        An exact-match helper for spot checks and the linker's first pass; ambiguity is returned,
        not resolved.
        """
        return self.by_form.get(normalize_form(form), ())


def normalize_form(form: str) -> str:
    """Key for surface forms: casefolded, ё folded to е, inner whitespace collapsed."""
    return " ".join(form.replace("ё", "е").replace("Ё", "Е").casefold().split())


@lru_cache(maxsize=1)
def load_catalog() -> Catalog:
    """The packaged catalog, read and checked once per process (the result is immutable)."""
    data_dir = resources.files("kopvector.entities.catalog") / "data"
    texts = {name: (data_dir / name).read_text(encoding="utf-8") for name in FILES.values()}
    return build_catalog(texts)


def load_catalog_from(directory: Path) -> Catalog:
    """A catalog read from another directory (tests, editors checking a draft)."""
    return build_catalog({name: (directory / name).read_text(encoding="utf-8") for name in FILES.values()})


def build_catalog(texts: Mapping[str, str]) -> Catalog:
    """Parse, validate and index the five files; raise CatalogError listing every problem."""
    problems: list[str] = []
    entries: dict[str, CatalogEntry] = {}
    where: dict[str, str] = {}
    references: list[tuple[str, str, str]] = []
    by_kind: dict[str, list[CatalogEntry]] = {}
    for kind, filename in FILES.items():
        text = texts.get(filename)
        if text is None:
            problems.append(f"{filename}: file missing")
            continue
        for line, index, row in _rows(filename, text, problems):
            loc = f"{filename}:{line} (entry {index}"
            row_id = row.get("id") if isinstance(row, dict) else None
            loc += f", {row_id})" if isinstance(row_id, str) else ")"
            checker = _RowChecker(kind, loc, problems, references)
            entry = checker.entry(row)
            if entry is None:
                continue
            if entry.id in entries:
                problems.append(f"{loc}: duplicate id, first defined at {where[entry.id]}")
                continue
            entries[entry.id] = entry
            where[entry.id] = loc
            by_kind.setdefault(kind, []).append(entry)
    for loc, fieldname, ref in references:
        if ref not in entries:
            problems.append(f"{loc}: {fieldname} refers to unknown id {ref!r}")
    if problems:
        raise CatalogError(problems)
    return Catalog(
        by_id=MappingProxyType(entries),
        by_kind=MappingProxyType({k: tuple(v) for k, v in by_kind.items()}),
        by_form=MappingProxyType(_form_index(entries.values())),
    )


def _form_index(entries: Iterable[CatalogEntry]) -> dict[str, tuple[str, ...]]:
    index: dict[str, list[str]] = {}
    for entry in entries:
        for form in entry.surface_forms():
            ids = index.setdefault(normalize_form(form), [])
            if entry.id not in ids:
                ids.append(entry.id)
    return {form: tuple(ids) for form, ids in index.items()}


def _rows(filename: str, text: str, problems: list[str]) -> Iterator[tuple[int, int, Any]]:
    """(line, 1-based entry number, constructed row) for each item of the file's top-level list."""
    loader_cls = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        root = yaml.compose(text, Loader=loader_cls)
    except yaml.YAMLError as exc:
        problems.append(f"{filename}: not valid YAML: {exc}")
        return
    if root is None:
        problems.append(f"{filename}: empty file")
        return
    if not isinstance(root, yaml.SequenceNode):
        problems.append(f"{filename}:{root.start_mark.line + 1}: top level must be a list of entries")
        return
    for index, node in enumerate(root.value, start=1):
        constructor = yaml.constructor.SafeConstructor()
        try:
            row = constructor.construct_document(node)
        except yaml.YAMLError as exc:
            problems.append(f"{filename}:{node.start_mark.line + 1} (entry {index}): {exc}")
            continue
        yield node.start_mark.line + 1, index, row


class _RowChecker:
    """Turns one YAML row into a CatalogEntry, recording each problem instead of stopping at the first."""

    def __init__(self, kind: str, loc: str, problems: list[str], references: list[tuple[str, str, str]]):
        self.kind = kind
        self.loc = loc
        self.problems = problems
        self.references = references

    def fail(self, problem: str) -> None:
        self.problems.append(f"{self.loc}: {problem}")

    def entry(self, row: Any) -> CatalogEntry | None:
        if not isinstance(row, dict):
            self.fail("entry must be a mapping")
            return None
        before = len(self.problems)
        entry_id = row.get("id")
        if not isinstance(entry_id, str) or not ID_PATTERNS[self.kind].fullmatch(entry_id):
            self.fail(f"id {entry_id!r} is not a well-formed {self.kind} id")
            return None
        unknown = set(row) - COMMON_KEYS - KIND_KEYS[self.kind]
        if unknown:
            self.fail(f"unknown field(s): {', '.join(sorted(unknown))}")
        names = self.names(row.get("names"), "names")
        vector = row.get("vector")
        if vector is not None and vector not in VECTORS:
            self.fail(f"vector {vector!r} is not one of {', '.join(VECTORS)}")
        for lang, forms in entry_aliases(row).items():
            if isinstance(forms, list) and isinstance(names.get(lang), str) and names[lang] in forms:
                self.fail(f"aliases.{lang} repeats the name {names[lang]!r}")
        if self.kind == "country" and vector is None:
            self.fail("country without a vector")
        lean = row.get("lean")
        if lean is not None and lean not in VECTORS:
            self.fail(f"lean {lean!r} is not one of {', '.join(VECTORS)}")
        start, end = self.date(row.get("start"), "start"), self.date(row.get("end"), "end")
        if start and end and end[:4] < start[:4]:
            self.fail(f"end {end} before start {start}")
        entry = CatalogEntry(
            id=entry_id,
            type=self.kind,
            names=frozen_mapping(names),
            aliases=self.lang_lists(row.get("aliases"), "aliases"),
            vector=vector,
            lean=lean,
            parent=self.ref(row.get("parent"), "parent"),
            country=self.ref(row.get("country"), "country", kinds=("country",)),
            capital=self.ref(row.get("capital"), "capital", kinds=("place",)),
            hosts=self.refs(row.get("hosts"), "hosts", kinds=("country",)),
            locations=self.refs(row.get("locations"), "locations", kinds=("place", "country")),
            members=self.members(row.get("members")),
            offices=self.offices(row.get("offices")) if self.kind == "person" else (),
            demonyms=self.lang_lists(row.get("demonyms"), "demonyms"),
            stems=self.lang_lists(row.get("stems"), "stems"),
            start=start,
            end=end,
            extra=frozen_mapping({k: v for k, v in row.items() if k not in _TYPED_KEYS}),
        )
        self.ref(row.get("hq"), "hq", kinds=("place",))
        self.ref(row.get("successor"), "successor", kinds=("mission",))
        self.ref(row.get("predecessor"), "predecessor", kinds=("mission",))
        if row.get("members_complete") not in (None, True, False):
            self.fail("members_complete must be true or false")
        if self.kind == "mission" and not entry.hosts:
            self.fail("mission without hosts")
        if self.kind == "person" and not entry.offices:
            self.fail("person without offices")
        return entry if len(self.problems) == before else None

    def names(self, value: Any, fieldname: str) -> dict[str, str]:
        if not isinstance(value, dict):
            self.fail(f"{fieldname} must map kk/ru/en to a name")
            return {}
        missing = [
            lang for lang in LANGUAGES if not isinstance(value.get(lang), str) or not value[lang].strip()
        ]
        if missing:
            self.fail(f"{fieldname} lacks {', '.join(missing)}")
        extra = set(value) - set(LANGUAGES)
        if extra:
            self.fail(f"{fieldname} has unknown language(s) {', '.join(sorted(map(str, extra)))}")
        return {k: v for k, v in value.items() if isinstance(v, str)}

    def lang_lists(self, value: Any, fieldname: str) -> Mapping[str, tuple[str, ...]]:
        if value is None:
            return frozen_mapping({})
        if not isinstance(value, dict):
            self.fail(f"{fieldname} must map a language to a list of strings")
            return frozen_mapping({})
        out: dict[str, tuple[str, ...]] = {}
        for lang, forms in value.items():
            if lang not in LANGUAGES:
                self.fail(f"{fieldname} has unknown language {lang!r}")
                continue
            if forms is None:
                continue
            if not isinstance(forms, list) or not all(isinstance(f, str) and f.strip() for f in forms):
                self.fail(f"{fieldname}.{lang} must be a list of non-empty strings")
                continue
            if len(set(forms)) != len(forms):
                self.fail(f"{fieldname}.{lang} repeats a form")
            out[lang] = tuple(forms)
        return frozen_mapping(out)

    def date(self, value: Any, fieldname: str) -> str | None:
        if value is None:
            return None
        if isinstance(value, bool):
            self.fail(f"{fieldname} {value!r} is not a date")
            return None
        if isinstance(value, int):
            value = str(value)
        elif isinstance(value, dt.date):
            value = value.isoformat()
        if not isinstance(value, str) or not DATE.fullmatch(value):
            self.fail(f"{fieldname} {value!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
            return None
        return value

    def ref(self, value: Any, fieldname: str, kinds: tuple[str, ...] = REFERENCE_KINDS) -> str | None:
        if value is None:
            return None
        if not isinstance(value, str) or ":" not in value:
            self.fail(f"{fieldname} {value!r} is not an id")
            return None
        prefix = value.split(":", 1)[0]
        if prefix not in kinds or not ID_PATTERNS[prefix].fullmatch(value):
            self.fail(f"{fieldname} {value!r} is not a well-formed {' or '.join(kinds)} id")
            return None
        self.references.append((self.loc, fieldname, value))
        return value

    def refs(self, value: Any, fieldname: str, kinds: tuple[str, ...]) -> tuple[str, ...]:
        if value is None:
            return ()
        if not isinstance(value, list):
            self.fail(f"{fieldname} must be a list of ids")
            return ()
        return tuple(r for r in (self.ref(v, fieldname, kinds) for v in value) if r is not None)

    def members(self, value: Any) -> tuple[Membership, ...]:
        """Rows are `country:KZ`, `{id: country:KZ, since: 1992}` or with `until` / `status`."""
        if value is None:
            return ()
        if not isinstance(value, list):
            self.fail("members must be a list")
            return ()
        out: list[Membership] = []
        seen: set[str] = set()
        for item in value:
            row = {"id": item} if isinstance(item, str) else item
            if not isinstance(row, dict) or set(row) - {"id", "since", "until", "status"}:
                self.fail(f"member {item!r} must be an id or {{id, since, until, status}}")
                continue
            ref = self.ref(row.get("id"), "members", kinds=("country", "org"))
            status = row.get("status", "member")
            if status not in MEMBER_STATUSES:
                self.fail(f"member {row.get('id')!r} has unknown status {status!r}")
                continue
            if ref is None:
                continue
            if ref in seen:
                self.fail(f"member {ref} listed twice")
            seen.add(ref)
            out.append(
                Membership(
                    ref, self.date(row.get("since"), "since"), self.date(row.get("until"), "until"), status
                )
            )
        return tuple(out)

    def offices(self, value: Any) -> tuple[Office, ...]:
        if not isinstance(value, list):
            self.fail("offices must be a list")
            return ()
        out: list[Office] = []
        for item in value:
            if not isinstance(item, dict) or set(item) - {
                "office",
                "of",
                "title",
                "title_aliases",
                "start",
                "end",
                "note",
            }:
                self.fail(f"office {item!r} must be a mapping of office, of, title, start, end")
                continue
            if item.get("office") not in OFFICES:
                self.fail(f"office {item.get('office')!r} is not one of {', '.join(OFFICES)}")
                continue
            of = self.ref(item.get("of"), "offices.of", kinds=("country", "org"))
            title = self.names(item.get("title"), "offices.title")
            title_aliases = self.lang_lists(item.get("title_aliases"), "offices.title_aliases")
            start, end = (
                self.date(item.get("start"), "offices.start"),
                self.date(item.get("end"), "offices.end"),
            )
            if start is None:
                self.fail(f"office {item['office']} without a start")
            if start and end and end < start[: len(end)]:
                self.fail(f"office {item['office']} ends {end} before it starts {start}")
            if of is not None:
                out.append(Office(item["office"], of, frozen_mapping(title), title_aliases, start, end))
        return tuple(out)


def entry_aliases(row: Mapping[str, Any]) -> Mapping[str, Any]:
    aliases = row.get("aliases")
    return aliases if isinstance(aliases, dict) else {}


_TYPED_KEYS = frozenset(
    {
        "id",
        "names",
        "aliases",
        "vector",
        "lean",
        "parent",
        "country",
        "capital",
        "hosts",
        "locations",
        "members",
        "offices",
        "demonyms",
        "stems",
        "start",
        "end",
    }
)
