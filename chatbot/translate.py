"""Cross-lingual BM25: German corpus words for the words of an English question.

English words never match German text, so BM25 is of little use for English
questions. Each content word and each pair of neighbouring words of the question is
embedded with the same model as the corpus's own content words (stored in the index
as its lexicon), and the nearest German words above a similarity threshold join the
BM25 query: "ground troops" finds "bodentruppen", "peacekeepers" "friedenswächter".
Before them come the word's translations in a bilingual dictionary that the corpus uses
(`dictionary_words`): the vectors alone take "peace" for "presse", the dictionary says
"frieden".

Does not embed by itself: the caller embeds the question's phrases (`translatable.py`) with it.
"""

from __future__ import annotations

import itertools
import re

import numpy as np

from chatbot import dictionary
from chatbot.known import compounds_ending
from chatbot.spellings import begins_like, name_key
from ingest import ann
from ingest.analyze import GERMAN_STOP, stem
from ingest.store import IndexData

THRESHOLD = 0.88
PER_PHRASE = 5
PER_GLOSS = 3  # a dictionary's translations of one phrase that the corpus uses, the closest by vector

# inflected forms of a German dictionary word ("dauerhaft" -> "dauerhaften", "stehen" -> "steht")
_NOUN_ADJ_ENDINGS = ("", "e", "en", "er", "es", "em", "n", "s", "ern", "nen")
_VERB_ENDINGS = ("t", "te", "ten", "et", "st", "e")  # "e": the subjunctive of reported speech ("… fehle")


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


def english_lemmas(word: str) -> list[str]:
    """The word and the dictionary forms it may be inflected from: "stands" -> "stand",
    "weighed" -> "weigh", "hosting" -> "host", "countries" -> "country"."""
    out = [word]
    for ending, repl in (("ies", "y"), ("es", ""), ("s", ""), ("ed", ""), ("ed", "e"), ("ing", ""), ("ing", "e")):
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            out.append(word[: -len(ending)] + repl)
    return list(dict.fromkeys(out))


def english_glosses(word: str) -> list[str]:
    """An English word's dictionary translations, of the word and of the forms it may be
    inflected from (`english_lemmas`), in the dictionary's order. Empty without a dictionary."""
    return [g for lemma in english_lemmas(word.lower()) for g in dictionary.glosses(lemma)]


def english_synonym_glosses(word: str) -> list[str]:
    """The dictionary translations of an English word's synonyms, of the word and of the
    forms it may be inflected from ("ceasefire" through "truce": "waffenstillstand")."""
    return [g for lemma in english_lemmas(word.lower()) for g in dictionary.synonym_glosses(lemma)]


def dictionary_stems(word: str) -> set[str]:
    """The stems of an English word's dictionary translations ("soldiers" -> "soldat",
    "engagement" -> "einsatz", "beteiligung", …): what surely names it, unlike a word that
    is merely near it by vector ("lineages" -> "verhältnis"). Empty without a dictionary."""
    return {stem(g) for g in english_glosses(word) if "-" not in g}


def used_dictionary_stems(word: str, index: IndexData) -> set[str]:
    """The stems of the corpus words among an English word's dictionary translations, with
    a verb's forms ("party": "trupp", as the articles write "Truppen"; "write": "schrieb");
    empty when the articles use none ("book"), or without a dictionary."""
    glosses = [g for g in english_glosses(word) if "-" not in g]
    used = _used_forms(glosses, index.lexicon_rows())
    if not used:  # only a synonym's translation ("ceasefire" through "truce": "waffenstillstand")
        used = _used_forms([g for g in english_synonym_glosses(word) if "-" not in g], index.lexicon_rows())
    return {stem(w) for w in used}


def _used_forms(glosses: list[str], rows: dict[str, int]) -> list[str]:
    """The corpus words (`rows`) among the glosses' inflections and the verb forms the
    dictionary lists ("speak": "sprechen", "gesprochen"), once each, in order."""
    forms = (w for g in glosses for w in (*german_inflections(g), *_with_zu(g, dictionary.verb_forms(g))))
    return list(dict.fromkeys(w for w in forms if w in rows))


def _with_zu(verb: str, forms: tuple[str, ...]) -> tuple[str, ...]:
    """A verb's forms and, for a separable verb, its infinitive with "zu", whose prefix its
    participle shows ("durchsetzen", "durchgesetzt": "durchzusetzen")."""
    for form in forms:
        at = form.find("ge", 2)
        prefix, rest = form[:at], verb[at:]
        # the participle: prefix, "ge", then the verb's own stem ("durch|ge|setzt" of "durch|setzen")
        if at > 0 and form != verb and verb.startswith(prefix) and len(rest) > 3 and form[at + 2 : at + 3] == rest[:1]:
            return (*forms, f"{prefix}zu{rest}")
    return forms


