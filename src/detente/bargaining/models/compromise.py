"""Compromise model: the capability x salience weighted mean of positions.

Achen, C. H. (2006). "Institutional realism and bargaining models", in Thomson et al.
(eds.), *The European Union Decides*, Cambridge UP. Forecast
x* = sum_i c_i s_i x_i / sum_i c_i s_i. Achen found this as good as the complex models;
on DEU III it is the baseline to beat.
"""

from __future__ import annotations

import numpy as np

from detente.bargaining.models.base import ModelInput, ModelOutput, register_model, weights


@register_model("compromise")
def compromise(inputs: ModelInput) -> ModelOutput:
    """Weighted mean per draw and issue; where every weight is zero, the plain mean."""
    w = weights(inputs)
    total = w.sum(axis=1)
    plain = inputs.positions.mean(axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        weighted = (w * inputs.positions).sum(axis=1) / total
    return ModelOutput(outcome=np.where(total > 0, weighted, plain))
