"""`detente forecast` and `detente plans` through the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from detente.cli.main import app

runner = CliRunner()
TOY = (Path(__file__).resolve().parents[1] / "bargaining" / "scenario_toy.yaml").read_text(encoding="utf-8")
FAST = ["--draws", "150", "--model", "compromise", "--model", "median"]


def test_forecast_with_no_arguments_uses_the_builtin_case() -> None:
    result = runner.invoke(app, ["forecast", "--draws", "150"])
    assert result.exit_code == 0, result.output
    out = result.stdout
    for issue in ("territory", "nato", "guarantees", "ceasefire", "sanctions", "minerals", "gas_transit"):
        assert issue in out
    for actor in ("USA", "RUS", "UKR", "EUR", "CHN"):
        assert actor in out
    assert "compromise" in out and "vance-plan" in out


def test_forecast_json_is_reproducible() -> None:
    a = runner.invoke(app, ["forecast", *FAST, "--seed", "4", "--json"])
    b = runner.invoke(app, ["forecast", *FAST, "--seed", "4", "--json"])
    assert a.exit_code == 0, a.output
    assert a.stdout == b.stdout
    doc = json.loads(a.stdout)
    assert doc["seed"] == 4 and doc["draws"] == 150 and doc["models"] == ["compromise", "median"]
    assert len(doc["input_hash"]) == 64 and doc["detente_version"]
    rows = [r for r in doc["forecast"] if r["model"] == "median" and r["issue"] == "nato"]
    assert rows and rows[0]["p10"] <= rows[0]["median"] <= rows[0]["p90"]
    assert doc["plans"] and {"support", "unanimity", "actors"} <= set(doc["plans"][0])
    assert doc["positions"]["nato"]["RUS"] == 0
    assert doc["pooled"]["nato"]["nearest_anchor"]


def test_forecast_sensitivity() -> None:
    result = runner.invoke(app, ["forecast", *FAST, "--sensitivity", "--json", "--no-plans"])
    assert result.exit_code == 0, result.output
    drivers = json.loads(result.stdout)["sensitivity"]["territory"]
    assert drivers and drivers[0]["input"].startswith(("positions.", "actors.", "issues."))
    table = runner.invoke(app, ["forecast", *FAST, "--sensitivity", "--no-plans"])
    assert "Sensitivity" in table.stdout


def test_forecast_variant_shows_shift() -> None:
    result = runner.invoke(app, ["forecast", *FAST, "--variant", "us-adds-sanctions", "--json"])
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    assert doc["variant"] == "us-adds-sanctions" and doc["base"]["variant"] is None
    shift = [s for s in doc["shifts"] if s["issue"] == "sanctions" and s["model"] == "compromise"][0]
    assert shift["shift"] < 0
    table = runner.invoke(app, ["forecast", *FAST, "--variant", "us-adds-sanctions"])
    assert "->" in table.stdout and "us-adds-sanctions" in table.stdout


def test_forecast_unknown_variant_and_model_exit_2() -> None:
    bad = runner.invoke(app, ["forecast", "--variant", "nonesuch", "--draws", "10"])
    assert bad.exit_code == 2
    assert "unknown variant 'nonesuch'" in bad.output
    bad = runner.invoke(app, ["forecast", "--model", "oracle", "--draws", "10"])
    assert bad.exit_code == 2 and "unknown model 'oracle'" in bad.output


def test_forecast_param_is_recorded() -> None:
    result = runner.invoke(app, ["forecast", "--draws", "50", "--model", "expected_utility", "--param", "expected_utility.q=0.5", "--json", "--no-plans"])
    if "unknown model" in result.output:
        pytest.skip("expected_utility model not registered")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["params"]["expected_utility"]["q"] == 0.5
    bad = runner.invoke(app, ["forecast", "--param", "q=0.5", "--draws", "10"])
    assert bad.exit_code == 2 and "MODEL.NAME=VALUE" in bad.output


def test_forecast_on_own_file_and_bad_file(tmp_path: Path) -> None:
    good = tmp_path / "toy.yaml"
    good.write_text(TOY, encoding="utf-8")
    ok = runner.invoke(app, ["forecast", "--case", str(good), "--draws", "100", "--json"])
    assert ok.exit_code == 0, ok.output
    assert json.loads(ok.stdout)["case"] == "toy"
    bad = tmp_path / "bad.yaml"
    bad.write_text(TOY.replace("salience: {value: 0.5,", "salience: {value: 50,"), encoding="utf-8")
    plot = tmp_path / "out.png"
    result = runner.invoke(app, ["forecast", "--case", str(bad), "--plot", str(plot)])
    assert result.exit_code == 2
    lines = [ln for ln in result.output.splitlines() if ln.strip()]
    assert len(lines) == 1
    assert str(bad) in lines[0] and "positions.USA.sanctions.salience" in lines[0] and "fix:" in lines[0]
    assert not plot.exists()


def test_forecast_plot(tmp_path: Path) -> None:
    pytest.importorskip("matplotlib")
    case = tmp_path / "toy.yaml"
    case.write_text(TOY, encoding="utf-8")
    plot = tmp_path / "fc.png"
    result = runner.invoke(app, ["forecast", "--case", str(case), *FAST, "--plot", str(plot), "--no-plans"])
    assert result.exit_code == 0, result.output
    assert plot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["fc.png", "toy.yaml"]  # no temp file left behind


def test_plans_command() -> None:
    result = runner.invoke(app, ["plans", *FAST, "--json"])
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    supports = [p["support"] for p in doc["plans"]]
    assert supports == sorted(supports, reverse=True)
    assert set(doc["reference_forecast"]) >= {"territory", "nato"}
    detail = runner.invoke(app, ["plans", *FAST, "--plan", "vance-plan"])
    assert detail.exit_code == 0, detail.output
    assert "u(plan)" in detail.stdout and "freeze the conflict" in detail.stdout
    bad = runner.invoke(app, ["plans", "--plan", "nope", "--draws", "10"])
    assert bad.exit_code == 2 and "unknown plan" in bad.output


def test_spread_widens_point_inputs(tmp_path: Path) -> None:
    case = tmp_path / "toy.yaml"
    case.write_text(TOY, encoding="utf-8")
    plain = json.loads(runner.invoke(app, ["forecast", "--case", str(case), "--draws", "200", "--json", "--model", "compromise"]).stdout)
    wide = json.loads(runner.invoke(app, ["forecast", "--case", str(case), "--draws", "200", "--json", "--model", "compromise", "--spread", "20"]).stdout)
    (p,) = plain["forecast"]
    (w,) = wide["forecast"]
    assert w["p90"] - w["p10"] > p["p90"] - p["p10"]
    assert wide["input_hash"] != plain["input_hash"]


# ---- issue 10: every bad flag is one line and exit 2, before any work -------------------


def _one_error_line(result) -> str:
    lines = [ln for ln in result.output.splitlines() if ln.strip()]
    assert result.exit_code == 2, result.output
    assert len(lines) == 1, result.output
    return lines[0]


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--param", "expected_utility.q=abc"], "--param expected_utility.q"),
        (["--param", "expected_utility.qq=1"], "has no parameter 'qq'"),
        (["--param", "nash.iterations=many"], "--param nash.iterations"),
        (["--model", "median", "--param", "nash.iterations=3"], "not being run"),
        (["--plot", "out.txt"], "--plot out.txt"),
        (["--plot", "forecast"], "--plot forecast"),
        (["--out", "table.xlsx"], "--out table.xlsx"),
        (["--table", "everything"], "--table"),
        (["--set", "RUS.territory.position=abc"], "--set RUS.territory.position=abc"),
        (["--set", "Atlantis.territory.position=5"], "no actor 'Atlantis'"),
        (["--set", "RUS.land.position=5"], "no issue 'land'"),
    ],
)
def test_bad_flags_fail_fast_with_one_line(args: list[str], expected: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    calls = []
    monkeypatch.setattr("detente.bargaining.study.run_forecast", lambda *a, **k: calls.append(1))
    line = _one_error_line(runner.invoke(app, ["forecast", *args]))
    assert expected in line and "fix:" in line
    assert calls == []  # nothing ran
    assert list(tmp_path.iterdir()) == []  # nothing written


def test_plot_has_normal_permissions_and_is_not_replaced_without_force(tmp_path: Path) -> None:
    pytest.importorskip("matplotlib")
    import os

    case = tmp_path / "toy.yaml"
    case.write_text(TOY, encoding="utf-8")
    plot = tmp_path / "fc.svg"
    old = os.umask(0o022)
    try:
        ok = runner.invoke(app, ["forecast", "--case", str(case), *FAST, "--plot", str(plot), "--no-plans"])
    finally:
        os.umask(old)
    assert ok.exit_code == 0, ok.output
    assert plot.read_text(encoding="utf-8").lstrip().startswith("<?xml")
    assert plot.stat().st_mode & 0o777 == 0o644
    again = runner.invoke(app, ["forecast", "--case", str(case), *FAST, "--plot", str(plot)])
    assert "exists already" in _one_error_line(again) and "--force" in again.output
    forced = runner.invoke(app, ["forecast", "--case", str(case), *FAST, "--plot", str(plot), "--force", "--no-plans"])
    assert forced.exit_code == 0, forced.output


def test_what_if_from_the_command_line() -> None:
    result = runner.invoke(app, ["forecast", *FAST, "--set", "Russia.territory.position=60", "--set", "EUR.guarantees.salience=0.9", "--json"])
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    assert doc["variant"] == "what-if" and doc["positions"]["territory"]["RUS"] == 60
    assert [s["target"] for s in doc["settings"]] == ["positions.RUS.territory.position", "positions.EUR.guarantees.salience"]
    shift = next(s for s in doc["shifts"] if s["issue"] == "territory" and s["model"] == "compromise")
    assert shift["shift"] < 0
    table = runner.invoke(app, ["forecast", *FAST, "--set", "RUS.territory.position=60"])
    assert "what-if RUS.territory.position=60" in table.stdout and "->" in table.stdout


@pytest.mark.parametrize("suffix", [".csv", ".parquet"])
def test_out_carries_provenance_in_the_file(suffix: str, tmp_path: Path) -> None:
    import pandas as pd

    from detente.report.export import read_provenance

    out = tmp_path / f"draws{suffix}"
    result = runner.invoke(app, ["forecast", *FAST, "--seed", "5", "--variant", "us-adds-sanctions", "--out", str(out), "--table", "draws", "--no-plans"])
    assert result.exit_code == 0, result.output
    frame = pd.read_csv(out, comment="#") if suffix == ".csv" else pd.read_parquet(out)
    assert list(frame.columns) == ["run", "model", "draw", "issue", "value"]
    assert len(frame) == 2 * 2 * 150 * 7
    prov = read_provenance(out)
    assert prov["seed"] == 5 and prov["draws"] == 150 and prov["variant"] == "us-adds-sanctions" and prov["case"] == "us-russia-2025"
    assert len(prov["input_hash"]) == 64 and prov["detente_version"] and set(prov["params"]) == {"compromise", "median"}
    plans = tmp_path / f"plans{suffix}"
    assert runner.invoke(app, ["plans", *FAST, "--out", str(plans)]).exit_code == 0
    table = pd.read_csv(plans, comment="#") if suffix == ".csv" else pd.read_parquet(plans)
    assert {"plan", "actor", "support", "decisive", "p_accept"} <= set(table.columns)


def test_ad_hoc_plan_spec_says_what_it_assumes() -> None:
    result = runner.invoke(app, ["plans", *FAST, "--plan-spec", "territory=50,nato=0,guarantees=75"])
    assert result.exit_code == 0, result.output
    assert "ad-hoc" in result.stdout
    assert "note:" in result.output and "keep their status quo" in result.output and "ceasefire=0" in result.output
    doc = json.loads(runner.invoke(app, ["plans", *FAST, "--plan-spec", "territory=50,nato=0", "--json"]).stdout)
    adhoc = next(p for p in doc["plans"] if p["plan"] == "ad-hoc")
    assert adhoc["point"]["territory"] == 50 and adhoc["point"]["sanctions"] == 25
    assert any("ad-hoc" in n for n in doc["notes"])
    bad = runner.invoke(app, ["plans", "--plan-spec", "territory=50,natoo=0"])
    assert "no issue 'natoo'" in _one_error_line(bad)


def test_plans_show_spread_and_who_decides() -> None:
    result = runner.invoke(app, ["plans", *FAST, "--json"])
    plans = {p["plan"]: p for p in json.loads(result.stdout)["plans"]}
    for p in plans.values():
        assert p["support_p10"] <= p["support"] <= p["support_p90"] + 1e-9
    # near-equal support, told apart by who decides
    assert plans["vance-plan"]["decisive"] == "RUS" and plans["russia-terms"]["decisive"] == "USA"
    table = runner.invoke(app, ["plans", *FAST])
    header = next(ln for ln in table.stdout.splitlines() if ln.startswith("plan\t"))
    assert header.split("\t")[:5] == ["plan", "support", "spread", "all accept", "decided by"]


@pytest.mark.parametrize("width", [80, 120])
def test_tables_fit_the_terminal_without_cutting_cells(width: int, monkeypatch: pytest.MonkeyPatch) -> None:
    import io

    from rich.console import Console

    from detente.cli import output

    buffer = io.StringIO()
    monkeypatch.setattr(output, "console", Console(file=buffer, width=width, force_terminal=True, color_system=None))
    result = runner.invoke(app, ["forecast", "--draws", "100"])
    assert result.exit_code == 0, result.output
    text = buffer.getvalue()
    assert "…" not in text
    assert max(len(line) for line in text.splitlines()) <= width
    for cell in ("compromise", "exp. utility", "gas_transit", "minerals-without-guarantees", "decided by"):
        assert cell in text


def test_piped_table_is_one_tab_separated_table() -> None:
    result = runner.invoke(app, ["forecast", *FAST, "--no-plans"])
    lines = result.stdout.splitlines()
    assert lines[0].startswith("# ") and lines[1].split("\t") == ["issue", "status quo", "USA", "RUS", "UKR", "EUR", "CHN", "compromise", "median"]
    assert "(part" not in result.stdout


def test_out_refuses_a_table_that_would_be_empty(tmp_path: Path) -> None:
    out = tmp_path / "t.csv"
    line = _one_error_line(runner.invoke(app, ["forecast", "--out", str(out), "--table", "plans", "--no-plans"]))
    assert "--table plans" in line and "--no-plans" in line
    line = _one_error_line(runner.invoke(app, ["forecast", "--out", str(out), "--table", "shifts"]))
    assert "--variant" in line
    assert not out.exists()


def test_forecast_imports_no_library_it_does_not_use() -> None:
    """`detente forecast` is the command users run most: its start-up loads NumPy, typer and
    the scenario stack, but none of the heavy libraries other commands need."""
    import subprocess
    import sys

    heavy = ("pandas", "duckdb", "numba", "llvmlite", "matplotlib", "spacy", "scipy", "plotly", "dask", "fastapi", "pyarrow", "SALib")
    code = (
        "import sys\n"
        "sys.argv = ['detente', 'forecast', '--draws', '20', '--json']\n"
        "from detente.cli.main import main\n"
        "try:\n    main()\nexcept SystemExit as exc:\n    assert not exc.code, exc.code\n"
        f"print(sorted(m for m in sys.modules if m.split('.')[0] in {heavy!r}))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip().splitlines()[-1] == "[]", out[-500:]


def _forecast_in_fresh_process(args: list[str], *, prestart: bool) -> tuple[dict, list[list], bool]:
    """`detente ARGS` in a new interpreter (one thread, as a user's process starts), with the
    batches handed to the kernel process recorded: (JSON output, ["submit" or "run", draw
    count] per hand-over or collection, whether the kernel process could start there)."""
    import subprocess
    import sys

    code = (
        "import json, sys\n"
        f"sys.argv = ['detente', *{args!r}]\n"
        "from detente.bargaining.models import _smp_worker as w\n"
        "possible = w.can_prestart()\n"
        + ("" if prestart else "w.can_prestart = lambda: False\n")
        + "served = []\n"
        "real_run, real_submit = w.run, w.submit\n"
        "w.run = lambda *a: served.append(('run', int(a[0].shape[0]))) or real_run(*a)\n"
        "w.submit = lambda *a: served.append(('submit', int(a[0].shape[0]))) or real_submit(*a)\n"
        "from detente.cli.main import main\n"
        "try:\n    main()\nexcept SystemExit as exc:\n    assert not exc.code, exc.code\n"
        "assert not w.running(), 'the kernel process outlived the command'\n"
        "print(json.dumps({'served': served, 'possible': possible}), file=sys.stderr)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    report = json.loads(done.stderr.strip().splitlines()[-1])
    return json.loads(done.stdout), report["served"], report["possible"]


def test_forecast_hands_the_smp_to_the_prestarted_kernel_and_prints_the_same() -> None:
    """With the SMP among the models, `detente forecast` loads the compiled kernel in a
    second process (when numba and two CPUs are there); the output is the same as without.

    Run in fresh interpreters: the test process itself may hold other threads (Dask,
    earlier tests), and the kernel process is never forked beside threads."""
    pytest.importorskip("numba", reason="the fast extra (numba) is not installed")
    args = ["forecast", "--draws", "300", "--model", "smp", "--model", "median", "--seed", "3", "--json"]
    warm, served, possible = _forecast_in_fresh_process(args, prestart=True)
    if not possible:
        pytest.skip("the kernel process cannot start here (not Linux or one CPU)")
    # the draws, then the modes, handed over as soon as they were sampled (before the
    # median ran), and collected by the SMP's own calls, which run last
    assert [tuple(x) for x in served] == [("submit", 300), ("submit", 1), ("run", 300), ("run", 1)]
    cold, served_cold, _ = _forecast_in_fresh_process(args, prestart=False)
    assert not served_cold
    assert warm["forecast"] == cold["forecast"]


def test_the_kernel_is_prestarted_only_when_the_smp_runs() -> None:
    from detente.cli.forecast import _runs_smp

    assert _runs_smp(None, None)
    assert _runs_smp(["smp", "nash"], ["nash.x=1"])
    assert not _runs_smp(["compromise"], None)
    assert not _runs_smp(None, ["smp.engine=numpy"])


def test_an_early_kernel_start_is_stopped_when_the_options_leave_the_smp_out() -> None:
    """`detente forecast` forks the kernel process before typer parses its options (a guess
    from the raw words); `--model compromise` overrules it: the process is stopped, none
    outlives the command, and `--help` starts none. Fresh interpreters, as in a user's shell."""
    import subprocess
    import sys

    def run(args: list[str]) -> dict:
        code = (
            "import json, multiprocessing, sys\n"
            f"sys.argv = ['detente', *{args!r}]\n"
            "from detente.bargaining.models import _smp_worker as w\n"
            "started = []\n"
            "real = w.prestart\n"
            "w.prestart = lambda: started.append(real()) or started[-1]\n"
            "from detente.cli.main import main\n"
            "try:\n    main()\nexcept SystemExit as exc:\n    assert not exc.code, exc.code\n"
            "print(json.dumps({'started': started, 'possible': w.can_prestart(), 'running': w.running(),"
            " 'children': len(multiprocessing.active_children())}), file=sys.stderr)\n"
        )
        done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
        return json.loads(done.stderr.strip().splitlines()[-1])

    pytest.importorskip("numba", reason="the fast extra (numba) is not installed")
    overruled = run(["forecast", "--model", "compromise", "--draws", "200", "--json"])
    if not overruled["possible"]:
        pytest.skip("the kernel process cannot start here (not Linux or one CPU)")
    assert overruled["started"][:1] == [True]  # forked before the options were parsed
    assert not overruled["running"] and overruled["children"] == 0
    helped = run(["forecast", "--help"])
    assert helped["started"] == [] and helped["children"] == 0


@pytest.mark.parametrize("args, flag", [
    (["forecast", "--force"], "--force"),
    (["plans", "--force"], "--force"),
    (["forecast", "--table", "draws"], "--table"),
    (["forecast", "--table", "forecast"], "--table"),  # the default typed: still nothing to write it to
])
def test_an_option_for_an_output_file_needs_that_file(args: list[str], flag: str) -> None:
    result = runner.invoke(app, args)
    assert result.exit_code == 2, result.output
    assert result.stderr.startswith(f"error: {flag}: needs --") and result.stdout == ""
