"""Resolving noun phrases to actors: roles from head nouns."""

from __future__ import annotations

from detente.coding.arguments import with_role


def test_with_role():
    assert with_role("UKR", "officials") == "UKRGOV"
    assert with_role("UKR", "banana") == "UKR"
    assert with_role("USAGOV", "troops") == "USAGOV"
