"""The pipeline version stored with every analysed article: package version plus a hash of the stages.

Hashing the code and data of the analysing stages (text, language, entities, facts and the pipeline
itself) means any change to what the pipeline would output makes `kopvector ingest` re-analyse the
stored articles, without anyone remembering to bump a number; changes to the store, the queries or
the command line do not.
"""

from __future__ import annotations

import hashlib
from functools import cache

from kopvector import __version__
from kopvector.settings import PACKAGE_DIR

_STAGES = ("text", "language", "entities", "facts")
_FILES = ("pipeline.py", "document.py", "record.py")


@cache
def pipeline_version() -> str:
    digest = hashlib.sha256()
    paths = [PACKAGE_DIR / name for name in _FILES]
    for stage in _STAGES:
        found = (PACKAGE_DIR / stage).rglob("*")
        paths += sorted(p for p in found if p.is_file() and "__pycache__" not in p.parts)
    for path in paths:
        digest.update(str(path.relative_to(PACKAGE_DIR)).encode())
        digest.update(path.read_bytes())
    return f"{__version__}+{digest.hexdigest()[:12]}"
