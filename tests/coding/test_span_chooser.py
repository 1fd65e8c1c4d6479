"""The learned span chooser: it loads, it learns from examples, it changes spans only,
and the shipped model keeps the span conventions on hand-written sentences."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from detente.coding import span_chooser as sc
from detente.errors import InputError, ModelError

from .conftest import rules_coder


@pytest.fixture(scope="module")
def chooser_coder(coder):
    """A coder with the shipped span chooser (the default), sharing the rule coder's pipeline."""
    return rules_coder()


def _spans(coder, sentence: str) -> tuple[str | None, str | None]:
    (result,) = coder.code_sentences([sentence], partial=True)
    assert result is not None, sentence
    src = sentence[slice(*result.source_span)] if result.source_span else None
    tgt = sentence[slice(*result.target_span)] if result.target_span else None
    return src, tgt


def test_shipped_model_records_what_it_was_trained_on():
    model = sc.shipped()
    assert model.meta["data"] == "confli_cameo_dyad_train.txt"
    assert len(model.meta["sha256"]) == 64
    assert model.meta["sentences"] == model.meta["examples"] > 1000
    assert model.meta["C"] == sc.C
    assert set(model.weights) == set(sc.ROLES) and all(len(w) > 100 for w in model.weights.values())
    # the rules' own choice is the strongest evidence the chooser has for a source
    assert model.weights["source"]["rel:same"] > 0


def test_json_round_trip_scores_the_same(tmp_path):
    model = sc.shipped()
    path = tmp_path / "chooser.json"
    path.write_text(model.to_json(), encoding="utf-8")
    again = sc.load(path)
    names = ["rel:same", "dep:nsubj", "none", "no such feature"]
    for role in sc.ROLES:
        assert again.score(role, names) == pytest.approx(model.score(role, names))
    assert again.meta == model.meta


def test_a_file_that_is_no_model_is_refused(tmp_path):
    path = tmp_path / "chooser.json"
    path.write_text(json.dumps({"version": 99}), encoding="utf-8")
    with pytest.raises(ModelError, match="version"):
        sc.load(path)
    path.write_text("[1, 2]", encoding="utf-8")
    with pytest.raises(ModelError, match="not a span chooser"):
        sc.load(path)


