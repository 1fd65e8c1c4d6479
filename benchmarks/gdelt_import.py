"""Benchmark: GDELT 2.0 import into the EventStore and monthly dyad aggregation, beside DuckDB and pandas.

Generates a synthetic GDELT 2.0 event file (61 tab-separated columns, no header,
realistic values: CAMEO actor codes with roles, codebook event codes with their
Goldstein weights, dates over ten years, geography, tone, URLs) in a temporary
directory, then times in the same process:

1. import: ``EventStore.import_file("gdelt", path)`` (DuckDB: parallel typed parse,
   validation, MD5 event ids, quarantine, exact line numbers, one transaction; SHA-256
   and line count in one pass in a second thread; the month x dyad aggregate updated)
   against four bare DuckDB reads of the same file, with no validation, ids or
   quarantine: (a) ``CREATE TABLE AS SELECT * FROM read_csv(path)`` in an in-memory
   database (the issue's words), (b) the same of only the 10 columns an event is made of
   (the strict reading, the aim's baseline: it parses what the import parses), (c) (a) into a DuckDB file,
   (d) (b) into a DuckDB file; and against pandas ``read_csv`` of the event columns;
2. aggregation: event counts, Goldstein sum and mean by month x directed country
   dyad over all events: the store's month x dyad aggregate (kept at import), and
   the same GROUP BY in SQL over the stored events, against pandas ``groupby`` on the
   frame read in step 1.

Aims (issue #13): import within 1.3x of DuckDB's bare read_csv; aggregation >= 10x
pandas. Writes benchmarks/results/gdelt_import.md; the generated file is deleted at
the end. The machine's load changes every figure: run it on an idle machine,

    .venv/bin/python benchmarks/gdelt_import.py --rows 5000000
    .venv/bin/python benchmarks/gdelt_import.py --rows 200000   # quick
"""

from __future__ import annotations

import argparse
import gc
import os
import platform
import shutil
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.csv as pacsv
from _results import write_page  # benchmarks/ is on sys.path when a script runs

from detente import ontology
from detente.events import layout
from detente.events.importers.gdelt_layout import GDELT2

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "results" / "gdelt_import.md"

_STATES = {
    "USA": ("UNITED STATES", "US", 0.20), "RUS": ("RUSSIA", "RS", 0.10), "CHN": ("CHINA", "CH", 0.08),
    "UKR": ("UKRAINE", "UP", 0.06), "GBR": ("UNITED KINGDOM", "UK", 0.05), "DEU": ("GERMANY", "GM", 0.04),
    "FRA": ("FRANCE", "FR", 0.04), "IND": ("INDIA", "IN", 0.05), "ISR": ("ISRAEL", "IS", 0.04),
    "IRN": ("IRAN", "IR", 0.03), "TUR": ("TURKEY", "TU", 0.03), "JPN": ("JAPAN", "JA", 0.03),
    "PRK": ("NORTH KOREA", "KN", 0.02), "KOR": ("SOUTH KOREA", "KS", 0.02), "POL": ("POLAND", "PL", 0.02),
    "BLR": ("BELARUS", "BO", 0.01), "SAU": ("SAUDI ARABIA", "SA", 0.02), "PAK": ("PAKISTAN", "PK", 0.02),
    "SYR": ("SYRIA", "SY", 0.02), "EUR": ("EUROPE", "", 0.02),
}
_ROLES = ("", "", "", "GOV", "GOV", "MIL", "BUS", "MED", "OPP", "CVL", "JUD", "LEG")
_PLACES = ("Washington, District of Columbia, United States", "Moscow, Moskva, Russia", "Beijing, Beijing, China",
           "Kyiv, Kyyiv, Misto, Ukraine", "London, London, City of, United Kingdom", "Berlin, Berlin, Germany")


