"""The pairwise scorer: P(two figures state the same fact), a logistic model learned from data.

Its weights are a small data file (`checker/data/scorer.json`) written by `bench/train_scorer.py`;
running the tool needs only that file.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources
from typing import Any

from checker.align import Frame, Index, frames
from checker.features import NAMES, Context, pair_features
from claims import Claim

WEIGHTS = "scorer.json"


@dataclass(frozen=True, slots=True)
class Model:
    """A standardised logistic model over the features in `checker.features.NAMES`."""

    names: tuple[str, ...]
    weights: tuple[float, ...]
    bias: float
    mean: tuple[float, ...]
    scale: tuple[float, ...]

    def probability(self, x: list[float]) -> float:
        z = self.bias
        for xi, w, m, s in zip(x, self.weights, self.mean, self.scale, strict=True):
            z += w * (xi - m) / s
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    @classmethod
    def of_data(cls, data: dict[str, Any]) -> Model:
        """The model a weights file's JSON describes (``to_data``'s form)."""
        return cls(
            tuple(data["names"]),
            tuple(data["weights"]),
            float(data["bias"]),
            tuple(data["mean"]),
            tuple(data["scale"]),
        )

    def to_data(self) -> dict[str, Any]:
        """The model as JSON-ready data, as the weights file keeps it."""
        return {
            "names": list(self.names),
            "weights": list(self.weights),
            "bias": self.bias,
            "mean": list(self.mean),
            "scale": list(self.scale),
        }

    def contributions(self, x: list[float]) -> dict[str, float]:
        """Each feature's share of the log-odds, for explanations."""
        return {
            n: round(w * (xi - m) / s, 3)
            for n, xi, w, m, s in zip(
                self.names, x, self.weights, self.mean, self.scale, strict=True
            )
        }


@lru_cache(maxsize=1)
def model() -> Model:
    """The shipped model; its feature names must be the code's."""
    data = json.loads(resources.files("checker").joinpath("data", WEIGHTS).read_text("utf-8"))
    if tuple(data["names"]) != NAMES:
        raise RuntimeError(f"{WEIGHTS} was trained on other features: retrain it")
    return Model.of_data(data)


@dataclass(frozen=True, slots=True)
class Pair:
    """A candidate restatement of a figure with its probability and the features behind it."""

    other: Claim
    item: int  # the other claim's id in the index
    probability: float
    features: tuple[float, ...]
    similarity: float


def pairs(claim: Claim, frame: Frame, index: Index, scorer: Model | None = None) -> list[Pair]:
    """The figure's candidates in the index, scored, most likely restatement first."""
    m = scorer or model()
    found = index.candidates(claim, frame)
    if not found:
        return []
    clauses = [index.similarity(frame.clause, index.frames[c.item].clause) for c in found]
    per_sentence: dict[tuple[str, str], int] = {}
    best_in: dict[tuple[str, str], float] = {}
    for c, clause in zip(found, clauses, strict=True):
        key = (index.claims[c.item].source, index.claims[c.item].sentence)
        per_sentence[key] = per_sentence.get(key, 0) + 1
        best_in[key] = max(best_in.get(key, 0.0), clause)
    best_sentence = max(c.similarity for c in found)
    best_clause = max(clauses)
    out = []
    for c, clause in zip(found, clauses, strict=True):
        other = index.claims[c.item]
        alone = per_sentence[(other.source, other.sentence)] == 1
        ctx = Context(best_sentence, best_clause, best_in, alone)
        x = pair_features(claim, frame, other, index.frames[c.item], c, clause, ctx)
        out.append(Pair(other, c.item, m.probability(x), tuple(x), c.similarity))
    out.sort(key=lambda p: -p.probability)
    return out


def same_fact(a: Claim, b: Claim, scorer: Model | None = None) -> float:
    """P(``a`` and ``b`` state the same fact), for two figures known only by themselves (no
    rival candidates): the scorer's view of the pair alone."""
    index = Index()
    # The index compares figures of different sources only.
    index.add_document([b if b.source != a.source else replace(b, source=f"{b.source} (other)")])
    found = pairs(a, frames([a])[0], index, scorer)
    return found[0].probability if found else 0.0
