"""The UN peacekeeping contributions reference: personnel per country, mission and year, 2010-2021.

Derived by `tools/build_peacekeeping_reference.py` from corinnee/UN_Peacekeeping_Analytics (MIT, see
`data/LICENSE-un-peacekeeping`) and shipped in the package, so corroboration works offline. The
figures are yearly averages of the UN's monthly counts (Female + Male and Total disagree by rounding
in 900 source rows, and Kazakhstan's company that reached Lebanon late in 2018 counts 30 for that
year), so a deployment of a few weeks may round to 0. A row exists only where the source observed the
cell: the mission had personnel from someone that year and the country is listed that year.
"""

from __future__ import annotations

import csv
import gzip
import io
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from types import MappingProxyType


@dataclass(frozen=True)
class PeacekeepingReference:
    """Personnel totals by (country id, mission id), each a year → total mapping of observed years."""

    cells: Mapping[tuple[str, str], Mapping[int, int]]
    countries: frozenset[str]
    missions: frozenset[str]

    def totals(self, country: str, mission: str) -> Mapping[int, int]:
        """Observed years and totals of `country` in `mission` (empty when the reference is silent)."""
        return self.cells.get((country, mission), MappingProxyType({}))


def parse_reference(text: str) -> PeacekeepingReference:
    """The reference from its TSV text (header `country mission year total`)."""
    cells: dict[tuple[str, str], dict[int, int]] = {}
    for row in csv.DictReader(io.StringIO(text), delimiter="\t"):
        cells.setdefault((row["country"], row["mission"]), {})[int(row["year"])] = int(row["total"])
    return PeacekeepingReference(
        cells=MappingProxyType({key: MappingProxyType(years) for key, years in cells.items()}),
        countries=frozenset(country for country, _ in cells),
        missions=frozenset(mission for _, mission in cells),
    )


@cache
def load_peacekeeping() -> PeacekeepingReference:
    """The packaged reference, read once per process (it is immutable)."""
    packed = (resources.files("kopvector.analytics") / "data" / "un_peacekeeping.tsv.gz").read_bytes()
    return parse_reference(gzip.decompress(packed).decode("utf-8"))
