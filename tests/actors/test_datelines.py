"""A dateline's place is no side (detente.actors.datelines)."""

from __future__ import annotations

from datetime import date

from detente.actors import get_registry
from detente.actors.datelines import drop_dateline_place
from detente.actors.entities import Mention


def codes(text: str) -> list[tuple[str, str]]:
    return [(m.text, m.code) for m in get_registry().find_mentions(text, on=date(2021, 3, 1))]


def test_the_place_of_a_dateline_is_dropped() -> None:
    assert codes("Canberra (AAP) - Fiji and Tonga signed a fisheries accord.") == [("Fiji", "FJI"), ("Tonga", "TON")]
    assert codes("Nairobi, May 2 (KNA)--Uganda recalled its envoy from Rwanda.") == [("Uganda", "UGA"), ("Rwanda", "RWA")]
    assert ("Ottawa", "CAN") not in codes("Ottawa (CP) – Chile protested to Peru.")


def test_a_capital_as_the_subject_stays() -> None:
    assert codes("Canberra said on Friday (local time) it would protest to Beijing.") == [("Canberra", "AUS"), ("Beijing", "CHN")]
    assert ("Canberra", "AUS") in codes("Talks in Canberra (the first since 2019) - and in Wellington - went well.")


def test_only_the_opening_place_is_dropped() -> None:
    text = "Hanoi (VNA) - Hanoi and Manila agreed."
    mentions = [Mention(0, 5, "Hanoi", "VNM", "metonym"), Mention(14, 19, "Hanoi", "VNM", "metonym"),
                Mention(24, 30, "Manila", "PHL", "metonym")]
    assert drop_dateline_place(text, mentions) == mentions[1:]


def test_the_state_after_an_all_capital_dateline_city_is_dropped_with_or_without_a_dash() -> None:
    assert codes("LIMA, Peru President Sagasti's talks with Chile ended.") == [("Sagasti", "PERGOV"), ("Chile", "CHL")]
    assert codes("QUITO, Ecuador—Colombia recalled its envoy.") == [("Colombia", "COL")]  # a dash the wire pattern misses
    # a full wire dateline is the coder's to blank before parsing (dateline_end): its mentions stay as they were
    assert codes("QUITO, Ecuador — Colombia recalled its envoy.") == [("Ecuador", "ECU"), ("Colombia", "COL")]


def test_a_possessive_or_a_name_opening_the_text_is_no_dateline_state() -> None:
    assert codes("LIMA, Peru's foreign ministry protested to Chile.") == [("Peru's foreign ministry", "PERGOV"),
                                                                          ("Chile", "CHL")]
    assert codes("NATO, Russia and Chile met.") == [("NATO", "NATO"), ("Russia", "RUS"), ("Chile", "CHL")]


def test_a_wire_credit_after_a_dateline_of_several_parts_is_blanked_not_a_side() -> None:
    from detente.actors.datelines import dateline_end

    text = "DURBAN, South Africa, March 9 (AFP) - Ghana and Togo signed a border accord."
    assert text[:dateline_end(text)] == "DURBAN, South Africa, March 9 (AFP) - "
    text = "PUSAN, South Korea, Oct. 2, 2023 (Yonhap) -- Chile protested to Peru."
    assert text[:dateline_end(text)].endswith("(Yonhap) -- ")
    # a text whose first words are no place list, or whose parentheses hold no credit, has no dateline
    assert dateline_end("Ghana, Togo (and Benin) - all three signed.") == 0
    assert dateline_end("Ghana said on Friday (local time) - it would sign.") == 0


def test_the_credit_of_a_dateline_is_no_mention_but_a_credit_elsewhere_is() -> None:
    # the credit names who filed the story (the registry reads "Xinhua" as Chinese media): no side of it
    assert codes("DURBAN, South Africa, March 9 (Xinhua) - Ghana and Togo signed an accord.") == [
        ("Ghana", "GHA"), ("Togo", "TGO")]
    assert ("Xinhua", "CHNMED") in codes("Ghana's president told Xinhua (the state agency) - in Accra - he would sign.")


def test_a_wire_dateline_with_a_comma_before_its_credit_is_blanked() -> None:
    """"LIMA, (Reuters) – Peru and Chile ...": the comma some wires keep before the credit (session 25, misses25)."""
    from detente.actors.datelines import dateline_end

    text = "LIMA, (Reuters) – Peru and Chile recalled their ambassadors yesterday."
    assert text[:dateline_end(text)] == "LIMA, (Reuters) – "
    assert dateline_end("NATO, (and Chile) met.") == 0  # no dash after the parentheses: no dateline
