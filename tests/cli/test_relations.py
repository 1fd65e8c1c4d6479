"""`detente relations`, `detente shifts`, `detente triangle` on the built-in timeline and on a store."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from detente.cli.main import app

runner = CliRunner()


@pytest.fixture(autouse=True)
def _no_ambient_store(monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory) -> None:
    """Run each command where no ./detente.duckdb and no $DETENTE_DB would pick another data source."""
    monkeypatch.delenv("DETENTE_DB", raising=False)
    monkeypatch.chdir(tmp_path_factory.mktemp("cwd"))


def run(*args: str):  # noqa: ANN201 - click Result
    return runner.invoke(app, list(args))


def _store(path: Path, events: list | None = None) -> Path:
    """A small event store: two USA-RUS events in 2025-02 and a 'may attack' RUS->UKR one."""
    from datetime import date

    from detente.events.schema import Event
    from detente.events.store import EventStore

    events = events or [
        Event(date(2025, 2, 12), "USAGOV", "RUSGOV", "041", "04", 1, 1.0, "test", "doc-1"),
        Event(date(2025, 2, 18), "RUSGOV", "USAGOV", "043", "04", 1, 2.8, "test", "doc-2"),
        Event(date(2025, 3, 1), "RUSMIL", "UKR", "190", "19", 4, -10.0, "test", "doc-3", modality="possible",
              sentence="Russia may attack Ukraine again."),
    ]
    with EventStore(path) as store:
        store.ingest(events, file="test")
    return path


# ---------------------------------------------------------------- names (#10: never an empty table in silence)
@pytest.mark.parametrize(
    ("name", "code"),
    [("Ukraine", "UKR"), ("European Union", "EUR"), ("EU", "EUR"), ("Belarus", "BLR"), ("the Kremlin", "RUSGOV"),
     ("Kyiv", "UKR"), ("Zelensky", "UKRGOV"), ("ukr", "UKR"), ("Russians", "RUS")],
)
def test_names_resolve_the_same_as_codes(name: str, code: str) -> None:
    by_name = json.loads(run("relations", "USA", name, "--json").output)
    by_code = json.loads(run("relations", "USA", code, "--json").output)
    assert by_name["dyad"]["b"] == code
    assert by_name["series"] == by_code["series"]


def test_ukraine_and_the_eu_have_events_on_the_builtin_timeline() -> None:
    for name in ("Ukraine", "European Union"):
        result = run("relations", "USA", name)
        assert result.exit_code == 0, result.output
        assert "2025-" in result.output  # a table with rows, not an empty one


@pytest.mark.parametrize("name", ["Hungary", "Austria", "Georgia", "Kazakhstan"])
def test_a_known_actor_without_events_gets_a_note(name: str) -> None:
    result = run("relations", "USA", name)
    assert result.exit_code == 0, result.output
    assert "note: no events between USA-" in result.output
    assert "period\tevents" not in result.output  # no empty table


@pytest.mark.parametrize("command", ["relations", "shifts"])
def test_no_events_in_the_date_range_names_the_range(command: str) -> None:
    """USA-RUS has events on the built-in timeline, just none after 2030: the note must not say the source has none."""
    result = run(command, "USA", "RUS", "--since", "2030")
    assert result.exit_code == 0, result.output
    assert "note: no events between USA-RUS from 2030-01-01 to ... in built-in timeline" in result.output
    assert "wider --since/--until" in result.output and "period\tevents" not in result.output


@pytest.mark.parametrize(("command", "args"), [("relations", ("USA", "Ukrane")), ("shifts", ("Ukrane", "USA")),
                                                ("triangle", ("USA", "RUS", "Ukrane"))])
def test_an_unknown_actor_is_an_error_with_suggestions(command: str, args: tuple[str, ...]) -> None:
    result = run(command, *args)
    assert result.exit_code == 2
    assert result.output.count("\n") == 1
    assert "unknown actor 'Ukrane'" in result.output and "did you mean Ukraine (UKR)" in result.output


# ---------------------------------------------------------------- the data source (#10: one rule)
def test_detente_db_is_honoured(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = _store(tmp_path / "env.duckdb")
    monkeypatch.setenv("DETENTE_DB", str(db))
    for args in (("relations", "USA", "RUS"), ("shifts", "USA", "RUS"), ("triangle", "USA", "RUS", "UKR")):
        data = json.loads(run(*args, "--json").output)
        assert data["data"]["kind"] == "store" and data["data"]["reason"] == "$DETENTE_DB", args
    data = json.loads(run("relations", "USA", "RUS", "--json").output)
    assert data["n_events"] == 2


def test_a_local_store_is_used_then_the_builtin_timeline(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert json.loads(run("relations", "USA", "RUS", "--json").output)["data"]["reason"] == "default"
    _store(tmp_path / "detente.duckdb")
    data = json.loads(run("relations", "USA", "RUS", "--json").output)
    assert data["data"]["reason"] == "./detente.duckdb" and data["n_events"] == 2
    data = json.loads(run("relations", "USA", "RUS", "--case", "us-russia-2025", "--json").output)
    assert data["data"]["kind"] == "case"  # an explicit flag beats the ambient store


def test_detente_db_pointing_nowhere_is_an_error(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("DETENTE_DB", str(tmp_path / "missing.duckdb"))
    result = run("relations", "USA", "RUS")
    assert result.exit_code == 2 and "$DETENTE_DB" in result.output and "no event store" in result.output


def test_unasserted_events_count_only_when_asked(tmp_path: Path) -> None:
    db = _store(tmp_path / "ev.duckdb")
    default = json.loads(run("relations", "RUS", "UKR", "--db", str(db), "--json").output)
    assert default["n_events"] == 0 and default["unasserted_events"] == 1
    table = run("relations", "RUS", "UKR", "--db", str(db))
    assert "1 unasserted event(s) left out" in table.output
    everything = json.loads(run("relations", "RUS", "UKR", "--db", str(db), "--all-modalities", "--json").output)
    assert everything["n_events"] == 1


TIMELINE = """\
case: my-case
title: my own timeline
sources:
- {doc_id: note-1, file: note-1.txt}
events:
- id: call
  date: '2025-02-12'
  source: USAGOV
  target: RUSGOV
  cameo: '041'
  doc_id: note-1
  sentence: Trump called Putin.
  char_start: 0
  char_end: 19
