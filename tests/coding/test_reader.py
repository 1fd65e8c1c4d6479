"""Reading text, HTML, JSON Lines, directories and stdin, with document dates."""

from __future__ import annotations

import io
import json
from datetime import date

import pytest

from detente.coding import reader
from detente.errors import InputError


def test_plain_text_with_default_date(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Russia attacked Ukraine.", encoding="utf-8")
    (doc,) = reader.read_file(path, default_date=date(2025, 2, 1))
    assert doc.text == "Russia attacked Ukraine."
    assert (doc.id, doc.date, doc.date_source, doc.file) == ("a.txt", date(2025, 2, 1), "default", str(path))


def test_date_in_file_name_beats_default(tmp_path):
    path = tmp_path / "2025-02-20-riyadh.txt"
    path.write_text("text", encoding="utf-8")
    (doc,) = reader.read_file(path, default_date=date(2000, 1, 1))
    assert (doc.date, doc.date_source) == (date(2025, 2, 20), "filename")


def test_jsonl_fields_and_dates(tmp_path):
    path = tmp_path / "news.jsonl"
    lines = [
        {"id": "a1", "date": "2025-02-18", "url": "https://example.org/a1", "text": "Rubio met Lavrov."},
        {"text": "No id or date here."},
    ]
    path.write_text("\n".join(json.dumps(x) for x in lines) + "\n\n", encoding="utf-8")
    first, second = reader.read_file(path, default_date=date(2025, 3, 1))
    assert (first.id, first.date, first.url, first.date_source) == ("a1", date(2025, 2, 18), "https://example.org/a1", "metadata")
    assert (second.id, second.date, second.date_source) == ("news.jsonl#2", date(2025, 3, 1), "default")


@pytest.mark.parametrize(
    ("line", "message"),
    [("{not json", "not valid JSON"), ('{"id": 1}', "'text'"), ('{"text": "x", "date": "yesterday"}', "not a date")],
)
def test_bad_jsonl_lines_name_the_line(tmp_path, line, message):
    path = tmp_path / "bad.jsonl"
    path.write_text('{"text": "fine"}\n' + line + "\n", encoding="utf-8")
    with pytest.raises(InputError) as info:
        reader.read_file(path)
    assert message in str(info.value)
    assert f"{path}:2" in str(info.value)


def test_html_main_text_and_metadata_date(tmp_path):
    page = (
        "<html><head><title>Talks</title><meta property='article:published_time' content='2025-02-18T10:00:00Z'>"
        "</head><body><nav>Home | World | Sport</nav><article><h1>Talks in Riyadh</h1>"
        "<p>American and Russian delegations met in Riyadh on Tuesday to discuss the war in Ukraine. "
        "The talks lasted four and a half hours and ended with an agreement to keep talking.</p>"
        "<p>Ukraine was not invited to the meeting, which drew criticism from Kyiv and from European capitals "
        "that fear being left out of any settlement.</p></article><footer>Copyright</footer></body></html>"
    )
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    (doc,) = reader.read_file(path)
    assert "delegations met in Riyadh" in doc.text
    assert "Copyright" not in doc.text
    assert doc.date == date(2025, 2, 18) and doc.date_source == "metadata"


def test_broken_html_gives_text_not_a_crash(tmp_path):
    path = tmp_path / "broken.html"
    path.write_bytes(b"<html><body><p>Russia attacked <b>Ukraine.<p><div><<<>>> unclosed <i>tags")
    (doc,) = reader.read_file(path)
    assert "Russia attacked" in doc.text


def test_non_utf8_bytes_are_decoded(tmp_path):
    path = tmp_path / "legacy.txt"
    path.write_bytes("Zelensky \u2013 caf\u00e9 talks.".encode("cp1252"))
    (doc,) = reader.read_file(path)
    assert doc.text == "Zelensky \u2013 caf\u00e9 talks."


def test_binary_file_is_a_clear_error(tmp_path):
    path = tmp_path / "junk.txt"
    path.write_bytes(bytes(range(256)) * 40)
    with pytest.raises(InputError, match="binary"):
        reader.read_file(path)


def test_missing_file(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        reader.read_file(tmp_path / "absent.txt")


def test_directory_reads_known_suffixes_and_skips_binaries(tmp_path, capsys):
    (tmp_path / "b.txt").write_text("Second.", encoding="utf-8")
    (tmp_path / "a.txt").write_text("First.", encoding="utf-8")
    (tmp_path / "c.txt").write_bytes(b"\x00\x01\x02" * 100)
    (tmp_path / "image.png").write_bytes(b"\x89PNG")
    docs = reader.read_paths([tmp_path])
    assert [d.text for d in docs] == ["First.", "Second."]
    assert "skipped" in capsys.readouterr().err


def test_stdin_text_and_jsonl():
    (doc,) = reader.read_stdin(stream=io.BytesIO(b"Russia attacked Ukraine."), default_date=date(2025, 1, 1))
    assert doc.text == "Russia attacked Ukraine." and doc.id.startswith("stdin-")
    docs = reader.read_stdin(stream=io.BytesIO(b'{"id": "x", "text": "A."}\n{"id": "y", "text": "B."}\n'))
    assert [d.id for d in docs] == ["x", "y"]


def test_empty_file_is_one_empty_document(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    (doc,) = reader.read_file(path)
    assert doc.text == ""


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_text_with_its_byte_order_mark_is_decoded_not_refused_as_binary(tmp_path, encoding):
    text = "Athens summoned the Turkish ambassador on Monday.\nCaf\u00e9 talks followed."
    data = text.encode(encoding)
    if encoding != "utf-16":  # the plain codec writes its own mark; the explicit ones do not
        data = ("\ufeff" + text).encode(encoding)
    path = tmp_path / "notepad.txt"
    path.write_bytes(data)
    assert not reader.looks_binary(data)
    (doc,) = reader.read_file(path)
    assert doc.text == text


def test_a_directory_without_a_file_to_code_is_an_error_naming_what_it_reads(tmp_path):
    (tmp_path / "report.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / "notes.docx").write_bytes(b"PK")
    with pytest.raises(InputError, match=r"no \.txt, \.html or \.jsonl file") as caught:
        reader.read_paths([tmp_path])
    assert str(tmp_path) in str(caught.value) and "report.pdf" in str(caught.value)
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(InputError, match="no .txt"):
        reader.read_paths([empty])