def write_synthetic_gdelt2(path: Path, rows: int, *, seed: int = 20250212, batch: int = 250_000) -> None:
    """Write `rows` synthetic GDELT 2.0 events (61 columns, tab-separated, no header) to `path`.

    Actors are drawn from 20 states weighted by news volume, with CAMEO role suffixes;
    about 8% of rows have no second actor (as in GDELT). Event codes are drawn from
    the CAMEO codebook (non-root codes, statements and consultations most frequent),
    with the codebook's Goldstein weight and GDELT's QuadClass.
    """
    rng = np.random.default_rng(seed)
    states = np.array(list(_STATES))
    weights = np.array([w for *_, w in _STATES.values()])
    weights = weights / weights.sum()
    names = np.array([n for n, _, _ in _STATES.values()])
    fips = np.array([f for _, f, _ in _STATES.values()])
    codes = [c for c in ontology.all_codes() if not c.is_root]
    code_arr = np.array([c.code for c in codes])
    code_w = np.array([8.0 if c.root in ("01", "04") else 3.0 if c.root in ("05", "11", "19") else 1.0 for c in codes])
    code_w /= code_w.sum()
    gold = {c.code: c.goldstein for c in codes}
    gquad = {c.code: (1 if c.quad == 0 else c.quad) for c in codes}  # GDELT puts statements in class 1
    roles = np.array(_ROLES)
    start = np.datetime64("2015-02-18")
    span = int((np.datetime64("2025-06-30") - start).astype(int))
    with path.open("wb") as out:
        for first in range(0, rows, batch):
            n = min(batch, rows - first)
            day = start + rng.integers(0, span, n).astype("timedelta64[D]")
            sqldate = np.char.replace(day.astype(str), "-", "")
            a1 = rng.choice(len(states), n, p=weights)
            a2 = rng.choice(len(states), n, p=weights)
            r1 = roles[rng.integers(0, len(roles), n)]
            r2 = roles[rng.integers(0, len(roles), n)]
            code = rng.choice(code_arr, n, p=code_w)
            no_target = rng.random(n) < 0.08
            empty = np.full(n, "", dtype=object)
            a2code = np.where(no_target, "", np.char.add(states[a2], r2)).astype(object)
            cols: dict[str, object] = {c: empty for c in GDELT2}
            cols["GLOBALEVENTID"] = np.arange(410_000_000 + first, 410_000_000 + first + n).astype(str)
            cols["SQLDATE"] = sqldate
            cols["MonthYear"] = np.char.ljust(sqldate, 6).astype("<U6")
            cols["Year"] = sqldate.astype("<U4")
            cols["FractionDate"] = np.char.mod("%.4f", 2015 + (day - start).astype(int) / 365.25)
            cols["Actor1Code"] = np.char.add(states[a1], r1)
            cols["Actor1Name"] = names[a1]
            cols["Actor1CountryCode"] = states[a1]
            cols["Actor1Type1Code"] = r1
            cols["Actor2Code"] = a2code
            cols["Actor2Name"] = np.where(no_target, "", names[a2])
            cols["Actor2CountryCode"] = np.where(no_target, "", states[a2])
            cols["Actor2Type1Code"] = np.where(no_target, "", r2)
            cols["IsRootEvent"] = rng.integers(0, 2, n).astype(str)
            cols["EventCode"] = code
            cols["EventBaseCode"] = np.char.ljust(code, 3).astype("<U3")
            cols["EventRootCode"] = code.astype("<U2")
            cols["QuadClass"] = np.array([str(gquad[c]) for c in code])
            cols["GoldsteinScale"] = np.array([repr(gold[c]) for c in code])
            mentions = rng.integers(1, 40, n)
            cols["NumMentions"] = mentions.astype(str)
            cols["NumSources"] = np.maximum(1, mentions // 4).astype(str)
            cols["NumArticles"] = mentions.astype(str)
            cols["AvgTone"] = np.char.mod("%.6f", rng.normal(-2.0, 3.0, n))
            for block, idx in (("Actor1Geo", a1), ("Actor2Geo", a2), ("ActionGeo", a1)):
                place = rng.integers(0, len(_PLACES), n)
                cols[f"{block}_Type"] = np.full(n, "4")
                cols[f"{block}_FullName"] = np.array(_PLACES)[place]
                cols[f"{block}_CountryCode"] = fips[idx]
                cols[f"{block}_ADM1Code"] = np.char.add(fips[idx], "01")
                cols[f"{block}_ADM2Code"] = np.char.add(fips[idx], "0123")
                cols[f"{block}_Lat"] = np.char.mod("%.4f", rng.uniform(-60, 70, n))
                cols[f"{block}_Long"] = np.char.mod("%.4f", rng.uniform(-180, 180, n))
                cols[f"{block}_FeatureID"] = rng.integers(-3_000_000, 3_000_000, n).astype(str)
            cols["DATEADDED"] = np.char.add(sqldate, "120000")
            cols["SOURCEURL"] = np.char.add("https://news.example.org/world/", cols["GLOBALEVENTID"])
            table = pa.table({c: pa.array(np.asarray(v).astype(str) if not isinstance(v, np.ndarray) or v.dtype != object else v.astype(str)) for c, v in cols.items()})
            pacsv.write_csv(
                table, out,
                write_options=pacsv.WriteOptions(include_header=False, delimiter="\t", quoting_style="none"),
            )


PANDAS_COLUMNS = {
    "GLOBALEVENTID": "string", "SQLDATE": "int64", "Actor1Code": "string", "Actor1Name": "string",
    "Actor2Code": "string", "Actor2Name": "string", "EventCode": "string", "QuadClass": "int8",
    "GoldsteinScale": "float64", "AvgTone": "float64", "SOURCEURL": "string",
}
"""What the pandas baseline reads: the columns an event needs, with explicit dtypes (a competent pandas user)."""


def pandas_read(path: Path):  # noqa: ANN201 - a DataFrame
    """Baseline import: ``pandas.read_csv`` of the event columns of a GDELT 2.0 file."""
    import pandas as pd

    usecols = [GDELT2.index(c) for c in PANDAS_COLUMNS]
    frame = pd.read_csv(
        path, sep="\t", header=None, usecols=usecols, quoting=3, na_filter=True,
        dtype={GDELT2.index(c): t for c, t in PANDAS_COLUMNS.items()},
    )
    frame.columns = [GDELT2[i] for i in sorted(usecols)]
    return frame


def pandas_monthly_dyads(frame):  # noqa: ANN001, ANN201
    """Baseline aggregation: counts, Goldstein sum and mean by month x directed country dyad."""
    keys = frame.assign(
        month=frame["SQLDATE"] // 100,
        source=frame["Actor1Code"].fillna("---").str.slice(0, 3),
        target=frame["Actor2Code"].fillna("---").str.slice(0, 3),
    )
    return keys.groupby(["month", "source", "target"], sort=False)["GoldsteinScale"].agg(["count", "sum", "mean"])


DUCKDB_MONTHLY_DYADS = """
SELECT year(date) * 100 + month(date) AS month, substr(source, 1, 3) AS source, substr(target, 1, 3) AS target,
       count(*) AS events, sum(goldstein) AS goldstein_sum, avg(goldstein) AS goldstein_mean
FROM events GROUP BY ALL
"""

BARE_COLUMNS = ("GLOBALEVENTID", "SQLDATE", "Actor1Code", "Actor1Name", "Actor2Code", "Actor2Name", "EventCode",
                "GoldsteinScale", "AvgTone", "SOURCEURL")
"""The columns an event is made of (the importer reads the same ones)."""


def duckdb_bare_load(path: Path, db: Path) -> int:
    """Baseline: ``CREATE TABLE AS SELECT * FROM read_csv(path)`` into a new DuckDB file (all columns, sniffed types)."""
    import duckdb

    con = duckdb.connect(str(db))
    try:
        con.execute(f"CREATE TABLE gdelt AS SELECT * FROM read_csv('{path}', delim='\t', header=false)")
        return con.execute("SELECT count(*) FROM gdelt").fetchall()[0][0]
    finally:
        con.close()


def duckdb_bare_read_all(path: Path) -> int:
    """Baseline (a), the issue's words: ``CREATE TABLE AS SELECT * FROM read_csv(path)`` into an in-memory DuckDB."""
    import duckdb

    con = duckdb.connect()
    try:
        con.execute(f"CREATE TABLE gdelt AS SELECT * FROM read_csv('{path}', delim='\t', header=false)")
        return con.execute("SELECT count(*) FROM gdelt").fetchall()[0][0]
    finally:
        con.close()


def duckdb_bare_read(path: Path) -> int:
    """Baseline: the event columns of the file into an in-memory DuckDB table (sniffed types), nothing else."""
    import duckdb

    cols = ", ".join(f"column{GDELT2.index(c):02d}" for c in BARE_COLUMNS)
    con = duckdb.connect()
    try:
        con.execute(f"CREATE TABLE gdelt AS SELECT {cols} FROM read_csv('{path}', delim='\t', header=false)")
        return con.execute("SELECT count(*) FROM gdelt").fetchall()[0][0]
    finally:
        con.close()


def duckdb_bare_read_durable(path: Path, db: Path) -> int:
    """Baseline: the same 10 event columns as :func:`duckdb_bare_read`, into a new DuckDB file (durable, compressed)."""
    import duckdb

    cols = ", ".join(f"column{GDELT2.index(c):02d}" for c in BARE_COLUMNS)
    con = duckdb.connect(str(db))
    try:
        con.execute(f"CREATE TABLE gdelt AS SELECT {cols} FROM read_csv('{path}', delim='\t', header=false)")
        return con.execute("SELECT count(*) FROM gdelt").fetchall()[0][0]
    finally:
        con.close()


class StageClock:
    """A progress callback that notes wall and CPU time when the import enters and leaves each stage.

    ``EventStore.import_file('gdelt', ...)`` reports ``parse and write`` (one ``INSERT`` from DuckDB's
    reader into ``event_rows``) and ``check`` (line numbers, rejects, quarantine, duplicates) with
    fractions from 0 to 1; the first and the last report of a stage bound it. CPU is the whole
    process's (all threads), so the parse includes the SHA-256 and line-count pass running beside it.
    """

    STAGES = ("parse and write", "check")

    def __init__(self) -> None:
        self.first: dict[str, tuple[float, float]] = {}
        self.last: dict[str, tuple[float, float]] = {}

    def __call__(self, stage: str, done: float) -> None:
        if stage not in self.STAGES:
            return
        now = (time.perf_counter(), time.process_time())
        self.first.setdefault(stage, now)
        self.last[stage] = now

    def segments(self, start: tuple[float, float], end: tuple[float, float]) -> dict[str, tuple[float, float]]:
        """(wall, CPU) of each segment of one import that began at `start` and ended at `end`."""
        write, check = self.STAGES
        bounds = [
            ("setup (store checks, codebook, layout)", start, self.first[write]),
            ("one INSERT from `read_csv`: typed parse, mapping, ids, compressed write (+ SHA-256 and line count "
             "beside it)", self.first[write], self.last[write]),
            ("rejects, line accounting, line numbers (`UPDATE`), checks and quarantine, duplicates",
             self.last[write], self.last[check]),
            ("month x dyad aggregate, quarantine, import log, commit", self.last[check], end),
        ]
        return {name: (b[0] - a[0], b[1] - a[1]) for name, a, b in bounds}


class StatementClock:
    """Stands in for an EventStore's DuckDB connection and times each statement it executes (wall, CPU).

    The import's statements fall into a few kinds (:data:`STATEMENT_KINDS`, first match on the
    statement's text); the clock sums wall and CPU per kind. CPU is the whole process's, so the
    INSERT's includes the SHA-256 and line-count thread running beside it.
    """

    def __init__(self, con: Any) -> None:
        self._con = con
        self.spent: dict[str, list[float]] = {}

    def execute(self, sql: str, *args: Any, **kwargs: Any) -> Any:
        wall, cpu = time.perf_counter(), time.process_time()
        try:
            return self._con.execute(sql, *args, **kwargs)
        finally:
            text = " ".join(sql.split())
            kind = next((label for prefix, label in STATEMENT_KINDS if text.startswith(prefix)), "other statements")
            spent = self.spent.setdefault(kind, [0.0, 0.0])
            spent[0] += time.perf_counter() - wall
            spent[1] += time.process_time() - cpu

    def __getattr__(self, name: str) -> Any:
        return getattr(self._con, name)


STATEMENT_KINDS: tuple[tuple[str, str], ...] = (
    ("INSERT INTO event_rows", "the one INSERT: typed parse, trims and mapping, MD5 ids, compressed write (+ the SHA-256 thread)"),
    ('UPDATE event_rows SET "row"', "line numbers (`UPDATE` of the rows' positions to physical lines)"),
    ("CREATE OR REPLACE TEMP TABLE _direct_bad", "checks against the codebook and ranges (quarantine candidates)"),
    ("DELETE FROM event_rows", "quarantined rows and duplicates deleted"),
    ("INSERT INTO dyad_months", "month x dyad aggregate (GROUP BY over the added rows)"),
    ("CREATE OR REPLACE TEMP TABLE _dyad_months_added", "month x dyad aggregate (GROUP BY over the added rows)"),
    ("UPDATE dyad_months", "month x dyad aggregate (GROUP BY over the added rows)"),
    ("COMMIT", "COMMIT (checkpoint: the updated line column, the aggregate, the log)"),
)


def timed_import(store, path: Path):  # noqa: ANN001, ANN201 - an EventStore, an ImportSummary
    """``store.import_file('gdelt', path)`` with a :class:`StageClock` and a :class:`StatementClock`:
    (summary, wall, CPU, segments, statements)."""
    clock = StageClock()
    statements = StatementClock(store._con)
    store._con = statements
    start = (time.perf_counter(), time.process_time())
    try:
        summary = store.import_file("gdelt", path, progress=clock)
    finally:
        store._con = statements._con
    end = (time.perf_counter(), time.process_time())
    return summary, end[0] - start[0], end[1] - start[1], clock.segments(start, end), statements.spent


DIGESTS = ("sha256", "sha1", "blake2b", "md5")
"""Standard digests compared on the file's bytes (hashlib)."""


def digest_speeds(path: Path, limit: int = 256 << 20) -> dict[str, float]:
    """CPU seconds per GB of each of :data:`DIGESTS`, and of reading the file (page cache) with and without the line
    count, over the file's first `limit` bytes (best of 3): what a second pass costs beside the digest itself."""
    import hashlib

    from detente.events.importers.delimited import _scan

    with path.open("rb") as fh:
        data = fh.read(limit)
    view, gb = memoryview(data), len(data) / 1e9
    out: dict[str, float] = {}
    for name in DIGESTS:
        best = float("inf")
        for _ in range(3):
            cpu = time.process_time()
            digest = hashlib.new(name)
            for i in range(0, len(data), 1 << 20):
                digest.update(view[i:i + (1 << 20)])
            digest.digest()
            best = min(best, time.process_time() - cpu)
        out[name] = best / gb
    whole_gb = path.stat().st_size / 1e9
    for label, fn in (("read", lambda: _read_only(path)), ("read + line count", lambda: _scan(path))):
        best = float("inf")
        for _ in range(3):
            cpu = time.process_time()
            fn()
            best = min(best, time.process_time() - cpu)
        out[label] = best / whole_gb
    return out


def _read_only(path: Path) -> None:
    buffer = bytearray(1 << 20)
    with path.open("rb", buffering=0) as fh:
        while fh.readinto(buffer):
            pass


def pandas_full_import(path: Path, out: Path) -> int:
    """Baseline doing the store's work in pandas: read, validate, hash event ids, drop known ids, write Parquet.

    The same checks as the GDELT importer (date, CAMEO code in the codebook, numeric
    Goldstein), the same id formula as ``Event.event_id`` (MD5 in Python, per row),
    and a durable write (Parquet, as pandas users store frames). Returns the rows kept.
    """
    import hashlib

    import pandas as pd

    frame = pandas_read(path)
    codes = {c.code for c in ontology.all_codes()}
    day = pd.to_datetime(frame["SQLDATE"].astype("string"), format="%Y%m%d", errors="coerce")
    good = day.notna() & frame["EventCode"].isin(codes) & frame["GoldsteinScale"].notna()
    frame = frame.assign(date=day, row=np.arange(1, len(frame) + 1))[good.to_numpy()]
    source = frame["Actor1Code"].fillna("---")
    target = frame["Actor2Code"].fillna("---")
    keys = zip(frame["GLOBALEVENTID"], frame["row"], frame["date"].dt.strftime("%Y-%m-%d"), source, target,
               frame["EventCode"])
    def event_id(key: str) -> str:
        return f"{int.from_bytes(hashlib.md5(key.encode()).digest(), 'little'):032x}"

    frame["event_id"] = [event_id(f"gdelt2|{d}|{r}|None|None|{day_}|{s}|{t}|{c}") for d, r, day_, s, t, c in keys]
    known: set[str] = set()  # an empty store: the membership test is still paid per row
    frame = frame[~frame["event_id"].isin(known)]
    frame.to_parquet(out)
    return len(frame)


CPU: dict[str, float] = {}
"""CPU seconds (this process, all threads) of the last call of each timed function, by name."""


def _timed(fn, *args, name: str = ""):  # noqa: ANN001, ANN202
    cpu = time.process_time()
    start = time.perf_counter()
    out = fn(*args)
    wall = time.perf_counter() - start
    if name:
        CPU[name] = time.process_time() - cpu
    return out, wall


def run(rows: int, *, workdir: Path, seed: int, repeat: int) -> dict[str, Any]:
    """Generate the file, run every side, return the figures."""
    from detente.events.store import EventStore

    data = workdir / "synthetic.export.CSV"
    _, gen_s = _timed(write_synthetic_gdelt2, data, rows)
    size_mb = data.stat().st_size / 1e6
    print(f"generated {rows:,} rows ({size_mb:,.0f} MB) in {gen_s:.1f} s: {data}", flush=True)

    kept, pandas_full_s = _timed(pandas_full_import, data, workdir / "pandas.parquet")
    assert kept == rows
    frame, pandas_read_s = _timed(pandas_read, data, name="pandas_read")
    assert len(frame) == rows
    agg_pd_times = []
    for _ in range(repeat):
        agg_pd, t = _timed(pandas_monthly_dyads, frame)
        agg_pd_times.append(t)
    del frame
    gc.collect()
    print(f"pandas done: read {pandas_read_s:.2f} s", flush=True)

    # the bare DuckDB reads and the import alternate, so that a change of load hits both sides
    from detente.events.importers.delimited import scan_file

    _, scan_s = _timed(scan_file, data, name="scan")
    digests = digest_speeds(data)
    bare_all, bare_load, bare_read, bare_durable, imports, stages, statements = [], [], [], [], [], [], []
    db = workdir / "bench.duckdb"
    summary = None
    for i in range(2):
        n, t = _timed(duckdb_bare_read_all, data, name=f"bare_all{i}")
        assert n == rows
        bare_all.append((t, CPU[f"bare_all{i}"]))
        n, t = _timed(duckdb_bare_load, data, workdir / f"bare{i}.duckdb", name=f"bare_load{i}")
        assert n == rows
        bare_load.append((t, CPU[f"bare_load{i}"]))
        (workdir / f"bare{i}.duckdb").unlink()
        n, t = _timed(duckdb_bare_read, data, name=f"bare_read{i}")
        assert n == rows
        bare_read.append((t, CPU[f"bare_read{i}"]))
        n, t = _timed(duckdb_bare_read_durable, data, workdir / f"bare_cols{i}.duckdb", name=f"bare_durable{i}")
        assert n == rows
        bare_durable.append((t, CPU[f"bare_durable{i}"]))
        (workdir / f"bare_cols{i}.duckdb").unlink()
        db.unlink(missing_ok=True)
        store = EventStore(db)
        summary, t, cpu, parts, spent = timed_import(store, data)
        imports.append((t, cpu))
        stages.append(parts)
        statements.append(spent)
        assert summary.added == rows, summary
        if i == 0:
            store.close()
        print(f"round {i + 1}: bare read of the whole file {bare_all[-1][0]:.2f} s, bare load {bare_load[-1][0]:.2f} s, bare read {bare_read[-1][0]:.2f} s, "
              f"bare read to a file {bare_durable[-1][0]:.2f} s, import {imports[-1][0]:.2f} s", flush=True)
    # every event points at its own line (the generator numbers GLOBALEVENTID from 410,000,000 by line)
    misplaced = store.con.execute(
        'SELECT count(*) FROM events WHERE doc_id::BIGINT - "row" <> 409999999'
    ).fetchall()[0][0]
    assert misplaced == 0, f"{misplaced} events with a wrong line number"
    again, reimport_s = _timed(store.import_file, "gdelt", data, name="reimport")
    assert (again.added, again.duplicates) == (0, rows), again
    agg_db_times, agg_kept_times = [], []
    for _ in range(repeat):
        agg_db, t = _timed(lambda: store.con.sql(DUCKDB_MONTHLY_DYADS).df())
        agg_db_times.append(t)
        agg_kept, t = _timed(lambda: store.dyad_months(countries=True))
        agg_kept_times.append(t)
    assert len(agg_db) == len(agg_pd) == len(agg_kept), (len(agg_db), len(agg_pd), len(agg_kept))
    assert int(agg_kept["events"].sum()) == rows
    store.close()
    db_mb = db.stat().st_size / 1e6
    best = min(range(2), key=lambda k: imports[k][0])
    return {
        "rows": rows, "file_mb": size_mb, "db_mb": db_mb, "groups": len(agg_db),
        "pandas_read_s": pandas_read_s, "pandas_full_s": pandas_full_s,
        "import_s": min(t for t, _ in imports), "import_cpu": imports[best][1],
        "bare_all_s": min(t for t, _ in bare_all), "bare_all_cpu": min(c for _, c in bare_all),
        "bare_load_s": min(t for t, _ in bare_load), "bare_load_cpu": min(c for _, c in bare_load),
        "bare_read_s": min(t for t, _ in bare_read), "bare_read_cpu": min(c for _, c in bare_read),
        "bare_durable_s": min(t for t, _ in bare_durable), "bare_durable_cpu": min(c for _, c in bare_durable),
        "scan_s": scan_s, "scan_cpu": CPU["scan"], "stages": stages[best], "statements": statements[best],
        "digests": digests,
        "reimport_s": reimport_s, "reimport_cpu": CPU["reimport"], "pandas_read_cpu": CPU["pandas_read"],
        "pandas_agg_s": min(agg_pd_times), "duckdb_agg_s": min(agg_db_times), "kept_agg_s": min(agg_kept_times),
    }


BASELINES: tuple[tuple[str, str], ...] = (
    ("bare_all", "(a) DuckDB bare `read_csv` of the whole file (61 columns, sniffed) into memory"),
    ("bare_read", "(b) DuckDB bare `read_csv` of the 10 event columns into memory: **the aim's baseline**"),
    ("bare_load", "(c) DuckDB bare `read_csv` of the whole file into a DuckDB file"),
    ("bare_durable", "(d) DuckDB bare `read_csv` of the 10 event columns into a DuckDB file"),
)


STORED_COLUMNS = len(("event_id",) + layout.CORE + ("imported_at",))
"""Columns of the store's ``event_rows`` (:mod:`detente.events.layout`)."""


def why_not_b(fig: dict[str, Any]) -> list[str]:
    """The paragraph on baseline (b): the CPU the 1.3x bar leaves for everything beyond the parse, against what the
    durable write ((d) - (b)) and the file's SHA-256 pass alone cost in this run."""
    if fig["import_s"] <= 1.3 * fig["bare_read_s"]:
        return ["(b) is met in this run: the import, with its durable write, checks, ids and hash, stays within 1.3x "
                "of a bare read into memory."]
    budget = 0.3 * fig["bare_read_cpu"]
    write = fig["bare_durable_cpu"] - fig["bare_read_cpu"]
    scan = fig["scan_cpu"]
    rest = fig["import_cpu"] - fig["bare_durable_cpu"] - scan
    verdict = (
        "more than the whole allowance: an import that stores its events on disk and records the file's SHA-256 "
        "cannot be within 1.3x of (b), before any check, id or line number"
        if write + scan > budget else "within the allowance in this run"
    )
    return [
        f"Why (b) is not met, in CPU (less sensitive to the load than wall time): within 1.3x of (b) the import may "
        f"spend {budget:.1f} CPU s beyond the parse (0.3 x {fig['bare_read_cpu']:.1f} s). Two things it must do take, "
        f"alone: the durable, compressed write of the same 10 columns, (d) - (b), {write:.1f} s "
        f"({fig['bare_durable_s'] / fig['bare_read_s']:.2f}x (b) in wall time, "
        f"{fig['bare_durable_cpu'] / fig['bare_read_cpu']:.2f}x in CPU), and the SHA-256 and line count of the file "
        f"for the import log and the line numbers, {scan:.1f} s: together {write + scan:.1f} s, {verdict}. The rest, "
        f"{rest:.1f} CPU s in this run, is the MD5 ids, {STORED_COLUMNS - len(BARE_COLUMNS)} more stored columns (the "
        "id, the line, and the dataset, date precision, file and import time, constant within an import), the "
        "trims and mapping, the checks, the line numbers and the month x dyad aggregate (stages below, levers at "
        "the end).",
        "",
        *intrinsic(fig),
    ]


def intrinsic(fig: dict[str, Any]) -> list[str]:
    """The paragraph on the floor: what a durable import that records the file's SHA-256 costs at the least
    ((d) plus the digest alone), against (b), and how far the import is above that floor, in CPU."""
    gb = fig["file_mb"] / 1e3
    digest = fig["digests"]["sha256"] * gb
    floor = fig["bare_durable_cpu"] + digest
    second_read = (fig["digests"]["read + line count"]) * gb
    return [
        f"The intrinsic part, in CPU: the floor of an import that writes the 10 columns durably and records the "
        f"file's SHA-256 is (d) plus the digest alone, {fig['bare_durable_cpu']:.1f} + {digest:.1f} = {floor:.1f} s, "
        f"**{floor / fig['bare_read_cpu']:.2f}x (b)** before any id, check, line number or aggregate: above the 1.3x "
        f"bar by itself. The import is {fig['import_cpu'] / floor:.2f}x that floor "
        f"({fig['import_cpu'] - floor:.1f} CPU s above it: the MD5 ids, the 6 more columns, the trims, the line "
        f"numbers, the checks, the aggregate, the commit; statements below). Hashing the bytes DuckDB reads instead of "
        f"reading them a second time would save at most the second read and the line count, {second_read:.2f} s "
        f"({second_read / fig['import_cpu']:.0%} of the import's CPU): the digest itself is the cost. SHA-256 stays the "
        f"recorded input hash: with the CPU's SHA instructions it is the fastest standard digest here "
        f"({', '.join(f'{name} {1 / cost:.2f} GB/s' for name, cost in fig['digests'].items() if name in DIGESTS)}, "
        "per core; table below).",
    ]


def report(fig: dict[str, Any]) -> list[str]:
    """The markdown page, as lines."""
    rows = fig["rows"]
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    ratio = {key: fig["import_s"] / fig[f"{key}_s"] for key, _ in BASELINES}
    agg_kept = fig["pandas_agg_s"] / fig["kept_agg_s"]
    agg_sql = fig["pandas_agg_s"] / fig["duckdb_agg_s"]

    def rate(seconds: float) -> str:
        return f"{seconds:.2f} s ({rows / seconds:,.0f} rows/s)"

    def met(key: str) -> str:
        return f"**{'met' if ratio[key] <= 1.3 else 'not met'}** ({ratio[key]:.2f}x)"

    lines = [
        "# GDELT import and monthly dyad aggregation: EventStore against bare DuckDB and pandas",
        "",
        f"Synthetic GDELT 2.0 file: {rows:,} rows x 61 columns, {fig['file_mb']:,.0f} MB "
        f"(`benchmarks/gdelt_import.py --rows {rows}`); every side in the same process on the same file, "
        "the DuckDB baselines and the import run alternately twice (best of two each).",
        f"Machine: {platform.machine()}, {os.cpu_count()} CPU threads, load average {load:.1f} at the end "
        f"(shared with other jobs); Python {platform.python_version()}, DuckDB {duckdb_version()}. "
        f"Run {datetime.now(UTC):%Y-%m-%d %H:%M} UTC.",
        "",
        "## Import",
        "",
        "| step | wall | CPU (all threads) | import / step (wall) | import / step (CPU) |",
        "|---|---|---|---|---|",
        f"| **EventStore import** (typed parse, validation, ids, quarantine, line numbers, aggregate, durable) "
        f"| {rate(fig['import_s'])} | {fig['import_cpu']:.1f} s | 1.00x | 1.00x |",
        *(f"| {label} | {rate(fig[f'{key}_s'])} | {fig[f'{key}_cpu']:.1f} s | {ratio[key]:.2f}x "
          f"| {fig['import_cpu'] / fig[f'{key}_cpu']:.2f}x |" for key, label in BASELINES),
        f"| pandas `read_csv` of the event columns (typed), in memory | {rate(fig['pandas_read_s'])} "
        f"| {fig['pandas_read_cpu']:.1f} s | {fig['import_s'] / fig['pandas_read_s']:.2f}x "
        f"| {fig['import_cpu'] / fig['pandas_read_cpu']:.2f}x |",
        f"| pandas doing the import's work (read, validate, hash ids, dedupe, write Parquet) "
        f"| {rate(fig['pandas_full_s'])} | - | {fig['import_s'] / fig['pandas_full_s']:.2f}x | - |",
        f"| re-import of the same file (adds 0) | {rate(fig['reimport_s'])} | {fig['reimport_cpu']:.1f} s | - | - |",
        "",
        "Aim (issue #13): the import within 1.3x of \"DuckDB's bare read_csv of the same file\". Held to the strict "
        f"reading, (b), a bare read of the columns an event needs into memory: {met('bare_read')}. The other "
        f"readings: (a), `SELECT * FROM read_csv(file)` into memory, the issue's words: {met('bare_all')}; (c), "
        f"the whole file into a DuckDB file: {met('bare_load')}; (d), the 10 event columns into a DuckDB file: "
        f"{met('bare_durable')}.",
        "",
        *why_not_b(fig),
        "",
        "### Where the import's time goes",
        "",
        "The faster of the two imports above, cut at the moments it reports its stages (CPU of the whole "
        "process, all threads):",
        "",
        "| stage | wall | CPU | share of the import's CPU |",
        "|---|---|---|---|",
        *(f"| {name} | {wall:.2f} s | {cpu:.2f} s | {cpu / fig['import_cpu']:.0%} |"
          for name, (wall, cpu) in fig["stages"].items()),
        f"| of which, beside the parse: one pass over the file's bytes for its SHA-256 and line count "
        f"(`scan_file`, timed alone) | {fig['scan_s']:.2f} s | {fig['scan_cpu']:.2f} s "
        f"| {fig['scan_cpu'] / fig['import_cpu']:.0%} |",
        "",
        "The same import by statement (each DuckDB statement it runs, timed as it runs; CPU of the whole process):",
        "",
        "| statements | wall | CPU | share of the import's CPU |",
        "|---|---|---|---|",
        *(f"| {name} | {wall:.2f} s | {cpu:.2f} s | {cpu / fig['import_cpu']:.0%} |"
          for name, (wall, cpu) in sorted(fig["statements"].items(), key=lambda kv: -kv[1][1])),
        "",
        "The file's bytes, a second time (CPU s per GB, one core, best of 3; digests over the first 256 MB in "
        "memory, reads over the whole file from the page cache):",
        "",
        "| pass | CPU s per GB | this file |",
        "|---|---|---|",
        *(f"| {name} | {cost:.3f} | {cost * fig['file_mb'] / 1e3:.2f} s |" for name, cost in fig["digests"].items()),
        "",
        "## Month x dyad aggregation",
        "",
        "| step | time | pandas / step |",
        "|---|---|---|",
        f"| the store's month x dyad aggregate (`EventStore.dyad_months(countries=True)`, kept at import) "
        f"| {fig['kept_agg_s']:.4f} s | **{agg_kept:.0f}x** |",
        f"| the same GROUP BY in SQL over the {rows:,} stored events | {fig['duckdb_agg_s']:.3f} s | {agg_sql:.1f}x |",
        f"| pandas `groupby` on the frame read above (keys computed inside the timing) | {fig['pandas_agg_s']:.3f} s "
        "| 1.0x |",
        "",
        f"{fig['groups']:,} month x directed country dyad cells (events, Goldstein sum and mean). Aim >= 10x pandas: "
        f"**{'met' if agg_kept >= 10 else 'not met'}** with the kept aggregate; the per-question SQL scan "
        f"reaches {agg_sql:.1f}x. Best of {REPEAT} runs each. The aggregate costs the import one GROUP BY over the "
        "rows it adds (included in the import time above).",
        "",
        "## What each side does",
        "",
        "- **EventStore import**: `EventStore.import_file('gdelt', path)` into a new store: one `INSERT INTO",
        "  event_rows SELECT ... FROM read_csv(...)` (parallel, SQLDATE and GoldsteinScale typed by the reader,",
        "  rejects kept with their line; mapping and MD5 event ids in the same statement; insertion order kept,",
        "  so the rows' `rowid`s follow the file), while a second thread reads the file once for its SHA-256",
        "  and its line count; then one `UPDATE` turns row positions into physical lines (past the rejects and",
        "  blank lines), the rows failing a check (date range, CAMEO code against the codebook, Goldstein, id)",
        "  move to quarantine with their line and raw text, and events the store held before (in the batch's",
        "  dates) are deleted as duplicates (`events/direct.py`). `event_rows` has 16 columns (root, quad and",
        "  PLOVER category follow from the code through the store's codebook; `events` is a view); the month x",
        "  dyad aggregate is updated from the added rows; one transaction committed to a DuckDB file",
        f"  ({fig['db_mb']:,.0f} MB on disk). The **re-import** of a file the store has imported before is staged",
        "  instead (parsed into a temporary table, anti-join against the stored ids): nothing written, 0 added.",
        "- **(a)** `CREATE TABLE gdelt AS SELECT * FROM read_csv(path, delim='\\t', header=false)` in an in-memory",
        "  database; **(b)** the same, only the 10 columns an event is built from; **(c)**, **(d)**: (a) and (b)",
        "  into a new DuckDB file (durable, compressed): loading the file into DuckDB with no checks at all.",
        "- **pandas import**: `pandas.read_csv(sep='\\t', header=None, usecols=<the event columns>, dtype=...)`",
        "  into memory; **pandas, same work**: that read, the importer's checks, `Event.event_id` hashed per row",
        "  with `hashlib`, a membership test against known ids, `to_parquet`.",
        "",
        "## Levers measured (1,000,000 rows, 410 MB; load 8-11 on 2 cores)",
        "",
        "At this load a whole import's CPU moves by 10-25% from run to run, so a lever is judged twice: alone, in",
        "one process, repeated (min / median of 5-7 runs, CPU), and end to end, in alternating processes (4",
        "rounds of: import before, import after, each candidate on top, (b), (d); CPU of the whole process).",
        "",
        "**Where the one INSERT spends its time** (DuckDB's profiler, `profiling_mode = 'detailed'`, operator",
        "times summed over DuckDB's threads, two runs): the CSV parse (`READ_CSV`, 61 columns scanned, 10",
        "projected, SQLDATE and GoldsteinScale typed) 57-58%; the trims and mapping (two projections) 6-9%; the",
        "event id (key text and MD5) 15-16%; `BATCH_INSERT` (compression and write of the 16 columns) 18-21%.",
        "The optimizer already evaluates each mapped value once (the id's projection reads the mapped columns",
        "of the projection below it; nothing is computed twice), and it folds the three key fields a GDELT row",
        "does not have (`origin_id`, `sentence_index`, `char_start`, always `'None'`) into constants.",
        "",
        "Levers, this round:",
        "",
        "- **The id key with `concat(a, '|', b, ...)` instead of `concat_ws('|', a, b, ...)`**: the same text,",
        "  hence the same ids (tests pin them). Alone: 0.31-0.33 s against 0.40-0.43 s CPU per million keys",
        "  (MD5 included); `||` costs 0.57 s, `printf` 0.83-0.89 s, literal `'None'`s for the absent fields",
        "  nothing (already folded), `CAST(date AS VARCHAR)` instead of `strftime` 0.01 s (not worth a",
        "  difference from Python's `str(date)` outside years 1000-9999). **Kept.**",
        "- **`trim` only where a value starts or ends with a space** (`CASE WHEN x LIKE ' %' OR x LIKE '% '",
        "  THEN trim(x) ELSE x END`, DuckDB rewrites the LIKEs to prefix/suffix tests): the same values (a test",
        "  pins codes and ids with spaces around them on both import paths). Alone, three columns: 0.12-0.13 s",
        "  against 0.19 s CPU per million rows (no trim at all: 0.06 s). **Kept.**",
        "- Both together, end to end: CPU 5.40-6.45 s (median 5.53) against 5.53-6.94 s (median 6.27) before,",
        "  lower in each of the 4 pairs; wall within the noise (16.5-25.1 s against 16.9-23.0 s). (b) in the",
        "  same rounds: 2.68-3.49 s CPU, (d): 3.43-4.29 s (the import's figures include 0.18 s of importing",
        "  detente's modules, the baselines' do not).",
        "- **Per-column compression of `event_rows`** (the 16 columns written from memory into a new file,",
        "  alone, 3 runs each): as stored 1.38-1.71 s CPU, 42 MB; URLs uncompressed 1.20-1.21 s, 77 MB; all",
        "  strings without `dict_fsst` (`disabled_compression_methods`) 1.09-1.19 s, 144 MB; without `fsst`",
        "  1.37-1.46 s, 42 MB; doubles without ALP 1.33-1.53 s, 55 MB; `doc_id` with the default `dict_fsst`",
        "  1.67-1.90 s, 33 MB (it stays uncompressed); names or codes uncompressed 1.42-1.86 s, 65 MB. End to",
        "  end, URLs uncompressed on top of the kept levers: 5.59-6.46 s CPU (median 6.3), no gain. **Not",
        "  kept**: the only saving, dropping dictionary compression, costs 1.8-3.4x the disk, which every later",
        "  query reads.",
        "- **`checkpoint_threshold = '1GB'`**: no change (1.52-1.60 s against 1.38-1.71 s): a bulk INSERT",
        "  writes its row groups to the file before the commit, and the commit's checkpoint is small.",
        "  **`SET threads = 1`**: the same total CPU (1.06-1.27 s INSERT + 0.36-0.40 s commit), the compression",
        "  moves into the commit; wall would double. Not kept. `preserve_insertion_order` must stay on (the",
        "  line numbers follow from it); it cost nothing measurable (4.55 s ordered vs 4.56 s unordered, last round).",
        "- **The SHA-256 + line-count pass**: alone, 0.42-0.47 s CPU per million rows with the 1 MB buffer,",
        "  0.42-0.46 s with 256 kB, 0.48-0.54 s with 4 MB, 0.39-0.43 s over an `mmap` with a memoryview,",
        "  SHA-256 alone 0.37-0.38 s (the floor: 1.1 GB/s with the CPU's SHA instructions). End to end, `mmap`",
        "  on top of the kept levers: 6.04-6.67 s CPU, no gain, and 810 MB peak resident memory instead of",
        "  620-690 MB (the mapped file counts). **Not kept.**",
        "- The reader's options: the import's `read_csv` (explicit columns, two typed, rejects kept,",
        "  `max_line_size` 8 MB) costs what (b)'s sniffed all-VARCHAR read costs: 1.79-1.98 s against",
        "  1.94-1.96 s CPU, in one process; without `max_line_size` 1.81-1.99 s, without `store_rejects`",
        "  1.81-1.87 s, all VARCHAR 1.89-2.16 s. Nothing to take there.",
        "",
        "Levers, session 7 (1,000,000 rows; load 9-13 on 2 cores, so CPU only; per-statement times as in the "
        "table above):",
        "",
        "- **Line numbers in the INSERT** (`row_number() OVER ()` instead of the `UPDATE` of positions): the "
        "`UPDATE` and the commit's rewrite of the line column cost 0.05-0.06 + 0.15-0.17 s CPU per million rows "
        "(against 0.002 s for a commit without it); the window saves that, 2.94-2.97 s against 3.04-3.58 s CPU in a "
        "bare 6-column load, and gives the file's order here, but DuckDB runs a streaming window (an empty `OVER`) "
        "single-threaded, so the parse would lose its second core: wall time doubles on an idle machine. **Not "
        "kept.**",
        "- **Hashing the bytes DuckDB reads** instead of a second pass: the second read from the page cache costs "
        "0.05 s CPU per million rows and the line count 0.05 s; the digest is 0.33 s (SHA-256 at 1.26 GB/s with "
        "the CPU's SHA instructions). DuckDB's reader exposes no hook for its bytes (a Python file system through "
        "fsspec would move every read under the GIL). Ceiling of the saving: 0.1 s per million rows, 2% of the "
        "import. **Not done.**",
        "- **A faster standard digest**: SHA-1 1.42 GB/s, BLAKE2b 0.69, MD5 0.60, SHA-512 0.59, SHA3-256 0.36, "
        "against SHA-256's 1.26 GB/s (CPU s per GB in the table above): nothing in `hashlib` is faster by more than "
        "10%, and SHA-1 is broken for provenance. **SHA-256 kept** as the recorded input hash.",
        "- **The aggregate from `event_rows` and the codebook only** (without the `events` view's join to "
        "`event_details`, which a GDELT import leaves empty): 0.26-0.37 s against 0.30-0.34 s CPU per million "
        "rows: within the noise. Not kept.",
        "",
        "Earlier rounds (kept): one `read_csv` straight into `event_rows` (no staging table; exact lines from",
        "the rows' `rowid`s and one `UPDATE`; 5-10% less CPU); a re-import staged (an anti-join that writes",
        "nothing: 3.2-4.6 s against 4.8-6.0 s written and deleted); the split layout `event_rows` +",
        "`event_details` + `codebook` (16 columns written instead of 30: INSERT 2.5 -> 2.0 s); the aggregate",
        "without a PRIMARY KEY (0.49 -> 0.20 s, commit 0.19 -> 0.03 s); SHA-256 and line count in one pass in",
        "its own thread; SQLDATE and GoldsteinScale typed by the reader; `doc_id` stored uncompressed. Not kept:",
        "DuckDB's `hash()` as the id (0.35 s less, but not stable across DuckDB versions and not computable in",
        "Python: ids are provenance).",
        "",
        "On a machine shared by several jobs wall times depend on the load; for a fair picture rerun on an",
        "idle machine: `.venv/bin/python benchmarks/gdelt_import.py --rows 5000000`.",
    ]
    return lines


def duckdb_version() -> str:
    import duckdb

    return duckdb.__version__


REPEAT = 3


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=5_000_000, help="rows to generate (default 5,000,000)")
    parser.add_argument("--seed", type=int, default=20250212)
    parser.add_argument("--tmp", type=Path, default=None, help="directory for the generated file (default: a temp dir)")
    parser.add_argument("--no-write", action="store_true", help="print only; do not update benchmarks/results")
    args = parser.parse_args(argv)
    workdir = Path(tempfile.mkdtemp(prefix="detente-gdelt-bench-", dir=args.tmp))
    try:
        fig = run(args.rows, workdir=workdir, seed=args.seed, repeat=REPEAT)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    lines = report(fig)
    print("\n".join(lines))
    if not args.no_write:
        write_page(RESULTS, lines)
    return 0


if __name__ == "__main__":
    sys.exit(main())
