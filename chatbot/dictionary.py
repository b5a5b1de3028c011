"""German words for English ones from a bilingual dictionary: "peace" -> "frieden",
"obstacle" -> "hindernis", "deception" -> "täuschung".

The word vectors (`translate.py`) find a German word that looks or is used like the
English one, and often one that only looks like it ("peace" -> "presse"). A dictionary
knows the translations; the word vectors then choose among its senses
(`translate.dictionary_words`). The dictionary is Ding's German-English word list
(Debian's `trans-de-en`, GPL-2+), compiled once at install time into a table on disk:

    python -m chatbot.dictionary build [--source FILE] [--out FILE]
    glosses("peace")                    # ("friede", "frieden", "ruhe")
    english("waffenstillstand")         # ("truce", "armistice"): the table read backwards
    verb_forms("schließen")             # ("schließen", "geschlossen", "schließt", "schloss", …)
    synonym_glosses("ceasefire")        # ("waffenstillstand", …): through a synonym, "truce"

A look-up reads one row of an indexed SQLite table: searched, never scanned, and nothing
held in memory. Without the table (no `make install`, or no trans-de-en) the word vectors
translate alone, as before; `CHATBOT_DICTIONARY` names another compiled table.
"""

from __future__ import annotations

import argparse
import os
import re
import sqlite3
import sys
import tempfile
import threading
from collections import defaultdict
from collections.abc import Callable, Iterable
from functools import cache
from pathlib import Path

SOURCE = Path("/usr/share/trans/de-en")  # Debian's trans-de-en
DEFAULT_TABLE = Path(__file__).resolve().parent.parent / "models" / "dictionary-en-de.sqlite"

# annotations: {m} gender, [pol.] field, (…) context, /RIP/ abbreviation
_ANNOTATION = re.compile(r"\{[^}]*\}|\[[^\]]*\]|\([^)]*\)|/[^/]*/")
# placeholders for an object or a reflexive: "etw. fördern", "to support sb."
_PLACEHOLDER = re.compile(r"\b(?:etw|jdm|jdn|jds|jd|sb|sth)\.?(?:[’']s)?(?=\s|$)|\bone[’']s(?=\s|$)|\bsich\b")
_WORD = re.compile(r"^[^\W\d_](?:[\w'’-]*\w)?$")
_LOCK = threading.Lock()  # one connection, shared by the chat's worker threads one at a time


def _clean(term: str) -> str:
    if "{" in term or "[" in term or "(" in term or "/" in term:
        term = _ANNOTATION.sub(" ", term)
    term = _PLACEHOLDER.sub(" ", term)
    return " ".join(term.split())


def parse(lines: Iterable[str]) -> dict[str, list[str]]:
    """English word or two-word phrase (lower case, a verb without "to") -> German single
    words, in the order the dictionary gives them. Each line pairs German and English
    sub-entries ("|") of synonyms (";"): "Frieden {m}; Friede {m} | … :: peace | …"."""
    table: defaultdict[str, list[str]] = defaultdict(list)
    for line in lines:
        if line.startswith("#") or " :: " not in line:
            continue
        german, english = line.rstrip("\n").split(" :: ", 1)
        for de, en in zip(german.split(" | "), english.split(" | "), strict=False):
            de_words = [w.lower() for w in map(_clean, de.split(";")) if _WORD.match(w)]
            if not de_words:
                continue
            for alt in en.split(";"):
                key = _clean(alt).lower().removeprefix("to ")
                parts = key.split()
                if 1 <= len(parts) <= 2 and all(_WORD.match(p) for p in parts):
                    known = table[key]
                    known.extend(w for w in de_words if w not in known)
    return dict(table)


# a verb's entry: "schließen {vi} | schließend | geschlossen | er/sie schließt | ich/er/sie schloss"
_VERB = re.compile(r"\{v[tir]?\}")
_PERSON = re.compile(r"^(?:ich/er/sie|er/sie/es|er/sie|ich|es)\s+")
_PARTICLES = ("ab", "an", "auf", "aus", "bei", "ein", "mit", "nach", "vor", "weg", "zu", "zurück", "hin", "her")
FORMS = 5  # a verb entry's sub-entries that hold its forms: infinitive, participles, present, past