@pytest.mark.parametrize("setting", ["no_such_model.json", 3])
def test_a_bad_setting_fails_before_any_work(setting, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(InputError, match="span_chooser|span chooser"):
        sc.resolve(setting)


def test_settings_resolve():
    assert sc.resolve(None) is None
    assert sc.resolve("shipped") is sc.shipped()
    assert sc.resolve(sc.shipped()) is sc.shipped()


@pytest.mark.parametrize(
    ("sentence", "source", "target"),
    [
        # a sector noun is the target, not the place (issue 9)
        ("Police arrested opposition supporters in Abuja.", "Police", "opposition supporters"),
        ("Russia attacked Ukraine on Friday.", "Russia", "Ukraine"),
        ("Indian police detained dozens of Kashmiri protesters.", "Indian police", "dozens of Kashmiri protesters"),
        ("Japan gave two million dollars to the Philippines.", "Japan", "the Philippines"),
        ("Israeli jets struck Hamas positions in Gaza.", "Israeli jets", "Hamas positions in Gaza"),
        ("The embassy was attacked by armed men.", "armed men", "The embassy"),
    ],
)
def test_shipped_chooser_keeps_the_conventions(chooser_coder, sentence, source, target):
    assert _spans(chooser_coder, sentence) == (source, target)


def test_one_phrase_is_not_both_sides(chooser_coder):
    sentence = "Eleven Turkish fishermen, held captive in Yemen for a month, have been freed by Yemeni forces."
    src, tgt = _spans(chooser_coder, sentence)
    assert src != tgt
    assert tgt == "Eleven Turkish fishermen"


def test_chooser_changes_spans_only(coder, chooser_coder):
    sentences = [
        "Police arrested opposition supporters in Abuja.",
        "The Dutch government has sent a team of inspectors into Belgium to investigate the militia.",
        "Norway has provided 6 million euros to support projects in Gaza.",
        "China and Russia held joint naval drills in the Baltic Sea.",
    ]
    rules = coder.code_sentence_events(sentences, partial=True)
    chosen = chooser_coder.code_sentence_events(sentences, partial=True)
    assert [[r.event for r in s] for s in rules] == [[r.event for r in s] for s in chosen]
    assert [[r.partial for r in s] for s in rules] == [[r.partial for r in s] for s in chosen]


def _example(coder, sentence: str, gold: dict[str, str | None]) -> sc.Example:
    """A training example of `sentence` with the rule coder's spans and hand-given gold phrases."""
    from detente.coding.context import Context

    (events,) = coder.code_sentence_events([sentence], partial=True)
    rule = (events[0].source_span, events[0].target_span) if events else (None, None)
    sdoc = coder.nlp(sentence)
    mentions = tuple((m.start, m.end) for m in Context.read(sentence, None).mentions)
    sent = sc.Sentence(sdoc, rule, mentions, coder.lemma)

    def is_gold(role: str, span) -> bool:
        want = gold[role]
        return want is None if span is None else sentence[span[0]:span[1]] == want

    return sc.Example(sent, tuple(sc.candidates(sdoc, rule)), is_gold)


def test_fit_learns_a_convention_from_examples(coder):
    """Gold that always marks the place ("in X") as the target, whatever the rules say: a
    model fit on such examples picks the place in a sentence it never saw."""
    pytest.importorskip("sklearn")
    train = [
        ("Soldiers detained farmers in Kenya.", "Soldiers", "Kenya"),
        ("Rebels kidnapped teachers in Mali.", "Rebels", "Mali"),
        ("Police beat students in Chile.", "Police", "Chile"),
        ("Militants abducted engineers in Niger.", "Militants", "Niger"),
        ("Guards arrested traders in Peru.", "Guards", "Peru"),
        ("Troops shot villagers in Sudan.", "Troops", "Sudan"),
    ]
    examples = [_example(coder, s, {"source": a, "target": b}) for s, a, b in train]
    model = sc.fit(examples, c=10.0)
    test = _example(coder, "Gunmen attacked miners in Ghana.", {"source": "Gunmen", "target": "Ghana"})
    src, tgt = model.choose(test.sentence)
    sentence = "Gunmen attacked miners in Ghana."
    assert (sentence[slice(*src)], sentence[slice(*tgt)]) == ("Gunmen", "Ghana")
    # and the fit is deterministic
    assert sc.fit(examples, c=10.0).to_json() == model.to_json()


def _conll(sentences: list[tuple[list[str], list[str]]]) -> str:
    return "\n\n".join("\n".join(f"{w} {t}" for w, t in zip(words, tags)) for words, tags in sentences) + "\n"


def test_code_eval_scores_the_chosen_spans(chooser_coder, tmp_path):
    """`detente code eval FILE.conll` (evaluate) scores the spans the default coder, with
    the shipped chooser, gives: all right on these hand-written sentences."""
    from detente.coding.evaluate import evaluate

    path = tmp_path / "gold.conll"
    path.write_text(_conll([
        ("Police arrested opposition supporters in Abuja .".split(), "B-S O B-T I-T O O O".split()),
        ("Russia attacked Ukraine on Friday .".split(), "B-S O B-T O O O".split()),
        ("Israeli jets struck Hamas positions in Gaza .".split(), "B-S I-S O B-T I-T I-T I-T O".split()),
    ]), encoding="utf-8")
    report = evaluate(path, chooser_coder)
    assert report.kind == "spans"
    assert report.headline == "exact_macro_f1"
    assert report.headline_value == pytest.approx(1.0)


def test_coder_refuses_a_missing_chooser_file_at_once(coder, tmp_path):
    from detente.coding import Coder

    with pytest.raises(InputError, match="no such file"):
        Coder(span_chooser=tmp_path / "missing.json")


def test_the_shipped_chooser_is_read_on_first_use(chooser_coder):
    chooser_coder.code_sentences(["Russia attacked Ukraine."])
    assert chooser_coder.span_chooser is sc.shipped()


def test_what_one_parse_shares_between_events_changes_no_choice(coder, chooser_coder):
    """`rechoose` works out a parse's phrases once for all its events (and both roles);
    each event's spans are those a chooser given that event alone picks."""
    from detente.coding.context import Context

    sentence = "Putin met Xi and Modi in Moscow, and Russia threatened Ukraine."
    (events,) = coder.code_sentence_events([sentence], partial=True)
    assert len(events) >= 3
    sdoc = coder.nlp(sentence)
    ctx = Context.read(sentence, None)
    chooser = sc.shipped()
    together = sc.rechoose(chooser, events, sdoc, ctx, coder.lemma)
    mentions = tuple((m.start, m.end) for m in ctx.mentions)
    for result, chosen in zip(events, together):
        rule = (result.source_span, result.target_span)
        alone = chooser.choose(sc.Sentence(coder.nlp(sentence), rule, mentions, coder.lemma, cameo=result.event.cameo[:2]))
        assert (chosen.source_span, chosen.target_span) == alone


def test_partial_spans_false_chooses_for_complete_events_only(coder, chooser_coder):
    """`partial_spans=False` (the CLI without --partial, which only counts partial events): the
    complete events' spans are the chooser's as always, the partial events come without spans."""
    sentences = [
        "Putin met Xi in Moscow, and the rebels attacked the convoy.",
        "The rebels attacked the convoy near the border.",
        "Norway has provided 6 million euros to support projects in Gaza.",
        "The weather was mild.",
    ]
    full = chooser_coder.code_sentence_events(sentences, partial=True)
    quick = list(chooser_coder.iter_sentence_events(sentences, partial=True, partial_spans=False))
    rules = coder.code_sentence_events(sentences, partial=True)
    assert any(r.partial for s in quick for r in s) and any(not r.partial for s in quick for r in s)
    for a, b, r in zip(full, quick, rules):
        assert [e.event for e in a] == [e.event for e in b] == [e.event for e in r]
        for x, y, z in zip(a, b, r):
            assert y == (replace(z, source_span=None, target_span=None) if y.partial else x)


_SENTENCES = [
    "Police arrested opposition supporters in Abuja.",
    "The Dutch government has sent a team of inspectors into Belgium to investigate the militia.",
    "Norway has provided 6 million euros to support projects in Gaza.",
    "China and Russia held joint naval drills in the Baltic Sea.",
    "Putin met Xi and Modi in Moscow, and Russia threatened Ukraine.",
    "Eleven Turkish fishermen, held captive in Yemen for a month, have been freed by Yemeni forces.",
    "The embassy was attacked by armed men on Sunday, officials said.",
    "Thousands of demonstrators marched on the parliament in Kyiv to demand the minister's resignation.",
    "Japan's prime minister urged North Korea to return the abducted citizens.",
    "",
]


def test_the_chooser_picks_what_scoring_every_option_picks(coder):
    """Bounds leave out of the sector and party look-ups only phrases that cannot be chosen:
    the pair is the one full scoring gives, for every event and for rule spans moved about."""
    from detente.coding.context import Context

    chooser = sc.shipped()
    checked = 0
    for sentence in _SENTENCES:
        (events,) = coder.code_sentence_events([sentence], partial=True) if sentence else ([],)
        mentions = tuple((m.start, m.end) for m in Context.read(sentence, None).mentions)
        phrases = sc.sentence_phrases(coder.nlp(sentence))
        rules = [(e.source_span, e.target_span) for e in events] + [(None, None)]
        rules += [(a, b) for a in phrases[:3] for b in phrases[:3]]  # rule spans the rules did not give, too
        for rule in rules:
            sdoc = coder.nlp(sentence)
            spans = sc.candidates(sdoc, rule)
            fast = chooser.choose(sc.Sentence(sdoc, rule, mentions, coder.lemma), spans)
            full = chooser.choose_scoring_all(sc.Sentence(coder.nlp(sentence), rule, mentions, coder.lemma), spans)
            assert fast == full, (sentence, rule)
            checked += 1
    assert checked > 50


def test_the_token_table_reads_what_spacy_gives(coder):
    for sentence in _SENTENCES:
        sdoc = coder.nlp(sentence)
        table = sc._Table.read(sdoc)
        assert list(table.tag) == [t.tag_ for t in sdoc]
        assert list(table.dep) == [t.dep_ for t in sdoc]
        assert list(table.lower) == [t.lower_ for t in sdoc]
        assert list(table.head) == [t.head.i for t in sdoc]
        assert [table.depth(i) for i in range(len(sdoc))] == [sum(1 for _ in t.ancestors) for t in sdoc]
        assert [table.ent(i) for i in range(len(sdoc))] == [t.ent_type_ for t in sdoc]
        sent = sc.Sentence(sdoc, (None, None), (), coder.lemma)
        for span in sc.sentence_phrases(sdoc) + [(0, 1), (0, len(sentence)), (3, 3)]:
            chars = sdoc.char_span(*span, alignment_mode="expand")
            want = (chars.start, chars.end, chars.root.i) if chars is not None and len(chars) else None
            assert sent.tokens(span) == want


def test_phrases_and_candidates_given_the_text_are_those_read_off_the_parse(coder):
    """`rechoose` reads the parse's text once and hands it on; what it gets is what each
    would read off the parse itself."""
    for sentence in _SENTENCES:
        sdoc = coder.nlp(sentence)
        text = sdoc.text
        phrases = sc.sentence_phrases(sdoc)
        assert sc.sentence_phrases(sdoc, text) == phrases
        for rule in [(None, None), *((a, b) for a in phrases[:2] for b in phrases[-2:])]:
            assert sc.candidates(sdoc, rule, phrases, text) == sc.candidates(sdoc, rule, phrases) == sc.candidates(sdoc, rule)
