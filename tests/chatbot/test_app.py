"""The web app without a browser: respond(), rendering and escaping, uploads, the /ask API."""

import shutil

import pytest

from chatbot.answer import Answer, AnswerSettings, Citation
from chatbot.api import Chatbot
from chatbot.app import is_loopback, respond, serve
from chatbot.operator import ingest_uploads, safe_name, save_uploads
from chatbot.render import message_html, sources_html
from ingest.embed import HashEmbedder
from ingest.errors import ChatbotError
from ingest.pipeline import ingest
from tests.conftest import CORPUS, start_server

XSS = '<script>window.__xss = 1</script><img src=x onerror="window.__xss = 2">'


def make_answer(text_in_passage: str = "Die USA entsenden keine Bodentruppen.") -> Answer:
    passage = f"Vorher. {text_in_passage} {XSS} Danach."
    start = passage.index(text_in_passage)
    cit = Citation(
        n=1,
        source="a.txt",
        title="Titel <b>fett</b>",
        text=passage,
        start=10,
        end=10 + len(passage),
        score=1.0,
        doc_id="d",
        cited=True,
        highlights=[(start, start + len(text_in_passage))],
        meta={
            "outlet": "Zeitung",
            "date": "2025-08-20",
            "source_urls": ["https://example.org/a", "javascript:alert(1)"],
        },
    )
    other = Citation(
        n=2,
        source="b.txt",
        title="Anderer",
        text="Noch etwas.",
        start=0,
        end=11,
        score=0.5,
        doc_id="e",
        cited=False,
    )
    return Answer(
        "Frage?",
        f"Die Artikel berichten dazu: {text_in_passage} [1]",
        True,
        [cit, other],
        "de",
        quotes=[(text_in_passage, 1)],
    )


def test_markers_become_links_that_open_their_passage():
    html = message_html(make_answer(), turn="3")
    assert 'class="cite" href="#src-3-1"' in html
    assert '<details class="source cited" id="src-3-1">' in html
    assert '<details class="source" id="src-3-2">' in html
    assert "<mark>Die USA entsenden keine Bodentruppen.</mark>" in html
    assert "Zeitung" in html and "2025-08-20" in html and 'href="https://example.org/a"' in html


def test_article_html_is_escaped_everywhere():
    html = message_html(make_answer(), turn="1")
    assert "<script>" not in html and "<img" not in html
    assert "&lt;script&gt;" in html and "&lt;img src=x onerror=" in html
    assert "<b>fett</b>" not in html and "Titel &lt;b&gt;fett&lt;/b&gt;" in html
    assert "javascript:" not in html.split("title=")[0]  # unsafe links are not made links
    assert 'href="javascript' not in html
    assert "\n\n" not in html  # no blank line ends the HTML block in Markdown


def test_refusal_looks_different():
    a = make_answer()
    a.answered = False
    a.answer = "Dazu steht in den Artikeln nichts."
    html = message_html(a, turn="2")
    assert html.startswith('<div class="refusal">') and "Keine Antwort in den Artikeln" in html
    assert "Nächste Passagen" in sources_html(a, "2")


def test_respond_streams_then_shows_sources(fake_bot):
    steps = list(respond(fake_bot, "Wie viele Friedenswächter könnten als Abschreckung dienen?", [], []))
    assert len(steps) > 3
    chat, history, answer = steps[-1]
    assert chat[0] == {
        "role": "user",
        "content": "Wie viele Friedenswächter könnten als Abschreckung dienen?",
    }
    assert "100.000 Friedenswächter" in chat[1]["content"] and 'class="sources"' in chat[1]["content"]
    assert 'class="sources"' not in steps[1][0][1]["content"]  # streaming parts come before sources
    lengths = [len(s[0][1]["content"]) for s in steps[1:-1]]
    assert lengths == sorted(lengths)
    assert history == ["Wie viele Friedenswächter könnten als Abschreckung dienen?"]
    assert answer is not None and answer.answered


