#!/usr/bin/env python3
"""Fits the linear model of the contribution kinds that ships as the default classifier.

A multinomial logistic regression on word unigrams and bigrams, the first word, the phase and
the role (and, by default, the phase and role together and "a question mark from this role"),
and with --families on the phrase families of the hand-written lexicon, over some labelled JSON
Lines sets. It scores the model on other sets (--test), on each of some sets left out of the fit
in turn (--leave-out, with --folds for k-fold cross-validation of a set), or writes it in the
lexicon format (--export): lexicon-en-fitted.txt is made so, by the command in its header. See
docs/classifier.md.

Needs Python 3 and numpy (and scipy, optionally, for speed). Run from the repository root, e.g.:

    python3 docs/experiments/linear_baseline.py \
        --train dev heldout heldout-2 heldout-3 heldout-4 heldout-5 blind-1 blind-2 blind-3 \
                blind-4 blind-5 blind-6 blind-7 \
        --test blind-8 blind-9 blind-10 blind-11 blind-12 blind-13 blind-14 blind-15

A set name X stands for balint-core/src/test/resources/org/balint/language/contributions-X.jsonl.
Full-batch gradient descent, 400 steps unless --steps, fixed step size; no randomness, so a run
repeats exactly.
"""
import argparse
import sys
import collections
import json
import re

import numpy as np

try:
    from scipy import sparse
except ImportError:  # numpy alone does it too, more slowly
    sparse = None

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


def lexicon_features(row, hand=None):
    """Only what the lexicon format can carry: word and mark unigrams and bigrams as the matcher
    reads them, the first token (a pair with the lexicon's start mark), the phase and the role;
    with a hand lexicon (--families), also each of its families' evidence for each of its kinds."""
    words = matcher_tokens(row["text"])
    found = dict.fromkeys(ngrams(words), 1.0)
    if words:
        found["first:" + words[0]] = 1.0
    found["phase:" + row.get("phase", "")] = 1.0
    found["role:" + row.get("role", "")] = 1.0
    if hand is not None:
        for entry in hand.matches(words):
            key = "family:%s/%s" % (entry.family, entry.kind)
            found[key] = found.get(key, 0.0) + entry.weight
    return found


class HandEntry:
    """One entry of a hand-written lexicon: its family, kind, weight and phrase tokens."""

    def __init__(self, family, kind, weight, phrase):
        self.family, self.kind, self.weight, self.phrase = family, kind, weight, phrase
        self.stem = phrase.endswith("*")
        self.tokens = matcher_tokens(phrase[:-1] if self.stem else phrase)

    def key(self, kind):
        """The lexicon's identity of an entry: its kind, tokens and whether it is a stem."""
        return kind, " ".join(self.tokens), self.stem

    def matches_at(self, words, i):
        last = len(self.tokens) - 1
        if i + last >= len(words):
            return False
        for j, token in enumerate(self.tokens):
            word = words[i + j]
            if not (word.startswith(token) if self.stem and j == last else word == token):
                return False
        return True


class HandLexicon:
    """The entries of a hand-written lexicon file, found in a token list as balint-core's matcher
    finds them (whole tokens; a last word ending in '*' matches any word it starts), each entry
    once however often it occurs, as a linear lexicon counts them."""

    def __init__(self, path):
        self.entries, family = [], ""
        with open(path, encoding="utf-8") as lines:
            for line in lines:
                line = line.split("#", 1)[0].strip()
                if line.startswith("@family"):
                    family = line.split()[1]
                elif line and not line.startswith("@"):
                    kind, weight, phrase = line.split(None, 2)
                    self.entries.append(HandEntry(family, kind, float(weight), " ".join(phrase.split())))
        self.by_first = collections.defaultdict(list)
        self.stems = []
        for entry in self.entries:
            if entry.stem and len(entry.tokens) == 1:
                self.stems.append(entry)
            else:
                self.by_first[entry.tokens[0]].append(entry)

    def matches(self, words):
        found = {}
        for i, word in enumerate(words):
            for entry in self.by_first.get(word, ()):
                if entry.matches_at(words, i):
                    found[id(entry)] = entry
            for entry in self.stems:
                if word.startswith(entry.tokens[0]):
                    found[id(entry)] = entry
        return list(found.values())


def features(row):
    """The script's default features: those of lexicon_features without a hand lexicon, but
    tokenised more simply, and the phase and role together and "a '?' from this role" too."""
    words = tokens(row["text"])
    found = ngrams(words)
    if words:
        found.add("first:" + words[0])
    phase, role = row.get("phase", ""), row.get("role", "")
    found.update(("phase:" + phase, "role:" + role, "phase-role:" + phase + "/" + role))
    if "?" in row["text"]:
        found.add("question-from:" + role)
    return dict.fromkeys(found, 1.0)


