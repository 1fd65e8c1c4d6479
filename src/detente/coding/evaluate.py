"""Score the coder on a user's gold file: who did what to whom, the quad class, or the actor spans.

`detente code eval GOLD` lets analysts judge the coder on their own material before
trusting the relation series built from it. Four gold formats are read (by suffix,
or `fmt=`):

``.jsonl`` (events)
    One sentence a line: ``{"text": ..., "date": "YYYY-MM-DD" (optional), "events":
    [{"source": "RUS", "target": "UKR", "root": "19"}, ...]}``; ``"events": []``
    marks a sentence with no codable event. ``cameo``/``code`` may stand for
    ``root``; actors may be codes or names the registry knows ("Russia").
``.xml`` (events, PETRARCH style)
    ``<Sentence date="20180312" id="...">`` elements, each with a ``<Text>`` and zero
    or more ``<EventCoding sourcecode="USA" targetcode="RUS" eventcode="042"/>``
    (``noevents="True"`` or no coding: no event).
``.json`` (events, PLOVER style)
    A JSON list of records with ``text``, ``source``/``target`` (lists of
    ``{"code": ...}`` or strings) and a PLOVER ``event`` type; scored on PLOVER types
    (0.5b1 types renamed to the 2021 ones: :data:`PLOVER_RENAMED`).
``.tsv`` (quad classes, the ConfliBERT task)
    ``sentence<TAB>class``, classes 0 statement, 1 verbal cooperation, 2 material
    cooperation, 3 verbal conflict, 4 material conflict; the coder's CAMEO roots are
    grouped with the task's own table (``scheme="conflibert"``,
    :func:`detente.coding.classifier.quad_scheme`), not detente's GDELT grouping.
``.conll`` / ``.txt`` (actor spans)
    One ``token TAG`` a line (space or tab), tags B-S/I-S (source), B-T/I-T (target),
    B-R/I-R (an actor on both sides), O; a blank line between sentences.

Events are compared as (source country, target country, label) triples per sentence,
where the country is the first three letters of the actor code (``USAGOV`` -> ``USA``)
and the label the CAMEO root (or PLOVER type); precision, recall and F1 are given per
label and overall (micro). Sentences whose gold has no event are counted apart: the
share the coder leaves uncoded. Spans are scored exactly (same tokens) and by overlap
(at least one token shared), per role, and macro-averaged over source and target.
Unreadable rows are reported with file and line and left out of the scores.
"""

from __future__ import annotations

import functools
import json
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Literal

from detente.coding import abstention
from detente.errors import InputError

Kind = Literal["events", "quad", "spans"]
FORMATS: dict[str, tuple[str, Kind]] = {
    "jsonl": ("jsonl", "events"), "xml": ("xml", "events"), "json": ("plover", "events"),
    "tsv": ("tsv", "quad"), "conll": ("conll", "spans"), "txt": ("conll", "spans"),
}
"""File suffix -> (format name, kind of gold)."""
FORMAT_NAMES = ("jsonl", "xml", "plover", "tsv", "conll")

QUAD_NAMES = ("statement", "verbal cooperation", "material cooperation", "verbal conflict", "material conflict")
PLOVER_RENAMED = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}
"""PLOVER 0.5b1 types the 2021 CAMEO-to-PLOVER table folds into others."""
RULES_OVER_CLASSIFIER = 0.6
"""Quad task: where the classifier's top quad probability is below this and a pattern codes the
sentence, the pattern's root decides; so does a pattern that names its object. On the ConfliBERT
train split this gives macro-F1 0.834, against 0.827 with the threshold alone and 0.813 for
patterns always first (benchmarks/coding_quad.py, benchmarks/coding_dev.py)."""

_NO_SPACE_BEFORE = frozenset(
    {".", ",", ":", ";", "!", "?", ")", "]", "}", "%", "'s", "’s", "n't", "'", "’", "'re", "'ve", "'ll", "'d", "'m"}
)
_NO_SPACE_AFTER = frozenset({"(", "[", "{", "$", "“", "‘"})
_CLITIC_AFTER_APOSTROPHE = frozenset({"s", "t", "re", "ve", "ll", "d", "m"})
"""A tokeniser that splits "Libya’s" as "Libya", "’", "s": the clitic joins the apostrophe."""


@dataclass(frozen=True)
class GoldEvent:
    """One gold event: source and target actor codes and the label (CAMEO root or PLOVER type)."""

    source: str
    target: str
    label: str


@dataclass
class GoldSentence:
    """One gold sentence with its line in the file and what it holds."""

    text: str
    line: int
    events: list[GoldEvent] = field(default_factory=list)
    when: date | None = None
    quad: int | None = None
    tags: list[str] = field(default_factory=list)
    offsets: list[tuple[int, int]] = field(default_factory=list)
    url: str | None = None  # the page it comes from (JSONL): consecutive sentences of one page form an article
    headline: str | None = None  # that page's headline (JSONL), read as context in page mode

    def spans(self, role: str) -> set[tuple[int, int]]:
        """Gold token spans [start, end) of a role ("S" or "T"; an "R" span counts for both)."""
        out: set[tuple[int, int]] = set()
        start = None
        for i, tag in enumerate([*self.tags, "O"]):
            inside = tag[2:] in (role, "R") if len(tag) > 2 else False
            if start is not None and (not inside or tag.startswith("B-")):
                out.add((start, i))
                start = None
            if inside and start is None:
                start = i
        return out


