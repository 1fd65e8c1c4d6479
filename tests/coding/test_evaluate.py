"""Scoring the coder on gold files: readers for each format, the arithmetic, and bad rows kept aside."""

from __future__ import annotations

import json
from types import SimpleNamespace

import pytest

from detente.coding import evaluate as ev
from detente.errors import InputError


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def event(source, target, cameo):
    return SimpleNamespace(source=source, target=target, cameo=cameo, root=cameo[:2])


def test_jsonl_reader_resolves_names_and_keeps_bad_rows_aside(tmp_path):
    path = write(tmp_path, "gold.jsonl", "\n".join([
        json.dumps({"text": "Russia attacked Ukraine.", "date": "2025-03-01",
                    "events": [{"source": "RUS", "target": "Ukraine", "root": "19"}]}),
        json.dumps({"text": "Analysts said little.", "events": []}),
        "{not json",
        json.dumps({"text": "x", "events": [{"source": "Narnia", "target": "RUS", "root": "19"}]}),
    ]) + "\n")
    gold = ev.read_gold(path)
    assert gold.kind == "events" and len(gold.sentences) == 2
    assert gold.sentences[0].events == [ev.GoldEvent("RUS", "UKR", "19")]
    assert str(gold.sentences[0].when) == "2025-03-01"
    assert gold.skipped[0].endswith(":3: not JSON (Expecting property name enclosed in double quotes)")
    assert ":4: events[0]: unknown source 'Narnia' (fix: " in gold.skipped[1]


def test_petrarch_xml_reader(tmp_path):
    path = write(tmp_path, "gold.xml", """<Sentences>
<Sentence date="20180312" id="a-1"><Text>Turkey negotiated with Russia over grain.</Text>
<EventCoding sourcecode="TUR" targetcode="RUS" eventcode="046"/>
<EventCoding sourcecode="RUS" targetcode="TUR" eventcode="046"/></Sentence>
<Sentence id="a-2"><Text>Nothing happened.</Text><EventCoding noevents="True"/></Sentence>
<Sentence id="a-3"><EventCoding sourcecode="TUR" targetcode="RUS" eventcode="046"/></Sentence>
</Sentences>""")
    gold = ev.read_gold(path)
    assert [len(s.events) for s in gold.sentences] == [2, 0]
    assert gold.sentences[0].events[0] == ev.GoldEvent("TUR", "RUS", "04")
    assert str(gold.sentences[0].when) == "2018-03-12"
    assert gold.skipped == [f"{path}:6: Sentence 3 (id a-3): no <Text> (fix: put the sentence in <Text>...</Text>)"]


def test_tsv_and_conll_readers(tmp_path):
    tsv = write(tmp_path, "q.tsv", "Russia attacked Ukraine.\t4\nA bad row\t7\n")
    gold = ev.read_gold(tsv)
    assert gold.kind == "quad" and [s.quad for s in gold.sentences] == [4]
    assert gold.skipped == [f"{tsv}:2: expected sentence<TAB>class 0-4"]
    conll = write(tmp_path, "d.conll", "Russian B-S\ntroops I-S\nshelled O\nKharkiv B-T\n. O\n\nBad X-Y\n")
    gold = ev.read_gold(conll)
    (sent,) = gold.sentences
    assert sent.text == "Russian troops shelled Kharkiv."
    assert sent.spans("S") == {(0, 2)} and sent.spans("T") == {(3, 4)}
    assert gold.skipped and ":7:" in gold.skipped[0]


def test_conll_reader_joins_a_split_clitic_to_its_apostrophe(tmp_path):
    rows = "Libya B-T\n’ I-T\ns I-T\ngovernment I-T\ndidn O\n' O\nt O\nmove O\n. O\n"
    (sent,) = ev.read_gold(write(tmp_path, "d.conll", rows)).sentences
    assert sent.text == "Libya’s government didn't move."
    assert sent.spans("T") == {(0, 4)}
    assert ev.to_tokens(sent, (0, len("Libya’s government"))) == (0, 4)


