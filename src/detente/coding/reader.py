"""Read documents to code: plain text, HTML, JSON Lines, directories and stdin.

Every input becomes a :class:`Document` with an id, its text, its date (when known)
and where it came from. HTML is reduced to the article's main text with trafilatura
(boilerplate such as menus and comments removed); JSON Lines files hold one document a
line with the fields `id`, `date`, `url` and `text`.

The document date comes, in order, from the document's own metadata (the JSON Lines
`date` field, the HTML page's publication date), a `YYYY-MM-DD` date in the file name,
and finally the `default_date` the caller passes (the CLI's `--date`). Relative dates
in sentences ("last week") are resolved against it.

Bytes that are not UTF-8 are decoded as Windows-1252 (which every byte string decodes
under, and which is what most legacy news files use), except UTF-16 with its byte order
mark (what Windows Notepad saves as "Unicode"); files that look binary raise
:class:`~detente.errors.InputError`.
"""

from __future__ import annotations

import codecs
import hashlib
import json
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path

from detente.errors import InputError
from detente.optional import require

TEXT_SUFFIXES = frozenset({".txt", ".text", ".md", ""})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES

_FILENAME_DATE = re.compile(r"(?<!\d)((?:19|20)\d{2})[-_]?(0[1-9]|1[0-2])[-_]?(0[1-9]|[12]\d|3[01])(?!\d)")


@dataclass(frozen=True)
class Document:
    """One text to code, with its provenance.

    `date_source` says where `date` came from: "metadata", "filename", "default" or None. A `date` given as
    ISO text or a datetime is read as its day (:func:`parse_date`); other text raises InputError.
    """

    id: str
    text: str
    date: date | None = None
    url: str | None = None
    file: str | None = None
    date_source: str | None = None

    def __post_init__(self) -> None:
        if self.date is not None and type(self.date) is not date:  # "2025-02-20" or a datetime, as callers pass it
            object.__setattr__(self, "date", parse_date(self.date))


def parse_date(value: object, *, path: str | Path | None = None, line: int | None = None, field: str = "date") -> date | None:
    """A `date` from an ISO string (`2025-02-20`, `2025-02-20T10:00:00Z`), a date, or None."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip()
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        raise InputError(
            f"'{text}' is not a date", path=path, line=line, field=field, hint="write dates as YYYY-MM-DD"
        ) from None


def decode_bytes(data: bytes, *, path: str | Path | None = None) -> str:
    """Text from bytes: UTF-16 with its byte order mark, UTF-8 (with or without BOM), else Windows-1252;
    binary data raises InputError."""
    if looks_binary(data):
        raise InputError(
            "this looks like a binary file, not text",
            path=path,
            hint="give a .txt, .html or .jsonl file (convert PDFs and Word files to text first)",
        )
    text = _utf16(data)
    if text is not None:
        return text
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _utf16(data: bytes, *, final: bool = True) -> str | None:
    """The text of UTF-16 bytes that start with a byte order mark (without the mark), else None; with `final`
    false, `data` may end inside a character (a sample's cut)."""
    if not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return None
    try:
        return codecs.getincrementaldecoder("utf-16")().decode(data, final)
    except UnicodeDecodeError:
        return None


def looks_binary(data: bytes) -> bool:
    """True when a sample of `data` has NUL bytes or many control characters (UTF-16 text read as its characters)."""
    text = _utf16(data[:65536], final=False)
    sample: bytes | str = data[:65536] if text is None else text
    if not sample:
        return False
    codes = list(sample) if isinstance(sample, bytes) else [ord(c) for c in sample]
    if 0 in codes:
        return True
    control = sum(1 for b in codes if b < 32 and b not in (9, 10, 12, 13))
    return control / len(codes) > 0.05


def _doc_id(path: Path | None, text: str, index: int | None = None) -> str:
    if path is not None:
        base = path.name
    else:
        base = "stdin-" + hashlib.sha1(text.encode("utf-8", "replace")).hexdigest()[:10]
    return base if index is None else f"{base}#{index}"


def date_from_filename(path: Path) -> date | None:
    """A date written in a file name (`2025-02-20-riyadh.txt`, `20250220.html`), or None."""
    match = _FILENAME_DATE.search(path.name)
    if not match:
        return None
    try:
        return date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        return None


def html_to_text(html: str) -> tuple[str, date | None, str | None]:
    """Main text, publication date and canonical URL of an HTML page (trafilatura).

    Falls back to all visible text when trafilatura finds no main content (very short
    or broken pages), so a page is never silently empty when it has words.
    """
    trafilatura = require("trafilatura", extra="nlp", purpose="Reading HTML")
    text = None
    meta_date: date | None = None
    url: str | None = None
    try:
        text = trafilatura.extract(html, include_comments=False, include_tables=False, deduplicate=True)
        meta = trafilatura.extract_metadata(html)
        if meta is not None:
            url = getattr(meta, "url", None) or None
            raw = getattr(meta, "date", None)
            if raw:
                try:
                    meta_date = date.fromisoformat(str(raw)[:10])
                except ValueError:
                    meta_date = None
    except Exception:  # noqa: BLE001 - trafilatura/lxml raise many kinds on broken markup
        text = None
    if not text:
        try:
            text = trafilatura.html2txt(html) or ""
        except Exception:  # noqa: BLE001
            text = ""
        if not text:
            text = re.sub(r"<[^>]*>", " ", html)
            text = re.sub(r"[ \t]+", " ", text)
    return text.strip(), meta_date, url


def read_file(path: str | Path, *, default_date: date | None = None) -> list[Document]:
    """The documents in one file (several for JSON Lines)."""
    path = Path(path)
    if not path.exists():
        raise InputError("no such file", path=path, hint="check the path")
    if path.is_dir():
        docs = list(read_directory(path, default_date=default_date))
        if not docs:
            others = sorted(p.name for p in path.rglob("*") if p.is_file())
            raise InputError(
                "no .txt, .html or .jsonl file to code in this directory"
                + (f" (found {', '.join(others[:5])}{' ...' if len(others) > 5 else ''})" if others else " (it is empty)"),
                path=path, hint="convert the articles to text or HTML first, or give the files themselves",
            )
        return docs
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror}", path=path, hint="check the file's permissions") from None
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        return list(read_jsonl_text(decode_bytes(data, path=path), path=path, default_date=default_date))
    text = decode_bytes(data, path=path)
    name_date = date_from_filename(path)
    if suffix in HTML_SUFFIXES or (suffix not in TEXT_SUFFIXES and _looks_html(text)):
        body, meta_date, url = html_to_text(text)
        doc_date, source = _pick_date(meta_date, name_date, default_date)
        return [Document(_doc_id(path, body), body, doc_date, url, str(path), source)]
    doc_date, source = _pick_date(None, name_date, default_date)
    return [Document(_doc_id(path, text), text, doc_date, None, str(path), source)]


