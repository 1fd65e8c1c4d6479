"""benchmarks/coding_unnamed_sides.py: how it reads the shape of a side a sentence does not name, and the
latest earlier actor it checks a resolution against (hand-written sentences, none from a data file)."""

from __future__ import annotations

import json

import pytest


@pytest.fixture
def bench(load_benchmark):
    """The benchmark script as a module (benchmarks/ on the path, as when it runs)."""
    return load_benchmark("coding_unnamed_sides")


@pytest.mark.parametrize(
    ("phrase", "shape"),
    [
        ("It", "phrase: it"),
        ("they", "phrase: they"),
        ("The two sides", "phrase: pair"),
        ("the foreign ministry", "phrase: office"),
        ("The island nation", "phrase: description"),
        ("Asuncion", "other phrase"),
    ],
)
def test_the_phrase_the_coder_read_gives_the_shape(bench, phrase, shape) -> None:
    assert bench.shape_of_phrase(phrase) == shape


@pytest.mark.parametrize(
    ("sentence", "shape"),
    [
        ("It also recalled its envoy on Friday.", "opening It"),
        ("On Friday, officials said they would respond.", "pronoun inside"),
        ("Talks on the border resumed after their meeting.", "possessive inside"),
        ("Both countries signed a fisheries accord.", "pair"),
        ("The ministry summoned the envoy.", "office"),
        ("The kingdom protested on Monday.", "description"),
        ("Sanctions were imposed on Monday.", "absent"),
    ],
)
def test_a_sentence_without_such_a_phrase_gives_the_first_shape_that_applies(bench, sentence, shape) -> None:
    assert bench.shape_of_sentence(sentence) == shape


def test_the_latest_earlier_actor_skips_the_countries_the_sentence_names(bench) -> None:
    named = [bench.Named("CHN", False), bench.Named("USA", True), bench.Named("JPN", False)]
    assert bench._latest(named, {"JPN"}) == "USA"
    assert bench._latest(named, {"JPN"}, person=False) == "CHN"
    assert bench._latest(named, {"JPN"}, person=True) == "USA"
    assert bench._latest(named, {"CHN", "USA", "JPN"}) is None


@pytest.mark.nlp
def test_a_page_counts_the_missing_side_with_its_resolutions(bench, tmp_path) -> None:
    # a hand-written page: "It" in its second sentence is Chile, named in the first
    url = "https://example.org/page"
    records = [
        {"sentence": "Chile held an emergency cabinet meeting on Monday.", "date": "2024-03-04", "url": url,
         "events": []},
        {"sentence": "It demanded an apology from Peru.", "date": "2024-03-04", "url": url,
         "events": [{"source": "CHL", "target": "PER", "root": "10"}]},
    ]
    path = tmp_path / "page.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    from collections import Counter, defaultdict

    from detente.coding import Coder

    rows: dict[str, Counter] = defaultdict(Counter)
    files: dict[str, set] = defaultdict(set)
    lines: list[str] = []
    bench.measure(path, Coder(pair_model=None), rows, files, lines)
    sides = [line.split("\t") for line in lines if line.split("\t")[0].endswith(":2")]
    assert [(s[1], s[2], s[3], s[4]) for s in sides] == [("source", "CHL", "PER", "10")]  # "It": not named there
    (chile,) = sides
    assert chile[5] in ("opening It", "phrase: it")
    assert chile[8:12] == ["1", "1", "0", "1"]  # named before; the latest actor, no person, the latest non-person
    assert sum(row["sides"] for row in rows.values()) == 1
