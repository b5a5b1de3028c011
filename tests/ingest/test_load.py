"""Loaders and every bad-input case: one clear reason, never a crash."""

import os
from pathlib import Path

import pytest

from ingest.errors import LoadError
from ingest.load import load_document

ARTICLE = (
    "Sicherheitsgarantien für die Ukraine\n\n"
    "Die Außenminister berieten am Montag über Sicherheitsgarantien für die Ukraine. "
    "Größere Truppenkontingente seien derzeit nicht geplant, hieß es aus Brüssel. "
    "Über die Einzelheiten soll im Frühjahr entschieden werden.\n"
)


def write(tmp_path: Path, name: str, data: bytes | str) -> Path:
    p = tmp_path / name
    p.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return p


def test_txt_with_front_matter(tmp_path):
    p = write(
        tmp_path,
        "a.txt",
        "---\ntitle: Ein Titel\noutlet: Beispielzeitung\ndate: 2025-08-20\nsource_urls: [https://example.org/a]\n---\n"
        + ARTICLE,
    )
    doc = load_document(p, tmp_path)
    assert doc.title == "Ein Titel"
    assert doc.meta["outlet"] == "Beispielzeitung"
    assert doc.meta["date"] == "2025-08-20"
    assert doc.meta["source_urls"] == ["https://example.org/a"]
    assert doc.source == "a.txt"
    assert doc.text.startswith("Sicherheitsgarantien für die Ukraine")
    assert len(doc.doc_id) == 16


def test_title_defaults_to_first_line(tmp_path):
    doc = load_document(write(tmp_path, "b.txt", ARTICLE), tmp_path)
    assert doc.title == "Sicherheitsgarantien für die Ukraine"


def test_markdown_syntax_is_removed_and_links_kept(tmp_path):
    md = "# Überschrift\n\n" + ARTICLE + "\nMehr bei [der Quelle](https://example.org/q) und **fett**.\n"
    doc = load_document(write(tmp_path, "c.md", md), tmp_path)
    assert "#" not in doc.text and "**" not in doc.text and "](" not in doc.text
    assert "der Quelle" in doc.text
    assert "https://example.org/q" in doc.meta["source_urls"]


def test_relative_source_path_is_kept(tmp_path):
    (tmp_path / "sub").mkdir()
    p = write(tmp_path / "sub", "d.txt", ARTICLE)
    assert load_document(p, tmp_path).source == "sub/d.txt"


@pytest.mark.parametrize("encoding", ["latin-1", "cp1252"])
def test_latin1_and_cp1252_keep_umlauts(tmp_path, encoding):
    text = ARTICLE + "Die Straße führt über Brücken – „schön“ gesagt.\n"
    if encoding == "latin-1":
        text = text.replace("–", "-").replace("„", '"').replace("“", '"')
    doc = load_document(write(tmp_path, "e.txt", text.encode(encoding)), tmp_path)
    assert "Außenminister" in doc.text and "Größere" in doc.text and "Straße führt über Brücken" in doc.text


HTML = """<!doctype html><html><head><title>Sicherheitsgarantien: Was geplant ist | Beispielzeitung</title>
<meta property="og:site_name" content="Beispielzeitung">
<meta name="author" content="Erika Muster">
<meta property="article:published_time" content="2025-08-21">
<style>.x{color:red}</style><script>var tracking = "SCRIPTTEXT";</script></head>
<body>
<nav><a href="/">Startseite</a> <a href="/politik">Politik</a> NAVTEXT</nav>
<div class="cookie-banner">Wir verwenden Cookies COOKIETEXT. <button>Akzeptieren</button></div>
<article><h1>Sicherheitsgarantien: Was geplant ist</h1>
<p>Die Außenminister der Europäischen Union berieten am Montag in Brüssel ausführlich über mögliche
Sicherheitsgarantien für die Ukraine nach einem Waffenstillstand mit Russland.</p>
<p>Größere Truppenkontingente seien derzeit nicht geplant, hieß es aus Diplomatenkreisen. Über die
Einzelheiten solle im Frühjahr entschieden werden, sagte ein Sprecher des Auswärtigen Dienstes.</p>
<p>Mehrere Staaten hatten zuvor ihre Bereitschaft signalisiert, sich an einer Mission zu beteiligen,
wenn die Vereinigten Staaten Unterstützung aus der Luft zusagen.</p></article>
<aside class="most-read"><h3>Meistgelesen</h3><ul><li>MOSTREAD Artikel eins</li><li>Artikel zwei</li></ul></aside>
<footer>Impressum FOOTERTEXT Datenschutz</footer></body></html>"""


def test_html_main_text_and_metadata(tmp_path):
    doc = load_document(write(tmp_path, "f.html", HTML), tmp_path)
    assert "Die Außenminister der Europäischen Union berieten" in doc.text
    assert "Unterstützung aus der Luft" in doc.text
    for junk in ("NAVTEXT", "COOKIETEXT", "MOSTREAD", "FOOTERTEXT", "SCRIPTTEXT", "color:red"):
        assert junk not in doc.text
    assert "Sicherheitsgarantien" in doc.title
    assert doc.meta.get("date") == "2025-08-21"
    assert doc.meta.get("author") == "Erika Muster"


def make_pdf(path: Path, lines: list[str], encrypt: str | None = None) -> Path:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=A4)
    y = 800
    for line in lines:
        c.drawString(50, y, line)
        y -= 16
    c.save()
    if encrypt:
        from pypdf import PdfReader, PdfWriter

        w = PdfWriter(clone_from=PdfReader(str(path)))
        w.encrypt(user_password=encrypt, owner_password=encrypt)
        with path.open("wb") as f:
            w.write(f)
    return path


