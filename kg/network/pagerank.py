"""PageRank without SciPy."""
from __future__ import annotations

import networkx as nx

def pagerank(graph: nx.Graph, alpha: float = 0.85, tol: float = 1e-10, max_iter: int = 200) -> dict[str, float]:
    """Weighted PageRank by power iteration (NetworkX's own needs SciPy, which ctkg does without).
    A node without edges spreads its rank evenly over all nodes."""
    nodes = list(graph)
    index = {node: i for i, node in enumerate(nodes)}
    n = len(nodes)
    strength = [0.0] * n
    for u, v, w in graph.edges(data="weight", default=1):
        strength[index[u]] += w
        strength[index[v]] += w
    rank = [1.0 / n] * n
    for _ in range(max_iter):
        dangling = sum(rank[i] for i in range(n) if strength[i] == 0)
        new = [(1 - alpha) / n + alpha * dangling / n] * n
        for u, v, w in graph.edges(data="weight", default=1):
            i, j = index[u], index[v]
            new[j] += alpha * rank[i] * w / strength[i]
            new[i] += alpha * rank[j] * w / strength[j]
        change = sum(abs(a - b) for a, b in zip(new, rank))
        rank = new
        if change < n * tol:
            break
    return dict(zip(nodes, rank))

