"""The default coder is the static pair model and the rules alone are one word away (session 25, by the rule
declared in benchmarks/results/default_pairs25.md): what `Coder()`, `Coder.for_pages()` and the CLI use without
being asked, what `pair_model=None` / `--pairs rules` give, what happens when the shipped model or its word-vector
table cannot be read (an error, never the rules in its place), what a stored coding run records, and that worker
processes carry the model.

Properties rather than marginal events: the learned model is re-trained at each session's end, so these
tests pin what holds whatever it decides (its events are the rules' plus its adds minus its drops, an
added event names two known sides), not which pair it adds."""

from __future__ import annotations

import json
import os
from dataclasses import replace
from datetime import date

import pytest

from detente.coding import pair_encoder as pe
from detente.coding import static_vectors
from detente.coding.reader import Document
from detente.errors import ModelError

from .conftest import rules_coder

WHEN = date(2024, 5, 1)
SENTENCES = [
    "Russia attacked Ukraine with drones on Monday.",
    "The foreign ministers of India and Pakistan met in Astana to discuss the border.",
    "China condemned the United States over new tariffs on Chinese steel.",
    "Germany and France signed a defence agreement in Berlin.",
    "The weather was mild in Lisbon.",
    "Turkey said it would host talks between Russia and Ukraine, and Iran warned Israel against strikes.",
]
PAGES = [
    "Russia attacked Ukraine with drones on Monday. Kyiv said the strikes hit power stations.",
    "China condemned the United States over new tariffs. Beijing said it would respond.",
    "Germany and France signed a defence agreement in Berlin. The two sides agreed to meet again in May.",
    "Iran warned Israel against strikes on its nuclear sites. Tehran also summoned the Swiss envoy.",
    "India and Pakistan held talks in Astana. The foreign ministers discussed the border.",
    "Japan protested to China over a coast guard incursion. Tokyo lodged a formal complaint.",
    "Poland expelled two Russian diplomats. Moscow promised to retaliate.",
    "Egypt and Qatar mediated between Israel and Hamas. The talks resumed in Cairo.",
]


@pytest.fixture(scope="module")
def static_coder():
    """`Coder(pair_model="static")` as a user makes it (only the span chooser left out: spans are not at issue)."""
    pytest.importorskip("spacy")
    from detente.coding import Coder

    return Coder(span_chooser=None, pair_model="static")


def _key(result) -> tuple[str, str, str]:
    return result.event.source, result.event.target, result.event.cameo


def test_the_default_is_the_shipped_model_on_static_vectors_and_the_rules_one_word_away(static_coder) -> None:
    from detente.coding import Coder
    from detente.coding.coder import DEFAULT_PAIR_MODEL
    from detente.coding.pair_names import DEFAULT_PAIRS, PAIR_CHOICES

    assert DEFAULT_PAIRS == "static" and DEFAULT_PAIR_MODEL == PAIR_CHOICES["static"] == "static"
    default = Coder(span_chooser=None)
    assert default.pairs == "static" and default.notes == []
    assert isinstance(default.pair_model, pe.EncoderPairModel) and default.pair_model.source == "static"
    assert Coder.for_pages().pairs == "static"
    assert static_coder.pairs == "static" and static_coder.notes == []
    model = static_coder.pair_model
    assert isinstance(model, pe.EncoderPairModel) and model.source == "static"
    assert model.meta["static_table"]["sha256"] == pe.table_provenance()["sha256"]  # the shipped table's model
    rules = rules_coder(span_chooser=None)
    assert rules.pairs == "rules" and rules.pair_model is None


def test_static_gives_the_rules_plus_the_models_adds_minus_its_drops(static_coder) -> None:
    by_default = static_coder.code_sentence_events(SENTENCES, WHEN)
    by_rules = rules_coder(span_chooser=None).code_sentence_events(SENTENCES, WHEN)
    for sentence, found, ruled in zip(SENTENCES, by_default, by_rules):
        rule_keys = {_key(r) for r in ruled}
        for r in found:
            if _key(r) in rule_keys:
                continue
            assert "pair model" in (r.event.note or ""), (sentence, _key(r), r.event.note)  # added: says so
            assert not r.partial and "---" not in (r.event.source, r.event.target), (sentence, _key(r))
            assert r.event.source != r.event.target, (sentence, _key(r))
    assert by_default[4] == [] and by_rules[4] == []  # no actor, nothing to add


def test_code_text_with_a_pair_model_codes_the_document_as_a_page(static_coder) -> None:
    """With a pair model, document mode reads each sentence in its page's context, as `code eval` does."""
    docs = [Document(f"d{i}", text, WHEN, f"https://example.org/{i}") for i, text in enumerate(PAGES[:3])]
    pages = list(static_coder.code_document_pages(docs))
    results = list(static_coder.code_document_results(docs))
    assert [[e.event_id for e in r.events] for r in results] == [[e.event_id for e in p.events] for p in pages]
    assert any(r.events for r in results)
    for r, doc in zip(results, docs):
        assert all(e.doc_id == doc.id and e.url == doc.url and e.sentence for e in r.events)
    assert [e.event_id for e in static_coder.code_text(PAGES[0], doc_id="d0", date=WHEN, url=docs[0].url)] == [
        e.event_id for e in pages[0].events]


