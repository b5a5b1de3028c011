"""German synonyms for the nouns of a German question that the articles never use:
"Heer" -> "armee", "Hürden" -> "hindernis", "Fahrgäste" -> "passagiere".

A reader paraphrases ("Wie groß müsste das ukrainische Heer sein?" for "… einer
ukrainischen Armee von etwa 200.000 Soldaten"); a word the corpus lacks then looks like
a topic the articles never cover. The thesaurus is OpenThesaurus (Debian's `mythes-de`,
LGPL-2.1), compiled once at install time into a table on disk, like the dictionary:

    python -m chatbot.thesaurus build [--source FILE] [--out FILE]
    synonyms("Hürden")        # ("barriere", "behinderung", "blockade", …, "hindernis", …)

Only synonyms proper that are nouns are kept: a broader or narrower word ("Person" for
"Gast", marked "Oberbegriff"), verbs and phrases are left out. When the thesaurus has no
synonym the corpus uses, the words sharing one of the noun's English translations in the
dictionary stand in ("Waffenruhe" -> "ceasefire" -> "waffenstillstand"). Without the table
the question keeps its words.
"""

from __future__ import annotations

import os
import re
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

import numpy as np

from chatbot.dictionary import build_command, english, glosses, look_up, verb_forms, write_tables
from chatbot.known import is_known
from chatbot.translate import PER_GLOSS, german_inflections, nearest_first
from ingest.store import IndexData

SOURCE = Path("/usr/share/mythes/th_de_DE_v2.dat")  # Debian's mythes-de (OpenThesaurus)
DEFAULT_TABLE = Path(__file__).resolve().parent.parent / "models" / "thesaurus-de.sqlite"
_RELATED = re.compile(r"\((?:Oberbegriff|Unterbegriff|Gegenbegriff|Gegenteil|Antonym)\)")
_NOTE = re.compile(r"\([^)]*\)")
_WORD = re.compile(r"^[^\W\d_][\w-]*$")
# a plural's or case's ending, and its umlaut, back to the entry: "Hürden" -> "hürde", "Fahrgäste" -> "fahrgast"
_ENDINGS = ("", "n", "en", "e", "s", "er", "ern", "nen", "es")
_UMLAUT = str.maketrans("äöü", "aou")
AMBIGUOUS = 3  # distinct synonyms in the corpus beyond which a noun's sense is anyone's guess


def parse(lines: Iterable[str]) -> dict[str, list[str]]:
    """Entry word (lower case) -> its synonyms that are nouns (capitalised; kept in lower
    case, single words, in the thesaurus's order). The format: "heer|3", then three lines
    "-|Heer|Masse|…", one per sense."""
    table: defaultdict[str, list[str]] = defaultdict(list)
    entry = ""
    for line in lines:
        line = line.rstrip("\n")
        if not line.startswith("-|") and not line.startswith("("):
            entry = line.split("|", 1)[0].strip().lower()
            continue
        if not entry or not _WORD.match(entry):
            continue
        for term in line.split("|")[1:]:
            if _RELATED.search(term):
                continue
            word = _NOTE.sub("", term).strip()
            if _WORD.match(word) and word[0].isupper() and word.lower() != entry and word.lower() not in table[entry]:
                table[entry].append(word.lower())
    return {k: v for k, v in table.items() if v}


def build(source: Path = SOURCE, out: Path = DEFAULT_TABLE) -> int:
    """Compile the thesaurus at `source` into the table at `out`; the number of entries."""
    with source.open(encoding="utf-8", errors="replace") as f:
        table = parse(f)
    if not table:
        raise ValueError('no entries in the MyThes format ("heer|2", then "-|Heer|Armee|…")')
    write_tables(out, {("synonyms", "word", "synonyms"): {k: " ".join(v) for k, v in table.items()}})
    return len(table)


def table_file() -> Path:
    """The compiled table in use: `CHATBOT_THESAURUS`, else the one `make install` builds."""
    return Path(os.environ.get("CHATBOT_THESAURUS") or DEFAULT_TABLE)


def synonyms(word: str) -> tuple[str, ...]:
    """The synonyms of a German word, looked up by the word or by its entry form ("Hürden"
    under "hürde"); () for a word the thesaurus lacks, or without the table."""
    low = word.lower()
    for ending in _ENDINGS:
        if ending and not low.endswith(ending):
            continue
        base = low[: len(low) - len(ending)]
        for form in dict.fromkeys((base, base.translate(_UMLAUT))):
            if len(form) >= 3:
                found = look_up("synonyms", "word", "synonyms", form, table_file())
                if found:
                    return tuple(found.split())
    return ()


