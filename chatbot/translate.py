"""Cross-lingual BM25: German corpus words for the words of an English question.

English words never match German text, so BM25 is of little use for English
questions. Each content word and each pair of neighbouring words of the question is
embedded with the same model as the corpus's own content words (stored in the index
as its lexicon), and the nearest German words above a similarity threshold join the
BM25 query: "ground troops" finds "bodentruppen", "peacekeepers" "friedenswächter".

Does not embed by itself: the caller embeds `phrases(question)` with the question.
"""

from __future__ import annotations

import itertools
import re

import numpy as np

from ingest import ann
from ingest.analyze import ENGLISH_STOP, words
from ingest.store import IndexData

THRESHOLD = 0.88
PER_PHRASE = 5
MAX_PHRASES = 8


def phrases(question: str) -> list[str]:
    """Content words of the question and the pairs of neighbouring content words."""
    ws = [w for w in words(question) if w not in ENGLISH_STOP and len(w) > 2 and not w[0].isdigit()]
    pairs = [f"{a} {b}" for a, b in itertools.pairwise(ws)]
    return list(dict.fromkeys(ws + pairs))[:MAX_PHRASES]


def translate(
    index: IndexData,
    phrase_list: list[str],
    phrase_vectors: np.ndarray,
    threshold: float = THRESHOLD,
    per_phrase: int = PER_PHRASE,
) -> dict[str, list[str]]:
    """For each phrase, the corpus words nearest to its vector (cosine >= threshold), best first."""
    if not len(index.lexicon) or not len(phrase_vectors):
        return {}
    sims, rows = ann.search(index.lexicon_index(), phrase_vectors, per_phrase)  # searched, not scanned
    out: dict[str, list[str]] = {}
    for phrase, sim, row in zip(phrase_list, sims, rows, strict=True):
        found = [index.lexicon[int(j)] for s, j in zip(sim, row, strict=True) if j >= 0 and s >= threshold]
        if found:
            out[phrase] = found
    return out


def all_words(found: dict[str, list[str]]) -> list[str]:
    """Every German word found, once, in the order the phrases gave them."""
    return list(dict.fromkeys(w for ws in found.values() for w in ws))


def german_forms(
    focus: tuple[str, ...], names: tuple[str, ...], found: dict[str, list[str]]
) -> dict[str, tuple[str, ...]]:
    """The German corpus words for each focus word. A name keeps only words that begin like
    it ("Ischinger" -> "ischingers") or are its German transliteration ("Zakharova" ->
    "sacharowa"): a nearby vector is no translation of a name ("China" is not "russland")."""
    out = {}
    for w in focus:
        forms = found.get(w.lower(), [])
        if w in names:
            key = name_key(w)
            forms = [f for f in forms if f[:3] == w.lower()[:3] or name_key(f).startswith(key)]
        out[w] = tuple(forms)
    return out


def spelling_variants(names: tuple[str, ...], found: dict[str, list[str]]) -> dict[str, tuple[str, ...]]:
    """For a German question's names, the corpus's other spellings of the same name
    (`found`: each name's lexicon neighbours): "Selenskyj" -> "zelensky", as one article
    writes it. Only a transliteration counts, never a neighbour that merely looks alike."""
    out = {}
    for w in names:
        key = name_key(w)
        forms = tuple(f for f in found.get(w.lower(), []) if f != w.lower() and name_key(f) == key)
        if forms:
            out[w] = forms
    return out


# English and German transliterate Russian and Ukrainian names differently ("Zakharova" /
# "Sacharowa", "Zelensky" / "Selenskyj", "Lavrov" / "Lawrow"): both spellings share a key
_TRANSLITERATION = (("sch", "s"), ("sh", "s"), ("zh", "s"), ("kh", "h"), ("ch", "h"), ("z", "s"), ("w", "v"))


def name_key(name: str) -> str:
    """The spelling-neutral key of a name: "Zakharova" and "Sacharowa" -> "saharova"."""
    key = name.lower()
    for a, b in _TRANSLITERATION:
        key = key.replace(a, b)
    key = key.replace("yj", "y").replace("j", "y")
    return re.sub(r"(.)\1", r"\1", key)
