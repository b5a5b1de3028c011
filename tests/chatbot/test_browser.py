"""End to end in a real browser: Debian's Chromium driven by Playwright, real model.

Starts the server on a free loopback port, asks a German question, opens a citation,
uploads an article and asks about it, and checks that an article carrying script
runs none of it. Nothing here downloads a browser; without /usr/bin/chromium it skips.
"""

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import CORPUS, ROOT, start_server

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
pytestmark = [
    pytest.mark.browser,
    pytest.mark.model,
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian chromium not installed (make test installs it)"),
]

XSS_ARTICLE = (
    "Drohnenabwehr an der Ostflanke\n\n"
    "Die Bundeswehr testet an der Ostflanke ein neues System zur Drohnenabwehr, das Sensoren und Störsender "
    "verbindet. <script>window.__xss = 1</script> Nach Angaben des Heeres soll es im Herbst einsatzbereit sein. "
    '<img src=x onerror="window.__xss = 2"> Die Kosten liegen bei rund 40 Millionen Euro.\n'
)
UPLOAD_ARTICLE = (
    "Marinemission im Schwarzen Meer\n\n"
    "Großbritannien und Frankreich planen eine Marinemission im Schwarzen Meer, um Handelsschiffe zu schützen. "
    "Die Mission soll von Odessa aus geführt werden und sechs Fregatten umfassen, sagte ein Sprecher am Dienstag.\n"
)


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    work = tmp_path_factory.mktemp("browser")
    corpus = work / "corpus"
    shutil.copytree(CORPUS, corpus)
    (corpus / "xss.txt").write_text(XSS_ARTICLE, encoding="utf-8")
    index = work / "index"
    subprocess.run([sys.executable, "-m", "ingest", str(corpus), "--index", str(index), "-q"], cwd=ROOT, check=True)
    url, proc = start_server(work, corpus, index, "--allow-uploads")
    yield url, work
    proc.terminate()
    proc.wait(timeout=30)


@pytest.fixture(scope="module")
def page(server):
    from playwright.sync_api import sync_playwright

    url, _ = server
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        pg = browser.new_page(viewport={"width": 1280, "height": 1000})
        pg.outside = []  # type: ignore[attr-defined]
        pg.on(
            "request",
            lambda r: None if r.url.startswith(("http://127.0.0.1", "data:", "blob:")) else pg.outside.append(r.url),
        )  # type: ignore[attr-defined]
        pg.goto(url)
        pg.wait_for_selector("#question textarea", timeout=60_000)
        yield pg
        browser.close()


def ask(pg, question: str) -> None:
    n = pg.locator("#chat .sources").count()
    pg.fill("#question textarea", question)
    pg.click("#send")
    pg.wait_for_function(f"document.querySelectorAll('#chat .sources').length > {n}", timeout=60_000)


def last_bot_message(pg):
    return pg.locator("#chat .bot").last


def test_german_question_gets_a_cited_answer_and_the_citation_opens(page):
    ask(page, "Wie viele Friedenswächter könnten als Abschreckung dienen?")
    msg = last_bot_message(page)
    assert "100.000 Friedenswächter" in msg.inner_text()
    marker = msg.locator("a.cite").first
    assert marker.inner_text() == "[1]"
    marker.click()
    opened = msg.locator("details[open]")
    opened.first.wait_for(timeout=5_000)
    assert "100.000 Friedenswächter" in opened.first.locator("mark").inner_text()
    if os.environ.get("SAVE_SCREENSHOT"):
        page.screenshot(path=str(ROOT / "docs" / "screenshot.png"), full_page=True)


def test_english_question_is_answered_with_english_frame(page):
    ask(page, "What did Wolfgang Ischinger warn about?")
    text = last_bot_message(page).inner_text()
    assert "German-language articles" in text and "Ischinger" in text