PIVOTS = 3  # English translations of a German noun whose German translations stand in for it


def _through_english(word: str) -> tuple[str, ...]:
    """The German words that share one of its first English translations with `word`:
    "Waffenruhe" -> ("ceasefire", "truce") -> "waffenstillstand", "feuerpause", …; () without
    the dictionary."""
    low = word.lower()
    return tuple(dict.fromkeys(g for e in english(low)[:PIVOTS] for g in glosses(e) if g != low))


def corpus_synonyms(
    nouns: Iterable[str], index: IndexData, vectors: dict[str, np.ndarray]
) -> dict[str, tuple[str, ...]]:
    """For each noun the corpus never uses, the corpus words among its synonyms' forms,
    the closest to the noun by vector first (`vectors`, by lower-case word): "Heer" ->
    ("armee",). A noun the corpus uses keeps its own, and so does a noun of many senses
    whose synonyms the corpus uses more than `AMBIGUOUS` of ("Aufgabe": "thema", "frage",
    "auftrag", "rolle", …): one of them would stand for any."""
    if not len(index.lexicon):
        return {}
    rows = index.lexicon_rows()
    out: dict[str, tuple[str, ...]] = {}

    def in_corpus(words: Iterable[str]) -> list[str]:  # their forms the corpus uses, in order
        return list(dict.fromkeys(f for g in words for f in german_inflections(g) if f in rows))

    for w in nouns:
        if not w.isalpha() or is_known(w, index):
            continue
        # when the thesaurus knows none the corpus uses: the words sharing an English translation
        used = in_corpus(synonyms(w)) or in_corpus(_through_english(w))
        if not used or len({f[:5] for f in used}) > AMBIGUOUS:
            continue
        vec = vectors.get(w.lower())
        if vec is not None:
            used = nearest_first(used, vec, index)
        out[w] = tuple(used[:PER_GLOSS])
    return out


# verbs that carry little of their own (modals, "machen", "geben"): any of their forms is everywhere
_LIGHT_VERBS = frozenset(
    "sein haben werden können müssen sollen wollen dürfen mögen machen tun geben lassen kommen gehen "
    "stehen liegen bringen halten führen sagen äußern".split()
)


def corpus_verb_forms(words: Iterable[str], index: IndexData) -> dict[str, tuple[str, ...]]:
    """For each German verb form, the other forms of its verb that the corpus uses, from the
    dictionary's verb table, and the nouns made from it: "getroffen" -> ("trafen",),
    "gegründet" -> ("gründete",), "gestritten" -> ("streit", …), "gefordert" -> ("forderung", …). The
    stemmer keeps a participle's "ge-" and a strong verb's vowel, so without them a question
    in the perfect never meets an article in the past."""
    if not len(index.lexicon):
        return {}
    rows = index.lexicon_rows()
    out: dict[str, tuple[str, ...]] = {}
    for w in words:
        low = w.lower()
        if low in rows:
            continue  # a form the corpus uses keeps its own ("hält", not "halten" as in "in Schach zu halten")
        family = verb_forms(low)
        if not family or family[0] in _LIGHT_VERBS:
            continue
        # not the infinitive, which German also uses as a noun and in other senses ("das Treffen", "führen zu")
        forms = [f for form in family[1:] for f in german_inflections(form) if f in rows and f != family[0]]
        # … and the nouns made from it ("gestritten": "Streit"; "gefordert": "Forderung")
        root = family[0][:-2] if family[0].endswith("en") else family[0][:-1]
        if len(root) >= 4:
            forms += [f for n in (root, root + "ung") for f in german_inflections(n) if f in rows and f not in family]
        if forms:
            out[w] = tuple(dict.fromkeys(forms))[:PER_GLOSS]
    return out


def main(argv: list[str] | None = None) -> int:
    hint = "apt-get install mythes-de; until then German questions keep their own words"
    source_help = "OpenThesaurus in MyThes format (Debian: mythes-de)"
    return build_command(argv, "thesaurus", "thesaurus", SOURCE, DEFAULT_TABLE, build, hint, source_help)


if __name__ == "__main__":
    raise SystemExit(main())
