"""detente: track and forecast relations between great powers.

Three jobs, one package:

* events: news text and event datasets (GDELT, ICEWS, PLOVER) to dated, coded, sourced events;
* relations: dyad series, turning points and the strategic triangle;
* bargaining: where a multi-actor negotiation lands, with uncertainty, variants and plan tests.
"""

__version__ = "0.1.0"
