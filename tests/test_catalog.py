"""The reference catalog: it loads, its ids hold together, and it covers what the linker will need."""

from __future__ import annotations

import csv
import itertools
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from kopvector.entities.catalog import CatalogError, load_catalog, load_catalog_from
from kopvector.entities.catalog.load import FILES, ID_PATTERNS, build_catalog
from kopvector.entities.catalog.model import KINDS, VECTORS, CatalogEntry

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "kopvector" / "entities" / "catalog" / "data"
UN_CSV = REPO.parent / "shared" / "data" / "un_peacekeeping" / "CountryByYear.csv"
CENTRAL_ASIA = ("country:KZ", "country:KG", "country:TJ", "country:TM", "country:UZ")


@pytest.fixture(scope="module")
def catalog():
    return load_catalog()


def references(entry: CatalogEntry) -> list[tuple[str, str]]:
    """(field, id) for every id an entry points at, gathered independently of the loader."""
    refs = [("parent", entry.parent), ("country", entry.country), ("capital", entry.capital)]
    refs += [("hosts", h) for h in entry.hosts] + [("locations", p) for p in entry.locations]
    refs += [("members", m.entity) for m in entry.members] + [("offices.of", o.of) for o in entry.offices]
    refs += [(key, entry.extra.get(key)) for key in ("hq", "successor", "predecessor")]
    return [(f, r) for f, r in refs if r is not None]


# --- the whole catalog ------------------------------------------------------------------------------


def test_loads_every_kind_with_expected_sizes(catalog):
    counts = {kind: len(catalog.entries_of(kind)) for kind in KINDS}
    assert counts["country"] == 250  # 249 ISO 3166-1 entries + XK
    assert counts["org"] >= 60
    assert counts["mission"] >= 71
    assert counts["person"] >= 60
    assert counts["place"] >= 200
    assert len(catalog) == sum(counts.values())


def test_load_is_cached_and_immutable(catalog):
    assert load_catalog() is catalog
    with pytest.raises(TypeError):
        catalog.by_id["country:XX"] = catalog["country:KZ"]  # type: ignore[index]
    with pytest.raises(TypeError):
        catalog["country:KZ"].names["kk"] = "x"  # type: ignore[index]


def test_ids_are_unique_and_well_formed(catalog):
    seen: set[str] = set()
    for kind in KINDS:
        for entry in catalog.entries_of(kind):
            assert entry.type == kind
            assert ID_PATTERNS[kind].fullmatch(entry.id), entry.id
            assert entry.id not in seen, entry.id
            seen.add(entry.id)
    assert len(seen) == len(catalog)


def test_every_referenced_id_exists(catalog):
    missing = [(e.id, f, r) for e in catalog for f, r in references(e) if r not in catalog]
    assert missing == []


@pytest.mark.parametrize("filename", [*FILES.values(), "country_overlay.yaml"])
def test_each_data_file_opens_with_sources_and_licence(filename):
    lines = (DATA / filename).read_text(encoding="utf-8").splitlines()
    header = "\n".join(line for line in lines[:12] if line.startswith("#"))
    assert lines[0].startswith("#")
    assert "source" in header.lower() or "from" in header.lower()
    assert "licen" in header.lower() or "apache" in header.lower()


def test_every_entry_is_named_in_kk_ru_en(catalog):
    for entry in catalog:
        assert all(entry.names.get(lang, "").strip() for lang in ("kk", "ru", "en")), entry.id


# --- countries --------------------------------------------------------------------------------------


def test_every_country_has_a_known_vector(catalog):
    for country in catalog.entries_of("country"):
        assert country.vector in VECTORS and country.vector != "multilateral", country.id
    assert catalog["country:KZ"].vector == "home"
    assert {catalog[c].vector for c in CENTRAL_ASIA[1:]} == {"central_asia"}
    assert catalog["country:RU"].vector == "russia"
    assert catalog["country:BY"].vector == "russia"
    assert catalog["country:TR"].vector == catalog["country:AZ"].vector == "turkic_world"
    assert catalog["country:HU"].vector == "europe"
    assert catalog["country:UA"].vector == "europe"
    assert catalog["country:MN"].vector == "east_asia_pacific"
    assert catalog["country:AF"].vector == "south_asia"
    assert catalog["country:IR"].vector == "middle_east_gulf"
    assert catalog["country:AQ"].vector == "other"


