"""The Python API: load an index once, then `ask(question)` as often as you like.

    bot = Chatbot(Path("index"))
    answer = bot.ask("Wie viele Friedenswächter könnten als Abschreckung dienen?")
    print(answer.answer, [c.source for c in answer.citations])

The model and the index load lazily on the first question (or `warm_up()`).
`refresh()` switches to a newer index version when an ingest has written one;
an answer in progress keeps the version it started with.
"""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

import numpy as np

from chatbot import continuity, parts, passages, places, thesaurus
from chatbot.answer import Answer, AnswerSettings
from chatbot.compose import compose, has_content
from chatbot.followup import resolve
from chatbot.generate import stream_answer
from chatbot.known import acronyms, compounds_opening
from chatbot.llm import LLMConfig
from chatbot.question import Question, as_typed
from chatbot.reread import as_named, reread, speaker_words
from chatbot.retrieve import FusionWeights, Hit, Mode, leads, retrieve
from chatbot.speakers import known_people
from chatbot.spellings import spelling_variants
from chatbot.translatable import english_in_german, phrases
from chatbot.translate import (
    all_words,
    as_close_as_dictionary,
    dictionary_words,
    german_forms,
    lone_names,
    merged,
    translate,
    with_phrases,
)
from chatbot.typos import as_written, mistyped, near_person, read_as, with_reading
from chatbot.utterance import core, names_recased, other_language
from ingest.embed import E5Embedder, Embedder, backend_for
from ingest.errors import ChatbotError
from ingest.store import IndexData, current_name, indexed_model, load_index

log = logging.getLogger(__name__)

MAX_QUESTION_CHARS = 2000
FOLLOW_EVERY = 2.0  # seconds between checks of the index folder's CURRENT pointer
_MARKUP = re.compile(r"<(script|style)\b.*?</\1\s*>|<[^<>]{1,200}>", re.I | re.S)
_URL = re.compile(r"\b(?:https?://|www\.)([^\s/?#]+)\S*", re.I)


def _site(m: re.Match[str]) -> str:
    """A web address inside the question read as its site's name ("Was schreibt spiegel.de über
    Rutte?": "Spiegel"; "https://www.cnn.com/…" -> "CNN"); one pasted before or after it is
    left out ("https://www.cnn.com/… was sagt Macron?" asks what Macron says)."""
    if not m.string[: m.start()].strip() or not m.string[m.end() :].strip(" ?!.,;:"):
        return " "
    labels = [x for x in m.group(1).lower().split(".") if x and x != "www"]
    name = labels[-2] if len(labels) >= 2 else (labels[0] if labels else "")
    return name.upper() if len(name) <= 3 else name.capitalize()


RECENT_ANSWERS = 64  # answers kept for the follow-ups that point back to them


class QuestionError(ChatbotError):
    """The question itself is unusable (empty or too long)."""


def check_question(question: str) -> str:
    """The question, stripped; raises `QuestionError` when empty or too long."""
    q = " ".join(_MARKUP.sub(" ", question or "").split())  # "<b>Was sagt Rubio?</b>" asks what Rubio says
    q = " ".join(_URL.sub(_site, q).split())  # "Was schreibt spiegel.de …?", "https://www.cnn.com/… was sagt Macron"
    q = core(q)  # "Hallo! Was sagt Rubio? Danke!" asks what Rubio says
    if not q:
        raise QuestionError("the question is empty: type a question about the articles")
    foreign = other_language(q)
    if foreign:
        raise QuestionError(f"the question seems to be in {foreign}: please ask in German or English")
    if len(q) > MAX_QUESTION_CHARS:
        raise QuestionError(f"the question has {len(q)} characters; the limit is {MAX_QUESTION_CHARS}")
    return q


def asked_before(history: Sequence[str]) -> list[str]:
    """The earlier questions of a chat, blank ones left out."""
    return [h for h in history if h and h.strip()]


