"""Fit gradient-boosted regression trees on the log-loss (numpy), in the shape extract.boosting evaluates.

Histogram boosting as in LightGBM/XGBoost, kept small: features are cut into quantile
bins once, each tree is complete of fixed depth, a split maximises the second-order
gain G_l^2/(H_l+lambda) + G_r^2/(H_r+lambda) - G^2/(H+lambda) with at least
``min_leaf`` candidates on each side, and leaves are shrunk by the learning rate.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from extract.boosting import Model, Tree


def fit(x: Any, y: Any, *, trees: int = 100, depth: int = 3, rate: float = 0.1, lam: float = 1.0,
        min_leaf: int = 50, bins: int = 32) -> Model:
    """Boosted trees for labels ``y`` (0/1) on the rows of ``x``; threshold left at 0."""
    x, y = np.asarray(x, float), np.asarray(y, float)
    rows, width = x.shape
    edges = [np.unique(np.quantile(x[:, j], np.linspace(0, 1, bins + 1)[1:-1])) for j in range(width)]
    binned = np.stack([np.searchsorted(e, x[:, j], side="right") for j, e in enumerate(edges)], 1)
    offsets = np.arange(width) * (bins + 1)
    flat = binned + offsets  # one bincount gives every feature's histogram
    prior = min(max(y.mean(), 1e-6), 1 - 1e-6)
    base = float(np.log(prior / (1 - prior)))
    f = np.full(rows, base)
    fitted = []
    for _ in range(trees):
        p = 1 / (1 + np.exp(-f))
        g, h = p - y, p * (1 - p)
        tree, node_rows = _tree(flat, binned, edges, g, h, depth, lam, min_leaf, (bins + 1) * width, bins + 1)
        leaves = np.array(tree.leaves) * rate
        tree = Tree(tree.features, tree.thresholds, tuple(float(v) for v in leaves))
        for leaf, members in enumerate(node_rows):
            f[members] += leaves[leaf]
        fitted.append(tree)
    return Model(base, 0.0, tuple(fitted))


def _tree(flat: Any, binned: Any, edges: list[Any], g: Any, h: Any, depth: int, lam: float, min_leaf: int,
          size: int, stride: int) -> tuple[Tree, list[Any]]:
    features: list[int] = []
    thresholds: list[float] = []
    level = [np.arange(len(g))]
    for _ in range(depth):
        below = []
        for members in level:
            split = _best_split(flat[members], g[members], h[members], lam, min_leaf, size, stride)
            if split is None:
                features.append(-1)
                thresholds.append(0.0)
                below += [members, members[:0]]
                continue
            feature, cut = split
            features.append(feature)
            thresholds.append(float(edges[feature][cut]))
            right = binned[members, feature] > cut
            below += [members[~right], members[right]]
        level = below
    leaves = tuple(float(-g[m].sum() / (h[m].sum() + lam)) if len(m) else 0.0 for m in level)
    return Tree(tuple(features), tuple(thresholds), leaves), level


def _best_split(flat: Any, g: Any, h: Any, lam: float, min_leaf: int, size: int,
                stride: int) -> tuple[int, int] | None:
    """(feature, bin) of the best split of these rows, or None when no split gains."""
    count = len(g)
    if count < 2 * min_leaf:
        return None
    width = flat.shape[1]
    hist_g = np.bincount(flat.ravel(), np.repeat(g, width), size).reshape(width, stride)
    hist_h = np.bincount(flat.ravel(), np.repeat(h, width), size).reshape(width, stride)
    hist_n = np.bincount(flat.ravel(), None, size).reshape(width, stride)
    left_g, left_h, left_n = (np.cumsum(a, 1)[:, :-1] for a in (hist_g, hist_h, hist_n))
    total_g, total_h = g.sum(), h.sum()
    gain = (left_g**2 / (left_h + lam) + (total_g - left_g) ** 2 / (total_h - left_h + lam)
            - total_g**2 / (total_h + lam))
    gain[(left_n < min_leaf) | (count - left_n < min_leaf)] = 0.0
    feature, cut = np.unravel_index(int(np.argmax(gain)), gain.shape)
    if gain[feature, cut] <= 1e-9:
        return None
    return int(feature), int(cut)