def function_word(word: str) -> bool:
    """Does an English word's first dictionary sense translate to a German stop word ("else":
    "sonst", "anything": "etwas")? It then asks for nothing of its own."""
    glosses = english_glosses(word)
    return bool(glosses) and glosses[0] in GERMAN_STOP


def german_inflections(word: str) -> list[str]:
    """Forms the corpus may use for a German dictionary word, by its endings."""
    root = word[:-2] if word.endswith("en") else word[:-1] if word.endswith("n") else word
    return [word + e for e in _NOUN_ADJ_ENDINGS] + [root + e for e in _VERB_ENDINGS]


def dictionary_words(
    index: IndexData, phrase_list: list[str], phrase_vectors: np.ndarray, per_phrase: int = PER_GLOSS
) -> dict[str, list[str]]:
    """For each phrase, the corpus words among its dictionary translations ("peace" ->
    "frieden", "friedens"), the senses closest to the phrase by vector first ("support"
    is "unterstützung" here, not "auflage"). Empty without a dictionary."""
    if not dictionary.available() or not len(index.lexicon):
        return {}
    rows = index.lexicon_rows()
    out: dict[str, list[str]] = {}
    for phrase, vec in zip(phrase_list, phrase_vectors, strict=True):
        glosses = english_glosses(phrase)
        used = _used_forms(glosses, rows)  # a verb's inflections and forms ("speak": "sprechen", "gesprochen")
        if not used:  # the corpus uses a translation only as a compound's last part ("missiles": "langstreckenraketen")
            used = list(dict.fromkeys(w for g in glosses for w in compounds_ending(g, index) if w in rows))
        if not used:  # the corpus uses the noun's verb ("rejection": "ablehnung" -> "ablehnende")
            used = list(dict.fromkeys(w for g in glosses for w in _verbal_forms(g) if w in rows))
        if not used and " " in phrase:  # two words that German writes as one ("peace troops": "friedenstruppe")
            used = [w for w in _compounds(phrase.lower(), index) if w in rows]
        if not used:  # only a synonym's translation ("ceasefire" through "truce": "waffenstillstand")
            synonyms = english_synonym_glosses(phrase)
            used = list(dict.fromkeys(w for g in synonyms for w in german_inflections(g) if w in rows))
        if not used:  # a compound the corpus writes as two words ("rare earths": "seltenerden", "Seltenen Erden")
            used = list(dict.fromkeys(w for g in glosses for w in _split_compound(g, rows)))
        if used:
            out[phrase] = nearest_first(used, vec, index)[:per_phrase]
    return out


def nearest_first(corpus_words: list[str], vec: np.ndarray, index: IndexData) -> list[str]:
    """Corpus words (all in the lexicon), the closest to `vec` first, ties in their order."""
    rows = index.lexicon_rows()
    return sorted(corpus_words, key=lambda w: -float(index.lexicon_vectors[rows[w]] @ vec))


def _verbal_forms(noun: str) -> list[str]:
    """The forms of the verb a German "-ung" noun is made from that keep the noun's stem,
    its participle declined ("ablehnung": "ablehnen", "ablehnende"; not "lehnt", which
    "abstammung" would share with every "stammt"); none for other words."""
    if not noun.endswith("ung") or " " in noun:
        return []
    root = noun[:-3]
    forms = dictionary.verb_forms(root + "en") or (root + "en",)
    return [w for form in forms if form.startswith(root) for w in (form, *german_inflections(form))]


_PART = 4  # letters at least in each part of a compound split in two


def _split_compound(gloss: str, rows: dict[str, int]) -> list[str]:
    """The corpus's words for both parts of a German compound it never uses as one word
    ("seltenerden": "seltenen", "erden"), the first split with both parts in it; none when
    no split is."""
    if " " in gloss:
        return []
    for at in range(_PART, len(gloss) - _PART + 1):
        first = [w for w in german_inflections(gloss[:at]) if w in rows]
        last = [w for w in german_inflections(gloss[at:]) if w in rows]
        if first and last:
            return [*first, *last]
    return []


