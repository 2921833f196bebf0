"""Generate kopvector/analytics/data/un_peacekeeping.tsv.gz from the UN peacekeeping contributions CSV.

Run by an editor when the source data or the catalog change:

    .venv/bin/python tools/build_peacekeeping_reference.py ../shared/data/un_peacekeeping/CountryByYear.csv

The source (corinnee/UN_Peacekeeping_Analytics, MIT) has one row per year, country and mission with
Female, Male and Total personnel. Country names become `country:` ids and mission acronyms `mission:`
ids through the catalog, so the names the linker knows are the names the reference is keyed by; a
name the catalog cannot resolve to exactly one id fails the build with the full list, and the fix
belongs in the catalog (an English alias in country_overlay.yaml or missions.yaml), not here.

The source lists every mission for every country and year, also years in which a mission had nobody
from anyone (before it started, after it closed). Those rows are filler, not observations: keeping
them would let a claim be "contradicted" by a mission that did not exist that year. The table keeps
a row (zeros too) only for the years in which the mission had personnel from some country; what it
leaves out, the reference is silent about.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import io
import sys
from collections import defaultdict
from pathlib import Path

from kopvector.entities.catalog.load import Catalog, load_catalog

OUT = Path(__file__).resolve().parent.parent / "kopvector" / "analytics" / "data" / "un_peacekeeping.tsv.gz"
HEADER = ("country", "mission", "year", "total")


def resolve(catalog: Catalog, name: str, kind: str) -> str | None:
    """The one catalog id of `kind` that `name` stands for (an acronym that is the id, or a name or
    alias the catalog knows), else None."""
    if f"{kind}:{name}" in catalog:
        return f"{kind}:{name}"
    ids = [i for i in catalog.find(name) if i.startswith(f"{kind}:")]
    return ids[0] if len(ids) == 1 else None


def build_rows(source: Path, catalog: Catalog) -> tuple[list[tuple[str, str, int, int]], list[str]]:
    """(country, mission, year, total) rows sorted, and every name that could not be mapped."""
    with source.open(encoding="utf-8", newline="") as handle:
        records = list(csv.DictReader(handle))
    unmapped: set[str] = set()
    cells: dict[tuple[str, str, int], int] = {}
    staffed: defaultdict[tuple[str, int], int] = defaultdict(int)
    for record in records:
        country = resolve(catalog, record["Country"].strip(), "country")
        mission = resolve(catalog, record["Mission"].strip(), "mission")
        if country is None:
            unmapped.add(f"country {record['Country']!r}")
        if mission is None:
            unmapped.add(f"mission {record['Mission']!r}")
        if country is None or mission is None:
            continue
        year, total = int(record["Year"]), int(record["Total"])
        cells[country, mission, year] = total
        staffed[mission, year] += total
    rows = sorted((c, m, y, t) for (c, m, y), t in cells.items() if staffed[m, y] > 0)
    return rows, sorted(unmapped)


def render(rows: list[tuple[str, str, int, int]]) -> bytes:
    """Gzipped TSV with a fixed timestamp, so an unchanged source rebuilds to identical bytes."""
    text = io.StringIO()
    writer = csv.writer(text, delimiter="\t", lineterminator="\n")
    writer.writerow(HEADER)
    writer.writerows(rows)
    return gzip.compress(text.getvalue().encode("utf-8"), compresslevel=9, mtime=0)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", type=Path, help="CountryByYear.csv of UN_Peacekeeping_Analytics")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    rows, unmapped = build_rows(args.source, load_catalog())
    if unmapped:
        print("names the catalog does not resolve to one id:", *unmapped, sep="\n  ", file=sys.stderr)
        return 1
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_bytes(render(rows))
    countries, missions = {r[0] for r in rows}, {r[1] for r in rows}
    years = sorted({r[2] for r in rows})
    print(
        f"wrote {len(rows)} rows ({len(countries)} countries, {len(missions)} missions, "
        f"{years[0]}-{years[-1]}, {sum(r[3] > 0 for r in rows)} with personnel) to {args.out}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
