"""The names of the coder's pair-model settings, the default one, and the notes that say which coded an event.

One small table that the coder (:attr:`detente.coding.coder.Coder.pairs`), the command line (``--pairs``) and the web
workspace read, kept apart from :mod:`detente.coding.coder` and :mod:`detente.coding.pair_model` so that naming a
setting does not import the coder (about 0.15 s): the workspace builds its forms from it when the app is created.

The default is the static pair model (``--pairs static``, :data:`DEFAULT_PAIRS`), switched from the rules alone in
session 25 by the rule the lead declared before the sets that decided it were written
(``benchmarks/results/default_pairs25.md``: on news_dev23 and news_dev24 pooled, page mode, paired by page, an F1 gain
of at least +0.010 over the rules, a 95% interval above 0, and no more than 1% of the no-event sentences fewer left
uncoded). Scored: +0.018 F1 (95% +0.006 to +0.030; 0.325 against 0.307), 907 against 901 of 995 no-event sentences left
uncoded, static against the rules.
The rules alone stay one flag away (``--pairs rules``, ``pair_model=None``).
"""

from __future__ import annotations

PAIR_NAMES: dict[str | None, str] = {None: "rules", "shipped": "model", "encoder": "encoder", "static": "static",
                                     "finetuned": "finetuned"}
"""The name of each `pair_model` setting given by name (:attr:`Coder.pairs`; the CLI's ``--pairs`` values)."""
PAIR_CHOICES: dict[str, str | None] = {name: setting for setting, name in PAIR_NAMES.items()}
"""Each ``--pairs`` value and the `pair_model` setting it stands for (the inverse of :data:`PAIR_NAMES`)."""
DEFAULT_PAIRS = "static"
"""The ``--pairs`` value of a coder given none: :class:`~detente.coding.coder.Coder`, ``detente code``, ``detente code
eval`` and the web workspace's "Code a text" form and ``/api/code`` alike (see the module docstring for why)."""
NOTE = "pair model"
"""The note of an event a pair model adds."""


def run_kind(pairs: str) -> str:
    """The import log's `kind` of a stored coding run (:meth:`detente.events.store.EventStore.ingest`) coded with the
    pair model named `pairs` (:attr:`Coder.pairs`): ``"text --pairs static"``, so that a stored result says which
    coder, default or not, made its events."""
    return f"text --pairs {pairs}"