@dataclass
class Gold:
    """A gold file read: its kind, format, sentences and the rows left out (file:line: reason)."""

    path: str
    fmt: str
    kind: Kind
    label: Literal["root", "plover"] = "root"
    sentences: list[GoldSentence] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)


@dataclass
class PRF:
    """Counts of one label (or overall) and the precision, recall and F1 they give."""

    label: str
    gold: int = 0
    predicted: int = 0
    correct: int = 0

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.correct / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {"label": self.label, "gold": self.gold, "predicted": self.predicted, "correct": self.correct,
                "precision": round(self.precision, 4), "recall": round(self.recall, 4), "f1": round(self.f1, 4)}


@dataclass
class Report:
    """The scores of one gold file: rows per label, the overall row and the headline figure."""

    path: str
    fmt: str
    kind: Kind
    sentences: int
    rows: list[PRF]
    overall: PRF | None
    headline: str
    headline_value: float
    extra: dict[str, Any] = field(default_factory=dict)
    skipped: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # how the file was coded, for the user to see

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": self.path, "format": self.fmt, "kind": self.kind, "sentences": self.sentences,
            self.headline: round(self.headline_value, 4),
            "overall": self.overall.to_dict() if self.overall else None,
            "per_label": [r.to_dict() for r in self.rows],
            **{k: round(v, 4) if isinstance(v, float) else v for k, v in self.extra.items()},
            "skipped": self.skipped,
            "notes": self.notes,
        }


# -- reading ---------------------------------------------------------------------------------------


def gold_kind(path: str | Path, fmt: str | None = None) -> Kind | None:
    """The kind of gold a file holds, as :func:`read_gold` will read it (from `fmt` if it is one of
    :data:`FORMAT_NAMES`, else from the suffix), without reading it; None when neither names a format (reading
    it says why). Only a file of actor spans scores spans: ``detente code eval`` builds its coder without the
    span chooser for the others, whose events the chooser does not change."""
    if fmt is None:
        found = FORMATS.get(Path(path).suffix.lower().lstrip("."))
        return found[1] if found is not None else None
    return next((kind for name, kind in FORMATS.values() if name == fmt), None)


def read_gold(path: str | Path, fmt: str | None = None) -> Gold:
    """Read a gold file (format from its suffix unless `fmt` is one of :data:`FORMAT_NAMES`)."""
    path = Path(path)
    by_suffix = fmt is None
    if fmt is None:
        suffix = path.suffix.lower().lstrip(".")
        if suffix not in FORMATS:
            raise InputError(
                f"cannot tell the gold format from the suffix '.{suffix}'", path=path,
                hint="name it .jsonl, .xml, .json (PLOVER), .tsv or .conll, or pass --format",
            )
        fmt = FORMATS[suffix][0]
    if fmt not in FORMAT_NAMES:
        raise InputError(f"unknown format '{fmt}'", field="--format", hint="use one of " + ", ".join(FORMAT_NAMES))
    if not path.is_file():
        raise InputError("no such file", path=path, hint="check the path")
    from detente.coding.reader import decode_bytes

    text = decode_bytes(path.read_bytes(), path=path)
    reader = {"jsonl": _read_jsonl, "xml": _read_xml, "plover": _read_plover, "tsv": _read_tsv, "conll": _read_conll}[fmt]
    gold = reader(text, str(path))
    if not gold.sentences:
        read_as = f"read as {fmt}" + (f" from the suffix '{path.suffix.lower()}'" if by_suffix else "")
        raise InputError(f"no gold sentences could be read ({read_as})", path=path,
                         hint="; ".join([*gold.skipped[:1]] + ([f"and {len(gold.skipped) - 1} more rows"]
                                                               if len(gold.skipped) > 1 else [])
                                        + [f"see the {fmt} layout in `detente code eval --help`, or name the "
                                           "file's format with --format"]))
    return gold


def _actor_code(value: Any) -> str | None:
    """An actor code from a gold field: a code as written, or a name the registry resolves."""
    if isinstance(value, dict):
        value = value.get("code") or value.get("actorText")
    if not isinstance(value, str) or not value.strip():
        return None
    value = value.strip()
    if value == "---":
        return value
    if value.isupper() and value.isalpha() and len(value) >= 3:
        return value
    from detente.actors import resolve

    return resolve(value)


def cameo_root(value: Any) -> str | None:
    """The CAMEO root of a gold event code: two to four digits whose first two are a root, 01 to 20
    (``"19"``, ``"190"``, ``"1712"`` -> ``"19"``, ``"19"``, ``"17"``); None for anything else (``"1"``,
    ``"14x"``, ``"21"``), which a gold row must not be read as."""
    code = str(value).strip() if isinstance(value, (str, int)) and not isinstance(value, bool) else ""
    if 2 <= len(code) <= 4 and code.isdigit() and 1 <= int(code[:2]) <= 20:
        return code[:2]
    return None