def test_country_names_aliases_demonyms_and_stems(catalog):
    kz = catalog["country:KZ"]
    assert kz.names == {"kk": "Қазақстан", "ru": "Казахстан", "en": "Kazakhstan"}
    assert "қазақстандық" in kz.demonyms["kk"]
    assert "казахстанский" in kz.demonyms["ru"]
    assert kz.capital == "place:astana"
    assert catalog.find("Ресей") == ("country:RU",)
    assert catalog.find("Ресей Федерациясы") == ("country:RU",)
    for form in ("АҚШ", "Америка Құрама Штаттары", "США", "USA", "U.S."):
        assert catalog.find(form) == ("country:US",), form
    for form in ("ҚХР", "Қытай Халық Республикасы", "КНР", "PRC"):
        assert catalog.find(form) == ("country:CN",), form
    assert catalog.find("БАӘ") == ("country:AE",)
    assert catalog.find("UK") == ("country:GB",)
    assert catalog.find("Ұлыбритания") == ("country:GB",)
    assert catalog.find("Соединенные Штаты Америки") == ("country:US",)  # ё folded


def test_compound_stems_split_to_countries(catalog):
    """Each half of "қазақ-өзбек" and "казахстанско-китайский" names one country."""
    left, right = "қазақ-өзбек".partition("-")[::2]
    assert catalog.find(left) == ("country:KZ",) and catalog.find(right) == ("country:UZ",)
    left, right = "казахстанско-китайский".partition("-")[::2]
    assert catalog.find(left) == ("country:KZ",) and catalog.find(right) == ("country:CN",)
    for stem, country in [
        ("ресей", "RU"),
        ("орыс", "RU"),
        ("түрік", "TR"),
        ("әзірбайжан", "AZ"),
        ("қытай", "CN"),
    ]:
        assert f"country:{country}" in catalog.find(stem), stem


def test_western_sahara_and_kosovo(catalog):
    assert catalog["country:EH"].names["en"] == "Western Sahara"
    assert catalog["country:EH"].vector == "africa"
    xk = catalog["country:XK"]
    assert xk.extra["iso"] is False
    assert "not" in xk.extra["note"] or "no statement" in xk.extra["note"]


def test_every_un_member_capital_is_a_place_in_that_country(catalog):
    with_capital = [c for c in catalog.entries_of("country") if c.capital]
    assert len(with_capital) >= 190
    for country in with_capital:
        assert catalog[country.capital].country == country.id, country.id


def test_countries_cover_iso_3166_when_pycountry_is_installed(catalog):
    pycountry = pytest.importorskip("pycountry", reason="pycountry is a build-time tool only")
    iso = {f"country:{c.alpha_2}" for c in pycountry.countries}
    ours = {c.id for c in catalog.entries_of("country")}
    assert ours - iso == {"country:XK"}
    assert iso <= ours


def test_generated_countries_file_is_up_to_date():
    pytest.importorskip("pycountry", reason="pycountry is a build-time tool only")
    pytest.importorskip("babel", reason="babel is a build-time tool only")
    sys.path.insert(0, str(REPO / "tools"))
    try:
        import build_countries
    finally:
        sys.path.remove(str(REPO / "tools"))
    overlay = yaml.safe_load((DATA / "country_overlay.yaml").read_text(encoding="utf-8"))
    rows, problems = build_countries.build_rows(overlay)
    assert problems == []
    current = (DATA / "countries.yaml").read_text(encoding="utf-8")
    assert build_countries.render(rows) == current, "countries.yaml is stale: run tools/build_countries.py"


