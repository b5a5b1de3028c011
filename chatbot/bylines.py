"""Questions about the articles themselves: who wrote or published them, and when ("Wer hat
den Artikel geschrieben?", "Which agency published this?"). The answer is in what was
stored with each article at ingest (agency, outlet, author, date, the links it cites), not in
its sentences, so it is said as such, per article, each article's passage cited.

    asks_byline("Wer hat den Artikel über die Nato-Planspiele geschrieben?")   # True
    asks_byline("Was hat Trump auf Truth Social geschrieben?")                  # False
"""

from __future__ import annotations

import re
from urllib.parse import urlparse

from chatbot.retrieve import Hit

# the article itself, not a report it quotes ("Wer hat die Meldung veröffentlicht?": Tass, in the text)
_ARTICLE = r"(?:artikel\w*|texte?s?|beitr[aä]g\w*|articles?|texts?|pieces?)"
_THE = r"(?:the|this|these|that|those|den|der|die|das|dieser|diesen|dieses|diese|des|dem)"
_BYLINE = re.compile(
    # "Wer hat den Artikel geschrieben?", "Von wem stammen die Texte?", "Welche Agentur hat den Bericht verfasst?"
    rf"^(?:und\s+)?(?:wer|von\s+wem|welche[rsn]?\s+(?:autor\w*|journalist\w*|agentur|nachrichtenagentur|zeitung|"
    rf"medium|redaktion))\b.*\b{_THE}\s+(?:[\w\-]+\s+)?{_ARTICLE}\b.*\b(?:geschrieben|verfasst|veröffentlicht|"
    rf"publiziert|herausgegeben|stammt|stammen|kommt|kommen)\b|"
    rf"^(?:und\s+)?von\s+wem\s+(?:ist|sind|stammt|stammen)\s+{_THE}\s+{_ARTICLE}\b|"
    rf"\b(?:autor|autorin|autoren|verfasser\w*)\s+(?:des|der|dieses|dieser|von)\s+{_ARTICLE}|"
    rf"^(?:und\s+)?wann\b.*\b{_THE}\s+{_ARTICLE}\b.*\b(?:erschienen|veröffentlicht|geschrieben|publiziert)\b|"
    # "Who wrote the article?", "Which agency published these articles?", "When was this piece published?"
    rf"^(?:and\s+)?(?:who|which\s+(?:agency|news\s+agency|outlet|newspaper|paper|journalist|reporter))\s+"
    rf"(?:(?:has|had|did)\s+)?(?:wrote|write|writes|written|authored|published|publish|is\s+behind)\s+{_THE}\s+"
    rf"(?:[\w\-]+\s+)?{_ARTICLE}\b|"
    rf"\bauthors?\s+of\s+{_THE}\s+{_ARTICLE}\b|"
    rf"^(?:and\s+)?when\s+(?:was|were)\s+{_THE}\s+{_ARTICLE}\s+(?:published|written|released)\b",
    re.I,
)
_PLURAL = re.compile(r"\b(?:die|diese)\s+(?:artikel|texte|beiträge)\b|\b(?:articles|texts|pieces)\b", re.I)

MAX_ARTICLES = 5

_WORDS = {
    "de": {
        "lead": "Angaben zu den Artikeln (gespeichert mit dem Artikel, kein Zitat aus dem Text):",
        "agency": "Agentur",
        "outlet": "Medium",
        "author": "Autor",
        "date": "Datum",
        "links": "verweist auf",
        "none": "keine Angabe zu Autor, Agentur oder Datum",
        "refuse": "Zu Autor oder Agentur der Artikel ist nichts gespeichert.",
        "refuse_date": "Ein Datum ist zu den Artikeln nicht gespeichert.",
    },
    "en": {
        "lead": "What is stored with the articles (not a quote from their text):",
        "agency": "agency",
        "outlet": "outlet",
        "author": "author",
        "date": "date",
        "links": "links to",
        "none": "no author, agency or date given",
        "refuse": "Nothing is stored on the articles' author or agency.",
        "refuse_date": "No date is stored with the articles.",
    },
}


# an article the text tells of, named by a relative clause ("Wann wurde der Artikel veröffentlicht, auf
# dem das Diagramm beruhte?", "Who wrote the article that Mann cited?"): not the one read
_TOLD_OF = re.compile(
    r",\s*(?:(?:auf|in|an|von|mit|für|über|aus|bei|zu|nach)\s+)?(?:der|die|das|dem|den|denen|dessen|deren|welche\w*)\b|"
    rf"\b{_ARTICLE}\s+(?:that|which|whom|in\s+which|on\s+which|cited|quoted|mentioned)\b",
    re.I,
)


def asks_byline(text: str) -> bool:
    """Does `text` ask who wrote or published the articles, or when?"""
    return bool(_BYLINE.search(text)) and not _TOLD_OF.search(text)


def _details(meta: dict, words: dict[str, str]) -> str:
    bits = [f"{words[key]}: {meta[key]}" for key in ("agency", "outlet", "author", "date") if meta.get(key)]
    hosts = list(dict.fromkeys(urlparse(u).netloc.removeprefix("www.") for u in meta.get("source_urls", [])))
    if any(hosts):
        bits.append(f"{words['links']} {', '.join(h for h in hosts if h)}")
    return "; ".join(bits)


# the topic of the one article asked about ("… den Artikel über die Nato-Planspiele …")
_ABOUT = re.compile(r"\b(?:über|zu|zum|zur|on|about)\s+(?:(?:die|den|das|dem|der|the)\s+)?[\w\-]{4,}", re.I)


def articles_asked(text: str, hits: list[Hit]) -> list[int]:
    """The hits whose articles are asked about, one per article: the best-ranked one when the
    question names one article's topic ("… den Artikel über die Nato-Planspiele …"), else
    each retrieved article's best hit, up to `MAX_ARTICLES`."""
    first: dict[str, int] = {}
    for i, h in enumerate(hits):
        first.setdefault(h.chunk.doc_id, i)
    one = bool(_ABOUT.search(text)) and not _PLURAL.search(text)
    return list(first.values())[: 1 if one else MAX_ARTICLES]


_WHEN = re.compile(r"^(?:und\s+|and\s+)?(?:wann|when)\b", re.I)


def asks_date(text: str) -> bool:
    """Does the byline question ask when, not who?"""
    return bool(_WHEN.match(text))


def described(title: str, meta: dict, language: str, when: bool = False) -> tuple[str, bool]:
    """An article's line ("„title“: Agentur: dpa") and whether what is asked is stored: its
    date (`when`), else who wrote or published it."""
    given = bool(meta.get("date")) if when else any(meta.get(key) for key in ("agency", "outlet", "author"))
    return f"„{title}“: {_details(meta, _WORDS[language]) or _WORDS[language]['none']}", given


def frame(language: str, given: bool, when: bool = False) -> str:
    """The answer's first line: what follows is stored with the articles, or what is not stored."""
    return _WORDS[language]["lead" if given else "refuse_date" if when else "refuse"]
