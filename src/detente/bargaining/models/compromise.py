"""Compromise model: the capability x salience weighted mean of positions.

Achen, C. H. (2006). "Institutional realism and bargaining models", in Thomson et al.
(eds.), *The European Union Decides*, Cambridge UP. Forecast
x* = sum_i c_i s_i x_i / sum_i c_i s_i. Achen found this as good as the complex models;
on DEU III it is the baseline to beat.
"""

from __future__ import annotations

from detente.bargaining.models.base import ModelInput, ModelOutput, register_model, weighted_mean, weights


@register_model("compromise")
def compromise(inputs: ModelInput) -> ModelOutput:
    """Weighted mean per draw and issue; where every weight is zero, the plain mean."""
    return ModelOutput(outcome=weighted_mean(inputs.positions, weights(inputs)))
