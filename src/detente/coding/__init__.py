"""From news text to events: who did what to whom, when, in CAMEO and PLOVER.

`detente.coding` is a rule-based event coder over a spaCy dependency parse, in the
tradition of TABARI and PETRARCH (Schrodt), with an optional learned stage. One idea
per module:

- :mod:`~detente.coding.reader` reads text, HTML, JSON Lines, directories and stdin;
  :mod:`~detente.coding.segment` splits sentences;
- :mod:`~detente.coding.nlp` loads the English pipeline (tagger and parser only),
  lemmatizes on demand and gives the text a sentence is parsed as (its dateline blanked out);
- :mod:`~detente.coding.context` holds what is known while reading a document (actor
  mentions from :func:`detente.actors.find_mentions`, quotes, the last person named);
- :mod:`~detente.coding.patterns` maps verbs, particles and object nouns to CAMEO codes, the
  nouns read through :mod:`~detente.coding.noun_families`; :mod:`~detente.coding.governors` holds
  the verbs that govern another act ("threatened to", "promised to") and the codes they give it;
  :mod:`~detente.coding.lexicon` holds the other word lists, literal codes and weights;
- :mod:`~detente.coding.syntax` has pure functions over the parse (subjects, objects,
  governors, modality); :mod:`~detente.coding.arguments` resolves noun phrases to actors;
- :mod:`~detente.coding.candidates` finds the codable predicates of a sentence, with
  :mod:`~detente.coding.joint` (joint and reciprocal acts), :mod:`~detente.coding.interception`,
  :mod:`~detente.coding.mandates` (demands and requests), :mod:`~detente.coding.judgements`
  (speakers' judgements), :mod:`~detente.coding.event_nouns` (acts named by nouns) and
  :mod:`~detente.coding.background` (no act of the news); :mod:`~detente.coding.ranking`
  puts them best first; :mod:`~detente.coding.assemble` turns them into :class:`~detente.events.schema.Event`
  (dates, quotes); :mod:`~detente.coding.spans` says where the two sides are written;
- :mod:`~detente.coding.coder` is the :class:`Coder` (documents and sentence modes), over
  :mod:`~detente.coding.sentence_events` (one sentence's rule events), :mod:`~detente.coding.fallback`
  (the classifier where no pattern fires), :mod:`~detente.coding.documents` (a document's result, the
  sentences worth parsing and document mode's coding of them) and :mod:`~detente.coding.workers` (forked worker processes);
- :func:`is_asserted` (defined once in :mod:`detente.events.modality`, re-exported
  here) says which coded events describe an act that took place;
- :mod:`~detente.coding.dates`, :mod:`~detente.coding.quotes` and :mod:`~detente.coding.tone`
  date events, attach quotes and score tone (VADER);
- :mod:`~detente.coding.classifier` is the learned quad/root classifier
  (`detente code train`), consulted where no pattern fires;
  :mod:`~detente.coding.scorer` applies a fitted one with NumPy alone;
- :mod:`~detente.coding.evaluate` scores the coder on a gold file (`detente code eval`).

`Coder` is imported on first use (spaCy and scikit-learn are optional extras), so
importing this package is cheap. See docs/explanation/coding.md and
docs/explanation/classifier.md.
"""

from __future__ import annotations

from typing import Any

from detente.events.modality import ASSERTED_MODALITIES, is_asserted

__all__ = ["ASSERTED_MODALITIES", "Coder", "is_asserted"]


def __getattr__(name: str) -> Any:
    if name == "Coder":
        from detente.coding.coder import Coder

        return Coder
    raise AttributeError(f"module 'detente.coding' has no attribute {name!r}")