def test_unknown_suffix_and_format_are_errors(tmp_path):
    path = write(tmp_path, "gold.csv", "x")
    with pytest.raises(InputError, match="suffix"):
        ev.read_gold(path)
    with pytest.raises(InputError, match="--format"):
        ev.read_gold(path, fmt="csv")
    with pytest.raises(InputError, match="no gold sentences"):
        ev.read_gold(write(tmp_path, "empty.tsv", "no tab here\n"))


def test_event_scores_per_root_and_overall():
    gold = ev.Gold("g", "jsonl", "events", sentences=[
        ev.GoldSentence("a", 1, [ev.GoldEvent("RUS", "UKR", "19"), ev.GoldEvent("UKR", "RUS", "19")]),
        ev.GoldSentence("b", 2, [ev.GoldEvent("USAGOV", "RUSGOV", "04")]),
        ev.GoldSentence("c", 3, []),
        ev.GoldSentence("d", 4, []),
    ])
    predicted = [
        [event("RUSMIL", "UKR", "190")],                                # 1 of 2 (country level)
        [event("USA", "RUS", "040"), event("USA", "CHN", "111")],       # 04 right, 11 wrong
        [],                                                             # rightly uncoded
        [event("FRA", "DEU", "010")],                                   # coded though nothing happened
    ]
    report = ev.score_events(gold, predicted)
    rows = {r.label: r for r in report.rows}
    assert (rows["19"].gold, rows["19"].predicted, rows["19"].correct) == (2, 1, 1)
    assert rows["11"].precision == 0.0 and rows["04"].f1 == 1.0
    o = report.overall
    assert (o.gold, o.predicted, o.correct) == (3, 4, 2)
    assert o.precision == pytest.approx(0.5) and o.recall == pytest.approx(2 / 3)
    assert report.headline_value == pytest.approx(2 * 0.5 * (2 / 3) / (0.5 + 2 / 3))
    assert report.extra["sentences_without_event"] == 2 and report.extra["left_uncoded"] == 1


def test_quad_scores_macro_f1():
    gold = ev.Gold("g", "tsv", "quad", sentences=[ev.GoldSentence(str(q), q, quad=q) for q in (0, 1, 2, 3, 4, 4)])
    report = ev.score_quad(gold, [0, 1, 2, 3, 4, 3])
    per = [r.f1 for r in report.rows]
    assert per[:3] == [1.0, 1.0, 1.0] and per[3] == pytest.approx(2 / 3) and per[4] == pytest.approx(2 / 3)
    assert report.headline_value == pytest.approx((3 + 4 / 3) / 5)
    assert report.extra["accuracy"] == pytest.approx(5 / 6)


def test_span_scores_exact_and_overlap(tmp_path):
    gold = ev.read_gold(write(tmp_path, "d.conll", "Russian B-S\ntroops I-S\nshelled O\nthe B-T\ncity I-T\n. O\n"))
    text = gold.sentences[0].text
    source = (0, len("Russian troops"))
    target = (text.index("city"), text.index("city") + 4)  # overlaps "the city", not exact
    report = ev.score_spans(gold, [(source, target)])
    assert [r.f1 for r in report.rows] == [1.0, 0.0]
    assert report.headline_value == 0.5 and report.extra["overlap_macro_f1"] == 1.0


@pytest.mark.nlp
def test_evaluate_runs_the_coder_on_a_jsonl_gold_file(tmp_path, coder):
    path = write(tmp_path, "gold.jsonl", "\n".join(json.dumps(r) for r in [
        {"text": "Russia attacked Ukraine.", "events": [{"source": "RUS", "target": "UKR", "root": "19"}]},
        {"text": "Turkey negotiated with Russia over grain exports.",
         "events": [{"source": "TUR", "target": "RUS", "root": "04"}, {"source": "RUS", "target": "TUR", "root": "04"}]},
        {"text": "Analysts said the talks were unlikely to produce a breakthrough.", "events": []},
    ]))
    report = ev.evaluate(path, coder)
    assert report.overall.f1 == 1.0 and report.extra["left_uncoded"] == 1