@pytest.mark.parametrize(("module", "name", "file", "message"), [
    (pe, "STATIC_MODEL_FILE", "data/no_such_pair_static.npz", "no_such_pair_static.npz is missing"),
    (pe, "STATIC_MODEL_FILE", "data/minilm_vocab.txt", "minilm_vocab.txt: not a pair model"),
    (static_vectors, "TABLE_FILE", "data/no_such_static_table.npz", "no_such_static_table.npz is missing"),
    (static_vectors, "TABLE_FILE", "data/pair_static.npz", "pair_static.npz: not a static vector table"),
])
def test_an_unreadable_static_model_is_an_error_naming_the_file_not_the_rules(monkeypatch, module, name, file,
                                                                              message) -> None:
    """The default's files (the model and its word-vector table), missing or not what they should be: building
    the coder fails with the file named, by default and by name alike; only `pair_model=None` never reads them."""
    pytest.importorskip("spacy")
    from detente.coding import Coder

    monkeypatch.setattr(module, name, file)
    pe.shipped.cache_clear()
    static_vectors.shipped.cache_clear()
    try:
        for build in (lambda: Coder(span_chooser=None), lambda: Coder(span_chooser=None, pair_model="static"),
                      lambda: Coder.for_pages(use_classifier=False)):
            with pytest.raises(ModelError, match=message):
                build()
        assert rules_coder(span_chooser=None).pairs == "rules"  # the rules alone never read them
    finally:
        monkeypatch.undo()
        pe.shipped.cache_clear()
        static_vectors.shipped.cache_clear()


class _Stamp:
    """Stands in for the pair model: keeps the rules' events, each stamped with the process that decided it."""

    def revise_sentence(self, results, sdoc, text, ctx, lemma, when):
        return [replace(r, event=replace(r.event, note=f"pid {os.getpid()}")) for r in results]


@pytest.mark.skipif("fork" not in __import__("multiprocessing").get_all_start_methods(), reason="needs fork")
def test_worker_processes_carry_the_pair_model() -> None:
    """Documents coded with `n_process=2`: some by a forked worker, through the pair model it inherited, and
    the events the same, in order, as one process codes them."""
    pytest.importorskip("spacy")
    from detente.coding import Coder

    docs = [Document(f"d{i}", text, WHEN) for i, text in enumerate(PAGES)]
    alone = list(Coder(span_chooser=None, pair_model=_Stamp(), n_process=1).code_document_pages(docs))
    shared = list(Coder(span_chooser=None, pair_model=_Stamp(), n_process=2).code_document_pages(docs))
    here = f"pid {os.getpid()}"
    assert {e.note for r in alone for e in r.events} == {here}
    notes = {e.note for r in shared for e in r.events}
    assert here in notes and len(notes) == 2  # this process and one worker, each through the model
    strip = [[(e.event_id, e.source, e.target, e.cameo) for e in r.events] for r in alone]
    assert [[(e.event_id, e.source, e.target, e.cameo) for e in r.events] for r in shared] == strip
    assert [r.doc_id for r in shared] == [d.id for d in docs]


@pytest.mark.skipif("fork" not in __import__("multiprocessing").get_all_start_methods(), reason="needs fork")
def test_the_static_model_codes_the_same_with_two_workers(static_coder) -> None:
    docs = [Document(f"d{i}", text, WHEN) for i, text in enumerate(PAGES)]
    from detente.coding import Coder

    two = Coder(span_chooser=None, n_process=2, pair_model="static")
    assert [[e.event_id for e in r.events] for r in two.code_document_pages(docs)] == [
        [e.event_id for e in r.events] for r in static_coder.code_document_pages(docs)]


def _cli_events(tmp_path, *args: str) -> list[dict]:
    from typer.testing import CliRunner

    from detente.cli.main import app

    path = tmp_path / "pages.jsonl"
    path.write_text("".join(json.dumps({"id": f"p{i}", "date": WHEN.isoformat(), "text": t}) + "\n"
                            for i, t in enumerate(PAGES[:4])), encoding="utf-8")
    result = CliRunner().invoke(app, ["code", str(path), "--jsonl", "--no-classifier", *args])
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines() if line.strip()]


