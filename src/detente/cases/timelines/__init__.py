"""Data package: the built-in case timelines (YAML), read by :mod:`detente.cases.timeline`."""
