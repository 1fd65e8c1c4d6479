"""Suite-wide settings, and the readers shared by the news gold-set tests.

Property tests (hypothesis) run with a fixed example sequence (`derandomize`), so the
README's test command gives the same verdict on every machine and in CI. To explore new
examples, set DETENTE_HYPOTHESIS=explore (random examples, as hypothesis does by default).
"""

import json
import os
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import settings

settings.register_profile("detente", derandomize=True, print_blob=True)
settings.register_profile("explore", derandomize=False, print_blob=True)
settings.load_profile(os.environ.get("DETENTE_HYPOTHESIS", "detente"))


# --- news gold sets (data/news_dev, data/news_check): shared by tests/test_news_*.py -------------

NEWS_DATA = Path(__file__).resolve().parents[1] / "data"
ROOTS = frozenset(f"{k:02d}" for k in range(1, 21))


@pytest.fixture
def read_news() -> Callable[[str], list[dict]]:
    """`read_news("news_dev")`: the records of data/news_dev/news_dev.jsonl, one dict a line;
    `read_news("news_dev", "news_check_v1")` reads another file of that folder."""

    def read(name: str, file: str | None = None) -> list[dict]:
        path = NEWS_DATA / name / f"{file or name}.jsonl"
        return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]

    return read


@pytest.fixture
def check_read_gold() -> Callable[[Path, list[dict]], None]:
    """Assert `detente code eval` reads a JSONL gold file whole: nothing skipped, the same sentences, gold and dates."""
    from detente.coding.evaluate import read_gold

    def check(path: Path, rows: list[dict]) -> None:
        gold = read_gold(path)
        assert gold.kind == "events" and gold.skipped == []
        assert [s.text for s in gold.sentences] == [r["sentence"] for r in rows]
        for sent, r in zip(gold.sentences, rows):
            assert sorted((e.source, e.target, e.label) for e in sent.events) == sorted(
                (e["source"], e["target"], e["root"]) for e in r["events"]), r["id"]
            assert sent.when is not None and sent.when.isoformat() == r["date"], r["id"]

    return check


@pytest.fixture
def check_news_codes() -> Callable[[list[dict]], None]:
    """Assert every record has a page address and every event two different known actors and a CAMEO root."""
    from detente.actors import get_registry

    registry = get_registry()

    def check(rows: list[dict]) -> None:
        for r in rows:
            assert r["url"].startswith("http"), r["id"]
            for e in r["events"]:
                assert e["source"] in registry and e["target"] in registry, (r["id"], e)
                assert e["source"] != e["target"], r["id"]
                assert e["root"] in ROOTS, (r["id"], e)

    return check


# --- benchmark scripts as modules: shared by tests/test_pair_*.py ---------------------------------

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"


@pytest.fixture
def load_benchmark(monkeypatch) -> Callable[[str], object]:
    """A loader of a benchmarks/ script as a module, as it runs (benchmarks/ on the path, the thread
    variables such scripts set undone after the test)."""
    import importlib.util
    import sys

    def load(name: str) -> object:
        for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
            monkeypatch.setenv(var, os.environ.get(var, "1"))
        monkeypatch.syspath_prepend(str(BENCHMARKS))
        spec = importlib.util.spec_from_file_location(name, BENCHMARKS / f"{name}.py")
        module = importlib.util.module_from_spec(spec)
        monkeypatch.setitem(sys.modules, name, module)
        spec.loader.exec_module(module)
        return module

    return load
