#!/usr/bin/env python3
"""A fitted linear baseline for the contribution classifier (an experiment, not shipped).

Trains a multinomial logistic regression on word unigrams and bigrams, the first word, the
phase, the role, the phase and role together, and "a question mark from this role", over some
labelled JSON Lines sets, and scores it on others. It answers one question: would weights fitted
to the labelled sentences generalise to other writers better than the hand-built lexicon? See
docs/classifier.md, "A fitted model generalises better".

Needs Python 3 and numpy. Run from the repository root, for example:

    python3 docs/experiments/linear_baseline.py \
        --train dev heldout heldout-2 heldout-3 heldout-4 heldout-5 blind-1 blind-2 blind-3 \
                blind-4 blind-5 blind-6 blind-7 \
        --test blind-8 blind-9 blind-10 blind-11 blind-12 blind-13 blind-14 blind-15

A set name X stands for balint-core/src/test/resources/org/balint/language/contributions-X.jsonl.
Full-batch gradient descent, 400 steps, fixed step size; no randomness, so a run repeats exactly.
"""
import argparse
import collections
import json
import re

import numpy as np

RESOURCES = "balint-core/src/test/resources/org/balint/language/contributions-{}.jsonl"
KINDS = ["FEELING", "SPECULATION", "QUESTION", "CLINICAL", "NEW_CASE", "JUDGEMENT", "FACILITATION"]
WARNING_KINDS = ["CLINICAL", "NEW_CASE", "JUDGEMENT"]


