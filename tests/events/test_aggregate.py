"""The month x dyad aggregate kept at import equals a groupby over the stored events, import after import."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from detente.events import aggregate
from detente.events.importers.gdelt_layout import GDELT2
from detente.events.store import EventStore

from .conftest import gdelt_row, write_lines

CODES = [("041", "1.0"), ("190", "-10.0"), ("010", "0.0"), ("057", "8.0"), ("1123", "-2.0")]
ACTORS = ["USAGOV", "USA", "RUSMIL", "RUS", "UKRREB", "UKR", "CHN", ""]


def _rows(n: int, seed: int, first_id: int) -> list[str]:
    rng = np.random.default_rng(seed)
    rows = []
    for i in range(n):
        code, gold = CODES[rng.integers(len(CODES))]
        rows.append(gdelt_row(
            GDELT2, GLOBALEVENTID=str(first_id + i), SQLDATE=f"2025{rng.integers(1, 13):02d}{rng.integers(1, 28):02d}",
            Actor1Code=ACTORS[rng.integers(len(ACTORS) - 1)], Actor2Code=ACTORS[rng.integers(len(ACTORS))],
            EventCode=code, GoldsteinScale=gold,
        ))
    return rows


def _expected(events: pd.DataFrame) -> pd.DataFrame:
    frame = events.assign(
        month=events["date"].dt.to_period("M").dt.start_time,
        source=events["source"].str.slice(0, 3), target=events["target"].str.slice(0, 3),
    )
    out = frame.groupby(["month", "source", "target"]).agg(
        events=("goldstein", "size"), goldstein_sum=("goldstein", "sum"), goldstein_mean=("goldstein", "mean")
    )
    return out.reset_index()


def _check(store: EventStore) -> None:
    got = store.dyad_months(countries=True)
    want = _expected(store.events())
    assert len(got) == len(want)
    pd.testing.assert_frame_equal(
        got.reset_index(drop=True), want, check_dtype=False, check_exact=False, rtol=1e-12
    )
    full = store.dyad_months()
    quads = full[["statements", "verbal_coop", "material_coop", "verbal_conflict", "material_conflict"]].sum(axis=1)
    assert (quads == full["events"]).all()
    # the non-state flag follows the role: UKRREB is not Ukraine
    rebels = full[(full.source == "UKR") & ~full.source_state]
    assert rebels["events"].sum() == store.events()["source"].eq("UKRREB").sum()


def test_aggregate_follows_imports_and_ignores_reimports(tmp_path: Path) -> None:
    a = write_lines(tmp_path / "a.CSV", _rows(400, 1, 1))
    b = write_lines(tmp_path / "b.CSV", _rows(300, 2, 10_000) + _rows(50, 1, 1)[:50])  # 50 events already stored
    with EventStore(tmp_path / "ev.duckdb") as store:
        store.import_file("gdelt", a)
        _check(store)
        summary = store.import_file("gdelt", b)
        assert (summary.added, summary.duplicates) == (300, 50)
        _check(store)
        before = store.dyad_months()
        store.import_file("gdelt", a)  # adds nothing, changes nothing
        pd.testing.assert_frame_equal(store.dyad_months(), before)
        assert int(before["events"].sum()) == store.count() == 700


def test_store_without_the_aggregate_gets_it_built(tmp_path: Path) -> None:
    db = tmp_path / "ev.duckdb"
    with EventStore(db) as store:
        store.import_file("gdelt", write_lines(tmp_path / "a.CSV", _rows(200, 3, 1)))
        store.con.execute("DROP TABLE dyad_months")  # as a store from before the aggregate
    with EventStore(db, read_only=True) as store:  # read-only: computed on the fly
        _check(store)
    with EventStore(db) as store:
        assert int(store.dyad_months()["events"].sum()) == 200
        _check(store)


def _one_row_per_key(store: EventStore) -> None:
    keys = ", ".join(aggregate.KEYS)
    rows, distinct = store.con.execute(
        f"SELECT count(*), (SELECT count(*) FROM (SELECT DISTINCT {keys} FROM {aggregate.TABLE})) FROM {aggregate.TABLE}"
    ).fetchall()[0]
    assert rows == distinct


def test_imports_sum_into_existing_keys_one_row_each(tmp_path: Path) -> None:
    # the second and third files share months and dyads with the first: their counts add up in place
    with EventStore(tmp_path / "ev.duckdb") as store:
        for i, seed in enumerate((4, 5, 6)):
            store.import_file("gdelt", write_lines(tmp_path / f"{i}.CSV", _rows(300, seed, 1 + 1000 * i)))
            _one_row_per_key(store)
            _check(store)
        assert int(store.dyad_months()["events"].sum()) == 900


def test_store_whose_aggregate_has_a_primary_key_still_adds(tmp_path: Path) -> None:
    # stores written before the key was dropped keep it; imports into them still sum correctly
    with EventStore(tmp_path / "ev.duckdb") as store:
        store.import_file("gdelt", write_lines(tmp_path / "a.CSV", _rows(300, 7, 1)))
        store.con.execute(f"DROP TABLE {aggregate.TABLE}")
        ddl = aggregate.create_sql()
        assert ddl.endswith(")")
        store.con.execute(ddl[:-1] + f", PRIMARY KEY ({', '.join(aggregate.KEYS)}))")
        aggregate.rebuild(store.con)
        store.import_file("gdelt", write_lines(tmp_path / "b.CSV", _rows(300, 8, 1001)))
        _one_row_per_key(store)
        _check(store)
        assert int(store.dyad_months()["events"].sum()) == 600


def test_aggregate_built_under_other_non_state_roles_is_rebuilt(tmp_path: Path) -> None:
    # a store whose aggregate was built before RAD (radicals) became a non-state role
    db = tmp_path / "ev.duckdb"
    rows = [gdelt_row(GDELT2, GLOBALEVENTID=str(i), SQLDATE="20250301", Actor1Code="IRQRAD", Actor2Code="IRQ",
                      EventCode="190", GoldsteinScale="-10.0") for i in range(1, 4)]
    with EventStore(db) as store:
        store.import_file("gdelt", write_lines(tmp_path / "a.CSV", rows))
        assert not store.dyad_months()["source_state"].any()
        store.con.execute("UPDATE dyad_months SET source_state = true")  # as the old rule set it
        store.con.execute("DELETE FROM meta WHERE key = 'aggregate_non_state_roles'")
    with EventStore(db, read_only=True) as store:  # read-only: computed on the fly, not read stale
        assert not store.dyad_months()["source_state"].any()
    with EventStore(db) as store:  # writable: rebuilt once on opening
        assert not store.con.execute("SELECT bool_or(source_state) FROM dyad_months").fetchall()[0][0]
        assert int(store.dyad_months()["events"].sum()) == 3
