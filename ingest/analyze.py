"""German text analysis for BM25: tokens, stop words, Snowball stems, compound parts.

German glues nouns together, so "Sicherheitsgarantien" would never match a question
about "Garantien". A long word is split against the corpus vocabulary into known parts
(with the linking "s"/"es"/"n"/"en" between them), and the parts' stems are indexed
beside the whole word's stem. Questions are analysed the same way against the same
vocabulary, which the index stores.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache

import Stemmer

_WORD = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+(?:[-'][^\W\d_]+)*", re.UNICODE)
GERMAN_STOP = set(
    """aber alle allem allen aller alles als also am an ander andere anderem anderen anderer anderes
    auch auf aus bei bin bis bist da damit dann das dass dasselbe dazu dein deine dem den denn der des
    dessen die dies diese diesem diesen dieser dieses doch dort du durch ein eine einem einen einer
    eines er es etwas euch euer für gegen gewesen hab habe haben hat hatte hatten hier hin hinter ich
    ihm ihn ihnen ihr ihre im in indem ins ist jede jedem jeden jeder jedes jene jenem jenen jener
    jenes jetzt kann kein keine können könnte machen man manche mein meine mich mir mit muss musste
    nach nicht nichts noch nun nur ob oder ohne sehr sein seine sich sie sind so solche soll sollte
    sondern sonst über um und uns unser unter viel vom von vor war waren warst was weg weil weiter
    welche welchem welchen welcher welches wenn werde werden wie wieder will wir wird wirst wo wollen
    wollte würde würden zu zum zur zwar zwischen wer wem wen wessen wann warum wieso weshalb woher
    wohin womit worüber wieviel viele sagt sagte laut gibt""".split()
)
ENGLISH_STOP = set(
    """a about above after again against all am an and any are as at be because been before being
    below between both but by can could did do does doing down during each few for from further had
    has have having he her here hers herself him himself his how i if in into is it its itself just
    me more most my myself no nor not now of off on once only or other our ours out over own same she
    should so some such than that the their theirs them themselves then there these they this those
    through to too under until up very was we were what when where which while who whom why will with
    would you your yours according did does say said says many much""".split()
)
_LINKS = ("", "s", "es", "n", "en", "e", "er")
MIN_PART = 4
MIN_COMPOUND = 9
MAX_COMPOUND = 80  # longer than any German compound in use ("Rindfleischetikettierungs…gesetz" is 63)


def words(text: str) -> list[str]:
    """Lower-cased word tokens; "1.000" becomes "1000"."""
    return [w.replace(".", "").replace(",", "") if w[0].isdigit() else w for w in _WORD.findall(text.lower())]


@lru_cache(maxsize=1)
def _stemmer() -> Stemmer.Stemmer:
    return Stemmer.Stemmer("german")


def stem(word: str) -> str:
    """Snowball German stem (umlauts and ß folded)."""
    return str(_stemmer().stemWord(word))


def split_compound(word: str, vocab: dict[str, int]) -> list[str]:
    """Known parts of a compound, best split by the geometric mean of part frequencies.

    Returns [] when `word` is short, longer than any compound (MAX_COMPOUND: a pasted
    URL or a run of letters), or no split into known words exists. Each tail is split once
    (memoised), so the cost grows with the square of the word's length, not exponentially.
    """
    if len(word) < MIN_COMPOUND or "-" in word:
        return [p for p in word.split("-") if len(p) >= MIN_PART] if "-" in word else []
    if len(word) > MAX_COMPOUND:
        return []
    return _split(word, vocab, {})


def _split(word: str, vocab: dict[str, int], memo: dict[str, list[str]]) -> list[str]:
    if len(word) < MIN_COMPOUND:
        return []
    if word in memo:
        return memo[word]
    best: tuple[float, list[str]] = (0.0, [])
    for i in range(MIN_PART, len(word) - MIN_PART + 1):
        head_full, tail = word[:i], word[i:]
        if tail not in vocab and not _split(tail, vocab, memo):
            continue
        for link in _LINKS:
            if link and not head_full.endswith(link):
                continue
            head = head_full[: len(head_full) - len(link)] if link else head_full
            if len(head) < MIN_PART or head not in vocab:
                continue
            tail_parts = [tail] if tail in vocab else _split(tail, vocab, memo)
            parts = [head, *tail_parts]
            score = math.exp(sum(math.log(vocab.get(p, 1)) for p in parts) / len(parts))
            if score > best[0]:
                best = (score, parts)
    memo[word] = best[1]
    return best[1]


def build_vocab(texts: Iterable[str]) -> dict[str, int]:
    """Word frequencies of a corpus, the vocabulary compounds are split against."""
    counts: Counter[str] = Counter()
    for t in texts:
        ws = words(t)
        counts.update(ws)
        counts.update(p for w in ws if "-" in w for p in w.split("-") if p)  # "UN-Einsatz" -> "un"
    return dict(counts)


def lexicon_words(vocab: dict[str, int]) -> list[str]:
    """The content words worth a vector: alphabetic, at least 4 letters, not stop words."""
    return sorted(w for w in vocab if len(w) >= 4 and w.isalpha() and w not in GERMAN_STOP and w not in ENGLISH_STOP)


def analyze(text: str, vocab: dict[str, int] | None = None, compounds: bool = True) -> list[str]:
    """BM25 terms: stems of non-stop words, plus stems of compound parts."""
    terms: list[str] = []
    for w in words(text):
        terms.extend(_word_terms(w, vocab if compounds else None))
    return terms


def analyze_many(texts: Iterable[str], vocab: dict[str, int]) -> list[list[str]]:
    """`analyze` of many texts against one vocabulary, each distinct word analysed once
    (an archive repeats its words: splitting every occurrence was most of an ingest)."""
    memo: dict[str, tuple[str, ...]] = {}
    out = []
    for text in texts:
        terms: list[str] = []
        for w in words(text):
            got = memo.get(w)
            if got is None:
                got = memo[w] = tuple(_word_terms(w, vocab))
            terms.extend(got)
        out.append(terms)
    return out


def _word_terms(w: str, vocab: dict[str, int] | None) -> list[str]:
    if w in GERMAN_STOP or w in ENGLISH_STOP:
        return []
    if vocab is None:
        return [stem(w)]
    return [stem(w), *(stem(p) for p in split_compound(w, vocab) if p not in GERMAN_STOP)]


def detect_language(text: str) -> str:
    """'de' or 'en', by stop words; a tie goes to German, the corpus language."""
    ws = words(text)
    de = sum(1 for w in ws if w in GERMAN_STOP)
    en = sum(1 for w in ws if w in ENGLISH_STOP)
    return "en" if en > de else "de"