def _known_code(code: str) -> bool:
    """Whether a gold actor code can be scored: the registry knows it or its country part, or that part is one
    of CAMEO's generic prefixes (``IGOUNO``, ``---REB``: :data:`GENERIC_CODES`)."""
    from detente.actors import resolve

    side = gold_country(code)
    return resolve(code) is not None or side == "---" or side in GENERIC_CODES or resolve(side) is not None


def unknown_codes(gold: Gold) -> list[str]:
    """The gold's actor codes that neither the registry nor CAMEO's generic prefixes know, sorted: they are
    scored as written, and :func:`evaluate` says so in a note (a typo in a code would otherwise only lower F1)."""
    codes = {code for sent in gold.sentences for e in sent.events for code in (e.source, e.target)}
    return sorted(code for code in codes if not _known_code(code))


def _gold_side(value: Any, name: str) -> str:
    """The actor code of one side of a gold event; :class:`UnknownActorError` naming the nearest known names."""
    from detente.actors import lookup
    from detente.errors import UnknownActorError

    written = value.get("code") or value.get("actorText") if isinstance(value, dict) else value
    if not isinstance(written, str) or not written.strip():
        raise UnknownActorError(f"no {name}", hint=f"add the actor's code or name, e.g. \"{name}\": \"RUS\"")
    written = written.strip()
    if written.isupper() and all(ch.isalpha() or ch == "-" for ch in written):
        return written  # a code, scored as written: CAMEO's region codes (CAS, SAS) and PETRARCH's are codes too
    try:
        return lookup(written)
    except UnknownActorError as exc:
        raise UnknownActorError(f"unknown {name} '{written}'", hint=exc.hint) from None


def _gold_event(source: Any, target: Any, code: Any, names: tuple[str, str, str]) -> GoldEvent | str:
    """One gold event from its source, target and CAMEO code, or what is wrong with it and the fix
    (`names`: the file's names of the three fields)."""
    from detente.errors import UnknownActorError

    root = cameo_root(code)
    if root is None:
        if code is None or str(code).strip() == "":
            return f"no {names[2]} (fix: add the CAMEO root, two digits 01 to 20, or a full code such as 112)"
        return (f"{names[2]} '{code}' is not a CAMEO code (fix: write the root as two digits, 01 to 20, or a full "
                "code such as 112)")
    try:
        return GoldEvent(_gold_side(source, names[0]), _gold_side(target, names[1]), root)
    except UnknownActorError as exc:
        return str(exc)


def _element_lines(text: str, tag: str) -> list[int]:
    """The line of each `tag` element's start tag, in document order (the order of ``Element.iter``)."""
    from xml.parsers import expat

    lines: list[int] = []
    parser = expat.ParserCreate()

    def start(name: str, attributes: dict[str, str]) -> None:
        if name == tag:
            lines.append(parser.CurrentLineNumber)

    parser.StartElementHandler = start
    parser.Parse(text, True)
    return lines


def _bad_date(value: Any) -> str:
    """What is wrong with a gold row's date that :func:`_parse_date` cannot read, and the fix."""
    return f"date '{value}' is not a date (fix: write it as YYYY-MM-DD)"


def _parse_date(value: Any) -> date | None:
    if not value:
        return None
    raw = str(value).strip()
    if len(raw) == 8 and raw.isdigit():
        raw = f"{raw[:4]}-{raw[4:6]}-{raw[6:]}"
    try:
        return date.fromisoformat(raw[:10])
    except ValueError:
        return None


def _read_jsonl(text: str, path: str) -> Gold:
    gold = Gold(path, "jsonl", "events")
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            gold.skipped.append(f"{path}:{lineno}: not JSON ({exc.msg})")
            continue
        sentence = record.get("text") or record.get("sentence") if isinstance(record, dict) else None
        events = record.get("events") if isinstance(record, dict) else None
        if not isinstance(sentence, str):
            gold.skipped.append(f"{path}:{lineno}: no 'text' (fix: write one JSON object a line with the sentence "
                                'in "text" and its events in "events")')
            continue
        if not isinstance(events, list):
            gold.skipped.append(f"{path}:{lineno}: no 'events' list (fix: add \"events\": [] for a sentence "
                                'without an event, else [{"source": "RUS", "target": "UKR", "root": "19"}, ...])')
            continue
        parsed: list[GoldEvent] = []
        problem = None
        for k, ev in enumerate(events):
            if not isinstance(ev, dict):
                problem = (f"{path}:{lineno}: events[{k}]: not an object (fix: write each event as "
                           '{"source": "RUS", "target": "UKR", "root": "19"})')
                break
            found = _gold_event(ev.get("source"), ev.get("target"), ev.get("root") or ev.get("cameo") or ev.get("code"),
                                ("source", "target", "root"))
            if isinstance(found, str):
                problem = f"{path}:{lineno}: events[{k}]: {found}"
                break
            parsed.append(found)
        if problem:
            gold.skipped.append(problem)
            continue
        when = _parse_date(record.get("date"))
        if record.get("date") and when is None:
            gold.skipped.append(f"{path}:{lineno}: {_bad_date(record.get('date'))}")
            continue
        url, headline = record.get("url"), record.get("headline")
        gold.sentences.append(GoldSentence(
            sentence, lineno, parsed, when=when,
            url=url.strip() or None if isinstance(url, str) else None,
            headline=headline.strip() or None if isinstance(headline, str) else None,
        ))
    return gold