def test_quad_prediction_trusts_specific_patterns_and_an_unsure_classifier_gives_way():
    import numpy as np

    class Sure2:
        label_kind = "root"

        def predict_proba(self, sentences, scheme=None):
            return np.array([[0.0, 0.1, 0.9, 0.0, 0.0], [0.0, 0.1, 0.9, 0.0, 0.0], [0.1, 0.2, 0.5, 0.1, 0.1]])

    coder = SimpleNamespace(classifier=Sure2(), classifier_gives_roots=True)
    rules = [
        SimpleNamespace(root="16", confidence=0.85),  # "reduced military aid": the pattern names its object
        SimpleNamespace(root="16", confidence=0.75),  # a bare verb: the sure classifier decides
        SimpleNamespace(root="19", confidence=0.75),  # the classifier is unsure: the pattern decides
    ]
    assert ev.predict_quads(coder, ["a", "b", "c"], rules) == [3, 2, 4]
    assert ev.predict_quads(SimpleNamespace(classifier=None), ["a", "b"], [rules[2], None]) == [4, 0]


def test_quad_prediction_uses_a_quad_trained_model():
    import numpy as np

    class QuadModel:  # trained on the task's own five classes: no roots, but quads are what is scored
        label_kind = "quad"

        def predict_proba(self, sentences, scheme=None):
            return np.array([[0.0, 0.0, 0.0, 0.1, 0.9]] * len(sentences))

    coder = SimpleNamespace(classifier=QuadModel(), classifier_gives_roots=False)
    assert ev.predict_quads(coder, ["a", "b"], [None, SimpleNamespace(root="04", confidence=0.75)]) == [4, 4]


def test_generic_igo_codes_and_former_codes_in_gold_match_the_registry_actors():
    gold = ev.Gold("g", "xml", "events", sentences=[
        ev.GoldSentence("a", 1, [ev.GoldEvent("IGOUNO", "IRQ", "02")]),  # PETRARCH style
        ev.GoldSentence("b", 2, [ev.GoldEvent("IGO", "SRB", "13")]),  # PLOVER style, the EC as "IGO"
        ev.GoldSentence("c", 3, [ev.GoldEvent("JAP", "SRB", "16")]),  # KEDS's code for Japan
        ev.GoldSentence("d", 4, [ev.GoldEvent("USA", "IRQ", "19")]),
    ])
    predicted = [
        [event("UNO", "IRQ", "020")],
        [event("EUR", "SRB", "130")],
        [event("JPN", "SRB", "162")],
        [event("UNO", "IRQ", "190")],  # no generic code in this sentence's gold: UNO stays UNO, a miss
    ]
    report = ev.score_events(gold, predicted)
    assert (report.overall.correct, report.overall.predicted) == (3, 4)
    assert ev.gold_country("JAP") == "JPN" and ev.gold_country("IGOUNO") == "IGO" and ev.gold_country("XQZ") == "XQZ"
    assert ev.predicted_country("NATOMIL", {"IGO"}) == "IGO" and ev.predicted_country("AMN", {"IGO"}) == "AMN"


def test_a_coded_event_is_labelled_by_one_function_for_root_and_plover_gold() -> None:
    """`coded_triple` is what `score_events` and the benchmarks compare: country parts, the generic prefix a gold
    sentence uses, and the root or the PLOVER type of the code ("-" for a statement, which has none)."""
    appeal = event("NATOMIL", "RUSGOV", "0211")
    assert ev.coded_triple(appeal) == ("NAT", "RUS", "02")
    assert ev.coded_triple(appeal, "plover") == ("NAT", "RUS", "REQUEST")
    assert ev.coded_triple(appeal, "root", ev.generic_sides([("IGO", "RUS", "02")])) == ("IGO", "RUS", "02")
    assert ev.coded_triple(event("USAGOV", "CHN", "010"), "plover") == ("USA", "CHN", "-")
    assert ev.gold_triple(ev.GoldEvent("JAP", "IGOUNO", "04")) == ("JPN", "IGO", "04")
    assert ev.generic_sides([("JPN", "IGO", "04"), ("NGO", "USA", "11")]) == {"IGO", "NGO"}