def load(name):
    with open(RESOURCES.format(name), encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def tokens(text):
    text = text.lower().replace("\u2019", "'")
    return re.findall(r"[a-z0-9&]+(?:'[a-z]+)?|[?!]", text)


SEPARATORS = set("-\u2010\u2011\u2013\u2014\"\u201c\u201d")
APOSTROPHES = set("'\u2019\u2018\u02bc`")


def matcher_tokens(text):
    """The tokens as balint-core's PhraseMatcher reads them: words (letters, digits, '&', and
    apostrophes between them), and marks (any other visible character, one a token)."""
    text = text.lower()
    found, i, n = [], 0, len(text)
    while i < n:
        c = text[i]
        if c.isalnum() or c == "&":
            j = i + 1
            while j < n and (text[j].isalnum() or text[j] == "&" or (
                    text[j] in APOSTROPHES and j + 1 < n and (text[j + 1].isalnum() or text[j + 1] == "&"))):
                j += 1
            found.append("".join("'" if ch in APOSTROPHES else ch for ch in text[i:j]))
            i = j
        else:
            if not (c.isspace() or c in SEPARATORS or c in APOSTROPHES or not c.isprintable()):
                found.append(c)
            i += 1
    return found


def ngrams(words):
    """The unigram ("u:") and bigram ("b:") features of a token list."""
    found = {"u:" + word for word in words}
    found.update("b:" + a + " " + b for a, b in zip(words, words[1:]))
    return found


START_MARK = "\u00b6"


def lexicon_features(row):
    """Only what the lexicon format can carry: word and mark unigrams and bigrams as the matcher
    reads them, the first token (a pair with the lexicon's start mark), the phase and the role."""
    words = matcher_tokens(row["text"])
    found = ngrams(words)
    if words:
        found.add("first:" + words[0])
    found.update(("phase:" + row.get("phase", ""), "role:" + row.get("role", "")))
    return found


def features(row):
    words = tokens(row["text"])
    found = ngrams(words)
    if words:
        found.add("first:" + words[0])
    phase, role = row.get("phase", ""), row.get("role", "")
    found.update(("phase:" + phase, "role:" + role, "phase-role:" + phase + "/" + role))
    if "?" in row["text"]:
        found.add("question-from:" + role)
    return found


def matrix(rows, vocabulary):
    m = np.zeros((len(rows), len(vocabulary)), dtype=np.float32)
    for i, row in enumerate(rows):
        for feature in features(row):
            j = vocabulary.get(feature)
            if j is not None:
                m[i, j] = 1
    return m


def fit(x, y, l2, steps=400, rate=0.5):
    weights = np.zeros((x.shape[1], len(KINDS)), dtype=np.float32)
    bias = np.zeros(len(KINDS), dtype=np.float32)
    target = np.eye(len(KINDS))[y]
    for _ in range(steps):
        z = x @ weights + bias
        z -= z.max(axis=1, keepdims=True)
        p = np.exp(z)
        p /= p.sum(axis=1, keepdims=True)
        weights -= rate * (x.T @ (p - target) / len(y) + l2 * weights / len(y))
        bias -= rate * (p - target).mean(axis=0)
    return weights, bias


def report(name, y, predicted):
    f1 = {}
    for k, kind in enumerate(KINDS):
        tp = int(((predicted == k) & (y == k)).sum())
        fp = int(((predicted == k) & (y != k)).sum())
        fn = int(((predicted != k) & (y == k)).sum())
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1[kind] = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    parts = " ".join("%s %.3f" % (kind, f1[kind]) for kind in WARNING_KINDS)
    print("%-22s %4d sentences  macro-F1 %.3f  accuracy %.3f  %s"
          % (name, len(y), sum(f1.values()) / len(KINDS), float((y == predicted).mean()), parts))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--train", nargs="+", required=True, help="set names to fit on")
    parser.add_argument("--test", nargs="+", required=True, help="set names to score")
    parser.add_argument("--l2", type=float, default=1.0, help="L2 penalty (default 1.0)")
    parser.add_argument("--min-count", type=int, default=2,
                        help="drop features seen fewer times in training (default 2)")
    parser.add_argument("--smallest", type=float, default=0.03,
                        help="with --export, leave out weights smaller than this (default 0.03)")
    parser.add_argument("--export", metavar="FILE",
                        help="fit on the features the lexicon format can carry and write the"
                             " model as a lexicon with '@decision linear'")
    args = parser.parse_args()
    if args.export:
        global features
        features = lexicon_features
    train = [row for name in args.train for row in load(name)]
    counts = collections.Counter(f for row in train for f in features(row))
    vocabulary = {f: i for i, f in enumerate(sorted(f for f, c in counts.items()
                                                    if c >= args.min_count))}
    y_train = np.array([KINDS.index(row["kind"]) for row in train])
    weights, bias = fit(matrix(train, vocabulary), y_train, args.l2)
    print("trained on %d sentences, %d features" % (len(train), len(vocabulary)))
    pooled_y, pooled_p = [], []
    for name in args.test:
        rows = load(name)
        y = np.array([KINDS.index(row["kind"]) for row in rows])
        predicted = (matrix(rows, vocabulary) @ weights + bias).argmax(axis=1)
        report(name, y, predicted)
        pooled_y.append(y)
        pooled_p.append(predicted)
    if len(args.test) > 1:
        report("pooled", np.concatenate(pooled_y), np.concatenate(pooled_p))
    if args.export:
        export(args.export, args.train, vocabulary, weights, bias, args.smallest)


def export(path, train, vocabulary, weights, bias, smallest=0.03):
    """Writes the fitted model in the lexicon format: a bias per kind, priors for the phase and
    the role, and one entry per word or pair and kind whose weight is at least `smallest`."""
    lines = [
        "# A fitted linear model of the contribution kinds, in the lexicon format (see",
        "# docs/classifier.md). Generated by docs/experiments/linear_baseline.py --export from",
        "# the labelled sets: " + " ".join(train) + ".",
        "# Do not edit by hand: fit again instead.",
        "@decision linear",
        "# A text is read as starting with this mark: '\u00b6 has' is 'has' as the first word.",
        "@start-mark " + START_MARK,
        "# Cues are the words and pairs that weighed at least this much for the kind chosen.",
        "@cue-threshold 0.3",
        "@default * FEELING",
    ]
    for k, kind in enumerate(KINDS):
        lines.append("@bias %s %.4f" % (kind, bias[k]))
    entries = {"word": [], "pair": [], "first": []}
    for feature, j in sorted(vocabulary.items()):
        prefix, _, value = feature.partition(":")
        for k, kind in enumerate(KINDS):
            w = float(weights[j, k])
            if abs(w) < smallest:
                continue
            if prefix in ("phase", "role"):
                if value:
                    lines.append("@prior %s %s %s %.4f" % (prefix, value, kind, w))
            elif "#" not in value and "*" not in value and "@" not in value:
                family = {"u": "word", "b": "pair", "first": "first"}[prefix]
                phrase = START_MARK + " " + value if family == "first" else value
                entries[family].append("%s %.4f %s" % (kind, w, phrase))
    for family in ("word", "pair", "first"):
        lines.append("@family fitted." + family)
        lines.extend(entries[family])
    with open(path, "w", encoding="utf-8") as out:
        out.write("\n".join(lines) + "\n")
    print("wrote %s: %d entries" % (path, sum(len(e) for e in entries.values())))


if __name__ == "__main__":
    main()
