"""The one settings object: every tunable of kopvector lives here, read from the environment once.

Datasette-style: each setting is data with a default and a help text, and `tests/test_settings.py`
fails if the README does not document one of them.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, fields
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent


@dataclass(frozen=True)
class Settings:
    """Immutable run configuration; build one with `Settings.from_env()` and pass it down."""

    max_file_bytes: int = field(
        default=20 * 1024 * 1024,
        metadata={"env": "KOPVECTOR_MAX_FILE_BYTES", "help": "Largest input file accepted, in bytes."},
    )
    ner_model: Path = field(
        default=PACKAGE_DIR / "entities" / "ner" / "model" / "kk_ner.crfsuite",
        metadata={
            "env": "KOPVECTOR_NER_MODEL",
            "help": "Path of the Kazakh NER model (CRFsuite file; its network and resources lie beside it).",
        },
    )
    db: str = field(
        default="kopvector.db",
        metadata={
            "env": "KOPVECTOR_DB",
            "help": "The store: a SQLite file path or a postgresql:// URL (`--db` overrides it).",
        },
    )
    workers: int = field(
        default=os.cpu_count() or 1,
        metadata={"env": "KOPVECTOR_WORKERS", "help": "Analysis processes `kopvector ingest` runs."},
    )
    engagement_weights: tuple[str, ...] = field(
        default=(
            "state_visit=6",
            "official_visit=5",
            "visit=4",
            "agreement=3",
            "meeting=2",
            "cooperation=1.5",
            "statement=1",
        ),
        metadata={
            "env": "KOPVECTOR_ENGAGEMENT_WEIGHTS",
            "help": "Weight of a fact in `kopvector balance` by kind (visits by type); kind=weight list.",
        },
    )
    balance_vectors: tuple[str, ...] = field(
        default=(
            "home=central_asia",
            "united_states=west",
            "europe=west",
            "middle_east_gulf=other_regions",
            "south_asia=other_regions",
            "east_asia_pacific=other_regions",
            "africa=other_regions",
            "latin_america=other_regions",
            "other=other_regions",
        ),
        metadata={
            "env": "KOPVECTOR_BALANCE_VECTORS",
            "help": "How the catalog's vectors group into the balance's vectors; catalog=balance list.",
        },
    )
    organisation_vectors: tuple[str, ...] = field(
        default=(),
        metadata={
            "env": "KOPVECTOR_ORGANISATION_VECTORS",
            "help": "Organisations counted toward a vector other than multilateral, e.g. org:CSTO=russia.",
        },
    )
    balance_min_facts: int = field(
        default=5,
        metadata={
            "env": "KOPVECTOR_BALANCE_MIN_FACTS",
            "help": "Fewer facts than this flag a period as thin.",
        },
    )
    bootstrap_draws: int = field(
        default=1000,
        metadata={
            "env": "KOPVECTOR_BOOTSTRAP_DRAWS",
            "help": "Bootstrap resamples for the balance's intervals.",
        },
    )
    languages: tuple[str, ...] = field(
        default=("kk", "ru", "en", "ky"),
        metadata={
            "env": "KOPVECTOR_LANGUAGES",
            "help": "Languages the identifier chooses among (comma list).",
        },
    )

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None) -> Settings:
        """Defaults overridden by `KOPVECTOR_*` environment variables."""
        env = os.environ if environ is None else environ
        values: dict[str, object] = {}
        for f in fields(cls):
            raw = env.get(f.metadata["env"])
            if raw is None:
                continue
            if f.type in ("int", int):
                values[f.name] = int(raw)
            elif f.type in ("Path", Path):
                values[f.name] = Path(raw)
            elif f.type in ("str", str):
                values[f.name] = raw
            else:
                values[f.name] = tuple(part.strip() for part in raw.split(",") if part.strip())
        return cls(**values)  # type: ignore[arg-type]
