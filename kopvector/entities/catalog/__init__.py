"""Reference catalog: canonical ids with names and aliases in kk, ru and en, as packaged YAML data.

`load_catalog()` reads `data/*.yaml` once and returns an immutable `Catalog`; see `model.py` for the
record types and `data/country_overlay.yaml` for the vector rules.
"""

from kopvector.entities.catalog.load import Catalog, CatalogError, load_catalog, load_catalog_from
from kopvector.entities.catalog.model import CatalogEntry, Membership, Office

__all__ = [
    "Catalog",
    "CatalogEntry",
    "CatalogError",
    "Membership",
    "Office",
    "load_catalog",
    "load_catalog_from",
]