- id: talks
  date: '2025-03'
  source: USAGOV
  target: UKRGOV
  cameo: '046'
  doc_id: note-1
  sentence: US and Ukrainian officials held talks.
  char_start: 20
  char_end: 58
"""


def test_a_users_timeline_is_read(tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text(TIMELINE, encoding="utf-8")
    data = json.loads(run("relations", "USA", "RUS", "--timeline", str(path), "--json").output)
    assert data["data"]["kind"] == "timeline" and data["n_events"] == 1
    tri = run("triangle", "USA", "RUS", "UKR", "--timeline", str(path), "--freq", "month")
    assert tri.exit_code == 0 and "2025-02" in tri.output


def test_a_bad_timeline_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(TIMELINE.replace("cameo: '046'", "cameo: '999'"), encoding="utf-8")
    result = run("relations", "USA", "RUS", "--timeline", str(path))
    assert result.exit_code == 2
    line = TIMELINE.splitlines().index("  cameo: '046'") + 1
    assert f"bad.yaml:{line}" in result.output and "unknown CAMEO code" in result.output


# ---------------------------------------------------------------- every bad flag: one line, exit 2, before any work
@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (("relations", "USA", "RUS", "--plot", "usa_rus"), "--plot usa_rus: cannot tell what to write from no suffix"),
        (("shifts", "USA", "RUS", "--plot", "x.txt"), "--plot x.txt"),
        (("triangle", "USA", "RUS", "CHN", "--plot", "nodir/t.png"), "the directory does not exist"),
        (("relations", "USA", "RUS", "--since", "2025-13"), "--since: bad date"),
        (("shifts", "USA", "RUS", "--until", "May"), "--until: bad date"),
        (("relations", "USA", "RUS", "--since", "2025-05", "--until", "2025-01"), "--since: 2025-05 is after --until 2025-01"),
        (("relations", "USA", "RUS", "--freq", "fortnight"), "--freq"),
        (("relations", "USA", "RUS", "--window", "0"), "--window"),
        (("relations", "USA", "RUS", "--window", "5"), "--window: sets the smoothing window, but nothing is smoothed"),
        (("shifts", "USA", "RUS", "--method", "binseg", "--n-shifts", "1", "--penalty", "3"), "--penalty: conflicts with --n-shifts"),
        (("relations", "USA", "RUS", "--measure", "vibes"), "--measure: unknown measure"),
        (("shifts", "USA", "RUS", "--events", "some"), "--events: bad value"),
        (("shifts", "USA", "RUS", "--method", "binseg", "--n-shifts", "0"), "--n-shifts"),
        (("triangle", "USA", "RUS", "CHN", "--band", "-1"), "--band"),
        (("relations", "USA", "RUS", "--case", "us-rusia-2025"), "did you mean us-russia-2025"),
        (("relations", "USA", "RUS", "--db", "a.duckdb", "--case", "us-russia-2025"), "two data sources"),
        (("relations", "USA", "RUS", "--timeline", "nope.yaml"), "--timeline nope.yaml: no such file"),
        (("relations", "USA", "RUS", "--db", "nope.duckdb"), "--db: no event store at nope.duckdb"),
        (("triangle", "USA", "Washington", "CHN"), "three different actors"),
        (("relations", "USA", "the White House", "--db", "missing.duckdb"), "overlap"),  # checked before the store
    ],
)
def test_bad_flags_are_one_line_and_exit_2(args: tuple[str, ...], needle: str) -> None:
    result = run(*args)
    assert result.exit_code == 2, result.output
    assert needle in result.output, result.output
    assert result.output.count("\n") == 1 and "Traceback" not in result.output


def test_db_that_is_not_duckdb_is_refused_before_work(tmp_path: Path) -> None:
    notes = tmp_path / "notes.tsv"
    notes.write_text("date\tsource\ttarget\n2025-02-12\tUSA\tRUS\n", encoding="utf-8")
    out = tmp_path / "chart.png"
    for command, actors in (("relations", ("USA", "RUS")), ("shifts", ("USA", "RUS")), ("triangle", ("USA", "RUS", "CHN"))):
        result = run(command, *actors, "--db", str(notes), "--plot", str(out))
        assert result.exit_code == 2 and "not a detente event store" in result.output, result.output
        assert "--db" in result.output and "Catalog" not in result.output
    assert not out.exists()


def test_an_existing_plot_is_kept_without_force(tmp_path: Path) -> None:
    out = tmp_path / "chart.png"
    out.write_bytes(b"mine")
    result = run("relations", "USA", "RUS", "--plot", str(out))
    assert result.exit_code == 2 and "--force" in result.output and out.read_bytes() == b"mine"
    assert run("relations", "USA", "RUS", "--plot", str(out), "--force").exit_code == 0
    assert out.read_bytes()[:4] == b"\x89PNG"
    assert out.stat().st_mode & 0o044  # readable by others under the usual umask, not 0600


# ---------------------------------------------------------------- every event behind a turn
def test_events_all_lists_every_event_behind_a_turn() -> None:
    from detente.events.modality import ASSERTED_MODALITIES

    args = ("shifts", "USA", "Ukraine", "--measure", "events")
    few = json.loads(run(*args, "--events", "1", "--json").output)
    every = json.loads(run(*args, "--events", "all", "--json").output)
    assert few["shifts"] and [len(s["drivers"]) for s in few["shifts"]] == [1] * len(few["shifts"])
    turn = every["shifts"][0]
    month = turn["date"][:7]
    listed = json.loads(run("events", "list", "--dyad", "USA", "UKR", "--since", month, "--until", month, "--json").output)
    asserted = [e for e in listed if not e["negated"] and e["modality"] in ASSERTED_MODALITIES]
    assert sorted(d["event_id"] for d in turn["drivers"]) == sorted(e["event_id"] for e in asserted)
    assert len(asserted) > 3  # more than the default three
    table = run(*args, "--events", "all")
    assert table.output.count(f"\n{month}\t{month}") == len(asserted)  # day- and month-precision dates


def test_triangle_says_who_is_isolated() -> None:
    result = run("triangle", "USA", "RUS", "CHN")
    assert "RUS pivots: courted by USA and CHN, who are at odds" in result.output
    data = json.loads(run("triangle", "USA", "RUS", "CHN", "--json").output)
    q1 = next(p for p in data["periods"] if p["period"] == "2025-01-01")
    assert q1["reading"].startswith("RUS pivots")


def test_relations_runs_on_the_builtin_timeline() -> None:
    # the February 2025 warming is followed by a cooler May, so the default penalty (3·σ²·log n) finds no turn: ask with a lower one
    result = run("relations", "USA", "RUS", "--penalty", "10")
    assert result.exit_code == 0, result.output
    assert "built-in timeline of us-russia-2025" in result.output
    assert "USA–RUS by month" in result.output
    assert "2025-02\t4\t4\t0\t+1.00" in result.output  # Feb 2025: four cooperative events
    assert "Turning points" in result.output and "warming" in result.output
    assert "meet on neutral ground" in result.output  # the Riyadh talks behind the turn
    assert "000_0893147c89d5f6ac:" in result.output  # with the sentence's location


def test_relations_json_is_complete() -> None:
    result = run("relations", "Washington", "Moscow", "--freq", "quarter", "--since", "2025-01", "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["data"]["kind"] == "case" and data["data"]["reason"] == "default" and data["data"]["events"] >= 30
    assert data["dyad"] == {"a": "USA", "b": "RUS", "directed": False}
    periods = {r["period"][:10] for r in data["series"]}
    assert periods == {"2025-01-01", "2025-04-01"}
    q1 = {r["measure"]: r["value"] for r in data["series"] if r["period"].startswith("2025-01")}
    assert q1["events"] == 5 and q1["cooperation"] == 4 and q1["conflict"] == 1


def test_relations_directed_and_smoothed() -> None:
    result = run("relations", "UKR", "USA", "--directed", "--since", "2025-01", "--smooth", "rolling", "--window", "2")
    assert result.exit_code == 0, result.output
    assert "UKR→USA by month" in result.output
    assert "goldstein_mean (rolling, 2)" in result.output


def test_shifts_reports_date_size_and_events() -> None:
    result = run("shifts", "USA", "RUS", "--json", "--penalty", "10")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    (shift,) = data["shifts"]
    assert shift["date"] == "2025-02-01" and shift["direction"] == "warming"
    assert shift["size"] == pytest.approx(shift["after"] - shift["before"])
    assert data["detector"]["method"] == "pelt" and data["detector"]["penalty"] > 0
    assert all(d["sentence"] for d in shift["drivers"])
    table = run("shifts", "USA", "RUS", "--penalty", "10")
    assert table.exit_code == 0 and "Events behind each turn" in table.output and "penalty" in table.output


def test_triangle_names_the_pivot() -> None:
    result = run("triangle", "USA", "RUS", "CHN")
    assert result.exit_code == 0, result.output
    assert "2025-Q1\tromantic triangle\tRUS" in result.output
    assert "net_coop > 0.2" in result.output  # the thresholds are stated
    data = json.loads(run("triangle", "USA", "RUS", "CHN", "--json").output)
    q1 = next(p for p in data["periods"] if p["period"] == "2025-01-01")
    assert q1["configuration"] == "romantic triangle" and q1["pivot"] == "RUS"
    assert data["band"] == 0.2 and "rule" in data
    goldstein = json.loads(run("triangle", "USA", "RUS", "CHN", "--measure", "goldstein_mean", "--json").output)
    assert goldstein["band"] == 1.0 and "goldstein_mean > 1" in goldstein["rule"]  # each measure's own default band


def test_plots_are_written(tmp_path: Path) -> None:
    for args, name in (
        (("relations", "USA", "RUS"), "rel.png"),
        (("triangle", "USA", "RUS", "UKR", "--freq", "month"), "tri.png"),
    ):
        out = tmp_path / name
        result = run(*args, "--plot", str(out))
        assert result.exit_code == 0, result.output
        assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no temp files left


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (("relations", "USA", "Atlantis"), "unknown actor"),
        (("relations", "USA", "RUS", "--since", "last spring"), "bad date"),
        (("relations", "USA", "RUS", "--db", "/nonexistent/x.duckdb"), "no event store"),
        (("shifts", "USA", "RUS", "--n-shifts", "1"), "binseg"),
        (("triangle", "USA", "RUS", "USA"), "three different"),
        (("relations", "USA", "RUS", "--plot", "/tmp/chart.txt"), "--plot /tmp/chart.txt: cannot tell what to write from '.txt'"),
    ],
)
def test_errors_exit_2_with_one_line(args: tuple[str, ...], needle: str) -> None:
    result = run(*args)
    assert result.exit_code == 2, result.output
    assert needle in result.output
    assert "Traceback" not in result.output


def test_commands_read_a_store(tmp_path: Path) -> None:
    import pandas as pd

    from detente.events.schema import Event
    from detente.events.store import EventStore
    from detente.relations.shifts import synthetic_events

    frame, true_dates = synthetic_events(periods=36, rate=15, regimes=((0, 0.2), (18, 0.85)), rng=4)
    events = []
    for record in frame.to_dict("records"):
        record.pop("event_id")
        record["date"] = record["date"].date()
        events.append(Event(**{k: (None if isinstance(v, float) and pd.isna(v) else v) for k, v in record.items()}))
    db = tmp_path / "ev.duckdb"
    with EventStore(db) as store:
        store.ingest(events, file="synthetic")
    result = run("shifts", "USA", "RUS", "--db", str(db), "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["data"]["kind"] == "store" and data["data"]["reason"] == "--db"
    assert [s["date"] for s in data["shifts"]] == [d.date().isoformat() for d in true_dates]
    table = run("relations", "USA", "RUS", "--db", str(db), "--freq", "quarter")
    assert table.exit_code == 0 and "event store" in table.output and "built-in" not in table.output


def test_help_explains_the_commands() -> None:
    for command in ("relations", "shifts", "triangle"):
        result = run(command, "--help")
        assert result.exit_code == 0
        assert "--json" in result.output and "--plot" in result.output


# ---------------------------------------------------------------- a Parquet dataset read with Dask (#12)
ACTORS = ["USAGOV", "USA", "RUSMIL", "RUS", "RUSGOV", "CHNGOV", "CHN", "UKRREB", "UKR"]
ACTS = [("041", "04", 1, 1.0), ("057", "05", 1, 8.0), ("112", "11", 3, -2.0), ("190", "19", 4, -10.0), ("010", "01", 1, 0.0)]


@pytest.fixture(scope="module")
def store_and_parquet(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A store of 1,200 generated events over 2023-2025 (US-Russia turning hostile from mid-2024) and its Parquet export."""
    from datetime import date

    import numpy as np

    from detente.events.parquet import export_dataset
    from detente.events.schema import Event
    from detente.events.store import EventStore

    rng = np.random.default_rng(12)
    events = []
    for i in range(1200):
        day = date(int(rng.integers(2023, 2026)), int(rng.integers(1, 13)), int(rng.integers(1, 29)))
        late = (day.year, day.month) >= (2024, 7)
        act = ACTS[int(rng.integers(2, 4))] if late and rng.random() < 0.9 else ACTS[int(rng.integers(0, 5))]
        source, target = rng.choice(ACTORS[:5], size=2, replace=False) if rng.random() < 0.5 else rng.choice(ACTORS, size=2, replace=False)
        modality = "possible" if rng.random() < 0.1 else None
        events.append(Event(day, str(source), str(target), *act, "test", f"doc-{i}", modality=modality, sentence=f"sentence {i}"))
    root = tmp_path_factory.mktemp("parquet")
    db = _store(root / "ev.duckdb", events)
    with EventStore(db, read_only=True) as store:
        export_dataset(store, root / "dataset")
    return db, root / "dataset"


