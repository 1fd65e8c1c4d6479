"""Bargaining models, one module each, one shared signature.

Every model is a function::

    model(inputs: ModelInput, **params) -> ModelOutput

vectorised across Monte Carlo draws (the leading axis). Models that treat issues
one at a time (compromise, median, Nash, expected utility) broadcast over the issue
axis; the Spatial Model of Politics uses all issues at once.
"""

from detente.bargaining.models.base import MODELS, ModelInput, ModelOutput, get_model

__all__ = ["MODELS", "ModelInput", "ModelOutput", "get_model"]


def load_all() -> None:
    """Import every model module so that each registers itself in `MODELS`."""
    import importlib

    for name in (
        "compromise", "median", "nash", "expected_utility", "smp",
        "salience_compromise", "reference_compromise", "model_mean",
    ):
        try:
            importlib.import_module(f"detente.bargaining.models.{name}")
        except ModuleNotFoundError as exc:  # a model module not written yet
            if exc.name != f"detente.bargaining.models.{name}":
                raise