class Featurizer:
    """A row's features, by name and value, each row's worked out once (a fit, its matrix and
    every fold of --leave-out ask again): the lexicon format's, with a hand lexicon or not, or
    the script's default."""

    def __init__(self, lexicon_format, hand=None):
        self.hand = hand
        self.of = (lambda row: lexicon_features(row, hand)) if lexicon_format else features
        self.cache = {}

    def __call__(self, row):
        key = (row["text"], row.get("phase", ""), row.get("role", ""))
        if key not in self.cache:
            self.cache[key] = self.of(row)
        return self.cache[key]


def matrix(rows, vocabulary, featurize):
    """The feature matrix of some rows: sparse when scipy is there (much faster), else dense."""
    cells = [(i, vocabulary[f], v) for i, row in enumerate(rows)
             for f, v in featurize(row).items() if f in vocabulary]
    if sparse is not None:
        i, j, v = zip(*cells) if cells else ((), (), ())
        return sparse.csr_matrix((np.array(v, dtype=np.float32), (i, j)),
                                 shape=(len(rows), len(vocabulary)))
    m = np.zeros((len(rows), len(vocabulary)), dtype=np.float32)
    for i, j, v in cells:
        m[i, j] = v
    return m


def fit(x, y, l2, steps, rate=0.5):
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
    parser.add_argument("--test", nargs="+", help="set names to score")
    parser.add_argument("--leave-out", nargs="+", metavar="SET",
                        help="instead of --test: score each of these sets (among --train) with a"
                             " model fitted to the other --train sets, and pool the scores")
    parser.add_argument("--l2", type=float, default=1.0, help="L2 penalty (default 1.0)")
    parser.add_argument("--min-count", type=int, default=2,
                        help="drop features seen fewer times in training (default 2)")
    parser.add_argument("--smallest", type=float, default=0.03,
                        help="with --export, leave out weights smaller than this (default 0.03)")
    parser.add_argument("--folds", type=int, default=0, metavar="K",
                        help="with --leave-out: deal each left-out set into K folds (kind by kind,"
                             " in file order) and score each fold with a model fitted to the"
                             " other folds and the other --train sets: k-fold cross-validation")
    parser.add_argument("--steps", type=int, default=400,
                        help="gradient-descent steps (default 400)")
    parser.add_argument("--families", metavar="LEXICON",
                        help="also fit a weight per kind to each family and kind of this"
                             " hand-written lexicon (with --export, its entries are written"
                             " scaled); like --export, uses only the features the lexicon format"
                             " can carry (no phase with role, no '?' by role)")
    parser.add_argument("--export", metavar="FILE",
                        help="fit on the features the lexicon format can carry and write the"
                             " model as a lexicon with '@decision linear'")
    args = parser.parse_args()
    if args.leave_out:
        if args.test or args.export:
            parser.error("--leave-out fits one model a left-out set: it takes no --test or"
                         " --export")
        missing = [name for name in args.leave_out if name not in args.train]
        if missing:
            parser.error("--leave-out sets must be among --train: " + " ".join(missing))
    elif not args.test and not args.export:
        parser.error("give --test, --export or --leave-out")
    if args.folds and not args.leave_out:
        parser.error("--folds cross-validates the --leave-out sets: give them")
    featurize = Featurizer(bool(args.export or args.families),
                           HandLexicon(args.families) if args.families else None)
    if args.leave_out:
        leave_out(args, featurize)
        return
    train = [row for name in args.train for row in load(name)]
    vocabulary, weights, bias = fit_rows(train, args, featurize)
    print("trained on %d sentences, %d features" % (len(train), len(vocabulary)))
    pooled_y, pooled_p = [], []
    for name in args.test or ():
        rows = load(name)
        y = np.array([KINDS.index(row["kind"]) for row in rows])
        predicted = (matrix(rows, vocabulary, featurize) @ weights + bias).argmax(axis=1)
        report(name, y, predicted)
        pooled_y.append(y)
        pooled_p.append(predicted)
    if args.test and len(args.test) > 1:
        report("pooled", np.concatenate(pooled_y), np.concatenate(pooled_p))
    if args.export:
        export(args.export, vocabulary, weights, bias, args.smallest, featurize.hand)


def fit_rows(train, args, featurize):
    """The vocabulary (features seen --min-count times) and the weights and biases fitted."""
    counts = collections.Counter(f for row in train for f in featurize(row))
    vocabulary = {f: i for i, f in enumerate(sorted(f for f, c in counts.items()
                                                    if c >= args.min_count))}
    y_train = np.array([KINDS.index(row["kind"]) for row in train])
    weights, bias = fit(matrix(train, vocabulary, featurize), y_train, args.l2, args.steps)
    return vocabulary, weights, bias