def _numbers(output: str) -> dict:
    """A command's JSON without its 'data' record (which names the source): the numbers to compare."""
    record = json.loads(output)
    record.pop("data")
    return record


@pytest.mark.parametrize(("command", "actors", "extra"), [
    ("relations", ("USA", "Russia"), ()),
    ("relations", ("USA", "RUS"), ("--freq", "quarter", "--since", "2024-01", "--until", "2025-06", "--directed")),
    ("relations", ("USA", "RUS"), ("--all-modalities",)),
    ("shifts", ("United States", "RUS"), ("--measure", "net_coop")),
    ("triangle", ("USA", "RUS", "China"), ()),
])
def test_parquet_gives_the_store_numbers(store_and_parquet, command: str, actors: tuple[str, ...], extra: tuple[str, ...]) -> None:
    db, dataset = store_and_parquet
    on_store = run(command, *actors, *extra, "--db", str(db), "--json")
    on_parquet = run(command, *actors, *extra, "--parquet", str(dataset), "--json")
    assert on_store.exit_code == 0 and on_parquet.exit_code == 0, on_store.output + on_parquet.output
    assert _numbers(on_parquet.stdout) == _numbers(on_store.stdout)
    data = json.loads(on_parquet.stdout)["data"]
    assert (data["kind"], data["reason"], data["scheduler"]) == ("parquet", "--parquet", None)
    if command == "relations" and not extra:
        numbers = _numbers(on_store.stdout)
        assert numbers["n_events"] > 100 and numbers["unasserted_events"] > 5 and numbers["shifts"]  # not two empty tables