def test_follow_up_uses_the_conversation(fake_bot):
    chat, history, _ = list(respond(fake_bot, "Was fordert Ben Hodges?", [], []))[-1]
    chat, history, answer = list(respond(fake_bot, "Und was sagt Moskau dazu?", chat, history))[-1]
    assert len(chat) == 4 and len(history) == 2
    assert answer is not None


def test_empty_message_changes_nothing(fake_bot):
    assert list(respond(fake_bot, "   ", [], [])) == [([], [], None)]


def test_error_is_shown_as_a_message(tmp_path):
    broken = Chatbot(tmp_path / "missing", embedder=HashEmbedder())
    chat, _, answer = list(respond(broken, "Frage?", [], []))[-1]
    assert answer is None and "no index at" in chat[-1]["content"]


@pytest.mark.parametrize(
    "name,expected",
    [
        ("../../etc/passwd.txt", "passwd.txt"),
        ("C:\\temp\\x.md", "x.md"),
        ("a b<script>.HTML", "a_b_script.html"),
        ("....txt", "artikel.txt"),
    ],
)
def test_upload_names_never_carry_a_path(name, expected):
    assert safe_name(name) == expected


def test_uploads_refuse_wrong_types_and_oversize(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "x.exe").write_bytes(b"MZ")
    (src / "big.txt").write_bytes(b"a" * 2000)
    (src / "ok.txt").write_text("Text")
    saved, refused = save_uploads(
        [str(src / n) for n in ("x.exe", "big.txt", "ok.txt")], tmp_path / "corpus", max_bytes=1000
    )
    assert [p.name for p in saved] == ["ok.txt"]
    assert any("unsupported file type .exe" in r for r in refused)
    assert any("over the 0 MB limit" in r or "MB limit" in r for r in refused)
    assert saved[0].parent == tmp_path / "corpus" / "uploads"


def test_uploaded_article_is_answerable_at_once(tmp_path, corpus_copy):
    index = tmp_path / "index"
    ingest([corpus_copy], index, HashEmbedder(), root=corpus_copy)
    bot = Chatbot(index, embedder=HashEmbedder(), settings=AnswerSettings(min_similarity_de=0.2))
    before = bot.ask("Was beschloss der Rat der Walfänger in Reykjavík?")
    assert "Walfänger" not in " ".join(c.text for c in before.citations)
    up = tmp_path / "upload"
    up.mkdir()
    (up / "neu.txt").write_text(
        "Walfang-Rat tagt\n\nDer Rat der Walfänger in Reykjavík beschloss am Freitag eine Pause. "
        "Die Pause gilt für zwei Jahre, teilte der Rat mit.\n"
    )
    (up / "leer.txt").write_text("")
    report, rows = ingest_uploads(bot, [str(up / "neu.txt"), str(up / "leer.txt")], corpus_copy)
    assert "✅ uploads/neu.txt: added" in report
    assert "❌ leer.txt: file is empty" in report
    assert not (corpus_copy / "uploads" / "leer.txt").exists()
    assert any(r[4] == "uploads/neu.txt" for r in rows) and len(rows) == 3
    after = bot.ask("Was beschloss der Rat der Walfänger in Reykjavík?")
    assert after.answered and "Walfänger in Reykjavík beschloss" in after.answer


def test_remote_bind_needs_auth(tmp_path):
    assert is_loopback("127.0.0.1") and is_loopback("localhost") and is_loopback("::1")
    assert not is_loopback("0.0.0.0")
    with pytest.raises(ChatbotError, match=r"refusing to serve on 0\.0\.0\.0 without a login"):
        serve(tmp_path, tmp_path, host="0.0.0.0", block=False)
    with pytest.raises(ChatbotError, match="USER:PASSWORD"):
        serve(tmp_path, tmp_path, host="0.0.0.0", auth="nocolon", block=False)
    for empty in (":", "admin:", ":secret", " :secret"):
        with pytest.raises(ChatbotError, match="non-empty"):
            serve(tmp_path, tmp_path, host="0.0.0.0", auth=empty, block=False)


def test_the_question_is_shown_as_text(fake_bot):
    steps = list(respond(fake_bot, 'Was sagt <img src=x onerror="alert(1)"> Rubio?', [], []))
    shown = steps[-1][0][0]["content"]
    assert "<img" not in shown and "&lt;img" in shown