def _read_xml(text: str, path: str) -> Gold:
    import xml.etree.ElementTree as ET

    gold = Gold(path, "xml", "events")
    try:
        root = ET.fromstring(text)
    except ET.ParseError as exc:
        line = exc.position[0] if exc.position else None
        raise InputError(f"not well-formed XML ({exc})", path=path, line=line, hint="check the file") from None
    lines = _element_lines(text, "Sentence")
    for k, node in enumerate(root.iter("Sentence"), start=1):
        text_node = node.find("Text")
        sentence = " ".join((text_node.text or "").split()) if text_node is not None else ""
        line = lines[k - 1] if k <= len(lines) else k
        where = f"{path}:{line}: Sentence {k} (id {node.get('id', '?')})"
        if not sentence:
            gold.skipped.append(f"{where}: no <Text> (fix: put the sentence in <Text>...</Text>)")
            continue
        events: list[GoldEvent] = []
        problem = None
        for coding in node.findall("EventCoding"):
            if str(coding.get("noevents", "")).lower() == "true":
                continue
            found = _gold_event(coding.get("sourcecode"), coding.get("targetcode"), coding.get("eventcode"),
                                ("sourcecode", "targetcode", "eventcode"))
            if isinstance(found, str):
                problem = f"{where}: {found}"
                break
            events.append(found)
        if problem:
            gold.skipped.append(problem)
            continue
        when = _parse_date(node.get("date"))
        if node.get("date") and when is None:
            gold.skipped.append(f"{where}: {_bad_date(node.get('date'))}")
            continue
        gold.sentences.append(GoldSentence(sentence, line, events, when=when))
    return gold


def _read_plover(text: str, path: str) -> Gold:
    gold = Gold(path, "plover", "events", label="plover")
    lines_hint = "a .json gold file is PLOVER's JSON list; for JSON Lines name it .jsonl or pass --format jsonl"
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"not JSON ({exc.msg})", path=path, line=exc.lineno,
                         hint=lines_hint if exc.msg == "Extra data" else "check the file") from None
    if not isinstance(data, list):
        raise InputError("expected a JSON list of records", path=path, hint=lines_hint)
    for k, record in enumerate(data):
        if not isinstance(record, dict) or record.get("event") == "DOCUMENT":
            continue
        where = f"{path}: record {k}"
        sentence, kind = record.get("text"), record.get("event")
        if not isinstance(sentence, str) or not isinstance(kind, str):
            gold.skipped.append(f"{where}: needs 'text' and 'event'")
            continue
        sources = record.get("source") or []
        targets = record.get("target") or []
        sources = sources if isinstance(sources, list) else [sources]
        targets = targets if isinstance(targets, list) else [targets]
        label = PLOVER_RENAMED.get(kind.upper(), kind.upper())
        codes_s = [c for c in (_actor_code(s) for s in sources) if c]
        codes_t = [c for c in (_actor_code(t) for t in targets) if c]
        events = [GoldEvent(s, t, label) for s in codes_s for t in codes_t]
        if not events:
            gold.skipped.append(f"{where}: no source and target codes")
            continue
        gold.sentences.append(GoldSentence(sentence, k, events, when=_parse_date(record.get("date"))))
    return gold


def _read_tsv(text: str, path: str) -> Gold:
    gold = Gold(path, "tsv", "quad")
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        sentence, _, label = line.rpartition("\t")
        if "\t" in sentence:
            gold.skipped.append(f"{path}:{lineno}: expected sentence<TAB>class 0-4, found {line.count(chr(9)) + 1} "
                                "columns (fix: keep the sentence and its class)")
            continue
        if not sentence.strip() or label.strip() not in {"0", "1", "2", "3", "4"}:
            gold.skipped.append(f"{path}:{lineno}: expected sentence<TAB>class 0-4")
            continue
        gold.sentences.append(GoldSentence(sentence.strip(), lineno, quad=int(label)))
    return gold


def _read_conll(text: str, path: str) -> Gold:
    gold = Gold(path, "conll", "spans")
    tokens: list[str] = []
    tags: list[str] = []
    start_line = 1
    bad = False

    def flush() -> None:
        if tokens and not bad:
            gold.sentences.append(_detokenised(list(tokens), list(tags), start_line))

    for lineno, line in enumerate([*text.splitlines(), ""], start=1):
        if not line.strip():
            flush()
            tokens, tags, bad = [], [], False
            start_line = lineno + 1
            continue
        fields = line.split()
        token, tag = fields if len(fields) == 2 else ("", "")
        if not token or not (tag == "O" or (tag[:2] in ("B-", "I-") and tag[2:] in ("S", "T", "R"))):
            if not bad:
                gold.skipped.append(
                    f"{path}:{lineno}: expected 'token TAG', found {len(fields)} columns (fix: keep the token and its "
                    "tag, as in 'Greece B-S')" if len(fields) > 2 else
                    f"{path}:{lineno}: expected 'token TAG' with TAG O, B-S, I-S, B-T, I-T, B-R or I-R")
            bad = True
            continue
        tokens.append(token)
        tags.append(tag)
    return gold