def test_the_cli_codes_with_the_static_model_unless_told_rules(tmp_path) -> None:
    pytest.importorskip("spacy")
    static = _cli_events(tmp_path, "--pairs", "static")
    assert static and all(e["source"] and e["target"] and "---" not in (e["source"], e["target"]) for e in static)
    assert _cli_events(tmp_path) == static
    rules = _cli_events(tmp_path, "--pairs", "rules")
    from detente.coding import is_asserted

    docs = [Document(f"p{i}", t, WHEN) for i, t in enumerate(PAGES[:4])]
    kept = [e.event_id for r in rules_coder().code_document_results(docs) for e in r.events if is_asserted(e)]
    assert [e["event_id"] for e in rules] == kept  # document mode's rules
    assert all("pair model" not in (e["note"] or "") for e in rules)


def test_code_eval_json_names_the_pair_model(tmp_path) -> None:
    pytest.importorskip("spacy")
    from typer.testing import CliRunner

    from detente.cli.main import app

    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"text": SENTENCES[0], "date": WHEN.isoformat(),
                                "events": [{"source": "RUS", "target": "UKR", "root": "19"}]}) + "\n", encoding="utf-8")
    for args, name in (([], "static"), (["--pairs", "rules"], "rules"), (["--pairs", "static"], "static")):
        result = CliRunner().invoke(app, ["code", "eval", str(gold), "--json", "--no-classifier", *args])
        assert result.exit_code == 0, result.output
        assert json.loads(result.stdout)["pairs"] == name


def test_the_coder_for_pages_is_the_one_the_cli_and_the_workspace_code_documents_with() -> None:
    """`Coder.for_pages` owns what `detente code FILE --pairs X` and the web workspace build: no span chooser,
    the shipped classifier loaded only when the fallback needs it (none with `use_classifier=False`), the pair model
    named as the CLI names it."""
    pytest.importorskip("spacy")
    from detente.coding import Coder

    coder = Coder.for_pages("static")
    assert coder.pairs == "static" and coder.span_chooser is None and coder.n_process == 1
    assert coder.classifier is not None and coder.notes == []
    bare = Coder.for_pages("static", use_classifier=False, n_process=2)
    assert bare.classifier is None and bare.n_process == 2
    pages = [Document(f"p{k}", text, WHEN) for k, text in enumerate(PAGES[:3])]
    by_hand = Coder(classifier=coder.classifier, span_chooser=None, pair_model="static", n_process=1)
    assert [r.events for r in coder.code_document_pages(pages)] == [r.events for r in by_hand.code_document_pages(pages)]


def test_the_cli_reads_no_pairs_as_the_static_model_and_says_so_in_its_help() -> None:
    from typer.testing import CliRunner

    from detente.cli.code import _pair_model
    from detente.cli.main import app

    assert _pair_model(None) == "static" and _pair_model("rules") is None and _pair_model("Static") == "static"
    for args in (["code", "--help"], ["code", "eval", "--help"]):
        text = " ".join(CliRunner().invoke(app, args, terminal_width=200).stdout.split())
        assert "static (the default:" in text and "rules (the event rules alone" in text and "--pairs rules" in text


def test_a_stored_coding_run_names_the_pair_model_that_coded_it(tmp_path) -> None:
    """`detente code FILE --db` records its coder in the store's import log (and `--json` says it), so a stored
    result says whether the default or the rules coded it."""
    pytest.importorskip("spacy")
    from typer.testing import CliRunner

    from detente.cli.main import app
    from detente.events.store import EventStore

    path = tmp_path / "page.txt"
    path.write_text(PAGES[0], encoding="utf-8")
    db = tmp_path / "events.duckdb"
    for args, name in (([], "static"), (["--pairs", "rules"], "rules")):
        result = CliRunner().invoke(app, ["code", str(path), "--date", WHEN.isoformat(), "--db", str(db), "--json",
                                          "--no-classifier", *args])
        assert result.exit_code == 0, result.output
        assert json.loads(result.stdout)["pairs"] == name
    with EventStore(db) as store:
        assert list(store.imports()["kind"]) == ["text --pairs static", "text --pairs rules"]


def test_the_cli_default_gives_the_static_models_events_not_the_rules(tmp_path) -> None:
    """A hand-written article on which the model and the rules differ: without --pairs, `detente code` gives the
    static model's events (one it added, so noted), and --pairs rules the rules' own."""
    pytest.importorskip("spacy")
    from typer.testing import CliRunner

    from detente.cli.main import app

    path = tmp_path / "article.txt"
    path.write_text("Slovakia vetoed the European Union's new loan for Moldova on Friday. Kyiv said Russian missiles "
                    "hit a dam, and Romania condemned the strike. Ankara and Tehran agreed to expand their trade.",
                    encoding="utf-8")

    def events(*args: str) -> list[dict]:
        result = CliRunner().invoke(app, ["code", str(path), "--jsonl", "--date", "2025-03-04", "--no-classifier", *args])
        assert result.exit_code == 0, result.output
        return [json.loads(line) for line in result.stdout.splitlines() if line.strip()]

    default, rules = events(), events("--pairs", "rules")
    assert default == events("--pairs", "static") and default != rules
    assert any("pair model" in (e["note"] or "") for e in default)
    assert not any("pair model" in (e["note"] or "") for e in rules)
