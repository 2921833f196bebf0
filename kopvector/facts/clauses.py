"""Clauses of a Kazakh sentence: the unit that negation, tense and a shared subject apply to.

Kazakh joins finite clauses with a comma and a contrast word ("..., ал Түркменстан мүше емес"), or
simply with a comma after a finite verb ("Моди келмеді, делегацияны министр басқарды"). Negation
and tense belong to one clause, so "X бақылаушы, ал Y мүше емес" negates only Y. A converb chain
("келіссөз жүргізіп, ... талқылады") stays one clause: its subject and tense are shared, unless what
follows is denied or only agreed for later ("талқылап, ... өткізуге уағдаласты"). A
reporting frame at the start ("Ақорданың хабарлауынша, ...", "Ресми мәліметке сәйкес, ...") is cut
off as its own clause and marks the rest of the sentence as reported. No parser does this for
Kazakh, so it is written here; the words it reads are data (`data/kk_fact_cues.yaml`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from kopvector.document import Token

_SEPARATORS = frozenset({",", ";", ":"})  # a colon ends a clause only after a finite verb, like a comma


@dataclass(frozen=True, slots=True)
class Clause:
    """Tokens `[first, last)` of a sentence (indices into its token list)."""

    first: int
    last: int
    frame: bool = False  # a reporting frame, not a clause that states anything
    reported: bool = False  # stated on the authority of a frame ("... хабарлауынша,")


class ClauseSplitter:
    """Cuts a sentence's tokens into clauses at the commas that end a finite predicate."""

    def __init__(self, cues: dict[str, Any]) -> None:
        self.openers = frozenset(cues["clause_openers"])
        self.negators = frozenset(cues["negators"])
        self.report_stems = tuple(cues["report_frames"]["stems"])
        self.report_endings = tuple(cues["report_frames"]["endings"])
        self.according_to = frozenset(cues["report_frames"]["according_to"])
        self.agreed_to = tuple(cues["meeting"]["agreed_to"])

    def split(self, tokens: list[Token]) -> list[Clause]:
        words = [t.norm.lower() for t in tokens]
        frame_end = self._frame_end(tokens, words)
        clauses: list[Clause] = []
        if frame_end:
            clauses.append(Clause(0, frame_end, frame=True))
        start = frame_end
        for i in range(frame_end, len(tokens) - 1):
            if words[i] in _SEPARATORS and i > start and self._ends_clause(tokens, words, i):
                clauses.append(Clause(start, i, reported=bool(frame_end)))
                start = i + 1
        clauses.append(Clause(start, len(tokens), reported=bool(frame_end)))
        return clauses

    def _ends_clause(self, tokens: list[Token], words: list[str], comma: int) -> bool:
        before, after = tokens[comma - 1], words[comma + 1]
        finite = before.pos in ("VERB", "AUX") and before.feats.get("VerbForm", "Fin") == "Fin"
        # "талқылап, ортақ шешімге келе алмады": a converb's clause keeps its own (positive) polarity
        # when what follows is denied.
        converb = before.feats.get("VerbForm") == "Conv"
        denied = converb and any(
            t.feats.get("Polarity") == "Neg" for t in tokens[comma + 1 :] if t.pos in ("VERB", "AUX")
        )
        # "... талқылап, келесі саммитті өткізуге уағдаласты": what was done is not what was agreed for later
        planned = converb and any(
            t.feats.get("VerbForm") == "Vnoun"
            and t.feats.get("Case") == "Dat"
            and word.startswith(self.agreed_to)
            for t, word in zip(tokens[comma + 1 :], words[comma + 2 :], strict=False)
        )
        # "... негізін қалаушылардың бірі болғанымен, ... қатыспаған": although one thing, the other
        concessive = before.feats.get("VerbForm") == "Part" and before.feats.get("Case") == "Ins"
        return (
            words[comma] == ";"
            or after in self.openers
            or finite
            or concessive
            or denied
            or planned
            or words[comma - 1] in self.negators
        )

    def _frame_end(self, tokens: list[Token], words: list[str]) -> int:
        """Index after the comma of a leading "X-тың хабарлауынша," frame, or 0."""
        for i, word in enumerate(words[:-1]):
            if word == ",":
                return 0
            lemma = (tokens[i].lemma or word).lower()
            by_source = word.endswith(self.report_endings) and lemma.startswith(self.report_stems)
            by_data = word in self.according_to and i > 0 and words[i - 1].startswith(self.report_stems)
            if (by_source or by_data) and words[i + 1] == ",":
                return i + 2
        return 0