def test_a_two_letter_organisation_with_a_role_is_scored_as_the_organisation() -> None:
    """"AU Commission" codes as AUGOV: its country part is the AU (the gold's "AU"), not "AUG"."""
    assert [ev.country(c) for c in ("AUGOV", "AU", "USAGOV", "NATOMIL", "NATO", "IGOUNO", "---", "")] == [
        "AU", "AU", "USA", "NAT", "NAT", "IGO", "---", "---"]
    gold = ev.Gold("hand", "jsonl", "events", sentences=[ev.GoldSentence("a", 1, [ev.GoldEvent("AU", "SSD", "10")])])
    assert ev.score_events(gold, [[event("AUGOV", "SSDGOV", "100")]]).overall.correct == 1


@pytest.mark.nlp
def test_a_negated_event_is_no_prediction(coder, tmp_path):
    """ "did not attack" says the act did not happen: scored as no event (the gold guides' rule), while
    the coder still reports it, marked, to callers who ask for every event."""
    gold = tmp_path / "g.jsonl"
    rows = [
        {"text": "Turkey did not attack Greece.", "date": "2024-03-04", "events": []},
        {"text": "Turkey attacked Greece.", "date": "2024-03-04", "events": [{"source": "TUR", "target": "GRC", "root": "19"}]},
    ]
    gold.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    report = ev.evaluate(gold, coder)
    assert report.overall.predicted == 1 and report.overall.correct == 1
    (events,) = coder.code_sentence_events([rows[0]["text"]])
    assert events and events[0].event.negated


# -- page mode: consecutive records of one page coded as an article ---------------------------------


def _gold(text=None, url=None, headline=None, events=()):
    return ev.GoldSentence(text or "x", 1, list(events), url=url, headline=headline)


def test_articles_are_runs_of_consecutive_records_sharing_a_url():
    urls = ["https://a.example/1", "https://a.example/1", None, None, "https://b.example/2", "https://a.example/1"]
    assert ev.articles([_gold(url=u) for u in urls]) == [[0, 1], [2], [3], [4], [5]]


def _jsonl(tmp_path, records, name="gold.jsonl"):
    return write(tmp_path, name, "\n".join(json.dumps(r) for r in records) + "\n")


def _both(a, b, root):
    return [{"source": a, "target": b, "root": root}, {"source": b, "target": a, "root": root}]


PAGE = "https://news.example/iran-iraq-accord"
ARTICLE = [  # hand-written: the second sentence names its sides only through the first
    {"text": "Iran and Iraq signed a security accord on Sunday.", "url": PAGE, "date": "2024-03-03",
     "events": _both("IRN", "IRQ", "05")},
    {"text": "The two sides also agreed to hold talks next month.", "url": PAGE, "date": "2024-03-03",
     "events": _both("IRN", "IRQ", "03")},
    {"text": "Analysts said the accord was unlikely to last.", "url": PAGE, "date": "2024-03-03", "events": []},
]


@pytest.mark.nlp
def test_page_mode_codes_a_page_as_one_article_and_scores_each_sentence_on_its_own_gold(tmp_path, coder):
    path = _jsonl(tmp_path, ARTICLE)
    page = ev.evaluate(path, coder)
    assert page.extra["context"] == "page" and page.extra["articles"] == 1
    assert page.notes == ["coded 3 sentences as 1 articles (consecutive records sharing a url); "
                          "--context sentence codes each alone"]
    # all four events found, each scored on its own sentence (05 on the first, 03 on the second): had an
    # event been attributed to the other sentence, it would count as wrong there and missing here
    assert (page.overall.correct, page.overall.predicted, page.overall.gold) == (4, 4, 4)
    assert page.extra["left_uncoded"] == 1
    alone = ev.evaluate(path, coder, context="sentence")
    assert alone.extra["context"] == "sentence" and alone.notes == []
    assert (alone.overall.correct, alone.overall.predicted) == (2, 2)  # "the two sides" names no one alone


