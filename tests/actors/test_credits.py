"""News agency credits are no sides (detente.actors.credits)."""

from __future__ import annotations

from datetime import date

from detente.actors import get_registry
from detente.actors.credits import drop_credits, is_media
from detente.actors.entities import Mention

ON = date(2023, 3, 1)


def codes(text: str) -> list[tuple[str, str]]:
    return [(m.text, m.code) for m in get_registry().find_mentions(text, on=ON)]


def test_a_dateline_credit_is_no_side() -> None:
    assert codes("LIMA (Reuters) - Peru recalled its envoy from Mexico.") == [("Peru", "PER"), ("Mexico", "MEX")]
    assert codes("SEOUL (AFP/Reuters) - South Korea protested to Japan.") == [("South Korea", "KOR"), ("Japan", "JPN")]


def test_a_medium_in_the_sentence_stays() -> None:
    assert ("Reuters", "GBRMED") in codes("Moscow expelled two Reuters reporters.")
    assert ("BBC", "GBRMED") in codes("Russia blocked the BBC (a British broadcaster) on Friday.")


def test_glosses_of_other_actors_stay() -> None:
    assert codes("The United Nations (UN) met Iran.") == [("United Nations", "UNO"), ("UN", "UNO"), ("Iran", "IRN")]


def test_only_media_inside_the_parenthesis_make_a_credit() -> None:
    text = "(Reuters and Iran) ..."
    mentions = [Mention(1, 8, "Reuters", "GBRMED", "metonym"), Mention(13, 17, "Iran", "IRN", "name")]
    assert drop_credits(text, mentions) == mentions
    assert is_media("GBRMED") and not is_media("GBRGOV") and not is_media("GBR")