@dataclass
class Retrieval:
    """What `search` found, with the index version it came from (answers use the same one)."""

    index: IndexData
    question: Question
    qvec: np.ndarray
    hits: list[Hit]
    read_as: dict[str, str] = field(default_factory=dict)  # mistyped names, as they were read ("Macorn": "Macron")


class Chatbot:
    """Answers questions from one index folder."""

    def __init__(
        self,
        index_dir: Path,
        embedder: Embedder | None = None,
        weights: FusionWeights | None = None,
        settings: AnswerSettings | None = None,
        llm: LLMConfig | None = None,
    ) -> None:
        self.index_dir = Path(index_dir)
        self.llm = llm  # a language-model server for generated answers; None: extractive only
        self.embedder: Embedder = embedder or E5Embedder(backend=backend_for(indexed_model(self.index_dir)))
        self.weights = weights or FusionWeights()
        self.settings = settings or AnswerSettings()
        self._index: IndexData | None = None
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._blas_limited = False
        self._recent_lock = threading.Lock()
        self._recent: dict[tuple[str, tuple[str, ...], int, str], tuple[Retrieval, Answer]] = {}

    @property
    def index(self) -> IndexData:
        """The loaded index version (loaded on first use)."""
        if self._index is None:
            with self._lock:
                if self._index is None:
                    self._index = load_index(self.index_dir, model_id=self.embedder.model_id)
        return self._index

    def warm_up(self, checksums: bool = False) -> None:
        """Load the index and the model now, so the first question is fast; with `checksums`,
        every file of the version is checked against the manifest first."""
        if checksums:
            with self._lock:
                self._index = load_index(self.index_dir, model_id=self.embedder.model_id, checksums=True)
        _ = self.index
        self.embedder.embed(["warm up"], "query")

    def _limit_blas_threads(self) -> None:
        # Scoring is small matrix-vector work; idle BLAS threads spinning after it steal
        # both cores from the model's next forward pass (measured: 22 ms vs 45 ms a query).
        if self._blas_limited:
            return
        from threadpoolctl import threadpool_limits

        threadpool_limits(1, user_api="blas")
        self._blas_limited = True

    def refresh(self) -> bool:
        """Switch to the newest index version if there is one; True if it switched."""
        live = current_name(self.index_dir)
        if live is None or (self._index is not None and live in (self._index.version, self._index.live)):
            return False
        fresh = load_index(self.index_dir, model_id=self.embedder.model_id)
        with self._lock:
            self._index = fresh  # readers holding the old object keep using it
        return True

    def follow_index(self, every: float = FOLLOW_EVERY) -> threading.Thread:
        """Watch the index folder in the background: a version written by any process (the
        command line, another server, a scheduled job) becomes live here within `every`
        seconds. The check is one small file read; questions never wait for a reload."""

        def watch() -> None:
            while not self._stop.wait(every):
                try:
                    if self.refresh():
                        log.info("index version %s is live", self.index.version)
                except ChatbotError as e:
                    log.warning("could not switch to the new index version: %s", e)

        thread = threading.Thread(target=watch, name="index-follower", daemon=True)
        thread.start()
        return thread

    def stop_following(self) -> None:
        self._stop.set()

    def search(
        self, question: str, k: int = 5, history: Sequence[str] = (), mode: Mode = "hybrid", fix_typos: bool = True
    ) -> Retrieval:
        """Analyse `question` once and retrieve its passages from the index version live now
        (a mistyped name read as the corpus's: "Was sagt Macorn?" as "Was sagt Macron?")."""
        if k < 1:
            raise QuestionError(f"k must be at least 1, got {k}")
        index = self.index
        people = known_people(index)

        def read(text: str) -> str:  # "was will selenskyj": "was will Selenskyj"; "aussenminister": "außenminister"
            return names_recased(
                as_written(text, index),
                lambda w: bool(as_named(w, people, index)) or near_person(w, index),
            )

        past = asked_before(history)
        asked = check_question(question)
        q = resolve(read(asked), [read(core(" ".join(h.split()))) for h in past])
        q = as_typed(q, asked)
        q = reread(q, people, index)
        self._limit_blas_threads()
        last: tuple[list[Hit], frozenset[tuple[str, int]]] = ([], frozenset())
        if past and mode != "dense" and continuity.points_back(q):  # "Who published that?": the last quote
            last = self._last_quoted(past, k, mode)
            q = replace(q, after=last[1])
        # the words to translate: an English question's, or the English words a German one borrows
        # ("Was ist mit Air Support gemeint?")
        extra = [] if mode == "dense" else phrases(q.query) if q.language == "en" else english_in_german(q.query, index)
        # a word the corpus has is embedded already (the lexicon, same prompt): only the rest is new
        rows = index.lexicon_rows()
        known = {w: index.lexicon_vectors[rows[w]] for w in q.align_words if w in rows}
        texts = list(dict.fromkeys([q.query, *extra, *(w for w in q.align_words if w not in known)]))
        vecs = self.embedder.embed(texts, "query")  # one forward pass for all
        vec_of = {**known, **dict(zip(texts, vecs, strict=True))}
        if fix_typos and mode != "dense":
            fixes = mistyped(index, q, vec_of)
            if fixes:
                fixed = self.search(read_as(question, fixes), k, history, mode, fix_typos=False)
                return replace(fixed, read_as=fixes)
        extra_vecs = np.array([vec_of[p] for p in extra])
        # a dictionary's translations first, then the nearest words by vector
        by_dictionary = dictionary_words(index, extra, extra_vecs) if extra else {}
        by_vector = translate(index, extra, extra_vecs) if extra else {}
        by_vector = as_close_as_dictionary(index, extra, extra_vecs, by_dictionary, by_vector)
        found = merged(by_dictionary, by_vector)
        # a name the articles write only as a compound's first part ("UN": "UN-Einsatz", "UN-Sicherheitsrats")
        alone = [n.lower() for n in q.names if n.lower() not in rows and n.lower() not in found] if extra else []
        found = merged(found, {n: words for n in alone if (words := compounds_opening(n, index))})
        # the speaker of an English question typed in lower case is read as a name too: a word
        # near "pope" by vector ("professor") is no translation of it
        named = (*q.names, *speaker_words(q))
        german = german_forms(q.all_focus, named, found, lone_names(q.query, named, by_dictionary))
        german = with_phrases(german, q.names, by_dictionary)
        synonyms: dict[str, tuple[str, ...]] = {}
        if q.language == "de" and mode != "dense":  # "Selenskyj" is "Zelensky" in another article
            names = [n.lower() for n in q.names if n.lower() in vec_of]
            near = translate(index, names, np.array([vec_of[n] for n in names])) if names else {}
            variants = spelling_variants(q.names, near)
            german |= variants
            found = merged(found, {n: list(forms) for n, forms in variants.items()})  # BM25 searches them too
            # a noun the articles never use, by a synonym they do ("Heer": "Armee"); the speaker keeps their name
            nouns = [w for w in q.all_focus if (w[0].isupper() or q.typed_lower) and w not in (q.actor or "").split()]
            synonyms = thesaurus.corpus_synonyms(nouns, index, vec_of)
            # a verb's other forms ("getroffen": "trafen"), which no stem shares
            verbs = [w for w in q.all_focus if w.islower() and w not in synonyms]
            synonyms = {**synonyms, **thesaurus.corpus_verb_forms(verbs, index)}
            german |= synonyms
            found = merged(found, {w: list(forms) for w, forms in synonyms.items()})
        if q.kind == "position" and q.actor and mode != "dense":  # "Wie reagiert Russland?": "Moskau lehnt … ab"
            aliases = places.aliases(q.actor)
            if aliases:
                found = {**found, q.actor: [*found.get(q.actor, []), *aliases]}
        q = replace(q, german=german, by_synonym=tuple(synonyms), word_vectors={w: vec_of[w] for w in q.align_words})
        hits = retrieve(
            index,
            q.query,
            vec_of[q.query],
            k=max(k, passages.RETRIEVE_AT_LEAST),
            mode=mode,
            weights=self.weights,
            translations=all_words(found),
            language=q.language,
        )
        if mode != "dense":  # the passages the kind of question needs join the best ones
            q, hits = passages.joined(index, q, vec_of[q.query], hits)
        if q.kind == "summary":  # "Fasse die Artikel zusammen": the articles' first passages
            hits = leads(index, hits, k)
        if q.after:
            hits = continuity.with_last_passages(hits, last[0], q.after, index)
        spelled = acronyms(q, [h.chunk.text for h in hits], index)  # "RND": "Redaktionsnetzwerk Deutschland"
        if spelled:
            q = replace(q, german={**q.german, **spelled})
        return Retrieval(index, q, vec_of[q.query], hits)

    def _last_quoted(self, history: list[str], k: int, mode: Mode) -> tuple[list[Hit], frozenset[tuple[str, int]]]:
        """The passages the last answer read and the sentences it quoted (asked again when
        this process has not answered it: a follow-up from another session)."""
        key = (self.index.version, tuple(history), k, mode)
        found = self._recent.get(key)
        if found is None:
            try:
                r = self.search(history[-1], k, history[:-1], mode)
            except QuestionError:
                return [], frozenset()  # the last question could not be asked: nothing to point back to
            found = self._remember(key, r, compose(r.index, r.question, r.qvec, r.hits, k=k, settings=self.settings))
        r, answer = found
        return r.hits, continuity.quoted(answer, r.hits, r.index)

    def _remember(
        self, key: tuple[str, tuple[str, ...], int, str], r: Retrieval, answer: Answer
    ) -> tuple[Retrieval, Answer]:
        with self._recent_lock:  # the chat answers on several threads
            self._recent[key] = (r, answer)
            while len(self._recent) > RECENT_ANSWERS:
                self._recent.pop(next(iter(self._recent)))  # the oldest
        return r, answer

    def ask(
        self,
        question: str,
        k: int = 5,
        history: Sequence[str] = (),
        mode: Mode = "hybrid",
        turns: Sequence[tuple[str, str]] = (),
    ) -> Answer:
        """Answer `question` from the retrieved passages; `history` holds earlier questions,
        `turns` earlier (question, answer) pairs for a language model."""
        *_, answer = self.ask_stream(question, k, history, mode, turns)
        return answer

    def ask_stream(
        self,
        question: str,
        k: int = 5,
        history: Sequence[str] = (),
        mode: Mode = "hybrid",
        turns: Sequence[tuple[str, str]] = (),
    ) -> Iterator[Answer]:
        """Like `ask`, but a generated answer arrives in parts (`done=False`) before the final one.
        Two questions in one ("Wer ist Hodges und was fordert er?") are answered one by one."""
        asked = parts.split(question) if self.llm is None else [question]
        if len(asked) > 1:
            first = self.ask(asked[0], k, history, mode)
            second = self.ask(asked[1], k, [*history, asked[0]], mode)
            yield parts.joined([first, second], question)
            return
        r = self.search(question, k, history, mode)

        def extractive() -> Answer:
            return compose(r.index, r.question, r.qvec, r.hits, k=k, settings=self.settings)

        if self.llm is None or not r.hits or not has_content(r.question) or r.question.kind == "byline":
            answers: Iterator[Answer] = iter([extractive()])
        else:
            answers = stream_answer(r.index, r.question, r.hits, self.llm, self.embedder, extractive, k, turns)
        for answer in answers:
            if answer.done:
                self._remember((r.index.version, (*asked_before(history), question), k, mode), r, answer)
            yield with_reading(answer, r.read_as) if r.read_as else answer