def _detokenised(tokens: list[str], tags: list[str], line: int) -> GoldSentence:
    """Join tokens into a sentence, recording each token's character offsets."""
    parts: list[str] = []
    offsets: list[tuple[int, int]] = []
    pos = 0
    prev: str | None = None
    for tok in tokens:
        clitic = prev in ("’", "'") and tok.lower() in _CLITIC_AFTER_APOSTROPHE
        if prev is not None and tok not in _NO_SPACE_BEFORE and prev not in _NO_SPACE_AFTER and not clitic:
            parts.append(" ")
            pos += 1
        offsets.append((pos, pos + len(tok)))
        parts.append(tok)
        pos += len(tok)
        prev = tok
    return GoldSentence("".join(parts), line, tags=tags, offsets=offsets)


# -- scoring -----------------------------------------------------------------------------------------


@functools.lru_cache(maxsize=8192)
def country(code: str) -> str:
    """The country part of an actor code (``USAGOV`` -> ``USA``, ``AUGOV`` -> ``AU``); ``---`` stays unknown.

    The role suffixes go by the registry's code algebra (a two-letter organisation's ``AUGOV`` is the
    AU, not "AUG"), then the first three letters are kept, as CAMEO compares countries (``NATO`` and
    ``NATOMIL`` are both "NAT"). A code the registry cannot split keeps its first three letters.
    """
    if not code or code == "---":
        return "---"
    from detente.actors import get_registry

    try:
        base = get_registry().base_code(code)
    except Exception:  # noqa: BLE001 - a code the registry cannot read is compared as written
        base = code
    return base[:3].upper()


GENERIC_CODES: dict[str, frozenset[str]] = {"IGO": frozenset({"igo", "group"}), "NGO": frozenset({"ngo"})}
"""CAMEO's generic prefixes for organisations, as gold files write them (PLOVER's "IGO" for the UN, the
EC or NATO; PETRARCH's "IGOUNO"), and the registry kinds of actor each stands for. A coded actor of such
a kind counts as that prefix where the gold sentence uses it, so "UNO" matches a gold "IGO"."""


def gold_country(code: str) -> str:
    """The country part of a gold code, with former codes replaced (KEDS's ``JAP`` -> ``JPN``).

    The whole code is normalised before its country part is taken, so a registry code whose first
    three letters happen to be a former code keeps its own prefix (``ITLOS``, the law-of-the-sea
    tribunal, is "ITL", not Italy's former ``ITL`` -> ``ITA``), as :func:`predicted_country` reads it.
    """
    from detente.actors import get_registry

    side = country(code)
    if side in GENERIC_CODES or side == "---":
        return side
    try:
        return country(get_registry().normalize_code(code))
    except Exception:  # noqa: BLE001 - an unknown gold code stays as written
        return side


def predicted_country(code: str, generic: Collection[str]) -> str:
    """The country part of a coded actor, or the generic prefix (``IGO``) the gold sentence uses for its kind."""
    side = country(code)
    if not generic or side == "---":
        return side
    from detente.actors import get_registry

    registry = get_registry()
    try:
        kind = registry.get(registry.base_code(code)).kind
    except Exception:  # noqa: BLE001 - a code the registry lacks is compared as written
        return side
    return next((g for g in generic if kind in GENERIC_CODES[g]), side)


Triple = tuple[str, str, str]
"""What an event is scored by: (source country, target country, label), the label a CAMEO root or PLOVER type."""


def gold_triple(event: GoldEvent) -> Triple:
    """A gold event as :func:`score_events` compares it: its sides' countries (:func:`gold_country`) and its label."""
    return gold_country(event.source), gold_country(event.target), event.label


def generic_sides(triples: Iterable[Triple]) -> set[str]:
    """The generic CAMEO prefixes (:data:`GENERIC_CODES`) that a gold sentence's triples use, which
    :func:`coded_triple` reads."""
    return {side for triple in triples for side in triple[:2] if side in GENERIC_CODES}


def coded_triple(event: Any, label: str = "root", generic: Collection[str] = frozenset()) -> Triple:
    """A coded event as :func:`score_events` compares it with a gold file whose labels are `label`: its sides'
    countries (:func:`predicted_country`, an organisation counting as a `generic` prefix the gold sentence uses,
    :func:`generic_sides`) and its CAMEO root, or for "plover" gold the PLOVER type of its code (the 2021 table,
    :func:`detente.ontology.to_plover`; "-" for a code without one, such as a statement, which is never right).
    The one place a coded event's label is computed: the benchmarks that score events call it too."""
    if label == "plover":
        from detente import ontology

        mapping = ontology.to_plover(event.cameo)
        kind = mapping.type if mapping is not None else "-"
    else:
        kind = event.root
    return predicted_country(event.source, generic), predicted_country(event.target, generic), kind


