"""HTML for the chat: answers with clickable [n] markers and a sources panel.

Everything that comes from an article or a user is escaped here, so HTML or script
inside an article is shown as text and never runs. No blank lines are emitted, so
the chat's Markdown renderer leaves the HTML blocks alone.
"""

from __future__ import annotations

import html
import re

from chatbot.answer import Answer, Citation

_MARKER = re.compile(r"\[(\d+)\]")

LABELS = {
    "de": {
        "sources": "Quellen",
        "nearest": "Nächste Passagen (keine Antwort darin)",
        "original": "Originalartikel",
        "cites": "zitiert: {host}",
        "file": "Datei",
        "refused": "Keine Antwort in den Artikeln",
        "hedged": "Keine direkte Antwort",
        "generated": "Vom Sprachmodell formuliert, jeder Satz mit seiner Quelle geprüft",
        "writing": "Das Sprachmodell schreibt … {tokens} Tokens (Sätze erscheinen, sobald sie geprüft sind)",
    },
    "en": {
        "sources": "Sources",
        "nearest": "Nearest passages (they do not answer it)",
        "original": "Original article",
        "cites": "cites: {host}",
        "file": "File",
        "refused": "Not answered by the articles",
        "hedged": "No direct answer",
        "generated": "Written by a language model, every sentence checked against its source",
        "writing": "The language model is writing … {tokens} tokens (sentences appear once they are checked)",
    },
}


def esc(text: str) -> str:
    """Escape text for HTML; newlines become <br> so no blank line ends an HTML block."""
    return html.escape(text, quote=True).replace("\n", "<br>")


def _anchor(turn: str, n: int) -> str:
    return f"src-{turn}-{n}"


def marker_html(cit: Citation, turn: str) -> str:
    """A [n] marker: a link that opens the passage, with the passage as its tooltip."""
    tip = f"{cit.title}: {cit.text[:300]}{'…' if len(cit.text) > 300 else ''}"
    return (
        f'<a class="cite" href="#{_anchor(turn, cit.n)}" data-target="{_anchor(turn, cit.n)}" '
        f'title="{html.escape(tip, quote=True)}">[{cit.n}]</a>'
    )


def answer_text_html(answer: Answer, turn: str, upto: int | None = None) -> str:
    """The answer text (first `upto` characters when streaming) with linked markers."""
    text = answer.answer if upto is None else answer.answer[:upto]
    by_n = {c.n: c for c in answer.citations}
    out, pos = [], 0
    for m in _MARKER.finditer(text):
        out.append(esc(text[pos : m.start()]))
        cit = by_n.get(int(m.group(1)))
        out.append(marker_html(cit, turn) if cit else esc(m.group(0)))
        pos = m.end()
    out.append(esc(text[pos:]))
    return "".join(out)


def passage_html(cit: Citation) -> str:
    """The passage with its quoted sentences highlighted."""
    parts, pos = [], 0
    for s, e in sorted(cit.highlights):
        parts.append(esc(cit.text[pos:s]))
        parts.append(f"<mark>{esc(cit.text[s:e])}</mark>")
        pos = e
    parts.append(esc(cit.text[pos:]))
    return "".join(parts)


def _host(url: str) -> str:
    from urllib.parse import urlparse

    return urlparse(url).netloc.removeprefix("www.") or url


def _byline(cit: Citation, labels: dict[str, str]) -> str:
    """Outlet or agency, date and author where known, then links: the original article first,
    then the sites the article cites, each site named once ("zitiert: cnn.com 1 2 3")."""
    meta = cit.meta
    bits = [esc(str(meta[key])) for key in ("outlet", "agency", "date", "author") if meta.get(key)]

    def link(url: str, text: str) -> str:
        return f'<a href="{html.escape(url, quote=True)}" target="_blank" rel="noopener noreferrer">{esc(text)}</a>'

    if str(meta.get("url", "")).startswith(("http://", "https://")):
        bits.append(link(meta["url"], labels["original"]))
    by_host: dict[str, list[str]] = {}
    for url in meta.get("source_urls", []):
        if url != meta.get("url") and url.startswith(("http://", "https://")):
            by_host.setdefault(_host(url), []).append(url)
    for host, urls in list(by_host.items())[:4]:
        if len(urls) == 1:
            bits.append(link(urls[0], labels["cites"].format(host=host)))
        else:
            numbered = " ".join(link(u, str(i)) for i, u in enumerate(urls[:6], start=1))
            bits.append(f"{esc(labels['cites'].format(host=host))} {numbered}")
    return " · ".join(bits)


def sources_html(answer: Answer, turn: str) -> str:
    """The sources panel: one card per article (title, outlet, date, author, links), with
    its passages inside, each opening the full passage; file and offsets in a small line."""
    labels = LABELS.get(answer.language, LABELS["de"])
    if not answer.citations:
        return ""
    heading = labels["sources"] if answer.answered or answer.hedged else labels["nearest"]
    cards: dict[str, list[Citation]] = {}
    for c in answer.citations:
        cards.setdefault(c.doc_id, []).append(c)
    items = []
    for cits in cards.values():
        first = cits[0]
        byline = _byline(first, labels)
        passages = []
        for c in cits:
            cls = "source cited" if c.cited else "source"
            snippet = " ".join(c.text.split())[:90]
            passages.append(
                f'<details class="{cls}" id="{_anchor(turn, c.n)}"><summary>[{c.n}] '
                f'<span class="snippet">„{esc(snippet)}…“</span></summary>'
                f'<blockquote class="passage">{passage_html(c)}</blockquote>'
                f'<div class="op">{labels["file"]}: <code>{esc(c.source)}</code> [{c.start}–{c.end}]</div></details>'
            )
        items.append(
            f'<div class="card"><div class="card-title"><b>{esc(first.title)}</b></div>'
            + (f'<div class="meta">{byline}</div>' if byline else "")
            + "".join(passages)
            + "</div>"
        )
    return f'<div class="sources"><div class="sources-title">{heading}</div>{"".join(items)}</div>'


def message_html(answer: Answer, turn: str, upto: int | None = None, with_sources: bool = True) -> str:
    """The whole assistant message: answer (or refusal) and, once complete, the sources."""
    labels = LABELS.get(answer.language, LABELS["de"])
    body = answer_text_html(answer, turn, upto)
    if not answer.done:
        writing = labels["writing"].format(tokens=answer.tokens)
        return f'<div class="answer">{body}</div><div class="note writing">{writing}</div>'
    if answer.answered:
        head = f'<div class="answer">{body}</div>'
    elif answer.hedged:
        head = f'<div class="refusal hedged"><span class="refusal-tag">{labels["hedged"]}</span> {body}</div>'
    else:
        head = f'<div class="refusal"><span class="refusal-tag">{labels["refused"]}</span> {body}</div>'
    if answer.mode == "generative" and upto is None:
        head += f'<div class="note generated">{labels["generated"]}</div>'
    if answer.note and upto is None:
        head += f'<div class="note">{esc(answer.note)}</div>'
    return head + (sources_html(answer, turn) if with_sources else "")


def error_html(message: str) -> str:
    return f'<div class="error">{esc(message)}</div>'
