"""The schema v1 record of one analysed article (see docs/record-schema.md in the shared docs).

Every list is present, even when empty, so readers of the record can rely on every key.
"""

from __future__ import annotations

from typing import Any

from kopvector import SCHEMA
from kopvector.document import Doc, Evidence


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
        "facts": [
            {
                "kind": f.kind,
                "args": f.args,
                "time": {"value": f.time, "text": f.time_text} if f.time else None,
                "modality": f.modality,
                "plover": f.plover,
                "evidence": _evidence(f.evidence),
                "confidence": f.confidence,
            }
            for f in doc.facts
        ],
        "quotes": [
            {
                "speaker": {"entity": q.speaker.entity, "name": q.speaker.name, "role": q.speaker.role},
                "text": q.text,
                "kind": q.kind,
                "cue": q.cue,
                "evidence": _evidence(q.evidence),
            }
            for q in doc.quotes
        ],
    }


def _evidence(evidence: Evidence) -> dict[str, Any]:
    return {
        "sentence": evidence.sentence,
        "start": evidence.start,
        "end": evidence.end,
        "text": evidence.text,
    }
