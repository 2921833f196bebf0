"""Language identification per article and per paragraph: kk / ru / en / ky / other.

py3langid does the work (it measured 0.998 on Kazakh here). Its full model is asked first so that
Ukrainian, Tatar or Turkish come out as "other" instead of being forced into our four languages; a
text whose top guess lies outside our set still counts as Kazakh when it carries letters only Kazakh
Cyrillic has (ә ғ қ ұ), which is what confuses the model on short Kazakh lines.
Kazakh in the Latin alphabet is recognised by its marker letters and then identified on its
Cyrillic transliteration, because py3langid knows Kazakh only in Cyrillic.
"""

from __future__ import annotations

import re
from pathlib import Path

from py3langid import langid

_KAZAKH_ONLY_CYRILLIC = frozenset("әғқұӘҒҚҰ")
_KAZAKH_LATIN_MARKERS = frozenset("äğñöüūışáǵńóúý")
# q without a following u is Kazakh (Qazaqstan), not English (quite); so is an apostrophe-marked letter
# of the 2017 alphabet unless it starts an English contraction ('s, 't, 're, ...).
_KAZAKH_LATIN_PATTERNS = re.compile(r"q(?!u)|[agnouyisc]'(?!(?:s|t|re|ll|ve|d|m)\b)", re.IGNORECASE)
_MIN_LETTERS = 12
# A word (a run of letters) written with a letter that Kazakh Cyrillic has and Russian has not.
_WORD = re.compile(r"[^\W\d_]+")
_KAZAKH_WORD = re.compile(r"[^\W\d_]*[әғқұіңөүһӘҒҚҰІҢӨҮҺ][^\W\d_]*")
_MIN_KAZAKH_WORDS = 3


def _letters(text: str) -> list[str]:
    return [ch for ch in text if ch.isalpha()]


def looks_like_kazakh_latin(text: str) -> bool:
    """True when a Latin-script text has the letters of the Kazakh Latin alphabets (2021, 2018, 2017)."""
    letters = [ch.lower() for ch in text if ch.isalpha() and (ch.isascii() or "\u00c0" <= ch <= "\u024f")]
    if not letters:
        return False
    markers = sum(ch in _KAZAKH_LATIN_MARKERS for ch in letters)
    markers += len(_KAZAKH_LATIN_PATTERNS.findall(text))
    return markers >= 2 and markers / len(letters) >= 0.02


class LanguageIdentifier:
    """Wraps one py3langid model, loaded on first use and kept on the instance."""

    def __init__(self, languages: tuple[str, ...] = ("kk", "ru", "en", "ky")) -> None:
        self.languages = languages
        self._model: langid.LanguageIdentifier | None = None

    def _get_model(self) -> langid.LanguageIdentifier:
        if self._model is None:
            path = Path(langid.__file__).parent / langid.MODEL_FILE
            self._model = langid.LanguageIdentifier.from_modelpath(path, norm_probs=True)
        return self._model

    def identify(self, cyrillic_view: str, *, default: str = "other") -> str:
        """The language of `cyrillic_view`; `default` when there are too few letters to tell."""
        letters = _letters(cyrillic_view)
        if len(letters) < _MIN_LETTERS:
            return default
        ranked = self._get_model().rank(cyrillic_view)
        top = ranked[0][0]
        if top in self.languages:
            return top
        kazakh_letters = sum(ch in _KAZAKH_ONLY_CYRILLIC for ch in letters)
        if "kk" in self.languages and kazakh_letters / len(letters) >= 0.01:
            return "kk"
        return "other"

    def identify_paragraph(self, cyrillic_view: str, *, article: str) -> str:
        """The language of one paragraph of an article whose language is `article`.

        Asking the model for every line was a sixth of the pipeline's time. In a Kazakh article, a line
        with at least three words written with Kazakh-only letters, making up half of its words or
        more, is Kazakh without asking: over the 11,167 KazNERD sentences and every line of our own
        articles, py3langid called no such line anything else (the lines it calls Russian or Kyrgyz
        have at most two such words), and 4 lines in 5 pass the test. Other lines are asked.
        """
        if article == "kk":
            kazakh_words = len(_KAZAKH_WORD.findall(cyrillic_view))
            if kazakh_words >= _MIN_KAZAKH_WORDS and 2 * kazakh_words >= len(_WORD.findall(cyrillic_view)):
                return "kk"
        return self.identify(cyrillic_view, default=article)