def score_events(gold: Gold, predicted: Sequence[Sequence[Any]]) -> Report:
    """Precision, recall and F1 of (source country, target country, label) triples, per label and overall.

    `predicted` holds, per gold sentence, the coder's events (objects with `source`,
    `target`, `root` and `cameo`). Gold codes are compared by country with former codes
    replaced (:func:`gold_country`); where a gold sentence names an organisation by a generic
    CAMEO prefix (``IGO``), a coded organisation of that kind matches it (:data:`GENERIC_CODES`).
    """
    per: dict[str, PRF] = {}
    overall = PRF("overall")
    empty = uncoded = 0
    for sent, events in zip(gold.sentences, predicted):
        want = Counter(gold_triple(e) for e in sent.events)
        generic = generic_sides(want)
        got = Counter(coded_triple(e, gold.label, generic) for e in events)
        got = Counter(set(got))  # one triple per sentence, as the gold counts it
        want = Counter(set(want))
        if not sent.events:
            empty += 1
            uncoded += int(not events)
        for triple, n in want.items():
            per.setdefault(triple[2], PRF(triple[2])).gold += n
            overall.gold += n
        for triple, n in got.items():
            row = per.setdefault(triple[2], PRF(triple[2]))
            row.predicted += n
            overall.predicted += n
            hit = min(n, want.get(triple, 0))
            row.correct += hit
            overall.correct += hit
    rows = sorted(per.values(), key=lambda r: r.label)
    return Report(
        gold.path, gold.fmt, "events", len(gold.sentences), rows, overall, "f1", overall.f1,
        extra={"sentences_without_event": empty, "left_uncoded": uncoded, "label": gold.label},
        skipped=gold.skipped,
    )


def score_quad(gold: Gold, predicted: Sequence[int]) -> Report:
    """Per-class precision, recall and F1 of the five quad classes, macro-F1 and accuracy.

    Macro-F1 averages the classes found in the gold or the predictions (as scikit-learn's `f1_score(average=
    "macro")`, which ConfliBERT's figures use): a small file without material conflict is not marked down for it.
    """
    rows = [PRF(f"{q} {QUAD_NAMES[q]}") for q in range(5)]
    right = 0
    for sent, pred in zip(gold.sentences, predicted):
        assert sent.quad is not None
        rows[sent.quad].gold += 1
        rows[int(pred)].predicted += 1
        if int(pred) == sent.quad:
            rows[sent.quad].correct += 1
            right += 1
    present = [r for r in rows if r.gold or r.predicted]  # as scikit-learn's macro average: a class in neither is no 0
    macro = sum(r.f1 for r in present) / len(present) if present else 0.0
    n = len(gold.sentences)
    return Report(gold.path, gold.fmt, "quad", n, rows, None, "macro_f1", macro,
                  extra={"accuracy": right / n if n else 0.0, "scheme": "conflibert"}, skipped=gold.skipped)


def score_spans(gold: Gold, predicted: Sequence[tuple[tuple[int, int] | None, tuple[int, int] | None]]) -> Report:
    """Exact and overlap precision, recall and F1 of source and target spans; macro over the two roles.

    `predicted` holds, per sentence, the (source, target) character spans of the coder's
    best event (None where it has none).
    """
    rows: list[PRF] = []
    overlap: dict[str, PRF] = {}
    for role, name, k in (("S", "source", 0), ("T", "target", 1)):
        exact, loose = PRF(name), PRF(name)
        for sent, pair in zip(gold.sentences, predicted):
            want = sent.spans(role)
            exact.gold += len(want)
            loose.gold += len(want)
            tokens = to_tokens(sent, pair[k] if pair else None)
            if tokens is None:
                continue
            exact.predicted += 1
            loose.predicted += 1
            exact.correct += int(tokens in want)
            loose.correct += int(any(g[0] < tokens[1] and tokens[0] < g[1] for g in want))
        rows.append(exact)
        overlap[name] = loose
    macro_exact = sum(r.f1 for r in rows) / 2
    macro_overlap = sum(r.f1 for r in overlap.values()) / 2
    return Report(
        gold.path, gold.fmt, "spans", len(gold.sentences), rows, None, "exact_macro_f1", macro_exact,
        extra={"overlap_macro_f1": macro_overlap, "overlap": [r.to_dict() for r in overlap.values()]},
        skipped=gold.skipped,
    )


def to_tokens(sent: GoldSentence, span: tuple[int, int] | None) -> tuple[int, int] | None:
    """The token span [start, end) that a character span overlaps, or None."""
    if span is None:
        return None
    a, b = span
    hit = [i for i, (x, y) in enumerate(sent.offsets) if x < b and y > a]
    return (hit[0], hit[-1] + 1) if hit else None


# -- running the coder -------------------------------------------------------------------------------


