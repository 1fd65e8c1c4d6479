"""One colour per actor and per model, the same on every page, plot and report.

The colours are Okabe and Ito's palette for colour-blind readers ("Color Universal
Design", 2008): eight hues that stay distinct under the common forms of colour
blindness and in greyscale print. The actors most analyses show keep a fixed colour
(the US is always blue, Russia always vermilion), so a reader who learnt them on one
page does not relearn them on the next; other actors take the remaining hues in the
order they are listed, then a neutral grey.

Models use Paul Tol's "muted" scheme (also colour-blind safe), which shares no hue with
the actor colours, so an actor's position marker is never mistaken for a model's
forecast on the same axis.

The web workspace (`detente serve`), the HTML report and the matplotlib plots read
their colours from here.

>>> actor_colours(["RUS", "USA", "XYZ"])["USA"]
'#0072B2'
>>> actor_colour("USAGOV") == actor_colour("USA")
True
"""

from __future__ import annotations

from collections.abc import Sequence

OKABE_ITO: dict[str, str] = {
    "blue": "#0072B2",
    "vermilion": "#D55E00",
    "orange": "#E69F00",
    "bluish green": "#009E73",
    "reddish purple": "#CC79A7",
    "sky blue": "#56B4E9",
    "yellow": "#F0E442",
    "black": "#000000",
}
"""Okabe-Ito's eight colours (Okabe & Ito 2008), by name."""

FIXED: dict[str, str] = {
    "USA": OKABE_ITO["blue"],
    "RUS": OKABE_ITO["vermilion"],
    "UKR": OKABE_ITO["orange"],
    "EUR": OKABE_ITO["bluish green"],
    "EU": OKABE_ITO["bluish green"],
    "CHN": OKABE_ITO["reddish purple"],
    "BLR": OKABE_ITO["sky blue"],
}
"""Actors with a colour of their own, whatever else is shown."""

SPARE: tuple[str, ...] = (OKABE_ITO["sky blue"], OKABE_ITO["black"], OKABE_ITO["reddish purple"], OKABE_ITO["bluish green"], OKABE_ITO["orange"])
"""Colours handed to other actors in order (yellow is left out: too pale on white)."""

NEUTRAL = "#999999"
"""For actors beyond the palette, and for 'no data'."""

MODEL_COLOURS: tuple[str, ...] = ("#332288", "#88CCEE", "#44AA99", "#117733", "#999933", "#DDCC77", "#882255", "#AA4499")
"""Paul Tol's muted scheme, one per model in the order models run."""

SIGN_COLOURS: dict[str, str] = {"+": "#009E73", "-": "#D55E00", "0": "#999999", "": "#DDDDDD"}
"""A relation's sign: cooperative (green), conflictual (vermilion), neutral and no data (greys)."""

QUAD_COLOURS: dict[int, str] = {0: "#BBBBBB", 1: "#88CCEE", 2: "#44AA99", 3: "#CC6677", 4: "#882255"}
"""CAMEO quad classes (0 statement, 1-2 verbal/material cooperation, 3-4 verbal/material conflict), Tol's muted hues:
light for words, dark for deeds; no hue shared with an actor."""

DIVERGING: tuple[tuple[float, str], ...] = ((0.0, "#B2182B"), (0.5, "#F7F7F7"), (1.0, "#2166AC"))
"""Red-white-blue scale for signed changes (ColorBrewer RdBu ends, colour-blind safe)."""


def _base(code: str) -> str:
    from detente.ontology import split_code

    try:
        return split_code(code.upper())[0]
    except Exception:  # an unusual code: colour it by its first three letters
        return code.upper()[:3]


def actor_colours(codes: Sequence[str]) -> dict[str, str]:
    """code -> colour for the actors shown together: fixed colours first, the spare hues in order, then grey."""
    out: dict[str, str] = {}
    taken = {FIXED[_base(c)] for c in codes if _base(c) in FIXED}
    spare = [c for c in SPARE if c not in taken]
    for code in codes:
        base = _base(code)
        if base in FIXED:
            out[code] = FIXED[base]
        elif base in out:
            out[code] = out[base]
        else:
            out[code] = spare.pop(0) if spare else NEUTRAL
            out.setdefault(base, out[code])
    return {c: out[c] for c in codes}


def actor_colour(code: str) -> str:
    """The colour of one actor on its own (its fixed colour, or the first spare hue)."""
    return actor_colours([code])[code]


def model_colours(models: Sequence[str]) -> dict[str, str]:
    """model -> colour, in the order the models ran."""
    return {m: MODEL_COLOURS[k % len(MODEL_COLOURS)] for k, m in enumerate(models)}


def series_colours(names: Sequence[str]) -> dict[str, str]:
    """name -> colour for series that are neither actors nor models (variants, say): Tol's muted hues in order."""
    return {n: MODEL_COLOURS[k % len(MODEL_COLOURS)] for k, n in enumerate(names)}


def dyad_colours(dyads: Sequence[tuple[str, str]]) -> dict[str, str]:
    """"A-B" -> colour for dyads drawn together: a dyad takes its second actor's colour (USA-RUS is Russia's
    vermilion), else its first actor's, unless an earlier dyad holds that colour; then Tol's muted hues, then grey.

    >>> dyad_colours([("USA", "RUS"), ("USA", "CHN"), ("RUS", "CHN")])
    {'USA-RUS': '#D55E00', 'USA-CHN': '#CC79A7', 'RUS-CHN': '#332288'}
    """
    colours = actor_colours(list(dict.fromkeys(c for pair in dyads for c in pair)))
    out: dict[str, str] = {}
    spare = iter(MODEL_COLOURS)
    for a, b in dyads:
        name = f"{a}-{b}"
        free = [colours[code] for code in (b, a) if colours[code] not in out.values()]
        out[name] = free[0] if free else next(spare, NEUTRAL)
    return out


__all__ = [
    "DIVERGING", "FIXED", "MODEL_COLOURS", "NEUTRAL", "OKABE_ITO", "QUAD_COLOURS", "SIGN_COLOURS",
    "actor_colour", "actor_colours", "dyad_colours", "model_colours", "series_colours",
]
