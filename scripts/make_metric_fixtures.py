#!/usr/bin/env python3
"""Reference metric values from scikit-learn on seeded score files (Tests/Fixtures/metrics/).

Each score file holds `label<TAB>score` lines (label ham or spam, score 0..100, with ties);
`expected.tsv` holds, per file, scikit-learn's roc_auc_score and the confusion counts at
threshold 80, which the Swift metric tests must reproduce. Needs scikit-learn.
"""
import os
import random

from sklearn.metrics import confusion_matrix, roc_auc_score

out = os.path.join("Tests", "Fixtures", "metrics")
os.makedirs(out, exist_ok=True)
rows = []
for name, seed, n_ham, n_spam, separation, rounding in [
    ("overlap", 1, 400, 300, 25, 1),
    ("separated", 2, 1000, 500, 60, 0.1),
    ("ties", 3, 200, 200, 10, 10),
    ("imbalanced", 4, 2000, 40, 40, 1),
]:
    rng = random.Random(seed)
    data = []
    for label, n, mean in (("ham", n_ham, 50 - separation / 2), ("spam", n_spam, 50 + separation / 2)):
        for _ in range(n):
            score = min(100, max(0, rng.gauss(mean, 15)))
            data.append((label, round(score / rounding) * rounding))
    rng.shuffle(data)
    with open(os.path.join(out, f"{name}.scores.tsv"), "w") as f:
        for label, score in data:
            f.write(f"{label}\t{score:.4f}\n")
    y = [1 if l == "spam" else 0 for l, _ in data]
    s = [v for _, v in data]
    auc = roc_auc_score(y, s)
    tn, fp, fn, tp = confusion_matrix(y, [1 if v >= 80 else 0 for v in s], labels=[0, 1]).ravel()
    rows.append(f"{name}\t{auc:.12f}\t{tp}\t{fp}\t{tn}\t{fn}")
with open(os.path.join(out, "expected.tsv"), "w") as f:
    f.write("# file\troc_auc_score (scikit-learn)\ttp\tfp\ttn\tfn at score >= 80\n")
    f.write("\n".join(rows) + "\n")