@pytest.fixture(scope="module")
def live_server(tmp_path_factory):
    """The real server with the fake embedder on a free loopback port."""
    work = tmp_path_factory.mktemp("server")
    corpus = work / "corpus"
    shutil.copytree(CORPUS, corpus)
    index = work / "index"
    ingest([corpus], index, HashEmbedder(), root=corpus)
    url, proc = start_server(work, corpus, index, "--fake-embedder")
    yield url, corpus
    proc.terminate()
    proc.wait(timeout=20)


def test_api_endpoint_returns_answer_and_citations(live_server):
    from gradio_client import Client

    url, _ = live_server
    client = Client(url, verbose=False)
    result = client.predict("Wie viele Friedenswächter könnten als Abschreckung dienen?", 3, api_name="/ask")
    assert set(result) >= {"question", "answer", "answered", "citations"}
    for bad in ("abc", 0, 999):
        refused = client.predict("Wer ist Ben Hodges?", bad, api_name="/ask")
        assert "k must be a whole number from 1 to 20" in refused["error"]
    assert 1 <= len(result["citations"]) <= 3
    assert all({"n", "source", "title", "text", "start", "end", "score"} <= set(c) for c in result["citations"])
    empty = client.predict("   ", 3, api_name="/ask")
    assert "empty" in empty["error"]


def test_an_answer_in_progress_survives_an_index_switch(tmp_path, corpus_copy):
    from chatbot.compose import compose

    index = tmp_path / "index"
    ingest([corpus_copy], index, HashEmbedder(), root=corpus_copy)
    bot = Chatbot(index, embedder=HashEmbedder(), settings=AnswerSettings(min_similarity_de=0.2))
    found = bot.search("Was fordert Ben Hodges?")
    (corpus_copy / "000_nato-planspiele-optionen.txt").unlink()
    ingest([corpus_copy], index, HashEmbedder(), root=corpus_copy, prune=True)
    assert bot.refresh()
    answer = compose(found.index, found.question, found.qvec, found.hits)  # the old version, still whole
    assert answer.citations
    assert len(bot.index.documents) == 1 and len(found.index.documents) == 2


def test_sources_are_one_card_per_article_with_byline_and_links():
    from dataclasses import replace

    a = make_answer()
    first = a.citations[0]
    a.citations.append(replace(first, n=3, start=500, end=600, text="Ein weiterer Absatz.", highlights=[]))
    first.meta["url"] = "https://zeitung.example/artikel"
    html = sources_html(a, "1")
    assert html.count('<div class="card">') == 2  # a.txt (two passages) and b.txt
    card = html.split('<div class="card">')[1]
    assert 'id="src-1-1"' in card and 'id="src-1-3"' in card
    assert "Zeitung · 2025-08-20" in card and ">Originalartikel</a>" in card and "zitiert: example.org" in card
    assert "javascript:" not in html and 'class="op">Datei: <code>a.txt</code> [10–' in card


def test_the_start_line_is_printed_once_the_chat_answers(fake_seed_index, monkeypatch):
    import socket

    import gradio as gr

    import chatbot.app as app
    from tests.servers import free_port

    port = free_port()
    listening: list[bool] = []

    def start_line(*args, **kwargs):  # is the address shown already served?
        with socket.socket() as s:
            listening.append(s.connect_ex(("127.0.0.1", port)) == 0)

    monkeypatch.setattr(app, "print", start_line, raising=False)
    try:
        assert serve(fake_seed_index, CORPUS, port=port, fake_embedder=True, block=False) == 0
    finally:
        gr.close_all()
    assert listening == [True]


def test_a_port_in_use_is_a_one_line_error(fake_seed_index):
    import socket

    import gradio as gr

    from tests.servers import free_port

    port = free_port()
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", port))
        taken.listen()
        try:
            with pytest.raises(ChatbotError, match=rf"cannot serve on 127\.0\.0\.1:{port} .*choose another --port"):
                serve(fake_seed_index, CORPUS, port=port, fake_embedder=True, block=False)
        finally:
            gr.close_all()
