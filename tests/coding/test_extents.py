"""How far a side's phrase reaches (detente.coding.extents): brackets, full stops, and
names and clauses a parse got wrong, on hand-written text and hand-written parses."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "span", "expected"),
    [
        ("the Union (EAEU) met", (0, 15), "the Union (EAEU)"),  # an unclosed bracket is closed
        ("the Union (EAEU) met", (0, 9), "the Union (EAEU)"),  # an abbreviation right after joins
        ("the Union (a bloc) met", (0, 9), "the Union"),  # not an abbreviation
        ("the Union met", None, None),
    ],
)
def test_closed_brackets(text, span, expected):
    from detente.coding.extents import closed_brackets

    got = closed_brackets(text, span)
    assert (text[slice(*got)] if got else None) == expected


@pytest.mark.parametrize(
    ("text", "span", "expected"),
    [
        ("Kenya signed a deal with the U.K.", (25, 33), "the U.K"),  # the full stop fused with "K."
        ("Kenya met U.N. envoys.", (10, 21), "U.N. envoys"),  # the span stops before the full stop anyway
        ("The U.N. met.", (0, 8), "The U.N."),  # not at the end: the abbreviation keeps its dot
    ],
)
def test_tidy_leaves_the_full_stop_out(text, span, expected):
    from detente.coding.extents import tidy

    got = tidy(text, span)
    assert text[slice(*got)] == expected


def test_source_phrase_ends_before_a_misparsed_clause_and_a_dangling_and(hand_parse):
    """A parse that hangs the main verb on the subject ("Putin called Macron ... and
    urged him", read as a clause on "Putin"): the source is the name alone."""
    from detente.coding import extents

    doc = hand_parse(["Putin", "called", "Macron", "and", "urged", "him", "."], [4, 0, 1, 0, 4, 4, 4],
                      ["nsubj", "acl", "oprd", "cc", "ROOT", "dobj", "punct"], ["NNP", "VBN", "NNP", "CC", "VBD", "PRP", "."])
    assert doc.text[slice(*extents.full_span(doc[0]))] == "Putin"


def test_source_spans_a_name_the_parse_broke(hand_parse):
    """Pieces of a name hung on the verb beside the subject belong to the source."""
    from detente.coding import extents

    # "Hezb - e - Islami threatened Kabul .": "e" and the hyphens hang on the verb
    doc = hand_parse(["Hezb", "-", "e", "-", "Islami", "threatened", "Kabul", "."],
                      [2, 2, 5, 5, 5, 5, 5, 5], ["compound", "punct", "dep", "punct", "nsubj", "ROOT", "dobj", "punct"],
                      ["NNP", "HYPH", "NNP", "HYPH", "NNP", "VBD", "NNP", "."])
    assert doc.text[slice(*extents.full_span(doc[4]))] == "Hezb - e - Islami"
    # "The rebel Free Syrian Army threatened Damascus .": two subjects side by side
    doc = hand_parse(["The", "rebel", "Free", "Syrian", "Army", "threatened", "Damascus", "."],
                      [1, 5, 4, 4, 5, 5, 5, 5], ["det", "nsubj", "compound", "compound", "nsubj", "ROOT", "dobj", "punct"],
                      ["DT", "NN", "NNP", "NNP", "NNP", "VBD", "NNP", "."])
    assert doc.text[slice(*extents.full_span(doc[1]))] == "The rebel Free Syrian Army"
    # a day beside the subject is when, not who
    doc = hand_parse(["Monday", "Putin", "threatened", "Kyiv", "."], [2, 2, 2, 2, 2],
                      ["npadvmod", "nsubj", "ROOT", "dobj", "punct"], ["NNP", "NNP", "VBD", "NNP", "."])
    assert doc.text[slice(*extents.full_span(doc[1]))] == "Putin"



def test_spans_drawn_once_per_parse_keep_their_arguments_apart(hand_parse):
    """The spans a parse has drawn are kept with it (the rules and the span chooser ask
    for the same phrases): asked again they are the same, and a span drawn with other
    arguments (conjuncts, a cut preposition) or on another parse is drawn afresh."""
    from detente.coding import extents

    heads, deps = [3, 0, 0, 3, 5, 3, 5, 6, 3], ["nsubj", "cc", "conj", "ROOT", "det", "dobj", "prep", "pobj", "punct"]
    tags = ["NNP", "CC", "NNP", "VBD", "DT", "NNS", "IN", "NNP", "."]
    doc = hand_parse(["China", "and", "Russia", "criticised", "the", "sanctions", "in", "Iran", "."], heads, deps, tags)
    text = doc.text
    for _ in range(2):
        assert text[slice(*extents.full_span(doc[0]))] == "China and Russia"
        assert text[slice(*extents.full_span(doc[0], conjuncts=False))] == "China"
        assert text[slice(*extents.phrase_span(doc[5]))] == "the sanctions in Iran"
        assert text[slice(*extents.phrase_span(doc[5], frozenset({"in"})))] == "the sanctions"
    other = hand_parse(["Japan", "and", "Korea", "criticised", "the", "tariffs", "on", "Peru", "."], heads, deps, tags)
    assert other.text[slice(*extents.full_span(other[0]))] == "Japan and Korea"
    assert other.text[slice(*extents.phrase_span(other[5]))] == "the tariffs"


def test_a_name_ends_before_where_and_when(hand_parse):
    """A person or place named by name ends before an "in"/"at"/"near" phrase hung on it: that says
    where the act was ("met Xi Jinping in Moscow"); a common noun or a name with an article keeps its
    place, which tells which ones ("rebels in Mali", "the Embassy in Athens")."""
    from detente.coding import extents

    words = ["Putin", "met", "Xi", "Jinping", "in", "Moscow", "."]
    doc = hand_parse(words, [1, 1, 3, 1, 3, 4, 1], ["nsubj", "ROOT", "compound", "dobj", "prep", "pobj", "punct"],
                     ["NNP", "VBD", "NNP", "NNP", "IN", "NNP", "."])
    assert doc.text[slice(*extents.phrase_span(doc[3]))] == "Xi Jinping"
    doc = hand_parse(["Oman", "sent", "aid", "to", "Fiji", "near", "Suva", "."], [1, 1, 1, 1, 3, 4, 5, 1],
                     ["nsubj", "ROOT", "dobj", "prep", "pobj", "prep", "pobj", "punct"],
                     ["NNP", "VBD", "NN", "IN", "NNP", "IN", "NNP", "."])
    assert doc.text[slice(*extents.phrase_span(doc[4]))] == "Fiji"
    doc = hand_parse(["Chad", "attacked", "rebels", "in", "Mali", "."], [1, 1, 1, 2, 3, 1],
                     ["nsubj", "ROOT", "dobj", "prep", "pobj", "punct"], ["NNP", "VBD", "NNS", "IN", "NNP", "."])
    assert doc.text[slice(*extents.phrase_span(doc[2]))] == "rebels in Mali"
    doc = hand_parse(["Iran", "attacked", "the", "Embassy", "in", "Athens", "."], [1, 1, 3, 1, 3, 4, 1],
                     ["nsubj", "ROOT", "det", "dobj", "prep", "pobj", "punct"], ["NNP", "VBD", "DT", "NNP", "IN", "NNP", "."])
    assert doc.text[slice(*extents.phrase_span(doc[3]))] == "the Embassy in Athens"
    doc = hand_parse(["Mali", "attacked", "Army", "Command", "in", "Gao", "."], [1, 1, 3, 1, 3, 4, 1],
                     ["nsubj", "ROOT", "compound", "dobj", "prep", "pobj", "punct"], ["NNP", "VBD", "NNP", "NNP", "IN", "NNP", "."])
    assert doc.text[slice(*extents.phrase_span(doc[3]))] == "Army Command in Gao"  # an organisation's name


def test_a_phrase_ends_before_an_in_phrase_of_cause_or_manner(hand_parse):
    """ "in response to", "in exchange for", "in a statement" say why or how, never who: even a common
    noun's phrase ends before them."""
    from detente.coding import extents

    words = ["Peru", "cut", "tariffs", "on", "grain", "traders", "in", "exchange", "for", "visas", "."]
    doc = hand_parse(words, [1, 1, 1, 2, 5, 3, 5, 6, 7, 8, 1],
                     ["nsubj", "ROOT", "dobj", "prep", "compound", "pobj", "prep", "pobj", "prep", "pobj", "punct"],
                     ["NNP", "VBD", "NNS", "IN", "NN", "NNS", "IN", "NN", "IN", "NNS", "."])
    assert doc.text[slice(*extents.phrase_span(doc[5]))] == "grain traders"


@pytest.mark.parametrize(
    ("sentence", "target"),
    [
        ("Putin met Xi Jinping in Moscow.", "Xi Jinping"),
        ("Putin met Xi Jinping in Moscow on Tuesday.", "Xi Jinping"),
        ("Erdogan will meet Italian President Sergio Mattarella in Rome next week.", "Italian President Sergio Mattarella"),
    ],
)
def test_sentence_mode_target_span_leaves_the_place_out(coder, sentence, target):
    """The user's path: `detente code --sentences` reports the target's span without where they met."""
    result = coder.code_sentences([sentence])[0]
    assert result is not None and result.target_span is not None
    assert sentence[slice(*result.target_span)] == target


def test_phrase_edges_kept_with_the_parse_are_the_ones_drawn_afresh(coder):
    """A phrase's left edge without leading time words and its end without a tail are kept with
    the parse (:func:`extents._memo`: the target rules' and both source rules' phrases of a head
    ask for the same edges): for every token and every end the phrases may have, first asked and
    asked again, they are what the unkept functions draw."""
    from detente.coding import extents

    texts = ["On Monday Russian troops in the region, which had been shelled last week, left the town.",
             "Hours earlier Maduro, the president of Venezuela, met a unit of the company that was accused of fraud.",
             "Officials said 17 July 2017 Russia's Supreme Court banned the group on Sunday."]
    left_out = cut = 0
    for doc in coder.nlp.pipe(texts):
        for _ in range(2):
            for tok in doc:
                assert extents._left_without_time(tok) == extents._left_without_time_of(tok)
                for right in range(tok.i, tok.right_edge.i + 1):
                    assert extents._without_tail(tok, right) == extents._without_tail_of(tok, right)
        left_out += sum(extents._left_without_time(tok) > tok.left_edge.i for tok in doc)  # a time phrase left out
        cut += sum(extents._without_tail(tok, right) < right for tok in doc for right in range(tok.i, tok.right_edge.i + 1))
        assert any(key[0] in ("left", "tail") for key in doc.user_data[extents._MEMO_KEY])
    assert left_out and cut
