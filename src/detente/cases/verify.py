"""Check that every quote a scenario cites occurs in the text of its source.

A scenario number may cite a source with a short verbatim `quote:`. Validation
(`detente.bargaining.scenario`) checks that the source id exists; this module checks
the words themselves, whenever the source's text can be found:

1. the citation's `path:` (absolute, or relative to the scenario file's folder or to
   the working directory);
2. each folder in ``$DETENTE_SOURCES`` (``os.pathsep``-separated), looked up by the
   file name of `path:` or by ``<source id>.txt``;
3. ``../shared/seeds`` relative to the scenario file's folder or the working
   directory (where the seed articles of the built-in cases live in a checkout).

Quotes and texts are compared after normalising typographic quotes, dashes,
ellipses and whitespace, so a quote typed with straight quotes matches the curly
ones of the article. A source whose text is not found is reported as *unverified*,
never counted as passing. Third-party texts are read where they are; detente never
ships or downloads them.

>>> normalise("Trump\u2019s \u201cdeal\u201d \u2013 signed\u2026")
'Trump\\'s "deal" - signed...'
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from detente.bargaining.scenario import Citation
from detente.cases.timeline import Timeline

SOURCES_ENV = "DETENTE_SOURCES"
SEEDS_DIR = Path("..") / "shared" / "seeds"

_QUOTES = str.maketrans(
    {
        "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
        "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
        "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-", "\u2212": "-",
        "\u00a0": " ", "\u202f": " ", "\u2009": " ", "\u00ad": None,
    }
)


def normalise(text: str) -> str:
    """Straight quotes, hyphen-minus for dashes, three dots for an ellipsis, single spaces."""
    text = text.translate(_QUOTES).replace("\u2026", "...")
    return re.sub(r"\s+", " ", text).strip()


@dataclass(frozen=True)
class QuoteCheck:
    """One cited quote: where it is in the scenario file, what it cites, and whether it was found."""

    key: str  # yaml path of the source mapping, e.g. positions.USA.sanctions.position.source
    line: int | None
    cite: str
    quote: str
    status: str  # "found", "missing" (text available, quote not in it) or "unverified" (no text)


@dataclass(frozen=True)
class QuoteReport:
    """Every quote of a scenario checked against its source text, where that text was found."""

    origin: str
    checks: list[QuoteCheck]
    texts: dict[str, str] = field(default_factory=dict)  # source id -> file the text was read from
    unavailable: dict[str, list[str]] = field(default_factory=dict)  # source id -> places looked in

    @property
    def missing(self) -> list[QuoteCheck]:
        return [c for c in self.checks if c.status == "missing"]

    @property
    def found(self) -> list[QuoteCheck]:
        return [c for c in self.checks if c.status == "found"]

    @property
    def unverified(self) -> list[QuoteCheck]:
        return [c for c in self.checks if c.status == "unverified"]

    @property
    def ok(self) -> bool:
        """No quote is missing from a text that was found (unverified quotes are reported, not failed)."""
        return not self.missing

    def to_dict(self) -> dict[str, Any]:
        return {
            "checked": len(self.found) + len(self.missing),
            "found": len(self.found),
            "missing": [{"key": c.key, "line": c.line, "cite": c.cite, "quote": c.quote} for c in self.missing],
            "unverified": len(self.unverified),
            "texts": self.texts,
            "unavailable": self.unavailable,
        }


def candidate_paths(source_id: str, path: str | None, *, base_dir: Path | None = None, cwd: Path | None = None) -> list[Path]:
    """The places a source's text is looked for, in order (see the module docstring).

    `path` is where the scenario or timeline says the text is (a citation's `path:`, a
    timeline source's `file:`), or None.
    """
    cwd = Path.cwd() if cwd is None else cwd
    bases = [b for b in (base_dir, cwd) if b is not None]
    declared = Path(path) if path else None
    names = [declared.name] if declared is not None else []
    names.append(f"{source_id}.txt")
    paths: list[Path] = []
    if declared is not None:
        paths += [declared] if declared.is_absolute() else [b / declared for b in bases]
    for folder in filter(None, os.environ.get(SOURCES_ENV, "").split(os.pathsep)):
        paths += [Path(folder) / n for n in names]
    for b in bases:
        paths += [b / SEEDS_DIR / n for n in names]
    unique: list[Path] = []
    for p in paths:
        if p not in unique:
            unique.append(p)
    return unique


def find_source_text(
    source_id: str, path: str | None, *, base_dir: Path | None = None, cwd: Path | None = None
) -> tuple[Path | None, list[Path]]:
    """The first readable candidate file for a source, and every place looked in."""
    tried = candidate_paths(source_id, path, base_dir=base_dir, cwd=cwd)
    for path in tried:
        if path.is_file():
            return path, tried
    return None, tried


def cited_quotes(text: str) -> list[tuple[str, int | None, str, str]]:
    """Every `{cite, quote}` mapping in scenario YAML text: (yaml path, line, source id, quote)."""
    try:
        root = yaml.compose(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError:
        return []  # the scenario loader reports malformed YAML with its line
    found: list[tuple[str, int | None, str, str]] = []

    def walk(node: yaml.Node | None, path: list[str]) -> None:
        if isinstance(node, yaml.MappingNode):
            values = {str(k.value): v for k, v in node.value}
            cite, quote = values.get("cite"), values.get("quote")
            if isinstance(cite, yaml.ScalarNode) and isinstance(quote, yaml.ScalarNode):
                found.append((".".join(path), quote.start_mark.line + 1, str(cite.value), str(quote.value)))
            for k, v in node.value:
                walk(v, [*path, str(k.value)])
        elif isinstance(node, yaml.SequenceNode):
            for i, v in enumerate(node.value):
                walk(v, [*path[:-1], f"{path[-1]}[{i}]"] if path else [f"[{i}]"])

    walk(root, [])
    return found


def verify_quotes(
    text: str,
    citations: Mapping[str, Citation],
    *,
    origin: str = "<string>",
    base_dir: Path | None = None,
    cwd: Path | None = None,
) -> QuoteReport:
    """Check every cited quote in scenario YAML `text` against its source's text, where found."""
    texts: dict[str, str | None] = {}
    where: dict[str, str] = {}
    unavailable: dict[str, list[str]] = {}
    checks: list[QuoteCheck] = []
    for key, line, cite, quote in cited_quotes(text):
        if cite not in texts:
            citation = citations.get(cite)
            path, tried = find_source_text(cite, citation.path if citation else None, base_dir=base_dir, cwd=cwd)
            if path is None:
                texts[cite] = None
                unavailable[cite] = [str(p) for p in tried]
            else:
                texts[cite] = normalise(path.read_text(encoding="utf-8", errors="replace"))
                where[cite] = str(path.resolve())
        body = texts[cite]
        status = "unverified" if body is None else ("found" if normalise(quote) in body else "missing")
        checks.append(QuoteCheck(key=key, line=line, cite=cite, quote=quote, status=status))
    return QuoteReport(origin=origin, checks=checks, texts=where, unavailable=unavailable)


def verify_case(name_or_path: str) -> QuoteReport:
    """Check the quotes of a built-in case (by name) or of a scenario YAML file (by path)."""
    from detente.cases import case_file, case_text, list_cases, resolve_case

    scenario = resolve_case(name_or_path)
    if name_or_path in list_cases():
        return verify_quotes(case_text(name_or_path), scenario.sources, origin=case_file(name_or_path))
    path = Path(name_or_path)
    if path.suffix.lower() == ".csv":
        return QuoteReport(origin=str(path), checks=[])  # KTAB files carry no quotes
    return verify_quotes(path.read_text(encoding="utf-8"), scenario.sources, origin=str(path), base_dir=path.resolve().parent)


@dataclass(frozen=True)
class SpanReport:
    """Every sentence of a timeline checked at its character span in its document, where found."""

    origin: str
    checked: int
    wrong: list[tuple[str, str, int, int]]  # (entry key, doc_id, char_start, char_end) whose text differs
    texts: dict[str, str] = field(default_factory=dict)  # doc_id -> file read
    unavailable: dict[str, list[str]] = field(default_factory=dict)  # doc_id -> places looked in
    unverified: int = 0


def verify_spans(timeline: Timeline, *, origin: str = "<timeline>", base_dir: Path | None = None, cwd: Path | None = None) -> SpanReport:
    """Check that each event's, report's, context note's and uncoded sentence's span holds that sentence."""
    entries: list[tuple[str, str, str, int, int]] = []
    for i, (key, event) in enumerate(zip(timeline.event_ids, timeline.events)):
        entries.append((f"events[{i}] ({key})", event.doc_id, event.sentence or "", event.char_start or 0, event.char_end or 0))
        for j, other in enumerate(timeline.also_reported.get(key, [])):
            entries.append((f"events[{i}] ({key}).also_reported[{j}]", str(other.get("doc_id")), str(other.get("sentence")),
                            int(other.get("char_start", 0)), int(other.get("char_end", 0))))
    for i, note in enumerate(timeline.context):
        entries.append((f"context[{i}] ({note.id})", note.doc_id, note.sentence, note.char_start, note.char_end))
    for i, left in enumerate(timeline.not_coded):
        entries.append((f"not_coded[{i}]", str(left.get("doc_id")), str(left.get("sentence")), int(left.get("char_start", 0)), int(left.get("char_end", 0))))
    texts: dict[str, str | None] = {}
    where: dict[str, str] = {}
    unavailable: dict[str, list[str]] = {}
    wrong: list[tuple[str, str, int, int]] = []
    checked = unverified = 0
    for key, doc_id, sentence, start, end in entries:
        if doc_id not in texts:
            source = timeline.sources.get(doc_id)
            path, tried = find_source_text(doc_id, source.file if source else None, base_dir=base_dir, cwd=cwd)
            texts[doc_id] = None if path is None else path.read_text(encoding="utf-8")
            if path is None:
                unavailable[doc_id] = [str(p) for p in tried]
            else:
                where[doc_id] = str(path.resolve())
        body = texts[doc_id]
        if body is None:
            unverified += 1
            continue
        checked += 1
        if body[start:end] != sentence:
            wrong.append((key, doc_id, start, end))
    return SpanReport(origin=origin, checked=checked, wrong=wrong, texts=where, unavailable=unavailable, unverified=unverified)


def describe_missing(report: QuoteReport) -> Iterable[str]:
    """One line per quote not found in its source: file:line, key, source and the quote."""
    for c in report.missing:
        where = f"{report.origin}:{c.line}" if c.line else report.origin
        yield f"{where}: {c.key}: quote not found in {c.cite} ({report.texts.get(c.cite, '?')}): \"{c.quote}\""


__all__ = [
    "SOURCES_ENV",
    "QuoteCheck",
    "QuoteReport",
    "SpanReport",
    "candidate_paths",
    "cited_quotes",
    "describe_missing",
    "find_source_text",
    "normalise",
    "verify_case",
    "verify_quotes",
    "verify_spans",
]
