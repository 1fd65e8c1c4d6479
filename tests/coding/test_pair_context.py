"""Context pairs (detente.coding.pair_context): a side named only earlier on the page becomes a candidate of
the pair model, marked and described; a page of one country gives none; a model without them reads as before."""

from __future__ import annotations

from datetime import date

import numpy as np
import pytest

from detente.coding import pair_context as pc
from detente.coding import pair_encoder as pe
from detente.coding import pair_model as pm
from detente.errors import ModelError

DAY = date(2024, 5, 1)
PAGE = ["Russia and China signed a trade deal on Monday.", "It later expelled two Japanese diplomats."]
ONE_COUNTRY = ["Russia held a parade in Moscow on Thursday.", "It later expelled two Russian journalists."]


class _PageRecorder:
    """Stands in for the model in the coder's hook: keeps each page sentence's candidates with context pairs."""

    def __init__(self, k: int = 3) -> None:
        self.k = k
        self.seen: list[list[pm.Candidate]] = []

    def revise_sentence(self, results, sdoc, text, ctx, lemma, when):  # pragma: no cover - pages only
        raise AssertionError("a page is revised at once")

    def revise_sentences(self, sentences, lemma, when, *, page=False):
        assert page
        self.seen = pc.page_candidates(sentences, lemma, when, None, self.k)
        return [list(s[0]) for s in sentences]


@pytest.fixture(scope="module")
def page_coder(coder):
    from detente.coding import Coder

    recorder = _PageRecorder()
    return Coder(span_chooser=None, pair_model=recorder, n_process=1), recorder


def _context(cands: list[pm.Candidate]) -> dict[tuple[str, str], pm.Candidate]:
    return {c.key: c for c in cands if pc.is_context(c)}


def test_a_side_named_only_in_the_previous_sentence_is_a_marked_candidate(page_coder):
    coder, recorder = page_coder
    coder.code_article_events(PAGE, DAY)
    first, second = recorder.seen
    assert not _context(first)  # nothing named before the first sentence
    found = _context(second)
    assert set(found) == {("CHN", "JPN"), ("JPN", "CHN"), ("RUS", "JPN"), ("JPN", "RUS")}
    chn = found["CHN", "JPN"]
    assert chn.source.code == "CHN" and chn.source.fallback and chn.source_span is None  # no span in the sentence
    assert chn.target.code == "JPNGOV" and PAGE[1][slice(*chn.target_span)] == "Japanese diplomats"
    assert chn.rule_events == () and pm.addable(chn)
    names = set(chn.features)
    assert {"ctx", "ctx_side:a", "ctx_rank:1", "ctx_gap:pronoun:it", "ctx_named:obj", "ctx_prev_side"} <= names
    assert "ctx_rank:2" in found["RUS", "JPN"].features  # China was named after Russia: the latest is rank 1
    assert "ctx_side:b" in found["JPN", "CHN"].features
    assert list(chn.features) == sorted(names)
    assert not any(pc.is_context(c) for c in pm.pair_candidates([], *_parse(coder, PAGE[1])))  # the sentence's own


def _parse(coder, text):
    from detente.coding.context import Context

    return coder.nlp(text), text, Context.read(text, DAY), coder.lemma, DAY


def test_a_page_of_one_country_gives_no_context_candidate(page_coder):
    coder, recorder = page_coder
    coder.code_article_events(ONE_COUNTRY, DAY)
    assert [c for cands in recorder.seen for c in cands if pc.is_context(c)] == []


def test_k_bounds_the_page_actors_and_a_named_country_is_never_one():
    from detente.coding.context import Actor

    def actor(code):
        return Actor(code, 0, 3, code)

    earlier = [([actor("USA"), actor("CHN")], (("USA", "CHN", "05"),)), ([actor("GBR"), actor("USA")], ())]
    page = pc.page_actors(earlier)
    assert [(p.country, p.rank, p.previous_side) for p in page] == [("USA", 1, False), ("GBR", 2, False),
                                                                       ("CHN", 3, False)]
    view = pc.View((pc.Named("USA", actor("USA"), (0, 3), 0, "subj", "nsubj", ()),), (), "named", False, "04", ())
    got = pc.context_candidates(view, page, 1)  # USA is named: the one page country left is GBR
    assert {c.key for c in got} == {("GBR", "USA"), ("USA", "GBR")}
    assert pc.context_candidates(view, page, 0) == []
    assert all(p.previous_side for p in pc.page_actors(earlier[:1]))  # the previous sentence: the one read last
    assert [p.previous_side for p in pc.page_actors([*earlier[1:], earlier[0]])] == [True, True, False]


def _provenance() -> dict:
    meta = pe.shipped("static").meta
    return {"static_table": meta["static_table"], "encoder": meta["encoder"]}


def _static_model(meta: dict, event: dict[str, float], t_add: float = 0.3) -> pe.EncoderPairModel:
    from detente.coding import static_vectors as sv

    n = len(pe.SOURCES["static"]) * sv.shipped().dim
    return pe.EncoderPairModel(event, -4.0, {"16": {"ctx_class:16": 3.0}, "04": {}}, {"16": 0.0, "04": 0.0}, t_add,
                               1.01, meta, event_dense=np.zeros(n, np.float32),
                               root_dense={"04": np.zeros(n, np.float32), "16": np.zeros(n, np.float32)},
                               source="static")


def test_a_model_with_context_pairs_adds_an_event_with_a_side_from_the_page(coder, tmp_path):
    from detente.coding import Coder

    weights = {"ctx_gap:pronoun:it|side:a": 4.0, "ctx_rank:1": 2.0, "ctx_class:16": 2.0}
    model = _static_model({"context_pairs": 2, **_provenance()}, weights, t_add=0.9)  # the latest, as the subject
    model.save(tmp_path / "ctx.npz")
    loaded = pe.load(tmp_path / "ctx.npz")
    assert loaded.context_pairs == 2
    found = Coder(span_chooser=None, pair_model=loaded, n_process=1).code_article_events(PAGE, DAY)
    added = [r for r in found[1] if r.event.note and "pair model" in r.event.note]
    assert [(r.event.source, r.event.target, r.event.root) for r in added] == [("CHN", "JPNGOV", "16")]
    assert added[0].source_span is None and added[0].event.source_name == "China"
    alone = Coder(span_chooser=None, pair_model=loaded, n_process=1).code_sentence_events([PAGE[1]])
    assert not any(r.event.note and "pair model" in r.event.note for r in alone[0])  # no page: no context pair


def test_a_model_file_without_context_pairs_reads_the_sentence_alone(coder):
    from detente.coding import Coder

    shipped = pe.shipped("static")
    assert shipped.context_pairs == 0 and "context_pairs" not in shipped.meta
    weights = {"ctx_gap:pronoun:it|side:a": 4.0, "ctx_rank:1": 2.0, "ctx_class:16": 2.0}
    old = _static_model(_provenance(), weights, t_add=0.9)  # the same weights, no context pairs
    found = Coder(span_chooser=None, pair_model=old, n_process=1).code_article_events(PAGE, DAY)
    assert not any(r.event.note and "pair model" in r.event.note for r in found[1])
    plain = pm.PairModel({}, 0.0, {}, {}, 0.5, 1.01, {"context_pairs": 2})
    with pytest.raises(ModelError, match="context pairs"):
        plain.revise_sentence([], None, "", None, None, None)
