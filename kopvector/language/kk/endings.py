"""The case endings of Kazakh nouns and names as they are written, for rules that read a word's ending.

The analyser finds suffixes through the morphotactics, but two later stages check an ending as
spelled where the analyser cannot know the stem or misreads it: the linker, for a foreign surname
repeated alone ("Шольцпен", "Кисиданың"), and the fact rules, for a cue noun the analyser takes for
another word ("шартты" read as "conditional"). Both start from this one table of the endings of the
six oblique cases right after a stem, and add the forms their own words take.
"""

from __future__ import annotations

# Genitive, dative, accusative, locative, ablative and instrumental after a bare stem, with the
# uninflected form: "Шольцтің", "Шольцке", "Шольцті", "Шольцте", "Шольцтен", "Шольцпен".
CASE_ENDINGS = frozenset(
    {""}
    | {"ның", "нің", "дың", "дің", "тың", "тің"}
    | {"ға", "ге", "қа", "ке"}
    | {"ны", "ні", "ды", "ді", "ты", "ті"}
    | {"да", "де", "та", "те"}
    | {"дан", "ден", "тан", "тен"}
    | {"мен", "бен", "пен"}
)
# The locative made an adjective ("Бішкектегі саммит", "Ауғанстандағы жағдай"): the place of what follows.
LOCATIVE_ATTRIBUTIVE = ("дағы", "дегі", "тағы", "тегі")
