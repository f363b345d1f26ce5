#!/usr/bin/env python3
"""Fit and check entente's confidence model on a gold-annotated set.

    scripts/calibrate.py [--fit] [--bin ENTENTE] [--shared DIR]

Runs `entente extract --explain --format jsonl` on the development set,
labels each (document, event) pair with the scorer's own matching
(../shared/eval/score.py: a matched required or optional gold event is
right, an unmatched event is wrong), and prints the calibration table:
for bins of confidence, how many events fall in the bin and the share that
is right. With --fit it first fits the weights of the evidence features
(L2-regularised logistic regression, plain gradient descent, no packages)
and writes them to data/lexicon/confidence.tsv; the table then shows the
5-fold cross-validated confidences, which is what a held-out set would see.
"""
import json, math, os, random, subprocess, sys
from collections import defaultdict

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
args = sys.argv[1:]
def opt(name, default):
    return args[args.index(name) + 1] if name in args else default
SHARED = opt("--shared", os.path.join(ROOT, "..", "shared"))
BIN = opt("--bin", "")
FIT = "--fit" in args
L2 = 1.0
WEIGHTS = os.path.join(ROOT, "data", "lexicon", "confidence.tsv")

sys.path.insert(0, os.path.join(SHARED, "eval"))
try:
    import score
except ImportError:
    sys.exit(f"calibrate: no scorer at {SHARED}/eval/score.py")

def extract(paths):
    cmd = [BIN] if BIN else ["go", "run", "./cmd/entente"]
    out = subprocess.run(cmd + ["extract", "--explain", "--min-confidence", "0", "--format", "jsonl"] + paths,
                         cwd=ROOT, check=True, capture_output=True, text=True).stdout
    return [json.loads(l) for l in out.splitlines() if l.strip()]

def labelled(gold_path, events):
    """(features, label) per (document, event) pair."""
    gold = score.load(gold_path)
    gb = defaultdict(list)
    for g in gold:
        gb[g["doc"]].append(g)
    sb = defaultdict(list)
    for s in events:
        for d in {src.get("doc", "").split("/")[-1] for src in s.get("sources", [])}:
            sb[d].append(s)
    rows = []
    for doc, ss in sorted(sb.items()):
        if doc not in gb:
            continue
        gs = gb[doc]
        w = {}
        for gi, g in enumerate(gs):
            for si, s in enumerate(ss):
                if score.compatible(g, s):
                    w[(gi, si)] = (10000 if g.get("required", True) else 1000) + (10 if score.date_ok(g, s.get("date")) else 0)
        right = {si for _, si in score.assign(w, len(gs), len(ss))}
        for si, s in enumerate(ss):
            feats = ((s.get("explain") or [{}])[0]).get("evidence") or []
            rows.append((feats, 1 if si in right else 0))
    return rows

def predict(w, feats):
    z = w.get("bias", 0.0) + sum(w.get(f, 0.0) for f in feats)
    return 1 / (1 + math.exp(-max(-30, min(30, z))))

def fit(rows, steps=3000, rate=0.5):
    names = sorted({f for fs, _ in rows for f in fs})
    w = {n: 0.0 for n in ["bias"] + names}
    n = len(rows)
    for _ in range(steps):
        grad = defaultdict(float)
        for fs, y in rows:
            e = predict(w, fs) - y
            grad["bias"] += e
            for f in fs:
                grad[f] += e
        for k in w:
            reg = 0 if k == "bias" else L2 * w[k]
            w[k] -= rate * (grad[k] + reg) / n
    return w

def table(pairs):
    bins = [(0.0, 0.2), (0.2, 0.4), (0.4, 0.6), (0.6, 0.8), (0.8, 1.01)]
    print(f"{'confidence':>12} {'events':>7} {'right':>6} {'precision':>9} {'mean conf':>9}")
    for lo, hi in bins:
        b = [(p, y) for p, y in pairs if lo <= p < hi]
        if not b:
            print(f"{lo:5.1f}–{min(hi,1):<5.1f} {0:7d}")
            continue
        right = sum(y for _, y in b)
        print(f"{lo:5.1f}–{min(hi,1):<5.1f} {len(b):7d} {right:6d} {right/len(b):9.3f} {sum(p for p, _ in b)/len(b):9.3f}")
    for c in (0.5, 0.7, 0.8):
        b = [y for p, y in pairs if p >= c]
        if b:
            print(f"confidence ≥ {c}: {len(b)} events, precision {sum(b)/len(b):.3f}")

def load_weights():
    w = {}
    if os.path.exists(WEIGHTS):
        for line in open(WEIGHTS, encoding="utf-8"):
            if line.strip() and not line.startswith("#"):
                k, v = line.rstrip("\n").split("\t")[:2]
                w[k] = float(v)
    return w

def main():
    dev = os.path.join(SHARED, "eval", "dev")
    if not os.path.isdir(dev):
        sys.exit(f"calibrate: no development set at {dev}")
    rows = labelled(os.path.join(dev, "dev.gold.jsonl"), extract([os.path.join(dev, "docs")]))
    print(f"{len(rows)} events from the development set, {sum(y for _, y in rows)} right")
    if FIT:
        random.seed(7)
        idx = list(range(len(rows)))
        random.shuffle(idx)
        oof = []
        for k in range(5):
            test = set(idx[k::5])
            w = fit([r for i, r in enumerate(rows) if i not in test])
            oof += [(predict(w, rows[i][0]), rows[i][1]) for i in test]
        w = fit(rows)
        with open(WEIGHTS, "w", encoding="utf-8") as f:
            f.write("# Confidence model of a reported event (internal/events/confidence.go):\n"
                    "# feature<TAB>weight. The confidence is 1/(1+exp(-z)) with z the bias plus\n"
                    "# the weights of the event's evidence features. Fitted by\n"
                    "# scripts/calibrate.py --fit on the development set (L2 1.0).\n")
            for k in sorted(w, key=lambda k: (k != "bias", k)):
                f.write(f"{k}\t{w[k]:.3f}\n")
        print("5-fold cross-validated calibration (what unseen text sees):")
        table(oof)
        print(f"wrote {WEIGHTS}")
    else:
        print("calibration of data/lexicon/confidence.tsv on the development set:")
        table([(predict(load_weights(), fs), y) for fs, y in rows])

main()