def predict_quads(coder: Any, sentences: Sequence[str], rule_events: Sequence[Any | None]) -> list[int]:
    """The five-class quad of each sentence under the ConfliBERT task's grouping.

    `rule_events` holds each sentence's best pattern event (None where no pattern
    fired). With a root classifier: its most probable quad, except where a pattern
    fired that names its object or preposition (confidence at least
    :data:`~detente.coding.lexicon.CONF_SPECIFIC_PATTERN`: "reduced military aid") or
    the classifier is less than :data:`RULES_OVER_CLASSIFIER` sure; there the pattern's
    root decides. A model trained on quad classes (as on this task's own train split) is
    used the same way. Without one: the pattern's root, and statement (0) where none fired.
    """
    from detente.coding.classifier import quad_scheme
    from detente.coding.lexicon import CONF_SPECIFIC_PATTERN

    table = quad_scheme("conflibert")
    rules = [table.get(e.root) if e is not None else None for e in rule_events]
    clf = getattr(coder, "classifier", None)
    quad_model = getattr(clf, "label_kind", None) == "quad"  # quads are what this task scores: usable as they are
    if clf is None or not hasattr(clf, "predict_proba") or not (quad_model or getattr(coder, "classifier_gives_roots", False)):
        return [r if r is not None else 0 for r in rules]
    proba = clf.predict_proba(list(sentences), scheme="conflibert")
    out = []
    for p, r, e in zip(proba, rules, rule_events):
        trust_rule = r is not None and (
            float(p.max()) < RULES_OVER_CLASSIFIER or (e.confidence or 0.0) >= CONF_SPECIFIC_PATTERN
        )
        out.append(r if trust_rule else int(p.argmax()))
    return out


CONTEXTS = ("page", "sentence")
"""How `evaluate` reads a JSONL gold file: consecutive sentences of one page as an article, or each alone."""


def articles(sentences: Sequence[GoldSentence]) -> list[list[int]]:
    """Indices of the gold sentences grouped into articles: runs of consecutive sentences sharing a `url`
    (a sentence without one is an article of its own). A page whose sentences are not consecutive in the
    file gives one article per run."""
    groups: list[list[int]] = []
    for i, sent in enumerate(sentences):
        if groups and sent.url is not None and sentences[groups[-1][-1]].url == sent.url:
            groups[-1].append(i)
        else:
            groups.append([i])
    return groups


PROGRESS_CHUNK = 500
"""Sentences coded per call in sentence mode when a caller follows the progress: each sentence is coded on its own,
so the chunks change no result; 500 keeps the coder's worker processes (from 300 sentences a call) busy."""


def code_gold(
    gold: Gold, coder: Any, mode: str = "page", when: date | None = None, *, headlines: bool = True,
    partial: bool = False, advance: Callable[[int], None] | None = None,
) -> list[list[Any]]:
    """Per gold sentence, every result (:class:`~detente.coding.coder.SentenceResult`) `coder` gives it, in the
    coder's order: negated ones too, and partial ones when `partial` is true.

    `mode` "page" codes each article of the file (:func:`articles`: runs of consecutive sentences sharing a
    url) with :meth:`~detente.coding.coder.Coder.code_article_events`, dated by its first sentence's date or
    `when`, reading the first sentence's headline when `headlines` is true; "sentence" codes each sentence
    alone, dated by its own date or `when`. `advance`, if given, is called with the number of sentences just
    coded, after each article or each :data:`PROGRESS_CHUNK` sentences. :func:`predict_events` and the
    benchmarks that look past the scored events (the fingerprint, the restatement and unnamed-side studies)
    all code a gold file with it, so that they code it as ``detente code eval`` does by construction.
    """
    if mode not in CONTEXTS:
        raise InputError(f"unknown context '{mode}'", field="--context", hint="use page or sentence")
    texts = [s.text for s in gold.sentences]
    coded: list[list[Any]] = [[] for _ in texts]
    if mode == "page":
        for group in articles(gold.sentences):
            first = gold.sentences[group[0]]
            headline = first.headline if headlines else None
            results = coder.code_article_events([texts[i] for i in group], first.when or when, headline=headline,
                                                partial=partial)
            for i, found in zip(group, results):
                coded[i] = found
            if advance is not None:
                advance(len(group))
        return coded
    by_date: dict[date | None, list[int]] = {}
    for i, sent in enumerate(gold.sentences):  # sentences may carry their own dates
        by_date.setdefault(sent.when or when, []).append(i)
    for day, indices in by_date.items():
        results = _code_sentences(coder, [texts[i] for i in indices], day, partial=partial, advance=advance)
        for i, found in zip(indices, results):
            coded[i] = found
    return coded


def predict_events(
    gold: Gold, coder: Any, mode: str = "page", when: date | None = None, *, headlines: bool = True,
    advance: Callable[[int], None] | None = None,
) -> list[list[Any]]:
    """Per gold sentence, the asserted events `coder` gives it (:func:`events_to_score`): what :func:`score_events`
    scores.

    Coded by :func:`code_gold` (`mode`, `when`, `headlines` and `advance` as there), without partial events.
    :func:`evaluate` and ``benchmarks/coding_paired.py`` both code with it, so that their counts are the same by
    construction.
    """
    coded = code_gold(gold, coder, mode, when, headlines=headlines, advance=advance)
    return [events_to_score(found) for found in coded]