@pytest.mark.nlp
def test_an_article_of_one_sentence_is_coded_exactly_as_sentence_mode_codes_it(coder):
    for sentence in ("Russia attacked Ukraine.", "He said the talks had failed.",
                     "The two sides agreed to meet again.", "China summoned the Japanese ambassador over the drills.",
                     '"We will respond," the Turkish foreign minister said of the Greek plan.'):
        alone = coder.code_sentence_events([sentence])[0]
        article = coder.code_article_events([sentence])[0]
        assert article == alone


@pytest.mark.nlp
def test_a_headline_is_read_for_its_actors_but_its_events_are_not_scored(tmp_path, coder):
    record = {"text": "The two sides also agreed to hold talks next month.", "url": "https://news.example/x",
              "date": "2024-03-03", "events": _both("IRN", "IRQ", "03")}
    headline = "Iran and Iraq sign a security accord"  # codes 05 both ways itself: not scored
    path = _jsonl(tmp_path, [{**record, "headline": headline}], "h.jsonl")
    with_headline = ev.evaluate(path, coder, context="page")
    assert (with_headline.overall.correct, with_headline.overall.predicted) == (2, 2)
    assert ev.evaluate(path, coder, context="page", headlines=False).overall.predicted == 0
    assert ev.evaluate(_jsonl(tmp_path, [record], "n.jsonl"), coder, context="page").overall.predicted == 0


@pytest.mark.nlp
def test_page_mode_asked_of_a_file_without_pages_says_it_codes_each_sentence_alone(tmp_path, coder):
    path = _jsonl(tmp_path, [{"text": "Russia attacked Ukraine.", "events": []}])
    report = ev.evaluate(path, coder, context="page")
    assert report.extra["context"] == "sentence" and "no record carries a url" in report.notes[0]
    xml = write(tmp_path, "gold.xml", '<Sentences><Sentence id="1"><Text>Russia attacked Ukraine.</Text>'
                '<EventCoding sourcecode="RUS" targetcode="UKR" eventcode="190"/></Sentence></Sentences>')
    report = ev.evaluate(xml, coder, context="page")
    assert report.extra["context"] == "sentence" and "JSONL" in report.notes[0]


@pytest.mark.nlp
def test_predict_events_codes_pages_or_sentences_and_keeps_the_asserted_events(tmp_path, coder):
    gold = ev.read_gold(_jsonl(tmp_path, [*ARTICLE, {"text": "Chile did not attack Peru.", "events": []}]))
    page = ev.predict_events(gold, coder, "page")
    alone = ev.predict_events(gold, coder, "sentence")
    assert [{e.root for e in events} for events in page] == [{"05"}, {"03"}, set(), set()]  # negated: no event
    assert [{e.root for e in events} for events in alone] == [{"05"}, set(), set(), set()]
    report = ev.evaluate(gold.path, coder)  # page mode: the file has a run of records sharing a url
    assert ev.score_events(gold, page).overall == report.overall
    with pytest.raises(InputError, match="--context"):
        ev.predict_events(gold, coder, "paragraph")


@pytest.mark.nlp
def test_code_gold_keeps_the_negated_and_partial_results_predict_events_drops(tmp_path, coder):
    records = [*ARTICLE, {"text": "Chile did not attack Peru.", "url": PAGE, "events": []},
               {"text": "Gunmen attacked Peru on Monday.", "url": PAGE, "events": []}]
    gold = ev.read_gold(_jsonl(tmp_path, records))
    for mode in ev.CONTEXTS:
        results = ev.code_gold(gold, coder, mode, partial=True)
        assert [r.event.root for r in results[3]] == ["19"] and results[3][0].event.negated
        assert any(r.partial for r in results[4])
        complete = ev.code_gold(gold, coder, mode)
        assert not any(r.partial for found in complete for r in found)
        assert ev.predict_events(gold, coder, mode) == [[r.event for r in found if not r.event.negated]
                                                        for found in complete]


