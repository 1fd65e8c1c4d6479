"""The event ontology: the CAMEO codebook, Goldstein weights, quad classes, PLOVER and actor roles.

One source of truth for what an event code means. Goldstein weights are pinned to
the ICEWS CAMEO table (andybega/icews, MIT); see :mod:`detente.ontology.cameo` and
docs/reference/ontology.md for why, and for the codes on which public tables differ.

>>> from detente import ontology
>>> ontology.get("190").goldstein, ontology.quad("042"), ontology.to_plover("0211").type
(-10.0, 1, 'REQUEST')
"""

from detente.ontology.cameo import (
    GOLDSTEIN_TABLE,
    QUAD_BY_ROOT,
    CameoCode,
    PloverMapping,
    UnknownCameoCodeError,
    all_codes,
    get,
    goldstein,
    is_code,
    label,
    normalize_code,
    quad,
    root,
    to_plover,
)
from detente.ontology.roles import ROLE_SUFFIXES, role_for_icews_sectors, role_for_noun, role_nouns, split_code

__all__ = [
    "GOLDSTEIN_TABLE",
    "QUAD_BY_ROOT",
    "ROLE_SUFFIXES",
    "CameoCode",
    "PloverMapping",
    "UnknownCameoCodeError",
    "all_codes",
    "get",
    "goldstein",
    "is_code",
    "label",
    "normalize_code",
    "quad",
    "role_for_icews_sectors",
    "role_for_noun",
    "role_nouns",
    "root",
    "split_code",
    "to_plover",
]