def _undated(gold: Gold, mode: str) -> int:
    """How many of the file's coding units carry no date of their own, so that :func:`predict_events` dates them
    by `when`: its pages' first sentences in page mode, its sentences in sentence mode."""
    firsts = [gold.sentences[group[0]] for group in articles(gold.sentences)] if mode == "page" else gold.sentences
    return sum(sent.when is None for sent in firsts)


def _code_sentences(
    coder: Any, texts: list[str], day: date | None, *, partial: bool = False,
    advance: Callable[[int], None] | None = None,
) -> list[list[Any]]:
    """:meth:`~detente.coding.coder.Coder.code_sentence_events` of `texts`, in calls of :data:`PROGRESS_CHUNK`
    sentences with `advance` called after each when a caller follows the progress (one call otherwise)."""
    if advance is None:
        return coder.code_sentence_events(texts, day, partial=partial)
    out: list[list[Any]] = []
    for start in range(0, len(texts), PROGRESS_CHUNK):
        chunk = texts[start:start + PROGRESS_CHUNK]
        out.extend(coder.code_sentence_events(chunk, day, partial=partial))
        advance(len(chunk))
    return out


def evaluate(
    path: str | Path, coder: Any, *, fmt: str | None = None, when: date | None = None, context: str | None = None,
    headlines: bool = True, progress: Callable[[int, int], None] | None = None,
) -> Report:
    """Read a gold file, code its sentences with `coder` and score the result.

    `context` says how a JSONL file of sentences with a `url` is coded: "page" codes each run
    of consecutive records sharing a url as one article (:func:`articles`,
    :meth:`detente.coding.coder.Coder.code_article_events`: "He said ..." and "the two sides"
    find their actors in the sentences before, and, with `headlines`, in the records'
    `headline`), scoring each sentence's events against that sentence's gold; "sentence"
    codes each record alone. None (the default) is "page" when the file has such runs and
    "sentence" otherwise (asked for, "page" also reads the headline of a page of one record).
    Other formats are always coded a sentence at a time (a note says so when "page" was asked
    for). Events are coded by :func:`predict_events`. `progress`, if given, is called with the
    sentences coded so far and their total, after each article or each :data:`PROGRESS_CHUNK` sentences.
    """
    if context is not None and context not in CONTEXTS:
        raise InputError(f"unknown context '{context}'", field="--context", hint="use page or sentence")
    gold = read_gold(path, fmt)
    texts = [s.text for s in gold.sentences]
    notes: list[str] = []
    unknown = unknown_codes(gold)
    if unknown:
        notes.append(f"{len(unknown)} gold actor code(s) the actor registry does not know, scored as written (a coded "
                     "event matches them only by the same letters): " + ", ".join(unknown[:12])
                     + (", ..." if len(unknown) > 12 else ""))
    done = 0

    def advance(n: int) -> None:
        nonlocal done
        done += n
        if progress is not None:
            progress(done, len(texts))

    followed = advance if progress is not None else None
    if gold.kind == "events":
        groups = articles(gold.sentences) if gold.fmt == "jsonl" else [[i] for i in range(len(texts))]
        runs = sum(len(g) > 1 for g in groups)
        mode = "page" if context == "page" or context is None and runs else "sentence"
        if mode == "page" and gold.fmt != "jsonl":
            notes.append(f"--context page needs a JSONL gold file whose records carry a url: the {gold.fmt} "
                         "file's sentences were coded each alone")
            mode = "sentence"
        elif mode == "page" and not any(s.url for s in gold.sentences):
            notes.append("--context page: no record carries a url, so each sentence was coded alone")
            mode = "sentence"
        if mode == "page":
            n = sum(len(g) for g in groups)
            notes.append(f"coded {n} sentences as {len(groups)} articles (consecutive records sharing a url)"
                         + ("" if context else "; --context sentence codes each alone"))
        if when is not None and not _undated(gold, mode):
            notes.append(f"--date {when.isoformat()} dated no sentence: every "
                         + ("page" if mode == "page" else "sentence") + " of the file carries its own date")
        predicted = predict_events(gold, coder, mode, when, headlines=headlines, advance=followed)
        report = score_events(gold, predicted)
        report.extra["context"] = mode
        report.extra["articles"] = len(groups) if mode == "page" else len(texts)
        report.notes = notes
        return report
    if context == "page":
        notes.append(f"--context page applies to JSONL gold files of events: the {gold.fmt} file's sentences "
                     "were coded each alone")
    results = _code_sentences(coder, texts, when, partial=True, advance=followed)
    if gold.kind == "quad":
        firsts = [next((r.event for r in events if not abstention.from_classifier(r.event)), None)
                  for events in results]
        report = score_quad(gold, predict_quads(coder, texts, firsts))
    else:
        pairs = [(events[0].source_span, events[0].target_span) if events else (None, None) for events in results]
        report = score_spans(gold, pairs)
    report.notes = notes
    return report


def events_to_score(results: Iterable[Any]) -> list[Any]:
    """The events of a sentence's coding `results` that its gold is compared with: a negated event ("did not attack",
    "has not claimed responsibility") says the act did not happen, so it predicts no event, as the gold files' guides
    code it. ``benchmarks/coding_plover.py`` scores by it too."""
    return [r.event for r in results if not r.event.negated]