def test_gold_kind_is_told_from_the_format_or_the_suffix_without_reading_the_file(tmp_path):
    assert [ev.gold_kind(tmp_path / name) for name in ("g.jsonl", "g.JSON", "g.tsv", "g.txt", "g.csv")] == [
        "events", "events", "quad", "spans", None]
    assert ev.gold_kind(tmp_path / "g.txt", "plover") == "events" and ev.gold_kind("g.jsonl", "conll") == "spans"
    assert ev.gold_kind("g.jsonl", "yaml") is None


def test_an_unknown_context_is_an_error_naming_the_flag(tmp_path):
    with pytest.raises(InputError, match="--context"):
        ev.evaluate(write(tmp_path, "g.jsonl", "{}\n"), coder=None, context="paragraph")


def test_a_gold_code_whose_prefix_is_a_former_code_keeps_its_own_country() -> None:
    """ITLOS starts with Italy's former KEDS code ITL; the tribunal's gold event must still match the coder's ITLOS."""
    assert ev.gold_country("ITLOS") == ev.predicted_country("ITLOS", set()) == "ITL"
    assert ev.gold_country("ITL") == "ITA" and ev.gold_country("JAPGOV") == "JPN"


@pytest.mark.parametrize(("root", "said"), [
    ("1", "root '1' is not a CAMEO code"),
    ("14x", "root '14x' is not a CAMEO code"),
    ("21", "root '21' is not a CAMEO code"),
    (None, "no root"),
])
def test_a_root_that_is_not_a_cameo_code_is_kept_aside_with_its_line_and_the_fix(tmp_path, root, said):
    bad = {"source": "PAK", "target": "IND"} | ({"root": root} if root is not None else {})
    path = write(tmp_path, "gold.jsonl", "\n".join([
        json.dumps({"text": "Pakistan protested to India.", "events": [{"source": "PAK", "target": "IND", "root": "11"}]}),
        json.dumps({"text": "Pakistan blamed India for the blast.", "events": [bad]}),
    ]) + "\n")
    gold = ev.read_gold(path)
    assert len(gold.sentences) == 1  # not read as root 14, nor dropped without a word
    (problem,) = gold.skipped
    assert problem.startswith(f"{path}:2: events[0]: {said}") and "fix:" in problem
    assert "01 to 20" in problem


def test_an_unknown_actor_is_kept_aside_with_the_nearest_names(tmp_path):
    path = write(tmp_path, "gold.jsonl", "\n".join(json.dumps(r) for r in [
        {"text": "Japan sent aid to Manila.", "events": [{"source": "Japn", "target": "PHL", "root": "07"}]},
        {"text": "Japan sent aid to Manila.", "events": [{"source": "JPN", "target": "XQZ", "root": "07"}]},
        {"text": "Japan sent aid to Manila.", "events": [{"source": "JPN", "root": "07"}]},
        {"text": "Japan sent aid to Manila.", "events": ["JPN PHL 07"]},
        {"text": "Japan sent aid to Manila.", "events": [{"source": "JPN", "target": "PHL", "root": "07"}]},
    ]) + "\n")
    gold = ev.read_gold(path)
    assert [s.line for s in gold.sentences] == [2, 5]  # a code the registry lacks is read as written (below)
    assert gold.skipped[0].startswith(f"{path}:1: events[0]: unknown source 'Japn'") and "Japan (JPN)" in gold.skipped[0]
    assert gold.skipped[1].startswith(f"{path}:3: events[0]: no target") and "fix:" in gold.skipped[1]
    assert gold.skipped[2].startswith(f"{path}:4: events[0]: not an object") and '"source"' in gold.skipped[2]


