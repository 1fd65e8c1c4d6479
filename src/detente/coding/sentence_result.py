"""The sentence result: one coded event of a sentence with where its two sides are written.

:class:`~detente.coding.coder.Coder` returns these in sentence and page modes;
:mod:`detente.coding.abstention` sorts them, and :mod:`detente.coding.pair_model` revises
a sentence's list of them.

Choices
-------
- The record stands apart from the coder, so the stages the coder calls (abstention, the
  pair model) import it and not the coder back.
"""

from __future__ import annotations

from dataclasses import dataclass

from detente.events.schema import Event


@dataclass(frozen=True)
class SentenceResult:
    """One event of a sentence, with the character spans (within the sentence) of its two sides."""

    event: Event
    source_span: tuple[int, int] | None
    target_span: tuple[int, int] | None
    partial: bool = False  # a side is not an identified actor ("---")
    predicate: str | None = None
    """The words of the event's own predicate (:func:`detente.coding.abstention.predicate_words`), which
    abstention reads; None for an event no token of the parse coded (the classifier's, the pair
    model's additions)."""
