"""The 'Code a text' page: check a pasted or uploaded article, code it, mark its events in the text.

Uploads are checked before anything reads them: at most :data:`MAX_BYTES`, a text or
HTML type (by declared content type and file-name suffix), not binary, and decoded
with the project's reader (UTF-8 with or without BOM, else Windows-1252;
:func:`detente.coding.reader.decode_bytes`). HTML goes through the reader's main-text
extraction. The file name is only a label: nothing from the request becomes a path.
Coding is :class:`detente.coding.coder.Coder`'s; this module only splits the text
into plain and highlighted segments for the page. The page codes, as ``detente code FILE
--pairs static|finetuned`` does, with a learned pair model after the rules (the static one by
default, :data:`detente.coding.pair_names.DEFAULT_PAIRS`; README, "The pair models"): the document
is then coded as a page, and the events the model adds carry the note "pair model"
(:data:`detente.coding.pair_names.NOTE`), which the page marks; or with the rules alone (``rules``).
"""

from __future__ import annotations

import hashlib
from datetime import date
from typing import TYPE_CHECKING, Any

from detente.coding.pair_names import DEFAULT_PAIRS, PAIR_NAMES
from detente.coding.pair_names import NOTE as PAIR_NOTE
from detente.errors import InputError
from detente.jsonable import jsonable

if TYPE_CHECKING:
    from detente.web.workspace import Workspace

MAX_BYTES = 500_000
"""The largest text or upload accepted (about 80,000 words; a long article is 10-50 kB)."""
TEXT_TYPES = ("text/plain", "text/html", "application/xhtml+xml", "application/octet-stream", "")
TEXT_SUFFIXES = (".txt", ".text", ".md")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
PAIR_CODERS = {None: "the rules", "static": "rules + static pair model", "finetuned": "rules + fine-tuned pair model"}
"""The coders the page offers, by :class:`~detente.coding.coder.Coder` `pair_model` setting, and what the page
calls each: the rules alone and the two pair models the README recommends (the static one the default; the older
"model" and "encoder" settings stay on the command line)."""
PAIR_CHOICES = {PAIR_NAMES[setting]: setting for setting in PAIR_CODERS}
"""The page's and the API's `pairs` values (the CLI's ``--pairs`` names) and the setting each stands for."""


class PayloadTooLarge(InputError):
    """A text or upload over the size limit (HTTP 413)."""


def check_size(data: bytes | str, field_name: str) -> None:
    size = len(data.encode("utf-8")) if isinstance(data, str) else len(data)
    if size > MAX_BYTES:
        raise PayloadTooLarge(f"{size:,} bytes is over the limit of {MAX_BYTES:,}", field=field_name, hint="split the text and code it in parts, or use `detente code FILE` on the command line")


def read_upload(data: bytes, filename: str | None, content_type: str | None) -> tuple[str, bool]:
    """(text, is_html) from an uploaded file, or InputError naming what is wrong and the fix."""
    from detente.coding.reader import decode_bytes, looks_binary

    name = (filename or "upload").rsplit("/", 1)[-1].rsplit("\\", 1)[-1]
    suffix = "." + name.rsplit(".", 1)[-1].lower() if "." in name else ""
    kind = (content_type or "").split(";")[0].strip().lower()
    if suffix not in TEXT_SUFFIXES + HTML_SUFFIXES:
        raise InputError(f"cannot code a '{suffix or 'no suffix'}' file", field=f"file {name}", hint="upload a .txt or .html file (convert PDF and Word files to text first)")
    if kind not in TEXT_TYPES and not kind.startswith("text/"):
        raise InputError(f"cannot code content of type '{kind}'", field=f"file {name}", hint="upload plain text or HTML")
    check_size(data, f"file {name}")
    if not data.strip():
        raise InputError("the file is empty", field=f"file {name}", hint="upload a file with the article's text")
    if looks_binary(data):
        raise InputError("this looks like a binary file, not text", field=f"file {name}", hint="upload a .txt or .html file (convert PDF and Word files to text first)")
    text = decode_bytes(data, path=name)
    return text, suffix in HTML_SUFFIXES or kind in ("text/html", "application/xhtml+xml")


def code_article(ws: "Workspace", text: str, *, is_html: bool, when: date | None, label: str,
                 pairs: str = DEFAULT_PAIRS) -> dict[str, Any]:
    """Code one article with the coder `pairs` names (:data:`PAIR_CHOICES`); return its events (with provenance,
    those the pair model added marked), which coder made them, and the text cut into segments for highlighting."""
    from detente.coding.reader import html_to_text
    from detente.events.modality import is_asserted
    from detente.events.schema import QUAD_LABELS

    url = None
    if is_html:
        text, meta_date, url = html_to_text(text)
        when = when or meta_date
    if not text.strip():
        raise InputError("there is no text to code", field="text", hint="paste the article's text, or upload a .txt or .html file")
    doc_id = f"web-{hashlib.sha1(text.encode('utf-8')).hexdigest()[:12]}"
    pair_model = PAIR_CHOICES[pairs]
    events = ws.code_text(text, pair_model=pair_model, doc_id=doc_id, date=when, url=url, file=label)
    rows = []
    for k, e in enumerate(events):
        record = jsonable(e.to_record())
        record.update(index=k, quad_label=QUAD_LABELS.get(e.quad, ""), asserted=is_asserted(e),
                      pair_added=PAIR_NOTE in (e.note or ""))
        rows.append(record)
    notes = []
    if not events and when is None:  # undated events are skipped: the text may hold acts all the same
        notes.append("no dated event found: without the article's date only events whose sentence gives a full "
                     "date are kept; give the article's date")
    elif not events:
        notes.append("no events found: the coder needs sentences in which one named actor acts on another")
    elif when is None:
        notes.append("no date given or found in the text: events dated only by date phrases in the text; give the article's date")
    return {"doc_id": doc_id, "date": jsonable(when), "label": label, "chars": len(text), "text": text,
            "pairs": pairs, "coder": PAIR_CODERS[pair_model], "events": rows,
            "segments": segments(text, rows), "notes": notes, "events_objects": events}


def segments(text: str, events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The text as consecutive segments; a sentence that holds events is one segment carrying their indexes."""
    spans: dict[tuple[int, int], list[int]] = {}
    for e in events:
        start, end = e.get("char_start"), e.get("char_end")
        if isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text):
            spans.setdefault((start, end), []).append(e["index"])
    out, pos = [], 0
    for (start, end), idx in sorted(spans.items()):
        if start < pos:  # overlapping spans: attach to the segment already open
            out[-1]["events"].extend(idx)
            continue
        if start > pos:
            out.append({"text": text[pos:start], "events": []})
        out.append({"text": text[start:end], "events": idx})
        pos = end
    if pos < len(text):
        out.append({"text": text[pos:], "events": []})
    return out