def test_a_code_the_registry_lacks_is_scored_as_written_and_named_in_a_note(tmp_path):
    """CAMEO's region codes (CAS: Central Asia) and a typo alike stay in the gold, so no sentence of a
    PETRARCH-coded file is lost; the note names them, so a typo does not only lower F1 in silence."""
    path = write(tmp_path, "gold.jsonl", "\n".join(json.dumps(r) for r in [
        {"text": "Japan sent aid to Manila.", "events": [{"source": "JPN", "target": "XQZ", "root": "07"}]},
        {"text": "Russia met Central Asian leaders.", "events": [{"source": "RUS", "target": "CAS", "root": "04"}]},
        {"text": "Japan sent aid to Manila.", "events": [{"source": "JPN", "target": "PHL", "root": "07"}]},
    ]) + "\n")
    gold = ev.read_gold(path)
    assert len(gold.sentences) == 3 and not gold.skipped
    assert ev.unknown_codes(gold) == ["CAS", "XQZ"]

    class Nothing:  # a coder that codes nothing: the note does not depend on the coder
        def code_article_events(self, sentences, when=None, **kwargs):
            return [[] for _ in sentences]

        def code_sentence_events(self, sentences, when=None, **kwargs):
            return [[] for _ in sentences]

    report = ev.evaluate(path, Nothing())
    assert report.overall.gold == 3
    assert any("CAS, XQZ" in note and "scored as written" in note for note in report.notes)


def test_a_record_without_text_or_events_is_kept_aside_with_the_fix(tmp_path):
    path = write(tmp_path, "gold.jsonl", "\n".join(json.dumps(r) for r in [
        {"text": "Japan sent aid to Manila."},
        {"events": []},
        {"text": "Japan sent aid to Manila.", "events": [{"source": "JPN", "target": "PHL", "root": "07"}]},
    ]) + "\n")
    gold = ev.read_gold(path)
    assert gold.skipped[0].startswith(f"{path}:1: no 'events' list (fix: add \"events\": [] for a sentence")
    assert gold.skipped[1].startswith(f"{path}:2: no 'text' (fix: ")


def test_xml_rows_kept_aside_name_their_line_and_generic_petrarch_codes_are_read(tmp_path):
    path = write(tmp_path, "gold.xml", """<Sentences>
<Sentence id="b-1"><Text>The UN condemned the rebels.</Text>
<EventCoding sourcecode="IGOUNO" targetcode="---REB" eventcode="111"/></Sentence>
<Sentence id="b-2">
<Text>Pakistan protested to India.</Text>
<EventCoding sourcecode="PAK" targetcode="IND" eventcode="1"/></Sentence>
<Sentence id="b-3"><Text>Japan sent aid.</Text>
<EventCoding sourcecode="Japn" targetcode="PHL" eventcode="070"/></Sentence>
</Sentences>""")
    gold = ev.read_gold(path)
    assert [s.events for s in gold.sentences] == [[ev.GoldEvent("IGOUNO", "---REB", "11")]]
    assert gold.sentences[0].line == 2
    assert gold.skipped[0].startswith(f"{path}:4: Sentence 2 (id b-2): eventcode '1' is not a CAMEO code")
    assert gold.skipped[1].startswith(f"{path}:7: Sentence 3 (id b-3): unknown sourcecode 'Japn'")


def test_quad_macro_f1_averages_the_classes_present_in_gold_or_predictions():
    gold = ev.Gold("g", "tsv", "quad", sentences=[ev.GoldSentence(str(q), q, quad=q) for q in (0, 2, 3)])
    report = ev.score_quad(gold, [0, 2, 3])
    assert report.headline_value == 1.0  # classes 1 and 4, in neither, are no zero in the mean
    assert len(report.rows) == 5  # the table still lists all five
    report = ev.score_quad(gold, [0, 2, 4])
    assert report.headline_value == pytest.approx((1 + 1 + 0 + 0) / 4)