def test_parquet_table_says_where_the_numbers_come_from(store_and_parquet) -> None:
    _, dataset = store_and_parquet
    result = run("relations", "USA", "RUS", "--parquet", str(dataset))
    assert result.exit_code == 0, result.output
    assert f"Parquet dataset {dataset} (--parquet, read on local Dask threads)" in result.output
    assert "2024-07" in result.output


def test_parquet_on_a_loopback_cluster_gives_the_store_numbers(store_and_parquet, monkeypatch: pytest.MonkeyPatch) -> None:
    distributed = pytest.importorskip("distributed")
    db, dataset = store_and_parquet
    on_store = run("relations", "USA", "RUS", "--db", str(db), "--json")
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=False, protocol="tcp", host="127.0.0.1",
                                  dashboard_address=None) as cluster:
        by_flag = run("relations", "USA", "RUS", "--parquet", str(dataset), "--scheduler", cluster.scheduler_address, "--json")
        monkeypatch.setenv("DETENTE_SCHEDULER", cluster.scheduler_address)
        by_env = run("triangle", "USA", "RUS", "CHN", "--parquet", str(dataset), "--json")
    assert by_flag.exit_code == 0 and by_env.exit_code == 0, by_flag.output + by_env.output
    assert _numbers(by_flag.stdout) == _numbers(on_store.stdout)
    assert json.loads(by_flag.stdout)["data"]["scheduler"] == cluster.scheduler_address
    assert json.loads(by_env.stdout)["data"]["scheduler"] == cluster.scheduler_address
    assert _numbers(by_env.stdout) == _numbers(run("triangle", "USA", "RUS", "CHN", "--db", str(db), "--json").stdout)


