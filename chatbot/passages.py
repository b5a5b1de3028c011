"""Which passages an answer reads: the best for the question, joined by those that name
what its kind needs (BM25 over a few words, so a passage the question's wording favours
less is read too).

    q, hits = joined(index, q, qvec, hits)

    office ("Was sagt der britische Premierminister?")   the passages naming its holder
    actor  ("What kind of weapons does Zelensky want?")   those naming the actor most
    sides  ("Was unterscheidet Trumps und Selenskyjs Sicht?")  those naming each side
    list   ("Welche Optionen werden diskutiert?")         those naming its kind of item
    consent ("Ist Russland mit Nato-Soldaten einverstanden?")  those naming the country most
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

import numpy as np

from chatbot import places
from chatbot.asks import WRITTEN_SEARCHED
from chatbot.compose import PASSAGES
from chatbot.countries_asked import consenting_group
from chatbot.evidence import focus_forms
from chatbot.holders import HEAD_TITLES, head_forms, head_named, holder_names
from chatbot.known import is_genitive
from chatbot.question import Question
from chatbot.retrieve import Hit, retrieve
from ingest.store import IndexData

RETRIEVE_AT_LEAST = 8  # passages searched for sentences, whatever k the reader shows
HOLDER_PASSAGES = 3  # passages that name an office's holder, added after as many of the best
SIDE_PASSAGES = 2  # passages that name each side of a comparison, added after the best
ACTOR_PASSAGES = 3  # passages that name a position question's actor, among the six it reads
ITEM_PASSAGES = 3  # passages that name a list's kind of item ("Option"), among the eight it reads


def joined(index: IndexData, q: Question, qvec: np.ndarray, hits: list[Hit]) -> tuple[Question, list[Hit]]:
    """The passages `q`'s kind needs joined to `hits` (a comparison's sides without a genitive "s")."""
    if q.kind == "position" and q.role:
        hits = with_holder(index, q, qvec, hits)
    elif q.kind == "position" and q.actor:
        hits = with_actor(index, q, qvec, hits)
    if q.kind == "comparison" and len(q.sides) >= 2:
        q = replace(q, sides=tuple(without_genitive(side, index) for side in q.sides))
        hits = with_sides(index, q, qvec, hits)
    if q.kind == "overview":
        hits = with_items(index, q, qvec, hits)
    if q.expects == "yesno":
        hits = with_consenting(index, q, qvec, hits)
    if q.head_of:
        hits = with_head(index, q, qvec, hits)
    return q, hits


def with_head(index: IndexData, q: Question, qvec: np.ndarray, hits: list[Hit]) -> list[Hit]:
    """ "Wer ist der Chef der Nato?": the passages naming its head by a title and a name
    ("Generalsekretär des Militärbündnisses Mark Rutte") join the best ones, however
    little else of the question's wording they share."""
    heads = head_forms(q.head_of, focus_forms(q, index))
    words = [g for w in q.head_of for g in (w, *q.german.get(w, ()))]
    found = retrieve(index, " ".join([*words, *HEAD_TITLES]), qvec, k=PASSAGES["overview"], mode="bm25", language="de")
    naming = [h for h in found if head_named(h.chunk.text, heads)]
    return merged(hits[:HOLDER_PASSAGES], naming[:HOLDER_PASSAGES], hits)


def without_genitive(name: str, index: IndexData) -> str:
    """ "Trumps" -> "Trump" when the articles use the name without the genitive's "s"."""
    return name[:-1] if len(name) > 3 and is_genitive(name, index) else name


def merged(*groups: Sequence[Hit]) -> list[Hit]:
    """The passages of `groups` in order, each once (where it first comes), with the scores
    of the search that scored it by vector too: a passage found by BM25 alone has no dense
    score, which the scoring model reads as a passage far from the question."""
    merged: dict[tuple[str, int], Hit] = {}
    for group in groups:
        for h in group:
            key = (h.chunk.doc_id, h.chunk.start)
            if key not in merged or (not merged[key].dense and h.dense):
                merged[key] = h
    return list(merged.values())