PDF_LINES = [
    "Ukraine fordert Sicherheitsgarantien",
    "",
    "Die Europäer könnten das selbst regeln, und es bedarf keiner US-",
    "Unterstützung, sagte er. Die Friedens-",
    "sicherung wäre schwierig, warnten Experten am Montag in",
    "Brüssel. Der Einsatz müsse sorgfältig vorbereitet werden, und die",
    "Truppen bräuchten einen klaren Auftrag, hieß es weiter aus den",
    "Kreisen der Diplomaten. Einzelheiten blieben zunächst offen und",
    "sollen im Frühjahr beraten werden, wie ein Sprecher sagte.",
]


def test_pdf_text_with_wraps_and_hyphens_repaired(tmp_path):
    doc = load_document(make_pdf(tmp_path / "g.pdf", PDF_LINES), tmp_path)
    assert "keiner US-Unterstützung, sagte er" in doc.text
    assert "Die Friedenssicherung wäre schwierig" in doc.text
    assert "warnten Experten am Montag in Brüssel." in doc.text


# ---------------------------------------------------------------- bad input


def expect_error(path: Path, root: Path, fragment: str, **kw) -> None:
    with pytest.raises(LoadError) as e:
        load_document(path, root, **kw)
    assert fragment in str(e.value)
    assert "\n" not in str(e.value)


def test_empty_file(tmp_path):
    expect_error(write(tmp_path, "empty.txt", ""), tmp_path, "empty")


def test_whitespace_only_file(tmp_path):
    expect_error(write(tmp_path, "blank.txt", "  \n\n \t"), tmp_path, "empty")


def test_binary_named_txt(tmp_path):
    expect_error(write(tmp_path, "bin.txt", bytes(range(256)) * 50), tmp_path, "binary")


def test_undecodable_text(tmp_path):
    data = bytes([0x81, 0x8D, 0x8F, 0x90, 0x9D]) * 400  # undefined in cp1252, invalid UTF-8
    with pytest.raises(LoadError) as e:
        load_document(write(tmp_path, "bad.txt", data), tmp_path)
    assert "undecodable" in str(e.value) or "binary" in str(e.value) or "too little text" in str(e.value)


def test_unsupported_extension(tmp_path):
    expect_error(write(tmp_path, "a.docx", b"PK\x03\x04"), tmp_path, "unsupported file type .docx")


def test_unreadable_file(tmp_path, monkeypatch):
    p = write(tmp_path, "secret.txt", ARTICLE)
    p.chmod(0)
    if os.geteuid() == 0:  # root reads anything: simulate what a normal user meets

        def deny(self, *a, **k):
            raise PermissionError(13, "Permission denied")

        monkeypatch.setattr(Path, "open", deny)
    expect_error(p, tmp_path, "permission denied")


def test_symlink_loop(tmp_path):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.symlink_to(b)
    b.symlink_to(a)
    expect_error(a, tmp_path, "symlink loop")


def test_html_without_article_text(tmp_path):
    html = "<html><head><title>Login</title></head><body><nav>Start</nav><form>Passwort</form></body></html>"
    expect_error(write(tmp_path, "login.html", html), tmp_path, "no article text")


def test_pdf_without_text_layer(tmp_path):
    from reportlab.pdfgen import canvas

    p = tmp_path / "scan.pdf"
    c = canvas.Canvas(str(p))
    c.rect(100, 100, 200, 200, fill=1)
    c.save()
    expect_error(p, tmp_path, "no text layer")


def test_encrypted_pdf(tmp_path):
    p = make_pdf(tmp_path / "locked.pdf", PDF_LINES, encrypt="geheim")
    expect_error(p, tmp_path, "encrypted PDF")


def test_damaged_pdf(tmp_path):
    expect_error(write(tmp_path, "broken.pdf", b"%PDF-1.4\nnot really"), tmp_path, "PDF")


def test_very_large_file_is_refused_with_the_limit(tmp_path):
    p = tmp_path / "huge.txt"
    with p.open("wb") as f:
        f.truncate(50 * 1024 * 1024)
    expect_error(p, tmp_path, "over the 20 MB limit")


def test_invalid_front_matter(tmp_path):
    expect_error(write(tmp_path, "fm.txt", "---\ntitle: [unclosed\n---\n" + ARTICLE), tmp_path, "front matter")


@pytest.mark.parametrize(
    ("front", "message"),
    [
        ("source_urls: 5", "'source_urls' must be a list of URLs"),
        ("date: [1, 2]", "'date' is not a date"),
        ("date: gestern", "'date' is not a date"),
        ("title: [a, b]", "'title' must be text"),
        ("url: javascript:alert(1)", "not an http(s) URL"),
        ("source_urls: [https://ok.example/a, 7]", "7, which is not an http(s) URL"),
        ("outlet: {name: x}", "'outlet' must be text"),
    ],
)
def test_bad_front_matter_field_fails_that_file_only(tmp_path, fake_embedder, front, message):
    from ingest.pipeline import ingest

    body = "Ein Artikel über Sicherheitsgarantien für die Ukraine, lang genug für den Index. " * 3
    (tmp_path / "bad.txt").write_text(f"---\n{front}\n---\n{body}", encoding="utf-8")
    (tmp_path / "good.txt").write_text(f"---\ndate: 2025-08-19\nauthor: [A, B]\n---\n{body}", encoding="utf-8")
    summary = ingest([tmp_path], tmp_path / "index", fake_embedder)
    assert summary.added == ["good.txt"] and len(summary.failed) == 1
    assert message in summary.failed[0]["error"] and "bad.txt" in summary.failed[0]["path"]