def test_detente_scheduler_without_parquet_is_a_visible_note(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DETENTE_SCHEDULER", "tcp://127.0.0.1:8786")
    result = run("relations", "USA", "RUS")
    assert result.exit_code == 0, result.output
    assert "note: $DETENTE_SCHEDULER (tcp://127.0.0.1:8786) not used: only a --parquet dataset is read on Dask" in result.output
    record = json.loads(run("relations", "USA", "RUS", "--json").stdout)
    assert record["data"]["notes"] == ["$DETENTE_SCHEDULER (tcp://127.0.0.1:8786) not used: only a --parquet dataset is read on Dask"]


@pytest.mark.parametrize(("args", "needle"), [
    (("relations", "USA", "RUS", "--scheduler", "tcp://127.0.0.1:8786"), "--scheduler: only applies to a Parquet dataset"),
    (("shifts", "USA", "RUS", "--parquet", "{dataset}", "--db", "{db}"), "--db and --parquet name two data sources"),
    (("triangle", "USA", "RUS", "CHN", "--parquet", "{dataset}", "--case", "us-russia-2025"), "--parquet and --case name two data sources"),
    (("relations", "USA", "RUS", "--parquet", "{dataset}", "--timeline", "{db}"), "--parquet and --timeline name two data sources"),
    (("relations", "USA", "RUS", "--parquet", "{missing}"), "no such directory"),
    (("relations", "USA", "RUS", "--parquet", "{db}"), "is a file, not a directory"),
    (("relations", "USA", "RUS", "--parquet", "{empty}"), "no Parquet event dataset here"),
    (("relations", "USA", "RUS", "--parquet", "{stranger}"), "not an event dataset"),
    (("relations", "USA", "RUS", "--parquet", "{dataset}", "--scheduler", "localhost"), "has no port"),
])
def test_parquet_and_scheduler_errors_are_one_line(store_and_parquet, tmp_path: Path, args: tuple[str, ...], needle: str) -> None:
    db, dataset = store_and_parquet
    (tmp_path / "empty").mkdir()
    (tmp_path / "stranger").mkdir()
    (tmp_path / "stranger" / "notes.txt").write_text("x", encoding="utf-8")
    paths = {"dataset": dataset, "db": db, "missing": tmp_path / "missing", "empty": tmp_path / "empty", "stranger": tmp_path / "stranger"}
    result = run(*[a.format(**paths) for a in args])
    assert result.exit_code == 2, result.output
    assert needle in result.output, result.output
    assert result.output.count("\n") == 1 and "Traceback" not in result.output


def test_a_bad_detente_scheduler_is_named_with_parquet(store_and_parquet, monkeypatch: pytest.MonkeyPatch) -> None:
    _, dataset = store_and_parquet
    monkeypatch.setenv("DETENTE_SCHEDULER", "localhost")
    result = run("relations", "USA", "RUS", "--parquet", str(dataset))
    assert result.exit_code == 2 and "$DETENTE_SCHEDULER: scheduler address 'localhost' has no port" in result.output, result.output


def test_the_caption_counts_one_article_in_the_singular() -> None:
    result = run("triangle", "USA", "RUS", "CHN", "--case", "belarus-2025")
    assert result.exit_code == 0 and "hand-coded from 1 article (" in result.output


@pytest.mark.parametrize("command", [["relations", "USA", "RUS"], ["shifts", "USA", "RUS"], ["triangle", "USA", "RUS", "CHN"]])
def test_force_without_a_plot_is_an_error_not_ignored(command: list[str]) -> None:
    result = runner.invoke(app, [*command, "--force"])
    assert result.exit_code == 2
    assert result.stderr.startswith("error: --force: needs --plot") and result.stdout == ""


@pytest.mark.parametrize("command", [["relations", "USA", "RUS"], ["triangle", "USA", "RUS", "CHN"]])
def test_all_periods_with_json_says_the_json_lists_every_period(command: list[str]) -> None:
    plain = runner.invoke(app, [*command, "--json"])
    result = runner.invoke(app, [*command, "--json", "--all-periods"])
    assert result.exit_code == 0, result.output
    assert "note: --all-periods changes nothing with --json" in result.stderr
    assert json.loads(result.stdout) == json.loads(plain.stdout) and "--all-periods" not in plain.stderr