def with_holder(index: IndexData, q: Question, qvec: np.ndarray, hits: list[Hit]) -> list[Hit]:
    """ "Was sagt der britische Premierminister?": once the passages name the office's holder
    ("Premierminister Keir Starmer"), the passages that name him where the office is not
    repeated ("Starmer betonte …") join the best ones."""
    names = holder_names([h.chunk.text for h in hits], q.role[1], q.role_country)
    if not names:
        return hits
    topic = [g for w in q.topic for g in (w, *q.german.get(w, ()))]  # an English word's German forms
    by_name = retrieve(index, " ".join([*names, *topic]), qvec, k=HOLDER_PASSAGES, mode="bm25", language="de")
    return merged(hits[:HOLDER_PASSAGES], by_name, hits)  # the best, the holder's, then the rest


def with_actor(index: IndexData, q: Question, qvec: np.ndarray, hits: list[Hit]) -> list[Hit]:
    """The passages that name a position question's actor most (by BM25 over the actor's
    names and their German spellings) join those it reads: "What kind of weapons does
    Zelensky want?" reaches "Selenskyj betont, dass die „beste Sicherheitsgarantie …“"."""
    actor = q.actor or ""
    words = [g for w in actor.split() for g in (w, *q.german.get(w, ()))]
    words += places.aliases(actor)
    if q.written:  # "What did Trump post?": "… schrieb der Republikaner auf seiner Plattform …"
        words += WRITTEN_SEARCHED
    by_actor = retrieve(index, " ".join(words), qvec, k=ACTOR_PASSAGES, mode="bm25", language="de")
    return merged(hits[: PASSAGES["position"] - ACTOR_PASSAGES], by_actor, hits)


def with_consenting(index: IndexData, q: Question, qvec: np.ndarray, hits: list[Hit]) -> list[Hit]:
    """ "Ist Russland mit Nato-Soldaten in der Ukraine einverstanden?": the passages that name
    the country most (its names, capital and adjective, with the question's topic; BM25) join
    the best ones, so that what Moscow said is read, however the question words it."""
    group = consenting_group(q)
    if not group:
        return hits
    topic = [g for w in q.topic for g in (w, *q.german.get(w, ())) if not places.country_of(w)]
    by_country = retrieve(index, " ".join([*group, *topic]), qvec, k=ACTOR_PASSAGES, mode="bm25", language="de")
    return merged(hits[: PASSAGES["yesno"] - ACTOR_PASSAGES], by_country, hits)


def with_items(index: IndexData, q: Question, qvec: np.ndarray, hits: list[Hit]) -> list[Hit]:
    """ "Welche Sicherheitsgarantien werden diskutiert?": every passage names guarantees;
    those that name options in a word of their own ("Als zweite Option …", "Die erste
    Variante …") join the best ones (by BM25 over such words and the question's topic)."""
    if q.items is None:
        return hits
    topic = [g for w in q.topic for g in (w, *q.german.get(w, ()))]
    by_items = retrieve(index, " ".join([q.items.words, *topic]), qvec, k=ITEM_PASSAGES, mode="bm25", language="de")
    return merged(hits[: PASSAGES["overview"] - ITEM_PASSAGES], by_items, hits)


def with_sides(index: IndexData, q: Question, qvec: np.ndarray, hits: list[Hit]) -> list[Hit]:
    """ "Was unterscheidet Trumps und Selenskyjs Sicht?": the passages that name each side
    best (by BM25, a side's German forms included) follow the best ones, so that a side the
    question's wording favours less is found too."""
    by_side = []
    for side in q.sides:
        words = [g for w in side.split() for g in (w, *q.german.get(w, ()))]
        words += [a for w in words for a in places.aliases(w)]
        by_side += retrieve(index, " ".join(words), qvec, k=SIDE_PASSAGES, mode="bm25", language="de")
    return merged(hits[:RETRIEVE_AT_LEAST], by_side, hits)
