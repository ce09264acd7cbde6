"""Evaluate the fitted termhood model: gradient-boosted decision trees, in plain Python.

Termhood evidence interacts (a capital means a name only inside a sentence, a low count
matters less for a long compound), which a weighted sum cannot express. The model is a
sum of small regression trees fitted by gradient boosting on the log-loss
(``benchmarks/acter_terms.py --fit``, numpy only there) and shipped as JSON
(``termhood_model.json``): per language, the base log-odds, the cut-off, and trees. A
tree of depth *d* is complete and stored breadth-first: ``features`` and ``thresholds``
of the 2**d - 1 inner nodes (feature -1: no split, go left) and 2**d ``leaves``. A
candidate goes right when its feature value is at least the threshold.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

MODEL_FILE = Path(__file__).with_name("termhood_model.json")


@dataclass(frozen=True, slots=True)
class Tree:
    """One complete regression tree, breadth-first."""

    features: tuple[int, ...]
    thresholds: tuple[float, ...]
    leaves: tuple[float, ...]

    def value(self, x: Sequence[float]) -> float:
        features, thresholds = self.features, self.thresholds
        inner = len(features)
        node = 0
        while node < inner:
            feature = features[node]
            node = 2 * node + 1 + (feature >= 0 and x[feature] >= thresholds[node])
        return self.leaves[node - inner]


@dataclass(frozen=True, slots=True)
class Model:
    """Base log-odds, the fitted cut-off (a log-odds) and the trees of one language."""

    base: float
    threshold: float
    trees: tuple[Tree, ...]

    def log_odds(self, x: Sequence[float]) -> float:
        return self.base + sum(tree.value(x) for tree in self.trees)

    def to_data(self) -> dict[str, Any]:
        return {"base": self.base, "threshold": self.threshold,
                "trees": [{"features": list(t.features), "thresholds": list(t.thresholds), "leaves": list(t.leaves)}
                          for t in self.trees]}

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> Model:
        trees = tuple(Tree(tuple(t["features"]), tuple(t["thresholds"]), tuple(t["leaves"])) for t in data["trees"])
        return cls(float(data["base"]), float(data["threshold"]), trees)


@dataclass(frozen=True, slots=True)
class ModelSet:
    """The feature names the trees index and one model per language (``*``: all languages pooled)."""

    features: tuple[str, ...]
    models: dict[str, Model]

    def for_lang(self, lang: str) -> Model:
        return self.models.get(lang) or self.models["*"]

    def to_json(self) -> str:
        data = {"features": list(self.features), "models": {k: m.to_data() for k, m in self.models.items()}}
        return json.dumps(data, indent=None, separators=(",", ":")) + "\n"


@lru_cache(maxsize=1)
def shipped_models() -> ModelSet:
    """The model set fitted on ACTER's training domains, as shipped with the package."""
    data = json.loads(MODEL_FILE.read_text(encoding="utf-8"))
    return ModelSet(tuple(data["features"]), {k: Model.from_data(m) for k, m in data["models"].items()})
