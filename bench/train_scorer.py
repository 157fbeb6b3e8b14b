"""Train the pairwise scorer from the dev data's labelled pairs and write its weights file.

    python bench/train_scorer.py            # cross-validate (folds grouped by document), then
                                            # fit on everything and write checker/data/scorer.json
    python bench/train_scorer.py --check    # cross-validate only

Deterministic: the same data and code give the same file. Needs scikit-learn (`pip install
-e '.[train]'`); running claimcheck needs only the file it writes.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import datasets

from checker.features import NAMES
from checker.scorer import Model
from checker.scorer import model as shipped

# One thread for the linear algebra, set before numpy loads (in `fit`): with several, sums are
# added in another order from run to run, and a pair at the very edge of a threshold flips.
for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

OUT = datasets.ROOT / "checker" / "data" / "scorer.json"
FOLDS = 5
C = 1.0  # inverse regularisation strength


def examples(names: Sequence[str] = tuple(datasets.DERIVATIONS)) -> list[datasets.Example]:
    out: list[datasets.Example] = []
    for name in names:
        out.extend(datasets.DERIVATIONS[name]())
    return out


def fold_of(group: str, split: int = 0) -> int:
    """A group's fold, fixed by its name: every pair of one document falls in one fold.
    ``split`` numbers another assignment of the groups to folds (0 is the usual one)."""
    salt = f"{split}:" if split else ""
    return int(hashlib.sha1((salt + group).encode()).hexdigest(), 16) % FOLDS


def fit(train: Sequence[datasets.Example]) -> Model:
    """A logistic model; each data set weighs the same in all, and so do its two labels."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    x = np.array([e.features for e in train], dtype=float)
    y = np.array([e.label for e in train])
    counts = Counter((e.dataset, e.label) for e in train)
    sets = {e.dataset for e in train}
    w = np.array([1.0 / (counts[(e.dataset, e.label)] * 2 * len(sets)) for e in train])
    w *= len(train)
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale == 0] = 1.0
    lr = LogisticRegression(C=C, max_iter=2000)
    lr.fit((x - mean) / scale, y, sample_weight=w)
    return Model(
        tuple(NAMES),
        tuple(round(float(v), 6) for v in lr.coef_[0]),
        round(float(lr.intercept_[0]), 6),
        tuple(round(float(v), 6) for v in mean),
        tuple(round(float(v), 6) for v in scale),
    )


def cross_validate(data: Sequence[datasets.Example], split: int = 0) -> dict[int, Model]:
    """One model per fold, trained without it; prints per data set how well held-out pairs rank."""
    models = {}
    scored: dict[str, list[tuple[float, int]]] = defaultdict(list)
    for k in range(FOLDS):
        train = [e for e in data if fold_of(e.group, split) != k]
        test = [e for e in data if fold_of(e.group, split) == k]
        models[k] = model = fit(train)
        for e in test:
            scored[e.dataset].append((model.probability(list(e.features)), e.label))
    for name, rows in sorted(scored.items()):
        acc = sum((p >= 0.5) == bool(y) for p, y in rows) / len(rows)
        print(f"  {name:15} pairs {len(rows):5}  AUC {_auc(rows):.3f}  accuracy {acc:.3f}")
    return models


def model_for(cv: bool, split: int = 0, folds: Path | None = None) -> Callable[[str], Model]:
    """The scorer a document of ``group`` is scored by: the shipped one, or with ``cv`` the one
    trained without the document's fold (of the fold assignment ``split``).

    ``folds``: a folder that keeps the fold scorers: read from it when there, else trained and
    written to it. Written on one tree and read on another, the second tree's figures are
    scored by the first's scorers, so they show what its rules change on documents its scorers
    never saw, without the change to the training pairs (which moves near-tie pairs too)."""
    if not cv:
        model = shipped()
        return lambda group: model
    kept = folds / f"split-{split}.json" if folds is not None else None
    if kept is not None and kept.is_file():
        data = json.loads(kept.read_text(encoding="utf-8"))
        models = {int(k): Model.of_data(v) for k, v in data.items()}
    else:
        models = cross_validate(examples(), split)
        if kept is not None:
            kept.parent.mkdir(parents=True, exist_ok=True)
            payload = {str(k): m.to_data() for k, m in models.items()}
            kept.write_text(json.dumps(payload) + "\n", encoding="utf-8")
    return lambda group: models[fold_of(group, split)]


def _auc(rows: list[tuple[float, int]]) -> float:
    pos = sorted(p for p, y in rows if y)
    neg = sorted(p for p, y in rows if not y)
    if not pos or not neg:
        return float("nan")
    import bisect

    wins = sum(
        bisect.bisect_left(neg, p)
        + 0.5 * (bisect.bisect_right(neg, p) - bisect.bisect_left(neg, p))
        for p in pos
    )
    return wins / (len(pos) * len(neg))


def write(model: Model, data: Sequence[datasets.Example], path: Path = OUT) -> None:
    counts = Counter(e.dataset for e in data)
    payload = {
        "about": "claimcheck pairwise scorer: P(two figures state the same fact)",
        "command": "python bench/train_scorer.py",
        "trained_on": dict(sorted(counts.items())),
        **model.to_data(),
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(payload, indent=1) + "\n", encoding="utf-8")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--check", action="store_true", help="cross-validate only; write nothing")
    args = ap.parse_args()
    data = examples()
    print(f"{len(data)} labelled pairs from {len({e.group for e in data})} documents")
    cross_validate(data)
    if not args.check:
        model = fit(data)
        write(model, data)
        for n, w in sorted(zip(model.names, model.weights, strict=True), key=lambda t: -abs(t[1])):
            print(f"  {n:16} {w:+.3f}")
        print(f"wrote {OUT.relative_to(datasets.ROOT)}")


if __name__ == "__main__":
    main()