def parse_verbs(lines: Iterable[str]) -> dict[str, list[str]]:
    """German verb -> its forms as the dictionary lists them (participles, third person
    present, past: "halten" -> "haltend", "gehalten", "hält", "hielt")."""
    table: defaultdict[str, list[str]] = defaultdict(list)
    for line in lines:
        if line.startswith("#") or " :: " not in line:
            continue
        subs = line.split(" :: ", 1)[0].split(" | ")
        if not _VERB.search(subs[0]):
            continue
        verbs = [_clean(v).lower() for v in subs[0].split(";")]
        for sub in subs[1:FORMS]:
            forms = [_clean(_PERSON.sub("", f.strip())).lower() for f in sub.split(";")]
            owners = verbs
            if len(forms) == 1 and len(verbs) > 1 and _PERSON.match(sub.strip()):
                owners = verbs[:1]  # "treffen; schlagen | … | er/sie trifft | ich/er/sie traf": the first verb's
            elif len(forms) != len(verbs):
                break  # examples, not forms
            for verb, form in zip(owners, forms, strict=True):
                if _WORD.match(verb) and _WORD.match(form) and form not in table[verb]:
                    table[verb].append(form)
    return dict(table)


def families(verbs: dict[str, list[str]]) -> dict[str, list[str]]:
    """Each verb and each of its forms -> the verb and all its forms ("hielt": "halten", …).
    A separable verb has its base verb's forms too, which stand alone in a sentence
    ("ausschließen": "schloss", as in "Trump schloss das … aus"); a base verb's form
    stays the base verb's ("schloss" is no form of "ausschließen")."""
    out: defaultdict[str, list[str]] = defaultdict(list)
    for verb, forms in verbs.items():
        family = [verb, *forms]
        for word in family:
            out[word].extend(f for f in family if f not in out[word])
    for verb in verbs:
        base = next((verb[len(p) :] for p in _PARTICLES if verb.startswith(p) and verb[len(p) :] in verbs), None)
        if base:
            out[verb].extend(f for f in [base, *verbs[base]] if f not in out[verb])
    return dict(out)


def backwards(table: dict[str, list[str]]) -> dict[str, list[str]]:
    """German word -> the English words and phrases it translates, in the table's order."""
    out: defaultdict[str, list[str]] = defaultdict(list)
    for en, words in table.items():
        for de in words:
            out[de].append(en)
    return dict(out)


def build(source: Path = SOURCE, out: Path = DEFAULT_TABLE) -> int:
    """Compile the dictionary at `source` into the table at `out` (written whole, then
    moved into place); the number of English entries."""
    with source.open(encoding="utf-8") as f:
        lines = f.readlines()
    table = parse(lines)
    if not table:
        raise ValueError('no entries in Ding\'s format ("Frieden {m} :: peace")')
    verbs = parse_verbs(lines)
    write_tables(
        out,
        {
            ("glosses", "english", "german"): {k: " ".join(v) for k, v in table.items()},
            ("english", "german", "english"): {k: "|".join(v) for k, v in backwards(table).items()},
            ("verbs", "verb", "forms"): {k: " ".join(v) for k, v in families(verbs).items()},
        },
    )
    return len(table)


def write_tables(out: Path, tables: dict[tuple[str, str, str], dict[str, str]]) -> None:
    """Write key-value tables ((name, key column, value column) -> rows) into a new SQLite
    file, written whole and then moved into place: a reader never sees half a file."""
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{out.stem}-", suffix=".sqlite", dir=out.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        with sqlite3.connect(tmp) as db:
            for (name, key, value), rows in tables.items():
                db.execute(f"CREATE TABLE {name} ({key} TEXT PRIMARY KEY, {value} TEXT NOT NULL) WITHOUT ROWID")
                db.executemany(f"INSERT INTO {name} VALUES (?, ?)", rows.items())
        tmp.chmod(0o644)
        tmp.replace(out)
    finally:
        tmp.unlink(missing_ok=True)


def table_file() -> Path:
    """The compiled table in use: `CHATBOT_DICTIONARY`, else the one `make install` builds."""
    return Path(os.environ.get("CHATBOT_DICTIONARY") or DEFAULT_TABLE)


@cache
def connect(path: Path, table: str = "glosses") -> sqlite3.Connection | None:
    """A read-only connection to a compiled file that holds `table`; None for a missing or
    damaged file (the chat then works without it: word vectors alone translate English
    words, German questions keep their own)."""
    if not path.is_file():
        return None
    try:
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        db.execute(f"SELECT 1 FROM {table} LIMIT 1")
        return db
    except sqlite3.Error:
        return None


