"""Interceptions (coding/interception.py): the projectiles' launcher attacks the interceptor, never the other
way round. Hand-written sentences."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.nlp


@pytest.mark.parametrize(
    ("sentence", "expected", "unexpected"),
    [
        # a projectile fired from X and stopped by Y: X's attack on Y; stopping it is no attack of Y's
        ("Saudi forces intercepted a missile fired from Yemen.", ("YEM", "SAU", "190"), ("SAU", "YEM", "190")),
        ("Ukrainian air defences shot down 40 drones launched from Russia overnight.",
         ("RUS", "UKR", "190"), ("UKR", "RUS", "190")),
        # the projectiles' owner named on them (a modifier, a possessor, the participle's agent) attacks the
        # interceptor; the interceptor is not the attacker
        ("Qatari air defences intercepted Iranian missiles on Monday.", ("IRN", "QAT", "190"), ("QAT", "IRN", "190")),
        ("Kuwait shot down four of the six Iraqi missiles.", ("IRQ", "KWT", "190"), ("KWT", "IRQ", "190")),
        ("Omani forces intercepted three drones launched by Iran.", ("IRN", "OMN", "190"), ("OMN", "IRN", "190")),
        # a second verb on the same projectiles is the same defence
        ("Lebanese air defences intercepted Syrian missiles and shot down some of them, the army said.",
         ("SYR", "LBN", "190"), ("LBN", "SYR", "190")),
        # force used in a place is used against it
        ("Israeli forces carried out airstrikes early on Thursday in the Gaza Strip.", ("ISR", "PSE", "190"), None),
    ],
)
def test_interceptions_and_force_in_a_place(cameo_triples, sentence, expected, unexpected):
    got = cameo_triples(sentence)
    assert expected in got and unexpected not in got


@pytest.mark.parametrize("sentence", [
    "Qatar could intercept Iranian missiles.",  # unreal: no attack
    "The Kenyan army destroyed Somali tanks near the border.",  # arms that are no projectiles: nobody's attack on Kenya
])
def test_no_attack_read_off_an_unreal_interception_or_other_arms(triples, sentence):
    assert not [t for t in triples(sentence) if t[2] == "19" and t[1][:3] in ("QAT", "KEN")]