def leave_out(args, featurize):
    """Scores each --leave-out set with a model fitted to the other --train sets; pools them."""
    pooled_y, pooled_p = [], []
    for held in args.leave_out:
        others = [row for name in args.train if name != held for row in load(name)]
        rows = load(held)
        folds = fold_numbers(rows, args.folds) if args.folds > 1 else [0] * len(rows)
        y = np.array([KINDS.index(row["kind"]) for row in rows])
        predicted = np.zeros(len(rows), dtype=int)
        for fold in sorted(set(folds)):
            inside = [row for row, f in zip(rows, folds) if f != fold]
            vocabulary, weights, bias = fit_rows(others + inside, args, featurize)
            out = [i for i, f in enumerate(folds) if f == fold]
            scores = matrix([rows[i] for i in out], vocabulary, featurize) @ weights + bias
            predicted[out] = scores.argmax(axis=1)
        what = " (%d folds)" % args.folds if args.folds > 1 else " (left out)"
        report(held + what, y, predicted)
        pooled_y.append(y)
        pooled_p.append(predicted)
    report("pooled", np.concatenate(pooled_y), np.concatenate(pooled_p))


def fold_numbers(rows, k):
    """Stratified folds: each kind's rows, in file order, dealt round-robin into k folds."""
    seen = collections.Counter()
    folds = []
    for row in rows:
        folds.append(seen[row["kind"]] % k)
        seen[row["kind"]] += 1
    return folds


def export(path, vocabulary, weights, bias, smallest=0.03, hand=None):
    """Writes the fitted model in the lexicon format: a bias per kind, priors for the phase and
    the role, and one entry per phrase and kind whose weight is at least `smallest`. With
    --families, each hand-lexicon entry is written under its family for every kind, weighing its
    hand weight times its family's fitted weight for that kind; where a word or pair is also an
    entry, the two weights are added, so that each phrase and kind is one entry, as the format
    requires."""
    lines = [
        "# A fitted linear model of the contribution kinds, in the lexicon format (see",
        "# docs/classifier.md). Generated from the repository root by",
        "#   python3 " + " ".join(sys.argv),
        "# Do not edit by hand: fit again instead.",
        "@decision linear",
        "# A text is read as starting with this mark: '\u00b6 has' is 'has' as the first word.",
        "@start-mark " + START_MARK,
        "# Cues are the phrases that weighed more than this for the kind chosen.",
        "@cue-threshold 0.3",
        "@default * FEELING",
    ]
    for k, kind in enumerate(KINDS):
        lines.append("@bias %s %.4f" % (kind, bias[k]))
    entries = collections.OrderedDict()  # (kind, tokens, stem) -> [family, phrase, weight]

    def add(key, family, phrase, weight):
        if key in entries:
            entries[key][2] += weight
        else:
            entries[key] = [family, phrase, weight]

    for entry in hand.entries if hand is not None else ():
        j = vocabulary.get("family:%s/%s" % (entry.family, entry.kind))
        if j is not None:
            for k, kind in enumerate(KINDS):
                add(entry.key(kind), entry.family, entry.phrase, float(weights[j, k]) * entry.weight)
    order = {"u": 0, "b": 1, "first": 2}
    for feature, j in sorted(vocabulary.items(), key=lambda f: (order.get(f[0].partition(":")[0], -1), f[0])):
        prefix, _, value = feature.partition(":")
        for k, kind in enumerate(KINDS):
            w = float(weights[j, k])
            if prefix in ("phase", "role"):
                if value and abs(w) >= smallest:
                    lines.append("@prior %s %s %s %.4f" % (prefix, value, kind, w))
            elif prefix in ("u", "b", "first") and not any(c in value for c in "#*@"):
                family = {"u": "fitted.word", "b": "fitted.pair", "first": "fitted.first"}[prefix]
                phrase = START_MARK + " " + value if prefix == "first" else value
                add((kind, phrase, False), family, phrase, w)
    by_family = collections.OrderedDict()
    for (kind, _, _), (family, phrase, weight) in entries.items():
        if abs(weight) >= smallest:
            by_family.setdefault(family, []).append("%s %.4f %s" % (kind, weight, phrase))
    for family, family_lines in by_family.items():
        lines.append("@family " + family)
        lines.extend(family_lines)
    with open(path, "w", encoding="utf-8") as out:
        out.write("\n".join(lines) + "\n")
    print("wrote %s: %d entries" % (path, sum(len(e) for e in by_family.values())))


if __name__ == "__main__":
    main()
