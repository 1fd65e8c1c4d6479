"""The on-demand lemmatizer of :mod:`detente.coding.nlp` (spaCy's English rule tables)."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def lem():
    pytest.importorskip("spacy")
    from detente.coding import nlp as nlp_mod
    from detente.errors import MissingDependencyError

    try:
        return nlp_mod.lemmatizer(nlp_mod.load())
    except MissingDependencyError as exc:  # pragma: no cover - depends on the environment
        pytest.skip(str(exc))


@pytest.mark.parametrize(
    ("word", "tag", "lemma"),
    [
        ("sanctioned", "VBD", "sanction"),
        ("imposed", "VBN", "impose"),
        ("went", "VBD", "go"),
        ("stormed", "VBD", "storm"),
        ("Talks", "NNS", "talks"),  # in the noun index as such: not "talk"
        ("sanctions", "NNS", "sanction"),
        ("criticising", "VBG", "criticise"),
        ("Kremlin", "NNP", "kremlin"),  # proper nouns are left as they are (lower case)
    ],
)
def test_lemmas(lem, word, tag, lemma):
    assert lem(word, tag) == lemma


def test_lookup_tables_are_hashed_once(lem):
    # membership tests on a new word must not scan lists (about 1 ms a word before)
    assert all(isinstance(index, frozenset) for index in lem._index.values())
    assert len(lem._index["noun"]) > 10_000
    assert lem("unheardofwords", "NNS") == "unheardofwords"  # unknown words are left as they are


def test_token_lemma_reads_by_string_ids_what_the_lemmatizer_gives_by_text_and_tag(lem):
    """The fast path of :func:`token_lemma` (a cache keyed by the token's orth and tag ids)
    gives, token by token, what the lemmatizer gives for the token's text and fine tag,
    on a first read and on a cached one, for tokens of several parses."""
    from detente.coding import nlp as nlp_mod

    nlp = nlp_mod.load()
    lemma_of = nlp_mod.token_lemma(nlp)
    texts = ["Russia's troops stormed the villages and shelled the Ukrainian positions.",
             "The talks went on; officials said they were criticising the sanctions imposed on Iran.",
             "Talks between the ministers were held in Geneva as troops left."]
    tokens = [tok for doc in nlp.pipe(texts) for tok in doc]
    first = [lemma_of(tok) for tok in tokens]
    again = [lemma_of(tok) for tok in tokens]
    want = [lem(tok.text, tok.tag_) for tok in tokens]
    assert first == want and again == want
    assert {"stormed", "went", "talks"} & {tok.lower_ for tok in tokens} and "storm" in want and "go" in want
    # every token's (orth, tag) pair is cached with its own lemma (the tag is part of the key)
    assert all(lem._by_ids[tok.orth, tok.tag] == lem(tok.text, tok.tag_) for tok in tokens)


def _fresh(code: str) -> str:
    """Run `code` in a fresh interpreter (spaCy not yet imported) and return what it prints."""
    import subprocess
    import sys
    import textwrap

    out = subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    return out.stdout.strip()


def test_spacy_is_imported_without_its_command_line(lem):
    printed = _fresh("""
        import sys
        from detente.coding import nlp
        doc = nlp.load()("Russia attacked Ukraine.")
        print([t.tag_ for t in doc], sorted(m for m in ("spacy.cli", "weasel", "httpx", "requests") if m in sys.modules))
    """)
    assert printed == "['NNP', 'VBD', 'NNP', '.'] []"


def test_spacy_command_line_and_info_still_work_afterwards(lem):
    printed = _fresh("""
        from detente.coding import nlp
        spacy = nlp.import_spacy()
        import spacy.cli  # the real command line, imported when asked for
        from spacy.cli.info import info as real_info
        print(spacy.cli.info is real_info, spacy.info(silent=True)["spacy_version"] == spacy.__version__)
    """)
    assert printed == "True True"


def test_a_spacy_that_wants_more_of_its_command_line_is_imported_as_usual(lem):
    printed = _fresh("""
        import sys
        from detente.coding import nlp
        nlp._STAND_IN.clear()  # the stand-in offers nothing: spaCy's `from .cli.info import info` fails
        spacy = nlp.import_spacy()
        doc = nlp.load()("Russia attacked Ukraine.")
        print(doc[1].tag_, "spacy.cli" in sys.modules, sys.modules["spacy"] is spacy, callable(spacy.info))
    """)
    assert printed == "VBD True True True"


def test_few_collections_raises_the_young_threshold_inside_and_restores_it():
    import gc

    from detente.coding.nlp import few_collections

    before = gc.get_threshold()
    with few_collections(50_000):
        assert gc.get_threshold() == (max(50_000, before[0]), *before[1:])
        with few_collections(10):  # nested: never lower than the block outside
            assert gc.get_threshold()[0] == max(50_000, before[0])
        assert gc.get_threshold()[0] == max(50_000, before[0])
    assert gc.get_threshold() == before
    with pytest.raises(ValueError, match="boom"), few_collections():
        raise ValueError("boom")
    assert gc.get_threshold() == before  # restored on an error too


def test_a_process_that_loaded_spacy_freezes_its_objects_at_exit(lem):
    import subprocess
    import sys

    # an exit handler registered before loading runs after the coder's own (last in, first out)
    code = ("import atexit, gc\n"
            "atexit.register(lambda: print('frozen at exit:', gc.get_freeze_count() > 0))\n"
            "from detente.coding import nlp\n"
            "nlp.load()\n"
            "print('frozen before exit:', gc.get_freeze_count() > 0)\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=300).stdout
    assert out.split("\n")[:2] == ["frozen before exit: False", "frozen at exit: True"]


def test_the_attribute_ruler_left_unloaded_gives_the_parses_it_gave_loaded_and_disabled(lem):
    """Not loading the attribute ruler (it never ran) changes no parse: every token's tag,
    part of speech, dependency, head, lemma slot and sentence start are those of the pipeline
    loaded with it and then disabled, as before."""
    from detente.coding import nlp as nlp_mod

    nlp = nlp_mod.load()
    assert "attribute_ruler" not in nlp.component_names and "lemmatizer" in nlp.disabled
    old = nlp_mod.import_spacy().load(nlp.meta["detente_model"], exclude=["ner", "senter"])
    for pipe in ("attribute_ruler", "lemmatizer"):
        old.disable_pipe(pipe)
    texts = ["Russia's troops stormed the villages and shelled the Ukrainian positions on Monday.",
             "The U.S. didn't rule out sanctions; officials said they'd meet in Geneva.",
             "Iran's foreign minister, Hossein Amir-Abdollahian, phoned his Saudi counterpart. He called for talks."]

    def read(doc):
        return [(t.text, t.tag_, t.pos_, t.dep_, t.head.i, t.lemma_, t.is_sent_start, t.idx) for t in doc]

    assert [read(d) for d in nlp.pipe(texts)] == [read(d) for d in old.pipe(texts)]


def test_the_tokenizer_made_empty_then_read_from_the_package_is_spacys_own(lem):
    """:func:`_load_package` skips building the English defaults' tokenizer, which the
    package's stored one replaces: rules, affix, token and URL patterns are those of the
    pipeline as spaCy loads it, and so are the tokens and parses of hand-written text with
    special cases, abbreviations, URLs, hyphens and quotes."""
    from detente.coding import nlp as nlp_mod

    nlp = nlp_mod.load()
    plain = nlp_mod.import_spacy().load(nlp.meta["detente_model"], exclude=list(nlp_mod.EXCLUDED_COMPONENTS))
    plain.disable_pipe("lemmatizer")
    ours, theirs = nlp.tokenizer, plain.tokenizer
    assert type(ours) is type(theirs) and ours.rules == theirs.rules and len(ours.rules) > 1000
    for attr in ("prefix_search", "suffix_search", "infix_finditer", "token_match", "url_match"):
        mine, spacys = getattr(ours, attr), getattr(theirs, attr)
        assert (mine is None) == (spacys is None), attr
        if mine is not None:
            assert mine.__self__.pattern == spacys.__self__.pattern, attr
    assert ours.faster_heuristics == theirs.faster_heuristics
    texts = ["The U.S. didn't say at 10 a.m. (local time) whether it'd join; see https://example.org/a?b=1.",
             "Mr. Smith's e-mail, smith@example.com, reached the U.N.-backed talks in St. Petersburg on Jan. 5th.",
             "\u201cWe won't,\u201d said Iran's Foreign Minister -- adding: \u2018never\u2019 ... 3.5% or $1,200bn?!"]

    def read(doc):
        return [(t.text, t.whitespace_, t.tag_, t.dep_, t.head.i) for t in doc]

    assert [read(d) for d in nlp.pipe(texts)] == [read(d) for d in plain.pipe(texts)]


def test_entry_points_by_group_gives_catalogue_each_groups_entry_points_as_before_and_restores_them(lem):
    """:func:`entry_points_by_group` hands catalogue its entry points grouped in a dictionary while the
    pipeline loads: every group's entry points are those (same names, values, order) its own
    selection gives outside the block, a registry reads the same through either form, and the
    original object is back afterwards, also after an error."""
    import catalogue

    from detente.coding import nlp as nlp_mod

    before = catalogue.AVAILABLE_ENTRY_POINTS
    groups = {ep.group for ep in before.select()} if not isinstance(before, dict) else set(dict.keys(before))
    assert groups
    registry = catalogue.create("detente_test_ep", entry_points=True)
    outside = {g: [(ep.name, ep.value) for ep in before.select(group=g)] for g in groups}
    outside_registry = registry._get_entry_points()
    with nlp_mod.entry_points_by_group():
        inside = catalogue.AVAILABLE_ENTRY_POINTS
        assert isinstance(inside, dict) and inside is not before
        assert {g: [(ep.name, ep.value) for ep in inside.get(g, [])] for g in groups} == outside
        assert list(registry._get_entry_points()) == list(outside_registry)
    assert catalogue.AVAILABLE_ENTRY_POINTS is before
    with pytest.raises(RuntimeError), nlp_mod.entry_points_by_group():
        raise RuntimeError("fails while loading")
    assert catalogue.AVAILABLE_ENTRY_POINTS is before
