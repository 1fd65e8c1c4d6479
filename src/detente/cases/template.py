"""A small commented scenario to start a case from (`detente case new NAME`).

The template is valid as written (`detente case check` passes on it), so a user edits
a working file rather than an empty one; its comments say what each field means and
point to docs/reference/scenario-format.md for the rest.
"""

from __future__ import annotations

from datetime import date

_TEMPLATE = """\
# {name}: a negotiation scenario for detente (started with `detente case new`).
#
# Edit it, then check it with `detente case check {name}.yaml`, and run it with
# `detente forecast --case {name}.yaml` and `detente plans --case {name}.yaml`.
# The full format: docs/reference/scenario-format.md.
#
# Numbers are a single value (50) or a range [low, mode, high] (a triangular
# distribution that the Monte Carlo draws from). Every number has a `source:`:
#   {{cite: <source id>, quote: "words copied exactly from that source"}}
#   {{estimate: "your reasoning, and what it rests on"}}
#   external: "a fact from outside your sources, and where it comes from"
# (cite and estimate can go together). `detente case check` verifies each quote
# against the source's text when it can find it (the source's `path:`, or a folder
# named by $DETENTE_SOURCES).

name: {name}                      # short id, used in output and file names
title: "{title}"                  # one line for tables and reports
description: >-
  What is negotiated, between whom, and as of when. Replace this text.
as_of: {today}                    # the date the positions describe

sources:                          # the documents your numbers cite, by id
  my-article:
    outlet: "Name of the outlet"
    title: "Title of the article"
    date: "{today}"               # ISO date, a month (2025-05) or "undated"
    # author: "Author's name"
    # path: my-article.txt        # the article's text, so case check can verify quotes
    # url: https://...

actors:                           # who is at the table: actor registry codes (USA, RUS, UKR, CHN, EUR ...)
  USA:
    capability:                   # relative clout over this negotiation, in any common unit
      value: 100
      source: {{estimate: "the reference unit: the strongest actor gets 100"}}
  RUS:
    capability:
      value: [40, 60, 80]
      source: {{estimate: "replace with your reasoning; a wide range when unsure"}}
  # An actor outside the registry: give it `custom: true` and a `name:`.

issues:                           # each issue is a 0-100 scale; anchors say what the numbers mean
  sanctions:
    name: Sanctions relief
    description: How far sanctions are lifted.
    anchors:                      # label at least 0 and 100
      0: "sanctions tightened"
      50: "partial relief"
      100: "all sanctions lifted"
    status_quo:                   # where the issue stands if no deal is reached
      value: 25
      source: {{estimate: "existing sanctions kept: replace with your reading"}}

positions:                        # every actor: a position (0-100) and a salience (0-1) on every issue
  USA:
    sanctions:
      position: {{value: [20, 30, 50], source: {{estimate: "what the US would accept best"}}}}
      salience: {{value: [0.3, 0.5, 0.7], source: {{estimate: "how much the issue matters to it, 0 to 1"}}}}
  RUS:
    sanctions:
      position: {{value: [80, 95, 100], source: {{estimate: "Russia wants the sanctions lifted"}}}}
      salience: {{value: [0.5, 0.7, 0.9], source: {{estimate: "high: the sanctions bite"}}}}

variants:                         # named what-ifs: patches to the inputs above (detente forecast --variant NAME)
  us-hardens:
    title: The US hardens
    description: The US wants tighter sanctions and cares more.
    source: {{estimate: "a what-if to compare with the base case"}}
    patches:
      - set: positions.USA.sanctions.position
        value: [0, 10, 25]
        source: {{estimate: "tighter sanctions"}}
      - shift: positions.USA.sanctions.salience
        by: 0.2

plans:                            # concrete proposals: a point on every issue (detente plans)
  partial-relief:
    title: Partial relief
    description: Some sanctions lifted.
    source: {{estimate: "a proposal to test; cite who made it"}}
    point:
      sanctions: 50
"""


def scenario_template(name: str, *, today: date | None = None) -> str:
    """The commented template YAML for a new case called `name`."""
    when = (today or date.today()).isoformat()
    title = name.replace("-", " ").capitalize()
    return _TEMPLATE.format(name=name, title=title, today=when)
