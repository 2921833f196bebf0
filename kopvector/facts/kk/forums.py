"""Organisations a clause names as the forum of a meeting ("ШЫҰ саммитіне", "Бас Ассамблеясының отырысында").

A forum is where a meeting happens, not a party to it: membership leaves it out, a meeting takes it
as its organisation.
"""

from __future__ import annotations

from kopvector.document import Mention
from kopvector.facts.kk.discourse import Discourse
from kopvector.facts.kk.reader import Reader
from kopvector.facts.kk.roles import referred_organisation
from kopvector.facts.kk.view import View

_CLAUSE_MARKS = frozenset(",.;:!?")


def forums_in(read: Reader, view: View) -> set[str]:
    """Organisations the clause names as the forum of a meeting ("Бас Ассамблеясының отырысында")."""
    nouns = {i for i, t in enumerate(view.tokens) if read.inflects(t, read.cues["meeting"]["nouns"])}
    return {
        m.entity for m in view.mentions if m.entity.startswith("org:") and names_event(read, view, m, nouns)
    }


def forum_word(read: Reader, view: View, nouns: list[int], discourse: Discourse) -> str | None:
    """ "Ұйымның келесі саммиті": an organisation word right before a meeting noun is the one named;
    "келесі саммит", "үшінші саммитті" is the next of the summits in hand."""
    words = set(read.cues["organisation_words"])
    series = read.cues["meeting"]["series"]
    for n in nouns:
        ordinal = n and (view.words[n - 1] in series or view.tokens[n - 1].feats.get("NumType") == "Ord")
        if ordinal and read.inflects(view.tokens[n], read.cues["meeting"]["sessions"]):
            # the organisation the sentence is about ("Ұйымға ... төрағалық етті, ал келесі саммит ...")
            # before the last forum the article told of
            current = next(iter(view.organisations), None) or discourse.forum
            if current:
                return current
        # "ұйымның Тұрақты кеңесінің отырысында", "Кеңестің ... сенім шараларына арналған отырысын"
        for back in range(max(0, n - 8), n):
            if view.lemmas[back] in words and view.tokens[back].feats.get("Case") == "Gen":
                return referred_organisation(read, [view.lemmas[back]], discourse)
    return None


def names_event(read: Reader, view: View, mention: Mention, nouns: set[int]) -> bool:
    """True when a meeting noun follows the organisation within a few words ("ШЫҰ саммитіне",
    "ТМД мемлекет басшылары кеңесінің отырысы"), so the forum is its, not a role ("БҰҰ өкілі")."""
    own = view.after(mention) - 1  # the name's own last word may be the event ("... кездесуі")
    if own in nouns and read.inflects(view.tokens[own], read.cues["meeting"]["events"]):
        return True
    i = view.after(mention)
    for step in range(12):
        if i + step in nouns:
            return True
        if i + step >= len(view.tokens):
            return False
        token = view.tokens[i + step]
        if token.pos == "VERB" or token.norm in _CLAUSE_MARKS:
            return False
    return False
