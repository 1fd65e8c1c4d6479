"""Suite-wide settings.

Property tests (hypothesis) run with a fixed example sequence (`derandomize`), so the
README's test command gives the same verdict on every machine and in CI. To explore new
examples, set DETENTE_HYPOTHESIS=explore (random examples, as hypothesis does by default).
"""

import os

from hypothesis import settings

settings.register_profile("detente", derandomize=True, print_blob=True)
settings.register_profile("explore", derandomize=False, print_blob=True)
settings.load_profile(os.environ.get("DETENTE_HYPOTHESIS", "detente"))
