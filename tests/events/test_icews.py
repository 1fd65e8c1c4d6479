"""ICEWS importer: actor codes from countries and sectors, unresolved actors kept, quarantine."""

from __future__ import annotations

from pathlib import Path

import pytest

from detente.errors import DataFormatError
from detente.events.importers.icews import role_for_sectors
from detente.events.store import EventStore

from .conftest import ICEWS_HEADER, icews_row, shared, write_lines


@pytest.fixture
def store(tmp_path: Path):
    with EventStore(tmp_path / "ev.duckdb") as s:
        yield s


def test_rows_become_coded_events(store: EventStore, tmp_path: Path) -> None:
    path = write_lines(tmp_path / "events.tab", [
        ICEWS_HEADER,
        icews_row(),
        icews_row(**{"Event ID": "9002", "Source Name": "China", "Source Sectors": "", "Source Country": "China",
                     "Target Name": "Citizen (United States)", "Target Sectors": "General Population / Civilian / Social",
                     "Target Country": "United States", "CAMEO Code": "0234", "Intensity": "3.4", "Sentence Number": "5"}),
        icews_row(**{"Event ID": "9003", "Source Name": "United Nations", "Source Sectors": "NA", "Source Country": "NA",
                     "Target Country": "Atlantis", "Target Name": "Navy (Atlantis)"}),
    ])
    summary = store.import_file("icews", path)
    assert (summary.read, summary.added, summary.quarantined) == (3, 3, 0)
    ev = store.events().set_index("row")
    assert (ev.loc[2, "source"], ev.loc[2, "target"]) == ("RUSGOV", "UKRMIL")
    assert (ev.loc[2, "doc_id"], ev.loc[2, "sentence_index"], ev.loc[2, "goldstein"]) == ("5001", 2, 1.0)
    assert "icews_event_id=9001" in ev.loc[2, "note"] and "event_text=Consult" in ev.loc[2, "note"]
    assert (ev.loc[3, "source"], ev.loc[3, "target"], ev.loc[3, "cameo"]) == ("CHN", "USACVL", "0234")
    # an organisation with no country resolves by name; an unknown country is kept as '---' with its name
    assert ev.loc[4, "source"] == "UNO"
    assert ev.loc[4, "target"] == "---" and ev.loc[4, "target_name"] == "Navy (Atlantis)"
    assert "target_country=Atlantis" in ev.loc[4, "note"]
    assert any("Atlantis" in note for note in summary.notes)


def test_quarantine_bad_date_code_and_columns(store: EventStore, tmp_path: Path) -> None:
    path = write_lines(tmp_path / "bad.tab", [
        ICEWS_HEADER,
        icews_row(**{"Event Date": "2018-13-01"}),
        icews_row(**{"CAMEO Code": "888"}),
        "\t".join(icews_row().split("\t")[:12]),
        icews_row(**{"Event ID": "ok"}),
    ])
    summary = store.import_file("icews", path)
    assert (summary.read, summary.added, summary.quarantined) == (4, 1, 3)
    reasons = dict(zip(store.quarantine().line, store.quarantine().reason))
    assert reasons == {
        2: 'bad date: Event Date="2018-13-01"',
        3: 'unknown CAMEO code: CAMEO Code="888"',
        4: "wrong column count: expected 20, found 12",
    }
    assert store.events().row.tolist() == [5]


def test_header_is_checked(store: EventStore, tmp_path: Path) -> None:
    with pytest.raises(DataFormatError, match="not an ICEWS"):
        store.import_file("icews", write_lines(tmp_path / "x.tab", ["a\tb", "1\t2"]))


@pytest.mark.parametrize(
    ("sectors", "role"),
    [
        ("Military,Government", "MIL"),
        ("Executive,Foreign Ministry,Government", "GOV"),
        ("Finance / Economy / Commerce / Trade Ministry", "GOV"),
        ("Police,Government", "COP"),
        ("Parties,(National) Major Party", ""),
        ("NA", ""),
        ("", ""),
    ],
)
def test_role_for_sectors(sectors: str, role: str) -> None:
    assert role_for_sectors(sectors) == role


@pytest.mark.shared_data
def test_shared_sample_stores_3705_events(tmp_path: Path) -> None:
    path = shared("icews_events_2018_sample.tab")
    with EventStore(tmp_path / "i.duckdb") as store:
        summary = store.import_file("icews", path)
        assert (summary.read, summary.added, summary.quarantined) == (3705, 3705, 0)
        assert store.count() == 3705
        ev = store.events()
        assert ev.doc_id.notna().all() and ev.row.min() == 2 and ev.row.max() == 3706
        assert len(store.events(dyad=("USA", "RUS"))) > 0
        assert store.import_file("icews", path).added == 0
