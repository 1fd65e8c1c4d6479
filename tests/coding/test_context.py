"""What the coder knows while reading a document: mentions from the registry, in order, without overlaps."""

from __future__ import annotations

from datetime import date

from detente.coding.context import Context, actor_of_mention


def test_context_reads_mentions_through_the_registry():
    text = "President Donald Trump spoke with Vladimir Putin while the Kremlin watched Kyiv."
    ctx = Context.read(text, date(2025, 2, 12))
    codes = [m.code[:3] for m in ctx.mentions]
    assert codes[:2] == ["USA", "RUS"] and "UKR" in codes
    assert all(text[m.start:m.end] == m.text for m in ctx.mentions)
    assert all(a.end <= b.start for a, b in zip(ctx.mentions, ctx.mentions[1:]))
    assert actor_of_mention(ctx.mentions[0]).person  # "he" may refer back to Trump
    inside = ctx.mentions_between(0, text.index(" spoke"))
    assert [m.code[:3] for m in inside] == ["USA"]


def test_empty_text_has_no_mentions():
    assert Context.read("   ", None).mentions == []
