"""From news text to events: who did what to whom, when, in CAMEO and PLOVER.

`detente.coding` is a rule-based event coder over a spaCy dependency parse, in the
tradition of TABARI and PETRARCH (Schrodt), with an optional learned stage:

- :mod:`~detente.coding.reader` reads text, HTML, JSON Lines, directories and stdin;
- :mod:`~detente.coding.segment` splits sentences; :mod:`~detente.coding.nlp` loads
  the English pipeline (tagger and parser only) and lemmatizes on demand;
- :mod:`~detente.coding.mentions` finds actors through the registry;
- :mod:`~detente.coding.patterns` maps verbs, particles and object nouns to CAMEO codes;
- :mod:`~detente.coding.pipeline` connects them (:class:`~detente.coding.pipeline.Coder`,
  ``code_text``, ``code_documents``, ``code_sentences`` and :func:`~detente.coding.pipeline.is_asserted`);
- :mod:`~detente.coding.dates`, :mod:`~detente.coding.quotes` and :mod:`~detente.coding.tone`
  date events, attach quotes and score tone (VADER);
- :mod:`~detente.coding.classifier` is the learned quad/root classifier
  (`detente code train`), consulted where no pattern fires.

Submodules are imported on demand (spaCy and scikit-learn are optional extras), so
importing this package is cheap. See docs/explanation/coding.md and
docs/explanation/classifier.md.
"""
