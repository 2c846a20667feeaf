#!/usr/bin/env python3
"""Metrics of one filter's scores on the held-out half: label<TAB>score(0..1)<TAB>verdict(0/1) lines.

Prints (1-AUC)% (scikit-learn roc_auc_score), spam recall and ham false positives at the filter's
own verdict, and the recall at the best threshold with at most 0.1% ham false positives.
"""
import sys


def recall_at(scored, fp_rate):
    """The best spam recall over score thresholds with ham false positives at most `fp_rate`:
    `scored` holds (score, 1 for abusive / 0 for ham) pairs; tied scores move together."""
    n_ham = sum(1 for _, y in scored if not y)
    n_spam = len(scored) - n_ham
    ranked = sorted(scored, key=lambda r: -r[0])
    best, hams, spams, i = 0.0, 0, 0, 0
    while i < len(ranked):
        score = ranked[i][0]
        while i < len(ranked) and ranked[i][0] == score:
            hams += 1 - ranked[i][1]
            spams += ranked[i][1]
            i += 1
        if hams <= fp_rate * n_ham:
            best = max(best, spams / n_spam)
    return best


def main():
    from sklearn.metrics import roc_auc_score

    name, path = sys.argv[1], sys.argv[2]
    train_s = float(sys.argv[3]) if len(sys.argv) > 3 else float("nan")
    score_s = float(sys.argv[4]) if len(sys.argv) > 4 else float("nan")
    rows = [line.rstrip("\n").split("\t") for line in open(path) if line.strip()]
    y = [0 if label == "ham" else 1 for label, _, _ in rows]
    s = [float(score) for _, score, _ in rows]
    v = [int(verdict) for _, _, verdict in rows]
    n_spam, n_ham = sum(y), len(y) - sum(y)
    auc = roc_auc_score(y, s)
    tp = sum(1 for t, p in zip(y, v) if t and p)
    fp = sum(1 for t, p in zip(y, v) if not t and p)
    best_recall = recall_at(list(zip(s, y)), 0.001)
    print(f"{name:10s} (1-AUC)% {100 * (1 - auc):.4f}  recall {100 * tp / n_spam:.2f}% at ham FP {100 * fp / n_ham:.3f}% "
          f"(own verdict)  recall at FP<=0.1%: {100 * best_recall:.2f}%  messages {len(y)} (spam {n_spam}, ham {n_ham})  "
          f"train {train_s:.1f}s score {score_s:.1f}s")


if __name__ == "__main__":
    main()
