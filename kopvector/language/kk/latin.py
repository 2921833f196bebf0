"""Kazakh Latin ↔ Cyrillic transliteration, with an offset map back to the Latin input.

Hand-written because no library reads all three official Latin alphabets (2017 apostrophes, 2018
acutes, 2021 diacritics), keeps foreign acronyms, names and URLs as they are while transliterating
Kazakh acronyms and the suffixes hyphenated to either, and reports where each Cyrillic letter came
from (`MappedText`), which the pipeline needs to give offsets into the stored Latin article.

The 2021 table (31 letters: A Ä B D E F G Ğ H I İ J K L M N Ñ O Ö P Q R S Ş T U Ū Ü V Y Z) gives ы as
Y y, у/ұ/ү as U/Ū/Ü, И and Й as İ i and І as I ı — as we recall it; it could not be checked offline.
News sites and this project write і as "i" as well (Qazaqstan Respublikasynyñ Prezidenti), so a 2021
text is read that way unless it follows the table to the letter ("2021-strict", detected), and a
stray ı is read by harmony (і in front words, ы in back ones), which also covers writers who take ı
for ы. Ч is Ç; Russian-only letters are ts, şş, iu, ia, io, e; ъ and ь are dropped.

So Latin spells several Cyrillic letters alike (i: і/и/й; e: е/э; h: х/һ; "ts": ц or т+с; "ia": я or
и+а; "io": ё or и+о). They are decided per word: position (й after a vowel, и before one), vowel
harmony (і after front vowels, и after back ones), loanword cues (и in Russian stems, whose Kazakh
suffixes keep і) and a data list of word starts no rule can tell (`data/latin_loans.tsv`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

from kopvector.text.mapped import MappedText

VARIANTS = ("2021", "2021-strict", "2017", "2018")

_CYR_VOWELS = frozenset("аәеёиоөуұүыіэюя")
# Vowels after which Latin "i" is the consonant й ("beibit" → бейбіт); и/і are left out so that
# "kiim" reads киім, not кийм.
_Й_AFTER = frozenset("аәеоөұүыэя")
_BACK = frozenset("аоұыя")
_FRONT = frozenset("әеөүіё")
_LAT_VOWELS = frozenset("aäeioöuūüyıáóúý")
_I_CLASS = frozenset("іий")

# Characters that only Kazakh Latin uses, per variant: a word containing one is Kazakh, never foreign.
# Without one, English spelling marks a word as foreign (c, w, x, ck, ch, gh, kh, th, oo), except where Kazakh
# compounds spell the same ("zert-hana", "koordinatsiia").
_KAZAKH_MARKS = {
    "2021": frozenset("äğñöşūüçıqİÄĞÑÖŞŪÜÇQ"),
    "2021-strict": frozenset("äğñöşūüçıqİÄĞÑÖŞŪÜÇQ"),
    "2017": frozenset("qQ'"),
    "2018": frozenset("áǵńóúýqÁǴŃÓÚÝQ"),
}
_FOREIGN_CLUSTERS = {
    "2021": re.compile(r"[cwx]|ck|ch|gh|kh|th(?!ana)|(?<![kz])oo", re.IGNORECASE),
    "2021-strict": re.compile(r"[cwx]|ck|ch|gh|kh|th(?!ana)|(?<![kz])oo", re.IGNORECASE),
    "2017": re.compile(r"c(?!')|[wx]|ck|ch|gh|th(?!ana)|(?<![kz])oo", re.IGNORECASE),
    "2018": re.compile(r"c(?!h)|[wx]|ck|gh|th(?!ana)|(?<![kz])oo", re.IGNORECASE),
}
_ROMAN = re.compile(r"(?=[IVX])X{0,3}(?:IX|IV|V?I{0,3})")
_INNER_CAPITAL = re.compile(r"[^\W\d_]*[a-zäğñöşūüçıáǵńóúý][A-ZÄĞÑÖŞŪÜÇİÁǴŃÓÚÝ]")

_SKIP = (
    r"(?:https?://|www\.)[^\s«»“”<>()]*[^\s«»“”<>().,:;!?'\"]"
    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
    r"|[@#][^\W_]\w*"
    r"|\b[\w-]+(?:\.[\w-]+)*\.(?:kz|com|org|net|ru|info|gov|edu|int|io|uz|kg|tj|tm|cn|tr|uk|us|de|fr)\b"
)
_SCAN = {
    "2021": re.compile(rf"(?P<skip>{_SKIP})|(?P<word>[^\W\d_]+)"),
    "2021-strict": re.compile(rf"(?P<skip>{_SKIP})|(?P<word>[^\W\d_]+)"),
    "2018": re.compile(rf"(?P<skip>{_SKIP})|(?P<word>[^\W\d_]+)"),
    "2017": re.compile(rf"(?P<skip>{_SKIP})|(?P<word>(?:[^\W\d_]|(?<=[aAgGnNoOuUyYiIsScC])')+)"),
}
_VARIANT_CUES = {
    "2021": re.compile(r"[äğñöşūüçİÄĞÑÖŞŪÜÇ]"),
    "2018": re.compile(r"[áǵńóúýÁǴŃÓÚÝ]"),
    "2017": re.compile(r"[aAgGnNoOuUyYiIsScC]'(?=[^\W\d_]|\s|[.,;:!?)»”-]|$)"),
}
# Kazakh front-harmony suffixes (Latin), stripped from a loanword's end so that the stem's i is read
# as Russian и while the suffix keeps Kazakh і ("Prezidenttiñ" → Президенттің).
_FRONT_SUFFIXES = tuple(
    sorted(
        [
            *("ndegi", "degi", "tegi", "ligi", "digi", "tigi", "lerdiñ", "derdiñ", "terdiñ"),
            *("niñ", "diñ", "tiñ", "imiz", "iñiz", "miz", "ñiz", "siz", "lik", "dik", "tik", "lig", "dig"),
            *("tig", "ler", "der", "ter", "nde", "den", "ten", "nen", "men", "ben", "pen", "ge", "ke", "de"),
            *("te", "ne", "ni", "di", "ti", "si", "gi", "ki", "in", "i"),
        ],
        key=len,
        reverse=True,
    )
)
_RUSSIAN_ONLY = frozenset("цэьъёщ")
_FINAL_CA = re.compile(r"[^aäeioöuūüyıáóúý']{1,2}a")
_FRONT_CLUSTER = re.compile(r"(?:nk|kt|rk|zm|st|bl|mb|ft)[tdnls]?$")
_INITIAL_CLUSTER = re.compile(r"^[bcdfghjkpqstvwxzğşç][bcdfghjklmnpqrstvwxzğşç]")
_SURNAME_END = re.compile(r"(?:[oe]v(?:a|na|iç)?(?:[^aäeioöuūüyı]+[a-zäğñöşūüı]*)?)?$")
_LOAN_CUE = re.compile(r"[vfç]|ll|zm|iia|tr$|nt$|kt$|ks$|ps$")


@dataclass(frozen=True, slots=True)
class _Scheme:
    """One Latin alphabet, read towards Cyrillic: Latin sequence → candidate Cyrillic letters."""

    name: str
    to_cyr: dict[str, tuple[str, ...]]
    longest: int


@dataclass(frozen=True, slots=True)
class _Loans:
    words: dict[str, str]
    prefixes: dict[str, tuple[tuple[str, str], ...]]  # by the first two letters, longest first
    parts: tuple[tuple[str, str], ...]  # found anywhere in a word ("makroekonomika")


def _data_lines(name: str) -> list[list[str]]:
    text = resources.files("kopvector.language.kk").joinpath("data", name).read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]


def _read_table(name: str) -> dict[str, tuple[str, ...]]:
    to_cyr: dict[str, list[str]] = {}
    for cyr, lat, direction in _data_lines(f"latin_{name}.tsv"):
        if direction in ("both", "to_cyrillic") and lat:
            to_cyr.setdefault(lat, [])
            if cyr not in to_cyr[lat]:
                to_cyr[lat].append(cyr)
    return {lat: tuple(c) for lat, c in to_cyr.items()}


@cache
def _scheme(name: str) -> _Scheme:
    table = _read_table(name.replace("-", "_"))
    if name == "2021-strict":
        table = {**_read_table("2021"), **table}
    return _Scheme(name, table, max(len(k) for k in table))


@cache
def _to_latin_table() -> dict[str, str]:
    table: dict[str, str] = {}
    for row in _data_lines("latin_2021.tsv"):
        cyr, lat, direction = row
        if direction in ("both", "to_latin"):
            table.setdefault(cyr, lat)
    return table


@cache
def _acronyms() -> dict[str, str]:
    return {lat: cyr for lat, cyr in _data_lines("latin_acronyms.txt")}


@cache
def _loans() -> _Loans:
    words: dict[str, str] = {}
    prefixes: list[tuple[str, str]] = []
    parts: list[tuple[str, str]] = []
    for lat, cyr, kind in _data_lines("latin_loans.tsv"):
        if kind == "word":
            words[lat] = cyr
        else:
            (parts if kind == "part" else prefixes).append((lat, cyr))
    by_start: dict[str, list[tuple[str, str]]] = {}
    if any(len(lat) < 2 for lat, _ in prefixes):
        raise ValueError("latin_loans.tsv: a prefix needs two letters at least; use kind 'word'")
    for lat, cyr in sorted(prefixes, key=lambda p: -len(p[0])):
        by_start.setdefault(lat[:2], []).append((lat, cyr))
    parts.sort(key=lambda p: -len(p[0]))
    return _Loans(words, {k: tuple(v) for k, v in by_start.items()}, tuple(parts))


def detect_variant(text: str) -> str:
    """Which Latin alphabet `text` is written in: the one whose own letters occur most (2021 on a tie).

    A 2021 text is "2021-strict" when it follows the table to the letter — ı for і, i only for и/й, y
    for ы — seen as a dotless ı about as common as i, next to a common y. The usual practice writes і
    as i too; a writer who takes ı for ы uses few y, and harmony reads that ı as ы anyway.
    """
    counts = {name: len(cue.findall(text)) for name, cue in _VARIANT_CUES.items()}
    if counts["2017"] < 2:
        counts["2017"] = 0  # one apostrophe is a quote mark ('Astana'), not the 2017 alphabet
    best = max(("2021", "2017", "2018"), key=lambda name: counts[name])
    if counts[best] == 0 or best == "2021":
        dotless, dotted, y = text.count("ı"), text.count("i"), text.count("y")
        return "2021-strict" if dotless >= 3 and 2 * dotless >= dotted and 4 * y >= dotless else "2021"
    return best


def _fold(ch: str, variant: str) -> str:
    """Lower-case one Latin letter to one letter (str.lower turns İ into two characters)."""
    if ch == "I" and variant in ("2018", "2021-strict"):
        return "ı"
    if ch in "İI":
        return "i"
    return ch.lower()


def _digraph_ok(key: str, f: str, p: int) -> bool:
    """Whether the Latin digraph `key` at `f[p]` is one Cyrillic letter here or two."""
    n = len(f)
    after = f[p + len(key) :]
    if key in ("ia", "ıa", "i'a"):
        # я after a vowel or a consonant + l ("aiaq", "Rossiia", "infliatsiia"); и+а after other
        # consonants ("dialog", "material", "milliard", "sotsial").
        if p == 0 or f[p - 1] in _LAT_VOWELS or f[p - 1] == "'":
            return True
        return p >= 2 and f[p - 1] == "l" and f[p - 2] not in _LAT_VOWELS and f[p - 2] != "l"
    if key == "io":  # ё only in -ёр after a consonant: aktior, volontiorler; not million, region
        return p > 0 and f[p - 1] not in _LAT_VOWELS and after[:1] == "r" and after[1:2] not in _LAT_VOWELS
    if key == "iu":
        ium = after[:1] == "m" and after[1:2] not in _LAT_VOWELS  # -иум: konsortsium, premium
        return not (p > 0 and f[p - 1] not in _LAT_VOWELS and ium)
    if key == "ts":
        if p == 0 or p + 2 == n or f[p - 1] == "n":  # tsifr, kvarts, frantsuz, kontsert
            return True
        if after[:1] == "i":
            # Kazakh -сіз, -сің, -сін after a t-final stem ("sälemetsiz", "ketsin") are т+с.
            return not (after[1:2] in ("z", "ñ") or (after[1:2] == "n" and after[2:3] not in _LAT_VOWELS))
        if after[:1] == "e":
            return after[1:2] in ("n", "s", "r", "p", "l", "i", "v")  # protsent, Zaitsev
        return f[p - 1] == "e" and after[:1] not in _LAT_VOWELS  # -ец + suffix: marganetstiñ, nemetster
    return True


def _segment(w: str, f: str, p: int, stop: int, scheme: _Scheme) -> list[list]:
    """Split f[p:stop] into units [candidates, start, end, upper, forced] by longest table match.

    A forced unit (from latin_loans.tsv) carries its Latin original in place of `upper`.
    """
    units: list[list] = []
    n = stop
    while p < n:
        for size in range(min(scheme.longest, n - p), 0, -1):
            key = f[p : p + size]
            cands = scheme.to_cyr.get(key)
            if cands is not None and (size == 1 or _digraph_ok(key, f, p)):
                break
        else:
            cands, size = (w[p],), 1
        if scheme.name == "2018" and w[p] == "I":
            cands = ("і", "и", "й")
        units.append([cands, p, p + size, w[p].isupper(), False])
        p += size
    return units


def _row(letters: str) -> str:
    """Harmony row ("back", "front", "") of the last vowel in `letters`, as a suffix would hear it.

    и is front, as after Russian stems (министрдің, саммитінде; Arabic тарихи is listed data);
    у and ю are silent: у ends verbal nouns of both rows (беруді, бағалауды) and is a glide (äuleti).
    """
    for ch in reversed(letters):
        if ch in _BACK:
            return "back"
        if ch in _FRONT or ch == "и":
            return "front"
    return ""


def _local_harmony(rows: list[str], units: list[list], k: int) -> str:
    """Row of the vowel before unit k (Kazakh harmony runs forwards), else of the next sure vowel,
    else of the back consonants қ, ғ."""
    for row in reversed(rows):
        if row:
            return row
    for cands, *_ in units[k + 1 :]:
        if cands[0] not in _I_CLASS:
            row = _row(cands[0])
            if row:
                return row
    # No sure vowel at all ("ğılımdı" with ı for both і and ы): қ and ғ stand only in back words.
    return "back" if any(u[0][0] in ("қ", "ғ") for u in units) else "front"


def _is_loan(f: str, units: list[list], stem_end: int) -> bool:
    """Cues of a Russian or European stem, in which Latin i is и: clusters, f/v/ç, ц, listed э-words.

    The Russian surname ending of a Kazakh name does not count (Kärimov, Esimhanova keep і).
    """
    cue_end = min(stem_end, _SURNAME_END.search(f).start())
    return bool(
        _INITIAL_CLUSTER.match(f)
        or _LOAN_CUE.search(f, 0, cue_end)
        or any(not _RUSSIAN_ONLY.isdisjoint(u[0][0]) for u in units if len(u[0]) == 1)
    )


def _ends_in_vowel(stem: str) -> bool:
    """Whether a Latin stem ends in a vowel sound (the i of "ai", "ei" is the consonant й)."""
    return stem[-1] in _LAT_VOWELS and not (stem[-1] == "i" and len(stem) > 1 and stem[-2] in _LAT_VOWELS)


def _stem_end(f: str) -> int:
    """Where a loanword's stem ends: front suffixes are stripped while they fit the stem's last sound
    (n- follows vowels and m, n, ñ; s- vowels; l- anything; the rest consonants), so
    "universitetiniñ" → "universitet" and "Tszinpinniñ" → "Tszinpin"."""
    stem = f
    while len(stem) > 3:
        for suffix in _FRONT_SUFFIXES:
            cut = len(stem) - len(suffix)
            if cut < 3 or not stem.endswith(suffix):
                continue
            after_nasal = suffix[0] == "n" and stem[cut - 1] in "mnñ"
            if suffix[0] == "l" or after_nasal or _ends_in_vowel(stem[:cut]) == (suffix[0] in "ns"):
                stem = stem[:cut]
                break
        else:
            break
    return len(stem)


def _resolve(units: list[list], f: str, capitalized: bool) -> list[str]:
    """Pick one Cyrillic letter for every unit; only the i-letters have more than one candidate."""
    stem_end = _stem_end(f)
    loan = _is_loan(f, units, stem_end)
    only_i = all(u[0][0] in _I_CLASS for u in units)  # roman numerals written with і: "ii", "iii"
    out: list[str] = []
    rows: list[str] = []
    last = len(units) - 1
    for k, (cands, start, _end, _upper, _forced) in enumerate(units):
        prev = out[-1][-1] if out and out[-1] else ""
        nxt = units[k + 1][0][0] if k < last else ""
        if len(cands) == 1 or cands[0] not in _I_CLASS:
            letter = cands[0]  # е before э, х before һ: the rarer letters come from latin_loans.tsv
            if letter == "е" and k == 0 and loan and not capitalized and f[1:2] not in ("u", "v"):
                letter = "э"  # a Russian loan starting with e: effekt, emissiia (but euro, evrei, Elizaveta)
        elif "ы" in cands:  # 2021 dotless ı: і in front words, ы in back ones
            letter = "ы" if _local_harmony(rows, units, k) == "back" else "і"
        elif "й" in cands and prev in _Й_AFTER:
            letter = "й"
        elif "й" in cands and prev == "и" and (loan or (k == last and capitalized)):
            letter = "й"  # Russian -ий: Dmitrii → Дмитрий, kriteriileri → критерийлері
        elif "і" not in cands or (nxt[:1] in _CYR_VOWELS and nxt and not only_i):
            letter = "и"
        elif only_i:
            letter = "і"
        elif loan and start < stem_end:
            letter = "и"
        elif _FINAL_CA.fullmatch(f, start + 1):
            letter = "и"  # front words never end in -a: Mädina, Meksika, Argentina
        elif start >= stem_end and _FRONT_CLUSTER.search(f, 0, start):
            letter = "і"  # Kazakh reads Russian stems ending in a cluster as front: banktiñ, fakti
        else:
            letter = "и" if _local_harmony(rows, units, k) == "back" else "і"
        out.append(letter)
        rows.append(_row(letter))
    return out


def _forced_spans(f: str) -> list[tuple[int, int, str]]:
    """Stretches of the folded word spelled by latin_loans.tsv: one listed start, listed parts anywhere."""
    loans = _loans()
    spans: list[tuple[int, int, str]] = []
    for lat, cyr in loans.prefixes.get(f[:2], ()):
        if f.startswith(lat):
            spans.append((0, len(lat), cyr))
            break
    for lat, cyr in loans.parts:
        at = f.find(lat)
        if at >= 0 and all(at >= e or at + len(lat) <= s for s, e, _ in spans):
            spans.append((at, at + len(lat), cyr))
    return sorted(spans)


@lru_cache(maxsize=1 << 16)
def _kazakh_word(w: str, variant: str, after_hyphen: bool) -> tuple[tuple[str, int, int], ...]:
    """Transliterate one Kazakh word into pieces (Cyrillic, start, end) with offsets into `w`.

    Cached: news repeats its words, and the result depends on the word alone. A word after a hyphen
    is not looked up whole: "-si" is the suffix -сі, not the name Си.
    """
    scheme = _scheme(variant)
    f = "".join(_fold(ch, variant) for ch in w)
    whole = None if after_hyphen else _loans().words.get(f)
    if whole is not None and not (len(w) == 1 and w.isupper()):
        return ((_cased(whole, w), 0, len(w)),)
    units: list[list] = []
    p = 0
    for start, end, cyr in _forced_spans(f):
        units.extend(_segment(w, f, p, start, scheme))
        units.append([(cyr,), start, end, w[start:end], True])
        p = end
    units.extend(_segment(w, f, p, len(f), scheme))
    letters = _resolve(units, f, w[:1].isupper())
    return tuple(
        (_cased(letter, upper) if forced else (letter.upper() if upper else letter), start, end)
        for (_cands, start, end, upper, forced), letter in zip(units, letters, strict=True)
    )


def _cased(cyr: str, lat: str) -> str:
    if len(lat) > 1 and lat.isupper():
        return cyr.upper()
    if lat[:1].isupper():
        return cyr[:1].upper() + cyr[1:]
    return cyr


def _is_foreign(w: str, variant: str) -> bool:
    marks = _KAZAKH_MARKS[variant]
    if any(ch in marks for ch in w):
        return False
    if _ROMAN.fullmatch(w):
        return True  # XXI ğasyr, II düniejüzilik soğys
    if len(w) > 1 and w.isupper():
        return True
    return bool(_INNER_CAPITAL.match(w) or _FOREIGN_CLUSTERS[variant].search(w))


def latin_to_cyrillic(text: str, variant: str | None = None) -> MappedText:
    """Kazakh Latin → Cyrillic; foreign words, Latin acronyms, URLs and e-mails stay as they are.

    `variant` is one of VARIANTS; by default it is detected from the whole text, so a text is read with
    one alphabet and the apostrophes of 2017 are never taken for quotes in a 2021 text.
    """
    variant = variant or detect_variant(text)
    acronyms = _acronyms()
    scan = _SCAN[variant]
    words = [(m.start(), m.end(), m.lastgroup == "word") for m in scan.finditer(text)]
    foreign = [is_word and _is_foreign(text[s:e], variant) for s, e, is_word in words]
    _kazakh_caps_context(text, words, foreign, variant)
    _foreign_compounds(text, words, foreign)
    pieces: list[tuple[str, int, int]] = []
    pos = 0
    for (start, end, is_word), is_foreign in zip(words, foreign, strict=True):
        pieces.extend((text[i], i, i + 1) for i in range(pos, start))
        w = text[start:end]
        if is_word and w in acronyms:
            pieces.append((acronyms[w], start, end))
        elif is_word and not is_foreign:
            word_pieces = _kazakh_word(w, variant, text[start - 1 : start] == "-")
            pieces.extend((piece, start + a, start + b) for piece, a, b in word_pieces)
        else:
            pieces.extend((text[i], i, i + 1) for i in range(start, end))
        pos = end
    pieces.extend((text[i], i, i + 1) for i in range(pos, len(text)))
    return MappedText.build(pieces)


def _foreign_compounds(text: str, words: list[tuple[int, int, bool]], foreign: list[bool]) -> None:
    """A capitalised part hyphenated to a foreign word is foreign too (Wi-Fi, Coca-Cola); a lower-case
    part is a Kazakh suffix and stays to be transliterated (UNIFIL-diñ)."""
    for k in range(1, len(words)):
        start, _end, is_word = words[k]
        if is_word and foreign[k - 1] and words[k - 1][1] == start - 1 and text[start - 1] == "-":
            foreign[k] = foreign[k] or text[start].isupper()


def _kazakh_caps_context(
    text: str, words: list[tuple[int, int, bool]], foreign: list[bool], variant: str
) -> None:
    """All-caps Latin words in a caps headline are Kazakh, though they carry no Kazakh-only letter.

    A headline is a run of 3+ all-caps words parted by single spaces or hyphens, two of them surely
    Kazakh ("BEIBITŞILIK PEN QAUIPSIZDIK KEÑESI"); a pair of long words counts too ("QAZAQSTAN
    RESPUBLIKASY"). An acronym beside a Kazakh one is not a headline ("NATO BŪŪ-men", "EQYŪ (OSCE)"),
    and English spelling keeps a word foreign even in one.
    """
    caps = [is_word and e - s > 1 and text[s:e].isupper() for s, e, is_word in words]
    k = 0
    while k < len(words):
        if not caps[k]:
            k += 1
            continue
        run = [k]
        while run[-1] + 1 < len(words) and caps[run[-1] + 1]:
            gap = text[words[run[-1]][1] : words[run[-1] + 1][0]]
            if gap not in (" ", "-"):
                break
            run.append(run[-1] + 1)
        kazakh = [j for j in run if not foreign[j]]
        long_pair = len(run) == 2 and all(words[j][1] - words[j][0] >= 5 for j in run)
        if kazakh and ((len(kazakh) >= 2 and len(run) >= 3) or long_pair):
            for j in run:
                if not _FOREIGN_CLUSTERS[variant].search(text[words[j][0] : words[j][1]]):
                    foreign[j] = False
        k = run[-1] + 1


_CYR_WORD = re.compile(r"[^\W\d_]+")


def cyrillic_to_latin(text: str) -> str:
    """Kazakh Cyrillic → the 2021 Latin alphabet (і, и, й all as "i"; capital "I", not "İ")."""
    table = _to_latin_table()

    def word(m: re.Match[str]) -> str:
        w = m.group()
        all_caps = len(w) > 1 and w.isupper()
        out: list[str] = []
        for ch in w:
            low = ch.lower()
            lat = table.get(low)
            if lat is None:
                out.append(ch)
            elif ch == low:
                out.append(lat)
            elif all_caps:
                out.append(lat.upper())
            else:
                out.append(lat[:1].upper() + lat[1:])
        return "".join(out)

    return _CYR_WORD.sub(word, text)