def available() -> bool:
    """Is a compiled dictionary there to use?"""
    return connect(table_file()) is not None


def look_up(table: str, key: str, value: str, word: str, path: Path | None = None) -> str | None:
    """The `value` column of `word`'s row in one of the compiled tables (of the dictionary,
    or of the file at `path`); None without the row, without a compiled table, or in a
    table compiled before that look-up existed."""
    db = connect(path or table_file(), table)
    if db is None:
        return None
    try:
        with _LOCK:
            row = db.execute(f"SELECT {value} FROM {table} WHERE {key} = ?", (word.lower(),)).fetchone()
    except sqlite3.Error:
        return None
    return row[0] if row else None


def glosses(phrase: str) -> tuple[str, ...]:
    """German words for an English word or two-word phrase, in the dictionary's order."""
    found = look_up("glosses", "english", "german", phrase)
    return tuple(found.split()) if found else ()


def english(word: str) -> tuple[str, ...]:
    """The English words and phrases a German word translates (empty for a table compiled
    before this look-up existed)."""
    found = look_up("english", "german", "english", word)
    return tuple(found.split("|")) if found else ()


def verb_forms(verb: str) -> tuple[str, ...]:
    """A German verb's infinitive and forms, from any of them ("halten" or "hielt":
    "halten", "haltend", "gehalten", "hält", "hielt"); () for another word, or a table
    compiled before this look-up existed."""
    found = look_up("verbs", "verb", "forms", verb)
    return tuple(found.split()) if found else ()


def synonym_glosses(phrase: str) -> tuple[str, ...]:
    """German words for `phrase` found through its English synonyms, for a word whose own
    translations a corpus may not use: "ceasefire" is "Waffenruhe", which also translates
    "truce", and "truce" is also "Waffenstillstand". A synonym's translation counts only
    when the synonym has every one of `phrase`'s translations, two at least ("truce" all
    three of "ceasefire"; "barrier" not every one of "obstacle"), and at least half of what
    the translation translates back to is `phrase` or a synonym of it: "Waffenstillstand"
    (truce, armistice) does, "Frieden" (truce, peace, quietude) does not."""
    own = glosses(phrase)
    if len(own) < 2:
        return ()
    synonyms = {phrase.lower()} | {en for g in own for en in english(g)}
    out: list[str] = []
    for syn in sorted(synonyms - {phrase.lower()}):
        theirs = glosses(syn)
        if not set(own) <= set(theirs):
            continue
        for g in theirs:
            back = english(g)
            if g not in own and g not in out and back and 2 * len(synonyms.intersection(back)) >= len(back):
                out.append(g)
    return tuple(out)


def build_command(
    argv: list[str] | None,
    module: str,
    what: str,
    source: Path,
    out: Path,
    build_table: Callable[[Path, Path], int],
    install_hint: str,
    source_help: str,
) -> int:
    """`python -m chatbot.<module> build [--source FILE] [--out FILE]`: compile a word list
    into its table. A missing source is a warning (the chat works without the table); a
    source that cannot be compiled, or holds no entries, is an error, and the table in
    place stays as it was."""
    p = argparse.ArgumentParser(prog=f"python -m chatbot.{module}", description=f"Compile the {what}.")
    p.add_argument("command", choices=["build"])
    p.add_argument("--source", type=Path, default=source, help=source_help)
    p.add_argument("--out", type=Path, default=out)
    args = p.parse_args(argv)
    if not args.source.is_file():
        print(f"warning: {args.source}: no {what} ({install_hint})", file=sys.stderr)
        return 0
    try:
        n = build_table(args.source, args.out)
    except (OSError, ValueError, sqlite3.Error) as e:  # UnicodeDecodeError is a ValueError
        print(f"error: cannot compile {args.source} into {args.out} ({e}); nothing was written", file=sys.stderr)
        return 1
    print(f"{what} ready: {args.out} ({n} entries)")
    return 0


def main(argv: list[str] | None = None) -> int:
    hint = "apt-get install trans-de-en; until then word vectors alone match English words"
    source_help = "Ding's de-en word list (Debian: trans-de-en)"
    return build_command(argv, "dictionary", "dictionary", SOURCE, DEFAULT_TABLE, build, hint, source_help)


if __name__ == "__main__":
    raise SystemExit(main())
