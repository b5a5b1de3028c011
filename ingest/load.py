"""Load article files (.txt, .md, .html, .pdf) into cleaned documents.

Each loader reads one file, finds its text and metadata, and hands the text to
`ingest.clean`. Everything that can go wrong with a file raises `LoadError` with a
message that names the reason; the caller adds the file name and carries on.
Walking folders and deciding what is new is not done here (see `pipeline.py`).
"""

from __future__ import annotations

import errno
import hashlib
import os
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

import yaml

from ingest.clean import clean
from ingest.errors import LoadError

SUPPORTED = (".txt", ".md", ".markdown", ".html", ".htm", ".pdf")
MAX_BYTES = 20_000_000
MIN_TEXT_CHARS = 40
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n---[ \t]*\n", re.S)
_MD_LINK = re.compile(r"!?\[([^\]]*)\]\((https?://[^)\s]+)[^)]*\)")
_MD_SYNTAX = re.compile(r"^\s{0,3}(?:#{1,6}\s+|>\s?|[-*+]\s+(?=\S))|(\*\*|__|`)", re.M)


@dataclass
class Document:
    """A cleaned article: `text` is what gets chunked; `doc_id` hashes it."""

    source: str
    path: str
    title: str
    text: str
    meta: dict[str, Any] = field(default_factory=dict)
    raw_hash: str = ""  # of the file's bytes: an unchanged file is not read and cleaned again

    @property
    def doc_id(self) -> str:
        return content_hash(self.text)


def content_hash(text: str) -> str:
    """Stable id of a text: the first 16 hex digits of its SHA-256."""
    return bytes_hash(text.encode("utf-8"))


def bytes_hash(data: bytes) -> str:
    """Id of a file's bytes: the first 16 hex digits of their SHA-256."""
    return hashlib.sha256(data).hexdigest()[:16]


def read_bytes(path: Path, max_bytes: int = MAX_BYTES) -> bytes:
    """Read a file, turning OS errors and oversize files into `LoadError`."""
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise LoadError(f"file is {size / 1e6:.1f} MB, over the {max_bytes / 1e6:.0f} MB limit (raise --max-mb)")
        with path.open("rb") as f:
            data = f.read(max_bytes + 1)
    except PermissionError as e:
        raise LoadError("permission denied: the file is not readable") from e
    except OSError as e:
        if e.errno == errno.ELOOP:
            raise LoadError("symlink loop: the link never reaches a file") from e
        if e.errno == errno.ENOENT:
            raise LoadError("file not found (a broken symlink?)") from e
        if e.errno == errno.EISDIR:
            raise LoadError("is a directory") from e
        raise LoadError(f"cannot read file: {e.strerror}") from e
    if not data.strip():
        raise LoadError("file is empty")
    return data


