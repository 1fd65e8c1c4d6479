"""Generic CSV/Parquet importer with column mappings."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from detente.errors import DataFormatError, InputError
from detente.events.importers.tabular import parse_mapping
from detente.events.store import EventStore

from .conftest import write_lines


@pytest.fixture
def store(tmp_path: Path):
    with EventStore(tmp_path / "ev.duckdb") as s:
        yield s


CSV = [
    "day,actor1,actor2,code,text",
    "2025-02-12,USAGOV,RUSGOV,041,Trump and Putin spoke",
    '2025-02-18,usa,rus,43,"Talks in Riyadh, without Ukraine"',
    "2025-02-31,USA,UKR,111,bad date",
    "2025-02-19,USA,UKR,999,unknown code",
    "2025-02-20,USA,UKR",
]


def test_csv_with_map_string(store: EventStore, tmp_path: Path) -> None:
    path = write_lines(tmp_path / "mine.csv", CSV)
    summary = store.import_file(
        "csv", path, mapping="date=day,source=actor1,target=actor2,cameo=code,sentence=text", dataset="mine"
    )
    assert (summary.read, summary.added, summary.quarantined) == (5, 2, 3)
    ev = store.events()
    assert list(ev.cameo) == ["041", "043"]  # a dropped leading zero is restored
    assert list(ev.source) == ["USAGOV", "USA"] and list(ev.dataset) == ["mine", "mine"]
    assert ev.sentence.iloc[1] == "Talks in Riyadh, without Ukraine"
    assert list(ev.goldstein) == [1.0, 2.8] and list(ev.row) == [2, 3] and set(ev.doc_id) == {""}
    reasons = dict(zip(store.quarantine().line, store.quarantine().reason))
    assert reasons == {
        4: 'bad date: day="2025-02-31"',
        5: 'unknown CAMEO code: code="999"',
        6: "wrong column count: expected 5, found 3",
    }


def test_yaml_mapping_with_date_format(store: EventStore, tmp_path: Path) -> None:
    mapping = tmp_path / "map.yaml"
    mapping.write_text(
        "dataset: desk\ndate_format: '%d/%m/%Y'\ncolumns: {date: when, source: who, target: whom, cameo: what,"
        " goldstein: score}\n",
        encoding="utf-8",
    )
    path = write_lines(tmp_path / "desk.tsv", ["when\twho\twhom\twhat\tscore", "12/02/2025\tUSA\tRUS\t042\t2.5",
                                               "13/02/2025\tUSA\tRUS\t042\tlots"])
    summary = store.import_file("csv", path, mapping=mapping)
    assert (summary.added, summary.quarantined) == (1, 1)
    row = store.events().iloc[0]
    assert str(row.date.date()) == "2025-02-12" and row.goldstein == 2.5 and row.dataset == "desk"
    assert store.quarantine().reason.iloc[0] == 'bad number: score="lots"'


def test_parquet(store: EventStore, tmp_path: Path) -> None:
    path = tmp_path / "e.parquet"
    pd.DataFrame({"d": pd.to_datetime(["2025-02-12", "2025-02-13"]), "s": ["USA", "RUS"], "t": ["RUS", "USA"],
                  "c": ["042", "xx"]}).to_parquet(path)
    summary = store.import_file("parquet", path, mapping={"date": "d", "source": "s", "target": "t", "cameo": "c"})
    assert (summary.added, summary.quarantined) == (1, 1)
    q = store.quarantine().iloc[0]
    assert q.line == 2 and q.reason == 'unknown CAMEO code: c="xx"' and '"xx"' in q.raw


def test_missing_mapping_names_the_columns(store: EventStore, tmp_path: Path) -> None:
    path = write_lines(tmp_path / "mine.csv", CSV)
    with pytest.raises(DataFormatError, match="no column mapped to date, source, target, cameo"):
        store.import_file("csv", path)
    assert store.count() == 0 and store.imports().empty


@pytest.mark.parametrize("spec", ["date", "date=day,colour=red", "event_id=x"])
def test_bad_mapping_specs(spec: str) -> None:
    with pytest.raises(InputError):
        parse_mapping(spec)


def test_quoted_line_breaks_fall_back_to_record_numbers(store: EventStore, tmp_path: Path) -> None:
    path = tmp_path / "multi.csv"
    path.write_text(
        'day,a,b,code,text\n2025-02-12,USA,RUS,042,"first line\nsecond line"\n2025-02-13,USA,RUS,999,x\n'
        "2025-02-14,USA,RUS,043,plain\n",
        encoding="utf-8",
    )
    summary = store.import_file("csv", path, mapping="date=day,source=a,target=b,cameo=code,sentence=text")
    assert (summary.added, summary.quarantined) == (2, 1)
    assert any("record numbers" in n for n in summary.notes)
    ev = store.events()
    assert list(ev.row) == [2, 4] and ev.sentence.iloc[0] == "first line\nsecond line"
    q = store.quarantine().iloc[0]
    assert q.line == 3 and '"999"' in q.raw