def test_loading_does_not_need_build_tools():
    """The installed package reads YAML only: pycountry and babel must not be imported at run time."""
    code = (
        "import sys\n"
        "from kopvector.entities.catalog import load_catalog\n"
        "load_catalog()\n"
        "print(sorted(m for m in ('pycountry', 'babel') if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=REPO)
    assert out.stdout.strip() == "[]"


# --- organisations ----------------------------------------------------------------------------------


def test_organisation_acronyms_in_three_languages(catalog):
    expected = {
        "ШЫҰ": "org:SCO",
        "ШОС": "org:SCO",
        "ТМД": "org:CIS",
        "СНГ": "org:CIS",
        "ҰҚШҰ": "org:CSTO",
        "ОДКБ": "org:CSTO",
        "ЕАЭО": "org:EAEU",
        "ЕАЭС": "org:EAEU",
        "АӨСШК": "org:CICA",
        "СВМДА": "org:CICA",
        "ТМҰ": "org:OTS",
        "Turkic Council": "org:OTS",
        "ЕҚЫҰ": "org:OSCE",
        "ОБСЕ": "org:OSCE",
        "ИЫҰ": "org:OIC",
        "ЕО": "org:EU",
        "Евросоюз": "org:EU",
        "НАТО": "org:NATO",
        "БРИКС": "org:BRICS",
        "БҰҰ": "org:UN",
        "ООН": "org:UN",
        "БҰҰ Бас Ассамблеясы": "org:UNGA",
        "Қауіпсіздік Кеңесі": "org:UNSC",
        "Біріккен Ұлттар Ұйымы": "org:UN",
    }
    for form, org in expected.items():
        assert catalog.find(form) == (org,), form


def test_organisations_are_multilateral_with_parents(catalog):
    for org in catalog.entries_of("org"):
        assert org.vector == "multilateral", org.id
    assert catalog["org:UNGA"].parent == "org:UN"
    assert catalog["org:UNSC"].parent == "org:UN"
    assert catalog["org:ODIHR"].parent == "org:OSCE"
    assert catalog["org:EEC"].parent == "org:EAEU"
    assert catalog["org:CSTO"].lean == "russia"
    assert catalog["org:OTS"].lean == "turkic_world"


@pytest.mark.parametrize(
    ("org", "year"),
    [
        ("org:UN", "1992"),
        ("org:OSCE", "1992"),
        ("org:CIS", "1991"),
        ("org:SCO", "2001"),
        ("org:CSTO", "1992"),
        ("org:EAEU", "2015"),
        ("org:CICA", "1992"),
        ("org:OTS", "2009"),
        ("org:OIC", "1995"),
        ("org:WTO", "2015"),
        ("org:IAEA", "1994"),
        ("org:IMF", "1992"),
        ("org:WB", "1992"),
        ("org:ADB", "1994"),
        ("org:EBRD", "1992"),
        ("org:AIIB", "2015"),
    ],
)
def test_kazakhstan_accession_years(catalog, org, year):
    membership = catalog[org].member("country:KZ")
    assert membership is not None and membership.since is not None
    assert membership.since[:4] == year


def test_membership_lists(catalog):
    sco = catalog["org:SCO"]
    assert {m.entity for m in sco.members if m.status == "member"} >= {
        *CENTRAL_ASIA[:3],
        "country:TJ",
        "country:UZ",
    }
    assert sco.member("country:IN").since == "2017"
    assert len([m for m in catalog["org:OSCE"].members if m.status == "member"]) == 57
    assert len(catalog["org:EU"].members) == 28  # 27 + the United Kingdom, which left in 2020
    assert catalog["org:EU"].member("country:GB").until == "2020"
    assert len([m for m in catalog["org:NATO"].members if m.status == "member"]) == 32
    assert catalog["org:NATO"].member("country:KZ").status == "partner"
    assert len(catalog["org:GCC"].members) == 6
    assert catalog["org:OTS"].member("country:HU").status == "observer"
    assert {m.entity for m in catalog["org:C5+1"].members} == {*CENTRAL_ASIA, "country:US"}


# --- missions ---------------------------------------------------------------------------------------


def test_all_71_peacekeeping_operations(catalog):
    pko = [m for m in catalog.entries_of("mission") if m.extra.get("kind") == "peacekeeping"]
    assert len(pko) == 71
    assert min(m.start for m in pko if m.start) == "1948"
    ongoing = {m.id for m in pko if m.end is None}
    assert ongoing == {
        f"mission:{a}"
        for a in (
            *("UNTSO", "UNMOGIP", "UNFICYP", "UNDOF", "UNIFIL", "MINURSO"),
            *("UNMIK", "MONUSCO", "UNISFA", "UNMISS", "MINUSCA"),
        )
    }
    minusma = catalog["mission:MINUSMA"]
    assert (minusma.start, minusma.end) == ("2013", "2023")


def test_mission_spot_checks(catalog):
    assert catalog["mission:MINURSO"].hosts == ("country:EH",)
    assert catalog["mission:UNDOF"].locations == ("place:golan-heights",)
    assert catalog["mission:UNISFA"].locations == ("place:abyei",)
    assert catalog["mission:UNAMID"].locations == ("place:darfur",)
    assert "Ливандағы" in catalog["mission:UNIFIL"].names["kk"]
    assert catalog.find("ВСООНЛ") == ("mission:UNIFIL",)
    # UNOMUR watched the border from the Ugandan side only; UNMIS's area is Sudan and South Sudan today.
    assert catalog["mission:UNOMUR"].hosts == ("country:UG",)
    assert catalog["mission:UNMIS"].hosts == ("country:SD", "country:SS")


@pytest.mark.parametrize(
    ("form", "entity"),
    [
        ("Ливандағы БҰҰ миссиясы", "mission:UNIFIL"),
        ("ЮНИФИЛ", "mission:UNIFIL"),
        ("Батыс Сахарадағы БҰҰ миссиясы", "mission:MINURSO"),
        ("Оңтүстік Судандағы БҰҰ миссиясы", "mission:UNMISS"),
        ("Ауғанстандағы БҰҰ миссиясы", "mission:UNAMA"),
        ("ЮНРККА", "mission:UNRCCA"),
        ("БҰҰ-ның Балалар қоры", "org:UNICEF"),
        ("Еуропа Одағы", "org:EU"),
        ("Шанхай ынтымақтастығы ұйымы", "org:SCO"),
        ("АзБР", "org:ADB"),
        ("ҚР ДСМ", "body:kz-ministry-of-health"),
    ],
)
def test_press_names_of_missions_and_organisations(catalog, form, entity):
    assert catalog.find(form) == (entity,)


def test_every_mission_in_un_personnel_data_is_in_the_catalog(catalog):
    if not UN_CSV.exists():
        pytest.skip(f"UN peacekeeping data not found at {UN_CSV} (shared/ is not beside the repo)")
    with UN_CSV.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    missions = {row["Mission"].strip() for row in rows}
    assert len(missions) > 30
    assert sorted(m for m in missions if f"mission:{m}" not in catalog) == []
    countries = {row["Country"].strip() for row in rows}
    unlinked = sorted(c for c in countries if not any(i.startswith("country:") for i in catalog.find(c)))
    assert unlinked == []


# --- people -----------------------------------------------------------------------------------------


def test_tokayev_and_nazarbayev_terms(catalog):
    tokayev = catalog["person:kassym-jomart-tokayev"]
    assert tokayev.names["kk"] == "Қасым-Жомарт Тоқаев"
    head = [o for o in tokayev.offices if o.office == "head_of_state" and o.of == "country:KZ"]
    assert len(head) == 1 and head[0].start.startswith("2019") and head[0].end is None
    assert "Мемлекет басшысы" in head[0].title_aliases["kk"]
    assert [o.office for o in tokayev.offices_held_on("2024-05-01")] == ["head_of_state"]
    assert "head_of_state" not in [o.office for o in tokayev.offices_held_on("2018")]
    assert "foreign_minister" in [o.office for o in tokayev.offices_held_on("2005-06")]
    for form in ("Қ.Тоқаев", "Қ.-Ж. Тоқаев", "Касым-Жомарт Кемелевич", "Токаев"):
        assert catalog.find(form) == ("person:kassym-jomart-tokayev",), form
    nazarbayev = catalog["person:nursultan-nazarbayev"]
    assert nazarbayev.offices_held_on("2010")[0].office == "head_of_state"
    assert nazarbayev.offices_held_on("2020") == ()


def test_each_office_has_one_holder_at_a_time(catalog):
    """Terms of the same office must not overlap (a transfer day may be shared)."""
    terms: dict[tuple[str, str], list[tuple[str, str | None, str]]] = {}
    for person in catalog.entries_of("person"):
        for o in person.offices:
            terms.setdefault((o.office, o.of), []).append((o.start or "", o.end, person.id))
    for key, spans in terms.items():
        spans.sort(key=lambda s: (s[0], s[1] or "9999", s[2]))
        for (_, end, who), (start, _, nxt) in itertools.pairwise(spans):
            assert end is not None, (key, who, nxt)
            n = min(len(end), len(start))
            assert end[:n] <= start[:n], (key, who, nxt)


def test_current_office_holders(catalog):
    holders = catalog.office_holders
    assert holders("head_of_state", "country:RU", "2024-06") == ("person:vladimir-putin",)
    assert holders("head_of_state", "country:RU", "2010") == ("person:dmitry-medvedev",)
    assert holders("head_of_state", "country:CN", "2024-06") == ("person:xi-jinping",)
    assert holders("head_of_state", "country:US", "2022-06") == ("person:joe-biden",)
    assert holders("head_of_state", "country:KZ", "2019-03") == (
        "person:nursultan-nazarbayev",
        "person:kassym-jomart-tokayev",
    )  # the month of the transfer, at month precision
    assert holders("foreign_minister", "country:RU", "2024-06") == ("person:sergey-lavrov",)
    assert holders("secretary_general", "org:UN", "2015-06") == ("person:ban-ki-moon",)
    assert holders("head_of_government", "country:KZ", "2010-06") == ("person:karim-massimov",)
    assert holders("high_representative", "org:EU", "2021") == ("person:josep-borrell",)


# --- places -----------------------------------------------------------------------------------------


def test_kazakhstan_regions_and_cities(catalog):
    kz_places = [p for p in catalog.entries_of("place") if p.country == "country:KZ"]
    regions = [p for p in kz_places if p.extra.get("kind") == "region"]
    cities = [p for p in kz_places if p.extra.get("kind") == "city_of_republican_significance"]
    assert len(regions) == 17 and len(cities) == 3
    centres = {p.parent: p.id for p in kz_places if p.extra.get("kind") == "city" and p.parent}
    assert set(centres) == {r.id for r in regions}  # every region has its administrative centre
    assert centres["place:abai-region"] == "place:semey"
    for form in ("Нұр-Сұлтан", "Ақмола", "Целиноград", "Nur-Sultan", "Астана"):
        assert catalog.find(form) in (("place:astana",), ("place:astana", "place:akmola-region")), form
    assert catalog.find("Оңтүстік Қазақстан облысы") == ("place:turkistan-region",)
    assert catalog.find("Голан биіктері") == ("place:golan-heights",)


@pytest.mark.parametrize(
    ("form", "place", "country"),
    [
        ("Уфа", "place:ufa", "country:RU"),
        ("Кремль", "place:kremlin", "country:RU"),
        ("Тяньцзинь", "place:tianjin", "country:CN"),
        ("Бұхара", "place:bukhara", "country:UZ"),
        ("Ыстықкөл", "place:issyk-kul", "country:KG"),
        ("Avaza", "place:awaza", "country:TM"),
        ("Нахчыван", "place:nakhchivan-autonomous-republic", "country:AZ"),
        ("Жидда", "place:jeddah", "country:SA"),
        ("Ақ үй", "place:white-house", "country:US"),
        ("Бали", "place:bali", "country:ID"),
    ],
)
def test_venue_cities_and_landmarks_carry_their_country(catalog, form, place, country):
    assert catalog.find(form) == (place,)
    assert catalog[place].country == country


def test_kazan_is_named_only_with_qalasy(catalog):
    # Bare "Қазан" is the month October and a cauldron; the catalog has no ambiguity mark, so the city
    # is found only as "Қазан қаласы" in Kazakh.
    assert catalog.find("Қазан") == ()
    assert catalog.find("Қазан қаласы") == ("place:kazan",)
    assert catalog.find("Казань") == ("place:kazan",)


def test_eaeu_summit_councils_are_aliases_of_the_union(catalog):
    for form in (
        "Жоғары Еуразиялық экономикалық кеңес",
        "Высший Евразийский экономический совет",
        "Supreme Eurasian Economic Council",
        "Еуразиялық үкіметаралық кеңес",
        "Евразийский межправительственный совет",
        "Eurasian Intergovernmental Council",
    ):
        assert catalog.find(form) == ("org:EAEU",), form


# --- validation -------------------------------------------------------------------------------------


def texts_with(filename: str, extra: str) -> dict[str, str]:
    texts = {name: (DATA / name).read_text(encoding="utf-8") for name in FILES.values()}
    texts[filename] += extra
    return texts


def test_bad_rows_are_reported_with_file_line_and_problem():
    bad = (
        "\n- id: org:UN\n  names: {kk: a, ru: b, en: c}\n  vector: multilateral\n"
        "- id: org:BAD\n  names: {kk: a, en: c}\n  vector: sideways\n  parent: org:NOPE\n"
        "- id: org lowercase\n  names: {kk: a, ru: b, en: c}\n"
    )
    with pytest.raises(CatalogError) as info:
        build_catalog(texts_with("organisations.yaml", bad))
    problems = info.value.problems
    text = "\n".join(problems)
    assert "duplicate id" in text and "org:UN" in text
    assert any(
        p.startswith("organisations.yaml:") and "org:BAD" in p and "names lacks ru" in p for p in problems
    )
    assert "vector 'sideways'" in text
    assert "refers to unknown id 'org:NOPE'" in text
    assert "not a well-formed org id" in text
    # every problem names the file and a line number
    assert all(p.split(" ", 1)[0].split(":")[0] == "organisations.yaml" for p in problems)
    assert all(p.split(" ", 1)[0].rstrip(":").split(":")[1].isdigit() for p in problems)


def test_bad_dates_and_offices_are_reported():
    bad = (
        "\n- id: person:nobody\n  names: {kk: a, ru: b, en: c}\n"
        "  offices:\n  - {office: emperor, of: country:KZ, title: {kk: a, ru: b, en: c}, start: 2020}\n"
        "  - {office: head_of_state, of: country:QQ, title: {kk: a, ru: b, en: c}, start: 20-1}\n"
    )
    with pytest.raises(CatalogError) as info:
        build_catalog(texts_with("people.yaml", bad))
    text = "\n".join(info.value.problems)
    assert "office 'emperor'" in text
    assert "'20-1' is not YYYY" in text
    assert "unknown id 'country:QQ'" in text


def test_load_from_directory(tmp_path):
    for name in FILES.values():
        (tmp_path / name).write_text((DATA / name).read_text(encoding="utf-8"), encoding="utf-8")
    assert len(load_catalog_from(tmp_path)) == len(load_catalog())
    (tmp_path / "missions.yaml").write_text("{not: a list}\n", encoding="utf-8")
    with pytest.raises(CatalogError, match=r"missions.yaml:1: top level must be a list"):
        load_catalog_from(tmp_path)


def test_an_entry_built_in_code_gets_empty_read_only_tables():
    entry = CatalogEntry(id="country:KZ", type="country", names={"kk": "Қазақстан", "en": "Kazakhstan"})
    assert dict(entry.aliases) == {} and list(entry.surface_forms("kk")) == ["Қазақстан"]
    with pytest.raises(TypeError):
        entry.extra["vector"] = "home"  # type: ignore[index]
