"""Labelled sentences: the label forms and the quad probabilities a root or quad model gives."""

from __future__ import annotations

import numpy as np
import pytest

from detente.coding.labelled import normalise_labels, quad_probabilities, quad_scheme
from detente.errors import InputError


def test_root_probabilities_sum_into_quads_through_the_scheme() -> None:
    proba = np.array([[0.5, 0.3, 0.2], [0.0, 0.1, 0.9]])
    roots = ["01", "02", "14"]
    detente = quad_probabilities(proba, roots, "root", "detente")  # 01 statement, 02 verbal coop, 14 verbal conflict
    np.testing.assert_allclose(detente, [[0.5, 0.3, 0.0, 0.2, 0.0], [0.0, 0.1, 0.0, 0.9, 0.0]])
    conflibert = quad_probabilities(proba, roots, "root", "conflibert")  # 01-02 class 0, 14 class 4
    np.testing.assert_allclose(conflibert, [[0.8, 0.0, 0.0, 0.0, 0.2], [0.1, 0.0, 0.0, 0.0, 0.9]])


def test_quad_probabilities_keep_their_columns_and_ignore_the_scheme() -> None:
    proba = np.array([[0.25, 0.75]])
    out = quad_probabilities(proba, np.array([4, 1]), "quad", "conflibert")
    np.testing.assert_allclose(out, [[0.0, 0.75, 0.0, 0.0, 0.25]])


def test_label_forms() -> None:
    assert normalise_labels(["04", "190", "1056"]) == ("root", ["04", "19", "10"])
    assert normalise_labels([0, "verbal conflict", "material_cooperation"]) == ("quad", [0, 3, 2])
    with pytest.raises(InputError, match="not a quad class"):
        normalise_labels(["peace"])
    with pytest.raises(InputError, match="unknown quad scheme"):
        quad_scheme("plover")