def decode_text(data: bytes) -> str:
    """Decode UTF-8 first, then the detected encoding (cp1252, latin-1, ...)."""
    sample = data[:65536]
    if b"\x00" in sample or _control_ratio(sample) > 0.05:
        raise LoadError("binary data, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    # German news: UTF-8 failed, so a Western European code page (or UTF-16) it is
    best = from_bytes(data, cp_isolation=["cp1252", "latin_1", "iso8859_15", "utf_16", "mac_roman"]).best()
    text = str(best) if best is not None else ""
    if best is None or _unprintable_ratio(text) > 0.01:
        raise LoadError("undecodable text: not UTF-8 and no other encoding fits (save it as UTF-8)")
    return text


def _unprintable_ratio(text: str) -> float:
    """Share of control, unassigned or private-use characters: the mark of a wrong guess."""
    sample = text[:65536]
    bad = sum(1 for ch in sample if ch not in "\n\r\t\f" and unicodedata.category(ch) in ("Cc", "Cn", "Co", "Cs"))
    return bad / max(1, len(sample))


def _control_ratio(data: bytes) -> float:
    if not data:
        return 0.0
    bad = sum(1 for b in data if b < 32 and b not in (9, 10, 12, 13))
    return bad / len(data)


def split_front_matter(text: str) -> tuple[dict[str, Any], str]:
    """YAML front matter (if any) and the text after it."""
    m = _FRONT_MATTER.match(text)
    if not m:
        return {}, text
    try:
        meta = yaml.safe_load(m.group(1)) or {}
    except yaml.YAMLError as e:
        line = getattr(getattr(e, "problem_mark", None), "line", None)
        where = f" (line {line + 2})" if line is not None else ""
        raise LoadError(f"invalid YAML front matter{where}") from e
    if not isinstance(meta, dict):
        raise LoadError("front matter must be a YAML mapping of key: value")
    return validate_front_matter({str(k): _plain(v) for k, v in meta.items() if v is not None}), text[m.end() :]


_TEXT_FIELDS = ("title", "outlet", "agency", "language", "description", "dateline", "seed")
_DATE_FORMATS = ("%Y-%m-%d", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%d.%m.%Y", "%Y-%m")


def validate_front_matter(meta: dict[str, Any]) -> dict[str, Any]:
    """Check each field's type; raises `LoadError` naming the first bad field (the file fails,
    never the batch). Dates must parse, URLs must be http(s) URLs."""
    out: dict[str, Any] = {}
    for key, value in meta.items():
        if key in _TEXT_FIELDS:
            if isinstance(value, (list, dict)):
                raise LoadError(f"front matter field '{key}' must be text, got a {type(value).__name__}")
            out[key] = str(value).strip()
        elif key == "author":
            if isinstance(value, list) and all(isinstance(a, (str, int, float)) for a in value):
                out[key] = ", ".join(str(a).strip() for a in value)
            elif isinstance(value, (str, int, float)):
                out[key] = str(value).strip()
            else:
                raise LoadError("front matter field 'author' must be a name or a list of names")
        elif key == "date":
            out[key] = _valid_date(value)
        elif key == "url":
            out[key] = _valid_url(key, value)
        elif key == "source_urls":
            items = [value] if isinstance(value, str) else value
            if not isinstance(items, list):
                raise LoadError(f"front matter field 'source_urls' must be a list of URLs, got {value!r}")
            out[key] = [_valid_url(key, u) for u in items]
        elif isinstance(value, dict):
            raise LoadError(f"front matter field '{key}' must be a value or a list, not a mapping")
        else:
            out[key] = value
    return out


def _valid_date(value: Any) -> str:
    text = str(value).strip() if isinstance(value, (str, int)) else None
    if text is not None:
        for fmt in _DATE_FORMATS:
            try:
                datetime.strptime(text[:19], fmt)
                return text
            except ValueError:
                continue
        try:
            datetime.fromisoformat(text)
            return text
        except ValueError:
            pass
    raise LoadError(f"front matter field 'date' is not a date: {value!r} (use YYYY-MM-DD)")


def _valid_url(key: str, value: Any) -> str:
    from urllib.parse import urlparse

    if isinstance(value, str):
        parsed = urlparse(value.strip())
        if parsed.scheme in ("http", "https") and parsed.netloc:
            return value.strip()
    raise LoadError(f"front matter field '{key}' holds {value!r}, which is not an http(s) URL")


def _plain(value: Any) -> Any:
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def load_text(data: bytes, markdown: bool = False) -> tuple[str, dict[str, Any], bool | None]:
    """Text, metadata and wrap hint of a .txt or .md file."""
    meta, body = split_front_matter(decode_text(data))
    if markdown:
        urls = [u for _, u in _MD_LINK.findall(body)]
        body = _MD_SYNTAX.sub(lambda m: "", _MD_LINK.sub(r"\1", body))
        if urls:
            meta["source_urls"] = list(meta.get("source_urls", [])) + urls
    return body, meta, None


def load_html(data: bytes) -> tuple[str, dict[str, Any], bool | None]:
    """Main text and metadata of an HTML page, via trafilatura."""
    import trafilatura

    html = decode_text(data)
    doc = trafilatura.bare_extraction(
        html,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        include_links=False,
        favor_precision=True,
        deduplicate=True,
    )
    text = (getattr(doc, "text", None) or "").strip() if doc is not None else ""
    if len(text) < MIN_TEXT_CHARS:
        raise LoadError("no article text found in the HTML page")
    meta: dict[str, Any] = {}
    for key, attr in (
        ("title", "title"),
        ("date", "date"),
        ("author", "author"),
        ("outlet", "sitename"),
        ("url", "url"),
        ("description", "description"),
    ):
        value = getattr(doc, attr, None)
        if value:
            meta[key] = str(value)
    if meta.get("title") and not text.startswith(meta["title"]):
        text = meta["title"] + "\n\n" + text
    return text, meta, False


def load_pdf(data: bytes) -> tuple[str, dict[str, Any], bool | None]:
    """Text layer and info of a PDF; wraps and hyphenation are repaired by `clean`."""
    import io

    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise LoadError("encrypted PDF: needs a password, remove it and try again")
        pages = [page.extract_text() or "" for page in reader.pages]
    except LoadError:
        raise
    except Exception as e:  # pypdf raises many types for damaged files
        if "crypt" in str(e).lower():
            raise LoadError("encrypted PDF: cannot read it without the password") from e
        if isinstance(e, PdfReadError):
            raise LoadError(f"damaged PDF: {e}") from e
        raise LoadError(f"cannot read PDF: {e}") from e
    text = "\n\n".join(pages)
    if len(text.strip()) < MIN_TEXT_CHARS:
        raise LoadError("PDF has no text layer (a scan?); run OCR first")
    meta: dict[str, Any] = {}
    info = reader.metadata
    if info is not None:
        if info.title:
            meta["title"] = str(info.title)
        if info.author:
            meta["author"] = str(info.author)
    return text, meta, True


def load_document(path: Path, root: Path | None = None, max_bytes: int = MAX_BYTES) -> Document:
    """Load and clean one article file. Raises `LoadError` with the reason."""
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED:
        shown = suffix or "(none)"
        raise LoadError(f"unsupported file type {shown}: use one of {', '.join(SUPPORTED)}")
    data = read_bytes(path, max_bytes)
    if suffix == ".pdf":
        raw, meta, wrapped = load_pdf(data)
    elif suffix in (".html", ".htm"):
        raw, meta, wrapped = load_html(data)
    else:
        raw, meta, wrapped = load_text(data, markdown=suffix in (".md", ".markdown"))
    cleaned = clean(raw, hard_wrapped=wrapped)
    if len(cleaned.text) < MIN_TEXT_CHARS:
        raise LoadError(f"too little text ({len(cleaned.text)} characters) to be an article")
    title = str(meta.pop("title", "") or "").strip() or _first_line(cleaned.text)
    urls = list(meta.pop("source_urls", []) or [])
    meta["source_urls"] = list(dict.fromkeys(urls + cleaned.urls))
    if cleaned.dateline:
        meta.setdefault("dateline", cleaned.dateline)
    if cleaned.agency:
        meta.setdefault("agency", cleaned.agency)
    base = root if root is not None else path.parent
    try:
        source = path.relative_to(base).as_posix()
    except ValueError:
        source = path.name
    return Document(
        source=source, path=os.path.abspath(path), title=title, text=cleaned.text, meta=meta, raw_hash=bytes_hash(data)
    )


def _first_line(text: str) -> str:
    line = text.strip().split("\n", 1)[0].strip()
    return line if len(line) <= 200 else line[:197] + "…"