def _looks_html(text: str) -> bool:
    head = text[:2000].lstrip().lower()
    return head.startswith("<!doctype html") or head.startswith("<html") or "<body" in head


def _pick_date(meta: date | None, name: date | None, default: date | None) -> tuple[date | None, str | None]:
    if meta is not None:
        return meta, "metadata"
    if name is not None:
        return name, "filename"
    if default is not None:
        return default, "default"
    return None, None


def read_jsonl_text(text: str, *, path: str | Path | None = None, default_date: date | None = None) -> Iterator[Document]:
    """Documents from JSON Lines: one object a line with `text` and optional `id`, `date`, `url`.

    Blank lines are skipped; a line that is not a JSON object with a `text` string
    raises InputError naming the line.
    """
    label = Path(path) if path is not None else Path("<stdin>")
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(
                f"not valid JSON ({exc.msg})", path=label, line=number, hint="write one JSON object per line"
            ) from None
        if not isinstance(record, dict) or not isinstance(record.get("text"), str):
            raise InputError(
                "each line needs a 'text' string", path=label, line=number, field="text",
                hint='write lines like {"id": "a1", "date": "2025-02-20", "url": "...", "text": "..."}',
            )
        body = record["text"]
        if "<" in body[:200] and _looks_html(body):
            body, _, _ = html_to_text(body)
        meta_date = parse_date(record.get("date"), path=label, line=number)
        doc_date, source = _pick_date(meta_date, None, default_date)
        doc_id = str(record.get("id") or f"{label.name}#{number}")
        yield Document(doc_id, body, doc_date, record.get("url"), str(label), source)


def read_directory(path: str | Path, *, default_date: date | None = None) -> Iterator[Document]:
    """Documents from every .txt, .html and .jsonl file under a directory, in name order.

    Other files (and files that look binary) are skipped, not fatal.
    """
    root = Path(path)
    for file in sorted(p for p in root.rglob("*") if p.is_file()):
        if file.suffix.lower() not in SUFFIXES or file.name.startswith("."):
            continue
        try:
            yield from read_file(file, default_date=default_date)
        except InputError as exc:
            if "binary" in exc.message:
                print(f"warning: skipped {file}: binary file", file=sys.stderr)
                continue
            raise


def read_stdin(*, default_date: date | None = None, stream=None) -> list[Document]:
    """Documents from standard input: JSON Lines if every line is a JSON object, else one text."""
    stream = stream if stream is not None else sys.stdin.buffer
    data = stream.read()
    if isinstance(data, str):
        data = data.encode("utf-8")
    text = decode_bytes(data, path="<stdin>")
    lines = [ln for ln in text.splitlines() if ln.strip()]
    if lines and all(ln.lstrip().startswith("{") for ln in lines):
        return list(read_jsonl_text(text, path="<stdin>", default_date=default_date))
    if _looks_html(text):
        text, meta_date, url = html_to_text(text)
        doc_date, source = _pick_date(meta_date, None, default_date)
        return [Document(_doc_id(None, text), text, doc_date, url, None, source)]
    doc_date, source = _pick_date(None, None, default_date)
    return [Document(_doc_id(None, text), text, doc_date, None, None, source)]


def read_paths(paths: Iterable[str | Path], *, default_date: date | None = None) -> list[Document]:
    """Documents from files, directories and `-` (stdin), in the order given."""
    docs: list[Document] = []
    for item in paths:
        if str(item) == "-":
            docs.extend(read_stdin(default_date=default_date))
        else:
            docs.extend(read_file(item, default_date=default_date))
    return docs


def with_date(doc: Document, when: date | None) -> Document:
    """A copy of `doc` with `date` set (if it had none)."""
    if doc.date is not None or when is None:
        return doc
    return replace(doc, date=when, date_source="default")
