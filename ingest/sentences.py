"""German-aware sentence boundaries, shared by the chunker and the answer composer.

A boundary is the whitespace after `.`, `!`, `?` or `…` (and any closing quote) that
is followed by a capital, a digit or an opening quote. It is not a boundary after an
abbreviation ("z. B.", "Nr.", "Dr.", "D.C."), after a single letter or digit ("Artikel
5."? kept together, as is "J. F."), or after an ordinal before a month ("am 18. August").
Numbers such as "1.000" hold no whitespace and are never split. Line breaks always are.
"""

from __future__ import annotations

import re

_ABBREVIATIONS = (
    "Nr Dr Prof bzw ca vgl Mio Mrd Str St Abs Art Jh Jhd inkl evtl ggf sog Hr Fr Gen Min Sen "
    "Rep Mr Mrs Ms Jr Sr vs bspw geb gest Tel Hrsg Bd Kap Bsp Co Inc Ltd Abg Gen Kdt Oberst Pfr"
).split()
_ORDINAL_NOUNS = (
    "Januar Februar März April Mai Juni Juli August September Oktober November Dezember "
    "Jahrhundert Jahrhunderts Mal Platz Stelle Lebensjahr Geburtstag Jahrestag Stock Etage "
    "Klasse Liga Kapitel Armee Division Flotte Sitzung Runde Amtszeit Legislaturperiode"
).split()

_not_abbrev = "".join(rf"(?<!\b{re.escape(a)}\.)" for a in sorted(set(_ABBREVIATIONS)))
_not_ordinal = r"(?:(?<!\d\.)|(?!\s+(?:{})\b))".format("|".join(_ORDINAL_NOUNS))
_next_starts = r"(?=[„\"»“‚'(\[A-ZÄÖÜ0-9])"

#: Regex matching the whitespace between two sentences inside one line.
SENTENCE_BOUNDARY = (
    r"(?:"
    rf"(?<=[.!?…]){_not_abbrev}(?<!\b\w\.){_not_ordinal}"
    r"|(?<=[.!?…][“”\"»«’)\]])"
    rf")[ \t]+{_next_starts}"
)
_BOUNDARY_RE = re.compile(SENTENCE_BOUNDARY)
_LINE_RE = re.compile(r"[^\n]+")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Character spans (start, end) of the sentences in `text`, stripped of whitespace."""
    spans: list[tuple[int, int]] = []
    for line in _LINE_RE.finditer(text):
        start = line.start()
        for m in _BOUNDARY_RE.finditer(text, line.start(), line.end()):
            spans.append((start, m.start()))
            start = m.end()
        spans.append((start, line.end()))
    return [_strip(text, s, e) for s, e in spans if text[s:e].strip()]


def split_sentences(text: str) -> list[str]:
    """The sentences of `text` as strings."""
    return [text[s:e] for s, e in sentence_spans(text)]


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
