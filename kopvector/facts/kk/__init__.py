"""Kazakh fact extractor: every fact kind of schema v1, from linked mentions and the morphology.

Rules read the morphology and the linked mentions of a clause rather than fixed word sequences: a cue
lemma (мүше, миссия, қатыс-, ...) names the relation, the catalog type of each mention gives its role
(a country is the member, an organisation what it belongs to, a mission where it serves), and the case
suffix tells the role in the clause: the locative is where ("Астанада"), the dative where to
("Қытайға сапармен барды") or to whom the chair passes, the genitive whose summit it was ("ШЫҰ
саммитіне"). Negation and tense are read per clause (`kopvector.facts.clauses`), so "X бақылаушы, ал
Y мүше емес" negates only Y, and an event verb in the aorist ("барады", "өтеді") is a plan. A heading
such as "2014 жыл: ... (MINURSO)" carries its year and mission to the paragraph under it, and the
discourse carries what "екі ел", "тараптар", "ұйым", "оған", "ол" and a bare "саммитке" refer to.
Cues are data (`data/kk_fact_cues.yaml`). A Russian extractor plugs in beside this one
(`Pipeline.fact_extractors`).

The package: `extractor` walks an article clause by clause and calls one module per fact kind
(`membership`, `chairmanship`, `missions`, `visit`, `meeting`, `agreement`, `cooperation`,
`statement`). The kinds share `view` (the clause they read), `reader` (cues, catalog and the tests
on words and mentions), `roles` (who acts in a clause), `forums`, `people`, `discourse` (what
earlier clauses left), `modality` (how a fact is stated), `words` and `cues`.
"""

from kopvector.facts.kk.cues import load_cues
from kopvector.facts.kk.extractor import KazakhFactExtractor

__all__ = ["KazakhFactExtractor", "load_cues"]
