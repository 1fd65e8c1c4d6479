"""Compatibility names for code written against the first-generation coder.

The coder now lives in modules with one idea each (see :mod:`detente.coding`); this
module only re-exports the names that scripts and notebooks imported from here. The project's
own code imports nothing from it (the web workspace reads :class:`~detente.coding.coder.Coder` and
:func:`~detente.events.modality.is_asserted` where they are defined).
"""

from detente.coding.assemble import UNDATED, UNKNOWN_ACTOR
from detente.coding.coder import Coder, DocumentResult, SentenceResult
from detente.events.modality import ASSERTED_MODALITIES, is_asserted

__all__ = [
    "ASSERTED_MODALITIES", "Coder", "DocumentResult", "SentenceResult", "UNDATED", "UNKNOWN_ACTOR", "is_asserted",
]
