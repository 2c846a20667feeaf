#!/usr/bin/env python3
"""Cross-validation of the score model inside one labelled corpus (a training half), for tuning
without touching the held-out half.

The corpus is shuffled with each seed and dealt into K folds; each fold is scored (`imprint score`)
by a cartridge built (`imprint cartridge build`, with the given `--set` lines) from the other folds.
The pooled held-out scores of a seed give (1-AUC)% (scikit-learn), recall and ham false positives
at MinimumScore 80, and the recall at the best threshold with ham false positives at most 0.1% and
0.5%; the figures are printed per seed and as the mean over seeds.

Usage: python3 scripts/rank_cv.py LABELS_TSV [--seeds 1,2,3] [--folds 2] [--set 'key = value']... [--build-folds N]
       (IMPRINT=path/to/imprint; default .build/release/imprint)
"""
import argparse
import json
import os
import random
import subprocess
import sys
import tempfile

from sklearn.metrics import roc_auc_score

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
imprint = os.environ.get("IMPRINT", os.path.join(root, ".build", "release", "imprint"))
sys.path.insert(0, os.path.join(root, "Benchmarks", "peers"))
from peer_metrics import recall_at  # noqa: E402  (one definition of the recall at a FP bound)


def read_labels(path):
    folder = os.path.dirname(os.path.abspath(path))
    rows = []
    for line in open(path):
        if line.startswith("#") or not line.strip():
            continue
        name, label = line.rstrip("\n").split("\t")
        rows.append((os.path.join(folder, name), label))
    return sorted(rows)


def run_seed(rows, seed, folds, sets, work, extra=()):
    extra = list(extra)
    order = rows[:]
    random.Random(seed).shuffle(order)
    scored = []  # (probability, is_abusive, is_spam verdict)
    for fold in range(folds):
        train = [r for i, r in enumerate(order) if i % folds != fold]
        test = [r for i, r in enumerate(order) if i % folds == fold]
        base = os.path.join(work, f"s{seed}f{fold}")
        os.makedirs(os.path.join(base, "train"))
        with open(os.path.join(base, "train", "labels.tsv"), "w") as out:
            out.writelines(f"{path}\t{label}\n" for path, label in train)
        args = [imprint, "cartridge", "build", "--corpus", os.path.join(base, "train"), "--out", os.path.join(base, "cartridge")]
        for line in sets:
            args += ["--set", line]
        args += extra
        subprocess.run(args, check=True, stdout=subprocess.DEVNULL)
        labels = dict(test)
        result = subprocess.run([imprint, "score", "--cartridge", os.path.join(base, "cartridge"), "--files-from", "-"],
                                input="".join(f"{path}\n" for path, _ in test), capture_output=True, text=True, check=True)
        for line in result.stdout.splitlines():
            record = json.loads(line)
            scored.append((record["probability"], 0 if labels[record["path"]] == "ham" else 1, 1 if record["is_spam"] else 0))
    y = [r[1] for r in scored]
    n_spam, n_ham = sum(y), len(y) - sum(y)
    pairs = [(r[0], r[1]) for r in scored]
    return {
        "one_minus_auc_pct": 100 * (1 - roc_auc_score(y, [r[0] for r in scored])),
        "recall_80": 100 * sum(1 for r in scored if r[1] and r[2]) / n_spam,
        "fp_80": 100 * sum(1 for r in scored if not r[1] and r[2]) / n_ham,
        "recall_fp01": 100 * recall_at(pairs, 0.001),
        "recall_fp05": 100 * recall_at(pairs, 0.005),
    }


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("labels")
    parser.add_argument("--seeds", default="1,2,3")
    parser.add_argument("--folds", type=int, default=2)
    parser.add_argument("--set", action="append", default=[])
    parser.add_argument("--name", default="")
    parser.add_argument("--build-folds", type=int, default=None, help="--folds of cartridge build (default its own)")
    options = parser.parse_args()
    rows = read_labels(options.labels)
    work = tempfile.mkdtemp(prefix="imprint-cv-")
    results = []
    for seed in [int(s) for s in options.seeds.split(",")]:
        metrics = run_seed(rows, seed, options.folds, options.set, work,
                           ["--folds", str(options.build_folds)] if options.build_folds else [])
        results.append(metrics)
        print(f"{options.name} seed {seed}: " + "  ".join(f"{k} {v:.4f}" for k, v in metrics.items()), flush=True)
    mean = {k: sum(r[k] for r in results) / len(results) for k in results[0]}
    print(f"{options.name} mean: " + "  ".join(f"{k} {v:.4f}" for k, v in mean.items()), flush=True)
    subprocess.run(["rm", "-rf", work])


if __name__ == "__main__":
    main()