def test_article_script_never_runs(page):
    ask(page, "Wie viel kostet das neue System zur Drohnenabwehr an der Ostflanke?")
    msg = last_bot_message(page)
    for d in msg.locator("details").all():
        d.evaluate("e => e.open = true")
    text = msg.inner_text()
    assert "<script>window.__xss = 1</script>" in text
    assert page.evaluate("typeof window.__xss") == "undefined"
    assert msg.locator("script").count() == 0 and msg.locator("img[src=x]").count() == 0


def test_upload_then_ask(page, server, tmp_path):
    _, work = server
    article = tmp_path / "marinemission.txt"
    article.write_text(UPLOAD_ARTICLE, encoding="utf-8")
    page.get_by_role("tab", name="Artikel / Corpus").click()
    page.locator("#upload input[type=file]").set_input_files(str(article))
    page.wait_for_timeout(1000)
    page.click("#ingest")
    page.wait_for_function(
        "(document.querySelector('#ingest-status') || {innerText: ''}).innerText.includes('added')",
        timeout=120_000,
    )
    assert "uploads/marinemission.txt" in page.locator("#corpus-table").inner_text()
    assert (work / "corpus" / "uploads" / "marinemission.txt").exists()
    page.get_by_role("tab", name="Chat").click()
    ask(page, "Wie viele Fregatten soll die Marinemission im Schwarzen Meer umfassen?")
    assert "sechs Fregatten" in last_bot_message(page).inner_text()


def test_page_loads_nothing_from_the_internet(page):
    assert page.outside == []  # type: ignore[attr-defined]


def test_clicking_an_example_asks_it(page):
    n = page.locator("#chat .sources").count()
    page.get_by_text("Werden die USA Bodentruppen in die Ukraine schicken?").first.click()
    page.wait_for_function(f"document.querySelectorAll('#chat .sources').length > {n}", timeout=60_000)
    assert "Bodentruppen" in last_bot_message(page).inner_text()


BACKGROUND_JS = """e => {
  let s = getComputedStyle(e), b = s.backgroundColor, n = e;
  while (b === 'rgba(0, 0, 0, 0)' && n.parentElement) { n = n.parentElement; b = getComputedStyle(n).backgroundColor; }
  return [s.color, b];
}"""


def test_dark_mode_keeps_answers_and_passages_readable(server, page):
    """Computed colours in dark mode: text and its background differ clearly (no light-on-light)."""
    url, _ = server

    def luminance(rgb: str) -> float:
        parts = [int(float(x)) for x in rgb[rgb.index("(") + 1 : rgb.index(")")].split(",")[:3]]
        r, g, b = (c / 255 for c in parts)
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    pg = page.context.browser.new_page(viewport={"width": 1280, "height": 1000}, color_scheme="dark")
    try:
        pg.goto(url + "?__theme=dark")
        pg.wait_for_selector("#question textarea", timeout=60_000)
        ask(pg, "Wie viel kostet eine Friedenstruppe auf dem Mond?")  # refused: the refusal box
        ask(pg, "Wie viele Friedenswächter könnten als Abschreckung dienen?")
        for d in pg.locator("#chat details").all():
            d.evaluate("e => e.open = true")
        for selector in (".refusal", "blockquote.passage", ".answer"):
            el = pg.locator(f"#chat {selector}").first
            fg, bg = el.evaluate(BACKGROUND_JS)
            assert abs(luminance(fg) - luminance(bg)) > 0.4, (selector, fg, bg)
        if os.environ.get("SAVE_SCREENSHOT"):
            pg.screenshot(path=str(ROOT / "docs" / "screenshot-dark.png"), full_page=True)
    finally:
        pg.close()