def _compounds(pair: str, index: IndexData) -> list[str]:
    """The corpus's compounds of two English words' translations, the first word's before the
    second's: "peace troops" -> "friedenstruppe", "ground troops" -> "bodentruppen"."""
    first, last = pair.split(" ", 1)
    heads = {g.lower() for lemma in english_lemmas(last) for g in dictionary.glosses(lemma) if " " not in g}
    starts = {g.lower() for lemma in english_lemmas(first) for g in dictionary.glosses(lemma) if " " not in g}
    starts = {g[:-1] if g.endswith("e") else g for g in starts if len(g) >= 4}  # "friede": "friedens…"
    found = (w for h in sorted(heads) for w in compounds_ending(h, index))
    return list(dict.fromkeys(w for w in found if any(w.startswith(s) for s in starts)))


def as_close_as_dictionary(
    index: IndexData,
    phrase_list: list[str],
    phrase_vectors: np.ndarray,
    by_dictionary: dict[str, list[str]],
    by_vector: dict[str, list[str]],
) -> dict[str, list[str]]:
    """The nearest words by vector, of a phrase the dictionary translates only those at least as
    close as its closest translation: "argument" keeps "diskussion" (as close as the dictionary's
    "diskussion") and loses "angaben" and "angriff"; "front line" keeps "frontlinie"; a compound
    of a translation stays ("general": "generalstabschef")."""
    rows = index.lexicon_rows()
    out = {}
    for phrase, vec in zip(phrase_list, phrase_vectors, strict=True):
        found = by_vector.get(phrase, [])
        if phrase in by_dictionary and found:
            floor = max(float(index.lexicon_vectors[rows[w]] @ vec) for w in by_dictionary[phrase])
            parts = by_dictionary[phrase]  # "generalstabschef" names a "general"
            found = [
                w
                for w in found
                if float(index.lexicon_vectors[rows[w]] @ vec) >= floor or any(p in w for p in parts if len(p) >= 4)
            ]
        if found:
            out[phrase] = found
    return out


def merged(*found: dict[str, list[str]]) -> dict[str, list[str]]:
    """Each phrase's words from all sources, in order, once."""
    out: dict[str, list[str]] = {}
    for part in found:
        for phrase, ws in part.items():
            out[phrase] = list(dict.fromkeys([*out.get(phrase, []), *ws]))
    return out


def all_words(found: dict[str, list[str]]) -> list[str]:
    """Every German word found, once, in the order the phrases gave them."""
    return list(dict.fromkeys(w for ws in found.values() for w in ws))


def german_forms(
    focus: tuple[str, ...],
    names: tuple[str, ...],
    found: dict[str, list[str]],
    by_dictionary: dict[str, list[str]] | None = None,
) -> dict[str, tuple[str, ...]]:
    """The German corpus words for each focus word. A name keeps only words that begin like
    it, all but its last letters ("Ischinger" -> "ischingers", "Ukraine" -> "ukrainische";
    not "Erdogan" -> "erden"), are its German transliteration ("Zakharova" -> "sacharowa")
    or its translation in the dictionary (`by_dictionary`: "Crimea" -> "krim"): a nearby
    vector is no translation of a name ("China" is not "russland")."""
    out = {}
    for w in focus:
        forms = found.get(w.lower(), [])
        if w in names:
            key = name_key(w)
            given = (by_dictionary or {}).get(w.lower(), [])
            forms = [f for f in forms if begins_like(f, w.lower()) or name_key(f).startswith(key) or f in given]
        out[w] = tuple(forms)
    return out


def with_phrases(
    german: dict[str, tuple[str, ...]], names: tuple[str, ...], by_dictionary: dict[str, list[str]]
) -> dict[str, tuple[str, ...]]:
    """Each word of a two-word phrase that the dictionary translates as one word gets that
    word too: "force" in "peacekeeping force" is "friedenstruppe", where "force" alone is
    "gewalt" or "zwang". A name gets it only from a name of two words ("National Anthem":
    "nationalhymne"); otherwise names keep their own forms."""
    out = dict(german)
    lower_names = {n.lower() for n in names}
    for phrase, forms in by_dictionary.items():
        if " " not in phrase:
            continue
        parts = phrase.split()
        whole_name = all(p in lower_names for p in parts)
        for w in out:
            if w.lower() in parts and (w not in names or whole_name):
                out[w] = tuple(dict.fromkeys([*out[w], *forms]))
    return out


def lone_names(text: str, names: tuple[str, ...], by_dictionary: dict[str, list[str]]) -> dict[str, list[str]]:
    """The dictionary's translations of the names that stand alone ("Crimea" -> "krim"), not
    of a word of a longer name, which is no name by itself ("White" in "White House")."""
    words = re.findall(r"[\w\-]+", text)
    in_longer = {w for a, b in itertools.pairwise(words) if a in names and b in names for w in (a, b)}
    return {n.lower(): by_dictionary[n.lower()] for n in names if n not in in_longer and n.lower() in by_dictionary}
