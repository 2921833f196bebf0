"""The schema v1 record of one analysed article (see docs/record-schema.md in the shared docs).

Lists whose stages have not landed yet (facts) are present and empty, so readers of
the record can rely on every key.
"""

from __future__ import annotations

from typing import Any

from kopvector import SCHEMA
from kopvector.document import Doc


def to_record(doc: Doc) -> dict[str, Any]:
    """The JSON-ready schema v1 object for `doc`."""
    article = doc.article
    return {
        "schema": SCHEMA,
        "article": {
            "id": article.id,
            "url": article.url,
            "outlet": article.outlet,
            "published": article.published.isoformat() if article.published else None,
            "title": article.title,
            "language": doc.language,
            "script": doc.script,
            "text": article.text,
        },
        "mentions": [
            {
                "start": m.start,
                "end": m.end,
                "text": m.text,
                "label": m.label,
                "lemma": m.lemma,
                "entity": m.entity,
                "sentence": m.sentence,
            }
            for m in doc.mentions
        ],
        "entities": [
            {"id": e.id, "type": e.type, "name": e.name, "mention_count": e.mention_count}
            for e in doc.entities
        ],
        "facts": [],
        "quotes": [
            {
                "speaker": {"entity": q.speaker.entity, "name": q.speaker.name, "role": q.speaker.role},
                "text": q.text,
                "kind": q.kind,
                "cue": q.cue,
                "evidence": {
                    "sentence": q.evidence.sentence,
                    "start": q.evidence.start,
                    "end": q.evidence.end,
                    "text": q.evidence.text,
                },
            }
            for q in doc.quotes
        ],
    }