def test_uploads_are_for_the_operator_only(tmp_path, page):
    """With --admin, readers see no upload control; a wrong login is refused; the operator uploads."""
    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS, corpus)
    index = tmp_path / "index"
    ingest_cmd = [sys.executable, "-m", "ingest", str(corpus), "--index", str(index), "-q", "--fake-embedder"]
    subprocess.run(ingest_cmd, cwd=ROOT, check=True)
    url, proc = start_server(tmp_path, corpus, index, "--fake-embedder", "--admin", "redaktion:geheim")
    try:
        pg = page.context.browser.new_page(viewport={"width": 1280, "height": 1000})
        try:
            pg.goto(url)
            pg.get_by_role("tab", name="Artikel / Corpus").click()
            pg.wait_for_selector("#admin-login", timeout=30_000)
            assert pg.locator("#upload").count() == 0 or not pg.locator("#upload").is_visible()
            pg.fill("#admin-user textarea, #admin-user input", "redaktion")
            pg.fill("#admin-password input", "falsch")
            pg.click("#admin-login")
            pg.wait_for_function("document.querySelector('#admin-status').innerText.includes('failed')")
            assert pg.locator("#upload").count() == 0 or not pg.locator("#upload").is_visible()
            pg.fill("#admin-password input", "geheim")
            pg.click("#admin-login")
            pg.wait_for_selector("#upload", state="visible", timeout=10_000)
        finally:
            pg.close()
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def test_thumbs_are_stored_with_question_answer_and_version(page, server):
    _, work = server
    ask(page, "Werden die USA Bodentruppen in die Ukraine schicken?")
    page.locator("#chat button[aria-label='Like']").last.click()
    path = work / "index" / "feedback.jsonl"
    deadline = time.time() + 10
    # the file is created, then its line written: wait for the whole line
    while not (path.exists() and path.read_text(encoding="utf-8").endswith("\n")) and time.time() < deadline:
        time.sleep(0.2)
    row = json.loads(path.read_text(encoding="utf-8").splitlines()[-1])
    assert row["rating"] == "up" and row["question"] == "Werden die USA Bodentruppen in die Ukraine schicken?"
    assert "Bodentruppen" in row["answer"] and row["version"].startswith("v")


def test_phone_viewport_shows_the_question_box_without_scrolling(server, page):
    url, _ = server
    pg = page.context.browser.new_page(viewport={"width": 390, "height": 844}, is_mobile=True)
    try:
        pg.goto(url)
        box = pg.locator("#question textarea")
        box.wait_for(timeout=60_000)
        bounds = box.bounding_box()
        assert bounds is not None and bounds["y"] + bounds["height"] <= 844, bounds
        ask(pg, "Werden die USA Bodentruppen in die Ukraine schicken?")
        assert "Bodentruppen" in last_bot_message(pg).inner_text()
        if os.environ.get("SAVE_SCREENSHOT"):
            pg.screenshot(path=str(ROOT / "docs" / "screenshot-phone.png"))
    finally:
        pg.close()


LIVE_ARTICLE = """---
title: Minenräumung im Asowschen Meer
outlet: Testagentur
date: 2025-09-02
---
Minenräumung im Asowschen Meer

Ein Verband aus vier türkischen Minenjagdbooten soll nach einem Waffenstillstand das Asowsche Meer räumen.
Die vier Minenjagdboote würden von einem Versorgungsschiff aus Izmir begleitet, teilte das Verteidigungsministerium mit.
"""


def test_command_line_ingest_is_answered_in_the_open_page(page, server, tmp_path):
    """An operator ingests from a terminal while the chat is open: the next question finds it,
    without a restart or a page reload."""
    _, work = server
    article = tmp_path / "minen.txt"
    article.write_text(LIVE_ARTICLE, encoding="utf-8")
    page.get_by_role("tab", name="Chat").click()
    cmd = [sys.executable, "-m", "ingest", str(article), "--index", str(work / "index"), "-q"]
    subprocess.run(cmd, cwd=ROOT, check=True)
    time.sleep(4)  # the server checks the index folder every 2 s
    ask(page, "Wie viele Minenjagdboote sollen das Asowsche Meer räumen?")
    assert "vier türkischen Minenjagdbooten" in last_bot_message(page).inner_text()