@pytest.mark.nlp
@pytest.mark.parametrize("context", ["page", "sentence"])
def test_evaluate_reports_its_progress_and_scores_as_without_it(tmp_path, coder, monkeypatch, context):
    monkeypatch.setattr(ev, "PROGRESS_CHUNK", 2)
    records = [{"text": t, "url": "https://news.example/a", "events": []}
               for t in ("Russia attacked Ukraine.", "The weather was mild.", "Chile praised Peru.")]
    path = _jsonl(tmp_path, records)
    seen: list[tuple[int, int]] = []
    report = ev.evaluate(path, coder, context=context, progress=lambda done, total: seen.append((done, total)))
    assert seen[-1] == (3, 3) and [d for d, _ in seen] == sorted(d for d, _ in seen)
    assert report.to_dict() == ev.evaluate(path, coder, context=context).to_dict()


def test_a_file_none_of_whose_rows_reads_in_the_format_its_suffix_names_points_to_format(tmp_path):
    path = write(tmp_path, "article.txt", "Turkey and Greece agreed to resume talks.\n\nThe EU welcomed the decision.\n")
    with pytest.raises(InputError, match="no gold sentences") as caught:
        ev.read_gold(path)
    assert "read as conll from the suffix '.txt'" in str(caught.value) and "--format" in str(caught.value)


def test_a_conll_row_of_more_than_two_columns_is_kept_aside_not_read_into_the_sentence(tmp_path):
    rows = "Greek JJ B-S\nships NNS I-S\nescorted VBD O\nthe DT B-T\nferry NN I-T\n. . O\n\nGreece B-S\nprotested O\n. O\n"
    gold = ev.read_gold(write(tmp_path, "d.conll", rows))
    assert [s.text for s in gold.sentences] == ["Greece protested."]
    assert gold.skipped[0].endswith(":1: expected 'token TAG', found 3 columns (fix: keep the token and its tag, "
                                    "as in 'Greece B-S')")


def test_a_quad_tsv_row_of_more_than_two_columns_is_kept_aside_not_read_into_the_sentence(tmp_path):
    tsv = write(tmp_path, "q.tsv", "17\tGreece protested to Turkey.\t3\nGreece protested to Turkey.\t3\n")
    gold = ev.read_gold(tsv)
    assert [s.text for s in gold.sentences] == ["Greece protested to Turkey."]
    assert gold.skipped == [f"{tsv}:1: expected sentence<TAB>class 0-4, found 3 columns (fix: keep the sentence "
                            "and its class)"]


def test_a_gold_date_that_is_no_date_is_kept_aside_not_coded_as_undated(tmp_path):
    path = write(tmp_path, "gold.jsonl", "\n".join(json.dumps(r) for r in [
        {"text": "Greece protested to Turkey on Monday.", "date": "21/10/2024", "events": []},
        {"text": "Greece protested to Turkey on Monday.", "date": "2024-10-21", "events": []},
        {"text": "Greece protested to Turkey on Monday.", "events": []},
    ]) + "\n")
    gold = ev.read_gold(path)
    assert [s.line for s in gold.sentences] == [2, 3]
    assert gold.skipped == [f"{path}:1: date '21/10/2024' is not a date (fix: write it as YYYY-MM-DD)"]
    xml = write(tmp_path, "gold.xml", '<Sentences><Sentence date="2024-13-40" id="x"><Text>Greece protested.</Text>'
                                      '</Sentence><Sentence date="20241021" id="y"><Text>Greece protested.</Text>'
                                      '</Sentence></Sentences>')
    gold = ev.read_gold(xml)
    assert [str(s.when) for s in gold.sentences] == ["2024-10-21"]
    assert gold.skipped == [f"{xml}:1: Sentence 1 (id x): date '2024-13-40' is not a date (fix: write it as YYYY-MM-DD)"]


def test_json_lines_named_json_point_to_format_jsonl(tmp_path):
    lines = "\n".join(json.dumps({"text": "Greece protested to Turkey.", "events": []}) for _ in range(2)) + "\n"
    for text in (lines, lines.splitlines()[0]):
        with pytest.raises(InputError, match="--format jsonl"):
            ev.read_gold(write(tmp_path, "gold.json", text))
