"""Word forms read as written, where the morphological analyser misreads them.

The analyser does not know foreign surnames ("Блинкенді") and takes some inflected nouns for other
words ("шартты" for the adjective "conditional"), so a few rules check the ending itself. The ending
tables they use, and the plain phrase test, live here, apart from any clause or catalog.
"""

from __future__ import annotations

from kopvector.document import Token
from kopvector.language.kk.endings import CASE_ENDINGS

# Accusative endings, read on the form: the analyser may not know a foreign surname ("Блинкенді").
_ACCUSATIVE = ("ды", "ді", "ты", "ті", "ны", "ні")


def accusative(token: Token) -> bool:
    """Whether a name's last word is in the accusative ("Блинкенді"), read on the form because the
    analyser misses it on foreign names; a possessive title ("Президенті") only looks like one."""
    word = token.norm.lower()
    if token.feats.get("Person[psor]") and not word.endswith(("ны", "ні")):
        return False  # "Президенті"; but "Помпеоны", which the analyser also reads as possessive
    return token.feats.get("Case") == "Acc" or word.endswith(_ACCUSATIVE)


# Case, plural and possessive endings of a noun, read on the form where the analyser misreads it.
_CASES = ("", "н", "на", "не", "нда", "нде", "нан", "нен", "ның", "нің", "мен")
NOUN_ENDINGS = (
    CASE_ENDINGS
    | {"тар", "тер", "дар", "дер"}
    | {possessive + case for possessive in ("ы", "і", "сы", "сі") for case in _CASES}
)
# Possessive (and case) endings an office word takes in a title: "Президенті", "министрінің".
TITLE_ENDINGS = frozenset(
    {"", "і", "ы", "сі", "сы", "лері", "лары", "дері", "дары", "тері", "тары"}
    | {"нің", "ның", "не", "на", "мен", "інің", "ының", "іне", "ына", "імен", "ымен", "сінің", "сының"}
)


def contains(lemmas: list[str], form: list[str]) -> bool:
    n = len(form)
    if form and form[0] not in lemmas:
        return False  # most clauses lack the first word: one scan in C instead of a slice per word
    return any(lemmas[i : i + n] == form for i in range(len(lemmas) - n + 1))
