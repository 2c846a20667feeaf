#!/usr/bin/env python3
"""The engine issue's held-out measurements, reproducible in one run.

Split: the messages of each labelled corpus sorted by path (Nazario's mailboxes in file order);
even positions train, odd positions are scored. Cartridge A is built from the training half of
spamassassin_public; cartridge B from that half plus the training half of the Nazario phishing
mailboxes (labelled phishing). The held-out spamassassin_public half is scored with A and with B,
the held-out Nazario half with B, all with `imprint score`. Prints (1-AUC)% (scikit-learn), recall and ham false
positives at MinimumScore 80, the share of held-out Nazario messages given category 3
(phishing), and the calibration table (score decile -> observed abusive fraction).

Usage: python3 scripts/engine_heldout.py [SHARED_CORPORA]   (needs a release build and scikit-learn)
"""
import json
import os
import subprocess
import sys
import tempfile

from sklearn.metrics import roc_auc_score

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
shared = sys.argv[1] if len(sys.argv) > 1 else os.path.join(root, "..", "shared", "corpora")
imprint = os.environ.get("IMPRINT", os.path.join(root, ".build", "release", "imprint"))
work = tempfile.mkdtemp(prefix="imprint-heldout-")

def labelled(folder):
    rows = []
    for line in open(os.path.join(folder, "labels.tsv")):
        if line.startswith("#") or not line.strip():
            continue
        path, label = line.rstrip("\n").split("\t")
        rows.append((os.path.join(folder, path), label))
    return sorted(rows)

def mbox_messages(path):
    messages, current = [], []
    for line in open(path, "rb"):
        if line.startswith(b"From ") and current:
            messages.append(b"".join(current)); current = []
        current.append(line)
    if current:
        messages.append(b"".join(current))
    return messages

sa = labelled(os.path.join(shared, "spamassassin_public"))
phish = []
folder = os.path.join(work, "nazario")
os.makedirs(folder)
for name in sorted(os.listdir(os.path.join(shared, "nazario_phishing"))):
    for message in mbox_messages(os.path.join(shared, "nazario_phishing", name)):
        path = os.path.join(folder, f"{len(phish):05d}.eml")
        open(path, "wb").write(message)
        phish.append((path, "phishing"))

test_sa = [r for i, r in enumerate(sa) if i % 2 == 1]
test_phish = [r for i, r in enumerate(phish) if i % 2 == 1]

def build(name, rows):
    os.makedirs(os.path.join(work, name + "-train"))
    with open(os.path.join(work, name + "-train", "labels.tsv"), "w") as f:
        for path, label in rows:
            f.write(f"{path}\t{label}\n")
    subprocess.run([imprint, "cartridge", "build", "--corpus", os.path.join(work, name + "-train"), "--out",
                    os.path.join(work, name)], check=True)

build("A", [r for i, r in enumerate(sa) if i % 2 == 0])
build("B", [r for i, r in enumerate(sa) if i % 2 == 0] + [r for i, r in enumerate(phish) if i % 2 == 0])

def score(rows, cartridge):
    out = []
    for start in range(0, len(rows), 500):
        batch = rows[start:start + 500]
        result = subprocess.run([imprint, "score", "--cartridge", os.path.join(work, cartridge)] + [p for p, _ in batch],
                                check=True, capture_output=True, text=True).stdout
        labels = dict(batch)
        out += [(labels[r["path"]], r) for r in map(json.loads, result.splitlines())]
    return out

for cartridge in ["B", "A"]:
  scored = score(test_sa, cartridge)
  y = [0 if label == "ham" else 1 for label, _ in scored]
  p = [r["probability"] for _, r in scored]
  n_ham, n_spam = y.count(0), y.count(1)
  tp = sum(1 for (label, r) in scored if label != "ham" and r["is_spam"])
  fp = sum(1 for (label, r) in scored if label == "ham" and r["is_spam"])
  print(f"spamassassin_public held-out half, cartridge {cartridge}: (1-AUC)% {100 * (1 - roc_auc_score(y, p)):.4f}  "
        f"recall {100 * tp / n_spam:.2f}%  ham FP {100 * fp / n_ham:.3f}% ({fp} of {n_ham}) at MinimumScore 80")
print("calibration, cartridge A (score decile: messages, observed abusive fraction):")
for decile in range(10):
    rows = [label != "ham" for label, r in scored if min(9, r["score"] // 10) == decile]
    if rows:
        print(f"  {decile * 10:3d}-{decile * 10 + 9 if decile < 9 else 100:3d}: {len(rows):5d}  {sum(rows) / len(rows):.3f}")
phished = score(test_phish, "B")
category3 = sum(1 for _, r in phished if r["category"] == 3)
caught = sum(1 for _, r in phished if r["is_spam"])
print(f"nazario held-out half, cartridge B: {len(phished)} messages, category 3 (phishing) {category3} "
      f"({100 * category3 / len(phished):.1f}%), flagged abusive {caught} ({100 * caught / len(phished):.1f}%)")
