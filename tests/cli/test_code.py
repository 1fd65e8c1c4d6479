"""`detente code`: paths, stdin, --jsonl, --db, --sentences, and `code train`."""

from __future__ import annotations

import json
import sys
import warnings
from pathlib import Path

import pytest
from typer.testing import CliRunner

from detente.cli.main import app

pytestmark = pytest.mark.nlp
runner = CliRunner()

TEXT = (
    "On February 18, 2025, Marco Rubio met with Sergey Lavrov in Riyadh.\n"
    "Russia may attack Ukraine.\n"
    "Donald Trump called Volodymyr Zelensky a dictator.\n"
)


@pytest.fixture(scope="module", autouse=True)
def _nlp():
    pytest.importorskip("spacy")
    from detente.coding.nlp import load
    from detente.errors import MissingDependencyError

    try:
        load()
    except MissingDependencyError as exc:  # pragma: no cover
        pytest.skip(str(exc))


RULES = ["--pairs", "rules"]
"""The rules alone, for a test that pins what a rule or the span chooser does rather than what the default's
learned pair model (re-trained at each session's end) decides."""


def _jsonl(output: str) -> list[dict]:
    return [json.loads(line) for line in output.splitlines() if line.startswith("{")]


def test_jsonl_output_fields(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(TEXT, encoding="utf-8")
    result = runner.invoke(app, ["code", str(path), "--date", "2025-02-20", "--jsonl"])
    assert result.exit_code == 0, result.output
    records = _jsonl(result.stdout)
    assert {(r["source"][:3], r["cameo"], r["target"][:3]) for r in records} >= {("USA", "044", "RUS"), ("USA", "111", "UKR")}
    needed = {"doc_id", "sentence_index", "char_start", "char_end", "sentence", "date", "source", "target", "cameo",
              "root", "quad", "goldstein", "plover", "negated", "modality", "quote", "tone", "confidence"}
    assert needed <= set(records[0])
    assert all(r["modality"] != "possible" for r in records)  # hypotheticals only with --all


def test_all_keeps_marked_events(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(TEXT, encoding="utf-8")
    result = runner.invoke(app, ["code", str(path), "--date", "2025-02-20", "--jsonl", "--all"])
    assert any(r["modality"] == "possible" and r["root"] == "19" for r in _jsonl(result.stdout))


def test_all_keeps_marked_events_of_the_rules_and_says_what_a_pair_model_leaves_out(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(TEXT, encoding="utf-8")
    result = runner.invoke(app, ["code", str(path), "--date", "2025-02-20", "--jsonl", "--all", *RULES])
    assert any(r["modality"] == "possible" and r["root"] == "19" for r in _jsonl(result.stdout))
    assert "--all" not in result.stderr
    result = runner.invoke(app, ["code", str(path), "--date", "2025-02-20", "--jsonl", "--all", "--pairs", "static"])
    assert result.exit_code == 0 and "--all" in result.stderr and "--pairs rules" in result.stderr
    assert any(r["modality"] == "possible" and r["root"] == "19" for r in _jsonl(result.stdout))  # as the rules code it


def test_stores_events_in_the_database(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(TEXT, encoding="utf-8")
    db = tmp_path / "events.duckdb"
    result = runner.invoke(app, ["code", str(path), "--date", "2025-02-20", "--db", str(db), "--json"])
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)
    assert summary["added"] >= 3 and summary["db"] == str(db)
    again = runner.invoke(app, ["code", str(path), "--date", "2025-02-20", "--db", str(db), "--json"])
    assert json.loads(again.stdout)["added"] == 0
    from detente.events.store import EventStore

    with EventStore(db) as store:
        assert store.count() == summary["added"]


def test_table_output(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(TEXT, encoding="utf-8")
    result = runner.invoke(app, ["code", str(path), "--date", "2025-02-20", "--db", str(tmp_path / "e.duckdb")])
    assert result.exit_code == 0, result.output
    assert "meet on neutral ground" in result.stdout and "Riyadh" in result.stdout


def test_stdin(tmp_path):
    result = runner.invoke(app, ["code", "-", "--date", "2025-02-20", "--jsonl"], input="Russia attacked Ukraine.\n")
    assert result.exit_code == 0, result.output
    assert [(r["source"], r["cameo"], r["target"]) for r in _jsonl(result.stdout)] == [("RUS", "190", "UKR")]


def test_missing_date_warns(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Russia attacked Ukraine.", encoding="utf-8")
    result = runner.invoke(app, ["code", str(path), "--jsonl"])
    assert result.exit_code == 0
    assert _jsonl(result.stdout) == []
    assert "--date" in result.stderr


def test_sentence_mode(tmp_path):
    path = tmp_path / "s.tsv"
    path.write_text("Russia attacked Ukraine.\t4\nThe weather was mild.\t0\n\nChina criticized the United States.\t3\n",
                    encoding="utf-8")
    result = runner.invoke(app, ["code", "--sentences", str(path), "--no-classifier"])
    assert result.exit_code == 0, result.output
    records = _jsonl(result.stdout)
    assert [r["line"] for r in records] == [1, 2, 3, 4]
    assert records[0]["event"]["cameo"] == "190" and records[0]["source_span"] == [0, 6]
    assert records[0]["event"]["date"] is None  # no --date: no sentinel date printed
    assert records[1]["event"] is None and records[2]["event"] is None
    assert records[3]["event"]["root"] == "11"



SPAN_SENTENCE = "Norway has provided 6 million euros to support projects in Gaza."
"""The span rules mark no target (a sum of money is a thing); the shipped chooser marks Gaza. (Coded with the
rules alone: the default's pair model of session 15 drops the event, NOR->PSE 07, which the guide codes.)"""


@pytest.mark.parametrize(("flag", "target"), [([], "Gaza"), (["--spans", "chooser"], "Gaza"), (["--spans", "rules"], None)])
def test_sentence_mode_spans_chooser_or_rules(tmp_path, flag, target):
    path = tmp_path / "s.txt"
    path.write_text(SPAN_SENTENCE + "\n", encoding="utf-8")
    result = runner.invoke(app, ["code", "--sentences", str(path), "--no-classifier", "--partial", *flag, *RULES])
    assert result.exit_code == 0, result.output
    (record,) = _jsonl(result.stdout)
    assert SPAN_SENTENCE[slice(*record["source_span"])] == "Norway"
    got = SPAN_SENTENCE[slice(*record["target_span"])] if record["target_span"] else None
    assert got == target


def test_spans_flag_is_checked_before_work_and_suggests(tmp_path):
    path = tmp_path / "s.txt"
    path.write_text(SPAN_SENTENCE + "\n", encoding="utf-8")
    result = runner.invoke(app, ["code", "--sentences", str(path), "--spans", "rule"])
    assert result.exit_code == 2 and "--spans" in result.stderr and "did you mean 'rules'" in result.stderr
    assert result.stdout == ""
    result = runner.invoke(app, ["code", "eval", str(path), "--spans", "learned"])
    assert result.exit_code == 2 and "--spans" in result.stderr and "chooser or rules" in result.stderr


def test_spans_flag_in_document_mode_is_a_visible_note(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Russia attacked Ukraine.\n", encoding="utf-8")
    result = runner.invoke(app, ["code", str(path), "--date", "2025-02-20", "--jsonl", "--spans", "rules"])
    assert result.exit_code == 0, result.output
    assert "--spans applies to --sentences mode only" in result.stderr


def test_code_eval_spans_rules_scores_the_rules(tmp_path):
    gold = tmp_path / "gold.conll"
    words = SPAN_SENTENCE.replace(".", " .").split()
    tags = ["B-S"] + ["O"] * (len(words) - 3) + ["B-T", "O"]
    gold.write_text("\n".join(f"{w} {t}" for w, t in zip(words, tags)) + "\n", encoding="utf-8")
    scores = {}
    for method in ("chooser", "rules"):
        result = runner.invoke(app, ["code", "eval", str(gold), "--no-classifier", "--json", "--spans", method, *RULES])
        assert result.exit_code == 0, result.output
        scores[method] = json.loads(result.stdout)
    target = {m: next(r for r in s["per_label"] if r["label"] == "target") for m, s in scores.items()}
    assert target["chooser"]["f1"] == 1.0 and target["rules"]["f1"] == 0.0

def test_sentence_mode_uses_the_shipped_classifier_where_no_pattern_fires(tmp_path):
    path = tmp_path / "s.txt"
    path.write_text("Russia attacked Ukraine.\nRebel fighters entered the northern town after days of clashes.\n\n",
                    encoding="utf-8")
    result = runner.invoke(app, ["code", "--sentences", str(path), "--date", "2025-02-18", "--partial"])
    assert result.exit_code == 0, result.output
    first, second, blank = _jsonl(result.stdout)
    assert first["event"]["note"] != "classifier" and first["event"]["date"] == "2025-02-18"
    assert second["event"]["note"] == "classifier" and second["event"]["quad"] == 4
    assert blank["event"] is None


@pytest.mark.parametrize(
    ("content", "message"),
    [(b"\x00\x01\x02\x03" * 500, "binary"), (b"", None), (b"<html><body><p>broken <<<", None),
     ("caf\u00e9 Russia attacked Ukraine.".encode("cp1252"), None)],
)
def test_bad_inputs_end_cleanly(tmp_path, content, message):
    path = tmp_path / "x.txt"
    path.write_bytes(content)
    result = runner.invoke(app, ["code", str(path), "--date", "2025-01-01", "--jsonl"])
    if message:
        assert result.exit_code == 2
        assert message in result.stderr and "Traceback" not in result.output
    else:
        assert result.exit_code == 0, result.output


def test_errors_are_one_line(tmp_path):
    result = runner.invoke(app, ["code", str(tmp_path / "absent.txt")])
    assert result.exit_code == 2 and "no such file" in result.stderr
    result = runner.invoke(app, ["code", "x.txt", "--date", "20-02-2025"])
    assert result.exit_code == 2 and "YYYY-MM-DD" in result.stderr
    result = runner.invoke(app, ["code"])
    assert result.exit_code == 2 and "no input" in result.stderr


def test_help_mentions_train():
    result = runner.invoke(app, ["code", "--help"])
    assert result.exit_code == 0 and "train" in result.stdout and "--sentences" in result.stdout


def test_train_routes_to_the_classifier(tmp_path, monkeypatch):
    calls = {}

    class Report:
        def to_dict(self):
            return {"n_sentences": 4, "cv_macro_f1": 0.5}

    def fake_train(path, out, **options):
        calls["args"] = (str(path), str(out))
        calls["options"] = options
        return Report()

    import detente.coding.classifier as clf

    monkeypatch.setattr(clf, "train_from_file", fake_train)
    data = tmp_path / "labels.tsv"
    data.write_text("Russia attacked Ukraine.\t4\n", encoding="utf-8")
    out = tmp_path / "m.joblib"
    result = runner.invoke(app, ["code", "train", str(data), "--out", str(out), "--json"])
    assert result.exit_code == 0, result.output
    assert calls["args"] == (str(data), str(out))
    assert calls["options"] == {"folds": 5, "seed": 0, "scheme": "detente"}
    assert json.loads(result.stdout)["n_sentences"] == 4


def test_train_without_scikit_learn_names_the_extra(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "sklearn", None)
    data = tmp_path / "labels.tsv"
    data.write_text("x\t1\n", encoding="utf-8")
    result = runner.invoke(app, ["code", "train", str(data)])
    assert result.exit_code == 2 and "detente[nlp]" in result.stderr


def test_explicit_text_command(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Russia attacked Ukraine.", encoding="utf-8")
    result = runner.invoke(app, ["code", "text", str(path), "--date", "2025-01-01", "--jsonl"])
    assert result.exit_code == 0, result.output
    assert len(_jsonl(result.stdout)) == 1


def _tiny_model(tmp_path, violent_root: str) -> Path:
    """A classifier trained on four sentences: `violent_root` for troops' acts, 05 for praise."""
    pytest.importorskip("sklearn")
    from detente.coding.classifier import QuadClassifier

    sentences = ["Troops shelled the town.", "Rebels bombed the village.", "The minister praised the deal.",
                 "Leaders welcomed the accord."] * 3
    model = QuadClassifier(use_syntax=False).fit(sentences, [violent_root, violent_root, "05", "05"] * 3)
    return model.save(tmp_path / "m.joblib")


def test_model_fills_in_where_no_pattern_fires(tmp_path):
    saved = _tiny_model(tmp_path, "19")
    lines = tmp_path / "s.txt"
    lines.write_text("Gunmen surrounded the barracks of Ukraine.\n", encoding="utf-8")
    result = runner.invoke(app, ["code", "--sentences", str(lines), "--model", str(saved), "--partial"])
    assert result.exit_code == 0, result.output
    (record,) = _jsonl(result.stdout)
    assert record["event"] is not None and record["event"]["note"] == "classifier"
    assert record["event"]["root"] in {"19", "05"}


def test_code_eval_prints_scores_and_json(tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text(
        json.dumps({"text": "Russia attacked Ukraine.", "events": [{"source": "RUS", "target": "UKR", "root": "19"}]})
        + "\n" + json.dumps({"text": "Nobody knows.", "events": [{"source": "Narnia", "target": "RUS", "root": "1"}]})
        + "\n", encoding="utf-8",
    )
    result = runner.invoke(app, ["code", "eval", str(gold), "--no-classifier"])
    assert result.exit_code == 0, result.output
    assert "overall" in result.stdout and f"{gold}:2:" in result.stderr
    result = runner.invoke(app, ["code", "eval", str(gold), "--no-classifier", "--json"])
    data = json.loads(result.stdout)
    assert data["f1"] == 1.0 and data["per_label"][0]["label"] == "19" and len(data["skipped"]) == 1


@pytest.mark.parametrize(
    ("args", "message"),
    [(["--format", "csv"], "--format"), (["--date", "soon"], "--date")],
)
def test_code_eval_rejects_bad_flags_before_work(tmp_path, args, message):
    gold = tmp_path / "gold.jsonl"
    gold.write_text("{}\n", encoding="utf-8")
    result = runner.invoke(app, ["code", "eval", str(gold), *args])
    assert result.exit_code == 2 and message in result.stderr


def test_code_eval_missing_file_is_one_line(tmp_path):
    result = runner.invoke(app, ["code", "eval", str(tmp_path / "nope.tsv")])
    assert result.exit_code == 2 and "no such file" in result.stderr and "Traceback" not in result.output


def test_quad_only_model_is_a_visible_note_not_a_silent_drop(tmp_path):
    pytest.importorskip("sklearn")
    from detente.coding.classifier import QuadClassifier

    model = QuadClassifier(use_syntax=False).fit(["Troops shelled the town.", "Leaders praised the deal."] * 4, [4, 1] * 4)
    saved = model.save(tmp_path / "quad.joblib")
    lines = tmp_path / "s.txt"
    lines.write_text("Gunmen surrounded the barracks of Ukraine.\n", encoding="utf-8")
    result = runner.invoke(app, ["code", "--sentences", str(lines), "--model", str(saved)])
    assert result.exit_code == 0, result.output
    assert "quad classes only" in result.stderr and "CAMEO root" in result.stderr


def test_sentences_with_worker_processes_print_the_same_lines(tmp_path):
    lines = [
        "Russia attacked Ukraine.", "", "The weather was mild.", "China and Russia signed a trade agreement.",
        "Marco Rubio met Sergey Lavrov and Wang Yi in Riyadh.", "The rebels attacked the convoy.",
    ] * 4
    path = tmp_path / "s.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    args = ["code", "--sentences", str(path), "--no-classifier", "--partial", "--date", "2025-02-18"]
    one = runner.invoke(app, [*args, "--workers", "1"])
    two = runner.invoke(app, [*args, "--workers", "2"])
    assert one.exit_code == 0 and two.exit_code == 0
    assert _jsonl(two.stdout) == _jsonl(one.stdout)
    assert [r["line"] for r in _jsonl(two.stdout)] == list(range(1, len(lines) + 1))
    assert _jsonl(two.stdout)[0]["event"]["root"] == "19"


def test_workers_must_be_positive(tmp_path):
    path = tmp_path / "s.txt"
    path.write_text("Russia attacked Ukraine.\n", encoding="utf-8")
    result = runner.invoke(app, ["code", "--sentences", str(path), "--workers", "0"])
    assert result.exit_code == 2 and "--workers" in result.output


def test_sentence_mode_does_not_import_scikit_learn_once_the_default_is_exported(tmp_path):
    import os
    import subprocess

    lines = tmp_path / "s.txt"
    lines.write_text("Russia attacked Ukraine.\nRussia and Ukraine exchanged views at the border.\n", encoding="utf-8")
    script = (
        "import sys, json\n"
        "from typer.testing import CliRunner\n"
        "from detente.cli.main import app\n"
        f"result = CliRunner().invoke(app, ['code', '--sentences', {str(lines)!r}])\n"
        "print(json.dumps({'exit': result.exit_code, 'sklearn': 'sklearn' in sys.modules,\n"
        "                  'pandas': 'pandas' in sys.modules, 'out': result.stdout,\n"
        "                  'unused': sorted(m for m in ('rich.progress', 'spacy.cli', 'weasel', 'httpx', 'requests')\n"
        "                                   if m in sys.modules)}))\n"
    )
    env = {**os.environ, "DETENTE_CACHE_DIR": str(tmp_path / "cache")}
    runs = [json.loads(subprocess.run([sys.executable, "-c", script], env=env, check=True, capture_output=True,
                                      text=True).stdout.splitlines()[-1]) for _ in range(2)]
    assert runs[0]["exit"] == runs[1]["exit"] == 0
    assert runs[0]["sklearn"]  # the first run trains the default and exports it
    assert not runs[1]["sklearn"] and not runs[1]["pandas"]
    assert runs[1]["unused"] == []  # no progress bar when not on a terminal; spaCy without its command line
    assert runs[0]["out"] == runs[1]["out"] and _jsonl(runs[1]["out"])[0]["event"]["root"] == "19"


def test_sentences_without_partial_show_what_partial_shows_of_complete_events(tmp_path):
    """Without --partial the chooser is not run on the partial events (not shown): the
    complete events and their spans are those --partial prints."""
    path = tmp_path / "s.txt"
    path.write_text("Putin met Xi in Moscow, and the rebels attacked the convoy.\n"
                    "The rebels attacked the convoy near the border.\n" + SPAN_SENTENCE + "\n", encoding="utf-8")
    plain = runner.invoke(app, ["code", "--sentences", str(path), "--no-classifier"])
    shown = runner.invoke(app, ["code", "--sentences", str(path), "--no-classifier", "--partial"])
    assert plain.exit_code == 0 and shown.exit_code == 0, plain.output + shown.output
    for a, b in zip(_jsonl(plain.stdout), _jsonl(shown.stdout)):
        assert a["events"] == [e for e in b["events"] if not e["partial"]]
    assert any(e["partial"] for r in _jsonl(shown.stdout) for e in r["events"])
    assert "gave only partial events" in plain.stderr


def test_code_resolves_sides_named_in_earlier_sentences_of_an_article(tmp_path):
    # hand-written three-sentence article: "The two sides" and "It" name their actors only in earlier sentences
    path = tmp_path / "article.txt"
    path.write_text("Iran and Iraq signed a security accord on Sunday. The two sides also agreed to hold talks "
                    "next month. It was the first such accord since the war, Iraq's foreign ministry said.\n",
                    encoding="utf-8")
    # the rules' document mode (what the test pins), not the default pair model's decision on the pair
    result = runner.invoke(app, ["code", str(path), "--date", "2024-03-03", "--jsonl", *RULES])
    assert result.exit_code == 0, result.output
    found = {(r["source"][:3], r["target"][:3], r["root"], r["sentence_index"]) for r in _jsonl(result.stdout)}
    assert {("IRN", "IRQ", "03", 1), ("IRQ", "IRN", "03", 1)} <= found


def test_code_eval_context_flag(tmp_path):
    gold = tmp_path / "gold.jsonl"
    page = "https://news.example/accord"
    gold.write_text("\n".join(json.dumps(r) for r in [
        {"text": "Iran and Iraq signed a security accord on Sunday.", "url": page, "events": []},
        {"text": "The two sides also agreed to hold talks next month.", "url": page, "events": []},
    ]) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["code", "eval", str(gold), "--no-classifier", "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["context"] == "page" and "as 1 articles" in result.stderr
    result = runner.invoke(app, ["code", "eval", str(gold), "--no-classifier", "--json", "--context", "sentence"])
    assert json.loads(result.stdout)["context"] == "sentence"
    result = runner.invoke(app, ["code", "eval", str(gold), "--context", "paragraph"])
    assert result.exit_code == 2 and "--context" in result.output


def test_partial_shows_why_a_classifier_event_is_kept_apart(tmp_path):
    saved = _tiny_model(tmp_path, "01")  # a statement: abstention keeps it apart
    lines = tmp_path / "s.txt"
    lines.write_text("Russian troops surrounded the barracks of the Ukrainian army.\n", encoding="utf-8")
    result = runner.invoke(app, ["code", "--sentences", str(lines), "--model", str(saved), "--partial"])
    assert result.exit_code == 0, result.output
    (record,) = _jsonl(result.stdout)
    assert record["event"]["root"] == "01" and record["event"]["partial"]
    assert record["event"]["note"] == "classifier; kept apart: statement"
    assert record["event"]["date"] is None  # no --date: a classifier event's placeholder date is not printed
    hidden = runner.invoke(app, ["code", "--sentences", str(lines), "--model", str(saved)])
    assert _jsonl(hidden.stdout)[0]["event"] is None


def test_no_domestic_sets_acts_within_one_state_apart_in_sentence_and_document_mode(tmp_path: Path) -> None:
    """--no-domestic: the news guide's scope (acts between states only); the default keeps PLOVER's domestic acts."""
    text = "Russian police detained protesters in Moscow, and Russia's foreign ministry criticised Germany.\n"
    path = tmp_path / "s.txt"
    path.write_text(text, encoding="utf-8")

    def codes(*flags: str) -> list[tuple[str, str, bool]]:
        result = runner.invoke(app, ["code", "--sentences", str(path), "--partial", "--no-classifier", *flags])
        assert result.exit_code == 0, result.output
        line = json.loads(result.stdout.splitlines()[0])
        return sorted((e["source"][:3], e["target"][:3], e["partial"]) for e in line["events"])

    assert codes() == [("RUS", "DEU", False), ("RUS", "RUS", False)]
    assert codes("--no-domestic") == [("RUS", "DEU", False), ("RUS", "RUS", True)]
    doc = tmp_path / "d.txt"
    doc.write_text(text, encoding="utf-8")
    kept = runner.invoke(app, ["code", str(doc), "--date", "2024-03-01", "--jsonl", "--no-domestic"])
    assert kept.exit_code == 0, kept.output
    assert [(json.loads(x)["source"][:3], json.loads(x)["target"][:3]) for x in kept.stdout.splitlines()] == [("RUS", "DEU")]


def test_jsonl_with_no_event_says_so_on_stderr(tmp_path: Path) -> None:
    """An empty JSON Lines stream is not left to speak for itself: a note says how many documents gave nothing."""
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    quiet = tmp_path / "quiet.txt"
    quiet.write_text("The weather was mild in Lisbon.\n", encoding="utf-8")
    result = runner.invoke(app, ["code", str(empty), str(quiet), "--date", "2024-03-01", "--jsonl"])
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert "note: no event in 2 document(s) (1 without any sentence)" in result.stderr


def test_an_undated_document_is_not_said_to_hold_no_event(tmp_path: Path) -> None:
    """Events skipped for want of a date are not 'no event': the note says none was kept, and why."""
    path = tmp_path / "undated.txt"
    path.write_text("Greece summoned the Turkish ambassador on Monday.\n", encoding="utf-8")
    result = runner.invoke(app, ["code", str(path), "--jsonl", *RULES])
    assert result.exit_code == 0, result.output
    assert "skipped because their document has no date" in result.stderr
    assert "no event in" not in result.stderr and "no dated event" in result.stderr


def test_nothing_to_store_makes_no_database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Coding an undated page stores nothing, so no empty store is left in the working directory to look like a
    result; the summary says it was not created. A store that exists is opened as before."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("DETENTE_DB", raising=False)
    path = tmp_path / "undated.txt"
    path.write_text("Greece summoned the Turkish ambassador on Monday.\n", encoding="utf-8")
    result = runner.invoke(app, ["code", str(path), *RULES])
    assert result.exit_code == 0, result.output
    assert "skipped because their document has no date" in result.stderr
    assert "was not created" in result.stderr
    assert not list(tmp_path.glob("*.duckdb"))
    db = tmp_path / "kept.duckdb"
    dated = runner.invoke(app, ["code", str(path), "--date", "2024-03-01", "--db", str(db), "--json", *RULES])
    assert dated.exit_code == 0 and json.loads(dated.stdout)["written"] is True and db.is_file()
    again = runner.invoke(app, ["code", str(path), "--db", str(db), "--json", *RULES])
    assert again.exit_code == 0 and json.loads(again.stdout)["written"] is True


def test_sentences_mode_refuses_a_directory_and_paths_beside_it(tmp_path: Path) -> None:
    lines = tmp_path / "s.txt"
    lines.write_text("Russia attacked Ukraine.\n", encoding="utf-8")
    result = runner.invoke(app, ["code", "--sentences", str(tmp_path)])
    assert result.exit_code == 2 and "is a directory" in result.stderr and "no such file" not in result.stderr
    article = tmp_path / "a.txt"
    article.write_text("Russia attacked Ukraine.\n", encoding="utf-8")
    result = runner.invoke(app, ["code", str(article), "--sentences", str(lines)])
    assert result.exit_code == 2 and "--sentences" in result.stderr and str(article) in result.stderr
    assert result.stdout == ""  # nothing coded, nothing lost


def test_sentences_mode_on_an_empty_file_says_so(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    result = runner.invoke(app, ["code", "--sentences", str(empty)])
    assert result.exit_code == 0 and result.stdout == ""
    assert "no sentence" in result.stderr


def test_a_quad_only_model_in_document_mode_with_the_rules_is_one_note_not_a_python_warning(tmp_path: Path) -> None:
    pytest.importorskip("sklearn")
    from detente.coding.classifier import QuadClassifier

    model = QuadClassifier(use_syntax=False).fit(["Troops shelled the town.", "Leaders praised the deal."] * 4, [4, 1] * 4)
    saved = model.save(tmp_path / "quad.joblib")
    article = tmp_path / "a.txt"
    article.write_text("Russia attacked Ukraine.\n", encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("error", UserWarning)  # a Python warning printed as such (file, line, code) fails
        result = runner.invoke(app, ["code", str(article), "--date", "2025-01-01", "--jsonl", "--model", str(saved),
                                     *RULES])
    assert result.exit_code == 0, result.output
    assert "quad classes only" not in result.stderr  # the model is not used: what it cannot do is beside the point
    assert "--model is not used for documents" in result.stderr


@pytest.mark.parametrize("command", [["code", "--help"], ["code", "eval", "--help"]])
def test_help_names_the_date_format_not_a_parameter(command: list[str]) -> None:
    result = runner.invoke(app, command, env={"COLUMNS": "200"})
    assert result.exit_code == 0
    assert "DATE_" not in result.stdout and "--date YYYY-MM-DD" in result.stdout


def test_table_of_several_documents_says_which_document_each_event_comes_from(tmp_path: Path) -> None:
    first, second = tmp_path / "ankara.txt", tmp_path / "delhi.txt"
    first.write_text("Greece summoned the Turkish ambassador on Monday.\n", encoding="utf-8")
    second.write_text("Pakistan expelled an Indian diplomat on Monday.\n", encoding="utf-8")
    result = runner.invoke(app, ["code", str(first), str(second), "--date", "2025-03-05", "--db",
                                 str(tmp_path / "e.duckdb"), *RULES])
    assert result.exit_code == 0, result.output
    header = next(line for line in result.stdout.splitlines() if line.startswith("document\t"))
    rows = [line.split("\t") for line in result.stdout.splitlines() if line.startswith(("ankara.txt", "delhi.txt"))]
    assert header.split("\t")[:3] == ["document", "date", "source"]
    assert {(r[0], r[2][:3]) for r in rows} >= {("ankara.txt", "GRC"), ("delhi.txt", "PAK")}


def test_reading_standard_input_at_a_terminal_says_how_to_end_it(monkeypatch: pytest.MonkeyPatch) -> None:
    """`detente code -` typed at a terminal does not sit silent: a note says the text is read until Ctrl-D."""
    from detente.cli import code as code_cli

    monkeypatch.setattr(code_cli, "_stdin_is_terminal", lambda: True)
    result = runner.invoke(app, ["code", "-", "--date", "2025-02-20", "--jsonl", *RULES], input="Russia attacked Ukraine.\n")
    assert result.exit_code == 0, result.output
    assert "Ctrl-D" in result.stderr
    result = runner.invoke(app, ["code", "--sentences", "-"], input="Russia attacked Ukraine.\n")
    assert result.exit_code == 0 and "Ctrl-D" in result.stderr


def _lines(tmp_path: Path) -> Path:
    lines = tmp_path / "lines.txt"
    lines.write_text("Russia did not attack Ukraine.\nRussia may attack Ukraine.\n", encoding="utf-8")
    return lines


def test_sentences_mode_refuses_a_database_it_would_not_write(tmp_path: Path) -> None:
    result = runner.invoke(app, ["code", "--sentences", str(_lines(tmp_path)), "--db", str(tmp_path / "e.duckdb")])
    assert result.exit_code == 2 and result.stderr.startswith("error: --db: given with --sentences")
    assert result.stdout == "" and not (tmp_path / "e.duckdb").exists()


@pytest.mark.parametrize("flag", ["--json", "--jsonl", "--all"])
def test_sentences_mode_names_the_document_options_it_does_not_read(tmp_path: Path, flag: str) -> None:
    result = runner.invoke(app, ["code", "--sentences", str(_lines(tmp_path)), flag, "--no-classifier"])
    assert result.exit_code == 0, result.output
    assert f"note: {flag} " in result.stderr
    assert [json.loads(line)["line"] for line in result.stdout.splitlines()] == [1, 2]  # printed as without it


@pytest.mark.parametrize("other, flag", [(["--db", "e.duckdb"], "--db"), (["--json"], "--json")])
def test_jsonl_refuses_the_options_of_storing(tmp_path: Path, other: list[str], flag: str) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Russia attacked Ukraine.\n", encoding="utf-8")
    result = runner.invoke(app, ["code", str(article), "--date", "2025-01-01", "--jsonl", *other, *RULES])
    assert result.exit_code == 2 and result.stderr.startswith(f"error: {flag}: given with --jsonl")
    assert result.stdout == ""


@pytest.mark.parametrize("command", [["code", "--sentences", "LINES"], ["code", "eval", "LINES"]])
def test_model_with_no_classifier_is_an_error(tmp_path: Path, command: list[str]) -> None:
    lines = str(_lines(tmp_path))
    args = [lines if a == "LINES" else a for a in command]
    result = runner.invoke(app, [*args, "--model", str(tmp_path / "m.joblib"), "--no-classifier"])
    assert result.exit_code == 2 and result.stderr.startswith("error: --no-classifier: given with --model")


def test_documents_with_the_rules_say_a_classifier_flag_changes_nothing(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Russia attacked Ukraine.\n", encoding="utf-8")
    result = runner.invoke(app, ["code", str(article), "--date", "2025-01-01", "--jsonl", "--no-classifier", *RULES])
    assert result.exit_code == 0, result.output
    assert "note: --no-classifier changes nothing for documents with --pairs rules" in result.stderr
    assert json.loads(result.stdout.splitlines()[0])["root"] == "19"
    quiet = runner.invoke(app, ["code", str(article), "--date", "2025-01-01", "--jsonl", *RULES])
    assert "classifier" not in quiet.stderr  # left at its default: nothing to say


@pytest.mark.parametrize("suffix, line", [
    (".tsv", "Chile praised Peru for its help.\t1"),
    (".jsonl", json.dumps({"text": "Chile praised Peru for its help.", "events": [{"source": "CHL", "target": "PER",
                                                                                  "root": "05"}]})),
])
def test_code_eval_says_spans_are_not_scored_on_a_file_of_classes_or_events(tmp_path, suffix, line):
    gold = tmp_path / f"gold{suffix}"
    gold.write_text(line + "\n", encoding="utf-8")
    plain = runner.invoke(app, ["code", "eval", str(gold), "--no-classifier", "--json", *RULES])
    result = runner.invoke(app, ["code", "eval", str(gold), "--no-classifier", "--json", "--spans", "rules", *RULES])
    assert result.exit_code == 0, result.output
    assert "note: --spans changes nothing here" in result.stderr and "--spans" not in plain.stderr
    spanned, unspanned = json.loads(result.stdout), json.loads(plain.stdout)
    said = [note for note in spanned.pop("notes") if note.startswith("--spans changes nothing here")]
    assert len(said) == 1 and "--spans" not in " ".join(unspanned.pop("notes"))  # the note, in the JSON too
    assert spanned == unspanned  # scored as without it


def test_code_eval_json_carries_every_note_the_table_prints(tmp_path):
    """Session 21: the --spans note was printed but left out of --json's "notes"; every printed note is in it now."""
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"text": "Chile praised Peru for its help.", "date": "2025-03-04",
                                "events": [{"source": "CHL", "target": "PER", "root": "05"}]}) + "\n", encoding="utf-8")
    flags = ["code", "eval", str(gold), "--no-classifier", "--spans", "rules", "--context", "page",
             "--date", "2025-01-01", *RULES]
    table, as_json = runner.invoke(app, flags), runner.invoke(app, [*flags, "--json"])
    assert table.exit_code == 0 and as_json.exit_code == 0, table.output + as_json.output
    printed = [line.removeprefix("note: ") for line in table.stderr.splitlines() if line.startswith("note: ")]
    assert len(printed) == 3  # --spans, --context page without a url, --date dating no sentence
    assert json.loads(as_json.stdout)["notes"] == printed
    assert [line for line in as_json.stderr.splitlines() if line.startswith("note: ")] == [f"note: {n}" for n in printed]


@pytest.mark.parametrize("suffix, lines", [
    (".tsv", ["Chile praised Peru for its help.\t1", "Peru shelled a Chilean border post.\t4"]),
    (".jsonl", [json.dumps({"text": text, "url": "https://example.org/a", "events": events}) for text, events in (
        ("Chile praised Peru for its help on Monday.", [{"source": "CHL", "target": "PER", "root": "05"}]),
        ("The two sides also agreed to hold talks.", [{"source": "CHL", "target": "PER", "root": "03"}]))]),
])
def test_code_eval_of_events_or_classes_codes_without_the_span_chooser_and_scores_the_same(
        tmp_path, monkeypatch, suffix, lines):
    from detente.coding import Coder, span_chooser
    from detente.coding.evaluate import evaluate

    gold = tmp_path / f"gold{suffix}"
    gold.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with_chooser = evaluate(gold, Coder(pair_model=None)).to_dict()  # the shipped chooser re-decides the spans

    def no_chooser() -> None:
        raise AssertionError("the span chooser was loaded, though no span is scored")

    monkeypatch.setattr(span_chooser, "shipped", no_chooser)
    result = runner.invoke(app, ["code", "eval", str(gold), "--no-classifier", "--json", *RULES])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == {**json.loads(json.dumps(with_chooser)), "pairs": "rules"}


def test_code_eval_says_a_date_that_dates_no_sentence_changes_nothing(tmp_path):
    gold = tmp_path / "gold.jsonl"
    rows = [{"text": "Chile praised Peru.", "date": "2024-05-02", "events": []},
            {"text": "Peru thanked Chile.", "events": []}]
    gold.write_text(json.dumps(rows[0]) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["code", "eval", str(gold), "--no-classifier", "--date", "2020-01-01", *RULES])
    assert result.exit_code == 0, result.output
    assert "note: --date 2020-01-01 dated no sentence: every sentence of the file carries its own date" in result.stderr
    gold.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")  # the second has none
    result = runner.invoke(app, ["code", "eval", str(gold), "--no-classifier", "--date", "2020-01-01", *RULES])
    assert result.exit_code == 0 and "--date" not in result.stderr
