"""Keeping corroborations in the store: judge the stored facts and write what changed, in one transaction.

Every run judges all stored facts of the judged kinds again rather than only new ones, because the
judgement depends on the shipped references as well as on the fact: after an upgrade of the UN
table or the catalog, old facts get their new status. Rows are written only where the judgement
changed, so a second run over an unchanged store writes nothing. Facts that are negated or planned
claim no service or membership and are not judged; a re-analysed article's facts lose their rows
in the store's own writer, before the facts themselves go.
"""

from __future__ import annotations

import json
from collections import Counter

from sqlalchemy import Connection, delete, insert, select

from kopvector.analytics.corroboration import JUDGED_KINDS, Corroboration, corroborate
from kopvector.analytics.peacekeeping import PeacekeepingReference, load_peacekeeping
from kopvector.entities.catalog.load import Catalog, load_catalog
from kopvector.store.tables import corroborations, facts

CLAIMING = ("asserted", "reported")
"""Modalities that claim the thing happened or holds."""
_BATCH = 500
"""Fact ids per DELETE, well under SQLite's limit on bound parameters."""


def corroborate_store(
    conn: Connection,
    *,
    catalog: Catalog | None = None,
    peacekeeping: PeacekeepingReference | None = None,
) -> Counter[str]:
    """Bring the `corroborations` table up to date inside the caller's transaction; count by status."""
    catalog = catalog or load_catalog()
    peacekeeping = peacekeeping or load_peacekeeping()
    judged: dict[str, Corroboration] = {}
    candidates = select(facts.c.id, facts.c.kind, facts.c.args, facts.c.time).where(
        facts.c.kind.in_(JUDGED_KINDS), facts.c.modality.in_(CLAIMING)
    )
    for row in conn.execute(candidates):
        found = corroborate(
            row.kind, json.loads(row.args), row.time, catalog=catalog, peacekeeping=peacekeeping
        )
        if found is not None:
            judged[row.id] = found
    stored = {
        row.fact_id: Corroboration(row.status, row.detail, row.reference)
        for row in conn.execute(select(corroborations))
    }
    stale = sorted(fact_id for fact_id, old in stored.items() if judged.get(fact_id) != old)
    for start in range(0, len(stale), _BATCH):
        batch = stale[start : start + _BATCH]
        conn.execute(delete(corroborations).where(corroborations.c.fact_id.in_(batch)))
    fresh = [
        {"fact_id": fact_id, "status": j.status, "detail": j.detail, "reference": j.reference}
        for fact_id, j in sorted(judged.items())
        if stored.get(fact_id) != j
    ]
    if fresh:
        conn.execute(insert(corroborations), fresh)
    return Counter(j.status for j in judged.values())
