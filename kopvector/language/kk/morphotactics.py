"""Suffix chains of Kazakh words, generated from the data-driven suffix table.

The analyser strips whole suffix *chains* ("ының" = possessive + genitive) rather
than one suffix at a time, so every chain the morphotactic automaton allows is
spelled out once at load time and indexed by its surface string. Analysis is
then one dictionary look-up per split point of a word, which keeps it fast.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import NamedTuple

import yaml

from kopvector.language.kk.phonology import expand_classes, sound_class

DATA_PACKAGE = "kopvector.language.kk.data"
STEM_CLASSES = frozenset({"V", "S", "L", "N", "Z", "K"})  # classes a bare stem can end in
MAX_CHAIN = 7
_ANY = expand_classes("ANY")  # longest chain of suffixes considered; real words stay well below


@dataclass(frozen=True, slots=True)
class Allomorph:
    """One spelling of one suffix, with the contexts it may follow."""

    slot: str
    form: str
    harmony: str | None  # "B", "F" or None (does not harmonise)
    after: frozenset[str]
    end: str  # class left for the next suffix
    feats: tuple[tuple[str, str], ...]


class Ending(NamedTuple):
    """A whole suffix chain: what a stem must look like to take it and what it means."""

    category: str  # "nominal" or "verbal"
    surface: str
    slots: tuple[str, ...]
    parts: tuple[str, ...]  # surface of each suffix, in order
    feats: tuple[tuple[str, str], ...]
    after: frozenset[str]  # classes the stem's last letter may have ("ANY" if empty chain)
    harmony: str | None  # harmony the stem must have, if the chain tells it
    signature: str  # category, slots and case: what chains of different spellings share

    @property
    def n_morphs(self) -> int:
        return len(self.slots)


def read_data_text(name: str, data_dir: Path | None = None) -> str:
    """Text of a data file: from ``data_dir`` if given, else from the installed package."""
    if data_dir is not None:
        return (data_dir / name).read_text(encoding="utf-8")
    return resources.files(DATA_PACKAGE).joinpath(name).read_text(encoding="utf-8")


def _parse_feats(text: str) -> tuple[tuple[str, str], ...]:
    pairs = []
    for item in text.split("|"):
        if "=" in item:
            key, value = item.split("=", 1)
            pairs.append((key, value))
    return tuple(pairs)


def load_allomorphs(data_dir: Path | None = None) -> dict[str, list[Allomorph]]:
    """Read ``morph_suffixes.tsv`` into allomorph lists per slot."""
    table: dict[str, list[Allomorph]] = {}
    for line in read_data_text("morph_suffixes.tsv", data_dir).splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t") + [""] * 6
        slot, form, harm, after, end, feats = (c.strip() for c in cols[:6])
        table.setdefault(slot, []).append(
            Allomorph(
                slot=slot,
                form=form,
                harmony=harm if harm in ("B", "F") else None,
                after=expand_classes(after),
                end=end if end and end != "-" else sound_class(form),
                feats=_parse_feats(feats),
            )
        )
    return table


class Morphotactics:
    """All suffix chains of the automaton in ``morph_tactics.yaml``, indexed by surface."""

    def __init__(self, data_dir: Path | None = None) -> None:
        spec = yaml.safe_load(read_data_text("morph_tactics.yaml", data_dir))
        self.allomorphs = load_allomorphs(data_dir)
        self.name_finals: tuple[str, ...] = tuple(spec.get("name_finals", []))
        self.patronymic_finals: tuple[str, ...] = tuple(spec.get("patronymic_finals", []))
        self.suspicious_stem_finals: tuple[str, ...] = tuple(spec.get("suspicious_stem_finals", []))
        self._nonfinal = frozenset(spec.get("nonfinal", []))
        self.known_only: frozenset[str] = frozenset(spec.get("known_only", []))
        self.category_pos: dict[str, frozenset[str]] = {
            cat: frozenset(tags) for cat, tags in spec["pos"].items()
        }
        self._states: dict[str, dict[str, str]] = {k: dict(v or {}) for k, v in spec["states"].items()}
        self.endings: dict[str, list[Ending]] = {}
        self._seen: set[tuple[str, tuple[str, ...], tuple[str, ...], str | None, frozenset[str]]] = set()
        for category, start in spec["start"].items():
            self._walk(category, start, (), None, None, frozenset(), None)
        self.max_len = max(len(s) for s in self.endings)
        del self._seen

    def _walk(
        self,
        category: str,
        state: str,
        chain: tuple[Allomorph, ...],
        prev_end: str | None,
        harm: str | None,
        first_after: frozenset[str],
        first_harm: str | None,
    ) -> None:
        """Depth-first enumeration of chains; records each one as an Ending."""
        if state not in self._nonfinal:
            self._record(category, chain, first_after, harm)
        if len(chain) >= MAX_CHAIN:
            return
        for slot, next_state in self._states.get(state, {}).items():
            for allo in self.allomorphs.get(slot, []):
                if prev_end is not None and prev_end not in allo.after:
                    continue
                if harm and allo.harmony and allo.harmony != harm:
                    continue
                new_harm = harm or allo.harmony
                self._walk(
                    category,
                    next_state,
                    (*chain, allo),
                    allo.end,
                    new_harm,
                    first_after if chain else allo.after,
                    first_harm,
                )

    def _record(
        self, category: str, chain: tuple[Allomorph, ...], first_after: frozenset[str], harm: str | None
    ) -> None:
        after = first_after if chain else _ANY
        if not after & STEM_CLASSES:
            return  # chain can only follow another suffix (e.g. "-нда" after a possessive)
        parts = tuple(a.form for a in chain)
        slots = tuple(a.slot for a in chain)
        key = (category, parts, slots, harm, after)
        if key in self._seen:
            return  # the same chain reached through another state path
        self._seen.add(key)
        feats: dict[str, str] = {}
        for allo in chain:
            feats.update(allo.feats)
        surface = "".join(parts)
        self.endings.setdefault(surface, []).append(
            Ending(
                category=category,
                surface=surface,
                slots=slots,
                parts=parts,
                feats=tuple(sorted(feats.items())),
                after=after,
                harmony=harm,
                signature=f"{category}:{'+'.join(slots)}:{feats.get('Case', '')}",
            )
        )
