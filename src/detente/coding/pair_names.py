"""The names of the coder's pair-model settings and the note a pair model's added events carry.

One small table that the coder (:attr:`detente.coding.coder.Coder.pairs`), the command line (``--pairs``) and the web
workspace read, kept apart from :mod:`detente.coding.coder` and :mod:`detente.coding.pair_model` so that naming a
setting does not import the coder (about 0.15 s): the workspace builds its forms from it when the app is created.
"""

from __future__ import annotations

PAIR_NAMES: dict[str | None, str] = {None: "rules", "shipped": "model", "encoder": "encoder", "static": "static",
                                     "finetuned": "finetuned"}
"""The name of each `pair_model` setting given by name (:attr:`Coder.pairs`; the CLI's ``--pairs`` values)."""
PAIR_CHOICES: dict[str, str | None] = {name: setting for setting, name in PAIR_NAMES.items()}
"""Each ``--pairs`` value and the `pair_model` setting it stands for (the inverse of :data:`PAIR_NAMES`)."""
NOTE = "pair model"
"""The note of an event a pair model adds."""
